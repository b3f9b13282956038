//! Quality profiles: which qualities a movie may have, in what order of
//! preference, where upgrading stops, and Radarr's rules for a valid profile.

use std::collections::HashSet;

use serde::{Deserialize, Deserializer, Serialize};

use crate::language::Language;
use crate::quality::Quality;

/// A quality profile in the shape of Radarr's `QualityProfileResource`. Any
/// field may be absent on input; a missing name reads as empty so that
/// `validate` answers with Radarr's message rather than a parse error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QualityProfile {
    /// Row id; 0 (and then left off the wire) before the profile is stored.
    #[serde(skip_serializing_if = "is_zero")]
    pub id: i32,
    /// Display name.
    #[serde(deserialize_with = "null_as_default")]
    pub name: String,
    /// Whether a file is replaced by better ones until the cutoff is met.
    pub upgrade_allowed: bool,
    /// The quality id or group id where upgrading stops.
    pub cutoff: i32,
    /// Every quality, worst to best, alone or in groups.
    #[serde(deserialize_with = "null_as_default")]
    pub items: Vec<ProfileItem>,
    /// The custom-format score a release needs to be accepted.
    pub min_format_score: i32,
    /// The custom-format score where upgrading stops.
    pub cutoff_format_score: i32,
    /// The least score gain that counts as an upgrade.
    pub min_upgrade_format_score: i32,
    /// The score of each custom format.
    #[serde(deserialize_with = "null_as_default")]
    pub format_items: Vec<FormatItem>,
    /// The language releases must be in.
    #[serde(deserialize_with = "language_or_original")]
    pub language: Language,
}

impl Default for QualityProfile {
    /// Radarr's starting values: no items, score increment 1, Original language.
    fn default() -> Self {
        QualityProfile {
            id: 0,
            name: String::new(),
            upgrade_allowed: false,
            cutoff: 0,
            items: Vec::new(),
            min_format_score: 0,
            cutoff_format_score: 0,
            min_upgrade_format_score: 1,
            format_items: Vec::new(),
            language: Language::ORIGINAL,
        }
    }
}

/// One entry of a profile: a single quality (`quality` set, no id or name) or
/// a group (`id` of 1000 or more, `name`, member `items`, no quality).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileItem {
    /// The group's id; 0 for a single quality.
    #[serde(skip_serializing_if = "is_zero")]
    pub id: i32,
    /// The group's name; none for a single quality.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The quality; none for a group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    /// The group's members; empty for a single quality.
    #[serde(deserialize_with = "null_as_default")]
    pub items: Vec<ProfileItem>,
    /// Whether releases of this quality or group are accepted.
    pub allowed: bool,
}

/// A custom format's score in a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormatItem {
    /// The custom format's id.
    pub format: i32,
    /// The custom format's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// Added to a release's score when the format matches.
    #[serde(default)]
    pub score: i32,
}

/// A broken rule, named by the property Radarr's validator reports it on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileViolation {
    /// Radarr's PascalCase property: `Name`, `Cutoff`, `Items`,
    /// `MinUpgradeFormatScore`, or empty for a rule on the whole profile.
    pub property: &'static str,
    /// Radarr's message.
    pub message: String,
}

/// The lowest group id; below it a group id could be mistaken for a quality id
/// in `cutoff`.
pub const FIRST_GROUP_ID: i32 = 1000;

impl ProfileItem {
    /// A single quality.
    pub fn single(quality: Quality, allowed: bool) -> Self {
        let quality = Some(quality);
        ProfileItem {
            quality,
            allowed,
            ..Default::default()
        }
    }

    /// A group of qualities; members share the group's `allowed`, as Radarr keeps them.
    pub fn group(id: i32, name: &str, members: &[Quality], allowed: bool) -> Self {
        let items = members
            .iter()
            .map(|q| ProfileItem::single(*q, allowed))
            .collect();
        let name = Some(name.to_string());
        ProfileItem {
            id,
            name,
            quality: None,
            items,
            allowed,
        }
    }

    /// Whether this entry is a group (it names no quality of its own).
    pub fn is_group(&self) -> bool {
        self.quality.is_none()
    }

    /// The qualities this entry stands for: its own, or its members'.
    pub fn qualities(&self) -> Vec<Quality> {
        match self.quality {
            Some(q) => vec![q],
            None => self.items.iter().filter_map(|i| i.quality).collect(),
        }
    }
}

impl QualityProfile {
    /// Every quality a release may have under this profile, worst to best.
    pub fn allowed_qualities(&self) -> Vec<Quality> {
        self.items
            .iter()
            .filter(|i| i.allowed)
            .flat_map(ProfileItem::qualities)
            .collect()
    }

