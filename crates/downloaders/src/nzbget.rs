//! NZBGet, through its JSON-RPC: an .nzb is appended in our category with a
//! `drone` post-processing parameter holding a fresh id, which names the
//! download in the queue and, afterwards, in the history, as Radarr does.

mod checks;
mod items;
mod rpc;

use std::fmt;

use async_trait::async_trait;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use domain::release::Protocol;
use serde_json::json;
use sha1::{Digest, Sha1};

use crate::{Connection, DownloadClient, DownloadError, DownloadItem, Grab, Payload};
use items::{DRONE, GlobalStatus, Group, HistoryItem};
use rpc::{Rpc, bad_answer};

/// How many history entries are read, newest first (Radarr's default
/// download client history limit).
const HISTORY_LIMIT: usize = 60;

/// An NZBGet priority, as Radarr offers them (`NzbgetPriority`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NzbgetPriority {
    /// -100.
    VeryLow,
    /// -50.
    Low,
    /// 0.
    #[default]
    Normal,
    /// 50.
    High,
    /// 100.
    VeryHigh,
    /// 900: downloaded even while NZBGet is paused.
    Force,
}

impl NzbgetPriority {
    /// The priority a setting's value names; an unknown value is Normal.
    pub fn from_setting(value: i64) -> Self {
        match value {
            -100 => NzbgetPriority::VeryLow,
            -50 => NzbgetPriority::Low,
            50 => NzbgetPriority::High,
            100 => NzbgetPriority::VeryHigh,
            900 => NzbgetPriority::Force,
            _ => NzbgetPriority::Normal,
        }
    }

    /// The number NZBGet takes.
    pub fn value(self) -> i32 {
        match self {
            NzbgetPriority::VeryLow => -100,
            NzbgetPriority::Low => -50,
            NzbgetPriority::Normal => 0,
            NzbgetPriority::High => 50,
            NzbgetPriority::VeryHigh => 100,
            NzbgetPriority::Force => 900,
        }
    }
}

/// Radarr's NZBGet settings beyond the connection.
#[derive(Debug, Clone, Default)]
pub struct NzbgetSettings {
    /// The NZBGet category our downloads go in and are listed from
    /// (`movieCategory`); empty for none.
    pub category: String,
    /// Priority of a recent movie's download.
    pub recent_priority: NzbgetPriority,
    /// Priority of an older movie's download.
    pub older_priority: NzbgetPriority,
    /// Whether downloads are added paused (NZBGet 16+).
    pub add_paused: bool,
}

/// An NZBGet daemon.
pub struct Nzbget {
    rpc: Rpc,
    settings: NzbgetSettings,
}

impl fmt::Debug for Nzbget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nzbget")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Nzbget {
    /// The client for the daemon at `connection`.
    pub fn new(connection: Connection, settings: NzbgetSettings) -> Self {
        Nzbget {
            rpc: Rpc::new(connection),
            settings,
        }
    }

    async fn queue(&self) -> Result<Vec<Group>, DownloadError> {
        self.rpc.get("listgroups", json!([0])).await
    }

    async fn history(&self) -> Result<Vec<HistoryItem>, DownloadError> {
        // `false`: without the hidden records NZBGet keeps for its
        // duplicate check.
        self.rpc.get("history", json!([false])).await
    }

    /// Runs an `editqueue` command on one NZBGet id.
    async fn edit(&self, command: &str, id: i64) -> Result<(), DownloadError> {
        let done = self
            .rpc
            .call("editqueue", json!([command, 0, "", [id]]))
            .await?;
        if done.as_bool() == Some(true) {
            Ok(())
        } else {
            Err(bad_answer(&format!("editqueue {command} was refused")))
        }
    }
}

/// A fresh download id: 32 hex digits from the clock, the process, a
/// counter and the standard library's per-process random hash keys.
fn fresh_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut seed = Sha1::new();
    seed.update(hasher.finish().to_le_bytes());
    seed.update(nanos.to_le_bytes());
    seed.update(std::process::id().to_le_bytes());
    seed.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The .nzb's file name for a title, without the characters file systems
/// refuse.
fn file_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_control())
        .collect();
    format!("{}.nzb", clean.trim())
}

#[async_trait]
impl DownloadClient for Nzbget {
    fn protocol(&self) -> Protocol {
        Protocol::Usenet
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let Payload::Nzb(nzb) = &grab.payload else {
            return Err(DownloadError::Unsupported(
                "NZBGet can only take an .nzb.".into(),
            ));
        };
        let priority = if grab.recent {
            self.settings.recent_priority
        } else {
            self.settings.older_priority
        };
        let id = fresh_id();
        // NZBGet 16+'s signature: name, content, category, priority, add to
        // top, add paused, dupe key, dupe score, dupe mode, and the
        // post-processing parameters as name, value pairs.
        let params = json!([
            file_name(&grab.title),
            STANDARD.encode(nzb),
            self.settings.category,
            priority.value(),
            false,
            self.settings.add_paused,
            "",
            0,
            "all",
            [DRONE, id],
        ]);
        let nzb_id = self.rpc.call("append", params).await?;
        if nzb_id.as_i64().is_some_and(|n| n > 0) {
            Ok(Some(id))
        } else {
            Err(bad_answer("NZBGet rejected the NZB for an unknown reason"))
        }
    }

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        let status: GlobalStatus = self.rpc.get("status", json!([])).await?;
        let queue = self.queue().await?;
        let mut history = self.history().await?;
        history.truncate(HISTORY_LIMIT);
        let category = &self.settings.category;
        let mut items = items::queue(&queue, &status, category);
        items.extend(items::history(&history, category));
        Ok(items)
    }

    /// Removes a download from the queue or the history. NZBGet deletes a
    /// queued download's files itself; a finished one's files are left to
    /// the caller, who knows where they are on this side of any remote path
    /// mapping.
    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        // An id we did not give is NZBGet's own, a short number.
        let own: Option<i64> = (download_id.len() < 10)
            .then(|| download_id.parse().ok())
            .flatten();
        let ours = |drone_id: String, nzb_id: i64| match own {
            Some(id) => id == nzb_id,
            None => drone_id == download_id,
        };
        if let Some(group) = self
            .queue()
            .await?
            .into_iter()
            .find(|g| ours(g.download_id(), g.nzb_id))
        {
            let command = if delete_data {
                "GroupFinalDelete"
            } else {
                "GroupDelete"
            };
            return self.edit(command, group.nzb_id).await;
        }
        if let Some(item) = self
            .history()
            .await?
            .into_iter()
            .find(|h| ours(h.download_id(), h.id))
        {
            let command = if delete_data {
                "HistoryFinalDelete"
            } else {
                "HistoryDelete"
            };
            return self.edit(command, item.id).await;
        }
        Err(DownloadError::NotFound(download_id.to_string()))
    }

    async fn test(&self) -> Result<(), DownloadError> {
        let version: String = self.rpc.get("version", json!([])).await?;
        let config = checks::options(self.rpc.get("config", json!([])).await?);
        checks::check(&version, &config, &self.settings.category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_round_trip_radarrs_values() {
        for value in [-100, -50, 0, 50, 100, 900] {
            assert_eq!(
                i64::from(NzbgetPriority::from_setting(value).value()),
                value
            );
        }
        assert_eq!(NzbgetPriority::from_setting(7), NzbgetPriority::Normal);
    }

    #[test]
    fn ids_are_fresh_hex() {
        let (a, b) = (fresh_id(), fresh_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn file_names_lose_what_file_systems_refuse() {
        assert_eq!(file_name("A/B: C?.2024"), "AB C.2024.nzb");
    }
}
