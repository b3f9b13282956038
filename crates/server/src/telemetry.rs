//! Logs and metrics: `tracing` to stderr and to Radarr's rolled log files at
//! the chosen level, the recent entries `/api/v3/log` shows, and one
//! Prometheus recorder for the process with the names dashboards rely on.

pub mod log_capture;
pub mod rolling_file;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use api::MetricsRenderer;
use api::logs::LogLevelControl;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use store::Store;

use crate::config_file;

/// Request-duration buckets, in seconds.
const DURATION_BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];
/// How often histogram samples are folded into their buckets.
const UPKEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(5);
/// Command buckets, in seconds: from a cleanup's instant to a library
/// refresh's hour.
const COMMAND_BUCKETS: [f64; 9] = [0.1, 1.0, 5.0, 30.0, 60.0, 300.0, 900.0, 3600.0, 14400.0];
/// Store-call buckets, in seconds: most calls take well under a millisecond.
const QUERY_BUCKETS: [f64; 10] = [
    0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 1.0,
];

/// Keeps the log file written: dropping it writes out the lines still
/// queued. Hold it for the life of the process.
#[must_use = "the log file stops being written when the guard is dropped"]
pub struct LoggingGuard {
    _file: Option<tracing_appender::non_blocking::WorkerGuard>,
}

/// Swaps one layer's filter for another at the given level.
type Reloader = Box<dyn Fn(&str) -> Result<(), String> + Send + Sync>;

/// The filters a level change swaps: the log file's, and stderr's unless
/// `RUST_LOG` chose it. Set once, by [`init_logging`].
static RELOADERS: OnceLock<Vec<Reloader>> = OnceLock::new();

/// The filter for `level`, or info's when it is not one.
fn filter_for(level: &str) -> tracing_subscriber::EnvFilter {
    use tracing_subscriber::EnvFilter;
    EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"))
}

/// Starts logging at `level` (a level name or a full tracing filter): to
/// stderr, where `RUST_LOG` overrides it, and to `logs/radarr.txt` in
/// `data_dir`; entries at info and above also go to the recent entries of
/// each server that [`log_capture::feed`]s its own. Calling it again keeps
/// the first subscriber.
pub fn init_logging(level: &str, data_dir: &Path) -> LoggingGuard {
    use tracing_subscriber::filter::{EnvFilter, LevelFilter};
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::{Layer, fmt, reload};

    let mut reloaders: Vec<Reloader> = Vec::new();
    let stderr_filter = match EnvFilter::try_from_default_env() {
        Ok(chosen) => reload::Layer::new(chosen).0,
        Err(_) => {
            let (filter, handle) = reload::Layer::new(filter_for(level));
            reloaders.push(Box::new(move |level| {
                handle.reload(filter_for(level)).map_err(|e| e.to_string())
            }));
            filter
        }
    };
    let (file, guard) = match log_capture::FileLayer::open(data_dir) {
        Ok((layer, guard)) => {
            let (filter, handle) = reload::Layer::new(filter_for(level));
            reloaders.push(Box::new(move |level| {
                handle.reload(filter_for(level)).map_err(|e| e.to_string())
            }));
            (Some(layer.with_filter(filter)), Some(guard))
        }
        Err(e) => {
            eprintln!(
                "unified-radarr: cannot write log files in {}: {e}",
                api::logs::files::folder(data_dir).display()
            );
            (None, None)
        }
    };
    let installed = tracing_subscriber::registry()
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(stderr_filter),
        )
        .with(file)
        // Radarr's log table keeps info and above whatever the file's level.
        .with(log_capture::RecentLayer.with_filter(LevelFilter::INFO))
        .try_init();
    if installed.is_ok() {
        let _ = RELOADERS.set(reloaders);
    }
    LoggingGuard { _file: guard }
}

/// The level Settings > General changes: applied to the filters
/// [`init_logging`] installed, and kept as `log_level` in `config.toml`.
pub struct LogLevelSetting {
    data_dir: PathBuf,
    current: RwLock<String>,
}

impl LogLevelSetting {
    /// The setting for a server started at `level`, whose config file is in
    /// `data_dir`.
    pub fn new(data_dir: &Path, level: &str) -> Self {
        LogLevelSetting {
            data_dir: data_dir.to_path_buf(),
            current: RwLock::new(level.to_string()),
        }
    }
}

impl LogLevelControl for LogLevelSetting {
    fn current(&self) -> String {
        self.current
            .read()
            .map(|level| level.clone())
            .unwrap_or_default()
    }

    /// Saved first, so a file that cannot be written changes nothing.
    fn change(&self, level: &'static str) -> Result<(), String> {
        config_file::save_setting(&self.data_dir, "log_level", level).map_err(|e| e.to_string())?;
        for reload in RELOADERS.get().into_iter().flatten() {
            reload(level)?;
        }
        *self.current.write().map_err(|e| e.to_string())? = level.to_string();
        Ok(())
    }
}

