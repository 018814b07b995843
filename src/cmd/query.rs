//! `kb query`: canned queries by name, or ad-hoc read-only SQL. Every
//! statement, canned or typed, runs on a read-only connection behind
//! SQLite's authorizer, so a query can never change the knowledge base.

use crate::canned::{self, CannedQuery};
use crate::db;
use crate::output::{self, Field, Format, RenderOptions, Value};
use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Statement};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Run a canned query by name, or one read-only SQL statement
#[derive(Debug, Args)]
#[command(after_help = "Canned names ignore case, spaces, '_' and '-': \"attacks by month\" = attacks-by-month.\n\
The parameterless ones are also views (v_attacks_by_month, ...) for any SQLite browser.\n\
SQL runs read-only: a statement that writes, attaches a file or sets a PRAGMA is refused.\n\
Examples:\n  kb query timeline\n  kb query \"events at base\" -p base=\"Ain al-Asad\"\n  \
kb query \"SELECT name, role FROM people WHERE name LIKE :n\" -p n=%Sudani% -f csv")]
pub struct QueryArgs {
    /// A canned query's name (see --list) or one read-only SQL statement
    #[arg(required_unless_present = "list")]
    pub query: Option<String>,
    /// List the canned queries with their descriptions and parameters
    #[arg(long, conflicts_with = "query")]
    pub list: bool,
    /// Bind a named parameter: -p base="Ain al-Asad" fills :base (repeatable)
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
    pub params: Vec<(String, String)>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = crate::output::Format::Table)]
    pub format: crate::output::Format,
    /// Wrap a table to N columns [default: $COLUMNS, else the terminal's width]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    let (name, value) = s.split_once('=').ok_or_else(|| format!("{s:?} is not NAME=VALUE"))?;
    let name = name.trim().trim_start_matches([':', '@', '$']);
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("{name:?} is not a parameter name (letters, digits, _)"));
    }
    Ok((name.to_string(), value.to_string()))
}

pub fn run(args: QueryArgs, db: &Path) -> Result<()> {
    let opts = RenderOptions::for_stdout(args.width);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    if args.list {
        return list(args.format, &mut out, &opts);
    }
    let text = args.query.as_deref().unwrap_or_default();
    let params = settle_params(&args.params)?;
    let sql = match canned::find(text) {
        Some(q) => {
            check_canned_params(q, &params)?;
            q.body()
        }
        None => {
            if !looks_like_sql(text) {
                let hint = canned::closest(text).map(|q| format!(" (did you mean \"{}\"?)", q.name)).unwrap_or_default();
                bail!("no canned query named {:?}{hint}; `kb query --list` shows them, and SQL starts with SELECT, WITH or VALUES", text.trim());
            }
            text.to_string()
        }
    };
    let conn = db::open_ro(db)?;
    run_sql(conn, &sql, &params, args.format, &mut out, &opts)?;
    Ok(())
}

/// Later `-p` values for the same name would silently win; say so instead.
fn settle_params(given: &[(String, String)]) -> Result<Vec<(String, String)>> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (name, value) in given {
        if seen.iter().any(|(n, _)| n == name) {
            bail!("parameter {name} given twice");
        }
        seen.push((name.clone(), value.clone()));
    }
    Ok(seen)
}

fn check_canned_params(q: &CannedQuery, params: &[(String, String)]) -> Result<()> {
    for p in &q.params {
        if !params.iter().any(|(n, _)| *n == p.name) {
            bail!("query \"{}\" needs parameter {}: add -p {}=VALUE ({})", q.name, p.name, p.name, p.description);
        }
    }
    for (name, _) in params {
        if !q.params.iter().any(|p| p.name == *name) {
            let takes = if q.params.is_empty() {
                "no parameters".to_string()
            } else {
                q.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
            };
            bail!("query \"{}\" has no parameter {name} (it takes {takes})", q.name);
        }
    }
    Ok(())
}

