//! `/api/v3/wanted/missing` and `/api/v3/wanted/cutoff`: the movies still
//! wanted, paged as Radarr pages them.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::resources::movie::write_movie;
use crate::routes::movie::render_context;
use crate::routes::respond::{json_array, ok};
use crate::services::wanted::{Wanted, list, sort};
use crate::state::AppState;

/// The wanted routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/wanted/missing", get(missing))
        .route("/wanted/cutoff", get(cutoff))
}

/// Radarr's sort keys for these pages; any other becomes the default.
const SORT_KEYS: [&str; 6] = [
    "movieMetadata.digitalRelease",
    "movieMetadata.inCinemas",
    "movieMetadata.physicalRelease",
    "movieMetadata.sortTitle",
    "movieMetadata.year",
    "movies.lastSearchTime",
];

#[tracing::instrument(skip_all)]
async fn missing(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    page(&state, &query, Wanted::Missing).await
}

#[tracing::instrument(skip_all)]
async fn cutoff(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    page(&state, &query, Wanted::CutoffUnmet).await
}

async fn page(state: &AppState, query: &QueryParams, kind: Wanted) -> ApiResult<Response> {
    let page = query.i32("page")?.filter(|p| *p > 0).unwrap_or(1) as usize;
    let page_size = query.i32("pagesize")?.filter(|p| *p > 0).unwrap_or(10) as usize;
    let sort_key = query
        .get("sortkey")
        .and_then(|given| SORT_KEYS.iter().find(|k| k.eq_ignore_ascii_case(given)))
        .copied()
        .unwrap_or("movieMetadata.sortTitle");
    // Radarr's quirks: an absent direction means descending; "default" is
    // the endpoint's own (ascending).
    let descending = matches!(
        query
            .get("sortdirection")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        None | Some("descending")
    );
    let mut movies = list(state, kind, query.bool("monitored", true)?).await?;
    sort(&mut movies, sort_key);
    if descending {
        movies.reverse();
    }
    let total = movies.len();
    let ids: Vec<i32> = movies
        .iter()
        .skip((page - 1).saturating_mul(page_size))
        .take(page_size)
        .map(|m| m.id)
        .collect();
    let mut records = state.store.movies_by_ids(&ids).await?;
    records.sort_by_key(|m| ids.iter().position(|id| *id == m.id));
    let ctx = render_context(state).await?;
    let records = json_array(&records, |out, movie| write_movie(out, movie, &ctx));
    let records = String::from_utf8(records)
        .ok()
        .and_then(|text| RawValue::from_string(text).ok())
        .ok_or_else(|| ApiError::Internal("a movie was not rendered as JSON".into()))?;
    ok(&Page {
        page,
        page_size,
        sort_key,
        sort_direction: if descending {
            "descending"
        } else {
            "ascending"
        },
        total_records: total,
        records,
    })
}

/// Radarr's paging resource, with movies already rendered.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    page: usize,
    page_size: usize,
    sort_key: &'static str,
    sort_direction: &'static str,
    total_records: usize,
    records: Box<RawValue>,
}
