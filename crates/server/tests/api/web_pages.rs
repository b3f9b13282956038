//! The UI's pages open by their address, as a bookmark or a reload opens
//! them, not only by moving inside the page.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

#[tokio::test]
async fn every_page_the_ui_draws_opens_by_its_address() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/movies",
        "/movie/the-matrix-603",
        "/add/new",
        "/activity/queue",
        "/activity/history",
        "/activity/blocklist",
        "/calendar",
        "/wanted/missing",
        "/wanted/cutoffunmet",
        "/settings",
        "/settings/customformats",
        "/scenegroups",
        "/system/status",
        "/system/logs",
        "/system/backup",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("/static/app.js"), "{path}: {page}");
    }
    assert_eq!(
        app.get("/activity/nothing").await.status(),
        StatusCode::NOT_FOUND
    );
}
