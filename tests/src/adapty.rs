//! Adapty, played in memory , mounted at `/adapty`.
//!
//! Keys: `Api-Key secret_<x>` is a valid secret key, `Api-Key public_<x>` a valid public key; both
//! open the same tenant `<x>`, so a test can create a profile with the secret key and read its paywall
//! through the Web API. The server-side API refuses public keys and the Web API secret ones (401, the
//! documented shapes). Access levels `premium` and `pro` exist; currencies `coins` and `gems`; 45
//! paywalls. `POST /__sandbox/adapty/webhook {key, url, authorization}` registers a webhook receiver:
//! the sandbox sends the `{}` handshake at once (it must answer 2xx) and then posts typed events for
//! grants, revokes and transactions.

#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Map, Value, json};

use crate::common::{SandboxState, json_response, lock, page_of};

const ACCESS_LEVELS: &[&str] = &["premium", "pro"];
const CURRENCIES: &[(&str, &str)] = &[("coins", "Coins"), ("gems", "Gems")];

/// A webhook receiver registered by a test.
#[derive(Clone, Debug)]
struct Webhook {
    url: String,
    authorization: String,
}

/// One tenant (an app).
#[derive(Debug, Default)]
pub struct Tenant {
    profiles: HashMap<String, Value>,
    by_customer: HashMap<String, String>,
    refund_saver: HashMap<String, Value>,
    integration_ids: HashMap<String, Value>,
    balances: HashMap<String, HashMap<String, i64>>,
    vc_history: HashMap<String, Vec<Value>>,
    idempotency: HashMap<(String, String), Value>,
    paywalls: Vec<Value>,
    webhook: Option<Webhook>,
    visits: Vec<Value>,
    attributions: Vec<Value>,
}

/// All tenants.
#[derive(Debug, Default)]
pub struct AdaptyState {
    tenants: HashMap<String, Tenant>,
}

impl AdaptyState {
    /// How many profiles the tenant of `key` holds (for in-process assertions).
    pub fn profile_count(&self, key: &str) -> usize {
        self.tenants
            .get(tenant_name(key))
            .map(|t| t.profiles.len())
            .unwrap_or(0)
    }
}

fn tenant_name(key: &str) -> &str {
    key.strip_prefix("secret_")
        .or_else(|| key.strip_prefix("public_"))
        .unwrap_or(key)
}

/// The router mounted at `/adapty`.
pub fn router() -> Router<Arc<SandboxState>> {
    Router::new().fallback(handle)
}

/// `POST /__sandbox/adapty/webhook`.
pub(crate) fn control_router() -> Router<Arc<SandboxState>> {
    Router::new().route(
        "/__sandbox/adapty/webhook",
        post(
            |State(s): State<Arc<SandboxState>>, axum::Json(req): axum::Json<Value>| async move {
                let key = req["key"].as_str().unwrap_or_default().to_owned();
                let hook = Webhook {
                    url: req["url"].as_str().unwrap_or_default().to_owned(),
                    authorization: req["authorization"].as_str().unwrap_or_default().to_owned(),
                };
                // The handshake: `{}`, answered 2xx with JSON, before any event is sent.
                match deliver(&hook, json!({})).await {
                    Ok(status) if (200..300).contains(&status) => {
                        let mut st = lock(&s.adapty);
                        tenant(&mut st, &key).webhook = Some(hook);
                        json_response(StatusCode::OK, json!({"verified": true, "status": status}))
                    }
                    Ok(status) => json_response(
                        StatusCode::BAD_REQUEST,
                        json!({"verified": false, "status": status}),
                    ),
                    Err(e) => json_response(
                        StatusCode::BAD_GATEWAY,
                        json!({"verified": false, "error": e}),
                    ),
                }
            },
        ),
    )
}

/// POSTs one delivery over plain HTTP/1.1 (receivers in tests listen on loopback `http://`), with
/// Adapty's 10-second limit. Hand-written so the sandbox needs no TLS stack or crypto provider.
async fn deliver(hook: &Webhook, body: Value) -> Result<u16, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = hook
        .url
        .strip_prefix("http://")
        .ok_or("the sandbox delivers to http:// URLs only")?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let body = body.to_string();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nAuthorization: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\nUser-Agent: Adapty-Webhooks (adkit-sandbox)\r\n\r\n{body}",
        hook.authorization,
        body.len()
    );
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(authority)
            .await
            .map_err(|e| e.to_string())?;
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        while !head.windows(2).any(|w| w == b"\r\n") {
            let n = stream.read(&mut buf).await.map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
        }
        let line = String::from_utf8_lossy(&head);
        line.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| format!("no HTTP status in {:?}", line.lines().next()))
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), exchange)
        .await
        .map_err(|_| "no answer within 10 s".to_owned())?
}

fn tenant<'a>(st: &'a mut AdaptyState, key: &str) -> &'a mut Tenant {
    st.tenants
        .entry(tenant_name(key).to_owned())
        .or_insert_with(|| Tenant {
            paywalls: (0..45).map(paywall).collect(),
            ..Default::default()
        })
}

