//! What `torrents/info` and `app/preferences` answer, and a torrent as a
//! [`DownloadItem`]: its status by qBittorrent's state, where its data is,
//! and whether its seeding goal lets it be moved or removed, as Radarr reads
//! them.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::{DownloadItem, DownloadStatus};

/// The `eta` qBittorrent gives when it cannot tell (queued, stalled, done).
const UNKNOWN_ETA: i64 = 8_640_000;

/// A year: longer estimates are noise, as Radarr treats them.
const LONGEST_ETA: i64 = 365 * 24 * 3600;

/// A share limit of -2 defers to the global one in the preferences; -1 is
/// none at all.
const GLOBAL_LIMIT: f64 = -2.0;

/// Radarr's message when content_path is the save folder itself, which
/// leaves nothing it could import on its own.
const PATH_IS_SAVE_FOLDER: &str = "Unable to Import. Path matches client base download directory, it's possible 'Keep top-level folder' is disabled for this torrent or 'Torrent Content Layout' is NOT set to 'Original' or 'Create Subfolder'?";

/// One torrent as `torrents/info` reports it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Torrent {
    /// The v1 info hash in lower case.
    pub hash: String,
    pub name: String,
    /// Bytes of the files selected for download; 0 until a magnet link's
    /// metadata arrives.
    pub size: i64,
    /// 0 to 1.
    pub progress: f64,
    /// Seconds left, [`UNKNOWN_ETA`] when unknown.
    pub eta: i64,
    pub state: String,
    pub save_path: String,
    /// The file or top folder of the data: absent before WebAPI 2.6.1,
    /// empty before a magnet link's metadata arrives, and briefly relative
    /// while qBittorrent loads a new torrent.
    pub content_path: Option<String>,
    pub ratio: f64,
    /// The torrent's own ratio limit, or [`GLOBAL_LIMIT`], or -1 for none.
    pub ratio_limit: f64,
    /// Minutes; -2 global, -1 none.
    pub seeding_time_limit: i64,
    /// Seconds seeded (WebAPI 2.8.1 and later list it).
    pub seeding_time: Option<i64>,
    pub trackers_count: i64,
}

/// The `app/preferences` settings read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Preferences {
    pub max_ratio_enabled: bool,
    pub max_ratio: f64,
    pub max_seeding_time_enabled: bool,
    /// Minutes.
    pub max_seeding_time: i64,
    /// What qBittorrent does at the limits: 0 pause, 1 remove, 2 super
    /// seeding, 3 remove with the files.
    pub max_ratio_act: i64,
    pub queueing_enabled: bool,
    pub dht: bool,
}

impl Preferences {
    /// Whether qBittorrent removes torrents at their share limit, which
    /// leaves Radarr nothing to import.
    pub(super) fn removes_at_limit(&self) -> bool {
        (self.max_ratio_enabled || self.max_seeding_time_enabled)
            && matches!(self.max_ratio_act, 1 | 3)
    }
}

impl Torrent {
    /// The download as Radarr's queue shows it.
    pub(super) fn item(&self, preferences: &Preferences) -> DownloadItem {
        let (mut status, mut message) = status(self, preferences);
        let in_save_folder = self
            .content_path
            .as_deref()
            .is_some_and(|content| !content.is_empty() && same_folder(content, &self.save_path));
        if in_save_folder && status == DownloadStatus::Completed {
            status = DownloadStatus::Warning;
            message = Some(PATH_IS_SAVE_FOLDER.to_string());
        }
        let total_size = u64::try_from(self.size).unwrap_or(0);
        let left = (total_size as f64 * (1.0 - self.progress.clamp(0.0, 1.0))).round();
        let finished_seeding = self.is_stopped_seed() && self.reached_seed_limit(preferences);
        DownloadItem {
            download_id: self.hash.to_ascii_uppercase(),
            title: self.name.clone(),
            total_size,
            remaining_size: left as u64,
            remaining_time: if status == DownloadStatus::Completed {
                Some(Duration::ZERO)
            } else {
                remaining_time(self.eta)
            },
            status,
            message,
            output_path: self.output_path(),
            can_move_files: finished_seeding,
            can_be_removed: finished_seeding,
        }
    }

