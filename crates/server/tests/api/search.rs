//! Finding releases end to end: an indexer added as Prowlarr adds it, a
//! movie, an interactive search with every decision and its reasons, grabs
//! into a blackhole folder by hand, by an automatic search, by RSS sync and
//! by a pushed release, and the Wanted lists.

use indexers::fake::{API_KEY, FakeIndexer, FakeNewznab, FakeRelease, FakeTorznab};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, file_names, movie_body, spawn_app_with, spawn_app_with_tmdb};

/// A Torznab indexer as Prowlarr's sync sends it.
fn torznab(name: &str, base_url: &str) -> Value {
    json!({
        "name": name,
        "implementation": "Torznab",
        "configContract": "TorznabSettings",
        "protocol": "torrent",
        "enableRss": true,
        "enableAutomaticSearch": true,
        "enableInteractiveSearch": true,
        "priority": 25,
        "downloadClientId": 0,
        "tags": [],
        "fields": [
            {"name": "baseUrl", "value": base_url},
            {"name": "apiPath", "value": "/api"},
            {"name": "apiKey", "value": API_KEY},
            {"name": "categories", "value": [2000, 2040, 2045]},
            {"name": "minimumSeeders", "value": 1},
            {"name": "seedCriteria.seedRatio"},
            {"name": "seedCriteria.seedTime"},
        ]
    })
}

/// Adds a `TorrentBlackhole` or `UsenetBlackhole` (`kind` is the prefix)
/// writing into `folder`.
async fn add_blackhole(app: &TestApp, kind: &str, folder_field: &str, folder: &str) {
    let client = json!({
        "name": format!("{kind} Blackhole"),
        "implementation": format!("{kind}Blackhole"),
        "configContract": format!("{kind}BlackholeSettings"),
        "enable": true,
        "fields": [{"name": folder_field, "value": folder}, {"name": "watchFolder", "value": folder}],
    });
    let response = app.post("/api/v3/downloadclient", &client).await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

/// A release of The Matrix (TMDB 603), as the fake lists it.
fn matrix(title: &str) -> FakeRelease {
    let mut release = FakeRelease::new(&format!("The.Matrix.1999.{title}"));
    release.tmdb_id = 603;
    release.imdb_digits = "0133093".into();
    release
}

/// A server with a torrent blackhole, a fake Torznab listing `releases`
/// added as Prowlarr would (its test needs something listed), and The
/// Matrix under `profile`, not searched on add.
async fn library(
    profile: i64,
    releases: Vec<FakeRelease>,
) -> (TestApp, FakeIndexer, tempfile::TempDir, i64, i64) {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    library_on(app, profile, releases).await
}

/// The same library on a fresh PostgreSQL database.
async fn library_on_postgres(
    profile: i64,
    releases: Vec<FakeRelease>,
) -> (TestApp, FakeIndexer, tempfile::TempDir, i64, i64) {
    let tmdb = tmdb::fake::FakeTmdb::start().await;
    let url = store_postgres::test_database::fresh_database().await;
    let app = spawn_app_with(move |s| {
        s.tmdb.base_url = tmdb.base_url.clone();
        s.tmdb.credential = Some(tmdb::Credential::from_key(tmdb::fake::API_KEY));
        let mut options = store_postgres::PostgresOptions::new(url);
        options.max_connections = 4;
        options.min_connections = 0;
        s.database = server::DatabaseSettings::Postgres(options);
    })
    .await;
    library_on(app, profile, releases).await
}

async fn library_on(
    app: TestApp,
    profile: i64,
    releases: Vec<FakeRelease>,
) -> (TestApp, FakeIndexer, tempfile::TempDir, i64, i64) {
    app.add_root_folder().await;
    let blackhole = tempfile::tempdir().unwrap();
    let folder = blackhole.path().to_str().unwrap();
    add_blackhole(&app, "Torrent", "torrentFolder", folder).await;

    let fake = FakeTorznab::start().await;
    fake.without_fixture();
    for release in releases {
        fake.publish(release);
    }
    let response = app
        .post("/api/v3/indexer", &torznab("Fake Torznab", &fake.base_url))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap()
    );
    let indexer: Value = response.json().await.unwrap();

    let mut body = movie_body(603, "The Matrix", 1999, &app.root_path());
    body["qualityProfileId"] = json!(profile);
    let response = app.post("/api/v3/movie", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let movie: Value = response.json().await.unwrap();
    app.idle().await;
    let (movie_id, indexer_id) = (
        movie["id"].as_i64().unwrap(),
        indexer["id"].as_i64().unwrap(),
    );
    (app, fake, blackhole, movie_id, indexer_id)
}

fn by_title<'a>(releases: &'a [Value], title: &str) -> &'a Value {
    releases
        .iter()
        .find(|r| r["title"] == title)
        .unwrap_or_else(|| panic!("{title} not among {releases:?}"))
}

