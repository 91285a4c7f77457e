"""Adapty from Python (uniffi bindings) against the sandbox: profiles, access, paywalls, virtual
currency, exports, the Web API, webhooks (parsed by AdaptyWebhookReceiver) and bulk work."""

import asyncio
import http.server
import json
import os
import threading
import urllib.request
import uuid

import pytest

import adkit as ak

BASE = os.environ["ADKIT_SANDBOX_URL"]
ROOT = BASE + "/adapty/"
RUN = uuid.uuid4().hex[:8]


def client(key=None, public=None, retries=None):
    return ak.AdaptyClient(
        secret_key=key, public_key=public,
        options=ak.AdaptyClientOptions(base_url=ROOT, max_retries=retries),
    )


def user(cuid):
    return ak.AdaptyUser(customer_user_id=cuid)


def test_profile_access_and_not_found():
    async def run():
        c = client(f"secret_py_{RUN}")
        u = user("py-1")
        p = await c.create_profile(u, ak.ProfileRequest(
            email="ann@example.com",
            custom_attributes=[ak.CustomAttribute(key="level", value=ak.AttributeValue.NUMBER(10.0))],
        ))
        assert p.customer_user_id == "py-1"
        assert p.custom_attributes[0].value == ak.AttributeValue.NUMBER(10.0)
        p = await c.grant_access_level(u, ak.GrantAccessLevelRequest(access_level_id="premium"))
        assert [a.access_level_id for a in p.access_levels] == ["premium"]
        await c.delete_profile(u)
        with pytest.raises(ak.AdkitError.NotFound) as e:
            await c.get_profile(u)
        assert e.value.info.status == 404 and e.value.info.code == "profile_does_not_exist"
        with pytest.raises(ak.AdkitError.NotFound) as e:
            await c.grant_access_level(u, ak.GrantAccessLevelRequest(access_level_id="premium"))
        assert e.value.info.status == 400

    asyncio.run(run())


def test_bad_input_is_refused_before_sending():
    async def run():
        c = client(f"secret_py_bad_{RUN}")
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.get_profile(ak.AdaptyUser())
        assert e.value.field == "user"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.get_profile(ak.AdaptyUser(profile_id="3286abd3-48b0-4e9c-a5f6-ac0a006333a6", customer_user_id="x"))
        assert e.value.field == "user"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.get_profile(user("a\r\nb"))
        assert e.value.field == "customer_user_id"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.update_profile(user("x"), ak.ProfileRequest(custom_attributes=[
                ak.CustomAttribute(key="é" * 3, value=ak.AttributeValue.TEXT("v"))]))
        assert e.value.field == "custom_attributes.key"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.grant_access_level(user("x"), ak.GrantAccessLevelRequest(
                access_level_id="premium", expires_at="next tuesday"))
        assert e.value.field == "expires_at"
        with pytest.raises(ak.AdkitError.InvalidInput):
            ak.AdaptyClient()
        # Nothing reached the sandbox for this tenant.
        with urllib.request.urlopen(f"{BASE}/__sandbox/requests?key=secret_py_bad_{RUN}") as r:
            assert json.load(r) == []

    asyncio.run(run())


def test_paywalls_vc_exports_and_web_api():
    async def run():
        c = client(f"secret_py_misc_{RUN}")
        page = await c.list_paywalls(ak.ListPaywalls(page=1, page_size=10))
        assert page.pagination.count == 45 and len(page.items) == 10
        # Every paywall through core's pager, then the capped collect: same paywalls, refused over the cap.
        pages = c.paywalls_paginator(ak.ListPaywalls(page_size=20))
        sizes = []
        while (p := await pages.next_page()) is not None:
            sizes.append(len(p.items))
        assert sizes == [20, 20, 5]
        everything = await c.collect_paywalls(ak.ListPaywalls(page_size=20), 45)
        assert len({pw.paywall_id for pw in everything}) == 45
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.collect_paywalls(ak.ListPaywalls(), 44)
        u = user("wallet")
        await c.create_profile(u, ak.ProfileRequest())
        r = await c.create_virtual_currency_transaction(u, ak.VirtualCurrencyTransactionRequest(
            items=[ak.CurrencyAmount(currency_code="coins", amount=5)]))
        assert r.balances[0].balance == 5 and len(r.idempotency_key) == 36
        for _ in range(2):
            await c.create_virtual_currency_transaction(u, ak.VirtualCurrencyTransactionRequest(
                items=[ak.CurrencyAmount(currency_code="coins", amount=1)]))
        history = c.virtual_currency_transactions_paginator(u, ak.VirtualCurrencyHistoryQuery(limit=2))
        first, second = await history.next_page(), await history.next_page()
        assert (len(first.items), len(second.items), await history.next_page()) == (2, 1, None)
        walked = await c.collect_virtual_currency_transactions(u, ak.VirtualCurrencyHistoryQuery(limit=2), 3)
        assert [t.transaction_id for t in walked] == [t.transaction_id for t in first.items + second.items]
        bal = await c.list_virtual_currency_balances(u)
        assert {b.code: b.balance for b in bal.balances} == {"coins": 7, "gems": 0}
        j = await c.export_placements(ak.ExportPlacements(
            placement_type=ak.PlacementType.PAYWALL(), format=ak.ExportFormat.JSON))
        s = await c.export_placements(ak.ExportPlacements(
            placement_type=ak.PlacementType.PAYWALL(), format=ak.ExportFormat.CSV))
        assert s.format == ak.ExportFormat.CSV and s.raw.startswith("developer_id,")
        assert j.rows == s.rows and len(j.rows) == 5
        web = client(public=f"public_py_misc_{RUN}")
        pw = await web.get_web_paywall(ak.WebPaywallRequest(store="app_store", placement_id="main", customer_user_id="wallet"))
        assert pw.paywall_name == "Paywall 0"
        with pytest.raises(ak.AdkitError.NotFound):
            await web.get_web_paywall(ak.WebPaywallRequest(store="app_store", placement_id="nope", customer_user_id="wallet"))

    asyncio.run(run())


