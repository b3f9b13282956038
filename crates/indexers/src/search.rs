//! The requests Radarr makes of a Newznab/Torznab indexer: a movie search
//! by id (`t=movie&imdbid=…&tmdbid=…`) when the caps allow it, falling back
//! to text (`t=search&q=Title Year`); RSS as the newest page of the movie
//! categories; every request with `cat`, `extended=1`, the API key, and
//! `offset`/`limit` paging.

use reqwest::Url;

use crate::caps::Capabilities;
use crate::error::{IndexerError, Result};
use crate::fields::additional_pairs;
use crate::settings::IndexerSettings;

/// Pages of one query Radarr reads at most.
pub const MAX_PAGES: u32 = 30;
/// Results of one query Radarr reads at most.
pub const MAX_RESULTS_PER_QUERY: usize = 1000;

/// What a movie search looks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MovieSearch {
    /// The IMDb id, `tt0133093`.
    pub imdb_id: Option<String>,
    /// The TMDB id; 0 for none.
    pub tmdb_id: i32,
    /// The titles to search by text, the main one first (scene titles,
    /// alternative titles), as written.
    pub titles: Vec<String>,
    /// The year, added to text searches unless `removeYear`; 0 for none.
    pub year: i32,
}

/// One query: `t` and its own parameters; paging and the common
/// parameters are added per page by [`page_url`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// `t`: `movie` or `search`.
    pub function: &'static str,
    /// Its parameters (`imdbid`, `tmdbid`, `q`).
    pub params: Vec<(&'static str, String)>,
}

/// Queries in tiers: a later tier is asked only when every query of the
/// earlier ones found nothing, as Radarr falls back from ids to text.
pub type Tiers = Vec<Vec<Query>>;

/// The IMDb id's digits as Newznab takes them (`0133093`), if it is one.
fn imdb_digits(imdb_id: &str) -> Option<&str> {
    let id = imdb_id.trim();
    let digits = id
        .strip_prefix("tt")
        .or_else(|| id.strip_prefix("TT"))
        .unwrap_or(id);
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.bytes().any(|b| b != b'0'))
    .then_some(digits)
}

/// The queries of a movie search, in tiers.
pub fn movie_queries(
    caps: &Capabilities,
    settings: &IndexerSettings,
    search: &MovieSearch,
) -> Tiers {
    let mut tiers = Vec::new();
    let tmdb = (caps.supports_movie_param("tmdbid") && search.tmdb_id > 0)
        .then(|| ("tmdbid", search.tmdb_id.to_string()));
    let imdb = search
        .imdb_id
        .as_deref()
        .and_then(imdb_digits)
        .filter(|_| caps.supports_movie_param("imdbid"))
        .map(|digits| ("imdbid", digits.to_string()));
    let ids: Vec<_> = match caps.aggregate_id_search {
        // Both ids in one request when the indexer takes them together.
        true => tmdb.into_iter().chain(imdb).collect(),
        false => tmdb.or(imdb).into_iter().collect(),
    };
    if !ids.is_empty() {
        tiers.push(vec![Query {
            function: "movie",
            params: ids,
        }]);
    }
    if caps.supports_text_search() {
        let mut seen = Vec::new();
        let texts = search.titles.iter().filter_map(|title| {
            let title = match caps.raw_titles() {
                true => title.trim().to_string(),
                false => clean_title(title),
            };
            let text = match (settings.remove_year, search.year > 0) {
                (false, true) => format!("{title} {}", search.year),
                _ => title,
            };
            let fresh = !text.trim().is_empty() && !seen.contains(&text);
            seen.push(text.clone());
            fresh.then(|| Query {
                function: "search",
                params: vec![("q", text)],
            })
        });
        let texts: Vec<Query> = texts.collect();
        if !texts.is_empty() {
            tiers.push(texts);
        }
    }
    tiers
}

/// The RSS query: the newest releases of the categories, no search terms;
/// `t=movie` when the indexer has a movie search (some only list movies
/// there), else `t=search`.
pub fn rss_query(caps: &Capabilities) -> Option<Query> {
    let function = match (&caps.movie_search_params, &caps.search_params) {
        (Some(_), _) => "movie",
        (None, Some(_)) => "search",
        (None, None) => return None,
    };
    Some(Query {
        function,
        params: Vec::new(),
    })
}

/// A title as indexers match it best: `&` as "and", apostrophes and dots
/// dropped, other punctuation as spaces, spaces single.
pub fn clean_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.replace('&', " and ").chars() {
        match c {
            '\'' | '’' | '`' | '.' => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The URL of one page of `query`.
pub fn page_url(
    settings: &IndexerSettings,
    query: &Query,
    offset: usize,
    limit: u32,
) -> Result<Url> {
    let mut url = api_url(settings)?;
    let categories: Vec<String> = dedup(&settings.categories)
        .iter()
        .map(i32::to_string)
        .collect();
    {
        let mut pairs = url.query_pairs_mut();
        pairs
            .append_pair("t", query.function)
            .append_pair("cat", &categories.join(","))
            .append_pair("extended", "1");
        for (name, value) in additional_pairs(&settings.additional_parameters) {
            pairs.append_pair(&name, &value);
        }
        if let Some(key) = settings.api_key() {
            pairs.append_pair("apikey", key);
        }
        pairs
            .append_pair("offset", &offset.to_string())
            .append_pair("limit", &limit.to_string());
        for (name, value) in &query.params {
            pairs.append_pair(name, value);
        }
    }
    Ok(url)
}

/// The URL of `t=caps`.
pub fn caps_url(settings: &IndexerSettings) -> Result<Url> {
    let mut url = api_url(settings)?;
    url.query_pairs_mut().append_pair("t", "caps");
    if let Some(key) = settings.api_key() {
        url.query_pairs_mut().append_pair("apikey", key);
    }
    Ok(url)
}

/// `{baseUrl}{apiPath}` without a query.
fn api_url(settings: &IndexerSettings) -> Result<Url> {
    let base = settings.base_url.trim().trim_end_matches('/');
    let path = settings.api_path.trim().trim_end_matches('/');
    let path = match path.starts_with('/') || path.is_empty() {
        true => path.to_string(),
        false => format!("/{path}"),
    };
    let url = Url::parse(&format!("{base}{path}"))
        .map_err(|e| IndexerError::NotConfigured(format!("'{base}{path}' is not a URL: {e}")))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(IndexerError::NotConfigured(format!(
            "'{other}' URLs are not indexers; use http or https"
        ))),
    }
}

fn dedup(categories: &[i32]) -> Vec<i32> {
    let mut seen = Vec::with_capacity(categories.len());
    for c in categories {
        if !seen.contains(c) {
            seen.push(*c);
        }
    }
    seen
}
