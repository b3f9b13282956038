//! Making a backup: a zip of a consistent copy of the SQLite database and
//! the data folder's `config.toml`, named as Radarr names its backups.
//! The zip is written under a temporary name and renamed when whole, so a
//! crash never leaves a half zip that looks like a backup.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Local, Timelike};
use store::Backend;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::files::{BackupFile, BackupKind};
use super::{CONFIG_ENTRY, DATABASE_ENTRY, blocking, io_error};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// What ends the names of files still being written.
const PARTIAL: &str = ".partial";

/// A backup just made.
#[derive(Debug)]
pub struct MadeBackup {
    /// The zip.
    pub file: BackupFile,
    /// Whether the database is in it (not on PostgreSQL).
    pub has_database: bool,
    /// Whether `config.toml` is in it (when the data folder has one).
    pub has_config: bool,
}

/// Makes a backup of `kind` in the backup folder.
pub async fn make_backup(state: &AppState, kind: BackupKind) -> ApiResult<MadeBackup> {
    let folder = super::folder(state).await?.join(kind.folder_name());
    let name = format!(
        "radarr_backup_v{}_{}.zip",
        state.config.app_version,
        Local::now().format("%Y.%m.%d_%H.%M.%S")
    );
    let prepared = folder.clone();
    blocking(move || prepare_folder(&prepared)).await?;
    let database_copy = folder.join(format!("{name}.db{PARTIAL}"));
    let has_database = state.store.backend() == Backend::Sqlite;
    if has_database {
        state
            .store
            .backup_database(&database_copy)
            .await
            .map_err(|e| ApiError::Internal(format!("the database could not be copied: {e}")))?;
    }
    let config = state.config.data_dir.join(CONFIG_ENTRY);
    let has_config = config.is_file();
    let target = folder.join(&name);
    let written = blocking(move || {
        let copy = has_database.then_some(database_copy.as_path());
        let written = write_zip(&target, kind, copy, has_config.then_some(config.as_path()));
        // The copy is in the zip now, or the zip failed: either way it goes.
        if let Some(copy) = copy {
            let _ = std::fs::remove_file(copy);
        }
        written
    })
    .await;
    let file = written?;
    tracing::info!(file = %file.path.display(), "backup made");
    Ok(MadeBackup {
        file,
        has_database,
        has_config,
    })
}

/// Creates the folder and clears what a backup stopped midway left there.
fn prepare_folder(folder: &Path) -> ApiResult<()> {
    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
    let entries = std::fs::read_dir(folder).map_err(|e| io_error(folder, e))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().ends_with(PARTIAL) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// Writes the zip under a temporary name, flushes it to disk, then renames
/// it into place.
fn write_zip(
    target: &Path,
    kind: BackupKind,
    database: Option<&Path>,
    config: Option<&Path>,
) -> ApiResult<BackupFile> {
    let partial = PathBuf::from(format!("{}{PARTIAL}", target.display()));
    let written = write_entries(&partial, database, config)
        .and_then(|()| std::fs::rename(&partial, target).map_err(|e| io_error(target, e)));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    let meta = std::fs::metadata(target).map_err(|e| io_error(target, e))?;
    Ok(BackupFile {
        name: target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind,
        path: target.to_path_buf(),
        size: meta.len(),
        time: meta.modified().map(Into::into).unwrap_or_default(),
    })
}

/// Writes the zip's entries to `partial` and syncs it.
fn write_entries(partial: &Path, database: Option<&Path>, config: Option<&Path>) -> ApiResult<()> {
    let file = File::create(partial).map_err(|e| io_error(partial, e))?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    let now = entry_time(Local::now());
    if let Some(database) = database {
        add_entry(&mut zip, DATABASE_ENTRY, database, now)?;
    }
    if let Some(config) = config {
        add_entry(&mut zip, CONFIG_ENTRY, config, now)?;
    }
    let mut out = zip.finish().map_err(zip_error)?;
    out.flush().map_err(|e| io_error(partial, e))?;
    let file = out
        .into_inner()
        .map_err(|e| io_error(partial, e.into_error()))?;
    file.sync_all().map_err(|e| io_error(partial, e))
}

/// `time` as a zip entry's time (local, as zip tools show it); the zip
/// format's earliest, 1980, when it cannot be one.
fn entry_time(time: DateTime<Local>) -> zip::DateTime {
    let part = |n: u32| u8::try_from(n).unwrap_or(0);
    u16::try_from(time.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                part(time.month()),
                part(time.day()),
                part(time.hour()),
                part(time.minute()),
                part(time.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Adds the file `from` to the zip as `entry`, compressed, written at `time`.
fn add_entry(
    zip: &mut ZipWriter<BufWriter<File>>,
    entry: &str,
    from: &Path,
    time: zip::DateTime,
) -> ApiResult<()> {
    let size = std::fs::metadata(from)
        .map_err(|e| io_error(from, e))?
        .len();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .large_file(size >= u64::from(u32::MAX));
    zip.start_file(entry, options).map_err(zip_error)?;
    let mut reader = BufReader::new(File::open(from).map_err(|e| io_error(from, e))?);
    std::io::copy(&mut reader, zip).map_err(|e| io_error(from, e))?;
    Ok(())
}

fn zip_error(e: zip::result::ZipError) -> ApiError {
    ApiError::Internal(format!("the backup zip could not be written: {e}"))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn entries_carry_the_time_of_the_backup() {
        let time = Local.with_ymd_and_hms(2026, 12, 3, 8, 30, 21).unwrap();
        let entry = entry_time(time);
        assert_eq!((entry.year(), entry.month(), entry.day()), (2026, 12, 3));
        // Zip times count seconds in twos.
        assert_eq!((entry.hour(), entry.minute(), entry.second()), (8, 30, 20));
    }
}
