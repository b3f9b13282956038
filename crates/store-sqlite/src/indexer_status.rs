//! Indexer back-off state in SQLite.

use async_trait::async_trait;
use domain::indexer_status::IndexerStatus;
use domain::provider::ProviderKind;
use rusqlite::{OptionalExtension, Row, params};
use store::{IndexerStatusStore, Result, StoreError};

use crate::SqliteStore;

const COLUMNS: &str = "provider_id, escalation_level, initial_failure, most_recent_failure, \
                       disabled_till, last_failure";

fn status_row(row: &Row) -> rusqlite::Result<IndexerStatus> {
    Ok(IndexerStatus {
        provider_id: row.get(0)?,
        escalation_level: row.get(1)?,
        initial_failure: row.get(2)?,
        most_recent_failure: row.get(3)?,
        disabled_till: row.get(4)?,
        last_failure: row.get(5)?,
    })
}

#[async_trait]
impl IndexerStatusStore for SqliteStore {
    async fn indexer_statuses(&self) -> Result<Vec<IndexerStatus>> {
        let sql = format!("SELECT {COLUMNS} FROM indexer_status ORDER BY provider_id");
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([], status_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn indexer_status(&self, provider_id: i32) -> Result<Option<IndexerStatus>> {
        let sql = format!("SELECT {COLUMNS} FROM indexer_status WHERE provider_id = ?1");
        self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row([provider_id], status_row)
                .optional()?)
        })
    }

    async fn save_indexer_status(&self, status: &IndexerStatus) -> Result<()> {
        // Only for an indexer that still exists: a search may end after its
        // indexer was deleted, and its outcome then has nowhere to go.
        let saved = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "INSERT INTO indexer_status (provider_id, escalation_level, \
                         initial_failure, most_recent_failure, disabled_till, last_failure) \
                         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS \
                         (SELECT 1 FROM providers WHERE id = ?1 AND kind = ?7) \
                         ON CONFLICT (provider_id) DO UPDATE SET \
                         escalation_level = excluded.escalation_level, \
                         initial_failure = excluded.initial_failure, \
                         most_recent_failure = excluded.most_recent_failure, \
                         disabled_till = excluded.disabled_till, \
                         last_failure = excluded.last_failure",
                    )?
                    .execute(params![
                        status.provider_id,
                        status.escalation_level,
                        status.initial_failure,
                        status.most_recent_failure,
                        status.disabled_till,
                        status.last_failure,
                        ProviderKind::Indexer as i32
                    ])?)
            })
            .await?;
        if saved == 0 {
            return Err(StoreError::NotFound {
                entity: ProviderKind::Indexer.entity(),
                id: status.provider_id,
            });
        }
        Ok(())
    }
}
