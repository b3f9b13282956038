//! Recording an import once its file is in place: the movie file and the
//! history event; then the replaced file is removed.
//! Each step checks whether it was done already, so a retry after a crash
//! finishes the import without doing anything twice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use domain::history::{HistoryEntry, HistoryEventType};
use domain::movie::Movie;
use domain::movie_file::MovieFile;

use super::{Placed, Release, Settings, Stop};
use crate::services::{push, recycle_bin};
use crate::state::AppState;

/// A movie file in place in the movie's folder.
pub(super) struct Placement<'a> {
    /// Where it is.
    pub path: &'a Path,
    /// Its size.
    pub size: u64,
    /// Where it came from and how, when it was placed in this run.
    pub source: Option<(&'a Path, Placed)>,
    /// The movie's file it replaces, removed once it is recorded.
    pub replaced: Option<PathBuf>,
}

/// Records the placed file as the movie's, imported from `release`, and
/// returns its record.
pub(super) async fn finish(
    state: &AppState,
    settings: &Settings,
    movie: &Movie,
    release: &Release,
    file: Placement<'_>,
) -> Result<MovieFile, Stop> {
    let Placement {
        path: destination,
        size,
        source,
        replaced,
    } = file;
    let folder = Path::new(&movie.path);
    let relative = destination
        .strip_prefix(folder)
        .map_err(|_| Stop::Blocked("The imported file is outside the movie's folder".into()))?
        .to_string_lossy()
        .into_owned();
    let recorded = movie.movie_file.clone().filter(|f| {
        f.relative_path == relative && f.scene_name.as_deref() == Some(release.title.as_str())
    });
    let recorded = match recorded {
        Some(file) => file,
        None => {
            let mut file = file_record(movie, release, size, source.map(|(s, _)| s));
            file.relative_path = relative.clone();
            let recorded = state.store.add_movie_file(&file).await?;
            super::crash_point("import:recorded");
            push::movie_changed(state, movie.id).await;
            recorded
        }
    };
    // The replaced file goes (to the recycle bin, when one is set) only
    // once the new one is recorded.
    if let Some(old) = replaced
        && old.is_file()
    {
        let movie_folder = folder.file_name().unwrap_or_default().to_string_lossy();
        if let Err(e) = recycle_bin::discard_file(&settings.media, &old, &movie_folder) {
            tracing::warn!(file = %old.display(), error = %e, "the replaced movie file was not removed");
        } else {
            record_event(
                state,
                movie,
                release,
                HistoryEventType::MovieFileDeleted,
                |data| {
                    data.insert("reason".into(), "Upgrade".into());
                    data.insert("path".into(), old.to_string_lossy().into_owned());
                },
            )
            .await?;
        }
    }
    let imported_before = match &release.download_id {
        Some(download_id) => state
            .store
            .movie_history(movie.id, Some(HistoryEventType::DownloadFolderImported))
            .await?
            .iter()
            .any(|e| e.download_id.as_ref() == Some(download_id)),
        None => false,
    };
    if !imported_before {
        let dropped = source.map(|(s, _)| s.to_string_lossy().into_owned());
        record_event(
            state,
            movie,
            release,
            HistoryEventType::DownloadFolderImported,
            |data| {
                data.insert(
                    "importedPath".into(),
                    destination.to_string_lossy().into_owned(),
                );
                if let Some(dropped) = dropped {
                    data.insert("droppedPath".into(), dropped);
                }
                if let Some((_, placed)) = source {
                    data.insert("importMode".into(), format!("{placed:?}"));
                }
            },
        )
        .await?;
    }
    metrics::counter!("radarr_downloads_imported_total").increment(1);
    tracing::info!(movie = %movie.title, file = %destination.display(), "imported");
    Ok(recorded)
}

/// The record of a file imported from `release` (its relative path left
/// for the caller).
pub(super) fn file_record(
    movie: &Movie,
    release: &Release,
    size: u64,
    source: Option<&Path>,
) -> MovieFile {
    let parsed = parser::parse_movie_title(&release.title, false);
    MovieFile {
        id: 0,
        movie_id: movie.id,
        relative_path: String::new(),
        size: i64::try_from(size).unwrap_or(i64::MAX),
        date_added: Utc::now(),
        scene_name: Some(release.title.clone()),
        release_group: parsed.as_ref().and_then(|p| p.release_group.clone()),
        edition: parsed.map(|p| p.edition).unwrap_or_default(),
        languages: release.languages.clone(),
        quality: release.quality,
        indexer_flags: 0,
        media_info: release.media_info.clone(),
        original_file_path: source.map(|s| s.to_string_lossy().into_owned()),
    }
}

/// Adds a history event of `release` for `movie`.
pub(crate) async fn record_event(
    state: &AppState,
    movie: &Movie,
    release: &Release,
    event_type: HistoryEventType,
    fill: impl FnOnce(&mut BTreeMap<String, String>),
) -> store::Result<()> {
    let mut data = BTreeMap::new();
    if let Some(client) = &release.client_name {
        data.insert("downloadClient".into(), client.clone());
        data.insert("downloadClientName".into(), client.clone());
    }
    fill(&mut data);
    state
        .store
        .add_history(&HistoryEntry {
            id: 0,
            movie_id: movie.id,
            source_title: release.title.clone(),
            quality: release.quality,
            languages: release.languages.clone(),
            custom_formats: release.custom_formats.clone(),
            custom_format_score: release.custom_format_score,
            date: Utc::now(),
            download_id: release.download_id.clone(),
            event_type,
            data,
        })
        .await?;
    Ok(())
}
