//! The analysis: every configured tracker's Movie, TV and Documentary
//! categories read page by page, several pages in flight but kept in order,
//! so that the checkpoint after a page means every page before it is read.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use async_trait::async_trait;
use domain::scene_group::TrackerRelease;
use futures::StreamExt;
use governor::DefaultDirectRateLimiter;
use indexers::IndexerError;
use indexers::hdbits::category;

use crate::checkpoint::Checkpoint;
use crate::pacing::{Fetched, Tuning, fetch};
use crate::reading::read;
use crate::source::TrackerSource;

/// The categories read: the release groups of movies also release TV and
/// documentaries, and those releases say as much of them.
pub const CATEGORIES: [i32; 3] = [category::MOVIE, category::TV, category::DOCUMENTARY];

/// Pages given up in a row after which the tracker is taken to be down for
/// now; the run stops and the next one starts again at the first of them.
const GIVE_UP_AFTER: u64 = 5;

/// Where the analysis keeps what it reads.
#[async_trait]
pub trait AnalysisSink: Send + Sync {
    /// Keeps a page's releases and the checkpoint after it, together.
    async fn keep(
        &self,
        releases: &[TrackerRelease],
        checkpoint: &Checkpoint,
    ) -> Result<(), String>;
}

/// Why a run stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// The tracker refused the account or the settings.
    #[error("{indexer}: {error}")]
    Refused {
        indexer: String,
        error: IndexerError,
    },
    /// Pages failed in a row; the next run starts again at the first.
    #[error("{indexer} failed {pages} pages in a row ({error}); the next run resumes there")]
    Unavailable {
        indexer: String,
        pages: u64,
        error: IndexerError,
    },
    /// What was read could not be kept.
    #[error("the analysis could not be saved: {0}")]
    Sink(String),
}

/// Reads every source's categories from where `checkpoint` says, keeping
/// each page through `sink`; on success the checkpoint is finished.
pub async fn analyse(
    sources: &[Box<dyn TrackerSource>],
    tuning: &Tuning,
    checkpoint: &mut Checkpoint,
    sink: &dyn AnalysisSink,
) -> Result<(), AnalysisError> {
    // An indexer deleted since the run began has nothing left to read, and
    // its cursor must not keep the run from being complete.
    checkpoint
        .cursors
        .retain(|c| sources.iter().any(|s| s.indexer_id() == c.indexer_id));
    checkpoint.page_by(tuning.batch_size);
    let limiter = tuning.limiter();
    let run = Run {
        tuning,
        limiter: limiter.as_ref(),
        sink,
        started: Instant::now(),
        elapsed_before: checkpoint.elapsed_ms,
        requests_before: checkpoint.requests,
        sent: AtomicU64::new(0),
    };
    for source in sources {
        for category in CATEGORIES {
            let cursor = checkpoint.cursor(source.indexer_id(), category);
            if !cursor.done {
                let start = cursor.next_page;
                run.category(source.as_ref(), category, start, checkpoint)
                    .await?;
            }
        }
    }
    checkpoint.finished = true;
    run.keep(&[], checkpoint).await
}

/// One run's settings and clock.
struct Run<'a> {
    tuning: &'a Tuning,
    limiter: Option<&'a DefaultDirectRateLimiter>,
    sink: &'a dyn AnalysisSink,
    started: Instant,
    elapsed_before: u64,
    requests_before: u64,
    /// Requests sent in this part of the run, including those of pages
    /// past a category's end that were in flight when the end was read:
    /// they too took their turn of the pace.
    sent: AtomicU64,
}

impl Run<'_> {
    async fn category(
        &self,
        source: &dyn TrackerSource,
        category: i32,
        start: u32,
        checkpoint: &mut Checkpoint,
    ) -> Result<(), AnalysisError> {
        let indexer_id = source.indexer_id();
        let mut pages = futures::stream::iter(start..)
            .map(|page| async move {
                let fetched = fetch(
                    source,
                    category,
                    page,
                    self.tuning,
                    self.limiter,
                    &self.sent,
                )
                .await;
                (page, fetched)
            })
            .buffered(self.tuning.concurrent_requests);
        // Pages given up since the last one read: skipped for good only
        // once a later page is read.
        let mut failing = 0;
        while let Some((page, fetched)) = pages.next().await {
            match fetched {
                Fetched::Page(listed, requests) => {
                    checkpoint.failed_requests += u64::from(requests - 1);
                    checkpoint.releases += listed.len() as u64;
                    checkpoint.skipped_pages += failing;
                    failing = 0;
                    let last = listed.len() < self.tuning.batch_size as usize;
                    let cursor = checkpoint.cursor(indexer_id, category);
                    cursor.next_page = page + 1;
                    cursor.done = last;
                    let releases: Vec<TrackerRelease> =
                        listed.iter().filter_map(|l| read(indexer_id, l)).collect();
                    self.keep(&releases, checkpoint).await?;
                    if last {
                        return Ok(());
                    }
                }
                Fetched::Skipped(error, requests) => {
                    checkpoint.failed_requests += u64::from(requests);
                    failing += 1;
                    tracing::warn!(indexer = source.name(), category, page, error = %error,
                        "a tracker page failed every try; skipped");
                    if failing >= GIVE_UP_AFTER {
                        self.keep(&[], checkpoint).await?;
                        return Err(AnalysisError::Unavailable {
                            indexer: source.name().to_string(),
                            pages: failing,
                            error,
                        });
                    }
                }
                Fetched::Refused(error, requests) => {
                    checkpoint.failed_requests += u64::from(requests);
                    self.keep(&[], checkpoint).await?;
                    return Err(AnalysisError::Refused {
                        indexer: source.name().to_string(),
                        error,
                    });
                }
            }
        }
        Ok(())
    }

    async fn keep(
        &self,
        releases: &[TrackerRelease],
        checkpoint: &mut Checkpoint,
    ) -> Result<(), AnalysisError> {
        let elapsed = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        checkpoint.elapsed_ms = self.elapsed_before.saturating_add(elapsed);
        checkpoint.requests = self.requests_before + self.sent.load(Ordering::Relaxed);
        self.sink
            .keep(releases, checkpoint)
            .await
            .map_err(AnalysisError::Sink)
    }
}
