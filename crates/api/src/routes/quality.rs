//! Quality profiles and languages.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::language::Language;
use domain::quality_profile::{QualityProfile, schema_profile};
use serde::Serialize;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The profile and language routes.
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
async fn profile_schema(State(state): State<AppState>) -> ApiResult<Response> {
    let mut profile = schema_profile();
    profile.sync_format_items(&format_names(&state).await?);
    ok(&profile)
}

/// Every custom format's id and name, in the order they were added.
async fn format_names(state: &AppState) -> ApiResult<Vec<(i32, String)>> {
    let formats = state.store.custom_formats().await?;
    Ok(formats.into_iter().map(|f| (f.id, f.name)).collect())
}

/// Checks Radarr's rules for a profile, then lists every custom format in
/// it as Radarr keeps profiles: formats it leaves out are added at score 0
/// and names follow the formats'. A format id that does not exist is a 400.
async fn checked(state: &AppState, mut profile: QualityProfile) -> ApiResult<QualityProfile> {
    let formats = format_names(state).await?;
    let known: Vec<i32> = formats.iter().map(|(id, _)| *id).collect();
    let mut failures: Vec<ValidationFailure> = match profile.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_iter()
            .map(|v| ValidationFailure::new(v.property, v.message, "QualityProfileValidator"))
            .collect(),
    };
    let unknown = profile.unknown_formats(&known);
    if !unknown.is_empty() {
        failures.push(
            ValidationFailure::new(
                "FormatItems",
                "All Custom Formats and no extra ones need to be present inside your Profile! \
                 Try refreshing your browser.",
                "PredicateValidator",
            )
            .attempted(unknown),
        );
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    profile.sync_format_items(&formats);
    Ok(profile)
}

#[tracing::instrument(skip_all)]
async fn add_profile(
    State(state): State<AppState>,
    ApiJson(profile): ApiJson<QualityProfile>,
) -> ApiResult<Response> {
    let profile = checked(&state, profile).await?;
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
    let profile = checked(state, profile).await?;
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