    /// Where the data is: content_path (made absolute under the save
    /// folder if qBittorrent gave it relative), or the save folder and the
    /// name before WebAPI 2.6.1. `None` before a magnet link's metadata,
    /// and when content_path is the save folder itself.
    fn output_path(&self) -> Option<PathBuf> {
        match self.content_path.as_deref() {
            Some("") => None,
            Some(content) if same_folder(content, &self.save_path) => None,
            Some(content) if is_rooted(content) => Some(PathBuf::from(content)),
            Some(content) => Some(PathBuf::from(&self.save_path).join(content)),
            None if self.name.is_empty() => None,
            None => Some(PathBuf::from(&self.save_path).join(&self.name)),
        }
    }

    /// Paused (stopped, from qBittorrent 5) after finishing: what qBittorrent
    /// does at a share limit. Radarr insists on it because a torrent's own
    /// higher limit may be set where the API does not show it.
    fn is_stopped_seed(&self) -> bool {
        matches!(self.state.as_str(), "pausedUP" | "stoppedUP")
    }

    /// Radarr's test of a seeding goal: the torrent's own ratio or seeding
    /// time limit, or the global one it defers to.
    fn reached_seed_limit(&self, preferences: &Preferences) -> bool {
        let ratio_reached = if self.ratio_limit >= 0.0 {
            self.ratio >= self.ratio_limit
        } else {
            self.ratio_limit == GLOBAL_LIMIT
                && preferences.max_ratio_enabled
                && self.ratio >= preferences.max_ratio
        };
        let time_limit = match self.seeding_time_limit {
            minutes if minutes >= 0 => Some(minutes),
            -2 if preferences.max_seeding_time_enabled => Some(preferences.max_seeding_time),
            _ => None,
        };
        // Without the seeding time (WebAPI before 2.8.1) the time limit is
        // not taken as reached: copying is the safe side.
        let time_reached = time_limit
            .zip(self.seeding_time)
            .is_some_and(|(minutes, seconds)| seconds >= minutes.saturating_mul(60));
        ratio_reached || time_reached
    }
}

/// A torrent's status and message by qBittorrent's state, as Radarr maps
/// them (with qBittorrent 5's stopped states read as paused).
pub(super) fn status(
    torrent: &Torrent,
    preferences: &Preferences,
) -> (DownloadStatus, Option<String>) {
    let say = |status: DownloadStatus, message: &str| (status, Some(message.to_string()));
    match torrent.state.as_str() {
        // A warning, not a failure, so failed download handling leaves it
        // be: qBittorrent may recover.
        "error" => say(DownloadStatus::Warning, "qBittorrent is reporting an error"),
        "missingFiles" => say(
            DownloadStatus::Warning,
            "qBittorrent is reporting missing files",
        ),
        "pausedDL" | "stoppedDL" => (DownloadStatus::Paused, None),
        // A check after finishing may still fail, so it is not complete yet.
        "queuedDL" | "checkingDL" | "checkingUP" | "checkingResumeData" => {
            (DownloadStatus::Queued, None)
        }
        "pausedUP" | "stoppedUP" | "uploading" | "stalledUP" | "queuedUP" | "forcedUP" => {
            (DownloadStatus::Completed, None)
        }
        "stalledDL" => say(
            DownloadStatus::Warning,
            "The download is stalled with no connections",
        ),
        // Without DHT only a tracker can send a magnet link's metadata.
        "metaDL" | "forcedMetaDL" if !preferences.dht && torrent.trackers_count == 0 => say(
            DownloadStatus::Warning,
            "qBittorrent cannot resolve magnet link with DHT disabled",
        ),
        "metaDL" => say(
            DownloadStatus::Queued,
            "qBittorrent is downloading metadata",
        ),
        "forcedMetaDL" => say(
            DownloadStatus::Downloading,
            "qBittorrent is downloading metadata",
        ),
        "downloading" | "forcedDL" | "allocating" | "moving" => (DownloadStatus::Downloading, None),
        unknown => (
            DownloadStatus::Downloading,
            Some(format!("Unknown download state: {unknown}")),
        ),
    }
}

/// An `eta` as time left: none when unknown or implausible.
fn remaining_time(eta: i64) -> Option<Duration> {
    if eta == UNKNOWN_ETA || !(0..=LONGEST_ETA).contains(&eta) {
        return None;
    }
    u64::try_from(eta).ok().map(Duration::from_secs)
}

/// Whether a path qBittorrent gave is absolute, on its own system (which
/// may be Windows while we are not).
fn is_rooted(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with(['/', '\\'])
        || bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
}

/// Whether two folders are the same, whatever their slashes.
fn same_folder(a: &str, b: &str) -> bool {
    let trim = |p: &str| p.replace('\\', "/").trim_end_matches('/').to_string();
    trim(a) == trim(b)
}

#[cfg(test)]
mod tests;
