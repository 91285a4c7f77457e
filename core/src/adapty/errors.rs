//! Adapty's four error envelopes into the error model, and the success decoders.
//!
//! * A `{"errors":[{"source": s|null, "errors":[..]}], "error_code", "status_code"}`
//! * B `{"errors":[".."], "error_code", "status_code"}`
//! * C JSON:API `{"errors":[{"detail", "source":{"pointer"}, "status":"400"}]}` (Stripe)
//! * D `{"errors":{"field":[".."]}, "error_code", "status_code"}`
//!
//! `profile_does_not_exist`, `profile_not_found`, `paywall_does_not_exist` and
//! `VARIATION_DOES_NOT_EXIST_ERROR` are [`Error::NotFound`] whatever the status (400 or 404).

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::driver::Exchange;
use crate::error::{Error, FieldError, ResponseDetails, Vendor};

/// Codes that mean "the addressed thing does not exist", whatever status carried them.
pub const NOT_FOUND_CODES: &[&str] = &[
    "profile_does_not_exist",
    "profile_not_found",
    "paywall_does_not_exist",
    "VARIATION_DOES_NOT_EXIST_ERROR",
];

fn source_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        // JSON:API: {"pointer": "/data/attributes/stripe_token"} → "stripe_token".
        Some(Value::Object(o)) => o
            .get("pointer")
            .and_then(Value::as_str)
            .map(|p| p.rsplit('/').next().unwrap_or(p).to_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn read_envelope(d: &mut ResponseDetails, map: &serde_json::Map<String, Value>) {
    match map.get("error_code") {
        Some(Value::String(s)) => d.code = Some(s.clone()),
        Some(Value::Number(n)) => d.code = Some(n.to_string()),
        _ => {}
    }
    let mut messages: Vec<String> = Vec::new();
    match map.get("errors") {
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    // B: bare strings.
                    Value::String(s) => messages.push(s.clone()),
                    Value::Object(o) => {
                        let field = source_of(o.get("source"));
                        let mut texts: Vec<String> = match o.get("errors") {
                            // A: {"source", "errors": [...]}.
                            Some(Value::Array(e)) => e
                                .iter()
                                .filter_map(|t| t.as_str().map(str::to_owned))
                                .collect(),
                            Some(Value::String(s)) => vec![s.clone()],
                            _ => Vec::new(),
                        };
                        // C: {"detail", "source": {"pointer"}, "status"}.
                        if let Some(Value::String(detail)) = o.get("detail") {
                            texts.push(detail.clone());
                        }
                        for detail in texts {
                            if field.is_empty() || field == "non_field_errors" {
                                messages.push(detail);
                            } else {
                                let fe = FieldError::new(field.clone(), detail);
                                messages.push(format!("{}: {}", fe.field, fe.detail));
                                d.field_errors.push(fe);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // D: {"field": [...]}.
        Some(Value::Object(fields)) => {
            for (field, v) in fields {
                let texts: Vec<String> = match v {
                    Value::Array(e) => e
                        .iter()
                        .filter_map(|t| t.as_str().map(str::to_owned))
                        .collect(),
                    Value::String(s) => vec![s.clone()],
                    _ => continue,
                };
                for detail in texts {
                    let fe = FieldError::new(field.clone(), detail);
                    messages.push(format!("{}: {}", fe.field, fe.detail));
                    d.field_errors.push(fe);
                }
            }
        }
        _ => {}
    }
    if let Some(Value::String(s)) = map.get("detail").or_else(|| map.get("message")) {
        messages.insert(0, s.clone());
    }
    d.message = messages.join("; ");
}

/// Maps a non-success exchange to the error model: not-found codes and 404 → `NotFound`, 401/403 →
/// `Auth`, 429 → `RateLimited`, other statuses → `Api`; with status, code, message, field errors,
/// request id, `Retry-After` and a body excerpt.
pub fn error_from_exchange(exchange: &Exchange) -> Error {
    let resp = &exchange.response;
    let mut d = ResponseDetails::new(Vendor::Adapty, resp.status, &resp.body);
    d.request_id = exchange.request_id.clone();
    d.retry_after = exchange.retry_after;
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&resp.body) {
        read_envelope(&mut d, &map);
    }
    if d.message.is_empty() {
        d.message = match resp.status {
            300..=399 => format!("unexpected redirect (HTTP {})", resp.status),
            _ => format!("HTTP {}", resp.status),
        };
    }
    let not_found = d
        .code
        .as_deref()
        .is_some_and(|c| NOT_FOUND_CODES.contains(&c));
    match resp.status {
        _ if not_found => Error::NotFound(Box::new(d)),
        404 => Error::NotFound(Box::new(d)),
        401 | 403 if d.code.as_deref() != Some("feature_not_enabled") => Error::Auth(Box::new(d)),
        429 => Error::RateLimited(Box::new(d)),
        _ => Error::Api(Box::new(d)),
    }
}

pub(crate) fn decode_error(exchange: &Exchange, reason: impl std::fmt::Display) -> Error {
    exchange.decode_error(Vendor::Adapty, reason)
}

/// The body of a 2xx answer, or the mapped error. HTML where JSON was due is a decode error.
pub(crate) fn success_body(exchange: &Exchange) -> Result<&[u8], Error> {
    let resp = &exchange.response;
    if !resp.is_success() {
        return Err(error_from_exchange(exchange));
    }
    let start = resp
        .body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(resp.body.len());
    if resp.body.get(start) == Some(&b'<') {
        return Err(decode_error(exchange, "expected JSON, got HTML or XML"));
    }
    Ok(&resp.body[start..])
}

/// Decodes a 2xx JSON body into `T`.
pub(crate) fn decode<T: DeserializeOwned>(exchange: &Exchange) -> Result<T, Error> {
    let body = success_body(exchange)?;
    if body.is_empty() {
        return Err(decode_error(exchange, "expected JSON, got an empty body"));
    }
    serde_json::from_slice(body).map_err(|e| decode_error(exchange, e))
}

/// `{"data": T}`.
#[derive(serde::Deserialize)]
struct DataEnvelope<T> {
    data: T,
}

/// Decodes a 2xx `{"data": T}` body.
pub(crate) fn decode_data<T: DeserializeOwned>(exchange: &Exchange) -> Result<T, Error> {
    decode::<DataEnvelope<T>>(exchange).map(|e| e.data)
}

/// A 2xx answer whose body is ignored (204, blank, `{}`).
pub(crate) fn expect_success(exchange: &Exchange) -> Result<(), Error> {
    success_body(exchange).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpResponse;
    use crate::error::ErrorKind;

    fn err(status: u16, body: &str) -> Error {
        error_from_exchange(&Exchange::new(
            HttpResponse::new(status, body.to_owned()).with_header("Request-Id", "758f01dfd9e7"),
        ))
    }

    #[test]
    fn shape_a_with_sources() {
        let e = err(
            400,
            r#"{"errors":[{"source":"expires_at","errors":["expires_at must be later than purchased_at"]},{"source":null,"errors":["second"]}],"error_code":"expires_date_error","status_code":400}"#,
        );
        assert_eq!(e.kind(), ErrorKind::Api);
        let d = e.details().unwrap();
        assert_eq!(d.code.as_deref(), Some("expires_date_error"));
        assert_eq!(
            d.field_errors,
            vec![FieldError {
                field: "expires_at".into(),
                detail: "expires_at must be later than purchased_at".into()
            }]
        );
        assert_eq!(
            d.message,
            "expires_at: expires_at must be later than purchased_at; second"
        );
        assert_eq!(d.request_id.as_deref(), Some("758f01dfd9e7"));
    }

    #[test]
    fn shape_b_and_both_not_found_statuses() {
        let b = err(
            400,
            r#"{"errors":["Profile does not exist"],"error_code":"profile_does_not_exist","status_code":400}"#,
        );
        let a = err(
            404,
            r#"{"errors":[{"source":null,"errors":["Profile not found"]}],"error_code":"profile_does_not_exist","status_code":404}"#,
        );
        for e in [&a, &b] {
            assert_eq!(e.kind(), ErrorKind::NotFound);
            assert_eq!(e.code(), Some("profile_does_not_exist"));
        }
        assert_eq!(b.details().unwrap().message, "Profile does not exist");
        assert_eq!(a.status(), Some(404));
        assert_eq!(b.status(), Some(400));
        let unauthorized = err(
            401,
            r#"{"errors":["Invalid API key"],"error_code":"unauthorized","status_code":401}"#,
        );
        assert_eq!(unauthorized.kind(), ErrorKind::Auth);
        let off = err(
            403,
            r#"{"errors":[{"source":null,"errors":["off"]}],"error_code":"feature_not_enabled","status_code":403}"#,
        );
        assert_eq!(off.kind(), ErrorKind::Api);
    }

    #[test]
    fn shape_c_json_api_and_shape_d_map() {
        let c = err(
            400,
            r#"{"errors":[{"detail":"none is not an allowed value","source":{"pointer":"/data/attributes/stripe_token"},"status":"400"}]}"#,
        );
        assert_eq!(c.kind(), ErrorKind::Api);
        assert_eq!(c.details().unwrap().field_errors[0].field, "stripe_token");
        assert_eq!(c.code(), None);
        let d = err(
            400,
            r#"{"errors":{"visited_at":["invalid datetime format"]},"error_code":"base_error","status_code":400}"#,
        );
        assert_eq!(d.code(), Some("base_error"));
        assert_eq!(d.details().unwrap().field_errors[0].field, "visited_at");
        let limited = error_from_exchange(&Exchange::new(
            HttpResponse::new(429, "").with_header("Retry-After", "2"),
        ));
        assert_eq!(limited.kind(), ErrorKind::RateLimited);
        assert_eq!(
            err(500, "<html>oops</html>").body_excerpt(),
            Some("<html>oops</html>")
        );
    }
}
