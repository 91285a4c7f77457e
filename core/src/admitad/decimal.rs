//! [`Decimal`]: money and rates as exact decimal text, read from JSON strings (`"20000.00"`) or
//! numbers (`104.66`) alike — never rounded through `f64`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal number kept as its text (`"-12.50"`). Empty or non-numeric input reads as `"0"`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Decimal {
    /// Parses decimal text (`[-+]digits[.digits]`); anything else is `None`.
    pub fn parse(text: &str) -> Option<Decimal> {
        let t = text.trim();
        let body = t.strip_prefix(['-', '+']).unwrap_or(t);
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let ok = !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Decimal(t.trim_start_matches('+').to_owned()))
    }

    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Numbers arrive through serde_json's float_roundtrip parse; their shortest text is exact for
        // the decimals Admitad sends (two to four fraction digits).
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => {
                Decimal::parse(&s).unwrap_or_else(|| Decimal("0".into()))
            }
            serde_json::Value::Number(n) => Decimal(n.to_string()),
            _ => Decimal("0".into()),
        })
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Decimal, String, {
    lower: |d| d.0,
    try_lift: |s| Decimal::parse(&s).ok_or_else(|| uniffi::deps::anyhow::anyhow!("not a decimal: {s}")),
});

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn strings_and_numbers() {
        let v: Vec<Decimal> =
            serde_json::from_str(r#"["20000.00", 104.66, "2.50", " -3 ", "x", null]"#).unwrap();
        let s: Vec<&str> = v.iter().map(Decimal::as_str).collect();
        assert_eq!(s, ["20000.00", "104.66", "2.50", "-3", "0", "0"]);
        assert!(Decimal::parse("1e5").is_none());
    }
}
