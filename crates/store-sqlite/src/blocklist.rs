//! The blocklist in SQLite.

use async_trait::async_trait;
use domain::blocklist::BlocklistEntry;
use rusqlite::params;
use store::{BlocklistStore, Result};

use crate::SqliteStore;
use crate::rows::{blocklist_row, row_id, to_json};

const COLUMNS: &str = "id, movie_id, source_title, quality, languages, custom_formats, date, \
     published_date, size, protocol, indexer, message, torrent_info_hash";

#[async_trait]
impl BlocklistStore for SqliteStore {
    async fn add_blocklist(&self, entry: &BlocklistEntry) -> Result<BlocklistEntry> {
        let (quality, languages, formats) = (
            to_json(&entry.quality)?,
            to_json(&entry.languages)?,
            to_json(&entry.custom_formats)?,
        );
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO blocklist (movie_id, source_title, quality, languages, \
                     custom_formats, date, published_date, size, protocol, indexer, message, \
                     torrent_info_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?
                .execute(params![
                    entry.movie_id,
                    entry.source_title,
                    quality,
                    languages,
                    formats,
                    entry.date,
                    entry.published_date,
                    entry.size,
                    entry.protocol as i32,
                    entry.indexer,
                    entry.message,
                    entry.torrent_info_hash
                ])?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        Ok(BlocklistEntry {
            id,
            ..entry.clone()
        })
    }

    async fn blocklist(&self, movie_ids: &[i32]) -> Result<Vec<BlocklistEntry>> {
        let ids = to_json(movie_ids)?;
        let sql = format!(
            "SELECT {COLUMNS} FROM blocklist WHERE json_array_length(?1) = 0 \
             OR movie_id IN (SELECT value FROM json_each(?1)) ORDER BY date DESC, id DESC"
        );
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_map([ids], blocklist_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn delete_blocklist(&self, ids: &[i32]) -> Result<u64> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let mut deleted = 0;
                {
                    let mut delete = tx.prepare_cached("DELETE FROM blocklist WHERE id = ?1")?;
                    for id in ids {
                        deleted += delete.execute([id])? as u64;
                    }
                }
                tx.commit()?;
                Ok(deleted)
            })
            .await
    }

    async fn clear_blocklist(&self) -> Result<()> {
        self.db
            .write(|conn| {
                conn.execute("DELETE FROM blocklist", [])?;
                Ok(())
            })
            .await
    }
}
