//! Chapters on the command queue and the schedule.

use chrono::{Duration, Utc};
use domain::command::{
    CommandOutcome, CommandPriority, CommandResult, CommandStatus, CommandTrigger, NewCommand,
};
use serde_json::json;

use crate::Store;

fn command(name: &'static str, body: serde_json::Value, priority: CommandPriority) -> NewCommand {
    NewCommand {
        name,
        body: body.as_object().cloned().unwrap_or_default(),
        priority,
        trigger: CommandTrigger::Manual,
        client_user_agent: Some("story".into()),
    }
}

/// Queued and running commands merge with their equals; claims go by
/// priority, then age; each command is claimed once.
pub async fn commands_merge_and_are_claimed_once(store: &dyn Store) {
    let now = Utc::now();
    let refresh = command(
        "RefreshMovie",
        json!({"movieIds": [1]}),
        CommandPriority::Normal,
    );
    let (first, new) = store.enqueue_command(&refresh).await.expect("enqueue");
    assert!(new);
    assert_eq!(first.status, CommandStatus::Queued);
    assert_eq!(first.result, CommandResult::Unknown);
    assert_eq!(first.body, refresh.body);
    assert_eq!(first.client_user_agent.as_deref(), Some("story"));
    let (again, new) = store.enqueue_command(&refresh).await.expect("enqueue");
    assert!(!new, "an equal queued command is merged");
    assert_eq!(again.id, first.id);
    let other = command(
        "RefreshMovie",
        json!({"movieIds": [2]}),
        CommandPriority::Normal,
    );
    let (second, _) = store.enqueue_command(&other).await.expect("enqueue");
    let urgent = command("ManualImport", json!({}), CommandPriority::High);
    let (high, _) = store.enqueue_command(&urgent).await.expect("enqueue");

    let claimed = store
        .claim_command("a", now)
        .await
        .expect("claim")
        .expect("one");
    assert_eq!(claimed.id, high.id, "high priority first");
    assert_eq!(claimed.status, CommandStatus::Started);
    assert_eq!(
        claimed.started.map(|t| t.timestamp_millis()),
        Some(now.timestamp_millis())
    );
    let (a, b) = tokio::join!(store.claim_command("a", now), store.claim_command("b", now));
    let mut ids = vec![
        a.expect("claim").expect("one").id,
        b.expect("claim").expect("one").id,
    ];
    ids.sort_unstable();
    assert_eq!(ids, vec![first.id, second.id], "each claimed by one runner");
    assert!(
        store
            .claim_command("a", now)
            .await
            .expect("claim")
            .is_none()
    );

    let (running, new) = store.enqueue_command(&refresh).await.expect("enqueue");
    assert!(!new, "an equal running command is merged");
    assert_eq!(running.id, first.id);

    let done = CommandOutcome::completed("Completed");
    store
        .finish_command(first.id, &done, now, None)
        .await
        .expect("finish");
    let finished = store.command(first.id).await.expect("read");
    assert_eq!(finished.status, CommandStatus::Completed);
    assert_eq!(finished.result, CommandResult::Successful);
    assert_eq!(finished.message.as_deref(), Some("Completed"));
    assert!(finished.ended.is_some());
    let (fresh, new) = store.enqueue_command(&refresh).await.expect("enqueue");
    assert!(new, "a finished command merges with nothing");
    assert_ne!(fresh.id, first.id);
    assert!(
        store
            .command(fresh.id + 100)
            .await
            .expect_err("none")
            .is_not_found()
    );
}

