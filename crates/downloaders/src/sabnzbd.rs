//! SABnzbd, through its API: an .nzb is uploaded in our category and named
//! by the `nzo_id` SABnzbd gives it, which stays the same in the queue and
//! the history.

mod api;
mod checks;
mod items;

use std::fmt;

use async_trait::async_trait;
use domain::release::Protocol;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Connection, DownloadClient, DownloadError, DownloadItem, Grab, Payload};
use api::{Api, bad_answer};
use checks::Config;
use items::{History, Queue};

/// How many history entries are read, newest first (Radarr's default
/// download client history limit).
const HISTORY_LIMIT: &str = "60";

/// A SABnzbd priority, as Radarr offers them (`SabnzbdPriority`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SabnzbdPriority {
    /// -100: the category's own.
    #[default]
    Default,
    /// -2: added paused.
    Paused,
    /// -1.
    Low,
    /// 0.
    Normal,
    /// 1.
    High,
    /// 2: downloaded even while SABnzbd is paused.
    Force,
}

impl SabnzbdPriority {
    /// The priority a setting's value names; an unknown value is Default.
    pub fn from_setting(value: i64) -> Self {
        match value {
            -2 => SabnzbdPriority::Paused,
            -1 => SabnzbdPriority::Low,
            0 => SabnzbdPriority::Normal,
            1 => SabnzbdPriority::High,
            2 => SabnzbdPriority::Force,
            _ => SabnzbdPriority::Default,
        }
    }

    /// The number SABnzbd takes.
    pub fn value(self) -> i32 {
        match self {
            SabnzbdPriority::Default => -100,
            SabnzbdPriority::Paused => -2,
            SabnzbdPriority::Low => -1,
            SabnzbdPriority::Normal => 0,
            SabnzbdPriority::High => 1,
            SabnzbdPriority::Force => 2,
        }
    }
}

/// Radarr's SABnzbd settings beyond the connection (whose username and
/// password stand in for the API key when it is empty).
#[derive(Clone, Default)]
pub struct SabnzbdSettings {
    /// The API key (`apiKey`).
    pub api_key: String,
    /// The category our downloads go in and are listed from
    /// (`movieCategory`); empty for SABnzbd's default.
    pub category: String,
    /// Priority of a recent movie's download.
    pub recent_priority: SabnzbdPriority,
    /// Priority of an older movie's download.
    pub older_priority: SabnzbdPriority,
}

impl fmt::Debug for SabnzbdSettings {
    // The API key never reaches a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SabnzbdSettings")
            .field("category", &self.category)
            .field("recent_priority", &self.recent_priority)
            .field("older_priority", &self.older_priority)
            .finish_non_exhaustive()
    }
}

/// A SABnzbd.
pub struct Sabnzbd {
    api: Api,
    settings: SabnzbdSettings,
}

impl fmt::Debug for Sabnzbd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sabnzbd")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// The object under `key` in an answer, read as `T`.
fn part<T: DeserializeOwned>(mut answer: Value, key: &str) -> Result<T, DownloadError> {
    let value = answer
        .get_mut(key)
        .map(Value::take)
        .ok_or_else(|| bad_answer(&format!("no '{key}' in the answer")))?;
    serde_json::from_value(value).map_err(|e| bad_answer(&format!("{key}: {e}")))
}

/// Whether a queue or history answer lists the job `id`.
fn lists(answer: &Value, key: &str, id: &str) -> bool {
    answer[key]["slots"]
        .as_array()
        .is_some_and(|slots| slots.iter().any(|s| s["nzo_id"] == id))
}

impl Sabnzbd {
    /// The client for the SABnzbd at `connection`.
    pub fn new(connection: Connection, settings: SabnzbdSettings) -> Self {
        Sabnzbd {
            api: Api::new(connection, settings.api_key.clone()),
            settings,
        }
    }

    async fn queue(&self) -> Result<Queue, DownloadError> {
        // A limit of 0 lists every job.
        let answer = self
            .api
            .get("queue", &[("start", "0"), ("limit", "0")])
            .await?;
        part(answer, "queue")
    }

