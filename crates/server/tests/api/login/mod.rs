//! The web UI's forms login: the first-run form, the session cookie, logout
//! and the UI's bootstrap behind it; `policy` has who may pass without it,
//! `host_config` the settings.

mod host_config;
mod policy;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const USER: &str = "admin";
const PASSWORD: &str = "correct horse";

/// A client that shows redirects instead of following them.
fn browser() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

/// A GET as a browser without a session makes it, redirects not followed.
async fn visit(app: &TestApp, path: &str) -> Response {
    browser()
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap()
}

/// Posts the login form (`fields` as given) to `/login{query}`.
async fn post_login(app: &TestApp, query: &str, fields: &[(&str, &str)]) -> Response {
    browser()
        .post(format!("{}/login{query}", app.address))
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// The `Set-Cookie` header that sets or clears the session, if any.
fn session_set_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("UnifiedRadarrAuth="))
}

/// The `name=value` pair a browser would send back.
fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

fn location(response: &Response) -> &str {
    response.headers()[LOCATION].to_str().unwrap()
}

/// Makes the user through the first-run form; returns the session cookie.
async fn create_user(app: &TestApp) -> String {
    let response = post_login(
        app,
        "",
        &[
            ("username", USER),
            ("password", PASSWORD),
            ("passwordConfirmation", PASSWORD),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    cookie_pair(&session_set_cookie(&response).expect("a session cookie"))
}

async fn get_with_cookie(app: &TestApp, path: &str, cookie: &str) -> Response {
    browser()
        .get(format!("{}{path}", app.address))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_first_run_form_makes_the_login_and_stores_only_an_argon2_hash() {
    let app = spawn_app().await;
    let page = visit(&app, "/login").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Create your login"), "{html}");
    assert!(html.contains("passwordConfirmation"));

    let mismatch = post_login(
        &app,
        "",
        &[
            ("username", USER),
            ("password", PASSWORD),
            ("passwordConfirmation", "other"),
        ],
    )
    .await;
    assert_eq!(mismatch.status(), StatusCode::BAD_REQUEST);
    assert!(session_set_cookie(&mismatch).is_none());
    let html = mismatch.text().await.unwrap();
    assert!(html.contains("Must match Password"), "{html}");
    assert!(html.contains(r#"value="admin""#), "the name typed is kept");
    let short = post_login(
        &app,
        "",
        &[
            ("username", USER),
            ("password", "12345"),
            ("passwordConfirmation", "12345"),
        ],
    )
    .await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("at least 6 characters")
    );

    let cookie = create_user(&app).await;
    assert!(cookie.starts_with("UnifiedRadarrAuth="));
    let html = visit(&app, "/login").await.text().await.unwrap();
    assert!(html.contains("Sign in") && !html.contains("Create your login"));

    let stored: Value =
        serde_json::from_str(&app.store.config_text("auth").await.unwrap().unwrap()).unwrap();
    let hash = stored["passwordHash"].as_str().unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!stored.to_string().contains(PASSWORD));
    assert_eq!(stored["username"], USER);
    assert_eq!(stored["authenticationMethod"], "forms");
}

#[tokio::test]
async fn a_wrong_login_goes_back_with_login_failed_and_a_right_one_gets_the_cookie() {
    let app = spawn_app().await;
    create_user(&app).await;
    let wrong = post_login(&app, "", &[("username", USER), ("password", "nope")]).await;
    assert_eq!(wrong.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&wrong), "/login?loginFailed=true");
    assert!(session_set_cookie(&wrong).is_none());
    let html = visit(&app, "/login?loginFailed=true")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Incorrect username or password"));

    let right = post_login(
        &app,
        "?returnUrl=%2Fmovies",
        &[
            ("username", "Admin"),
            ("password", PASSWORD),
            ("rememberMe", "on"),
        ],
    )
    .await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&right),
        "/movies",
        "back where the user was headed"
    );
    let set_cookie = session_set_cookie(&right).unwrap();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=604800"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain http: {set_cookie}");
}

#[tokio::test]
async fn initialize_json_needs_the_session_and_logout_ends_it() {
    let app = spawn_app().await;
    let anonymous = visit(&app, "/initialize.json").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.text().await.unwrap(), "");

    let cookie = create_user(&app).await;
    let response = get_with_cookie(&app, "/initialize.json", &cookie).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let bootstrap: Value = response.json().await.unwrap();
    assert_eq!(bootstrap["apiKey"], app.api_key.as_str());
    assert_eq!(bootstrap["apiRoot"], "/api/v3");
    assert_eq!(bootstrap["urlBase"], "");
    assert_eq!(bootstrap["version"], server::RADARR_API_VERSION);
    assert_eq!(bootstrap["release"], env!("CARGO_PKG_VERSION"));
    assert_eq!(bootstrap["instanceName"], "Unified-Radarr");
    assert_eq!(bootstrap["theme"], "auto");
    assert_eq!(bootstrap["analytics"], false);
    assert_eq!(bootstrap["isProduction"], true);
    assert_eq!(bootstrap["userHash"].as_str().unwrap().len(), 8);

    let logout = get_with_cookie(&app, "/logout", &cookie).await;
    assert_eq!(logout.status(), StatusCode::FOUND);
    assert_eq!(location(&logout), "/login");
    let cleared = session_set_cookie(&logout).unwrap();
    assert!(cleared.starts_with("UnifiedRadarrAuth=;") && cleared.contains("Max-Age=0"));
    let after = get_with_cookie(&app, "/initialize.json", &cookie_pair(&cleared)).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);

    let forged = get_with_cookie(&app, "/initialize.json", &format!("{cookie}x")).await;
    assert_eq!(
        forged.status(),
        StatusCode::UNAUTHORIZED,
        "a tampered cookie"
    );
}

