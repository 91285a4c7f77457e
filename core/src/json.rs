//! [`Json`]: a raw JSON value for the parts of a vendor schema that are open or undocumented.

use serde::{Deserialize, Serialize};

/// A raw JSON value, passed through untouched (override settings, stored app details, unknown partners).
/// Across the FFI it travels as JSON text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Json(pub serde_json::Value);

impl Json {
    /// The inner value.
    pub fn value(&self) -> &serde_json::Value {
        &self.0
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        Json(value)
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Json, String, {
    lower: |value| value.0.to_string(),
    try_lift: |text| Ok(Json(serde_json::from_str(&text)?)),
});
