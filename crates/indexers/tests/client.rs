//! The client against fake Newznab and Torznab indexers: searches, RSS,
//! caps kept, the test, and every kind of trouble an indexer gives.

use std::time::Duration;

use domain::release::Protocol;
use indexers::fake::{API_KEY, FakeIndexer, FakeNewznab, FakeTorznab, Trouble, param};
use indexers::{
    ClientConfig, Implementation, Indexer, IndexerDefinition, IndexerError, IndexerSettings,
    MovieSearch, NewznabClient,
};
use secrecy::SecretString;

fn client_with(
    fake: &FakeIndexer,
    implementation: Implementation,
    key: &str,
    config: ClientConfig,
) -> NewznabClient {
    let definition = IndexerDefinition {
        id: 7,
        name: "Fake".into(),
        priority: 10,
        implementation,
        settings: IndexerSettings {
            base_url: fake.base_url.clone(),
            api_key: Some(SecretString::from(key)),
            ..IndexerSettings::default()
        },
    };
    NewznabClient::new(definition, config).expect("client")
}

fn client(fake: &FakeIndexer, implementation: Implementation) -> NewznabClient {
    client_with(fake, implementation, API_KEY, ClientConfig::default())
}

fn matrix() -> MovieSearch {
    MovieSearch {
        imdb_id: Some("tt0133093".into()),
        tmdb_id: 603,
        titles: vec!["The Matrix".into()],
        year: 1999,
    }
}

#[tokio::test]
async fn a_newznab_search_by_ids_returns_stamped_releases() {
    let fake = FakeNewznab::start().await;
    let found = client(&fake, Implementation::Newznab)
        .search(&matrix())
        .await
        .expect("search");
    assert_eq!(found.releases.len(), 4);
    assert_eq!(found.skipped, 2, "the items without title or link");
    assert!(found.releases.iter().all(|r| r.title.contains("Matrix")));
    assert!(
        found
            .releases
            .iter()
            .all(|r| r.indexer_id == 7 && r.indexer == "Fake" && r.indexer_priority == 10)
    );
    assert!(
        found
            .releases
            .iter()
            .all(|r| r.protocol == Protocol::Usenet)
    );
    let searches = fake.requests_of("movie");
    assert_eq!(searches.len(), 1, "one page held everything");
    let q = &searches[0];
    assert_eq!(param(q, "imdbid"), Some("0133093"));
    assert_eq!(param(q, "tmdbid"), Some("603"));
    assert_eq!(
        param(q, "cat"),
        Some("2000,2010,2020,2030,2040,2045,2050,2060")
    );
    assert_eq!(
        (param(q, "extended"), param(q, "apikey")),
        (Some("1"), Some(API_KEY))
    );
    assert_eq!(
        (param(q, "offset"), param(q, "limit")),
        (Some("0"), Some("100"))
    );
    assert!(
        fake.requests_of("search").is_empty(),
        "ids found releases: no text search"
    );
}

#[tokio::test]
async fn a_torznab_search_uses_the_imdb_id_its_caps_offer() {
    let fake = FakeTorznab::start().await;
    let found = client(&fake, Implementation::Torznab)
        .search(&matrix())
        .await
        .expect("search");
    assert_eq!(found.releases.len(), 3);
    assert!(
        found
            .releases
            .iter()
            .all(|r| r.protocol == Protocol::Torrent && r.seeders.is_some())
    );
    let q = &fake.requests_of("movie")[0];
    assert_eq!(
        (param(q, "imdbid"), param(q, "tmdbid")),
        (Some("0133093"), None)
    );
}

#[tokio::test]
async fn when_the_ids_find_nothing_the_title_and_year_are_searched() {
    let fake = FakeNewznab::start().await;
    let inception = MovieSearch {
        imdb_id: Some("tt9999999".into()),
        tmdb_id: 999_999,
        titles: vec!["Inception".into()],
        year: 2010,
    };
    let found = client(&fake, Implementation::Newznab)
        .search(&inception)
        .await
        .expect("search");
    assert_eq!(found.releases.len(), 2);
    assert_eq!(found.requests, 2);
    let text = &fake.requests_of("search")[0];
    assert_eq!(param(text, "q"), Some("Inception 2010"));
}

