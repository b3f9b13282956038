//! Radarr's rules for a valid quality profile.

use std::collections::HashSet;

use super::{FIRST_GROUP_ID, ProfileItem, QualityProfile};
use crate::quality::Quality;

/// A broken rule, named by the property Radarr's validator reports it on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileViolation {
    /// Radarr's PascalCase property: `Name`, `Cutoff`, `Items`,
    /// `MinUpgradeFormatScore`, `MinReputationScore`, or empty for a rule
    /// on the whole profile.
    pub property: &'static str,
    /// Radarr's message.
    pub message: String,
}

impl QualityProfile {
    /// Checks Radarr's rules for a profile sent to `POST`/`PUT /qualityprofile`.
    /// Custom-format completeness needs the format list and is checked by the caller.
    pub fn validate(&self) -> Result<(), Vec<ProfileViolation>> {
        let mut found = Vec::new();
        let mut fail = |property, message: &str| {
            found.push(ProfileViolation {
                property,
                message: message.to_string(),
            });
        };
        if self.name.trim().is_empty() {
            fail("Name", "'Name' must not be empty.");
        }
        if self.min_upgrade_format_score < 1 {
            fail(
                "MinUpgradeFormatScore",
                "'Min Upgrade Format Score' must be greater than or equal to '1'.",
            );
        }
        if !self.cutoff_index().is_some_and(|i| self.items[i].allowed) {
            fail("Cutoff", "Cutoff must be an allowed quality or group");
        }
        for message in self.item_problems() {
            fail("Items", message);
        }
        // Scores run from 0 to 100, so no other minimum means anything.
        if !(0..=100).contains(&self.min_reputation_score) {
            fail(
                "MinReputationScore",
                "'Min Reputation Score' must be between 0 and 100.",
            );
        }
        let reachable: i32 = self.format_items.iter().map(|f| f.score.max(0)).sum();
        if reachable < self.min_format_score {
            fail("", "Minimum Custom Format Score can never be satisfied");
        }
        if found.is_empty() { Ok(()) } else { Err(found) }
    }

    /// Radarr's messages for `items`, in the order its validators run.
    fn item_problems(&self) -> Vec<&'static str> {
        let items = &self.items;
        let groups: Vec<&ProfileItem> = items.iter().filter(|i| i.is_group()).collect();
        let blank = |n: &Option<String>| n.as_deref().is_none_or(|n| n.trim().is_empty());
        let (mut seen, mut reused) = (HashSet::new(), false);
        for q in items.iter().flat_map(ProfileItem::qualities) {
            reused |= !seen.insert(q.id);
        }
        let mut group_ids = HashSet::new();
        let duplicate_group = !groups
            .iter()
            .filter(|g| g.id != 0)
            .all(|g| group_ids.insert(g.id));
        let named_single = items.iter().any(|i| !i.is_group() && !blank(&i.name));
        let nested = groups
            .iter()
            .any(|g| g.items.iter().any(ProfileItem::is_group));
        let low_id = groups.iter().any(|g| g.id != 0 && g.id < FIRST_GROUP_ID);
        let checks = [
            (items.is_empty(), "'Items' must not be empty."),
            (
                !items.iter().any(|i| i.allowed),
                "Must contain at least one allowed quality",
            ),
            (named_single, "Individual qualities should not be named"),
            (
                groups.iter().any(|g| g.items.len() <= 1),
                "Groups must contain multiple qualities",
            ),
            (nested, "Groups can only contain qualities"),
            (groups.iter().any(|g| g.id == 0), "Groups must have an ID"),
            (low_id, "Group IDs must be 1000 or greater"),
            (duplicate_group, "Groups must have a unique ID"),
            (reused, "Qualities can only be used once"),
            (
                Quality::ALL.iter().any(|q| !seen.contains(&q.id)),
                "Must contain all qualities",
            ),
            (
                groups.iter().any(|g| blank(&g.name)),
                "Groups must have a name",
            ),
        ];
        checks.into_iter().filter(|c| c.0).map(|c| c.1).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{default_profiles, schema_profile};
    use super::*;

    fn violations(p: &QualityProfile) -> Vec<String> {
        let found = p.validate().unwrap_err().into_iter();
        found
            .map(|v| format!("{}: {}", v.property, v.message))
            .collect()
    }

    #[test]
    fn validate_reports_profile_rules() {
        let mut p = default_profiles().remove(3);
        p.name = "  ".into();
        p.min_upgrade_format_score = 0;
        p.cutoff = Quality::WEBDL_1080P.id; // inside a group: only the group id counts
        p.min_format_score = 5;
        let want = [
            "Name: 'Name' must not be empty.",
            "MinUpgradeFormatScore: 'Min Upgrade Format Score' must be greater than or equal to '1'.",
            "Cutoff: Cutoff must be an allowed quality or group",
            ": Minimum Custom Format Score can never be satisfied",
        ];
        assert_eq!(violations(&p), want);
        let mut p = default_profiles().remove(3);
        p.cutoff = Quality::BLURAY_720P.id; // present but not allowed
        assert_eq!(violations(&p), [want[2]]);
    }

    #[test]
    fn the_minimum_reputation_is_a_score_from_0_to_100() {
        let mut p = default_profiles().remove(3);
        for fine in [0, 50, 100] {
            p.min_reputation_score = fine;
            assert_eq!(p.validate(), Ok(()));
        }
        for wrong in [-1, 101] {
            p.min_reputation_score = wrong;
            assert_eq!(
                violations(&p),
                ["MinReputationScore: 'Min Reputation Score' must be between 0 and 100."]
            );
        }
    }

    #[test]
    fn validate_reports_item_rules() {
        let mut p = schema_profile();
        p.name = "S".into();
        assert!(
            violations(&p).contains(&"Items: Must contain at least one allowed quality".into())
        );
        let mut p = default_profiles().remove(0);
        p.items.remove(0);
        assert_eq!(violations(&p), ["Items: Must contain all qualities"]);
        p.items.push(ProfileItem::single(Quality::CAM, false));
        p.items.push(ProfileItem::single(Quality::UNKNOWN, false));
        assert_eq!(violations(&p), ["Items: Qualities can only be used once"]);
        let mut p = default_profiles().remove(0);
        p.items[10].id = 1001;
        p.items[21].name = Some(" ".into());
        p.items[0].name = Some("Mine".into());
        let want = [
            "Items: Individual qualities should not be named",
            "Items: Groups must have a unique ID",
            "Items: Groups must have a name",
        ];
        assert_eq!(violations(&p), want);
        p.items[10].id = 12;
        assert!(violations(&p).contains(&"Items: Group IDs must be 1000 or greater".into()));
        p.items.clear();
        assert!(violations(&p).contains(&"Items: 'Items' must not be empty.".into()));
    }
}
