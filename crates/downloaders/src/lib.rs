//! Download clients: where a grabbed release is handed on. Each client sits
//! behind [`DownloadClient`]; the grab service fetches the .torrent or .nzb
//! and gives it to the client the release's protocol calls for.
#![forbid(unsafe_code)]

mod blackhole;
mod error;

use async_trait::async_trait;
use domain::release::Protocol;

pub use blackhole::{TorrentBlackhole, UsenetBlackhole};
pub use error::DownloadError;

/// What is handed to a client: a release's title and its payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Grab {
    /// The release's title, which names the file written.
    pub title: String,
    /// The release's payload.
    pub payload: Payload,
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

/// A download client.
#[async_trait]
pub trait DownloadClient: Send + Sync {
    /// The protocol it downloads.
    fn protocol(&self) -> Protocol;
    /// Hands a release on; the client's id for the download, when it has one.
    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError>;
    /// Checks that the client can take releases, as Radarr's test does.
    async fn test(&self) -> Result<(), DownloadError>;
}
