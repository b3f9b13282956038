//! The chapter on tracked downloads and remote path mappings.

use chrono::{TimeZone, Utc};
use domain::download::{QueueStatus, StatusMessage, TrackedDownload, TrackedDownloadState};
use domain::provider::{Provider, ProviderKind};
use domain::quality::QualityModel;
use domain::release::Protocol;
use domain::remote_path::RemotePathMapping;

use crate::Store;

use super::fixtures::{full_movie, seeded};

fn client(name: &str) -> Provider {
    Provider {
        id: 0,
        kind: ProviderKind::DownloadClient,
        name: name.into(),
        implementation: "QBittorrent".into(),
        config_contract: "QBittorrentSettings".into(),
        settings: serde_json::Map::new(),
        options: serde_json::Map::new(),
        tags: vec![],
    }
}

fn download(client_id: i32, download_id: &str, movie_id: Option<i32>) -> TrackedDownload {
    TrackedDownload {
        id: 0,
        client_id,
        client_name: "qBittorrent".into(),
        download_id: download_id.into(),
        protocol: Protocol::Torrent,
        title: format!("Release.{download_id}.2020.1080p.BluRay.x264-GRP"),
        movie_id,
        quality: QualityModel::default(),
        languages: vec![],
        custom_formats: vec![3],
        custom_format_score: 10,
        indexer: Some("Indexer".into()),
        size: 1000,
        size_left: 400,
        time_left: Some(60),
        status: QueueStatus::Downloading,
        state: TrackedDownloadState::Downloading,
        tracked_status: Default::default(),
        status_messages: vec![StatusMessage::new("a.mkv", "Sample")],
        error_message: None,
        output_path: Some("/downloads/a".into()),
        can_move_files: false,
        can_be_removed: false,
        added: Utc
            .with_ymd_and_hms(2026, 1, 2, 3, 4, 5)
            .single()
            .unwrap_or_default(),
        import_path: Some("/movies/a.mkv".into()),
        replaced_path: Some("/movies/old.mkv".into()),
    }
}

/// A client's downloads are saved as a set: kept by download id (their ids
/// stable), changed in place, dropped when the client no longer holds them;
/// another client's are untouched; a deleted movie leaves its download
/// unknown.
pub async fn tracked_downloads_follow_each_client(store: &dyn Store) {
    seeded(store).await;
    let first = store.add_provider(&client("first")).await.expect("client");
    let second = store.add_provider(&client("second")).await.expect("client");
    let movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("movie");

    let saved = store
        .save_client_downloads(
            first.id,
            &[
                download(first.id, "A", Some(movie.id)),
                download(first.id, "B", None),
            ],
        )
        .await
        .expect("save");
    assert_eq!(saved.len(), 2);
    let a = saved[0].clone();
    assert_eq!(
        a,
        TrackedDownload {
            id: a.id,
            ..download(first.id, "A", Some(movie.id))
        },
        "read back whole"
    );
    store
        .save_client_downloads(second.id, &[download(second.id, "A", None)])
        .await
        .expect("the same download id in another client");

    let mut changed = download(first.id, "A", Some(movie.id));
    changed.size_left = 0;
    changed.status = QueueStatus::Completed;
    changed.state = TrackedDownloadState::ImportPending;
    let saved = store
        .save_client_downloads(first.id, &[changed.clone(), download(first.id, "C", None)])
        .await
        .expect("save again");
    let ids: Vec<(i32, &str)> = saved
        .iter()
        .map(|d| (d.id, d.download_id.as_str()))
        .collect();
    assert_eq!(ids.len(), 2, "B is gone from the client: {ids:?}");
    assert_eq!(ids[0], (a.id, "A"), "A kept its id");
    assert_eq!(saved[0].state, TrackedDownloadState::ImportPending);
    assert_eq!(ids[1].1, "C");
    assert_eq!(store.tracked_downloads().await.expect("all").len(), 3);

    let mut imported = saved[0].clone();
    imported.state = TrackedDownloadState::Imported;
    let updated = store
        .update_tracked_download(&imported)
        .await
        .expect("update");
    assert_eq!(updated, imported);
    assert_eq!(store.tracked_download(a.id).await.expect("one"), imported);
    assert!(
        store
            .update_tracked_download(&TrackedDownload {
                id: 9999,
                ..imported.clone()
            })
            .await
            .is_err_and(|e| e.is_not_found())
    );

    store
        .delete_movies(&[movie.id], &[])
        .await
        .expect("delete movie");
    assert_eq!(
        store.tracked_download(a.id).await.expect("kept").movie_id,
        None,
        "the download outlives its movie"
    );
    store
        .delete_tracked_downloads(&[a.id, 9999])
        .await
        .expect("delete");
    assert!(
        store
            .tracked_download(a.id)
            .await
            .is_err_and(|e| e.is_not_found())
    );
    store
        .delete_providers(ProviderKind::DownloadClient, &[second.id])
        .await
        .expect("delete client");
    let left: Vec<String> = store
        .tracked_downloads()
        .await
        .expect("all")
        .into_iter()
        .map(|d| format!("{}:{}", d.client_id, d.download_id))
        .collect();
    assert_eq!(
        left,
        vec![format!("{}:C", first.id)],
        "a client's go with it"
    );
}

