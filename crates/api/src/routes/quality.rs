//! Quality profiles, quality definitions and languages.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::language::Language;
use domain::quality_definition::{SIZE_LIMIT_MAX, SIZE_LIMIT_MIN};
use domain::quality_profile::{QualityProfile, schema_profile};
use serde::Serialize;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The profile, definition and language routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/qualityprofile",
            get(profiles)
                .post(add_profile)
                .put(update_profile_from_body),
        )
        .route("/qualityprofile/schema", get(profile_schema))
        .route(
            "/qualityprofile/{id}",
            get(profile).put(update_profile).delete(delete_profile),
        )
        .route("/qualitydefinition", get(definitions))
        .route("/qualitydefinition/limits", get(definition_limits))
        .route("/qualitydefinition/{id}", get(definition))
        .route("/language", get(languages))
        .route("/language/{id}", get(language))
}

#[tracing::instrument(skip_all)]
async fn profiles(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&state.store.quality_profiles().await?)
}

#[tracing::instrument(skip_all)]
async fn profile(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&state.store.quality_profile(id).await?)
}

#[tracing::instrument(skip_all)]
async fn profile_schema() -> ApiResult<Response> {
    ok(&schema_profile())
}

fn validate(profile: &QualityProfile) -> ApiResult<()> {
    profile.validate().map_err(|violations| {
        ApiError::Validation(
            violations
                .into_iter()
                .map(|v| ValidationFailure::new(v.property, v.message, "QualityProfileValidator"))
                .collect(),
        )
    })
}

#[tracing::instrument(skip_all)]
async fn add_profile(
    State(state): State<AppState>,
    ApiJson(profile): ApiJson<QualityProfile>,
) -> ApiResult<Response> {
    validate(&profile)?;
    let added = state.store.add_quality_profile(&profile).await?;
    state.profiles.invalidate();
    created_json(
        &format!(
            "{}/api/v3/qualityprofile/{}",
            state.config.url_base, added.id
        ),
        &added,
    )
}

#[tracing::instrument(skip_all)]
async fn save_profile(state: &AppState, id: i32, profile: QualityProfile) -> ApiResult<Response> {
    validate(&profile)?;
    let saved = state
        .store
        .update_quality_profile(&QualityProfile { id, ..profile })
        .await?;
    state.profiles.invalidate();
    accepted(&saved)
}

#[tracing::instrument(skip_all)]
async fn update_profile(
    State(state): State<AppState>,
    id: Id,
    ApiJson(profile): ApiJson<QualityProfile>,
) -> ApiResult<Response> {
    let id = update_id(Some(id), Some(profile.id))?;
    save_profile(&state, id, profile).await
}

#[tracing::instrument(skip_all)]
async fn update_profile_from_body(
    State(state): State<AppState>,
    ApiJson(profile): ApiJson<QualityProfile>,
) -> ApiResult<Response> {
    let id = update_id(None, Some(profile.id))?;
    save_profile(&state, id, profile).await
}

#[tracing::instrument(skip_all)]
async fn delete_profile(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_quality_profile(id).await?;
    state.profiles.invalidate();
    Ok(deleted())
}

#[tracing::instrument(skip_all)]
async fn definitions(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&state.store.quality_definitions().await?)
}

#[tracing::instrument(skip_all)]
async fn definition(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let found = state
        .store
        .quality_definitions()
        .await?
        .into_iter()
        .find(|d| d.id == id);
    ok(&found.ok_or_else(|| {
        ApiError::NotFound(format!("QualityDefinition with ID {id} does not exist"))
    })?)
}

#[derive(Serialize)]
struct Limits {
    min: f64,
    max: f64,
}

#[tracing::instrument(skip_all)]
async fn definition_limits() -> ApiResult<Response> {
    ok(&Limits {
        min: SIZE_LIMIT_MIN,
        max: SIZE_LIMIT_MAX,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LanguageResource {
    name: &'static str,
    name_lower: String,
    id: i32,
}

fn language_resource(language: Language) -> LanguageResource {
    LanguageResource {
        name: language.name,
        name_lower: language.name_lower(),
        id: language.id,
    }
}

#[tracing::instrument(skip_all)]
async fn languages() -> ApiResult<Response> {
    ok(&Language::api_order()
        .into_iter()
        .map(language_resource)
        .collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn language(Id(id): Id) -> ApiResult<Response> {
    let language = Language::by_id(id)
        .ok_or_else(|| ApiError::NotFound(format!("Language with ID {id} does not exist")))?;
    ok(&language_resource(language))
}
