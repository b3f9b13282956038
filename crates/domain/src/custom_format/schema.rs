//! The answer of `GET /api/v3/customformat/schema`: one blank condition per
//! implementation, in Radarr's order, each with its ready-made presets.

use serde_json::Value;

use super::fields;
use super::format::{CustomFormat, template};
use super::specification::{IMPLEMENTATIONS, SpecKind};
use super::wire::SpecificationResource;

/// The release-title presets Radarr offers whatever the library holds.
const TITLE_PRESETS: [(&str, &str); 6] = [
    ("x264", r"(x|h)\.?264"),
    ("x265", r"(((x|h)\.?265)|(HEVC))"),
    ("Simple Hardcoded Subs", r"subs?"),
    (
        "Hardcoded Subs",
        r"\b(?<hcsub>(\w+SUBS?)\b)|(?<hc>(HC|SUBBED))\b",
    ),
    (
        "Surround Sound",
        r"DTS.?(HD|ES|X(?!\D))|TRUEHD|ATMOS|DD(\+|P).?([5-9])|EAC3.?([5-9])",
    ),
    ("Preferred Words", r"\b(SPARKS|Framestor)\b"),
];

/// One template per implementation, with blank values (no pattern, 0,
/// false); each carries as presets Radarr's built-in release-title patterns
/// (for release titles) and every condition of the `existing` formats of its
/// implementation, named `Format: Condition`.
pub fn schema(existing: &[CustomFormat]) -> Vec<SpecificationResource> {
    (0..IMPLEMENTATIONS.len())
        .map(|index| {
            let mut presets: Vec<SpecificationResource> = Vec::new();
            if index == 0 {
                presets.extend(TITLE_PRESETS.iter().map(|(name, pattern)| {
                    named(
                        template(index, vec![Value::from(*pattern)], false, false),
                        name,
                    )
                }));
            }
            for format in existing {
                for spec in format
                    .specifications()
                    .iter()
                    .filter(|s| s.kind.index() == index)
                {
                    let preset = template(
                        index,
                        fields::values(&spec.kind),
                        spec.negate,
                        spec.required,
                    );
                    presets.push(named(preset, &format!("{}: {}", format.name, spec.name)));
                }
            }
            SpecificationResource {
                presets: Some(presets),
                ..template(index, blank_values(index), false, false)
            }
        })
        .collect()
}

fn named(resource: SpecificationResource, name: &str) -> SpecificationResource {
    SpecificationResource {
        name: Some(name.to_string()),
        ..resource
    }
}

/// A fresh condition's values: no pattern, zeros and false.
fn blank_values(index: usize) -> Vec<Value> {
    match index {
        0 | 1 | 8 => vec![Value::Null],
        2 => vec![Value::from(0), Value::from(false)],
        i if i == SpecKind::SIZE_INDEX => vec![Value::from(0), Value::from(0)],
        9 => vec![Value::from(0), Value::from(0)],
        _ => vec![Value::from(0)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_template_per_implementation_in_radarrs_order() {
        let schema = schema(&[]);
        let names: Vec<&str> = schema.iter().map(|s| s.implementation.as_str()).collect();
        assert_eq!(names, IMPLEMENTATIONS);
        let title = serde_json::to_value(&schema[0]).unwrap();
        assert_eq!(title["implementationName"], "Release Title");
        assert!(title.get("name").is_none());
        assert_eq!(title["fields"][0]["type"], "textbox");
        assert!(title["fields"][0].get("value").is_none());
        assert_eq!(title["presets"].as_array().unwrap().len(), 6);
        assert_eq!(
            title["presets"][1]["fields"][0]["value"],
            r"(((x|h)\.?265)|(HEVC))"
        );
    }

    #[test]
    fn select_and_number_fields_carry_their_options_and_units() {
        let schema = serde_json::to_value(schema(&[])).unwrap();
        let source = &schema[4]["fields"][0];
        assert_eq!(source["type"], "select");
        assert_eq!(source["value"], 0);
        assert_eq!(
            source["selectOptions"][9],
            json!({"value": 9, "name": "BLURAY", "order": 9, "dividerAfter": false})
        );
        let language = &schema[2]["fields"];
        assert_eq!(language[1]["name"], "exceptLanguage");
        assert_eq!(language[1]["type"], "checkbox");
        let size = &schema[7]["fields"];
        assert_eq!(
            (size[0]["name"].as_str(), size[0]["unit"].as_str()),
            (Some("min"), Some("GB"))
        );
        assert_eq!(size[1]["isFloat"], true);
        assert_eq!(schema[9]["fields"][1]["label"], "Maximum Year");
    }

    #[test]
    fn existing_conditions_become_presets_of_their_implementation() {
        let format = CustomFormat::from_json(
            r#"{"name":"HQ","specifications":[{"name":"Remux","implementation":"QualityModifierSpecification","fields":{"value":5}}]}"#,
        )
        .unwrap();
        let schema = schema(&[format]);
        let presets = schema[6].presets.as_ref().unwrap();
        assert_eq!(presets.len(), 1);
        assert_eq!(presets[0].name.as_deref(), Some("HQ: Remux"));
        assert_eq!(presets[0].fields[0].value, json!(5));
    }
}
