//! The iCalendar text of Radarr's calendar feed (RFC 5545): one all-day
//! event per movie release, which calendar apps subscribe to.

use crate::services::calendar::Released;
use chrono::{DateTime, Utc};

/// The feed of these movies' releases.
pub fn feed(movies: &[Released], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//unified-radarr//Radarr calendar//EN".into(),
        "NAME:Movies".into(),
        "X-WR-CALNAME:Movies".into(),
    ];
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    for (movie, releases) in movies {
        for (kind, date) in releases {
            let day = date.date_naive();
            lines.push("BEGIN:VEVENT".into());
            lines.push(format!("UID:radarr_movie_{}_{}", movie.id, kind.name()));
            lines.push(format!("DTSTAMP:{stamp}"));
            lines.push(format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
            lines.push(format!(
                "DTEND;VALUE=DATE:{}",
                day.succ_opt().unwrap_or(day).format("%Y%m%d")
            ));
            lines.push(format!(
                "SUMMARY:{}",
                text(&format!("{} ({})", movie.title, kind.label()))
            ));
            lines.push(format!(
                "STATUS:{}",
                if movie.movie_file.is_some() {
                    "CONFIRMED"
                } else {
                    "TENTATIVE"
                }
            ));
            lines.push("END:VEVENT".into());
        }
    }
    lines.push("END:VCALENDAR".into());
    lines.into_iter().map(fold).collect::<Vec<_>>().join("")
}

/// A value escaped as RFC 5545's TEXT: backslash, comma, semicolon, newline.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets (a space starts each continuation),
/// ended by CRLF; folds fall between characters, never inside one.
fn fold(line: String) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let folded = fold(format!("SUMMARY:{}", "é".repeat(60)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            folded.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(60))
        );
    }
}
