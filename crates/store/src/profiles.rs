//! Quality profiles and quality definitions.

use async_trait::async_trait;
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::QualityProfile;

use crate::Result;

/// Quality profiles and the size limits of each quality.
#[async_trait]
pub trait ProfileStore: Send + Sync {
    /// Every quality profile, by id.
    async fn quality_profiles(&self) -> Result<Vec<QualityProfile>>;
    /// One quality profile.
    async fn quality_profile(&self, id: i32) -> Result<QualityProfile>;
    /// Adds a profile (its id is ignored); a name already used is a conflict.
    async fn add_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile>;
    /// Saves a profile.
    async fn update_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile>;
    /// Removes a profile; one that movies use is a conflict.
    async fn delete_quality_profile(&self, id: i32) -> Result<()>;
    /// The definitions, in weight order.
    async fn quality_definitions(&self) -> Result<Vec<QualityDefinition>>;
    /// Saves the title and sizes of each definition, all or none (their
    /// quality and weight are fixed); an unknown id is not found.
    async fn update_quality_definitions(&self, definitions: &[QualityDefinition]) -> Result<()>;
    /// Stores the profiles and definitions a new install starts with, keeping
    /// their ids, unless profiles or definitions already exist. Safe when
    /// several instances start at once.
    async fn seed_defaults(
        &self,
        profiles: &[QualityProfile],
        definitions: &[QualityDefinition],
    ) -> Result<()>;
}
