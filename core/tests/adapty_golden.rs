//! Golden tests: Adapty requests byte for byte, documented bodies decoded, bad input refused before
//! sending.

use adkit::Endpoint;
use adkit::adapty::*;
use adkit::driver::{Exchange, parse_base_url};
use adkit::{ErrorKind, HttpRequest, HttpResponse, Method, Secret};

fn ctx_build<E: AdaptyEndpoint>(e: &E) -> Result<HttpRequest, adkit::Error> {
    let base = parse_base_url(DEFAULT_BASE_URL).unwrap();
    let export = parse_base_url(DEFAULT_EXPORT_BASE_URL).unwrap();
    let secret = Secret::new("secret_live_BEHrYLTr.ce5zuDEWz06lFRNiaJC8mrLtL8fUwswD");
    let public = Secret::new("public_live_abc");
    e.build(&AdaptyContext {
        base_url: &base,
        export_base_url: &export,
        secret_key: Some(&secret),
        public_key: Some(&public),
    })
}

fn headers(req: &HttpRequest) -> Vec<(String, String)> {
    req.headers.clone()
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn ok(status: u16, body: &str) -> Exchange {
    Exchange::new(HttpResponse::new(status, body.to_owned()).with_header("Request-Id", "rid-1"))
}

const AUTH: (&str, &str) = (
    "Authorization",
    "Api-Key secret_live_BEHrYLTr.ce5zuDEWz06lFRNiaJC8mrLtL8fUwswD",
);

#[test]
fn get_and_delete_profile_wire_bytes() {
    let req = ctx_build(&GetProfile {
        user: AdaptyUser::customer_user_id("user-42"),
    })
    .unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(
        req.url,
        "https://api.adapty.io/api/v2/server-side-api/profile/"
    );
    assert_eq!(
        headers(&req),
        h(&[
            AUTH,
            ("Accept", "application/json"),
            ("adapty-customer-user-id", "user-42")
        ])
    );
    assert!(req.body.is_empty());
    let del = ctx_build(&DeleteProfile {
        user: AdaptyUser::profile_id("3286abd3-48b0-4e9c-a5f6-ac0a006333a6"),
    })
    .unwrap();
    assert_eq!(del.method, Method::Delete);
    assert_eq!(
        del.header("adapty-profile-id"),
        Some("3286abd3-48b0-4e9c-a5f6-ac0a006333a6")
    );
}

#[test]
fn create_profile_with_both_ids_platform_and_attributes() {
    let user = AdaptyUser {
        profile_id: Some("3286abd3-48b0-4e9c-a5f6-ac0a006333a6".into()),
        customer_user_id: Some("user-42".into()),
        platform: Some(AdaptyPlatform::Ios),
    };
    let profile = ProfileRequest {
        first_name: Some("Ann".into()),
        birthday: Some("1990-10-31".into()),
        ip_country: Some("FR".into()),
        gender: Some(Gender::Female),
        custom_attributes: Some(vec![
            CustomAttribute {
                key: "favourite_colour".into(),
                value: AttributeValue::Text("violet".into()),
            },
            CustomAttribute {
                key: "level".into(),
                value: AttributeValue::Number(10.0),
            },
            CustomAttribute {
                key: "old".into(),
                value: AttributeValue::Null,
            },
        ]),
        installation_meta: Some(InstallationMeta {
            device_id: "dev-1".into(),
            platform: Some(AdaptyPlatform::Ios),
            ..Default::default()
        }),
        ..Default::default()
    };
    let req = ctx_build(&CreateProfile { user, profile }).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(
        std::str::from_utf8(&req.body).unwrap(),
        r#"{"first_name":"Ann","gender":"f","birthday":"1990-10-31","ip_country":"FR","custom_attributes":[{"key":"favourite_colour","value":"violet"},{"key":"level","value":10.0},{"key":"old","value":null}],"installation_meta":{"device_id":"dev-1","platform":"iOS"}}"#
    );
    assert_eq!(
        headers(&req),
        h(&[
            AUTH,
            ("Accept", "application/json"),
            ("Content-Type", "application/json"),
            ("adapty-profile-id", "3286abd3-48b0-4e9c-a5f6-ac0a006333a6"),
            ("adapty-customer-user-id", "user-42"),
            ("adapty-platform", "iOS"),
        ])
    );
}

fn subscription() -> Transaction {
    Transaction {
        purchase_type: PurchaseType::Subscription,
        store: "app_store".into(),
        environment: Some(Environment::Production),
        store_product_id: "monthly.premium".into(),
        store_transaction_id: "t-2".into(),
        store_original_transaction_id: "t-1".into(),
        price: Price {
            country: "US".into(),
            currency: "USD".into(),
            value: 9.99,
        },
        purchased_at: "2024-01-15T10:30:00Z".into(),
        is_family_shared: None,
        variation_id: None,
        offer: Some(Offer {
            category: OfferCategory::Promotional,
            offer_type: OfferType::PayUpFront,
            id: Some("promo-1".into()),
        }),
        refunded_at: None,
        cancellation_reason: None,
        originally_purchased_at: Some("2023-12-15T10:30:00.000000+0000".into()),
        expires_at: Some("2024-02-15T10:30:00Z".into()),
        renew_status: Some(true),
        renew_status_changed_at: None,
        billing_issue_detected_at: None,
        grace_period_expires_at: None,
    }
}

#[test]
fn set_transaction_wire_bytes_and_rules() {
    let req = ctx_build(&SetTransaction {
        user: AdaptyUser::customer_user_id("u1"),
        transaction: subscription(),
    })
    .unwrap();
    assert_eq!(
        req.url,
        "https://api.adapty.io/api/v2/server-side-api/purchase/set/transaction/"
    );
    assert_eq!(
        std::str::from_utf8(&req.body).unwrap(),
        r#"{"purchase_type":"subscription","store":"app_store","environment":"Production","store_product_id":"monthly.premium","store_transaction_id":"t-2","store_original_transaction_id":"t-1","price":{"country":"US","currency":"USD","value":9.99},"purchased_at":"2024-01-15T10:30:00Z","offer":{"category":"promotional","type":"pay_up_front","id":"promo-1"},"originally_purchased_at":"2023-12-15T10:30:00.000000+0000","expires_at":"2024-02-15T10:30:00Z","renew_status":true}"#
    );
    let refuse = |t: Transaction, field: &str| {
        let e = ctx_build(&SetTransaction {
            user: AdaptyUser::customer_user_id("u1"),
            transaction: t,
        })
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        match e {
            adkit::Error::InvalidInput { field: f, .. } => assert_eq!(f, field),
            other => panic!("{other}"),
        }
    };
    let mut t = subscription();
    t.expires_at = Some("2024-01-01T00:00:00Z".into());
    refuse(t, "expires_at");
    let mut t = subscription();
    t.purchased_at = "15.01.2024".into();
    refuse(t, "purchased_at");
    let mut t = subscription();
    t.store_transaction_id = "x".repeat(51);
    refuse(t, "store_transaction_id");
    let mut t = subscription();
    t.offer.as_mut().unwrap().id = None;
    refuse(t, "offer.id");
    let mut t = subscription();
    t.grace_period_expires_at = Some("2024-03-01T00:00:00Z".into());
    refuse(t, "billing_issue_detected_at");
    let mut t = subscription();
    t.refunded_at = Some("2024-01-20T00:00:00Z".into());
    refuse(t, "refunded_at");
    let mut t = subscription();
    t.purchase_type = PurchaseType::OneTimePurchase;
    refuse(t, "store_transaction_id");
    let mut t = subscription();
    t.purchase_type = PurchaseType::OneTimePurchase;
    t.store_transaction_id = "t-1".into();
    refuse(t, "expires_at");
    let mut t = subscription();
    t.is_family_shared = Some(true);
    refuse(t, "price.value");
}

#[test]
fn user_addressing_is_checked_before_sending() {
    let cases: Vec<(AdaptyUser, &str)> = vec![
        (AdaptyUser::default(), "user"),
        (
            AdaptyUser {
                profile_id: Some("3286abd3-48b0-4e9c-a5f6-ac0a006333a6".into()),
                customer_user_id: Some("u".into()),
                platform: None,
            },
            "user",
        ),
        (
            AdaptyUser::customer_user_id("a\r\nX-Evil: 1"),
            "customer_user_id",
        ),
        (AdaptyUser::profile_id("not a uuid"), "profile_id"),
        (AdaptyUser::customer_user_id("  "), "customer_user_id"),
    ];
    for (user, field) in cases {
        match ctx_build(&GetProfile { user: user.clone() }) {
            Err(adkit::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field, "{user:?}"),
            other => panic!("{user:?}: {other:?}"),
        }
    }
}

#[test]
fn custom_attribute_limits() {
    let attr = |k: &str, v: AttributeValue| CustomAttribute {
        key: k.into(),
        value: v,
    };
    let bad = vec![
        vec![attr(&"k".repeat(31), AttributeValue::Number(1.0))],
        vec![attr("clé", AttributeValue::Number(1.0))],
        vec![attr("has space", AttributeValue::Number(1.0))],
        vec![attr("k", AttributeValue::Text("v".repeat(51)))],
        vec![attr("k", AttributeValue::Number(f64::NAN))],
        (0..31)
            .map(|i| attr(&format!("k{i}"), AttributeValue::Number(1.0)))
            .collect(),
        vec![],
    ];
    for attrs in bad {
        let e = ctx_build(&UpdateProfile {
            user: AdaptyUser::customer_user_id("u"),
            profile: ProfileRequest {
                custom_attributes: Some(attrs.clone()),
                ..Default::default()
            },
        })
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{attrs:?}");
    }
    for (field, p) in [
        (
            "birthday",
            ProfileRequest {
                birthday: Some("31/10/1990".into()),
                ..Default::default()
            },
        ),
        (
            "ip_country",
            ProfileRequest {
                ip_country: Some("FR, US".into()),
                ..Default::default()
            },
        ),
    ] {
        match ctx_build(&UpdateProfile {
            user: AdaptyUser::customer_user_id("u"),
            profile: p,
        }) {
            Err(adkit::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{other:?}"),
        }
    }
}

const PROFILE: &str = r#"{"data":{"app_id":"6e3c5b7d-1a2b-4c3d-8e9f-0a1b2c3d4e5f","profile_id":"3286abd3-48b0-4e9c-a5f6-ac0a006333a6",
"customer_user_id":"user-42","total_revenue_usd":109.88999999999999,"segment_hash":"8f45ed4b","timestamp":1736083667461,
"custom_attributes":[{"key":"level","value":10.0},{"key":"colour","value":"violet"},{"key":"flag","value":true}],
"access_levels":[{"access_level_id":"premium","store":"app_store","store_product_id":"monthly","store_base_plan_id":"",
 "store_transaction_id":"t-2","store_original_transaction_id":"t-1","offer":{"offer_category":"introductory","offer_type":"free_trial","offer_id":null},
 "starts_at":null,"purchased_at":"2024-12-24T10:50:23+00:00","originally_purchased_at":"2024-12-24T10:50:23.000000+0000",
 "expires_at":"2025-01-05T13:27:47.461425+0000","renewal_cancelled_at":null,"billing_issue_detected_at":null,
 "is_in_grace_period":false,"cancellation_reason":"some_new_reason","brand_new_field":1}],
"subscriptions":null,
"non_subscriptions":[{"purchase_id":"p-1","store":"play_store","store_product_id":"coins","store_base_plan_id":null,
 "store_transaction_id":"GPA.1","store_original_transaction_id":"GPA.1","purchased_at":"2025-07-30T11:13:58.798Z",
 "environment":"Sandbox","is_refund":false,"is_consumable":true}]}}"#;

