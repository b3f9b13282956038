//! Download clients: where a grabbed release is handed on and followed until
//! it is finished. Each client sits behind [`DownloadClient`]; the grab
//! service fetches the .torrent or .nzb and gives it to the client the
//! release's protocol calls for, and the queue asks each client for its
//! downloads.
#![forbid(unsafe_code)]

mod blackhole;
mod connection;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
mod nzbget;
mod qbittorrent;
mod sabnzbd;
pub mod torrent_hash;
mod transmission;

use std::path::PathBuf;
use std::time::Duration;

use async_trait::async_trait;
use domain::release::Protocol;

pub use blackhole::{TorrentBlackhole, UsenetBlackhole};
pub use connection::Connection;
pub use error::DownloadError;
pub use nzbget::{Nzbget, NzbgetPriority, NzbgetSettings};
pub use qbittorrent::{
    QBittorrent, QBittorrentContentLayout, QBittorrentInitialState, QBittorrentPriority,
    QBittorrentSettings,
};
pub use sabnzbd::{Sabnzbd, SabnzbdPriority, SabnzbdSettings};
pub use transmission::{Transmission, TransmissionPriority, TransmissionSettings};

/// What is handed to a client: a release's title and its payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Grab {
    /// The release's title, which names the download.
    pub title: String,
    /// The release's payload.
    pub payload: Payload,
    /// Whether the movie came out lately (Radarr: within 21 days), for
    /// clients that set a recent or an older movie's priority.
    pub recent: bool,
}

/// A release as a client receives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A .torrent file's bytes.
    Torrent(Vec<u8>),
    /// A magnet link.
    Magnet(String),
    /// An .nzb file's bytes.
    Nzb(Vec<u8>),
}

/// Where a download stands, as Radarr's `DownloadItemStatus` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadStatus {
    /// Waiting its turn.
    Queued,
    /// Paused by the user or the client.
    Paused,
    /// Downloading (or checking, or post-processing).
    Downloading,
    /// Finished: its files are at the output path.
    Completed,
    /// Failed for good; the message says why.
    Failed,
    /// Stuck in a way the user should see (stalled, an error the client
    /// may recover from); the message says why.
    Warning,
}

/// One download as its client reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct DownloadItem {
    /// The client's id for it: what [`DownloadClient::add`] returned
    /// (a torrent's info hash in upper case, SABnzbd's nzo id, …).
    pub download_id: String,
    /// Its name in the client.
    pub title: String,
    /// Its size in bytes.
    pub total_size: u64,
    /// Bytes still to download.
    pub remaining_size: u64,
    /// The client's estimate of the time left, when it has one.
    pub remaining_time: Option<Duration>,
    /// Where it stands.
    pub status: DownloadStatus,
    /// What the client says about it (an error, a warning).
    pub message: Option<String>,
    /// Its file or folder, as the client sees it (before remote path
    /// mapping); known once the client has decided where it goes.
    pub output_path: Option<PathBuf>,
    /// Whether its files may be moved away: a finished Usenet download, or
    /// a torrent that has stopped seeding. Otherwise they are copied or
    /// hard-linked so the client keeps seeding.
    pub can_move_files: bool,
    /// Whether it may be removed from the client after import.
    pub can_be_removed: bool,
}

/// A download client.
#[async_trait]
pub trait DownloadClient: Send + Sync {
    /// The protocol it downloads.
    fn protocol(&self) -> Protocol;
    /// Hands a release on; the client's id for the download, when it has one
    /// (a blackhole has none).
    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError>;
    /// The downloads it holds for us: those in its category (or folder),
    /// finished or not.
    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError>;
    /// Removes a download, and its data when `delete_data` is set.
    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError>;
    /// Tells the client a download was imported. Only qBittorrent does
    /// anything: it moves the torrent to its post-import category.
    async fn mark_imported(&self, _download_id: &str) -> Result<(), DownloadError> {
        Ok(())
    }
    /// Checks that the client can take releases, as Radarr's test does.
    async fn test(&self) -> Result<(), DownloadError>;
}
