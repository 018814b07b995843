//! `kb query`: canned queries by name, or ad-hoc read-only SQL.

use clap::Args;
use std::path::Path;

/// Run a canned query by name, or read-only SQL
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A canned query's name (see --list) or one SQL statement
    pub query: Option<String>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = crate::output::Format::Table)]
    pub format: crate::output::Format,
}

pub fn run(_args: QueryArgs, _db: &Path) -> anyhow::Result<()> {
    anyhow::bail!("kb query is not built yet")
}
