//! Release profiles, delay profiles, indexer settings and quality-definition
//! sizes: the settings the decision engine reads, over HTTP.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_on_postgres};

async fn errors(response: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    body.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["propertyName"].as_str().unwrap().to_string(),
                f["errorMessage"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn error(property: &str, message: &str) -> (String, String) {
    (property.to_string(), message.to_string())
}

#[tokio::test]
async fn release_profiles_take_lists_or_comma_separated_terms() {
    let app = spawn_app().await;
    let body = json!({"name": "No cams", "enabled": true, "required": "x265,HEVC",
                      "ignored": ["CAM", "TS"], "indexerId": 0, "tags": [2]});
    let response = app.post("/api/v3/releaseprofile", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    let id = added["id"].as_i64().unwrap();
    assert_eq!(
        added,
        json!({"id": id, "name": "No cams", "enabled": true, "required": ["x265", "HEVC"],
               "ignored": ["CAM", "TS"], "indexerId": 0, "tags": [2]})
    );
    assert_eq!(
        app.get_json("/api/v3/releaseprofile").await,
        json!([added.clone()])
    );

    let none = json!({"name": "Empty", "required": [], "ignored": ""});
    assert_eq!(
        errors(app.post("/api/v3/releaseprofile", &none).await).await,
        [error(
            "",
            "'Must contain' or 'Must not contain' is required"
        )]
    );
    let bad_indexer = json!({"enabled": true, "required": ["x"], "indexerId": 42});
    assert_eq!(
        errors(app.post("/api/v3/releaseprofile", &bad_indexer).await).await,
        [error("IndexerId", "Indexer does not exist")]
    );
    let response = app
        .post("/api/v3/releaseprofile", &json!({"required": {"a": 1}}))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let mut changed = added.clone();
    changed["enabled"] = json!(false);
    changed["required"] = json!([]);
    let response = app
        .put(&format!("/api/v3/releaseprofile/{id}"), &changed)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(response.json::<Value>().await.unwrap(), changed);
    let tag = app.get_json("/api/v3/tag/detail").await;
    assert_eq!(tag, json!([]), "no tags exist, so no details");
    let response = app.delete(&format!("/api/v3/releaseprofile/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        app.get(&format!("/api/v3/releaseprofile/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

fn delay(tags: &[i64], usenet_delay: i64) -> Value {
    json!({"enableUsenet": true, "enableTorrent": true, "preferredProtocol": "torrent",
           "usenetDelay": usenet_delay, "torrentDelay": 0, "bypassIfHighestQuality": true,
           "bypassIfAboveCustomFormatScore": false, "minimumCustomFormatScore": 0,
           "tags": tags})
}

fn order(profiles: &Value) -> Vec<(i64, i64)> {
    profiles
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_i64().unwrap(), p["order"].as_i64().unwrap()))
        .collect()
}

async fn delay_profiles_are_ordered_and_the_default_stays(app: &TestApp) {
    let max = i64::from(i32::MAX);
    let default = app.get_json("/api/v3/delayprofile/1").await;
    assert_eq!(
        default,
        json!({"id": 1, "enableUsenet": true, "enableTorrent": true,
               "preferredProtocol": "usenet", "usenetDelay": 0, "torrentDelay": 0,
               "bypassIfHighestQuality": false, "bypassIfAboveCustomFormatScore": false,
               "minimumCustomFormatScore": 0, "order": max, "tags": []})
    );
    let mut ids = Vec::new();
    for (tag, minutes) in [(1, 60), (2, 120), (3, 30)] {
        let response = app
            .post("/api/v3/delayprofile", &delay(&[tag], minutes))
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let added: Value = response.json().await.unwrap();
        assert_eq!(added["preferredProtocol"], "torrent");
        ids.push(added["id"].as_i64().unwrap());
    }
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    assert_eq!(
        order(&app.get_json("/api/v3/delayprofile").await),
        [(a, 1), (b, 2), (c, 3), (1, max)]
    );

    assert_eq!(
        errors(app.post("/api/v3/delayprofile", &delay(&[], 0)).await).await,
        [error("Tags", "'Tags' must not be empty.")]
    );
    assert_eq!(
        errors(app.post("/api/v3/delayprofile", &delay(&[2], -5)).await).await,
        [
            error("Tags", "One or more tags is used in another profile"),
            error(
                "UsenetDelay",
                "'Usenet Delay' must be greater than or equal to '0'."
            )
        ]
    );
    let mut default_with_tags = default.clone();
    default_with_tags["tags"] = json!([9]);
    assert_eq!(
        errors(app.put("/api/v3/delayprofile/1", &default_with_tags).await).await,
        [error("Tags", "Collection Must Be Empty")]
    );
    let mut neither = delay(&[9], 0);
    neither["enableUsenet"] = json!(false);
    neither["enableTorrent"] = json!(false);
    assert_eq!(
        errors(app.post("/api/v3/delayprofile", &neither).await).await,
        [error("", "Either Usenet or Torrent should be enabled")]
    );

    let mut slower = default.clone();
    slower["usenetDelay"] = json!(15);
    let response = app.put("/api/v3/delayprofile/1", &slower).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(response.json::<Value>().await.unwrap(), slower);

    let response = app
        .put(&format!("/api/v3/delayprofile/reorder/{c}"), &json!({}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let moved: Value = response.json().await.unwrap();
    assert_eq!(order(&moved), [(c, 1), (a, 2), (b, 3), (1, max)]);
    let response = app
        .put(
            &format!("/api/v3/delayprofile/reorder/{c}?after={b}"),
            &json!({}),
        )
        .await;
    assert_eq!(
        order(&response.json::<Value>().await.unwrap()),
        [(a, 1), (b, 2), (c, 3), (1, max)]
    );

    let response = app.delete("/api/v3/delayprofile/1").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        response.json::<Value>().await.unwrap()["message"],
        "Cannot delete global delay profile"
    );
    let response = app.delete(&format!("/api/v3/delayprofile/{a}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        order(&app.get_json("/api/v3/delayprofile").await),
        [(b, 1), (c, 2), (1, max)]
    );
    assert_eq!(
        app.delete(&format!("/api/v3/delayprofile/{a}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn delay_profiles_on_sqlite() {
    delay_profiles_are_ordered_and_the_default_stays(&spawn_app().await).await;
}

#[tokio::test]
async fn delay_profiles_on_postgres() {
    delay_profiles_are_ordered_and_the_default_stays(&spawn_app_on_postgres().await).await;
}

#[tokio::test]
async fn tag_details_name_the_profiles_using_a_tag() {
    let app = spawn_app().await;
    let tag = app.post("/api/v3/tag", &json!({"label": "4k"})).await;
    let tag_id = tag.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let delay: Value = app
        .post("/api/v3/delayprofile", &delay(&[tag_id], 10))
        .await
        .json()
        .await
        .unwrap();
    let release: Value = app
        .post(
            "/api/v3/releaseprofile",
            &json!({"enabled": true, "ignored": "CAM", "tags": [tag_id]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let detail = app.get_json(&format!("/api/v3/tag/detail/{tag_id}")).await;
    assert_eq!(detail["delayProfileIds"], json!([delay["id"]]));
    assert_eq!(detail["releaseProfileIds"], json!([release["id"]]));
}

#[tokio::test]
async fn indexer_settings_are_read_checked_and_saved() {
    let app = spawn_app().await;
    let defaults = json!({"id": 1, "minimumAge": 0, "maximumSize": 0, "retention": 0,
        "rssSyncInterval": 60, "preferIndexerFlags": false, "availabilityDelay": 0,
        "allowHardcodedSubs": false, "whitelistedHardcodedSubs": ""});
    assert_eq!(app.get_json("/api/v3/config/indexer").await, defaults);
    assert_eq!(app.get_json("/api/v3/config/indexer/1").await, defaults);

    let mut changed = defaults.clone();
    changed["minimumAge"] = json!(30);
    changed["rssSyncInterval"] = json!(0);
    changed["allowHardcodedSubs"] = json!(true);
    changed["whitelistedHardcodedSubs"] = json!("KORSUB");
    let response = app.put("/api/v3/config/indexer/1", &changed).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(response.json::<Value>().await.unwrap(), changed);
    assert_eq!(app.get_json("/api/v3/config/indexer").await, changed);

    for interval in [5, 121] {
        let body = json!({"rssSyncInterval": interval, "retention": -1});
        assert_eq!(
            errors(app.put("/api/v3/config/indexer/1", &body).await).await,
            [
                error(
                    "Retention",
                    "'Retention' must be greater than or equal to '0'."
                ),
                error(
                    "RssSyncInterval",
                    "Must be between 10 and 120 or 0 to disable"
                ),
            ]
        );
    }
    // A setting left out keeps its value.
    let response = app
        .put("/api/v3/config/indexer", &json!({"rssSyncInterval": 15}))
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved = app.get_json("/api/v3/config/indexer").await;
    assert_eq!(
        (&saved["rssSyncInterval"], &saved["minimumAge"]),
        (&json!(15), &json!(30))
    );
}

#[tokio::test]
async fn quality_definitions_are_saved_alone_or_together() {
    let app = spawn_app().await;
    let mut all = app.get_json("/api/v3/qualitydefinition").await;
    all[0]["title"] = json!("Mystery");
    all[0]["minSize"] = json!(1.5);
    all[1]["maxSize"] = json!(null);
    all[1]["preferredSize"] = json!(400);
    let response = app.put("/api/v3/qualitydefinition/update", &all).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(saved[0]["title"], "Mystery");
    assert_eq!(saved[0]["minSize"], 1.5);
    assert!(saved[1].get("maxSize").is_none());
    assert_eq!(saved[1]["preferredSize"], 400);
    assert_eq!(app.get_json("/api/v3/qualitydefinition").await, saved);

    let mut one = saved[2].clone();
    one["maxSize"] = json!(2000);
    one["preferredSize"] = json!(1999);
    let id = one["id"].as_i64().unwrap();
    let response = app
        .put(&format!("/api/v3/qualitydefinition/{id}"), &one)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(response.json::<Value>().await.unwrap(), one);

    let mut bad = saved.clone();
    bad[0]["title"] = json!("Not saved");
    bad[3]["minSize"] = json!(50);
    bad[3]["maxSize"] = json!(2001);
    bad[3]["preferredSize"] = json!(40);
    assert_eq!(
        errors(app.put("/api/v3/qualitydefinition/update", &bad).await).await,
        [
            error("MinSize", "'Min Size' must be less than or equal to '40'."),
            error(
                "PreferredSize",
                "'Preferred Size' must be greater than or equal to '50'."
            ),
            error(
                "MaxSize",
                "'Max Size' must be less than or equal to '2000'."
            ),
        ]
    );
    assert_eq!(
        app.get_json("/api/v3/qualitydefinition/1").await["title"],
        "Mystery",
        "a refused batch changes nothing"
    );
}
