//! What clients probe first, and the wire conventions every route follows.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn ping_is_open_and_api_needs_the_key() {
    let app = spawn_app().await;
    let ping = app.anonymous(Method::GET, "/ping").await;
    assert_eq!(ping.status(), StatusCode::OK);
    assert_eq!(
        ping.json::<Value>().await.unwrap(),
        serde_json::json!({"status": "OK"})
    );
    let head = app.anonymous(Method::HEAD, "/ping").await;
    assert_eq!(head.status(), StatusCode::OK);
    let api = app.anonymous(Method::GET, "/api").await;
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get_json("/api").await,
        serde_json::json!({"current": "v3", "deprecated": []})
    );
}

#[tokio::test]
async fn status_reports_a_radarr_version_clients_accept_and_our_own() {
    let app = spawn_app().await;
    let response = app.get("/api/v3/system/status").await;
    let header = response
        .headers()
        .get("x-application-version")
        .map(|v| v.to_str().unwrap().to_string());
    let status: Value = response.json().await.unwrap();
    let version = status["version"].as_str().unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert_eq!(parts.len(), 4, "a .NET System.Version has four parts");
    assert_eq!(parts[0], 6, "the Radarr major whose API we speak");
    assert_eq!(
        header.as_deref(),
        Some(version),
        "Prowlarr reads X-Application-Version"
    );
    assert_eq!(status["packageVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(status["instanceName"], "Unified-Radarr");
    assert_eq!(status["appName"], "Radarr");
    assert_eq!(status["databaseType"], "sqLite");
    assert_eq!(status["migrationVersion"], 11);
    assert_eq!(status["urlBase"], "");
    let start = status["startTime"].as_str().unwrap();
    assert!(
        start.ends_with('Z') && start.len() == 20,
        "dates are yyyy-MM-ddTHH:mm:ssZ: {start}"
    );
}

#[tokio::test]
async fn routes_match_in_any_case() {
    let app = spawn_app().await;
    let profiles = app.get_json("/API/V3/qualityProfile").await;
    assert_eq!(profiles.as_array().unwrap().len(), 6);
    let status = app.get_json("/api/v3/System/Status").await;
    assert_eq!(status["appName"], "Radarr");
}

#[tokio::test]
async fn url_base_prefixes_every_route() {
    let app = spawn_app_with(|s| s.url_base = "/radarr".into()).await;
    assert!(app.address.ends_with("/radarr"));
    let status = app.get_json("/api/v3/system/status").await;
    assert_eq!(status["urlBase"], "/radarr");
    let bare = app
        .client
        .get(app.address.replace("/radarr", "/ping"))
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), StatusCode::NOT_FOUND);
    let ping = app.anonymous(Method::GET, "/ping").await;
    assert_eq!(ping.status(), StatusCode::OK);
}

#[tokio::test]
async fn health_reports_a_missing_root_folder() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    assert_eq!(app.get_json("/api/v3/health").await, serde_json::json!([]));
    let path = app.root_path();
    std::fs::remove_dir_all(&path).unwrap();
    let health = app.get_json("/api/v3/health").await;
    assert_eq!(health[0]["source"], "RootFolderCheck");
    assert_eq!(health[0]["type"], "error");
    assert_eq!(health[0]["message"], format!("Missing root folder: {path}"));
}

#[tokio::test]
async fn diskspace_lists_the_file_systems_in_use() {
    let app = spawn_app().await;
    let disks = app.get_json("/api/v3/diskspace").await;
    let first = &disks.as_array().unwrap()[0];
    assert!(first["path"].as_str().unwrap().starts_with('/'));
    assert!(first["totalSpace"].as_u64().unwrap() >= first["freeSpace"].as_u64().unwrap());
    assert!(first["totalSpace"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn languages_and_quality_definitions_are_radarrs() {
    let app = spawn_app().await;
    let languages = app.get_json("/api/v3/language").await;
    let list = languages.as_array().unwrap();
    assert_eq!(list.len(), 60);
    assert!(
        list.iter()
            .any(|l| l["id"] == -2 && l["name"] == "Original")
    );
    assert_eq!(
        app.get_json("/api/v3/language/1").await,
        serde_json::json!({"name": "English", "nameLower": "english", "id": 1})
    );
    assert_eq!(
        app.get("/api/v3/language/999").await.status(),
        StatusCode::NOT_FOUND
    );
    let definitions = app.get_json("/api/v3/qualitydefinition").await;
    let list = definitions.as_array().unwrap();
    assert_eq!(list.len(), 30);
    let weights: Vec<i64> = list.iter().map(|d| d["weight"].as_i64().unwrap()).collect();
    assert!(
        weights.windows(2).all(|w| w[0] <= w[1]),
        "ordered by weight"
    );
    assert_eq!(list[0]["quality"]["name"], "Unknown");
    let one = app
        .get_json(&format!("/api/v3/qualitydefinition/{}", list[5]["id"]))
        .await;
    assert_eq!(one, list[5]);
    assert_eq!(
        app.get_json("/api/v3/qualitydefinition/limits").await,
        serde_json::json!({"min": 0.0, "max": 2000.0})
    );
}
