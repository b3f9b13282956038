//! Browser tests: the Settings pages, as a user changes a quality profile,
//! types a naming format and switches the login for local addresses.

use fantoccini::Locator;
use serde_json::Value;

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::spawn_app;

/// The text of the element right after the field `css` names: where
/// `showFailures` puts the server's message for that field.
async fn note_after(browser: &Browser, css: &str) -> String {
    let script = "const e = document.querySelector(arguments[0]).nextElementSibling; \
                  return e && e.classList.contains('field-error') ? e.textContent : '';";
    let value = browser
        .client
        .execute(script, vec![Value::from(css)])
        .await
        .unwrap();
    value.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_user_changes_a_quality_profile_and_sees_a_bad_value_refused_beside_its_field() {
    let app = spawn_app().await;
    let mut browser = Browser::start(1280).await;
    // The refused profile is the server's 400, which Chromium logs.
    browser.expect_logged(
        "/api/v3/qualityprofile/4 - Failed to load resource: the server responded with a status of 400",
    );
    let format = serde_json::json!({"name": "x265", "specifications": [{"name": "x265",
        "implementation": "ReleaseTitleSpecification", "fields": {"value": "x265"}}]});
    assert_eq!(
        app.post("/api/v3/customformat", &format).await.status(),
        reqwest::StatusCode::CREATED
    );
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/settings']").await;
    browser.click("a[href$='/settings/profiles']").await;
    browser.sees("HD-1080p").await;
    let profiles: Value = app.get_json("/api/v3/qualityprofile").await;
    let id = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "HD-1080p")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(id, 4, "Radarr's fourth profile");
    browser
        .click(&format!(
            "table.profiles a[href$='/settings/profiles?id={id}']"
        ))
        .await;
    browser.sees("Profile: HD-1080p").await;
    // The cutoff offers only allowed qualities, and starts at the saved one.
    let cutoff = browser.element("select[name=cutoff]").await;
    let before: Value = app.get_json(&format!("/api/v3/qualityprofile/{id}")).await;
    assert_eq!(
        cutoff.prop("value").await.unwrap().as_deref(),
        Some(before["cutoff"].to_string().as_str())
    );
    let options = browser.text("select[name=cutoff]").await;
    assert!(!options.contains("SDTV"), "{options}");

    browser.fill("input[name=name]", "HD-1080p trusted").await;
    browser.fill("input[name=minReputationScore]", "60").await;
    browser
        .fill("input[aria-label='Score of x265']", "25")
        .await;
    browser.click("form.profile button[type=submit]").await;
    browser.sees("Profile HD-1080p trusted saved").await;
    browser.sees("Profile: HD-1080p trusted").await;
    let saved: Value = app.get_json(&format!("/api/v3/qualityprofile/{id}")).await;
    assert_eq!(saved["name"], "HD-1080p trusted");
    assert_eq!(saved["minReputationScore"], 60);
    assert_eq!(saved["formatItems"][0]["name"], "x265");
    assert_eq!(saved["formatItems"][0]["score"], 25);
    assert_eq!(saved["items"], before["items"], "the rest stands");

    // Out of range, and no name: Radarr's messages beside each field.
    browser.fill("input[name=minReputationScore]", "101").await;
    browser.fill("input[name=name]", "").await;
    browser.click("form.profile button[type=submit]").await;
    browser
        .sees("'Min Reputation Score' must be between 0 and 100.")
        .await;
    assert_eq!(
        note_after(&browser, "input[name=minReputationScore]").await,
        "'Min Reputation Score' must be between 0 and 100."
    );
    assert_eq!(
        note_after(&browser, "input[name=name]").await,
        "'Name' must not be empty."
    );
    let invalid = browser
        .element("input[name=minReputationScore]")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    let kept: Value = app.get_json(&format!("/api/v3/qualityprofile/{id}")).await;
    assert_eq!(kept["minReputationScore"], 60, "nothing saved");
    browser.finish("settings_profile").await;
}

