//! Scene-group reputation over HTTP: the settings at
//! `/api/v3/config/scenegroup`, the `SceneGroupAnalysis` command against the
//! fake HDBits serving a generated catalogue, the groups at
//! `/api/v3/scenegroup`, and a run stopped by a tracker that went down,
//! resumed where it stopped.

use indexers::fake_hdbits::catalogue::{generate, mixed_groups};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY, Trouble};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, hdbits_indexer, spawn_app, spawn_app_on_postgres};

async fn add_hdbits(app: &TestApp, fake: &FakeHdBits) {
    let body = hdbits_indexer(&fake.base_url, PASSKEY);
    let added = app.post("/api/v3/indexer", &body).await;
    assert_eq!(added.status(), StatusCode::CREATED);
}

/// Quick settings for tests: no delay between requests, short retries.
async fn quick(app: &TestApp, batch_size: i32, retries: i32) {
    let mut config = app.get_json("/api/v3/config/scenegroup").await;
    config["requestDelayMs"] = json!(0);
    config["batchSize"] = json!(batch_size);
    config["retryAttempts"] = json!(retries);
    let saved = app.put("/api/v3/config/scenegroup", &config).await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
}

async fn analyse(app: &TestApp) -> Value {
    app.run_command(&json!({"name": "SceneGroupAnalysis"}))
        .await
}

#[tokio::test]
async fn the_settings_have_the_starting_tuning_and_refuse_what_cannot_work() {
    let app = spawn_app().await;
    let config = app.get_json("/api/v3/config/scenegroup").await;
    assert_eq!(
        config,
        json!({"id": 1, "batchSize": 50, "concurrentRequests": 3, "requestDelayMs": 1000,
               "retryAttempts": 3, "timeoutSeconds": 30, "reputationWeight": 1.0,
               "intervalDays": 7})
    );
    let mut changed = config.clone();
    changed["reputationWeight"] = json!(2.5);
    changed["intervalDays"] = json!(3);
    let saved = app.put("/api/v3/config/scenegroup/1", &changed).await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
    assert_eq!(app.get_json("/api/v3/config/scenegroup").await, changed);

    let mut wrong = changed.clone();
    wrong["batchSize"] = json!(500);
    wrong["concurrentRequests"] = json!(0);
    let refused = app.put("/api/v3/config/scenegroup", &wrong).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let failures: Value = refused.json().await.unwrap();
    let properties: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(
        properties,
        ["BatchSize", "ConcurrentRequests"],
        "{failures}"
    );
    assert_eq!(
        failures[0]["errorMessage"],
        "'Batch Size' must be between 1 and 100."
    );
    assert_eq!(failures[0]["attemptedValue"], 500);
    let not_a_number = app
        .put("/api/v3/config/scenegroup", &json!({"batchSize": "many"}))
        .await;
    assert_eq!(not_a_number.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.get_json("/api/v3/config/scenegroup").await,
        changed,
        "nothing lost"
    );
}

