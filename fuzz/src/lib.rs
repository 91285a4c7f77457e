//! Helpers shared by the fuzz targets: fuzz bytes turned into responses and hostile strings, and the
//! invariants the targets check besides "no panic" (no secret in an error, requests the `http` crate
//! accepts, URLs that stay under the base).
//!
//! Layout of a response input (every `*_responses`/`*_pages`/`*_exports` target): byte 0 picks the
//! status, byte 1 is a set of header flags, the rest is the body. Seeds are `\0\0` + a body (status
//! 200, no optional headers).

use adkit::weburl::WebUrl;
use adkit::{Error, ErrorKind, HttpRequest, HttpResponse, ResponseDetails};
pub use libfuzzer_sys::arbitrary::Unstructured;
use std::sync::OnceLock;

/// Whether the known finding `name` is skipped in this run: `ADKIT_FUZZ_SKIP` is a comma-separated
/// list of finding names (see README.md). Unset — as in CI — every invariant is checked.
pub fn skipped(name: &str) -> bool {
    static SKIP: OnceLock<Vec<String>> = OnceLock::new();
    SKIP.get_or_init(|| {
        std::env::var("ADKIT_FUZZ_SKIP")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    })
    .iter()
    .any(|s| s == name)
}

/// `text` cut to 300 bytes for a panic message, with its full length.
pub fn short(text: &str) -> String {
    if text.len() <= 300 {
        return text.to_owned();
    }
    let mut end = 300;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

/// Whether `body` may hit the known core panic `redact-boundary` (skipped only when named in
/// `ADKIT_FUZZ_SKIP`): the excerpt redactor slices a form-field name right after a non-ASCII
/// whitespace character found before `=`, which is not a char boundary.
pub fn skip_redact_boundary(body: &[u8]) -> bool {
    skipped("redact-boundary")
        && body.contains(&b'=')
        && String::from_utf8_lossy(body)
            .chars()
            .any(|c| c.is_whitespace() && !c.is_ascii())
}

/// Whether `url` has a character outside RFC 3986 (reserved, unreserved and `%`), which `http::Uri`
/// refuses; such URLs are tolerated when the known finding `weburl-uri-chars` is skipped.
pub fn skip_uri_chars(url: &str) -> bool {
    skipped("weburl-uri-chars")
        && url
            .bytes()
            .any(|b| !(b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b)))
}

/// The longest URI the `http` crate accepts.
pub const HTTP_MAX_URI_LEN: usize = u16::MAX as usize - 1;

/// The value of every credential header put on a fuzzed response: it must never surface in an error.
pub const HEADER_SECRET: &str = "hdr-SECRET-5f1e0c7a9b";

/// Prefix of fuzzed values that are secrets (partner passwords, refresh tokens, client secrets): no
/// error text and no `Debug` may contain it.
pub const MARK: &str = "mk-SECRET-b3d9";

const STATUSES: [u16; 16] = [
    200, 201, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 302, 0, 999,
];

/// The status for a selector byte: the interesting ones first, then 132..=610.
pub fn status(selector: u8) -> u16 {
    match STATUSES.get(usize::from(selector)) {
        Some(s) => *s,
        None => 100 + u16::from(selector) * 2,
    }
}

/// Splits `[status][flags] body`; missing bytes read as 0.
pub fn split_input(data: &[u8]) -> (u16, u8, &[u8]) {
    let (s, rest) = data.split_first().map_or((0, data), |(s, r)| (*s, r));
    let (flags, body) = rest.split_first().map_or((0, rest), |(f, r)| (*f, r));
    (status(s), flags, body)
}

fn first_line(body: &[u8]) -> String {
    let end = body
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(body.len())
        .min(64);
    String::from_utf8_lossy(&body[..end]).into_owned()
}