    /// The position in `items` of the entry (single or group) holding this quality;
    /// a higher position is preferred.
    pub fn item_index_of(&self, quality_id: i32) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.qualities().iter().any(|q| q.id == quality_id))
    }

    /// The position in `items` of the cutoff entry.
    pub fn cutoff_index(&self) -> Option<usize> {
        // Radarr matches the cutoff against top-level entries only.
        self.items.iter().position(|i| match i.quality {
            Some(q) => q.id == self.cutoff,
            None => i.id == self.cutoff,
        })
    }

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

/// Radarr's six starter profiles (ids 1..6), created when none exist.
pub fn default_profiles() -> Vec<QualityProfile> {
    use Quality as Q;
    // Each profile allows a run of weights (see `Quality::ALL`); SD skips DVD-R.
    let starters = [
        ("Any", Q::BLURAY_480P, 2..=25, None),
        ("SD", Q::BLURAY_480P, 2..=13, Some(Q::DVD_R)),
        ("HD-720p", Q::BLURAY_720P, 14..=16, None),
        ("HD-1080p", Q::BLURAY_1080P, 17..=20, None),
        ("Ultra-HD", Q::REMUX_2160P, 21..=24, None),
        ("HD - 720p/1080p", Q::BLURAY_720P, 14..=20, None),
    ];
    starters
        .into_iter()
        .zip(1..)
        .map(|((name, cutoff, weights, except), id)| {
            let allowed: Vec<Quality> = Q::ALL
                .into_iter()
                .filter(|q| weights.contains(&q.weight()) && Some(*q) != except)
                .collect();
            QualityProfile {
                id,
                ..starter(name, cutoff, &allowed)
            }
        })
        .collect()
}

/// The template `GET /qualityprofile/schema` returns: every quality, none allowed.
pub fn schema_profile() -> QualityProfile {
    starter("", Quality::UNKNOWN, &[])
}

/// A profile of every quality in weight order, equal weights grouped (ids from
/// 1000), the cutoff moved to its group when it has one.
fn starter(name: &str, cutoff: Quality, allowed: &[Quality]) -> QualityProfile {
    let mut items = Vec::new();
    let mut cutoff_id = cutoff.id;
    let mut next_group = FIRST_GROUP_ID;
    // Equal weights are the WEB groups; every other quality stands alone.
    for chunk in Quality::ALL.chunk_by(|a, b| a.weight() == b.weight()) {
        match (chunk, chunk.first().and_then(|q| q.group_name())) {
            (members @ [_, _, ..], Some(group_name)) => {
                if members.contains(&cutoff) {
                    cutoff_id = next_group;
                }
                let on = members.iter().any(|q| allowed.contains(q));
                items.push(ProfileItem::group(next_group, group_name, members, on));
                next_group += 1;
            }
            (singles, _) => {
                items.extend(
                    singles
                        .iter()
                        .map(|q| ProfileItem::single(*q, allowed.contains(q))),
                );
            }
        }
    }
    let name = name.to_string();
    QualityProfile {
        name,
        cutoff: cutoff_id,
        items,
        ..QualityProfile::default()
    }
}

fn is_zero(v: &i32) -> bool {
    *v == 0
}

fn language_or_original<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
    Ok(Option::<Language>::deserialize(d)?.unwrap_or(Language::ORIGINAL))
}

