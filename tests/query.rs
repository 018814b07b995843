//! `kb query` through the real binary on a small knowledge base built here:
//! canned names, parameters, formats, refusals, views and pipes.

use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const KB: &str = env!("CARGO_BIN_EXE_kb");

const BODY_A: &str = "Three rockets struck Ain al-Asad air base in western Iraq on Saturday, officials said. \
Ali Hassan, a spokesman for the Islamic Resistance in Iraq, said the group fired them. \
The group has carried out about 150 attacks on US forces since October, he added.";
const BODY_B: &str = "The US-led coalition said a rocket attack on Ain al-Asad caused no casualties. \
Talks on the future of the coalition resumed in Baghdad.";
const BODY_C: &str = "A drone attack on Al-Harir base in Erbil killed one contractor, the coalition said. \
More than 20 attacks hit US forces in February.";

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn offset(body: &str, surface: &str, nth: usize) -> (i64, i64) {
    let (byte, _) = body.match_indices(surface).nth(nth).unwrap_or_else(|| panic!("{surface:?} not in body"));
    let start = body[..byte].chars().count() as i64;
    (start, start + surface.chars().count() as i64)
}

fn sentence_of<'a>(body: &'a str, words: &str) -> (&'a str, i64, i64) {
    let byte = body.find(words).unwrap();
    let start = body[..byte].rfind(". ").map(|i| i + 2).unwrap_or(0);
    let end = body[byte..].find(". ").map(|i| byte + i + 1).unwrap_or(body.len());
    let s = &body[start..end];
    (s, body[..start].chars().count() as i64, body[..end].chars().count() as i64)
}

