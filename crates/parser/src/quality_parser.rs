//! A release's quality: source, resolution and modifier resolved to one of
//! Radarr's qualities, and its revision (PROPER, REPACK, REAL, vN).

mod disc;
mod extension;
mod name;
mod resolution;
mod revision;
mod source;

use crate::quality::{Quality, QualityModel, Revision};

/// Where a part of the quality was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetectionSource {
    /// Nothing said it.
    #[default]
    Unknown,
    /// The title's words.
    Name,
    /// The file's extension.
    Extension,
}

impl DetectionSource {
    /// Radarr's name for it, lower-cased: `unknown`, `name`, `extension`.
    pub fn as_str(self) -> &'static str {
        match self {
            DetectionSource::Unknown => "unknown",
            DetectionSource::Name => "name",
            DetectionSource::Extension => "extension",
        }
    }
}

/// A quality as read from a title, with where each part came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParsedQuality {
    /// One of Radarr's qualities.
    pub quality: Quality,
    /// PROPER, REPACK, REAL and version.
    pub revision: Revision,
    /// Where the source was read from.
    pub source_detected_from: DetectionSource,
    /// Where the resolution was read from.
    pub resolution_detected_from: DetectionSource,
    /// Where the modifier was read from.
    pub modifier_detected_from: DetectionSource,
}

impl ParsedQuality {
    /// The quality and revision, as files and releases carry them.
    pub fn model(&self) -> QualityModel {
        QualityModel {
            quality: self.quality,
            revision: self.revision,
        }
    }
}

/// The quality a title's words name, without looking at its extension: for
/// telling a bracketed quality tag (`[Bluray-1080p]`) from part of a title.
pub(crate) fn parse_quality_name(name: &str) -> ParsedQuality {
    name::parse_quality_name(crate::text::bounded(name).trim())
}

/// Reads the quality of a release title or file name, as Radarr's
/// `QualityParser.ParseQuality` does: from its words, or, when they name no
/// quality, from its file extension. Text that names none (a trailing
/// `[Dual Audio]`, say) gives `Quality::UNKNOWN`.
pub fn parse_quality(name: &str) -> ParsedQuality {
    let name = crate::text::bounded(name).trim();
    let mut result = name::parse_quality_name(name);
    // Radarr skips the extension when the name cannot be a path; on the
    // systems it runs on that is only a NUL.
    if result.quality == Quality::UNKNOWN && !name.contains('\0') {
        result.quality = extension::quality_for_extension(extension::path_extension(name));
        result.source_detected_from = DetectionSource::Extension;
        result.resolution_detected_from = DetectionSource::Extension;
        result.modifier_detected_from = DetectionSource::Extension;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_that_is_no_quality_is_unknown() {
        assert_eq!(parse_quality("Dual Audio").quality, Quality::UNKNOWN);
        assert_eq!(parse_quality("").quality, Quality::UNKNOWN);
        assert_eq!(parse_quality("BD 1080p").quality, Quality::BLURAY_1080P);
    }

    #[test]
    fn the_extension_speaks_only_when_the_name_is_silent() {
        let q = parse_quality("Movie.Title.S01E02.Chained.Heat.avi");
        assert_eq!(q.quality, Quality::SDTV);
        assert_eq!(q.source_detected_from, DetectionSource::Extension);
        let q = parse_quality("Movie.Name.S01E02.Chained.Heat.1080p.mkv");
        assert_eq!(q.quality, Quality::WEBDL_1080P);
        assert_eq!(q.source_detected_from, DetectionSource::Extension);
        assert_eq!(q.resolution_detected_from, DetectionSource::Name);
        assert_eq!(
            parse_quality("SomeMovie.2018.DVDRip.ts").quality,
            Quality::DVD
        );
    }

    #[test]
    fn a_telesync_keeps_its_resolution() {
        let q = parse_quality("Movie.Title.3.2017.720p.TSRip.x264.AAC-Ozlem").quality;
        assert_eq!((q.id, q.resolution), (Quality::TELESYNC.id, 720));
    }

    #[test]
    fn modifiers_say_where_they_came_from() {
        let q = parse_quality("Movie.2016.REMUX.1080p.BluRay.AVC.DTS-HD.MA.5.1-iFT");
        assert_eq!(q.quality, Quality::REMUX_1080P);
        assert_eq!(q.modifier_detected_from, DetectionSource::Name);
        let q = parse_quality("Movie.2016.1080p.BluRay.x264-GRP");
        assert_eq!(q.modifier_detected_from, DetectionSource::Unknown);
    }

    #[test]
    fn any_text_parses_without_panicking() {
        let text = "Фильм.2020.BD.ÄBD-ü.DVD-Ř.WEB.HD.TV.v2.[v3].REPACK9.中文.ts";
        for (i, _) in text.char_indices() {
            let _ = parse_quality(&text[i..]);
            let _ = parse_quality(&text[..i]);
        }
        let _ = parse_quality(&"ä.BD-".repeat(400));
    }
}
