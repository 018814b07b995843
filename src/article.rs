//! Reading articles: input discovery (files, folders, JSON Lines, stdin),
//! decoding, front matter, and normalization of the body that every offset
//! in the database points into.

use anyhow::{anyhow, bail, Result};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The largest article kb reads by default (bytes); `--max-size` changes it.
pub const DEFAULT_MAX_SIZE: u64 = 8 * 1024 * 1024;

/// What is known of an article besides its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<jiff::civil::Date>,
    /// every other front-matter key, in order
    pub extra: BTreeMap<String, String>,
}

/// One article, ready for extraction: metadata and the normalized body.
#[derive(Debug, Clone)]
pub struct Article {
    /// `sources.path`: the path as given or found, `FILE.jsonl:N`, `-`, `-:N`
    pub path: String,
    pub meta: Meta,
    pub body: String,
    pub sha256: String,
    /// a one-line warning to print (e.g. decoded as Windows-1252)
    pub warning: Option<String>,
}

/// An input that could not be read as an article: `kb: PATH[:LINE]: reason`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub path: String,
    pub reason: String,
}

/// Defaults for inputs that carry no front matter.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub outlet: Option<String>,
    pub published: Option<jiff::civil::Date>,
    pub max_size: u64,
}

/// A unit of input: either an article or the reason it was refused.
pub type Item = std::result::Result<Article, Rejected>;

/// A unit of input as read, before any parsing: reading is I/O only, so
/// that decoding, parsing and normalization can run on every core.
#[derive(Debug)]
pub enum Raw {
    /// a whole text file (or standard input)
    File { path: String, bytes: Vec<u8> },
    /// one line of a JSON Lines file, with its `FILE:N` path
    JsonLine { path: String, line: Vec<u8> },
    Rejected(Rejected),
}

/// Turns what was read into an article or a rejection.
pub fn parse(raw: Raw, defaults: &Defaults) -> Item {
    match raw {
        Raw::File { path, bytes } => parse_text_article(&path, &bytes, defaults),
        Raw::JsonLine { path, line } => match std::str::from_utf8(&line) {
            Ok(s) => parse_json_line(&path, s.trim(), defaults),
            Err(_) => Err(Rejected { path, reason: "not valid UTF-8".into() }),
        },
        Raw::Rejected(r) => Err(r),
    }
}

/// Expands the paths given on the command line into input files, walking
/// folders recursively in name order (.txt, .md, .jsonl; a README.md
/// documents its folder and is skipped, as are hidden names). A path that
/// does not exist is a rejection, reported in order with the rest.
///
/// The walk is lazy: a folder is listed when the walk reaches it, and only
/// the folders on the way down to the current file are held, each as its
/// names not yet visited. A folder's names must all be read to put them in
/// order, so a folder of 100,000 files holds 100,000 short names while it is
/// walked (about 4 MB), but never the paths of the whole tree.
pub fn expand_inputs(paths: &[PathBuf]) -> Inputs<'_> {
    Inputs { given: paths.iter(), folders: Vec::new() }
}

/// The input files of [`expand_inputs`], found as they are asked for.
pub struct Inputs<'a> {
    given: std::slice::Iter<'a, PathBuf>,
    /// The folders being walked, outermost first.
    folders: Vec<Folder>,
}

/// A folder being walked: its path and the names in it not visited yet.
struct Folder {
    path: PathBuf,
    names: std::vec::IntoIter<std::ffi::OsString>,
}

impl Iterator for Inputs<'_> {
    type Item = std::result::Result<PathBuf, Rejected>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(folder) = self.folders.last_mut() {
                let Some(name) = folder.names.next() else {
                    self.folders.pop();
                    continue;
                };
                let p = folder.path.join(&name);
                if p.is_dir() {
                    if let Err(r) = self.enter(&p) {
                        return Some(Err(r));
                    }
                    continue;
                }
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
                if !matches!(ext.as_str(), "txt" | "md" | "jsonl") || name.eq_ignore_ascii_case("readme.md") {
                    continue;
                }
                return Some(Ok(p));
            }
            let p = self.given.next()?;
            if p.as_os_str() == "-" {
                return Some(Ok(p.clone()));
            } else if p.is_dir() {
                if let Err(r) = self.enter(p) {
                    return Some(Err(r));
                }
            } else if p.exists() {
                return Some(Ok(p.clone()));
            } else {
                return Some(Err(Rejected { path: p.display().to_string(), reason: "no such file or folder".into() }));
            }
        }
    }
}

