//! Blackhole clients: a grabbed .torrent, magnet link or .nzb is written into
//! a folder that a download client watches, as Radarr's Torrent and Usenet
//! Blackhole do; what that client finishes appears in a watch folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use domain::naming::clean_file_name;
use domain::release::Protocol;
use sha1::{Digest, Sha1};

use crate::{DownloadClient, DownloadError, DownloadItem, DownloadStatus, Grab, Payload};

/// A watch folder entry changed this lately is still being written.
const SETTLE: Duration = Duration::from_secs(5);

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
    /// Whether finished downloads stay where they are (copied or
    /// hard-linked, so the watching client keeps seeding) or are moved.
    pub read_only: bool,
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

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        scan_watch_folder(&self.watch_folder, !self.read_only).await
    }

    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        remove_from_watch_folder(&self.watch_folder, download_id, delete_data).await
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

    async fn downloads(&self) -> Result<Vec<DownloadItem>, DownloadError> {
        scan_watch_folder(&self.watch_folder, true).await
    }

    async fn remove(&self, download_id: &str, delete_data: bool) -> Result<(), DownloadError> {
        remove_from_watch_folder(&self.watch_folder, download_id, delete_data).await
    }

    async fn test(&self) -> Result<(), DownloadError> {
        check_folder(&self.nzb_folder).await?;
        check_folder(&self.watch_folder).await
    }
}

/// A watch folder entry's id: the same name always gives the same id.
fn watch_id(name: &str) -> String {
    Sha1::digest(name.as_bytes())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// Each file or folder in the watch folder is a download: finished unless it
/// changed in the last few seconds.
async fn scan_watch_folder(
    folder: &Path,
    can_move: bool,
) -> Result<Vec<DownloadItem>, DownloadError> {
    let unreadable = |source| DownloadError::Write {
        path: folder.display().to_string(),
        source,
    };
    let mut entries = tokio::fs::read_dir(folder).await.map_err(unreadable)?;
    let mut items = Vec::new();
    while let Some(entry) = entries.next_entry().await.map_err(unreadable)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // partial files and the write test's probe
        }
        let Ok(meta) = entry.metadata().await else {
            continue; // gone since the listing
        };
        let size = if meta.is_dir() {
            folder_size(&entry.path()).await
        } else {
            meta.len()
        };
        let settled = meta
            .modified()
            .ok()
            .and_then(|at| SystemTime::now().duration_since(at).ok())
            .is_some_and(|age| age >= SETTLE);
        let title = if meta.is_dir() {
            name.clone()
        } else {
            Path::new(&name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| name.clone())
        };
        items.push(DownloadItem {
            download_id: watch_id(&name),
            title,
            total_size: size,
            remaining_size: 0,
            remaining_time: None,
            status: if settled {
                DownloadStatus::Completed
            } else {
                DownloadStatus::Downloading
            },
            message: None,
            output_path: Some(entry.path()),
            can_move_files: can_move,
            can_be_removed: can_move,
        });
    }
    Ok(items)
}

/// The bytes of the files under a folder.
async fn folder_size(folder: &Path) -> u64 {
    let mut total = 0;
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(mut entries) = tokio::fs::read_dir(&dir).await else {
            continue;
        };
        while let Ok(Some(entry)) = entries.next_entry().await {
            match entry.metadata().await {
                Ok(meta) if meta.is_dir() => pending.push(entry.path()),
                Ok(meta) => total += meta.len(),
                Err(_) => {}
            }
        }
    }
    total
}

async fn remove_from_watch_folder(
    folder: &Path,
    download_id: &str,
    delete_data: bool,
) -> Result<(), DownloadError> {
    let items = scan_watch_folder(folder, true).await?;
    let Some(path) = items
        .into_iter()
        .find(|item| item.download_id == download_id)
        .and_then(|item| item.output_path)
    else {
        return Err(DownloadError::NotFound(download_id.to_string()));
    };
    if !delete_data {
        return Ok(()); // a watch folder holds nothing but the data
    }
    let removed = if path.is_dir() {
        tokio::fs::remove_dir_all(&path).await
    } else {
        tokio::fs::remove_file(&path).await
    };
    removed.map_err(|source| DownloadError::Write {
        path: path.display().to_string(),
        source,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn age(path: &Path, by: Duration) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - by).unwrap();
    }

    #[tokio::test]
    async fn the_watch_folder_lists_settled_entries_as_finished_and_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        let client = TorrentBlackhole {
            torrent_folder: dir.path().into(),
            watch_folder: dir.path().into(),
            save_magnet_files: false,
            magnet_file_extension: ".magnet".into(),
            read_only: true,
        };
        let done = dir.path().join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv");
        std::fs::write(&done, b"video").unwrap();
        age(&done, Duration::from_secs(60));
        std::fs::write(dir.path().join("Arriving.2024.mkv"), b"vi").unwrap();
        std::fs::write(dir.path().join(".x.torrent.partial"), b"").unwrap();

        let mut items = client.downloads().await.unwrap();
        items.sort_by(|a, b| a.title.cmp(&b.title));
        let titles: Vec<_> = items.iter().map(|i| (i.title.as_str(), i.status)).collect();
        assert_eq!(
            titles,
            [
                ("Arriving.2024", DownloadStatus::Downloading),
                (
                    "The.Matrix.1999.1080p.BluRay.x264-GRP",
                    DownloadStatus::Completed
                ),
            ]
        );
        let finished = &items[1];
        assert_eq!(finished.total_size, 5);
        assert_eq!(finished.output_path.as_deref(), Some(done.as_path()));
        assert!(!finished.can_move_files, "read only: copied, not moved");

        client.remove(&finished.download_id, true).await.unwrap();
        assert!(!done.exists());
        assert!(matches!(
            client.remove(&finished.download_id, true).await,
            Err(DownloadError::NotFound(_))
        ));
    }
}
