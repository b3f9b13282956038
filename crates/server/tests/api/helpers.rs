//! `spawn_app`: the real server on port 0 with a fresh data folder, and typed
//! request helpers.

use std::path::PathBuf;

use reqwest::{Method, Response, StatusCode};
use serde_json::Value;
use server::cli::ServeArgs;
use server::{DatabaseSettings, Settings};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running server.
pub struct TestApp {
    pub address: String,
    pub api_key: String,
    pub client: reqwest::Client,
    pub data_dir: tempfile::TempDir,
    /// An existing, writable folder to use as a root folder.
    pub root: tempfile::TempDir,
    pub settings: Settings,
    /// The store the server uses, for setting up what the API cannot create.
    pub store: std::sync::Arc<dyn store::Store>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), server::ServerError>>>,
}

/// Starts a server on SQLite.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts a server on a fresh PostgreSQL database.
pub async fn spawn_app_on_postgres() -> TestApp {
    let url = store_postgres::test_database::fresh_database().await;
    spawn_app_with(move |s| {
        let mut options = store_postgres::PostgresOptions::new(url);
        options.max_connections = 4;
        options.min_connections = 0;
        s.database = DatabaseSettings::Postgres(options);
    })
    .await
}

/// Starts a server whose TMDB is a fake (see `tmdb::fake`), with the fake.
pub async fn spawn_app_with_tmdb() -> (TestApp, tmdb::fake::FakeTmdb) {
    let fake = tmdb::fake::FakeTmdb::start().await;
    let app = spawn_app_using_tmdb(&fake.base_url, tmdb::fake::API_KEY).await;
    (app, fake)
}

/// Starts a server that asks the TMDB at `base_url` with `key`.
pub async fn spawn_app_using_tmdb(base_url: &str, key: &str) -> TestApp {
    let (base_url, key) = (base_url.to_string(), key.to_string());
    spawn_app_with(move |s| {
        s.tmdb.base_url = base_url;
        s.tmdb.credential = Some(tmdb::Credential::from_key(&key));
    })
    .await
}

/// Starts a server after `adjust` changed its settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("data dir");
    let args = ServeArgs {
        data_dir: Some(data_dir.path().to_path_buf()),
        log_level: Some("warn".into()),
        ..ServeArgs::default()
    };
    let mut settings = Settings::resolve(args).expect("settings");
    adjust(&mut settings);
    start(settings, data_dir).await
}

