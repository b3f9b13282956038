//! What the qBittorrent tests share: unique categories, clients and grabs,
//! polling, clean-up, and the WebAPI spoken by hand for what the client does
//! not do.

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use downloaders::{
    Connection, DownloadClient, DownloadItem, Grab, Payload, QBittorrent, QBittorrentSettings,
};
use serde_json::Value;
use sha1::{Digest, Sha1};

use crate::support;

/// How long qBittorrent gets to check a torrent's data or act on a change.
pub(super) const PATIENCE: Duration = Duration::from_secs(30);

pub(super) fn connection() -> Connection {
    support::connection("UNIFIED_RADARR_TEST_QBITTORRENT")
}

/// A category for one test in this run, unique across runs.
pub(super) fn category(test: &str) -> String {
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

pub(super) fn client_with(category: &str, settings: QBittorrentSettings) -> QBittorrent {
    let settings = QBittorrentSettings {
        category: category.into(),
        ..settings
    };
    QBittorrent::new(connection(), settings)
}

pub(super) fn client(category: &str) -> QBittorrent {
    client_with(category, QBittorrentSettings::default())
}

/// A magnet link no peer will ever answer, its hash taken from `seed`; with
/// a tracker on a closed port, since the daemon runs without DHT.
pub(super) fn magnet(seed: &str) -> String {
    let hash: String = Sha1::digest(seed.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("magnet:?xt=urn:btih:{hash}&dn={seed}&tr=http%3A%2F%2F127.0.0.1%3A1%2Fannounce")
}

pub(super) fn grab(payload: Payload) -> Grab {
    Grab {
        title: "Test.Movie.2024.1080p.WEB-DL".into(),
        payload,
        recent: false,
    }
}

/// Polls `check` until it gives a value, for at most [`PATIENCE`].
pub(super) async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
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

pub(super) async fn find(client: &QBittorrent, id: &str) -> Option<DownloadItem> {
    let items = client.downloads().await.expect("downloads");
    items.into_iter().find(|item| item.download_id == id)
}

/// Removes, with their data, whatever a test's category still holds, and
/// the category.
pub(super) async fn clean(client: &QBittorrent, category: &str) {
    for item in client.downloads().await.expect("downloads") {
        client
            .remove(&item.download_id, true)
            .await
            .expect("remove");
    }
    Raw::new()
        .await
        .post("torrents/removeCategories", &[("categories", category)])
        .await;
}

/// qBittorrent's WebAPI spoken by hand, for what the client does not do.
pub(super) struct Raw {
    http: reqwest::Client,
    connection: Connection,
}

impl Raw {
    pub(super) async fn new() -> Self {
        let raw = Raw {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("an HTTP client"),
            connection: connection(),
        };
        let c = &raw.connection;
        let form = [("username", &c.username), ("password", &c.password)];
        let answer = raw
            .http
            .post(c.url("api/v2/auth/login"))
            .form(&form)
            .send()
            .await
            .expect("qBittorrent answers");
        assert_eq!(answer.text().await.expect("text"), "Ok.", "raw login");
        raw
    }

    pub(super) async fn post(&self, method: &str, form: &[(&str, &str)]) -> String {
        let url = self.connection.url(&format!("api/v2/{method}"));
        let answer = self.http.post(url).form(form).send().await.expect("answer");
        assert!(
            answer.status().is_success(),
            "{method}: {}",
            answer.status()
        );
        answer.text().await.expect("text")
    }

    pub(super) async fn get(&self, method: &str, query: &[(&str, &str)]) -> Value {
        let url = self.connection.url(&format!("api/v2/{method}"));
        let answer = self
            .http
            .get(url)
            .query(query)
            .send()
            .await
            .expect("answer");
        answer.json().await.expect("JSON")
    }

    pub(super) async fn save_path(&self) -> PathBuf {
        let preferences = self.get("app/preferences", &[]).await;
        PathBuf::from(preferences["save_path"].as_str().expect("save_path"))
    }

    /// A field of the torrent `torrents/info` lists for an id.
    pub(super) async fn torrent(&self, id: &str, field: &str) -> Value {
        let hash = id.to_ascii_lowercase();
        let found = self.get("torrents/info", &[("hashes", &hash)]).await;
        found[0][field].clone()
    }
}
