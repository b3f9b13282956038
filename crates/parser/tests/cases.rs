//! Radarr's own parser test rows (`tests/data/radarr-parser-cases.json`), each
//! run through this crate's function for the Radarr function it tests.
//!
//! The rows fall into four areas, one test each: quality, languages (with
//! subtitles), release groups, and titles (everything else). A row that fails
//! must be on its area's allow-list (`tests/allowed/AREA.txt`) with a reason;
//! a listed row that passes fails the test too, so the lists only shrink.
//! Together they may hold at most 1% of all rows.
//!
//! `UPDATE_PARSER_DOC=1 cargo test -p unified-radarr-parser --test cases`
//! rewrites the pass rates in `docs/PARSER.md`; without it, a stale table fails.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parser::{Language, ParsedMovieInfo, clean_movie_title};
use serde_json::{Map, Value};

struct Case {
    title: String,
    expect: Map<String, Value>,
    fixture: String,
    api: String,
    is_dir: bool,
}

struct Data {
    cases: Vec<Case>,
    languages: HashMap<String, i32>,
}

fn data() -> &'static Data {
    static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let text = include_str!("data/radarr-parser-cases.json");
        let json: Value = serde_json::from_str(text).unwrap();
        let languages = json["meta"]["language_ids"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, id)| (name.clone(), id.as_i64().unwrap() as i32))
            .collect();
        let cases = json["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| Case {
                title: c["title"].as_str().unwrap().to_string(),
                expect: c["expect"].as_object().unwrap().clone(),
                fixture: c["fixture"].as_str().unwrap().to_string(),
                api: c["api"].as_str().unwrap().to_string(),
                is_dir: c["is_dir"].as_bool().unwrap_or(false),
            })
            .collect();
        Data { cases, languages }
    })
}

/// The language a row names by Radarr's identifier (`PortugueseBR`).
fn language(name: &str) -> Language {
    let id = data().languages[name];
    Language::by_id(id).unwrap()
}

fn languages(value: &Value) -> BTreeSet<i32> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| language(v.as_str().unwrap()).id)
        .collect()
}

fn ids(found: &[Language]) -> BTreeSet<i32> {
    found.iter().map(|l| l.id).collect()
}

/// Collects the differences between what a row expects and what was found.
#[derive(Default)]
struct Diff(Vec<String>);

impl Diff {
    fn same<T: std::fmt::Debug + PartialEq>(&mut self, field: &str, want: T, got: T) {
        if want != got {
            self.0.push(format!("{field}: want {want:?}, got {got:?}"));
        }
    }
}

fn opt_str(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

/// The area a row belongs to.
fn area(case: &Case) -> &'static str {
    if case.api == "QualityParser.ParseQuality" {
        "quality"
    } else if case.api == "ReleaseGroupParser.ParseReleaseGroup" {
        "release_group"
    } else if case.api.starts_with("LanguageParser.")
        || case.fixture.starts_with("LanguageParserFixture.")
    {
        "languages"
    } else {
        "title"
    }
}

