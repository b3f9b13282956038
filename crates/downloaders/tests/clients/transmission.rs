//! Transmission against the real daemon: each test has a category of its
//! own (unique per run, so runs and tests can overlap) and removes what it
//! added.

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use downloaders::fake::single_file_torrent;
use downloaders::{
    Connection, DownloadClient, DownloadError, DownloadItem, DownloadStatus, Grab, Payload,
    Transmission, TransmissionPriority, TransmissionSettings, torrent_hash,
};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use crate::support;

/// How long Transmission gets to check a torrent's data or stop one.
const PATIENCE: Duration = Duration::from_secs(30);

fn connection() -> Connection {
    Connection {
        url_base: "/transmission/".into(),
        ..support::connection("UNIFIED_RADARR_TEST_TRANSMISSION")
    }
}

/// A category for one test in this run: Radarr allows only a-z and `-`,
/// so the run's mark is written in letters.
fn category(test: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut mark = nanos ^ (u128::from(std::process::id()) << 64);
    let letters: String = (0..12)
        .map(|_| {
            let letter = char::from(b'a' + (mark % 26) as u8);
            mark /= 26;
            letter
        })
        .collect();
    format!("ur-{test}-{letters}")
}

fn client_with(category: &str, settings: TransmissionSettings) -> Transmission {
    let settings = TransmissionSettings {
        category: category.into(),
        ..settings
    };
    Transmission::new(connection(), settings)
}

fn client(category: &str) -> Transmission {
    client_with(category, TransmissionSettings::default())
}

