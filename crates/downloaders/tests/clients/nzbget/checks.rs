//! NZBGet's test: its version, login, address and categories.

use downloaders::{Connection, DownloadClient, DownloadError, Nzbget, NzbgetSettings};

use super::*;

#[tokio::test]
async fn nzbget_test_passes_with_its_categories() {
    for category in ["movies", "radarr", ""] {
        let result = client(category).test().await;
        assert!(result.is_ok(), "{category:?}: {result:?}");
    }
}

#[tokio::test]
async fn nzbget_test_names_a_missing_category() {
    let result = client("Movies").test().await;
    let Err(DownloadError::Setting { setting, message }) = result else {
        panic!("categories are case-sensitive in NZBGet: {result:?}");
    };
    assert_eq!(setting, "movieCategory");
    assert!(message.contains("Category does not exist"), "{message}");
}

#[tokio::test]
async fn nzbget_test_refuses_a_wrong_password_without_saying_it() {
    let connection = Connection {
        password: "not-the-password".into(),
        ..connection()
    };
    let client = Nzbget::new(connection, NzbgetSettings::default());
    let result = client.test().await;
    assert!(matches!(result, Err(DownloadError::Auth(_))), "{result:?}");
    let shown = format!("{result:?}");
    assert!(!shown.contains("not-the-password"), "{shown}");
    assert!(matches!(
        client.downloads().await,
        Err(DownloadError::Auth(_))
    ));
}

#[tokio::test]
async fn nzbget_test_reports_a_closed_port_as_unreachable() {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("a port: {e}"));
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("its number: {e}"));
    drop(listener);
    let client = Nzbget::new(
        Connection {
            port,
            ..connection()
        },
        NzbgetSettings::default(),
    );
    let result = client.test().await;
    assert!(
        matches!(result, Err(DownloadError::Unreachable { .. })),
        "{result:?}"
    );
}
