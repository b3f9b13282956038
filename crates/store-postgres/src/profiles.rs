//! Quality profiles and definitions in PostgreSQL.

use async_trait::async_trait;
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::QualityProfile;
use sqlx::postgres::{PgArguments, Postgres};
use sqlx::query::QueryScalar;
use sqlx::types::Json;
use store::error_kind::{Broken, when_broken};
use store::rows::{QualityDefinitionRow, QualityProfileRow, convert_all};
use store::{Conflict, ProfileStore, Result, StoreError};

use crate::PostgresStore;

pub(crate) const SELECT_PROFILE: &str = "SELECT id, name, upgrade_allowed, cutoff, items, min_format_score, \
    cutoff_format_score, min_upgrade_format_score, format_items, language, min_reputation_score \
    FROM quality_profiles";

/// Held (per transaction) while seeding, so instances starting together seed
/// once: the ASCII of "UR seeds".
const SEED_LOCK: i64 = 0x5552_2073_6565_6473;

fn profile_error(err: sqlx::Error, profile: &QualityProfile) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ProfileNameExists {
        name: profile.name.clone(),
    })
}

type ProfileQuery<'q> = QueryScalar<'q, Postgres, i32, PgArguments>;

/// Binds a profile's columns as $1..$10, in the order of the insert and update statements.
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
        .bind(profile.min_reputation_score)
}

/// Saves a profile by id: $1..$10 its columns, $11 its id.
const UPDATE_PROFILE: &str = "UPDATE quality_profiles SET name = $1, upgrade_allowed = $2, \
    cutoff = $3, items = $4, min_format_score = $5, cutoff_format_score = $6, \
    min_upgrade_format_score = $7, format_items = $8, language = $9, min_reputation_score = $10 \
    WHERE id = $11 RETURNING id";

/// Saves a profile on `conn`; whether it existed.
pub(crate) async fn save_profile(
    conn: &mut sqlx::PgConnection,
    profile: &QualityProfile,
) -> Result<bool> {
    let updated: Option<i32> = bind_profile(sqlx::query_scalar(UPDATE_PROFILE), profile)
        .bind(profile.id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(|e| profile_error(e, profile))?;
    Ok(updated.is_some())
}

/// Inserts a profile; with `keep_id` its own id is stored (for the defaults).
/// An identity column takes no NULL, so the two cases are two statements.
async fn insert_profile(
    conn: &mut sqlx::PgConnection,
    profile: &QualityProfile,
    keep_id: bool,
) -> Result<i32> {
    let query = if keep_id {
        let sql = "INSERT INTO quality_profiles (name, upgrade_allowed, cutoff, items, min_format_score, \
             cutoff_format_score, min_upgrade_format_score, format_items, language, \
             min_reputation_score, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
        bind_profile(sqlx::query_scalar(sql), profile).bind(profile.id)
    } else {
        let sql = "INSERT INTO quality_profiles (name, upgrade_allowed, cutoff, items, min_format_score, \
             cutoff_format_score, min_upgrade_format_score, format_items, language, \
             min_reputation_score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
        bind_profile(sqlx::query_scalar(sql), profile)
    };
    query
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| profile_error(e, profile))
}

/// Moves a table's identity past the ids stored by hand, so the next row
/// added gets the next free id instead of clashing with a seeded one.
async fn advance_identity(conn: &mut sqlx::PgConnection, table: &str) -> Result<()> {
    // `table` is one of our constants, never user input.
    sqlx::query(&format!(
        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"
    ))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait]
impl ProfileStore for PostgresStore {
    async fn quality_profiles(&self) -> Result<Vec<QualityProfile>> {
        let rows: Vec<QualityProfileRow> = sqlx::query_as(&format!("{SELECT_PROFILE} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        convert_all(rows)
    }

    async fn quality_profile(&self, id: i32) -> Result<QualityProfile> {
        let row: Option<QualityProfileRow> =
            sqlx::query_as(&format!("{SELECT_PROFILE} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.ok_or(StoreError::NotFound {
            entity: "QualityProfile",
            id,
        })?
        .try_into()
    }

    async fn add_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let mut conn = self.pool.acquire().await?;
        let id = insert_profile(&mut conn, profile, false).await?;
        Ok(QualityProfile {
            id,
            ..profile.clone()
        })
    }

    async fn update_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile> {
        let mut conn = self.pool.acquire().await?;
        if !save_profile(&mut conn, profile).await? {
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
            .execute(&self.pool)
            .await
            .map_err(|e| {
                when_broken(e, Broken::ForeignKey, || Conflict::ProfileInUse {
                    name: profile.name.clone(),
                })
            })?;
        Ok(())
    }

    async fn quality_definitions(&self) -> Result<Vec<QualityDefinition>> {
        let rows: Vec<QualityDefinitionRow> = sqlx::query_as(
            "SELECT id, quality, title, weight, min_size, max_size, preferred_size \
             FROM quality_definitions ORDER BY weight, id",
        )
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn update_quality_definitions(&self, definitions: &[QualityDefinition]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for d in definitions {
            let changed = sqlx::query(
                "UPDATE quality_definitions SET title = $1, min_size = $2, max_size = $3, \
                 preferred_size = $4 WHERE id = $5",
            )
            .bind(&d.title)
            .bind(d.min_size)
            .bind(d.max_size)
            .bind(d.preferred_size)
            .bind(d.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound {
                    entity: "QualityDefinition",
                    id: d.id,
                });
            }
        }
        tx.commit().await?;
        Ok(())
    }

    async fn seed_defaults(
        &self,
        profiles: &[QualityProfile],
        definitions: &[QualityDefinition],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        // Instances starting together wait here; the later ones find the
        // tables filled and leave them be.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(SEED_LOCK)
            .execute(&mut *tx)
            .await?;
        let profile_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quality_profiles")
            .fetch_one(&mut *tx)
            .await?;
        if profile_count == 0 && !profiles.is_empty() {
            for profile in profiles {
                insert_profile(&mut tx, profile, true).await?;
            }
            advance_identity(&mut tx, "quality_profiles").await?;
        }
        let definition_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quality_definitions")
            .fetch_one(&mut *tx)
            .await?;
        if definition_count == 0 && !definitions.is_empty() {
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
            advance_identity(&mut tx, "quality_definitions").await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
