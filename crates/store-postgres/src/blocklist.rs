//! The blocklist in PostgreSQL.

use async_trait::async_trait;
use domain::blocklist::BlocklistEntry;
use store::download_rows::BlocklistRow;
use store::rows::Json;
use store::{BlocklistStore, Result};

use crate::PostgresStore;

const COLUMNS: &str = "id, movie_id, source_title, quality, languages, custom_formats, date, \
     published_date, size, protocol, indexer, message, torrent_info_hash";

#[async_trait]
impl BlocklistStore for PostgresStore {
    async fn add_blocklist(&self, entry: &BlocklistEntry) -> Result<BlocklistEntry> {
        let id: i32 = sqlx::query_scalar(
            "INSERT INTO blocklist (movie_id, source_title, quality, languages, custom_formats, \
             date, published_date, size, protocol, indexer, message, torrent_info_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(entry.movie_id)
        .bind(&entry.source_title)
        .bind(Json(&entry.quality))
        .bind(Json(&entry.languages))
        .bind(Json(&entry.custom_formats))
        .bind(entry.date)
        .bind(entry.published_date)
        .bind(entry.size)
        .bind(entry.protocol as i32)
        .bind(&entry.indexer)
        .bind(&entry.message)
        .bind(&entry.torrent_info_hash)
        .fetch_one(&self.pool)
        .await?;
        Ok(BlocklistEntry {
            id,
            ..entry.clone()
        })
    }

    async fn blocklist(&self, movie_ids: &[i32]) -> Result<Vec<BlocklistEntry>> {
        let rows: Vec<BlocklistRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM blocklist \
             WHERE cardinality($1::int[]) = 0 OR movie_id = ANY($1) ORDER BY date DESC, id DESC"
        ))
        .bind(movie_ids)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn delete_blocklist(&self, ids: &[i32]) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM blocklist WHERE id = ANY($1)")
            .bind(ids)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    async fn clear_blocklist(&self) -> Result<()> {
        sqlx::query("DELETE FROM blocklist")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
