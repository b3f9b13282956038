//! Radarr's resource shapes: what goes over the wire, in and out.

pub mod collection;
pub mod command;
pub mod delay_profile;
pub mod ical;
pub mod indexer_config;
pub mod manual_import;
pub mod movie;
pub mod movie_input;
pub mod parse;
pub mod queue;
pub mod release;
pub mod release_profile;
pub mod wire_date;

/// The formats with these ids as Radarr's CustomFormatResource; unknown ids
/// are left out.
pub fn format_resources(
    ids: &[i32],
    formats: &std::collections::HashMap<i32, domain::custom_format::CustomFormat>,
) -> Vec<serde_json::Value> {
    ids.iter()
        .filter_map(|id| formats.get(id))
        .map(|f| serde_json::to_value(f.to_resource()).unwrap_or(serde_json::Value::Null))
        .collect()
}
