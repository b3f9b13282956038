//! Radarr's languages: the fixed list a movie, a file or a profile can name,
//! written on the wire as `{"id","name"}`.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One of Radarr's languages. On input only `id` counts, as Radarr looks the
/// language up by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language {
    /// Radarr's id: 0 and up for real languages, -1 Any, -2 Original.
    pub id: i32,
    /// Radarr's display name, e.g. `Portuguese (Brazil)`.
    pub name: &'static str,
}

// One row per language so `ALL` and the constants cannot drift apart.
macro_rules! languages {
    ($($konst:ident = $id:literal, $name:literal;)+) => {
        impl Language {
            $(
                #[doc = concat!("`", $name, "` (id ", stringify!($id), ").")]
                pub const $konst: Language = Language { id: $id, name: $name };
            )+

            /// Every language in Radarr's declaration order: ids 0 up, then
            /// Any and Original.
            pub const ALL: [Language; 60] = [$(Language::$konst),+];
        }
    };
}

languages! {
    UNKNOWN = 0, "Unknown";
    ENGLISH = 1, "English";
    FRENCH = 2, "French";
    SPANISH = 3, "Spanish";
    GERMAN = 4, "German";
    ITALIAN = 5, "Italian";
    DANISH = 6, "Danish";
    DUTCH = 7, "Dutch";
    JAPANESE = 8, "Japanese";
    ICELANDIC = 9, "Icelandic";
    CHINESE = 10, "Chinese";
    RUSSIAN = 11, "Russian";
    POLISH = 12, "Polish";
    VIETNAMESE = 13, "Vietnamese";
    SWEDISH = 14, "Swedish";
    NORWEGIAN = 15, "Norwegian";
    FINNISH = 16, "Finnish";
    TURKISH = 17, "Turkish";
    PORTUGUESE = 18, "Portuguese";
    FLEMISH = 19, "Flemish";
    GREEK = 20, "Greek";
    KOREAN = 21, "Korean";
    HUNGARIAN = 22, "Hungarian";
    HEBREW = 23, "Hebrew";
    LITHUANIAN = 24, "Lithuanian";
    CZECH = 25, "Czech";
    HINDI = 26, "Hindi";
    ROMANIAN = 27, "Romanian";
    THAI = 28, "Thai";
    BULGARIAN = 29, "Bulgarian";
    PORTUGUESE_BR = 30, "Portuguese (Brazil)";
    ARABIC = 31, "Arabic";
    UKRAINIAN = 32, "Ukrainian";
    PERSIAN = 33, "Persian";
    BENGALI = 34, "Bengali";
    SLOVAK = 35, "Slovak";
    LATVIAN = 36, "Latvian";
    SPANISH_LATINO = 37, "Spanish (Latino)";
    CATALAN = 38, "Catalan";
    CROATIAN = 39, "Croatian";
    SERBIAN = 40, "Serbian";
    BOSNIAN = 41, "Bosnian";
    ESTONIAN = 42, "Estonian";
    TAMIL = 43, "Tamil";
    INDONESIAN = 44, "Indonesian";
    TELUGU = 45, "Telugu";
    MACEDONIAN = 46, "Macedonian";
    SLOVENIAN = 47, "Slovenian";
    MALAYALAM = 48, "Malayalam";
    KANNADA = 49, "Kannada";
    ALBANIAN = 50, "Albanian";
    AFRIKAANS = 51, "Afrikaans";
    MARATHI = 52, "Marathi";
    TAGALOG = 53, "Tagalog";
    URDU = 54, "Urdu";
    ROMANSH = 55, "Romansh";
    MONGOLIAN = 56, "Mongolian";
    GEORGIAN = 57, "Georgian";
    ANY = -1, "Any";
    ORIGINAL = -2, "Original";
}

impl Language {
    /// The language with this Radarr id.
    pub fn by_id(id: i32) -> Option<Language> {
        Self::ALL.iter().copied().find(|l| l.id == id)
    }

