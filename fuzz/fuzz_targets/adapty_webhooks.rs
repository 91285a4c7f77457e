//! Adapty webhooks: `WebhookReceiver::receive` (constant-time Authorization check, then the body) and
//! `parse`. Input: byte 0 picks the receiver's configuration and the Authorization header sent, the
//! rest is the body (its first line doubles as a fuzzed Authorization value).
//!
//! Invariants: a receiver cannot be built without a value; a delivery is accepted only with a configured value; no
//! error and no `Debug` of the receiver carries a configured value; a whitespace body is the handshake;
//! an event's name and dedupe key are what it carried.
#![no_main]

use adkit::adapty::webhooks::{WebhookDelivery, WebhookReceiver};
use adkit::{ErrorKind, Secret};
use adkit_fuzz::{assert_no_secret, contains};
use libfuzzer_sys::fuzz_target;

const PRODUCTION: &str = "Bearer whk-SECRET-prod-4c1d";
const SANDBOX: &str = "whk-SECRET-sbx-9e02";

fuzz_target!(|data: &[u8]| {
    let (mode, body) = data.split_first().map_or((0, data), |(m, b)| (*m, b));
    let production = mode & 1 != 0;
    let sandbox = mode & 2 != 0 || !production;
    if !(mode & 1 != 0 || mode & 2 != 0) {
        // A receiver that would accept anything cannot be built.
        for refused in [
            WebhookReceiver::with_values(None, None),
            WebhookReceiver::new(""),
            WebhookReceiver::new(" \t"),
        ] {
            match refused {
                Ok(_) => panic!("a webhook receiver was built without an Authorization value"),
                Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e:?}"),
            }
        }
    }
    let built = WebhookReceiver::with_values(
        production.then(|| Secret::new(PRODUCTION)),
        sandbox.then(|| Secret::new(SANDBOX)),
    );
    let mut receiver = match built {
        Ok(r) => r,
        Err(e) => panic!("a receiver with configured values was refused: {e}"),
    };
    if mode & 16 != 0 {
        let names = [(
            "sub_started_custom".to_owned(),
            "subscription_started".to_owned(),
        )];
        receiver = receiver.with_event_names(names.into_iter().collect());
    }
    let line_end = body.iter().position(|b| *b == b'\n').unwrap_or(body.len());
    let fuzzed_value = String::from_utf8_lossy(&body[..line_end]).into_owned();
    let sent: Option<&str> = match (mode >> 2) & 3 {
        0 => None,
        1 => Some(PRODUCTION),
        2 => Some(SANDBOX),
        _ => Some(fuzzed_value.as_str()),
    };
    let name = if mode & 32 != 0 {
        "AUTHORIZATION"
    } else {
        "authorization"
    };
    let headers: Vec<(&str, &str)> = std::iter::once(("content-type", "application/json"))
        .chain(sent.map(|v| (name, v)))
        .collect();

    let debug = format!("{receiver:?}");
    assert!(
        !debug.contains(PRODUCTION) && !debug.contains(SANDBOX),
        "the receiver's Debug carries a configured value: {debug}"
    );
    // Values the input itself spells may be quoted back; the configured ones must not be otherwise.
    let secrets: Vec<&str> = [PRODUCTION, SANDBOX]
        .into_iter()
        .filter(|s| !contains(body, s.as_bytes()))
        .collect();

    let authorized = (production && sent == Some(PRODUCTION)) || (sandbox && sent == Some(SANDBOX));

    let received = receiver.receive(headers.iter().copied(), body);
    let parsed = receiver.parse(body);
    match &received {
        Ok(_) => assert!(
            authorized,
            "a delivery was accepted without a configured Authorization value"
        ),
        Err(e) => {
            assert_no_secret("adapty webhook receive", e, &secrets);
            if !authorized {
                assert_eq!(
                    e.kind(),
                    ErrorKind::Verification,
                    "a bad Authorization is not a verification error: {e:?}"
                );
            }
        }
    }
    if authorized {
        // Compared through Debug: a number read from a string may be NaN, which is never equal to itself.
        assert_eq!(
            format!("{received:?}"),
            format!("{parsed:?}"),
            "an authorized delivery decodes differently from parse"
        );
    }
    match &parsed {
        Err(e) => {
            assert_eq!(
                e.kind(),
                ErrorKind::InvalidInput,
                "a bad body is not invalid input: {e:?}"
            );
            assert_no_secret("adapty webhook parse", e, &secrets);
        }
        Ok(WebhookDelivery::Verification) => {}
        Ok(WebhookDelivery::Event { event }) => {
            assert!(
                !body.iter().all(u8::is_ascii_whitespace),
                "an empty body decoded as an event"
            );
            assert_eq!(
                event.dedupe_key, event.event_properties.profile_event_id,
                "the dedupe key is not profile_event_id"
            );
            if mode & 16 == 0 {
                assert_eq!(
                    event.event_type.as_str(),
                    event.event_name,
                    "without renames the type is the name as received"
                );
            }
        }
    }
    if let Ok(delivery) = &parsed {
        if let Err(e) = serde_json::to_string(delivery) {
            panic!("a decoded delivery does not serialize: {e}");
        }
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        assert_eq!(
            parsed.as_ref().ok(),
            Some(&WebhookDelivery::Verification),
            "a blank body is not the handshake"
        );
    }
});
