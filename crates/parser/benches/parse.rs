//! The parser's speed over every title of Radarr's test rows: full parses
//! a second, and the slowest single title.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn titles() -> Vec<String> {
    let text = include_str!("../tests/data/radarr-parser-cases.json");
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap().to_string())
        .collect()
}

fn full_parse(c: &mut Criterion) {
    let titles = titles();
    let mut group = c.benchmark_group("parser");
    group.throughput(Throughput::Elements(titles.len() as u64));
    group.bench_function("parse_movie_title, every case title", |b| {
        b.iter(|| {
            for title in &titles {
                black_box(parser::parse_movie_title(black_box(title), false));
            }
        })
    });
    group.bench_function("parse_quality, every case title", |b| {
        b.iter(|| {
            for title in &titles {
                black_box(parser::parse_quality(black_box(title)));
            }
        })
    });
    group.finish();
    slowest(&titles);
}

/// Prints the title that takes longest to parse, on average over many
/// runs: the bound every input must stay under.
fn slowest(titles: &[String]) {
    let mut worst = (Duration::ZERO, "");
    let long = "a.".repeat(512);
    for title in titles.iter().map(String::as_str).chain([long.as_str()]) {
        let runs = 200;
        let started = Instant::now();
        for _ in 0..runs {
            black_box(parser::parse_movie_title(black_box(title), false));
        }
        let each = started.elapsed() / runs;
        if each > worst.0 {
            worst = (each, title);
        }
    }
    let title: String = worst.1.chars().take(80).collect();
    println!("slowest single title: {:?} for {title:?}", worst.0);
}

criterion_group!(benches, full_parse);
criterion_main!(benches);
