//! The fetch transport (global `fetch` or the caller's) and a `setTimeout` timer.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use adkit::{
    HttpRequest, HttpResponse, Timer, Transport, TransportError, TransportErrorKind,
    TransportOptions,
};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, Headers, ReadableStreamDefaultReader, RequestInit, RequestRedirect, Response,
};

/// Sends through `fetch` with `redirect: "manual"` (the driver decides about redirects), an abort
/// signal combining the caller's `AbortSignal` and the timeout, and the response size cap.
pub(crate) struct FetchTransport {
    pub fetch: Option<Function>,
    pub signal: Option<AbortSignal>,
}

fn global() -> JsValue {
    js_sys::global().into()
}

fn err(kind: TransportErrorKind, message: impl Into<String>) -> TransportError {
    TransportError::new(kind, message)
}

fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        let mut text: String = e.message().into();
        if let Ok(cause) = Reflect::get(e, &"cause".into())
            && let Ok(code) = Reflect::get(&cause, &"code".into())
            && let Some(code) = code.as_string()
        {
            text = format!("{text} ({code})");
        }
        return text;
    }
    value.as_string().unwrap_or_else(|| "fetch failed".into())
}

/// `AbortSignal.any([...])` where the runtime has it (browsers, Node 20.3+).
fn any_signal(signals: &[&AbortSignal]) -> Option<AbortSignal> {
    let ctor = Reflect::get(&global(), &"AbortSignal".into()).ok()?;
    let any = Reflect::get(&ctor, &"any".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let list = js_sys::Array::new();
    for s in signals {
        list.push(s);
    }
    any.call1(&ctor, &list).ok()?.dyn_into::<AbortSignal>().ok()
}

impl Transport for FetchTransport {
    async fn send(
        &self,
        request: HttpRequest,
        options: TransportOptions,
    ) -> Result<HttpResponse, TransportError> {
        if self.signal.as_ref().is_some_and(|s| s.aborted()) {
            return Err(TransportError::cancelled());
        }
        let headers = Headers::new().map_err(|e| err(TransportErrorKind::Other, describe(&e)))?;
        for (name, value) in &request.headers {
            headers
                .append(name, value)
                .map_err(|e| err(TransportErrorKind::Other, describe(&e)))?;
        }
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_headers(&headers);
        init.set_redirect(RequestRedirect::Manual);
        if !request.body.is_empty() {
            init.set_body(&Uint8Array::from(request.body.as_slice()));
        }
        let timeout = options
            .timeout
            .map(|t| AbortSignal::timeout_with_u32(t.as_millis().min(MAX_TIMEOUT_MS) as u32));
        let signal = match (&self.signal, &timeout) {
            (Some(user), Some(t)) => any_signal(&[user, t]).or_else(|| Some(user.clone())),
            (Some(user), None) => Some(user.clone()),
            (None, t) => t.clone(),
        };
        if let Some(s) = &signal {
            init.set_signal(Some(s));
        }
        let fetch = match &self.fetch {
            Some(f) => f.clone(),
            None => Reflect::get(&global(), &"fetch".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| {
                    err(
                        TransportErrorKind::Other,
                        "no global fetch: pass `fetch` in the client options",
                    )
                })?,
        };
        let promise = fetch
            .call2(&global(), &JsValue::from_str(&request.url), &init)
            .map_err(|e| err(TransportErrorKind::Other, describe(&e)))?;
        let promise: Promise = promise
            .dyn_into()
            .map_err(|_| err(TransportErrorKind::Other, "fetch did not return a promise"))?;
        let aborted = |e: &JsValue| -> TransportError {
            if self.signal.as_ref().is_some_and(|s| s.aborted()) {
                TransportError::cancelled()
            } else if timeout.as_ref().is_some_and(|s| s.aborted()) {
                err(
                    TransportErrorKind::Timeout,
                    "no response within the timeout",
                )
            } else {
                let text = describe(e);
                let connect = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]
                    .iter()
                    .any(|c| text.contains(c));
                err(
                    if connect {
                        TransportErrorKind::Connect
                    } else {
                        TransportErrorKind::Other
                    },
                    text,
                )
            }
        };
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(|e| aborted(&e))?
            .unchecked_into();
        if response.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(err(
                TransportErrorKind::Redirect,
                "the browser hides redirect targets from scripts; this call must follow a redirect, so run it from a server or Node",
            ));
        }
        let mut out_headers = Vec::new();
        if let Ok(Some(iter)) = js_sys::try_iter(&response.headers()) {
            for entry in iter.flatten() {
                let pair: js_sys::Array = entry.unchecked_into();
                if let (Some(n), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                    out_headers.push((n, v));
                }
            }
        }
        let too_large = || {
            err(
                TransportErrorKind::BodyTooLarge,
                format!("response body exceeds {} bytes", options.max_response_bytes),
            )
        };
        let declared = out_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(stream) = response.body() else {
            // No body at all (204, 304, HEAD).
            return Ok(HttpResponse {
                status: response.status(),
                headers: out_headers,
                body: Vec::new(),
            });
        };
        if declared.is_some_and(|n| n > options.max_response_bytes as u64) {
            // Release the connection instead of leaving an unread body behind.
            ignore_rejection(stream.cancel());
            return Err(too_large());
        }
        // Read the stream chunk by chunk and stop as soon as the running total passes the cap, so an
        // answer of unknown length is never held whole. Chunks stay JS buffers until the end, then
        // land in one allocation of the exact size.
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        let mut chunks: Vec<Uint8Array> = Vec::new();
        let mut total = 0usize;
        loop {
            let step = JsFuture::from(reader.read())
                .await
                .map_err(|e| aborted(&e))?;
            if Reflect::get(&step, &"done".into()).is_ok_and(|d| d.is_truthy()) {
                break;
            }
            let chunk = Reflect::get(&step, &"value".into())
                .ok()
                .and_then(|v| v.dyn_into::<Uint8Array>().ok())
                .ok_or_else(|| {
                    err(
                        TransportErrorKind::Other,
                        "the body stream gave a non-byte chunk",
                    )
                })?;
            total = total.saturating_add(chunk.length() as usize);
            if total > options.max_response_bytes {
                ignore_rejection(reader.cancel());
                return Err(too_large());
            }
            chunks.push(chunk);
        }
        let mut bytes = vec![0u8; total];
        let mut at = 0;
        for chunk in &chunks {
            let len = chunk.length() as usize;
            let Some(into) = bytes.get_mut(at..at + len) else {
                return Err(err(
                    TransportErrorKind::Other,
                    "a body chunk changed while read",
                ));
            };
            chunk.copy_to(into);
            at += len;
        }
        Ok(HttpResponse {
            status: response.status(),
            headers: out_headers,
            body: bytes,
        })
    }
}

