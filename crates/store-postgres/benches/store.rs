//! The store's benchmarks on PostgreSQL: a fresh database on the server named
//! by `UNIFIED_RADARR_TEST_POSTGRES_URL`, with the default pool options,
//! loaded with 10,000 full-sized movies (each with a file), then
//! `postgres/create_movie`, `postgres/fetch_movie_by_id`,
//! `postgres/search_movies` and `postgres/update_movie`. The workload and
//! harness are `store::bench_data`, shared with the SQLite benchmarks.
//! Without the variable the group is skipped with a message.
//!
//! `UNIFIED_RADARR_TEST_POSTGRES_URL=postgres://… cargo bench -p unified-radarr-store-postgres --bench store`
#![forbid(unsafe_code)]

use criterion::{Criterion, criterion_group, criterion_main};
use store::bench_data::{criterion_config, run_benchmarks};
use store_postgres::test_database::fresh_database;
use store_postgres::{PostgresOptions, PostgresStore};

/// The allocator the server runs with, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const URL_VAR: &str = "UNIFIED_RADARR_TEST_POSTGRES_URL";

fn postgres(c: &mut Criterion) {
    if std::env::var_os(URL_VAR).is_none() {
        eprintln!(
            "postgres benchmarks skipped: {URL_VAR} is not set; point it at a PostgreSQL server \
             where you may CREATE DATABASE (scripts/test.sh shows how to start a throwaway one)"
        );
        return;
    }
    run_benchmarks(c, "postgres", async {
        let url = fresh_database().await;
        PostgresStore::connect(&PostgresOptions::new(url))
            .await
            .expect("connect")
    });
}

criterion_group! {
    name = benches;
    config = criterion_config();
    targets = postgres
}
criterion_main!(benches);
