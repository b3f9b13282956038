//! Custom formats in PostgreSQL, and the quality profiles' lists of them.

use async_trait::async_trait;
use domain::custom_format::CustomFormat;
use domain::quality_profile::QualityProfile;
use store::decision_rows::{CustomFormatRow, stored_specifications};
use store::error_kind::{Broken, when_broken};
use store::rows::{Json, QualityProfileRow, convert_all};
use store::{Conflict, FormatStore, Result, StoreError};

use crate::PostgresStore;
use crate::profiles::{SELECT_PROFILE, save_profile};

const COLUMNS: &str = "id, name, include_custom_format_when_renaming, specifications";

fn name_taken(err: sqlx::Error, format: &CustomFormat) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::FormatNameExists {
        name: format.name.clone(),
    })
}

fn not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "CustomFormat",
        id,
    }
}

/// Brings every profile's format list in line with the formats now stored;
/// run inside the transaction that changed them. The profiles are locked
/// before the formats are read, so of two format writes at once the later
/// sees the earlier's format once it may go on.
async fn sync_profiles(conn: &mut sqlx::PgConnection) -> Result<()> {
    let rows: Vec<QualityProfileRow> =
        sqlx::query_as(&format!("{SELECT_PROFILE} ORDER BY id FOR UPDATE"))
            .fetch_all(&mut *conn)
            .await?;
    let profiles: Vec<QualityProfile> = convert_all(rows)?;
    let formats: Vec<(i32, String)> =
        sqlx::query_as("SELECT id, name FROM custom_formats ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    for mut profile in profiles {
        if profile.sync_format_items(&formats) {
            save_profile(conn, &profile).await?;
        }
    }
    Ok(())
}

#[async_trait]
impl FormatStore for PostgresStore {
    async fn custom_formats(&self) -> Result<Vec<CustomFormat>> {
        let rows: Vec<CustomFormatRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM custom_formats ORDER BY id"))
                .fetch_all(&self.pool)
                .await?;
        convert_all(rows)
    }

    async fn custom_format(&self, id: i32) -> Result<CustomFormat> {
        let row: Option<CustomFormatRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM custom_formats WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found(id))?.try_into()
    }

    async fn add_custom_format(&self, format: &CustomFormat) -> Result<CustomFormat> {
        let mut tx = self.pool.begin().await?;
        let row: CustomFormatRow = sqlx::query_as(&format!(
            "INSERT INTO custom_formats (name, include_custom_format_when_renaming, \
             specifications) VALUES ($1, $2, $3) RETURNING {COLUMNS}"
        ))
        .bind(&format.name)
        .bind(format.include_custom_format_when_renaming)
        .bind(Json(stored_specifications(format)))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| name_taken(e, format))?;
        sync_profiles(&mut tx).await?;
        tx.commit().await?;
        row.try_into()
    }

    async fn update_custom_formats(&self, formats: &[CustomFormat]) -> Result<Vec<CustomFormat>> {
        let mut tx = self.pool.begin().await?;
        let mut rows = Vec::with_capacity(formats.len());
        for format in formats {
            let row: Option<CustomFormatRow> = sqlx::query_as(&format!(
                "UPDATE custom_formats SET name = $1, include_custom_format_when_renaming = $2, \
                 specifications = $3 WHERE id = $4 RETURNING {COLUMNS}"
            ))
            .bind(&format.name)
            .bind(format.include_custom_format_when_renaming)
            .bind(Json(stored_specifications(format)))
            .bind(format.id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| name_taken(e, format))?;
            rows.push(row.ok_or_else(|| not_found(format.id))?);
        }
        sync_profiles(&mut tx).await?;
        tx.commit().await?;
        convert_all(rows)
    }

    async fn delete_custom_formats(&self, ids: &[i32]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM custom_formats WHERE id = ANY($1)")
            .bind(ids)
            .execute(&mut *tx)
            .await?;
        sync_profiles(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
