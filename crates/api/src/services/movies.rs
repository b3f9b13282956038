//! Adding, editing and removing movies: Radarr's rules around the store calls.

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::Utc;
use domain::exclusion::ImportExclusion;
use domain::movie::{MetadataDoc, Movie, MovieMetadata, MovieStatus};
use futures::StreamExt;
use tmdb::TmdbError;
use tmdb::to_movie::movie_from_details;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::events::Action;
use crate::resources::movie_input::{ApplyTags, MovieEditorInput, MovieInput};
use crate::services::folders::{check_absolute, check_writable_folder, is_inside};
use crate::services::media_management::{self, MediaManagement};
use crate::services::naming::{self, folder_name_of};
use crate::services::{collections, push, recycle_bin};
use crate::state::AppState;

/// Checks that a quality profile id names a stored profile.
pub async fn check_profile(state: &AppState, id: i32) -> ApiResult<Option<ValidationFailure>> {
    if id <= 0 {
        return Ok(Some(
            ValidationFailure::new(
                "QualityProfileId",
                "'Quality Profile Id' must be greater than '0'.",
                "GreaterThanValidator",
            )
            .attempted(id),
        ));
    }
    match state.store.quality_profile(id).await {
        Ok(_) => Ok(None),
        Err(e) if e.is_not_found() => Ok(Some(
            ValidationFailure::new(
                "QualityProfileId",
                "Quality Profile does not exist",
                "QualityProfileExistsValidator",
            )
            .attempted(id),
        )),
        Err(e) => Err(e.into()),
    }
}

