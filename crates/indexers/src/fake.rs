//! Fake Newznab and Torznab indexers on loopback, answering `t=caps`,
//! `t=search` and `t=movie` (by `imdbid`, `tmdbid`, `q`, filtered by `cat`
//! and paged by `offset`/`limit`) from the feeds in `tests/data`, as the
//! specifications describe; checking the API key (error 100 otherwise);
//! recording every request; and misbehaving on demand. Releases can be
//! published while it runs (newest first), and their .torrent or .nzb
//! links answer with a small valid file. For tests only (feature `fake`),
//! here and in the crates that search indexers.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The API key the fakes accept.
pub const API_KEY: &str = "fake-indexer-key";
/// The API path the fakes answer on.
pub const API_PATH: &str = "/api";

/// Which protocol a fake speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Usenet: `newznab:attr`, `.nzb` enclosures.
    Newznab,
    /// Torrents: `torznab:attr`, seeders, peers, volume factors.
    Torznab,
}

/// A misbehaviour for the next request.
#[derive(Debug, Clone)]
pub enum Trouble {
    /// A Newznab `<error/>` answer with this code and description.
    Error(u16, String),
    /// No answer for this long (longer than the client's timeout).
    Hang(Duration),
    /// 200 with XML that breaks off and mismatches its tags.
    Malformed,
    /// HTTP 500 with a web page.
    ServerError,
    /// HTTP 429 with this Retry-After, in seconds.
    TooMany(u64),
    /// 200 with a web page (a login or block page).
    Html,
    /// 200 with JSON, not XML.
    Json,
    /// A valid feed of this many generated items.
    Huge(usize),
    /// A valid feed whose items have garbage titles, dates and numbers.
    Garbage,
}

#[derive(Default)]
struct Inner {
    /// The query of each request, in order.
    seen: Vec<Vec<(String, String)>>,
    troubles: VecDeque<Trouble>,
    /// Items published while running, newest first.
    published: Vec<String>,
    /// The fixture's items are left out.
    without_fixture: bool,
    /// The download links fetched, as paths.
    downloads: Vec<String>,
    /// What published releases' links answer, by file name, when a test
    /// gave it (a real .torrent for data the test made).
    payloads: std::collections::HashMap<String, Vec<u8>>,
}

/// A release to publish on a fake, with what the feed says of it.
#[derive(Debug, Clone)]
pub struct FakeRelease {
    /// Its title.
    pub title: String,
    /// Its size in bytes.
    pub size: i64,
    /// When it was listed.
    pub published: chrono::DateTime<chrono::Utc>,
    /// Its TMDB id; 0 for none.
    pub tmdb_id: i32,
    /// Its IMDb id's digits; empty for none.
    pub imdb_digits: String,
    /// Seeders (Torznab only).
    pub seeders: i32,
    /// Seeders and leechers (Torznab only).
    pub peers: i32,
    /// Marked freeleech (Torznab only).
    pub freeleech: bool,
    /// What its link answers; a small generated .torrent or .nzb when none.
    pub payload: Option<Vec<u8>>,
}

impl FakeRelease {
    /// A release of 8 GB with 50 seeders, listed a day ago, without ids.
    pub fn new(title: &str) -> Self {
        FakeRelease {
            title: title.to_string(),
            size: 8 * 1024 * 1024 * 1024,
            published: chrono::Utc::now() - chrono::Duration::days(1),
            tmdb_id: 0,
            imdb_digits: String::new(),
            seeders: 50,
            peers: 60,
            freeleech: false,
            payload: None,
        }
    }
}

/// A running fake.
#[derive(Clone)]
pub struct FakeIndexer {
    /// The base URL to configure (`http://127.0.0.1:PORT`); the API is at [`API_PATH`].
    pub base_url: String,
    /// Its protocol.
    pub flavour: Flavour,
    inner: Arc<Mutex<Inner>>,
}

/// A fake Newznab indexer.
pub struct FakeNewznab;

impl FakeNewznab {
    /// Starts a fake Newznab on a free loopback port.
    pub async fn start() -> FakeIndexer {
        FakeIndexer::start(Flavour::Newznab).await
    }
}

/// A fake Torznab indexer.
pub struct FakeTorznab;

impl FakeTorznab {
    /// Starts a fake Torznab on a free loopback port.
    pub async fn start() -> FakeIndexer {
        FakeIndexer::start(Flavour::Torznab).await
    }
}

type Shared = (Flavour, Arc<Mutex<Inner>>);

