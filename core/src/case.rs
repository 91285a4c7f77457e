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

/// [`to_camel_keys`] on JSON text, in one pass and without building a tree: every object key is
/// converted, except under [`OPAQUE_KEYS`]; everything else is copied as it is. `None` when `json` is
/// not one well-formed JSON value.
pub fn to_camel_keys_text(json: &str) -> Option<String> {
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    let mut reader = TextReader { text: json, at: 0 };
    reader.value(&mut out, true, 0)?;
    reader.skip_whitespace(&mut out);
    (reader.at == json.len()).then_some(out)
}

struct TextReader<'a> {
    text: &'a str,
    at: usize,
}

impl TextReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self, out: &mut String) {
        let start = self.at;
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
        out.push_str(&self.text[start..self.at]);
    }

    fn expect(&mut self, byte: u8, out: &mut String) -> Option<()> {
        self.skip_whitespace(out);
        (self.peek()? == byte).then(|| {
            out.push(byte as char);
            self.at += 1;
        })
    }

    /// The string starting here (quotes included), and whether it holds an escape.
    fn string(&mut self) -> Option<(&str, bool)> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut escaped = false;
        loop {
            match bytes.get(self.at)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.at += 2;
                }
                _ => self.at += 1,
            }
        }
        self.at += 1;
        Some((self.text.get(start..self.at)?, escaped))
    }

    fn value(&mut self, out: &mut String, camel: bool, depth: u32) -> Option<()> {
        if depth > 256 {
            return None;
        }
        self.skip_whitespace(out);
        match self.peek()? {
            b'{' => {
                out.push('{');
                self.at += 1;
                self.skip_whitespace(out);
                if self.peek()? == b'}' {
                    out.push('}');
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.skip_whitespace(out);
                    let (quoted, escaped) = self.string()?;
                    let key: std::borrow::Cow<'_, str> = if escaped {
                        serde_json::from_str::<String>(quoted).ok()?.into()
                    } else {
                        quoted[1..quoted.len() - 1].into()
                    };
                    let opaque = OPAQUE_KEYS.contains(&key.as_ref());
                    if camel {
                        let converted = snake_to_camel(&key);
                        if escaped {
                            out.push_str(&serde_json::to_string(&converted).ok()?);
                        } else {
                            out.push('"');
                            out.push_str(&converted);
                            out.push('"');
                        }
                    } else {
                        out.push_str(quoted);
                    }
                    self.expect(b':', out)?;
                    self.value(out, camel && !opaque, depth + 1)?;
                    self.skip_whitespace(out);
                    match self.peek()? {
                        b',' => {
                            out.push(',');
                            self.at += 1;
                        }
                        b'}' => {
                            out.push('}');
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                out.push('[');
                self.at += 1;
                self.skip_whitespace(out);
                if self.peek()? == b']' {
                    out.push(']');
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.value(out, camel, depth + 1)?;
                    self.skip_whitespace(out);
                    match self.peek()? {
                        b',' => {
                            out.push(',');
                            self.at += 1;
                        }
                        b']' => {
                            out.push(']');
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => {
                let (quoted, _) = self.string()?;
                out.push_str(quoted);
                Some(())
            }
            _ => {
                let start = self.at;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.at += 1;
                }
                let literal = &self.text[start..self.at];
                (!literal.is_empty()).then(|| out.push_str(literal))
            }
        }
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

    /// The text pass gives the same JSON as the tree pass, for shaped values and for thousands of
    /// generated ones.
    #[test]
    fn the_text_pass_matches_the_tree_pass() {
        let same = |v: &Value| {
            let text = to_camel_keys_text(&v.to_string()).expect("well-formed");
            let parsed: Value = serde_json::from_str(&text).expect("still JSON");
            assert_eq!(parsed, to_camel_keys(v.clone()), "{v}");
        };
        same(
            &json!({"store_id": "x", "raw": {"keep_me": [{"a_b": 1}]}, "items": [{"sub_id": null, "row": {"x_y": true}}]}),
        );
        same(&json!([{"a_b": "q\"u\\o_te", "we\u{1}ird_key": -1.5e-7, "ios_14": [], "_x": {}}]));
        same(&json!("top_level_string"));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        const KEYS: &[&str] = &[
            "a_b",
            "raw",
            "row",
            "x",
            "_y",
            "ios_14",
            "custom_attributes",
            "é_ü",
            "q\"k",
        ];
        fn build(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> Value {
            match if depth > 4 { next(4) } else { next(7) } {
                0 => Value::Null,
                1 => json!(next(1000) as f64 / 7.0),
                2 => json!(format!("s_{}", next(100))),
                3 => json!(next(2) == 0),
                4 | 5 => Value::Object(
                    (0..next(4))
                        .map(|_| {
                            (
                                KEYS[next(KEYS.len() as u64) as usize].to_owned(),
                                build(next, depth + 1),
                            )
                        })
                        .collect(),
                ),
                _ => Value::Array((0..next(4)).map(|_| build(next, depth + 1)).collect()),
            }
        }
        for _ in 0..5000 {
            same(&build(&mut next, 0));
        }
        assert_eq!(to_camel_keys_text("{\"a_b\": 1"), None);
        assert_eq!(to_camel_keys_text("[1,]"), None);
        assert_eq!(to_camel_keys_text("{} x"), None);
    }
}
