//! The web UI in a real browser: the server with a fake TMDB, driven in
//! headless Chromium as a user drives it. Each test saves a screenshot of its
//! last page under `target/screenshots/` and fails on any error the page
//! logged.
// A failed unwrap in a test or its helpers is a failed test.
#![allow(clippy::unwrap_used)]

mod acquisition;
mod blocklist;
mod harness;
#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;
mod keyboard;
mod library;
mod settings;
mod settings_more;
mod system_backup;
mod system_logs;

use indexers::fake_hdbits::catalogue::{generate, mixed_groups};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY};
use serde_json::json;

use crate::harness::Browser;
use crate::helpers::{TestApp, hdbits_indexer, spawn_app, spawn_app_with_tmdb};

const USER: &str = "admin";
const PASSWORD: &str = "correct horse battery";

/// Creates the login through the first-run form and signs in.
pub async fn first_run(browser: &Browser, app: &TestApp) {
    browser
        .client
        .goto(&format!("{}/", app.address))
        .await
        .unwrap();
    browser.sees("Create").await;
    browser.fill("input[name=username]", USER).await;
    browser.fill("input[name=password]", PASSWORD).await;
    browser
        .fill("input[name=passwordConfirmation]", PASSWORD)
        .await;
    browser.click("button[type=submit]").await;
    browser.sees("movies").await;
}

#[tokio::test]
async fn a_new_user_signs_in_on_first_run_and_out_again() {
    let app = spawn_app().await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    assert_eq!(browser.text("h1").await, "Movies");
    assert!(browser.text(".count").await.starts_with("0 of 0"));
    browser.click("a[href$='/logout']").await;
    browser.sees("Sign in").await;
    // Signed out, the pages send the browser back to the login.
    browser
        .client
        .goto(&format!("{}/system/status", app.address))
        .await
        .unwrap();
    browser.sees("Sign in").await;
    let url = browser.client.current_url().await.unwrap();
    assert!(url.path().ends_with("/login"), "{url}");
    browser.finish("signs_in_and_out").await;
}

#[tokio::test]
async fn the_movies_page_finds_sorts_and_switches_to_a_table() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    app.add_movie(603, "The Matrix", 1999).await;
    // The fake TMDB names every movie but The Matrix "Movie {id}".
    app.add_movie(27205, "Movie 27205", 2001).await;
    app.idle().await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    browser.sees("2 of 2 movies").await;
    // Added elsewhere, it shows at once: the page listens on the hub.
    app.add_movie(550, "Movie 550", 2001).await;
    browser.sees("3 of 3 movies").await;
    browser.fill("input[name=term]", "matrix").await;
    browser.sees("1 of 3 movies").await;
    assert!(browser.text(".movies").await.contains("The Matrix"));
    assert!(!browser.text(".movies").await.contains("Movie 27205"));
    browser.fill("input[name=term]", "").await;
    browser.click("button[name=layout]").await;
    browser.element("table tbody tr").await;
    let rows = browser.text("table tbody").await;
    let at = |rows: &str, title: &str| {
        rows.find(title)
            .unwrap_or_else(|| panic!("{title} in {rows}"))
    };
    assert!(
        at(&rows, "The Matrix") < at(&rows, "Movie 27205")
            && at(&rows, "Movie 27205") < at(&rows, "Movie 550"),
        "by title, without its article: {rows}"
    );
    browser.click("button[name=direction]").await;
    let rows = browser.text("table tbody").await;
    assert!(at(&rows, "Movie 550") < at(&rows, "The Matrix"), "{rows}");
    browser.finish("movies").await;
}

#[tokio::test]
async fn the_scene_groups_page_analyses_lists_scores_and_shows_a_bad_setting_beside_its_field() {
    let app = spawn_app().await;
    let fake = FakeHdBits::start(generate(&mixed_groups(), 3)).await;
    let indexer = hdbits_indexer(&fake.base_url, PASSKEY);
    assert_eq!(
        app.post("/api/v3/indexer", &indexer).await.status(),
        reqwest::StatusCode::CREATED
    );
    let saved = app
        .put(
            "/api/v3/config/scenegroup",
            &json!({"batchSize": 100, "requestDelayMs": 0, "reputationWeight": 2.0}),
        )
        .await;
    assert_eq!(saved.status(), reqwest::StatusCode::ACCEPTED);
    let mut browser = Browser::start(1280).await;
    // The refused setting is the server's 400, which Chromium logs.
    browser.expect_logged(
        "/api/v3/config/scenegroup - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/scenegroups']").await;
    browser.sees("No groups analysed yet").await;
    browser.click("button[name=analyse]").await;
    browser.sees("Scene-group analysis queued").await;
    // The page hears the command end on the hub and reads the table again.
    browser.sees("9 groups").await;
    let first = browser.text("table.groups tbody tr").await;
    assert!(first.starts_with("Lumen"), "best first: {first}");

    let weight = browser.element("input[name=reputationWeight]").await;
    assert_eq!(weight.prop("value").await.unwrap().as_deref(), Some("2"));
    browser.fill("input[name=batchSize]", "500").await;
    browser.click("form.settings button[type=submit]").await;
    browser
        .sees("'Batch Size' must be between 1 and 100.")
        .await;
    let invalid = browser
        .element("input[name=batchSize]")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    browser.finish("scene_groups").await;
}

#[tokio::test]
async fn the_menu_folds_away_at_phone_width() {
    let app = spawn_app().await;
    let browser = Browser::start(390).await;
    first_run(&browser, &app).await;
    let nav = browser.element("#nav").await;
    assert!(!nav.is_displayed().await.unwrap(), "folded");
    browser.click(".menu-toggle").await;
    assert!(nav.is_displayed().await.unwrap(), "opened");
    browser.click("nav a[href$='/system/status']").await;
    browser.sees("Scheduled tasks").await;
    browser.finish("phone_width").await;
}
