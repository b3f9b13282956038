//! `/MediaCoverProxy/{hash}/{file}`: the images of movies not in the library
//! (search results), fetched from TMDB through the server as Radarr does, so
//! the browser never needs to reach TMDB itself.
//!
//! Radarr keeps the hash → address pairs it hands out in memory. Here the
//! address is rebuilt from the file name (every proxied image is an original
//! on TMDB's image host) and accepted only when its SHA-256 is the hash, so
//! any instance on a shared database can answer, even after a restart.

use axum::body::Bytes;
use sha2::{Digest, Sha256};
use tmdb::TmdbError;
use tmdb::to_movie::IMAGE_BASE;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The proxy path (without the URL base) of a TMDB image, or `None` for an
/// image elsewhere, which is linked where it is.
pub fn path_of(remote_url: &str) -> Option<String> {
    let file = remote_url.strip_prefix(IMAGE_BASE)?.strip_prefix('/')?;
    if file.is_empty() || file.contains('/') {
        return None;
    }
    Some(format!("/MediaCoverProxy/{}/{file}", hash(remote_url)))
}

/// The image's bytes and content type, or 404 when the hash is not the one
/// this server gives for `file`.
pub async fn image(
    state: &AppState,
    hash_given: &str,
    file: &str,
) -> ApiResult<(Bytes, &'static str)> {
    let missing = || ApiError::NotFound(format!("MediaCoverProxy {hash_given}/{file} not found"));
    if file.contains('/') || file.contains("..") {
        return Err(missing());
    }
    let remote = format!("{IMAGE_BASE}/{file}");
    if !hash(&remote).eq_ignore_ascii_case(hash_given) {
        return Err(missing());
    }
    let content_type = if file.ends_with(".png") {
        "image/png"
    } else {
        "image/jpeg"
    };
    let bytes = state.tmdb.image(&remote).await.map_err(|e| match e {
        TmdbError::NotFound { .. } => missing(),
        e => ApiError::Unavailable(format!("The image {remote} could not be fetched. {e}")),
    })?;
    Ok((bytes, content_type))
}

fn hash(remote_url: &str) -> String {
    Sha256::digest(remote_url.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tmdb_originals_are_proxied_under_their_hash() {
        let remote = format!("{IMAGE_BASE}/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg");
        let path = path_of(&remote).unwrap();
        let (prefix, file) = path.rsplit_once('/').unwrap();
        assert_eq!(file, "f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg");
        let hash_part = prefix.strip_prefix("/MediaCoverProxy/").unwrap();
        assert_eq!(hash_part.len(), 64);
        assert_eq!(hash_part, hash(&remote));
        assert_eq!(path_of("https://example.com/poster.jpg"), None);
        assert_eq!(path_of(&format!("{IMAGE_BASE}/")), None);
        assert_eq!(path_of(&format!("{IMAGE_BASE}/a/b.jpg")), None);
    }
}
