//! One `<item>` of a feed, as read, and the [`Release`] it makes: title,
//! links, date, size, and what `newznab:attr`/`torznab:attr` say (ids,
//! categories, seeders, peers, grabs, hash, magnet, freeleech and tags).

use chrono::{DateTime, NaiveDateTime, Utc};
use domain::release::{IndexerFlags, Protocol, Release};
use reqwest::Url;

/// Longer titles are not release titles but something else in the field.
pub const MAX_TITLE_CHARS: usize = 1000;

/// An item's elements and attributes, before judgement.
#[derive(Debug, Default)]
pub struct RawItem {
    pub title: String,
    pub guid: String,
    pub link: String,
    pub comments: String,
    pub pub_date: String,
    pub size: String,
    /// `(url, type, length)` of each enclosure.
    pub enclosures: Vec<(String, String, String)>,
    /// `(name, value)` of each `attr`, names lower-cased.
    pub attrs: Vec<(String, String)>,
}

/// Why an item made no release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// No title, or one that is no release title.
    Title,
    /// No usable download link.
    Link,
    /// No readable publish date.
    Date,
}

impl RawItem {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    fn attrs_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.attrs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.trim())
    }

    fn number(&self, name: &str) -> Option<i64> {
        let value = self.attr(name)?;
        // Some trackers write counts as "12.0".
        value.parse::<i64>().ok().or_else(|| {
            value
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(|f| f as i64)
        })
    }

    fn count(&self, name: &str) -> Option<i32> {
        self.number(name)
            .map(|n| n.clamp(0, i64::from(i32::MAX)) as i32)
    }

    /// The release this item is, or why it is none.
    pub fn into_release(self, protocol: Protocol, base: Option<&Url>) -> Result<Release, Skip> {
        let title = clean_text(&self.title);
        if title.is_empty()
            || title.chars().count() > MAX_TITLE_CHARS
            || !title.chars().any(char::is_alphanumeric)
        {
            return Err(Skip::Title);
        }
        let magnet_url = self
            .attr("magneturl")
            .filter(|m| m.starts_with("magnet:"))
            .map(String::from);
        let download_url = self
            .download_url(protocol, base)
            .or_else(|| magnet_url.clone())
            .ok_or(Skip::Link)?;
        let date = match protocol {
            Protocol::Usenet => self.attr("usenetdate").and_then(parse_date),
            _ => None,
        };
        let publish_date = date
            .or_else(|| parse_date(&self.pub_date))
            .ok_or(Skip::Date)?;
        let comments = resolve(&self.comments, base);
        let guid = match self.guid.trim() {
            "" => download_url.clone(),
            guid => guid.to_string(),
        };
        let size = self
            .number("size")
            .or_else(|| self.size.trim().parse().ok())
            .or_else(|| {
                self.enclosure(protocol)
                    .and_then(|e| e.2.trim().parse().ok())
            })
            .unwrap_or(0)
            .max(0);
        let peers = self.count("peers").or_else(|| {
            Some(
                self.count("seeders")?
                    .saturating_add(self.count("leechers")?),
            )
        });
        Ok(Release {
            guid,
            title,
            size,
            magnet_url,
            info_hash: self.attr("infohash").map(|h| h.to_ascii_lowercase()),
            info_url: comments
                .as_ref()
                .map(|c| c.trim_end_matches("#comments").to_string()),
            comment_url: comments,
            publish_date,
            categories: self
                .attrs_named("category")
                .filter_map(|c| c.parse().ok())
                .collect(),
            imdb_id: self
                .attr("imdb")
                .or_else(|| self.attr("imdbid"))
                .and_then(imdb_id),
            tmdb_id: self
                .attr("tmdbid")
                .or_else(|| self.attr("tmdb"))
                .and_then(|t| t.parse().ok())
                .filter(|t| *t > 0)
                .unwrap_or(0),
            seeders: self.count("seeders"),
            peers,
            grabs: self.count("grabs"),
            indexer_flags: self.flags(),
            download_url,
            protocol,
            ..Release::default()
        })
    }

    /// The enclosure of the protocol's MIME type, else the only one.
    fn enclosure(&self, protocol: Protocol) -> Option<&(String, String, String)> {
        let wanted = match protocol {
            Protocol::Torrent => "application/x-bittorrent",
            _ => "application/x-nzb",
        };
        self.enclosures
            .iter()
            .find(|e| e.1.trim().starts_with(wanted))
            .or(match self.enclosures.as_slice() {
                [only] => Some(only),
                _ => None,
            })
    }

    fn download_url(&self, protocol: Protocol, base: Option<&Url>) -> Option<String> {
        self.enclosure(protocol)
            .and_then(|e| resolve(&e.0, base))
            .or_else(|| resolve(&self.link, base))
    }

    /// Flags from the volume factors and tags, as Radarr maps them: the
    /// flag names how much is free, the factor how much counts.
    fn flags(&self) -> IndexerFlags {
        let factor = |name| {
            self.attr(name)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(1.0)
        };
        let mut flags = IndexerFlags::default();
        let download = factor("downloadvolumefactor");
        for (value, flag) in [
            (0.0, IndexerFlags::FREELEECH),
            (0.25, IndexerFlags::FREELEECH_75),
            (0.5, IndexerFlags::HALFLEECH),
            (0.75, IndexerFlags::FREELEECH_25),
        ] {
            if (download - value).abs() < 1e-9 {
                flags = flags.with(flag);
            }
        }
        if (factor("uploadvolumefactor") - 2.0).abs() < 1e-9 {
            flags = flags.with(IndexerFlags::DOUBLE_UPLOAD);
        }
        for tag in self.attrs_named("tag").flat_map(|t| t.split(',')) {
            let flag = match tag.trim().to_ascii_lowercase().as_str() {
                "freeleech" => IndexerFlags::FREELEECH,
                "halfleech" => IndexerFlags::HALFLEECH,
                "doubleupload" => IndexerFlags::DOUBLE_UPLOAD,
                "internal" => IndexerFlags::HDB_INTERNAL,
                "scene" => IndexerFlags::SCENE,
                "nuked" => IndexerFlags::NUKED,
                _ => continue,
            };
            flags = flags.with(flag);
        }
        flags
    }
}

/// Text with control characters as spaces and runs of space as one.
fn clean_text(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An absolute http(s) or magnet URL from `value`, resolved against the
/// request's URL when relative.
fn resolve(value: &str, base: Option<&Url>) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let url = match (Url::parse(value), base) {
        (Ok(url), _) => url,
        (Err(_), Some(base)) => base.join(value).ok()?,
        (Err(_), None) => return None,
    };
    matches!(url.scheme(), "http" | "https" | "magnet").then(|| url.to_string())
}

/// `tt` and at least seven digits, from `0133093`, `133093` or `tt0133093`.
fn imdb_id(value: &str) -> Option<String> {
    let digits = value.trim().trim_start_matches("tt");
    let number: u64 = digits.parse().ok().filter(|n| *n > 0)?;
    Some(format!("tt{number:07}"))
}

/// A feed date: RFC 2822 as RSS says, or the other forms indexers write.
pub fn parse_date(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        return Some(date.with_timezone(&Utc));
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(value) {
        return Some(date.with_timezone(&Utc));
    }
    // Some write the zone as a name RFC 2822 no longer lists, or none.
    let without_zone = value.rsplit_once(' ').map_or(value, |(head, zone)| {
        match zone.chars().all(|c| c.is_ascii_alphabetic()) {
            true => head,
            false => value,
        }
    });
    [
        "%a, %d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(without_zone, format).ok())
    .map(|naive| naive.and_utc())
}
