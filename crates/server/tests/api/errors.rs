//! Bad input gets a clear 400 (or 404, 405, 413) and changes nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_malformed_body_is_a_400_naming_no_property() {
    let app = spawn_app().await;
    for body in ["{not json", "", "[1, 2]", "\"text\""] {
        let response = app.send_raw(Method::POST, "/api/v3/movie", body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body:?}");
        let failures: Value = response.json().await.unwrap();
        assert_eq!(failures[0]["propertyName"], "", "{body:?}");
        assert_eq!(failures[0]["severity"], "error");
    }
}

#[tokio::test]
async fn a_wrong_type_names_the_property_and_what_was_sent() {
    let app = spawn_app().await;
    let response = app
        .post("/api/v3/movie", &json!({"tmdbId": "abc", "title": "x"}))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "TmdbId");
    assert_eq!(failures[0]["attemptedValue"], "abc");
    let nested = app
        .post(
            "/api/v3/movie",
            &json!({"addOptions": {"monitor": "sometimes"}}),
        )
        .await;
    let failures: Value = nested.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "AddOptions.Monitor");
    let huge = app
        .post("/api/v3/movie", &json!({"tmdbId": 3_000_000_000_i64}))
        .await;
    assert_eq!(huge.status(), StatusCode::BAD_REQUEST);
    let tag = app.post("/api/v3/tag", &json!({"label": 5})).await;
    assert_eq!(tag.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_query_values_are_400() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/api/v3/movie?tmdbId=abc").await.status(),
        StatusCode::BAD_REQUEST
    );
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    let response = app
        .delete(&format!(
            "/api/v3/movie/{}?deleteFiles=perhaps",
            movie["id"]
        ))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.get_json("/api/v3/movie")
            .await
            .as_array()
            .unwrap()
            .len(),
        1,
        "a refused delete deletes nothing"
    );
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = spawn_app().await;
    let big = "x".repeat(17 * 1024 * 1024);
    let response = app
        .request(Method::POST, "/api/v3/movie")
        .header("content-type", "application/json")
        .body(format!("{{\"title\":\"{big}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn unknown_routes_are_404_and_wrong_verbs_405() {
    let app = spawn_app().await;
    let unknown = app.get("/api/v3/nothing-here").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.text().await.unwrap(), "");
    assert_eq!(
        app.request(Method::PATCH, "/api/v3/movie")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn no_input_makes_a_500() {
    let app = spawn_app().await;
    let bodies = [
        json!(null),
        json!({}),
        json!({"id": -1}),
        json!({"tmdbId": -5, "qualityProfileId": -1}),
        json!({"movieIds": "x"}),
        json!({"path": null}),
        json!({"label": ""}),
        json!([{}]),
    ];
    let routes = [
        (Method::POST, "/api/v3/movie"),
        (Method::PUT, "/api/v3/movie"),
        (Method::PUT, "/api/v3/movie/1"),
        (Method::PUT, "/api/v3/movie/editor"),
        (Method::DELETE, "/api/v3/movie/editor"),
        (Method::POST, "/api/v3/movie/import"),
        (Method::POST, "/api/v3/rootfolder"),
        (Method::POST, "/api/v3/tag"),
        (Method::PUT, "/api/v3/tag"),
        (Method::POST, "/api/v3/qualityprofile"),
        (Method::PUT, "/api/v3/qualityprofile/1"),
        (Method::POST, "/api/v3/exclusions"),
        (Method::POST, "/api/v3/exclusions/bulk"),
        (Method::DELETE, "/api/v3/exclusions/bulk"),
    ];
    for (method, route) in &routes {
        for body in &bodies {
            let response = app
                .request(method.clone(), route)
                .json(body)
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_client_error() || response.status().is_success(),
                "{method} {route} {body}: {}",
                response.status()
            );
        }
    }
    assert_eq!(
        app.get_json("/api/v3/qualityprofile/1").await["name"],
        "Any",
        "nothing was half-written"
    );
}
