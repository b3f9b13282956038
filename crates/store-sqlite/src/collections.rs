//! Collections in SQLite.

use async_trait::async_trait;
use domain::collection::Collection;
use rusqlite::{Connection, OptionalExtension, ToSql};
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

/// The columns a collection's details and settings are written to, in the
/// order of [`Details::params`].
const DETAILS: &str = "title, sort_title, clean_title, overview, images, monitored, \
     quality_profile_id, root_folder_path, minimum_availability, search_on_add, tags, \
     last_info_sync, parts";

/// A collection's columns that are not its fields as they are: JSON, and
/// the availability's number.
struct Details {
    availability: i32,
    images: String,
    tags: String,
    parts: String,
}

impl Details {
    fn of(collection: &Collection) -> Result<Self> {
        Ok(Details {
            availability: collection.minimum_availability as i32,
            images: to_json(&collection.images)?,
            tags: to_json(&collection.tags)?,
            parts: to_json(&collection.parts)?,
        })
    }

    /// The values of [`DETAILS`], in order.
    fn params<'a>(&'a self, c: &'a Collection) -> Vec<&'a dyn ToSql> {
        vec![
            &c.title,
            &c.sort_title,
            &c.clean_title,
            &c.overview,
            &self.images,
            &c.monitored,
            &c.quality_profile_id,
            &c.root_folder_path,
            &self.availability,
            &c.search_on_add,
            &self.tags,
            &c.last_info_sync,
            &self.parts,
        ]
    }
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
        let json = Details::of(collection)?;
        let select = format!("SELECT {COLLECTION_COLUMNS} FROM collections WHERE tmdb_id = ?1");
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let mut values = json.params(collection);
                values.extend([&collection.tmdb_id as &dyn ToSql, &collection.added]);
                let inserted = tx
                    .prepare_cached(&format!(
                        "INSERT INTO collections ({DETAILS}, tmdb_id, added) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
                         ON CONFLICT (tmdb_id) DO NOTHING"
                    ))?
                    .execute(values.as_slice())?;
                let stored = read_one(&tx, &select, [collection.tmdb_id])?
                    .ok_or(StoreError::Unavailable("the added collection vanished"))?;
                tx.commit()?;
                Ok((stored, inserted > 0))
            })
            .await
    }

    async fn update_collection(&self, collection: &Collection) -> Result<Collection> {
        let json = Details::of(collection)?;
        let changed = self
            .db
            .write(|conn| {
                let mut values = json.params(collection);
                values.push(&collection.id);
                Ok(conn
                    .prepare_cached(
                        "UPDATE collections SET title = ?1, sort_title = ?2, clean_title = ?3, \
                         overview = ?4, images = ?5, monitored = ?6, quality_profile_id = ?7, \
                         root_folder_path = ?8, minimum_availability = ?9, search_on_add = ?10, \
                         tags = ?11, last_info_sync = ?12, parts = ?13 WHERE id = ?14",
                    )?
                    .execute(values.as_slice())?)
            })
            .await?;
        if changed == 0 {
            return Err(not_found(collection.id));
        }
        self.collection(collection.id).await
    }
}
