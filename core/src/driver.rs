//! The one request driver every client and every surface goes through.
//!
//! It owns policy: the base URL rule (https, or plain http for loopback only), the SDK identification
//! header, header validation, per-request timeouts, retries (connect errors always; 429, 5xx,
//! timeouts and broken connections only for requests the vendor documents as safe to repeat) with jittered exponential backoff
//! and `Retry-After`, redirects (followed for GET; credentials dropped when the origin changes), the
//! response size cap and the vendor request id.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::error::{Error, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::transport::{Timer, Transport, TransportOptions, race};
use crate::weburl::WebUrl;

/// Knobs shared by every client. `Default` gives the documented defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientOptions {
    /// Replaces the vendor's base URL (https; plain http only for loopback hosts such as the sandbox).
    pub base_url: Option<String>,
    /// Per-attempt timeout (default 30 s).
    pub timeout: Duration,
    /// Retries after the first attempt (default 2, so 3 attempts in all).
    pub max_retries: u32,
    /// First backoff delay (default 500 ms), doubled per retry.
    pub initial_backoff: Duration,
    /// Largest backoff delay (default 8 s).
    pub max_backoff: Duration,
    /// Largest `Retry-After` the driver will wait; a longer one ends the call with the error (default 60 s).
    pub max_retry_after: Duration,
    /// Randomise backoff delays between 50% and 100% (default true; tests turn it off).
    pub jitter: bool,
    /// Cap on a response body (default 16 MiB).
    pub max_response_bytes: usize,
    /// Redirect hops followed at most (default 5).
    pub max_redirects: u32,
    /// The surface named in the SDK identification header (`rust`, `js`, `kotlin`, ...).
    pub surface: String,
    /// How the vendor says "rate limit exceeded" in fixed windows without `Retry-After` (Admitad: 503
    /// with `error_code` 4). A repeatable request that gets the status waits for the next window and is
    /// repeated; a non-repeatable one only when the body is unambiguously the vendor's rate-limit answer
    /// (a proxy's 503 may come after the API acted, so it fails with its error instead).
    pub rate_limit: Option<WindowRateLimit>,
    /// The vendor's rate-limit window (default 60 s).
    pub rate_limit_window: Duration,
    /// Where the client runs, as the binding knows it (default [`Runtime::Server`]); a secret key is
    /// refused in a [`Runtime::Browser`] unless the config allows it.
    pub runtime: Runtime,
}

/// Where a client runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Runtime {
    /// A server, a CLI, a test: anywhere a secret can be kept.
    #[default]
    Server,
    /// A web page or worker: anything in it is readable by whoever loads the page.
    Browser,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            base_url: None,
            timeout: Duration::from_secs(30),
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            jitter: true,
            max_response_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            surface: "rust".to_owned(),
            rate_limit: None,
            rate_limit_window: Duration::from_secs(60),
            runtime: Runtime::Server,
        }
    }
}

impl ClientOptions {
    /// The defaults for a binding: its surface name, and the knobs every binding exposes
    /// (`None` keeps the default).
    pub fn for_surface(
        surface: &str,
        base_url: Option<String>,
        timeout_ms: Option<u64>,
        max_retries: Option<u32>,
    ) -> Self {
        let defaults = ClientOptions::default();
        ClientOptions {
            base_url,
            timeout: timeout_ms.map_or(defaults.timeout, Duration::from_millis),
            max_retries: max_retries.unwrap_or(defaults.max_retries),
            surface: surface.to_owned(),
            ..defaults
        }
    }
}

/// A vendor's fixed-window rate-limit answer: `status`, and a JSON body whose member `code_member`
/// is `code` (as a string or a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WindowRateLimit {
    /// The status of the answer (Admitad: 503).
    pub status: u16,
    /// The JSON member carrying the vendor's error code (Admitad: `error_code`).
    pub code_member: &'static str,
    /// The code that means "rate limit exceeded" (Admitad: `4`).
    pub code: &'static str,
}

