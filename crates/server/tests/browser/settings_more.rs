//! Browser tests: custom formats made, changed and deleted in the editor;
//! a quality profile added and deleted (refused while a movie uses it); a
//! movie's tags chosen in the picker; an indexer's categories listed from
//! its caps.

use fantoccini::Locator;
use indexers::fake::{API_KEY, FakeTorznab};
use serde_json::{Value, json};

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::{movie_body, spawn_app, spawn_app_with_tmdb};

async fn open(browser: &Browser, address: &str, path: &str) {
    browser
        .client
        .goto(&format!("{address}{path}"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_user_creates_edits_and_deletes_a_custom_format() {
    let app = spawn_app().await;
    let mut browser = Browser::start(1280).await;
    // The refusals below are the server's 400s, which Chromium logs.
    browser.expect_logged("/api/v3/customformat - Failed to load resource");
    first_run(&browser, &app).await;
    open(&browser, &app.address, "/settings/customformats").await;
    browser.sees("No custom formats yet.").await;

    browser.click("button[name=add]").await;
    browser.sees("New custom format").await;
    browser
        .click("form.custom-format button[type=submit]")
        .await;
    browser.sees("Must contain at least one Condition").await;
    assert_eq!(
        browser.note_after("#cf-name").await,
        "'Name' must not be empty."
    );

    browser.fill("#cf-name", "HEVC").await;
    // The first choice is a blank release-title condition.
    browser.click("button[name=addSpec]").await;
    browser.fill("#cf-s1-name", "x265").await;
    browser
        .click("form.custom-format button[type=submit]")
        .await;
    browser.sees("Regex Pattern must not be empty").await;
    assert_eq!(
        browser.note_after("#cf-s1-value").await,
        "Regex Pattern must not be empty",
        "beside the condition's own field"
    );
    browser.fill("#cf-s1-value", "x265|HEVC").await;
    browser.click("#cf-rename").await;
    browser
        .click("form.custom-format button[type=submit]")
        .await;
    browser.sees("Custom format HEVC saved").await;
    let formats = app.get_json("/api/v3/customformat").await;
    let format = &formats[0];
    assert_eq!(format["name"], "HEVC");
    assert_eq!(format["includeCustomFormatWhenRenaming"], true);
    let spec = &format["specifications"][0];
    assert_eq!(spec["name"], "x265");
    assert_eq!(spec["implementation"], "ReleaseTitleSpecification");
    assert_eq!(spec["negate"], false);
    assert_eq!(spec["fields"][0]["value"], "x265|HEVC");

    browser
        .click("button[name=edit][aria-label='Edit HEVC']")
        .await;
    browser.sees("Edit: HEVC").await;
    let value = browser.element("#cf-s1-value").await;
    assert_eq!(
        value.prop("value").await.unwrap().as_deref(),
        Some("x265|HEVC")
    );
    browser.fill("#cf-name", "HEVC only").await;
    browser.click("#cf-s1-negate").await;
    browser
        .click("form.custom-format button[type=submit]")
        .await;
    browser.sees("Custom format HEVC only saved").await;
    let id = format["id"].as_i64().unwrap();
    let saved = app.get_json(&format!("/api/v3/customformat/{id}")).await;
    assert_eq!(saved["name"], "HEVC only");
    assert_eq!(saved["specifications"][0]["negate"], true);
    assert_eq!(
        saved["specifications"][0]["fields"][0]["value"],
        "x265|HEVC"
    );

    // Delete asks once more before it deletes.
    let delete = "button[name=delete][aria-label='Delete HEVC only']";
    browser.click(delete).await;
    browser.sees("Really delete?").await;
    assert_eq!(
        app.get_json("/api/v3/customformat").await[0]["name"],
        "HEVC only",
        "not yet"
    );
    browser.click(delete).await;
    browser.sees("No custom formats yet.").await;
    assert_eq!(app.get_json("/api/v3/customformat").await, json!([]));
    browser.finish("custom_format_editor").await;
}

#[tokio::test]
async fn a_user_adds_a_profile_and_deletes_it_once_no_movie_uses_it() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let mut browser = Browser::start(1280).await;
    browser.expect_logged("/api/v3/qualityprofile/");
    first_run(&browser, &app).await;
    open(&browser, &app.address, "/settings/profiles").await;
    browser.click("a[href$='/settings/profiles?id=new']").await;
    browser.sees("New profile").await;
    browser.fill("input[name=name]", "Mine").await;
    browser
        .client
        .find(Locator::XPath(
            "//label[normalize-space(.)='Bluray-1080p']/input",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click("form.profile button[type=submit]").await;
    browser.sees("Profile Mine saved").await;
    browser.sees("Profile: Mine").await;
    let profiles = app.get_json("/api/v3/qualityprofile").await;
    let mine = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Mine")
        .expect("the profile was added")
        .clone();
    let id = mine["id"].as_i64().unwrap();
    let allowed: Vec<&Value> = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["allowed"] == true)
        .collect();
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0]["quality"]["name"], "Bluray-1080p");
    assert_eq!(mine["cutoff"], allowed[0]["quality"]["id"]);
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some(format!("id={id}").as_str()));

    // A movie uses it: the server refuses, and the page says why.
    let mut body = movie_body(603, "The Matrix", 1999, &app.root_path());
    body["qualityProfileId"] = json!(id);
    let movie: Value = app.post("/api/v3/movie", &body).await.json().await.unwrap();
    browser.click("a[href$='/settings/profiles']").await;
    let delete = "button[name=delete][aria-label='Delete Mine']";
    browser.click(delete).await;
    browser.click(delete).await;
    browser.sees("QualityProfile [Mine] is in use.").await;
    assert_eq!(
        app.get(&format!("/api/v3/qualityprofile/{id}"))
            .await
            .status(),
        reqwest::StatusCode::OK
    );

    app.delete(&format!("/api/v3/movie/{}", movie["id"])).await;
    browser.click(delete).await;
    browser.click(delete).await;
    browser.sees("Deleted Mine").await;
    assert!(!browser.text("table.profiles").await.contains("Mine"));
    assert_eq!(
        app.get(&format!("/api/v3/qualityprofile/{id}"))
            .await
            .status(),
        reqwest::StatusCode::NOT_FOUND
    );
    browser.finish("profile_add_delete").await;
}

