//! The analysis against the fake HDBits serving a generated catalogue: what
//! it reads, the scores that come of it, and how it bears a tracker that
//! fails, hangs, limits or refuses.

use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use chrono::Utc;
use domain::reputation::{GroupRelease, gather, score};
use domain::scene_group::TrackerRelease;
use indexers::fake_hdbits::catalogue::{generate, mixed_groups};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY, Trouble, USERNAME, torrent};
use indexers::hdbits::{HdBits, HdBitsSettings};
use scene::{
    AnalysisError, AnalysisSink, Checkpoint, HdBitsSource, TrackerSource, Tuning, analyse,
};
use secrecy::SecretString;

/// Keeps what the analysis hands it; fails from the `fail_at`th page on,
/// as a process killed there would stop.
#[derive(Default)]
struct Kept {
    releases: Mutex<Vec<TrackerRelease>>,
    saves: Mutex<usize>,
    fail_at: Option<usize>,
}

#[async_trait]
impl AnalysisSink for Kept {
    async fn keep(&self, releases: &[TrackerRelease], _: &Checkpoint) -> Result<(), String> {
        let mut saves = self.saves.lock().expect("saves");
        if self.fail_at.is_some_and(|at| *saves >= at) {
            return Err("the store went away".into());
        }
        *saves += 1;
        self.releases
            .lock()
            .expect("releases")
            .extend_from_slice(releases);
        Ok(())
    }
}

impl Kept {
    fn releases(&self) -> Vec<GroupRelease> {
        let kept = self.releases.lock().expect("releases");
        kept.iter().map(|r| r.release.clone()).collect()
    }
}

fn tuning() -> Tuning {
    Tuning {
        batch_size: 100,
        concurrent_requests: 3,
        request_delay: Duration::ZERO,
        retry_attempts: 3,
        timeout: Duration::from_secs(1),
        retry_wait: Duration::from_millis(10),
    }
}

fn source(fake: &FakeHdBits, passkey: &str) -> Vec<Box<dyn TrackerSource>> {
    let settings = HdBitsSettings {
        base_url: fake.base_url.clone(),
        username: USERNAME.into(),
        passkey: SecretString::from(passkey.to_string()),
        ..HdBitsSettings::default()
    };
    let client = HdBits::new(settings, Duration::from_secs(5)).expect("a client");
    vec![Box::new(HdBitsSource {
        indexer_id: 4,
        name: "HDBits".into(),
        client,
    })]
}

