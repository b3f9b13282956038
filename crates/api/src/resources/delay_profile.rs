//! Radarr's `DelayProfileResource`, and its rules that need nothing stored.

use domain::decision::DelayProfile;
use domain::release::Protocol;
use serde::{Deserialize, Serialize};

use crate::error::ValidationFailure;

/// A delay profile on the wire, both ways; absent input fields take .NET's
/// defaults, as Radarr reads them.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DelayProfileResource {
    /// Row id; 1 is the default profile.
    pub id: i32,
    /// Whether Usenet releases may be grabbed.
    pub enable_usenet: bool,
    /// Whether torrents may be grabbed.
    pub enable_torrent: bool,
    /// `usenet` or `torrent`.
    pub preferred_protocol: Protocol,
    /// Minutes a Usenet release waits.
    pub usenet_delay: i32,
    /// Minutes a torrent waits.
    pub torrent_delay: i32,
    /// No wait for the profile's best quality.
    pub bypass_if_highest_quality: bool,
    /// No wait for a custom-format score at the minimum below.
    pub bypass_if_above_custom_format_score: bool,
    /// The score that skips the wait.
    pub minimum_custom_format_score: i32,
    /// Place among the profiles (read only: reorder changes it).
    pub order: i32,
    /// The movie tags it applies to.
    #[serde(deserialize_with = "null_as_empty")]
    pub tags: Vec<i32>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<i32>, D::Error> {
    Ok(Option::<Vec<i32>>::deserialize(d)?.unwrap_or_default())
}

impl From<DelayProfile> for DelayProfileResource {
    fn from(p: DelayProfile) -> Self {
        DelayProfileResource {
            id: p.id,
            enable_usenet: p.enable_usenet,
            enable_torrent: p.enable_torrent,
            preferred_protocol: p.preferred_protocol,
            usenet_delay: p.usenet_delay,
            torrent_delay: p.torrent_delay,
            bypass_if_highest_quality: p.bypass_if_highest_quality,
            bypass_if_above_custom_format_score: p.bypass_if_above_custom_format_score,
            minimum_custom_format_score: p.minimum_custom_format_score,
            order: p.order,
            tags: p.tags,
        }
    }
}

impl DelayProfileResource {
    /// The profile it describes.
    pub fn to_profile(&self) -> DelayProfile {
        DelayProfile {
            id: self.id,
            enable_usenet: self.enable_usenet,
            enable_torrent: self.enable_torrent,
            preferred_protocol: self.preferred_protocol,
            usenet_delay: self.usenet_delay,
            torrent_delay: self.torrent_delay,
            bypass_if_highest_quality: self.bypass_if_highest_quality,
            bypass_if_above_custom_format_score: self.bypass_if_above_custom_format_score,
            minimum_custom_format_score: self.minimum_custom_format_score,
            order: self.order,
            tags: self.tags.clone(),
        }
    }

    /// Radarr's rules, given the other stored profiles (for tags in use).
    pub fn failures(&self, others: &[DelayProfile]) -> Vec<ValidationFailure> {
        let mut failures = Vec::new();
        let is_default = self.id == DelayProfile::DEFAULT_ID;
        if !is_default && self.tags.is_empty() {
            failures.push(ValidationFailure::new(
                "Tags",
                "'Tags' must not be empty.",
                "NotEmptyValidator",
            ));
        }
        if is_default && !self.tags.is_empty() {
            failures.push(
                ValidationFailure::new(
                    "Tags",
                    "Collection Must Be Empty",
                    "EmptyCollectionValidator",
                )
                .attempted(&self.tags),
            );
        }
        let taken = others
            .iter()
            .filter(|o| o.id != self.id)
            .any(|o| o.tags.iter().any(|t| self.tags.contains(t)));
        if taken {
            failures.push(
                ValidationFailure::new(
                    "Tags",
                    "One or more tags is used in another profile",
                    "DelayProfileTagInUseValidator",
                )
                .attempted(&self.tags),
            );
        }
        for (property, label, delay) in [
            ("UsenetDelay", "Usenet Delay", self.usenet_delay),
            ("TorrentDelay", "Torrent Delay", self.torrent_delay),
        ] {
            if delay < 0 {
                failures.push(
                    ValidationFailure::new(
                        property,
                        format!("'{label}' must be greater than or equal to '0'."),
                        "GreaterThanOrEqualValidator",
                    )
                    .attempted(delay),
                );
            }
        }
        if !self.enable_usenet && !self.enable_torrent {
            failures.push(ValidationFailure::new(
                "",
                "Either Usenet or Torrent should be enabled",
                "PredicateValidator",
            ));
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(resource: &DelayProfileResource, others: &[DelayProfile]) -> Vec<String> {
        resource
            .failures(others)
            .into_iter()
            .map(|f| format!("{}: {}", f.property_name, f.error_message))
            .collect()
    }

    #[test]
    fn radarrs_rules_are_reported() {
        let mut r = DelayProfileResource::from(DelayProfile::default());
        assert!(messages(&r, &[]).is_empty());
        r.tags = vec![3];
        r.usenet_delay = -1;
        r.enable_usenet = false;
        r.enable_torrent = false;
        let other = DelayProfile {
            id: 2,
            tags: vec![3],
            ..DelayProfile::default()
        };
        assert_eq!(
            messages(&r, std::slice::from_ref(&other)),
            [
                "Tags: Collection Must Be Empty",
                "Tags: One or more tags is used in another profile",
                "UsenetDelay: 'Usenet Delay' must be greater than or equal to '0'.",
                ": Either Usenet or Torrent should be enabled",
            ]
        );
        let new = DelayProfileResource {
            enable_usenet: true,
            ..DelayProfileResource::default()
        };
        assert_eq!(
            messages(&new, &[other]),
            ["Tags: 'Tags' must not be empty."]
        );
    }
}
