//! Throwaway databases for tests, on the server named by
//! `UNIFIED_RADARR_TEST_POSTGRES_URL` (`scripts/test.sh` starts one and sets it).
//!
//! Databases are not dropped at the end of a test (an async drop guard is
//! awkward, and a failed test's database is worth a look): the script's cluster
//! is deleted when it ends, and on a longer-lived server each run first drops
//! the test databases that earlier runs left more than an hour ago.

use std::sync::Once;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::{Connection, PgConnection};

const URL_VAR: &str = "UNIFIED_RADARR_TEST_POSTGRES_URL";

/// Story databases older than this are left over from earlier runs.
const STALE_AFTER: Duration = Duration::from_secs(3600);

fn admin_url() -> String {
    std::env::var(URL_VAR).unwrap_or_else(|_| {
        panic!(
            "{URL_VAR} is not set: run `scripts/test.sh` (it starts a throwaway PostgreSQL and \
             sets it), or point it at a server where you may CREATE DATABASE"
        )
    })
}

fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// The same URL naming another database (query parameters kept).
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let server = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

/// Drops story databases that earlier runs left behind, once per process.
async fn drop_stale_databases(admin: &mut PgConnection) {
    static ONCE: Once = Once::new();
    let mut first = false;
    ONCE.call_once(|| first = true);
    if !first {
        return;
    }
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")
            .fetch_all(&mut *admin)
            .await
            .expect("list databases");
    let cutoff = now_nanos().saturating_sub(STALE_AFTER.as_nanos());
    for name in names {
        let created = name.rsplit('_').next().and_then(|n| n.parse::<u128>().ok());
        if created.is_some_and(|created| created < cutoff) {
            // Another run may be dropping it too: its failure is no concern here.
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\""))
                .execute(&mut *admin)
                .await;
        }
    }
}

/// Creates an empty database with a name no other test or run uses, and
/// returns its URL.
pub async fn fresh_database() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let admin_url = admin_url();
    let mut admin = PgConnection::connect(&admin_url)
        .await
        .expect("connect to the admin URL");
    drop_stale_databases(&mut admin).await;
    let name = format!(
        "test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        now_nanos()
    );
    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
        .execute(&mut admin)
        .await
        .expect("create database");
    admin.close().await.expect("close admin connection");
    with_database(&admin_url, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_url_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "story_1"),
            "postgres://postgres@127.0.0.1:5432/story_1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/postgres?sslmode=disable", "s"),
            "postgres://u:p@h/s?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h:1", "s"), "postgres://h:1/s");
    }
}
