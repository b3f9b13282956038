//! Browser tests of the calendar, the wanted list, the system page's
//! commands and the history.

use std::collections::BTreeMap;

use chrono::Utc;
use domain::history::{HistoryEntry, HistoryEventType};
use domain::{Language, Quality, QualityModel};
use serde_json::{Value, json};

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::spawn_app_with_tmdb;

#[tokio::test]
async fn the_calendar_shows_this_months_releases_as_a_month_and_an_agenda() {
    let (app, tmdb) = spawn_app_with_tmdb().await;
    let today = Utc::now().date_naive().to_string();
    tmdb.revise(550, json!({"release_date": today}));
    app.add_root_folder().await;
    app.add_movie(550, "Movie 550", 2026).await;
    app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/calendar']").await;
    browser.sees("Movie 550").await;
    let month = browser.text(".calendar").await;
    assert!(month.contains("In cinemas"), "{month}");
    assert!(!month.contains("The Matrix"), "released in 1999: {month}");
    browser.click("button[name=layout]").await;
    browser.sees(&today).await;
    assert!(browser.text(".calendar").await.contains("Movie 550"));
    browser.finish("calendar").await;
}

#[tokio::test]
async fn the_wanted_list_searches_the_movies_ticked() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let matrix = app.add_movie(603, "The Matrix", 1999).await;
    app.add_movie(550, "Movie 550", 2001).await;
    app.idle().await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/wanted/missing']").await;
    browser.sees("2 movies").await;
    browser
        .click(&format!("tbody input[value='{}']", matrix["id"]))
        .await;
    browser.click("button[name=search]").await;
    browser.sees("Searching for 1 movie").await;
    let commands = app.get_json("/api/v3/command").await;
    let search: Vec<&Value> = commands
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "MoviesSearch")
        .collect();
    assert_eq!(search.len(), 1, "{commands}");
    assert_eq!(search[0]["body"]["movieIds"], json!([matrix["id"]]));
    browser.click(".tabs a[href$='/wanted/cutoffunmet']").await;
    browser.sees("Every movie has met its cutoff.").await;
    browser.finish("wanted").await;
}

#[tokio::test]
async fn the_system_page_follows_a_command_and_history_lists_events() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let matrix = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/system/status']").await;
    browser.sees("Commands").await;
    // A command started elsewhere shows up and ends on the page, live.
    let queued: Value = app
        .post(
            "/api/v3/command",
            &json!({"name": "RefreshMovie", "movieIds": [matrix["id"]]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let row = format!("table.commands tr[data-id='{}']", queued["id"]);
    browser.element(&row).await;
    for _ in 0..100 {
        if browser.text(&row).await.contains("completed") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        browser.text(&row).await.contains("completed"),
        "{}",
        browser.text(&row).await
    );

    let movie_id = i32::try_from(matrix["id"].as_i64().unwrap()).unwrap();
    app.store
        .add_history(&HistoryEntry {
            id: 0,
            movie_id,
            source_title: "The.Matrix.1999.1080p.BluRay.x264-GRP".into(),
            quality: QualityModel::new(Quality::BLURAY_1080P),
            languages: vec![Language::ENGLISH],
            custom_formats: vec![],
            custom_format_score: 0,
            date: Utc::now(),
            download_id: Some("abc".into()),
            event_type: HistoryEventType::Grabbed,
            data: BTreeMap::new(),
        })
        .await
        .unwrap();
    browser.click("nav a[href$='/activity/history']").await;
    browser.sees("1 events").await;
    let first = browser.text("tbody tr").await;
    assert!(
        first.contains("Grabbed") && first.contains("The Matrix"),
        "{first}"
    );
    assert!(first.contains("Bluray-1080p"), "{first}");
    browser.finish("system_and_history").await;
}
