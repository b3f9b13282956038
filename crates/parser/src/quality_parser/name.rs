//! The quality a title's words name (Radarr's `ParseQualityName`): the last
//! source word, the first resolution word and the modifiers, resolved in
//! Radarr's order of rules to one of its qualities.

use std::sync::LazyLock;

use regex::Regex;

use super::DetectionSource::{self, Extension, Name, Unknown};
use super::ParsedQuality;
use super::disc::{contains_ignore_case, is_br_disk, is_remux, says_mpeg2, says_raw_hd};
use super::extension::{find_quality, path_extension, quality_for_extension};
use super::resolution::{Codec, Resolution, parse_codec, parse_resolution};
use super::revision::parse_revision;
use super::source::{SourceTag, last_source};
use crate::quality::{Modifier, Quality, QualitySource};

/// Anime Blu-ray tags: `BD1080`, or `BD` between separators (`[BD]`, `(BD `).
static ANIME_BLURAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)bd(?:720|1080|2160)|[-_. (\[]bd[-_. )\]]").expect("valid pattern")
});

/// Anime web tags: `[Web]`, `[WEB 1080p …]`, `(WEB 1080p …)`.
static ANIME_WEB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\[WEB\]|[\[(]WEB[ .]").expect("valid pattern"));

/// "HR.WS": a high-resolution widescreen PDTV capture, i.e. 720p.
static HIGH_DEF_PDTV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)hr[-_. ]ws").expect("valid pattern"));

/// "HD TV" or "SD TV" written as two words.
static OTHER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<hdtv>HD[-_. ]TV)|(?P<sdtv>SD[-_. ]TV)").expect("valid pattern")
});

/// What the words of `name` (trimmed) say; `Quality::UNKNOWN` when they say
/// nothing.
pub(super) fn parse_quality_name(name: &str) -> ParsedQuality {
    let normalized = name.replace('_', " ");
    let normalized = normalized.trim();
    let mut result = ParsedQuality {
        revision: parse_revision(name, normalized),
        ..ParsedQuality::default()
    };
    let (quality, source_from, resolution_from) = resolve(name, normalized);
    result.quality = quality;
    result.source_detected_from = source_from;
    result.resolution_detected_from = resolution_from;
    if quality.modifier != Modifier::None {
        result.modifier_detected_from = DetectionSource::Name;
    }
    result
}

/// A quality with where its source and its resolution were read from.
type Resolved = (Quality, DetectionSource, DetectionSource);

fn resolve(name: &str, text: &str) -> Resolved {
    let source = last_source(text);
    let resolution = parse_resolution(text);
    let remux = is_remux(text);

    if says_raw_hd(text) && !is_br_disk(text) {
        return (Quality::RAW_HD, Name, Name);
    }
    let resolution_from = if resolution == Resolution::Unknown {
        Unknown
    } else {
        Name
    };

    if let Some(source) = source {
        let quality = by_source(source, name, text, resolution, remux);
        return (quality, Name, resolution_from);
    }

    // A remux with a resolution and no source word is a Blu-ray remux; there
    // is no 480p or 720p remux, so those are plain Blu-ray.
    if remux {
        let quality = match resolution {
            Resolution::R480 => Some(Quality::BLURAY_480P),
            Resolution::R720 => Some(Quality::BLURAY_720P),
            Resolution::R1080 => Some(Quality::REMUX_1080P),
            Resolution::R2160 => Some(Quality::REMUX_2160P),
            _ => None,
        };
        if let Some(quality) = quality {
            return (quality, Unknown, resolution_from);
        }
    }

    if ANIME_BLURAY.is_match(text) {
        return anime_bluray(text, resolution, remux, resolution_from);
    }
    if ANIME_WEB.is_match(text) {
        return anime_web(text, resolution, resolution_from);
    }
    if resolution != Resolution::Unknown {
        return by_resolution(name, resolution, remux);
    }
    fallbacks(text)
}