#[tokio::test]
async fn typing_a_naming_format_updates_the_live_example_at_phone_width() {
    let app = spawn_app().await;
    let browser = Browser::start(390).await;
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/settings", app.address))
        .await
        .unwrap();
    browser.click("a[href$='/settings/mediamanagement']").await;
    // Radarr's sample movie under the saved (default) formats.
    browser
        .sees("The Movie Title (2010) Bluray-1080p Proper")
        .await;
    assert_eq!(
        browser.text(".example.folder").await,
        "The Movie Title (2010)"
    );
    browser
        .fill(
            "input[name=standardMovieFormat]",
            "{Movie.Title}.{Release Year}-{Release Group}",
        )
        .await;
    browser.sees("The.Movie.Title.2010-RlsGrp").await;
    // Another colon rule shows at once too, before anything is saved.
    browser
        .element("select[name=colonReplacementFormat]")
        .await
        .select_by_value("smart")
        .await
        .unwrap();
    browser.sees("The.Movie.-.Title.2010-RlsGrp").await;
    let saved: Value = app.get_json("/api/v3/config/naming").await;
    assert_eq!(saved["colonReplacementFormat"], "delete", "not saved yet");
    browser.click("form.naming button[type=submit]").await;
    browser.sees("Naming saved").await;
    let saved: Value = app.get_json("/api/v3/config/naming").await;
    assert_eq!(
        saved["standardMovieFormat"],
        "{Movie.Title}.{Release Year}-{Release Group}"
    );
    assert_eq!(saved["colonReplacementFormat"], "smart");
    // The import switches save on their own.
    let hardlinks: Value = app.get_json("/api/v3/config/mediamanagement").await;
    browser.click("input[name=copyUsingHardlinks]").await;
    browser.click("form.media button[type=submit]").await;
    browser.sees("Importing settings saved").await;
    let changed: Value = app.get_json("/api/v3/config/mediamanagement").await;
    assert_eq!(
        changed["copyUsingHardlinks"],
        !hardlinks["copyUsingHardlinks"].as_bool().unwrap()
    );
    browser.finish("settings_naming_phone").await;
}

#[tokio::test]
async fn general_settings_show_the_api_key_and_save_the_login_for_local_addresses() {
    let app = spawn_app().await;
    let mut browser = Browser::start(1280).await;
    browser.expect_logged(
        "/api/v3/config/host - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/settings/general", app.address))
        .await
        .unwrap();
    let key = browser.element("input[name=apiKey]").await;
    assert_eq!(
        key.prop("value").await.unwrap().as_deref(),
        Some(app.api_key.as_str())
    );
    // A new password that its confirmation does not match is refused there.
    browser
        .fill("input[name=password]", "a longer password")
        .await;
    browser
        .fill("input[name=passwordConfirmation]", "another one")
        .await;
    browser.click("form.auth button[type=submit]").await;
    browser.sees("Must match Password").await;
    assert_eq!(
        note_after(&browser, "input[name=passwordConfirmation]").await,
        "Must match Password"
    );
    // The password left as it was, only the requirement changes.
    browser.fill("input[name=password]", "********").await;
    browser.fill("input[name=passwordConfirmation]", "").await;
    browser
        .client
        .find(Locator::Css("select[name=authenticationRequired]"))
        .await
        .unwrap()
        .select_by_value("disabledForLocalAddresses")
        .await
        .unwrap();
    browser.click("form.auth button[type=submit]").await;
    browser.sees("Authentication saved").await;
    let host: Value = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["authenticationRequired"], "disabledForLocalAddresses");
    assert_eq!(host["authenticationMethod"], "forms");
    assert_eq!(host["username"], "admin");
    browser.finish("settings_general").await;
}