/// A response from `[status][flags] body`. Flags add a request id, `Retry-After` (seconds, an HTTP
/// date, or the body's first line), a CSV or JSON `Content-Type` and a `WWW-Authenticate` challenge.
/// Credential headers carrying [`HEADER_SECRET`] are always present.
pub fn response(data: &[u8]) -> HttpResponse {
    let (status, flags, body) = split_input(data);
    let mut resp = HttpResponse::new(status, body.to_vec());
    if flags & 1 != 0 {
        resp = resp.with_header("X-Request-Id", "req-fuzz-1");
    }
    if flags & 2 != 0 {
        resp = resp.with_header("Retry-After", "120");
    }
    if flags & 4 != 0 {
        resp = resp.with_header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    }
    if flags & 8 != 0 {
        resp = resp.with_header("Content-Type", "text/csv; charset=utf-8");
    }
    if flags & 16 != 0 {
        resp = resp.with_header("Content-Type", "application/json");
    }
    if flags & 32 != 0 {
        resp = resp.with_header(
            "WWW-Authenticate",
            r#"Bearer realm="", error="invalid_token", error_description="expired""#,
        );
    }
    if flags & 64 != 0 {
        // Header values chosen by the fuzzer: the body's first line.
        let line = first_line(body);
        resp = resp
            .with_header("Retry-After", &line)
            .with_header("Request-Id", &line)
            .with_header("WWW-Authenticate", &line);
    }
    resp.with_header("Authorization", &format!("Bearer {HEADER_SECRET}"))
        .with_header("Cookie", &format!("session={HEADER_SECRET}"))
        .with_header("X-Api-Key", HEADER_SECRET)
}

/// Asserts that none of `secrets` appears in the error's `Display`, `Debug` or body excerpt.
pub fn assert_no_secret(what: &str, err: &Error, secrets: &[&str]) {
    let display = err.to_string();
    let debug = format!("{err:?}");
    let excerpt = err.body_excerpt().unwrap_or_default();
    for secret in secrets {
        assert!(
            !display.contains(secret),
            "{what}: the error's Display carries the secret `{secret}` from the input: {}",
            short(&display)
        );
        assert!(
            !debug.contains(secret),
            "{what}: the error's Debug carries the secret `{secret}` from the input: {}",
            short(&debug)
        );
        assert!(
            !excerpt.contains(secret),
            "{what}: the error's body excerpt carries the secret `{secret}` from the input: {}",
            short(excerpt)
        );
    }
}

/// Invariants of an error parsed from `resp`: a response kind, the response's status, an excerpt within
/// its documented limit, and no credential header value anywhere in it.
pub fn check_response_error(what: &str, resp: &HttpResponse, err: &Error) {
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Api
                | ErrorKind::NotFound
                | ErrorKind::Auth
                | ErrorKind::RateLimited
                | ErrorKind::Decode
        ),
        "{what}: a response became a {:?} error: {}",
        err.kind(),
        short(&format!("{err:?}"))
    );
    if let Some(status) = err.status() {
        assert_eq!(
            status, resp.status,
            "{what}: the error's status is not the response's"
        );
    }
    if let Some(excerpt) = err.body_excerpt() {
        assert!(
            excerpt.len() <= ResponseDetails::EXCERPT_LIMIT + '…'.len_utf8(),
            "{what}: the body excerpt is {} bytes, over the documented {} (+ '…')",
            excerpt.len(),
            ResponseDetails::EXCERPT_LIMIT
        );
    }
    // A body that itself spells the header secret may be quoted; the header value must not be.
    if !contains(&resp.body, HEADER_SECRET.as_bytes()) {
        assert_no_secret(what, err, &[HEADER_SECRET]);
    }
}

/// Checks one parse result against its response: an error status never parses as a value, and errors
/// keep the invariants of [`check_response_error`].
pub fn check_parsed<T>(what: &str, resp: &HttpResponse, result: &Result<T, Error>) {
    match result {
        Ok(_) => assert!(
            resp.status < 400,
            "{what}: HTTP {} parsed as a value",
            resp.status
        ),
        Err(e) => check_response_error(what, resp, e),
    }
}

