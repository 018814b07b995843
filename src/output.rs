//! Rendering result sets: a comfy-table on a terminal, or CSV, JSON and
//! Markdown for pipes and documents. Every command that prints rows (query,
//! extract, search) goes through `write_rows`, so the formats agree.

use anyhow::{Context, Result};
use clap::ValueEnum;
use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A cell: NULL, integer, real, text or blob (SQLite's own storage classes).
pub use rusqlite::types::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
    Markdown,
}

/// How a table is drawn. The streaming formats ignore all of it: CSV, JSON
/// and Markdown are never styled and never wrapped.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Borders in UTF-8 and a bold header (only for a terminal without NO_COLOR).
    pub styled: bool,
    /// Wrap the table to this many columns; `None` draws it at its natural width.
    pub width: Option<u16>,
}

impl RenderOptions {
    /// Options for standard output: styled only on a terminal without
    /// `NO_COLOR`; the width from `width` if given, else `COLUMNS`, else the
    /// terminal's, else unbounded (a pipe gets whole lines).
    pub fn for_stdout(width: Option<u16>) -> Self {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").map(|v| !v.is_empty()).unwrap_or(false);
        let width = width
            .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()).filter(|w| *w >= 20))
            .or_else(|| if tty { terminal_width() } else { None });
        RenderOptions { styled: tty && !no_color, width }
    }
}

/// The terminal's width, when it reports a usable one (a pseudo-terminal
/// without a size says 0, which would squeeze every cell to one letter).
fn terminal_width() -> Option<u16> {
    Table::new().width().filter(|w| *w >= 20)
}

/// True when the error (anywhere in its chain) is a closed pipe, which is
/// not a failure: `kb query ... | head` must exit quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().map(|io| io.kind() == std::io::ErrorKind::BrokenPipe).unwrap_or(false)
            || e.downcast_ref::<csv::Error>()
                .map(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
                .unwrap_or(false)
            // serde_json hides its I/O error from the source chain.
            || e.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// A cell as plain text: NULL is empty, a blob is lowercase hex.
pub fn value_text(v: &Value) -> String {
    Field::from(v).text()
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// A cell borrowed from wherever the row lives (a SQLite row being stepped,
/// or a `Value`), so streaming a listing costs no allocation per cell.
#[derive(Debug, Clone, Copy)]
pub enum Field<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl<'a> From<&'a Value> for Field<'a> {
    fn from(v: &'a Value) -> Self {
        match v {
            Value::Null => Field::Null,
            Value::Integer(i) => Field::Integer(*i),
            Value::Real(r) => Field::Real(*r),
            Value::Text(s) => Field::Text(s),
            Value::Blob(b) => Field::Blob(b),
        }
    }
}

impl Field<'_> {
    /// The cell as plain text (NULL is empty, a blob is lowercase hex),
    /// appended to `buf`.
    fn push_text(&self, buf: &mut Vec<u8>) {
        match self {
            Field::Null => {}
            Field::Integer(i) => {
                let _ = write!(buf, "{i}");
            }
            Field::Real(r) => {
                let _ = write!(buf, "{r}");
            }
            Field::Text(s) => buf.extend_from_slice(s.as_bytes()),
            Field::Blob(b) => buf.extend_from_slice(hex(b).as_bytes()),
        }
    }

    fn text(&self) -> String {
        match self {
            Field::Text(s) => s.to_string(),
            _ => {
                let mut buf = Vec::new();
                self.push_text(&mut buf);
                String::from_utf8(buf).expect("numbers and hex are ASCII")
            }
        }
    }
}

/// Writes rows in `format` as they arrive. CSV, JSON and Markdown stream
/// (the first row is flushed at once, later ones in buffered batches); a
/// table needs every row to size its columns, so it collects them first.
/// Returns the number of rows written.
pub fn write_rows<I>(format: Format, columns: &[String], rows: I, out: &mut dyn Write, opts: &RenderOptions) -> Result<u64>
where
    I: Iterator<Item = Result<Vec<Value>>>,
{
    let mut w = RowWriter::new(format, columns, out, opts)?;
    for row in rows {
        let row = row?;
        let fields: Vec<Field<'_>> = row.iter().map(Field::from).collect();
        w.write_row(&fields)?;
    }
    w.finish()
}

