//! Building responses as Radarr sends them: JSON with a charset, 201 with a
//! Location on create, 202 on update, an empty 200 on delete.

use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};

/// Radarr's JSON content type.
pub const JSON: &str = "application/json; charset=utf-8";

/// A JSON array of `items`, each written by `write` (movies are about 4 KB).
pub fn json_array<T>(items: &[T], write: impl Fn(&mut Vec<u8>, &T)) -> Vec<u8> {
    let mut out = Vec::with_capacity(items.len() * 4096 + 2);
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(&mut out, item);
    }
    out.push(b']');
    out
}

/// A JSON response from bytes already encoded.
pub fn json_bytes(status: StatusCode, body: impl Into<axum::body::Body>) -> Response {
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static(JSON))],
        body.into(),
    )
        .into_response()
}

/// A JSON response.
pub fn json<T: Serialize>(status: StatusCode, value: &T) -> ApiResult<Response> {
    let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(json_bytes(status, body))
}

/// 200 with a JSON body.
pub fn ok<T: Serialize>(value: &T) -> ApiResult<Response> {
    json(StatusCode::OK, value)
}

/// 201 with the created resource and where it lives.
pub fn created(location: &str, body: Vec<u8>) -> Response {
    let mut response = json_bytes(StatusCode::CREATED, body);
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// 201 with a serialized resource.
pub fn created_json<T: Serialize>(location: &str, value: &T) -> ApiResult<Response> {
    let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(created(location, body))
}

/// 202 with the updated resource.
pub fn accepted<T: Serialize>(value: &T) -> ApiResult<Response> {
    json(StatusCode::ACCEPTED, value)
}

/// A `Content-Disposition` that has the browser save the body as `name`,
/// or as it likes when the name cannot be a header.
pub fn attachment(name: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// The empty 200 Radarr answers a delete with.
pub fn deleted() -> Response {
    StatusCode::OK.into_response()
}

/// An id from the path. A path segment that is not a number matches no route
/// in Radarr, so it is a 404 here too, with an empty body.
pub struct Id(pub i32);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| StatusCode::NOT_FOUND)?;
        raw.parse().map(Id).map_err(|_| StatusCode::NOT_FOUND)
    }
}

/// The id of an update: the route's, else the body's.
pub fn update_id(route: Option<Id>, body_id: Option<i32>) -> ApiResult<i32> {
    match (route, body_id) {
        (Some(Id(id)), _) => Ok(id),
        (None, Some(id)) if id > 0 => Ok(id),
        _ => Err(ApiError::invalid(
            "Id",
            "'Id' must be greater than '0'.",
            "GreaterThanValidator",
        )),
    }
}
