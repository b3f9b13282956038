//! The server's log: recent entries at `/api/v3/log`, the rolled files at
//! `/api/v3/log/file` and `/logfile`, and the commands that clear them.
//!
//! Tracing's subscriber is global: the in-process tests install it (the
//! first call wins) and find their own entries by a tag, since other tests
//! in the process may log too. The file tests run the binary, whose files
//! are its own.

use std::path::Path;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use crate::process::Running;

/// A server whose process logs, as `main` sets it up.
async fn logged_app() -> (TestApp, server::telemetry::LoggingGuard) {
    let app = spawn_app().await;
    let guard = server::telemetry::init_logging("warn", app.data_dir.path());
    (app, guard)
}

/// The records of this test (logger `logs_test`, message starting with `tag`).
fn ours<'a>(page: &'a Value, tag: &str) -> Vec<&'a Value> {
    page["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["logger"] == "logs_test" && r["message"].as_str().unwrap().starts_with(tag))
        .collect()
}

fn messages(records: &[&Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["message"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn recent_entries_are_paged_newest_first_and_filtered_by_level() {
    let (app, _logging) = logged_app().await;
    let tag = "paging";
    tracing::info!(target: "logs_test", "{tag} 1");
    tracing::info!(target: "logs_test", "{tag} 2");
    tracing::warn!(target: "logs_test", "{tag} 3");
    // Below the configured level (warn): the file skips it, the entries keep it.
    tracing::info!(target: "logs_test", "{tag} 4");
    tracing::warn!(target: "logs_test", movie_id = 7, "{tag} 5");
    tracing::error!(target: "logs_test", error = "disk full", "{tag} 6");

    let first = app.get_json("/api/v3/log").await;
    assert_eq!(first["page"], 1);
    assert_eq!(first["pageSize"], 10);
    assert_eq!(first["sortKey"], "time");
    assert_eq!(first["sortDirection"], "descending");
    assert!(first["totalRecords"].as_u64().unwrap() >= 6);

    let all = app.get_json("/api/v3/log?pageSize=1000").await;
    let records = ours(&all, tag);
    assert_eq!(
        messages(&records),
        [
            "paging 6",
            "paging 5 movie_id=7",
            "paging 4",
            "paging 3",
            "paging 2",
            "paging 1"
        ]
    );
    let ids: Vec<u64> = all["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_u64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");
    let levels: Vec<_> = records
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "warn", "info", "warn", "info", "info"]);
    assert_eq!(records[0]["exception"], "disk full");
    assert!(records[1].get("exception").is_none(), "nulls are omitted");
    let time = records[0]["time"].as_str().unwrap();
    assert!(time.len() == 20 && time.ends_with('Z'), "{time}");

    let warn = app.get_json("/api/v3/log?pageSize=1000&level=warn").await;
    assert!(
        warn["records"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| matches!(r["level"].as_str(), Some("warn" | "error" | "fatal"))),
        "{warn}"
    );
    assert_eq!(
        messages(&ours(&warn, tag)),
        ["paging 6", "paging 5 movie_id=7", "paging 3"]
    );
    let error = app.get_json("/api/v3/log?pageSize=1000&level=error").await;
    assert_eq!(messages(&ours(&error, tag)), ["paging 6"]);

    let oldest_first = app
        .get_json("/api/v3/log?pageSize=1000&sortKey=time&sortDirection=ascending")
        .await;
    assert_eq!(oldest_first["sortDirection"], "ascending");
    let mut reversed = messages(&records);
    reversed.reverse();
    assert_eq!(messages(&ours(&oldest_first, tag)), reversed);

    let page_one = app.get_json("/api/v3/log?page=1&pageSize=2").await;
    let page_two = app.get_json("/api/v3/log?page=2&pageSize=2").await;
    let (one, two) = (
        page_one["records"].as_array().unwrap(),
        page_two["records"].as_array().unwrap(),
    );
    assert_eq!((one.len(), two.len()), (2, 2));
    assert!(one[1]["id"].as_u64() > two[0]["id"].as_u64());
}

#[tokio::test]
async fn clear_log_forgets_the_recent_entries_and_logging_goes_on() {
    let (app, _logging) = logged_app().await;
    tracing::warn!(target: "logs_test", "clearing before");
    let before = app.get_json("/api/v3/log?pageSize=1000").await;
    assert_eq!(ours(&before, "clearing").len(), 1);

    let command = app.run_command(&json!({"name": "ClearLog"})).await;
    assert_eq!(command["status"], "completed", "{command}");
    let after = app.get_json("/api/v3/log?pageSize=1000").await;
    assert!(ours(&after, "clearing").is_empty(), "{after}");

    tracing::warn!(target: "logs_test", "clearing after");
    let later = app.get_json("/api/v3/log?pageSize=1000").await;
    assert_eq!(messages(&ours(&later, "clearing")), ["clearing after"]);

    let update = app
        .run_command(&json!({"name": "DeleteUpdateLogFiles"}))
        .await;
    assert_eq!(update["status"], "completed", "{update}");
}

#[tokio::test]
async fn the_log_routes_need_the_key() {
    let app = spawn_app().await;
    for path in [
        "/api/v3/log",
        "/api/v3/log/file",
        "/api/v3/log/file/radarr.txt",
        "/api/v3/log/file/update",
        "/logfile/radarr.txt",
    ] {
        let response = app.anonymous(reqwest::Method::GET, path).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[tokio::test]
async fn log_file_links_carry_the_url_base() {
    let app = spawn_app_with(|s| s.url_base = "/radarr".into()).await;
    let logs = app.data_dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    std::fs::write(logs.join("radarr.txt"), "a line\n").unwrap();
    let files = app.get_json("/api/v3/log/file").await;
    assert_eq!(
        files[0]["contentsUrl"],
        "/radarr/api/v3/log/file/radarr.txt"
    );
    assert_eq!(files[0]["downloadUrl"], "/radarr/logfile/radarr.txt");
    // `app.get` puts the URL base in front.
    let download = app.get("/logfile/radarr.txt").await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.text().await.unwrap(), "a line\n");
}

const KEY: &str = "0123456789abcdef0123456789abcdef";

/// The binary serving `data`, and a client that sends its key.
fn serve(data: &Path) -> (Running, String, reqwest::Client) {
    let mut server = Running::start_with(data, &[], &["--api-key", KEY]);
    server.wait_until_listening();
    let base = server.base_url();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-api-key", KEY.parse().unwrap());
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    (server, base, client)
}

/// The JSON the server answers at `url`.
async fn get_json(client: &reqwest::Client, url: impl reqwest::IntoUrl) -> Value {
    client.get(url).send().await.unwrap().json().await.unwrap()
}

/// Waits until `radarr.txt` holds `text` (lines reach it from a queue).
async fn file_holding(client: &reqwest::Client, base: &str, text: &str) -> String {
    for _ in 0..100 {
        let response = client
            .get(format!("{base}/api/v3/log/file/radarr.txt"))
            .send()
            .await
            .unwrap();
        if response.status() == StatusCode::OK {
            let body = response.text().await.unwrap();
            if body.contains(text) {
                return body;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("radarr.txt never held {text:?}");
}

#[tokio::test]
async fn the_server_writes_radarr_style_lines_and_serves_only_its_log_files() {
    let data = tempfile::tempdir().unwrap();
    // An archive left by an earlier run, and a file that is not a log.
    std::fs::create_dir_all(data.path().join("logs")).unwrap();
    std::fs::write(data.path().join("logs/radarr.0.txt"), "older\n").unwrap();
    std::fs::write(data.path().join("logs/notes.md"), "not a log\n").unwrap();
    let (server, base, client) = serve(data.path());

    let contents = file_holding(&client, &base, "Unified-Radarr is listening").await;
    let line = contents
        .lines()
        .find(|l| l.contains("Unified-Radarr is listening"))
        .unwrap();
    let fields: Vec<&str> = line.splitn(4, '|').collect();
    assert_eq!(fields.len(), 4, "{line}");
    // yyyy-MM-dd HH:mm:ss.f
    let stamp = fields[0].as_bytes();
    assert!(
        stamp.len() == 21 && stamp[4] == b'-' && stamp[10] == b' ' && stamp[19] == b'.',
        "{line}"
    );
    assert_eq!((fields[1], fields[2]), ("Info", "server"), "{line}");
    assert!(fields[3].starts_with("Unified-Radarr is listening address=127.0.0.1:"));

    let files = get_json(&client, format!("{base}/api/v3/log/file")).await;
    let names: Vec<_> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["filename"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["radarr.txt", "radarr.0.txt"],
        "newest first: {files}"
    );
    let current = &files[0];
    assert_eq!(current["id"], 1);
    assert_eq!(current["contentsUrl"], "/api/v3/log/file/radarr.txt");
    assert_eq!(current["downloadUrl"], "/logfile/radarr.txt");
    assert!(current["lastWriteTime"].as_str().unwrap().ends_with('Z'));

    let response = client
        .get(format!("{base}/api/v3/log/file/radarr.0.txt"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(response.text().await.unwrap(), "older\n");

    let download = client
        .get(format!("{base}/logfile/radarr.txt"))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"radarr.txt\""
    );
    assert!(
        download
            .text()
            .await
            .unwrap()
            .contains("Unified-Radarr is listening")
    );

    for path in [
        "/api/v3/log/file/notes.md",
        "/api/v3/log/file/radarr.9.txt",
        "/api/v3/log/file/..%2Fconfig.toml",
        "/api/v3/log/file/..%2F..%2Fetc%2Fpasswd",
        "/logfile/..%2Fconfig.toml",
        "/logfile/unknown.txt",
        "/api/v3/log/file/update/radarr.txt",
    ] {
        let response = client.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let updates = get_json(&client, format!("{base}/api/v3/log/file/update")).await;
    assert_eq!(updates, json!([]));

    // The process feeds its server's recent entries too.
    let recent = get_json(&client, format!("{base}/api/v3/log?pageSize=1000")).await;
    assert!(
        recent["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["logger"] == "server"
                && r["level"] == "info"
                && r["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("Unified-Radarr is listening")),
        "{recent}"
    );
    let (clean, _) = server.stop();
    assert!(clean);
}

/// Runs a command on the binary and waits for its end.
async fn run(client: &reqwest::Client, base: &str, name: &str) -> Value {
    let queued: Value = client
        .post(format!("{base}/api/v3/command"))
        .json(&json!({ "name": name }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for _ in 0..200 {
        let command = get_json(client, format!("{base}/api/v3/command/{}", queued["id"])).await;
        if !matches!(command["status"].as_str(), Some("queued" | "started")) {
            return command;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{name} did not end");
}

#[tokio::test]
async fn delete_log_files_removes_the_archives_and_the_current_file_goes_on() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("logs")).unwrap();
    for n in 0..3 {
        std::fs::write(data.path().join(format!("logs/radarr.{n}.txt")), "old\n").unwrap();
    }
    let (server, base, client) = serve(data.path());
    file_holding(&client, &base, "Unified-Radarr is listening").await;

    let command = run(&client, &base, "DeleteLogFiles").await;
    assert_eq!(command["status"], "completed", "{command}");
    let files = get_json(&client, format!("{base}/api/v3/log/file")).await;
    let names: Vec<_> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["radarr.txt"], "{files}");
    for n in 0..3 {
        assert!(!data.path().join(format!("logs/radarr.{n}.txt")).exists());
    }

    // What the server logs next lands in the emptied file, from its start.
    run(&client, &base, "ClearLog").await;
    let contents = file_holding(&client, &base, "name=ClearLog").await;
    assert!(
        !contents.contains("Unified-Radarr is listening"),
        "{contents}"
    );
    assert!(!contents.starts_with('\0'), "no hole before the new lines");
    let (clean, _) = server.stop();
    assert!(clean);
}

#[tokio::test]
async fn the_log_level_changes_at_once_and_is_kept_in_the_config_file() {
    let data = tempfile::tempdir().unwrap();
    let (server, base, client) = serve(data.path());
    file_holding(&client, &base, "Unified-Radarr is listening").await;
    let host_url = format!("{base}/api/v3/config/host");
    let host = get_json(&client, &host_url).await;
    assert_eq!(host["logLevel"], "info");

    // A new server's forms login needs a user before anything is saved.
    let with_login = |level: &str| {
        json!({
            "logLevel": level,
            "username": "admin",
            "password": "a long password",
            "passwordConfirmation": "a long password",
        })
    };
    let refused = client
        .put(&host_url)
        .json(&with_login("verbose"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let failures: Value = refused.json().await.unwrap();
    assert_eq!(failures.as_array().unwrap().len(), 1, "{failures}");
    assert_eq!(failures[0]["propertyName"], "LogLevel");
    assert_eq!(
        failures[0]["errorMessage"],
        "'Log Level' must be one of: trace, debug, info, warn, error."
    );

    // Radarr's UI sends its own capitalised names.
    let changed = client
        .put(&host_url)
        .json(&with_login("Debug"))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::ACCEPTED);
    let changed: Value = changed.json().await.unwrap();
    assert_eq!(changed["logLevel"], "debug");

    // Requests are logged at debug, when they end: the change's own and the
    // next reach the file, while those before it (at info) never did, though
    // the file keeps lines in order.
    client
        .get(format!("{base}/api/v3/system/status"))
        .send()
        .await
        .unwrap();
    let contents = file_holding(&client, &base, "route=/api/v3/system/status").await;
    assert!(contents.contains("|Debug|"), "{contents}");
    assert!(
        !contents.contains("method=GET route=/api/v3/config/host")
            && !contents.contains("status=400"),
        "{contents}"
    );

    let config = std::fs::read_to_string(data.path().join("config.toml")).unwrap();
    assert!(config.contains("log_level = \"debug\""), "{config}");
    let (clean, _) = server.stop();
    assert!(clean);
}
