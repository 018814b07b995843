//! The `kb` binary: parse the command line, run the command, map the outcome
//! to an exit status (0 success, 1 failure or rejected input, 2 usage error).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kb::cli::Cli::parse();
    match kb::cmd::run(cli) {
        Ok(status) => status,
        Err(err) => {
            if kb::output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kb: {}", kb::one_line(&err));
            ExitCode::from(1)
        }
    }
}
