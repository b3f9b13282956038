//! The store's benchmarks on SQLite: a fresh database file in a temporary
//! folder, loaded with 10,000 full-sized movies (each with a file), then
//! `sqlite/create_movie`, `sqlite/fetch_movie_by_id`, `sqlite/search_movies`
//! and `sqlite/update_movie`. The workload and harness are
//! `store::bench_data`, shared with the PostgreSQL benchmarks.
//!
//! `cargo bench -p unified-radarr-store-sqlite --bench store`
#![forbid(unsafe_code)]

use criterion::{Criterion, criterion_group, criterion_main};
use store::bench_data::{criterion_config, run_benchmarks};
use store_sqlite::SqliteStore;

/// The allocator the server runs with, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn sqlite(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("library.db");
    run_benchmarks(c, "sqlite", async move {
        SqliteStore::open(&file).await.expect("open")
    });
}

criterion_group! {
    name = benches;
    config = criterion_config();
    targets = sqlite
}
criterion_main!(benches);
