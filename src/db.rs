//! Opening the knowledge base: pragmas every connection needs, embedded
//! migrations, and the refusal of a database written by a newer kb.

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// How much of the file a read-only connection maps into memory.
const MMAP_SIZE: i64 = 1 << 32;

/// The page size of a new database file. Against SQLite's 4 KiB default, an
/// ingest writes about as many bytes to the log but in a quarter as many
/// pages, each two system calls for the writer and two for the checkpointer,
/// and its indexes split and rebalance a quarter as often. A file made with
/// another size keeps it.
pub const PAGE_SIZE: i64 = 16 * 1024;

/// How long a connection waits for another writer before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The schema version this build of kb writes (the newest embedded migration).
pub fn schema_version() -> i32 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| m.version())
        .max()
        .unwrap_or(0)
}

fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Storing an article runs some twenty distinct statements; rusqlite's
    // default cache of 16 would evict and re-prepare them for every article.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// The schema version a database was last migrated to (0 for a new file).
pub fn applied_version(conn: &Connection) -> Result<i32> {
    let has_history: bool = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !has_history {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT coalesce(max(version), 0) FROM refinery_schema_history", [], |r| r.get(0))?)
}

fn check_not_newer(conn: &Connection, path: &Path) -> Result<()> {
    let found = applied_version(conn)?;
    let ours = schema_version();
    if found > ours {
        bail!(
            "{}: the database has schema version {found}, newer than this kb understands (version {ours}); use a newer kb",
            path.display()
        );
    }
    Ok(())
}

/// A writing connection with every pragma kb relies on: WAL, so readers
/// never wait for the writer, and NORMAL sync, which WAL makes safe.
fn connect_rw(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).with_context(|| format!("{}: cannot open database", path.display()))?;
    set_pragmas(&conn)?;
    // Takes effect only on a file with no table yet, and only before WAL
    // mode is set; elsewhere SQLite ignores it.
    conn.pragma_update(None, "page_size", PAGE_SIZE)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .with_context(|| format!("{}: not a SQLite database", path.display()))?;
    if !mode.eq_ignore_ascii_case("wal") {
        bail!("{}: cannot switch the database to WAL mode (got {mode})", path.display());
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(conn)
}

/// Opens (creating if needed) a database for writing, migrating it to the
/// current schema. Returns the connection and whether the file was new.
pub fn open_rw(path: &Path) -> Result<(Connection, bool)> {
    let is_new = !path.exists() || std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true);
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() && !dir.exists() {
            bail!("{}: folder {} does not exist", path.display(), dir.display());
        }
    }
    let mut conn = connect_rw(path)?;
    check_not_newer(&conn, path)?;
    if applied_version(&conn)? < schema_version() {
        // Serialize migration between processes: the first writer migrates.
        conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
        embedded::migrations::runner()
            .run(&mut conn)
            .with_context(|| format!("{}: migrating the database failed", path.display()))?;
        // A migration may edit table definitions in place (V7), which the
        // connection that ran it keeps parsed the old way: start afresh.
        drop(conn);
        conn = connect_rw(path)?;
    }
    Ok((conn, is_new))
}

