//! Backups: `GET /api/v3/system/backup`, `DELETE …/{id}`, `POST …/restore/{id}`,
//! `POST …/restore/upload` (a multipart file, as Radarr's UI sends it), and
//! the download of a zip at the `path` the list gives, `/backup/{type}/{name}`.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Json};
use serde::Serialize;
use tokio_util::io::ReaderStream;

use crate::error::{ApiError, ApiResult};
use crate::middleware::CasedPath;
use crate::resources::wire_date::WireDate;
use crate::routes::respond::{Id, attachment, deleted, ok};
use crate::services::backup::files::{self, BackupFile, BackupKind};
use crate::services::backup::restore::{self, UploadKind};
use crate::services::backup::{self as backups, blocking, io_error};
use crate::state::AppState;

/// The `/api/v3` backup routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/system/backup", get(list))
        .route("/system/backup/{id}", delete(remove))
        .route("/system/backup/restore/{id}", post(restore_saved))
        .route("/system/backup/restore/upload", post(restore_upload))
}

/// Radarr's `BackupResource`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupResource {
    id: i32,
    name: String,
    path: String,
    #[serde(rename = "type")]
    kind: BackupKind,
    size: u64,
    time: WireDate,
}

impl From<BackupFile> for BackupResource {
    fn from(file: BackupFile) -> Self {
        BackupResource {
            id: file.id(),
            path: format!("/backup/{}/{}", file.kind.folder_name(), file.name),
            name: file.name,
            kind: file.kind,
            size: file.size,
            time: WireDate(file.time),
        }
    }
}

/// Radarr's answer to a restore.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RestoreResource {
    restart_required: bool,
}

async fn all_backups(state: &AppState) -> ApiResult<Vec<BackupFile>> {
    let root = backups::folder(state).await?;
    blocking(move || files::list(&root).map_err(|e| io_error(&root, e))).await
}

async fn backup_by_id(state: &AppState, id: i32) -> ApiResult<BackupFile> {
    let root = backups::folder(state).await?;
    blocking(move || files::find_by_id(&root, id).map_err(|e| io_error(&root, e)))
        .await?
        .ok_or_else(|| ApiError::NotFound("Backup not found".into()))
}

/// `GET /system/backup`: every backup, newest first.
#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let resources: Vec<BackupResource> = all_backups(&state)
        .await?
        .into_iter()
        .map(BackupResource::from)
        .collect();
    ok(&resources)
}

/// `DELETE /system/backup/{id}`.
#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let backup = backup_by_id(&state, id).await?;
    let path = backup.path.clone();
    blocking(move || std::fs::remove_file(&path).map_err(|e| io_error(&path, e))).await?;
    tracing::info!(file = %backup.path.display(), "backup deleted");
    Ok(deleted())
}

/// `POST /system/backup/restore/{id}`: restores a backup from the list.
#[tracing::instrument(skip_all)]
async fn restore_saved(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let backup = backup_by_id(&state, id).await?;
    restore::restore_zip(&state, &backup.path).await?;
    ok(&RestoreResource {
        restart_required: true,
    })
}

/// `POST /system/backup/restore/upload`: restores the first file of a
/// multipart form: a backup zip, or a bare database file.
#[tracing::instrument(skip_all)]
async fn restore_upload(State(state): State<AppState>, request: Request) -> ApiResult<Response> {
    let boundary = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok())
        .ok_or_else(|| ApiError::BadRequest("file must be provided".into()))?;
    let mut form = multer::Multipart::new(request.into_body().into_data_stream(), boundary);
    let field = loop {
        match form.next_field().await {
            Ok(Some(field)) if field.file_name().is_some() => break field,
            Ok(Some(_)) => continue,
            Ok(None) => return Err(ApiError::BadRequest("file must be provided".into())),
            Err(e) => {
                return Err(ApiError::BadRequest(format!(
                    "The upload cannot be read: {e}"
                )));
            }
        }
    };
    let file_name = field.file_name().unwrap_or_default().to_string();
    let Some(kind) = UploadKind::from_file_name(&file_name) else {
        // Radarr answers a file it cannot restore with 415.
        let message = format!(
            "Invalid extension, must be one of: {}",
            UploadKind::EXTENSIONS
        );
        return Ok((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Json(serde_json::json!({ "message": message })),
        )
            .into_response());
    };
    restore::restore_upload(&state, kind, Box::pin(field)).await?;
    ok(&RestoreResource {
        restart_required: true,
    })
}

/// How much of a zip is read at a time while it is sent.
const CHUNK: usize = 64 * 1024;

/// `GET /backup/{type}/{name}`: the zip. A name that is not a backup of
/// that kind (or climbs out of its folder) is 404.
#[tracing::instrument(skip_all)]
pub async fn download(
    State(state): State<AppState>,
    Path((kind, name)): Path<(String, String)>,
    cased: Option<Extension<CasedPath>>,
) -> Response {
    // Routing saw the path in lower case; the file's name keeps its own
    // (the path as sent is still percent-encoded, so it is taken only when
    // it is the same name).
    let name = cased
        .as_ref()
        .and_then(|Extension(CasedPath(path))| path.rsplit('/').next())
        .filter(|sent| sent.eq_ignore_ascii_case(&name))
        .map_or(name.clone(), str::to_string);
    let Some(kind) = BackupKind::from_folder_name(&kind) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match send(&state, kind, name).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn send(state: &AppState, kind: BackupKind, name: String) -> ApiResult<Response> {
    let root = backups::folder(state).await?;
    let found =
        blocking(move || files::find(&root, kind, &name).map_err(|e| io_error(&root, e))).await?;
    let Some(backup) = found else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let file = tokio::fs::File::open(&backup.path)
        .await
        .map_err(|e| io_error(&backup.path, e))?;
    // A read error ends the body: the client sees a cut download.
    let chunks = ReaderStream::with_capacity(file, CHUNK);
    let mut response = Body::from_stream(chunks).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(CONTENT_LENGTH, HeaderValue::from(backup.size));
    // Already compressed: the compression layer leaves a response that
    // names its encoding alone.
    headers.insert(CONTENT_ENCODING, HeaderValue::from_static("identity"));
    headers.insert(CONTENT_DISPOSITION, attachment(&backup.name));
    Ok(response)
}
