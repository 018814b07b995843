//! `kb extract`: the dry run, what ingest would store for one article.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Show what ingest would extract from one article, writing nothing
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// An article file, or - for standard input
    pub path: PathBuf,
}

pub fn run(_args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("kb extract is not built yet")
}
