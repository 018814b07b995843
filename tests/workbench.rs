//! The analyst's workbench through the binary: curation that survives a
//! reindex, forgetting an article without losing shared events, search,
//! export, schema and completions.

mod common;

use common::{count, open, run_in, Run};
use std::path::{Path, PathBuf};

/// Two reports of one attack (same kind, same day, same base), from two
/// outlets, plus names the curation tests work on.
const FIRST: &str = "---
title: Drones hit Ain al-Asad Air Base
outlet: Test Wire
published: 2024-01-21
---
Kataib Hezbollah attacked Ain al-Asad Air Base with drones on January 20, 2024, wounding two American soldiers.

Iraqi Prime Minister Mohammed Shia al-Sudani condemned the attack and called for calm.

A spokesman for Operation Inherent Resolve said talks on the withdrawal timeline would go on.
";

const SECOND: &str = "---
title: Attack on western Iraq base
outlet: Other Daily
published: 2024-01-22
---
Militants attacked Ain al-Asad Air Base in Anbar province on January 20, 2024, the Pentagon said.

CJTF-OIR said the coalition would respond at a time of its choosing.

Kita'ib Hezbollah fighters were seen near Ein al-Assad the next week.
";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("first.txt"), FIRST).unwrap();
    std::fs::write(dir.path().join("second.txt"), SECOND).unwrap();
    let db = dir.path().join("kb.db");
    let r = run_in(dir.path(), &["ingest", "first.txt", "second.txt"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    (dir, db)
}

fn ok(dir: &Path, args: &[&str]) -> Run {
    let r = run_in(dir, args);
    assert_eq!(r.status, 0, "kb {args:?} failed: {}", r.stderr);
    r
}

fn id_of(db: &Path, table: &str, name: &str) -> Option<i64> {
    use rusqlite::OptionalExtension;
    open(db).query_row(&format!("SELECT id FROM {table} WHERE name = ?1"), [name], |r| r.get(0)).optional().unwrap()
}

/// The entity a mention with this exact surface points at.
fn mention_target(db: &Path, surface: &str) -> Option<(String, i64)> {
    use rusqlite::OptionalExtension;
    open(db)
        .query_row("SELECT entity_type, entity_id FROM mentions WHERE surface = ?1 LIMIT 1", [surface], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .unwrap()
}

#[test]
fn merge_survives_a_reindex() {
    let (dir, db) = setup();
    let d = dir.path();
    let keep = id_of(&db, "organizations", "Combined Joint Task Force - Operation Inherent Resolve").unwrap();
    let drop = id_of(&db, "organizations", "Operation Inherent Resolve").unwrap();
    assert_eq!(mention_target(&db, "Operation Inherent Resolve"), Some(("organization".into(), drop)));
    // KEEP named by an alias, DROP by its canonical name
    let r = ok(d, &["merge", "CJTF-OIR", "Operation Inherent Resolve", "--by", "tester"]);
    assert!(r.stdout.contains("merged"), "{}", r.stdout);
    assert_eq!(id_of(&db, "organizations", "Operation Inherent Resolve"), None);
    assert_eq!(mention_target(&db, "Operation Inherent Resolve"), Some(("organization".into(), keep)));
    let alias_owner = |db: &Path| -> i64 {
        open(db)
            .query_row("SELECT entity_id FROM aliases WHERE entity_type = 'organization' AND alias = 'Operation Inherent Resolve'", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(alias_owner(&db), keep);
    assert_eq!(count(&db, "SELECT count(*) FROM curations WHERE action = 'merge' AND who = 'tester' AND details LIKE '%Inherent%'"), 1);

    let r = ok(d, &["reindex"]);
    assert!(r.stdout.contains("2 articles reindexed"), "{}", r.stdout);
    assert_eq!(id_of(&db, "organizations", "Operation Inherent Resolve"), None, "the reindex undid the merge");
    assert_eq!(mention_target(&db, "Operation Inherent Resolve"), Some(("organization".into(), keep)));
    assert_eq!(alias_owner(&db), keep);
    // a second merge of the same pair is refused: they are one entity now
    let r = run_in(d, &["merge", "CJTF-OIR", "Operation Inherent Resolve"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("already one entity"), "{}", r.stderr);
}

#[test]
fn analyst_aliases_from_the_cli_and_from_a_browser_are_used_by_reindex() {
    let (dir, db) = setup();
    let d = dir.path();
    let kh = id_of(&db, "organizations", "Kataib Hezbollah").unwrap();
    let base = id_of(&db, "bases", "Ain al-Asad Air Base").unwrap();
    assert_ne!(mention_target(&db, "Kita'ib Hezbollah"), Some(("organization".into(), kh)));
    assert_ne!(mention_target(&db, "Ein al-Assad"), Some(("base".into(), base)));

    ok(d, &["alias", "add", "Kataib Hezbollah", "Kita'ib Hezbollah"]);
    // what an analyst typing into a SQLite browser does: origin defaults to 'analyst'
    open(&db)
        .execute("INSERT INTO aliases (entity_type, entity_id, alias) VALUES ('base', ?1, 'Ein al-Assad')", [base])
        .unwrap();
    ok(d, &["reindex"]);
    assert_eq!(mention_target(&db, "Kita'ib Hezbollah"), Some(("organization".into(), kh)));
    assert_eq!(mention_target(&db, "Ein al-Assad"), Some(("base".into(), base)));
    assert_eq!(count(&db, "SELECT count(*) FROM aliases WHERE alias = 'Kita''ib Hezbollah' AND origin = 'analyst'"), 1);
    // a second reindex changes nothing
    let before = count(&db, "SELECT count(*) FROM mentions");
    ok(d, &["reindex"]);
    assert_eq!(count(&db, "SELECT count(*) FROM mentions"), before);
    assert_eq!(mention_target(&db, "Kita'ib Hezbollah"), Some(("organization".into(), kh)));
}

#[test]
fn rename_keeps_the_old_name_as_an_alias_and_survives_a_reindex() {
    let (dir, db) = setup();
    let d = dir.path();
    let id = id_of(&db, "people", "Mohammed Shia al-Sudani").unwrap();
    ok(d, &["rename", "Mohammed Shia al-Sudani", "Mohammed Shia' al-Sudani"]);
    assert_eq!(id_of(&db, "people", "Mohammed Shia' al-Sudani"), Some(id));
    ok(d, &["reindex"]);
    assert_eq!(id_of(&db, "people", "Mohammed Shia' al-Sudani"), Some(id));
    assert_eq!(id_of(&db, "people", "Mohammed Shia al-Sudani"), None);
    assert_eq!(mention_target(&db, "Mohammed Shia al-Sudani"), Some(("person".into(), id)));
    assert_eq!(count(&db, "SELECT count(*) FROM curations WHERE action = 'rename'"), 1);
}

#[test]
fn ambiguous_names_list_their_candidates_and_type_narrows() {
    let (dir, db) = setup();
    let d = dir.path();
    ok(d, &["alias", "add", "--type", "base", "Ain al-Asad Air Base", "al-Asad"]);
    ok(d, &["alias", "add", "--type", "person", "Bashar al-Assad", "al-Asad"]);
    let r = run_in(d, &["rename", "al-Asad", "Asad"]);
    assert_eq!(r.status, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("ambiguous"), "{}", r.stderr);
    assert!(r.stderr.contains("person") && r.stderr.contains("\"Bashar al-Assad\""), "{}", r.stderr);
    assert!(r.stderr.contains("base") && r.stderr.contains("\"Ain al-Asad Air Base\""), "{}", r.stderr);
    // --type picks one; a merge across types is refused
    let r = run_in(d, &["merge", "--type", "base", "Ain al-Asad Air Base", "Bashar al-Assad"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("no base is named"), "{}", r.stderr);
    let r = run_in(d, &["alias", "add", "nobody we know", "x"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("no entity is named"), "{}", r.stderr);
    // an alias that is already another entity's is refused
    let r = run_in(d, &["alias", "add", "Kataib Hezbollah", "Operation Inherent Resolve"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("kb merge"), "{}", r.stderr);
    assert!(id_of(&db, "bases", "Ain al-Asad Air Base").is_some());
}

#[test]
fn forget_keeps_events_another_article_reports() {
    let (dir, db) = setup();
    let d = dir.path();
    let shared = "SELECT e.id FROM events e JOIN bases b ON b.id = e.base_id
                  WHERE b.name = 'Ain al-Asad Air Base' AND e.kind = 'attack' AND e.occurred_on = '2024-01-20'";
    let event: i64 = open(&db).query_row(shared, [], |r| r.get(0)).expect("the attack is one event");
    assert_eq!(count(&db, &format!("SELECT count(DISTINCT source_id) FROM event_sources WHERE event_id = {event}")), 2);
    let second: i64 = open(&db).query_row("SELECT id FROM sources WHERE path = 'second.txt'", [], |r| r.get(0)).unwrap();

    let r = ok(d, &["forget", "second.txt"]);
    assert!(r.stdout.contains("forgot source"), "{}", r.stdout);
    assert_eq!(count(&db, "SELECT count(*) FROM sources"), 1);
    assert_eq!(count(&db, &format!("SELECT count(*) FROM events WHERE id = {event}")), 1, "the shared event was deleted");
    assert_eq!(count(&db, &format!("SELECT count(*) FROM event_sources WHERE event_id = {event}")), 1);
    for table in ["mentions", "event_sources"] {
        assert_eq!(count(&db, &format!("SELECT count(*) FROM {table} WHERE source_id = {second}")), 0);
    }
    // the search index follows the deletion
    let r = ok(d, &["search", "Militants", "-f", "csv"]);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    let r = ok(d, &["search", "--events", "Militants", "-f", "csv"]);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);

    let r = ok(d, &["forget", "1"]);
    assert!(r.stdout.contains("first.txt"), "{}", r.stdout);
    assert_eq!(count(&db, "SELECT count(*) FROM events"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM mentions"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM people WHERE origin = 'extracted'"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM organizations WHERE origin = 'extracted'"), 0);
    assert!(id_of(&db, "organizations", "Kataib Hezbollah").is_some(), "dictionary entities stay");
    let r = run_in(d, &["forget", "first.txt"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("no source"), "{}", r.stderr);
}

#[test]
fn sources_lists_the_articles() {
    let (dir, _db) = setup();
    let r = ok(dir.path(), &["sources", "-f", "csv"]);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(rd.headers().unwrap().iter().collect::<Vec<_>>(), ["id", "path", "outlet", "title", "published", "mentions", "events"]);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][1], "first.txt");
    assert_eq!(&rows[0][2], "Test Wire");
    assert_eq!(&rows[1][4], "2024-01-22");
    assert!(rows[0][5].parse::<i64>().unwrap() > 0);
}

#[test]
fn search_in_every_format() {
    let (dir, _db) = setup();
    let d = dir.path();
    let r = ok(d, &["search", "withdrawal timeline"]);
    assert!(r.stdout.contains("[withdrawal] [timeline]"), "{}", r.stdout);
    assert!(r.stdout.contains("first.txt"), "{}", r.stdout);
    assert!(!r.stdout.contains("second.txt"), "{}", r.stdout);

    let r = ok(d, &["search", "attacked", "-f", "csv"]);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(rd.headers().unwrap().iter().collect::<Vec<_>>(), ["source_id", "path", "outlet", "published", "snippet"]);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|row| row[4].contains("[attacked]")), "{rows:?}");

    let r = ok(d, &["search", "attacked", "-f", "json", "--limit", "1"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["source_id"].is_i64());
    assert!(rows[0]["published"].as_str().unwrap().starts_with("2024-01-2"));

    let r = ok(d, &["search", "Pentagon", "-f", "markdown"]);
    assert!(r.stdout.starts_with("| source_id |"), "{}", r.stdout);
    assert!(r.stdout.contains("the **Pentagon**"), "{}", r.stdout);
    assert!(r.stdout.contains("Other Daily"), "{}", r.stdout);

    // titles are searched too
    let r = ok(d, &["search", "western", "-f", "csv"]);
    assert!(r.stdout.contains("second.txt"), "{}", r.stdout);

    // events: one row per report, the whole sentence highlighted
    let r = ok(d, &["search", "--events", "attacked", "-f", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    let rows: Vec<&serde_json::Value> = rows.iter().filter(|v| v["kind"] == "attack").collect();
    assert_eq!(rows.len(), 2, "{}", r.stdout);
    assert_eq!(rows[0]["event_id"], rows[1]["event_id"], "both report one attack");
    assert_ne!(rows[0]["source_id"], rows[1]["source_id"]);
    assert!(rows.iter().all(|v| v["sentence"].as_str().unwrap().contains("[attacked] Ain al-Asad Air Base")), "{}", r.stdout);

    let r = run_in(d, &["search", "withdrawal AND"]);
    assert_eq!(r.status, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("kb: bad search query"), "{}", r.stderr);
}

#[test]
fn export_events_and_entities_parse_back() {
    let (dir, _db) = setup();
    let d = dir.path();
    let r = ok(d, &["export", "events"]);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "event_id", "date", "precision", "kind", "actors", "targets", "base", "place", "latitude", "longitude", "killed",
            "injured", "reported_count", "count_qualifier", "sources", "outlets", "first_published", "evidence", "summary"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let attack = rows
        .iter()
        .find(|r| &r[3] == "attack" && &r[6] == "Ain al-Asad Air Base" && &r[1] == "2024-01-20")
        .expect("the attack is exported");
    assert!(attack[8].parse::<f64>().unwrap() > 33.0);
    assert_eq!(&attack[14], "2");
    assert_eq!(&attack[15], "Other Daily; Test Wire");
    assert_eq!(&attack[16], "2024-01-21");
    assert!(!attack[17].is_empty());

    let out = d.join("events.jsonl");
    let r = ok(d, &["export", "events", "--format", "jsonl", "--output", out.to_str().unwrap()]);
    assert!(r.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), rows.len());
    assert!(lines.iter().any(|v| v["base"] == "Ain al-Asad Air Base" && v["sources"] == 2 && v["latitude"].is_f64()));

    let r = ok(d, &["export", "entities", "-f", "jsonl"]);
    let ents: Vec<serde_json::Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kh = ents.iter().find(|v| v["name"] == "Kataib Hezbollah").expect("KH exported");
    assert_eq!(kh["type"], "organization");
    assert_eq!(kh["kind_or_role"], "armed_group");
    assert!(kh["mentions"].as_i64().unwrap() >= 1);
    assert_eq!(kh["articles"], 1);
    assert!(kh["aliases"].as_str().unwrap().contains("KH"));
    let r = ok(d, &["export", "entities"]);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(rd.headers().unwrap().iter().collect::<Vec<_>>(), ["type", "id", "name", "kind_or_role", "aliases", "mentions", "articles"]);
    assert_eq!(rd.records().count(), ents.len());
}

#[test]
fn schema_lists_every_contract_table_with_meanings() {
    let (dir, _db) = setup();
    let r = ok(dir.path(), &["schema", "-f", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    for table in
        ["sources", "people", "organizations", "bases", "aliases", "mentions", "events", "event_sources", "event_entities", "curations"]
    {
        let cols: Vec<&serde_json::Value> = rows.iter().filter(|r| r["table"] == table).collect();
        assert!(!cols.is_empty(), "{table} missing");
        for c in cols {
            assert!(c["meaning"].as_str().is_some_and(|m| !m.is_empty()), "{table}.{} has no meaning", c["column"]);
        }
    }
    assert!(!rows.iter().any(|r| r["table"].as_str().unwrap().starts_with("sources_fts_")));
    let r = ok(dir.path(), &["schema", "events", "-f", "csv"]);
    assert!(r.stdout.lines().skip(1).all(|l| l.starts_with("events,")), "{}", r.stdout);
    assert!(r.stdout.contains("occurred_on,TEXT"), "{}", r.stdout);
    let r = run_in(dir.path(), &["schema", "nosuchtable"]);
    assert_eq!(r.status, 1);
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = ok(dir.path(), &["completions", shell]);
        assert!(r.stdout.contains("reindex") && r.stdout.contains("search"), "{shell}: {}", r.stdout.len());
    }
    assert_eq!(run_in(dir.path(), &["completions", "tcsh"]).status, 2);
}

#[test]
fn every_workbench_command_has_examples_in_its_help() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["alias", "add"][..],
        &["alias"],
        &["merge"],
        &["rename"],
        &["reindex"],
        &["search"],
        &["sources"],
        &["forget"],
        &["export"],
        &["schema"],
        &["completions"],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let r = ok(dir.path(), &args);
        assert!(r.stdout.contains("Examples:\n  kb "), "{cmd:?}: {}", r.stdout);
    }
}

#[test]
fn fts_index_is_built_for_articles_stored_before_the_upgrade() {
    // A database at schema version 2 with an article in it, as an older kb
    // left it (versions 3 and later undone): opening it for writing migrates it
    // and indexes the article.
    let (dir, db) = setup();
    let conn = open(&db);
    conn.execute_batch(
        "DROP TRIGGER sources_fts_insert; DROP TRIGGER sources_fts_delete; DROP TRIGGER sources_fts_update;
         DROP TABLE sources_fts; DROP TABLE event_sources_fts;
         DROP TRIGGER event_sources_fts_insert; DROP TRIGGER event_sources_fts_delete; DROP TRIGGER event_sources_fts_update; DROP TABLE kb_columns; DROP TABLE curations;
         DROP INDEX mentions_entity_source; CREATE INDEX mentions_entity ON mentions(entity_type, entity_id);
         DROP INDEX event_sources_event; CREATE INDEX event_sources_event ON event_sources(event_id); DROP TABLE kb_deferred_fts;
         DROP TABLE entity_counts; DROP TABLE event_counts; DROP TABLE kind_sources; DROP TABLE kind_counts;
         DROP TRIGGER entity_counts_mention_insert; DROP TRIGGER entity_counts_mention_delete; DROP TRIGGER entity_counts_mention_update;
         DROP TRIGGER entity_counts_event_insert; DROP TRIGGER entity_counts_event_delete; DROP TRIGGER entity_counts_event_update;
         DROP TRIGGER event_counts_event_insert; DROP TRIGGER event_counts_event_delete; DROP TRIGGER event_counts_event_update;
         DROP TRIGGER kind_sources_event_kind_update;
         DROP TRIGGER event_counts_report_insert; DROP TRIGGER event_counts_report_delete; DROP TRIGGER event_counts_report_update;
         DROP INDEX sources_listing; DROP INDEX events_claims; DROP INDEX events_said_undated;
         DROP INDEX events_statements_dated; DROP INDEX events_announcements_dated; CREATE INDEX events_kind_date ON events(kind, occurred_on);
         CREATE INDEX event_sources_source ON event_sources(source_id);
         DROP INDEX event_sources_source_span; DROP INDEX events_same_day;
         DROP TABLE source_counts; DROP TRIGGER source_counts_mention_insert; DROP TRIGGER source_counts_mention_delete;
         DROP TRIGGER source_counts_mention_update; DROP TRIGGER source_counts_report_insert;
         DROP TRIGGER source_counts_report_delete; DROP TRIGGER source_counts_report_update;
         DELETE FROM refinery_schema_history WHERE version >= 3;",
    )
    .unwrap();
    drop(conn);
    ok(dir.path(), &["reindex", "--quiet"]);
    let r = ok(dir.path(), &["search", "Pentagon", "-f", "csv"]);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    let r = ok(dir.path(), &["search", "--events", "Militants", "-f", "csv"]);
    assert!(r.stdout.lines().skip(1).any(|l| l.contains(",attack,2,second.txt,")), "{}", r.stdout);
}

#[test]
fn search_index_holds_every_row_however_it_was_written() {
    // kb ingest indexes each batch with one statement before it commits;
    // a row written by anyone else is indexed by the triggers at once.
    let (dir, db) = setup();
    let conn = open(&db);
    let integrity = |conn: &rusqlite::Connection| {
        // with rank 1, FTS5 also checks the index against the content table
        conn.execute_batch(
            "INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 1);
             INSERT INTO event_sources_fts (event_sources_fts, rank) VALUES ('integrity-check', 1);",
        )
    };
    integrity(&conn).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM kb_deferred_fts"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'attacked'"), 2);
    let reports = count(&db, "SELECT count(*) FROM event_sources WHERE sentence LIKE '%attacked%'");
    assert!(reports >= 2);
    assert_eq!(count(&db, "SELECT count(*) FROM event_sources_fts WHERE event_sources_fts MATCH 'attacked'"), reports);

    conn.execute(
        "INSERT INTO sources (path, content_sha256, body, ingested_at) VALUES ('typed.txt', 'abc', 'Typed by hand about Harir.', '2024-01-01')",
        [],
    )
    .unwrap();
    let source = conn.last_insert_rowid();
    conn.execute("INSERT INTO events (kind, summary) VALUES ('other', 'typed')", []).unwrap();
    let event = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO event_sources (event_id, source_id, sentence, sentence_start, sentence_end) VALUES (?1, ?2, 'Typed by hand about Harir.', 0, 26)",
        [event, source],
    )
    .unwrap();
    integrity(&conn).unwrap();
    let r = ok(dir.path(), &["search", "Harir", "-f", "csv"]);
    assert!(r.stdout.contains("typed.txt"), "{}", r.stdout);
    let r = ok(dir.path(), &["search", "--events", "Harir", "-f", "csv"]);
    assert!(r.stdout.contains("typed.txt"), "{}", r.stdout);

    // a corrupted index is caught by the same check, so the check is real
    conn.execute("INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', ?1, NULL, 'Typed by hand about Harir.')", [source])
        .unwrap();
    assert!(integrity(&conn).is_err());
}

#[test]
fn full_reindex_rebuilds_shared_events_and_keeps_curations() {
    let (dir, db) = setup();
    let d = dir.path();
    let mentions = count(&db, "SELECT count(*) FROM mentions");
    let events = count(&db, "SELECT count(*) FROM events");
    ok(d, &["merge", "CJTF-OIR", "Operation Inherent Resolve"]);
    let r = ok(d, &["reindex", "--full"]);
    assert!(r.stdout.contains("2 articles reindexed"), "{}", r.stdout);
    assert_eq!(count(&db, "SELECT count(*) FROM mentions"), mentions);
    assert_eq!(count(&db, "SELECT count(*) FROM events"), events);
    assert_eq!(id_of(&db, "organizations", "Operation Inherent Resolve"), None);
    let shared = "SELECT count(DISTINCT es.source_id) FROM events e JOIN bases b ON b.id = e.base_id
                  JOIN event_sources es ON es.event_id = e.id
                  WHERE b.name = 'Ain al-Asad Air Base' AND e.kind = 'attack' AND e.occurred_on = '2024-01-20'";
    assert_eq!(count(&db, shared), 2);
}
