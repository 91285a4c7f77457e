//! Crossing the JS boundary: plain objects with camelCase keys in and out, errors as real `Error`s.

use adkit::{Error, TransportErrorKind};
use js_sys::{Array, Function, Object, Reflect};
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
    serde_json::from_slice(&snake).map_err(|e| decode_error(&e, &snake, what))
}

/// A JS value as JSON bytes with snake_case keys (not generic: one copy for every request type).
fn snake_json(value: JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    let not_plain = || js_error(&Error::invalid(what, "must be a plain object"));
    if !value.is_object() {
        return Err(not_plain());
    }
    let text = js_sys::JSON::stringify(&value).map_err(|_| not_plain())?;
    // JSON has no NaN or Infinity: `JSON.stringify` writes them as `null`, which would read as an
    // absent member (a default). Beyond ±(2^53 − 1) a JS number is not an exact integer (2^53 + 1
    // reads as 2^53): an id there would silently be another id. Both refused, naming the member.
    // (Checked after `stringify`, which has already refused cycles.)
    if let Some((field, reason)) = bad_number(&value, what, 0) {
        return Err(js_error(&Error::invalid(field, reason)));
    }
    let text: String = text.into();
    let json: serde_json::Value =
        serde_json::from_slice(text.as_bytes()).map_err(|_| not_plain())?;
    // Back to bytes and decoded from the slice: every type then has one deserializer instantiation
    // (the one responses use), which keeps the module small.
    serde_json::to_vec(&adkit::case::to_snake_keys(json)).map_err(|_| not_plain())
}

/// The key of the first number inside `value` that JSON cannot carry exactly (NaN, ±Infinity, or an
/// integer beyond ±(2^53 − 1)), and why (`key` names `value` itself).
fn bad_number(value: &JsValue, key: &str, depth: u32) -> Option<(String, &'static str)> {
    if let Some(n) = value.as_f64() {
        return if !n.is_finite() {
            Some((
                key.to_owned(),
                "must be a finite number (NaN and Infinity are not numbers JSON can carry)",
            ))
        } else if n.abs() > MAX_SAFE_INTEGER as f64 {
            Some((
                key.to_owned(),
                "is beyond ±(2^53 − 1), where a JS number is no longer an exact integer",
            ))
        } else {
            None
        };
    }
    if depth > 64 || !value.is_object() {
        return None;
    }
    if Array::is_array(value) {
        value
            .unchecked_ref::<Array>()
            .iter()
            .find_map(|item| bad_number(&item, key, depth + 1))
    } else {
        Object::entries(value.unchecked_ref())
            .iter()
            .find_map(|entry| {
                let pair: Array = entry.unchecked_into();
                let name = pair.get(0).as_string().unwrap_or_default();
                bad_number(&pair.get(1), &name, depth + 1)
            })
    }
}

/// A serde error as an `invalid_input` error naming the member it is about (the missing field, or
/// the member whose value has the wrong type or range), else `what`.
fn decode_error(e: &serde_json::Error, json: &[u8], what: &str) -> JsValue {
    let message = e.to_string();
    let field = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .map(str::to_owned)
        .or_else(|| member_before(json, e.column()))
        .unwrap_or_else(|| what.to_owned());
    js_error(&Error::invalid(field, message.clone()))
}

/// In compact JSON (one line), the key of the member whose value ends at byte `end` (serde's error
/// column): back over the value (and, for an array element, the array) to `"key":`.
fn member_before(json: &[u8], end: usize) -> Option<String> {
    let mut depth = 0i32;
    let mut at = end.min(json.len());
    while at > 0 {
        at -= 1;
        match json[at] {
            b'"' => at = string_start(json, at)?,
            b']' | b'}' => depth += 1,
            b'[' | b'{' => depth -= 1,
            b':' if depth <= 0 => {
                let close = at.checked_sub(1)?;
                let open = string_start(json, close)?;
                return String::from_utf8(json.get(open + 1..close)?.to_vec()).ok();
            }
            _ => {}
        }
    }
    None
}

/// The opening quote of the string whose closing quote is at `close`.
fn string_start(json: &[u8], close: usize) -> Option<usize> {
    let mut at = close;
    loop {
        at = json.get(..at)?.iter().rposition(|&b| b == b'"')?;
        let slashes = json[..at].iter().rev().take_while(|&&b| b == b'\\').count();
        if slashes % 2 == 0 {
            return Some(at);
        }
    }
}

/// A core value as a plain JS object with camelCase keys.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    match serde_json::to_string(value) {
        Ok(text) => camel_js(&text),
        Err(e) => Err(JsValue::from(js_sys::Error::new(&e.to_string()))),
    }
}

