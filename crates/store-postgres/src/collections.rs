//! Collections in PostgreSQL.

use async_trait::async_trait;
use domain::collection::Collection;
use store::rows::{CollectionRow, Json};
use store::{CollectionStore, Result, StoreError};

use crate::PostgresStore;

/// The columns of [`CollectionRow`].
const COLLECTION_COLUMNS: &str = "id, tmdb_id, title, sort_title, clean_title, overview, images, \
     monitored, quality_profile_id, root_folder_path, minimum_availability, search_on_add, tags, \
     added, last_info_sync, parts";

fn not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "Collection",
        id,
    }
}

#[async_trait]
impl CollectionStore for PostgresStore {
    async fn collections(&self) -> Result<Vec<Collection>> {
        let rows: Vec<CollectionRow> = sqlx::query_as(&format!(
            "SELECT {COLLECTION_COLUMNS} FROM collections ORDER BY sort_title, id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Collection::try_from).collect()
    }

    async fn collection(&self, id: i32) -> Result<Collection> {
        let row: Option<CollectionRow> = sqlx::query_as(&format!(
            "SELECT {COLLECTION_COLUMNS} FROM collections WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found(id))?.try_into()
    }

    async fn add_collection(&self, collection: &Collection) -> Result<(Collection, bool)> {
        let inserted: Option<CollectionRow> = sqlx::query_as(&format!(
            "INSERT INTO collections (tmdb_id, title, sort_title, clean_title, overview, images, \
             monitored, quality_profile_id, root_folder_path, minimum_availability, search_on_add, \
             tags, added, last_info_sync, parts) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (tmdb_id) DO NOTHING RETURNING {COLLECTION_COLUMNS}"
        ))
        .bind(collection.tmdb_id)
        .bind(&collection.title)
        .bind(&collection.sort_title)
        .bind(&collection.clean_title)
        .bind(&collection.overview)
        .bind(Json(&collection.images))
        .bind(collection.monitored)
        .bind(collection.quality_profile_id)
        .bind(&collection.root_folder_path)
        .bind(collection.minimum_availability as i32)
        .bind(collection.search_on_add)
        .bind(Json(&collection.tags))
        .bind(collection.added)
        .bind(collection.last_info_sync)
        .bind(Json(&collection.parts))
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = inserted {
            return Ok((row.try_into()?, true));
        }
        // Collections are never deleted, so the one in the way is still there.
        let row: CollectionRow = sqlx::query_as(&format!(
            "SELECT {COLLECTION_COLUMNS} FROM collections WHERE tmdb_id = $1"
        ))
        .bind(collection.tmdb_id)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_into()?, false))
    }

    async fn update_collection(&self, collection: &Collection) -> Result<Collection> {
        let row: Option<CollectionRow> = sqlx::query_as(&format!(
            "UPDATE collections SET title = $1, sort_title = $2, clean_title = $3, overview = $4, \
             images = $5, monitored = $6, quality_profile_id = $7, root_folder_path = $8, \
             minimum_availability = $9, search_on_add = $10, tags = $11, last_info_sync = $12, \
             parts = $13 WHERE id = $14 RETURNING {COLLECTION_COLUMNS}"
        ))
        .bind(&collection.title)
        .bind(&collection.sort_title)
        .bind(&collection.clean_title)
        .bind(&collection.overview)
        .bind(Json(&collection.images))
        .bind(collection.monitored)
        .bind(collection.quality_profile_id)
        .bind(&collection.root_folder_path)
        .bind(collection.minimum_availability as i32)
        .bind(collection.search_on_add)
        .bind(Json(&collection.tags))
        .bind(collection.last_info_sync)
        .bind(Json(&collection.parts))
        .bind(collection.id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found(collection.id))?.try_into()
    }
}
