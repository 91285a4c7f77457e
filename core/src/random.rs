//! Randomness from the operating system (or `crypto.getRandomValues` in browsers and Node).

use crate::error::Error;

/// Fills `buf` from the platform CSPRNG.
pub fn fill(buf: &mut [u8]) -> Result<(), Error> {
    getrandom::getrandom(buf).map_err(|e| Error::Transport {
        kind: crate::TransportErrorKind::Other,
        message: format!("no secure random source: {e}"),
    })
}

/// A random (version 4) UUID in lower-case hex, e.g. for an `Idempotency-Key`.
pub fn uuid_v4() -> Result<String, Error> {
    let mut b = [0u8; 16];
    fill(&mut b)?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuids_are_v4_and_distinct() {
        let a = super::uuid_v4().unwrap();
        let b = super::uuid_v4().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
