//! The Newznab/Torznab client: caps fetched once and kept, movie searches
//! and RSS run as Radarr runs them (tiers, pages, caps on results), and
//! Radarr's connection test. One client per indexer; Torznab is the same
//! protocol with torrent attributes, told apart by the implementation.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use domain::release::Release;

use crate::caps::{Capabilities, parse_caps};
use crate::error::{IndexerError, Result};
use crate::feed::{MAX_ITEMS, Page, parse_feed};
use crate::http::Http;
use crate::search::{self, MAX_PAGES, MAX_RESULTS_PER_QUERY, MovieSearch, Query, Tiers};
use crate::settings::{Implementation, IndexerSettings};
use crate::{Found, Indexer, IndexerDefinition, TestReport};

/// How long caps are kept before they are asked again (Radarr: a week).
pub const CAPS_TTL: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// How the client talks to its indexer.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Time allowed for one request, body included.
    pub timeout: Duration,
    /// The most of one answer read; the rest is dropped with a warning.
    pub max_body_bytes: usize,
    /// The most items read from one answer.
    pub max_items: usize,
    /// The most pages of one query.
    pub max_pages: u32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            timeout: Duration::from_secs(30),
            max_body_bytes: 16 * 1024 * 1024,
            max_items: MAX_ITEMS,
            max_pages: MAX_PAGES,
        }
    }
}

/// A Newznab or Torznab indexer.
pub struct NewznabClient {
    definition: IndexerDefinition,
    config: ClientConfig,
    http: Http,
    caps: Mutex<Option<(Arc<Capabilities>, Instant)>>,
}

impl NewznabClient {
    /// A client for `definition`.
    pub fn new(definition: IndexerDefinition, config: ClientConfig) -> Result<NewznabClient> {
        // Fail now, not at the first search, on a URL that cannot be one.
        search::caps_url(&definition.settings)?;
        Ok(NewznabClient {
            http: Http::new(config.timeout, config.max_body_bytes)?,
            definition,
            config,
            caps: Mutex::new(None),
        })
    }

    fn settings(&self) -> &IndexerSettings {
        &self.definition.settings
    }

    /// Forgets the caps, so the next call asks again.
    pub fn forget_caps(&self) {
        if let Ok(mut slot) = self.caps.lock() {
            *slot = None;
        }
    }

    /// One page of `query`.
    async fn page(&self, query: &Query, offset: usize, limit: u32) -> Result<Page> {
        let url = search::page_url(self.settings(), query, offset, limit)?;
        let body = self.http.get(url.clone()).await?;
        let protocol = self.definition.implementation.protocol();
        parse_feed(
            &body.bytes,
            protocol,
            Some(&url),
            body.cut,
            self.config.max_items,
        )
    }

    /// Every page of `query`, as Radarr pages: on while pages come full,
    /// up to the page and result caps.
    async fn query(&self, query: &Query, page_size: u32, found: &mut Found) -> Result<()> {
        let mut read = 0usize;
        for page_number in 0..self.config.max_pages.max(1) {
            let offset = page_number as usize * page_size as usize;
            let page = self.page(query, offset, page_size).await?;
            found.requests += 1;
            found.skipped += page.skipped;
            found.truncated |= page.truncated;
            read += page.releases.len();
            let full = page.items >= page_size as usize;
            found.releases.extend(page.releases);
            if !full || page.truncated || read >= MAX_RESULTS_PER_QUERY {
                break;
            }
        }
        Ok(())
    }

    /// The tiers in order, stopping after the first that finds anything.
    async fn run(&self, tiers: Tiers, page_size: u32) -> Result<Found> {
        let mut found = Found::default();
        for tier in tiers {
            for query in &tier {
                self.query(query, page_size, &mut found).await?;
            }
            if !found.releases.is_empty() {
                break;
            }
        }
        Ok(self.finish(found))
    }

    /// Each release once (by guid), with the indexer's name, id and priority.
    fn finish(&self, mut found: Found) -> Found {
        let mut seen = HashSet::new();
        found.releases.retain(|r| seen.insert(r.guid.clone()));
        for release in &mut found.releases {
            self.stamp(release);
        }
        found
    }

    fn stamp(&self, release: &mut Release) {
        release.indexer_id = self.definition.id;
        release.indexer = self.definition.name.clone();
        release.indexer_priority = self.definition.priority;
        release.protocol = self.definition.implementation.protocol();
    }
}

#[async_trait]
impl Indexer for NewznabClient {
    fn definition(&self) -> &IndexerDefinition {
        &self.definition
    }

    async fn caps(&self) -> Result<Arc<Capabilities>> {
        let kept = self.caps.lock().ok().and_then(|slot| {
            slot.as_ref()
                .filter(|(_, at)| at.elapsed() < CAPS_TTL)
                .map(|(caps, _)| caps.clone())
        });
        if let Some(caps) = kept {
            return Ok(caps);
        }
        let body = self.http.get(search::caps_url(self.settings())?).await?;
        let caps = Arc::new(parse_caps(&body.bytes)?);
        if let Ok(mut slot) = self.caps.lock() {
            *slot = Some((caps.clone(), Instant::now()));
        }
        Ok(caps)
    }

    async fn search(&self, search: &MovieSearch) -> Result<Found> {
        let caps = self.caps().await?;
        let tiers = match self.settings().categories.is_empty() {
            true => Vec::new(),
            false => search::movie_queries(&caps, self.settings(), search),
        };
        self.run(tiers, caps.page_size()).await
    }

    async fn rss(&self) -> Result<Found> {
        let caps = self.caps().await?;
        let Some(query) =
            search::rss_query(&caps).filter(|_| !self.settings().categories.is_empty())
        else {
            return Ok(Found::default());
        };
        // The newest page only: the caller remembers what it saw last.
        let page = self.page(&query, 0, caps.page_size()).await?;
        let found = Found {
            requests: 1,
            skipped: page.skipped,
            truncated: page.truncated,
            releases: page.releases,
        };
        Ok(self.finish(found))
    }

    async fn test(&self) -> Result<TestReport> {
        self.forget_caps();
        let caps = self.caps().await?;
        let found = self.rss().await?;
        if found.releases.is_empty() {
            return Err(IndexerError::NoResults);
        }
        if !caps.supports_movie_search() {
            return Err(IndexerError::UnsupportedSearch);
        }
        let mut warnings = Vec::new();
        if found.skipped > 0 {
            warnings.push(format!(
                "{} of the indexer's items had no usable title, link or date and were skipped",
                found.skipped
            ));
        }
        if self.definition.implementation == Implementation::Torznab
            && found
                .releases
                .iter()
                .all(|r| r.download_url.to_ascii_lowercase().contains(".nzb"))
        {
            warnings.push("the feed looks like Usenet: did you mean a Newznab indexer?".into());
        }
        Ok(TestReport {
            releases: found.releases.len(),
            warnings,
        })
    }
}
