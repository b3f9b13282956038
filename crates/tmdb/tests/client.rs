//! The TMDB client against a fake TMDB that answers as TMDB documents.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tmdb::fake::{ACCESS_TOKEN, API_KEY, FakeTmdb, Trouble};
use tmdb::{Credential, RateLimit, TRIES, Tmdb, TmdbClient, TmdbConfig, TmdbError};

fn config(fake: &FakeTmdb) -> TmdbConfig {
    TmdbConfig {
        base_url: fake.base_url.clone(),
        credential: Some(Credential::from_key(API_KEY)),
        // Fast enough not to slow the tests that are not about it.
        rate_limit: RateLimit {
            requests: 1000,
            period: Duration::from_secs(1),
        },
        ..TmdbConfig::default()
    }
}

async fn client_with(adjust: impl FnOnce(&mut TmdbConfig)) -> (FakeTmdb, TmdbClient) {
    let fake = FakeTmdb::start().await;
    let mut config = config(&fake);
    adjust(&mut config);
    let client = TmdbClient::new(config).expect("client");
    (fake, client)
}

async fn client() -> (FakeTmdb, TmdbClient) {
    client_with(|_| {}).await
}

#[tokio::test]
async fn movie_details_come_with_everything_appended_in_one_request() {
    let (fake, tmdb) = client().await;
    let movie = tmdb.movie(603).await.expect("details");
    assert_eq!(movie.movie.title, "The Matrix");
    assert_eq!(movie.imdb_id.as_deref(), Some("tt0133093"));
    assert_eq!(movie.runtime, Some(136));
    assert_eq!(
        movie.belongs_to_collection.as_ref().map(|c| c.id),
        Some(2344)
    );
    assert!(movie.genres.iter().any(|g| g.name == "Science Fiction"));
    let credits = movie.credits.as_ref().expect("credits");
    assert!(credits.cast.iter().any(|c| c.name == "Keanu Reeves"));
    let us = movie
        .release_dates
        .as_ref()
        .and_then(|r| r.results.iter().find(|c| c.iso_3166_1 == "US"))
        .expect("US releases");
    assert!(
        us.release_dates
            .iter()
            .any(|r| r.kind == 3 && r.certification == "R")
    );
    assert!(
        !movie
            .alternative_titles
            .as_ref()
            .expect("titles")
            .titles
            .is_empty()
    );
    let trailer = movie
        .videos
        .as_ref()
        .expect("videos")
        .results
        .iter()
        .find(|v| v.kind == "Trailer");
    assert_eq!(trailer.map(|v| v.site.as_str()), Some("YouTube"));
    let seen = fake.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/movie/603");
    assert_eq!(seen[0].authorized_by, "api_key");
}

#[tokio::test]
async fn a_read_access_token_goes_as_a_bearer_header() {
    let (fake, tmdb) =
        client_with(|c| c.credential = Some(Credential::from_key(ACCESS_TOKEN))).await;
    tmdb.movie(603).await.expect("details");
    assert_eq!(fake.seen()[0].authorized_by, "token");
}

#[tokio::test]
async fn search_find_and_collection_read_as_documented() {
    let (_fake, tmdb) = client().await;
    let page = tmdb.search_movies("Matrix", None).await.expect("search");
    let ids: Vec<i32> = page.results.iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![603, 604, 605, 624860]);
    let in_2003 = tmdb
        .search_movies("matrix", Some(2003))
        .await
        .expect("search");
    let ids: Vec<i32> = in_2003.results.iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![604, 605]);

    let found = tmdb.find_by_imdb("tt0133093").await.expect("find");
    assert_eq!(found.map(|m| m.id), Some(603));
    assert!(
        tmdb.find_by_imdb("tt9999999")
            .await
            .expect("find")
            .is_none()
    );

    let collection = tmdb.collection(2344).await.expect("collection");
    assert_eq!(collection.name, "The Matrix Collection");
    assert_eq!(collection.parts.len(), 4);
}

#[tokio::test]
async fn answers_are_kept_and_repeated_lookups_mostly_hit() {
    let (fake, tmdb) = client().await;
    // 100 lookups of 10 movies, and a search asked twice.
    for i in 0..100 {
        tmdb.movie(1 + i % 10).await.expect("details");
    }
    tmdb.search_movies("matrix", None).await.expect("search");
    tmdb.search_movies(" MATRIX ", None).await.expect("search");
    assert_eq!(
        fake.requests(),
        11,
        "one request per movie and one for the search"
    );
    // A refresh asks TMDB again.
    tmdb.movie_fresh(1).await.expect("refresh");
    assert_eq!(fake.requests(), 12);
}

#[tokio::test]
async fn concurrent_asks_for_one_movie_make_one_request() {
    let (fake, tmdb) = client().await;
    let tmdb = Arc::new(tmdb);
    let asks = (0..20).map(|_| {
        let tmdb = tmdb.clone();
        tokio::spawn(async move { tmdb.movie(7).await.map(|m| m.movie.id) })
    });
    for ask in futures_join(asks).await {
        assert_eq!(ask, 7);
    }
    assert_eq!(fake.requests(), 1);
}

async fn futures_join<T: Send + 'static>(
    tasks: impl Iterator<Item = tokio::task::JoinHandle<tmdb::Result<T>>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.expect("task").expect("answer"));
    }
    out
}

