//! Browser tests: the daily work of getting a movie. A user adds The Matrix
//! from a TMDB search, runs an interactive search and reads each release's
//! decision, grabs the approved one into the real qBittorrent that
//! `scripts/test.sh` starts, watches it in the queue, and removes it with
//! its release blocklisted; and the pages at phone width with TMDB failing.

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fantoccini::Locator;
use indexers::fake::{FakeRelease, FakeTorznab};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::first_run;
use crate::harness::Browser;
use crate::helpers::{TestApp, spawn_app_with_tmdb};

/// Bytes per piece of the fake .torrent (`downloaders::fake`).
const PIECE: usize = 16 * 1024;

/// The real qBittorrent from `UNIFIED_RADARR_TEST_QBITTORRENT`
/// (`http://user:password@host:port`), signed in.
struct Qbittorrent {
    http: reqwest::Client,
    base: String,
    host: String,
    port: u16,
    username: String,
    password: String,
}

impl Qbittorrent {
    async fn connect() -> Qbittorrent {
        let url = std::env::var("UNIFIED_RADARR_TEST_QBITTORRENT").unwrap_or_else(|_| {
            panic!("UNIFIED_RADARR_TEST_QBITTORRENT is not set: run `scripts/test.sh` (it starts qBittorrent)")
        });
        let rest = url.trim_start_matches("http://").trim_end_matches('/');
        let (credentials, address) = rest.rsplit_once('@').expect("credentials in the URL");
        let (username, password) = credentials.split_once(':').expect("user:password");
        let (host, port) = address.rsplit_once(':').expect("a port");
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let base = format!("http://{address}/api/v2");
        http.post(format!("{base}/auth/login"))
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .unwrap();
        Qbittorrent {
            http,
            base,
            host: host.into(),
            port: port.parse().expect("a port number"),
            username: username.into(),
            password: password.into(),
        }
    }

    async fn get(&self, path: &str) -> Value {
        let answer = self.http.get(format!("{}{path}", self.base)).send().await;
        answer.unwrap().json().await.unwrap()
    }

    /// Where new torrents are saved.
    async fn save_path(&self) -> PathBuf {
        let preferences = self.get("/app/preferences").await;
        PathBuf::from(preferences["save_path"].as_str().expect("save_path"))
    }

    /// The torrent `hash`, if qBittorrent has it.
    async fn torrent(&self, hash: &str) -> Option<Value> {
        let list = self.get(&format!("/torrents/info?hashes={hash}")).await;
        list.as_array().and_then(|all| all.first().cloned())
    }

    /// Removes a category this test made, so runs leave none behind.
    async fn remove_category(&self, category: &str) {
        let answer = self
            .http
            .post(format!("{}/torrents/removeCategories", self.base))
            .form(&[("categories", category)])
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "{}", answer.status());
        let left = self.get("/torrents/categories").await;
        assert!(left.get(category).is_none(), "{category} removed: {left}");
    }

    /// The client's resource for `POST /api/v3/downloadclient`, with a
    /// category of its own: the queue lists every torrent of the category,
    /// and the qBittorrent is shared with other tests and earlier runs.
    fn resource(&self, category: &str) -> Value {
        json!({
            "name": "qBittorrent", "implementation": "QBittorrent",
            "configContract": "QBittorrentSettings", "enable": true, "tags": [],
            "fields": [{"name": "host", "value": self.host}, {"name": "port", "value": self.port},
                       {"name": "username", "value": self.username}, {"name": "password", "value": self.password},
                       {"name": "movieCategory", "value": category}]
        })
    }
}

