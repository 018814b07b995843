//! The properties the fuzz targets check, in one place so that the
//! regression tests in `tests/fuzz_regressions.rs` replay found inputs
//! through exactly the same checks.

#![allow(dead_code)]

use kb::article::{self, Defaults, Raw, Rejected};
use kb::extract::{Extraction, Gazetteer};
use std::sync::LazyLock;

/// The bundled dictionary, compiled once: building the automaton per input
/// would dwarf the work being tested.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(kb::extract::dictionary::bundled()));

/// A normalized body: NFC, no carriage return, no empty line, no white
/// space at either end of a line, and a fixed point of `normalize`.
pub fn check_normalized(out: &str, title: Option<&str>) -> Result<(), String> {
    if !unicode_normalization::is_nfc(out) {
        return Err(format!("not NFC: {out:?}"));
    }
    if out.contains('\r') {
        return Err(format!("carriage return left: {out:?}"));
    }
    if !out.is_empty() {
        for (i, line) in out.split('\n').enumerate() {
            if line.is_empty() {
                return Err(format!("empty line {i}: {out:?}"));
            }
            if line.trim() != line {
                return Err(format!("white space at an end of line {i}: {line:?}"));
            }
        }
    }
    let again = article::normalize(out, title);
    if again != out {
        return Err(format!("normalizing twice changes the text:\n once: {out:?}\ntwice: {again:?}"));
    }
    Ok(())
}

/// Runs the normalizer on `raw` and checks its output.
pub fn normalizer(raw: &str, title: Option<&str>) -> Result<(), String> {
    check_normalized(&article::normalize(raw, title), title)
}

/// A front-matter split: the body is the tail of the text, and text that
/// does not open with `---` is all body.
pub fn front_matter(text: &str) -> Result<(), String> {
    match article::split_front_matter(text) {
        Ok((meta, body)) => {
            if !text.ends_with(body) || body.as_ptr() as usize != text.as_ptr() as usize + (text.len() - body.len()) {
                return Err("body is not the tail of the text".into());
            }
            let first = text.split('\n').next().unwrap_or("");
            if first.trim_end() != "---" && (body.len() != text.len() || meta != Default::default()) {
                return Err("text without front matter was not left whole".into());
            }
        }
        Err(reason) => {
            if reason.is_empty() || reason.contains('\n') {
                return Err(format!("a rejection must be one line: {reason:?}"));
            }
        }
    }
    Ok(())
}

/// A whole text file through decoding, front matter and normalization.
pub fn text_file(bytes: &[u8]) -> Result<(), String> {
    let defaults = Defaults { max_size: article::DEFAULT_MAX_SIZE, ..Default::default() };
    check_item(article::parse(Raw::File { path: "f.txt".into(), bytes: bytes.to_vec() }, &defaults))
}

/// One JSON line through `parse`.
pub fn json_line(line: &[u8]) -> Result<(), String> {
    let defaults = Defaults { max_size: article::DEFAULT_MAX_SIZE, ..Default::default() };
    check_item(article::parse(Raw::JsonLine { path: "f.jsonl:1".into(), line: line.to_vec() }, &defaults))
}

fn check_item(item: article::Item) -> Result<(), String> {
    match item {
        Ok(a) => {
            if a.body.trim().is_empty() {
                return Err("an empty article was accepted".into());
            }
            if a.sha256 != article::sha256_hex(&a.body) {
                return Err("sha256 does not match the body".into());
            }
            check_normalized(&a.body, a.meta.title.as_deref())
        }
        Err(Rejected { reason, .. }) => {
            if reason.is_empty() || reason.contains('\n') {
                Err(format!("a rejection must be one line: {reason:?}"))
            } else {
                Ok(())
            }
        }
    }
}

