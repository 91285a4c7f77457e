"""Admitad from Python (uniffi bindings) against the sandbox: the authorization-code flow, the managed
token with a persistence listener, a client started from stored tokens, pagination, bad input."""

import asyncio
import base64
import hashlib
import hmac
import json
import os
import urllib.error
import urllib.request
import uuid

import pytest

import adkit as ak
from host import fault, requests_of

BASE = os.environ["ADKIT_SANDBOX_URL"]
ROOT = BASE + "/admitad/"
RUN = uuid.uuid4().hex[:8]


def client(cid, scopes, **kw):
    return ak.AdmitadClient(cid, f"secret_{cid}", scopes, options=ak.AdmitadClientOptions(base_url=ROOT), **kw)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_authorization_code_flow_and_listener():
    seen = []

    class Listener(ak.AdmitadTokenListener):
        def on_tokens(self, tokens):
            seen.append(tokens.refresh_token())

    cid = f"adm_py_{RUN}"
    c = client(cid, [ak.Scope.PRIVATE_DATA(), ak.Scope.STATISTICS()], listener=Listener())
    redirect_uri = "http://127.0.0.1:9/cb"
    auth = c.authorization_url(redirect_uri)
    assert len(auth.state) == 32
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as e:
        opener.open(auth.url)
    location = e.value.headers["Location"]
    with pytest.raises(ak.AdkitError.Verification):
        ak.parse_admitad_callback(location, "0" * 32)
    code = ak.parse_admitad_callback(location, auth.state)

    async def run():
        tokens = await c.exchange_code(code, redirect_uri)
        assert "secret" not in repr(tokens) and tokens.access_token() not in repr(tokens)
        me = await c.me()
        assert me.username == "webmaster1"
        assert len(seen) == 1 and seen[0] == tokens.refresh_token()
        # A new client from the stored pair makes no token request.
        restored = client(cid, [ak.Scope.PRIVATE_DATA()], tokens=ak.AdmitadTokens(
            tokens.access_token(), tokens.expires_at_ms(), tokens.refresh_token(), tokens.scope()))
        await restored.me()
        assert restored.token_requests() == 0

    asyncio.run(run())


def test_paginator_collect_and_bad_input():
    c = client(f"adm_py_pages_{RUN}", [ak.Scope.STATISTICS()])

    async def run():
        req = ak.ListStatistics(report=ak.StatisticsReport.DATES(), limit=500, offset=99_000)
        pager = c.statistics_paginator(req)
        offsets = []
        while (page := await pager.next_page()) is not None:
            offsets.append(page.offset)
        assert offsets == [99_000, 99_300, 99_600, 99_900], "follows the server's lower limit"
        rows = await c.collect_statistics(req, 1_000)
        assert len(rows) == 1_000 and rows[0].payment_sum_open == "0.00"
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.collect_statistics(req, 999)
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.statistics(ak.ListStatistics(report=ak.StatisticsReport.WEBSITES(), limit=501))
        assert e.value.field == "limit"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.statistics(ak.ListStatistics(report=ak.StatisticsReport.WEBSITES(), date_start="02.01.2024", date_end="01.01.2024"))
        assert e.value.field == "date_end"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.deeplinks(ak.GetDeeplinks(website_id=1, campaign_id=2, ulp=["https://e/"] * 201))
        assert e.value.field == "ulp"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.deeplinks(ak.GetDeeplinks(website_id=1, campaign_id=2, ulp=["https://e/"], subid="x" * 51))
        assert e.value.field == "subid"
        assert c.token_requests() == 1

    asyncio.run(run())
    with pytest.raises(ak.AdkitError.InvalidInput):
        ak.AdmitadClient("adm_x", "s", [ak.Scope.OTHER("payments")])
    with pytest.raises(ak.AdkitError.InvalidInput):
        client(f"adm_py_{RUN}", [ak.Scope.BANNERS()]).authorization_url("http://example.com/cb")


def test_signed_request():
    secret = "a0f8a8b24de8b8182a0ddd2e89f5b1"
    payload = base64.b64encode(json.dumps({"username": "webmaster1", "id": 1, "algorithm": "HMAC-SHA256"}).encode()).decode()
    sig = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    verified = ak.verify_admitad_signed_request(f"{sig}.{payload}", secret)
    assert verified.username() == "webmaster1" and verified.user_id() == 1
    assert verified.tokens() is None
    with pytest.raises(ak.AdkitError.Verification):
        ak.verify_admitad_signed_request(f"{sig}.{payload}x", secret)


