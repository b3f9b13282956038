//! Subtitle file names: the language a subtitle file is in, and the title
//! and tags (`forced`, `sdh`, `default`) its name gives.
//!
//! A subtitle file is named after its movie file and adds words at the end,
//! after dots (or `-`, `_`, spaces): an ISO language code (`en`, `fra`),
//! tags, and perhaps a title of its own (`Movie.testtitle.default.eng.ass`).

mod coded_tail;
mod titled_tail;

use crate::language::Language;
use crate::language_parser::find_iso_language;

/// What a subtitle file's name says beyond the movie's name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SubtitleInfo {
    /// The subtitles' language; `Unknown` when the name gives none.
    pub language: Language,
    /// Tags such as `forced`, `sdh`, `default`, in the order given.
    pub tags: Vec<String>,
    /// The title the name gives the subtitles, cleaned.
    pub title: Option<String>,
    /// That title as it stands in the name.
    pub raw_title: Option<String>,
}

/// The language of a subtitle file, from its name: the ISO code at its end
/// (`Movie.eng.forced.srt`), else a language's full name ending it
/// (`Movie.English.srt`).
pub fn parse_subtitle_language(file_name: &str) -> Language {
    let stem = stem(file_name);
    language_without_title(stem, coded_tail::read(stem).as_ref())
}

/// The language, title and tags of a subtitle file, from its name.
///
/// A name with exactly one language code and a title beside it
/// (`Movie.testtitle.forced.eng.ass`) gives all three; any other name
/// gives its language and tags as [`parse_subtitle_language`] reads them.
pub fn parse_subtitle_language_information(file_name: &str) -> SubtitleInfo {
    let stem = stem(file_name);
    if let Some(tail) = titled_tail::read(stem) {
        return SubtitleInfo {
            language: language_of_code(tail.code),
            tags: lower_case(&tail.tags),
            title: title_without_copy_number(tail.title).map(str::to_string),
            raw_title: Some(tail.title.to_string()),
        };
    }
    let tail = coded_tail::read(stem);
    SubtitleInfo {
        language: language_without_title(stem, tail.as_ref()),
        tags: tail
            .as_ref()
            .map_or_else(Vec::new, |tail| lower_case(&tail.tags)),
        title: None,
        raw_title: None,
    }
}

fn lower_case(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|tag| tag.to_ascii_lowercase()).collect()
}

/// The language of a code read from a file name, `Unknown` for one Radarr
/// does not know.
fn language_of_code(code: &str) -> Language {
    // Radarr looks the code up in lower case, so `CN` is Chinese too.
    find_iso_language(&code.to_ascii_lowercase()).unwrap_or_default()
}

/// The language of a name read without a title: its code's, else that of a
/// full language name ending it (a code it has but Radarr does not know
/// gives `Unknown`, without looking for a name).
fn language_without_title(stem: &str, tail: Option<&coded_tail::CodedTail<'_>>) -> Language {
    if let Some(tail) = tail {
        return language_of_code(tail.code);
    }
    Language::ALL
        .iter()
        .copied()
        .find(|language| ends_with_ignore_case(stem, language.name))
        .unwrap_or_default()
}

/// The file's name without its folders and its extension.
fn stem(file_name: &str) -> &str {
    let file_name = crate::text::bounded(file_name);
    let name = file_name
        .rfind(['/', '\\'])
        .map_or(file_name, |slash| &file_name[slash + 1..]);
    name.rfind('.').map_or(name, |dot| &name[..dot])
}

/// The tags a subtitle name may carry.
const TAGS: [&str; 6] = ["forced", "foreign", "default", "cc", "psdh", "sdh"];

fn is_tag(word: &str) -> bool {
    TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(word))
}

/// Two or three ASCII letters: the shape of an ISO language code.
fn is_code_shaped(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The characters that separate the words of a subtitle name.
fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b'_' | b'.' | b' ')
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// A subtitle title without the copy number a second file of the same
/// language gets (`mytitle - 1` is `mytitle`); `None` when the title is
/// only that number.
fn title_without_copy_number(raw: &str) -> Option<&str> {
    let digits = raw.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return Some(raw);
    }
    let rest = &raw[..raw.len() - digits];
    if rest.is_empty() {
        return None;
    }
    match rest.strip_suffix(" - ") {
        // The title before the number may not span lines.
        Some(title) if !title.is_empty() && !title.contains('\n') => Some(title),
        _ => Some(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_numbers_come_off_titles() {
        assert_eq!(title_without_copy_number("mytitle - 1"), Some("mytitle"));
        assert_eq!(title_without_copy_number("a - b - 12"), Some("a - b"));
        assert_eq!(title_without_copy_number("mytitle 1"), Some("mytitle 1"));
        assert_eq!(
            title_without_copy_number("mytitle - 1234"),
            Some("mytitle - 1234")
        );
        assert_eq!(title_without_copy_number("2"), None);
        assert_eq!(title_without_copy_number(" - 2"), Some(" - 2"));
    }

    #[test]
    fn stems_lose_folders_and_extension() {
        assert_eq!(stem("/movies/Movie (2020)/Movie.en.srt"), "Movie.en");
        assert_eq!(stem("Movie"), "Movie");
    }

    #[test]
    fn a_full_name_ends_the_file() {
        assert_eq!(
            parse_subtitle_language("Movie Title - 2022.English.sub"),
            Language::ENGLISH
        );
        assert_eq!(
            parse_subtitle_language("Movie Title.sub"),
            Language::UNKNOWN
        );
    }

    #[test]
    fn a_titled_name_gives_title_tags_and_language() {
        let info = parse_subtitle_language_information("Movie.testtitle.default.fra.forced.ass");
        assert_eq!(info.language, Language::FRENCH);
        assert_eq!(info.tags, ["default", "forced"]);
        assert_eq!(info.title.as_deref(), Some("testtitle"));
    }

    #[test]
    fn two_codes_fall_back_to_the_plain_reading() {
        let info = parse_subtitle_language_information("Movie.title.en.fr.srt");
        assert_eq!(info.language, Language::FRENCH);
        assert_eq!(info.raw_title, None);
    }
}
