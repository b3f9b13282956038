//! qBittorrent against the real daemon: each test has a category of its own
//! (unique per run, so runs and tests can overlap) and removes what it
//! added.

mod helpers;

use std::time::Duration;

use downloaders::fake::single_file_torrent;
use downloaders::{
    Connection, DownloadClient, DownloadError, DownloadItem, DownloadStatus, Grab, Payload,
    QBittorrent, QBittorrentInitialState, QBittorrentPriority, QBittorrentSettings, torrent_hash,
};
use sha1::{Digest, Sha1};

use helpers::{
    Raw, category, clean, client, client_with, connection, eventually, find, grab, magnet,
};

#[tokio::test]
async fn a_torrent_whose_data_is_on_disk_completes_and_is_removed_with_it() {
    let raw = Raw::new().await;
    let category = category("complete");
    let client = client(&category);
    // Radarr sends no save path: the data goes where qBittorrent saves.
    let name = format!("{category}.mkv");
    let file = raw.save_path().await.join(&name);
    // Three pieces and a bit, the last one short; the category makes the
    // data, and so the hash, this run's own.
    let data: Vec<u8> = category.bytes().cycle().take(50_000).collect();
    std::fs::write(&file, &data).expect("data");
    let torrent = single_file_torrent(&name, &data);

    let id = client.add(&grab(Payload::Torrent(torrent.clone()))).await;
    let id = id.expect("added").expect("an id");
    assert_eq!(Some(&id), torrent_hash::of_torrent(&torrent).as_ref());
    // Listed at once, if only as being checked.
    assert!(find(&client, &id).await.is_some(), "trackable on return");

    // qBittorrent checks the data it finds on adding, and seeds it.
    let item = eventually("the torrent is complete", || async {
        find(&client, &id)
            .await
            .filter(|i| i.status == DownloadStatus::Completed)
    })
    .await;
    assert_eq!(item.title, name);
    assert_eq!(item.output_path.as_ref(), Some(&file));
    assert_eq!((item.total_size, item.remaining_size), (50_000, 0));
    assert_eq!(item.remaining_time, Some(Duration::ZERO));
    assert_eq!(item.message, None);
    assert!(!item.can_move_files, "still seeding: copy, do not move");

    // Paused by hand, with no limit reached, it is still not ours to move…
    let hash = id.to_ascii_lowercase();
    raw.post("torrents/pause", &[("hashes", &hash)]).await;
    eventually("the torrent is paused", || async {
        (raw.torrent(&id, "state").await == "pausedUP").then_some(())
    })
    .await;
    let paused = find(&client, &id).await.expect("listed");
    assert_eq!(paused.status, DownloadStatus::Completed);
    assert!(!paused.can_move_files && !paused.can_be_removed);
    // …but past a ratio limit of its own (0: reached at once) it is.
    let limits = [
        ("hashes", hash.as_str()),
        ("ratioLimit", "0"),
        ("seedingTimeLimit", "-2"),
    ];
    raw.post("torrents/setShareLimits", &limits).await;
    let done = eventually("the ratio limit shows", || async {
        find(&client, &id).await.filter(|i| i.can_move_files)
    })
    .await;
    assert!(done.can_be_removed);

    // Adding it again is the same download.
    let again = client.add(&grab(Payload::Torrent(torrent))).await;
    assert_eq!(again.expect("duplicate"), Some(id.clone()));

    client.remove(&id, true).await.expect("removed");
    eventually("the data is deleted", || async {
        (!file.exists()).then_some(())
    })
    .await;
    assert_eq!(find(&client, &id).await, None);
    let gone = client.remove(&id, true).await;
    assert!(matches!(gone, Err(DownloadError::NotFound(_))), "{gone:?}");
    clean(&client, &category).await;
}

