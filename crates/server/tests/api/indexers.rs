//! `/api/v3/indexer`, `/indexerstatus` and the indexer health checks, as
//! Prowlarr and the UI use them, against fake Newznab and Torznab indexers.

use indexers::fake::{API_KEY, FakeIndexer, FakeNewznab, FakeTorznab, Trouble};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// A field as Prowlarr sends it: the schema's field read into its own
/// `RadarrField` (name, value, type, advanced, section, hidden), so labels
/// and orders are gone and nulls are written.
fn prowlarr_field(name: &str, value: Value, kind: &str, advanced: bool) -> Value {
    json!({"name": name, "value": value, "type": kind, "advanced": advanced,
           "section": null, "hidden": null})
}

/// The body Prowlarr's `BuildRadarrIndexer` sends for an indexer of a fake:
/// only the fields it syncs, its own URL and key, its categories.
fn prowlarr_body(name: &str, fake: &FakeIndexer, torznab: bool) -> Value {
    let (implementation, contract) = match torznab {
        true => ("Torznab", "TorznabSettings"),
        false => ("Newznab", "NewznabSettings"),
    };
    let mut fields = vec![
        prowlarr_field(
            "baseUrl",
            json!(format!("{}/", fake.base_url)),
            "textbox",
            false,
        ),
        prowlarr_field("apiPath", json!("/api"), "textbox", true),
        prowlarr_field("apiKey", json!(API_KEY), "textbox", false),
        prowlarr_field("categories", json!([2000, 2040, 2045]), "select", false),
    ];
    if torznab {
        fields.push(prowlarr_field("minimumSeeders", json!(1), "number", true));
        fields.push(prowlarr_field(
            "seedCriteria.seedRatio",
            Value::Null,
            "textbox",
            true,
        ));
        fields.push(prowlarr_field(
            "seedCriteria.seedTime",
            Value::Null,
            "number",
            true,
        ));
    }
    json!({
        "id": 0,
        "enableRss": true,
        "enableAutomaticSearch": true,
        "enableInteractiveSearch": true,
        "priority": 25,
        "name": name,
        "implementationName": null,
        "implementation": implementation,
        "configContract": contract,
        "infoLink": null,
        "downloadClientId": null,
        "tags": null,
        "fields": fields,
    })
}

fn field<'a>(resource: &'a Value, name: &str) -> &'a Value {
    resource["fields"]
        .as_array()
        .and_then(|fields| fields.iter().find(|f| f["name"] == name))
        .unwrap_or(&Value::Null)
}

fn properties(failures: &Value) -> Vec<&str> {
    failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect()
}