/// Bytes no other test's torrent holds, so the torrent's hash is this
/// run's own in the shared qBittorrent.
fn unique_bytes(len: usize) -> Vec<u8> {
    let mut state = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        ^ u64::from(std::process::id());
    (0..len)
        .map(|_| {
            // xorshift: enough to make every piece differ.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// A file this test put in qBittorrent's folder, removed however the test
/// ends (qBittorrent deletes it too when the download is removed).
struct Removed(PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A release of The Matrix as the fake indexer lists it.
fn matrix(title: &str) -> FakeRelease {
    let mut release = FakeRelease::new(title);
    release.tmdb_id = 603;
    release.imdb_digits = "0133093".into();
    release
}

/// Saves a screenshot of the page as it is now, beside `finish`'s.
async fn snapshot(browser: &Browser, name: &str) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    let png = browser.client.screenshot().await.unwrap();
    std::fs::write(folder.join(format!("{name}.png")), png).unwrap();
}

/// Follows the main menu's link to `path`, unfolding the menu first at
/// phone width.
async fn go(browser: &Browser, path: &str) {
    let toggle = browser.element(".menu-toggle").await;
    if toggle.is_displayed().await.unwrap() {
        toggle.click().await.unwrap();
    }
    browser.click(&format!("nav a[href$='{path}']")).await;
}

/// Waits until `check` holds, up to 30 seconds, polling every 200 ms.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..150 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{what} did not happen within 30 seconds");
}

/// The one download in the queue, as the API gives it.
async fn queued(app: &TestApp) -> Value {
    let queue = app.get_json("/api/v3/queue").await;
    queue["records"][0].clone()
}

#[tokio::test]
async fn a_user_adds_a_movie_searches_grabs_a_release_and_removes_it_from_the_queue() {
    let qbittorrent = Qbittorrent::connect().await;
    let run = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let (app, tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let category = format!("radarr-browser-{run}");
    let added = app
        .post("/api/v3/downloadclient", &qbittorrent.resource(&category))
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);

    // The approved release is a real .torrent whose data is half in
    // qBittorrent's folder: it checks the pieces, finds half, and waits for
    // peers that never come, so the queue shows it part done.
    let data = unique_bytes(32 * PIECE);
    let file_name = format!("The.Matrix.1999.1080p.BluRay.x264-UI.{run}.mkv");
    let torrent = downloaders::fake::single_file_torrent(&file_name, &data);
    let hash = downloaders::torrent_hash::of_torrent(&torrent).unwrap();
    let on_disk = Removed(qbittorrent.save_path().await.join(&file_name));
    let mut half = data[..16 * PIECE].to_vec();
    half.resize(data.len(), 0);
    std::fs::write(&on_disk.0, &half).unwrap();

    let indexer = FakeTorznab::start().await;
    indexer.without_fixture();
    let mut wanted = matrix("The.Matrix.1999.1080p.BluRay.x264-UI");
    wanted.size = data.len() as i64;
    wanted.payload = Some(torrent);
    indexer.publish(wanted.clone());
    indexer.publish(matrix("The.Matrix.1999.720p.HDTV.x264-LOW"));
    let mut unseeded = matrix("The.Matrix.1999.1080p.WEB-DL.x264-NOSEED");
    unseeded.seeders = 0;
    unseeded.peers = 0;
    indexer.publish(unseeded);
    let response = app
        .post(
            "/api/v3/indexer",
            &json!({
                "name": "Fake Torznab", "implementation": "Torznab", "configContract": "TorznabSettings",
                "enableRss": true, "enableAutomaticSearch": true, "enableInteractiveSearch": true,
                "priority": 25, "tags": [],
                "fields": [{"name": "baseUrl", "value": indexer.base_url}, {"name": "apiPath", "value": "/api"},
                           {"name": "apiKey", "value": indexers::fake::API_KEY},
                           {"name": "categories", "value": [2000, 2040]}, {"name": "minimumSeeders", "value": 1}]
            }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let profiles = app.get_json("/api/v3/qualityprofile").await;
    let hd = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "HD-1080p")
        .expect("Radarr's HD-1080p profile")
        .clone();

    let browser = Browser::start(1280).await;
    first_run(&browser, &app).await;

    // Add: search TMDB, pick The Matrix, choose where and how.
    go(&browser, "/add/new").await;
    browser.fill("form.lookup input[name=term]", "Matrix").await;
    // The result's poster comes through the server, which fetches it from
    // TMDB's image host (here the fake).
    let src = browser
        .element("li.result img")
        .await
        .attr("src")
        .await
        .unwrap()
        .unwrap();
    assert!(src.contains("/MediaCoverProxy/"), "{src}");
    eventually("the poster fetched through the proxy", || async {
        tmdb.seen()
            .iter()
            .any(|s| s.path == "/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg")
    })
    .await;
    browser.click("button[data-tmdb-id='603']").await;
    let form = browser.element("form.add").await;
    form.find(Locator::Css("select[name=rootFolderPath]"))
        .await
        .unwrap()
        .select_by_value(&app.root_path())
        .await
        .unwrap();
    form.find(Locator::Css("select[name=qualityProfileId]"))
        .await
        .unwrap()
        .select_by_label("HD-1080p")
        .await
        .unwrap();
    snapshot(&browser, "acquisition_add").await;
    browser.click("form.add button[type=submit]").await;
    browser.sees("The Matrix added").await;
    let movies = app.get_json("/api/v3/movie").await;
    let movie = movies[0].clone();
    assert_eq!(movies.as_array().unwrap().len(), 1);
    assert_eq!(movie["tmdbId"], 603);
    assert_eq!(movie["qualityProfileId"], hd["id"]);
    assert_eq!(movie["rootFolderPath"], app.root_path());
    assert_eq!(movie["monitored"], true);
    app.idle().await;

    // The movie page, and an interactive search on it.
    browser.click("li.result a[href*='/movie/']").await;
    browser.sees("Interactive search").await;
    assert_eq!(browser.text("h1").await, movie["title"].as_str().unwrap());
    browser.click("button[name=interactive]").await;
    browser.element("table.release-list").await;
    let releases = app
        .get_json(&format!("/api/v3/release?movieId={}", movie["id"]))
        .await;
    let releases = releases.as_array().unwrap();
    let approved = releases.iter().filter(|r| r["approved"] == true).count();
    assert!(
        approved >= 1 && approved < releases.len(),
        "approved and rejected: {releases:?}"
    );
    browser
        .sees(&format!("{} releases, {approved} approved", releases.len()))
        .await;
    let rows = browser
        .client
        .find_all(Locator::Css("tr.release"))
        .await
        .unwrap();
    assert_eq!(rows.len(), releases.len());
    let mut grab = None;
    for release in releases {
        let title = release["title"].as_str().unwrap();
        let mut found = None;
        for row in &rows {
            let text = row.text().await.unwrap();
            if text.contains(&format!("{title}\n")) || text.contains(&format!("{title} ")) {
                found = Some((row.clone(), text));
            }
        }
        let (row, text) = found.unwrap_or_else(|| panic!("no row for {title}"));
        let decision = if release["approved"] == true {
            "Approved"
        } else {
            "Rejected"
        };
        assert!(text.starts_with(decision), "{title}: {text}");
        for reason in release["rejections"].as_array().unwrap() {
            assert!(
                text.contains(reason.as_str().unwrap()),
                "{reason} in {text}"
            );
        }
        let score = release["customFormatScore"].to_string();
        let cells = row.find_all(Locator::Css("td")).await.unwrap();
        assert_eq!(
            cells[7].text().await.unwrap().lines().next(),
            Some(score.as_str())
        );
        if release["title"] == wanted.title.as_str() {
            assert_eq!(decision, "Approved");
            grab = Some(row);
        }
    }
    snapshot(&browser, "acquisition_search").await;
    let row = grab.expect("the approved release listed");
    row.find(Locator::Css("button[name=grab]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.sees("Grabbed").await;
    browser.sees("grabbed").await; // in the history below
    let history = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=grabbed",
            movie["id"]
        ))
        .await;
    assert_eq!(history[0]["downloadId"], hash.as_str(), "{history}");
    assert_eq!(history[0]["sourceTitle"], wanted.title.as_str());

    // qBittorrent checks what it holds and stalls at half.
    eventually("qBittorrent finding half the data", || async {
        qbittorrent
            .torrent(&hash)
            .await
            .is_some_and(|t| t["progress"].as_f64() == Some(0.5) && t["state"] == "stalledDL")
    })
    .await;

    // The queue asks the clients for news as it opens.
    go(&browser, "/activity/queue").await;
    browser.element("tr.download progress").await;
    eventually("the queue showing the stalled download", || async {
        queued(&app).await["status"] == "warning"
            && browser.text("tr.download").await.contains("warning")
    })
    .await;
    let download = queued(&app).await;
    let size = download["size"].as_f64().unwrap();
    let left = download["sizeleft"].as_f64().unwrap();
    let shown: f64 = browser
        .element("tr.download progress")
        .await
        .attr("value")
        .await
        .unwrap()
        .expect("a value")
        .parse()
        .unwrap();
    assert!(
        (shown - 100.0 * (size - left) / size).abs() < 0.1,
        "{shown}% of {download}"
    );
    let text = browser.text("tr.download").await;
    assert!(text.contains(wanted.title.as_str()), "{text}");
    assert!(text.contains(movie["title"].as_str().unwrap()), "{text}");
    for message in download["statusMessages"][0]["messages"]
        .as_array()
        .unwrap()
    {
        assert!(
            text.contains(message.as_str().unwrap()),
            "{message} in {text}"
        );
    }
    snapshot(&browser, "acquisition_queue").await;

    // Removed from qBittorrent, with the release blocklisted.
    browser.click("tr.download button[name=remove]").await;
    browser.click("tr.removal input[name=blocklist]").await;
    browser.click("tr.removal button[type=submit]").await;
    browser.sees("Nothing is downloading.").await;
    assert_eq!(app.get_json("/api/v3/queue").await["totalRecords"], 0);
    let blocklist = app.get_json("/api/v3/blocklist").await;
    assert_eq!(
        blocklist["records"][0]["sourceTitle"],
        wanted.title.as_str(),
        "{blocklist}"
    );
    assert!(
        qbittorrent.torrent(&hash).await.is_none(),
        "removed from qBittorrent"
    );
    qbittorrent.remove_category(&category).await;
    browser.finish("acquisition").await;
}

#[tokio::test]
async fn at_phone_width_a_failing_tmdb_is_explained_and_a_movie_is_edited_and_refreshed() {
    let (app, tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let mut browser = Browser::start(390).await;
    // The lookup's 503 is the failure this test provokes.
    browser.expect_logged(
        "/api/v3/movie/lookup?term=Matrix - Failed to load resource: the server responded with a status of 503",
    );
    first_run(&browser, &app).await;
    tmdb.trouble(std::iter::repeat_n(
        tmdb::fake::Trouble::ServerError,
        tmdb::TRIES as usize,
    ));
    go(&browser, "/add/new").await;
    browser.fill("form.lookup input[name=term]", "Matrix").await;
    browser.sees("TMDB is unreachable").await;
    let status = browser.element(".status").await;
    assert_eq!(
        status.attr("class").await.unwrap().as_deref(),
        Some("status error")
    );
    assert!(
        browser
            .client
            .find_all(Locator::Css("li.result"))
            .await
            .unwrap()
            .is_empty()
    );
    snapshot(&browser, "acquisition_add_tmdb_down_phone").await;

    // The movie page: its poster lazily from /MediaCover, and an edit saved.
    browser
        .client
        .goto(&format!(
            "{}/movie/{}",
            app.address,
            movie["titleSlug"].as_str().unwrap()
        ))
        .await
        .unwrap();
    browser.sees("No file yet.").await;
    let poster = browser.element(".movie-head img.cover").await;
    let src = poster.attr("src").await.unwrap().unwrap();
    assert!(
        src.contains(&format!("/MediaCover/{}/poster", movie["id"])),
        "{src}"
    );
    assert_eq!(
        poster.attr("loading").await.unwrap().as_deref(),
        Some("lazy")
    );
    browser.click("button[name=edit]").await;
    browser
        .element("select[name=minimumAvailability]")
        .await
        .select_by_value("inCinemas")
        .await
        .unwrap();
    browser.click("form.edit button[type=submit]").await;
    browser.sees("Minimum: inCinemas").await;
    let saved = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(saved["minimumAvailability"], "inCinemas");

    // A file put in the movie's folder is found by Refresh, and shown with
    // the media info ffprobe reads, as the server tells the page.
    let folder = PathBuf::from(movie["path"].as_str().unwrap());
    std::fs::create_dir_all(&folder).unwrap();
    small_video(&folder.join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv")).await;
    browser.click("button[name=refresh]").await;
    browser.sees("Refresh started").await;
    browser.element(".files table").await;
    let files = format!("/api/v3/moviefile?movieId={}", movie["id"]);
    eventually("the media info read", || async {
        app.get_json(&files).await[0]["mediaInfo"].is_object()
    })
    .await;
    let file = app.get_json(&files).await[0].clone();
    // The page redraws as the server tells it of the file: wait for it.
    browser.sees(file["relativePath"].as_str().unwrap()).await;
    let media = &file["mediaInfo"];
    for field in ["resolution", "videoCodec", "runTime"] {
        browser.sees(media[field].as_str().unwrap()).await;
    }
    browser.sees("Downloaded").await;
    browser.finish("acquisition_movie_phone").await;
}

/// A two-second test video, made by ffmpeg (`scripts/test.sh` installs it).
async fn small_video(path: &std::path::Path) {
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
        .args(["-c:v", "mpeg4"])
        .arg(path)
        .status()
        .await
        .expect("ffmpeg");
    assert!(status.success(), "ffmpeg failed");
}
