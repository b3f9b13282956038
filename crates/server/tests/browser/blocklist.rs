//! Browser tests: Activity → Blocklist, reached from the queue's tabs,
//! lists blocklisted releases and removes them one at a time, by
//! selection, and all at once.

use chrono::Utc;
use domain::blocklist::BlocklistEntry;
use domain::release::Protocol;
use domain::{Quality, QualityModel};
use serde_json::Value;

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::{TestApp, spawn_app_with_tmdb};

/// Blocklists `title` for the movie, as a failed download does.
async fn blocklist(app: &TestApp, movie: &Value, title: &str) -> i32 {
    let entry = BlocklistEntry {
        id: 0,
        movie_id: i32::try_from(movie["id"].as_i64().unwrap()).unwrap(),
        source_title: title.into(),
        quality: QualityModel::new(Quality::BLURAY_1080P),
        languages: Vec::new(),
        custom_formats: Vec::new(),
        date: Utc::now(),
        published_date: None,
        size: Some(1_000_000),
        protocol: Protocol::Torrent,
        indexer: Some("Fake Tracker".into()),
        message: Some("The download failed".into()),
        torrent_info_hash: None,
    };
    app.store.add_blocklist(&entry).await.unwrap().id
}

#[tokio::test]
async fn the_blocklist_lists_entries_and_removes_them() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    blocklist(&app, &movie, "The.Matrix.1999.1080p.BluRay.x264-ONE").await;
    blocklist(&app, &movie, "The.Matrix.1999.1080p.BluRay.x264-TWO").await;
    blocklist(&app, &movie, "The.Matrix.1999.1080p.BluRay.x264-THREE").await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/activity/queue", app.address))
        .await
        .unwrap();
    browser
        .click("nav.tabs a[href$='/activity/blocklist']")
        .await;
    browser.sees("x264-ONE").await;
    browser.sees("3 releases").await;
    let row = browser.text("table.blocklisted tbody tr").await;
    for shown in [
        "The Matrix",
        "Bluray-1080p",
        "Fake Tracker",
        "The download failed",
    ] {
        assert!(row.contains(shown), "{shown} in {row}");
    }

    browser
        .click("button[name=remove][aria-label='Remove The.Matrix.1999.1080p.BluRay.x264-TWO']")
        .await;
    browser.sees("2 releases").await;
    assert!(!browser.text(".blocklist").await.contains("x264-TWO"));
    let left = app.get_json("/api/v3/blocklist").await;
    assert_eq!(left["totalRecords"], 2);

    browser
        .click("input[aria-label='Select The.Matrix.1999.1080p.BluRay.x264-ONE']")
        .await;
    browser.click("button[name=removeSelected]").await;
    browser.sees("1 release").await;
    let left = app.get_json("/api/v3/blocklist").await;
    assert_eq!(
        left["records"][0]["sourceTitle"],
        "The.Matrix.1999.1080p.BluRay.x264-THREE"
    );

    // Clear asks once more, then runs Radarr's ClearBlocklist command.
    browser.click("button[name=clear]").await;
    browser.sees("Really delete?").await;
    browser.click("button[name=clear]").await;
    browser.sees("Nothing is blocklisted.").await;
    assert_eq!(app.get_json("/api/v3/blocklist").await["totalRecords"], 0);
    browser.finish("blocklist").await;
}