async fn add(app: &TestApp, body: &Value, path: &str) -> Value {
    let response = app.post(path, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "POST {path}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_schema_offers_newznab_torznab_and_hdbits_with_the_fields_prowlarr_needs() {
    let app = spawn_app().await;
    let schema = app.get_json("/api/v3/indexer/schema").await;
    let names: Vec<&str> = schema
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["implementation"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Newznab", "Torznab", "HDBits"]);
    let (newznab, torznab) = (&schema[0], &schema[1]);
    assert_eq!(newznab["configContract"], "NewznabSettings");
    assert_eq!(newznab["protocol"], "usenet");
    assert_eq!(torznab["protocol"], "torrent");
    for template in [newznab, torznab] {
        assert_eq!(template["priority"], 25);
        assert_eq!(template["downloadClientId"], 0);
        assert_eq!(template["enableRss"], true);
        assert_eq!(template["enableAutomaticSearch"], true);
        assert_eq!(template["enableInteractiveSearch"], true);
        assert_eq!(template["supportsRss"], true);
        assert_eq!(template["supportsSearch"], true);
        assert_eq!(template["presets"], json!([]));
        for name in [
            "baseUrl",
            "apiPath",
            "apiKey",
            "categories",
            "additionalParameters",
        ] {
            assert_eq!(field(template, name)["name"], name);
        }
    }
    for name in [
        "minimumSeeders",
        "seedCriteria.seedRatio",
        "seedCriteria.seedTime",
        "rejectBlocklistedTorrentHashesWhileGrabbing",
        "multiLanguages",
        "removeYear",
        "requiredFlags",
    ] {
        assert_eq!(field(torznab, name)["name"], name, "Torznab has {name}");
    }
    assert_eq!(field(newznab, "minimumSeeders"), &Value::Null);
    assert_eq!(field(newznab, "apiKey")["privacy"], "apiKey");
    assert_eq!(field(newznab, "apiPath")["value"], "/api");
    assert_eq!(field(newznab, "apiPath")["advanced"], true);
    let categories = field(newznab, "categories");
    assert_eq!(categories["type"], "select");
    assert_eq!(
        categories["selectOptionsProviderAction"],
        "newznabCategories"
    );
    assert_eq!(categories["value"][0], 2000);
    assert_eq!(field(torznab, "seedCriteria.seedTime")["unit"], "minutes");
    assert_eq!(field(torznab, "seedCriteria.seedRatio")["isFloat"], true);
    assert_eq!(field(torznab, "minimumSeeders")["value"], 1);
    let flags = &field(torznab, "requiredFlags")["selectOptions"];
    assert_eq!(flags[0]["value"], 1);
    assert_eq!(flags[0]["name"], "G_Freeleech");
}

#[tokio::test]
async fn prowlarr_tests_adds_and_updates_a_torznab_indexer_with_its_key_masked() {
    let app = spawn_app().await;
    let fake = FakeTorznab::start().await;

    // Prowlarr's connection test: a 2xx, and the version header it parses.
    let response = app
        .post("/api/v3/indexer/test", &prowlarr_body("Test", &fake, true))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let version = response.headers()["x-application-version"]
        .to_str()
        .unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert_eq!(parts.len(), 4, "{version}");
    assert!(parts[0] >= 4, "{version}");

    let mut body = prowlarr_body("Fake (Prowlarr)", &fake, true);
    // A field of a newer Radarr is ignored, not refused.
    body["fields"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "futureSetting", "value": 7}));
    let added = add(&app, &body, "/api/v3/indexer").await;
    let id = added["id"].as_i64().unwrap();
    assert_eq!(added["implementation"], "Torznab");
    assert_eq!(added["priority"], 25);
    assert_eq!(added["tags"], json!([]), "null tags read as none");
    assert_eq!(added["downloadClientId"], 0);
    assert_eq!(field(&added, "apiKey")["value"], "********");
    assert_eq!(
        field(&added, "categories")["value"],
        json!([2000, 2040, 2045])
    );
    assert_eq!(field(&added, "futureSetting"), &Value::Null);
    assert_eq!(
        field(&added, "removeYear")["value"],
        false,
        "unsent settings take their default"
    );

    // The masked key sent back keeps the stored one: the test still passes.
    let mut read = app.get_json(&format!("/api/v3/indexer/{id}")).await;
    assert_eq!(read, added);
    let response = app.post("/api/v3/indexer/test", &read).await;
    assert_eq!(response.status(), StatusCode::OK, "the stored key was kept");
    read["priority"] = json!(10);
    let response = app
        .put(&format!("/api/v3/indexer/{id}?forceSave=true"), &read)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["priority"], 10);
    assert_eq!(field(&updated, "apiKey")["value"], "********");
    let response = app.post("/api/v3/indexer/test", &updated).await;
    assert_eq!(response.status(), StatusCode::OK, "still the stored key");
    // The search asked with the real key, never the mask.
    assert!(
        fake.requests()
            .iter()
            .flatten()
            .filter(|(k, _)| k == "apikey")
            .all(|(_, v)| v == API_KEY)
    );

    let listed = app.get_json("/api/v3/indexer").await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["name"], "Fake (Prowlarr)");
}

