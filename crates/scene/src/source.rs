//! Where the analysis reads releases: a tracker's catalogue, one page at a
//! time. HDBits is the first; each source is one configured indexer.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use indexers::IndexerError;
use indexers::hdbits::{HdBits, Torrent};

/// One release as the tracker lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedRelease {
    /// The tracker's id for it.
    pub id: i64,
    pub title: String,
    pub seeders: i32,
    pub leechers: i32,
    /// Times downloaded whole (snatches).
    pub completions: i64,
    /// Released by the tracker's own groups.
    pub internal: bool,
    pub freeleech: bool,
    pub size: i64,
    pub added: DateTime<Utc>,
}

/// A tracker's catalogue, by category and page.
#[async_trait]
pub trait TrackerSource: Send + Sync {
    /// The indexer the releases are recorded under.
    fn indexer_id(&self) -> i32;
    /// The indexer's name, for messages.
    fn name(&self) -> &str;
    /// Page `page` (from 0) of `limit` releases of `category`, newest first;
    /// fewer than `limit` on the last page.
    async fn page(
        &self,
        category: i32,
        page: u32,
        limit: u32,
    ) -> Result<Vec<ListedRelease>, IndexerError>;
}

/// An HDBits indexer as a source.
pub struct HdBitsSource {
    pub indexer_id: i32,
    pub name: String,
    pub client: HdBits,
}

#[async_trait]
impl TrackerSource for HdBitsSource {
    fn indexer_id(&self) -> i32 {
        self.indexer_id
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn page(
        &self,
        category: i32,
        page: u32,
        limit: u32,
    ) -> Result<Vec<ListedRelease>, IndexerError> {
        let torrents = self.client.page(&[category], page, limit).await?;
        Ok(torrents.iter().map(listed).collect())
    }
}

fn listed(t: &Torrent) -> ListedRelease {
    ListedRelease {
        id: i64::try_from(t.id).unwrap_or(i64::MAX),
        title: t.name.clone(),
        seeders: t.seeders,
        leechers: t.leechers,
        completions: t.times_completed,
        // HDBits' origin 1 is its internal groups' work.
        internal: t.type_origin == 1,
        freeleech: t.freeleech.eq_ignore_ascii_case("yes"),
        size: t.size,
        added: DateTime::from_timestamp(t.utadded, 0).unwrap_or_default(),
    }
}
