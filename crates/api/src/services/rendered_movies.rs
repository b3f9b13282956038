//! Single movies as rendered, kept while the library and its profiles stay
//! as they were: `GET /movie/{id}` is the call clients make most, and a
//! lookup here costs no database round trip on SQLite. Kept LZ4-compressed
//! (about a quarter of their size), so a whole 10,000-movie library fits.

use std::time::Duration;

use axum::body::Bytes;

/// The most compressed bytes kept; about 12,000 full-sized movies.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A rendering not asked for this long is dropped, so an idle server holds little.
const TIME_TO_IDLE: Duration = Duration::from_secs(120);

/// Rendered movies by id, each with the render version it was made under.
pub struct RenderedMovies {
    cache: moka::sync::Cache<i32, (String, Bytes)>,
}

impl Default for RenderedMovies {
    fn default() -> Self {
        RenderedMovies {
            cache: moka::sync::Cache::builder()
                .max_capacity(MAX_BYTES)
                .time_to_idle(TIME_TO_IDLE)
                .weigher(|_, (version, bytes): &(String, Bytes)| {
                    u32::try_from(version.len() + bytes.len()).unwrap_or(u32::MAX)
                })
                .build(),
        }
    }
}

impl RenderedMovies {
    /// The movie as rendered under `version`, if it was.
    pub fn get(&self, id: i32, version: &str) -> Option<Bytes> {
        let (v, compressed) = self.cache.get(&id)?;
        if v != version {
            return None;
        }
        lz4_flex::decompress_size_prepended(&compressed)
            .ok()
            .map(Bytes::from)
    }

    /// Drops expired renderings; moka frees memory only when something touches it.
    pub fn run_pending_tasks(&self) {
        self.cache.run_pending_tasks();
    }

    /// Keeps a rendering.
    pub fn insert(&self, id: i32, version: &str, bytes: &[u8]) {
        let compressed = Bytes::from(lz4_flex::compress_prepend_size(bytes));
        self.cache.insert(id, (version.to_string(), compressed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendering_is_served_only_under_its_version() {
        let cache = RenderedMovies::default();
        cache.insert(7, "v1", br#"{"id":7,"title":"Seven"}"#);
        assert_eq!(
            cache.get(7, "v1").as_deref(),
            Some(&br#"{"id":7,"title":"Seven"}"#[..])
        );
        assert!(cache.get(7, "v2").is_none());
        assert!(cache.get(8, "v1").is_none());
    }
}
