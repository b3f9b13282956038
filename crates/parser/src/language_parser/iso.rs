//! ISO 639 codes as Radarr reads them in file names: two letters
//! (`en`, `pt-BR`), three (`eng`, and the bibliographic `fre`, `ger`).

use crate::language::Language;

/// One row of the table: two-letter code, country (for `pt-BR`-style
/// codes; empty for none), three-letter code (empty for none), language.
type Row = (&'static str, &'static str, &'static str, Language);

/// Radarr's table; order matters where codes repeat (`pt`, `es`, `spa`):
/// the first row wins.
const ROWS: [Row; 57] = [
    ("en", "", "eng", Language::ENGLISH),
    ("fr", "fr", "fra", Language::FRENCH),
    ("es", "", "spa", Language::SPANISH),
    ("de", "de", "deu", Language::GERMAN),
    ("it", "", "ita", Language::ITALIAN),
    ("da", "", "dan", Language::DANISH),
    ("nl", "", "nld", Language::DUTCH),
    ("ja", "", "jpn", Language::JAPANESE),
    ("is", "", "isl", Language::ICELANDIC),
    ("zh", "cn", "zho", Language::CHINESE),
    ("ru", "", "rus", Language::RUSSIAN),
    ("pl", "", "pol", Language::POLISH),
    ("vi", "", "vie", Language::VIETNAMESE),
    ("sv", "", "swe", Language::SWEDISH),
    ("no", "", "nor", Language::NORWEGIAN),
    ("nb", "", "nob", Language::NORWEGIAN),
    ("fi", "", "fin", Language::FINNISH),
    ("tr", "", "tur", Language::TURKISH),
    ("pt", "pt", "por", Language::PORTUGUESE),
    ("el", "", "ell", Language::GREEK),
    ("ko", "", "kor", Language::KOREAN),
    ("hu", "", "hun", Language::HUNGARIAN),
    ("he", "", "heb", Language::HEBREW),
    ("cs", "", "ces", Language::CZECH),
    ("hi", "", "hin", Language::HINDI),
    ("th", "", "tha", Language::THAI),
    ("bg", "", "bul", Language::BULGARIAN),
    ("ro", "", "ron", Language::ROMANIAN),
    ("pt", "br", "", Language::PORTUGUESE_BR),
    ("ar", "", "ara", Language::ARABIC),
    ("uk", "", "ukr", Language::UKRAINIAN),
    ("fa", "", "fas", Language::PERSIAN),
    ("bn", "", "ben", Language::BENGALI),
    ("lt", "", "lit", Language::LITHUANIAN),
    ("sk", "", "slk", Language::SLOVAK),
    ("lv", "", "lav", Language::LATVIAN),
    ("es", "mx", "spa", Language::SPANISH_LATINO),
    ("ca", "", "cat", Language::CATALAN),
    ("hr", "", "hrv", Language::CROATIAN),
    ("sr", "", "srp", Language::SERBIAN),
    ("bs", "", "bos", Language::BOSNIAN),
    ("et", "", "est", Language::ESTONIAN),
    ("ta", "", "tam", Language::TAMIL),
    ("id", "", "ind", Language::INDONESIAN),
    ("te", "", "tel", Language::TELUGU),
    ("mk", "", "mkd", Language::MACEDONIAN),
    ("sl", "", "slv", Language::SLOVENIAN),
    ("ml", "", "mal", Language::MALAYALAM),
    ("kn", "", "kan", Language::KANNADA),
    ("sq", "", "sqi", Language::ALBANIAN),
    ("af", "", "afr", Language::AFRIKAANS),
    ("mr", "", "mar", Language::MARATHI),
    ("tl", "", "tgl", Language::TAGALOG),
    ("ur", "", "urd", Language::URDU),
    ("rm", "", "roh", Language::ROMANSH),
    ("mn", "", "mon", Language::MONGOLIAN),
    ("ka", "", "kat", Language::GEORGIAN),
];

/// Bibliographic (ISO 639-2/B) codes and regional variants, read as the
/// terminological codes the table holds.
const THREE_LETTER_ALIASES: [(&str, &str); 23] = [
    ("alb", "sqi"),
    ("arm", "hye"),
    ("baq", "eus"),
    ("bur", "mya"),
    ("chi", "zho"),
    ("cze", "ces"),
    ("dut", "nld"),
    ("fre", "fra"),
    ("geo", "kat"),
    ("ger", "deu"),
    ("gre", "ell"),
    ("gsw", "deu"),
    ("ice", "isl"),
    ("mac", "mkd"),
    ("mao", "mri"),
    ("may", "msa"),
    ("per", "fas"),
    ("rum", "ron"),
    ("slo", "slk"),
    ("tib", "bod"),
    ("wel", "cym"),
    ("khk", "mon"),
    ("mvf", "mon"),
];

/// The language of an ISO code (`en`, `eng`, `fre`, `pt-BR`, `cn`), any
/// case; `None` for a code Radarr does not know.
pub(crate) fn find_iso_language(code: &str) -> Option<Language> {
    // TMDB's `cn` (Cantonese) is read as Chinese.
    if code == "cn" {
        return Some(Language::CHINESE);
    }
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let country = parts.next().map(str::to_ascii_lowercase);
    match language.len() {
        2 => {
            let mut matching = ROWS.iter().filter(|row| row.0 == language);
            let row = match country {
                None => matching.next(),
                Some(country) => {
                    let candidates: Vec<&Row> = matching.collect();
                    // A country the table knows picks that row; any other
                    // falls back to the plain language.
                    candidates
                        .iter()
                        .find(|row| row.1 == country)
                        .or_else(|| candidates.iter().find(|row| row.1.is_empty()))
                        .copied()
                }
            };
            row.map(|row| row.3)
        }
        3 => {
            let code = THREE_LETTER_ALIASES
                .iter()
                .find(|(alias, _)| *alias == language)
                .map_or(language.as_str(), |(_, code)| code);
            ROWS.iter().find(|row| row.2 == code).map(|row| row.3)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_and_three_letter_codes() {
        assert_eq!(find_iso_language("en"), Some(Language::ENGLISH));
        assert_eq!(find_iso_language("ENG"), Some(Language::ENGLISH));
        assert_eq!(find_iso_language("fre"), Some(Language::FRENCH));
        assert_eq!(find_iso_language("geo"), Some(Language::GEORGIAN));
        assert_eq!(find_iso_language("spa"), Some(Language::SPANISH));
        assert_eq!(find_iso_language("xx"), None);
        assert_eq!(find_iso_language("english"), None);
    }

    #[test]
    fn a_country_picks_a_regional_row() {
        assert_eq!(find_iso_language("pt"), Some(Language::PORTUGUESE));
        assert_eq!(find_iso_language("pt-BR"), Some(Language::PORTUGUESE_BR));
        assert_eq!(find_iso_language("es-MX"), Some(Language::SPANISH_LATINO));
        assert_eq!(find_iso_language("es-AR"), Some(Language::SPANISH));
        assert_eq!(find_iso_language("cn"), Some(Language::CHINESE));
    }
}
