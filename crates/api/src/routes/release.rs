//! `/api/v3/release`: interactive search, grabbing one of its releases, and
//! releases pushed by other tools.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::release::{grab_key, pushed_release, release_resource};
use crate::routes::respond::ok;
use crate::services::grab::{GrabSource, grab};
use crate::services::search;
use crate::state::AppState;

/// The release routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/release", get(interactive).post(grab_one))
        .route("/release/push", post(push))
}

/// `GET /release?movieId=`: every release the indexers have, decided on.
#[tracing::instrument(skip_all)]
async fn interactive(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let movie_id = query.i32("movieid")?.filter(|id| *id > 0).ok_or_else(|| {
        ApiError::invalid(
            "MovieId",
            "'Movie Id' must be greater than '0'.",
            "GreaterThanValidator",
        )
    })?;
    ok(&resources(&search::interactive(&state, movie_id).await?))
}

fn resources(result: &search::SearchResult) -> Vec<Value> {
    let now = Utc::now();
    result
        .releases
        .iter()
        .map(|evaluated| release_resource(evaluated, &result.formats, now))
        .collect()
}

/// `POST /release`: grabs a release of a recent search, whatever its
/// decision (the user chose it).
#[tracing::instrument(skip_all)]
async fn grab_one(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Response> {
    let (indexer_id, guid) = grab_key(&body)?;
    let found = state.releases.get(indexer_id, &guid).ok_or_else(|| {
        ApiError::NotFound("Couldn't find requested release in cache, try searching again".into())
    })?;
    let movie_id = body
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("movieId"))
        .and_then(|(_, value)| value.as_i64())
        .and_then(|id| i32::try_from(id).ok())
        .filter(|id| *id > 0)
        .or(found.movie_id)
        .ok_or_else(|| {
            ApiError::invalid(
                "MovieId",
                "Unable to grab a release without a movie",
                "PredicateValidator",
            )
        })?;
    let movie = state.store.movie(movie_id).await?;
    let client_id = body
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("downloadClientId"))
        .and_then(|(_, value)| value.as_i64())
        .and_then(|id| i32::try_from(id).ok())
        .filter(|id| *id > 0);
    grab(
        &state,
        &movie,
        &found.candidate,
        GrabSource::InteractiveSearch,
        client_id,
    )
    .await?;
    ok(&Value::Object(body))
}

/// `POST /release/push`: decides on a release another tool found, and
/// grabs it when approved.
#[tracing::instrument(skip_all)]
async fn push(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Response> {
    let release = pushed_release(&body)?;
    ok(&resources(&search::push(&state, release).await?))
}
