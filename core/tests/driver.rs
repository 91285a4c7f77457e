//! Driver policy with a scripted transport and a virtual clock: retries, backoff, Retry-After,
//! redirects, timeouts, the size cap and the SDK header.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use adkit::adjust::{AdjustClient, AdjustConfig, CreateApp, Platform, WaitOptions};
use adkit::driver::ClientOptions;
use adkit::{
    ErrorKind, HttpRequest, HttpResponse, Timer, Transport, TransportError, TransportErrorKind,
    TransportOptions,
};

type Step = Result<HttpResponse, TransportError>;

#[derive(Clone, Default)]
struct Scripted {
    steps: Arc<Mutex<VecDeque<Step>>>,
    seen: Arc<Mutex<Vec<HttpRequest>>>,
}

impl Scripted {
    fn new(steps: Vec<Step>) -> Self {
        Scripted {
            steps: Arc::new(Mutex::new(steps.into())),
            seen: Arc::default(),
        }
    }
    fn seen(&self) -> Vec<HttpRequest> {
        self.seen.lock().unwrap().clone()
    }
}

impl Transport for Scripted {
    async fn send(
        &self,
        request: HttpRequest,
        _: TransportOptions,
    ) -> Result<HttpResponse, TransportError> {
        self.seen.lock().unwrap().push(request);
        self.steps
            .lock()
            .unwrap()
            .pop_front()
            .expect("transport called more often than scripted")
    }
}

