//! Custom formats, which every quality profile lists with a score.

use async_trait::async_trait;
use domain::custom_format::CustomFormat;

use crate::{Result, StoreError};

/// The custom formats a library scores releases with. Each write also brings
/// every quality profile's `format_items` in line, in the same transaction:
/// a new format is listed first at score 0, a renamed one under its new
/// name, a deleted one no more (see `QualityProfile::sync_format_items`).
#[async_trait]
pub trait FormatStore: Send + Sync {
    /// Every custom format, by id.
    async fn custom_formats(&self) -> Result<Vec<CustomFormat>>;
    /// One custom format.
    async fn custom_format(&self, id: i32) -> Result<CustomFormat>;
    /// Adds a format (its id is ignored); a name already used is a conflict.
    async fn add_custom_format(&self, format: &CustomFormat) -> Result<CustomFormat>;
    /// Saves formats all or none; an unknown id is not found, a name another
    /// format has is a conflict.
    async fn update_custom_formats(&self, formats: &[CustomFormat]) -> Result<Vec<CustomFormat>>;
    /// Removes formats; ids that do not exist are ignored.
    async fn delete_custom_formats(&self, ids: &[i32]) -> Result<()>;

    /// Saves one format.
    async fn update_custom_format(&self, format: &CustomFormat) -> Result<CustomFormat> {
        self.update_custom_formats(std::slice::from_ref(format))
            .await?
            .pop()
            .ok_or(StoreError::NotFound {
                entity: "CustomFormat",
                id: format.id,
            })
    }

    /// Removes one format; an unknown id is not found.
    async fn delete_custom_format(&self, id: i32) -> Result<()> {
        self.custom_format(id).await?;
        self.delete_custom_formats(&[id]).await
    }
}