fn build() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db");
    let (conn, _) = kb::db::open_rw(&db).unwrap();
    let src = |path: &str, sha: &str, outlet: Option<&str>, title: &str, published: Option<&str>, body: &str| -> i64 {
        conn.execute(
            "INSERT INTO sources (path, content_sha256, outlet, title, published_on, body, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2026-01-01T00:00:00Z')",
            params![path, sha, outlet, title, published, body],
        )
        .unwrap();
        conn.last_insert_rowid()
    };
    let a = src("a.md", "sha-a", Some("Example Wire"), "Rockets hit Ain al-Asad", Some("2024-01-22"), BODY_A);
    let b = src("b.md", "sha-b", Some("Sample Daily"), "Coalition talks resume", Some("2024-02-10"), BODY_B);
    let c = src("c.md", "sha-c", None, "Drone attack in Erbil", None, BODY_C);

    conn.execute("INSERT INTO people (id, name, role) VALUES (1, 'Ali Hassan', 'spokesman')", []).unwrap();
    conn.execute("INSERT INTO people (id, name, role) VALUES (2, 'Never Mentioned', NULL)", []).unwrap();
    conn.execute("INSERT INTO organizations (id, name, kind) VALUES (1, 'Islamic Resistance in Iraq', 'armed_group')", []).unwrap();
    conn.execute("INSERT INTO organizations (id, name, kind) VALUES (2, 'Combined Joint Task Force - Operation Inherent Resolve', 'coalition')", []).unwrap();
    conn.execute("INSERT INTO bases (id, name, country, province) VALUES (1, 'Ain al-Asad Air Base', 'Iraq', 'Anbar')", []).unwrap();
    conn.execute("INSERT INTO bases (id, name, country, province) VALUES (2, 'Al-Harir Air Base', 'Iraq', 'Erbil')", []).unwrap();
    for (t, id, alias) in [
        ("base", 1, "Ain al-Asad"),
        ("base", 1, "Al-Asad"),
        ("base", 2, "Al-Harir"),
        ("organization", 2, "US-led coalition"),
        ("organization", 2, "coalition"),
    ] {
        conn.execute("INSERT INTO aliases (entity_type, entity_id, alias) VALUES (?1, ?2, ?3)", params![t, id, alias]).unwrap();
    }
    let mention = |source: i64, body: &str, t: &str, id: i64, surface: &str, nth: usize| {
        let (s, e) = offset(body, surface, nth);
        conn.execute(
            "INSERT INTO mentions (source_id, entity_type, entity_id, surface, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![source, t, id, surface, s, e],
        )
        .unwrap();
    };
    mention(a, BODY_A, "base", 1, "Ain al-Asad", 0);
    mention(a, BODY_A, "person", 1, "Ali Hassan", 0);
    mention(a, BODY_A, "organization", 1, "Islamic Resistance in Iraq", 0);
    mention(b, BODY_B, "organization", 2, "US-led coalition", 0);
    mention(b, BODY_B, "base", 1, "Ain al-Asad", 0);
    mention(b, BODY_B, "organization", 2, "coalition", 1);
    mention(c, BODY_C, "base", 2, "Al-Harir", 0);
    mention(c, BODY_C, "organization", 2, "coalition", 0);

    let event = |id: i64, kind: &str, on: Option<&str>, precision: Option<&str>, base: Option<i64>, place: Option<&str>, killed: Option<i64>, count: Option<i64>, summary: &str| {
        conn.execute(
            "INSERT INTO events (id, kind, occurred_on, date_precision, base_id, place, killed, reported_count, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![id, kind, on, precision, base, place, killed, count, summary],
        )
        .unwrap();
    };
    event(1, "attack", Some("2024-01-20"), Some("day"), Some(1), Some("Anbar"), Some(0), None, "Rockets struck Ain al-Asad");
    event(2, "statement", Some("2024-01-20"), Some("day"), None, None, None, None, "Militia claims the rocket attack");
    event(3, "attack", None, None, None, None, None, Some(150), "About 150 attacks on US forces since October");
    event(4, "attack", Some("2024-01"), Some("month"), Some(2), Some("Erbil"), Some(1), None, "Drone attack on Al-Harir");
    event(5, "attack", Some("2024-02"), Some("month"), None, None, None, Some(20), "More than 20 attacks in February");
    event(6, "strike", Some("2024-02-03"), Some("day"), None, Some("Al-Qaim"), Some(2), None, "US strikes near Al-Qaim");
    event(7, "attack", Some("2023"), Some("year"), None, Some("Syria"), None, None, "An attack some time in 2023");
    event(8, "attack", None, None, None, Some("Iraq"), None, None, "An attack nobody dated");
    conn.execute("UPDATE events SET count_qualifier = 'about', count_period = 'since October' WHERE id = 3", []).unwrap();
    conn.execute("UPDATE events SET count_qualifier = 'more than', count_period = 'in February' WHERE id = 5", []).unwrap();
    let report = |event: i64, source: i64, body: &str, words: &str, date_text: Option<&str>| {
        let (sentence, s, e) = sentence_of(body, words);
        conn.execute(
            "INSERT INTO event_sources (event_id, source_id, sentence, date_text, sentence_start, sentence_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![event, source, sentence, date_text, s, e],
        )
        .unwrap();
    };
    report(1, a, BODY_A, "Three rockets", Some("on Saturday"));
    report(1, b, BODY_B, "a rocket attack", None);
    report(2, a, BODY_A, "said the group fired", None);
    report(3, a, BODY_A, "about 150 attacks", None);
    report(4, c, BODY_C, "A drone attack", None);
    report(5, c, BODY_C, "More than 20", Some("in February"));
    conn.execute("INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (2, 'person', 1, 'speaker')", []).unwrap();
    conn.execute("INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (1, 'organization', 1, 'actor')", []).unwrap();
    conn.execute("INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (6, 'base', 1, 'location')", []).unwrap();
    event(9, "announcement", None, None, None, None, None, None, "Coalition says no casualties");
    report(9, b, BODY_B, "caused no casualties", None);
    conn.execute("INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (9, 'organization', 2, 'actor')", []).unwrap();
    drop(conn);
    Fixture { _dir: dir, db }
}

fn kb(db: &Path, args: &[&str]) -> Output {
    Command::new(KB)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COLUMNS")
        .env_remove("KB_DB")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "status {:?}, stderr: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["-f", "json"]);
    serde_json::from_str::<serde_json::Value>(&ok(&kb(db, &all))).unwrap().as_array().unwrap().clone()
}

fn checksum(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

#[test]
fn canned_names_match_in_any_spelling() {
    let f = build();
    let first = ok(&kb(&f.db, &["query", "attacks by month", "-f", "csv"]));
    assert!(first.lines().count() > 1);
    for variant in ["attacks-by-month", "AttacksByMonth", "ATTACKS_BY_MONTH"] {
        assert_eq!(ok(&kb(&f.db, &["query", variant, "-f", "csv"])), first, "{variant}");
    }
}

#[test]
fn attacks_by_month_keeps_claims_out_of_the_event_counts() {
    let f = build();
    let text = ok(&kb(&f.db, &["query", "attacks by month", "-f", "csv"]));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["month", "attacks", "strikes", "killed", "reports", "largest_claim"]);
    let rows: Vec<Vec<String>> = r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let expect: Vec<Vec<&str>> = vec![
        vec!["2023 (month unknown)", "1", "0", "", "0", ""],
        vec!["2024-01", "2", "0", "1", "3", ""],
        vec!["2024-02", "0", "1", "2", "1", "20"],
        vec!["undated", "1", "0", "", "1", "150"],
    ];
    assert_eq!(rows, expect);
}

