//! The store story against SQLite, each chapter on a fresh database file,
//! and what is SQLite's own: the facts it reports, reopening, closing.

use std::path::{Path, PathBuf};

use store::{Backend, Database, MovieStore, ProfileStore};
use store_sqlite::SqliteStore;

fn fresh_file() -> PathBuf {
    // The directory lives as long as the process: each test gets its own.
    tempfile::tempdir()
        .expect("temp dir")
        .keep()
        .join("library.db")
}

async fn open_file(path: &Path) -> SqliteStore {
    SqliteStore::open(path).await.expect("open")
}

async fn open() -> SqliteStore {
    open_file(&fresh_file()).await
}

store::store_story!(open);

#[tokio::test]
async fn database_facts() {
    let store = open().await;
    assert_eq!(store.backend(), Backend::Sqlite);
    let version = store.server_version().await.expect("version");
    assert!(version.starts_with("3."), "{version}");
    assert_eq!(store.migration_version().await.expect("migration"), 11);
    store.ping().await.expect("ping");
    let (open, idle) = store.pool_connections();
    assert!(
        open >= 2 && idle >= 1,
        "writer and a reader: {open} open, {idle} idle"
    );
    store.close().await;
    assert!(store.ping().await.is_err(), "closed");
    assert!(store.movie(1).await.is_err(), "reads after close fail");
}

/// A second start on the same file keeps the library and does not migrate again.
#[tokio::test]
async fn reopening_keeps_the_library() {
    let path = fresh_file();
    let first = open_file(&path).await;
    first
        .seed_defaults(
            &domain::quality_profile::default_profiles(),
            &domain::quality_definition::default_definitions(),
        )
        .await
        .expect("seed");
    let added = first
        .add_movie(&store::story::full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    first.close().await;

    let second = open_file(&path).await;
    assert_eq!(second.migration_version().await.expect("migration"), 11);
    assert_eq!(
        second.movie(added.id).await.expect("movie").title,
        "The Matrix"
    );
}

/// Readers left idle are closed (their page caches are memory an idle server
/// should not hold), and opened again on the next read.
#[tokio::test(start_paused = true)]
async fn idle_readers_are_closed() {
    let store = open().await;
    store.ping().await.expect("ping");
    assert!(store.pool_connections().0 >= 2, "writer and a reader");
    tokio::time::sleep(std::time::Duration::from_secs(120)).await;
    assert_eq!(store.pool_connections().0, 1, "only the writer is left");
    store.ping().await.expect("a new reader");
    assert_eq!(store.pool_connections().0, 2);
}

/// A database file this store did not make is refused with a clear reason,
/// and left as it was.
#[tokio::test]
async fn a_foreign_database_is_refused() {
    let path = fresh_file();
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute("CREATE TABLE movies (id INTEGER PRIMARY KEY)", [])
            .expect("table");
    }
    let err = SqliteStore::open(&path).await.err().expect("refused");
    assert!(err.to_string().contains("no schema version"), "{err}");
    let conn = rusqlite::Connection::open(&path).expect("reopen");
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(tables, 1, "nothing was added");
}
