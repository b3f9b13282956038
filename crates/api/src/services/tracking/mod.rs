//! Following downloads: each enabled download client is asked what it holds;
//! each download is matched to its grab (else to a movie by its title) and
//! kept as a tracked download, the queue's row, which survives restarts.
//! A finished one waits for its import, a failed one for its handling.

mod failed;
pub mod health;
mod remove;
mod update;

use std::collections::HashMap;

use domain::download::{TrackedDownload, TrackedDownloadState};
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use domain::provider::{Provider, ProviderKind};
use domain::remote_path::to_local;
use downloaders::{DownloadClient, DownloadItem};

use crate::error::ApiResult;
use crate::providers::download_clients;
use crate::services::parse::library_movie;
use crate::services::push;
use crate::state::AppState;

pub use failed::{Failure, fail};
pub use remove::{Removal, remove};
pub use update::{queue_status, updated};

/// What one refresh did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RefreshReport {
    /// Clients asked.
    pub clients: usize,
    /// Clients that did not answer (their downloads are kept as they were).
    pub failed_clients: usize,
    /// Downloads followed.
    pub downloads: usize,
}

/// Asks every enabled client for its downloads and saves them as tracked
/// downloads; a disabled client's are dropped, as Radarr hides them.
pub async fn refresh(state: &AppState) -> ApiResult<RefreshReport> {
    let providers = state.store.providers(ProviderKind::DownloadClient).await?;
    let mappings = state.store.remote_path_mappings().await?;
    let mut before: HashMap<(i32, String), TrackedDownload> = state
        .store
        .tracked_downloads()
        .await?
        .into_iter()
        .map(|d| ((d.client_id, d.download_id.clone()), d))
        .collect();
    let mut report = RefreshReport::default();
    let mut failures = std::collections::BTreeMap::new();
    // Whether any client's downloads were written: then the queue changed.
    let mut queue_changed = false;
    for provider in &providers {
        let client = download_clients::client(provider).filter(|_| provider.flag("enable", true));
        let Some(client) = client else {
            queue_changed |= before.keys().any(|(client, _)| *client == provider.id);
            state.store.save_client_downloads(provider.id, &[]).await?;
            continue;
        };
        report.clients += 1;
        let asked = std::time::Instant::now();
        let answer = client.downloads().await;
        metrics::histogram!("radarr_download_client_request_duration_seconds")
            .record(asked.elapsed().as_secs_f64());
        let items = match answer {
            Ok(items) => items,
            Err(error) => {
                report.failed_clients += 1;
                failures.insert(provider.id, error.to_string());
                tracing::warn!(client = %provider.name, %error, "download client did not answer");
                metrics::counter!("radarr_download_client_errors_total").increment(1);
                continue;
            }
        };
        let host = provider.setting_str("host").unwrap_or_default();
        let mut tracked = Vec::with_capacity(items.len());
        let mut changed = false;
        for item in items {
            let output = item
                .output_path
                .as_ref()
                .map(|p| to_local(&mappings, host, &p.to_string_lossy()));
            let previous = before.remove(&(provider.id, item.download_id.clone()));
            let base = match &previous {
                Some(known) => known.clone(),
                None => first_seen(state, provider, client.protocol(), &item).await?,
            };
            let mut download = updated(base, &item, output);
            if download.state == TrackedDownloadState::FailedPending {
                handle_failed(state, provider, client.as_ref(), &mut download).await?;
            }
            changed |= previous.as_ref() != Some(&download);
            tracked.push(download);
        }
        report.downloads += tracked.len();
        // A client's downloads are written only when something changed:
        // one came or went, or moved on.
        changed |= before.keys().any(|(client, _)| *client == provider.id);
        if changed {
            state
                .store
                .save_client_downloads(provider.id, &tracked)
                .await?;
            queue_changed = true;
        }
    }
    if queue_changed {
        push::queue(state);
    }
    health::record(state, &failures).await?;
    metrics::gauge!("radarr_queue_downloads").set(report.downloads as f64);
    Ok(report)
}

/// A download the client reports failed: recorded, blocklisted and searched
/// again, and removed from the client when its settings say so.
async fn handle_failed(
    state: &AppState,
    provider: &Provider,
    client: &dyn DownloadClient,
    download: &mut TrackedDownload,
) -> ApiResult<()> {
    let message = download
        .error_message
        .clone()
        .unwrap_or_else(|| "The download client reported the download as failed".to_string());
    fail(state, download, &message, Failure { search_again: true }).await?;
    // Only ours: a download someone else put in the category is left alone.
    if download.movie_id.is_some()
        && provider.flag("removeFailedDownloads", true)
        && let Err(error) = client.remove(&download.download_id, true).await
    {
        tracing::warn!(client = %provider.name, %error, "a failed download was not removed from its client");
    }
    Ok(())
}

/// A download seen for the first time: its grab tells the movie, quality
/// and formats; without one (added to the client by hand, or by another
/// program) its title is parsed and matched to a library movie.
async fn first_seen(
    state: &AppState,
    provider: &Provider,
    protocol: domain::release::Protocol,
    item: &DownloadItem,
) -> ApiResult<TrackedDownload> {
    let mut tracked = TrackedDownload {
        id: 0,
        client_id: provider.id,
        client_name: provider.name.clone(),
        download_id: item.download_id.clone(),
        protocol,
        title: item.title.clone(),
        movie_id: None,
        quality: Default::default(),
        languages: Vec::new(),
        custom_formats: Vec::new(),
        custom_format_score: 0,
        indexer: None,
        size: 0,
        size_left: 0,
        time_left: None,
        status: Default::default(),
        state: TrackedDownloadState::Downloading,
        tracked_status: Default::default(),
        status_messages: Vec::new(),
        error_message: None,
        output_path: None,
        can_move_files: false,
        can_be_removed: false,
        added: chrono::Utc::now(),
        import_path: None,
        replaced_path: None,
    };
    if let Some(grab) = grab_of(state, &item.download_id).await? {
        tracked.title = grab.source_title;
        tracked.movie_id = Some(grab.movie_id);
        tracked.quality = grab.quality;
        tracked.languages = grab.languages;
        tracked.custom_formats = grab.custom_formats;
        tracked.custom_format_score = grab.custom_format_score;
        tracked.indexer = grab.data.get("indexer").cloned();
        tracked.added = grab.date;
    } else if let Some(parsed) = parser::parse_movie_title(&item.title, false) {
        tracked.movie_id = library_movie(state, &parsed).await?.map(|m| m.id);
        tracked.quality = parsed.quality;
        tracked.languages = parsed.languages;
    }
    Ok(tracked)
}

/// The grab that handed this download to its client, if we made it.
pub(crate) async fn grab_of(
    state: &AppState,
    download_id: &str,
) -> ApiResult<Option<HistoryEntry>> {
    let (grabs, _) = state
        .store
        .history_page(&HistoryQuery {
            event_types: vec![HistoryEventType::Grabbed],
            download_id: Some(download_id.to_string()),
            movie_ids: Vec::new(),
            newest_first: true,
            page: 1,
            page_size: 1,
        })
        .await?;
    Ok(grabs.into_iter().next())
}
