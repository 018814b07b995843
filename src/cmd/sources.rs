//! `kb search` (full text over article titles and bodies), `kb sources`
//! (the articles stored) and `kb forget` (one article and what only it
//! supported).

use crate::curate;
use crate::output::{self, Format, RenderOptions, Value};
use anyhow::{anyhow, bail, Result};
use clap::Args;
use rusqlite::{Connection, ToSql, TransactionBehavior};
use std::io::{BufWriter, IsTerminal};
use std::path::Path;

/// Search the articles' text (SQLite FTS5)
#[derive(Debug, Args)]
#[command(after_help = "The query is FTS5 syntax: words (all must appear), \"a phrase\", OR, NOT, prefix*,\n\
NEAR(a b, 5), title:word. Matches are ranked best first; the snippet marks the matched words\n\
(bold on a terminal, **word** in markdown, [word] otherwise).\n\
With --events, the reporting sentences of events are searched and each match is one report.\n\
Examples:\n  kb search \"withdrawal timeline\"\n  kb search --events drone\n  kb search '\"Ain al-Asad\" AND drone' --limit 5\n  kb search 'withdraw*' -f csv")]
pub struct SearchArgs {
    /// FTS5 query
    pub query: String,
    /// Answer with events whose reporting sentence matches, not articles
    #[arg(long)]
    pub events: bool,
    /// Most matches shown
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: u32,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Wrap a table to N columns [default: $COLUMNS, else the terminal's width]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// List the stored articles with their mention and event counts
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  kb sources\n  kb sources -f csv > sources.csv")]
pub struct SourcesArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Wrap a table to N columns [default: $COLUMNS, else the terminal's width]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// Delete one article and whatever only it supported
#[derive(Debug, Args)]
#[command(after_help = "Deletes the article, its mentions and event reports, the events no other article\n\
reports, and the entities kb found only in it (dictionary and curated entities stay).\n\
Examples:\n  kb forget 12\n  kb forget corpus/2024-01-28-tower-22.txt")]
pub struct ForgetArgs {
    /// A sources.id, or a sources.path as stored (see `kb sources`)
    pub source: String,
}

/// Runs one statement and renders its rows.
pub fn print_query(conn: &Connection, sql: &str, params: &[&dyn ToSql], format: Format, opts: &RenderOptions) -> Result<u64> {
    let mut stmt = conn.prepare(sql)?;
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let ncol = columns.len();
    let mut rows = stmt.query(params)?;
    let iter = std::iter::from_fn(move || match rows.next() {
        Ok(Some(row)) => Some((0..ncol).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<Value>>>().map_err(anyhow::Error::from)),
        Ok(None) => None,
        Err(e) => Some(Err(anyhow::Error::from(e))),
    });
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    output::write_rows(format, &columns, iter, &mut out, opts)
}

pub fn run_search(args: SearchArgs, db: &Path) -> Result<()> {
    let opts = RenderOptions::for_stdout(args.width);
    let (open, close) = match args.format {
        Format::Markdown => ("**", "**"),
        Format::Table if opts.styled && std::io::stdout().is_terminal() => ("\x1b[1m", "\x1b[0m"),
        _ => ("[", "]"),
    };
    if args.query.trim().is_empty() {
        bail!("the search query is empty");
    }
    let conn = crate::db::open_ro(db)?;
    // A snippet can span a paragraph break; one line reads better in a table.
    let sql = if args.events {
        "SELECT es.event_id, e.occurred_on AS date, e.kind, es.source_id, s.path, s.outlet,
                replace(replace(highlight(event_sources_fts, 0, ?2, ?3), char(13), ''), char(10), ' ') AS sentence
         FROM event_sources_fts
         JOIN event_sources es ON es.id = event_sources_fts.rowid
         JOIN events e ON e.id = es.event_id
         JOIN sources s ON s.id = es.source_id
         WHERE event_sources_fts MATCH ?1
         ORDER BY rank, es.id
         LIMIT ?4"
    } else {
        "SELECT s.id AS source_id, s.path, s.outlet, s.published_on AS published,
                replace(replace(replace(snippet(sources_fts, -1, ?2, ?3, '…', 20), char(13), ''), char(10), ' '), '  ', ' ') AS snippet
         FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
         WHERE sources_fts MATCH ?1
         ORDER BY rank, s.id
         LIMIT ?4"
    };
    print_query(&conn, sql, &[&args.query, &open, &close, &args.limit], args.format, &opts).map_err(|e| {
        let full = crate::one_line(&e);
        let msg = full.split(": Error code").next().unwrap_or(&full).to_string();
        if msg.contains("fts5") || msg.contains("syntax error") || msg.contains("no such column") {
            anyhow!("bad search query {:?}: {msg}; quote words with punctuation as \"a phrase\"", args.query)
        } else {
            e
        }
    })?;
    Ok(())
}

pub fn run_sources(args: SourcesArgs, db: &Path) -> Result<()> {
    let opts = RenderOptions::for_stdout(args.width);
    let conn = crate::db::open_ro(db)?;
    let sql = "SELECT s.id, s.path, s.outlet, s.title, s.published_on AS published,
                      (SELECT count(*) FROM mentions m WHERE m.source_id = s.id) AS mentions,
                      (SELECT count(DISTINCT es.event_id) FROM event_sources es WHERE es.source_id = s.id) AS events
               FROM sources s ORDER BY s.id";
    print_query(&conn, sql, &[], args.format, &opts)?;
    Ok(())
}

pub fn run_forget(args: ForgetArgs, db: &Path) -> Result<()> {
    let (mut conn, _) = crate::db::open_rw(db)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, path) = curate::find_source(&tx, &args.source)?;
    let r = curate::forget(&tx, id)?;
    tx.commit()?;
    println!(
        "forgot source {id} ({path}): {} mentions, {} event reports, {} events no other article reports, {} entities found only there",
        r.mentions, r.reports, r.events, r.entities
    );
    Ok(())
}
