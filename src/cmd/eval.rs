//! `kb eval`: scores the knowledge base against gold annotations.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Score the database against gold files (one JSON file per article)
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of gold files; each `<stem>.json` matches the source whose path has that file stem
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// List every miss and every spurious item
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(_args: EvalArgs, _db: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("kb eval is not built yet")
}
