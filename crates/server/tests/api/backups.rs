//! Backups: the `Backup` command's zip, the list, download and delete, a
//! restore staged and applied at the next start, refused uploads, the
//! schedule and retention, the settings in `config/host`, and PostgreSQL,
//! whose database a backup leaves out.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration as StdDuration, SystemTime};

use api::commands::{JobRunner, Schedule};
use api::services::backup::settings::{self as backup_settings, BackupSettings};
use chrono::{Duration, Utc};
use domain::command::CommandStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use server::Settings;
use server::cli::ServeArgs;

use crate::helpers::{TestApp, spawn_app, spawn_app_on_postgres};

/// Runs `Backup` as a user would and returns the list's one new backup.
async fn back_up(app: &TestApp) -> (Value, Value) {
    let command = app.run_command(&json!({"name": "Backup"})).await;
    assert_eq!(command["status"], "completed", "{command}");
    let list = app.get_json("/api/v3/system/backup").await;
    let newest = list[0].clone();
    (command, newest)
}

/// A zip of these entries, in memory.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The entries of the zip at `path`, by name.
fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// Uploads `bytes` as Radarr's UI does: a multipart form with the file.
async fn upload(app: &TestApp, file_name: &str, bytes: &[u8]) -> reqwest::Response {
    let boundary = "----unified-radarr-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"restore\"; \
         filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.request(Method::POST, "/api/v3/system/backup/restore/upload")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Restores a backup from the list, as the UI's Restore button does.
async fn restore_saved(app: &TestApp, backup: &Value) -> reqwest::Response {
    app.post(
        &format!("/api/v3/system/backup/restore/{}", backup["id"]),
        &json!({}),
    )
    .await
}

async fn message(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["message"].as_str().unwrap_or_default().to_string()
}

fn staged(app: &TestApp) -> PathBuf {
    app.data_path().join("restore/unified-radarr.db")
}

async fn movie_titles(app: &TestApp) -> Vec<String> {
    let movies = app.get_json("/api/v3/movie").await;
    let mut titles: Vec<String> = movies
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

#[tokio::test]
async fn a_backup_holds_the_database_and_config_and_is_listed_downloaded_and_deleted() {
    let app = spawn_app().await;
    let (command, backup) = back_up(&app).await;
    assert!(
        command["message"]
            .as_str()
            .unwrap()
            .contains("the database and config.toml"),
        "{command}"
    );
    let name = backup["name"].as_str().unwrap();
    assert!(
        name.starts_with("radarr_backup_v6.") && name.ends_with(".zip"),
        "{name}"
    );
    assert_eq!(backup["type"], "manual");
    assert_eq!(backup["path"], format!("/backup/manual/{name}"));
    let file = app.data_path().join("Backups/manual").join(name);
    assert_eq!(
        backup["size"].as_u64().unwrap(),
        std::fs::metadata(&file).unwrap().len()
    );
    assert!(backup["time"].as_str().unwrap().ends_with('Z'));
    let again = app.get_json("/api/v3/system/backup").await;
    assert_eq!(again[0]["id"], backup["id"], "ids are stable");

    let inside = entries(&file);
    let names: Vec<&str> = inside.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["unified-radarr.db", "config.toml"]);
    assert!(inside[0].1.starts_with(b"SQLite format 3\0"));
    assert_eq!(
        inside[1].1,
        std::fs::read(app.data_path().join("config.toml")).unwrap()
    );
    let leftovers: Vec<String> =
        crate::helpers::file_names(&app.data_path().join("Backups/manual"));
    assert_eq!(leftovers, [name], "no temporary files are left");

    // The download is the file, for the key's holder only.
    let path = backup["path"].as_str().unwrap();
    let download = app.get(path).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/zip");
    assert_eq!(
        download.bytes().await.unwrap().as_ref(),
        std::fs::read(&file).unwrap()
    );
    assert_eq!(
        app.anonymous(Method::GET, path).await.status(),
        StatusCode::UNAUTHORIZED
    );
    for missing in [
        "/backup/manual/radarr_backup_v1_2000.01.01_00.00.00.zip".to_string(),
        format!("/backup/scheduled/{name}"),
        format!("/backup/other/{name}"),
        "/backup/manual/..%2F..%2Fconfig.toml".to_string(),
        "/backup/manual/..%2Fradarr_backup_v1.zip".to_string(),
    ] {
        assert_eq!(
            app.get(&missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }

    let id = &backup["id"];
    let deleted = app.delete(&format!("/api/v3/system/backup/{id}")).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert!(!file.exists());
    assert_eq!(app.get_json("/api/v3/system/backup").await, json!([]));
    assert_eq!(
        app.delete(&format!("/api/v3/system/backup/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_restored_backup_replaces_the_database_at_the_next_start() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    app.add_movie(603, "The Matrix", 1999).await;
    let (_, backup) = back_up(&app).await;
    app.add_movie(604, "The Matrix Reloaded", 2003).await;
    app.idle().await;

    let restored = restore_saved(&app, &backup).await;
    assert_eq!(restored.status(), StatusCode::OK);
    assert_eq!(
        restored.json::<Value>().await.unwrap(),
        json!({"restartRequired": true})
    );
    assert!(staged(&app).is_file(), "staged for the next start");
    assert_eq!(
        movie_titles(&app).await,
        ["The Matrix", "The Matrix Reloaded"],
        "nothing changes before the restart"
    );
    assert_eq!(
        app.post("/api/v3/system/backup/restore/999", &json!({}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    let app = app.restart().await;
    assert_eq!(movie_titles(&app).await, ["The Matrix"]);
    assert!(!staged(&app).exists());
    // Kept: the config.toml the restore replaced, and the database the
    // start replaced.
    let replaced = app.data_path().join("restore/replaced");
    let kept: Vec<String> = crate::helpers::file_names(&replaced)
        .iter()
        .flat_map(|folder| crate::helpers::file_names(&replaced.join(folder)))
        .collect();
    assert!(kept.contains(&"unified-radarr.db".to_string()), "{kept:?}");
    assert!(kept.contains(&"config.toml".to_string()), "{kept:?}");
    // The backup itself is still listed after the restore.
    assert_eq!(
        app.get_json("/api/v3/system/backup").await[0]["name"],
        backup["name"]
    );
}

#[tokio::test]
async fn an_uploaded_backup_is_restored_and_a_bad_one_changes_nothing() {
    let app = spawn_app().await;
    let (_, backup) = back_up(&app).await;
    let zip = std::fs::read(
        app.data_path()
            .join("Backups/manual")
            .join(backup["name"].as_str().unwrap()),
    )
    .unwrap();
    let config = app.data_path().join("config.toml");
    let config_before = std::fs::read_to_string(&config).unwrap();

    let refused = [
        (
            "backup.zip",
            b"not a zip at all".to_vec(),
            "not a readable zip",
        ),
        (
            "backup.zip",
            zip_of(&[("radarr.db", b"x"), ("config.xml", b"<Config/>")]),
            "Radarr itself",
        ),
        (
            "backup.zip",
            zip_of(&[("notes.txt", b"hello")]),
            "neither unified-radarr.db nor config.toml",
        ),
        (
            "backup.zip",
            zip_of(&[("unified-radarr.db", b"SQLite? no, just some words here")]),
            "database cannot be restored",
        ),
        (
            "backup.zip",
            zip_of(&[("config.toml", b"prot = 9000\n")]),
            "config.toml cannot be used",
        ),
        (
            "unified-radarr.db",
            b"not a database".to_vec(),
            "database cannot be restored",
        ),
        ("backup.zip", Vec::new(), "empty"),
    ];
    for (file_name, bytes, reason) in refused {
        let response = upload(&app, file_name, &bytes).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{reason}");
        let said = message(response).await;
        assert!(said.contains(reason), "{said:?} should say {reason:?}");
        assert!(!staged(&app).exists(), "{reason}: nothing staged");
        assert_eq!(std::fs::read_to_string(&config).unwrap(), config_before);
    }
    let wrong_kind = upload(&app, "config.xml", b"<Config/>").await;
    assert_eq!(wrong_kind.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(message(wrong_kind).await.contains(".zip"));
    let no_file = app
        .request(Method::POST, "/api/v3/system/backup/restore/upload")
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(no_file.status(), StatusCode::BAD_REQUEST);
    assert_eq!(message(no_file).await, "file must be provided");
    let leftovers = crate::helpers::file_names(&app.data_path().join("restore"));
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let restored = upload(&app, "radarr_backup.zip", &zip).await;
    assert_eq!(restored.status(), StatusCode::OK);
    assert_eq!(
        restored.json::<Value>().await.unwrap(),
        json!({"restartRequired": true})
    );
    assert!(staged(&app).is_file());
    // A newer restore of only config.toml cancels the staged database, and
    // puts the file in place for the next start, keeping the one it replaces.
    let restored_config = format!("{config_before}instance_name = \"Restored\"\n");
    let only_config = zip_of(&[("config.toml", restored_config.as_bytes())]);
    assert_eq!(
        upload(&app, "config.zip", &only_config).await.status(),
        StatusCode::OK
    );
    assert!(!staged(&app).exists());
    assert_eq!(std::fs::read_to_string(&config).unwrap(), restored_config);
    let replaced = app.data_path().join("restore/replaced");
    // The full restore before kept the file too; this one's folder is the newest.
    let kept = crate::helpers::file_names(&replaced);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(
        std::fs::read_to_string(replaced.join(&kept[1]).join("config.toml")).unwrap(),
        config_before
    );
}

/// An instance prepared (store open, defaults seeded) but not serving, so
/// the test drives the schedule's clock.
async fn prepared() -> (server::Prepared, tempfile::TempDir) {
    let data_dir = tempfile::tempdir().unwrap();
    let args = ServeArgs {
        data_dir: Some(data_dir.path().to_path_buf()),
        ..ServeArgs::default()
    };
    let settings = Settings::resolve(args).unwrap();
    (server::prepare(&settings).await.unwrap(), data_dir)
}

/// Puts a file named as a backup in `folder`, written `days` ago.
fn old_backup(folder: &Path, name: &str, days: u64) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, "old").unwrap();
    let then = SystemTime::now() - StdDuration::from_secs(days * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(then)
        .unwrap();
    path
}

#[tokio::test]
async fn scheduled_backups_follow_the_interval_and_old_ones_are_deleted() {
    let (prepared, dir) = prepared().await;
    let state = prepared.state().clone();
    let schedule = Schedule::new(state.clone()).await.unwrap();
    let now = Utc::now();
    let due_names =
        |due: &[domain::command::Command]| due.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    let due = schedule.queue_due(now + Duration::hours(25)).await.unwrap();
    assert!(
        !due_names(&due).contains(&"Backup".to_string()),
        "weekly by default"
    );
    let _ = JobRunner::new(state.clone()).drain().await;

    backup_settings::save(
        &state,
        &BackupSettings {
            interval_days: 1,
            retention_days: 28,
            ..BackupSettings::default()
        },
    )
    .await
    .unwrap();
    let backups = dir.path().join("Backups");
    let expired = old_backup(
        &backups.join("scheduled"),
        "radarr_backup_v6.0.3.10276_2020.01.01_00.00.00.zip",
        40,
    );
    let recent = old_backup(
        &backups.join("scheduled"),
        "radarr_backup_v6.0.3.10276_2020.02.01_00.00.00.zip",
        10,
    );
    let manual = old_backup(
        &backups.join("manual"),
        "radarr_backup_v6.0.3.10276_2020.01.02_00.00.00.zip",
        40,
    );
    let due = schedule.queue_due(now + Duration::hours(25)).await.unwrap();
    assert!(due_names(&due).contains(&"Backup".to_string()), "daily now");
    let ran = JobRunner::new(state.clone()).drain().await;
    let backup = ran
        .iter()
        .find(|c| c.name == "Backup")
        .expect("the backup ran");
    assert_eq!(backup.status, CommandStatus::Completed, "{backup:?}");
    assert!(
        backup
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("deleted 1 older"),
        "{backup:?}"
    );
    assert!(!expired.exists(), "older than the retention");
    assert!(recent.exists(), "within the retention");
    assert!(
        manual.exists(),
        "manual backups are never deleted by the schedule"
    );
    let scheduled = crate::helpers::file_names(&backups.join("scheduled"));
    assert_eq!(
        scheduled.len(),
        2,
        "the new one and the recent one: {scheduled:?}"
    );
    let tasks = state.store.scheduled_tasks().await.unwrap();
    let task = tasks.iter().find(|t| t.name == "Backup").unwrap();
    assert_eq!(task.interval_minutes, 24 * 60);
    prepared.close().await;
}

#[tokio::test]
async fn host_config_keeps_and_checks_the_backup_settings() {
    let app = spawn_app().await;
    let host = app.get_json("/api/v3/config/host").await;
    assert_eq!(
        (
            &host["backupFolder"],
            &host["backupInterval"],
            &host["backupRetention"]
        ),
        (&json!("Backups"), &json!(7), &json!(28))
    );
    let login =
        json!({"username": "admin", "password": "secret1", "passwordConfirmation": "secret1"});
    let mut bad = login.clone();
    bad["backupInterval"] = json!(0);
    bad["backupRetention"] = json!(91);
    bad["backupFolder"] = json!("");
    let refused = app.put("/api/v3/config/host", &bad).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let failures: Value = refused.json().await.unwrap();
    let named: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["BackupFolder", "BackupInterval", "BackupRetention"]);
    assert_eq!(
        failures[1]["errorMessage"],
        "'Backup Interval' must be between 1 and 7. You entered 0."
    );
    assert_eq!(
        app.get_json("/api/v3/config/host").await["backupInterval"],
        7
    );

    let elsewhere = tempfile::tempdir().unwrap();
    let mut good = host.clone();
    for (key, value) in login.as_object().unwrap() {
        good[key] = value.clone();
    }
    good["backupFolder"] = json!(elsewhere.path().display().to_string());
    good["backupInterval"] = json!(3);
    good["backupRetention"] = json!(10);
    let saved = app.put("/api/v3/config/host", &good).await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
    let host = app.get_json("/api/v3/config/host").await;
    assert_eq!(host["backupInterval"], 3);
    assert_eq!(host["backupRetention"], 10);
    // A body without the backup settings leaves them as they are.
    assert_eq!(
        app.put(
            "/api/v3/config/host",
            &json!({"authenticationMethod": "forms"})
        )
        .await
        .status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        app.get_json("/api/v3/config/host").await["backupRetention"],
        10
    );

    let (_, backup) = back_up(&app).await;
    let name = backup["name"].as_str().unwrap();
    assert!(elsewhere.path().join("manual").join(name).is_file());
}

#[tokio::test]
async fn on_postgres_a_backup_leaves_the_database_out_and_a_database_restore_is_refused() {
    let app = spawn_app_on_postgres().await;
    let (command, backup) = back_up(&app).await;
    assert!(
        command["message"].as_str().unwrap().contains("PostgreSQL"),
        "{command}"
    );
    let file = app
        .data_path()
        .join("Backups/manual")
        .join(backup["name"].as_str().unwrap());
    let names: Vec<String> = entries(&file).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["config.toml"]);

    let with_database = zip_of(&[("unified-radarr.db", b"whatever"), ("config.toml", b"")]);
    let refused = upload(&app, "backup.zip", &with_database).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(message(refused).await.contains("PostgreSQL"));
    assert!(!staged(&app).exists());

    // A backup of config.toml alone restores.
    let restored = restore_saved(&app, &backup).await;
    assert_eq!(restored.status(), StatusCode::OK);
}
