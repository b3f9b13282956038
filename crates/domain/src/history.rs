//! History: what happened to each movie's releases (grabbed, imported,
//! failed, deleted), as Radarr records it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::language::Language;
use crate::quality::QualityModel;

parser::wire_enum! {
    /// What happened.
    pub enum HistoryEventType {
        Unknown = 0 => "unknown", Grabbed = 1 => "grabbed",
        DownloadFolderImported = 3 => "downloadFolderImported", DownloadFailed = 4 => "downloadFailed",
        MovieFileDeleted = 6 => "movieFileDeleted", MovieFolderImported = 7 => "movieFolderImported",
        MovieFileRenamed = 8 => "movieFileRenamed", DownloadIgnored = 9 => "downloadIgnored",
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// Its id.
    pub id: i32,
    /// The movie it happened to.
    pub movie_id: i32,
    /// The release's (or file's) title.
    pub source_title: String,
    /// Its quality.
    pub quality: QualityModel,
    /// Its languages.
    pub languages: Vec<Language>,
    /// The custom formats it matched, by id.
    pub custom_formats: Vec<i32>,
    /// Their score in the movie's profile.
    pub custom_format_score: i32,
    /// When it happened.
    pub date: DateTime<Utc>,
    /// The download client's id for the download, when there is one.
    pub download_id: Option<String>,
    /// What happened.
    pub event_type: HistoryEventType,
    /// What else Radarr records of it (`indexer`, `releaseGroup`, `size`, …).
    pub data: BTreeMap<String, String>,
}

/// Which events a page of history holds, and how they are ordered.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryQuery {
    /// Only these kinds of event; all when empty.
    pub event_types: Vec<HistoryEventType>,
    /// Only the events of this download.
    pub download_id: Option<String>,
    /// Only the events of these movies; all when empty.
    pub movie_ids: Vec<i32>,
    /// Newest first when true.
    pub newest_first: bool,
    /// The page, from 1.
    pub page: u32,
    /// Events a page.
    pub page_size: u32,
}
