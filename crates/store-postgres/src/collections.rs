//! Collections in PostgreSQL.

use async_trait::async_trait;
use domain::collection::Collection;
use sqlx::Postgres;
use sqlx::postgres::PgArguments;
use sqlx::query::QueryAs;
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

type CollectionQuery<'q> = QueryAs<'q, Postgres, CollectionRow, PgArguments>;

/// Binds a collection's details and settings as `$1` to `$13`, in the order
/// both the insert and the update name them.
fn bind_details<'q>(query: CollectionQuery<'q>, c: &'q Collection) -> CollectionQuery<'q> {
    query
        .bind(&c.title)
        .bind(&c.sort_title)
        .bind(&c.clean_title)
        .bind(&c.overview)
        .bind(Json(&c.images))
        .bind(c.monitored)
        .bind(c.quality_profile_id)
        .bind(&c.root_folder_path)
        .bind(c.minimum_availability as i32)
        .bind(c.search_on_add)
        .bind(Json(&c.tags))
        .bind(c.last_info_sync)
        .bind(Json(&c.parts))
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
        let insert = format!(
            "INSERT INTO collections (title, sort_title, clean_title, overview, images, \
             monitored, quality_profile_id, root_folder_path, minimum_availability, search_on_add, \
             tags, last_info_sync, parts, tmdb_id, added) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (tmdb_id) DO NOTHING RETURNING {COLLECTION_COLUMNS}"
        );
        let inserted: Option<CollectionRow> = bind_details(sqlx::query_as(&insert), collection)
            .bind(collection.tmdb_id)
            .bind(collection.added)
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
        let update = format!(
            "UPDATE collections SET title = $1, sort_title = $2, clean_title = $3, overview = $4, \
             images = $5, monitored = $6, quality_profile_id = $7, root_folder_path = $8, \
             minimum_availability = $9, search_on_add = $10, tags = $11, last_info_sync = $12, \
             parts = $13 WHERE id = $14 RETURNING {COLLECTION_COLUMNS}"
        );
        let row: Option<CollectionRow> = bind_details(sqlx::query_as(&update), collection)
            .bind(collection.id)
            .fetch_optional(&self.pool)
            .await?;
        row.ok_or_else(|| not_found(collection.id))?.try_into()
    }
}
