//! Scene-group reputation: what a tracker's releases say of each release
//! group, gathered into statistics and scored from 0 to 100 with the parts
//! of the score kept beside it. `docs/REPUTATION.md` states the formula and
//! why; this module is that formula, pure, so that it can be explained,
//! tested and measured on its own.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::quality::Quality;

/// How much each part weighs in the score; they sum to 1.
pub const WEIGHTS: Weights = Weights {
    popularity: 0.30,
    seeding: 0.25,
    internal: 0.15,
    consistency: 0.15,
    reliability: 0.15,
};

/// Releases' worth of the population's mean that every group's score starts
/// from: a group's own score outweighs it once it has more releases than
/// this.
pub const PRIOR_RELEASES: f64 = 10.0;

/// The weights of the parts of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub popularity: f64,
    pub seeding: f64,
    pub internal: f64,
    pub consistency: f64,
    pub reliability: f64,
}

/// One release of a group, as the tracker lists it and the parser reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRelease {
    /// The release group, as parsed from the title.
    pub group: String,
    /// The title without its revision, to tell a PROPER/REPACK of the same
    /// release (the parser's simple title, say).
    pub release_key: String,
    /// The revision the title says (1, or 2 for a PROPER).
    pub revision: i32,
    pub quality: Quality,
    pub seeders: i32,
    pub leechers: i32,
    /// Times the tracker saw it downloaded whole (snatches).
    pub completions: i64,
    pub internal: bool,
    pub freeleech: bool,
    pub size: i64,
    pub added: DateTime<Utc>,
    /// The tracker no longer lists it (deleted or nuked), as a complete
    /// analysis found.
    pub deleted: bool,
}

/// What one group's releases say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupStats {
    pub group: String,
    pub releases: usize,
    pub average_seeders: f64,
    pub median_seeders: f64,
    pub total_completions: i64,
    pub median_completions: f64,
    /// Shares from 0 to 1.
    pub internal_share: f64,
    pub freeleech_share: f64,
    /// Releases by quality name.
    pub qualities: Vec<(String, usize)>,
    /// Releases by source (bluray, web…).
    pub sources: Vec<(String, usize)>,
    /// The mean, over its qualities with two releases or more, of how much
    /// the sizes of one quality vary (standard deviation over mean); 0 when
    /// no quality has two.
    pub size_variation: f64,
    /// How much the sizes of each quality with two releases or more vary.
    #[serde(default)]
    pub size_variation_by_quality: Vec<(String, f64)>,
    /// The share of its releases a later PROPER/REPACK of its own replaced.
    pub replaced_share: f64,
    /// The share of its releases the tracker stopped listing (deleted or
    /// nuked), those a PROPER/REPACK replaced left out.
    #[serde(default)]
    pub deleted_share: f64,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

/// A group's score and the parts it is made of, each from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reputation {
    pub group: String,
    /// 0 to 100, shrunk toward the population's mean by the sample size.
    pub score: f64,
    /// The score from its own releases alone, 0 to 100.
    pub raw_score: f64,
    /// Where its median completions rank among the groups.
    pub popularity: f64,
    /// Where its median seeders rank among the groups.
    pub seeding: f64,
    /// Its internal share.
    pub internal: f64,
    /// 1 less its size variation (at most 1).
    pub consistency: f64,
    /// 1 less its replaced and deleted shares.
    pub reliability: f64,
    /// Releases the score rests on.
    pub sample_size: usize,
}

/// Each group's statistics, by group name (case kept as first seen; groups
/// compared without case). Releases without a group are left out.
pub fn gather(releases: &[GroupRelease]) -> Vec<GroupStats> {
    let mut by_group: HashMap<String, Vec<&GroupRelease>> = HashMap::new();
    for release in releases.iter().filter(|r| !r.group.trim().is_empty()) {
        by_group
            .entry(release.group.trim().to_lowercase())
            .or_default()
            .push(release);
    }
    let mut stats: Vec<GroupStats> = by_group.into_values().map(|r| stats_of(&r)).collect();
    stats.sort_by_key(|s| s.group.to_lowercase());
    stats
}

