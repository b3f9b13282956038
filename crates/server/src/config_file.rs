//! `config.toml` in the data folder: settings below flags and environment,
//! and where the generated API key is kept.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ServerError;

/// The file's name in the data folder.
pub const FILE_NAME: &str = "config.toml";

/// Every setting the file may hold; all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub port: Option<u16>,
    pub bind_address: Option<std::net::IpAddr>,
    pub url_base: Option<String>,
    pub api_key: Option<String>,
    pub database_url: Option<String>,
    pub db_max_connections: Option<u32>,
    pub db_min_connections: Option<u32>,
    pub db_acquire_timeout: Option<u64>,
    pub db_idle_timeout: Option<u64>,
    pub db_max_lifetime: Option<u64>,
    pub db_test_before_acquire: Option<bool>,
    pub tmdb_url: Option<String>,
    pub tmdb_api_key: Option<String>,
    pub tmdb_rate_limit: Option<String>,
    pub tmdb_cache_mb: Option<u64>,
    pub log_level: Option<String>,
    pub instance_name: Option<String>,
    pub trusted_proxies: Option<Vec<String>>,
    pub metrics_open: Option<bool>,
}

fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// Reads the file; a missing file is an empty config.
pub fn load(data_dir: &Path) -> Result<FileConfig, ServerError> {
    let path = path_in(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| ServerError::Config(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FileConfig::default()),
        Err(e) => Err(ServerError::Io(path, e)),
    }
}

/// Checks the text of a config file as [`load`] reads it, for a restore
/// that is about to put it in place.
pub fn check(text: &str) -> Result<(), String> {
    toml::from_str::<FileConfig>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Stores one setting (`api_key`, `log_level`) in the file, keeping
/// everything else the user wrote. Written to a temporary file and renamed,
/// so a crash leaves the old file whole.
pub fn save_setting(data_dir: &Path, name: &str, value: &str) -> Result<(), ServerError> {
    let path = path_in(data_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(ServerError::Io(path, e)),
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| ServerError::Config(format!("{}: {e}", path.display())))?;
    doc[name] = toml_edit::value(value);
    let temp = data_dir.join(format!(".{FILE_NAME}.tmp"));
    std::fs::write(&temp, doc.to_string()).map_err(|e| ServerError::Io(temp.clone(), e))?;
    std::fs::rename(&temp, &path).map_err(|e| ServerError::Io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_a_setting_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "# mine\nport = 9000\n").unwrap();
        save_setting(dir.path(), "api_key", "abc").unwrap();
        save_setting(dir.path(), "log_level", "debug").unwrap();
        let config = load(dir.path()).unwrap();
        assert_eq!(config.port, Some(9000));
        assert_eq!(config.api_key.as_deref(), Some("abc"));
        assert_eq!(config.log_level.as_deref(), Some("debug"));
        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert!(text.contains("# mine"));
    }

    #[test]
    fn unknown_settings_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "prot = 9000\n").unwrap();
        assert!(matches!(load(dir.path()), Err(ServerError::Config(_))));
    }

    #[test]
    fn a_restored_file_is_checked_as_a_start_reads_it() {
        assert_eq!(check("port = 9000\napi_key = \"abc\"\n"), Ok(()));
        assert!(check("prot = 9000\n").unwrap_err().contains("prot"));
        assert!(check("port = \"many\"\n").is_err());
    }
}
