//! Recording an import once its file is in place: the movie file, the
//! history event, the download's state; then the replaced file is removed.
//! Each step checks whether it was done already, so a retry after a crash
//! finishes the import without doing anything twice.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::Utc;
use domain::download::{TrackedDownload, TrackedDownloadState, TrackedDownloadStatus};
use domain::history::{HistoryEntry, HistoryEventType};
use domain::movie::Movie;
use domain::movie_file::MovieFile;

use super::{Placed, Stop};
use crate::state::AppState;

/// A movie file in place in the movie's folder.
pub(super) struct Placement<'a> {
    /// Where it is.
    pub path: &'a Path,
    /// Its size.
    pub size: u64,
    /// Where it came from and how, when it was placed in this run.
    pub source: Option<(&'a Path, Placed)>,
}

/// Records the placed file as the movie's, imported from `download`, and
/// returns its record.
pub(super) async fn finish(
    state: &AppState,
    movie: &Movie,
    download: &mut TrackedDownload,
    file: Placement<'_>,
) -> Result<MovieFile, Stop> {
    let Placement {
        path: destination,
        size,
        source,
    } = file;
    let folder = Path::new(&movie.path);
    let relative = destination
        .strip_prefix(folder)
        .map_err(|_| Stop::Blocked("The imported file is outside the movie's folder".into()))?
        .to_string_lossy()
        .into_owned();
    let replaced = movie
        .movie_file
        .as_ref()
        .filter(|f| f.relative_path != relative)
        .map(|f| folder.join(&f.relative_path));
    let recorded = movie.movie_file.clone().filter(|f| {
        f.relative_path == relative && f.scene_name.as_deref() == Some(download.title.as_str())
    });
    let recorded = match recorded {
        Some(file) => file,
        None => {
            let parsed = parser::parse_movie_title(&download.title, false);
            state
                .store
                .add_movie_file(&MovieFile {
                    id: 0,
                    movie_id: movie.id,
                    relative_path: relative.clone(),
                    size: i64::try_from(size).unwrap_or(i64::MAX),
                    date_added: Utc::now(),
                    scene_name: Some(download.title.clone()),
                    release_group: parsed.as_ref().and_then(|p| p.release_group.clone()),
                    edition: parsed
                        .as_ref()
                        .map(|p| p.edition.clone())
                        .unwrap_or_default(),
                    languages: download.languages.clone(),
                    quality: download.quality,
                    indexer_flags: 0,
                    media_info: None,
                    original_file_path: source.map(|(s, _)| s.to_string_lossy().into_owned()),
                })
                .await?
        }
    };
    // The replaced file goes only once the new one is recorded.
    if let Some(old) = replaced
        && old.is_file()
    {
        if let Err(e) = std::fs::remove_file(&old) {
            tracing::warn!(file = %old.display(), error = %e, "the replaced movie file was not removed");
        } else {
            record_event(
                state,
                movie,
                download,
                HistoryEventType::MovieFileDeleted,
                |data| {
                    data.insert("reason".into(), "Upgrade".into());
                    data.insert("path".into(), old.to_string_lossy().into_owned());
                },
            )
            .await?;
        }
    }
    let imported_before = state
        .store
        .movie_history(movie.id, Some(HistoryEventType::DownloadFolderImported))
        .await?
        .iter()
        .any(|e| e.download_id.as_deref() == Some(download.download_id.as_str()));
    if !imported_before {
        let dropped = source.map(|(s, _)| s.to_string_lossy().into_owned());
        record_event(
            state,
            movie,
            download,
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
    download.state = TrackedDownloadState::Imported;
    download.tracked_status = TrackedDownloadStatus::Ok;
    download.status_messages.clear();
    metrics::counter!("radarr_downloads_imported_total").increment(1);
    tracing::info!(movie = %movie.title, file = %destination.display(), "download imported");
    Ok(recorded)
}

async fn record_event(
    state: &AppState,
    movie: &Movie,
    download: &TrackedDownload,
    event_type: HistoryEventType,
    fill: impl FnOnce(&mut BTreeMap<String, String>),
) -> Result<(), Stop> {
    let mut data = BTreeMap::new();
    data.insert("downloadClient".into(), download.client_name.clone());
    data.insert("downloadClientName".into(), download.client_name.clone());
    fill(&mut data);
    state
        .store
        .add_history(&HistoryEntry {
            id: 0,
            movie_id: movie.id,
            source_title: download.title.clone(),
            quality: download.quality,
            languages: download.languages.clone(),
            custom_formats: download.custom_formats.clone(),
            custom_format_score: download.custom_format_score,
            date: Utc::now(),
            download_id: Some(download.download_id.clone()),
            event_type,
            data,
        })
        .await?;
    Ok(())
}
