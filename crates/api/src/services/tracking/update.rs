//! What a client's report changes in a tracked download: its progress, and
//! its state when it has just finished or failed.

use domain::download::{
    QueueStatus, StatusMessage, TrackedDownload, TrackedDownloadState, TrackedDownloadStatus,
};
use downloaders::{DownloadItem, DownloadStatus};

/// Why a finished download of no known movie is not imported.
pub const UNKNOWN_MOVIE: &str =
    "Unable to match the download to a movie in the library; import it manually";

/// The queue's status for a client's.
pub fn queue_status(status: DownloadStatus) -> QueueStatus {
    match status {
        DownloadStatus::Queued => QueueStatus::Queued,
        DownloadStatus::Paused => QueueStatus::Paused,
        DownloadStatus::Downloading => QueueStatus::Downloading,
        DownloadStatus::Completed => QueueStatus::Completed,
        DownloadStatus::Failed => QueueStatus::Failed,
        DownloadStatus::Warning => QueueStatus::Warning,
    }
}

/// `tracked` with what its client reports now: progress always; the state
/// moves on only from `Downloading` (an import or a failure under way, or
/// done, is not undone by the client's view).
pub fn updated(
    mut tracked: TrackedDownload,
    item: &DownloadItem,
    output_path: Option<String>,
) -> TrackedDownload {
    tracked.size = i64::try_from(item.total_size).unwrap_or(i64::MAX);
    tracked.size_left = i64::try_from(item.remaining_size).unwrap_or(i64::MAX);
    tracked.time_left = item
        .remaining_time
        .map(|t| i64::try_from(t.as_secs()).unwrap_or(i64::MAX));
    tracked.status = queue_status(item.status);
    tracked.error_message = item
        .message
        .clone()
        .filter(|_| item.status == DownloadStatus::Failed);
    tracked.output_path = output_path;
    tracked.can_move_files = item.can_move_files;
    tracked.can_be_removed = item.can_be_removed;

    if tracked.state == TrackedDownloadState::Downloading {
        tracked.state = match (item.status, tracked.movie_id) {
            (DownloadStatus::Failed, _) => TrackedDownloadState::FailedPending,
            (DownloadStatus::Completed, Some(_)) => TrackedDownloadState::ImportPending,
            (DownloadStatus::Completed, None) => {
                tracked.status_messages = vec![StatusMessage::new(&tracked.title, UNKNOWN_MOVIE)];
                TrackedDownloadState::ImportBlocked
            }
            _ => TrackedDownloadState::Downloading,
        };
    }
    if let (DownloadStatus::Warning, Some(message)) = (item.status, &item.message) {
        tracked.status_messages = vec![StatusMessage::new(&tracked.title, message.clone())];
    }
    tracked.tracked_status = match (item.status, tracked.state) {
        (DownloadStatus::Failed, _) | (_, TrackedDownloadState::FailedPending) => {
            TrackedDownloadStatus::Error
        }
        (DownloadStatus::Warning, _) | (_, TrackedDownloadState::ImportBlocked) => {
            TrackedDownloadStatus::Warning
        }
        _ => TrackedDownloadStatus::Ok,
    };
    tracked
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use domain::release::Protocol;

    use super::*;

    fn tracked(movie_id: Option<i32>) -> TrackedDownload {
        TrackedDownload {
            id: 1,
            client_id: 1,
            client_name: "qBittorrent".into(),
            download_id: "HASH".into(),
            protocol: Protocol::Torrent,
            title: "The.Matrix.1999.1080p.BluRay.x264-GRP".into(),
            movie_id,
            quality: Default::default(),
            languages: vec![],
            custom_formats: vec![],
            custom_format_score: 0,
            indexer: None,
            size: 0,
            size_left: 0,
            time_left: None,
            status: QueueStatus::Unknown,
            state: TrackedDownloadState::Downloading,
            tracked_status: TrackedDownloadStatus::Ok,
            status_messages: vec![],
            error_message: None,
            output_path: None,
            can_move_files: false,
            can_be_removed: false,
            added: chrono::Utc::now(),
            import_path: None,
            replaced_path: None,
        }
    }

    fn item(status: DownloadStatus, message: Option<&str>) -> DownloadItem {
        DownloadItem {
            download_id: "HASH".into(),
            title: "The.Matrix.1999.1080p.BluRay.x264-GRP".into(),
            total_size: 1000,
            remaining_size: 250,
            remaining_time: Some(Duration::from_secs(90)),
            status,
            message: message.map(str::to_string),
            output_path: None,
            can_move_files: false,
            can_be_removed: false,
        }
    }

    #[test]
    fn progress_is_copied_and_the_path_is_the_mapped_one() {
        let now = updated(
            tracked(Some(1)),
            &item(DownloadStatus::Downloading, None),
            Some("/mnt/dl/The.Matrix".into()),
        );
        assert_eq!(
            (now.size, now.size_left, now.time_left),
            (1000, 250, Some(90))
        );
        assert_eq!(now.status, QueueStatus::Downloading);
        assert_eq!(now.state, TrackedDownloadState::Downloading);
        assert_eq!(now.tracked_status, TrackedDownloadStatus::Ok);
        assert_eq!(now.output_path.as_deref(), Some("/mnt/dl/The.Matrix"));
    }

    #[test]
    fn a_finished_download_waits_for_import_unless_its_movie_is_unknown() {
        let known = updated(
            tracked(Some(1)),
            &item(DownloadStatus::Completed, None),
            None,
        );
        assert_eq!(known.state, TrackedDownloadState::ImportPending);
        let unknown = updated(tracked(None), &item(DownloadStatus::Completed, None), None);
        assert_eq!(unknown.state, TrackedDownloadState::ImportBlocked);
        assert_eq!(unknown.tracked_status, TrackedDownloadStatus::Warning);
        assert_eq!(unknown.status_messages[0].messages, vec![UNKNOWN_MOVIE]);
    }

    #[test]
    fn a_failure_is_an_error_and_a_warning_carries_the_clients_message() {
        let failed = updated(
            tracked(Some(1)),
            &item(DownloadStatus::Failed, Some("Par repair failed")),
            None,
        );
        assert_eq!(failed.state, TrackedDownloadState::FailedPending);
        assert_eq!(failed.tracked_status, TrackedDownloadStatus::Error);
        assert_eq!(failed.error_message.as_deref(), Some("Par repair failed"));
        let stalled = updated(
            tracked(Some(1)),
            &item(DownloadStatus::Warning, Some("The download is stalled")),
            None,
        );
        assert_eq!(stalled.tracked_status, TrackedDownloadStatus::Warning);
        assert_eq!(
            stalled.status_messages[0].messages,
            vec!["The download is stalled"]
        );
        assert_eq!(stalled.state, TrackedDownloadState::Downloading);
    }

    #[test]
    fn a_state_past_downloading_is_not_undone_by_the_client() {
        let mut importing = tracked(Some(1));
        importing.state = TrackedDownloadState::Imported;
        let now = updated(importing, &item(DownloadStatus::Downloading, None), None);
        assert_eq!(now.state, TrackedDownloadState::Imported);
    }
}
