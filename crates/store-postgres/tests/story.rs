//! The store story against PostgreSQL, each chapter on a fresh database, and
//! what only this backend has: start-up by several instances at once.
//!
//! Needs `UNIFIED_RADARR_TEST_POSTGRES_URL`, a URL with the right to create
//! databases; `scripts/test.sh` starts a throwaway cluster and sets it.
//!
//! The databases are not dropped at the end of a test (an async drop guard is
//! awkward, and a failed test's database is worth a look): the script's cluster
//! is deleted when it ends, and on a longer-lived server each run first drops
//! the `story_` databases that earlier runs left more than an hour ago.

use store::{Backend, Database, ProfileStore};
use store_postgres::test_database::fresh_database;
use store_postgres::{PostgresOptions, PostgresStore};

/// Small pools: fifteen chapters run at once against one server.
fn test_options(url: String) -> PostgresOptions {
    PostgresOptions {
        max_connections: 4,
        min_connections: 0,
        ..PostgresOptions::new(url)
    }
}

async fn open() -> PostgresStore {
    let url = fresh_database().await;
    PostgresStore::connect(&test_options(url))
        .await
        .expect("connect")
}

store::store_story!(open);

#[tokio::test]
async fn database_facts() {
    let store = open().await;
    assert_eq!(store.backend(), Backend::Postgres);
    let version = store.server_version().await.expect("version");
    assert!(
        version.chars().next().is_some_and(|c| c.is_ascii_digit()),
        "{version}"
    );
    assert_eq!(store.migration_version().await.expect("migration"), 11);
    store.ping().await.expect("ping");
    store.close().await;
    assert!(store.ping().await.is_err(), "closed");
}

/// Several instances starting at once on one empty database: each migrates
/// (one after the other) and seeds, and the defaults are stored once.
#[tokio::test]
async fn instances_start_together() {
    let url = fresh_database().await;
    let options = test_options(url);
    let starts = (0..4).map(|_| async {
        let store = PostgresStore::connect(&options).await.expect("connect");
        store
            .seed_defaults(
                &domain::quality_profile::default_profiles(),
                &domain::quality_definition::default_definitions(),
            )
            .await
            .expect("seed");
        store
    });
    let stores = futures::future::join_all(starts).await;
    for store in &stores {
        assert_eq!(store.migration_version().await.expect("migration"), 11);
        assert_eq!(
            store.quality_profiles().await.expect("profiles"),
            domain::quality_profile::default_profiles()
        );
    }
}
