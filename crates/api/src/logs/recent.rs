//! The most recent log entries, kept in memory for `/api/v3/log`: a bounded
//! ring, so a chatty server holds the last entries, never an ever-growing log.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use super::{LogEntry, LogLevel};
use crate::extract::Paging;

/// How many entries are kept unless said otherwise.
pub const DEFAULT_CAPACITY: usize = 10_000;

/// An entry with the id `/api/v3/log` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// Counts up from 1 over the server's life; clearing does not reuse ids.
    pub id: u64,
    /// What was logged.
    pub entry: Arc<LogEntry>,
}

/// The ring. Pushing takes a lock for a moment only, so the tracing layer
/// may call it from any thread, async tasks included.
pub struct RecentLogs {
    capacity: usize,
    inner: Mutex<Ring>,
}

#[derive(Default)]
struct Ring {
    records: VecDeque<LogRecord>,
    last_id: u64,
}

impl Default for RecentLogs {
    fn default() -> Self {
        RecentLogs::with_capacity(DEFAULT_CAPACITY)
    }
}

impl RecentLogs {
    /// A ring that keeps the last `capacity` entries (at least one).
    pub fn with_capacity(capacity: usize) -> Self {
        RecentLogs {
            capacity: capacity.max(1),
            inner: Mutex::new(Ring::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Ring> {
        // A panic while holding the lock leaves whole records behind: the
        // ring is still sound, so a poisoned lock is taken as it is.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `entry`, dropping the oldest when full.
    pub fn push(&self, entry: Arc<LogEntry>) {
        let mut ring = self.lock();
        if ring.records.len() >= self.capacity {
            ring.records.pop_front();
        }
        ring.last_id += 1;
        let id = ring.last_id;
        ring.records.push_back(LogRecord { id, entry });
    }

    /// Forgets every entry (`ClearLog`).
    pub fn clear(&self) {
        self.lock().records.clear();
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.lock().records.len()
    }

    /// Whether none are.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One page of the entries at `at_least` or above (all when `None`),
    /// newest first when `paging` is descending, and how many match in all.
    /// Only the page is copied out.
    pub fn page(&self, at_least: Option<LogLevel>, paging: &Paging) -> (Vec<LogRecord>, usize) {
        let ring = self.lock();
        let matches = |record: &&LogRecord| at_least.is_none_or(|min| record.entry.level >= min);
        let total = ring.records.iter().filter(matches).count();
        let skip = (paging.page.max(1) - 1).saturating_mul(paging.page_size);
        let matching = ring.records.iter().filter(matches);
        let page = if paging.descending {
            copy_out(matching.rev(), skip, paging.page_size)
        } else {
            copy_out(matching, skip, paging.page_size)
        };
        (page, total)
    }
}

/// `take` records after the first `skip`, copied.
fn copy_out<'a>(
    records: impl Iterator<Item = &'a LogRecord>,
    skip: usize,
    take: usize,
) -> Vec<LogRecord> {
    records.skip(skip).take(take).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn entry(level: LogLevel, message: &str) -> Arc<LogEntry> {
        Arc::new(LogEntry {
            time: Utc::now(),
            level,
            logger: "test".into(),
            message: message.into(),
            exception: None,
        })
    }

    fn paging(page: usize, page_size: usize, descending: bool) -> Paging {
        Paging {
            page,
            page_size,
            sort_key: "time",
            descending,
        }
    }

    fn messages(records: &[LogRecord]) -> Vec<&str> {
        records.iter().map(|r| r.entry.message.as_str()).collect()
    }

    #[test]
    fn the_oldest_entries_make_room_for_new_ones() {
        let ring = RecentLogs::with_capacity(3);
        for n in 1..=5 {
            ring.push(entry(LogLevel::Info, &n.to_string()));
        }
        let (page, total) = ring.page(None, &paging(1, 10, false));
        assert_eq!(total, 3);
        assert_eq!(messages(&page), ["3", "4", "5"]);
        assert_eq!(page[0].id, 3, "ids keep counting");
    }

    #[test]
    fn pages_come_newest_first_and_a_level_keeps_it_and_worse() {
        let ring = RecentLogs::default();
        for (level, message) in [
            (LogLevel::Info, "i1"),
            (LogLevel::Warn, "w1"),
            (LogLevel::Error, "e1"),
            (LogLevel::Info, "i2"),
            (LogLevel::Warn, "w2"),
        ] {
            ring.push(entry(level, message));
        }
        let (page, total) = ring.page(None, &paging(1, 2, true));
        assert_eq!((messages(&page), total), (vec!["w2", "i2"], 5));
        let (page, _) = ring.page(None, &paging(3, 2, true));
        assert_eq!(messages(&page), ["i1"]);
        let (page, total) = ring.page(Some(LogLevel::Warn), &paging(1, 10, true));
        assert_eq!((messages(&page), total), (vec!["w2", "e1", "w1"], 3));
        let (page, total) = ring.page(Some(LogLevel::Error), &paging(1, 10, false));
        assert_eq!((messages(&page), total), (vec!["e1"], 1));
    }

    #[test]
    fn clearing_empties_the_ring_but_ids_go_on() {
        let ring = RecentLogs::default();
        ring.push(entry(LogLevel::Info, "before"));
        ring.clear();
        assert!(ring.is_empty());
        ring.push(entry(LogLevel::Info, "after"));
        let (page, _) = ring.page(None, &paging(1, 10, true));
        assert_eq!(page[0].id, 2);
    }
}
