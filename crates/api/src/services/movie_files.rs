//! Deleting a movie's file: from disk (only inside the movie's folder; into
//! the recycle bin when one is set), from the library, and into history as
//! Radarr records it.

use std::path::Path;

use domain::history::HistoryEventType;

use crate::error::{ApiError, ApiResult};
use crate::services::import::{Release, record_event};
use crate::services::{media_management, push, recycle_bin};
use crate::state::AppState;

/// Deletes the movie file `file_id`; an unknown id is not found.
pub async fn delete(state: &AppState, file_id: i32) -> ApiResult<()> {
    let movie =
        state
            .store
            .movie_by_file_id(file_id)
            .await?
            .ok_or(store::StoreError::NotFound {
                entity: "MovieFile",
                id: file_id,
            })?;
    let Some(file) = movie.movie_file.clone() else {
        return Ok(());
    };
    let folder = Path::new(&movie.path);
    let path = folder.join(&file.relative_path);
    // A relative path that leads out of the folder is never followed.
    let inside = Path::new(&file.relative_path)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if inside {
        let settings = media_management::load(state).await?;
        let movie_folder = folder.file_name().unwrap_or_default().to_string_lossy();
        match recycle_bin::discard_file(&settings, &path, &movie_folder) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(ApiError::Conflict(format!(
                    "Unable to delete {}: {e}",
                    path.display()
                )));
            }
        }
    } else {
        tracing::warn!(file = %file.relative_path, "not deleting a file outside its movie's folder");
    }
    state.store.delete_movie_file(file_id).await?;
    push::movie_changed(state, movie.id).await;
    record_event(
        state,
        &movie,
        &Release::of_file(&file),
        HistoryEventType::MovieFileDeleted,
        |data| {
            data.insert("reason".into(), "Manual".into());
            data.insert("path".into(), path.to_string_lossy().into_owned());
        },
    )
    .await?;
    Ok(())
}
