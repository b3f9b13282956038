//! Ranking cases: each comparer step decides when the ones before it tie.

use chrono::Duration;

use super::*;
use crate::decision::decide;
use crate::decision::test_support::{candidate, context, hd_profile, proper};
use crate::quality::Quality;

fn base(title: &str) -> Candidate {
    candidate(title, Quality::WEBDL_1080P)
}

/// The titles of `candidates` in ranked order.
fn order(ctx: &DecisionContext, candidates: &[Candidate]) -> Vec<String> {
    rank(ctx, decide(ctx, candidates))
        .into_iter()
        .map(|d| d.candidate.release.title.clone())
        .collect()
}

#[test]
fn quality_by_profile_order_then_revision_then_score() {
    let ctx = context(hd_profile(true));
    let mut web = base("Movie.Title.2020.1080p.WEB-DL-A");
    web.custom_formats.score = 500;
    let bluray = candidate("Movie.Title.2020.1080p.BluRay-B", Quality::BLURAY_1080P);
    let mut web_proper = base("Movie.Title.2020.1080p.WEB-DL.PROPER-C");
    web_proper.parsed.quality = proper(Quality::WEBDL_1080P);
    let mut rip = candidate("Movie.Title.2020.1080p.WEBRip-D", Quality::WEBRIP_1080P);
    rip.custom_formats.score = 900;
    assert_eq!(
        order(&ctx, &[web, bluray, web_proper, rip]),
        [
            "Movie.Title.2020.1080p.BluRay-B",
            "Movie.Title.2020.1080p.WEBRip-D",
            "Movie.Title.2020.1080p.WEB-DL.PROPER-C",
            "Movie.Title.2020.1080p.WEB-DL-A",
        ],
        "WEBRip follows WEBDL inside the WEB group; a PROPER beats a higher score"
    );
}

#[test]
fn score_then_protocol_then_indexer_priority() {
    let mut ctx = context(hd_profile(true));
    ctx.delay_profile.preferred_protocol = Protocol::Torrent;
    let mut high = base("Movie.Title.2020.1080p.WEB-DL-HIGH");
    high.custom_formats.score = 10;
    high.release.protocol = Protocol::Usenet;
    let torrent = base("Movie.Title.2020.1080p.WEB-DL-TORRENT");
    let mut usenet = base("Movie.Title.2020.1080p.WEB-DL-USENET");
    usenet.release.protocol = Protocol::Usenet;
    let mut first = base("Movie.Title.2020.1080p.WEB-DL-PRIORITY");
    first.release.indexer_priority = 1;
    let got = order(&ctx, &[usenet, torrent, high, first]);
    assert_eq!(
        got,
        [
            "Movie.Title.2020.1080p.WEB-DL-HIGH",
            "Movie.Title.2020.1080p.WEB-DL-PRIORITY",
            "Movie.Title.2020.1080p.WEB-DL-TORRENT",
            "Movie.Title.2020.1080p.WEB-DL-USENET",
        ]
    );
}

#[test]
fn seeders_by_magnitude_for_torrents_and_freshness_for_usenet() {
    let ctx = context(hd_profile(true));
    let mut few = base("Movie.Title.2020.1080p.WEB-DL-FEW");
    few.release.seeders = Some(4);
    let mut many = base("Movie.Title.2020.1080p.WEB-DL-MANY");
    many.release.seeders = Some(40);
    let mut alike = base("Movie.Title.2020.1080p.WEB-DL-ALIKE");
    alike.release.seeders = Some(31);
    assert_eq!(
        order(&ctx, &[few, alike, many]),
        [
            "Movie.Title.2020.1080p.WEB-DL-MANY",
            "Movie.Title.2020.1080p.WEB-DL-FEW",
            "Movie.Title.2020.1080p.WEB-DL-ALIKE",
        ],
        "4 and 31 seeders are one magnitude: input order stays"
    );
    let mut old = base("Movie.Title.2020.1080p.WEB-DL-OLD");
    old.release.protocol = Protocol::Usenet;
    old.release.publish_date = ctx.now - Duration::days(30);
    let mut fresh = old.clone();
    fresh.release.title = "Movie.Title.2020.1080p.WEB-DL-FRESH".into();
    fresh.release.publish_date = ctx.now - Duration::minutes(30);
    assert_eq!(
        order(&ctx, &[old, fresh]),
        [
            "Movie.Title.2020.1080p.WEB-DL-FRESH",
            "Movie.Title.2020.1080p.WEB-DL-OLD"
        ]
    );
}

