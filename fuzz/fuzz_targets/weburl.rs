//! `adkit::weburl::WebUrl`: parsing, `join` (resolving a `Location` header) and `endpoint`.
//! Input: text; its first line is a base URL (a default base when it does not parse), the second a
//! reference to join, the remaining lines are path segments for `endpoint` (`k=v` lines are query pairs).
//! Invariants: what parses re-parses to itself and is accepted by `http::Uri` with the same host and
//! port; the path is normalized (no plain `.`/`..` segments); a join leaves the base's origin only through an
//! absolute (`http:`/`https:`) or scheme-relative (`//`) reference; `endpoint` stays under the base
//! path and origin with exactly one path segment per segment given.
#![no_main]

use adkit::weburl::WebUrl;
use adkit_fuzz::{assert_no_plain_dot_segments, short};
use libfuzzer_sys::fuzz_target;

fn check_parsed_url(what: &str, input: &str, url: &WebUrl) {
    let text = url.to_string();
    match WebUrl::parse(&text) {
        Ok(again) => assert_eq!(
            &again, url,
            "{what}: `{input}` -> `{text}` re-parses differently"
        ),
        Err(e) => panic!("{what}: `{input}` -> `{text}` does not re-parse: {e}"),
    }
    assert!(
        url.path().starts_with('/'),
        "{what}: path without a leading slash: {text}"
    );
    // `WebUrl` resolves `.`/`..`; percent-encoded dots (`%2e`) it keeps as they are.
    assert_no_plain_dot_segments(what, &text);
    if adkit_fuzz::skip_uri_chars(&text) {
        return;
    }
    let uri = match text.parse::<http::Uri>() {
        Ok(uri) => uri,
        Err(e) => panic!("{what}: http::Uri refuses `{text}` (from `{input}`): {e}"),
    };
    let origin = url.origin();
    let expected_scheme = if url.is_https() { "https" } else { "http" };
    assert_eq!(
        uri.scheme_str(),
        Some(expected_scheme),
        "{what}: scheme differs for `{text}`"
    );
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    assert!(
        format!("{origin:?}").contains(&format!("host: {host:?}")),
        "{what}: http::Uri sees host `{host}` in `{text}`, WebUrl sees {origin:?}"
    );
    if let Some(port) = uri.port_u16() {
        assert!(
            format!("{origin:?}").contains(&format!("port: {port}")),
            "{what}: http::Uri sees port {port} in `{text}`, WebUrl sees {origin:?}"
        );
    }
    let _ = url.is_loopback();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let base_text = lines.next().unwrap_or_default();
    let reference = lines.next().unwrap_or_default();

    let parsed = WebUrl::parse(base_text);
    if let Ok(url) = &parsed {
        check_parsed_url("parse", base_text, url);
    }
    let base = match parsed {
        Ok(url) => url,
        Err(_) => match WebUrl::parse("https://api.admitad.com/api/v1/x?a=1") {
            Ok(url) => url,
            Err(e) => panic!("the default base does not parse: {e}"),
        },
    };

    if let Ok(joined) = base.join(reference) {
        check_parsed_url("join", reference, &joined);
        let lower = reference.to_ascii_lowercase();
        let absolute = lower.starts_with("http:")
            || lower.starts_with("https:")
            || reference.starts_with("//");
        if !absolute {
            assert_eq!(
                joined.origin(),
                base.origin(),
                "join: the relative reference `{reference}` moved `{base}` to another origin: `{joined}`"
            );
        }
    }

    let mut segments: Vec<&str> = Vec::new();
    let mut query: Vec<(&str, &str)> = Vec::new();
    for line in lines {
        match line.split_once('=') {
            Some(pair) => query.push(pair),
            None => segments.push(line),
        }
    }
    // `endpoint` encodes each segment but leaves `.` and `..` to the callers, which refuse them.
    segments.retain(|s| !matches!(*s, "." | ".."));
    let mut root = base.clone();
    root.ensure_trailing_slash();
    let url = root.endpoint(&segments, &query);
    let text = url.to_string();
    assert_eq!(
        url.origin(),
        root.origin(),
        "endpoint changed the origin: {text}"
    );
    let prefix = root.path().trim_end_matches('/');
    assert!(
        url.path().starts_with(prefix),
        "endpoint left the base path: {text}"
    );
    let added = match &url.path()[prefix.len()..] {
        // No segments under the root: the path stays `/`.
        "/" if prefix.is_empty() => usize::from(segments == [""]),
        rest => rest.split('/').skip(1).count(),
    };
    assert!(
        added == segments.len(),
        "endpoint made {added} segments of {} given: {}",
        segments.len(),
        short(&text)
    );
    if !adkit_fuzz::skip_uri_chars(&text) {
        if let Err(e) = text.parse::<http::Uri>() {
            panic!("http::Uri refuses the endpoint URL `{text}`: {e}");
        }
    }
    match WebUrl::parse(&text) {
        Ok(again) => assert_eq!(
            again, url,
            "the endpoint URL `{text}` re-parses differently"
        ),
        Err(e) => panic!("the endpoint URL `{text}` does not parse: {e}"),
    }
});
