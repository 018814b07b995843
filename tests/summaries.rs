//! The summary tables the aggregating canned queries read (entity_counts,
//! event_counts, kind_sources, kind_counts, source_counts) must always equal the counts
//! computed from the rows they summarize, whoever writes: ingest, forget,
//! merge, rename, reindex, a SQLite browser, or an upgrade of an older
//! database.

mod common;

use common::{open, run_in};
use rusqlite::Connection;
use std::path::Path;

/// Reports of one incident (a first toll, then a higher one that also
/// names it an attack), an aggregate claim, undated statements, and an
/// article without a date.
const ARTICLES: &[(&str, &str)] = &[
    (
        "a.txt",
        "---\ntitle: Blast near Ain al-Asad\noutlet: Test Wire\npublished: 2024-01-21\n---\n\
Two people were killed in a blast at Ain al-Asad Air Base on January 20, 2024.\n\n\
Iraqi Prime Minister Mohammed Shia al-Sudani condemned the attack and called for calm.\n\n\
Kataib Hezbollah said it would continue its operations.\n",
    ),
    (
        "b.txt",
        "---\ntitle: Drone attack on Ain al-Asad\noutlet: Other Daily\npublished: 2024-01-22\n---\n\
Kataib Hezbollah attacked Ain al-Asad Air Base with drones on January 20, 2024, killing five people.\n\n\
The Pentagon said there had been about 150 attacks on US forces since October.\n\n\
CJTF-OIR said the coalition would respond at a time of its choosing.\n",
    ),
    (
        "c.txt",
        "---\ntitle: Strikes in Syria\noutlet: Test Wire\n---\n\
US forces carried out airstrikes near al-Tanf on February 2, 2024, killing seven militants.\n\n\
Mohammed Shia al-Sudani said the withdrawal talks would go on.\n\n\
Operation Inherent Resolve announced a new phase of the mission.\n",
    ),
];

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["ingest".to_string(), common::corpus().to_str().unwrap().to_string()];
    for (name, text) in ARTICLES {
        std::fs::write(dir.path().join(name), text).unwrap();
        args.push(name.to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(dir.path(), &args);
    let db = dir.path().join("kb.db");
    (dir, db)
}

fn ok(dir: &Path, args: &[&str]) {
    let r = run_in(dir, args);
    assert_eq!(r.status, 0, "kb {args:?} failed: {}", r.stderr);
}

type Rows = Vec<Vec<String>>;

fn rows(conn: &Connection, sql: &str) -> Rows {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    let mut out: Rows = stmt
        .query_map([], |r| {
            (0..n)
                .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out.sort();
    out
}

const MONTH: &str = "CASE WHEN occurred_on IS NULL THEN 'undated'
                          WHEN length(occurred_on) < 7 THEN substr(occurred_on, 1, 4) || ' (month unknown)'
                          ELSE substr(occurred_on, 1, 7) END";

/// Each summary table (rows that count something) against the same counts
/// made from the contract tables; returns how many rows were compared.
fn assert_summaries_match(db: &Path, when: &str) -> usize {
    let conn = open(db);
    let pairs = [
        (
            "SELECT entity_type, entity_id, mentions, articles, events FROM entity_counts
              WHERE mentions <> 0 OR articles <> 0 OR events <> 0"
                .to_string(),
            "WITH m AS (SELECT entity_type, entity_id, count(*) AS n, count(DISTINCT source_id) AS a FROM mentions GROUP BY 1, 2),
                  e AS (SELECT entity_type, entity_id, count(DISTINCT event_id) AS v FROM event_entities GROUP BY 1, 2),
                  k AS (SELECT entity_type, entity_id FROM m UNION SELECT entity_type, entity_id FROM e)
             SELECT k.entity_type, k.entity_id, coalesce(m.n, 0), coalesce(m.a, 0), coalesce(e.v, 0)
               FROM k LEFT JOIN m USING (entity_type, entity_id) LEFT JOIN e USING (entity_type, entity_id)"
                .to_string(),
        ),
        (
            "SELECT kind, month, events, dated, claims, killed, killed_known, unclaimed_killed, unclaimed_killed_known, reports
               FROM event_counts WHERE events <> 0 OR reports <> 0"
                .to_string(),
            format!(
                "SELECT kind, {MONTH}, count(*), count(occurred_on), count(reported_count),
                        coalesce(sum(killed), 0), count(killed),
                        coalesce(sum(CASE WHEN reported_count IS NULL THEN killed END), 0),
                        count(CASE WHEN reported_count IS NULL THEN killed END),
                        sum((SELECT count(*) FROM event_sources es WHERE es.event_id = events.id))
                   FROM events GROUP BY 1, 2"
            ),
        ),
        (
            "SELECT kind, source_id, reports FROM kind_sources WHERE reports <> 0".to_string(),
            "SELECT e.kind, es.source_id, count(*) FROM event_sources es JOIN events e ON e.id = es.event_id GROUP BY 1, 2"
                .to_string(),
        ),
        (
            "SELECT source_id, mentions, entities, events, reports FROM source_counts
              WHERE mentions <> 0 OR entities <> 0 OR events <> 0 OR reports <> 0"
                .to_string(),
            "WITH m AS (SELECT source_id, count(*) AS n, count(DISTINCT entity_type || ':' || entity_id) AS e FROM mentions GROUP BY 1),
                  r AS (SELECT source_id, count(DISTINCT event_id) AS v, count(*) AS n FROM event_sources GROUP BY 1),
                  k AS (SELECT source_id FROM m UNION SELECT source_id FROM r)
             SELECT k.source_id, coalesce(m.n, 0), coalesce(m.e, 0), coalesce(r.v, 0), coalesce(r.n, 0)
               FROM k LEFT JOIN m USING (source_id) LEFT JOIN r USING (source_id)"
                .to_string(),
        ),
        // The listing reading the summary shows what counting each
        // article's rows shows (the query "sources" had before).
        (
            "SELECT * FROM v_sources".to_string(),
            "SELECT s.id, s.path, s.outlet, s.title, s.published_on,
                    (SELECT count(*) FROM mentions m WHERE m.source_id = s.id),
                    (SELECT count(*) FROM (SELECT DISTINCT m.entity_type, m.entity_id FROM mentions m WHERE m.source_id = s.id)),
                    (SELECT count(DISTINCT es.event_id) FROM event_sources es WHERE es.source_id = s.id),
                    (SELECT count(*) FROM event_sources es WHERE es.source_id = s.id)
               FROM sources s"
                .to_string(),
        ),
        (
            "SELECT kind, articles FROM kind_counts WHERE articles <> 0".to_string(),
            "SELECT e.kind, count(DISTINCT es.source_id) FROM event_sources es JOIN events e ON e.id = es.event_id GROUP BY 1"
                .to_string(),
        ),
    ];
    let mut compared = 0;
    for (summary, counted) in pairs {
        let (s, c) = (rows(&conn, &summary), rows(&conn, &counted));
        assert_eq!(s, c, "after {when}: {summary}");
        compared += s.len();
    }
    compared
}

#[test]
fn summaries_follow_ingest_and_every_curation() {
    let (dir, db) = setup();
    let d = dir.path();
    assert!(assert_summaries_match(&db, "ingest") > 20);
    for t in ["entity_counts", "event_counts", "kind_sources", "kind_counts", "source_counts"] {
        let unexplained: i64 = open(&db)
            .query_row(
                "SELECT count(*) FROM pragma_table_info(?1) p
                  WHERE NOT EXISTS (SELECT 1 FROM kb_columns k WHERE k.table_name = ?1 AND k.column_name = p.name)",
                [t],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unexplained, 0, "{t} has columns kb schema cannot explain");
    }
    // The incident's second report raised the toll and made it an attack.
    assert!(open(&db).query_row("SELECT count(*) FROM events WHERE reported_count IS NOT NULL", [], |r| r.get::<_, i64>(0)).unwrap() > 0);

    ok(d, &["merge", "CJTF-OIR", "Operation Inherent Resolve"]);
    assert_summaries_match(&db, "merge");
    ok(d, &["rename", "Mohammed Shia al-Sudani", "Mohammed Shia' al-Sudani"]);
    assert_summaries_match(&db, "rename");
    ok(d, &["alias", "add", "Kataib Hezbollah", "KH"]);
    assert_summaries_match(&db, "alias");
    ok(d, &["forget", "b.txt"]);
    assert_summaries_match(&db, "forget");
    ok(d, &["reindex"]);
    assert_summaries_match(&db, "reindex");
    ok(d, &["reindex", "--full"]);
    assert_summaries_match(&db, "reindex --full");
    ok(d, &["ingest", "b.txt"]);
    assert_summaries_match(&db, "ingest again");
}

#[test]
fn summaries_follow_writes_from_a_sqlite_browser() {
    let (_dir, db) = setup();
    let conn = open(&db);
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let steps: &[(&str, &str)] = &[
        ("a kind and a date change", "UPDATE events SET kind = 'strike', occurred_on = '2023' WHERE id = (SELECT min(id) FROM events WHERE kind = 'attack')"),
        ("a toll and a claim change", "UPDATE events SET killed = coalesce(killed, 0) + 3, reported_count = 12 WHERE id = (SELECT max(id) FROM events)"),
        ("a toll removed", "UPDATE events SET killed = NULL WHERE killed IS NOT NULL AND id = (SELECT min(id) FROM events WHERE killed IS NOT NULL)"),
        ("a report moved to another event", "UPDATE event_sources SET event_id = (SELECT min(id) FROM events) WHERE id = (SELECT max(id) FROM event_sources)"),
        ("a report moved to another article", "UPDATE event_sources SET source_id = (SELECT min(id) FROM sources) WHERE id = (SELECT min(id) FROM event_sources)"),
        ("a mention moved", "UPDATE mentions SET entity_type = 'base', entity_id = (SELECT min(id) FROM bases) WHERE id = (SELECT max(id) FROM mentions)"),
        ("a mention rewritten in place", "UPDATE mentions SET entity_id = entity_id, source_id = source_id"),
        ("a role changed", "UPDATE OR IGNORE event_entities SET role = 'participant' WHERE event_id = (SELECT min(event_id) FROM event_entities)"),
        ("a link added", "INSERT OR IGNORE INTO event_entities (event_id, entity_type, entity_id, role) SELECT max(id), 'organization', (SELECT min(id) FROM organizations), 'actor' FROM events"),
        ("an event deleted with its reports", "DELETE FROM events WHERE id = (SELECT event_id FROM event_sources GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1)"),
        ("an article deleted", "DELETE FROM sources WHERE id = (SELECT max(id) FROM sources)"),
        ("links deleted", "DELETE FROM event_entities WHERE entity_type = 'person'"),
        ("everything deleted", "DELETE FROM mentions; DELETE FROM event_sources; DELETE FROM event_entities; DELETE FROM events;"),
    ];
    for (what, sql) in steps {
        conn.execute_batch(sql).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_summaries_match(&db, what);
    }
    let left: i64 = conn
        .query_row("SELECT count(*) FROM entity_counts WHERE mentions <> 0 OR articles <> 0 OR events <> 0", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

mod embedded {
    refinery::embed_migrations!("migrations");
}

#[test]
fn an_upgraded_database_gets_its_summaries_from_the_stored_rows() {
    let (dir, db) = setup();
    // The same articles in a database of the previous schema version.
    let old = dir.path().join("old.db");
    let mut conn = Connection::open(&old).unwrap();
    embedded::migrations::runner().set_target(refinery::Target::Version(4)).run(&mut conn).unwrap();
    conn.execute("ATTACH ?1 AS new", [db.to_str().unwrap()]).unwrap();
    for t in ["sources", "people", "organizations", "bases", "aliases", "events", "event_sources", "event_entities", "mentions"] {
        conn.execute(&format!("INSERT INTO main.{t} SELECT * FROM new.{t}"), []).unwrap();
    }
    conn.execute("DETACH new", []).unwrap();
    drop(conn);
    drop(kb::db::open_rw(&old).unwrap());
    assert!(assert_summaries_match(&old, "upgrade") > 20);
    for q in ["people", "organizations", "bases", "entities", "counts by kind", "attacks by month", "sources"] {
        let a = run_in(dir.path(), &["--db", "kb.db", "query", q, "-f", "csv"]);
        let b = run_in(dir.path(), &["--db", "old.db", "query", q, "-f", "csv"]);
        assert_eq!(a.status, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{q}");
        assert!(a.stdout.lines().count() > 1, "{q}: {}", a.stdout);
    }
}

/// The plan of a canned query, as (parent, detail) rows, with its one
/// parameter bound where it takes one.
fn plan_of(conn: &Connection, name: &str, param: Option<(&str, &str)>) -> Vec<(i64, String)> {
    plan_of_sql(conn, &kb::canned::find(name).unwrap().body(), param)
}

/// `plan_of` a statement given as SQL.
fn plan_of_sql(conn: &Connection, sql: &str, param: Option<(&str, &str)>) -> Vec<(i64, String)> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    if let Some((p, v)) = param {
        let i = stmt.parameter_index(&format!(":{p}")).unwrap().unwrap();
        stmt.raw_bind_parameter(i, v).unwrap();
    }
    let mut plan = Vec::new();
    let mut r = stmt.raw_query();
    while let Some(row) = r.next().unwrap() {
        plan.push((row.get::<_, i64>(1).unwrap(), row.get::<_, String>(3).unwrap()));
    }
    plan
}

/// The listings stream: their rows come out of indexes in output order, so
/// the first row does not wait for the whole result to be sorted.
#[test]
fn listing_queries_need_no_full_sort() {
    let (_dir, db) = setup();
    let conn = open(&db);
    for (name, param) in [
        ("timeline", None),
        ("sources", None),
        ("claims", None),
        ("who said what", None),
        ("mentions of", Some(("name", "Ain al-Asad"))),
    ] {
        let plan = plan_of(&conn, name, param);
        // Only the top level counts: who said what sorts its small last
        // part (neither date) inside the merge.
        let top: Vec<&String> = plan.iter().filter(|(parent, _)| *parent == 0).map(|(_, d)| d).collect();
        assert!(!top.iter().any(|d| d.as_str() == "USE TEMP B-TREE FOR ORDER BY"), "{name}: {plan:?}");
    }
}

/// mentions of finds the report holding each mention among the article's
/// reports that begin at or before it (V11), not among all of them.
#[test]
fn mentions_of_reads_reports_by_sentence_span() {
    let (_dir, db) = setup();
    let conn = open(&db);
    let plan = plan_of(&conn, "mentions of", Some(("name", "Ain al-Asad")));
    assert!(
        plan.iter().any(|(_, d)| d.contains("INDEX event_sources_source_span (source_id=? AND sentence_start<?)")),
        "{plan:?}"
    );
}

/// mentions_entity_source leads with the entity's id, and mentions_source
/// holds only the article (V16); the lookups by entity, by entity and
/// article (the count triggers) and by article must each still find their
/// rows in one range of an index rather than scan mentions. "mentions of"
/// reads its mentions from the index alone, never from the table (V19).
#[test]
fn mention_lookups_bind_entity_id_and_type() {
    let (_dir, db) = setup();
    let conn = open(&db);
    let plan = plan_of(&conn, "mentions of", Some(("name", "Ain al-Asad")));
    assert!(
        plan.iter().any(|(_, d)| d.contains(
            "SEARCH m USING COVERING INDEX mentions_entity_source (entity_id=? AND entity_type=? AND source_id=?)"
        )),
        "{plan:?}"
    );
    for (sql, index) in [
        (
            "UPDATE mentions SET entity_id = 2 WHERE entity_type = 'person' AND entity_id = 1",
            "INDEX mentions_entity_source (entity_id=? AND entity_type=?)",
        ),
        (
            "SELECT count(*) FROM mentions m WHERE m.entity_type = 'base' AND m.entity_id = 1",
            "INDEX mentions_entity_source (entity_id=? AND entity_type=?)",
        ),
        (
            "SELECT 1 FROM mentions WHERE source_id = 1 AND entity_type = 'person' AND entity_id = 1 AND id <> 5",
            "INDEX mentions_entity_source (entity_id=? AND entity_type=? AND source_id=?)",
        ),
        ("DELETE FROM mentions WHERE source_id = 1", "INDEX mentions_source (source_id=?)"),
        ("SELECT count(*) FROM mentions m WHERE m.source_id = 1", "INDEX mentions_source (source_id=?)"),
    ] {
        let plan = plan_of_sql(&conn, sql, None);
        assert!(plan.iter().any(|(_, d)| d.contains(index)), "{sql}: {plan:?}");
    }
}

/// The dated statements and announcements of who said what come out of
/// their own partial indexes (V17), covering, in the order the merge needs:
/// without them the query read every dated event and its row.
#[test]
fn who_said_what_walks_the_dated_said_indexes() {
    let (_dir, db) = setup();
    let conn = open(&db);
    let plan = plan_of(&conn, "who said what", None);
    for index in ["events_statements_dated", "events_announcements_dated"] {
        let part = plan.iter().find(|(_, d)| d.contains(&format!("COVERING INDEX {index} (occurred_on>?)")));
        let Some(&(part, _)) = part else { panic!("{index}: {plan:?}") };
        // the rows come out in the order of the merge: no sort, not even
        // of each day's events, keeps the first row waiting
        assert!(!plan.iter().any(|(p, d)| *p == part && d.contains("TEMP B-TREE")), "{index}: {plan:?}");
    }
    assert!(!plan.iter().any(|(_, d)| d.contains("events_date")), "{plan:?}");
}

/// events_base holds only the events with a base (V14); the queries by base
/// must still find their events through it rather than read every event.
#[test]
fn base_queries_search_the_partial_base_index() {
    let (_dir, db) = setup();
    let conn = open(&db);
    for (name, param) in [("bases", None), ("events by base", None), ("events at base", Some(("base", "Ain al-Asad")))] {
        let plan = plan_of(&conn, name, param);
        assert!(plan.iter().any(|(_, d)| d.contains("INDEX events_base")), "{name}: {plan:?}");
        // scanning events_base reads only the events with a base; "SCAN e"
        // would read them all
        assert!(!plan.iter().any(|(_, d)| d == "SCAN e"), "{name}: {plan:?}");
    }
}

/// Reports of the same incidents spread over many articles, so that with
/// small batches later batches merge reports into the events of earlier
/// ones: first a toll only (a casualty event), then the attack that caused
/// it with a higher toll and an actor, then a claim naming another group.
fn incident_feed() -> String {
    let bases = ["Ain al-Asad Air Base", "Harir Air Base", "al-Tanf garrison", "Erbil air base"];
    let groups = ["Kataib Hezbollah", "Harakat al-Nujaba", "the Islamic Resistance in Iraq"];
    let mut articles = Vec::new();
    for stage in 0..3 {
        for (i, base) in bases.iter().enumerate() {
            let day = 10 + i;
            let date = format!("January {day}, 2024");
            let group = groups[(i + stage) % groups.len()];
            let text = match stage {
                0 => format!("Two soldiers were killed at {base} on {date}, officials said.\n\nIraqi Prime Minister Mohammed Shia al-Sudani called for calm."),
                1 => format!("{group} attacked {base} with drones on {date}, killing {} soldiers.\n\nThe Pentagon said the coalition would respond.", 3 + i),
                _ => format!("{group} attacked {base} on {date}, wounding {} people, the group said.\n\nCJTF-OIR did not comment.", 4 + i),
            };
            articles.push(serde_json::json!({"text": text, "outlet": "Wire", "published": format!("2024-01-{:02}", day + 1)}));
        }
    }
    articles.iter().map(|a| format!("{a}\n")).collect()
}

/// The database as the triggers keep it: the same articles stored one by
/// one through the library with every trigger firing.
fn stored_through_triggers(db: &Path, inputs: &[std::path::PathBuf]) {
    use kb::article::{self, Defaults};
    let (mut conn, _) = kb::db::open_rw(db).unwrap();
    let gazetteer = kb::extract::Gazetteer::new(kb::store::dictionary_for_extraction(&mut conn).unwrap());
    let defaults = Defaults { outlet: None, published: None, max_size: article::DEFAULT_MAX_SIZE };
    let mut raws = Vec::new();
    for input in article::expand_inputs(inputs) {
        article::read_input(&input.unwrap(), &defaults, &mut |raw| raws.push(raw));
    }
    for raw in raws {
        let Ok(a) = article::parse(raw, &defaults) else { continue };
        let tx = conn.transaction().unwrap();
        if !kb::store::has_source(&tx, &a.sha256).unwrap() {
            let ex = kb::extract::extract(&a.body, a.meta.published, &gazetteer);
            kb::store::write_article(&tx, &a, &ex, "2024-01-01T00:00:00Z").unwrap();
        }
        tx.commit().unwrap();
    }
}

/// Every row of the summary tables (those holding zeros too), of the
/// contract tables but for when they were stored, and what the full-text
/// indexes find.
fn everything(db: &Path) -> Vec<(String, Rows)> {
    let conn = open(db);
    let mut out = Vec::new();
    for t in [
        "entity_counts", "event_counts", "kind_sources", "kind_counts", "source_counts", "sources", "people", "organizations", "bases", "aliases",
        "mentions", "events", "event_sources", "event_entities",
    ] {
        let cols: String = conn
            .query_row("SELECT group_concat(name, ', ') FROM pragma_table_info(?1) WHERE name <> 'ingested_at'", [t], |r| r.get(0))
            .unwrap();
        out.push((t.to_string(), rows(&conn, &format!("SELECT {cols} FROM {t}"))));
    }
    for (what, sql) in [
        ("sources_fts", "SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'attacked OR killed OR calm'"),
        ("event_sources_fts", "SELECT rowid FROM event_sources_fts WHERE event_sources_fts MATCH 'attacked OR killed OR wounding'"),
        ("triggers", "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"),
    ] {
        out.push((what.to_string(), rows(&conn, sql)));
    }
    conn.execute_batch(
        "INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 1);
         INSERT INTO event_sources_fts (event_sources_fts, rank) VALUES ('integrity-check', 1);",
    )
    .unwrap();
    out
}

#[test]
fn ingest_in_batches_leaves_what_the_triggers_leave() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("feed.jsonl"), incident_feed()).unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(d.join(name), text).unwrap();
    }
    let inputs: Vec<std::path::PathBuf> =
        ["feed.jsonl", "a.txt", "b.txt", "c.txt"].iter().map(|n| d.join(n)).chain([common::corpus()]).collect();
    let reference = d.join("reference.db");
    stored_through_triggers(&reference, &inputs);
    let expected = everything(&reference);
    let count = |t: &str| expected.iter().find(|(n, _)| n == t).unwrap().1.len();
    assert!(count("event_sources") > count("events") + 8, "reports of one incident were not merged");
    // a report that changed its event's kind left the triggers' row of the old kind at zero
    let zero_kind_rows = rows(&open(&reference), "SELECT kind FROM kind_sources WHERE reports = 0").len();
    assert!(zero_kind_rows > 0);

    for batch in ["1", "2", "5", "500"] {
        let db = format!("batch{batch}.db");
        let mut args = vec!["ingest", "--quiet", "--batch", batch, "--db", &db];
        let paths: Vec<String> = inputs.iter().map(|p| p.to_str().unwrap().to_string()).collect();
        args.extend(paths.iter().map(String::as_str));
        ok(d, &args);
        let got = everything(&d.join(&db));
        for ((table, want), (_, have)) in expected.iter().zip(&got) {
            assert_eq!(have, want, "--batch {batch}: {table}");
        }
        assert_summaries_match(&d.join(&db), &format!("ingest --batch {batch}"));
        // ingest does not check references as it writes (foreign_keys is
        // off on its connection): what it wrote must still pass the check
        let conn = open(&d.join(&db));
        let dangling = rows(&conn, "SELECT * FROM pragma_foreign_key_check");
        assert!(dangling.is_empty(), "--batch {batch}: references without a parent: {dangling:?}");
        // the triggers are still there for every other writer
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        conn.execute("DELETE FROM sources WHERE id = (SELECT max(id) FROM sources)", []).unwrap();
        drop(conn);
        assert_summaries_match(&d.join(&db), &format!("a deletion after ingest --batch {batch}"));
    }
}
