//! Root folders, tags and import exclusions in SQLite.

use async_trait::async_trait;
use domain::exclusion::ImportExclusion;
use domain::root_folder::RootFolder;
use domain::tag::Tag;
use rusqlite::{Connection, OptionalExtension, Row, params};
use store::error_kind::{Broken, when_broken};
use store::{Conflict, Result, SettingsStore, StoreError};

use crate::SqliteStore;
use crate::rows::{exclusion_row, root_folder_row, row_id, tag_row, to_json};

/// Inserts exclusions on an open transaction. With `keep_existing`, a TMDB id
/// already excluded is left as it is; otherwise it is a conflict.
pub(crate) fn insert_exclusions(
    conn: &Connection,
    exclusions: &[ImportExclusion],
    keep_existing: bool,
) -> Result<Vec<ImportExclusion>> {
    let sql = if keep_existing {
        "INSERT INTO import_exclusions (tmdb_id, movie_title, movie_year) VALUES (?1, ?2, ?3) \
         ON CONFLICT (tmdb_id) DO NOTHING"
    } else {
        "INSERT INTO import_exclusions (tmdb_id, movie_title, movie_year) VALUES (?1, ?2, ?3)"
    };
    let mut insert = conn.prepare_cached(sql)?;
    let mut added = Vec::with_capacity(exclusions.len());
    for exclusion in exclusions {
        let inserted = insert
            .execute(params![
                exclusion.tmdb_id,
                exclusion.movie_title,
                exclusion.movie_year
            ])
            .map_err(|e| exclusion_error(e, exclusion))?;
        if inserted > 0 {
            added.push(ImportExclusion {
                id: row_id(conn.last_insert_rowid())?,
                ..exclusion.clone()
            });
        }
    }
    Ok(added)
}

fn exclusion_error(err: rusqlite::Error, exclusion: &ImportExclusion) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ExclusionExists {
        tmdb_id: exclusion.tmdb_id,
    })
}