class _Hook(http.server.BaseHTTPRequestHandler):
    receiver = None
    seen = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        headers = [ak.HttpHeader(name=k, value=v) for k, v in self.headers.items()]
        try:
            delivery = self.receiver.receive(headers, body)
            self.seen.append(delivery)
            status, reply = 200, self.receiver.ack_body()
        except ak.AdkitError.Verification:
            status, reply = 401, "{}"
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.end_headers()
        self.wfile.write(reply.encode())

    def log_message(self, *args):
        pass


def test_webhooks_end_to_end_and_bulk():
    _Hook.receiver = ak.AdaptyWebhookReceiver("Bearer py-hook")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    key = f"secret_py_hook_{RUN}"
    req = urllib.request.Request(
        f"{BASE}/__sandbox/adapty/webhook", method="POST", headers={"content-type": "application/json"},
        data=json.dumps({"key": key, "url": f"http://127.0.0.1:{server.server_port}/", "authorization": "Bearer py-hook"}).encode())
    with urllib.request.urlopen(req) as r:
        assert json.load(r)["verified"] is True
    assert isinstance(_Hook.seen[0], ak.WebhookDelivery.VERIFICATION)

    async def run():
        c = client(key)
        users = [user(f"bulk-{i}") for i in range(12)]
        for u in users:
            await c.create_profile(u, ak.ProfileRequest())
        seen = []

        class Listener(ak.BulkProgressListener):
            def on_progress(self, progress):
                seen.append(progress.done)

        report = await c.bulk(ak.BulkOperation.GRANT(request=ak.GrantAccessLevelRequest(access_level_id="pro")),
                              users, ak.BulkOptions(concurrency=4, stop_on_auth_error=True), Listener())
        assert report.succeeded == 12 and [i.index for i in report.items] == list(range(12))
        assert sorted(seen) == list(range(1, 13))
        report = await c.bulk(ak.BulkOperation.DELETE(), users + [user("ghost")])
        assert (report.succeeded, report.failed) == (12, 1)
        assert report.items[-1].failure.kind == "not_found"

    asyncio.run(run())
    for _ in range(100):
        if len(_Hook.seen) >= 13:
            break
        threading.Event().wait(0.02)
    events = [d.event for d in _Hook.seen if isinstance(d, ak.WebhookDelivery.EVENT)]
    assert len(events) == 12
    assert all(e.event_type == ak.WebhookEventType.ACCESS_LEVEL_UPDATED() for e in events)
    assert len({e.dedupe_key for e in events}) >= 1
    server.shutdown()


def test_blocking_client():
    c = ak.BlockingAdaptyClient(secret_key=f"secret_py_blk_{RUN}", options=ak.AdaptyClientOptions(base_url=ROOT))
    p = c.create_profile(user("blk"), ak.ProfileRequest())
    assert c.get_profile(ak.AdaptyUser(profile_id=p.profile_id)).customer_user_id == "blk"
    assert "secret_py_blk" not in repr(c)


def test_a_throwing_bulk_listener_loses_nothing():
    key = f"secret_py_bulk_throw_{RUN}"
    users = [user(f"throw-{i}") for i in range(20)]

    async def run():
        c = client(key)
        for u in users:
            await c.create_profile(u, ak.ProfileRequest())
        told = []

        class Throwing(ak.BulkProgressListener):
            def on_progress(self, progress):
                told.append(progress.done)
                if progress.done >= 6:
                    raise ValueError(f"dashboard unreachable at {progress.done}")

        report = await c.bulk(ak.BulkOperation.DELETE(), users, ak.BulkOptions(concurrency=4, stop_on_auth_error=True), Throwing())
        assert (report.succeeded, report.failed) == (20, 0)
        assert [i.index for i in report.items] == list(range(20)) and all(i.failure is None for i in report.items)
        assert sorted(told) == list(range(1, 21)), "still told after throwing"
        failures = c.take_listener_failures()
        assert len(failures) == 15 and {f.listener for f in failures} == {"BulkProgressListener.on_progress"}
        assert "dashboard unreachable" in failures[0].message
        # Every profile is gone, as the sandbox sees it.
        for u in users:
            with pytest.raises(ak.AdkitError.NotFound):
                await c.get_profile(u)

    asyncio.run(run())


def test_webhook_receiver_needs_a_value_and_a_matching_header():
    for missing in (None, ""):
        with pytest.raises(ak.AdkitError.InvalidInput):
            ak.AdaptyWebhookReceiver(missing)
    with pytest.raises(ak.AdkitError.InvalidInput):
        ak.AdaptyWebhookReceiver(None, "")
    receiver = ak.AdaptyWebhookReceiver("Bearer py-hook")
    body = b"{}"
    for headers in ([], [ak.HttpHeader(name="Authorization", value="")], [ak.HttpHeader(name="Authorization", value="Bearer nope")]):
        with pytest.raises(ak.AdkitError.Verification):
            receiver.receive(headers, body)
    assert isinstance(receiver.receive([ak.HttpHeader(name="authorization", value="Bearer py-hook")], body), ak.WebhookDelivery.VERIFICATION)
    sandbox_only = ak.AdaptyWebhookReceiver(None, "Bearer sb-hook")
    with pytest.raises(ak.AdkitError.Verification):
        sandbox_only.receive([ak.HttpHeader(name="Authorization", value="")], body)
    assert "py-hook" not in repr(receiver) and "py-hook" not in str(receiver)
