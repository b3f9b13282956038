//! Taking downloads off the queue, as `DELETE /queue/{id}` asks: removed
//! from the client with their data, or left there and ignored from now on.

use domain::download::TrackedDownloadState;
use domain::provider::ProviderKind;

use super::{Failure, fail};
use crate::error::{ApiError, ApiResult};
use crate::providers::download_clients;
use crate::services::push;
use crate::state::AppState;

/// How a download leaves the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    /// Remove it (and its data) from the download client; otherwise it is
    /// left there and ignored.
    pub from_client: bool,
    /// Put the release on the blocklist (recorded as failed in history).
    pub blocklist: bool,
    /// With `blocklist`: do not search the movie again.
    pub skip_redownload: bool,
}

/// Takes a tracked download off the queue; an unknown id is not found, and
/// a client that fails to remove it is a clear error (the row is kept).
pub async fn remove(state: &AppState, id: i32, removal: Removal) -> ApiResult<()> {
    let mut download = state.store.tracked_download(id).await?;
    if removal.blocklist {
        let failure = Failure {
            search_again: !removal.skip_redownload,
        };
        fail(state, &mut download, "Manually marked as failed", failure).await?;
    }
    if !removal.from_client {
        // Kept, so the next refresh does not bring it back.
        if !removal.blocklist {
            download.state = TrackedDownloadState::Ignored;
        }
        state.store.update_tracked_download(&download).await?;
        push::queue(state);
        return Ok(());
    }
    let provider = state
        .store
        .provider(ProviderKind::DownloadClient, download.client_id)
        .await?;
    let client = download_clients::client(&provider).ok_or_else(|| {
        ApiError::Conflict(format!(
            "Download client {} is not available",
            provider.name
        ))
    })?;
    match client.remove(&download.download_id, true).await {
        Ok(()) | Err(downloaders::DownloadError::NotFound(_)) => {}
        Err(error) => {
            return Err(ApiError::Conflict(format!(
                "Download client {} failed to remove the download: {error}",
                provider.name
            )));
        }
    }
    state.store.delete_tracked_downloads(&[id]).await?;
    push::queue(state);
    Ok(())
}
