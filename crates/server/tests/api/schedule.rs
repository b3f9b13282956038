//! The schedule and the job runner, driven by hand: the clock is given to the
//! schedule and the queue is drained, so nothing waits on real time. On
//! PostgreSQL, two instances share the queue and run each command once.

use api::AppState;
use api::commands::{JobRunner, Schedule};
use api::services::scene_group_config;
use chrono::{Duration, Utc};
use domain::command::CommandStatus;
use domain::movie::Movie;
use serde_json::json;
use server::cli::ServeArgs;
use server::{DatabaseSettings, Prepared, Settings};
use tmdb::fake::FakeTmdb;

use crate::helpers::spawn_app;

/// An instance prepared (store open, defaults seeded) but not serving.
async fn instance(fake: &FakeTmdb, postgres: Option<&str>) -> (Prepared, tempfile::TempDir) {
    let data_dir = tempfile::tempdir().expect("data dir");
    let args = ServeArgs {
        data_dir: Some(data_dir.path().to_path_buf()),
        ..ServeArgs::default()
    };
    let mut settings = Settings::resolve(args).expect("settings");
    settings.tmdb.base_url = fake.base_url.clone();
    settings.tmdb.credential = Some(tmdb::Credential::from_key(tmdb::fake::API_KEY));
    if let Some(url) = postgres {
        let mut options = store_postgres::PostgresOptions::new(url.to_string());
        options.max_connections = 4;
        options.min_connections = 0;
        settings.database = DatabaseSettings::Postgres(options);
    }
    (server::prepare(&settings).await.expect("prepare"), data_dir)
}

async fn add_movies(state: &AppState, count: i32) {
    let movies: Vec<Movie> = (1..=count)
        .map(|id| {
            let mut movie = Movie::new(id, &format!("Movie {id}"), 2001);
            movie.quality_profile_id = 1;
            movie.path = format!("/movies/Movie {id} (2001)");
            movie.root_folder_path = "/movies".into();
            movie
        })
        .collect();
    state.store.add_movies(&movies).await.expect("add");
}

fn movie_requests(fake: &FakeTmdb) -> usize {
    fake.seen()
        .iter()
        .filter(|s| s.path.starts_with("/movie/"))
        .count()
}

#[tokio::test]
async fn the_library_is_refreshed_when_a_day_has_passed() {
    let fake = FakeTmdb::start().await;
    let (prepared, _dir) = instance(&fake, None).await;
    let state = prepared.state().clone();
    add_movies(&state, 3).await;
    let schedule = Schedule::new(state.clone()).await.expect("schedule");
    let now = Utc::now();
    assert!(
        schedule
            .queue_due(now + Duration::seconds(30))
            .await
            .expect("due")
            .is_empty()
    );

    let due = schedule
        .queue_due(now + Duration::hours(25))
        .await
        .expect("due");
    let names: Vec<&str> = due.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "CleanUpRecycleBin",
            "MessagingCleanup",
            "RefreshCollections",
            "RefreshMonitoredDownloads",
            "RefreshMovie",
            "RssSync"
        ]
    );
    let again = schedule
        .queue_due(now + Duration::hours(25))
        .await
        .expect("due");
    assert_eq!(
        again.iter().map(|c| c.id).collect::<Vec<_>>(),
        due.iter().map(|c| c.id).collect::<Vec<_>>(),
        "still queued: merged, not queued twice"
    );
    let ran = JobRunner::new(state.clone()).drain().await;
    assert_eq!(ran.len(), 6);
    assert!(
        ran.iter().all(|c| c.status == CommandStatus::Completed),
        "{ran:?}"
    );
    assert_eq!(movie_requests(&fake), 3, "each movie fetched once");

    let tasks = state.store.scheduled_tasks().await.expect("tasks");
    let refresh = tasks
        .iter()
        .find(|t| t.name == "RefreshMovie")
        .expect("task");
    assert!(refresh.last_execution > now, "the run is recorded");
    assert!(refresh.last_start_time.is_some());
    assert!(
        schedule
            .queue_due(now + Duration::hours(23))
            .await
            .expect("due")
            .iter()
            .all(|c| c.name != "RefreshMovie"),
        "not due again for a day"
    );
}

