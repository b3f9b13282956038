//! Restoring a backup, crash-safe: the zip (or a bare database file) is
//! checked whole before anything changes, so a bad one changes nothing.
//! The database is staged in the data folder's `restore/` folder and put in
//! place at the next start, before the database is opened (the server's
//! `restore` module); `config.toml`, which the server reads only at start,
//! is swapped in at once, atomically. What a restore replaces is kept under
//! `restore/replaced/`.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use chrono::Local;
use futures::{Stream, StreamExt};
use store::Backend;
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;
use zip::ZipArchive;

use super::{CONFIG_ENTRY, DATABASE_ENTRY, blocking, io_error};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The folder in the data folder where a restore waits for the next start.
pub const RESTORE_FOLDER: &str = "restore";

/// The largest `config.toml` a backup may hold: the real one is a few lines.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The largest upload a restore takes: far above a 10,000-movie library's
/// database, and a bound on what a bad client can put on the disk.
const UPLOAD_LIMIT: u64 = 4 * 1024 * 1024 * 1024;

/// One restore at a time: they share the staging files.
static RESTORING: Mutex<()> = Mutex::const_new(());

/// Where a restored database waits for the next start.
pub fn staged_database(data_dir: &Path) -> PathBuf {
    data_dir.join(RESTORE_FOLDER).join(DATABASE_ENTRY)
}

/// A folder, not there yet, for what a restore replaces: named for now,
/// with a number after it when another restore used the name this second.
pub fn replaced_folder(data_dir: &Path) -> PathBuf {
    let parent = data_dir.join(RESTORE_FOLDER).join("replaced");
    let stamp = Local::now().format("%Y.%m.%d_%H.%M.%S").to_string();
    let mut folder = parent.join(&stamp);
    let mut next = 2;
    while folder.exists() {
        folder = parent.join(format!("{stamp}-{next}"));
        next += 1;
    }
    folder
}

/// What a restore brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restored {
    /// A database, staged for the next start.
    pub database: bool,
    /// `config.toml`, in place for the next start.
    pub config: bool,
}

/// What an uploaded file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadKind {
    /// A backup zip.
    Zip,
    /// A bare database file.
    Database,
}

impl UploadKind {
    /// The extensions accepted, as the refusal lists them.
    pub const EXTENSIONS: &str = ".zip, .db";

    /// The kind a file name's extension (in any case) says.
    pub fn from_file_name(name: &str) -> Option<UploadKind> {
        let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "zip" => Some(UploadKind::Zip),
            "db" => Some(UploadKind::Database),
            _ => None,
        }
    }
}

/// Writes the uploaded bytes to `path` and answers how many there were.
/// A failed or too large upload leaves no file behind.
async fn save_upload<E: std::fmt::Display>(
    path: &Path,
    mut chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: u64,
) -> ApiResult<u64> {
    let mut file = tokio::fs::File::create(path)
        .await
        .map_err(|e| io_error(path, e))?;
    let mut received = 0u64;
    let outcome = loop {
        let chunk = match chunks.next().await {
            None => break file.flush().await.map_err(|e| io_error(path, e)),
            Some(Ok(chunk)) => chunk,
            Some(Err(e)) => break Err(ApiError::BadRequest(format!("The upload failed: {e}"))),
        };
        received += chunk.len() as u64;
        if received > limit {
            break Err(ApiError::PayloadTooLarge);
        }
        if let Err(e) = file.write_all(&chunk).await {
            break Err(io_error(path, e));
        }
    };
    drop(file);
    if outcome.is_err() {
        let _ = tokio::fs::remove_file(path).await;
    }
    outcome.map(|()| received)
}

/// Restores the backup zip at `zip`.
pub async fn restore_zip(state: &AppState, zip: &Path) -> ApiResult<Restored> {
    let _one = RESTORING.lock().await;
    restore_zip_locked(state, zip.to_path_buf()).await
}

/// Restores an uploaded file: its bytes are saved in the data folder first,
/// then restored as [`restore_zip`] does (or as a bare database).
pub async fn restore_upload<E: std::fmt::Display>(
    state: &AppState,
    kind: UploadKind,
    chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
) -> ApiResult<Restored> {
    let _one = RESTORING.lock().await;
    let folder = restore_folder(state).await?;
    let upload = folder.join("upload.partial");
    let received = save_upload(&upload, chunks, UPLOAD_LIMIT).await?;
    let restored = if received == 0 {
        Err(ApiError::BadRequest("The uploaded file is empty".into()))
    } else {
        match kind {
            UploadKind::Zip => restore_zip_locked(state, upload.clone()).await,
            UploadKind::Database => {
                let partial = partial_database(&state.config.data_dir);
                let from = upload.clone();
                let moved = partial.clone();
                blocking(move || std::fs::rename(&from, &moved).map_err(|e| io_error(&moved, e)))
                    .await?;
                stage(state, Some(partial), None).await
            }
        }
    };
    let _ = tokio::fs::remove_file(&upload).await;
    restored
}