#[test]
fn profile_decodes_every_documented_variant() {
    let p = GetProfile {
        user: AdaptyUser::customer_user_id("user-42"),
    }
    .parse(&ok(200, PROFILE))
    .unwrap();
    assert_eq!(p.profile_id, "3286abd3-48b0-4e9c-a5f6-ac0a006333a6");
    assert_eq!(p.total_revenue_usd, 109.88999999999999);
    assert_eq!(p.timestamp, 1_736_083_667_461);
    assert_eq!(p.request_id.as_deref(), Some("rid-1"));
    assert!(p.subscriptions.is_empty(), "null decodes as empty");
    assert_eq!(p.custom_attributes[2].value, AttributeValue::Number(1.0));
    let level = p.access_level("premium").unwrap();
    assert_eq!(
        level.offer,
        Some(Offer {
            category: OfferCategory::Introductory,
            offer_type: OfferType::FreeTrial,
            id: None
        })
    );
    assert_eq!(
        level.originally_purchased_at.as_deref(),
        Some("2024-12-24T10:50:23.000000+00:00")
    );
    assert_eq!(
        level.expires_at.as_deref(),
        Some("2025-01-05T13:27:47.461425+00:00")
    );
    assert_eq!(
        level.cancellation_reason,
        Some(CancellationReason::Other("some_new_reason".into()))
    );
    assert!(level.is_active_at(1_736_000_000_000));
    assert!(!level.is_active_at(1_736_083_667_462));
    assert_eq!(
        p.non_subscriptions[0].purchased_at.as_deref(),
        Some("2025-07-30T11:13:58.798+00:00")
    );
}