impl Inputs<'_> {
    /// Goes into a folder: its files come next, before the rest of the
    /// folder it is in.
    fn enter(&mut self, dir: &Path) -> std::result::Result<(), Rejected> {
        self.folders.push(Folder::list(dir)?);
        Ok(())
    }
}

impl Folder {
    /// Reads a folder's names (hidden ones left out) and puts them in order.
    fn list(dir: &Path) -> std::result::Result<Folder, Rejected> {
        let rd = std::fs::read_dir(dir).map_err(|e| Rejected {
            path: dir.display().to_string(),
            reason: format!("cannot read folder: {}", io_reason(&e)),
        })?;
        let mut names: Vec<std::ffi::OsString> = rd
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .filter(|n| !n.as_encoded_bytes().starts_with(b"."))
            .collect();
        names.sort();
        Ok(Folder { path: dir.to_path_buf(), names: names.into_iter() })
    }
}

/// True when the path names a JSON Lines file.
pub fn is_jsonl(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).map(|e| e.eq_ignore_ascii_case("jsonl")).unwrap_or(false)
}

/// Reads one input file (or `-`), calling `sink` for every article or
/// rejection it holds, one at a time so that a large JSON Lines file is
/// streamed, never held whole.
pub fn read_input(path: &Path, defaults: &Defaults, sink: &mut dyn FnMut(Raw)) {
    let shown = path.display().to_string();
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        // Standard input is JSON Lines when its first non-blank byte is `{`.
        let peek = match lock.fill_buf() {
            Ok(b) => b.iter().find(|c| !c.is_ascii_whitespace()).copied(),
            Err(e) => {
                sink(Raw::Rejected(Rejected { path: "-".into(), reason: format!("cannot read: {e}") }));
                return;
            }
        };
        if peek == Some(b'{') {
            read_jsonl(lock, "-", defaults, sink);
        } else {
            let mut bytes = Vec::new();
            let limit = defaults.max_size;
            match lock.take(limit + 1).read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 > limit => {
                    sink(Raw::Rejected(Rejected { path: "-".into(), reason: too_large(limit) }));
                }
                Ok(_) => sink(Raw::File { path: "-".into(), bytes }),
                Err(e) => sink(Raw::Rejected(Rejected { path: "-".into(), reason: format!("cannot read: {e}") })),
            }
        }
        return;
    }
    if is_jsonl(path) {
        match std::fs::File::open(path) {
            Ok(f) => read_jsonl(std::io::BufReader::with_capacity(1 << 16, f), &shown, defaults, sink),
            Err(e) => sink(Raw::Rejected(Rejected { path: shown, reason: format!("cannot open: {}", io_reason(&e)) })),
        }
        return;
    }
    match std::fs::metadata(path) {
        Ok(m) if m.len() > defaults.max_size => {
            sink(Raw::Rejected(Rejected { path: shown, reason: too_large(defaults.max_size) }));
            return;
        }
        Err(e) => {
            sink(Raw::Rejected(Rejected { path: shown, reason: format!("cannot read: {}", io_reason(&e)) }));
            return;
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => sink(Raw::File { path: shown, bytes }),
        Err(e) => sink(Raw::Rejected(Rejected { path: shown, reason: format!("cannot read: {}", io_reason(&e)) })),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn too_large(limit: u64) -> String {
    format!("larger than the maximum article size of {} bytes (see --max-size)", limit)
}

#[derive(Deserialize)]
struct JsonArticle {
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    outlet: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    published: Option<serde_json::Value>,
}

fn json_str(v: &Option<serde_json::Value>, key: &str) -> std::result::Result<Option<String>, String> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(format!("`{key}` is not a string")),
    }
}