impl FakeIndexer {
    /// Starts a fake of `flavour` on a free loopback port.
    pub async fn start(flavour: Flavour) -> FakeIndexer {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route(API_PATH, get(api))
            .route("/dl/{file}", get(download))
            .with_state((flavour, inner.clone()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake indexer");
        let address = listener.local_addr().expect("the fake's address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeIndexer {
            base_url: format!("http://{address}"),
            flavour,
            inner,
        }
    }

    /// Answers the next requests with these troubles, one each, in order.
    pub fn trouble(&self, troubles: impl IntoIterator<Item = Trouble>) {
        lock(&self.inner).troubles.extend(troubles);
    }

    /// Lists a release, newest of all; its link is on this fake.
    pub fn publish(&self, release: FakeRelease) {
        let mut inner = lock(&self.inner);
        let n = inner.published.len();
        let item = crate::fake_feed::item(self.flavour, &release, n);
        if let Some(payload) = release.payload {
            let extension = match self.flavour {
                Flavour::Newznab => "nzb",
                Flavour::Torznab => "torrent",
            };
            inner
                .payloads
                .insert(format!("published-{n}.{extension}"), payload);
        }
        inner.published.insert(0, item);
    }

    /// Leaves the fixture's releases out, so only published ones are listed.
    pub fn without_fixture(&self) {
        lock(&self.inner).without_fixture = true;
    }

    /// The paths of the download links fetched so far, in order.
    pub fn downloads(&self) -> Vec<String> {
        lock(&self.inner).downloads.clone()
    }

    /// Every request's query so far, in order.
    pub fn requests(&self) -> Vec<Vec<(String, String)>> {
        lock(&self.inner).seen.clone()
    }

    /// The requests with `t` = `function` (`caps`, `search`, `movie`).
    pub fn requests_of(&self, function: &str) -> Vec<Vec<(String, String)>> {
        self.requests()
            .into_iter()
            .filter(|q| param(q, "t") == Some(function))
            .collect()
    }
}

/// The value of `name` in a recorded query.
pub fn param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(|e| e.into_inner())
}

fn xml(status: StatusCode, content_type: &'static str, body: String) -> Response {
    (status, [("content-type", content_type)], body).into_response()
}

fn error(code: u16, description: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"{code}\" description=\"{description}\"/>\n"
    );
    xml(StatusCode::OK, "application/xml", body)
}

async fn api(
    State((flavour, inner)): State<Shared>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let trouble = {
        let mut inner = lock(&inner);
        inner.seen.push(query.clone());
        inner.troubles.pop_front()
    };
    if let Some(trouble) = trouble
        && let Some(response) = misbehave(trouble, flavour).await
    {
        return response;
    }
    match param(&query, "apikey") {
        Some(API_KEY) => {}
        None => return error(200, "Missing parameter (apikey)"),
        Some(_) => return error(100, "Incorrect user credentials"),
    }
    match param(&query, "t") {
        Some("caps") => xml(StatusCode::OK, "application/xml", caps(flavour).to_string()),
        Some("search" | "movie") => {
            let (published, without_fixture) = {
                let inner = lock(&inner);
                (inner.published.clone(), inner.without_fixture)
            };
            let fixture = if without_fixture { "" } else { feed(flavour) };
            let body = crate::fake_feed::answer(fixture, &published, &query);
            xml(StatusCode::OK, "application/rss+xml; charset=utf-8", body)
        }
        Some(_) => error(202, "No such function"),
        None => error(200, "Missing parameter (t)"),
    }
}

/// A download link: a small valid .torrent or .nzb named after the file.
async fn download(
    State((_, inner)): State<Shared>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let given = {
        let mut inner = lock(&inner);
        inner.downloads.push(format!("/dl/{file}"));
        inner.payloads.get(&file).cloned()
    };
    if let Some(payload) = given {
        return (
            StatusCode::OK,
            [("content-type", "application/x-bittorrent")],
            payload,
        )
            .into_response();
    }
    if file.ends_with(".nzb") {
        let body = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\">\
             <file poster=\"fake\" date=\"1700000000\" subject=\"{file}\"><groups><group>alt.binaries.fake</group></groups>\
             <segments><segment bytes=\"1000\" number=\"1\">{file}@fake</segment></segments></file></nzb>\n"
        );
        return xml(StatusCode::OK, "application/x-nzb", body);
    }
    let name = file.trim_end_matches(".torrent");
    let body = format!(
        "d8:announce28:http://127.0.0.1:1/announce4:infod6:lengthi1024e4:name{}:{name}12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee",
        name.len()
    );
    (
        StatusCode::OK,
        [("content-type", "application/x-bittorrent")],
        body,
    )
        .into_response()
}

fn caps(flavour: Flavour) -> &'static str {
    match flavour {
        Flavour::Newznab => include_str!("../tests/data/newznab_caps.xml"),
        Flavour::Torznab => include_str!("../tests/data/torznab_caps.xml"),
    }
}

fn feed(flavour: Flavour) -> &'static str {
    match flavour {
        Flavour::Newznab => include_str!("../tests/data/newznab_movies.xml"),
        Flavour::Torznab => include_str!("../tests/data/torznab_movies.xml"),
    }
}

/// The answer `trouble` gives, or none when it only delays the usual one.
async fn misbehave(trouble: Trouble, flavour: Flavour) -> Option<Response> {
    let rss = "application/rss+xml";
    Some(match trouble {
        Trouble::Error(code, description) => error(code, &description),
        Trouble::Hang(wait) => {
            tokio::time::sleep(wait).await;
            return None;
        }
        Trouble::Malformed => xml(
            StatusCode::OK,
            rss,
            "<?xml version=\"1.0\"?><rss><channel><item><title>Broken</titel></item>".into(),
        ),
        Trouble::ServerError => xml(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html",
            "<html><body><h1>500 Internal Server Error</h1></body></html>".into(),
        ),
        Trouble::TooMany(seconds) => (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", seconds.to_string())],
            "Too Many Requests",
        )
            .into_response(),
        Trouble::Html => xml(
            StatusCode::OK,
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Login</title></head><body>Please log in</body></html>".into(),
        ),
        Trouble::Json => xml(StatusCode::OK, "application/json", "{\"error\":\"not xml\"}".into()),
        Trouble::Huge(items) => xml(StatusCode::OK, rss, crate::fake_feed::huge(flavour, items)),
        Trouble::Garbage => xml(StatusCode::OK, rss, crate::fake_feed::garbage().into()),
    })
}
