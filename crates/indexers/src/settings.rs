//! The settings of a Newznab or Torznab indexer, named as Radarr's
//! `NewznabSettings`/`TorznabSettings` name them, and which implementation
//! has which (the table of fields is in `schema`).

use domain::provider::FieldSpec;
use domain::release::Protocol;
use secrecy::{ExposeSecret, SecretString};

use crate::schema::{FIELDS, TORRENT_ONLY};

/// What the API shows in place of a saved secret.
pub const MASK: &str = "********";

/// Radarr's default categories: Movies and its subcategories (2000 Movies,
/// 2010 Foreign, 2020 Other, 2030 SD, 2040 HD, 2045 UHD, 2050 BluRay, 2060 3D).
pub const DEFAULT_CATEGORIES: &[i32] = &[2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060];

/// Radarr's `IndexerDefaults.MINIMUM_SEEDERS`.
pub const DEFAULT_MINIMUM_SEEDERS: i32 = 1;

/// Which of the two protocols' implementations an indexer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Implementation {
    /// Usenet, `.nzb` files.
    Newznab,
    /// Torrents, the same API with torrent attributes.
    Torznab,
}

impl Implementation {
    /// Radarr's `implementation` name.
    pub fn name(self) -> &'static str {
        match self {
            Implementation::Newznab => "Newznab",
            Implementation::Torznab => "Torznab",
        }
    }

    /// Radarr's `configContract`.
    pub fn config_contract(self) -> &'static str {
        match self {
            Implementation::Newznab => "NewznabSettings",
            Implementation::Torznab => "TorznabSettings",
        }
    }

    /// How its releases are downloaded.
    pub fn protocol(self) -> Protocol {
        match self {
            Implementation::Newznab => Protocol::Usenet,
            Implementation::Torznab => Protocol::Torrent,
        }
    }

    /// The implementation named `name` (case-insensitive), as Radarr spells it.
    pub fn from_name(name: &str) -> Option<Implementation> {
        [Implementation::Newznab, Implementation::Torznab]
            .into_iter()
            .find(|i| i.name().eq_ignore_ascii_case(name))
    }

    /// The fields its settings have, in the order the UI shows them.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS
            .iter()
            .filter(move |f| self == Implementation::Torznab || !TORRENT_ONLY.contains(&f.name))
    }
}

/// The settings of one Newznab or Torznab indexer.
#[derive(Debug, Clone)]
pub struct IndexerSettings {
    /// The indexer's root URL, e.g. `https://api.nzbgeek.info`.
    pub base_url: String,
    /// The API's path under it, `/api` by default.
    pub api_path: String,
    /// The API key; none for indexers that need none.
    pub api_key: Option<SecretString>,
    /// Newznab categories searched.
    pub categories: Vec<i32>,
    /// Extra query parameters, `&name=value…`, appended to every request.
    pub additional_parameters: String,
    /// Languages a MULTi release of this indexer holds (Radarr language ids).
    pub multi_languages: Vec<i32>,
    /// Search by title alone, without the year.
    pub remove_year: bool,
    /// Torznab: fewer seeders than this rejects a release.
    pub minimum_seeders: i32,
    /// Torznab: the ratio to seed to; none for the download client's default.
    pub seed_ratio: Option<f64>,
    /// Torznab: minutes to seed; none for the download client's default.
    pub seed_time: Option<i32>,
    /// Torznab: check the blocklist by hash again when grabbing.
    pub reject_blocklisted_torrent_hashes_while_grabbing: bool,
    /// Torznab: flags (bit values) every accepted release must have.
    pub required_flags: Vec<i32>,
}

impl std::default::Default for IndexerSettings {
    fn default() -> Self {
        IndexerSettings {
            base_url: String::new(),
            api_path: "/api".to_string(),
            api_key: None,
            categories: DEFAULT_CATEGORIES.to_vec(),
            additional_parameters: String::new(),
            multi_languages: Vec::new(),
            remove_year: false,
            minimum_seeders: DEFAULT_MINIMUM_SEEDERS,
            seed_ratio: None,
            seed_time: None,
            reject_blocklisted_torrent_hashes_while_grabbing: false,
            required_flags: Vec::new(),
        }
    }
}

impl IndexerSettings {
    /// The API key as sent, or none when empty.
    pub fn api_key(&self) -> Option<&str> {
        self.api_key
            .as_ref()
            .map(|k| k.expose_secret().trim())
            .filter(|k| !k.is_empty())
    }
}
