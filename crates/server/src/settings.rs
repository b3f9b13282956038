//! The settings the server runs with, resolved from flags, environment,
//! the config file and defaults, in that order.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;
use store_postgres::PostgresOptions;
use tmdb::{Credential, RateLimit, TmdbConfig};

use crate::cli::ServeArgs;
use crate::config_file::{self, FileConfig};
use crate::error::ServerError;

/// Where the library is stored.
#[derive(Debug, Clone)]
pub enum DatabaseSettings {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(PostgresOptions),
}

/// Everything `serve` needs.
#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub bind_address: IpAddr,
    pub port: u16,
    pub url_base: String,
    /// Given by flag, environment or file; otherwise generated and kept.
    pub api_key: Option<String>,
    pub database: DatabaseSettings,
    pub tmdb: TmdbConfig,
    pub log_level: String,
    pub instance_name: String,
    pub trusted_proxies: Vec<IpNet>,
    pub metrics_open: bool,
}

/// The SQLite file's name in the data folder.
pub const SQLITE_FILE: &str = "unified-radarr.db";

/// Radarr's way of naming a PostgreSQL server: `RADARR__POSTGRES__HOST`,
/// `…PORT`, `…USER`, `…PASSWORD`, `…MAINDB`. Used when no URL is given.
fn postgres_url_from_env() -> Option<String> {
    postgres_url_from(|name| std::env::var(name).ok())
}

/// Builds the URL from `RADARR__POSTGRES__*` values read through `lookup`.
fn postgres_url_from(lookup: impl Fn(&str) -> Option<String>) -> Option<String> {
    let var = |name: &str| lookup(&format!("RADARR__POSTGRES__{name}")).filter(|v| !v.is_empty());
    let host = var("HOST")?;
    let port = var("PORT").unwrap_or_else(|| "5432".into());
    let user = var("USER").unwrap_or_else(|| "postgres".into());
    let database = var("MAINDB").unwrap_or_else(|| "radarr-main".into());
    let auth = match var("PASSWORD") {
        Some(password) => format!("{}:{}", encode(&user), encode(&password)),
        None => encode(&user),
    };
    Some(format!(
        "postgres://{auth}@{host}:{port}/{}",
        encode(&database)
    ))
}

/// Percent-encodes a URL part.
fn encode(part: &str) -> String {
    form_urlencoded::byte_serialize(part.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// "/radarr/" and "radarr" both mean "/radarr"; "/" means none.
fn normalize_url_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

fn parse_proxies(list: &[String]) -> Result<Vec<IpNet>, ServerError> {
    list.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    ServerError::Config(format!(
                        "trusted proxy '{s}' is not an address or CIDR range"
                    ))
                })
        })
        .collect()
}

