//! Radarr's `ReleaseResource`: a release with its decision, as interactive
//! search lists them, and what a pushed release is read from.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::custom_format::{CustomFormat, INDEXER_FLAGS};
use domain::release::{IndexerFlags, Protocol, Release};
use serde_json::{Map, Value, json};

use super::wire_date::{WireDate, parse_date};
use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::services::search::Evaluated;

/// Flag names as releases carry them: `G_Freeleech`, `PTP_Golden`, …
fn flag_names(flags: IndexerFlags) -> Vec<String> {
    INDEXER_FLAGS
        .iter()
        .filter(|(_, bit)| flags.contains(IndexerFlags(*bit)))
        .map(|(name, _)| name.replace(' ', "_"))
        .collect()
}

/// The IMDb id as Radarr's resource gives it: its number.
fn imdb_number(id: Option<&str>) -> i64 {
    id.and_then(parser::normalize_imdb_id)
        .and_then(|id| id.trim_start_matches("tt").parse().ok())
        .unwrap_or(0)
}

/// A release and its decision, at `now`.
pub fn release_resource(
    evaluated: &Evaluated,
    formats: &HashMap<i32, CustomFormat>,
    now: DateTime<Utc>,
) -> Value {
    let candidate = &evaluated.candidate;
    let release = &candidate.release;
    let parsed = &candidate.parsed;
    let age = now - release.publish_date;
    let custom_formats = super::format_resources(&candidate.custom_formats.format_ids, formats);
    let mut resource = json!({
        "guid": release.guid,
        "quality": parsed.quality,
        "customFormats": custom_formats,
        "customFormatScore": candidate.custom_formats.score,
        "qualityWeight": evaluated.quality_weight,
        "age": age.num_days(),
        "ageHours": age.num_seconds() as f64 / 3600.0,
        "ageMinutes": age.num_seconds() as f64 / 60.0,
        "size": release.size,
        "indexerId": release.indexer_id,
        "indexer": release.indexer,
        "title": release.title,
        "sceneSource": false,
        "movieTitles": parsed.movie_titles,
        "languages": parsed.languages,
        "approved": evaluated.approved(),
        "temporarilyRejected": evaluated.temporarily_rejected(),
        "rejected": !evaluated.approved(),
        "tmdbId": if release.tmdb_id > 0 { release.tmdb_id } else { parsed.tmdb_id },
        "imdbId": imdb_number(release.imdb_id.as_deref().or(parsed.imdb_id.as_deref())),
        "rejections": evaluated.rejections.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>(),
        "publishDate": WireDate(release.publish_date),
        "downloadUrl": release.download_url,
        "movieRequested": false,
        "downloadAllowed": evaluated.download_allowed,
        "releaseWeight": evaluated.release_weight,
        "edition": parsed.edition,
        "protocol": release.protocol,
        "indexerFlags": flag_names(release.indexer_flags),
    });
    let optional = [
        ("releaseGroup", parsed.release_group.as_deref()),
        ("releaseHash", parsed.release_hash.as_deref()),
        ("commentUrl", release.comment_url.as_deref()),
        ("infoUrl", release.info_url.as_deref()),
        ("magnetUrl", release.magnet_url.as_deref()),
        ("infoHash", release.info_hash.as_deref()),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            resource[key] = json!(value);
        }
    }
    // The group's standing and what it added to `customFormatScore`; a
    // group without data is neutral, so both are left out as nulls are.
    if let Some(reputation) = &candidate.reputation {
        resource["sceneGroupScore"] = json!(round_tenth(reputation.score));
        resource["sceneGroupPoints"] = json!(reputation.points);
    }
    if let Some(movie_id) = evaluated.movie_id {
        resource["mappedMovieId"] = json!(movie_id);
        resource["movieId"] = json!(movie_id);
    }
    if release.protocol == Protocol::Torrent {
        resource["seeders"] = json!(release.seeders);
        resource["leechers"] = json!(
            release
                .peers
                .zip(release.seeders)
                .map(|(peers, seeders)| (peers - seeders).max(0))
        );
    }
    resource
}

/// A score as it is shown: to one decimal.
fn round_tenth(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

fn field<'a>(body: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    body.iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
        .filter(|value| !value.is_null())
}

fn text(body: &Map<String, Value>, name: &str) -> Option<String> {
    field(body, name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn number(body: &Map<String, Value>, name: &str) -> Option<i64> {
    field(body, name).and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
}

/// The indexer and guid a grab names (`POST /release`).
pub fn grab_key(body: &Map<String, Value>) -> ApiResult<(i32, String)> {
    let guid = text(body, "guid").ok_or_else(|| {
        ApiError::invalid("Guid", "'Guid' must not be empty.", "NotEmptyValidator")
    })?;
    let indexer_id = number(body, "indexerId")
        .and_then(|id| i32::try_from(id).ok())
        .unwrap_or(0);
    Ok((indexer_id, guid))
}

/// A pushed release, read and checked as Radarr's push validator does:
/// a title, a download or magnet link, a protocol and a publish date.
pub fn pushed_release(body: &Map<String, Value>) -> ApiResult<Release> {
    let mut failures = Vec::new();
    let title = text(body, "title");
    if title.is_none() {
        failures.push(ValidationFailure::new(
            "Title",
            "'Title' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    let download_url = text(body, "downloadUrl");
    let magnet_url = text(body, "magnetUrl");
    if download_url.is_none() && magnet_url.is_none() {
        failures.push(ValidationFailure::new(
            "DownloadUrl",
            "'Download Url' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    let protocol = match field(body, "protocol") {
        Some(Value::String(name)) => name.parse::<Protocol>().ok(),
        Some(Value::Number(n)) => n.as_i64().and_then(|n| match n {
            1 => Some(Protocol::Usenet),
            2 => Some(Protocol::Torrent),
            _ => None,
        }),
        _ => None,
    }
    .filter(|p| *p != Protocol::Unknown);
    if protocol.is_none() {
        failures.push(ValidationFailure::new(
            "Protocol",
            "'Protocol' must be 'usenet' or 'torrent'.",
            "PredicateValidator",
        ));
    }
    let publish_date = field(body, "publishDate")
        .and_then(Value::as_str)
        .and_then(parse_date);
    if publish_date.is_none() {
        failures.push(ValidationFailure::new(
            "PublishDate",
            "'Publish Date' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    let (Some(title), Some(protocol), Some(publish_date), true) =
        (title, protocol, publish_date, failures.is_empty())
    else {
        return Err(ApiError::Validation(failures));
    };
    let download_url = download_url.unwrap_or_default();
    Ok(Release {
        guid: text(body, "guid").unwrap_or_else(|| format!("PUSH-{download_url}")),
        title,
        size: number(body, "size").unwrap_or(0),
        magnet_url,
        info_hash: text(body, "infoHash"),
        info_url: text(body, "infoUrl"),
        comment_url: text(body, "commentUrl"),
        indexer_id: number(body, "indexerId")
            .and_then(|id| i32::try_from(id).ok())
            .unwrap_or(0),
        indexer: text(body, "indexer").unwrap_or_default(),
        indexer_priority: 25,
        protocol,
        publish_date,
        imdb_id: text(body, "imdbId"),
        tmdb_id: number(body, "tmdbId")
            .and_then(|id| i32::try_from(id).ok())
            .unwrap_or(0),
        seeders: number(body, "seeders").and_then(|n| i32::try_from(n).ok()),
        peers: number(body, "seeders")
            .zip(number(body, "leechers"))
            .and_then(|(s, l)| i32::try_from(s + l).ok()),
        download_url,
        ..Release::default()
    })
}
