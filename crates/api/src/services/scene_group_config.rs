//! The scene-group settings (`/config/scenegroup`): how the analysis reads
//! the tracker, how much reputation counts in decisions and how often the
//! analysis runs; kept whole under one key, the defaults until saved.

use domain::scene_group::SceneGroupConfig;
use serde_json::json;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::state::AppState;

const KEY: &str = "sceneGroup";

/// The settings as saved.
pub async fn load(state: &AppState) -> ApiResult<SceneGroupConfig> {
    let Some(text) = state.store.config_text(KEY).await? else {
        return Ok(SceneGroupConfig::default());
    };
    serde_json::from_str(&text)
        .map_err(|e| ApiError::Internal(format!("the scene-group settings cannot be read: {e}")))
}

/// Saves the settings, checked.
pub async fn save(state: &AppState, config: SceneGroupConfig) -> ApiResult<SceneGroupConfig> {
    checked(&config)?;
    let text = serde_json::to_string(&config).map_err(|e| ApiError::Internal(e.to_string()))?;
    state.store.set_config_text(KEY, &text).await?;
    Ok(config)
}

/// Each setting within the range it works in, with Radarr's messages.
fn checked(c: &SceneGroupConfig) -> ApiResult<()> {
    // HDBits answers at most 100 releases a request.
    let ranges = [
        ("BatchSize", "Batch Size", json!(c.batch_size), 1.0, 100.0),
        (
            "ConcurrentRequests",
            "Concurrent Requests",
            json!(c.concurrent_requests),
            1.0,
            10.0,
        ),
        (
            "RequestDelayMs",
            "Request Delay",
            json!(c.request_delay_ms),
            0.0,
            60_000.0,
        ),
        (
            "RetryAttempts",
            "Retry Attempts",
            json!(c.retry_attempts),
            0.0,
            10.0,
        ),
        (
            "TimeoutSeconds",
            "Timeout",
            json!(c.timeout_seconds),
            1.0,
            300.0,
        ),
        (
            "ReputationWeight",
            "Reputation Weight",
            json!(c.reputation_weight),
            0.0,
            100.0,
        ),
        (
            "IntervalDays",
            "Interval",
            json!(c.interval_days),
            0.0,
            365.0,
        ),
    ];
    let failures: Vec<ValidationFailure> = ranges
        .into_iter()
        .filter(|(_, _, value, least, most)| {
            !value
                .as_f64()
                .is_some_and(|v| (*least..=*most).contains(&v))
        })
        .map(|(property, label, value, least, most)| {
            ValidationFailure::new(
                property,
                format!("'{label}' must be between {least} and {most}."),
                "InclusiveBetweenValidator",
            )
            .attempted(value)
        })
        .collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(failures))
    }
}