/// Remote path mappings are added, read, changed and removed.
pub async fn remote_path_mappings_are_kept(store: &dyn Store) {
    let mapping = RemotePathMapping {
        id: 0,
        host: "nas".into(),
        remote_path: "/downloads/".into(),
        local_path: "/mnt/nas/downloads/".into(),
    };
    let added = store.add_remote_path_mapping(&mapping).await.expect("add");
    assert!(added.id > 0);
    assert_eq!(
        store.remote_path_mappings().await.expect("list"),
        vec![added.clone()]
    );
    let changed = RemotePathMapping {
        local_path: "/srv/downloads/".into(),
        ..added.clone()
    };
    store
        .update_remote_path_mapping(&changed)
        .await
        .expect("update");
    assert_eq!(
        store.remote_path_mapping(added.id).await.expect("one"),
        changed
    );
    store
        .delete_remote_path_mapping(added.id)
        .await
        .expect("delete");
    assert!(
        store
            .delete_remote_path_mapping(added.id)
            .await
            .is_err_and(|e| e.is_not_found())
    );
    assert!(store.remote_path_mappings().await.expect("list").is_empty());
}

fn blocked(movie_id: i32, title: &str, day: u32) -> domain::blocklist::BlocklistEntry {
    domain::blocklist::BlocklistEntry {
        id: 0,
        movie_id,
        source_title: title.into(),
        quality: QualityModel::default(),
        languages: vec![domain::Language::ENGLISH],
        custom_formats: vec![2],
        date: Utc
            .with_ymd_and_hms(2026, 3, day, 0, 0, 0)
            .single()
            .unwrap_or_default(),
        published_date: Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single(),
        size: Some(1_500_000_000),
        protocol: Protocol::Torrent,
        indexer: Some("Indexer".into()),
        message: Some("Par repair failed".into()),
        torrent_info_hash: Some("ABCDEF".into()),
    }
}

/// Blocklist entries are kept whole, read newest first per movie, removed
/// by id or all at once, and go with their movie.
pub async fn blocklist_is_kept_per_movie(store: &dyn Store) {
    seeded(store).await;
    let a = store
        .add_movie(&full_movie(1, "A", 2001))
        .await
        .expect("movie");
    let b = store
        .add_movie(&full_movie(2, "B", 2002))
        .await
        .expect("movie");
    let first = store
        .add_blocklist(&blocked(a.id, "A.2001.720p", 1))
        .await
        .expect("add");
    let second = store
        .add_blocklist(&blocked(a.id, "A.2001.1080p", 2))
        .await
        .expect("add");
    let other = store
        .add_blocklist(&blocked(b.id, "B.2002.1080p", 3))
        .await
        .expect("add");
    assert_eq!(
        store.blocklist(&[a.id]).await.expect("a's"),
        vec![second.clone(), first.clone()],
        "newest first, read back whole"
    );
    assert_eq!(store.blocklist(&[]).await.expect("all").len(), 3);
    assert_eq!(
        store
            .delete_blocklist(&[first.id, 9999])
            .await
            .expect("delete"),
        1
    );
    store
        .delete_movies(&[b.id], &[])
        .await
        .expect("delete movie");
    assert_eq!(store.blocklist(&[]).await.expect("all"), vec![second]);
    assert!(
        store.blocklist(&[b.id]).await.expect("b's").is_empty(),
        "{other:?} went with B"
    );
    store.clear_blocklist().await.expect("clear");
    assert!(store.blocklist(&[]).await.expect("all").is_empty());
}
