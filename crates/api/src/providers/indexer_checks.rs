//! What Radarr checks of an indexer before it is saved: its settings and
//! switches, then a test against the indexer itself; failures named as
//! Radarr names them (`BaseUrl`, `ApiKey`, `Priority`).

use domain::provider::Provider;
use indexers::{ClientConfig, IndexerError, TestReport};
use serde_json::json;

use super::indexers::{client, flavour, priority, settings};
use super::resource::pascal;
use crate::error::ValidationFailure;

/// The result of testing an indexer.
pub enum Tested {
    /// Its settings are wrong, so it was not asked.
    Invalid(Vec<ValidationFailure>),
    /// It was asked; the outcome is worth recording in its status.
    Ran(indexers::Result<TestReport>),
}

impl Tested {
    /// Radarr's validation failures for the outcome; none when it passed.
    pub fn failures(&self) -> Vec<ValidationFailure> {
        match self {
            Tested::Invalid(failures) => failures.clone(),
            Tested::Ran(Ok(_)) => Vec::new(),
            Tested::Ran(Err(error)) => failure(error).into_iter().collect(),
        }
    }
}

/// What Radarr's validators refuse in an indexer's settings and switches.
pub fn validate(provider: &Provider) -> Vec<ValidationFailure> {
    let Some(flavour) = flavour(provider) else {
        return vec![ValidationFailure::new(
            "Implementation",
            format!("Unknown implementation '{}'", provider.implementation),
            "PredicateValidator",
        )];
    };
    let mut failures: Vec<ValidationFailure> = settings(provider)
        .validate(flavour)
        .into_iter()
        .map(|problem| {
            let sent = provider.settings.get(problem.field).cloned();
            ValidationFailure::new(
                &pascal(problem.field),
                problem.message,
                "PredicateValidator",
            )
            .attempted(sent.unwrap_or(json!(null)))
        })
        .collect();
    let priority = priority(provider);
    if !(1..=50).contains(&priority) {
        failures.push(
            ValidationFailure::new(
                "Priority",
                format!("'Priority' must be between 1 and 50. You entered {priority}."),
                "InclusiveBetweenValidator",
            )
            .attempted(priority),
        );
    }
    failures
}

/// Radarr's test of an indexer: its settings, then the indexer asked for
/// its caps and newest releases.
pub async fn test(provider: &Provider, config: &ClientConfig) -> Tested {
    let failures = validate(provider);
    if !failures.is_empty() {
        return Tested::Invalid(failures);
    }
    match client(provider, config) {
        Some(indexer) => Tested::Ran(indexer.test().await),
        None => Tested::Invalid(vec![ValidationFailure::new(
            "BaseUrl",
            "The indexer's URL cannot be used",
            "PredicateValidator",
        )]),
    }
}

/// The validation failure a failed test answers, in Radarr's words where
/// clients read them; none for a request limit, which Radarr lets pass.
fn failure(error: &IndexerError) -> Option<ValidationFailure> {
    let (property, message) = match error {
        IndexerError::RequestLimit { .. } => return None,
        IndexerError::BadApiKey(_) => ("ApiKey".to_string(), "Invalid API Key".to_string()),
        // Prowlarr looks for this sentence to explain a refused sync.
        IndexerError::NoResults => (
            String::new(),
            "Query successful, but no results in the configured categories were returned \
             from your indexer. This may be an issue with the indexer or your indexer \
             category settings."
                .to_string(),
        ),
        other => (
            other.field().map(pascal).unwrap_or_default(),
            format!("Unable to connect to indexer: {other}"),
        ),
    };
    Some(ValidationFailure::new(
        &property,
        message,
        "PredicateValidator",
    ))
}
