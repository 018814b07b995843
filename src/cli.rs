//! The command line: every subcommand and its flags (clap derive). The doc
//! comments here are the `--help` text.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "kb",
    version,
    about = "Turn news about the US-led coalition in Iraq and Syria into a SQLite knowledge base, and query it",
    after_help = "Examples:\n  kb ingest                      ingest the bundled corpus/ into ./kb.db\n  kb ingest articles/ feed.jsonl  ingest a folder and a JSON Lines file\n  kb query \"attacks by month\"     run a canned query\n  kb query --list                list the canned queries\n  kb query \"SELECT name FROM people\" --format csv"
)]
pub struct Cli {
    /// The knowledge base file
    #[arg(long, global = true, env = "KB_DB", default_value = "kb.db", value_name = "PATH")]
    pub db: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Ingest(crate::cmd::ingest::IngestArgs),
    Query(crate::cmd::query::QueryArgs),
    Extract(crate::cmd::extract::ExtractArgs),
    Eval(crate::cmd::eval::EvalArgs),
}
