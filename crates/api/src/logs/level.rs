//! The log level Settings > General shows and changes (`/config/host`'s
//! `logLevel`). The server applies a change at once and keeps it in
//! `config.toml`; without a server behind it the level is only remembered.

use std::sync::RwLock;

use super::LogLevel;

/// Whether the server can log at `level`: all but `Fatal`, which nothing
/// logs at.
fn choosable(level: &LogLevel) -> bool {
    *level != LogLevel::Fatal
}

/// The level names a client may choose, most detailed first, for messages.
pub fn choices() -> String {
    let names: Vec<_> = LogLevel::ALL
        .into_iter()
        .filter(choosable)
        .map(LogLevel::wire)
        .collect();
    names.join(", ")
}

/// The level a client sent, as the name the server uses, or `None` for an
/// unknown one. Radarr's own names (`Info`, `Debug`, `Trace`) are accepted in
/// any case.
pub fn parse(level: &str) -> Option<&'static str> {
    LogLevel::from_name(level)
        .filter(choosable)
        .map(LogLevel::wire)
}

/// Reads and changes the process's log level.
pub trait LogLevelControl: Send + Sync {
    /// The level in force: a level name, or the full filter the server
    /// started with.
    fn current(&self) -> String;
    /// Applies `level` (one [`parse`] gives) and keeps it for the next start.
    fn change(&self, level: &'static str) -> Result<(), String>;
}

/// A level that is only remembered: for a state without a server.
#[derive(Debug)]
pub struct RememberedLevel(RwLock<String>);

impl Default for RememberedLevel {
    fn default() -> Self {
        RememberedLevel(RwLock::new("info".into()))
    }
}

impl LogLevelControl for RememberedLevel {
    fn current(&self) -> String {
        self.0.read().map(|l| l.clone()).unwrap_or_default()
    }

    fn change(&self, level: &'static str) -> Result<(), String> {
        let mut current = self.0.write().map_err(|e| e.to_string())?;
        *current = level.into();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radarrs_names_and_ours_are_accepted_in_any_case() {
        assert_eq!(parse("Debug"), Some("debug"));
        assert_eq!(parse(" trace "), Some("trace"));
        assert_eq!(parse("WARN"), Some("warn"));
        assert_eq!(parse("verbose"), None);
        assert_eq!(parse("fatal"), None);
        assert_eq!(parse(""), None);
        assert_eq!(choices(), "trace, debug, info, warn, error");
    }
}
