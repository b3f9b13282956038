//! The data folder: created on first start, owned by one process (for
//! SQLite), and holding the API key.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config_file;
use crate::error::ServerError;

/// The lock file's name.
pub const LOCK_FILE: &str = "unified-radarr.lock";

/// Holds the data folder's lock until dropped (or the process ends).
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

/// Creates the data folder if needed.
pub fn create(data_dir: &Path) -> Result<(), ServerError> {
    std::fs::create_dir_all(data_dir).map_err(|e| ServerError::Io(data_dir.to_path_buf(), e))
}

/// Takes the folder's lock, or says which folder another process holds.
/// The operating system releases it when the process dies, however it dies.
pub fn lock(data_dir: &Path) -> Result<DataDirLock, ServerError> {
    let path = data_dir.join(LOCK_FILE);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ServerError::Io(path.clone(), e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(ServerError::DataDirInUse(data_dir.to_path_buf(), path));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(ServerError::Io(path, e)),
    }
    // The pid is for people looking at the folder; the lock is what counts.
    let _ = file
        .set_len(0)
        .and_then(|()| writeln!(file, "{}", std::process::id()));
    Ok(DataDirLock { _file: file })
}

/// The API key: the configured one, else the one kept in the config file,
/// else a new one, saved there. Returns the key and whether it is new.
pub fn api_key(data_dir: &Path, configured: Option<&str>) -> Result<(String, bool), ServerError> {
    if let Some(key) = configured {
        return Ok((key.to_string(), false));
    }
    let key = new_api_key();
    config_file::save_setting(data_dir, "api_key", &key)?;
    Ok((key, true))
}

/// 32 lower-case hex digits, the shape of Radarr's keys.
fn new_api_key() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SQLite file's folder, which must exist before the file can be created.
pub fn ensure_parent(file: &Path) -> Result<(), ServerError> {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => create(parent),
        _ => Ok(()),
    }
}

/// The absolute form of a path, for display in system/status.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path()).unwrap();
        assert!(matches!(
            lock(dir.path()),
            Err(ServerError::DataDirInUse(..))
        ));
        drop(first);
        assert!(lock(dir.path()).is_ok());
    }

    #[test]
    fn a_generated_key_is_kept_and_a_configured_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        let (key, new) = api_key(dir.path(), None).unwrap();
        assert!(new);
        assert_eq!(key.len(), 32);
        assert!(
            key.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        let stored = config_file::load(dir.path()).unwrap().api_key;
        assert_eq!(stored.as_deref(), Some(key.as_str()));
        assert_eq!(
            api_key(dir.path(), Some("mine")).unwrap(),
            ("mine".to_string(), false)
        );
    }
}
