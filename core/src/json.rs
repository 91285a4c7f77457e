//! [`Json`]: a raw JSON value for the parts of a vendor schema that are open or undocumented.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
#[cfg(not(target_arch = "wasm32"))]
use serde_json::value::RawValue;

/// A raw JSON value, passed through untouched (override settings, stored app details, unknown partners,
/// every record's object as sent). Across the FFI it travels as JSON text.
///
/// Natively, a value read from a response is kept as the text the vendor sent and parsed into a tree
/// only when [`value`](Self::value) is first asked for, so keeping every row's object as sent costs a
/// copy of its text, not a second decode. (The wasm build keeps the tree.)
///
/// ```
/// use adkit::Json;
///
/// let sent = Json::from(serde_json::json!({"new_field": 1}));
/// assert_eq!(sent.value()["new_field"], 1);
/// assert_eq!(serde_json::to_string(&sent)?, r#"{"new_field":1}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Default)]
pub struct Json {
    /// The text as sent, when the value came from one.
    #[cfg(not(target_arch = "wasm32"))]
    text: Option<Box<RawValue>>,
    /// The tree: given, or parsed from `text` on first use.
    tree: OnceLock<Value>,
}

impl Json {
    /// A value given as a tree.
    pub fn new(value: Value) -> Self {
        Json {
            #[cfg(not(target_arch = "wasm32"))]
            text: None,
            tree: OnceLock::from(value),
        }
    }

    /// A value kept as the text it was sent as (parsed on first [`value`](Self::value)).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_raw(text: Box<RawValue>) -> Self {
        Json {
            text: Some(text),
            tree: OnceLock::new(),
        }
    }

    /// The value as a tree.
    pub fn value(&self) -> &Value {
        self.tree.get_or_init(|| match self.text() {
            // The text was read as valid JSON, so it parses again.
            Some(text) => serde_json::from_slice(text.as_bytes()).unwrap_or(Value::Null),
            None => Value::Null,
        })
    }

    /// The text as sent, when the value came from one.
    fn text(&self) -> Option<&str> {
        #[cfg(not(target_arch = "wasm32"))]
        return self.text.as_deref().map(RawValue::get);
        #[cfg(target_arch = "wasm32")]
        return None;
    }

    /// The value, taken out as a tree.
    pub fn into_value(self) -> Value {
        self.value();
        self.tree.into_inner().unwrap_or(Value::Null)
    }

    /// The value as JSON text (the text as sent, when it came from one).
    pub fn to_text(&self) -> String {
        match (self.text(), self.tree.get()) {
            (Some(text), _) => text.to_owned(),
            (None, Some(tree)) => tree.to_string(),
            (None, None) => "null".to_owned(),
        }
    }
}

impl From<Value> for Json {
    fn from(value: Value) -> Self {
        Json::new(value)
    }
}

impl Clone for Json {
    fn clone(&self) -> Self {
        Json {
            #[cfg(not(target_arch = "wasm32"))]
            text: self.text.clone(),
            tree: self.tree.clone(),
        }
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Self) -> bool {
        self.value() == other.value()
    }
}

impl fmt::Debug for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Some(text) => write!(f, "Json({text})"),
            None => write!(f, "Json({:?})", self.value()),
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(text) = &self.text {
            // The text as sent, verbatim.
            return text.serialize(serializer);
        }
        self.value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Json::new)
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Json, String, {
    lower: |value| value.to_text(),
    try_lift: |text| Ok(Json::new(serde_json::from_str(&text)?)),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_tree_forms_agree() {
        let raw = RawValue::from_string(r#"{"a_b": [1, 2.5, "x"], "n": null}"#.to_owned()).unwrap();
        let text = Json::from_raw(raw);
        let tree = Json::new(serde_json::json!({"a_b": [1, 2.5, "x"], "n": null}));
        assert_eq!(text, tree);
        assert_eq!(text.value()["a_b"][1], 2.5);
        // The text as sent is written verbatim (spaces included); the tree compactly.
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"a_b": [1, 2.5, "x"], "n": null}"#
        );
        assert_eq!(
            serde_json::to_string(&tree).unwrap(),
            r#"{"a_b":[1,2.5,"x"],"n":null}"#
        );
        assert_eq!(Json::default().to_text(), "null");
        assert_eq!(text.clone().into_value(), tree.into_value());
    }
}
