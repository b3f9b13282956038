//! `/api/v3/downloadclient`: blackhole clients set up as Radarr's UI and
//! clients do it, tested before they are saved.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::spawn_app;

fn blackhole(name: &str, torrents: &str, watch: &str) -> Value {
    json!({
        "name": name,
        "implementation": "TorrentBlackhole",
        "configContract": "TorrentBlackholeSettings",
        "enable": true,
        "priority": 1,
        "tags": [],
        "fields": [
            {"name": "torrentFolder", "value": torrents},
            {"name": "watchFolder", "value": watch},
            {"name": "saveMagnetFiles", "value": true}
        ]
    })
}

fn field<'a>(resource: &'a Value, name: &str) -> &'a Value {
    resource["fields"]
        .as_array()
        .and_then(|fields| fields.iter().find(|f| f["name"] == name))
        .map(|f| &f["value"])
        .unwrap_or(&Value::Null)
}

#[tokio::test]
async fn a_blackhole_is_set_up_tested_and_removed() {
    let app = spawn_app().await;
    let folders = tempfile::tempdir().unwrap();
    let folder = folders.path().to_str().unwrap().to_string();

    let schema = app.get_json("/api/v3/downloadclient/schema").await;
    let names: Vec<&str> = schema
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["implementation"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "TorrentBlackhole",
            "UsenetBlackhole",
            "Nzbget",
            "QBittorrent",
            "Sabnzbd",
            "Transmission"
        ]
    );
    assert_eq!(schema[0]["protocol"], "torrent");
    assert_eq!(field(&schema[0], "magnetFileExtension"), ".magnet");
    assert_eq!(schema[0]["enable"], true);

    let response = app
        .post(
            "/api/v3/downloadclient",
            &blackhole("Blackhole", &folder, &folder),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    assert_eq!(field(&added, "torrentFolder"), folder.as_str());
    assert_eq!(field(&added, "saveMagnetFiles"), true);
    assert_eq!(
        field(&added, "readOnly"),
        true,
        "unsent settings take their default"
    );
    assert_eq!(added["implementationName"], "Torrent Blackhole");
    assert_eq!(added["removeCompletedDownloads"], true);
    let listed = app.get_json("/api/v3/downloadclient").await;
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let again = app
        .post(
            "/api/v3/downloadclient",
            &blackhole("Blackhole", &folder, &folder),
        )
        .await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    let failures: Value = again.json().await.unwrap();
    assert_eq!(failures[0]["errorMessage"], "Should be unique");

    let mut changed = added.clone();
    changed["priority"] = json!(5);
    let response = app
        .put(&format!("/api/v3/downloadclient/{}", added["id"]), &changed)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(saved["priority"], 5);

    let tested = app.post("/api/v3/downloadclient/test", &added).await;
    assert_eq!(tested.status(), StatusCode::OK);
    let all = app.post("/api/v3/downloadclient/testall", &json!({})).await;
    assert_eq!(all.status(), StatusCode::OK);
    let all: Value = all.json().await.unwrap();
    assert_eq!(all[0]["isValid"], true);

    assert_eq!(
        app.delete(&format!("/api/v3/downloadclient/{}", added["id"]))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v3/downloadclient/{}", added["id"]))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_client_that_fails_its_test_is_not_saved_unless_forced() {
    let app = spawn_app().await;
    let folders = tempfile::tempdir().unwrap();
    let missing = folders.path().join("missing").to_str().unwrap().to_string();
    let watch = folders.path().to_str().unwrap().to_string();
    let body = blackhole("Blackhole", &missing, &watch);
    let response = app.post("/api/v3/downloadclient", &body).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "TorrentFolder");
    assert!(
        failures[0]["errorMessage"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    assert!(
        app.get_json("/api/v3/downloadclient")
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );

    let forced = app
        .post("/api/v3/downloadclient?forceSave=true", &body)
        .await;
    assert_eq!(forced.status(), StatusCode::CREATED);

    let mut nameless = blackhole("", &watch, &watch);
    nameless["fields"] = json!([]);
    let response = app.post("/api/v3/downloadclient", &nameless).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    let properties: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(properties, ["Name", "TorrentFolder", "WatchFolder"]);
}
