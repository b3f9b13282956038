//! Radarr's `QueueResource`: a tracked download as the queue shows it.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use domain::custom_format::CustomFormat;
use domain::download::TrackedDownload;
use serde_json::{Value, json};

use super::format_resources;
use super::wire_date::{WireDate, time_span};

/// A tracked download at `now`; `movie` is the rendered movie when asked for.
pub fn queue_resource(
    download: &TrackedDownload,
    formats: &HashMap<i32, CustomFormat>,
    movie: Option<Value>,
    now: DateTime<Utc>,
) -> Value {
    let mut resource = json!({
        "id": download.id,
        "languages": download.languages,
        "quality": download.quality,
        "customFormats": format_resources(&download.custom_formats, formats),
        "customFormatScore": download.custom_format_score,
        "size": download.size as f64,
        "title": download.title,
        "sizeleft": download.size_left as f64,
        "added": WireDate(download.added),
        "status": download.status,
        "trackedDownloadStatus": download.tracked_status,
        "trackedDownloadState": download.state,
        "statusMessages": download.status_messages,
        "downloadId": download.download_id,
        "protocol": download.protocol,
        "downloadClient": download.client_name,
        "downloadClientHasPostImportCategory": false,
    });
    let put = |resource: &mut Value, key: &str, value: Value| {
        if let Some(map) = resource.as_object_mut() {
            map.insert(key.to_string(), value);
        }
    };
    if let Some(movie_id) = download.movie_id {
        put(&mut resource, "movieId", json!(movie_id));
    }
    if let Some(movie) = movie {
        put(&mut resource, "movie", movie);
    }
    if let Some(seconds) = download.time_left {
        put(
            &mut resource,
            "timeleft",
            json!(time_span(TimeDelta::seconds(seconds))),
        );
    }
    if let Some(eta) = download.estimated_completion(now) {
        put(
            &mut resource,
            "estimatedCompletionTime",
            json!(WireDate(eta)),
        );
    }
    if let Some(message) = &download.error_message {
        put(&mut resource, "errorMessage", json!(message));
    }
    if let Some(indexer) = &download.indexer {
        put(&mut resource, "indexer", json!(indexer));
    }
    if let Some(path) = &download.output_path {
        put(&mut resource, "outputPath", json!(path));
    }
    resource
}
