"""The fault matrix's Python rows (where transports differ): a repeatable GET (`get_profile`) and a
non-repeatable POST (`revoke_access_level`), with the built-in transport and the Python one, asserting
the error and the attempts the sandbox counted. The full matrix is core/tests/fault_matrix.rs."""

import asyncio
import os
import re
import uuid

import pytest

import adkit as ak
from host import BASE, PyTransport, fault, requests_of, sandbox

OTHER = os.environ.get("ADKIT_OTHER_ORIGIN")
RAW = os.environ.get("ADKIT_RAW_FAULTS_URL")
RUN = uuid.uuid4().hex[:8]
# Well over the 16 MiB cap: the cap is reached long before the sandbox, which never reads a faulted
# request's body, can end the connection.
BIG = 32 * 1024 * 1024
USER = ak.AdaptyUser(customer_user_id="py-matrix")

# name: (faults or ("raw", listener path), GET (error, attempts), POST (error, attempts)); max_retries is 1,
# the timeout 1 s for the slow body (sent after 4 s) and 10 s otherwise.
ROWS = {
    "reset": (("raw", "reset"), ("transport:OTHER", 2), ("transport:OTHER", 1)),
    "truncated": (("raw", "truncated"), ("transport:OTHER", 2), ("transport:OTHER", 1)),
    "oversized": ([{"oversized_bytes": BIG, "times": 10}], ("transport:BODY_TOO_LARGE", 1), ("transport:BODY_TOO_LARGE", 1)),
    "oversized_chunked": ([{"oversized_bytes": BIG, "chunked": True, "times": 10}],
                          ("transport:BODY_TOO_LARGE", 1), ("transport:BODY_TOO_LARGE", 1)),
    "slow_body": ([{"slow_body_ms": 4000, "times": 10}], ("transport:TIMEOUT", 2), ("transport:TIMEOUT", 1)),
    "cross_origin_redirect": ([{"redirect_to": f"{OTHER}/elsewhere-TAG/", "times": 10}], ("Decode", 1), ("Api", 1)),
    "redirect_loop": ([{"redirect_to": f"{BASE}/adapty/loop/", "times": 10}], ("transport:REDIRECT", 6), ("Api", 1)),
}


def error_of(e):
    if isinstance(e, ak.AdkitError.Transport):
        return f"transport:{e.kind.name}"
    return type(e).__name__


def raw_url():
    if RAW:
        return RAW
    pytest.fail("ADKIT_RAW_FAULTS_URL is not set (the sandbox's third stdout line: `raw-faults <url>`)")


def call(c, column):
    if column == "GET":
        return c.get_profile(USER)
    return c.revoke_access_level(USER, ak.RevokeAccessLevelRequest(access_level_id="premium"))


@pytest.mark.parametrize("transport", ["native", "python"])
@pytest.mark.parametrize("column", ["GET", "POST"])
@pytest.mark.parametrize("row", list(ROWS))
def test_fault_matrix(row, column, transport):
    stage, get, post = ROWS[row]
    expected = get if column == "GET" else post
    key = f"secret_py_fm_{RUN}_{row}_{column}_{transport}"
    tag = f"pyfm{RUN}{row}{column}{transport}".lower().replace("_", "")
    if isinstance(stage, tuple):
        root = f"{raw_url()}/{stage[1]}/{tag}/"
    else:
        assert OTHER, "ADKIT_OTHER_ORIGIN is not set (the sandbox's second stdout line)"
        fault(key, *[{k: (v.replace("TAG", tag) if isinstance(v, str) else v) for k, v in f.items()} for f in stage])
        root = f"{BASE}/adapty/"
    t = PyTransport() if transport == "python" else None
    timeout = 1000 if row == "slow_body" else 10_000
    c = ak.AdaptyClient(secret_key=key, options=ak.AdaptyClientOptions(base_url=root, timeout_ms=timeout, max_retries=1), transport=t)

    async def run():
        with pytest.raises(ak.AdkitError) as e:
            await call(c, column)
        return e.value

    err = asyncio.run(run())
    attempts = sandbox("GET", f"/__sandbox/raw-hits?tag={tag}")["hits"] if isinstance(stage, tuple) else len(requests_of(key))
    assert (error_of(err), attempts) == expected, err
    if t and expected[0] == "transport:BODY_TOO_LARGE":
        assert "python transport" in err.detail, "the Python transport stopped reading itself"
        assert t.raised == ["BodyTooLarge"]
    if row == "cross_origin_redirect":
        seen = [r for r in sandbox("GET", "/__sandbox/other-origin/requests") if f"elsewhere-{tag}" in r["path"]]
        if column == "GET":
            assert len(seen) == 1 and "x-adkit-client" in seen[0]["headers"]
            assert not any(re.search("authorization|adapty-", h) for h in seen[0]["headers"]), seen
        else:
            assert seen == [], "a POST is not redirected"


@pytest.mark.parametrize("transport", ["native", "python"])
def test_cancelling_the_task_cancels_the_call(transport):
    key = f"secret_py_fm_{RUN}_cancel_{transport}"
    fault(key, {"delay_ms": 5000})
    t = PyTransport() if transport == "python" else None
    c = ak.AdaptyClient(secret_key=key, options=ak.AdaptyClientOptions(base_url=f"{BASE}/adapty/", max_retries=2), transport=t)

    async def run():
        task = asyncio.create_task(c.get_profile(USER))
        while not requests_of(key):  # the request is at the sandbox, held there
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        if t:
            while not t.cancelled:  # the Python transport's send is cancelled too
                await asyncio.sleep(0.01)

    asyncio.run(run())
    assert len(requests_of(key)) == 1, "never retried"
