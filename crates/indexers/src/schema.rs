//! The declarative table of the settings' fields, described with the
//! provider [`FieldSpec`] every provider kind shares, which the API renders as
//! `/indexer/schema` `fields` (name, label, type, default, advanced, privacy,
//! choices) and reads back from a saved indexer's `fields`.

use std::sync::LazyLock;

use domain::provider::{FieldSpec, Privacy, indexer_flag_options, language_options};
use serde_json::{Value, json};

use crate::settings::{DEFAULT_CATEGORIES, DEFAULT_MINIMUM_SEEDERS};

/// The fields only Torznab has: the torrent ones.
pub const TORRENT_ONLY: [&str; 5] = [
    "minimumSeeders",
    "seedCriteria.seedRatio",
    "seedCriteria.seedTime",
    "rejectBlocklistedTorrentHashesWhileGrabbing",
    "requiredFlags",
];

fn field(
    name: &'static str,
    label: &'static str,
    input: &'static str,
    default: Value,
) -> FieldSpec {
    FieldSpec::plain(name, label, input, default)
}

fn advanced(help: &'static str, spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        advanced: true,
        ..spec
    }
}

/// Every field of both implementations, in Radarr's order (Torznab's own
/// fields come after Newznab's, as Radarr numbers them).
pub static FIELDS: LazyLock<Vec<FieldSpec>> = LazyLock::new(|| {
    vec![
        field("baseUrl", "URL", "textbox", json!(null)),
        advanced(
            "Path to the api, usually /api",
            field("apiPath", "API Path", "textbox", json!("/api")),
        ),
        FieldSpec {
            privacy: Privacy::ApiKey,
            ..field("apiKey", "API Key", "textbox", json!(null))
        },
        FieldSpec {
            help_text: Some("Drop down list; at least one category must be selected."),
            select_options_provider_action: Some("newznabCategories"),
            ..field(
                "categories",
                "Categories",
                "select",
                json!(DEFAULT_CATEGORIES),
            )
        },
        advanced(
            "Additional Newznab parameters",
            field(
                "additionalParameters",
                "Additional Parameters",
                "textbox",
                json!(null),
            ),
        ),
        FieldSpec {
            select_options: language_options(),
            ..advanced(
                "What languages are normally in a multi release on this indexer?",
                field("multiLanguages", "Multi Languages", "select", json!([])),
            )
        },
        advanced(
            "Should Radarr remove the year after the title when searching this indexer?",
            field(
                "removeYear",
                "Remove year from search string",
                "checkbox",
                json!(false),
            ),
        ),
        advanced(
            "Minimum number of seeders required.",
            field(
                "minimumSeeders",
                "Minimum Seeders",
                "number",
                json!(DEFAULT_MINIMUM_SEEDERS),
            ),
        ),
        FieldSpec {
            is_float: true,
            ..advanced(
                "The ratio a torrent should reach before stopping, empty is download client's default",
                field(
                    "seedCriteria.seedRatio",
                    "Seed Ratio",
                    "textbox",
                    json!(null),
                ),
            )
        },
        FieldSpec {
            unit: Some("minutes"),
            ..advanced(
                "The time a torrent should be seeded before stopping, empty is download client's default",
                field("seedCriteria.seedTime", "Seed Time", "number", json!(null)),
            )
        },
        advanced(
            "If a torrent is blocked by hash it may not properly be rejected during RSS/Search for some indexers, enabling this will allow it to be rejected after the torrent is grabbed, but before it is sent to the client.",
            field(
                "rejectBlocklistedTorrentHashesWhileGrabbing",
                "Reject Blocklisted Torrent Hashes While Grabbing",
                "checkbox",
                json!(false),
            ),
        ),
        FieldSpec {
            select_options: indexer_flag_options(),
            ..advanced(
                "What indexer flags are required?",
                field("requiredFlags", "Required Flags", "select", json!([])),
            )
        },
    ]
});