fn paywall(i: usize) -> Value {
    json!({
        "title": format!("Paywall {i}"),
        "paywall_id": format!("{:08x}-0000-4000-8000-{:012x}", i, i),
        "use_paywall_builder": i.is_multiple_of(2),
        "use_paywall_builder_legacy": false,
        "created_at": "2025-07-08T07:27:06.754527+00:00",
        "updated_at": "2025-07-30T11:13:58.798Z",
        "state": if i.is_multiple_of(3) { "live" } else { "draft" },
        "is_deleted": false,
        "web_purchase_url": null,
        "products": [{"product_id": format!("{:08x}-1111-4000-8000-000000000000", i), "title": "Monthly",
                      "product_set": "monthly", "offer": null}],
        "remote_configs": [{"locale": "en", "data": "{\"title\":\"Go premium\"}"}],
        "main_screenshot": null,
    })
}

/// Shape A: `{"errors":[{"source", "errors"}], "error_code", "status_code"}`.
fn err_a(status: u16, code: &str, source: Option<&str>, msg: &str) -> Response {
    json_response(
        StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
        json!({"errors": [{"source": source, "errors": [msg]}], "error_code": code, "status_code": status}),
    )
}

/// Shape B: `{"errors":[msg], "error_code", "status_code"}`.
fn err_b(status: u16, code: &str, msg: &str) -> Response {
    json_response(
        StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
        json!({"errors": [msg], "error_code": code, "status_code": status}),
    )
}

fn now_iso() -> String {
    let ms = now_ms();
    let secs = ms / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:06}+00:00",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        (ms % 1000) * 1000
    )
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Days since the epoch → (year, month, day) (Howard Hinnant's algorithm).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Loose ISO 8601 → epoch ms for ordering checks (`YYYY-MM-DDTHH:MM:SS...`, offset ignored).
fn ms_of(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (h, mi, se) = (n(11..13)?, n(14..16)?, n(17..19)?);
    let (y2, m2) = if mo <= 2 {
        (y - 1, mo + 9)
    } else {
        (y, mo - 3)
    };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + h) * 60 + mi) * 60_000 + se * 1000)
}

fn new_uuid(state: &SandboxState) -> String {
    let n = state.next_id();
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        n as u32,
        (n >> 8) as u16,
        n & 0xfff,
        (n >> 4) & 0xfff,
        n.wrapping_mul(0x9E37_79B9)
    )
}

fn empty_profile(state: &SandboxState, customer_user_id: Option<String>) -> Value {
    json!({
        "app_id": "6e3c5b7d-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
        "profile_id": new_uuid(state),
        "customer_user_id": customer_user_id,
        "total_revenue_usd": 0.0,
        "segment_hash": "8f45ed4b1e3e9c8d",
        "timestamp": now_ms(),
        "custom_attributes": [],
        "access_levels": [],
        "subscriptions": [],
        "non_subscriptions": [],
    })
}

enum Key {
    Secret(String),
    Public(String),
}

fn key_of(headers: &HeaderMap) -> Option<Key> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let key = v.strip_prefix("Api-Key ")?;
    if key.contains(' ') || key.is_empty() {
        return None;
    }
    if key.starts_with("secret_") {
        Some(Key::Secret(key.to_owned()))
    } else if key.starts_with("public_") {
        Some(Key::Public(key.to_owned()))
    } else {
        None
    }
}

fn not_authenticated() -> Response {
    err_a(
        401,
        "not_authenticated",
        None,
        "Authentication credentials were not provided.",
    )
}

fn body_json(body: &Bytes) -> Result<Map<String, Value>, Response> {
    if body.is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(err_a(400, "parse_error", None, "JSON parse error")),
    }
}

async fn handle(
    State(state): State<Arc<SandboxState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let query: HashMap<String, String> = uri
        .query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect::<HashMap<_, _>>()
        })
        .unwrap_or_default();
    if let Some(rest) = path.strip_prefix("/api/v2/web-api/") {
        return match key_of(&headers) {
            Some(Key::Public(k)) => web(&state, &k, &method, rest, &body),
            _ => not_authenticated(),
        };
    }
    let key = match key_of(&headers) {
        Some(Key::Secret(k)) => k,
        _ => {
            // Paywalls and the newer families answer shape B; the rest shape A.
            return if path.contains("/paywalls/")
                || path.contains("/refund-saver/")
                || path.contains("/integration/")
                || path.contains("/paddle/")
            {
                err_b(401, "unauthorized", "Invalid API key")
            } else {
                not_authenticated()
            };
        }
    };
    if let Some(rest) = path.strip_prefix("/api/v1/client-api/") {
        return export(&state, &key, &method, rest, &headers, &body);
    }
    if path == "/api/v1/sdk/purchase/stripe/token/validate/" && method == Method::POST {
        return stripe(&state, &key, &headers, &body);
    }
    let Some(rest) = path.strip_prefix("/api/v2/server-side-api/") else {
        return err_a(404, "not_found", None, "Not found.");
    };
    let res = server_side(&state, &key, &method, rest, &headers, &query, &body);
    res.unwrap_or_else(|r| r)
}

/// The profile addressed by the headers, by id (for existing profiles).
fn addressed(t: &Tenant, headers: &HeaderMap) -> Result<Option<String>, Response> {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let pid = h("adapty-profile-id");
    let cuid = h("adapty-customer-user-id");
    if pid.is_none() && cuid.is_none() {
        return Err(err_a(
            400,
            "validation_error",
            None,
            "adapty-profile-id or adapty-customer-user-id header is required",
        ));
    }
    if let Some(p) = pid {
        return Ok(t.profiles.contains_key(&p).then_some(p));
    }
    Ok(cuid.and_then(|c| t.by_customer.get(&c).cloned()))
}

