//! A fake HDBits API on loopback, answering `POST /api/torrents` as HDBits
//! documents it: the username and passkey checked (status 4 when missing,
//! 5 when wrong), the query's categories, codecs, mediums and IMDb id
//! applied, newest first, paged by `limit` (30 unless given, at most 100)
//! and `page` (from 0); a body that is not its JSON is status 3. It counts
//! the requests and misbehaves on demand. [`catalogue`] makes a tracker's
//! worth of releases for it. For tests only (feature `fake`).

pub mod catalogue;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use crate::hdbits::wire::{TorrentQuery, status};
use crate::hdbits::{MAX_LIMIT, Torrent};

/// The account the fake accepts.
pub const USERNAME: &str = "fake-user";
/// Its passkey.
pub const PASSKEY: &str = "fake-passkey-0123456789abcdef";

/// HDBits' page size when the query gives none.
const DEFAULT_LIMIT: u32 = 30;

/// A misbehaviour for the next request.
#[derive(Debug, Clone)]
pub enum Trouble {
    /// HDBits' answer with this status and message.
    Status(i32, String),
    /// HTTP 500 with a web page.
    ServerError,
    /// HTTP 429 asking for a wait of this many seconds.
    TooManyRequests(u64),
    /// The answer, after this long.
    Slow(std::time::Duration),
}

#[derive(Default)]
struct Inner {
    torrents: Vec<Torrent>,
    requests: Vec<serde_json::Value>,
    trouble: VecDeque<Trouble>,
}

/// A running fake HDBits.
pub struct FakeHdBits {
    /// Its root, to use as the indexer's `baseUrl`.
    pub base_url: String,
    inner: Arc<Mutex<Inner>>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeHdBits {
    fn drop(&mut self) {
        self.server.abort();
    }
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(|e| e.into_inner())
}

impl FakeHdBits {
    /// Starts a fake holding `torrents`.
    pub async fn start(torrents: Vec<Torrent>) -> FakeHdBits {
        let inner = Arc::new(Mutex::new(Inner {
            torrents,
            ..Inner::default()
        }));
        let app = Router::new()
            .route("/api/torrents", post(answer))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake HDBits");
        let address = listener.local_addr().expect("its address");
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeHdBits {
            base_url: format!("http://{address}"),
            inner,
            server,
        }
    }

    /// The request bodies received, oldest first.
    pub fn requests(&self) -> Vec<serde_json::Value> {
        lock(&self.inner).requests.clone()
    }

    /// Misbehaves on the next request (one misbehaviour a request, in order).
    pub fn trouble(&self, trouble: Trouble) {
        lock(&self.inner).trouble.push_back(trouble);
    }

    /// Deletes a torrent, as a tracker deletes a nuked or trumped release.
    pub fn delete(&self, id: u64) {
        lock(&self.inner).torrents.retain(|t| t.id != id);
    }
}

/// A plausible movie torrent: `id` also orders it (a higher one is newer).
pub fn torrent(id: u64, name: &str, imdb: u32) -> Torrent {
    Torrent {
        id,
        hash: format!("{id:040X}"),
        leechers: 2,
        seeders: 40,
        name: name.to_string(),
        times_completed: 120,
        size: 8_000_000_000,
        utadded: 1_700_000_000 + i64::try_from(id).unwrap_or(0) * 3600,
        freeleech: "no".into(),
        type_category: crate::hdbits::category::MOVIE,
        type_codec: 1,
        type_medium: 3,
        type_origin: 0,
        imdb: Some(crate::hdbits::wire::ImdbInfo {
            id: imdb,
            englishtitle: None,
            year: None,
        }),
    }
}

async fn answer(State(inner): State<Arc<Mutex<Inner>>>, body: String) -> Response {
    let parsed: Option<serde_json::Value> = serde_json::from_str(&body).ok();
    let trouble = {
        let mut state = lock(&inner);
        state
            .requests
            .push(parsed.clone().unwrap_or(serde_json::Value::Null));
        state.trouble.pop_front()
    };
    match trouble {
        Some(Trouble::Status(code, message)) => return failure(code, &message),
        Some(Trouble::ServerError) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "<html><body>Internal error</body></html>",
            )
                .into_response();
        }
        Some(Trouble::TooManyRequests(seconds)) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("Retry-After", seconds.to_string())],
                "Too Many Requests",
            )
                .into_response();
        }
        Some(Trouble::Slow(wait)) => tokio::time::sleep(wait).await,
        None => {}
    }
    let state = lock(&inner);
    let Some(query) = parsed.and_then(|v| serde_json::from_value::<TorrentQuery>(v).ok()) else {
        return failure(status::JSON_MALFORMED, "JSON Malformed");
    };
    if query.username.is_empty() || query.passkey.is_empty() {
        return failure(status::AUTH_DATA_MISSING, "Auth data missing");
    }
    if query.username != USERNAME || query.passkey != PASSKEY {
        return failure(status::AUTH_FAILED, "Auth failed");
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return failure(status::INVALID_PARAMETER, "Invalid parameter: limit");
    }
    let mut matching: Vec<&Torrent> = state
        .torrents
        .iter()
        .filter(|t| query.category.is_empty() || query.category.contains(&t.type_category))
        .filter(|t| query.codec.is_empty() || query.codec.contains(&t.type_codec))
        .filter(|t| query.medium.is_empty() || query.medium.contains(&t.type_medium))
        .filter(|t| {
            query
                .imdb
                .is_none_or(|want| t.imdb.as_ref().is_some_and(|i| i.id == want.id))
        })
        .collect();
    matching.sort_by(|a, b| b.utadded.cmp(&a.utadded).then(b.id.cmp(&a.id)));
    let page = usize::try_from(query.page.unwrap_or(0)).unwrap_or(usize::MAX);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let data: Vec<&Torrent> = matching
        .into_iter()
        .skip(page.saturating_mul(limit))
        .take(limit)
        .collect();
    axum::Json(json!({"status": status::SUCCESS, "data": data})).into_response()
}

fn failure(code: i32, message: &str) -> Response {
    axum::Json(json!({"status": code, "message": message})).into_response()
}
