//! Request building with hostile user strings (CR/LF, NUL, `..`, `%00`, quotes, delimiters, very long,
//! non-ASCII) for a representative set of endpoints of each vendor, the Admitad token grants and the
//! authorization URL. The fuzz input drives `arbitrary::Unstructured`: which endpoint, then each field.
//!
//! Invariants (see `adkit_fuzz::check_built`): build returns `Error::InvalidInput` or a request that
//! passes the driver's header check and `http::Request::try_from`, stays under the base URL without dot
//! segments, has only the multipart parts it was given, and carries no credential in its `Debug`; no
//! error and no request record's `Debug` carries a credential or a value marked secret.
#![no_main]

use adkit::Endpoint;
use std::collections::HashMap;

use adkit::adapty::{self, AdaptyContext};
use adkit::adjust::{self, AdjustContext};
use adkit::admitad::{self, AdmitadContext};
use adkit::driver::parse_base_url;
use adkit::weburl::WebUrl;
use adkit::{ErrorKind, Json, Secret};
use adkit_fuzz::{MARK, Unstructured, check_built, check_url_under, hostile, hostile_opt};
use libfuzzer_sys::fuzz_target;

const ADJUST_TOKEN: &str = "adj-SECRET-api-0c9d";
const ADJUST_SIGNATURE: &str = "adj-SECRET-sig-77aa";
const ADAPTY_SECRET: &str = "secret_live_SECRET.ce5zuDEWz06lFRNi";
const ADAPTY_PUBLIC: &str = "public_live_SECRET.pub9";
const ADMITAD_TOKEN: &str = "adm-SECRET-bearer-31f0";
const HASH: &str = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD";

fn base(url: &str) -> WebUrl {
    match parse_base_url(url) {
        Ok(u) => u,
        Err(e) => panic!("the default base URL {url} does not parse: {e}"),
    }
}

/// A value that is a secret: the marker, then hostile text.
fn secret(u: &mut Unstructured<'_>) -> String {
    format!("{MARK}{}", hostile(u, &["pw-1"]))
}

fn flag(u: &mut Unstructured<'_>) -> bool {
    u.arbitrary().unwrap_or(false)
}

fn small(u: &mut Unstructured<'_>) -> Option<u32> {
    u.arbitrary().unwrap_or(None)
}

/// Asserts that a request record's `Debug` does not show a marked secret.
fn redacted(what: &str, debug: String) {
    assert!(
        !debug.contains(MARK),
        "{what}: the request record's Debug shows a secret: {debug}"
    );
}

fn platform(u: &mut Unstructured<'_>) -> adjust::Platform {
    match u.int_in_range(0u8..=3).unwrap_or(0) {
        0 => adjust::Platform::Android,
        1 => adjust::Platform::Ios,
        2 => adjust::Platform::Both,
        _ => adjust::Platform::parse(&hostile(u, &["android", "ios"])),
    }
}

fn channel_setup(u: &mut Unstructured<'_>) -> Option<adjust::ChannelSetup> {
    if !flag(u) {
        return None;
    }
    let mut other = HashMap::new();
    if flag(u) {
        other.insert(
            hostile(u, &["partner_x"]),
            Json::new(serde_json::json!({ "key": hostile(u, &["v"]) })),
        );
    }
    Some(adjust::ChannelSetup {
        chartboost: flag(u).then(|| adjust::ChartboostSetup {
            app_id: hostile(u, &["cb"]),
            token: secret(u),
        }),
        ironsource: flag(u).then(|| adjust::IronSourceSetup {
            advertiser_id: hostile(u, &["adv"]),
            password: secret(u),
        }),
        applovin: flag(u).then(|| adjust::AppLovinSetup {
            sdk_keys: vec![secret(u)],
        }),
        other,
        ..Default::default()
    })
}

