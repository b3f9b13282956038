//! Language words, codes and tags matched without regard to case (`ita`,
//! `VOSTFR`-style `VFF`, `Castellano`, `2xUkr`, `PLDUB`), each where it
//! stands in the title, left to right.

use std::sync::LazyLock;

use regex::Regex;

use super::boundary::{ASCII_BOUNDARY, touches_foreign_letter};
use crate::language::Language;

/// How a language is written.
enum Form {
    /// Whole words only: a word (here and there a small pattern, as in
    /// `PL\W?DUB`) may not run on into letters or digits.
    Words(&'static [&'static str]),
    /// A pattern of its own, for tags that may touch other text.
    Pattern(&'static str),
}

use Form::{Pattern, Words};

/// Each language's forms. Where two could start at the same place the
/// earlier entry wins, as in Radarr; the order also keeps `Ger.Dub` one
/// match rather than `Ger` plus a stray `Dub`.
const FORMS: [(Language, Form); 27] = [
    (Language::ENGLISH, Words(&["eng"])),
    (Language::ITALIAN, Words(&["ita", "italian"])),
    (
        Language::GERMAN,
        Pattern(r"(?:swiss)?german\b|videomann|ger[. ]dub|\bger\b"),
    ),
    (Language::FLEMISH, Pattern("flemish")),
    (Language::BULGARIAN, Pattern("bgaudio")),
    (Language::ROMANIAN, Pattern("rodubbed")),
    (Language::PORTUGUESE_BR, Words(&["dublado", "pt-BR"])),
    (Language::GREEK, Pattern("greek")),
    (
        Language::FRENCH,
        Words(&[
            "FR",
            "VO",
            "VF",
            "VFF",
            "VFQ",
            "VFI",
            "VF2",
            "TRUEFRENCH",
            "FRENCH",
            "FRE",
            "FRA",
        ]),
    ),
    (Language::RUSSIAN, Words(&["rus", "ru"])),
    (Language::HUNGARIAN, Words(&["HUNDUB", "HUN"])),
    (Language::HEBREW, Words(&["HebDub", "HebDubbed"])),
    // Polish dubs and voice-overs (`lektor`); `PLSUB` is not among them.
    (
        Language::POLISH,
        Words(&[r"PL\W?DUB", r"DUB\W?PL", r"LEK\W?PL", r"PL\W?LEK"]),
    ),
    (
        Language::CHINESE,
        Pattern(r"\[(?:CH[ST]|BIG5|GB)\]|简|繁|字幕"),
    ),
    // `2xUkr`: two Ukrainian tracks.
    (Language::UKRAINIAN, Pattern(r"(?:\dx)?ukr")),
    (Language::SPANISH, Words(&["español", "castellano"])),
    (
        Language::CATALAN,
        Words(&["catalan", "catala", "catalán", "català"]),
    ),
    (Language::LATVIAN, Words(&["lat", "lav", "lv"])),
    (Language::TELUGU, Words(&["tel"])),
    (Language::VIETNAMESE, Words(&["VIE"])),
    (Language::JAPANESE, Words(&["JAP"])),
    (Language::KOREAN, Words(&["KOR"])),
    (Language::URDU, Words(&["urdu"])),
    (
        Language::ROMANSH,
        Words(&["romansh", "rumantsch", "romansch"]),
    ),
    (Language::MONGOLIAN, Words(&["mongolian", "khalkha"])),
    (Language::GEORGIAN, Words(&["georgian", "geo", "ka", "kat"])),
    (Language::ORIGINAL, Words(&["orig", "original"])),
];

/// All forms in one pattern, one capture group per entry of [`FORMS`],
/// with `boundary` for each `\b`.
fn pattern(boundary: &str) -> String {
    let alternatives: Vec<String> = FORMS
        .iter()
        .map(|(_, form)| match form {
            Words(words) => {
                let bounded: Vec<String> = words
                    .iter()
                    .map(|word| bounded_word(word, boundary))
                    .collect();
                format!("({})", bounded.join("|"))
            }
            Pattern(pattern) => format!("({})", pattern.replace(r"\b", boundary)),
        })
        .collect();
    format!("(?i){}", alternatives.join("|"))
}

/// `word` between boundaries. An ASCII boundary beside a non-ASCII letter
/// would wrongly need an ASCII letter on the far side (`català` then `x`),
/// so it is left out there and [`needs_exact`] looks at that end instead.
fn bounded_word(word: &str, boundary: &str) -> String {
    let ascii = boundary == ASCII_BOUNDARY;
    let start = if ascii && !word.starts_with(|c: char| c.is_ascii()) {
        ""
    } else {
        boundary
    };
    let end = if ascii && !word.ends_with(|c: char| c.is_ascii()) {
        ""
    } else {
        boundary
    };
    format!("{start}{word}{end}")
}

/// The forms with ASCII word boundaries: fast on any title, and right on
/// every title where no match touches a non-ASCII letter.
static FAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&pattern(ASCII_BOUNDARY)).expect("valid pattern"));

