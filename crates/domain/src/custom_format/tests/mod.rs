//! Behaviour of custom formats as a whole: each condition kind, Radarr's
//! grouping rule, imports of exported formats and Radarr's wire shape.

mod import;
mod kinds;
mod rules;

use serde_json::{Value, json};

use super::{CustomFormat, CustomFormatInput};
use crate::language::Language;
use crate::quality::Quality;
use crate::release::IndexerFlags;

/// A condition in the exported (object `fields`) shape.
fn spec(implementation: &str, fields: Value, negate: bool, required: bool) -> Value {
    json!({
        "name": implementation.trim_end_matches("Specification"),
        "implementation": implementation,
        "negate": negate,
        "required": required,
        "fields": fields,
    })
}

/// A format of these conditions.
fn format(id: i32, specs: Vec<Value>) -> CustomFormat {
    let json = json!({"id": id, "name": format!("format {id}"), "specifications": specs});
    CustomFormat::from_json(&json.to_string()).unwrap()
}

/// A format of one condition.
fn single(implementation: &str, fields: Value) -> CustomFormat {
    format(1, vec![spec(implementation, fields, false, false)])
}

/// A 1080p Bluray x264 release in English, 8 GiB, freeleech, from 2020.
fn input(title: &str) -> CustomFormatInput<'_> {
    CustomFormatInput {
        release_title: title.into(),
        filename: None,
        quality: Quality::BLURAY_1080P,
        languages: &[Language::ENGLISH],
        release_group: Some("GRP"),
        edition: "",
        year: 2020,
        size: 8 * 1024 * 1024 * 1024,
        indexer_flags: IndexerFlags::FREELEECH,
        original_language: None,
    }
}
