//! NZBGet's queue and history as Radarr reads them, from answers shaped as
//! NZBGet 21 gives them.

use serde_json::json;

use super::*;

fn group(answer: Value) -> Group {
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("a listgroups entry: {e}"))
}

fn history_item(answer: Value) -> HistoryItem {
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("a history entry: {e}"))
}

/// A history entry in `movies` whose every step went well.
fn succeeded() -> Value {
    json!({
        "ID": 7, "Name": "Some.Movie.2024", "Category": "movies",
        "FileSizeLo": 1000, "FileSizeHi": 1,
        "DestDir": "/downloads/intermediate/Some.Movie.2024.#7",
        "FinalDir": "",
        "ParStatus": "SUCCESS", "UnpackStatus": "SUCCESS", "MoveStatus": "SUCCESS",
        "ScriptStatus": "NONE", "DeleteStatus": "NONE", "MarkStatus": "NONE",
        "Parameters": [{"Name": "drone", "Value": "abc123"}, {"Name": "*Unpack:", "Value": "yes"}]
    })
}

fn status_of(changes: Value) -> Option<(DownloadStatus, Option<String>)> {
    let mut answer = succeeded();
    if let (Some(answer), Some(changes)) = (answer.as_object_mut(), changes.as_object()) {
        answer.extend(changes.clone());
    }
    history(&[history_item(answer)], "movies")
        .pop()
        .map(|item| (item.status, item.message))
}

#[test]
fn sizes_join_their_halves() {
    assert_eq!(size(1, 1000), (1 << 32) + 1000);
    assert_eq!(size(0, 4_294_967_295), 4_294_967_295);
}

#[test]
fn the_drone_parameter_is_the_id_in_queue_and_history() {
    let queued = group(json!({
        "NZBID": 3, "NZBName": "Some.Movie.2024", "Category": "movies",
        "Parameters": [{"Name": "drone", "Value": "abc123"}]
    }));
    assert_eq!(queued.download_id(), "abc123");
    assert_eq!(history_item(succeeded()).download_id(), "abc123");
    let foreign = group(json!({"NZBID": 3, "NZBName": "x", "Parameters": []}));
    assert_eq!(
        foreign.download_id(),
        "3",
        "NZBGet's id for one we did not add"
    );
}

#[test]
fn queue_states_follow_paused_and_active_sizes() {
    let groups = [
        // Paused by hand: all that remains is paused.
        group(json!({"NZBID": 1, "NZBName": "a", "Category": "movies",
            "FileSizeLo": 500, "RemainingSizeLo": 500, "PausedSizeLo": 500})),
        // Waiting its turn.
        group(json!({"NZBID": 2, "NZBName": "b", "Category": "movies",
            "FileSizeLo": 800, "RemainingSizeLo": 600, "PausedSizeLo": 100,
            "ActiveDownloads": 0})),
        // Downloading.
        group(json!({"NZBID": 3, "NZBName": "c", "Category": "movies",
            "FileSizeLo": 900, "RemainingSizeLo": 300, "ActiveDownloads": 2})),
        // Post-processing: nothing left to fetch.
        group(json!({"NZBID": 4, "NZBName": "d", "Category": "movies",
            "FileSizeLo": 900, "RemainingSizeLo": 0})),
    ];
    let status = GlobalStatus {
        download_paused: false,
        download_rate: 100,
    };
    let items = queue(&groups, &status, "movies");
    let seen: Vec<_> = items
        .iter()
        .map(|i| (i.status, i.remaining_size, i.remaining_time))
        .collect();
    assert_eq!(
        seen,
        [
            (DownloadStatus::Paused, 500, None),
            (DownloadStatus::Queued, 500, Some(Duration::from_secs(5))),
            // The time left counts the 500 bytes ahead of it.
            (
                DownloadStatus::Downloading,
                300,
                Some(Duration::from_secs(8))
            ),
            (DownloadStatus::Downloading, 0, Some(Duration::from_secs(8))),
        ]
    );
    assert!(
        items
            .iter()
            .all(|i| i.can_move_files && i.output_path.is_none())
    );
}

