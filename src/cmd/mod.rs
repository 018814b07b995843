//! One module per subcommand; each has an args struct and a `run`.

pub mod curate;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod reindex;
pub mod schema;
pub mod sources;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Runs a parsed command line. `Ok` carries the exit status (a batch with
/// rejected inputs succeeds as a run but exits 1).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args, &cli.db),
        Command::Query(args) => query::run(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Extract(args) => extract::run(args, &cli.db),
        Command::Eval(args) => eval::run(args, &cli.db),
        Command::Search(args) => sources::run_search(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Sources(args) => sources::run_sources(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Forget(args) => sources::run_forget(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Alias(args) => curate::run_alias(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Merge(args) => curate::run_merge(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Rename(args) => curate::run_rename(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Reindex(args) => reindex::run(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Export(args) => export::run(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Schema(args) => schema::run_schema(args, &cli.db).map(|_| ExitCode::SUCCESS),
        Command::Completions(args) => schema::run_completions(args).map(|_| ExitCode::SUCCESS),
    }
}
