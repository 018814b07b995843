//! `kb ingest`: read articles, extract, store. Bad inputs are named on
//! stderr and skipped; the good ones of the batch still land.

use crate::article::{self, Article, Defaults, Raw};
use crate::extract::text::CharIndex;
use crate::extract::{self, Extraction, Gazetteer};
use crate::store;
use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};
use rusqlite::TransactionBehavior;

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
    // Each commit writes every page its batch touched to the log, which the
    // checkpointer then copies into the file: the fewer commits, the fewer
    // times the same index and full-text pages go through both. Larger
    // batches measured no faster and held more memory.
    #[arg(long, value_name = "N", default_value_t = 2000)]
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


/// What the workers hand the writer, in input order. The character index
/// of the body is built by the worker, off the writer's thread.
enum Done {
    Extracted(Stored),
    Rejected(article::Rejected),
    Skipped,
}

/// An article with what was extracted from it.
type Stored = Box<(Article, Extraction, CharIndex)>;

/// How many inputs may be between reading and storing at once: this bounds
/// memory whatever the size of the corpus. While the writer indexes a
/// batch or waits for a checkpoint (a few tenths of a second each time),
/// the workers go on until this many are waiting to be stored: with 256
/// they stopped, and both cores sat idle, within about 0.2 s. With the
/// workers behind the writer in the scheduler's queue (see
/// [`WORKER_NICE`]), they fall further behind it while it is busy, and
/// catch up after: on 20,000 articles idle core time was 2.5-2.9 s with
/// 512 and 1.9-2.3 s with 1024 (four runs each, alternating), for about
/// 12 MB more at the peak.
const IN_FLIGHT: usize = 1024;

/// How far the extraction workers lower their own scheduling priority (a
/// nice increment; Linux only, where it applies to the thread alone). The
/// writer is the one stage that cannot be shared out, and with two cores
/// it competes with two workers for them: it ran about 70% of the time,
/// and the workers stopped on a full queue while it was off the CPU. With
/// the workers niced it runs 80-95% of the time and the workers fill the
/// rest of both cores: on 20,000 articles idle core time went from 3.9-4.7 s
/// to 1.5-1.7 s and wall time from 14.7-17.0 s to 12.7-13.9 s (five runs
/// each, alternating). Against another program on a busy machine the
/// workers yield too, which suits a bulk load.
const WORKER_NICE: i32 = 10;

/// Lowers the calling thread's scheduling priority by [`WORKER_NICE`] (to
/// at most 19); where the nice value is the process's and not the thread's,
/// nothing is done, as the writer would be lowered with it.
fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: nice(2) reads and writes no memory of ours; glibc and musl
    // implement it on Linux with setpriority(PRIO_PROCESS, 0), which acts on
    // the calling thread. A failure (never expected when lowering) leaves
    // the priority as it was, which is harmless.
    unsafe {
        libc::nice(WORKER_NICE);
    }
}

/// The name of extraction threads: their panics are reported as the
/// rejection of one article, so the panic hook stays quiet for them.
pub const EXTRACT_THREAD: &str = "kb-extract";

/// The writer's page cache, in KiB (as `PRAGMA cache_size` takes it: negative).
const WRITER_CACHE_KIB: i64 = -64 * 1024;

/// How long (in bytes) the write-ahead log may grow before the writer
/// waits for a checkpoint so that SQLite can start the log over. The file
/// keeps the longest length it reached until the ingest ends: about this
/// plus a batch (346 MB at its peak on 20,000 generated articles). Each
/// wait is for the copy of the batch just committed and two syncs, half a
/// second on 100,000 articles: with 64 MB the writer waited 22 times there,
/// 9.0-11.0 s in all, with 256 MB 10 times, 4.7 s.
const LOG_BYTES_BEFORE_WAIT: i64 = 256 << 20;

/// The longest a write transaction stays open while articles arrive.
const MAX_TX_TIME: Duration = Duration::from_secs(2);

