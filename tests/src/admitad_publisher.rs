//! The rest of Admitad's publisher API in the sandbox : generated reference data and
//! lists large enough to page, and in-memory state for what a publisher changes (memberships, postbacks,
//! ReTag tags, lost orders and appeals with their receipts, tracking promo codes, broker applications,
//! notifications read). Every route checks the token and its scope like the rest of `/admitad`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::routing::{MethodFilter, MethodRouter};
use serde_json::{Value, json};

use crate::admitad::{bearer, paged, query_pairs};
use crate::common::{SandboxState, json_response, lock};

/// What one application (client id) changed.
#[derive(Debug, Default)]
pub struct PublisherStore {
    next_id: u64,
    memberships: HashMap<(u64, u64), &'static str>,
    opt_codes: BTreeMap<u64, Value>,
    retags: BTreeMap<u64, Value>,
    lost_orders: BTreeMap<u64, Value>,
    appeals: BTreeMap<u64, Value>,
    tracking: BTreeMap<u64, Value>,
    broker: BTreeMap<u64, Value>,
    read: HashSet<u64>,
    all_read: bool,
}

impl PublisherStore {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

/// One request as a route sees it.
struct Req<'a> {
    state: &'a SandboxState,
    client_id: String,
    path: HashMap<String, String>,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
}

impl Req<'_> {
    fn p(&self, k: &str) -> u64 {
        self.path.get(k).and_then(|v| v.parse().ok()).unwrap_or(0)
    }
    fn q(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
    fn form(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(&self.body).into_owned().collect()
    }
    fn with<T>(&self, f: impl FnOnce(&mut PublisherStore) -> T) -> T {
        // Each application sees only what it changed.
        f(lock(&self.state.admitad)
            .publisher
            .entry(self.client_id.clone())
            .or_default())
    }
}

/// What a route answers: a list (paged with `_meta` or bare) or one object, or an error response.
enum Out {
    List(Vec<Value>),
    Bare(Vec<Value>),
    One(Value),
    Status(StatusCode, Value),
}

