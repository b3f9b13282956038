//! SABnzbd against the fake that answers as SABnzbd's API documentation
//! says (SABnzbd is not packaged in Debian). Each test starts its own fake
//! and moves its jobs on by hand: to downloading, completed or failed.

use downloaders::fake::FakeSabnzbd;
use downloaders::{
    Connection, DownloadClient, DownloadItem, Grab, Payload, Sabnzbd, SabnzbdSettings,
};

mod checks;
mod downloads;

/// Bytes of each of an .nzb's three articles: a mebibyte, so SABnzbd's
/// megabyte figures are exact.
pub(super) const ARTICLE: u64 = 1024 * 1024;

pub(super) const TITLE: &str = "Some.Movie.2024.1080p.WEB-DL";

pub(super) fn connection(fake: &FakeSabnzbd) -> Connection {
    Connection {
        host: "127.0.0.1".into(),
        port: fake.port,
        ..Connection::default()
    }
}

pub(super) fn settings(category: &str) -> SabnzbdSettings {
    SabnzbdSettings {
        api_key: FakeSabnzbd::API_KEY.into(),
        category: category.into(),
        ..SabnzbdSettings::default()
    }
}

pub(super) fn client(fake: &FakeSabnzbd, category: &str) -> Sabnzbd {
    Sabnzbd::new(connection(fake), settings(category))
}

/// A valid .nzb of three articles.
pub(super) fn nzb(title: &str) -> Vec<u8> {
    let segments: String = (1..=3)
        .map(|n| {
            format!(
                r#"<segment bytes="{ARTICLE}" number="{n}">{title}.{n}@example.invalid</segment>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">
 <file poster="tester" date="1700000000" subject="{title} - &quot;{title}.mkv&quot; yEnc (1/3)">
  <groups><group>alt.binaries.test</group></groups>
  <segments>{segments}</segments>
 </file>
</nzb>
"#
    )
    .into_bytes()
}

pub(super) fn grab(title: &str) -> Grab {
    Grab {
        title: title.into(),
        payload: Payload::Nzb(nzb(title)),
        recent: false,
    }
}

pub(super) async fn add(client: &Sabnzbd, grab: &Grab) -> String {
    client
        .add(grab)
        .await
        .unwrap_or_else(|e| panic!("SABnzbd takes the .nzb: {e}"))
        .unwrap_or_else(|| panic!("SABnzbd gives an nzo id"))
}

pub(super) async fn only(client: &Sabnzbd) -> DownloadItem {
    let mut items = client
        .downloads()
        .await
        .unwrap_or_else(|e| panic!("SABnzbd lists its jobs: {e}"));
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0)
}

pub(super) fn value<'a>(request: &'a [(String, String)], name: &str) -> Option<&'a str> {
    request
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
