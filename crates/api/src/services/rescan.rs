//! Reading a movie's folder again (`RescanMovie`): a recorded file that is
//! gone is forgotten, a video file in the folder that the library does not
//! know is recorded as the movie's, and a file without media info gets it.
//!
//! This is also how the library catches up with a kill between placing a
//! file and recording it (a manual import, a rename): the file is where it
//! was put, and the rescan records it.

use std::path::{Path, PathBuf};

use futures::TryStreamExt;

use domain::history::HistoryEventType;
use domain::movie::Movie;
use domain::movie_file::MovieFile;

use crate::error::ApiResult;
use crate::services::import::{Release, main_video, probe, record_event};
use crate::services::{media_management, push};
use crate::state::AppState;

/// What a rescan changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RescanReport {
    /// Recorded files no longer on disk, forgotten.
    pub missing: usize,
    /// Files on disk the library did not know, recorded.
    pub found: usize,
}

/// Rescans these movies' folders (every movie's when `None`).
pub async fn rescan(state: &AppState, movie_ids: Option<&[i32]>) -> ApiResult<RescanReport> {
    let ids = match movie_ids {
        Some(ids) => ids.to_vec(),
        // Ids first, then the movies a batch at a time: the whole library
        // is never held at once.
        None => {
            state
                .store
                .stream_movies()
                .map_ok(|movie| movie.id)
                .try_collect()
                .await?
        }
    };
    let mut report = RescanReport::default();
    let mut to_probe = Vec::new();
    for batch in ids.chunks(BATCH) {
        for movie in state.store.movies_by_ids(batch).await? {
            rescan_movie(state, &movie, &mut report, &mut to_probe).await?;
        }
    }
    if media_management::load(state).await?.enable_media_info {
        probe::read_and_save(state, to_probe).await;
    }
    Ok(report)
}

/// Movies read from the store at a time.
const BATCH: usize = 64;

/// Rescans one movie's folder; a file left without media info is added
/// to `to_probe`.
async fn rescan_movie(
    state: &AppState,
    movie: &Movie,
    report: &mut RescanReport,
    to_probe: &mut Vec<(i32, PathBuf)>,
) -> ApiResult<()> {
    let folder = Path::new(&movie.path);
    let mut file = movie.movie_file.clone();
    if let Some(known) = &file {
        let path = folder.join(&known.relative_path);
        if !path.is_file() {
            forget(state, movie, known, &path).await?;
            report.missing += 1;
            file = None;
        }
    }
    if file.is_none()
        && let Some(found) = unknown_file(state, movie).await?
    {
        report.found += 1;
        file = Some(found);
    }
    if let Some(file) = file.filter(|f| f.media_info.is_none()) {
        to_probe.push((file.id, folder.join(&file.relative_path)));
    }
    Ok(())
}

/// Forgets a recorded file that is no longer on disk, as Radarr records it.
async fn forget(state: &AppState, movie: &Movie, file: &MovieFile, path: &Path) -> ApiResult<()> {
    tracing::warn!(file = %path.display(), "a movie file is missing from disk; forgotten");
    state.store.delete_movie_file(file.id).await?;
    push::movie_changed(state, movie.id).await;
    record_event(
        state,
        movie,
        &Release::of_file(file),
        HistoryEventType::MovieFileDeleted,
        |data| {
            data.insert("reason".into(), "MissingFromDisk".into());
            data.insert("path".into(), path.to_string_lossy().into_owned());
        },
    )
    .await?;
    Ok(())
}

/// Records the movie file found in the movie's folder, if there is one:
/// the largest video that is not a sample, read for its quality by name.
async fn unknown_file(state: &AppState, movie: &Movie) -> ApiResult<Option<MovieFile>> {
    if movie.path.is_empty() {
        return Ok(None);
    }
    let folder = Path::new(&movie.path).to_path_buf();
    let found = tokio::task::spawn_blocking(move || main_video(&folder))
        .await
        .ok()
        .flatten();
    let Some((path, size)) = found else {
        return Ok(None);
    };
    let Ok(relative) = path.strip_prefix(&movie.path) else {
        return Ok(None);
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = parser::parse_movie_title(&stem, false);
    let file = MovieFile {
        id: 0,
        movie_id: movie.id,
        relative_path: relative.to_string_lossy().into_owned(),
        size: i64::try_from(size).unwrap_or(i64::MAX),
        date_added: chrono::Utc::now(),
        scene_name: None,
        release_group: parsed.as_ref().and_then(|p| p.release_group.clone()),
        edition: parsed
            .as_ref()
            .map(|p| p.edition.clone())
            .unwrap_or_default(),
        languages: parsed
            .as_ref()
            .map(|p| p.languages.clone())
            .unwrap_or_default(),
        quality: parsed.map(|p| p.quality).unwrap_or_default(),
        indexer_flags: 0,
        media_info: None,
        original_file_path: None,
    };
    let recorded = state.store.add_movie_file(&file).await?;
    push::movie_changed(state, movie.id).await;
    tracing::info!(movie = %movie.title, file = %path.display(), "a movie file found on disk was recorded");
    Ok(Some(recorded))
}
