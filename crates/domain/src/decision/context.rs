//! What the decision engine is given: each candidate release and the one
//! movie's context, as plain data filled in by the search service.

use chrono::{DateTime, Utc};
use parser::ParsedMovieInfo;

use crate::movie::Movie;
use crate::quality::QualityModel;
use crate::quality_definition::QualityDefinition;
use crate::quality_profile::QualityProfile;
use crate::release::{IndexerFlags, Protocol, Release};
use crate::scene_group::GroupReputation;

pub use super::delay_profile::DelayProfile;

/// The custom formats something matched, and their summed score under the
/// movie's profile (custom-format matching happens before the engine runs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatMatch {
    /// Ids of the matched custom formats.
    pub format_ids: Vec<i32>,
    /// Their total score in the movie's quality profile, plus the points of
    /// the release group's reputation when it has one: so ranking, the
    /// profile's minimum format score, and the upgrade and queue comparisons
    /// all count the group's reputation as a format score.
    pub score: i32,
}

/// One release to decide on: Radarr's `RemoteMovie` without the movie.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The release as the indexer listed it.
    pub release: Release,
    /// What its title says.
    pub parsed: ParsedMovieInfo,
    /// The custom formats it matched and their score (its group's
    /// reputation points included).
    pub custom_formats: FormatMatch,
    /// Its release group's reputation; none when the group has no data
    /// (neutral).
    pub reputation: Option<GroupReputation>,
}

/// Where the releases came from; some rules apply only to RSS or are
/// skipped when a user asked for the search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReleaseSource {
    /// The RSS sync (no search criteria in Radarr's terms).
    #[default]
    Rss,
    /// An automatic search (a scheduled or on-add movie search).
    Search,
    /// A search the user started (e.g. the Search button).
    UserInvokedSearch,
    /// The interactive search page; also user invoked.
    InteractiveSearch,
}

impl ReleaseSource {
    /// Whether there are search criteria (any search, not RSS).
    pub fn is_search(self) -> bool {
        self != ReleaseSource::Rss
    }

    /// Whether a user asked for this search (Radarr's `UserInvokedSearch`).
    pub fn is_user_invoked(self) -> bool {
        matches!(
            self,
            ReleaseSource::UserInvokedSearch | ReleaseSource::InteractiveSearch
        )
    }
}

/// Radarr's `ProperDownloadTypes` (Media Management → "Propers and Repacks").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProperDownloadTypes {
    /// Prefer them and upgrade to them (Radarr's default).
    #[default]
    PreferAndUpgrade,
    /// Prefer them but never upgrade an existing file to one.
    DoNotUpgrade,
    /// Treat them like any other release.
    DoNotPrefer,
}

/// The settings decisions read from Radarr's indexer and media-management
/// config (`/config/indexer`, `/config/mediamanagement`).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexerConfig {
    /// Usenet releases younger than this many minutes wait (`minimumAge`).
    pub minimum_age: i32,
    /// Usenet releases older than this many days are skipped; 0 for none (`retention`).
    pub retention: i32,
    /// Largest release accepted, in MB; 0 for no limit (`maximumSize`).
    pub maximum_size: i32,
    /// Minutes between RSS syncs; 0 turns the sync off (`rssSyncInterval`).
    pub rss_sync_interval: i32,
    /// Days after the minimum availability date a movie counts as available.
    pub availability_delay: i32,
    /// Whether tracker flags (freeleech, internal…) rank releases (`preferIndexerFlags`).
    pub prefer_indexer_flags: bool,
    /// Whether releases with hardcoded subtitles are accepted (`allowHardcodedSubs`).
    pub allow_hardcoded_subs: bool,
    /// Comma-separated subtitle tags accepted even when hardcoded subs are
    /// not (`whitelistedHardcodedSubs`).
    pub whitelisted_hardcoded_subs: String,
    /// How PROPER and REPACK releases are treated.
    pub download_propers_and_repacks: ProperDownloadTypes,
}

impl Default for IndexerConfig {
    /// Radarr's values on a fresh install: no limits, RSS every 60 minutes.
    fn default() -> Self {
        IndexerConfig {
            minimum_age: 0,
            retention: 0,
            maximum_size: 0,
            rss_sync_interval: 60,
            availability_delay: 0,
            prefer_indexer_flags: false,
            allow_hardcoded_subs: false,
            whitelisted_hardcoded_subs: String::new(),
            download_propers_and_repacks: ProperDownloadTypes::default(),
        }
    }
}

