//! Collections: met through added movies, filled from a fake TMDB, browsed,
//! edited, and, when monitored, adding the movies the library lacks.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app_with_tmdb};

/// Polls the collection list until `ready` holds for it.
async fn collections_when(app: &TestApp, ready: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let collections = app.get_json("/api/v3/collection").await;
        if ready(&collections) {
            return collections;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "the collections never got there: {}",
        app.get_json("/api/v3/collection").await
    );
}

fn part(collection: &Value, tmdb_id: i64) -> &Value {
    collection["movies"]
        .as_array()
        .and_then(|movies| movies.iter().find(|m| m["tmdbId"] == tmdb_id))
        .unwrap_or_else(|| panic!("{tmdb_id} is not in {collection}"))
}

#[tokio::test]
async fn a_movies_collection_is_browsable_and_fills_the_library_when_monitored() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let body = json!({
        "tmdbId": 603, "qualityProfileId": 4, "rootFolderPath": root["path"],
        "monitored": true, "minimumAvailability": "released",
        "addOptions": {"searchForMovie": false, "monitor": "movieOnly"}
    });
    assert_eq!(
        app.post("/api/v3/movie", &body).await.status(),
        StatusCode::CREATED
    );

    let collections = collections_when(&app, |c| {
        c[0]["movies"].as_array().is_some_and(|m| m.len() == 4)
    })
    .await;
    assert_eq!(collections.as_array().unwrap().len(), 1);
    let matrix = &collections[0];
    assert_eq!(matrix["title"], "The Matrix Collection");
    assert_eq!(matrix["tmdbId"], 2344);
    assert_eq!(
        matrix["monitored"], false,
        "movieOnly leaves the collection unmonitored"
    );
    assert_eq!(
        matrix["qualityProfileId"], 4,
        "settings come from the movie"
    );
    assert_eq!(matrix["rootFolderPath"], root["path"]);
    assert!(!matrix["overview"].as_str().unwrap().is_empty());
    assert_eq!(matrix["images"][0]["coverType"], "poster");
    assert_eq!(part(matrix, 603)["isExisting"], true);
    assert_eq!(part(matrix, 604)["isExisting"], false);
    assert_eq!(part(matrix, 604)["title"], "The Matrix Reloaded");
    assert_eq!(part(matrix, 604)["folder"], "The Matrix Reloaded (2003)");
    assert_eq!(matrix["missingMovies"], 3);

    let id = matrix["id"].clone();
    assert_eq!(
        app.get_json(&format!("/api/v3/collection/{id}")).await,
        *matrix
    );
    let by_tmdb = app.get_json("/api/v3/collection?tmdbId=2344").await;
    assert_eq!(by_tmdb.as_array().unwrap().len(), 1);
    assert_eq!(app.get_json("/api/v3/collection?tmdbId=1").await, json!([]));
    assert_eq!(
        app.get("/api/v3/collection/999").await.status(),
        StatusCode::NOT_FOUND
    );

    let excluded = json!({"tmdbId": 604, "movieTitle": "The Matrix Reloaded", "movieYear": 2003});
    assert_eq!(
        app.post("/api/v3/exclusions", &excluded).await.status(),
        StatusCode::CREATED
    );
    let matrix = app.get_json(&format!("/api/v3/collection/{id}")).await;
    assert_eq!(part(&matrix, 604)["isExcluded"], true);
    assert_eq!(matrix["missingMovies"], 2);

    let mut bad = matrix.clone();
    bad["qualityProfileId"] = json!(999);
    let response = app.put(&format!("/api/v3/collection/{id}"), &bad).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "QualityProfileId");

    let mut monitored = matrix.clone();
    monitored["monitored"] = json!(true);
    monitored["minimumAvailability"] = json!("announced");
    let response = app
        .put(&format!("/api/v3/collection/{id}"), &monitored)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(saved["monitored"], true);
    assert_eq!(saved["minimumAvailability"], "announced");

    let collections = collections_when(&app, |c| c[0]["missingMovies"] == 0).await;
    assert_eq!(
        part(&collections[0], 604)["isExisting"],
        false,
        "excluded stays out"
    );
    let movies = app.get_json("/api/v3/movie").await;
    let mut added: Vec<i64> = movies
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tmdbId"].as_i64().unwrap())
        .collect();
    added.sort_unstable();
    assert_eq!(added, [603, 605, 624860]);
    let from_collection = movies
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["tmdbId"] == 605)
        .unwrap();
    assert_eq!(from_collection["qualityProfileId"], 4);
    assert_eq!(from_collection["minimumAvailability"], "announced");
    assert_eq!(from_collection["addOptions"]["addMethod"], "collection");

    let bulk = json!({"collectionIds": [id], "monitorMovies": false, "searchOnAdd": true});
    let response = app.put("/api/v3/collection", &bulk).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(saved[0]["searchOnAdd"], true);
    let movies = app.get_json("/api/v3/movie").await;
    assert!(
        movies
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["monitored"] == false),
        "monitorMovies: false unmonitors the collection's movies"
    );
}
