//! `/api/v3/queue` and `/api/v3/remotepathmapping`: downloads followed
//! through a blackhole's watch folder (the real clients have their own
//! tests in the downloaders crate), kept across a restart, and removed.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with_tmdb};

/// A finished file in the watch folder: old enough to count as settled.
fn finished(folder: &Path, name: &str, bytes: usize) {
    let path = folder.join(name);
    std::fs::write(&path, vec![0u8; bytes]).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
}

/// A finished download that is a folder of `files` (name and size).
fn finished_folder(folder: &Path, name: &str, files: &[(&str, usize)]) {
    let dir = folder.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, vec![0u8; *bytes]).unwrap();
    }
    let handle = std::fs::File::open(&dir).unwrap();
    handle
        .set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
}

/// Adds a `TorrentBlackhole` client watching `folder`.
pub(crate) async fn add_blackhole(app: &TestApp, folder: &str) {
    let response = app
        .post(
            "/api/v3/downloadclient",
            &json!({
                "name": "Watched",
                "implementation": "TorrentBlackhole",
                "configContract": "TorrentBlackholeSettings",
                "enable": true,
                "fields": [
                    {"name": "torrentFolder", "value": folder},
                    {"name": "watchFolder", "value": folder}
                ]
            }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn refresh(app: &TestApp) {
    let done = app
        .run_command(&json!({"name": "RefreshMonitoredDownloads"}))
        .await;
    assert_eq!(done["status"], "completed", "{done}");
}

#[tokio::test]
async fn finished_downloads_are_queued_for_their_movies_and_survive_a_restart() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let watch = tempfile::tempdir().unwrap();
    let folder = watch.path().to_str().unwrap().to_string();
    add_blackhole(&app, &folder).await;
    // Finished, but with nothing to import: it waits in the queue.
    finished_folder(
        watch.path(),
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        &[("the.matrix.nfo", 2048)],
    );
    finished(watch.path(), "Some.Home.Video.2011.720p.mkv", 1024);

    refresh(&app).await;
    let page = app.get_json("/api/v3/queue").await;
    assert_eq!(
        page["totalRecords"], 1,
        "unknown movies' downloads left out: {page}"
    );
    assert_eq!(
        (page["sortKey"].as_str(), page["pageSize"].as_i64()),
        (Some("timeleft"), Some(10))
    );
    let item = &page["records"][0];
    assert_eq!(item["movieId"], movie["id"]);
    assert_eq!(item["title"], "The.Matrix.1999.1080p.BluRay.x264-GRP");
    assert_eq!(item["status"], "completed");
    assert_eq!(item["trackedDownloadState"], "importBlocked");
    assert_eq!(item["trackedDownloadStatus"], "warning");
    assert!(
        item["statusMessages"][0]["messages"][0]
            .as_str()
            .unwrap()
            .starts_with("No files found are eligible for import"),
        "{item}"
    );
    assert_eq!(item["quality"]["quality"]["name"], "Bluray-1080p");
    assert_eq!(item["size"], 2048.0);
    assert_eq!(item["sizeleft"], 0.0);
    assert_eq!(item["protocol"], "torrent");
    assert_eq!(item["downloadClient"], "Watched");
    assert_eq!(
        item["outputPath"],
        watch
            .path()
            .join("The.Matrix.1999.1080p.BluRay.x264-GRP")
            .to_str()
            .unwrap()
    );
    assert!(item.get("movie").is_none(), "only when asked for");
    let with_movie = app.get_json("/api/v3/queue?includeMovie=true").await;
    assert_eq!(with_movie["records"][0]["movie"]["title"], "The Matrix");

    let everything = app
        .get_json(
            "/api/v3/queue?includeUnknownMovieItems=true&sortKey=title&sortDirection=ascending",
        )
        .await;
    let titles: Vec<&str> = everything["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Some.Home.Video.2011.720p",
            "The.Matrix.1999.1080p.BluRay.x264-GRP"
        ]
    );
    let unknown = &everything["records"][0];
    assert_eq!(unknown["trackedDownloadState"], "importBlocked");
    assert_eq!(unknown["trackedDownloadStatus"], "warning");
    assert!(unknown.get("movieId").is_none());
    assert!(
        unknown["statusMessages"][0]["messages"][0]
            .as_str()
            .unwrap()
            .contains("import it manually")
    );

    assert_eq!(
        app.get_json("/api/v3/queue/status").await,
        json!({"totalCount": 2, "count": 1, "unknownCount": 1, "errors": false,
               "warnings": true, "unknownErrors": false, "unknownWarnings": true})
    );
    let details = app
        .get_json(&format!("/api/v3/queue/details?movieId={}", movie["id"]))
        .await;
    assert_eq!(details.as_array().map(Vec::len), Some(1));

    // Kept in the database: the queue is the same after a restart, ids too.
    let id = item["id"].clone();
    let app = app.restart().await;
    let page = app.get_json("/api/v3/queue").await;
    assert_eq!(page["records"][0]["id"], id);

    // Left in the client but ignored: a refresh does not bring it back.
    let response = app
        .delete(&format!("/api/v3/queue/{id}?removeFromClient=false"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    refresh(&app).await;
    assert_eq!(app.get_json("/api/v3/queue").await["totalRecords"], 0);
    assert!(
        watch
            .path()
            .join("The.Matrix.1999.1080p.BluRay.x264-GRP")
            .exists()
    );

    // Removed from the client: its data goes with it.
    let unknown_id = unknown["id"].clone();
    let response = app
        .request(reqwest::Method::DELETE, "/api/v3/queue/bulk")
        .json(&json!({"ids": [unknown_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(!watch.path().join("Some.Home.Video.2011.720p.mkv").exists());
    assert_eq!(app.get_json("/api/v3/queue/status").await["totalCount"], 0);
    assert_eq!(
        app.delete(&format!("/api/v3/queue/{unknown_id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn remote_path_mappings_are_checked_kept_and_removed() {
    let app = spawn_app().await;
    let local = tempfile::tempdir().unwrap();
    let local_path = local.path().to_str().unwrap().to_string();

    let response = app
        .post(
            "/api/v3/remotepathmapping",
            &json!({"host": "", "remotePath": "", "localPath": "relative/path"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    let properties: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(properties, ["Host", "RemotePath", "LocalPath"]);

    let response = app
        .post(
            "/api/v3/remotepathmapping",
            &json!({"host": "nas", "remotePath": "/downloads", "localPath": local_path}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    assert_eq!(added["remotePath"], "/downloads/", "kept as a folder");
    assert_eq!(added["localPath"], format!("{local_path}/"));

    let response = app
        .post(
            "/api/v3/remotepathmapping",
            &json!({"host": "NAS", "remotePath": "/downloads/", "localPath": local_path}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("RemotePath already configured.")
    );

    let id = added["id"].as_i64().unwrap();
    let response = app
        .put(
            &format!("/api/v3/remotepathmapping/{id}"),
            &json!({"id": id, "host": "seedbox", "remotePath": "/home/u/files", "localPath": local_path}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(
        app.get_json(&format!("/api/v3/remotepathmapping/{id}"))
            .await["host"],
        "seedbox"
    );
    assert_eq!(
        app.get_json("/api/v3/remotepathmapping")
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        app.delete(&format!("/api/v3/remotepathmapping/{id}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v3/remotepathmapping/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_download_removed_as_failed_is_blocklisted_recorded_and_can_be_unblocked() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let watch = tempfile::tempdir().unwrap();
    add_blackhole(&app, watch.path().to_str().unwrap()).await;
    // Downloads with nothing to import, so they stay in the queue.
    finished_folder(
        watch.path(),
        "The.Matrix.1999.720p.WEB-DL.x264-BAD",
        &[("info.nfo", 512)],
    );
    finished_folder(
        watch.path(),
        "The.Matrix.1999.2160p.WEB-DL.x265-OTHER",
        &[("info.nfo", 512)],
    );
    refresh(&app).await;
    let page = app
        .get_json("/api/v3/queue?sortKey=title&sortDirection=ascending")
        .await;
    let ids: Vec<Value> = page["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids.len(), 2);

    let response = app
        .delete(&format!(
            "/api/v3/queue/{}?removeFromClient=true&blocklist=true&skipRedownload=true",
            ids[1]
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        !watch
            .path()
            .join("The.Matrix.1999.720p.WEB-DL.x264-BAD")
            .exists()
    );

    let blocklist = app.get_json("/api/v3/blocklist").await;
    assert_eq!(blocklist["totalRecords"], 1);
    assert_eq!(blocklist["sortKey"], "date");
    let entry = &blocklist["records"][0];
    assert_eq!(entry["movieId"], movie["id"]);
    assert_eq!(entry["sourceTitle"], "The.Matrix.1999.720p.WEB-DL.x264-BAD");
    assert_eq!(entry["quality"]["quality"]["name"], "WEBDL-720p");
    assert_eq!(entry["protocol"], "torrent");
    assert_eq!(entry["message"], "Manually marked as failed");
    let failed = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=downloadFailed",
            movie["id"]
        ))
        .await;
    assert_eq!(failed.as_array().map(Vec::len), Some(1), "{failed}");
    assert_eq!(failed[0]["data"]["message"], "Manually marked as failed");
    let commands = app.get_json("/api/v3/command").await;
    assert!(
        !commands
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "MoviesSearch"),
        "skipRedownload: no search"
    );

    // Blocklisted without skipRedownload: the movie is searched again.
    app.delete(&format!("/api/v3/queue/{}?blocklist=true", ids[0]))
        .await;
    let commands = app.get_json("/api/v3/command").await;
    assert!(
        commands
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "MoviesSearch" && c["body"]["movieIds"] == json!([movie["id"]])),
        "{commands}"
    );
    let of_movie = app
        .get_json(&format!("/api/v3/blocklist/movie?movieId={}", movie["id"]))
        .await;
    assert_eq!(of_movie.as_array().map(Vec::len), Some(2));

    let first = of_movie[0]["id"].clone();
    assert_eq!(
        app.delete(&format!("/api/v3/blocklist/{first}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.delete(&format!("/api/v3/blocklist/{first}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let response = app
        .post("/api/v3/command", &json!({"name": "ClearBlocklist"}))
        .await;
    let command: Value = response.json().await.unwrap();
    assert_eq!(
        app.finished_command(&command["id"]).await["status"],
        "completed"
    );
    assert_eq!(app.get_json("/api/v3/blocklist").await["totalRecords"], 0);
}

#[tokio::test]
async fn a_finished_download_is_imported_renamed_and_upgraded_without_losing_a_file() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let response = app
        .put(
            "/api/v3/config/naming",
            &json!({"renameMovies": true, "colonReplacementFormat": "smart",
                    "standardMovieFormat": "{Movie Title} ({Release Year}) {Quality Full}{-Release Group}",
                    "movieFolderFormat": "{Movie Title} ({Release Year})"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let watch = tempfile::tempdir().unwrap();
    add_blackhole(&app, watch.path().to_str().unwrap()).await;
    finished_folder(
        watch.path(),
        "The.Matrix.1999.720p.BluRay.x264-GRP",
        &[("the.matrix.720p.mkv", 3000), ("Sample/sample.mkv", 100)],
    );

    refresh(&app).await;
    let folder = Path::new(movie["path"].as_str().unwrap()).to_path_buf();
    let first = folder.join("The Matrix (1999) Bluray-720p-GRP.mkv");
    assert_eq!(std::fs::metadata(&first).unwrap().len(), 3000);
    let source = watch
        .path()
        .join("The.Matrix.1999.720p.BluRay.x264-GRP/the.matrix.720p.mkv");
    assert!(
        source.exists(),
        "read-only blackhole: the client keeps its copy"
    );
    assert_eq!(
        app.get_json("/api/v3/queue").await["totalRecords"],
        0,
        "imported"
    );
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(stored["hasFile"], true, "{stored}");
    assert_eq!(
        stored["movieFile"]["relativePath"],
        "The Matrix (1999) Bluray-720p-GRP.mkv"
    );
    assert_eq!(
        stored["movieFile"]["quality"]["quality"]["name"],
        "Bluray-720p"
    );
    assert_eq!(stored["movieFile"]["releaseGroup"], "GRP");
    let imported = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=downloadFolderImported",
            movie["id"]
        ))
        .await;
    assert_eq!(imported.as_array().map(Vec::len), Some(1));
    assert_eq!(imported[0]["data"]["importedPath"], first.to_str().unwrap());

    // Another round imports nothing twice.
    refresh(&app).await;
    let history = app
        .get_json(&format!("/api/v3/history/movie?movieId={}", movie["id"]))
        .await;
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");

    // A worse release is not imported over the better file.
    finished_folder(
        watch.path(),
        "The.Matrix.1999.480p.DVDRip.x264-LOW",
        &[("low.avi", 700)],
    );
    refresh(&app).await;
    let page = app.get_json("/api/v3/queue").await;
    assert_eq!(page["records"][0]["trackedDownloadState"], "importBlocked");
    assert_eq!(
        page["records"][0]["statusMessages"][0]["messages"][0],
        "Not an upgrade for existing movie file(s)"
    );

    // An upgrade replaces the file only once the new one is in place.
    finished_folder(
        watch.path(),
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        &[("the.matrix.1080p.mkv", 5000)],
    );
    refresh(&app).await;
    let upgraded = folder.join("The Matrix (1999) Bluray-1080p-GRP.mkv");
    assert_eq!(std::fs::metadata(&upgraded).unwrap().len(), 5000);
    assert!(!first.exists(), "the replaced file is gone");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["The Matrix (1999) Bluray-1080p-GRP.mkv"],
        "no temporary files left"
    );
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(
        stored["movieFile"]["quality"]["quality"]["name"],
        "Bluray-1080p"
    );
}

#[tokio::test]
async fn an_import_cut_short_is_finished_by_the_next_round() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let watch = tempfile::tempdir().unwrap();
    add_blackhole(&app, watch.path().to_str().unwrap()).await;
    // Still being written, so only followed: then, as if the process died
    // after placing the file and before recording it, the download is
    // Importing with its destination saved and the file is there.
    let source = watch
        .path()
        .join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv");
    std::fs::write(&source, vec![0u8; 4000]).unwrap();
    refresh(&app).await;
    let mut download = app.store.tracked_downloads().await.unwrap().remove(0);
    let folder = Path::new(movie["path"].as_str().unwrap()).to_path_buf();
    std::fs::create_dir_all(&folder).unwrap();
    let destination = folder.join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv");
    std::fs::write(&destination, vec![0u8; 4000]).unwrap();
    download.state = domain::download::TrackedDownloadState::Importing;
    download.import_path = Some(destination.to_string_lossy().into_owned());
    app.store.update_tracked_download(&download).await.unwrap();
    finished(
        watch.path(),
        "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
        4000,
    );

    refresh(&app).await;
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(
        stored["movieFile"]["relativePath"],
        "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"
    );
    assert_eq!(
        app.store.tracked_downloads().await.unwrap()[0].state,
        domain::download::TrackedDownloadState::Imported
    );
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "not placed twice: {names:?}");
}

#[tokio::test]
async fn an_imported_file_is_read_and_deleted_through_moviefile() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let watch = tempfile::tempdir().unwrap();
    add_blackhole(&app, watch.path().to_str().unwrap()).await;
    finished(
        watch.path(),
        "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
        1500,
    );
    refresh(&app).await;

    let files = app
        .get_json(&format!("/api/v3/moviefile?movieId={}", movie["id"]))
        .await;
    assert_eq!(files.as_array().map(Vec::len), Some(1), "{files}");
    let file = &files[0];
    assert_eq!(file["movieId"], movie["id"]);
    assert_eq!(file["size"], 1500);
    assert_eq!(file["sceneName"], "The.Matrix.1999.1080p.BluRay.x264-GRP");
    let id = file["id"].as_i64().unwrap();
    let path = PathBuf::from(file["path"].as_str().unwrap());
    assert!(path.is_file());
    assert_eq!(
        app.get_json(&format!("/api/v3/moviefile/{id}")).await["id"],
        id
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/moviefile?movieFileIds={id}"))
            .await[0]["id"],
        id
    );

    assert_eq!(
        app.delete(&format!("/api/v3/moviefile/{id}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert!(!path.exists());
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{}", movie["id"]))
            .await["hasFile"],
        false
    );
    assert_eq!(
        app.get(&format!("/api/v3/moviefile/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let deleted = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=movieFileDeleted",
            movie["id"]
        ))
        .await;
    assert_eq!(deleted[0]["data"]["reason"], "Manual");
}

#[tokio::test]
async fn a_client_that_does_not_answer_is_shown_in_health_until_it_does() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v3/downloadclient?forceSave=true",
            &json!({
                "name": "Gone", "implementation": "QBittorrent",
                "configContract": "QBittorrentSettings", "enable": true, "tags": [],
                "fields": [{"name": "host", "value": "127.0.0.1"}, {"name": "port", "value": 1}]
            }),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let client: Value = response.json().await.unwrap();
    refresh(&app).await;
    let health = app.get_json("/api/v3/health").await;
    let check = health
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"] == "DownloadClientCheck")
        .unwrap_or_else(|| panic!("{health}"));
    assert_eq!(check["type"], "error");
    assert!(
        check["message"]
            .as_str()
            .unwrap()
            .starts_with("Unable to communicate with Gone."),
        "{check}"
    );

    // Switched off, it is no longer checked.
    let mut disabled = client.clone();
    disabled["enable"] = json!(false);
    let response = app
        .put(
            &format!("/api/v3/downloadclient/{}?forceSave=true", client["id"]),
            &disabled,
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    refresh(&app).await;
    let health = app.get_json("/api/v3/health").await;
    assert!(
        !health.to_string().contains("Unable to communicate"),
        "{health}"
    );
}