fn apply_profile_fields(profile: &mut Value, body: &Map<String, Value>) -> Result<(), Response> {
    for f in [
        "first_name",
        "last_name",
        "gender",
        "email",
        "phone_number",
        "birthday",
        "ip_country",
        "store_country",
        "store",
        "analytics_disabled",
        "installation_meta",
    ] {
        if let Some(v) = body.get(f) {
            profile[f] = v.clone();
        }
    }
    if let Some(Value::Array(attrs)) = body.get("custom_attributes") {
        let mut current: Vec<Value> = profile["custom_attributes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for a in attrs {
            let key = a["key"].as_str().unwrap_or_default().to_owned();
            if key.is_empty() || key.len() > 30 {
                return Err(err_a(
                    400,
                    "validation_error",
                    Some("custom_attributes"),
                    "Invalid key",
                ));
            }
            current.retain(|c| c["key"] != key.as_str());
            let value = match &a["value"] {
                // Numbers come back as floats.
                Value::Number(n) => json!(n.as_f64().unwrap_or_default()),
                Value::Bool(b) => json!(if *b { 1.0 } else { 0.0 }),
                Value::String(s) if s.is_empty() => continue,
                Value::Null => continue,
                v => v.clone(),
            };
            current.push(json!({"key": key, "value": value}));
        }
        if current.len() > 30 {
            return Err(err_a(
                400,
                "validation_error",
                Some("custom_attributes"),
                "Ensure this field has no more than 30 elements.",
            ));
        }
        profile["custom_attributes"] = Value::Array(current);
    }
    profile["timestamp"] = json!(now_ms());
    Ok(())
}

fn data(profile: &Value) -> Response {
    json_response(StatusCode::OK, json!({"data": profile}))
}

fn event(t: &Tenant, event_type: &str, profile: &Value, props: Value) -> Option<(Webhook, Value)> {
    let hook = t.webhook.clone()?;
    let mut properties = json!({
        "profile_event_id": format!("evt-{}-{}", now_ms(), profile["timestamp"]),
        "profile_id": profile["profile_id"],
        "environment": "Production",
        "event_datetime": "2025-01-05T13:27:47.000000+0000",
        "profile_has_access_level": !profile["access_levels"].as_array().map(Vec::is_empty).unwrap_or(true),
        "profile_total_revenue_usd": profile["total_revenue_usd"],
    });
    if let (Value::Object(p), Value::Object(extra)) = (&mut properties, props) {
        p.extend(extra);
    }
    Some((
        hook,
        json!({
            "profile_id": profile["profile_id"],
            "customer_user_id": profile["customer_user_id"],
            "event_type": event_type,
            "event_datetime": "2025-01-05T13:27:47.000000+0000",
            "event_properties": properties,
            "event_api_version": 1,
            "profiles_sharing_access_level": null,
            "attributions": {"appsflyer": {"status": "non_organic", "channel": "Google Ads"}},
            "user_attributes": {"Favourite_color": "Violet"},
            "integration_ids": {"adjust_device_id": null},
        }),
    ))
}