#[tokio::test]
async fn the_legacy_initialize_js_reads_as_home_assistant_expects() {
    let app = spawn_app().await;
    let anonymous = visit(&app, "/initialize.js").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let response = browser()
        .get(format!(
            "{}/initialize.js?apikey={}",
            app.address, app.api_key
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    let script = response.text().await.unwrap();
    assert!(script.contains("Radarr"));
    assert!(script.contains("window.Radarr = {"));
    assert!(script.contains("  apiRoot: '/api/v3',\n"), "{script}");
    assert!(
        script.contains(&format!("  apiKey: '{}',\n", app.api_key)),
        "{script}"
    );
    assert!(script.contains("  urlBase: '',\n"), "{script}");
}

#[tokio::test]
async fn return_urls_never_leave_the_site() {
    let app = spawn_app().await;
    create_user(&app).await;
    for hostile in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
    ] {
        let response = post_login(
            &app,
            &format!("?returnUrl={hostile}"),
            &[("username", USER), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/", "{hostile}");
    }
}

#[tokio::test]
async fn under_a_url_base_the_cookie_and_redirects_stay_under_it() {
    let app = spawn_app_with(|s| s.url_base = "/radarr".into()).await;
    let response = post_login(
        &app,
        "?returnUrl=%2Fradarr%2Fmovies",
        &[
            ("username", USER),
            ("password", PASSWORD),
            ("passwordConfirmation", PASSWORD),
        ],
    )
    .await;
    assert_eq!(location(&response), "/radarr/movies");
    assert!(
        session_set_cookie(&response)
            .unwrap()
            .contains("Path=/radarr;")
    );
    let outside = post_login(
        &app,
        "?returnUrl=%2Fother",
        &[("username", USER), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&outside), "/radarr/");
    let wrong = post_login(&app, "", &[("username", USER), ("password", "x")]).await;
    assert_eq!(location(&wrong), "/radarr/login?loginFailed=true");
    let bootstrap = app.get_json("/initialize.json").await;
    assert_eq!(bootstrap["apiRoot"], "/radarr/api/v3");
    assert_eq!(bootstrap["urlBase"], "/radarr");
    // Home Assistant matches `apiRoot: '/api/…'` and reads the prefix from
    // `urlBase`, so the legacy script gives the root below the base.
    let script = app.get("/initialize.js").await.text().await.unwrap();
    assert!(script.contains("  apiRoot: '/api/v3',\n"), "{script}");
    assert!(script.contains("  urlBase: '/radarr',\n"), "{script}");
}

#[tokio::test]
async fn the_cookie_is_secure_behind_a_trusted_https_proxy() {
    let app = spawn_app_with(|s| s.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]).await;
    create_user(&app).await;
    let over_https = browser()
        .post(format!("{}/login", app.address))
        .header("X-Forwarded-Proto", "https")
        .form(&[("username", USER), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(
        session_set_cookie(&over_https)
            .unwrap()
            .ends_with("; Secure")
    );
    // From a proxy we do not trust, the header proves nothing.
    let untrusted = spawn_app().await;
    create_user(&untrusted).await;
    let claimed = browser()
        .post(format!("{}/login", untrusted.address))
        .header("X-Forwarded-Proto", "https")
        .form(&[("username", USER), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(!session_set_cookie(&claimed).unwrap().contains("Secure"));
}

#[tokio::test]
async fn a_secret_kept_in_the_old_place_is_carried_over_and_the_login_kept_apart() {
    let app = spawn_app().await;
    let secret = "ab".repeat(32);
    app.store
        .set_config_text("auth", &format!(r#"{{"sessionSecret":"{secret}"}}"#))
        .await
        .unwrap();
    create_user(&app).await;
    assert_eq!(
        app.store.config_text("sessionSecret").await.unwrap(),
        Some(format!(r#""{secret}""#))
    );
    let auth = app.store.config_text("auth").await.unwrap().unwrap();
    assert!(auth.contains(USER), "{auth}");
    assert!(!auth.contains("sessionSecret"), "{auth}");
}