#[test]
fn a_paused_queue_pauses_everything_and_no_rate_means_no_time() {
    let groups = [group(
        json!({"NZBID": 1, "NZBName": "a", "Category": "movies",
        "RemainingSizeLo": 300, "ActiveDownloads": 1}),
    )];
    let paused = GlobalStatus {
        download_paused: true,
        download_rate: 100,
    };
    assert_eq!(
        queue(&groups, &paused, "movies")[0].status,
        DownloadStatus::Paused
    );
    let idle = GlobalStatus::default();
    let item = &queue(&groups, &idle, "movies")[0];
    assert_eq!(
        (item.status, item.remaining_time),
        (DownloadStatus::Downloading, None)
    );
}

#[test]
fn other_categories_are_left_out_but_still_count_ahead() {
    let groups = [
        group(json!({"NZBID": 1, "NZBName": "tv", "Category": "tv",
            "RemainingSizeLo": 1000, "ActiveDownloads": 1})),
        group(json!({"NZBID": 2, "NZBName": "film", "Category": "movies",
            "RemainingSizeLo": 1000})),
    ];
    let status = GlobalStatus {
        download_paused: false,
        download_rate: 1000,
    };
    let items = queue(&groups, &status, "movies");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title, "film");
    assert_eq!(items[0].remaining_time, Some(Duration::from_secs(2)));
}

#[test]
fn a_clean_history_item_is_completed_at_its_folder() {
    let items = history(&[history_item(succeeded())], "movies");
    let item = &items[0];
    assert_eq!(item.status, DownloadStatus::Completed);
    assert_eq!(item.message, None);
    assert_eq!(item.total_size, (1 << 32) + 1000);
    assert_eq!(
        item.output_path.as_deref(),
        Some(std::path::Path::new(
            "/downloads/intermediate/Some.Movie.2024.#7"
        ))
    );
    let mut moved = succeeded();
    moved["FinalDir"] = json!("/movies/Some.Movie.2024");
    let items = history(&[history_item(moved)], "movies");
    assert_eq!(
        items[0].output_path.as_deref(),
        Some(std::path::Path::new("/movies/Some.Movie.2024")),
        "a script's final folder wins"
    );
    assert!(history(&[history_item(succeeded())], "tv").is_empty());
}

#[test]
fn failed_steps_make_failures_and_warnings() {
    use DownloadStatus::{Completed, Failed, Warning};
    let status = |changes| status_of(changes).map(|(s, _)| s);
    assert_eq!(
        status(json!({"ParStatus": "NONE", "UnpackStatus": "NONE"})),
        Some(Completed)
    );
    assert_eq!(status(json!({"ParStatus": "FAILURE"})), Some(Failed));
    assert_eq!(status(json!({"UnpackStatus": "FAILURE"})), Some(Failed));
    assert_eq!(status(json!({"UnpackStatus": "SPACE"})), Some(Warning));
    assert_eq!(status(json!({"MoveStatus": "FAILURE"})), Some(Warning));
    assert_eq!(status(json!({"ScriptStatus": "FAILURE"})), Some(Failed));
    for deleted in ["HEALTH", "DUPE", "SCAN", "COPY", "BAD"] {
        assert_eq!(
            status(json!({"DeleteStatus": deleted})),
            Some(Failed),
            "{deleted}"
        );
    }
    assert_eq!(status(json!({"DeleteStatus": "GOOD"})), Some(Warning));
    assert_eq!(
        status(json!({"DeleteStatus": "MANUAL"})),
        None,
        "deleted by hand"
    );
    assert_eq!(
        status(json!({"DeleteStatus": "MANUAL", "MarkStatus": "BAD"})),
        Some(Failed)
    );
}

#[test]
fn a_failure_says_what_each_step_did() {
    let message = status_of(json!({"ParStatus": "NONE", "UnpackStatus": "NONE",
        "MoveStatus": "NONE", "DeleteStatus": "SCAN"}))
    .and_then(|(_, m)| m);
    assert_eq!(
        message.as_deref(),
        Some(
            "PAR Status: NONE - Unpack Status: NONE - Move Status: NONE - Script Status: NONE \
             - Delete Status: SCAN - Mark Status: NONE"
        )
    );
}
