//! Grabbing a release: its .torrent or .nzb fetched from the indexer (or its
//! magnet link taken), handed to a download client of its protocol, and the
//! grab recorded in the movie's history.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use domain::decision::{Candidate, QueueItem};
use domain::download::{TrackedDownload, TrackedDownloadState};
use domain::history::{HistoryEntry, HistoryEventType};
use domain::movie::Movie;
use domain::provider::{Provider, ProviderKind};
use domain::release::{Protocol, Release};
use downloaders::{DownloadClient, Grab, Payload};
use reqwest::redirect::Policy;

use crate::error::{ApiError, ApiResult};
use crate::providers::download_clients;
use crate::state::AppState;

/// The most of a .torrent or .nzb read.
const MAX_PAYLOAD: usize = 10 * 1024 * 1024;
/// Time allowed to fetch one.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// What started a grab, as history's `releaseSource` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrabSource {
    /// The RSS sync.
    Rss,
    /// An automatic movie search.
    Search,
    /// The user picked it from an interactive search.
    InteractiveSearch,
    /// Another tool pushed it (`/release/push`).
    ReleasePush,
}

impl GrabSource {
    fn as_str(self) -> &'static str {
        match self {
            GrabSource::Rss => "Rss",
            GrabSource::Search => "Search",
            GrabSource::InteractiveSearch => "InteractiveSearch",
            GrabSource::ReleasePush => "ReleasePush",
        }
    }
}

/// A release handed on.
#[derive(Debug, Clone)]
pub struct Grabbed {
    /// The client's name.
    pub client: String,
    /// The client's id for the download, when it gives one.
    pub download_id: Option<String>,
}

/// Fetches the release and hands it to a download client: the one asked
/// for, else the first enabled one of its protocol (by priority) whose tags
/// allow the movie. Fails with a 409 that says why, as Radarr does.
pub async fn grab(
    state: &AppState,
    movie: &Movie,
    candidate: &Candidate,
    source: GrabSource,
    client_id: Option<i32>,
) -> ApiResult<Grabbed> {
    let release = &candidate.release;
    let (provider, client) = choose_client(state, movie, release.protocol, client_id).await?;
    let payload = fetch(release).await.map_err(|reason| {
        ApiError::Conflict(format!("Getting release from indexer failed: {reason}"))
    })?;
    let grab = Grab {
        title: release.title.clone(),
        payload,
        recent: is_recent(movie),
    };
    let download_id = client.add(&grab).await.map_err(|error| {
        ApiError::Conflict(format!("Download client {} failed: {error}", provider.name))
    })?;
    state
        .store
        .add_history(&history_entry(
            movie,
            candidate,
            &provider,
            source,
            download_id.clone(),
        ))
        .await?;
    metrics::counter!("radarr_releases_grabbed_total", "protocol" => release.protocol.as_str(), "source" => source.as_str())
        .increment(1);
    tracing::info!(movie = %movie.title, release = %release.title, client = %provider.name, "release grabbed");
    Ok(Grabbed {
        client: provider.name,
        download_id,
    })
}

/// Whether a client should give the download a recent movie's priority:
/// the movie came out (in cinemas, digitally or on disc) within the last
/// 21 days, or has no release date yet.
fn is_recent(movie: &Movie) -> bool {
    let since = Utc::now() - chrono::Duration::days(21);
    let dates = [
        movie.in_cinemas,
        movie.digital_release,
        movie.physical_release,
    ];
    dates.iter().all(Option::is_none) || dates.iter().flatten().any(|date| *date >= since)
}

async fn choose_client(
    state: &AppState,
    movie: &Movie,
    protocol: Protocol,
    client_id: Option<i32>,
) -> ApiResult<(Provider, Arc<dyn DownloadClient>)> {
    let mut providers = state.store.providers(ProviderKind::DownloadClient).await?;
    providers.sort_by_key(|p| (p.number("priority", 1), p.id));
    let chosen = providers
        .into_iter()
        .filter(|p| match client_id {
            Some(id) => p.id == id,
            None => {
                p.flag("enable", true)
                    && (p.tags.is_empty() || p.tags.iter().any(|t| movie.tags.contains(t)))
            }
        })
        .filter_map(|p| download_clients::client(&p).map(|client| (p, client)))
        .find(|(_, client)| client.protocol() == protocol);
    chosen.ok_or_else(|| {
        ApiError::Conflict(format!(
            "No {} download client is available",
            protocol_name(protocol)
        ))
    })
}

fn protocol_name(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::Torrent => "Torrent",
        Protocol::Usenet => "Usenet",
        Protocol::Unknown => "Unknown",
    }
}

