//! Adapty's date-time forms: `Z`, `+HH:MM` or `+HHMM` offsets and 0–9 fractional digits.
//!
//! Requests keep date-times as strings and [`check`] refuses anything that is not ISO 8601 before it is
//! sent. Responses are decoded with [`lenient`]: every documented form becomes one canonical RFC 3339
//! spelling (`2025-01-05T13:27:47.461425+00:00`), and a value that is not a date-time at all is kept
//! verbatim instead of failing the whole response.

use serde::{Deserialize, Deserializer};
use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

use crate::error::Error;

/// A parsed date-time: the instant (UTC, nanoseconds since the epoch) and the canonical spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDateTime {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    pub unix_nanos: i128,
    /// RFC 3339 with a `±HH:MM` offset and the fractional digits that were sent.
    pub canonical: String,
}

impl ParsedDateTime {
    /// Milliseconds since the epoch (rounded towards negative infinity).
    pub fn unix_ms(&self) -> i64 {
        self.unix_nanos.div_euclid(1_000_000) as i64
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM|±HHMM)` (a space is accepted for `T`).
pub fn parse(input: &str) -> Option<ParsedDateTime> {
    let s = input.trim();
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = digits(s, 4)? as i32;
    let month = Month::try_from(digits(&s[5..], 2)? as u8).ok()?;
    let day = digits(&s[8..], 2)? as u8;
    let (hour, minute, second) = (
        digits(&s[11..], 2)? as u8,
        digits(&s[14..], 2)? as u8,
        digits(&s[17..], 2)? as u8,
    );
    let mut rest = &s[19..];
    let mut fraction = "";
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 9 {
            return None;
        }
        fraction = &after[..n];
        rest = &after[n..];
    }
    let offset_seconds: i32 = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let body = &rest[1..];
            let (h, m) = match body.len() {
                5 if body.as_bytes()[2] == b':' => (digits(body, 2)?, digits(&body[3..], 2)?),
                4 => (digits(body, 2)?, digits(&body[2..], 2)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h as i32 * 3600 + m as i32 * 60)
        }
    };
    let nanos: u32 = if fraction.is_empty() {
        0
    } else {
        fraction.parse::<u32>().ok()? * 10u32.pow(9 - fraction.len() as u32)
    };
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    let offset = UtcOffset::from_whole_seconds(offset_seconds).ok()?;
    let instant = PrimitiveDateTime::new(date, time).assume_offset(offset);
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let abs = offset_seconds.unsigned_abs();
    // Built by pushes, not `format!`: this runs for every date of every decoded response.
    let mut canonical = String::with_capacity(32 + fraction.len());
    canonical.push_str(&s[..10]);
    canonical.push('T');
    canonical.push_str(&s[11..19]);
    if !fraction.is_empty() {
        canonical.push('.');
        canonical.push_str(fraction);
    }
    let (oh, om) = (abs / 3600, (abs % 3600) / 60);
    canonical.push(sign);
    for v in [oh, om] {
        canonical.push(char::from(b'0' + (v / 10) as u8));
        canonical.push(char::from(b'0' + (v % 10) as u8));
        canonical.push(':');
    }
    canonical.pop();
    Some(ParsedDateTime {
        unix_nanos: instant.unix_timestamp_nanos(),
        canonical,
    })
}

/// Refuses a request date-time that is not ISO 8601 (with an explicit offset or `Z`).
pub(crate) fn check(field: &str, value: &str) -> Result<(), Error> {
    if parse(value).is_none() {
        return Err(Error::invalid(
            field,
            format!(
                "`{value}` is not an ISO 8601 date-time such as 2024-01-15T10:30:00Z or 2024-01-15T10:30:00.000000+0000"
            ),
        ));
    }
    Ok(())
}

/// Refuses an optional request date-time that is not ISO 8601.
pub(crate) fn check_opt(field: &str, value: &Option<String>) -> Result<(), Error> {
    match value {
        Some(v) => check(field, v),
        None => Ok(()),
    }
}

/// Refuses a date that is not `YYYY-MM-DD`.
pub(crate) fn check_date(field: &str, value: &str) -> Result<(), Error> {
    let ok = value.len() == 10
        && value.as_bytes()[4] == b'-'
        && value.as_bytes()[7] == b'-'
        && (|| {
            let y = digits(value, 4)? as i32;
            let m = Month::try_from(digits(&value[5..], 2)? as u8).ok()?;
            Date::from_calendar_date(y, m, digits(&value[8..], 2)? as u8).ok()
        })()
        .is_some();
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("`{value}` is not a date in the form YYYY-MM-DD"),
        ))
    }
}

/// Canonical spelling of a response date-time, or the text unchanged when it is not one.
pub fn normalize(value: String) -> String {
    match parse(&value) {
        Some(p) if p.canonical != value => p.canonical,
        _ => value,
    }
}

/// serde `deserialize_with` for a required response date-time.
pub(crate) fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(normalize(String::deserialize(d)?))
}

/// serde `deserialize_with` for an optional response date-time (missing and null alike).
pub(crate) fn lenient_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .filter(|s| !s.is_empty())
        .map(normalize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_form_is_one_instant() {
        let forms = [
            "2022-10-12T09:42:50.000000+0000",
            "2022-10-12T09:42:50Z",
            "2022-10-12T09:42:50+00:00",
            "2022-10-12T11:42:50+02:00",
            "2022-10-12T09:42:50.000Z",
            "2022-10-12 09:42:50+0000",
        ];
        let first = parse(forms[0]).unwrap().unix_ms();
        assert_eq!(first, 1_665_567_770_000);
        for f in forms {
            assert_eq!(parse(f).unwrap().unix_ms(), first, "{f}");
        }
        assert_eq!(
            parse("2025-01-05T13:27:47.461425+0000").unwrap().canonical,
            "2025-01-05T13:27:47.461425+00:00"
        );
        assert_eq!(
            parse("2025-07-30T11:13:58.798Z").unwrap().canonical,
            "2025-07-30T11:13:58.798+00:00"
        );
        assert_eq!(
            parse("2024-12-24T10:50:23-0530").unwrap().canonical,
            "2024-12-24T10:50:23-05:30"
        );
    }

    #[test]
    fn non_dates_are_refused() {
        for bad in [
            "",
            "2024-01-15",
            "2024-02-30T10:00:00Z",
            "2024-01-15T25:00:00Z",
            "2024-01-15T10:30:00",
            "15.01.2024 10:30",
            "2024-01-15T10:30:00.Z",
            "2024-01-15T10:30:00+2400",
            "2024-01-15T10:30:00.1234567890Z",
            "２０２４-01-15T10:30:00Z",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
            assert!(check("d", bad).is_err(), "{bad}");
        }
        assert!(check_date("birthday", "1990-10-31").is_ok());
        for bad in ["1990-02-30", "31.10.1990", "1990-1-1", "19901031"] {
            assert!(check_date("birthday", bad).is_err(), "{bad}");
        }
        assert_eq!(normalize("soon".into()), "soon");
    }
}
