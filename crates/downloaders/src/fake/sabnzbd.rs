//! A fake SABnzbd on loopback (SABnzbd is not packaged in Debian), answering
//! `/api` (and `/sabnzbd/api`) as SABnzbd's API documentation says:
//! `version`, `get_cats`, `get_config`, `addfile`, `queue` and `history`
//! (listing, filtered, and `name=delete`). It checks the API key and answers
//! key errors with HTTP 200, as SABnzbd does; it records every request; and
//! a test moves a job on: its status, its progress, or into the history as
//! completed or failed.

mod handler;
mod multipart;
mod state;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::routing::any;
use serde_json::Value;

pub use state::FakeSabnzbdJob;
use state::{Category, Inner};

type Shared = Arc<Mutex<Inner>>;

/// A running fake SABnzbd.
#[derive(Clone)]
pub struct FakeSabnzbd {
    /// Its address, `http://127.0.0.1:PORT`; the API is at `/api`, or at
    /// `/sabnzbd/api` for a URL base of `/sabnzbd`.
    pub base_url: String,
    /// Its port on 127.0.0.1.
    pub port: u16,
    inner: Shared,
}

impl FakeSabnzbd {
    /// The API key it takes.
    pub const API_KEY: &'static str = "fake-sabnzbd-api-key";

    /// Starts one on a free loopback port, with the categories `*`,
    /// `movies` and `tv`, version 4.3.2, not paused.
    pub async fn start() -> FakeSabnzbd {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake SABnzbd");
        let address = listener.local_addr().expect("the fake's address");
        // Ids differ between fakes, so a test cannot pass on another's.
        let seed = u64::from(address.port()).wrapping_mul(0x2545_F491_4F6C_DD1D);
        let inner = Arc::new(Mutex::new(Inner::new(Self::API_KEY, seed)));
        let app = Router::new()
            .route("/api", any(handler::api))
            .route("/sabnzbd/api", any(handler::api))
            .with_state(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeSabnzbd {
            base_url: format!("http://{address}"),
            port: address.port(),
            inner,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }

    /// Every request's parameters (query and form fields), in order.
    pub fn requests(&self) -> Vec<Vec<(String, String)>> {
        self.lock().requests.clone()
    }

    /// The requests with `mode` = `mode`.
    pub fn requests_of(&self, mode: &str) -> Vec<Vec<(String, String)>> {
        self.requests()
            .into_iter()
            .filter(|r| param(r, "mode") == Some(mode))
            .collect()
    }

    /// A job, queued or in the history.
    pub fn job(&self, nzo_id: &str) -> Option<FakeSabnzbdJob> {
        let inner = self.lock();
        inner
            .queue
            .iter()
            .chain(&inner.history)
            .find(|j| j.nzo_id == nzo_id)
            .cloned()
    }

    /// Sets the version it reports (`develop`, `0.6.0`, …).
    pub fn set_version(&self, version: &str) {
        self.lock().version = version.to_string();
    }

    /// Pauses or resumes the whole queue.
    pub fn set_paused(&self, paused: bool) {
        self.lock().paused = paused;
    }

    /// Adds a category, or changes its folder (a trailing `*`: no job
    /// folders).
    pub fn set_category(&self, name: &str, dir: &str) {
        let mut inner = self.lock();
        inner.categories.retain(|c| c.name != name);
        inner.categories.push(Category {
            name: name.into(),
            dir: dir.into(),
        });
    }

    /// Sets a `misc` setting, e.g. `enable_movie_sorting` to `1`.
    pub fn set_misc(&self, key: &str, value: Value) {
        self.lock().misc.insert(key.to_string(), value);
    }

    /// Sets a queued job's status (`Downloading`, `Fetching`, …); false
    /// when no such job is queued.
    pub fn set_status(&self, nzo_id: &str, status: &str) -> bool {
        self.update(nzo_id, |job| job.status = status.to_string())
    }

    /// Sets how much of a queued job is left, and the time left
    /// (`H:MM:SS`).
    pub fn set_progress(&self, nzo_id: &str, bytes_left: u64, time_left: &str) -> bool {
        self.update(nzo_id, |job| {
            job.bytes_left = bytes_left.min(job.bytes);
            job.time_left = time_left.to_string();
        })
    }

    /// Moves a queued job to the history as completed, its files at
    /// `storage`.
    pub fn complete(&self, nzo_id: &str, storage: &str) -> bool {
        self.finish(nzo_id, "Completed", storage, "")
    }

    /// Moves a queued job to the history as failed, saying why.
    pub fn fail(&self, nzo_id: &str, message: &str) -> bool {
        self.finish(nzo_id, "Failed", "", message)
    }

    /// Moves a queued job to the history still post-processing
    /// (`Verifying`, `Extracting`, `Moving`, …).
    pub fn post_process(&self, nzo_id: &str, status: &str) -> bool {
        self.finish(nzo_id, status, "", "")
    }

    fn update(&self, nzo_id: &str, change: impl FnOnce(&mut FakeSabnzbdJob)) -> bool {
        let mut inner = self.lock();
        let job = inner.queue.iter_mut().find(|j| j.nzo_id == nzo_id);
        job.map(change).is_some()
    }

    fn finish(&self, nzo_id: &str, status: &str, storage: &str, message: &str) -> bool {
        let mut inner = self.lock();
        let Some(at) = inner.queue.iter().position(|j| j.nzo_id == nzo_id) else {
            return false;
        };
        let mut job = inner.queue.remove(at);
        job.status = status.to_string();
        job.storage = storage.to_string();
        job.fail_message = message.to_string();
        job.bytes_left = 0;
        job.time_left = "0:00:00".into();
        // The newest first, as SABnzbd lists its history.
        inner.history.insert(0, job);
        true
    }
}

/// The value of `name` in a recorded request.
fn param<'a>(request: &'a [(String, String)], name: &str) -> Option<&'a str> {
    request
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(|e| e.into_inner())
}
