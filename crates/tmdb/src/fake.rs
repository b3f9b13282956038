//! A fake TMDB on loopback that answers as TMDB's v3 documentation says
//! (bodies from `tests/data`), checks the credentials, counts and times
//! every request, and misbehaves on demand: 429 with Retry-After, 5xx,
//! malformed JSON, slow answers. For tests only (feature `fake`), here and
//! in the crates that call TMDB.
//!
//! Movie 603 is The Matrix as TMDB describes it; any other id up to
//! `KNOWN_IDS` is a small generated movie; ids above it are 404.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

/// The API key the fake accepts.
pub const API_KEY: &str = "fake-api-key";
/// The read-access token the fake accepts.
pub const ACCESS_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmU";
/// Movie ids the fake knows.
pub const KNOWN_IDS: i32 = 1_000_000;

/// A misbehaviour for the next requests.
#[derive(Clone, Debug)]
pub enum Trouble {
    /// 429 with this Retry-After (seconds).
    TooMany(u64),
    /// 500 Internal Server Error.
    ServerError,
    /// 200 with a body that is not JSON.
    Malformed,
    /// An answer only after this long.
    Slow(Duration),
}

/// One request as the fake saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub at: Instant,
    pub authorized_by: &'static str,
}

#[derive(Default)]
struct Inner {
    seen: Vec<Seen>,
    troubles: VecDeque<Trouble>,
    /// Where `/configuration` says images are.
    image_base: Option<String>,
    /// Fields laid over a movie's details, by TMDB id.
    revisions: std::collections::HashMap<i32, Value>,
    /// Movies answered with 404.
    removed: Vec<i32>,
}

/// The bytes every image the fake serves holds: a JPEG's start marker, then
/// the file name, so a test can tell which image it got.
pub fn image_bytes(file: &str) -> Vec<u8> {
    [&[0xFF, 0xD8, 0xFF][..], file.as_bytes()].concat()
}

/// The running fake.
#[derive(Clone)]
pub struct FakeTmdb {
    /// The base URL to configure (`http://127.0.0.1:PORT/3`).
    pub base_url: String,
    inner: Arc<Mutex<Inner>>,
}

