//! `kb ingest`: read articles, extract, store.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read articles into the knowledge base
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders, JSON Lines files, or - for standard input (default: corpus/)
    pub paths: Vec<PathBuf>,
}

pub fn run(_args: IngestArgs, _db: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("kb ingest is not built yet")
}