impl WindowRateLimit {
    /// Whether the response is unambiguously the vendor's rate-limit answer: the status and the code.
    pub fn is_unambiguous(&self, response: &HttpResponse) -> bool {
        if response.status != self.status {
            return false;
        }
        let Ok(serde_json::Value::Object(body)) =
            serde_json::from_slice::<serde_json::Value>(&response.body)
        else {
            return false;
        };
        match body.get(self.code_member) {
            Some(serde_json::Value::String(s)) => s == self.code,
            Some(serde_json::Value::Number(n)) => n.to_string() == self.code,
            _ => false,
        }
    }
}

/// Request headers that may follow a redirect to another origin; every other header (credentials,
/// vendor headers such as `adapty-customer-user-id`) belongs to the origin the request was built for.
const CROSS_ORIGIN_HEADERS: &[&str] = &[
    "accept",
    "accept-language",
    "content-type",
    "user-agent",
    CLIENT_HEADER,
];

/// The name of the SDK identification header.
pub const CLIENT_HEADER: &str = "x-adkit-client";

/// Response headers that carry a vendor request id, in order of preference.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-correlation-id",
];

/// How a request may be repeated, decided per endpoint from the vendor's documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestPolicy {
    /// The vendor documents that sending the request twice is harmless (GETs, Adjust's get-or-create
    /// `POST /app`). Only such requests are retried after a response or a timeout.
    pub idempotent: bool,
    /// Follow 3xx answers (GET only).
    pub follow_redirects: bool,
}

impl RequestPolicy {
    /// The policy for a method: GET is idempotent and follows redirects; others are neither.
    pub fn for_method(method: Method) -> Self {
        let get = method == Method::Get;
        RequestPolicy {
            idempotent: get,
            follow_redirects: get,
        }
    }
}

/// A response after the driver's retries and redirects, with what it learned about it.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The final response (any status).
    pub response: HttpResponse,
    /// The vendor request id from the response headers.
    pub request_id: Option<String>,
    /// `Retry-After` of the final response, resolved against the clock.
    pub retry_after: Option<Duration>,
    /// Attempts made (1 when the first one was final).
    pub attempts: u32,
}

impl Exchange {
    /// Wraps a response received in one attempt, reading the request id and `Retry-After` (an HTTP
    /// date is resolved against the Unix epoch; use this for golden tests of `parse`).
    pub fn new(response: HttpResponse) -> Self {
        Exchange::at(response, 0, 1)
    }

    /// Wraps a response, resolving `Retry-After` against `now_unix_ms`.
    pub fn at(response: HttpResponse, now_unix_ms: u64, attempts: u32) -> Self {
        let request_id = REQUEST_ID_HEADERS
            .iter()
            .find_map(|h| response.header(h))
            .map(str::to_owned);
        let retry_after = response
            .header("retry-after")
            .and_then(|v| parse_retry_after(v, now_unix_ms));
        Exchange {
            response,
            request_id,
            retry_after,
            attempts,
        }
    }
}

impl Exchange {
    /// A [`Error::Decode`] for this response (status, body excerpt, request id) with `reason`.
    pub fn decode_error(&self, vendor: crate::Vendor, reason: impl std::fmt::Display) -> Error {
        let mut err = Error::decode(vendor, self.response.status, &self.response.body, reason);
        if let Error::Decode(d) = &mut err {
            d.request_id = self.request_id.clone();
        }
        err
    }
}

/// Checks a base URL: absolute, https (http only for loopback), no user info, query or fragment.
/// Returns it with a trailing slash so endpoint paths join under it.
pub fn parse_base_url(raw: &str) -> Result<WebUrl, Error> {
    if raw.contains('#') {
        return Err(Error::invalid(
            "base_url",
            "must not carry a query or fragment",
        ));
    }
    let mut url = WebUrl::parse(raw).map_err(|reason| Error::invalid("base_url", reason))?;
    check_scheme(&url).map_err(|reason| Error::invalid("base_url", reason))?;
    if url.query().is_some() {
        return Err(Error::invalid(
            "base_url",
            "must not carry a query or fragment",
        ));
    }
    url.ensure_trailing_slash();
    Ok(url)
}

