//! The languages a release title names: Radarr's language list, from words
//! (`German`, `VOSTFR`, `Latino`), codes (`ita`, `pt-BR`) and tags (`DL`,
//! `ML`, `MULTi`).
//!
//! The title parser hands this the title with the movie's own name and the
//! release group already replaced (`A.Movie.1994.English.1080p-RlsGrp`),
//! so a title like `The Italian Job` is not read as Italian.
//!
//! `MULTi` adds nothing: Radarr has no "multiple languages" value and leaves
//! it to each indexer's settings; the languages written beside it count.

mod boundary;
mod codes;
mod iso;
mod keywords;
mod words;

use std::sync::LazyLock;

use regex::Regex;

use crate::language::Language;

pub(crate) use iso::find_iso_language;

/// The languages `title` names, in Radarr's order; `[Unknown]` for none.
///
/// Full names come first (`English` anywhere, even inside a word), in a
/// fixed order; then capitalised codes (`EN`, `DE`) and then other words
/// and tags (`ita`, `VFF`, `Castellano`), each as they stand in the title.
/// A title that names German alone and carries `DL` (dual language) adds
/// the original language; `ML` (multi-language) adds it and English.
pub fn parse_languages(title: &str) -> Vec<Language> {
    let title = crate::text::bounded(title);
    let mut found = Vec::new();
    keywords::push_named(title, &mut found);
    codes::push_codes(title, &mut found);
    words::push_words(title, &mut found);
    if found.is_empty() {
        found.push(Language::UNKNOWN);
    }
    // Radarr counts matches, not languages, here: German named twice is
    // not "German alone".
    if found == [Language::GERMAN] {
        if has_dual_language_tag(title) {
            found.push(Language::ORIGINAL);
        } else if has_multi_language_tag(title) {
            found.extend([Language::ORIGINAL, Language::ENGLISH]);
        }
    }
    let mut distinct = Vec::with_capacity(found.len());
    for language in found {
        if !distinct.contains(&language) {
            distinct.push(language);
        }
    }
    distinct
}

static DUAL_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| tag_pattern("DL"));

static MULTI_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| tag_pattern("ML"));

/// A two-letter tag as a word of its own, any case.
fn tag_pattern(tag: &str) -> Regex {
    let b = boundary::ASCII_BOUNDARY;
    Regex::new(&format!("(?i){b}{tag}{b}")).expect("valid pattern")
}

/// Whether `tag` matches somewhere in `title` that `accept` agrees to,
/// with no letter of any script run on to it.
fn has_tag(tag: &Regex, title: &str, accept: impl Fn(&str) -> bool) -> bool {
    tag.find_iter(title).any(|found| {
        !boundary::touches_foreign_letter(title, found.start(), found.end())
            && accept(&title[..found.start()])
    })
}

/// A `DL` tag that is not the tail of `WEB-DL` / `WEB.DL` / `WEB DL`.
fn has_dual_language_tag(title: &str) -> bool {
    has_tag(&DUAL_LANGUAGE, title, |before| {
        // `WEBDL` has no word boundary before `DL`, so only a separated
        // `WEB` needs looking at.
        let before = before.as_bytes();
        let web = before.len() >= 4
            && matches!(before[before.len() - 1], b'-' | b'_' | b'.' | b' ')
            && before[before.len() - 4..before.len() - 1].eq_ignore_ascii_case(b"WEB");
        !web
    })
}

/// An `ML` (multi-language) tag.
fn has_multi_language_tag(title: &str) -> bool {
    has_tag(&MULTI_LANGUAGE, title, |_| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_found_is_unknown() {
        assert_eq!(
            parse_languages("A.Movie.2010.720p.BluRay"),
            [Language::UNKNOWN]
        );
    }

    #[test]
    fn german_dual_and_multi_language_tags() {
        assert_eq!(
            parse_languages("A.Movie.2016.German.DTS.DL.720p.BluRay.x264-RlsGrp"),
            [Language::GERMAN, Language::ORIGINAL]
        );
        assert_eq!(
            parse_languages("A.Movie.2023.German.ML.EAC3.720p.NF.WEB.H264-RlsGrp"),
            [Language::GERMAN, Language::ORIGINAL, Language::ENGLISH]
        );
        for web_dl in [
            "GERMAN.WEB-DL",
            "GERMAN.WEB.DL",
            "GERMAN WEB DL",
            "GERMAN.WEBDL",
        ] {
            assert_eq!(
                parse_languages(&format!("A.Movie.2016.{web_dl}.h264")),
                [Language::GERMAN]
            );
        }
    }

    #[test]
    fn german_named_twice_is_not_german_alone() {
        assert_eq!(
            parse_languages("A.Movie.2016.German.DL.GER"),
            [Language::GERMAN]
        );
    }

    #[test]
    fn full_names_come_first() {
        assert_eq!(
            parse_languages("Movie.Title.2019.720p_Eng-Spa(Latino)_MovieClubMx")[0],
            Language::SPANISH_LATINO
        );
    }
}
