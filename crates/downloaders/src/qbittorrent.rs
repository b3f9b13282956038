//! qBittorrent, through its WebUI API v2: releases are added with the
//! category Radarr's settings name, and the torrents in that category are
//! the downloads followed, as Radarr does.

mod add;
mod api;
mod items;
mod settings;

use std::collections::HashMap;
use std::fmt;

use async_trait::async_trait;
use domain::release::Protocol;
use serde::de::DeserializeOwned;

use crate::{DownloadClient, DownloadError, DownloadItem, Grab};
use api::{Api, bad_answer, quote};
use items::{Preferences, Torrent};
pub use settings::{
    QBittorrentContentLayout, QBittorrentInitialState, QBittorrentPriority, QBittorrentSettings,
};

/// The oldest WebAPI taken: 2.0, qBittorrent 4.1's, as Radarr's v2 client.
const MIN_API: api::ApiVersion = (2, 0, 0);

/// A qBittorrent client.
pub struct QBittorrent {
    api: Api,
    settings: QBittorrentSettings,
}

impl fmt::Debug for QBittorrent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QBittorrent")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl QBittorrent {
    /// The client for the qBittorrent at `connection`.
    pub fn new(connection: crate::Connection, settings: QBittorrentSettings) -> Self {
        QBittorrent {
            api: Api::new(connection),
            settings,
        }
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        method: &str,
        query: &[(&str, &str)],
    ) -> Result<T, DownloadError> {
        let text = self.api.get(method, query).await?.ok(method)?;
        serde_json::from_str(&text).map_err(|e| bad_answer(format!("{method}: {e}")))
    }

    async fn preferences(&self) -> Result<Preferences, DownloadError> {
        self.get_json("app/preferences", &[]).await
    }

    async fn categories(&self) -> Result<HashMap<String, serde_json::Value>, DownloadError> {
        self.get_json("torrents/categories", &[]).await
    }

    /// Our torrents: those in the category, or every one without one.
    async fn torrents(&self) -> Result<Vec<Torrent>, DownloadError> {
        let category = self.settings.category.trim();
        if category.is_empty() {
            self.get_json("torrents/info", &[]).await
        } else {
            self.get_json("torrents/info", &[("category", category)])
                .await
        }
    }

    /// The torrent with this hash, in whatever category.
    async fn find(&self, hash: &str) -> Result<Option<Torrent>, DownloadError> {
        let hash = hash.to_ascii_lowercase();
        let found: Vec<Torrent> = self
            .get_json("torrents/info", &[("hashes", hash.as_str())])
            .await?;
        Ok(found.into_iter().next())
    }

    /// Creates a category qBittorrent does not have yet, as Radarr's test
    /// does; `setting` names the field a failure is shown on.
    async fn ensure_category(
        &self,
        name: &str,
        setting: &'static str,
    ) -> Result<(), DownloadError> {
        let name = name.trim();
        if name.is_empty() || self.categories().await?.contains_key(name) {
            return Ok(());
        }
        let reply = self
            .api
            .post("torrents/createCategory", &[("category", name)])
            .await?;
        // A 409 may be a race with another grab creating it: look again.
        if self.categories().await?.contains_key(name) {
            return Ok(());
        }
        Err(DownloadError::Setting {
            setting,
            message: format!("Configuration of category failed: {}", quote(&reply.body)),
        })
    }
}

#[async_trait]
impl DownloadClient for QBittorrent {
    fn protocol(&self) -> Protocol {
        Protocol::Torrent
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        self.add_grab(grab).await
    }

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        let preferences = self.preferences().await?;
        let torrents = self.torrents().await?;
        // With a post-import category, imported torrents are left to it.
        let keeps_imported = !self.settings.imported_category.trim().is_empty();
        Ok(torrents
            .iter()
            .map(|t| {
                let mut item = t.item(&preferences);
                item.can_be_removed &= !keeps_imported;
                item
            })
            .collect())
    }

    async fn mark_imported(&self, download_id: &str) -> Result<(), DownloadError> {
        let category = self.settings.imported_category.trim();
        if category.is_empty() {
            return Ok(());
        }
        self.ensure_category(category, "movieImportedCategory")
            .await?;
        let hash = download_id.to_ascii_lowercase();
        self.api
            .post(
                "torrents/setCategory",
                &[("hashes", hash.as_str()), ("category", category)],
            )
            .await?
            .ok("torrents/setCategory")?;
        Ok(())
    }

    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        // qBittorrent deletes an unknown hash without a word; ask first, so
        // a download that is gone reads as gone.
        if self.find(download_id).await?.is_none() {
            return Err(DownloadError::NotFound(download_id.to_string()));
        }
        let hash = download_id.to_ascii_lowercase();
        let delete_files = if delete_data { "true" } else { "false" };
        let form = [("hashes", hash.as_str()), ("deleteFiles", delete_files)];
        self.api
            .post("torrents/delete", &form)
            .await?
            .ok("torrents/delete")?;
        Ok(())
    }

    async fn test(&self) -> Result<(), DownloadError> {
        self.settings.check()?;
        let version = self.api.version().await?;
        if version < MIN_API {
            return Err(DownloadError::Unsupported(format!(
                "qBittorrent's WebAPI {}.{}.{} is not supported; qBittorrent 4.1 or newer is needed",
                version.0, version.1, version.2
            )));
        }
        let preferences = self.preferences().await?;
        if preferences.removes_at_limit() {
            return Err(DownloadError::Unsupported(
                "qBittorrent is configured to remove torrents when they reach their Share Ratio Limit".into(),
            ));
        }
        self.ensure_category(&self.settings.category, "movieCategory")
            .await?;
        self.ensure_category(&self.settings.imported_category, "movieImportedCategory")
            .await?;
        if !preferences.queueing_enabled {
            let first = [
                ("recentMoviePriority", self.settings.recent_priority),
                ("olderMoviePriority", self.settings.older_priority),
            ]
            .into_iter()
            .find(|(_, priority)| *priority == QBittorrentPriority::First);
            if let Some((setting, _)) = first {
                return Err(DownloadError::Setting {
                    setting,
                    message: "Queueing Not Enabled: Torrent Queueing is not enabled in your qBittorrent settings. Enable it in qBittorrent or select 'Last' as priority.".into(),
                });
            }
        }
        // Radarr's last check: the torrent list can be read.
        self.torrents().await?;
        Ok(())
    }
}
