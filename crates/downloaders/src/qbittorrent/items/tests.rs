//! How torrents read as Radarr's downloads.

use super::*;

const HASH: &str = "c9e15763f722f23e98a29decdfae341b98d53056";

/// A 1000-byte torrent half downloaded, in `state`.
fn torrent(state: &str) -> Torrent {
    Torrent {
        hash: HASH.into(),
        name: "Movie.2024.mkv".into(),
        size: 1000,
        progress: 0.5,
        eta: 30,
        state: state.into(),
        save_path: "/downloads/radarr".into(),
        content_path: Some("/downloads/radarr/Movie.2024.mkv".into()),
        ratio_limit: -2.0,
        seeding_time_limit: -2,
        seeding_time: Some(0),
        trackers_count: 1,
        ..Torrent::default()
    }
}

fn done(state: &str) -> Torrent {
    Torrent {
        progress: 1.0,
        eta: UNKNOWN_ETA,
        ..torrent(state)
    }
}

fn state_of(state: &str) -> DownloadStatus {
    status(&torrent(state), &Preferences::default()).0
}

#[test]
fn states_map_to_radarrs_statuses() {
    use DownloadStatus::*;
    let cases = [
        ("pausedDL", Paused),
        ("stoppedDL", Paused),
        ("queuedDL", Queued),
        ("checkingDL", Queued),
        ("checkingUP", Queued),
        ("checkingResumeData", Queued),
        ("downloading", Downloading),
        ("forcedDL", Downloading),
        ("allocating", Downloading),
        ("moving", Downloading),
        ("uploading", Completed),
        ("stalledUP", Completed),
        ("pausedUP", Completed),
        ("stoppedUP", Completed),
        ("queuedUP", Completed),
        ("forcedUP", Completed),
    ];
    for (state, expected) in cases {
        assert_eq!(state_of(state), expected, "{state}");
    }
}

#[test]
fn trouble_is_a_warning_with_its_reason() {
    let none = Preferences::default();
    for (state, words) in [
        ("error", "reporting an error"),
        ("missingFiles", "missing files"),
        ("stalledDL", "stalled with no connections"),
    ] {
        let (status, message) = status(&torrent(state), &none);
        assert_eq!(status, DownloadStatus::Warning, "{state}");
        assert!(message.is_some_and(|m| m.contains(words)), "{state}");
    }
    let (status, message) = status(&torrent("someNewState"), &none);
    assert_eq!(status, DownloadStatus::Downloading);
    assert_eq!(
        message.as_deref(),
        Some("Unknown download state: someNewState")
    );
}

#[test]
fn a_magnet_without_dht_or_trackers_cannot_resolve() {
    let lonely = Torrent {
        trackers_count: 0,
        ..torrent("metaDL")
    };
    let no_dht = Preferences::default();
    let (status_, message) = status(&lonely, &no_dht);
    assert_eq!(status_, DownloadStatus::Warning);
    assert!(message.is_some_and(|m| m.contains("DHT disabled")));
    let dht = Preferences {
        dht: true,
        ..Preferences::default()
    };
    assert_eq!(status(&lonely, &dht).0, DownloadStatus::Queued);
    // A tracker can send the metadata without DHT.
    assert_eq!(
        status(&torrent("metaDL"), &no_dht).0,
        DownloadStatus::Queued
    );
    assert_eq!(
        status(&torrent("forcedMetaDL"), &no_dht).0,
        DownloadStatus::Downloading
    );
}

#[test]
fn the_item_has_the_upper_case_hash_sizes_and_time_left() {
    let item = torrent("downloading").item(&Preferences::default());
    assert_eq!(item.download_id, HASH.to_ascii_uppercase());
    assert_eq!((item.total_size, item.remaining_size), (1000, 500));
    assert_eq!(item.remaining_time, Some(Duration::from_secs(30)));
    let unknown = Torrent {
        eta: UNKNOWN_ETA,
        ..torrent("stalledDL")
    };
    assert_eq!(unknown.item(&Preferences::default()).remaining_time, None);
    let finished = done("stalledUP").item(&Preferences::default());
    assert_eq!(finished.remaining_size, 0);
    assert_eq!(finished.remaining_time, Some(Duration::ZERO));
}