/// The quality of a title with a source word, by Radarr's rules for it.
fn by_source(
    source: SourceTag,
    name: &str,
    text: &str,
    resolution: Resolution,
    remux: bool,
) -> Quality {
    use SourceTag as S;
    match source {
        S::Bluray => bluray(text, resolution, remux),
        S::WebDl => match resolution {
            Resolution::R2160 => Quality::WEBDL_2160P,
            Resolution::R1080 => Quality::WEBDL_1080P,
            Resolution::R720 => Quality::WEBDL_720P,
            _ if name.contains("[WEBDL]") => Quality::WEBDL_720P,
            _ => Quality::WEBDL_480P,
        },
        S::WebRip => match resolution {
            Resolution::R2160 => Quality::WEBRIP_2160P,
            Resolution::R1080 => Quality::WEBRIP_1080P,
            Resolution::R720 => Quality::WEBRIP_720P,
            _ => Quality::WEBRIP_480P,
        },
        S::Screener => Quality::DVDSCR,
        S::Cam => Quality::CAM,
        // Radarr keeps a telesync's resolution on the quality itself.
        S::Telesync => Quality {
            resolution: resolution.lines(),
            ..Quality::TELESYNC
        },
        S::Telecine => Quality::TELECINE,
        S::Workprint => Quality::WORKPRINT,
        S::Regional => Quality::REGIONAL,
        S::Hdtv => match resolution {
            _ if says_mpeg2(text) => Quality::RAW_HD,
            Resolution::R2160 => Quality::HDTV_2160P,
            Resolution::R1080 => Quality::HDTV_1080P,
            Resolution::R720 => Quality::HDTV_720P,
            _ if name.contains("[HDTV]") => Quality::HDTV_720P,
            _ => Quality::SDTV,
        },
        S::BdRip | S::BrRip => match resolution {
            Resolution::R720 => Quality::BLURAY_720P,
            Resolution::R1080 => Quality::BLURAY_1080P,
            Resolution::R2160 => Quality::BLURAY_2160P,
            Resolution::R576 => Quality::BLURAY_576P,
            _ => Quality::BLURAY_480P,
        },
        S::DvdR => Quality::DVD_R,
        S::Dvd => Quality::DVD,
        S::Pdtv | S::Sdtv | S::Dsr | S::TvRip => {
            if resolution == Resolution::R1080 || contains_ignore_case(text, "1080p") {
                Quality::HDTV_1080P
            } else if resolution == Resolution::R720
                || contains_ignore_case(text, "720p")
                || HIGH_DEF_PDTV.is_match(text)
            {
                Quality::HDTV_720P
            } else {
                Quality::SDTV
            }
        }
    }
}

fn bluray(text: &str, resolution: Resolution, remux: bool) -> Quality {
    if is_br_disk(text) {
        return Quality::BR_DISK;
    }
    if parse_codec(text).is_sd_encode() {
        return Quality::BLURAY_480P;
    }
    match resolution {
        Resolution::R2160 if remux => Quality::REMUX_2160P,
        Resolution::R2160 => Quality::BLURAY_2160P,
        Resolution::R1080 if remux => Quality::REMUX_1080P,
        Resolution::R1080 => Quality::BLURAY_1080P,
        Resolution::R576 => Quality::BLURAY_576P,
        Resolution::R360 | Resolution::R480 | Resolution::R540 => Quality::BLURAY_480P,
        // A remux of unknown resolution is taken for 1080p; a 720p one stays
        // Blu-ray 720p, as there is no 720p remux.
        Resolution::Unknown if remux => Quality::REMUX_1080P,
        _ => Quality::BLURAY_720P,
    }
}

