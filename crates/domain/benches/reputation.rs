//! Gathers and scores 100,000 tracker releases of 2,000 release groups:
//! the budget for scoring is one second on one core.

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use domain::quality::Quality;
use domain::reputation::{GroupRelease, gather, score};

const RELEASES: usize = 100_000;
const GROUPS: usize = 2_000;

fn releases() -> Vec<GroupRelease> {
    let qualities = [
        Quality::BLURAY_1080P,
        Quality::BLURAY_720P,
        Quality::REMUX_1080P,
        Quality::WEBDL_1080P,
        Quality::BLURAY_2160P,
    ];
    (0..RELEASES)
        .map(|n| {
            // A spread of group sizes: a few large groups, many small ones.
            let group = (n * n / 7 + n / 3) % GROUPS;
            GroupRelease {
                group: format!("Group{group}"),
                release_key: format!("movie {} group {group}", n % 30_000),
                revision: 1 + i32::from(n % 97 == 0),
                quality: qualities[n % qualities.len()],
                seeders: i32::try_from((n * 31) % 400).unwrap_or(0),
                leechers: i32::try_from(n % 9).unwrap_or(0),
                completions: i64::try_from((n * 17) % 5_000).unwrap_or(0),
                internal: n % 11 == 0,
                freeleech: n % 13 == 0,
                size: 4_000_000_000 + i64::try_from((n * 7_919) % 9_000_000_000).unwrap_or(0),
                added: Utc
                    .timestamp_opt(1_500_000_000 + i64::try_from(n).unwrap_or(0) * 600, 0)
                    .single()
                    .unwrap_or_default(),
                deleted: n % 53 == 0,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let releases = releases();
    let mut group = c.benchmark_group("reputation");
    group.sample_size(10);
    group.bench_function("gather_and_score_100k", |b| {
        b.iter(|| score(&gather(std::hint::black_box(&releases))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
