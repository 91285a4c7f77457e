//! Crossing the JS boundary: plain objects with camelCase keys in and out, errors as real `Error`s.

use adkit::{Error, TransportErrorKind};
use js_sys::{Function, Object, Reflect};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// A JS value (camelCase keys) as a core type; a shape mismatch is an `invalid_input` error.
/// The value crosses as JSON text (`JSON.stringify` / `JSON.parse`): one serde path for every type,
/// which keeps the `.wasm` small, and `undefined` members drop out exactly as in `JSON.stringify`.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let snake = snake_json(value, what)?;
    // Only the decode itself is generic: one small instantiation per type.
    serde_json::from_slice(&snake).map_err(|e| decode_error(&e, what))
}

/// A JS value as JSON bytes with snake_case keys (not generic: one copy for every request type).
fn snake_json(value: JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    let not_plain = || js_error(&Error::invalid(what, "must be a plain object"));
    if !value.is_object() {
        return Err(not_plain());
    }
    let text = js_sys::JSON::stringify(&value).map_err(|_| not_plain())?;
    let text: String = text.into();
    let json: serde_json::Value =
        serde_json::from_slice(text.as_bytes()).map_err(|_| not_plain())?;
    // Back to bytes and decoded from the slice: every type then has one deserializer instantiation
    // (the one responses use), which keeps the module small.
    serde_json::to_vec(&adkit::case::to_snake_keys(json)).map_err(|_| not_plain())
}

/// A serde error as an `invalid_input` error naming the missing field when serde says which one it is.
fn decode_error(e: &serde_json::Error, what: &str) -> JsValue {
    let message = e.to_string();
    let field = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .unwrap_or(what);
    js_error(&Error::invalid(field, message.clone()))
}

/// A core value as a plain JS object with camelCase keys.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    match serde_json::to_value(value) {
        Ok(json) => camel_js(json),
        Err(e) => Err(JsValue::from(js_sys::Error::new(&e.to_string()))),
    }
}

/// JSON as a JS object with camelCase keys (not generic).
fn camel_js(json: serde_json::Value) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(&adkit::case::to_camel_keys(json))
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// `"abc"` becomes `{ [key]: "abc" }`; objects pass through.
#[cfg(feature = "adjust")]
pub(crate) fn id_or_object(value: JsValue, key: &str) -> JsValue {
    if value.is_string() {
        let obj = Object::new();
        let _ = Reflect::set(&obj, &key.into(), &value);
        obj.into()
    } else {
        value
    }
}

fn set(target: &JsValue, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &key.into(), &value.into());
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map(JsValue::from_str).unwrap_or(JsValue::NULL)
}

/// An `Error` named `AdkitError` with `kind`, `vendor`, `status`, `code`, `requestId`, `bodyExcerpt`,
/// `retryAfterMs`, `fieldErrors` (and `field` for invalid input, `transportKind` for transport errors).
pub(crate) fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("AdkitError");
    let target: JsValue = err.into();
    set(&target, "kind", e.kind().as_str());
    set(
        &target,
        "status",
        e.status().map(JsValue::from).unwrap_or(JsValue::NULL),
    );
    set(&target, "code", opt_str(e.code()));
    set(&target, "requestId", opt_str(e.request_id()));
    set(&target, "bodyExcerpt", opt_str(e.body_excerpt()));
    set(
        &target,
        "retryAfterMs",
        e.retry_after()
            .map(|d| JsValue::from(d.as_millis() as f64))
            .unwrap_or(JsValue::NULL),
    );
    set(
        &target,
        "vendor",
        opt_str(e.details().map(|d| d.vendor.as_str())),
    );
    let fields = js_sys::Array::new();
    if let Some(d) = e.details() {
        for f in &d.field_errors {
            let o = Object::new();
            set(&o, "field", f.field.as_str());
            set(&o, "detail", f.detail.as_str());
            fields.push(&o);
        }
    }
    set(&target, "fieldErrors", fields);
    match e {
        Error::InvalidInput { field, .. } => {
            set(&target, "field", adkit::case::snake_to_camel(field))
        }
        Error::Transport { kind, .. } => set(
            &target,
            "transportKind",
            match kind {
                TransportErrorKind::Timeout => "timeout",
                TransportErrorKind::Connect => "connect",
                TransportErrorKind::BodyTooLarge => "body_too_large",
                TransportErrorKind::Redirect => "redirect",
                TransportErrorKind::Other => "other",
            },
        ),
        _ => {}
    }
    target
}

/// Reads a property (undefined when absent or when `obj` is not an object).
pub(crate) fn prop(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// An optional string property.
pub(crate) fn prop_string(obj: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| js_error(&Error::invalid(key, "must be a string")))
}

/// An optional non-negative integer property.
pub(crate) fn prop_u64(obj: &JsValue, key: &str) -> Result<Option<u64>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => {
            Ok(Some(n as u64))
        }
        _ => Err(js_error(&Error::invalid(
            key,
            "must be a non-negative integer",
        ))),
    }
}

/// An optional function property.
pub(crate) fn prop_function(obj: &JsValue, key: &str) -> Result<Option<Function>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<Function>()
        .map(Some)
        .map_err(|_| js_error(&Error::invalid(key, "must be a function")))
}

/// The `signal` of a call's options.
pub(crate) fn signal_of(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    let v = prop(options, "signal");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<AbortSignal>()
        .map(Some)
        .map_err(|_| js_error(&Error::invalid("signal", "must be an AbortSignal")))
}

/// Driver options from a client's JS options (`baseUrl`, `timeoutMs`, `maxRetries`).
pub(crate) fn client_options(
    options: &JsValue,
    surface: &str,
) -> Result<adkit::driver::ClientOptions, JsValue> {
    let max_retries = prop_u64(options, "maxRetries")?
        .map(|n| u32::try_from(n).map_err(|_| js_error(&Error::invalid("maxRetries", "too large"))))
        .transpose()?;
    Ok(adkit::driver::ClientOptions::for_surface(
        surface,
        prop_string(options, "baseUrl")?,
        prop_u64(options, "timeoutMs")?,
        max_retries,
    ))
}
