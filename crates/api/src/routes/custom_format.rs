//! `/api/v3/customformat`: the formats releases are scored by. A body may be
//! Radarr's resource or an exported format (fields as an object), as the
//! UI's import and TRaSH Guides' files send it.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, put};
use domain::custom_format::{CustomFormat, CustomFormatError, CustomFormatResource, schema};
use serde::Deserialize;
use serde_json::json;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The custom format routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/customformat", get(list).post(add))
        .route("/customformat/schema", get(templates))
        .route("/customformat/bulk", put(update_many).delete(delete_many))
        .route("/customformat/{id}", get(one).put(update).delete(remove))
}

/// `PUT`/`DELETE /customformat/bulk`: the formats to change, and the switch
/// to set on each (left as it is when absent).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct BulkInput {
    ids: Vec<i32>,
    include_custom_format_when_renaming: Option<bool>,
}

/// The 400 for a format that cannot be built, naming the condition at fault.
fn unreadable(err: CustomFormatError) -> ApiError {
    let message = err.to_string();
    let (property, code) = match &err {
        CustomFormatError::Json(_) => ("", "JsonValidator"),
        CustomFormatError::UnknownImplementation { .. } => ("Implementation", "PredicateValidator"),
        CustomFormatError::InvalidRegex { .. } => ("Value", "RegexValidator"),
        CustomFormatError::InvalidField { .. } => ("Value", "PredicateValidator"),
    };
    ApiError::invalid(property, message, code)
}

/// Builds and checks a format as Radarr does before saving it.
fn checked(resource: &CustomFormatResource) -> ApiResult<CustomFormat> {
    let format = CustomFormat::from_resource(resource).map_err(unreadable)?;
    let violations = format.validate();
    if violations.is_empty() {
        Ok(format)
    } else {
        Err(ApiError::Validation(
            violations
                .into_iter()
                .map(|v| ValidationFailure::new(&v.property, v.message, "CustomFormatValidator"))
                .collect(),
        ))
    }
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let formats = state.store.custom_formats().await?;
    ok(&formats
        .iter()
        .map(CustomFormat::to_resource)
        .collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&state.store.custom_format(id).await?.to_resource())
}

#[tracing::instrument(skip_all)]
async fn templates(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&schema(&state.store.custom_formats().await?))
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(resource): ApiJson<CustomFormatResource>,
) -> ApiResult<Response> {
    let format = checked(&resource)?;
    let added = state.store.add_custom_format(&format).await?;
    // Every profile now lists the new format.
    state.profiles.invalidate();
    created_json(
        &format!("{}/api/v3/customformat/{}", state.config.url_base, added.id),
        &added.to_resource(),
    )
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(resource): ApiJson<CustomFormatResource>,
) -> ApiResult<Response> {
    let id = update_id(Some(id), Some(resource.id))?;
    let mut format = checked(&resource)?;
    format.id = id;
    let saved = state.store.update_custom_format(&format).await?;
    state.profiles.invalidate();
    accepted(&saved.to_resource())
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_custom_format(id).await?;
    state.profiles.invalidate();
    Ok(deleted())
}

#[tracing::instrument(skip_all)]
async fn update_many(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<BulkInput>,
) -> ApiResult<Response> {
    let mut formats = Vec::with_capacity(input.ids.len());
    for id in &input.ids {
        let mut format = state.store.custom_format(*id).await?;
        if let Some(include) = input.include_custom_format_when_renaming {
            format.include_custom_format_when_renaming = include;
        }
        formats.push(format);
    }
    let saved = state.store.update_custom_formats(&formats).await?;
    state.profiles.invalidate();
    accepted(
        &saved
            .iter()
            .map(CustomFormat::to_resource)
            .collect::<Vec<_>>(),
    )
}

#[tracing::instrument(skip_all)]
async fn delete_many(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<BulkInput>,
) -> ApiResult<Response> {
    state.store.delete_custom_formats(&input.ids).await?;
    state.profiles.invalidate();
    ok(&json!({}))
}