/// Splits JSON Lines from any reader into numbered lines, refusing a line
/// longer than the size limit without ever holding more of it than that.
pub fn read_jsonl(mut reader: impl BufRead, shown: &str, defaults: &Defaults, sink: &mut dyn FnMut(Raw)) {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        line_no += 1;
        // Read one line, but never more than the size limit into memory.
        let limit = defaults.max_size + 1;
        let n = match (&mut reader).take(limit).read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                sink(Raw::Rejected(Rejected { path: format!("{shown}:{line_no}"), reason: format!("cannot read: {e}") }));
                return;
            }
        };
        if n == 0 {
            return;
        }
        let here = format!("{shown}:{line_no}");
        if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
            // Skip the rest of the oversized line.
            let mut rest = Vec::new();
            loop {
                rest.clear();
                match (&mut reader).take(1 << 20).read_until(b'\n', &mut rest) {
                    Ok(0) => break,
                    Ok(_) if rest.last() == Some(&b'\n') => break,
                    Ok(_) => continue,
                    Err(_) => break,
                }
            }
            sink(Raw::Rejected(Rejected { path: here, reason: too_large(defaults.max_size) }));
            continue;
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        sink(Raw::JsonLine { path: here, line: std::mem::take(&mut buf) });
    }
}

fn parse_json_line(here: &str, line: &str, defaults: &Defaults) -> Item {
    let reject = |reason: String| Err(Rejected { path: here.to_string(), reason });
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return reject(format!("invalid JSON: {e}")),
    };
    // serde would read an array as the struct's fields in order, and its
    // message would name a type of ours
    if !value.is_object() {
        return reject("not a JSON object".into());
    }
    let obj: JsonArticle = match serde_json::from_value(value) {
        Ok(o) => o,
        Err(e) => return reject(format!("invalid JSON: {e}")),
    };
    let text = match json_str(&obj.text, "text") {
        Ok(Some(t)) => t,
        Ok(None) => return reject("no `text` field".into()),
        Err(e) => return reject(e),
    };
    let mut meta = Meta::default();
    for (key, slot) in [("title", &mut meta.title), ("outlet", &mut meta.outlet), ("url", &mut meta.url)] {
        let v = match key {
            "title" => &obj.title,
            "outlet" => &obj.outlet,
            _ => &obj.url,
        };
        match json_str(v, key) {
            Ok(s) => *slot = s,
            Err(e) => return reject(e),
        }
    }
    match json_str(&obj.published, "published") {
        Ok(Some(p)) => match parse_date(&p) {
            Ok(d) => meta.published = Some(d),
            Err(e) => return reject(e),
        },
        Ok(None) => {}
        Err(e) => return reject(e),
    }
    apply_defaults(&mut meta, defaults);
    finish(here.to_string(), meta, &text, None)
}

/// Parses a `published` value: `YYYY-MM-DD` that is a real calendar day.
pub fn parse_date(s: &str) -> std::result::Result<jiff::civil::Date, String> {
    static ISO: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"^\d{4}-\d{2}-\d{2}$").unwrap());
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
    if !ISO.is_match(s) {
        return Err(format!("published date {s:?} is not YYYY-MM-DD"));
    }
    s.parse::<jiff::civil::Date>().map_err(|_| format!("published date {s:?} is not a real day"))
}

fn apply_defaults(meta: &mut Meta, defaults: &Defaults) {
    if meta.outlet.is_none() {
        meta.outlet = defaults.outlet.clone();
    }
    if meta.published.is_none() {
        meta.published = defaults.published;
    }
}

/// Decodes bytes as UTF-8, or as Windows-1252 for legacy pages (with a
/// warning); binary data is refused.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, Option<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes), not text".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (cow.into_owned(), Some("not UTF-8; decoded as Windows-1252".to_string()))
        }
    };
    let total = text.0.chars().count();
    let control = text.0.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if total > 0 && control * 10 > total {
        return Err("binary data (mostly control characters), not text".into());
    }
    Ok(text)
}