fn check_scheme(url: &WebUrl) -> Result<(), String> {
    if url.is_https() || url.is_loopback() {
        Ok(())
    } else {
        Err("plain http is only allowed for loopback hosts (127.0.0.1, ::1, localhost)".into())
    }
}

/// Refuses header names or values that would split or corrupt the request (CR, LF, NUL, other
/// controls), and header values that are not ASCII. One rule on every surface: the native transport
/// would send UTF-8, `fetch` Latin-1 or nothing, OkHttp and `java.net.http` refuse them — so a value
/// such as a customer user id with non-ASCII letters is refused before sending, with the header named.
pub fn check_headers(req: &HttpRequest) -> Result<(), Error> {
    for (name, value) in &req.headers {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
            return Err(Error::invalid(
                name.clone(),
                "header name must be visible ASCII",
            ));
        }
        if value
            .bytes()
            .any(|b| b == b'\r' || b == b'\n' || b == 0 || (b < 0x20 && b != b'\t') || b == 0x7f)
        {
            // Never echo the value: it may be a credential.
            return Err(Error::invalid(
                name.clone(),
                "header value must not contain CR, LF or other control characters",
            ));
        }
        if !value.is_ascii() {
            return Err(Error::invalid(
                name.clone(),
                "header value must be ASCII (HTTP transports differ on anything else)",
            ));
        }
    }
    Ok(())
}

/// The longest wait a `Retry-After` can ask for: what a value too large to represent becomes. It is
/// longer than any `max_retry_after`, so such an answer ends the call with its error.
pub const RETRY_AFTER_UNBOUNDED: Duration = Duration::from_millis(u64::MAX);

/// The longest URL the driver sends, in bytes: a request whose URL is longer (a huge filter value, say)
/// is [`Error::InvalidInput`] before anything is sent. Servers commonly refuse far less.
pub const MAX_URL_BYTES: usize = 32 * 1024;

/// Checks a built request the way the driver does before sending it: header names and values
/// ([`check_headers`]), the URL's length ([`MAX_URL_BYTES`]), form and scheme (https, or plain http for
/// loopback). Every request that passes converts to an `http::Request`.
pub fn check_request(req: &HttpRequest) -> Result<(), Error> {
    check_headers(req)?;
    if req.url.len() > MAX_URL_BYTES {
        return Err(Error::invalid(
            "url",
            format!(
                "is {} bytes long, more than the {MAX_URL_BYTES} adkit sends (shorten the filter values)",
                req.url.len()
            ),
        ));
    }
    let url = WebUrl::parse(&req.url).map_err(|reason| Error::invalid("url", reason))?;
    check_scheme(&url).map_err(|reason| Error::invalid("url", reason))
}

/// Parses `Retry-After` by this rule:
/// - delay-seconds (ASCII digits): that many seconds; a number too large to represent is
///   [`RETRY_AFTER_UNBOUNDED`] (over any cap: the call ends with the error, no retry);
/// - an HTTP date: the time from `now_unix_ms` until then (zero when it is past);
/// - anything else (negative, fractional, empty, garbage): `None` — treated as absent, so the
///   driver's own exponential backoff applies to a repeatable request.
pub fn parse_retry_after(value: &str, now_unix_ms: u64) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(match value.parse::<u64>() {
            Ok(secs) => Duration::from_secs(secs).min(RETRY_AFTER_UNBOUNDED),
            Err(_) => RETRY_AFTER_UNBOUNDED,
        });
    }
    let when = httpdate::parse_http_date(value).ok()?;
    let when_ms = when.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis();
    let when_ms = u64::try_from(when_ms).unwrap_or(u64::MAX);
    Some(Duration::from_millis(when_ms.saturating_sub(now_unix_ms)))
}

/// The request driver: one transport, one timer, one set of options.
pub struct Driver<T, C> {
    transport: T,
    timer: C,
    options: ClientOptions,
    base_url: WebUrl,
    client_header: String,
    rng: AtomicU64,
}

