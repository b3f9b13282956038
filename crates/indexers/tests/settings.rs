//! The settings table as the API renders it, settings to and from Radarr's
//! `fields`, validation, and the escalating back-off.

use chrono::{Duration as Span, TimeZone, Utc};
use domain::provider::Privacy;
use indexers::backoff::{BackOff, Failure, MAX_LEVEL, PERIODS};
use indexers::settings::DEFAULT_CATEGORIES;
use indexers::{Implementation, IndexerSettings, MASK};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

#[test]
fn the_schema_has_the_fields_prowlarr_syncs() {
    let names = |i: Implementation| i.fields().map(|f| f.name).collect::<Vec<_>>();
    assert_eq!(
        names(Implementation::Newznab),
        [
            "baseUrl",
            "apiPath",
            "apiKey",
            "categories",
            "additionalParameters",
            "multiLanguages",
            "removeYear"
        ]
    );
    let torznab = names(Implementation::Torznab);
    for name in [
        "minimumSeeders",
        "seedCriteria.seedRatio",
        "seedCriteria.seedTime",
        "rejectBlocklistedTorrentHashesWhileGrabbing",
        "requiredFlags",
    ] {
        assert!(torznab.contains(&name), "{name}");
    }
    let field = |name| {
        Implementation::Torznab
            .fields()
            .find(|f| f.name == name)
            .expect(name)
    };
    assert_eq!(field("apiKey").privacy, Privacy::ApiKey);
    assert_eq!(field("apiPath").default, json!("/api"));
    assert_eq!(field("categories").default, json!(DEFAULT_CATEGORIES));
    assert_eq!(
        field("categories").select_options_provider_action,
        Some("newznabCategories")
    );
    assert_eq!(field("minimumSeeders").default, json!(1));
    assert_eq!(field("seedCriteria.seedTime").unit, Some("minutes"));
    assert!(field("seedCriteria.seedRatio").is_float);
    assert!(
        field("requiredFlags")
            .select_options
            .contains(&(1, "G_Freeleech"))
    );
    assert!(
        field("multiLanguages")
            .select_options
            .contains(&(1, "English"))
    );
    assert!(
        Implementation::Newznab
            .fields()
            .all(|f| !indexers::TORRENT_ONLY.contains(&f.name))
    );
    assert_eq!(
        Implementation::from_name("torznab"),
        Some(Implementation::Torznab)
    );
    assert_eq!(Implementation::Newznab.config_contract(), "NewznabSettings");
}

#[test]
fn fields_round_trip_with_the_key_masked_and_kept() {
    let saved = IndexerSettings {
        base_url: "https://api.nzbgeek.info".into(),
        api_key: Some(SecretString::from("abc123")),
        categories: vec![2040, 2045],
        minimum_seeders: 3,
        seed_ratio: Some(1.5),
        ..IndexerSettings::default()
    };
    let fields = saved.to_fields(Implementation::Torznab);
    let value = |name| {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value("apiKey"), Some(json!(MASK)));
    assert_eq!(value("categories"), Some(json!([2040, 2045])));
    assert_eq!(value("seedCriteria.seedRatio"), Some(json!(1.5)));
    assert_eq!(value("seedCriteria.seedTime"), Some(Value::Null));
    let read = IndexerSettings::from_fields(fields.iter().map(|(n, v)| (*n, v)), Some(&saved));
    assert_eq!(
        read.api_key.as_ref().map(|k| k.expose_secret().to_string()),
        Some("abc123".into())
    );
    assert_eq!(
        (read.minimum_seeders, read.categories.clone()),
        (3, vec![2040, 2045])
    );
    let new_key = json!("new-key");
    let changed = IndexerSettings::from_fields([("apiKey", &new_key)], Some(&saved));
    assert_eq!(changed.api_key(), Some("new-key"));
    assert_eq!(changed.api_path, "/api", "left out: the default");
    assert!(format!("{saved:?}").contains("REDACTED") || !format!("{saved:?}").contains("abc123"));
}

#[test]
fn validation_names_the_field_at_fault() {
    let bad = IndexerSettings {
        base_url: "nzbgeek".into(),
        api_path: "api".into(),
        categories: Vec::new(),
        additional_parameters: "attrs=poster".into(),
        seed_ratio: Some(-1.0),
        ..IndexerSettings::default()
    };
    let fields: Vec<_> = bad
        .validate(Implementation::Torznab)
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        [
            "baseUrl",
            "apiPath",
            "categories",
            "additionalParameters",
            "seedCriteria.seedRatio"
        ]
    );
    let good = IndexerSettings {
        base_url: "http://localhost:9117/api/v2.0/indexers/all/results/torznab".into(),
        additional_parameters: "&attrs=poster".into(),
        ..IndexerSettings::default()
    };
    assert!(good.validate(Implementation::Torznab).is_empty());
}

#[test]
fn failures_escalate_through_radarrs_periods_and_successes_step_down() {
    let started = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let mut now = started + Span::hours(1);
    let mut state = BackOff::default();
    assert!(state.may_try(now));
    let mut levels = Vec::new();
    for _ in 0..12 {
        state.record_failure(Failure::default(), now, started);
        levels.push(state.level);
        let period = Span::from_std(PERIODS[state.level]).unwrap();
        assert_eq!(state.disabled_till, Some(now + period));
        assert!(!state.may_try(now + period - Span::seconds(1)));
        assert!(state.may_try(now + period));
        now += period;
    }
    assert_eq!(levels, [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9]);
    assert_eq!(levels.last(), Some(&MAX_LEVEL));
    state.record_success();
    assert_eq!((state.level, state.disabled_till), (8, None));
}

#[test]
fn connection_failures_hold_the_level_and_limits_set_a_floor() {
    let started = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let now = started + Span::hours(1);
    let mut state = BackOff::default();
    let connection = Failure {
        connection: true,
        minimum: None,
    };
    state.record_failure(connection, now, started);
    state.record_failure(connection, now, started);
    assert_eq!(state.level, 1);
    let limit = Failure {
        connection: false,
        minimum: Some(std::time::Duration::from_secs(3600)),
    };
    let mut limited = BackOff::default();
    limited.record_failure(limit, now, started);
    assert_eq!(PERIODS[limited.level], std::time::Duration::from_secs(3600));
    assert_eq!(limited.wait(now), std::time::Duration::from_secs(3600));
}

#[test]
fn soon_after_start_a_failure_keeps_the_indexer_away_a_minute_at_most() {
    let started = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let now = started + Span::minutes(5);
    let mut state = BackOff {
        level: 6,
        ..BackOff::default()
    };
    state.record_failure(Failure::default(), now, started);
    assert_eq!(state.level, 6, "no escalation in the grace");
    assert_eq!(state.disabled_till, Some(now + Span::minutes(1)));
}
