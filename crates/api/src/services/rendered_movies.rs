//! Single movies as rendered, kept while the library and its profiles stay
//! as they were: `GET /movie/{id}` is the call clients make most, and a
//! lookup here costs no database round trip on SQLite.

use axum::body::Bytes;

/// The most rendered bytes kept; about 3,000 full-sized movies.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Rendered movies by id, each with the render version it was made under.
pub struct RenderedMovies {
    cache: moka::sync::Cache<i32, (String, Bytes)>,
}

impl Default for RenderedMovies {
    fn default() -> Self {
        RenderedMovies {
            cache: moka::sync::Cache::builder()
                .max_capacity(MAX_BYTES)
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
        self.cache
            .get(&id)
            .filter(|(v, _)| v == version)
            .map(|(_, bytes)| bytes)
    }

    /// Keeps a rendering.
    pub fn insert(&self, id: i32, version: &str, bytes: Bytes) {
        self.cache.insert(id, (version.to_string(), bytes));
    }
}
