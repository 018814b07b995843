//! Ingest throughput against the floor: how close `kb ingest` (reading,
//! normalizing, extracting, storing) comes to writing the same articles into
//! SQLite with no extraction at all, how its memory grows with the corpus,
//! and how fast the canned queries answer on the largest database.
//!
//! Run: `cargo bench --bench ingest` (sizes with `-- --sizes 10000,50000,100000`,
//! format with `--format jsonl|files|both`, repetitions with `--runs N` for
//! each floor-and-kb pair and `--query-runs N` for each canned query). The
//! machine this was built on is shared and its speed moves by a third for
//! tens of seconds at a time, so one run says little: the floor and kb run
//! alternately, each kb run right after its floor, and the ratio printed is
//! the median of the pairs' ratios (a pair mostly runs in one state of the
//! machine), with their range; times are medians. Beside the wall times it
//! prints the CPU time of kb's threads and the kb/floor ratio that CPU time
//! would give with every core busy all the time: how much of the distance to
//! the floor is work rather than waiting. Corpora come from the shared
//! generator `../shared/bench/make-corpus` (or `KB_MAKE_CORPUS`), written to a
//! temporary folder and removed afterwards.

use rusqlite::{params, Connection};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

// The floor runs in this process on the allocator kb's binary uses (see
// src/main.rs), so that kb / floor compares the work done, not allocators.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Options {
    sizes: Vec<usize>,
    formats: Vec<&'static str>,
    keep: Option<PathBuf>,
    runs: usize,
    query_runs: usize,
}

fn options() -> Options {
    let mut o = Options { sizes: vec![10_000, 20_000, 50_000, 100_000], formats: vec!["jsonl"], keep: None, runs: 3, query_runs: 5 };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--sizes" => {
                i += 1;
                o.sizes = args[i].split(',').map(|s| s.trim().parse().expect("--sizes takes numbers")).collect();
            }
            "--format" => {
                i += 1;
                o.formats = match args[i].as_str() {
                    "jsonl" => vec!["jsonl"],
                    "files" => vec!["files"],
                    "both" => vec!["jsonl", "files"],
                    other => panic!("--format jsonl|files|both, not {other}"),
                };
            }
            "--runs" | "--query-runs" => {
                let n: usize = args[i + 1].parse().expect("--runs and --query-runs take a number");
                assert!(n > 0, "{} takes a number above 0", args[i]);
                if args[i] == "--runs" {
                    o.runs = n;
                } else {
                    o.query_runs = n;
                }
                i += 1;
            }
            "--keep" => {
                i += 1;
                o.keep = Some(PathBuf::from(&args[i]));
            }
            _ => {} // cargo bench passes --bench
        }
        i += 1;
    }
    o
}

fn make_corpus_script() -> PathBuf {
    if let Ok(p) = std::env::var("KB_MAKE_CORPUS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-corpus")
}

/// What one run of kb took: wall time, CPU time of all its threads (user
/// and system), and its own peak resident set in MB.
struct Measured {
    wall: Duration,
    cpu: f64,
    rss_mb: f64,
}

/// Runs a command to its end and returns what it took, its exit status and
/// its standard error (wait4 reports the rusage of that one child).
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives its rusage
fn run_measured(cmd: &mut Command) -> (Measured, i32, String) {
    let t = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("command runs");
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let mut status: libc::c_int = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let elapsed = t.elapsed();
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    let cpu = timeval_secs(usage.ru_utime) + timeval_secs(usage.ru_stime);
    (Measured { wall: elapsed, cpu, rss_mb: usage.ru_maxrss as f64 / 1024.0 }, code, err)
}

