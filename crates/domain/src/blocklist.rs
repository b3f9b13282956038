//! The blocklist: releases that failed (or that the user turned down), so
//! they are not grabbed again.

use chrono::{DateTime, Utc};

use crate::decision::BlocklistItem;
use crate::language::Language;
use crate::quality::QualityModel;
use crate::release::Protocol;

/// One blocklisted release, as `/api/v3/blocklist` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BlocklistEntry {
    /// Its id.
    pub id: i32,
    /// The movie it was for.
    pub movie_id: i32,
    /// The release's title.
    pub source_title: String,
    /// Its quality.
    pub quality: QualityModel,
    /// Its languages.
    pub languages: Vec<Language>,
    /// The custom formats it matched, by id.
    pub custom_formats: Vec<i32>,
    /// When it was blocklisted.
    pub date: DateTime<Utc>,
    /// When the indexer published it, when known.
    pub published_date: Option<DateTime<Utc>>,
    /// Its size in bytes, when known.
    pub size: Option<i64>,
    /// How it was downloaded.
    pub protocol: Protocol,
    /// The indexer's name, when known.
    pub indexer: Option<String>,
    /// Why it was blocklisted (the client's error).
    pub message: Option<String>,
    /// A torrent's info hash, when known.
    pub torrent_info_hash: Option<String>,
}

impl BlocklistEntry {
    /// What the decision engine compares releases with.
    pub fn item(&self) -> BlocklistItem {
        BlocklistItem {
            source_title: self.source_title.clone(),
            protocol: self.protocol,
            indexer: self.indexer.clone(),
            published_date: self.published_date,
            size: self.size,
            torrent_info_hash: self.torrent_info_hash.clone(),
        }
    }
}
