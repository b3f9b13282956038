//! `GET /api/v3/parse` and `unified-radarr parse`: what a release title says.

use std::io::Write;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{spawn_app, spawn_app_with_tmdb};

const MATRIX: &str = "The.Matrix.1999.REMASTERED.1080p.BluRay.x264-GROUP";

fn assert_reads_the_matrix(parsed: &Value) {
    let info = &parsed["parsedMovieInfo"];
    assert_eq!(info["primaryMovieTitle"], "The Matrix");
    assert_eq!(info["movieTitles"], json!(["The Matrix"]));
    assert_eq!(info["year"], 1999);
    assert_eq!(info["edition"], "REMASTERED");
    assert_eq!(info["releaseGroup"], "GROUP");
    assert_eq!(info["quality"]["quality"]["name"], "Bluray-1080p");
    assert_eq!(info["quality"]["revision"]["version"], 1);
    assert_eq!(info["languages"], json!([{"id": 0, "name": "Unknown"}]));
}

#[tokio::test]
async fn a_release_title_is_read_and_matched_to_the_library() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let path = format!("/api/v3/parse?title={MATRIX}");
    let parsed = app.get_json(&path).await;
    assert_eq!(parsed["title"], MATRIX);
    assert_reads_the_matrix(&parsed);
    assert!(parsed.get("movie").is_none(), "not in the library yet");

    app.add_root_folder().await;
    let root = app.root_path();
    let body = json!({"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": root});
    assert_eq!(
        app.post("/api/v3/movie", &body).await.status(),
        StatusCode::CREATED
    );
    let parsed = app.get_json(&path).await;
    assert_eq!(parsed["movie"]["tmdbId"], 603);
    assert_eq!(parsed["movie"]["title"], "The Matrix");
    let other_year = app
        .get_json("/api/v3/parse?title=The.Matrix.2003.1080p.BluRay.x264-GROUP")
        .await;
    assert!(other_year.get("movie").is_none(), "the year must fit");
}

#[tokio::test]
async fn a_title_that_says_nothing_is_answered_without_parsed_info() {
    let app = spawn_app().await;
    let hashed = app
        .get_json("/api/v3/parse?title=185d86a343e39f3341e35c4dad3f9959")
        .await;
    assert_eq!(
        hashed,
        json!({"title": "185d86a343e39f3341e35c4dad3f9959", "customFormatScore": 0})
    );
    let response = app.get("/api/v3/parse").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "Title");
}

/// Each line of the command's output, read as JSON.
fn json_lines(stdout: Vec<u8>) -> Vec<Value> {
    String::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_command_line_prints_a_json_line_per_title() {
    let binary = env!("CARGO_BIN_EXE_unified-radarr");
    let output = Command::new(binary)
        .args([
            "parse",
            MATRIX,
            "Movie.Title.2016.1080p.KORSUB.WEBRip.x264.AAC2.0-RADARR",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines = json_lines(output.stdout);
    assert_eq!(lines.len(), 2);
    assert_reads_the_matrix(&lines[0]);
    assert_eq!(lines[1]["parsedMovieInfo"]["hardcodedSubs"], "KORSUB");

    let mut child = Command::new(binary)
        .arg("parse")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{MATRIX}\nnot a movie\n").as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let lines = json_lines(output.stdout);
    assert_eq!(lines.len(), 2);
    assert_reads_the_matrix(&lines[0]);
    assert_eq!(
        lines[1],
        json!({"title": "not a movie", "customFormatScore": 0})
    );
}
