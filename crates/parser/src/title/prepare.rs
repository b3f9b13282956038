//! A release title made ready to read: refused when it is a hash or
//! garbage, turned round when it was reversed, and stripped of what cannot be
//! part of a movie's title (resolutions, codecs, sites' names).

use std::sync::LazyLock;

use regex::Regex;

use crate::quality::Quality;
use crate::quality_parser::parse_quality_name;
use crate::text::{remove_file_extension, strip_website_prefix, strip_website_suffixes};

/// Names that are a hash or an obfuscated name, never a release title.
static HASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[0-9a-zA-Z]{32}|^[a-z0-9]{24}$|^[A-Z]{11}\d{3}$|^[a-z]{12}\d{3}$|^Backup_\d{5,}S\d{2}-\d{2}$|^123$|(?i:^abc$|^abc[-_. ]xyz|^b00bs$)",
    )
    .expect("valid pattern")
});

/// A title written backwards (`p0801` is 1080p reversed).
static REVERSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[-._ ])(?:p027|p0801)[-._ ]").expect("valid pattern"));

/// Words that are never part of a title, removed before the title and year
/// are looked for. A match counts only when no letter a–b or digit follows.
static NOT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:480|540|576|720|1080|2160)[ip]|[xh][\W_]?26[45]|DD\W?5\W1|[<>?*]|848x480|1280x720|1920x1080|3840x2160|4096x2160|(?:8|10)b(?:it)?|10-bit",
    )
    .expect("valid pattern")
});

/// A bracketed tag at the end, which is dropped when it names a quality.
static TRAILING_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\[[a-z0-9 ._-]+\]$").expect("valid pattern"));

/// Whether a title can name a movie at all: not a hash or an obfuscated
/// name, not a password-protected post, not without a letter or digit.
pub(super) fn can_name_a_movie(title: &str) -> bool {
    let lower = title.to_lowercase();
    if lower.contains("password") && lower.contains("yenc") {
        return false;
    }
    if !title.chars().any(char::is_alphanumeric) {
        return false;
    }
    !HASHED.is_match(remove_file_extension(title))
}

/// The title the right way round: a reversed name is turned, its extension
/// kept at the end.
pub(super) fn unreversed(title: &str) -> String {
    if !REVERSED.is_match(title) {
        return title.to_string();
    }
    let name = remove_file_extension(title);
    let mut turned: String = name.chars().rev().collect();
    turned.push_str(&title[name.len()..]);
    turned
}

/// The release title: no extension, no dashes or underscores at the ends,
/// and CJK brackets as square ones.
pub(super) fn release_title(title: &str) -> String {
    remove_file_extension(title)
        .trim_matches(['-', '_'])
        .replace('【', "[")
        .replace('】', "]")
}

/// What the title and year are looked for in: the release title without
/// the words that cannot be part of a title, sites' names, and a trailing
/// quality tag.
pub(super) fn simple_title(release_title: &str) -> String {
    let mut simple = String::with_capacity(release_title.len());
    let mut last = 0;
    for m in NOT_TITLE.find_iter(release_title) {
        let next = release_title[m.end()..].chars().next();
        if next.is_some_and(|c| c.is_ascii_digit() || matches!(c, 'a' | 'b' | 'A' | 'B')) {
            continue;
        }
        simple.push_str(&release_title[last..m.start()]);
        last = m.end();
    }
    simple.push_str(&release_title[last..]);
    let simple = strip_website_suffixes(strip_website_prefix(&simple));
    match TRAILING_TAG.find(simple) {
        Some(tag) if parse_quality_name(tag.as_str()).quality != Quality::UNKNOWN => {
            simple[..tag.start()].to_string()
        }
        _ => simple.to_string(),
    }
}

/// The release title with the characters a file name cannot hold removed,
/// with the spaces before them (Radarr's `SimplifyReleaseTitle`).
pub fn simplify_release_title(release_title: &str) -> String {
    let mut out = String::with_capacity(release_title.len());
    for c in release_title.chars() {
        if matches!(c, '<' | '>' | '?' | '*' | '|') {
            let kept = out.trim_end().len();
            out.truncate(kept);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_garbage_are_refused() {
        assert!(!can_name_a_movie("185d86a343e39f3341e35c4dad3f9959"));
        assert!(!can_name_a_movie("ah63jka93jf0jh26ahjas961.mkv"));
        assert!(!can_name_a_movie("password - \"abc\" yEnc"));
        assert!(!can_name_a_movie("!!! ---"));
        assert!(can_name_a_movie("Movie.2018.720p.WEB-DL"));
    }

    #[test]
    fn reversed_titles_are_turned() {
        assert_eq!(unreversed("4102.eivoM.p0801.mkv"), "1080p.Movie.2014.mkv");
    }

    #[test]
    fn codecs_and_resolutions_are_not_title() {
        assert_eq!(
            simple_title("Movie.2018.1080p.BluRay.x264-GRP"),
            "Movie.2018..BluRay.-GRP"
        );
        assert_eq!(simple_title("Movie 2018 1080pA"), "Movie 2018 1080pA");
    }
}
