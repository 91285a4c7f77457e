//! Golden tests: every Adjust endpoint's exact request bytes and its parse of documented bodies.

use adkit::Endpoint;
use adkit::adjust::*;
use adkit::driver::{Exchange, parse_base_url};
use adkit::{ErrorKind, HttpResponse, Json, Method, Secret};
use serde_json::json;

const HASH: &str = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD";

fn build<E: AdjustEndpoint>(e: &E, with_sig: bool) -> Result<adkit::HttpRequest, adkit::Error> {
    let base = parse_base_url(DEFAULT_BASE_URL).unwrap();
    let api = Secret::new("tok123");
    let sig = Secret::new("sig456");
    e.build(&AdjustContext {
        base_url: &base,
        api_token: &api,
        signature_token: with_sig.then_some(&sig),
    })
}

fn headers(req: &adkit::HttpRequest) -> Vec<(&str, &str)> {
    req.headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

fn ok(body: &str) -> Exchange {
    Exchange::new(HttpResponse::new(200, body).with_header("X-Request-Id", "req-1"))
}

#[test]
fn create_app_wire_bytes() {
    let setup = ChannelSetup {
        snapchat: Some(SnapchatSetup {
            snap_app_id: Some("snap-1".into()),
            ..Default::default()
        }),
        applovin: Some(AppLovinSetup {
            sdk_keys: vec!["k1".into()],
        }),
        ..Default::default()
    };
    let req = CreateApp {
        store_id: "com.example.app".into(),
        platform: Platform::Android,
        name: "Example".into(),
        bundle_id: "com.example.app".into(),
        android_signature_hash: Some(HASH.into()),
        channel_setup: Some(setup),
        sections: Some(vec![Section::Events, Section::Other("brand_new".into())]),
        ..Default::default()
    };
    let http = build(&req, true).unwrap();
    assert_eq!(http.method, Method::Post);
    assert_eq!(http.url, "https://settings.adjust.com/api/app");
    assert_eq!(
        headers(&http),
        vec![
            ("Accept", "application/json"),
            ("AdjustAuthorization", "Token tok123"),
            ("SignatureAuthorization", "Token sig456"),
            ("Content-Type", "application/json"),
        ]
    );
    assert_eq!(
        String::from_utf8(http.body).unwrap(),
        format!(
            r#"{{"store_id":"com.example.app","platform":"android","name":"Example","bundle_id":"com.example.app","android_signature_hash":"{HASH}","channel_setup":{{"snapchat":{{"snap_app_id":"snap-1"}},"applovin":{{"sdk_keys":["k1"]}}}},"sections":["events","brand_new"]}}"#
        )
    );
    assert!(
        req.policy().idempotent,
        "POST /app is get-or-create and may be retried"
    );
}

#[test]
fn create_app_without_hash_sends_no_signature_header() {
    let req = CreateApp {
        store_id: "1125517808".into(),
        platform: Platform::Ios,
        name: "Ios".into(),
        bundle_id: "com.example.ios".into(),
        ..Default::default()
    };
    let http = build(&req, true).unwrap();
    assert!(http.header("SignatureAuthorization").is_none());
    assert_eq!(
        String::from_utf8(http.body).unwrap(),
        r#"{"store_id":"1125517808","platform":"ios","name":"Ios","bundle_id":"com.example.ios"}"#
    );
}

#[test]
fn create_app_parse_accepts_every_sk_app_id_form() {
    let req = CreateApp::default();
    for (raw, want) in [
        ("null", None),
        ("123456789", Some("123456789")),
        ("\"123\"", Some("123")),
    ] {
        let body = format!(
            r#"{{"adjust_app_token":"p77yk727r18g","name":"Test App Name","sk_app_id":{raw},"store_id":"test.bundle.app","bundle_id":"test.bundle.app","ticket_token":"af7702a9-ba95-6ba2-bdac-3f83e55ed8d3","new_field":1}}"#
        );
        let out = req.parse(&ok(&body)).unwrap();
        assert_eq!(out.adjust_app_token, "p77yk727r18g");
        assert_eq!(
            out.ticket_token.as_deref(),
            Some("af7702a9-ba95-6ba2-bdac-3f83e55ed8d3")
        );
        assert_eq!(out.sk_app_id.as_deref(), want);
        assert_eq!(out.request_id.as_deref(), Some("req-1"));
    }
}

#[test]
fn get_and_find_app_requests() {
    let http = build(
        &GetApp {
            app_token: "p77yk727r18g".into(),
        },
        true,
    )
    .unwrap();
    assert_eq!(
        (http.method, http.url.as_str()),
        (
            Method::Get,
            "https://settings.adjust.com/api/app/p77yk727r18g/"
        )
    );
    assert!(http.body.is_empty());
    assert!(http.header("SignatureAuthorization").is_none());

    let find = FindApp {
        store_id: "test.bundle app&x".into(),
        platform: Platform::Android,
    };
    let http = build(&find, false).unwrap();
    assert_eq!(
        http.url,
        "https://settings.adjust.com/api/app?store_id=test.bundle+app%26x&platform=android"
    );
    assert!(find.policy().follow_redirects);

    let details = find
        .parse(&ok(r#"{"adjust_app_token":"p77yk727r18g","store_id":"test.bundle.app","platform":"android","name":"N",
            "additional_info":{"overrides":{}},"channel_setup":{"snapchat":{"app_id":"test.bundle.app"}}}"#))
        .unwrap();
    assert_eq!(details.platform, Platform::Android);
    assert_eq!(
        details.channel_setup.unwrap()["snapchat"],
        Json::new(json!({"app_id": "test.bundle.app"}))
    );
    assert_eq!(
        details.additional_info,
        Some(Json::new(json!({"overrides": {}})))
    );
}

#[test]
fn campaign_request_and_urls() {
    let req = CreateCampaign {
        store_id: "com.example.app".into(),
        platform: Platform::Android,
        channel: "facebook".into(),
        ..Default::default()
    };
    let http = build(&req, true).unwrap();
    assert_eq!(http.url, "https://settings.adjust.com/api/campaign");
    assert_eq!(
        String::from_utf8(http.body).unwrap(),
        r#"{"store_id":"com.example.app","platform":"android","channel":"facebook"}"#
    );
    let urls = req
        .parse(&ok(r#"{"click_url": "https://app.adjust.com/1lwd85", "impression_url": "https://view.adjust.com/impression/1lwd85"}"#))
        .unwrap();
    assert_eq!(urls.click_url, "https://app.adjust.com/1lwd85");
    assert!(!req.policy().idempotent);
}

#[test]
fn signature_libraries_all_nullable() {
    let req = GetSignature {
        bundle_id: "com.example.app".into(),
    };
    let http = build(&req, true).unwrap();
    assert_eq!(
        http.url,
        "https://settings.adjust.com/api/signature?bundle_id=com.example.app"
    );
    assert_eq!(http.header("SignatureAuthorization"), Some("Token sig456"));
    let libs = req
        .parse(&ok(
            r#"{"android_app_token":"abc","ios_lib_url":null,"library_type":"plugin"}"#,
        ))
        .unwrap();
    assert_eq!(libs.android_app_token.as_deref(), Some("abc"));
    assert_eq!(libs.ios_lib_url, None);
    assert_eq!(libs.library_type.as_deref(), Some("plugin"));
}

#[test]
fn channels_accept_object_and_bare_array() {
    let req = ListChannels {
        app_token: "p77yk727r18g".into(),
    };
    assert_eq!(
        build(&req, false).unwrap().url,
        "https://settings.adjust.com/api/app/p77yk727r18g/channels"
    );
    let a = req
        .parse(&ok(r#"{"channels":["facebook","google"]}"#))
        .unwrap();
    let b = req.parse(&ok(r#"["facebook","google"]"#)).unwrap();
    assert_eq!(a.channels, vec!["facebook", "google"]);
    assert_eq!(a.channels, b.channels);
    let bad = req.parse(&ok(r#"{"channels":"facebook"}"#)).unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::Decode);
}

#[test]
fn ticket_status_sections_and_signatures() {
    let req = GetTicketStatus {
        ticket_token: "af7702a9-ba95-6ba2-bdac-3f83e55ed8d3".into(),
    };
    assert_eq!(
        build(&req, false).unwrap().url,
        "https://settings.adjust.com/api/status/af7702a9-ba95-6ba2-bdac-3f83e55ed8d3"
    );
    let st = req
        .parse(&ok(r#"{"status": "OPENED", "events": {"successes": ["install"], "failures": []},
            "partners": {"section": "partners", "detail": "Could not be start, because {events} sections has failed"}}"#))
        .unwrap();
    assert_eq!(st.status, TicketState::Opened);
    assert!(!st.status.is_terminal());
    assert_eq!(
        st.sections["events"].successes,
        vec![Json::new(json!("install"))]
    );
    assert!(
        st.sections["partners"]
            .detail
            .as_deref()
            .unwrap()
            .starts_with("Could not")
    );

    let sig = req
        .parse(&ok(r#"{"status":"COMPLETED","app_token":{"android":{"success":true,"msg":"Signature has been generated successfully"}},
            "force_sdk_signature":{"p77yk727r18g":"turned on"}}"#))
        .unwrap();
    assert!(sig.status.is_terminal());
    assert_eq!(
        sig.signatures["android"],
        SignatureResult {
            success: true,
            msg: "Signature has been generated successfully".into()
        }
    );
    assert_eq!(
        sig.force_sdk_signature.unwrap()["p77yk727r18g"],
        "turned on"
    );

    let lower = req.parse(&ok(r#"{"status":"completed"}"#)).unwrap();
    assert_eq!(lower.status, TicketState::Completed);
    let unknown = req.parse(&ok(r#"{"status":"PAUSED"}"#)).unwrap();
    assert_eq!(unknown.status, TicketState::Other("PAUSED".into()));
    assert!(!unknown.status.is_terminal());
}

#[test]
fn snapchat_setup_sends_the_key_the_caller_gave_and_never_a_duplicate_key() {
    // The app endpoint's documented example: `"snapchat": {"app_id": …}`.
    let documented = CreateApp {
        store_id: "test.bundle.app".into(),
        platform: Platform::Android,
        name: "Test App Name".into(),
        bundle_id: "test.bundle.app".into(),
        channel_setup: Some(ChannelSetup {
            snapchat: Some(SnapchatSetup {
                app_id: Some("test.bundle.app".into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let http = build(&documented, false).unwrap();
    assert_eq!(
        String::from_utf8(http.body).unwrap(),
        r#"{"store_id":"test.bundle.app","platform":"android","name":"Test App Name","bundle_id":"test.bundle.app","channel_setup":{"snapchat":{"app_id":"test.bundle.app"}}}"#
    );
    // Both keys read back.
    let read: SnapchatSetup = serde_json::from_str(r#"{"app_id":"a","snap_app_id":"s"}"#).unwrap();
    assert_eq!(
        (read.app_id.as_deref(), read.snap_app_id.as_deref()),
        (Some("a"), Some("s"))
    );
    // A typed partner and the open map for the same slug: refused, not a duplicate JSON key.
    let mut setup = documented.channel_setup.clone().unwrap();
    setup.other.insert(
        "snapchat".into(),
        serde_json::from_str(r#"{"app_id":"x"}"#).unwrap(),
    );
    let dup = CreateApp {
        channel_setup: Some(setup),
        ..documented.clone()
    };
    let err = build(&dup, false).unwrap_err();
    assert_eq!(err.kind(), adkit::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("channel_setup.snapchat"), "{err}");
    // Neither key: refused.
    let none = CreateApp {
        channel_setup: Some(ChannelSetup {
            snapchat: Some(SnapchatSetup::default()),
            ..Default::default()
        }),
        ..documented
    };
    assert!(build(&none, false).is_err());
}

#[test]
fn update_app_and_generate_signature() {
    let req = UpdateApp {
        app_token: "p77yk727r18g".into(),
        name: Some("New".into()),
        ..Default::default()
    };
    let http = build(&req, true).unwrap();
    assert_eq!(http.url, "https://settings.adjust.com/api/app/p77yk727r18g");
    assert_eq!(String::from_utf8(http.body).unwrap(), r#"{"name":"New"}"#);
    let out = req
        .parse(&ok(r#"{"store_id":"s","name":"New","ticket_token":"t-1"}"#))
        .unwrap();
    assert_eq!(out.ticket_token, "t-1");

    let generate = GenerateSignature {
        app_token: "p77yk727r18g".into(),
        platform: Platform::Both,
        android_signature_hash: Some(HASH.into()),
        force_sdk_signature: Some(true),
    };
    let http = build(&generate, true).unwrap();
    assert_eq!(http.url, "https://settings.adjust.com/api/signature");
    assert_eq!(http.header("AdjustAuthorization"), Some("Token tok123"));
    assert_eq!(http.header("SignatureAuthorization"), Some("Token sig456"));
    assert_eq!(
        String::from_utf8(http.body).unwrap(),
        format!(
            r#"{{"app_token":"p77yk727r18g","platform":"both","android_signature_hash":"{HASH}","force_sdk_signature":true}}"#
        )
    );
    let err = build(&generate, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn bad_input_is_refused_before_sending() {
    let cases: Vec<(&str, Result<adkit::HttpRequest, adkit::Error>)> = vec![
        (
            "slash in app token",
            build(
                &GetApp {
                    app_token: "abc/def".into(),
                },
                false,
            ),
        ),
        (
            "dot-dot app token",
            build(
                &GetApp {
                    app_token: "..".into(),
                },
                false,
            ),
        ),
        (
            "empty app token",
            build(
                &ListChannels {
                    app_token: "".into(),
                },
                false,
            ),
        ),
        (
            "slash in ticket",
            build(
                &GetTicketStatus {
                    ticket_token: "../app".into(),
                },
                false,
            ),
        ),
        (
            "unknown platform",
            build(
                &FindApp {
                    store_id: "x".into(),
                    platform: Platform::parse("windows"),
                },
                false,
            ),
        ),
        (
            "both is signature-only",
            build(
                &FindApp {
                    store_id: "x".into(),
                    platform: Platform::Both,
                },
                false,
            ),
        ),
        (
            "non-numeric iOS store id",
            build(
                &FindApp {
                    store_id: "com.x".into(),
                    platform: Platform::Ios,
                },
                false,
            ),
        ),
        (
            "missing name",
            build(
                &CreateApp {
                    store_id: "a".into(),
                    bundle_id: "a".into(),
                    ..Default::default()
                },
                false,
            ),
        ),
        (
            "bad hash",
            build(
                &CreateApp {
                    store_id: "a".into(),
                    bundle_id: "a".into(),
                    name: "n".into(),
                    android_signature_hash: Some("AA:BB, CC".into()),
                    ..Default::default()
                },
                false,
            ),
        ),
        (
            "CR/LF in a name",
            build(
                &CreateApp {
                    store_id: "a".into(),
                    bundle_id: "a".into(),
                    name: "n\r\nX: y".into(),
                    ..Default::default()
                },
                false,
            ),
        ),
        (
            "android signature without hash",
            build(
                &GenerateSignature {
                    app_token: "abc".into(),
                    platform: Platform::Android,
                    ..Default::default()
                },
                true,
            ),
        ),
        (
            "nothing to update",
            build(
                &UpdateApp {
                    app_token: "abc".into(),
                    ..Default::default()
                },
                false,
            ),
        ),
    ];
    for (name, result) in cases {
        let err = result.expect_err(name);
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}: {err}");
    }
}

#[test]
fn bad_responses_are_typed_decode_errors_with_excerpt() {
    let req = GetApp {
        app_token: "abc".into(),
    };
    for (body, what) in [
        (
            "<!doctype html><html><body>Maintenance</body></html>",
            "HTML",
        ),
        (r#"{"adjust_app_token":"abc","store_id":"#, "truncated"),
        (r#"{"adjust_app_token":42}"#, "wrong shape"),
        ("", "empty"),
    ] {
        let err = req.parse(&ok(body)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{what}");
        assert_eq!(err.status(), Some(200), "{what}");
        assert_eq!(err.body_excerpt(), Some(body), "{what}");
        assert_eq!(err.request_id(), Some("req-1"), "{what}");
    }
    let auth = req
        .parse(&Exchange::new(HttpResponse::new(
            401,
            r#"{"detail":"Invalid token."}"#,
        )))
        .unwrap_err();
    assert_eq!(auth.kind(), ErrorKind::Auth);
    assert_eq!(auth.details().unwrap().message, "Invalid token.");
}

#[test]
fn secrets_never_in_debug() {
    let setup = ChannelSetup {
        ironsource: Some(IronSourceSetup {
            advertiser_id: "adv".into(),
            password: "pw-secret-1".into(),
        }),
        chartboost: Some(ChartboostSetup {
            app_id: "cb".into(),
            token: "cb-secret-2".into(),
        }),
        ..Default::default()
    };
    let req = CreateApp {
        channel_setup: Some(setup),
        ios_pv_shared_secret: Some("pv-secret-3".into()),
        ..Default::default()
    };
    let dbg = format!("{req:?}");
    for s in ["pw-secret-1", "cb-secret-2", "pv-secret-3"] {
        assert!(!dbg.contains(s), "{s} leaked: {dbg}");
    }
    let config = AdjustConfig::new("tok-secret-4").with_signature_token("sig-secret-5");
    let dbg = format!("{config:?}");
    assert!(
        !dbg.contains("tok-secret-4") && !dbg.contains("sig-secret-5"),
        "{dbg}"
    );
}

/// Every parser, fed thousands of arbitrary and mutated bodies and statuses, returns a value or a typed
/// error — never a panic (a panic in wasm or across the FFI would crash the host app).
#[test]
fn parsers_never_panic_on_arbitrary_responses() {
    let seeds: [&[u8]; 6] = [
        br#"{"adjust_app_token":"p77yk727r18g","store_id":"s","platform":"android","name":"n","channel_setup":{"a":{"b":1}}}"#,
        br#"{"status":"OPENED","events":{"successes":["x"],"failures":[]},"partners":{"section":"p","detail":"d"},"app_token":{"android":{"success":true,"msg":"m"}}}"#,
        br#"["facebook","google"]"#,
        br#"{"channels":["a"],"click_url":"u","impression_url":"i","ticket_token":"t","sk_app_id":12}"#,
        b"<html>\xff\xfe</html>",
        b"",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let statuses = [
        200u16, 201, 204, 301, 400, 401, 403, 404, 429, 500, 503, 0, 999,
    ];
    for round in 0..3000 {
        let mut body = seeds[round % seeds.len()].to_vec();
        for _ in 0..(next() % 6) {
            let op = next() % 3;
            let at = if body.is_empty() {
                0
            } else {
                (next() as usize) % body.len()
            };
            match op {
                0 if !body.is_empty() => body[at] = next() as u8,
                1 => {
                    let pick: &[u8] = b"{}[]\",:0\\\xc3";
                    body.insert(at, pick[(next() as usize) % pick.len()]);
                }
                _ if !body.is_empty() => {
                    body.truncate(at);
                }
                _ => {}
            }
        }
        let status = statuses[(next() as usize) % statuses.len()];
        let mut response = HttpResponse::new(status, body);
        if next() % 2 == 0 {
            response = response
                .with_header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
                .with_header("x-request-id", "r");
        }
        let ex = Exchange::new(response);
        let _ = CreateApp::default().parse(&ex);
        let _ = GetApp {
            app_token: "a".into(),
        }
        .parse(&ex);
        let _ = FindApp {
            store_id: "a".into(),
            platform: Platform::Android,
        }
        .parse(&ex);
        let _ = CreateCampaign::default().parse(&ex);
        let _ = GetSignature {
            bundle_id: "a".into(),
        }
        .parse(&ex);
        let _ = ListChannels {
            app_token: "a".into(),
        }
        .parse(&ex);
        let _ = GetTicketStatus {
            ticket_token: "a".into(),
        }
        .parse(&ex);
        let _ = UpdateApp::default().parse(&ex);
        let _ = GenerateSignature::default().parse(&ex);
    }
}