fn required(value: Option<String>) -> Option<String> {
    value
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The movie a POST body describes, or every rule it breaks. Its metadata
/// comes from TMDB, as Radarr's does; with no TMDB key configured, from the
/// body (a lookup result carries every field).
async fn new_movie(state: &AppState, input: MovieInput) -> ApiResult<Movie> {
    let mut failures = Vec::new();
    let tmdb_id = input.tmdb_id.unwrap_or(0);
    let mut from_tmdb = None;
    let mut unknown_to_tmdb = false;
    if tmdb_id <= 0 {
        failures.push(
            ValidationFailure::new(
                "TmdbId",
                "'Tmdb Id' must not be empty.",
                "NotEmptyValidator",
            )
            .attempted(tmdb_id),
        );
    } else if state.store.movie_by_tmdb_id(tmdb_id).await?.is_some() {
        failures.push(
            ValidationFailure::new(
                "TmdbId",
                "This movie has already been added",
                "MovieExistsValidator",
            )
            .attempted(tmdb_id),
        );
    } else {
        match state.tmdb.movie(tmdb_id).await {
            Ok(details) => from_tmdb = Some(movie_from_details(&details, Utc::now())),
            Err(TmdbError::NotConfigured) => {}
            Err(TmdbError::NotFound { .. }) => {
                unknown_to_tmdb = true;
                failures.push(
                    ValidationFailure::new(
                        "TmdbId",
                        "A movie with this ID was not found",
                        "MovieExistsOnTmdbValidator",
                    )
                    .attempted(tmdb_id),
                );
            }
            Err(e) => {
                return Err(ApiError::Unavailable(format!(
                    "The movie with TmdbId {tmdb_id} could not be read from TMDB. {e}"
                )));
            }
        }
    }
    let title = from_tmdb
        .as_ref()
        .map(|m| m.title.clone())
        .or_else(|| required(input.title.clone()));
    if title.is_none() && !unknown_to_tmdb {
        failures.push(ValidationFailure::new(
            "Title",
            "'Title' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    failures.extend(check_profile(state, input.quality_profile_id.unwrap_or(0)).await?);
    let path = required(input.path.clone());
    let root = required(input.root_folder_path.clone());
    match (&path, &root) {
        (_, Some(root)) => failures.extend(check_writable_folder("RootFolderPath", root)),
        (Some(path), None) => failures.extend(check_absolute("Path", path)),
        (None, None) => failures.push(ValidationFailure::new(
            "RootFolderPath",
            "'Root Folder Path' must not be empty.",
            "NotEmptyValidator",
        )),
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let mut movie = match from_tmdb {
        Some(movie) => movie,
        None => movie_from_body(tmdb_id, &title.unwrap_or_default(), &input),
    };
    let root = root.map(|r| domain::root_folder::normalize_root_path(&r));
    movie.path = match (path, &root) {
        (Some(path), _) => path.trim_end_matches('/').to_string(),
        (None, Some(root)) => format!(
            "{}/{}",
            root.trim_end_matches('/'),
            folder_name_of(&naming::load(state).await?, &movie)
        ),
        (None, None) => unreachable!("validated above"),
    };
    movie.root_folder_path = root.unwrap_or_else(|| parent_folder(&movie.path));
    movie.monitored = input.monitored.unwrap_or(true);
    movie.minimum_availability = input.minimum_availability.unwrap_or(MovieStatus::Released);
    movie.quality_profile_id = input.quality_profile_id.unwrap_or_default();
    movie.tags = dedup(input.tags.clone().unwrap_or_default());
    movie.add_options = Some(input.add_options.clone().unwrap_or_default());
    movie.added = Utc::now();
    Ok(movie)
}

/// A movie as the body describes it, for a server without TMDB.
fn movie_from_body(tmdb_id: i32, title: &str, input: &MovieInput) -> Movie {
    let mut movie = Movie::new(tmdb_id, title, input.year.unwrap_or(0));
    movie.imdb_id = required(input.imdb_id.clone());
    movie.in_cinemas = input.in_cinemas.map(|d| d.0);
    movie.physical_release = input.physical_release.map(|d| d.0);
    movie.digital_release = input.digital_release.map(|d| d.0);
    movie.status = input
        .status
        .unwrap_or_else(|| domain::availability::status_from_dates(&movie, Utc::now()));
    movie.images = input
        .images
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.into_cover())
        .collect();
    movie.metadata = MetadataDoc::new(&metadata_of(input.clone()));
    movie
}

/// The descriptive fields of a body.
fn metadata_of(input: MovieInput) -> MovieMetadata {
    let defaults = MovieMetadata::default();
    MovieMetadata {
        original_title: input.original_title.or(input.title).unwrap_or_default(),
        original_language: input
            .original_language
            .unwrap_or(defaults.original_language),
        alternate_titles: input.alternate_titles.unwrap_or_default(),
        secondary_year: input.secondary_year,
        secondary_year_source_id: 0,
        overview: input.overview.unwrap_or_default(),
        website: input.website.unwrap_or_default(),
        you_tube_trailer_id: input.you_tube_trailer_id.unwrap_or_default(),
        studio: input.studio.unwrap_or_default(),
        runtime: input.runtime.unwrap_or_default(),
        certification: input.certification.unwrap_or_default(),
        genres: input.genres.unwrap_or_default(),
        keywords: input.keywords.unwrap_or_default(),
        ratings: input.ratings.unwrap_or_default(),
        collection: input.collection,
        popularity: input.popularity.unwrap_or_default(),
    }
}

fn parent_folder(path: &str) -> String {
    std::path::Path::new(path)
        .parent()
        .and_then(|p| p.to_str())
        .unwrap_or("/")
        .to_string()
}

fn dedup(mut ids: Vec<i32>) -> Vec<i32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// `POST /movie`: validates and stores a new movie.
pub async fn add_movie(state: &AppState, input: MovieInput) -> ApiResult<Movie> {
    let movie = new_movie(state, input).await?;
    let movie = state.store.add_movie(&movie).await?;
    push::movies(state, Action::Created, std::slice::from_ref(&movie)).await;
    collections::met_through(state, &movie).await;
    search_on_add(state, &movie).await;
    Ok(movie)
}

/// Queues a search for a movie added with `addOptions.searchForMovie`.
async fn search_on_add(state: &AppState, movie: &Movie) {
    if !movie
        .add_options
        .as_ref()
        .is_some_and(|o| o.search_for_movie)
    {
        return;
    }
    let mut command = serde_json::Map::new();
    command.insert("name".into(), "MoviesSearch".into());
    command.insert("movieIds".into(), vec![movie.id].into());
    if let Err(e) = state
        .commands
        .queue(
            state,
            &command,
            domain::command::CommandTrigger::Unspecified,
            None,
        )
        .await
    {
        tracing::warn!(error = ?e, movie = movie.id, "a new movie's search was not queued");
    }
}

/// Movies fetched and stored at once during a bulk import: more than TMDB's
/// limit lets through in one request's round trip, so the limit sets the pace.
const IMPORTING_AT_ONCE: usize = 32;

/// `POST /movie/import`: adds every movie not yet in the library, each with
/// one TMDB request, as many at once as TMDB's limit allows, each stored as
/// it arrives. A movie that cannot be added is logged with the reason and
/// the rest go on, as Radarr's bulk add does; the answer is those added.
pub async fn import_movies(state: &AppState, inputs: Vec<MovieInput>) -> Vec<Movie> {
    let mut asked = HashSet::new();
    let inputs = inputs
        .into_iter()
        .filter(|input| asked.insert(input.tmdb_id.unwrap_or(0)));
    let mut added: Vec<Movie> = futures::stream::iter(inputs)
        .map(|input| async move {
            let tmdb_id = input.tmdb_id.unwrap_or(0);
            let outcome = import_one(state, input).await;
            if let Err(e) = &outcome {
                tracing::warn!(tmdb_id, error = %describe(e), "a movie of a bulk import was not added");
                metrics::counter!("radarr_movie_import_failures_total").increment(1);
            }
            outcome.ok().flatten()
        })
        .buffer_unordered(IMPORTING_AT_ONCE)
        .filter_map(std::future::ready)
        .collect()
        .await;
    added.sort_by_key(|m| m.id);
    added
}

/// One movie of a bulk import: `None` when the library has it already.
async fn import_one(state: &AppState, input: MovieInput) -> ApiResult<Option<Movie>> {
    let tmdb_id = input.tmdb_id.unwrap_or(0);
    if state.store.movie_by_tmdb_id(tmdb_id).await?.is_some() {
        return Ok(None);
    }
    let movie = new_movie(state, input).await?;
    let movie = state.store.add_movie(&movie).await?;
    push::movies(state, Action::Created, std::slice::from_ref(&movie)).await;
    collections::met_through(state, &movie).await;
    search_on_add(state, &movie).await;
    Ok(Some(movie))
}

/// An error's reasons in one line.
fn describe(error: &ApiError) -> String {
    match error {
        ApiError::Validation(failures) => failures
            .iter()
            .map(|f| format!("{}: {}", f.property_name, f.error_message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// `PUT /movie/{id}`: applies the fields Radarr lets a client change.
pub async fn update_movie(
    state: &AppState,
    id: i32,
    input: MovieInput,
    move_files: bool,
) -> ApiResult<Movie> {
    let mut movie = state.store.movie(id).await?;
    let old_path = movie.path.clone();
    let mut failures = Vec::new();
    if let Some(profile) = input
        .quality_profile_id
        .filter(|p| *p != movie.quality_profile_id)
    {
        failures.extend(check_profile(state, profile).await?);
        movie.quality_profile_id = profile;
    }
    let new_root =
        required(input.root_folder_path).map(|r| domain::root_folder::normalize_root_path(&r));
    let new_path = required(input.path).map(|p| p.trim_end_matches('/').to_string());
    if let Some(path) = &new_path {
        failures.extend(check_absolute("Path", path));
    }
    if let Some(root) = &new_root {
        failures.extend(check_absolute("RootFolderPath", root));
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    match (new_path, new_root) {
        (Some(path), root) if path != movie.path => {
            movie.root_folder_path = root.unwrap_or_else(|| parent_folder(&path));
            movie.path = path;
        }
        (_, Some(root)) if root != movie.root_folder_path => {
            movie.path = format!("{}/{}", root.trim_end_matches('/'), folder_of(&movie.path));
            movie.root_folder_path = root;
        }
        _ => {}
    }
    if let Some(monitored) = input.monitored {
        movie.monitored = monitored;
    }
    if let Some(min) = input.minimum_availability {
        movie.minimum_availability = min;
    }
    if let Some(tags) = input.tags {
        movie.tags = dedup(tags);
    }
    if let Some(options) = input.add_options {
        movie.add_options = Some(options);
    }
    let saved = state.store.update_movie(&movie).await?;
    push::movies(state, Action::Updated, std::slice::from_ref(&saved)).await;
    if move_files && saved.path != old_path {
        move_folder(&old_path, &saved.path).await;
    }
    Ok(saved)
}

fn folder_of(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Moves a movie's folder after its path changed; a folder that is not there
/// is nothing to move.
async fn move_folder(from: &str, to: &str) {
    if !tokio::fs::try_exists(from).await.unwrap_or(false) {
        return;
    }
    if let Some(parent) = std::path::Path::new(to).parent()
        && let Err(e) = tokio::fs::create_dir_all(parent).await
    {
        tracing::warn!(%from, %to, error = %e, "could not create the movie's new parent folder");
        return;
    }
    if let Err(e) = tokio::fs::rename(from, to).await {
        tracing::warn!(%from, %to, error = %e, "could not move the movie's folder");
    }
}

/// `DELETE /movie/{id}` and the bulk editor: removes movies, optionally
/// excluding them from import and deleting their folders.
pub async fn delete_movies(
    state: &AppState,
    ids: &[i32],
    delete_files: bool,
    add_exclusion: bool,
) -> ApiResult<()> {
    let movies = state.store.movies_by_ids(ids).await?;
    let exclusions: Vec<ImportExclusion> = if add_exclusion {
        movies
            .iter()
            .map(|m| ImportExclusion {
                id: 0,
                tmdb_id: m.tmdb_id,
                movie_title: m.title.clone(),
                movie_year: m.year,
            })
            .collect()
    } else {
        Vec::new()
    };
    let found: Vec<i32> = movies.iter().map(|m| m.id).collect();
    state.store.delete_movies(&found, &exclusions).await?;
    push::movies_deleted(state, &found);
    if delete_files {
        let roots = state.store.root_folders().await?;
        let settings = media_management::load(state).await?;
        for movie in &movies {
            delete_folder(movie, &roots, &settings).await;
        }
    }
    Ok(())
}

/// Deletes a movie's folder (into the recycle bin when one is set), but
/// only one strictly inside a root folder, so a bad path can never take a
/// root folder or more with it.
async fn delete_folder(
    movie: &Movie,
    roots: &[domain::root_folder::RootFolder],
    settings: &MediaManagement,
) {
    let inside_root = roots
        .iter()
        .map(|r| r.path.as_str())
        .chain([movie.root_folder_path.as_str()])
        .any(|root| !root.is_empty() && is_inside(&movie.path, root));
    if !inside_root {
        tracing::warn!(path = %movie.path, "not deleting a movie folder outside every root folder");
        return;
    }
    let (path, settings) = (PathBuf::from(&movie.path), settings.clone());
    let discarded =
        tokio::task::spawn_blocking(move || recycle_bin::discard_folder(&settings, &path)).await;
    match discarded.unwrap_or_else(|e| Err(std::io::Error::other(e))) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            tracing::warn!(path = %movie.path, error = %e, "could not delete the movie's folder")
        }
    }
}

/// `PUT /movie/editor`: applies one change to many movies, all or none.
pub async fn edit_movies(state: &AppState, input: MovieEditorInput) -> ApiResult<Vec<Movie>> {
    let mut failures = Vec::new();
    if let Some(profile) = input.quality_profile_id {
        failures.extend(check_profile(state, profile).await?);
    }
    let root = required(input.root_folder_path.clone())
        .map(|r| domain::root_folder::normalize_root_path(&r));
    if let Some(root) = &root {
        failures.extend(check_absolute("RootFolderPath", root));
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let mut movies = state.store.movies_by_ids(&input.movie_ids).await?;
    let old_paths: Vec<String> = movies.iter().map(|m| m.path.clone()).collect();
    for movie in &mut movies {
        if let Some(monitored) = input.monitored {
            movie.monitored = monitored;
        }
        if let Some(profile) = input.quality_profile_id {
            movie.quality_profile_id = profile;
        }
        if let Some(min) = input.minimum_availability {
            movie.minimum_availability = min;
        }
        if let Some(root) = &root {
            movie.path = format!("{}/{}", root.trim_end_matches('/'), folder_of(&movie.path));
            movie.root_folder_path = root.clone();
        }
        if let Some(tags) = &input.tags {
            movie.tags = apply_tags(
                &movie.tags,
                tags,
                input.apply_tags.unwrap_or(ApplyTags::Replace),
            );
        }
    }
    let saved = state.store.update_movies(&movies).await?;
    push::movies(state, Action::Updated, &saved).await;
    if input.move_files {
        for (old, movie) in old_paths.iter().zip(&saved) {
            if *old != movie.path {
                move_folder(old, &movie.path).await;
            }
        }
    }
    Ok(saved)
}

/// The tags a movie ends up with.
fn apply_tags(current: &[i32], given: &[i32], how: ApplyTags) -> Vec<i32> {
    match how {
        ApplyTags::Add => dedup(current.iter().chain(given).copied().collect()),
        ApplyTags::Remove => current
            .iter()
            .copied()
            .filter(|t| !given.contains(t))
            .collect(),
        ApplyTags::Replace => dedup(given.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_added_removed_or_replaced() {
        assert_eq!(apply_tags(&[1, 2], &[2, 3], ApplyTags::Add), vec![1, 2, 3]);
        assert_eq!(apply_tags(&[1, 2], &[2, 3], ApplyTags::Remove), vec![1]);
        assert_eq!(apply_tags(&[1, 2], &[3, 3], ApplyTags::Replace), vec![3]);
    }
}
