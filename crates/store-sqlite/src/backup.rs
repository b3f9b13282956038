//! Copies of the database for backups, and the check a copy passes before
//! it may replace the database on a restore.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use store::{Result, StoreError};

/// Writes a consistent copy of the database `conn` reads to the new file
/// `to`. `VACUUM INTO` reads inside one transaction, so the copy is a
/// snapshot even while writes go on, and it comes out compact. The copy is
/// then switched out of WAL mode, so it is one self-contained file.
pub(crate) fn copy_into(conn: &Connection, to: &Path) -> Result<()> {
    let target = to.to_str().ok_or_else(|| {
        StoreError::Corrupt(format!(
            "the backup path {} is not valid UTF-8",
            to.display()
        ))
    })?;
    conn.execute("VACUUM INTO ?1", [target])?;
    let copy = Connection::open(to)?;
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Checks that the file at `copy` is a whole database of this store whose
/// schema version is at most `newest` (what this build migrates to): a copy
/// made by a newer build could not be opened after a restore.
pub(crate) fn check_copy(copy: &Path, newest: i64) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(copy, flags)?;
    // Reading the header is what tells a database from any other file.
    let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(StoreError::Corrupt(format!(
            "the database is damaged ({check})"
        )));
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let has_movies: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'movies')",
        [],
        |row| row.get(0),
    )?;
    if version == 0 || !has_movies {
        return Err(StoreError::Corrupt(
            "the file is a SQLite database, but not one of Unified-Radarr".into(),
        ));
    }
    if version > newest {
        return Err(StoreError::Corrupt(format!(
            "the database comes from a newer version of Unified-Radarr (schema {version}; \
             this version knows up to {newest})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_of_a_database_passes_and_other_files_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("original.db");
        let conn = Connection::open(&original).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch(
            "CREATE TABLE movies (id INTEGER PRIMARY KEY); PRAGMA user_version = 3;",
        )
        .unwrap();
        // The store copies through one of its read-only connections.
        let reader =
            Connection::open_with_flags(&original, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let copy = dir.path().join("copy.db");
        copy_into(&reader, &copy).unwrap();
        check_copy(&copy, 3).unwrap();
        let mode: String = Connection::open(&copy)
            .unwrap()
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "one self-contained file");

        let newer = check_copy(&copy, 2).unwrap_err().to_string();
        assert!(newer.contains("newer version"), "{newer}");

        let text = dir.path().join("notes.db");
        std::fs::write(&text, "not a database at all, just some words").unwrap();
        assert!(check_copy(&text, 3).is_err());

        let foreign = dir.path().join("foreign.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE other (id INTEGER)")
            .unwrap();
        let message = check_copy(&foreign, 3).unwrap_err().to_string();
        assert!(message.contains("not one of Unified-Radarr"), "{message}");
    }
}
