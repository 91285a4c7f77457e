//! The fault matrix: every fault the sandbox can stage, against a repeatable GET (Adapty `getProfile`)
//! and a non-repeatable POST (Adapty `revokeAccessLevel`), through the native client. Each cell holds
//! the error kind the caller gets and the number of attempts the sandbox counted. The README's table
//! "Behaviour every surface shares" states exactly these rows; the Node, Python and Kotlin suites check
//! the rows where transports differ.

use std::time::Duration;

use adkit::adapty::*;
use adkit::admitad::{AdmitadClient, AdmitadConfig, DeleteOptCode, Scope};
use adkit::native::{ReqwestTransport, TokioTimer};
use adkit::{Error, ErrorKind, TransportErrorKind};
use adkit_sandbox::{Fault, Sandbox};

type Client = AdaptyClient<ReqwestTransport, TokioTimer>;

/// What a cell expects: the error's kind (and transport kind) and the attempts seen at the sandbox.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Outcome {
    kind: ErrorKind,
    transport: Option<TransportErrorKind>,
    attempts: usize,
}

const fn outcome(kind: ErrorKind, attempts: usize) -> Outcome {
    Outcome {
        kind,
        transport: None,
        attempts,
    }
}

const fn transport(t: TransportErrorKind, attempts: usize) -> Outcome {
    Outcome {
        kind: ErrorKind::Transport,
        transport: Some(t),
        attempts,
    }
}

/// Where a row's fault comes from.
enum Stage {
    /// Faults queued for the client's key at the main listener.
    Faults(Vec<Fault>),
    /// The below-HTTP listener (`reset` or `truncated`).
    Raw(&'static str),
    /// A port nobody listens on.
    Refused,
}

struct Row {
    name: &'static str,
    stage: Stage,
    get: Outcome,
    post: Outcome,
}

fn always(fault: Fault) -> Vec<Fault> {
    vec![Fault {
        times: Some(10),
        ..fault
    }]
}

fn status(code: u16) -> Fault {
    Fault {
        status: Some(code),
        ..Default::default()
    }
}

fn rows(sb: &Sandbox) -> Vec<Row> {
    use ErrorKind::*;
    use TransportErrorKind as T;
    let in_two_seconds =
        httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2));
    vec![
        Row {
            name: "429, Retry-After in seconds",
            stage: Stage::Faults(always(Fault {
                retry_after: Some("1".into()),
                ..status(429)
            })),
            get: outcome(RateLimited, 3),
            post: outcome(RateLimited, 1),
        },
        Row {
            name: "429, Retry-After as an HTTP date",
            stage: Stage::Faults(always(Fault {
                retry_after: Some(in_two_seconds),
                ..status(429)
            })),
            get: outcome(RateLimited, 3),
            post: outcome(RateLimited, 1),
        },
        Row {
            name: "429, Retry-After over the 60 s cap",
            stage: Stage::Faults(always(Fault {
                retry_after: Some("3600".into()),
                ..status(429)
            })),
            get: outcome(RateLimited, 1),
            post: outcome(RateLimited, 1),
        },
        Row {
            name: "429, Retry-After that does not parse (the driver's backoff applies)",
            stage: Stage::Faults(always(Fault {
                retry_after: Some("soon".into()),
                ..status(429)
            })),
            get: outcome(RateLimited, 3),
            post: outcome(RateLimited, 1),
        },
        Row {
            name: "500, repeated",
            stage: Stage::Faults(always(status(500))),
            get: outcome(Api, 3),
            post: outcome(Api, 1),
        },
        Row {
            name: "connection reset",
            stage: Stage::Raw("reset"),
            get: transport(T::Other, 3),
            post: transport(T::Other, 1),
        },
        Row {
            name: "truncated body",
            stage: Stage::Raw("truncated"),
            get: transport(T::Other, 3),
            post: transport(T::Other, 1),
        },
        Row {
            name: "body slower than the timeout",
            stage: Stage::Faults(always(Fault {
                slow_body_ms: Some(1_500),
                ..Default::default()
            })),
            get: transport(T::Timeout, 3),
            post: transport(T::Timeout, 1),
        },
        Row {
            name: "HTML instead of JSON",
            stage: Stage::Faults(always(Fault {
                body: Some("<html><body>Bad gateway</body></html>".into()),
                content_type: Some("text/html".into()),
                ..status(200)
            })),
            get: outcome(Decode, 1),
            post: outcome(Decode, 1),
        },
        Row {
            name: "invalid JSON",
            stage: Stage::Faults(always(Fault {
                body: Some(r#"{"data": {"profile_id": "#.into()),
                ..status(200)
            })),
            get: outcome(Decode, 1),
            post: outcome(Decode, 1),
        },
        Row {
            name: "oversized body with Content-Length",
            stage: Stage::Faults(always(Fault {
                oversized_bytes: Some(1 << 20),
                ..Default::default()
            })),
            get: transport(T::BodyTooLarge, 1),
            post: transport(T::BodyTooLarge, 1),
        },
        Row {
            name: "oversized body without Content-Length (chunked)",
            stage: Stage::Faults(always(Fault {
                oversized_bytes: Some(1 << 20),
                chunked: true,
                ..Default::default()
            })),
            get: transport(T::BodyTooLarge, 1),
            post: transport(T::BodyTooLarge, 1),
        },
        Row {
            // GET follows (without credentials: the other origin's answer is no profile); POST does not.
            name: "cross-origin redirect",
            stage: Stage::Faults(always(Fault {
                redirect_to: Some(format!("{}/elsewhere/", sb.other_origin_url)),
                ..Default::default()
            })),
            get: outcome(Decode, 1),
            post: outcome(Api, 1),
        },
        Row {
            // Five hops are followed, the sixth redirect ends the call.
            name: "redirect loop",
            stage: Stage::Faults(always(Fault {
                redirect_to: Some(format!("{}/adapty/loop/", sb.base_url)),
                ..Default::default()
            })),
            get: transport(T::Redirect, 6),
            post: outcome(Api, 1),
        },
        Row {
            // Nothing reached a server: always retried; nothing to count at the sandbox.
            name: "connection refused",
            stage: Stage::Refused,
            get: transport(T::Connect, 0),
            post: transport(T::Connect, 0),
        },
    ]
}

