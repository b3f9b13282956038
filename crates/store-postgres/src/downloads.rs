//! Tracked downloads and remote path mappings in PostgreSQL.

use async_trait::async_trait;
use domain::download::TrackedDownload;
use domain::remote_path::RemotePathMapping;
use store::download_rows::{RemotePathMappingRow, TrackedDownloadRow};
use store::rows::Json;
use store::{DownloadStore, Result, StoreError};

use crate::PostgresStore;

const MAPPING_COLUMNS: &str = "id, host, remote_path, local_path";
const DOWNLOAD_COLUMNS: &str = "id, client_id, download_id, movie_id, data";

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
impl DownloadStore for PostgresStore {
    async fn remote_path_mappings(&self) -> Result<Vec<RemotePathMapping>> {
        let rows: Vec<RemotePathMappingRow> = sqlx::query_as(&format!(
            "SELECT {MAPPING_COLUMNS} FROM remote_path_mappings ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn remote_path_mapping(&self, id: i32) -> Result<RemotePathMapping> {
        let row: Option<RemotePathMappingRow> = sqlx::query_as(&format!(
            "SELECT {MAPPING_COLUMNS} FROM remote_path_mappings WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Into::into).ok_or_else(|| mapping_not_found(id))
    }

    async fn add_remote_path_mapping(
        &self,
        mapping: &RemotePathMapping,
    ) -> Result<RemotePathMapping> {
        let id: i32 = sqlx::query_scalar(
            "INSERT INTO remote_path_mappings (host, remote_path, local_path) \
             VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(&mapping.host)
        .bind(&mapping.remote_path)
        .bind(&mapping.local_path)
        .fetch_one(&self.pool)
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
        let changed = sqlx::query(
            "UPDATE remote_path_mappings SET host = $1, remote_path = $2, local_path = $3 \
             WHERE id = $4",
        )
        .bind(&mapping.host)
        .bind(&mapping.remote_path)
        .bind(&mapping.local_path)
        .bind(mapping.id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(mapping_not_found(mapping.id));
        }
        Ok(mapping.clone())
    }

    async fn delete_remote_path_mapping(&self, id: i32) -> Result<()> {
        let changed = sqlx::query("DELETE FROM remote_path_mappings WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(mapping_not_found(id));
        }
        Ok(())
    }

    async fn tracked_downloads(&self) -> Result<Vec<TrackedDownload>> {
        let rows: Vec<TrackedDownloadRow> = sqlx::query_as(&format!(
            "SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn tracked_download(&self, id: i32) -> Result<TrackedDownload> {
        let row: Option<TrackedDownloadRow> = sqlx::query_as(&format!(
            "SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Into::into).ok_or_else(|| download_not_found(id))
    }

    async fn save_client_downloads(
        &self,
        client_id: i32,
        downloads: &[TrackedDownload],
    ) -> Result<Vec<TrackedDownload>> {
        let ids: Vec<&str> = downloads.iter().map(|d| d.download_id.as_str()).collect();
        let mut tx = self.pool.begin().await?;
        // What the client no longer holds goes, in the same transaction as
        // what it holds is saved.
        sqlx::query(
            "DELETE FROM tracked_downloads WHERE client_id = $1 AND NOT (download_id = ANY($2))",
        )
        .bind(client_id)
        .bind(&ids)
        .execute(&mut *tx)
        .await?;
        for download in downloads {
            sqlx::query(
                "INSERT INTO tracked_downloads (client_id, download_id, movie_id, data) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (client_id, download_id) \
                 DO UPDATE SET movie_id = excluded.movie_id, data = excluded.data",
            )
            .bind(client_id)
            .bind(&download.download_id)
            .bind(download.movie_id)
            .bind(Json(download))
            .execute(&mut *tx)
            .await?;
        }
        let rows: Vec<TrackedDownloadRow> = sqlx::query_as(&format!(
            "SELECT {DOWNLOAD_COLUMNS} FROM tracked_downloads WHERE client_id = $1 ORDER BY id"
        ))
        .bind(client_id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn update_tracked_download(&self, download: &TrackedDownload) -> Result<TrackedDownload> {
        let changed =
            sqlx::query("UPDATE tracked_downloads SET movie_id = $1, data = $2 WHERE id = $3")
                .bind(download.movie_id)
                .bind(Json(download))
                .bind(download.id)
                .execute(&self.pool)
                .await?
                .rows_affected();
        if changed == 0 {
            return Err(download_not_found(download.id));
        }
        self.tracked_download(download.id).await
    }

    async fn delete_tracked_downloads(&self, ids: &[i32]) -> Result<()> {
        sqlx::query("DELETE FROM tracked_downloads WHERE id = ANY($1)")
            .bind(ids)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
