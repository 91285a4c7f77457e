//! The Adjust settings API, played in memory .
//!
//! Credentials: an API token is valid when it starts with `adj_` (e.g. `adj_sandbox`); a signature
//! token when it starts with `sig_`. Apps and tickets live per API token. Known template: `_Template`
//! (or none); any other `template_app_token` makes the migration ticket end `FAILED`.

// Handlers return `Result<Response, Response>`: both arms are complete HTTP answers, and `?` keeps
// the validation chains short. Boxing the error arm would buy nothing in a test server.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::common::{SandboxState, json_response, lock};

/// Partners whose trackers need `channel_setup` before links exist.
const SETUP_REQUIRED: &[&str] = &[
    "snapchat",
    "facebook",
    "google",
    "gameanalytics",
    "tapjoy",
    "unityads",
    "vungle",
    "chartboost",
    "inmobi",
    "applovin",
    "mintegral",
    "tiktok",
    "ironsource",
];

/// One stored app.
#[derive(Clone, Debug)]
pub struct App {
    token: String,
    store_id: String,
    platform: String,
    name: String,
    bundle_id: String,
    android_signature_hash: Option<String>,
    channel_setup: Map<String, Value>,
    overrides: Value,
    last_body: Value,
    channels: Vec<String>,
    signed: bool,
}

/// One background job.
#[derive(Clone, Debug)]
pub struct Ticket {
    app_token: String,
    polls: u32,
    fail: bool,
    signature: Option<(Vec<String>, Option<bool>)>,
}

/// Apps and tickets of one API token.
#[derive(Default, Debug)]
pub struct Tenant {
    apps: HashMap<String, App>,
    tickets: HashMap<String, Ticket>,
}

/// All tenants.
#[derive(Default, Debug)]
pub struct AdjustState {
    tenants: HashMap<String, Tenant>,
}

/// The router mounted at `/adjust/api`.
pub fn router() -> Router<Arc<SandboxState>> {
    Router::new().fallback(handle)
}

fn err(status: StatusCode, detail: &str) -> Response {
    json_response(status, json!({ "detail": detail }))
}

fn field_errors(errors: Vec<(&str, &str)>) -> Response {
    let mut map = Map::new();
    for (field, msg) in errors {
        map.insert(field.to_owned(), json!([msg]));
    }
    json_response(
        StatusCode::BAD_REQUEST,
        json!({"detail": "Invalid input.", "errors": map}),
    )
}

fn token_of(headers: &HeaderMap, name: &str) -> Result<Option<String>, ()> {
    match headers.get(name).map(|v| v.to_str()) {
        None => Ok(None),
        Some(Ok(v)) => match v.strip_prefix("Token ") {
            Some(t) if !t.is_empty() && !t.contains(' ') => Ok(Some(t.to_owned())),
            _ => Err(()),
        },
        Some(Err(_)) => Err(()),
    }
}