/// Parses a text article: optional front matter, then the body.
pub fn parse_text_article(path: &str, bytes: &[u8], defaults: &Defaults) -> Item {
    let reject = |reason: String| Err(Rejected { path: path.to_string(), reason });
    let (text, warning) = match decode(bytes) {
        Ok(t) => t,
        Err(e) => return reject(e),
    };
    let (mut meta, body) = match split_front_matter(&text) {
        Ok(x) => x,
        Err(e) => return reject(e),
    };
    apply_defaults(&mut meta, defaults);
    finish(path.to_string(), meta, body, warning)
}

fn finish(path: String, meta: Meta, raw_body: &str, warning: Option<String>) -> Item {
    let body = normalize(raw_body, meta.title.as_deref());
    if body.trim().is_empty() {
        return Err(Rejected { path, reason: "empty article (no text after front matter and clean-up)".into() });
    }
    let sha256 = sha256_hex(&body);
    Ok(Article { path, meta, body, sha256, warning })
}

pub fn sha256_hex(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    // two hex digits a byte, without a formatted string for each
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// Splits off a front-matter block: a first line `---`, lower-case
/// `key: value` lines (split at the first ": "; values may hold colons and
/// quotes: this is not YAML), and a closing `---`.
pub fn split_front_matter(text: &str) -> std::result::Result<(Meta, &str), String> {
    let mut meta = Meta::default();
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Ok((meta, text));
    }
    let mut pos = (first_end + 1).min(text.len());
    if !text[pos..].split('\n').any(|l| l.trim_end() == "---") {
        return Err("front matter never closed (no second `---` line)".into());
    }
    let mut line_no = 1;
    loop {
        if pos >= text.len() {
            return Err("front matter never closed (no second `---` line)".into());
        }
        line_no += 1;
        let end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
        let line = text[pos..end].trim_end_matches('\r');
        pos = (end + 1).min(text.len());
        if line.trim_end() == "---" {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = match line.split_once(':') {
            Some((k, v)) if is_key(k) && (v.is_empty() || v.starts_with(' ')) => (k, v.trim()),
            _ => return Err(format!("front matter line {line_no} is not `key: value`")),
        };
        let value = unquote(value);
        if value.is_empty() {
            continue;
        }
        match key {
            "title" => meta.title = Some(value.to_string()),
            "outlet" => meta.outlet = Some(value.to_string()),
            "url" => meta.url = Some(value.to_string()),
            "published" => {
                meta.published = Some(parse_date(value).map_err(|e| format!("front matter: {e}"))?);
            }
            _ => {
                meta.extra.insert(key.to_string(), value.to_string());
            }
        }
    }
    Ok((meta, &text[pos..]))
}

fn is_key(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Strips one pair of matching surrounding quotes.
fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

static COMMENTS_HEADER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(\d+\s+)?(comments?|no comments:?|post a comment|leave a (comment|reply)|add a comment|join the (conversation|discussion)|show comments|view comments|comments \(\d+\))\s*:?$",
    )
    .unwrap()
});
static MODERATION: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)\bcomments?\b.*\b(moderat\w*|guidelines|approved|rejected|profanity|community standards|submitted)\b|\b(moderat\w*|guidelines|approved|rejected)\b.*\bcomments?\b").unwrap()
});
static SHARE_LINE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(share( this( article| story)?)?|tweet|email|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|copy link|link|read more|advertisement|related( articles| stories)?)(\W+(share|tweet|email|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|copy link|link))*\W*$").unwrap()
});
static TRAILING_DEBRIS: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"([.!?”\x22’)])\s+(link|share|tweet|print|email|read more)$").unwrap()
});
/// "comment" in any case, which every line `MODERATION` matches holds: a
/// line without it (most lines) is not searched. (Its letters have no case
/// variant outside ASCII that the pattern's case folding would meet.)
fn names_comments(line: &str) -> bool {
    line.as_bytes().windows(7).any(|w| (w[0] | 0x20) == b'c' && w.eq_ignore_ascii_case(b"comment"))
}
/// The words `TRAILING_DEBRIS` ends with.
const DEBRIS_WORDS: [&str; 6] = ["link", "share", "tweet", "print", "email", "read more"];
static WIRE_SLUG: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^[a-z]{2,5}(/[a-z]{2,5}){1,5}$").unwrap());

