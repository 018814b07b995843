//! Nothing lost, nothing let in: a killed ingest leaves only whole
//! articles, two writers and a reader share one database, and a database
//! from a newer kb is refused.

mod common;
use common::*;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// Writes `n` distinct news-like articles as JSON Lines.
fn synthetic_feed(path: &Path, n: usize, salt: &str) {
    let bases = ["Ain al-Asad Air Base", "Harir Air Base", "al-Tanf garrison", "Erbil air base"];
    let groups = ["Kataib Hezbollah", "the Islamic Resistance in Iraq", "Harakat al-Nujaba"];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let mut out = String::new();
    for i in 0..n {
        let text = format!(
            "Report {salt}-{i}. Drones attacked {} on {}, the Pentagon said. {} claimed the attack, which wounded {} soldiers.\nPrime Minister Mohammed Shia al-Sudani met US officials in Baghdad to discuss the coalition's future.",
            bases[i % bases.len()],
            days[i % days.len()],
            groups[i % groups.len()],
            i % 9 + 2
        );
        let line = serde_json::json!({
            "text": text,
            "outlet": "Wire",
            "published": format!("2024-02-{:02}", i % 28 + 1),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    fs::write(path, out).unwrap();
}

fn per_source(db: &Path) -> Vec<(String, i64, i64)> {
    open(db)
        .prepare(
            "SELECT s.path,
                    (SELECT count(*) FROM mentions m WHERE m.source_id = s.id),
                    (SELECT count(*) FROM event_sources e WHERE e.source_id = s.id)
             FROM sources s ORDER BY s.path",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_killed_ingest_leaves_whole_articles_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let n = 1500;
    synthetic_feed(&feed, n, "crash");
    // what a clean run stores, article by article
    let clean = dir.path().join("clean.db");
    let r = run_in(dir.path(), &["ingest", "--quiet", "--db", "clean.db", "feed.jsonl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let expected = per_source(&clean);
    assert_eq!(expected.len(), n);
    assert!(expected.iter().all(|(_, m, _)| *m > 0), "the synthetic articles name known entities");

    let db = dir.path().join("killed.db");
    let mut child = kb()
        .current_dir(dir.path())
        .args(["ingest", "--quiet", "--batch", "50", "--db", "killed.db", "feed.jsonl"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // kill it once some batches are in, but before the end
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = if db.exists() {
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| c.query_row("SELECT count(*) FROM sources", [], |r| r.get::<_, i64>(0)))
                .unwrap_or(0)
        } else {
            0
        };
        if stored >= 100 || Instant::now() > deadline {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let conn = open(&db);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let got = per_source(&db);
    assert!(!got.is_empty() && got.len() < n, "killed after {} articles", got.len());
    // only whole batches, and each stored article has all its mentions and events
    assert_eq!(got.len() % 50, 0, "{} articles is not a whole number of batches", got.len());
    let by_path: std::collections::HashMap<_, _> = expected.iter().map(|(p, m, e)| (p.clone(), (*m, *e))).collect();
    for (path, m, e) in &got {
        assert_eq!(by_path[path], (*m, *e), "{path}");
    }
    // the triggers every other writer relies on are all there, as they were
    assert_eq!(schema(&db), schema(&clean));
    drop(conn);
    let r = run_in(dir.path(), &["ingest", "--db", "killed.db", "feed.jsonl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(per_source(&db), expected);
    // and the running totals are those of the run that was not killed
    for t in ["entity_counts", "event_counts", "kind_sources", "kind_counts"] {
        assert_eq!(table(&db, t), table(&clean, t), "{t}");
    }
}

fn schema(db: &Path) -> Vec<(String, String)> {
    open(db)
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every row of a summary table, as text.
fn table(db: &Path, t: &str) -> Vec<String> {
    let conn = open(db);
    let cols: String =
        conn.query_row("SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') FROM pragma_table_info(?1)", [t], |r| r.get(0)).unwrap();
    let mut stmt = conn.prepare(&format!("SELECT {cols} FROM {t} ORDER BY 1")).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    rows
}

#[test]
fn two_ingests_at_once_both_succeed_and_a_query_answers_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    synthetic_feed(&dir.path().join("a.jsonl"), 800, "a");
    synthetic_feed(&dir.path().join("b.jsonl"), 800, "b");
    // create the database first so both writers find it migrated
    let r = run_in(dir.path(), &["ingest", "--quiet", "--db", "shared.db", &common::corpus().display().to_string()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let spawn = |feed: &str| {
        kb().current_dir(dir.path())
            .args(["ingest", "--quiet", "--batch", "20", "--db", "shared.db", feed])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn("a.jsonl");
    let b = spawn("b.jsonl");
    std::thread::sleep(Duration::from_millis(100));
    let q = run_in(dir.path(), &["query", "--db", "shared.db", "--format", "csv", "SELECT count(*) >= 5 AS ok FROM sources"]);
    assert_eq!(q.status, 0, "{}", q.stderr);
    assert_eq!(q.stdout, "ok\n1\n");
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert_eq!(count(&dir.path().join("shared.db"), "SELECT count(*) FROM sources"), 1605);
    let ok: String = open(&dir.path().join("shared.db")).query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_database_from_a_newer_kb_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["ingest", "--quiet", &common::corpus().display().to_string()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let db = dir.path().join("kb.db");
    open(&db)
        .execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (99, 'future', '2030-01-01', '0')",
            [],
        )
        .unwrap();
    let before = fs::read(&db).unwrap();
    for args in [vec!["ingest", "--quiet"], vec!["query", "SELECT 1"]] {
        let r = run_in(dir.path(), &args);
        assert_eq!(r.status, 1, "{args:?}");
        let line = r.stderr.trim_end();
        assert!(!line.contains('\n'), "one line: {line}");
        assert!(line.starts_with("kb: kb.db: the database has schema version 99, newer than this kb understands (version "), "{line}");
    }
    assert_eq!(fs::read(&db).unwrap(), before);
}
