//! Which copy of a release a title is: PROPER, REPACK/RERIP (with an
//! optional number), an anime `v2`, and how many times it says REAL.

use std::sync::LazyLock;

use regex::Regex;

use crate::quality::Revision;

/// An explicit version: `01v2 `, `2018 v2 `, `[v2]`, `REPACK2`, `RERIP3`.
static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d[-._ ]?v(\d)[-._ ]|\[v(\d)\]|repack(\d)|rerip(\d)").expect("valid pattern")
});

static PROPER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bproper\b").expect("valid pattern"));

static REPACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:repack\d?|rerip\d?)\b").expect("valid pattern"));

/// Only the upper-case word counts: "The Real Housewives" is a title.
static REAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bREAL\b").expect("valid pattern"));

/// The revision `name` states; `normalized` is `name` with underscores as
/// spaces, which every test but REAL reads.
pub(super) fn parse_revision(name: &str, normalized: &str) -> Revision {
    let mut revision = Revision::default();
    let version = explicit_version(normalized);
    if let Some(version) = version {
        revision.version = version;
    }
    // A PROPER or REPACK is one past the version it names, or the second.
    let next = version.map_or(2, |v| v + 1);
    if PROPER.is_match(normalized) {
        revision.version = next;
    }
    if REPACK.is_match(normalized) {
        revision.version = next;
        revision.is_repack = true;
    }
    let real = REAL.find_iter(name).count();
    revision.real = i32::try_from(real).unwrap_or(i32::MAX);
    revision
}

/// The first explicit version number, if any.
fn explicit_version(text: &str) -> Option<i32> {
    let caps = VERSION.captures(text)?;
    let digit = caps.iter().skip(1).flatten().next()?;
    digit.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revision(name: &str) -> Revision {
        parse_revision(name, &name.replace('_', " "))
    }

    #[test]
    fn numbered_repacks_count_on_from_their_number() {
        let r = revision("Movie.Title.2018.REPACK2.720p.HDTV.x264-aAF");
        assert_eq!((r.version, r.is_repack), (3, true));
        let r = revision("Movie.Title.2018.RERIP.720p.BluRay.x264-DEMAND");
        assert_eq!((r.version, r.is_repack), (2, true));
        let r = revision("Movie.Title.2018.PROPER.720p.HDTV.x264-aAF");
        assert_eq!((r.version, r.is_repack), (2, false));
    }

    #[test]
    fn anime_versions() {
        assert_eq!(
            revision("[SubsPlease] Anime - 01v2 (1080p) [B1F227CF]").version,
            2
        );
        assert_eq!(revision("Anime - 2018 v2 - (BD 1080p)").version, 2);
        assert_eq!(revision("[Group] Anime - 07 [v3][848x480]").version, 3);
        assert_eq!(revision("[coldhell] Movie v3 [BD720p]").version, 1);
    }

    #[test]
    fn real_is_counted_case_sensitively() {
        assert_eq!(revision("Movie.REAL.REAL.PROPER.HDTV").real, 2);
        assert_eq!(revision("Movie.real.proper.720p").real, 0);
        assert_eq!(revision("The Real Movie - S01E01").real, 0);
    }
}
