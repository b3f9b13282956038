//! Quality definitions: each quality's user-editable title, weight and size
//! limits in MB per minute of runtime, as `/qualitydefinition` serves them.

use serde::{Deserialize, Serialize, Serializer};

use crate::quality::Quality;
use crate::quality_profile::null_as_default;

/// The least size limit `/qualitydefinition/limits` allows, in MB per minute.
pub const SIZE_LIMIT_MIN: f64 = 0.0;

/// The greatest size limit `/qualitydefinition/limits` allows, in MB per minute.
pub const SIZE_LIMIT_MAX: f64 = 2000.0;

/// A quality's definition in the shape of Radarr's `QualityDefinitionResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityDefinition {
    /// Row id (not the quality id): 1..30 in weight order on a fresh install.
    #[serde(default)]
    pub id: i32,
    /// The quality defined.
    pub quality: Quality,
    /// The name used in file names; the quality's name unless edited.
    #[serde(default, deserialize_with = "null_as_default")]
    pub title: String,
    /// Higher is better.
    #[serde(default)]
    pub weight: i32,
    /// Smallest acceptable size; none means no floor.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_dotnet_number"
    )]
    pub min_size: Option<f64>,
    /// Largest acceptable size; none means unlimited.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_dotnet_number"
    )]
    pub max_size: Option<f64>,
    /// Size preferred among acceptable releases; none means as large as allowed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_dotnet_number"
    )]
    pub preferred_size: Option<f64>,
}

/// Radarr's definitions on a fresh install: one per quality, worst to best.
pub fn default_definitions() -> Vec<QualityDefinition> {
    // Radarr caps sizes only up to the WEB 1080p group; from Bluray-1080p up
    // preferred and max are unlimited.
    let capped_below = Quality::BLURAY_1080P.weight();
    Quality::ALL
        .into_iter()
        .zip(1..)
        .map(|(quality, id)| {
            let capped = quality.weight() < capped_below;
            QualityDefinition {
                id,
                quality,
                title: quality.name.to_string(),
                weight: quality.weight(),
                min_size: Some(0.0),
                max_size: capped.then_some(100.0),
                preferred_size: capped.then_some(95.0),
            }
        })
        .collect()
}

/// Writes a whole number without a fraction (`95`, not `95.0`), as .NET does.
fn as_dotnet_number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: larger floats are not exact integers
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < EXACT => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_follow_weight_order_with_radarrs_sizes() {
        let defs = default_definitions();
        assert_eq!(defs.len(), 30);
        for (i, d) in defs.iter().enumerate() {
            assert_eq!(d.id as usize, i + 1);
            assert_eq!(d.quality, Quality::ALL[i]);
            assert_eq!(d.title, d.quality.name);
            assert_eq!(d.min_size, Some(0.0));
        }
        let sizes = |q: Quality| {
            let d = defs.iter().find(|d| d.quality == q).unwrap();
            (d.weight, d.preferred_size, d.max_size)
        };
        assert_eq!(sizes(Quality::UNKNOWN), (1, Some(95.0), Some(100.0)));
        assert_eq!(sizes(Quality::WEBRIP_1080P), (18, Some(95.0), Some(100.0)));
        assert_eq!(sizes(Quality::BLURAY_1080P), (19, None, None));
        assert_eq!(sizes(Quality::RAW_HD), (26, None, None));
    }

    #[test]
    fn wire_shape_omits_unlimited_sizes_and_writes_whole_numbers_bare() {
        let defs = default_definitions();
        let text = serde_json::to_string(&defs[0]).unwrap();
        assert_eq!(
            text,
            r#"{"id":1,"quality":{"id":0,"name":"Unknown","source":"unknown","resolution":0,"modifier":"none"},"title":"Unknown","weight":1,"minSize":0,"maxSize":100,"preferredSize":95}"#
        );
        let v = serde_json::to_value(&defs[29]).unwrap();
        assert!(v.get("maxSize").is_none() && v.get("preferredSize").is_none());
        let mut d = defs[5].clone();
        d.max_size = Some(12.5);
        assert_eq!(serde_json::to_value(&d).unwrap()["maxSize"], json!(12.5));
    }

    #[test]
    fn reads_a_put_body_with_nulls() {
        let d: QualityDefinition = serde_json::from_value(json!({
            "id": 22, "quality": {"id": 7}, "title": "Bluray-1080p", "weight": 19,
            "minSize": 1.5, "maxSize": null, "preferredSize": null
        }))
        .unwrap();
        assert_eq!(d.quality, Quality::BLURAY_1080P);
        assert_eq!(
            (d.min_size, d.max_size, d.preferred_size),
            (Some(1.5), None, None)
        );
    }
}
