//! The feed reader on the fixtures and on hand-made answers: every field
//! and attribute, the error answers, and what is cut or skipped.

use chrono::{TimeZone, Utc};
use domain::release::{IndexerFlags, Protocol, Release};
use indexers::IndexerError;
use indexers::feed::{Page, parse_feed};
use reqwest::Url;

const NEWZNAB: &str = include_str!("data/newznab_movies.xml");
const TORZNAB: &str = include_str!("data/torznab_movies.xml");

fn read(body: &str, protocol: Protocol) -> Page {
    parse_feed(body.as_bytes(), protocol, None, false, 5000).expect("a feed")
}

fn titled<'a>(page: &'a Page, start: &str) -> &'a Release {
    page.releases
        .iter()
        .find(|r| r.title.starts_with(start))
        .unwrap_or_else(|| panic!("a release titled {start}…"))
}

#[test]
fn a_newznab_item_becomes_a_release_with_every_field() {
    let page = read(NEWZNAB, Protocol::Usenet);
    assert_eq!((page.items, page.releases.len(), page.skipped), (10, 8, 2));
    assert!(!page.truncated);
    let sparks = titled(&page, "The.Matrix.1999.1080p.BluRay.x264-SPARKS");
    let id = "a1f0c3e2b7d94e1f8c2b5a7d9e0f1a21";
    assert_eq!(sparks.guid, format!("http://127.0.0.1/details/{id}"));
    assert_eq!(
        sparks.download_url,
        format!("http://127.0.0.1/getnzb/{id}.nzb&i=1&r=KEY")
    );
    assert_eq!(
        sparks.info_url.as_deref(),
        Some(&*format!("http://127.0.0.1/details/{id}"))
    );
    assert_eq!(
        sparks.comment_url.as_deref(),
        Some(&*format!("http://127.0.0.1/details/{id}#comments"))
    );
    assert_eq!(sparks.size, 11_705_450_496);
    assert_eq!(
        sparks.publish_date,
        Utc.with_ymd_and_hms(2023, 10, 14, 18, 21, 7).unwrap()
    );
    assert_eq!(sparks.categories, vec![2000, 2040]);
    assert_eq!(sparks.imdb_id.as_deref(), Some("tt0133093"));
    assert_eq!(sparks.tmdb_id, 603);
    assert_eq!(sparks.grabs, Some(1523));
    assert_eq!((sparks.seeders, sparks.peers), (None, None));
    assert_eq!(sparks.indexer_flags, IndexerFlags::default());
    assert_eq!(sparks.protocol, Protocol::Usenet);
}

#[test]
fn size_falls_back_to_the_enclosure_and_entities_are_decoded() {
    let page = read(NEWZNAB, Protocol::Usenet);
    assert_eq!(titled(&page, "The.Matrix.1999.720p").size, 4_697_620_480);
    let amelie = titled(&page, "Le.Fabuleux");
    assert_eq!(
        amelie.title,
        "Le.Fabuleux.Destin.d'Amelie.Poulain.2001.FRENCH.1080p.BluRay.x264-LOST"
    );
    assert_eq!(amelie.imdb_id.as_deref(), Some("tt0211915"));
    // No tmdbid attribute: 0.
    assert_eq!(titled(&page, "The Matrix 1999 DVDRip").tmdb_id, 0);
}

#[test]
fn torznab_items_carry_seeders_peers_hashes_and_magnets() {
    let page = read(TORZNAB, Protocol::Torrent);
    assert_eq!((page.releases.len(), page.skipped), (6, 0));
    let ctrl = titled(&page, "The.Matrix.1999.1080p");
    assert_eq!(
        (ctrl.seeders, ctrl.peers, ctrl.grabs),
        (Some(214), Some(231), Some(642))
    );
    assert_eq!(ctrl.size, 12_884_901_888, "from <size>");
    assert_eq!(
        ctrl.download_url,
        "http://127.0.0.1/dl/1001.torrent?passkey=KEY"
    );
    assert_eq!(
        ctrl.info_hash.as_deref(),
        Some("3f1a9b2c4d5e6f708192a3b4c5d6e7f8091a2b3c")
    );
    let magnet = ctrl.magnet_url.as_deref().unwrap_or_default();
    assert!(
        magnet.starts_with("magnet:?xt=urn:btih:3f1a9b2c"),
        "{magnet}"
    );
    assert!(magnet.contains("&dn="), "entities decoded: {magnet}");
    assert_eq!(ctrl.categories, vec![2040, 100001]);
    // Seeders and leechers, without peers, add up to the peers.
    let uhd = titled(&page, "The.Matrix.1999.2160p");
    assert_eq!((uhd.seeders, uhd.peers), (Some(57), Some(66)));
    assert_eq!(
        uhd.imdb_id.as_deref(),
        Some("tt0133093"),
        "imdbid written with tt"
    );
}