fn client(base_url: String, key: &str) -> Client {
    let mut config = AdaptyConfig::secret(key).with_base_url(base_url);
    config.options.initial_backoff = Duration::from_millis(5);
    config.options.max_backoff = Duration::from_millis(20);
    config.options.timeout = Duration::from_millis(400);
    config.options.max_response_bytes = 64 * 1024;
    AdaptyClient::native(config).unwrap()
}

fn seen(err: &Error) -> (ErrorKind, Option<TransportErrorKind>) {
    (err.kind(), err.transport_kind())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_row_for_a_repeatable_get_and_a_non_repeatable_post() {
    let sb = Sandbox::start().await.unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let user = AdaptyUser::customer_user_id("matrix-user");
    let revoke = RevokeAccessLevelRequest {
        access_level_id: "premium".into(),
        ..Default::default()
    };
    let mut failures = Vec::new();
    for (i, row) in rows(&sb).into_iter().enumerate() {
        for (column, expected) in [("GET", row.get), ("POST", row.post)] {
            let key = format!("secret_matrix{i}{column}");
            let tag = format!("matrix{i}{}", column.to_lowercase());
            let base_url = match &row.stage {
                Stage::Faults(faults) => {
                    sb.state.push_faults(&key, faults.clone());
                    sb.adapty_url()
                }
                Stage::Raw(kind) => format!("{}/{kind}/{tag}/", sb.raw_faults_url),
                Stage::Refused => format!("http://{closed}/"),
            };
            let c = client(base_url, &key);
            let err = match column {
                "GET" => c.get_profile(&user).await.err(),
                _ => c.revoke_access_level(&user, &revoke).await.err(),
            };
            let attempts = match &row.stage {
                Stage::Faults(_) => sb.state.requests_for(&key).len(),
                Stage::Raw(_) => sb.state.raw_hits(&tag) as usize,
                Stage::Refused => 0,
            };
            let got = err.as_ref().map(|e| Outcome {
                kind: e.kind(),
                transport: e.transport_kind(),
                attempts,
            });
            if got != Some(expected) {
                failures.push(format!(
                    "{} / {column}: expected {expected:?}, got {got:?} ({:?})",
                    row.name,
                    err.as_ref().map(seen)
                ));
            }
        }
    }
    // The cross-origin redirect above must not have carried the secret key to the other origin.
    let body = reqwest::get(format!("{}/__sandbox/other-origin/requests", sb.base_url))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let other: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap();
    assert!(!other.is_empty(), "the GET followed the redirect");
    for request in &other {
        let headers = request["headers"].to_string();
        assert!(
            !headers.contains("authorization") && !headers.contains("adapty-customer-user-id"),
            "{headers}"
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Admitad's two 503s: its documented rate-limit answer (`error_code` 4) waits for the next window and
/// is repeated whatever the method; an ambiguous 503 (a proxy's HTML page) is repeated only for a
/// repeatable request — the POST may already have been acted on.
#[tokio::test]
async fn admitad_window_503_and_an_ambiguous_503() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_matrix";
    let mut config = AdmitadConfig::new(
        id,
        format!("secret_{id}"),
        vec![Scope::PrivateData, Scope::ManageOptCodes],
    )
    .with_base_url(sb.admitad_url());
    config.options.rate_limit_window = Duration::from_millis(100);
    config.options.initial_backoff = Duration::from_millis(5);
    let client = AdmitadClient::native(config).unwrap();
    client.me().await.unwrap();
    let token = client.tokens().unwrap().access_token;
    let window = Fault {
        body: Some(r#"{"error":"rate_limit","error_description":"Request limit for the period exceeded","error_code":4}"#.into()),
        ..status(503)
    };
    let ambiguous = Fault {
        body: Some("<html><body>503 Service Unavailable</body></html>".into()),
        content_type: Some("text/html".into()),
        ..status(503)
    };
    let cases = [
        ("window 503, GET", window.clone(), true, 3),
        ("window 503, POST", window, false, 3),
        ("ambiguous 503, GET", ambiguous.clone(), true, 3),
        ("ambiguous 503, POST", ambiguous, false, 1),
    ];
    for (name, fault, get, expected) in cases {
        let before = sb.state.requests_for(&token).len();
        sb.state.push_faults(&token, always(fault));
        let err = if get {
            client.me().await.err()
        } else {
            client.send(&DeleteOptCode { id: 1 }).await.err()
        };
        let attempts = sb.state.requests_for(&token).len() - before;
        sb.state.clear_faults(&token);
        assert_eq!(
            (err.map(|e| e.kind()), attempts),
            (Some(ErrorKind::RateLimited), expected),
            "{name}"
        );
    }
}