async fn handle(
    State(state): State<Arc<SandboxState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let api_token = match token_of(&headers, "adjustauthorization") {
        Ok(Some(t)) if t.starts_with("adj_") => t,
        Ok(None) => {
            return err(
                StatusCode::UNAUTHORIZED,
                "Authentication credentials were not provided.",
            );
        }
        _ => return err(StatusCode::UNAUTHORIZED, "Invalid token."),
    };
    let signature = match token_of(&headers, "signatureauthorization") {
        Ok(Some(t)) if t.starts_with("sig_") => Some(t),
        Ok(None) => None,
        _ => return err(StatusCode::UNAUTHORIZED, "Invalid signature token."),
    };
    let path = uri
        .path()
        .trim_start_matches("/adjust/api")
        .trim_matches('/')
        .to_owned();
    let query: HashMap<String, String> = uri.query().map(query_pairs).unwrap_or_default();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let json_body = || -> Result<Map<String, Value>, Response> {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(err(
                StatusCode::BAD_REQUEST,
                "JSON parse error: expected an object.",
            )),
        }
    };
    let mut adjust = lock(&state.adjust);
    let tenant = adjust.tenants.entry(api_token).or_default();
    let result = match (&method, segments.as_slice()) {
        (&Method::POST, ["app"]) => {
            json_body().and_then(|b| create_app(&state, tenant, b, signature.is_some()))
        }
        (&Method::GET, ["app"]) => find_app(tenant, &query),
        (&Method::GET, ["app", token]) => get_app(tenant, token),
        (&Method::POST, ["app", token]) => {
            json_body().and_then(|b| update_app(&state, tenant, token, b))
        }
        (&Method::GET, ["app", token, "channels"]) => list_channels(tenant, token),
        (&Method::POST, ["campaign"]) => {
            json_body().and_then(|b| create_campaign(&state, tenant, b))
        }
        (&Method::GET, ["signature"]) => get_signature(tenant, &query),
        (&Method::POST, ["signature"]) => {
            json_body().and_then(|b| generate_signature(&state, tenant, b, signature.is_some()))
        }
        (&Method::GET, ["status", ticket]) => ticket_status(tenant, ticket),
        _ => Err(err(StatusCode::NOT_FOUND, "Not found.")),
    };
    result.unwrap_or_else(|e| e)
}

fn query_pairs(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn str_field<'a>(body: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn new_ticket(
    state: &SandboxState,
    tenant: &mut Tenant,
    app_token: &str,
    fail: bool,
    signature: Option<(Vec<String>, Option<bool>)>,
) -> String {
    let n = state.next_id();
    let ticket = format!("af7702a9-ba95-6ba2-bdac-{n:012x}");
    tenant.tickets.insert(
        ticket.clone(),
        Ticket {
            app_token: app_token.to_owned(),
            polls: 0,
            fail,
            signature,
        },
    );
    ticket
}

fn app_token_for(state: &SandboxState) -> String {
    let n = state.next_id();
    // 12 lower-case alphanumerics, like p77yk727r18g.
    let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5bd1_e995;
    (0..12)
        .map(|_| {
            let c = alphabet[(x % 36) as usize] as char;
            x /= 36;
            if x == 0 {
                x = n.wrapping_add(7).wrapping_mul(31);
            }
            c
        })
        .collect()
}