/// Whether `haystack` contains `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Pieces that break naive builders: line breaks, NUL, traversal, URL and form delimiters, controls,
/// non-ASCII, quotes and a header-injection attempt.
const PIECES: &[&str] = &[
    "\r\n",
    "\n",
    "\r",
    "\0",
    "%00",
    "..",
    "../",
    "/..",
    "%2e%2e",
    "/",
    "\\",
    "?",
    "#",
    "&",
    "=",
    "%",
    "+",
    " ",
    "\t",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "ü",
    "日本",
    "🙂",
    "\u{feff}",
    "\"",
    "'",
    "<script>",
    "{}",
    "@",
    ":",
    ";",
    ",",
    "-",
    "_",
    ".",
    "\r\nX-Injected: 1",
    "\r\n\r\n",
    "--",
    "https://evil.example/",
    "//evil.example",
];

/// The longest string [`hostile`] makes.
pub const MAX_HOSTILE_LEN: usize = 70_000;

/// A hostile user string: usually a valid-looking value from `valid`, then edited by the fuzzer with
/// [`PIECES`], arbitrary text, repetition up to [`MAX_HOSTILE_LEN`] bytes, or truncation.
pub fn hostile(u: &mut Unstructured<'_>, valid: &[&str]) -> String {
    let mut s = String::new();
    if let Ok(i) = u.choose_index(valid.len() + 1) {
        if let Some(v) = valid.get(i) {
            s.push_str(v);
        }
    }
    let edits = u.int_in_range(0u8..=3).unwrap_or(0);
    for _ in 0..edits {
        match u.int_in_range(0u8..=4).unwrap_or(0) {
            0 | 1 => {
                let piece = PIECES[u.choose_index(PIECES.len()).unwrap_or(0)];
                let at = char_boundary(&s, u.arbitrary::<u16>().unwrap_or(0).into());
                s.insert_str(at, piece);
            }
            2 => s.push_str(u.arbitrary::<&str>().unwrap_or_default()),
            3 => {
                let times = usize::from(u.arbitrary::<u16>().unwrap_or(0) % 4096);
                let unit = if s.is_empty() {
                    "a".to_owned()
                } else {
                    s.clone()
                };
                let fit = MAX_HOSTILE_LEN / unit.len().max(1);
                s = unit.repeat(times.min(fit).max(1));
            }
            _ => {
                let at = char_boundary(&s, u.arbitrary::<u16>().unwrap_or(0).into());
                s.truncate(at);
            }
        }
    }
    s
}

/// A hostile value that is optional (`None` about a third of the time).
pub fn hostile_opt(u: &mut Unstructured<'_>, valid: &[&str]) -> Option<String> {
    match u.int_in_range(0u8..=2).unwrap_or(0) {
        0 => None,
        _ => Some(hostile(u, valid)),
    }
}

