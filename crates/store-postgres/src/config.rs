//! Settings by key in PostgreSQL.

use async_trait::async_trait;
use store::{ConfigStore, Result};

use crate::PostgresStore;

#[async_trait]
impl ConfigStore for PostgresStore {
    async fn config_text(&self, key: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT value FROM config WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn set_config_text(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO config (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        )
        .bind(key)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn config_text_or_insert(&self, key: &str, value: &str) -> Result<String> {
        // A conflicting insert returns no row; the stored value is then read
        // (a config key is never deleted, so it is still there).
        let inserted: Option<String> = sqlx::query_scalar(
            "INSERT INTO config (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO NOTHING RETURNING value",
        )
        .bind(key)
        .bind(value)
        .fetch_optional(&self.pool)
        .await?;
        match inserted {
            Some(value) => Ok(value),
            None => Ok(
                sqlx::query_scalar("SELECT value FROM config WHERE key = $1")
                    .bind(key)
                    .fetch_one(&self.pool)
                    .await?,
            ),
        }
    }
}