#[test]
fn size_closest_to_preferred_or_largest_when_unlimited() {
    const GB: i64 = 1024 * 1024 * 1024;
    let ctx = context(hd_profile(true));
    // WEBDL-1080p prefers 95 MB/min; 110 minutes is about 10.2 GB.
    let mut near = base("Movie.Title.2020.1080p.WEB-DL-NEAR");
    near.release.size = 10 * GB;
    let mut far = base("Movie.Title.2020.1080p.WEB-DL-FAR");
    far.release.size = 4 * GB;
    let mut over = base("Movie.Title.2020.1080p.WEB-DL-OVER");
    over.release.size = 20 * GB;
    assert_eq!(
        order(&ctx, &[far, over, near]),
        [
            "Movie.Title.2020.1080p.WEB-DL-NEAR",
            "Movie.Title.2020.1080p.WEB-DL-FAR",
            "Movie.Title.2020.1080p.WEB-DL-OVER",
        ]
    );
    let mut small = candidate("Movie.Title.2020.1080p.BluRay-SMALL", Quality::BLURAY_1080P);
    small.release.size = 8 * GB;
    let mut large = candidate("Movie.Title.2020.1080p.BluRay-LARGE", Quality::BLURAY_1080P);
    large.release.size = 30 * GB;
    assert_eq!(
        order(&ctx, &[small, large]),
        [
            "Movie.Title.2020.1080p.BluRay-LARGE",
            "Movie.Title.2020.1080p.BluRay-SMALL"
        ]
    );
}

#[test]
fn indexer_flags_count_only_when_preferred() {
    let mut ctx = context(hd_profile(true));
    let plain = base("Movie.Title.2020.1080p.WEB-DL-PLAIN");
    let mut free = base("Movie.Title.2020.1080p.WEB-DL-FREE");
    free.release.indexer_flags = IndexerFlags::FREELEECH;
    let both = [plain, free];
    assert_eq!(order(&ctx, &both)[0], "Movie.Title.2020.1080p.WEB-DL-PLAIN");
    ctx.config.prefer_indexer_flags = true;
    assert_eq!(order(&ctx, &both)[0], "Movie.Title.2020.1080p.WEB-DL-FREE");
}

#[test]
fn rejected_are_ranked_too_unknown_last_and_best_is_the_first_approved() {
    let ctx = context(hd_profile(true));
    let unknown = candidate("Other.Film.2020.2160p.BluRay-X", Quality::BLURAY_2160P);
    let rejected = candidate("Movie.Title.2020.2160p.BluRay-R", Quality::BLURAY_2160P);
    let good = base("Movie.Title.2020.1080p.WEB-DL-G");
    let list = [unknown, rejected, good];
    assert_eq!(
        order(&ctx, &list),
        [
            "Movie.Title.2020.2160p.BluRay-R",
            "Movie.Title.2020.1080p.WEB-DL-G",
            "Other.Film.2020.2160p.BluRay-X",
        ]
    );
    let chosen = best(&ctx, decide(&ctx, &list));
    assert_eq!(chosen.map(|d| d.index), Some(2));
    let p = Prepared::new(&ctx);
    assert_eq!(
        compare(&p, &list[1], &list[2]),
        Ordering::Greater,
        "a rejected quality still ranks by the profile's order"
    );
}

#[test]
fn a_well_reputed_group_ranks_first_and_a_poor_one_falls_below_a_minimum() {
    use crate::scene_group::{Reputations, SceneGroupConfig};

    let mut ctx = context(hd_profile(true));
    let reputations = Reputations::new(
        vec![("GOOD".to_string(), 90.0), ("POOR".to_string(), 10.0)],
        &SceneGroupConfig::default(),
    );
    // Read as the search service reads them, so the points come from the
    // lookup; everything else about the two releases is equal.
    let read =
        |title: &str| Candidate::read(base(title).release, &[], &ctx.profile, None, &reputations);
    let poor = read("Movie.Title.2020.1080p.WEB-DL-POOR");
    let good = read("Movie.Title.2020.1080p.WEB-DL-GOOD");
    assert_eq!(
        (poor.custom_formats.score, good.custom_formats.score),
        (-40, 40)
    );
    let list = [poor, good];
    assert_eq!(
        order(&ctx, &list),
        [
            "Movie.Title.2020.1080p.WEB-DL-GOOD",
            "Movie.Title.2020.1080p.WEB-DL-POOR",
        ],
        "input order would keep POOR first: only the points put GOOD ahead"
    );
    // Points rank, but only a minimum reputation rejects: the default
    // minimum format score of 0 is about formats.
    assert!(decide(&ctx, &list).iter().all(|d| d.approved()));
    ctx.profile.min_reputation_score = 50;
    let ranked = rank(&ctx, decide(&ctx, &list));
    assert!(ranked[0].approved());
    let reasons: Vec<&str> = ranked[1]
        .rejections
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        ["Release group POOR has reputation 10.0 below Movie's minimum 50"]
    );
    let chosen = best(&ctx, decide(&ctx, &list));
    assert_eq!(chosen.map(|d| d.index), Some(1));
}