/// A magnet link no peer will ever answer, its hash taken from `seed`.
fn magnet(seed: &str) -> String {
    let hash: String = Sha1::digest(seed.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("magnet:?xt=urn:btih:{hash}&dn={seed}")
}

fn grab(payload: Payload) -> Grab {
    Grab {
        title: "Test.Movie.2024.1080p.WEB-DL".into(),
        payload,
        recent: false,
    }
}

/// Polls `check` until it gives a value, for at most [`PATIENCE`].
async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < PATIENCE, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn find(client: &Transmission, id: &str) -> Option<DownloadItem> {
    let items = client.downloads().await.expect("downloads");
    items.into_iter().find(|item| item.download_id == id)
}

/// Removes, with their data, whatever a test's category still holds.
async fn clean(client: &Transmission) {
    for item in client.downloads().await.expect("downloads") {
        client
            .remove(&item.download_id, true)
            .await
            .expect("remove");
    }
}

/// Transmission's RPC spoken by hand, for what the client does not do.
struct Raw {
    http: reqwest::Client,
    connection: Connection,
}

impl Raw {
    fn new() -> Self {
        Raw {
            http: reqwest::Client::new(),
            connection: connection(),
        }
    }

    async fn post(&self, body: &Value, session_id: &str) -> reqwest::Response {
        let c = &self.connection;
        self.http
            .post(c.url("rpc"))
            .basic_auth(&c.username, Some(&c.password))
            .header("X-Transmission-Session-Id", session_id)
            .json(body)
            .send()
            .await
            .expect("Transmission answers")
    }

    async fn call(&self, method: &str, arguments: Value) -> Value {
        let body = json!({"method": method, "arguments": arguments});
        let first = self.post(&body, "").await;
        assert_eq!(first.status(), 409, "no session id yet");
        let id = first.headers()["X-Transmission-Session-Id"]
            .to_str()
            .expect("ASCII id")
            .to_string();
        let answer: Value = self.post(&body, &id).await.json().await.expect("JSON");
        assert_eq!(answer["result"], "success", "{method}: {answer}");
        answer["arguments"].clone()
    }

    async fn download_dir(&self) -> PathBuf {
        let session = self.call("session-get", json!({})).await;
        PathBuf::from(session["download-dir"].as_str().expect("download-dir"))
    }

    async fn torrent(&self, id: &str, field: &str) -> Value {
        let arguments = json!({"ids": [id.to_ascii_lowercase()], "fields": [field]});
        let answer = self.call("torrent-get", arguments).await;
        answer["torrents"][0][field].clone()
    }
}

#[tokio::test]
async fn a_torrent_whose_data_is_on_disk_completes_and_is_removed_with_it() {
    let raw = Raw::new();
    let category = category("complete");
    let client = client(&category);
    let folder = raw.download_dir().await.join(&category);
    std::fs::create_dir_all(&folder).expect("category folder");
    let name = format!("{category}.mkv");
    // Three pieces and a bit, the last one short; the category makes the
    // data, and so the hash, this run's own.
    let data: Vec<u8> = category.bytes().cycle().take(50_000).collect();
    std::fs::write(folder.join(&name), &data).expect("data");
    let torrent = single_file_torrent(&name, &data);

    let id = client.add(&grab(Payload::Torrent(torrent.clone()))).await;
    let id = id.expect("added").expect("an id");
    assert_eq!(Some(&id), torrent_hash::of_torrent(&torrent).as_ref());

    // Transmission checks the data it finds on adding, and seeds it.
    let item = eventually("the torrent is complete", || async {
        find(&client, &id)
            .await
            .filter(|i| i.status == DownloadStatus::Completed)
    })
    .await;
    assert_eq!(item.title, name);
    assert_eq!(item.output_path, Some(folder.join(&name)));
    assert_eq!((item.total_size, item.remaining_size), (50_000, 0));
    assert_eq!(item.message, None);
    assert!(!item.can_move_files, "still seeding: copy, do not move");

    // A ratio limit of 0 is reached at once: Transmission stops seeding,
    // and the files are then ours to move.
    let limit = json!({"ids": [id.to_ascii_lowercase()], "seedRatioMode": 1, "seedRatioLimit": 0});
    raw.call("torrent-set", limit).await;
    let stopped = eventually("seeding stops at the ratio limit", || async {
        find(&client, &id).await.filter(|i| i.can_move_files)
    })
    .await;
    assert_eq!(stopped.status, DownloadStatus::Completed);
    assert!(stopped.can_be_removed);

    // Adding it again is the same download.
    let again = client.add(&grab(Payload::Torrent(torrent))).await;
    assert_eq!(again.expect("duplicate"), Some(id.clone()));

    client.remove(&id, true).await.expect("removed");
    eventually("the data is deleted", || async {
        (!folder.join(&name).exists()).then_some(())
    })
    .await;
    assert_eq!(find(&client, &id).await, None);
    let gone = client.remove(&id, true).await;
    assert!(matches!(gone, Err(DownloadError::NotFound(_))), "{gone:?}");
    let _ = std::fs::remove_dir(&folder);
}

#[tokio::test]
async fn a_paused_magnet_is_listed_by_its_hash_while_it_waits_for_metadata() {
    let category = category("magnet");
    let paused = TransmissionSettings {
        add_paused: true,
        ..TransmissionSettings::default()
    };
    let client = client_with(&category, paused);
    let link = magnet(&category);

    let id = client.add(&grab(Payload::Magnet(link.clone()))).await;
    let id = id.expect("added").expect("an id");
    assert_eq!(Some(&id), torrent_hash::of_magnet(&link).as_ref());

    let item = find(&client, &id).await.expect("listed");
    assert_eq!(item.status, DownloadStatus::Paused);
    assert!(item.message.is_some_and(|m| m.contains("metadata")));
    assert!(!item.can_be_removed, "nothing downloaded, nothing seeded");
    let folder = Raw::new().download_dir().await.join(&category);
    assert_eq!(item.output_path.map(|p| p.starts_with(&folder)), Some(true));

    client.remove(&id, false).await.expect("removed");
    assert_eq!(find(&client, &id).await, None);
}

#[tokio::test]
async fn only_the_category_folders_torrents_are_listed() {
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

    clean(&first).await;
    clean(&second).await;
}

#[tokio::test]
async fn a_recent_movie_with_first_priority_goes_to_the_top_of_the_queue() {
    let category = category("priority");
    let settings = TransmissionSettings {
        recent_priority: TransmissionPriority::First,
        older_priority: TransmissionPriority::Last,
        add_paused: true,
        ..TransmissionSettings::default()
    };
    let client = client_with(&category, settings);
    let raw = Raw::new();

    let older = grab(Payload::Magnet(magnet(&format!("{category}-older"))));
    let older = client.add(&older).await.expect("older").expect("id");
    let recent = Grab {
        recent: true,
        ..grab(Payload::Magnet(magnet(&format!("{category}-recent"))))
    };
    let recent = client.add(&recent).await.expect("recent").expect("id");

    assert_eq!(raw.torrent(&recent, "queuePosition").await, json!(0));
    let last = raw.torrent(&older, "queuePosition").await;
    assert!(
        last.as_u64().is_some_and(|p| p > 0),
        "older stays queued: {last}"
    );
    clean(&client).await;
}

#[tokio::test]
async fn a_fresh_client_passes_the_session_id_handshake() {
    // Transmission answers a request without its session id with a 409…
    let raw = Raw::new();
    let body = json!({"method": "session-get"});
    let refused = raw.post(&body, "").await;
    assert_eq!(refused.status(), 409);
    assert!(refused.headers().contains_key("X-Transmission-Session-Id"));
    // …which a new client takes in its stride, and keeps the id it was given.
    let client = client(&category("handshake"));
    client.test().await.expect("the test passes");
    assert_eq!(client.downloads().await.expect("downloads"), []);
}

#[tokio::test]
async fn a_wrong_password_fails_the_test_as_authentication() {
    let client = Transmission::new(
        Connection {
            password: "not-the-password".into(),
            ..connection()
        },
        TransmissionSettings::default(),
    );
    let result = client.test().await;
    assert!(matches!(result, Err(DownloadError::Auth(_))), "{result:?}");
    let listed = client.downloads().await;
    assert!(matches!(listed, Err(DownloadError::Auth(_))), "{listed:?}");
}

#[tokio::test]
async fn a_closed_port_fails_the_test_as_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("its address").port();
    drop(listener);
    let client = Transmission::new(
        Connection {
            port,
            ..connection()
        },
        TransmissionSettings::default(),
    );
    let result = client.test().await;
    assert!(
        matches!(result, Err(DownloadError::Unreachable { .. })),
        "{result:?}"
    );
}

#[tokio::test]
async fn an_nzb_is_not_for_transmission() {
    let result = client("nzb")
        .add(&grab(Payload::Nzb(b"<nzb/>".to_vec())))
        .await;
    assert!(
        matches!(result, Err(DownloadError::Unsupported(_))),
        "{result:?}"
    );
}
