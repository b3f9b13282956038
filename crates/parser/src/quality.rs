//! Radarr's thirty qualities, their order of preference, and the revision
//! (PROPER, REPACK, REAL) that ranks two copies of one quality.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

crate::wire_enum! {
    /// Where a release's picture came from (Radarr's `QualitySource`).
    pub enum QualitySource {
        /// Not recognised.
        Unknown = 0 => "unknown",
        /// Filmed in a cinema.
        Cam = 1 => "cam",
        /// Filmed in a cinema with the sound taken from the source.
        Telesync = 2 => "telesync",
        /// Copied from film reels.
        Telecine = 3 => "telecine",
        /// An unfinished cut.
        Workprint = 4 => "workprint",
        /// A DVD.
        Dvd = 5 => "dvd",
        /// A television broadcast.
        Tv = 6 => "tv",
        /// Downloaded untouched from a streaming service.
        WebDl = 7 => "webdl",
        /// Captured from a streaming service.
        WebRip = 8 => "webrip",
        /// A Blu-ray disc.
        Bluray = 9 => "bluray",
    }
}

crate::wire_enum! {
    /// What sets a quality apart from others of its source and resolution.
    pub enum Modifier {
        /// Nothing special.
        None = 0 => "none",
        /// A region's own release (e.g. R5).
        Regional = 1 => "regional",
        /// A screener copy.
        Screener = 2 => "screener",
        /// An uncompressed broadcast transport stream.
        RawHd = 3 => "rawhd",
        /// A whole Blu-ray disc image.
        BrDisk = 4 => "brdisk",
        /// The disc's streams remuxed without re-encoding.
        Remux = 5 => "remux",
    }
}

/// One of Radarr's qualities. Its wire form is
/// `{"id","name","source","resolution","modifier"}`; on input only `id` counts,
/// as Radarr looks the quality up by id and ignores the rest.
///
/// Two qualities are equal when their ids are: a parsed TELESYNC keeps the
/// resolution its title gave (as Radarr's does), and is still a TELESYNC.
#[derive(Debug, Clone, Copy)]
pub struct Quality {
    /// Radarr's quality id (ids 11 and 13 are unused).
    pub id: i32,
    /// Radarr's display name, e.g. `Bluray-1080p`.
    pub name: &'static str,
    /// Where the picture came from.
    pub source: QualitySource,
    /// Vertical resolution in lines; 0 when it says nothing of resolution.
    pub resolution: i32,
    /// What sets it apart.
    pub modifier: Modifier,
}

