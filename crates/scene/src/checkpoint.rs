//! Where an analysis is: the page each (indexer, category) reads next and
//! the counts so far. The caller stores it after every page, so a restarted
//! analysis goes on where the last one stopped.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One indexer's category, and how far its pages were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    pub indexer_id: i32,
    pub category: i32,
    /// The page to read next, from 0.
    pub next_page: u32,
    /// Its last page was read.
    pub done: bool,
}

/// A run of the analysis, finished or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Checkpoint {
    /// Counts up by one each run: stored releases say which run last saw
    /// them.
    pub run: i64,
    pub started: DateTime<Utc>,
    /// Every cursor is done, or the run was given up.
    pub finished: bool,
    pub cursors: Vec<Cursor>,
    /// Releases read.
    pub releases: u64,
    /// Requests made, and those that failed.
    pub requests: u64,
    pub failed_requests: u64,
    /// Pages given up after their retries.
    pub skipped_pages: u64,
    /// Time spent reading, over every part of a resumed run.
    pub elapsed_ms: u64,
    /// Releases a page when the cursors were last moved: a run resumed with
    /// another batch size finds its place again from it.
    #[serde(default)]
    pub batch_size: u32,
}

impl Checkpoint {
    /// The run to do after `previous`: `previous` itself when it did not
    /// finish, else a new one.
    pub fn resume_or_start(previous: Option<Checkpoint>, now: DateTime<Utc>) -> Checkpoint {
        match previous {
            Some(previous) if !previous.finished => previous,
            previous => Checkpoint {
                run: previous.map_or(1, |p| p.run + 1),
                started: now,
                finished: false,
                cursors: Vec::new(),
                releases: 0,
                requests: 0,
                failed_requests: 0,
                skipped_pages: 0,
                elapsed_ms: 0,
                batch_size: 0,
            },
        }
    }

    /// Moves the cursors to pages of `batch_size` releases, rounding down so
    /// that a release is read twice rather than never.
    pub(crate) fn page_by(&mut self, batch_size: u32) {
        let before = self.batch_size;
        if before != 0 && before != batch_size {
            for cursor in &mut self.cursors {
                let read = u64::from(cursor.next_page) * u64::from(before);
                cursor.next_page =
                    u32::try_from(read / u64::from(batch_size.max(1))).unwrap_or(u32::MAX);
            }
        }
        self.batch_size = batch_size;
    }

    /// The cursor of an indexer's category, added at page 0 if new.
    pub(crate) fn cursor(&mut self, indexer_id: i32, category: i32) -> &mut Cursor {
        let at = self
            .cursors
            .iter()
            .position(|c| c.indexer_id == indexer_id && c.category == category);
        let at = at.unwrap_or_else(|| {
            self.cursors.push(Cursor {
                indexer_id,
                category,
                next_page: 0,
                done: false,
            });
            self.cursors.len() - 1
        });
        &mut self.cursors[at]
    }

    /// Whether every page of every cursor was read: only then does what was
    /// not seen count as gone from the tracker.
    pub fn complete(&self) -> bool {
        self.skipped_pages == 0 && self.cursors.iter().all(|c| c.done)
    }

    /// What the run did, for its message and metrics.
    pub fn report(&self) -> Report {
        let elapsed = Duration::from_millis(self.elapsed_ms);
        let minutes = elapsed.as_secs_f64() / 60.0;
        Report {
            releases: self.releases,
            releases_per_minute: if minutes > 0.0 {
                self.releases as f64 / minutes
            } else {
                0.0
            },
            success_rate: if self.requests > 0 {
                (self.requests - self.failed_requests) as f64 / self.requests as f64
            } else {
                1.0
            },
            skipped_pages: self.skipped_pages,
            requests: self.requests,
            elapsed,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub releases: u64,
    pub releases_per_minute: f64,
    /// The share of requests that were answered, from 0 to 1.
    pub success_rate: f64,
    pub skipped_pages: u64,
    pub requests: u64,
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} releases analysed in {:.1} s ({:.0} a minute); {:.1}% of {} requests succeeded; {} pages skipped",
            self.releases,
            self.elapsed.as_secs_f64(),
            self.releases_per_minute,
            self.success_rate * 100.0,
            self.requests,
            self.skipped_pages
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_run_is_resumed_and_a_finished_one_followed() {
        let now = Utc::now();
        let mut first = Checkpoint::resume_or_start(None, now);
        assert_eq!(first.run, 1);
        first.cursor(4, 1).next_page = 7;
        let resumed = Checkpoint::resume_or_start(Some(first.clone()), now);
        assert_eq!(resumed, first);
        first.finished = true;
        let next = Checkpoint::resume_or_start(Some(first), now);
        assert_eq!((next.run, next.cursors.len()), (2, 0));
    }

    #[test]
    fn a_run_resumed_with_another_batch_size_keeps_its_place() {
        let mut run = Checkpoint::resume_or_start(None, Utc::now());
        run.page_by(50);
        run.cursor(1, 1).next_page = 7; // 350 releases read
        run.page_by(100);
        assert_eq!(run.cursor(1, 1).next_page, 3, "300 read again from page 3");
        run.page_by(30);
        assert_eq!(run.cursor(1, 1).next_page, 10);
    }

    #[test]
    fn a_run_with_a_skipped_page_is_not_complete() {
        let mut run = Checkpoint::resume_or_start(None, Utc::now());
        run.cursor(1, 1).done = true;
        assert!(run.complete());
        run.skipped_pages = 1;
        assert!(!run.complete());
    }
}
