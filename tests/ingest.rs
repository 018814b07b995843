//! Ingest through the real binary: inputs of every kind, idempotence,
//! bad inputs in a mixed batch, and the database invariants.

mod common;
use common::*;
use std::fs;

#[test]
fn ingests_the_bundled_corpus_by_default_and_skips_it_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for e in fs::read_dir(common::corpus()).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    let first = run_in(dir.path(), &["ingest"]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    assert!(first.stdout.starts_with("5 articles added, 0 skipped (already stored), 0 rejected\n"), "{}", first.stdout);
    let db = dir.path().join("kb.db");
    assert_eq!(count(&db, "SELECT count(*) FROM sources"), 5);
    // corpus/README.md documents the folder and is not an article
    assert_eq!(count(&db, "SELECT count(*) FROM sources WHERE path LIKE '%README%'"), 0);
    assert_eq!(
        count(&db, "SELECT count(*) FROM sources WHERE path = 'corpus/001_d1dad8ba81df5b04.txt' AND outlet = 'Rudaw' AND published_on = '2024-02-11'"),
        1
    );
    let before = fs::read(&db).unwrap().len();
    let second = run_in(dir.path(), &["ingest"]);
    assert_eq!(second.status, 0, "{}", second.stderr);
    assert!(second.stdout.starts_with("0 articles added, 5 skipped (already stored), 0 rejected\n"), "{}", second.stdout);
    assert_eq!(count(&db, "SELECT count(*) FROM sources"), 5);
    assert!(fs::read(&db).unwrap().len() >= before);
}