/// The release's .torrent, magnet link or .nzb.
async fn fetch(release: &Release) -> Result<Payload, String> {
    let url = release.download_url.trim();
    let magnet = release.magnet_url.clone().filter(|m| !m.is_empty());
    if release.protocol == Protocol::Torrent && (url.is_empty() || url.starts_with("magnet:")) {
        return magnet
            .or_else(|| (!url.is_empty()).then(|| url.to_string()))
            .map(Payload::Magnet)
            .ok_or_else(|| "the release has no download link".to_string());
    }
    let response = http()?
        .get(url)
        .send()
        .await
        .map_err(|e| format!("{}", e.without_url()))?;
    // An indexer may answer a torrent link with a redirect to its magnet.
    if response.status().is_redirection()
        && let Some(location) = response.headers().get(reqwest::header::LOCATION)
        && let Ok(location) = location.to_str()
        && location.starts_with("magnet:")
    {
        return Ok(Payload::Magnet(location.to_string()));
    }
    if !response.status().is_success() {
        return Err(format!(
            "the indexer answered HTTP {}",
            response.status().as_u16()
        ));
    }
    let body = read_limited(response).await?;
    match release.protocol {
        Protocol::Usenet if looks_like_nzb(&body) => Ok(Payload::Nzb(body)),
        Protocol::Usenet => Err("the indexer did not send an .nzb file".to_string()),
        _ if body.first() == Some(&b'd') => Ok(Payload::Torrent(body)),
        _ => magnet
            .map(Payload::Magnet)
            .ok_or_else(|| "the indexer did not send a .torrent file".to_string()),
    }
}

fn http() -> Result<reqwest::Client, String> {
    static CLIENT: std::sync::OnceLock<Result<reqwest::Client, String>> =
        std::sync::OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .timeout(FETCH_TIMEOUT)
                .redirect(Policy::custom(|attempt| {
                    if attempt.url().scheme() == "magnet" {
                        attempt.stop()
                    } else if attempt.previous().len() >= 5 {
                        attempt.error("too many redirects")
                    } else {
                        attempt.follow()
                    }
                }))
                .build()
                .map_err(|e| e.to_string())
        })
        .clone()
}

