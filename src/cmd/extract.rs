//! `kb extract`: the dry run. It shows what ingest would store for one
//! article (mentions, dates, events), writing nothing, so an analyst can see
//! why kb read an article the way it did and the stages can be scored alone.

use crate::article::{self, Defaults};
use crate::extract::text::CharIndex;
use crate::extract::{self, Extraction, Gazetteer};
use crate::output::{Format, RenderOptions, Value};
use anyhow::Result;
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Show what ingest would extract from one article, writing nothing
///
/// Offsets are characters into the normalized body, as in the database. The
/// dictionary is the database's when the --db file exists, else the bundled one.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  kb extract corpus/001_d1dad8ba81df5b04.txt\n  kb extract story.txt --published 2024-02-11 --format json")]
pub struct ExtractArgs {
    /// An article file, or - for standard input
    pub path: PathBuf,
    /// Publication date (YYYY-MM-DD) when the input has no front matter giving it
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::ingest::parse_date_arg)]
    pub published: Option<jiff::civil::Date>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print only one section
    #[arg(long, value_enum)]
    pub only: Option<Section>,
    /// Wrap tables to N columns [default: $COLUMNS, else the terminal's width]
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    Mentions,
    Dates,
    Events,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    surface: &'a str,
    #[serde(rename = "type")]
    etype: &'static str,
    name: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DateOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: Option<&'a str>,
    precision: Option<&'static str>,
}

#[derive(Serialize)]
struct ParticipantOut<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    etype: &'static str,
    role: &'static str,
}

#[derive(Serialize)]
struct EventOut<'a> {
    kind: &'static str,
    date: Option<&'a str>,
    precision: Option<&'static str>,
    sentence: &'a str,
    date_text: Option<&'a str>,
    base: Option<&'a str>,
    place: Option<&'a str>,
    killed: Option<i64>,
    injured: Option<i64>,
    reported_count: Option<i64>,
    summary: &'a str,
    entities: Vec<ParticipantOut<'a>>,
}

#[derive(Serialize)]
struct ExtractOut<'a> {
    path: &'a str,
    published: Option<String>,
    body: &'a str,
    mentions: Vec<MentionOut<'a>>,
    dates: Vec<DateOut<'a>>,
    events: Vec<EventOut<'a>>,
}

pub fn run(args: ExtractArgs, db: &Path) -> Result<ExitCode> {
    let defaults = Defaults { outlet: None, published: args.published, max_size: article::DEFAULT_MAX_SIZE };
    let art = article::read_one(&args.path, &defaults)?;
    let entries = if db.exists() {
        let conn = crate::db::open_ro(db)?;
        crate::store::load_dictionary(&conn)?
    } else {
        extract::dictionary::bundled()
    };
    let gazetteer = Gazetteer::new(entries);
    let ex = extract::extract(&art.body, art.meta.published, &gazetteer);
    let out = view(&art, &ex);
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &out)?;
            writeln!(w)?;
        }
        _ => write_sections(&mut w, &out, args.format, args.only, args.width)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn view<'a>(art: &'a article::Article, ex: &'a Extraction) -> ExtractOut<'a> {
    let chars = CharIndex::new(&art.body);
    let body = art.body.as_str();
    let mentions = ex
        .mentions
        .iter()
        .map(|m| {
            let e = &ex.entities[m.entity];
            MentionOut {
                surface: &body[m.start..m.end],
                etype: e.etype.as_str(),
                name: &e.name,
                start: chars.char_offset(m.start),
                end: chars.char_offset(m.end),
            }
        })
        .collect();
    let dates = ex
        .dates
        .iter()
        .map(|d| DateOut {
            text: &body[d.start..d.end],
            start: chars.char_offset(d.start),
            end: chars.char_offset(d.end),
            value: d.value.as_deref(),
            precision: d.value.as_ref().and(d.precision.map(|p| p.as_str())),
        })
        .collect();
    let events = ex
        .events
        .iter()
        .map(|ev| {
            let s = ex.sentences[ev.sentence];
            EventOut {
                kind: ev.kind.as_str(),
                date: ev.date.as_deref(),
                precision: ev.date.as_ref().and(ev.precision.map(|p| p.as_str())),
                sentence: &body[s.start..s.end],
                date_text: ev.date_text.as_deref(),
                base: ev.base.map(|b| ex.entities[b].name.as_str()),
                place: ev.place.as_deref(),
                killed: ev.killed,
                injured: ev.injured,
                reported_count: ev.reported_count,
                summary: &ev.summary,
                entities: ev
                    .participants
                    .iter()
                    .map(|p| ParticipantOut {
                        name: &ex.entities[p.entity].name,
                        etype: ex.entities[p.entity].etype.as_str(),
                        role: p.role.as_str(),
                    })
                    .collect(),
            }
        })
        .collect();
    ExtractOut {
        path: &art.path,
        published: art.meta.published.map(|d| d.to_string()),
        body,
        mentions,
        dates,
        events,
    }
}

