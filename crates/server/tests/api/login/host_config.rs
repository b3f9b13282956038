//! `/api/v3/config/host`: the real values, and the UI's login changed
//! through it.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{PASSWORD, USER, post_login, session_set_cookie};
use crate::helpers::spawn_app;

#[tokio::test]
async fn config_host_reports_the_real_values_and_checks_the_password() {
    let app = spawn_app().await;
    let host = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["id"], 1);
    assert_eq!(host["apiKey"], app.api_key.as_str());
    assert_eq!(host["urlBase"], "");
    assert_eq!(host["instanceName"], "Unified-Radarr");
    assert_eq!(host["bindAddress"], "0.0.0.0");
    assert_eq!(host["port"], 7878);
    assert_eq!(host["username"], "");
    assert_eq!(host["password"], "");

    let mismatch = app
        .put(
            "/api/v3/config/host",
            &json!({ "username": USER, "password": PASSWORD, "passwordConfirmation": "other" }),
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::BAD_REQUEST);
    let failures: Value = mismatch.json().await.unwrap();
    assert!(
        failures
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["propertyName"] == "PasswordConfirmation"),
        "{failures}"
    );
    let no_password = app
        .put("/api/v3/config/host", &json!({ "username": USER }))
        .await;
    assert_eq!(
        no_password.status(),
        StatusCode::BAD_REQUEST,
        "forms needs a password"
    );

    let mut host = app.get_json("/api/v3/config/host").await;
    host["username"] = json!(USER);
    host["password"] = json!(PASSWORD);
    host["passwordConfirmation"] = json!(PASSWORD);
    let saved = app.put("/api/v3/config/host/1", &host).await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
    let host = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["username"], USER);
    assert_eq!(
        host["password"], "********",
        "never the password nor its hash"
    );
    // Sent back as read, the placeholder keeps the password.
    let again = app.put("/api/v3/config/host", &host).await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    let login = post_login(&app, "", &[("username", USER), ("password", PASSWORD)]).await;
    assert!(session_set_cookie(&login).is_some());
}

#[tokio::test]
async fn system_status_names_the_login_in_use() {
    let app = spawn_app().await;
    let status = app.get_json("/api/v3/system/status").await;
    assert_eq!(status["authentication"], "forms", "Radarr v5's default");
    let mut host = app.get_json("/api/v3/config/host").await;
    host["authenticationMethod"] = json!("none");
    let saved = app.put("/api/v3/config/host", &host).await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
    let status = app.get_json("/api/v3/system/status").await;
    assert_eq!(status["authentication"], "none");
}
