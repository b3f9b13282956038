//! Downloads the library follows: each release handed to a download client
//! is tracked from the grab until it is imported or has failed, as Radarr's
//! queue shows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::quality::QualityModel;
use crate::release::Protocol;

parser::wire_enum! {
    /// Where the download stands in its client (Radarr's `QueueStatus`).
    #[derive(Default)]
    pub enum QueueStatus {
        #[default] Unknown = 0 => "unknown", Queued = 1 => "queued", Paused = 2 => "paused",
        Downloading = 3 => "downloading", Completed = 4 => "completed", Failed = 5 => "failed",
        Warning = 6 => "warning", Delay = 7 => "delay",
        DownloadClientUnavailable = 8 => "downloadClientUnavailable", Fallback = 9 => "fallback",
    }
}

parser::wire_enum! {
    /// Where the download stands in the library's hands.
    #[derive(Default)]
    pub enum TrackedDownloadState {
        /// In the client, not finished.
        #[default] Downloading = 0 => "downloading",
        /// Finished, but it cannot be imported as it is; the messages say why.
        ImportBlocked = 1 => "importBlocked",
        /// Finished and waiting for its import.
        ImportPending = 2 => "importPending",
        /// Its files are being imported.
        Importing = 3 => "importing",
        /// Imported into the library.
        Imported = 4 => "imported",
        /// Failed in the client; waiting for the failure to be handled.
        FailedPending = 5 => "failedPending",
        /// Failed, handled (blocklisted, searched again).
        Failed = 6 => "failed",
        /// The user chose to ignore it.
        Ignored = 7 => "ignored",
    }
}

parser::wire_enum! {
    /// How the download is doing, as the queue colours it.
    #[derive(Default)]
    pub enum TrackedDownloadStatus { #[default] Ok = 0 => "ok", Warning = 1 => "warning", Error = 2 => "error" }
}

/// A message about a download, under a title (a file name, or the release).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusMessage {
    /// What the messages are about.
    pub title: String,
    /// The messages.
    pub messages: Vec<String>,
}

impl StatusMessage {
    /// One message about `title`.
    pub fn new(title: impl Into<String>, message: impl Into<String>) -> Self {
        StatusMessage {
            title: title.into(),
            messages: vec![message.into()],
        }
    }
}

/// A download in a client that the library follows. Stored as its keys
/// (ids and movie) beside a JSON document of the rest, which is its serde
/// form: the keys are left out of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackedDownload {
    /// Its id (the queue item's id).
    #[serde(skip)]
    pub id: i32,
    /// The download client's id.
    #[serde(skip)]
    pub client_id: i32,
    /// The download client's name.
    pub client_name: String,
    /// The client's id for the download.
    #[serde(skip)]
    pub download_id: String,
    /// Its protocol.
    pub protocol: Protocol,
    /// Its title in the client (the release's title when grabbed by us).
    pub title: String,
    /// The movie it is for, when known (by its grab, else by its title).
    #[serde(skip)]
    pub movie_id: Option<i32>,
    /// The release's quality.
    pub quality: QualityModel,
    /// The release's languages.
    pub languages: Vec<Language>,
    /// The custom formats the release matched, by id.
    pub custom_formats: Vec<i32>,
    /// Their score in the movie's profile.
    pub custom_format_score: i32,
    /// The indexer it came from, when grabbed by us.
    pub indexer: Option<String>,
    /// Bytes in all.
    pub size: i64,
    /// Bytes still to download.
    pub size_left: i64,
    /// The client's estimate of the seconds left.
    pub time_left: Option<i64>,
    /// Where it stands in the client.
    pub status: QueueStatus,
    /// Where it stands with us.
    pub state: TrackedDownloadState,
    /// How it is doing.
    pub tracked_status: TrackedDownloadStatus,
    /// Messages about it (why an import is blocked, a client's warning).
    pub status_messages: Vec<StatusMessage>,
    /// The client's error, when it failed.
    pub error_message: Option<String>,
    /// Its files on this machine (remote path mappings applied), once the
    /// client has placed them.
    pub output_path: Option<String>,
    /// Whether its files may be moved away rather than copied or linked.
    pub can_move_files: bool,
    /// Whether it may be removed from the client after import.
    pub can_be_removed: bool,
    /// When it was first seen (or grabbed).
    pub added: DateTime<Utc>,
    /// Where its import puts the movie file: written before the file is
    /// placed, so an import cut short is finished (or undone) on the next
    /// try instead of failing on a file it placed itself.
    #[serde(default)]
    pub import_path: Option<String>,
    /// The movie's file the import replaces, saved with `import_path`, so
    /// a retry after a crash still removes it once the new one is recorded.
    #[serde(default)]
    pub replaced_path: Option<String>,
}

impl TrackedDownload {
    /// When it should finish, if the client knows.
    pub fn estimated_completion(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.time_left
            .map(|seconds| now + chrono::Duration::seconds(seconds))
    }

    /// Whether it is done with, either way: nothing more will happen to it.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.state,
            TrackedDownloadState::Imported
                | TrackedDownloadState::Failed
                | TrackedDownloadState::Ignored
        )
    }
}
