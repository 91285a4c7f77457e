//! Turning Adjust responses into outputs and errors. Adjust documents no error body, so
//! messages are read from the common keys (`detail`, `error`, `message`, `errors`) when the body is JSON.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::driver::Exchange;
use crate::error::{Error, FieldError, ResponseDetails, Vendor};

use crate::reply::Reply as WithRequestId;
pub(crate) use crate::reply::reply as with_request_id;

/// Maps a non-success exchange to the error model: 401/403 → `Auth`, 429 → `RateLimited`, others →
/// `Api`, with the status, request id, `Retry-After`, body excerpt, message, code and field errors.
pub fn error_from_exchange(exchange: &Exchange) -> Error {
    let resp = &exchange.response;
    let mut d = ResponseDetails::new(Vendor::Adjust, resp.status, &resp.body);
    d.request_id = exchange.request_id.clone();
    d.retry_after = exchange.retry_after;
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&resp.body) {
        for key in ["detail", "message", "error_description", "error", "msg"] {
            if let Some(Value::String(s)) = map.get(key) {
                d.message = s.clone();
                break;
            }
        }
        if let Some(code) = map.get("code").or_else(|| map.get("error_code")) {
            d.code = match code {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
        }
        let fields = match map.get("errors") {
            Some(Value::Object(errors)) => Some(errors),
            _ => None,
        };
        // Field errors: {"errors": {"name": ["..."]}} or the bare form {"name": ["..."]}.
        let source = fields.unwrap_or(&map);
        for (field, value) in source {
            let messages: Vec<String> = match value {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect(),
                Value::String(s) if fields.is_some() => vec![s.clone()],
                _ => continue,
            };
            for detail in messages {
                d.field_errors.push(FieldError::new(field.clone(), detail));
            }
        }
        if d.message.is_empty() {
            if let Some(first) = d.field_errors.first() {
                d.message = format!("{}: {}", first.field, first.detail);
            }
        }
    }
    if d.message.is_empty() {
        d.message = match resp.status {
            300..=399 => format!("unexpected redirect (HTTP {})", resp.status),
            _ => format!("HTTP {}", resp.status),
        };
    }
    match resp.status {
        401 | 403 => Error::Auth(Box::new(d)),
        404 => Error::NotFound(Box::new(d)),
        429 => Error::RateLimited(Box::new(d)),
        _ => Error::Api(Box::new(d)),
    }
}

/// Decodes a success body as JSON into `T`, or maps the exchange to an error.
pub(crate) fn decode_json<T: DeserializeOwned + WithRequestId>(
    exchange: &Exchange,
) -> Result<T, Error> {
    // Straight from the bytes: about twice as fast as going through a `Value` (see the bench).
    let mut out: T =
        serde_json::from_slice(success_body(exchange)?).map_err(|e| decode_error(exchange, e))?;
    out.set_request_id(exchange.request_id.clone());
    Ok(out)
}

/// Decodes a success body as a JSON value, or maps the exchange to an error.
pub(crate) fn decode_value(exchange: &Exchange) -> Result<Value, Error> {
    serde_json::from_slice(success_body(exchange)?).map_err(|e| decode_error(exchange, e))
}

/// The body of a 2xx response that looks like JSON, or the mapped error.
fn success_body(exchange: &Exchange) -> Result<&[u8], Error> {
    let resp = &exchange.response;
    if !resp.is_success() {
        return Err(error_from_exchange(exchange));
    }
    let trimmed = resp
        .body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &resp.body[i..])
        .unwrap_or(&[]);
    if trimmed.first() == Some(&b'<') {
        return Err(decode_error(exchange, "expected JSON, got HTML or XML"));
    }
    if trimmed.is_empty() {
        return Err(decode_error(exchange, "expected JSON, got an empty body"));
    }
    Ok(&resp.body)
}

pub(crate) fn decode_error(exchange: &Exchange, reason: impl std::fmt::Display) -> Error {
    exchange.decode_error(Vendor::Adjust, reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpResponse;
    use crate::error::ErrorKind;

    #[test]
    fn reads_messages_codes_and_field_errors() {
        let ex = Exchange::new(
            HttpResponse::new(400, r#"{"detail":"Invalid input","code":"invalid","errors":{"name":["This field is required."]}}"#)
                .with_header("X-Request-Id", "rq-9"),
        );
        let err = error_from_exchange(&ex);
        assert_eq!(err.kind(), ErrorKind::Api);
        let d = err.details().unwrap();
        assert_eq!(d.message, "Invalid input");
        assert_eq!(d.code.as_deref(), Some("invalid"));
        assert_eq!(d.request_id.as_deref(), Some("rq-9"));
        assert_eq!(
            d.field_errors,
            vec![FieldError {
                field: "name".into(),
                detail: "This field is required.".into()
            }]
        );
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(
            error_from_exchange(&Exchange::new(HttpResponse::new(401, "{}"))).kind(),
            ErrorKind::Auth
        );
        assert_eq!(
            error_from_exchange(&Exchange::new(HttpResponse::new(403, ""))).kind(),
            ErrorKind::Auth
        );
        let limited = error_from_exchange(&Exchange::new(
            HttpResponse::new(429, "").with_header("Retry-After", "3"),
        ));
        assert_eq!(limited.kind(), ErrorKind::RateLimited);
        assert_eq!(
            limited.retry_after(),
            Some(std::time::Duration::from_secs(3))
        );
        let html = error_from_exchange(&Exchange::new(HttpResponse::new(
            502,
            "<html>bad gateway</html>",
        )));
        assert_eq!(html.kind(), ErrorKind::Api);
        assert_eq!(html.body_excerpt(), Some("<html>bad gateway</html>"));
    }
}
