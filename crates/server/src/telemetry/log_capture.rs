//! Tracing events as Radarr-style log entries: one layer writes them to the
//! rolled `radarr.txt`, another hands them to the recent entries of every
//! server in the process.
//!
//! The subscriber is global and set once, while a process may run several
//! servers (tests do), each with its own [`RecentLogs`]: so the layer keeps
//! a list of the rings to feed, and each server adds its own when it starts.

use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use api::logs::{LogEntry, LogLevel, RecentLogs, files};
use chrono::Utc;
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_appender::non_blocking::{NonBlocking, WorkerGuard};
use tracing_subscriber::Layer;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::Context;

use super::rolling_file::{ARCHIVES, RollingFile, SIZE_LIMIT};

/// The rings the recent-entries layer feeds; a server's drops out when it
/// is gone.
static FED: Mutex<Vec<Weak<RecentLogs>>> = Mutex::new(Vec::new());

fn fed() -> MutexGuard<'static, Vec<Weak<RecentLogs>>> {
    FED.lock().unwrap_or_else(|e| e.into_inner())
}

/// Has the recent-entries layer feed `logs` from now on.
pub fn feed(logs: &Arc<RecentLogs>) {
    let mut fed = fed();
    fed.retain(|ring| ring.strong_count() > 0);
    fed.push(Arc::downgrade(logs));
}

/// The layer behind `/api/v3/log`.
pub struct RecentLayer;

impl<S: Subscriber> Layer<S> for RecentLayer {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if fed().is_empty() {
            return;
        }
        // Built outside the lock: formatting a field runs foreign code.
        let entry = Arc::new(entry_of(event));
        for ring in fed().iter().filter_map(Weak::upgrade) {
            ring.push(entry.clone());
        }
    }
}

/// The layer that writes `radarr.txt`, through a queue to its own thread so
/// that logging never waits on the disk.
pub struct FileLayer {
    writer: NonBlocking,
}

impl FileLayer {
    /// Writes under the data folder's `logs/`; the guard must be kept for as
    /// long as lines should reach the file, and flushes them when dropped.
    pub fn open(data_dir: &Path) -> std::io::Result<(FileLayer, WorkerGuard)> {
        let file = RollingFile::open(files::folder(data_dir), "radarr", SIZE_LIMIT, ARCHIVES)?;
        let (writer, guard) = tracing_appender::non_blocking(file);
        Ok((FileLayer { writer }, guard))
    }
}

impl<S: Subscriber> Layer<S> for FileLayer {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let line = entry_of(event).file_line();
        // A full queue drops the line rather than block; nothing else to do.
        let _ = self.writer.make_writer().write_all(line.as_bytes());
    }
}

fn level_of(level: &tracing::Level) -> LogLevel {
    match *level {
        tracing::Level::TRACE => LogLevel::Trace,
        tracing::Level::DEBUG => LogLevel::Debug,
        tracing::Level::INFO => LogLevel::Info,
        tracing::Level::WARN => LogLevel::Warn,
        tracing::Level::ERROR => LogLevel::Error,
    }
}

/// The entry an event makes: its message, then its other fields as
/// `key=value`; an `error` field becomes the entry's exception.
pub fn entry_of(event: &Event<'_>) -> LogEntry {
    let mut fields = Fields::default();
    event.record(&mut fields);
    let meta = event.metadata();
    LogEntry {
        time: Utc::now(),
        level: level_of(meta.level()),
        logger: fields
            .log_target
            .unwrap_or_else(|| meta.target().to_string()),
        message: if fields.extra.is_empty() {
            fields.message
        } else if fields.message.is_empty() {
            fields.extra
        } else {
            format!("{} {}", fields.message, fields.extra)
        },
        exception: fields.error,
    }
}

#[derive(Default)]
struct Fields {
    message: String,
    extra: String,
    error: Option<String>,
    /// The `log` crate's target, for records bridged from `log`.
    log_target: Option<String>,
}

impl Fields {
    fn add(&mut self, field: &Field, value: fmt::Arguments<'_>) {
        match field.name() {
            // The format string's message comes first; an explicit
            // `message = …` field beside it is shown as a field.
            "message" if self.message.is_empty() => {
                let _ = self.message.write_fmt(value);
            }
            "error" => self.error = Some(value.to_string()),
            "log.target" => self.log_target = Some(value.to_string()),
            // The rest of the `log` bridge's fields say where in the source.
            name if name.starts_with("log.") => {}
            name => self.push_field(name, value),
        }
    }

    fn push_field(&mut self, name: &str, value: fmt::Arguments<'_>) {
        if !self.extra.is_empty() {
            self.extra.push(' ');
        }
        let _ = write!(self.extra, "{name}={value}");
    }
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.add(field, format_args!("{value}"));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.add(field, format_args!("{value:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing_subscriber::layer::SubscriberExt;

    /// Runs `log` under a subscriber that captures entries into a ring.
    fn capture(log: impl FnOnce()) -> Vec<Arc<LogEntry>> {
        struct Capture(Arc<RecentLogs>);
        impl<S: Subscriber> Layer<S> for Capture {
            fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
                self.0.push(Arc::new(entry_of(event)));
            }
        }
        let ring = Arc::new(RecentLogs::default());
        let subscriber = tracing_subscriber::registry().with(Capture(ring.clone()));
        tracing::subscriber::with_default(subscriber, log);
        let paging = api::extract::Paging {
            page: 1,
            page_size: 100,
            sort_key: "time",
            descending: false,
        };
        ring.page(None, &paging)
            .0
            .into_iter()
            .map(|r| r.entry)
            .collect()
    }

    #[test]
    fn fields_follow_the_message_and_an_error_becomes_the_exception() {
        let entries = capture(|| {
            let error = std::io::Error::other("disk full");
            tracing::warn!(movie_id = 7, title = "Heat", error = %error, "import failed");
            tracing::info!(target: "custom", "plain");
            tracing::info!(id = 3, message = %"Log cleared", "command ended");
        });
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].level, LogLevel::Warn);
        assert_eq!(entries[0].message, "import failed movie_id=7 title=Heat");
        assert_eq!(entries[0].exception.as_deref(), Some("disk full"));
        assert!(
            entries[0].logger.ends_with("log_capture::tests"),
            "{}",
            entries[0].logger
        );
        assert_eq!(
            (entries[1].logger.as_str(), entries[1].message.as_str()),
            ("custom", "plain")
        );
        assert_eq!(entries[1].exception, None);
        assert_eq!(entries[2].message, "command ended id=3 message=Log cleared");
    }

    #[test]
    fn the_recent_layer_feeds_every_live_ring_and_forgets_dropped_ones() {
        let kept = Arc::new(RecentLogs::default());
        let dropped = Arc::new(RecentLogs::default());
        feed(&kept);
        feed(&dropped);
        let weak = Arc::downgrade(&dropped);
        drop(dropped);
        let subscriber = tracing_subscriber::registry().with(RecentLayer);
        tracing::subscriber::with_default(subscriber, || {
            tracing::error!(target: "ring_test", "to every ring");
        });
        assert!(weak.upgrade().is_none());
        assert_eq!(kept.len(), 1);
        // The next server's start prunes the dropped ring.
        feed(&kept);
        assert!(fed().iter().all(|ring| ring.strong_count() > 0));
    }
}
