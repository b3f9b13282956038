//! Release profiles, delay profiles and the indexer settings: what the
//! decision engine reads besides quality profiles and custom formats.

use async_trait::async_trait;
use domain::decision::{DelayProfile, IndexerConfig, ReleaseProfile};

use crate::Result;

/// The settings that restrict and delay releases.
#[async_trait]
pub trait DecisionSettingsStore: Send + Sync {
    /// Every release profile, by id.
    async fn release_profiles(&self) -> Result<Vec<ReleaseProfile>>;
    /// One release profile.
    async fn release_profile(&self, id: i32) -> Result<ReleaseProfile>;
    /// Adds a release profile (its id is ignored).
    async fn add_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile>;
    /// Saves a release profile.
    async fn update_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile>;
    /// Removes a release profile; an unknown id is not found.
    async fn delete_release_profile(&self, id: i32) -> Result<()>;

    /// Every delay profile, in order (the default one last).
    async fn delay_profiles(&self) -> Result<Vec<DelayProfile>>;
    /// One delay profile.
    async fn delay_profile(&self, id: i32) -> Result<DelayProfile>;
    /// Adds a delay profile (its id and order are ignored) just before the
    /// default one.
    async fn add_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile>;
    /// Saves a delay profile's settings and tags; its order is kept (see
    /// [`set_delay_profile_orders`](Self::set_delay_profile_orders)).
    async fn update_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile>;
    /// Removes a delay profile and numbers the rest 1, 2, … again; an
    /// unknown id is not found.
    async fn delete_delay_profile(&self, id: i32) -> Result<()>;
    /// Stores each profile's order, all or none; unknown ids are ignored.
    async fn set_delay_profile_orders(&self, orders: &[(i32, i32)]) -> Result<()>;

    /// The indexer settings; Radarr's defaults for any never saved.
    async fn indexer_config(&self) -> Result<IndexerConfig>;
    /// Saves the indexer settings.
    async fn update_indexer_config(&self, config: &IndexerConfig) -> Result<IndexerConfig>;
}
