//! Admitad's OAuth server and account endpoint, played in memory ,
//! mounted at `/admitad`.
//!
//! Clients: any `client_id` starting with `adm_` exists; its secret is `secret_<client_id>`. The
//! authorize endpoint approves at once and redirects with `code` and `state` (unknown clients get
//! `error=invalid_client`). The token endpoint checks each grant as Admitad documents it (Basic auth for
//! `authorization_code` and `client_credentials`, no secret in the body for the latter, credentials in
//! the body for `refresh_token`); refresh tokens rotate and die after use. Controls:
//! `POST /__sandbox/admitad/config {client_id, expires_in?, token_delay_ms?}`,
//! `POST /__sandbox/admitad/expire {client_id}` (every access token of the client expires now),
//! `GET /__sandbox/admitad/stats?client_id=` (token requests by grant).

#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::common::{SandboxState, json_response, lock, page_of};

#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub(crate) client_id: String,
    scopes: Vec<String>,
    expired: bool,
}

#[derive(Clone, Debug, Default)]
struct ClientSettings {
    expires_in: Option<u64>,
    token_delay_ms: u64,
    /// Requests allowed per window (Admitad: 600 a minute); over it the API answers 503.
    rate_limit: Option<u64>,
    window_ms: u64,
}

/// Everything the Admitad sandbox keeps.
#[derive(Debug, Default)]
pub struct AdmitadState {
    codes: HashMap<String, (String, String, Vec<String>)>,
    access: HashMap<String, Token>,
    refresh: HashMap<String, (String, Vec<String>)>,
    settings: HashMap<String, ClientSettings>,
    stats: HashMap<String, HashMap<String, u64>>,
    windows: HashMap<String, (u64, u64)>,
    pub(crate) publisher: HashMap<String, crate::admitad_publisher::PublisherStore>,
}

/// The router mounted at `/admitad`.
pub fn router() -> Router<Arc<SandboxState>> {
    Router::new()
        .route("/authorize/", get(authorize))
        .route("/token/", post(token))
        .route("/me/", get(me))
        .route("/statistics/{report}/", get(statistics))
        .route("/deeplink/{w}/advcampaign/{c}/", get(deeplink))
        .route("/websites/v2/", get(websites))
        .route("/websites/v2/create/", post(gone))
        .route("/advcampaigns/", get(programs))
        .route("/advcampaigns/website/{w}/", get(programs))
        .route("/advcampaigns/{id}/", get(program))
        .route("/coupons/", get(coupons))
        .route("/coupons/website/{w}/", get(coupons))
        .route("/validate_links/", get(validate_link))
        .route("/broken_links/resolve/", post(resolve_links))
        .merge(crate::admitad_publisher::router())
}

