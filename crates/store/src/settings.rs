//! Root folders, tags and import exclusions.

use async_trait::async_trait;
use domain::exclusion::ImportExclusion;
use domain::root_folder::RootFolder;
use domain::tag::Tag;

use crate::Result;

/// The small lists a library is configured with.
#[async_trait]
pub trait SettingsStore: Send + Sync {
    /// Every root folder, by id.
    async fn root_folders(&self) -> Result<Vec<RootFolder>>;
    /// One root folder.
    async fn root_folder(&self, id: i32) -> Result<RootFolder>;
    /// Adds a root folder; a path already there is a conflict.
    async fn add_root_folder(&self, path: &str) -> Result<RootFolder>;
    /// Removes a root folder.
    async fn delete_root_folder(&self, id: i32) -> Result<()>;

    /// Every tag, by id.
    async fn tags(&self) -> Result<Vec<Tag>>;
    /// One tag.
    async fn tag(&self, id: i32) -> Result<Tag>;
    /// Adds a tag, or returns the one that already has this label.
    async fn add_tag(&self, label: &str) -> Result<Tag>;
    /// Renames a tag; another tag's label is a conflict.
    async fn update_tag(&self, tag: &Tag) -> Result<Tag>;
    /// Removes a tag; one that a movie carries is a conflict, as in Radarr.
    async fn delete_tag(&self, id: i32) -> Result<()>;

    /// Every import exclusion, by id.
    async fn exclusions(&self) -> Result<Vec<ImportExclusion>>;
    /// One exclusion.
    async fn exclusion(&self, id: i32) -> Result<ImportExclusion>;
    /// Adds exclusions all or none; a TMDB id already excluded is a conflict.
    async fn add_exclusions(&self, exclusions: &[ImportExclusion]) -> Result<Vec<ImportExclusion>>;
    /// Saves an exclusion.
    async fn update_exclusion(&self, exclusion: &ImportExclusion) -> Result<ImportExclusion>;
    /// Removes exclusions; ids that do not exist are ignored.
    async fn delete_exclusions(&self, ids: &[i32]) -> Result<()>;
}
