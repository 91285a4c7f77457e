"""adkit for Python: typed clients for Adapty, Admitad and Adjust (uniffi bindings of the Rust core).

Records and enums (`CreateApp`, `Platform`, ...) come from the generated `adkit.adkit` module,
clients, errors and the transport seam (`AdjustClient`, `AdkitError`, `HttpTransport`) from
`adkit.adkit_uniffi`; both are re-exported here. Client methods are `async def`; `BlockingAdjustClient`,
`BlockingAdaptyClient` and `BlockingAdmitadClient` offer the same methods as plain blocking calls for scripts and threads without an event loop.
Paginators are async-iterable (`async for page in client.banners_paginator(request)`); the blocking clients'
paginators are plain iterables (`for page in blocking.banners_paginator(request)`).
"""

import asyncio as _asyncio
import functools as _functools
import inspect as _inspect
import threading as _threading

from .adkit import *  # noqa: F401,F403
from .adkit_uniffi import *  # noqa: F401,F403
from .adkit_uniffi import AdaptyClient as _AdaptyClient
from .adkit_uniffi import AdjustClient as _AdjustClient
from .adkit_uniffi import AdmitadClient as _AdmitadClient


def _pages_async(self):
    """`async for page in paginator`: awaits `next_page()` until it returns None."""

    async def pages():
        while (page := await self.next_page()) is not None:
            yield page

    return pages()


for _name, _cls in list(globals().items()):
    if _name.endswith("Paginator") and isinstance(_cls, type) and hasattr(_cls, "next_page"):
        _cls.__aiter__ = _pages_async


_loops = _threading.local()


def _run(coroutine):
    """Runs a coroutine to completion on this thread's event loop, made once and reused (a new loop for
    every call costs more than a short call itself). Each thread has its own, so blocking clients may be
    shared between threads."""
    loop = getattr(_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = _loops.loop = _asyncio.new_event_loop()
    return loop.run_until_complete(coroutine)


class _BlockingPages:
    """A paginator for blocking code: `for page in client.codes_paginator(request)`."""

    def __init__(self, paginator):
        self._paginator = paginator

    def next_page(self):
        """The next page, or None after the last one."""
        return _run(self._paginator.next_page())

    def __iter__(self):
        while (page := self.next_page()) is not None:
            yield page


class _Blocking:
    """Wraps an async client: every coroutine method becomes a blocking call, run on the calling thread's
    own event loop (made once per thread). Not for use inside a running event loop (await the async client
    there)."""

    _client_class = None

    def __init__(self, *args, **kwargs):
        self._client = self._client_class(*args, **kwargs)

    def __getattr__(self, name):
        attr = getattr(self._client, name)
        if name.endswith("_paginator"):
            return lambda *args, **kwargs: _BlockingPages(attr(*args, **kwargs))
        if not _inspect.iscoroutinefunction(attr):
            return attr

        @_functools.wraps(attr)
        def call(*args, **kwargs):
            return _run(attr(*args, **kwargs))

        return call

    def __repr__(self):
        return f"Blocking{self._client!r}"


class BlockingAdjustClient(_Blocking):
    """`AdjustClient` with blocking methods: `BlockingAdjustClient(token).get_app("p77yk727r18g")`."""

    _client_class = _AdjustClient


class BlockingAdaptyClient(_Blocking):
    """`AdaptyClient` with blocking methods: `BlockingAdaptyClient(secret_key=...).get_profile(user)`."""

    _client_class = _AdaptyClient


class BlockingAdmitadClient(_Blocking):
    """`AdmitadClient` with blocking methods: `BlockingAdmitadClient(client_id, secret, scopes).me()`."""

    _client_class = _AdmitadClient
