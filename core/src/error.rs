//! The one error model shared by every vendor and every surface.

use std::fmt;
use std::time::Duration;

/// Which vendor answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Vendor {
    /// Adapty (subscriptions).
    Adapty,
    /// Admitad (affiliate network).
    Admitad,
    /// Adjust (attribution).
    Adjust,
}

impl Vendor {
    /// Lower-case vendor name.
    pub fn as_str(self) -> &'static str {
        match self {
            Vendor::Adapty => "adapty",
            Vendor::Admitad => "admitad",
            Vendor::Adjust => "adjust",
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One invalid field reported by a vendor.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldError {
    /// The field, as the vendor names it.
    pub field: String,
    /// What is wrong with it.
    pub detail: String,
}

impl FieldError {
    /// A field error as a vendor reported it. A vendor may echo the value it refused: when the field is
    /// credential-named (see [`is_credential_name`]; for `0.access_token` the last part counts), the
    /// detail is [`REDACTED`] so the value never reaches an error's text.
    pub fn new(field: impl Into<String>, detail: impl Into<String>) -> Self {
        let field = field.into();
        let last = field.rsplit('.').next().unwrap_or_default();
        let detail = if is_credential_name(last) {
            REDACTED.to_owned()
        } else {
            detail.into()
        };
        FieldError { field, detail }
    }
}

/// What the library knows about a response that became an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseDetails {
    /// The vendor that answered.
    pub vendor: Vendor,
    /// The HTTP status.
    pub status: u16,
    /// The vendor's error code, when the body carried one.
    pub code: Option<String>,
    /// A human-readable message (from the body where possible).
    pub message: String,
    /// The vendor's request id, when a response header carried one.
    pub request_id: Option<String>,
    /// The start of the body (at most [`ResponseDetails::EXCERPT_LIMIT`] bytes, lossy UTF-8).
    pub body_excerpt: String,
    /// How long the vendor asked us to wait, from `Retry-After`.
    pub retry_after: Option<Duration>,
    /// Per-field validation errors.
    pub field_errors: Vec<FieldError>,
}

impl ResponseDetails {
    /// Maximum size of [`ResponseDetails::body_excerpt`], in bytes.
    pub const EXCERPT_LIMIT: usize = 512;

