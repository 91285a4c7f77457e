//! Key-case conversion for surfaces whose convention is camelCase (JavaScript).
//!
//! The wire uses snake_case field names. The JS surface shows the same objects with camelCase keys.
//! Only field names are converted: the values under an *opaque* key (raw JSON passed through, user-defined
//! maps) keep their keys exactly as the vendor or the user wrote them. The conversion is lossless for
//! snake_case names: `_x` becomes `X` only when `x` is a lowercase ASCII letter (`ios_14` stays `ios_14`).

use serde_json::{Map, Value};

/// Keys (in snake_case) whose values pass through without key conversion.
pub const OPAQUE_KEYS: &[&str] = &[
    "override_settings",
    "additional_info",
    "custom_attributes",
    "raw",
    "metadata",
    "attributions",
    "user_attributes",
    "integration_ids",
    "json",
    "extra",
    "row",
];

/// `store_id` → `storeId`.
pub fn snake_to_camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_lowercase() && !out.is_empty() {
                    out.push(next.to_ascii_uppercase());
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// `storeId` → `store_id`.
pub fn camel_to_snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Converts every object key of `value` from snake_case to camelCase, except under [`OPAQUE_KEYS`].
pub fn to_camel_keys(value: Value) -> Value {
    convert(value, &|k| snake_to_camel(k), true)
}

/// Converts every object key of `value` from camelCase to snake_case, except under [`OPAQUE_KEYS`].
pub fn to_snake_keys(value: Value) -> Value {
    convert(value, &|k| camel_to_snake(k), false)
}

fn convert(value: Value, f: &dyn Fn(&str) -> String, to_camel: bool) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (key, inner) in map {
                let snake = if to_camel {
                    key.clone()
                } else {
                    camel_to_snake(&key)
                };
                let inner = if OPAQUE_KEYS.contains(&snake.as_str()) {
                    inner
                } else {
                    convert(inner, f, to_camel)
                };
                out.insert(f(&key), inner);
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| convert(v, f, to_camel)).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_snake_names() {
        for k in [
            "store_id",
            "adjust_app_token",
            "ios_14",
            "sdk_keys",
            "status",
            "_private",
            "a__b",
        ] {
            assert_eq!(camel_to_snake(&snake_to_camel(k)), k, "{k}");
        }
        assert_eq!(
            snake_to_camel("android_signature_hash"),
            "androidSignatureHash"
        );
        assert_eq!(snake_to_camel("ios_14"), "ios_14");
    }

    #[test]
    fn opaque_values_keep_their_keys() {
        let v = json!({"channel_setup": {"snapchat": {"snap_app_id": "x"}},
                       "override_settings": {"csv_upload_settings": {"a_b": 1}}});
        let camel = to_camel_keys(v.clone());
        assert_eq!(
            camel,
            json!({"channelSetup": {"snapchat": {"snapAppId": "x"}},
                                 "overrideSettings": {"csv_upload_settings": {"a_b": 1}}})
        );
        assert_eq!(to_snake_keys(camel), v);
    }
}
