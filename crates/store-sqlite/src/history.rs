//! History in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use rusqlite::params;
use store::{HistoryStore, Result};

use crate::SqliteStore;
use crate::rows::{history_row, row_id, to_json};

const COLUMNS: &str = "id, movie_id, source_title, quality, languages, custom_formats, \
     custom_format_score, date, download_id, event_type, data";

/// The filter every history query shares: JSON lists of event types and
/// movie ids (empty for all), and a download id (null for all).
const FILTER: &str = "(?1 = '[]' OR event_type IN (SELECT value FROM json_each(?1))) \
     AND (?2 IS NULL OR download_id = ?2) \
     AND (?3 = '[]' OR movie_id IN (SELECT value FROM json_each(?3)))";

fn read(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, history_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(HistoryEntry::try_from).collect()
}

fn kinds(event_types: &[HistoryEventType]) -> Result<String> {
    to_json(&event_types.iter().map(|e| *e as i32).collect::<Vec<_>>())
}

#[async_trait]
impl HistoryStore for SqliteStore {
    async fn add_history(&self, entry: &HistoryEntry) -> Result<HistoryEntry> {
        let (quality, languages, formats, data) = (
            to_json(&entry.quality)?,
            to_json(&entry.languages)?,
            to_json(&entry.custom_formats)?,
            to_json(&entry.data)?,
        );
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO history (movie_id, source_title, quality, languages, \
                     custom_formats, custom_format_score, date, download_id, event_type, data) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    entry.movie_id,
                    entry.source_title,
                    quality,
                    languages,
                    formats,
                    entry.custom_format_score,
                    entry.date,
                    entry.download_id,
                    entry.event_type as i32,
                    data
                ])?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        Ok(HistoryEntry {
            id,
            ..entry.clone()
        })
    }

    async fn history_page(&self, query: &HistoryQuery) -> Result<(Vec<HistoryEntry>, u64)> {
        let order = if query.newest_first { "DESC" } else { "ASC" };
        let page_sql = format!(
            "SELECT {COLUMNS} FROM history WHERE {FILTER} \
             ORDER BY date {order}, id {order} LIMIT ?4 OFFSET ?5"
        );
        let count_sql = format!("SELECT COUNT(*) FROM history WHERE {FILTER}");
        let (event_types, movie_ids) = (kinds(&query.event_types)?, to_json(&query.movie_ids)?);
        let size = i64::from(query.page_size.max(1));
        let offset = i64::from(query.page.max(1) - 1) * size;
        self.db.read(|conn| {
            let filter = params![event_types, query.download_id, movie_ids];
            let total: i64 = conn
                .prepare_cached(&count_sql)?
                .query_row(filter, |r| r.get(0))?;
            let page = read(
                conn,
                &page_sql,
                params![event_types, query.download_id, movie_ids, size, offset],
            )?;
            Ok((page, u64::try_from(total).unwrap_or(0)))
        })
    }

    async fn movie_history(
        &self,
        movie_id: i32,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM history WHERE movie_id = ?1 AND (?2 IS NULL OR event_type = ?2) \
             ORDER BY date DESC, id DESC"
        );
        let kind = event_type.map(|e| e as i32);
        self.db
            .read(|conn| read(conn, &sql, params![movie_id, kind]))
    }

    async fn history_since(
        &self,
        date: DateTime<Utc>,
        event_type: Option<HistoryEventType>,
    ) -> Result<Vec<HistoryEntry>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM history WHERE date >= ?1 AND (?2 IS NULL OR event_type = ?2) \
             ORDER BY date, id"
        );
        let kind = event_type.map(|e| e as i32);
        self.db.read(|conn| read(conn, &sql, params![date, kind]))
    }
}