fn timeval_secs(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

fn floor(jsonl: &Path, db: &Path) -> Duration {
    let t = Instant::now();
    let conn = Connection::open(db).unwrap();
    // the page size kb gives a new file (src/db.rs), set as kb sets it
    conn.pragma_update(None, "page_size", kb::db::PAGE_SIZE).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT NOT NULL, content_sha256 TEXT NOT NULL UNIQUE,
           outlet TEXT, title TEXT, url TEXT, published_on TEXT, body TEXT NOT NULL, ingested_at TEXT NOT NULL);
         -- the same full-text index kb keeps (migrations/V3__workbench.sql)
         CREATE VIRTUAL TABLE sources_fts USING fts5(title, body, content = 'sources', content_rowid = 'id',
           tokenize = 'unicode61 remove_diacritics 2');
         -- merged, flushed and paged as kb's (migrations/V12__fts_merge_wider.sql,
         -- V18__fts_larger_pending.sql)
         INSERT INTO sources_fts (sources_fts, rank) VALUES ('automerge', 16);
         INSERT INTO sources_fts (sources_fts, rank) VALUES ('hashsize', 16777216);
         INSERT INTO sources_fts (sources_fts, rank) VALUES ('pgsz', 16000);",
    )
    .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO sources (path, content_sha256, outlet, title, url, published_on, body, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .unwrap();
        let f = BufReader::new(std::fs::File::open(jsonl).unwrap());
        for (i, line) in f.lines().enumerate() {
            let line = line.unwrap();
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            let text = v["text"].as_str().unwrap();
            // the floor also hashes the text, as any idempotent loader must
            let hash = kb::article::sha256_hex(text);
            stmt.execute(params![
                format!("corpus.jsonl:{}", i + 1),
                hash,
                v["outlet"].as_str(),
                v["title"].as_str(),
                v["url"].as_str(),
                v["published"].as_str(),
                text,
                "2026-01-01T00:00:00Z"
            ])
            .unwrap();
        }
    }
    // indexed as kb indexes a batch: one statement after the rows, which is
    // faster than a trigger (FTS5 writes a segment at every statement savepoint)
    tx.execute_batch("INSERT INTO sources_fts (rowid, title, body) SELECT id, title, body FROM sources ORDER BY id").unwrap();
    tx.commit().unwrap();
    // Closing copies the log into the file, as kb's own close does inside
    // its timing.
    drop(conn);
    t.elapsed()
}

/// Writes a corpus of `n` articles to `out` in `format` with the shared
/// generator, unless a corpus is there already (kept with `--keep`).
fn generate(script: &Path, n: usize, out: &Path, format: &str) {
    if out.exists() {
        return;
    }
    let st = Command::new("python3")
        .arg(script)
        .args(["--articles", &n.to_string(), "--out"])
        .arg(out)
        .args(["--format", format])
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs the generator");
    assert!(st.success(), "the generator failed for {}", out.display());
}

fn dir_size(p: &Path) -> u64 {
    if p.is_file() {
        return p.metadata().map(|m| m.len()).unwrap_or(0);
    }
    std::fs::read_dir(p).map(|rd| rd.filter_map(|e| e.ok()).map(|e| dir_size(&e.path())).sum()).unwrap_or(0)
}

