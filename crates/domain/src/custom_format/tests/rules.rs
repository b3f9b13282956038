//! Radarr's rule for a format: conditions grouped by implementation, each
//! group needing its required ones and at least one that holds; and scores.

use serde_json::json;

use super::super::{matching, score};
use super::{format, input, spec};
use crate::quality_profile::FormatItem;

const X265: &str = "Movie.2020.1080p.BluRay.x265-GRP";
const X264: &str = "Movie.2020.1080p.BluRay.x264-GRP";

fn title(pattern: &str, negate: bool, required: bool) -> serde_json::Value {
    spec(
        "ReleaseTitleSpecification",
        json!({"value": pattern}),
        negate,
        required,
    )
}

#[test]
fn one_optional_condition_of_a_kind_is_enough() {
    let f = format(
        1,
        vec![title("x265", false, false), title("HEVC", false, false)],
    );
    assert!(f.matches(&input(X265)));
    assert!(!f.matches(&input(X264)));
}

#[test]
fn every_required_condition_must_hold() {
    let f = format(
        1,
        vec![title("x265", false, true), title("BluRay", false, true)],
    );
    assert!(f.matches(&input(X265)));
    let f = format(
        1,
        vec![title("x265", false, true), title("REMUX", false, true)],
    );
    assert!(!f.matches(&input(X265)));
}

#[test]
fn a_required_condition_does_not_excuse_the_group_from_optional_ones_failing() {
    // The required one holds, so the group has one that holds: it matches
    // even though the optional one fails.
    let f = format(
        1,
        vec![title("x265", false, true), title("REMUX", false, false)],
    );
    assert!(f.matches(&input(X265)));
}

#[test]
fn negate_inverts_a_condition() {
    let f = format(1, vec![title("x265", true, false)]);
    assert!(!f.matches(&input(X265)));
    assert!(f.matches(&input(X264)));
    // Negated and required: must not appear, whatever else holds.
    let f = format(
        1,
        vec![title("BluRay", false, true), title("x265", true, true)],
    );
    assert!(f.matches(&input(X264)));
    assert!(!f.matches(&input(X265)));
}

#[test]
fn every_kind_group_must_hold() {
    let source = spec("SourceSpecification", json!({"value": 7}), false, false);
    let f = format(1, vec![title("x265", false, false), source]);
    assert!(
        !f.matches(&input(X265)),
        "the title holds but the source (WEBDL) does not"
    );
    let bluray = spec("SourceSpecification", json!({"value": 9}), false, false);
    let webdl = spec("SourceSpecification", json!({"value": 7}), false, false);
    let f = format(1, vec![title("x265", false, false), bluray, webdl]);
    assert!(f.matches(&input(X265)));
}

#[test]
fn a_format_without_conditions_matches_everything_as_in_radarr() {
    assert!(format(1, vec![]).matches(&input(X264)));
}

#[test]
fn matching_keeps_order_and_score_sums_the_profiles_items() {
    let formats = vec![
        format(1, vec![title("x265", false, false)]),
        format(2, vec![title("BluRay", false, false)]),
        format(3, vec![title("REMUX", false, false)]),
    ];
    let matched = matching(&formats, &input(X265));
    let ids: Vec<i32> = matched.iter().map(|f| f.id).collect();
    assert_eq!(ids, [1, 2]);
    let item = |format, score| FormatItem {
        format,
        name: String::new(),
        score,
    };
    let items = [item(1, -10000), item(2, 25), item(3, 100), item(4, 7)];
    assert_eq!(score(&items, &matched), -9975);
    assert_eq!(score(&items, &[]), 0);
    assert_eq!(score(&[item(1, i32::MAX), item(2, 1)], &matched), i32::MAX);
}
