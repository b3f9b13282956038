//! How bodies are read: names in any case, trailing commas, errors with paths.

use std::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};

use super::*;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AddMovie {
    tmdb_id: i32,
    title: Option<String>,
    add_options: Option<AddOptions>,
    #[serde(default)]
    tags: Vec<i32>,
    #[serde(default)]
    images: Vec<Image>,
    #[serde(default)]
    monitor: Option<Monitor>,
    #[serde(default)]
    availability: Option<Availability>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AddOptions {
    monitor: String,
    search_for_movie: bool,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Image {
    cover_type: String,
    remote_url: String,
}

/// Like Radarr's enums: a name in any case, or the integer value.
#[derive(Debug, PartialEq)]
enum Monitor {
    MovieOnly,
    None,
}

impl<'de> Deserialize<'de> for Monitor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MonitorVisitor;
        impl Visitor<'_> for MonitorVisitor {
            type Value = Monitor;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("movieOnly, none, 0 or 1")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Monitor, E> {
                match v.to_ascii_lowercase().as_str() {
                    "movieonly" => Ok(Monitor::MovieOnly),
                    "none" => Ok(Monitor::None),
                    _ => Err(E::invalid_value(Unexpected::Str(v), &self)),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Monitor, E> {
                match v {
                    0 => Ok(Monitor::MovieOnly),
                    1 => Ok(Monitor::None),
                    _ => Err(E::invalid_value(Unexpected::Signed(v), &self)),
                }
            }
            // serde_json hands non-negative integers over as u64.
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Monitor, E> {
                let v = i64::try_from(v)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))?;
                self.visit_i64(v)
            }
        }
        d.deserialize_any(MonitorVisitor)
    }
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Availability {
    InCinemas,
    Released,
}

fn read(body: &str) -> Result<AddMovie, InputError> {
    from_json_bytes(body.as_bytes())
}

fn fails(body: &str) -> InputError {
    match read(body) {
        Ok(movie) => panic!("expected an error for {body}, got {movie:?}"),
        Err(err) => err,
    }
}