impl FakeTmdb {
    /// Starts a fake on a free loopback port.
    pub async fn start() -> FakeTmdb {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route("/3/movie/{id}", get(movie))
            .route("/3/search/movie", get(search))
            .route("/3/find/{id}", get(find))
            .route("/3/collection/{id}", get(collection))
            .route("/3/configuration", get(configuration))
            .route("/t/p/{size}/{file}", get(image))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake TMDB");
        let address = listener.local_addr().expect("the fake's address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        *lock(&inner).image_base.get_or_insert_default() = format!("http://{address}/t/p/");
        FakeTmdb {
            base_url: format!("http://{address}/3"),
            inner,
        }
    }

    /// Answers the next requests with these troubles, one each, in order.
    pub fn trouble(&self, troubles: impl IntoIterator<Item = Trouble>) {
        lock(&self.inner).troubles.extend(troubles);
    }

    /// From now on, answers for the movie `tmdb_id` with `fields` over its
    /// usual details (a changed title, a new poster), as TMDB's data changes.
    pub fn revise(&self, tmdb_id: i32, fields: Value) {
        lock(&self.inner).revisions.insert(tmdb_id, fields);
    }

    /// From now on, answers 404 for the movie `tmdb_id`, as for a movie
    /// removed from TMDB.
    pub fn remove(&self, tmdb_id: i32) {
        lock(&self.inner).removed.push(tmdb_id);
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        lock(&self.inner).seen.clone()
    }

    /// Requests so far.
    pub fn requests(&self) -> usize {
        lock(&self.inner).seen.len()
    }

    /// The most requests any window of `period` held.
    pub fn most_in_any(&self, period: Duration) -> usize {
        let times: Vec<Instant> = self.seen().iter().map(|s| s.at).collect();
        (0..times.len())
            .map(|i| {
                times[i..]
                    .iter()
                    .take_while(|t| **t - times[i] < period)
                    .count()
            })
            .max()
            .unwrap_or(0)
    }
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(|e| e.into_inner())
}

type Shared = State<Arc<Mutex<Inner>>>;
type Params = Query<Vec<(String, String)>>;

fn fixture(name: &str) -> Value {
    let text = match name {
        "movie_603.json" => include_str!("../tests/data/movie_603.json"),
        "search_matrix.json" => include_str!("../tests/data/search_matrix.json"),
        "find_tt0133093.json" => include_str!("../tests/data/find_tt0133093.json"),
        "collection_2344.json" => include_str!("../tests/data/collection_2344.json"),
        "error_401.json" => include_str!("../tests/data/error_401.json"),
        "error_404.json" => include_str!("../tests/data/error_404.json"),
        _ => include_str!("../tests/data/error_429.json"),
    };
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Records the request, then answers with its trouble or its credentials'
/// refusal, if any.
async fn admit(
    inner: &Mutex<Inner>,
    path: String,
    headers: &HeaderMap,
    params: &[(String, String)],
) -> Option<Response> {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {ACCESS_TOKEN}"));
    let authorized_by = if bearer {
        "token"
    } else if param(params, "api_key") == Some(API_KEY) {
        "api_key"
    } else {
        "nothing"
    };
    let trouble = {
        let mut inner = lock(inner);
        inner.seen.push(Seen {
            path,
            at: Instant::now(),
            authorized_by,
        });
        inner.troubles.pop_front()
    };
    if authorized_by == "nothing" {
        return Some(
            (
                StatusCode::UNAUTHORIZED,
                axum::Json(fixture("error_401.json")),
            )
                .into_response(),
        );
    }
    match trouble? {
        Trouble::TooMany(seconds) => {
            let mut response = (
                StatusCode::TOO_MANY_REQUESTS,
                axum::Json(fixture("error_429.json")),
            )
                .into_response();
            let value = HeaderValue::from_str(&seconds.to_string()).expect("header");
            response.headers_mut().insert("retry-after", value);
            Some(response)
        }
        Trouble::ServerError => Some(
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "<html>Internal Server Error</html>",
            )
                .into_response(),
        ),
        Trouble::Malformed => Some((StatusCode::OK, "{\"id\": 603, \"title\": ").into_response()),
        Trouble::Slow(wait) => {
            tokio::time::sleep(wait).await;
            None
        }
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, axum::Json(fixture("error_404.json"))).into_response()
}

fn generated_movie(id: i32) -> Value {
    json!({
        "adult": false, "id": id, "imdb_id": format!("tt{:07}", id + 1_000_000),
        "title": format!("Movie {id}"), "original_title": format!("Movie {id}"),
        "original_language": "en", "overview": "A generated movie.", "release_date": "2001-05-04",
        "runtime": 100, "status": "Released", "genres": [{"id": 18, "name": "Drama"}],
        "popularity": 1.5, "vote_average": 6.5, "vote_count": 10,
        "poster_path": format!("/poster{id}.jpg"), "backdrop_path": null,
        "credits": {"cast": [], "crew": []}, "release_dates": {"results": []},
        "alternative_titles": {"titles": []}, "external_ids": {"imdb_id": null}, "videos": {"results": []}
    })
}

async fn movie(
    State(inner): Shared,
    Path(id): Path<String>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = admit(&inner, format!("/movie/{id}"), &headers, &params).await {
        return refused;
    }
    let appended = param(&params, "append_to_response").unwrap_or_default();
    let mut details = match id.parse::<i32>() {
        Ok(id) if lock(&inner).removed.contains(&id) => return not_found(),
        Ok(603) if appended.contains("release_dates") => fixture("movie_603.json"),
        Ok(id) if id > 0 && id <= KNOWN_IDS => generated_movie(id),
        _ => return not_found(),
    };
    let revision = details["id"]
        .as_i64()
        .and_then(|id| lock(&inner).revisions.get(&(id as i32)).cloned());
    if let (Some(Value::Object(fields)), Some(details)) = (revision, details.as_object_mut()) {
        details.extend(fields);
    }
    axum::Json(details).into_response()
}

async fn search(State(inner): Shared, Query(params): Params, headers: HeaderMap) -> Response {
    if let Some(refused) = admit(&inner, "/search/movie".into(), &headers, &params).await {
        return refused;
    }
    let query = param(&params, "query").unwrap_or_default().to_lowercase();
    let year = param(&params, "year");
    let mut page = fixture("search_matrix.json");
    if let Some(results) = page["results"].as_array_mut() {
        results.retain(|m| {
            let title = m["title"].as_str().unwrap_or_default().to_lowercase();
            let date = m["release_date"].as_str().unwrap_or_default();
            title.contains(&query) && year.is_none_or(|y| date.starts_with(y))
        });
        let count = results.len();
        page["total_results"] = json!(count);
    }
    axum::Json(page).into_response()
}

async fn find(
    State(inner): Shared,
    Path(id): Path<String>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = admit(&inner, format!("/find/{id}"), &headers, &params).await {
        return refused;
    }
    if param(&params, "external_source") != Some("imdb_id") {
        return (StatusCode::BAD_REQUEST, "external_source is required").into_response();
    }
    let mut found = fixture("find_tt0133093.json");
    if id != "tt0133093" {
        found["movie_results"] = json!([]);
    }
    axum::Json(found).into_response()
}

async fn collection(
    State(inner): Shared,
    Path(id): Path<String>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = admit(&inner, format!("/collection/{id}"), &headers, &params).await {
        return refused;
    }
    match id.as_str() {
        "2344" => axum::Json(fixture("collection_2344.json")).into_response(),
        _ => not_found(),
    }
}

async fn configuration(
    State(inner): Shared,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = admit(&inner, "/configuration".into(), &headers, &params).await {
        return refused;
    }
    let base = lock(&inner).image_base.clone().unwrap_or_default();
    axum::Json(json!({"images": {"base_url": base, "secure_base_url": base,
        "poster_sizes": ["w500", "original"], "backdrop_sizes": ["w1280", "original"]}}))
    .into_response()
}

/// The image host: any `.jpg` is there, but for `missing.jpg`; no credentials.
async fn image(State(inner): Shared, Path((size, file)): Path<(String, String)>) -> Response {
    lock(&inner).seen.push(Seen {
        path: format!("/t/p/{size}/{file}"),
        at: Instant::now(),
        authorized_by: "nothing",
    });
    match file.ends_with(".jpg") && file != "missing.jpg" {
        true => ([("content-type", "image/jpeg")], image_bytes(&file)).into_response(),
        false => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}
