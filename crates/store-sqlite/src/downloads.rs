//! Tracked downloads and remote path mappings in SQLite.

use async_trait::async_trait;
use domain::download::TrackedDownload;
use domain::remote_path::RemotePathMapping;
use rusqlite::{OptionalExtension, Row, params};
use store::download_rows::{RemotePathMappingRow, TrackedDownloadRow};
use store::{DownloadStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{json, row_id, to_json};

const MAPPING_COLUMNS: &str = "id, host, remote_path, local_path";
const DOWNLOAD_COLUMNS: &str = "id, client_id, download_id, movie_id, data";

fn mapping_row(row: &Row) -> rusqlite::Result<RemotePathMappingRow> {
    Ok(RemotePathMappingRow {
        id: row.get(0)?,
        host: row.get(1)?,
        remote_path: row.get(2)?,
        local_path: row.get(3)?,
    })
}

fn download_row(row: &Row) -> rusqlite::Result<TrackedDownloadRow> {
    Ok(TrackedDownloadRow {
        id: row.get(0)?,
        client_id: row.get(1)?,
        download_id: row.get(2)?,
        movie_id: row.get(3)?,
        data: json(row, 4)?,
    })
}

fn mapping_not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "RemotePathMapping",
        id,
    }
}

fn download_not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "Queue item",
        id,
    }
}

#[async_trait]
impl DownloadStore for SqliteStore {
    async fn remote_path_mappings(&self) -> Result<Vec<RemotePathMapping>> {
        let sql = format!("SELECT {MAPPING_COLUMNS} FROM remote_path_mappings ORDER BY id");
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_map([], mapping_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn remote_path_mapping(&self, id: i32) -> Result<RemotePathMapping> {
        let sql = format!("SELECT {MAPPING_COLUMNS} FROM remote_path_mappings WHERE id = ?1");
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row([id], mapping_row)
                .optional()?)
        })?;
        row.map(Into::into).ok_or_else(|| mapping_not_found(id))
    }

    async fn add_remote_path_mapping(
        &self,
        mapping: &RemotePathMapping,
    ) -> Result<RemotePathMapping> {
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO remote_path_mappings (host, remote_path, local_path) \
                     VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    mapping.host,
                    mapping.remote_path,
                    mapping.local_path
                ])?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        Ok(RemotePathMapping {
            id,
            ..mapping.clone()
        })
    }

    async fn update_remote_path_mapping(
        &self,
        mapping: &RemotePathMapping,
    ) -> Result<RemotePathMapping> {
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE remote_path_mappings SET host = ?1, remote_path = ?2, \
                         local_path = ?3 WHERE id = ?4",
                    )?
                    .execute(params![
                        mapping.host,
                        mapping.remote_path,
                        mapping.local_path,
                        mapping.id
                    ])?)
            })
            .await?;
        if changed == 0 {
            return Err(mapping_not_found(mapping.id));
        }
        Ok(mapping.clone())
    }

    async fn delete_remote_path_mapping(&self, id: i32) -> Result<()> {
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached("DELETE FROM remote_path_mappings WHERE id = ?1")?
                    .execute([id])?)
            })
            .await?;
        if changed == 0 {
            return Err(mapping_not_found(id));
        }
        Ok(())
    }

    async fn tracked_downloads(&self) -> Result<Vec<TrackedDownload>> {
        let sql = format!("SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads ORDER BY id");
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_map([], download_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn tracked_download(&self, id: i32) -> Result<TrackedDownload> {
        let sql = format!("SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads WHERE id = ?1");
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row([id], download_row)
                .optional()?)
        })?;
        row.map(Into::into).ok_or_else(|| download_not_found(id))
    }

    async fn save_client_downloads(
        &self,
        client_id: i32,
        downloads: &[TrackedDownload],
    ) -> Result<Vec<TrackedDownload>> {
        let rows = downloads
            .iter()
            .map(|d| Ok((d, to_json(d)?)))
            .collect::<Result<Vec<_>>>()?;
        let select = format!(
            "SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads WHERE client_id = ?1 ORDER BY id"
        );
        let keep: std::collections::HashSet<&str> =
            downloads.iter().map(|d| d.download_id.as_str()).collect();
        let saved = self
            .db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    // What the client no longer holds goes, in the same
                    // transaction as what it holds is saved.
                    let held = tx
                        .prepare_cached(
                            "SELECT id, download_id FROM tracked_downloads WHERE client_id = ?1",
                        )?
                        .query_map([client_id], |row| {
                            Ok((row.get::<_, i32>(0)?, row.get::<_, String>(1)?))
                        })?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    let mut delete =
                        tx.prepare_cached("DELETE FROM tracked_downloads WHERE id = ?1")?;
                    for (id, download_id) in held {
                        if !keep.contains(download_id.as_str()) {
                            delete.execute([id])?;
                        }
                    }
                    let mut upsert = tx.prepare_cached(
                        "INSERT INTO tracked_downloads (client_id, download_id, movie_id, data) \
                         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (client_id, download_id) \
                         DO UPDATE SET movie_id = excluded.movie_id, data = excluded.data",
                    )?;
                    for (download, data) in &rows {
                        upsert.execute(params![
                            client_id,
                            download.download_id,
                            download.movie_id,
                            data
                        ])?;
                    }
                }
                let saved = tx
                    .prepare_cached(&select)?
                    .query_map([client_id], download_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                tx.commit()?;
                Ok(saved)
            })
            .await?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    async fn update_tracked_download(&self, download: &TrackedDownload) -> Result<TrackedDownload> {
        let data = to_json(download)?;
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE tracked_downloads SET movie_id = ?1, data = ?2 WHERE id = ?3",
                    )?
                    .execute(params![download.movie_id, data, download.id])?)
            })
            .await?;
        if changed == 0 {
            return Err(download_not_found(download.id));
        }
        self.tracked_download(download.id).await
    }

    async fn delete_tracked_downloads(&self, ids: &[i32]) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    let mut delete =
                        tx.prepare_cached("DELETE FROM tracked_downloads WHERE id = ?1")?;
                    for id in ids {
                        delete.execute([id])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }
}
