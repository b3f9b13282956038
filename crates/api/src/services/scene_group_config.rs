//! The scene-group settings (`/config/scenegroup`): how the analysis reads
//! the tracker, how much reputation counts in decisions and how often the
//! analysis runs; kept whole under one key, the defaults until saved.

use domain::scene_group::SceneGroupConfig;
use serde_json::json;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::services::stored;
use crate::state::AppState;

const KEY: &str = "sceneGroup";

/// The settings as saved.
pub async fn load(state: &AppState) -> ApiResult<SceneGroupConfig> {
    stored::load(state, KEY, "scene-group settings").await
}

/// Saves the settings, checked.
pub async fn save(state: &AppState, config: SceneGroupConfig) -> ApiResult<SceneGroupConfig> {
    checked(&config)?;
    stored::save(state, KEY, &config).await?;
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