fn create_app(
    state: &SandboxState,
    tenant: &mut Tenant,
    body: Map<String, Value>,
    has_signature: bool,
) -> Result<Response, Response> {
    let mut missing = Vec::new();
    for f in ["store_id", "platform", "name", "bundle_id"] {
        if str_field(&body, f).is_none() {
            missing.push((f, "This field is required."));
        }
    }
    if !missing.is_empty() {
        return Err(field_errors(missing));
    }
    let platform = str_field(&body, "platform").unwrap_or_default();
    if platform != "android" && platform != "ios" {
        return Err(field_errors(vec![(
            "platform",
            "Must be one of: android, ios.",
        )]));
    }
    if body.get("verification") == Some(&Value::Bool(true)) {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "Verification is not enabled for this account.",
        ));
    }
    let store_id = str_field(&body, "store_id").unwrap_or_default().to_owned();
    let template_ok = match body.get("template_app_token") {
        None | Some(Value::Null) => true,
        Some(v) => v.as_str() == Some("_Template"),
    };
    let force = body.get("force_update") == Some(&Value::Bool(true));
    let mut comparable = body.clone();
    comparable.remove("force_update");
    let comparable = Value::Object(comparable);

    let existing = tenant
        .apps
        .values()
        .find(|a| a.store_id == store_id && a.platform == platform)
        .map(|a| a.token.clone());
    let (token, changed) = match existing {
        Some(token) => {
            let app = tenant
                .apps
                .get_mut(&token)
                .ok_or_else(|| err(StatusCode::INTERNAL_SERVER_ERROR, "lost app"))?;
            let changed = app.last_body != comparable;
            app.name = str_field(&body, "name").unwrap_or(&app.name).to_owned();
            app.bundle_id = str_field(&body, "bundle_id")
                .unwrap_or(&app.bundle_id)
                .to_owned();
            (token, changed)
        }
        None => {
            let token = app_token_for(state);
            tenant.apps.insert(
                token.clone(),
                App {
                    token: token.clone(),
                    store_id: store_id.clone(),
                    platform: platform.to_owned(),
                    name: str_field(&body, "name").unwrap_or_default().to_owned(),
                    bundle_id: str_field(&body, "bundle_id").unwrap_or_default().to_owned(),
                    android_signature_hash: None,
                    channel_setup: Map::new(),
                    overrides: json!({}),
                    last_body: Value::Null,
                    channels: vec!["organic".into()],
                    signed: false,
                },
            );
            (token, true)
        }
    };
    let app = tenant
        .apps
        .get_mut(&token)
        .ok_or_else(|| err(StatusCode::INTERNAL_SERVER_ERROR, "lost app"))?;
    app.last_body = comparable;
    if let Some(Value::Object(setup)) = body.get("channel_setup") {
        for (partner, values) in setup {
            app.channel_setup
                .insert(partner.clone(), stored_setup(partner, values));
        }
    }
    if let Some(v) = body.get("override_settings") {
        app.overrides = v.clone();
    }
    if let Some(h) = str_field(&body, "android_signature_hash") {
        app.android_signature_hash = Some(h.to_owned());
        if has_signature {
            app.signed = true;
        }
    }
    let resp = json!({
        "adjust_app_token": app.token, "name": app.name, "sk_app_id": null,
        "store_id": app.store_id, "bundle_id": app.bundle_id,
    });
    let ticket = if changed || force {
        Some(new_ticket(state, tenant, &token, !template_ok, None))
    } else {
        None
    };
    let mut resp = resp;
    resp["ticket_token"] = ticket.map(Value::String).unwrap_or(Value::Null);
    Ok(json_response(StatusCode::OK, resp))
}

/// What GET /app returns for a partner: Adjust stores snapchat's `snap_app_id` as `app_id`.
fn stored_setup(partner: &str, values: &Value) -> Value {
    if let (true, Some(id)) = (partner == "snapchat", values.get("snap_app_id")) {
        return json!({ "app_id": id });
    }
    values.clone()
}

fn app_json(app: &App) -> Value {
    json!({
        "adjust_app_token": app.token, "store_id": app.store_id, "platform": app.platform, "name": app.name,
        "cross_promo_token": null, "additional_info": {"overrides": app.overrides},
        "android_signature_hash": app.android_signature_hash, "channel_setup": app.channel_setup,
    })
}

fn get_app(tenant: &Tenant, token: &str) -> Result<Response, Response> {
    let app = tenant
        .apps
        .get(token)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "Not found."))?;
    Ok(json_response(StatusCode::OK, app_json(app)))
}

fn find_app(tenant: &Tenant, query: &HashMap<String, String>) -> Result<Response, Response> {
    let (Some(store_id), Some(platform)) = (query.get("store_id"), query.get("platform")) else {
        return Err(field_errors(vec![
            ("store_id", "This query parameter is required."),
            ("platform", "This query parameter is required."),
        ]));
    };
    let app = tenant
        .apps
        .values()
        .find(|a| &a.store_id == store_id && &a.platform == platform)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "Not found."))?;
    let mut resp = StatusCode::FOUND.into_response();
    let location = format!("/adjust/api/app/{}", app.token);
    resp.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(&location)
            .map_err(|_| err(StatusCode::INTERNAL_SERVER_ERROR, "bad token"))?,
    );
    Ok(resp)
}