def test_publisher_lists():
    c = client(f"adm_py_pub_{RUN}", [ak.Scope.WEBSITES(), ak.Scope.ADVCAMPAIGNS(), ak.Scope.ADVCAMPAIGNS_FOR_WEBSITE(),
                                      ak.Scope.COUPONS(), ak.Scope.VALIDATE_LINKS(), ak.Scope.MANAGE_BROKEN_LINKS()])

    async def run():
        sites = await c.websites()
        assert [w.id for w in sites.items] == [22, 23]
        programs = await c.collect_programs(ak.ListPrograms(website=22, limit=50), 500)
        assert len(programs) == 120 and programs[5].epc == "0.06"
        assert (await c.program(ak.GetProgram(id=7))).rating == "7.5"
        with pytest.raises(ak.AdkitError.NotFound):
            await c.program(ak.GetProgram(id=999))
        page = await c.coupons(ak.ListCoupons(campaign=[2, 3], limit=5))
        assert page.count == 20 and len(page.items) == 5
        assert (await c.validate_link(ak.ValidateLink(link="https://ad.admitad.com/g/x/"))).valid
        assert (await c.resolve_broken_links(ak.ResolveBrokenLinks(link_ids=[10, 20]))).resolved == [10, 20]
        pager = c.programs_paginator(ak.ListPrograms(limit=50))
        sizes = []
        while (p := await pager.next_page()) is not None:
            sizes.append(len(p.items))
        assert sizes == [50, 50, 20]

    asyncio.run(run())
    blocking = ak.BlockingAdmitadClient(f"adm_py_blk_{RUN}", f"secret_adm_py_blk_{RUN}", [ak.Scope.WEBSITES()],
                                        options=ak.AdmitadClientOptions(base_url=ROOT))
    assert [w.id for w in blocking.websites().items] == [22, 23]


def test_blocking_calls_reuse_one_event_loop_per_thread(monkeypatch):
    import asyncio.events
    import threading

    created = []
    real = asyncio.events.new_event_loop

    def counting():
        loop = real()
        created.append(loop)
        return loop

    monkeypatch.setattr(asyncio.events, "new_event_loop", counting)
    monkeypatch.setattr(asyncio, "new_event_loop", counting)
    blocking = ak.BlockingAdmitadClient(f"adm_py_loop_{RUN}", f"secret_adm_py_loop_{RUN}", [ak.Scope.WEBSITES()],
                                        options=ak.AdmitadClientOptions(base_url=ROOT))
    for _ in range(5):
        assert [w.id for w in blocking.websites().items] == [22, 23]
    assert len(created) <= 1, f"{len(created)} event loops for 5 calls on one thread"
    # Shared between threads: each thread gets a loop of its own, once.
    results, errors = [], []

    def worker():
        try:
            for _ in range(3):
                results.append(len(blocking.websites().items))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [2] * 12
    assert len(created) <= 5


def test_a_throwing_token_listener_keeps_the_token():
    told = []

    class Throwing(ak.AdmitadTokenListener):
        def on_tokens(self, tokens):
            told.append(tokens.access_token())
            raise OSError("token store is read-only")

    c = client(f"adm_py_throw_{RUN}", [ak.Scope.PRIVATE_DATA()], listener=Throwing())

    async def run():
        assert (await c.me()).username == "webmaster1", "the call that minted the token succeeded"
        assert c.token_requests() == 1 and len(told) == 1
        assert c.tokens().access_token() == told[0], "the client kept the pair"
        await c.me()
        assert c.token_requests() == 1, "no new token request"
        failures = c.take_listener_failures()
        assert [f.listener for f in failures] == ["AdmitadTokenListener.on_tokens"]
        assert "token store is read-only" in failures[0].message

    asyncio.run(run())


def test_an_undecodable_token_response_never_shows_the_tokens():
    cid = f"adm_py_leak_{RUN}"
    basic = base64.b64encode(f"{cid}:secret_{cid}".encode()).decode()
    body = '{"access_token":"","refresh_token":"LEAKME","scope":7}'
    fault(basic, {"status": 200, "body": body})
    fault(basic, {"status": 200, "body": body.replace('""', '"ATLEAK"')})
    c = client(cid, [ak.Scope.PRIVATE_DATA()])

    async def run():
        for _ in range(2):
            with pytest.raises(ak.AdkitError.Decode) as e:
                await c.me()
            err = e.value
            shown = [str(err), repr(err), str(err.info), repr(err.info), err.info.body_excerpt, err.info.detail, str(err.args)]
            assert all("LEAKME" not in s and "ATLEAK" not in s for s in shown), shown

    asyncio.run(run())
    assert len(requests_of(basic)) == 2


def test_numbers_out_of_range_are_refused_never_wrapped():
    with pytest.raises(ak.AdkitError.InvalidInput) as e:
        ak.AdmitadClient("adm_x", "s", [ak.Scope.PUBLIC_DATA()], options=ak.AdmitadClientOptions(max_requests_per_minute=0))
    assert e.value.field == "max_requests_per_minute"
    with pytest.raises(ak.AdkitError.InvalidInput) as e:
        ak.AdjustClient("adj_x", options=ak.AdjustClientOptions(timeout_ms=0))
    c = client(f"adm_py_range_{RUN}", [ak.Scope.STATISTICS()])

    async def run():
        req = ak.ListStatistics(report=ak.StatisticsReport.DATES())
        # Python ints outside the parameter's type are refused before anything is sent.
        for bad in (-1, 2**64):
            with pytest.raises((ValueError, OverflowError)):
                await c.collect_statistics(req, bad)
        with pytest.raises((ValueError, OverflowError)):
            await c.statistics(ak.ListStatistics(report=ak.StatisticsReport.DATES(), limit=2**32 + 1))
        with pytest.raises(TypeError):
            await c.collect_statistics(req, 10.5)

    asyncio.run(run())
    assert c.token_requests() == 0
