//! Adding a grab: qBittorrent takes a .torrent file or a magnet link with
//! the settings' category, start state, piece order and layout, adds it in
//! the background, and is then asked for it until it lists it, so the grab
//! can be followed by its hash; priority and force start come after.

use std::time::{Duration, Instant};

use domain::naming::clean_file_name;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use super::api::{ApiVersion, bad_answer, quote};
use super::{QBittorrent, QBittorrentInitialState, QBittorrentPriority};
use crate::{DownloadError, Grab, Payload, torrent_hash};

/// From WebAPI 2.11 (qBittorrent 5) a torrent is added "stopped", no
/// longer "paused".
const STOPPED_API: ApiVersion = (2, 11, 0);

/// How long qBittorrent gets to list a torrent it accepted: it adds them
/// in the background, and a grab has to be followed by its hash.
const LISTING_PATIENCE: Duration = Duration::from_secs(5);

/// How often the listing is asked for meanwhile.
const LISTING_POLL: Duration = Duration::from_millis(100);

/// What `torrents/add` is given the torrent as.
#[derive(Clone, Copy)]
enum Source<'a> {
    File(&'a [u8]),
    Url(&'a str),
}

impl QBittorrent {
    /// Adds a grab and waits until qBittorrent lists it; its upper-case
    /// info hash is the download id.
    pub(super) async fn add_grab(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let (hash, source) = match &grab.payload {
            Payload::Torrent(bytes) => {
                let hash = torrent_hash::of_torrent(bytes).ok_or_else(|| {
                    DownloadError::Unsupported("The release's .torrent file is not valid".into())
                })?;
                (hash, Source::File(bytes))
            }
            Payload::Magnet(link) => {
                let hash = torrent_hash::of_magnet(link).ok_or_else(|| {
                    DownloadError::Unsupported("The magnet link names no info hash".into())
                })?;
                self.check_magnet(link).await?;
                (hash, Source::Url(link))
            }
            Payload::Nzb(_) => {
                return Err(DownloadError::Unsupported(
                    "qBittorrent cannot take an .nzb.".into(),
                ));
            }
        };
        let hash = hash.to_ascii_lowercase();
        self.ensure_category(&self.settings.category, "movieCategory")
            .await?;
        let fields = self.add_fields().await?;
        let file_name = format!("{}.torrent", clean_file_name(&grab.title));
        let reply = self
            .api
            .send("torrents/add", |http, url| {
                let mut form = Form::new();
                for (name, value) in &fields {
                    form = form.text(*name, value.clone());
                }
                form = match source {
                    Source::File(bytes) => form.part(
                        "torrents",
                        Part::bytes(bytes.to_vec()).file_name(file_name.clone()),
                    ),
                    Source::Url(link) => form.text("urls", link.to_string()),
                };
                http.post(url).multipart(form)
            })
            .await?;
        if reply.status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
            return Err(DownloadError::Unsupported(quote(&reply.body)));
        }
        let text = reply.ok("torrents/add")?;
        // "Fails." is also the answer for a torrent qBittorrent already
        // has: the grab is then that download.
        if text.trim() == "Fails." {
            if self.find(&hash).await?.is_some() {
                return Ok(Some(hash.to_ascii_uppercase()));
            }
            return Err(bad_answer(
                "torrents/add: qBittorrent failed to add the torrent".into(),
            ));
        }
        self.wait_until_listed(&hash).await?;
        self.after_add(&hash, grab.recent).await;
        Ok(Some(hash.to_ascii_uppercase()))
    }

    /// Radarr refuses a magnet link qBittorrent could not resolve: one
    /// without trackers when DHT is off.
    async fn check_magnet(&self, link: &str) -> Result<(), DownloadError> {
        let query = link.split_once('?').map_or("", |(_, query)| query);
        let has_tracker = form_urlencoded::parse(query.as_bytes()).any(|(key, _)| key == "tr");
        if has_tracker || self.preferences().await?.dht {
            return Ok(());
        }
        Err(DownloadError::Unsupported(
            "Magnet Links without trackers not supported if DHT is disabled".into(),
        ))
    }

    /// The `torrents/add` fields the settings call for.
    async fn add_fields(&self) -> Result<Vec<(&'static str, String)>, DownloadError> {
        let s = &self.settings;
        let mut fields = Vec::new();
        if !s.category.trim().is_empty() {
            fields.push(("category", s.category.trim().to_string()));
        }
        // Start says so explicitly, overriding qBittorrent's "do not start"
        // option; ForceStart is set once the torrent is listed.
        let paused = match s.initial_state {
            QBittorrentInitialState::Start => Some("false"),
            QBittorrentInitialState::Pause => Some("true"),
            QBittorrentInitialState::ForceStart => None,
        };
        if let Some(paused) = paused {
            let name = if self.api.version().await? >= STOPPED_API {
                "stopped"
            } else {
                "paused"
            };
            fields.push((name, paused.to_string()));
        }
        if s.sequential_order {
            fields.push(("sequentialDownload", "true".into()));
        }
        if s.first_and_last {
            fields.push(("firstLastPiecePrio", "true".into()));
        }
        if let Some(layout) = s.content_layout.api_value() {
            fields.push(("contentLayout", layout.into()));
        }
        Ok(fields)
    }

    /// Waits until qBittorrent lists the torrent it accepted.
    async fn wait_until_listed(&self, hash: &str) -> Result<(), DownloadError> {
        let start = Instant::now();
        loop {
            if self.find(hash).await?.is_some() {
                return Ok(());
            }
            if start.elapsed() >= LISTING_PATIENCE {
                return Err(bad_answer(format!(
                    "it took torrent {hash} but did not list it within {} s",
                    LISTING_PATIENCE.as_secs()
                )));
            }
            tokio::time::sleep(LISTING_POLL).await;
        }
    }

    /// What follows adding, as Radarr does it: failures are logged, not
    /// returned, since the download itself is in.
    async fn after_add(&self, hash: &str, recent: bool) {
        let hashes = [("hashes", hash)];
        if self.settings.priority(recent) == QBittorrentPriority::First {
            match self.api.post("torrents/topPrio", &hashes).await {
                // 409: queueing is off, so there is no queue to move in.
                Ok(reply) if reply.status == StatusCode::CONFLICT => {}
                Ok(reply) => {
                    if let Err(error) = reply.ok("torrents/topPrio") {
                        tracing::warn!(hash, %error, "could not move the torrent to the top");
                    }
                }
                Err(error) => tracing::warn!(hash, %error, "could not move the torrent to the top"),
            }
        }
        if self.settings.initial_state == QBittorrentInitialState::ForceStart {
            let form = [("hashes", hash), ("value", "true")];
            let result = self.api.post("torrents/setForceStart", &form).await;
            if let Err(error) = result.and_then(|reply| reply.ok("torrents/setForceStart")) {
                tracing::warn!(hash, %error, "could not force start the torrent");
            }
        }
    }
}
