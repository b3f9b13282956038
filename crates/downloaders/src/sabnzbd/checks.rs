//! Radarr's test of a SABnzbd: its version, and the configuration that
//! would keep downloads from being followed or imported (the category, job
//! folders, sorting, "check before download").

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::items::flag;
use crate::DownloadError;

/// The oldest SABnzbd Radarr takes.
const MIN_VERSION: (u32, u32, u32) = (0, 7, 0);

/// The version SABnzbd's `develop` builds are taken for.
const DEVELOP: (u32, u32, u32) = (1, 1, 0);

/// What `get_config` gives, as far as the checks need it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Config {
    pub misc: Misc,
    pub categories: Vec<Category>,
}

/// The `misc` section.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Misc {
    #[serde(deserialize_with = "flag")]
    pub pre_check: bool,
    #[serde(deserialize_with = "flag")]
    pub enable_tv_sorting: bool,
    #[serde(deserialize_with = "names")]
    pub tv_categories: Vec<String>,
    #[serde(deserialize_with = "flag")]
    pub enable_movie_sorting: bool,
    #[serde(deserialize_with = "names")]
    pub movie_categories: Vec<String>,
    #[serde(deserialize_with = "flag")]
    pub enable_date_sorting: bool,
    #[serde(deserialize_with = "names")]
    pub date_categories: Vec<String>,
}

/// One category.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Category {
    pub name: String,
    /// Its folder; a trailing `*` means no folder per job.
    pub dir: String,
}

/// A list of names, written as a list or as comma-separated text.
fn names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Value::String(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    })
}

/// The version in SABnzbd's version text: the first `major.minor.patch`
/// (the patch may be `x` in a git build), or `develop`.
pub(super) fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("develop") {
        return Some(DEVELOP);
    }
    let bytes = text.as_bytes();
    (0..bytes.len())
        // A digit is one byte, so starting at one starts on a character.
        .filter(|&at| bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_digit()))
        .find_map(|at| {
            let mut parts = text[at..].splitn(3, '.');
            let major = digits(parts.next()?)?;
            let minor = digits(parts.next()?)?;
            let rest = parts.next()?;
            let patch = if rest.starts_with('x') {
                0
            } else {
                let end = rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                digits(&rest[..end])?
            };
            Some((major, minor, patch))
        })
}

/// A run of ASCII digits as a number.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Radarr's version check.
pub(super) fn check_version(text: &str) -> Result<(u32, u32, u32), DownloadError> {
    let Some(version) = parse_version(text) else {
        return Err(DownloadError::Setting {
            setting: "version",
            message: format!("Unknown Version: {}", super::api::quote(text)),
        });
    };
    if version < MIN_VERSION {
        return Err(DownloadError::Setting {
            setting: "version",
            message: format!("Version 0.7.0+ is required, but found: {}", text.trim()),
        });
    }
    Ok(version)
}

/// Radarr's checks of SABnzbd's configuration for our category.
pub(super) fn check_config(
    config: &Config,
    version: (u32, u32, u32),
    category: &str,
) -> Result<(), DownloadError> {
    // Versions before 1.1 hide a job from the queue while it is checked.
    if config.misc.pre_check && version < (1, 1, 0) {
        return Err(DownloadError::Unsupported(
            "Disable 'Check before download' option in SABnzbd".into(),
        ));
    }
    let setting = |message: &str| DownloadError::Setting {
        setting: "movieCategory",
        message: message.to_string(),
    };
    match config.categories.iter().find(|c| c.name == category) {
        Some(found) if found.dir.ends_with('*') => {
            return Err(setting(
                "Enable Job folders: Radarr prefers each download to have a separate folder. \
                 With * appended to the Folder/Path SABnzbd will not create these job folders.",
            ));
        }
        None if !category.trim().is_empty() => {
            return Err(setting(&format!(
                "Category does not exist: the category '{category}' is not in SABnzbd. \
                 Go to SABnzbd to create it."
            )));
        }
        _ => {}
    }
    let misc = &config.misc;
    let sorted = |enabled: bool, categories: &[String]| enabled && applies(categories, category);
    if sorted(misc.enable_tv_sorting, &misc.tv_categories) {
        return Err(setting("Disable TV Sorting for the category Radarr uses"));
    }
    if sorted(misc.enable_movie_sorting, &misc.movie_categories) {
        return Err(setting(
            "Disable Movie Sorting for the category Radarr uses",
        ));
    }
    if sorted(misc.enable_date_sorting, &misc.date_categories) {
        return Err(setting("Disable Date Sorting for the category Radarr uses"));
    }
    Ok(())
}

/// Whether a sorting limited to `categories` (all when none are named)
/// applies to `category` (SABnzbd's `Default` when empty).
fn applies(categories: &[String], category: &str) -> bool {
    let category = if category.trim().is_empty() {
        "Default"
    } else {
        category
    };
    categories.is_empty() || categories.iter().any(|c| c == category)
}

#[cfg(test)]
mod tests;