async fn read_limited(mut response: reqwest::Response) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("{}", e.without_url()))?
    {
        if body.len() + chunk.len() > MAX_PAYLOAD {
            return Err(format!(
                "the file is larger than {} MB",
                MAX_PAYLOAD / (1024 * 1024)
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn looks_like_nzb(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    String::from_utf8_lossy(head)
        .to_ascii_lowercase()
        .contains("<nzb")
}

/// Radarr's `Grabbed` history event, with the details it records.
fn history_entry(
    movie: &Movie,
    candidate: &Candidate,
    client: &Provider,
    source: GrabSource,
    download_id: Option<String>,
) -> HistoryEntry {
    let release = &candidate.release;
    let now = Utc::now();
    let age = now - release.publish_date;
    let mut data = BTreeMap::new();
    let mut put = |key: &str, value: String| {
        data.insert(key.to_string(), value);
    };
    put("indexer", release.indexer.clone());
    put("nzbInfoUrl", release.info_url.clone().unwrap_or_default());
    put(
        "releaseGroup",
        candidate.parsed.release_group.clone().unwrap_or_default(),
    );
    put("age", age.num_days().to_string());
    put("ageHours", format!("{}", age.num_minutes() as f64 / 60.0));
    put("ageMinutes", format!("{}", age.num_seconds() as f64 / 60.0));
    put(
        "publishedDate",
        crate::resources::wire_date::WireDate(release.publish_date).to_string(),
    );
    put("downloadClient", client.implementation.clone());
    put("downloadClientName", client.name.clone());
    put("size", release.size.to_string());
    put("downloadUrl", release.download_url.clone());
    put("guid", release.guid.clone());
    put("tmdbId", movie.tmdb_id.to_string());
    put("imdbId", movie.imdb_id.clone().unwrap_or_default());
    put("protocol", (release.protocol as i32).to_string());
    put(
        "customFormatScore",
        candidate.custom_formats.score.to_string(),
    );
    put("movieMatchType", "Title".to_string());
    put("releaseSource", source.as_str().to_string());
    put("indexerFlags", release.indexer_flags.0.to_string());
    HistoryEntry {
        id: 0,
        movie_id: movie.id,
        source_title: release.title.clone(),
        quality: candidate.parsed.quality,
        languages: candidate.parsed.languages.clone(),
        custom_formats: candidate.custom_formats.format_ids.clone(),
        custom_format_score: candidate.custom_formats.score,
        date: now,
        download_id,
        event_type: HistoryEventType::Grabbed,
        data,
    }
}

/// The movie's releases on their way: its tracked downloads not done with,
/// and grabs the queue has not seen yet (made since the last refresh of the
/// downloads), each until the movie's history records an import or a
/// failure after it; so the same release is not grabbed again.
pub async fn queued_releases(
    state: &AppState,
    movie_id: i32,
    tracked: &[TrackedDownload],
) -> ApiResult<Vec<QueueItem>> {
    let mine: Vec<&TrackedDownload> = tracked
        .iter()
        .filter(|d| d.movie_id == Some(movie_id))
        .collect();
    let mut items: Vec<QueueItem> = mine
        .iter()
        .filter(|d| !d.is_finished())
        .map(|d| QueueItem {
            title: d.title.clone(),
            quality: d.quality,
            custom_formats: domain::decision::FormatMatch {
                format_ids: d.custom_formats.clone(),
                score: d.custom_format_score,
            },
            failed_pending: d.state == TrackedDownloadState::FailedPending,
        })
        .collect();
    let tracked_ids: Vec<&str> = mine.iter().map(|d| d.download_id.as_str()).collect();
    let history = state.store.movie_history(movie_id, None).await?;
    items.extend(
        history
            .iter()
            .take_while(|entry| {
                !matches!(
                    entry.event_type,
                    HistoryEventType::DownloadFolderImported
                        | HistoryEventType::MovieFolderImported
                        | HistoryEventType::DownloadFailed
                )
            })
            .filter(|entry| entry.event_type == HistoryEventType::Grabbed)
            .filter(|entry| {
                entry
                    .download_id
                    .as_deref()
                    .is_none_or(|id| !tracked_ids.contains(&id))
            })
            .map(|entry| QueueItem {
                title: entry.source_title.clone(),
                quality: entry.quality,
                custom_formats: domain::decision::FormatMatch {
                    format_ids: entry.custom_formats.clone(),
                    score: entry.custom_format_score,
                },
                failed_pending: false,
            }),
    );
    Ok(items)
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::http::{HeaderValue, StatusCode, header};
    use axum::response::IntoResponse;
    use axum::routing::get;

    use super::*;

    async fn indexer() -> String {
        let app = Router::new()
            .route(
                "/magnet",
                get(|| async {
                    (
                        StatusCode::FOUND,
                        [(
                            header::LOCATION,
                            HeaderValue::from_static("magnet:?xt=urn:btih:abc"),
                        )],
                    )
                        .into_response()
                }),
            )
            .route("/login", get(|| async { "<html>Please log in</html>" }))
            .route("/torrent", get(|| async { "d4:infod4:name1:aee" }))
            .route(
                "/nzb",
                get(|| async { "<?xml version=\"1.0\"?><nzb xmlns=\"x\"></nzb>" }),
            )
            .route("/gone", get(|| async { StatusCode::NOT_FOUND }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{address}")
    }

    fn release(protocol: Protocol, url: String) -> Release {
        Release {
            protocol,
            download_url: url,
            ..Release::default()
        }
    }

    #[tokio::test]
    async fn each_kind_of_link_gives_its_payload_or_says_why_not() {
        let base = indexer().await;
        let torrent = |path: &str| release(Protocol::Torrent, format!("{base}{path}"));
        assert_eq!(
            fetch(&torrent("/magnet")).await,
            Ok(Payload::Magnet("magnet:?xt=urn:btih:abc".into()))
        );
        assert_eq!(
            fetch(&torrent("/torrent")).await,
            Ok(Payload::Torrent(b"d4:infod4:name1:aee".to_vec()))
        );
        assert_eq!(
            fetch(&torrent("/login")).await,
            Err("the indexer did not send a .torrent file".to_string())
        );
        let mut with_magnet = torrent("/login");
        with_magnet.magnet_url = Some("magnet:?xt=urn:btih:def".into());
        assert_eq!(
            fetch(&with_magnet).await,
            Ok(Payload::Magnet("magnet:?xt=urn:btih:def".into()))
        );
        assert_eq!(
            fetch(&torrent("/gone")).await,
            Err("the indexer answered HTTP 404".to_string())
        );
        let nzb = |path: &str| release(Protocol::Usenet, format!("{base}{path}"));
        assert!(matches!(fetch(&nzb("/nzb")).await, Ok(Payload::Nzb(_))));
        assert_eq!(
            fetch(&nzb("/login")).await,
            Err("the indexer did not send an .nzb file".to_string())
        );
        let magnet_only = release(Protocol::Torrent, "magnet:?xt=urn:btih:123".into());
        assert_eq!(
            fetch(&magnet_only).await,
            Ok(Payload::Magnet("magnet:?xt=urn:btih:123".into()))
        );
    }
}
