"""What the Python suites share: a transport written in Python and sandbox helpers."""

import asyncio
import http.client
import json
import os
import socket
import time
import urllib.parse
import urllib.request

import adkit as ak

BASE = os.environ["ADKIT_SANDBOX_URL"]
CHUNK = 64 * 1024


class PyTransport(ak.HttpTransport):
    """A transport written in Python: http.client in a worker thread. It never follows redirects,
    holds the whole exchange (body included) to the request's `timeout_ms()`, and stops reading as soon
    as the body passes `max_response_bytes()` (or `Content-Length` announces more)."""

    def __init__(self):
        self.calls = 0
        self.printed = []  # str() and repr() of every request and header it was given
        self.raised = []  # the errors it raised itself, by kind
        self.cancelled = 0  # sends cancelled by adkit (the caller cancelled, or adkit's deadline won)

    async def send(self, request):
        self.calls += 1
        self.printed += [str(request), repr(request)] + [f"{h} {h!r}" for h in request.headers()]
        try:
            return await asyncio.to_thread(self._send, request)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise

    def _fail(self, error):
        self.raised.append(type(error).__name__)
        return error

    def _send(self, request):
        timeout_ms = request.timeout_ms()
        deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms else None

        def left():
            if deadline is None:
                return None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._fail(ak.TransportError.Timeout(detail=f"python transport: no answer within {timeout_ms} ms"))
            return remaining

        url = urllib.parse.urlsplit(request.url())
        kind = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        conn = kind(url.hostname, url.port, timeout=left())
        try:
            try:
                conn.connect()
            except OSError as e:  # nothing was sent
                raise self._fail(ak.TransportError.Connect(detail=f"python transport: {e!r}"))
            sock = conn.sock  # the response keeps reading from it after http.client lets go of it
            target = url.path or "/"
            if url.query:
                target += "?" + url.query
            conn.putrequest(request.method(), target, skip_accept_encoding=True)
            for h in request.headers():
                conn.putheader(h.name(), h.value())
            body = request.body()
            if body or request.method() in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body or None)
            response = conn.getresponse()
            cap = request.max_response_bytes()
            announced = response.getheader("content-length")
            if announced is not None and announced.isdigit() and int(announced) > cap:
                raise self._fail(ak.TransportError.BodyTooLarge(detail=f"python transport: Content-Length over {cap} bytes"))
            data = bytearray()
            while True:
                sock.settimeout(left())
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                data += chunk
                if len(data) > cap:
                    raise self._fail(ak.TransportError.BodyTooLarge(detail=f"python transport: body over {cap} bytes"))
            if announced is not None and announced.isdigit() and len(data) < int(announced):
                raise self._fail(ak.TransportError.Other(detail=f"python transport: body cut short at {len(data)} of {announced} bytes"))
            headers = [ak.HttpHeader(name=k, value=v) for k, v in response.getheaders()]
            return ak.HttpResponse(status=response.status, headers=headers, body=bytes(data))
        except ak.TransportError:
            raise
        except (socket.timeout, TimeoutError) as e:
            raise self._fail(ak.TransportError.Timeout(detail=f"python transport: {e!r}"))
        except (http.client.HTTPException, OSError) as e:  # a reset, a body cut short
            raise self._fail(ak.TransportError.Other(detail=f"python transport: {e!r}"))
        finally:
            conn.close()


def sandbox(method, path, body=None):
    """A call to the sandbox's control API; the JSON answer."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def fault(key, *faults):
    """Queues faults for the credential whose last word is `key`."""
    sandbox("POST", "/__sandbox/faults", {"key": key, "faults": list(faults)})


def requests_of(key):
    """The requests the credential `key` made."""
    return sandbox("GET", "/__sandbox/requests?key=" + urllib.parse.quote(key))