    /// Details with the given status and body; other fields empty.
    pub fn new(vendor: Vendor, status: u16, body: &[u8]) -> Self {
        ResponseDetails {
            vendor,
            status,
            code: None,
            message: String::new(),
            request_id: None,
            body_excerpt: excerpt(body),
            retry_after: None,
            field_errors: Vec::new(),
        }
    }
}

/// How much of a body is scanned for credentials before the excerpt is cut: a credential that starts
/// inside the excerpt and runs past this point is redacted to the end.
const REDACT_SCAN_LIMIT: usize = 16 * 1024;

/// The excerpt's stand-in for a credential's value.
pub(crate) const REDACTED: &str = "<redacted>";

/// Cuts a body to [`ResponseDetails::EXCERPT_LIMIT`] bytes on a character boundary, after redacting the
/// values of credential-looking JSON members and form fields (see [`is_credential_name`]).
pub(crate) fn excerpt(body: &[u8]) -> String {
    let scanned = &body[..body.len().min(REDACT_SCAN_LIMIT)];
    let text = redact_credentials(&String::from_utf8_lossy(scanned));
    if text.len() <= ResponseDetails::EXCERPT_LIMIT && scanned.len() == body.len() {
        return text;
    }
    let mut end = text.len().min(ResponseDetails::EXCERPT_LIMIT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Whether a JSON member or form field of this name carries a credential (compared
/// case-insensitively): tokens, secrets, passwords, API keys, authorization values, signed requests.
pub fn is_credential_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    const EXACT: &[&str] = &[
        "token",
        "secret",
        "password",
        "passwd",
        "authorization",
        "api_key",
        "apikey",
        "signed_request",
        "code_verifier",
    ];
    const SUFFIXES: &[&str] = &[
        "access_token",
        "refresh_token",
        "id_token",
        "purchase_token",
        "_secret",
        "_password",
        "secret_key",
        "private_key",
        "api_key",
    ];
    EXACT.contains(&n.as_str()) || SUFFIXES.iter().any(|s| n.ends_with(s))
}

/// Replaces the values of credential-looking members in JSON text (`"access_token": "…"`) and in form
/// text (`refresh_token=…&`) with [`REDACTED`]. Works on any text — truncated, malformed (a stray quote
/// never hides a member from it) or not JSON at all: every credential-looking name followed by `:` or `=`
/// has the value after it redacted; an unterminated value is redacted to the end.
pub(crate) fn redact_credentials(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let skip_spaces = |mut k: usize| {
        while k < bytes.len() && matches!(bytes[k], b' ' | b'\t' | b'\r' | b'\n') {
            k += 1;
        }
        k
    };
    let mut out = String::with_capacity(text.len());
    // Every index below sits on an ASCII byte or at the end, so slicing never splits a character.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_name_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_name_byte(bytes[i]) {
            i += 1;
        }
        if !is_credential_name(&text[start..i]) {
            continue;
        }
        let mut k = i;
        if k < bytes.len() && bytes[k] == b'"' {
            k += 1;
        }
        k = skip_spaces(k);
        if k >= bytes.len() || !matches!(bytes[k], b':' | b'=') {
            continue;
        }
        k = skip_spaces(k + 1);
        let value_start = k;
        let (value_end, quoted) = match bytes.get(k) {
            Some(b'"') => (
                string_end(bytes, k + 1).saturating_add(1).min(bytes.len()),
                true,
            ),
            // An object or array under a credential name: its members are looked at one by one.
            Some(b'{' | b'[') | None => continue,
            Some(_) => {
                let mut e = k;
                while e < bytes.len()
                    && !matches!(
                        bytes[e],
                        b',' | b'}' | b']' | b'&' | b'"' | b' ' | b'\t' | b'\r' | b'\n'
                    )
                {
                    e += 1;
                }
                (e, false)
            }
        };
        // A name inside a value already redacted: its own value, if it starts there too, is gone already.
        if value_end <= value_start || value_start < copied {
            continue;
        }
        out.push_str(&text[copied..value_start]);
        out.push_str(if quoted { "\"<redacted>\"" } else { REDACTED });
        copied = value_end;
        // A quoted value followed by `:` may be the next member's name in a mangled body
        // (`"token": "refresh_token": "…"`): it is redacted, and still looked at as a name.
        i = if quoted && bytes.get(skip_spaces(value_end)) == Some(&b':') {
            value_start + 1
        } else {
            value_end
        };
    }
    out.push_str(&text[copied..]);
    out
}

/// The index of the closing quote of a JSON string whose content starts at `from` (or the text's
/// length when it never closes).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    while k < bytes.len() {
        match bytes[k] {
            b'\\' => k += 2,
            b'"' => return k,
            _ => k += 1,
        }
    }
    bytes.len()
}

/// What went wrong below HTTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TransportErrorKind {
    /// The request did not finish within the configured timeout.
    Timeout,
    /// No connection could be made (nothing was sent).
    Connect,
    /// The response body was larger than the configured cap.
    BodyTooLarge,
    /// A redirect could not be followed (loop, missing `Location`, or a browser hid it).
    Redirect,
    /// Anything else the transport reported.
    Other,
}

/// The kind of an [`Error`], the same on every surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Caught before sending: missing field, bad header value, bad id.
    InvalidInput,
    /// The vendor answered with an error.
    Api,
    /// The addressed resource does not exist (404, or a vendor code that says so with another status).
    NotFound,
    /// 401/403: wrong, missing or expired credentials.
    Auth,
    /// The vendor asked us to slow down (after the driver's retries).
    RateLimited,
    /// Timeout, connection or other failure below HTTP.
    Transport,
    /// The response was not what the vendor documents.
    Decode,
    /// The caller cancelled the call.
    Cancelled,
    /// Something received (a webhook, a callback, a signed payload) failed its authenticity check.
    Verification,
}

impl ErrorKind {
    /// The kind's name as every surface spells it (`invalid_input`, `api`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Api => "api",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Auth => "auth",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Transport => "transport",
            ErrorKind::Decode => "decode",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Verification => "verification",
        }
    }
}

