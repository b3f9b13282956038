//! `/api/v3/tag`: labels, and where each is used.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::tag::{Tag, normalize_label};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The tag routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tag", get(list).post(add).put(update_from_body))
        .route("/tag/detail", get(details))
        .route("/tag/detail/{id}", get(detail))
        .route("/tag/{id}", get(one).put(update).delete(remove))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TagResource<'a> {
    label: &'a str,
    id: i32,
}

fn resource(tag: &Tag) -> TagResource<'_> {
    TagResource {
        label: &tag.label,
        id: tag.id,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TagInput {
    id: Option<i32>,
    label: Option<String>,
}

fn label_of(input: &TagInput) -> ApiResult<String> {
    normalize_label(input.label.as_deref().unwrap_or("")).ok_or_else(|| {
        ApiError::invalid("Label", "'Label' must not be empty.", "NotEmptyValidator")
    })
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let tags = state.store.tags().await?;
    ok(&tags.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&resource(&state.store.tag(id).await?))
}

/// `POST /tag`: 201 with the tag, the existing one when the label is taken.
#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<TagInput>,
) -> ApiResult<Response> {
    let tag = state.store.add_tag(&label_of(&input)?).await?;
    created_json(
        &format!("{}/api/v3/tag/{}", state.config.url_base, tag.id),
        &resource(&tag),
    )
}

#[tracing::instrument(skip_all)]
async fn save(state: &AppState, id: i32, input: &TagInput) -> ApiResult<Response> {
    let tag = state
        .store
        .update_tag(&Tag {
            id,
            label: label_of(input)?,
        })
        .await?;
    accepted(&resource(&tag))
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(input): ApiJson<TagInput>,
) -> ApiResult<Response> {
    save(&state, update_id(Some(id), input.id)?, &input).await
}

#[tracing::instrument(skip_all)]
async fn update_from_body(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<TagInput>,
) -> ApiResult<Response> {
    save(&state, update_id(None, input.id)?, &input).await
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_tag(id).await?;
    Ok(deleted())
}

/// TagDetailsResource: the tag's users by kind. Movies, delay and release
/// profiles carry tags so far; the other lists stay empty until those
/// features exist.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TagDetails<'a> {
    label: &'a str,
    delay_profile_ids: Vec<i32>,
    import_list_ids: Vec<i32>,
    notification_ids: Vec<i32>,
    release_profile_ids: Vec<i32>,
    indexer_ids: Vec<i32>,
    download_client_ids: Vec<i32>,
    auto_tag_ids: Vec<i32>,
    movie_ids: Vec<i32>,
    id: i32,
}

#[tracing::instrument(skip_all)]
async fn details_of<'a>(state: &AppState, tag: &'a Tag) -> ApiResult<TagDetails<'a>> {
    Ok(TagDetails {
        label: &tag.label,
        delay_profile_ids: state
            .store
            .delay_profiles()
            .await?
            .into_iter()
            .filter(|p| p.tags.contains(&tag.id))
            .map(|p| p.id)
            .collect(),
        import_list_ids: Vec::new(),
        notification_ids: Vec::new(),
        release_profile_ids: state
            .store
            .release_profiles()
            .await?
            .into_iter()
            .filter(|p| p.tags.contains(&tag.id))
            .map(|p| p.id)
            .collect(),
        indexer_ids: Vec::new(),
        download_client_ids: Vec::new(),
        auto_tag_ids: Vec::new(),
        movie_ids: state.store.movie_ids_with_tag(tag.id).await?,
        id: tag.id,
    })
}

#[tracing::instrument(skip_all)]
async fn details(State(state): State<AppState>) -> ApiResult<Response> {
    let tags = state.store.tags().await?;
    let mut all = Vec::with_capacity(tags.len());
    for tag in &tags {
        all.push(details_of(&state, tag).await?);
    }
    ok(&all)
}

#[tracing::instrument(skip_all)]
async fn detail(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let tag = state.store.tag(id).await?;
    ok(&details_of(&state, &tag).await?)
}