fn anime_bluray(
    text: &str,
    resolution: Resolution,
    remux: bool,
    resolution_from: DetectionSource,
) -> Resolved {
    if resolution.is_sd() || contains_ignore_case(text, "480p") {
        return (Quality::DVD, Name, Name);
    }
    if resolution == Resolution::R1080 || contains_ignore_case(text, "1080p") {
        let quality = if remux {
            Quality::REMUX_1080P
        } else {
            Quality::BLURAY_1080P
        };
        return (quality, Name, Name);
    }
    if resolution == Resolution::R2160 || contains_ignore_case(text, "2160p") {
        let quality = if remux {
            Quality::REMUX_2160P
        } else {
            Quality::BLURAY_2160P
        };
        return (quality, Name, Name);
    }
    let quality = if remux && resolution != Resolution::R720 {
        Quality::REMUX_1080P
    } else {
        Quality::BLURAY_720P
    };
    (quality, Name, resolution_from)
}

fn anime_web(text: &str, resolution: Resolution, resolution_from: DetectionSource) -> Resolved {
    if resolution.is_sd() || contains_ignore_case(text, "480p") {
        return (Quality::WEBDL_480P, Name, Name);
    }
    if resolution == Resolution::R1080 || contains_ignore_case(text, "1080p") {
        return (Quality::WEBDL_1080P, Name, Name);
    }
    if resolution == Resolution::R2160 || contains_ignore_case(text, "2160p") {
        return (Quality::WEBDL_2160P, Name, Name);
    }
    (Quality::WEBDL_720P, Name, resolution_from)
}

/// A resolution and no source word: the source is a remux's Blu-ray, else
/// what the extension says, else television.
fn by_resolution(name: &str, resolution: Resolution, remux: bool) -> Resolved {
    let (source, modifier, source_from) = if remux {
        (QualitySource::Bluray, Modifier::Remux, Name)
    } else {
        match quality_for_extension(path_extension(name)) {
            q if q == Quality::UNKNOWN => (QualitySource::Unknown, Modifier::None, Unknown),
            q => (q.source, Modifier::None, Extension),
        }
    };
    let (lines, television) = match resolution {
        Resolution::R2160 => (2160, Quality::HDTV_2160P),
        Resolution::R1080 => (1080, Quality::HDTV_1080P),
        Resolution::R720 => (720, Quality::HDTV_720P),
        _ => (480, Quality::SDTV),
    };
    let quality = if source == QualitySource::Unknown {
        television
    } else {
        find_quality(source, lines, modifier)
    };
    (quality, source_from, Name)
}

/// Neither source nor resolution word: the last hints Radarr looks for.
fn fallbacks(text: &str) -> Resolved {
    if parse_codec(text) == Codec::X264 {
        return (Quality::SDTV, Unknown, Unknown);
    }
    if contains_ignore_case(text, "848x480") {
        // Radarr looks for a lower-case "dvd" here.
        return if text.contains("dvd") {
            (Quality::DVD, Name, Name)
        } else if contains_ignore_case(text, "bluray") {
            (Quality::BLURAY_480P, Name, Name)
        } else {
            (Quality::SDTV, Unknown, Name)
        };
    }
    for (size, bluray, television) in [
        ("1280x720", Quality::BLURAY_720P, Quality::HDTV_720P),
        ("1920x1080", Quality::BLURAY_1080P, Quality::HDTV_1080P),
    ] {
        if contains_ignore_case(text, size) {
            return if contains_ignore_case(text, "bluray") {
                (bluray, Name, Name)
            } else {
                (television, Unknown, Name)
            };
        }
    }
    for (word, quality) in [
        ("bluray720p", Quality::BLURAY_720P),
        ("bluray1080p", Quality::BLURAY_1080P),
        ("bluray2160p", Quality::BLURAY_2160P),
    ] {
        if contains_ignore_case(text, word) {
            return (quality, Name, Name);
        }
    }
    if let Some(caps) = OTHER_SOURCE.captures(text) {
        let quality = if caps.name("sdtv").is_some() {
            Quality::SDTV
        } else {
            Quality::HDTV_720P
        };
        return (quality, Name, Unknown);
    }
    (Quality::UNKNOWN, Unknown, Unknown)
}
