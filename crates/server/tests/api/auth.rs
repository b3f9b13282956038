//! The API key, in every place clients put it, and CORS.

use reqwest::{Method, StatusCode};

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn missing_or_wrong_key_is_401_with_an_empty_body_and_no_version_header() {
    let app = spawn_app().await;
    for key in [None, Some("wrong")] {
        let mut request = app.client.get(format!("{}/api/v3/movie", app.address));
        if let Some(key) = key {
            request = request.header("X-Api-Key", key);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get("x-application-version").is_none());
        assert!(response.headers().get("www-authenticate").is_none());
        assert_eq!(response.text().await.unwrap(), "");
    }
    let prefix = app
        .client
        .get(format!("{}/api/v3/movie", app.address))
        .header("X-Api-Key", &app.api_key[..8]);
    assert_eq!(
        prefix.send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED,
        "a prefix of the key is not the key"
    );
}

#[tokio::test]
async fn key_is_accepted_from_query_header_or_bearer() {
    let app = spawn_app().await;
    let url = format!("{}/api/v3/system/status", app.address);
    let by_query = app
        .client
        .get(format!("{url}?apikey={}", app.api_key))
        .send()
        .await
        .unwrap();
    assert_eq!(by_query.status(), StatusCode::OK);
    let by_query_any_case = app
        .client
        .get(format!("{url}?ApiKey={}", app.api_key))
        .send()
        .await
        .unwrap();
    assert_eq!(by_query_any_case.status(), StatusCode::OK);
    let by_header = app
        .client
        .get(&url)
        .header("X-Api-Key", &app.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(by_header.status(), StatusCode::OK);
    let by_bearer = app
        .client
        .get(&url)
        .bearer_auth(&app.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(by_bearer.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_configured_key_is_used_instead_of_a_generated_one() {
    let app = spawn_app_with(|s| s.api_key = Some("my-own-key".into())).await;
    assert_eq!(app.api_key, "my-own-key");
    let ok = app
        .client
        .get(format!("{}/api/v3/tag", app.address))
        .header("X-Api-Key", "my-own-key")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn cors_preflight_needs_no_key_and_allows_any_origin() {
    let app = spawn_app().await;
    let response = app
        .client
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/v3/movie", app.address),
        )
        .header("Origin", "https://dashboard.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "x-api-key,content-type")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let simple = app.get("/api/v3/system/status").await;
    assert_eq!(simple.status(), StatusCode::OK);
}

#[tokio::test]
async fn metrics_need_the_key_unless_configured_open() {
    let app = spawn_app().await;
    let closed = app.anonymous(Method::GET, "/metrics").await;
    assert_eq!(closed.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/metrics").await.status(), StatusCode::OK);
    let open = spawn_app_with(|s| s.metrics_open = true).await;
    let response = open.anonymous(Method::GET, "/metrics").await;
    assert_eq!(response.status(), StatusCode::OK);
}
