//! SABnzbd's queue and history as Radarr reads them, from answers shaped as
//! SABnzbd's API documentation shows them.

use std::path::Path;

use serde_json::json;

use super::*;

fn read_queue(answer: Value) -> Queue {
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("a queue: {e}"))
}

fn read_history(answer: Value) -> History {
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("a history: {e}"))
}

fn slot(status: &str, cat: &str) -> Value {
    json!({
        "status": status, "index": 0, "mb": "1277.65", "mbleft": "1271.59",
        "size": "1.2 GB", "sizeleft": "1.2 GB", "filename": "Some.Movie.2024",
        "priority": "Normal", "cat": cat, "timeleft": "0:16:44",
        "percentage": "0", "nzo_id": "SABnzbd_nzo_p86tgx", "labels": []
    })
}

fn done(status: &str, fail_message: &str) -> Value {
    json!({
        "status": status, "fail_message": fail_message, "category": "movies",
        "bytes": 2436906376u64, "name": "Some.Movie.2024", "nzo_id": "SABnzbd_nzo_sdkoun",
        "storage": "/complete/movies/Some.Movie.2024", "size": "2.3 GB"
    })
}

#[test]
fn time_left_reads_hours_and_days() {
    assert_eq!(
        time_left("0:16:44"),
        Some(Duration::from_secs(16 * 60 + 44))
    );
    assert_eq!(
        time_left("27:00:01"),
        Some(Duration::from_secs(27 * 3600 + 1))
    );
    assert_eq!(
        time_left("1:03:00:00"),
        Some(Duration::from_secs(27 * 3600))
    );
    assert_eq!(time_left("unknown"), None);
    assert_eq!(time_left(""), None);
}

#[test]
fn a_queue_slot_reads_sizes_in_mebibytes_from_text() {
    let queue = read_queue(json!({"paused": false, "slots": [slot("Downloading", "movies")]}));
    let items = super::queue(&queue, "movies");
    let item = &items[0];
    assert_eq!(item.download_id, "SABnzbd_nzo_p86tgx");
    assert_eq!(item.title, "Some.Movie.2024");
    assert_eq!(item.total_size, (1277.65f64 * 1048576.0).round() as u64);
    assert_eq!(item.remaining_size, (1271.59f64 * 1048576.0).round() as u64);
    assert_eq!(item.remaining_time, Some(Duration::from_secs(1004)));
    assert_eq!(item.status, DownloadStatus::Downloading);
    assert!(item.can_move_files && item.can_be_removed && item.output_path.is_none());
}

#[test]
fn queue_statuses_map_as_radarrs() {
    use DownloadStatus::{Downloading, Paused, Queued};
    let cases = [
        ("Queued", Queued),
        ("Grabbing", Queued),
        ("Propagating", Queued),
        ("Paused", Paused),
        ("Downloading", Downloading),
        ("Fetching", Downloading),
        ("Checking", Downloading),
        ("QuickCheck", Downloading),
    ];
    for (status, expected) in cases {
        let queue = read_queue(json!({"paused": false, "slots": [slot(status, "movies")]}));
        assert_eq!(
            super::queue(&queue, "movies")[0].status,
            expected,
            "{status}"
        );
    }
    let deleted = read_queue(json!({"slots": [slot("Deleted", "movies")]}));
    assert!(super::queue(&deleted, "movies").is_empty());
}

#[test]
fn a_paused_queue_pauses_all_but_forced_jobs() {
    let mut forced = slot("Downloading", "movies");
    forced["priority"] = json!("Force");
    let queue =
        read_queue(json!({"paused": true, "slots": [slot("Downloading", "movies"), forced]}));
    let items = super::queue(&queue, "movies");
    assert_eq!(
        (items[0].status, items[0].remaining_time),
        (DownloadStatus::Paused, None)
    );
    assert_eq!(items[1].status, DownloadStatus::Downloading);
    // Old versions write the priority as a number.
    let mut numbered = slot("Downloading", "movies");
    numbered["priority"] = json!(2);
    let queue = read_queue(json!({"paused": "1", "slots": [numbered]}));
    assert_eq!(
        super::queue(&queue, "movies")[0].status,
        DownloadStatus::Downloading
    );
}

#[test]
fn an_encrypted_job_fails_under_its_real_name() {
    let mut encrypted = slot("Downloading", "movies");
    encrypted["filename"] = json!("ENCRYPTED / Some.Movie.2024");
    let queue = read_queue(json!({"slots": [encrypted]}));
    let item = &super::queue(&queue, "movies")[0];
    assert_eq!(item.title, "Some.Movie.2024");
    assert_eq!(item.status, DownloadStatus::Failed);
    assert_eq!(item.message.as_deref(), Some("Encrypted download detected"));
}

#[test]
fn only_our_category_is_listed_and_default_when_we_have_none() {
    let queue = read_queue(
        json!({"slots": [slot("Queued", "movies"), slot("Queued", "tv"), slot("Queued", "*")]}),
    );
    let cats = |category| super::queue(&queue, category).len();
    assert_eq!(cats("movies"), 1);
    assert_eq!(cats(""), 1, "the default category `*`");
    assert_eq!(cats("anime"), 0);
}

#[test]
fn history_statuses_map_as_radarrs() {
    use DownloadStatus::{Completed, Downloading, Failed, Warning};
    let cases = [
        ("Completed", "", Completed, None),
        (
            "Failed",
            "Aborted, cannot be completed",
            Failed,
            Some("Aborted, cannot be completed"),
        ),
        ("Failed", DISK_FULL, Warning, Some(DISK_FULL)),
        ("Extracting", "", Downloading, None),
        ("Verifying", "", Downloading, None),
        ("Moving", "", Downloading, None),
        ("Running", "", Downloading, None),
    ];
    for (status, fail, expected, message) in cases {
        let history = read_history(json!({"slots": [done(status, fail)]}));
        let items = super::history(&history, "movies");
        assert_eq!(items[0].status, expected, "{status}");
        assert_eq!(items[0].message.as_deref(), message, "{status}");
        assert_eq!(items[0].remaining_size, 0);
        assert_eq!(items[0].total_size, 2_436_906_376);
    }
    let deleted = read_history(json!({"slots": [done("Deleted", "")]}));
    assert!(super::history(&deleted, "movies").is_empty());
    let completed = read_history(json!({"slots": [done("Completed", "")]}));
    assert!(super::history(&completed, "tv").is_empty());
}

#[test]
fn the_output_path_climbs_to_the_folder_named_as_the_job() {
    let title = "Some.Movie.2024";
    assert_eq!(
        output_path("/complete/movies/Some.Movie.2024", title).as_deref(),
        Some(Path::new("/complete/movies/Some.Movie.2024"))
    );
    assert_eq!(
        output_path("/complete/movies/Some.Movie.2024/sub/movie.mkv", title).as_deref(),
        Some(Path::new("/complete/movies/Some.Movie.2024"))
    );
    assert_eq!(
        output_path("C:\\Complete\\Some.Movie.2024\\movie.mkv", title).as_deref(),
        Some(Path::new("C:\\Complete\\Some.Movie.2024"))
    );
    assert_eq!(output_path("", title), None);
}
