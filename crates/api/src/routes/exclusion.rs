//! `/api/v3/exclusions`: movies that imports must never add.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use domain::exclusion::ImportExclusion;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::{ApiJson, QueryParams};
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The exclusion routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exclusions", get(list).post(add))
        .route("/exclusions/paged", get(paged))
        .route("/exclusions/bulk", post(add_many).delete(delete_many))
        .route("/exclusions/{id}", get(one).put(update).delete(remove))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExclusionResource<'a> {
    tmdb_id: i32,
    movie_title: &'a str,
    movie_year: i32,
    id: i32,
}

fn resource(e: &ImportExclusion) -> ExclusionResource<'_> {
    ExclusionResource {
        tmdb_id: e.tmdb_id,
        movie_title: &e.movie_title,
        movie_year: e.movie_year,
        id: e.id,
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase", default)]
struct ExclusionInput {
    id: Option<i32>,
    tmdb_id: Option<i32>,
    movie_title: Option<String>,
    movie_year: Option<i32>,
}

impl ExclusionInput {
    fn into_exclusion(self, id: i32) -> ApiResult<ImportExclusion> {
        let tmdb_id = self.tmdb_id.unwrap_or(0);
        if tmdb_id <= 0 {
            return Err(ApiError::Validation(vec![
                ValidationFailure::new(
                    "TmdbId",
                    "'Tmdb Id' must be greater than '0'.",
                    "GreaterThanValidator",
                )
                .attempted(tmdb_id),
            ]));
        }
        Ok(ImportExclusion {
            id,
            tmdb_id,
            movie_title: self.movie_title.unwrap_or_default(),
            movie_year: self.movie_year.unwrap_or_default(),
        })
    }
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let all = state.store.exclusions().await?;
    ok(&all.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&resource(&state.store.exclusion(id).await?))
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ExclusionInput>,
) -> ApiResult<Response> {
    let added = state
        .store
        .add_exclusions(&[input.into_exclusion(0)?])
        .await?;
    let first = added
        .first()
        .ok_or_else(|| ApiError::Internal("exclusion not stored".into()))?;
    created_json(
        &format!("{}/api/v3/exclusions/{}", state.config.url_base, first.id),
        &resource(first),
    )
}

#[tracing::instrument(skip_all)]
async fn add_many(
    State(state): State<AppState>,
    ApiJson(inputs): ApiJson<Vec<ExclusionInput>>,
) -> ApiResult<Response> {
    let exclusions = inputs
        .into_iter()
        .map(|i| i.into_exclusion(0))
        .collect::<ApiResult<Vec<_>>>()?;
    let added = state.store.add_exclusions(&exclusions).await?;
    ok(&added.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(input): ApiJson<ExclusionInput>,
) -> ApiResult<Response> {
    let id = update_id(Some(id), input.id)?;
    let saved = state
        .store
        .update_exclusion(&input.into_exclusion(id)?)
        .await?;
    accepted(&resource(&saved))
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.exclusion(id).await?;
    state.store.delete_exclusions(&[id]).await?;
    Ok(deleted())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BulkIds {
    ids: Vec<i32>,
}

#[tracing::instrument(skip_all)]
async fn delete_many(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<BulkIds>,
) -> ApiResult<Response> {
    state.store.delete_exclusions(&input.ids).await?;
    ok(&serde_json::json!({}))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    page: usize,
    page_size: usize,
    sort_key: &'a str,
    sort_direction: &'a str,
    total_records: usize,
    records: Vec<ExclusionResource<'a>>,
}

/// `GET /exclusions/paged`: Radarr's paging; unknown sort keys fall back to the id.
#[tracing::instrument(skip_all)]
async fn paged(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let mut all = state.store.exclusions().await?;
    let page = query.i32("page")?.filter(|p| *p > 0).unwrap_or(1) as usize;
    let page_size = query.i32("pagesize")?.filter(|p| *p > 0).unwrap_or(10) as usize;
    let sort_key = match query.get("sortkey").map(str::to_ascii_lowercase).as_deref() {
        Some("movietitle") => "movieTitle",
        Some("tmdbid") => "tmdbId",
        Some("movieyear") => "movieYear",
        _ => "id",
    };
    // Radarr's quirk: an absent direction means descending; "default" means the endpoint's own.
    let descending = matches!(
        query
            .get("sortdirection")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        None | Some("descending")
    );
    all.sort_by(|a, b| match sort_key {
        "movieTitle" => a
            .movie_title
            .to_lowercase()
            .cmp(&b.movie_title.to_lowercase()),
        "tmdbId" => a.tmdb_id.cmp(&b.tmdb_id),
        "movieYear" => a.movie_year.cmp(&b.movie_year),
        _ => a.id.cmp(&b.id),
    });
    if descending {
        all.reverse();
    }
    let records = all
        .iter()
        .skip((page - 1) * page_size)
        .take(page_size)
        .map(resource)
        .collect();
    ok(&Page {
        page,
        page_size,
        sort_key,
        sort_direction: if descending {
            "descending"
        } else {
            "ascending"
        },
        total_records: all.len(),
        records,
    })
}
