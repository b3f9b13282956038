//! SABnzbd's version texts and configurations as Radarr's test judges them.

use serde_json::json;

use super::*;

fn config(answer: Value) -> Config {
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("a config: {e}"))
}

/// A configuration with `movies` (job folders on) and the default.
fn movies() -> Value {
    json!({
        "misc": {"pre_check": 0, "enable_tv_sorting": 0, "tv_categories": ["tv"],
            "complete_dir": "/complete"},
        "categories": [
            {"name": "*", "order": 0, "pp": "3", "script": "None", "dir": "", "priority": 0},
            {"name": "movies", "order": 1, "pp": "", "script": "Default", "dir": "movies", "priority": -100}
        ]
    })
}

fn setting_message(result: Result<(), DownloadError>) -> String {
    match result {
        Err(DownloadError::Setting {
            setting: "movieCategory",
            message,
        }) => message,
        other => panic!("a movieCategory failure: {other:?}"),
    }
}

#[test]
fn versions_are_found_in_the_text() {
    assert_eq!(parse_version("4.3.2"), Some((4, 3, 2)));
    assert_eq!(parse_version("3.0.0Beta2"), Some((3, 0, 0)));
    assert_eq!(parse_version("2.1.x"), Some((2, 1, 0)));
    assert_eq!(parse_version("version é 0.7.20"), Some((0, 7, 20)));
    assert_eq!(parse_version("develop"), Some((1, 1, 0)));
    assert_eq!(parse_version("4.3"), None);
    assert_eq!(parse_version(""), None);
}

#[test]
fn old_and_unknown_versions_fail_on_the_version() {
    assert_eq!(check_version("0.7.0").ok(), Some((0, 7, 0)));
    assert!(check_version("DEVELOP").is_ok());
    for (text, expected) in [
        ("0.6.15", "Version 0.7.0+ is required, but found: 0.6.15"),
        ("banana", "Unknown Version: banana"),
    ] {
        match check_version(text) {
            Err(DownloadError::Setting { setting, message }) => {
                assert_eq!((setting, message.as_str()), ("version", expected));
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_present_category_with_job_folders_passes() {
    let config = config(movies());
    assert!(check_config(&config, (4, 3, 2), "movies").is_ok());
    assert!(
        check_config(&config, (4, 3, 2), "").is_ok(),
        "no category: the default"
    );
}

#[test]
fn a_missing_category_is_named() {
    let message = setting_message(check_config(&config(movies()), (4, 3, 2), "films"));
    assert!(message.starts_with("Category does not exist"), "{message}");
    assert!(message.contains("'films'"), "{message}");
}

#[test]
fn a_category_without_job_folders_is_refused() {
    let mut answer = movies();
    answer["categories"][1]["dir"] = json!("movies*");
    let message = setting_message(check_config(&config(answer), (4, 3, 2), "movies"));
    assert!(message.starts_with("Enable Job folders"), "{message}");
}

#[test]
fn sorting_that_reaches_our_category_is_refused() {
    let mut answer = movies();
    answer["misc"]["enable_movie_sorting"] = json!(1);
    answer["misc"]["movie_categories"] = json!(["movies"]);
    let message = setting_message(check_config(&config(answer.clone()), (4, 3, 2), "movies"));
    assert!(message.starts_with("Disable Movie Sorting"), "{message}");
    // Limited to other categories, it does not matter.
    answer["misc"]["movie_categories"] = json!("tv, anime");
    assert!(check_config(&config(answer.clone()), (4, 3, 2), "movies").is_ok());
    // Limited to none, it sorts everything.
    answer["misc"]["enable_tv_sorting"] = json!("1");
    answer["misc"]["tv_categories"] = json!([]);
    let message = setting_message(check_config(&config(answer), (4, 3, 2), "movies"));
    assert!(message.starts_with("Disable TV Sorting"), "{message}");
}

#[test]
fn check_before_download_matters_only_before_1_1() {
    let mut answer = movies();
    answer["misc"]["pre_check"] = json!(1);
    let config = config(answer);
    let old = check_config(&config, (1, 0, 3), "movies");
    assert!(matches!(old, Err(DownloadError::Unsupported(_))), "{old:?}");
    assert!(check_config(&config, (1, 1, 0), "movies").is_ok());
}
