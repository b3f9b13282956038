//! Who passes the UI's login without signing in (the API key, local
//! addresses when so configured), what `/api` accepts, and sessions shared by
//! instances on one database.

use reqwest::StatusCode;
use reqwest::header::COOKIE;
use serde_json::json;

use super::{
    PASSWORD, USER, browser, cookie_pair, create_user, get_with_cookie, location,
    session_set_cookie, visit,
};
use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn local_addresses_may_skip_the_login_when_configured() {
    let app = spawn_app().await;
    let initialize = || async { visit(&app, "/initialize.json").await.status() };
    let host = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["authenticationMethod"], "forms", "Radarr v5's default");
    assert_eq!(host["authenticationRequired"], "enabled");
    let response = app
        .put(
            "/api/v3/config/host",
            &json!({
                "authenticationMethod": "forms",
                "authenticationRequired": "disabledForLocalAddresses",
                "username": USER,
                "password": PASSWORD,
                "passwordConfirmation": PASSWORD,
            }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    // The tests talk over 127.0.0.1.
    assert_eq!(initialize().await, StatusCode::OK);
    let response = app
        .put(
            "/api/v3/config/host",
            &json!({ "authenticationRequired": "enabled" }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(initialize().await, StatusCode::UNAUTHORIZED);
    let response = app
        .put(
            "/api/v3/config/host",
            &json!({ "authenticationMethod": "none" }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(initialize().await, StatusCode::OK, "no login at all");
}

#[tokio::test]
async fn api_accepts_the_key_or_the_session_and_nothing_else() {
    let app = spawn_app().await;
    let anonymous = visit(&app, "/api/v3/movie").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.text().await.unwrap(), "");
    let cookie = create_user(&app).await;
    let with_session = get_with_cookie(&app, "/api/v3/movie", &cookie).await;
    assert_eq!(with_session.status(), StatusCode::OK);
    let tampered = get_with_cookie(&app, "/api/v3/movie", &cookie.replace('=', "=x")).await;
    assert_eq!(tampered.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(tampered.text().await.unwrap(), "");
}

/// A server whose one UI page, `/movies`, sits behind the UI's login as the
/// web crate's pages do; returns its address and what keeps it running.
async fn spawn_with_a_page() -> (String, tempfile::TempDir, server::Prepared) {
    use axum::ServiceExt;
    use axum::middleware::from_fn_with_state;
    use axum::routing::get;

    let data_dir = tempfile::tempdir().unwrap();
    let settings = server::Settings::resolve(server::cli::ServeArgs {
        data_dir: Some(data_dir.path().to_path_buf()),
        log_level: Some("warn".into()),
        ..Default::default()
    })
    .unwrap();
    let prepared = server::prepare(&settings).await.unwrap();
    let state = prepared.state().clone();
    let pages = axum::Router::new()
        .route("/movies", get(|| async { "the movies page" }))
        .layer(from_fn_with_state(
            state.clone(),
            api::session::require_ui_session,
        ));
    let app = api::service_with(state, pages);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    (address, data_dir, prepared)
}

#[tokio::test]
async fn ui_pages_lead_to_the_login_and_open_with_the_session_or_the_key() {
    let (address, _data_dir, prepared) = spawn_with_a_page().await;
    let client = browser();
    let movies = format!("{address}/movies");
    let first_run = client.get(&movies).send().await.unwrap();
    assert_eq!(first_run.status(), StatusCode::FOUND, "no user yet");
    assert_eq!(location(&first_run), "/login?returnUrl=%2Fmovies");

    let created = client
        .post(format!("{address}/login?returnUrl=%2Fmovies"))
        .form(&[
            ("username", USER),
            ("password", PASSWORD),
            ("passwordConfirmation", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&created), "/movies");
    let cookie = cookie_pair(&session_set_cookie(&created).unwrap());

    let anonymous = client.get(&movies).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::FOUND);
    let xhr = client
        .get(&movies)
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        xhr.status(),
        StatusCode::UNAUTHORIZED,
        "data is refused, not redirected"
    );
    let with_session = client
        .get(&movies)
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(with_session.status(), StatusCode::OK);
    assert_eq!(with_session.text().await.unwrap(), "the movies page");
    let key = &prepared.api_key.0;
    let with_key = client
        .get(format!("{movies}?apikey={key}"))
        .send()
        .await
        .unwrap();
    assert_eq!(with_key.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_session_from_one_instance_is_accepted_by_another_on_postgres() {
    let url = store_postgres::test_database::fresh_database().await;
    let on_shared_database = |url: String| {
        move |s: &mut server::Settings| {
            let mut options = store_postgres::PostgresOptions::new(url);
            options.max_connections = 4;
            options.min_connections = 0;
            s.database = server::DatabaseSettings::Postgres(options);
        }
    };
    let first = spawn_app_with(on_shared_database(url.clone())).await;
    let second = spawn_app_with(on_shared_database(url)).await;
    // Both make the signing secret at once; they end up with one.
    let (a, b) = tokio::join!(visit(&first, "/login"), visit(&second, "/login"));
    assert_eq!((a.status(), b.status()), (StatusCode::OK, StatusCode::OK));
    let cookie = create_user(&first).await;
    let response = get_with_cookie(&second, "/initialize.json", &cookie).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the cookie is signed, not stored"
    );
}