#[test]
fn property_names_match_in_any_case() {
    for key in ["TMDBID", "tmdbid", "TmdbId", "tmdbId"] {
        let movie = read(&format!(r#"{{"{key}": 603}}"#)).expect(key);
        assert_eq!(movie.tmdb_id, 603, "{key}");
    }
}

#[test]
fn nested_struct_and_vec_keys_match_in_any_case() {
    let movie = read(
        r#"{"TmdbId": 1, "ADDOPTIONS": {"Monitor": "movieOnly", "SEARCHFORMOVIE": true},
            "Images": [{"COVERTYPE": "poster", "remoteurl": "http://x/p.jpg"}]}"#,
    )
    .expect("valid body");
    assert_eq!(
        movie.add_options,
        Some(AddOptions {
            monitor: "movieOnly".into(),
            search_for_movie: true
        })
    );
    assert_eq!(
        movie.images,
        vec![Image {
            cover_type: "poster".into(),
            remote_url: "http://x/p.jpg".into()
        }]
    );
}

#[test]
fn optional_struct_may_be_null_or_absent() {
    assert_eq!(
        read(r#"{"tmdbId":1,"addOptions":null}"#)
            .expect("null")
            .add_options,
        None
    );
    assert_eq!(read(r#"{"tmdbId":1}"#).expect("absent").add_options, None);
    assert_eq!(
        read(r#"{"tmdbId":1,"title":null}"#).expect("title").title,
        None
    );
}

#[test]
fn unknown_properties_are_ignored() {
    let movie = read(r#"{"tmdbId": 1, "profileId": 4, "Extra": {"a": [1, {"b": null}]}}"#)
        .expect("unknown keys");
    assert_eq!(movie.tmdb_id, 1);
}

#[test]
fn keys_naming_one_field_twice_do_not_fail() {
    let movie = read(r#"{"tmdbId": 1, "TMDBID": 2}"#).expect("two spellings");
    assert!([1, 2].contains(&movie.tmdb_id));
}

#[test]
fn trailing_commas_are_accepted() {
    let movie = read(
        "{\"tmdbId\": 7, \"tags\": [1, 2,\n ], \"images\": [{\"coverType\": \"a\", \"remoteUrl\": \"b\",},],\r\n}",
    )
    .expect("trailing commas");
    assert_eq!(movie.tags, vec![1, 2]);
    assert_eq!(movie.images.len(), 1);
}

#[test]
fn commas_inside_strings_are_left_alone() {
    let movie = read(r#"{"tmdbId": 1, "title": "a,} \",] b\\",}"#).expect("string commas");
    assert_eq!(movie.title.as_deref(), Some(r#"a,} ",] b\"#));
}

#[test]
fn doubled_or_leading_commas_are_still_malformed() {
    for body in [
        r#"{"tmdbId":1,"tags":[1,,]}"#,
        r#"{"tmdbId":1,"tags":[,]}"#,
        "{,}",
    ] {
        let err = fails(body);
        assert_eq!(err.path, "", "{body}");
        assert!(
            err.message.starts_with("Invalid JSON"),
            "{body}: {}",
            err.message
        );
    }
}

#[test]
fn wrong_type_reports_path_and_attempted_value() {
    let err = fails(r#"{"TMDBID": "603"}"#);
    assert_eq!(err.path, "tmdbId");
    assert_eq!(err.message, "Expected an integer, found a string");
    assert_eq!(err.attempted, Some(json!("603")));

    let err = fails(r#"{"tmdbId": 1, "tags": [1, true]}"#);
    assert_eq!(
        (err.path.as_str(), err.attempted),
        ("tags[1]", Some(json!(true)))
    );

    let err = fails(r#"{"tmdbId": 1, "ADDOPTIONS": {"monitor": "x", "searchformovie": "yes"}}"#);
    assert_eq!(err.path, "addOptions.searchForMovie");
    assert_eq!(err.message, "Expected true or false, found a string");

    let err = fails(r#"{"tmdbId": 1, "images": [{"coverType": "a", "remoteUrl": 5}]}"#);
    assert_eq!(err.path, "images[0].remoteUrl");
    assert_eq!(err.message, "Expected a string, found an integer");

    let err = fails(r#"{"tmdbId": 1, "addOptions": [1]}"#);
    assert_eq!(err.path, "addOptions");
    assert_eq!(err.message, "Expected an object, found an array");
    assert_eq!(err.attempted, Some(json!([1])));
}

#[test]
fn numbers_of_the_wrong_kind_say_so() {
    let err = fails(r#"{"tmdbId": 1.5}"#);
    assert_eq!(err.message, "Expected an integer, found a decimal number");
    let err = fails(r#"{"tmdbId": 3000000000}"#);
    assert_eq!(
        err.message,
        "Expected an integer from -2147483648 to 2147483647, found 3000000000"
    );
    assert_eq!(err.attempted, Some(json!(3_000_000_000_u64)));
}

#[test]
fn malformed_body_reports_empty_path() {
    let err = fails(r#"{"tmdbId":1} x"#);
    assert_eq!(err.path, "");
    assert_eq!(
        err.message,
        "Invalid JSON at line 1, column 14: trailing characters"
    );
    assert_eq!(
        fails(" \n").message,
        "A non-empty request body is required."
    );
    assert_eq!(fails("").path, "");
    let err = fails("[1, 2]");
    assert_eq!(
        (err.path.as_str(), err.message.as_str()),
        ("", "Expected an object, found an array")
    );
    assert!(
        fails(r#"{"tmdbId": 1"#)
            .message
            .starts_with("Invalid JSON at line 1, column 12: EOF")
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    let body = b"\xEF\xBB\xBF{\"tmdbId\": 2}";
    assert_eq!(from_json_bytes::<AddMovie>(body).expect("bom").tmdb_id, 2);
}

#[test]
fn missing_required_field_is_named() {
    let err = fails(r#"{"title": "Heat"}"#);
    assert_eq!(err.path, "tmdbId");
    assert_eq!(err.message, "The tmdbId property is required");
    assert_eq!(err.attempted, None);

    let err = fails(r#"{"tmdbId": 1, "addOptions": {"MONITOR": "none"}}"#);
    assert_eq!(err.path, "addOptions.searchForMovie");
    assert_eq!(
        err.to_string(),
        "addOptions.searchForMovie: The searchForMovie property is required"
    );
}

#[test]
fn enums_reach_their_own_deserialize_as_string_or_integer() {
    for (sent, want) in [
        (json!("MOVIEONLY"), Monitor::MovieOnly),
        (json!("movieonly"), Monitor::MovieOnly),
        (json!(1), Monitor::None),
        (json!(0), Monitor::MovieOnly),
    ] {
        let body = json!({"tmdbId": 1, "Monitor": sent}).to_string();
        assert_eq!(read(&body).expect(&body).monitor, Some(want), "{body}");
    }
    let err = fails(r#"{"tmdbId": 1, "monitor": "sometimes"}"#);
    assert_eq!(err.path, "monitor");
    assert_eq!(err.attempted, Some(json!("sometimes")));
}

#[test]
fn derived_enum_names_match_in_any_case() {
    let movie = read(r#"{"tmdbId": 1, "availability": "INCINEMAS"}"#).expect("any case");
    assert_eq!(movie.availability, Some(Availability::InCinemas));
    let err = fails(r#"{"tmdbId": 1, "availability": "tba"}"#);
    assert_eq!(err.path, "availability");
    assert_eq!(
        err.message,
        "Unknown value \"tba\"; expected one of: inCinemas, released"
    );
    assert_eq!(err.attempted, Some(json!("tba")));
    let err = fails(r#"{"tmdbId": 1, "availability": 2}"#);
    assert_eq!(
        err.message,
        "Expected one of: inCinemas, released, found an integer"
    );
}

#[test]
fn pascal_case_capitalises_each_segment() {
    assert_eq!(pascal_case("tmdbId"), "TmdbId");
    assert_eq!(pascal_case("addOptions.monitor"), "AddOptions.Monitor");
    assert_eq!(pascal_case("images[0].coverType"), "Images[0].CoverType");
    assert_eq!(pascal_case(""), "");
}
