//! HDBits' JSON API against the fake HDBits (`indexers::fake_hdbits`), which
//! answers as HDBits documents: releases by IMDb id and the newest ones,
//! mapped as Radarr maps them; the catalogue paged; HDBits' failures
//! reported with what to fix.

use std::time::Duration;

use domain::release::{IndexerFlags, Protocol};
use indexers::IndexerError;
use indexers::fake_hdbits::{FakeHdBits, PASSKEY, Trouble, USERNAME, torrent};
use indexers::hdbits::{HdBits, HdBitsSettings, Torrent, category};

fn client(fake: &FakeHdBits, passkey: &str) -> HdBits {
    let settings = HdBitsSettings {
        base_url: fake.base_url.clone(),
        username: USERNAME.into(),
        passkey: passkey.to_string().into(),
        ..HdBitsSettings::default()
    };
    HdBits::new(settings, Duration::from_secs(5)).expect("a client")
}

fn catalogue() -> Vec<Torrent> {
    let mut internal = torrent(3, "The.Matrix.1999.1080p.BluRay.DTS.x264-CtrlHD", 133093);
    internal.type_origin = 1;
    internal.freeleech = "yes".into();
    internal.seeders = 250;
    internal.leechers = 5;
    internal.times_completed = 4000;
    let mut show = torrent(4, "Some.Show.S01.1080p.BluRay.x264-GRP", 0);
    show.type_category = category::TV;
    show.imdb = None;
    vec![
        torrent(1, "The.Matrix.1999.720p.BluRay.x264-OLD", 133093),
        torrent(2, "Heat.1995.1080p.BluRay.x264-GRP", 113277),
        internal,
        show,
    ]
}

#[tokio::test]
async fn a_movies_releases_are_found_by_imdb_id_and_mapped_as_radarr_maps_them() {
    let fake = FakeHdBits::start(catalogue()).await;
    let hdbits = client(&fake, PASSKEY);
    let found = hdbits.search("tt0133093").await.expect("search");
    let titles: Vec<&str> = found.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "The.Matrix.1999.1080p.BluRay.DTS.x264-CtrlHD",
            "The.Matrix.1999.720p.BluRay.x264-OLD"
        ],
        "newest first, only The Matrix"
    );
    let best = &found[0];
    assert_eq!(best.guid, "HDBits-3");
    assert_eq!(best.protocol, Protocol::Torrent);
    assert_eq!(
        best.download_url,
        format!("{}/download.php?id=3&passkey={PASSKEY}", fake.base_url)
    );
    assert_eq!(
        best.info_url.as_deref(),
        Some(format!("{}/details.php?id=3", fake.base_url).as_str())
    );
    assert_eq!(
        best.info_hash.as_deref(),
        Some(format!("{:040X}", 3).as_str())
    );
    assert_eq!(
        (best.seeders, best.peers, best.grabs),
        (Some(250), Some(255), Some(4000))
    );
    assert!(best.indexer_flags.contains(IndexerFlags::FREELEECH));
    assert!(best.indexer_flags.contains(IndexerFlags::HDB_INTERNAL));
    assert!(!found[1].indexer_flags.contains(IndexerFlags::HDB_INTERNAL));
    assert_eq!(best.imdb_id.as_deref(), Some("tt0133093"));
    assert_eq!(best.publish_date.timestamp(), 1_700_000_000 + 3 * 3600);
    assert_eq!(best.size, 8_000_000_000);

    // The account and the settings' filters went with the query.
    let sent = &fake.requests()[0];
    assert_eq!(sent["username"], USERNAME);
    assert_eq!(sent["passkey"], PASSKEY);
    assert_eq!(sent["imdb"]["id"], 133093);
    assert_eq!(sent["category"], serde_json::json!([1]));
    assert!(
        sent.get("codec").is_none(),
        "an empty filter is not sent: {sent}"
    );

    // Not an IMDb id: nothing asked.
    assert_eq!(hdbits.search("not-an-id").await.expect("none"), []);
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn the_newest_releases_are_those_of_the_settings_categories() {
    let fake = FakeHdBits::start(catalogue()).await;
    let recent = client(&fake, PASSKEY).recent().await.expect("recent");
    let guids: Vec<&str> = recent.iter().map(|r| r.guid.as_str()).collect();
    assert_eq!(guids, ["HDBits-3", "HDBits-2", "HDBits-1"], "no TV");
}

#[tokio::test]
async fn the_catalogue_is_read_page_by_page() {
    let torrents: Vec<Torrent> = (1..=250)
        .map(|id| {
            torrent(
                id,
                &format!("Movie.{id}.2010.1080p.BluRay.x264-GRP"),
                1000 + id as u32,
            )
        })
        .collect();
    let fake = FakeHdBits::start(torrents).await;
    let hdbits = client(&fake, PASSKEY);
    let mut seen = Vec::new();
    for page in 0.. {
        let got = hdbits
            .page(
                &[category::MOVIE, category::TV, category::DOCUMENTARY],
                page,
                100,
            )
            .await
            .expect("a page");
        if got.is_empty() {
            break;
        }
        seen.extend(got.into_iter().map(|t| t.id));
    }
    assert_eq!(seen.len(), 250);
    assert_eq!(seen.first(), Some(&250), "newest first");
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 250, "each once");
    let sent = fake.requests();
    assert_eq!(sent.len(), 4, "three full pages and an empty one");
    assert_eq!(sent[2]["page"], 2);
    assert_eq!(sent[2]["limit"], 100);
}

#[tokio::test]
async fn hdbits_failures_say_what_to_fix() {
    let fake = FakeHdBits::start(catalogue()).await;
    let wrong = client(&fake, "not-the-passkey").recent().await;
    assert!(
        matches!(&wrong, Err(IndexerError::BadApiKey(m)) if m.contains("refused the username or the passkey") && m.contains("Auth failed")),
        "{wrong:?}"
    );
    let missing = client(&fake, "").recent().await;
    assert!(
        matches!(&missing, Err(IndexerError::BadApiKey(m)) if m.contains("needs the username and the passkey")),
        "{missing:?}"
    );

    let hdbits = client(&fake, PASSKEY);
    fake.trouble(Trouble::Status(1, "Database unavailable".into()));
    let failed = hdbits.recent().await;
    assert!(
        matches!(&failed, Err(IndexerError::Api { code: 1, message }) if message.contains("Database unavailable")),
        "{failed:?}"
    );
    fake.trouble(Trouble::ServerError);
    assert!(matches!(
        hdbits.recent().await,
        Err(IndexerError::Status { status: 500, .. })
    ));
    // It answers again once the trouble is over.
    assert_eq!(hdbits.recent().await.expect("recovered").len(), 3);

    let nowhere = HdBits::new(
        HdBitsSettings {
            base_url: "http://127.0.0.1:9".into(),
            ..HdBitsSettings::default()
        },
        Duration::from_secs(5),
    )
    .expect("a client")
    .recent()
    .await;
    assert!(
        matches!(nowhere, Err(IndexerError::Unreachable(_))),
        "{nowhere:?}"
    );
    assert!(matches!(
        HdBits::new(
            HdBitsSettings {
                base_url: "not a url".into(),
                ..HdBitsSettings::default()
            },
            Duration::from_secs(5)
        ),
        Err(IndexerError::NotConfigured(_))
    ));
}
