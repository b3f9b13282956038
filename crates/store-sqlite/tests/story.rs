//! The store story against SQLite, each chapter on a fresh database file.

use store_sqlite::SqliteStore;

async fn open() -> SqliteStore {
    // The directory lives as long as the process: each test gets its own.
    let dir = tempfile::tempdir().expect("temp dir").keep();
    SqliteStore::open(&dir.join("library.db"))
        .await
        .expect("open")
}

store::store_story!(open);
