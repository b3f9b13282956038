//! `/api/v3/history`: what happened to each movie's releases.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::resources::movie::movie_json;
use crate::resources::wire_date::{WireDate, parse_date};
use crate::routes::movie::render_context;
use crate::routes::respond::ok;
use crate::state::AppState;

/// The history routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/history", get(page))
        .route("/history/movie", get(of_movie))
        .route("/history/since", get(since))
}

/// An event type given by name or number.
fn event_type(value: &str) -> ApiResult<HistoryEventType> {
    value.parse().map_err(|_| {
        ApiError::invalid(
            "EventType",
            format!("'{value}' is not a history event type"),
            "EnumValidator",
        )
    })
}

fn ids(query: &QueryParams, name: &str) -> ApiResult<Vec<i32>> {
    query
        .all(name)
        .map(|v| {
            v.parse().map_err(|_| {
                ApiError::invalid("MovieIds", format!("'{v}' is not an id"), "QueryValidator")
            })
        })
        .collect()
}

/// HistoryResource, with the movie when asked for.
async fn resources(
    state: &AppState,
    entries: &[HistoryEntry],
    include_movie: bool,
) -> ApiResult<Vec<Value>> {
    let ctx = if include_movie {
        Some(render_context(state).await?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let mut resource = json!({
            "movieId": entry.movie_id,
            "sourceTitle": entry.source_title,
            "languages": entry.languages,
            "quality": entry.quality,
            "customFormats": entry.custom_formats.iter().map(|id| json!({"id": id})).collect::<Vec<_>>(),
            "customFormatScore": entry.custom_format_score,
            "qualityCutoffNotMet": false,
            "date": WireDate(entry.date),
            "eventType": entry.event_type,
            "data": entry.data,
            "id": entry.id,
        });
        if let Some(download_id) = &entry.download_id {
            resource["downloadId"] = json!(download_id);
        }
        if let Some(ctx) = &ctx
            && let Ok(movie) = state.store.movie(entry.movie_id).await
        {
            resource["movie"] =
                serde_json::from_slice(&movie_json(&movie, ctx)).unwrap_or(Value::Null);
        }
        out.push(resource);
    }
    Ok(out)
}

/// `GET /history`: Radarr's paging, newest first unless asked otherwise.
#[tracing::instrument(skip_all)]
async fn page(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let page = query.i32("page")?.filter(|p| *p > 0).unwrap_or(1);
    let page_size = query.i32("pagesize")?.filter(|p| *p > 0).unwrap_or(10);
    // Radarr's quirk: an absent direction means descending.
    let newest_first = matches!(
        query
            .get("sortdirection")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        None | Some("descending") | Some("default")
    );
    let filter = HistoryQuery {
        event_types: query
            .all("eventtype")
            .map(event_type)
            .collect::<ApiResult<_>>()?,
        download_id: query.get("downloadid").map(str::to_string),
        movie_ids: ids(&query, "movieids")?,
        newest_first,
        page: page as u32,
        page_size: page_size as u32,
    };
    let (entries, total) = state.store.history_page(&filter).await?;
    let records = resources(&state, &entries, query.bool("includemovie", false)?).await?;
    ok(&json!({
        "page": page,
        "pageSize": page_size,
        "sortKey": "date",
        "sortDirection": if newest_first { "descending" } else { "ascending" },
        "totalRecords": total,
        "records": records,
    }))
}

/// `GET /history/movie?movieId=`: a movie's events, newest first.
#[tracing::instrument(skip_all)]
async fn of_movie(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let movie_id = query.i32("movieid")?.ok_or_else(|| {
        ApiError::invalid(
            "MovieId",
            "'Movie Id' must not be empty.",
            "NotEmptyValidator",
        )
    })?;
    let kind = query.get("eventtype").map(event_type).transpose()?;
    let entries = state.store.movie_history(movie_id, kind).await?;
    ok(&resources(&state, &entries, query.bool("includemovie", false)?).await?)
}

/// `GET /history/since?date=`: events since a date, oldest first.
#[tracing::instrument(skip_all)]
async fn since(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let date = query
        .get("date")
        .and_then(parse_date)
        .ok_or_else(|| ApiError::invalid("Date", "'Date' must be a date.", "QueryValidator"))?;
    let kind = query.get("eventtype").map(event_type).transpose()?;
    let entries = state.store.history_since(date, kind).await?;
    ok(&resources(&state, &entries, query.bool("includemovie", false)?).await?)
}