/// The first word of `text`, past whitespace and comments.
fn first_keyword(text: &str) -> String {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("--") {
            rest = r.split_once('\n').map(|(_, after)| after).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map(|(_, after)| after).unwrap_or("");
        } else {
            break;
        }
    }
    rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_ascii_lowercase()
}

const READING_STARTS: &[&str] = &["select", "with", "values", "explain", "pragma"];
const OTHER_SQL_STARTS: &[&str] = &[
    "insert", "update", "delete", "replace", "create", "drop", "alter", "attach", "detach", "vacuum", "begin", "commit",
    "end", "rollback", "savepoint", "release", "analyze", "reindex",
];

/// Whether `text` is meant as SQL rather than a (mistyped) canned name.
fn looks_like_sql(text: &str) -> bool {
    let word = first_keyword(text);
    word.is_empty() || READING_STARTS.contains(&word.as_str()) || OTHER_SQL_STARTS.contains(&word.as_str())
}

/// Pragmas that take an argument only to say what to read.
const READING_PRAGMAS_WITH_ARGUMENT: &[&str] = &[
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
];
/// Pragmas that act even without a value.
const ACTING_PRAGMAS: &[&str] = &["optimize", "wal_checkpoint", "incremental_vacuum", "shrink_memory", "cache_spill"];
const DENIED_FUNCTIONS: &[&str] = &["load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"];

/// The authorizer's verdict on one action: `Err(reason)` refuses it.
fn judge(action: &AuthAction<'_>) -> std::result::Result<(), String> {
    use AuthAction::*;
    match action {
        Select | Read { .. } | Recursive => Ok(()),
        Function { function_name } => {
            if DENIED_FUNCTIONS.iter().any(|f| f.eq_ignore_ascii_case(function_name)) {
                Err(format!("the function {function_name}() is not allowed"))
            } else {
                Ok(())
            }
        }
        Pragma { pragma_name, pragma_value } => {
            let name = pragma_name.to_ascii_lowercase();
            match pragma_value {
                None if !ACTING_PRAGMAS.contains(&name.as_str()) => Ok(()),
                Some(_) if READING_PRAGMAS_WITH_ARGUMENT.contains(&name.as_str()) => Ok(()),
                Some(v) => Err(format!("PRAGMA {pragma_name} = {v} would set a value")),
                None => Err(format!("PRAGMA {pragma_name} acts on the database")),
            }
        }
        Attach { .. } => Err("ATTACH is not allowed".into()),
        Detach { .. } => Err("DETACH is not allowed".into()),
        Transaction { .. } | Savepoint { .. } => Err("transaction control is not allowed".into()),
        Insert { table_name } => Err(format!("INSERT into {table_name} would write")),
        Update { table_name, .. } => Err(format!("UPDATE of {table_name} would write")),
        Delete { table_name } => Err(format!("DELETE from {table_name} would write")),
        CreateIndex { .. } | CreateTable { .. } | CreateTempIndex { .. } | CreateTempTable { .. }
        | CreateTempTrigger { .. } | CreateTempView { .. } | CreateTrigger { .. } | CreateView { .. }
        | CreateVtable { .. } => Err("CREATE would write".into()),
        DropIndex { .. } | DropTable { .. } | DropTempIndex { .. } | DropTempTable { .. } | DropTempTrigger { .. }
        | DropTempView { .. } | DropTrigger { .. } | DropView { .. } | DropVtable { .. } => {
            Err("DROP would write".into())
        }
        AlterTable { .. } => Err("ALTER TABLE would write".into()),
        Reindex { .. } | Analyze { .. } => Err("REINDEX and ANALYZE write".into()),
        _ => Err("this kind of statement is not allowed".into()),
    }
}

