//! Row shapes of custom formats, release and delay profiles, and the
//! indexer settings as keys and values, shared by both SQL backends.

use std::collections::HashMap;

use domain::custom_format::{CustomFormat, CustomFormatResource, SpecificationResource};
use domain::decision::{DelayProfile, IndexerConfig, ProperDownloadTypes, ReleaseProfile};
use domain::release::Protocol;
use serde_json::{Map, Value};

use crate::rows::Json;
use crate::{Result, StoreError};

/// A custom format; its conditions in the exported shape (fields as an
/// object of name to value), which is all that building one reads.
#[derive(Debug, sqlx::FromRow)]
pub struct CustomFormatRow {
    pub id: i32,
    pub name: String,
    pub include_custom_format_when_renaming: bool,
    pub specifications: Json<Vec<SpecificationResource>>,
}

impl TryFrom<CustomFormatRow> for CustomFormat {
    type Error = StoreError;

    fn try_from(row: CustomFormatRow) -> Result<CustomFormat> {
        let resource = CustomFormatResource {
            id: row.id,
            name: row.name,
            include_custom_format_when_renaming: row.include_custom_format_when_renaming,
            specifications: row.specifications.0,
        };
        CustomFormat::from_resource(&resource)
            .map_err(|e| StoreError::Corrupt(format!("custom format {}: {e}", row.id)))
    }
}

/// A format's conditions as stored: name, implementation, switches and
/// field values, without the labels and help the schema adds.
pub fn stored_specifications(format: &CustomFormat) -> Value {
    let specs = format.to_resource().specifications.into_iter().map(|spec| {
        let fields: Map<String, Value> =
            spec.fields.into_iter().map(|f| (f.name, f.value)).collect();
        serde_json::json!({
            "name": spec.name,
            "implementation": spec.implementation,
            "negate": spec.negate,
            "required": spec.required,
            "fields": fields,
        })
    });
    Value::Array(specs.collect())
}

/// A release profile.
#[derive(Debug, sqlx::FromRow)]
pub struct ReleaseProfileRow {
    pub id: i32,
    pub name: String,
    pub enabled: bool,
    pub required: Json<Vec<String>>,
    pub ignored: Json<Vec<String>>,
    pub indexer_id: i32,
    pub tags: Json<Vec<i32>>,
}

impl From<ReleaseProfileRow> for ReleaseProfile {
    fn from(row: ReleaseProfileRow) -> Self {
        ReleaseProfile {
            id: row.id,
            name: row.name,
            enabled: row.enabled,
            required: row.required.0,
            ignored: row.ignored.0,
            indexer_id: row.indexer_id,
            tags: row.tags.0,
        }
    }
}

/// A delay profile; `sort_order` is its `order` (a reserved word in SQL).
#[derive(Debug, sqlx::FromRow)]
pub struct DelayProfileRow {
    pub id: i32,
    pub enable_usenet: bool,
    pub enable_torrent: bool,
    pub preferred_protocol: i32,
    pub usenet_delay: i32,
    pub torrent_delay: i32,
    pub bypass_if_highest_quality: bool,
    pub bypass_if_above_custom_format_score: bool,
    pub minimum_custom_format_score: i32,
    pub sort_order: i32,
    pub tags: Json<Vec<i32>>,
}

/// The delay-profile columns, in the order of [`DelayProfileRow`].
pub const DELAY_PROFILE_COLUMNS: &str = "id, enable_usenet, enable_torrent, preferred_protocol, \
    usenet_delay, torrent_delay, bypass_if_highest_quality, bypass_if_above_custom_format_score, \
    minimum_custom_format_score, sort_order, tags";

impl TryFrom<DelayProfileRow> for DelayProfile {
    type Error = StoreError;

    fn try_from(row: DelayProfileRow) -> Result<DelayProfile> {
        Ok(DelayProfile {
            id: row.id,
            enable_usenet: row.enable_usenet,
            enable_torrent: row.enable_torrent,
            preferred_protocol: Protocol::from_value(row.preferred_protocol.into()).ok_or_else(
                || StoreError::Corrupt(format!("protocol {}", row.preferred_protocol)),
            )?,
            usenet_delay: row.usenet_delay,
            torrent_delay: row.torrent_delay,
            bypass_if_highest_quality: row.bypass_if_highest_quality,
            bypass_if_above_custom_format_score: row.bypass_if_above_custom_format_score,
            minimum_custom_format_score: row.minimum_custom_format_score,
            order: row.sort_order,
            tags: row.tags.0,
        })
    }
}

/// The settings keys of [`IndexerConfig`], as Radarr names them in its
/// `Config` table; each value is stored as JSON text.
const MINIMUM_AGE: &str = "minimumage";
const RETENTION: &str = "retention";
const MAXIMUM_SIZE: &str = "maximumsize";
const RSS_SYNC_INTERVAL: &str = "rsssyncinterval";
const AVAILABILITY_DELAY: &str = "availabilitydelay";
const PREFER_INDEXER_FLAGS: &str = "preferindexerflags";
const ALLOW_HARDCODED_SUBS: &str = "allowhardcodedsubs";
const WHITELISTED_HARDCODED_SUBS: &str = "whitelistedhardcodedsubs";
const DOWNLOAD_PROPERS_AND_REPACKS: &str = "downloadpropersandrepacks";

