//! Renaming movie files to the naming settings: the preview
//! (`GET /rename`) and the renames (`RenameMovie`, `RenameFiles`).
//!
//! A rename stays in the movie's folder, so it is one atomic `rename` on
//! disk, followed by the record. A kill between the two leaves the file
//! under its new name unrecorded; the movie's rescan finds it there and
//! records it. A file is never renamed over another.

use std::path::Path;

use domain::history::HistoryEventType;
use domain::movie::Movie;
use domain::movie_file::MovieFile;
use domain::rename::NamingConfig;

use crate::error::ApiResult;
use crate::services::import::{Release, record_event};
use crate::services::{naming, push};
use crate::state::AppState;

/// A movie file whose name is not the one the settings give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    pub movie_id: i32,
    pub movie_file_id: i32,
    /// Its name in the movie's folder now.
    pub existing_path: String,
    /// The name the settings give it.
    pub new_path: String,
}

/// The renames the naming settings ask of these movies' files, by movie.
pub async fn preview(state: &AppState, movie_ids: &[i32]) -> ApiResult<Vec<Renaming>> {
    let naming = naming::load(state).await?;
    Ok(state
        .store
        .movies_by_ids(movie_ids)
        .await?
        .iter()
        .filter_map(|movie| planned(&naming, movie))
        .collect())
}

/// Renames these movies' files (only those in `file_ids`, when given) to
/// the naming settings; the number renamed.
pub async fn rename(
    state: &AppState,
    movie_ids: &[i32],
    file_ids: Option<&[i32]>,
) -> ApiResult<usize> {
    let naming = naming::load(state).await?;
    let mut renamed = 0;
    for movie in state.store.movies_by_ids(movie_ids).await? {
        let (Some(plan), Some(file)) = (planned(&naming, &movie), &movie.movie_file) else {
            continue;
        };
        if file_ids.is_some_and(|ids| !ids.contains(&file.id)) {
            continue;
        }
        if rename_one(state, &movie, file, &plan).await? {
            renamed += 1;
        }
    }
    Ok(renamed)
}

/// The rename a movie's file needs, if any; none while renaming is off.
fn planned(naming: &NamingConfig, movie: &Movie) -> Option<Renaming> {
    if !naming.rename_movies {
        return None;
    }
    let file = movie.movie_file.as_ref()?;
    let current = Path::new(&file.relative_path);
    let stem = current.file_stem()?.to_string_lossy();
    let name = naming::file_name_of(naming, movie, file, &stem)?;
    let new_path = match current.extension() {
        Some(extension) => format!("{name}.{}", extension.to_string_lossy()),
        None => name,
    };
    (new_path != file.relative_path).then(|| Renaming {
        movie_id: movie.id,
        movie_file_id: file.id,
        existing_path: file.relative_path.clone(),
        new_path,
    })
}

/// Renames one file and records it; `false` when it could not be renamed
/// (missing, or its new name taken), which is logged.
async fn rename_one(
    state: &AppState,
    movie: &Movie,
    file: &MovieFile,
    plan: &Renaming,
) -> ApiResult<bool> {
    let folder = Path::new(&movie.path);
    let (from, to) = (
        folder.join(&plan.existing_path),
        folder.join(&plan.new_path),
    );
    if !from.is_file() {
        tracing::warn!(file = %from.display(), "not renamed: the file is missing");
        return Ok(false);
    }
    // Only a change of case may find its own file at the new name.
    let same_file = same_file(&from, &to);
    if to.exists() && !same_file {
        tracing::warn!(file = %from.display(), to = %to.display(), "not renamed: the new name is taken");
        return Ok(false);
    }
    if let Err(error) = std::fs::rename(&from, &to) {
        tracing::warn!(file = %from.display(), %error, "not renamed");
        return Ok(false);
    }
    state
        .store
        .update_movie_file(&MovieFile {
            relative_path: plan.new_path.clone(),
            ..file.clone()
        })
        .await?;
    push::movie_changed(state, movie.id).await;
    record_event(
        state,
        movie,
        &Release::of_file(file),
        HistoryEventType::MovieFileRenamed,
        |data| {
            data.insert("sourcePath".into(), from.to_string_lossy().into_owned());
            data.insert("sourceRelativePath".into(), plan.existing_path.clone());
            data.insert("path".into(), to.to_string_lossy().into_owned());
            data.insert("relativePath".into(), plan.new_path.clone());
        },
    )
    .await?;
    tracing::info!(from = %from.display(), to = %to.display(), "movie file renamed");
    Ok(true)
}

/// Whether two paths name one file (a rename that only changes case, on a
/// file system that ignores it).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
