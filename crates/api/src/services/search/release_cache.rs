//! The releases of recent searches, kept so that one can be grabbed by its
//! indexer and guid (`POST /release`), as Radarr keeps them for 30 minutes.

use std::sync::Arc;
use std::time::Duration;

use domain::decision::Candidate;

/// How long a searched release can be grabbed.
const TIME_TO_LIVE: Duration = Duration::from_secs(30 * 60);
/// Releases kept at most: a few dozen searches' worth.
const CAPACITY: u64 = 20_000;

/// A release as a search found it, with the movie it was found for.
#[derive(Debug, Clone)]
pub struct Found {
    /// The release, parsed and scored.
    pub candidate: Candidate,
    /// The library movie it was searched or mapped for.
    pub movie_id: Option<i32>,
}

/// Recent releases by indexer id and guid.
pub struct ReleaseCache {
    cache: moka::sync::Cache<(i32, String), Arc<Found>>,
}

impl Default for ReleaseCache {
    fn default() -> Self {
        ReleaseCache {
            cache: moka::sync::Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_live(TIME_TO_LIVE)
                .build(),
        }
    }
}

impl ReleaseCache {
    /// Keeps a release for grabbing.
    pub fn keep(&self, found: Found) {
        let key = (
            found.candidate.release.indexer_id,
            found.candidate.release.guid.clone(),
        );
        self.cache.insert(key, Arc::new(found));
    }

    /// The release of an indexer with this guid, if searched lately.
    pub fn get(&self, indexer_id: i32, guid: &str) -> Option<Arc<Found>> {
        self.cache.get(&(indexer_id, guid.to_string()))
    }

    /// Drops what has expired (moka only does so when touched).
    pub fn run_pending_tasks(&self) {
        self.cache.run_pending_tasks();
    }
}
