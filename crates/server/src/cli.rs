//! The command line: `unified-radarr serve` (the default) with every setting
//! as a flag or a `RADARR__…` environment variable.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Unified-Radarr: a movie collection manager that speaks Radarr's API.
#[derive(Debug, Parser)]
#[command(name = "unified-radarr", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Settings of `serve`, also accepted without the subcommand.
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Box<ServeArgs>),
    /// Print what release titles say, as `GET /api/v3/parse?title=` answers:
    /// one JSON line per title; with no TITLE, one title a line from stdin.
    Parse(ParseArgs),
    /// Analyse scene groups now: read the enabled HDBits indexers' releases
    /// (resuming an unfinished run) and score each release group, as the
    /// `SceneGroupAnalysis` command does. On SQLite, stop the server first:
    /// one process owns the data folder.
    AnalyzeGroups,
}

/// Titles to read.
#[derive(Debug, Clone, Default, Args)]
pub struct ParseArgs {
    /// Release titles or file names.
    pub titles: Vec<String>,
}

/// Settings of the server. Each is taken from the flag, else the environment
/// variable, else `config.toml` in the data folder, else the default.
#[derive(Debug, Clone, Default, Args)]
pub struct ServeArgs {
    /// Folder for the database, the config file and caches [default: ./data].
    #[arg(long, env = "RADARR__APP__DATADIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Port to listen on [default: 7878].
    #[arg(long, env = "RADARR__SERVER__PORT", global = true)]
    pub port: Option<u16>,
    /// Address to listen on [default: 0.0.0.0].
    #[arg(long, env = "RADARR__SERVER__BINDADDRESS", global = true)]
    pub bind_address: Option<IpAddr>,
    /// Path prefix of every route, e.g. /radarr behind a reverse proxy.
    #[arg(long, env = "RADARR__SERVER__URLBASE", global = true)]
    pub url_base: Option<String>,
    /// API key clients must send [default: generated on first start and kept].
    #[arg(
        long,
        env = "RADARR__AUTH__APIKEY",
        global = true,
        hide_env_values = true
    )]
    pub api_key: Option<String>,
    /// Database: a postgres:// URL selects PostgreSQL [default: SQLite file in the data folder].
    #[arg(
        long,
        env = "RADARR__DATABASE__URL",
        global = true,
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// PostgreSQL pool: most connections [default: 20].
    #[arg(long, env = "RADARR__DATABASE__MAXCONNECTIONS", global = true)]
    pub db_max_connections: Option<u32>,
    /// PostgreSQL pool: connections kept open when idle [default: 2].
    #[arg(long, env = "RADARR__DATABASE__MINCONNECTIONS", global = true)]
    pub db_min_connections: Option<u32>,
    /// PostgreSQL pool: seconds to wait for a connection [default: 8].
    #[arg(long, env = "RADARR__DATABASE__ACQUIRETIMEOUT", global = true)]
    pub db_acquire_timeout: Option<u64>,
    /// PostgreSQL pool: seconds before an idle connection closes [default: 300].
    #[arg(long, env = "RADARR__DATABASE__IDLETIMEOUT", global = true)]
    pub db_idle_timeout: Option<u64>,
    /// PostgreSQL pool: seconds a connection lives at most [default: 1800].
    #[arg(long, env = "RADARR__DATABASE__MAXLIFETIME", global = true)]
    pub db_max_lifetime: Option<u64>,
    /// PostgreSQL pool: check a connection before use [default: true].
    #[arg(long, env = "RADARR__DATABASE__TESTBEFOREACQUIRE", global = true)]
    pub db_test_before_acquire: Option<bool>,
    /// TMDB API base URL [default: https://api.themoviedb.org/3].
    #[arg(long, env = "RADARR__TMDB__URL", global = true)]
    pub tmdb_url: Option<String>,
    /// TMDB API key: a v3 key, or a v4 read access token (sent as a Bearer header).
    #[arg(
        long,
        env = "RADARR__TMDB__APIKEY",
        global = true,
        hide_env_values = true
    )]
    pub tmdb_api_key: Option<String>,
    /// TMDB requests allowed per period, as REQUESTS/SECONDS [default: 40/10].
    #[arg(long, env = "RADARR__TMDB__RATELIMIT", global = true)]
    pub tmdb_rate_limit: Option<tmdb::RateLimit>,
    /// TMDB answers kept, in MB as they came in [default: 16].
    #[arg(long, env = "RADARR__TMDB__CACHEMB", global = true)]
    pub tmdb_cache_mb: Option<u64>,
    /// Log level: error, warn, info, debug or trace, or a tracing filter [default: info].
    #[arg(long, env = "RADARR__LOG__LEVEL", global = true)]
    pub log_level: Option<String>,
    /// The instance's name in system/status [default: Unified-Radarr].
    #[arg(long, env = "RADARR__APP__INSTANCENAME", global = true)]
    pub instance_name: Option<String>,
    /// Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed.
    #[arg(
        long,
        env = "RADARR__SERVER__TRUSTEDPROXIES",
        global = true,
        value_delimiter = ','
    )]
    pub trusted_proxies: Option<Vec<String>>,
    /// Serve /metrics without the API key [default: false].
    #[arg(long, env = "RADARR__METRICS__OPEN", global = true)]
    pub metrics_open: Option<bool>,
}

impl Cli {
    /// The serve settings, from the subcommand or the top level.
    pub fn serve_args(self) -> ServeArgs {
        match self.command {
            Some(Command::Serve(args)) => *args,
            Some(Command::Parse(_) | Command::AnalyzeGroups) | None => self.serve,
        }
    }
}
