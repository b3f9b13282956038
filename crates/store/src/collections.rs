//! Collections and the movies TMDB lists in each.

use async_trait::async_trait;
use domain::collection::Collection;

use crate::Result;

/// The collections library movies belong to.
#[async_trait]
pub trait CollectionStore: Send + Sync {
    /// Every collection, by title.
    async fn collections(&self) -> Result<Vec<Collection>>;
    /// One collection.
    async fn collection(&self, id: i32) -> Result<Collection>;
    /// Stores a collection (its id is ignored) unless one with its TMDB id
    /// exists; returns the stored one, and `true` when it is new.
    async fn add_collection(&self, collection: &Collection) -> Result<(Collection, bool)>;
    /// Saves a collection's settings and details.
    async fn update_collection(&self, collection: &Collection) -> Result<Collection>;
}
