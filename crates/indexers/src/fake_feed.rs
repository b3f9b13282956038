//! The fakes' feeds: the fixture's items filtered as an indexer would
//! (by `imdbid`, `tmdbid`, `q` and `cat`) and paged (`offset`, `limit`),
//! and the generated huge and garbage feeds.

use crate::fake::{FakeRelease, Flavour, param};

/// The fixture's head (up to the first item), its items, and its tail.
fn split(feed: &str) -> (&str, Vec<&str>, &str) {
    let Some(first) = feed.find("<item>") else {
        return (feed, Vec::new(), "");
    };
    let end = feed
        .rfind("</item>")
        .map_or(feed.len(), |e| e + "</item>".len());
    let items = feed[first..end]
        .split_inclusive("</item>")
        .map(str::trim)
        .filter(|i| i.starts_with("<item>"))
        .collect();
    (&feed[..first], items, &feed[end..])
}

/// Whether the item has an attr `name` whose value is one of `values`.
fn has_attr(item: &str, names: &[&str], values: &[String]) -> bool {
    names.iter().any(|name| {
        values
            .iter()
            .any(|value| item.contains(&format!("name=\"{name}\" value=\"{value}\"")))
    })
}

fn title(item: &str) -> String {
    let start = item.find("<title>").map_or(0, |s| s + "<title>".len());
    let end = item.find("</title>").unwrap_or(start);
    item.get(start..end).unwrap_or_default().to_lowercase()
}

fn matches(item: &str, query: &[(String, String)]) -> bool {
    let mut ids = Vec::new();
    if let Some(imdb) = param(query, "imdbid") {
        let digits = imdb.trim_start_matches("tt");
        ids.push(
            has_attr(item, &["imdb"], &[digits.into()])
                || has_attr(item, &["imdbid"], &[format!("tt{digits}")]),
        );
    }
    if let Some(tmdb) = param(query, "tmdbid") {
        ids.push(has_attr(item, &["tmdbid"], &[tmdb.into()]));
    }
    // Several ids at once find what any of them finds.
    if !ids.is_empty() && !ids.contains(&true) {
        return false;
    }
    if let Some(q) = param(query, "q") {
        let title = title(item).replace(['.', '_', '-'], " ");
        if !q
            .to_lowercase()
            .split_whitespace()
            .all(|word| title.contains(word))
        {
            return false;
        }
    }
    match param(query, "cat") {
        Some(cats) if !cats.is_empty() => {
            let cats: Vec<String> = cats.split(',').map(|c| c.trim().to_string()).collect();
            has_attr(item, &["category"], &cats)
        }
        _ => true,
    }
}

/// The head and tail of a feed without the fixture's items.
const EMPTY_FEED: (&str, &str) = (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
     xmlns:newznab=\"http://www.newznab.com/DTD/2010/feeds/attributes/\" \
     xmlns:torznab=\"http://torznab.com/schemas/2015/feed\">\n<channel>\n<title>Fake</title>\n",
    "</channel>\n</rss>\n",
);

