//! The README's first command: starts the embedded sandbox and walks every Adjust endpoint and the
//! Adapty families (profiles, access, transactions, paywalls, virtual currency, exports in JSON and CSV,
//! the Web API, a webhook delivery, bulk work) through the native Rust client, printing what each
//! returned, then Admitad's authorization-code flow and publisher calls with the managed token (balances, a
//! report page, a capped collect, banners, a postback, a lost order with its receipt). With credentials set it
//! then makes read-only calls against the real APIs:
//! `ADJUST_API_TOKEN` (+ `ADJUST_APP_TOKEN`, `ADJUST_STORE_ID` + `ADJUST_PLATFORM`, `ADJUST_BUNDLE_ID`),
//! `ADAPTY_SECRET_KEY` (+ `ADAPTY_CUSTOMER_USER_ID`), `ADMITAD_CLIENT_ID` + `ADMITAD_CLIENT_SECRET`
//! (+ `ADMITAD_SCOPES`).
//!
//! `cargo run -p adkit --features reqwest --example tour`

use std::time::Duration;

use adkit::adjust::*;
use serde::Serialize;

fn show(title: &str, value: &impl Serialize) {
    println!("\n## {title}");
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => println!("(cannot print: {e})"),
    }
}

fn show_err(title: &str, err: &adkit::Error) {
    println!(
        "\n## {title}\nerror kind={:?} status={:?} code={:?} request_id={:?}\n{err}",
        err.kind(),
        err.status(),
        err.code(),
        err.request_id()
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = adkit_sandbox::Sandbox::start().await?;
    println!(
        "# adkit tour — Adjust settings API against the embedded sandbox at {}",
        sandbox.adjust_url()
    );
    let mut config = AdjustConfig::new("adj_tour")
        .with_signature_token("sig_tour")
        .with_base_url(sandbox.adjust_url());
    config.options.initial_backoff = Duration::from_millis(50);
    let client = AdjustClient::native(config)?;

    let created = client
        .create_app(&CreateApp {
            store_id: "com.example.tour".into(),
            platform: Platform::Android,
            name: "Tour App".into(),
            bundle_id: "com.example.tour".into(),
            channel_setup: Some(ChannelSetup {
                facebook: Some(FacebookSetup {
                    app_id: "1234567890".into(),
                    adimpression_forwarding: Some(true),
                }),
                ..Default::default()
            }),
            sections: Some(vec![Section::Events, Section::Partners]),
            ..Default::default()
        })
        .await?;
    show("create_app (POST /app)", &created);
    let app = created.adjust_app_token.clone();

    show("get_app (GET /app/{token})", &client.get_app(&app).await?);
    show(
        "find_app (GET /app?store_id=&platform=, redirect followed)",
        &client
            .find_app("com.example.tour", Platform::Android)
            .await?,
    );

    if let Some(ticket) = &created.ticket_token {
        let options = WaitOptions {
            timeout_ms: 30_000,
            initial_interval_ms: 100,
            max_interval_ms: 400,
        };
        let done = client
            .wait_for_ticket(ticket, options, |s| {
                println!("   ticket {ticket}: {}", s.status)
            })
            .await?;
        show("wait_for_ticket (polls GET /status/{ticket})", &done);
    }

    let campaign = CreateCampaign {
        store_id: "com.example.tour".into(),
        platform: Platform::Android,
        channel: "facebook".into(),
        ..Default::default()
    };
    show(
        "create_campaign (POST /campaign)",
        &client.create_campaign(&campaign).await?,
    );
    show(
        "list_channels (GET /app/{token}/channels)",
        &client.list_channels(&app).await?,
    );
    show(
        "get_signature (GET /signature?bundle_id=)",
        &client.get_signature("com.example.tour").await?,
    );

    let generated = client
        .generate_signature(&GenerateSignature {
            app_token: app.clone(),
            platform: Platform::Android,
            android_signature_hash: Some(vec!["AB"; 20].join(":")),
            force_sdk_signature: Some(true),
        })
        .await?;
    show("generate_signature (POST /signature)", &generated);
    show(
        "get_ticket_status (GET /status/{ticket})",
        &client.get_ticket_status(&generated.ticket_token).await?,
    );
    let options = WaitOptions {
        timeout_ms: 30_000,
        initial_interval_ms: 100,
        max_interval_ms: 400,
    };
    show(
        "wait_for_ticket (signature job)",
        &client
            .wait_for_ticket(&generated.ticket_token, options, |_| {})
            .await?,
    );
    show(
        "update_app (POST /app/{token})",
        &client
            .update_app(&UpdateApp {
                app_token: app.clone(),
                name: Some("Tour App (renamed)".into()),
                ..Default::default()
            })
            .await?,
    );

    // What failures look like: typed, before sending or from the vendor.
    if let Err(e) = client.get_app("../etc/passwd").await {
        show_err("bad input is refused before sending", &e);
    }
    let wrong = AdjustClient::native(
        AdjustConfig::new("not-a-sandbox-token").with_base_url(sandbox.adjust_url()),
    )?;
    if let Err(e) = wrong.get_app(&app).await {
        show_err("a wrong token is an auth error", &e);
    }

    adapty_tour(&sandbox).await?;
    admitad_tour(&sandbox).await?;
    real_api().await;
    real_adapty().await;
    real_admitad().await;
    Ok(())
}

/// The Adapty leg against the sandbox.
async fn adapty_tour(sandbox: &adkit_sandbox::Sandbox) -> Result<(), adkit::Error> {
    use adkit::adapty::*;
    println!(
        "\n# Adapty against the embedded sandbox at {}",
        sandbox.adapty_url()
    );
    let client = AdaptyClient::native(
        AdaptyConfig::secret("secret_tour").with_base_url(sandbox.adapty_url()),
    )?;
    let user = AdaptyUser::customer_user_id("tour-user");
    let profile = client
        .create_profile(
            &user,
            &ProfileRequest {
                email: Some("tour@example.com".into()),
                custom_attributes: Some(vec![CustomAttribute {
                    key: "favourite_colour".into(),
                    value: AttributeValue::Text("violet".into()),
                }]),
                ..Default::default()
            },
        )
        .await?;
    show("create_profile (POST /profile/)", &profile);
    let granted = client
        .grant_access_level(
            &user,
            &GrantAccessLevelRequest {
                access_level_id: "premium".into(),
                expires_at: Some("2099-01-01T00:00:00Z".into()),
                ..Default::default()
            },
        )
        .await?;
    show("grant_access_level", &granted.access_levels);
    let bought = client
        .set_transaction(
            &user,
            &Transaction {
                purchase_type: PurchaseType::OneTimePurchase,
                store: "app_store".into(),
                environment: Some(Environment::Sandbox),
                store_product_id: "coins_100".into(),
                store_transaction_id: "tour-txn-1".into(),
                store_original_transaction_id: "tour-txn-1".into(),
                price: Price {
                    country: "US".into(),
                    currency: "USD".into(),
                    value: 4.99,
                },
                purchased_at: "2025-01-05T13:27:47Z".into(),
                is_family_shared: None,
                variation_id: None,
                offer: None,
                refunded_at: None,
                cancellation_reason: None,
                originally_purchased_at: None,
                expires_at: None,
                renew_status: None,
                renew_status_changed_at: None,
                billing_issue_detected_at: None,
                grace_period_expires_at: None,
            },
        )
        .await?;
    show(
        "set_transaction (one-time purchase)",
        &bought.non_subscriptions,
    );
    let page = client
        .list_paywalls(&adkit::adapty::ListPaywalls {
            page: Some(1),
            page_size: Some(3),
        })
        .await?;
    show("list_paywalls (page 1, size 3)", &page.pagination);
    let credit = client
        .create_virtual_currency_transaction(
            &user,
            &VirtualCurrencyTransactionRequest {
                items: vec![CurrencyAmount {
                    currency_code: "coins".into(),
                    amount: 100,
                }],
                ..Default::default()
            },
        )
        .await?;
    show("create_virtual_currency_transaction", &credit);
    let csv = client
        .export_placements(&ExportPlacements {
            placement_type: PlacementType::Paywall,
            format: ExportFormat::Csv,
        })
        .await?;
    println!(
        "\n## export_placements (CSV, {} rows)\n{}",
        csv.rows.len(),
        csv.raw
    );
    let web = AdaptyClient::native(
        AdaptyConfig::public("public_tour").with_base_url(sandbox.adapty_url()),
    )?;
    let paywall = web
        .get_web_paywall(&WebPaywallRequest {
            store: "app_store".into(),
            placement_id: "main".into(),
            customer_user_id: Some("tour-user".into()),
            ..Default::default()
        })
        .await?;
    show("get_web_paywall (Web API, public key)", &paywall);
    let receiver = webhooks::WebhookReceiver::new("Bearer tour-hook")?;
    let body = br#"{"profile_id":"p","event_type":"subscription_started","event_properties":{"profile_event_id":"e-1","price_usd":9.99}}"#;
    show(
        "WebhookReceiver::receive (a delivery, Authorization checked in constant time)",
        &receiver.receive([("Authorization", "Bearer tour-hook")], body)?,
    );
    let users: Vec<AdaptyUser> = (0..20)
        .map(|i| AdaptyUser::customer_user_id(format!("tour-bulk-{i}")))
        .collect();
    for u in &users {
        client.create_profile(u, &ProfileRequest::default()).await?;
    }
    let report = client
        .bulk(
            &BulkOperation::Delete,
            users,
            &BulkOptions {
                concurrency: 8,
                stop_on_auth_error: true,
            },
            |_| {},
        )
        .await?;
    println!(
        "\n## bulk delete of 20 profiles, 8 in flight: {} succeeded, {} failed",
        report.succeeded, report.failed
    );
    client.delete_profile(&user).await?;
    if let Err(e) = client.get_profile(&user).await {
        show_err("get_profile after delete_profile", &e);
    }
    if let Err(e) = client
        .get_profile(&AdaptyUser {
            profile_id: Some("3286abd3-48b0-4e9c-a5f6-ac0a006333a6".into()),
            customer_user_id: Some("both".into()),
            platform: None,
        })
        .await
    {
        show_err("both ids where one is allowed: refused before sending", &e);
    }
    Ok(())
}

/// The Admitad leg against the sandbox: OAuth, the managed token and the publisher API.
async fn admitad_tour(sandbox: &adkit_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    use adkit::admitad::*;
    println!(
        "\n# Admitad against the embedded sandbox at {}",
        sandbox.admitad_url()
    );
    let config = AdmitadConfig::new(
        "adm_tour",
        "secret_adm_tour",
        [
            "private_data",
            "statistics",
            "private_data_balance",
            "public_data",
            "advcampaigns_for_website",
            "banners_for_website",
            "opt_codes",
            "manage_opt_codes",
            "lost_orders",
            "manage_lost_orders",
        ]
        .iter()
        .map(|s| Scope::parse(s))
        .collect(),
    )
    .with_base_url(sandbox.admitad_url());
    let client = AdmitadClient::native(config)?;
    let redirect_uri = "http://127.0.0.1:9/callback";
    let auth = client.authorization_url(redirect_uri)?;
    println!(
        "\n## authorization_url (state from the OS CSPRNG)\n{}",
        auth.url
    );
    // Play the user's browser: the sandbox approves at once and redirects back with code and state.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let back = http.get(&auth.url).send().await?;
    let location = back
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    println!("\n## the redirect back\n{location}");
    let code = parse_callback(&location, &auth.state)?;
    let tokens = client.exchange_code(&code, redirect_uri).await?;
    println!("\n## exchange_code -> {tokens:?} (tokens redacted in Debug)");
    show("me (GET /me/ with the managed token)", &client.me().await?);
    if let Err(e) = parse_callback(&location, "another-state") {
        show_err("a callback with another state", &e);
    }

    show(
        "balance (GET /me/balance/extended/; money as decimal text)",
        &client.send(&GetBalance { extended: true }).await?,
    );
    let report = ListStatistics {
        report: StatisticsReport::Dates,
        date_start: Some("01.01.2024".into()),
        limit: Some(2),
        ..Default::default()
    };
    show(
        "statistics (one page of the dates report)",
        &client.statistics(&report).await?,
    );
    let currencies = client.collect_all(ListCurrencies::default(), 100).await?;
    show("collect_all(ListCurrencies, cap 100)", &currencies);
    let banners = client
        .send(&ListBanners {
            program: 6,
            website: Some(22),
            limit: Some(2),
            ..Default::default()
        })
        .await?;
    println!(
        "\n## banners for ad space 22: {} in all, first: {}",
        banners.count, banners.items[0].name
    );
    let postback = client
        .send(&SaveOptCode {
            kind: OptCodeKind::Action,
            website: Some(22),
            url: Some(
                "https://me.example/postback?order=[[[order_id]]]&sum=[[[payment_sum]]]".into(),
            ),
            method: Some(PostbackMethod::Get),
            desc_mode: Some(DescMode::Simple),
            action_type: Some(ActionTypeFilter::Sale),
            statuses: vec![ActionStatus::Approved],
            ..Default::default()
        })
        .await?;
    show("save_opt_code (POST /opt_codes/action/create/)", &postback);
    let order = client
        .send(&CreateLostOrder {
            program: 6,
            website: 22,
            order_id: "TOUR-1".into(),
            order_date: "05.03.2024".into(),
            order_price: "1499.90".into(),
            comment: "Paid by card, not tracked".into(),
            appeal_id: None,
            estimated_reward: "45.00".into(),
            receipt: Attachment {
                file_name: "receipt.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.4 tour receipt".to_vec(),
            },
        })
        .await?;
    show("create_lost_order (multipart with the receipt)", &order);
    if let Err(e) = client
        .send(&ListBanners {
            program: 6,
            uri_scheme: Some("ftp".into()),
            ..Default::default()
        })
        .await
    {
        show_err("bad input is refused before sending", &e);
    }
    Ok(())
}

/// Read-only Admitad calls against the real API, when application credentials are given (client
/// credentials; the scopes the application has, `ADMITAD_SCOPES`, default `public_data private_data`).
async fn real_admitad() {
    use adkit::admitad::*;
    let (Ok(id), Ok(secret)) = (
        std::env::var("ADMITAD_CLIENT_ID"),
        std::env::var("ADMITAD_CLIENT_SECRET"),
    ) else {
        println!(
            "\n# Real Admitad API: skipped (set ADMITAD_CLIENT_ID and ADMITAD_CLIENT_SECRET, and ADMITAD_SCOPES, for read-only calls)"
        );
        return;
    };
    println!("\n# Real Admitad API: read-only calls against {DEFAULT_BASE_URL}");
    let scopes =
        std::env::var("ADMITAD_SCOPES").unwrap_or_else(|_| "public_data private_data".into());
    let config = AdmitadConfig::new(
        id,
        secret,
        scopes.split_whitespace().map(Scope::parse).collect(),
    );
    let client = match AdmitadClient::native(config) {
        Ok(c) => c,
        Err(e) => return show_err("client", &e),
    };
    match client.me().await {
        Ok(v) => show("me", &v),
        Err(e) => show_err("me", &e),
    }
    match client
        .send(&ListCurrencies {
            limit: Some(5),
            offset: None,
        })
        .await
    {
        Ok(v) => show("currencies (first 5)", &v),
        Err(e) => show_err("currencies", &e),
    }
    match client
        .send(&ListCodes {
            list: CodeList::WebsiteKinds,
            limit: Some(20),
            offset: None,
        })
        .await
    {
        Ok(v) => show("ad-space kinds", &v),
        Err(e) => show_err("ad-space kinds", &e),
    }
}

/// Read-only Adapty calls against the real API, when a secret key is given.
async fn real_adapty() {
    use adkit::adapty::*;
    let Ok(key) = std::env::var("ADAPTY_SECRET_KEY") else {
        println!(
            "\n# Real Adapty API: skipped (set ADAPTY_SECRET_KEY, and ADAPTY_CUSTOMER_USER_ID, for read-only calls)"
        );
        return;
    };
    println!("\n# Real Adapty API: read-only calls against {DEFAULT_BASE_URL}");
    let client = match AdaptyClient::native(AdaptyConfig::secret(key)) {
        Ok(c) => c,
        Err(e) => return show_err("client", &e),
    };
    match client
        .list_paywalls(&adkit::adapty::ListPaywalls {
            page: Some(1),
            page_size: Some(5),
        })
        .await
    {
        Ok(v) => show("list_paywalls", &v),
        Err(e) => show_err("list_paywalls", &e),
    }
    if let Ok(cuid) = std::env::var("ADAPTY_CUSTOMER_USER_ID") {
        match client
            .get_profile(&AdaptyUser::customer_user_id(cuid))
            .await
        {
            Ok(v) => show("get_profile", &v),
            Err(e) => show_err("get_profile", &e),
        }
    }
}

/// Read-only calls against the real API, when credentials are given.
async fn real_api() {
    let Ok(token) = std::env::var("ADJUST_API_TOKEN") else {
        println!(
            "\n# Real API: skipped (set ADJUST_API_TOKEN, and ADJUST_APP_TOKEN / ADJUST_STORE_ID + ADJUST_PLATFORM / ADJUST_BUNDLE_ID, for read-only calls)"
        );
        return;
    };
    println!("\n# Real API: read-only calls against {DEFAULT_BASE_URL}");
    let mut config = AdjustConfig::new(token);
    if let Ok(sig) = std::env::var("ADJUST_SIGNATURE_TOKEN") {
        config = config.with_signature_token(sig);
    }
    let client = match AdjustClient::native(config) {
        Ok(c) => c,
        Err(e) => return show_err("client", &e),
    };
    let mut any = false;
    if let Ok(app) = std::env::var("ADJUST_APP_TOKEN") {
        any = true;
        match client.get_app(&app).await {
            Ok(v) => show("get_app", &v),
            Err(e) => show_err("get_app", &e),
        }
        match client.list_channels(&app).await {
            Ok(v) => show("list_channels", &v),
            Err(e) => show_err("list_channels", &e),
        }
    }
    if let (Ok(store), Ok(platform)) = (
        std::env::var("ADJUST_STORE_ID"),
        std::env::var("ADJUST_PLATFORM"),
    ) {
        any = true;
        match client.find_app(&store, Platform::parse(&platform)).await {
            Ok(v) => show("find_app", &v),
            Err(e) => show_err("find_app", &e),
        }
    }
    if let Ok(bundle) = std::env::var("ADJUST_BUNDLE_ID") {
        any = true;
        match client.get_signature(&bundle).await {
            Ok(v) => show("get_signature", &v),
            Err(e) => show_err("get_signature", &e),
        }
    }
    if !any {
        println!(
            "(no ADJUST_APP_TOKEN, ADJUST_STORE_ID + ADJUST_PLATFORM or ADJUST_BUNDLE_ID set: nothing to read)"
        );
    }
}