fn update_app(
    state: &SandboxState,
    tenant: &mut Tenant,
    token: &str,
    body: Map<String, Value>,
) -> Result<Response, Response> {
    let app = tenant
        .apps
        .get_mut(token)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "Not found."))?;
    if let Some(name) = str_field(&body, "name") {
        app.name = name.to_owned();
    }
    if let Some(store_id) = str_field(&body, "store_id") {
        app.store_id = store_id.to_owned();
        if app.platform == "android" {
            app.bundle_id = store_id.to_owned();
        }
    }
    // bundle_id is iOS-only; on Android it follows store_id.
    if let (Some(bundle_id), true) = (str_field(&body, "bundle_id"), app.platform == "ios") {
        app.bundle_id = bundle_id.to_owned();
    }
    if let Some(h) = str_field(&body, "android_signature_hash") {
        app.android_signature_hash = Some(h.to_owned());
    }
    let (store_id, name) = (app.store_id.clone(), app.name.clone());
    let ticket = new_ticket(state, tenant, token, false, None);
    Ok(json_response(
        StatusCode::OK,
        json!({"store_id": store_id, "name": name, "ticket_token": ticket}),
    ))
}

fn list_channels(tenant: &Tenant, token: &str) -> Result<Response, Response> {
    let app = tenant
        .apps
        .get(token)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "Not found."))?;
    // Both documented shapes: the reference documentation's object (Android apps here) and the published
    // example's bare array (iOS apps here).
    let body = if app.platform == "ios" {
        json!(app.channels)
    } else {
        json!({ "channels": app.channels })
    };
    Ok(json_response(StatusCode::OK, body))
}

fn create_campaign(
    state: &SandboxState,
    tenant: &mut Tenant,
    body: Map<String, Value>,
) -> Result<Response, Response> {
    let mut missing = Vec::new();
    for f in ["store_id", "platform", "channel"] {
        if str_field(&body, f).is_none() {
            missing.push((f, "This field is required."));
        }
    }
    if !missing.is_empty() {
        return Err(field_errors(missing));
    }
    let store_id = str_field(&body, "store_id").unwrap_or_default();
    let platform = str_field(&body, "platform").unwrap_or_default();
    let channel = str_field(&body, "channel").unwrap_or_default().to_owned();
    let app = tenant
        .apps
        .values_mut()
        .find(|a| a.store_id == store_id && a.platform == platform)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "App not found."))?;
    if let Some(Value::Object(setup)) = body.get("channel_setup") {
        for (partner, values) in setup {
            app.channel_setup
                .insert(partner.clone(), stored_setup(partner, values));
        }
    }
    if SETUP_REQUIRED.contains(&channel.as_str()) && !app.channel_setup.contains_key(&channel) {
        return Err(json_response(
            StatusCode::BAD_REQUEST,
            json!({"detail": format!("Channel setup for {channel} is incomplete."), "code": "channel_setup_incomplete"}),
        ));
    }
    if !app.channels.contains(&channel) {
        app.channels.push(channel.clone());
    }
    let link = format!("{:06x}", state.next_id().wrapping_mul(7919) % 0xff_ffff);
    Ok(json_response(
        StatusCode::OK,
        json!({"click_url": format!("https://app.adjust.com/{link}"), "impression_url": format!("https://view.adjust.com/impression/{link}")}),
    ))
}

fn get_signature(tenant: &Tenant, query: &HashMap<String, String>) -> Result<Response, Response> {
    let bundle_id = query
        .get("bundle_id")
        .filter(|b| !b.is_empty())
        .ok_or_else(|| field_errors(vec![("bundle_id", "This query parameter is required.")]))?;
    let apps: Vec<&App> = tenant
        .apps
        .values()
        .filter(|a| &a.bundle_id == bundle_id)
        .collect();
    if apps.is_empty() {
        return Err(err(StatusCode::NOT_FOUND, "No app with this bundle id."));
    }
    let mut body = json!({
        "android_app_token": null, "ios_app_token": null, "android_lib_url": null, "ios_lib_url": null,
        "android_doctor_url": null, "ios_doctor_url": null, "ios_md5_sum": null, "android_md5_sum": null,
        "library_type": "plugin",
    });
    for app in apps {
        let p = app.platform.as_str();
        body[format!("{p}_app_token")] = json!(app.token);
        if app.signed {
            let file = if p == "android" {
                "adjust-android.aar"
            } else {
                "AdjustSdk.a"
            };
            body[format!("{p}_lib_url")] = json!(format!(
                "https://signatures.adjust.example/{}/{file}",
                app.token
            ));
            body[format!("{p}_doctor_url")] = json!(format!(
                "https://signatures.adjust.example/{}/doctor.zip",
                app.token
            ));
            body[format!("{p}_md5_sum")] = json!(format!(
                "{:032x}",
                app.token.len() as u128 * 0x1234_5678_9abc
            ));
        }
    }
    Ok(json_response(StatusCode::OK, body))
}

