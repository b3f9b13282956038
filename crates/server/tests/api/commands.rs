//! Commands over HTTP: starting, polling, merging, cancelling, refreshing
//! movies from a fake TMDB, and surviving a restart.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tmdb::fake::{Trouble, image_bytes};

use crate::helpers::{TestApp, spawn_app, spawn_app_with_tmdb};

fn minimal_body(tmdb_id: i64, root: &Value) -> Value {
    json!({
        "tmdbId": tmdb_id,
        "qualityProfileId": 1,
        "rootFolderPath": root["path"],
        "monitored": false,
        "minimumAvailability": "announced",
        "addOptions": {"searchForMovie": false}
    })
}

async fn add(app: &TestApp, tmdb_id: i64, root: &Value) -> Value {
    let response = app
        .post("/api/v3/movie", &minimal_body(tmdb_id, root))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn start(app: &TestApp, body: Value) -> Value {
    let response = app.post("/api/v3/command", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

#[tokio::test]
async fn unknown_command_names_fail_as_radarrs_do() {
    let app = spawn_app().await;
    for body in [json!({"name": "NoSuchCommand"}), json!({"movieIds": [1]})] {
        let response = app.post("/api/v3/command", &body).await;
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["message"], "Sequence contains no matching element");
    }
    let response = app
        .post(
            "/api/v3/command",
            &json!({"name": "RefreshMovie", "movieIds": "all"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body[0]["propertyName"], "MovieIds");
    assert_eq!(
        app.get("/api/v3/command/999").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.delete("/api/v3/command/999").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_command_is_shown_as_radarr_shows_it() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let started = start(&app, json!({"name": "refreshmovie", "movieIds": []})).await;
    assert_eq!(started["name"], "RefreshMovie");
    assert_eq!(started["commandName"], "Refresh Movie");
    assert_eq!(started["trigger"], "manual");
    assert_eq!(started["priority"], "normal");
    assert_eq!(started["body"]["movieIds"], json!([]));
    assert_eq!(started["body"]["isNewMovie"], false);
    assert_eq!(started["body"]["updateScheduledTask"], true);
    assert_eq!(started["body"]["isLongRunning"], true);
    assert!(started["queued"].as_str().unwrap().ends_with('Z'));
    let done = app.finished_command(&started["id"]).await;
    assert_eq!(done["status"], "completed");
    assert_eq!(done["result"], "successful");
    assert_eq!(done["message"], "Completed");
    assert!(done["ended"].is_string());
    let duration = done["duration"].as_str().unwrap();
    assert_eq!(duration.len(), "00:00:00.0000000".len(), "{duration}");
    let listed = app.get_json("/api/v3/command").await;
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == started["id"])
    );

    // A command this version cannot carry out says so, and fails.
    let unavailable = start(&app, json!({"name": "RenameMovieFolder", "movieIds": [1]})).await;
    assert_eq!(unavailable["body"]["movieIds"], json!([1]));
    let failed = app.finished_command(&unavailable["id"]).await;
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["result"], "unsuccessful");
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("not available")
    );
}

#[tokio::test]
async fn refresh_takes_tmdbs_new_metadata_and_keeps_the_users_choices() {
    let (app, fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let matrix = add(&app, 603, &root).await;
    let other = add(&app, 12, &root).await;
    let poster = app
        .get(&format!("/MediaCover/{}/poster.jpg", matrix["id"]))
        .await;
    assert_eq!(poster.status(), StatusCode::OK);

    fake.revise(
        603,
        json!({"title": "The Matrix (Restored)", "runtime": 140, "poster_path": "/restored.jpg"}),
    );
    fake.revise(12, json!({"overview": "Told anew."}));
    let command = start(
        &app,
        json!({"name": "RefreshMovie", "movieIds": [matrix["id"]]}),
    )
    .await;
    assert_eq!(
        command["body"]["updateScheduledTask"], false,
        "one movie is not the task"
    );
    let done = app.finished_command(&command["id"]).await;
    assert_eq!(done["status"], "completed", "{done}");

    let refreshed = app
        .get_json(&format!("/api/v3/movie/{}", matrix["id"]))
        .await;
    assert_eq!(refreshed["title"], "The Matrix (Restored)");
    assert_eq!(refreshed["runtime"], 140);
    assert_eq!(refreshed["monitored"], false, "the user's choice stays");
    assert_eq!(refreshed["minimumAvailability"], "announced");
    assert_eq!(refreshed["path"], matrix["path"], "the folder stays");
    assert_eq!(refreshed["added"], matrix["added"]);
    let untouched = app
        .get_json(&format!("/api/v3/movie/{}", other["id"]))
        .await;
    assert_eq!(
        untouched["overview"], other["overview"],
        "only the movie asked for"
    );

    let poster = app
        .get(&format!("/MediaCover/{}/poster.jpg", matrix["id"]))
        .await;
    assert_eq!(
        poster.bytes().await.unwrap().to_vec(),
        image_bytes("restored.jpg"),
        "the replaced poster is fetched anew"
    );

    let all = start(&app, json!({"name": "RefreshMovie"})).await;
    assert_eq!(
        app.finished_command(&all["id"]).await["status"],
        "completed"
    );
    let untouched = app
        .get_json(&format!("/api/v3/movie/{}", other["id"]))
        .await;
    assert_eq!(
        untouched["overview"], "Told anew.",
        "no ids: the whole library"
    );
}

#[tokio::test]
async fn a_failed_refresh_keeps_the_old_metadata_and_says_why() {
    let (app, fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let matrix = add(&app, 603, &root).await;
    let gone = add(&app, 12, &root).await;
    app.idle().await;
    fake.revise(603, json!({"title": "Not Saved"}));
    fake.trouble([
        Trouble::ServerError,
        Trouble::ServerError,
        Trouble::ServerError,
    ]);
    let command = start(
        &app,
        json!({"name": "RefreshMovie", "movieIds": [matrix["id"]]}),
    )
    .await;
    let done = app.finished_command(&command["id"]).await;
    assert_eq!(done["status"], "failed");
    let message = done["message"].as_str().unwrap();
    assert!(
        message.contains("TMDB") && message.contains("The Matrix"),
        "{message}"
    );
    let kept = app
        .get_json(&format!("/api/v3/movie/{}", matrix["id"]))
        .await;
    assert_eq!(kept["title"], "The Matrix");
    let health = app.get_json("/api/v3/health").await;
    assert!(health.to_string().contains("MetadataCheck"), "{health}");

    // A movie TMDB removed keeps its metadata and is marked deleted.
    fake.remove(12);
    let command = start(
        &app,
        json!({"name": "RefreshMovie", "movieIds": [gone["id"]]}),
    )
    .await;
    assert_eq!(
        app.finished_command(&command["id"]).await["status"],
        "completed"
    );
    let kept = app.get_json(&format!("/api/v3/movie/{}", gone["id"])).await;
    assert_eq!(kept["status"], "deleted");
    assert_eq!(kept["title"], gone["title"]);

    let command = start(&app, json!({"name": "RefreshMovie", "movieIds": [9999]})).await;
    let done = app.finished_command(&command["id"]).await;
    assert_eq!(done["status"], "failed");
    assert!(done["message"].as_str().unwrap().contains("9999"));
}

#[tokio::test]
async fn an_equal_command_is_merged_and_a_queued_one_can_be_cancelled() {
    let (app, fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let mut ids = Vec::new();
    for tmdb_id in 1..=4 {
        ids.push(add(&app, tmdb_id, &root).await["id"].clone());
    }
    // Three slow refreshes fill the runner's three slots; the fourth waits.
    fake.trouble(std::iter::repeat_n(
        Trouble::Slow(Duration::from_secs(3)),
        3,
    ));
    let mut running = Vec::new();
    for id in &ids[..3] {
        running.push(start(&app, json!({"name": "RefreshMovie", "movieIds": [id]})).await);
    }
    let again = start(&app, json!({"name": "RefreshMovie", "movieIds": [ids[0]]})).await;
    assert_eq!(
        again["id"], running[0]["id"],
        "merged with the equal command"
    );
    let waiting = start(&app, json!({"name": "RefreshMovie", "movieIds": [ids[3]]})).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let listed = app.get_json("/api/v3/command").await;
    let statuses: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["started", "started", "started", "queued"]);
    let response = app
        .delete(&format!("/api/v3/command/{}", waiting["id"]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cancelled = app
        .get_json(&format!("/api/v3/command/{}", waiting["id"]))
        .await;
    assert_eq!(cancelled["status"], "cancelled");
    for command in &running {
        assert_eq!(
            app.finished_command(&command["id"]).await["status"],
            "completed"
        );
    }
    assert_eq!(
        app.get_json(&format!("/api/v3/command/{}", waiting["id"]))
            .await["status"],
        "cancelled",
        "a cancelled command never runs"
    );
}

#[tokio::test]
async fn a_restart_runs_again_what_was_running() {
    let (app, fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let matrix = add(&app, 603, &root).await;
    app.idle().await;
    fake.revise(603, json!({"title": "After The Restart"}));
    fake.trouble([Trouble::Slow(Duration::from_secs(30))]);
    let command = start(
        &app,
        json!({"name": "RefreshMovie", "movieIds": [matrix["id"]]}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let running = app
        .get_json(&format!("/api/v3/command/{}", command["id"]))
        .await;
    assert_eq!(running["status"], "started");

    let app = app.restart().await;
    let done = app.finished_command(&command["id"]).await;
    assert_eq!(done["status"], "completed", "{done}");
    let movie = app
        .get_json(&format!("/api/v3/movie/{}", matrix["id"]))
        .await;
    assert_eq!(movie["title"], "After The Restart");
}