pub fn run(args: IngestArgs, db: &Path) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() { vec![PathBuf::from("corpus")] } else { args.paths.clone() };
    let (mut conn, _) = crate::db::open_rw(db)?;
    // Every article adds keys all over the mention, event and alias indexes;
    // with SQLite's default 2 MB page cache those inserts read their pages
    // back from the file again and again once the database outgrows it.
    // A fixed cache keeps memory flat however large the corpus.
    conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
    // Copying the log back into the database file (and syncing it) after
    // every batch took about 7% of the writer's time; a checkpointer thread
    // with its own connection does it instead, while the writer goes on
    // with the next batch (see the scope below).
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    // Ingest writes only ids it has just read or made in the same
    // transaction (sources, events, bases), and never deletes a row, so
    // checking every reference against its parent found nothing and cost
    // the writer over 4% of its instructions: a seek into the parent table
    // for each mention, report, event and link. tests/ingest.rs holds the
    // result to `PRAGMA foreign_key_check`; every other command keeps the
    // checks, and with them the cascades of a delete.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let (checkpointer, _) = crate::db::open_rw(db)?;
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let gazetteer = Gazetteer::new(store::dictionary_for_extraction(&mut conn)?);
    let stored_before: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM sources)", [], |r| r.get(0))?;
    // Only the summary shows them, and counting reads every mention.
    let before = if args.quiet { [0; 5] } else { store::counts(&conn)? };
    let defaults = Defaults { outlet: args.outlet.clone(), published: args.published, max_size: args.max_size };
    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let progress = if std::io::stderr().is_terminal() && !args.quiet {
        let pb = ProgressBar::new_spinner();
        pb.set_style(ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {msg}").unwrap());
        pb
    } else {
        ProgressBar::hidden()
    };
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 16);
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(u64, Raw)>(IN_FLIGHT);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, Done)>(IN_FLIGHT);
    // A permit may carry the article stored last, for the reader to free:
    // its many small allocations were made by a worker, and freeing them
    // took the writer longer than their count suggests.
    let (permit_tx, permit_rx) = crossbeam_channel::bounded::<Option<Stored>>(IN_FLIGHT);
    for _ in 0..IN_FLIGHT {
        permit_tx.send(None).expect("permits fit");
    }

    let mut tally = Tally::default();
    // The log's length in pages after the last checkpoint.
    let log_frames = AtomicI64::new(0);
    let result: Result<()> = std::thread::scope(|scope| {
        // Owned here so that a writer error drops it and the reader, waiting
        // for a permit, stops instead of waiting forever.
        let permit_tx = permit_tx;
        // reader: inputs in order, one item at a time
        let reader_defaults = &defaults;
        let reader_paths = &paths;
        scope.spawn(move || {
            let mut seq = 0u64;
            for input in article::expand_inputs(reader_paths) {
                let mut send = |w: Raw| -> bool {
                    if permit_rx.recv().is_err() {
                        return false;
                    }
                    let ok = work_tx.send((seq, w)).is_ok();
                    seq += 1;
                    ok
                };
                match input {
                    Err(r) => {
                        if !send(Raw::Rejected(r)) {
                            return;
                        }
                    }
                    Ok(path) => {
                        let mut alive = true;
                        article::read_input(&path, reader_defaults, &mut |raw: Raw| {
                            if alive {
                                alive = send(raw);
                            }
                        });
                        if !alive {
                            return;
                        }
                    }
                }
            }
        });
        // workers: parsing, normalization and extraction, in parallel; each
        // has a read-only connection to skip articles stored before this
        // run without extracting them (the writer skips the rest: the same
        // text twice in the input, or stored meanwhile by another process).
        // Into a file that had none, the lookup could only miss.
        for _ in 0..workers {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let gazetteer = &gazetteer;
            let defaults = &defaults;
            let conn = if stored_before {
                let conn = crate::db::open_ro(db)?;
                // One indexed lookup per article: mapping the file would only
                // make the process's resident set grow with the database.
                conn.pragma_update(None, "mmap_size", 0)?;
                Some(conn)
            } else {
                None
            };
            let worker = std::thread::Builder::new().name(EXTRACT_THREAD.into());
            worker.spawn_scoped(scope, move || {
                lower_thread_priority();
                for (seq, raw) in work_rx {
                    let d = match article::parse(raw, defaults) {
                        Err(r) => Done::Rejected(r),
                        Ok(a) => match conn.as_ref().map_or(Ok(false), |c| store::has_source(c, &a.sha256)) {
                            Ok(true) => Done::Skipped,
                            _ => {
                                // A bug in a stage must cost one article, not the batch.
                                let run = || extract::extract(&a.body, a.meta.published, gazetteer);
                                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                                    Ok(ex) => {
                                        let chars = CharIndex::new(&a.body);
                                        Done::Extracted(Box::new((a, ex, chars)))
                                    }
                                    Err(p) => Done::Rejected(article::Rejected {
                                        path: a.path.clone(),
                                        reason: format!("internal error while extracting ({}); please report it", panic_text(&p)),
                                    }),
                                }
                            }
                        },
                    };
                    if done_tx.send((seq, d)).is_err() {
                        return;
                    }
                }
            })?;
        }
        drop(work_rx);
        drop(done_tx);
        // checkpointer: after each commit, copies what the log holds back
        // into the database file, as SQLite's automatic checkpoint did on
        // the writer's thread. A passive checkpoint never blocks the
        // writer or a reader; one that fails or finds the log busy loses
        // nothing (the log keeps every commit), and the writer's connection
        // checkpoints the rest when it closes. A request may carry a
        // sender, answered when the checkpoint is done.
        let (checkpoint_tx, checkpoint_rx) = crossbeam_channel::bounded::<Option<crossbeam_channel::Sender<()>>>(1);
        let log_frames = &log_frames;
        std::thread::Builder::new().name("kb-checkpoint".into()).spawn_scoped(scope, move || {
            for request in checkpoint_rx {
                if let Ok(frames) = checkpointer.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(1)) {
                    log_frames.store(frames, Ordering::Relaxed);
                }
                if let Some(done) = request {
                    let _ = done.send(());
                }
            }
        })?;
        // writer: this thread owns the connection and stores in input order
        let mut pending: std::collections::BTreeMap<u64, Done> = std::collections::BTreeMap::new();
        let mut next = 0u64;
        // A write transaction is opened only when there is something to
        // write (IMMEDIATE, so a second writer waits for the lock instead of
        // failing on a stale snapshot) and closed after `--batch` articles or
        // a couple of seconds, so other processes get their turn.
        let mut tx: Option<rusqlite::Transaction> = None;
        let mut tx_started = Instant::now();
        let mut in_tx = 0usize;
        let mut batch = store::Batch::default();
        let mut stored: Option<Stored> = None;
        for (seq, d) in done_rx {
            pending.insert(seq, d);
            while let Some(d) = pending.remove(&next) {
                next += 1;
                let _ = permit_tx.send(stored.take());
                match d {
                    Done::Rejected(r) => {
                        progress.suspend(|| eprintln!("kb: {}: {}", r.path, r.reason));
                        tally.rejected += 1;
                    }
                    Done::Skipped => tally.skipped += 1,
                    Done::Extracted(boxed) => {
                        let (a, ex, chars) = &*boxed;
                        if let Some(w) = &a.warning {
                            progress.suspend(|| eprintln!("kb: warning: {}: {}", a.path, w));
                        }
                        if tx.is_none() {
                            // SQLite starts the log over only when a write
                            // finds it all copied back, which a checkpoint
                            // running beside the writer never lets happen:
                            // once the log is long, the writer waits for the
                            // checkpoint of what it holds first.
                            if log_frames.load(Ordering::Relaxed) * page_size > LOG_BYTES_BEFORE_WAIT {
                                let (done_tx, done_rx) = crossbeam_channel::bounded(1);
                                if checkpoint_tx.send(Some(done_tx)).is_ok() && done_rx.recv().is_ok() {
                                    // The write below starts the log over; the
                                    // checkpoint after this batch tells if not
                                    // (a reader still on an old snapshot), and
                                    // the next batch waits again.
                                    log_frames.store(0, Ordering::Relaxed);
                                }
                            }
                            let t = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
                            batch = store::begin_batch(&t)?;
                            tx = Some(t);
                            tx_started = Instant::now();
                        }
                        let t = tx.as_ref().expect("opened above");
                        // None: the same text twice in the input, or stored
                        // meanwhile by another process
                        let Some(added) = store::write_article_in(t, &mut batch, a, ex, chars, &now)
                            .context("ingest stopped; articles of the unfinished batch were not stored")?
                        else {
                            tally.skipped += 1;
                            stored = Some(boxed);
                            continue;
                        };
                        tally.added += 1;
                        tally.mentions += added.mentions;
                        tally.events_new += added.events_new;
                        tally.events_merged += added.events_merged;
                        in_tx += 1;
                        progress.inc(1);
                        if in_tx >= args.batch.max(1) || tx_started.elapsed() > MAX_TX_TIME {
                            commit_batch(tx.take().expect("open"), &batch)?;
                            // (full: a checkpoint is already due)
                            let _ = checkpoint_tx.try_send(None);
                            in_tx = 0;
                        }
                        stored = Some(boxed);
                    }
                }
            }
        }
        if let Some(t) = tx.take() {
            commit_batch(t, &batch)?;
        }
        Ok(())
    });
    // the triggers, off from the first batch on (an unfinished batch was
    // rolled back with its transaction)
    store::end_batches(&conn)?;
    result?;
    progress.finish_and_clear();
    if !args.quiet {
        let after = store::counts(&conn)?;
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

/// Counts the batch into the summary tables and indexes its articles and
/// sentences for full-text search, then commits: all land together or not
/// at all. The triggers stay off until the last batch is done.
fn commit_batch(tx: rusqlite::Transaction, batch: &store::Batch) -> Result<()> {
    store::finish_batch(&tx, batch).context("counting and indexing the batch failed")?;
    tx.commit().context("committing the batch failed")
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into())
        .replace('\n', " ")
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The calling thread's nice value.
    fn own_nice() -> i32 {
        // SAFETY: getpriority(2) only reads the scheduler's record of this thread.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
    }

    #[test]
    fn a_worker_lowers_its_own_priority_and_not_the_writers() {
        let writer = own_nice();
        let (inherited, lowered) = std::thread::spawn(|| {
            let inherited = own_nice();
            super::lower_thread_priority();
            (inherited, own_nice())
        })
        .join()
        .unwrap();
        assert_eq!(inherited, writer);
        assert_eq!(lowered, (writer + super::WORKER_NICE).min(19));
        assert_eq!(own_nice(), writer);
    }
}
