//! Row shapes of tracked downloads and remote path mappings, shared by both
//! SQL backends. A tracked download keeps its keys as columns (client,
//! download id, movie) and the rest as one JSON document, which only the
//! queue reads.

use chrono::{DateTime, Utc};
use domain::download::TrackedDownload;
use domain::language::Language;
use domain::release::Protocol;
use domain::remote_path::RemotePathMapping;

use crate::rows::Json;

/// A remote path mapping.
#[derive(Debug, sqlx::FromRow)]
pub struct RemotePathMappingRow {
    pub id: i32,
    pub host: String,
    pub remote_path: String,
    pub local_path: String,
}

impl From<RemotePathMappingRow> for RemotePathMapping {
    fn from(row: RemotePathMappingRow) -> Self {
        RemotePathMapping {
            id: row.id,
            host: row.host,
            remote_path: row.remote_path,
            local_path: row.local_path,
        }
    }
}

/// A tracked download: its keys as columns, the rest as its JSON form.
#[derive(Debug, sqlx::FromRow)]
pub struct TrackedDownloadRow {
    pub id: i32,
    pub client_id: i32,
    pub download_id: String,
    pub movie_id: Option<i32>,
    pub data: Json<TrackedDownload>,
}

impl From<TrackedDownloadRow> for TrackedDownload {
    fn from(row: TrackedDownloadRow) -> Self {
        TrackedDownload {
            id: row.id,
            client_id: row.client_id,
            download_id: row.download_id,
            movie_id: row.movie_id,
            ..row.data.0
        }
    }
}

/// A blocklist entry.
#[derive(Debug, sqlx::FromRow)]
pub struct BlocklistRow {
    pub id: i32,
    pub movie_id: i32,
    pub source_title: String,
    pub quality: Json<domain::quality::QualityModel>,
    pub languages: Json<Vec<Language>>,
    pub custom_formats: Json<Vec<i32>>,
    pub date: DateTime<Utc>,
    pub published_date: Option<DateTime<Utc>>,
    pub size: Option<i64>,
    pub protocol: i32,
    pub indexer: Option<String>,
    pub message: Option<String>,
    pub torrent_info_hash: Option<String>,
}

impl From<BlocklistRow> for domain::blocklist::BlocklistEntry {
    fn from(row: BlocklistRow) -> Self {
        domain::blocklist::BlocklistEntry {
            id: row.id,
            movie_id: row.movie_id,
            source_title: row.source_title,
            quality: row.quality.0,
            languages: row.languages.0,
            custom_formats: row.custom_formats.0,
            date: row.date,
            published_date: row.published_date,
            size: row.size,
            protocol: Protocol::from_value(i64::from(row.protocol)).unwrap_or_default(),
            indexer: row.indexer,
            message: row.message,
            torrent_info_hash: row.torrent_info_hash,
        }
    }
}
