//! Our own extractors, so bad input gets Radarr's 400 body and not axum's text.

mod json;
mod query;

pub use json::ApiJson;
pub use query::{Paging, QueryParams};