pub(crate) fn query_pairs(uri: &Uri) -> Vec<(String, String)> {
    uri.query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

pub(crate) fn paged(items: Vec<Value>, q: &[(String, String)]) -> Response {
    let get = |k: &str| {
        q.iter()
            .find(|(n, _)| n == k)
            .and_then(|(_, v)| v.parse::<usize>().ok())
    };
    let (limit, offset) = (
        get("limit").unwrap_or(20).min(500),
        get("offset").unwrap_or(0),
    );
    let page: Vec<Value> = page_of(&items, offset, limit);
    json_response(
        StatusCode::OK,
        json!({"results": page, "_meta": {"count": items.len(), "limit": limit, "offset": offset}}),
    )
}

/// Withdrawn methods answer 410.
async fn gone() -> Response {
    json_response(
        StatusCode::GONE,
        json!({"error": "gone", "error_description": "This method is no longer supported"}),
    )
}

async fn websites(State(state): State<Arc<SandboxState>>, headers: HeaderMap) -> Response {
    if let Err(r) = bearer(&state, &headers, "websites") {
        return r;
    }
    // A bare array, as Admitad's docs show for this method; ids as strings.
    json_response(
        StatusCode::OK,
        json!([
            {"id": "22", "name": "My blog", "status": "active", "kind": "website", "site_url": "https://blog.example/",
             "verification_code": "abc123", "validation_passed": true, "creation_date": "2010-03-31T18:25:19", "is_lite": false,
             "is_old": true, "account_id": ""},
            {"id": 23, "name": "My channel", "status": "new", "kind": "youtube", "site_url": "https://youtube.example/c",
             "validation_passed": false, "creation_date": "2012-02-16 16:41:37", "is_old": false, "account_id": "UC-channel-23",
             "is_lite": "1"},
        ]),
    )
}

fn program_json(id: u64, website: Option<&str>) -> Value {
    let mut p = json!({
        "id": id, "name": format!("Shop {id}"), "status": "active", "rating": format!("{}.5", id % 10),
        "site_url": format!("https://shop{id}.example/"), "currency": "USD", "epc": (id as f64) / 100.0,
        "cr": "0.12", "regions": [{"region": "RU"}], "actions": [{"id": 1, "name": "Sale", "type": "sale", "payment_size": "5USD"}],
    });
    if let Some(w) = website {
        p["connection_status"] = json!("active");
        p["gotolink"] = json!(format!("https://ad.admitad.com/g/{id}{w}/"));
    }
    p
}

async fn programs(
    State(state): State<Arc<SandboxState>>,
    path: Option<axum::extract::Path<String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let website = path.map(|p| p.0);
    let scope = if website.is_some() {
        "advcampaigns_for_website"
    } else {
        "advcampaigns"
    };
    if let Err(r) = bearer(&state, &headers, scope) {
        return r;
    }
    let q = query_pairs(&uri);
    let flag = |k: &str| q.iter().any(|(n, v)| n == k && v == "true");
    // The catalogue's `website` filter names one of the publisher's ad spaces.
    let unknown_site = q
        .iter()
        .any(|(k, w)| k == "website" && w != "22" && w != "23");
    if website.is_none() && unknown_site {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"website": ["Select a valid choice. That choice is not one of the available choices."]}),
        );
    }
    // Every third program has promo codes, every fourth Takefluence.
    let items = (1..=120)
        .filter(|i| !flag("promo_code_programs_only") || i % 3 == 0)
        .filter(|i| !flag("takefluence_enabled_only") || i % 4 == 0)
        .map(|i| program_json(i, website.as_deref()))
        .collect();
    paged(items, &q)
}

async fn program(
    State(state): State<Arc<SandboxState>>,
    axum::extract::Path(id): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = bearer(&state, &headers, "advcampaigns") {
        return r;
    }
    match id.parse::<u64>() {
        Ok(i) if (1..=120).contains(&i) => json_response(StatusCode::OK, program_json(i, None)),
        _ => json_response(
            StatusCode::NOT_FOUND,
            json!({"error": "not_found", "error_description": "No such program"}),
        ),
    }
}

