//! HDBits as an indexer at `/api/v3/indexer`, against the fake HDBits
//! (`indexers::fake_hdbits`): Radarr's fields, the test that names a wrong
//! passkey, a movie's releases found by its IMDb id with HDBits' flags, and
//! HDBits' error statuses named with their message in health.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, hdbits_indexer, spawn_app_with_tmdb};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY, Trouble, torrent};

#[tokio::test]
async fn an_hdbits_indexer_is_offered_tested_and_searched_by_imdb_id() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let schema = app.get_json("/api/v3/indexer/schema").await;
    let hdbits = schema
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["implementation"] == "HDBits")
        .expect("HDBits is offered");
    assert_eq!(hdbits["configContract"], "HDBitsSettings");
    assert_eq!(hdbits["protocol"], "torrent");
    let fields: Vec<&str> = hdbits["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        &fields[..6],
        [
            "username",
            "apiKey",
            "baseUrl",
            "categories",
            "codecs",
            "mediums"
        ]
    );
    let field = |name: &str| {
        hdbits["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(field("baseUrl")["value"], "https://hdbits.org");
    assert_eq!(field("categories")["value"], json!([1]));
    assert_eq!(field("categories")["selectOptions"][0]["name"], "Movie");

    let mut internal = torrent(3, "The.Matrix.1999.1080p.BluRay.DTS.x264-CtrlHD", 133093);
    internal.type_origin = 1;
    internal.freeleech = "yes".into();
    let fake = FakeHdBits::start(vec![
        torrent(1, "The.Matrix.1999.720p.BluRay.x264-OLD", 133093),
        torrent(2, "Heat.1995.1080p.BluRay.x264-GRP", 113277),
        internal,
    ])
    .await;

    // A wrong passkey fails the test on save, on the API key.
    let refused = app
        .post("/api/v3/indexer", &hdbits_indexer(&fake.base_url, "wrong"))
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let failures: Value = refused.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "ApiKey", "{failures}");
    // So does a missing username, before HDBits is asked.
    let mut nameless = hdbits_indexer(&fake.base_url, PASSKEY);
    nameless["fields"][0]["value"] = json!("");
    let refused = app.post("/api/v3/indexer", &nameless).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.json::<Value>().await.unwrap()[0]["propertyName"],
        "Username"
    );

    let saved = app
        .post("/api/v3/indexer", &hdbits_indexer(&fake.base_url, PASSKEY))
        .await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    let saved: Value = saved.json().await.unwrap();
    let key = saved["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "apiKey")
        .unwrap();
    assert_eq!(key["value"], "********", "the passkey never reads back");

    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let releases = app
        .get_json(&format!("/api/v3/release?movieId={}", movie["id"]))
        .await;
    let releases = releases.as_array().unwrap();
    assert_eq!(releases.len(), 2, "only The Matrix's: {releases:?}");
    let best = releases
        .iter()
        .find(|r| r["guid"] == "HDBits-3")
        .expect("the internal release");
    assert_eq!(best["indexer"], "HDBits");
    assert_eq!(best["protocol"], "torrent");
    assert_eq!(best["seeders"], 40);
    let flags = best["indexerFlags"].as_array().unwrap();
    assert!(flags.contains(&json!("G_Freeleech")), "{best}");
    assert!(flags.contains(&json!("G_Internal")), "{best}");
    assert_eq!(best["quality"]["quality"]["name"], "Bluray-1080p");
    let asked = fake.requests();
    assert!(
        asked.iter().any(|q| q["imdb"]["id"] == 133093),
        "searched by IMDb id: {asked:?}"
    );
}

/// Saves an HDBits indexer called `name` on `fake`, with the right passkey.
async fn save(app: &TestApp, name: &str, fake: &FakeHdBits) -> Value {
    let mut body = hdbits_indexer(&fake.base_url, PASSKEY);
    body["name"] = json!(name);
    let saved = app.post("/api/v3/indexer", &body).await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    saved.json().await.unwrap()
}

/// The messages of health's `IndexerStatusCheck`, with its type.
async fn status_check(app: &TestApp) -> Vec<(String, String)> {
    let health = app.get_json("/api/v3/health").await;
    health
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["source"] == "IndexerStatusCheck")
        .map(|h| {
            (
                h["type"].as_str().unwrap().to_string(),
                h["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_hdbits_auth_failure_shows_in_health_with_hdbits_message() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let fake = FakeHdBits::start(vec![torrent(
        1,
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        133093,
    )])
    .await;
    let saved = save(&app, "HDBits", &fake).await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    assert!(status_check(&app).await.is_empty());

    // HDBits turns the passkey down (it was changed on the tracker).
    fake.trouble(Trouble::Status(5, "Auth failed".into()));
    let releases = app
        .get_json(&format!("/api/v3/release?movieId={}", movie["id"]))
        .await;
    assert_eq!(releases, json!([]), "nothing from a refused search");

    assert_eq!(
        status_check(&app).await,
        [(
            "error".to_string(),
            "All indexers are unavailable due to failures: HDBits (the indexer refused \
             the API key: HDBits refused the username or the passkey: Auth failed)"
                .to_string()
        )]
    );
    let statuses = app.get_json("/api/v3/indexerstatus").await;
    let statuses = statuses.as_array().unwrap();
    assert_eq!(statuses.len(), 1, "{statuses:?}");
    assert_eq!(statuses[0]["indexerId"], saved["id"]);
    assert!(statuses[0]["disabledTill"].is_string());
}

#[tokio::test]
async fn hdbits_refusing_a_query_is_named_beside_each_failing_indexer() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let matrix = || vec![torrent(1, "The.Matrix.1999.1080p.BluRay.x264-GRP", 133093)];
    let fake = FakeHdBits::start(matrix()).await;
    let backup_fake = FakeHdBits::start(matrix()).await;
    save(&app, "HDBits", &fake).await;
    save(&app, "Backup", &backup_fake).await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let search = format!("/api/v3/release?movieId={}", movie["id"]);

    // One of two fails: a warning naming it and what HDBits said.
    fake.trouble(Trouble::Status(7, "Invalid parameter".into()));
    let releases = app.get_json(&search).await;
    assert!(
        releases
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["indexer"] == "Backup"),
        "{releases}"
    );
    let invalid = "HDBits (the indexer refused the request (error 7): \
                   HDBits refused the query: Invalid parameter)";
    assert_eq!(
        status_check(&app).await,
        [(
            "warning".to_string(),
            format!("Indexers unavailable due to failures: {invalid}")
        )]
    );

    // Then the other too, while the first is still left alone: both named,
    // each with its own reason.
    backup_fake.trouble(Trouble::Status(3, "JSON malformed".into()));
    app.get_json(&search).await;
    assert_eq!(
        status_check(&app).await,
        [(
            "error".to_string(),
            format!(
                "All indexers are unavailable due to failures: {invalid}, Backup (the \
                 indexer refused the request (error 3): HDBits refused the query: JSON malformed)"
            )
        )]
    );
    let statuses = app.get_json("/api/v3/indexerstatus").await;
    assert_eq!(statuses.as_array().unwrap().len(), 2, "{statuses}");
}
