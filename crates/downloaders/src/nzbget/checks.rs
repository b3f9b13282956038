//! Radarr's test of an NZBGet: its version, that our category is one of
//! its own, and that it keeps a history to follow finished downloads in.

use std::collections::HashMap;

use serde::Deserialize;

use crate::DownloadError;

/// The oldest NZBGet Radarr takes.
const MIN_VERSION: (u32, u32) = (12, 0);

/// One of NZBGet's options, as `config` lists them.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct ConfigItem {
    name: String,
    #[serde(default)]
    value: String,
}

/// NZBGet's options by name.
pub(super) fn options(items: Vec<ConfigItem>) -> HashMap<String, String> {
    items.into_iter().map(|i| (i.name, i.value)).collect()
}

/// Radarr's checks of the version NZBGet gave, and of its options for
/// `category`.
pub(super) fn check(
    version: &str,
    config: &HashMap<String, String>,
    category: &str,
) -> Result<(), DownloadError> {
    if parse_version(version).is_some_and(|v| v < MIN_VERSION) {
        return Err(DownloadError::Unsupported(
            "NZBGet version too low, need 12.0 or higher".into(),
        ));
    }
    if !category.trim().is_empty() && !categories(config).any(|name| name == category) {
        return Err(DownloadError::Setting {
            setting: "movieCategory",
            message: format!(
                "Category does not exist: the category '{category}' is not in NZBGet. \
                 Go to NZBGet to create it."
            ),
        });
    }
    // Unset, NZBGet keeps 7 days; 0 would drop finished downloads before
    // they are imported.
    let keep = config.get("KeepHistory").map_or("7", String::as_str);
    match keep.trim().parse::<u32>() {
        Ok(days) if days > 25_000 => Err(DownloadError::Unsupported(
            "NzbGet setting KeepHistory should be less than 25000".into(),
        )),
        Ok(days) if days > 0 => Ok(()),
        _ => Err(DownloadError::Unsupported(
            "NzbGet setting KeepHistory should be greater than 0".into(),
        )),
    }
}

/// The category names NZBGet's options define (`Category1.Name`, …).
fn categories(config: &HashMap<String, String>) -> impl Iterator<Item = &str> {
    (1..100).map_while(move |i| config.get(&format!("Category{i}.Name")).map(String::as_str))
}

/// A version's major and minor numbers: `21.0`, `21.1-testing-r2220`.
fn parse_version(version: &str) -> Option<(u32, u32)> {
    let release = version.split('-').next()?.trim();
    let mut parts = release.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    Some((major, minor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn versions_read_their_major_and_minor() {
        assert_eq!(parse_version("21.0"), Some((21, 0)));
        assert_eq!(parse_version("21.1-testing-r2220"), Some((21, 1)));
        assert_eq!(parse_version("11"), Some((11, 0)));
        assert_eq!(parse_version("develop"), None);
    }

    #[test]
    fn categories_are_read_in_order_until_the_first_gap() {
        let config = config(&[
            ("Category1.Name", "movies"),
            ("Category2.Name", "radarr"),
            ("Category4.Name", "after a gap"),
            ("MainDir", "/x"),
        ]);
        assert_eq!(
            categories(&config).collect::<Vec<_>>(),
            ["movies", "radarr"]
        );
    }

    #[test]
    fn an_old_version_fails() {
        let result = check("11.2", &config(&[]), "");
        let Err(DownloadError::Unsupported(message)) = result else {
            panic!("too old: {result:?}");
        };
        assert_eq!(message, "NZBGet version too low, need 12.0 or higher");
        assert!(check("12.0", &config(&[]), "").is_ok());
    }

    #[test]
    fn the_category_must_be_nzbgets_exactly() {
        let config = config(&[("Category1.Name", "Movies")]);
        assert!(check("21.0", &config, "Movies").is_ok());
        let result = check("21.0", &config, "movies");
        assert!(
            matches!(
                result,
                Err(DownloadError::Setting {
                    setting: "movieCategory",
                    ..
                })
            ),
            "{result:?}"
        );
    }

    #[test]
    fn the_history_must_be_kept_but_not_forever() {
        for (keep, ok) in [
            ("0", false),
            ("7", true),
            ("25000", true),
            ("25001", false),
            ("x", false),
        ] {
            let config = config(&[("KeepHistory", keep)]);
            assert_eq!(check("21.0", &config, "").is_ok(), ok, "{keep}");
        }
    }
}
