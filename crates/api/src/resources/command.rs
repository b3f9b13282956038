//! Radarr's `CommandResource`: a command with its state, and its body as the
//! command object Radarr serializes (its own fields, then the common ones).

use domain::command::{
    Command, CommandPriority, CommandResult, CommandStatus, CommandTrigger, words_of,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::commands::Job;
use crate::resources::wire_date::{WireDate, time_span};

/// A command on the wire; absent values are left out, as Radarr leaves them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandResource<'a> {
    name: &'a str,
    command_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    body: Map<String, Value>,
    priority: CommandPriority,
    status: CommandStatus,
    result: CommandResult,
    queued: WireDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ended: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exception: Option<&'a str>,
    trigger: CommandTrigger,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_user_agent: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state_change_time: Option<WireDate>,
    send_updates_to_client: bool,
    update_scheduled_task: bool,
    id: i32,
}

impl<'a> CommandResource<'a> {
    /// The resource of a stored command run by `job`.
    pub fn new(command: &'a Command, job: Option<&dyn Job>) -> Self {
        let update_scheduled_task = job.is_some_and(|job| job.updates_task(command));
        let mut body = command.body.clone();
        let common = [
            ("sendUpdatesToClient", Value::Bool(true)),
            ("updateScheduledTask", Value::Bool(update_scheduled_task)),
            ("completionMessage", Value::from("Completed")),
            ("requiresDiskAccess", Value::Bool(false)),
            ("isExclusive", Value::Bool(false)),
            ("isTypeExclusive", Value::Bool(false)),
            (
                "isLongRunning",
                Value::Bool(job.is_some_and(|job| job.is_long_running())),
            ),
            ("name", Value::from(command.name.as_str())),
            ("trigger", Value::from(command.trigger.as_str())),
            ("suppressMessages", Value::Bool(false)),
        ];
        body.extend(common.map(|(key, value)| (key.to_string(), value)));
        if let Some(started) = command.started {
            body.insert(
                "lastStartTime".into(),
                Value::from(WireDate(started).to_string()),
            );
        }
        if let Some(agent) = &command.client_user_agent {
            body.insert("clientUserAgent".into(), Value::from(agent.as_str()));
        }
        CommandResource {
            name: &command.name,
            command_name: words_of(&command.name),
            message: command.message.as_deref(),
            body,
            priority: command.priority,
            status: command.status,
            result: command.result,
            queued: WireDate(command.queued),
            started: command.started.map(WireDate),
            ended: command.ended.map(WireDate),
            duration: command
                .started
                .zip(command.ended)
                .map(|(started, ended)| time_span(ended - started)),
            exception: command.exception.as_deref(),
            trigger: command.trigger,
            client_user_agent: command.client_user_agent.as_deref(),
            state_change_time: command.started.or(command.ended).map(WireDate),
            send_updates_to_client: true,
            update_scheduled_task,
            id: command.id,
        }
    }
}