#[tokio::test]
async fn a_user_tags_a_movie_with_a_chosen_tag_and_a_new_one() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    app.add_movie(603, "The Matrix", 1999).await;
    let uhd: Value = app
        .post("/api/v3/tag", &json!({"label": "uhd"}))
        .await
        .json()
        .await
        .unwrap();
    app.post("/api/v3/tag", &json!({"label": "kids"})).await;
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    open(&browser, &app.address, "/movie/603").await;
    browser.click("button[name=edit]").await;
    browser.sees("kids").await;
    browser.click(&format!("#edit-tag-{}", uhd["id"])).await;
    browser.fill("#edit-new-tag", "favourite").await;
    browser.click(".tag-picker button[name=addTag]").await;
    browser.sees("favourite").await;
    browser.click("form.edit button[type=submit]").await;
    browser.sees("Saved").await;
    // The movie's tags show in its heading.
    browser.sees("favourite").await;

    let tags = app.get_json("/api/v3/tag").await;
    let favourite = tags
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "favourite")
        .expect("the new tag was made");
    let movie = &app.get_json("/api/v3/movie?tmdbId=603").await[0];
    assert_eq!(movie["tags"], json!([uhd["id"], favourite["id"]]));
    assert!(browser.text(".movie-head").await.contains("uhd"));
    assert!(!browser.text(".movie-head").await.contains("kids"));
    browser.finish("movie_tags").await;
}

#[tokio::test]
async fn an_indexers_categories_are_chosen_from_its_caps() {
    let app = spawn_app().await;
    let fake = FakeTorznab::start().await;
    let schema = app.get_json("/api/v3/indexer/schema").await;
    let mut torznab = schema[1].clone();
    torznab["name"] = json!("Tracker");
    for field in torznab["fields"].as_array_mut().unwrap() {
        match field["name"].as_str().unwrap() {
            "baseUrl" => field["value"] = json!(fake.base_url),
            "apiKey" => field["value"] = json!(API_KEY),
            "categories" => field["value"] = json!([2040]),
            _ => {}
        }
    }
    let added = app.post("/api/v3/indexer", &torznab).await;
    assert_eq!(added.status(), reqwest::StatusCode::CREATED);
    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;
    open(&browser, &app.address, "/settings/indexers").await;
    browser
        .click("button[name=edit][aria-label='Edit Tracker']")
        .await;
    // The indexer's own category, beside the standard ones.
    browser.sees("Movies HD x264").await;
    browser
        .element("select[name=categories] option[value='100001']")
        .await
        .click()
        .await
        .unwrap();
    browser.click("form.provider button[type=submit]").await;
    browser.sees("Tracker saved").await;
    let indexers = app.get_json("/api/v3/indexer").await;
    let categories = indexers[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "categories")
        .unwrap()["value"]
        .clone();
    assert_eq!(categories, json!([2040, 100001]));
    browser.finish("indexer_categories").await;
}