type Handler = fn(&Req<'_>) -> Out;

fn not_found(what: &str) -> Out {
    Out::Status(
        StatusCode::NOT_FOUND,
        json!({"error": "not_found", "error_description": format!("No such {what}")}),
    )
}

fn bad_request(description: &str) -> Out {
    Out::Status(
        StatusCode::BAD_REQUEST,
        json!({"error": "invalid_request", "error_description": description}),
    )
}

/// A route: checks the token and scope, runs `handler` on the request, answers its `Out`.
fn on(
    filter: MethodFilter,
    scope: &'static str,
    handler: Handler,
) -> MethodRouter<Arc<SandboxState>> {
    axum::routing::on(
        filter,
        move |State(state): State<Arc<SandboxState>>,
              path: Option<Path<HashMap<String, String>>>,
              uri: Uri,
              headers: HeaderMap,
              body: Bytes| async move {
            let token = match bearer(&state, &headers, scope) {
                Ok(t) => t,
                Err(r) => return r,
            };
            let req = Req {
                state: &state,
                client_id: token.client_id,
                path: path.map(|p| p.0).unwrap_or_default(),
                query: query_pairs(&uri),
                headers,
                body,
            };
            match handler(&req) {
                Out::List(items) => paged(items, &req.query),
                Out::Bare(items) => json_response(StatusCode::OK, Value::Array(items)),
                Out::One(v) => json_response(StatusCode::OK, v),
                Out::Status(s, v) => json_response(s, v),
            }
        },
    )
}

fn g(scope: &'static str, h: Handler) -> MethodRouter<Arc<SandboxState>> {
    on(MethodFilter::GET, scope, h)
}

fn p(scope: &'static str, h: Handler) -> MethodRouter<Arc<SandboxState>> {
    on(MethodFilter::POST, scope, h)
}

/// The routes, merged into `/admitad`.
pub fn router() -> Router<Arc<SandboxState>> {
    Router::new()
        .route("/me/balance/", g("private_data_balance", |_| Out::Bare(balances(false))))
        .route("/me/balance/extended/", g("private_data_balance", |_| Out::Bare(balances(true))))
        .route("/me/payment/settings/", g("private_data_balance", |_| Out::Bare(payment_settings(None))))
        .route("/me/payment/settings/{cur}/", g("private_data_balance", |r| Out::Bare(payment_settings(r.path.get("cur").map(String::as_str)))))
        .route("/websites/kinds/", g("public_data", |_| Out::List(["website", "doorway", "contextual", "social_app", "social_group", "youtube", "messenger", "mobile_app", "cashback"].iter().map(|k| json!(k)).collect())))
        .route("/websites/regions/", g("public_data", |_| Out::List(regions())))
        .route("/languages/", g("public_data", |_| Out::List(languages())))
        .route("/languages/{code}/", g("public_data", |r| one(languages(), "language_code", r.path.get("code").map(String::as_str).unwrap_or(""), "language")))
        .route("/currencies/", g("public_data", |_| Out::List(currencies())))
        .route("/currencies/rate/", g("public_data", currency_rate))
        .route("/categories/", g("public_data", |r| Out::List(categories(r.q("language")))))
        .route("/categories/advcampaign/{id}/", g("public_data", |r| Out::List(categories(None).into_iter().filter(|c| c["id"].as_u64().unwrap_or(0) % 3 == r.p("id") % 3).collect())))
        .route("/categories/{id}/", g("public_data", |r| one_id(categories(r.q("language")), r.p("id"), "category")))
        .route("/adservices/", g("public_data", |_| Out::List(adservices(None))))
        .route("/adservices/{id}/", g("public_data", |r| one_id(adservices(None), r.p("id"), "service")))
        .route("/adservices/kind/{kind}/", g("public_data", |r| Out::List(adservices(r.path.get("kind").map(String::as_str)))))
        .route("/traffic/", g("public_data", |_| Out::List((1..=12).map(|i| json!({"id": i, "name": format!("Traffic type {i}")})).collect())))
        .route("/coupons/categories/", g("public_data", |_| Out::List(coupon_categories())))
        .route("/coupons/categories/{id}/", g("public_data", |r| one_id(coupon_categories(), r.p("id"), "coupon category")))
        .route("/websites/v2/{id}/", g("websites", website))
        .route("/advcampaigns/{c}/website/{w}/", g("advcampaigns_for_website", program_for_website))
        .route("/advcampaigns/{c}/attach/{w}/", p("manage_advcampaigns", |r| membership(r, "active")))
        .route("/advcampaigns/{c}/detach/{w}/", p("manage_advcampaigns", |r| membership(r, "disabled")))
        .route("/subnetworks/v1/advcampaign/{c}/statuses/", g("advcampaigns_for_website", program_statuses))
        .route("/banners/{c}/", g("banners", |r| Out::List(banners(r, false))))
        .route("/banners/{c}/website/{w}/", g("banners_for_website", |r| Out::List(banners(r, true))))
        .route("/landings/{c}/", g("landings", |r| Out::List(landings(r, false))))
        .route("/landings/{c}/website/{w}/", g("landings", |r| Out::List(landings(r, true))))
        .route("/coupons/{id}/", g("coupons", |r| coupon(r.p("id"), None)))
        .route("/coupons/{id}/website/{w}/", g("coupons_for_website", |r| coupon(r.p("id"), Some(r.p("w")))))
        .route("/promo_offers/{c}/", g("public_data", |r| Out::List((1..=7).map(|i| json!({"id": r.p("c") * 100 + i, "title": format!("Offer {i}"), "kind": "promocode"})).collect())))
        .route("/promo_offers/revocation_status/{id}/", g("public_data", revocations))
        .route("/tracking_promo_code/request-tracking-coupon/", p("request_tracking_coupon", request_tracking_coupon))
        .route("/tracking_promo_code/request-status/", g("request_tracking_coupon", tracking_status))
        .route("/shortlink/modify/", p("short_link", shorten))
        .route("/referrals/", g("referrals", |r| Out::List(dated(referrals(), r))))
        .route("/referrals/{id}/", g("referrals", |r| one_id(referrals(), r.p("id"), "referral")))
        .route("/announcements/", g("announcements", |_| Out::List(announcements())))
        .route("/announcements/{id}/", g("announcements", |r| one_id(announcements(), r.p("id"), "announcement")))
        .route("/news/", g("public_data", |r| Out::List(news(r.q("language")))))
        .route("/news/{id}/", g("public_data", |r| one_id(news(r.q("language")), r.p("id"), "news item")))
        .route("/web_notificator/v1/web_notificator/", g("web_notificator", |r| Out::List(notifications(r))))
        .route("/web_notificator/v1/web_notificator/{id}/mark_as_read/", p("web_notificator", mark_read))
        .route("/web_notificator/v1/web_notificator/mark_all_as_read/", p("web_notificator", |r| {
            r.with(|s| s.all_read = true);
            Out::Status(StatusCode::OK, Value::Null)
        }))
        .route("/vendor_tool/v1/vendor_tool/", g("vendor_tool", vendor_bonuses))
        .route("/opt_codes/", g("opt_codes", |r| Out::List(r.with(|s| s.opt_codes.values().cloned().collect()))))
        .route("/opt_codes/{id}/", g("opt_codes", |r| stored(r, |s| &s.opt_codes, "postback")))
        .route("/opt_codes/{kind}/create/", p("manage_opt_codes", save_opt_code))
        .route("/opt_codes/{kind}/update/{id}/", p("manage_opt_codes", save_opt_code))
        .route("/opt_codes/delete/{id}/", p("manage_opt_codes", |r| delete(r, |s| &mut s.opt_codes, "postback")))
        .route("/retag/", g("webmaster_retag", |r| Out::List(r.with(|s| s.retags.values().filter(|t| r.q("active").is_none_or(|a| t["active"].as_u64() == a.parse().ok())).cloned().collect()))))
        .route("/retag/{id}/", g("webmaster_retag", |r| stored(r, |s| &s.retags, "tag")))
        .route("/retag/website/{w}/levels/", g("webmaster_retag", |r| Out::List(retag_levels(r.p("w")))))
        .route("/retag/advcampaign/{c}/levels/", g("webmaster_retag", |r| Out::List(retag_levels(r.p("c")))))
        .route("/retag/create/", p("manage_webmaster_retag", save_retag))
        .route("/retag/update/{id}/", p("manage_webmaster_retag", save_retag))
        .route("/retag/delete/{id}/", p("manage_webmaster_retag", |r| delete(r, |s| &mut s.retags, "tag")))
        .route("/broken_links/", g("broken_links", |r| Out::List(broken_links(r))))
        .route("/broken_links/{id}/", g("broken_links", |r| one_id(broken_links(r), r.p("id"), "broken link")))
        .route("/lost_orders/", g("lost_orders", |r| Out::List(claims(r, |s| &s.lost_orders))))
        .route("/lost_orders/{id}/", g("lost_orders", |r| stored(r, |s| &s.lost_orders, "lost order")))
        .route("/lost_orders/create/", p("manage_lost_orders", |r| create_claim(r, true)))
        .route("/lost_orders/payments_info/", g("lost_orders", payments_info))
        .route("/appeals/", g("lost_orders", |r| Out::List(claims(r, |s| &s.appeals))))
        .route("/appeals/{id}/", g("lost_orders", |r| stored(r, |s| &s.appeals, "appeal")))
        .route("/appeals/create/", p("manage_lost_orders", |r| create_claim(r, false)))
        .route("/aliexpress/commission_rates/", p("aliexpress_commission", commission_rates))
        .route("/subnetworks/v1/websites/create/", p("manage_websites", create_subnetwork_websites))
        .route("/website/{w}/broker/applications/sync_create/", p("manage_broker_application", create_broker_application_sms))
        .route("/website/{w}/broker/applications/create/", p("manage_broker_application", create_broker_application))
        .route("/website/{w}/broker/applications/", g("broker_application", |r| Out::List(r.with(|s| s.broker.values().filter(|a| a["website_id"] == json!(r.p("w")) && r.q("status").is_none_or(|st| a["status"] == json!(st))).cloned().collect()))))
        .route("/broker/campaign_settings/{c}/", g("broker_application", |r| Out::One(json!({"campaign_id": r.p("c"), "required_fields": ["first_name", "last_name", "mobile_phone", "email"], "fields": {"mobile_phone": {"regexp": "^\\+7\\d{10}$"}}}))))
}

/// One ad space by id, or with `?search_by=name` by its name (the path segment, percent-decoded).
fn website(r: &Req<'_>) -> Out {
    let spaces = [
        json!({"id": "22", "name": "My blog", "status": "active", "kind": "website", "site_url": "https://blog.example/", "verification_code": "abc123",
               "validation_passed": true, "creation_date": "2010-03-31T18:25:19", "is_old": true, "account_id": "", "is_lite": false}),
        json!({"id": 23, "name": "My channel", "status": "new", "kind": "youtube", "site_url": "https://youtube.example/c", "validation_passed": false,
               "creation_date": "2012-02-16 16:41:37", "is_old": false, "account_id": "UC-channel-23", "is_lite": "1"}),
    ];
    let key = r.path.get("id").map(String::as_str).unwrap_or_default();
    let found = match r.q("search_by") {
        Some("name") => spaces.into_iter().find(|w| w["name"] == json!(key)),
        Some("id") | None => spaces
            .into_iter()
            .find(|w| w["id"].to_string().trim_matches('"') == key),
        Some(other) => return bad_request(&format!("search_by: `{other}` is not id or name")),
    };
    found.map(Out::One).unwrap_or_else(|| {
        Out::Status(
            StatusCode::NOT_FOUND,
            json!({"error": "not_found", "error_description": format!("No ad space «{key}»")}),
        )
    })
}

fn one(items: Vec<Value>, key: &str, value: &str, what: &str) -> Out {
    items
        .into_iter()
        .find(|i| i[key] == json!(value))
        .map(Out::One)
        .unwrap_or_else(|| not_found(what))
}

fn one_id(items: Vec<Value>, id: u64, what: &str) -> Out {
    items
        .into_iter()
        .find(|i| i["id"].as_u64() == Some(id) || i["id"] == json!(id.to_string()))
        .map(Out::One)
        .unwrap_or_else(|| not_found(what))
}

fn stored(r: &Req<'_>, map: fn(&PublisherStore) -> &BTreeMap<u64, Value>, what: &str) -> Out {
    r.with(|s| map(s).get(&r.p("id")).cloned())
        .map(Out::One)
        .unwrap_or_else(|| not_found(what))
}

fn delete(
    r: &Req<'_>,
    map: fn(&mut PublisherStore) -> &mut BTreeMap<u64, Value>,
    what: &str,
) -> Out {
    match r.with(|s| map(s).remove(&r.p("id"))) {
        Some(_) => Out::One(json!({"success": "Deleted"})),
        None => not_found(what),
    }
}

fn balances(extended: bool) -> Vec<Value> {
    let rows = [
        ("USD", "20000.00", "120.50", "3.25", "0.00"),
        ("EUR", "150.25", "0.00", "0.00", "12.10"),
    ];
    rows.iter()
        .map(|(c, b, p, t, s)| {
            if extended {
                json!({"currency": c, "balance": b, "processing": p, "today": t, "stalled": s})
            } else {
                json!({"currency": c, "balance": b})
            }
        })
        .collect()
}

fn payment_settings(currency: Option<&str>) -> Vec<Value> {
    [
        json!({"id": 11, "name": "PayPal", "currency": ["USD", "EUR"], "withdrawal_type": "paypal"}),
        json!({"id": "12", "name": "WebMoney", "currency": ["RUB"], "withdrawal_type": "webmoney"}),
    ]
    .into_iter()
    .filter(|s| currency.is_none_or(|c| s["currency"].as_array().is_some_and(|a| a.contains(&json!(c)))))
    .collect()
}

fn regions() -> Vec<Value> {
    let mut codes: Vec<String> = vec!["00".into(), "01".into()];
    for a in b'A'..=b'Z' {
        for b in [b'E', b'U', b'Z'] {
            codes.push(format!("{}{}", a as char, b as char));
        }
    }
    codes.into_iter().map(Value::String).collect()
}

fn languages() -> Vec<Value> {
    [("en", "English"), ("ru", "Русский"), ("de", "Deutsch"), ("es", "Español"), ("pl", "Polski")]
        .iter()
        .map(|(c, n)| json!({"language_code": c, "language": n, "flag": format!("https://cdn.admitad.com/flags/{c}.png")}))
        .collect()
}

fn currencies() -> Vec<Value> {
    // `min_sum` as a decimal string, once as a number.
    [
        ("USD", "US Dollar", "$", json!("20.00")),
        ("EUR", "Euro", "€", json!("20.00")),
        ("RUB", "Russian ruble", "₽", json!(500)),
    ]
    .iter()
    .map(|(c, n, s, m)| json!({"code": c, "name": n, "sign": s, "min_sum": m}))
    .collect()
}

fn currency_rate(r: &Req<'_>) -> Out {
    let (Some(base), Some(target), Some(date)) = (r.q("base"), r.q("target"), r.q("date")) else {
        return bad_request("base, target and date are required");
    };
    let rate = match (base, target) {
        ("USD", "EUR") => "0.9215",
        ("EUR", "USD") => "1.0852",
        _ => "1.0000",
    };
    Out::One(json!({"base": base, "target": target, "rate": rate, "date": date}))
}

fn categories(language: Option<&str>) -> Vec<Value> {
    (1..=40u64)
        .map(|i| {
            let parent = if i > 8 { json!({"id": i % 8 + 1, "name": format!("Group {}", i % 8 + 1), "parent": null}) } else { Value::Null };
            json!({"id": i, "name": format!("Category {i}"), "language": language.unwrap_or("en"), "parent": parent})
        })
        .collect()
}

fn adservices(kind: Option<&str>) -> Vec<Value> {
    let kinds = ["website", "contextual", "social_app"];
    (1..=9u64)
        .map(|i| json!({"id": i, "name": format!("Service {i}"), "url": format!("https://service{i}.example/"), "logo": null, "allowed_referrers": "", "kind": kinds[(i % 3) as usize]}))
        .filter(|s| kind.is_none_or(|k| s["kind"] == json!(k)))
        .collect()
}

fn coupon_categories() -> Vec<Value> {
    ["Food", "Fashion", "Travel", "Electronics", "Home"]
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"id": i + 1, "name": n}))
        .collect()
}

