//! Transmission, through its RPC: releases are added into the category's
//! sub-folder of its download folder (or a folder of their own), and the
//! torrents in that folder are the downloads followed, as Radarr does.

mod items;
mod rpc;

use std::fmt;

use async_trait::async_trait;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use domain::release::Protocol;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::{Connection, DownloadClient, DownloadError, DownloadItem, Grab, Payload};
use items::{FIELDS, Session, Torrent};
use rpc::{CLIENT, Rpc};

/// The oldest RPC version taken: Transmission 2.40's, the oldest Radarr
/// supports.
const MIN_RPC_VERSION: i64 = 14;

/// Where a grabbed torrent goes in Transmission's queue (Radarr's
/// `TransmissionPriority`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TransmissionPriority {
    /// Where Transmission puts it: the end of the queue.
    #[default]
    Last,
    /// Moved to the top of the queue.
    First,
}

impl TransmissionPriority {
    /// The priority a setting's value names (0 Last, 1 First).
    pub fn from_setting(value: i64) -> Self {
        if value == 1 {
            TransmissionPriority::First
        } else {
            TransmissionPriority::Last
        }
    }
}

/// Radarr's Transmission settings beyond the connection.
#[derive(Debug, Clone, Default)]
pub struct TransmissionSettings {
    /// A sub-folder of Transmission's download folder for our downloads
    /// (`movieCategory`); empty for none.
    pub category: String,
    /// A folder for our downloads instead (`movieDirectory`); wins over the
    /// category when both are set.
    pub directory: String,
    /// Queue position of a recent movie's torrent.
    pub recent_priority: TransmissionPriority,
    /// Queue position of an older movie's torrent.
    pub older_priority: TransmissionPriority,
    /// Whether torrents are added stopped.
    pub add_paused: bool,
}

/// A Transmission daemon.
pub struct Transmission {
    rpc: Rpc,
    settings: TransmissionSettings,
}

impl fmt::Debug for Transmission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transmission")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Transmission {
    /// The client for the daemon at `connection`.
    pub fn new(connection: Connection, settings: TransmissionSettings) -> Self {
        Transmission {
            rpc: Rpc::new(connection),
            settings,
        }
    }

    async fn session(&self) -> Result<Session, DownloadError> {
        parse(
            self.rpc.call("session-get", json!({})).await?,
            "session-get",
        )
    }

    /// The folder our downloads go to and are listed from; `None` leaves
    /// Transmission's own download folder and lists every torrent.
    fn folder(&self, session: &Session) -> Option<String> {
        let directory = self.settings.directory.trim();
        if !directory.is_empty() {
            return Some(directory.to_string());
        }
        let category = self.settings.category.trim();
        (!category.is_empty()).then(|| {
            let base = session.download_dir.trim_end_matches(['/', '\\']);
            format!("{base}/{category}")
        })
    }

    /// [`Self::folder`], asking Transmission its download folder only when
    /// the category needs it.
    async fn add_folder(&self) -> Result<Option<String>, DownloadError> {
        if self.settings.directory.trim().is_empty() && !self.settings.category.trim().is_empty() {
            Ok(self.folder(&self.session().await?))
        } else {
            Ok(self.folder(&Session::default()))
        }
    }

    async fn torrents(&self, arguments: Value) -> Result<Vec<Torrent>, DownloadError> {
        let mut answer = self.rpc.call("torrent-get", arguments).await?;
        let torrents = answer
            .remove("torrents")
            .unwrap_or(Value::Array(Vec::new()));
        serde_json::from_value(torrents).map_err(|e| DownloadError::Response {
            client: CLIENT,
            reason: format!("torrent-get: {e}"),
        })
    }

    /// Radarr's checks of the category and directory settings.
    fn check_settings(&self) -> Result<(), DownloadError> {
        let category = self.settings.category.trim();
        let name = category.strip_prefix('.').unwrap_or(category);
        if !name.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            return Err(DownloadError::Setting {
                setting: "movieCategory",
                message: "Allowed characters a-z and -".into(),
            });
        }
        if !category.is_empty() && !self.settings.directory.trim().is_empty() {
            return Err(DownloadError::Setting {
                setting: "movieCategory",
                message: "Cannot use Category and Directory".into(),
            });
        }
        Ok(())
    }
}

