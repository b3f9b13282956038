//! The settings of an indexer, named as Radarr's `NewznabSettings`,
//! `TorznabSettings` and `HDBitsSettings` name them, and which
//! implementation has which (the tables of fields are in `schema`).

use domain::provider::FieldSpec;
use domain::release::Protocol;
use secrecy::{ExposeSecret, SecretString};

use crate::schema::{FIELDS, HDBITS_FIELDS, TORRENT_ONLY};

/// What the API shows in place of a saved secret.
pub const MASK: &str = "********";

/// Radarr's default categories: Movies and its subcategories (2000 Movies,
/// 2010 Foreign, 2020 Other, 2030 SD, 2040 HD, 2045 UHD, 2050 BluRay, 2060 3D).
pub const DEFAULT_CATEGORIES: &[i32] = &[2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060];

/// Radarr's `IndexerDefaults.MINIMUM_SEEDERS`.
pub const DEFAULT_MINIMUM_SEEDERS: i32 = 1;

/// Which implementation an indexer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Implementation {
    /// Usenet, `.nzb` files.
    Newznab,
    /// Torrents, the same API with torrent attributes.
    Torznab,
    /// HDBits' own JSON API (`hdbits`).
    HdBits,
}

impl Implementation {
    /// Radarr's `implementation` name.
    pub fn name(self) -> &'static str {
        match self {
            Implementation::Newznab => "Newznab",
            Implementation::Torznab => "Torznab",
            Implementation::HdBits => "HDBits",
        }
    }

    /// Radarr's `configContract`.
    pub fn config_contract(self) -> &'static str {
        match self {
            Implementation::Newznab => "NewznabSettings",
            Implementation::Torznab => "TorznabSettings",
            Implementation::HdBits => "HDBitsSettings",
        }
    }

    /// How its releases are downloaded.
    pub fn protocol(self) -> Protocol {
        match self {
            Implementation::Newznab => Protocol::Usenet,
            Implementation::Torznab | Implementation::HdBits => Protocol::Torrent,
        }
    }

    /// The implementation named `name` (case-insensitive), as Radarr spells it.
    pub fn from_name(name: &str) -> Option<Implementation> {
        Implementation::ALL
            .into_iter()
            .find(|i| i.name().eq_ignore_ascii_case(name))
    }

    /// Every implementation, in the order the API lists them.
    pub const ALL: [Implementation; 3] = [
        Implementation::Newznab,
        Implementation::Torznab,
        Implementation::HdBits,
    ];

    /// The fields its settings have, in the order the UI shows them.
    pub fn fields(self) -> Box<dyn Iterator<Item = &'static FieldSpec>> {
        match self {
            Implementation::HdBits => Box::new(HDBITS_FIELDS.iter()),
            _ => Box::new(FIELDS.iter().filter(move |f| {
                self == Implementation::Torznab || !TORRENT_ONLY.contains(&f.name)
            })),
        }
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
    /// HDBits: the account's username (the passkey is `api_key`).
    pub username: String,
    /// HDBits: codecs searched; empty is all.
    pub codecs: Vec<i32>,
    /// HDBits: mediums searched; empty is all.
    pub mediums: Vec<i32>,
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
            username: String::new(),
            codecs: Vec::new(),
            mediums: Vec::new(),
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