async fn coupons(
    State(state): State<Arc<SandboxState>>,
    path: Option<axum::extract::Path<String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let website = path.map(|p| p.0);
    let scope = if website.is_some() {
        "coupons_for_website"
    } else {
        "coupons"
    };
    if let Err(r) = bearer(&state, &headers, scope) {
        return r;
    }
    let q = query_pairs(&uri);
    let campaigns: Vec<u64> = q
        .iter()
        .filter(|(k, _)| k == "campaign")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let types: Vec<&str> = q
        .iter()
        .filter(|(k, _)| k == "type")
        .map(|(_, v)| v.as_str())
        .collect();
    let mut items: Vec<Value> = (1..=60u64)
        .filter(|i| campaigns.is_empty() || campaigns.contains(&(i % 6 + 1)))
        .map(|i| coupon_json(i, website.as_deref()))
        .filter(|c| {
            // A type is named by its id or its name, as text.
            types.is_empty()
                || types.iter().any(|t| {
                    c["types"][0]["id"] == json!(t.parse::<u64>().ok())
                        || c["types"][0]["name"] == json!(t)
                })
        })
        .collect();
    // `order_by` repeats: the first key sorts, the next ones break ties (`-` descending).
    let keys: Vec<&str> = q
        .iter()
        .filter(|(k, _)| k == "order_by")
        .map(|(_, v)| v.as_str())
        .collect();
    items.sort_by(|a, b| {
        keys.iter()
            .map(|key| {
                let (name, descending) = match key.strip_prefix('-') {
                    Some(n) => (n, true),
                    None => (*key, false),
                };
                let text = |c: &Value| c[name].as_str().unwrap_or_default().to_owned();
                let order = text(a).cmp(&text(b));
                if descending { order.reverse() } else { order }
            })
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    paged(items, &q)
}

/// One coupon with every documented field (the ad space's links when `website` is given).
pub(crate) fn coupon_json(i: u64, website: Option<&str>) -> Value {
    let kinds = ["Discount", "Free shipping", "Gift"];
    let campaign = i % 6 + 1;
    let mut c = json!({"id": i, "name": format!("-{i}% on everything"), "short_name": format!("-{i}%"),
                       "description": format!("{i}% off the whole shop"), "status": "active", "rating": "4.20",
                       "exclusive": i.is_multiple_of(5), "discount": format!("{i}%"), "species": if i.is_multiple_of(2) { "promocode" } else { "action" },
                       "types": [{"id": i % 3 + 1, "name": kinds[(i % 3) as usize]}], "categories": [{"id": i % 5 + 1, "name": format!("Coupon category {}", i % 5 + 1)}],
                       "regions": ["RU", "KZ"], "language": "en", "image": format!("//cdn.admitad.com/media/coupons/{i}.jpg"),
                       "date_start": format!("2024-0{}-01 00:00:00", i % 2 + 1), "date_end": null,
                       "campaign": {"id": campaign, "name": format!("Shop {campaign}"), "site_url": format!("https://shop{campaign}.example/")}});
    if let Some(w) = website {
        c["goto_link"] = json!(format!("https://ad.admitad.com/coupon/{i}{w}/"));
        c["frameset_link"] = json!(format!("https://ad.admitad.com/coupon/{i}{w}/?frame=1"));
        c["promocode"] = json!(format!("SAVE{i}"));
    }
    c
}

async fn validate_link(
    State(state): State<Arc<SandboxState>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = bearer(&state, &headers, "validate_links") {
        return r;
    }
    let link = query_pairs(&uri)
        .into_iter()
        .find(|(k, _)| k == "link")
        .map(|(_, v)| v)
        .unwrap_or_default();
    if link.starts_with("https://ad.admitad.com/") {
        json_response(
            StatusCode::OK,
            json!({"message": "Link successfully tested."}),
        )
    } else {
        json_response(StatusCode::OK, json!({"error_description": "Wrong domain"}))
    }
}

async fn resolve_links(
    State(state): State<Arc<SandboxState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = bearer(&state, &headers, "manage_broken_links") {
        return r;
    }
    let ids: Vec<u64> = form_urlencoded::parse(&body)
        .filter(|(k, _)| k == "link_id")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    json_response(StatusCode::OK, json!({"resolved": ids}))
}

/// Rows in every statistics report of the sandbox.
pub const STATISTICS_ROWS: u64 = 100_000;

async fn statistics(
    State(state): State<Arc<SandboxState>>,
    axum::extract::Path(report): axum::extract::Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = bearer(&state, &headers, "statistics") {
        return r;
    }
    let q: Vec<(String, String)> = uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let known = [
        "websites",
        "campaigns",
        "dates",
        "months",
        "actions",
        "sub_ids",
        "sources",
        "keywords",
    ];
    if !known.contains(&report.as_str()) {
        return json_response(StatusCode::NOT_FOUND, json!({"error": "not_found"}));
    }
    let limit: u64 = get("limit").and_then(|v| v.parse().ok()).unwrap_or(20);
    if limit == 0 || limit > 500 {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"error": "invalid_request", "error_description": "limit must be 1..500", "error_code": 3}),
        );
    }
    // The dates report lowers the page size, as Admitad may: clients must follow `_meta.limit`.
    let limit = if report == "dates" {
        limit.min(300)
    } else {
        limit
    };
    let offset: u64 = get("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let end = (offset + limit).min(STATISTICS_ROWS);
    let action = get("action");
    let rows: Vec<Value> = (offset.min(end)..end)
        .map(|i| {
            let mut row = json!({
                "website_id": (i % 50).to_string(), "website_name": format!("site {}", i % 50),
                "date": format!("{:02}.{:02}.2024", i % 28 + 1, i % 12 + 1),
                "views": i * 3, "clicks": (i % 97).to_string(), "ctr": "0.33", "cr": 1.5,
                "ecpc": 0.62, "ecpm": "1513.71",
                "leads_sum": i % 5, "sales_sum": i % 3,
                "payment_sum_open": format!("{}.{:02}", i % 1000, i % 100),
                "payment_sum_approved": (i % 100) as f64 + 0.25, "payment_sum_declined": "0.00",
                "currency": "USD",
            });
            if report == "actions" {
                // The actions report's columns; the `action` filter names the action.
                let columns = json!({
                    "id": 800_000_000 + i, "action_id": 800_000_000 + i, "order_id": format!("c-{i}"), "tariff_id": 7106,
                    "advcampaign_id": 6, "advcampaign_name": "Shop 6", "action": action.clone().unwrap_or_else(|| "Paid order".into()),
                    "action_type": if i % 2 == 0 { "sale" } else { "lead" }, "status": "approved", "processed": 1, "paid": 0,
                    "cart": 209.32, "payment": "104.66", "subid": "spring", "subid1": null, "subid2": null, "subid3": null,
                    "subid4": null, "keyword": null, "comment": null, "promocode": null, "click_user_ip": null,
                    "click_user_referer": "http://admitad.com/", "click_country_code": "RU", "conversion_time": 135,
                });
                let dates = json!({
                    "click_date": "2021-12-26 10:48:02", "action_date": "2021-12-26 10:48:02", "closing_date": "2022-02-03",
                    "status_updated": "2022-02-02 05:24:24",
                    "positions": [{"id": 900_000_000 + i, "tariff_id": 8343, "datetime": "2021-12-26 10:48:02", "amount": "209.32",
                                   "payment": "104.66", "rate": "50.00", "rate_id": 74578, "percentage": true, "product_id": "",
                                   "product_name": "", "product_url": "", "product_image": "", "product_category_id": "",
                                   "product_category_name": ""}],
                });
                for part in [columns, dates] {
                    if let (Some(row), Value::Object(part)) = (row.as_object_mut(), part) {
                        row.extend(part);
                    }
                }
            }
            row
        })
        .collect();
    json_response(
        StatusCode::OK,
        json!({"results": rows, "_meta": {"count": STATISTICS_ROWS, "limit": limit, "offset": offset}}),
    )
}

