//! A kill at any step of an import, then a restart: the real binary dies at
//! each step in turn (`UNIFIED_RADARR_CRASH_AT`, which aborts the process
//! there as a kill would), is started again on the same data folder, and
//! the next round finishes the import: the new file recorded once, the
//! replaced file gone, the download's own file untouched, nothing left
//! half-placed.

use std::path::Path;
use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::helpers::file_names;
use crate::process::Running;

const KEY: &str = "0123456789abcdef0123456789abcdef";
const RELEASE: &str = "The.Matrix.1999.1080p.BluRay.x264-GRP";

/// Talks to a server process with the API key.
struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    fn of(server: &Running) -> Api {
        Api {
            client: reqwest::Client::new(),
            base: server.base_url(),
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<&Value>) -> Value {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("X-Api-Key", KEY);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }

    async fn get(&self, path: &str) -> Value {
        self.send(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: &Value) -> Value {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    /// Runs a command and waits for its end.
    async fn run(&self, name: &str) -> Value {
        let command = self.post("/api/v3/command", &json!({"name": name})).await;
        for _ in 0..200 {
            let now = self
                .get(&format!("/api/v3/command/{}", command["id"]))
                .await;
            if now["status"] == "completed" || now["status"] == "failed" {
                return now;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{name} did not finish");
    }
}

/// A library with The Matrix holding a 720p file, and a finished 1080p
/// download in a read-only blackhole's watch folder; the movie's folder.
async fn library(api: &Api, root: &Path, watch: &Path) -> (i64, std::path::PathBuf) {
    api.post("/api/v3/rootfolder", &json!({"path": root})).await;
    let movie = api
        .post(
            "/api/v3/movie",
            &json!({"tmdbId": 603, "title": "The Matrix", "year": 1999, "qualityProfileId": 1,
                    "rootFolderPath": root, "monitored": true,
                    "addOptions": {"searchForMovie": false}}),
        )
        .await;
    let id = movie["id"].as_i64().unwrap();
    let folder = Path::new(movie["path"].as_str().unwrap()).to_path_buf();
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("The.Matrix.1999.720p.BluRay.x264-OLD.mkv"),
        vec![1u8; 700],
    )
    .unwrap();
    api.post(
        "/api/v3/command",
        &json!({"name": "RescanMovie", "movieId": id}),
    )
    .await;
    for _ in 0..100 {
        if api.get(&format!("/api/v3/movie/{id}")).await["hasFile"] == true {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    api.post(
        "/api/v3/downloadclient",
        &json!({"name": "Watched", "implementation": "TorrentBlackhole",
                "configContract": "TorrentBlackholeSettings", "enable": true,
                "fields": [{"name": "torrentFolder", "value": watch},
                           {"name": "watchFolder", "value": watch}]}),
    )
    .await;
    let file = watch.join(format!("{RELEASE}.mkv"));
    std::fs::write(&file, vec![9u8; 5000]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
    (id, folder)
}

#[tokio::test]
async fn a_kill_at_any_step_of_an_import_loses_nothing_after_a_restart() {
    for step in [
        "import:journaled",
        "import:temporary",
        "import:placed",
        "import:recorded",
    ] {
        let (data, root, watch) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        let env = [("UNIFIED_RADARR_CRASH_AT", step)];
        let mut doomed = Running::start_with(data.path(), &env, &["--api-key", KEY]);
        doomed.wait_until_listening();
        let api = Api::of(&doomed);
        let (id, folder) = library(&api, root.path(), watch.path()).await;
        let _ = api
            .client
            .post(format!("{}/api/v3/command", api.base))
            .header("X-Api-Key", KEY)
            .json(&json!({"name": "RefreshMonitoredDownloads"}))
            .send()
            .await;
        let (clean, printed) = doomed.finish();
        assert!(!clean, "{step}: killed");
        assert!(
            printed.iter().any(|l| l.contains("stopping at once")),
            "{step}: died at the step: {printed:?}"
        );

        let mut again = Running::start_with(data.path(), &[], &["--api-key", KEY]);
        again.wait_until_listening();
        let api = Api::of(&again);
        let done = api.run("RefreshMonitoredDownloads").await;
        assert_eq!(done["status"], "completed", "{step}: {done}");
        let movie = api.get(&format!("/api/v3/movie/{id}")).await;
        assert_eq!(
            movie["movieFile"]["relativePath"],
            format!("{RELEASE}.mkv"),
            "{step}: {movie}"
        );
        assert_eq!(
            file_names(&folder),
            [format!("{RELEASE}.mkv")],
            "{step}: the new file once, the old one gone, nothing half-placed"
        );
        assert_eq!(
            std::fs::read(folder.join(format!("{RELEASE}.mkv"))).unwrap(),
            vec![9u8; 5000]
        );
        assert_eq!(
            file_names(watch.path()),
            [format!("{RELEASE}.mkv")],
            "{step}: the download's file stays for the client"
        );
        let history = api
            .get(&format!("/api/v3/history/movie?movieId={id}"))
            .await;
        let count = |kind: &str| {
            history
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["eventType"] == kind)
                .count()
        };
        assert_eq!(count("downloadFolderImported"), 1, "{step}: {history}");
        assert_eq!(count("movieFileDeleted"), 1, "{step}: {history}");
        let (clean, printed) = again.stop();
        assert!(clean, "{step}: {printed:?}");
    }
}
