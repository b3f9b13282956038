//! SABnzbd's test: its version, API key, address and categories.

use downloaders::fake::FakeSabnzbd;
use downloaders::{Connection, DownloadClient, DownloadError, Sabnzbd, SabnzbdSettings};
use serde_json::json;

use super::*;

#[tokio::test]
async fn sabnzbd_test_passes_and_works_under_a_url_base() {
    let fake = FakeSabnzbd::start().await;
    let result = client(&fake, "movies").test().await;
    assert!(result.is_ok(), "{result:?}");
    let based = Sabnzbd::new(
        Connection {
            url_base: "/sabnzbd/".into(),
            ..connection(&fake)
        },
        settings(""),
    );
    assert!(based.test().await.is_ok());
    fake.set_version("develop");
    assert!(based.test().await.is_ok(), "develop is taken for 1.1.0");
}

#[tokio::test]
async fn sabnzbd_test_refuses_a_wrong_or_missing_key_without_showing_it() {
    let fake = FakeSabnzbd::start().await;
    let wrong = Sabnzbd::new(
        connection(&fake),
        SabnzbdSettings {
            api_key: "not-the-key".into(),
            ..settings("movies")
        },
    );
    let result = wrong.test().await;
    let Err(DownloadError::Auth(message)) = &result else {
        panic!("a wrong key: {result:?}");
    };
    assert_eq!(message, "API Key Incorrect");
    assert!(!format!("{result:?}").contains("not-the-key"));
    assert!(matches!(
        wrong.downloads().await,
        Err(DownloadError::Auth(_))
    ));

    let missing = Sabnzbd::new(
        connection(&fake),
        SabnzbdSettings {
            api_key: String::new(),
            ..settings("movies")
        },
    );
    let result = missing.test().await;
    assert!(
        matches!(&result, Err(DownloadError::Auth(m)) if m == "API Key Required"),
        "{result:?}"
    );
}

#[tokio::test]
async fn sabnzbd_test_reports_a_closed_port_as_unreachable() {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("a port: {e}"));
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("its number: {e}"));
    drop(listener);
    let client = Sabnzbd::new(
        Connection {
            host: "127.0.0.1".into(),
            port,
            ..Connection::default()
        },
        settings("movies"),
    );
    let result = client.test().await;
    assert!(
        matches!(result, Err(DownloadError::Unreachable { .. })),
        "{result:?}"
    );
}

#[tokio::test]
async fn sabnzbd_test_names_the_category_setting() {
    let fake = FakeSabnzbd::start().await;
    let setting = |result: Result<(), DownloadError>| match result {
        Err(DownloadError::Setting { setting, message }) => (setting, message),
        other => panic!("a setting failure: {other:?}"),
    };
    let (name, message) = setting(client(&fake, "films").test().await);
    assert_eq!(name, "movieCategory");
    assert!(message.starts_with("Category does not exist"), "{message}");

    fake.set_category("movies", "movies*");
    let (name, message) = setting(client(&fake, "movies").test().await);
    assert_eq!(name, "movieCategory");
    assert!(message.starts_with("Enable Job folders"), "{message}");

    fake.set_category("movies", "movies");
    fake.set_misc("enable_movie_sorting", json!(1));
    let (_, message) = setting(client(&fake, "movies").test().await);
    assert!(message.starts_with("Disable Movie Sorting"), "{message}");
    fake.set_misc("enable_movie_sorting", json!(0));

    fake.set_version("0.6.9");
    let (name, message) = setting(client(&fake, "movies").test().await);
    assert_eq!(name, "version");
    assert_eq!(message, "Version 0.7.0+ is required, but found: 0.6.9");
}
