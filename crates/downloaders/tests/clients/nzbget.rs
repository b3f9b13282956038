//! NZBGet against the real daemon. Its only categories are `movies` and
//! `radarr`, so tests share them and follow their own downloads by the id
//! `add` gave; every .nzb names articles of its own, since NZBGet turns
//! away a second copy of an .nzb it holds. Its one news server is a closed
//! port, where NZBGet keeps retrying rather than failing, so the failed
//! path is reached the ways NZBGet itself fails downloads: a duplicate and
//! an unreadable .nzb.

use std::future::Future;
use std::time::{Duration, Instant, SystemTime};

use downloaders::{
    Connection, DownloadClient, DownloadItem, Grab, Nzbget, NzbgetSettings, Payload,
};
use serde_json::{Value, json};

use crate::support;

mod checks;
mod downloads;

/// How long NZBGet gets to move a download to its history.
pub(super) const PATIENCE: Duration = Duration::from_secs(30);

/// Bytes of the one article each test .nzb names.
pub(super) const ARTICLE_BYTES: u64 = 500_000;

pub(super) fn connection() -> Connection {
    support::connection("UNIFIED_RADARR_TEST_NZBGET")
}

pub(super) fn client_with(settings: NzbgetSettings) -> Nzbget {
    Nzbget::new(connection(), settings)
}

pub(super) fn client(category: &str) -> Nzbget {
    client_with(NzbgetSettings {
        category: category.into(),
        ..NzbgetSettings::default()
    })
}

/// A title for one test in this run.
pub(super) fn title(test: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("Test.Movie.{test}.{}.{nanos}", std::process::id())
}

/// A valid .nzb of one article, its message id unique to `title`.
pub(super) fn nzb(title: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.1//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd">
<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">
 <file poster="tester &lt;tester@example.invalid&gt;" date="1700000000" subject="{title} [1/1] - &quot;{title}.mkv&quot; yEnc (1/1)">
  <groups><group>alt.binaries.test</group></groups>
  <segments><segment bytes="{ARTICLE_BYTES}" number="1">{title}.part1@example.invalid</segment></segments>
 </file>
</nzb>
"#
    )
    .into_bytes()
}

/// An .nzb NZBGet cannot use: its one file has no articles.
pub(super) fn empty_nzb(title: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">
 <file poster="tester" date="1700000000" subject="{title} [1/1] - &quot;{title}.mkv&quot; yEnc (1/1)">
  <groups><group>alt.binaries.test</group></groups>
  <segments></segments>
 </file>
</nzb>
"#
    )
    .into_bytes()
}

pub(super) fn grab(title: &str, nzb: Vec<u8>) -> Grab {
    Grab {
        title: title.into(),
        payload: Payload::Nzb(nzb),
        recent: false,
    }
}

/// Calls NZBGet directly, to see what the client under test does not show.
pub(super) async fn rpc(method: &str, params: Value) -> Value {
    let connection = connection();
    let answer: Value = reqwest::Client::new()
        .post(connection.url("jsonrpc"))
        .basic_auth(&connection.username, Some(&connection.password))
        .json(&json!({"method": method, "params": params}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("NZBGet answers {method}: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("NZBGet's {method} answer is JSON: {e}"));
    answer["result"].clone()
}

/// NZBGet's queue entry carrying our `drone` id.
pub(super) async fn raw_group(id: &str) -> Option<Value> {
    let groups = rpc("listgroups", json!([0])).await;
    groups
        .as_array()?
        .iter()
        .find(|g| drone(g) == Some(id))
        .cloned()
}

pub(super) fn drone(entry: &Value) -> Option<&str> {
    entry["Parameters"]
        .as_array()?
        .iter()
        .find(|p| p["Name"] == "drone")?["Value"]
        .as_str()
}

pub(super) async fn find(client: &Nzbget, id: &str) -> Option<DownloadItem> {
    let items = client
        .downloads()
        .await
        .unwrap_or_else(|e| panic!("NZBGet lists its downloads: {e}"));
    items.into_iter().find(|i| i.download_id == id)
}

/// Polls `check` until it gives a value, for at most [`PATIENCE`].
pub(super) async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < PATIENCE, "NZBGet never got to: {what}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

pub(super) async fn add(client: &Nzbget, grab: &Grab) -> String {
    client
        .add(grab)
        .await
        .unwrap_or_else(|e| panic!("NZBGet takes the .nzb: {e}"))
        .unwrap_or_else(|| panic!("NZBGet gives an id"))
}
