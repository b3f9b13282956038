//! Settings to and from Radarr's `fields` (name and value pairs), with the
//! secret masked on the way out and kept on the way in when it comes back
//! masked, and the checks Radarr's settings validator makes.

use secrecy::SecretString;
use serde_json::{Value, json};

use crate::settings::{Implementation, IndexerSettings, MASK};

/// A setting the user must change before the indexer is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Radarr's field name.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

fn ints(value: &Value) -> Vec<i32> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    items
        .into_iter()
        .filter_map(|v| match v {
            Value::Number(n) => n.as_i64().and_then(|n| i32::try_from(n).ok()),
            // Older clients send "2000,2040".
            Value::String(s) => s.split(',').find_map(|p| p.trim().parse().ok()),
            _ => None,
        })
        .collect()
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn flag(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

impl IndexerSettings {
    /// The settings `fields` hold; a field left out keeps its default, an
    /// `apiKey` that comes back as [`MASK`] keeps `previous`'s key.
    pub fn from_fields<'a>(
        fields: impl IntoIterator<Item = (&'a str, &'a Value)>,
        previous: Option<&IndexerSettings>,
    ) -> IndexerSettings {
        let mut settings = IndexerSettings::default();
        for (name, value) in fields {
            match name {
                "baseUrl" => settings.base_url = text(value).unwrap_or_default(),
                "apiPath" => settings.api_path = text(value).unwrap_or_else(|| "/api".into()),
                "apiKey" => {
                    settings.api_key = match text(value) {
                        Some(key) if key == MASK => previous.and_then(|p| p.api_key.clone()),
                        Some(key) if !key.is_empty() => Some(SecretString::from(key)),
                        _ => None,
                    }
                }
                "categories" => settings.categories = ints(value),
                "additionalParameters" => {
                    settings.additional_parameters = text(value).unwrap_or_default()
                }
                "multiLanguages" => settings.multi_languages = ints(value),
                "removeYear" => settings.remove_year = flag(value),
                "minimumSeeders" => {
                    settings.minimum_seeders = number(value).map_or(1, |n| n as i32)
                }
                "seedCriteria.seedRatio" => settings.seed_ratio = number(value),
                "seedCriteria.seedTime" => settings.seed_time = number(value).map(|n| n as i32),
                "rejectBlocklistedTorrentHashesWhileGrabbing" => {
                    settings.reject_blocklisted_torrent_hashes_while_grabbing = flag(value)
                }
                "requiredFlags" => settings.required_flags = ints(value),
                "username" => settings.username = text(value).unwrap_or_default(),
                "codecs" => settings.codecs = ints(value),
                "mediums" => settings.mediums = ints(value),
                _ => {}
            }
        }
        settings
    }

    /// The `fields` values of `implementation`, in the table's order, the
    /// API key masked.
    pub fn to_fields(&self, implementation: Implementation) -> Vec<(&'static str, Value)> {
        implementation
            .fields()
            .map(|spec| {
                let value = match spec.name {
                    "baseUrl" => json!(self.base_url),
                    "apiPath" => json!(self.api_path),
                    "apiKey" => match self.api_key() {
                        Some(_) => json!(MASK),
                        None => json!(""),
                    },
                    "categories" => json!(self.categories),
                    "additionalParameters" => json!(self.additional_parameters),
                    "multiLanguages" => json!(self.multi_languages),
                    "removeYear" => json!(self.remove_year),
                    "minimumSeeders" => json!(self.minimum_seeders),
                    "seedCriteria.seedRatio" => json!(self.seed_ratio),
                    "seedCriteria.seedTime" => json!(self.seed_time),
                    "rejectBlocklistedTorrentHashesWhileGrabbing" => {
                        json!(self.reject_blocklisted_torrent_hashes_while_grabbing)
                    }
                    "requiredFlags" => json!(self.required_flags),
                    "username" => json!(self.username),
                    "codecs" => json!(self.codecs),
                    "mediums" => json!(self.mediums),
                    _ => spec.default.clone(),
                };
                (spec.name, value)
            })
            .collect()
    }

    /// What Radarr's validator would refuse.
    pub fn validate(&self, implementation: Implementation) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut problem = |field, message: &str| {
            problems.push(Problem {
                field,
                message: message.to_string(),
            })
        };
        // HDBits' address is its own unless given.
        let default_base =
            implementation == Implementation::HdBits && self.base_url.trim().is_empty();
        match reqwest::Url::parse(self.base_url.trim()) {
            _ if default_base => {}
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {}
            _ => problem("baseUrl", "Must be a valid http(s) URL"),
        }
        if implementation == Implementation::HdBits {
            if self.username.trim().is_empty() {
                problem("username", "'Username' must not be empty.");
            }
            if self.api_key().is_none() {
                problem("apiKey", "'API Key' must not be empty.");
            }
        } else if !self.api_path.starts_with('/') || self.api_path.contains(['?', '#', ' ']) {
            problem(
                "apiPath",
                "Must be a URL path starting with /, usually /api",
            );
        }
        // HDBits reads no categories as all of them.
        if self.categories.is_empty() && implementation != Implementation::HdBits {
            problem("categories", "'Categories' must be provided");
        }
        let extra = self.additional_parameters.trim();
        if !extra.is_empty() && !additional_parameters_valid(extra) {
            problem(
                "additionalParameters",
                "Must be &name=value pairs, e.g. &attrs=poster",
            );
        }
        if implementation != Implementation::Newznab {
            if self.seed_ratio.is_some_and(|r| r <= 0.0 || !r.is_finite()) {
                problem("seedCriteria.seedRatio", "Should be greater than zero");
            }
            if self.seed_time.is_some_and(|t| t <= 0) {
                problem("seedCriteria.seedTime", "Should be greater than zero");
            }
        }
        problems
    }
}

/// Radarr accepts `(&.+?=.+?)+`: one or more `&name=value`.
fn additional_parameters_valid(extra: &str) -> bool {
    extra.starts_with('&')
        && extra[1..].split('&').all(|pair| {
            pair.split_once('=')
                .is_some_and(|(n, v)| !n.is_empty() && !v.is_empty())
        })
}

/// The `&name=value` pairs of `additionalParameters`, decoded.
pub fn additional_pairs(extra: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(extra.trim().trim_start_matches('&').as_bytes())
        .filter(|(name, _)| !name.is_empty())
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect()
}
