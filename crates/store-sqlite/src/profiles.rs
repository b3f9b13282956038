//! Quality profiles and definitions in SQLite.

use async_trait::async_trait;
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::QualityProfile;
use sqlx::query::QueryScalar;
use sqlx::sqlite::{Sqlite, SqliteArguments};
use sqlx::types::Json;
use store::error_kind::{is_foreign_key_violation, is_unique_violation};
use store::rows::{QualityDefinitionRow, QualityProfileRow, convert_all};
use store::{Conflict, ProfileStore, Result, StoreError};

use crate::SqliteStore;

const SELECT_PROFILE: &str = "SELECT id, name, upgrade_allowed, cutoff, items, min_format_score, \
    cutoff_format_score, min_upgrade_format_score, format_items, language FROM quality_profiles";

fn profile_error(err: sqlx::Error, profile: &QualityProfile) -> StoreError {
    if is_unique_violation(&err) {
        StoreError::Conflict(Conflict::ProfileNameExists {
            name: profile.name.clone(),
        })
    } else {
        err.into()
    }
}

type ProfileQuery<'q> = QueryScalar<'q, Sqlite, i32, SqliteArguments<'q>>;

/// Binds a profile's columns as $1..$9, in the order of the insert and update statements.
fn bind_profile<'q>(query: ProfileQuery<'q>, profile: &'q QualityProfile) -> ProfileQuery<'q> {
    query
        .bind(&profile.name)
        .bind(profile.upgrade_allowed)
        .bind(profile.cutoff)
        .bind(Json(&profile.items))
        .bind(profile.min_format_score)
        .bind(profile.cutoff_format_score)
        .bind(profile.min_upgrade_format_score)
        .bind(Json(&profile.format_items))
        .bind(profile.language.id)
}

/// Inserts a profile; with `keep_id` its own id is stored (for the defaults),
/// otherwise a NULL id lets SQLite pick the next.
async fn insert_profile(
    conn: &mut sqlx::SqliteConnection,
    profile: &QualityProfile,
    keep_id: bool,
) -> Result<i32> {
    let sql = "INSERT INTO quality_profiles (name, upgrade_allowed, cutoff, items, min_format_score, \
         cutoff_format_score, min_upgrade_format_score, format_items, language, id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    bind_profile(sqlx::query_scalar(sql), profile)
        .bind(keep_id.then_some(profile.id))
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| profile_error(e, profile))
}

#[async_trait]
impl ProfileStore for SqliteStore {
    async fn quality_profiles(&self) -> Result<Vec<QualityProfile>> {
        let rows: Vec<QualityProfileRow> = sqlx::query_as(&format!("{SELECT_PROFILE} ORDER BY id"))
            .fetch_all(&self.reader)
            .await?;
        convert_all(rows)
    }

    async fn quality_profile(&self, id: i32) -> Result<QualityProfile> {
        let row: Option<QualityProfileRow> =
            sqlx::query_as(&format!("{SELECT_PROFILE} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.reader)
                .await?;
        row.ok_or(StoreError::NotFound {
            entity: "QualityProfile",
            id,
        })?
        .try_into()
    }

    async fn add_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let mut conn = self.writer.acquire().await?;
        let id = insert_profile(&mut conn, profile, false).await?;
        Ok(QualityProfile {
            id,
            ..profile.clone()
        })
    }

    async fn update_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let sql = "UPDATE quality_profiles SET name = $1, upgrade_allowed = $2, cutoff = $3, items = $4, \
             min_format_score = $5, cutoff_format_score = $6, min_upgrade_format_score = $7, \
             format_items = $8, language = $9 WHERE id = $10 RETURNING id";
        let updated: Option<i32> = bind_profile(sqlx::query_scalar(sql), profile)
            .bind(profile.id)
            .fetch_optional(&self.writer)
            .await
            .map_err(|e| profile_error(e, profile))?;
        if updated.is_none() {
            return Err(StoreError::NotFound {
                entity: "QualityProfile",
                id: profile.id,
            });
        }
        Ok(profile.clone())
    }

    async fn delete_quality_profile(&self, id: i32) -> Result<()> {
        let profile = self.quality_profile(id).await?;
        sqlx::query("DELETE FROM quality_profiles WHERE id = $1")
            .bind(id)
            .execute(&self.writer)
            .await
            .map_err(|e| {
                if is_foreign_key_violation(&e) {
                    StoreError::Conflict(Conflict::ProfileInUse {
                        name: profile.name.clone(),
                    })
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    async fn quality_definitions(&self) -> Result<Vec<QualityDefinition>> {
        let rows: Vec<QualityDefinitionRow> = sqlx::query_as(
            "SELECT id, quality, title, weight, min_size, max_size, preferred_size \
             FROM quality_definitions ORDER BY weight, id",
        )
        .fetch_all(&self.reader)
        .await?;
        convert_all(rows)
    }

    async fn seed_defaults(
        &self,
        profiles: &[QualityProfile],
        definitions: &[QualityDefinition],
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let profile_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quality_profiles")
            .fetch_one(&mut *tx)
            .await?;
        if profile_count == 0 {
            for profile in profiles {
                insert_profile(&mut tx, profile, true).await?;
            }
        }
        let definition_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quality_definitions")
            .fetch_one(&mut *tx)
            .await?;
        if definition_count == 0 {
            for d in definitions {
                sqlx::query(
                    "INSERT INTO quality_definitions (id, quality, title, weight, min_size, max_size, preferred_size) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(d.id)
                .bind(d.quality.id)
                .bind(&d.title)
                .bind(d.weight)
                .bind(d.min_size)
                .bind(d.max_size)
                .bind(d.preferred_size)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