fn program_for_website(r: &Req<'_>) -> Out {
    let (c, w) = (r.p("c"), r.p("w"));
    if !(1..=120).contains(&c) {
        return not_found("program");
    }
    let status = r
        .with(|s| s.memberships.get(&(c, w)).copied())
        .unwrap_or("active");
    Out::One(
        json!({"id": c, "name": format!("Shop {c}"), "status": "active", "rating": "4.5", "connection_status": status,
                    "gotolink": format!("https://ad.admitad.com/g/{c}{w}/"), "epc": "0.10", "cr": "0.12"}),
    )
}

fn membership(r: &Req<'_>, status: &'static str) -> Out {
    let (c, w) = (r.p("c"), r.p("w"));
    if !r.body.is_empty() {
        return bad_request("no body expected");
    }
    r.with(|s| s.memberships.insert((c, w), status));
    if status == "active" {
        Out::One(
            json!({"success": "OK", "message": format!("Request for adding the campaign Shop {c} was successfully created.")}),
        )
    } else {
        Out::One(
            json!({"success": "Deleted", "message": format!("Program Shop {c} has been removed from your list.")}),
        )
    }
}

fn program_statuses(r: &Req<'_>) -> Out {
    let c = r.p("c");
    let ids: Vec<u64> = r
        .q("websites_id")
        .unwrap_or("")
        .split(',')
        .filter_map(|v| v.parse().ok())
        .collect();
    if ids.is_empty() || ids.len() > 30 {
        return bad_request("websites_id: 1 to 30 ids, comma separated");
    }
    Out::Bare(
        ids.iter()
            .map(|w| {
                let status = r.with(|s| s.memberships.get(&(c, *w)).copied()).unwrap_or("active");
                json!({"website_id": w, "advcampaign_id": c.to_string(), "connection_status": status, "gotolink": format!("https://ad.admitad.com/g/{c}{w}/")})
            })
            .collect(),
    )
}