#[test]
fn db_flag_goes_before_or_after_the_subcommand_and_env_sets_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = run_in(dir.path(), &["--db", "a.db", "ingest", common::corpus().to_str().unwrap()]);
    assert_eq!(a.status, 0, "{}", a.stderr);
    let b = run_in(dir.path(), &["ingest", "--db", "b.db", common::corpus().to_str().unwrap()]);
    assert_eq!(b.status, 0, "{}", b.stderr);
    let c = kb()
        .current_dir(dir.path())
        .env("KB_DB", "c.db")
        .args(["ingest", common::corpus().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(c.status.success());
    for name in ["a.db", "b.db", "c.db"] {
        assert_eq!(count(&dir.path().join(name), "SELECT count(*) FROM sources"), 5, "{name}");
    }
    assert!(!dir.path().join("kb.db").exists());
}

#[test]
fn the_database_keeps_its_invariants() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db");
    let r = run_in(dir.path(), &["ingest", common::corpus().to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let conn = open(&db);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // every mention slices exactly its surface out of the body (characters)
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions m JOIN sources s ON s.id = m.source_id WHERE substr(s.body, m.start + 1, m.\"end\" - m.start) != m.surface",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // every event report is a substring of its source's body
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM event_sources es JOIN sources s ON s.id = es.source_id WHERE instr(s.body, es.sentence) = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // every mention and event entity points at a row of its table
    for (etype, table) in [("person", "people"), ("organization", "organizations"), ("base", "bases")] {
        for t in ["mentions", "event_entities", "aliases"] {
            let dangling = count(
                &db,
                &format!("SELECT count(*) FROM {t} x WHERE x.entity_type = '{etype}' AND x.entity_id NOT IN (SELECT id FROM {table})"),
            );
            assert_eq!(dangling, 0, "{t} -> {table}");
        }
    }
}

#[test]
fn json_lines_and_stdin_are_read_with_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    fs::write(
        &feed,
        concat!(
            r#"{"text": "Iraq and the United States held talks in Baghdad on Sunday.", "outlet": "Wire", "published": "2024-02-11", "title": "Talks"}"#,
            "\n\n",
            r#"{"text": "A second report of the talks, filed on Monday."}"#,
            "\n"
        ),
    )
    .unwrap();
    let r = run_in(dir.path(), &["ingest", "feed.jsonl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let db = dir.path().join("kb.db");
    let conn = open(&db);
    let rows: Vec<(String, Option<String>, Option<String>)> = conn
        .prepare("SELECT path, outlet, published_on FROM sources ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        vec![
            ("feed.jsonl:1".to_string(), Some("Wire".to_string()), Some("2024-02-11".to_string())),
            ("feed.jsonl:3".to_string(), None, None),
        ]
    );
    let r = run_with_stdin(dir.path(), &["ingest", "-", "--outlet", "Desk", "--published", "2024-03-01"], b"A story read from standard input.\n");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(count(&db, "SELECT count(*) FROM sources WHERE path = '-' AND outlet = 'Desk' AND published_on = '2024-03-01'"), 1);
    let r = run_with_stdin(dir.path(), &["ingest", "-"], b"{\"text\": \"First line of a piped feed.\"}\n{\"text\": \"Second line of a piped feed.\"}\n");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(count(&db, "SELECT count(*) FROM sources WHERE path IN ('-:1', '-:2')"), 2);
}

#[test]
fn a_mixed_batch_lands_the_good_articles_and_names_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    fs::create_dir(&inbox).unwrap();
    fs::write(inbox.join("a_good.txt"), "---\ntitle: Good\npublished: 2024-02-11\n---\nThe commission met in Baghdad on Sunday.\n").unwrap();
    fs::write(inbox.join("b_empty.txt"), "").unwrap();
    fs::write(inbox.join("c_binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(inbox.join("d_latin1.txt"), b"Caf\xe9 owners in Erbil said the talks went well.\n").unwrap();
    fs::write(inbox.join("e_unclosed.txt"), "---\ntitle: Never closed\nBody text.\n").unwrap();
    fs::write(inbox.join("f_baddate.txt"), "---\npublished: 2024-13-45\n---\nBody text.\n").unwrap();
    fs::write(
        inbox.join("g_feed.jsonl"),
        "{\"text\": \"A good line from the feed.\"}\n{\"text\": broken\n{\"title\": \"no text\"}\n",
    )
    .unwrap();
    fs::write(inbox.join("h_big.txt"), "word ".repeat(3000)).unwrap();
    fs::write(inbox.join("README.md"), "This folder is a test inbox.\n").unwrap();
    let r = run_in(dir.path(), &["ingest", "inbox", "missing.txt", "--max-size", "10000"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines,
        vec![
            "kb: inbox/b_empty.txt: empty article (no text after front matter and clean-up)",
            "kb: inbox/c_binary.txt: binary data (NUL bytes), not text",
            "kb: warning: inbox/d_latin1.txt: not UTF-8; decoded as Windows-1252",
            "kb: inbox/e_unclosed.txt: front matter never closed (no second `---` line)",
            "kb: inbox/f_baddate.txt: front matter: published date \"2024-13-45\" is not a real day",
            "kb: inbox/g_feed.jsonl:2: invalid JSON: expected value at line 1 column 10",
            "kb: inbox/g_feed.jsonl:3: no `text` field",
            "kb: inbox/h_big.txt: larger than the maximum article size of 10000 bytes (see --max-size)",
            "kb: missing.txt: no such file or folder",
        ]
    );
    let db = dir.path().join("kb.db");
    let paths: Vec<String> = open(&db)
        .prepare("SELECT path FROM sources ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(paths, vec!["inbox/a_good.txt", "inbox/d_latin1.txt", "inbox/g_feed.jsonl:1"]);
    let latin: String =
        open(&db).query_row("SELECT body FROM sources WHERE path = 'inbox/d_latin1.txt'", [], |r| r.get(0)).unwrap();
    assert_eq!(latin, "Café owners in Erbil said the talks went well.");
    assert!(r.stdout.starts_with("3 articles added, 0 skipped (already stored), 8 rejected\n"), "{}", r.stdout);
}

#[test]
fn a_batch_where_everything_is_known_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "A short story about talks.\n").unwrap();
    fs::write(dir.path().join("b.txt"), "A short   story about talks.\r\n").unwrap();
    let r = run_in(dir.path(), &["ingest", "a.txt", "b.txt"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("1 article added, 1 skipped (already stored), 0 rejected\n"), "{}", r.stdout);
    let r = run_in(dir.path(), &["ingest", "a.txt"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["ingest", "--no-such-flag"]);
    assert_eq!(r.status, 2);
    let r = run_in(dir.path(), &["ingest", "--published", "yesterday", "x.txt"]);
    assert_eq!(r.status, 2);
    assert!(!dir.path().join("kb.db").exists());
}

/// The exact rows the bundled corpus gives. A change to extraction that
/// moves these numbers must say so here, on purpose.
#[test]
fn the_bundled_corpus_gives_exactly_these_rows() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["ingest", common::corpus().to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let db = dir.path().join("kb.db");
    let got = [
        count(&db, "SELECT count(*) FROM sources"),
        count(&db, "SELECT count(*) FROM mentions"),
        count(&db, "SELECT count(DISTINCT entity_type || entity_id) FROM mentions"),
        count(&db, "SELECT count(*) FROM events"),
        count(&db, "SELECT count(*) FROM event_sources"),
        count(&db, "SELECT count(*) FROM events WHERE kind IN ('attack', 'strike')"),
    ];
    assert_eq!(got, [5, 158, 41, 49, 50, 8], "sources, mentions, entities mentioned, events, reports, attacks+strikes");
    assert_eq!(
        r.stdout,
        "5 articles added, 0 skipped (already stored), 0 rejected\nnow 10 people, 26 organizations, 5 bases mentioned (+10, +26, +5); 158 mentions and 50 event reports added (49 new, 1 merged into known events)\n"
    );
}
