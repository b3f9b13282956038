//! Newznab and Torznab indexers, and HDBits (`hdbits`): `t=caps`, movie search by IMDb/TMDB id or
//! by text, and RSS, each answer read into [`Release`]s with the indexer's
//! attributes (categories, seeders, peers, grabs, freeleech and other
//! flags). Malformed, huge, hanging or refusing indexers give an
//! [`IndexerError`] that says why; nothing they send can panic the reader.
//!
//! Callers hold an `Arc<dyn Indexer>`: a [`NewznabClient`] per configured
//! indexer, a client pointed at [`fake`] servers in tests.

#![forbid(unsafe_code)]

pub mod backoff;
pub mod caps;
mod client;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
#[cfg(feature = "fake")]
mod fake_feed;
#[cfg(feature = "fake")]
pub mod fake_hdbits;
pub mod feed;
mod fields;
pub mod hdbits;
mod http;
mod item;
pub mod schema;
pub mod search;
pub mod settings;
mod xml;

use std::sync::Arc;

use async_trait::async_trait;
use domain::release::Release;

pub use crate::backoff::{BackOff, Failure};
pub use crate::caps::{Capabilities, Category};
pub use crate::client::{CAPS_TTL, ClientConfig, NewznabClient};
pub use crate::error::{IndexerError, Result};
pub use crate::fields::{Problem, additional_pairs};
pub use crate::item::parse_date;
pub use crate::schema::{FIELDS, TORRENT_ONLY};
pub use crate::search::MovieSearch;
pub use crate::settings::{Implementation, IndexerSettings, MASK};

/// An indexer as the library configures it; its id, name and priority go
/// on every release it returns.
#[derive(Debug, Clone)]
pub struct IndexerDefinition {
    /// The indexer's id in the library's settings.
    pub id: i32,
    /// Its name, e.g. "NZBgeek".
    pub name: String,
    /// Its priority: 1 is first, 50 last (Radarr's default is 25).
    pub priority: i32,
    /// Newznab or Torznab.
    pub implementation: Implementation,
    /// Its settings.
    pub settings: IndexerSettings,
}

/// What a search or an RSS fetch found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Each release once, stamped with the indexer's id, name and priority.
    pub releases: Vec<Release>,
    /// Requests made.
    pub requests: usize,
    /// Items skipped for want of a title, a link or a date.
    pub skipped: usize,
    /// Whether an answer was cut (too large, too many items).
    pub truncated: bool,
}

/// What a passed test found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestReport {
    /// Releases on the newest page.
    pub releases: usize,
    /// Things worth telling the user that do not fail the test.
    pub warnings: Vec<String>,
}

/// The calls the search service makes of one indexer.
#[async_trait]
pub trait Indexer: Send + Sync {
    /// The indexer this is.
    fn definition(&self) -> &IndexerDefinition;
    /// What it can do; asked once and kept for [`CAPS_TTL`].
    async fn caps(&self) -> Result<Arc<Capabilities>>;
    /// A movie's releases: by id when the caps allow, else (or when the ids
    /// found nothing) by title and year.
    async fn search(&self, search: &MovieSearch) -> Result<Found>;
    /// The newest releases of its categories.
    async fn rss(&self) -> Result<Found>;
    /// Radarr's test: fresh caps and the newest page; the error says what
    /// is wrong (unreachable, bad key, not a Newznab feed, no results…).
    async fn test(&self) -> Result<TestReport>;
}