/// Opens an existing database read-only. A missing file is an error and
/// nothing is created.
pub fn open_ro(path: &Path) -> Result<Connection> {
    if !path.exists() {
        bail!("{}: no such database (run `kb ingest` first, or pass --db)", path.display());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("{}: cannot open database", path.display()))?;
    set_pragmas(&conn)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .with_context(|| format!("{}: not a SQLite database", path.display()))?;
    // Listings on a large knowledge base jump between millions of rows;
    // mapped pages cost no read call and no copy each. SQLite caps the size.
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    check_not_newer(&conn, path)?;
    if applied_version(&conn)? < schema_version() {
        bail!(
            "{}: the database has schema version {}, older than this kb's {}; run `kb ingest` (or any writing command) once to upgrade it",
            path.display(),
            applied_version(&conn)?,
            schema_version()
        );
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_new_database_and_reopens_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let (conn, new) = open_rw(&path).unwrap();
        assert!(new);
        assert_eq!(applied_version(&conn).unwrap(), schema_version());
        drop(conn);
        let (_, new) = open_rw(&path).unwrap();
        assert!(!new);
        let ro = open_ro(&path).unwrap();
        let fk: i64 = ro.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn a_new_database_takes_sixteen_kib_pages_and_an_older_file_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let page_size = |conn: &Connection| conn.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0)).unwrap();
        let (conn, _) = open_rw(&dir.path().join("new.db")).unwrap();
        assert_eq!(page_size(&conn), 16 * 1024);
        // a file made before, with SQLite's default, is migrated and written as it is
        let old = dir.path().join("old.db");
        Connection::open(&old).unwrap().execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        let (conn, _) = open_rw(&old).unwrap();
        assert_eq!(page_size(&conn), 4096);
        assert_eq!(applied_version(&conn).unwrap(), schema_version());
        let rows: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 1);
        // and its full-text indexes keep leaves that fit its pages (V18)
        for table in ["sources_fts", "event_sources_fts"] {
            let pgsz: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}_config WHERE k = 'pgsz'"), [], |r| r.get(0)).unwrap();
            assert_eq!(pgsz, 0, "{table}");
        }
    }

    #[test]
    fn both_full_text_indexes_merge_sixteen_segments_at_a_time_and_flush_at_sixteen_mib() {
        let dir = tempfile::tempdir().unwrap();
        let (conn, _) = open_rw(&dir.path().join("kb.db")).unwrap();
        for table in ["sources_fts", "event_sources_fts"] {
            let config = |key: &str| -> i64 {
                conn.query_row(&format!("SELECT v FROM {table}_config WHERE k = ?1"), [key], |r| r.get(0)).unwrap()
            };
            assert_eq!(config("automerge"), 16, "{table}");
            assert_eq!(config("hashsize"), 16 << 20, "{table}");
            assert_eq!(config("pgsz"), 16000, "{table}");
        }
    }

    #[test]
    fn refuses_a_database_from_a_newer_kb() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let (conn, _) = open_rw(&path).unwrap();
        conn.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01', '0')",
            [],
        )
        .unwrap();
        drop(conn);
        let err = open_rw(&path).unwrap_err().to_string();
        assert!(err.contains("schema version 999"), "{err}");
        assert!(err.contains(&format!("version {}", schema_version())), "{err}");
    }

    #[test]
    fn storing_builds_no_temporary_tables_and_constraints_still_hold() {
        // A CHECK written as an IN list makes every INSERT build a b-tree of
        // the list (OpenEphemeral); V7 rewrote them as OR chains.
        let dir = tempfile::tempdir().unwrap();
        let (conn, _) = open_rw(&dir.path().join("kb.db")).unwrap();
        let inserts = [
            "INSERT INTO mentions (source_id, entity_type, entity_id, surface, start, \"end\") VALUES (1, 'person', 1, 'x', 0, 1)",
            "INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (1, 'base', 1, 'location')",
            "INSERT INTO events (kind, occurred_on, date_precision, summary) VALUES ('attack', '2024-01-28', 'day', 'x')",
            "INSERT INTO aliases (entity_type, entity_id, alias, origin) VALUES ('person', 1, 'x', 'extracted')",
            "INSERT INTO organizations (name, kind, origin) VALUES ('x', 'media', 'extracted')",
        ];
        for sql in inserts {
            let ops: Vec<String> = conn
                .prepare(&format!("EXPLAIN {sql}"))
                .unwrap()
                .query_map([], |r| r.get::<_, String>(1))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert!(!ops.iter().any(|op| op == "OpenEphemeral"), "{sql}: {ops:?}");
        }
        conn.execute("INSERT INTO events (kind, summary) VALUES ('attack', 'x')", []).unwrap();
        for bad in [
            "INSERT INTO events (kind, summary) VALUES ('raid', 'x')",
            "INSERT INTO events (kind, date_precision, summary) VALUES ('attack', 'hour', 'x')",
            "INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (1, 'base', 1, 'witness')",
            "INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (1, 'place', 1, 'target')",
            "INSERT INTO organizations (name, kind) VALUES ('y', 'club')",
            "INSERT INTO people (name, origin) VALUES ('y', 'guessed')",
        ] {
            let err = conn.execute(bad, []).unwrap_err().to_string();
            assert!(err.contains("CHECK constraint failed"), "{bad}: {err}");
        }
    }

    #[test]
    fn read_only_open_of_a_missing_file_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.db");
        assert!(open_ro(&path).unwrap_err().to_string().contains("no such database"));
        assert!(!path.exists());
    }
}