#[tokio::test]
async fn full_pages_are_followed_by_the_next_offset() {
    let fake = FakeNewznab::start().await;
    let indexer = client(&fake, Implementation::Newznab);
    indexer.caps().await.expect("caps");
    // A first page exactly as long as the limit asks for the next, which
    // (past the fixture's few matches) holds nothing and ends the paging.
    fake.trouble([Trouble::Huge(100)]);
    let found = indexer.search(&matrix()).await.expect("search");
    let offsets: Vec<_> = fake
        .requests_of("movie")
        .iter()
        .map(|q| param(q, "offset").unwrap_or_default().to_string())
        .collect();
    assert_eq!(offsets, ["0", "100"]);
    assert_eq!(found.releases.len(), 100);
}

#[tokio::test]
async fn rss_asks_for_the_newest_page_without_a_query_and_caps_are_kept() {
    let fake = FakeTorznab::start().await;
    let indexer = client(&fake, Implementation::Torznab);
    let found = indexer.rss().await.expect("rss");
    assert_eq!(found.releases.len(), 6);
    indexer.rss().await.expect("rss again");
    assert_eq!(fake.requests_of("caps").len(), 1, "caps asked once");
    let rss = &fake.requests_of("movie")[0];
    assert_eq!(
        (param(rss, "q"), param(rss, "imdbid"), param(rss, "offset")),
        (None, None, Some("0"))
    );
}

#[tokio::test]
async fn the_test_passes_and_names_each_failure() {
    let fake = FakeNewznab::start().await;
    let report = client(&fake, Implementation::Newznab)
        .test()
        .await
        .expect("test");
    assert_eq!(report.releases, 8);
    assert!(report.warnings.iter().any(|w| w.contains("skipped")));
    let wrong = client_with(
        &fake,
        Implementation::Newznab,
        "wrong",
        ClientConfig::default(),
    );
    let error = wrong.test().await.expect_err("bad key");
    assert_eq!(
        error,
        IndexerError::BadApiKey("Incorrect user credentials".into())
    );
    assert_eq!(error.field(), Some("apiKey"));
    let empty = client(&fake, Implementation::Newznab);
    fake.trouble([Trouble::Hang(Duration::ZERO), Trouble::Huge(0)]);
    assert_eq!(empty.test().await, Err(IndexerError::NoResults));
    let torznab = client(&fake, Implementation::Torznab)
        .test()
        .await
        .expect("test");
    assert!(
        torznab.warnings.iter().any(|w| w.contains("Newznab")),
        "{:?}",
        torznab.warnings
    );
}

#[tokio::test]
async fn an_indexer_that_hangs_times_out() {
    let fake = FakeNewznab::start().await;
    let config = ClientConfig {
        timeout: Duration::from_millis(200),
        ..ClientConfig::default()
    };
    let indexer = client_with(&fake, Implementation::Newznab, API_KEY, config);
    fake.trouble([Trouble::Hang(Duration::from_secs(5))]);
    let error = indexer.rss().await.expect_err("timeout");
    assert_eq!(error, IndexerError::TimedOut(Duration::from_millis(200)));
}

async fn trouble(trouble: Trouble) -> IndexerError {
    let fake = FakeNewznab::start().await;
    let indexer = client(&fake, Implementation::Newznab);
    indexer.caps().await.expect("caps");
    fake.trouble([trouble]);
    indexer.search(&matrix()).await.expect_err("trouble")
}

#[tokio::test]
async fn each_kind_of_trouble_is_a_clear_error() {
    assert!(matches!(
        trouble(Trouble::Malformed).await,
        IndexerError::Malformed(_)
    ));
    assert!(matches!(
        trouble(Trouble::ServerError).await,
        IndexerError::Status { status: 500, .. }
    ));
    assert_eq!(trouble(Trouble::Html).await, IndexerError::Html);
    assert!(matches!(
        trouble(Trouble::Json).await,
        IndexerError::NotAFeed { .. }
    ));
    let limited = trouble(Trouble::TooMany(30)).await;
    assert_eq!(limited.minimum_backoff(), Some(Duration::from_secs(30)));
    let limit = trouble(Trouble::Error(500, "Request limit reached".into())).await;
    assert_eq!(limit.minimum_backoff(), Some(Duration::from_secs(3600)));
    let account = trouble(Trouble::Error(101, "Account suspended".into())).await;
    assert_eq!(
        account.to_string(),
        "the indexer refused the account (error 101): Account suspended"
    );
}