/// The forms with Unicode word boundaries, for the few titles where a
/// match touches a non-ASCII letter (`Castellano` beside a Cyrillic word).
static EXACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&pattern(r"\b")).expect("valid pattern"));

/// Appends the language of each form found in `title`, left to right.
pub(super) fn push_words(title: &str, found: &mut Vec<Language>) {
    let before = found.len();
    if !read(&FAST, title, found, !title.is_ascii()) {
        found.truncate(before);
        read(&EXACT, title, found, false);
    }
}

/// Reads `title` with `words`; with `check`, gives up (returning false)
/// at a match the two kinds of boundary might read differently.
fn read(words: &Regex, title: &str, found: &mut Vec<Language>, check: bool) -> bool {
    let mut locations = words.capture_locations();
    let mut at = 0;
    let mut previous_end = None;
    while at <= title.len() {
        let Some(whole) = words.captures_read_at(&mut locations, title, at) else {
            break;
        };
        // The group that took part names the entry; exactly one does.
        let entry = (1..=FORMS.len()).find(|&group| locations.get(group).is_some());
        if let Some(entry) = entry {
            let (language, form) = &FORMS[entry - 1];
            if check && needs_exact(form, title, whole.start(), whole.end()) {
                return false;
            }
            let language = *language;
            // Radarr reads `eng` together with the character before it, so
            // an `eng` right after another match (`[CHS]eng`) is not read.
            let touches_previous = previous_end == Some(whole.start()) && whole.start() > 0;
            if !(language == Language::ENGLISH && touches_previous) {
                found.push(language);
            }
        }
        previous_end = Some(whole.end());
        // No form matches empty text, so this moves on.
        at = whole.end();
    }
    true
}

/// Whether a match of `form` at `start..end` might read differently with
/// Unicode boundaries than with the ASCII ones it was found with.
fn needs_exact(form: &Form, title: &str, start: usize, end: usize) -> bool {
    let text = &title[start..end];
    match form {
        // Its boundaries sit beside its first and last letters.
        Words(_) => {
            !text.starts_with(|c: char| c.is_ascii())
                || !text.ends_with(|c: char| c.is_ascii())
                || touches_foreign_letter(title, start, end)
        }
        // Those with boundaries have them beside ASCII letters of their
        // own; the rest (`flemish`, `简`) have none.
        Pattern(pattern) => pattern.contains(r"\b") && touches_foreign_letter(title, start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(title: &str) -> Vec<Language> {
        let mut found = Vec::new();
        push_words(title, &mut found);
        found
    }

    #[test]
    fn forms_are_read_left_to_right() {
        assert_eq!(
            words("Movie.2016.ENG-ITA-FRE.AAC"),
            [Language::ENGLISH, Language::ITALIAN, Language::FRENCH]
        );
        assert_eq!(
            words("Movie 2006 2xUkr | Sub Ukr"),
            [Language::UKRAINIAN; 2]
        );
    }

    #[test]
    fn words_must_stand_alone() {
        assert_eq!(words("Movie.SUBFRENCH.1080p"), []);
        assert_eq!(words("Movie.PLSUB.1080p"), []);
        assert_eq!(words("Movie.PL-DUB.1080p"), [Language::POLISH]);
        assert_eq!(words("Movie.SwissGerman.WEB"), [Language::GERMAN]);
    }

    #[test]
    fn words_beside_foreign_letters() {
        assert_eq!(
            words("Фильм.RUS.Eng"),
            [Language::RUSSIAN, Language::ENGLISH]
        );
        assert_eq!(words("éita.ENG"), [Language::ENGLISH]);
        assert_eq!(
            words("[català-español]"),
            [Language::CATALAN, Language::SPANISH]
        );
        assert_eq!(words("catalàx catalán"), [Language::CATALAN]);
        assert_eq!(words("[简繁字幕]"), [Language::CHINESE; 3]);
    }

    /// The fast reading must agree with the exact one on any title; these
    /// mix form fragments with non-ASCII letters and separators.
    #[test]
    fn the_fast_reading_agrees_with_the_exact_one() {
        let pieces = [
            "eng", "ita", "ger", "german", "català", "catalán", "español", "ru", "ukr", "2x",
            "[CHS]", "简", "é", "Ж", "x", ".", "-", " ", "–", "dub", "PL", "orig", "ka", "t",
        ];
        let mut seed: u64 = 7;
        for _ in 0..3000 {
            let mut title = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                title.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let mut exact = Vec::new();
            read(&EXACT, &title, &mut exact, false);
            assert_eq!(words(&title), exact, "{title}");
        }
    }

    #[test]
    fn eng_right_after_another_match_is_not_read() {
        assert_eq!(words("Movie [CHS]eng"), [Language::CHINESE]);
        assert_eq!(
            words("Movie [CHS].eng"),
            [Language::CHINESE, Language::ENGLISH]
        );
    }
}
