//! Failed downloads, as Radarr handles them: the failure goes in history,
//! the release on the blocklist so it is not grabbed again, and the movie
//! is searched again. A user removing a download with "blocklist" set goes
//! the same way.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::blocklist::BlocklistEntry;
use domain::command::CommandTrigger;
use domain::download::{TrackedDownload, TrackedDownloadState};
use domain::history::{HistoryEntry, HistoryEventType};
use domain::release::Protocol;

use super::grab_of;
use crate::error::ApiResult;
use crate::state::AppState;

/// What to do beyond recording the failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// Search the movie again.
    pub search_again: bool,
}

/// Records the download as failed (history and blocklist) and marks it so;
/// queues a search for its movie when asked. A download of no known movie
/// is only marked.
pub async fn fail(
    state: &AppState,
    download: &mut TrackedDownload,
    message: &str,
    failure: Failure,
) -> ApiResult<()> {
    if let Some(movie_id) = download.movie_id {
        let grab = grab_of(state, &download.download_id).await?;
        let data = grab.as_ref().map(|g| g.data.clone()).unwrap_or_default();
        let now = Utc::now();
        state
            .store
            .add_blocklist(&BlocklistEntry {
                id: 0,
                movie_id,
                source_title: download.title.clone(),
                quality: download.quality,
                languages: download.languages.clone(),
                custom_formats: download.custom_formats.clone(),
                date: now,
                published_date: data
                    .get("publishedDate")
                    .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
                    .map(|d| d.with_timezone(&Utc)),
                size: data
                    .get("size")
                    .and_then(|s| s.parse().ok())
                    .or(Some(download.size)),
                protocol: download.protocol,
                indexer: download.indexer.clone(),
                message: Some(message.to_string()),
                torrent_info_hash: (download.protocol == Protocol::Torrent)
                    .then(|| download.download_id.clone()),
            })
            .await?;
        let mut history_data: BTreeMap<String, String> = BTreeMap::new();
        history_data.insert("downloadClient".into(), download.client_name.clone());
        history_data.insert("downloadClientName".into(), download.client_name.clone());
        history_data.insert("message".into(), message.to_string());
        if let Some(indexer) = &download.indexer {
            history_data.insert("indexer".into(), indexer.clone());
        }
        state
            .store
            .add_history(&HistoryEntry {
                id: 0,
                movie_id,
                source_title: download.title.clone(),
                quality: download.quality,
                languages: download.languages.clone(),
                custom_formats: download.custom_formats.clone(),
                custom_format_score: download.custom_format_score,
                date: now,
                download_id: Some(download.download_id.clone()),
                event_type: HistoryEventType::DownloadFailed,
                data: history_data,
            })
            .await?;
        metrics::counter!("radarr_downloads_failed_total").increment(1);
        tracing::info!(release = %download.title, %message, "download failed; blocklisted");
        if failure.search_again {
            search_again(state, movie_id).await;
        }
    }
    download.state = TrackedDownloadState::Failed;
    Ok(())
}

async fn search_again(state: &AppState, movie_id: i32) {
    let mut command = serde_json::Map::new();
    command.insert("name".into(), "MoviesSearch".into());
    command.insert("movieIds".into(), vec![movie_id].into());
    if let Err(e) = state
        .commands
        .queue(state, &command, CommandTrigger::Unspecified, None)
        .await
    {
        tracing::warn!(error = ?e, movie = movie_id, "a failed download's movie was not searched again");
    }
}