/// JSON text as a JS object with camelCase keys, renamed in one pass over the text (no tree is built;
/// not generic).
fn camel_js(text: &str) -> Result<JsValue, JsValue> {
    let camel = adkit::case::to_camel_keys_text(text)
        .ok_or_else(|| JsValue::from(js_sys::Error::new("a result that is not JSON")))?;
    js_sys::JSON::parse(&camel)
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

/// The largest integer a JS number holds exactly.
pub(crate) const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// The longest delay JS timers accept (`setTimeout`, `AbortSignal.timeout`): 2^31 − 1 ms. A longer
/// one would fire at once, so it is refused rather than clamped.
pub(crate) const MAX_DELAY_MS: u64 = i32::MAX as u64;

/// A JS number that must be a whole number in `min..=max`. Anything else — another type, NaN,
/// ±Infinity, a fraction, a number out of range — is an `invalid_input` error naming `field`; never
/// clamped, wrapped or defaulted.
pub(crate) fn whole(value: &JsValue, field: &str, min: u64, max: u64) -> Result<u64, JsValue> {
    let n = value
        .as_f64()
        .ok_or_else(|| js_error(&Error::invalid(field, "must be a number")))?;
    adkit::validate::whole_number(field, n, min, max).map_err(|e| js_error(&e))
}

/// An optional whole-number property in `min..=max` (absent when `undefined` or `null`).
pub(crate) fn prop_whole(
    obj: &JsValue,
    key: &str,
    min: u64,
    max: u64,
) -> Result<Option<u64>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    whole(&v, key, min, max).map(Some)
}

/// An optional `u32` property (`0..=u32::MAX` unless `min` says more).
pub(crate) fn prop_u32(obj: &JsValue, key: &str, min: u32) -> Result<Option<u32>, JsValue> {
    Ok(prop_whole(obj, key, min.into(), u32::MAX.into())?.map(|n| n as u32))
}

/// An optional boolean property.
#[cfg(feature = "adapty")]
pub(crate) fn prop_bool(obj: &JsValue, key: &str) -> Result<Option<bool>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_bool()
        .map(Some)
        .ok_or_else(|| js_error(&Error::invalid(key, "must be a boolean")))
}

/// A required string argument.
pub(crate) fn string_arg(value: &JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error(&Error::invalid(field, "must be a string")))
}

/// Options (a client's or a call's): an object, or `undefined`/`null` for none.
pub(crate) fn options_object(options: &JsValue) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() || options.is_object() {
        Ok(())
    } else {
        Err(js_error(&Error::invalid("options", "must be an object")))
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

/// The `signal` of a call's options (which must be an object when given).
pub(crate) fn signal_of(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    options_object(options)?;
    let v = prop(options, "signal");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<AbortSignal>()
        .map(Some)
        .map_err(|_| js_error(&Error::invalid("signal", "must be an AbortSignal")))
}

/// The `extraQuery` of a call's options as `(name, value)` pairs in order: an object whose values are
/// strings, finite numbers, booleans or arrays of them (an array repeats the name; an `undefined`
/// member is skipped). Anything else, an empty name, or a control character is an `invalid_input`
/// error naming `extraQuery.<name>` (or `extraQuery`).
pub(crate) fn extra_query_of(options: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    options_object(options)?;
    let v = prop(options, "extraQuery");
    if v.is_undefined() || v.is_null() {
        return Ok(Vec::new());
    }
    if !v.is_object() || Array::is_array(&v) {
        return Err(js_error(&Error::invalid(
            "extra_query",
            "must be an object of names to values",
        )));
    }
    let mut pairs = Vec::new();
    for entry in Object::entries(v.unchecked_ref()).iter() {
        let entry: Array = entry.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        let bad = |reason: &str| {
            let e = js_error(&Error::invalid(format!("extraQuery.{name}"), reason));
            // Exactly as given: the field is not a snake_case member to camelize.
            set(&e, "field", format!("extraQuery.{name}"));
            e
        };
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            return Err(bad("a name must not be empty or hold control characters"));
        }
        let value = entry.get(1);
        let values = if Array::is_array(&value) {
            value.unchecked_into::<Array>().to_vec()
        } else if value.is_undefined() {
            Vec::new()
        } else {
            vec![value]
        };
        for item in values {
            let text = if let Some(s) = item.as_string() {
                s
            } else if let Some(b) = item.as_bool() {
                b.to_string()
            } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default()
            } else {
                return Err(bad(
                    "must be a string, a finite number, a boolean or an array of them",
                ));
            };
            if text.chars().any(char::is_control) {
                return Err(bad("must not contain CR, LF or other control characters"));
            }
            pairs.push((name.clone(), text));
        }
    }
    Ok(pairs)
}

/// Driver options from a client's JS options (`baseUrl`, `timeoutMs`, `maxRetries`), which must be
/// an object. `timeoutMs` is 1..=2^31 − 1 (what JS timers take), `maxRetries` 0..=2^32 − 1.
pub(crate) fn client_options(
    options: &JsValue,
    surface: &str,
) -> Result<adkit::driver::ClientOptions, JsValue> {
    options_object(options)?;
    Ok(adkit::driver::ClientOptions::for_surface(
        surface,
        prop_string(options, "baseUrl")?,
        prop_whole(options, "timeoutMs", 1, MAX_DELAY_MS)?,
        prop_u32(options, "maxRetries", 0)?,
    ))
}
