//! The back-off state of each indexer, kept across restarts and shared by
//! every instance on one database.

use async_trait::async_trait;
use domain::indexer_status::IndexerStatus;

use crate::Result;

/// Each indexer's failures; a status goes with its indexer.
#[async_trait]
pub trait IndexerStatusStore: Send + Sync {
    /// Every indexer's status that has been recorded, by indexer id.
    async fn indexer_statuses(&self) -> Result<Vec<IndexerStatus>>;
    /// One indexer's status, if one has been recorded.
    async fn indexer_status(&self, provider_id: i32) -> Result<Option<IndexerStatus>>;
    /// Records an indexer's status, replacing the one before; not found when
    /// the indexer no longer exists.
    async fn save_indexer_status(&self, status: &IndexerStatus) -> Result<()>;
}
