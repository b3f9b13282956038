//! Root folders, tags, quality profiles and import exclusions.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::spawn_app;

#[tokio::test]
async fn root_folders_are_checked_listed_and_removed() {
    let app = spawn_app().await;
    let root = app.add_root_folder().await;
    assert_eq!(root["path"], app.root_path());
    assert_eq!(root["accessible"], true);
    assert!(root["freeSpace"].as_u64().unwrap() > 0);
    let with_slash = app
        .post(
            "/api/v3/rootfolder",
            &json!({"path": format!("{}/", app.root_path())}),
        )
        .await;
    assert_eq!(
        with_slash.status(),
        StatusCode::BAD_REQUEST,
        "the same folder with a trailing slash"
    );
    assert_eq!(
        with_slash.json::<Value>().await.unwrap()[0]["errorMessage"],
        "Path is already configured as a root folder"
    );
    std::fs::create_dir_all(app.root.path().join("inner")).unwrap();
    let nested = app
        .post(
            "/api/v3/rootfolder",
            &json!({"path": format!("{}/inner", app.root_path())}),
        )
        .await;
    assert_eq!(nested.status(), StatusCode::BAD_REQUEST);
    for (path, code) in [
        ("relative", "PathValidator"),
        ("/no/such/folder", "FolderExistsValidator"),
        ("/proc", "FolderWritableValidator"),
    ] {
        let response = app.post("/api/v3/rootfolder", &json!({"path": path})).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            response.json::<Value>().await.unwrap()[0]["errorCode"],
            code
        );
    }
    let inside_data = app.data_path().join("movies");
    std::fs::create_dir_all(&inside_data).unwrap();
    let response = app
        .post("/api/v3/rootfolder", &json!({"path": inside_data}))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "the data folder is not a root folder"
    );
    app.add_movie(603, "The Matrix", 1999).await;
    std::fs::create_dir_all(app.root.path().join("The Matrix (1999)")).unwrap();
    std::fs::create_dir_all(app.root.path().join("Unknown Movie (2020)")).unwrap();
    let list = app.get_json("/api/v3/rootfolder").await;
    let unmapped: Vec<&str> = list[0]["unmappedFolders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(unmapped, vec!["Unknown Movie (2020)", "inner"]);
    let id = root["id"].as_i64().unwrap();
    assert_eq!(
        app.get_json(&format!("/api/v3/rootfolder/{id}")).await["path"],
        app.root_path()
    );
    assert_eq!(
        app.delete(&format!("/api/v3/rootfolder/{id}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v3/rootfolder/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get_json("/api/v3/rootfolder").await, json!([]));
}

#[tokio::test]
async fn tags_accept_overseerr_labels_and_report_their_use() {
    let app = spawn_app().await;
    let response = app.post("/api/v3/tag", &json!({"label": "1 - Jane"})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let tag: Value = response.json().await.unwrap();
    assert_eq!(tag["label"], "1 - jane");
    let again: Value = app
        .post("/api/v3/tag", &json!({"label": "1 - JANE"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["id"], tag["id"],
        "an existing label returns the existing tag"
    );
    let empty = app.post("/api/v3/tag", &json!({"label": "  "})).await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        empty.json::<Value>().await.unwrap()[0]["propertyName"],
        "Label"
    );
    let other: Value = app
        .post("/api/v3/tag", &json!({"label": "4k"}))
        .await
        .json()
        .await
        .unwrap();
    let renamed = app
        .put(
            &format!("/api/v3/tag/{}", other["id"]),
            &json!({"label": "UHD"}),
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::ACCEPTED);
    assert_eq!(renamed.json::<Value>().await.unwrap()["label"], "uhd");
    let by_body = app
        .put("/api/v3/tag", &json!({"id": other["id"], "label": "2160p"}))
        .await;
    assert_eq!(
        by_body.status(),
        StatusCode::ACCEPTED,
        "pyarr puts the id in the body"
    );
    let clash = app
        .put(
            &format!("/api/v3/tag/{}", other["id"]),
            &json!({"label": "1 - jane"}),
        )
        .await;
    assert_eq!(clash.status(), StatusCode::CONFLICT);
    app.add_root_folder().await;
    let mut body = crate::helpers::movie_body(603, "The Matrix", 1999, &app.root_path());
    body["tags"] = json!([tag["id"]]);
    let movie: Value = app.post("/api/v3/movie", &body).await.json().await.unwrap();
    let detail = app
        .get_json(&format!("/api/v3/tag/detail/{}", tag["id"]))
        .await;
    assert_eq!(detail["movieIds"], json!([movie["id"]]));
    assert_eq!(detail["indexerIds"], json!([]));
    assert_eq!(
        app.get_json("/api/v3/tag/detail")
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        app.delete(&format!("/api/v3/tag/{}", tag["id"]))
            .await
            .status(),
        StatusCode::CONFLICT,
        "in use"
    );
    assert_eq!(
        app.delete(&format!("/api/v3/tag/{}", other["id"]))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get_json("/api/v3/tag").await,
        json!([{"label": "1 - jane", "id": tag["id"]}])
    );
}

#[tokio::test]
async fn a_new_install_has_radarrs_six_profiles() {
    let app = spawn_app().await;
    let profiles = app.get_json("/api/v3/qualityprofile").await;
    let names: Vec<&str> = profiles
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "Any",
            "SD",
            "HD-720p",
            "HD-1080p",
            "Ultra-HD",
            "HD - 720p/1080p"
        ]
    );
    let hd = &profiles[3];
    assert_eq!(hd["cutoff"], 7);
    assert_eq!(hd["language"], json!({"id": -2, "name": "Original"}));
    let allowed: Vec<String> = hd["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["allowed"] == true)
        .map(|i| {
            i["quality"]["name"]
                .as_str()
                .or(i["name"].as_str())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        allowed,
        vec!["HDTV-1080p", "WEB 1080p", "Bluray-1080p", "Remux-1080p"]
    );
}

#[tokio::test]
async fn quality_profiles_are_validated_saved_and_guarded() {
    let app = spawn_app().await;
    let schema = app.get_json("/api/v3/qualityprofile/schema").await;
    assert_eq!(schema["name"], "");
    assert!(
        schema["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["allowed"] == false)
    );
    let refused = app.post("/api/v3/qualityprofile", &schema).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let props: Vec<String> = refused
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap().to_string())
        .collect();
    assert!(props.contains(&"Name".to_string()), "{props:?}");
    let mut profile = app.get_json("/api/v3/qualityprofile/4").await;
    profile["name"] = json!("Mine");
    profile["upgradeAllowed"] = json!(true);
    let response = app.post("/api/v3/qualityprofile", &profile).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let mine: Value = response.json().await.unwrap();
    assert_eq!(mine["id"], 7);
    assert_eq!(mine["upgradeAllowed"], true);
    let duplicate = app.post("/api/v3/qualityprofile", &profile).await;
    assert_eq!(duplicate.status(), StatusCode::BAD_REQUEST);
    let mut changed = mine.clone();
    changed["cutoff"] = json!(30);
    let response = app.put("/api/v3/qualityprofile/7", &changed).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(app.get_json("/api/v3/qualityprofile/7").await["cutoff"], 30);
    changed["cutoff"] = json!(31);
    let bad_cutoff = app.put("/api/v3/qualityprofile/7", &changed).await;
    assert_eq!(
        bad_cutoff.status(),
        StatusCode::BAD_REQUEST,
        "Remux-2160p is not allowed in it"
    );
    app.add_root_folder().await;
    let mut body = crate::helpers::movie_body(603, "The Matrix", 1999, &app.root_path());
    body["qualityProfileId"] = json!(7);
    let movie: Value = app.post("/api/v3/movie", &body).await.json().await.unwrap();
    let in_use = app.delete("/api/v3/qualityprofile/7").await;
    assert_eq!(in_use.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        in_use.json::<Value>().await.unwrap()["message"],
        "QualityProfile [Mine] is in use."
    );
    app.delete(&format!("/api/v3/movie/{}", movie["id"])).await;
    assert_eq!(
        app.delete("/api/v3/qualityprofile/7").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get("/api/v3/qualityprofile/7").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn import_exclusions_are_unique_and_paged() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v3/exclusions",
            &json!({"tmdbId": 603, "movieTitle": "The Matrix", "movieYear": 1999}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let first: Value = response.json().await.unwrap();
    assert_eq!(
        first,
        json!({"tmdbId": 603, "movieTitle": "The Matrix", "movieYear": 1999, "id": first["id"]})
    );
    let again = app
        .post("/api/v3/exclusions", &json!({"tmdbId": 603}))
        .await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.post("/api/v3/exclusions", &json!({"tmdbId": 0}))
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    let bulk = app
        .post(
            "/api/v3/exclusions/bulk",
            &json!([{"tmdbId": 1, "movieTitle": "A"}, {"tmdbId": 2, "movieTitle": "B"}]),
        )
        .await;
    assert_eq!(bulk.status(), StatusCode::OK);
    let page = app
        .get_json(
            "/api/v3/exclusions/paged?page=1&pageSize=2&sortKey=movieTitle&sortDirection=ascending",
        )
        .await;
    assert_eq!(page["totalRecords"], 3);
    assert_eq!(
        page["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["movieTitle"].as_str().unwrap())
            .collect::<Vec<_>>(),
        vec!["A", "B"]
    );
    let updated = app
        .put(
            &format!("/api/v3/exclusions/{}", first["id"]),
            &json!({"tmdbId": 603, "movieTitle": "Matrix", "movieYear": 1999}),
        )
        .await;
    assert_eq!(updated.status(), StatusCode::ACCEPTED);
    assert_eq!(
        app.get_json(&format!("/api/v3/exclusions/{}", first["id"]))
            .await["movieTitle"],
        "Matrix"
    );
    assert_eq!(
        app.delete(&format!("/api/v3/exclusions/{}", first["id"]))
            .await
            .status(),
        StatusCode::OK
    );
    let ids: Vec<Value> = app
        .get_json("/api/v3/exclusions")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    let response = app
        .request(reqwest::Method::DELETE, "/api/v3/exclusions/bulk")
        .json(&json!({"ids": ids}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.get_json("/api/v3/exclusions").await, json!([]));
}
