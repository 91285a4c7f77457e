//! Input checks shared by the endpoints. Every failure is an [`Error::InvalidInput`] raised before
//! anything is sent; messages never echo secret values.

use crate::error::Error;

/// A required, non-blank string.
pub(crate) fn required(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    no_controls(field, value)
}

/// No CR, LF or other control characters (they would corrupt a header or a log line).
pub(crate) fn no_controls(field: &str, value: &str) -> Result<(), Error> {
    if value.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            "must not contain CR, LF or other control characters",
        ));
    }
    Ok(())
}

/// A value used as one URL path segment: ASCII letters, digits, `-` and `_` only, so no `/`, `..`,
/// `%` or whitespace can change which resource is addressed.
pub(crate) fn path_segment(field: &str, value: &str) -> Result<(), Error> {
    required(field, value)?;
    if value.len() > 128 {
        return Err(Error::invalid(field, "is longer than 128 characters"));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(Error::invalid(
            field,
            "may only contain ASCII letters, digits, `-` and `_` (no `/`, `..` or spaces)",
        ));
    }
    Ok(())
}

/// A credential: non-blank, and valid as a header value.
pub(crate) fn credential(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.bytes().any(|b| b.is_ascii_control()) || value.trim() != value {
        return Err(Error::invalid(
            field,
            "must not contain whitespace at the ends, CR, LF or control characters",
        ));
    }
    Ok(())
}

/// A whole number handed over from a language whose numbers are floating point (JS, Python floats):
/// refused with [`Error::InvalidInput`] naming `field` when it is not finite, has a fraction, or lies
/// outside `min..=max` — never clamped, wrapped or defaulted.
pub fn whole_number(field: &str, value: f64, min: u64, max: u64) -> Result<u64, Error> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(Error::invalid(field, "must be a whole number"));
    }
    // Compare in f64 first, so values beyond u64 never reach the cast.
    if value < min as f64 || value > max as f64 {
        return Err(Error::invalid(
            field,
            format!("must be between {min} and {max}"),
        ));
    }
    let n = value as u64;
    if n < min || n > max {
        return Err(Error::invalid(
            field,
            format!("must be between {min} and {max}"),
        ));
    }
    Ok(n)
}

/// A whole number from a language with integer types (Kotlin `Long`, Python `int`), checked against
/// `min..=max` the same way as [`whole_number`].
pub fn integer_in_range(field: &str, value: i128, min: u64, max: u64) -> Result<u64, Error> {
    if value < min as i128 || value > max as i128 {
        return Err(Error::invalid(
            field,
            format!("must be between {min} and {max}"),
        ));
    }
    Ok(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_range_checked_never_wrapped() {
        assert_eq!(whole_number("cap", 5.0, 0, 10).unwrap(), 5);
        assert_eq!(whole_number("cap", 0.0, 0, 10).unwrap(), 0);
        for bad in [
            -1.0,
            4_294_967_297.0,
            f64::NAN,
            f64::INFINITY,
            1.5,
            11.0,
            1e300,
        ] {
            let e = whole_number("cap", bad, 0, 10).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
            assert!(e.to_string().contains("`cap`"), "{e}");
        }
        assert_eq!(integer_in_range("n", 7, 1, 7).unwrap(), 7);
        assert!(integer_in_range("n", -1, 0, 7).is_err());
        assert!(integer_in_range("n", i128::from(u64::MAX) + 1, 0, u64::MAX).is_err());
    }

    #[test]
    fn path_segments_refuse_traversal() {
        assert!(path_segment("t", "p77yk727r18g").is_ok());
        assert!(path_segment("t", "af7702a9-ba95-6ba2-bdac-3f83e55ed8d3").is_ok());
        for bad in ["", "a/b", "..", "a b", "%2e%2e", "a\r\n", "ü"] {
            assert!(path_segment("t", bad).is_err(), "{bad:?}");
        }
    }
}
