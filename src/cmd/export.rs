//! `kb export`: the events as one flat ACLED-like table, and the entities,
//! as CSV or JSON Lines for spreadsheets, pandas and GIS tools.

use crate::output::{json_field, value_text, Field, Value};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// one row per event
    Events,
    /// one row per person, organization and base
    Entities,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    #[default]
    Csv,
    Jsonl,
}

/// Export events or entities as CSV or JSON Lines
#[derive(Debug, Args)]
#[command(after_help = "Event columns: event_id, date, precision, kind, actors, targets, base, place, latitude,\n\
longitude, killed, injured, reported_count, count_qualifier, sources, outlets, first_published,\n\
evidence, summary (names joined by \"; \"; coordinates are the base's).\n\
Entity columns: type, id, name, kind_or_role, aliases, mentions, articles.\n\
Examples:\n  kb export events > events.csv\n  kb export events --format jsonl --output events.jsonl\n  kb export entities -f csv")]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum)]
    pub what: What,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

const NAMES_IN_ROLE: &str = "(SELECT group_concat(n, '; ') FROM (
        SELECT coalesce(p.name, o.name, b.name) AS n FROM event_entities ee
        LEFT JOIN people p ON ee.entity_type = 'person' AND p.id = ee.entity_id
        LEFT JOIN organizations o ON ee.entity_type = 'organization' AND o.id = ee.entity_id
        LEFT JOIN bases b ON ee.entity_type = 'base' AND b.id = ee.entity_id
        WHERE ee.event_id = e.id AND ee.role = '{role}' ORDER BY n))";

fn events_sql() -> String {
    format!(
        "SELECT e.id AS event_id, e.occurred_on AS date, e.date_precision AS precision, e.kind,
                {actors} AS actors, {targets} AS targets,
                b.name AS base, e.place, b.latitude, b.longitude,
                e.killed, e.injured, e.reported_count, e.count_qualifier,
                (SELECT count(DISTINCT es.source_id) FROM event_sources es WHERE es.event_id = e.id) AS sources,
                (SELECT group_concat(outlet, '; ') FROM (SELECT DISTINCT s.outlet FROM event_sources es
                    JOIN sources s ON s.id = es.source_id WHERE es.event_id = e.id AND s.outlet IS NOT NULL ORDER BY s.outlet)) AS outlets,
                (SELECT min(s.published_on) FROM event_sources es JOIN sources s ON s.id = es.source_id WHERE es.event_id = e.id) AS first_published,
                (SELECT es.sentence FROM event_sources es WHERE es.event_id = e.id ORDER BY es.id LIMIT 1) AS evidence,
                e.summary
         FROM events e LEFT JOIN bases b ON b.id = e.base_id
         ORDER BY e.occurred_on IS NULL, e.occurred_on, e.id",
        actors = NAMES_IN_ROLE.replace("{role}", "actor"),
        targets = NAMES_IN_ROLE.replace("{role}", "target"),
    )
}

fn entities_sql() -> String {
    let part = |t: &str, table: &str, kind: &str| {
        format!(
            "SELECT '{t}' AS type, x.id, x.name, {kind} AS kind_or_role,
                    (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM aliases a WHERE a.entity_type = '{t}' AND a.entity_id = x.id ORDER BY alias)) AS aliases,
                    (SELECT count(*) FROM mentions m WHERE m.entity_type = '{t}' AND m.entity_id = x.id) AS mentions,
                    (SELECT count(DISTINCT m.source_id) FROM mentions m WHERE m.entity_type = '{t}' AND m.entity_id = x.id) AS articles
             FROM {table} x"
        )
    };
    format!(
        "{} UNION ALL {} UNION ALL {} ORDER BY 1, 3",
        part("person", "people", "x.role"),
        part("organization", "organizations", "x.kind"),
        part("base", "bases", "x.country")
    )
}

pub fn run(args: ExportArgs, db: &Path) -> Result<()> {
    let conn = crate::db::open_ro(db)?;
    let sql = match args.what {
        What::Events => events_sql(),
        What::Entities => entities_sql(),
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut stmt = conn.prepare(&sql)?;
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut rows = stmt.query([])?;
    let mut n = 0u64;
    let mut next = || -> Result<Option<Vec<Value>>> {
        match rows.next()? {
            Some(row) => Ok(Some((0..columns.len()).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?)),
            None => Ok(None),
        }
    };
    match args.format {
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(&columns)?;
            while let Some(values) = next()? {
                w.write_record(values.iter().map(value_text))?;
                n += 1;
            }
            w.flush()?;
        }
        ExportFormat::Jsonl => {
            // Keys written by hand to keep the column order.
            let keys: Vec<String> = columns.iter().map(serde_json::to_string).collect::<serde_json::Result<_>>()?;
            let mut line: Vec<u8> = Vec::new();
            while let Some(values) = next()? {
                line.clear();
                line.push(b'{');
                for (i, (k, v)) in keys.iter().zip(&values).enumerate() {
                    if i > 0 {
                        line.push(b',');
                    }
                    line.extend_from_slice(k.as_bytes());
                    line.push(b':');
                    json_field(&mut line, &Field::from(v))?;
                }
                line.extend_from_slice(b"}\n");
                out.write_all(&line)?;
                n += 1;
            }
        }
    }
    out.flush()?;
    if let Some(p) = &args.output {
        eprintln!("{n} rows written to {}", p.display());
    }
    Ok(())
}