/// One section of the dry run as rows for the shared renderer.
fn section(out: &ExtractOut, which: Section) -> (Vec<String>, Vec<Vec<Value>>) {
    let text = |s: &str| Value::Text(s.to_string());
    let opt_text = |s: Option<&str>| s.map(|x| Value::Text(x.to_string())).unwrap_or(Value::Null);
    let opt_int = |n: Option<i64>| n.map(Value::Integer).unwrap_or(Value::Null);
    let cols = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match which {
        Section::Mentions => (
            cols(&["start", "end", "type", "surface", "name"]),
            out.mentions
                .iter()
                .map(|m| vec![Value::Integer(m.start as i64), Value::Integer(m.end as i64), text(m.etype), text(m.surface), text(m.name)])
                .collect(),
        ),
        Section::Dates => (
            cols(&["start", "end", "text", "value", "precision"]),
            out.dates
                .iter()
                .map(|d| vec![Value::Integer(d.start as i64), Value::Integer(d.end as i64), text(d.text), opt_text(d.value), opt_text(d.precision)])
                .collect(),
        ),
        Section::Events => (
            cols(&["kind", "date", "precision", "date_text", "base", "place", "killed", "count", "entities", "sentence"]),
            out.events
                .iter()
                .map(|e| {
                    let who: Vec<String> = e.entities.iter().map(|p| format!("{}: {}", p.role, p.name)).collect();
                    vec![
                        text(e.kind),
                        opt_text(e.date),
                        opt_text(e.precision),
                        opt_text(e.date_text),
                        opt_text(e.base),
                        opt_text(e.place),
                        opt_int(e.killed),
                        opt_int(e.reported_count),
                        text(&who.join("; ")),
                        text(e.sentence),
                    ]
                })
                .collect(),
        ),
    }
}

fn write_sections(w: &mut dyn Write, out: &ExtractOut, format: Format, only: Option<Section>, width: Option<u16>) -> Result<()> {
    let opts = RenderOptions::for_stdout(width);
    let sections = match only {
        Some(s) => vec![s],
        None => vec![Section::Mentions, Section::Dates, Section::Events],
    };
    if format == Format::Csv && sections.len() > 1 {
        return Err(crate::UsageError(
            "--format csv prints one table: add --only mentions|dates|events (or use --format json)".into(),
        )
        .into());
    }
    for (i, s) in sections.iter().enumerate() {
        if sections.len() > 1 {
            if i > 0 {
                writeln!(w)?;
            }
            let title = match s {
                Section::Mentions => "mentions",
                Section::Dates => "dates",
                Section::Events => "events",
            };
            if format == Format::Markdown {
                writeln!(w, "## {title}\n")?;
            } else {
                writeln!(w, "{title}")?;
            }
        }
        let (cols, rows) = section(out, *s);
        crate::output::write_rows(format, &cols, rows.into_iter().map(Ok), w, &opts)?;
    }
    Ok(())
}
