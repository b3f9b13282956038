//! Custom formats in SQLite, and the quality profiles' lists of them.

use async_trait::async_trait;
use domain::custom_format::CustomFormat;
use domain::quality_profile::QualityProfile;
use rusqlite::{Connection, OptionalExtension, Row, params};
use store::decision_rows::{CustomFormatRow, stored_specifications};
use store::error_kind::{Broken, when_broken};
use store::rows::convert_all;
use store::{Conflict, FormatStore, Result, StoreError};

use crate::SqliteStore;
use crate::profiles::{UPDATE_PROFILE, write_profile};
use crate::rows::{json, profile_row, row_id, select_profile, to_json};

const SELECT_FORMAT: &str =
    "SELECT id, name, include_custom_format_when_renaming, specifications FROM custom_formats";

fn format_row(row: &Row) -> rusqlite::Result<CustomFormatRow> {
    Ok(CustomFormatRow {
        id: row.get(0)?,
        name: row.get(1)?,
        include_custom_format_when_renaming: row.get(2)?,
        specifications: json(row, 3)?,
    })
}

fn name_taken(err: rusqlite::Error, format: &CustomFormat) -> StoreError {
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
/// run inside the transaction that changed them.
fn sync_profiles(conn: &Connection) -> Result<()> {
    let formats = conn
        .prepare_cached("SELECT id, name FROM custom_formats ORDER BY id")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i32, String)>>>()?;
    let rows = conn
        .prepare_cached(select_profile!())?
        .query_map([], profile_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let profiles: Vec<QualityProfile> = convert_all(rows)?;
    for mut profile in profiles {
        if profile.sync_format_items(&formats) {
            write_profile(conn, UPDATE_PROFILE, &profile, Some(profile.id))?;
        }
    }
    Ok(())
}

#[async_trait]
impl FormatStore for SqliteStore {
    async fn custom_formats(&self) -> Result<Vec<CustomFormat>> {
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!("{SELECT_FORMAT} ORDER BY id"))?
                .query_map([], format_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        convert_all(rows)
    }

    async fn custom_format(&self, id: i32) -> Result<CustomFormat> {
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!("{SELECT_FORMAT} WHERE id = ?1"))?
                .query_row([id], format_row)
                .optional()?)
        })?;
        row.ok_or_else(|| not_found(id))?.try_into()
    }

    async fn add_custom_format(&self, format: &CustomFormat) -> Result<CustomFormat> {
        let specifications = to_json(&stored_specifications(format))?;
        let id = self
            .db
            .write(|conn| {
                let tx = conn.transaction()?;
                tx.prepare_cached(
                    "INSERT INTO custom_formats (name, include_custom_format_when_renaming, \
                     specifications) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    format.name,
                    format.include_custom_format_when_renaming,
                    specifications
                ])
                .map_err(|e| name_taken(e, format))?;
                let id = row_id(tx.last_insert_rowid())?;
                sync_profiles(&tx)?;
                tx.commit()?;
                Ok(id)
            })
            .await?;
        self.custom_format(id).await
    }

    async fn update_custom_formats(&self, formats: &[CustomFormat]) -> Result<Vec<CustomFormat>> {
        let specifications = formats
            .iter()
            .map(|f| to_json(&stored_specifications(f)))
            .collect::<Result<Vec<_>>>()?;
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                for (format, specifications) in formats.iter().zip(&specifications) {
                    let changed = tx
                        .prepare_cached(
                            "UPDATE custom_formats SET name = ?1, \
                             include_custom_format_when_renaming = ?2, specifications = ?3 \
                             WHERE id = ?4",
                        )?
                        .execute(params![
                            format.name,
                            format.include_custom_format_when_renaming,
                            specifications,
                            format.id
                        ])
                        .map_err(|e| name_taken(e, format))?;
                    if changed == 0 {
                        return Err(not_found(format.id));
                    }
                }
                sync_profiles(&tx)?;
                tx.commit()?;
                Ok(())
            })
            .await?;
        let mut saved = Vec::with_capacity(formats.len());
        for format in formats {
            saved.push(self.custom_format(format.id).await?);
        }
        Ok(saved)
    }

    async fn delete_custom_formats(&self, ids: &[i32]) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                for id in ids {
                    tx.prepare_cached("DELETE FROM custom_formats WHERE id = ?1")?
                        .execute([id])?;
                }
                sync_profiles(&tx)?;
                tx.commit()?;
                Ok(())
            })
            .await
    }
}