    /// The language with this name, compared without regard to case.
    pub fn by_name(name: &str) -> Option<Language> {
        let name = name.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.name.eq_ignore_ascii_case(name))
    }

    /// The language of an ISO 639-1 code, as TMDB names a movie's original
    /// language (`en`, `fr`; TMDB's `cn` is Cantonese, counted as Chinese);
    /// [`Language::UNKNOWN`] for one Radarr does not list.
    pub fn by_iso_639_1(code: &str) -> Language {
        const CODES: [(&str, Language); 56] = [
            ("en", Language::ENGLISH),
            ("fr", Language::FRENCH),
            ("es", Language::SPANISH),
            ("de", Language::GERMAN),
            ("it", Language::ITALIAN),
            ("da", Language::DANISH),
            ("nl", Language::DUTCH),
            ("ja", Language::JAPANESE),
            ("is", Language::ICELANDIC),
            ("zh", Language::CHINESE),
            ("cn", Language::CHINESE),
            ("ru", Language::RUSSIAN),
            ("pl", Language::POLISH),
            ("vi", Language::VIETNAMESE),
            ("sv", Language::SWEDISH),
            ("no", Language::NORWEGIAN),
            ("nb", Language::NORWEGIAN),
            ("nn", Language::NORWEGIAN),
            ("fi", Language::FINNISH),
            ("tr", Language::TURKISH),
            ("pt", Language::PORTUGUESE),
            ("el", Language::GREEK),
            ("ko", Language::KOREAN),
            ("hu", Language::HUNGARIAN),
            ("he", Language::HEBREW),
            ("lt", Language::LITHUANIAN),
            ("cs", Language::CZECH),
            ("hi", Language::HINDI),
            ("ro", Language::ROMANIAN),
            ("th", Language::THAI),
            ("bg", Language::BULGARIAN),
            ("ar", Language::ARABIC),
            ("uk", Language::UKRAINIAN),
            ("fa", Language::PERSIAN),
            ("bn", Language::BENGALI),
            ("sk", Language::SLOVAK),
            ("lv", Language::LATVIAN),
            ("ca", Language::CATALAN),
            ("hr", Language::CROATIAN),
            ("sr", Language::SERBIAN),
            ("bs", Language::BOSNIAN),
            ("et", Language::ESTONIAN),
            ("ta", Language::TAMIL),
            ("id", Language::INDONESIAN),
            ("te", Language::TELUGU),
            ("mk", Language::MACEDONIAN),
            ("sl", Language::SLOVENIAN),
            ("ml", Language::MALAYALAM),
            ("kn", Language::KANNADA),
            ("sq", Language::ALBANIAN),
            ("af", Language::AFRIKAANS),
            ("mr", Language::MARATHI),
            ("tl", Language::TAGALOG),
            ("ur", Language::URDU),
            ("mn", Language::MONGOLIAN),
            ("ka", Language::GEORGIAN),
        ];
        let code = code.trim();
        CODES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map_or(Language::UNKNOWN, |(_, language)| *language)
    }

    /// The name in lower case, as `/language` writes `nameLower`.
    pub fn name_lower(self) -> String {
        self.name.to_lowercase()
    }

    /// Every language in the order `GET /api/v3/language` lists them: Radarr
    /// puts the pseudo-languages (id 0 or less) first, each part by name.
    pub fn api_order() -> Vec<Language> {
        let mut all = Self::ALL.to_vec();
        all.sort_by(|a, b| (a.id > 0, a.name).cmp(&(b.id > 0, b.name)));
        all
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::UNKNOWN
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Language", 2)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("name", self.name)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The id decides; a client's name may be stale or translated.
        #[derive(Deserialize)]
        struct ById {
            id: i32,
        }
        let ById { id } = ById::deserialize(d)?;
        Language::by_id(id)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown language id {id}")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tmdb_language_codes_name_radarr_languages() {
        assert_eq!(Language::by_iso_639_1("en"), Language::ENGLISH);
        assert_eq!(Language::by_iso_639_1("JA"), Language::JAPANESE);
        assert_eq!(Language::by_iso_639_1("cn"), Language::CHINESE);
        assert_eq!(Language::by_iso_639_1("xx"), Language::UNKNOWN);
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn list_holds_every_id_once_in_declaration_order() {
        let ids: Vec<i32> = Language::ALL.iter().map(|l| l.id).collect();
        let mut expected: Vec<i32> = (0..=57).collect();
        expected.extend([-1, -2]);
        assert_eq!(ids, expected);
        assert_eq!(Language::by_id(30).unwrap().name, "Portuguese (Brazil)");
        assert_eq!(Language::by_id(57), Some(Language::GEORGIAN));
        assert_eq!(Language::by_id(58), None);
    }

    #[test]
    fn api_order_is_pseudo_languages_then_by_name() {
        let names: Vec<&str> = Language::api_order().iter().map(|l| l.name).collect();
        assert_eq!(
            &names[..5],
            ["Any", "Original", "Unknown", "Afrikaans", "Albanian"]
        );
        let pt = names.iter().position(|n| *n == "Portuguese").unwrap();
        assert_eq!(names[pt + 1], "Portuguese (Brazil)");
        assert_eq!(names.last(), Some(&"Vietnamese"));
        assert_eq!(names.len(), 60);
    }

    #[test]
    fn by_name_ignores_case() {
        assert_eq!(Language::by_name("english"), Some(Language::ENGLISH));
        assert_eq!(
            Language::by_name("SPANISH (LATINO)"),
            Some(Language::SPANISH_LATINO)
        );
        assert_eq!(Language::by_name("original"), Some(Language::ORIGINAL));
        assert_eq!(Language::by_name("Klingon"), None);
        assert_eq!(Language::PORTUGUESE_BR.name_lower(), "portuguese (brazil)");
    }

    #[test]
    fn wire_shape_and_lookup_by_id() {
        assert_eq!(
            serde_json::to_string(&Language::ORIGINAL).unwrap(),
            r#"{"id":-2,"name":"Original"}"#
        );
        let l: Language = serde_json::from_value(json!({"id": 2, "name": "x"})).unwrap();
        assert_eq!(l, Language::FRENCH);
        let err = serde_json::from_value::<Language>(json!({"id": 99})).unwrap_err();
        assert!(err.to_string().contains("unknown language id 99"), "{err}");
    }
}
