//! `/api/v3/releaseprofile`: terms release titles must or must not contain.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::decision::ReleaseProfile;
use domain::provider::ProviderKind;

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::resources::release_profile::{ReleaseProfileInput, ReleaseProfileResource};
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The release profile routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/releaseprofile", get(list).post(add))
        .route("/releaseprofile/{id}", get(one).put(update).delete(remove))
}

/// The profile a body describes, with Radarr's check that an enabled
/// profile's indexer exists.
async fn checked(state: &AppState, input: ReleaseProfileInput) -> ApiResult<ReleaseProfile> {
    let profile = input.into_profile()?;
    if profile.enabled && profile.indexer_id != 0 {
        let found = state
            .store
            .provider(ProviderKind::Indexer, profile.indexer_id)
            .await;
        match found {
            Ok(_) => {}
            Err(e) if e.is_not_found() => {
                return Err(ApiError::invalid(
                    "IndexerId",
                    "Indexer does not exist",
                    "PredicateValidator",
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(profile)
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let profiles = state.store.release_profiles().await?;
    let resources: Vec<ReleaseProfileResource> = profiles.into_iter().map(Into::into).collect();
    ok(&resources)
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&ReleaseProfileResource::from(
        state.store.release_profile(id).await?,
    ))
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ReleaseProfileInput>,
) -> ApiResult<Response> {
    let profile = checked(&state, input).await?;
    let added = state.store.add_release_profile(&profile).await?;
    created_json(
        &format!(
            "{}/api/v3/releaseprofile/{}",
            state.config.url_base, added.id
        ),
        &ReleaseProfileResource::from(added),
    )
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(input): ApiJson<ReleaseProfileInput>,
) -> ApiResult<Response> {
    let id = update_id(Some(id), Some(input.id))?;
    let profile = ReleaseProfile {
        id,
        ..checked(&state, input).await?
    };
    accepted(&ReleaseProfileResource::from(
        state.store.update_release_profile(&profile).await?,
    ))
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_release_profile(id).await?;
    Ok(deleted())
}