#[test]
fn golden_table_at_a_fixed_width() {
    let f = build();
    let text = ok(&kb(&f.db, &["query", "attacks by month", "--width", "80"]));
    let expect = "\
+----------------------+---------+---------+--------+---------+---------------+
| month                | attacks | strikes | killed | reports | largest_claim |
+=============================================================================+
| 2023 (month unknown) |       1 |       0 |        |       0 |               |
| 2024-01              |       2 |       0 |      1 |       3 |               |
| 2024-02              |       0 |       1 |      2 |       1 |            20 |
| undated              |       1 |       0 |        |       1 |           150 |
+----------------------+---------+---------+--------+---------+---------------+
";
    assert_eq!(text, expect);
}

#[test]
fn golden_table_wraps_long_text_to_the_width() {
    let f = build();
    for width in [60, 140] {
        let text = ok(&kb(&f.db, &["query", "claims", "--width", &width.to_string()]));
        assert!(text.lines().all(|l| l.chars().count() <= width), "{text}");
        if width < 140 {
            continue;
        }
        // Short values keep whole: the long sentences take the wrapping.
        for short in ["| attack ", " 150 |", "| about ", " Example Wire "] {
            assert!(text.contains(short), "{short:?} was broken in\n{text}");
        }
    }
}

#[test]
fn list_shows_every_query_with_its_parameters() {
    let f = build();
    let rows = json(&f.db, &["query", "--list"]);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    for want in ["attacks by month", "timeline", "people", "organizations", "bases", "sources", "mentions of", "events at base", "claims", "who said what"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let at_base = rows.iter().find(|r| r["name"] == "events at base").unwrap();
    assert!(at_base["parameters"].as_str().unwrap().starts_with("base:"), "{at_base}");
    assert!(at_base["view"].is_null());
    assert!(rows.iter().all(|r| !r["description"].as_str().unwrap().is_empty()));
    // The list needs no database at all.
    let none = f.db.with_file_name("absent.db");
    ok(&kb(&none, &["query", "--list", "-f", "csv"]));
    assert!(!none.exists());
}

#[test]
fn parameters_bind_names_and_aliases_case_insensitively() {
    let f = build();
    let rows = json(&f.db, &["query", "events at base", "-p", "base=ain AL-ASAD"]);
    let ids: Vec<i64> = rows.iter().map(|r| r["event_id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 6]);
    assert!(rows.iter().all(|r| r["base"] == "Ain al-Asad Air Base"));

    let rows = json(&f.db, &["query", "mentions of", "-p", "name=coalition"]);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["entity"] == "Combined Joint Task Force - Operation Inherent Resolve"));
    let first = &rows[0];
    assert_eq!(first["surface"], "US-led coalition");
    assert!(first["context"].as_str().unwrap().contains("The US-led coalition said a rocket attack"), "{first}");
    // No event report holds this one: its sentence is cut from the body.
    assert_eq!(rows[1]["context"], "Talks on the future of the coalition resumed in Baghdad.");
    assert_eq!(rows[2]["published"], serde_json::Value::Null, "undated articles come last");
}

/// A mention no report holds takes its context from the body: out to the
/// last sentence end before it and the first after it, with "..." where
/// the 200-character window cut the text. Quotes, backslashes, tabs and
/// text that reads like a JSON escape come out as written; a report's
/// sentence comes with its line breaks as spaces.
#[test]
fn a_context_cut_from_the_body_keeps_every_character() {
    let f = build();
    let filler = "word ".repeat(60);
    let body = format!(
        "Rockets fell. Then \"C:\\u0001\\x\"\tand Ali Hassan spoke {filler}and later Ali Hassan left {filler}in the end. Later Ali Hassan\nwrote."
    );
    let conn = Connection::open(&f.db).unwrap();
    conn.execute(
        "INSERT INTO sources (path, content_sha256, outlet, title, published_on, body, ingested_at) VALUES ('d.md', 'sha-d', 'Wire', 'd', '2025-01-01', ?1, '2026-01-01T00:00:00Z')",
        [&body],
    )
    .unwrap();
    let d = conn.last_insert_rowid();
    for nth in 0..3 {
        let (start, end) = offset(&body, "Ali Hassan", nth);
        conn.execute(
            "INSERT INTO mentions (source_id, entity_type, entity_id, surface, start, \"end\") VALUES (?1, 'person', 1, 'Ali Hassan', ?2, ?3)",
            params![d, start, end],
        )
        .unwrap();
    }
    let (start, _) = offset(&body, "Later Ali", 0);
    conn.execute(
        "INSERT INTO event_sources (event_id, source_id, sentence, sentence_start, sentence_end) VALUES (1, ?1, 'Later Ali Hassan\nwrote.', ?2, ?3)",
        params![d, start, start + 23],
    )
    .unwrap();
    drop(conn);
    let rows = json(&f.db, &["query", "mentions of", "-p", "name=ali hassan"]);
    let here: Vec<&str> = rows.iter().filter(|r| r["source_id"] == d).map(|r| r["context"].as_str().unwrap()).collect();
    let after = &filler[..200 - " spoke ".len()];
    assert_eq!(here, [
        format!("Then \"C:\\u0001\\x\"\tand Ali Hassan spoke {after}..."),
        format!("...{}and later Ali Hassan left {}...", &filler[filler.len() - 190..], &filler[..194]),
        "Later Ali Hassan wrote.".to_string(),
    ]);
}

#[test]
fn a_hostile_parameter_is_bound_as_text_and_changes_nothing() {
    let f = build();
    let before = checksum(&f.db);
    let hostile = "name=x'; DROP TABLE people; --";
    let rows = json(&f.db, &["query", "mentions of", "-p", hostile]);
    assert!(rows.is_empty());
    let rows = json(&f.db, &["query", "SELECT count(*) AS n FROM people WHERE name = :name", "-p", hostile]);
    assert_eq!(rows[0]["n"], 0);
    assert_eq!(checksum(&f.db), before);
    let conn = Connection::open(&f.db).unwrap();
    let people: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 2);
}

