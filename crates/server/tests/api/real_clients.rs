//! The whole way with the real torrent clients `scripts/test.sh` starts: a
//! fake Torznab lists a real .torrent made for a small real video, the
//! search grabs it into qBittorrent or Transmission, the client completes it
//! by checking the data the test placed where it looks, the queue follows
//! it, and the import puts the renamed file in the movie's folder.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indexers::fake::{FakeRelease, FakeTorznab};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app_with_tmdb};

/// The release, as the video's file name and the .torrent's name.
const RELEASE: &str = "The.Matrix.1999.1080p.BluRay.x264-GRP";

/// A client's address and credentials from `variable`
/// (`http://user:password@127.0.0.1:PORT`).
struct ClientUrl {
    host: String,
    port: u16,
    username: String,
    password: String,
}

fn client_url(variable: &str) -> ClientUrl {
    let url = std::env::var(variable).unwrap_or_else(|_| {
        panic!("{variable} is not set: run `scripts/test.sh` (it starts the real clients)")
    });
    let rest = url.trim_start_matches("http://");
    let (credentials, address) = rest.rsplit_once('@').expect("credentials in the URL");
    let (username, password) = credentials.split_once(':').expect("user:password");
    let (host, port) = address
        .trim_end_matches('/')
        .rsplit_once(':')
        .expect("a port");
    ClientUrl {
        host: host.into(),
        port: port.parse().expect("a port number"),
        username: username.into(),
        password: password.into(),
    }
}

/// A two-second video with sound, made by ffmpeg.
async fn small_video(folder: &Path) -> Vec<u8> {
    let path = folder.join("video.mkv");
    let status = tokio::process::Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=2:size=320x240:rate=24",
        ])
        .args([
            "-f",
            "lavfi",
            "-i",
            "sine=duration=2",
            "-c:v",
            "mpeg4",
            "-c:a",
            "aac",
            "-shortest",
        ])
        .arg(&path)
        .status()
        .await
        .expect("ffmpeg (scripts/test.sh installs it)");
    assert!(status.success(), "ffmpeg failed");
    std::fs::read(&path).expect("the video")
}

