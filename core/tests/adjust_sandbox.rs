//! The native client (reqwest) against the sandbox: every endpoint, state seen through the sandbox,
//! faults, and credentials that never reach another origin.

use std::time::Duration;

use adkit::adjust::*;
use adkit::{ErrorKind, TransportErrorKind};
use adkit_sandbox::Sandbox;
use serde_json::{Value, json};

const HASH: &str = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD";

fn client(
    sb: &Sandbox,
    token: &str,
) -> AdjustClient<adkit::native::ReqwestTransport, adkit::native::TokioTimer> {
    let mut config = AdjustConfig::new(token)
        .with_signature_token("sig_sandbox")
        .with_base_url(sb.adjust_url());
    config.options.initial_backoff = Duration::from_millis(10);
    AdjustClient::native(config).unwrap()
}

async fn control(sb: &Sandbox, method: &str, path: &str, body: Option<Value>) -> Value {
    let c = reqwest::Client::new();
    let url = format!("{}{}", sb.base_url, path);
    let req = if method == "POST" {
        c.post(url)
            .header("content-type", "application/json")
            .body(body.unwrap_or(Value::Null).to_string())
    } else {
        c.get(url)
    };
    serde_json::from_slice(&req.send().await.unwrap().bytes().await.unwrap()).unwrap()
}