#[tokio::test]
async fn a_failing_indexer_is_refused_until_prowlarr_forces_the_save() {
    let app = spawn_app().await;
    let fake = FakeNewznab::start().await;
    let mut body = prowlarr_body("Broken (Prowlarr)", &fake, false);
    body["fields"][2]["value"] = json!("wrong-key");

    let response = app.post("/api/v3/indexer", &body).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().contains_key("x-application-version"));
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "ApiKey");
    assert_eq!(failures[0]["errorMessage"], "Invalid API Key");

    fake.trouble([Trouble::ServerError]);
    body["fields"][2]["value"] = json!(API_KEY);
    let response = app.post("/api/v3/indexer", &body).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    let message = failures[0]["errorMessage"].as_str().unwrap();
    assert!(
        message.starts_with("Unable to connect to indexer"),
        "{message}"
    );
    assert!(
        app.get_json("/api/v3/indexer")
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Prowlarr's retry.
    fake.trouble([Trouble::ServerError]);
    let requests = fake.requests().len();
    let added = add(&app, &body, "/api/v3/indexer?forceSave=true").await;
    assert_eq!(added["name"], "Broken (Prowlarr)");
    assert_eq!(
        fake.requests().len(),
        requests,
        "a forced save is not tested"
    );
}

#[tokio::test]
async fn settings_are_refused_by_field_even_when_forced() {
    let app = spawn_app().await;
    let fake = FakeNewznab::start().await;
    let mut body = prowlarr_body("Bad", &fake, false);
    body["fields"][0]["value"] = json!("");
    body["fields"][3]["value"] = json!([]);
    body["priority"] = json!(0);
    let response = app.post("/api/v3/indexer?forceSave=true", &body).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(properties(&failures), ["BaseUrl", "Categories", "Priority"]);

    let mut torznab = prowlarr_body("Bad seeds", &fake, true);
    torznab["fields"][5]["value"] = json!(-1);
    let response = app.post("/api/v3/indexer", &torznab).await;
    let failures: Value = response.json().await.unwrap();
    assert_eq!(properties(&failures), ["SeedCriteria.SeedRatio"]);

    let mut unknown = body.clone();
    unknown["implementation"] = json!("Omgwtfnzbs");
    let response = app.post("/api/v3/indexer", &unknown).await;
    let failures: Value = response.json().await.unwrap();
    assert_eq!(properties(&failures), ["Implementation"]);
}

#[tokio::test]
async fn testall_reports_each_indexer_and_delete_removes_one() {
    let app = spawn_app().await;
    let good = FakeNewznab::start().await;
    let bad = FakeTorznab::start().await;
    let first = add(
        &app,
        &prowlarr_body("Good", &good, false),
        "/api/v3/indexer",
    )
    .await;
    let mut body = prowlarr_body("Bad", &bad, true);
    body["fields"][2]["value"] = json!("wrong-key");
    let second = add(&app, &body, "/api/v3/indexer?forceSave=true").await;

    let response = app
        .request(reqwest::Method::POST, "/api/v3/indexer/testall")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let results: Value = response.json().await.unwrap();
    assert_eq!(results[0]["id"], first["id"]);
    assert_eq!(results[0]["isValid"], true);
    assert_eq!(results[1]["id"], second["id"]);
    assert_eq!(results[1]["isValid"], false);
    assert_eq!(
        results[1]["validationFailures"][0]["propertyName"],
        "ApiKey"
    );

    let path = format!("/api/v3/indexer/{}", second["id"]);
    assert_eq!(app.delete(&path).await.status(), StatusCode::OK);
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    let response = app
        .request(reqwest::Method::POST, "/api/v3/indexer/testall")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// The health checks but the download clients': with indexers and no
/// download client, Radarr also warns that none is available.
async fn indexer_health(app: &TestApp) -> Vec<Value> {
    let health = app.get_json("/api/v3/health").await;
    let (clients, others): (Vec<Value>, Vec<Value>) = health
        .as_array()
        .unwrap()
        .iter()
        .cloned()
        .partition(|h| h["source"] == "DownloadClientCheck");
    assert_eq!(
        clients
            .iter()
            .map(|c| c["message"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["No download client is available"]
    );
    others
}

fn health_of<'a>(health: &'a Value, source: &str) -> Vec<&'a Value> {
    health
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["source"] == source)
        .collect()
}

