//! The `unified-radarr` binary.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use server::cli::{Cli, Command};
use server::{Settings, telemetry};

/// jemalloc, with its background threads, hands freed memory back to the
/// system even while the server idles, where glibc's per-thread arenas keep
/// what a burst of large responses took.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Parse(args)) = &cli.command {
        return server::parse_titles::run(&args.titles);
    }
    let analyse = matches!(cli.command, Some(Command::AnalyzeGroups));
    let settings = match Settings::resolve(cli.serve_args()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("unified-radarr: {e}");
            return ExitCode::FAILURE;
        }
    };
    let _logging = telemetry::init_logging(&settings.log_level, &settings.data_dir);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("unified-radarr: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    if analyse {
        return runtime.block_on(server::analyze_groups::run(settings));
    }
    match runtime.block_on(server::run(settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unified-radarr: {e}");
            ExitCode::FAILURE
        }
    }
}
