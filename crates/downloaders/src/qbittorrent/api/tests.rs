//! The transport's pure parts, and its login and session renewal against
//! a fake qBittorrent.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use super::*;

#[test]
fn versions_parse_with_or_without_a_patch() {
    assert_eq!(parse_version("2.8.19\n"), Some((2, 8, 19)));
    assert_eq!(parse_version("2.0"), Some((2, 0, 0)));
    assert_eq!(parse_version("v2.11.2"), Some((2, 11, 2)));
    assert_eq!(parse_version("<html>"), None);
    assert!(parse_version("2.6.1") >= Some((2, 6, 1)));
    assert!(parse_version("2.10.0") > parse_version("2.9.3"));
}

#[test]
fn long_answers_are_cut_on_a_character() {
    let long = "é".repeat(QUOTE + 5);
    assert_eq!(quote(&long).chars().count(), QUOTE + 1);
}

/// A fake qBittorrent: `login` answers `login_answer` and hands out session
/// `n` on the n-th login; `webapiVersion` answers only a session from
/// `good_from` on, and 403 otherwise.
struct Fake {
    logins: AtomicUsize,
    login_answer: &'static str,
    login_status: u16,
    good_from: usize,
}

async fn serve(fake: Fake) -> (Api, Arc<Fake>) {
    use axum::Router;
    use axum::extract::State;
    use axum::http::{HeaderMap, StatusCode as Status, header};
    use axum::routing::{get, post};

    async fn login(
        State(fake): State<Arc<Fake>>,
    ) -> (Status, [(header::HeaderName, String); 1], &'static str) {
        let n = fake.logins.fetch_add(1, Ordering::SeqCst) + 1;
        let status = Status::from_u16(fake.login_status).unwrap_or(Status::OK);
        let cookie = format!("SID={n}; HttpOnly; path=/");
        (status, [(header::SET_COOKIE, cookie)], fake.login_answer)
    }
    async fn version(State(fake): State<Arc<Fake>>, headers: HeaderMap) -> (Status, &'static str) {
        let session = headers
            .get(header::COOKIE)
            .and_then(|c| c.to_str().ok())
            .and_then(|c| c.strip_prefix("SID="))
            .and_then(|n| n.parse::<usize>().ok());
        match session {
            Some(n) if n >= fake.good_from => (Status::OK, "2.8.19"),
            _ => (Status::FORBIDDEN, "Forbidden"),
        }
    }

    let fake = Arc::new(fake);
    let router = Router::new()
        .route("/api/v2/auth/login", post(login))
        .route("/api/v2/app/webapiVersion", get(version))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let connection = Connection {
        host: "127.0.0.1".into(),
        port,
        username: "admin".into(),
        password: "adminadmin".into(),
        ..Connection::default()
    };
    (Api::new(connection), fake)
}

fn fake(login_answer: &'static str, login_status: u16, good_from: usize) -> Fake {
    Fake {
        logins: AtomicUsize::new(0),
        login_answer,
        login_status,
        good_from,
    }
}

#[tokio::test]
async fn a_lost_session_is_renewed_once_by_logging_in_again() {
    // The first session is refused, as after qBittorrent restarts.
    let (api, fake) = serve(fake("Ok.", 200, 2)).await;
    assert_eq!(api.version().await.unwrap(), (2, 8, 19));
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2);
    // The version is kept, and the session with it.
    assert_eq!(api.version().await.unwrap(), (2, 8, 19));
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_session_refused_after_a_fresh_login_is_an_auth_failure() {
    let (api, fake) = serve(fake("Ok.", 200, usize::MAX)).await;
    let result = api.version().await;
    assert!(matches!(result, Err(DownloadError::Auth(_))), "{result:?}");
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2, "one retry, no more");
}

#[tokio::test]
async fn a_refused_or_banned_login_is_an_auth_failure_with_the_reason() {
    let (api, _) = serve(fake("Fails.", 200, 1)).await;
    let result = api.version().await;
    assert!(
        matches!(&result, Err(DownloadError::Auth(m)) if m.contains("username or password")),
        "{result:?}"
    );
    let banned = "Your IP address has been banned after too many failed authentication attempts.";
    let (api, _) = serve(fake(banned, 403, 1)).await;
    let result = api.version().await;
    assert!(
        matches!(&result, Err(DownloadError::Auth(m)) if m.contains("banned")),
        "{result:?}"
    );
}
