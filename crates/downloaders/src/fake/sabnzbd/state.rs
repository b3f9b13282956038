//! What the fake SABnzbd holds (its jobs, categories, settings) and how it
//! writes them, in the shapes SABnzbd's API documentation shows: numbers of
//! megabytes as text (`"mb": "1277.65"`), sizes as `"1.2 GB"`, times left as
//! `H:MM:SS`.

use serde_json::{Value, json};

/// One job, queued or in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct FakeSabnzbdJob {
    /// Its `nzo_id`.
    pub nzo_id: String,
    /// Its name: the `nzbname` given, else the file's name without `.nzb`.
    pub name: String,
    /// The .nzb's file name as uploaded.
    pub file_name: String,
    /// Its category (`*` for the default).
    pub category: String,
    /// The priority asked for (`-100` for the category's).
    pub priority: i32,
    /// The .nzb as uploaded.
    pub nzb: Vec<u8>,
    /// Its size: the sum of the .nzb's segment sizes.
    pub bytes: u64,
    /// Bytes still to download (queue only).
    pub bytes_left: u64,
    /// Its status: `Queued`, `Paused`, `Downloading`, … in the queue;
    /// `Completed`, `Failed`, `Extracting`, … in the history.
    pub status: String,
    /// Time left, `H:MM:SS` (queue only).
    pub time_left: String,
    /// Its final folder (history only).
    pub storage: String,
    /// Why it failed (history only).
    pub fail_message: String,
}

/// A category, as `get_config` lists it.
#[derive(Debug, Clone)]
pub(super) struct Category {
    pub name: String,
    pub dir: String,
}

/// Everything the fake holds.
pub(super) struct Inner {
    pub api_key: String,
    pub version: String,
    pub paused: bool,
    pub categories: Vec<Category>,
    pub misc: serde_json::Map<String, Value>,
    pub queue: Vec<FakeSabnzbdJob>,
    pub history: Vec<FakeSabnzbdJob>,
    /// Every request's parameters (query and form fields), in order.
    pub requests: Vec<Vec<(String, String)>>,
    /// Jobs added so far, for fresh ids.
    pub added: u64,
    /// This fake's mark in its ids.
    pub seed: u64,
}

impl Inner {
    pub fn new(api_key: &str, seed: u64) -> Self {
        let misc = json!({
            "complete_dir": "/downloads/complete",
            "download_dir": "/downloads/incomplete",
            "pre_check": 0,
            "enable_tv_sorting": 0, "tv_categories": ["tv"],
            "enable_movie_sorting": 0, "movie_categories": ["movies"],
            "enable_date_sorting": 0, "date_categories": [],
        });
        Inner {
            api_key: api_key.to_string(),
            version: "4.3.2".into(),
            paused: false,
            categories: [("*", ""), ("movies", "movies"), ("tv", "tv")]
                .into_iter()
                .map(|(name, dir)| Category {
                    name: name.into(),
                    dir: dir.into(),
                })
                .collect(),
            misc: misc.as_object().cloned().unwrap_or_default(),
            queue: Vec::new(),
            history: Vec::new(),
            requests: Vec::new(),
            added: 0,
            seed,
        }
    }

    /// A fresh `nzo_id`: `SABnzbd_nzo_` and eight lower-case letters or
    /// digits.
    pub fn next_id(&mut self) -> String {
        self.added += 1;
        let mut mark = self.seed ^ self.added.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let letters: String = (0..8)
            .map(|_| {
                let c = b"abcdefghijklmnopqrstuvwxyz0123456789"[(mark % 36) as usize];
                mark /= 36;
                char::from(c)
            })
            .collect();
        format!("SABnzbd_nzo_{letters}")
    }

    pub fn categories_json(&self) -> Value {
        self.categories
            .iter()
            .enumerate()
            .map(|(order, c)| {
                json!({"name": c.name, "order": order, "pp": "", "script": "Default",
                    "dir": c.dir, "newzbin": "", "priority": -100})
            })
            .collect()
    }
}

/// The segment sizes an .nzb names, added up.
pub(super) fn nzb_bytes(nzb: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(nzb);
    text.split("bytes=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<u64>().ok())
        .sum()
}

/// Mebibytes with two decimals, as text.
fn mb(bytes: u64) -> String {
    format!("{:.2}", bytes as f64 / 1_048_576.0)
}

/// A size as SABnzbd writes it: `1.2 GB`, `488.3 KB`, `500 B`.
pub(super) fn size(bytes: u64) -> String {
    let mut value = bytes as f64;
    for unit in ["B", "KB", "MB", "GB", "TB"] {
        if value < 1024.0 || unit == "TB" {
            return if unit == "B" {
                format!("{bytes} B")
            } else {
                format!("{value:.1} {unit}")
            };
        }
        value /= 1024.0;
    }
    format!("{bytes} B")
}

fn priority_name(priority: i32) -> &'static str {
    match priority {
        2 => "Force",
        1 => "High",
        -1 => "Low",
        _ => "Normal",
    }
}