#[derive(Clone, Default)]
struct VirtualClock {
    now: Arc<Mutex<u64>>,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl Timer for VirtualClock {
    async fn sleep(&self, d: Duration) {
        self.sleeps.lock().unwrap().push(d);
        *self.now.lock().unwrap() += d.as_millis() as u64;
    }
    fn now_unix_ms(&self) -> u64 {
        *self.now.lock().unwrap()
    }
}

fn client(
    t: &Scripted,
    c: &VirtualClock,
    tweak: impl FnOnce(&mut ClientOptions),
) -> AdjustClient<Scripted, VirtualClock> {
    let mut config = AdjustConfig::new("tok").with_base_url("https://settings.adjust.com/api/");
    config.options.jitter = false;
    tweak(&mut config.options);
    AdjustClient::new(config, t.clone(), c.clone()).unwrap()
}

const APP: &str = r#"{"adjust_app_token":"abc","store_id":"s","platform":"android","name":"n"}"#;

fn resp(status: u16, body: &str) -> Step {
    Ok(HttpResponse::new(status, body))
}

fn create() -> CreateApp {
    CreateApp {
        store_id: "s".into(),
        platform: Platform::Android,
        name: "n".into(),
        bundle_id: "s".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn retries_503_with_backoff_then_succeeds() {
    let t = Scripted::new(vec![resp(503, "{}"), resp(502, ""), resp(200, APP)]);
    let c = VirtualClock::default();
    let app = client(&t, &c, |_| {}).get_app("abc").await.unwrap();
    assert_eq!(app.adjust_app_token, "abc");
    assert_eq!(t.seen().len(), 3);
    assert_eq!(
        *c.sleeps.lock().unwrap(),
        vec![Duration::from_millis(500), Duration::from_millis(1000)]
    );
}

#[tokio::test]
async fn retry_after_seconds_is_honoured_then_rate_limited() {
    let limited =
        || Ok(HttpResponse::new(429, r#"{"detail":"slow down"}"#).with_header("Retry-After", "2"));
    let t = Scripted::new(vec![limited(), limited(), limited()]);
    let c = VirtualClock::default();
    let err = client(&t, &c, |_| {}).get_app("abc").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    assert_eq!(t.seen().len(), 3, "3 attempts by default");
    assert_eq!(*c.sleeps.lock().unwrap(), vec![Duration::from_secs(2); 2]);
}

#[tokio::test]
async fn retry_after_http_date_and_cap() {
    let c = VirtualClock::default();
    *c.now.lock().unwrap() = 784_111_777_000 - 4_000; // 4 s before the date below
    let t = Scripted::new(vec![
        Ok(HttpResponse::new(503, "").with_header("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")),
        resp(200, APP),
    ]);
    client(&t, &c, |_| {}).get_app("abc").await.unwrap();
    assert_eq!(*c.sleeps.lock().unwrap(), vec![Duration::from_secs(4)]);

    // Longer than max_retry_after: no waiting, the error comes back at once.
    let t = Scripted::new(vec![Ok(
        HttpResponse::new(429, "").with_header("Retry-After", "3600")
    )]);
    let c = VirtualClock::default();
    let err = client(&t, &c, |_| {}).get_app("abc").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(t.seen().len(), 1);
    assert!(c.sleeps.lock().unwrap().is_empty());
}

#[tokio::test]
async fn posts_are_retried_only_where_safe() {
    // POST /campaign: not documented as repeatable → one attempt on 503.
    let t = Scripted::new(vec![resp(503, "")]);
    let c = VirtualClock::default();
    let req = adkit::adjust::CreateCampaign {
        store_id: "s".into(),
        platform: Platform::Android,
        channel: "organic".into(),
        ..Default::default()
    };
    let err = client(&t, &c, |_| {})
        .create_campaign(&req)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(t.seen().len(), 1);

    // POST /app is get-or-create → retried.
    let t = Scripted::new(vec![
        resp(503, ""),
        resp(200, r#"{"adjust_app_token":"abc","ticket_token":"t"}"#),
    ]);
    client(&t, &c, |_| {}).create_app(&create()).await.unwrap();
    assert_eq!(t.seen().len(), 2);
    assert_eq!(
        t.seen()[0].body,
        t.seen()[1].body,
        "the retry sends the same bytes"
    );
}

#[tokio::test]
async fn connect_errors_retry_timeouts_only_when_idempotent() {
    let t = Scripted::new(vec![
        Err(TransportError::new(TransportErrorKind::Connect, "refused")),
        resp(200, APP),
    ]);
    let c = VirtualClock::default();
    client(&t, &c, |_| {}).get_app("abc").await.unwrap();
    assert_eq!(t.seen().len(), 2);

    let t = Scripted::new(vec![Err(TransportError::new(
        TransportErrorKind::Timeout,
        "slow",
    ))]);
    let req = adkit::adjust::UpdateApp {
        app_token: "abc".into(),
        name: Some("x".into()),
        ..Default::default()
    };
    let err = client(&t, &c, |_| {}).update_app(&req).await.unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::Timeout));
    assert_eq!(
        t.seen().len(),
        1,
        "a POST that may have landed is not sent twice"
    );

    let t = Scripted::new(vec![Err(TransportError::cancelled())]);
    let err = client(&t, &c, |_| {}).get_app("abc").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);

    // Refused connections: nothing reached a server, so even a POST is tried 3 times (the fault table's
    // last row).
    let refused = || Err(TransportError::new(TransportErrorKind::Connect, "refused"));
    let t = Scripted::new(vec![refused(), refused(), refused()]);
    let err = client(&t, &c, |_| {}).update_app(&req).await.unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::Connect));
    assert_eq!(t.seen().len(), 3);
}

#[tokio::test]
async fn same_origin_redirect_keeps_credentials_cross_origin_drops_them() {
    let t = Scripted::new(vec![
        Ok(HttpResponse::new(302, "").with_header("Location", "/api/app/abc")),
        resp(200, APP),
    ]);
    let c = VirtualClock::default();
    let app = client(&t, &c, |_| {})
        .find_app("s", Platform::Android)
        .await
        .unwrap();
    assert_eq!(app.adjust_app_token, "abc");
    let seen = t.seen();
    assert_eq!(seen[1].url, "https://settings.adjust.com/api/app/abc");
    assert_eq!(seen[1].header("AdjustAuthorization"), Some("Token tok"));

    let t = Scripted::new(vec![
        Ok(HttpResponse::new(307, "").with_header("Location", "https://evil.example/steal")),
        resp(200, APP),
    ]);
    client(&t, &c, |_| {})
        .find_app("s", Platform::Android)
        .await
        .unwrap();
    let seen = t.seen();
    assert_eq!(seen[1].url, "https://evil.example/steal");
    assert_eq!(seen[1].header("AdjustAuthorization"), None);
    assert!(seen[1].header("x-adkit-client").is_some());

    // Downgrade to plain http on a public host: refused.
    let t = Scripted::new(vec![Ok(
        HttpResponse::new(302, "").with_header("Location", "http://settings.adjust.com/x")
    )]);
    let err = client(&t, &c, |_| {})
        .find_app("s", Platform::Android)
        .await
        .unwrap_err();
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::Redirect),
        "{err}"
    );

    // Redirect loops end.
    let steps = (0..10)
        .map(|_| Ok(HttpResponse::new(302, "").with_header("Location", "/api/app?x=1")))
        .collect();
    let t = Scripted::new(steps);
    let err = client(&t, &c, |o| o.max_redirects = 3)
        .find_app("s", Platform::Android)
        .await
        .unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::Redirect));
    assert_eq!(t.seen().len(), 4);
}

