//! The downloads the library follows, and the remote path mappings that
//! translate their clients' paths.

use async_trait::async_trait;
use domain::download::TrackedDownload;
use domain::remote_path::RemotePathMapping;

use crate::Result;

/// Tracked downloads (the queue) and remote path mappings.
#[async_trait]
pub trait DownloadStore: Send + Sync {
    /// Every remote path mapping, by id.
    async fn remote_path_mappings(&self) -> Result<Vec<RemotePathMapping>>;
    /// One remote path mapping.
    async fn remote_path_mapping(&self, id: i32) -> Result<RemotePathMapping>;
    /// Adds a mapping (its id is ignored).
    async fn add_remote_path_mapping(
        &self,
        mapping: &RemotePathMapping,
    ) -> Result<RemotePathMapping>;
    /// Saves a mapping.
    async fn update_remote_path_mapping(
        &self,
        mapping: &RemotePathMapping,
    ) -> Result<RemotePathMapping>;
    /// Removes a mapping; an unknown id is not found.
    async fn delete_remote_path_mapping(&self, id: i32) -> Result<()>;

    /// Every tracked download, by id.
    async fn tracked_downloads(&self) -> Result<Vec<TrackedDownload>>;
    /// One tracked download.
    async fn tracked_download(&self, id: i32) -> Result<TrackedDownload>;
    /// Saves what one client holds, all or none: each download is updated
    /// (found by its client and download id) or added, and the client's
    /// downloads not among them are removed. The client's downloads as
    /// stored, by id.
    async fn save_client_downloads(
        &self,
        client_id: i32,
        downloads: &[TrackedDownload],
    ) -> Result<Vec<TrackedDownload>>;
    /// Saves one tracked download's state; an unknown id is not found.
    async fn update_tracked_download(&self, download: &TrackedDownload) -> Result<TrackedDownload>;
    /// Removes tracked downloads; unknown ids are ignored.
    async fn delete_tracked_downloads(&self, ids: &[i32]) -> Result<()>;
}
