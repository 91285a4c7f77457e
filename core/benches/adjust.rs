//! Build + parse of every Adjust endpoint, each beside a plain `serde_json` typed decode of the same
//! response body (the floor for the parse half). `cargo bench -p adkit --bench adjust`.

use std::hint::black_box;

use adkit::adjust::*;
use adkit::driver::{Exchange, parse_base_url};
use adkit::{HttpResponse, Secret};
use criterion::{Criterion, criterion_group, criterion_main};

const APP: &str = r#"{"adjust_app_token":"p77yk727r18g","store_id":"test.bundle.app","platform":"android","name":"Test App Name","cross_promo_token":null,"additional_info":{"overrides":{"callbacks":[{"id":"global","url":"https://test.example.com"}]}},"android_signature_hash":null,"channel_setup":{"snapchat":{"app_id":"test.bundle.app"},"facebook":{"app_id":"1234567890"}}}"#;
const CREATED: &str = r#"{"adjust_app_token":"p77yk727r18g","name":"Test App Name","sk_app_id":null,"store_id":"test.bundle.app","bundle_id":"test.bundle.app","ticket_token":"af7702a9-ba95-6ba2-bdac-3f83e55ed8d3"}"#;
const URLS: &str = r#"{"click_url":"https://app.adjust.com/1lwd85","impression_url":"https://view.adjust.com/impression/1lwd85"}"#;
const LIBS: &str = r#"{"android_app_token":"p77yk727r18g","ios_app_token":null,"android_lib_url":"https://x.example/adjust-android.aar","ios_lib_url":null,"android_doctor_url":null,"ios_doctor_url":null,"ios_md5_sum":null,"android_md5_sum":"0123456789abcdef0123456789abcdef","library_type":"plugin"}"#;
const CHANNELS: &str = r#"["facebook","google","jetfuel_api","criteo","bytedance","moloco","aura_ironsource","snapchat"]"#;
const STATUS: &str = r#"{"status":"OPENED","events":{"successes":["install","purchase","level_up"],"failures":[]},"partners":{"section":"partners","detail":"Could not be start, because {events} sections has failed"}}"#;
const UPDATED: &str = r#"{"store_id":"test.bundle.app","name":"New","ticket_token":"af7702a9-ba95-6ba2-bdac-3f83e55ed8d3"}"#;
const SIGNED: &str = r#"{"ticket_token":"af7702a9-ba95-6ba2-bdac-3f83e55ed8d3"}"#;

fn bench_endpoint<E: AdjustEndpoint>(
    c: &mut Criterion,
    name: &str,
    endpoint: &E,
    body: &'static str,
) {
    let base = parse_base_url(DEFAULT_BASE_URL).expect("base");
    let api = Secret::new("tok");
    let sig = Secret::new("sig");
    let ctx = AdjustContext {
        base_url: &base,
        api_token: &api,
        signature_token: Some(&sig),
    };
    let exchange = Exchange::new(HttpResponse::new(200, body).with_header("x-request-id", "r"));
    let mut group = c.benchmark_group(name);
    group.bench_function("build", |b| {
        b.iter(|| black_box(endpoint.build(black_box(&ctx))))
    });
    group.bench_function("parse", |b| {
        b.iter(|| black_box(endpoint.parse(black_box(&exchange))))
    });
    group.bench_function("build+parse", |b| {
        b.iter(|| {
            let req = endpoint.build(black_box(&ctx));
            (
                black_box(req),
                black_box(endpoint.parse(black_box(&exchange))),
            )
        })
    });
    group.finish();
}

fn serde_baseline<T: serde::de::DeserializeOwned>(
    c: &mut Criterion,
    name: &str,
    body: &'static str,
) {
    c.bench_function(&format!("{name}/serde_json typed decode"), |b| {
        b.iter(|| black_box(serde_json::from_slice::<T>(black_box(body.as_bytes()))))
    });
}

fn adjust(c: &mut Criterion) {
    let hash = vec!["AB"; 20].join(":");
    let create = CreateApp {
        store_id: "test.bundle.app".into(),
        platform: Platform::Android,
        name: "Test App Name".into(),
        bundle_id: "test.bundle.app".into(),
        android_signature_hash: Some(hash.clone()),
        channel_setup: Some(ChannelSetup {
            facebook: Some(FacebookSetup {
                app_id: "1234567890".into(),
                adimpression_forwarding: None,
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    bench_endpoint(c, "create_app", &create, CREATED);
    serde_baseline::<CreateAppResponse>(c, "create_app", CREATED);
    bench_endpoint(
        c,
        "get_app",
        &GetApp {
            app_token: "p77yk727r18g".into(),
        },
        APP,
    );
    serde_baseline::<AppDetails>(c, "get_app", APP);
    bench_endpoint(
        c,
        "find_app",
        &FindApp {
            store_id: "test.bundle.app".into(),
            platform: Platform::Android,
        },
        APP,
    );
    serde_baseline::<AppDetails>(c, "find_app", APP);
    let campaign = CreateCampaign {
        store_id: "test.bundle.app".into(),
        platform: Platform::Android,
        channel: "facebook".into(),
        ..Default::default()
    };
    bench_endpoint(c, "create_campaign", &campaign, URLS);
    serde_baseline::<CampaignUrls>(c, "create_campaign", URLS);
    bench_endpoint(
        c,
        "get_signature",
        &GetSignature {
            bundle_id: "test.bundle.app".into(),
        },
        LIBS,
    );
    serde_baseline::<SignatureLibraries>(c, "get_signature", LIBS);
    bench_endpoint(
        c,
        "list_channels",
        &ListChannels {
            app_token: "p77yk727r18g".into(),
        },
        CHANNELS,
    );
    serde_baseline::<Vec<String>>(c, "list_channels", CHANNELS);
    let status = GetTicketStatus {
        ticket_token: "af7702a9-ba95-6ba2-bdac-3f83e55ed8d3".into(),
    };
    bench_endpoint(c, "get_ticket_status", &status, STATUS);
    serde_baseline::<serde_json::Value>(c, "get_ticket_status", STATUS);
    let update = UpdateApp {
        app_token: "p77yk727r18g".into(),
        name: Some("New".into()),
        ..Default::default()
    };
    bench_endpoint(c, "update_app", &update, UPDATED);
    serde_baseline::<UpdateAppResponse>(c, "update_app", UPDATED);
    let generate = GenerateSignature {
        app_token: "p77yk727r18g".into(),
        platform: Platform::Both,
        android_signature_hash: Some(hash),
        force_sdk_signature: Some(true),
    };
    bench_endpoint(c, "generate_signature", &generate, SIGNED);
    serde_baseline::<GenerateSignatureResponse>(c, "generate_signature", SIGNED);
}

criterion_group!(benches, adjust);
criterion_main!(benches);
