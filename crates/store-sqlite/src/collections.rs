//! Collections in SQLite.

use async_trait::async_trait;
use domain::collection::Collection;
use rusqlite::{Connection, OptionalExtension, params};
use store::{CollectionStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{COLLECTION_COLUMNS, collection_row, to_json};

fn read_one(
    conn: &Connection,
    sql: &str,
    param: impl rusqlite::Params,
) -> Result<Option<Collection>> {
    let row = conn
        .prepare_cached(sql)?
        .query_row(param, collection_row)
        .optional()?;
    row.map(Collection::try_from).transpose()
}

fn not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "Collection",
        id,
    }
}

#[async_trait]
impl CollectionStore for SqliteStore {
    async fn collections(&self) -> Result<Vec<Collection>> {
        let sql = format!("SELECT {COLLECTION_COLUMNS} FROM collections ORDER BY sort_title, id");
        let rows = self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([], collection_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        rows.into_iter().map(Collection::try_from).collect()
    }

    async fn collection(&self, id: i32) -> Result<Collection> {
        let sql = format!("SELECT {COLLECTION_COLUMNS} FROM collections WHERE id = ?1");
        self.db
            .read(|conn| read_one(conn, &sql, [id]))?
            .ok_or_else(|| not_found(id))
    }

    async fn add_collection(&self, collection: &Collection) -> Result<(Collection, bool)> {
        let (images, tags, parts) = (
            to_json(&collection.images)?,
            to_json(&collection.tags)?,
            to_json(&collection.parts)?,
        );
        let select = format!("SELECT {COLLECTION_COLUMNS} FROM collections WHERE tmdb_id = ?1");
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let inserted = tx
                    .prepare_cached(
                        "INSERT INTO collections (tmdb_id, title, sort_title, clean_title, overview, \
                         images, monitored, quality_profile_id, root_folder_path, \
                         minimum_availability, search_on_add, tags, added, last_info_sync, parts) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
                         ON CONFLICT (tmdb_id) DO NOTHING",
                    )?
                    .execute(params![
                        collection.tmdb_id,
                        collection.title,
                        collection.sort_title,
                        collection.clean_title,
                        collection.overview,
                        images,
                        collection.monitored,
                        collection.quality_profile_id,
                        collection.root_folder_path,
                        collection.minimum_availability as i32,
                        collection.search_on_add,
                        tags,
                        collection.added,
                        collection.last_info_sync,
                        parts,
                    ])?;
                let stored = read_one(&tx, &select, [collection.tmdb_id])?
                    .ok_or(StoreError::Unavailable("the added collection vanished"))?;
                tx.commit()?;
                Ok((stored, inserted > 0))
            })
            .await
    }

    async fn update_collection(&self, collection: &Collection) -> Result<Collection> {
        let (images, tags, parts) = (
            to_json(&collection.images)?,
            to_json(&collection.tags)?,
            to_json(&collection.parts)?,
        );
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE collections SET title = ?1, sort_title = ?2, clean_title = ?3, \
                         overview = ?4, images = ?5, monitored = ?6, quality_profile_id = ?7, \
                         root_folder_path = ?8, minimum_availability = ?9, search_on_add = ?10, \
                         tags = ?11, last_info_sync = ?12, parts = ?13 WHERE id = ?14",
                    )?
                    .execute(params![
                        collection.title,
                        collection.sort_title,
                        collection.clean_title,
                        collection.overview,
                        images,
                        collection.monitored,
                        collection.quality_profile_id,
                        collection.root_folder_path,
                        collection.minimum_availability as i32,
                        collection.search_on_add,
                        tags,
                        collection.last_info_sync,
                        parts,
                        collection.id,
                    ])?)
            })
            .await?;
        if changed == 0 {
            return Err(not_found(collection.id));
        }
        self.collection(collection.id).await
    }
}