fn send_later(ev: Option<(Webhook, Value)>) {
    if let Some((hook, body)) = ev {
        tokio::spawn(async move {
            let _ = deliver(&hook, body).await;
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn server_side(
    state: &Arc<SandboxState>,
    key: &str,
    method: &Method,
    rest: &str,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    body: &Bytes,
) -> Result<Response, Response> {
    let mut st = lock(&state.adapty);
    let t = tenant(&mut st, key);
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let not_found = || err_a(404, "profile_does_not_exist", None, "Profile not found");
    let missing_400 = || {
        err_a(
            400,
            "profile_does_not_exist",
            Some("non_field_errors"),
            "Profile does not exist",
        )
    };
    match (method.as_str(), rest) {
        ("GET", "profile/") => {
            let id = addressed(t, headers)?.ok_or_else(not_found)?;
            Ok(data(&t.profiles[&id]))
        }
        ("POST", "profile/") => {
            let b = body_json(body)?;
            let cuid = h("adapty-customer-user-id");
            let id = match (h("adapty-profile-id"), &cuid) {
                (Some(pid), _) => {
                    let p = t.profiles.get_mut(&pid).ok_or_else(not_found)?;
                    if let Some(c) = &cuid {
                        p["customer_user_id"] = json!(c);
                        t.by_customer.insert(c.clone(), pid.clone());
                    }
                    pid
                }
                (None, Some(c)) => match t.by_customer.get(c) {
                    Some(id) => id.clone(),
                    None => {
                        let p = empty_profile(state, Some(c.clone()));
                        let id = p["profile_id"].as_str().unwrap_or_default().to_owned();
                        t.by_customer.insert(c.clone(), id.clone());
                        t.profiles.insert(id.clone(), p);
                        id
                    }
                },
                (None, None) => {
                    return Err(err_a(
                        400,
                        "validation_error",
                        None,
                        "adapty-customer-user-id header is required",
                    ));
                }
            };
            let p = t.profiles.get_mut(&id).ok_or_else(not_found)?;
            apply_profile_fields(p, &b)?;
            Ok(data(p))
        }
        ("PATCH", "profile/") => {
            let b = body_json(body)?;
            let id = addressed(t, headers)?.ok_or_else(not_found)?;
            let p = t.profiles.get_mut(&id).ok_or_else(not_found)?;
            apply_profile_fields(p, &b)?;
            Ok(data(p))
        }
        ("DELETE", "profile/") => {
            let id = addressed(t, headers)?.ok_or_else(not_found)?;
            if let Some(p) = t.profiles.remove(&id)
                && let Some(c) = p["customer_user_id"].as_str()
            {
                t.by_customer.remove(c);
            }
            let mut r = StatusCode::NO_CONTENT.into_response();
            r.headers_mut().insert(
                "request-id",
                header::HeaderValue::from_static("758f01dfd9e74ccfbabb4934241c4966"),
            );
            Ok(r)
        }
        ("POST", "purchase/set/transaction/") => {
            let b = body_json(body)?;
            let id = addressed(t, headers)?.ok_or_else(missing_400)?;
            let purchased = b
                .get("purchased_at")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if let Some(exp) = b.get("expires_at").and_then(Value::as_str)
                && ms_of(exp) <= ms_of(purchased)
            {
                return Err(err_a(
                    400,
                    "expires_date_error",
                    Some("expires_at"),
                    "expires_at must be later than purchased_at",
                ));
            }
            let s = |f: &str| b.get(f).cloned().unwrap_or(Value::Null);
            let price = b
                .get("price")
                .and_then(|p| p["value"].as_f64())
                .unwrap_or(0.0);
            let p = t.profiles.get_mut(&id).ok_or_else(missing_400)?;
            let txn = s("store_transaction_id");
            let is_sub = b.get("purchase_type").and_then(Value::as_str) == Some("subscription");
            let mut renewed = false;
            if is_sub {
                let subs = p["subscriptions"].as_array_mut().ok_or_else(missing_400)?;
                let same_txn = subs.iter().position(|x| x["store_transaction_id"] == txn);
                let same_chain = subs.iter().position(|x| {
                    x["store_original_transaction_id"] == s("store_original_transaction_id")
                });
                let sub = json!({
                    "store": s("store"), "store_product_id": s("store_product_id"), "store_base_plan_id": null,
                    "store_transaction_id": txn, "store_original_transaction_id": s("store_original_transaction_id"),
                    "offer": s("offer"), "environment": b.get("environment").cloned().unwrap_or(json!("Production")),
                    "purchased_at": s("purchased_at"), "originally_purchased_at": s("originally_purchased_at"),
                    "expires_at": s("expires_at"),
                    "renewal_cancelled_at": if s("renew_status") == json!(false) { s("renew_status_changed_at") } else { Value::Null },
                    "billing_issue_detected_at": s("billing_issue_detected_at"),
                    "is_in_grace_period": !s("grace_period_expires_at").is_null(),
                    "cancellation_reason": s("cancellation_reason"),
                });
                match (same_txn, same_chain) {
                    // Same store_transaction_id: an update, no renewal, no new revenue.
                    (Some(i), _) => subs[i] = sub,
                    (None, Some(i)) => {
                        subs[i] = sub;
                        renewed = true;
                    }
                    (None, None) => subs.push(sub),
                }
                if same_txn.is_none() {
                    p["total_revenue_usd"] =
                        json!(p["total_revenue_usd"].as_f64().unwrap_or(0.0) + price);
                }
                // The product's access level: `premium` in the sandbox.
                let level = json!({
                    "access_level_id": "premium", "store": s("store"), "store_product_id": s("store_product_id"),
                    "store_base_plan_id": null, "store_transaction_id": txn,
                    "store_original_transaction_id": s("store_original_transaction_id"), "offer": s("offer"),
                    "starts_at": null, "purchased_at": s("purchased_at"),
                    "originally_purchased_at": s("originally_purchased_at"), "expires_at": s("expires_at"),
                    "renewal_cancelled_at": null, "billing_issue_detected_at": s("billing_issue_detected_at"),
                    "is_in_grace_period": false, "cancellation_reason": s("cancellation_reason"),
                });
                let levels = p["access_levels"].as_array_mut().ok_or_else(missing_400)?;
                levels.retain(|l| l["access_level_id"] != "premium");
                levels.push(level);
            } else {
                let nons = p["non_subscriptions"]
                    .as_array_mut()
                    .ok_or_else(missing_400)?;
                if !nons.iter().any(|x| x["store_transaction_id"] == txn) {
                    nons.push(json!({
                        "purchase_id": new_uuid(state), "store": s("store"), "store_product_id": s("store_product_id"),
                        "store_base_plan_id": null, "store_transaction_id": txn,
                        "store_original_transaction_id": s("store_original_transaction_id"),
                        "purchased_at": s("purchased_at"),
                        "environment": b.get("environment").cloned().unwrap_or(json!("Production")),
                        "is_refund": !s("refunded_at").is_null(), "is_consumable": true,
                    }));
                    p["total_revenue_usd"] =
                        json!(p["total_revenue_usd"].as_f64().unwrap_or(0.0) + price);
                }
            }
            p["timestamp"] = json!(now_ms());
            let p = p.clone();
            let kind = match (is_sub, renewed) {
                (true, true) => "subscription_renewed",
                (true, false) => "subscription_started",
                _ => "non_subscription_purchase",
            };
            let ev = event(
                t,
                kind,
                &p,
                json!({"transaction_id": txn, "vendor_product_id": s("store_product_id"), "price_usd": price,
                       "store": s("store"), "purchase_date": s("purchased_at"), "paywall_revision": "1"}),
            );
            send_later(ev);
            Ok(data(&p))
        }
        ("POST", "purchase/profile/grant/access-level/") => {
            let b = body_json(body)?;
            let level = b
                .get("access_level_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let id = addressed(t, headers)?.ok_or_else(missing_400)?;
            if !ACCESS_LEVELS.contains(&level.as_str()) {
                return Err(err_a(
                    400,
                    "paid_access_level_does_not_exist",
                    Some("non_field_errors"),
                    &format!("Paid access level `{level}` does not exist"),
                ));
            }
            let p = t.profiles.get_mut(&id).ok_or_else(missing_400)?;
            let levels = p["access_levels"].as_array_mut().ok_or_else(missing_400)?;
            levels.retain(|l| l["access_level_id"] != level.as_str());
            levels.push(json!({
                "access_level_id": level, "store": "adapty", "store_product_id": "adapty_server_side_product",
                "store_base_plan_id": null, "store_transaction_id": format!("grant-{}", now_ms()),
                "store_original_transaction_id": format!("grant-{}", now_ms()), "offer": null,
                "starts_at": b.get("starts_at").cloned().unwrap_or(Value::Null),
                "purchased_at": now_iso(), "originally_purchased_at": now_iso(),
                "expires_at": b.get("expires_at").cloned().unwrap_or(Value::Null),
                "renewal_cancelled_at": null, "billing_issue_detected_at": null,
                "is_in_grace_period": false, "cancellation_reason": null,
            }));
            p["timestamp"] = json!(now_ms());
            let p = p.clone();
            send_later(event(
                t,
                "access_level_updated",
                &p,
                json!({"access_level_id": level, "is_active": true, "expires_at": b.get("expires_at").cloned().unwrap_or(Value::Null)}),
            ));
            Ok(data(&p))
        }
        ("POST", "purchase/profile/revoke/access-level/") => {
            let b = body_json(body)?;
            let level = b
                .get("access_level_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let id = addressed(t, headers)?.ok_or_else(missing_400)?;
            if !ACCESS_LEVELS.contains(&level.as_str()) {
                return Err(err_a(
                    400,
                    "paid_access_level_does_not_exist",
                    Some("non_field_errors"),
                    &format!("Paid access level `{level}` does not exist"),
                ));
            }
            let revoke_at = b
                .get("revoke_at")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let Some(at) = &revoke_at
                && ms_of(at).unwrap_or(0) <= now_ms() as i64
            {
                return Err(err_a(
                    400,
                    "value_error",
                    None,
                    "Must be greater than the current time or null",
                ));
            }
            let p = t.profiles.get_mut(&id).ok_or_else(missing_400)?;
            let pid = p["profile_id"].as_str().unwrap_or_default().to_owned();
            let levels = p["access_levels"].as_array_mut().ok_or_else(missing_400)?;
            let Some(i) = levels
                .iter()
                .position(|l| l["access_level_id"] == level.as_str())
            else {
                return Err(err_a(
                    400,
                    "profile_paid_access_level_does_not_exist",
                    Some("non_field_errors"),
                    &format!("Profile `{pid}` has no `{level}` access level"),
                ));
            };
            match revoke_at {
                None => {
                    levels.remove(i);
                }
                Some(at) => {
                    if let Some(exp) = levels[i]["expires_at"].as_str()
                        && ms_of(&at) > ms_of(exp)
                    {
                        return Err(err_a(
                            400,
                            "revocation_date_more_than_expiration_date",
                            Some("revoke_at"),
                            "Revocation date is later than the expiration date",
                        ));
                    }
                    levels[i]["expires_at"] = json!(at);
                }
            }
            p["timestamp"] = json!(now_ms());
            let p = p.clone();
            send_later(event(
                t,
                "access_level_updated",
                &p,
                json!({"access_level_id": level, "is_active": false}),
            ));
            Ok(data(&p))
        }
        (m @ ("GET" | "POST"), "purchase/profile/refund-saver/settings/") => {
            let id = addressed(t, headers)?
                .ok_or_else(|| err_b(400, "profile_does_not_exist", "Profile does not exist"))?;
            if m == "POST" {
                let b = body_json(body)?;
                if !b.contains_key("consent") && !b.contains_key("custom_preference") {
                    return Err(err_b(
                        400,
                        "validation_error",
                        "Settings must have either consent or custom_preference or both",
                    ));
                }
                let s = t
                    .refund_saver
                    .entry(id.clone())
                    .or_insert_with(|| json!({"consent": null, "custom_preference": null}));
                for f in ["consent", "custom_preference"] {
                    if let Some(v) = b.get(f) {
                        s[f] = v.clone();
                    }
                }
            }
            let settings =
                t.refund_saver.get(&id).cloned().unwrap_or_else(
                    || json!({"consent": null, "custom_preference": "no_preference"}),
                );
            Ok(json_response(
                StatusCode::OK,
                json!({"profile_id": id, "settings": settings}),
            ))
        }
        ("POST", "purchase/paddle/token/validate/") => {
            let b = body_json(body)?;
            let token = b
                .get("paddle_token")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let cuid = b
                .get("customer_user_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if !(token.starts_with("txn_") || token.starts_with("sub_")) {
                return Err(err_b(
                    400,
                    "invalid_paddle_credentials_or_purchase_not_found",
                    "Invalid Paddle credentials or purchase not found",
                ));
            }
            let id = match t.by_customer.get(&cuid) {
                Some(id) => id.clone(),
                None => {
                    let p = empty_profile(state, Some(cuid.clone()));
                    let id = p["profile_id"].as_str().unwrap_or_default().to_owned();
                    t.by_customer.insert(cuid, id.clone());
                    t.profiles.insert(id.clone(), p);
                    id
                }
            };
            Ok(data(&t.profiles[&id]))
        }
        (m @ ("GET" | "POST"), "integration/profile/set/integration-identifiers/") => {
            let id = addressed(t, headers)
                .ok()
                .flatten()
                .ok_or_else(|| err_b(404, "profile_not_found", "Profile not found"))?;
            const IDS: &[&str] = &[
                "adjust_device_id",
                "airbridge_device_id",
                "amplitude_device_id",
                "amplitude_user_id",
                "appmetrica_device_id",
                "appmetrica_profile_id",
                "appsflyer_id",
                "branch_id",
                "facebook_anonymous_id",
                "firebase_app_instance_id",
                "mixpanel_user_id",
                "one_signal_player_id",
                "one_signal_subscription_id",
                "posthog_distinct_user_id",
                "pushwoosh_hwid",
                "tenjin_analytics_installation_id",
            ];
            let entry = t.integration_ids.entry(id).or_insert_with(|| {
                Value::Object(IDS.iter().map(|k| ((*k).to_owned(), Value::Null)).collect())
            });
            if m == "GET" {
                return Ok(json_response(StatusCode::OK, entry.clone()));
            }
            let b = body_json(body)?;
            let given: Vec<_> = b
                .iter()
                .filter(|(k, _)| IDS.contains(&k.as_str()))
                .collect();
            if given.is_empty() {
                return Err(err_b(
                    400,
                    "validation_error",
                    "At least one integration identifier must be provided.",
                ));
            }
            for (k, v) in given {
                entry[k] = v.clone();
            }
            Ok(StatusCode::OK.into_response())
        }
        ("GET", "paywalls/") => {
            let page: usize = query
                .get("page[number]")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1);
            let size: usize = query
                .get("page[size]")
                .and_then(|v| v.parse().ok())
                .unwrap_or(20);
            if !(1..=100).contains(&size) {
                return Err(err_a(
                    400,
                    "validation_error",
                    Some("page_size"),
                    "Invalid page_size parameter. Must be between 1 and 100.",
                ));
            }
            let count = t.paywalls.len();
            let items: Vec<Value> = page_of(&t.paywalls, (page.max(1) - 1) * size, size)
                .into_iter()
                .map(|p| {
                    let mut p = p;
                    if let Value::Object(m) = &mut p {
                        m.remove("remote_configs");
                        m.remove("main_screenshot");
                    }
                    p
                })
                .collect();
            Ok(json_response(
                StatusCode::OK,
                json!({"data": items, "meta": {"pagination": {"count": count, "page": page, "pages": count.div_ceil(size)}}}),
            ))
        }
        (m @ ("GET" | "PUT"), p) if p.starts_with("paywalls/") => {
            let pid = p.trim_start_matches("paywalls/").trim_end_matches('/');
            let Some(pw) = t.paywalls.iter_mut().find(|x| x["paywall_id"] == pid) else {
                return Err(err_a(
                    404,
                    "paywall_does_not_exist",
                    None,
                    "Paywall not found",
                ));
            };
            if m == "PUT" {
                let b = body_json(body)?;
                match b.get("remote_configs") {
                    Some(Value::Array(c)) if !c.is_empty() => {
                        pw["remote_configs"] = Value::Array(c.clone())
                    }
                    _ => {
                        return Err(err_a(
                            400,
                            "validation_error",
                            Some("remote_configs"),
                            "At least one field must be provided",
                        ));
                    }
                }
                pw["updated_at"] = json!(now_iso());
            }
            Ok(json_response(StatusCode::OK, pw.clone()))
        }
        ("POST", "vc/transactions/") => {
            let b = body_json(body)?;
            let id = addressed(t, headers)?
                .ok_or_else(|| err_a(404, "profile_does_not_exist", None, "Profile not found"))?;
            let idem = h("idempotency-key");
            if let Some(k) = &idem {
                if k.len() != 36 {
                    return Err(err_a(
                        400,
                        "idempotency_key_invalid",
                        None,
                        "Invalid Idempotency-Key",
                    ));
                }
                if let Some(prev) = t.idempotency.get(&(id.clone(), k.clone())) {
                    return Ok(json_response(StatusCode::OK, prev.clone()));
                }
            }
            let items = b
                .get("items")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if items.is_empty() {
                return Err(err_a(
                    400,
                    "empty_items",
                    Some("items"),
                    "At least one item is required",
                ));
            }
            let bal = t.balances.entry(id.clone()).or_default();
            let mut next = bal.clone();
            let mut changes = Vec::new();
            for it in &items {
                let code = it["currency_code"].as_str().unwrap_or_default().to_owned();
                let amount = it["amount"].as_i64().unwrap_or(0);
                if !CURRENCIES.iter().any(|(c, _)| *c == code) {
                    return Err(err_a(
                        400,
                        "unknown_currency",
                        Some("currency_code"),
                        &format!("Unknown currency `{code}`"),
                    ));
                }
                let v = next.entry(code.clone()).or_insert(0);
                if *v + amount < 0 {
                    return Err(err_a(
                        400,
                        "insufficient_balance",
                        Some("items"),
                        &format!("Insufficient `{code}` balance"),
                    ));
                }
                *v += amount;
                changes.push(json!({"currency_code": code, "amount": amount, "balance_after": *v}));
            }
            *bal = next.clone();
            let txid = new_uuid(state);
            let balances: Vec<Value> = items
                .iter()
                .map(|it| {
                    let code = it["currency_code"].as_str().unwrap_or_default();
                    let name = CURRENCIES
                        .iter()
                        .find(|(c, _)| *c == code)
                        .map(|(_, n)| *n)
                        .unwrap_or(code);
                    let v = next.get(code).copied().unwrap_or(0);
                    json!({"code": code, "name": name, "balance": v, "held": 0, "available": v})
                })
                .collect();
            let result = json!({"transaction_id": txid, "balances": balances});
            t.vc_history.entry(id.clone()).or_default().insert(
                0,
                json!({"transaction_id": txid, "transaction_type": "api_transaction", "items": changes,
                       "metadata": b.get("metadata").cloned().unwrap_or(Value::Null), "created_at": now_iso()}),
            );
            if let Some(k) = idem {
                t.idempotency.insert((id, k), result.clone());
            }
            Ok(json_response(StatusCode::OK, result))
        }
        ("GET", "vc/transactions/") => {
            let id = addressed(t, headers)?
                .ok_or_else(|| err_a(404, "profile_does_not_exist", None, "Profile not found"))?;
            let limit: usize = query
                .get("limit")
                .and_then(|v| v.parse().ok())
                .unwrap_or(50);
            let start: usize = match query.get("cursor") {
                None => 0,
                Some(c) => c
                    .strip_prefix("c")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| {
                        err_a(400, "invalid_cursor", Some("cursor"), "Invalid cursor")
                    })?,
            };
            let all: Vec<Value> = t
                .vc_history
                .get(&id)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|e| match query.get("currency_code") {
                    Some(c) => e["items"]
                        .as_array()
                        .is_some_and(|i| i.iter().any(|x| x["currency_code"] == c.as_str())),
                    None => true,
                })
                .collect();
            let page: Vec<Value> = page_of(&all, start, limit);
            let next = (start + limit < all.len()).then(|| format!("c{}", start + limit));
            Ok(json_response(
                StatusCode::OK,
                json!({"data": page, "pagination": {"next_cursor": next}}),
            ))
        }
        ("GET", "vc/balances/") => {
            let id = addressed(t, headers)?
                .ok_or_else(|| err_a(404, "profile_does_not_exist", None, "Profile not found"))?;
            let bal = t.balances.get(&id).cloned().unwrap_or_default();
            let data: Vec<Value> = CURRENCIES
                .iter()
                .map(|(c, n)| {
                    let v = bal.get(*c).copied().unwrap_or(0);
                    json!({"code": c, "name": n, "balance": v, "held": 0, "available": v})
                })
                .collect();
            Ok(json_response(
                StatusCode::OK,
                json!({"response_created_at": now_ms(), "data": data}),
            ))
        }
        _ => Err(err_a(404, "not_found", None, "Not found.")),
    }
}

fn stripe(state: &Arc<SandboxState>, key: &str, headers: &HeaderMap, body: &Bytes) -> Response {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if ct != "application/vnd.api+json" {
        return json_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            json!({"errors": [{"detail": "Unsupported media type", "status": "415"}]}),
        );
    }
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let attrs = &v["data"]["attributes"];
    let token = attrs["stripe_token"].as_str();
    let cuid = attrs["customer_user_id"].as_str();
    let (Some(token), Some(cuid)) = (token, cuid) else {
        let pointer = if token.is_none() {
            "stripe_token"
        } else {
            "customer_user_id"
        };
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"errors": [{"detail": "none is not an allowed value",
                               "source": {"pointer": format!("/data/attributes/{pointer}")}, "status": "400"}]}),
        );
    };
    if v["data"]["type"] != "stripe_receipt_validation_result"
        || !(token.starts_with("sub_") || token.starts_with("pi_"))
    {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"errors": [{"detail": "invalid token", "source": {"pointer": "/data/attributes/stripe_token"}, "status": "400"}]}),
        );
    }
    let mut st = lock(&state.adapty);
    let t = tenant(&mut st, key);
    if !t.by_customer.contains_key(cuid) {
        let p = empty_profile(state, Some(cuid.to_owned()));
        let id = p["profile_id"].as_str().unwrap_or_default().to_owned();
        t.by_customer.insert(cuid.to_owned(), id.clone());
        t.profiles.insert(id, p);
    }
    let mut r = json_response(StatusCode::OK, json!({"data": null}));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/vnd.api+json"),
    );
    r
}

