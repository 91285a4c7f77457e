//! Adapty's profile response (getProfile, createProfile, updateProfile, deleteProfile) on one fuzzed
//! response (`[status][flags] body`), the access-level helpers on what decodes, and Adapty's date-time
//! parser on the body text (its canonical form must parse to itself).
#![no_main]

use adkit::Endpoint;
use adkit::adapty::*;
use adkit::driver::Exchange;
use adkit_fuzz::{check_parsed, check_response_error, response};
use libfuzzer_sys::fuzz_target;

fn check_profile(p: &Profile) {
    for level in &p.access_levels {
        for now in [i64::MIN, -1, 0, 1_736_000_000_000, i64::MAX] {
            let _ = level.is_active_at(now);
        }
    }
    let _ = p.access_level("premium");
    // Dates in a decoded profile are canonical or verbatim; a canonical one parses to itself.
    for level in &p.access_levels {
        for date in [
            &level.starts_at,
            &level.purchased_at,
            &level.originally_purchased_at,
            &level.expires_at,
            &level.renewal_cancelled_at,
            &level.billing_issue_detected_at,
        ]
        .into_iter()
        .flatten()
        {
            check_date(date);
        }
    }
}

fn check_date(text: &str) {
    if let Some(parsed) = datetime::parse(text) {
        let again = datetime::parse(&parsed.canonical)
            .unwrap_or_else(|| panic!("canonical date `{}` does not parse", parsed.canonical));
        assert_eq!(again, parsed, "canonical date of `{text}` is not stable");
        let _ = parsed.unix_ms();
    }
}

fuzz_target!(|data: &[u8]| {
    let resp = response(data);
    if adkit_fuzz::skip_redact_boundary(&resp.body) {
        return;
    }
    let ex = Exchange::new(resp.clone());
    let user = AdaptyUser::customer_user_id("user-42");
    let get = GetProfile { user: user.clone() }.parse(&ex);
    if let Ok(p) = &get {
        check_profile(p);
    }
    check_parsed("adapty get_profile", &resp, &get);
    let created = CreateProfile {
        user: user.clone(),
        profile: ProfileRequest::default(),
    }
    .parse(&ex);
    check_parsed("adapty create_profile", &resp, &created);
    let updated = UpdateProfile {
        user: user.clone(),
        profile: ProfileRequest::default(),
    }
    .parse(&ex);
    check_parsed("adapty update_profile", &resp, &updated);
    check_parsed(
        "adapty delete_profile",
        &resp,
        &DeleteProfile { user }.parse(&ex),
    );
    check_response_error(
        "adapty error_from_exchange",
        &resp,
        &error_from_exchange(&ex),
    );
    check_date(&String::from_utf8_lossy(&resp.body));
});
