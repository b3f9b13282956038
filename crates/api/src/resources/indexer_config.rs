//! Radarr's `IndexerConfigResource` (`/api/v3/config/indexer`), and its rules.

use domain::decision::IndexerConfig;
use serde::{Deserialize, Serialize};

use crate::error::ValidationFailure;

/// The indexer settings as Radarr answers them; there is only ever id 1.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexerConfigResource {
    /// Always 1.
    pub id: i32,
    /// Minutes a Usenet release must have been up.
    pub minimum_age: i32,
    /// Largest release in MB; 0 for no limit.
    pub maximum_size: i32,
    /// Usenet retention in days; 0 for none.
    pub retention: i32,
    /// Minutes between RSS syncs; 0 turns it off.
    pub rss_sync_interval: i32,
    /// Whether indexer flags rank releases.
    pub prefer_indexer_flags: bool,
    /// Days added to the minimum availability date.
    pub availability_delay: i32,
    /// Whether hardcoded subtitles are accepted.
    pub allow_hardcoded_subs: bool,
    /// Subtitle tags accepted anyway, comma separated.
    pub whitelisted_hardcoded_subs: String,
}

/// The id of the one indexer settings resource.
pub const INDEXER_CONFIG_ID: i32 = 1;

impl From<&IndexerConfig> for IndexerConfigResource {
    fn from(c: &IndexerConfig) -> Self {
        IndexerConfigResource {
            id: INDEXER_CONFIG_ID,
            minimum_age: c.minimum_age,
            maximum_size: c.maximum_size,
            retention: c.retention,
            rss_sync_interval: c.rss_sync_interval,
            prefer_indexer_flags: c.prefer_indexer_flags,
            availability_delay: c.availability_delay,
            allow_hardcoded_subs: c.allow_hardcoded_subs,
            whitelisted_hardcoded_subs: c.whitelisted_hardcoded_subs.clone(),
        }
    }
}

/// A `PUT` body: each setting sent replaces the stored one; a setting left
/// out keeps its value (Radarr would reset it to .NET's default, which no
/// client relies on and which would turn the RSS sync off).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IndexerConfigInput {
    /// See [`IndexerConfigResource`].
    pub minimum_age: Option<i32>,
    /// See [`IndexerConfigResource`].
    pub maximum_size: Option<i32>,
    /// See [`IndexerConfigResource`].
    pub retention: Option<i32>,
    /// See [`IndexerConfigResource`].
    pub rss_sync_interval: Option<i32>,
    /// See [`IndexerConfigResource`].
    pub prefer_indexer_flags: Option<bool>,
    /// See [`IndexerConfigResource`].
    pub availability_delay: Option<i32>,
    /// See [`IndexerConfigResource`].
    pub allow_hardcoded_subs: Option<bool>,
    /// See [`IndexerConfigResource`].
    pub whitelisted_hardcoded_subs: Option<String>,
}

impl IndexerConfigInput {
    /// `current` with the settings sent.
    pub fn apply(self, current: IndexerConfig) -> IndexerConfig {
        IndexerConfig {
            minimum_age: self.minimum_age.unwrap_or(current.minimum_age),
            maximum_size: self.maximum_size.unwrap_or(current.maximum_size),
            retention: self.retention.unwrap_or(current.retention),
            rss_sync_interval: self.rss_sync_interval.unwrap_or(current.rss_sync_interval),
            prefer_indexer_flags: self
                .prefer_indexer_flags
                .unwrap_or(current.prefer_indexer_flags),
            availability_delay: self
                .availability_delay
                .unwrap_or(current.availability_delay),
            allow_hardcoded_subs: self
                .allow_hardcoded_subs
                .unwrap_or(current.allow_hardcoded_subs),
            whitelisted_hardcoded_subs: self
                .whitelisted_hardcoded_subs
                .unwrap_or(current.whitelisted_hardcoded_subs),
            download_propers_and_repacks: current.download_propers_and_repacks,
        }
    }
}

/// Radarr's rules for the settings: sizes and ages not negative, the RSS
/// interval 0 (off) or 10 to 120 minutes.
pub fn failures(config: &IndexerConfig) -> Vec<ValidationFailure> {
    let mut failures = Vec::new();
    for (property, label, value) in [
        ("MinimumAge", "Minimum Age", config.minimum_age),
        ("MaximumSize", "Maximum Size", config.maximum_size),
        ("Retention", "Retention", config.retention),
    ] {
        if value < 0 {
            failures.push(
                ValidationFailure::new(
                    property,
                    format!("'{label}' must be greater than or equal to '0'."),
                    "GreaterThanOrEqualValidator",
                )
                .attempted(value),
            );
        }
    }
    let interval = config.rss_sync_interval;
    if interval != 0 && !(10..=120).contains(&interval) {
        failures.push(
            ValidationFailure::new(
                "RssSyncInterval",
                "Must be between 10 and 120 or 0 to disable",
                "RssSyncIntervalValidator",
            )
            .attempted(interval),
        );
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rss_interval_is_off_or_between_10_and_120() {
        let with = |rss_sync_interval| IndexerConfig {
            rss_sync_interval,
            ..IndexerConfig::default()
        };
        for ok in [0, 10, 60, 120] {
            assert!(failures(&with(ok)).is_empty(), "{ok}");
        }
        for bad in [5, 121, -1] {
            let found = failures(&with(bad));
            assert_eq!(found.len(), 1, "{bad}");
            assert_eq!(found[0].property_name, "RssSyncInterval");
        }
        let negative = IndexerConfig {
            retention: -1,
            ..IndexerConfig::default()
        };
        assert_eq!(
            failures(&negative)[0].error_message,
            "'Retention' must be greater than or equal to '0'."
        );
    }
}