/// Every row `sql` selects, read by `read`.
fn all<T>(conn: &Connection, sql: &str, read: fn(&Row) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The row with this id, if any.
fn by_id<T>(
    conn: &Connection,
    sql: &str,
    id: i32,
    read: fn(&Row) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    Ok(conn.prepare_cached(sql)?.query_row([id], read).optional()?)
}

#[async_trait]
impl SettingsStore for SqliteStore {
    async fn root_folders(&self) -> Result<Vec<RootFolder>> {
        let rows = self.db.read(|conn| {
            all(
                conn,
                "SELECT id, path FROM root_folders ORDER BY id",
                root_folder_row,
            )
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn root_folder(&self, id: i32) -> Result<RootFolder> {
        let row = self.db.read(|conn| {
            by_id(
                conn,
                "SELECT id, path FROM root_folders WHERE id = ?1",
                id,
                root_folder_row,
            )
        })?;
        Ok(row
            .ok_or(StoreError::NotFound {
                entity: "RootFolder",
                id,
            })?
            .into())
    }

    async fn add_root_folder(&self, path: &str) -> Result<RootFolder> {
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached("INSERT INTO root_folders (path) VALUES (?1)")?
                    .execute([path])
                    .map_err(|e| {
                        when_broken(e, Broken::Unique, || Conflict::RootFolderExists {
                            path: path.to_string(),
                        })
                    })?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        Ok(RootFolder {
            id,
            path: path.to_string(),
        })
    }

    async fn delete_root_folder(&self, id: i32) -> Result<()> {
        let deleted = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached("DELETE FROM root_folders WHERE id = ?1")?
                    .execute([id])?)
            })
            .await?;
        if deleted == 0 {
            return Err(StoreError::NotFound {
                entity: "RootFolder",
                id,
            });
        }
        Ok(())
    }

    async fn tags(&self) -> Result<Vec<Tag>> {
        let rows = self
            .db
            .read(|conn| all(conn, "SELECT id, label FROM tags ORDER BY id", tag_row))?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn tag(&self, id: i32) -> Result<Tag> {
        let row = self.db.read(|conn| {
            by_id(
                conn,
                "SELECT id, label FROM tags WHERE id = ?1",
                id,
                tag_row,
            )
        })?;
        Ok(row
            .ok_or(StoreError::NotFound { entity: "Tag", id })?
            .into())
    }

    async fn add_tag(&self, label: &str) -> Result<Tag> {
        // The no-op update makes RETURNING give the existing row on a clash.
        let row = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "INSERT INTO tags (label) VALUES (?1) \
                         ON CONFLICT (label) DO UPDATE SET label = excluded.label \
                         RETURNING id, label",
                    )?
                    .query_row([label], tag_row)?)
            })
            .await?;
        Ok(row.into())
    }

    async fn update_tag(&self, tag: &Tag) -> Result<Tag> {
        let changed = self
            .db
            .write(|conn| {
                conn.prepare_cached("UPDATE tags SET label = ?1 WHERE id = ?2")?
                    .execute(params![tag.label, tag.id])
                    .map_err(|e| {
                        when_broken(e, Broken::Unique, || Conflict::TagExists {
                            label: tag.label.clone(),
                        })
                    })
            })
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "Tag",
                id: tag.id,
            });
        }
        Ok(tag.clone())
    }

    async fn delete_tag(&self, id: i32) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let label: String = tx
                    .query_row("SELECT label FROM tags WHERE id = ?1", [id], |row| {
                        row.get(0)
                    })
                    .optional()?
                    .ok_or(StoreError::NotFound { entity: "Tag", id })?;
                let in_use: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM movies, json_each(movies.tags) \
                     WHERE json_each.value = ?1) \
                     OR EXISTS (SELECT 1 FROM delay_profiles, json_each(delay_profiles.tags) \
                     WHERE json_each.value = ?1) \
                     OR EXISTS (SELECT 1 FROM release_profiles, json_each(release_profiles.tags) \
                     WHERE json_each.value = ?1)",
                    [id],
                    |row| row.get(0),
                )?;
                if in_use {
                    return Err(StoreError::Conflict(Conflict::TagInUse { label }));
                }
                tx.execute("DELETE FROM tags WHERE id = ?1", [id])?;
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn exclusions(&self) -> Result<Vec<ImportExclusion>> {
        let rows = self.db.read(|conn| {
            all(
                conn,
                "SELECT id, tmdb_id, movie_title, movie_year FROM import_exclusions ORDER BY id",
                exclusion_row,
            )
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn exclusion(&self, id: i32) -> Result<ImportExclusion> {
        let row = self.db.read(|conn| {
            by_id(
                conn,
                "SELECT id, tmdb_id, movie_title, movie_year FROM import_exclusions WHERE id = ?1",
                id,
                exclusion_row,
            )
        })?;
        Ok(row
            .ok_or(StoreError::NotFound {
                entity: "ImportExclusion",
                id,
            })?
            .into())
    }

    async fn add_exclusions(&self, exclusions: &[ImportExclusion]) -> Result<Vec<ImportExclusion>> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let added = insert_exclusions(&tx, exclusions, false)?;
                tx.commit()?;
                Ok(added)
            })
            .await
    }

    async fn update_exclusion(&self, exclusion: &ImportExclusion) -> Result<ImportExclusion> {
        let changed = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "UPDATE import_exclusions SET tmdb_id = ?1, movie_title = ?2, movie_year = ?3 \
                     WHERE id = ?4",
                )?
                .execute(params![
                    exclusion.tmdb_id,
                    exclusion.movie_title,
                    exclusion.movie_year,
                    exclusion.id
                ])
                .map_err(|e| exclusion_error(e, exclusion))
            })
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "ImportExclusion",
                id: exclusion.id,
            });
        }
        Ok(exclusion.clone())
    }

    async fn delete_exclusions(&self, ids: &[i32]) -> Result<()> {
        let ids = to_json(ids)?;
        self.db
            .write(|conn| {
                conn.prepare_cached(
                    "DELETE FROM import_exclusions WHERE id IN (SELECT value FROM json_each(?1))",
                )?
                .execute([ids])?;
                Ok(())
            })
            .await
    }
}