#[tokio::test]
async fn a_paused_magnet_is_listed_by_its_hash_while_it_waits_for_metadata() {
    let category = category("magnet");
    let paused = QBittorrentSettings {
        initial_state: QBittorrentInitialState::Pause,
        ..QBittorrentSettings::default()
    };
    let client = client_with(&category, paused);
    let link = magnet(&category);

    let id = client.add(&grab(Payload::Magnet(link.clone()))).await;
    let id = id.expect("added").expect("an id");
    assert_eq!(Some(&id), torrent_hash::of_magnet(&link).as_ref());

    let item = eventually("the magnet is paused", || async {
        find(&client, &id)
            .await
            .filter(|i| i.status == DownloadStatus::Paused)
    })
    .await;
    assert_eq!(item.output_path, None, "no metadata, no files yet");
    assert_eq!(item.total_size, 0);
    assert!(!item.can_be_removed, "nothing downloaded, nothing seeded");
    // The category was made for it.
    let categories = Raw::new().await.get("torrents/categories", &[]).await;
    assert!(categories.get(&category).is_some(), "{categories}");

    client.remove(&id, false).await.expect("removed");
    eventually("the magnet is gone", || async {
        find(&client, &id).await.is_none().then_some(())
    })
    .await;
    clean(&client, &category).await;
}

#[tokio::test]
async fn an_imported_torrent_moves_to_the_post_import_category_and_stays() {
    let category = category("post-import");
    let imported = format!("{category}-imported");
    let settings = QBittorrentSettings {
        initial_state: QBittorrentInitialState::Pause,
        imported_category: imported.clone(),
        ..QBittorrentSettings::default()
    };
    let client = client_with(&category, settings);
    let id = client
        .add(&grab(Payload::Magnet(magnet(&category))))
        .await
        .expect("added")
        .expect("an id");
    let item = eventually("listed", || async { find(&client, &id).await }).await;
    assert!(!item.can_be_removed, "left to the post-import category");

    client.mark_imported(&id).await.expect("marked");
    let raw = Raw::new().await;
    assert_eq!(raw.torrent(&id, "category").await, imported.as_str());
    assert_eq!(
        client.downloads().await.expect("downloads"),
        [],
        "no longer among ours"
    );
    // Without a post-import category, nothing changes.
    let plain = client_with(&imported, QBittorrentSettings::default());
    plain.mark_imported(&id).await.expect("nothing to do");
    assert_eq!(raw.torrent(&id, "category").await, imported.as_str());

    clean(&plain, &imported).await;
    raw.post("torrents/removeCategories", &[("categories", &category)])
        .await;
}

