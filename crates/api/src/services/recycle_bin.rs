//! The recycle bin: where deleted and replaced movie files (and deleted
//! movies' folders) go when the media management settings name one, in a
//! folder named for their movie; without one they are deleted for good.
//! `CleanUpRecycleBin` empties out what has been there longer than the
//! settings keep it.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::services::media_management::MediaManagement;

/// Deletes the file at `path` of the movie whose folder is named
/// `movie_folder`: into the recycle bin when one is set.
pub fn discard_file(settings: &MediaManagement, path: &Path, movie_folder: &str) -> io::Result<()> {
    if settings.recycle_bin.is_empty() {
        return std::fs::remove_file(path);
    }
    let name = path.file_name().unwrap_or_default();
    let folder = Path::new(&settings.recycle_bin).join(movie_folder);
    std::fs::create_dir_all(&folder)?;
    let destination = free_name(&folder.join(name));
    move_path(path, &destination)?;
    // The bin counts days from the deletion, not from the file's last write.
    std::fs::File::options()
        .write(true)
        .open(&destination)?
        .set_modified(SystemTime::now())?;
    tracing::info!(file = %path.display(), to = %destination.display(), "moved to the recycle bin");
    Ok(())
}

/// Deletes a movie's folder: into the recycle bin when one is set.
pub fn discard_folder(settings: &MediaManagement, path: &Path) -> io::Result<()> {
    if settings.recycle_bin.is_empty() {
        return std::fs::remove_dir_all(path);
    }
    let name = path.file_name().unwrap_or_default();
    let destination = free_name(&Path::new(&settings.recycle_bin).join(name));
    move_path(path, &destination)?;
    touch_files(&destination);
    tracing::info!(folder = %path.display(), to = %destination.display(), "moved to the recycle bin");
    Ok(())
}

/// Removes from the recycle bin the files deleted more than the settings'
/// days ago, and the folders left empty; the number of files removed.
pub fn clean_up(settings: &MediaManagement) -> io::Result<usize> {
    if settings.recycle_bin.is_empty() || settings.recycle_bin_cleanup_days <= 0 {
        return Ok(0);
    }
    let days = u64::try_from(settings.recycle_bin_cleanup_days).unwrap_or(0);
    let cutoff = SystemTime::now() - Duration::from_secs(days * 24 * 60 * 60);
    let bin = Path::new(&settings.recycle_bin);
    let mut removed = 0;
    for path in files_under(bin) {
        let old = std::fs::symlink_metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < cutoff);
        if old {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    remove_empty_folders(bin);
    Ok(removed)
}

/// `wanted`, or the first of `name (1).ext`, `name (2).ext`, … not taken.
fn free_name(wanted: &Path) -> PathBuf {
    if std::fs::symlink_metadata(wanted).is_err() {
        return wanted.to_path_buf();
    }
    let stem = wanted.file_stem().unwrap_or_default().to_string_lossy();
    let extension = wanted
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (1..)
        .map(|n| wanted.with_file_name(format!("{stem} ({n}){extension}")))
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .unwrap_or_else(|| wanted.to_path_buf())
}

/// Moves a file or folder, copying across file systems.
fn move_path(from: &Path, to: &Path) -> io::Result<()> {
    match std::fs::rename(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {
            copy_tree(from, to)?;
            if from.is_dir() {
                std::fs::remove_dir_all(from)
            } else {
                std::fs::remove_file(from)
            }
        }
        Err(e) => Err(e),
    }
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    if !from.is_dir() {
        std::fs::copy(from, to)?;
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        copy_tree(&entry.path(), &to.join(entry.file_name()))?;
    }
    Ok(())
}

/// Every file under `root`, symbolic links not followed.
fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(entry.path()),
                Ok(_) => files.push(entry.path()),
                Err(_) => {}
            }
        }
    }
    files
}

fn touch_files(root: &Path) {
    for path in files_under(root) {
        if let Ok(file) = std::fs::File::options().write(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
    }
}

/// Removes the folders under `root` that hold nothing (deepest first).
fn remove_empty_folders(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|k| k.is_dir()) {
            let path = entry.path();
            remove_empty_folders(&path);
            // Fails, as it should, when the folder still holds something.
            let _ = std::fs::remove_dir(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(bin: &Path) -> MediaManagement {
        MediaManagement {
            recycle_bin: bin.to_string_lossy().into_owned(),
            ..MediaManagement::default()
        }
    }

    #[test]
    fn a_file_goes_to_its_movies_folder_in_the_bin_under_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let movie = dir.path().join("The Matrix (1999)");
        std::fs::create_dir(&movie).unwrap();
        let settings = settings(&bin);
        for content in ["first", "second"] {
            let file = movie.join("The Matrix.mkv");
            std::fs::write(&file, content).unwrap();
            discard_file(&settings, &file, "The Matrix (1999)").unwrap();
            assert!(!file.exists());
        }
        let kept = bin.join("The Matrix (1999)");
        assert_eq!(
            std::fs::read(kept.join("The Matrix.mkv")).unwrap(),
            b"first"
        );
        assert_eq!(
            std::fs::read(kept.join("The Matrix (1).mkv")).unwrap(),
            b"second"
        );

        std::fs::write(movie.join("extra.srt"), "subs").unwrap();
        discard_folder(&settings, &movie).unwrap();
        assert!(!movie.exists());
        assert_eq!(
            std::fs::read(bin.join("The Matrix (1999) (1)/extra.srt")).unwrap(),
            b"subs"
        );
    }

    #[test]
    fn without_a_bin_files_are_deleted_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.mkv");
        std::fs::write(&file, "x").unwrap();
        discard_file(&MediaManagement::default(), &file, "A (2000)").unwrap();
        assert!(!file.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn clean_up_removes_only_what_has_been_there_long_enough() {
        let dir = tempfile::tempdir().unwrap();
        let settings = MediaManagement {
            recycle_bin_cleanup_days: 7,
            ..settings(dir.path())
        };
        let old_folder = dir.path().join("Old (1990)");
        std::fs::create_dir(&old_folder).unwrap();
        let old = old_folder.join("old.mkv");
        std::fs::write(&old, "old").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(8 * 24 * 60 * 60))
            .unwrap();
        let recent = dir.path().join("recent.mkv");
        std::fs::write(&recent, "recent").unwrap();

        assert_eq!(clean_up(&settings).unwrap(), 1);
        assert!(!old.exists() && !old_folder.exists());
        assert!(recent.exists());
        let keep_forever = MediaManagement {
            recycle_bin_cleanup_days: 0,
            ..settings.clone()
        };
        assert_eq!(clean_up(&keep_forever).unwrap(), 0);
    }
}