/// `write_rows` one row at a time, for rows that are only borrowed while
/// they are written (a statement's current row).
pub struct RowWriter<'w> {
    sink: Sink<'w>,
    n: u64,
    flusher: Flusher,
}

enum Sink<'w> {
    Csv { w: Box<csv::Writer<&'w mut dyn Write>>, record: csv::ByteRecord, scratch: Vec<u8> },
    Json { out: &'w mut dyn Write, keys: Vec<String>, line: Vec<u8> },
    Markdown { out: &'w mut dyn Write, line: Vec<u8>, scratch: Vec<u8> },
    Table { out: &'w mut dyn Write, table: Box<Table>, widest: Vec<usize>, width: Option<u16> },
}

impl<'w> RowWriter<'w> {
    /// Starts the output: the header for CSV and Markdown (CSV's flushed at
    /// once), the opening bracket for JSON.
    pub fn new(format: Format, columns: &[String], out: &'w mut dyn Write, opts: &RenderOptions) -> Result<Self> {
        let sink = match format {
            Format::Csv => {
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
                w.write_record(columns)?;
                w.flush()?;
                Sink::Csv { w: Box::new(w), record: csv::ByteRecord::new(), scratch: Vec::new() }
            }
            Format::Json => {
                // Keys are written by hand, not through a serde_json map, to
                // keep the column order (serde_json's map sorts its keys).
                let keys = unique_keys(columns).iter().map(|k| serde_json::to_string(k).expect("a string serializes")).collect();
                out.write_all(b"[")?;
                Sink::Json { out, keys, line: Vec::new() }
            }
            Format::Markdown => {
                let mut line = Vec::new();
                markdown_line(&mut line, columns.iter().map(|c| c.as_str()));
                markdown_line(&mut line, columns.iter().map(|_| "---"));
                out.write_all(&line)?;
                Sink::Markdown { out, line, scratch: Vec::new() }
            }
            Format::Table => {
                let (table, widest) = new_table(columns, opts);
                Sink::Table { out, table: Box::new(table), widest, width: opts.width }
            }
        };
        Ok(RowWriter { sink, n: 0, flusher: Flusher::new() })
    }

    pub fn write_row(&mut self, row: &[Field<'_>]) -> Result<()> {
        self.n += 1;
        let n = self.n;
        match &mut self.sink {
            Sink::Csv { w, record, scratch } => {
                record.clear();
                for f in row {
                    match f {
                        Field::Text(s) => record.push_field(s.as_bytes()),
                        _ => {
                            scratch.clear();
                            f.push_text(scratch);
                            record.push_field(scratch);
                        }
                    }
                }
                w.write_byte_record(record)?;
                if self.flusher.due(n) {
                    w.flush()?;
                }
            }
            Sink::Json { out, keys, line } => {
                line.clear();
                line.extend_from_slice(if n == 1 { b"\n{" } else { b",\n{" });
                for (i, (key, f)) in keys.iter().zip(row.iter()).enumerate() {
                    if i > 0 {
                        line.push(b',');
                    }
                    line.extend_from_slice(key.as_bytes());
                    line.push(b':');
                    json_field(line, f)?;
                }
                line.push(b'}');
                out.write_all(line)?;
                self.flusher.row_written(n, *out)?;
            }
            Sink::Markdown { out, line, scratch } => {
                line.clear();
                line.push(b'|');
                for f in row {
                    line.push(b' ');
                    match f {
                        Field::Text(s) => markdown_cell_into(line, s),
                        _ => {
                            scratch.clear();
                            f.push_text(scratch);
                            markdown_cell_into(line, std::str::from_utf8(scratch).expect("numbers and hex are ASCII"));
                        }
                    }
                    line.extend_from_slice(b" |");
                }
                line.push(b'\n');
                out.write_all(line)?;
                self.flusher.row_written(n, *out)?;
            }
            Sink::Table { table, widest, .. } => {
                table.add_row(row.iter().enumerate().map(|(i, f)| {
                    let text = f.text();
                    if let Some(w) = widest.get_mut(i) {
                        *w = (*w).max(text_width(&text));
                    }
                    let cell = Cell::new(text);
                    // Numbers read best right-aligned, as in a spreadsheet.
                    if matches!(f, Field::Integer(_) | Field::Real(_)) {
                        cell.set_alignment(comfy_table::CellAlignment::Right)
                    } else {
                        cell
                    }
                }));
            }
        }
        Ok(())
    }

    /// Ends the output (JSON's closing bracket, the whole table) and
    /// returns the number of rows written.
    pub fn finish(self) -> Result<u64> {
        let n = self.n;
        match self.sink {
            Sink::Csv { mut w, .. } => w.flush()?,
            Sink::Json { out, .. } => {
                out.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            Sink::Markdown { out, .. } => out.flush()?,
            Sink::Table { out, mut table, widest, width } => {
                if let Some(width) = width {
                    keep_short_columns_whole(&mut table, &widest, width);
                }
                writeln!(out, "{table}").context("writing the table")?;
                out.flush()?;
            }
        }
        Ok(n)
    }
}

/// Decides when a streaming writer flushes: after the first row, so a slow
/// query shows its first answer at once, then whenever 100 ms have passed
/// since the last flush, so rows that trickle in are seen as they come
/// while a fast stream is written in large buffered blocks.
struct Flusher {
    last: Option<Instant>,
}

impl Flusher {
    const EVERY: Duration = Duration::from_millis(100);

    fn new() -> Self {
        Flusher { last: None }
    }

    /// Whether to flush after the `n`th row.
    fn due(&mut self, n: u64) -> bool {
        let due = n == 1 || self.last.map(|t| t.elapsed() >= Self::EVERY).unwrap_or(true);
        if due {
            self.last = Some(Instant::now());
        }
        due
    }

    fn row_written(&mut self, n: u64, out: &mut dyn Write) -> std::io::Result<()> {
        if self.due(n) {
            out.flush()?;
        }
        Ok(())
    }
}

/// Object keys must be unique for a JSON reader to keep every column, so a
/// repeated column name (`SELECT a.id, b.id`) gets a `_2`, `_3` suffix.
pub fn unique_keys(columns: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(columns.len());
    for c in columns {
        let mut key = c.clone();
        let mut i = 2;
        while keys.contains(&key) {
            key = format!("{c}_{i}");
            i += 1;
        }
        keys.push(key);
    }
    keys
}

/// A cell as JSON, appended to `buf`: integers and reals as numbers (a
/// non-finite real, which JSON cannot hold, as null), a blob as a hex string.
pub fn json_field(buf: &mut Vec<u8>, f: &Field<'_>) -> serde_json::Result<()> {
    match f {
        Field::Null => buf.extend_from_slice(b"null"),
        Field::Integer(i) => serde_json::to_writer(&mut *buf, i)?,
        Field::Real(r) if r.is_finite() => serde_json::to_writer(&mut *buf, r)?,
        Field::Real(_) => buf.extend_from_slice(b"null"),
        Field::Text(s) => serde_json::to_writer(&mut *buf, s)?,
        Field::Blob(b) => serde_json::to_writer(&mut *buf, &hex(b))?,
    }
    Ok(())
}

/// A cell for a GitHub pipe table: a pipe is escaped, a line break becomes
/// `<br>` (a row must stay on one line).
fn markdown_cell_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'|' => out.extend_from_slice(b"\\|"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                out.extend_from_slice(b"<br>");
            }
            b'\n' => out.extend_from_slice(b"<br>"),
            c => out.push(c),
        }
        i += 1;
    }
}

fn markdown_line<'a>(out: &mut Vec<u8>, cells: impl Iterator<Item = &'a str>) {
    out.push(b'|');
    for c in cells {
        out.push(b' ');
        markdown_cell_into(out, c);
        out.extend_from_slice(b" |");
    }
    out.push(b'\n');
}

fn new_table(columns: &[String], opts: &RenderOptions) -> (Table, Vec<usize>) {
    let mut table = Table::new();
    if opts.styled {
        table.load_preset(presets::UTF8_FULL_CONDENSED).enforce_styling();
        table.set_header(columns.iter().map(|c| Cell::new(c).add_attribute(Attribute::Bold)));
    } else {
        table.load_preset(presets::ASCII_FULL_CONDENSED).force_no_tty();
        table.set_header(columns.iter().map(Cell::new));
    }
    match opts.width {
        Some(w) => {
            table.set_width(w).set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    let widest = columns.iter().map(|c| text_width(c)).collect();
    (table, widest)
}

fn text_width(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Left to itself a narrow table wraps every column alike, breaking a date
/// or a number over lines while a sentence keeps its width. So short
/// columns, narrowest first, are kept whole while every other column is
/// still left room for a few words; the long ones take the wrapping. When
/// even that room is missing, comfy-table's own sharing is the best there is.
fn keep_short_columns_whole(table: &mut Table, widest: &[usize], width: u16) {
    const SHORT: usize = 16;
    const ROOM: usize = 10;
    // Each column costs its text, two spaces of padding and one border.
    let mut needed: usize = 1 + widest.iter().map(|w| (*w).min(ROOM) + 3).sum::<usize>();
    if needed > width as usize {
        return;
    }
    let mut short: Vec<(usize, usize)> = widest.iter().copied().enumerate().filter(|(_, w)| *w <= SHORT).collect();
    short.sort_by_key(|(i, w)| (*w, *i));
    for (i, w) in short {
        let extra = w - w.min(ROOM);
        if needed + extra > width as usize {
            break;
        }
        needed += extra;
        if let Some(col) = table.column_mut(i) {
            col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn render(format: Format, columns: &[String], rows: Vec<Vec<Value>>, opts: &RenderOptions) -> String {
        let mut buf = Vec::new();
        write_rows(format, columns, rows.into_iter().map(Ok), &mut buf, opts).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn sample() -> (Vec<String>, Vec<Vec<Value>>) {
        (
            cols(&["id", "name", "score", "raw"]),
            vec![
                vec![Value::Integer(1), Value::Text("a, \"quoted\" | piped".into()), Value::Real(2.5), Value::Blob(vec![0, 255])],
                vec![Value::Integer(2), Value::Null, Value::Null, Value::Null],
            ],
        )
    }

    #[test]
    fn the_first_row_and_rows_after_a_pause_are_flushed_at_once() {
        let mut f = Flusher::new();
        assert!(f.due(1));
        assert!(!f.due(2), "a fast stream stays buffered");
        std::thread::sleep(Flusher::EVERY + Duration::from_millis(10));
        assert!(f.due(3), "a row after a pause is not held back");
        assert!(!f.due(4));
    }

    #[test]
    fn csv_round_trips_through_a_csv_reader() {
        let (c, rows) = sample();
        let text = render(Format::Csv, &c, rows, &RenderOptions::default());
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["id", "name", "score", "raw"]);
        let recs: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(&recs[0][1], "a, \"quoted\" | piped");
        assert_eq!(&recs[0][3], "00ff");
        assert_eq!(&recs[1][1], "");
    }

    #[test]
    fn json_keeps_types_and_column_order() {
        let (c, rows) = sample();
        let text = render(Format::Json, &c, rows, &RenderOptions::default());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 2);
        assert_eq!(arr[0]["id"], serde_json::json!(1));
        assert_eq!(arr[0]["score"], serde_json::json!(2.5));
        assert_eq!(arr[0]["raw"], serde_json::json!("00ff"));
        assert!(arr[1]["name"].is_null());
        assert!(text.find("\"id\"").unwrap() < text.find("\"name\"").unwrap());
    }

    #[test]
    fn json_of_no_rows_is_an_empty_array() {
        let text = render(Format::Json, &cols(&["a"]), vec![], &RenderOptions::default());
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), serde_json::json!([]));
    }

    #[test]
    fn json_repeated_column_names_stay_distinct() {
        let text = render(Format::Json, &cols(&["id", "id"]), vec![vec![Value::Integer(1), Value::Integer(2)]], &RenderOptions::default());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[0]["id"], 1);
        assert_eq!(v[0]["id_2"], 2);
    }

    #[test]
    fn json_non_finite_real_is_null() {
        let text = render(Format::Json, &cols(&["x"]), vec![vec![Value::Real(f64::INFINITY)]], &RenderOptions::default());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v[0]["x"].is_null());
    }

    #[test]
    fn markdown_escapes_pipes_and_line_breaks() {
        let text = render(
            Format::Markdown,
            &cols(&["a|b", "c"]),
            vec![vec![Value::Text("x | y".into()), Value::Text("line1\nline2".into())]],
            &RenderOptions::default(),
        );
        assert_eq!(text, "| a\\|b | c |\n| --- | --- |\n| x \\| y | line1<br>line2 |\n");
    }

    #[test]
    fn plain_table_uses_ascii_and_no_escape_codes() {
        let (c, rows) = sample();
        let text = render(Format::Table, &c, rows, &RenderOptions { styled: false, width: Some(60) });
        assert!(text.is_ascii(), "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
    }

    #[test]
    fn styled_table_is_bold_with_utf8_borders() {
        let (c, rows) = sample();
        let text = render(Format::Table, &c, rows, &RenderOptions { styled: true, width: Some(80) });
        assert!(text.contains('│'));
        assert!(text.contains("\u{1b}[1m"), "{text:?}");
    }

    #[test]
    fn narrow_table_wraps_long_text_within_the_width() {
        let long = "word ".repeat(40);
        let text = render(Format::Table, &cols(&["n", "text"]), vec![vec![Value::Integer(1), Value::Text(long)]], &RenderOptions { styled: false, width: Some(40) });
        assert!(text.lines().count() > 5);
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
    }

    #[test]
    fn a_row_error_stops_the_output_with_that_error() {
        let rows: Vec<Result<Vec<Value>>> = vec![Ok(vec![Value::Integer(1)]), Err(anyhow::anyhow!("disk on fire"))];
        let mut buf = Vec::new();
        let err = write_rows(Format::Csv, &cols(&["a"]), rows.into_iter(), &mut buf, &RenderOptions::default()).unwrap_err();
        assert!(err.to_string().contains("disk on fire"));
        assert!(String::from_utf8(buf).unwrap().starts_with("a\n1\n"));
    }

    #[test]
    fn broken_pipe_is_recognized_through_context() {
        let io = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed");
        let err = anyhow::Error::new(io).context("writing rows");
        assert!(is_broken_pipe(&err));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }

    struct ClosedPipe;
    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_recognized_from_every_streaming_format() {
        for format in [Format::Csv, Format::Json, Format::Markdown, Format::Table] {
            let rows = (0..3).map(|i| Ok(vec![Value::Integer(i), Value::Text("x".into())]));
            let err = write_rows(format, &cols(&["a", "b"]), rows, &mut ClosedPipe, &RenderOptions::default()).unwrap_err();
            assert!(is_broken_pipe(&err), "{format:?}: {err:?}");
        }
        // serde_json's own error for a closed pipe, as a writer inside it meets one.
        let err = serde_json::to_writer(ClosedPipe, &serde_json::json!({"a": 1})).unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(err)));
    }
}
