//! The history of each movie's releases.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};

use crate::Result;

/// Events recorded as they happen, read back by page, by movie or by date.
#[async_trait]
pub trait HistoryStore: Send + Sync {
    /// Records an event (its id is ignored).
    async fn add_history(&self, entry: &HistoryEntry) -> Result<HistoryEntry>;
    /// A page of events, and how many match in all.
    async fn history_page(&self, query: &HistoryQuery) -> Result<(Vec<HistoryEntry>, u64)>;
    /// A movie's events, newest first, of one kind if given.
    async fn movie_history(
        &self,
        movie_id: i32,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>>;
    /// Events since `date`, oldest first, of one kind if given.
    async fn history_since(
        &self,
        date: DateTime<Utc>,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>>;
}
