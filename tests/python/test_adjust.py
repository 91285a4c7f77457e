"""adkit from Python (uniffi bindings) against the sandbox: the built-in transport and one written in Python."""

import asyncio
import json
import os
import urllib.request
import uuid

import pytest

import adkit
from host import PyTransport, requests_of
ak = adkit

BASE = os.environ["ADKIT_SANDBOX_URL"]
ADJUST = BASE + "/adjust/api/"
HASH = ":".join(["AB"] * 20)
RUN = uuid.uuid4().hex[:8]  # fresh sandbox tenants per run
FAST = adkit.WaitOptions(timeout_ms=10_000, initial_interval_ms=5, max_interval_ms=20)


def client(token, transport=None):
    return ak.AdjustClient(token, "sig_py", ak.AdjustClientOptions(base_url=ADJUST), transport)


def android(store_id):
    return adkit.CreateApp(store_id=store_id, platform=adkit.Platform.ANDROID(), name="Py App", bundle_id=store_id)


@pytest.mark.parametrize("transport", [None, "python"])
def test_every_endpoint(transport):
    t = PyTransport() if transport else None
    token = f"adj_py_{RUN}_" + (transport or "native")
    c = client(token, t)

    async def run():
        store = "com.example.py." + (transport or "native")
        created = await c.create_app(android(store))
        assert len(created.adjust_app_token) == 12
        assert created.request_id.startswith("sbx-")
        app = created.adjust_app_token
        assert (await c.get_app(app)).name == "Py App"
        assert (await c.find_app(store, adkit.Platform.ANDROID())).adjust_app_token == app
        seen = []

        class Listener(ak.TicketProgressListener):
            def on_progress(self, status):
                seen.append(str(status.status))

        done = await c.wait_for_ticket(created.ticket_token, FAST, Listener())
        assert done.status == adkit.TicketState.COMPLETED()
        assert len(seen) == 3
        assert done.sections["events"].successes == ['"install"', '"purchase"']
        urls = await c.create_campaign(
            adkit.CreateCampaign(store_id=store, platform=adkit.Platform.ANDROID(), channel="organic")
        )
        assert urls.click_url.startswith("https://app.adjust.com/")
        assert (await c.list_channels(app)).channels == ["organic"]
        assert (await c.get_signature(store)).android_app_token == app
        gen = await c.generate_signature(
            adkit.GenerateSignature(app_token=app, platform=adkit.Platform.ANDROID(), android_signature_hash=HASH)
        )
        sig = await c.wait_for_ticket(gen.ticket_token, FAST)
        assert sig.signatures["android"].success
        st = await c.get_ticket_status(gen.ticket_token)
        assert st.status == adkit.TicketState.COMPLETED()
        up = await c.update_app(adkit.UpdateApp(app_token=app, name="Renamed"))
        assert up.name == "Renamed"

    asyncio.run(run())
    if t:
        assert t.calls >= 12


def test_errors_are_typed():
    async def run():
        with pytest.raises(ak.AdkitError.Auth) as e:
            await client("nope").get_app("abcdefabcdef")
        assert e.value.info.status == 401
        assert e.value.info.request_id.startswith("sbx-")
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await client(f"adj_py_err_{RUN}").get_app("../etc")
        assert e.value.field == "app_token"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await client(f"adj_py_err_{RUN}").find_app("x", adkit.Platform.OTHER("windows"))
        assert e.value.field == "platform"
        with pytest.raises(ak.AdkitError.NotFound) as e:
            await client(f"adj_py_err_{RUN}").get_app("abcdefabcdef")
        assert e.value.info.status == 404

    asyncio.run(run())
    with pytest.raises(ak.AdkitError.InvalidInput):
        client("")


def test_rate_limit_retries_then_typed_error():
    body = json.dumps({"key": f"adj_py_rl_{RUN}", "faults": [{"status": 429, "retry_after": "0"}] * 3}).encode()
    urllib.request.urlopen(urllib.request.Request(BASE + "/__sandbox/faults", data=body, headers={"content-type": "application/json"}))

    async def run():
        with pytest.raises(ak.AdkitError.RateLimited) as e:
            await client(f"adj_py_rl_{RUN}").get_app("abcdefabcdef")
        assert e.value.info.retry_after_ms == 0

    asyncio.run(run())
    log = json.load(urllib.request.urlopen(BASE + f"/__sandbox/requests?key=adj_py_rl_{RUN}"))
    assert len(log) == 3
    assert all(r["client"].endswith("(uniffi)") for r in log)


def test_no_secret_in_printed_objects():
    options = ak.AdjustClientOptions(base_url=ADJUST, timeout_ms=1000)
    c = ak.AdjustClient("adj_secret_value", "sig_secret_value", options)
    for text in (repr(c), str(c), repr(options), str(options)):
        assert "secret_value" not in text


def test_retries_and_timeouts_from_options():
    key = f"adj_py_opt_{RUN}"
    body = json.dumps({"key": key, "faults": [{"status": 503}, {"status": 503}]}).encode()
    urllib.request.urlopen(urllib.request.Request(BASE + "/__sandbox/faults", data=body, headers={"content-type": "application/json"}))

    async def run():
        c = ak.AdjustClient(key, options=ak.AdjustClientOptions(base_url=ADJUST, max_retries=0))
        with pytest.raises(ak.AdkitError.Api) as e:
            await c.get_app("abcdefabcdef")
        assert e.value.info.status == 503

    asyncio.run(run())
    assert len(json.load(urllib.request.urlopen(BASE + f"/__sandbox/requests?key={key}"))) == 1