/// The process-wide recorder: installed once, shared by every server in the
/// process (tests start many).
fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("radarr_api_request_duration_seconds".into()),
                    &DURATION_BUCKETS,
                )
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("radarr_db_query_duration_seconds".into()),
                        &QUERY_BUCKETS,
                    )
                })
                .and_then(|b| {
                    // TMDB requests and limiter waits: the request buckets fit both.
                    b.set_buckets_for_metric(
                        Matcher::Prefix("radarr_tmdb_".into()),
                        &DURATION_BUCKETS,
                    )
                })
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("radarr_command_duration_seconds".into()),
                        &COMMAND_BUCKETS,
                    )
                })
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => {
                    describe();
                    // Histograms keep raw samples until upkeep folds them into
                    // buckets; without it memory grows with every request.
                    let upkeep = handle.clone();
                    std::thread::Builder::new()
                        .name("metrics-upkeep".into())
                        .spawn(move || {
                            loop {
                                std::thread::sleep(UPKEEP_EVERY);
                                upkeep.run_upkeep();
                            }
                        })
                        .ok()?;
                    Some(handle)
                }
                Err(e) => {
                    tracing::warn!(error = %e, "metrics recorder not installed");
                    None
                }
            }
        })
        .as_ref()
}

fn describe() {
    metrics::describe_histogram!(
        "radarr_api_request_duration_seconds",
        metrics::Unit::Seconds,
        "API request duration by route template"
    );
    metrics::describe_counter!(
        "radarr_api_requests_total",
        "API requests by method, route template and status"
    );
    metrics::describe_counter!("radarr_api_errors_total", "API error responses by kind");
    metrics::describe_histogram!(
        "radarr_db_query_duration_seconds",
        metrics::Unit::Seconds,
        "Store call duration by operation"
    );
    metrics::describe_counter!(
        "radarr_db_query_errors_total",
        "Failed store calls by operation"
    );
    metrics::describe_counter!(
        "radarr_movie_list_responses_total",
        "Full movie lists served, by source: cached, patched with the movies written since, or rendered from the database"
    );
    metrics::describe_counter!(
        "radarr_movie_import_failures_total",
        "Movies of bulk imports that could not be added (each logged with the reason)"
    );
    metrics::describe_counter!(
        "radarr_tmdb_requests_total",
        "TMDB requests by endpoint and outcome (ok, failed, retried)"
    );
    metrics::describe_histogram!(
        "radarr_tmdb_request_duration_seconds",
        metrics::Unit::Seconds,
        "TMDB request duration by endpoint"
    );
    metrics::describe_counter!(
        "radarr_tmdb_cache_hits_total",
        "TMDB answers served from the cache"
    );
    metrics::describe_counter!(
        "radarr_tmdb_cache_misses_total",
        "TMDB answers fetched and kept"
    );
    metrics::describe_counter!(
        "radarr_tmdb_cache_evictions_total",
        "TMDB answers dropped to stay within the cache's size"
    );
    metrics::describe_counter!(
        "radarr_tmdb_ratelimit_waits_total",
        "TMDB requests that waited for the rate limiter"
    );
    metrics::describe_histogram!(
        "radarr_tmdb_ratelimit_wait_seconds",
        metrics::Unit::Seconds,
        "Time TMDB requests waited for the rate limiter"
    );
    metrics::describe_counter!(
        "radarr_commands_queued_total",
        "Commands queued, by name (an equal command merged with one is not counted)"
    );
    metrics::describe_counter!(
        "radarr_commands_total",
        "Commands run to their end, by name and status"
    );
    metrics::describe_histogram!(
        "radarr_command_duration_seconds",
        metrics::Unit::Seconds,
        "Time commands ran, by name"
    );
    metrics::describe_counter!(
        "radarr_movie_refresh_failures_total",
        "Movies a refresh could not update from TMDB"
    );
    for (name, help) in [
        (
            "radarr_scene_analysis_releases",
            "Tracker releases the last scene-group analysis read",
        ),
        (
            "radarr_scene_analysis_releases_per_minute",
            "Releases a minute the last scene-group analysis read",
        ),
        (
            "radarr_scene_analysis_success_ratio",
            "Share of the last scene-group analysis's tracker requests that were answered",
        ),
        (
            "radarr_scene_analysis_skipped_pages",
            "Tracker pages the last scene-group analysis gave up after its retries",
        ),
        (
            "radarr_scene_groups",
            "Release groups with a reputation score",
        ),
    ] {
        metrics::describe_gauge!(name, help);
    }
    metrics::describe_gauge!(
        "radarr_scene_analysis_duration_seconds",
        metrics::Unit::Seconds,
        "Time the last scene-group analysis spent reading the tracker"
    );
    metrics::describe_gauge!("radarr_db_pool_connections", "Open database connections");
    metrics::describe_gauge!(
        "radarr_db_pool_idle_connections",
        "Idle database connections"
    );
}

/// The renderer for `/metrics`: process and pool figures are read at each scrape.
pub fn renderer(store: Arc<dyn Store>) -> Option<MetricsRenderer> {
    let handle = handle()?.clone();
    let process = metrics_process::Collector::default();
    process.describe();
    Some(Arc::new(move || {
        process.collect();
        let (open, idle) = store.pool_connections();
        metrics::gauge!("radarr_db_pool_connections").set(f64::from(open));
        metrics::gauge!("radarr_db_pool_idle_connections").set(idle as f64);
        handle.render()
    }))
}
