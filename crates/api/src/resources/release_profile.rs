//! Radarr's `ReleaseProfileResource`: terms a release title must or must not
//! contain. `required` and `ignored` are lists, or (from older clients) one
//! comma-separated string.

use domain::decision::ReleaseProfile;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ApiError, ApiResult, ValidationFailure};

/// A release profile as `/api/v3/releaseprofile` sends it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseProfileResource {
    /// Row id.
    pub id: i32,
    /// Display name; left off when none was given.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Disabled profiles are ignored.
    pub enabled: bool,
    /// Terms of which a title must contain one.
    pub required: Vec<String>,
    /// Terms a title must contain none of.
    pub ignored: Vec<String>,
    /// The indexer it is limited to; 0 for all.
    pub indexer_id: i32,
    /// The movie tags it applies to; empty for all movies.
    pub tags: Vec<i32>,
}

impl From<ReleaseProfile> for ReleaseProfileResource {
    fn from(p: ReleaseProfile) -> Self {
        ReleaseProfileResource {
            id: p.id,
            name: p.name,
            enabled: p.enabled,
            required: p.required,
            ignored: p.ignored,
            indexer_id: p.indexer_id,
            tags: p.tags,
        }
    }
}

/// A release profile as a client sends it; absent fields take .NET's defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReleaseProfileInput {
    /// Row id; the route's wins on update.
    pub id: i32,
    /// Display name.
    pub name: Option<String>,
    /// Whether it applies.
    pub enabled: bool,
    /// A list of terms, or one comma-separated string.
    pub required: Value,
    /// A list of terms, or one comma-separated string.
    pub ignored: Value,
    /// The indexer it is limited to.
    pub indexer_id: i32,
    /// The movie tags it applies to.
    pub tags: Option<Vec<i32>>,
}

/// Terms from a list or a comma-separated string (empty pieces dropped, as
/// Radarr splits them); anything else is Radarr's 400.
fn terms(value: &Value, field: &str) -> ApiResult<Vec<String>> {
    let invalid = || {
        ApiError::BadRequest(format!(
            "Invalid field {field}, should be string or string array"
        ))
    };
    match value {
        Value::Null => Ok(Vec::new()),
        Value::String(text) => Ok(text
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string).ok_or_else(invalid))
            .collect(),
        _ => Err(invalid()),
    }
}

impl ReleaseProfileInput {
    /// The profile it describes, checked by Radarr's rules that need nothing
    /// stored (whether the indexer exists is the caller's to check).
    pub fn into_profile(self) -> ApiResult<ReleaseProfile> {
        let required = terms(&self.required, "required")?;
        let ignored = terms(&self.ignored, "ignored")?;
        if required.is_empty() && ignored.is_empty() {
            return Err(ApiError::Validation(vec![ValidationFailure::new(
                "",
                "'Must contain' or 'Must not contain' is required",
                "PredicateValidator",
            )]));
        }
        Ok(ReleaseProfile {
            id: self.id,
            name: self.name.unwrap_or_default(),
            enabled: self.enabled,
            required,
            ignored,
            indexer_id: self.indexer_id,
            tags: self.tags.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(body: Value) -> ApiResult<ReleaseProfile> {
        serde_json::from_value::<ReleaseProfileInput>(body)
            .unwrap()
            .into_profile()
    }

    #[test]
    fn terms_come_as_lists_or_comma_separated_strings() {
        let p = read(json!({"required": "x265,,HEVC", "ignored": ["CAM", "TS"]})).unwrap();
        assert_eq!(
            (p.required, p.ignored),
            (
                vec!["x265".into(), "HEVC".into()],
                vec!["CAM".into(), "TS".into()]
            )
        );
        assert!(matches!(
            read(json!({"required": 5})),
            Err(ApiError::BadRequest(m)) if m == "Invalid field required, should be string or string array"
        ));
        assert!(matches!(
            read(json!({"required": [], "ignored": ""})),
            Err(ApiError::Validation(_))
        ));
    }
}