@pytest.mark.parametrize("transport", [None, "python"])
def test_timeout_is_typed(transport):
    key = f"adj_py_slow_{RUN}_{transport or 'native'}"
    body = json.dumps({"key": key, "faults": [{"delay_ms": 1500}]}).encode()
    urllib.request.urlopen(urllib.request.Request(BASE + "/__sandbox/faults", data=body, headers={"content-type": "application/json"}))
    t = PyTransport() if transport else None
    options = ak.AdjustClientOptions(base_url=ADJUST, timeout_ms=200, max_retries=0)

    async def run():
        with pytest.raises(ak.AdkitError.Transport) as e:
            await ak.AdjustClient(key, options=options, transport=t).get_app("abcdefabcdef")
        assert e.value.kind == ak.TransportErrorKind.TIMEOUT

    asyncio.run(run())


def test_blocking_client():
    c = ak.BlockingAdjustClient(f"adj_py_block_{RUN}", options=ak.AdjustClientOptions(base_url=ADJUST))
    created = c.create_app(android("com.example.py.blocking"))
    assert c.get_app(created.adjust_app_token).name == "Py App"
    done = c.wait_for_ticket(created.ticket_token, FAST)
    assert done.status == adkit.TicketState.COMPLETED()
    with pytest.raises(ak.AdkitError.InvalidInput):
        c.get_app("a/b")


def test_a_throwing_ticket_listener_never_stops_polling():
    c = client(f"adj_py_listen_{RUN}")

    async def run():
        created = await c.create_app(android("com.example.py.listener"))
        seen = []

        class Throwing(ak.TicketProgressListener):
            def on_progress(self, status):
                seen.append(status.status)
                raise RuntimeError("progress store is down")

        done = await c.wait_for_ticket(created.ticket_token, FAST, Throwing())
        assert done.status == adkit.TicketState.COMPLETED()
        assert len(seen) == 3, "told every status although each call threw"
        failures = c.take_listener_failures()
        assert [f.listener for f in failures] == ["TicketProgressListener.on_progress"] * 3
        assert "progress store is down" in failures[0].message
        assert c.take_listener_failures() == []

    asyncio.run(run())


def test_printing_what_a_host_transport_receives_never_shows_a_credential():
    token, signature = f"adj_py_print_{RUN}", f"sig_py_print_{RUN}"
    t = PyTransport()

    class Peek(ak.HttpTransport):
        """Keeps the requests, then lets the Python transport send them with the real values."""

        def __init__(self):
            self.requests = []

        async def send(self, request):
            self.requests.append(request)
            return await t.send(request)

    peek = Peek()
    c = ak.AdjustClient(token, signature, ak.AdjustClientOptions(base_url=ADJUST), peek)

    async def run():
        created = await c.create_app(android("com.example.py.print"))
        await c.wait_for_ticket(created.ticket_token, FAST)
        gen = await c.generate_signature(adkit.GenerateSignature(
            app_token=created.adjust_app_token, platform=adkit.Platform.ANDROID(), android_signature_hash=HASH))
        assert gen.ticket_token

    asyncio.run(run())  # the sandbox accepted both credentials: the transport sent the real values
    sent = {h.name().lower(): h.value() for r in peek.requests for h in r.headers()}
    assert sent["adjustauthorization"] == f"Token {token}"
    assert sent["signatureauthorization"] == f"Token {signature}"
    printed = t.printed + [str(r) for r in peek.requests] + [repr(r.headers()) for r in peek.requests]
    printed += [str(ak.HttpResponse(status=200, headers=[ak.HttpHeader(name="Authorization", value=f"Bearer {token}")], body=b"{}"))]
    assert printed and all(token not in p and signature not in p for p in printed), printed
    assert any("adjustauthorization: <redacted>" in p.lower() for p in printed)
    assert any("x-adkit-client: adkit/" in p for p in printed), "other headers still print"


def test_json_text_that_is_not_json_is_invalid_input():
    c = client(f"adj_py_json_{RUN}")

    async def run():
        bad = android("com.example.py.json")
        bad.override_settings = ak.OverrideSettings(csv_upload_settings="{not json")
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.create_app(bad)
        assert e.value.field == "request" and "not JSON" in e.value.reason
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.create_campaign(adkit.CreateCampaign(
                store_id="com.example.py.json", platform=adkit.Platform.ANDROID(), channel="organic",
                channel_setup=ak.ChannelSetup(other={"partner_x": "{'single': 'quotes'}"})))
        assert e.value.field == "request"
        ok = android("com.example.py.json")
        ok.override_settings = ak.OverrideSettings(csv_upload_settings='{"delimiter": ";"}')
        assert len((await c.create_app(ok)).adjust_app_token) == 12

    asyncio.run(run())
    assert len(requests_of(f"adj_py_json_{RUN}")) == 1, "nothing was sent for the bad requests"