async fn run(app: &TestApp, command: Value) -> Value {
    let response = app.post("/api/v3/command", &command).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let queued: Value = response.json().await.unwrap();
    app.finished_command(&queued["id"]).await
}

#[tokio::test]
async fn interactive_search_shows_every_decision_and_grabs_the_chosen_release() {
    interactive_search(false).await;
}

#[tokio::test]
async fn interactive_search_on_postgres() {
    interactive_search(true).await;
}

async fn interactive_search(postgres: bool) {
    const HD_1080P: i64 = 4;
    // Radarr's definitions allow WEB 1080p 100 MB a minute: 13.3 GB for 136 minutes.
    let mut huge = matrix("1080p.WEB-DL.DD5.1.H.264-HUGE");
    huge.size = 20 * 1024 * 1024 * 1024;
    let mut unseeded = matrix("1080p.BluRay.x264-NOSEED");
    unseeded.seeders = 0;
    unseeded.peers = 0;
    let listed = vec![
        matrix("1080p.BluRay.x264-GOOD"),
        matrix("720p.HDTV.x264-LOW"),
        huge,
        unseeded,
    ];
    let (app, _fake, blackhole, movie_id, indexer_id) = if postgres {
        library_on_postgres(HD_1080P, listed).await
    } else {
        library(HD_1080P, listed).await
    };

    let releases = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    let releases = releases.as_array().unwrap();
    assert_eq!(releases.len(), 4);
    let good = by_title(releases, "The.Matrix.1999.1080p.BluRay.x264-GOOD");
    assert_eq!(good["approved"], true, "{good}");
    assert_eq!(good["rejections"], json!([]));
    assert_eq!(good["quality"]["quality"]["name"], "Bluray-1080p");
    assert_eq!(good["releaseGroup"], "GOOD");
    assert_eq!(good["indexer"], "Fake Torznab");
    assert_eq!(good["indexerId"], indexer_id);
    assert_eq!(good["protocol"], "torrent");
    assert_eq!(good["seeders"], 50);
    assert_eq!(good["leechers"], 10);
    assert_eq!(good["mappedMovieId"], movie_id);
    assert_eq!(good["age"], 1);
    assert_eq!(
        releases[0]["title"], good["title"],
        "the approved release ranks first"
    );
    assert_eq!(good["releaseWeight"], 1);

    let reasons = |title: &str| by_title(releases, title)["rejections"].clone();
    assert_eq!(
        reasons("The.Matrix.1999.720p.HDTV.x264-LOW"),
        json!(["HDTV-720p is not wanted in profile"])
    );
    assert_eq!(
        reasons("The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-HUGE"),
        json!(["20.0 GB is larger than maximum allowed 13.3 GB (for The Matrix)"])
    );
    assert_eq!(
        reasons("The.Matrix.1999.1080p.BluRay.x264-NOSEED"),
        json!(["Not enough seeders: 0. Minimum seeders: 1"])
    );
    assert!(
        releases
            .iter()
            .skip(1)
            .all(|r| r["approved"] == false && r["rejected"] == true)
    );

    // The user may grab a rejected release too: it is their choice.
    let low = by_title(releases, "The.Matrix.1999.720p.HDTV.x264-LOW");
    let grab = json!({"guid": low["guid"], "indexerId": indexer_id});
    assert_eq!(
        app.post("/api/v3/release", &grab).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        file_names(blackhole.path()),
        ["The.Matrix.1999.720p.HDTV.x264-LOW.torrent"]
    );
    let torrent = std::fs::read(
        blackhole
            .path()
            .join("The.Matrix.1999.720p.HDTV.x264-LOW.torrent"),
    )
    .unwrap();
    assert!(
        torrent.starts_with(b"d8:announce"),
        "the indexer's .torrent, as fetched"
    );

    let history = app
        .get_json(&format!("/api/v3/history/movie?movieId={movie_id}"))
        .await;
    assert_eq!(history.as_array().unwrap().len(), 1);
    let grabbed = &history[0];
    assert_eq!(grabbed["eventType"], "grabbed");
    assert_eq!(grabbed["sourceTitle"], "The.Matrix.1999.720p.HDTV.x264-LOW");
    assert_eq!(grabbed["quality"]["quality"]["name"], "HDTV-720p");
    assert_eq!(grabbed["data"]["indexer"], "Fake Torznab");
    assert_eq!(grabbed["data"]["releaseGroup"], "LOW");
    assert_eq!(grabbed["data"]["downloadClientName"], "Torrent Blackhole");
    assert_eq!(grabbed["data"]["releaseSource"], "InteractiveSearch");

    let unknown = json!({"guid": "no-such-guid", "indexerId": indexer_id});
    let response = app.post("/api/v3/release", &unknown).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let error: Value = response.json().await.unwrap();
    assert_eq!(
        error["message"],
        "Couldn't find requested release in cache, try searching again"
    );

    let response = app.get("/api/v3/release").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_automatic_search_grabs_the_best_release_once() {
    const HD_720P_1080P: i64 = 6;
    let listed = vec![
        matrix("720p.BluRay.x264-SMALLER"),
        matrix("1080p.BluRay.x264-BEST"),
        matrix("2160p.UHD.BluRay.x265-TOOBIG"),
    ];
    let (app, _fake, blackhole, movie_id, _) = library(HD_720P_1080P, listed).await;

    let command = run(
        &app,
        json!({"name": "MoviesSearch", "movieIds": [movie_id]}),
    )
    .await;
    assert_eq!(command["status"], "completed", "{command}");
    assert_eq!(
        command["message"],
        "Completed search for 1 movie. 1 report downloaded."
    );
    assert_eq!(
        file_names(blackhole.path()),
        ["The.Matrix.1999.1080p.BluRay.x264-BEST.torrent"]
    );
    let movie = app.get_json(&format!("/api/v3/movie/{movie_id}")).await;
    assert!(movie["lastSearchTime"].is_string(), "{movie}");

    // What was grabbed counts as on its way: the same release is not taken twice.
    let command = run(
        &app,
        json!({"name": "MoviesSearch", "movieIds": [movie_id]}),
    )
    .await;
    assert_eq!(
        command["message"],
        "Completed search for 1 movie. 0 reports downloaded."
    );
    assert_eq!(file_names(blackhole.path()).len(), 1);

    let releases = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    let best = by_title(
        releases.as_array().unwrap(),
        "The.Matrix.1999.1080p.BluRay.x264-BEST",
    );
    assert!(
        best["rejections"][0]
            .as_str()
            .unwrap()
            .starts_with("Quality for release in queue already meets cutoff"),
        "{best}"
    );
}

#[tokio::test]
async fn rss_sync_grabs_a_newly_listed_upgrade_and_ignores_the_rest() {
    const HD_720P_1080P: i64 = 6;
    let mut other = FakeRelease::new("Some.Other.Film.2015.1080p.BluRay.x264-GRP");
    other.tmdb_id = 999_999;
    let listed = vec![other, matrix("720p.HDTV.x264-SAME")];
    let (app, fake, blackhole, movie_id, _) = library(HD_720P_1080P, listed).await;
    let mut profile = app
        .get_json(&format!("/api/v3/qualityprofile/{HD_720P_1080P}"))
        .await;
    profile["upgradeAllowed"] = json!(true);
    profile["cutoff"] = json!(7); // Bluray-1080p
    let response = app
        .put(&format!("/api/v3/qualityprofile/{HD_720P_1080P}"), &profile)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let file = domain::movie_file::MovieFile {
        id: 0,
        movie_id: movie_id as i32,
        relative_path: "The Matrix (1999) HDTV-720p.mkv".into(),
        size: 4 * 1024 * 1024 * 1024,
        date_added: chrono::Utc::now(),
        scene_name: None,
        release_group: None,
        edition: String::new(),
        languages: vec![],
        quality: domain::quality::QualityModel::new(domain::quality::Quality::HDTV_720P),
        indexer_flags: 0,
        media_info: None,
        original_file_path: None,
    };
    app.store.add_movie_file(&file).await.unwrap();

    // A broken second indexer, saved despite its failed test as Prowlarr retries.
    let broken = torznab("Broken", "http://127.0.0.1:1");
    let response = app.post("/api/v3/indexer?forceSave=true", &broken).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let command = run(&app, json!({"name": "RssSync"})).await;
    assert_eq!(command["status"], "completed", "{command}");
    let message = command["message"].as_str().unwrap();
    assert!(
        message.starts_with("RSS Sync Completed. Reports found: 2, Reports grabbed: 0"),
        "{message}"
    );
    assert!(message.contains("1 indexer(s) failed"), "{message}");
    assert!(file_names(blackhole.path()).is_empty());

    // Listed without ids: found in the library by its title and year.
    fake.publish(FakeRelease::new(
        "The.Matrix.1999.1080p.BluRay.x264-UPGRADE",
    ));
    let command = run(&app, json!({"name": "RssSync"})).await;
    assert!(
        command["message"]
            .as_str()
            .unwrap()
            .starts_with("RSS Sync Completed. Reports found: 3, Reports grabbed: 1"),
        "{command}"
    );
    assert_eq!(
        file_names(blackhole.path()),
        ["The.Matrix.1999.1080p.BluRay.x264-UPGRADE.torrent"]
    );
    let history = app
        .get_json(&format!("/api/v3/history/movie?movieId={movie_id}"))
        .await;
    assert_eq!(history[0]["data"]["releaseSource"], "Rss");

    let cutoff = app.get_json("/api/v3/wanted/cutoff").await;
    assert_eq!(cutoff["totalRecords"], 1);
    assert_eq!(cutoff["records"][0]["title"], "The Matrix");
    let missing = app.get_json("/api/v3/wanted/missing").await;
    assert_eq!(missing["totalRecords"], 0);
}

#[tokio::test]
async fn a_pushed_release_is_decided_on_and_grabbed_when_approved() {
    const HD_1080P: i64 = 4;
    let (app, fake, blackhole, movie_id, _) =
        library(HD_1080P, vec![matrix("720p.HDTV.x264-LISTED")]).await;
    let push = |title: &str| {
        json!({
            "title": title,
            "downloadUrl": format!("{}/dl/pushed.torrent", fake.base_url),
            "protocol": "torrent",
            "publishDate": "2024-01-01T00:00:00Z",
            "indexer": "autobrr",
            "size": 9_000_000_000i64,
        })
    };
    let response = app
        .post(
            "/api/v3/release/push",
            &push("The.Matrix.1999.1080p.BluRay.x264-PUSHED"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let decided: Value = response.json().await.unwrap();
    assert_eq!(decided[0]["approved"], true, "{decided}");
    assert_eq!(decided[0]["movieId"], movie_id);
    assert_eq!(
        file_names(blackhole.path()),
        ["The.Matrix.1999.1080p.BluRay.x264-PUSHED.torrent"]
    );

    let response = app
        .post(
            "/api/v3/release/push",
            &push("The.Matrix.1999.720p.HDTV.x264-NOTWANTED"),
        )
        .await;
    let decided: Value = response.json().await.unwrap();
    assert_eq!(decided[0]["approved"], false);
    assert_eq!(file_names(blackhole.path()).len(), 1);

    let response = app.post("/api/v3/release/push", &push("!!!")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error[0]["propertyName"], "Title");
    assert_eq!(error[0]["errorMessage"], "Unable to parse");

    let response = app
        .post(
            "/api/v3/release/push",
            &json!({"title": "The.Matrix.1999.1080p-X"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error: Value = response.json().await.unwrap();
    let fields: Vec<&str> = error
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["DownloadUrl", "Protocol", "PublishDate"]);

    let missing = app.get_json("/api/v3/wanted/missing?pageSize=5").await;
    assert_eq!(missing["totalRecords"], 1);
    assert_eq!(missing["pageSize"], 5);
    assert_eq!(missing["sortKey"], "movieMetadata.sortTitle");
    assert_eq!(missing["records"][0]["id"], movie_id);
}

#[tokio::test]
async fn custom_formats_and_release_and_delay_profiles_steer_the_decisions() {
    const HD_1080P: i64 = 4;
    let listed = vec![
        matrix("1080p.BluRay.x265-HEVCGRP"),
        matrix("1080p.BluRay.x264-PLAIN"),
        matrix("1080p.BluRay.x264-BANNED"),
    ];
    let (app, fake, blackhole, movie_id, _) = library(HD_1080P, listed).await;
    let x265 = json!({"name": "x265", "specifications": [{
        "name": "x265", "implementation": "ReleaseTitleSpecification", "negate": false,
        "required": true, "fields": {"value": "[xh][ ._-]?265|HEVC"}}]});
    let response = app.post("/api/v3/customformat", &x265).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let format_id = response.json::<Value>().await.unwrap()["id"].clone();
    let mut profile = app
        .get_json(&format!("/api/v3/qualityprofile/{HD_1080P}"))
        .await;
    profile["formatItems"] = json!([{"format": format_id, "name": "x265", "score": -100}]);
    profile["minFormatScore"] = json!(-50);
    let response = app
        .put(&format!("/api/v3/qualityprofile/{HD_1080P}"), &profile)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let banned =
        json!({"name": "No BANNED", "enabled": true, "required": [], "ignored": ["BANNED"]});
    assert_eq!(
        app.post("/api/v3/releaseprofile", &banned).await.status(),
        StatusCode::CREATED
    );

    let releases = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    let releases = releases.as_array().unwrap();
    let hevc = by_title(releases, "The.Matrix.1999.1080p.BluRay.x265-HEVCGRP");
    assert_eq!(hevc["customFormats"][0]["name"], "x265");
    assert_eq!(hevc["customFormatScore"], -100);
    assert_eq!(
        hevc["rejections"],
        json!(["Custom Formats x265 have score -100 below Movie's minimum -50"])
    );
    let banned = by_title(releases, "The.Matrix.1999.1080p.BluRay.x264-BANNED");
    assert_eq!(
        banned["rejections"],
        json!(["Contains these ignored terms: BANNED"])
    );
    let plain = by_title(releases, "The.Matrix.1999.1080p.BluRay.x264-PLAIN");
    assert_eq!(plain["approved"], true);
    assert_eq!(plain["customFormats"], json!([]));

    // A delay on torrents holds what RSS sync finds; a search the user
    // starts is not held, as in Radarr.
    let mut delay = app.get_json("/api/v3/delayprofile/1").await;
    delay["torrentDelay"] = json!(48 * 60);
    assert_eq!(
        app.put("/api/v3/delayprofile/1", &delay).await.status(),
        StatusCode::ACCEPTED
    );
    let command = run(&app, json!({"name": "RssSync"})).await;
    let message = command["message"].as_str().unwrap();
    assert!(message.ends_with("Reports grabbed: 0"), "{message}");
    assert!(file_names(blackhole.path()).is_empty());
    let releases = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    let plain = by_title(
        releases.as_array().unwrap(),
        "The.Matrix.1999.1080p.BluRay.x264-PLAIN",
    );
    assert_eq!(plain["approved"], true, "the user asked: no delay");
    let command = run(
        &app,
        json!({"name": "MoviesSearch", "movieIds": [movie_id]}),
    )
    .await;
    assert_eq!(
        command["message"],
        "Completed search for 1 movie. 1 report downloaded."
    );
    assert_eq!(
        file_names(blackhole.path()),
        ["The.Matrix.1999.1080p.BluRay.x264-PLAIN.torrent"]
    );
    assert!(fake.downloads().iter().all(|d| d.ends_with(".torrent")));
}

#[tokio::test]
async fn a_broken_indexer_never_stops_a_search() {
    const HD_1080P: i64 = 4;
    let (app, _fake, _blackhole, movie_id, _) =
        library(HD_1080P, vec![matrix("1080p.BluRay.x264-GOOD")]).await;
    let broken = FakeTorznab::start().await;
    let response = app
        .post(
            "/api/v3/indexer?forceSave=true",
            &torznab("Broken", &broken.base_url),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let garbled = FakeTorznab::start().await;
    let response = app
        .post(
            "/api/v3/indexer?forceSave=true",
            &torznab("Garbled", &garbled.base_url),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    garbled.without_fixture();
    // A first search while both behave fetches their caps, which are kept;
    // then every search request misbehaves.
    app.get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    broken.trouble(std::iter::repeat_n(indexers::fake::Trouble::Malformed, 2));
    garbled.trouble(std::iter::repeat_n(indexers::fake::Trouble::Garbage, 2));

    let releases = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    let titles: Vec<&str> = releases
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["approved"] == true)
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["The.Matrix.1999.1080p.BluRay.x264-GOOD"]);
    let garbage: Vec<&Value> = releases
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["indexer"] == "Garbled")
        .collect();
    assert!(
        garbage.iter().all(|r| r["approved"] == false),
        "garbage is listed but never approved: {garbage:?}"
    );
    let health = app.get_json("/api/v3/health").await;
    let messages: Vec<&str> = health
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("Broken")),
        "the failing indexer shows in health: {messages:?}"
    );
}

#[tokio::test]
async fn a_usenet_release_is_grabbed_as_an_nzb() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().to_str().unwrap();
    add_blackhole(&app, "Usenet", "nzbFolder", path).await;
    let fake = FakeNewznab::start().await;
    fake.without_fixture();
    fake.publish(matrix("1080p.BluRay.x264-NZB"));
    let mut indexer = torznab("Fake Newznab", &fake.base_url);
    indexer["implementation"] = json!("Newznab");
    indexer["configContract"] = json!("NewznabSettings");
    indexer["protocol"] = json!("usenet");
    let response = app.post("/api/v3/indexer", &indexer).await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap()
    );
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;

    let command = run(
        &app,
        json!({"name": "MoviesSearch", "movieIds": [movie["id"]]}),
    )
    .await;
    assert_eq!(
        command["message"],
        "Completed search for 1 movie. 1 report downloaded."
    );
    assert_eq!(
        file_names(folder.path()),
        ["The.Matrix.1999.1080p.BluRay.x264-NZB.nzb"]
    );
    let nzb = std::fs::read_to_string(
        folder
            .path()
            .join("The.Matrix.1999.1080p.BluRay.x264-NZB.nzb"),
    )
    .unwrap();
    assert!(nzb.contains("<nzb"), "{nzb}");
    let history = app
        .get_json(&format!("/api/v3/history/movie?movieId={}", movie["id"]))
        .await;
    assert_eq!(
        history[0]["data"]["protocol"], "1",
        "usenet, as Radarr records it"
    );
}
