//! Row shapes of tracked downloads and remote path mappings, shared by both
//! SQL backends. A tracked download keeps its keys as columns (client,
//! download id, movie) and the rest as one JSON document, which only the
//! queue reads.

use chrono::{DateTime, Utc};
use domain::download::{
    QueueStatus, StatusMessage, TrackedDownload, TrackedDownloadState, TrackedDownloadStatus,
};
use domain::language::Language;
use domain::quality::QualityModel;
use domain::release::Protocol;
use domain::remote_path::RemotePathMapping;
use serde::{Deserialize, Serialize};

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

/// A tracked download's fields beyond its keys.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackedDownloadData {
    pub client_name: String,
    pub protocol: Protocol,
    pub title: String,
    pub quality: QualityModel,
    pub languages: Vec<Language>,
    pub custom_formats: Vec<i32>,
    pub custom_format_score: i32,
    pub indexer: Option<String>,
    pub size: i64,
    pub size_left: i64,
    pub time_left: Option<i64>,
    pub status: QueueStatus,
    pub state: TrackedDownloadState,
    pub tracked_status: TrackedDownloadStatus,
    pub status_messages: Vec<StatusMessage>,
    pub error_message: Option<String>,
    pub output_path: Option<String>,
    pub can_move_files: bool,
    pub can_be_removed: bool,
    pub added: DateTime<Utc>,
    #[serde(default)]
    pub import_path: Option<String>,
}

impl From<&TrackedDownload> for TrackedDownloadData {
    fn from(d: &TrackedDownload) -> Self {
        TrackedDownloadData {
            client_name: d.client_name.clone(),
            protocol: d.protocol,
            title: d.title.clone(),
            quality: d.quality,
            languages: d.languages.clone(),
            custom_formats: d.custom_formats.clone(),
            custom_format_score: d.custom_format_score,
            indexer: d.indexer.clone(),
            size: d.size,
            size_left: d.size_left,
            time_left: d.time_left,
            status: d.status,
            state: d.state,
            tracked_status: d.tracked_status,
            status_messages: d.status_messages.clone(),
            error_message: d.error_message.clone(),
            output_path: d.output_path.clone(),
            can_move_files: d.can_move_files,
            can_be_removed: d.can_be_removed,
            added: d.added,
            import_path: d.import_path.clone(),
        }
    }
}

/// A tracked download.
#[derive(Debug, sqlx::FromRow)]
pub struct TrackedDownloadRow {
    pub id: i32,
    pub client_id: i32,
    pub download_id: String,
    pub movie_id: Option<i32>,
    pub data: Json<TrackedDownloadData>,
}

impl From<TrackedDownloadRow> for TrackedDownload {
    fn from(row: TrackedDownloadRow) -> Self {
        let d = row.data.0;
        TrackedDownload {
            id: row.id,
            client_id: row.client_id,
            client_name: d.client_name,
            download_id: row.download_id,
            protocol: d.protocol,
            title: d.title,
            movie_id: row.movie_id,
            quality: d.quality,
            languages: d.languages,
            custom_formats: d.custom_formats,
            custom_format_score: d.custom_format_score,
            indexer: d.indexer,
            size: d.size,
            size_left: d.size_left,
            time_left: d.time_left,
            status: d.status,
            state: d.state,
            tracked_status: d.tracked_status,
            status_messages: d.status_messages,
            error_message: d.error_message,
            output_path: d.output_path,
            can_move_files: d.can_move_files,
            can_be_removed: d.can_be_removed,
            added: d.added,
            import_path: d.import_path,
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
