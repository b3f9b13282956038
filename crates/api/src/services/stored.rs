//! Settings kept whole as one JSON document under a config key: read back
//! as saved, or their defaults until first saved.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The document under `key`, if one was saved. `what` names the settings
/// in the error when the document cannot be read.
pub async fn load_saved<T: DeserializeOwned>(
    state: &AppState,
    key: &str,
    what: &str,
) -> ApiResult<Option<T>> {
    let Some(text) = state.store.config_text(key).await? else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| ApiError::Internal(format!("the {what} cannot be read: {e}")))
}

/// The document under `key`, or the defaults until one is saved.
pub async fn load<T: DeserializeOwned + Default>(
    state: &AppState,
    key: &str,
    what: &str,
) -> ApiResult<T> {
    Ok(load_saved(state, key, what).await?.unwrap_or_default())
}

/// Keeps `value` under `key`, replacing what was there.
pub async fn save<T: Serialize>(state: &AppState, key: &str, value: &T) -> ApiResult<()> {
    let text = serde_json::to_string(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(state.store.set_config_text(key, &text).await?)
}
