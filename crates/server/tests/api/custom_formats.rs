//! `/api/v3/customformat`: formats imported as TRaSH Guides publishes them,
//! Radarr's checks on saving, and every quality profile listing every format.

use reqwest::{Method, StatusCode};
use serde_json::{Map, Value, json};

use crate::helpers::{TestApp, spawn_app};

/// Four formats hand-written for these tests in the shape TRaSH Guides'
/// Radarr exports have (extra `trash_*` keys, fields as an object), with the
/// kinds of conditions and regex features real sets use: look-around,
/// negated and required conditions, groups, sources, modifiers, resolutions.
fn trash_formats() -> Vec<Value> {
    vec![
        json!({
            "trash_id": "test-x265-hd",
            "trash_scores": {"default": -10000},
            "name": "x265 (HD)",
            "includeCustomFormatWhenRenaming": false,
            "specifications": [
                {"name": "x265", "implementation": "ReleaseTitleSpecification", "negate": false,
                 "required": true, "fields": {"value": "[xh][ ._-]?265(?![ ._-]?remux)|\\bHEVC(?=\\b|\\d)"}},
                {"name": "Not 2160p", "implementation": "ResolutionSpecification", "negate": true,
                 "required": true, "fields": {"value": 2160}}
            ]
        }),
        json!({
            "trash_id": "test-remux-tier-01",
            "name": "Remux Tier 01",
            "includeCustomFormatWhenRenaming": false,
            "specifications": [
                {"name": "Remux", "implementation": "QualityModifierSpecification", "negate": false,
                 "required": true, "fields": {"value": 5}},
                {"name": "GroupOne", "implementation": "ReleaseGroupSpecification", "negate": false,
                 "required": false, "fields": {"value": "^(GroupOne)$"}},
                {"name": "GroupTwo", "implementation": "ReleaseGroupSpecification", "negate": false,
                 "required": false, "fields": {"value": "^(Group[ ._-]?Two)$"}}
            ]
        }),
        json!({
            "trash_id": "test-br-disk",
            "name": "BR-DISK",
            "includeCustomFormatWhenRenaming": false,
            "specifications": [
                {"name": "BR-DISK", "implementation": "ReleaseTitleSpecification", "negate": false,
                 "required": true,
                 "fields": {"value": "^(?!.*\\b(REMUX|BDRip|[xh][ ._-]?26[45])\\b)(?=.*\\b(BR[ ._-]?DISK|COMPLETE[ ._-]?(UHD[ ._-]?)?BLU[ ._-]?RAY|BD(25|50|66|100))\\b)"}},
                {"name": "Not WEBDL", "implementation": "SourceSpecification", "negate": true,
                 "required": true, "fields": {"value": 7}}
            ]
        }),
        json!({
            "trash_id": "test-lq",
            "name": "LQ",
            "includeCustomFormatWhenRenaming": true,
            "specifications": [
                {"name": "Bad Group", "implementation": "ReleaseGroupSpecification", "negate": false,
                 "required": false, "fields": {"value": "^(BadGroup|TinyRips)$"}},
                {"name": "Tiny encodes", "implementation": "ReleaseTitleSpecification", "negate": false,
                 "required": false, "fields": {"value": "(?i)\\b(TinyRips|MiniEnc)\\b"}},
                {"name": "Under 1 GB", "implementation": "SizeSpecification", "negate": false,
                 "required": false, "fields": {"min": 0, "max": 1}}
            ]
        }),
    ]
}

/// A format's conditions in the exported shape, for comparing what was sent
/// with what Radarr's shape answers.
fn exported(resource: &Value) -> Vec<Value> {
    let specs = resource["specifications"].as_array().unwrap();
    specs
        .iter()
        .map(|spec| {
            let fields: Map<String, Value> = match &spec["fields"] {
                Value::Array(list) => list
                    .iter()
                    .map(|f| (f["name"].as_str().unwrap().to_string(), f["value"].clone()))
                    .collect(),
                Value::Object(map) => map.clone(),
                other => panic!("fields {other}"),
            };
            json!({
                "name": spec["name"], "implementation": spec["implementation"],
                "negate": spec["negate"], "required": spec["required"], "fields": fields,
            })
        })
        .collect()
}

