//! The fake SABnzbd's answers: each request's parameters (query and form
//! fields) are recorded, the API key checked, and the mode answered from
//! what the fake holds.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::state::{self, Inner};
use super::{FakeSabnzbdJob, Shared, lock, multipart, param};

/// One request: its parameters from the query and the form, any uploaded
/// file, and the answer its mode gives.
pub(super) async fn api(
    State(inner): State<Shared>,
    Query(mut params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut upload = None;
    if let Some(parts) = multipart::parse(content_type, &body) {
        for part in parts {
            match part.file_name {
                Some(file_name) if part.name == "name" || part.name == "nzbfile" => {
                    upload = Some((file_name, part.data));
                }
                _ => params.push((part.name, String::from_utf8_lossy(&part.data).into())),
            }
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(form_urlencoded::parse(&body).into_owned());
    }
    let mut inner = lock(&inner);
    inner.requests.push(params.clone());
    let json = param(&params, "output").is_none_or(|o| o == "json");
    let mode = param(&params, "mode").unwrap_or_default();
    // As SABnzbd: the version and auth modes need no key.
    if !matches!(mode, "version" | "auth") {
        let refusal = match param(&params, "apikey") {
            None | Some("") => Some("API Key Required"),
            Some(key) if key != inner.api_key => Some("API Key Incorrect"),
            Some(_) => None,
        };
        if let Some(refusal) = refusal {
            return error(json, refusal);
        }
    }
    let answer = match mode {
        "version" => json!({"version": inner.version}),
        "auth" => json!({"auth": "apikey"}),
        "get_cats" => {
            json!({"categories": inner.categories.iter().map(|c| c.name.clone()).collect::<Vec<_>>()})
        }
        "get_config" => config(&inner, param(&params, "section")),
        "addfile" => add(&mut inner, &params, upload),
        "queue" | "history" => match param(&params, "name") {
            Some("delete") => delete(&mut inner, mode, &params),
            Some(_) => return error(json, "not implemented"),
            None => list(&inner, mode, &params),
        },
        _ => return error(json, "not implemented"),
    };
    axum::Json(answer).into_response()
}

/// An error as SABnzbd gives it: HTTP 200, in JSON or as a text line.
fn error(json: bool, message: &str) -> Response {
    if json {
        axum::Json(json!({"status": false, "error": message})).into_response()
    } else {
        format!("error: {message}\n").into_response()
    }
}

fn config(inner: &Inner, section: Option<&str>) -> Value {
    let misc = Value::Object(inner.misc.clone());
    let categories = inner.categories_json();
    match section {
        Some("misc") => json!({"config": {"misc": misc}}),
        Some("categories") => json!({"config": {"categories": categories}}),
        _ => json!({"config": {"misc": misc, "categories": categories, "servers": []}}),
    }
}

/// `addfile`: queues the uploaded .nzb in its category (the default when
/// unknown), or answers `status: false` for anything that is not an .nzb.
fn add(inner: &mut Inner, params: &[(String, String)], upload: Option<(String, Vec<u8>)>) -> Value {
    let Some((file_name, nzb)) = upload.filter(|(_, nzb)| nzb.windows(4).any(|w| w == b"<nzb"))
    else {
        return json!({"status": false, "nzo_ids": []});
    };
    let name = param(params, "nzbname")
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| file_name.trim_end_matches(".nzb").to_string());
    let asked = param(params, "cat").unwrap_or("*");
    let category = if inner.categories.iter().any(|c| c.name == asked) {
        asked.to_string()
    } else {
        "*".to_string()
    };
    let priority = param(params, "priority")
        .and_then(|p| p.parse().ok())
        .unwrap_or(-100);
    let bytes = state::nzb_bytes(&nzb);
    let status = if priority == -2 || (inner.paused && priority != 2) {
        "Paused"
    } else {
        "Queued"
    };
    let nzo_id = inner.next_id();
    inner.queue.push(FakeSabnzbdJob {
        nzo_id: nzo_id.clone(),
        name,
        file_name,
        category,
        priority,
        nzb,
        bytes,
        bytes_left: bytes,
        status: status.into(),
        time_left: "0:00:00".into(),
        storage: String::new(),
        fail_message: String::new(),
    });
    json!({"status": true, "nzo_ids": [nzo_id]})
}

/// `name=delete` in the queue or the history: the jobs in `value` (comma
/// separated, or `all`).
fn delete(inner: &mut Inner, mode: &str, params: &[(String, String)]) -> Value {
    let ids: Vec<&str> = param(params, "value")
        .unwrap_or_default()
        .split(',')
        .collect();
    let jobs = if mode == "queue" {
        &mut inner.queue
    } else {
        &mut inner.history
    };
    let mut removed = Vec::new();
    jobs.retain(|j| {
        let gone = ids.contains(&"all") || ids.contains(&j.nzo_id.as_str());
        if gone {
            removed.push(j.nzo_id.clone());
        }
        !gone
    });
    json!({"status": true, "nzo_ids": removed})
}

/// The queue or history, filtered by `cat`/`category`, `nzo_ids` and
/// `failed_only`, and paged by `start` and `limit` (0: all).
fn list(inner: &Inner, mode: &str, params: &[(String, String)]) -> Value {
    let split = |name| param(params, name).map(|v| v.split(',').map(str::trim).collect::<Vec<_>>());
    let categories = split("category").or_else(|| split("cat"));
    let ids = split("nzo_ids");
    let failed_only = param(params, "failed_only") == Some("1");
    let number = |name| {
        param(params, name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0usize)
    };
    let (start, limit) = (number("start"), number("limit"));
    let jobs = if mode == "queue" {
        &inner.queue
    } else {
        &inner.history
    };
    let chosen = jobs
        .iter()
        .enumerate()
        .filter(|(_, j)| {
            categories
                .as_ref()
                .is_none_or(|c| c.contains(&j.category.as_str()))
        })
        .filter(|(_, j)| ids.as_ref().is_none_or(|i| i.contains(&j.nzo_id.as_str())))
        .filter(|(_, j)| !failed_only || j.status == "Failed")
        .skip(start)
        .take(if limit == 0 { usize::MAX } else { limit });
    if mode == "queue" {
        let slots = chosen.map(|(i, j)| state::queue_slot(i, j)).collect();
        state::queue(inner, slots, start, limit)
    } else {
        let slots = chosen.map(|(_, j)| state::history_slot(j)).collect();
        state::history(inner, slots)
    }
}
