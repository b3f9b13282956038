//! `GET /api/v3/movie`: the whole library, the heaviest response Radarr has.
//! It is rendered as rows arrive, answered with 304 while nothing changed, and
//! served from compressed copies (see `services::list_cache`) until the next
//! change.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{
    ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::movie::Movie;
use futures::stream::{BoxStream, Stream, StreamExt};

use crate::error::ApiResult;
use crate::extract::QueryParams;
use crate::resources::movie::{RenderContext, write_movie};
use crate::routes::movie::{movies_array, render_context};
use crate::routes::respond::{JSON, json_bytes};
use crate::services::list_cache::{Recorder, unpacked};
use crate::state::AppState;

/// Bytes gathered before a chunk of the list is sent.
const CHUNK_BYTES: usize = 64 * 1024;

/// `GET /movie` (all, or `?tmdbId=`).
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    query: QueryParams,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let ctx = render_context(&state).await?;
    if let Some(tmdb_id) = query.i32("tmdbid")? {
        let movies: Vec<Movie> = state
            .store
            .movie_by_tmdb_id(tmdb_id)
            .await?
            .into_iter()
            .collect();
        return Ok(json_bytes(StatusCode::OK, movies_array(&movies, &ctx)));
    }
    let etag = format!("\"{}\"", ctx.version);
    let etag_value =
        HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    let matches = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == etag || tag.trim() == "*");
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, [(ETAG, etag_value)]).into_response());
    }
    let body = match state.movie_list.get(&etag) {
        Some(cached) => match &cached.gzip {
            Some(gzip) if accepts_gzip(&headers) => {
                let headers = [
                    (CONTENT_TYPE, HeaderValue::from_static(JSON)),
                    (CONTENT_ENCODING, HeaderValue::from_static("gzip")),
                    (VARY, HeaderValue::from_static("accept-encoding")),
                    (ETAG, etag_value),
                ];
                return Ok((StatusCode::OK, headers, gzip.clone()).into_response());
            }
            // Without the gzip form yet, the compression layer gzips for those who ask.
            _ => Body::from_stream(unpacked(cached)),
        },
        None => {
            let recorder = state.movie_list.record(&etag);
            // Fused: the HTTP layers may poll once more after the end.
            Body::from_stream(list_chunks(state.store.stream_movies(), ctx, recorder).fuse())
        }
    };
    Ok((
        StatusCode::OK,
        [
            (CONTENT_TYPE, HeaderValue::from_static(JSON)),
            (ETAG, etag_value),
        ],
        body,
    )
        .into_response())
}

/// Whether the client takes a gzip body (and did not refuse it with q=0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            parts.next().is_some_and(|c| c.eq_ignore_ascii_case("gzip"))
                && !parts.any(|p| p.replace(' ', "") == "q=0")
        })
}

/// The JSON array in chunks of about [`CHUNK_BYTES`], written as rows arrive,
/// each chunk also handed to the recorder of the compressed copy.
fn list_chunks(
    movies: BoxStream<'static, store::Result<Movie>>,
    ctx: RenderContext,
    recorder: Option<Recorder>,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    struct Progress {
        movies: BoxStream<'static, store::Result<Movie>>,
        ctx: RenderContext,
        recorder: Option<Recorder>,
        buf: Vec<u8>,
        first: bool,
        done: bool,
    }
    let start = Progress {
        movies,
        ctx,
        recorder,
        buf: b"[".to_vec(),
        first: true,
        done: false,
    };
    futures::stream::unfold(start, |mut p| async move {
        if p.done {
            return None;
        }
        loop {
            match p.movies.next().await {
                Some(Ok(movie)) => {
                    if !p.first {
                        p.buf.push(b',');
                    }
                    p.first = false;
                    write_movie(&mut p.buf, &movie, &p.ctx);
                    if p.buf.len() >= CHUNK_BYTES {
                        let chunk = Bytes::from(std::mem::replace(
                            &mut p.buf,
                            Vec::with_capacity(CHUNK_BYTES + 8192),
                        ));
                        if let Some(recorder) = &mut p.recorder {
                            recorder.push(&chunk);
                        }
                        return Some((Ok(chunk), p));
                    }
                }
                Some(Err(e)) => {
                    // The status line is gone; cutting the body short is all that is left.
                    tracing::error!(error = %e, "reading the movie list failed mid-response");
                    p.done = true;
                    p.recorder = None;
                    return Some((Err(std::io::Error::other(e.to_string())), p));
                }
                None => {
                    p.buf.push(b']');
                    p.done = true;
                    let chunk = Bytes::from(std::mem::take(&mut p.buf));
                    if let Some(mut recorder) = p.recorder.take() {
                        recorder.push(&chunk);
                        recorder.finish();
                    }
                    return Some((Ok(chunk), p));
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_accepted_unless_refused() {
        let with = |value: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(ACCEPT_ENCODING, HeaderValue::from_static(value));
            accepts_gzip(&h)
        };
        assert!(with("gzip, deflate, br"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(!with("gzip;q=0"));
        assert!(!with("deflate"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