fn main() {
    let opts = options();
    let kb = PathBuf::from(env!("CARGO_BIN_EXE_kb"));
    let script = make_corpus_script();
    if !script.exists() {
        eprintln!("bench: no corpus generator at {} (set KB_MAKE_CORPUS)", script.display());
        std::process::exit(2);
    }
    let tmp = tempfile::tempdir().unwrap();
    let work = opts.keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&work).unwrap();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("machine: {cores} cores; kb {}", env!("CARGO_PKG_VERSION"));
    println!(
        "{} floor-then-kb pairs a size, {} runs a query; times are medians, kb/floor the median of the pairs' ratios",
        opts.runs, opts.query_runs
    );
    println!(
        "kb cpu: CPU time of all kb's threads; all busy: the kb/floor ratio that CPU time would give with every core busy throughout (kb cpu / {cores} / floor)"
    );
    println!(
        "{:<6} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>13} {:>8} {:>8} {:>10}",
        "format",
        "articles",
        "MB",
        "floor s",
        "kb s",
        "floor a/s",
        "kb a/s",
        "fl MB/s",
        "kb MB/s",
        "kb/floor",
        "pairs' range",
        "kb cpu",
        "all busy",
        "peak RSS"
    );
    let mut last_db: Option<PathBuf> = None;
    for &n in &opts.sizes {
        for &format in &opts.formats {
            let input = if format == "jsonl" { work.join(format!("corpus-{n}.jsonl")) } else { work.join(format!("corpus-{n}")) };
            generate(&script, n, &input, format);
            // the floor reads JSON Lines whatever kb reads
            let jsonl = work.join(format!("corpus-{n}.jsonl"));
            generate(&script, n, &jsonl, "jsonl");
            let mb = dir_size(&input) as f64 / 1e6;
            let floor_db = work.join(format!("floor-{n}-{format}.db"));
            let kb_db = work.join(format!("kb-{n}-{format}.db"));
            let (mut floors, mut kbs, mut ratios, mut rss) = (Vec::new(), Vec::new(), Vec::new(), 0f64);
            let (mut cpus, mut bounds) = (Vec::new(), Vec::new());
            for _ in 0..opts.runs {
                let _ = std::fs::remove_file(&floor_db);
                let floor_t = floor(&jsonl, &floor_db).as_secs_f64();
                let _ = std::fs::remove_file(&floor_db);
                for ext in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{ext}", kb_db.display()));
                }
                let (run, code, err) =
                    run_measured(Command::new(&kb).args(["ingest", "--quiet", "--db"]).arg(&kb_db).arg(&input));
                assert!(code == 0, "kb ingest failed ({code}): {err}");
                let kb_t = run.wall.as_secs_f64();
                floors.push(floor_t);
                kbs.push(kb_t);
                ratios.push(kb_t / floor_t);
                cpus.push(run.cpu);
                bounds.push(run.cpu / cores as f64 / floor_t);
                rss = rss.max(run.rss_mb);
            }
            let (floor_t, kb_t, ratio) = (median(&mut floors), median(&mut kbs), median(&mut ratios));
            let (cpu, bound) = (median(&mut cpus), median(&mut bounds));
            println!(
                "{:<6} {:>8} {:>8.1} {:>8.2} {:>8.2} {:>9.0} {:>9.0} {:>8.1} {:>8.1} {:>8.2} {:>13} {:>8.2} {:>8.2} {:>7.0} MB",
                format,
                n,
                mb,
                floor_t,
                kb_t,
                n as f64 / floor_t,
                n as f64 / kb_t,
                mb / floor_t,
                mb / kb_t,
                ratio,
                format!("{:.2}-{:.2}", ratios[0], ratios[ratios.len() - 1]),
                cpu,
                bound,
                rss
            );
            last_db = Some(kb_db);
        }
    }
    let Some(db) = last_db else { return };
    println!("\ncanned queries on {} ({} articles)", db.display(), opts.sizes.last().unwrap());
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10} {:>8}",
        "query", "first row", "total", "rows/s", "best r/s", "rows"
    );
    let list = Command::new(&kb).args(["query", "--list", "--format", "csv", "--db"]).arg(&db).output().unwrap();
    let names: Vec<(String, bool)> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(l.as_bytes());
            let rec = r.records().next()?.ok()?;
            let name = rec.get(0)?.to_string();
            let params = rec.get(2).unwrap_or("").to_string();
            Some((name, params.is_empty()))
        })
        .collect();
    for (name, parameterless) in names {
        let param = match name.as_str() {
            _ if parameterless => None,
            "mentions of" => Some("name=Mohammed Shia al-Sudani"),
            "events at base" => Some("base=Ain al-Asad Air Base"),
            _ => continue,
        };
        let (mut firsts, mut totals, mut rows) = (Vec::new(), Vec::new(), 0);
        for _ in 0..opts.query_runs {
            let (first, total, n) = time_query(&kb, &db, &name, param);
            firsts.push(first);
            totals.push(total);
            rows = n;
        }
        let (first, total) = (median(&mut firsts), median(&mut totals));
        println!(
            "{:<22} {:>8.1}ms {:>8.1}ms {:>10.0} {:>10.0} {:>8}",
            name,
            first * 1e3,
            total * 1e3,
            rows as f64 / total,
            rows as f64 / totals[0],
            rows
        );
    }
}

/// The middle value (the lower of the two middle ones for an even count);
/// sorts `xs`, so that its first and last are the least and the most.
fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[(xs.len() - 1) / 2]
}

/// Runs one canned query with its output to a pipe, read as it comes:
/// seconds to the first row, seconds to the end, and the rows (CSV lines
/// after the header).
fn time_query(kb: &Path, db: &Path, name: &str, param: Option<&str>) -> (f64, f64, usize) {
    let mut cmd = Command::new(kb);
    cmd.args(["query", name, "--format", "csv", "--db"]).arg(db);
    if let Some(p) = param {
        cmd.args(["-p", p]);
    }
    let t = Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut buf = [0u8; 65536];
    let mut newlines = 0usize;
    let mut first: Option<Duration> = None;
    loop {
        let k = out.read(&mut buf).unwrap();
        if k == 0 {
            break;
        }
        newlines += buf[..k].iter().filter(|&&b| b == b'\n').count();
        if first.is_none() && newlines >= 2 {
            first = Some(t.elapsed());
        }
    }
    assert!(child.wait().unwrap().success(), "kb query {name:?} failed");
    let total = t.elapsed();
    (first.unwrap_or(total).as_secs_f64(), total.as_secs_f64(), newlines.saturating_sub(1))
}
