//! Ingest throughput against the floor: how close `kb ingest` (reading,
//! normalizing, extracting, storing) comes to writing the same articles into
//! SQLite with no extraction at all, how its memory grows with the corpus,
//! and how fast the canned queries answer on the largest database.
//!
//! Run: `cargo bench --bench ingest` (sizes with `-- --sizes 10000,50000,100000`,
//! format with `--format jsonl|files|both`). Corpora come from the shared
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
}

fn options() -> Options {
    let mut o = Options { sizes: vec![10_000, 20_000, 50_000, 100_000], formats: vec!["jsonl"], keep: None };
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

/// Runs a command to its end and returns its wall time, exit status and
/// its own peak resident set in MB (wait4 reports the rusage of that one child).
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives its rusage
fn run_measured(cmd: &mut Command) -> (Duration, i32, f64, String) {
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
    (elapsed, code, usage.ru_maxrss as f64 / 1024.0, err)
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
    println!("machine: {} cores; kb {}", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1), env!("CARGO_PKG_VERSION"));
    println!(
        "{:<6} {:>8} {:>8} {:>10} {:>10} {:>10} {:>10} {:>8} {:>10}",
        "format", "articles", "MB", "floor s", "kb s", "floor a/s", "kb a/s", "kb/floor", "peak RSS"
    );
    let mut last_db: Option<PathBuf> = None;
    for &n in &opts.sizes {
        for &format in &opts.formats {
            let input = if format == "jsonl" { work.join(format!("corpus-{n}.jsonl")) } else { work.join(format!("corpus-{n}")) };
            if !input.exists() {
                let st = Command::new("python3")
                    .arg(&script)
                    .args(["--articles", &n.to_string(), "--out"])
                    .arg(&input)
                    .args(["--format", format])
                    .stdout(Stdio::null())
                    .status()
                    .expect("python3 runs the generator");
                assert!(st.success());
            }
            let jsonl = work.join(format!("corpus-{n}.jsonl"));
            if !jsonl.exists() {
                let st = Command::new("python3")
                    .arg(&script)
                    .args(["--articles", &n.to_string(), "--out"])
                    .arg(&jsonl)
                    .args(["--format", "jsonl"])
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(st.success());
            }
            let mb = dir_size(&input) as f64 / 1e6;
            let floor_db = work.join(format!("floor-{n}-{format}.db"));
            let _ = std::fs::remove_file(&floor_db);
            let floor_t = floor(&jsonl, &floor_db);
            let kb_db = work.join(format!("kb-{n}-{format}.db"));
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", kb_db.display()));
            }
            let (kb_t, code, rss, err) =
                run_measured(Command::new(&kb).args(["ingest", "--quiet", "--db"]).arg(&kb_db).arg(&input));
            assert!(code == 0, "kb ingest failed ({code}): {err}");
            println!(
                "{:<6} {:>8} {:>8.1} {:>10.2} {:>10.2} {:>10.0} {:>10.0} {:>8.2} {:>7.0} MB",
                format,
                n,
                mb,
                floor_t.as_secs_f64(),
                kb_t.as_secs_f64(),
                n as f64 / floor_t.as_secs_f64(),
                n as f64 / kb_t.as_secs_f64(),
                kb_t.as_secs_f64() / floor_t.as_secs_f64(),
                rss
            );
            let _ = std::fs::remove_file(&floor_db);
            last_db = Some(kb_db);
        }
    }
    let Some(db) = last_db else { return };
    println!("\ncanned queries on {} ({} articles)", db.display(), opts.sizes.last().unwrap());
    println!("{:<22} {:>10} {:>10} {:>12} {:>8}", "query", "first row", "total", "rows/s", "rows");
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
        let mut cmd = Command::new(&kb);
        cmd.args(["query", &name, "--format", "csv", "--db"]).arg(&db);
        if !parameterless {
            let pname = match name.as_str() {
                "mentions of" => "name=Mohammed Shia al-Sudani",
                "events at base" => "base=Ain al-Asad Air Base",
                _ => continue,
            };
            cmd.args(["-p", pname]);
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
        child.wait().unwrap();
        let total = t.elapsed();
        let rows = newlines.saturating_sub(1);
        println!(
            "{:<22} {:>8.1}ms {:>8.1}ms {:>12.0} {:>8}",
            name,
            first.unwrap_or(total).as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            rows as f64 / total.as_secs_f64(),
            rows
        );
    }
}