fn global_function(name: &str) -> Option<Function> {
    Reflect::get(&global(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Marks a promise whose outcome does not matter as handled, so a rejected `cancel()` never surfaces
/// as an unhandled rejection. The handler is a built-in (`Boolean`), so no closure is made for it.
fn ignore_rejection(promise: Promise) {
    if let (Ok(catch), Some(noop)) = (
        Reflect::get(&promise, &"catch".into()).and_then(|c| c.dyn_into::<Function>()),
        global_function("Boolean"),
    ) {
        let _ = catch.call1(&promise, &noop);
    }
}

#[derive(Default)]
struct Fired {
    fired: Cell<bool>,
    waker: Cell<Option<Waker>>,
}

/// What a [`Callback`] undoes when dropped, before its closure is freed.
enum Registration {
    None,
    /// A `setTimeout` id.
    Timeout(JsValue),
    /// An `abort` listener on this signal.
    AbortListener(AbortSignal),
}

/// A future that completes when JS calls its function. It owns its one `Closure` and, when dropped
/// (completed or not), unregisters it and frees it: nothing stays behind per call. (A `JsFuture` over a
/// promise that never settles — a cleared timer, a signal that never fires — would keep its two
/// closures alive forever.)
struct Callback {
    fired: Rc<Fired>,
    closure: Closure<dyn FnMut()>,
    registration: Registration,
}

impl Callback {
    fn new() -> Self {
        let fired = Rc::new(Fired::default());
        let state = fired.clone();
        let closure: Closure<dyn FnMut()> = Closure::own_assert_unwind_safe(move || {
            state.fired.set(true);
            if let Some(waker) = state.waker.take() {
                waker.wake();
            }
        });
        Callback {
            fired,
            closure,
            registration: Registration::None,
        }
    }

    fn function(&self) -> &Function {
        self.closure.as_js_value().unchecked_ref()
    }
}

impl Future for Callback {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.fired.fired.get() {
            return Poll::Ready(());
        }
        self.fired.waker.set(Some(cx.waker().clone()));
        Poll::Pending
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        // Unregistered first (same turn of the event loop), so JS never calls a freed closure.
        match std::mem::replace(&mut self.registration, Registration::None) {
            Registration::None => {}
            Registration::Timeout(id) => {
                if let Some(clear) = global_function("clearTimeout") {
                    let _ = clear.call1(&global(), &id);
                }
            }
            Registration::AbortListener(signal) => {
                let _ = signal.remove_event_listener_with_callback("abort", self.function());
            }
        }
    }
}

/// The longest single `setTimeout` (longer ones fire at once).
const MAX_TIMEOUT_MS: u128 = i32::MAX as u128;

/// `setTimeout` sleeps and `Date.now()`.
pub(crate) struct JsTimer;

impl Timer for JsTimer {
    async fn sleep(&self, duration: Duration) {
        let mut left = duration.as_millis();
        loop {
            let step = left.min(MAX_TIMEOUT_MS);
            let mut callback = Callback::new();
            let Some(set) = global_function("setTimeout") else {
                return;
            };
            match set.call2(&global(), callback.function(), &JsValue::from(step as f64)) {
                Ok(id) => callback.registration = Registration::Timeout(id),
                Err(_) => return,
            }
            // A sleep dropped early (the driver's timeout race lost) clears its timer and frees its
            // closure, so a pending timer never keeps Node's event loop alive.
            callback.await;
            left -= step;
            if left == 0 {
                return;
            }
        }
    }

    fn now_unix_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}

/// Resolves when `signal` aborts (never, without one). The listener is removed when this future is
/// dropped, so a long-lived signal shared by many calls collects nothing.
pub(crate) async fn aborted(signal: Option<AbortSignal>) {
    let Some(signal) = signal else {
        return std::future::pending().await;
    };
    if signal.aborted() {
        return;
    }
    let mut callback = Callback::new();
    if signal
        .add_event_listener_with_callback("abort", callback.function())
        .is_err()
    {
        return std::future::pending().await;
    }
    callback.registration = Registration::AbortListener(signal);
    callback.await;
}
