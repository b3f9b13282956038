//! Two-letter codes that count only in capitals (`EN`, `PL`, `DE`, …):
//! lower-case `en` or `de` is too often an ordinary word. A code next to
//! `SUB` (`PL-SUB`, `SUB.PL`) names subtitles, not audio, and is skipped;
//! `ES` after `DTS-` is the DTS-ES audio format.

use std::sync::LazyLock;

use regex::Regex;

use super::boundary::{ASCII_BOUNDARY, touches_foreign_letter};
use crate::language::Language;

static CODES: LazyLock<Regex> = LazyLock::new(|| {
    let b = ASCII_BOUNDARY;
    Regex::new(&format!("{b}(?:EN|LT|CZ|PL|BG|SK|DE|ES){b}")).expect("valid pattern")
});

/// The language of a code [`CODES`] matches.
fn language_of(code: &str) -> Option<Language> {
    Some(match code {
        "EN" => Language::ENGLISH,
        "LT" => Language::LITHUANIAN,
        "CZ" => Language::CZECH,
        "PL" => Language::POLISH,
        "BG" => Language::BULGARIAN,
        "SK" => Language::SLOVAK,
        "DE" => Language::GERMAN,
        "ES" => Language::SPANISH,
        _ => return None,
    })
}

/// Appends the language of each capitalised code in `title`, left to right.
pub(super) fn push_codes(title: &str, found: &mut Vec<Language>) {
    for code in CODES.find_iter(title) {
        // A code must stand alone: `ÜEN` is no `EN`.
        if touches_foreign_letter(title, code.start(), code.end()) {
            continue;
        }
        let (before, after) = (&title[..code.start()], &title[code.end()..]);
        if ends_with_sub_and_separator(before) || starts_with_separator_and_sub(after) {
            continue;
        }
        if code.as_str() == "ES" && ends_with_dts_and_separator(before) {
            continue;
        }
        found.extend(language_of(code.as_str()));
    }
}

/// `…SUB.` (any case) just before a code: the code is the subtitles'.
fn ends_with_sub_and_separator(before: &str) -> bool {
    // The code starts a word, so whatever character precedes it is a
    // separator; only the three before that matter.
    let mut chars = before.chars();
    chars.next_back().is_some() && ends_with_ignore_case(chars.as_str(), "sub")
}

/// `.SUB…` (any case) just after a code.
fn starts_with_separator_and_sub(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next().is_some() && starts_with_ignore_case(chars.as_str(), "sub")
}

/// `DTS-ES`, `DTS.ES`, `DTS ES`, `DTS_ES`: capital `DTS` only.
fn ends_with_dts_and_separator(before: &str) -> bool {
    let mut chars = before.chars();
    matches!(chars.next_back(), Some('.' | '_' | ' ' | '-')) && chars.as_str().ends_with("DTS")
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(title: &str) -> Vec<Language> {
        let mut found = Vec::new();
        push_codes(title, &mut found);
        found
    }

    #[test]
    fn capital_codes_count_lower_case_ones_do_not() {
        assert_eq!(codes("Movie 1994 EN 1080p"), [Language::ENGLISH]);
        assert_eq!(codes("Movie.2010.En.1080p"), []);
        assert_eq!(codes("Movie.2016.HU-IT-DE.AAC"), [Language::GERMAN]);
    }

    #[test]
    fn codes_run_on_to_letters_of_any_script_do_not_count() {
        assert_eq!(codes("Movie.ÜEN.x"), []);
        assert_eq!(codes("Movie–EN–x"), [Language::ENGLISH]);
    }

    #[test]
    fn codes_beside_sub_name_subtitles() {
        assert_eq!(codes("Movie.1994.PL-SUB.1080p"), []);
        assert_eq!(codes("Movie.1994.SUB-PL.1080p"), []);
        assert_eq!(codes("Movie.1994.sub.PL.1080p"), []);
        assert_eq!(codes("Movie.1994.PL.1080p"), [Language::POLISH]);
    }

    #[test]
    fn dts_es_is_audio() {
        assert_eq!(codes("Movie.DTS-ES.1080p"), []);
        assert_eq!(codes("Movie AVC ES DTS-HD"), [Language::SPANISH]);
    }
}
