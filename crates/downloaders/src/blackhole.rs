//! Blackhole clients: a grabbed .torrent, magnet link or .nzb is written into
//! a folder that a download client watches, as Radarr's Torrent and Usenet
//! Blackhole do.

use std::path::{Path, PathBuf};

use async_trait::async_trait;
use domain::naming::clean_file_name;
use domain::release::Protocol;

use crate::{DownloadClient, DownloadError, Grab, Payload};

/// Writes .torrent files (and, if asked, magnet links) into a folder.
#[derive(Debug, Clone)]
pub struct TorrentBlackhole {
    /// Where .torrent files are written.
    pub torrent_folder: PathBuf,
    /// Where finished downloads appear.
    pub watch_folder: PathBuf,
    /// Whether magnet links are written as files; refused otherwise.
    pub save_magnet_files: bool,
    /// The extension of magnet files, e.g. `.magnet`.
    pub magnet_file_extension: String,
}

/// Writes .nzb files into a folder.
#[derive(Debug, Clone)]
pub struct UsenetBlackhole {
    /// Where .nzb files are written.
    pub nzb_folder: PathBuf,
    /// Where finished downloads appear.
    pub watch_folder: PathBuf,
}

#[async_trait]
impl DownloadClient for TorrentBlackhole {
    fn protocol(&self) -> Protocol {
        Protocol::Torrent
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let name = clean_file_name(&grab.title);
        match &grab.payload {
            Payload::Torrent(bytes) => {
                write_whole(&self.torrent_folder.join(format!("{name}.torrent")), bytes).await?;
            }
            Payload::Magnet(link) if self.save_magnet_files => {
                let extension = self.magnet_file_extension.trim_start_matches('.');
                let path = self.torrent_folder.join(format!("{name}.{extension}"));
                write_whole(&path, link.as_bytes()).await?;
            }
            Payload::Magnet(_) => {
                return Err(DownloadError::Unsupported(
                    "Blackhole does not support magnet links.".into(),
                ));
            }
            Payload::Nzb(_) => {
                return Err(DownloadError::Unsupported(
                    "Torrent Blackhole cannot take an .nzb.".into(),
                ));
            }
        }
        Ok(None)
    }

    async fn test(&self) -> Result<(), DownloadError> {
        check_folder(&self.torrent_folder).await?;
        check_folder(&self.watch_folder).await
    }
}

#[async_trait]
impl DownloadClient for UsenetBlackhole {
    fn protocol(&self) -> Protocol {
        Protocol::Usenet
    }

    async fn add(&self, grab: &Grab) -> Result<Option<String>, DownloadError> {
        let Payload::Nzb(bytes) = &grab.payload else {
            return Err(DownloadError::Unsupported(
                "Usenet Blackhole takes only an .nzb.".into(),
            ));
        };
        let name = clean_file_name(&grab.title);
        write_whole(&self.nzb_folder.join(format!("{name}.nzb")), bytes).await?;
        Ok(None)
    }

    async fn test(&self) -> Result<(), DownloadError> {
        check_folder(&self.nzb_folder).await?;
        check_folder(&self.watch_folder).await
    }
}

/// Writes a file whole or not at all: to a hidden partial file, then renamed,
/// so a watching client never picks up half a file.
async fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), DownloadError> {
    let failed = |source| DownloadError::Write {
        path: path.display().to_string(),
        source,
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = path.with_file_name(format!(".{file_name}.partial"));
    tokio::fs::write(&partial, bytes).await.map_err(failed)?;
    tokio::fs::rename(&partial, path).await.map_err(failed)
}

/// Radarr's folder test: the folder exists and can be written to.
async fn check_folder(folder: &Path) -> Result<(), DownloadError> {
    let problem = |reason: &str| DownloadError::Folder {
        path: folder.display().to_string(),
        reason: reason.to_string(),
    };
    match tokio::fs::metadata(folder).await {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(problem("is not a folder")),
        Err(_) => return Err(problem("does not exist")),
    }
    let probe = folder.join(".unified-radarr-write-test");
    match tokio::fs::write(&probe, b"").await {
        Ok(()) => {
            let _ = tokio::fs::remove_file(&probe).await;
            Ok(())
        }
        Err(_) => Err(problem("is not writable")),
    }
}
