//! Adding movies with their metadata from a fake TMDB.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{spawn_app_using_tmdb, spawn_app_with, spawn_app_with_tmdb};

fn minimal_body(tmdb_id: i64, root: &Value) -> Value {
    json!({
        "tmdbId": tmdb_id,
        "qualityProfileId": 1,
        "rootFolderPath": root["path"],
        "monitored": true,
        "minimumAvailability": "announced",
        "addOptions": {"searchForMovie": false}
    })
}

#[tokio::test]
async fn a_minimal_add_stores_the_full_metadata_from_tmdb() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let response = app.post("/api/v3/movie", &minimal_body(603, &root)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", added["id"]))
        .await;
    for movie in [&added, &stored] {
        assert_eq!(movie["title"], "The Matrix");
        assert_eq!(movie["originalTitle"], "The Matrix");
        assert_eq!(movie["sortTitle"], "matrix");
        assert_eq!(movie["cleanTitle"], "thematrix");
        assert_eq!(movie["titleSlug"], "603");
        assert_eq!(movie["year"], 1999);
        assert_eq!(movie["imdbId"], "tt0133093");
        assert_eq!(movie["runtime"], 136);
        assert_eq!(movie["certification"], "R");
        assert_eq!(movie["status"], "released");
        assert_eq!(movie["inCinemas"], "1999-03-31T00:00:00Z");
        assert_eq!(movie["physicalRelease"], "1999-09-21T00:00:00Z");
        assert_eq!(movie["digitalRelease"], "2008-05-20T00:00:00Z");
        assert_eq!(movie["genres"], json!(["Action", "Science Fiction"]));
        assert_eq!(movie["collection"]["tmdbId"], 2344);
        assert!(movie["ratings"]["tmdb"]["votes"].as_i64().unwrap() > 0);
        assert!(!movie["overview"].as_str().unwrap().is_empty());
        assert!(!movie["studio"].as_str().unwrap().is_empty());
        assert!(!movie["youTubeTrailerId"].as_str().unwrap().is_empty());
        assert!(!movie["alternateTitles"].as_array().unwrap().is_empty());
        assert!(movie["popularity"].as_f64().unwrap() > 0.0);
        assert_eq!(movie["images"][0]["coverType"], "poster");
        assert!(
            movie["images"][0]["remoteUrl"]
                .as_str()
                .unwrap()
                .starts_with("https://image.tmdb.org/")
        );
        assert_eq!(
            movie["path"],
            format!("{}/The Matrix (1999)", root["path"].as_str().unwrap())
        );
        // The client's choices.
        assert_eq!(movie["monitored"], true);
        assert_eq!(movie["minimumAvailability"], "announced");
        assert_eq!(movie["qualityProfileId"], 1);
    }
}

#[tokio::test]
async fn an_id_tmdb_does_not_know_is_refused_and_nothing_is_stored() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let response = app
        .post("/api/v3/movie", &minimal_body(999_999_999, &root))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body[0]["propertyName"], "TmdbId");
    assert_eq!(
        body[0]["errorMessage"],
        "A movie with this ID was not found"
    );
    assert_eq!(app.get_json("/api/v3/movie").await, json!([]));
}

#[tokio::test]
async fn tmdb_failing_is_a_503_naming_it_and_nothing_is_stored() {
    let app = spawn_app_using_tmdb("http://127.0.0.1:9/3", "key").await;
    let root = app.add_root_folder().await;
    let response = app.post("/api/v3/movie", &minimal_body(603, &root)).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.unwrap();
    let message = body["message"].as_str().unwrap();
    assert!(message.contains("TMDB is unreachable"), "{message}");
    assert!(message.contains("603"), "{message}");
    assert_eq!(app.get_json("/api/v3/movie").await, json!([]));
}

#[tokio::test]
async fn a_bulk_import_keeps_to_the_limit_and_goes_past_failures() {
    let fake = tmdb::fake::FakeTmdb::start().await;
    let limit = tmdb::RateLimit {
        requests: 100,
        period: std::time::Duration::from_secs(1),
    };
    let base_url = fake.base_url.clone();
    let app = spawn_app_with(move |s| {
        s.tmdb.base_url = base_url;
        s.tmdb.credential = Some(tmdb::Credential::from_key(tmdb::fake::API_KEY));
        s.tmdb.rate_limit = limit;
    })
    .await;
    let root = app.add_root_folder().await;
    // One already in the library, one asked twice, three TMDB does not know.
    assert_eq!(
        app.post("/api/v3/movie", &minimal_body(1, &root))
            .await
            .status(),
        StatusCode::CREATED
    );
    let mut body: Vec<Value> = (1..=1000).map(|id| minimal_body(id, &root)).collect();
    body.push(minimal_body(500, &root));
    body.extend((1..=3).map(|n| minimal_body(i64::from(tmdb::fake::KNOWN_IDS) + n, &root)));
    let response = app.post("/api/v3/movie/import", &json!(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let added: Value = response.json().await.unwrap();
    let added = added.as_array().unwrap();
    assert_eq!(
        added.len(),
        999,
        "all but the one present and the unknown three"
    );
    for movie in added {
        let tmdb_id = movie["tmdbId"].as_i64().unwrap();
        let title = match tmdb_id {
            603 => "The Matrix".to_string(),
            _ => format!("Movie {tmdb_id}"),
        };
        assert_eq!(movie["title"], title.as_str(), "titles come from TMDB");
    }
    assert_eq!(
        app.get_json("/api/v3/movie")
            .await
            .as_array()
            .unwrap()
            .len(),
        1000
    );

    // The three TMDB does not know are counted (and logged with the reason).
    let failures = app.metric("radarr_movie_import_failures_total").await;
    assert_eq!(failures, Some(3.0));

    // One request per movie asked of TMDB, never more than the limit in a
    // second.
    // (The Matrix's collection is fetched too, by the command its add queued.)
    let movie_requests = fake
        .seen()
        .iter()
        .filter(|s| s.path.starts_with("/movie/"))
        .count();
    assert_eq!(movie_requests, 1 + 999 + 3);
    // Counted as they arrive: on a loaded machine requests sent in order
    // can land bunched, one or two into the next second's window.
    let most = fake.most_in_any(limit.period);
    assert!(
        most <= limit.requests as usize + 2,
        "{most} requests in one second"
    );
    // The rate it reaches is a speed: the `tmdb` benchmark measures it.
}
