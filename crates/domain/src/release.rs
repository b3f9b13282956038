//! A release an indexer offers: what it is called, where it can be fetched,
//! and what the indexer says of it (size, age, seeders, flags).

use chrono::{DateTime, Utc};

parser::wire_enum! {
    /// How a release is downloaded.
    #[derive(Default)]
    pub enum Protocol { #[default] Unknown = 0 => "unknown", Usenet = 1 => "usenet", Torrent = 2 => "torrent" }
}

/// What a tracker marks a release with, as Radarr's `IndexerFlags` bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IndexerFlags(pub u32);

impl IndexerFlags {
    /// Downloading it does not count against the ratio.
    pub const FREELEECH: IndexerFlags = IndexerFlags(1);
    /// Half of it counts.
    pub const HALFLEECH: IndexerFlags = IndexerFlags(2);
    /// Uploading it counts twice.
    pub const DOUBLE_UPLOAD: IndexerFlags = IndexerFlags(4);
    /// PassThePopcorn's golden popcorn.
    pub const PTP_GOLDEN: IndexerFlags = IndexerFlags(8);
    /// PassThePopcorn's checked release.
    pub const PTP_APPROVED: IndexerFlags = IndexerFlags(16);
    /// An HDBits internal release.
    pub const HDB_INTERNAL: IndexerFlags = IndexerFlags(32);
    /// An AHD internal release.
    pub const AHD_INTERNAL: IndexerFlags = IndexerFlags(64);
    /// A scene release.
    pub const SCENE: IndexerFlags = IndexerFlags(128);
    /// A quarter of it counts.
    pub const FREELEECH_75: IndexerFlags = IndexerFlags(256);
    /// Three quarters of it count.
    pub const FREELEECH_25: IndexerFlags = IndexerFlags(512);
    /// An AHD user's release.
    pub const AHD_USER_RELEASE: IndexerFlags = IndexerFlags(1024);
    /// Marked nuked by the scene.
    pub const NUKED: IndexerFlags = IndexerFlags(2048);

    /// Radarr's names of the flags, by bit (`NAMES[0]` is bit 1).
    pub const NAMES: [&'static str; 12] = [
        "G_Freeleech",
        "G_Halfleech",
        "G_DoubleUpload",
        "PTP_Golden",
        "PTP_Approved",
        "HDB_Internal",
        "AHD_Internal",
        "G_Scene",
        "G_Freeleech75",
        "G_Freeleech25",
        "AHD_UserRelease",
        "Nuked",
    ];

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: IndexerFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// These flags with `other`'s too.
    pub fn with(self, other: IndexerFlags) -> IndexerFlags {
        IndexerFlags(self.0 | other.0)
    }
}

/// A release as an indexer lists it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Release {
    /// The indexer's id for it, unique per indexer.
    pub guid: String,
    /// Its title, as released.
    pub title: String,
    /// Its size in bytes; 0 when unknown.
    pub size: i64,
    /// Where the .nzb or .torrent is fetched.
    pub download_url: String,
    /// A torrent's magnet link, when the indexer gives one.
    pub magnet_url: Option<String>,
    /// A torrent's info hash.
    pub info_hash: Option<String>,
    /// The indexer's page for it.
    pub info_url: Option<String>,
    /// Its comments page.
    pub comment_url: Option<String>,
    /// The indexer's id in the library's settings.
    pub indexer_id: i32,
    /// The indexer's name.
    pub indexer: String,
    /// The indexer's priority (1 is first, 50 last).
    pub indexer_priority: i32,
    /// How it is downloaded.
    pub protocol: Protocol,
    /// When the indexer first listed it.
    pub publish_date: DateTime<Utc>,
    /// The indexer's categories for it (Newznab numbers, e.g. 2040).
    pub categories: Vec<i32>,
    /// The IMDb id the indexer gives, e.g. `tt0133093`.
    pub imdb_id: Option<String>,
    /// The TMDB id the indexer gives; 0 for none.
    pub tmdb_id: i32,
    /// Seeders, for torrents.
    pub seeders: Option<i32>,
    /// Peers (seeders and leechers), for torrents.
    pub peers: Option<i32>,
    /// Times it was grabbed, when the indexer counts.
    pub grabs: Option<i32>,
    /// What the tracker marks it with.
    pub indexer_flags: IndexerFlags,
}
