//! `unified-radarr analyze-groups` run as a user runs it: on a data folder
//! whose server has an HDBits indexer, after the server stopped; and refused
//! while the server holds the folder.

use std::process::Command;

use indexers::fake_hdbits::catalogue::{generate, mixed_groups};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::hdbits_indexer;
use crate::process::Running;

const BIN: &str = env!("CARGO_BIN_EXE_unified-radarr");
const KEY: &str = "0123456789abcdef0123456789abcdef";

fn analyze_groups(data: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .arg("analyze-groups")
        .arg("--data-dir")
        .arg(data)
        .args(["--log-level", "warn"])
        .output()
        .unwrap()
}

#[tokio::test]
async fn the_command_line_analyses_the_groups_of_a_stopped_server() {
    let data = tempfile::tempdir().unwrap();
    let catalogue = generate(&mixed_groups(), 13);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    let mut server = Running::start_with(data.path(), &[], &["--api-key", KEY]);
    server.wait_until_listening();
    let client = reqwest::Client::new();
    let base = server.base_url();
    let indexer = hdbits_indexer(&fake.base_url, PASSKEY);
    let added = client
        .post(format!("{base}/api/v3/indexer"))
        .header("X-Api-Key", KEY)
        .json(&indexer)
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::CREATED);
    let quick = json!({"batchSize": 100, "requestDelayMs": 0});
    let saved = client
        .put(format!("{base}/api/v3/config/scenegroup"))
        .header("X-Api-Key", KEY)
        .json(&quick)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::ACCEPTED);

    // One process owns a SQLite data folder.
    let refused = analyze_groups(data.path());
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("SceneGroupAnalysis"), "{said}");
    let (stopped, _) = server.stop();
    assert!(stopped);

    let ran = tokio::task::spawn_blocking({
        let data = data.path().to_path_buf();
        move || analyze_groups(&data)
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&ran.stdout);
    assert!(
        ran.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert!(
        stdout.starts_with(&format!("{} releases analysed", catalogue.len())),
        "{stdout}"
    );
    assert!(stdout.contains("9 groups scored"), "{stdout}");

    // What it stored is what the server then serves.
    let mut server = Running::start_with(data.path(), &[], &["--api-key", KEY]);
    server.wait_until_listening();
    let page: serde_json::Value = client
        .get(format!("{}/api/v3/scenegroup", server.base_url()))
        .header("X-Api-Key", KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["totalRecords"], 9);
    server.stop();
}