#[test]
fn the_output_path_is_the_content_path_or_the_save_folder_and_name() {
    let path = |t: Torrent| t.item(&Preferences::default()).output_path;
    let file = Some(PathBuf::from("/downloads/radarr/Movie.2024.mkv"));
    assert_eq!(path(torrent("downloading")), file);
    let old_api = Torrent {
        content_path: None,
        ..torrent("downloading")
    };
    assert_eq!(path(old_api), file);
    // Relative while qBittorrent loads it; nothing before the metadata.
    let loading = Torrent {
        content_path: Some("Movie.2024.mkv".into()),
        ..torrent("checkingResumeData")
    };
    assert_eq!(path(loading), file);
    let magnet = Torrent {
        content_path: Some(String::new()),
        ..torrent("metaDL")
    };
    assert_eq!(path(magnet), None);
    let windows = Torrent {
        content_path: Some(r"D:\Downloads\Movie.2024.mkv".into()),
        ..torrent("downloading")
    };
    assert_eq!(
        path(windows),
        Some(PathBuf::from(r"D:\Downloads\Movie.2024.mkv"))
    );
}

#[test]
fn a_finished_torrent_in_the_save_folder_itself_cannot_be_imported() {
    let flat = Torrent {
        content_path: Some("/downloads/radarr/".into()),
        ..done("stalledUP")
    };
    let item = flat.item(&Preferences::default());
    assert_eq!(item.status, DownloadStatus::Warning);
    assert!(item.message.is_some_and(|m| m.contains("Unable to Import")));
    assert_eq!(item.output_path, None);
}

#[test]
fn only_a_paused_torrent_past_its_seeding_goal_may_be_moved() {
    let global = Preferences {
        max_ratio_enabled: true,
        max_ratio: 1.0,
        ..Preferences::default()
    };
    let seeded = |state: &str, ratio| Torrent {
        ratio,
        ..done(state)
    };
    let item = seeded("pausedUP", 1.5).item(&global);
    assert!(item.can_move_files && item.can_be_removed);
    assert!(seeded("stoppedUP", 1.5).item(&global).can_move_files);
    assert!(
        !seeded("pausedUP", 0.5).item(&global).can_move_files,
        "short of it"
    );
    assert!(
        !seeded("stalledUP", 1.5).item(&global).can_move_files,
        "still seeding"
    );
    let by_hand = seeded("pausedUP", 1.5).item(&Preferences::default());
    assert!(!by_hand.can_be_removed, "no limit: paused by hand");
    // The torrent's own limit wins over the global one.
    let own = Torrent {
        ratio_limit: 2.0,
        ..seeded("pausedUP", 1.5)
    };
    assert!(!own.item(&global).can_be_removed);
    let unlimited = Torrent {
        ratio_limit: -1.0,
        ..seeded("pausedUP", 1.5)
    };
    assert!(!unlimited.item(&global).can_be_removed, "-1: no limit");
}

#[test]
fn a_seeding_time_limit_counts_in_minutes() {
    let timed = |limit, seconds| Torrent {
        seeding_time_limit: limit,
        seeding_time: seconds,
        ..done("pausedUP")
    };
    let none = Preferences::default();
    assert!(timed(10, Some(600)).item(&none).can_move_files);
    assert!(!timed(10, Some(599)).item(&none).can_move_files);
    assert!(!timed(10, None).item(&none).can_move_files, "unknown: copy");
    let global = Preferences {
        max_seeding_time_enabled: true,
        max_seeding_time: 1,
        ..Preferences::default()
    };
    assert!(timed(-2, Some(60)).item(&global).can_move_files);
    assert!(!timed(-1, Some(60)).item(&global).can_move_files);
}

#[test]
fn removing_at_the_limit_is_what_radarr_refuses() {
    let prefs = |enabled, act| Preferences {
        max_ratio_enabled: enabled,
        max_ratio_act: act,
        ..Preferences::default()
    };
    assert!(prefs(true, 1).removes_at_limit());
    assert!(prefs(true, 3).removes_at_limit());
    assert!(!prefs(true, 0).removes_at_limit(), "pausing is fine");
    assert!(!prefs(false, 1).removes_at_limit(), "no limit at all");
}