#[async_trait]
impl DownloadClient for Transmission {
    fn protocol(&self) -> Protocol {
        Protocol::Torrent
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let mut arguments = match &grab.payload {
            Payload::Torrent(bytes) => json!({"metainfo": STANDARD.encode(bytes)}),
            Payload::Magnet(link) => json!({"filename": link}),
            Payload::Nzb(_) => {
                return Err(DownloadError::Unsupported(
                    "Transmission cannot take an .nzb.".into(),
                ));
            }
        };
        arguments["paused"] = json!(self.settings.add_paused);
        if let Some(folder) = self.add_folder().await? {
            arguments["download-dir"] = json!(folder);
        }
        let answer = self.rpc.call("torrent-add", arguments).await?;
        // A torrent Transmission already has is answered as a duplicate,
        // with the same hash: the grab is then that download.
        let hash = ["torrent-added", "torrent-duplicate"]
            .iter()
            .find_map(|key| answer.get(*key)?.get("hashString")?.as_str())
            .ok_or_else(|| DownloadError::Response {
                client: CLIENT,
                reason: "torrent-add named no torrent".into(),
            })?
            .to_ascii_lowercase();
        let priority = if grab.recent {
            self.settings.recent_priority
        } else {
            self.settings.older_priority
        };
        // Transmission appends new torrents to its queue, which is where
        // Last leaves them; only First moves one, as Radarr does.
        if priority == TransmissionPriority::First {
            self.rpc
                .call("queue-move-top", json!({"ids": [hash]}))
                .await?;
        }
        Ok(Some(hash.to_ascii_uppercase()))
    }

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        let session = self.session().await?;
        let folder = self.folder(&session).map(|f| normalise(&f));
        let torrents = self.torrents(json!({"fields": FIELDS})).await?;
        Ok(torrents
            .iter()
            .filter(|t| {
                folder
                    .as_ref()
                    .is_none_or(|f| normalise(&t.download_dir) == *f)
            })
            .map(|t| t.item(&session))
            .collect())
    }

    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        let hash = download_id.to_ascii_lowercase();
        // Transmission removes an unknown id without a word; ask first, so
        // a download that is gone reads as gone.
        let found = self
            .torrents(json!({"ids": [hash], "fields": ["hashString"]}))
            .await?;
        if found.is_empty() {
            return Err(DownloadError::NotFound(download_id.to_string()));
        }
        let arguments = json!({"ids": [hash], "delete-local-data": delete_data});
        self.rpc.call("torrent-remove", arguments).await?;
        Ok(())
    }

    async fn test(&self) -> Result<(), DownloadError> {
        self.check_settings()?;
        let session = self.session().await?;
        if session.rpc_version < MIN_RPC_VERSION {
            return Err(DownloadError::Unsupported(format!(
                "Transmission version not supported, should be 2.40 or higher (it is {}).",
                session.version
            )));
        }
        // Radarr's second check: the torrent list can be read.
        self.torrents(json!({"fields": ["id"]})).await?;
        Ok(())
    }
}

/// An RPC answer's arguments as `T`.
fn parse<T: DeserializeOwned>(
    arguments: Map<String, Value>,
    method: &str,
) -> Result<T, DownloadError> {
    serde_json::from_value(Value::Object(arguments)).map_err(|e| DownloadError::Response {
        client: CLIENT,
        reason: format!("{method}: {e}"),
    })
}

/// A folder path for comparison: forward slashes, no doubled or trailing
/// ones (Transmission keeps `download-dir` as it was given).
fn normalise(path: &str) -> String {
    let unified = path.replace('\\', "/");
    let mut out = String::with_capacity(unified.len());
    for c in unified.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    if out.len() > 1 {
        while out.ends_with('/') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(category: &str, directory: &str) -> Transmission {
        let settings = TransmissionSettings {
            category: category.into(),
            directory: directory.into(),
            ..TransmissionSettings::default()
        };
        Transmission::new(Connection::default(), settings)
    }

    #[test]
    fn folders_compare_whatever_their_slashes() {
        assert_eq!(normalise("/downloads//radarr/"), "/downloads/radarr");
        assert_eq!(normalise(r"C:\Downloads\radarr"), "C:/Downloads/radarr");
        assert_eq!(normalise("/"), "/");
    }

    #[test]
    fn the_category_is_a_sub_folder_and_the_directory_wins() {
        let session = Session {
            download_dir: "/downloads/".into(),
            ..Session::default()
        };
        let folder = |c: &Transmission| c.folder(&session);
        assert_eq!(
            folder(&client("radarr", "")).as_deref(),
            Some("/downloads/radarr")
        );
        assert_eq!(
            folder(&client("radarr", "/movies")).as_deref(),
            Some("/movies")
        );
        assert_eq!(folder(&client("", "")), None, "no category: everything");
    }

    #[test]
    fn the_category_takes_radarrs_characters_and_not_with_a_directory() {
        assert!(client("radarr-movies", "").check_settings().is_ok());
        assert!(client(".radarr", "").check_settings().is_ok());
        let setting = |c: Transmission| match c.check_settings() {
            Err(DownloadError::Setting { setting, .. }) => setting,
            other => panic!("{other:?}"),
        };
        assert_eq!(setting(client("radarr/movies", "")), "movieCategory");
        assert_eq!(setting(client("radarr", "/movies")), "movieCategory");
    }
}