async fn deeplink(
    State(state): State<Arc<SandboxState>>,
    axum::extract::Path((w, c)): axum::extract::Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = bearer(&state, &headers, "deeplink_generator") {
        return r;
    }
    let q: Vec<(String, String)> = uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let subid = q.iter().find(|(k, _)| k == "subid").map(|(_, v)| v.clone());
    if subid.as_ref().is_some_and(|s| s.chars().count() > 50) {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"error": "invalid_request", "error_description": "SubID > 50 chars"}),
        );
    }
    let links: Vec<Value> = q
        .iter()
        .filter(|(k, _)| k == "ulp")
        .map(|(_, u)| {
            let mut link = format!(
                "https://ad.admitad.com/g/{w}{c}/?ulp={}",
                form_urlencoded::byte_serialize(u.as_bytes()).collect::<String>()
            );
            if let Some(s) = &subid {
                link.push_str(&format!("&subid={s}"));
            }
            json!({"link": link, "is_affiliate_product": null})
        })
        .collect();
    json_response(StatusCode::OK, Value::Array(links))
}

/// The control endpoints.
pub(crate) fn control_router() -> Router<Arc<SandboxState>> {
    Router::new()
        .route(
            "/__sandbox/admitad/config",
            post(
                |State(s): State<Arc<SandboxState>>, axum::Json(v): axum::Json<Value>| async move {
                    let id = v["client_id"].as_str().unwrap_or_default().to_owned();
                    let mut st = lock(&s.admitad);
                    let c = st.settings.entry(id).or_default();
                    c.expires_in = v["expires_in"].as_u64().or(c.expires_in);
                    c.token_delay_ms = v["token_delay_ms"].as_u64().unwrap_or(c.token_delay_ms);
                    c.rate_limit = v["rate_limit"].as_u64().or(c.rate_limit);
                    c.window_ms = v["window_ms"].as_u64().unwrap_or(if c.window_ms == 0 { 60_000 } else { c.window_ms });
                    json_response(StatusCode::OK, json!({"ok": true}))
                },
            ),
        )
        .route(
            "/__sandbox/admitad/expire",
            post(
                |State(s): State<Arc<SandboxState>>, axum::Json(v): axum::Json<Value>| async move {
                    let id = v["client_id"].as_str().unwrap_or_default();
                    let mut st = lock(&s.admitad);
                    let mut n = 0;
                    for t in st.access.values_mut().filter(|t| t.client_id == id) {
                        t.expired = true;
                        n += 1;
                    }
                    json_response(StatusCode::OK, json!({"expired": n}))
                },
            ),
        )
        .route(
            "/__sandbox/admitad/stats",
            get(
                |State(s): State<Arc<SandboxState>>, Query(q): Query<HashMap<String, String>>| async move {
                    let id = q.get("client_id").cloned().unwrap_or_default();
                    let st = lock(&s.admitad);
                    let by_grant = st.stats.get(&id).cloned().unwrap_or_default();
                    let total: u64 = by_grant.values().sum();
                    json_response(StatusCode::OK, json!({"token_requests": total, "by_grant": by_grant}))
                },
            ),
        )
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    json_response(
        status,
        json!({"error": error, "error_description": description}),
    )
}

