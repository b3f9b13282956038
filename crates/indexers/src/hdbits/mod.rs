//! HDBits, the private tracker, through its JSON API: a movie's releases by
//! IMDb id, the newest releases (RSS), and pages of its whole catalogue for
//! the scene-group analysis. Each torrent becomes a [`Release`] as Radarr's
//! HDBits indexer makes it: seeders, peers, completions as grabs, internal
//! and freeleech as indexer flags, and the IMDb id.

mod indexer;
pub mod wire;

use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::release::{IndexerFlags, Protocol, Release};
use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};

use crate::error::{IndexerError, Result};
use crate::http::Http;
use wire::{Answer, ImdbQuery, TorrentQuery};

pub use indexer::HdBitsIndexer;
pub use wire::{MAX_LIMIT, Torrent};

/// HDBits' address, Radarr's default `baseUrl`.
pub const DEFAULT_BASE_URL: &str = "https://hdbits.org";

/// HDBits' categories (Radarr's `HdBitsCategory`).
pub mod category {
    pub const MOVIE: i32 = 1;
    pub const TV: i32 = 2;
    pub const DOCUMENTARY: i32 = 3;
}

/// The most of one answer read: a page of 100 torrents is about 60 KB.
const MAX_BODY: usize = 4 * 1024 * 1024;

/// The settings of an HDBits indexer, named as Radarr's `HDBitsSettings`.
#[derive(Debug, Clone)]
pub struct HdBitsSettings {
    /// The site's root, `https://hdbits.org`.
    pub base_url: String,
    pub username: String,
    /// The passkey (Radarr's "API Key").
    pub passkey: SecretString,
    /// Categories searched; empty is all.
    pub categories: Vec<i32>,
    /// Codecs searched; empty is all.
    pub codecs: Vec<i32>,
    /// Mediums searched; empty is all.
    pub mediums: Vec<i32>,
}

impl Default for HdBitsSettings {
    fn default() -> Self {
        HdBitsSettings {
            base_url: DEFAULT_BASE_URL.into(),
            username: String::new(),
            passkey: SecretString::from(String::new()),
            categories: vec![category::MOVIE],
            codecs: Vec::new(),
            mediums: Vec::new(),
        }
    }
}

/// An HDBits account's view of the tracker.
pub struct HdBits {
    settings: HdBitsSettings,
    api_url: Url,
    http: Http,
}

impl HdBits {
    /// A client for these settings, each request given `timeout`.
    pub fn new(settings: HdBitsSettings, timeout: Duration) -> Result<HdBits> {
        let base = settings.base_url.trim().trim_end_matches('/');
        let api_url = Url::parse(&format!("{base}/api/torrents"))
            .map_err(|e| IndexerError::NotConfigured(format!("the API URL is not a URL: {e}")))?;
        Ok(HdBits {
            api_url,
            http: Http::new(timeout, MAX_BODY)?,
            settings,
        })
    }

    /// The query every request starts from: the account and the filters.
    fn query(&self) -> TorrentQuery {
        TorrentQuery {
            username: self.settings.username.trim().to_string(),
            passkey: self.settings.passkey.expose_secret().trim().to_string(),
            category: self.settings.categories.clone(),
            codec: self.settings.codecs.clone(),
            medium: self.settings.mediums.clone(),
            ..TorrentQuery::default()
        }
    }

    /// The torrents answering `query`.
    pub async fn torrents(&self, query: &TorrentQuery) -> Result<Vec<Torrent>> {
        let body = self.http.post_json(self.api_url.clone(), query).await?;
        if body.cut {
            return Err(IndexerError::Malformed(
                "HDBits' answer was larger than a page can be".into(),
            ));
        }
        let answer: Answer = serde_json::from_slice(&body.bytes)
            .map_err(|e| IndexerError::Malformed(format!("HDBits' answer is not its JSON: {e}")))?;
        if let Some(error) = wire::status_error(answer.status, answer.message.as_deref()) {
            return Err(error);
        }
        Ok(answer.data.unwrap_or_default())
    }

