//! Fixtures the rule tests share: a released movie, the HD-1080p profile,
//! and candidates built from a title and a quality.

use chrono::{DateTime, TimeZone, Utc};
use parser::ParsedMovieInfo;

use super::Rejection;
use super::context::{Candidate, DecisionContext, FormatMatch};
use super::prepared::Prepared;
use crate::movie::Movie;
use crate::movie_file::MovieFile;
use crate::quality::{Quality, QualityModel};
use crate::quality_profile::{QualityProfile, default_profiles};
use crate::release::{Protocol, Release};

/// 2024-06-01 12:00 UTC, the "now" of every test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// Radarr's HD-1080p profile (cutoff Bluray-1080p), upgrades on or off.
pub fn hd_profile(upgrade_allowed: bool) -> QualityProfile {
    let mut profile = default_profiles().swap_remove(3);
    profile.upgrade_allowed = upgrade_allowed;
    profile
}

/// "Movie Title" (2020), released long ago, monitored, no file.
pub fn context(profile: QualityProfile) -> DecisionContext {
    let mut movie = Movie::new(603, "Movie Title", 2020);
    movie.id = 1;
    movie.imdb_id = Some("tt0000603".into());
    movie.digital_release = Some(now() - chrono::Duration::days(365));
    DecisionContext::new(movie, profile, now())
}

/// A first release of `quality`.
pub fn model(quality: Quality) -> QualityModel {
    QualityModel::new(quality)
}

/// A PROPER (version 2) of `quality`.
pub fn proper(quality: Quality) -> QualityModel {
    let mut q = QualityModel::new(quality);
    q.revision.version = 2;
    q
}

/// A torrent release of 8 GB, a day old, for the context's movie.
pub fn candidate(title: &str, quality: Quality) -> Candidate {
    let parsed = parser::parse_movie_title(title, false).unwrap_or_else(|| ParsedMovieInfo {
        movie_titles: vec!["Movie Title".into()],
        year: 2020,
        ..ParsedMovieInfo::default()
    });
    let mut parsed = parsed;
    parsed.quality = model(quality);
    Candidate {
        release: Release {
            guid: title.to_string(),
            title: title.to_string(),
            size: 8 * 1024 * 1024 * 1024,
            indexer_id: 1,
            indexer: "Indexer".into(),
            indexer_priority: 25,
            protocol: Protocol::Torrent,
            publish_date: now() - chrono::Duration::days(1),
            seeders: Some(10),
            peers: Some(20),
            ..Release::default()
        },
        parsed,
        custom_formats: FormatMatch::default(),
        reputation: None,
    }
}

/// Gives the context's movie a file of `quality`, by group `group`.
pub fn with_file(ctx: &mut DecisionContext, quality: QualityModel, group: Option<&str>) {
    ctx.movie.movie_file = Some(MovieFile {
        id: 1,
        movie_id: ctx.movie.id,
        relative_path: "Movie Title (2020).mkv".into(),
        size: 1,
        date_added: now() - chrono::Duration::days(30),
        scene_name: None,
        release_group: group.map(str::to_string),
        edition: String::new(),
        languages: Vec::new(),
        quality,
        indexer_flags: 0,
        media_info: None,
        original_file_path: None,
    });
}

/// Runs one rule on one candidate.
pub fn run(
    rule: fn(&Candidate, &Prepared) -> Option<Rejection>,
    ctx: &DecisionContext,
    c: &Candidate,
) -> Option<Rejection> {
    rule(c, &Prepared::new(ctx))
}

/// The reason text of one rule's verdict, if it rejected.
pub fn reason(
    rule: fn(&Candidate, &Prepared) -> Option<Rejection>,
    ctx: &DecisionContext,
    c: &Candidate,
) -> Option<String> {
    run(rule, ctx, c).map(|r| r.reason)
}