fn web(
    state: &Arc<SandboxState>,
    key: &str,
    method: &Method,
    rest: &str,
    body: &Bytes,
) -> Response {
    if method != Method::POST {
        return err_a(405, "method_not_allowed", None, "Method not allowed");
    }
    let b = match body_json(body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let user = b.get("customer_user_id").or_else(|| b.get("profile_id"));
    if user.is_none() {
        return err_a(
            400,
            "parse_error",
            Some("customer_user_id"),
            "field required",
        );
    }
    let mut st = lock(&state.adapty);
    let t = tenant(&mut st, key);
    match rest {
        "paywall/" => {
            let placement = b
                .get("placement_id")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if placement != "main" && placement != "onboarding" {
                return err_a(
                    404,
                    "VARIATION_DOES_NOT_EXIST_ERROR",
                    None,
                    &format!("Variation for {placement} does not exist."),
                );
            }
            let pw = &t.paywalls[0];
            json_response(
                StatusCode::OK,
                json!({
                    "placement_id": placement, "variation_id": "9d4c2f7e-1b3a-4c5d-8e6f-7a8b9c0d1e2f",
                    "paywall_id": pw["paywall_id"], "ab_test_name": "Default", "paywall_name": pw["title"],
                    "products": [{"title": "Monthly", "is_consumable": false, "adapty_product_id": "0b1c2d3e-0000-4000-8000-000000000001",
                                  "vendor_product_id": "monthly.premium", "introductory_offer_eligibility": true,
                                  "promotional_offer_eligibility": false, "base_plan_id": "null",
                                  "offer": {"category": "introductory", "type": "free_trial", "id": null}}],
                    "remote_config": {"lang": b.get("locale").and_then(Value::as_str).unwrap_or("en"), "data": "{\"title\":\"Go premium\"}"},
                }),
            )
        }
        "paywall/visit/" => {
            if let Some(v) = b.get("visited_at").and_then(Value::as_str)
                && ms_of(v).is_none()
            {
                return err_a(
                    400,
                    "datetime",
                    Some("visited_at"),
                    "invalid datetime format",
                );
            }
            t.visits.push(Value::Object(b));
            (StatusCode::CREATED, axum::Json(json!({}))).into_response()
        }
        "attribution/" => {
            let status = b.get("status").and_then(Value::as_str).unwrap_or_default();
            if !["organic", "non_organic", "unknown"].contains(&status) {
                return err_a(
                    400,
                    "enum",
                    Some("status"),
                    "value is not a valid enumeration member",
                );
            }
            t.attributions.push(Value::Object(b));
            StatusCode::CREATED.into_response()
        }
        _ => {
            drop(st);
            let _ = state;
            err_a(404, "not_found", None, "Not found.")
        }
    }
}

fn export(
    state: &Arc<SandboxState>,
    key: &str,
    method: &Method,
    rest: &str,
    headers: &HeaderMap,
    body: &Bytes,
) -> Response {
    if method != Method::POST {
        return err_a(405, "method_not_allowed", None, "Method not allowed");
    }
    let b = match body_json(body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let csv = accept.contains("text/csv") || b.get("format").and_then(Value::as_str) == Some("csv");
    let mut st = lock(&state.adapty);
    let t = tenant(&mut st, key);
    let (json_body, csv_body) = match rest {
        "exports/placements/" => {
            let kind = b
                .get("filters")
                .and_then(|f| f["placement_type"].as_str())
                .unwrap_or_default();
            let name_col = match kind {
                "paywall" => "paywall_name",
                "onboarding" => "onboarding_name",
                _ => {
                    return err_a(
                        400,
                        "validation_error",
                        Some("placement_type"),
                        "Invalid placement_type",
                    );
                }
            };
            let rows: Vec<Value> = t
                .paywalls
                .iter()
                .take(5)
                .enumerate()
                .map(|(i, pw)| {
                    json!({"developer_id": format!("placement_{i}"), "placement_name": format!("Placement {i}"),
                           "audience_name": "All users", "segment_name": "All users",
                           "cross_placement_ab_test_name": null,
                           "ab_test_name": if i == 0 { json!("Price test") } else { Value::Null },
                           name_col: pw["title"]})
                })
                .collect();
            let mut csv = format!(
                "developer_id,placement_name,audience_name,segment_name,cross_placement_ab_test_name,ab_test_name,{name_col}\n"
            );
            for r in &rows {
                let cell = |f: &str| r[f].as_str().unwrap_or_default().to_owned();
                csv.push_str(&format!(
                    "{},{},{},{},{},{},\"{}\"\n",
                    cell("developer_id"),
                    cell("placement_name"),
                    cell("audience_name"),
                    cell("segment_name"),
                    cell("cross_placement_ab_test_name"),
                    cell("ab_test_name"),
                    cell(name_col)
                ));
            }
            (json!({"data": rows}), csv)
        }
        m if m.starts_with("metrics/") => {
            let dates = b.get("filters").and_then(|f| f["date"].as_array()).cloned();
            let Some(dates) = dates.filter(|d| !d.is_empty()) else {
                return err_a(
                    400,
                    "validation_error",
                    Some("filters.date"),
                    "This field is required.",
                );
            };
            let path_metric = m.trim_start_matches("metrics/").trim_end_matches('/');
            let metric = match path_metric {
                "analytics" => match b.get("chart_id").and_then(Value::as_str) {
                    Some(c) => c,
                    None => {
                        return err_a(
                            400,
                            "validation_error",
                            Some("chart_id"),
                            "This field is required.",
                        );
                    }
                },
                other => other,
            };
            let revenue: f64 = t
                .profiles
                .values()
                .map(|p| p["total_revenue_usd"].as_f64().unwrap_or(0.0))
                .sum();
            let installs = t.profiles.len();
            let json_body = json!({"data": {metric: {"data": [{"date": dates[0], "value": revenue}],
                "value": revenue, "title": metric, "type": "single", "unit": "USD",
                "installs": installs}}});
            let csv = format!(
                "date,{metric},installs\n{},{revenue},{installs}\n",
                dates[0].as_str().unwrap_or_default()
            );
            (json_body, csv)
        }
        _ => return err_a(404, "not_found", None, "Not found."),
    };
    if csv {
        (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            csv_body,
        )
            .into_response()
    } else {
        json_response(StatusCode::OK, json_body)
    }
}
