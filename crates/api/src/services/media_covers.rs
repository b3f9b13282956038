//! Movie images as Radarr serves them, `MediaCover/{movieId}/poster.jpg`:
//! from the data folder, fetched from TMDB's image host the first time.

use std::path::PathBuf;

use axum::body::Bytes;
use domain::movie::{CoverType, Movie};
use tmdb::TmdbError;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// A cover file a client may ask for: `poster.jpg`, or a resized
/// `poster-500.jpg`, which is served the full image.
fn cover_of(file: &str) -> Option<(CoverType, &'static str)> {
    let (stem, extension) = file.rsplit_once('.')?;
    let extension = match extension {
        "jpg" => "jpg",
        "png" => "png",
        _ => return None,
    };
    let name = match stem.split_once('-') {
        Some((name, size)) if !size.is_empty() && size.bytes().all(|b| b.is_ascii_digit()) => name,
        Some(_) => return None,
        None => stem,
    };
    let cover = [
        CoverType::Poster,
        CoverType::Fanart,
        CoverType::Banner,
        CoverType::Screenshot,
        CoverType::Headshot,
        CoverType::Clearlogo,
    ]
    .into_iter()
    .find(|c| c.to_string() == name)?;
    Some((cover, extension))
}

/// The image's bytes and content type, or 404 when the movie has no such image.
pub async fn cover(
    state: &AppState,
    movie_id: i32,
    file: &str,
) -> ApiResult<(Bytes, &'static str)> {
    let missing = || ApiError::NotFound(format!("MediaCover {movie_id}/{file} not found"));
    let (cover, extension) = cover_of(file).ok_or_else(missing)?;
    let content_type = if extension == "png" {
        "image/png"
    } else {
        "image/jpeg"
    };
    let path = folder(state, movie_id).join(format!("{cover}.{extension}"));
    if let Ok(bytes) = tokio::fs::read(&path).await {
        return Ok((Bytes::from(bytes), content_type));
    }
    let movie = state.store.movie(movie_id).await?;
    let remote = movie
        .images
        .iter()
        .find(|i| i.cover_type == cover)
        .and_then(|i| i.remote_url.clone())
        .ok_or_else(missing)?;
    let bytes = state.tmdb.image(&remote).await.map_err(|e| match e {
        TmdbError::NotFound { .. } => missing(),
        e => ApiError::Unavailable(format!("The image {remote} could not be fetched. {e}")),
    })?;
    if let Err(e) = keep(&path, &bytes).await {
        tracing::warn!(error = %e, path = %path.display(), "a movie image was not kept");
    }
    Ok((bytes, content_type))
}

/// Removes the kept images a refresh replaced (their TMDB address changed),
/// so the next request fetches the new ones.
pub async fn forget_replaced(state: &AppState, before: &Movie, after: &Movie) {
    let remote = |movie: &Movie, cover: CoverType| {
        movie
            .images
            .iter()
            .find(|i| i.cover_type == cover)
            .and_then(|i| i.remote_url.clone())
    };
    let folder = folder(state, after.id);
    for cover in before.images.iter().map(|i| i.cover_type) {
        if remote(before, cover) == remote(after, cover) {
            continue;
        }
        for extension in ["jpg", "png"] {
            let path = folder.join(format!("{cover}.{extension}"));
            match tokio::fs::remove_file(&path).await {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(error = %e, path = %path.display(), "a replaced image was not removed")
                }
            }
        }
    }
}

fn folder(state: &AppState, movie_id: i32) -> PathBuf {
    state
        .config
        .data_dir
        .join("MediaCover")
        .join(movie_id.to_string())
}

/// Writes the image whole or not at all: to a temporary file, then renamed.
async fn keep(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let partial = path.with_extension("partial");
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, path).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_files_are_radarrs_names() {
        assert_eq!(cover_of("poster.jpg"), Some((CoverType::Poster, "jpg")));
        assert_eq!(cover_of("poster-500.jpg"), Some((CoverType::Poster, "jpg")));
        assert_eq!(cover_of("fanart.jpg"), Some((CoverType::Fanart, "jpg")));
        assert_eq!(
            cover_of("clearlogo.png"),
            Some((CoverType::Clearlogo, "png"))
        );
        for bad in [
            "poster",
            "poster.gif",
            "poster-x.jpg",
            "../poster.jpg",
            "nothing.jpg",
            "poster-.jpg",
        ] {
            assert_eq!(cover_of(bad), None, "{bad}");
        }
    }
}