fn android_app(store_id: &str) -> CreateApp {
    CreateApp {
        store_id: store_id.into(),
        platform: Platform::Android,
        name: "Sandbox App".into(),
        bundle_id: store_id.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn every_endpoint_round_trips() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "adj_every");
    let mut req = android_app("com.example.every");
    let setup = ChannelSetup {
        snapchat: Some(SnapchatSetup {
            snap_app_id: Some("snap-9".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    req.channel_setup = Some(setup);
    let created = c.create_app(&req).await.unwrap();
    assert_eq!(created.adjust_app_token.len(), 12);
    assert!(created.request_id.as_deref().unwrap().starts_with("sbx-"));
    let ticket = created.ticket_token.clone().unwrap();

    // get-or-create: same app, and an unchanged body makes no new job.
    let again = c.create_app(&req).await.unwrap();
    assert_eq!(again.adjust_app_token, created.adjust_app_token);
    assert_eq!(again.ticket_token, None);

    let details = c.get_app(&created.adjust_app_token).await.unwrap();
    assert_eq!(details.name, "Sandbox App");
    assert_eq!(
        details.channel_setup.unwrap()["snapchat"].value().clone(),
        json!({"app_id": "snap-9"})
    );

    let found = c
        .find_app("com.example.every", Platform::Android)
        .await
        .unwrap();
    assert_eq!(found.adjust_app_token, created.adjust_app_token);

    let mut progress = Vec::new();
    let options = WaitOptions {
        timeout_ms: 10_000,
        initial_interval_ms: 5,
        max_interval_ms: 20,
    };
    let done = c
        .wait_for_ticket(&ticket, options, |s| progress.push(s.status.clone()))
        .await
        .unwrap();
    assert_eq!(
        progress,
        vec![
            TicketState::New,
            TicketState::Opened,
            TicketState::Completed
        ]
    );
    assert_eq!(done.sections["events"].successes.len(), 2);

    let urls = c
        .create_campaign(&CreateCampaign {
            store_id: "com.example.every".into(),
            platform: Platform::Android,
            channel: "snapchat".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(urls.click_url.starts_with("https://app.adjust.com/"));
    let channels = c.list_channels(&created.adjust_app_token).await.unwrap();
    assert_eq!(channels.channels, vec!["organic", "snapchat"]);

    let libs = c.get_signature("com.example.every").await.unwrap();
    assert_eq!(
        libs.android_app_token.as_deref(),
        Some(created.adjust_app_token.as_str())
    );
    assert_eq!(libs.android_lib_url, None);

    let generated = c
        .generate_signature(&GenerateSignature {
            app_token: created.adjust_app_token.clone(),
            platform: Platform::Android,
            android_signature_hash: Some(HASH.into()),
            force_sdk_signature: Some(true),
        })
        .await
        .unwrap();
    let sig = c
        .wait_for_ticket(&generated.ticket_token, options, |_| {})
        .await
        .unwrap();
    assert!(sig.signatures["android"].success);
    assert!(
        c.get_signature("com.example.every")
            .await
            .unwrap()
            .android_lib_url
            .is_some()
    );

    let updated = c
        .update_app(&UpdateApp {
            app_token: created.adjust_app_token.clone(),
            name: Some("Renamed".into()),
            store_id: Some("com.example.every2".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (updated.name.as_str(), updated.store_id.as_str()),
        ("Renamed", "com.example.every2")
    );
    let details = c.get_app(&created.adjust_app_token).await.unwrap();
    assert_eq!(details.store_id, "com.example.every2");

    // The sandbox saw the SDK header on every call.
    let log = control(&sb, "GET", "/__sandbox/requests?key=adj_every", None).await;
    let log = log.as_array().unwrap();
    assert!(
        log.iter()
            .all(|r| r["client"].as_str().unwrap().starts_with("adkit/"))
    );
}

#[tokio::test]
async fn vendor_errors_are_typed() {
    let sb = Sandbox::start().await.unwrap();
    let err = client(&sb, "wrong-token")
        .get_app("abcdefabcdef")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(err.status(), Some(401));
    assert!(err.request_id().is_some());

    let c = client(&sb, "adj_errors");
    let err = c.get_app("abcdefabcdef").await.unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::NotFound, Some(404)));

    let mut verification = android_app("com.example.v");
    verification.verification = Some(true);
    let err = c.create_app(&verification).await.unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(err.to_string().contains("Verification is not enabled"));

    c.create_app(&android_app("com.example.fb")).await.unwrap();
    let err = c
        .create_campaign(&CreateCampaign {
            store_id: "com.example.fb".into(),
            platform: Platform::Android,
            channel: "facebook".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("channel_setup_incomplete"));

    // A template the sandbox does not know: the ticket ends FAILED, returned as a status.
    let mut bad_template = android_app("com.example.fail");
    bad_template.template_app_token = Some("nosuchtemplate".into());
    let t = c
        .create_app(&bad_template)
        .await
        .unwrap()
        .ticket_token
        .unwrap();
    let options = WaitOptions {
        timeout_ms: 10_000,
        initial_interval_ms: 5,
        max_interval_ms: 20,
    };
    let done = c.wait_for_ticket(&t, options, |_| {}).await.unwrap();
    assert_eq!(done.status, TicketState::Failed);
    assert!(done.sections["partners"].detail.is_some());
}

#[tokio::test]
async fn faults_retries_and_decode_errors() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "adj_faults");
    let app = c
        .create_app(&android_app("com.example.faults"))
        .await
        .unwrap()
        .adjust_app_token;
    let fault = |faults: Value| {
        control(
            &sb,
            "POST",
            "/__sandbox/faults",
            Some(json!({"key": "adj_faults", "faults": faults})),
        )
    };

    fault(json!([{"status": 503, "retry_after": "0"}, {"status": 429, "retry_after": "0"}])).await;
    assert_eq!(c.get_app(&app).await.unwrap().adjust_app_token, app);

    fault(json!([{"status": 429, "retry_after": "0"}, {"status": 429, "retry_after": "0"}, {"status": 429, "retry_after": "1"}])).await;
    let err = c.get_app(&app).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));

    fault(json!([{"status": 200, "body": "<html>gateway</html>", "content_type": "text/html"}]))
        .await;
    let err = c.get_app(&app).await.unwrap_err();
    assert_eq!(
        (err.kind(), err.status(), err.body_excerpt()),
        (ErrorKind::Decode, Some(200), Some("<html>gateway</html>"))
    );

    fault(json!([{"status": 200, "body": "{\"adjust_app_token\": \"ab"}])).await;
    assert_eq!(c.get_app(&app).await.unwrap_err().kind(), ErrorKind::Decode);

    fault(json!([{"oversized_bytes": 17 * 1024 * 1024}])).await;
    let err = c.get_app(&app).await.unwrap_err();
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::BodyTooLarge),
        "{err}"
    );

    // A POST that is not safe to repeat is sent exactly once on 503.
    let before = control(&sb, "GET", "/__sandbox/requests?key=adj_faults", None)
        .await
        .as_array()
        .unwrap()
        .len();
    fault(json!([{"status": 503}])).await;
    let err = c
        .update_app(&UpdateApp {
            app_token: app.clone(),
            name: Some("x".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let after = control(&sb, "GET", "/__sandbox/requests?key=adj_faults", None)
        .await
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after - before, 1);

    // Timeout.
    let mut config = AdjustConfig::new("adj_faults").with_base_url(sb.adjust_url());
    config.options.timeout = Duration::from_millis(200);
    config.options.max_retries = 0;
    let slow = AdjustClient::native(config).unwrap();
    fault(json!([{"delay_ms": 1500}])).await;
    let err = slow.get_app(&app).await.unwrap_err();
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::Timeout),
        "{err}"
    );
}

#[tokio::test]
async fn credentials_never_reach_another_origin() {
    let sb = Sandbox::start().await.unwrap();
    let c = client(&sb, "adj_redirect");
    c.create_app(&android_app("com.example.redirect"))
        .await
        .unwrap();
    let location = format!("{}/collect", sb.other_origin_url);
    control(
        &sb,
        "POST",
        "/__sandbox/faults",
        Some(json!({"key": "adj_redirect", "faults": [{"redirect_to": location}]})),
    )
    .await;
    let err = c
        .find_app("com.example.redirect", Platform::Android)
        .await
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Decode,
        "the other origin's answer is not an app"
    );
    let seen = control(&sb, "GET", "/__sandbox/other-origin/requests", None).await;
    let seen = seen.as_array().unwrap();
    assert_eq!(seen.len(), 1);
    let headers: Vec<&str> = seen[0]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(!headers.contains(&"adjustauthorization"), "{headers:?}");
    assert!(!headers.contains(&"signatureauthorization"), "{headers:?}");
    assert!(headers.contains(&"x-adkit-client"));
}

#[tokio::test]
async fn broken_connections_and_refused_ones() {
    let sb = Sandbox::start().await.unwrap();
    let raw_client = |path: &str| {
        let mut config =
            AdjustConfig::new("adj_raw").with_base_url(format!("{}/{path}/", sb.raw_faults_url));
        config.options.initial_backoff = Duration::from_millis(5);
        AdjustClient::native(config).unwrap()
    };
    // A reset connection and a body cut short: typed transport errors, never a panic or a hang.
    for path in ["reset", "truncated"] {
        let err = raw_client(path).get_app("abcdefabcdef").await.unwrap_err();
        assert_eq!(
            err.transport_kind(),
            Some(TransportErrorKind::Other),
            "{path}: {err}"
        );
    }
    // A port nobody listens on: a connect error, retried, then reported.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut config = AdjustConfig::new("adj_raw").with_base_url(format!("http://{closed}/"));
    config.options.initial_backoff = Duration::from_millis(5);
    let err = AdjustClient::native(config)
        .unwrap()
        .get_app("abcdefabcdef")
        .await
        .unwrap_err();
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::Connect),
        "{err}"
    );
}
