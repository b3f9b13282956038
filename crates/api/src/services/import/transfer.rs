//! Placing a file in the library so that a crash never leaves half a file
//! under the movie's name: it is written (or linked) under a hidden
//! temporary name beside its destination, flushed, and then renamed into
//! place, which is atomic on one file system.

use std::io;
use std::path::{Path, PathBuf};

/// How the file reaches the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Moved away (a finished Usenet download, a torrent done seeding).
    Move,
    /// Hard-linked where the file systems allow, else copied: the client
    /// keeps seeding the original.
    LinkOrCopy,
    /// Copied, when the settings turn hard links off.
    Copy,
}

/// How the file was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Moved,
    HardLinked,
    Copied,
}

/// The temporary name a file is placed under before it takes its own.
pub fn temporary(destination: &Path) -> PathBuf {
    let name = destination
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    destination.with_file_name(format!(".{name}.partial"))
}

/// Places `source` at `destination` (replacing what is there, which the
/// caller has decided may go).
pub fn place(source: &Path, destination: &Path, mode: Mode) -> io::Result<Placed> {
    let temp = temporary(destination);
    // A temporary file left by an earlier attempt is ours to replace.
    match std::fs::remove_file(&temp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let placed = match mode {
        Mode::Move => match std::fs::rename(source, &temp) {
            Ok(()) => Placed::Moved,
            // Another file system: copied now, the source removed once the
            // copy is in place.
            Err(_) => {
                copy_synced(source, &temp)?;
                Placed::Copied
            }
        },
        Mode::LinkOrCopy => match std::fs::hard_link(source, &temp) {
            Ok(()) => Placed::HardLinked,
            Err(_) => {
                copy_synced(source, &temp)?;
                Placed::Copied
            }
        },
        Mode::Copy => {
            copy_synced(source, &temp)?;
            Placed::Copied
        }
    };
    super::crash_point("import:temporary");
    if let Err(e) = std::fs::rename(&temp, destination) {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    sync_folder(destination);
    if mode == Mode::Move && placed == Placed::Copied {
        std::fs::remove_file(source)?;
        return Ok(Placed::Moved);
    }
    Ok(placed)
}

fn copy_synced(source: &Path, temp: &Path) -> io::Result<()> {
    std::fs::copy(source, temp)?;
    std::fs::File::open(temp)?.sync_all()
}

/// Makes the rename itself durable; a folder that cannot be opened to sync
/// (some network file systems) is left to the OS.
fn sync_folder(file: &Path) {
    if let Some(folder) = file.parent()
        && let Ok(dir) = std::fs::File::open(folder)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt;

    use super::*;

    #[test]
    fn a_linked_file_keeps_its_source_and_a_moved_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("download.mkv");
        std::fs::write(&source, b"video").unwrap();
        let linked = dir.path().join("Movie (2020).mkv");
        assert_eq!(
            place(&source, &linked, Mode::LinkOrCopy).unwrap(),
            Placed::HardLinked
        );
        assert!(source.exists());
        assert_eq!(
            std::fs::metadata(&linked).unwrap().ino(),
            std::fs::metadata(&source).unwrap().ino()
        );
        assert!(!temporary(&linked).exists());

        let moved = dir.path().join("Moved (2020).mkv");
        assert_eq!(place(&source, &moved, Mode::Move).unwrap(), Placed::Moved);
        assert!(!source.exists());
        assert_eq!(std::fs::read(&moved).unwrap(), b"video");
    }

    #[test]
    fn a_leftover_temporary_file_is_replaced_and_a_missing_source_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("download.mkv");
        std::fs::write(&source, b"whole").unwrap();
        let destination = dir.path().join("Movie.mkv");
        std::fs::write(temporary(&destination), b"half").unwrap();
        place(&source, &destination, Mode::LinkOrCopy).unwrap();
        assert_eq!(std::fs::read(&destination).unwrap(), b"whole");

        let gone = dir.path().join("gone.mkv");
        let other = dir.path().join("Other.mkv");
        assert!(place(&gone, &other, Mode::Move).is_err());
        assert!(!other.exists() && !temporary(&other).exists());
    }
}
