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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_refuse_traversal() {
        assert!(path_segment("t", "p77yk727r18g").is_ok());
        assert!(path_segment("t", "af7702a9-ba95-6ba2-bdac-3f83e55ed8d3").is_ok());
        for bad in ["", "a/b", "..", "a b", "%2e%2e", "a\r\n", "ü"] {
            assert!(path_segment("t", bad).is_err(), "{bad:?}");
        }
    }
}
