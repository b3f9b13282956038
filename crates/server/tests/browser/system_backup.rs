//! Browser tests: System > Backup, as a user backs up, restores (from the
//! list and from a file) and deletes, on a desktop and on a phone.

use serde_json::Value;

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_user_backs_up_sees_it_listed_restores_it_and_deletes_it() {
    let app = spawn_app().await;
    let mut browser = Browser::start(1280).await;
    // The refused file is the server's 400, which Chromium logs.
    browser.expect_logged(
        "/api/v3/system/backup/restore/upload - Failed to load resource: the server responded with a status of 400",
    );
    first_run(&browser, &app).await;
    browser.click("nav a[href$='/system/status']").await;
    browser.click("nav.tabs a[href$='/system/backup']").await;
    browser.sees("No backups yet.").await;

    browser.click("button[name=backup]").await;
    browser.sees("radarr_backup_v").await;
    let listed: Value = app.get_json("/api/v3/system/backup").await;
    let name = listed[0]["name"].as_str().unwrap().to_string();
    let row = browser.text("table.backups tbody").await;
    assert!(row.contains(&name) && row.contains("manual"), "{row}");
    let link = browser
        .element("table.backups a[download]")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(link.contains(&format!("/backup/manual/{name}")), "{link}");

    // Restoring asks first, then says a restart applies it.
    browser.click("button[name=restore]").await;
    browser.sees("Really restore?").await;
    browser.click("button[name=restore]").await;
    browser.sees("Restart Unified-Radarr to apply it").await;
    assert!(app.data_path().join("restore/unified-radarr.db").is_file());

    // From a file: a bad one is refused beside the field, a backup restores.
    browser
        .client
        .goto(&format!("{}/system/backup", app.address))
        .await
        .unwrap();
    browser.sees(&name).await;
    let files = tempfile::tempdir().unwrap();
    let bad = files.path().join("bad.zip");
    std::fs::write(&bad, "not a zip").unwrap();
    let chooser = browser.element("input[type=file]").await;
    chooser.send_keys(&bad.display().to_string()).await.unwrap();
    browser.click("form.upload button[type=submit]").await;
    browser.sees("not a readable zip").await;
    assert!(
        !browser
            .text("body")
            .await
            .contains("Restart Unified-Radarr")
    );
    let good = app.data_path().join("Backups/manual").join(&name);
    let chooser = browser.element("input[type=file]").await;
    chooser
        .send_keys(&good.display().to_string())
        .await
        .unwrap();
    browser.click("form.upload button[type=submit]").await;
    browser.sees("Restart Unified-Radarr to apply it").await;

    browser.click("button[name=delete]").await;
    browser.sees("Really delete?").await;
    browser.click("button[name=delete]").await;
    browser.sees("No backups yet.").await;
    assert_eq!(
        app.get_json("/api/v3/system/backup").await,
        serde_json::json!([])
    );
    browser.finish("system_backup").await;
}

#[tokio::test]
async fn on_a_phone_each_backup_is_a_card_with_its_buttons_in_reach() {
    let app = spawn_app().await;
    let done = app
        .run_command(&serde_json::json!({"name": "Backup"}))
        .await;
    assert_eq!(done["status"], "completed");
    let browser = Browser::start(390).await;
    first_run(&browser, &app).await;
    browser
        .client
        .goto(&format!("{}/system/backup", app.address))
        .await
        .unwrap();
    browser.sees("radarr_backup_v").await;
    for button in ["restore", "delete"] {
        let shown = browser
            .element(&format!("table.backups button[name={button}]"))
            .await
            .is_displayed()
            .await
            .unwrap();
        assert!(shown, "{button}");
    }
    assert!(
        browser
            .element("input[type=file]")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    assert!(
        browser.text("table.backups tbody").await.contains("UTC"),
        "the time shows on a card too"
    );
    browser.finish("system_backup_phone").await;
}
