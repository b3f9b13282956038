//! `GET /api/v3/movie`: the whole library, the heaviest response Radarr has.
//! It is answered with 304 while nothing changed, served from the kept
//! compressed copy (see `services::list_cache`) while that is current, patched
//! with the movies written since when it is not, and rendered from the
//! database as rows arrive when nothing kept can be patched.

use std::sync::Arc;

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
use crate::resources::movie::{RenderContext, movie_json, write_movie};
use crate::routes::movie::{movies_array, render_context};
use crate::routes::respond::{JSON, json_bytes};
use crate::services::list_blocks::BlockWriter;
use crate::services::list_cache::{CachedList, Recorder, unpacked};
use crate::state::AppState;

/// Written movies beyond which the list is rendered afresh rather than
/// patched: each costs a row read and the unpacking of its block.
const MOST_PATCHED: usize = 1000;

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
    let etag = format!("\"{}\"", ctx.version());
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
    let kept = match state.movie_list.get(ctx.revision, &ctx.key) {
        Some(kept) => Some((kept, "cached")),
        None => patched(&state, &ctx).await?.map(|list| (list, "patched")),
    };
    let body = match kept {
        Some((list, source)) => {
            metrics::counter!("radarr_movie_list_responses_total", "source" => source).increment(1);
            match accepts_gzip(&headers).then(|| list.gzip()).flatten() {
                Some(gzip) => {
                    let headers = [
                        (CONTENT_TYPE, HeaderValue::from_static(JSON)),
                        (CONTENT_ENCODING, HeaderValue::from_static("gzip")),
                        (VARY, HeaderValue::from_static("accept-encoding")),
                        (ETAG, etag_value),
                    ];
                    return Ok((StatusCode::OK, headers, gzip).into_response());
                }
                // Without the gzip form yet, the compression layer gzips for those who ask.
                _ => Body::from_stream(unpacked(list)),
            }
        }
        None => {
            metrics::counter!("radarr_movie_list_responses_total", "source" => "rendered")
                .increment(1);
            let recorder = state.movie_list.record(ctx.revision, &ctx.key);
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

/// The kept list with the movies written since it was made rendered afresh,
/// kept in its place; `None` when there is no list it can be made from (none
/// kept, another rendering key, a store that cannot name the written movies,
/// or too many of them).
async fn patched(state: &AppState, ctx: &RenderContext) -> ApiResult<Option<Arc<CachedList>>> {
    let Some(base) = state
        .movie_list
        .latest()
        .filter(|base| base.key == ctx.key && base.revision < ctx.revision)
    else {
        return Ok(None);
    };
    let Some(touched) = state.store.movies_touched_since(base.revision).await? else {
        return Ok(None);
    };
    if touched.len() > MOST_PATCHED {
        return Ok(None);
    }
    let mut found = state
        .store
        .movies_by_ids(&touched)
        .await?
        .into_iter()
        .peekable();
    // Both by id: a written movie the store no longer has was deleted.
    let changes: Vec<(i32, Option<Vec<u8>>)> = touched
        .into_iter()
        .map(|id| {
            let movie = found.next_if(|m| m.id == id);
            (id, movie.map(|m| movie_json(&m, ctx)))
        })
        .collect();
    let revision = ctx.revision;
    let patching = tokio::task::spawn_blocking(move || base.patched(revision, &changes));
    let list = match patching.await {
        Ok(Ok(list)) => Arc::new(list),
        // Rendering from the database still answers.
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "patching the kept movie list failed");
            return Ok(None);
        }
        Err(_) => return Ok(None),
    };
    state.movie_list.keep(list.clone());
    Ok(Some(list))
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

/// The JSON array in blocks of about 64 KB, written as rows arrive, each
/// block also handed to the recorder of the kept copy.
fn list_chunks(
    movies: BoxStream<'static, store::Result<Movie>>,
    ctx: RenderContext,
    recorder: Option<Recorder>,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    struct Progress {
        movies: BoxStream<'static, store::Result<Movie>>,
        ctx: RenderContext,
        recorder: Option<Recorder>,
        writer: BlockWriter,
        sent_any: bool,
        done: bool,
    }
    let start = Progress {
        movies,
        ctx,
        recorder,
        writer: BlockWriter::default(),
        sent_any: false,
        done: false,
    };
    futures::stream::unfold(start, |mut p| async move {
        if p.done {
            return None;
        }
        loop {
            match p.movies.next().await {
                Some(Ok(movie)) => {
                    let ctx = &p.ctx;
                    if let Some(block) =
                        p.writer.push(movie.id, |out| write_movie(out, &movie, ctx))
                    {
                        let chunk = block.framed().clone();
                        if let Some(recorder) = &mut p.recorder {
                            recorder.push(block);
                        }
                        p.sent_any = true;
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
                    p.done = true;
                    let last = std::mem::take(&mut p.writer).finish();
                    let mut chunk = match &last {
                        Some(block) => block.framed().to_vec(),
                        None if p.sent_any => Vec::new(),
                        None => b"[".to_vec(),
                    };
                    chunk.push(b']');
                    if let Some(mut recorder) = p.recorder.take() {
                        if let Some(block) = last {
                            recorder.push(block);
                        }
                        recorder.finish();
                    }
                    return Some((Ok(Bytes::from(chunk)), p));
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
