//! The fetch transport (global `fetch` or the caller's) and a `setTimeout` timer.

use std::time::Duration;

use adkit::{
    HttpRequest, HttpResponse, Timer, Transport, TransportError, TransportErrorKind,
    TransportOptions,
};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, RequestRedirect, Response};

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
            .map(|t| AbortSignal::timeout_with_u32(t.as_millis().min(u32::MAX as u128) as u32));
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
        if declared.is_some_and(|n| n > options.max_response_bytes as u64) {
            // Release the connection instead of leaving an unread body behind.
            if let Some(body) = response.body() {
                let _ = body.cancel();
            }
            return Err(too_large());
        }
        let buffer = response
            .array_buffer()
            .map_err(|e| err(TransportErrorKind::Other, describe(&e)))?;
        let buffer = JsFuture::from(buffer).await.map_err(|e| aborted(&e))?;
        let bytes = Uint8Array::new(&buffer);
        if bytes.length() as usize > options.max_response_bytes {
            return Err(too_large());
        }
        Ok(HttpResponse {
            status: response.status(),
            headers: out_headers,
            body: bytes.to_vec(),
        })
    }
}

fn global_function(name: &str) -> Option<Function> {
    Reflect::get(&global(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

struct ClearTimeoutOnDrop(JsValue);

impl Drop for ClearTimeoutOnDrop {
    fn drop(&mut self) {
        if let Some(clear) = global_function("clearTimeout") {
            let _ = clear.call1(&global(), &self.0);
        }
    }
}

/// `setTimeout` sleeps and `Date.now()`.
pub(crate) struct JsTimer;

impl Timer for JsTimer {
    async fn sleep(&self, duration: Duration) {
        let ms = duration.as_millis().min(i32::MAX as u128) as i32;
        let mut id = JsValue::UNDEFINED;
        let promise = Promise::new(
            &mut |resolve, _reject| match global_function("setTimeout") {
                Some(f) => {
                    id = f
                        .call2(&global(), &resolve, &JsValue::from(ms))
                        .unwrap_or(JsValue::UNDEFINED)
                }
                None => {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            },
        );
        // A sleep dropped early (the driver's timeout race lost) clears its timer, so a pending
        // timer never keeps Node's event loop alive.
        let _clear = ClearTimeoutOnDrop(id);
        let _ = JsFuture::from(promise).await;
    }

    fn now_unix_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}

/// Resolves when `signal` aborts (never, without one).
pub(crate) async fn aborted(signal: Option<AbortSignal>) {
    let Some(signal) = signal else {
        return std::future::pending().await;
    };
    if signal.aborted() {
        return;
    }
    let promise = Promise::new(&mut |resolve, _reject| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
            "abort", &resolve, &options,
        );
    });
    let _ = JsFuture::from(promise).await;
}
