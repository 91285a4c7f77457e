//! Admitad's token response (`TokenRequest::parse`) with a known access and refresh token in the body.
//! Input: byte 0 picks the status, byte 1 the layout, the rest is fuzzed JSON:
//!   layout 0: `{"access_token":"<AT>","refresh_token":"<RT>",` + rest   (tokens first, tail fuzzed)
//!   layout 1: rest with `"access_token":"$A"` / `"refresh_token":"$R"` filled in with the tokens
//!   layout 2: `{` + rest + `,"access_token":"<AT>","refresh_token":"<RT>"}` (tokens last)
//! Invariant: whatever the status or the shape, no error's Display, Debug or body excerpt carries
//! either token, and a parsed `TokenSet`'s Debug shows neither. (A body that spells a token outside its
//! own field is skipped: then the input carried it elsewhere.)
#![no_main]

use adkit::admitad::{Scope, TokenGrant, TokenRequest};
use adkit::driver::Exchange;
use adkit::{HttpResponse, Secret};
use adkit_fuzz::{assert_no_secret, skipped, status};
use libfuzzer_sys::fuzz_target;

const AT: &str = "at-SECRET-7f3c9e1b5d2a4068";
const RT: &str = "rt-SECRET-1a2b3c4d5e6f7081";
const CLIENT_SECRET: &str = "cs-SECRET-a0f8a8b24de8b8182a0d";

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn replace(body: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let (s, rest) = data.split_first().map_or((0, data), |(s, r)| (*s, r));
    let (layout, tail) = rest.split_first().map_or((0, rest), |(l, r)| (*l, r));
    let at_field = format!(r#""access_token":"{AT}""#);
    let rt_field = format!(r#""refresh_token":"{RT}""#);
    let body = match layout % 3 {
        0 => [format!("{{{at_field},{rt_field},").as_bytes(), tail].concat(),
        1 => {
            let b = replace(tail, br#""access_token":"$A""#, at_field.as_bytes());
            replace(&b, br#""refresh_token":"$R""#, rt_field.as_bytes())
        }
        _ => [
            b"{".as_slice(),
            tail,
            format!(",{at_field},{rt_field}}}").as_bytes(),
        ]
        .concat(),
    };
    // The tokens may appear only as the values of their own fields.
    let carried_only_in_fields = count(&body, AT.as_bytes()) == count(&body, at_field.as_bytes())
        && count(&body, RT.as_bytes()) == count(&body, rt_field.as_bytes());
    if adkit_fuzz::skip_redact_boundary(&body) {
        return;
    }
    let resp = HttpResponse::new(status(s), body).with_header("X-Request-Id", "req-token-1");
    let request = TokenRequest {
        client_id: "cb281d918a37e346b45e9aea1c6eb7".into(),
        client_secret: Secret::new(CLIENT_SECRET),
        grant: TokenGrant::ClientCredentials {
            scopes: vec![Scope::PrivateData],
        },
    };
    // The injected clock, at the end of time for half the layouts (expiry must saturate).
    let now = if layout & 0x80 != 0 {
        u64::MAX
    } else {
        1_700_000_000_000
    };
    match request.parse(&Exchange::new(resp.clone()), now) {
        Ok(tokens) => {
            assert!(
                resp.is_success(),
                "HTTP {} parsed as a token pair",
                resp.status
            );
            assert!(
                !tokens.access_token.is_empty(),
                "a token pair without an access token"
            );
            let debug = format!("{tokens:?}");
            if !tokens.scope.contains(AT) && !tokens.scope.contains(RT) {
                let shown = tokens.username.as_deref().unwrap_or_default();
                if !shown.contains(AT) && !shown.contains(RT) {
                    assert!(
                        !debug.contains(AT) && !debug.contains(RT),
                        "TokenSet's Debug shows a token: {debug}"
                    );
                }
            }
            let _ = tokens.is_fresh(now, u64::MAX);
        }
        Err(e) => {
            // Known finding `token-error-excerpt`: a non-2xx token response is excerpted through the
            // redactor, which an unbalanced quote throws out of step. 2xx answers are always checked.
            let tolerated = !resp.is_success() && skipped("token-error-excerpt");
            if carried_only_in_fields && !tolerated {
                assert_no_secret("admitad token response", &e, &[AT, RT]);
            }
            if !adkit_fuzz::contains(&resp.body, CLIENT_SECRET.as_bytes()) {
                assert_no_secret("admitad token response", &e, &[CLIENT_SECRET]);
            }
        }
    }
});
