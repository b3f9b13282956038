//! The log files in the data folder's `logs/`: listed newest first, and read
//! or deleted only by a name the listing gives, so a request names a log
//! file or nothing (no other path can be reached through it).

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

/// The file the server writes to; older ones are `radarr.0.txt` (the
/// newest), `radarr.1.txt`, and so on.
pub const CURRENT_FILE: &str = "radarr.txt";

/// The folder of the log files in a data folder.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// One log file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFile {
    /// Its name in the folder.
    pub name: String,
    /// When it was last written.
    pub modified: DateTime<Utc>,
    /// Where it is.
    pub path: PathBuf,
}

/// Whether `name` has the form of a log file's name (Radarr's route pattern
/// `[-.a-zA-Z0-9]+\.txt`): no separators, so never a path.
fn is_log_file_name(name: &str) -> bool {
    name.len() > ".txt".len()
        && name.ends_with(".txt")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// The order of files written at the same instant: the current file, then
/// the archives by number, which is by age.
fn age_rank(name: &str) -> (u8, u64, String) {
    if name == CURRENT_FILE {
        return (0, 0, String::new());
    }
    let number = name
        .strip_suffix(".txt")
        .and_then(|stem| stem.rsplit('.').next())
        .and_then(|n| n.parse().ok());
    match number {
        Some(n) => (1, n, String::new()),
        None => (2, 0, name.to_string()),
    }
}

/// The log files, newest first; none when the folder does not exist.
pub async fn list(folder: &Path) -> io::Result<Vec<LogFile>> {
    let mut entries = match tokio::fs::read_dir(folder).await {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        // Regular files only: a link could lead out of the folder.
        let Ok(meta) = tokio::fs::symlink_metadata(entry.path()).await else {
            continue;
        };
        if !meta.is_file() || !is_log_file_name(&name) {
            continue;
        }
        let modified = meta
            .modified()
            .map(DateTime::<Utc>::from)
            .unwrap_or_default();
        files.push(LogFile {
            name,
            modified,
            path: entry.path(),
        });
    }
    files.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| age_rank(&a.name).cmp(&age_rank(&b.name)))
    });
    Ok(files)
}

/// The listed file called `name`, if there is one.
pub async fn find(folder: &Path, name: &str) -> io::Result<Option<LogFile>> {
    if !is_log_file_name(name) {
        return Ok(None);
    }
    Ok(list(folder).await?.into_iter().find(|f| f.name == name))
}

/// A listed file's contents; `None` when no listed file has that name.
pub async fn read(folder: &Path, name: &str) -> io::Result<Option<Vec<u8>>> {
    match find(folder, name).await? {
        Some(file) => match tokio::fs::read(&file.path).await {
            Ok(bytes) => Ok(Some(bytes)),
            // Rolled away between the listing and the read.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

/// Deletes every log file but empties the current one instead: the server
/// holds it open and goes on writing to it. Returns how many were removed
/// or emptied.
pub async fn delete_all(folder: &Path) -> io::Result<usize> {
    let files = list(folder).await?;
    for file in &files {
        let done = if file.name == CURRENT_FILE {
            empty(&file.path).await
        } else {
            tokio::fs::remove_file(&file.path).await
        };
        match done {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(files.len())
}

/// Cuts a file to nothing in place. The writer appends, so its next line
/// lands at the new end rather than past a hole.
async fn empty(path: &Path) -> io::Result<()> {
    let file = tokio::fs::OpenOptions::new().write(true).open(path).await?;
    file.set_len(0).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_txt_names_are_log_files() {
        for good in [
            "radarr.txt",
            "radarr.0.txt",
            "radarr.debug.12.txt",
            "a-b.txt",
        ] {
            assert!(is_log_file_name(good), "{good}");
        }
        for bad in [
            "../config.toml",
            "..%2Fconfig.txt",
            "logs/radarr.txt",
            "radarr.log",
            ".txt",
            "rádarr.txt",
            "",
        ] {
            assert!(!is_log_file_name(bad), "{bad}");
        }
    }

    #[tokio::test]
    async fn the_listing_is_newest_first_and_skips_what_is_not_a_log_file() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["radarr.1.txt", "radarr.0.txt", "radarr.txt", "notes.md"] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        std::fs::create_dir(dir.path().join("old.txt")).unwrap();
        let now = std::time::SystemTime::now();
        // Oldest first, as rolling leaves them.
        for (name, age) in [("radarr.1.txt", 20), ("radarr.0.txt", 10)] {
            let file = std::fs::File::options()
                .write(true)
                .open(dir.path().join(name))
                .unwrap();
            file.set_modified(now - std::time::Duration::from_secs(age))
                .unwrap();
        }
        let names: Vec<_> = list(dir.path())
            .await
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, ["radarr.txt", "radarr.0.txt", "radarr.1.txt"]);
        assert_eq!(
            read(dir.path(), "radarr.0.txt").await.unwrap().as_deref(),
            Some(&b"radarr.0.txt"[..])
        );
        assert_eq!(read(dir.path(), "notes.md").await.unwrap(), None);
        assert_eq!(read(dir.path(), "old.txt").await.unwrap(), None);
    }

    #[tokio::test]
    async fn deleting_keeps_the_current_file_empty_and_removes_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["radarr.txt", "radarr.0.txt"] {
            std::fs::write(dir.path().join(name), "line\n").unwrap();
        }
        assert_eq!(delete_all(dir.path()).await.unwrap(), 2);
        assert_eq!(std::fs::read(dir.path().join("radarr.txt")).unwrap(), b"");
        assert!(!dir.path().join("radarr.0.txt").exists());
        let missing = dir.path().join("nothing");
        assert_eq!(delete_all(&missing).await.unwrap(), 0);
    }
}
