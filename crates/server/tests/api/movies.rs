//! `/api/v3/movie` as clients use it.

use std::collections::BTreeSet;

use domain::movie_file::MovieFile;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, movie_body, spawn_app, spawn_app_on_postgres};

/// MovieResource's property names, from Radarr's own OpenAPI description.
fn spec_movie_fields() -> BTreeSet<String> {
    let spec: Value = serde_json::from_str(include_str!("../data/radarr-openapi.json")).unwrap();
    spec["components"]["schemas"]["MovieResource"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

/// Fields Radarr leaves out when they have no value: only these may be
/// missing from a movie that lacks the data.
const OMITTED_WHEN_EMPTY: [&str; 9] = [
    "secondaryYear",
    "inCinemas",
    "physicalRelease",
    "digitalRelease",
    "releaseDate",
    "physicalReleaseNote",
    "movieFile",
    "collection",
    "lastSearchTime",
];

/// Records a file for a stored movie, as an import would.
async fn add_file(app: &TestApp, movie_id: i32) -> MovieFile {
    let movie = app.store.movie(movie_id).await.unwrap();
    app.store
        .add_movie_file(&store::story::movie_file(&movie))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_full_movie_carries_every_field_of_radarrs_resource() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let added = app.add_movie(603, "The Matrix", 1999).await;
    let id = added["id"].as_i64().unwrap() as i32;
    add_file(&app, id).await;
    let movie = app.get_json(&format!("/api/v3/movie/{id}")).await;
    let have: BTreeSet<String> = movie.as_object().unwrap().keys().cloned().collect();
    let missing: Vec<_> = spec_movie_fields()
        .into_iter()
        .filter(|f| {
            !have.contains(f)
                && !["physicalReleaseNote", "secondaryYear", "lastSearchTime"].contains(&f.as_str())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "missing MovieResource fields: {missing:?}"
    );
    assert_eq!(movie["hasFile"], true);
    assert_eq!(movie["sizeOnDisk"], 12_345_678_901_i64);
    assert_eq!(
        movie["movieFile"]["path"],
        format!(
            "{}/The Matrix (1999) Bluray-1080p.mkv",
            movie["path"].as_str().unwrap()
        )
    );
    assert_eq!(
        movie["movieFile"]["quality"]["quality"]["name"],
        "Bluray-1080p"
    );
    assert_eq!(
        movie["movieFile"]["qualityCutoffNotMet"], false,
        "Any's cutoff is Bluray-480p"
    );
    assert_eq!(
        movie["statistics"],
        json!({"movieFileCount": 1, "sizeOnDisk": 12_345_678_901_i64, "releaseGroups": ["GROUP"]})
    );
    assert!(movie["movieFile"].get("sceneName").is_some());
}

#[tokio::test]
async fn a_bare_movie_omits_only_what_radarr_omits() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let body = json!({"title": "Bare", "tmdbId": 1, "qualityProfileId": 1, "rootFolderPath": app.root_path()});
    let response = app.post("/api/v3/movie", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let movie: Value = response.json().await.unwrap();
    let have: BTreeSet<String> = movie.as_object().unwrap().keys().cloned().collect();
    let missing: Vec<_> = spec_movie_fields()
        .into_iter()
        .filter(|f| {
            !have.contains(f)
                && !OMITTED_WHEN_EMPTY.contains(&f.as_str())
                && f != "imdbId"
                && f != "remotePoster"
        })
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    assert!(
        movie.as_object().unwrap().values().all(|v| !v.is_null()),
        "nulls are omitted, never written"
    );
    assert_eq!(movie["monitored"], true, "POST defaults to monitored");
    assert_eq!(movie["minimumAvailability"], "released");
    assert_eq!(movie["path"], format!("{}/Bare", app.root_path()));
    assert_eq!(movie["hasFile"], false);
}

#[tokio::test]
async fn add_then_read_by_id_by_tmdb_id_and_in_the_list() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let response = app
        .post(
            "/api/v3/movie",
            &movie_body(603, "The Matrix", 1999, &app.root_path()),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let added: Value = response.json().await.unwrap();
    let id = added["id"].as_i64().unwrap();
    assert!(location.ends_with(&format!("/api/v3/movie/{id}")));
    assert_eq!(added["title"], "The Matrix");
    assert_eq!(added["titleSlug"], "603");
    assert_eq!(
        added["path"],
        format!("{}/The Matrix (1999)", app.root_path())
    );
    assert_eq!(added["folderName"], added["path"]);
    assert_eq!(
        added["images"][0]["url"],
        format!("/MediaCover/{id}/poster.jpg")
    );
    assert_eq!(
        added["images"][0]["remoteUrl"],
        "https://image.tmdb.org/t/p/original/p.jpg"
    );
    assert_eq!(added["inCinemas"], "1999-03-31T00:00:00Z");
    assert_eq!(added["runtime"], 136);
    assert_eq!(added["collection"]["tmdbId"], 2344);
    assert_eq!(added["isAvailable"], true);
    assert_eq!(app.get_json(&format!("/api/v3/movie/{id}")).await, added);
    assert_eq!(app.get_json("/api/v3/movie").await, json!([added.clone()]));
    assert_eq!(
        app.get_json("/api/v3/movie?tmdbId=603").await,
        json!([added.clone()])
    );
    assert_eq!(
        app.get_json("/api/v3/movie?tmdbid=603").await,
        json!([added]),
        "pyarr sends tmdbid"
    );
    assert_eq!(app.get_json("/api/v3/movie?tmdbId=604").await, json!([]));
}

#[tokio::test]
async fn post_reports_every_broken_rule_in_radarrs_shape() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v3/movie",
            &json!({"title": "", "qualityProfileId": 99, "rootFolderPath": "relative/path"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    let properties: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(
        properties,
        vec!["TmdbId", "Title", "QualityProfileId", "RootFolderPath"]
    );
    for failure in failures.as_array().unwrap() {
        assert_eq!(failure["severity"], "error");
        assert!(
            failure["errorMessage"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    assert_eq!(
        failures[2]["errorMessage"],
        "Quality Profile does not exist"
    );
    assert_eq!(failures[3]["errorMessage"], "Invalid Path");
    assert!(
        app.get_json("/api/v3/movie")
            .await
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn root_folder_must_exist_and_be_writable() {
    let app = spawn_app().await;
    for (root, code) in [
        ("/no/such/folder", "FolderExistsValidator"),
        ("/proc", "FolderWritableValidator"),
    ] {
        let response = app
            .post("/api/v3/movie", &movie_body(603, "The Matrix", 1999, root))
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let failures: Value = response.json().await.unwrap();
        assert_eq!(failures[0]["propertyName"], "RootFolderPath");
        assert_eq!(failures[0]["errorCode"], code);
        assert_eq!(failures[0]["attemptedValue"], root);
    }
}

#[tokio::test]
async fn a_duplicate_tmdb_id_is_refused_as_radarr_refuses_it() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    app.add_movie(603, "The Matrix", 1999).await;
    let response = app
        .post(
            "/api/v3/movie",
            &movie_body(603, "The Matrix", 1999, &app.root_path()),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "TmdbId");
    assert_eq!(failures[0]["errorCode"], "MovieExistsValidator");
    assert_eq!(
        failures[0]["errorMessage"],
        "This movie has already been added"
    );
    assert_eq!(failures[0]["attemptedValue"], 603);
}

#[tokio::test]
async fn input_names_match_in_any_case_and_trailing_commas_pass() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let body = format!(
        r#"{{"TITLE": "Case", "TmdbId": 42, "QUALITYPROFILEID": 1, "rootfolderpath": "{}", "Tags": [], "MinimumAvailability": "INCINEMAS",}}"#,
        app.root_path()
    );
    let response = app
        .request(Method::POST, "/api/v3/movie")
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let movie: Value = response.json().await.unwrap();
    assert_eq!(movie["tmdbId"], 42);
    assert_eq!(movie["minimumAvailability"], "inCinemas");
    let numeric = json!({"title": "Numeric", "tmdbId": 43, "qualityProfileId": 1, "rootFolderPath": app.root_path(), "minimumAvailability": 2});
    let response = app.post("/api/v3/movie", &numeric).await;
    assert_eq!(
        response.json::<Value>().await.unwrap()["minimumAvailability"],
        "inCinemas",
        "enums accept their numbers"
    );
}

#[tokio::test]
async fn update_applies_what_radarr_applies_with_or_without_the_id_in_the_path() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let tag = app
        .post("/api/v3/tag", &json!({"label": "4k"}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    let mut movie = app.add_movie(603, "The Matrix", 1999).await;
    let id = movie["id"].as_i64().unwrap();
    movie["monitored"] = json!(false);
    movie["tags"] = json!([tag["id"]]);
    movie["qualityProfileId"] = json!(4);
    movie["minimumAvailability"] = json!("announced");
    movie["title"] = json!("Metadata is not the client's to change");
    let response = app.put(&format!("/api/v3/movie/{id}"), &movie).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["monitored"], false);
    assert_eq!(updated["tags"], json!([tag["id"]]));
    assert_eq!(updated["qualityProfileId"], 4);
    assert_eq!(updated["minimumAvailability"], "announced");
    assert_eq!(updated["title"], "The Matrix");
    let mut again = updated.clone();
    again["monitored"] = json!(true);
    let response = app.put("/api/v3/movie", &again).await;
    assert_eq!(
        response.status(),
        StatusCode::ACCEPTED,
        "Overseerr and pyarr put the id in the body only"
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["monitored"],
        true
    );
    let bad = app
        .put(
            &format!("/api/v3/movie/{id}"),
            &json!({"qualityProfileId": 77}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["qualityProfileId"],
        4,
        "a refused update changes nothing"
    );
    assert_eq!(
        app.put("/api/v3/movie/999", &again).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn changing_the_root_folder_with_move_files_moves_the_folder() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let other = tempfile::tempdir().unwrap();
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    let old = movie["path"].as_str().unwrap().to_string();
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(format!("{old}/movie.mkv"), b"x").unwrap();
    let mut changed = movie.clone();
    changed["rootFolderPath"] = json!(other.path().display().to_string());
    let response = app
        .put(
            &format!("/api/v3/movie/{}?moveFiles=true", movie["id"]),
            &changed,
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let updated: Value = response.json().await.unwrap();
    let new = format!("{}/The Matrix (1999)", other.path().display());
    assert_eq!(updated["path"], new);
    assert!(std::path::Path::new(&format!("{new}/movie.mkv")).exists());
    assert!(!std::path::Path::new(&old).exists());
}

#[tokio::test]
async fn delete_can_remove_files_and_exclude_the_movie() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let keep = app.add_movie(1, "Keep", 2001).await;
    let gone = app.add_movie(603, "The Matrix", 1999).await;
    for movie in [&keep, &gone] {
        std::fs::create_dir_all(movie["path"].as_str().unwrap()).unwrap();
    }
    let response = app
        .delete(&format!(
            "/api/v3/movie/{}?deleteFiles=True&addImportExclusion=True",
            gone["id"]
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "");
    assert_eq!(
        app.get(&format!("/api/v3/movie/{}", gone["id"]))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert!(!std::path::Path::new(gone["path"].as_str().unwrap()).exists());
    assert!(std::path::Path::new(keep["path"].as_str().unwrap()).exists());
    let exclusions = app.get_json("/api/v3/exclusions").await;
    assert_eq!(exclusions[0]["tmdbId"], 603);
    assert_eq!(exclusions[0]["movieTitle"], "The Matrix");
    assert_eq!(
        app.delete(&format!("/api/v3/movie/{}", keep["id"]))
            .await
            .status(),
        StatusCode::OK
    );
    assert!(
        std::path::Path::new(keep["path"].as_str().unwrap()).exists(),
        "files stay without deleteFiles"
    );
    assert_eq!(
        app.delete("/api/v3/movie/999").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_editor_changes_and_deletes_movies_in_bulk() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let a = app.add_movie(1, "One", 2001).await;
    let b = app.add_movie(2, "Two", 2002).await;
    let c = app.add_movie(3, "Three", 2003).await;
    let ids = json!([a["id"], b["id"]]);
    let response = app
        .put(
            "/api/v3/movie/editor",
            &json!({"movieIds": ids, "monitored": false, "tags": [7, 8], "applyTags": "add"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let changed: Value = response.json().await.unwrap();
    assert_eq!(changed.as_array().unwrap().len(), 2);
    assert!(
        changed
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["monitored"] == false && m["tags"] == json!([7, 8]))
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{}", c["id"])).await["monitored"],
        true
    );
    let response = app
        .put(
            "/api/v3/movie/editor",
            &json!({"movieIds": ids, "tags": [7], "applyTags": "remove"}),
        )
        .await;
    assert!(
        response
            .json::<Value>()
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["tags"] == json!([8]))
    );
    let refused = app
        .put(
            "/api/v3/movie/editor",
            &json!({"movieIds": ids, "qualityProfileId": 99, "monitored": true}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{}", a["id"])).await["monitored"],
        false,
        "all or nothing"
    );
    let response = app
        .request(Method::DELETE, "/api/v3/movie/editor")
        .json(&json!({"movieIds": ids, "deleteFiles": false, "addImportExclusion": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap(), json!({}));
    let left = app.get_json("/api/v3/movie").await;
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(
        app.get_json("/api/v3/exclusions")
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn import_adds_many_and_skips_those_present() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    app.add_movie(1, "One", 2001).await;
    let root = app.root_path();
    let body = json!([
        movie_body(1, "One", 2001, &root),
        movie_body(2, "Two", 2002, &root),
        movie_body(3, "Three", 2003, &root)
    ]);
    let response = app.post("/api/v3/movie/import", &body).await;
    assert_eq!(response.status(), StatusCode::OK);
    let added: Value = response.json().await.unwrap();
    assert_eq!(
        added
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["tmdbId"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![2, 3]
    );
}

#[tokio::test]
async fn the_full_list_answers_conditional_requests_and_gzip() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    app.add_movie(1, "One", 2001).await;
    let first = app.get("/api/v3/movie").await;
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let again = app
        .request(Method::GET, "/api/v3/movie")
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.text().await.unwrap(), "");
    app.add_movie(2, "Two", 2002).await;
    let changed = app
        .request(Method::GET, "/api/v3/movie")
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(
        changed
            .json::<Value>()
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let raw = reqwest::Client::builder().no_gzip().build().unwrap();
    let zipped = raw
        .get(format!("{}/api/v3/movie", app.address))
        .header("X-Api-Key", &app.api_key)
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn repeated_lists_are_the_same_bytes_until_a_change_shows() {
    let app = spawn_app().await;
    let movies: Vec<_> = (1..=300)
        .map(|n| store::story::full_movie(n, &format!("Movie {n}"), 2000))
        .collect();
    app.store.add_movies(&movies).await.unwrap();
    // reqwest asks for gzip and unpacks it; this client asks for nothing.
    let plain = reqwest::Client::builder().no_gzip().build().unwrap();
    let get_plain = || {
        plain
            .get(format!("{}/api/v3/movie", app.address))
            .header("X-Api-Key", &app.api_key)
            .send()
    };
    let first = get_plain().await.unwrap().bytes().await.unwrap();
    // Later answers come from the compressed copy once it is made: plain
    // and gzip alike must be what was rendered.
    for _ in 0..20 {
        let again = get_plain().await.unwrap();
        assert!(again.headers().get("content-encoding").is_none());
        assert_eq!(again.bytes().await.unwrap(), first);
        let zipped = app.get("/api/v3/movie").await;
        assert_eq!(zipped.bytes().await.unwrap(), first);
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let mut movie = app.get_json("/api/v3/movie/7").await;
    movie["monitored"] = json!(false);
    assert_eq!(
        app.put("/api/v3/movie/7", &movie).await.status(),
        StatusCode::ACCEPTED
    );
    let list = app.get_json("/api/v3/movie").await;
    assert_eq!(list[6]["monitored"], false, "the change shows at once");
    assert_eq!(app.get_json("/api/v3/movie/7").await["monitored"], false);
}

/// Full lists served so far from `source` (cached, patched or rendered).
async fn lists_from(app: &TestApp, source: &str) -> u64 {
    let series = format!("radarr_movie_list_responses_total{{source=\"{source}\"}}");
    app.metric(&series).await.unwrap_or(0.0) as u64
}

#[tokio::test]
async fn after_a_write_the_kept_list_is_patched_to_what_a_rendering_gives() {
    kept_list_is_patched(spawn_app().await).await;
}

#[tokio::test]
async fn on_postgres_the_kept_list_is_patched_alike() {
    kept_list_is_patched(spawn_app_on_postgres().await).await;
}

async fn kept_list_is_patched(app: TestApp) {
    let movies: Vec<_> = (1..=400)
        .map(|n| store::story::full_movie(n, &format!("Movie {n}"), 2000))
        .collect();
    app.store.add_movies(&movies).await.unwrap();
    let plain = reqwest::Client::builder().no_gzip().build().unwrap();
    let get_plain = || async {
        plain
            .get(format!("{}/api/v3/movie", app.address))
            .header("X-Api-Key", &app.api_key)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
    };
    get_plain().await;
    // Until the rendered list is kept.
    let cached = lists_from(&app, "cached").await;
    for _ in 0..200 {
        get_plain().await;
        if lists_from(&app, "cached").await > cached {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        lists_from(&app, "cached").await > cached,
        "the list was kept"
    );

    // A change, an addition, a deletion and a new file, then the list.
    let mut movie = app.get_json("/api/v3/movie/7").await;
    movie["monitored"] = json!(false);
    assert_eq!(
        app.put("/api/v3/movie/7", &movie).await.status(),
        StatusCode::ACCEPTED
    );
    app.add_root_folder().await;
    let added = app.add_movie(5000, "Added Later", 2024).await;
    let deleted = app.delete("/api/v3/movie/3").await;
    assert_eq!(deleted.status(), StatusCode::OK);
    add_file(&app, 10).await;
    let patched_before = lists_from(&app, "patched").await;
    let patched = get_plain().await;
    assert_eq!(lists_from(&app, "patched").await, patched_before + 1);
    let list: Value = serde_json::from_slice(&patched).unwrap();
    let list = list.as_array().unwrap();
    let ids: Vec<i64> = list.iter().map(|m| m["id"].as_i64().unwrap()).collect();
    let mut want: Vec<i64> = (1..=400).filter(|id| *id != 3).collect();
    want.push(added["id"].as_i64().unwrap());
    assert_eq!(ids, want);
    assert_eq!(list[5]["monitored"], false);
    assert_eq!(list[8]["hasFile"], true);
    assert_eq!(list[399]["title"], "Added Later");
    let zipped = app.get("/api/v3/movie").await.bytes().await.unwrap();
    assert_eq!(zipped, patched, "the gzip form is patched alike");

    // A profile rename changes nothing a movie shows but every ETag, so the
    // next list is rendered from the database: the same bytes.
    let mut profile = app.get_json("/api/v3/qualityprofile/1").await;
    profile["name"] = json!("Renamed");
    assert_eq!(
        app.put("/api/v3/qualityprofile/1", &profile).await.status(),
        StatusCode::ACCEPTED
    );
    let rendered_before = lists_from(&app, "rendered").await;
    let rendered = get_plain().await;
    assert_eq!(lists_from(&app, "rendered").await, rendered_before + 1);
    assert_eq!(rendered, patched);
}

#[tokio::test]
async fn the_list_streams_many_movies_whole() {
    let app = spawn_app().await;
    let movies: Vec<_> = (1..=1500)
        .map(|n| store::story::full_movie(n, &format!("Movie {n}"), 2000))
        .collect();
    app.store.add_movies(&movies).await.unwrap();
    let list = app.get_json("/api/v3/movie").await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1500);
    assert_eq!(list[1499]["title"], "Movie 1500");
    assert_eq!(list[0]["overview"].as_str().unwrap().len(), 58 * 4);
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_404() {
    let app = spawn_app().await;
    let missing = app.get("/api/v3/movie/999").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.json::<Value>().await.unwrap()["message"],
        "Movie with ID 999 does not exist"
    );
    assert_eq!(
        app.get("/api/v3/movie/abc").await.status(),
        StatusCode::NOT_FOUND
    );
}
