//! The `unified-radarr` server: settings, the data folder, the store, the API,
//! and a clean start and stop.
#![forbid(unsafe_code)]

pub mod analyze_groups;
pub mod cli;
pub mod config_file;
pub mod data_dir;
pub mod error;
pub mod parse_titles;
pub mod restore;
pub mod settings;
pub mod telemetry;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use api::commands::{JobRunner, Schedule};
use api::{ApiConfig, AppState};
use axum::ServiceExt;
use domain::quality_definition::default_definitions;
use domain::quality_profile::default_profiles;
use secrecy::SecretString;
use store::{Metered, Store};
use store_postgres::PostgresStore;
use store_sqlite::SqliteStore;
use tmdb::TmdbClient;
use tokio::net::TcpListener;

pub use error::ServerError;
pub use settings::{DatabaseSettings, Settings};

/// The Radarr version whose API we speak, reported in `system/status` and
/// `X-Application-Version`; clients gate features on it (Prowlarr needs at
/// least 4.0.4, Recyclarr checks 5.9 for quality sizes).
pub const RADARR_API_VERSION: &str = "6.0.3.10276";

/// The largest request body accepted.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// A server ready to serve: the store is open and migrated, the defaults
/// exist, and (for SQLite) the data folder is locked.
pub struct Prepared {
    state: AppState,
    store: Arc<dyn Store>,
    _lock: Option<data_dir::DataDirLock>,
    /// The API key, and whether it was generated on this start.
    pub api_key: (String, bool),
}

impl Prepared {
    /// The shared state handlers see.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Closes the database, for a run that serves nothing.
    pub async fn close(self) {
        self.store.close().await;
    }
}

/// Opens everything the server needs.
pub async fn prepare(settings: &Settings) -> Result<Prepared, ServerError> {
    data_dir::create(&settings.data_dir)?;
    let (store, lock): (Arc<dyn Store>, _) = match &settings.database {
        DatabaseSettings::Sqlite(path) => {
            let lock = data_dir::lock(&settings.data_dir)?;
            data_dir::ensure_parent(path)?;
            // Under the lock and before the database opens: a restore
            // staged by the last run takes the database's place.
            restore::apply_staged(&settings.data_dir, &settings.database)?;
            (
                Arc::new(Metered::new(SqliteStore::open(path).await?)),
                Some(lock),
            )
        }
        DatabaseSettings::Postgres(options) => {
            // Only says so when a SQLite restore waits in the folder.
            restore::apply_staged(&settings.data_dir, &settings.database)?;
            (Arc::new(PostgresStore::connect(options).await?), None)
        }
    };
    store
        .seed_defaults(&default_profiles(), &default_definitions())
        .await?;
    let api_key = data_dir::api_key(&settings.data_dir, settings.api_key.as_deref())?;
    let config = ApiConfig {
        api_key: SecretString::from(api_key.0.clone()),
        url_base: settings.url_base.clone(),
        instance_name: settings.instance_name.clone(),
        app_version: RADARR_API_VERSION.to_string(),
        package_version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: data_dir::absolute(&settings.data_dir),
        startup_path: std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|p| p.to_path_buf()))
            .unwrap_or_default(),
        trusted_proxies: settings.trusted_proxies.clone(),
        metrics_open: settings.metrics_open,
        body_limit: BODY_LIMIT,
        slow_request: Duration::from_millis(100),
        bind_address: settings.bind_address.to_string(),
        port: settings.port,
    };
    let tmdb =
        TmdbClient::new(settings.tmdb.clone()).map_err(|e| ServerError::Config(e.to_string()))?;
    let mut state = AppState::new(
        store.clone(),
        Arc::new(tmdb),
        config,
        telemetry::renderer(store.clone()),
    );
    state.config_file_check = config_file::check;
    state.log_level = Arc::new(telemetry::LogLevelSetting::new(
        &settings.data_dir,
        &settings.log_level,
    ));
    // The process's logging feeds this server's recent entries from now on.
    telemetry::log_capture::feed(&state.logs);
    Ok(Prepared {
        state,
        store,
        _lock: lock,
        api_key,
    })
}

/// Serves until `shutdown` resolves, lets requests in flight finish, then
/// closes the database.
pub async fn serve(
    listener: TcpListener,
    prepared: Prepared,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let state = prepared.state.clone();
    let housekeeping = tokio::spawn(state.clone().housekeeping());
    let runner = JobRunner::new(state.clone());
    runner.recover().await;
    let runner_id = runner.id().to_string();
    let jobs = tokio::spawn(runner.run());
    let schedule = match Schedule::new(state.clone()).await {
        Ok(schedule) => Some(tokio::spawn(schedule.run())),
        Err(e) => {
            tracing::error!(error = %e, "the schedule could not be read; scheduled tasks will not run");
            None
        }
    };
    let app = api::service_with(
        state.clone(),
        web::routes(|pages| {
            pages.layer(axum::middleware::from_fn_with_state(
                state.clone(),
                api::session::require_ui_session,
            ))
        }),
    );
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    // Hub connections are upgraded sockets, which the graceful shutdown does
    // not wait for: they are told to reconnect later.
    state.events.stop();
    housekeeping.abort();
    if let Some(schedule) = schedule {
        schedule.abort();
    }
    // Stopping the runner stops the commands it runs; they go back in the
    // queue for the next start.
    jobs.abort();
    let _ = jobs.await;
    JobRunner::release(&state, &runner_id).await;
    prepared.store.close().await;
    tracing::info!("stopped");
    served.map_err(ServerError::Serve)
}

/// Listens for Ctrl-C and SIGTERM from the call on, and resolves when one
/// comes. Made before the server says it listens: a handler registered only
/// when the future is first polled would leave a moment in which SIGTERM
/// kills the process instead of stopping it.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let (interrupt, terminate) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        )
    };
    async move {
        #[cfg(unix)]
        tokio::select! {
            () = wait_for(interrupt, "Ctrl-C") => {},
            () = wait_for(terminate, "SIGTERM") => {},
        }
        #[cfg(not(unix))]
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

/// Resolves on the signal; never, if it could not be listened for.
#[cfg(unix)]
async fn wait_for(signal: std::io::Result<tokio::signal::unix::Signal>, name: &str) {
    match signal {
        Ok(mut signal) => {
            signal.recv().await;
        }
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for {name}");
            std::future::pending::<()>().await;
        }
    }
}

/// `unified-radarr serve`: the whole life of the server.
pub async fn run(settings: Settings) -> Result<(), ServerError> {
    let started = Instant::now();
    let prepared = prepare(&settings).await?;
    let (key, generated) = &prepared.api_key;
    if *generated {
        // Printed once, on the start that made it; it is kept in config.toml.
        println!(
            "API key (generated, saved in {}): {key}",
            settings.data_dir.join(config_file::FILE_NAME).display()
        );
    }
    let address = SocketAddr::new(settings.bind_address, settings.port);
    let listener = TcpListener::bind(address)
        .await
        .map_err(ServerError::Serve)?;
    let local = listener.local_addr().map_err(ServerError::Serve)?;
    let shutdown = shutdown_signal();
    tracing::info!(
        address = %local,
        url_base = %settings.url_base,
        ready_ms = started.elapsed().as_millis() as u64,
        "Unified-Radarr is listening"
    );
    serve(listener, prepared, shutdown).await
}
