//! The server's own log, as Radarr shows it: the recent entries kept in
//! memory for `/api/v3/log`, and the size-rolled files under `logs/` in the
//! data folder.

pub mod entry;
pub mod files;
pub mod level;
pub mod recent;

pub use entry::{LogEntry, LogLevel};
pub use level::{LogLevelControl, RememberedLevel};
pub use recent::{LogRecord, RecentLogs};