#[tokio::test]
async fn cross_origin_redirects_drop_every_vendor_header_and_never_downgrade() {
    use adkit::adapty::{AdaptyClient, AdaptyConfig, AdaptyUser};
    // Adapty's profile header identifies a user: it belongs to Adapty's origin like the key does.
    let t = Scripted::new(vec![
        Ok(HttpResponse::new(302, "").with_header("Location", "https://elsewhere.example/p")),
        resp(404, "{}"),
    ]);
    let c = VirtualClock::default();
    let mut config =
        AdaptyConfig::secret("secret_live_k").with_base_url("https://api.adapty.io/api/v2/");
    config.options.jitter = false;
    let adapty = AdaptyClient::new(config, t.clone(), c.clone()).unwrap();
    let _ = adapty
        .get_profile(&AdaptyUser::customer_user_id("user-42"))
        .await;
    let seen = t.seen();
    assert_eq!(seen[1].url, "https://elsewhere.example/p");
    let names: Vec<&str> = seen[1].headers.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|n| ["accept", "content-type", "x-adkit-client"]
                .contains(&n.to_ascii_lowercase().as_str())),
        "{names:?}"
    );
    assert!(seen[0].header("adapty-customer-user-id").is_some());

    // https to plain http is never followed, not even to a loopback host.
    let t = Scripted::new(vec![Ok(
        HttpResponse::new(302, "").with_header("Location", "http://127.0.0.1:9/api/app/abc")
    )]);
    let err = client(&t, &c, |_| {})
        .find_app("s", Platform::Android)
        .await
        .unwrap_err();
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::Redirect),
        "{err}"
    );
    assert_eq!(t.seen().len(), 1, "nothing was sent to the http URL");
}

#[tokio::test]
async fn posts_do_not_follow_redirects() {
    let t = Scripted::new(vec![Ok(
        HttpResponse::new(302, "").with_header("Location", "/api/app/abc")
    )]);
    let c = VirtualClock::default();
    let err = client(&t, &c, |_| {})
        .create_app(&create())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(302));
    assert_eq!(t.seen().len(), 1);
}

#[tokio::test]
async fn size_cap_and_sdk_header() {
    let t = Scripted::new(vec![resp(
        200,
        &format!(r#"{{"pad":"{}"}}"#, "x".repeat(2000)),
    )]);
    let c = VirtualClock::default();
    let err = client(&t, &c, |o| o.max_response_bytes = 1024)
        .get_app("abc")
        .await
        .unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::BodyTooLarge));
    let header = t.seen()[0].header("x-adkit-client").unwrap().to_owned();
    assert_eq!(header, format!("adkit/{} (rust)", adkit::VERSION));
}

#[tokio::test]
async fn timeout_race_guards_transports_that_ignore_it() {
    struct Never;
    impl Transport for Never {
        async fn send(
            &self,
            _: HttpRequest,
            _: TransportOptions,
        ) -> Result<HttpResponse, TransportError> {
            std::future::pending().await
        }
    }
    let c = VirtualClock::default();
    let mut config = AdjustConfig::new("tok");
    config.options.max_retries = 0;
    config.options.timeout = Duration::from_millis(250);
    let client = AdjustClient::new(config, Never, c.clone()).unwrap();
    let err = client.get_app("abc").await.unwrap_err();
    assert_eq!(err.transport_kind(), Some(TransportErrorKind::Timeout));
    assert_eq!(*c.sleeps.lock().unwrap(), vec![Duration::from_millis(250)]);
}