fn banners(r: &Req<'_>, for_website: bool) -> Vec<Value> {
    let c = r.p("c");
    let mobile = r.q("mobile_content").map(|m| m == "true");
    (1..=45u64)
        .map(|i| {
            let kind = ["png", "jpeg", "gif"][(i % 3) as usize];
            let mut b = json!({"id": c * 1000 + i, "name": format!("Banner {i}"), "type": kind,
                               "size_width": 240 + i, "size_height": "400", "creation_date": "2024-02-01 10:00:00", "is_flash": false,
                               "mobile_content": i % 2 == 0, "banner_image_url": format!("https://cdn.admitad.com/b/{c}/{i}.png"),
                               "banner_flashobj_url": null});
            if for_website {
                b["direct_link"] = json!(format!("https://ad.admitad.com/b/{c}{i}{}/", r.p("w")));
                b["html_code"] = json!(format!("<a href=\"https://ad.admitad.com/g/{c}/\"><img src=\"https://cdn.admitad.com/b/{c}/{i}.png\"></a>"));
            }
            b
        })
        .filter(|b| mobile.is_none_or(|m| b["mobile_content"] == json!(m)))
        .collect()
}

fn landings(r: &Req<'_>, for_website: bool) -> Vec<Value> {
    let c = r.p("c");
    (1..=8u64)
        .map(|i| {
            let mut l = json!({"id": (c * 10 + i).to_string(), "name": format!("Landing {i}"), "date_created": "2023-11-05"});
            if for_website {
                l["gotolink"] = json!(format!("https://ad.admitad.com/g/{c}/?ulp=landing{i}"));
            }
            l
        })
        .collect()
}