/// A queue slot.
pub(super) fn queue_slot(index: usize, job: &FakeSabnzbdJob) -> Value {
    let done = job.bytes.saturating_sub(job.bytes_left);
    let percentage = (done * 100).checked_div(job.bytes).unwrap_or(0);
    json!({
        "status": job.status, "index": index, "password": "", "avg_age": "1d",
        "script": "None", "direct_unpack": null,
        "mb": mb(job.bytes), "mbleft": mb(job.bytes_left), "mbmissing": "0.0",
        "size": size(job.bytes), "sizeleft": size(job.bytes_left),
        "filename": job.name, "labels": [], "priority": priority_name(job.priority),
        "cat": job.category, "timeleft": job.time_left,
        "percentage": percentage.to_string(), "nzo_id": job.nzo_id, "unpackopts": "3"
    })
}

/// The `queue` object for these slots.
pub(super) fn queue(inner: &Inner, slots: Vec<Value>, start: usize, limit: usize) -> Value {
    let bytes: u64 = inner.queue.iter().map(|j| j.bytes).sum();
    let left: u64 = inner.queue.iter().map(|j| j.bytes_left).sum();
    json!({"queue": {
        "status": if inner.paused { "Paused" } else { "Idle" },
        "speedlimit": "100", "speedlimit_abs": "", "paused": inner.paused,
        "noofslots_total": inner.queue.len(), "noofslots": slots.len(),
        "limit": limit, "start": start, "timeleft": "0:00:00",
        "speed": "0 ", "kbpersec": "0.00",
        "size": size(bytes), "sizeleft": size(left), "mb": mb(bytes), "mbleft": mb(left),
        "slots": slots,
        "diskspace1": "100.00", "diskspace2": "100.00",
        "have_warnings": "0", "pause_int": "0", "left_quota": "0 ",
        "version": inner.version, "finish": 0, "cache_art": "0", "cache_size": "0 B",
        "finishaction": null, "paused_all": inner.paused, "quota": "0 ", "have_quota": false
    }})
}

/// A history slot.
pub(super) fn history_slot(job: &FakeSabnzbdJob) -> Value {
    json!({
        "action_line": "", "series": null, "meta": null,
        "fail_message": job.fail_message, "loaded": false,
        "size": size(job.bytes), "category": job.category, "pp": "D", "retry": 0,
        "script": "None", "nzb_name": job.file_name, "download_time": 1,
        "storage": job.storage, "has_rating": false, "status": job.status,
        "script_line": "", "completed": 1_700_000_000, "nzo_id": job.nzo_id,
        "downloaded": job.bytes, "report": "", "password": "",
        "path": format!("/downloads/incomplete/{}", job.name), "postproc_time": 1,
        "name": job.name, "url": job.file_name, "md5sum": "", "bytes": job.bytes,
        "url_info": "", "stage_log": []
    })
}

/// The `history` object for these slots.
pub(super) fn history(inner: &Inner, slots: Vec<Value>) -> Value {
    let total: u64 = inner.history.iter().map(|j| j.bytes).sum();
    json!({"history": {
        "noofslots": inner.history.len(), "ppslots": 0,
        "day_size": size(total), "week_size": size(total),
        "month_size": size(total), "total_size": size(total),
        "last_history_update": 1, "slots": slots
    }})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_sabnzbd_writes_them() {
        assert_eq!(size(500), "500 B");
        assert_eq!(size(500_000), "488.3 KB");
        assert_eq!(size(1_288_490_189), "1.2 GB");
        assert_eq!(mb(1_339_714_765), "1277.65");
    }

    #[test]
    fn an_nzbs_size_is_its_segments() {
        let nzb = br#"<nzb><file><segments><segment bytes="100" number="1">a@b</segment>
            <segment bytes="250" number="2">c@d</segment></segments></file></nzb>"#;
        assert_eq!(nzb_bytes(nzb), 350);
    }

    #[test]
    fn ids_are_fresh() {
        let mut inner = Inner::new("k", 42);
        let (a, b) = (inner.next_id(), inner.next_id());
        assert_ne!(a, b);
        assert!(a.starts_with("SABnzbd_nzo_") && a.len() == 20, "{a}");
    }
}