#[test]
fn errors_keep_status_code_and_excerpt() {
    let e = GetProfile {
        user: AdaptyUser::customer_user_id("x"),
    }
    .parse(&ok(
        404,
        r#"{"errors":[{"source":null,"errors":["Profile not found"]}],"error_code":"profile_does_not_exist","status_code":404}"#,
    ))
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.request_id(), Some("rid-1"));
    let e = GetProfile {
        user: AdaptyUser::customer_user_id("x"),
    }
    .parse(&ok(200, "<html>maintenance</html>"))
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!(e.body_excerpt(), Some("<html>maintenance</html>"));
}

#[test]
fn stripe_is_json_api_on_v1_sdk() {
    let req = ctx_build(&ValidateStripePurchase {
        request: ValidateStripePurchaseRequest {
            customer_user_id: "u1".into(),
            stripe_token: "sub_123".into(),
        },
    })
    .unwrap();
    assert_eq!(
        req.url,
        "https://api.adapty.io/api/v1/sdk/purchase/stripe/token/validate/"
    );
    assert_eq!(req.header("content-type"), Some("application/vnd.api+json"));
    assert_eq!(
        std::str::from_utf8(&req.body).unwrap(),
        r#"{"data":{"attributes":{"customer_user_id":"u1","stripe_token":"sub_123"},"type":"stripe_receipt_validation_result"}}"#
    );
}