fn redirect(location: &str) -> Response {
    let mut r = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn hex_id(state: &SandboxState, len: usize) -> String {
    let mut s = String::new();
    while s.len() < len {
        s.push_str(&format!(
            "{:016x}",
            state.next_id().wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ));
    }
    s.truncate(len);
    s
}

async fn authorize(
    State(state): State<Arc<SandboxState>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let redirect_uri = get("redirect_uri");
    if redirect_uri.is_empty() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "redirect_uri is required",
        );
    }
    let sep = if redirect_uri.contains('?') { '&' } else { '?' };
    let st = form_urlencoded::Serializer::new(String::new())
        .append_pair("state", &get("state"))
        .finish();
    let client_id = get("client_id");
    if !client_id.starts_with("adm_") {
        let err = form_urlencoded::Serializer::new(String::new())
            .append_pair(
                "error_description",
                &format!("client_id {client_id} doesn't exist"),
            )
            .append_pair("error", "invalid_client")
            .finish();
        return redirect(&format!("{redirect_uri}{sep}{st}&{err}"));
    }
    if get("response_type") != "code" {
        return redirect(&format!(
            "{redirect_uri}{sep}{st}&error=unsupported_response_type"
        ));
    }
    let scopes: Vec<String> = get("scope")
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let code = hex_id(&state, 30);
    lock(&state.admitad)
        .codes
        .insert(code.clone(), (client_id, redirect_uri.clone(), scopes));
    redirect(&format!("{redirect_uri}{sep}{st}&code={code}"))
}

fn basic_of(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(v.strip_prefix("Basic ")?)
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

fn valid_client(id: &str, secret: &str) -> bool {
    id.starts_with("adm_") && secret == format!("secret_{id}")
}

async fn token(
    State(state): State<Arc<SandboxState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !ct.starts_with("application/x-www-form-urlencoded") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "form body required",
        );
    }
    let form: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let f = |k: &str| form.get(k).cloned().unwrap_or_default();
    let client_id = f("client_id");
    let grant = f("grant_type");
    let delay = {
        let mut st = lock(&state.admitad);
        *st.stats
            .entry(client_id.clone())
            .or_default()
            .entry(grant.clone())
            .or_default() += 1;
        st.settings
            .get(&client_id)
            .map(|s| s.token_delay_ms)
            .unwrap_or(0)
    };
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let scopes = match grant.as_str() {
        "authorization_code" => {
            let Some((id, secret)) = basic_of(&headers) else {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    "Basic authorization required",
                );
            };
            if id != client_id || !valid_client(&id, &secret) || f("client_secret") != secret {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    &format!("client_id {client_id} doesn't exist"),
                );
            }
            let Some((cid, uri, scopes)) = lock(&state.admitad).codes.remove(&f("code")) else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown or used code",
                );
            };
            if cid != client_id || uri != f("redirect_uri") {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "redirect_uri does not match",
                );
            }
            scopes
        }
        "client_credentials" => {
            let Some((id, secret)) = basic_of(&headers) else {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    "Basic authorization required",
                );
            };
            if id != client_id || !valid_client(&id, &secret) {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    &format!("client_id {client_id} doesn't exist"),
                );
            }
            if form.contains_key("client_secret") {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "client_secret does not belong in this body",
                );
            }
            let scopes: Vec<String> = f("scope")
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if scopes.is_empty() {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    "scope is required",
                );
            }
            if scopes.iter().any(|s| {
                [
                    "payments",
                    "offline_sales",
                    "offline_receipts",
                    "manage_offline_receipts",
                ]
                .contains(&s.as_str())
            }) {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_scope",
                    "scope is no longer available",
                );
            }
            scopes
        }
        "refresh_token" => {
            if !valid_client(&client_id, &f("client_secret")) {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    &format!("client_id {client_id} doesn't exist"),
                );
            }
            // Single use: the old refresh token dies here.
            match lock(&state.admitad).refresh.remove(&f("refresh_token")) {
                Some((cid, scopes)) if cid == client_id => scopes,
                _ => {
                    return json_response(
                        StatusCode::UNAUTHORIZED,
                        json!({"error": "invalid_grant", "error_description": "refresh token unavailable", "error_code": 5}),
                    );
                }
            }
        }
        _ => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "unsupported grant_type",
            );
        }
    };
    let access = hex_id(&state, 30);
    let refresh = hex_id(&state, 30);
    let expires_in = {
        let mut st = lock(&state.admitad);
        st.access.insert(
            access.clone(),
            Token {
                client_id: client_id.clone(),
                scopes: scopes.clone(),
                expired: false,
            },
        );
        st.refresh
            .insert(refresh.clone(), (client_id.clone(), scopes.clone()));
        st.settings
            .get(&client_id)
            .and_then(|s| s.expires_in)
            .unwrap_or(604_800)
    };
    json_response(
        StatusCode::OK,
        json!({
            "username": "webmaster1", "first_name": "name", "last_name": "surname", "language": "ru",
            "access_token": access, "token_type": "bearer",
            // Sometimes a string, as in one of Admitad's own tests.
            "expires_in": if expires_in % 2 == 0 { json!(expires_in) } else { json!(expires_in.to_string()) },
            "refresh_token": refresh, "scope": scopes.join(" "), "group": "webmaster", "id": 1,
        }),
    )
}

