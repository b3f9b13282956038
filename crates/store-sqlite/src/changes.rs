//! The library's revision and which movies the recent writes touched. One
//! process owns a SQLite library, so what its own writes recorded is the
//! whole truth, held in memory: the API patches its rendered list with it
//! instead of reading 10,000 rows again after a one-movie change.

use std::collections::VecDeque;

/// Movie ids kept over all recent writes; older writes are forgotten first.
const IDS_KEPT: usize = 4096;
/// Writes remembered at most, however few ids each touched.
const WRITES_KEPT: usize = 1024;

/// Movie and file writes so far, and the movies of the latest of them.
#[derive(Default)]
pub(crate) struct ChangeLog {
    revision: i64,
    /// (revision the write made, ids it touched or `None` when too many to keep).
    recent: VecDeque<(i64, Option<Vec<i32>>)>,
    ids_held: usize,
}

impl ChangeLog {
    pub(crate) fn revision(&self) -> i64 {
        self.revision
    }

    /// Counts a write that touched these movies. A write of very many is
    /// counted without them: reading those again would cost about as much as
    /// reading everything.
    pub(crate) fn record(&mut self, ids: Vec<i32>) {
        let ids = Some(ids).filter(|ids| ids.len() <= IDS_KEPT / 2);
        self.revision += 1;
        self.ids_held += ids.as_ref().map_or(0, Vec::len);
        self.recent.push_back((self.revision, ids));
        while self.recent.len() > WRITES_KEPT || self.ids_held > IDS_KEPT {
            if let Some((_, Some(ids))) = self.recent.pop_front() {
                self.ids_held -= ids.len();
            }
        }
    }

    /// The movies touched after revision `since`, sorted and each once, when
    /// every write since then is still remembered with its ids.
    pub(crate) fn touched_since(&self, since: i64) -> Option<Vec<i32>> {
        if since > self.revision {
            return None;
        }
        let oldest_kept = self.recent.front().map_or(self.revision + 1, |(r, _)| *r);
        if since + 1 < oldest_kept {
            return None;
        }
        let mut touched = Vec::new();
        for (_, ids) in self.recent.iter().filter(|(r, _)| *r > since) {
            touched.extend_from_slice(ids.as_deref()?);
        }
        touched.sort_unstable();
        touched.dedup();
        Some(touched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_movies_of_every_write_since_a_revision() {
        let mut log = ChangeLog::default();
        assert_eq!(log.touched_since(0), Some(vec![]));
        log.record(vec![5]);
        log.record(vec![3, 5]);
        log.record(vec![]);
        assert_eq!(log.revision(), 3);
        assert_eq!(log.touched_since(0), Some(vec![3, 5]));
        assert_eq!(log.touched_since(1), Some(vec![3, 5]));
        assert_eq!(log.touched_since(2), Some(vec![]));
        assert_eq!(log.touched_since(3), Some(vec![]));
        // A revision this log never reached.
        assert_eq!(log.touched_since(4), None);
    }

    #[test]
    fn a_write_of_too_many_movies_is_not_listed() {
        let mut log = ChangeLog::default();
        log.record(vec![1]);
        log.record((1..=3000).collect());
        log.record(vec![2]);
        assert_eq!(log.touched_since(2), Some(vec![2]));
        assert_eq!(log.touched_since(1), None);
    }

    #[test]
    fn old_writes_are_forgotten() {
        let mut log = ChangeLog::default();
        // Writes of 8 ids: the bound on ids is reached before the one on writes.
        for id in 0..2000 {
            log.record((0..8).map(|i| id * 8 + i).collect());
        }
        assert_eq!(log.touched_since(1999).map(|ids| ids.len()), Some(8));
        let oldest_kept = 2000 - (IDS_KEPT / 8) as i64 + 1;
        assert_eq!(
            log.touched_since(oldest_kept - 1).map(|ids| ids.len()),
            Some(IDS_KEPT)
        );
        assert_eq!(log.touched_since(oldest_kept - 2), None);
        // Writes of no ids: the bound on writes.
        for _ in 0..2000 {
            log.record(vec![]);
        }
        let oldest_kept = log.revision() - WRITES_KEPT as i64 + 1;
        assert_eq!(log.touched_since(oldest_kept - 1), Some(vec![]));
        assert_eq!(log.touched_since(oldest_kept - 2), None);
    }
}
