//! What clients probe first: `/ping`, `/api`, `system/status`, `health`, `diskspace`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Serialize;
use store::Backend;

use crate::error::ApiResult;
use crate::resources::wire_date::WireDate;
use crate::routes::respond::{json, ok};
use crate::services::auth_settings::AuthenticationMethod;
use crate::services::folders::space;
use crate::services::indexer_health;
use crate::state::AppState;

/// The `/api/v3` system routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/system/status", get(status))
        .route("/health", get(health))
        .route("/diskspace", get(diskspace))
}

#[derive(Serialize)]
struct Ping {
    status: &'static str,
}

/// `GET|HEAD /ping`: open to all; 500 when the database does not answer.
#[tracing::instrument(skip_all)]
pub async fn ping(State(state): State<AppState>) -> ApiResult<Response> {
    match state.store.ping().await {
        Ok(()) => ok(&Ping { status: "OK" }),
        Err(e) => {
            tracing::error!(error = %e, "ping: database unreachable");
            json(StatusCode::INTERNAL_SERVER_ERROR, &Ping { status: "Error" })
        }
    }
}

#[derive(Serialize)]
struct ApiInfo {
    current: &'static str,
    deprecated: [&'static str; 0],
}

/// `GET /api`: the API versions.
#[tracing::instrument(skip_all)]
pub async fn api_info() -> ApiResult<Response> {
    ok(&ApiInfo {
        current: "v3",
        deprecated: [],
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SystemStatus<'a> {
    app_name: &'static str,
    instance_name: &'a str,
    version: &'a str,
    build_time: WireDate,
    is_debug: bool,
    is_production: bool,
    is_admin: bool,
    is_user_interactive: bool,
    startup_path: String,
    app_data: String,
    os_name: String,
    os_version: String,
    is_net_core: bool,
    is_linux: bool,
    is_osx: bool,
    is_windows: bool,
    is_docker: bool,
    mode: &'static str,
    branch: &'static str,
    database_type: &'static str,
    database_version: String,
    authentication: &'static str,
    migration_version: i64,
    url_base: &'a str,
    runtime_version: &'static str,
    runtime_name: &'static str,
    start_time: WireDate,
    package_version: &'a str,
    package_author: &'static str,
    package_update_mechanism: &'static str,
}

/// Reads `ID` and `VERSION_ID` from /etc/os-release.
fn os_release() -> (String, String) {
    let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    (field("ID"), field("VERSION_ID"))
}

/// When the running binary was built, as near as the file system tells.
fn build_time() -> WireDate {
    let modified = std::env::current_exe()
        .and_then(std::fs::metadata)
        .and_then(|m| m.modified())
        .map(chrono::DateTime::<chrono::Utc>::from);
    WireDate(modified.unwrap_or_default())
}

/// `GET /system/status`.
#[tracing::instrument(skip_all)]
async fn status(State(state): State<AppState>) -> ApiResult<Response> {
    let config = &state.config;
    let (os_name, os_version) = os_release();
    let backend = state.store.backend();
    ok(&SystemStatus {
        app_name: "Radarr",
        instance_name: &config.instance_name,
        version: &config.app_version,
        build_time: build_time(),
        is_debug: cfg!(debug_assertions),
        is_production: !cfg!(debug_assertions),
        is_admin: false,
        is_user_interactive: false,
        startup_path: config.startup_path.display().to_string(),
        app_data: config.data_dir.display().to_string(),
        os_name,
        os_version,
        is_net_core: true,
        is_linux: cfg!(target_os = "linux"),
        is_osx: cfg!(target_os = "macos"),
        is_windows: cfg!(windows),
        is_docker: Path::new("/.dockerenv").exists(),
        mode: "console",
        branch: "master",
        database_type: match backend {
            Backend::Sqlite => "sqLite",
            Backend::Postgres => "postgreSQL",
        },
        database_version: state.store.server_version().await?,
        authentication: match crate::services::auth_settings::load(&state).await?.method {
            AuthenticationMethod::None => "none",
            AuthenticationMethod::Forms => "forms",
            AuthenticationMethod::External => "external",
        },
        migration_version: state.store.migration_version().await?,
        url_base: &config.url_base,
        runtime_version: env!("CARGO_PKG_RUST_VERSION"),
        runtime_name: "rust",
        start_time: WireDate(state.started),
        package_version: &config.package_version,
        package_author: "[Unified-Radarr](https://github.com/unified-radarr/unified-radarr)",
        package_update_mechanism: "external",
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HealthCheck {
    source: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    message: String,
    wiki_url: &'static str,
}

/// `GET /health`: only the checks that fail.
#[tracing::instrument(skip_all)]
async fn health(State(state): State<AppState>) -> ApiResult<Response> {
    let mut checks = Vec::new();
    for root in state.store.root_folders().await? {
        if !Path::new(&root.path).is_dir() {
            checks.push(HealthCheck {
                source: "RootFolderCheck",
                kind: "error",
                message: format!("Missing root folder: {}", root.path),
                wiki_url: "https://wiki.servarr.com/radarr/system#missing-root-folder",
            });
        }
    }
    if let Some(problem) = state.tmdb.problem() {
        checks.push(HealthCheck {
            source: "MetadataCheck",
            kind: "error",
            message: format!("Movie metadata cannot be read: {problem}"),
            wiki_url: "https://wiki.servarr.com/radarr/system#health",
        });
    }
    let indexer_problems = indexer_health::checks(state.store.as_ref(), chrono::Utc::now()).await?;
    let client_problems = crate::services::tracking::health::checks(&state).await?;
    for problem in indexer_problems.into_iter().chain(client_problems) {
        checks.push(HealthCheck {
            source: problem.source,
            kind: problem.kind,
            message: problem.message,
            wiki_url: problem.wiki_url,
        });
    }
    ok(&checks)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DiskSpace {
    path: String,
    label: String,
    free_space: u64,
    total_space: u64,
}

/// The mount point holding `path`: the longest mount that is a prefix of it.
fn mount_point(path: &Path, mounts: &[PathBuf]) -> PathBuf {
    mounts
        .iter()
        .filter(|m| path.starts_with(m))
        .max_by_key(|m| m.components().count())
        .cloned()
        .unwrap_or_else(|| path.to_path_buf())
}

fn mounts() -> Vec<PathBuf> {
    std::fs::read_to_string("/proc/self/mounts")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .map(|m| PathBuf::from(m.replace("\\040", " ")))
        .collect()
}

/// `GET /diskspace`: each file system holding the data folder or a root folder.
#[tracing::instrument(skip_all)]
async fn diskspace(State(state): State<AppState>) -> ApiResult<Response> {
    let mounts = mounts();
    let mut paths: Vec<PathBuf> = vec![state.config.data_dir.clone()];
    paths.extend(
        state
            .store
            .root_folders()
            .await?
            .into_iter()
            .map(|r| PathBuf::from(r.path)),
    );
    let points: BTreeSet<PathBuf> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| mount_point(p, &mounts))
        .collect();
    let disks: Vec<DiskSpace> = points
        .into_iter()
        .filter_map(|point| {
            let (free_space, total_space) = space(&point)?;
            Some(DiskSpace {
                path: point.display().to_string(),
                label: String::new(),
                free_space,
                total_space,
            })
        })
        .collect();
    ok(&disks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_point_is_the_longest_matching_mount() {
        let mounts = vec![
            PathBuf::from("/"),
            PathBuf::from("/data"),
            PathBuf::from("/data/movies"),
        ];
        assert_eq!(
            mount_point(Path::new("/data/movies/x"), &mounts),
            PathBuf::from("/data/movies")
        );
        assert_eq!(
            mount_point(Path::new("/data/moviesx"), &mounts),
            PathBuf::from("/data")
        );
        assert_eq!(mount_point(Path::new("/srv"), &mounts), PathBuf::from("/"));
    }
}
