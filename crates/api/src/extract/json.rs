//! A JSON body read the way Radarr reads one (see `json_input`).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ValidationFailure};
use crate::json_input::{from_json_bytes, pascal_case};

/// A request body of type `T`. A body that cannot be read is a 400 naming the
/// property at fault; one over the size limit is a 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::invalid("", rejection.body_text(), "RequestBodyValidator")
            }
        })?;
        from_json_bytes(&bytes).map(ApiJson).map_err(|e| {
            let mut failure =
                ValidationFailure::new(&pascal_case(&e.path), e.message, "JsonValidator");
            failure.attempted_value = e.attempted;
            ApiError::Validation(vec![failure])
        })
    }
}