/// The page and categories each request asked for, in order.
fn pages_asked(fake: &FakeHdBits) -> Vec<(i64, i64)> {
    fake.requests()
        .iter()
        .map(|r| {
            (
                r["category"][0].as_i64().unwrap_or(-1),
                r["page"].as_i64().unwrap_or(-1),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_category_is_read_and_the_constructed_groups_score_as_built() {
    let catalogue = generate(&mixed_groups(), 7);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    let kept = Kept::default();
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    analyse(&source(&fake, PASSKEY), &tuning(), &mut run, &kept)
        .await
        .expect("the analysis");

    assert!(run.finished && run.complete(), "{run:?}");
    assert_eq!(run.releases as usize, catalogue.len());
    assert!(
        catalogue.len() > 3_000,
        "a few thousand: {}",
        catalogue.len()
    );
    let releases = kept.releases();
    assert_eq!(
        releases.len(),
        catalogue.len(),
        "every title names its group"
    );
    assert_eq!(run.report().success_rate, 1.0);

    let stats = gather(&releases);
    let of_stats = |name: &str| stats.iter().find(|s| s.group == name).expect(name).clone();
    assert_eq!(of_stats("Lumen").internal_share, 1.0);
    assert_eq!(of_stats("Rare").releases, 3);
    assert!(of_stats("Brisk").replaced_share > 0.05);
    assert!(of_stats("Lumen").size_variation < of_stats("Murk").size_variation);

    let scores = score(&stats);
    let of = |name: &str| scores.iter().find(|s| s.group == name).expect(name).score;
    assert!(
        of("Lumen") > of("Middling") && of("Middling") > of("Murk"),
        "{scores:?}"
    );
    assert!(of("Kestrel") > of("Drab"));
    assert!(
        of("Rare") < of("Lumen"),
        "three releases cannot top six hundred"
    );
}

#[tokio::test]
async fn failures_are_retried_then_the_page_is_skipped_and_counted() {
    let catalogue: Vec<_> = (1..=250)
        .map(|id| torrent(id, &format!("Movie.{id}.2001.1080p.BluRay.x264-GRP"), 1))
        .collect();
    let fake = FakeHdBits::start(catalogue).await;
    // The first page fails twice and then answers (a slow answer of no
    // delay is an answer); the next one fails every try.
    fake.trouble(Trouble::ServerError);
    fake.trouble(Trouble::TooManyRequests(0));
    fake.trouble(Trouble::Slow(Duration::ZERO));
    for _ in 0..4 {
        fake.trouble(Trouble::Status(1, "Failure".into()));
    }
    let kept = Kept::default();
    let mut tuning = tuning();
    tuning.concurrent_requests = 1;
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    let sources = source(&fake, PASSKEY);
    analyse(&sources, &tuning, &mut run, &kept)
        .await
        .expect("the analysis");

    let asked = pages_asked(&fake);
    assert_eq!(
        &asked[..3],
        &[(1, 0), (1, 0), (1, 0)],
        "the first page, retried"
    );
    assert!(
        asked[3..7].iter().all(|a| *a == (1, 1)),
        "then page 1, four times: {asked:?}"
    );
    assert_eq!(run.skipped_pages, 1);
    assert_eq!(run.failed_requests, 6);
    assert!(
        run.finished && !run.complete(),
        "a skipped page leaves it incomplete"
    );
    assert_eq!(kept.releases().len(), 150, "pages 0 and 2, not 1");
}

#[tokio::test]
async fn a_hanging_tracker_times_out_and_is_asked_again() {
    let fake = FakeHdBits::start(vec![torrent(1, "Movie.2001.1080p.BluRay.x264-GRP", 1)]).await;
    fake.trouble(Trouble::Slow(Duration::from_secs(3)));
    let kept = Kept::default();
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    analyse(&source(&fake, PASSKEY), &tuning(), &mut run, &kept)
        .await
        .expect("the analysis");
    assert_eq!(kept.releases().len(), 1);
    assert_eq!((run.failed_requests, run.skipped_pages), (1, 0));
}

#[tokio::test]
async fn a_refused_account_stops_at_once() {
    let fake = FakeHdBits::start(vec![torrent(1, "Movie.2001.1080p.BluRay.x264-GRP", 1)]).await;
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    let error = analyse(
        &source(&fake, "wrong"),
        &tuning(),
        &mut run,
        &Kept::default(),
    )
    .await
    .expect_err("refused");
    assert!(matches!(error, AnalysisError::Refused { .. }), "{error}");
    assert!(error.to_string().contains("HDBits"), "{error}");
    assert!(!run.finished);
    // Three pages in flight at once, none of them retried.
    assert!(fake.requests().len() <= 3, "{:?}", fake.requests());
}

#[tokio::test]
async fn a_tracker_that_stays_down_ends_the_run_to_be_resumed_at_the_first_failed_page() {
    let catalogue: Vec<_> = (1..=500)
        .map(|id| torrent(id, &format!("Movie.{id}.2001.1080p.BluRay.x264-GRP"), 1))
        .collect();
    let fake = FakeHdBits::start(catalogue).await;
    let mut tuning = tuning();
    tuning.concurrent_requests = 1;
    tuning.retry_attempts = 0;
    let kept = Kept::default();
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    let sources = source(&fake, PASSKEY);
    // Page 0 answers; pages 1 to 5 fail.
    fake.trouble(Trouble::Slow(Duration::ZERO));
    for _ in 0..5 {
        fake.trouble(Trouble::ServerError);
    }
    let error = analyse(&sources, &tuning, &mut run, &kept)
        .await
        .expect_err("down");
    assert!(
        matches!(error, AnalysisError::Unavailable { pages: 5, .. }),
        "{error}"
    );
    assert_eq!(run.cursors[0].next_page, 1, "{run:?}");
    assert_eq!(run.skipped_pages, 0, "not skipped: they are read next time");

    let resumed = Checkpoint::resume_or_start(Some(run), Utc::now());
    let mut run = resumed;
    analyse(&sources, &tuning, &mut run, &kept)
        .await
        .expect("resumed");
    assert!(run.complete());
    assert_eq!(kept.releases().len(), 500);
}

#[tokio::test]
async fn a_run_stopped_midway_resumes_without_reading_a_page_twice() {
    let catalogue = generate(&mixed_groups(), 11);
    let fake = FakeHdBits::start(catalogue.clone()).await;
    let sources = source(&fake, PASSKEY);
    let mut tuning = tuning();
    tuning.concurrent_requests = 1;
    let killed = Kept {
        fail_at: Some(10),
        ..Kept::default()
    };
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    let error = analyse(&sources, &tuning, &mut run, &killed)
        .await
        .expect_err("stopped");
    assert!(matches!(error, AnalysisError::Sink(_)));
    let before = fake.requests().len();

    // The checkpoint as last kept: after the tenth page.
    let mut stored = run.clone();
    stored.cursors[0].next_page = 10;
    let mut resumed = Checkpoint::resume_or_start(Some(stored), Utc::now());
    assert_eq!(resumed.run, run.run, "the same run");
    let rest = Kept::default();
    analyse(&sources, &tuning, &mut resumed, &rest)
        .await
        .expect("resumed");
    let asked = pages_asked(&fake);
    assert_eq!(
        asked[before],
        (1, 10),
        "resumed at the page after the last kept"
    );
    assert_eq!(
        killed.releases().len() + rest.releases().len(),
        catalogue.len()
    );
}

#[tokio::test]
async fn an_indexer_deleted_mid_run_does_not_keep_the_resumed_run_from_completing() {
    let fake = FakeHdBits::start(vec![torrent(1, "Movie.2001.1080p.BluRay.x264-GRP", 1)]).await;
    let mut run = Checkpoint::resume_or_start(None, Utc::now());
    // A cursor of indexer 99, since deleted, part read.
    run.cursors.push(scene::Cursor {
        indexer_id: 99,
        category: 1,
        next_page: 3,
        done: false,
    });
    analyse(
        &source(&fake, PASSKEY),
        &tuning(),
        &mut run,
        &Kept::default(),
    )
    .await
    .expect("the analysis");
    assert!(run.complete(), "{run:?}");
    assert!(run.cursors.iter().all(|c| c.indexer_id == 4));
}