fn stats_of(releases: &[&GroupRelease]) -> GroupStats {
    let count = releases.len();
    let share = |keep: fn(&GroupRelease) -> bool| {
        releases.iter().filter(|r| keep(r)).count() as f64 / count as f64
    };
    let mut seeders: Vec<f64> = releases.iter().map(|r| f64::from(r.seeders)).collect();
    let mut completions: Vec<f64> = releases.iter().map(|r| r.completions as f64).collect();
    let mut qualities: HashMap<&str, usize> = HashMap::new();
    let mut sources: HashMap<&str, usize> = HashMap::new();
    let mut sizes: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut newest_revision: HashMap<&str, i32> = HashMap::new();
    for release in releases {
        *qualities.entry(release.quality.name).or_default() += 1;
        *sources.entry(release.quality.source.as_str()).or_default() += 1;
        sizes
            .entry(release.quality.name)
            .or_default()
            .push(release.size as f64);
        let newest = newest_revision.entry(&release.release_key).or_default();
        *newest = (*newest).max(release.revision);
    }
    let was_replaced = |r: &GroupRelease| {
        newest_revision
            .get(r.release_key.as_str())
            .is_some_and(|n| *n > r.revision)
    };
    let replaced = releases.iter().filter(|r| was_replaced(r)).count();
    let deleted = releases
        .iter()
        .filter(|r| r.deleted && !was_replaced(r))
        .count();
    let mut by_quality: Vec<(String, f64)> = sizes
        .iter()
        .filter(|(_, s)| s.len() > 1)
        .map(|(name, s)| (name.to_string(), variation(s)))
        .collect();
    by_quality.sort_by(|a, b| a.0.cmp(&b.0));
    let variations: Vec<f64> = by_quality.iter().map(|(_, v)| *v).collect();
    GroupStats {
        group: releases[0].group.trim().to_string(),
        releases: count,
        average_seeders: seeders.iter().sum::<f64>() / count as f64,
        median_seeders: median(&mut seeders),
        total_completions: releases.iter().map(|r| r.completions).sum(),
        median_completions: median(&mut completions),
        internal_share: share(|r| r.internal),
        freeleech_share: share(|r| r.freeleech),
        qualities: counted(qualities),
        sources: counted(sources),
        size_variation: if variations.is_empty() {
            0.0
        } else {
            variations.iter().sum::<f64>() / variations.len() as f64
        },
        size_variation_by_quality: by_quality,
        replaced_share: replaced as f64 / count as f64,
        deleted_share: deleted as f64 / count as f64,
        first_seen: releases.iter().map(|r| r.added).min().unwrap_or_default(),
        last_seen: releases.iter().map(|r| r.added).max().unwrap_or_default(),
    }
}

/// Every group's reputation, its parts ranked against the other groups'.
pub fn score(groups: &[GroupStats]) -> Vec<Reputation> {
    let completions = sorted(groups.iter().map(|g| g.median_completions));
    let seeders = sorted(groups.iter().map(|g| g.median_seeders));
    let raw: Vec<Reputation> = groups
        .iter()
        .map(|g| {
            let mut r = Reputation {
                group: g.group.clone(),
                score: 0.0,
                raw_score: 0.0,
                popularity: rank(&completions, g.median_completions),
                seeding: rank(&seeders, g.median_seeders),
                internal: g.internal_share,
                consistency: (1.0 - g.size_variation).clamp(0.0, 1.0),
                reliability: (1.0 - g.replaced_share - g.deleted_share).max(0.0),
                sample_size: g.releases,
            };
            r.raw_score = 100.0
                * (WEIGHTS.popularity * r.popularity
                    + WEIGHTS.seeding * r.seeding
                    + WEIGHTS.internal * r.internal
                    + WEIGHTS.consistency * r.consistency
                    + WEIGHTS.reliability * r.reliability);
            r
        })
        .collect();
    // The population's mean, each group weighed by its releases.
    let releases: f64 = raw.iter().map(|r| r.sample_size as f64).sum();
    let mean = if releases > 0.0 {
        raw.iter()
            .map(|r| r.raw_score * r.sample_size as f64)
            .sum::<f64>()
            / releases
    } else {
        50.0
    };
    raw.into_iter()
        .map(|mut r| {
            let n = r.sample_size as f64;
            r.score = (n * r.raw_score + PRIOR_RELEASES * mean) / (n + PRIOR_RELEASES);
            r
        })
        .collect()
}

fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values
}

/// The share of the other `sorted` values below `value`, ties counted
/// half: 0 for the least, 1 for the most.
fn rank(sorted: &[f64], value: f64) -> f64 {
    if sorted.len() < 2 {
        return 0.5;
    }
    let below = sorted.partition_point(|v| *v < value) as f64;
    let up_to = sorted.partition_point(|v| *v <= value) as f64;
    let equal = up_to - below - 1.0;
    (below + equal / 2.0) / (sorted.len() - 1) as f64
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    }
}