#[test]
fn a_missing_parameter_is_one_line_naming_it() {
    let f = build();
    let out = kb(&f.db, &["query", "events at base"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("kb: query \"events at base\" needs parameter base"), "{err}");
    assert!(out.stdout.is_empty());

    let out = kb(&f.db, &["query", "SELECT :who", "-p", "what=1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing parameter who"));

    let out = kb(&f.db, &["query", "people", "-p", "x=1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no parameter x"));
}

#[test]
fn every_format_parses_back() {
    let f = build();
    let sql = "SELECT id, name, role, 2.5 AS score, x'00ff' AS raw FROM people ORDER BY id";

    let text = ok(&kb(&f.db, &["query", sql, "-f", "csv"]));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["id", "name", "role", "score", "raw"]);
    let recs: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].iter().collect::<Vec<_>>(), ["1", "Ali Hassan", "spokesman", "2.5", "00ff"]);
    assert_eq!(&recs[1][2], "");

    let rows = json(&f.db, &["query", sql]);
    assert_eq!(rows[0]["id"], serde_json::json!(1));
    assert_eq!(rows[0]["score"], serde_json::json!(2.5));
    assert_eq!(rows[0]["raw"], serde_json::json!("00ff"));
    assert!(rows[1]["role"].is_null());

    let text = ok(&kb(&f.db, &["query", "SELECT name, 'a|b' AS piped FROM people ORDER BY id", "-f", "markdown"]));
    assert_eq!(text, "| name | piped |\n| --- | --- |\n| Ali Hassan | a\\|b |\n| Never Mentioned | a\\|b |\n");

    let text = ok(&kb(&f.db, &["query", sql, "--format", "table", "--width", "100"]));
    assert!(text.is_ascii() && text.contains("| Ali Hassan "), "{text}");
}

#[test]
fn a_typo_in_a_canned_name_suggests_the_right_one() {
    let f = build();
    let out = kb(&f.db, &["query", "atacks by mnth"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean \"attacks by month\""), "{err}");
}

