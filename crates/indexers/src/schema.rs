//! The declarative table of the settings' fields, described with the
//! provider [`FieldSpec`] every provider kind shares, which the API renders as
//! `/indexer/schema` `fields` (name, label, type, default, advanced, privacy,
//! choices) and reads back from a saved indexer's `fields`.

use std::sync::LazyLock;

use domain::provider::{FieldSpec, Privacy, indexer_flag_options, language_options};
use serde_json::{Value, json};

use crate::hdbits::{DEFAULT_BASE_URL, category};
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

/// HDBits' categories, codecs and mediums (Radarr's `HdBitsCategory`,
/// `HdBitsCodec` and `HdBitsMedium`).
const HDBITS_CATEGORIES: &[(i32, &str)] = &[
    (1, "Movie"),
    (2, "TV"),
    (3, "Documentary"),
    (4, "Music"),
    (5, "Sport"),
    (6, "Audio"),
    (7, "XXX"),
    (8, "MiscDemo"),
];
const HDBITS_CODECS: &[(i32, &str)] = &[
    (1, "h264"),
    (2, "MPEG-2"),
    (3, "VC-1"),
    (4, "XviD"),
    (5, "HEVC"),
];
const HDBITS_MEDIUMS: &[(i32, &str)] = &[
    (1, "Blu-ray/HD DVD"),
    (3, "Encode"),
    (4, "Capture"),
    (5, "Remux"),
    (6, "WEB-DL"),
];

/// A field of the Newznab/Torznab table, for the fields HDBits shares.
fn shared(name: &str) -> FieldSpec {
    FIELDS
        .iter()
        .find(|f| f.name == name)
        .cloned()
        .unwrap_or_else(|| FieldSpec::plain("", "", "textbox", json!(null)))
}

/// HDBits' fields, in Radarr's order.
pub static HDBITS_FIELDS: LazyLock<Vec<FieldSpec>> = LazyLock::new(|| {
    let select = |name, label, help, options, default: Value| FieldSpec {
        select_options: options,
        ..advanced(help, field(name, label, "select", default))
    };
    vec![
        field("username", "Username", "textbox", json!(null)),
        FieldSpec {
            privacy: Privacy::ApiKey,
            ..field("apiKey", "API Key", "textbox", json!(null))
        },
        advanced(
            "Do not change this unless you know what you're doing. Since your API key will be sent to that host.",
            field("baseUrl", "API URL", "textbox", json!(DEFAULT_BASE_URL)),
        ),
        select(
            "categories",
            "Categories",
            "If unspecified, all options are used.",
            HDBITS_CATEGORIES,
            json!([category::MOVIE]),
        ),
        select(
            "codecs",
            "Codecs",
            "If unspecified, all options are used.",
            HDBITS_CODECS,
            json!([]),
        ),
        select(
            "mediums",
            "Mediums",
            "If unspecified, all options are used.",
            HDBITS_MEDIUMS,
            json!([]),
        ),
        shared("multiLanguages"),
        shared("minimumSeeders"),
        shared("seedCriteria.seedRatio"),
        shared("seedCriteria.seedTime"),
        shared("rejectBlocklistedTorrentHashesWhileGrabbing"),
        shared("requiredFlags"),
    ]
});