async fn start(settings: Settings, data_dir: tempfile::TempDir) -> TestApp {
    let prepared = server::prepare(&settings).await.expect("prepare");
    let api_key = prepared.api_key.0.clone();
    let store = prepared.state().store.clone();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    let (tx, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(server::serve(listener, prepared, async move {
        let _ = rx.await;
    }));
    TestApp {
        address: format!("http://127.0.0.1:{port}{}", settings.url_base),
        api_key,
        client: reqwest::Client::new(),
        data_dir,
        root: tempfile::tempdir().expect("root folder"),
        settings,
        store,
        shutdown: Some(tx),
        handle: Some(handle),
    }
}

impl TestApp {
    /// The root folder's path.
    pub fn root_path(&self) -> String {
        self.root.path().display().to_string()
    }

    /// A request to `path` (under the URL base) carrying the API key.
    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.address))
            .header("X-Api-Key", &self.api_key)
    }

    /// A request without the API key.
    pub async fn anonymous(&self, method: Method, path: &str) -> Response {
        self.client
            .request(method, format!("{}{path}", self.address))
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path)
            .send()
            .await
            .expect("request")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.request(Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn put(&self, path: &str, body: &Value) -> Response {
        self.request(Method::PUT, path)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.request(Method::DELETE, path)
            .send()
            .await
            .expect("request")
    }

    /// Sends raw bytes as a JSON body.
    pub async fn send_raw(&self, method: Method, path: &str, body: &'static str) -> Response {
        self.request(method, path)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// GET that must answer 200 with JSON.
    /// The value of one series of `/metrics`: its name with its labels as the
    /// exporter writes them, e.g. `radarr_tmdb_cache_hits_total{cache="details"}`.
    pub async fn metric(&self, series: &str) -> Option<f64> {
        let text = self.get("/metrics").await.text().await.unwrap();
        let prefix = format!("{series} ");
        text.lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .and_then(|v| v.trim().parse().ok())
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("json")
    }

    /// Adds the test root folder; returns its resource.
    pub async fn add_root_folder(&self) -> Value {
        let response = self
            .post(
                "/api/v3/rootfolder",
                &serde_json::json!({ "path": self.root_path() }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.expect("json")
    }

    /// Adds a movie the way a client does from a lookup result; returns it.
    pub async fn add_movie(&self, tmdb_id: i64, title: &str, year: i64) -> Value {
        let response = self
            .post(
                "/api/v3/movie",
                &movie_body(tmdb_id, title, year, &self.root_path()),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "{}",
            response.text().await.unwrap_or_default()
        );
        response.json().await.expect("json")
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) -> Result<(), server::ServerError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.handle.take() {
            Some(handle) => handle.await.expect("server task"),
            None => Ok(()),
        }
    }

    /// Stops the server and starts it again on the same data and settings,
    /// on a new port.
    pub async fn restart(mut self) -> TestApp {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("server task").expect("a clean stop");
        }
        let mut app = start(self.settings, self.data_dir).await;
        app.root = self.root;
        app
    }

    /// Posts a command and returns it once it has ended.
    pub async fn run_command(&self, body: &Value) -> Value {
        let response = self.post("/api/v3/command", body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let command: Value = response.json().await.expect("json");
        self.finished_command(&command["id"]).await
    }

    /// Polls a command until it has ended, and returns it.
    pub async fn finished_command(&self, id: &Value) -> Value {
        for _ in 0..200 {
            let command = self.get_json(&format!("/api/v3/command/{id}")).await;
            if !matches!(command["status"].as_str(), Some("queued" | "started")) {
                return command;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("command {id} did not end within 10 seconds");
    }

    /// Waits until no command is queued or running: for tests whose fake
    /// TMDB must not answer a command queued in passing (an added movie's
    /// collection is fetched by one).
    pub async fn idle(&self) {
        for _ in 0..200 {
            let commands = self.get_json("/api/v3/command").await;
            let busy = commands.as_array().is_some_and(|all| {
                all.iter()
                    .any(|c| matches!(c["status"].as_str(), Some("queued" | "started")))
            });
            if !busy {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("commands were still running after 10 seconds");
    }

    /// The data folder's path.
    pub fn data_path(&self) -> PathBuf {
        self.data_dir.path().to_path_buf()
    }
}

/// A POST /movie body as Overseerr sends it, from a lookup result.
pub fn movie_body(tmdb_id: i64, title: &str, year: i64, root: &str) -> Value {
    serde_json::json!({
        "title": title,
        "qualityProfileId": 1,
        "profileId": 1,
        "titleSlug": tmdb_id.to_string(),
        "minimumAvailability": "released",
        "tmdbId": tmdb_id,
        "year": year,
        "rootFolderPath": root,
        "monitored": true,
        "tags": [],
        "images": [{ "coverType": "poster", "url": "https://image.tmdb.org/t/p/original/p.jpg", "remoteUrl": "https://image.tmdb.org/t/p/original/p.jpg" }],
        "addOptions": { "searchForMovie": false },
        "inCinemas": "1999-03-31T00:00:00Z",
        "digitalRelease": "1999-09-21T00:00:00Z",
        "physicalRelease": "1999-09-21T00:00:00Z",
        "overview": "A hacker learns the truth.",
        "genres": ["Action"],
        "runtime": 136,
        "imdbId": "tt0133093",
        "ratings": { "imdb": { "votes": 100, "value": 8.7, "type": "user" } },
        "collection": { "title": "The Matrix Collection", "tmdbId": 2344 },
        "alternateTitles": [{ "title": "Matrix", "sourceType": "tmdb" }]
    })
}

/// The names in a folder, sorted; none when it does not exist.
pub fn file_names(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// An HDBits indexer's body for `POST /api/v3/indexer`, with the fake
/// HDBits' username, for the tracker at `base_url`.
pub fn hdbits_indexer(base_url: &str, passkey: &str) -> Value {
    serde_json::json!({
        "name": "HDBits", "implementation": "HDBits", "configContract": "HDBitsSettings",
        "enableRss": true, "enableAutomaticSearch": true, "enableInteractiveSearch": true,
        "priority": 25, "tags": [],
        "fields": [{"name": "username", "value": indexers::fake_hdbits::USERNAME},
                   {"name": "apiKey", "value": passkey},
                   {"name": "baseUrl", "value": base_url}, {"name": "categories", "value": [1]},
                   {"name": "minimumSeeders", "value": 1}]
    })
}
