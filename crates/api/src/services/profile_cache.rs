//! Quality profiles held in memory: every movie response checks its file
//! against its profile's cutoff, and reading six rows per request would cost
//! more than the rest of it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use domain::quality_profile::QualityProfile;
use store::Store;

use crate::error::ApiResult;

/// The profiles by id, and a fingerprint that changes when any of them does.
pub struct ProfileSet {
    /// Profiles by id.
    pub by_id: HashMap<i32, QualityProfile>,
    /// A hash of every profile, for keys of what was rendered with them.
    pub fingerprint: u64,
}

/// Shared profiles.
pub type Profiles = Arc<ProfileSet>;

/// How long another instance's profile change may go unseen here; this
/// instance's own changes are seen at once.
const TIME_TO_LIVE: Duration = Duration::from_secs(5);

/// The profiles, read from the store at most once per [`TIME_TO_LIVE`].
pub struct ProfileCache {
    cache: moka::sync::Cache<(), Profiles>,
}

impl Default for ProfileCache {
    fn default() -> Self {
        ProfileCache {
            cache: moka::sync::Cache::builder()
                .max_capacity(1)
                .time_to_live(TIME_TO_LIVE)
                .build(),
        }
    }
}

impl ProfileCache {
    /// The profiles, from memory when fresh.
    pub async fn get(&self, store: &dyn Store) -> ApiResult<Profiles> {
        if let Some(profiles) = self.cache.get(&()) {
            return Ok(profiles);
        }
        let list = store.quality_profiles().await?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(&list)
            .unwrap_or_default()
            .hash(&mut hasher);
        let profiles = Arc::new(ProfileSet {
            fingerprint: hasher.finish(),
            by_id: list.into_iter().map(|p| (p.id, p)).collect(),
        });
        self.cache.insert((), profiles.clone());
        Ok(profiles)
    }

    /// Forgets the profiles after a change.
    pub fn invalidate(&self) {
        self.cache.invalidate(&());
    }
}
