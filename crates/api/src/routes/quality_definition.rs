//! `/api/v3/qualitydefinition`: each quality's title and size limits, read
//! and saved one at a time or all at once (Recyclarr's quality sizes).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, put};
use domain::quality_definition::{QualityDefinition, SIZE_LIMIT_MAX, SIZE_LIMIT_MIN};
use serde::Serialize;

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::routes::respond::{Id, accepted, ok};
use crate::state::AppState;

/// The definition routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/qualitydefinition", get(definitions))
        .route("/qualitydefinition/limits", get(definition_limits))
        .route("/qualitydefinition/update", put(update_many))
        .route("/qualitydefinition/{id}", get(definition).put(update))
}

/// Radarr's rules for the sizes of one definition: each size within the
/// limits and min ≤ preferred ≤ max, a missing size not bounding the others.
fn size_failures(d: &QualityDefinition) -> Vec<ValidationFailure> {
    let mut failures = Vec::new();
    let mut check = |property: &str, label: &str, value: Option<f64>, low: f64, high: f64| {
        let Some(value) = value else { return };
        if value < low {
            failures.push(
                ValidationFailure::new(
                    property,
                    format!("'{label}' must be greater than or equal to '{low}'."),
                    "GreaterThanOrEqualTo",
                )
                .attempted(value),
            );
        }
        if value > high {
            failures.push(
                ValidationFailure::new(
                    property,
                    format!("'{label}' must be less than or equal to '{high}'."),
                    "LessThanOrEqualTo",
                )
                .attempted(value),
            );
        }
    };
    let (min, preferred, max) = (d.min_size, d.preferred_size, d.max_size);
    check(
        "MinSize",
        "Min Size",
        min,
        SIZE_LIMIT_MIN,
        preferred.unwrap_or(SIZE_LIMIT_MAX),
    );
    check(
        "PreferredSize",
        "Preferred Size",
        preferred,
        min.unwrap_or(SIZE_LIMIT_MIN),
        max.unwrap_or(SIZE_LIMIT_MAX),
    );
    check(
        "MaxSize",
        "Max Size",
        max,
        preferred.unwrap_or(SIZE_LIMIT_MIN),
        SIZE_LIMIT_MAX,
    );
    failures
}

/// Checks every definition, then saves them together.
async fn save(state: &AppState, definitions: &[QualityDefinition]) -> ApiResult<()> {
    let failures: Vec<ValidationFailure> = definitions.iter().flat_map(size_failures).collect();
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    Ok(state.store.update_quality_definitions(definitions).await?)
}

async fn stored(state: &AppState, id: i32) -> ApiResult<QualityDefinition> {
    let found = state
        .store
        .quality_definitions()
        .await?
        .into_iter()
        .find(|d| d.id == id);
    found
        .ok_or_else(|| ApiError::NotFound(format!("QualityDefinition with ID {id} does not exist")))
}

#[tracing::instrument(skip_all)]
async fn definitions(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&state.store.quality_definitions().await?)
}

#[tracing::instrument(skip_all)]
async fn definition(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&stored(&state, id).await?)
}

/// `PUT /qualitydefinition/{id}`: 202 with the definition as saved.
#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    Id(id): Id,
    ApiJson(definition): ApiJson<QualityDefinition>,
) -> ApiResult<Response> {
    save(&state, &[QualityDefinition { id, ..definition }]).await?;
    accepted(&stored(&state, id).await?)
}

/// `PUT /qualitydefinition/update`: saves all or none; 202 with every definition.
#[tracing::instrument(skip_all)]
async fn update_many(
    State(state): State<AppState>,
    ApiJson(definitions): ApiJson<Vec<QualityDefinition>>,
) -> ApiResult<Response> {
    save(&state, &definitions).await?;
    accepted(&state.store.quality_definitions().await?)
}

#[derive(Serialize)]
struct Limits {
    min: f64,
    max: f64,
}

#[tracing::instrument(skip_all)]
async fn definition_limits() -> ApiResult<Response> {
    ok(&Limits {
        min: SIZE_LIMIT_MIN,
        max: SIZE_LIMIT_MAX,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::quality::Quality;

    fn sizes(min: Option<f64>, preferred: Option<f64>, max: Option<f64>) -> Vec<String> {
        let d = QualityDefinition {
            id: 1,
            quality: Quality::SDTV,
            title: "SDTV".into(),
            weight: 2,
            min_size: min,
            max_size: max,
            preferred_size: preferred,
        };
        size_failures(&d)
            .into_iter()
            .map(|f| format!("{}: {}", f.property_name, f.error_message))
            .collect()
    }

    #[test]
    fn sizes_stay_in_order_and_within_the_limits() {
        assert!(sizes(Some(0.0), Some(95.0), Some(100.0)).is_empty());
        assert!(sizes(None, None, None).is_empty());
        assert!(sizes(Some(5.0), None, None).is_empty());
        assert_eq!(
            sizes(Some(-1.0), None, Some(2500.0)),
            [
                "MinSize: 'Min Size' must be greater than or equal to '0'.",
                "MaxSize: 'Max Size' must be less than or equal to '2000'.",
            ]
        );
        assert_eq!(
            sizes(Some(50.0), Some(40.5), Some(30.0)),
            [
                "MinSize: 'Min Size' must be less than or equal to '40.5'.",
                "PreferredSize: 'Preferred Size' must be greater than or equal to '50'.",
                "PreferredSize: 'Preferred Size' must be less than or equal to '30'.",
                "MaxSize: 'Max Size' must be greater than or equal to '40.5'.",
            ]
        );
    }
}
