//! serde `deserialize_with` helpers for the loose types vendors send: numbers as JSON numbers or
//! numeric strings, strings as strings or numbers, `null` lists. Shared by every vendor module.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A non-negative integer from a number (floats truncated) or a numeric string; anything else is 0.
pub(crate) fn u64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(opt_u64(d)?.unwrap_or(0))
}

/// A non-negative integer from a number or a numeric string; anything else is `None`.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().and_then(finite_u64)),
        Value::String(s) => s.trim().parse::<f64>().ok().and_then(finite_u64),
        _ => None,
    })
}

/// A finite, non-negative float in range, truncated; `NaN`, infinities and out-of-range values are `None`.
fn finite_u64(f: f64) -> Option<u64> {
    (f.is_finite() && f < u64::MAX as f64).then(|| f.max(0.0) as u64)
}

/// An integer from a number (floats truncated) or a numeric string; anything else is 0.
pub(crate) fn i64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .unwrap_or_default(),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map_or(0, |f| f as i64),
        _ => 0,
    })
}

/// A float from a number or a numeric string; anything else is `None`.
pub(crate) fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_f64(),
        // "NaN", "inf" and the like are not numbers a vendor means.
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    })
}

/// A string from a string, number or boolean; anything else is `None`.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// A flag from a boolean, `0`/`1` or `"0"`/`"1"`/`"true"`/`"false"`; anything else is `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => Some(b),
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        Value::String(s) => match s.trim() {
            "1" | "true" | "True" => Some(true),
            "0" | "false" | "False" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// An id from a number, a numeric string or an object's `id`; anything else is `None`.
pub(crate) fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let v = Value::deserialize(d)?;
    let v = match v {
        Value::Object(mut o) => o.remove("id").unwrap_or(Value::Null),
        other => other,
    };
    Ok(match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// A list that may be `null` or missing, read as empty.
pub(crate) fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct T {
        #[serde(deserialize_with = "super::u64_or_zero")]
        a: u64,
        #[serde(deserialize_with = "super::i64_or_zero")]
        b: i64,
        #[serde(deserialize_with = "super::opt_f64")]
        c: Option<f64>,
        #[serde(deserialize_with = "super::opt_string")]
        d: Option<String>,
        #[serde(deserialize_with = "super::null_as_empty")]
        e: Vec<u8>,
    }

    #[test]
    fn loose_values() {
        let t: T =
            serde_json::from_str(r#"{"a":"604800","b":-3.7,"c":"1.5","d":2,"e":null}"#).unwrap();
        assert_eq!(
            (t.a, t.b, t.c, t.d.as_deref(), t.e.len()),
            (604_800, -3, Some(1.5), Some("2"), 0)
        );
        let t: T = serde_json::from_str(r#"{"a":null,"b":"x","c":true,"d":null,"e":[1]}"#).unwrap();
        assert_eq!((t.a, t.b, t.c, t.d, t.e), (0, 0, None, None, vec![1]));
    }
}