/// qBittorrent's folder for new torrents.
async fn qbittorrent_folder(url: &ClientUrl) -> PathBuf {
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let base = format!("http://{}:{}/api/v2", url.host, url.port);
    http.post(format!("{base}/auth/login"))
        .form(&[("username", &url.username), ("password", &url.password)])
        .send()
        .await
        .unwrap();
    let preferences: Value = http
        .get(format!("{base}/app/preferences"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    PathBuf::from(preferences["save_path"].as_str().expect("save_path"))
}

/// Transmission's download folder.
async fn transmission_folder(url: &ClientUrl) -> PathBuf {
    let http = reqwest::Client::new();
    let rpc = format!("http://{}:{}/transmission/rpc", url.host, url.port);
    let call = |session: String| {
        http.post(&rpc)
            .basic_auth(&url.username, Some(&url.password))
            .header("X-Transmission-Session-Id", session)
            .json(&json!({"method": "session-get"}))
            .send()
    };
    let first = call(String::new()).await.unwrap();
    let session = first
        .headers()
        .get("X-Transmission-Session-Id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let answer: Value = call(session).await.unwrap().json().await.unwrap();
    PathBuf::from(
        answer["arguments"]["download-dir"]
            .as_str()
            .expect("download-dir"),
    )
}

/// Runs the whole way with the client `implementation`, whose downloads land
/// in `folder` (where the test places the video first).
async fn grab_complete_and_import(
    implementation: &str,
    url: ClientUrl,
    category: &str,
    folder: PathBuf,
) {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let naming = app
        .put(
            "/api/v3/config/naming",
            &json!({"renameMovies": true,
            // A media info token: ffprobe reads the file before it is named.
            "standardMovieFormat": "{Movie Title} ({Release Year}) {Quality Full} {MediaInfo VideoCodec}",
            "movieFolderFormat": "{Movie Title} ({Release Year})"}),
        )
        .await;
    assert_eq!(naming.status(), StatusCode::ACCEPTED);

    let work = tempfile::tempdir().unwrap();
    let video = small_video(work.path()).await;
    let file_name = format!("{RELEASE}.mkv");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(&file_name), &video).unwrap();
    let torrent = downloaders::fake::single_file_torrent(&file_name, &video);
    let hash = downloaders::torrent_hash::of_torrent(&torrent).unwrap();

    let indexer = FakeTorznab::start().await;
    indexer.without_fixture();
    let mut release = FakeRelease::new(RELEASE);
    release.tmdb_id = 603;
    release.imdb_digits = "0133093".into();
    release.size = video.len() as i64;
    release.payload = Some(torrent);
    indexer.publish(release);
    add_indexer(&app, "Torznab", &indexer.base_url).await;
    add_client(&app, json!({
            "name": implementation, "implementation": implementation,
            "configContract": format!("{implementation}Settings"), "enable": true, "tags": [],
            "fields": [{"name": "host", "value": url.host}, {"name": "port", "value": url.port},
                       {"name": "username", "value": url.username}, {"name": "password", "value": url.password},
                       {"name": "movieCategory", "value": category}]
    }))
    .await;

    search(&app, &movie["id"]).await;
    let grabbed = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=grabbed",
            movie["id"]
        ))
        .await;
    assert_eq!(grabbed[0]["downloadId"], hash.as_str(), "{grabbed}");

    // The client checks the data, finds it whole, and seeds; the next
    // refresh follows it and imports it.
    let mut stored = Value::Null;
    for _ in 0..60 {
        refresh(&app).await;
        stored = app
            .get_json(&format!("/api/v3/movie/{}", movie["id"]))
            .await;
        // The media info is read just after the import.
        if stored["movieFile"]["mediaInfo"].is_object() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(stored["hasFile"], true, "imported within 30 s: {stored}");
    assert!(
        stored["movieFile"]["mediaInfo"].is_object(),
        "media info read within 30 s: {stored}"
    );
    let movie_folder = PathBuf::from(movie["path"].as_str().unwrap());
    let imported = movie_folder.join("The Matrix (1999) Bluray-1080p MPEG4.mkv");
    assert_eq!(
        stored["movieFile"]["relativePath"],
        "The Matrix (1999) Bluray-1080p MPEG4.mkv"
    );
    assert_eq!(std::fs::read(&imported).unwrap(), video);
    let media = &stored["movieFile"]["mediaInfo"];
    assert_eq!(media["videoCodec"], "MPEG4", "read by ffprobe: {media}");
    assert_eq!(media["audioCodec"], "AAC");
    assert_eq!(media["resolution"], "320x240");
    assert_eq!(media["runTime"], "0:00:02");
    let seeding = folder.join(&file_name);
    assert_eq!(
        std::fs::metadata(&imported).unwrap().ino(),
        std::fs::metadata(&seeding).unwrap().ino(),
        "hard-linked: the client keeps seeding its file"
    );
    let imported_event = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=downloadFolderImported",
            movie["id"]
        ))
        .await;
    assert_eq!(imported_event[0]["downloadId"], hash.as_str());
    assert_eq!(app.get_json("/api/v3/queue").await["totalRecords"], 0);

    // Removed from the client, with its data; the library's file stays.
    let tracked = app.store.tracked_downloads().await.unwrap();
    let id = tracked
        .iter()
        .find(|d| d.download_id == hash)
        .expect("tracked")
        .id;
    assert_eq!(
        app.delete(&format!("/api/v3/queue/{id}")).await.status(),
        StatusCode::OK
    );
    assert!(imported.exists());
    app_done(app).await;
}

/// Adds a fake indexer (`Newznab` or `Torznab`) as a user would.
async fn add_indexer(app: &TestApp, implementation: &str, base_url: &str) {
    let response = app
        .post(
            "/api/v3/indexer",
            &json!({
                "name": implementation, "implementation": implementation,
                "configContract": format!("{implementation}Settings"),
                "enableRss": true, "enableAutomaticSearch": true, "enableInteractiveSearch": true,
                "priority": 25, "tags": [],
                "fields": [{"name": "baseUrl", "value": base_url}, {"name": "apiPath", "value": "/api"},
                           {"name": "apiKey", "value": indexers::fake::API_KEY},
                           {"name": "categories", "value": [2000, 2040]}]
            }),
        )
        .await;
    let status = response.status();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap_or_default()
    );
}

/// Adds a download client; `body` is its resource.
async fn add_client(app: &TestApp, body: Value) {
    let response = app.post("/api/v3/downloadclient", &body).await;
    let status = response.status();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap_or_default()
    );
}

/// Runs `MoviesSearch` for the movie to its end.
async fn search(app: &TestApp, movie_id: &Value) {
    let response = app
        .post(
            "/api/v3/command",
            &json!({"name": "MoviesSearch", "movieIds": [movie_id]}),
        )
        .await;
    let command: Value = response.json().await.unwrap();
    let done = app.finished_command(&command["id"]).await;
    assert_eq!(done["status"], "completed", "{done}");
}

