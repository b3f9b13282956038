//! `RefreshCollections`: each collection's details and movies from TMDB, then
//! the missing movies of the monitored ones added to the library. Some
//! collections (`collectionIds`) or all (none given; the schedule does this
//! daily, and adding a movie of a new collection queues it).

use std::collections::HashSet;

use async_trait::async_trait;
use domain::collection::Collection;
use domain::command::{Command, CommandOutcome};
use futures::StreamExt;
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::collections::{add_missing, refresh_collection};

/// Collections refreshed at once; the TMDB limiter sets the pace.
const IN_FLIGHT: usize = 8;

/// The job.
pub struct RefreshCollections;

#[async_trait]
impl Job for RefreshCollections {
    fn name(&self) -> &'static str {
        "RefreshCollections"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        fields.insert(
            "collectionIds".into(),
            fields::ids(given, "collectionIds")?.into(),
        );
        Ok(fields)
    }

    fn is_long_running(&self) -> bool {
        true
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(24 * 60)
    }

    fn updates_task(&self, command: &Command) -> bool {
        command.ids("collectionIds").is_empty()
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let asked: HashSet<i32> = command.ids("collectionIds").into_iter().collect();
        let mut done = HashSet::new();
        let (mut added, mut failures) = (0, Vec::new());
        // Movies added meanwhile may bring new collections; their refresh,
        // queued while this one runs, was merged with it, so they are done
        // here too: another round takes the collections not yet done.
        loop {
            let collections = match context.state.store.collections().await {
                Ok(all) => all,
                Err(e) => {
                    return CommandOutcome::failed(format!(
                        "The collections could not be read: {e}"
                    ));
                }
            };
            let round: Vec<Collection> = collections
                .into_iter()
                .filter(|c| !done.contains(&c.id))
                .filter(|c| asked.is_empty() || asked.contains(&c.id))
                .filter(|c| done.is_empty() || c.last_info_sync.is_none())
                .collect();
            if round.is_empty() {
                break;
            }
            done.extend(round.iter().map(|c| c.id));
            let outcomes: Vec<_> = futures::stream::iter(round)
                .map(|collection| async move {
                    context
                        .progress(&format!("Updating info for {}", collection.title))
                        .await;
                    let refreshed = refresh_collection(&context.state, &collection).await;
                    let added = match &refreshed {
                        Ok(refreshed) => add_missing(&context.state, refreshed).await,
                        Err(_) => Ok(0),
                    };
                    refreshed
                        .and(added)
                        .map_err(|e| format!("{}: {e}", collection.title))
                })
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            for outcome in outcomes {
                match outcome {
                    Ok(count) => added += count,
                    Err(failure) => {
                        tracing::warn!(error = %failure, "a collection was not refreshed");
                        failures.push(failure);
                    }
                }
            }
            if !asked.is_empty() {
                break;
            }
        }
        for missing in asked.iter().filter(|id| !done.contains(*id)) {
            failures.push(format!("Collection with ID {missing} does not exist"));
        }
        match failures.first() {
            None if added > 0 => {
                CommandOutcome::completed(format!("Completed; {added} movies added"))
            }
            None => CommandOutcome::completed("Completed"),
            Some(first) => CommandOutcome::failed(format!(
                "{} of {} collections could not be refreshed; the first: {first}",
                failures.len(),
                done.len().max(failures.len())
            )),
        }
    }
}