/// Normalizes a body: line endings, Unicode NFC, white space within lines,
/// one paragraph per line, and web-page debris removed by general rules:
/// comment sections with their moderation policy, bare counters and symbol
/// lines, a repeated line (a title printed twice), share/link debris and
/// trailing wire-service slugs.
pub fn normalize(raw: &str, title: Option<&str>) -> String {
    let text: std::borrow::Cow<str> =
        if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n").into() } else { raw.into() };
    // Every rule below sees the line as it will be stored (cleaned, NFC,
    // trailing debris gone), and the comment-section cut is taken to a
    // fixed point, so that normalizing a normalized body changes nothing:
    // the body's hash is what tells a stored article from a new one.
    let mut kept: Vec<(String, bool)> = Vec::new();
    let mut headers: Vec<usize> = Vec::new();
    let mut seen = Seen::default();
    let mut title_seen = false;
    for line in text.split('\n') {
        let line = clean_line(line);
        // most lines keep their end: no second copy of them, and no search
        // where the line does not end with a word the debris ends with
        let debris_end = DEBRIS_WORDS.iter().any(|w| line.ends_with(w));
        let line = match debris_end.then(|| TRAILING_DEBRIS.replace(&line, "$1")) {
            Some(std::borrow::Cow::Owned(cut)) => cut,
            _ => line,
        };
        if line.is_empty() {
            continue;
        }
        // bare counters and symbol debris: no letter at all
        if !line.chars().any(|c| c.is_alphabetic()) || SHARE_LINE.is_match(&line) {
            continue;
        }
        if COMMENTS_HEADER.is_match(&line) {
            headers.push(kept.len());
            continue;
        }
        // a line printed twice (a repeated title): keep the first
        // (twelve characters take at most 48 bytes and at least 12)
        let long = line.len() >= 48 || (line.len() >= 12 && line.chars().count() >= 12);
        if long && !seen.insert(&line) {
            continue;
        }
        if let Some(t) = title {
            if line.trim() == t.trim() {
                if title_seen {
                    continue;
                }
                title_seen = true;
            }
        }
        let moderation = line.len() < 400 && names_comments(&line) && MODERATION.is_match(&line);
        kept.push((line, moderation));
    }
    // A comment section: a comments header in the second half of the text,
    // or a moderation-policy line; everything from there on is the site's.
    let half = kept.len() / 2;
    let header_cut = headers.iter().copied().find(|&at| at >= half);
    let moderation_cut = (half + 1..kept.len()).find(|&i| kept[i].1);
    if let Some(cut) = header_cut.into_iter().chain(moderation_cut).min() {
        kept.truncate(cut);
    }
    loop {
        // a wire-service slug closing the copy ("abc/def/gh")
        while kept.last().map(|(l, _)| WIRE_SLUG.is_match(l)).unwrap_or(false) {
            kept.pop();
        }
        // a shorter text has an earlier second half
        match (kept.len() / 2 + 1..kept.len()).find(|&i| kept[i].1) {
            Some(cut) => kept.truncate(cut),
            None => break,
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, (line, _)) in kept.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// The lines of a body seen so far, to tell one printed twice. A body has
/// a handful, compared in a list: hashing each paragraph cost more than the
/// comparisons, which mostly stop at the length. Past `FEW` lines they go
/// in a set, so that a page of many short lines stays linear.
#[derive(Default)]
struct Seen {
    few: Vec<String>,
    many: HashSet<String>,
}

impl Seen {
    const FEW: usize = 64;

    /// Whether `line` is new (and now seen), as `HashSet::insert` says.
    fn insert(&mut self, line: &str) -> bool {
        if self.many.is_empty() && self.few.len() < Self::FEW {
            if self.few.iter().any(|l| l == line) {
                return false;
            }
            self.few.push(line.to_string());
            return true;
        }
        if self.many.is_empty() {
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(line.to_string())
    }
}

/// One line with its white space and control characters collapsed to
/// single spaces, invisible characters dropped, then put in NFC (after the
/// dropping, so that a mark once kept apart by an invisible character is
/// composed with its letter).
fn clean_line(line: &str) -> String {
    let mut clean = String::with_capacity(line.len());
    let mut space = false;
    let mut rest = line;
    loop {
        // a run of printable ASCII is copied a stretch at a time: most of
        // every line is words with single spaces between them
        let run = rest.bytes().position(|b| !(0x20..0x7f).contains(&b)).unwrap_or(rest.len());
        let mut ascii = &rest[..run];
        rest = &rest[run..];
        while !ascii.is_empty() {
            let words = ascii.trim_start_matches(' ');
            if words.len() < ascii.len() {
                space = true;
                ascii = words;
                continue;
            }
            // up to a double space, without the spaces that end it
            // (a pair of bytes looked for byte by byte: a string search set
            // up for every stretch cost more than it saved)
            let double = ascii.as_bytes().windows(2).position(|w| w == b"  ").unwrap_or(ascii.len());
            let stretch = ascii[..double].trim_end_matches(' ');
            if space && !clean.is_empty() {
                clean.push(' ');
            }
            space = false;
            clean.push_str(stretch);
            ascii = &ascii[stretch.len()..];
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        // zero-width characters and soft hyphens carry nothing
        if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !clean.is_empty() {
                clean.push(' ');
            }
            space = false;
            clean.push(c);
        }
    }
    if clean.is_ascii() {
        return clean; // ASCII is always in NFC
    }
    match unicode_normalization::is_nfc_quick(clean.chars()) {
        unicode_normalization::IsNormalized::Yes => clean,
        _ => clean.nfc().collect(),
    }
}

/// Reads the bundled corpus folder or the given paths: a convenience for
/// `kb extract`, which takes exactly one article.
pub fn read_one(path: &Path, defaults: &Defaults) -> Result<Article> {
    let mut result: Option<Item> = None;
    read_input(path, defaults, &mut |raw| {
        if result.is_none() {
            result = Some(parse(raw, defaults));
        }
    });
    match result {
        Some(Ok(a)) => Ok(a),
        Some(Err(r)) => Err(anyhow!("{}: {}", r.path, r.reason)),
        None => bail!("{}: no article in it", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Defaults {
        Defaults { max_size: DEFAULT_MAX_SIZE, ..Default::default() }
    }

    /// The walk's results as paths relative to `root` (rejections as text).
    fn relative(root: &Path, items: impl Iterator<Item = std::result::Result<PathBuf, Rejected>>) -> Vec<String> {
        items
            .map(|i| match i {
                Ok(p) => p.strip_prefix(root).unwrap_or(&p).display().to_string(),
                Err(r) => format!("{}: {}", r.path, r.reason),
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_in_name_order_for_articles_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["b", "a/inner", ".git"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in ["b/2.txt", "a/z.md", "a/inner/1.TXT", "a/feed.jsonl", "a/README.md", "a/notes.csv", "a/.draft.txt", ".git/x.txt", "c.txt"] {
            std::fs::write(root.join(f), "text").unwrap();
        }
        let given = [root.to_path_buf(), root.join("missing.txt"), root.join("a/notes.csv")];
        assert_eq!(
            relative(root, expand_inputs(&given)),
            vec![
                "a/feed.jsonl".to_string(),
                "a/inner/1.TXT".into(),
                "a/z.md".into(),
                "b/2.txt".into(),
                "c.txt".into(),
                format!("{}: no such file or folder", root.join("missing.txt").display()),
                // a file named on the command line is read whatever its name
                "a/notes.csv".into(),
            ]
        );
    }

    #[test]
    fn a_folder_is_listed_only_when_the_walk_reaches_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::write(root.join("a/1.txt"), "text").unwrap();
        let given = [root.to_path_buf()];
        let mut inputs = expand_inputs(&given);
        assert_eq!(relative(root, inputs.next().into_iter()), vec!["a/1.txt"]);
        // written after the walk began: b/ is read only now, a/ was read already
        std::fs::write(root.join("b/2.txt"), "text").unwrap();
        std::fs::write(root.join("a/0.txt"), "text").unwrap();
        assert_eq!(relative(root, inputs), vec!["b/2.txt"]);
    }

    #[test]
    fn seen_lines_are_those_a_set_holds() {
        let mut seen = Seen::default();
        let mut set = HashSet::new();
        // past the list's room, and back over lines seen in both forms
        let lines: Vec<String> = (0..150).map(|i| format!("line number {}", i % 97)).collect();
        for line in &lines {
            assert_eq!(seen.insert(line), set.insert(line.clone()), "{line}");
        }
        assert!(!seen.many.is_empty() && seen.few.is_empty());
    }

    #[test]
    fn front_matter_is_split_at_the_first_colon_space() {
        let text = "---\ntitle: Talks: a new round, \"soon\"\noutlet: Rudaw\npublished: 2024-02-11\nsection: world\n---\nBody here.\n";
        let (meta, body) = split_front_matter(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Talks: a new round, \"soon\""));
        assert_eq!(meta.outlet.as_deref(), Some("Rudaw"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-02-11");
        assert_eq!(meta.extra.get("section").map(String::as_str), Some("world"));
        assert_eq!(body, "Body here.\n");
    }

    #[test]
    fn front_matter_never_closed_is_an_error() {
        let err = split_front_matter("---\ntitle: x\nBody\n").unwrap_err();
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn impossible_published_date_is_an_error() {
        let err = split_front_matter("---\npublished: 2024-02-30\n---\nBody\n").unwrap_err();
        assert_eq!(err, "front matter: published date \"2024-02-30\" is not a real day");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let (meta, body) = split_front_matter("Plain text: with a colon\n").unwrap();
        assert_eq!(meta, Meta::default());
        assert_eq!(body, "Plain text: with a colon\n");
    }

    #[test]
    fn sha256_is_lower_case_hex() {
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn clean_line_collapses_white_space_as_a_char_by_char_scan_does() {
        // the rule, one character at a time
        fn by_char(line: &str) -> String {
            let mut clean = String::new();
            let mut space = false;
            for c in line.chars() {
                if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}') {
                    continue;
                }
                if c.is_whitespace() || c.is_control() {
                    space = true;
                } else {
                    if space && !clean.is_empty() {
                        clean.push(' ');
                    }
                    space = false;
                    clean.push(c);
                }
            }
            clean
        }
        for line in [
            "", " ", "  ", "a", " a ", "a b", "a  b", "  a   b  c ", "a \t b", "a\u{a0}b  c",
            "“a”  b ”", "a \u{200b} b", "x\u{7f}y", "one two  three   four", "é  è", "a b c d e f  ",
        ] {
            assert_eq!(clean_line(line), by_char(line), "{line:?}");
        }
        const PIECES: &[&str] = &["a", "word", "X", " ", " ", "  ", "   ", "\t", "\u{a0}", "“", "é", "\u{200b}", "\u{7f}", ".", "-"];
        let mut next = crate::extract::test_rng();
        for _ in 0..3000 {
            let n = (next() % 20) as usize;
            let line: String = crate::extract::test_text(&mut next, PIECES, n);
            assert_eq!(clean_line(&line), by_char(&line), "{line:?}");
        }
    }

    #[test]
    fn a_line_the_moderation_pattern_matches_names_comments() {
        const PIECES: &[&str] = &[
            "comment", "Comments", "COMMENT", "commentſ", "coMMent", "comm", "ent", "c", "omment", "moderated", "moderation", "guidelines",
            "approved", "rejected", "profanity", "community standards", "submitted", "are", " ", " ", "  ", ".", "é", "K", "ſ",
        ];
        let mut next = crate::extract::test_rng();
        let mut matched = 0;
        for _ in 0..5000 {
            let n = (next() % 12) as usize;
            let line: String = crate::extract::test_text(&mut next, PIECES, n);
            if MODERATION.is_match(&line) {
                matched += 1;
                assert!(names_comments(&line), "{line:?}");
            }
        }
        assert!(matched > 50, "the generated lines reach the pattern ({matched})");
    }

    #[test]
    fn normalizes_line_endings_whitespace_and_nfc() {
        let raw = "A\u{0301}  b\t c\r\n\r\n  second   line  \r";
        assert_eq!(normalize(raw, None), "\u{00c1} b c\nsecond line");
    }

    #[test]
    fn removes_comment_section_with_moderation_policy() {
        let raw = "First paragraph of the story.\nSecond paragraph of the story.\nThird paragraph.\nComments\nThe site moderates all comments submitted here.\nWe welcome comments.\nPost a comment";
        assert_eq!(
            normalize(raw, None),
            "First paragraph of the story.\nSecond paragraph of the story.\nThird paragraph."
        );
    }

    #[test]
    fn removes_no_comments_block_and_trailing_link() {
        let raw = "One sentence here.\nTwo sentences here, said the source. link\nNo comments:\nPost a Comment";
        assert_eq!(normalize(raw, None), "One sentence here.\nTwo sentences here, said the source.");
    }

    #[test]
    fn removes_counters_symbols_repeated_title_and_slug() {
        let raw = "A long headline about the talks\n\n0\n50\nA long headline about the talks\n\u{25bc}\nThe body of the story.\nabc/def/gh";
        assert_eq!(normalize(raw, None), "A long headline about the talks\nThe body of the story.");
    }

    #[test]
    fn a_comments_word_early_in_the_story_is_kept() {
        let raw = "Comments\nOfficials made comments on the talks.\nA second line.\nA third line.";
        assert_eq!(normalize(raw, None), "Officials made comments on the talks.\nA second line.\nA third line.");
    }

    #[test]
    fn normalizing_twice_cuts_no_moderation_line_that_moved_into_the_second_half() {
        // counters count towards the half when found, not once dropped
        let raw = "First line of the story.\nSecond line of the story.\nComments are moderated before they appear.\n1\n2\n3\n4";
        let once = normalize(raw, None);
        assert_eq!(once, "First line of the story.\nSecond line of the story.");
        assert_eq!(normalize(&once, None), once);
    }

    #[test]
    fn normalizing_twice_drops_no_repeat_made_by_removing_trailing_debris() {
        let raw = "The talks resumed in Baghdad.\nThe talks resumed in Baghdad. link\nA last line.";
        let once = normalize(raw, None);
        assert_eq!(once, "The talks resumed in Baghdad.\nA last line.");
        assert_eq!(normalize(&once, None), once);
    }

    #[test]
    fn a_mark_kept_apart_by_an_invisible_character_is_composed() {
        assert_eq!(normalize("caf\u{65}\u{200b}\u{301} owners", None), "caf\u{e9} owners");
    }

    #[test]
    fn legacy_encoding_is_decoded_with_a_warning() {
        let (text, warning) = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(text, "café “quoted”");
        assert!(warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x00\x01\x02abc").unwrap_err().contains("binary"));
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, b'a']).unwrap_err().contains("binary"));
    }

    #[test]
    fn json_line_needs_text() {
        let err = parse_json_line("f.jsonl:3", r#"{"title": "x"}"#, &defaults()).unwrap_err();
        assert_eq!(err, Rejected { path: "f.jsonl:3".into(), reason: "no `text` field".into() });
        let ok = parse_json_line(
            "f.jsonl:4",
            r#"{"text": "Body.", "outlet": "AFP", "published": "2024-01-27"}"#,
            &defaults(),
        )
        .unwrap();
        assert_eq!(ok.meta.outlet.as_deref(), Some("AFP"));
        assert_eq!(ok.body, "Body.");
    }

    #[test]
    fn json_line_that_is_not_an_object_is_named_so() {
        for line in [r#"["Body.", null, null, null, null]"#, "42", r#""Body.""#, "null"] {
            let err = parse_json_line("f.jsonl:1", line, &defaults()).unwrap_err();
            assert_eq!(err.reason, "not a JSON object", "{line}");
        }
    }
}
