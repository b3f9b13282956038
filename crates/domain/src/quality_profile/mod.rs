//! Quality profiles: which qualities a movie may have, in what order of
//! preference, where upgrading stops, and Radarr's rules for a valid profile.

use serde::{Deserialize, Deserializer, Serialize};

use crate::language::Language;
use crate::quality::Quality;

mod defaults;
mod format_items;
mod validate;

pub use defaults::{default_profiles, schema_profile};
pub use validate::ProfileViolation;

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
    /// The scene-group reputation (0 to 100) a release's group needs to be
    /// accepted; 0 accepts every group. Groups with no data always pass.
    #[serde(deserialize_with = "null_as_default")]
    pub min_reputation_score: i32,
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
            min_reputation_score: 0,
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
        assert_eq!(v.as_object().unwrap().len(), 11);
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
}