#[test]
fn writing_and_escaping_statements_are_refused_and_the_file_is_unchanged() {
    let f = build();
    let before = checksum(&f.db);
    let outside = f.db.with_file_name("copy.db");
    let vacuum_into = format!("VACUUM INTO '{}'", outside.display());
    let attach = format!("ATTACH DATABASE '{}' AS other", outside.display());
    let statements = [
        "INSERT INTO people (name) VALUES ('Intruder')",
        "UPDATE people SET name = 'x'",
        "DELETE FROM people",
        "DROP TABLE people",
        "CREATE TABLE t (x)",
        "ALTER TABLE people ADD COLUMN x",
        attach.as_str(),
        "DETACH DATABASE main",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
        vacuum_into.as_str(),
        "SELECT load_extension('/nonexistent/x')",
        "SELECT 1; DELETE FROM people",
        "SELECT 1; SELECT 2",
        "WITH x AS (SELECT 1) DELETE FROM people",
        "/* hidden */ DELETE FROM people",
        "REPLACE INTO people (id, name) VALUES (1, 'x')",
        "BEGIN IMMEDIATE",
    ];
    let mut cases: Vec<Vec<&str>> = statements.iter().map(|s| vec!["query", *s]).collect();
    // A statement that starts with a comment must come after `--`.
    cases.push(vec!["query", "--", "-- hidden\nDELETE FROM people"]);
    for args in &cases {
        let sql = args.last().unwrap();
        let out = kb(&f.db, args);
        let err = String::from_utf8(out.stderr.clone()).unwrap();
        assert_eq!(out.status.code(), Some(1), "{sql}: {err}");
        assert_eq!(err.lines().count(), 1, "{sql}: {err}");
        assert!(err.starts_with("kb: query refused: "), "{sql}: {err}");
        assert!(out.stdout.is_empty(), "{sql}");
        assert_eq!(checksum(&f.db), before, "{sql} changed the file");
    }
    assert!(!outside.exists());
}

