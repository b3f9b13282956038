//! Reading a release into what the engine decides on: its title parsed,
//! and the custom formats it meets scored by the movie's profile.

use parser::ParsedMovieInfo;

use super::context::{Candidate, FormatMatch};
use crate::custom_format::{CustomFormat, CustomFormatInput, matching, score};
use crate::language::Language;
use crate::movie::Movie;
use crate::movie_file::MovieFile;
use crate::quality_profile::QualityProfile;
use crate::release::Release;

impl Candidate {
    /// `release` read for a movie whose profile is `profile`. A title the
    /// parser cannot read becomes an empty parse, which the engine rejects
    /// as "Unable to parse release" rather than dropping it unseen.
    pub fn read(
        release: Release,
        formats: &[CustomFormat],
        profile: &QualityProfile,
        original_language: Option<Language>,
    ) -> Candidate {
        let parsed = parser::parse_movie_title(&release.title, false).unwrap_or_default();
        let custom_formats = formats_of(&parsed, &release, formats, profile, original_language);
        Candidate {
            release,
            parsed,
            custom_formats,
        }
    }
}

/// The formats a parsed release meets, and their score under `profile`.
pub fn formats_of(
    parsed: &ParsedMovieInfo,
    release: &Release,
    formats: &[CustomFormat],
    profile: &QualityProfile,
    original_language: Option<Language>,
) -> FormatMatch {
    let mut input = CustomFormatInput::for_release(parsed, release);
    if let Some(language) = original_language {
        input = input.with_original_language(language);
    }
    let matched = matching(formats, &input);
    FormatMatch {
        format_ids: matched.iter().map(|f| f.id).collect(),
        score: score(&profile.format_items, &matched),
    }
}

/// The formats a movie's file meets, and their score under `profile`.
pub fn file_formats(
    file: &MovieFile,
    movie: &Movie,
    formats: &[CustomFormat],
    profile: &QualityProfile,
) -> FormatMatch {
    let input = CustomFormatInput::for_movie_file(file, movie.year);
    let matched = matching(formats, &input);
    FormatMatch {
        format_ids: matched.iter().map(|f| f.id).collect(),
        score: score(&profile.format_items, &matched),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::Quality;
    use crate::quality_profile::FormatItem;

    fn x265_format() -> CustomFormat {
        let json = r#"{"name":"x265","specifications":[{"name":"x265","implementation":"ReleaseTitleSpecification","negate":false,"required":true,"fields":{"value":"[xh]\\.?265|HEVC"}}]}"#;
        let mut format = CustomFormat::from_json(json).expect("a valid format");
        format.id = 7;
        format
    }

    #[test]
    fn a_release_is_parsed_and_scored_by_the_profile() {
        let mut profile = QualityProfile::default();
        profile.format_items.push(FormatItem {
            format: 7,
            name: "x265".into(),
            score: -50,
        });
        let release = Release {
            title: "Movie.Title.2020.1080p.BluRay.x265-GRP".into(),
            ..Release::default()
        };
        let candidate = Candidate::read(release, &[x265_format()], &profile, None);
        assert_eq!(candidate.parsed.quality.quality, Quality::BLURAY_1080P);
        assert_eq!(candidate.parsed.release_group.as_deref(), Some("GRP"));
        assert_eq!(candidate.custom_formats.format_ids, [7]);
        assert_eq!(candidate.custom_formats.score, -50);
    }

    #[test]
    fn garbage_becomes_an_empty_parse_without_formats() {
        let release = Release {
            title: "!!!".into(),
            ..Release::default()
        };
        let candidate =
            Candidate::read(release, &[x265_format()], &QualityProfile::default(), None);
        assert!(candidate.parsed.movie_titles.is_empty());
        assert_eq!(candidate.custom_formats, FormatMatch::default());
    }
}