impl PartialEq for Quality {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Quality {}

impl std::hash::Hash for Quality {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

// One row per quality, worst to best, so `ALL`, the constants and the weights
// cannot drift apart.
macro_rules! qualities {
    ($($konst:ident = $id:literal, $name:literal, $source:ident, $res:literal, $modifier:ident, $weight:literal;)+) => {
        impl Quality {
            $(
                #[doc = concat!("`", $name, "` (id ", stringify!($id), ", weight ", stringify!($weight), ").")]
                pub const $konst: Quality = Quality {
                    id: $id,
                    name: $name,
                    source: QualitySource::$source,
                    resolution: $res,
                    modifier: Modifier::$modifier,
                };
            )+

            /// Every quality, worst to best (Radarr's default weight order).
            pub const ALL: [Quality; 30] = [$(Quality::$konst),+];

            /// Radarr's default weight of each member of `ALL`, position for position.
            const WEIGHTS: [i32; 30] = [$($weight),+];
        }
    };
}

qualities! {
    UNKNOWN = 0, "Unknown", Unknown, 0, None, 1;
    WORKPRINT = 24, "WORKPRINT", Workprint, 0, None, 2;
    CAM = 25, "CAM", Cam, 0, None, 3;
    TELESYNC = 26, "TELESYNC", Telesync, 0, None, 4;
    TELECINE = 27, "TELECINE", Telecine, 0, None, 5;
    REGIONAL = 29, "REGIONAL", Dvd, 480, Regional, 6;
    DVDSCR = 28, "DVDSCR", Dvd, 480, Screener, 7;
    SDTV = 1, "SDTV", Tv, 480, None, 8;
    DVD = 2, "DVD", Dvd, 0, None, 9;
    DVD_R = 23, "DVD-R", Dvd, 480, Remux, 10;
    WEBDL_480P = 8, "WEBDL-480p", WebDl, 480, None, 11;
    WEBRIP_480P = 12, "WEBRip-480p", WebRip, 480, None, 11;
    BLURAY_480P = 20, "Bluray-480p", Bluray, 480, None, 12;
    BLURAY_576P = 21, "Bluray-576p", Bluray, 576, None, 13;
    HDTV_720P = 4, "HDTV-720p", Tv, 720, None, 14;
    WEBDL_720P = 5, "WEBDL-720p", WebDl, 720, None, 15;
    WEBRIP_720P = 14, "WEBRip-720p", WebRip, 720, None, 15;
    BLURAY_720P = 6, "Bluray-720p", Bluray, 720, None, 16;
    HDTV_1080P = 9, "HDTV-1080p", Tv, 1080, None, 17;
    WEBDL_1080P = 3, "WEBDL-1080p", WebDl, 1080, None, 18;
    WEBRIP_1080P = 15, "WEBRip-1080p", WebRip, 1080, None, 18;
    BLURAY_1080P = 7, "Bluray-1080p", Bluray, 1080, None, 19;
    REMUX_1080P = 30, "Remux-1080p", Bluray, 1080, Remux, 20;
    HDTV_2160P = 16, "HDTV-2160p", Tv, 2160, None, 21;
    WEBDL_2160P = 18, "WEBDL-2160p", WebDl, 2160, None, 22;
    WEBRIP_2160P = 17, "WEBRip-2160p", WebRip, 2160, None, 22;
    BLURAY_2160P = 19, "Bluray-2160p", Bluray, 2160, None, 23;
    REMUX_2160P = 31, "Remux-2160p", Bluray, 2160, Remux, 24;
    BR_DISK = 22, "BR-DISK", Bluray, 1080, BrDisk, 25;
    RAW_HD = 10, "Raw-HD", Tv, 1080, RawHd, 26;
}

impl Quality {
    /// The quality with this Radarr id.
    pub fn by_id(id: i32) -> Option<Quality> {
        Self::ALL.iter().copied().find(|q| q.id == id)
    }

    /// Radarr's default weight: higher is better; qualities of equal weight
    /// form one group in the default profiles.
    pub fn weight(self) -> i32 {
        Self::ALL
            .iter()
            .position(|q| q.id == self.id)
            .map_or(0, |i| Self::WEIGHTS[i])
    }

    /// The name of the default group this quality shares with its equals, if any.
    pub fn group_name(self) -> Option<&'static str> {
        if !matches!(self.source, QualitySource::WebDl | QualitySource::WebRip) {
            return None;
        }
        match self.resolution {
            480 => Some("WEB 480p"),
            720 => Some("WEB 720p"),
            1080 => Some("WEB 1080p"),
            2160 => Some("WEB 2160p"),
            _ => None,
        }
    }
}

impl Default for Quality {
    fn default() -> Self {
        Quality::UNKNOWN
    }
}

impl std::fmt::Display for Quality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Serialize for Quality {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Quality", 5)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("name", self.name)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("resolution", &self.resolution)?;
        st.serialize_field("modifier", &self.modifier)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Quality {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Clients echo back the whole object, sometimes stale; the id decides.
        #[derive(Deserialize)]
        struct ById {
            id: i32,
        }
        let ById { id } = ById::deserialize(d)?;
        Quality::by_id(id)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown quality id {id}")))
    }
}

/// Which copy of a quality a release is: `version` 2 or more for PROPER or
/// REPACK, `real` counts REAL tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Revision {
    /// 1 for a first release; each PROPER or REPACK adds one.
    pub version: i32,
    /// How many times the release says REAL.
    pub real: i32,
    /// Whether the new version was a REPACK (by the same group).
    pub is_repack: bool,
}

impl Default for Revision {
    fn default() -> Self {
        Revision {
            version: 1,
            real: 0,
            is_repack: false,
        }
    }
}