/// Reads JSON `null` as the type's default, as .NET leaves a null collection.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn names(p: &QualityProfile) -> String {
        let names: Vec<&str> = p.allowed_qualities().iter().map(|q| q.name).collect();
        names.join(", ")
    }

    fn violations(p: &QualityProfile) -> Vec<String> {
        let found = p.validate().unwrap_err().into_iter();
        found
            .map(|v| format!("{}: {}", v.property, v.message))
            .collect()
    }

    #[test]
    fn single_and_group_items_have_radarrs_wire_shape() {
        let single = serde_json::to_value(ProfileItem::single(Quality::SDTV, true)).unwrap();
        let sdtv = json!({"id":1,"name":"SDTV","source":"tv","resolution":480,"modifier":"none"});
        assert_eq!(
            single,
            json!({"quality": sdtv, "items": [], "allowed": true})
        );
        let group = &default_profiles()[3].items[17];
        let text = serde_json::to_string(group).unwrap();
        let head = r#"{"id":1002,"name":"WEB 1080p","items":[{"quality":{"id":3,"#;
        assert!(text.starts_with(head), "{text}");
        assert!(
            text.ends_with(r#""items":[],"allowed":true}],"allowed":true}"#),
            "{text}"
        );
        assert_eq!(&serde_json::from_str::<ProfileItem>(&text).unwrap(), group);
    }

    #[test]
    fn profile_wire_shape_and_input_defaults() {
        let v = serde_json::to_value(&default_profiles()[0]).unwrap();
        assert_eq!(v.as_object().unwrap().len(), 10);
        assert_eq!(v["language"], json!({"id": -2, "name": "Original"}));
        assert_eq!(
            [&v["cutoff"], &v["minUpgradeFormatScore"]],
            [&json!(20), &json!(1)]
        );
        let schema = serde_json::to_value(schema_profile()).unwrap();
        assert!(schema.get("id").is_none());
        let p: QualityProfile =
            serde_json::from_value(json!({"name": "X", "items": null, "language": null})).unwrap();
        assert_eq!(
            p,
            QualityProfile {
                name: "X".into(),
                ..QualityProfile::default()
            }
        );
        assert_eq!(
            (p.min_upgrade_format_score, p.language),
            (1, Language::ORIGINAL)
        );
        let f: FormatItem = serde_json::from_value(json!({"format": 4, "score": -10})).unwrap();
        let written = serde_json::to_value(f).unwrap();
        assert_eq!(written, json!({"format": 4, "name": "", "score": -10}));
    }

    #[test]
    fn default_profiles_allow_and_cut_off_as_radarr_does() {
        let p = default_profiles();
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.id, p.name.as_str(), p.cutoff))
            .collect();
        let want = [
            (1, "Any", 20),
            (2, "SD", 20),
            (3, "HD-720p", 6),
            (4, "HD-1080p", 7),
        ];
        assert_eq!(got[..4], want);
        assert_eq!(got[4..], [(5, "Ultra-HD", 31), (6, "HD - 720p/1080p", 6)]);
        let any = p[0].allowed_qualities();
        assert_eq!(any.len(), 28);
        assert!(!any.contains(&Quality::RAW_HD) && !any.contains(&Quality::UNKNOWN));
        let sd = "WORKPRINT, CAM, TELESYNC, TELECINE, REGIONAL, DVDSCR, SDTV, DVD, \
                  WEBDL-480p, WEBRip-480p, Bluray-480p, Bluray-576p";
        assert_eq!(names(&p[1]), sd);
        assert_eq!(
            names(&p[2]),
            "HDTV-720p, WEBDL-720p, WEBRip-720p, Bluray-720p"
        );
        let fhd = "HDTV-1080p, WEBDL-1080p, WEBRip-1080p, Bluray-1080p, Remux-1080p";
        assert_eq!(names(&p[3]), fhd);
        let uhd = "HDTV-2160p, WEBDL-2160p, WEBRip-2160p, Bluray-2160p, Remux-2160p";
        assert_eq!(names(&p[4]), uhd);
        assert_eq!(names(&p[5]), format!("{}, {fhd}", names(&p[2])));
        for profile in &p {
            assert_eq!(profile.validate(), Ok(()), "{}", profile.name);
            assert_eq!((profile.items.len(), profile.upgrade_allowed), (26, false));
        }
        let groups: Vec<_> = p[0].items.iter().filter(|i| i.is_group()).collect();
        let groups: Vec<_> = groups
            .iter()
            .map(|g| (g.id, g.name.as_deref().unwrap()))
            .collect();
        let want = [
            (1000, "WEB 480p"),
            (1001, "WEB 720p"),
            (1002, "WEB 1080p"),
            (1003, "WEB 2160p"),
        ];
        assert_eq!(groups, want);
    }

    #[test]
    fn helpers_find_items_by_quality() {
        let hd = &default_profiles()[3];
        assert_eq!(hd.item_index_of(Quality::WEBRIP_1080P.id), Some(17));
        assert_eq!(hd.item_index_of(Quality::WEBDL_1080P.id), Some(17));
        assert_eq!(hd.item_index_of(Quality::BLURAY_1080P.id), Some(18));
        assert_eq!(hd.item_index_of(11), None);
        assert_eq!(hd.cutoff_index(), Some(18));
    }

    #[test]
    fn schema_profile_allows_nothing() {
        let s = schema_profile();
        assert_eq!((s.name.as_str(), s.cutoff, s.items.len()), ("", 0, 26));
        assert!(s.allowed_qualities().is_empty());
        let mut all = s
            .items
            .iter()
            .flat_map(|i| std::iter::once(i).chain(&i.items));
        assert!(all.all(|i| !i.allowed));
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