fn coupon(id: u64, website: Option<u64>) -> Out {
    if !(1..=60).contains(&id) {
        return not_found("coupon");
    }
    Out::One(crate::admitad::coupon_json(
        id,
        website.map(|w| w.to_string()).as_deref(),
    ))
}

fn revocations(r: &Req<'_>) -> Out {
    let Some(w) = r.q("website_id").and_then(|w| w.parse::<u64>().ok()) else {
        return bad_request("website_id is required");
    };
    let offer = r.p("id");
    if offer > 1000 {
        return not_found("promo offer");
    }
    Out::Bare((1..=3).map(|i| json!({"promocode_value": format!("PROMO{offer}{w}{i}"), "status": if i == 3 { "revoked" } else { "active" }})).collect())
}

fn request_tracking_coupon(r: &Req<'_>) -> Out {
    let form = r.form();
    let field = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .and_then(|(_, v)| v.parse::<u64>().ok())
    };
    let (Some(coupon), Some(_), Some(website)) = (
        field("coupon_id"),
        field("advcampaign_id"),
        field("website_id"),
    ) else {
        return bad_request("coupon_id, advcampaign_id and website_id are required");
    };
    if website != 22 {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({"error_code": "webmaster_not_connected"}),
        );
    }
    let id = r.with(|s| {
        let id = s.id();
        s.tracking.insert(id, json!({"request_id": id, "promo_offer_id": coupon, "website_id": website, "status": "approved",
                                       "approved_at": "2024-03-01T10:00:00", "declined_at": null, "created_at": "2024-03-01T09:59:00",
                                       "assigned_promo_code": format!("TRACK{coupon}")}));
        id
    });
    Out::One(
        json!({"assigned_promo_code": format!("TRACK{coupon}"), "tracking_link": format!("https://ad.admitad.com/g/t/{id}/"), "request_id": id}),
    )
}

fn tracking_status(r: &Req<'_>) -> Out {
    let id = r.q("request_id").and_then(|v| v.parse().ok()).unwrap_or(0);
    r.with(|s| s.tracking.get(&id).cloned())
        .map(Out::One)
        .unwrap_or_else(|| {
            Out::Status(
                StatusCode::NOT_FOUND,
                json!({"err_code": "PROMO_REQUEST_NOT_FOUND"}),
            )
        })
}

fn shorten(r: &Req<'_>) -> Out {
    let link = r
        .form()
        .into_iter()
        .find(|(k, _)| k == "link")
        .map(|(_, v)| v)
        .unwrap_or_default();
    if !link.starts_with("https://ad.admitad.com/") {
        return bad_request("Only Admitad links can be shortened");
    }
    let short: u64 = link
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))
        % 1_000_000;
    Out::One(json!({"short_link": format!("https://fas.st/{short:06}")}))
}

fn referrals() -> Vec<Value> {
    (1..=30u64)
        .map(|i| json!({"id": i, "username": format!("friend{i}"), "payment": if i % 4 == 0 { Value::Null } else { json!(format!("{}.{:02}", i * 3, i)) }, "date": format!("{:02}.01.2024", i)}))
        .collect()
}

fn dated(items: Vec<Value>, r: &Req<'_>) -> Vec<Value> {
    let day = |d: &str| d.get(0..2).and_then(|x| x.parse::<u32>().ok());
    let (start, end) = (
        r.q("date_start").and_then(day),
        r.q("date_end").and_then(day),
    );
    items
        .into_iter()
        .filter(|i| {
            let d = i["date"].as_str().and_then(day).unwrap_or(0);
            start.is_none_or(|s| d >= s) && end.is_none_or(|e| d <= e)
        })
        .collect()
}

fn announcements() -> Vec<Value> {
    (1..=25u64)
        .map(|i| json!({"id": i, "message": format!("Your request to join Shop {i} was accepted"), "event": "request_accepted", "advcampaign": {"id": i, "name": format!("Shop {i}")}}))
        .collect()
}

fn news(language: Option<&str>) -> Vec<Value> {
    (1..=33u64)
        .map(|i| json!({"id": i, "datetime": format!("2024-03-{:02} 12:00:00", i % 28 + 1), "language": language.unwrap_or("ru"), "short_content": format!("News {i}"),
                         "content": format!("<p>News {i}</p>"), "url": format!("https://www.admitad.com/news/{i}/"), "advcampaign": {"id": i % 5 + 1, "name": format!("Shop {}", i % 5 + 1)}}))
        .collect()
}

