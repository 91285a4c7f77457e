//! Admitad errors: `{error, error_description, error_code}` with `error_code` a number or a
//! string, method-specific bodies (`err_code`, bare `error`), the `WWW-Authenticate` header on 401,
//! 410 for withdrawn methods and 503 for the rate limit.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::driver::Exchange;
use crate::error::{Error, FieldError, ResponseDetails, Vendor};

/// Admitad's rate-limit answer: 503 with `error_code` 4.
pub const RATE_LIMIT: crate::driver::WindowRateLimit = crate::driver::WindowRateLimit {
    status: 503,
    code_member: "error_code",
    code: "4",
};

/// What an Admitad error body says, read leniently.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdmitadErrorBody {
    /// `error`.
    pub error: Option<String>,
    /// `error_description`.
    pub description: Option<String>,
    /// `error_code` (number or string) or `err_code`.
    pub code: Option<String>,
}

/// Reads the body, then the `WWW-Authenticate: Bearer error="…", error_description="…"` header.
pub fn read_error(exchange: &Exchange) -> AdmitadErrorBody {
    let mut out = AdmitadErrorBody::default();
    if let Ok(Value::Object(m)) = serde_json::from_slice::<Value>(&exchange.response.body) {
        let s = |v: Option<&Value>| match v {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        out.error = s(m.get("error"));
        out.description = s(m.get("error_description")).or_else(|| s(m.get("detail")));
        out.code = s(m.get("error_code")).or_else(|| s(m.get("err_code")));
    }
    if let Some(h) = exchange.response.header("www-authenticate") {
        let param = |name: &str| {
            let at = h.find(&format!("{name}=\""))? + name.len() + 2;
            let end = h[at..].find('"')? + at;
            Some(h[at..end].to_owned())
        };
        if out.error.is_none() {
            out.error = param("error");
        }
        if out.description.is_none() {
            out.description = param("error_description");
        }
    }
    out
}

/// Whether a 401 says the access token is expired or invalid (refresh once, then retry once).
pub fn is_invalid_token(exchange: &Exchange) -> bool {
    if exchange.response.status != 401 {
        return false;
    }
    let e = read_error(exchange);
    e.error.as_deref() == Some("invalid_token")
        || matches!(e.code.as_deref(), Some("0") | Some("1"))
}

/// Maps a non-success exchange: 401/403 → `Auth`, 404 → `NotFound`, 429, 503 or `error_code` 4 →
/// `RateLimited`, others (410 included) → `Api`.
pub fn error_from_exchange(exchange: &Exchange) -> Error {
    let resp = &exchange.response;
    let body = read_error(exchange);
    let mut d = ResponseDetails::new(Vendor::Admitad, resp.status, &resp.body);
    d.request_id = exchange.request_id.clone();
    d.retry_after = exchange.retry_after;
    d.code = body.code.clone().or(body.error.clone());
    d.field_errors = field_errors(&resp.body);
    let first_field = d
        .field_errors
        .first()
        .map(|f| format!("{}: {}", f.field, f.detail));
    d.message = body
        .description
        .or(body.error)
        .or(first_field)
        .unwrap_or_else(|| match resp.status {
            410 => "this method is no longer supported by Admitad (410)".to_owned(),
            503 => "rate limit exceeded (600 requests a minute per application)".to_owned(),
            s => format!("HTTP {s}"),
        });
    match resp.status {
        401 | 403 => Error::Auth(Box::new(d)),
        404 => Error::NotFound(Box::new(d)),
        429 | 503 => Error::RateLimited(Box::new(d)),
        _ if body.code.as_deref() == Some("4") => Error::RateLimited(Box::new(d)),
        _ => Error::Api(Box::new(d)),
    }
}

/// Validation bodies keyed by field (`{"name": ["This field is required."]}`), also per input index for
/// batch calls (`{"0": {"url": ["…"]}}` → field `0.url`). Bodies with `error`/`error_code` carry none.
fn field_errors(body: &[u8]) -> Vec<FieldError> {
    let Ok(Value::Object(m)) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    if [
        "error",
        "error_code",
        "err_code",
        "error_description",
        "detail",
    ]
    .iter()
    .any(|k| m.contains_key(*k))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    collect_field_errors("", &m, &mut out);
    out
}

fn collect_field_errors(
    prefix: &str,
    m: &serde_json::Map<String, Value>,
    out: &mut Vec<FieldError>,
) {
    for (k, v) in m {
        let field = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Value::Array(items) => out.extend(
                items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .map(|detail| FieldError::new(field.clone(), detail)),
            ),
            Value::String(detail) => out.push(FieldError::new(field, detail.clone())),
            Value::Object(inner) => collect_field_errors(&field, inner, out),
            _ => {}
        }
    }
}

pub(crate) fn decode_error(exchange: &Exchange, reason: impl std::fmt::Display) -> Error {
    exchange.decode_error(Vendor::Admitad, reason)
}

/// Decodes a 2xx JSON body into `T`, or maps the exchange to an error.
pub(crate) fn decode<T: DeserializeOwned>(exchange: &Exchange) -> Result<T, Error> {
    if !exchange.response.is_success() {
        return Err(error_from_exchange(exchange));
    }
    let body = &exchange.response.body;
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(decode_error(exchange, "expected JSON, got HTML or XML"));
    }
    serde_json::from_slice(body).map_err(|e| decode_error(exchange, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, HttpResponse};

    #[test]
    fn codes_as_numbers_or_strings_and_the_header() {
        let ex = Exchange::new(
            HttpResponse::new(401, r#"{"error_description": "Token doesn't exist", "error_code": 1, "error": "invalid_token"}"#)
                .with_header("WWW-Authenticate", r#"Bearer realm="", error="invalid_token", error_description="Token doesn't exist""#),
        );
        assert!(is_invalid_token(&ex));
        let e = error_from_exchange(&ex);
        assert_eq!((e.kind(), e.code()), (ErrorKind::Auth, Some("1")));
        let header_only = Exchange::new(HttpResponse::new(401, "").with_header(
            "WWW-Authenticate",
            r#"Bearer realm="", error="invalid_token", error_description="expired""#,
        ));
        assert!(is_invalid_token(&header_only));
        let s = error_from_exchange(&Exchange::new(HttpResponse::new(
            400,
            r#"{"error_code": "webmaster_not_connected"}"#,
        )));
        assert_eq!(
            (s.kind(), s.code()),
            (ErrorKind::Api, Some("webmaster_not_connected"))
        );
        let p = error_from_exchange(&Exchange::new(HttpResponse::new(
            404,
            r#"{"err_code": "PROMO_REQUEST_NOT_FOUND"}"#,
        )));
        assert_eq!(
            (p.kind(), p.code()),
            (ErrorKind::NotFound, Some("PROMO_REQUEST_NOT_FOUND"))
        );
        assert_eq!(
            error_from_exchange(&Exchange::new(HttpResponse::new(503, ""))).kind(),
            ErrorKind::RateLimited
        );
        assert_eq!(
            error_from_exchange(&Exchange::new(HttpResponse::new(410, ""))).kind(),
            ErrorKind::Api
        );
        let scope = Exchange::new(HttpResponse::new(
            403,
            r#"{"error":"insufficient_scope","error_code":2}"#,
        ));
        assert!(!is_invalid_token(&scope));
    }
}