/// Runs one row; the differences, or why it could not be checked.
fn run(case: &Case) -> Vec<String> {
    let mut diff = Diff::default();
    let e = &case.expect;
    match case.api.as_str() {
        "QualityParser.ParseQuality" => {
            let q = parser::parse_quality(&case.title);
            quality_fields(&mut diff, e, &q.quality);
            if let Some(v) = e.get("version") {
                diff.same("version", v.as_i64().unwrap() as i32, q.revision.version);
            } else if let Some(p) = e.get("proper") {
                let want = if p.as_bool().unwrap() { 2 } else { 1 };
                diff.same("version", want, q.revision.version);
            }
            if let Some(v) = e.get("real") {
                diff.same("real", v.as_i64().unwrap() as i32, q.revision.real);
            }
            if let Some(v) = e.get("repack") {
                diff.same("repack", v.as_bool().unwrap(), q.revision.is_repack);
            }
            if let Some(v) = e.get("source_detected_from") {
                diff.same(
                    "source_detected_from",
                    v.as_str().unwrap(),
                    q.source_detected_from.as_str(),
                );
            }
            if let Some(v) = e.get("resolution_detected_from") {
                diff.same(
                    "resolution_detected_from",
                    v.as_str().unwrap(),
                    q.resolution_detected_from.as_str(),
                );
            }
        }
        "Parser.ParseMovieTitle" => {
            let parsed = parser::parse_movie_title(&case.title, case.is_dir);
            if e.get("unparseable").and_then(Value::as_bool) == Some(true) {
                if let Some(p) = parsed {
                    diff.0.push(format!(
                        "want unparseable, got title {:?}",
                        p.primary_movie_title()
                    ));
                }
            } else {
                match parsed {
                    Some(p) => movie_fields(&mut diff, e, &p),
                    None => diff.0.push("not parsed".into()),
                }
            }
        }
        "Parser.ParseMoviePath" => match parser::parse_movie_path(&case.title) {
            Some(p) => {
                movie_fields(&mut diff, e, &p);
                quality_fields(&mut diff, e, &p.quality.quality);
            }
            None => diff.0.push("not parsed".into()),
        },
        "ReleaseGroupParser.ParseReleaseGroup" => {
            diff.same(
                "release_group",
                opt_str(&e["release_group"]),
                parser::parse_release_group(&case.title),
            );
        }
        "CleanMovieTitle" => {
            diff.same(
                "clean_title",
                e["clean_title"].as_str().unwrap().to_string(),
                clean_movie_title(&case.title),
            );
        }
        "LanguageParser.ParseLanguages" => {
            let found = parser::parse_languages(&case.title);
            if let Some(v) = e.get("languages_first") {
                diff.same(
                    "languages_first",
                    Some(language(v.as_str().unwrap()).name),
                    found.first().map(|l| l.name),
                );
            }
            if let Some(v) = e.get("languages_include") {
                let want = languages(v);
                diff.same("languages_include", true, want.is_subset(&ids(&found)));
            }
        }
        "LanguageParser.ParseSubtitleLanguage" => {
            let want = language(e["subtitle_language"].as_str().unwrap());
            diff.same(
                "subtitle_language",
                want.name,
                parser::parse_subtitle_language(&case.title).name,
            );
        }
        "LanguageParser.ParseSubtitleLanguageInformation" => {
            let info = parser::parse_subtitle_language_information(&case.title);
            if let Some(v) = e.get("subtitle_language") {
                diff.same(
                    "subtitle_language",
                    language(v.as_str().unwrap()).name,
                    info.language.name,
                );
            }
            if let Some(v) = e.get("subtitle_tags") {
                let want: Vec<String> = v
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect();
                diff.same("subtitle_tags", want, info.tags.clone());
            }
            if let Some(v) = e.get("subtitle_title") {
                diff.same("subtitle_title", opt_str(v), info.title.clone());
            }
            if let Some(v) = e.get("subtitle_raw_title") {
                diff.same("subtitle_raw_title", opt_str(v), info.raw_title.clone());
            }
        }
        "Parser.NormalizeImdbId" => {
            diff.same(
                "normalized_imdb_id",
                opt_str(&e["normalized_imdb_id"]),
                parser::normalize_imdb_id(&case.title),
            );
        }
        "SceneChecker.IsSceneTitle" => {
            diff.same(
                "is_scene",
                e["is_scene"].as_bool().unwrap(),
                parser::is_scene_title(&case.title),
            );
        }
        "SceneChecker.GetSceneTitle" => {
            diff.same(
                "scene_title",
                opt_str(&e["scene_title"]),
                parser::scene_title(&case.title),
            );
        }
        other => diff.0.push(format!("no function for {other}")),
    }
    diff.0
}

