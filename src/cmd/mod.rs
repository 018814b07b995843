//! One module per subcommand; each has an args struct and a `run`.

pub mod eval;
pub mod extract;
pub mod ingest;
pub mod query;

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
    }
}