fn char_boundary(s: &str, at: usize) -> usize {
    if s.is_empty() {
        return 0;
    }
    let mut at = at % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The invariants of a built request: either [`Error::InvalidInput`] (with no secret in it), or a request
/// that passes the driver's header check and the `http` crate's checks, whose `Debug` carries no secret,
/// whose URL stays under `base` without dot segments, and whose multipart body (if any) has only the
/// parts it was given.
pub fn check_built(
    what: &str,
    base: &WebUrl,
    result: Result<HttpRequest, Error>,
    secrets: &[&str],
) {
    let req = match result {
        Err(e) => {
            assert_eq!(
                e.kind(),
                ErrorKind::InvalidInput,
                "{what}: build failed with a {:?} error, not InvalidInput: {}",
                e.kind(),
                short(&format!("{e:?}"))
            );
            assert_no_secret(what, &e, secrets);
            return;
        }
        Ok(req) => req,
    };
    let debug = format!("{req:?}");
    for secret in secrets {
        assert!(
            !debug.contains(secret),
            "{what}: the built request's Debug carries a secret: {}",
            short(&debug)
        );
    }
    // The driver checks every built request before sending (header values, URL length and form): what it
    // refuses is never sent, and it refuses with `InvalidInput`, like a build would.
    if let Err(e) = adkit::driver::check_request(&req) {
        assert_eq!(
            e.kind(),
            ErrorKind::InvalidInput,
            "{what}: the driver refused a built request with a {:?} error: {}",
            e.kind(),
            short(&debug)
        );
        assert_no_secret(what, &e, secrets);
        return;
    }
    check_url_under(what, base, &req.url);
    if let Some(boundary) = req
        .header("content-type")
        .and_then(|ct| ct.strip_prefix("multipart/form-data; boundary="))
    {
        check_multipart(what, boundary, &req.body);
    }
    if let Err(e) = http::Request::<Vec<u8>>::try_from(req) {
        panic!(
            "{what}: built a request the http crate refuses ({e}): {}",
            short(&debug)
        );
    }
}

/// A URL the library built under `base`: same origin, under the base path, already in normal form, no
/// `.`/`..` segments (spelled plainly or percent-encoded), and accepted by `http::Uri`.
pub fn check_url_under(what: &str, base: &WebUrl, url: &str) {
    let parsed = match WebUrl::parse(url) {
        Ok(p) => p,
        Err(e) => panic!("{what}: the built URL does not parse ({e}): {}", short(url)),
    };
    assert_eq!(
        parsed.origin(),
        base.origin(),
        "{what}: the built URL left the base origin: {}",
        short(url)
    );
    assert!(
        parsed.path().starts_with(base.path()),
        "{what}: the built URL left the base path {}: {}",
        base.path(),
        short(url)
    );
    assert_no_dot_segments(what, url);
    assert!(
        parsed.to_string() == url,
        "{what}: the built URL changes when parsed again: {}",
        short(url)
    );
    if (url.len() > HTTP_MAX_URI_LEN && skipped("uri-length")) || skip_uri_chars(url) {
        return;
    }
    if let Err(e) = url.parse::<http::Uri>() {
        panic!(
            "{what}: http::Uri refuses the built URL ({e}): {}",
            short(url)
        );
    }
}

/// No path segment of `url` is `.` or `..`, plainly or percent-encoded (a URL parser would resolve it).
pub fn assert_no_dot_segments(what: &str, url: &str) {
    for segment in path_segments(url) {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        assert!(
            decoded != "." && decoded != "..",
            "{what}: the URL has a dot segment `{segment}`: {}",
            short(url)
        );
    }
}

/// No path segment of `url` is a plain `.` or `..` (what `WebUrl` itself normalizes).
pub fn assert_no_plain_dot_segments(what: &str, url: &str) {
    for segment in path_segments(url) {
        assert!(
            segment != "." && segment != "..",
            "{what}: the URL has a dot segment `{segment}`: {}",
            short(url)
        );
    }
}

fn path_segments(url: &str) -> impl Iterator<Item = &str> {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i..])
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .split('/')
}

/// Each part of a `multipart/form-data` body has one `Content-Disposition` line (and at most a
/// `Content-Type` line): no value injected a header or a part of its own.
fn check_multipart(what: &str, boundary: &str, body: &[u8]) {
    let text = String::from_utf8_lossy(body);
    let delimiter = format!("--{boundary}");
    let parts: Vec<&str> = text.split(delimiter.as_str()).collect();
    assert!(
        parts.len() >= 2 && parts[0].is_empty() && parts[parts.len() - 1] == "--\r\n",
        "{what}: the multipart body is not framed by its boundary"
    );
    for part in &parts[1..parts.len() - 1] {
        let Some(part) = part.strip_prefix("\r\n") else {
            panic!(
                "{what}: a multipart part does not start with CRLF: {}",
                short(part)
            );
        };
        let Some((head, _)) = part.split_once("\r\n\r\n") else {
            panic!(
                "{what}: a multipart part has no header block: {}",
                short(part)
            );
        };
        let lines: Vec<&str> = head.split("\r\n").collect();
        let disposition = lines[0];
        assert!(
            disposition.starts_with("Content-Disposition: form-data; name=\"")
                && disposition.ends_with('"')
                && matches!(disposition.matches('"').count(), 2 | 4),
            "{what}: a multipart part has an odd Content-Disposition: {:?}",
            short(disposition)
        );
        assert!(
            lines.len() == 1 || (lines.len() == 2 && lines[1].starts_with("Content-Type: ")),
            "{what}: a multipart part has extra header lines: {:?}",
            short(head)
        );
    }
}
