//! What `torrent-get` and `session-get` answer, and a torrent as a
//! [`DownloadItem`]: its status, and whether its seeding goal lets it be
//! moved or removed, as Radarr reads them.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::{DownloadItem, DownloadStatus};

/// The `torrent-get` fields read.
pub(super) const FIELDS: &[&str] = &[
    "hashString",
    "name",
    "downloadDir",
    "totalSize",
    "leftUntilDone",
    "isFinished",
    "eta",
    "status",
    "error",
    "errorString",
    "secondsSeeding",
    "uploadRatio",
    "seedRatioLimit",
    "seedRatioMode",
    "seedIdleLimit",
    "seedIdleMode",
];

/// Transmission's torrent status (`tr_torrent_activity`).
const STOPPED: i64 = 0;
const CHECK_WAIT: i64 = 1;
const CHECK: i64 = 2;
const DOWNLOAD_WAIT: i64 = 3;
const DOWNLOAD: i64 = 4;
const SEED_WAIT: i64 = 5;
const SEED: i64 = 6;

/// `error` when the trouble is local (disk full, files gone, no
/// permission), as opposed to a tracker's warning or error.
const LOCAL_ERROR: i64 = 3;

/// A torrent's own seeding limit (`seedRatioMode`, `seedIdleMode`): 0 the
/// session's, 1 the torrent's, 2 none.
const GLOBAL_LIMIT: i64 = 0;
const OWN_LIMIT: i64 = 1;

/// One torrent as `torrent-get` reports it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Torrent {
    pub hash_string: String,
    pub name: String,
    pub download_dir: String,
    pub total_size: u64,
    pub left_until_done: u64,
    pub is_finished: bool,
    /// Seconds left; -1 not available, -2 unknown.
    pub eta: i64,
    pub status: i64,
    pub error: i64,
    pub error_string: String,
    pub seconds_seeding: i64,
    /// Uploaded over downloaded (or over what was verified on disk, for a
    /// torrent that was never downloaded); -1 none yet, -2 infinite.
    pub upload_ratio: f64,
    pub seed_ratio_limit: f64,
    pub seed_ratio_mode: i64,
    /// Minutes without peers before seeding stops.
    pub seed_idle_limit: i64,
    pub seed_idle_mode: i64,
}

/// The `session-get` settings read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub(super) struct Session {
    pub download_dir: String,
    pub rpc_version: i64,
    pub version: String,
    #[serde(rename = "seedRatioLimited")]
    pub seed_ratio_limited: bool,
    #[serde(rename = "seedRatioLimit")]
    pub seed_ratio_limit: f64,
    pub idle_seeding_limit_enabled: bool,
}

impl Torrent {
    /// Whether Transmission has the torrent's metadata; a magnet link has
    /// none until a peer sends it, and reports a size of 0 until then.
    fn has_metadata(&self) -> bool {
        self.total_size > 0
    }

    /// Whether all its wanted data is on disk.
    fn is_complete(&self) -> bool {
        self.has_metadata() && self.left_until_done == 0
    }

    /// The download as Radarr's queue shows it.
    pub(super) fn item(&self, session: &Session) -> DownloadItem {
        let (status, message) = status(self);
        let removable = self.reached_seed_limit(session);
        DownloadItem {
            download_id: self.hash_string.to_ascii_uppercase(),
            title: self.name.clone(),
            total_size: self.total_size,
            remaining_size: self.left_until_done,
            remaining_time: u64::try_from(self.eta).ok().map(Duration::from_secs),
            status,
            message,
            output_path: Some(PathBuf::from(&self.download_dir).join(&self.name)),
            can_move_files: removable && self.status == STOPPED,
            can_be_removed: removable,
        }
    }

