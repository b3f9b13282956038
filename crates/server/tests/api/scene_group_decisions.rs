//! Scene-group reputation in decisions end to end: stored scores add
//! points to a release's custom-format score, which ranks it; a profile's
//! minimum reputation rejects a poor group; a group without data is neutral.

use chrono::Utc;
use domain::reputation::{GroupStats, Reputation};
use domain::scene_group::SceneGroup;
use indexers::fake::{API_KEY, FakeIndexer, FakeRelease, FakeTorznab};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, movie_body, spawn_app_with_tmdb};

const HD_1080P: i64 = 4;
const GOOD: &str = "The.Matrix.1999.1080p.BluRay.x264-GOOD";
const POOR: &str = "The.Matrix.1999.1080p.BluRay.x264-POOR";
const NEWBIE: &str = "The.Matrix.1999.1080p.BluRay.x264-NEWBIE";

/// A stored score for `name`; only the score matters to decisions.
fn scored(name: &str, score: f64) -> SceneGroup {
    let now = Utc::now();
    let stats = GroupStats {
        group: name.into(),
        releases: 20,
        average_seeders: 10.0,
        median_seeders: 10.0,
        total_completions: 100,
        median_completions: 5.0,
        internal_share: 0.0,
        freeleech_share: 0.0,
        qualities: vec![("Bluray-1080p".into(), 20)],
        sources: vec![("bluray".into(), 20)],
        size_variation: 0.0,
        size_variation_by_quality: Vec::new(),
        replaced_share: 0.0,
        deleted_share: 0.0,
        first_seen: now,
        last_seen: now,
    };
    let reputation = Reputation {
        group: name.into(),
        score,
        raw_score: score,
        popularity: 0.5,
        seeding: 0.5,
        internal: 0.0,
        consistency: 1.0,
        reliability: 1.0,
        sample_size: 20,
    };
    SceneGroup::new(stats, reputation, now)
}

/// A server with a fake Torznab listing the three releases (the poor
/// group's first, so only its points can put it last), The Matrix under
/// HD-1080p, and GOOD and POOR scored 90 and 10 (POOR stored as "Poor":
/// names are one without case). The fake is returned to keep it serving.
async fn library() -> (TestApp, FakeIndexer, i64) {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let fake = FakeTorznab::start().await;
    fake.without_fixture();
    for title in [POOR, NEWBIE, GOOD] {
        let mut release = FakeRelease::new(title);
        release.tmdb_id = 603;
        release.imdb_digits = "0133093".into();
        fake.publish(release);
    }
    let indexer = json!({
        "name": "Fake Torznab",
        "implementation": "Torznab",
        "configContract": "TorznabSettings",
        "protocol": "torrent",
        "enableRss": true,
        "enableAutomaticSearch": true,
        "enableInteractiveSearch": true,
        "priority": 25,
        "fields": [
            {"name": "baseUrl", "value": fake.base_url},
            {"name": "apiPath", "value": "/api"},
            {"name": "apiKey", "value": API_KEY},
            {"name": "categories", "value": [2000, 2040, 2045]},
        ]
    });
    let response = app.post("/api/v3/indexer", &indexer).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let mut body = movie_body(603, "The Matrix", 1999, &app.root_path());
    body["qualityProfileId"] = json!(HD_1080P);
    let response = app.post("/api/v3/movie", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let movie: Value = response.json().await.unwrap();
    app.idle().await;
    // The analysis is not what is under test: its result is stored directly.
    app.store
        .save_scene_groups(&[scored("GOOD", 90.0), scored("Poor", 10.0)], true)
        .await
        .unwrap();
    (app, fake, movie["id"].as_i64().unwrap())
}

async fn releases(app: &TestApp, movie_id: i64) -> Vec<Value> {
    let found = app
        .get_json(&format!("/api/v3/release?movieId={movie_id}"))
        .await;
    found.as_array().unwrap().clone()
}

fn titles(releases: &[Value]) -> Vec<&str> {
    releases
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect()
}

fn by_title<'a>(releases: &'a [Value], title: &str) -> &'a Value {
    releases
        .iter()
        .find(|r| r["title"] == title)
        .unwrap_or_else(|| panic!("{title} not among {releases:?}"))
}

/// Sets fields of the HD-1080p profile through the API.
async fn update_profile(app: &TestApp, changes: Value) {
    let path = format!("/api/v3/qualityprofile/{HD_1080P}");
    let mut profile = app.get_json(&path).await;
    for (key, value) in changes.as_object().unwrap() {
        profile[key] = value.clone();
    }
    let response = app.put(&path, &profile).await;
    assert_eq!(
        response.status(),
        StatusCode::ACCEPTED,
        "{}",
        response.text().await.unwrap()
    );
}

#[tokio::test]
async fn scene_group_scores_rank_releases_and_a_minimum_rejects_a_poor_group() {
    let (app, _fake, movie_id) = library().await;

    let found = releases(&app, movie_id).await;
    assert_eq!(titles(&found), [GOOD, NEWBIE, POOR], "best first");
    let good = by_title(&found, GOOD);
    assert_eq!(good["sceneGroupScore"], json!(90.0));
    assert_eq!(good["sceneGroupPoints"], 40);
    assert_eq!(good["customFormatScore"], 40);
    assert_eq!(good["approved"], true, "{good}");
    assert_eq!(good["releaseWeight"], 1);
    let poor = by_title(&found, POOR);
    assert_eq!(poor["sceneGroupScore"], json!(10.0));
    assert_eq!(poor["sceneGroupPoints"], -40);
    assert_eq!(poor["customFormatScore"], -40);
    // Only a minimum reputation turns a group away: the profile's minimum
    // format score of 0 is about formats.
    assert_eq!(poor["approved"], true, "{poor}");
    let newbie = by_title(&found, NEWBIE);
    assert!(newbie.get("sceneGroupScore").is_none(), "{newbie}");
    assert!(newbie.get("sceneGroupPoints").is_none(), "{newbie}");
    assert_eq!(newbie["customFormatScore"], 0);
    assert_eq!(newbie["approved"], true, "{newbie}");

    update_profile(&app, json!({"minReputationScore": 50})).await;
    let profile = app
        .get_json(&format!("/api/v3/qualityprofile/{HD_1080P}"))
        .await;
    assert_eq!(profile["minReputationScore"], 50);
    let found = releases(&app, movie_id).await;
    assert_eq!(titles(&found), [GOOD, NEWBIE, POOR]);
    let poor = by_title(&found, POOR);
    assert_eq!(poor["approved"], false);
    assert_eq!(
        poor["rejections"],
        json!(["Release group POOR has reputation 10.0 below Movie's minimum 50"])
    );
    for title in [GOOD, NEWBIE] {
        let release = by_title(&found, title);
        assert_eq!(release["approved"], true, "{release}");
    }
}

#[tokio::test]
async fn a_minimum_reputation_outside_0_to_100_is_refused() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let path = format!("/api/v3/qualityprofile/{HD_1080P}");
    let mut profile = app.get_json(&path).await;
    profile["minReputationScore"] = json!(101);
    let response = app.put(&path, &profile).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body[0]["propertyName"], "MinReputationScore");
    assert_eq!(
        body[0]["errorMessage"],
        "'Min Reputation Score' must be between 0 and 100."
    );
}
