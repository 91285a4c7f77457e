//! Shared sandbox machinery: state, CORS, request ids, the request log and fault injection.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::adapty::AdaptyState;
use crate::adjust::AdjustState;
use crate::admitad::AdmitadState;

/// A fault a test queued for one credential; consumed by that credential's next request.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Fault {
    /// Answer with this status (and `body`, `content_type`, `retry_after`).
    pub status: Option<u16>,
    /// `Retry-After` header value.
    pub retry_after: Option<String>,
    /// Body text (default: a JSON error object).
    pub body: Option<String>,
    /// `Content-Type` (default `application/json`).
    pub content_type: Option<String>,
    /// Answer 302 with this `Location`.
    pub redirect_to: Option<String>,
    /// Wait this long first (then apply the rest, or serve normally).
    pub delay_ms: Option<u64>,
    /// Answer 200 with a JSON body of this many bytes.
    pub oversized_bytes: Option<usize>,
    /// With `oversized_bytes`: stream the body in chunks with no `Content-Length`.
    #[serde(default)]
    pub chunked: bool,
    /// Answer 200 with JSON headers at once, then wait this long before sending the body.
    pub slow_body_ms: Option<u64>,
    /// Serve this fault for that many consecutive requests (default 1): a redirect loop, a 500 that
    /// repeats, a rate limit that does not lift.
    pub times: Option<u32>,
}

/// Everything the sandbox keeps.
pub struct SandboxState {
    /// The main listener's URL.
    pub base_url: String,
    /// The other origin's URL.
    pub other_origin_url: String,
    counter: AtomicU64,
    faults: Mutex<HashMap<String, VecDeque<Fault>>>,
    log: Mutex<HashMap<String, Vec<Value>>>,
    other_seen: Mutex<Vec<Value>>,
    raw_hits: Mutex<HashMap<String, u64>>,
    /// Adjust's apps and tickets, per API token.
    pub adjust: Mutex<AdjustState>,
    /// Adapty's tenants.
    pub adapty: Mutex<AdaptyState>,
    /// Admitad's clients, codes and tokens.
    pub admitad: Mutex<AdmitadState>,
}

impl SandboxState {
    pub(crate) fn new(base_url: String, other_origin_url: String) -> Self {
        SandboxState {
            base_url,
            other_origin_url,
            counter: AtomicU64::new(1),
            faults: Mutex::new(HashMap::new()),
            log: Mutex::new(HashMap::new()),
            other_seen: Mutex::new(Vec::new()),
            raw_hits: Mutex::new(HashMap::new()),
            adjust: Mutex::new(AdjustState::default()),
            adapty: Mutex::new(AdaptyState::default()),
            admitad: Mutex::new(AdmitadState::default()),
        }
    }

    /// A fresh number (ids, tokens).
    pub fn next_id(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }

    /// Queues faults for a credential.
    pub fn push_faults(&self, key: &str, faults: Vec<Fault>) {
        lock(&self.faults)
            .entry(key.to_owned())
            .or_default()
            .extend(faults);
    }

    /// Drops the faults still queued for a credential.
    pub fn clear_faults(&self, key: &str) {
        lock(&self.faults).remove(key);
    }

    fn take_fault(&self, key: &str) -> Option<Fault> {
        let mut faults = lock(&self.faults);
        let queue = faults.get_mut(key)?;
        let front = queue.front_mut()?;
        match front.times {
            Some(n) if n > 1 => {
                front.times = Some(n - 1);
                Some(front.clone())
            }
            _ => queue.pop_front(),
        }
    }

    /// Counts one connection the below-HTTP listener served for `tag` (the path segment after the
    /// fault's name: `/reset/<tag>/...`).
    pub(crate) fn count_raw_hit(&self, tag: &str) {
        *lock(&self.raw_hits).entry(tag.to_owned()).or_default() += 1;
    }

    /// How many connections the below-HTTP listener served for `tag`.
    pub fn raw_hits(&self, tag: &str) -> u64 {
        lock(&self.raw_hits).get(tag).copied().unwrap_or(0)
    }

    /// The requests a credential made: method, path, header names, the SDK header and the
    /// `x-request-id` the sandbox answered with.
    pub fn requests_for(&self, key: &str) -> Vec<Value> {
        lock(&self.log).get(key).cloned().unwrap_or_default()
    }
}

/// Locks a mutex, surviving poisoning (a panicked handler must not take the sandbox down).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The credential of a request: the last word of `AdjustAuthorization` or `Authorization`.
pub(crate) fn credential_key(headers: &HeaderMap) -> Option<String> {
    for name in ["adjustauthorization", "authorization"] {
        if let Some(v) = headers.get(name).and_then(|v| v.to_str().ok()) {
            return v.split_whitespace().last().map(str::to_owned);
        }
    }
    None
}

/// The items of one page: `items[offset .. offset + limit]`, clamped to the list.
pub(crate) fn page_of<T: Clone>(items: &[T], offset: usize, limit: usize) -> Vec<T> {
    let start = offset.min(items.len());
    let end = start.saturating_add(limit).min(items.len());
    items[start..end].to_vec()
}

/// A JSON response.
pub(crate) fn json_response(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

const CORS_HEADERS: &str = "authorization, adjustauthorization, signatureauthorization, content-type, accept, x-adkit-client, adapty-profile-id, adapty-customer-user-id, adapty-platform, idempotency-key";

fn add_cors(headers: &mut HeaderMap) {
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, OPTIONS"),
    );
    headers.insert(
        "access-control-allow-headers",
        HeaderValue::from_static(CORS_HEADERS),
    );
    headers.insert(
        "access-control-expose-headers",
        HeaderValue::from_static("x-request-id, retry-after, location"),
    );
}