    /// Radarr's test of whether seeding is done: Transmission stops a
    /// torrent when its ratio or idle limit is reached, so a stopped one
    /// past its limit is finished with; an idle limit of the torrent's own
    /// counts while it still seeds. Only a complete torrent qualifies.
    fn reached_seed_limit(&self, session: &Session) -> bool {
        if !self.is_complete() {
            return false;
        }
        let stopped = self.status == STOPPED;
        // Transmission's ratio is what it compares with the limit itself;
        // -2 stands for infinite (uploaded without downloading), -1 for none.
        let ratio = if self.upload_ratio <= -2.0 {
            f64::INFINITY
        } else {
            self.upload_ratio.max(0.0)
        };
        let ratio_reached = match self.seed_ratio_mode {
            OWN_LIMIT => ratio >= self.seed_ratio_limit,
            GLOBAL_LIMIT => session.seed_ratio_limited && ratio >= session.seed_ratio_limit,
            _ => false,
        };
        let idle_reached = match self.seed_idle_mode {
            OWN_LIMIT => {
                (stopped || self.status == SEED)
                    && self.seconds_seeding > self.seed_idle_limit.saturating_mul(60)
            }
            // The session's idle limit only stops torrents that go idle, so
            // when it is on, stopped is enough to know it was reached.
            GLOBAL_LIMIT => stopped && session.idle_seeding_limit_enabled,
            _ => false,
        };
        (stopped && ratio_reached) || idle_reached
    }
}