#[tokio::test]
async fn wait_for_ticket_polls_with_backoff_and_reports_progress() {
    let t = Scripted::new(vec![
        resp(200, r#"{"status":"NEW"}"#),
        resp(200, r#"{"status":"OPENED"}"#),
        resp(200, r#"{"status":"OPENED"}"#),
        resp(200, r#"{"status":"COMPLETED"}"#),
    ]);
    let c = VirtualClock::default();
    let mut seen = Vec::new();
    let options = WaitOptions {
        timeout_ms: 60_000,
        initial_interval_ms: 100,
        max_interval_ms: 300,
    };
    let done = client(&t, &c, |_| {})
        .wait_for_ticket("t-1", options, |s| seen.push(s.status.to_string()))
        .await
        .unwrap();
    assert_eq!(done.status, adkit::adjust::TicketState::Completed);
    assert_eq!(seen, vec!["NEW", "OPENED", "OPENED", "COMPLETED"]);
    assert_eq!(
        *c.sleeps.lock().unwrap(),
        vec![
            Duration::from_millis(100),
            Duration::from_millis(200),
            Duration::from_millis(300)
        ]
    );

    let steps = (0..100)
        .map(|_| resp(200, r#"{"status":"OPENED"}"#))
        .collect();
    let t = Scripted::new(steps);
    let options = WaitOptions {
        timeout_ms: 1_000,
        initial_interval_ms: 100,
        max_interval_ms: 400,
    };
    let c = VirtualClock::default();
    let mut polls = 0;
    let err = client(&t, &c, |_| {})
        .wait_for_ticket("t-1", options, |_| polls += 1)
        .await
        .unwrap_err();
    // Polls at 0, 100, 300, 700 and — the last pause cut short — exactly at the 1000 ms deadline.
    assert_eq!(polls, 5);
    assert_eq!(
        *c.sleeps.lock().unwrap(),
        [100, 200, 400, 300].map(Duration::from_millis).to_vec()
    );
    assert_eq!(
        err.transport_kind(),
        Some(TransportErrorKind::Timeout),
        "{err}"
    );
}

#[tokio::test]
async fn config_is_checked() {
    let t = Scripted::default();
    let c = VirtualClock::default();
    for (config, field) in [
        (AdjustConfig::new(""), "api_token"),
        (AdjustConfig::new("a\r\nb"), "api_token"),
        (
            AdjustConfig::new("ok").with_signature_token(" "),
            "signature_token",
        ),
        (
            AdjustConfig::new("ok").with_base_url("http://settings.adjust.com/api/"),
            "base_url",
        ),
    ] {
        match AdjustClient::new(config, t.clone(), c.clone()) {
            Err(adkit::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected invalid {field}, got {other:?}"),
        }
    }
    assert!(t.seen().is_empty());
}

/// A config left at its defaults refreshes a token 60 s before expiry (capped at half the token's
/// life): the default lives in core, not in each binding.
#[tokio::test]
async fn an_admitad_config_at_its_defaults_refreshes_before_expiry() {
    use adkit::admitad::{AdmitadClient, AdmitadConfig, GetMe, TokenSet};
    let clock = VirtualClock::default();
    *clock.now.lock().unwrap() = 1_000_000;
    let transport = Scripted::new(vec![
        resp(200, r#"{"id":1,"username":"u"}"#),
        resp(
            200,
            r#"{"access_token":"new","refresh_token":"r2","expires_in":604800,"token_type":"bearer","scope":"private_data"}"#,
        ),
        resp(200, r#"{"id":1,"username":"u"}"#),
    ]);
    let config = AdmitadConfig {
        client_id: "id".into(),
        client_secret: Some("secret".into()),
        tokens: Some(TokenSet {
            access_token: "old".into(),
            refresh_token: Some("r1".into()),
            expires_at_ms: 1_000_000 + 100_000,
            ..Default::default()
        }),
        ..Default::default()
    }
    .with_base_url("https://api.admitad.com/");
    let client = AdmitadClient::new(config, transport.clone(), clock.clone()).unwrap();
    client.send(&GetMe).await.unwrap();
    assert_eq!(client.token_requests(), 0, "100 s left: fresh");
    // 55 s later 45 s are left: within the default skew (60 s, capped at half the 100 s life). With
    // no skew the token would still count as fresh.
    *clock.now.lock().unwrap() += 55_000;
    client.send(&GetMe).await.unwrap();
    assert_eq!(client.token_requests(), 1, "refreshed before expiry");
    let seen = transport.seen();
    assert!(seen[1].url.ends_with("/token/"), "{}", seen[1].url);
    assert_eq!(seen[2].header("authorization"), Some("Bearer new"));
}
