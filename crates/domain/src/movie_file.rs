//! The file of a movie on disk, as the library recorded it at import.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::quality::QualityModel;

/// What the media analyser read from the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MediaInfo {
    pub audio_bitrate: i64,
    /// Channels as a decimal, e.g. 5.1.
    pub audio_channels: f64,
    pub audio_codec: String,
    /// Languages joined with '/', e.g. "eng/fre".
    pub audio_languages: String,
    pub audio_stream_count: i32,
    pub video_bit_depth: i32,
    pub video_bitrate: i64,
    pub video_codec: String,
    pub video_fps: f64,
    pub video_dynamic_range: String,
    pub video_dynamic_range_type: String,
    /// Width x height, e.g. "1920x800".
    pub resolution: String,
    /// Duration as H:MM:SS.
    pub run_time: String,
    pub scan_type: String,
    /// Subtitle languages joined with '/'.
    pub subtitles: String,
}

/// A movie's file. Its full path is the movie's folder joined with `relative_path`.
#[derive(Debug, Clone, PartialEq)]
pub struct MovieFile {
    pub id: i32,
    pub movie_id: i32,
    pub relative_path: String,
    /// Bytes.
    pub size: i64,
    pub date_added: DateTime<Utc>,
    /// The release name the file was grabbed as.
    pub scene_name: Option<String>,
    pub release_group: Option<String>,
    pub edition: String,
    pub languages: Vec<Language>,
    pub quality: QualityModel,
    /// Indexer flags as Radarr's bit field.
    pub indexer_flags: i32,
    pub media_info: Option<MediaInfo>,
    pub original_file_path: Option<String>,
}