fn adjust_build(u: &mut Unstructured<'_>, which: usize) {
    let root = base(adjust::DEFAULT_BASE_URL);
    let api = Secret::new(ADJUST_TOKEN);
    let sig = Secret::new(ADJUST_SIGNATURE);
    let ctx = AdjustContext {
        base_url: &root,
        api_token: &api,
        signature_token: Some(&sig),
    };
    let secrets = [ADJUST_TOKEN, ADJUST_SIGNATURE, MARK];
    let app_token = |u: &mut Unstructured<'_>| hostile(u, &["p77yk727r18g"]);
    let store_id = |u: &mut Unstructured<'_>| hostile(u, &["com.example.app", "1125517808"]);
    let check = |what: &str, r| check_built(what, &root, r, &secrets);
    match which {
        0 => {
            let req = adjust::CreateApp {
                store_id: store_id(u),
                platform: platform(u),
                name: hostile(u, &["Example"]),
                bundle_id: hostile(u, &["com.example.app"]),
                android_signature_hash: hostile_opt(u, &[HASH]),
                channel_setup: channel_setup(u),
                editors: flag(u).then(|| vec![hostile(u, &["ann@example.com"])]),
                template_app_token: hostile_opt(u, &["p77yk727r18g"]),
                ios_pv_shared_secret: flag(u).then(|| secret(u)),
                sections: flag(u).then(|| vec![adjust::Section::parse(&hostile(u, &["events"]))]),
                force_update: u.arbitrary().unwrap_or(None),
                ..Default::default()
            };
            redacted("adjust create_app", format!("{req:?}"));
            check("adjust create_app", req.build(&ctx));
        }
        1 => check(
            "adjust get_app",
            adjust::GetApp {
                app_token: app_token(u),
            }
            .build(&ctx),
        ),
        2 => check(
            "adjust find_app",
            adjust::FindApp {
                store_id: store_id(u),
                platform: platform(u),
            }
            .build(&ctx),
        ),
        3 => {
            let req = adjust::CreateCampaign {
                store_id: store_id(u),
                platform: platform(u),
                channel: hostile(u, &["facebook"]),
                campaign_name: hostile_opt(u, &["spring"]),
                channel_setup: channel_setup(u),
                android_signature_hash: hostile_opt(u, &[HASH]),
            };
            redacted("adjust create_campaign", format!("{req:?}"));
            check("adjust create_campaign", req.build(&ctx));
        }
        4 => check(
            "adjust get_signature",
            adjust::GetSignature {
                bundle_id: hostile(u, &["com.example.app"]),
            }
            .build(&ctx),
        ),
        5 => check(
            "adjust list_channels",
            adjust::ListChannels {
                app_token: app_token(u),
            }
            .build(&ctx),
        ),
        6 => check(
            "adjust get_ticket_status",
            adjust::GetTicketStatus {
                ticket_token: hostile(u, &["af7702a9-ba95-6ba2-bdac-3f83e55ed8d3"]),
            }
            .build(&ctx),
        ),
        7 => check(
            "adjust update_app",
            adjust::UpdateApp {
                app_token: app_token(u),
                name: hostile_opt(u, &["New"]),
                store_id: hostile_opt(u, &["com.example.app"]),
                bundle_id: hostile_opt(u, &["com.example.app"]),
                android_signature_hash: hostile_opt(u, &[HASH]),
            }
            .build(&ctx),
        ),
        _ => check(
            "adjust generate_signature",
            adjust::GenerateSignature {
                app_token: app_token(u),
                platform: platform(u),
                android_signature_hash: hostile_opt(u, &[HASH]),
                force_sdk_signature: u.arbitrary().unwrap_or(None),
            }
            .build(&ctx),
        ),
    }
}

fn adapty_user(u: &mut Unstructured<'_>) -> adapty::AdaptyUser {
    adapty::AdaptyUser {
        profile_id: hostile_opt(u, &["3286abd3-48b0-4e9c-a5f6-ac0a006333a6"]),
        customer_user_id: hostile_opt(u, &["user-42"]),
        platform: flag(u).then(|| adapty::AdaptyPlatform::parse(&hostile(u, &["iOS", "Android"]))),
    }
}