#[test]
fn paywalls_vc_and_exports_wire() {
    let req = ctx_build(&ListPaywalls {
        page: Some(2),
        page_size: Some(50),
    })
    .unwrap();
    assert_eq!(
        req.url,
        "https://api.adapty.io/api/v2/server-side-api/paywalls/?page%5Bnumber%5D=2&page%5Bsize%5D=50"
    );
    assert!(
        ctx_build(&ListPaywalls {
            page: None,
            page_size: Some(101)
        })
        .is_err()
    );
    let vc = ctx_build(&CreateVirtualCurrencyTransaction {
        user: AdaptyUser::customer_user_id("u1"),
        request: VirtualCurrencyTransactionRequest {
            items: vec![CurrencyAmount {
                currency_code: "coins".into(),
                amount: 100,
            }],
            metadata: None,
            idempotency_key: Some("3f2b8c4e-9d1a-4f6b-8e2c-1a2b3c4d5e6f".into()),
        },
    })
    .unwrap();
    assert_eq!(
        vc.header("idempotency-key"),
        Some("3f2b8c4e-9d1a-4f6b-8e2c-1a2b3c4d5e6f")
    );
    assert_eq!(
        std::str::from_utf8(&vc.body).unwrap(),
        r#"{"items":[{"currency_code":"coins","amount":100}]}"#
    );
    let ex = ctx_build(&ExportPlacements {
        placement_type: PlacementType::Paywall,
        format: ExportFormat::Csv,
    })
    .unwrap();
    assert_eq!(
        ex.url,
        "https://api-admin.adapty.io/api/v1/client-api/exports/placements/"
    );
    assert_eq!(ex.header("accept"), Some("text/csv"));
    // The documented body holds the filters only: the format is chosen by `Accept`.
    assert_eq!(
        std::str::from_utf8(&ex.body).unwrap(),
        r#"{"filters":{"placement_type":"paywall"}}"#
    );
    let bad_range = ctx_build(&ExportAnalytics {
        chart_id: Some("revenue".into()),
        filters: MetricsFilters {
            date: vec!["2024-12-31".into(), "2024-01-01".into()],
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(bad_range.kind(), ErrorKind::InvalidInput);
    let web = ctx_build(&GetWebPaywall {
        request: WebPaywallRequest {
            store: "app_store".into(),
            placement_id: "main".into(),
            customer_user_id: Some("u1".into()),
            ..Default::default()
        },
    })
    .unwrap();
    assert_eq!(web.url, "https://api.adapty.io/api/v2/web-api/paywall/");
    assert_eq!(web.header("authorization"), Some("Api-Key public_live_abc"));
}

#[test]
fn placements_json_and_csv_decode_to_the_same_rows() {
    let req = ExportPlacements {
        placement_type: PlacementType::Paywall,
        format: ExportFormat::Json,
    };
    let json = r#"{"data":[{"developer_id":"main","placement_name":"Main","audience_name":"All users","segment_name":"All users","cross_placement_ab_test_name":null,"ab_test_name":null,"paywall_name":"Paywall, A"}]}"#;
    let csv = "developer_id,placement_name,audience_name,segment_name,cross_placement_ab_test_name,ab_test_name,paywall_name\r\nmain,Main,All users,All users,,,\"Paywall, A\"\r\n";
    let from_json = req.parse(&ok(200, json)).unwrap();
    let from_csv = req
        .parse(&Exchange::new(
            HttpResponse::new(200, csv).with_header("Content-Type", "text/csv"),
        ))
        .unwrap();
    assert_eq!(from_json.rows, from_csv.rows);
    assert_eq!(from_csv.format, ExportFormat::Csv);
    assert_eq!(from_csv.raw, csv);
    // Columns changed: known ones still decode, unknown ones are kept.
    let changed = "placement_name,developer_id,audience_id\nMain,main,aud-1\n";
    let rows = parse_placements_csv(changed).unwrap();
    assert_eq!(rows[0].developer_id, "main");
    assert_eq!(
        rows[0].extra.get("audience_id").map(String::as_str),
        Some("aud-1")
    );
}

#[test]
fn webhook_helpers_are_public() {
    let r = webhooks::WebhookReceiver::new("secret-header-value").unwrap();
    assert_eq!(
        r.receive([("Authorization", "secret-header-value")], b"{}")
            .unwrap(),
        webhooks::WebhookDelivery::Verification
    );
    assert_eq!(
        r.receive([("Authorization", "nope")], b"{}")
            .unwrap_err()
            .kind(),
        ErrorKind::Verification
    );
}

/// Every Adapty parser (and the webhook receiver), fed thousands of mutated bodies and statuses,
/// returns a value or a typed error — never a panic.
#[test]
fn parsers_never_panic_on_arbitrary_responses() {
    let seeds: Vec<Vec<u8>> = vec![
        PROFILE.as_bytes().to_vec(),
        br#"{"errors":[{"source":"x","errors":["y"]}],"error_code":"profile_does_not_exist","status_code":400}"#.to_vec(),
        br#"{"errors":{"f":["m"]},"error_code":1}"#.to_vec(),
        br#"{"data":[{"paywall_id":"p","created_at":"2025-07-30T11:13:58.798Z","products":null}],"meta":{"pagination":{"count":1}}}"#.to_vec(),
        b"developer_id,placement_name,paywall_name\nmain,Main,\"P, A\"\n".to_vec(),
        br#"{"profile_id":"p","event_type":"x","event_properties":{"price_usd":"1.5","paywall_revision":2}}"#.to_vec(),
        br#"{"transaction_id":"t","balances":[{"code":"c","balance":"3"}],"data":[],"pagination":{"next_cursor":""}}"#.to_vec(),
        b"<html>\xff\xfe</html>".to_vec(),
        Vec::new(),
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let statuses = [
        200u16, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 0, 999,
    ];
    let user = AdaptyUser::customer_user_id("u");
    let receiver = webhooks::WebhookReceiver::new("fuzz").unwrap();
    for round in 0..3000 {
        let mut body = seeds[round % seeds.len()].clone();
        for _ in 0..(next() % 6) {
            let at = if body.is_empty() {
                0
            } else {
                (next() as usize) % body.len()
            };
            match next() % 3 {
                0 if !body.is_empty() => body[at] = next() as u8,
                1 => {
                    let pick: &[u8] = b"{}[]\",:0\\\xc3\n";
                    body.insert(at, pick[(next() as usize) % pick.len()]);
                }
                _ if !body.is_empty() => body.truncate(at),
                _ => {}
            }
        }
        let status = statuses[(next() as usize) % statuses.len()];
        let mut response = HttpResponse::new(status, body.clone());
        if next() % 2 == 0 {
            response = response
                .with_header("Content-Type", "text/csv")
                .with_header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
        }
        let ex = Exchange::new(response);
        let _ = GetProfile { user: user.clone() }.parse(&ex);
        let _ = DeleteProfile { user: user.clone() }.parse(&ex);
        let _ = GetRefundSaverSettings { user: user.clone() }.parse(&ex);
        let _ = GetIntegrationIdentifiers { user: user.clone() }.parse(&ex);
        let _ = ListPaywalls::default().parse(&ex);
        let _ = GetPaywall {
            paywall_id: "p".into(),
        }
        .parse(&ex);
        let _ = ListVirtualCurrencyBalances { user: user.clone() }.parse(&ex);
        let _ = ListVirtualCurrencyTransactions {
            user: user.clone(),
            query: Default::default(),
        }
        .parse(&ex);
        let _ = ExportPlacements {
            placement_type: PlacementType::Paywall,
            format: ExportFormat::Csv,
        }
        .parse(&ex);
        let _ = ExportAnalytics::default().parse(&ex);
        let _ = GetWebPaywall {
            request: Default::default(),
        }
        .parse(&ex);
        let _ = receiver.parse(&body);
        let _ = parse_placements_csv(&String::from_utf8_lossy(&body));
    }
}

#[test]
fn keys_never_appear_in_debug_or_errors() {
    let config = AdaptyConfig {
        secret_key: Some(Secret::new("secret_live_TOPSECRET")),
        public_key: Some(Secret::new("public_live_ALSOSECRET")),
        ..Default::default()
    };
    let printed = format!("{config:?}");
    assert!(
        !printed.contains("TOPSECRET") && !printed.contains("ALSOSECRET"),
        "{printed}"
    );
    let req = ctx_build(&GetProfile {
        user: AdaptyUser::customer_user_id("u"),
    })
    .unwrap();
    assert!(!format!("{req:?}").contains("ce5zuDEWz06lFRNiaJC8mrLtL8fUwswD"));
    let receiver = webhooks::WebhookReceiver::new("Bearer webhook-TOPSECRET").unwrap();
    assert!(!format!("{receiver:?}").contains("TOPSECRET"));
    let err = receiver
        .receive([("authorization", "Bearer nope")], b"{}")
        .unwrap_err();
    assert!(!err.to_string().contains("TOPSECRET"));
}

#[test]
fn conversion_export_sends_periods_as_the_caller_gave_them() {
    // The documented example sends `from_period` as a number and `to_period` as text.
    let documented = ExportConversion {
        filters: MetricsFilters {
            date: vec!["2024-01-01".into(), "2024-12-31".into()],
            ..Default::default()
        },
        from_period: Some(1.into()),
        to_period: Some("6+".into()),
        ..Default::default()
    };
    let req = ctx_build(&documented).unwrap();
    assert_eq!(
        req.url,
        "https://api-admin.adapty.io/api/v1/client-api/metrics/conversion/"
    );
    let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
    assert_eq!(body["from_period"], serde_json::json!(1));
    assert_eq!(body["to_period"], serde_json::json!("6+"));
    // Both forms read from JSON (the JS and JSON surfaces).
    let read: ExportConversion = serde_json::from_str(
        r#"{"filters":{"date":["2024-01-01","2024-12-31"]},"from_period":1,"to_period":"6+"}"#,
    )
    .unwrap();
    assert_eq!(read.from_period, Some(ConversionPeriod::Number(1)));
    assert_eq!(read.to_period, Some(ConversionPeriod::Text("6+".into())));
    let missing = ExportConversion {
        to_period: Some(ConversionPeriod::Text(" ".into())),
        ..documented
    };
    assert_eq!(
        ctx_build(&missing).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn every_request_record_can_be_written_with_default() {
    // Unset required values are refused before sending, never sent as empty strings.
    let tx = SetTransaction {
        user: AdaptyUser::customer_user_id("u"),
        transaction: Transaction {
            store: "app_store".into(),
            ..Default::default()
        },
    };
    assert_eq!(ctx_build(&tx).unwrap_err().kind(), ErrorKind::InvalidInput);
    let attribution = SetWebAttribution {
        request: WebAttributionRequest {
            customer_user_id: Some("u".into()),
            ..Default::default()
        },
    };
    let e = ctx_build(&attribution).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("status"), "{e}");
    let placements = ExportPlacements::default();
    let e = ctx_build(&placements).unwrap_err();
    assert!(e.to_string().contains("placement_type"), "{e}");
}

/// The requests the registry found without a wire test: each one's exact method, URL, headers and body.
#[test]
fn access_levels_refund_saver_paddle_ids_paywall_visit_wire_bytes() {
    let user = || AdaptyUser::customer_user_id("u1");
    let server = |path: &str| format!("https://api.adapty.io/api/v2/server-side-api/{path}");
    let json_headers = |profile: bool| {
        let mut hs = vec![
            AUTH,
            ("Accept", "application/json"),
            ("Content-Type", "application/json"),
        ];
        if profile {
            hs.push(("adapty-customer-user-id", "u1"));
        }
        h(&hs)
    };
    let body = |req: &HttpRequest| String::from_utf8(req.body.clone()).unwrap();

    let grant = ctx_build(&GrantAccessLevel {
        user: user(),
        request: GrantAccessLevelRequest {
            access_level_id: "premium".into(),
            starts_at: Some("2024-01-01T00:00:00Z".into()),
            expires_at: Some("2025-01-01T00:00:00Z".into()),
        },
    })
    .unwrap();
    assert_eq!(
        (grant.method, grant.url.as_str()),
        (
            Method::Post,
            server("purchase/profile/grant/access-level/").as_str()
        )
    );
    assert_eq!(headers(&grant), json_headers(true));
    assert_eq!(
        body(&grant),
        r#"{"access_level_id":"premium","starts_at":"2024-01-01T00:00:00Z","expires_at":"2025-01-01T00:00:00Z"}"#
    );

    let revoke = ctx_build(&RevokeAccessLevel {
        user: user(),
        request: RevokeAccessLevelRequest {
            access_level_id: "premium".into(),
            revoke_at: None,
        },
    })
    .unwrap();
    assert_eq!(revoke.url, server("purchase/profile/revoke/access-level/"));
    assert_eq!(headers(&revoke), json_headers(true));
    assert_eq!(body(&revoke), r#"{"access_level_id":"premium"}"#);

    let refund = ctx_build(&SetRefundSaverSettings {
        user: user(),
        request: SetRefundSaverSettingsRequest {
            custom_preference: Some(RefundPreference::Decline),
            consent: Some(true),
        },
    })
    .unwrap();
    assert_eq!(
        refund.url,
        server("purchase/profile/refund-saver/settings/")
    );
    assert_eq!(
        body(&refund),
        r#"{"custom_preference":"decline","consent":true}"#
    );

    let paddle = ctx_build(&ValidatePaddlePurchase {
        request: ValidatePaddlePurchaseRequest {
            customer_user_id: "u1".into(),
            paddle_token: "txn_01".into(),
        },
    })
    .unwrap();
    assert_eq!(paddle.url, server("purchase/paddle/token/validate/"));
    assert_eq!(headers(&paddle), json_headers(false));
    assert_eq!(
        body(&paddle),
        r#"{"customer_user_id":"u1","paddle_token":"txn_01"}"#
    );

    let ids = ctx_build(&SetIntegrationIdentifiers {
        user: user(),
        identifiers: IntegrationIdentifiers {
            appsflyer_id: Some("af-1".into()),
            ..Default::default()
        },
    })
    .unwrap();
    assert_eq!(
        ids.url,
        server("integration/profile/set/integration-identifiers/")
    );
    assert_eq!(body(&ids), r#"{"appsflyer_id":"af-1"}"#);

    let paywall = ctx_build(&UpdatePaywall {
        paywall_id: "pw_1".into(),
        request: UpdatePaywallRequest {
            remote_configs: vec![RemoteConfig {
                locale: "en".into(),
                data: r#"{"title":"Hi"}"#.into(),
            }],
        },
    })
    .unwrap();
    assert_eq!(
        (paywall.method, paywall.url.as_str()),
        (Method::Put, server("paywalls/pw_1/").as_str())
    );
    assert_eq!(
        body(&paywall),
        r#"{"remote_configs":[{"locale":"en","data":"{\"title\":\"Hi\"}"}]}"#
    );
    let bad_id = ctx_build(&UpdatePaywall {
        paywall_id: "pw 1".into(),
        request: UpdatePaywallRequest::default(),
    })
    .unwrap_err();
    assert_eq!(bad_id.kind(), ErrorKind::InvalidInput);

    let visit = ctx_build(&RecordWebPaywallVisit {
        visit: WebPaywallVisit {
            store: "app_store".into(),
            variation_id: "v-1".into(),
            customer_user_id: Some("u1".into()),
            ..Default::default()
        },
    })
    .unwrap();
    assert_eq!(
        visit.url,
        "https://api.adapty.io/api/v2/web-api/paywall/visit/"
    );
    assert_eq!(
        visit.header("authorization"),
        Some("Api-Key public_live_abc")
    );
    assert_eq!(
        body(&visit),
        r#"{"store":"app_store","variation_id":"v-1","customer_user_id":"u1"}"#
    );
}

/// Cohort, funnel, LTV and retention exports: the documented body (filters, the chart's own fields,
/// `format`) and `Accept` from the format.
#[test]
fn cohort_funnel_ltv_retention_export_wire_bytes() {
    let metrics =
        |path: &str| format!("https://api-admin.adapty.io/api/v1/client-api/metrics/{path}/");
    let q1 = || MetricsFilters {
        date: vec!["2024-01-01".into(), "2024-03-31".into()],
        ..Default::default()
    };
    let body = |req: &HttpRequest| String::from_utf8(req.body.clone()).unwrap();
    let cohort = ctx_build(&ExportCohort {
        filters: q1(),
        period_unit: Some("month".into()),
        period_type: Some("renewals".into()),
        value_type: Some("absolute".into()),
        prediction_months: Some(12),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        (cohort.method, cohort.url.as_str()),
        (Method::Post, metrics("cohort").as_str())
    );
    assert_eq!(cohort.header("accept"), Some("application/json"));
    assert_eq!(
        body(&cohort),
        r#"{"filters":{"date":["2024-01-01","2024-03-31"]},"period_unit":"month","period_type":"renewals","value_type":"absolute","prediction_months":12,"format":"json"}"#
    );
    let bad = ctx_build(&ExportCohort {
        filters: q1(),
        prediction_months: Some(5),
        ..Default::default()
    })
    .unwrap_err();
    assert!(
        matches!(&bad, adkit::Error::InvalidInput { field, .. } if field == "prediction_months"),
        "{bad}"
    );

    let funnel = ctx_build(&ExportFunnel {
        filters: q1(),
        show_value_as: Some("both".into()),
        period_unit: Some("week".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(funnel.url, metrics("funnel"));
    assert_eq!(
        body(&funnel),
        r#"{"filters":{"date":["2024-01-01","2024-03-31"]},"show_value_as":"both","period_unit":"week","format":"json"}"#
    );

    let ltv = ctx_build(&ExportLtv {
        filters: q1(),
        period_unit: Some("month".into()),
        period_type: Some("days".into()),
        format: ExportFormat::Csv,
        ..Default::default()
    })
    .unwrap();
    assert_eq!(ltv.url, metrics("ltv"));
    assert_eq!(ltv.header("accept"), Some("text/csv"));
    assert_eq!(
        body(&ltv),
        r#"{"filters":{"date":["2024-01-01","2024-03-31"]},"period_unit":"month","period_type":"days","format":"csv"}"#
    );

    let retention = ctx_build(&ExportRetention {
        filters: q1(),
        period_unit: Some("day".into()),
        use_trial: Some(true),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(retention.url, metrics("retention"));
    assert_eq!(
        body(&retention),
        r#"{"filters":{"date":["2024-01-01","2024-03-31"]},"period_unit":"day","use_trial":true,"format":"json"}"#
    );
    let no_dates = ctx_build(&ExportRetention::default()).unwrap_err();
    assert!(
        matches!(&no_dates, adkit::Error::InvalidInput { field, .. } if field == "filters.date"),
        "{no_dates}"
    );
}
