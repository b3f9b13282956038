//! The one error type of the API and the bodies Radarr answers errors with.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use store::{Conflict, StoreError};

/// One failed rule, as FluentValidation reports it in Radarr's 400 bodies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationFailure {
    /// Radarr's C# property name (`TmdbId`, `RootFolderPath`), or "" for the whole body.
    pub property_name: String,
    /// What is wrong, for the user.
    pub error_message: String,
    /// What was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempted_value: Option<Value>,
    /// "error" (or "warning").
    pub severity: &'static str,
    /// The validator's name, which scripts match on (e.g. `MovieExistsValidator`).
    pub error_code: &'static str,
}

impl ValidationFailure {
    /// A failed rule of severity "error".
    pub fn new(property: &str, message: impl Into<String>, code: &'static str) -> Self {
        ValidationFailure {
            property_name: property.to_string(),
            error_message: message.into(),
            attempted_value: None,
            severity: "error",
            error_code: code,
        }
    }

    /// Records the value that was sent.
    pub fn attempted(mut self, value: impl Serialize) -> Self {
        self.attempted_value = serde_json::to_value(value).ok();
        self
    }
}

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Input broke one or more rules: 400 with the list.
    #[error("validation failed")]
    Validation(Vec<ValidationFailure>),
    /// No such resource: 404.
    #[error("{0}")]
    NotFound(String),
    /// A request Radarr refuses with a message rather than a rule list: 400.
    #[error("{0}")]
    BadRequest(String),
    /// Radarr refuses the operation on this resource outright (deleting the
    /// default delay profile): 405 with the reason.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// The request clashes with what is stored: 409.
    #[error("{0}")]
    Conflict(String),
    /// A service the request needs (TMDB) failed: 503 with the reason.
    #[error("{0}")]
    Unavailable(String),
    /// The body was larger than the server accepts: 413.
    #[error("request body too large")]
    PayloadTooLarge,
    /// A failure Radarr answers as an unhandled exception, 500 with its
    /// message, where clients match that message (arrapi does for unknown
    /// command names).
    #[error("{0}")]
    Exception(String),
    /// Anything else; logged, never shown: 500.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// A single failed rule.
    pub fn invalid(property: &str, message: impl Into<String>, code: &'static str) -> Self {
        ApiError::Validation(vec![ValidationFailure::new(property, message, code)])
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { .. } => ApiError::NotFound(err.to_string()),
            StoreError::Conflict(conflict) => conflict_error(conflict),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// Conflicts a client caused by what it sent are validation failures, as
/// Radarr's validators report them; the rest are Radarr's 409s.
fn conflict_error(conflict: Conflict) -> ApiError {
    let message = conflict.to_string();
    match conflict {
        Conflict::MovieExists { tmdb_id } => ApiError::Validation(vec![
            ValidationFailure::new("TmdbId", message, "MovieExistsValidator").attempted(tmdb_id),
        ]),
        Conflict::RootFolderExists { path } => ApiError::Validation(vec![
            ValidationFailure::new("Path", message, "RootFolderValidator").attempted(path),
        ]),
        Conflict::ExclusionExists { tmdb_id } => ApiError::Validation(vec![
            ValidationFailure::new("TmdbId", message, "ImportListExclusionExistsValidator")
                .attempted(tmdb_id),
        ]),
        Conflict::UnknownProfile { id } => ApiError::Validation(vec![
            ValidationFailure::new(
                "QualityProfileId",
                "Quality Profile does not exist",
                "QualityProfileExistsValidator",
            )
            .attempted(id),
        ]),
        Conflict::ProfileNameExists { name } => ApiError::Validation(vec![
            ValidationFailure::new("Name", message, "ProfileExistsValidator").attempted(name),
        ]),
        Conflict::ProviderNameExists { name } => ApiError::Validation(vec![
            ValidationFailure::new("Name", message, "PredicateValidator").attempted(name),
        ]),
        Conflict::FormatNameExists { name } => ApiError::Validation(vec![
            ValidationFailure::new("Name", message, "PredicateValidator").attempted(name),
        ]),
        Conflict::ProfileInUse { .. } => ApiError::BadRequest(message),
        Conflict::TagExists { .. } | Conflict::TagInUse { .. } => ApiError::Conflict(message),
    }
}

#[derive(Serialize)]
struct MessageBody<'a> {
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        metrics::counter!("radarr_api_errors_total", "kind" => self.kind()).increment(1);
        match self {
            ApiError::Validation(failures) => {
                (StatusCode::BAD_REQUEST, Json(failures)).into_response()
            }
            ApiError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                Json(MessageBody { message: &message }),
            )
                .into_response(),
            ApiError::NotFound(message) => (
                StatusCode::NOT_FOUND,
                Json(MessageBody { message: &message }),
            )
                .into_response(),
            ApiError::MethodNotAllowed(message) => (
                StatusCode::METHOD_NOT_ALLOWED,
                Json(MessageBody { message: &message }),
            )
                .into_response(),
            ApiError::Conflict(message) => (
                StatusCode::CONFLICT,
                Json(MessageBody { message: &message }),
            )
                .into_response(),
            ApiError::Unavailable(message) => {
                tracing::warn!(%message, "a service the request needs failed");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Json(MessageBody { message: &message }),
                )
                    .into_response()
            }
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                Json(MessageBody {
                    message: "Request body too large",
                }),
            )
                .into_response(),
            ApiError::Exception(message) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(MessageBody { message: &message }),
            )
                .into_response(),
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(MessageBody {
                        message: "An internal error occurred",
                    }),
                )
                    .into_response()
            }
        }
    }
}

impl ApiError {
    fn kind(&self) -> &'static str {
        match self {
            ApiError::Validation(_) => "validation",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed(_) => "method_not_allowed",
            ApiError::Conflict(_) => "conflict",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::Exception(_) => "exception",
            ApiError::Internal(_) => "internal",
        }
    }
}

/// The result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