/// Runs `RefreshMonitoredDownloads` to its end.
async fn refresh(app: &TestApp) {
    let response = app
        .post(
            "/api/v3/command",
            &json!({"name": "RefreshMonitoredDownloads"}),
        )
        .await;
    let command: Value = response.json().await.unwrap();
    app.finished_command(&command["id"]).await;
}

async fn app_done(app: TestApp) {
    app.stop().await.expect("a clean stop");
}

#[tokio::test]
async fn qbittorrent_downloads_are_grabbed_followed_and_imported() {
    let url = client_url("UNIFIED_RADARR_TEST_QBITTORRENT");
    let folder = qbittorrent_folder(&url).await;
    grab_complete_and_import("QBittorrent", url, "radarr-whole-way", folder).await;
}

#[tokio::test]
async fn transmission_downloads_are_grabbed_followed_and_imported() {
    let url = client_url("UNIFIED_RADARR_TEST_TRANSMISSION");
    let folder = transmission_folder(&url).await.join("radarr-whole-way");
    grab_complete_and_import("Transmission", url, "radarr-whole-way", folder).await;
}

#[tokio::test]
async fn a_download_nzbget_fails_is_blocklisted_searched_again_and_not_grabbed_twice() {
    let url = client_url("UNIFIED_RADARR_TEST_NZBGET");
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;

    // An .nzb without a single article: NZBGet fails it as unreadable.
    let indexer = indexers::fake::FakeNewznab::start().await;
    indexer.without_fixture();
    let mut release = FakeRelease::new("The.Matrix.1999.1080p.BluRay.x264-NZBFAIL");
    release.tmdb_id = 603;
    release.imdb_digits = "0133093".into();
    release.payload = Some(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\"></nzb>\n".to_vec(),
    );
    indexer.publish(release);
    add_indexer(&app, "Newznab", &indexer.base_url).await;
    add_client(&app, json!({
            "name": "NZBGet", "implementation": "Nzbget", "configContract": "NzbgetSettings",
            "enable": true, "tags": [],
            "fields": [{"name": "host", "value": url.host}, {"name": "port", "value": url.port},
                       {"name": "username", "value": url.username}, {"name": "password", "value": url.password},
                       {"name": "movieCategory", "value": "radarr"}]
    }))
    .await;

    search(&app, &movie["id"]).await;
    let history_of = |kind: &'static str| {
        let app = &app;
        let id = movie["id"].clone();
        async move {
            app.get_json(&format!(
                "/api/v3/history/movie?movieId={id}&eventType={kind}"
            ))
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
        }
    };
    let grabs = history_of("grabbed").await;
    assert_eq!(grabs.len(), 1, "{grabs:?}");
    let download_id = grabs[0]["downloadId"].clone();

    let mut blocklist = Value::Null;
    for _ in 0..60 {
        refresh(&app).await;
        blocklist = app.get_json("/api/v3/blocklist").await;
        if blocklist["totalRecords"] == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(
        blocklist["totalRecords"], 1,
        "failed within 30 s: {blocklist}"
    );
    assert_eq!(
        blocklist["records"][0]["sourceTitle"],
        "The.Matrix.1999.1080p.BluRay.x264-NZBFAIL"
    );
    assert_eq!(blocklist["records"][0]["protocol"], "usenet");
    let failed = history_of("downloadFailed").await;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["downloadId"], download_id);

    // The search queued again finds only the blocklisted release: nothing
    // is grabbed twice.
    app.idle().await;
    let commands = app.get_json("/api/v3/command").await;
    let searches = commands
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "MoviesSearch")
        .count();
    assert_eq!(searches, 2, "the user's and the one after the failure");
    assert_eq!(history_of("grabbed").await.len(), 1);
    let releases = app
        .get_json(&format!("/api/v3/release?movieId={}", movie["id"]))
        .await;
    let rejections = releases[0]["rejections"].to_string();
    assert!(rejections.contains("blocklisted"), "{rejections}");
    app_done(app).await;
}

