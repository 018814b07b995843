//! `kb schema` (the tables and what their columns mean, read from the
//! database itself) and `kb completions` (shell completion scripts).

use crate::output::{Format, RenderOptions};
use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::path::Path;

/// Show the tables of the knowledge base, their columns, types and meaning
#[derive(Debug, Args)]
#[command(after_help = "Read from the database itself (pragma_table_info and the kb_columns table).\n\
Examples:\n  kb schema\n  kb schema events\n  kb schema -f markdown > SCHEMA.md")]
pub struct SchemaArgs {
    /// Show only this table
    pub table: Option<String>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Wrap a table to N columns [default: $COLUMNS, else the terminal's width]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// Print a shell completion script
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  kb completions bash > ~/.local/share/bash-completion/completions/kb\n  \
kb completions zsh > ~/.zfunc/_kb\n  kb completions fish > ~/.config/fish/completions/kb.fish")]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run_schema(args: SchemaArgs, db: &Path) -> Result<()> {
    let opts = RenderOptions::for_stdout(args.width);
    let conn = crate::db::open_ro(db)?;
    // FTS5 keeps its index in shadow tables named after the virtual table;
    // they are SQLite's business, not the analyst's.
    let sql = "SELECT m.name AS \"table\", p.name AS \"column\", p.type,
                      CASE WHEN p.pk > 0 THEN 'primary key' WHEN p.\"notnull\" THEN 'not null' ELSE '' END AS constraints,
                      k.meaning
               FROM sqlite_master m
               JOIN pragma_table_info(m.name) p
               LEFT JOIN kb_columns k ON k.table_name = m.name AND k.column_name = p.name
               WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'refinery_schema_history'
                 AND m.name NOT LIKE 'sources_fts_%' AND m.name NOT LIKE 'event_sources_fts_%'
                 AND (?1 IS NULL OR m.name = ?1)
               ORDER BY m.rowid, p.cid";
    let n = super::sources::print_query(&conn, sql, &[&args.table], args.format, &opts)?;
    if n == 0 {
        if let Some(t) = args.table {
            anyhow::bail!("no table named {t:?}");
        }
    }
    Ok(())
}

pub fn run_completions(args: CompletionsArgs) -> Result<()> {
    let mut cmd = crate::cli::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "kb", &mut std::io::stdout());
    Ok(())
}
