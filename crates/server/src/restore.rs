//! Puts a restored database in place at start, before the database is
//! opened: the API checked and staged it in the data folder's `restore/`
//! folder (`api::services::backup::restore`). The database it replaces, and
//! its WAL files, are kept under `restore/replaced/`. Each step is a rename,
//! and a start that stops midway finds the staged file still there and
//! finishes the job.

use std::path::{Path, PathBuf};

use api::services::backup::restore::{replaced_folder, staged_database};

use crate::error::ServerError;
use crate::settings::DatabaseSettings;

/// The files SQLite keeps beside a database, which belong to the one being
/// replaced: left there, they would be read into the restored one.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Puts a staged database in place of the SQLite database; returns whether
/// there was one. On PostgreSQL a staged file is left alone (the API does
/// not stage one there; the folder may have moved between backends).
pub fn apply_staged(data_dir: &Path, database: &DatabaseSettings) -> Result<bool, ServerError> {
    let staged = staged_database(data_dir);
    if !staged.is_file() {
        return Ok(false);
    }
    let DatabaseSettings::Sqlite(target) = database else {
        tracing::warn!(
            file = %staged.display(),
            "a restored SQLite database is waiting, but the server runs on PostgreSQL; it is left where it is"
        );
        return Ok(false);
    };
    let aside = replaced_folder(data_dir);
    let mut moved_aside = false;
    for companion in COMPANIONS {
        let file = with_suffix(target, companion);
        if file.exists() {
            move_into(&file, &aside)?;
            moved_aside = true;
        }
    }
    if target.exists() {
        move_into(target, &aside)?;
        moved_aside = true;
    }
    move_file(&staged, target)?;
    if moved_aside {
        tracing::info!(
            database = %target.display(),
            replaced = %aside.display(),
            "restored the database from a backup; the one it replaced is kept"
        );
    } else {
        tracing::info!(database = %target.display(), "restored the database from a backup");
    }
    Ok(true)
}

/// `path` with `suffix` after its name: `radarr.db` → `radarr.db-wal`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Moves `file` into the folder `folder`, creating it.
fn move_into(file: &Path, folder: &Path) -> Result<(), ServerError> {
    std::fs::create_dir_all(folder).map_err(|e| ServerError::Io(folder.to_path_buf(), e))?;
    let name = file.file_name().unwrap_or(file.as_os_str());
    move_file(file, &folder.join(name))
}

/// Renames `from` to `to`; across file systems, copies to a temporary name
/// beside `to`, renames that, then removes `from`.
fn move_file(from: &Path, to: &Path) -> Result<(), ServerError> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    let temp = with_suffix(to, ".restoring");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| ServerError::Io(path, e)
    };
    std::fs::copy(from, &temp).map_err(io(&temp))?;
    std::fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(io(&temp))?;
    std::fs::rename(&temp, to).map_err(io(to))?;
    std::fs::remove_file(from).map_err(io(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staged_database_replaces_the_old_one_which_is_kept_with_its_wal() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("unified-radarr.db");
        std::fs::write(&db, "old").unwrap();
        std::fs::write(with_suffix(&db, "-wal"), "old wal").unwrap();
        let database = DatabaseSettings::Sqlite(db.clone());
        assert!(
            !apply_staged(dir.path(), &database).unwrap(),
            "nothing staged"
        );

        let staged = staged_database(dir.path());
        std::fs::create_dir_all(staged.parent().unwrap()).unwrap();
        std::fs::write(&staged, "restored").unwrap();
        assert!(apply_staged(dir.path(), &database).unwrap());
        assert_eq!(std::fs::read_to_string(&db).unwrap(), "restored");
        assert!(
            !with_suffix(&db, "-wal").exists(),
            "the old WAL is not read into it"
        );
        assert!(!staged.exists());
        let replaced = dir.path().join("restore/replaced");
        let kept: Vec<PathBuf> = std::fs::read_dir(&replaced)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].join("unified-radarr.db")).unwrap(),
            "old"
        );
        assert!(kept[0].join("unified-radarr.db-wal").exists());
    }

    #[test]
    fn a_start_stopped_midway_finishes_the_restore() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("unified-radarr.db");
        // The old database was moved aside, then the process died.
        let staged = staged_database(dir.path());
        std::fs::create_dir_all(staged.parent().unwrap()).unwrap();
        std::fs::write(&staged, "restored").unwrap();
        assert!(apply_staged(dir.path(), &DatabaseSettings::Sqlite(db.clone())).unwrap());
        assert_eq!(std::fs::read_to_string(&db).unwrap(), "restored");
    }
}
