//! Collections: met through the movies added to the library, filled from
//! TMDB, and, when monitored, the source of the movies the library lacks.

use std::collections::HashSet;

use chrono::Utc;
use domain::collection::Collection;
use domain::command::CommandTrigger;
use domain::movie::{AddMethod, AddOptions, MonitorType, Movie};
use serde_json::{Map, Value};
use tmdb::to_movie::collection_from_details;

use domain::root_folder::normalize_root_path;

use crate::error::{ApiError, ApiResult};
use crate::events::Action;
use crate::resources::collection::{CollectionInput, Holdings};
use crate::resources::movie_input::MovieInput;
use crate::services::folders::check_absolute;
use crate::services::movies::{check_profile, import_movies};
use crate::services::push;
use crate::services::refresh::RefreshError;
use crate::state::AppState;

/// Records the collection a stored movie belongs to. A collection new to
/// the library gets its details from TMDB by a `RefreshCollections` command,
/// so adding the movie costs no TMDB request more. The movie is stored
/// whatever happens here, so failures are logged, not returned.
pub async fn met_through(state: &AppState, movie: &Movie) {
    let Some(member) = movie
        .metadata
        .parse()
        .ok()
        .and_then(|m| m.collection)
        .filter(|c| c.tmdb_id > 0)
    else {
        return;
    };
    let monitored = movie
        .add_options
        .as_ref()
        .is_some_and(|o| o.monitor == MonitorType::MovieAndCollection);
    let collection =
        Collection::first_met(member.tmdb_id, &member.title, movie, monitored, Utc::now());
    match state.store.add_collection(&collection).await {
        Ok((_, true)) => {
            let mut command = Map::new();
            command.insert("name".into(), Value::from("RefreshCollections"));
            if let Err(e) = state
                .commands
                .queue(state, &command, CommandTrigger::Unspecified, None)
                .await
            {
                tracing::warn!(error = ?e, "a new collection's refresh was not queued");
            }
        }
        Ok((_, false)) => {}
        Err(e) => {
            tracing::warn!(error = %e, collection = member.tmdb_id, "a movie's collection was not recorded")
        }
    }
}

/// Fetches a collection's details from TMDB and saves them; its settings stay.
pub async fn refresh_collection(
    state: &AppState,
    collection: &Collection,
) -> Result<Collection, RefreshError> {
    let details = state.tmdb.collection(collection.tmdb_id).await?;
    let refreshed = collection_from_details(collection, &details, Utc::now());
    Ok(state.store.update_collection(&refreshed).await?)
}

/// Adds the movies of a monitored collection that the library lacks and
/// that are not excluded, with the collection's settings; returns how many.
pub async fn add_missing(state: &AppState, collection: &Collection) -> Result<usize, RefreshError> {
    if !collection.monitored {
        return Ok(0);
    }
    let mut skip: HashSet<i32> = state.store.tmdb_ids().await?.into_iter().collect();
    skip.extend(state.store.exclusions().await?.iter().map(|e| e.tmdb_id));
    let inputs: Vec<MovieInput> = collection
        .parts
        .iter()
        .filter(|part| !skip.contains(&part.tmdb_id))
        .map(|part| MovieInput {
            tmdb_id: Some(part.tmdb_id),
            title: Some(part.title.clone()),
            quality_profile_id: Some(collection.quality_profile_id),
            root_folder_path: Some(collection.root_folder_path.clone()),
            monitored: Some(true),
            minimum_availability: Some(collection.minimum_availability),
            tags: Some(collection.tags.clone()),
            add_options: Some(AddOptions {
                search_for_movie: collection.search_on_add,
                add_method: AddMethod::Collection,
                ..AddOptions::default()
            }),
            ..MovieInput::default()
        })
        .collect();
    if inputs.is_empty() {
        return Ok(0);
    }
    Ok(import_movies(state, inputs).await.len())
}

/// What the library holds, for showing which movies of a collection it lacks.
pub async fn holdings(state: &AppState) -> ApiResult<Holdings> {
    Ok(Holdings {
        in_library: state.store.tmdb_ids().await?.into_iter().collect(),
        excluded: state
            .store
            .exclusions()
            .await?
            .iter()
            .map(|e| e.tmdb_id)
            .collect(),
    })
}

/// Changes the settings of the collections `ids`, all checked before any is
/// saved. Collections that become monitored are refreshed at once, which
/// adds their missing movies; with `monitorMovies`, the library's movies of
/// the collections are monitored or not.
pub async fn edit(
    state: &AppState,
    ids: &[i32],
    input: &CollectionInput,
) -> ApiResult<Vec<Collection>> {
    let mut failures = Vec::new();
    if let Some(profile) = input.quality_profile_id {
        failures.extend(check_profile(state, profile).await?);
    }
    if let Some(root) = &input.root_folder_path {
        failures.extend(check_absolute("RootFolderPath", root));
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let mut stored = Vec::with_capacity(ids.len());
    for id in ids {
        stored.push(state.store.collection(*id).await?);
    }
    let mut saved = Vec::with_capacity(stored.len());
    let mut now_monitored = Vec::new();
    for before in stored {
        let after = Collection {
            monitored: input.monitored.unwrap_or(before.monitored),
            quality_profile_id: input
                .quality_profile_id
                .unwrap_or(before.quality_profile_id),
            root_folder_path: input
                .root_folder_path
                .as_deref()
                .map_or_else(|| before.root_folder_path.clone(), normalize_root_path),
            minimum_availability: input
                .minimum_availability
                .unwrap_or(before.minimum_availability),
            search_on_add: input.search_on_add.unwrap_or(before.search_on_add),
            tags: input.tags.clone().unwrap_or_else(|| before.tags.clone()),
            ..before.clone()
        };
        if after.monitored && !before.monitored {
            now_monitored.push(after.id);
        }
        if let Some(monitor) = input.monitor_movies {
            monitor_library_movies(state, &after, monitor).await?;
        }
        saved.push(state.store.update_collection(&after).await?);
    }
    if !now_monitored.is_empty() {
        let mut command = Map::new();
        command.insert("name".into(), Value::from("RefreshCollections"));
        command.insert("collectionIds".into(), Value::from(now_monitored));
        state
            .commands
            .queue(state, &command, CommandTrigger::Unspecified, None)
            .await?;
    }
    Ok(saved)
}

/// Monitors or unmonitors the library's movies of a collection.
async fn monitor_library_movies(
    state: &AppState,
    collection: &Collection,
    monitor: bool,
) -> ApiResult<()> {
    let mut movies = Vec::new();
    for part in &collection.parts {
        if let Some(movie) = state.store.movie_by_tmdb_id(part.tmdb_id).await?
            && movie.monitored != monitor
        {
            movies.push(Movie {
                monitored: monitor,
                ..movie
            });
        }
    }
    if !movies.is_empty() {
        let saved = state.store.update_movies(&movies).await?;
        push::movies(state, Action::Updated, &saved).await;
    }
    Ok(())
}
