//! Admitad's `verify_signed_request` and the OAuth callback parser `parse_callback`.
//! Input: byte 0 picks the mode, the rest is the text or payload:
//!   mode 0: the rest, as text, is the whole `signed_request`;
//!   modes 1–2: the rest is the payload JSON; it is base64-encoded (standard, unpadded or URL-safe)
//!     and signed with the client secret, so the JSON decoding behind the HMAC check is reached; the
//!     same text must fail with another secret or a flipped signature digit;
//!   mode 3: the rest is a callback URL or query (`$S` stands for the expected state).
//! Invariants: no error carries the client secret or the expected state; a verified payload always
//! says HMAC-SHA256 and its Debug shows no token; a callback is accepted only with the expected state.
#![no_main]

use adkit::admitad::{parse_callback, verify_signed_request};
use adkit::{ErrorKind, Secret};
use adkit_fuzz::assert_no_secret;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;

const CLIENT_SECRET: &str = "cs-SECRET-a0f8a8b24de8b8182a";
const STATE: &str = "5c3e0f1a9b7d42c68e1f0a2b3c4d5e6f";

fn sign(secret: &str, payload: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        panic!("HMAC takes any key length");
    };
    mac.update(payload.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn signed_request(mode: u8, json: &[u8]) {
    let secret = Secret::new(CLIENT_SECRET);
    let payload = match mode >> 2 & 3 {
        0 | 3 => STANDARD.encode(json),
        1 => STANDARD_NO_PAD.encode(json),
        _ => URL_SAFE_NO_PAD.encode(json),
    };
    let signature = sign(CLIENT_SECRET, &payload);
    let text = if mode & 16 != 0 {
        format!(" {signature}.{payload}\n")
    } else {
        format!("{signature}.{payload}")
    };
    match verify_signed_request(&text, &secret) {
        Ok(p) => {
            assert_eq!(
                p.algorithm, "HMAC-SHA256",
                "verified a payload of another algorithm"
            );
            let debug = format!("{p:?}");
            // Tokens shorter than 8 bytes match Debug's own punctuation and field names by chance.
            for token in [&p.access_token, &p.refresh_token]
                .into_iter()
                .flatten()
                .filter(|t| t.len() >= 8)
            {
                let shown = p.username.contains(token.as_str())
                    || p.algorithm.contains(token.as_str())
                    || p.id
                        .is_some_and(|id| id.to_string().contains(token.as_str()))
                    || "SignedRequestPayload username id algorithm".contains(token.as_str());
                if !shown {
                    assert!(
                        !debug.contains(token.as_str()),
                        "the payload's Debug shows a token: {debug}"
                    );
                }
            }
            let _ = p.tokens(u64::MAX);
            let _ = p.tokens(0);
        }
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Verification, "{e:?}");
            assert!(
                !e.to_string().contains("does not match"),
                "a correctly signed request failed its signature check: {e}"
            );
            assert_no_secret("signed_request", &e, &[CLIENT_SECRET]);
        }
    }
    let other = verify_signed_request(&text, &Secret::new("cs-other-secret"));
    assert!(
        other.is_err(),
        "a signed_request verified with the wrong secret"
    );
    let flipped = match signature.as_bytes()[0] {
        b'0' => format!("1{}.{payload}", &signature[1..]),
        _ => format!("0{}.{payload}", &signature[1..]),
    };
    assert!(
        verify_signed_request(&flipped, &secret).is_err(),
        "a signed_request verified with a wrong signature"
    );
}

fn callback(text: &str) {
    let text = text.replace("$S", STATE);
    if adkit_fuzz::skip_redact_boundary(text.as_bytes()) {
        return;
    }
    // What the callback says its state is: the last `state` of the query, as the parser reads it.
    let query = text.split_once('?').map_or(text.as_str(), |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    let state = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .last();
    match parse_callback(&text, STATE) {
        Ok(code) => {
            assert!(!code.is_empty(), "an empty code was accepted");
            assert_eq!(
                state.as_deref(),
                Some(STATE),
                "a callback without the expected state was accepted: {text}"
            );
        }
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::Verification | ErrorKind::Auth),
                "a callback failed with {e:?}"
            );
            if e.kind() == ErrorKind::Auth {
                assert_eq!(
                    state.as_deref(),
                    Some(STATE),
                    "an error callback was believed without the state"
                );
            }
            if !text.contains(STATE) {
                assert_no_secret("parse_callback", &e, &[STATE]);
            }
        }
    }
    assert!(
        parse_callback(&text, "").is_err(),
        "a callback was accepted against an empty expected state"
    );
}

fuzz_target!(|data: &[u8]| {
    let (mode, rest) = data.split_first().map_or((0, data), |(m, r)| (*m, r));
    match mode & 3 {
        0 => {
            let text = String::from_utf8_lossy(rest);
            match verify_signed_request(&text, &Secret::new(CLIENT_SECRET)) {
                Ok(p) => assert_eq!(p.algorithm, "HMAC-SHA256"),
                Err(e) => {
                    assert_eq!(e.kind(), ErrorKind::Verification, "{e:?}");
                    assert_no_secret("signed_request", &e, &[CLIENT_SECRET]);
                }
            }
        }
        1 | 2 => signed_request(mode, rest),
        _ => callback(&String::from_utf8_lossy(rest)),
    }
});
