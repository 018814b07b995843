//! `kb extract`: the dry run. It shows what ingest would store for one
//! article (mentions, dates, events), writing nothing, so an analyst can see
//! why kb read an article the way it did and the stages can be scored alone.

use crate::article::{self, Defaults};
use crate::extract::text::CharIndex;
use crate::extract::{self, Extraction, Gazetteer};
use crate::output::Format;
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
        _ => write_tables(&mut w, &out, args.format)?,
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

fn write_tables(w: &mut dyn Write, out: &ExtractOut, _format: Format) -> Result<()> {
    writeln!(w, "{} (published {})", out.path, out.published.as_deref().unwrap_or("unknown"))?;
    writeln!(w, "\nmentions")?;
    for m in &out.mentions {
        writeln!(w, "  {:>6}-{:<6} {:<12} {:<40} -> {}", m.start, m.end, m.etype, m.surface, m.name)?;
    }
    writeln!(w, "\ndates")?;
    for d in &out.dates {
        writeln!(
            w,
            "  {:>6}-{:<6} {:<30} {} ({})",
            d.start,
            d.end,
            d.text,
            d.value.unwrap_or("unresolved"),
            d.precision.unwrap_or("-")
        )?;
    }
    writeln!(w, "\nevents")?;
    for e in &out.events {
        let who: Vec<String> = e.entities.iter().map(|p| format!("{}:{}", p.role, p.name)).collect();
        writeln!(
            w,
            "  {:<12} {:<10} {} | killed={} count={} | {}\n      {}",
            e.kind,
            e.date.unwrap_or("-"),
            e.date_text.unwrap_or(""),
            e.killed.map(|k| k.to_string()).unwrap_or_else(|| "-".into()),
            e.reported_count.map(|k| k.to_string()).unwrap_or_else(|| "-".into()),
            who.join(", "),
            e.sentence
        )?;
    }
    Ok(())
}