    /// A movie's releases, by its IMDb id (`tt0133093`); none for an id
    /// that is not one.
    pub async fn search(&self, imdb_id: &str) -> Result<Vec<Release>> {
        let Some(id) = imdb_number(imdb_id) else {
            return Ok(Vec::new());
        };
        let query = TorrentQuery {
            imdb: Some(ImdbQuery { id }),
            limit: Some(MAX_LIMIT),
            ..self.query()
        };
        Ok(self.releases(self.torrents(&query).await?))
    }

    /// The newest releases of the settings' categories.
    pub async fn recent(&self) -> Result<Vec<Release>> {
        let query = TorrentQuery {
            limit: Some(MAX_LIMIT),
            ..self.query()
        };
        Ok(self.releases(self.torrents(&query).await?))
    }

    /// One page (from 0) of `limit` torrents of these categories, newest
    /// first: how the analysis reads the catalogue.
    pub async fn page(&self, categories: &[i32], page: u32, limit: u32) -> Result<Vec<Torrent>> {
        let query = TorrentQuery {
            category: categories.to_vec(),
            codec: Vec::new(),
            medium: Vec::new(),
            limit: Some(limit.clamp(1, MAX_LIMIT)),
            page: Some(page),
            ..self.query()
        };
        self.torrents(&query).await
    }

    fn releases(&self, torrents: Vec<Torrent>) -> Vec<Release> {
        torrents.iter().map(|t| self.release(t)).collect()
    }

    /// A torrent as a release, as Radarr's HDBits indexer makes it.
    pub fn release(&self, torrent: &Torrent) -> Release {
        let base = self.settings.base_url.trim().trim_end_matches('/');
        let mut flags = IndexerFlags::default();
        if torrent.freeleech.eq_ignore_ascii_case("yes") {
            flags = flags.with(IndexerFlags::FREELEECH);
        }
        if torrent.type_origin == 1 {
            flags = flags.with(IndexerFlags::HDB_INTERNAL);
        }
        let passkey = self.settings.passkey.expose_secret().trim().to_string();
        let download = Url::parse_with_params(
            &format!("{base}/download.php"),
            [("id", torrent.id.to_string()), ("passkey", passkey)],
        )
        .map(String::from)
        .unwrap_or_default();
        Release {
            guid: format!("HDBits-{}", torrent.id),
            title: torrent.name.clone(),
            size: torrent.size,
            download_url: download,
            info_hash: Some(torrent.hash.clone()),
            info_url: Some(format!("{base}/details.php?id={}", torrent.id)),
            protocol: Protocol::Torrent,
            publish_date: DateTime::<Utc>::from_timestamp(torrent.utadded, 0).unwrap_or_default(),
            imdb_id: torrent
                .imdb
                .as_ref()
                .filter(|i| i.id > 0)
                .map(|i| format!("tt{:07}", i.id)),
            seeders: Some(torrent.seeders),
            peers: Some(torrent.seeders.saturating_add(torrent.leechers)),
            grabs: i32::try_from(torrent.times_completed).ok(),
            indexer_flags: flags,
            ..Release::default()
        }
    }
}

/// The number of an IMDb id (`tt0133093` is 133093), if it is one.
fn imdb_number(imdb_id: &str) -> Option<u32> {
    let id = imdb_id.trim();
    let digits = id
        .strip_prefix("tt")
        .or_else(|| id.strip_prefix("TT"))
        .unwrap_or(id);
    digits.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imdb_id_is_its_number() {
        assert_eq!(imdb_number("tt0133093"), Some(133093));
        assert_eq!(imdb_number("133093"), Some(133093));
        assert_eq!(imdb_number("tt0000000"), None);
        assert_eq!(imdb_number("nm0000206"), None);
        assert_eq!(imdb_number(""), None);
    }
}
