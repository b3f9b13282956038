//! Radarr's `ManualImportResource`: a file that could be imported.

use std::collections::HashMap;

use domain::custom_format::CustomFormat;
use serde_json::{Value, json};

use super::format_resources;
use crate::services::import::manual::Candidate;

/// A candidate; `movie` is its movie, rendered.
pub fn manual_import_resource(
    candidate: &Candidate,
    formats: &HashMap<i32, CustomFormat>,
    movie: Option<Value>,
) -> Value {
    let release = &candidate.release;
    let rejections: Vec<Value> = candidate
        .rejections
        .iter()
        .map(|r| {
            json!({
                "reason": r.reason,
                "type": if r.permanent { "permanent" } else { "temporary" },
            })
        })
        .collect();
    let mut resource = json!({
        "id": candidate.id,
        "path": candidate.path.to_string_lossy(),
        "relativePath": candidate.relative_path,
        "folderName": candidate.folder_name,
        "name": candidate.name,
        "size": candidate.size,
        "quality": release.quality,
        "languages": release.languages,
        "qualityWeight": release.quality.quality.weight(),
        "customFormats": format_resources(&release.custom_formats, formats),
        "customFormatScore": release.custom_format_score,
        "indexerFlags": 0,
        "rejections": rejections,
    });
    if let Some(map) = resource.as_object_mut() {
        if let Some(movie) = movie {
            map.insert("movie".into(), movie);
        }
        if let Some(file_id) = candidate.movie.as_ref().and_then(|m| m.movie_file.as_ref()) {
            map.insert("movieFileId".into(), json!(file_id.id));
        }
        if let Some(group) = &candidate.release_group {
            map.insert("releaseGroup".into(), json!(group));
        }
        if let Some(download_id) = &release.download_id {
            map.insert("downloadId".into(), json!(download_id));
        }
    }
    resource
}