#[tokio::test]
async fn a_bad_key_is_reported_as_tmdb_refusing_it_without_retries() {
    let (fake, tmdb) = client_with(|c| c.credential = Some(Credential::from_key("wrong"))).await;
    let err = tmdb.movie(603).await.expect_err("refused");
    assert!(matches!(err, TmdbError::Unauthorized(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "TMDB refused the API key: Invalid API key: You must be granted a valid key."
    );
    assert_eq!(fake.requests(), 1);
}

#[tokio::test]
async fn no_credentials_is_reported_before_any_request_or_wait() {
    let (fake, tmdb) = client_with(|c| {
        c.credential = None;
        c.rate_limit = RateLimit {
            requests: 1,
            period: Duration::from_secs(60),
        };
    })
    .await;
    let started = Instant::now();
    for id in 1..=3 {
        let err = tmdb.movie(id).await.expect_err("not configured");
        assert!(matches!(err, TmdbError::NotConfigured), "{err:?}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "no turn was waited for"
    );
    assert_eq!(fake.requests(), 0);
}

#[tokio::test]
async fn an_unknown_id_is_not_found_and_not_kept() {
    let (fake, tmdb) = client().await;
    let err = tmdb.movie(2_000_000_000).await.expect_err("unknown");
    assert_eq!(err.to_string(), "TMDB has no movie 2000000000");
    tmdb.movie(2_000_000_000).await.expect_err("unknown");
    assert_eq!(fake.requests(), 2, "a failure is asked again");
    let err = tmdb.collection(1).await.expect_err("unknown");
    assert_eq!(err.to_string(), "TMDB has no collection 1");
}

#[tokio::test]
async fn a_429_is_waited_out_as_retry_after_says() {
    let (fake, tmdb) = client().await;
    fake.trouble([Trouble::TooMany(1)]);
    let started = Instant::now();
    let movie = tmdb.movie(603).await.expect("after the wait");
    assert_eq!(movie.movie.id, 603);
    let seen = fake.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].at - seen[0].at >= Duration::from_secs(1), "waited");
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn failures_in_passing_are_retried_and_then_reported() {
    let (fake, tmdb) = client().await;
    fake.trouble([Trouble::ServerError, Trouble::ServerError]);
    assert_eq!(tmdb.movie(603).await.expect("third try").movie.id, 603);
    assert_eq!(fake.requests(), 3);

    fake.trouble(std::iter::repeat_n(Trouble::ServerError, TRIES as usize));
    let err = tmdb.movie(604).await.expect_err("every try failed");
    assert!(matches!(err, TmdbError::Unreachable(_)), "{err:?}");
    assert!(
        err.to_string().starts_with("TMDB is unreachable: 500"),
        "{err}"
    );
    assert_eq!(fake.requests(), 3 + TRIES as usize);
}

#[tokio::test]
async fn a_slow_answer_times_out_and_is_retried() {
    let (fake, tmdb) = client_with(|c| c.timeout = Duration::from_millis(300)).await;
    fake.trouble([Trouble::Slow(Duration::from_secs(2))]);
    assert_eq!(tmdb.movie(603).await.expect("second try").movie.id, 603);
    assert_eq!(fake.requests(), 2);

    fake.trouble(std::iter::repeat_n(
        Trouble::Slow(Duration::from_secs(2)),
        TRIES as usize,
    ));
    let err = tmdb.movie(604).await.expect_err("timed out every time");
    assert_eq!(err.to_string(), "TMDB is unreachable: timed out", "{err:?}");
}

#[tokio::test]
async fn malformed_json_is_reported_and_not_retried() {
    let (fake, tmdb) = client().await;
    fake.trouble([Trouble::Malformed]);
    let err = tmdb.movie(603).await.expect_err("malformed");
    assert!(
        err.to_string()
            .starts_with("TMDB sent a malformed answer for movie 603: "),
        "{err}"
    );
    assert_eq!(fake.requests(), 1);
}

#[tokio::test]
async fn an_unreachable_tmdb_is_reported() {
    // A port nothing listens on: bound, then released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let tmdb = TmdbClient::new(TmdbConfig {
        base_url: format!("http://127.0.0.1:{port}/3"),
        credential: Some(Credential::from_key(API_KEY)),
        ..TmdbConfig::default()
    })
    .expect("client");
    let err = tmdb.movie(603).await.expect_err("nothing there");
    assert!(
        err.to_string()
            .starts_with("TMDB is unreachable: connection failed"),
        "{err}"
    );
}

#[tokio::test]
async fn the_limit_holds_in_every_window_whatever_the_concurrency() {
    let limit = RateLimit {
        requests: 100,
        period: Duration::from_secs(1),
    };
    let (fake, tmdb) = client_with(|c| c.rate_limit = limit).await;
    let tmdb = Arc::new(tmdb);
    let movies = 300;
    let workers: Vec<_> = (0..32)
        .map(|worker| {
            let tmdb = tmdb.clone();
            tokio::spawn(async move {
                let mut id = worker + 1;
                while id <= movies {
                    tmdb.movie(id).await.expect("details");
                    id += 32;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("worker");
    }
    assert_eq!(fake.requests(), movies as usize);
    // Counted as they arrive: on a loaded machine requests sent in order
    // can land bunched, one or two into the next period's window.
    let most = fake.most_in_any(limit.period);
    assert!(most <= limit.requests as usize + 2, "{most} in one period");
    // How near the limit the rate comes is a speed, measured by the
    // `tmdb` benchmark (docs/PERFORMANCE.md), not asserted here.
}