/// The restore folder, created.
async fn restore_folder(state: &AppState) -> ApiResult<PathBuf> {
    let folder = state.config.data_dir.join(RESTORE_FOLDER);
    let created = folder.clone();
    blocking(move || std::fs::create_dir_all(&created).map_err(|e| io_error(&created, e))).await?;
    Ok(folder)
}

/// Where a database is unpacked while it is checked.
fn partial_database(data_dir: &Path) -> PathBuf {
    data_dir
        .join(RESTORE_FOLDER)
        .join(format!("{DATABASE_ENTRY}.partial"))
}

async fn restore_zip_locked(state: &AppState, zip: PathBuf) -> ApiResult<Restored> {
    restore_folder(state).await?;
    let partial = partial_database(&state.config.data_dir);
    let on_postgres = state.store.backend() == Backend::Postgres;
    let target = partial.clone();
    let (database, config) = blocking(move || unpack(&zip, &target, on_postgres)).await?;
    stage(state, database.then_some(partial), config).await
}

/// Reads the zip: unpacks its database to `partial` and returns whether it
/// had one, and the text of its `config.toml`.
fn unpack(zip: &Path, partial: &Path, on_postgres: bool) -> ApiResult<(bool, Option<String>)> {
    let file = File::open(zip).map_err(|e| io_error(zip, e))?;
    let mut archive = ZipArchive::new(BufReader::new(file)).map_err(|e| {
        ApiError::BadRequest(format!("The file is not a readable zip archive: {e}"))
    })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|name| name.ok().map(|name| name.into_owned()))
        .collect();
    let find = |wanted: &str| {
        names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .cloned()
    };
    let (database, config) = (find(DATABASE_ENTRY), find(CONFIG_ENTRY));
    if database.is_none() && config.is_none() {
        let radarr = find("radarr.db").or_else(|| find("config.xml")).is_some();
        return Err(ApiError::BadRequest(if radarr {
            "This is a backup of Radarr itself (radarr.db, config.xml), which cannot be \
             restored here: it holds neither unified-radarr.db nor config.toml"
                .into()
        } else {
            "The backup holds neither unified-radarr.db nor config.toml".into()
        }));
    }
    if database.is_some() && on_postgres {
        return Err(ApiError::BadRequest(
            "The backup holds a SQLite database, but this server runs on PostgreSQL: restore \
             PostgreSQL with its own tools (pg_restore), or restore a backup holding only \
             config.toml"
                .into(),
        ));
    }
    let config = match config {
        Some(name) => Some(read_config(&mut archive, &name)?),
        None => None,
    };
    if let Some(name) = &database {
        let mut entry = archive.by_name(name).map_err(|e| {
            ApiError::BadRequest(format!("The backup's database cannot be read: {e}"))
        })?;
        let out = File::create(partial).map_err(|e| io_error(partial, e))?;
        let mut out = BufWriter::new(out);
        let copied = std::io::copy(&mut entry, &mut out)
            .and_then(|_| out.flush())
            .and_then(|()| out.get_ref().sync_all());
        if let Err(e) = copied {
            let _ = std::fs::remove_file(partial);
            return Err(ApiError::BadRequest(format!(
                "The backup's database cannot be unpacked: {e}"
            )));
        }
    }
    Ok((database.is_some(), config))
}

fn read_config<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
) -> ApiResult<String> {
    let entry = archive.by_name(name).map_err(|e| {
        ApiError::BadRequest(format!("The backup's config.toml cannot be read: {e}"))
    })?;
    let mut text = String::new();
    entry
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| {
            ApiError::BadRequest(format!("The backup's config.toml cannot be read: {e}"))
        })?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(ApiError::BadRequest(
            "The backup's config.toml is too large to be a config.toml".into(),
        ));
    }
    Ok(text)
}