fn notifications(r: &Req<'_>) -> Vec<Value> {
    let (read, all) = r.with(|s| (s.read.clone(), s.all_read));
    let categories = ["finance", "system", "promotions", "other"];
    (1..=24u64)
        .map(|i| {
            let is_read = all || read.contains(&i);
            json!({"id": i, "status": if is_read { "read" } else { "not_read" }, "category": categories[(i % 4) as usize],
                   "when_read": if is_read { json!("2024-03-02 10:00:00") } else { Value::Null }, "date_created": "2024-03-01 09:00:00",
                   "translate": {"id": i, "subject": format!("Notice {i}"), "text": format!("Something happened ({i})")}})
        })
        .filter(|n| r.q("category").is_none_or(|c| n["category"] == json!(c)) && r.q("status").is_none_or(|s| n["status"] == json!(s)))
        .collect()
}

fn mark_read(r: &Req<'_>) -> Out {
    let id = r.p("id");
    if !(1..=24).contains(&id) {
        return not_found("notification");
    }
    r.with(|s| s.read.insert(id));
    let category = ["finance", "system", "promotions", "other"][(id % 4) as usize];
    Out::One(json!({"id": id, "status": "read", "category": category,
                    "when_read": "2024-03-02 10:00:00", "translate": {"id": id, "subject": format!("Notice {id}"), "text": format!("Something happened ({id})")}}))
}

fn vendor_bonuses(r: &Req<'_>) -> Out {
    let wanted: Vec<u64> = r
        .q("advcampaign_id")
        .unwrap_or("")
        .split(',')
        .filter_map(|v| v.parse().ok())
        .collect();
    Out::List(
        (1..=12u64)
            .map(|i| json!({"id": i, "name": format!("Bonus {i}"), "status": "active", "start_datetime": "2024-01-01T00:00:00", "stop_datetime": null,
                             "allow_all_webmasters": i % 2 == 0, "allowed_to_you": true, "vendor_campaign": {"id": i % 4 + 1, "name": format!("Shop {}", i % 4 + 1)},
                             "conditions": [{"action": {"name": "Sale", "hold_size_days": 30, "tariffs": [{"name": "Default tariff", "rates": [
                                                 {"size": "5.00", "price_s": "0.00", "country": null, "date_s": "2020-08-20", "is_percentage": true}]}]},
                                             "advcampaign": {"id": i % 4 + 1, "name": format!("Shop {}", i % 4 + 1)}, "price_from": "10.00", "price_up_to": null,
                                             "category": "", "brand": "", "product": "1,23,3", "supplier": "", "additional_filter_name": "",
                                             "additional_filter_value": ""}]}))
            .filter(|b| wanted.is_empty() || b["vendor_campaign"]["id"].as_u64().is_some_and(|c| wanted.contains(&c)))
            .collect(),
    )
}

fn save_opt_code(r: &Req<'_>) -> Out {
    let form = r.form();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let kind = r.path.get("kind").cloned().unwrap_or_default();
    let update = r.path.contains_key("id");
    let statuses: Vec<Value> = form
        .iter()
        .filter(|(k, _)| k == "status")
        .filter_map(|(_, v)| v.parse::<u64>().ok())
        .map(|v| json!({"id": v}))
        .collect();
    if !update {
        let mut needed = vec!["url", "method", "desc_mode"];
        if kind == "action" {
            needed.push("action_type");
        }
        if let Some(missing) = needed.iter().find(|k| get(k).is_none()) {
            return Out::Status(
                StatusCode::BAD_REQUEST,
                json!({missing.to_string(): ["This field is required."]}),
            );
        }
        if kind == "action" && statuses.is_empty() && get("reward_ready").is_none() {
            return bad_request("status or reward_ready is required");
        }
    }
    let num = |k: &str| get(k).and_then(|v| v.parse::<u64>().ok()).map(Value::from);
    r.with(|s| {
        let id = if update { r.p("id") } else { s.id() };
        let mut code = if update {
            match s.opt_codes.get(&id) {
                Some(c) => c.clone(),
                None => return not_found("postback"),
            }
        } else {
            json!({"id": id, "event": if kind == "action" { 0 } else { 1 }, "status": [], "website": null, "campaign": null})
        };
        for k in ["website", "campaign", "method", "desc_mode", "action_type"] {
            if let Some(v) = num(k) {
                code[k] = if k == "website" || k == "campaign" { json!({"id": v, "name": format!("{k} {v}")}) } else { v };
            }
        }
        if let Some(u) = get("url") {
            code["generated_url"] = json!(u.replace("[[[", "{").replace("]]]", "}"));
            code["user_url"] = json!(u);
        }
        if !statuses.is_empty() {
            code["status"] = json!(statuses);
        }
        if let Some(rr) = get("reward_ready") {
            code["reward_ready"] = json!(rr == "1");
        }
        s.opt_codes.insert(id, code.clone());
        Out::One(code)
    })
}

fn retag_levels(owner: u64) -> Vec<Value> {
    (1..=4u64).map(|i| json!({"id": owner * 10 + i, "level": format!("Level {i}"), "advcampaign": {"id": owner, "name": format!("Shop {owner}")}})).collect()
}