#[tokio::test]
async fn the_analysis_scores_every_group_and_lists_them_best_first() {
    let app = spawn_app().await;
    let no_source = analyse(&app).await;
    assert_eq!(no_source["status"], "failed");
    assert!(
        no_source["message"]
            .as_str()
            .unwrap()
            .contains("No enabled HDBits indexer"),
        "{no_source}"
    );

    let catalogue = generate(&mixed_groups(), 5);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    add_hdbits(&app, &fake).await;
    quick(&app, 100, 3).await;
    let command = analyse(&app).await;
    assert_eq!(command["status"], "completed", "{command}");
    let message = command["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("{} releases analysed", catalogue.len())),
        "{message}"
    );
    assert!(message.contains("100.0% of"), "{message}");
    assert!(message.contains("9 groups scored"), "{message}");
    // Movie, TV and Documentary were each paged through, whatever the
    // indexer's own categories.
    let categories: std::collections::BTreeSet<i64> = fake
        .requests()
        .iter()
        .map(|r| r["category"][0].as_i64().unwrap())
        .collect();
    assert_eq!(categories.into_iter().collect::<Vec<_>>(), [1, 2, 3]);

    let page = app.get_json("/api/v3/scenegroup?pageSize=20").await;
    assert_eq!(page["totalRecords"], 9);
    assert_eq!(page["sortKey"], "score");
    let names: Vec<&str> = page["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    assert!(
        at("Lumen") < at("Middling") && at("Middling") < at("Murk"),
        "{names:?}"
    );
    assert!(
        at("Lumen") < at("Rare"),
        "three releases cannot top six hundred"
    );
    let scores: Vec<f64> = page["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let by_size = app
        .get_json("/api/v3/scenegroup?sortKey=sampleSize&sortDirection=ascending&pageSize=1")
        .await;
    assert_eq!(by_size["records"][0]["name"], "Rare");
    assert_eq!(by_size["records"][0]["sampleSize"], 3);

    let lumen = app.get_json("/api/v3/scenegroup/LUMEN").await;
    assert_eq!(lumen["name"], "Lumen");
    assert_eq!(lumen["statistics"]["internalShare"], 1.0);
    assert_eq!(lumen["components"]["internal"], 1.0);
    assert!(
        lumen["statistics"]["qualities"][0]["count"]
            .as_u64()
            .unwrap()
            > 0
    );
    let missing = app.get("/api/v3/scenegroup/NoSuchGroup").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    assert_eq!(
        app.metric("radarr_scene_analysis_releases").await,
        Some(catalogue.len() as f64)
    );
    assert_eq!(app.metric("radarr_scene_groups").await, Some(9.0));
}

#[tokio::test]
async fn a_tracker_gone_down_midway_is_resumed_where_it_stopped_and_deletions_are_seen() {
    let app = spawn_app().await;
    let catalogue = generate(&mixed_groups(), 9);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    add_hdbits(&app, &fake).await;
    let mut config = app.get_json("/api/v3/config/scenegroup").await;
    config["concurrentRequests"] = json!(1);
    app.put("/api/v3/config/scenegroup", &config).await;
    quick(&app, 100, 0).await;
    let first = analyse(&app).await;
    assert_eq!(first["status"], "completed", "{first}");

    // The tracker deletes one of Murk's releases; then, three pages into
    // the next run, it fails every request for a while.
    let murk = catalogue
        .iter()
        .rev()
        .find(|t| t.name.ends_with("-Murk") && t.type_category == 1)
        .unwrap();
    fake.delete(murk.id);
    for _ in 0..3 {
        fake.trouble(Trouble::Slow(std::time::Duration::ZERO));
    }
    for _ in 0..5 {
        fake.trouble(Trouble::ServerError);
    }
    let stopped = analyse(&app).await;
    assert_eq!(stopped["status"], "failed", "{stopped}");
    let message = stopped["message"].as_str().unwrap();
    assert!(message.starts_with("300 releases analysed"), "{message}");
    assert!(message.contains("the next run resumes there"), "{message}");
    let partial = app.get_json("/api/v3/scenegroup/Murk").await;
    assert_eq!(
        partial["statistics"]["deletedShare"], 0.0,
        "a run that did not read everything deletes nothing"
    );

    let asked_before = fake.requests().len();
    let app = app.restart().await;
    let resumed = analyse(&app).await;
    assert_eq!(resumed["status"], "completed", "{resumed}");
    assert_eq!(
        fake.requests()[asked_before]["page"],
        3,
        "resumed at the first failed page"
    );
    let message = resumed["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("{} releases analysed", catalogue.len() - 1)),
        "{message}"
    );
    // Seen by the first run, not by the whole second one: deleted.
    let murk_group = app.get_json("/api/v3/scenegroup/Murk").await;
    let deleted = murk_group["statistics"]["deletedShare"].as_f64().unwrap()
        * murk_group["sampleSize"].as_f64().unwrap();
    assert_eq!(deleted.round(), 1.0, "{murk_group}");
}

#[tokio::test]
async fn the_analysis_runs_on_postgresql_alike() {
    let app = spawn_app_on_postgres().await;
    let catalogue = generate(&mixed_groups(), 5);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    add_hdbits(&app, &fake).await;
    quick(&app, 100, 3).await;
    let command = analyse(&app).await;
    assert_eq!(command["status"], "completed", "{command}");
    let page = app
        .get_json("/api/v3/scenegroup?sortKey=name&sortDirection=ascending")
        .await;
    assert_eq!(page["totalRecords"], 9);
    assert_eq!(page["records"][0]["name"], "Brisk");
    let lumen = app.get_json("/api/v3/scenegroup/lumen").await;
    let releases = catalogue
        .iter()
        .filter(|t| t.name.ends_with("-Lumen"))
        .count();
    assert_eq!(lumen["sampleSize"], releases as u64);
}
