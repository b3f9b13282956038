//! The scene-group settings (`/config/scenegroup`): how the analysis reads
//! the tracker, how much reputation counts in decisions and how often the
//! analysis runs; kept whole under one key, the defaults until saved.

use domain::scene_group::SceneGroupConfig;
use serde::Serialize;

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
    let mut failures = Vec::new();
    let mut within = |property: &str, label: &str, value: f64, least: f64, most: f64| {
        if !(least..=most).contains(&value) {
            failures.push(between(property, label, least, most, value));
        }
    };
    // HDBits answers at most 100 releases a request.
    within("BatchSize", "Batch Size", c.batch_size.into(), 1.0, 100.0);
    within(
        "ConcurrentRequests",
        "Concurrent Requests",
        c.concurrent_requests.into(),
        1.0,
        10.0,
    );
    within(
        "RequestDelayMs",
        "Request Delay",
        c.request_delay_ms as f64,
        0.0,
        60_000.0,
    );
    within(
        "RetryAttempts",
        "Retry Attempts",
        c.retry_attempts.into(),
        0.0,
        10.0,
    );
    within(
        "TimeoutSeconds",
        "Timeout",
        c.timeout_seconds.into(),
        1.0,
        300.0,
    );
    within(
        "ReputationWeight",
        "Reputation Weight",
        c.reputation_weight,
        0.0,
        100.0,
    );
    within(
        "IntervalDays",
        "Interval",
        c.interval_days.into(),
        0.0,
        365.0,
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(failures))
    }
}

/// Radarr's failure for a number outside its range.
fn between(
    property: &str,
    label: &str,
    least: f64,
    most: f64,
    value: impl Serialize,
) -> ValidationFailure {
    ValidationFailure::new(
        property,
        format!("'{label}' must be between {least} and {most}."),
        "InclusiveBetweenValidator",
    )
    .attempted(value)
}