#[test]
fn a_missing_database_is_an_error_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nothing.db");
    for args in [&["query", "people"][..], &["query", "SELECT 1"][..]] {
        let out = kb(&db, args);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(&format!("kb: {}: no such database", db.display())), "{err}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn usage_errors_exit_2() {
    let f = build();
    assert_eq!(kb(&f.db, &["query", "people", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(kb(&f.db, &["query"]).status.code(), Some(2));
    assert_eq!(kb(&f.db, &["query", "people", "-p", "novalue"]).status.code(), Some(2));
    assert_eq!(kb(&f.db, &["query", "people", "-f", "yaml"]).status.code(), Some(2));
}

#[test]
fn every_view_returns_its_canned_query_rows() {
    let f = build();
    let conn = Connection::open(&f.db).unwrap();
    let mut views = 0;
    for q in kb::canned::all() {
        let Some(view) = q.view_name() else { continue };
        views += 1;
        // Same text: the view's body is the query file's SQL.
        let stored: String = conn
            .query_row("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?1", [&view], |r| r.get(0))
            .unwrap_or_else(|_| panic!("no view {view} for \"{}\"", q.name));
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let stored = squash(&stored);
        let body = stored.split_once(" AS ").map(|(_, b)| b.to_string()).unwrap();
        assert_eq!(body, squash(&q.body()), "{view} is out of step with {}", q.file);
        // Same rows, through kb.
        let canned = json(&f.db, &["query", &q.name]);
        let through_view = json(&f.db, &["query", &format!("SELECT * FROM {view}")]);
        assert_eq!(canned, through_view, "{view}");
    }
    assert!(views >= 5);
    let count: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'view'", [], |r| r.get(0)).unwrap();
    assert_eq!(count, views, "a view without a canned query");
}

#[test]
fn every_canned_query_runs_on_the_fixture() {
    let f = build();
    for q in kb::canned::all() {
        let mut args = vec!["query".to_string(), q.name.clone()];
        for p in &q.params {
            args.push("-p".into());
            args.push(format!("{}={}", p.name, if p.name == "source" { "1" } else { "Ain al-Asad" }));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let rows = json(&f.db, &args);
        assert!(!rows.is_empty(), "\"{}\" returned no rows on the fixture", q.name);
    }
}

#[test]
fn people_lists_only_the_mentioned_with_counts() {
    let f = build();
    let rows = json(&f.db, &["query", "people"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["name"], "Ali Hassan");
    assert_eq!(rows[0]["mentions"], 1);
    assert_eq!(rows[0]["events"], 1);
    let rows = json(&f.db, &["query", "who said what"]);
    assert_eq!(rows[0]["speaker"], "Ali Hassan");
    assert!(rows[0]["words"].as_str().unwrap().contains("said the group fired them"));
    // Without a speaker, the one who announced it; dated by its article.
    assert_eq!(rows[1]["speaker"], "Combined Joint Task Force - Operation Inherent Resolve");
    assert_eq!(rows[1]["published"], "2024-02-10");
}

#[test]
fn a_closed_pipe_ends_quietly_and_the_first_row_comes_before_the_last() {
    let f = build();
    let sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT i, 'row ' || i AS label FROM n";
    for format in ["csv", "json", "markdown"] {
        let mut child = Command::new(KB)
            .arg("--db")
            .arg(&f.db)
            .args(["query", sql, "-f", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        let started = Instant::now();
        let n = stdout.read(&mut first).unwrap();
        assert!(n > 0);
        // Five million rows take far longer than this; the first must not wait for them.
        assert!(started.elapsed() < Duration::from_secs(5), "{format}: first bytes after {:?}", started.elapsed());
        assert!(child.try_wait().unwrap().is_none(), "{format}: finished before its first row was read");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

mod embedded {
    refinery::embed_migrations!("migrations");
}

#[test]
fn views_appear_when_a_first_version_database_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    let mut conn = Connection::open(&db).unwrap();
    embedded::migrations::runner().set_target(refinery::Target::Version(1)).run(&mut conn).unwrap();
    conn.execute(
        "INSERT INTO sources (id, path, content_sha256, body, ingested_at) VALUES (1, 'old.md', 'sha-old', 'A rocket hit the base.', '2026-01-01')",
        [],
    )
    .unwrap();
    conn.execute("INSERT INTO events (id, kind, occurred_on, date_precision, summary) VALUES (1, 'attack', '2024-03-05', 'day', 'A rocket hit the base')", []).unwrap();
    conn.execute("INSERT INTO event_sources (event_id, source_id, sentence) VALUES (1, 1, 'A rocket hit the base.')", []).unwrap();
    drop(conn);

    let out = kb(&db, &["query", "timeline"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("older"), "{}", String::from_utf8_lossy(&out.stderr));

    drop(kb::db::open_rw(&db).unwrap());
    let rows = json(&db, &["query", "SELECT * FROM v_attacks_by_month"]);
    assert_eq!(rows, vec![serde_json::json!({"month": "2024-03", "attacks": 1, "strikes": 0, "killed": null, "reports": 1, "largest_claim": null})]);
}

#[test]
fn columns_in_the_environment_sets_the_table_width() {
    let f = build();
    let out = Command::new(KB).arg("--db").arg(&f.db).args(["query", "claims"]).env("COLUMNS", "90").env_remove("KB_DB").output().unwrap();
    let text = ok(&out);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 90 && widest > 80, "widest line {widest}:\n{text}");
    // --width wins over COLUMNS.
    let out = Command::new(KB).arg("--db").arg(&f.db).args(["query", "claims", "--width", "70"]).env("COLUMNS", "90").output().unwrap();
    assert!(ok(&out).lines().all(|l| l.chars().count() <= 70));
}

#[test]
fn who_said_what_puts_what_has_no_date_at_all_after_the_latest_dated_words() {
    let f = build();
    let conn = Connection::open(&f.db).unwrap();
    let (c_words, c_start, c_end) = sentence_of(BODY_C, "the coalition said");
    let (a_words, a_start, a_end) = sentence_of(BODY_A, "he added");
    // no event date, and its article (c) has none either
    conn.execute("INSERT INTO events (id, kind, summary) VALUES (10, 'statement', 'Coalition on the Erbil drone')", []).unwrap();
    conn.execute(
        "INSERT INTO event_sources (event_id, source_id, sentence, sentence_start, sentence_end) VALUES (10, 3, ?1, ?2, ?3)",
        params![c_words, c_start, c_end],
    )
    .unwrap();
    // dated after every other row
    conn.execute("INSERT INTO events (id, kind, occurred_on, date_precision, summary) VALUES (11, 'statement', '2025-06-01', 'day', 'A later statement')", []).unwrap();
    conn.execute(
        "INSERT INTO event_sources (event_id, source_id, sentence, sentence_start, sentence_end) VALUES (11, 1, ?1, ?2, ?3)",
        params![a_words, a_start, a_end],
    )
    .unwrap();
    drop(conn);
    let rows = json(&f.db, &["query", "who said what"]);
    let words: Vec<&str> = rows.iter().map(|r| r["words"].as_str().unwrap()).collect();
    assert_eq!(&words[words.len() - 2..], [a_words, c_words], "{words:?}");
    let ids: Vec<i64> = rows.iter().map(|r| r["event_id"].as_i64().unwrap()).collect();
    assert_eq!(&ids[ids.len() - 2..], [11, 10], "{ids:?}");
    assert_eq!(rows.last().unwrap()["date"], serde_json::Value::Null);
}
