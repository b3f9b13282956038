//! Dates as Radarr writes and reads them: UTC, `yyyy-MM-ddTHH:mm:ssZ` out;
//! anything parseable in.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date written the way Radarr writes it (no fractions, literal `Z`):
/// arrapi cuts the last character off to parse it, so an offset breaks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireDate(pub DateTime<Utc>);

impl fmt::Display for WireDate {
    // Written by hand: chrono's format strings cost more than the rest of a
    // movie's rendering, and lists write tens of thousands of dates.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        )
    }
}

impl Serialize for WireDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WireDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text)
            .map(WireDate)
            .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not a date")))
    }
}

/// Reads a date in any of the forms clients send: RFC 3339 with any offset,
/// a date and time without one (taken as UTC), or a bare date.
pub fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, format) {
            return Some(d.and_utc());
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// The date .NET writes for a missing non-nullable date: 0001-01-01.
pub fn dotnet_min_date() -> WireDate {
    let year_one = NaiveDate::from_ymd_opt(1, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc());
    WireDate(year_one.unwrap_or(DateTime::<Utc>::MIN_UTC))
}

/// A length of time as .NET writes a `TimeSpan` (its constant format):
/// `00:00:02.1234567`, the fraction left out when there is none, with a
/// `d.` day prefix from a day on.
pub fn time_span(span: chrono::TimeDelta) -> String {
    let span = span.max(chrono::TimeDelta::zero());
    let seconds = span.num_seconds();
    let ticks = span.subsec_nanos() / 100;
    let (days, hours) = (seconds / 86_400, seconds / 3_600 % 24);
    let mut clock = format!("{hours:02}:{:02}:{:02}", seconds / 60 % 60, seconds % 60);
    if ticks > 0 {
        clock.push_str(&format!(".{ticks:07}"));
    }
    if days > 0 {
        format!("{days}.{clock}")
    } else {
        clock
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_spans_are_written_as_dotnet_writes_them() {
        let span = chrono::TimeDelta::milliseconds(2_123) + chrono::TimeDelta::nanoseconds(456_700);
        assert_eq!(time_span(span), "00:00:02.1234567");
        assert_eq!(time_span(chrono::TimeDelta::minutes(61)), "01:01:00");
        assert_eq!(time_span(chrono::TimeDelta::hours(49)), "2.01:00:00");
        assert_eq!(time_span(chrono::TimeDelta::seconds(-5)), "00:00:00");
    }

    #[test]
    fn written_without_fraction_or_offset() {
        let d = parse_date("2024-03-01T12:34:56.789+02:00").unwrap();
        assert_eq!(
            serde_json::to_string(&WireDate(d)).unwrap(),
            "\"2024-03-01T10:34:56Z\""
        );
        assert_eq!(
            serde_json::to_string(&dotnet_min_date()).unwrap(),
            "\"0001-01-01T00:00:00Z\""
        );
    }

    #[test]
    fn read_from_every_common_form() {
        for text in [
            "2024-03-01",
            "2024-03-01T00:00:00",
            "2024-03-01T00:00:00Z",
            "2024-03-01 00:00:00",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_rfc3339()),
                Some("2024-03-01T00:00:00+00:00".to_string()),
                "{text}"
            );
        }
        assert!(parse_date("yesterday").is_none());
    }
}
