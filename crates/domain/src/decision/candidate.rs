//! Reading a release into what the engine decides on: its title parsed,
//! the custom formats it meets scored by the movie's profile, and its
//! group's reputation points added to that score.

use parser::ParsedMovieInfo;

use super::context::{Candidate, FormatMatch};
use crate::custom_format::{CustomFormat, CustomFormatInput, matching, score};
use crate::language::Language;
use crate::movie::Movie;
use crate::movie_file::MovieFile;
use crate::quality_profile::QualityProfile;
use crate::release::Release;
use crate::scene_group::{GroupReputation, Reputations};

impl Candidate {
    /// `release` read for a movie whose profile is `profile`. A title the
    /// parser cannot read becomes an empty parse, which the engine rejects
    /// as "Unable to parse release" rather than dropping it unseen.
    pub fn read(
        release: Release,
        formats: &[CustomFormat],
        profile: &QualityProfile,
        original_language: Option<Language>,
        reputations: &Reputations,
    ) -> Candidate {
        let parsed = parser::parse_movie_title(&release.title, false).unwrap_or_default();
        Candidate::from_parsed(
            release,
            parsed,
            formats,
            profile,
            original_language,
            reputations,
        )
    }

    /// `release` whose title is already parsed as `parsed`, scored as
    /// [`Candidate::read`] scores it.
    pub fn from_parsed(
        release: Release,
        parsed: ParsedMovieInfo,
        formats: &[CustomFormat],
        profile: &QualityProfile,
        original_language: Option<Language>,
        reputations: &Reputations,
    ) -> Candidate {
        let mut custom_formats = formats_of(&parsed, &release, formats, profile, original_language);
        let reputation = add_reputation(
            &mut custom_formats,
            parsed.release_group.as_deref(),
            reputations,
        );
        Candidate {
            release,
            parsed,
            custom_formats,
            reputation,
        }
    }
}

/// The formats a parsed release meets, and their score under `profile`
/// (without its group's reputation).
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

/// The formats a movie's file meets, and their score under `profile` with
/// the points of its group's reputation in `reputations` added.
pub fn file_formats(
    file: &MovieFile,
    movie: &Movie,
    formats: &[CustomFormat],
    profile: &QualityProfile,
    reputations: &Reputations,
) -> FormatMatch {
    let input = CustomFormatInput::for_movie_file(file, movie.year);
    let matched = matching(formats, &input);
    let mut found = FormatMatch {
        format_ids: matched.iter().map(|f| f.id).collect(),
        score: score(&profile.format_items, &matched),
    };
    add_reputation(&mut found, file.release_group.as_deref(), reputations);
    found
}

/// Adds the points of `group`'s reputation to `formats`' score, and gives
/// the reputation; a group without data adds nothing.
fn add_reputation(
    formats: &mut FormatMatch,
    group: Option<&str>,
    reputations: &Reputations,
) -> Option<GroupReputation> {
    let reputation = reputations.of(group?)?;
    formats.score = formats.score.saturating_add(reputation.points);
    Some(reputation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::Quality;
    use crate::quality_profile::FormatItem;
    use crate::scene_group::SceneGroupConfig;

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
        let none = Reputations::default();
        let candidate = Candidate::read(release, &[x265_format()], &profile, None, &none);
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
        let reputations = Reputations::new(
            vec![("GRP".to_string(), 90.0)],
            &SceneGroupConfig::default(),
        );
        let candidate = Candidate::read(
            release,
            &[x265_format()],
            &QualityProfile::default(),
            None,
            &reputations,
        );
        assert!(candidate.parsed.movie_titles.is_empty());
        assert_eq!(candidate.custom_formats, FormatMatch::default());
        assert_eq!(candidate.reputation, None);
    }

    #[test]
    fn a_known_group_adds_its_points_to_the_format_score() {
        let mut profile = QualityProfile::default();
        profile.format_items.push(FormatItem {
            format: 7,
            name: "x265".into(),
            score: -50,
        });
        let reputations = Reputations::new(
            vec![("grp".to_string(), 90.0), ("BAD".to_string(), 10.0)],
            &SceneGroupConfig::default(),
        );
        let read = |title: &str| {
            let release = Release {
                title: title.into(),
                ..Release::default()
            };
            Candidate::read(release, &[x265_format()], &profile, None, &reputations)
        };
        let good = read("Movie.Title.2020.1080p.BluRay.x265-GRP");
        assert_eq!(good.custom_formats.format_ids, [7]);
        assert_eq!(good.custom_formats.score, -50 + 40);
        assert_eq!(
            good.reputation
                .as_ref()
                .map(|r| (r.group.as_str(), r.score, r.points)),
            Some(("GRP", 90.0, 40)),
            "named as the release names it"
        );
        let bad = read("Movie.Title.2020.1080p.BluRay.x264-BAD");
        assert_eq!(bad.custom_formats.score, -40);
        let unknown = read("Movie.Title.2020.1080p.BluRay.x264-NEW");
        assert_eq!(unknown.custom_formats.score, 0);
        assert_eq!(unknown.reputation, None);
    }

    #[test]
    fn a_file_counts_its_group_s_points_too() {
        let reputations = Reputations::new(
            vec![("GRP".to_string(), 75.0)],
            &SceneGroupConfig::default(),
        );
        let movie = Movie::new(603, "Movie Title", 2020);
        let mut file = MovieFile {
            id: 1,
            movie_id: 1,
            relative_path: "Movie Title (2020).mkv".into(),
            size: 1,
            date_added: chrono::Utc::now(),
            scene_name: None,
            release_group: Some("grp".into()),
            edition: String::new(),
            languages: Vec::new(),
            quality: crate::quality::QualityModel::new(Quality::BLURAY_1080P),
            indexer_flags: 0,
            media_info: None,
            original_file_path: None,
        };
        let profile = QualityProfile::default();
        assert_eq!(
            file_formats(&file, &movie, &[], &profile, &reputations).score,
            25
        );
        assert_eq!(
            file_formats(&file, &movie, &[], &profile, &Reputations::default()).score,
            0
        );
        file.release_group = None;
        assert_eq!(
            file_formats(&file, &movie, &[], &profile, &reputations).score,
            0
        );
    }
}