/// Installs the authorizer on `conn`; the returned cell holds the first
/// refusal's reason, so the error can say why instead of "not authorized".
pub fn guard(conn: &mut Connection) -> Result<Arc<Mutex<Option<String>>>> {
    let refusal: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let cell = Arc::clone(&refusal);
    conn.authorizer(Some(move |ctx: AuthContext<'_>| match judge(&ctx.action) {
        Ok(()) => Authorization::Allow,
        Err(reason) => {
            let mut slot = cell.lock().unwrap_or_else(|p| p.into_inner());
            slot.get_or_insert(reason);
            Authorization::Deny
        }
    }))?;
    Ok(refusal)
}

/// Prepares one read-only statement on a guarded connection, or says why not.
pub fn prepare_guarded<'c>(conn: &'c Connection, refusal: &Mutex<Option<String>>, sql: &str) -> Result<Statement<'c>> {
    let word = first_keyword(sql);
    if !word.is_empty() && !READING_STARTS.contains(&word.as_str()) {
        bail!(
            "query refused: {} is not a reading statement; kb query only reads (SELECT, WITH, VALUES, EXPLAIN, PRAGMA name)",
            word.to_ascii_uppercase()
        );
    }
    let prepared = conn.prepare(sql);
    let refused = refusal.lock().unwrap_or_else(|p| p.into_inner()).take();
    let stmt = match prepared {
        Ok(stmt) => stmt,
        Err(rusqlite::Error::MultipleStatement) => bail!("query refused: give one SQL statement, not several"),
        Err(e) => match refused {
            Some(reason) => bail!("query refused: {reason}; kb query only reads"),
            None => bail!("SQL error: {e}"),
        },
    };
    if let Some(reason) = refused {
        bail!("query refused: {reason}; kb query only reads");
    }
    if !stmt.readonly() {
        bail!("query refused: the statement would change the database; kb query only reads");
    }
    Ok(stmt)
}

/// Binds `-p` values by name: one that reads as an integer binds as one
/// (so `LIMIT :n` works), anything else as text. Every `:name` in the
/// statement must be given and every given name used.
fn bind(stmt: &mut Statement<'_>, params: &[(String, String)]) -> Result<()> {
    let mut used = vec![false; params.len()];
    for i in 1..=stmt.parameter_count() {
        let Some(full) = stmt.parameter_name(i).map(str::to_string) else {
            bail!("positional parameters (?) cannot be bound; name them, :name, and give -p name=VALUE");
        };
        let name = full.trim_start_matches([':', '@', '$']);
        let Some(pos) = params.iter().position(|(n, _)| n == name) else {
            bail!("missing parameter {name}: add -p {name}=VALUE");
        };
        used[pos] = true;
        let value = &params[pos].1;
        match value.parse::<i64>() {
            Ok(n) if n.to_string() == *value => stmt.raw_bind_parameter(i, n)?,
            _ => stmt.raw_bind_parameter(i, value.as_str())?,
        }
    }
    if let Some(pos) = used.iter().position(|u| !u) {
        bail!("the statement has no parameter :{}", params[pos].0);
    }
    Ok(())
}

/// Runs one statement on `conn` (guarded here) and renders its rows.
pub fn run_sql(
    mut conn: Connection,
    sql: &str,
    params: &[(String, String)],
    format: Format,
    out: &mut dyn Write,
    opts: &RenderOptions,
) -> Result<u64> {
    let refusal = guard(&mut conn)?;
    let mut stmt = prepare_guarded(&conn, &refusal, sql)?;
    bind(&mut stmt, params)?;
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let ncol = columns.len();
    let mut w = output::RowWriter::new(format, &columns, out, opts)?;
    let mut rows = stmt.raw_query();
    // The cells are borrowed from the row being stepped: no allocation per
    // cell between SQLite and the writer.
    while let Some(row) = rows.next().map_err(|e| anyhow!("SQL error: {e}"))? {
        let mut fields: Vec<Field<'_>> = Vec::with_capacity(ncol);
        for i in 0..ncol {
            fields.push(match row.get_ref(i)? {
                ValueRef::Null => Field::Null,
                ValueRef::Integer(n) => Field::Integer(n),
                ValueRef::Real(r) => Field::Real(r),
                ValueRef::Text(t) => match std::str::from_utf8(t) {
                    Ok(s) => Field::Text(s),
                    // The error a `Value` gives, as before.
                    Err(_) => return Err(row.get::<_, Value>(i).map(|_| ()).unwrap_err().into()),
                },
                ValueRef::Blob(b) => Field::Blob(b),
            });
        }
        w.write_row(&fields)?;
    }
    w.finish()
}