/// Cancelling, progress, failure, requeueing what a lost runner held, and
/// forgetting old commands.
pub async fn commands_end_and_are_requeued(store: &dyn Store) {
    let now = Utc::now();
    let (queued, _) = store
        .enqueue_command(&command("RssSync", json!({}), CommandPriority::Normal))
        .await
        .expect("enqueue");
    assert!(store.cancel_command(queued.id, now).await.expect("cancel"));
    assert!(
        !store.cancel_command(queued.id, now).await.expect("cancel"),
        "only once"
    );
    let cancelled = store.command(queued.id).await.expect("read");
    assert_eq!(cancelled.status, CommandStatus::Cancelled);

    for name in ["RefreshMovie", "MoviesSearch"] {
        store
            .enqueue_command(&command(name, json!({}), CommandPriority::Normal))
            .await
            .expect("enqueue");
    }
    let lost = store
        .claim_command("lost", now - Duration::minutes(10))
        .await
        .expect("claim")
        .expect("one");
    let kept = store
        .claim_command("alive", now - Duration::minutes(10))
        .await
        .expect("claim")
        .expect("one");
    store.keep_claims("alive", now).await.expect("keep");
    store
        .set_command_message(kept.id, "Halfway")
        .await
        .expect("progress");
    assert_eq!(
        store
            .command(kept.id)
            .await
            .expect("read")
            .message
            .as_deref(),
        Some("Halfway")
    );
    let requeued = store
        .requeue_commands(now - Duration::minutes(1))
        .await
        .expect("requeue");
    assert_eq!(requeued, 1, "only the lost runner's command");
    assert_eq!(
        store.command(lost.id).await.expect("read").status,
        CommandStatus::Queued
    );
    assert_eq!(
        store.command(kept.id).await.expect("read").status,
        CommandStatus::Started
    );
    let again = store
        .claim_command("b", now)
        .await
        .expect("claim")
        .expect("one");
    assert_eq!(again.id, lost.id);
    assert_eq!(
        store.release_commands("alive").await.expect("release"),
        1,
        "a stopping runner's own, however fresh, and no other's"
    );
    assert_eq!(
        store.command(kept.id).await.expect("read").status,
        CommandStatus::Queued
    );
    assert_eq!(
        store.command(again.id).await.expect("read").status,
        CommandStatus::Started
    );
    store
        .finish_command(again.id, &CommandOutcome::failed("TMDB is down"), now, None)
        .await
        .expect("finish");
    let failed = store.command(again.id).await.expect("read");
    assert_eq!(failed.status, CommandStatus::Failed);
    assert_eq!(failed.result, CommandResult::Unsuccessful);
    assert_eq!(failed.exception.as_deref(), Some("TMDB is down"));

    let recent = store
        .recent_commands(now - Duration::minutes(5))
        .await
        .expect("recent");
    let ids: Vec<i32> = recent.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![queued.id, lost.id, kept.id],
        "queued, and ended lately"
    );
    assert_eq!(
        store
            .delete_commands_ended_before(now + Duration::seconds(1))
            .await
            .expect("delete"),
        2
    );
    assert!(
        store
            .command(queued.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert_eq!(
        store.command(kept.id).await.expect("read").status,
        CommandStatus::Queued
    );
}

/// Tasks are made once, keep their last run, and record runs with the
/// command that made them.
pub async fn scheduled_tasks_record_their_runs(store: &dyn Store) {
    let start = Utc::now() - Duration::days(2);
    store
        .ensure_tasks(&[("RefreshMovie", 1440), ("MessagingCleanup", 5)], start)
        .await
        .expect("ensure");
    store
        .ensure_tasks(
            &[("RefreshMovie", 720), ("MessagingCleanup", 5)],
            Utc::now(),
        )
        .await
        .expect("ensure again");
    let tasks = store.scheduled_tasks().await.expect("tasks");
    assert_eq!(tasks.len(), 2);
    let refresh = tasks[0].clone();
    assert_eq!(refresh.name, "RefreshMovie");
    assert_eq!(
        refresh.interval_minutes, 720,
        "the interval follows the code"
    );
    assert_eq!(
        refresh.last_execution.timestamp(),
        start.timestamp(),
        "a task's last run is kept"
    );
    assert_eq!(refresh.last_start_time, None);

    let seen = refresh.clone();
    let refresh_all = command("RefreshMovie", json!({}), CommandPriority::Normal);
    let (queued, new) = store
        .enqueue_scheduled(&refresh_all, &seen)
        .await
        .expect("enqueue")
        .expect("the task is as seen");
    assert!(new);
    let (merged, new) = store
        .enqueue_scheduled(&refresh_all, &seen)
        .await
        .expect("enqueue")
        .expect("the task is as seen");
    assert!(!new, "a second instance's schedule merges with the first's");
    assert_eq!(merged.id, queued.id);
    let ran = Utc::now();
    store
        .claim_command("a", ran)
        .await
        .expect("claim")
        .expect("one");
    store
        .task_started("RefreshMovie", ran)
        .await
        .expect("started");
    store
        .finish_command(
            queued.id,
            &CommandOutcome::completed("Completed"),
            ran,
            Some("RefreshMovie"),
        )
        .await
        .expect("finish");
    let tasks = store.scheduled_tasks().await.expect("tasks");
    assert_eq!(
        tasks[0].last_execution.timestamp_millis(),
        ran.timestamp_millis()
    );
    assert_eq!(
        tasks[0].last_start_time.map(|t| t.timestamp_millis()),
        Some(ran.timestamp_millis())
    );
    assert_eq!(
        tasks[1].last_execution.timestamp(),
        start.timestamp(),
        "others untouched"
    );
}