async fn add(app: &TestApp, body: &Value) -> Value {
    let response = app.post("/api/v3/customformat", body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    response.json().await.unwrap()
}

/// Each profile's `formatItems`, as (format, name, score).
async fn format_items(app: &TestApp) -> Vec<Vec<(i64, String, i64)>> {
    let profiles = app.get_json("/api/v3/qualityprofile").await;
    profiles
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["formatItems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    let name = i["name"].as_str().unwrap().to_string();
                    (
                        i["format"].as_i64().unwrap(),
                        name,
                        i["score"].as_i64().unwrap(),
                    )
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn trash_style_formats_import_unchanged() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for format in trash_formats() {
        let added = add(&app, &format).await;
        assert_eq!(added["name"], format["name"]);
        assert_eq!(
            added["includeCustomFormatWhenRenaming"],
            format["includeCustomFormatWhenRenaming"]
        );
        assert_eq!(exported(&added), exported(&format), "{}", format["name"]);
        // Radarr's shape: fields as an array with labels.
        assert_eq!(added["specifications"][0]["fields"][0]["name"], "value");
        assert!(added["specifications"][0]["implementationName"].is_string());
        let id = added["id"].as_i64().unwrap();
        assert_eq!(
            app.get_json(&format!("/api/v3/customformat/{id}")).await,
            added
        );
        ids.push(id);
    }
    let listed = app.get_json("/api/v3/customformat").await;
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["x265 (HD)", "Remux Tier 01", "BR-DISK", "LQ"]);
    // Sending Radarr's own shape back saves it unchanged too.
    let again = app
        .put(&format!("/api/v3/customformat/{}", ids[0]), &listed[0])
        .await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    assert_eq!(again.json::<Value>().await.unwrap(), listed[0]);
    // The schema offers the stored conditions as presets.
    let schema = app.get_json("/api/v3/customformat/schema").await;
    let group = schema
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["implementation"] == "ReleaseGroupSpecification")
        .unwrap();
    let presets: Vec<&str> = group["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(presets.contains(&"Remux Tier 01: GroupOne"), "{presets:?}");
}

#[tokio::test]
async fn bad_formats_are_refused_naming_the_fault() {
    let app = spawn_app().await;
    let bad_regex = json!({"name": "Broken", "specifications": [
        {"name": "Unclosed group", "implementation": "ReleaseTitleSpecification",
         "fields": {"value": "(x265"}}]});
    let response = app.post("/api/v3/customformat", &bad_regex).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    let message = body[0]["errorMessage"].as_str().unwrap();
    assert!(message.contains("Unclosed group"), "{message}");
    assert_eq!(body[0]["errorCode"], "RegexValidator");

    let unknown = json!({"name": "U", "specifications": [
        {"name": "What", "implementation": "NoSuchSpecification", "fields": {}}]});
    let response = app.post("/api/v3/customformat", &unknown).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let empty = json!({"name": "", "specifications": []});
    let body: Value = app
        .post("/api/v3/customformat", &empty)
        .await
        .json()
        .await
        .unwrap();
    let messages: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["errorMessage"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "'Name' must not be empty.",
            "Must contain at least one Condition"
        ]
    );

    add(&app, &trash_formats()[3]).await;
    let response = app.post("/api/v3/customformat", &trash_formats()[3]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        (&body[0]["propertyName"], &body[0]["errorMessage"]),
        (&json!("Name"), &json!("Must be unique."))
    );
    assert_eq!(
        app.get("/api/v3/customformat/999").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_profile_lists_every_format() {
    let app = spawn_app().await;
    let profiles = app.get_json("/api/v3/qualityprofile").await;
    let count = profiles.as_array().unwrap().len();
    let x265 = add(&app, &trash_formats()[0]).await;
    let lq = add(&app, &trash_formats()[3]).await;
    let (x265_id, lq_id) = (x265["id"].as_i64().unwrap(), lq["id"].as_i64().unwrap());
    let both = vec![
        (lq_id, "LQ".to_string(), 0),
        (x265_id, "x265 (HD)".to_string(), 0),
    ];
    assert_eq!(format_items(&app).await, vec![both; count]);
    let schema = app.get_json("/api/v3/qualityprofile/schema").await;
    assert_eq!(schema["formatItems"].as_array().unwrap().len(), 2);

    // A profile saved without a format gets it back at 0; scores are kept.
    let mut profile = app.get_json("/api/v3/qualityprofile/1").await;
    profile["formatItems"] = json!([{"format": x265_id, "score": -10000}]);
    let response = app.put("/api/v3/qualityprofile/1", &profile).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(
        saved["formatItems"],
        json!([{"format": lq_id, "name": "LQ", "score": 0},
               {"format": x265_id, "name": "x265 (HD)", "score": -10000}])
    );
    // An unknown format is refused.
    profile["formatItems"] = json!([{"format": 999, "score": 5}]);
    let response = app.put("/api/v3/qualityprofile/1", &profile).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body[0]["propertyName"], "FormatItems");
    assert_eq!(body[0]["attemptedValue"], json!([999]));
    let mut new_profile = schema.clone();
    new_profile["name"] = json!("Formats");
    new_profile["items"][0]["allowed"] = json!(true);
    new_profile["cutoff"] = new_profile["items"][0]["quality"]["id"].clone();
    new_profile["formatItems"] = json!([{"format": 4242, "score": 1}]);
    let response = app.post("/api/v3/qualityprofile", &new_profile).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!([body[0].clone()]),
        "only the format is at fault"
    );
    assert_eq!(body[0]["attemptedValue"], json!([4242]));

    // A rename shows in the profiles; the profile cache is not stale.
    let mut renamed = x265.clone();
    renamed["name"] = json!("x265 (no UHD)");
    let response = app
        .put(&format!("/api/v3/customformat/{x265_id}"), &renamed)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(format_items(&app).await[0][1].1, "x265 (no UHD)");
    assert_eq!(format_items(&app).await[0][1].2, -10000);

    // Bulk: switch renaming on for both, then delete both.
    let body = json!({"ids": [x265_id, lq_id], "includeCustomFormatWhenRenaming": true});
    let response = app.put("/api/v3/customformat/bulk", &body).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let updated: Value = response.json().await.unwrap();
    assert!(
        updated
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["includeCustomFormatWhenRenaming"] == true)
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/customformat/{x265_id}"))
            .await["name"],
        "x265 (no UHD)",
        "bulk changes only the switch"
    );
    let response = app.delete(&format!("/api/v3/customformat/{lq_id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        format_items(&app).await[0],
        [(x265_id, "x265 (no UHD)".to_string(), -10000)]
    );
    let response = app
        .request(Method::DELETE, "/api/v3/customformat/bulk")
        .json(&json!({"ids": [x265_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.get_json("/api/v3/customformat").await, json!([]));
    assert!(format_items(&app).await.iter().all(Vec::is_empty));
}
