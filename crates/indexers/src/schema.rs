//! The declarative table of the settings' fields, which the API renders as
//! `/indexer/schema` `fields` (name, label, type, default, advanced,
//! privacy) and reads back from a saved indexer's `fields`.

use serde_json::{Value, json};

use crate::settings::{DEFAULT_CATEGORIES, DEFAULT_MINIMUM_SEEDERS};

/// A settings field's kind, as Radarr's `FieldType` is written in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// `textbox`.
    Textbox,
    /// `number`.
    Number,
    /// `checkbox`.
    Checkbox,
    /// `select` (with several values for a list).
    Select,
}

impl FieldType {
    /// As the JSON `type` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Textbox => "textbox",
            FieldType::Number => "number",
            FieldType::Checkbox => "checkbox",
            FieldType::Select => "select",
        }
    }
}

/// Where a select field's options come from; the API layer fills them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options {
    /// Not a select.
    None,
    /// The UI asks the API with `selectOptionsProviderAction` (`newznabCategories`).
    Provider(&'static str),
    /// Radarr's languages (`selectOptions`, id and name).
    Languages,
    /// Radarr's indexer flags (`selectOptions`, bit value and name).
    IndexerFlags,
}

/// A field's default value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Default {
    /// No value (`null`).
    Null,
    /// A string.
    Text(&'static str),
    /// A whole number.
    Int(i64),
    /// A flag.
    Bool(bool),
    /// A list of whole numbers.
    Ints(&'static [i32]),
}

impl Default {
    /// As JSON.
    pub fn to_json(self) -> Value {
        match self {
            Default::Null => Value::Null,
            Default::Text(s) => json!(s),
            Default::Int(n) => json!(n),
            Default::Bool(b) => json!(b),
            Default::Ints(list) => json!(list),
        }
    }
}

/// One field of the settings, as `/indexer/schema` renders it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// Radarr's field name (`seedCriteria.seedRatio` for nested ones).
    pub name: &'static str,
    /// The label the UI shows.
    pub label: &'static str,
    /// The help text under it.
    pub help_text: Option<&'static str>,
    /// Its kind.
    pub kind: FieldType,
    /// Its value in a new indexer.
    pub default: Default,
    /// Shown only with "advanced settings".
    pub advanced: bool,
    /// A secret: never shown back, read as [`MASK`].
    pub secret: bool,
    /// A unit shown beside a number (`minutes`).
    pub unit: Option<&'static str>,
    /// Where a select's options come from.
    pub options: Options,
    /// A number with decimals.
    pub is_float: bool,
    /// Only Torznab has it.
    pub torrent_only: bool,
}

const fn field(
    name: &'static str,
    label: &'static str,
    kind: FieldType,
    default: Default,
) -> FieldSpec {
    FieldSpec {
        name,
        label,
        help_text: None,
        kind,
        default,
        advanced: false,
        secret: false,
        unit: None,
        options: Options::None,
        is_float: false,
        torrent_only: false,
    }
}

/// Every field of both implementations, in Radarr's order (Torznab's own
/// fields come after Newznab's, as Radarr numbers them).
pub static FIELDS: &[FieldSpec] = &[
    field("baseUrl", "URL", FieldType::Textbox, Default::Null),
    FieldSpec {
        help_text: Some("Path to the api, usually /api"),
        advanced: true,
        ..field(
            "apiPath",
            "API Path",
            FieldType::Textbox,
            Default::Text("/api"),
        )
    },
    FieldSpec {
        secret: true,
        ..field("apiKey", "API Key", FieldType::Textbox, Default::Null)
    },
    FieldSpec {
        help_text: Some("Drop down list; at least one category must be selected."),
        options: Options::Provider("newznabCategories"),
        ..field(
            "categories",
            "Categories",
            FieldType::Select,
            Default::Ints(DEFAULT_CATEGORIES),
        )
    },
    FieldSpec {
        help_text: Some("Additional Newznab parameters"),
        advanced: true,
        ..field(
            "additionalParameters",
            "Additional Parameters",
            FieldType::Textbox,
            Default::Null,
        )
    },
    FieldSpec {
        help_text: Some("What languages are normally in a multi release on this indexer?"),
        advanced: true,
        options: Options::Languages,
        ..field(
            "multiLanguages",
            "Multi Languages",
            FieldType::Select,
            Default::Ints(&[]),
        )
    },
    FieldSpec {
        help_text: Some(
            "Should Radarr remove the year after the title when searching this indexer?",
        ),
        advanced: true,
        ..field(
            "removeYear",
            "Remove year from search string",
            FieldType::Checkbox,
            Default::Bool(false),
        )
    },
    FieldSpec {
        help_text: Some("Minimum number of seeders required."),
        advanced: true,
        torrent_only: true,
        ..field(
            "minimumSeeders",
            "Minimum Seeders",
            FieldType::Number,
            Default::Int(DEFAULT_MINIMUM_SEEDERS as i64),
        )
    },
    FieldSpec {
        help_text: Some(
            "The ratio a torrent should reach before stopping, empty is download client's default",
        ),
        advanced: true,
        is_float: true,
        torrent_only: true,
        ..field(
            "seedCriteria.seedRatio",
            "Seed Ratio",
            FieldType::Textbox,
            Default::Null,
        )
    },
    FieldSpec {
        help_text: Some(
            "The time a torrent should be seeded before stopping, empty is download client's default",
        ),
        advanced: true,
        unit: Some("minutes"),
        torrent_only: true,
        ..field(
            "seedCriteria.seedTime",
            "Seed Time",
            FieldType::Number,
            Default::Null,
        )
    },
    FieldSpec {
        help_text: Some(
            "If a torrent is blocked by hash it may not properly be rejected during RSS/Search for some indexers, enabling this will allow it to be rejected after the torrent is grabbed, but before it is sent to the client.",
        ),
        advanced: true,
        torrent_only: true,
        ..field(
            "rejectBlocklistedTorrentHashesWhileGrabbing",
            "Reject Blocklisted Torrent Hashes While Grabbing",
            FieldType::Checkbox,
            Default::Bool(false),
        )
    },
    FieldSpec {
        help_text: Some("What indexer flags are required?"),
        advanced: true,
        options: Options::IndexerFlags,
        torrent_only: true,
        ..field(
            "requiredFlags",
            "Required Flags",
            FieldType::Select,
            Default::Ints(&[]),
        )
    },
];
