//! The README's first command: starts the embedded sandbox and walks every Adjust endpoint through
//! the native Rust client, printing what each returned. With `ADJUST_API_TOKEN` set it then makes
//! read-only calls against the real settings API (`ADJUST_APP_TOKEN`, `ADJUST_STORE_ID` +
//! `ADJUST_PLATFORM`, `ADJUST_BUNDLE_ID` choose what to read).
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
        .create_app(&CreateAppRequest {
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

    let campaign = CreateCampaignRequest {
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
        .generate_signature(&GenerateSignatureRequest {
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
            .update_app(&UpdateAppRequest {
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

    real_api().await;
    Ok(())
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
