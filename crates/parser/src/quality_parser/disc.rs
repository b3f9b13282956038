//! What a title says of how a disc was copied: a remux, a whole-disc image
//! (BR-DISK), or a raw broadcast stream (Raw-HD).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::is_word;

/// `REMUX`, `BDRemux`, `UHDRemux`, `Hybrid-REMUX`, `2160p-Remux` or
/// `Remux-1080p`; a `-Remux` glued to a group name ("x264-DHD-Remux") is not.
static REMUX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:[_. \[]|\d{4}p-|\bHybrid-)(?:(?:BD|UHD)[-_. ]?)?Remux\b",
        r"|(?:(?:BD|UHD)[-_. ]?)?Remux[_. ]\d{4}p",
    ))
    .expect("valid pattern")
});

/// The codec words of an untouched disc stream.
const DISC_CODEC: &str = r"\b(?:AVC|HEVC|VC[-_. ]?1|MVC|MPEG[-_. ]?2)";

/// A year (or other four digits) and, after it, "German".
static DIGITS_THEN_GERMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\d{4}.*?german").expect("valid pattern"));

static DISC_CODEC_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){DISC_CODEC}")).expect("valid pattern"));

static BLURAY_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)blu-?ray").expect("valid pattern"));

/// Whether `text` names a remux. German scene releases name none: a German
/// Blu-ray release with a disc codec and no encoder counts as one.
pub(super) fn is_remux(text: &str) -> bool {
    REMUX.is_match(text) || is_german_remux(text)
}

/// Four digits, then "German", then both a disc codec word and "Blu-ray".
fn is_german_remux(text: &str) -> bool {
    let Some(german) = DIGITS_THEN_GERMAN.find(text) else {
        return false;
    };
    // `find_at` keeps the text before the German in view for `\b`.
    DISC_CODEC_WORD.find_at(text, german.end()).is_some()
        && BLURAY_WORD.find_at(text, german.end()).is_some()
}

/// Words that show a release is an encode or a file, never a disc image.
static NOT_A_DISC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:BDRip|720p|MKV|XviD|WMV|d3g|(?:BD)?REMUX|[xh][-_. ]?26[45])\b",
        r"|\bGerman.*[DM]L\b",
    ))
    .expect("valid pattern")
});

/// A German release with a disc codec after its year is a remux, not a disc.
static GERMAN_AFTER_YEAR_WITH_CODEC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\d{{4}}\W.*German.*{DISC_CODEC}\b")).expect("valid pattern")
});

static DVD_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bDVD\b").expect("valid pattern"));

static DISC_SOURCE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:Blu[-_. ]?ray|BD|HD[-_. ]?DVD)\b").expect("valid pattern")
});

static DISC_FORMAT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i){DISC_CODEC}\b|\b(?:BDMV|ISO)\b")).expect("valid pattern")
});

static WHOLE_DISC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:3D[-_. ]?BD|BR[-_. ]?DISK|Full[-_. ]?Blu[-_. ]?ray)\b")
        .expect("valid pattern")
});

static COMPLETE_OR_DISC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bCOMPLETE|\bDis[ck]\b").expect("valid pattern"));

static BLURAY_OR_HDDVD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)Blu[-_. ]?ray|HD[-_. ]?DVD").expect("valid pattern"));

static DISC_SIZE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:BD|UHD)[-_. ]?(?:25|50|66|100|ISO)").expect("valid pattern")
});

/// Whether `text` names a whole Blu-ray or HD DVD disc (Radarr's BR-DISK).
pub(super) fn is_br_disk(text: &str) -> bool {
    !looks_like_an_encode(text) && names_a_disc(text)
}

fn looks_like_an_encode(text: &str) -> bool {
    let starts_with_word = text.chars().next().is_some_and(is_word);
    NOT_A_DISC.is_match(text)
        || has_plain_dvd(text)
        // Radarr anchors this test at the start, so it needs a leading word.
        || (starts_with_word && contains_ignore_case(text, "1080p") && contains_ignore_case(text, "hevc"))
        || GERMAN_AFTER_YEAR_WITH_CODEC.is_match(text)
}

