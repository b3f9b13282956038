//! Radarr's `DownloadDecisionComparer` and prioritization: releases for the
//! movie ordered best first by quality, custom-format score, preferred
//! protocol, indexer priority, tracker flags, seeders or age, then size.

use std::cmp::Ordering;

use super::Decision;
use super::context::{Candidate, DecisionContext, ProperDownloadTypes};
use super::format::megabytes;
use super::prepared::Prepared;
use super::upgrade::compare_revision;
use crate::release::{IndexerFlags, Protocol};

/// Sizes closer than this count as equal.
const SIZE_STEP: i64 = 200 * 1024 * 1024;

/// How `a` compares with `b` for the movie: `Greater` when `a` is better.
pub fn compare(p: &Prepared, a: &Candidate, b: &Candidate) -> Ordering {
    compare_keys(&Key::new(p, a), &Key::new(p, b))
}

/// Decisions in Radarr's order: those for the movie best first (approved or
/// not), then the unknown-movie ones in their given order.
pub fn rank<'c>(ctx: &DecisionContext, decisions: Vec<Decision<'c>>) -> Vec<Decision<'c>> {
    let p = Prepared::new(ctx);
    let (allowed, rest): (Vec<_>, Vec<_>) = decisions.into_iter().partition(|d| d.download_allowed);
    let mut keyed: Vec<(Key, Decision<'c>)> = allowed
        .into_iter()
        .map(|d| (Key::new(&p, d.candidate), d))
        .collect();
    // Stable, so equals keep their input order as Radarr's OrderByDescending does.
    keyed.sort_by(|(a, _), (b, _)| compare_keys(b, a));
    keyed.into_iter().map(|(_, d)| d).chain(rest).collect()
}

/// The approved decision Radarr would grab, if any.
pub fn best<'c>(ctx: &DecisionContext, decisions: Vec<Decision<'c>>) -> Option<Decision<'c>> {
    rank(ctx, decisions).into_iter().find(Decision::approved)
}

/// What the comparer reads of one release, computed once.
#[derive(Debug, Clone, Copy)]
struct Key {
    quality: (i64, i64),
    revision: Option<crate::quality::Revision>,
    score: i32,
    preferred_protocol: bool,
    priority: i32,
    flags: i32,
    protocol: Protocol,
    seeders: i64,
    peers: i64,
    age: i32,
    size: i64,
}

impl Key {
    fn new(p: &Prepared, c: &Candidate) -> Self {
        let ctx = p.ctx;
        let quality = c.parsed.quality.quality;
        let index = p
            .quality_index(quality)
            .map_or((-1, -1), |q| (as_i64(q.index), as_i64(q.group_index)));
        let prefer_revisions =
            ctx.config.download_propers_and_repacks != ProperDownloadTypes::DoNotPrefer;
        let release = &c.release;
        Key {
            quality: index,
            revision: prefer_revisions.then_some(c.parsed.quality.revision),
            score: c.custom_formats.score,
            preferred_protocol: release.protocol == ctx.delay_profile.preferred_protocol,
            priority: release.indexer_priority,
            flags: if ctx.config.prefer_indexer_flags {
                flag_score(release.indexer_flags)
            } else {
                0
            },
            protocol: release.protocol,
            seeders: log_bucket(release.seeders),
            peers: log_bucket(release.peers),
            age: age_bucket((ctx.now - release.publish_date).num_seconds()),
            size: size_key(p, c),
        }
    }
}

fn compare_keys(a: &Key, b: &Key) -> Ordering {
    let revision = match (&a.revision, &b.revision) {
        (Some(x), Some(y)) => compare_revision(x, y),
        _ => Ordering::Equal,
    };
    let torrents = a.protocol == Protocol::Torrent && b.protocol == Protocol::Torrent;
    let usenet = a.protocol == Protocol::Usenet && b.protocol == Protocol::Usenet;
    a.quality
        .cmp(&b.quality)
        .then(revision)
        .then(a.score.cmp(&b.score))
        .then(a.preferred_protocol.cmp(&b.preferred_protocol))
        // Priority 1 comes before 50.
        .then(b.priority.cmp(&a.priority))
        .then(a.flags.cmp(&b.flags))
        .then(if torrents {
            a.seeders.cmp(&b.seeders).then(a.peers.cmp(&b.peers))
        } else {
            Ordering::Equal
        })
        .then(if usenet {
            a.age.cmp(&b.age)
        } else {
            Ordering::Equal
        })
        .then(a.size.cmp(&b.size))
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Orders of magnitude: 1–3 seeders rank alike, 4–31 alike, and so on.
fn log_bucket(count: Option<i32>) -> i64 {
    match count {
        Some(n) if n > 0 => f64::from(n).log10().round_ties_even() as i64,
        _ => 0,
    }
}

/// Fresher Usenet posts first: under an hour, a day, a week, older.
fn age_bucket(seconds: i64) -> i32 {
    let hours = seconds as f64 / 3600.0;
    match hours {
        h if h < 1.0 => 1000,
        h if h <= 24.0 => 100,
        _ if seconds / 86_400 <= 7 => 10,
        _ => 1,
    }
}

/// Closest to the preferred size wins; without one, the largest.
fn size_key(p: &Prepared, c: &Candidate) -> i64 {
    let quality = c.parsed.quality.quality;
    let preferred = p
        .ctx
        .quality_definitions
        .iter()
        .find(|d| d.quality == quality)
        .and_then(|d| d.preferred_size);
    let size = c.release.size;
    match preferred {
        Some(mb) => {
            let target = i64::from(p.runtime).saturating_mul(megabytes(mb));
            -floor_to_step(size.saturating_sub(target)).saturating_abs()
        }
        None => floor_to_step(size),
    }
}

fn floor_to_step(bytes: i64) -> i64 {
    bytes.div_euclid(SIZE_STEP).saturating_mul(SIZE_STEP)
}

/// Radarr's weights of tracker flags when "Prefer Indexer Flags" is on.
fn flag_score(flags: IndexerFlags) -> i32 {
    const TWO: [IndexerFlags; 6] = [
        IndexerFlags::DOUBLE_UPLOAD,
        IndexerFlags::FREELEECH,
        IndexerFlags::PTP_APPROVED,
        IndexerFlags::PTP_GOLDEN,
        IndexerFlags::HDB_INTERNAL,
        IndexerFlags::AHD_INTERNAL,
    ];
    const ONE: [IndexerFlags; 2] = [IndexerFlags::HALFLEECH, IndexerFlags::AHD_USER_RELEASE];
    let count = |set: &[IndexerFlags]| set.iter().filter(|f| flags.contains(**f)).count() as i32;
    2 * count(&TWO) + count(&ONE)
}

#[cfg(test)]
#[path = "rank_tests.rs"]
mod tests;