fn adapty_build(u: &mut Unstructured<'_>, which: usize) {
    let root = base(adapty::DEFAULT_BASE_URL);
    let export_root = base(adapty::DEFAULT_EXPORT_BASE_URL);
    let secret_key = Secret::new(ADAPTY_SECRET);
    let public_key = Secret::new(ADAPTY_PUBLIC);
    let ctx = AdaptyContext {
        base_url: &root,
        export_base_url: &export_root,
        secret_key: Some(&secret_key),
        public_key: Some(&public_key),
    };
    let secrets = [ADAPTY_SECRET, ADAPTY_PUBLIC, MARK];
    let check = |what: &str, r| check_built(what, &root, r, &secrets);
    let date = &["2024-01-15T10:30:00Z", "2024-12-24T10:50:23.000000+0000"];
    match which {
        0 => check(
            "adapty get_profile",
            adapty::GetProfile {
                user: adapty_user(u),
            }
            .build(&ctx),
        ),
        1 => {
            let profile = adapty::ProfileRequest {
                first_name: hostile_opt(u, &["Ann"]),
                email: hostile_opt(u, &["ann@example.com"]),
                phone_number: hostile_opt(u, &["+70000000000"]),
                birthday: hostile_opt(u, &["1990-10-31"]),
                ip_country: hostile_opt(u, &["FR"]),
                store: hostile_opt(u, &["app_store"]),
                custom_attributes: flag(u).then(|| {
                    vec![adapty::CustomAttribute {
                        key: hostile(u, &["level"]),
                        value: adapty::AttributeValue::Text(hostile(u, &["violet"])),
                    }]
                }),
                installation_meta: flag(u).then(|| adapty::InstallationMeta {
                    device_id: hostile(u, &["dev-1"]),
                    locale: hostile_opt(u, &["en_US"]),
                    user_agent: hostile_opt(u, &["Mozilla/5.0"]),
                    ..Default::default()
                }),
                ..Default::default()
            };
            check(
                "adapty create_profile",
                adapty::CreateProfile {
                    user: adapty_user(u),
                    profile,
                }
                .build(&ctx),
            );
        }
        2 => check(
            "adapty grant_access_level",
            adapty::GrantAccessLevel {
                user: adapty_user(u),
                request: adapty::GrantAccessLevelRequest {
                    access_level_id: hostile(u, &["premium"]),
                    starts_at: hostile_opt(u, date),
                    expires_at: hostile_opt(u, date),
                },
            }
            .build(&ctx),
        ),
        3 => check(
            "adapty get_paywall",
            adapty::GetPaywall {
                paywall_id: hostile(u, &["3286abd3-48b0-4e9c-a5f6-ac0a006333a6"]),
            }
            .build(&ctx),
        ),
        4 => check(
            "adapty validate_stripe_purchase",
            adapty::ValidateStripePurchase {
                request: adapty::ValidateStripePurchaseRequest {
                    customer_user_id: hostile(u, &["u1"]),
                    stripe_token: hostile(u, &["sub_123"]),
                },
            }
            .build(&ctx),
        ),
        5 => check(
            "adapty get_web_paywall",
            adapty::GetWebPaywall {
                request: adapty::WebPaywallRequest {
                    store: hostile(u, &["app_store"]),
                    placement_id: hostile(u, &["main"]),
                    locale: hostile_opt(u, &["en"]),
                    customer_user_id: hostile_opt(u, &["u1"]),
                    profile_id: hostile_opt(u, &["3286abd3-48b0-4e9c-a5f6-ac0a006333a6"]),
                },
            }
            .build(&ctx),
        ),
        6 => {
            let mut metadata = HashMap::new();
            if flag(u) {
                metadata.insert(hostile(u, &["reason"]), hostile(u, &["bonus"]));
            }
            check(
                "adapty create_virtual_currency_transaction",
                adapty::CreateVirtualCurrencyTransaction {
                    user: adapty_user(u),
                    request: adapty::VirtualCurrencyTransactionRequest {
                        items: vec![adapty::CurrencyAmount {
                            currency_code: hostile(u, &["coins"]),
                            amount: u.arbitrary().unwrap_or(1),
                        }],
                        metadata: (!metadata.is_empty()).then_some(metadata),
                        idempotency_key: hostile_opt(u, &["3f2b8c4e-9d1a-4f6b-8e2c-1a2b3c4d5e6f"]),
                    },
                }
                .build(&ctx),
            );
        }
        7 => check(
            "adapty list_virtual_currency_transactions",
            adapty::ListVirtualCurrencyTransactions {
                user: adapty_user(u),
                query: adapty::VirtualCurrencyHistoryQuery {
                    currency_code: hostile_opt(u, &["coins"]),
                    cursor: hostile_opt(u, &["eyJvZmZzZXQiOjJ9"]),
                    limit: small(u),
                },
            }
            .build(&ctx),
        ),
        _ => {
            let req = adapty::ExportAnalytics {
                chart_id: hostile_opt(u, &["revenue"]),
                filters: adapty::MetricsFilters {
                    date: vec![hostile(u, &["2024-01-01"]), hostile(u, &["2024-12-31"])],
                    country: flag(u).then(|| vec![hostile(u, &["US"])]),
                    store: flag(u).then(|| vec![hostile(u, &["app_store"])]),
                    ..Default::default()
                },
                period_unit: hostile_opt(u, &["month"]),
                segmentation: hostile_opt(u, &["country"]),
                ..Default::default()
            };
            check_built(
                "adapty export_analytics",
                &export_root,
                req.build(&ctx),
                &secrets,
            );
        }
    }
}