#[tokio::test]
async fn a_failed_test_backs_the_indexer_off_and_health_says_so() {
    let app = spawn_app().await;
    let steady = FakeNewznab::start().await;
    let flaky = FakeNewznab::start().await;
    add(
        &app,
        &prowlarr_body("Steady", &steady, false),
        "/api/v3/indexer",
    )
    .await;
    let broken = add(
        &app,
        &prowlarr_body("Flaky", &flaky, false),
        "/api/v3/indexer",
    )
    .await;
    assert_eq!(indexer_health(&app).await, Vec::<Value>::new());
    assert_eq!(app.get_json("/api/v3/indexerstatus").await, json!([]));

    flaky.trouble([Trouble::ServerError]);
    let response = app.post("/api/v3/indexer/test", &broken).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let health = app.get_json("/api/v3/health").await;
    let status = health_of(&health, "IndexerStatusCheck");
    assert_eq!(status.len(), 1, "{health}");
    assert_eq!(status[0]["type"], "warning");
    assert_eq!(
        status[0]["message"],
        "Indexers unavailable due to failures: Flaky (the indexer answered HTTP 500: \
         Internal Server Error)"
    );
    assert!(health_of(&health, "IndexerRssCheck").is_empty());
    let statuses = app.get_json("/api/v3/indexerstatus").await;
    assert_eq!(statuses.as_array().unwrap().len(), 1);
    assert_eq!(statuses[0]["indexerId"], broken["id"]);
    let till = statuses[0]["disabledTill"].as_str().unwrap();
    assert!(till.ends_with('Z') && !till.contains('.'), "{till}");
    assert!(statuses[0]["initialFailure"].is_string());

    // A successful test steps it back and frees it.
    let response = app.post("/api/v3/indexer/test", &broken).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(indexer_health(&app).await, Vec::<Value>::new());
    assert_eq!(app.get_json("/api/v3/indexerstatus").await, json!([]));
}

#[tokio::test]
async fn when_every_indexer_fails_health_says_all_are_unavailable() {
    let app = spawn_app().await;
    let fake = FakeTorznab::start().await;
    let only = add(&app, &prowlarr_body("Only", &fake, true), "/api/v3/indexer").await;
    fake.trouble([Trouble::Html]);
    let response = app
        .request(reqwest::Method::POST, "/api/v3/indexer/testall")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let health = app.get_json("/api/v3/health").await;
    let status = health_of(&health, "IndexerStatusCheck");
    assert_eq!(status[0]["type"], "error");
    assert_eq!(
        status[0]["message"],
        "All indexers are unavailable due to failures: Only (the indexer answered a web page \
         instead of a feed: the site is likely blocked or the URL is wrong)"
    );
    assert_eq!(
        health_of(&health, "IndexerRssCheck")[0]["message"],
        "All rss-capable indexers are temporarily unavailable due to recent indexer errors"
    );
    assert_eq!(
        health_of(&health, "IndexerSearchCheck")[0]["message"],
        "All search-capable indexers are temporarily unavailable due to recent indexer errors"
    );

    // Its status goes with it.
    app.delete(&format!("/api/v3/indexer/{}", only["id"])).await;
    assert_eq!(app.get_json("/api/v3/indexerstatus").await, json!([]));
    assert_eq!(
        app.get_json("/api/v3/health").await,
        json!([]),
        "without indexers, no client is needed yet"
    );
}