#[tokio::test]
async fn a_magnet_without_trackers_is_refused_when_dht_is_off() {
    let raw = Raw::new().await;
    let preferences = raw.get("app/preferences", &[]).await;
    assert_eq!(
        preferences["dht"], false,
        "the test daemon runs without DHT"
    );
    let category = category("lonely");
    let client = client(&category);
    let hash: String = Sha1::digest(category.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let lonely = format!("magnet:?xt=urn:btih:{hash}&dn={category}");
    let result = client.add(&grab(Payload::Magnet(lonely))).await;
    assert!(
        matches!(&result, Err(DownloadError::Unsupported(m)) if m.contains("DHT")),
        "{result:?}"
    );
    assert_eq!(client.downloads().await.expect("downloads"), []);
}

#[tokio::test]
async fn only_the_categorys_torrents_are_listed() {
    let (one, other) = (category("list-one"), category("list-other"));
    let (first, second) = (client(&one), client(&other));
    let a = first.add(&grab(Payload::Magnet(magnet(&one)))).await;
    let b = second.add(&grab(Payload::Magnet(magnet(&other)))).await;
    let (a, b) = (a.expect("a").expect("id"), b.expect("b").expect("id"));

    let ids = |items: Vec<DownloadItem>| -> Vec<String> {
        items.into_iter().map(|i| i.download_id).collect()
    };
    assert_eq!(ids(first.downloads().await.expect("one")), [a.as_str()]);
    assert_eq!(ids(second.downloads().await.expect("other")), [b.as_str()]);
    // Without a category every torrent is ours.
    let everything = ids(client("").downloads().await.expect("all"));
    assert!(everything.contains(&a) && everything.contains(&b));

    clean(&first, &one).await;
    clean(&second, &other).await;
}

#[tokio::test]
async fn a_recent_movie_with_first_priority_goes_to_the_top_of_the_queue() {
    let raw = Raw::new().await;
    let preferences = raw.get("app/preferences", &[]).await;
    assert_eq!(preferences["queueing_enabled"], true, "the daemon queues");
    let category = category("priority");
    let settings = QBittorrentSettings {
        recent_priority: QBittorrentPriority::First,
        older_priority: QBittorrentPriority::Last,
        initial_state: QBittorrentInitialState::Pause,
        ..QBittorrentSettings::default()
    };
    let client = client_with(&category, settings);

    let older = grab(Payload::Magnet(magnet(&format!("{category}-older"))));
    let older = client.add(&older).await.expect("older").expect("id");
    let recent = Grab {
        recent: true,
        ..grab(Payload::Magnet(magnet(&format!("{category}-recent"))))
    };
    let recent = client.add(&recent).await.expect("recent").expect("id");

    // qBittorrent lists the new queue position after its next refresh.
    eventually("the recent movie is first in the queue", || async {
        (raw.torrent(&recent, "priority").await == 1).then_some(())
    })
    .await;
    let last = raw.torrent(&older, "priority").await;
    assert!(
        last.as_i64().is_some_and(|p| p > 1),
        "older stays behind: {last}"
    );
    clean(&client, &category).await;
}

#[tokio::test]
async fn force_start_and_the_piece_order_settings_reach_the_torrent() {
    let raw = Raw::new().await;
    let category = category("forced");
    let settings = QBittorrentSettings {
        initial_state: QBittorrentInitialState::ForceStart,
        sequential_order: true,
        first_and_last: true,
        ..QBittorrentSettings::default()
    };
    let client = client_with(&category, settings);
    let id = client.add(&grab(Payload::Magnet(magnet(&category)))).await;
    let id = id.expect("added").expect("an id");
    eventually("the torrent is force started", || async {
        (raw.torrent(&id, "force_start").await == true).then_some(())
    })
    .await;
    assert_eq!(raw.torrent(&id, "seq_dl").await, true);
    assert_eq!(raw.torrent(&id, "f_l_piece_prio").await, true);
    clean(&client, &category).await;
}

#[tokio::test]
async fn the_test_passes_and_creates_both_categories() {
    let category = category("test");
    let imported = format!("{category}-imported");
    let settings = QBittorrentSettings {
        imported_category: imported.clone(),
        ..QBittorrentSettings::default()
    };
    let client = client_with(&category, settings);
    client.test().await.expect("the test passes");
    let raw = Raw::new().await;
    let categories = raw.get("torrents/categories", &[]).await;
    assert!(categories.get(&category).is_some(), "{categories}");
    assert!(categories.get(&imported).is_some(), "{categories}");
    // Passing again finds them there.
    client.test().await.expect("the test passes again");
    let both = format!("{category}\n{imported}");
    raw.post("torrents/removeCategories", &[("categories", &both)])
        .await;

    let bad = client_with("movies//radarr", QBittorrentSettings::default());
    let result = bad.test().await;
    assert!(
        matches!(
            result,
            Err(DownloadError::Setting {
                setting: "movieCategory",
                ..
            })
        ),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_wrong_password_fails_the_test_as_authentication() {
    let wrong = QBittorrent::new(
        Connection {
            password: "not-the-password".into(),
            ..connection()
        },
        QBittorrentSettings::default(),
    );
    let result = wrong.test().await;
    // A good login resets qBittorrent's count of failed ones, which would
    // otherwise ban the address after five.
    let _reset = Raw::new().await;
    assert!(matches!(result, Err(DownloadError::Auth(_))), "{result:?}");
}

#[tokio::test]
async fn a_closed_port_fails_the_test_as_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("its address").port();
    drop(listener);
    let client = QBittorrent::new(
        Connection {
            port,
            ..connection()
        },
        QBittorrentSettings::default(),
    );
    let result = client.test().await;
    assert!(
        matches!(result, Err(DownloadError::Unreachable { .. })),
        "{result:?}"
    );
}

#[tokio::test]
async fn an_nzb_is_not_for_qbittorrent() {
    let result = client("nzb")
        .add(&grab(Payload::Nzb(b"<nzb/>".to_vec())))
        .await;
    assert!(
        matches!(result, Err(DownloadError::Unsupported(_))),
        "{result:?}"
    );
}