/// CORS on every answer (204 to preflights), an `x-request-id`, the request log and queued faults.
pub(crate) async fn cors_and_request_id(
    State(state): State<Arc<SandboxState>>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() == Method::OPTIONS {
        let mut resp = StatusCode::NO_CONTENT.into_response();
        add_cors(resp.headers_mut());
        return resp;
    }
    let request_id = format!("sbx-{}", state.next_id());
    let key = credential_key(req.headers());
    let mut response = None;
    if let Some(key) = &key {
        let entry = json!({
            "method": req.method().as_str(),
            "path": req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/"),
            "headers": req.headers().keys().map(|k| k.as_str()).collect::<Vec<_>>(),
            "client": req.headers().get("x-adkit-client").and_then(|v| v.to_str().ok()),
            "request_id": request_id,
        });
        lock(&state.log).entry(key.clone()).or_default().push(entry);
        if let Some(fault) = state.take_fault(key) {
            if let Some(ms) = fault.delay_ms {
                tokio::time::sleep(Duration::from_millis(ms)).await;
            }
            response = fault_response(&fault);
        }
    }
    let mut resp = match response {
        Some(r) => r,
        None => next.run(req).await,
    };
    add_cors(resp.headers_mut());
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

fn fault_response(fault: &Fault) -> Option<Response> {
    if let Some(location) = &fault.redirect_to {
        let mut resp = StatusCode::FOUND.into_response();
        resp.headers_mut()
            .insert(header::LOCATION, HeaderValue::from_str(location).ok()?);
        return Some(resp);
    }
    if let Some(n) = fault.oversized_bytes {
        let mut body = String::with_capacity(n + 16);
        body.push_str("{\"pad\":\"");
        body.extend(std::iter::repeat_n('x', n.saturating_sub(10)));
        body.push_str("\"}");
        if fault.chunked {
            // A stream of unknown length: hyper sends it chunked, with no Content-Length.
            let bytes = axum::body::Bytes::from(body);
            let chunks: Vec<Result<axum::body::Bytes, std::io::Error>> = (0..bytes.len())
                .step_by(64 * 1024)
                .map(|at| Ok(bytes.slice(at..(at + 64 * 1024).min(bytes.len()))))
                .collect();
            let stream = futures_util::stream::iter(chunks);
            return Some(
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    Body::from_stream(stream),
                )
                    .into_response(),
            );
        }
        return Some(([(header::CONTENT_TYPE, "application/json")], body).into_response());
    }
    if let Some(ms) = fault.slow_body_ms {
        let body = fault.body.clone().unwrap_or_else(|| "{}".to_owned());
        let stream = futures_util::stream::once(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok::<_, std::io::Error>(axum::body::Bytes::from(body))
        });
        return Some(
            (
                [(header::CONTENT_TYPE, "application/json")],
                Body::from_stream(stream),
            )
                .into_response(),
        );
    }
    let status = StatusCode::from_u16(fault.status?).ok()?;
    let body = fault.body.clone().unwrap_or_else(|| {
        json!({"detail": format!("sandbox fault {}", status.as_u16())}).to_string()
    });
    let content_type = fault
        .content_type
        .clone()
        .unwrap_or_else(|| "application/json".into());
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type).ok()?,
    );
    if let Some(ra) = &fault.retry_after {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_str(ra).ok()?);
    }
    Some(resp)
}

#[derive(Deserialize)]
struct FaultRequest {
    key: String,
    faults: Vec<Fault>,
}

#[derive(Deserialize)]
struct KeyQuery {
    key: String,
}

#[derive(Deserialize)]
struct TagQuery {
    tag: String,
}

/// `/__sandbox/...`: queue faults, read the request log and what the other origin saw.
pub(crate) fn control_router() -> Router<Arc<SandboxState>> {
    Router::new()
        .route(
            "/__sandbox/faults",
            post(
                |State(s): State<Arc<SandboxState>>, Json(req): Json<FaultRequest>| async move {
                    let n = req.faults.len();
                    s.push_faults(&req.key, req.faults);
                    json_response(StatusCode::OK, json!({"queued": n}))
                },
            ),
        )
        .route(
            "/__sandbox/requests",
            get(
                |State(s): State<Arc<SandboxState>>, Query(q): Query<KeyQuery>| async move {
                    json_response(StatusCode::OK, Value::Array(s.requests_for(&q.key)))
                },
            ),
        )
        .route(
            "/__sandbox/other-origin/requests",
            get(|State(s): State<Arc<SandboxState>>| async move {
                json_response(StatusCode::OK, Value::Array(lock(&s.other_seen).clone()))
            }),
        )
        .route(
            "/__sandbox/raw-hits",
            get(
                |State(s): State<Arc<SandboxState>>, Query(q): Query<TagQuery>| async move {
                    json_response(StatusCode::OK, json!({"hits": s.raw_hits(&q.tag)}))
                },
            ),
        )
        .route("/__sandbox/health", get(|| async { "ok" }))
}

/// The other origin: records every request's method, path and header names; answers 200 with JSON.
pub(crate) fn other_origin_router(state: Arc<SandboxState>) -> Router {
    Router::new().fallback(any(move |req: Request<Body>| {
        let state = state.clone();
        async move {
            let mut headers: Vec<String> = req
                .headers()
                .keys()
                .map(|k| k.as_str().to_owned())
                .collect();
            headers.sort();
            let entry = json!({
                "method": req.method().as_str(),
                "path": req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/"),
                "headers": headers,
            });
            let _ = to_bytes(req.into_body(), 1 << 20).await;
            lock(&state.other_seen).push(entry);
            let mut resp =
                json_response(StatusCode::OK, json!({"detail": "this is another origin"}));
            add_cors(resp.headers_mut());
            resp
        }
    }))
}