/// A release profile (Radarr's `ReleaseProfile`): terms a title must or must
/// not contain. Terms are case-insensitive text, or `/regex/i`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseProfile {
    /// Row id.
    pub id: i32,
    /// Display name.
    pub name: String,
    /// Disabled profiles are ignored.
    pub enabled: bool,
    /// The title must contain at least one of these ("Must Contain").
    pub required: Vec<String>,
    /// The title must contain none of these ("Must Not Contain").
    pub ignored: Vec<String>,
    /// The indexer it is limited to; 0 for every indexer.
    pub indexer_id: i32,
    /// The movie tags it applies to; empty for every movie.
    pub tags: Vec<i32>,
}

/// The per-indexer settings decisions read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexerSettings {
    /// The indexer's id, as releases carry it.
    pub id: i32,
    /// Torrent indexers only: the fewest seeders accepted. None for Usenet indexers.
    pub minimum_seeders: Option<i32>,
    /// Torrent indexers only: at least one of these flags must be set, when any are given.
    pub required_flags: Vec<IndexerFlags>,
}

/// A blocklisted release of the movie, as Radarr's `Blocklist` row keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocklistItem {
    /// The release title that failed.
    pub source_title: String,
    /// How it was downloaded.
    pub protocol: Protocol,
    /// The indexer's name, when known.
    pub indexer: Option<String>,
    /// When the indexer published it, when known.
    pub published_date: Option<DateTime<Utc>>,
    /// Its size in bytes, when known.
    pub size: Option<i64>,
    /// A torrent's info hash, when known.
    pub torrent_info_hash: Option<String>,
}

/// A release of the movie already in the download queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    /// Its title.
    pub title: String,
    /// Its parsed quality.
    pub quality: QualityModel,
    /// Its custom formats and score.
    pub custom_formats: FormatMatch,
    /// Failed and about to be removed (Radarr's `FailedPending`): it no longer counts.
    pub failed_pending: bool,
}

/// Everything about the one movie the releases are decided against.
#[derive(Debug, Clone)]
pub struct DecisionContext {
    /// The movie, with its file (`movie_file`) when it has one.
    pub movie: Movie,
    /// The movie's quality profile.
    pub profile: QualityProfile,
    /// Size limits per quality.
    pub quality_definitions: Vec<QualityDefinition>,
    /// The custom formats the existing file matches, and their score (its
    /// group's reputation points included, as a candidate's are, so that a
    /// release of the file's own group is no upgrade on it).
    pub movie_file_formats: FormatMatch,
    /// The movie's blocklist.
    pub blocklist: Vec<BlocklistItem>,
    /// The movie's releases in the download queue.
    pub queue: Vec<QueueItem>,
    /// Every release profile; the engine keeps those for the movie's tags.
    pub release_profiles: Vec<ReleaseProfile>,
    /// The delay profile for the movie's tags.
    pub delay_profile: DelayProfile,
    /// The publish date of the movie's oldest release held by the delay, if any.
    pub oldest_pending: Option<DateTime<Utc>>,
    /// Settings of each indexer.
    pub indexers: Vec<IndexerSettings>,
    /// Global indexer and media-management settings.
    pub config: IndexerConfig,
    /// RSS or which kind of search.
    pub source: ReleaseSource,
    /// The time to decide at.
    pub now: DateTime<Utc>,
}

impl DecisionContext {
    /// A context with no file, blocklist, queue or restrictions, default
    /// delay profile and settings, deciding an RSS sync at `now`.
    pub fn new(movie: Movie, profile: QualityProfile, now: DateTime<Utc>) -> Self {
        DecisionContext {
            movie,
            profile,
            quality_definitions: crate::quality_definition::default_definitions(),
            movie_file_formats: FormatMatch::default(),
            blocklist: Vec::new(),
            queue: Vec::new(),
            release_profiles: Vec::new(),
            delay_profile: DelayProfile::default(),
            oldest_pending: None,
            indexers: Vec::new(),
            config: IndexerConfig::default(),
            source: ReleaseSource::Rss,
            now,
        }
    }
}
