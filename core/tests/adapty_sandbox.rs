//! The native Adapty client against the sandbox: profiles, access, transactions, paywalls, virtual
//! currency, exports, the Web API, webhooks end to end, and bulk work.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use adkit::adapty::webhooks::{WebhookDelivery, WebhookEventType, WebhookReceiver};
use adkit::adapty::*;
use adkit::native::{ReqwestTransport, TokioTimer};
use adkit::{ErrorKind, Secret};
use adkit_sandbox::Sandbox;
use futures_util::StreamExt;

type Client = AdaptyClient<ReqwestTransport, TokioTimer>;

fn client(sb: &Sandbox, key: &str) -> Client {
    let mut config = if key.starts_with("public_") {
        AdaptyConfig::public(key)
    } else {
        AdaptyConfig::secret(key)
    }
    .with_base_url(sb.adapty_url());
    config.options.initial_backoff = Duration::from_millis(5);
    AdaptyClient::native(config).unwrap()
}

fn premium() -> GrantAccessLevelRequest {
    GrantAccessLevelRequest {
        access_level_id: "premium".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn profile_lifecycle_through_the_sandbox() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_profiles");
    let user = AdaptyUser::customer_user_id("user-1");
    let created = c
        .create_profile(
            &user,
            &ProfileRequest {
                email: Some("ann@example.com".into()),
                custom_attributes: Some(vec![CustomAttribute {
                    key: "level".into(),
                    value: AttributeValue::Number(10.0),
                }]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(created.customer_user_id.as_deref(), Some("user-1"));
    assert!(created.request_id.is_some());
    let by_id = AdaptyUser::profile_id(created.profile_id.clone());
    let read = c.get_profile(&by_id).await.unwrap();
    assert_eq!(
        read.custom_attributes[0].value,
        AttributeValue::Number(10.0)
    );
    let granted = c.grant_access_level(&user, &premium()).await.unwrap();
    assert!(granted.access_level("premium").unwrap().is_active_at(0));
    let revoked = c
        .revoke_access_level(
            &user,
            &RevokeAccessLevelRequest {
                access_level_id: "premium".into(),
                revoke_at: None,
            },
        )
        .await
        .unwrap();
    assert!(revoked.access_level("premium").is_none());
    // A second immediate revoke: the profile has no such level any more.
    let again = c
        .revoke_access_level(
            &user,
            &RevokeAccessLevelRequest {
                access_level_id: "premium".into(),
                revoke_at: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        again.code(),
        Some("profile_paid_access_level_does_not_exist")
    );
    let unknown = c
        .grant_access_level(
            &user,
            &GrantAccessLevelRequest {
                access_level_id: "gold".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        (unknown.kind(), unknown.code()),
        (ErrorKind::Api, Some("paid_access_level_does_not_exist"))
    );
    c.delete_profile(&user).await.unwrap();
    let gone = c.get_profile(&by_id).await.unwrap_err();
    assert_eq!(
        (gone.kind(), gone.status()),
        (ErrorKind::NotFound, Some(404))
    );
    // The same typed error from the 400 form on grant.
    let gone400 = c.grant_access_level(&user, &premium()).await.unwrap_err();
    assert_eq!(
        (gone400.kind(), gone400.status(), gone400.code()),
        (
            ErrorKind::NotFound,
            Some(400),
            Some("profile_does_not_exist")
        )
    );
}

#[tokio::test]
async fn transactions_change_the_profile() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_txn");
    let user = AdaptyUser::customer_user_id("buyer");
    c.create_profile(&user, &ProfileRequest::default())
        .await
        .unwrap();
    let mut t = Transaction {
        purchase_type: PurchaseType::Subscription,
        store: "app_store".into(),
        environment: None,
        store_product_id: "monthly".into(),
        store_transaction_id: "t-1".into(),
        store_original_transaction_id: "t-1".into(),
        price: Price {
            country: "US".into(),
            currency: "USD".into(),
            value: 9.99,
        },
        purchased_at: "2030-01-01T00:00:00Z".into(),
        is_family_shared: None,
        variation_id: None,
        offer: None,
        refunded_at: None,
        cancellation_reason: None,
        originally_purchased_at: Some("2030-01-01T00:00:00Z".into()),
        expires_at: Some("2030-02-01T00:00:00Z".into()),
        renew_status: Some(true),
        renew_status_changed_at: None,
        billing_issue_detected_at: None,
        grace_period_expires_at: None,
    };
    let p = c.set_transaction(&user, &t).await.unwrap();
    assert_eq!(p.subscriptions.len(), 1);
    assert_eq!(p.total_revenue_usd, 9.99);
    assert_eq!(
        p.access_level("premium").unwrap().expires_at.as_deref(),
        Some("2030-02-01T00:00:00+00:00")
    );
    // Same store_transaction_id: an update, no new revenue.
    t.billing_issue_detected_at = Some("2030-01-20T00:00:00Z".into());
    let p = c.set_transaction(&user, &t).await.unwrap();
    assert_eq!(p.total_revenue_usd, 9.99);
    assert_eq!(
        p.subscriptions[0].billing_issue_detected_at.as_deref(),
        Some("2030-01-20T00:00:00+00:00")
    );
}

#[tokio::test]
async fn settings_identifiers_paywalls_and_validation() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_misc");
    let user = AdaptyUser::customer_user_id("misc");
    c.create_profile(&user, &ProfileRequest::default())
        .await
        .unwrap();
    let s = c
        .set_refund_saver_settings(
            &user,
            &SetRefundSaverSettingsRequest {
                custom_preference: Some(RefundPreference::Grant),
                consent: Some(true),
            },
        )
        .await
        .unwrap();
    assert_eq!(s.custom_preference, Some(RefundPreference::Grant));
    assert_eq!(
        c.get_refund_saver_settings(&user).await.unwrap().consent,
        Some(true)
    );
    c.set_integration_identifiers(
        &user,
        &IntegrationIdentifiers {
            appsflyer_id: Some("af-1".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let ids = c.get_integration_identifiers(&user).await.unwrap();
    assert_eq!(ids.appsflyer_id.as_deref(), Some("af-1"));
    assert_eq!(ids.adjust_device_id, None);
    let nobody = c
        .get_integration_identifiers(&AdaptyUser::customer_user_id("nobody"))
        .await
        .unwrap_err();
    assert_eq!(nobody.kind(), ErrorKind::NotFound);

    let page = c
        .list_paywalls(&adkit::adapty::ListPaywalls {
            page: Some(3),
            page_size: Some(20),
        })
        .await
        .unwrap();
    assert_eq!(
        (
            page.pagination.count,
            page.pagination.pages,
            page.items.len()
        ),
        (45, 3, 5)
    );
    let id = page.items[0].paywall_id.clone();
    // Every paywall through core's pager: 45 in pages of 20 (3 requests), none twice.
    let before = sb.state.requests_for("secret_misc").len();
    let all = c
        .collect_all(
            adkit::adapty::ListPaywalls {
                page_size: Some(20),
                ..Default::default()
            },
            45,
        )
        .await
        .unwrap();
    let mut ids: Vec<_> = all.iter().map(|p| p.paywall_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 45);
    assert_eq!(sb.state.requests_for("secret_misc").len() - before, 3);
    // A cap below the count is refused after the first page, from `meta.pagination.count`.
    let over = c
        .collect_all(adkit::adapty::ListPaywalls::default(), 44)
        .await
        .unwrap_err();
    assert_eq!(over.kind(), ErrorKind::InvalidInput);
    assert!(over.to_string().contains("cap"), "{over}");
    assert_eq!(
        sb.state.requests_for("secret_misc").len() - before,
        4,
        "one page, then refused"
    );
    let updated = c
        .update_paywall(
            &id,
            &UpdatePaywallRequest {
                remote_configs: vec![RemoteConfig {
                    locale: "de".into(),
                    data: r#"{"title":"Jetzt"}"#.into(),
                }],
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.remote_configs[0].locale, "de");
    assert_eq!(c.get_paywall(&id).await.unwrap().remote_configs.len(), 1);
    let missing = c
        .get_paywall("00000000-0000-4000-8000-ffffffffffff")
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Some("paywall_does_not_exist"));

    c.validate_stripe_purchase(&ValidateStripePurchaseRequest {
        customer_user_id: "stripe-user".into(),
        stripe_token: "sub_1".into(),
    })
    .await
    .unwrap();
    let p = c
        .get_profile(&AdaptyUser::customer_user_id("stripe-user"))
        .await
        .unwrap();
    assert_eq!(p.customer_user_id.as_deref(), Some("stripe-user"));
    let paddle = c
        .validate_paddle_purchase(&ValidatePaddlePurchaseRequest {
            customer_user_id: "paddle-user".into(),
            paddle_token: "nope".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(
        paddle.code(),
        Some("invalid_paddle_credentials_or_purchase_not_found")
    );
}

#[tokio::test]
async fn virtual_currency_is_idempotent() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_vc");
    let user = AdaptyUser::customer_user_id("wallet");
    c.create_profile(&user, &ProfileRequest::default())
        .await
        .unwrap();
    let credit = VirtualCurrencyTransactionRequest {
        items: vec![CurrencyAmount {
            currency_code: "coins".into(),
            amount: 100,
        }],
        ..Default::default()
    };
    let first = c
        .create_virtual_currency_transaction(&user, &credit)
        .await
        .unwrap();
    assert_eq!(first.balances[0].balance, 100);
    assert_eq!(first.idempotency_key.len(), 36);
    // Replaying with the same key returns the first result and credits nothing.
    let replay = c
        .create_virtual_currency_transaction(
            &user,
            &VirtualCurrencyTransactionRequest {
                idempotency_key: Some(first.idempotency_key.clone()),
                ..credit.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(replay.transaction_id, first.transaction_id);
    let balances = c.list_virtual_currency_balances(&user).await.unwrap();
    assert_eq!(balances.balances[0].balance, 100);
    for _ in 0..3 {
        c.create_virtual_currency_transaction(&user, &credit)
            .await
            .unwrap();
    }
    let page = c
        .list_virtual_currency_transactions(
            &user,
            &VirtualCurrencyHistoryQuery {
                limit: Some(3),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 3);
    let rest = c
        .list_virtual_currency_transactions(
            &user,
            &VirtualCurrencyHistoryQuery {
                cursor: page.next_cursor.clone(),
                limit: Some(3),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((rest.items.len(), rest.next_cursor), (1, None));
    // The same history walked by core's pager: every entry once, newest first, across cursor pages.
    let first = ListVirtualCurrencyTransactions {
        user: user.clone(),
        query: VirtualCurrencyHistoryQuery {
            limit: Some(3),
            ..Default::default()
        },
    };
    let pages: Vec<_> = c.pages(first.clone()).collect().await;
    assert_eq!(
        pages
            .iter()
            .map(|p| p.as_ref().unwrap().items.len())
            .collect::<Vec<_>>(),
        [3, 1]
    );
    let all = c.collect_all(first.clone(), 4).await.unwrap();
    let ids: Vec<_> = all.iter().map(|t| t.transaction_id.clone()).collect();
    let paged: Vec<_> = page
        .items
        .iter()
        .chain(&rest.items)
        .map(|t| t.transaction_id.clone())
        .collect();
    assert_eq!(ids, paged);
    let over = c.collect_all(first, 3).await.unwrap_err();
    assert_eq!(over.kind(), ErrorKind::InvalidInput);
    let debit = c
        .create_virtual_currency_transaction(
            &user,
            &VirtualCurrencyTransactionRequest {
                items: vec![CurrencyAmount {
                    currency_code: "coins".into(),
                    amount: -1000,
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(debit.code(), Some("insufficient_balance"));
}

#[tokio::test]
async fn exports_json_and_csv_and_the_web_api() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_exp");
    let json = c
        .export_placements(&ExportPlacements {
            placement_type: PlacementType::Paywall,
            format: ExportFormat::Json,
        })
        .await
        .unwrap();
    let csv = c
        .export_placements(&ExportPlacements {
            placement_type: PlacementType::Paywall,
            format: ExportFormat::Csv,
        })
        .await
        .unwrap();
    assert_eq!(csv.format, ExportFormat::Csv);
    assert!(csv.raw.starts_with("developer_id,"));
    assert_eq!(json.rows.len(), 5);
    assert_eq!(json.rows, csv.rows);
    let m = c
        .export_analytics(&ExportAnalytics {
            chart_id: Some("revenue".into()),
            filters: MetricsFilters {
                date: vec!["2024-01-01".into(), "2024-12-31".into()],
                ..Default::default()
            },
            format: ExportFormat::Csv,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        m.table.unwrap().columns,
        vec!["date", "revenue", "installs"]
    );

    let web = client(&sb, "public_exp");
    let pw = web
        .get_web_paywall(&WebPaywallRequest {
            store: "app_store".into(),
            placement_id: "main".into(),
            customer_user_id: Some("web-user".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(pw.products[0].base_plan_id, None, "\"null\" reads as none");
    web.record_web_paywall_visit(&WebPaywallVisit {
        store: "app_store".into(),
        variation_id: pw.variation_id.clone(),
        visited_at: Some("2025-01-05T13:27:47Z".into()),
        customer_user_id: Some("web-user".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    web.set_web_attribution(&WebAttributionRequest {
        status: WebAttributionStatus::NonOrganic,
        channel: Some("Google Ads".into()),
        customer_user_id: Some("web-user".into()),
        attribution_user_id: None,
        campaign: None,
        ad_group: None,
        ad_set: None,
        creative: None,
        profile_id: None,
    })
    .await
    .unwrap();
    // The public key opens only the Web API; the secret key never reaches it.
    let e = web
        .get_profile(&AdaptyUser::customer_user_id("x"))
        .await
        .unwrap_err();
    assert!(matches!(e, adkit::Error::InvalidInput { ref field, .. } if field == "secret_key"));
    let e = c
        .get_web_paywall(&WebPaywallRequest {
            store: "app_store".into(),
            placement_id: "main".into(),
            customer_user_id: Some("web-user".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(e, adkit::Error::InvalidInput { ref field, .. } if field == "public_key"));
    let wrong = client(&sb, "public_exp");
    let _ = wrong;
}

/// A tiny webhook receiver (axum) that records what `WebhookReceiver` made of each delivery.
async fn receiver(authorization: &str) -> (String, Arc<Mutex<Vec<WebhookDelivery>>>) {
    use axum::body::Bytes;
    use axum::http::{HeaderMap, StatusCode};
    let seen: Arc<Mutex<Vec<WebhookDelivery>>> = Arc::default();
    let recv = Arc::new(WebhookReceiver::new(authorization).unwrap());
    let s = seen.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let (recv, s) = (recv.clone(), s.clone());
            async move {
                let hs: Vec<(&str, &str)> = headers
                    .iter()
                    .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)))
                    .collect();
                match recv.receive(hs, &body) {
                    Ok(d) => {
                        s.lock().unwrap().push(d);
                        (StatusCode::OK, WebhookReceiver::ACK_BODY)
                    }
                    Err(_) => (StatusCode::UNAUTHORIZED, "{}"),
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn webhooks_end_to_end() {
    let sb = Sandbox::start().await.unwrap();
    let (url, seen) = receiver("Bearer hook-secret").await;
    let http = reqwest::Client::new();
    let register = |auth: &str| {
        http.post(format!("{}/__sandbox/adapty/webhook", sb.base_url))
            .header("content-type", "application/json")
            .body(
                serde_json::json!({"key": "secret_hooks", "url": url, "authorization": auth})
                    .to_string(),
            )
            .send()
    };
    // A wrong Authorization value fails the handshake (our receiver answers 401).
    assert_eq!(register("Bearer wrong").await.unwrap().status(), 400);
    assert_eq!(register("Bearer hook-secret").await.unwrap().status(), 200);
    assert_eq!(seen.lock().unwrap()[0], WebhookDelivery::Verification);
    let c = client(&sb, "secret_hooks");
    let user = AdaptyUser::customer_user_id("hooked");
    let p = c
        .create_profile(&user, &ProfileRequest::default())
        .await
        .unwrap();
    c.grant_access_level(&user, &premium()).await.unwrap();
    for _ in 0..100 {
        if seen.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let got = seen.lock().unwrap().clone();
    let WebhookDelivery::Event { event } = &got[1] else {
        panic!("{got:?}")
    };
    assert_eq!(event.event_type, WebhookEventType::AccessLevelUpdated);
    assert_eq!(event.profile_id, p.profile_id);
    assert_eq!(
        event.event_properties.access_level_id.as_deref(),
        Some("premium")
    );
    assert!(
        event
            .dedupe_key
            .as_deref()
            .is_some_and(|k| k.starts_with("evt-"))
    );
    assert_eq!(
        event.event_datetime.as_deref(),
        Some("2025-01-05T13:27:47.000000+00:00")
    );
}

#[tokio::test]
async fn bulk_grant_and_delete_report_every_user() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "secret_bulk");
    let mut users: Vec<AdaptyUser> = Vec::new();
    for i in 0..40 {
        let u = AdaptyUser::customer_user_id(format!("bulk-{i}"));
        c.create_profile(&u, &ProfileRequest::default())
            .await
            .unwrap();
        users.push(u);
    }
    users.push(AdaptyUser::customer_user_id("never-created"));
    // Transient 503s on the first requests: the driver retries them (DELETE is repeatable).
    let http = reqwest::Client::new();
    http.post(format!("{}/__sandbox/faults", sb.base_url))
        .header("content-type", "application/json")
        .body(r#"{"key":"secret_bulk","faults":[{"status":503},{"status":503}]}"#)
        .send()
        .await
        .unwrap();
    let progress = Arc::new(Mutex::new(Vec::new()));
    let p2 = progress.clone();
    let report = c
        .bulk(
            &BulkOperation::Delete,
            users.clone(),
            &BulkOptions {
                concurrency: 8,
                stop_on_auth_error: true,
            },
            move |p| p2.lock().unwrap().push(p),
        )
        .await
        .unwrap();
    assert_eq!(report.items.len(), 41);
    assert_eq!((report.succeeded, report.failed), (40, 1));
    for (i, item) in report.items.iter().enumerate() {
        assert_eq!(item.index as usize, i);
        assert_eq!(item.user, users[i]);
    }
    assert_eq!(report.items[40].failure.as_ref().unwrap().kind, "not_found");
    let seen: Vec<BulkProgress> = progress.lock().unwrap().clone();
    assert_eq!(seen.len(), 41);
    assert_eq!(seen.last().unwrap().done, 41);
    assert_eq!(
        sb.state.adapty.lock().unwrap().profile_count("secret_bulk"),
        0
    );
    // Bad input anywhere in the list: nothing is sent.
    let bad = c
        .bulk(
            &BulkOperation::Grant { request: premium() },
            vec![
                AdaptyUser::customer_user_id("ok"),
                AdaptyUser::customer_user_id("bad\nid"),
            ],
            &BulkOptions::default(),
            |_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::InvalidInput);
    // An auth failure stops new requests; the rest are reported, not dropped.
    let wrong = client(&sb, "secret_other");
    let mut cfg = AdaptyConfig::secret(Secret::new("bogus_key")).with_base_url(sb.adapty_url());
    cfg.options.max_retries = 0;
    let bogus = AdaptyClient::native(cfg).unwrap();
    let r = bogus
        .bulk(
            &BulkOperation::Delete,
            (0..10)
                .map(|i| AdaptyUser::customer_user_id(format!("u{i}")))
                .collect(),
            &BulkOptions {
                concurrency: 1,
                stop_on_auth_error: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(r.items.len(), 10);
    assert_eq!(r.items[0].failure.as_ref().unwrap().kind, "auth");
    assert!(
        r.items[1..]
            .iter()
            .all(|i| i.failure.as_ref().unwrap().kind == "cancelled")
    );
    drop(wrong);
}
