//! Indexers, download clients and the other providers.

use async_trait::async_trait;
use domain::provider::{Provider, ProviderKind};

use crate::Result;

/// The providers a library is set up with.
#[async_trait]
pub trait ProviderStore: Send + Sync {
    /// Every provider of a kind, by id.
    async fn providers(&self, kind: ProviderKind) -> Result<Vec<Provider>>;
    /// One provider of a kind.
    async fn provider(&self, kind: ProviderKind, id: i32) -> Result<Provider>;
    /// Stores a provider (its id is ignored); a name its kind already has is
    /// a conflict.
    async fn add_provider(&self, provider: &Provider) -> Result<Provider>;
    /// Saves a provider.
    async fn update_provider(&self, provider: &Provider) -> Result<Provider>;
    /// Removes providers of a kind; ids that do not exist are ignored.
    async fn delete_providers(&self, kind: ProviderKind, ids: &[i32]) -> Result<()>;
}
