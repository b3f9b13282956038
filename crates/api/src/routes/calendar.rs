//! `/api/v3/calendar` (the movies released in a span, for the calendar page
//! and clients such as LunaSea) and `/feed/v3/calendar/radarr.ics` (the same
//! as iCalendar, for calendar apps, with the key in its URL).

use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Utc};
use serde_json::value::RawValue;

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::resources::ical;
use crate::resources::movie::write_movie;
use crate::resources::wire_date::parse_date;
use crate::routes::movie::render_context;
use crate::routes::respond::{json_array, ok};
use crate::services::calendar::{ReleaseType, Span, movies_in};
use crate::state::AppState;

/// Tag ids from `tags=1,2` (or repeated).
fn tags(query: &QueryParams) -> ApiResult<Vec<i32>> {
    query
        .all("tags")
        .flat_map(|v| v.split(','))
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            v.trim().parse().map_err(|_| {
                ApiError::invalid("Tags", format!("'{v}' is not a tag id"), "QueryValidator")
            })
        })
        .collect()
}

/// `GET /calendar?start=&end=&unmonitored=&tags=`: today to two days on
/// unless given.
#[tracing::instrument(skip_all)]
pub async fn calendar(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let today = Utc::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_else(Utc::now);
    let date = |name: &str, default| match query.get(name) {
        None | Some("") => Ok(default),
        Some(text) => parse_date(text).ok_or_else(|| {
            ApiError::invalid(name, format!("'{name}' must be a date."), "QueryValidator")
        }),
    };
    let span = Span {
        start: date("start", today)?,
        end: date("end", today + Duration::days(2))?,
        unmonitored: query.bool("unmonitored", false)?,
        tags: tags(&query)?,
        types: ReleaseType::ALL.to_vec(),
    };
    let movies = movies_in(&state, &span).await?;
    let ctx = render_context(&state).await?;
    let movies: Vec<_> = movies.into_iter().map(|(m, _)| m).collect();
    let body = json_array(&movies, |out, movie| write_movie(out, movie, &ctx));
    let body = String::from_utf8(body)
        .ok()
        .and_then(|text| RawValue::from_string(text).ok())
        .ok_or_else(|| ApiError::Internal("a movie was not rendered as JSON".into()))?;
    ok(&body)
}

/// `GET /feed/v3/calendar/radarr.ics?pastDays=7&futureDays=28&…`.
#[tracing::instrument(skip_all)]
pub async fn feed(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let now = Utc::now();
    let days = |name: &str, default: i32| -> ApiResult<i64> {
        // A century either way is every date a movie has, and keeps the
        // arithmetic within the calendar.
        Ok(i64::from(
            query.i32(name)?.unwrap_or(default).clamp(0, 36_500),
        ))
    };
    let mut types = Vec::new();
    for name in query.all("releasetypes").flat_map(|v| v.split(',')) {
        types.push(ReleaseType::from_name(name).ok_or_else(|| {
            ApiError::invalid(
                "ReleaseTypes",
                format!("'{name}' is not a release type"),
                "EnumValidator",
            )
        })?);
    }
    let span = Span {
        start: now - Duration::days(days("pastdays", 7)?),
        end: now + Duration::days(days("futuredays", 28)?),
        unmonitored: query.bool("unmonitored", false)?,
        tags: tags(&query)?,
        types: if types.is_empty() {
            ReleaseType::ALL.to_vec()
        } else {
            types
        },
    };
    let movies = movies_in(&state, &span).await?;
    Ok((
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/calendar; charset=utf-8"),
        )],
        ical::feed(&movies, now),
    )
        .into_response())
}
