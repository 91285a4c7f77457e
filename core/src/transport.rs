//! The I/O boundary: an async [`Transport`] that sends one request, and a [`Timer`] for sleep and time.
//! Both are injected, so tests run on fake ones and every binding brings its own.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use crate::error::TransportErrorKind;
use crate::http::{HttpRequest, HttpResponse};

/// `Send` off wasm; nothing on wasm (where JS futures are not `Send`).
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + ?Sized> MaybeSend for T {}
/// `Send` off wasm; nothing on wasm (where JS futures are not `Send`).
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}

/// `Sync` off wasm; nothing on wasm.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSync: Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Sync + ?Sized> MaybeSync for T {}
/// `Sync` off wasm; nothing on wasm.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSync for T {}

/// Limits a transport must apply to one exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransportOptions {
    /// Give up (with [`TransportErrorKind::Timeout`]) after this long.
    pub timeout: Option<Duration>,
    /// Stop reading (with [`TransportErrorKind::BodyTooLarge`]) past this many body bytes.
    pub max_response_bytes: usize,
}

/// A failure below HTTP, reported by a transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransportError {
    /// What failed.
    pub kind: TransportErrorKind,
    /// A description (never containing credentials).
    pub message: String,
    /// The caller cancelled the exchange (an aborted `fetch`, a cancelled coroutine).
    pub cancelled: bool,
}

impl TransportError {
    /// A transport error of the given kind.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            cancelled: false,
        }
    }

    /// The exchange was cancelled by the caller.
    pub fn cancelled() -> Self {
        TransportError {
            kind: TransportErrorKind::Other,
            message: "cancelled".into(),
            cancelled: true,
        }
    }
}

/// Sends one HTTP exchange. Implementations do not follow redirects, retry, or add headers: the
/// [`crate::driver::Driver`] decides all of that, the same way on every surface.
pub trait Transport: MaybeSend + MaybeSync {
    /// Sends `request` and returns the response, whatever its status.
    fn send(
        &self,
        request: HttpRequest,
        options: TransportOptions,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + MaybeSend;
}

impl<T: Transport> Transport for Arc<T> {
    fn send(
        &self,
        request: HttpRequest,
        options: TransportOptions,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + MaybeSend {
        T::send(self, request, options)
    }
}

/// Sleep and wall-clock time, injected so tests are deterministic.
pub trait Timer: MaybeSend + MaybeSync {
    /// Completes after `duration`.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + MaybeSend;
    /// Milliseconds since the Unix epoch.
    fn now_unix_ms(&self) -> u64;
}

impl<T: Timer> Timer for Arc<T> {
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + MaybeSend {
        T::sleep(self, duration)
    }
    fn now_unix_ms(&self) -> u64 {
        T::now_unix_ms(self)
    }
}

/// Runs two futures and returns the output of whichever finishes first (the other is dropped).
/// Runtime-agnostic; used for timeouts and cancellation.
pub async fn race<O>(a: impl Future<Output = O>, b: impl Future<Output = O>) -> O {
    let mut a = pin!(a);
    let mut b = pin!(b);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(out) = a.as_mut().poll(cx) {
            return Poll::Ready(out);
        }
        b.as_mut().poll(cx)
    })
    .await
}
