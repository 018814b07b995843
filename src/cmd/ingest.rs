//! `kb ingest`: read articles, extract, store. Bad inputs are named on
//! stderr and skipped; the good ones of the batch still land.

use crate::article::{self, Defaults, Item};
use crate::extract::{self, Gazetteer};
use crate::store;
use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read articles into the knowledge base
///
/// Inputs are text files with optional front matter (a first block of
/// `key: value` lines between `---` lines: title, outlet, url, published),
/// folders of them (.txt, .md, .jsonl, recursively; README.md is skipped),
/// JSON Lines files (one object a line: text, and optional title, outlet,
/// url, published) and `-` for standard input. An article already stored
/// (same normalized text) is skipped.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  kb ingest                          the bundled corpus/\n  kb ingest --db news.db articles/   a folder, into news.db\n  kb ingest feed.jsonl               JSON Lines\n  cat story.txt | kb ingest - --outlet Rudaw --published 2024-02-11")]
pub struct IngestArgs {
    /// Files, folders, JSON Lines files, or - for standard input [default: corpus/]
    pub paths: Vec<PathBuf>,
    /// Outlet for inputs whose front matter names none
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Publication date (YYYY-MM-DD) for inputs whose front matter gives none
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub published: Option<jiff::civil::Date>,
    /// Largest article accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = article::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
    /// Articles per transaction
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub batch: usize,
    /// Print nothing but errors and warnings
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn parse_date_arg(s: &str) -> std::result::Result<jiff::civil::Date, String> {
    article::parse_date(s)
}

#[derive(Default)]
struct Tally {
    added: u64,
    skipped: u64,
    rejected: u64,
    mentions: u64,
    events_new: u64,
    events_merged: u64,
}

pub fn run(args: IngestArgs, db: &Path) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() { vec![PathBuf::from("corpus")] } else { args.paths.clone() };
    let (mut conn, is_new) = crate::db::open_rw(db)?;
    if is_new || store::load_dictionary(&conn)?.is_empty() {
        let tx = conn.transaction()?;
        store::seed_dictionary(&tx, &extract::dictionary::bundled())?;
        tx.commit()?;
    }
    let gazetteer = Gazetteer::new(store::load_dictionary(&conn)?);
    let before = store::counts(&conn)?;
    let defaults = Defaults { outlet: args.outlet.clone(), published: args.published, max_size: args.max_size };
    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();

    let progress = if std::io::stderr().is_terminal() && !args.quiet {
        let pb = ProgressBar::new_spinner();
        pb.set_style(ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {msg}").unwrap());
        pb
    } else {
        ProgressBar::hidden()
    };

    let mut tally = Tally::default();
    let mut tx = conn.transaction()?;
    let mut in_tx = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    let inputs = article::expand_inputs(&paths);
    for input in inputs {
        let path = match input {
            Ok(p) => p,
            Err(r) => {
                progress.suspend(|| eprintln!("kb: {}: {}", r.path, r.reason));
                tally.rejected += 1;
                continue;
            }
        };
        let mut handle = |item: Item| {
            if failure.is_some() {
                return;
            }
            match item {
                Err(r) => {
                    progress.suspend(|| eprintln!("kb: {}: {}", r.path, r.reason));
                    tally.rejected += 1;
                }
                Ok(a) => {
                    if let Some(w) = &a.warning {
                        progress.suspend(|| eprintln!("kb: warning: {}: {}", a.path, w));
                    }
                    match store::has_source(&tx, &a.sha256) {
                        Ok(true) => {
                            tally.skipped += 1;
                            return;
                        }
                        Ok(false) => {}
                        Err(e) => {
                            failure = Some(e);
                            return;
                        }
                    }
                    let ex = extract::extract(&a.body, a.meta.published, &gazetteer);
                    match store::write_article(&tx, &a, &ex, &now) {
                        Ok(added) => {
                            tally.added += 1;
                            tally.mentions += added.mentions;
                            tally.events_new += added.events_new;
                            tally.events_merged += added.events_merged;
                            in_tx += 1;
                            progress.inc(1);
                        }
                        Err(e) => failure = Some(e),
                    }
                }
            }
        };
        article::read_input(&path, &defaults, &mut handle);
        if let Some(e) = failure.take() {
            return Err(e.context("ingest stopped; articles of the unfinished batch were not stored"));
        }
        if in_tx >= args.batch {
            tx.commit()?;
            tx = conn.transaction()?;
            in_tx = 0;
        }
    }
    tx.commit().context("committing the batch failed")?;
    progress.finish_and_clear();
    let after = store::counts(&conn)?;
    if !args.quiet {
        println!(
            "{} added, {} skipped (already stored), {} rejected",
            plural(tally.added, "article"),
            tally.skipped,
            tally.rejected
        );
        println!(
            "now {} people, {} organizations, {} bases mentioned (+{}, +{}, +{}); {} and {} added ({} new, {} merged into known events)",
            after[0],
            after[1],
            after[2],
            after[0] - before[0],
            after[1] - before[1],
            after[2] - before[2],
            plural(tally.mentions, "mention"),
            plural(tally.events_new + tally.events_merged, "event report"),
            tally.events_new,
            tally.events_merged
        );
    }
    Ok(if tally.rejected > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
