//! Caps read from the fixtures, and the requests a movie search and RSS
//! make of them, as Radarr makes them.

use indexers::caps::parse_caps;
use indexers::search::{self, Query, clean_title, movie_queries, page_url, rss_query};
use indexers::{Capabilities, IndexerError, IndexerSettings, MovieSearch};
use secrecy::SecretString;

fn newznab() -> Capabilities {
    parse_caps(include_bytes!("data/newznab_caps.xml")).expect("caps")
}

fn torznab() -> Capabilities {
    parse_caps(include_bytes!("data/torznab_caps.xml")).expect("caps")
}

fn matrix() -> MovieSearch {
    MovieSearch {
        imdb_id: Some("tt0133093".into()),
        tmdb_id: 603,
        titles: vec!["The Matrix".into(), "Matrix".into()],
        year: 1999,
    }
}

fn query(function: &'static str, params: &[(&'static str, &str)]) -> Query {
    Query {
        function,
        params: params.iter().map(|(n, v)| (*n, v.to_string())).collect(),
    }
}

#[test]
fn caps_say_which_searches_and_parameters_and_categories() {
    let caps = newznab();
    assert_eq!(
        (caps.default_page_size, caps.max_page_size, caps.page_size()),
        (50, 100, 100)
    );
    assert!(caps.supports_text_search());
    assert!(caps.supports_movie_param("imdbid") && caps.supports_movie_param("tmdbid"));
    assert!(caps.aggregate_id_search);
    let movies = caps
        .categories
        .iter()
        .find(|c| c.id == 2000)
        .expect("Movies");
    assert_eq!(movies.name, "Movies");
    assert!(
        movies
            .subcategories
            .iter()
            .any(|s| s.id == 2045 && s.name == "UHD")
    );
    let caps = torznab();
    assert!(caps.supports_movie_param("imdbid") && !caps.supports_movie_param("tmdbid"));
    assert!(caps.raw_titles());
}

#[test]
fn caps_that_say_little_keep_radarrs_assumptions_and_unavailable_searches_are_none() {
    let bare = parse_caps(b"<caps><categories/></caps>").expect("caps");
    assert_eq!(bare, Capabilities::default());
    let no_movies = parse_caps(
        b"<caps><searching><search available=\"yes\"/><movie-search available=\"no\" supportedParams=\"q\"/></searching></caps>",
    )
    .expect("caps");
    assert_eq!(no_movies.movie_search_params, None);
    assert_eq!(no_movies.search_params, Some(vec!["q".to_string()]));
    assert_eq!(rss_query(&no_movies).map(|q| q.function), Some("search"));
}

#[test]
fn caps_errors_are_typed() {
    let refused = parse_caps(b"<error code=\"100\" description=\"Incorrect user credentials\"/>");
    assert!(matches!(refused, Err(IndexerError::BadApiKey(_))));
    let feed = parse_caps(include_bytes!("data/newznab_movies.xml"));
    assert!(matches!(
        feed,
        Err(IndexerError::NotAFeed {
            expected: "caps document",
            ..
        })
    ));
    assert!(matches!(
        parse_caps(b"<caps><limits></caps>"),
        Err(IndexerError::Malformed(_))
    ));
}

#[test]
fn a_movie_search_asks_by_both_ids_then_by_title_and_year() {
    let tiers = movie_queries(&newznab(), &IndexerSettings::default(), &matrix());
    assert_eq!(
        tiers,
        vec![
            vec![query("movie", &[("tmdbid", "603"), ("imdbid", "0133093")])],
            vec![
                query("search", &[("q", "The Matrix 1999")]),
                query("search", &[("q", "Matrix 1999")])
            ],
        ]
    );
}

#[test]
fn without_aggregate_ids_the_tmdb_id_goes_first_and_alone() {
    let mut caps = newznab();
    caps.aggregate_id_search = false;
    let tiers = movie_queries(&caps, &IndexerSettings::default(), &matrix());
    assert_eq!(tiers[0], vec![query("movie", &[("tmdbid", "603")])]);
}

#[test]
fn an_indexer_without_tmdb_search_gets_the_imdb_id_and_raw_titles() {
    let mut search = matrix();
    search.titles = vec!["Amélie: Le Fabuleux Destin".into()];
    let tiers = movie_queries(&torznab(), &IndexerSettings::default(), &search);
    assert_eq!(tiers[0], vec![query("movie", &[("imdbid", "0133093")])]);
    assert_eq!(
        tiers[1],
        vec![query("search", &[("q", "Amélie: Le Fabuleux Destin 1999")])]
    );
}

#[test]
fn remove_year_and_missing_ids_change_the_text_search() {
    let settings = IndexerSettings {
        remove_year: true,
        ..IndexerSettings::default()
    };
    let search = MovieSearch {
        imdb_id: Some("not an id".into()),
        tmdb_id: 0,
        titles: vec!["Mission: Impossible - Dead Reckoning Part One".into()],
        year: 2023,
    };
    let tiers = movie_queries(&newznab(), &settings, &search);
    assert_eq!(
        tiers,
        vec![vec![query(
            "search",
            &[("q", "Mission Impossible Dead Reckoning Part One")]
        )]]
    );
    assert_eq!(clean_title("Marvel's The Avengers"), "Marvels The Avengers");
    assert_eq!(clean_title("Fast & Furious 6"), "Fast and Furious 6");
    assert_eq!(clean_title("WALL·E"), "WALL E");
}

#[test]
fn every_page_url_carries_categories_extended_key_and_paging() {
    let settings = IndexerSettings {
        base_url: "https://indexer.example/".into(),
        api_path: "/api/".into(),
        api_key: Some(SecretString::from("s3cret")),
        categories: vec![2040, 2045, 2040],
        additional_parameters: "&attrs=poster&dl=1".into(),
        ..IndexerSettings::default()
    };
    let url = page_url(
        &settings,
        &query("search", &[("q", "The Matrix 1999")]),
        200,
        100,
    )
    .expect("url");
    assert_eq!(
        url.as_str(),
        "https://indexer.example/api?t=search&cat=2040%2C2045&extended=1&attrs=poster&dl=1&apikey=s3cret&offset=200&limit=100&q=The+Matrix+1999"
    );
    let caps = search::caps_url(&settings).expect("caps url");
    assert_eq!(
        caps.as_str(),
        "https://indexer.example/api?t=caps&apikey=s3cret"
    );
    let rss = rss_query(&newznab()).expect("rss");
    assert_eq!(rss, query("movie", &[]));
    let bad = IndexerSettings {
        base_url: "ftp://indexer.example".into(),
        ..IndexerSettings::default()
    };
    assert!(matches!(
        search::caps_url(&bad),
        Err(IndexerError::NotConfigured(_))
    ));
}
