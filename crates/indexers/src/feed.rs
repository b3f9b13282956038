//! A Newznab/Torznab RSS answer read with quick-xml into [`Release`]s.
//! An `<error/>` answer is the error it names; an item without a usable
//! title, link or date is skipped and counted; a feed cut short (the body
//! was over its cap) or with more items than allowed gives what was read.

use domain::release::{Protocol, Release};
use quick_xml::Reader;
use quick_xml::events::Event;
use reqwest::Url;

use crate::error::{IndexerError, Result};
use crate::item::{RawItem, Skip};
use crate::xml;

/// Items read from one answer at most; the rest are dropped with a warning.
pub const MAX_ITEMS: usize = 5000;

/// What one answer held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The releases, in feed order.
    pub releases: Vec<Release>,
    /// Items seen, kept or not (how full the page was, for paging).
    pub items: usize,
    /// Items skipped for want of a title, a link or a date.
    pub skipped: usize,
    /// Whether the answer was cut: over the body cap or the item cap.
    pub truncated: bool,
}

/// The child element of `<item>` whose text is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Guid,
    Link,
    Comments,
    PubDate,
    Size,
    Other,
}

fn field(name: &str) -> Field {
    match name {
        "title" => Field::Title,
        "guid" => Field::Guid,
        "link" => Field::Link,
        "comments" => Field::Comments,
        "pubdate" => Field::PubDate,
        "size" => Field::Size,
        _ => Field::Other,
    }
}

fn slot(item: &mut RawItem, field: Field) -> Option<&mut String> {
    Some(match field {
        Field::Title => &mut item.title,
        Field::Guid => &mut item.guid,
        Field::Link => &mut item.link,
        Field::Comments => &mut item.comments,
        Field::PubDate => &mut item.pub_date,
        Field::Size => &mut item.size,
        Field::Other => return None,
    })
}

/// Reads a feed. `base` resolves relative links; `cut` says the body was
/// cut at its cap, so an unfinished document ends the page instead of
/// failing it; `max_items` caps the items read.
pub fn parse_feed(
    body: &[u8],
    protocol: Protocol,
    base: Option<&Url>,
    cut: bool,
    max_items: usize,
) -> Result<Page> {
    let mut reader = Reader::from_reader(body);
    let mut page = Page {
        truncated: cut,
        ..Page::default()
    };
    let mut root_seen = false;
    let mut item: Option<RawItem> = None;
    // Depth inside the current item: 1 is a direct child.
    let mut depth = 0usize;
    let mut current = Field::Other;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(_) if cut => break,
            Err(e) => {
                let at = reader.buffer_position();
                return Err(IndexerError::Malformed(format!("{e} (at byte {at})")));
            }
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = xml::local_name(e);
                if !root_seen {
                    root_seen = true;
                    check_root(&name, e)?;
                }
                match (&mut item, name.as_str()) {
                    (None, "item") if !empty => {
                        if page.items >= max_items {
                            tracing::warn!(
                                max_items,
                                "feed holds more items than allowed; the rest are dropped"
                            );
                            page.truncated = true;
                            break;
                        }
                        item = Some(RawItem::default());
                        depth = 0;
                    }
                    (Some(raw), "enclosure") => {
                        let attrs = xml::attributes(e);
                        let get = |n| xml::attribute(&attrs, n).unwrap_or_default().to_string();
                        raw.enclosures
                            .push((get("url"), get("type"), get("length")));
                    }
                    (Some(raw), "attr") => {
                        let attrs = xml::attributes(e);
                        if let Some(n) = xml::attribute(&attrs, "name") {
                            let value = xml::attribute(&attrs, "value").unwrap_or_default();
                            raw.attrs.push((n.to_ascii_lowercase(), value.to_string()));
                        }
                    }
                    (Some(_), other) if depth == 0 && !empty => current = field(other),
                    _ => {}
                }
                if item.is_some() && !empty && name != "item" {
                    depth += 1;
                }
            }
            Event::Text(ref t) => {
                if let Some(slot) = item
                    .as_mut()
                    .filter(|_| depth == 1)
                    .and_then(|i| slot(i, current))
                {
                    slot.push_str(&xml::text(t));
                }
            }
            Event::CData(ref t) => {
                if let Some(slot) = item
                    .as_mut()
                    .filter(|_| depth == 1)
                    .and_then(|i| slot(i, current))
                {
                    slot.push_str(&String::from_utf8_lossy(t));
                }
            }
            Event::End(ref e) => {
                let is_item = e.local_name().as_ref().eq_ignore_ascii_case(b"item");
                if is_item && depth == 0 {
                    if let Some(raw) = item.take() {
                        page.items += 1;
                        keep(&mut page, raw.into_release(protocol, base));
                    }
                } else if item.is_some() {
                    depth = depth.saturating_sub(1);
                    current = Field::Other;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(IndexerError::NotAFeed {
            expected: "feed",
            found: format!("no XML element in '{}'", xml::sample(body)),
        });
    }
    if page.skipped > 0 {
        tracing::debug!(
            skipped = page.skipped,
            "feed items without title, link or date skipped"
        );
    }
    Ok(page)
}

fn keep(page: &mut Page, release: std::result::Result<Release, Skip>) {
    match release {
        Ok(release) => page.releases.push(release),
        Err(skip) => {
            tracing::debug!(?skip, "feed item skipped");
            page.skipped += 1;
        }
    }
}

/// The root of a feed is `<rss>`; `<error/>` is the indexer's refusal,
/// `<html>` a web page where the API belongs.
fn check_root(name: &str, element: &quick_xml::events::BytesStart<'_>) -> Result<()> {
    match name {
        "rss" | "feed" => Ok(()),
        "error" => Err(xml::newznab_error(&xml::attributes(element))),
        "html" => Err(IndexerError::Html),
        other => Err(IndexerError::NotAFeed {
            expected: "feed",
            found: format!("<{other}> at the root"),
        }),
    }
}
