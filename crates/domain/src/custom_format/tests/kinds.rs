//! Each condition kind tested alone, against Radarr's semantics.

use serde_json::json;

use super::{input, single};
use crate::language::Language;
use crate::quality::Quality;
use crate::release::IndexerFlags;

const TITLE: &str = "Movie.2020.Directors.Cut.1080p.BluRay.x264-GRP";

#[test]
fn release_title_matches_the_title_or_the_file_name() {
    let f = single("ReleaseTitleSpecification", json!({"value": r"\bx265\b"}));
    assert!(!f.matches(&input(TITLE)));
    assert!(f.matches(&input("Movie.2020.1080p.BluRay.X265-GRP")));
    let mut from_file = input(TITLE);
    from_file.filename = Some("movie.x265.mkv");
    assert!(f.matches(&from_file));
}

#[test]
fn edition_and_release_group_match_their_parsed_fields_only() {
    let edition = single("EditionSpecification", json!({"value": "director"}));
    let group = single("ReleaseGroupSpecification", json!({"value": "^grp$"}));
    let mut i = input(TITLE);
    assert!(
        !edition.matches(&i),
        "the title says Directors but the edition is empty"
    );
    assert!(group.matches(&i));
    i.edition = "Director's Cut";
    i.release_group = None;
    assert!(edition.matches(&i));
    assert!(!group.matches(&i), "no group is no match");
}

#[test]
fn language_matches_one_of_the_languages() {
    let french = single("LanguageSpecification", json!({"value": 2}));
    let mut i = input(TITLE);
    assert!(!french.matches(&i));
    let both = [Language::ENGLISH, Language::FRENCH];
    i.languages = &both;
    assert!(french.matches(&i));
}

#[test]
fn except_language_matches_any_other_language() {
    let not_english = single(
        "LanguageSpecification",
        json!({"value": 1, "exceptLanguage": true}),
    );
    let mut i = input(TITLE);
    assert!(!not_english.matches(&i));
    let both = [Language::ENGLISH, Language::FRENCH];
    i.languages = &both;
    assert!(not_english.matches(&i), "French is present besides English");
}

#[test]
fn original_language_is_the_movies_when_known() {
    let original = single("LanguageSpecification", json!({"value": -2}));
    let i = input(TITLE);
    assert!(
        !original.matches(&i),
        "unknown movie: Original is compared as itself"
    );
    assert!(original.matches(&i.clone().with_original_language(Language::ENGLISH)));
    assert!(!original.matches(&i.clone().with_original_language(Language::FRENCH)));
    assert!(!original.matches(&i.with_original_language(Language::UNKNOWN)));
}

#[test]
fn indexer_flag_needs_its_bit() {
    let golden = single("IndexerFlagSpecification", json!({"value": 8}));
    let i = input(TITLE);
    assert!(!golden.matches(&i));
    let flagged = i.with_indexer_flags(IndexerFlags::FREELEECH.with(IndexerFlags::PTP_GOLDEN));
    assert!(golden.matches(&flagged));
}

#[test]
fn source_resolution_and_modifier_come_from_the_quality() {
    let bluray = single("SourceSpecification", json!({"value": 9}));
    let uhd = single("ResolutionSpecification", json!({"value": 2160}));
    let remux = single("QualityModifierSpecification", json!({"value": 5}));
    let mut i = input(TITLE);
    assert!(bluray.matches(&i) && !uhd.matches(&i) && !remux.matches(&i));
    i.quality = Quality::REMUX_2160P;
    assert!(bluray.matches(&i) && uhd.matches(&i) && remux.matches(&i));
    i.quality = Quality::WEBDL_2160P;
    assert!(!bluray.matches(&i) && uhd.matches(&i) && !remux.matches(&i));
}

#[test]
fn size_is_above_min_and_at_most_max() {
    let f = single("SizeSpecification", json!({"min": 2, "max": 8}));
    let gib = 1024 * 1024 * 1024;
    let i = input(TITLE);
    assert!(f.matches(&i), "exactly the max is in");
    assert!(!f.matches(&i.clone().with_size(8 * gib + 1)));
    assert!(
        !f.matches(&i.clone().with_size(2 * gib)),
        "exactly the min is out"
    );
    assert!(f.matches(&i.clone().with_size(2 * gib + 1)));
    let fraction = single("SizeSpecification", json!({"min": "0.5", "max": 1.5}));
    assert!(fraction.matches(&i.with_size(gib)));
}

#[test]
fn year_is_between_min_and_max_inclusive() {
    let f = single("YearSpecification", json!({"min": 2000, "max": 2020}));
    let mut i = input(TITLE);
    assert!(f.matches(&i));
    i.year = 2021;
    assert!(!f.matches(&i));
    i.year = 2000;
    assert!(f.matches(&i));
    i.year = 0;
    assert!(!f.matches(&i));
}