impl<T: Transport, C: Timer> Driver<T, C> {
    /// A driver for a vendor whose default base URL is `default_base_url`.
    pub fn new(
        options: ClientOptions,
        default_base_url: &str,
        transport: T,
        timer: C,
    ) -> Result<Self, Error> {
        let base_url = parse_base_url(options.base_url.as_deref().unwrap_or(default_base_url))?;
        if options.max_response_bytes == 0 {
            return Err(Error::invalid(
                "max_response_bytes",
                "must be greater than zero",
            ));
        }
        if options.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if options.surface.bytes().any(|b| b.is_ascii_control()) {
            return Err(Error::invalid(
                "surface",
                "must not contain control characters",
            ));
        }
        let client_header = format!("adkit/{} ({})", crate::VERSION, options.surface);
        let seed = timer.now_unix_ms() ^ 0x9E37_79B9_7F4A_7C15;
        Ok(Driver {
            transport,
            timer,
            options,
            base_url,
            client_header,
            rng: AtomicU64::new(seed | 1),
        })
    }

    /// The base URL endpoints are built under (always ending in `/`).
    pub fn base_url(&self) -> &WebUrl {
        &self.base_url
    }

    /// The options in force.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The injected timer.
    pub fn timer(&self) -> &C {
        &self.timer
    }

