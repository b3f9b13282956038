//! The analysis against a fake HDBits that answers at once: its pace must be
//! the configured request rate (one request per `request_delay`), not the
//! tracker's speed. Prints the rate reached beside the configured one.

use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use domain::scene_group::TrackerRelease;
use indexers::fake_hdbits::catalogue::{generate, mixed_groups};
use indexers::fake_hdbits::{FakeHdBits, PASSKEY, USERNAME};
use indexers::hdbits::{HdBits, HdBitsSettings};
use scene::{AnalysisSink, Checkpoint, HdBitsSource, TrackerSource, Tuning, analyse};
use secrecy::SecretString;

/// 40 requests a second.
const DELAY: Duration = Duration::from_millis(25);

struct Discard;

#[async_trait]
impl AnalysisSink for Discard {
    async fn keep(&self, _: &[TrackerRelease], _: &Checkpoint) -> Result<(), String> {
        Ok(())
    }
}

fn bench(c: &mut Criterion) {
    let Ok(runtime) = tokio::runtime::Runtime::new() else {
        return;
    };
    let fake = runtime.block_on(FakeHdBits::start(generate(&mixed_groups(), 3)));
    let settings = HdBitsSettings {
        base_url: fake.base_url.clone(),
        username: USERNAME.into(),
        passkey: SecretString::from(PASSKEY.to_string()),
        ..HdBitsSettings::default()
    };
    let Ok(client) = HdBits::new(settings, Duration::from_secs(5)) else {
        return;
    };
    let sources: Vec<Box<dyn TrackerSource>> = vec![Box::new(HdBitsSource {
        indexer_id: 1,
        name: "HDBits".into(),
        client,
    })];
    let tuning = Tuning {
        batch_size: 50,
        concurrent_requests: 3,
        request_delay: DELAY,
        retry_attempts: 3,
        timeout: Duration::from_secs(30),
        retry_wait: Duration::from_secs(1),
    };
    let run = || async {
        let mut checkpoint = Checkpoint::resume_or_start(None, Utc::now());
        let started = Instant::now();
        if let Err(e) = analyse(&sources, &tuning, &mut checkpoint, &Discard).await {
            eprintln!("the analysis failed: {e}");
        }
        (started.elapsed(), checkpoint.requests)
    };

    let (elapsed, requests) = runtime.block_on(run());
    // The first request goes at once, each later one a delay after the last.
    let configured = (requests.saturating_sub(1)) as f64 * DELAY.as_secs_f64();
    eprintln!(
        "{requests} requests in {:.3} s; the configured pace allows {:.3} s: {:.1}% of the configured rate",
        elapsed.as_secs_f64(),
        configured,
        100.0 * configured / elapsed.as_secs_f64()
    );

    let mut group = c.benchmark_group("scene_analysis");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(25));
    group.bench_function("3,300 releases, 50 a page, 40 requests a second", |b| {
        b.to_async(&runtime).iter_custom(|iterations| {
            let run = &run;
            async move {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    total += run().await.0;
                }
                total
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