fn save_retag(r: &Req<'_>) -> Out {
    let form = r.form();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let update = r.path.contains_key("id");
    if !update
        && let Some(missing) = ["website", "level", "script"]
            .iter()
            .find(|k| get(k).is_none())
    {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({missing.to_string(): ["This field is required."]}),
        );
    }
    r.with(|s| {
        let id = if update { r.p("id") } else { s.id() };
        let mut tag = if update {
            match s.retags.get(&id) {
                Some(t) => t.clone(),
                None => return not_found("tag"),
            }
        } else {
            let w: u64 = get("website").and_then(|v| v.parse().ok()).unwrap_or(0);
            json!({"id": id, "website": {"id": w, "name": "My blog"}, "status": 2, "active": 1, "comment": null})
        };
        if let Some(l) = get("level").and_then(|v| v.parse::<u64>().ok()) {
            tag["level"] = json!({"id": l, "name": format!("Level {}", l % 10), "campaign": {"id": l / 10, "name": format!("Shop {}", l / 10)}});
        }
        if let Some(sc) = get("script") {
            tag["script"] = json!(sc);
        }
        if let Some(a) = get("active") {
            tag["active"] = json!(if a == "1" { 1 } else { 0 });
        }
        if let Some(c) = get("comment") {
            tag["comment"] = json!(c);
        }
        s.retags.insert(id, tag.clone());
        Out::One(tag)
    })
}

fn broken_links(r: &Req<'_>) -> Vec<Value> {
    let ids = |key: &str| -> Vec<u64> {
        r.query
            .iter()
            .filter(|(k, _)| k == key)
            .filter_map(|(_, v)| v.parse().ok())
            .collect()
    };
    let (campaigns, websites) = (ids("campaign"), ids("website"));
    (1..=50u64)
        .map(|i| json!({"id": i, "website": {"id": 22, "name": "My blog"}, "campaign": {"id": i % 5 + 1, "name": format!("Shop {}", i % 5 + 1)},
                         "clicks": i * 2, "err_reason": i % 3, "click_link": format!("https://ad.admitad.com/g/{i}/"),
                         "ref_link": format!("https://blog.example/post{i}"), "datetime": "2024-03-01 10:00:00"}))
        .filter(|l| campaigns.is_empty() || l["campaign"]["id"].as_u64().is_some_and(|c| campaigns.contains(&c)))
        .filter(|l| websites.is_empty() || l["website"]["id"].as_u64().is_some_and(|w| websites.contains(&w)))
        .filter(|l| r.q("reason").is_none_or(|x| l["err_reason"].as_u64() == x.parse().ok()))
        .collect()
}

fn claims(r: &Req<'_>, map: fn(&PublisherStore) -> &BTreeMap<u64, Value>) -> Vec<Value> {
    r.with(|s| {
        map(s)
            .values()
            .filter(|c| r.q("status").is_none_or(|st| c["status"] == json!(st)))
            .cloned()
            .collect()
    })
}

/// One `multipart/form-data` part: its name, file name, media type and bytes.
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

/// A strict reading of a multipart body (CRLF line ends, one boundary, quoted names).
fn multipart(headers: &HeaderMap, body: &[u8]) -> Option<Vec<Part>> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let boundary = ct.strip_prefix("multipart/form-data; boundary=")?;
    let delimiter = format!("--{boundary}");
    let end = format!("--{boundary}--\r\n");
    let body = body.strip_suffix(end.as_bytes())?;
    let mut parts = Vec::new();
    let mut rest = body;
    let opener = format!("{delimiter}\r\n");
    let separator = format!("\r\n{delimiter}\r\n");
    rest = rest.strip_prefix(opener.as_bytes())?;
    let chunks: Vec<&[u8]> = split(rest, separator.as_bytes());
    for chunk in chunks {
        let chunk = chunk.strip_suffix(b"\r\n").unwrap_or(chunk);
        let head_end = chunk.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&chunk[..head_end]).ok()?;
        let data = chunk[head_end + 4..].to_vec();
        let mut part = Part {
            name: String::new(),
            file_name: None,
            content_type: None,
            data,
        };
        for line in head.split("\r\n") {
            if let Some(d) = line.strip_prefix("Content-Disposition: form-data; ") {
                for attr in d.split("; ") {
                    let (k, v) = attr.split_once('=')?;
                    let v = v.strip_prefix('"')?.strip_suffix('"')?.to_owned();
                    match k {
                        "name" => part.name = v,
                        "filename" => part.file_name = Some(v),
                        _ => return None,
                    }
                }
            } else if let Some(t) = line.strip_prefix("Content-Type: ") {
                part.content_type = Some(t.to_owned());
            } else {
                return None;
            }
        }
        parts.push(part);
    }
    Some(parts)
}

fn split<'a>(mut s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = s.windows(sep.len()).position(|w| w == sep) {
        out.push(&s[..i]);
        s = &s[i + sep.len()..];
    }
    out.push(s);
    out
}