#[tokio::test]
async fn an_unreachable_indexer_is_a_connection_failure() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let address = listener.local_addr().expect("address");
    drop(listener);
    let mut fake = FakeNewznab::start().await;
    fake.base_url = format!("http://{address}");
    let error = client(&fake, Implementation::Newznab)
        .caps()
        .await
        .expect_err("refused");
    assert!(error.is_connection_failure(), "{error:?}");
}

#[tokio::test]
async fn a_huge_answer_is_cut_at_the_byte_cap_and_what_was_whole_is_kept() {
    let fake = FakeNewznab::start().await;
    let config = ClientConfig {
        max_body_bytes: 64 * 1024,
        ..ClientConfig::default()
    };
    let indexer = client_with(&fake, Implementation::Newznab, API_KEY, config);
    indexer.caps().await.expect("caps");
    fake.trouble([Trouble::Huge(2000)]);
    let found = indexer.rss().await.expect("a cut page");
    assert!(found.truncated);
    assert!(
        found.releases.len() > 50 && found.releases.len() < 2000,
        "{}",
        found.releases.len()
    );
}

#[tokio::test]
async fn with_the_default_caps_a_huge_feed_keeps_the_first_items() {
    let fake = FakeTorznab::start().await;
    let indexer = client(&fake, Implementation::Torznab);
    indexer.caps().await.expect("caps");
    fake.trouble([Trouble::Huge(6000)]);
    let found = indexer.rss().await.expect("a cut page");
    assert!(found.truncated);
    assert_eq!(found.releases.len(), indexers::feed::MAX_ITEMS);
}

#[tokio::test]
async fn garbage_items_are_skipped_and_the_rest_kept() {
    let fake = FakeTorznab::start().await;
    let indexer = client(&fake, Implementation::Torznab);
    indexer.caps().await.expect("caps");
    fake.trouble([Trouble::Garbage]);
    let found = indexer.rss().await.expect("rss");
    assert_eq!((found.releases.len(), found.skipped), (1, 4));
    assert_eq!(
        found.releases[0].download_url,
        format!("{}/relative/4.torrent", fake.base_url)
    );
}

#[tokio::test]
async fn published_releases_come_first_with_working_links() {
    let fake = FakeTorznab::start().await;
    fake.without_fixture();
    let mut release = indexers::fake::FakeRelease::new("The.Matrix.1999.1080p.WEB-DL.x264-NEW");
    release.tmdb_id = 603;
    release.freeleech = true;
    fake.publish(release);
    fake.publish(indexers::fake::FakeRelease::new(
        "Other.Film.2001.720p.HDTV.x264-OLD",
    ));

    let rss = client(&fake, Implementation::Torznab)
        .rss()
        .await
        .expect("rss");
    let titles: Vec<&str> = rss.releases.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Other.Film.2001.720p.HDTV.x264-OLD",
            "The.Matrix.1999.1080p.WEB-DL.x264-NEW"
        ]
    );
    let found = client(&fake, Implementation::Torznab)
        .search(&matrix())
        .await
        .expect("search");
    assert_eq!(found.releases.len(), 1, "only the published Matrix release");
    let matrix = &found.releases[0];
    assert_eq!(matrix.seeders, Some(50));
    assert!(
        matrix
            .indexer_flags
            .contains(domain::release::IndexerFlags::FREELEECH)
    );

    let link = &matrix.download_url;
    assert!(link.starts_with(&fake.base_url), "{link}");
    let body = reqwest::get(link)
        .await
        .expect("download")
        .bytes()
        .await
        .expect("body");
    assert!(body.starts_with(b"d8:announce"), "a bencoded torrent");
    assert_eq!(fake.downloads(), ["/dl/published-0.torrent"]);
}
