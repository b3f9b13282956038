//! What conditions are tested against: a release or a movie file reduced to
//! the fields Radarr's `CustomFormatCalculationService` hands them.

use std::borrow::Cow;

use parser::ParsedMovieInfo;

use crate::language::Language;
use crate::movie_file::MovieFile;
use crate::quality::Quality;
use crate::release::{IndexerFlags, Release};

/// One release or file as custom formats see it.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFormatInput<'a> {
    /// The simple release title (unsafe file-name characters removed), which
    /// release-title conditions match.
    pub release_title: Cow<'a, str>,
    /// A movie file's name, also matched by release-title conditions.
    pub filename: Option<&'a str>,
    /// The quality, whose source, resolution and modifier are tested.
    pub quality: Quality,
    /// The languages it is in.
    pub languages: &'a [Language],
    /// The group that made it.
    pub release_group: Option<&'a str>,
    /// The edition; empty for none.
    pub edition: &'a str,
    /// The year the title gives (or the movie's, for a file); 0 for none.
    pub year: i32,
    /// Its size in bytes; 0 when unknown.
    pub size: i64,
    /// What the indexer marked it with.
    pub indexer_flags: IndexerFlags,
    /// The movie's original language, which a language condition set to
    /// Original compares with; none when the movie is not known.
    pub original_language: Option<Language>,
}

impl<'a> CustomFormatInput<'a> {
    /// A parsed title with no size or flags (as history and the blocklist
    /// give them); add those with the `with_` methods.
    pub fn for_parsed(parsed: &'a ParsedMovieInfo) -> Self {
        CustomFormatInput {
            release_title: Cow::Borrowed(&parsed.simple_release_title),
            filename: None,
            quality: parsed.quality.quality,
            languages: &parsed.languages,
            release_group: parsed.release_group.as_deref(),
            edition: &parsed.edition,
            year: parsed.year,
            size: 0,
            indexer_flags: IndexerFlags::default(),
            original_language: None,
        }
    }

    /// A release an indexer offers, read by the parser.
    pub fn for_release(parsed: &'a ParsedMovieInfo, release: &Release) -> Self {
        Self::for_parsed(parsed)
            .with_size(release.size)
            .with_indexer_flags(release.indexer_flags)
    }

    /// A movie's file: its scene name (else the name of the path it was
    /// imported from, else its own name) is the release title, and the year
    /// is the movie's.
    pub fn for_movie_file(file: &'a MovieFile, movie_year: i32) -> Self {
        let filename = file_name(&file.relative_path);
        let title = match (&file.scene_name, &file.original_file_path) {
            (Some(scene), _) if !scene.trim().is_empty() => scene.as_str(),
            (_, Some(original)) if !original.trim().is_empty() => file_name(original),
            _ => filename,
        };
        CustomFormatInput {
            release_title: Cow::Owned(parser::simplify_release_title(title)),
            filename: Some(filename).filter(|f| !f.is_empty()),
            quality: file.quality.quality,
            languages: &file.languages,
            release_group: file.release_group.as_deref(),
            edition: &file.edition,
            year: movie_year,
            size: file.size,
            indexer_flags: IndexerFlags(u32::try_from(file.indexer_flags).unwrap_or_default()),
            original_language: None,
        }
    }

    /// The same input with this size in bytes.
    pub fn with_size(mut self, size: i64) -> Self {
        self.size = size;
        self
    }

    /// The same input with these indexer flags.
    pub fn with_indexer_flags(mut self, flags: IndexerFlags) -> Self {
        self.indexer_flags = flags;
        self
    }

    /// The same input for a movie whose original language is `language`.
    pub fn with_original_language(mut self, language: Language) -> Self {
        self.original_language = Some(language);
        self
    }
}

/// The last component of a path, with either separator.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::QualityModel;

    fn file() -> MovieFile {
        MovieFile {
            id: 1,
            movie_id: 2,
            relative_path: "Movie (2020)/Movie.2020.1080p.BluRay.x264-GRP.mkv".into(),
            size: 8_000_000_000,
            date_added: chrono::DateTime::default(),
            scene_name: None,
            release_group: Some("GRP".into()),
            edition: String::new(),
            languages: vec![Language::ENGLISH],
            quality: QualityModel::new(Quality::BLURAY_1080P),
            indexer_flags: 1,
            media_info: None,
            original_file_path: Some("/downloads/Movie 2020 <Remux> x.mkv".into()),
        }
    }

    #[test]
    fn a_file_prefers_its_scene_name_then_its_original_path() {
        let mut f = file();
        let input = CustomFormatInput::for_movie_file(&f, 2020);
        assert_eq!(input.release_title, "Movie 2020Remux x.mkv");
        assert_eq!(input.filename, Some("Movie.2020.1080p.BluRay.x264-GRP.mkv"));
        assert_eq!(input.indexer_flags, IndexerFlags::FREELEECH);
        assert_eq!(input.year, 2020);
        f.scene_name = Some("Movie.2020.1080p.BluRay.x264-GRP".into());
        let input = CustomFormatInput::for_movie_file(&f, 2020);
        assert_eq!(input.release_title, "Movie.2020.1080p.BluRay.x264-GRP");
        f.scene_name = None;
        f.original_file_path = None;
        let input = CustomFormatInput::for_movie_file(&f, 2020);
        assert_eq!(input.release_title, "Movie.2020.1080p.BluRay.x264-GRP.mkv");
    }

    #[test]
    fn a_release_carries_its_size_and_flags() {
        let parsed = ParsedMovieInfo {
            simple_release_title: "Movie.2020.1080p".into(),
            year: 2020,
            ..Default::default()
        };
        let release = Release {
            size: 42,
            indexer_flags: IndexerFlags::PTP_GOLDEN,
            ..Default::default()
        };
        let input = CustomFormatInput::for_release(&parsed, &release);
        assert_eq!(
            (input.size, input.indexer_flags),
            (42, IndexerFlags::PTP_GOLDEN)
        );
        assert_eq!(input.release_title, "Movie.2020.1080p");
    }
}