fn list(format: Format, out: &mut dyn Write, opts: &RenderOptions) -> Result<()> {
    let columns: Vec<String> = ["name", "description", "parameters", "view"].iter().map(|s| s.to_string()).collect();
    let rows = canned::all().iter().map(|q| {
        let params = q
            .params
            .iter()
            .map(|p| if p.description.is_empty() { p.name.clone() } else { format!("{}: {}", p.name, p.description) })
            .collect::<Vec<_>>()
            .join("; ");
        Ok(vec![
            Value::Text(q.name.clone()),
            Value::Text(q.description.clone()),
            Value::Text(params),
            q.view_name().map(Value::Text).unwrap_or(Value::Null),
        ])
    });
    output::write_rows(format, &columns, rows, out, opts).context("writing the list")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guarded_db() -> (tempfile::TempDir, Connection, Arc<Mutex<Option<String>>>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        drop(db::open_rw(&path).unwrap());
        let mut conn = db::open_ro(&path).unwrap();
        let refusal = guard(&mut conn).unwrap();
        (dir, conn, refusal)
    }

    fn refusal_of(sql: &str) -> String {
        let (_dir, conn, refusal) = guarded_db();
        let verdict = match prepare_guarded(&conn, &refusal, sql) {
            Ok(_) => panic!("{sql} was allowed"),
            Err(e) => e.to_string(),
        };
        verdict
    }

    // These bypass the first-word check on purpose, to show the authorizer
    // alone stops each of them.
    fn authorizer_refuses(sql: &str) -> String {
        let (_dir, conn, refusal) = guarded_db();
        let r = conn.prepare(sql).map(|s| s.readonly());
        let reason = refusal.lock().unwrap().take();
        assert!(r.is_err(), "{sql}: the authorizer let it through");
        reason.unwrap_or_else(|| panic!("{sql}: refused without a reason"))
    }

    #[test]
    fn the_authorizer_alone_denies_writes_attach_and_dangerous_functions() {
        let mut wrong = Vec::new();
        for (sql, want) in [
            ("INSERT INTO people(name) VALUES ('x')", "INSERT"),
            ("UPDATE people SET name = 'x'", "UPDATE"),
            ("DELETE FROM people", "DELETE"),
            ("DROP TABLE people", "write"),
            ("CREATE TABLE t(x)", "write"),
            ("CREATE TEMP TABLE t AS SELECT 1", "write"),
            ("ALTER TABLE people ADD COLUMN x", "ALTER"),
            ("ATTACH 'other.db' AS o", "ATTACH"),
            ("DETACH main", "DETACH"),
            ("PRAGMA foreign_keys = OFF", "PRAGMA"),
            ("PRAGMA journal_mode = DELETE", "PRAGMA"),
            ("SELECT load_extension('x')", "load_extension"),
            ("SELECT fts3_tokenizer('simple')", "fts3_tokenizer"),
            ("BEGIN", "transaction"),
            ("WITH x AS (SELECT 1) DELETE FROM people", "DELETE"),
        ] {
            let reason = authorizer_refuses(sql);
            if !reason.contains(want) {
                wrong.push(format!("{sql}: {reason}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn vacuum_is_stopped_even_without_the_first_word_check() {
        let (dir, conn, _refusal) = guarded_db();
        let copy = dir.path().join("copy.db");
        for sql in ["VACUUM".to_string(), format!("VACUUM INTO '{}'", copy.display())] {
            let stopped = match conn.prepare(&sql) {
                Err(_) => true,
                Ok(stmt) => !stmt.readonly(),
            };
            assert!(stopped, "{sql}");
        }
        assert!(!copy.exists());
    }

    #[test]
    fn reading_statements_pass_the_guard() {
        let (_dir, conn, refusal) = guarded_db();
        for sql in [
            "SELECT name FROM people",
            "  -- a comment\n SELECT count(*) FROM events",
            "WITH x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3) SELECT n FROM x",
            "VALUES (1), (2)",
            "PRAGMA table_info(people)",
            "PRAGMA foreign_keys",
            "SELECT * FROM pragma_table_info('events')",
            "EXPLAIN QUERY PLAN SELECT * FROM people WHERE name = 'x'",
            "SELECT 1;  -- trailing comment",
        ] {
            prepare_guarded(&conn, &refusal, sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    }

    #[test]
    fn refusals_name_what_was_refused() {
        assert!(refusal_of("SELECT 1; DROP TABLE people").contains("refused"));
        assert!(refusal_of("VACUUM").contains("VACUUM"));
        assert!(refusal_of("vacuum into 'copy.db'").contains("VACUUM"));
        assert!(refusal_of("PRAGMA user_version = 5").contains("user_version"));
        assert!(refusal_of("/* hi */ DELETE FROM people").contains("DELETE"));
    }

    #[test]
    fn every_canned_query_passes_the_guard() {
        let (_dir, conn, refusal) = guarded_db();
        for q in canned::all() {
            prepare_guarded(&conn, &refusal, &q.body()).unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
    }

    #[test]
    fn parameters_bind_by_name_and_missing_ones_are_named() {
        let (_dir, conn, refusal) = guarded_db();
        let mut stmt = prepare_guarded(&conn, &refusal, "SELECT :a, :b").unwrap();
        let err = bind(&mut stmt, &[("a".into(), "1".into())]).unwrap_err().to_string();
        assert_eq!(err, "missing parameter b: add -p b=VALUE");
        let mut stmt = prepare_guarded(&conn, &refusal, "SELECT :a").unwrap();
        let err = bind(&mut stmt, &[("a".into(), "1".into()), ("c".into(), "2".into())]).unwrap_err().to_string();
        assert!(err.contains(":c"), "{err}");
        let mut stmt = prepare_guarded(&conn, &refusal, "SELECT ?").unwrap();
        assert!(bind(&mut stmt, &[]).unwrap_err().to_string().contains("positional"));
    }

    #[test]
    fn integer_looking_values_bind_as_integers_and_the_rest_as_text() {
        let (_dir, conn, refusal) = guarded_db();
        let mut stmt = prepare_guarded(&conn, &refusal, "SELECT typeof(:a), typeof(:b), typeof(:c)").unwrap();
        bind(&mut stmt, &[("a".into(), "42".into()), ("b".into(), "007".into()), ("c".into(), "x".into())]).unwrap();
        let got: (String, String, String) = stmt.raw_query().next().unwrap().map(|r| (r.get(0).unwrap(), r.get(1).unwrap(), r.get(2).unwrap())).unwrap();
        assert_eq!(got, ("integer".into(), "text".into(), "text".into()));
    }

    #[test]
    fn a_name_that_is_not_sql_is_not_sent_to_sqlite() {
        assert!(looks_like_sql("select 1"));
        assert!(looks_like_sql("/* c */ WITH x AS (SELECT 1) SELECT * FROM x"));
        assert!(looks_like_sql("(SELECT 1)"));
        assert!(!looks_like_sql("atacks by month"));
    }

    #[test]
    fn param_flags_parse() {
        assert_eq!(parse_param("base=Ain al-Asad").unwrap(), ("base".into(), "Ain al-Asad".into()));
        assert_eq!(parse_param(":n=a=b").unwrap(), ("n".into(), "a=b".into()));
        assert!(parse_param("novalue").is_err());
        assert!(parse_param("bad name=1").is_err());
    }
}
