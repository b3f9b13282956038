//! `unified-radarr analyze-groups`: the scene-group analysis run once from
//! the command line, with its progress on standard error and its report on
//! standard output.

use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use api::services::scene_analysis::{Progress, analyse_groups};
use async_trait::async_trait;

use crate::{ServerError, Settings, prepare};

/// How often progress is printed.
const PRINT_EVERY: Duration = Duration::from_secs(2);

/// Prints progress, at most once every two seconds.
struct Printer {
    last: Mutex<Option<Instant>>,
}

#[async_trait]
impl Progress for Printer {
    async fn progress(&self, message: &str) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_none_or(|at| at.elapsed() >= PRINT_EVERY) {
            *last = Some(Instant::now());
            eprintln!("{message}");
        }
    }
}

/// Runs the analysis; fails when it could not run or stopped early.
pub async fn run(settings: Settings) -> ExitCode {
    let prepared = match prepare(&settings).await {
        Ok(prepared) => prepared,
        Err(e) => {
            eprintln!("unified-radarr: {e}");
            if matches!(e, ServerError::DataDirInUse(..)) {
                eprintln!(
                    "unified-radarr: stop the server first, or ask it to run the analysis: \
                 POST /api/v3/command {{\"name\": \"SceneGroupAnalysis\"}}"
                );
            }
            return ExitCode::FAILURE;
        }
    };
    let printer = Printer {
        last: Mutex::new(None),
    };
    let outcome = analyse_groups(prepared.state(), &printer).await;
    prepared.close().await;
    match outcome {
        Ok(outcome) => {
            println!("{outcome}");
            if outcome.stopped.is_none() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("unified-radarr: {e}");
            ExitCode::FAILURE
        }
    }
}
