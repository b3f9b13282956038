//! The store's benchmarks on PostgreSQL: a fresh database on the server named
//! by `UNIFIED_RADARR_TEST_POSTGRES_URL`, with the default pool options,
//! loaded with 10,000 full-sized movies (each with a file), then
//! `postgres/create_movie`, `postgres/fetch_movie_by_id`,
//! `postgres/search_movies` and `postgres/update_movie`. The workload is
//! `store::bench_data`, shared with the SQLite benchmarks. Without the
//! variable the group is skipped with a message.
//!
//! `UNIFIED_RADARR_TEST_POSTGRES_URL=postgres://… cargo bench -p unified-radarr-store-postgres --bench store`
#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use store::MovieStore;
use store::bench_data::{LIBRARY_SIZE, SEARCH_LIMIT, Workload};
use store_postgres::test_database::fresh_database;
use store_postgres::{PostgresOptions, PostgresStore};

const URL_VAR: &str = "UNIFIED_RADARR_TEST_POSTGRES_URL";

fn postgres(c: &mut Criterion) {
    if std::env::var_os(URL_VAR).is_none() {
        eprintln!(
            "postgres benchmarks skipped: {URL_VAR} is not set; point it at a PostgreSQL server \
             where you may CREATE DATABASE (scripts/test.sh shows how to start a throwaway one)"
        );
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let (store, work) = runtime.block_on(async {
        let url = fresh_database().await;
        let store = PostgresStore::connect(&PostgresOptions::new(url))
            .await
            .expect("connect");
        let started = Instant::now();
        let work = Workload::load(&store).await;
        let loaded = started.elapsed();
        let (mean, over) = work.search_selectivity(&store).await;
        eprintln!(
            "postgres: {LIBRARY_SIZE} movies loaded in {:.1} s; a search query matches {mean:.1} \
             on average, {:.0}% match more than {SEARCH_LIMIT}",
            loaded.as_secs_f64(),
            over * 100.0
        );
        (store, work)
    });

    let mut group = c.benchmark_group("postgres");
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
    targets = postgres
}
criterion_main!(benches);
