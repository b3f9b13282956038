//! Browser tests of the calendar and the wanted list.

use chrono::Utc;
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