/// The answer to a search or RSS query: the published items (newest
/// first), then the fixture's, if any.
pub fn answer(fixture: &str, published: &[String], query: &[(String, String)]) -> String {
    let (head, fixture_items, tail) = if fixture.is_empty() {
        (EMPTY_FEED.0, Vec::new(), EMPTY_FEED.1)
    } else {
        split(fixture)
    };
    let found: Vec<&str> = published
        .iter()
        .map(String::as_str)
        .chain(fixture_items)
        .filter(|i| matches(i, query))
        .collect();
    let number = |name, default| {
        param(query, name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let offset: usize = number("offset", 0);
    let limit: usize = number("limit", 100);
    let page: Vec<&str> = found.iter().skip(offset).take(limit).copied().collect();
    format!("{head}{}\n{tail}", page.join("\n"))
}

/// A published release as a feed item; `n` makes its guid and link unique.
/// Links are relative (`/dl/…`): the client resolves them against the
/// fake's address, as it does for indexers that list them so.
pub fn item(flavour: Flavour, release: &FakeRelease, n: usize) -> String {
    let (prefix, kind, extension) = match flavour {
        Flavour::Newznab => ("newznab", "application/x-nzb", "nzb"),
        Flavour::Torznab => ("torznab", "application/x-bittorrent", "torrent"),
    };
    let link = format!("/dl/published-{n}.{extension}");
    let mut attrs = format!(
        "<{prefix}:attr name=\"category\" value=\"2000\"/><{prefix}:attr name=\"category\" value=\"2040\"/>\
         <{prefix}:attr name=\"size\" value=\"{}\"/>",
        release.size
    );
    if release.tmdb_id > 0 {
        attrs.push_str(&format!(
            "<{prefix}:attr name=\"tmdbid\" value=\"{}\"/>",
            release.tmdb_id
        ));
    }
    if !release.imdb_digits.is_empty() {
        attrs.push_str(&format!(
            "<{prefix}:attr name=\"imdb\" value=\"{}\"/>",
            release.imdb_digits
        ));
    }
    if flavour == Flavour::Torznab {
        attrs.push_str(&format!(
            "<torznab:attr name=\"seeders\" value=\"{}\"/><torznab:attr name=\"peers\" value=\"{}\"/>\
             <torznab:attr name=\"downloadvolumefactor\" value=\"{}\"/>",
            release.seeders,
            release.peers,
            if release.freeleech { 0 } else { 1 }
        ));
    }
    format!(
        "<item><title>{}</title><guid>published-{n}</guid><link>{link}</link>\
         <pubDate>{}</pubDate><enclosure url=\"{link}\" length=\"{}\" type=\"{kind}\"/>{attrs}</item>",
        release.title,
        release.published.to_rfc2822(),
        release.size
    )
}

/// A valid feed of `count` generated releases.
pub fn huge(flavour: Flavour, count: usize) -> String {
    let (namespace, prefix, kind) = match flavour {
        Flavour::Newznab => (
            "http://www.newznab.com/DTD/2010/feeds/attributes/",
            "newznab",
            "application/x-nzb",
        ),
        Flavour::Torznab => (
            "http://torznab.com/schemas/2015/feed",
            "torznab",
            "application/x-bittorrent",
        ),
    };
    let mut feed = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:{prefix}=\"{namespace}\">\n<channel>\n<title>Huge</title>\n"
    );
    for n in 0..count {
        feed.push_str(&format!(
            "<item><title>Generated.Movie.{n}.2020.1080p.WEB-DL.DD5.1.H.264-GRP</title><guid>huge-{n}</guid>\
             <link>http://127.0.0.1/get/{n}</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate>\
             <enclosure url=\"http://127.0.0.1/get/{n}\" length=\"1073741824\" type=\"{kind}\"/>\
             <{prefix}:attr name=\"category\" value=\"2040\"/><{prefix}:attr name=\"size\" value=\"1073741824\"/></item>\n"
        ));
    }
    feed.push_str("</channel>\n</rss>\n");
    feed
}

/// A feed whose items are garbage but for one.
pub fn garbage() -> &'static str {
    r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">
<channel>
<title>Garbage</title>
<item><title>   </title><link>http://127.0.0.1/1</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>!!! --- ???</title><link>http://127.0.0.1/2</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>Dated.Never.2020.1080p-GRP</title><link>http://127.0.0.1/3</link><pubDate>the day after tomorrow</pubDate></item>
<item><title>No.Link.2020.1080p-GRP</title><link>javascript:alert(1)</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>Odd&nbsp;Numbers.2020.1080p.WEB-DL&#9;x264-GRP</title><guid></guid><link>/relative/4.torrent</link>
<pubDate>Sun, 15 Oct 2023 12:00:00 GMT</pubDate><size>lots</size>
<torznab:attr name="seeders" value="-5"/><torznab:attr name="peers" value="many"/><torznab:attr name="grabs" value="99999999999999"/>
<torznab:attr name="imdbid" value="ttabc"/><torznab:attr name="tmdbid" value="-1"/><torznab:attr name="downloadvolumefactor" value="free"/>
<torznab:attr/><torznab:attr name="infohash"/></item>
</channel>
</rss>
"#
}
