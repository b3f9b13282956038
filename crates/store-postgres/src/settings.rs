//! Root folders, tags and import exclusions in PostgreSQL.

use async_trait::async_trait;
use domain::exclusion::ImportExclusion;
use domain::root_folder::RootFolder;
use domain::tag::Tag;
use store::error_kind::{Broken, when_broken};
use store::rows::{ExclusionRow, RootFolderRow, TagRow};
use store::{Conflict, Result, SettingsStore, StoreError};

use crate::PostgresStore;

/// Inserts exclusions on an open transaction. With `keep_existing`, a TMDB id
/// already excluded is left as it is; otherwise it is a conflict.
pub(crate) async fn insert_exclusions(
    conn: &mut sqlx::PgConnection,
    exclusions: &[ImportExclusion],
    keep_existing: bool,
) -> Result<Vec<ImportExclusion>> {
    let sql = if keep_existing {
        "INSERT INTO import_exclusions (tmdb_id, movie_title, movie_year) VALUES ($1, $2, $3) \
         ON CONFLICT (tmdb_id) DO NOTHING RETURNING id"
    } else {
        "INSERT INTO import_exclusions (tmdb_id, movie_title, movie_year) VALUES ($1, $2, $3) RETURNING id"
    };
    let mut added = Vec::with_capacity(exclusions.len());
    for exclusion in exclusions {
        let id: Option<i32> = sqlx::query_scalar(sql)
            .bind(exclusion.tmdb_id)
            .bind(&exclusion.movie_title)
            .bind(exclusion.movie_year)
            .fetch_optional(&mut *conn)
            .await
            .map_err(|e| exclusion_error(e, exclusion))?;
        if let Some(id) = id {
            added.push(ImportExclusion {
                id,
                ..exclusion.clone()
            });
        }
    }
    Ok(added)
}

fn exclusion_error(err: sqlx::Error, exclusion: &ImportExclusion) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ExclusionExists {
        tmdb_id: exclusion.tmdb_id,
    })
}

#[async_trait]
impl SettingsStore for PostgresStore {
    async fn root_folders(&self) -> Result<Vec<RootFolder>> {
        let rows: Vec<RootFolderRow> =
            sqlx::query_as("SELECT id, path FROM root_folders ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn root_folder(&self, id: i32) -> Result<RootFolder> {
        let row: Option<RootFolderRow> =
            sqlx::query_as("SELECT id, path FROM root_folders WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row
            .ok_or(StoreError::NotFound {
                entity: "RootFolder",
                id,
            })?
            .into())
    }

    async fn add_root_folder(&self, path: &str) -> Result<RootFolder> {
        let id: i32 =
            sqlx::query_scalar("INSERT INTO root_folders (path) VALUES ($1) RETURNING id")
                .bind(path)
                .fetch_one(&self.pool)
                .await
                .map_err(|e| {
                    when_broken(e, Broken::Unique, || Conflict::RootFolderExists {
                        path: path.to_string(),
                    })
                })?;
        Ok(RootFolder {
            id,
            path: path.to_string(),
        })
    }

    async fn delete_root_folder(&self, id: i32) -> Result<()> {
        let done = sqlx::query("DELETE FROM root_folders WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                entity: "RootFolder",
                id,
            });
        }
        Ok(())
    }

    async fn tags(&self) -> Result<Vec<Tag>> {
        let rows: Vec<TagRow> = sqlx::query_as("SELECT id, label FROM tags ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn tag(&self, id: i32) -> Result<Tag> {
        let row: Option<TagRow> = sqlx::query_as("SELECT id, label FROM tags WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .ok_or(StoreError::NotFound { entity: "Tag", id })?
            .into())
    }

    async fn add_tag(&self, label: &str) -> Result<Tag> {
        // The no-op update makes RETURNING give the existing row on a clash;
        // DO NOTHING would return no row at all.
        let row: TagRow = sqlx::query_as(
            "INSERT INTO tags (label) VALUES ($1) ON CONFLICT (label) DO UPDATE SET label = EXCLUDED.label \
             RETURNING id, label",
        )
        .bind(label)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.into())
    }

    async fn update_tag(&self, tag: &Tag) -> Result<Tag> {
        let done = sqlx::query("UPDATE tags SET label = $1 WHERE id = $2")
            .bind(&tag.label)
            .bind(tag.id)
            .execute(&self.pool)
            .await
            .map_err(|e| {
                when_broken(e, Broken::Unique, || Conflict::TagExists {
                    label: tag.label.clone(),
                })
            })?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                entity: "Tag",
                id: tag.id,
            });
        }
        Ok(tag.clone())
    }

    async fn delete_tag(&self, id: i32) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let label: Option<String> =
            sqlx::query_scalar("SELECT label FROM tags WHERE id = $1 FOR UPDATE")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let label = label.ok_or(StoreError::NotFound { entity: "Tag", id })?;
        // Every movie write locks the revision row first (see the migration):
        // holding it, no movie can take the tag between this check and commit.
        sqlx::query("SELECT 1 FROM library_revision WHERE id = 1 FOR UPDATE")
            .execute(&mut *tx)
            .await?;
        let in_use: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM movies WHERE tags @> jsonb_build_array($1::int)) \
             OR EXISTS (SELECT 1 FROM delay_profiles WHERE tags @> jsonb_build_array($1::int)) \
             OR EXISTS (SELECT 1 FROM release_profiles WHERE tags @> jsonb_build_array($1::int))",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if in_use {
            return Err(StoreError::Conflict(Conflict::TagInUse { label }));
        }
        sqlx::query("DELETE FROM tags WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn exclusions(&self) -> Result<Vec<ImportExclusion>> {
        let rows: Vec<ExclusionRow> = sqlx::query_as(
            "SELECT id, tmdb_id, movie_title, movie_year FROM import_exclusions ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn exclusion(&self, id: i32) -> Result<ImportExclusion> {
        let row: Option<ExclusionRow> = sqlx::query_as(
            "SELECT id, tmdb_id, movie_title, movie_year FROM import_exclusions WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .ok_or(StoreError::NotFound {
                entity: "ImportExclusion",
                id,
            })?
            .into())
    }

    async fn add_exclusions(&self, exclusions: &[ImportExclusion]) -> Result<Vec<ImportExclusion>> {
        let mut tx = self.pool.begin().await?;
        let added = insert_exclusions(&mut tx, exclusions, false).await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn update_exclusion(&self, exclusion: &ImportExclusion) -> Result<ImportExclusion> {
        let done = sqlx::query(
            "UPDATE import_exclusions SET tmdb_id = $1, movie_title = $2, movie_year = $3 WHERE id = $4",
        )
        .bind(exclusion.tmdb_id)
        .bind(&exclusion.movie_title)
        .bind(exclusion.movie_year)
        .bind(exclusion.id)
        .execute(&self.pool)
        .await
        .map_err(|e| exclusion_error(e, exclusion))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                entity: "ImportExclusion",
                id: exclusion.id,
            });
        }
        Ok(exclusion.clone())
    }

    async fn delete_exclusions(&self, ids: &[i32]) -> Result<()> {
        sqlx::query("DELETE FROM import_exclusions WHERE id = ANY($1)")
            .bind(ids)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
