//! The blocklist.

use async_trait::async_trait;
use domain::blocklist::BlocklistEntry;

use crate::Result;

/// Blocklisted releases.
#[async_trait]
pub trait BlocklistStore: Send + Sync {
    /// Adds an entry (its id is ignored).
    async fn add_blocklist(&self, entry: &BlocklistEntry) -> Result<BlocklistEntry>;
    /// The entries of these movies (all when empty), newest first.
    async fn blocklist(&self, movie_ids: &[i32]) -> Result<Vec<BlocklistEntry>>;
    /// Removes entries; unknown ids are ignored. How many went.
    async fn delete_blocklist(&self, ids: &[i32]) -> Result<u64>;
    /// Removes every entry.
    async fn clear_blocklist(&self) -> Result<()>;
}