/// The JSON Lines reader over `data` with a small size limit: every line
/// longer than the limit is rejected under its own number, every other
/// non-blank line comes out once, whole, under its own number, in order.
pub fn jsonl_reader(data: &[u8], max_size: u64) -> Result<(), String> {
    let defaults = Defaults { max_size, ..Default::default() };
    let mut got: Vec<(String, Option<Vec<u8>>)> = Vec::new();
    article::read_jsonl(std::io::Cursor::new(data), "f.jsonl", &defaults, &mut |raw| match raw {
        Raw::JsonLine { path, line } => got.push((path, Some(line))),
        Raw::Rejected(r) => got.push((r.path, None)),
        Raw::File { path, .. } => got.push((format!("unexpected whole file {path}"), None)),
    });
    let mut want: Vec<(String, Option<Vec<u8>>)> = Vec::new();
    let mut rest = data;
    let mut n = 0;
    while !rest.is_empty() {
        n += 1;
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..=i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = next;
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        if content.len() as u64 > max_size {
            want.push((format!("f.jsonl:{n}"), None));
        } else if !line.iter().all(|b| b.is_ascii_whitespace()) {
            want.push((format!("f.jsonl:{n}"), Some(line.to_vec())));
        }
    }
    if got != want {
        return Err(format!("reader gave {got:?}\nexpected {want:?}"));
    }
    Ok(())
}

/// Runs the whole extractor and checks what the store relies on.
pub fn extractor(body: &str, published: Option<jiff::civil::Date>) -> Result<(), String> {
    let x = kb::extract::extract(body, published, &GAZETTEER);
    check_extraction(body, &x)
}

fn span(body: &str, what: &str, start: usize, end: usize) -> Result<(), String> {
    if start >= end || end > body.len() || !body.is_char_boundary(start) || !body.is_char_boundary(end) {
        return Err(format!("{what} span {start}..{end} is not a non-empty slice of a body of {} bytes", body.len()));
    }
    Ok(())
}

pub fn check_extraction(body: &str, x: &Extraction) -> Result<(), String> {
    for (i, s) in x.sentences.iter().enumerate() {
        span(body, &format!("sentence {i}"), s.start, s.end)?;
    }
    for (i, m) in x.mentions.iter().enumerate() {
        span(body, &format!("mention {i}"), m.start, m.end)?;
        if m.entity >= x.entities.len() {
            return Err(format!("mention {i} names entity {} of {}", m.entity, x.entities.len()));
        }
    }
    let mut spans: Vec<(usize, usize)> = x.mentions.iter().map(|m| (m.start, m.end)).collect();
    spans.sort();
    for w in spans.windows(2) {
        if w[1].0 < w[0].1 {
            return Err(format!("mentions {:?} and {:?} overlap: {:?} / {:?}", w[0], w[1], &body[w[0].0..w[0].1], &body[w[1].0..w[1].1]));
        }
    }
    for (i, d) in x.dates.iter().enumerate() {
        span(body, &format!("date {i}"), d.start, d.end)?;
        if d.sentence >= x.sentences.len() {
            return Err(format!("date {i} is in sentence {} of {}", d.sentence, x.sentences.len()));
        }
    }
    for (i, e) in x.events.iter().enumerate() {
        if e.sentence >= x.sentences.len() {
            return Err(format!("event {i} is in sentence {} of {}", e.sentence, x.sentences.len()));
        }
        if let Some(b) = e.base {
            if b >= x.entities.len() {
                return Err(format!("event {i} has base {b} of {} entities", x.entities.len()));
            }
        }
        for p in &e.participants {
            if p.entity >= x.entities.len() {
                return Err(format!("event {i} has participant {} of {} entities", p.entity, x.entities.len()));
            }
        }
    }
    Ok(())
}

/// Splits a fuzz input into an optional publication date and a text: a
/// first byte with its low bit set takes the next two bytes as a date
/// between 1990 and 2053, so that relative dates get resolved too.
pub fn date_and_text(data: &[u8]) -> Option<(Option<jiff::civil::Date>, &str)> {
    let (date, rest) = match data {
        [flag, a, b, rest @ ..] if flag & 1 == 1 => {
            let year = 1990 + (*a as i16 % 64);
            let month = 1 + (*b % 12) as i8;
            let day = 1 + ((*b as u16 * 7 + *a as u16) % 28) as i8;
            (jiff::civil::Date::new(year, month, day).ok(), rest)
        }
        [_, rest @ ..] => (None, rest),
        [] => return None,
    };
    std::str::from_utf8(rest).ok().map(|s| (date, s))
}