/// A torrent's status and message: an error first (a local one fails the
/// download; a tracker's is a warning it may recover from), then complete,
/// then Transmission's activity.
pub(super) fn status(torrent: &Torrent) -> (DownloadStatus, Option<String>) {
    let error = (!torrent.error_string.trim().is_empty()).then(|| torrent.error_string.clone());
    if torrent.error == LOCAL_ERROR {
        return (DownloadStatus::Failed, error);
    }
    if error.is_some() {
        return (DownloadStatus::Warning, error);
    }
    let checking = matches!(torrent.status, CHECK_WAIT | CHECK);
    if torrent.is_complete() && matches!(torrent.status, STOPPED | SEED_WAIT | SEED)
        || torrent.has_metadata() && torrent.is_finished && !checking
    {
        return (DownloadStatus::Completed, None);
    }
    let message =
        (!torrent.has_metadata()).then(|| "Waiting for the magnet link's metadata".to_string());
    let status = match torrent.status {
        STOPPED => DownloadStatus::Paused,
        CHECK_WAIT | CHECK | DOWNLOAD_WAIT => DownloadStatus::Queued,
        DOWNLOAD => DownloadStatus::Downloading,
        // Seeding with wanted data still missing does not happen; should it,
        // the download is not called complete until the data is there.
        _ => DownloadStatus::Downloading,
    };
    (status, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1000-byte torrent half downloaded.
    fn torrent(status: i64) -> Torrent {
        Torrent {
            hash_string: "c9e15763f722f23e98a29decdfae341b98d53056".into(),
            name: "Movie.2024.mkv".into(),
            download_dir: "/downloads/radarr".into(),
            total_size: 1000,
            left_until_done: 500,
            eta: 30,
            status,
            seed_ratio_limit: 2.0,
            ..Torrent::default()
        }
    }

    fn done(status: i64) -> Torrent {
        Torrent {
            left_until_done: 0,
            eta: -1,
            ..torrent(status)
        }
    }

    #[test]
    fn activity_maps_to_radarrs_statuses() {
        let cases = [
            (STOPPED, DownloadStatus::Paused),
            (CHECK_WAIT, DownloadStatus::Queued),
            (CHECK, DownloadStatus::Queued),
            (DOWNLOAD_WAIT, DownloadStatus::Queued),
            (DOWNLOAD, DownloadStatus::Downloading),
        ];
        for (activity, expected) in cases {
            assert_eq!(status(&torrent(activity)), (expected, None), "{activity}");
        }
        for activity in [STOPPED, SEED_WAIT, SEED] {
            let finished = status(&done(activity));
            assert_eq!(finished, (DownloadStatus::Completed, None), "{activity}");
        }
        // Checking what is on disk is not done yet, even when nothing is left.
        assert_eq!(status(&done(CHECK)).0, DownloadStatus::Queued);
    }

    #[test]
    fn errors_come_first_and_a_local_one_fails_the_download() {
        let tracker = Torrent {
            error: 2,
            error_string: "Tracker gave HTTP response code 404".into(),
            ..done(SEED)
        };
        assert_eq!(
            status(&tracker),
            (
                DownloadStatus::Warning,
                Some("Tracker gave HTTP response code 404".into())
            )
        );
        let local = Torrent {
            error: LOCAL_ERROR,
            error_string: "No data found!".into(),
            ..torrent(STOPPED)
        };
        assert_eq!(status(&local).0, DownloadStatus::Failed);
    }

    #[test]
    fn a_magnet_without_metadata_is_never_complete() {
        // Transmission reports a size of 0 and nothing left until a peer
        // sends the metadata.
        let magnet = Torrent {
            total_size: 0,
            left_until_done: 0,
            ..torrent(STOPPED)
        };
        let (state, message) = status(&magnet);
        assert_eq!(state, DownloadStatus::Paused);
        assert!(message.is_some_and(|m| m.contains("metadata")));
        assert!(!magnet.item(&Session::default()).can_be_removed);
    }

    #[test]
    fn the_item_has_the_upper_case_hash_and_the_path_of_its_data() {
        let item = torrent(DOWNLOAD).item(&Session::default());
        assert_eq!(item.download_id, "C9E15763F722F23E98A29DECDFAE341B98D53056");
        assert_eq!(
            item.output_path,
            Some(PathBuf::from("/downloads/radarr/Movie.2024.mkv"))
        );
        assert_eq!((item.total_size, item.remaining_size), (1000, 500));
        assert_eq!(item.remaining_time, Some(Duration::from_secs(30)));
        assert_eq!(done(SEED).item(&Session::default()).remaining_time, None);
    }

    #[test]
    fn only_a_stopped_torrent_past_its_ratio_may_be_moved() {
        let session = Session {
            seed_ratio_limited: true,
            seed_ratio_limit: 1.0,
            ..Session::default()
        };
        let seeded = |status, ratio| Torrent {
            upload_ratio: ratio,
            ..done(status)
        };
        let item = seeded(STOPPED, 1.5).item(&session);
        assert!(item.can_be_removed && item.can_move_files);
        let short = seeded(STOPPED, 0.5).item(&session);
        assert!(!short.can_be_removed, "below the session's ratio");
        let seeding = seeded(SEED, 1.5).item(&session);
        assert!(!seeding.can_be_removed, "still seeding");
        let unlimited = seeded(STOPPED, 1.5).item(&Session::default());
        assert!(!unlimited.can_be_removed, "no ratio limit: paused by hand");
        // The torrent's own limit wins over the session's.
        let own = Torrent {
            seed_ratio_mode: OWN_LIMIT,
            ..seeded(STOPPED, 1.5)
        };
        assert!(!own.item(&session).can_be_removed, "its own limit is 2");
        let infinite = Torrent {
            seed_ratio_mode: OWN_LIMIT,
            ..seeded(STOPPED, -2.0)
        };
        assert!(infinite.item(&session).can_move_files);
    }

    #[test]
    fn an_own_idle_limit_lets_a_seeding_torrent_be_removed_but_not_moved() {
        let idle = Torrent {
            seed_idle_mode: OWN_LIMIT,
            seed_idle_limit: 10,
            seconds_seeding: 601,
            ..done(SEED)
        };
        let item = idle.item(&Session::default());
        assert!(item.can_be_removed && !item.can_move_files);
        let global = Session {
            idle_seeding_limit_enabled: true,
            ..Session::default()
        };
        let stopped = done(STOPPED).item(&global);
        assert!(stopped.can_be_removed && stopped.can_move_files);
    }
}