/// The keys [`indexer_config_entries`] writes, for reading them back.
pub const INDEXER_CONFIG_KEYS: [&str; 9] = [
    MINIMUM_AGE,
    RETENTION,
    MAXIMUM_SIZE,
    RSS_SYNC_INTERVAL,
    AVAILABILITY_DELAY,
    PREFER_INDEXER_FLAGS,
    ALLOW_HARDCODED_SUBS,
    WHITELISTED_HARDCODED_SUBS,
    DOWNLOAD_PROPERS_AND_REPACKS,
];

fn propers_name(value: ProperDownloadTypes) -> &'static str {
    match value {
        ProperDownloadTypes::PreferAndUpgrade => "preferAndUpgrade",
        ProperDownloadTypes::DoNotUpgrade => "doNotUpgrade",
        ProperDownloadTypes::DoNotPrefer => "doNotPrefer",
    }
}

/// The settings as key and JSON text pairs, one per setting.
pub fn indexer_config_entries(config: &IndexerConfig) -> Vec<(&'static str, String)> {
    let values = [
        Value::from(config.minimum_age),
        Value::from(config.retention),
        Value::from(config.maximum_size),
        Value::from(config.rss_sync_interval),
        Value::from(config.availability_delay),
        Value::from(config.prefer_indexer_flags),
        Value::from(config.allow_hardcoded_subs),
        Value::from(config.whitelisted_hardcoded_subs.clone()),
        Value::from(propers_name(config.download_propers_and_repacks)),
    ];
    INDEXER_CONFIG_KEYS
        .into_iter()
        .zip(values)
        .map(|(key, value)| (key, value.to_string()))
        .collect()
}

/// The settings from stored key and JSON text pairs; a key never stored
/// keeps Radarr's default, a value that cannot be read is corrupt.
pub fn indexer_config_from(entries: Vec<(String, String)>) -> Result<IndexerConfig> {
    let stored: HashMap<String, Value> = entries
        .into_iter()
        .map(|(key, text)| {
            serde_json::from_str(&text)
                .map(|value| (key.clone(), value))
                .map_err(|e| StoreError::Corrupt(format!("setting {key}: {e}")))
        })
        .collect::<Result<_>>()?;
    let corrupt = |key: &str| StoreError::Corrupt(format!("setting {key}"));
    let int = |key: &str, default: i32| -> Result<i32> {
        stored.get(key).map_or(Ok(default), |v| {
            v.as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| corrupt(key))
        })
    };
    let flag = |key: &str, default: bool| -> Result<bool> {
        stored
            .get(key)
            .map_or(Ok(default), |v| v.as_bool().ok_or_else(|| corrupt(key)))
    };
    let text = |key: &str| -> Result<Option<&str>> {
        stored
            .get(key)
            .map(|v| v.as_str().ok_or_else(|| corrupt(key)))
            .transpose()
    };
    let defaults = IndexerConfig::default();
    let propers = match text(DOWNLOAD_PROPERS_AND_REPACKS)? {
        None => defaults.download_propers_and_repacks,
        Some(name) => [
            ProperDownloadTypes::PreferAndUpgrade,
            ProperDownloadTypes::DoNotUpgrade,
            ProperDownloadTypes::DoNotPrefer,
        ]
        .into_iter()
        .find(|p| propers_name(*p) == name)
        .ok_or_else(|| corrupt(DOWNLOAD_PROPERS_AND_REPACKS))?,
    };
    Ok(IndexerConfig {
        minimum_age: int(MINIMUM_AGE, defaults.minimum_age)?,
        retention: int(RETENTION, defaults.retention)?,
        maximum_size: int(MAXIMUM_SIZE, defaults.maximum_size)?,
        rss_sync_interval: int(RSS_SYNC_INTERVAL, defaults.rss_sync_interval)?,
        availability_delay: int(AVAILABILITY_DELAY, defaults.availability_delay)?,
        prefer_indexer_flags: flag(PREFER_INDEXER_FLAGS, defaults.prefer_indexer_flags)?,
        allow_hardcoded_subs: flag(ALLOW_HARDCODED_SUBS, defaults.allow_hardcoded_subs)?,
        whitelisted_hardcoded_subs: text(WHITELISTED_HARDCODED_SUBS)?
            .map_or(defaults.whitelisted_hardcoded_subs, str::to_string),
        download_propers_and_repacks: propers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexer_settings_round_trip_and_default_when_missing() {
        let config = IndexerConfig {
            minimum_age: 5,
            rss_sync_interval: 0,
            allow_hardcoded_subs: true,
            whitelisted_hardcoded_subs: "KORSUB, NLSUB".into(),
            download_propers_and_repacks: ProperDownloadTypes::DoNotPrefer,
            ..IndexerConfig::default()
        };
        let entries = indexer_config_entries(&config)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(indexer_config_from(entries).expect("read"), config);
        assert_eq!(
            indexer_config_from(Vec::new()).expect("defaults"),
            IndexerConfig::default()
        );
        let bad = vec![("retention".to_string(), "\"x\"".to_string())];
        assert!(matches!(
            indexer_config_from(bad),
            Err(StoreError::Corrupt(_))
        ));
    }
}
