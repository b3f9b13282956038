//! Settings by key in SQLite.

use async_trait::async_trait;
use rusqlite::OptionalExtension;
use store::{ConfigStore, Result};

use crate::SqliteStore;

#[async_trait]
impl ConfigStore for SqliteStore {
    async fn config_text(&self, key: &str) -> Result<Option<String>> {
        self.db.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT value FROM config WHERE key = ?1")?
                .query_row([key], |row| row.get(0))
                .optional()?)
        })
    }

    async fn set_config_text(&self, key: &str, value: &str) -> Result<()> {
        self.db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO config (key, value) VALUES (?1, ?2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )?
                .execute([key, value])?;
                Ok(())
            })
            .await
    }

    async fn config_text_or_insert(&self, key: &str, value: &str) -> Result<String> {
        self.db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO config (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                )?
                .execute([key, value])?;
                Ok(conn
                    .prepare_cached("SELECT value FROM config WHERE key = ?1")?
                    .query_row([key], |row| row.get(0))?)
            })
            .await
    }
}