/// Standard deviation over mean; 0 when the mean is 0.
fn variation(values: &[f64]) -> f64 {
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    if mean <= 0.0 {
        return 0.0;
    }
    let spread = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
    spread.sqrt() / mean
}

fn counted(counts: HashMap<&str, usize>) -> Vec<(String, usize)> {
    let mut counted: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counted
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn release(group: &str, n: usize, seeders: i32, completions: i64) -> GroupRelease {
        GroupRelease {
            group: group.into(),
            release_key: format!("movie {n} {group}"),
            revision: 1,
            quality: Quality::BLURAY_1080P,
            seeders,
            leechers: 1,
            completions,
            internal: false,
            freeleech: false,
            size: 8_000_000_000,
            added: Utc.timestamp_opt(1_700_000_000 + n as i64 * 60, 0).unwrap(),
            deleted: false,
        }
    }

    fn many(group: &str, count: usize, seeders: i32, completions: i64) -> Vec<GroupRelease> {
        (0..count)
            .map(|n| release(group, n, seeders, completions))
            .collect()
    }

    #[test]
    fn statistics_are_gathered_per_group_whatever_the_case() {
        let mut releases = many("CtrlHD", 3, 40, 100);
        releases[0].seeders = 10;
        releases[1].internal = true;
        releases[2].freeleech = true;
        releases[2].quality = Quality::REMUX_1080P;
        releases.push(release("ctrlhd", 9, 70, 300));
        releases.push(release("", 10, 5, 5));
        let stats = gather(&releases);
        assert_eq!(stats.len(), 1, "no group is no group: {stats:?}");
        let group = &stats[0];
        assert_eq!(group.group, "CtrlHD");
        assert_eq!(group.releases, 4);
        assert_eq!(group.average_seeders, 40.0);
        assert_eq!(group.median_seeders, 40.0);
        assert_eq!(group.total_completions, 600);
        assert_eq!(group.internal_share, 0.25);
        assert_eq!(group.freeleech_share, 0.25);
        assert_eq!(group.qualities[0], ("Bluray-1080p".to_string(), 3));
        assert_eq!(group.size_variation, 0.0, "equal sizes");
        assert_eq!(
            group.size_variation_by_quality,
            [("Bluray-1080p".to_string(), 0.0)],
            "the remux alone has no spread"
        );
        assert_eq!(group.last_seen, releases[3].added);
    }

    #[test]
    fn a_release_replaced_by_its_own_proper_counts_against_the_group() {
        let mut releases = many("GRP", 4, 20, 50);
        let mut proper = release("GRP", 0, 20, 50);
        proper.revision = 2;
        releases.push(proper);
        releases[0].deleted = true; // replaced, and so not counted twice
        releases[1].deleted = true;
        let stats = gather(&releases);
        assert_eq!(stats[0].replaced_share, 1.0 / 5.0);
        assert_eq!(stats[0].deleted_share, 1.0 / 5.0);
        let reputation = &score(&stats)[0];
        assert!((reputation.reliability - 3.0 / 5.0).abs() < 1e-9);
    }

    #[test]
    fn better_groups_score_higher_and_parts_explain_it() {
        let mut releases = many("GOOD", 50, 80, 2000);
        for r in &mut releases {
            r.internal = true;
        }
        releases.extend(many("POOR", 50, 2, 10));
        releases.extend(many("MIDDLE", 50, 20, 200));
        let scores = score(&gather(&releases));
        let of = |name: &str| scores.iter().find(|s| s.group == name).unwrap().clone();
        let (good, middle, poor) = (of("GOOD"), of("MIDDLE"), of("POOR"));
        assert!(
            good.score > middle.score && middle.score > poor.score,
            "{scores:?}"
        );
        assert_eq!((good.popularity, poor.popularity), (1.0, 0.0));
        assert_eq!(good.internal, 1.0);
        assert!(scores.iter().all(|s| (0.0..=100.0).contains(&s.score)));
    }

    #[test]
    fn a_small_sample_is_shrunk_toward_the_mean() {
        // Three releases of the best figures cannot top three hundred of
        // nearly as good ones.
        let mut releases = many("FEW", 3, 500, 9000);
        releases.extend(many("MANY", 300, 400, 8000));
        releases.extend(many("REST", 300, 5, 20));
        let scores = score(&gather(&releases));
        let of = |name: &str| scores.iter().find(|s| s.group == name).unwrap().clone();
        let (few, many) = (of("FEW"), of("MANY"));
        assert!(few.raw_score > many.raw_score, "on its own, FEW is better");
        assert!(few.score < many.score, "{few:?} {many:?}");
        assert_eq!(few.sample_size, 3);
    }
}