#[tokio::test]
async fn a_sabnzbd_download_is_queued_completed_and_moved_into_the_library() {
    use downloaders::fake::FakeSabnzbd;

    let sabnzbd = FakeSabnzbd::start().await;
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let indexer = indexers::fake::FakeNewznab::start().await;
    indexer.without_fixture();
    let mut release = FakeRelease::new("The.Matrix.1999.1080p.BluRay.x264-USENET");
    release.tmdb_id = 603;
    release.imdb_digits = "0133093".into();
    release.size = 6000;
    indexer.publish(release);
    add_indexer(&app, "Newznab", &indexer.base_url).await;
    add_client(&app, json!({
            "name": "SABnzbd", "implementation": "Sabnzbd", "configContract": "SabnzbdSettings",
            "enable": true, "tags": [],
            "fields": [{"name": "host", "value": "127.0.0.1"}, {"name": "port", "value": sabnzbd.port},
                       {"name": "apiKey", "value": FakeSabnzbd::API_KEY}, {"name": "movieCategory", "value": "movies"}]
    }))
    .await;

    search(&app, &movie["id"]).await;
    let grabbed = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=grabbed",
            movie["id"]
        ))
        .await;
    let nzo_id = grabbed[0]["downloadId"]
        .as_str()
        .expect("SABnzbd's id")
        .to_string();
    let job = sabnzbd.job(&nzo_id).expect("the job");
    assert_eq!(job.category, "movies");
    assert!(String::from_utf8_lossy(&job.nzb).contains("<nzb"));

    // Downloading: the queue shows its progress.
    assert!(sabnzbd.set_status(&nzo_id, "Downloading"));
    assert!(sabnzbd.set_progress(&nzo_id, 2000, "0:01:40"));
    refresh(&app).await;
    let queue = app.get_json("/api/v3/queue").await;
    let item = &queue["records"][0];
    assert_eq!(item["downloadId"], nzo_id.as_str());
    assert_eq!(item["protocol"], "usenet");
    assert_eq!(item["status"], "downloading");
    assert_eq!(item["timeleft"], "00:01:40");

    // Finished: SABnzbd's folder holds the movie; it is moved, not copied.
    let storage = tempfile::tempdir().unwrap();
    let job_folder = storage
        .path()
        .join("The.Matrix.1999.1080p.BluRay.x264-USENET");
    std::fs::create_dir_all(&job_folder).unwrap();
    std::fs::write(job_folder.join("abc123.mkv"), vec![7u8; 6000]).unwrap();
    assert!(sabnzbd.complete(&nzo_id, job_folder.to_str().unwrap()));
    refresh(&app).await;
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(stored["hasFile"], true, "{stored}");
    let imported = PathBuf::from(stored["movieFile"]["path"].as_str().unwrap());
    assert_eq!(std::fs::metadata(&imported).unwrap().len(), 6000);
    assert!(
        !job_folder.join("abc123.mkv").exists(),
        "moved out of SABnzbd's folder"
    );
    assert!(
        sabnzbd.job(&nzo_id).is_none(),
        "removed from SABnzbd once imported"
    );
    assert_eq!(app.get_json("/api/v3/queue").await["totalRecords"], 0);
    app_done(app).await;
}

#[tokio::test]
async fn a_real_client_is_tested_before_it_is_saved_and_its_failures_name_the_setting() {
    let url = client_url("UNIFIED_RADARR_TEST_QBITTORRENT");
    let app = crate::helpers::spawn_app().await;
    let body = |password: &str, port: u16| {
        json!({
            "name": "qBittorrent", "implementation": "QBittorrent",
            "configContract": "QBittorrentSettings", "enable": true, "tags": [],
            "fields": [{"name": "host", "value": url.host}, {"name": "port", "value": port},
                       {"name": "username", "value": url.username}, {"name": "password", "value": password},
                       {"name": "movieCategory", "value": "radarr-tested"}]
        })
    };
    let failures_of = |response: reqwest::Response| async move {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let failures: Value = response.json().await.unwrap();
        failures[0]["propertyName"].as_str().unwrap().to_string()
    };
    let wrong = app
        .post("/api/v3/downloadclient/test", &body("wrong", url.port))
        .await;
    assert_eq!(failures_of(wrong).await, "Username");
    let closed = app
        .post("/api/v3/downloadclient/test", &body(&url.password, 1))
        .await;
    assert_eq!(failures_of(closed).await, "Host");
    let saved = app
        .post("/api/v3/downloadclient", &body(&url.password, url.port))
        .await;
    assert_eq!(
        saved.status(),
        StatusCode::CREATED,
        "{}",
        saved.text().await.unwrap_or_default()
    );
    let saved: Value = app.get_json("/api/v3/downloadclient").await;
    let password = saved[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "password")
        .map(|f| f["value"].clone());
    assert_eq!(
        password,
        Some(json!("********")),
        "the password reads back masked"
    );
    app_done(app).await;
}