/// A "DVD" word that is not the second half of "HD DVD".
fn has_plain_dvd(text: &str) -> bool {
    DVD_WORD.find_iter(text).any(|m| {
        let before = &text.as_bytes()[..m.start()];
        let after_hd = |end: usize| end >= 2 && before[end - 2..end].eq_ignore_ascii_case(b"hd");
        let n = before.len();
        !(after_hd(n)
            || (n >= 1 && matches!(before[n - 1], b'.' | b'_' | b' ' | b'-') && after_hd(n - 1)))
    })
}

fn names_a_disc(text: &str) -> bool {
    if DISC_SOURCE_WORD.is_match(text) && DISC_FORMAT_WORD.is_match(text) {
        return true;
    }
    if WHOLE_DISC_WORD.is_match(text) {
        return true;
    }
    if COMPLETE_OR_DISC.is_match(text) && BLURAY_OR_HDDVD.is_match(text) {
        return true;
    }
    // Radarr anchors the disc-size test at the start, so it needs a leading word.
    text.chars().next().is_some_and(is_word) && DISC_SIZE.is_match(text)
}

static RAW_HD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:RawHD|Raw[-_. ]HD)\b").expect("valid pattern"));

/// An MPEG-2 broadcast; Radarr matches this one case-sensitively.
static MPEG2: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bMPEG[-_. ]?2\b").expect("valid pattern"));

/// Whether `text` says "RawHD".
pub(super) fn says_raw_hd(text: &str) -> bool {
    RAW_HD.is_match(text)
}

/// Whether `text` names an MPEG-2 stream, as an HDTV capture in Raw-HD has.
pub(super) fn says_mpeg2(text: &str) -> bool {
    MPEG2.is_match(text)
}

/// ASCII case-insensitive substring test, as .NET's `ContainsIgnoreCase`
/// does for the ASCII words it is asked about.
pub(super) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return true;
    }
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remux_words() {
        assert!(is_remux("Movie.2016.REMUX.1080p.BluRay"));
        assert!(is_remux("Movie 2022 (BDRemux 1080p HEVC FLAC)"));
        assert!(is_remux("Movie 2018 1080p BluRay Hybrid-REMUX AVC"));
        assert!(is_remux("My movie 2160p-Remux"));
        assert!(!is_remux("Movie.HR.WS.PDTV.x264-DHD-Remux.mkv"));
        assert!(!is_remux("[RandomRemux] Movie - 01 [720p BD]"));
    }

    #[test]
    fn german_disc_codec_releases_are_remuxes() {
        assert!(is_remux("This.Movie.1991.German.ML.1080p.BluRay.AVC-GRP"));
        // "German" before the year is a title word.
        assert!(!is_remux("The German 2021 Bluray AVC"));
        // No Blu-ray, no remux.
        assert!(!is_remux("Movie.2024.German.DL.1080p.WEB.AVC-GRP"));
    }

    #[test]
    fn whole_discs() {
        assert!(is_br_disk(
            "Movie Title 2014 1080p Blu-ray AVC DTS-HD MA 5.1-PTP"
        ));
        assert!(is_br_disk("Movie.Title.2005.MULTi.COMPLETE.BLURAY-VLS"));
        assert!(is_br_disk("Movie.Title.2013.BDISO"));
        assert!(is_br_disk("Movie.Title.1997.1080p.NL.BD-50"));
        assert!(is_br_disk("Movie Title 2009 3D BD 2009 UNTOUCHED"));
        assert!(is_br_disk(
            "Random.Title.2010.1080p.HD.DVD.AVC.DDP.5.1-GRouP"
        ));
        assert!(is_br_disk("The German 2021 Bluray AVC"));
    }

    #[test]
    fn encodes_are_not_discs() {
        assert!(!is_br_disk("Movie.2016.REMUX.1080p.BluRay.AVC"));
        assert!(!is_br_disk("Movie.2014.1080p.BluRay.AVC.x264"));
        assert!(!is_br_disk("Movie.2010.1080p.Blu-ray.DVD.AVC"));
        assert!(!is_br_disk("Movie.1991.German.ML.1080p.BluRay.AVC"));
        assert!(!is_br_disk("Movie.2020.1080p.BluRay.HEVC"));
        assert!(!is_br_disk("Movie.2020.BluRay.AC3"));
    }

    #[test]
    fn mpeg2_is_case_sensitive() {
        assert!(says_mpeg2("Movie.1080i.HDTV.DD5.1.MPEG2"));
        assert!(!says_mpeg2("Movie.1080i.HDTV.mpeg2"));
    }
}
