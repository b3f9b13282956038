//! Browser tests: the Settings pages, as a user changes a quality profile,
//! types a naming format and switches the login for local addresses.

use fantoccini::Locator;
use serde_json::Value;

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::spawn_app;

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
        browser.note_after("input[name=minReputationScore]").await,
        "'Min Reputation Score' must be between 0 and 100."
    );
    assert_eq!(
        browser.note_after("input[name=name]").await,
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
async fn general_settings_show_the_api_key_and_save_the_login_log_level_and_backups() {
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
    // A new password that its confirmation does not match, and a retention
    // out of Radarr's range, are refused beside their fields.
    browser
        .fill("input[name=password]", "a longer password")
        .await;
    browser
        .fill("input[name=passwordConfirmation]", "another one")
        .await;
    browser.fill("input[name=backupRetention]", "100").await;
    browser.click("form.general button[type=submit]").await;
    browser.sees("Must match Password").await;
    assert_eq!(
        browser.note_after("input[name=passwordConfirmation]").await,
        "Must match Password"
    );
    assert_eq!(
        browser.note_after("input[name=backupRetention]").await,
        "'Backup Retention' must be between 1 and 90. You entered 100."
    );
    // The password left as it was; the requirement, the log level and the
    // retention change.
    browser.fill("input[name=password]", "********").await;
    browser.fill("input[name=passwordConfirmation]", "").await;
    browser.fill("input[name=backupRetention]", "30").await;
    for (select, value) in [
        ("authenticationRequired", "disabledForLocalAddresses"),
        ("logLevel", "debug"),
    ] {
        browser
            .client
            .find(Locator::Css(&format!("select[name={select}]")))
            .await
            .unwrap()
            .select_by_value(value)
            .await
            .unwrap();
    }
    browser.click("form.general button[type=submit]").await;
    browser.sees("Settings saved").await;
    let host: Value = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["authenticationRequired"], "disabledForLocalAddresses");
    assert_eq!(host["authenticationMethod"], "forms");
    assert_eq!(host["username"], "admin");
    assert_eq!(host["logLevel"], "debug");
    assert_eq!(host["backupRetention"], 30);
    assert_eq!(host["backupInterval"], 7);
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

/// Clicks the button named `name` whose text is `text`.
async fn click_button(browser: &Browser, name: &str, text: &str) {
    browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::XPath(&format!(
            "//button[@name='{name}' and normalize-space()='{text}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no {text} button: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn a_user_adds_and_removes_root_folders_and_indexers_with_refusals_beside_their_fields() {
    let app = spawn_app().await;
    let fake = indexers::fake::FakeTorznab::start().await;
    let movies = tempfile::tempdir().unwrap();
    let movies_path = movies.path().display().to_string();
    let mut browser = Browser::start(1280).await;
    // The refused folder and the refused indexer are the server's 400s.
    browser.expect_logged(
        "/api/v3/rootfolder - Failed to load resource: the server responded with a status of 400",
    );
    browser.expect_logged(
        "/api/v3/indexer - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/settings/rootfolders", app.address))
        .await
        .unwrap();
    browser.sees("None yet").await;
    browser
        .fill("input[name=path]", "/no/such/folder/anywhere")
        .await;
    browser.click("form.root button[type=submit]").await;
    browser.sees("does not exist").await;
    assert_eq!(
        browser.note_after("input[name=path]").await,
        "Folder '/no/such/folder/anywhere' does not exist"
    );
    browser.fill("input[name=path]", &movies_path).await;
    browser.click("form.root button[type=submit]").await;
    browser.sees("added").await;
    browser.element("table.roots").await;
    let listed = browser.text("table.roots tbody").await;
    assert!(
        listed.contains(&movies_path) && listed.contains("free"),
        "{listed}"
    );
    assert_eq!(browser.note_after("input[name=path]").await, "");
    let roots: Value = app.get_json("/api/v3/rootfolder").await;
    assert_eq!(roots[0]["path"], movies_path.as_str());

    // An indexer: chosen among the kinds, its form drawn from the schema.
    browser
        .client
        .goto(&format!("{}/settings/indexers", app.address))
        .await
        .unwrap();
    browser.sees("None yet").await;
    browser.click("button[name=add]").await;
    click_button(&browser, "kind", "Torznab").await;
    browser
        .fill("form.provider input[name=name]", "Fake Torznab")
        .await;
    browser
        .fill("input[data-field=baseUrl]", &fake.base_url)
        .await;
    browser
        .fill("input[data-field=apiKey]", "a wrong key")
        .await;
    browser.click("form.provider button[type=submit]").await;
    browser.sees("Invalid API Key").await;
    assert_eq!(
        browser.note_after("input[data-field=apiKey]").await,
        "Invalid API Key"
    );
    let none: Value = app.get_json("/api/v3/indexer").await;
    assert_eq!(none, Value::Array(vec![]), "nothing saved");
    browser
        .fill("input[data-field=apiKey]", indexers::fake::API_KEY)
        .await;
    browser.click("form.provider button[name=test]").await;
    browser.sees("Test passed").await;
    browser.click("form.provider button[type=submit]").await;
    browser.sees("Fake Torznab saved").await;
    browser.element("table.providers").await;
    assert!(
        browser
            .text("table.providers tbody")
            .await
            .contains("Fake Torznab")
    );
    let saved: Value = app.get_json("/api/v3/indexer").await;
    assert_eq!(saved[0]["name"], "Fake Torznab");
    assert_eq!(saved[0]["implementation"], "Torznab");
    let base_url = saved[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "baseUrl")
        .unwrap()["value"]
        .clone();
    assert_eq!(base_url, fake.base_url.as_str());

    // Deleting asks once more.
    browser.click("table.providers button[name=delete]").await;
    browser.sees("Really delete?").await;
    let still: Value = app.get_json("/api/v3/indexer").await;
    assert_eq!(still.as_array().unwrap().len(), 1, "not yet");
    browser.click("table.providers button[name=delete]").await;
    browser.sees("None yet").await;
    let gone: Value = app.get_json("/api/v3/indexer").await;
    assert_eq!(gone, Value::Array(vec![]));

    // And the root folder goes the same way.
    browser
        .client
        .goto(&format!("{}/settings/rootfolders", app.address))
        .await
        .unwrap();
    browser.click("table.roots button[name=delete]").await;
    browser.sees("Really delete?").await;
    browser.click("table.roots button[name=delete]").await;
    browser.sees("None yet").await;
    let roots: Value = app.get_json("/api/v3/rootfolder").await;
    assert_eq!(roots, Value::Array(vec![]));
    browser.finish("settings_providers").await;
}

#[tokio::test]
async fn at_phone_width_an_indexer_is_edited_and_a_download_client_refused_beside_its_folder() {
    let app = spawn_app().await;
    let fake = indexers::fake::FakeTorznab::start().await;
    let indexer = serde_json::json!({
        "name": "Torznab One", "implementation": "Torznab", "configContract": "TorznabSettings",
        "enableRss": true, "enableAutomaticSearch": true, "enableInteractiveSearch": true,
        "priority": 25, "tags": [],
        "fields": [{"name": "baseUrl", "value": fake.base_url}, {"name": "apiPath", "value": "/api"},
                   {"name": "apiKey", "value": indexers::fake::API_KEY},
                   {"name": "categories", "value": [2000, 2040]}]
    });
    let created = app.post("/api/v3/indexer", &indexer).await;
    assert_eq!(created.status(), reqwest::StatusCode::CREATED);
    let mut browser = Browser::start(390).await;
    browser.expect_logged(
        "/api/v3/downloadclient - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/settings/downloadclients", app.address))
        .await
        .unwrap();
    browser.sees("None yet").await;
    browser.click("button[name=add]").await;
    click_button(&browser, "kind", "Torrent Blackhole").await;
    browser
        .fill("input[data-field=torrentFolder]", "/no/such/folder")
        .await;
    browser
        .fill("input[data-field=watchFolder]", "/no/such/folder")
        .await;
    browser.click("form.provider button[type=submit]").await;
    browser.element("form.provider .field-error").await;
    let note = browser.note_after("input[data-field=torrentFolder]").await;
    assert!(note.contains("/no/such/folder"), "{note}");
    assert!(!scrolls_sideways(&browser).await, "the form fits");

    browser
        .client
        .goto(&format!("{}/settings/indexers", app.address))
        .await
        .unwrap();
    browser.sees("Torznab One").await;
    let edit = browser.element("table.providers button[name=edit]").await;
    assert!(edit.is_displayed().await.unwrap(), "reachable on a phone");
    edit.click().await.unwrap();
    let key = browser.element("input[data-field=apiKey]").await;
    assert_eq!(
        key.prop("value").await.unwrap().as_deref(),
        Some("********")
    );
    // Categories are chosen from those the indexer lists, the saved ones chosen.
    browser.sees("Movies/UHD").await;
    let chosen: Value = browser
        .client
        .execute(
            "return [...document.querySelector('select[data-field=categories]').selectedOptions].map((o) => o.value);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(chosen, serde_json::json!(["2000", "2040"]));
    browser
        .fill("form.provider input[name=name]", "Torznab Two")
        .await;
    for value in ["2000", "2045"] {
        browser
            .click(&format!(
                "select[data-field=categories] option[value='{value}']"
            ))
            .await;
    }
    browser.click("form.provider button[type=submit]").await;
    browser.sees("Torznab Two saved").await;
    let saved: Value = app.get_json("/api/v3/indexer").await;
    assert_eq!(saved[0]["name"], "Torznab Two");
    let field = |name: &str| {
        saved[0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(field("categories"), serde_json::json!([2040, 2045]));
    assert_eq!(field("apiPath"), "/api", "the rest stands");
    // The form open again, for the screenshot: every input labelled, none too wide.
    browser.click("table.providers button[name=edit]").await;
    browser.element("form.provider").await;
    let unlabelled: Value = browser
        .client
        .execute(
            "return [...document.querySelectorAll('form.provider input, form.provider select')]\
             .filter((e) => !e.labels.length && !e.getAttribute('aria-label')).map((e) => e.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unlabelled, Value::Array(vec![]));
    assert!(!scrolls_sideways(&browser).await, "the form fits");
    browser.sees("Advanced").await;
    browser.finish("settings_indexer_phone").await;
}