/// Every failure of an adkit call. No variant ever holds a credential.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Bad input, caught before anything was sent.
    #[error("invalid input `{field}`: {reason}")]
    InvalidInput {
        /// The offending field or parameter.
        field: String,
        /// Why it was refused.
        reason: String,
    },
    /// The vendor answered with an error status.
    #[error("{}", describe("API error", .0))]
    Api(Box<ResponseDetails>),
    /// The addressed resource does not exist: HTTP 404, or a vendor code that means it with another
    /// status (Adapty's `profile_does_not_exist` comes as 400 or 404).
    #[error("{}", describe("not found", .0))]
    NotFound(Box<ResponseDetails>),
    /// The vendor refused the credentials (401/403).
    #[error("{}", describe("authentication failed", .0))]
    Auth(Box<ResponseDetails>),
    /// The vendor rate-limited the call and the driver's retries ran out (or `Retry-After` exceeded the cap).
    #[error("{}", describe("rate limited", .0))]
    RateLimited(Box<ResponseDetails>),
    /// The response did not decode as documented.
    #[error("{}", describe("unexpected response", .0))]
    Decode(Box<ResponseDetails>),
    /// The request failed below HTTP.
    #[error("transport error ({kind:?}): {message}")]
    Transport {
        /// What failed.
        kind: TransportErrorKind,
        /// The transport's description.
        message: String,
    },
    /// The caller cancelled the call.
    #[error("cancelled")]
    Cancelled,
    /// Something received (a webhook, an OAuth callback, a signed payload) is not authentic: wrong or
    /// missing authorization, state or signature. Never echoes the expected secret.
    #[error("verification failed: {reason}")]
    Verification {
        /// What did not match.
        reason: String,
    },
}

fn describe(what: &str, d: &ResponseDetails) -> String {
    let mut s = format!("{} {what} (HTTP {})", d.vendor, d.status);
    if let Some(code) = &d.code {
        s.push_str(&format!(" [{code}]"));
    }
    if !d.message.is_empty() {
        s.push_str(": ");
        s.push_str(&d.message);
    }
    if let Some(id) = &d.request_id {
        s.push_str(&format!(" (request id {id})"));
    }
    s
}