fn quality_fields(diff: &mut Diff, e: &Map<String, Value>, quality: &parser::Quality) {
    if let Some(v) = e.get("quality") {
        diff.same("quality", v.as_str().unwrap(), quality.name);
    }
    if let Some(v) = e.get("quality_source") {
        diff.same(
            "quality_source",
            v.as_str().unwrap(),
            quality.source.as_str(),
        );
    }
    if let Some(v) = e.get("resolution") {
        diff.same("resolution", v.as_i64().unwrap() as i32, quality.resolution);
    }
    if let Some(v) = e.get("modifier") {
        diff.same("modifier", v.as_str().unwrap(), quality.modifier.as_str());
    }
}

fn movie_fields(diff: &mut Diff, e: &Map<String, Value>, p: &ParsedMovieInfo) {
    if let Some(v) = e.get("movie_title") {
        diff.same("movie_title", v.as_str().unwrap(), p.primary_movie_title());
    }
    if let Some(v) = e.get("movie_titles") {
        let want: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        diff.same("movie_titles", want, p.movie_titles.clone());
    }
    if let Some(v) = e.get("movie_title_clean") {
        diff.same(
            "movie_title_clean",
            clean_movie_title(v.as_str().unwrap()),
            clean_movie_title(p.primary_movie_title()),
        );
    }
    if let Some(v) = e.get("year") {
        diff.same("year", v.as_i64().unwrap_or(0) as i32, p.year);
    }
    if let Some(v) = e.get("edition") {
        diff.same("edition", v.as_str().unwrap_or(""), p.edition.as_str());
    }
    if let Some(v) = e.get("languages") {
        diff.same("languages", languages(v), ids(&p.languages));
    }
    if let Some(v) = e.get("languages_include") {
        let want = languages(v);
        let got = ids(&p.languages);
        if !want.is_subset(&got) {
            diff.0
                .push(format!("languages_include: want {want:?} within {got:?}"));
        }
    }
    if let Some(v) = e.get("release_group") {
        diff.same("release_group", opt_str(v), p.release_group.clone());
    }
    if let Some(v) = e.get("hardcoded_subs") {
        diff.same("hardcoded_subs", opt_str(v), p.hardcoded_subs.clone());
    }
    if let Some(v) = e.get("imdb_id") {
        diff.same("imdb_id", opt_str(v), p.imdb_id.clone());
    }
    if let Some(v) = e.get("tmdb_id") {
        diff.same("tmdb_id", v.as_i64().unwrap_or(0) as i32, p.tmdb_id);
    }
}

/// The rows of an area's allow-list: (api, title) → why.
fn allowed(area: &str) -> BTreeMap<(String, String), String> {
    let path = format!("{}/tests/allowed/{area}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let (api, title, why) = (parts.next().unwrap(), parts.next(), parts.next());
            let (Some(title), Some(why)) = (title, why) else {
                panic!("{path}: '{l}' is not API<TAB>TITLE<TAB>WHY");
            };
            assert!(!why.trim().is_empty(), "{path}: '{title}' has no reason");
            ((api.to_string(), title.to_string()), why.to_string())
        })
        .collect()
}

/// Runs every row of `area`; fails on a failing row not allowed, and on an
/// allowed row that passes.
fn check_area(area_name: &str) {
    let allowed = allowed(area_name);
    let mut unexpected = Vec::new();
    let mut failing = BTreeSet::new();
    let mut total = 0;
    for case in data().cases.iter().filter(|c| area(c) == area_name) {
        total += 1;
        let diffs = run(case);
        let key = (case.api.clone(), case.title.clone());
        if !diffs.is_empty() {
            failing.insert(key.clone());
            if !allowed.contains_key(&key) {
                unexpected.push(format!(
                    "{} [{}] {:?}: {}",
                    case.fixture,
                    case.api,
                    case.title,
                    diffs.join("; ")
                ));
            }
        }
    }
    let passing_but_listed: Vec<_> = allowed.keys().filter(|k| !failing.contains(*k)).collect();
    let passed = total - failing.len();
    println!("{area_name}: {passed} of {total} rows pass");
    assert!(
        unexpected.is_empty() && passing_but_listed.is_empty(),
        "{area_name}: {} rows fail and are not allowed:\n{}\n\nallowed but passing (remove them from tests/allowed/{area_name}.txt): {passing_but_listed:?}",
        unexpected.len(),
        unexpected.join("\n"),
    );
}