    async fn history(&self) -> Result<History, DownloadError> {
        let mut params = vec![("start", "0"), ("limit", HISTORY_LIMIT)];
        let category = self.settings.category.trim();
        if !category.is_empty() {
            params.push(("category", category));
        }
        part(self.api.get("history", &params).await?, "history")
    }

    async fn version(&self) -> Result<String, DownloadError> {
        let answer = self.api.get("version", &[]).await?;
        match answer.get("version").unwrap_or(&answer) {
            Value::String(version) => Ok(version.clone()),
            other => Err(bad_answer(&format!("version: {other}"))),
        }
    }

    /// Deletes job `id` from the queue or the history (`source`).
    async fn delete(&self, source: &str, id: &str, delete_data: bool) -> Result<(), DownloadError> {
        let del_files = if delete_data { "1" } else { "0" };
        self.api
            .get(
                source,
                &[("name", "delete"), ("value", id), ("del_files", del_files)],
            )
            .await
            .map(drop)
    }
}

#[async_trait]
impl DownloadClient for Sabnzbd {
    fn protocol(&self) -> Protocol {
        Protocol::Usenet
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let Payload::Nzb(nzb) = &grab.payload else {
            return Err(DownloadError::Unsupported(
                "SABnzbd can only take an .nzb.".into(),
            ));
        };
        let priority = if grab.recent {
            self.settings.recent_priority
        } else {
            self.settings.older_priority
        }
        .value()
        .to_string();
        let mut params = vec![("nzbname", grab.title.as_str()), ("priority", &priority)];
        let category = self.settings.category.trim();
        if !category.is_empty() {
            params.push(("cat", category));
        }
        let file_name = format!("{}.nzb", grab.title.replace(['/', '\\'], " "));
        let answer = self.api.add_file(&params, &file_name, nzb).await?;
        answer["nzo_ids"]
            .as_array()
            .and_then(|ids| ids.first())
            .and_then(Value::as_str)
            .map(|id| Some(id.to_string()))
            .ok_or_else(|| bad_answer("SABnzbd rejected the NZB for an unknown reason"))
    }

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        let queue = self.queue().await?;
        let history = self.history().await?;
        let category = &self.settings.category;
        let mut items = items::queue(&queue, category);
        items.extend(items::history(&history, category));
        Ok(items)
    }

    /// Removes a job from the queue or the history. `del_files` has SABnzbd
    /// delete a queued job's files, and a failed job's; a completed job's
    /// files are left to the caller, who knows where they are on this side
    /// of any remote path mapping.
    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        // Versions before `nzo_ids` list every job; either way the answer
        // is searched for the id.
        let only = [("nzo_ids", download_id), ("start", "0"), ("limit", "0")];
        let queue = self.api.get("queue", &only).await?;
        if lists(&queue, "queue", download_id) {
            return self.delete("queue", download_id, delete_data).await;
        }
        let history = self.api.get("history", &only).await?;
        if lists(&history, "history", download_id) {
            return self.delete("history", download_id, delete_data).await;
        }
        Err(DownloadError::NotFound(download_id.to_string()))
    }

    async fn test(&self) -> Result<(), DownloadError> {
        let version = checks::check_version(&self.version().await?)?;
        let config: Config = part(self.api.get("get_config", &[]).await?, "config")?;
        checks::check_config(&config, version, self.settings.category.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_round_trip_radarrs_values() {
        for value in [-100, -2, -1, 0, 1, 2] {
            assert_eq!(
                i64::from(SabnzbdPriority::from_setting(value).value()),
                value
            );
        }
        assert_eq!(SabnzbdPriority::from_setting(5), SabnzbdPriority::Default);
    }

    #[test]
    fn the_api_key_stays_out_of_debug_output() {
        let settings = SabnzbdSettings {
            api_key: "s3cret-key".into(),
            ..SabnzbdSettings::default()
        };
        let client = Sabnzbd::new(Connection::default(), settings);
        assert!(!format!("{client:?}").contains("s3cret-key"));
    }
}
