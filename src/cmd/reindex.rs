//! `kb reindex`: re-run recognition, resolution and events over the stored
//! article bodies, after a dictionary or alias change, without the original
//! files; then replay the analyst's curations so that none is undone.

use crate::curate;
use crate::extract::{self, Extraction, Gazetteer};
use crate::store;
use anyhow::{Context, Result};
use clap::Args;
use rusqlite::TransactionBehavior;
use std::path::Path;

/// Re-extract every stored article with the database's current dictionary and aliases
#[derive(Debug, Args)]
#[command(after_help = "Aliases added with `kb alias add` or by hand in a SQLite browser (origin 'analyst')\n\
are used for recognition; merges and renames recorded in the curations table are replayed.\n\
Examples:\n  kb reindex\n  kb reindex --full\n  kb reindex --db news.db --batch 100")]
pub struct ReindexArgs {
    /// Articles per transaction
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub batch: usize,
    /// Clear every extraction first and rebuild it all in one transaction, so
    /// that events several articles report are recomputed too (by default a
    /// shared event keeps the attributes of its first report, as in ingest)
    #[arg(long)]
    pub full: bool,
    /// Print nothing but errors
    #[arg(long, short)]
    pub quiet: bool,
}

struct Stored {
    id: i64,
    body: String,
    published: Option<jiff::civil::Date>,
}

pub fn run(args: ReindexArgs, db: &Path) -> Result<()> {
    let (mut conn, _) = crate::db::open_rw(db)?;
    let gazetteer = Gazetteer::new(store::dictionary_for_extraction(&mut conn)?);
    let before = store::counts(&conn)?;
    let ids: Vec<i64> =
        conn.prepare("SELECT id FROM sources ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 16);
    let mut removed = curate::Removed::default();
    let mut cleared = (0, 0);
    let mut added = store::Added::default();
    let mut reindex = |tx: &rusqlite::Transaction, chunk: &[i64]| -> Result<()> {
        let stored = read_sources(tx, chunk)?;
        let extracted = extract_all(&stored, &gazetteer, workers);
        for (s, ex) in stored.iter().zip(extracted) {
            let r = curate::delete_extraction(tx, s.id)?;
            removed.mentions += r.mentions;
            removed.reports += r.reports;
            removed.events += r.events;
            let a = store::write_extraction(tx, s.id, &s.body, &ex).with_context(|| format!("source {}: storing failed", s.id))?;
            added.mentions += a.mentions;
            added.events_new += a.events_new;
            added.events_merged += a.events_merged;
        }
        Ok(())
    };
    if args.full {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        cleared.0 = tx.execute("DELETE FROM mentions", [])?;
        cleared.1 = tx.execute("DELETE FROM event_sources", [])?;
        tx.execute("DELETE FROM event_entities", [])?;
        tx.execute("DELETE FROM events", [])?;
        // Aliases kb learnt from the text are learnt again; a stale one would
        // keep steering names the new extraction reads otherwise.
        tx.execute("DELETE FROM aliases WHERE origin = 'extracted'", [])?;
        for chunk in ids.chunks(args.batch.max(1)) {
            reindex(&tx, chunk)?;
        }
        tx.commit().context("committing the reindex failed")?;
    } else {
        for chunk in ids.chunks(args.batch.max(1)) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            reindex(&tx, chunk)?;
            tx.commit().context("committing the batch failed")?;
        }
    }
    removed.mentions += cleared.0;
    removed.reports += cleared.1;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let replayed = curate::replay(&tx)?;
    let pruned = curate::prune_entities(&tx)?;
    tx.commit()?;
    let after = store::counts(&conn)?;
    if !args.quiet {
        println!(
            "{} articles reindexed: {} mentions and {} event reports replaced by {} and {}; {} curations reapplied, {} unsupported entities removed",
            ids.len(),
            removed.mentions,
            removed.reports,
            added.mentions,
            added.events_new + added.events_merged,
            replayed,
            pruned
        );
        println!(
            "now {} people, {} organizations, {} bases mentioned (were {}, {}, {}); {} mentions, {} events (were {}, {})",
            after[0], after[1], after[2], before[0], before[1], before[2], after[3], after[4], before[3], before[4]
        );
    }
    Ok(())
}

fn read_sources(conn: &rusqlite::Connection, ids: &[i64]) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached("SELECT body, published_on FROM sources WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let (body, published): (String, Option<String>) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let published = published.and_then(|p| p.parse::<jiff::civil::Date>().ok());
        out.push(Stored { id, body, published });
    }
    Ok(out)
}

/// Extracts the bodies on `workers` threads, keeping their order.
fn extract_all(stored: &[Stored], gazetteer: &Gazetteer, workers: usize) -> Vec<Extraction> {
    let per = stored.len().div_ceil(workers.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = stored
            .chunks(per)
            .map(|part| scope.spawn(move || part.iter().map(|s| extract_one(s, gazetteer)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// A bug in a stage costs that article its extraction (reported), not the run.
fn extract_one(s: &Stored, gazetteer: &Gazetteer) -> Extraction {
    let run = || extract::extract(&s.body, s.published, gazetteer);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(ex) => ex,
        Err(_) => {
            eprintln!("kb: source {}: internal error while extracting; its extraction is left empty, please report it", s.id);
            Extraction::default()
        }
    }
}
