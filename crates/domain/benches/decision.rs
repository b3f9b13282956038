//! Decides 10,000 releases (format scores given) against a profile with 30
//! custom formats, then ranks them: the decision engine's budget is 50 ms.

use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use domain::decision::{
    BlocklistItem, Candidate, DecisionContext, FormatMatch, ReleaseProfile, ReleaseSource, decide,
    rank,
};
use domain::movie::Movie;
use domain::quality::{Quality, QualityModel};
use domain::quality_profile::{FormatItem, default_profiles};
use domain::release::{Protocol, Release};
use parser::ParsedMovieInfo;

const RELEASES: usize = 10_000;

fn context() -> DecisionContext {
    let now = Utc
        .with_ymd_and_hms(2024, 6, 1, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let mut movie = Movie::new(603, "Movie Title", 2020);
    movie.id = 1;
    movie.digital_release = Some(now - Duration::days(100));
    let mut profile = default_profiles().swap_remove(3);
    profile.upgrade_allowed = true;
    profile.cutoff_format_score = 1000;
    profile.format_items = (1..=30)
        .map(|i| FormatItem {
            format: i,
            name: format!("Format {i}"),
            score: i * 10 - 150,
        })
        .collect();
    let mut ctx = DecisionContext::new(movie, profile, now);
    ctx.source = ReleaseSource::Search;
    ctx.config.maximum_size = 60_000;
    ctx.config.retention = 3000;
    ctx.release_profiles.push(ReleaseProfile {
        enabled: true,
        required: vec!["x264".into(), "x265".into(), "/h\\.?26[45]/i".into()],
        ignored: vec!["CAM".into(), "/\\bHC\\b/i".into()],
        ..ReleaseProfile::default()
    });
    ctx.blocklist = (0..20)
        .map(|i| BlocklistItem {
            source_title: format!("Movie.Title.2020.1080p.BluRay.x264-BLOCKED{i}"),
            protocol: Protocol::Torrent,
            indexer: Some("Indexer".into()),
            published_date: None,
            size: None,
            torrent_info_hash: None,
        })
        .collect();
    ctx
}

fn candidates(ctx: &DecisionContext) -> Vec<Candidate> {
    let qualities = [
        Quality::HDTV_1080P,
        Quality::WEBDL_1080P,
        Quality::WEBRIP_1080P,
        Quality::BLURAY_1080P,
        Quality::REMUX_1080P,
        Quality::BLURAY_720P,
    ];
    (0..RELEASES)
        .map(|i| {
            let quality = qualities[i % qualities.len()];
            let title = format!("Movie.Title.2020.1080p.{}.x264-GRP{i}", quality.name);
            let parsed = ParsedMovieInfo {
                movie_titles: vec!["Movie Title".into()],
                year: 2020,
                quality: QualityModel::new(quality),
                release_group: Some(format!("GRP{i}")),
                ..ParsedMovieInfo::default()
            };
            let ids: Vec<i32> = (0..3).map(|k| ((i + k * 7) % 30) as i32 + 1).collect();
            let score = ids.iter().map(|id| id * 10 - 150).sum();
            Candidate {
                release: Release {
                    guid: i.to_string(),
                    title,
                    size: (2 + (i % 40) as i64) * 1024 * 1024 * 1024,
                    indexer_id: 1 + (i % 5) as i32,
                    indexer: "Indexer".into(),
                    indexer_priority: 25,
                    protocol: if i % 3 == 0 {
                        Protocol::Usenet
                    } else {
                        Protocol::Torrent
                    },
                    publish_date: ctx.now - Duration::hours((i % 500) as i64),
                    seeders: Some((i % 300) as i32),
                    peers: Some((i % 400) as i32),
                    ..Release::default()
                },
                parsed,
                custom_formats: FormatMatch {
                    format_ids: ids,
                    score,
                },
                reputation: None,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let ctx = context();
    let list = candidates(&ctx);
    c.bench_function("decide_and_rank_10000_releases", |b| {
        b.iter(|| rank(&ctx, decide(&ctx, &list)).len())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
