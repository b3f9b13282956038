//! The store's benchmarks on SQLite: a fresh database file in a temporary
//! folder, loaded with 10,000 full-sized movies (each with a file), then
//! `sqlite/create_movie`, `sqlite/fetch_movie_by_id`, `sqlite/search_movies`
//! and `sqlite/update_movie`. The workload is `store::bench_data`, shared
//! with the PostgreSQL benchmarks.
//!
//! `cargo bench -p unified-radarr-store-sqlite --bench store`
#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use store::MovieStore;
use store::bench_data::{LIBRARY_SIZE, SEARCH_LIMIT, Workload};
use store_sqlite::SqliteStore;

fn sqlite(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, work) = runtime.block_on(async {
        let store = SqliteStore::open(&dir.path().join("library.db"))
            .await
            .expect("open");
        let started = Instant::now();
        let work = Workload::load(&store).await;
        let loaded = started.elapsed();
        let (mean, over) = work.search_selectivity(&store).await;
        eprintln!(
            "sqlite: {LIBRARY_SIZE} movies loaded in {:.1} s; a search query matches {mean:.1} \
             on average, {:.0}% match more than {SEARCH_LIMIT}",
            loaded.as_secs_f64(),
            over * 100.0
        );
        (store, work)
    });

    let mut group = c.benchmark_group("sqlite");
    group.bench_function("create_movie", |b| {
        b.to_async(&runtime)
            .iter_custom(|iters| work.create_movies(&store, iters));
    });
    group.bench_function("fetch_movie_by_id", |b| {
        b.to_async(&runtime)
            .iter(|| async { store.movie(work.random_id()).await.expect("fetch") });
    });
    group.bench_function("search_movies", |b| {
        b.to_async(&runtime).iter(|| async {
            store
                .search_movies(work.random_query(), SEARCH_LIMIT)
                .await
                .expect("search")
        });
    });
    group.bench_function("update_movie", |b| {
        b.to_async(&runtime)
            .iter_custom(|iters| work.update_movies(&store, iters));
    });
    group.finish();
    runtime.block_on(store::Database::close(&store));
}

criterion_group! {
    name = benches;
    // Modest, so the whole run (load included) stays well under two minutes.
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = sqlite
}
criterion_main!(benches);
