//! `/api/v3/rootfolder`: where movie folders are made.

use std::collections::HashSet;
use std::path::Path;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::root_folder::{RootFolder, normalize_root_path};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, created_json, deleted, ok};
use crate::services::folders::{check_writable_folder, is_inside, space};
use crate::state::AppState;

/// The root folder routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rootfolder", get(list).post(add))
        .route("/rootfolder/{id}", get(one).delete(remove))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UnmappedFolder {
    name: String,
    path: String,
    relative_path: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RootFolderResource {
    path: String,
    accessible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    free_space: Option<u64>,
    unmapped_folders: Vec<UnmappedFolder>,
    id: i32,
}

/// Folders directly inside the root that no movie's path names.
fn unmapped(root: &str, movie_paths: &HashSet<&str>) -> Vec<UnmappedFolder> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut folders: Vec<UnmappedFolder> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            // Hidden and system folders are never movies.
            if name.starts_with('.') || name.starts_with('@') || name == "lost+found" {
                return None;
            }
            let path = format!("{}/{name}", root.trim_end_matches('/'));
            (!movie_paths.contains(path.as_str())).then(|| UnmappedFolder {
                relative_path: name.clone(),
                name,
                path,
            })
        })
        .collect();
    folders.sort_by(|a, b| a.name.cmp(&b.name));
    folders
}

fn resource(root: RootFolder, movie_paths: &HashSet<&str>) -> RootFolderResource {
    let dir = Path::new(&root.path);
    let accessible = dir.is_dir();
    RootFolderResource {
        accessible,
        free_space: accessible.then(|| space(dir).map(|s| s.0)).flatten(),
        unmapped_folders: if accessible {
            unmapped(&root.path, movie_paths)
        } else {
            Vec::new()
        },
        path: root.path,
        id: root.id,
    }
}

#[tracing::instrument(skip_all)]
async fn resources(state: &AppState, roots: Vec<RootFolder>) -> ApiResult<Vec<RootFolderResource>> {
    let paths = state.store.movie_paths().await?;
    let set: HashSet<&str> = paths.iter().map(String::as_str).collect();
    Ok(roots.into_iter().map(|r| resource(r, &set)).collect())
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let roots = state.store.root_folders().await?;
    ok(&resources(&state, roots).await?)
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let root = state.store.root_folder(id).await?;
    let mut list = resources(&state, vec![root]).await?;
    ok(&list.pop())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RootFolderInput {
    path: Option<String>,
}

/// Radarr's rules for a new root folder beyond "absolute, existing, writable".
#[tracing::instrument(skip_all)]
async fn check_new_root(state: &AppState, path: &str) -> ApiResult<Vec<ValidationFailure>> {
    let mut failures = Vec::new();
    let data_dir = state.config.data_dir.display().to_string();
    if path == data_dir || is_inside(path, &data_dir) {
        failures.push(
            ValidationFailure::new(
                "Path",
                "Path cannot be the app data folder or inside it",
                "AppDataFolderValidator",
            )
            .attempted(path),
        );
    }
    for existing in state.store.root_folders().await? {
        if existing.path == path {
            failures.push(
                ValidationFailure::new(
                    "Path",
                    "Path is already configured as a root folder",
                    "RootFolderValidator",
                )
                .attempted(path),
            );
        } else if is_inside(&existing.path, path) {
            failures.push(
                ValidationFailure::new(
                    "Path",
                    "Path is an ancestor of an existing root folder",
                    "RootFolderAncestorValidator",
                )
                .attempted(path),
            );
        } else if is_inside(path, &existing.path) {
            failures.push(
                ValidationFailure::new(
                    "Path",
                    "Path is a child of an existing root folder",
                    "RootFolderAncestorValidator",
                )
                .attempted(path),
            );
        }
    }
    Ok(failures)
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<RootFolderInput>,
) -> ApiResult<Response> {
    let path = normalize_root_path(input.path.as_deref().unwrap_or(""));
    let mut failures = check_writable_folder("Path", &path);
    if failures.is_empty() {
        failures = check_new_root(&state, &path).await?;
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let root = state.store.add_root_folder(&path).await?;
    let location = format!("{}/api/v3/rootfolder/{}", state.config.url_base, root.id);
    let mut list = resources(&state, vec![root]).await?;
    created_json(&location, &list.pop())
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.delete_root_folder(id).await?;
    Ok(deleted())
}