#[test]
fn volume_factors_and_tags_become_indexer_flags() {
    let page = read(TORZNAB, Protocol::Torrent);
    let flags = |start| titled(&page, start).indexer_flags;
    let f = IndexerFlags::default;
    assert_eq!(
        flags("The.Matrix.1999.1080p"),
        f().with(IndexerFlags::FREELEECH)
            .with(IndexerFlags::HDB_INTERNAL)
    );
    assert_eq!(flags("The.Matrix.1999.2160p"), IndexerFlags::HALFLEECH);
    assert_eq!(
        flags("The.Matrix.1999.720p"),
        f().with(IndexerFlags::DOUBLE_UPLOAD)
            .with(IndexerFlags::SCENE)
    );
    // 0.25 counted is "75% freeleech"; the freeleech tag adds freeleech.
    assert_eq!(
        flags("Inception.2010.1080p"),
        f().with(IndexerFlags::FREELEECH_75)
            .with(IndexerFlags::FREELEECH)
    );
    assert_eq!(
        flags("Inception.2010.720p"),
        f().with(IndexerFlags::FREELEECH_25)
            .with(IndexerFlags::HDB_INTERNAL)
            .with(IndexerFlags::SCENE)
    );
    assert_eq!(
        flags("Blade.Runner"),
        f().with(IndexerFlags::FREELEECH)
            .with(IndexerFlags::DOUBLE_UPLOAD)
    );
}

fn error_answer(code: &str, description: &str) -> IndexerError {
    let body =
        format!("<?xml version=\"1.0\"?>\n<error code=\"{code}\" description=\"{description}\"/>");
    parse_feed(body.as_bytes(), Protocol::Usenet, None, false, 10).expect_err("an error answer")
}

#[test]
fn newznab_error_answers_become_typed_errors_with_the_indexers_words() {
    assert_eq!(
        error_answer("100", "Incorrect user credentials"),
        IndexerError::BadApiKey("Incorrect user credentials".into())
    );
    assert!(matches!(
        error_answer("101", "Account suspended"),
        IndexerError::Account { code: 101, .. }
    ));
    assert!(matches!(
        error_answer("102", "Insufficient privileges"),
        IndexerError::Account { code: 102, .. }
    ));
    assert!(matches!(
        error_answer("201", "Incorrect parameter"),
        IndexerError::BadRequest { code: 201, .. }
    ));
    assert!(matches!(
        error_answer("500", "Request limit reached"),
        IndexerError::RequestLimit { .. }
    ));
    assert!(matches!(
        error_answer("900", "Request limit reached"),
        IndexerError::RequestLimit { .. }
    ));
    let other = error_answer("910", "API disabled");
    assert_eq!(
        other.to_string(),
        "the indexer answered with error 910: API disabled"
    );
    assert!(matches!(
        error_answer("abc", "Strange"),
        IndexerError::Api { code: 900, .. }
    ));
    assert_eq!(error_answer("100", "x").field(), Some("apiKey"));
}

#[test]
fn malformed_xml_is_an_error_unless_the_body_was_cut() {
    let broken = "<?xml version=\"1.0\"?><rss><channel><item><title>A.Movie.2020-GRP</title><link>http://x/1</link>\
                  <pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item><item><title>Cut</titel>";
    let error =
        parse_feed(broken.as_bytes(), Protocol::Usenet, None, false, 10).expect_err("malformed");
    assert!(matches!(error, IndexerError::Malformed(_)), "{error:?}");
    // The same bytes as the start of an answer over the cap: what was whole is kept.
    let page = parse_feed(broken.as_bytes(), Protocol::Usenet, None, true, 10).expect("a cut page");
    assert_eq!(page.releases.len(), 1);
    assert!(page.truncated);
}

