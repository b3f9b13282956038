//! Quality profiles and definitions in SQLite.

use async_trait::async_trait;
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::QualityProfile;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, params};
use store::error_kind::{Broken, when_broken};
use store::rows::convert_all;
use store::{Conflict, ProfileStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{definition_row, profile_row, row_id, select_profile, to_json};

fn profile_error(err: rusqlite::Error, profile: &QualityProfile) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ProfileNameExists {
        name: profile.name.clone(),
    })
}

/// The statement that saves a profile through [`write_profile`].
pub(crate) const UPDATE_PROFILE: &str = "UPDATE quality_profiles SET name = ?1, \
    upgrade_allowed = ?2, cutoff = ?3, items = ?4, min_format_score = ?5, \
    cutoff_format_score = ?6, min_upgrade_format_score = ?7, format_items = ?8, language = ?9, \
    min_reputation_score = ?11 WHERE id = ?10";

/// Runs `sql` with a profile's columns as ?1..?9 and ?11 (added later, so
/// numbered after the id) and `id` as ?10; returns the rows changed.
pub(crate) fn write_profile(
    conn: &Connection,
    sql: &str,
    profile: &QualityProfile,
    id: Option<i32>,
) -> Result<usize> {
    let items = to_json(&profile.items)?;
    let format_items = to_json(&profile.format_items)?;
    let values: [&dyn ToSql; 11] = [
        &profile.name,
        &profile.upgrade_allowed,
        &profile.cutoff,
        &items,
        &profile.min_format_score,
        &profile.cutoff_format_score,
        &profile.min_upgrade_format_score,
        &format_items,
        &profile.language.id,
        &id,
        &profile.min_reputation_score,
    ];
    conn.prepare_cached(sql)?
        .execute(&values[..])
        .map_err(|e| profile_error(e, profile))
}

/// Inserts a profile; with `keep_id` its own id is stored (for the defaults),
/// otherwise a NULL id lets SQLite pick the next.
fn insert_profile(conn: &Connection, profile: &QualityProfile, keep_id: bool) -> Result<i32> {
    let sql = "INSERT INTO quality_profiles (name, upgrade_allowed, cutoff, items, \
         min_format_score, cutoff_format_score, min_upgrade_format_score, format_items, language, id, \
         min_reputation_score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    write_profile(conn, sql, profile, keep_id.then_some(profile.id))?;
    row_id(conn.last_insert_rowid())
}

fn count(conn: &Connection, table: &str) -> Result<i64> {
    Ok(
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
            row.get(0)
        })?,
    )
}

#[async_trait]
impl ProfileStore for SqliteStore {
    async fn quality_profiles(&self) -> Result<Vec<QualityProfile>> {
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(concat!(select_profile!(), " ORDER BY id"))?;
            let rows = stmt
                .query_map([], profile_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            convert_all(rows)
        })
    }

    async fn quality_profile(&self, id: i32) -> Result<QualityProfile> {
        self.db
            .read(|conn| {
                Ok(conn
                    .prepare_cached(concat!(select_profile!(), " WHERE id = ?1"))?
                    .query_row([id], profile_row)
                    .optional()?)
            })?
            .ok_or(StoreError::NotFound {
                entity: "QualityProfile",
                id,
            })?
            .try_into()
    }

    async fn add_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let id = self
            .db
            .write(|conn| insert_profile(conn, profile, false))
            .await?;
        Ok(QualityProfile {
            id,
            ..profile.clone()
        })
    }

    async fn update_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let changed = self
            .db
            .write(|conn| write_profile(conn, UPDATE_PROFILE, profile, Some(profile.id)))
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "QualityProfile",
                id: profile.id,
            });
        }
        Ok(profile.clone())
    }

    async fn delete_quality_profile(&self, id: i32) -> Result<()> {
        let profile = self.quality_profile(id).await?;
        self.db
            .write(|conn| {
                conn.prepare_cached("DELETE FROM quality_profiles WHERE id = ?1")?
                    .execute([id])
                    .map_err(|e| {
                        when_broken(e, Broken::ForeignKey, || Conflict::ProfileInUse {
                            name: profile.name.clone(),
                        })
                    })
            })
            .await?;
        Ok(())
    }

    async fn quality_definitions(&self) -> Result<Vec<QualityDefinition>> {
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, quality, title, weight, min_size, max_size, preferred_size \
                 FROM quality_definitions ORDER BY weight, id",
            )?;
            let rows = stmt
                .query_map([], definition_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            convert_all(rows)
        })
    }

    async fn update_quality_definitions(&self, definitions: &[QualityDefinition]) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    let mut update = tx.prepare_cached(
                        "UPDATE quality_definitions SET title = ?1, min_size = ?2, max_size = ?3, \
                         preferred_size = ?4 WHERE id = ?5",
                    )?;
                    for d in definitions {
                        let changed = update.execute(params![
                            d.title,
                            d.min_size,
                            d.max_size,
                            d.preferred_size,
                            d.id
                        ])?;
                        if changed == 0 {
                            return Err(StoreError::NotFound {
                                entity: "QualityDefinition",
                                id: d.id,
                            });
                        }
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn seed_defaults(
        &self,
        profiles: &[QualityProfile],
        definitions: &[QualityDefinition],
    ) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                if count(&tx, "quality_profiles")? == 0 {
                    for profile in profiles {
                        insert_profile(&tx, profile, true)?;
                    }
                }
                if count(&tx, "quality_definitions")? == 0 {
                    let mut insert = tx.prepare_cached(
                        "INSERT INTO quality_definitions (id, quality, title, weight, min_size, \
                         max_size, preferred_size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?;
                    for d in definitions {
                        insert.execute(params![
                            d.id,
                            d.quality.id,
                            d.title,
                            d.weight,
                            d.min_size,
                            d.max_size,
                            d.preferred_size
                        ])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }
}