#[tokio::test]
async fn the_settings_lists_and_custom_format_import_draw_without_errors() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let mut browser = Browser::start(1280).await;
    browser.expect_logged(
        "/api/v3/customformat - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    let open = |section: &'static str| {
        let url = format!("{}/settings/{section}", app.address);
        let client = browser.client.clone();
        async move { client.goto(&url).await.unwrap() }
    };
    open("rootfolders").await;
    browser.sees(&app.root_path()).await;
    open("indexers").await;
    browser.sees("None yet").await;
    open("quality").await;
    browser.sees("Bluray-1080p").await;
    let definitions: Value = app.get_json("/api/v3/qualitydefinition").await;
    let row = definitions
        .as_array()
        .unwrap()
        .iter()
        .position(|d| d["quality"]["name"] == "Bluray-1080p")
        .unwrap();
    browser
        .fill(
            &format!("tr[data-index='{row}'] input[name=maxSize]"),
            "150",
        )
        .await;
    browser.click("form.definitions button[type=submit]").await;
    browser.sees("Quality sizes saved").await;
    let saved: Value = app.get_json("/api/v3/qualitydefinition").await;
    assert_eq!(saved[row]["maxSize"], 150.0);
    assert_eq!(saved[row]["minSize"], definitions[row]["minSize"]);
    open("customformats").await;
    browser.sees("No custom formats yet").await;
    let bad = r#"{"name": "Broken", "specifications": [{"name": "bad regex", "implementation": "ReleaseTitleSpecification", "fields": {"value": "(["}}]}"#;
    browser.fill("textarea[name=json]", bad).await;
    browser.click("form.import button[type=submit]").await;
    browser.sees("invalid regular expression").await;
    // Two exports pasted as a list, one in TRaSH's shape (its own keys).
    let good = r#"[{"id": 12, "name": "x265", "includeCustomFormatWhenRenaming": false, "specifications": [{"name": "x265", "implementation": "ReleaseTitleSpecification", "negate": false, "required": true, "fields": {"value": "[xh]\\.?265|hevc"}}]},
        {"trash_id": "dts", "trash_scores": {"default": 10}, "name": "DTS", "includeCustomFormatWhenRenaming": false, "specifications": [{"name": "dts", "implementation": "ReleaseTitleSpecification", "negate": false, "required": true, "fields": {"value": "\\bDTS\\b"}}]}]"#;
    browser.fill("textarea[name=json]", good).await;
    browser.click("form.import button[type=submit]").await;
    browser.sees("Custom formats x265, DTS imported").await;
    let formats: Value = app.get_json("/api/v3/customformat").await;
    let names: Vec<&str> = formats
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["x265", "DTS"]);
    assert_eq!(
        browser.text("table tbody").await.lines().count(),
        2,
        "both listed"
    );
    browser.finish("settings_custom_formats").await;
}

/// Whether the page is wider than the window (a row that does not wrap).
async fn scrolls_sideways(browser: &Browser) -> bool {
    let script =
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;";
    browser.client.execute(script, vec![]).await.unwrap() == Value::Bool(true)
}

#[tokio::test]
async fn settings_pages_fit_a_phone_and_label_every_profile_field() {
    let app = spawn_app().await;
    let browser = Browser::start(390).await;
    first_run(&browser, &app).await;
    for section in [
        "",
        "/profiles",
        "/quality",
        "/general",
        "/rootfolders",
        "/profiles?id=1",
    ] {
        browser
            .client
            .goto(&format!("{}/settings{section}", app.address))
            .await
            .unwrap();
        browser.element("h1").await;
        browser.sees("Settings").await;
        assert!(!scrolls_sideways(&browser).await, "{section} fits");
    }
    // Every field of the profile editor has a label a screen reader reads.
    browser
        .element("form.profile input[name=minReputationScore]")
        .await;
    let unlabelled: Value = browser
        .client
        .execute(
            "return [...document.querySelectorAll('form.profile input, form.profile select')]\
             .filter((e) => !e.labels.length && !e.getAttribute('aria-label')).map((e) => e.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unlabelled, Value::Array(vec![]));
    let fields: Value = browser
        .client
        .execute(
            "return document.querySelectorAll('form.profile input').length;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        fields.as_u64().unwrap() > 30,
        "the profile's fields: {fields}"
    );
    browser.finish("settings_profile_phone").await;
}