#[tokio::test]
async fn health_warns_when_no_indexer_syncs_rss_or_searches() {
    let app = spawn_app().await;
    let fake = FakeNewznab::start().await;
    let mut body = prowlarr_body("Manual only", &fake, false);
    body["enableRss"] = json!(false);
    body["enableAutomaticSearch"] = json!(false);
    add(&app, &body, "/api/v3/indexer").await;

    let health = app.get_json("/api/v3/health").await;
    let rss = health_of(&health, "IndexerRssCheck");
    assert_eq!(rss[0]["type"], "error");
    assert_eq!(
        rss[0]["message"],
        "No indexers available with RSS sync enabled, Radarr will not grab new releases automatically"
    );
    let search = health_of(&health, "IndexerSearchCheck");
    assert_eq!(search[0]["type"], "warning");
    assert_eq!(
        search[0]["message"],
        "No indexers available with Automatic Search enabled, Radarr will not provide any automatic search results"
    );
}

/// The option values of a `newznabCategories` answer.
async fn category_values(app: &TestApp, route: &str, body: &Value) -> Vec<i64> {
    let response = app
        .post(&format!("/api/v3/{route}/action/newznabCategories"), body)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let answer: Value = response.json().await.unwrap();
    answer["options"]
        .as_array()
        .unwrap_or_else(|| panic!("options in {answer}"))
        .iter()
        .map(|o| o["value"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn the_categories_action_reads_the_indexers_caps_or_offers_the_movie_defaults() {
    let app = spawn_app().await;
    let torznab = FakeTorznab::start().await;
    let movie_defaults = [2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060];

    // A form not saved yet: the indexer's own categories, subcategories
    // after their parent, each with its number as the hint.
    let mut body = prowlarr_body("", &torznab, true);
    let answer: Value = app
        .post("/api/v3/indexer/action/newznabCategories", &body)
        .await
        .json()
        .await
        .unwrap();
    let options = answer["options"].as_array().unwrap();
    let values: Vec<i64> = options
        .iter()
        .map(|o| o["value"].as_i64().unwrap())
        .collect();
    assert_eq!(values, [2000, 2030, 2040, 2045, 2050, 100001, 100002]);
    assert_eq!(options[0]["name"], "Movies");
    assert_eq!(options[0].get("parentValue"), None);
    assert_eq!(options[2]["name"], "Movies/HD");
    assert_eq!(options[2]["parentValue"], 2000);
    assert_eq!(options[2]["hint"], "(2040)");
    assert_eq!(options[5]["name"], "Movies HD x264");
    assert_eq!(torznab.requests_of("caps").len(), 1);

    // Saved, its key comes back masked: the stored key asks the caps.
    body["name"] = json!("Saved");
    let added = add(&app, &body, "/api/v3/indexer").await;
    assert_eq!(field(&added, "apiKey")["value"], "********");
    assert_eq!(
        category_values(&app, "indexer", &added).await,
        values,
        "the stored key was used"
    );

    // A Newznab indexer's TV comes after its movies; audio is left out.
    let newznab = FakeNewznab::start().await;
    let tv_last = category_values(&app, "indexer", &prowlarr_body("N", &newznab, false)).await;
    assert_eq!(tv_last[..8], movie_defaults);
    assert_eq!(tv_last[8..], [5000, 5030, 5040]);

    // Caps that cannot be read, and a form without a URL yet: the defaults.
    torznab.trouble([Trouble::ServerError]);
    assert_eq!(
        category_values(&app, "indexer", &body).await,
        movie_defaults
    );
    let schema = app.get_json("/api/v3/indexer/schema").await;
    assert_eq!(
        category_values(&app, "indexer", &schema[0]).await,
        movie_defaults
    );

    // An action a provider does not have answers null, as Radarr's does.
    let unknown = app.post("/api/v3/indexer/action/nothingHere", &body).await;
    assert_eq!(unknown.status(), StatusCode::OK);
    assert_eq!(unknown.json::<Value>().await.unwrap(), Value::Null);
    let clients = app.get_json("/api/v3/downloadclient/schema").await;
    let client = app
        .post(
            "/api/v3/downloadclient/action/newznabCategories",
            &clients[0],
        )
        .await;
    assert_eq!(client.json::<Value>().await.unwrap(), Value::Null);
}
