//! Reading exported formats (TRaSH Guides' shape) and Radarr's own shape,
//! writing Radarr's shape back, and refusing what cannot be built.

use serde_json::{Value, json};

use super::super::{CustomFormat, CustomFormatError, SpecKind};
use super::input;
use crate::quality::Quality;

const X265_HD: &str = include_str!("../../../tests/data/custom_format_x265_hd.json");
const REPACK: &str = include_str!("../../../tests/data/custom_format_repack_proper.json");
const RADARR: &str = include_str!("../../../tests/data/custom_format_radarr_array.json");

#[test]
fn an_x265_hd_export_loads_and_matches_hd_x265_only() {
    let f = CustomFormat::from_json(X265_HD).unwrap();
    assert_eq!(f.name, "x265 (HD)");
    assert_eq!(f.specifications().len(), 2);
    assert!(f.specifications().iter().all(|s| s.required));
    assert_eq!(f.specifications()[1].kind, SpecKind::Resolution(2160));
    assert!(f.matches(&input("Movie.2020.1080p.BluRay.x265-GRP")));
    assert!(f.matches(&input("Movie.2020.1080p.WEB-DL.HEVC10-GRP")));
    assert!(!f.matches(&input("Movie.2020.1080p.BluRay.x264-GRP")));
    assert!(
        !f.matches(&input("Movie.2020.1080p.x265.REMUX-GRP")),
        "look-ahead excludes it"
    );
    let mut uhd = input("Movie.2020.2160p.BluRay.x265-GRP");
    uhd.quality = Quality::BLURAY_2160P;
    assert!(!f.matches(&uhd), "negated resolution");
}

#[test]
fn a_repack_proper_export_loads_and_tells_first_repacks_from_later_ones() {
    let f = CustomFormat::from_json(REPACK).unwrap();
    assert_eq!(f.name, "Repack/Proper");
    assert!(f.matches(&input("Movie.2020.REPACK.1080p.BluRay.x264-GRP")));
    assert!(f.matches(&input("Movie.2020.PROPER.1080p.BluRay.x264-GRP")));
    assert!(!f.matches(&input("Movie.2020.REPACK2.1080p.BluRay.x264-GRP")));
    assert!(
        !f.matches(&input("Movie.2020.IMPROPER.1080p.BluRay.x264-GRP")),
        "look-behind"
    );
    assert!(!f.matches(&input("Movie.2020.1080p.BluRay.x264-GRP")));
}

fn without_select_options(mut v: Value) -> Value {
    for spec in v["specifications"].as_array_mut().into_iter().flatten() {
        for field in spec["fields"].as_array_mut().into_iter().flatten() {
            if let Some(field) = field.as_object_mut() {
                field.remove("selectOptions");
            }
        }
    }
    v
}

#[test]
fn radarrs_array_form_round_trips() {
    let f = CustomFormat::from_json(RADARR).unwrap();
    assert_eq!((f.id, f.include_custom_format_when_renaming), (7, true));
    assert_eq!(
        f.specifications()[2].kind,
        SpecKind::Size {
            min_gb: 1.5,
            max_gb: 40.0
        }
    );
    let written: Value = serde_json::from_str(&f.to_json()).unwrap();
    let expected: Value = serde_json::from_str(RADARR).unwrap();
    assert_eq!(without_select_options(written.clone()), expected);
    // Select fields carry their options; others do not.
    let modifier = &written["specifications"][5]["fields"][0];
    assert_eq!(modifier["selectOptions"][5]["name"], "REMUX");
    assert!(
        written["specifications"][0]["fields"][0]
            .get("selectOptions")
            .is_none()
    );
    assert_eq!(CustomFormat::from_json(&f.to_json()).unwrap(), f);
}

#[test]
fn an_export_written_back_reads_as_the_same_format() {
    for json in [X265_HD, REPACK] {
        let f = CustomFormat::from_json(json).unwrap();
        assert_eq!(CustomFormat::from_json(&f.to_json()).unwrap(), f);
    }
}

fn error(specs: Value) -> String {
    let json = json!({"name": "bad", "specifications": specs}).to_string();
    CustomFormat::from_json(&json).unwrap_err().to_string()
}

#[test]
fn an_invalid_regex_is_refused_naming_condition_pattern_and_reason() {
    let json = json!({"name": "bad", "specifications": [
        {"name": "Open group", "implementation": "ReleaseTitleSpecification", "fields": {"value": "(x265|HEVC"}}
    ]});
    let err = CustomFormat::from_json(&json.to_string()).unwrap_err();
    let CustomFormatError::InvalidRegex {
        spec,
        pattern,
        reason,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(
        (spec.as_str(), pattern.as_str()),
        ("Open group", "(x265|HEVC")
    );
    assert!(!reason.is_empty());
    let message = err.to_string();
    assert!(
        message.starts_with("condition 'Open group': invalid regular expression '(x265|HEVC': "),
        "{message}"
    );
}

#[test]
fn wrong_values_are_refused_naming_condition_and_field() {
    let unknown = json!([{"name": "c", "implementation": "CodecSpecification", "fields": {}}]);
    assert_eq!(
        error(unknown),
        "condition 'c': unknown implementation 'CodecSpecification'"
    );
    let text =
        json!([{"name": "s", "implementation": "SizeSpecification", "fields": {"min": "big"}}]);
    assert_eq!(
        error(text),
        "condition 's': field 'min': expected a number, got \"big\""
    );
    let language =
        json!([{"name": "l", "implementation": "LanguageSpecification", "fields": {"value": 999}}]);
    assert_eq!(
        error(language),
        "condition 'l': field 'value': unknown language id 999"
    );
    let source = json!([{"name": "src", "implementation": "SourceSpecification", "fields": [{"name": "value", "value": 12}]}]);
    assert_eq!(
        error(source),
        "condition 'src': field 'value': unknown source 12"
    );
    let regex =
        json!([{"name": "r", "implementation": "EditionSpecification", "fields": {"value": 5}}]);
    assert_eq!(
        error(regex),
        "condition 'r': field 'value': expected a regular expression, got 5"
    );
    let not_json = CustomFormat::from_json("{").unwrap_err();
    assert!(matches!(not_json, CustomFormatError::Json(_)));
}

#[test]
fn numbers_as_text_and_nulls_read_as_radarr_reads_them() {
    let json = json!({"name": null, "includeCustomFormatWhenRenaming": null, "specifications": [
        {"name": "y", "implementation": "yearspecification", "negate": null, "fields": [{"name": "min", "value": "1990"}, {"name": "max", "value": 1999.0}]}
    ]});
    let f = CustomFormat::from_json(&json.to_string()).unwrap();
    assert_eq!(f.name, "");
    assert_eq!(
        f.specifications()[0].kind,
        SpecKind::Year {
            min: 1990,
            max: 1999
        }
    );
}
