//! Reliability and security defects found by an outside audit, each proved against the sandbox through
//! the native client: shared failed token flights, refused refresh tokens, short-lived tokens, Admitad's
//! 429, tokens in error text, non-ASCII header values and custom-attribute values that would delete.

use std::sync::Arc;
use std::time::Duration;

use adkit::adapty::{AdaptyClient, AdaptyConfig, AdaptyUser, AttributeValue, CustomAttribute};
use adkit::admitad::{AdmitadClient, AdmitadConfig, Scope, TokenSet};
use adkit::native::{ReqwestTransport, TokioTimer};
use adkit::{ErrorKind, TransportErrorKind};
use adkit_sandbox::{Fault, Sandbox};
use base64::Engine;
use serde_json::{Value, json};

type Client = AdmitadClient<ReqwestTransport, TokioTimer>;

fn config(sb: &Sandbox, client_id: &str, scopes: Vec<Scope>) -> AdmitadConfig {
    let mut c = AdmitadConfig::new(client_id, format!("secret_{client_id}"), scopes)
        .with_base_url(sb.admitad_url());
    c.options.initial_backoff = Duration::from_millis(5);
    c
}

/// The sandbox keys faults by the last word of `Authorization`: for the token endpoint's Basic
/// authentication, the base64 of `client_id:secret`.
fn basic_key(client_id: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{client_id}:secret_{client_id}"))
}

async fn control(sb: &Sandbox, path: &str, body: Value) {
    reqwest::Client::new()
        .post(format!("{}{path}", sb.base_url))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
}

async fn storm(client: &Arc<Client>, n: usize) -> Vec<adkit::Error> {
    let calls = (0..n).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.me().await })
    });
    futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(|r| r.unwrap().expect_err("the token endpoint is down"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_token_flight_is_shared_with_every_caller_waiting_on_it() {
    let sb = Sandbox::start().await.unwrap();
    // The token endpoint answers 500 (after 300 ms, so every caller is waiting on the flight).
    let id = "adm_flight500";
    sb.state.push_faults(
        &basic_key(id),
        vec![Fault {
            status: Some(500),
            delay_ms: Some(300),
            times: Some(1000),
            ..Default::default()
        }],
    );
    let client = Arc::new(Client::native(config(&sb, id, vec![Scope::PrivateData])).unwrap());
    let errors = storm(&client, 50).await;
    assert!(
        errors.iter().all(|e| e.status() == Some(500)),
        "{:?}",
        errors[0]
    );
    assert_eq!(client.token_requests(), 1, "one flight for 50 callers");
    assert_eq!(sb.state.requests_for(&basic_key(id)).len(), 1);

    // The token endpoint hangs past the timeout.
    let id = "adm_flighthang";
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": id, "token_delay_ms": 2_000}),
    )
    .await;
    let mut cfg = config(&sb, id, vec![Scope::PrivateData]);
    cfg.options.timeout = Duration::from_millis(200);
    let client = Arc::new(Client::native(cfg).unwrap());
    let errors = storm(&client, 50).await;
    assert!(
        errors
            .iter()
            .all(|e| e.transport_kind() == Some(TransportErrorKind::Timeout)),
        "{:?}",
        errors[0]
    );
    assert_eq!(client.token_requests(), 1);

    // Nobody listens: connect errors (retried inside the one flight).
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut cfg = AdmitadConfig::new(
        "adm_refused",
        "secret_adm_refused",
        vec![Scope::PrivateData],
    )
    .with_base_url(format!("http://{closed}/"));
    // Backoff long enough that the 50 callers are all waiting on the one flight.
    cfg.options.initial_backoff = Duration::from_millis(200);
    cfg.options.jitter = false;
    let client = Arc::new(Client::native(cfg).unwrap());
    let errors = storm(&client, 50).await;
    assert!(
        errors
            .iter()
            .all(|e| e.transport_kind() == Some(TransportErrorKind::Connect))
    );
    assert_eq!(client.token_requests(), 1);
    // A later call is a new flight: the failure is shared with its waiters, not cached forever.
    let _ = client.me().await;
    assert_eq!(client.token_requests(), 2);
}

#[tokio::test]
async fn a_refused_refresh_token_is_never_sent_again() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_lost";
    let first = Client::native(config(&sb, id, vec![Scope::PrivateData])).unwrap();
    first.me().await.unwrap();
    let mut stale = first.tokens().unwrap();
    stale.expires_at_ms = 0;
    // Another holder spends the refresh token (as a refresh whose answer was lost would).
    control(&sb, "/__sandbox/admitad/expire", json!({"client_id": id})).await;
    first.me().await.unwrap();
    let newest = first.tokens().unwrap();
    // A client without scopes, started from the spent pair.
    let mut cfg = config(&sb, id, Vec::new());
    cfg.tokens = Some(stale);
    let client = Client::native(cfg).unwrap();
    let refused = client.me().await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Auth, "{refused}");
    assert_eq!(client.token_requests(), 1);
    // The dead token is not re-sent: the next call says what to do without a request.
    let again = client.me().await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::InvalidInput, "{again}");
    assert!(again.to_string().contains("set_tokens"), "{again}");
    assert_eq!(
        client.token_requests(),
        1,
        "no second refresh with a dead token"
    );
    // Handing in a good pair brings the client back.
    client.set_tokens(newest);
    client.me().await.unwrap();
}

