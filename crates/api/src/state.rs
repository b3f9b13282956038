//! What every handler can reach: the store and the API's settings.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use secrecy::SecretString;
use store::Store;
use tmdb::Tmdb;

use crate::auth::FailureTracker;
use crate::commands::Commands;
use crate::events::Events;
use crate::logs::{LogLevelControl, RecentLogs, RememberedLevel};
use crate::services::list_cache::ListCache;
use crate::services::profile_cache::ProfileCache;
use crate::services::rendered_movies::RenderedMovies;
use crate::services::search::{IndexerPool, ReleaseCache};

/// Settings the API is served with.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    /// The key every `/api` request must carry.
    pub api_key: SecretString,
    /// Path prefix of every route, e.g. "/radarr"; empty for none.
    pub url_base: String,
    /// The name `system/status` reports.
    pub instance_name: String,
    /// The 4-part Radarr version whose API we match; clients gate features on it.
    pub app_version: String,
    /// Our own version.
    pub package_version: String,
    /// The data folder.
    pub data_dir: PathBuf,
    /// Where the binary runs from.
    pub startup_path: PathBuf,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Whether `/metrics` answers without the API key.
    pub metrics_open: bool,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Requests slower than this are logged at warn.
    pub slow_request: Duration,
    /// The address the server listens on, as `config/host` reports it.
    pub bind_address: String,
    /// The port it listens on, as `config/host` reports it.
    pub port: u16,
}

/// Renders the Prometheus exposition text.
pub type MetricsRenderer = Arc<dyn Fn() -> String + Send + Sync>;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    /// The library.
    pub store: Arc<dyn Store>,
    /// Movie metadata.
    pub tmdb: Arc<dyn Tmdb>,
    /// Settings.
    pub config: Arc<ApiConfig>,
    /// When the server started.
    pub started: DateTime<Utc>,
    /// Failed API-key attempts by address.
    pub auth_failures: Arc<FailureTracker>,
    /// The metrics page, when metrics are installed.
    pub metrics: Option<MetricsRenderer>,
    /// Quality profiles in memory.
    pub profiles: Arc<ProfileCache>,
    /// The full movie list, compressed, under its ETag.
    pub movie_list: Arc<ListCache>,
    /// Single movies as last rendered.
    pub rendered_movies: Arc<RenderedMovies>,
    /// The commands the server runs.
    pub commands: Arc<Commands>,
    /// Releases of recent searches, to be grabbed by guid.
    pub releases: Arc<ReleaseCache>,
    /// The indexers' clients.
    pub indexers: Arc<IndexerPool>,
    /// What changed, for the SignalR hub's listeners.
    pub events: Arc<Events>,
    /// How a restore checks a backup's `config.toml`: as the server reads
    /// it at start. Accepts anything until the server sets it.
    pub config_file_check: crate::services::backup::ConfigFileCheck,
    /// The latest log entries, for `/api/v3/log`; the server's tracing
    /// layer feeds them.
    pub logs: Arc<RecentLogs>,
    /// The log level Settings > General changes; the server sets one that
    /// applies it.
    pub log_level: Arc<dyn LogLevelControl>,
}

/// How often expired cache entries are dropped.
const HOUSEKEEPING_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

impl AppState {
    /// Drops what the response caches no longer need, forever: moka frees an
    /// expired entry only when something touches the cache, and an idle
    /// server should give the memory back. Run it on its own task.
    pub async fn housekeeping(self) {
        let mut tick = tokio::time::interval(HOUSEKEEPING_EVERY);
        loop {
            tick.tick().await;
            self.movie_list.run_pending_tasks();
            self.rendered_movies.run_pending_tasks();
            self.releases.run_pending_tasks();
        }
    }

    /// State over a store and TMDB with these settings.
    pub fn new(
        store: Arc<dyn Store>,
        tmdb: Arc<dyn Tmdb>,
        config: ApiConfig,
        metrics: Option<MetricsRenderer>,
    ) -> Self {
        AppState {
            store,
            tmdb,
            config: Arc::new(config),
            started: Utc::now(),
            auth_failures: Arc::new(FailureTracker::default()),
            metrics,
            profiles: Arc::new(ProfileCache::default()),
            movie_list: Arc::new(ListCache::default()),
            rendered_movies: Arc::new(RenderedMovies::default()),
            commands: Arc::new(Commands::default()),
            releases: Arc::new(ReleaseCache::default()),
            indexers: Arc::new(IndexerPool::default()),
            events: Arc::new(Events::default()),
            config_file_check: |_| Ok(()),
            logs: Arc::new(RecentLogs::default()),
            log_level: Arc::new(RememberedLevel::default()),
        }
    }
}
