//! One log entry, and the line Radarr's log files write for it.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Local, Timelike, Utc};

/// How severe an entry is, with Radarr's (NLog's) level names. `Fatal` comes
/// only from Radarr's vocabulary: clients filter by it, nothing logs it here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}

impl LogLevel {
    /// Every level, least severe first.
    pub const ALL: [LogLevel; 6] = [
        LogLevel::Trace,
        LogLevel::Debug,
        LogLevel::Info,
        LogLevel::Warn,
        LogLevel::Error,
        LogLevel::Fatal,
    ];

    /// The name the log files write: `Info`, `Warn`.
    pub fn name(self) -> &'static str {
        match self {
            LogLevel::Trace => "Trace",
            LogLevel::Debug => "Debug",
            LogLevel::Info => "Info",
            LogLevel::Warn => "Warn",
            LogLevel::Error => "Error",
            LogLevel::Fatal => "Fatal",
        }
    }

    /// The name `/api/v3/log` gives and filters by: lower case.
    pub fn wire(self) -> &'static str {
        match self {
            LogLevel::Trace => "trace",
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Warn => "warn",
            LogLevel::Error => "error",
            LogLevel::Fatal => "fatal",
        }
    }

    /// A level by its name, in any case; `None` for a name Radarr does not use.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|level| level.wire().eq_ignore_ascii_case(name.trim()))
    }
}

/// What was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// When.
    pub time: DateTime<Utc>,
    /// How severe.
    pub level: LogLevel,
    /// Where from: the module that logged it.
    pub logger: String,
    /// The message with its fields, `text key=value …`.
    pub message: String,
    /// The error the entry reports, when it carries one.
    pub exception: Option<String>,
}

impl LogEntry {
    /// The entry as Radarr's log files write it, ending in a newline:
    /// `2026-12-02 18:40:00.1|Info|Logger|Message`, local time to the tenth
    /// of a second; an error follows after a blank line, with the version
    /// that logged it.
    pub fn file_line(&self) -> String {
        let local = self.time.with_timezone(&Local);
        let mut line = String::with_capacity(self.message.len() + self.logger.len() + 40);
        // Written by hand: chrono's formats have no tenths of a second.
        let _ = write!(
            line,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{}|{}|{}|{}",
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second(),
            local.timestamp_subsec_millis().min(999) / 100,
            self.level.name(),
            self.logger,
            self.message,
        );
        if let Some(exception) = &self.exception {
            let _ = write!(line, "\n\n[v{}] {exception}\n", env!("CARGO_PKG_VERSION"));
        }
        line.push('\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(exception: Option<&str>) -> LogEntry {
        LogEntry {
            time: Utc.with_ymd_and_hms(2026, 12, 2, 18, 40, 0).unwrap()
                + chrono::Duration::milliseconds(170),
            level: LogLevel::Warn,
            logger: "api::commands::runner".into(),
            message: "a command failed name=RssSync".into(),
            exception: exception.map(str::to_string),
        }
    }

    #[test]
    fn a_line_has_radarrs_four_fields_in_local_time() {
        let line = entry(None).file_line();
        let local = entry(None).time.with_timezone(&Local);
        let expected_date = local.format("%Y-%m-%d %H:%M:%S").to_string();
        assert_eq!(
            line,
            format!("{expected_date}.1|Warn|api::commands::runner|a command failed name=RssSync\n")
        );
    }

    #[test]
    fn an_error_follows_the_line_after_a_blank_line() {
        let line = entry(Some("connection refused")).file_line();
        let (first, rest) = line.split_once('\n').unwrap();
        assert!(first.ends_with("|a command failed name=RssSync"), "{first}");
        assert!(rest.starts_with("\n[v"), "{rest}");
        assert!(rest.contains("] connection refused\n"), "{rest}");
    }

    #[test]
    fn levels_are_named_as_radarr_names_them_and_ordered_by_severity() {
        assert_eq!(LogLevel::from_name("WARN"), Some(LogLevel::Warn));
        assert_eq!(LogLevel::from_name("verbose"), None);
        assert_eq!(LogLevel::Error.name(), "Error");
        assert_eq!(LogLevel::Error.wire(), "error");
        assert!(LogLevel::Fatal > LogLevel::Error && LogLevel::Info > LogLevel::Debug);
    }
}