impl Settings {
    /// Resolves the settings; reads the config file from the data folder.
    pub fn resolve(args: ServeArgs) -> Result<Settings, ServerError> {
        let data_dir = args
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("./data"));
        let file = config_file::load(&data_dir)?;
        Self::merge(args, file, data_dir)
    }

    fn merge(
        args: ServeArgs,
        file: FileConfig,
        data_dir: PathBuf,
    ) -> Result<Settings, ServerError> {
        let database_url = args
            .database_url
            .or(file.database_url)
            .or_else(postgres_url_from_env);
        let database = match database_url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                let mut options = PostgresOptions::new(url);
                let secs = Duration::from_secs;
                if let Some(v) = args.db_max_connections.or(file.db_max_connections) {
                    options.max_connections = v;
                }
                if let Some(v) = args.db_min_connections.or(file.db_min_connections) {
                    options.min_connections = v;
                }
                if let Some(v) = args.db_acquire_timeout.or(file.db_acquire_timeout) {
                    options.acquire_timeout = secs(v);
                }
                if let Some(v) = args.db_idle_timeout.or(file.db_idle_timeout) {
                    options.idle_timeout = secs(v);
                }
                if let Some(v) = args.db_max_lifetime.or(file.db_max_lifetime) {
                    options.max_lifetime = secs(v);
                }
                if let Some(v) = args.db_test_before_acquire.or(file.db_test_before_acquire) {
                    options.test_before_acquire = v;
                }
                if options.min_connections > options.max_connections {
                    return Err(ServerError::Config(
                        "db-min-connections is above db-max-connections".into(),
                    ));
                }
                DatabaseSettings::Postgres(options)
            }
            Some(url) if url.starts_with("sqlite:") => {
                let path = url
                    .trim_start_matches("sqlite://")
                    .trim_start_matches("sqlite:");
                let path = path.split('?').next().unwrap_or(path);
                DatabaseSettings::Sqlite(PathBuf::from(path))
            }
            Some(other) => {
                return Err(ServerError::Config(format!(
                    "database URL must start with postgres:// or sqlite: (got '{}')",
                    other.split("://").next().unwrap_or("")
                )));
            }
            None => DatabaseSettings::Sqlite(data_dir.join(SQLITE_FILE)),
        };
        Ok(Settings {
            bind_address: args
                .bind_address
                .or(file.bind_address)
                .unwrap_or(IpAddr::from([0, 0, 0, 0])),
            port: args.port.or(file.port).unwrap_or(7878),
            url_base: normalize_url_base(&args.url_base.or(file.url_base).unwrap_or_default()),
            api_key: args
                .api_key
                .or(file.api_key)
                .filter(|k| !k.trim().is_empty()),
            database,
            tmdb: TmdbConfig {
                base_url: args
                    .tmdb_url
                    .or(file.tmdb_url)
                    .unwrap_or_else(|| tmdb::config::DEFAULT_BASE_URL.into()),
                credential: args
                    .tmdb_api_key
                    .or(file.tmdb_api_key)
                    .filter(|k| !k.trim().is_empty())
                    .map(|k| Credential::from_key(&k)),
                rate_limit: match (args.tmdb_rate_limit, file.tmdb_rate_limit) {
                    (Some(limit), _) => limit,
                    (None, Some(text)) => text.parse().map_err(|e: String| {
                        ServerError::Config(format!("tmdb_rate_limit: {e}"))
                    })?,
                    (None, None) => RateLimit::default(),
                },
                cache_mb: args
                    .tmdb_cache_mb
                    .or(file.tmdb_cache_mb)
                    .unwrap_or(TmdbConfig::default().cache_mb),
                ..TmdbConfig::default()
            },
            log_level: args
                .log_level
                .or(file.log_level)
                .unwrap_or_else(|| "info".into()),
            instance_name: args
                .instance_name
                .or(file.instance_name)
                .unwrap_or_else(|| "Unified-Radarr".into()),
            trusted_proxies: parse_proxies(
                &args
                    .trusted_proxies
                    .or(file.trusted_proxies)
                    .unwrap_or_default(),
            )?,
            metrics_open: args.metrics_open.or(file.metrics_open).unwrap_or(false),
            data_dir,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_the_file_and_the_file_beats_defaults() {
        let args = ServeArgs {
            port: Some(9000),
            ..ServeArgs::default()
        };
        let file = FileConfig {
            port: Some(8000),
            url_base: Some("radarr/".into()),
            ..FileConfig::default()
        };
        let s = Settings::merge(args, file, PathBuf::from("/data")).unwrap();
        assert_eq!(s.port, 9000);
        assert_eq!(s.url_base, "/radarr");
        assert_eq!(s.bind_address, IpAddr::from([0, 0, 0, 0]));
        assert!(
            matches!(s.database, DatabaseSettings::Sqlite(ref p) if p == &PathBuf::from("/data/unified-radarr.db"))
        );
    }

    #[test]
    fn tmdb_settings_come_from_flags_or_the_file() {
        let defaults = Settings::merge(
            ServeArgs::default(),
            FileConfig::default(),
            PathBuf::from("/d"),
        )
        .unwrap();
        assert_eq!(defaults.tmdb.base_url, "https://api.themoviedb.org/3");
        assert_eq!(defaults.tmdb.rate_limit, RateLimit::default());
        assert_eq!(defaults.tmdb.cache_mb, 16);
        assert!(defaults.tmdb.credential.is_none());

        let file = FileConfig {
            tmdb_rate_limit: Some("10/1".into()),
            tmdb_cache_mb: Some(32),
            tmdb_api_key: Some("eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxIn0.c2ln".into()),
            ..FileConfig::default()
        };
        let s = Settings::merge(ServeArgs::default(), file, PathBuf::from("/d")).unwrap();
        assert_eq!(s.tmdb.rate_limit.to_string(), "10/1");
        assert_eq!(s.tmdb.cache_mb, 32);
        assert!(matches!(
            s.tmdb.credential,
            Some(Credential::AccessToken(_))
        ));

        let args = ServeArgs {
            tmdb_rate_limit: Some("50/1".parse().unwrap()),
            tmdb_api_key: Some("0123456789abcdef0123456789abcdef".into()),
            ..ServeArgs::default()
        };
        let file = FileConfig {
            tmdb_rate_limit: Some("10/1".into()),
            ..FileConfig::default()
        };
        let s = Settings::merge(args, file, PathBuf::from("/d")).unwrap();
        assert_eq!(s.tmdb.rate_limit.to_string(), "50/1");
        assert!(matches!(s.tmdb.credential, Some(Credential::ApiKey(_))));

        let file = FileConfig {
            tmdb_rate_limit: Some("fast".into()),
            ..FileConfig::default()
        };
        let err = Settings::merge(ServeArgs::default(), file, PathBuf::from("/d")).unwrap_err();
        assert!(err.to_string().contains("tmdb_rate_limit"), "{err}");
    }

    #[test]
    fn postgres_urls_pick_postgres_with_pool_settings() {
        let args = ServeArgs {
            database_url: Some("postgres://u:p@db/radarr".into()),
            db_max_connections: Some(5),
            db_min_connections: Some(1),
            ..ServeArgs::default()
        };
        let s = Settings::merge(args, FileConfig::default(), PathBuf::from("/data")).unwrap();
        let DatabaseSettings::Postgres(options) = s.database else {
            panic!("expected postgres")
        };
        assert_eq!((options.max_connections, options.min_connections), (5, 1));
        assert_eq!(options.acquire_timeout, Duration::from_secs(8));
    }

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        let bad_db = ServeArgs {
            database_url: Some("mysql://x".into()),
            ..ServeArgs::default()
        };
        assert!(Settings::merge(bad_db, FileConfig::default(), PathBuf::new()).is_err());
        let bad_proxy = ServeArgs {
            trusted_proxies: Some(vec!["nope".into()]),
            ..ServeArgs::default()
        };
        assert!(Settings::merge(bad_proxy, FileConfig::default(), PathBuf::new()).is_err());
        let proxies = ServeArgs {
            trusted_proxies: Some(vec!["10.0.0.1".into(), "172.16.0.0/12".into()]),
            ..ServeArgs::default()
        };
        assert_eq!(
            Settings::merge(proxies, FileConfig::default(), PathBuf::new())
                .unwrap()
                .trusted_proxies
                .len(),
            2
        );
    }

    #[test]
    fn radarrs_postgres_variables_make_a_url() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(postgres_url_from(env(&[])), None, "no host, no PostgreSQL");
        assert_eq!(
            postgres_url_from(env(&[("RADARR__POSTGRES__HOST", "db")])).as_deref(),
            Some("postgres://postgres@db:5432/radarr-main")
        );
        static ALL: [(&str, &str); 5] = [
            ("RADARR__POSTGRES__HOST", "db.local"),
            ("RADARR__POSTGRES__PORT", "6432"),
            ("RADARR__POSTGRES__USER", "radarr"),
            ("RADARR__POSTGRES__PASSWORD", "p@ss word"),
            ("RADARR__POSTGRES__MAINDB", "movies"),
        ];
        assert_eq!(
            postgres_url_from(env(&ALL)).as_deref(),
            Some("postgres://radarr:p%40ss%20word@db.local:6432/movies")
        );
    }

    #[test]
    fn url_base_forms_are_normalized() {
        assert_eq!(normalize_url_base("/"), "");
        assert_eq!(normalize_url_base("radarr"), "/radarr");
        assert_eq!(normalize_url_base("/radarr/"), "/radarr");
    }
}
