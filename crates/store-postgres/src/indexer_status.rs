//! Indexer back-off state in PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::indexer_status::IndexerStatus;
use domain::provider::ProviderKind;
use store::{IndexerStatusStore, Result, StoreError};

use crate::PostgresStore;

const COLUMNS: &str = "provider_id, escalation_level, initial_failure, most_recent_failure, \
                       disabled_till, last_failure";

type StatusRow = (
    i32,
    i32,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<String>,
);

fn status(
    (provider_id, escalation_level, initial, recent, till, last_failure): StatusRow,
) -> IndexerStatus {
    IndexerStatus {
        provider_id,
        escalation_level,
        initial_failure: initial,
        most_recent_failure: recent,
        disabled_till: till,
        last_failure,
    }
}

#[async_trait]
impl IndexerStatusStore for PostgresStore {
    async fn indexer_statuses(&self) -> Result<Vec<IndexerStatus>> {
        let rows: Vec<StatusRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM indexer_status ORDER BY provider_id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(status).collect())
    }

    async fn indexer_status(&self, provider_id: i32) -> Result<Option<IndexerStatus>> {
        let row: Option<StatusRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM indexer_status WHERE provider_id = $1"
        ))
        .bind(provider_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(status))
    }

    async fn save_indexer_status(&self, status: &IndexerStatus) -> Result<()> {
        // Only for an indexer that still exists: a search may end after its
        // indexer was deleted, and its outcome then has nowhere to go.
        let saved = sqlx::query(
            "INSERT INTO indexer_status (provider_id, escalation_level, initial_failure, \
             most_recent_failure, disabled_till, last_failure) \
             SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS \
             (SELECT 1 FROM providers WHERE id = $1 AND kind = $7) \
             ON CONFLICT (provider_id) DO UPDATE SET \
             escalation_level = excluded.escalation_level, \
             initial_failure = excluded.initial_failure, \
             most_recent_failure = excluded.most_recent_failure, \
             disabled_till = excluded.disabled_till, \
             last_failure = excluded.last_failure",
        )
        .bind(status.provider_id)
        .bind(status.escalation_level)
        .bind(status.initial_failure)
        .bind(status.most_recent_failure)
        .bind(status.disabled_till)
        .bind(status.last_failure.as_deref())
        .bind(ProviderKind::Indexer as i32)
        .execute(&self.pool)
        .await?;
        if saved.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                entity: ProviderKind::Indexer.entity(),
                id: status.provider_id,
            });
        }
        Ok(())
    }
}
