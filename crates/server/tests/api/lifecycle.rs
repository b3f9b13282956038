//! Starting and stopping: the binary's flags, the data folder, signals.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_with};
use crate::process::Running;

const BIN: &str = env!("CARGO_BIN_EXE_unified-radarr");

#[test]
fn help_and_version_work() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--data-dir",
        "--port",
        "--bind-address",
        "--url-base",
        "--api-key",
        "--database-url",
        "--tmdb-url",
        "--tmdb-api-key",
        "--log-level",
        "RADARR__SERVER__PORT",
    ] {
        assert!(text.contains(flag), "--help lists {flag}");
    }
    let version = Command::new(BIN).arg("--version").output().unwrap();
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("unified-radarr {}", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test]
async fn a_second_server_on_the_same_data_folder_is_refused() {
    let app = spawn_app().await;
    let result = server::prepare(&app.settings).await;
    assert!(matches!(result, Err(server::ServerError::DataDirInUse(..))));
}

#[tokio::test]
async fn the_generated_key_is_kept_across_restarts() {
    let app = spawn_app().await;
    let key = app.api_key.clone();
    let settings = app.settings.clone();
    let data_dir = tempfile::TempDir::new().unwrap();
    std::fs::remove_dir(data_dir.path()).unwrap();
    let path = app.data_path();
    // Keep the folder: move it out of the TempDir guard before stopping.
    std::fs::rename(&path, data_dir.path()).unwrap();
    app.stop().await.unwrap();
    let again = spawn_app_with(move |s| {
        *s = settings;
        s.data_dir = data_dir.keep();
        if let server::DatabaseSettings::Sqlite(file) = &mut s.database {
            *file = s.data_dir.join(server::settings::SQLITE_FILE);
        }
        s.api_key = server::config_file::load(&s.data_dir).unwrap().api_key;
    })
    .await;
    assert_eq!(again.api_key, key);
}

#[tokio::test]
async fn shutdown_lets_a_request_in_flight_finish() {
    let app = spawn_app().await;
    let movies: Vec<_> = (1..=3000)
        .map(|n| store::story::full_movie(n, &format!("Movie {n}"), 2000))
        .collect();
    app.store.add_movies(&movies).await.unwrap();
    let response = app.get("/api/v3/movie").await;
    assert_eq!(response.status(), StatusCode::OK);
    let client = app.client.clone();
    let address = app.address.clone();
    let stopping = tokio::spawn(app.stop());
    let body: Value = response.json().await.unwrap();
    assert_eq!(body.as_array().unwrap().len(), 3000);
    stopping.await.unwrap().unwrap();
    let after = client.get(format!("{address}/ping")).send().await;
    assert!(after.is_err(), "the server no longer listens");
}

#[test]
fn the_binary_prints_its_key_once_stops_on_sigterm_and_refuses_a_second_instance() {
    let data = tempfile::tempdir().unwrap();
    let mut first = Running::start(data.path());
    first.wait_until_listening();
    let (clean, printed) = Running::start(data.path()).finish();
    assert!(!clean, "a second instance exits non-zero");
    assert!(
        printed.iter().any(|l| l.contains("in use by another")),
        "{printed:?}"
    );
    let (clean, printed) = first.stop();
    assert!(clean, "SIGTERM is a clean stop: {printed:?}");
    assert!(
        printed.iter().any(|l| l.contains("API key")),
        "the first start prints the key: {printed:?}"
    );
    let mut again = Running::start(data.path());
    again.wait_until_listening();
    let (clean, printed) = again.stop();
    assert!(clean, "{printed:?}");
    assert!(
        !printed.iter().any(|l| l.contains("API key")),
        "later starts keep it quiet: {printed:?}"
    );
}
