//! `/api/v3/remotepathmapping`: where a download client's folders are on
//! this machine, checked by Radarr's rules.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::remote_path::{RemotePathMapping, same_remote};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::services::folders::check_writable_folder;
use crate::state::AppState;

/// The remote path mapping routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/remotepathmapping", get(list).post(add))
        .route(
            "/remotepathmapping/{id}",
            get(one).put(update).delete(remove),
        )
}

/// Radarr's `RemotePathMappingResource`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Resource {
    id: i32,
    host: Option<String>,
    remote_path: Option<String>,
    local_path: Option<String>,
}

impl From<RemotePathMapping> for Resource {
    fn from(m: RemotePathMapping) -> Self {
        Resource {
            id: m.id,
            host: Some(m.host),
            remote_path: Some(m.remote_path),
            local_path: Some(m.local_path),
        }
    }
}

/// A folder path as Radarr keeps it: ending in its separator.
fn as_folder(path: &str) -> String {
    let separator = if path.contains('\\') && !path.contains('/') {
        '\\'
    } else {
        '/'
    };
    let trimmed = path.trim_end_matches(['/', '\\']);
    format!("{trimmed}{separator}")
}

/// The mapping a body describes, checked against Radarr's rules and the
/// other mappings.
async fn checked(state: &AppState, resource: &Resource) -> ApiResult<RemotePathMapping> {
    let host = resource.host.clone().unwrap_or_default();
    let remote = resource.remote_path.clone().unwrap_or_default();
    let local = resource.local_path.clone().unwrap_or_default();
    let mut failures = Vec::new();
    if host.trim().is_empty() {
        failures.push(ValidationFailure::new(
            "Host",
            "'Host' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    if remote.trim().is_empty() {
        failures.push(ValidationFailure::new(
            "RemotePath",
            "'Remote Path' must not be empty.",
            "NotEmptyValidator",
        ));
    } else if remote.starts_with(' ') || remote.ends_with(' ') {
        failures.push(ValidationFailure::new(
            "RemotePath",
            format!("Remote Path '{remote}' must not start or end with a space"),
            "PredicateValidator",
        ));
    }
    failures.extend(check_writable_folder("LocalPath", &local));
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let mapping = RemotePathMapping {
        id: resource.id,
        host: host.trim().to_string(),
        remote_path: as_folder(&remote),
        local_path: as_folder(&local),
    };
    let others = state.store.remote_path_mappings().await?;
    if others
        .iter()
        .any(|other| other.id != mapping.id && same_remote(other, &mapping))
    {
        return Err(ApiError::invalid(
            "RemotePath",
            "RemotePath already configured.",
            "PredicateValidator",
        ));
    }
    Ok(mapping)
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let mappings: Vec<Resource> = state
        .store
        .remote_path_mappings()
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    ok(&mappings)
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&Resource::from(state.store.remote_path_mapping(id).await?))
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(mut resource): ApiJson<Resource>,
) -> ApiResult<Response> {
    resource.id = 0;
    let mapping = checked(&state, &resource).await?;
    let added = state.store.add_remote_path_mapping(&mapping).await?;
    created_json(
        &format!(
            "{}/api/v3/remotepathmapping/{}",
            state.config.url_base, added.id
        ),
        &Resource::from(added),
    )
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(mut resource): ApiJson<Resource>,
) -> ApiResult<Response> {
    resource.id = update_id(Some(id), Some(resource.id))?;
    state.store.remote_path_mapping(resource.id).await?;
    let mapping = checked(&state, &resource).await?;
    accepted(&Resource::from(
        state.store.update_remote_path_mapping(&mapping).await?,
    ))
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_remote_path_mapping(id).await?;
    Ok(deleted())
}