    /// The injected transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Sends a built request under the driver's policy and returns the final response of any status.
    /// Errors only for bad input, transport failures and cancellation; statuses are the caller's to map.
    pub async fn execute(
        &self,
        mut request: HttpRequest,
        policy: RequestPolicy,
    ) -> Result<Exchange, Error> {
        request.set_header(CLIENT_HEADER, self.client_header.clone());
        check_request(&request)?;
        let first_url =
            WebUrl::parse(&request.url).map_err(|reason| Error::invalid("url", reason))?;

        let max_attempts = self.options.max_retries.saturating_add(1);
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let last = attempt >= max_attempts;
            match self
                .send_following_redirects(request.clone(), &first_url, policy)
                .await
            {
                Ok(response) => {
                    let now = self.timer.now_unix_ms();
                    let retry_after = response
                        .header("retry-after")
                        .and_then(|v| parse_retry_after(v, now));
                    let window_limited = self.options.rate_limit.is_some_and(|rule| {
                        response.status == rule.status
                            && (policy.idempotent || rule.is_unambiguous(&response))
                    });
                    let retryable = response.status == 429 || (500..600).contains(&response.status);
                    if retryable && (policy.idempotent || window_limited) && !last {
                        let delay = match retry_after {
                            Some(d) if d > self.options.max_retry_after => None,
                            Some(d) => Some(d),
                            // The next window, unless that is further away than we agree to wait.
                            None if window_limited => Some(self.until_next_window(now))
                                .filter(|d| *d <= self.options.max_retry_after),
                            None => Some(self.backoff(attempt)),
                        };
                        if let Some(delay) = delay {
                            self.timer.sleep(delay).await;
                            continue;
                        }
                    }
                    return Ok(Exchange::at(response, now, attempt));
                }
                Err(err) => {
                    let retry = match &err {
                        // Nothing reached the server: always safe to try again.
                        Error::Transport {
                            kind: TransportErrorKind::Connect,
                            ..
                        } => true,
                        // A timeout or a broken connection (reset, truncated body): the server may have
                        // acted on it, so only when the vendor says repeating is harmless.
                        Error::Transport {
                            kind: TransportErrorKind::Timeout | TransportErrorKind::Other,
                            ..
                        } => policy.idempotent,
                        // Too large, bad redirects, bad input, cancellation: the same again would fail again.
                        _ => false,
                    };
                    if retry && !last {
                        self.timer.sleep(self.backoff(attempt)).await;
                        continue;
                    }
                    return Err(err);
                }
            }
        }
    }

    async fn send_following_redirects(
        &self,
        mut request: HttpRequest,
        first_url: &WebUrl,
        policy: RequestPolicy,
    ) -> Result<HttpResponse, Error> {
        let mut hops = 0u32;
        loop {
            let response = self.send_once(request.clone()).await?;
            let is_redirect = matches!(response.status, 301 | 302 | 303 | 307 | 308);
            if !(is_redirect && policy.follow_redirects && request.method == Method::Get) {
                return Ok(response);
            }
            hops += 1;
            if hops > self.options.max_redirects {
                return Err(Error::Transport {
                    kind: TransportErrorKind::Redirect,
                    message: format!("more than {} redirects", self.options.max_redirects),
                });
            }
            let location = response
                .header("location")
                .ok_or_else(|| Error::Transport {
                    kind: TransportErrorKind::Redirect,
                    message: format!("HTTP {} without a Location header", response.status),
                })?;
            let current =
                WebUrl::parse(&request.url).map_err(|reason| Error::invalid("url", reason))?;
            let next = current.join(location).map_err(|reason| Error::Transport {
                kind: TransportErrorKind::Redirect,
                message: format!("unusable Location: {reason}"),
            })?;
            check_scheme(&next).map_err(|reason| Error::Transport {
                kind: TransportErrorKind::Redirect,
                message: format!("refused redirect: {reason}"),
            })?;
            if current.is_https() && !next.is_https() {
                return Err(Error::Transport {
                    kind: TransportErrorKind::Redirect,
                    message: "refused redirect from https to plain http".into(),
                });
            }
            if next.origin() != first_url.origin() {
                // Credentials and vendor headers belong to the origin the request was built for.
                request.headers.retain(|(n, _)| {
                    CROSS_ORIGIN_HEADERS
                        .iter()
                        .any(|keep| keep.eq_ignore_ascii_case(n))
                });
            }
            request.url = next.to_string();
        }
    }

    async fn send_once(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let timeout = self.options.timeout;
        let options = TransportOptions {
            timeout: Some(timeout),
            max_response_bytes: self.options.max_response_bytes,
        };
        let send = async {
            self.transport.send(request, options).await.map_err(|e| {
                if e.cancelled {
                    Error::Cancelled
                } else {
                    Error::Transport {
                        kind: e.kind,
                        message: e.message,
                    }
                }
            })
        };
        // The transport should enforce the timeout itself; the race is the guarantee for those that do not.
        let deadline = async {
            self.timer.sleep(timeout).await;
            Err(Error::Transport {
                kind: TransportErrorKind::Timeout,
                message: format!(
                    "no response within {} ms",
                    u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX)
                ),
            })
        };
        let response = race(send, deadline).await?;
        if response.body.len() > self.options.max_response_bytes {
            return Err(Error::Transport {
                kind: TransportErrorKind::BodyTooLarge,
                message: format!(
                    "response body exceeds {} bytes",
                    self.options.max_response_bytes
                ),
            });
        }
        Ok(response)
    }

    /// Backoff before retry number `attempt` (1-based): `initial * 2^(attempt-1)`, capped, optionally
    /// jittered to 50–100%.
    /// The wait until the next rate-limit window starts (plus a little, so the retry lands inside it).
    fn until_next_window(&self, now_unix_ms: u64) -> Duration {
        let window = self.options.rate_limit_window.as_millis().max(1) as u64;
        Duration::from_millis(window - now_unix_ms % window + 50)
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let exp = attempt.saturating_sub(1).min(16);
        let base = self
            .options
            .initial_backoff
            .saturating_mul(1u32 << exp)
            .min(self.options.max_backoff);
        if !self.options.jitter {
            return base;
        }
        // 50–100% of the base, in integer milliseconds (no float conversions that could panic).
        let ms = base.as_millis() as u64;
        let permille = 500 + self.next_random() % 501;
        Duration::from_millis(ms.saturating_mul(permille) / 1000)
    }

    fn next_random(&self) -> u64 {
        // xorshift64*: jitter only, not security.
        let mut x = self.rng.load(Ordering::Relaxed);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng.store(x, Ordering::Relaxed);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert_eq!(
            parse_base_url("https://settings.adjust.com/api")
                .unwrap()
                .to_string(),
            "https://settings.adjust.com/api/"
        );
        assert!(parse_base_url("http://127.0.0.1:8080/").is_ok());
        assert!(parse_base_url("http://localhost:1/adjust/").is_ok());
        assert!(parse_base_url("http://[::1]:1/").is_ok());
        for bad in [
            "http://example.com/",
            "ftp://x/",
            "https://u:p@x.com/",
            "https://x.com/?a=1",
            "not a url",
            "",
        ] {
            let err = parse_base_url(bad).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
    }

    #[test]
    fn binding_options_keep_defaults_they_do_not_set() {
        let o = ClientOptions::for_surface("js", None, Some(250), None);
        assert_eq!(
            (o.timeout, o.max_retries, o.surface.as_str()),
            (Duration::from_millis(250), 2, "js")
        );
        assert_eq!(
            ClientOptions::for_surface("rust", None, None, None),
            ClientOptions::default()
        );
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("7", 0), Some(Duration::from_secs(7)));
        // Sun, 06 Nov 1994 08:49:37 GMT = 784111777 s
        let now = 784_111_777_000 - 3_000;
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 10_000),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", 0), None);
        // The rule for what does not parse: absent (the driver's backoff); overflow: unbounded.
        for junk in [
            "",
            "-5",
            "1.5",
            "5s",
            "+5",
            " ",
            "Sun, 99 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse_retry_after(junk, 0), None, "{junk:?}");
        }
        assert_eq!(
            parse_retry_after("99999999999999999999999", 0),
            Some(RETRY_AFTER_UNBOUNDED)
        );
        assert_eq!(
            parse_retry_after(&u64::MAX.to_string(), 0),
            Some(RETRY_AFTER_UNBOUNDED)
        );
        assert_eq!(parse_retry_after(" 007 ", 0), Some(Duration::from_secs(7)));
    }

    #[test]
    fn overlong_urls_are_refused_before_sending() {
        let long = format!("https://x.test/?q={}", "a".repeat(MAX_URL_BYTES));
        let err = check_request(&HttpRequest::new(Method::Get, long)).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("`url`"), "{err}");
        assert!(check_request(&HttpRequest::new(Method::Get, "https://x.test/?q=a")).is_ok());
        // Characters the `http` crate refuses never pass.
        for bad in [
            "https://x.test/a`b",
            "https://x.test/?q={}",
            "https://x.test/\"x\"",
        ] {
            assert!(
                check_request(&HttpRequest::new(Method::Get, bad)).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn non_ascii_header_values_are_refused_with_the_header_named() {
        let mut req = HttpRequest::new(Method::Get, "https://x.test/");
        req.set_header("adapty-customer-user-id", "José");
        let err = check_headers(&req).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("adapty-customer-user-id"), "{err}");
        assert!(!err.to_string().contains("José"), "{err}");
    }

    #[test]
    fn window_rate_limit_is_recognised_only_from_its_code() {
        let rule = WindowRateLimit {
            status: 503,
            code_member: "error_code",
            code: "4",
        };
        assert!(rule.is_unambiguous(&HttpResponse::new(503, r#"{"error_code":4}"#)));
        assert!(rule.is_unambiguous(&HttpResponse::new(503, r#"{"error_code":"4"}"#)));
        for ambiguous in [
            HttpResponse::new(503, "<html>Service Unavailable</html>"),
            HttpResponse::new(503, ""),
            HttpResponse::new(503, r#"{"error_code":5}"#),
            HttpResponse::new(500, r#"{"error_code":4}"#),
        ] {
            assert!(!rule.is_unambiguous(&ambiguous));
        }
    }

    #[test]
    fn header_values_with_crlf_are_refused() {
        let mut req = HttpRequest::new(Method::Get, "https://x.test/");
        req.set_header("AdjustAuthorization", "Token abc\r\nX-Evil: 1");
        let err = check_headers(&req).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(
            !err.to_string().contains("abc"),
            "the value must not be echoed: {err}"
        );
    }
}
