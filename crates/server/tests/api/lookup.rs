//! `/api/v3/movie/lookup` against a fake TMDB.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app_using_tmdb, spawn_app_with, spawn_app_with_tmdb};

fn by_tmdb_id(results: &Value, tmdb_id: i64) -> &Value {
    results
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["tmdbId"] == tmdb_id)
        .unwrap_or_else(|| panic!("{tmdb_id} not in {results}"))
}

#[tokio::test]
async fn free_text_finds_movies_in_radarrs_lookup_shape() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let results = app.get_json("/api/v3/movie/lookup?term=The%20Matrix").await;
    let ids: Vec<i64> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tmdbId"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![603, 604, 605, 624860]);
    let matrix = by_tmdb_id(&results, 603);
    assert!(matrix.get("id").is_none(), "not in the library: no id");
    assert_eq!(matrix["title"], "The Matrix");
    assert_eq!(matrix["year"], 1999);
    assert_eq!(matrix["monitored"], false);
    assert_eq!(matrix["qualityProfileId"], 0);
    assert_eq!(matrix["minimumAvailability"], "tba");
    assert_eq!(matrix["added"], "0001-01-01T00:00:00Z");
    assert_eq!(matrix["folder"], "The Matrix (1999)");
    assert_eq!(matrix["titleSlug"], "603");
    let poster = "https://image.tmdb.org/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg";
    assert_eq!(matrix["remotePoster"], poster);
    assert_eq!(matrix["images"][0]["remoteUrl"], poster);
    for absent in ["hasFile", "statistics", "sizeOnDisk", "isExcluded"] {
        assert!(
            matrix.get(absent).is_none(),
            "{absent} is not in lookup results"
        );
    }
    // A year at the end narrows the search.
    let in_2003 = app
        .get_json("/api/v3/movie/lookup?term=matrix%202003")
        .await;
    assert_eq!(in_2003.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn ids_and_links_find_one_movie_with_its_details() {
    let (app, fake) = spawn_app_with_tmdb().await;
    for term in [
        "tmdb:603",
        "TMDBID:603",
        "imdb:tt0133093",
        "tt0133093",
        "https://www.themoviedb.org/movie/603-the-matrix",
    ] {
        let results = app
            .get_json(&format!("/api/v3/movie/lookup?term={term}"))
            .await;
        assert_eq!(results.as_array().unwrap().len(), 1, "{term}");
        let matrix = &results[0];
        assert_eq!(matrix["tmdbId"], 603, "{term}");
        assert_eq!(matrix["imdbId"], "tt0133093");
        assert_eq!(matrix["certification"], "R");
        assert_eq!(matrix["runtime"], 136);
        assert_eq!(matrix["status"], "released");
        assert_eq!(matrix["inCinemas"], "1999-03-31T00:00:00Z");
        assert_eq!(matrix["collection"]["tmdbId"], 2344);
        assert_eq!(matrix["originalLanguage"]["name"], "English");
    }
    let details_requests = fake
        .seen()
        .iter()
        .filter(|s| s.path == "/movie/603")
        .count();
    assert_eq!(
        details_requests, 1,
        "details are asked of TMDB once, then kept"
    );

    let none = app
        .get_json("/api/v3/movie/lookup?term=tmdb:999999999")
        .await;
    assert_eq!(none, json!([]), "an unknown id finds nothing");
    assert_eq!(
        app.get_json("/api/v3/movie/lookup?term=tmdb:").await,
        json!([])
    );

    let one = app.get_json("/api/v3/movie/lookup/tmdb?tmdbId=603").await;
    assert_eq!(one["title"], "The Matrix");
    let one = app
        .get_json("/api/v3/movie/lookup/imdb?imdbId=tt0133093")
        .await;
    assert_eq!(one["tmdbId"], 603);
    let missing = app.get("/api/v3/movie/lookup/tmdb?tmdbId=999999999").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let missing = app.get("/api/v3/movie/lookup/imdb?imdbId=tt9999999").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let bad = app.get("/api/v3/movie/lookup/tmdb?tmdbId=abc").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_movie_in_the_library_is_shown_as_the_library_has_it() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let added = app.add_movie(603, "The Matrix", 1999).await;
    let mut exclusion =
        json!([{"tmdbId": 604, "movieTitle": "The Matrix Reloaded", "movieYear": 2003}]);
    let status = app
        .post("/api/v3/exclusions/bulk", &exclusion)
        .await
        .status();
    assert!(status.is_success(), "{status}");
    exclusion = app.get_json("/api/v3/movie/lookup?term=matrix").await;
    let matrix = by_tmdb_id(&exclusion, 603);
    assert_eq!(matrix["id"], added["id"]);
    assert_eq!(matrix["monitored"], true);
    assert_eq!(matrix["qualityProfileId"], 1);
    assert!(
        matrix["path"]
            .as_str()
            .unwrap()
            .starts_with(root["path"].as_str().unwrap())
    );
    assert!(
        matrix.get("hasFile").is_none(),
        "even then, no hasFile in lookup"
    );
    assert_eq!(by_tmdb_id(&exclusion, 604)["isExcluded"], true);
    assert!(by_tmdb_id(&exclusion, 605).get("isExcluded").is_none());
}

/// The message of a 503 that `path` answers with.
async fn unavailable(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
    let body: Value = response.json().await.unwrap();
    body["message"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn tmdb_failures_are_503_naming_tmdb_and_the_reason() {
    let fake = tmdb::fake::FakeTmdb::start().await;
    let bad_key = spawn_app_using_tmdb(&fake.base_url, "not-the-key").await;
    assert_eq!(
        unavailable(&bad_key, "/api/v3/movie/lookup?term=matrix").await,
        "Search for 'matrix' failed. TMDB refused the API key: Invalid API key: You must be granted a valid key."
    );
    let unconfigured = spawn_app_with(|s| s.tmdb.credential = None).await;
    let message = unavailable(&unconfigured, "/api/v3/movie/lookup/tmdb?tmdbId=603").await;
    assert!(message.contains("TMDB is not configured"), "{message}");
    let unreachable = spawn_app_using_tmdb("http://127.0.0.1:9/3", "key").await;
    let message = unavailable(&unreachable, "/api/v3/movie/lookup?term=tmdb:603").await;
    assert!(message.contains("TMDB is unreachable"), "{message}");
}

#[tokio::test]
async fn health_shows_tmdb_failing_until_it_answers_again() {
    let (app, fake) = spawn_app_with_tmdb().await;
    assert_eq!(app.get_json("/api/v3/health").await, json!([]));
    fake.trouble(std::iter::repeat_n(
        tmdb::fake::Trouble::ServerError,
        tmdb::TRIES as usize,
    ));
    let response = app.get("/api/v3/movie/lookup?term=matrix").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health = app.get_json("/api/v3/health").await;
    assert_eq!(health[0]["source"], "MetadataCheck");
    assert_eq!(health[0]["type"], "error");
    let message = health[0]["message"].as_str().unwrap();
    assert!(message.contains("TMDB is unreachable: 500"), "{message}");
    // An id TMDB does not know is an answer, and clears it.
    assert_eq!(
        app.get_json("/api/v3/movie/lookup?term=tmdb:999999999")
            .await,
        json!([])
    );
    assert_eq!(app.get_json("/api/v3/health").await, json!([]));
}

#[tokio::test]
async fn tmdb_requests_and_the_cache_show_in_metrics() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    for _ in 0..3 {
        app.get_json("/api/v3/movie/lookup?term=tmdb:603").await;
    }
    // None is below every value: a missing series fails too.
    let ok = "radarr_tmdb_requests_total{endpoint=\"movie\",outcome=\"ok\"}";
    assert!(app.metric(ok).await >= Some(1.0));
    let misses = "radarr_tmdb_cache_misses_total{cache=\"details\"}";
    assert!(app.metric(misses).await >= Some(1.0));
    let hits = "radarr_tmdb_cache_hits_total{cache=\"details\"}";
    assert!(app.metric(hits).await >= Some(2.0));
    let bucket = "radarr_tmdb_request_duration_seconds_bucket{endpoint=\"movie\",le=\"+Inf\"}";
    assert!(
        app.metric(bucket).await.is_some(),
        "TMDB durations have buckets"
    );
}
