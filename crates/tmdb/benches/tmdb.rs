//! The TMDB client's own costs, against the fake TMDB on loopback:
//! `tmdb/movie_cached` and `tmdb/search_cached` (a lookup answered from the
//! cache), then, printed once: the resident memory a cache full of movie
//! details takes, and the rate reached under a limit as a share of it.
//!
//! `cargo bench -p unified-radarr-tmdb --bench tmdb`
#![forbid(unsafe_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use tmdb::fake::{API_KEY, FakeTmdb};
use tmdb::{Credential, RateLimit, Tmdb, TmdbClient, TmdbConfig};

/// The allocator the server runs with, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn client(fake: &FakeTmdb, rate_limit: RateLimit, cache_mb: u64) -> TmdbClient {
    TmdbClient::new(TmdbConfig {
        base_url: fake.base_url.clone(),
        credential: Some(Credential::from_key(API_KEY)),
        rate_limit,
        cache_mb,
        ..TmdbConfig::default()
    })
    .expect("client")
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let fast = RateLimit {
        requests: 10_000,
        period: Duration::from_secs(1),
    };
    let (fake, tmdb) = runtime.block_on(async {
        let fake = FakeTmdb::start().await;
        let tmdb = client(&fake, fast, 64);
        tmdb.movie(603).await.expect("details");
        tmdb.search_movies("matrix", None).await.expect("search");
        (fake, tmdb)
    });
    let mut group = c.benchmark_group("tmdb");
    group.bench_function("movie_cached", |b| {
        b.to_async(&runtime)
            .iter(|| async { tmdb.movie(603).await.expect("cached") });
    });
    group.bench_function("search_cached", |b| {
        b.to_async(&runtime)
            .iter(|| async { tmdb.search_movies("matrix", None).await.expect("cached") });
    });
    group.finish();

    runtime.block_on(async {
        // A cache of 16 MB filled past its size with small movie details.
        let before = resident_kib();
        let full = client(&fake, fast, 16);
        for id in 1..=30_000 {
            full.movie(id).await.expect("details");
        }
        println!(
            "tmdb: a 16 MB cache filled with 30,000 movie details: {:.1} MiB more resident",
            (resident_kib().saturating_sub(before)) as f64 / 1024.0
        );

        // 600 movies under 200 a second, 32 at a time.
        let limit = RateLimit {
            requests: 200,
            period: Duration::from_secs(1),
        };
        let limited = Arc::new(client(&fake, limit, 16));
        let started = Instant::now();
        let workers: Vec<_> = (0..32)
            .map(|w| {
                let tmdb = limited.clone();
                tokio::spawn(async move {
                    let mut id = 100_000 + w;
                    while id < 100_600 {
                        tmdb.movie(id).await.expect("details");
                        id += 32;
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.await.expect("worker");
        }
        let rate = 599.0 / started.elapsed().as_secs_f64();
        println!(
            "tmdb: 600 movies under 200/s: {rate:.1} requests a second, {:.1}% of the limit",
            rate / 2.0
        );
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