fn invalid_token(code: u8, description: &str) -> Response {
    let mut r = json_response(
        StatusCode::UNAUTHORIZED,
        json!({"error_description": description, "error_code": code, "error": "invalid_token"}),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "Bearer realm=\"\", error=\"invalid_token\", error_description=\"{description}\""
    )) {
        r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    r
}

/// The access token of a request, checked: 401 (`invalid_token`, code 0 expired / 1 unknown) or 403
/// (code 2, missing scope).
pub(crate) fn bearer(
    state: &SandboxState,
    headers: &HeaderMap,
    scope: &str,
) -> Result<Token, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| invalid_token(1, "Token doesn't exist"))?;
    let mut st = lock(&state.admitad);
    let t = st
        .access
        .get(token)
        .cloned()
        .ok_or_else(|| invalid_token(1, "Token doesn't exist"))?;
    if t.expired {
        return Err(invalid_token(0, "Token expired"));
    }
    // The rate limit: fixed windows per application, 503 past the quota.
    if let Some((limit, c)) = st
        .settings
        .get(&t.client_id)
        .cloned()
        .and_then(|c| Some((c.rate_limit?, c)))
    {
        {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0);
            let window = now / c.window_ms.max(1);
            let entry = st.windows.entry(t.client_id.clone()).or_insert((window, 0));
            if entry.0 != window {
                *entry = (window, 0);
            }
            entry.1 += 1;
            if entry.1 > limit {
                return Err(json_response(
                    StatusCode::SERVICE_UNAVAILABLE,
                    json!({"error": "rate_limit", "error_description": "Request limit for the period exceeded", "error_code": 4}),
                ));
            }
        }
    }
    if !t.scopes.iter().any(|s| s == scope) {
        return Err(json_response(
            StatusCode::FORBIDDEN,
            json!({"error": "insufficient_scope", "error_description": format!("scope {scope} required"), "error_code": 2}),
        ));
    }
    Ok(t)
}

async fn me(
    State(state): State<Arc<SandboxState>>,
    _method: Method,
    _uri: Uri,
    headers: HeaderMap,
) -> Response {
    match bearer(&state, &headers, "private_data") {
        Ok(t) => json_response(
            StatusCode::OK,
            json!({"id": 1, "username": "webmaster1", "first_name": "name", "last_name": "surname",
                   "language": "ru", "default_currency": "USD", "country": "RU",
                   "email": if t.scopes.iter().any(|s| s == "private_data_email") { json!("webmaster1@example.com") } else { Value::Null }}),
        ),
        Err(r) => r,
    }
}