#[tokio::test]
async fn tokens_living_shorter_than_the_refresh_skew_are_not_refreshed_on_every_call() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_short";
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": id, "expires_in": 30}),
    )
    .await;
    let client = Client::native(config(&sb, id, vec![Scope::PrivateData])).unwrap();
    for _ in 0..5 {
        client.me().await.unwrap();
    }
    assert_eq!(client.token_requests(), 1, "a 30 s token is used for 15 s");
}

#[tokio::test]
async fn admitad_429_is_rate_limited() {
    let sb = Sandbox::start().await.unwrap();
    let mut cfg = config(&sb, "adm_429", vec![Scope::PrivateData]);
    cfg.options.max_retries = 0;
    let client = Client::native(cfg).unwrap();
    client.me().await.unwrap();
    let token = client.tokens().unwrap().access_token;
    sb.state.push_faults(
        &token,
        vec![Fault {
            status: Some(429),
            retry_after: Some("1".into()),
            ..Default::default()
        }],
    );
    let e = client.me().await.unwrap_err();
    assert_eq!(
        (e.kind(), e.retry_after()),
        (ErrorKind::RateLimited, Some(Duration::from_secs(1)))
    );
}

#[tokio::test]
async fn a_token_response_that_fails_to_decode_never_shows_the_tokens() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_leak";
    for body in [
        r#"{"access_token":"","refresh_token":"RT-LEAK-1","token_type":"bearer"}"#,
        r#"{"access_token":"AT-LEAK-2","refresh_token":"RT-LEAK-2","scope":7}"#,
    ] {
        sb.state.push_faults(
            &basic_key(id),
            vec![Fault {
                status: Some(200),
                body: Some(body.into()),
                ..Default::default()
            }],
        );
        let client = Client::native(config(&sb, id, vec![Scope::PrivateData])).unwrap();
        let e = client.me().await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
        let shown = format!("{e:?} {e} {:?}", e.body_excerpt());
        assert!(!shown.contains("LEAK"), "{shown}");
    }
}

#[tokio::test]
async fn non_ascii_header_values_are_refused_before_sending() {
    let sb = Sandbox::start().await.unwrap();
    let key = "secret_ascii";
    let client =
        AdaptyClient::native(AdaptyConfig::secret(key).with_base_url(sb.adapty_url())).unwrap();
    let e = client
        .get_profile(&AdaptyUser::customer_user_id("José"))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("adapty-customer-user-id"), "{e}");
    assert!(sb.state.requests_for(key).is_empty(), "nothing was sent");
}

#[test]
fn a_custom_attribute_value_that_is_an_object_or_array_is_refused_not_deleted() {
    for bad in [r#"{"key":"a","value":{}}"#, r#"{"key":"a","value":[1]}"#] {
        assert!(
            serde_json::from_str::<CustomAttribute>(bad).is_err(),
            "{bad}"
        );
    }
    let null: CustomAttribute = serde_json::from_str(r#"{"key":"a","value":null}"#).unwrap();
    assert_eq!(null.value, AttributeValue::Null);
    let flag: CustomAttribute = serde_json::from_str(r#"{"key":"a","value":true}"#).unwrap();
    assert_eq!(flag.value, AttributeValue::Number(1.0));
}

#[test]
fn stored_pairs_keep_working_across_set_tokens() {
    // `set_tokens` is the way back for a client whose refresh token died: it needs no request.
    let pair = TokenSet {
        access_token: "a".into(),
        refresh_token: None,
        expires_at_ms: u64::MAX,
        scope: String::new(),
        token_type: "bearer".into(),
        username: None,
        user_id: None,
        ..TokenSet::default()
    };
    let cfg = AdmitadConfig::new("adm_x", "secret_adm_x", Vec::new());
    let client = Client::native(cfg).unwrap();
    assert!(client.tokens().is_none());
    client.set_tokens(pair.clone());
    assert_eq!(client.tokens(), Some(pair));
}

#[test]
fn a_client_side_limit_of_zero_is_refused_not_raised_to_one() {
    let mut cfg = AdmitadConfig::new("adm_zero", "secret_adm_zero", vec![Scope::PrivateData]);
    cfg.max_requests_per_window = Some(0);
    let e = Client::native(cfg).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("max_requests_per_window"), "{e}");
}
