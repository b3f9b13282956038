//! `t=caps`: what an indexer says it can do. The searches it offers and
//! their parameters decide which request a movie search makes; its page
//! limits decide the paging; its categories fill the settings' select.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::{IndexerError, Result};
use crate::xml;

/// A category the indexer lists, with its subcategories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The Newznab number, e.g. 2000.
    pub id: i32,
    /// Its name, e.g. "Movies".
    pub name: String,
    /// Its subcategories (e.g. 2040 "Movies/HD"); empty for a subcategory.
    pub subcategories: Vec<Category>,
}

/// What `t=caps` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// Results a page holds unless `limit` says otherwise.
    pub default_page_size: u32,
    /// The most results a page may hold.
    pub max_page_size: u32,
    /// `t=search`'s parameters, or `None` when it is not available.
    pub search_params: Option<Vec<String>>,
    /// `t=movie`'s parameters, or `None` when it is not available.
    pub movie_search_params: Option<Vec<String>>,
    /// `t=search`'s `searchEngine` (`raw` takes titles as written).
    pub search_engine: Option<String>,
    /// Whether one `t=movie` may carry several ids at once: true when the
    /// indexer lists movie-search's parameters, as Radarr reads it.
    pub aggregate_id_search: bool,
    /// The categories it lists.
    pub categories: Vec<Category>,
}

impl Default for Capabilities {
    /// What Radarr assumes of an indexer whose caps say nothing.
    fn default() -> Self {
        Capabilities {
            default_page_size: 100,
            max_page_size: 100,
            search_params: Some(vec!["q".into()]),
            movie_search_params: Some(
                ["q", "imdbid", "imdbtitle", "imdbyear"]
                    .map(String::from)
                    .to_vec(),
            ),
            search_engine: None,
            aggregate_id_search: false,
            categories: Vec::new(),
        }
    }
}

impl Capabilities {
    /// Whether `t=search` takes `q`.
    pub fn supports_text_search(&self) -> bool {
        has(&self.search_params, "q")
    }

    /// Whether `t=movie` takes `param` (`imdbid`, `tmdbid`, `q`).
    pub fn supports_movie_param(&self, param: &str) -> bool {
        has(&self.movie_search_params, param)
    }

    /// Whether a movie can be searched at all, by text or by id.
    pub fn supports_movie_search(&self) -> bool {
        self.supports_text_search()
            || ["q", "imdbid", "tmdbid"]
                .iter()
                .any(|p| self.supports_movie_param(p))
    }

    /// The page size Radarr asks for: the indexer's largest, at most 100.
    pub fn page_size(&self) -> u32 {
        self.default_page_size.max(self.max_page_size).clamp(1, 100)
    }

    /// Whether the search engine wants titles as written rather than cleaned.
    pub fn raw_titles(&self) -> bool {
        self.search_engine
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case("raw"))
    }
}

fn has(params: &Option<Vec<String>>, param: &str) -> bool {
    params
        .as_ref()
        .is_some_and(|p| p.iter().any(|p| p == param))
}

/// A search element's parameters, or `None` when it is not available.
fn search_params(attrs: &[(String, String)]) -> Option<Vec<String>> {
    if xml::attribute(attrs, "available") != Some("yes") {
        return None;
    }
    let params = xml::attribute(attrs, "supportedparams").unwrap_or("q");
    Some(
        params
            .split(',')
            .map(|p| p.trim().to_ascii_lowercase())
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

fn category(attrs: &[(String, String)]) -> Option<Category> {
    Some(Category {
        id: xml::attribute(attrs, "id")?.trim().parse().ok()?,
        name: xml::attribute(attrs, "name")
            .unwrap_or_default()
            .to_string(),
        subcategories: Vec::new(),
    })
}

/// Reads a `t=caps` answer. A `<error/>` answer is the error it names;
/// anything but `<caps>` at the root is not a caps document.
pub fn parse_caps(body: &[u8]) -> Result<Capabilities> {
    let mut reader = Reader::from_reader(body);
    let mut caps = Capabilities::default();
    let mut root_seen = false;
    let mut in_searching = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| IndexerError::Malformed(e.to_string()))?;
        let (element, is_empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                if e.local_name().as_ref().eq_ignore_ascii_case(b"searching") {
                    in_searching = false;
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = xml::local_name(element);
        let attrs = xml::attributes(element);
        if !root_seen {
            root_seen = true;
            match name.as_str() {
                "caps" => {}
                "error" => return Err(xml::newznab_error(&attrs)),
                other => {
                    return Err(IndexerError::NotAFeed {
                        expected: "caps document",
                        found: format!("<{other}> at the root"),
                    });
                }
            }
        }
        match name.as_str() {
            "limits" => {
                let number = |n| xml::attribute(&attrs, n).and_then(|v| v.trim().parse().ok());
                if let Some(max) = number("max") {
                    caps.max_page_size = max;
                }
                caps.default_page_size = number("default").unwrap_or(caps.max_page_size);
            }
            "searching" => {
                in_searching = !is_empty;
                // What the indexer lists replaces the assumptions.
                caps.search_params = None;
                caps.movie_search_params = None;
            }
            "search" if in_searching => {
                caps.search_params = search_params(&attrs);
                caps.search_engine = xml::attribute(&attrs, "searchengine").map(String::from);
            }
            "movie-search" if in_searching => {
                caps.movie_search_params = search_params(&attrs);
                caps.aggregate_id_search = caps.movie_search_params.is_some()
                    && xml::attribute(&attrs, "supportedparams").is_some();
            }
            "category" => caps.categories.extend(category(&attrs)),
            "subcat" => {
                if let (Some(parent), Some(sub)) = (caps.categories.last_mut(), category(&attrs)) {
                    parent.subcategories.push(sub);
                }
            }
            _ => {}
        }
    }
    if !root_seen {
        return Err(IndexerError::NotAFeed {
            expected: "caps document",
            found: "an empty answer".into(),
        });
    }
    Ok(caps)
}