#[test]
fn quality_rows() {
    check_area("quality");
}

#[test]
fn language_rows() {
    check_area("languages");
}

#[test]
fn release_group_rows() {
    check_area("release_group");
}

#[test]
fn title_rows() {
    check_area("title");
}

#[test]
fn the_allow_lists_hold_at_most_one_row_in_a_hundred() {
    let listed: usize = ["quality", "languages", "release_group", "title"]
        .iter()
        .map(|a| allowed(a).len())
        .sum();
    let rows = data().cases.len();
    assert!(
        listed * 100 <= rows,
        "{listed} allowed failures of {rows} rows"
    );
}

/// Rows passed and rows in all, by Radarr test fixture (allowed failures
/// count as failures).
fn pass_rates() -> BTreeMap<String, (usize, usize)> {
    let mut rates: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in &data().cases {
        let fixture = case.fixture.split('.').next().unwrap().to_string();
        let entry = rates.entry(fixture).or_default();
        entry.1 += 1;
        if run(case).is_empty() {
            entry.0 += 1;
        }
    }
    rates
}

const TABLE_START: &str = "<!-- pass rates: start -->";
const TABLE_END: &str = "<!-- pass rates: end -->";

fn rates_table() -> String {
    let rates = pass_rates();
    let mut table = String::from("| Radarr fixture | rows | pass | rate |\n|---|---:|---:|---:|\n");
    let (mut passed, mut total) = (0, 0);
    for (fixture, (pass, rows)) in &rates {
        table += &format!(
            "| {fixture} | {rows} | {pass} | {:.1}% |\n",
            *pass as f64 * 100.0 / *rows as f64
        );
        passed += pass;
        total += rows;
    }
    table += &format!(
        "| **all** | {total} | {passed} | {:.1}% |\n",
        passed as f64 * 100.0 / total as f64
    );
    table
}

#[test]
fn the_parser_doc_gives_the_current_pass_rates() {
    let path = format!("{}/../../docs/PARSER.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap();
    let (Some(start), Some(end)) = (doc.find(TABLE_START), doc.find(TABLE_END)) else {
        panic!("{path} has no pass-rate markers");
    };
    let current = &doc[start + TABLE_START.len()..end];
    let table = format!("\n{}", rates_table());
    if std::env::var_os("UPDATE_PARSER_DOC").is_some() {
        let updated = format!(
            "{}{table}{}",
            &doc[..start + TABLE_START.len()],
            &doc[end..]
        );
        std::fs::write(&path, updated).unwrap();
    } else {
        assert_eq!(
            current, table,
            "docs/PARSER.md is stale: run with UPDATE_PARSER_DOC=1"
        );
    }
}

/// Radarr's tests also draw 500 random names of 32 and 40 letters and
/// digits, and 100 MD5 digests (32 hex digits), and expect none to parse.
/// Drawn here from a fixed seed, so a failure can be repeated.
#[test]
fn random_and_hashed_names_never_parse() {
    let mut seed: u64 = 0x5EED_CAFE_F00D;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    let alphanumeric = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for i in 0..500 {
        let len = if i % 2 == 0 { 32 } else { 40 };
        let name: String = (0..len)
            .map(|_| alphanumeric[next(alphanumeric.len())] as char)
            .collect();
        assert!(parser::parse_movie_title(&name, false).is_none(), "{name}");
    }
    for _ in 0..100 {
        let name: String = (0..32).map(|_| alphanumeric[next(16)] as char).collect();
        assert!(parser::parse_movie_title(&name, false).is_none(), "{name}");
    }
}