#[tokio::test]
async fn tasks_are_listed_with_their_last_and_next_run() {
    let app = spawn_app().await;
    let tasks = app.get_json("/api/v3/system/task").await;
    let refresh = tasks
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["taskName"] == "RefreshMovie")
        .cloned()
        .expect("the refresh task");
    assert_eq!(refresh["name"], "Refresh Movie");
    assert_eq!(refresh["interval"], 1440);
    assert_eq!(refresh["lastDuration"], "00:00:00");
    let last = refresh["lastExecution"].as_str().unwrap();
    let next = refresh["nextExecution"].as_str().unwrap();
    let day = chrono::DateTime::parse_from_rfc3339(next).unwrap()
        - chrono::DateTime::parse_from_rfc3339(last).unwrap();
    assert_eq!(day, Duration::days(1));
    let one = app
        .get_json(&format!("/api/v3/system/task/{}", refresh["id"]))
        .await;
    assert_eq!(one, refresh);
    assert_eq!(
        app.get("/api/v3/system/task/999").await.status(),
        reqwest::StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn two_instances_on_one_database_run_each_command_once() {
    let fake = FakeTmdb::start().await;
    let url = store_postgres::test_database::fresh_database().await;
    let (a, _a_dir) = instance(&fake, Some(&url)).await;
    let (b, _b_dir) = instance(&fake, Some(&url)).await;
    let (a, b) = (a.state().clone(), b.state().clone());
    add_movies(&a, 12).await;

    let (schedule_a, schedule_b) = (
        Schedule::new(a.clone()).await.expect("schedule"),
        Schedule::new(b.clone()).await.expect("schedule"),
    );
    let later = Utc::now() + Duration::hours(25);
    let (due_a, due_b) = tokio::join!(schedule_a.queue_due(later), schedule_b.queue_due(later));
    let refresh_ids = |due: &[domain::command::Command]| {
        due.iter()
            .filter(|c| c.name == "RefreshMovie")
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refresh_ids(&due_a.expect("due")),
        refresh_ids(&due_b.expect("due"))
    );

    for id in 1..=12 {
        let body = json!({"name": "RefreshMovie", "movieIds": [id]});
        let given = body.as_object().cloned().unwrap_or_default();
        let on = if id % 2 == 0 { &a } else { &b };
        on.commands
            .queue(on, &given, domain::command::CommandTrigger::Manual, None)
            .await
            .expect("queue");
    }
    let (runner_a, runner_b) = (JobRunner::new(a.clone()), JobRunner::new(b.clone()));
    let (ran_a, ran_b) = tokio::join!(runner_a.drain(), runner_b.drain());
    let mut ran: Vec<i32> = ran_a.iter().chain(&ran_b).map(|c| c.id).collect();
    let total = ran.len();
    ran.sort_unstable();
    ran.dedup();
    assert_eq!(ran.len(), total, "no command ran twice");
    assert_eq!(total, 6 + 12, "the scheduled six and the twelve queued");
    assert!(
        ran_a
            .iter()
            .chain(&ran_b)
            .all(|c| c.status == CommandStatus::Completed)
    );
    assert_eq!(
        movie_requests(&fake),
        12 + 12,
        "the library refresh and each single refresh fetched each movie once"
    );
    let due = schedule_b
        .queue_due(later - Duration::hours(2))
        .await
        .expect("due");
    assert!(
        refresh_ids(&due).is_empty(),
        "a run on one instance counts for the other"
    );
}

#[tokio::test]
async fn rss_sync_follows_the_configured_interval_and_zero_turns_it_off() {
    let fake = FakeTmdb::start().await;
    let (prepared, _dir) = instance(&fake, None).await;
    let state = prepared.state().clone();
    let schedule = Schedule::new(state.clone()).await.expect("schedule");
    let now = Utc::now();
    let rss_interval = |tasks: &[domain::command::ScheduledTask]| {
        tasks
            .iter()
            .find(|t| t.name == "RssSync")
            .map(|t| t.interval_minutes)
    };
    assert_eq!(
        rss_interval(&state.store.scheduled_tasks().await.unwrap()),
        Some(60)
    );

    let mut config = state.store.indexer_config().await.unwrap();
    config.rss_sync_interval = 15;
    state.store.update_indexer_config(&config).await.unwrap();
    let names =
        |due: Vec<domain::command::Command>| due.into_iter().map(|c| c.name).collect::<Vec<_>>();
    let early = schedule
        .queue_due(now + Duration::minutes(14))
        .await
        .expect("due");
    assert!(!names(early).contains(&"RssSync".to_string()));
    let due = schedule
        .queue_due(now + Duration::minutes(16))
        .await
        .expect("due");
    assert!(
        names(due).contains(&"RssSync".to_string()),
        "due after 15 minutes, not 60"
    );
    assert_eq!(
        rss_interval(&state.store.scheduled_tasks().await.unwrap()),
        Some(15)
    );
    JobRunner::new(state.clone()).drain().await;

    config.rss_sync_interval = 0;
    state.store.update_indexer_config(&config).await.unwrap();
    let due = schedule
        .queue_due(now + Duration::days(2))
        .await
        .expect("due");
    assert!(due.iter().all(|c| c.name != "RssSync"), "{due:?}");
}

#[tokio::test]
async fn the_scene_group_analysis_follows_its_configured_days_and_zero_turns_it_off() {
    let fake = FakeTmdb::start().await;
    let (prepared, _dir) = instance(&fake, None).await;
    let state = prepared.state().clone();
    let schedule = Schedule::new(state.clone()).await.expect("schedule");
    let now = Utc::now();
    let interval = |tasks: &[domain::command::ScheduledTask]| {
        tasks
            .iter()
            .find(|t| t.name == "SceneGroupAnalysis")
            .map(|t| t.interval_minutes)
    };
    assert_eq!(
        interval(&state.store.scheduled_tasks().await.unwrap()),
        Some(7 * 24 * 60),
        "weekly by default"
    );
    let analyses = |due: &[domain::command::Command]| {
        due.iter()
            .filter(|c| c.name == "SceneGroupAnalysis")
            .count()
    };

    let mut config = scene_group_config::load(&state).await.unwrap();
    config.interval_days = 2;
    scene_group_config::save(&state, config.clone())
        .await
        .unwrap();
    let early = schedule
        .queue_due(now + Duration::hours(47))
        .await
        .expect("due");
    assert_eq!(analyses(&early), 0);
    assert_eq!(
        interval(&state.store.scheduled_tasks().await.unwrap()),
        Some(2 * 24 * 60)
    );
    let due = schedule
        .queue_due(now + Duration::hours(49))
        .await
        .expect("due");
    assert_eq!(analyses(&due), 1, "due after two days, not seven");
    JobRunner::new(state.clone()).drain().await;

    config.interval_days = 0;
    scene_group_config::save(&state, config).await.unwrap();
    let due = schedule
        .queue_due(now + Duration::days(30))
        .await
        .expect("due");
    assert_eq!(analyses(&due), 0, "{due:?}");
}