fn create_claim(r: &Req<'_>, lost_order: bool) -> Out {
    let Some(parts) = multipart(&r.headers, &r.body) else {
        return bad_request("expected multipart/form-data");
    };
    let text = |k: &str| {
        parts
            .iter()
            .find(|p| p.name == k && p.file_name.is_none())
            .and_then(|p| String::from_utf8(p.data.clone()).ok())
    };
    // Admitad's own lost-order example sends no `comment`, and its Python client no `estimated_reward`:
    // both are optional for lost orders. An appeal needs its comment.
    let mut required = vec!["advcampaign", "order_id"];
    if lost_order {
        required.extend(["website", "order_date", "order_price"]);
    } else {
        required.push("comment");
    }
    if let Some(missing) = required.iter().find(|k| text(k).is_none()) {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({missing.to_string(): ["This field is required."]}),
        );
    }
    let Some(receipt) = parts
        .iter()
        .find(|p| p.name == "receipt" && p.file_name.is_some())
    else {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({"receipt": ["This field is required."]}),
        );
    };
    let ok_type = matches!(
        receipt.content_type.as_deref(),
        Some("image/jpeg" | "image/png" | "application/pdf")
    );
    if !ok_type {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({"receipt": ["Unsupported file type."]}),
        );
    }
    let program: u64 = text("advcampaign")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    r.with(|s| {
        let id = s.id();
        let mut claim = json!({"id": id, "status": "processing", "advcampaign": {"id": program, "name": format!("Shop {program}")},
                               "order_id": text("order_id"), "comment": text("comment"), "date_created": "2024-03-05 12:00:00",
                               "appeal_id": text("appeal_id"), "appeal_status": if text("appeal_id").is_some() { json!("processing") } else { Value::Null },
                               "currency": "USD", "receipt": {"file_name": receipt.file_name, "content_type": receipt.content_type, "size": receipt.data.len()}});
        if lost_order {
            let w: u64 = text("website").and_then(|v| v.parse().ok()).unwrap_or(0);
            claim["website"] = json!({"id": w, "name": "My blog"});
            claim["order_date"] = json!(text("order_date"));
            claim["order_price"] = json!(text("order_price"));
            claim["estimated_reward"] = json!(text("estimated_reward"));
            s.lost_orders.insert(id, claim.clone());
        } else {
            s.appeals.insert(id, claim.clone());
        }
        Out::One(claim)
    })
}

fn payments_info(r: &Req<'_>) -> Out {
    let orders: Vec<&str> = r
        .query
        .iter()
        .filter(|(k, _)| k == "order_id")
        .map(|(_, v)| v.as_str())
        .collect();
    if orders.is_empty() || orders.len() > 20 || r.q("advcampaign").is_none() {
        return bad_request("advcampaign and 1 to 20 order_id are required");
    }
    Out::One(
        json!({"order_info": orders.iter().map(|o| match o.len() % 3 {
        0 => json!({"order_id": o, "status": "owner", "payment_id": 500 + o.len(), "payment_status": "paid"}),
        1 => json!({"order_id": o, "status": "already_counted"}),
        _ => json!({"order_id": o, "status": "does_not_exist"}),
    }).collect::<Vec<_>>()}),
    )
}

fn commission_rates(r: &Req<'_>) -> Out {
    if r.headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        != Some("application/json")
    {
        return bad_request("expected application/json");
    }
    let Ok(body) = serde_json::from_slice::<Value>(&r.body) else {
        return bad_request("invalid JSON");
    };
    let Some(urls) = body["urls"].as_array() else {
        return bad_request("urls is required");
    };
    Out::One(json!({"commission_rates": urls.iter().map(|u| {
        let s = u.as_str().unwrap_or_default();
        if s.contains("aliexpress") {
            json!({"product_name": "Phone case", "commission_rate": "7.0", "hot_commission_rate": 9.5, "is_hot": true, "url": s})
        } else {
            json!({"product_name": null, "commission_rate": null, "hot_commission_rate": null, "is_hot": null, "url": s})
        }
    }).collect::<Vec<_>>()}))
}

fn create_broker_application(r: &Req<'_>) -> Out {
    broker_application(r, false)
}

fn create_broker_application_sms(r: &Req<'_>) -> Out {
    broker_application(r, true)
}

fn broker_application(r: &Req<'_>, sms: bool) -> Out {
    let form = r.form();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if let Some(missing) = [
        "first_name",
        "last_name",
        "mobile_phone",
        "email",
        "campaign_id",
        "user_notified",
    ]
    .iter()
    .find(|k| get(k).is_none())
    {
        return Out::Status(
            StatusCode::BAD_REQUEST,
            json!({missing.to_string(): ["This field is required."]}),
        );
    }
    let w = r.p("w");
    r.with(|s| {
        let id = s.id();
        let forwarded = get("user_notified").as_deref() == Some("1");
        let extra: serde_json::Map<String, Value> = form.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        let app = json!({"id": id, "status": if sms { "waiting_sms_verification" } else if forwarded { "processing" } else { "waiting" }, "campaign_id": get("campaign_id").and_then(|c| c.parse::<u64>().ok()),
                         "website_id": w, "fields": extra});
        s.broker.insert(id, app.clone());
        Out::One(app)
    })
}

fn create_subnetwork_websites(r: &Req<'_>) -> Out {
    let Ok(items) = serde_json::from_slice::<Vec<Value>>(&r.body) else {
        return bad_request("expected a JSON array of ad spaces");
    };
    // All or nothing, errors keyed by input index.
    let errors: serde_json::Map<String, Value> = items
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w["name"].as_str().is_none_or(str::is_empty) || w["url"].as_str().is_none()
        })
        .map(|(i, _)| (i.to_string(), json!({"name": ["This field is required."]})))
        .collect();
    if !errors.is_empty() {
        return Out::Status(StatusCode::BAD_REQUEST, Value::Object(errors));
    }
    r.with(|s| {
        let created: serde_json::Map<String, Value> = items
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let id = s.id() + 1000;
                (i.to_string(), json!({"id": id.to_string(), "name": w["name"], "site_url": w["url"], "status": "new", "kind": w["native_kind"]}))
            })
            .collect();
        Out::One(Value::Object(created))
    })
}
