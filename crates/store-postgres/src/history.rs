//! History in PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use store::rows::{HistoryRow, Json};
use store::{HistoryStore, Result};

use crate::PostgresStore;

const COLUMNS: &str = "id, movie_id, source_title, quality, languages, custom_formats, \
     custom_format_score, date, download_id, event_type, data";

/// The filter every page shares: event types and movie ids (empty for all),
/// and a download id (null for all).
const FILTER: &str = "(cardinality($1::int[]) = 0 OR event_type = ANY($1)) \
     AND ($2::text IS NULL OR download_id = $2) \
     AND (cardinality($3::int[]) = 0 OR movie_id = ANY($3))";

#[async_trait]
impl HistoryStore for PostgresStore {
    async fn add_history(&self, entry: &HistoryEntry) -> Result<HistoryEntry> {
        let id: i32 = sqlx::query_scalar(
            "INSERT INTO history (movie_id, source_title, quality, languages, custom_formats, \
             custom_format_score, date, download_id, event_type, data) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(entry.movie_id)
        .bind(&entry.source_title)
        .bind(Json(&entry.quality))
        .bind(Json(&entry.languages))
        .bind(Json(&entry.custom_formats))
        .bind(entry.custom_format_score)
        .bind(entry.date)
        .bind(&entry.download_id)
        .bind(entry.event_type as i32)
        .bind(Json(&entry.data))
        .fetch_one(&self.pool)
        .await?;
        Ok(HistoryEntry {
            id,
            ..entry.clone()
        })
    }

    async fn history_page(&self, query: &HistoryQuery) -> Result<(Vec<HistoryEntry>, u64)> {
        let kinds: Vec<i32> = query.event_types.iter().map(|e| *e as i32).collect();
        let order = if query.newest_first { "DESC" } else { "ASC" };
        let size = i64::from(query.page_size.max(1));
        let offset = i64::from(query.page.max(1) - 1) * size;
        let total: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM history WHERE {FILTER}"))
                .bind(&kinds)
                .bind(&query.download_id)
                .bind(&query.movie_ids)
                .fetch_one(&self.pool)
                .await?;
        let rows: Vec<HistoryRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM history WHERE {FILTER} \
             ORDER BY date {order}, id {order} LIMIT $4 OFFSET $5"
        ))
        .bind(&kinds)
        .bind(&query.download_id)
        .bind(&query.movie_ids)
        .bind(size)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        let page = rows
            .into_iter()
            .map(HistoryEntry::try_from)
            .collect::<Result<_>>()?;
        Ok((page, u64::try_from(total).unwrap_or(0)))
    }

    async fn movie_history(
        &self,
        movie_id: i32,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>> {
        let rows: Vec<HistoryRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM history WHERE movie_id = $1 \
             AND ($2::int IS NULL OR event_type = $2) ORDER BY date DESC, id DESC"
        ))
        .bind(movie_id)
        .bind(event_type.map(|e| e as i32))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(HistoryEntry::try_from).collect()
    }

    async fn history_since(
        &self,
        date: DateTime<Utc>,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>> {
        let rows: Vec<HistoryRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM history WHERE date >= $1 \
             AND ($2::int IS NULL OR event_type = $2) ORDER BY date, id"
        ))
        .bind(date)
        .bind(event_type.map(|e| e as i32))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(HistoryEntry::try_from).collect()
    }
}