#[test]
fn web_pages_and_other_documents_are_not_feeds() {
    let html = "<!DOCTYPE html><html><body>Login</body></html>";
    assert_eq!(
        parse_feed(html.as_bytes(), Protocol::Usenet, None, false, 10),
        Err(IndexerError::Html)
    );
    let json = "{\"error\": \"nope\"}";
    let error = parse_feed(json.as_bytes(), Protocol::Usenet, None, false, 10).expect_err("json");
    assert!(matches!(error, IndexerError::NotAFeed { .. }), "{error:?}");
    let caps = include_str!("data/newznab_caps.xml");
    let error = parse_feed(caps.as_bytes(), Protocol::Usenet, None, false, 10).expect_err("caps");
    assert!(error.to_string().contains("<caps>"), "{error}");
    assert!(parse_feed(b"", Protocol::Usenet, None, false, 10).is_err());
}

#[test]
fn items_beyond_the_cap_are_dropped_and_the_page_marked_cut() {
    let page = parse_feed(NEWZNAB.as_bytes(), Protocol::Usenet, None, false, 3).expect("feed");
    assert_eq!((page.items, page.releases.len()), (3, 3));
    assert!(page.truncated);
}

#[test]
fn garbage_items_are_skipped_and_garbage_values_ignored() {
    let garbage = r#"<rss xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel>
<item><title>   </title><link>http://h/1</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>!!! --- ???</title><link>http://h/2</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>Dated.Never.2020-GRP</title><link>http://h/3</link><pubDate>someday</pubDate></item>
<item><title>No.Link.2020-GRP</title><link>javascript:alert(1)</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item>
<item><title>Odd&nbsp;Numbers.2020&#9;x264-GRP</title><link>/dl/4.torrent</link><pubDate>Sun, 15 Oct 2023 12:00:00 GMT</pubDate>
<size>lots</size><torznab:attr name="seeders" value="-5"/><torznab:attr name="peers" value="many"/>
<torznab:attr name="grabs" value="99999999999999"/><torznab:attr name="imdbid" value="ttabc"/>
<torznab:attr name="tmdbid" value="-1"/><torznab:attr name="downloadvolumefactor" value="free"/><torznab:attr/></item>
</channel></rss>"#;
    let base = Url::parse("http://127.0.0.1:9117/api?t=search").ok();
    let page = parse_feed(
        garbage.as_bytes(),
        Protocol::Torrent,
        base.as_ref(),
        false,
        10,
    )
    .expect("feed");
    assert_eq!((page.items, page.releases.len(), page.skipped), (5, 1, 4));
    let odd = &page.releases[0];
    assert_eq!(odd.title, "Odd Numbers.2020 x264-GRP");
    assert_eq!(odd.download_url, "http://127.0.0.1:9117/dl/4.torrent");
    assert_eq!(odd.guid, odd.download_url, "no guid: the link stands in");
    assert_eq!(
        (odd.size, odd.seeders, odd.peers, odd.grabs),
        (0, Some(0), None, Some(i32::MAX))
    );
    assert_eq!((odd.imdb_id.as_deref(), odd.tmdb_id), (None, 0));
    assert_eq!(odd.indexer_flags, IndexerFlags::default());
    let long = format!(
        "<rss><channel><item><title>{}</title><link>http://h/1</link><pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate></item></channel></rss>",
        "A".repeat(5000)
    );
    assert_eq!(read(&long, Protocol::Usenet).skipped, 1);
}

#[test]
fn dates_are_read_in_the_forms_indexers_write() {
    let at = Utc.with_ymd_and_hms(2023, 10, 15, 12, 0, 0).single();
    for date in [
        "Sun, 15 Oct 2023 12:00:00 +0000",
        "Sun, 15 Oct 2023 14:00:00 +0200",
        "Sun, 15 Oct 2023 12:00:00 GMT",
        "Sun, 15 Oct 2023 12:00:00 UTC",
        "2023-10-15T12:00:00Z",
        "2023-10-15 12:00:00",
    ] {
        assert_eq!(indexers::parse_date(date), at, "{date}");
    }
    assert_eq!(indexers::parse_date("yesterday"), None);
}