impl Error {
    /// An [`Error::InvalidInput`].
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The kind, the same on every surface.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Api(_) => ErrorKind::Api,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Auth(_) => ErrorKind::Auth,
            Error::RateLimited(_) => ErrorKind::RateLimited,
            Error::Decode(_) => ErrorKind::Decode,
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Cancelled => ErrorKind::Cancelled,
            Error::Verification { .. } => ErrorKind::Verification,
        }
    }

    /// The response details, for errors that came from a response.
    pub fn details(&self) -> Option<&ResponseDetails> {
        match self {
            Error::Api(d)
            | Error::NotFound(d)
            | Error::Auth(d)
            | Error::RateLimited(d)
            | Error::Decode(d) => Some(d),
            _ => None,
        }
    }

    /// What failed below HTTP, for [`Error::Transport`].
    pub fn transport_kind(&self) -> Option<TransportErrorKind> {
        match self {
            Error::Transport { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// The HTTP status, when a response was received.
    pub fn status(&self) -> Option<u16> {
        self.details().map(|d| d.status)
    }

    /// The vendor's error code, when the body carried one.
    pub fn code(&self) -> Option<&str> {
        self.details().and_then(|d| d.code.as_deref())
    }

    /// The vendor's request id.
    pub fn request_id(&self) -> Option<&str> {
        self.details().and_then(|d| d.request_id.as_deref())
    }

    /// `Retry-After` as the vendor sent it.
    pub fn retry_after(&self) -> Option<Duration> {
        self.details().and_then(|d| d.retry_after)
    }

    /// The start of the response body.
    pub fn body_excerpt(&self) -> Option<&str> {
        self.details().map(|d| d.body_excerpt.as_str())
    }

    /// A decode error for a response of a credential endpoint (a token grant): the body is never
    /// excerpted, the message says only what was wrong.
    /// The same error without its body excerpt: for a response whose body is a credential (a token
    /// endpoint's), which is never excerpted, whatever its status — redaction cannot find a token in a
    /// body that is not well-formed JSON.
    pub(crate) fn without_body_excerpt(mut self) -> Self {
        if let Error::Api(d)
        | Error::NotFound(d)
        | Error::Auth(d)
        | Error::RateLimited(d)
        | Error::Decode(d) = &mut self
        {
            d.body_excerpt.clear();
        }
        self
    }

    pub(crate) fn decode_credential_response(
        vendor: Vendor,
        status: u16,
        request_id: Option<String>,
        reason: impl fmt::Display,
    ) -> Self {
        let mut d = ResponseDetails::new(vendor, status, b"");
        d.message = reason.to_string();
        d.request_id = request_id;
        Error::Decode(Box::new(d))
    }

    /// A decode error for a response whose body did not match.
    pub(crate) fn decode(
        vendor: Vendor,
        status: u16,
        body: &[u8],
        reason: impl fmt::Display,
    ) -> Self {
        let mut d = ResponseDetails::new(vendor, status, body);
        d.message = reason.to_string();
        Error::Decode(Box::new(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_on_char_boundary() {
        let body = "é".repeat(400);
        let e = excerpt(body.as_bytes());
        assert!(e.len() <= ResponseDetails::EXCERPT_LIMIT + '…'.len_utf8());
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(b"short"), "short");
    }

    #[test]
    fn excerpts_redact_credential_members() {
        let body = br#"{"access_token": "AT-LIVE-1", "token_type":"bearer","refresh_token":"RT-LIVE-2","scope":7,"client_secret":"CS-3","password":12345,"nested":{"Secret":"S-4"},"esc":"a\"access_token\":\"x"}"#;
        let e = excerpt(body);
        for secret in ["AT-LIVE-1", "RT-LIVE-2", "CS-3", "12345", "S-4"] {
            assert!(!e.contains(secret), "{secret} in {e}");
        }
        assert!(e.contains(r#""token_type":"bearer""#), "{e}");
        assert!(e.contains(r#""scope":7"#), "{e}");
        assert!(e.contains(r#""access_token": "<redacted>""#), "{e}");
        // Form bodies and truncated JSON.
        let e =
            excerpt(b"grant_type=refresh_token&client_secret=CS-9&refresh_token=RT-9&client_id=c1");
        assert!(!e.contains("CS-9") && !e.contains("RT-9"), "{e}");
        assert!(e.contains("client_id=c1"), "{e}");
        let e = excerpt(br#"{"error":"x","refresh_token":"RT-CUT-OFF-"#);
        assert!(!e.contains("RT-CUT"), "{e}");
        // A credential that starts in the excerpt and runs past the scan limit.
        let mut long = br#"{"access_token":""#.to_vec();
        long.extend(std::iter::repeat_n(b'Z', REDACT_SCAN_LIMIT * 2));
        assert!(!excerpt(&long).contains("ZZZ"));
        // A stray quote before the member (found by fuzzing) does not hide it.
        let e = excerpt(br#"{"error,"access_token":"AT-STRAY"}"#);
        assert!(!e.contains("AT-STRAY"), "{e}");
        // A mangled body whose credential "value" is the next member's name (found by fuzzing).
        let e = excerpt(b"x\"C,*token\":\t\"refresh_token\":\"RT-NEXT\"");
        assert!(!e.contains("RT-NEXT"), "{e}");
        let _ = excerpt(br#"token":"a token:"b":"c"#);
        let e = excerpt(br#"{"error""refresh_token":"RT-AS-KEY":"x"}"#);
        assert!(!e.contains("RT-AS-KEY"), "{e}");
        // Non-ASCII whitespace before `=` (found by fuzzing) never splits a character.
        assert_eq!(excerpt("\u{85}=".as_bytes()), "\u{85}=");
        assert_eq!(excerpt("a\u{3000}=1".as_bytes()), "a\u{3000}=1");
        let e = excerpt("\u{3000}password=P-9&x=1".as_bytes());
        assert!(!e.contains("P-9") && e.contains("x=1"), "{e}");
        // Ordinary bodies are untouched.
        assert_eq!(
            excerpt(br#"{"detail":"Not found."}"#),
            r#"{"detail":"Not found."}"#
        );
        assert_eq!(excerpt(b"<html>a=b</html>"), "<html>a=b</html>");
    }

    #[test]
    fn display_has_status_code_and_request_id() {
        let mut d = ResponseDetails::new(Vendor::Adjust, 400, b"{}");
        d.code = Some("invalid".into());
        d.message = "name is required".into();
        d.request_id = Some("req-1".into());
        let e = Error::Api(Box::new(d));
        assert_eq!(
            e.to_string(),
            "adjust API error (HTTP 400) [invalid]: name is required (request id req-1)"
        );
        assert_eq!(e.kind(), ErrorKind::Api);
        assert_eq!(e.status(), Some(400));
        assert_eq!(e.request_id(), Some("req-1"));
    }
}
