//! Reading a file's media info with ffprobe. ffprobe missing or failing
//! leaves the file without media info; the import goes on.
//!
//! An import records its file first and reads the media info afterwards, a
//! few files at a time: one ffprobe run costs about a tenth of a second, as
//! long as the rest of an import, and need not hold the next one up. A
//! file whose reading was cut short is read again by the movie's rescan.

use std::path::{Path, PathBuf};
use std::time::Duration;

use domain::movie_file::MediaInfo;
use futures::StreamExt;

use crate::state::AppState;

/// Time ffprobe has for one file (it reads only the headers).
const TIMEOUT: Duration = Duration::from_secs(30);

/// ffprobe runs at once: the machine's cores are shared with the server.
const AT_ONCE: usize = 2;

/// Reads the media info of these recorded files (by movie file id and full
/// path) in the background, and saves what was read.
pub fn read_later(state: &AppState, files: Vec<(i32, PathBuf)>) {
    if files.is_empty() {
        return;
    }
    let state = state.clone();
    tokio::spawn(async move { read_and_save(&state, files).await });
}

/// Reads the media info of these recorded files and saves what was read.
pub async fn read_and_save(state: &AppState, files: Vec<(i32, PathBuf)>) {
    futures::stream::iter(files)
        .for_each_concurrent(AT_ONCE, |(file_id, path)| async move {
            let Some(info) = media_info(&path).await else {
                return;
            };
            if let Err(error) = save(state, file_id, info).await {
                tracing::warn!(file = %path.display(), %error, "media info read but not saved");
            }
        })
        .await;
}

/// Saves a file's media info on the record as it is now: the file may have
/// been renamed or replaced while ffprobe ran.
async fn save(state: &AppState, file_id: i32, info: MediaInfo) -> store::Result<()> {
    let current = state
        .store
        .movie_by_file_id(file_id)
        .await?
        .and_then(|movie| movie.movie_file)
        .filter(|file| file.id == file_id);
    if let Some(file) = current {
        let movie_id = file.movie_id;
        state
            .store
            .update_movie_file(&domain::movie_file::MovieFile {
                media_info: Some(info),
                ..file
            })
            .await?;
        // The movie's page shows the media info: tell it the file changed.
        crate::services::push::movie_changed(state, movie_id).await;
    }
    Ok(())
}

/// The media info of the video at `path`, when ffprobe can read it.
pub async fn media_info(path: &Path) -> Option<MediaInfo> {
    let run = tokio::process::Command::new("ffprobe")
        .args([
            "-v",
            "quiet",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
        ])
        .arg(path)
        .kill_on_drop(true)
        .output();
    let output = match tokio::time::timeout(TIMEOUT, run).await {
        Ok(Ok(output)) if output.status.success() => output,
        Ok(Ok(output)) => {
            tracing::warn!(file = %path.display(), status = %output.status, "ffprobe could not read the file");
            return None;
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, "ffprobe did not run; files are imported without media info");
            return None;
        }
        Err(_) => {
            tracing::warn!(file = %path.display(), "ffprobe took too long");
            return None;
        }
    };
    let probe: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    domain::media_info::from_ffprobe(&probe)
}