fn admitad_build(u: &mut Unstructured<'_>, which: usize) {
    let root = base(admitad::DEFAULT_BASE_URL);
    let ctx = AdmitadContext {
        base_url: &root,
        access_token: ADMITAD_TOKEN,
    };
    let secrets = [ADMITAD_TOKEN, MARK];
    let check = |what: &str, r| check_built(what, &root, r, &secrets);
    let day = &["01.03.2024", "31.03.2024"];
    let id = |u: &mut Unstructured<'_>| -> u64 { u.arbitrary().unwrap_or(6) };
    match which {
        0 => check(
            "admitad list_websites",
            admitad::ListWebsites {
                status: hostile_opt(u, &["active"]),
                campaign_status: hostile_opt(u, &["pending"]),
                limit: small(u),
                offset: u.arbitrary().unwrap_or(None),
            }
            .build(&ctx),
        ),
        1 => check(
            "admitad list_coupons",
            admitad::ListCoupons {
                website: u.arbitrary().unwrap_or(None),
                search: hostile_opt(u, &["shoes"]),
                date_start: hostile_opt(u, day),
                date_end: hostile_opt(u, day),
                language: hostile_opt(u, &["en"]),
                region: hostile_opt(u, &["RU"]),
                campaign: vec![id(u)],
                limit: small(u),
                ..Default::default()
            }
            .build(&ctx),
        ),
        2 => check(
            "admitad statistics",
            admitad::ListStatistics {
                report: admitad::StatisticsReport::parse(&hostile(u, &["actions", "sub_ids"])),
                date_start: hostile_opt(u, day),
                date_end: hostile_opt(u, day),
                subid: hostile_opt(u, &["spring"]),
                subid1: hostile_opt(u, &["a"]),
                order_by: vec![hostile(u, &["-clicks"])],
                keyword: hostile_opt(u, &["shoes"]),
                source: hostile_opt(u, &["g"]),
                status: hostile_opt(u, &["approved"]),
                action_type: hostile_opt(u, &["sale"]),
                status_updated_start: hostile_opt(u, &["01.03.2024 00:00:00"]),
                status_updated_end: hostile_opt(u, &["31.03.2024 23:59:59"]),
                group_subids: hostile_opt(u, &["subid3"]),
                limit: small(u),
                ..Default::default()
            }
            .build(&ctx),
        ),
        3 => check(
            "admitad get_language",
            admitad::GetLanguage {
                code: hostile(u, &["en"]),
            }
            .build(&ctx),
        ),
        4 => check(
            "admitad validate_link",
            admitad::ValidateLink {
                link: hostile(u, &["https://ad.admitad.com/g/abc/"]),
            }
            .build(&ctx),
        ),
        5 => check(
            "admitad shorten_link",
            admitad::ShortenLink {
                link: hostile(u, &["https://ad.admitad.com/g/abc/?ulp=x"]),
            }
            .build(&ctx),
        ),
        6 => check(
            "admitad payment_settings",
            admitad::GetPaymentSettings {
                currency: hostile_opt(u, &["EUR"]),
            }
            .build(&ctx),
        ),
        7 => check(
            "admitad save_retag",
            admitad::SaveRetag {
                id: u.arbitrary().unwrap_or(None),
                website: Some(22),
                level: Some(3),
                script: hostile_opt(u, &["<script>\n  x()\n</script>"]),
                active: u.arbitrary().unwrap_or(None),
                comment: hostile_opt(u, &["tag"]),
            }
            .build(&ctx),
        ),
        8 => {
            let mut bytes = b"%PDF-1.4 ".to_vec();
            bytes.extend_from_slice(hostile(u, &["x"]).as_bytes());
            check(
                "admitad create_lost_order",
                admitad::CreateLostOrder {
                    program: id(u),
                    website: 22,
                    order_id: hostile(u, &["A-1"]),
                    order_date: hostile(u, &["05.03.2024"]),
                    order_price: hostile(u, &["1499.90"]),
                    comment: hostile(u, &["Bought on the phone"]),
                    appeal_id: hostile_opt(u, &["T-9"]),
                    estimated_reward: hostile(u, &["45.00"]),
                    receipt: admitad::Attachment {
                        file_name: hostile(u, &["receipt.pdf"]),
                        content_type: hostile(u, &["application/pdf"]),
                        bytes,
                    },
                }
                .build(&ctx),
            );
        }
        9 => {
            let mut extra = HashMap::new();
            if flag(u) {
                extra.insert(hostile(u, &["city"]), hostile(u, &["Riga"]));
            }
            check(
                "admitad create_broker_application",
                admitad::CreateBrokerApplication {
                    website: 22,
                    program: id(u),
                    first_name: hostile(u, &["Ann"]),
                    last_name: hostile(u, &["Lee"]),
                    mobile_phone: hostile(u, &["+70000000000"]),
                    email: hostile(u, &["ann@example.com"]),
                    work_date: hostile_opt(u, day),
                    user_notified: flag(u),
                    sms_confirmation: flag(u),
                    extra,
                }
                .build(&ctx),
            );
        }
        10 => check(
            "admitad deeplink",
            admitad::GetDeeplinks {
                website_id: 22,
                campaign_id: id(u),
                ulp: vec![hostile(u, &["https://shop.example/item?id=1"])],
                subid: hostile_opt(u, &["s"]),
                subid4: hostile_opt(u, &["s4"]),
                ..Default::default()
            }
            .build(&ctx),
        ),
        11 => check(
            "admitad list_ad_services",
            admitad::ListAdServices {
                kind: hostile_opt(u, &["website"]),
                limit: small(u),
                offset: None,
            }
            .build(&ctx),
        ),
        12 => {
            let grant = match u.int_in_range(0u8..=2).unwrap_or(0) {
                0 => admitad::TokenGrant::AuthorizationCode {
                    code: hostile(u, &["c75ebf64ad48a352630b6d953ce365"]),
                    redirect_uri: hostile(
                        u,
                        &["https://example.com/cb", "http://127.0.0.1:8080/cb"],
                    ),
                },
                1 => admitad::TokenGrant::ClientCredentials {
                    scopes: vec![admitad::Scope::parse(&hostile(
                        u,
                        &["banners", "statistics"],
                    ))],
                },
                _ => admitad::TokenGrant::Refresh {
                    refresh_token: Secret::new(secret(u)),
                },
            };
            let req = admitad::TokenRequest {
                client_id: hostile(u, &["cb281d918a37e346b45e9aea1c6eb7"]),
                client_secret: Secret::new(secret(u)),
                grant,
            };
            redacted("admitad token request", format!("{req:?}"));
            check_built("admitad token request", &root, req.build(&root), &[MARK]);
        }
        _ => {
            let client_id = hostile(u, &["cb281d918a37e346b45e9aea1c6eb7"]);
            let redirect = hostile(u, &["https://example.com/cb", "http://localhost:9/cb"]);
            let scopes = [admitad::Scope::parse(&hostile(u, &["banners"]))];
            match admitad::authorization_url(&root, &client_id, &redirect, &scopes) {
                Ok(a) => {
                    check_url_under("admitad authorization_url", &root, &a.url);
                    assert_eq!(a.state.len(), 32, "the state is not 32 characters");
                }
                Err(e) => assert_eq!(
                    e.kind(),
                    ErrorKind::InvalidInput,
                    "authorization_url failed with {e:?}"
                ),
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let which = u.choose_index(9 + 9 + 14).unwrap_or(0);
    match which {
        0..=8 => adjust_build(&mut u, which),
        9..=17 => adapty_build(&mut u, which - 9),
        _ => admitad_build(&mut u, which - 18),
    }
});
