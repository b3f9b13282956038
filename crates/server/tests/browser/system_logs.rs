//! System > Logs: the latest entries with their levels, a level filter, an
//! error's details, clearing, and the log files to read and download.

use std::time::Duration;

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::spawn_app;

/// Waits until the element `css` names no longer shows `text`.
async fn stops_showing(browser: &Browser, css: &str, text: &str) {
    for _ in 0..100 {
        if !browser.text(css).await.contains(text) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} still shows {text:?}");
}

#[tokio::test]
async fn the_logs_page_shows_filters_and_clears_entries_and_opens_a_log_file() {
    let app = spawn_app().await;
    let _logging = server::telemetry::init_logging("info", app.data_dir.path());
    tracing::info!(target: "browser_test", "an everyday entry");
    tracing::warn!(target: "browser_test", "a warning worth reading");
    tracing::error!(target: "browser_test", error = "disk full", "an import failed");

    let browser = Browser::start(390).await;
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/system/status", app.address))
        .await
        .unwrap();
    browser.click("nav.tabs a[href$='/system/logs']").await;
    browser.sees("a warning worth reading").await;
    let entries = "table.log-entries tbody";
    assert!(browser.text(entries).await.contains("an everyday entry"));
    assert!(browser.text(entries).await.contains("browser_test"));

    // Errors only: the warning and the everyday entry go.
    browser
        .element("select[name=level]")
        .await
        .select_by_value("error")
        .await
        .unwrap();
    stops_showing(&browser, entries, "a warning worth reading").await;
    assert!(browser.text(entries).await.contains("an import failed"));
    assert!(!browser.text(entries).await.contains("an everyday entry"));
    browser.click("table.log-entries summary").await;
    browser.sees("disk full").await;

    // The file, read on the page: Radarr's line for the warning.
    browser.sees("radarr.txt").await;
    browser.click("a[data-view='radarr.txt']").await;
    browser
        .sees("|Warn|browser_test|a warning worth reading")
        .await;
    assert_eq!(browser.text(".log-file h3").await, "radarr.txt");
    // The download link works without the page's header.
    let href = browser
        .element("a[download='radarr.txt']")
        .await
        .prop("href")
        .await
        .unwrap()
        .unwrap();
    let download = reqwest::get(&href).await.unwrap();
    assert_eq!(download.status(), reqwest::StatusCode::OK);
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );

    // Clear asks first, then empties the entries.
    browser
        .element("select[name=level]")
        .await
        .select_by_value("")
        .await
        .unwrap();
    browser.sees("a warning worth reading").await;
    browser.click("button[name=clear]").await;
    browser.sees("Really clear?").await;
    browser.click("button[name=clear]").await;
    stops_showing(&browser, entries, "a warning worth reading").await;
    browser.sees("Log cleared").await;
    browser.finish("system_logs").await;
}