/// A quality with its revision, as files, history and the queue carry it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityModel {
    /// The quality.
    pub quality: Quality,
    /// The revision; a first release when absent.
    #[serde(default)]
    pub revision: Revision,
}

impl QualityModel {
    /// A first release of `quality`.
    pub fn new(quality: Quality) -> Self {
        QualityModel {
            quality,
            revision: Revision::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn table_matches_radarrs_quality_list() {
        let list: Vec<Value> =
            serde_json::from_str(include_str!("../tests/data/radarr-qualities.json")).unwrap();
        assert_eq!(list.len(), Quality::ALL.len());
        for expected in list {
            let id = i32::try_from(expected["id"].as_i64().unwrap()).unwrap();
            let quality = Quality::by_id(id).unwrap();
            assert_eq!(serde_json::to_value(quality).unwrap(), expected);
        }
    }

    #[test]
    fn ids_are_unique_and_weights_rise_only_inside_web_groups() {
        let ids: std::collections::HashSet<i32> = Quality::ALL.iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), 30);
        assert!(!ids.contains(&11) && !ids.contains(&13));
        for pair in Quality::ALL.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.weight() == b.weight() {
                assert_eq!(a.group_name(), b.group_name());
                assert!(a.group_name().is_some(), "{a} and {b} share a weight");
            } else {
                assert_eq!(a.weight() + 1, b.weight(), "{a} then {b}");
            }
        }
        assert_eq!(Quality::RAW_HD.weight(), 26);
        assert_eq!(Quality::REGIONAL.weight(), 6);
        assert_eq!(Quality::WEBRIP_1080P.group_name(), Some("WEB 1080p"));
        assert_eq!(Quality::HDTV_1080P.group_name(), None);
    }

    #[test]
    fn quality_wire_shape_and_lookup_by_id() {
        let text = serde_json::to_string(&Quality::BLURAY_1080P).unwrap();
        assert_eq!(
            text,
            r#"{"id":7,"name":"Bluray-1080p","source":"bluray","resolution":1080,"modifier":"none"}"#
        );
        let q: Quality = serde_json::from_value(json!({"id": 31, "name": "stale"})).unwrap();
        assert_eq!(q, Quality::REMUX_2160P);
        let err = serde_json::from_value::<Quality>(json!({"id": 11})).unwrap_err();
        assert!(err.to_string().contains("unknown quality id 11"), "{err}");
        assert!(serde_json::from_value::<Quality>(json!({"name": "CAM"})).is_err());
    }

    #[test]
    fn enums_round_trip_names_and_dotnet_values() {
        for (i, s) in QualitySource::ALL.iter().enumerate() {
            assert_eq!(*s as i64, i as i64);
            let back: QualitySource = serde_json::from_value(json!(s.as_str())).unwrap();
            assert_eq!(back, *s);
            assert_eq!(
                serde_json::from_value::<QualitySource>(json!(i)).unwrap(),
                *s
            );
        }
        assert_eq!(QualitySource::Bluray as i32, 9);
        assert_eq!(QualitySource::WebRip.as_str(), "webrip");
        assert_eq!(Modifier::Remux as i32, 5);
        assert_eq!(Modifier::from_value(3), Some(Modifier::RawHd));
        assert_eq!(
            serde_json::to_value(Modifier::BrDisk).unwrap(),
            json!("brdisk")
        );
        let m: Modifier = serde_json::from_value(json!("REMUX")).unwrap();
        assert_eq!(m, Modifier::Remux);
    }

    #[test]
    fn quality_model_defaults_its_revision() {
        let m: QualityModel = serde_json::from_value(json!({"quality": {"id": 3}})).unwrap();
        assert_eq!(m, QualityModel::new(Quality::WEBDL_1080P));
        assert_eq!(
            serde_json::to_value(m).unwrap()["revision"],
            json!({"version": 1, "real": 0, "isRepack": false})
        );
        let m: QualityModel = serde_json::from_value(
            json!({"quality": {"id": 7}, "revision": {"version": 2, "isRepack": true}}),
        )
        .unwrap();
        assert_eq!(
            m.revision,
            Revision {
                version: 2,
                real: 0,
                is_repack: true
            }
        );
    }
}
