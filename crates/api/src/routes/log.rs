//! `/api/v3/log`: the latest log entries, paged as Radarr pages its log
//! table; `/api/v3/log/file…` and `/logfile/{filename}`: the log files.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::logs::{LogLevel, LogRecord, files};
use crate::resources::wire_date::WireDate;
use crate::routes::respond::{attachment, ok};
use crate::state::AppState;

/// The log routes under `/api/v3`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/log", get(entries))
        .route("/log/file", get(log_files))
        .route("/log/file/update", get(update_log_files))
        .route("/log/file/update/{filename}", get(update_log_file))
        .route("/log/file/{filename}", get(contents))
}

/// LogResource.
fn record_json(record: &LogRecord) -> Value {
    let entry = &record.entry;
    let mut resource = json!({
        "time": WireDate(entry.time),
        "level": entry.level.wire(),
        "logger": entry.logger,
        "message": entry.message,
        "id": record.id,
    });
    if let Some(exception) = &entry.exception {
        resource["exception"] = json!(exception);
    }
    resource
}

/// `GET /log`: newest first unless asked otherwise; `level=warn` keeps
/// warnings and worse. A level Radarr does not name filters nothing, as in
/// Radarr.
#[tracing::instrument(skip_all)]
async fn entries(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let paging = query.paging(&["time"], "time", true)?;
    let at_least = query.get("level").and_then(LogLevel::from_name);
    let (records, total) = state.logs.page(at_least, &paging);
    let records: Vec<Value> = records.iter().map(record_json).collect();
    ok(&paging.resource(total, Value::Array(records)))
}

fn io_error(e: std::io::Error) -> ApiError {
    ApiError::Internal(format!("the log files cannot be read: {e}"))
}

/// `GET /log/file`: LogFileResource for each file, newest first.
#[tracing::instrument(skip_all)]
async fn log_files(State(state): State<AppState>) -> ApiResult<Response> {
    let folder = files::folder(&state.config.data_dir);
    let base = &state.config.url_base;
    let listed = files::list(&folder).await.map_err(io_error)?;
    let resources: Vec<Value> = listed
        .iter()
        .enumerate()
        .map(|(i, file)| {
            json!({
                "filename": file.name,
                "lastWriteTime": WireDate(file.modified),
                "contentsUrl": format!("{base}/api/v3/log/file/{}", file.name),
                "downloadUrl": format!("{base}/logfile/{}", file.name),
                "id": i + 1,
            })
        })
        .collect();
    ok(&resources)
}

/// A listed file's bytes, or 404 for any other name.
async fn file_bytes(state: &AppState, name: &str) -> ApiResult<Vec<u8>> {
    let folder = files::folder(&state.config.data_dir);
    files::read(&folder, name)
        .await
        .map_err(io_error)?
        .ok_or_else(|| ApiError::NotFound(format!("Log file {name} not found")))
}

/// `GET /log/file/{filename}`: the file as text.
#[tracing::instrument(skip_all)]
async fn contents(
    State(state): State<AppState>,
    Path(filename): Path<String>,
) -> ApiResult<Response> {
    let bytes = file_bytes(&state, &filename).await?;
    Ok((
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        bytes,
    )
        .into_response())
}

/// `GET /logfile/{filename}`: the file as a download.
#[tracing::instrument(skip_all)]
pub async fn download(
    State(state): State<AppState>,
    Path(filename): Path<String>,
) -> ApiResult<Response> {
    let bytes = file_bytes(&state, &filename).await?;
    // The name passed the log-file pattern, so it needs no quoting.
    let disposition = attachment(&filename);
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /log/file/update`: the updater's logs; there is no updater.
async fn update_log_files() -> ApiResult<Response> {
    ok(&Vec::<Value>::new())
}

/// `GET /log/file/update/{filename}`: never a file.
async fn update_log_file(Path(filename): Path<String>) -> ApiError {
    ApiError::NotFound(format!("Log file {filename} not found"))
}