/// Checks what was unpacked, then stages the database and puts
/// `config.toml` in place; a check that fails removes what was unpacked.
async fn stage(
    state: &AppState,
    database: Option<PathBuf>,
    config: Option<String>,
) -> ApiResult<Restored> {
    let checked = check(state, database.as_deref(), config.as_deref()).await;
    if let Err(e) = checked {
        if let Some(partial) = database {
            let _ = std::fs::remove_file(partial);
        }
        return Err(e);
    }
    let data_dir = state.config.data_dir.clone();
    let restored = Restored {
        database: database.is_some(),
        config: config.is_some(),
    };
    blocking(move || {
        let staged = staged_database(&data_dir);
        match &database {
            Some(partial) => std::fs::rename(partial, &staged).map_err(|e| io_error(&staged, e))?,
            // A newer restore without a database cancels an older one's.
            None => match std::fs::remove_file(&staged) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_error(&staged, e));
                }
                _ => {}
            },
        }
        if let Some(text) = config {
            replace_config(&data_dir, &text)?;
        }
        Ok(())
    })
    .await?;
    tracing::info!(
        database = restored.database,
        config = restored.config,
        "a backup was restored; it takes effect at the next start"
    );
    Ok(restored)
}

async fn check(state: &AppState, database: Option<&Path>, config: Option<&str>) -> ApiResult<()> {
    if let Some(text) = config {
        (state.config_file_check)(text).map_err(|e| {
            ApiError::BadRequest(format!("The backup's config.toml cannot be used: {e}"))
        })?;
    }
    if let Some(partial) = database {
        state
            .store
            .check_database_copy(partial)
            .await
            .map_err(|e| {
                ApiError::BadRequest(format!("The backup's database cannot be restored: {e}"))
            })?;
    }
    Ok(())
}

/// Writes `text` as the data folder's `config.toml` through a temporary
/// file and a rename, keeping the file it replaces.
fn replace_config(data_dir: &Path, text: &str) -> ApiResult<()> {
    let path = data_dir.join(CONFIG_ENTRY);
    if path.is_file() {
        let aside = replaced_folder(data_dir);
        std::fs::create_dir_all(&aside).map_err(|e| io_error(&aside, e))?;
        let kept = aside.join(CONFIG_ENTRY);
        std::fs::copy(&path, &kept).map_err(|e| io_error(&kept, e))?;
    }
    let temp = data_dir.join(format!(".{CONFIG_ENTRY}.restoring"));
    let written = File::create(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    written.map_err(|e| io_error(&temp, e))?;
    std::fs::rename(&temp, &path).map_err(|e| io_error(&path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: &[&'static str]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        futures::stream::iter(
            parts
                .iter()
                .map(|p| Ok(Bytes::from_static(p.as_bytes())))
                .collect::<Vec<_>>(),
        )
    }

    #[tokio::test]
    async fn an_upload_is_saved_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("upload.partial");
        let saved = save_upload(&path, chunks(&["abc", "def"]), 6)
            .await
            .unwrap();
        assert_eq!(saved, 6);
        assert_eq!(std::fs::read(&path).unwrap(), b"abcdef");

        let too_large = save_upload(&path, chunks(&["abc", "defg"]), 6).await;
        assert!(matches!(too_large, Err(ApiError::PayloadTooLarge)));
        assert!(!path.exists());

        let broken = futures::stream::iter(vec![
            Ok(Bytes::from_static(b"abc")),
            Err("connection reset".to_string()),
        ]);
        let failed = save_upload(&path, broken, 100).await;
        assert!(
            matches!(&failed, Err(ApiError::BadRequest(m)) if m.contains("connection reset")),
            "{failed:?}"
        );
        assert!(!path.exists());
    }

    #[test]
    fn uploads_are_known_by_their_extension() {
        assert_eq!(UploadKind::from_file_name("b.ZIP"), Some(UploadKind::Zip));
        assert_eq!(
            UploadKind::from_file_name("unified-radarr.db"),
            Some(UploadKind::Database)
        );
        assert_eq!(UploadKind::from_file_name("config.xml"), None);
        assert_eq!(UploadKind::from_file_name("zip"), None);
    }

    #[test]
    fn a_zip_without_our_files_is_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let zip_path = dir.path().join("radarr_backup.zip");
        let mut zip = zip::ZipWriter::new(File::create(&zip_path).unwrap());
        zip.start_file("radarr.db", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
        zip.finish().unwrap();
        let partial = dir.path().join("db.partial");
        let Err(ApiError::BadRequest(message)) = unpack(&zip_path, &partial, false) else {
            panic!("refused");
        };
        assert!(message.contains("Radarr itself"), "{message}");
        std::fs::write(&zip_path, "not a zip").unwrap();
        assert!(matches!(
            unpack(&zip_path, &partial, false),
            Err(ApiError::BadRequest(_))
        ));
        assert!(!partial.exists());
    }
}