fn generate_signature(
    state: &SandboxState,
    tenant: &mut Tenant,
    body: Map<String, Value>,
    has_signature: bool,
) -> Result<Response, Response> {
    if !has_signature {
        return Err(err(
            StatusCode::FORBIDDEN,
            "SignatureAuthorization is required for this endpoint.",
        ));
    }
    let Some(token) = str_field(&body, "app_token").map(str::to_owned) else {
        return Err(field_errors(vec![("app_token", "This field is required.")]));
    };
    let platform = str_field(&body, "platform").unwrap_or_default().to_owned();
    if !["android", "ios", "both"].contains(&platform.as_str()) {
        return Err(field_errors(vec![(
            "platform",
            "Must be one of: android, ios, both.",
        )]));
    }
    if platform != "ios" && str_field(&body, "android_signature_hash").is_none() {
        return Err(field_errors(vec![(
            "android_signature_hash",
            "Required for Android signatures.",
        )]));
    }
    if !tenant.apps.contains_key(&token) {
        return Err(err(StatusCode::NOT_FOUND, "Not found."));
    }
    let running = tenant
        .tickets
        .values()
        .any(|t| t.app_token == token && t.polls < 2);
    if running {
        return Err(json_response(
            StatusCode::CONFLICT,
            json!({"detail": "A job for this app is already scheduled or running.", "code": "job_running"}),
        ));
    }
    let platforms = if platform == "both" {
        vec!["android".to_owned(), "ios".to_owned()]
    } else {
        vec![platform]
    };
    let force = body.get("force_sdk_signature").and_then(Value::as_bool);
    if let Some(app) = tenant.apps.get_mut(&token) {
        app.signed = true;
    }
    let ticket = new_ticket(state, tenant, &token, false, Some((platforms, force)));
    Ok(json_response(
        StatusCode::OK,
        json!({ "ticket_token": ticket }),
    ))
}

fn ticket_status(tenant: &mut Tenant, ticket: &str) -> Result<Response, Response> {
    let t = tenant
        .tickets
        .get_mut(ticket)
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "Not found."))?;
    let status = match (t.polls, t.fail) {
        (0, _) => "NEW",
        (1, _) => "OPENED",
        (_, true) => "FAILED",
        (_, false) => "COMPLETED",
    };
    t.polls = t.polls.saturating_add(1);
    let mut body = json!({ "status": status });
    if let Some((platforms, force)) = &t.signature {
        if status == "COMPLETED" {
            let mut per = Map::new();
            for p in platforms {
                per.insert(
                    p.clone(),
                    json!({"success": true, "msg": "Signature has been generated successfully"}),
                );
            }
            body["app_token"] = Value::Object(per);
            body["force_sdk_signature"] = match force {
                Some(on) => {
                    json!({ t.app_token.clone(): format!("Force SDK signature turned {}", if *on { "on" } else { "off" }) })
                }
                None => Value::Null,
            };
        }
    } else if status != "NEW" {
        let done = status != "OPENED";
        body["events"] = if t.fail {
            json!({"successes": [], "failures": ["template app not found"]})
        } else {
            json!({"successes": if done { json!(["install", "purchase"]) } else { json!(["install"]) }, "failures": []})
        };
        body["partners"] = if t.fail {
            json!({"section": "partners", "detail": "Could not be started, because {events} section has failed"})
        } else {
            json!({"successes": if done { json!(["facebook"]) } else { json!([]) }, "failures": []})
        };
    }
    Ok(json_response(StatusCode::OK, body))
}
