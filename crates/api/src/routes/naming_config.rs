//! `/api/v3/config/naming`: how imported files and new movie folders are
//! named.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::error::ApiResult;
use crate::extract::{ApiJson, QueryParams};
use crate::routes::respond::{accepted, ok};
use crate::services::naming::{NamingResource, examples, load, save};
use crate::state::AppState;

/// The naming routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config/naming", get(read).put(update))
        .route("/config/naming/examples", get(read_examples))
        .route("/config/naming/{id}", get(read).put(update))
}

#[tracing::instrument(skip_all)]
async fn read(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&NamingResource::from(&load(&state).await?))
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    ApiJson(resource): ApiJson<NamingResource>,
) -> ApiResult<Response> {
    accepted(&NamingResource::from(&save(&state, &resource).await?))
}

/// Radarr's `GetExamples`: the names a sample movie would get under the
/// naming settings in the query (the saved ones when the query names no
/// id), so the settings page can show them as the user types.
#[tracing::instrument(skip_all)]
async fn read_examples(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let saved = load(&state).await?;
    if query.i32("id")?.unwrap_or(0) == 0 {
        return ok(&examples(&saved));
    }
    let mut config = saved;
    config.rename_movies = query.bool("renamemovies", config.rename_movies)?;
    config.replace_illegal_characters = query.bool(
        "replaceillegalcharacters",
        config.replace_illegal_characters,
    )?;
    if let Some(colon) = query.get("colonreplacementformat") {
        config.colon_replacement = colon.parse().map_err(|_| {
            crate::error::ApiError::BadRequest(format!(
                "colonReplacementFormat '{colon}' is not one Radarr knows"
            ))
        })?;
    }
    if let Some(format) = query.get("standardmovieformat") {
        config.standard_movie_format = format.to_string();
    }
    if let Some(format) = query.get("moviefolderformat") {
        config.movie_folder_format = format.to_string();
    }
    ok(&examples(&config))
}
