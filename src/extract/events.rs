//! Events: what happened, when, where and to whom, from trigger words and
//! the sentence's entities, dates and numbers.

use super::{DateMention, Entity, EntityType, Mention, Precision, Sentence};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Attack,
    Strike,
    Meeting,
    Statement,
    Announcement,
    Casualty,
    Withdrawal,
    Other,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Attack => "attack",
            EventKind::Strike => "strike",
            EventKind::Meeting => "meeting",
            EventKind::Statement => "statement",
            EventKind::Announcement => "announcement",
            EventKind::Casualty => "casualty",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Other => "other",
        }
    }

    /// The kind [`EventKind::as_str`] names.
    pub fn parse(s: &str) -> Option<EventKind> {
        use EventKind::*;
        [Attack, Strike, Meeting, Statement, Announcement, Casualty, Withdrawal, Other].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Actor,
    Target,
    Speaker,
    Participant,
    Location,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Actor => "actor",
            Role::Target => "target",
            Role::Speaker => "speaker",
            Role::Participant => "participant",
            Role::Location => "location",
        }
    }
}

/// An entity taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// index into the article's entities
    pub entity: usize,
    pub role: Role,
}

/// One event as one sentence of one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// ISO value at its precision, or None
    pub date: Option<String>,
    pub precision: Option<Precision>,
    /// the words that gave the date (kept even when it cannot be resolved)
    pub date_text: Option<String>,
    /// index of the sentence that reports it
    pub sentence: usize,
    /// index into the article's entities of the base where it happened
    pub base: Option<usize>,
    /// a named place (city, province, country) when no base is named
    pub place: Option<String>,
    pub killed: Option<i64>,
    pub injured: Option<i64>,
    /// an aggregate claim: "about 150 attacks"
    pub reported_count: Option<i64>,
    /// "about", "more than", "over" ...
    pub count_qualifier: Option<String>,
    /// the period of an aggregate claim: "since mid-October"
    pub count_period: Option<String>,
    pub participants: Vec<Participant>,
    /// a short one-line description
    pub summary: String,
}

/// What the events stage reads.
pub struct Input<'a> {
    pub body: &'a str,
    pub sentences: &'a [Sentence],
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    pub dates: &'a [DateMention],
    pub published: Option<jiff::civil::Date>,
}

mod numbers;
mod places;

use numbers::{Harm, Tok};
use super::text::{self, word_boundary, word_byte, WordRegex};
use regex::Regex;
use std::cell::OnceCell;
use std::sync::{LazyLock, OnceLock};

/// Finds the events the article reports.
///
/// Each sentence is read on its own first (triggers, generic and
/// hypothetical uses filtered out, participants, numbers, its own date);
/// then the article is read as a whole: a vague week is narrowed to the day
/// another report of the same kind gives, and a report with no date of its
/// own that continues a dated one takes that date. An event that keeps
/// neither a date, a place, a base nor a number is dropped: such mentions
/// are references and generic talk rather than reports.
pub fn find_events(input: &Input) -> Vec<Event> {
    debug_assert!(input.mentions.is_sorted_by_key(|m| m.start) && input.dates.is_sorted_by_key(|d| d.start));
    let mut drafts = Vec::new();
    // lower-cased ASCII-wise, so each sentence's lower-cased text is a slice of it
    let lc_body = input.body.to_ascii_lowercase();
    let found = Found::search(input.body, &lc_body);
    // the publication date as ISO text, which dates are compared with
    let dct = input.published.map(|d| d.to_string());
    // the words, mentions and dates of the sentence being read, in buffers
    // kept from one to the next
    let mut bufs = Buffers::default();
    for si in 0..input.sentences.len() {
        let s = input.sentences[si];
        let lc = &lc_body[s.start..s.end];
        // with no trigger word a sentence tells nothing, unless a stay lasts
        // "until" a date: it need not be read (tokens, places, dates)
        if found.as_ref().is_some_and(|f| f.none_near(s.start, s.end)) && !lc.contains("until") {
            continue;
        }
        let ctx = Ctx::new(input, si, lc, found.as_ref(), dct.as_deref(), bufs);
        if !ctx.is_fragment(input.body) {
            let before = drafts.len();
            sentence_events(input, &ctx, &mut drafts);
            if drafts.len() == before {
                no_casualties_after(&ctx, &mut drafts);
            }
        }
        bufs = Buffers { toks: ctx.toks, mentions: ctx.mentions, dates: ctx.dates };
    }
    refine_weeks(&mut drafts);
    resolve_anaphors(&mut drafts);
    settle_weak_dates(&mut drafts);
    date_from_later_reference(input, &mut drafts);
    date_from_next_definite(&mut drafts);
    date_from_remarks(input, &mut drafts);
    inherit_dates(input, &lc_body, &mut drafts);
    inherit_places(&mut drafts);
    drafts.retain(|d| d.specific() && !d.again);
    drafts
        .into_iter()
        .map(|mut d| {
            d.ev.summary = summary(&d.ev, input.entities);
            d.ev
        })
        .collect()
}

/// How an event stands in time, which decides which date it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// it happened: never dated after publication
    Past,
    /// announced for later (a deadline, a scheduled round): keeps a future date
    Planned,
    /// a count over a period: has no date of its own
    Aggregate,
}

#[derive(Debug, Clone)]
struct Draft {
    ev: Event,
    mode: Mode,
    /// the date came from the sentence itself
    own_date: bool,
    /// the trigger is a definite noun phrase ("the strikes"): it points
    /// back to an event already told
    definite: bool,
    /// the sentence opens a new thread ("Separately, ...", "Elsewhere, ...")
    fresh: bool,
    /// its only date is when someone spoke of it ("..., officials said on Saturday")
    weak: bool,
    /// a day given against another event ("the previous day", "the same
    /// day", "three days after"): the shift in days and the words
    anaphor: Option<(i64, String, bool)>,
    /// the event another answers ("in retaliation for a drone attack on
    /// January 28 ..."): background, whose day the next sentences do not take
    answered: bool,
    /// an event told again with nothing new ("The session was held upon the
    /// request of ..."): it passes its day on to the sentences after it, but
    /// is no report of its own
    again: bool,
}

impl Draft {
    fn specific(&self) -> bool {
        let e = &self.ev;
        match e.kind {
            EventKind::Statement | EventKind::Other => true,
            _ if self.mode == Mode::Planned => e.date_text.is_some() || e.base.is_some(),
            _ => {
                e.date_text.is_some()
                    || e.place.is_some()
                    || e.base.is_some()
                    || e.killed.is_some()
                    || e.injured.is_some()
                    || e.reported_count.is_some()
            }
        }
    }
}

fn group(kind: EventKind) -> u8 {
    match kind {
        EventKind::Attack | EventKind::Strike | EventKind::Casualty => 0,
        EventKind::Meeting => 1,
        EventKind::Announcement | EventKind::Withdrawal => 2,
        EventKind::Statement => 3,
        EventKind::Other => 4,
    }
}

/// A date expression of the sentence and how it stands to the words
/// around it.
#[derive(Debug, Clone)]
struct DateCand<'a> {
    start: usize,
    end: usize,
    value: Option<&'a str>,
    precision: Option<Precision>,
    text: &'a str,
    /// "since mid-October", "over the past year": a span, not a point
    period: bool,
    /// "by the end of September", "until", "scheduled for": a plan's date
    deadline: bool,
    /// "the Pentagon said on Tuesday": when it was told, not when it happened
    speech: bool,
    /// after the publication date
    future: bool,
    /// a month or year that holds the publication date ("this month")
    current: bool,
    /// for a day or month named without its year that falls after
    /// publication ("November 21: US strikes kill eight ..." in a timeline
    /// written in the present), the same day a year earlier
    year_back: Option<String>,
}

/// The trigger words of the article, searched once over the whole body
/// rather than once per sentence and trigger.
#[derive(Clone, Copy)]
enum Trigger {
    Violence,
    Casualty,
    Meeting,
    Announcement,
    Withdrawal,
    Speech,
}

impl Trigger {
    const ALL: [Trigger; 6] =
        [Trigger::Violence, Trigger::Casualty, Trigger::Meeting, Trigger::Announcement, Trigger::Withdrawal, Trigger::Speech];

    fn regex(self) -> &'static WordRegex {
        match self {
            Trigger::Violence => &VIOLENCE,
            Trigger::Casualty => &CASUALTY,
            Trigger::Meeting => &MEETING,
            Trigger::Announcement => &ANNOUNCEMENT,
            Trigger::Withdrawal => &WITHDRAWAL,
            Trigger::Speech => &SPEECH,
        }
    }
}

/// The matches of every trigger over the body lower-cased, as byte ranges.
/// A sentence is bordered by white space or the ends of the body, where a
/// word boundary holds as it does at the ends of the sentence alone, and
/// every trigger starts on a word character. So when no match of the body
/// crosses a sentence's borders, the matches inside it are those a search
/// of the sentence alone finds; a sentence that one crosses is searched
/// alone.
struct Found {
    matches: [Vec<(usize, usize)>; 6],
}

impl Found {
    /// Only for a body whose word characters are all ASCII: every sentence
    /// of it then takes the fast form of the regexes, and so does the body.
    /// `lc` is the body lower-cased ASCII-wise.
    fn search(body: &str, lc: &str) -> Option<Found> {
        if !text::plain_words(body) {
            return None;
        }
        Some(Found { matches: STARTS.find_all(lc) })
    }

    /// Whether no match of any trigger overlaps the body's `start..end`:
    /// then `within` gives every trigger no match there.
    fn none_near(&self, start: usize, end: usize) -> bool {
        self.matches.iter().all(|all| {
            let from = all.partition_point(|m| m.1 <= start);
            all.get(from).is_none_or(|m| m.0 >= end)
        })
    }

    /// The matches of `t` inside the body's `start..end`, relative to
    /// `start`, or None when a match crosses its borders.
    fn within(&self, t: Trigger, start: usize, end: usize) -> Option<impl Iterator<Item = (usize, usize)> + '_> {
        let all = &self.matches[t as usize];
        // matches never overlap, so their ends increase as their starts do
        let from = all.partition_point(|m| m.1 <= start);
        let near = all[from..].iter().take_while(move |m| m.0 < end);
        near.clone().all(|m| m.0 >= start && m.1 <= end).then(|| near.map(move |m| (m.0 - start, m.1 - start)))
    }
}

/// Where each trigger can match. Every trigger opens with a word boundary
/// and then one of a few literal prefixes, and most words of a body open
/// none of them: so the body is walked word by word, and a trigger's regex
/// runs, anchored, only at a word that opens one of its prefixes. Six
/// unanchored searches over the whole body cost more, since their
/// prefilters stop at every "st", "in" and "co" inside words. One union
/// regex would not do: where triggers overlap ("announced" is a speech verb
/// and an announcement) it reports only one of them.
struct Starts {
    /// the ASCII form of each trigger behind `^`: a match at the start of
    /// the rest of the body, which opens on a word start, is a match of the
    /// trigger there (`\b` sees no word byte before either). Compiled on
    /// first need: most words are matched by their literals alone.
    anchored: [OnceLock<Regex>; 6],
    /// every literal each trigger's matches open with, grouped by the
    /// prefix of `prefixes` they open with (`Prefix::lits`) and in the
    /// trigger's order of preference; `exact` when the literal is a whole
    /// match once a word boundary follows it
    lits: Vec<Lit>,
    /// the prefixes cut to eight bytes, sorted by their first two bytes
    /// (`pair`); those of pair `k` are `prefixes[index[k]..index[k + 1]]`
    prefixes: Vec<Prefix>,
    index: Vec<u16>,
    /// for each pair, the third bytes its prefixes go on with (bit `b & 0x7f`),
    /// or every bit when one is shorter: most words that open a pair ("has",
    /// "state") go on with none of them, and are let go with one test
    thirds: Vec<u128>,
    /// a trigger whose prefixes cannot be bounded this way is searched in full
    whole: [bool; 6],
}

/// Up to eight bytes a trigger's match can open with, as a little-endian
/// word and the mask of its bytes, compared with one load. Eight, not four:
/// cut to four, "stat" (of "stated") let every "state" and "statement" run
/// the speech regex, and a regex run costs what some forty compares do.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Prefix {
    bytes: u64,
    mask: u64,
    len: usize,
    trigger: usize,
    /// the trigger's literals that open with it: `Starts::lits[lits.0..lits.1]`
    lits: (u16, u16),
}

/// A literal a trigger's match opens with. An exact one is a whole match
/// of the trigger where a word boundary follows it; at a word that opens an
/// inexact one, only the regex can tell.
struct Lit {
    bytes: Box<[u8]>,
    exact: bool,
}

impl Prefix {
    fn new(lit: &[u8], trigger: usize) -> Prefix {
        let len = lit.len().min(8);
        let mut word = [0u8; 8];
        word[..len].copy_from_slice(&lit[..len]);
        let mask = if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
        Prefix { bytes: u64::from_le_bytes(word), mask, len, trigger, lits: (0, 0) }
    }

    /// Whether `b` opens with it; `head` is the first eight bytes of `b`
    /// (zeros past its end), as a little-endian word.
    fn opens(&self, b: &[u8], head: u64) -> bool {
        b.len() >= self.len && head & self.mask == self.bytes
    }
}

fn pair(a: u8, b: u8) -> usize {
    (a as usize & 0x7f) << 7 | (b as usize & 0x7f)
}

/// The literal prefixes of every match of an ASCII `WordRegex` pattern,
/// in its order of preference, when it opens on a word boundary and each
/// prefix is ASCII, at least two bytes long and opens on a word byte: then
/// a match starts only at a word start that opens one of them. A prefix is
/// marked exact when it is the whole of a match once a word boundary
/// follows it: the pattern must then be a boundary, assertions nowhere
/// else, and a closing boundary.
fn word_prefixes(pattern: &str) -> Option<Vec<(Vec<u8>, bool)>> {
    use regex_syntax::hir::{literal::Extractor, HirKind, Look};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let HirKind::Concat(parts) = hir.kind() else { return None };
    let word = |h: &regex_syntax::hir::Hir| matches!(h.kind(), HirKind::Look(Look::WordAscii | Look::WordUnicode));
    let bounded = parts.first().is_some_and(word);
    let closed = parts.len() == 3 && word(&parts[2]) && parts[1].properties().look_set().is_empty();
    let seq = Extractor::new().extract(&hir);
    let lits: Vec<(Vec<u8>, bool)> = seq.literals()?.iter().map(|l| (l.as_bytes().to_vec(), closed && l.is_exact())).collect();
    let fit = |l: &(Vec<u8>, bool)| l.0.len() >= 2 && l.0.is_ascii() && word_byte(l.0[0]);
    (bounded && !lits.is_empty() && lits.iter().all(fit)).then_some(lits)
}

static STARTS: LazyLock<Starts> = LazyLock::new(|| {
    let mut by_pair: Vec<Vec<Prefix>> = vec![Vec::new(); 1 << 14];
    let mut whole = [false; 6];
    let mut lits = Vec::new();
    for t in Trigger::ALL {
        let i = t as usize;
        match word_prefixes(&t.regex().ascii_pattern()) {
            Some(all) => {
                // a word that opens with a longer prefix opens with the
                // shorter one too: only the shortest are worth a compare
                let cut: Vec<&[u8]> = all.iter().map(|l| &l.0[..l.0.len().min(8)]).collect();
                let shortest = cut.iter().filter(|l| !cut.iter().any(|o| o.len() < l.len() && l.starts_with(o)));
                for l in shortest {
                    let mut p = Prefix::new(l, i);
                    let list = &mut by_pair[pair(l[0], l[1])];
                    if !list.contains(&p) {
                        // at most one shortest prefix opens a word: every
                        // literal that can match there opens with it
                        let from = lits.len();
                        lits.extend(all.iter().filter(|a| a.0.starts_with(l)).map(|a| Lit { bytes: a.0.clone().into(), exact: a.1 }));
                        let span = |n: usize| u16::try_from(n).expect("few literals");
                        p.lits = (span(from), span(lits.len()));
                        list.push(p);
                    }
                }
            }
            None => whole[i] = true,
        }
    }
    let thirds = by_pair
        .iter()
        .map(|list| {
            list.iter().fold(0u128, |bits, p| match p.len {
                0..=2 => u128::MAX,
                _ => bits | 1u128 << (p.bytes >> 16 & 0x7f),
            })
        })
        .collect();
    let mut index = Vec::with_capacity(by_pair.len() + 1);
    let mut prefixes = Vec::new();
    for list in by_pair {
        index.push(u16::try_from(prefixes.len()).expect("few prefixes"));
        prefixes.extend(list);
    }
    index.push(u16::try_from(prefixes.len()).expect("few prefixes"));
    Starts { anchored: Default::default(), lits, prefixes, index, thirds, whole }
});

impl Starts {
    /// What `find_iter` of each trigger's ASCII form finds in `lc`.
    fn find_all(&self, lc: &str) -> [Vec<(usize, usize)>; 6] {
        let mut out: [Vec<(usize, usize)>; 6] = Default::default();
        for t in Trigger::ALL.into_iter().filter(|&t| self.whole[t as usize]) {
            out[t as usize] = t.regex().on(true).find_iter(lc).map(|m| (m.start(), m.end())).collect();
        }
        let b = lc.as_bytes();
        // where each trigger's search goes on: matches never overlap
        let mut resume = [0usize; 6];
        let mut from = 0;
        // each word start in turn
        while let Some(off) = b[from..].iter().position(|&c| word_byte(c)) {
            let p = from + off;
            from = b[p..].iter().position(|&c| !word_byte(c)).map_or(b.len(), |n| p + n);
            let Some(&next) = b.get(p + 1).filter(|n| n.is_ascii()) else { continue };
            let k = pair(b[p], next);
            let list = &self.prefixes[self.index[k] as usize..self.index[k + 1] as usize];
            let third = b.get(p + 2).map_or(0, |&c| c & 0x7f);
            if list.is_empty() || self.thirds[k] >> third & 1 == 0 {
                continue;
            }
            let mut word = [0u8; 8];
            let n = (b.len() - p).min(8);
            word[..n].copy_from_slice(&b[p..p + n]);
            let head = u64::from_le_bytes(word);
            let mut tried = 0u8;
            for prefix in list {
                let t = prefix.trigger;
                if tried & (1 << t) != 0 || p < resume[t] || !prefix.opens(&b[p..], head) {
                    continue;
                }
                tried |= 1 << t;
                if let Some(end) = self.match_at(t, prefix, lc, p) {
                    out[t].push((p, end));
                    resume[t] = end;
                }
            }
        }
        out
    }

    /// The end of trigger `t`'s match at word start `p` of `lc`, which
    /// opens with `prefix`: the first of its literals there that is whole
    /// before a word boundary, unless an inexact one comes first, which the
    /// regex decides.
    fn match_at(&self, t: usize, prefix: &Prefix, lc: &str, p: usize) -> Option<usize> {
        let b = lc.as_bytes();
        for lit in &self.lits[prefix.lits.0 as usize..prefix.lits.1 as usize] {
            if !b[p..].starts_with(&lit.bytes) {
                continue;
            }
            if !lit.exact {
                let re = self.anchored[t].get_or_init(|| {
                    Regex::new(&format!("^(?:{})", Trigger::ALL[t].regex().ascii_pattern())).expect("anchored trigger")
                });
                return re.find(&lc[p..]).map(|m| p + m.end());
            }
            let end = p + lit.bytes.len();
            if word_boundary(b, end) {
                return Some(end);
            }
        }
        None
    }
}

/// One sentence prepared for reading. Offsets are relative to `text`;
/// `lc` is lower-cased ASCII-wise, so its offsets are the same.
struct Ctx<'a> {
    index: usize,
    text: &'a str,
    lc: &'a str,
    /// no word character outside ASCII: the fast form of a `WordRegex` serves
    plain: bool,
    toks: Vec<Tok<'a>>,
    speech: OnceCell<Vec<Hit<'a>>>,
    /// (start, end, entity) of the sentence's mentions, in order
    mentions: Vec<(usize, usize, usize)>,
    dates: Vec<DateCand<'a>>,
    /// the named places, found on first use: most sentences locate nothing
    places: OnceCell<Vec<places::PlaceMention>>,
    /// where `ANCHOR_SUBJECT` matches ("came hours after"), found on first use
    anchor: OnceCell<Option<(usize, usize)>>,
    /// the article's trigger matches, and where the sentence starts in the body
    found: Option<&'a Found>,
    start: usize,
}

static PERIOD_TEXT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"^(?:over |during |within |in |for )?(?:the )?(?:past|last|next|coming|previous) (?:[a-z0-9-]+ )?(?:days|weeks|months|years|decades)\b")
});
static DEADLINE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?:\bby|\buntil|\btill|\bno later than|\bbefore|\bend of|\bdeadline of|\b(?:scheduled|planned|set|slated) for)\s*(?:the\s+)?$")
});
static DEADLINE_TEXT: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"^(?:by|until|till|no later than|before|(?:the )?end of)\b"));
static SPEECH_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b(?:said|says|told|announced|confirmed|disclosed|disclosing|stated|reported|added|according to)\b(?:\s+[^\s,;]+){0,5}?\s*$")
});

/// The items lying wholly inside `start..end`, in their order. Mentions and
/// dates come sorted by start, so a sentence looks only at its own stretch:
/// filtering the whole list for every sentence made long articles quadratic.
fn in_span<T>(items: &[T], start: usize, end: usize, span: impl Fn(&T) -> (usize, usize) + Copy) -> impl Iterator<Item = &T> {
    let first = items.partition_point(|t| span(t).0 < start);
    items[first..].iter().take_while(move |t| span(t).0 <= end).filter(move |t| span(t).1 <= end)
}

impl<'a> Ctx<'a> {
    /// `lc` is the sentence lower-cased ASCII-wise; `dct` the publication
    /// date as ISO text.
    /// `bufs` are the buffers of the sentence before, taken back from its `Ctx`.
    fn new(input: &Input<'a>, index: usize, lc: &'a str, found: Option<&'a Found>, dct: Option<&str>, bufs: Buffers<'a>) -> Ctx<'a> {
        let Buffers { mut toks, mut mentions, mut dates } = bufs;
        let s = input.sentences[index];
        let text = &input.body[s.start..s.end];
        // the article's answer holds for each of its sentences
        let plain = found.is_some() || text::plain_words(text);
        numbers::tokenize_into(text, lc, &mut toks);
        mentions.clear();
        mentions.extend(in_span(input.mentions, s.start, s.end, |m| (m.start, m.end)).map(|m| (m.start - s.start, m.end - s.start, m.entity)));
        mentions.sort();
        let dateline = places::dateline_end(text);
        dates.clear();
        for d in in_span(input.dates, s.start, s.end, |d| (d.start, d.end)) {
            let (start, end) = (d.start - s.start, d.end - s.start);
            // "ERBIL, July 27 (Reuters) - ": the day the story was filed
            if start < dateline {
                continue;
            }
            let dtext = &lc[start..end];
            let before = &lc[..start];
            let clause_start = before
                .char_indices()
                .filter(|(_, c)| matches!(c, ',' | ';' | ':' | '(' | '—' | '–'))
                .map(|(i, c)| i + c.len_utf8())
                .next_back()
                .unwrap_or(0);
            let clause_before = &before[clause_start..];
            let since = clause_before.split_whitespace().rev().take(8).any(|w| w == "since")
                || dtext.starts_with("since");
            // the words `PERIOD_TEXT` ends with are looked for first: most
            // dates and the words before them hold none
            // "since February 4, when the Islamic Resistance claimed a drone
            // attack": the day the when-clause's event happened
            let when_next = lc[end..].starts_with(", when ") && d.precision == Some(Precision::Day);
            let period = since && !when_next
                || period_noun(dtext) && PERIOD_TEXT.on(plain).is_match(dtext)
                || before.trim_end().ends_with("throughout")
                || (period_noun(dtext) || before.split_whitespace().rev().take(2).any(period_noun))
                    && PERIOD_TEXT.on(plain).is_match(&format!("{}{}", last_words(before, 2), dtext));
            let scheduled_for = dtext.starts_with("for ")
                && ["scheduled", "planned", "set", "slated"].iter().any(|w| before.trim_end().ends_with(w));
            let deadline = deadline_before(before.trim_end(), plain) || deadline_text(dtext, plain) || scheduled_for;
            let speech = speech_before(before, plain) || speech_after(&lc[end..]);
            let future = match (&d.value, dct) {
                (Some(v), Some(dct)) => after_day(v, dct),
                _ => false,
            };
            let yearless = || !dtext.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit))
                && ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].iter().any(|m| dtext.contains(m))
                && !["next", "coming", "this"].iter().any(|w| dtext.contains(w));
            // (a day, in a sentence with no word of a plan)
            let planned = || lc.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| FUTURE_CUES.contains(&w));
            let year_back = match (&d.value, dct) {
                (Some(v), Some(dct)) if future && v.len() == 10 && yearless() && !planned() => v[..4]
                    .parse::<i32>()
                    .ok()
                    .map(|y| format!("{:04}{}", y - 1, &v[4..]))
                    .filter(|back| !after_day(back, dct)),
                _ => None,
            };
            let current = match (&d.value, dct) {
                (Some(v), Some(dct)) => v.len() < dct.len() && dct.starts_with(v.as_str()),
                _ => false,
            };
            dates.push(DateCand {
                start,
                end,
                value: d.value.as_deref(),
                precision: d.precision,
                text: &text[start..end],
                period,
                deadline,
                speech,
                future,
                current,
                year_back,
            });
        }
        // "between October and early February", "from May to July": the
        // two ends of a span of months, neither of them when anything
        // happened (a span of days, "between Monday and Wednesday", still
        // dates an episode by its first day)
        for k in 1..dates.len() {
            let (a, b) = (&dates[k - 1], &dates[k]);
            if a.precision == Some(Precision::Day) || b.precision == Some(Precision::Day) {
                continue;
            }
            let joined = matches!(lc.get(a.end..b.start), Some(" and " | " to " | " until " | " till " | " through " | "-" | "–"));
            let opener = |w: &str| lc[..a.start].trim_end().ends_with(w) || lc[a.start..a.end].starts_with(w);
            if joined && (opener("between") || opener("from")) {
                dates[k - 1].period = true;
                dates[k].period = true;
                dates[k].deadline = false;
            }
        }
        Ctx {
            index,
            text,
            lc,
            plain,
            toks,
            speech: OnceCell::new(),
            mentions,
            dates,
            places: OnceCell::new(),
            anchor: OnceCell::new(),
            found,
            start: s.start,
        }
    }

    /// Headlines, captions cut short and page furniture: no closing stop.
    /// A paragraph cut short by the page still reports; a headline is short,
    /// opens the page or is repeated on it.
    fn is_fragment(&self, body: &str) -> bool {
        let last = self.text.trim_end().chars().next_back().unwrap_or(' ');
        let closed = matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '…');
        if self.toks.len() < 4 {
            return true;
        }
        !closed && (self.toks.len() < 12 || self.index < 2 || body.matches(self.text).count() > 1)
    }

    /// Index of the first token at or after byte `pos`.
    fn tok_at(&self, pos: usize) -> usize {
        // tokens are in order and never overlap: their ends increase
        self.toks.partition_point(|t| t.end <= pos)
    }

    /// The words of the same clause before byte `pos`, at most `n`, nearest last.
    fn clause_before(&self, pos: usize, n: usize) -> Words<'_> {
        assert!(n <= CLAUSE_WORDS, "at most {CLAUSE_WORDS} words");
        let i = self.tok_at(pos);
        // filled from the back, nearest first
        let mut out = Words { buf: [""; CLAUSE_WORDS], start: CLAUSE_WORDS, end: CLAUSE_WORDS };
        let mut j = i;
        while j > 0 && out.len() < n {
            let t = &self.toks[j - 1];
            let gap_end = if j < self.toks.len() && j <= i { self.toks[j].start.min(pos) } else { pos };
            let gap = &self.text[t.end..gap_end.max(t.end)];
            if gap.contains([',', ';', ':', '—', '–', '(', ')', '“', '”', '"']) {
                break;
            }
            out.start -= 1;
            out.buf[out.start] = &t.lc;
            j -= 1;
        }
        out
    }

    /// The words after byte `pos`, at most `n`, stopping at a clause break.
    fn clause_after(&self, pos: usize, n: usize) -> Words<'_> {
        assert!(n <= CLAUSE_WORDS, "at most {CLAUSE_WORDS} words");
        let mut out = Words { buf: [""; CLAUSE_WORDS], start: 0, end: 0 };
        let mut prev_end = pos;
        for t in self.toks.iter().filter(|t| t.start >= pos) {
            if out.len() >= n || self.text[prev_end..t.start].contains([',', ';', ':', '—', '–', '(', '“', '”', '"']) {
                break;
            }
            out.buf[out.end] = &t.lc;
            out.end += 1;
            prev_end = t.end;
        }
        out
    }

    /// The speech verbs of the sentence, found once for the statement and
    /// for every violent event's tellers.
    fn speech(&self) -> &[Hit<'a>] {
        self.speech.get_or_init(|| hits(Trigger::Speech, self))
    }

    /// The places of the sentence, but not those inside a name ("the
    /// Islamic Resistance in Iraq" is no event in Iraq).
    fn places(&self) -> &[places::PlaceMention] {
        self.places.get_or_init(|| {
            let mut found = places::find(self.text);
            found.retain(|p| !self.mentions.iter().any(|m| m.0 <= p.start && p.end <= m.1 && (m.0, m.1) != (p.start, p.end)));
            found
        })
    }

    /// Where "came hours after", "comes days before" stands: its subject
    /// is the anchor, an event told before. Looked for once a sentence, and
    /// only in one that has the word "after" or "before".
    fn anchor_subject(&self) -> Option<(usize, usize)> {
        *self.anchor.get_or_init(|| {
            self.toks
                .iter()
                .any(|t| matches!(&*t.lc, "after" | "before"))
                .then(|| ANCHOR_SUBJECT.on(self.plain).find(self.lc))
                .flatten()
                .map(|m| (m.start(), m.end()))
        })
    }

    fn in_date(&self, pos: usize) -> bool {
        self.dates.iter().any(|d| d.start <= pos && pos < d.end)
    }

    /// Whether byte `pos` lies in a date or a name ("Tower 22"): no count.
    fn in_date_or_name(&self, pos: usize) -> bool {
        self.in_date(pos) || self.mentions.iter().any(|m| m.0 <= pos && pos < m.1)
    }
}

/// The most words a clause helper gives.
const CLAUSE_WORDS: usize = 12;

/// Words of a clause, `buf[start..end]`, held in place rather than in a
/// vector: the clause helpers are asked some fifty thousand times for 300
/// articles, and a vector each was an allocation.
#[derive(Clone, Copy)]
struct Words<'s> {
    buf: [&'s str; CLAUSE_WORDS],
    start: usize,
    end: usize,
}

impl<'s> std::ops::Deref for Words<'s> {
    type Target = [&'s str];

    fn deref(&self) -> &[&'s str] {
        &self.buf[self.start..self.end]
    }
}

fn last_words(s: &str, n: usize) -> String {
    // read from the end: `s` is all of a sentence before a date
    let mut words: Vec<&str> = s.split_whitespace().rev().take(n).collect();
    words.reverse();
    let mut out = words.join(" ");
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// Whether the first day an ISO value at any precision covers comes after
/// the ISO day `dct`: the value is compared as if padded to a day, without
/// writing the padded copy.
fn after_day(v: &str, dct: &str) -> bool {
    let pad = match v.len() {
        4 => "-01-01",
        7 => "-01",
        _ => "",
    };
    v.bytes().chain(pad.bytes()).cmp(dct.bytes()) == std::cmp::Ordering::Greater
}

/// The buffers a sentence's `Ctx` fills, handed from one sentence to the
/// next so that each sentence costs no allocation for them.
#[derive(Default)]
struct Buffers<'a> {
    toks: Vec<Tok<'a>>,
    mentions: Vec<(usize, usize, usize)>,
    dates: Vec<DateCand<'a>>,
}

/// The nouns `PERIOD_TEXT` must end with.
const PERIOD_NOUNS: [&str; 5] = ["days", "weeks", "months", "years", "decades"];

/// Whether `s` holds one of `PERIOD_NOUNS`. Each ends in "s", so only the
/// ends of the text at an "s" are compared: `s` is a date's words or one
/// word, and five substring searches, each set up anew, cost more there.
fn period_noun(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| c == b's' && PERIOD_NOUNS.iter().any(|n| b[..=i].ends_with(n.as_bytes())))
}

/// `DEADLINE_TEXT`: a date's words opening with a deadline's.
fn deadline_text(dtext: &str, plain: bool) -> bool {
    if !plain {
        return DEADLINE_TEXT.on(false).is_match(dtext);
    }
    const OPEN: [&str; 7] = ["by", "until", "till", "no later than", "before", "the end of", "end of"];
    OPEN.iter().any(|w| dtext.starts_with(w) && word_boundary(dtext.as_bytes(), w.len()))
}

/// `DEADLINE_BEFORE` on `head`, the text before a date with its trailing
/// white space trimmed: then the regex's optional "the" and white space at
/// the end match nothing, and it asks only whether `head` ends with a
/// deadline's words that open on a word boundary.
fn deadline_before(head: &str, plain: bool) -> bool {
    if !plain {
        return DEADLINE_BEFORE.on(false).is_match(head);
    }
    const CLOSE: [&str; 11] = [
        "by", "until", "till", "no later than", "before", "end of", "deadline of", "scheduled for", "planned for", "set for", "slated for",
    ];
    CLOSE.iter().any(|w| head.ends_with(w) && word_boundary(head.as_bytes(), head.len() - w.len()))
}

/// "The Pentagon on Monday identified the three soldiers killed in ...":
/// a date right before a verb of telling is when it was told.
fn speech_after(after: &str) -> bool {
    const VERBS: [&str; 12] = [
        "said", "says", "announced", "confirmed", "identified", "named", "told", "reported", "disclosed", "stated",
        "revealed", "released",
    ];
    let Some(rest) = after.strip_prefix(' ') else { return false };
    VERBS.iter().any(|v| rest.starts_with(v) && !rest[v.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// `SPEECH_BEFORE`: a speech verb, then at most five words without a comma
/// or semicolon, then the end of `before`. Read from the end, word by word
/// (runs of text between white space), the verb must close one of the last
/// six words and open on a word boundary.
fn speech_before(before: &str, plain: bool) -> bool {
    if !plain {
        return SPEECH_BEFORE.on(false).is_match(before);
    }
    const VERBS: [&str; 11] =
        ["said", "says", "told", "announced", "confirmed", "disclosed", "disclosing", "stated", "reported", "added", "according to"];
    let mut rest = before.trim_end();
    for _ in 0..6 {
        if VERBS.iter().any(|v| rest.ends_with(v) && word_boundary(rest.as_bytes(), rest.len() - v.len())) {
            return true;
        }
        // the last word becomes one of those after the verb
        let Some((i, c)) = rest.char_indices().rfind(|(_, c)| c.is_whitespace()) else { return false };
        if rest[i + c.len_utf8()..].contains([',', ';']) {
            return false;
        }
        rest = rest[..i].trim_end();
    }
    false
}

/// A trigger word in the lower-cased sentence.
#[derive(Debug, Clone, Copy)]
struct Hit<'a> {
    start: usize,
    end: usize,
    word: &'a str,
}

fn hits<'a>(t: Trigger, ctx: &Ctx<'a>) -> Vec<Hit<'a>> {
    let lc: &'a str = ctx.lc;
    if let Some(within) = ctx.found.and_then(|f| f.within(t, ctx.start, ctx.start + lc.len())) {
        return within.map(|(start, end)| Hit { start, end, word: &lc[start..end] }).collect();
    }
    t.regex().on(ctx.plain).find_iter(lc).map(|m| Hit { start: m.start(), end: m.end(), word: m.as_str() }).collect()
}

static VIOLENCE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:air ?strikes?|air raids?|(?:drone|missile|rocket|retaliatory|precision) (?:strikes?|attacks?)",
        r"|strikes?|struck|attack(?:s|ed|ing)?|assault(?:s|ed)?|target(?:ed|ing)|bomb(?:ed|ing|ings)|shell(?:ed|ing)",
        r"|raids?|barrages?|rockets?|(?:ballistic |cruise )?missiles|mortars?|drones?|assassinat(?:ed|ion|ing)|storm(?:ed|ing)?|ambush(?:ed)?|operations?|retaliat(?:ed|ion)",
        r"|destroy(?:ed|ing) (?:[a-z0-9-]+ ){0,4}?(?:sites|caches|depots|facilities|positions|hideouts|targets|weapons)",
        // "Washington hit more than 85 targets in Iraq and Syria"
        r"|hit (?:[a-z0-9,-]+ ){0,4}?(?:targets|sites|facilities|positions|hideouts)",
        // "used Paveway IV guided bombs to target the cave entrances"
        r"|used (?:[a-z0-9-]+ ){0,4}?(?:bombs|missiles|munitions|rockets) to (?:target|strike|hit|destroy)",
        r"|explosions?|blasts?|roadside bombs?|ieds?|clash(?:es|ed)|firefights?|gunfire)\b"
    ))
});
static CASUALTY: LazyLock<WordRegex> = LazyLock::new(|| {
    // ("Drone strike kills two": headlines and timelines tell in the present)
    WordRegex::new(r"\b(?:killed|killing|kills|kill|dead|died|deaths?|wounded|wounding|injured|injuring|injuries|casualties)\b")
});
static MEETING: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:met|meets|meeting|meetings|rounds? of (?:[a-z-]+ )?(?:talks|negotiations|discussions|dialogue|consultations)|talks",
        r"|negotiations|session|sessions|summit|conference|held (?:[a-z-]+ ){0,2}(?:discussions|consultations)",
        r"|presided over|chaired|visited|received|hosted",
        // "made an unannounced visit to Baghdad"
        r"|(?:made|paid) (?:a |an |his |her |their )?(?:[a-z-]+ )?visits?",
        // "A third round was held in Washington in April" (of the talks told before)
        r"|(?:first|second|third|fourth|fifth|sixth|seventh|final|latest|new|another) rounds? (?:was|were|had been|has been|will be) held)\b"
    ))
});
static ANNOUNCEMENT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:announc(?:ed|es|ing)|declar(?:ed|es|ing)|unveil(?:ed|s|ing)?|agreed|agreement|resolved|adopted",
        r"|approved|decided|scheduled|will be formulated|endorsed|ratified|voted",
        r"|suspend(?:ed|s|ing)? (?:(?:its|their|all|military|armed) )*(?:operations|attacks|activities|cooperation|talks))\b"
    ))
});
static WITHDRAWAL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:withdraw(?:s|n|al|als|ing)?|withdrew|pull(?:ed|ing|s)? out|pullout|pull-out|drawdown|draw-down",
        r"|hand(?:ed|ing|s)? (?:(?:the|its|their|a) )?(?:[a-z-]+ ){0,2}?(?:bases?|camps?|facility|facilities|airbase|compound|sites?)?\s?over",
        r"|handover|hand-over|departed|departure|expel(?:led|ling|s)?|evacuat(?:ed|ion|ing)|left|leave|leaves|leaving|vacat(?:ed|es?|ing)",
        // "began relocating from Baghdad to Erbil", "moving personnel and
        // equipment from bases in Baghdad"
        r"|relocat(?:e|ed|es|ing|ion)|mov(?:e|ed|es|ing) (?:[a-z-]+ ){0,4}?(?:troops|forces|personnel|equipment|advisers|advisors|assets) (?:out of|from)",
        r"|t(?:ook|aken|akes|aking) over",
        r"|(?:end|ends|ending|ended|conclud(?:e|es|ed|ing)|conclusion|terminat(?:e|ed|es|ing|ion)|wind(?:ing)? down)",
        r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:[a-z’'.-]+\s+){0,6}?(?:mission|presence|deployment)",
        // "will wind down its operations by September next year"
        r"|wind(?:s|ing)? down (?:its |their |the )?(?:[a-z-]+ )?operations",
        // "the mission in federal Iraq would conclude by September"
        // ("the military mission of the US-led coalition fighting ISIL (ISIS)
        // in Iraq will end": the mission's owner and its war between; "the
        // mission in federal Iraq, including Baghdad, will wind down")
        r"|(?:mission|presence|deployment|operations)\s+(?:[a-z’'(),.-]+\s+){0,9}?(?:will|would|shall|is to|are to|is set to|are set to)\s+(?:end|conclude|cease|terminate|wind down)",
        // "the coalition's combat mission had ended"
        r"|(?:mission|deployment)\s+(?:in\s+[a-z]+\s+)?(?:has\s+|had\s+|have\s+)?(?:officially\s+|formally\s+)?(?:ended|concluded|ceased|terminated)",
        // "will reduce its troop presence in Iraq from 5,200 to 3,000"
        r"|reduc(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?(?:number\s+of\s+)?(?:[a-z’'.-]+\s+){0,2}?(?:troops|forces|presence|footprint|personnel)",
        r"|cease (?:all |its )?(?:work|operations)",
        // "three small bases are expected to close", "the closure of the base"
        r"|(?:bases?|outposts?)\s+(?:[a-z’'.-]+\s+){0,6}?(?:to\s+)?clos(?:e|ed|es|ing)",
        r"|clos(?:e|ed|es|ing|ure\s+of)\s+(?:the\s+|its\s+|their\s+|a\s+|two\s+|three\s+|several\s+)?(?:[a-z’'.-]+\s+){0,2}?(?:bases?|outposts?|garrisons?))\b"
    ))
});
static SPEECH: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:said|says|stated|told|confirmed|stressed|acknowledged|condemned|added|noted|explained|reported",
        r"|revealed|mentioned|warned|denied|insisted|emphasi[sz]ed|affirmed|reiterated|announced|claimed|according to)\b"
    ))
});

/// Words before a trigger that make it talk about attacks in general, in
/// the future or in a condition rather than report one.
const VIOLENCE_GENERIC_BEFORE: &[&str] = &[
    "reduce", "reducing", "prevent", "preventing", "stop", "stopping", "deter", "deterring", "avoid", "halt",
    "suspend", "suspended", "suspension", "threat", "threats", "threaten", "threatened", "threatening", "risk",
    "possible", "potential", "future", "any", "if", "unless", "whether", "would", "could", "might", "may",
    "ability", "capable", "capability", "plan", "plans", "planning", "sought", "seek", "seeks", "seeking",
    "vowed", "vow", "vows", "forms", "personal", "under", "against", "no", "without", "fear", "feared", "fears",
    // "have so far refrained from attacking US forces"
    "refrain", "refrains", "refrained", "refraining", "abstain", "abstained", "desist", "desisted",
    // "have stepped up attacks on US forces": a trend, told by its verb
    "stepped", "stepping", "ramped", "ramping", "intensified", "intensifying", "escalated", "escalating",
    "condemned", "condemn", "condemns", "condemning", "denounced", "confirmed", "denied", "despite", "amid",
    "continued", "continuing", "ongoing", "used", "protest", "protested", "protesting", "denouncing",
    "condemning", "criticized", "criticised", "blamed", "suspending", "halting", "halted", "stopped", "ending",
    "sporadic", "occasional", "frequent", "periodic", "described", "describing", "branded", "labeled", "labelled",
    // "met to discuss the repercussions of the strikes": the topic of a meeting
    "discuss", "discussed", "discussing", "repercussions", "consequences", "aftermath",
    // "will not tolerate attacks on American forces": a stance toward any
    "tolerate", "tolerates", "tolerated", "tolerating", "allow", "allows", "allowing", "permit", "permits",
    "accept", "accepts", "counter", "countering",
    // "have not claimed an attack since ...": none told
    "not", "never",
];
const ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
/// "in response to the attacks", "in retaliation for Sunday's strike": the
/// trigger names the event answered, told elsewhere, not the one reported.
/// ("in the wake of Hamas' attack" names what came first, as they do)
/// ("the militia that Washington blames for a rocket attack that killed a
/// contractor": the attack blamed, told with its toll)
const ANSWERED: &[[&str; 2]] = &[
    ["response", "to"], ["retaliation", "for"], ["revenge", "for"], ["reprisal", "for"], ["answer", "to"], ["wake", "of"],
    ["blames", "for"], ["blamed", "for"], ["blaming", "for"],
];
/// "carrier strike group", "strike fighter": a strike word naming a unit or a kind of aircraft
const STRIKE_UNITS: &[&str] = &["group", "groups", "force", "forces", "fighter", "fighters", "package", "capability", "capabilities", "team", "teams", "aircraft"];
/// Words after a trigger that make it a modal or a trend ("attacks have
/// fallen sharply") rather than one event.
const MODAL_AFTER: &[&str] = &["would", "will", "could", "may", "might", "should"];
const TREND: &[&str] = &[
    "fallen", "fell", "decreased", "declined", "dropped", "increased", "risen", "rose", "surged", "subsided",
    "slowed", "continue", "continued", "persist", "persisted", "intensified", "escalated", "eased",
    "stopped", "ceased", "halted", "abated", "waned", "dwindled", "diminished",
];
const MEETING_IRREALIS: &[&str] = &[
    "if", "unless", "hope", "hopes", "hoped", "hoping", "could", "might", "may", "would", "about", "close",
    "possible", "begin", "start", "launch", "prepare", "preparation", "no", "not", "press", "news", "any",
    "through", "following", "after", "end", "before", "since",
];
/// Whom one "receives" for a meeting, named by office.
const RECEIVED_OFFICES: &[&str] = &[
    "ambassador", "consul", "envoy", "delegation", "minister", "commander", "secretary", "president", "chief",
    "adviser", "advisor", "governor", "senator", "deputy", "representative", "official", "officials", "counterpart",
    "chargé", "charge", "affaires", "attaché", "attache", "general", "admiral", "commissioner", "coordinator", "head",
    "director", "speaker", "leader", "mayor", "prince", "king", "emir", "sheikh", "chairman", "chair",
];
const FUTURE_CUES: &[&str] = &[
    "will", "scheduled", "planned", "set", "expected", "slated", "upcoming", "next", "due", "shall",
];
/// ... and "previously announced" points back to an announcement reported
/// elsewhere rather than reporting one.
const ANNOUNCE_IRREALIS: &[&str] = &[
    "close", "if", "unless", "would", "could", "might", "may", "no", "not", "yet", "never", "previously", "already",
];
const WITHDRAWAL_IRREALIS: &[&str] = &[
    "no", "not", "possible", "eventual", "imminent", "call", "calls", "called", "calling", "demand", "demands",
    "demanded", "demanding", "urge", "urges", "urged", "urging", "want", "wants", "wanted", "seek", "seeks", "sought", "pushes",
    "press", "presses", "pressed", "pressing",
    "seeking", "push", "pushed", "pushing", "pressure", "negotiate", "negotiating", "negotiations", "discuss",
    "discussed", "discussing", "discussions", "talks", "hope", "hopes", "if", "unless", "could", "might",
    "would", "may", "about", "prevent", "oppose", "opposed", "reject", "rejected", "refuse", "refused",
    "regarding", "study", "evaluate", "assess", "assessing", "review", "reviewing", "any", "without", "aim",
    "aims", "goal", "purpose", "objective", "intend", "intends", "intention", "vote", "voting", "petition",
    "proposal", "proposes", "proposed", "draft", "following", "after", "since", "before", "finalize",
    "finalise", "finalizing", "finalising",
    // "to continue operations until all foreign troops leave Iraq": a condition
    "until", "till",
];
/// "will remain in Erbil until September 2026": staying until a date is
/// leaving on it.
static STAY_UNTIL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:remain|remaining|stay|staying|continue to (?:operate|serve|be based|be deployed)|operate|lasting|last",
        // "would keep a presence at Erbil air base ... until the end of September 2026"
        r"|(?:keep|keeps|keeping|maintain|maintains|maintaining|retain|retains|retaining) (?:a |an |its |their )?(?:[a-z-]+ )?(?:presence|forces|troops|advisers|advisors)",
        // "the coalition's mission in Syria will continue until September 2026",
        // "support for operations in Syria will continue until September 2026"
        r"|(?:mission|presence|deployment|support)\b[^,;.]{0,150}?\bcontinues?)\b(?:[^,;.]{0,60}?)\buntil\b"
    ))
});
/// "the plan called for a pullout" is a plan, not a demand.
const PLAN_NOUNS: &[&str] = &["plan", "agreement", "deal", "resolution", "timetable", "timeline", "law", "decision", "bill"];

/// A meeting trigger that is a verb in the past tense.
fn past_verb(word: &str) -> bool {
    matches!(word, "met" | "chaired" | "visited" | "received" | "hosted" | "presided over")
        || word.starts_with("held ")
        || word.starts_with("made ")
        || word.starts_with("paid ")
}

fn any_of(words: &[&str], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(w))
}

/// A long list of words sorted once for binary search: the lists are asked
/// of every word before a trigger.
struct WordSet(Vec<&'static str>);

impl WordSet {
    fn new(words: &[&'static str]) -> WordSet {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        WordSet(sorted)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

static GENERIC_BEFORE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(VIOLENCE_GENERIC_BEFORE));
static WITHDRAWAL_IRREALIS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WITHDRAWAL_IRREALIS));

/// A stay that lasts until a deadline the sentence dates ("will remain in
/// Erbil until September 2026"), the first from byte `from` on.
fn stay_until<'a>(ctx: &Ctx<'a>, from: usize) -> Option<regex::Match<'a>> {
    if !ctx.lc[from..].contains("until") {
        return None;
    }
    STAY_UNTIL.on(ctx.plain).find_at(ctx.lc, from).filter(|m| {
        ctx.dates.iter().any(|d| !d.period && d.deadline && d.start + "until".len() >= m.end() && d.start <= m.end() + 3)
    })
}

/// Where the words after a trigger go on past a day told right after it
/// ("received on Tuesday evening the commander", "agreed on Tuesday that"),
/// and past the office or town before that day ("received in his office in
/// Baghdad on Sunday a delegation"): the end of those, or of the trigger.
fn past_day_told(ctx: &Ctx, h: &Hit) -> usize {
    let mut at = h.end;
    if let Some(p) = [" in his office", " in her office", " at his office", " at her office", " in their office"].iter().find(|p| ctx.lc[at..].starts_with(*p)) {
        at += p.len();
    }
    if let Some(place) = ctx.places().iter().find(|p| p.start > at && ctx.lc[at..p.start].trim() == "in") {
        at = place.end;
    }
    ctx.dates.iter().find(|d| d.start >= at && d.start <= at + 1).map_or(at, |d| d.end)
}

/// Whether two words are one of the `ANSWERED` pairs ("in response to").
fn answers(first: &str, second: &str) -> bool {
    ANSWERED.iter().any(|a| first == a[0] && second == a[1])
}

/// Whether the word right before the trigger is "to" and the trigger is a
/// verb: "threatened to strike", "to agree", "to meet".
fn infinitive(ctx: &Ctx, hit: &Hit) -> bool {
    let before = ctx.clause_before(hit.start, 1);
    let verb = !hit.word.ends_with('s') && !hit.word.ends_with("ion") && !hit.word.ends_with("ing");
    let before2 = ctx.clause_before(hit.start, 2);
    // "attempted to storm the embassy" reports an attempt that happened
    let attempt = before2.first().is_some_and(|w| matches!(*w, "attempted" | "tried"));
    before.last() == Some(&"to") && verb && !attempt
}

/// Whether the trigger stands inside a short quotation: a characterization
/// ("a “blatant attack”") rather than a report.
fn in_short_quote(ctx: &Ctx, hit: &Hit) -> bool {
    let head = &ctx.text[..hit.start];
    let straight = head.matches('"').count();
    let open = if straight % 2 == 1 {
        head.rfind('"').map(|i| i + 1)
    } else {
        let curly_open = head.rfind('“');
        let curly_close = head.rfind('”');
        match (curly_open, curly_close) {
            (Some(o), Some(c)) if c > o => None,
            (Some(o), _) => Some(o + '“'.len_utf8()),
            _ => None,
        }
    };
    let Some(open) = open else { return false };
    let Some(close) = ctx.text[hit.end..].find(['”', '"']) else { return false };
    ctx.text[open..hit.end + close].split_whitespace().count() <= 6
}

/// Whether words before a violence trigger make it generic
/// (`VIOLENCE_GENERIC_BEFORE`). "came under rocket attack" reports one;
/// "under" elsewhere ("under threat of attack", "under a deal to halt
/// attacks") does not.
fn generic_before(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        GENERIC_BEFORE.contains(w) && !(*w == "under" && k > 0 && matches!(words[k - 1], "came" | "come" | "comes" | "coming"))
    })
}

fn violence_is_generic(ctx: &Ctx, hit: &Hit) -> bool {
    if in_short_quote(ctx, hit) {
        return true;
    }
    // "a post-attack damage assessment", "anti-drone systems", "pre-strike
    // warnings": the word qualifies another noun
    if ["post-", "pre-", "anti-"].iter().any(|p| ctx.lc[..hit.start].ends_with(p)) {
        return true;
    }
    // "before being driven back by Iraqi forces, Kurdish fighters and
    // coalition airstrikes": the means by which something else was done
    // (the nearest "by" among the words, where a substring search cost more)
    let at = ctx.tok_at(hit.start);
    let by = (at.saturating_sub(16)..at).rev().find(|&k| ctx.toks[k].lc == "by");
    // (the trigger inside the by-phrase: no verb between them, as in "backed
    // by the coalition, launched a joint operation")
    let verb_between = |k: usize| ctx.toks[k + 1..at].iter().any(|t| t.lc.ends_with("ed") && !t.lc.contains('-'));
    // (a verb after the phrase is closed by a comma is the sentence's own:
    // "two Typhoons, supported by a Voyager tanker, used guided bombs to")
    let verb_hit = hit.word.starts_with("used ") || hit.word.starts_with("hit ") || hit.word.ends_with("ed");
    let closed = |k: usize| verb_hit && ctx.lc[ctx.toks[k].start..hit.start].trim_end().ends_with(',');
    if let Some(k) = by.filter(|&k| hit.start - ctx.toks[k].start <= 100 && !ctx.lc[ctx.toks[k].start..hit.start].contains(['.', ';']) && !verb_between(k) && !closed(k)) {
        let word = |j: usize| &*ctx.toks[j].lc;
        let verb = k.checked_sub(1).map(word).filter(|w| *w != "back").or_else(|| k.checked_sub(2).map(word));
        if verb.is_some_and(|w| matches!(w, "driven" | "defeated" | "backed" | "supported" | "aided" | "helped" | "pushed" | "routed" | "expelled" | "ousted" | "liberated" | "retaken" | "recaptured")) {
            return true;
        }
    }
    let before = ctx.clause_before(hit.start, 6);
    if generic_before(&before) || infinitive(ctx, hit) {
        return true;
    }
    // quotation marks inside a clause ("condemned the “reckless” strikes") do not end it
    let unquoted: Vec<&str> = {
        let i = ctx.tok_at(hit.start);
        // tokens are in order and never overlap: the one after `k` is `k + 1`
        let from = (0..i).rev().find(|&k| {
            let t = &ctx.toks[k];
            let gap_end = ctx.toks.get(k + 1).map_or(hit.start, |n| n.start.min(hit.start));
            ctx.text[t.end..gap_end.max(t.end)].contains([',', ';', ':', '—', '–', '(', ')'])
        });
        let lo = from.map_or(0, |f| f + 1).max(i.saturating_sub(6));
        ctx.toks[lo..i].iter().map(|t| &*t.lc).collect()
    };
    if generic_before(&unquoted) {
        return true;
    }
    // "It was the second attack in ten days": a tally of an event already told
    if unquoted.len() >= 3 && ORDINALS.contains(unquoted.last().unwrap_or(&"")) && matches!(unquoted[unquoted.len() - 2], "the") && matches!(unquoted[unquoted.len() - 3], "was" | "is" | "marked" | "marks") {
        return true;
    }
    let near = ctx.clause_before(hit.start, 5);
    if near.windows(2).any(|w| answers(w[0], w[1])) {
        return true;
    }
    // "The attack came three days after a barrage ...": the subject is the
    // anchor, told before; the barrage is the report
    // (or "comes days after", "came hours before": a span not counted)
    if let Some((anchor, _)) = ctx.anchor_subject() {
        // (the subject may run on: "The attacks on Ain al-Asad air base and
        // a base in Irbil came hours after ...")
        let subject = &ctx.lc[hit.end.min(anchor)..anchor];
        if hit.end <= anchor && subject.split_whitespace().count() <= 12 && !subject.contains([',', ';', '—', '–']) {
            return true;
        }
    }
    if hit.word.starts_with("strike") && ctx.clause_after(hit.end, 1).first().is_some_and(|w| STRIKE_UNITS.contains(w)) {
        return true;
    }
    // "that attack", "those strikes", "such attacks" point back to events told before
    let plural = hit.word.ends_with('s');
    // (a determiner before a noun: "said that it attacked the base" is a
    // conjunction before a verb)
    let verb = hit.word.ends_with("ed") || hit.word == "struck" || hit.word.starts_with("hit ") || hit.word.starts_with("used ");
    for (k, w) in before.iter().enumerate().rev().take(2) {
        match *w {
            "this" | "that" if !plural && !verb => return true,
            // (but "more than 170 such attacks" counts them)
            "such" if k > 0 && numbers::parse_number(before[k - 1]).is_some() => {}
            "these" | "those" | "such" => return true,
            // "not linked to recent attacks", "after repeated strikes": a
            // run of events, none told here
            "recent" | "previous" | "past" | "prior" | "repeated" | "earlier" if plural => return true,
            _ => {}
        }
    }
    // "to hold the militias responsible for their attacks on US forces":
    // attacks blamed in general, none told here
    if plural && before.iter().rev().take(3).any(|w| matches!(*w, "responsible" | "accountable")) {
        return true;
    }
    let after = ctx.clause_after(hit.end, 5);
    if any_of(&after, MODAL_AFTER) {
        return true;
    }
    // a plural subject whose verb tells a trend: "Attacks on US troops have
    // fallen", "Rocket and drone attacks on US forces have largely subsided"
    let at = ctx.tok_at(hit.start);
    let opens = at < 3
        || at < 6
            && !ctx.text[..hit.start].contains([',', ';', ':', '—', '–'])
            && ctx.toks[..at].iter().all(|t| matches!(&*t.lc, "rocket" | "drone" | "missile" | "mortar" | "militia" | "and" | "the" | "recent") || t.lc.ends_with("-backed"));
    // (or the subject of what was said: "said that the attacks continued")
    let said_subject = {
        let b = ctx.clause_before(hit.start, 2);
        b.last() == Some(&"that") || *b == ["that", "the"]
    };
    if hit.word.ends_with('s') && (opens || said_subject) && any_of(&ctx.clause_after(hit.end, 12), TREND) {
        return true;
    }
    // "operation" is a military action only when the words around say so,
    // and "Operation Inherent Resolve" is a name
    if hit.word.starts_with("operation") {
        if ctx.text[hit.start..].starts_with('O') {
            return true;
        }
        let near = ctx.clause_before(hit.start, 4);
        let wide_before = ctx.clause_before(hit.start, 8);
        let wide_after = ctx.clause_after(hit.end, 6);
        // "Thursday's operation"
        let dated = ctx.dates.iter().any(|d| d.end <= hit.start && hit.start - d.end <= 6);
        let military = dated || near.iter().any(|w| {
            matches!(
                *w,
                "military" | "joint" | "counterterrorism" | "counter-terrorism" | "security" | "airborne" | "ground" | "special" | "raid"
                    | "airdrop" | "helicopter" | "heliborne" | "commando"
            )
        });
        // ("carrying out an airdrop operation")
        let conducted = wide_before.iter().chain(wide_after.iter()).any(|w| {
            w.starts_with("conduct") || w.starts_with("carried") || w.starts_with("carry") || w.starts_with("launch") || *w == "raid" || *w == "raids"
        });
        return !(military || conducted);
    }
    // a weapon word alone is an attack only when it was used
    if matches!(hit.word, "drone" | "drones" | "rocket" | "rockets" | "mortar" | "mortars") || hit.word.ends_with("missiles") {
        // ("fired more than a dozen ballistic missiles")
        let before = ctx.clause_before(hit.start, 6);
        let after = ctx.clause_after(hit.end, 3);
        let used = before.iter().chain(after.iter()).any(|w| {
            w.starts_with("launch") || w.starts_with("fired") || w.starts_with("fire") || w.starts_with("hit")
                || matches!(*w, "landed" | "struck" | "targeted" | "attack" | "attacks" | "strike" | "strikes" | "killed" | "killing")
                // a timeline's present: "Drones target al-Asad airbase"
                || matches!(*w, "target" | "targets" | "land" | "lands" | "kill" | "kills" | "wound" | "wounds")
                || matches!(*w, "slammed" | "crashed" | "exploded" | "impacted" | "fell" | "rained")
                // "two drones were shot down near the base": an attack foiled is an attack
                || matches!(*w, "shot" | "intercepted" | "downed")
        });
        // "rocket and drone attacks": the noun after is the trigger
        let noun = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "attack" | "attacks" | "strike" | "strikes" | "barrage" | "barrages"));
        if noun(after.first()) || after.first().is_some_and(|w| matches!(*w, "and" | "or")) && noun(after.get(2)) {
            return true;
        }
        let negated = after.iter().any(|w| matches!(*w, "not" | "never" | "failed" | "didn't" | "did"));
        // "found a rocket launcher with 12 rockets ready to fire": weapons
        // seized are no attack
        let seized = before.iter().any(|w| {
            matches!(*w, "found" | "seized" | "discovered" | "confiscated" | "dismantled" | "defused" | "recovered" | "uncovered" | "smuggled" | "smuggling")
        });
        return !used || negated || seized;
    }
    false
}

fn strike_lean(word: &str) -> bool {
    word.starts_with("air")
        || word.starts_with("destroy")
        || word.starts_with("hit ")
        || word.starts_with("used ")
        || word.starts_with("raid")
        || word.starts_with("bomb")
        || word.starts_with("assassinat")
        || word.starts_with("operation")
        || word.starts_with("retaliat")
        || word.starts_with("precision")
        || word.starts_with("missile")
        || word == "strike"
        || word == "strikes"
}

static STATE_ACTOR: LazyLock<WordRegex> = LazyLock::new(|| {
    // ("u s": "U.S." as the tokenizer's words, joined)
    WordRegex::new(r"\b(?:u\.s|u s|us|american|united states|washington|pentagon|centcom|central command|coalition|israel|israeli|british|french)\b")
});
static PASSIVE: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"\b(?:was|were|been|being|is|are|faced|facing|subjected|under|came)\b"));

/// Where the clause that goes on from byte `from` ends: at the next comma
/// or semicolon, but not at the comma inside a figure ("1,200 people").
fn clause_end(lc: &str, from: usize) -> usize {
    let b = lc.as_bytes();
    lc[from..]
        .match_indices([',', ';'])
        .map(|(i, _)| from + i)
        .find(|&i| !(b[i] == b',' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        .unwrap_or(lc.len())
}

/// Where the clause naming an answered event ends, past an apposition
/// that describes its target with a relative clause of its own ("in
/// retaliation for the attack on Tower 22, a US outpost in Jordan that
/// killed three American soldiers": the three are the attack's dead).
fn answered_end(lc: &str, end: usize) -> usize {
    let Some(rest) = lc[end..].strip_prefix(", ") else { return end };
    if !["a ", "an ", "the "].iter().any(|a| rest.starts_with(a)) {
        return end;
    }
    let next = clause_end(lc, end + 2);
    let apposition = &lc[end + 2..next];
    // (not "the last of which was on Tuesday": a part of what went before)
    let relative = [" that ", " which ", " where "].iter().any(|r| apposition.contains(r)) && !apposition.contains(" of which") && !apposition.contains(" of whom");
    if relative && apposition.split_whitespace().count() <= 16 { next } else { end }
}

/// The dead and the wounded that casualty words give ("killed three
/// soldiers", "two were wounded"): the first figure of each, and the first
/// word that gave a figure.
fn tally<'h, 'a: 'h>(ctx: &Ctx, casualty_hits: impl Iterator<Item = &'h Hit<'a>>) -> (Option<i64>, Option<i64>, Option<&'h Hit<'a>>) {
    let mut killed = None;
    let mut injured = None;
    let mut first_casualty = None;
    for h in casualty_hits {
        let i = ctx.tok_at(h.start);
        if i >= ctx.toks.len() {
            continue;
        }
        let harm = numbers::harm_of(&ctx.toks[i].lc);
        let in_date = |p| ctx.in_date_or_name(p) || age_after_name(ctx.text, p);
        let n = past_list(ctx, i, &in_date).or_else(|| numbers::casualty_number(&ctx.toks, i, &in_date));
        if n.is_some() && first_casualty.is_none() {
            first_casualty = Some(h);
        }
        match harm {
            Some(Harm::Death) if killed.is_none() => killed = n,
            Some(Harm::Injury) if injured.is_none() => injured = n,
            _ => {}
        }
    }
    (killed, injured, first_casualty)
}

/// "three U.S. Army Reserve soldiers — Sgt. William Jerome Rivers, Spc.
/// Kennedy Ladon Sanders, and Spc. Breonna Alexsondria Moffett — were
/// killed": the count before a list set off by dashes or brackets right
/// before the casualty word at token `i`.
fn past_list(ctx: &Ctx, i: usize, in_date: &dyn Fn(usize) -> bool) -> Option<i64> {
    let head = &ctx.text[..ctx.toks[i].start];
    let close = head.rfind(['—', '–', ')'])?;
    let between = &head[close..];
    if between.split_whitespace().count() > 3 || between.contains([',', ';']) {
        return None;
    }
    let open = if head[close..].starts_with(')') { head[..close].rfind('(')? } else { head[..close].rfind(['—', '–'])? };
    let toks: Vec<numbers::Tok> = ctx.toks.iter().filter(|t| t.end <= open || t.start >= close).cloned().collect();
    let j = toks.iter().position(|t| t.start == ctx.toks[i].start)?;
    numbers::casualty_number(&toks, j, in_date)
}

/// "Sgt. William Jerome Rivers, 46, of Carrollton": a number set off by
/// commas right after a capitalized word is an age, not a count.
fn age_after_name(text: &str, pos: usize) -> bool {
    let Some(head) = text[..pos].strip_suffix(", ") else { return false };
    let digits = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
    let name_before = head.rsplit(' ').next().is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    (1..=3).contains(&digits) && text[pos + digits..].starts_with(',') && name_before
}

fn sentence_events(input: &Input, ctx: &Ctx, out: &mut Vec<Draft>) {
    let mut made: Vec<Draft> = Vec::new();

    // violence: an aggregate claim, and a single event beside it
    let all_violence = hits(Trigger::Violence, ctx);
    let violence: Vec<Hit> = all_violence.iter().copied().filter(|h| !violence_is_generic(ctx, h)).collect();
    // "US strikes kill eight fighters" (a timeline's present) reports; "to
    // kill", "would kill", "did not kill" do not
    let mut casualty_hits = hits(Trigger::Casualty, ctx);
    casualty_hits.retain(|h| {
        h.word != "kill"
            || !ctx.clause_before(h.start, 1).first().is_some_and(|w| {
                matches!(*w, "to" | "will" | "would" | "could" | "can" | "may" | "might" | "not" | "did" | "didn't" | "never" | "shall" | "should" | "must")
            })
    });
    // "met more than 10 times" is no claim of attacks: some violence must be told
    let agg = (!violence.is_empty())
        .then(|| numbers::aggregate(ctx.text, ctx.lc, ctx.plain, &|p| ctx.in_date_or_name(p)))
        .flatten()
        .filter(|a| !generic_before(&ctx.clause_before(a.start, 6)));
    let mut single_hits: Vec<&Hit> = violence.iter().collect();
    if let Some(a) = &agg {
        // "nearly 80 operations" by US forces are strikes; a claim of attacks is attacks
        let noun = ctx.lc[a.start..a.end].rsplit(' ').next().unwrap_or("");
        let state_counts = matches!(noun, "strikes" | "airstrikes" | "raids" | "operations")
            && STATE_ACTOR.on(ctx.plain).is_match(&ctx.lc[..a.start]);
        let mut ev = blank(if state_counts { EventKind::Strike } else { EventKind::Attack }, ctx.index);
        ev.reported_count = Some(a.count);
        ev.count_qualifier = a.qualifier.clone();
        ev.count_period = a.period.clone();
        let hit = Hit { start: a.start, end: a.end, word: &ctx.lc[a.start..a.end] };
        participants_violence(input, ctx, &hit, &mut ev);
        locate(input, ctx, &hit, &mut ev);
        // "conducted 14 strikes in Iraq on Saturday": a count on one day of
        // its own clause is dated that day (not a day someone spoke on, nor
        // a span, nor "..., the last of which was on Tuesday")
        let own = ev.count_period.is_none()
            && assign_date_where(ctx, &hit, Mode::Past, false, &mut ev, &|d| {
                let between = if d.start >= a.end { &ctx.text[a.end..d.start] } else { &ctx.text[d.end..a.start.max(d.end)] };
                !d.speech && !d.deadline && !d.future && d.precision == Some(Precision::Day) && d.value.is_some()
                    && !between.contains([',', ';', '—', '–', '(', ')'])
            });
        made.push(Draft { ev, mode: Mode::Aggregate, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again: false });
        // a second event must stand in another clause of the sentence
        single_hits.retain(|h| h.start >= a.end + 3 || h.end + 3 <= a.start);
        single_hits.retain(|h| {
            let (lo, hi) = if h.start >= a.end { (a.end, h.start) } else { (h.end, a.start) };
            ctx.text[lo..hi].contains([',', ';'])
        });
    }
    // "In retaliation for ..., US forces struck ...": the verb tells the
    // reply, with its subject and day, better than the noun that names it
    let first_violence = single_hits
        .iter()
        .find(|h| h.word != "retaliation")
        .or(single_hits.first())
        .copied();
    // "strikes in retaliation for an ambush that killed two soldiers": the
    // dead of the clause that names the answered event are that event's
    // ("struck three locations early on Tuesday, hours after a drone
    // attack on Erbil air base wounded three U.S. service members": the
    // event before, told with its toll in a clause of its own; not "came
    // hours after", whose subject is the event told before)
    let came = |i: usize| ctx.toks[i.saturating_sub(3)..i].iter().any(|t| matches!(&*t.lc, "came" | "comes" | "happened" | "occurred" | "followed"));
    let answered: Vec<(usize, usize)> = ctx
        .toks
        .windows(2)
        .enumerate()
        .filter(|(i, w)| {
            (matches!(&*w[1].lc, "to" | "for" | "of") && answers(&w[0].lc, &w[1].lc))
                || (w[1].lc == "after" && matches!(&*w[0].lc, "hours" | "days" | "shortly") && !came(*i) && ctx.text[..w[0].start].trim_end().ends_with(','))
        })
        .map(|(_, w)| w)
        .map(|w| (w[0].start, answered_end(ctx.lc, clause_end(ctx.lc, w[0].start))))
        .collect();
    let (casualty_hits, answered_hits): (Vec<Hit>, Vec<Hit>) = if answered.is_empty() {
        (casualty_hits, Vec::new())
    } else {
        casualty_hits.into_iter().partition(|h| !answered.iter().any(|&(a, e)| h.start > a && h.end <= e))
    };
    // "strikes in retaliation for a drone attack on January 28 that killed
    // three soldiers": the answered event, told with a day or a toll of its
    // own, is reported here too, in its clause; the reply takes nothing of it
    let told_answer = answered.iter().find_map(|&(a, e)| {
        // ("revenge for the killing of Soleimani by the US last week")
        let h = all_violence.iter().chain(answered_hits.iter()).find(|h| h.start > a && h.end <= e)?;
        // "in retaliation for a drone attack" is an attack, "for a US strike"
        // or "the killing of X by the US" a strike
        let by_state = ctx.lc[h.end..e].find(" by ").is_some_and(|b| {
            let agent = &ctx.lc[h.end + b + 4..e];
            STATE_ACTOR.on(ctx.plain).find(agent).is_some_and(|m| agent[..m.start()].trim().is_empty() || agent[..m.start()].trim() == "the")
        });
        let kind = if strike_lean(h.word) || by_state || STATE_ACTOR.on(ctx.plain).is_match(&ctx.lc[a..h.start]) {
            EventKind::Strike
        } else {
            EventKind::Attack
        };
        // (after it, or before it in its own phrase: "the Jan. 3 U.S. drone strike")
        // (not a day's own event, "Monday's attack": the one told before)
        let possessive = |d: &DateCand| d.text.ends_with("'s") || d.text.ends_with("’s");
        let dated = ctx.dates.iter().any(|d| !d.period && (d.start > h.end || d.start > a && !possessive(d)) && d.end <= e);
        let (killed, injured, _) = tally(ctx, answered_hits.iter().filter(|c| c.start > h.end && c.end <= e));
        // ("that killed Gen. Qassem Soleimani and Abu Mahdi al-Muhandis")
        let killed = killed.or_else(|| {
            let own: Vec<Hit> = answered_hits.iter().filter(|c| c.start > h.end && c.end <= e).copied().collect();
            named_dead(input, ctx, &[], &own)
        });
        (dated || killed.is_some() || injured.is_some()).then_some((*h, kind, a, e, killed, injured))
    });
    // the reply takes no date of a clause that names what it answers
    let outside = |s: usize, e: usize| answered.iter().all(|&(a, end)| e <= a || s >= end);
    // casualties: the numbers of the sentence
    let (mut killed, injured, mut first_casualty) = tally(ctx, casualty_hits.iter());
    if (first_violence.is_some() || first_casualty.is_some()) && numbers::no_casualties(ctx.text, ctx.lc, ctx.plain) {
        if first_violence.is_none() && casualty_hits.len() == 1 {
            // "No US personnel were injured, a US defense official said":
            // what an attack told before did not do, no casualty (but "two
            // soldiers were killed, and no one else was hurt" still tells one)
            first_casualty = None;
            killed = None;
        } else if killed.is_none() && injured.is_none() {
            killed = Some(0);
        }
    }
    if killed.is_none() {
        killed = named_dead(input, ctx, &violence, &casualty_hits);
    }
    let violence_hit = match (first_violence, first_casualty) {
        (Some(v), Some(c)) if c.start < v.start => Some((*c, EventKind::Casualty)),
        (Some(v), _) => Some((*v, violence_kind(input, ctx, v))),
        (None, Some(c)) if agg.is_none() || killed.is_some() => Some((*c, EventKind::Casualty)),
        (None, None) if killed.is_some_and(|k| k > 0) && agg.is_none() => {
            casualty_hits.first().map(|c| (*c, EventKind::Casualty))
        }
        _ => None,
    };
    if let Some((hit, kind)) = violence_hit {
        let mut ev = blank(kind, ctx.index);
        ev.killed = killed;
        ev.injured = injured;
        match told_answer {
            // the reply's parties stand outside the clause it answers
            Some((_, _, a, ..)) if hit.end <= a => participants_violence_within(input, ctx, &hit, &mut ev, 0, a),
            Some((_, _, _, e, ..)) if hit.start >= e => participants_violence_within(input, ctx, &hit, &mut ev, e, usize::MAX),
            _ => participants_violence(input, ctx, &hit, &mut ev),
        }
        // "The attacks on Ain al-Asad ... came hours after ... a U.S. drone
        // strike in Baghdad": the subject is the anchor, told before, and
        // its base is not the place of the event reported after it
        let anchor_end = ctx.anchor_subject().map(|(_, e)| e).filter(|&e| hit.start >= e);
        let own = match told_answer {
            None if anchor_end.is_some() => {
                locate_within(input, ctx, &hit, &mut ev, anchor_end.unwrap_or(0), usize::MAX);
                assign_date_where(ctx, &hit, Mode::Past, false, &mut ev, &|d| d.start >= anchor_end.unwrap_or(0))
            }
            None => {
                // ("struck sites in Syria in retaliation for the attack on
                // Tower 22": the base answered is not where the reply struck)
                match answered.iter().find(|&&(a, _)| a >= hit.end) {
                    Some(&(a, _)) => locate_within(input, ctx, &hit, &mut ev, 0, a),
                    None => locate(input, ctx, &hit, &mut ev),
                }
                span_from_sentence_day(ctx, &hit, &mut ev)
                    || assign_date_where(ctx, &hit, Mode::Past, false, &mut ev, &|d| outside(d.start, d.end))
            }
            Some((_, _, a, e, ..)) => {
                let (from, to) = if hit.end <= a { (0, a) } else { (e, usize::MAX) };
                locate_within(input, ctx, &hit, &mut ev, from, to);
                assign_date_where(ctx, &hit, Mode::Past, false, &mut ev, &|d| outside(d.start, d.end))
            }
        };
        let the = ctx.clause_before(hit.start, 2).contains(&"the");
        let definite = the || DEFINITE_REF.on(ctx.plain).is_match(ctx.lc);
        let first_date = ev.date_text.clone();
        // "The strikes were not the end of it": the event told before, and
        // nothing new of it (day, place, toll)
        let nothing_new = !own && ev.killed.is_none() && ev.injured.is_none() && ev.place.is_none() && ev.base.is_none();
        // ... when the sentence speaks about it ("the strikes were not the
        // end", "the attack bore the footprints") rather than tells what it did
        // (past what the noun is of: "the attacks on Iraqi sovereignty are
        // unacceptable")
        let after = ctx.clause_after(hit.end, 6);
        let skip = if after.first().is_some_and(|w| matches!(*w, "on" | "against")) {
            after.iter().position(|w| matches!(*w, "were" | "was" | "is" | "are")).filter(|&k| k <= 4).unwrap_or(0)
        } else {
            0
        };
        let about = &after[skip..];
        let judged = matches!(about.first().copied(), Some("were" | "was" | "is" | "are" | "as" | "bore" | "showed" | "had"))
            && !about.get(1).is_some_and(|w| w.ends_with("ed") && !matches!(*w, "aimed" | "intended" | "designed"));
        if !(the && nothing_new && judged && agg.is_none() && kind != EventKind::Casualty) {
            // "claimed two drone attacks on Ain al-Asad air base in western
            // Anbar and on Harir air base in Erbil": one event a base
            // (the toll told once, with the first)
            let also = ev.base.map(|b| coordinated_bases(input, ctx, &hit, b)).unwrap_or_default();
            let twins: Vec<Event> = also
                .into_iter()
                .map(|other| {
                    let mut twin = ev.clone();
                    (twin.base, twin.killed, twin.injured) = (Some(other), None, None);
                    for p in &mut twin.participants {
                        if p.role == Role::Location && Some(p.entity) == ev.base {
                            p.entity = other;
                        }
                    }
                    twin
                })
                .collect();
            made.push(Draft { ev, mode: Mode::Past, own_date: own, definite, fresh: false, weak: false, anaphor: None, answered: false, again: false });
            for twin in twins {
                made.push(Draft { ev: twin, mode: Mode::Past, own_date: own, definite, fresh: false, weak: false, anaphor: None, answered: false, again: false });
            }
        }
        // "After a drone attack on January 28 killed three soldiers, the US
        // struck 85 targets on February 2": a later violence trigger in
        // another clause whose own date differs is another event
        let second = single_hits.iter().filter(|h| h.start > hit.end).find(|h| {
            let mut probe = blank(EventKind::Attack, ctx.index);
            assign_date(ctx, h, Mode::Past, false, &mut probe);
            let gap = &ctx.text[hit.end..h.start];
            probe.date_text.is_some() && probe.date_text != first_date && gap.contains([',', ';'])
        });
        if let Some(h) = second {
            let mut ev = blank(violence_kind(input, ctx, h), ctx.index);
            participants_violence(input, ctx, h, &mut ev);
            let clause = ctx.text[hit.end..h.start].rfind([',', ';']).map(|i| hit.end + i).unwrap_or(h.start);
            locate_from(input, ctx, h, &mut ev, clause);
            let own = assign_date(ctx, h, Mode::Past, false, &mut ev);
            made.push(Draft { ev, mode: Mode::Past, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again: false });
        }
    }
    if let Some((h, kind, a, e, killed, injured)) = told_answer {
        let mut ev = blank(kind, ctx.index);
        ev.killed = killed;
        ev.injured = injured;
        participants_violence_within(input, ctx, &h, &mut ev, a, e);
        locate_within(input, ctx, &h, &mut ev, a, e);
        let own = assign_date_where(ctx, &h, Mode::Past, false, &mut ev, &|d| d.start > a && d.end <= e);
        let definite = ctx.clause_before(h.start, 2).contains(&"the");
        made.push(Draft { ev, mode: Mode::Past, own_date: own, definite, fresh: false, weak: false, anaphor: None, answered: true, again: false });
    }

    // meetings
    let meeting_hits: Vec<Hit> = hits(Trigger::Meeting, ctx)
        .into_iter()
        .filter(|h| {
            let before = ctx.clause_before(h.start, 6);
            let after = ctx.clause_after(h.end, 3);
            let planned = any_of(&before, FUTURE_CUES) || (!past_verb(h.word) && any_of(&after, FUTURE_CUES));
            let modal_after = any_of(&after, &["would", "could", "may", "might"]);
            // "has been holding talks since January": a process, not one meeting
            if before.last().is_some_and(|w| *w == "holding") && before.contains(&"been") {
                return false;
            }
            // "follows months of talks": a process told by its length
            if before.len() >= 2
                && before[before.len() - 1] == "of"
                && matches!(before[before.len() - 2], "days" | "weeks" | "months" | "years")
            {
                return false;
            }
            let continuing = after.first().is_some_and(|w| *w == "will") && after.get(1).is_some_and(|w| *w != "be");
            // "received a letter" is no meeting; "received the ambassador" is
            if matches!(h.word, "received" | "hosted") {
                // whom: after a day told right there ("received on Tuesday evening the commander")
                let from = past_day_told(ctx, h);
                let person_next = ctx.mentions.iter().any(|m| {
                    m.0 >= from && m.0 - from <= 30 && input.entities[m.2].etype == EntityType::Person
                });
                // "received the new US Consul General in Erbil, Wendy Green"
                // (the office heads the object: not "a letter from the ambassador")
                let office_next = ctx
                    .clause_after(from, 6)
                    .iter()
                    .take_while(|w| !matches!(**w, "from" | "of" | "in" | "to" | "on" | "at" | "with" | "for" | "by"))
                    .any(|w| RECEIVED_OFFICES.contains(w));
                if !person_next && !office_next {
                    return false;
                }
            }
            // "until its demands are met"
            let passive_met = h.word == "met" && before.last().is_some_and(|w| matches!(*w, "are" | "were" | "is" | "was" | "be" | "been" | "being"));
            if passive_met {
                return false;
            }
            // ("The committee to end the mission met on Monday": the words
            // of what a body is for say nothing of its meeting)
            let wide = ctx.clause_before(h.start, 12);
            let purpose_words = (1..wide.len()).find(|&k| wide[k] == "to" && PURPOSE_BODIES.contains(&wide[k - 1])).map_or(0, |k| wide.len() - k + 1);
            let said_before = &before[..before.len().saturating_sub(purpose_words)];
            !(any_of(said_before, MEETING_IRREALIS) || infinitive(ctx, h) || modal_after || (continuing && !planned))
        })
        .collect();
    // "X met Y in Washington last month, and Z held talks with W in
    // August": a meeting word after a clause break with a subject of its
    // own starts a second meeting, which takes what its clause gives
    let mut meetings: Vec<(usize, usize, &[Hit])> = Vec::new();
    let mut first = 0;
    let mut from = 0;
    for k in 1..meeting_hits.len() {
        let (prev, h) = (&meeting_hits[k - 1], &meeting_hits[k]);
        let gap = &ctx.lc[prev.end..h.start];
        let split = [", and ", "; ", ", while ", ", whereas "].iter().filter_map(|sep| gap.rfind(sep)).max().map(|i| prev.end + i);
        let Some(split) = split else { continue };
        // (not a comma inside a quotation)
        let head = &ctx.text[..split];
        let quoted = head.matches('“').count() > head.matches('”').count()
            || head.matches('"').count() % 2 == 1
            || ctx.text[split..h.start].contains(['“', '”', '"']);
        if quoted {
            continue;
        }
        let own_subject = ctx.mentions.iter().any(|m| {
            m.0 > split
                && m.1 <= h.start
                && matches!(input.entities[m.2].etype, EntityType::Person | EntityType::Organization)
                && (agent_gap(&ctx.lc[m.1..h.start]) || apposed_name(ctx.lc, m.0, &ctx.lc[m.1..h.start]))
        });
        if own_subject {
            meetings.push((from, split, &meeting_hits[first..k]));
            first = k;
            from = split;
        }
    }
    if !meeting_hits.is_empty() {
        meetings.push((from, usize::MAX, &meeting_hits[first..]));
    }
    for (n, &(from, to, group)) in meetings.iter().enumerate() {
        let h = &group[0];
        let before = ctx.clause_before(h.start, 6);
        let after = ctx.clause_after(h.end, 8);
        // "met officials on Thursday to discuss a round expected in August":
        // a verb in the past tense tells a meeting that took place
        let planned = any_of(&before, FUTURE_CUES) || (!past_verb(h.word) && any_of(&after, FUTURE_CUES));
        let mode = if planned { Mode::Planned } else { Mode::Past };
        let mut ev = blank(EventKind::Meeting, ctx.index);
        // ("visited the command in Baghdad and met with its commander, X":
        // the parties of every meeting word of the clause)
        for e in group.iter().flat_map(|h| meeting_parties(input, ctx, h)) {
            if !has(&ev, e) {
                ev.participants.push(Participant { entity: e, role: Role::Participant });
            }
        }
        let own = if meetings.len() == 1 {
            locate(input, ctx, h, &mut ev);
            assign_date(ctx, h, mode, false, &mut ev)
        } else {
            locate_within(input, ctx, h, &mut ev, from, to);
            let own = assign_date_where(ctx, h, mode, false, &mut ev, &|d| d.start >= from && d.end <= to);
            // the later clause says when, or its meeting is undated here
            own || n == 0 && assign_date(ctx, h, mode, false, &mut ev)
        };
        // "said the talks were positive": the meeting told before
        let told = ctx.clause_before(h.start, 2);
        let the = told.len() == 2 && told[1] == "the" && matches!(told[0], "said" | "says" | "called" | "described" | "termed");
        let nothing_new = !own && ev.place.is_none() && mode == Mode::Past;
        if !(the && nothing_new) {
            // "The session was held upon the request of ...": the meeting told before
            let again = nothing_new && told.last() == Some(&"the") && ev.participants.is_empty();
            made.push(Draft { ev, mode, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again });
        }
    }

    // announcements
    let announce: Vec<Hit> = hits(Trigger::Announcement, ctx)
        .into_iter()
        .filter(|h| {
            let before = ctx.clause_before(h.start, 5);
            if any_of(&before, ANNOUNCE_IRREALIS) || infinitive(ctx, h) {
                return false;
            }
            if h.word == "scheduled" && !meeting_hits.is_empty() {
                return false; // the meeting is what was scheduled
            }
            // "Both sides agreed that ISIS remains a threat", "agreed on the
            // need to ...": a view shared, not a deal announced (a deal to
            // withdraw is still told by its withdrawal)
            if h.word == "agreed" {
                // (past a day told right there: "agreed on Tuesday that")
                let from = past_day_told(ctx, h);
                let next = ctx.lc[from..].trim_start();
                if next.starts_with("that ") || ["on the need", "on the importance", "on the necessity"].iter().any(|p| next.starts_with(p)) {
                    return false;
                }
            }
            if h.word == "agreement" {
                let near = ctx.clause_before(h.start, 3);
                let reached = near.iter().any(|w| {
                    matches!(*w, "reached" | "signed" | "struck" | "concluded" | "announced" | "sealed" | "inked" | "finalized" | "finalised")
                });
                let dated = ctx.dates.iter().any(|d| d.end <= h.start && h.start - d.end <= 3);
                let after = ctx.clause_after(h.end, 2);
                return reached || dated || after.first() == Some(&"was") && after.get(1) == Some(&"reached");
            }
            !(h.word == "declared" && ctx.lc[h.end..].trim_start().starts_with("war"))
        })
        .collect();
    if let Some(h) = announce.first() {
        let mut ev = blank(EventKind::Announcement, ctx.index);
        if let Some(e) = subject_before(input, ctx, h.start, &[EntityType::Person, EntityType::Organization]) {
            ev.participants.push(Participant { entity: e, role: Role::Actor });
        }
        locate(input, ctx, h, &mut ev);
        let own = assign_date(ctx, h, Mode::Past, true, &mut ev);
        made.push(Draft { ev, mode: Mode::Past, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again: false });
    }

    // withdrawals
    let deadline = ctx.dates.iter().any(|d| d.deadline && !d.period);
    let withdraw: Vec<Hit> = hits(Trigger::Withdrawal, ctx)
        .into_iter()
        .filter(|h| {
            let before = ctx.clause_before(h.start, 10);
            let irrealis = before.iter().enumerate().any(|(i, w)| {
                WITHDRAWAL_IRREALIS_SET.contains(w)
                    // "said that the remaining advisers would leave by
                    // September 2025": the future of reported speech, dated
                    && !(*w == "would" && deadline && before[..i].iter().any(|p| matches!(*p, "said" | "says" | "announced" | "stated" | "told" | "added")))
                    && !(w.starts_with("call") && i > 0 && before[..i].iter().any(|p| PLAN_NOUNS.contains(p)))
                    // "a final period until 2025, after which the mission will
                    // cease": the withdrawal is the clause's own, not a time
                    // reckoned from one
                    && !(matches!(*w, "after" | "following") && before.get(i + 1) == Some(&"which"))
                    // "until all foreign troops leave": a condition; not "until
                    // 31 December 2025, after which UNAMI will cease all work",
                    // nor "until US troops left Iraq in 2011"
                    && !(matches!(*w, "until" | "till")
                        && (h.word.ends_with("ed") || matches!(h.word, "left" | "withdrew" | "withdrawn") || before.len() - i > 6 || before[i + 1..].iter().any(|v| matches!(*v, "after" | "which" | "when") || v.starts_with(|c: char| c.is_ascii_digit()))))
                    // "will remain ... after they complete their withdrawal
                    // from federal Iraq next month": the withdrawal is told
                    && !(matches!(*w, "after" | "following" | "once" | "when")
                        && before[i + 1..].iter().any(|v| v.starts_with("complet") || v.starts_with("finish")))
            });
            // "discussed the timetable for the withdrawal": a topic, unless a
            // deadline dates the withdrawal itself
            let topic = before.iter().any(|w| matches!(*w, "timetable" | "timeline" | "schedule" | "roadmap" | "mechanism" | "mechanisms"))
                && !deadline;
            // "the work of the bilateral military committee to end the
            // mission": what a body is for, unless a deadline dates it
            let purpose = before.len() >= 2
                && before[before.len() - 1] == "to"
                && PURPOSE_BODIES.contains(&before[before.len() - 2])
                && !deadline;
            // (a move of troops: "the embassy relocated its staff" is none)
            let military = !h.word.starts_with("relocat")
                || ["troops", "forces", "soldiers", "personnel", "advisers", "advisors", "coalition", "military"].iter().any(|w| ctx.lc.contains(w));
            !irrealis && !topic && !purpose && military
        })
        .collect();
    // troops "left" a base or the country; "left" alone is anything else.
    // Forces that "withdrew to their base" after a raid came back from it.
    let withdraw: Vec<Hit> = withdraw
        .into_iter()
        .filter(|h| {
            let rest = ctx.lc[h.end..].trim_start();
            // "shops near the base closed": the base is where, not what closed
            if (h.word.starts_with("base") || h.word.starts_with("outpost"))
                && ctx.clause_before(h.start, 3).iter().any(|w| matches!(*w, "near" | "at" | "in" | "outside" | "around" | "from" | "to" | "by" | "inside" | "behind" | "beside"))
            {
                return false;
            }
            // "was seriously injured and was evacuated from the base for
            // further treatment": the wounded are taken away, no force leaves
            if h.word.starts_with("evacuat") {
                let medical = ctx.toks.iter().any(|t| {
                    numbers::harm_of(&t.lc).is_some() || matches!(&*t.lc, "treatment" | "medical" | "hospital" | "medevac" | "casualties")
                });
                if medical {
                    return false;
                }
            }
            if h.word.starts_with("withdr") || h.word.starts_with("pull") {
                // "withdrew from parliament in 2022": politics, not troops
                let from = rest.strip_prefix("from ").map(|r| r.trim_start_matches("the ").trim_start_matches("its ").trim_start_matches("their "));
                if from.is_some_and(|r| {
                    ["parliament", "elections", "election", "race", "talks", "negotiations", "agreement", "deal", "government", "political process", "treaty", "accord", "nuclear deal", "cabinet", "vote", "session"]
                        .iter()
                        .any(|w| r.starts_with(w))
                }) {
                    return false;
                }
                let back = rest.strip_prefix("back ").unwrap_or(rest);
                let to = back.strip_prefix("to ").map(|r| r.trim_start_matches("the ").trim_start_matches("their ").trim_start_matches("its "));
                return !(rest.starts_with("back") || to.is_some_and(|r| ["base", "bases", "position", "positions", "barracks"].iter().any(|w| r.starts_with(w))));
            }
            // "Iraqi forces had taken over \"full control\" of Victory Base":
            // a base handed over, named right after
            if h.word.ends_with(" over") && h.word.starts_with('t') {
                let tail = rest.trim_start_matches(['"', '“', '”', ' ']);
                let tail = tail.strip_prefix("full ").unwrap_or(tail).trim_start_matches(['"', '“', '”', ' ']);
                let tail = tail.strip_prefix("control").map(|r| r.trim_start_matches(['"', '“', '”', ' '])).unwrap_or(tail);
                let at = h.end + (ctx.lc[h.end..].len() - tail.len());
                let after_of = tail.strip_prefix("of ").map_or(at, |_| at + 3);
                return ctx.mentions.iter().any(|m| {
                    m.0 >= after_of && m.0 - after_of <= 6 && input.entities[m.2].etype == EntityType::Base
                });
            }
            if !matches!(h.word, "left" | "leave" | "leaves" | "leaving" | "vacate" | "vacates" | "vacated" | "vacating") {
                return true;
            }
            let base_next = ctx.mentions.iter().any(|m| {
                m.0 >= h.end && m.0 - h.end <= 6 && input.entities[m.2].etype == EntityType::Base
            });
            base_next
                || ["the country", "iraq", "syria", "the base", "the air base", "the airbase", "the outpost", "the garrison", "the region", "bases ", "the bases", "its bases", "their bases", "the camp"]
                    .iter()
                    .any(|p| rest.starts_with(p))
        })
        .collect();
    let mut withdraw = withdraw;
    if withdraw.is_empty() {
        if let Some(m) = stay_until(ctx, 0) {
            withdraw.push(Hit { start: m.start(), end: m.end(), word: m.as_str() });
        }
    }
    // a withdrawal whose announcement was put off has not been announced
    let put_off = ctx.toks.iter().any(|t| t.lc.starts_with("postpon") || t.lc.starts_with("delay"));
    if let Some(h) = withdraw.first().filter(|_| !put_off) {
        // "the mission in federal Iraq will end by September 2025, while
        // forces will remain in the Kurdistan Region until September 2026":
        // a second withdrawal, in a clause of its own with its own deadline
        // (", and U.S. forces will continue to operate from the Kurdistan
        // region until September 2026")
        let second = stay_until(ctx, h.end).and_then(|m| {
            let gap = &ctx.lc[h.end..m.start()];
            let split = [", while ", "; ", ", whereas ", ", but ", ", and "].iter().filter_map(|sep| gap.find(sep)).min()?;
            Some((h.end + split, Hit { start: m.start(), end: m.end(), word: m.as_str() }))
        });
        // "... would end no later than the end of September 2025, and in the
        // Kurdistan region by September 2026": a second deadline in a clause
        // of its own, with no verb of its own
        let second = second.or_else(|| {
            let mut deadlines = ctx.dates.iter().filter(|d| d.deadline && !d.period && d.start > h.end);
            let (first, next) = (deadlines.next()?, deadlines.next()?);
            if first.value == next.value {
                return None;
            }
            let gap = &ctx.lc[first.end..next.start];
            let split = first.end + [", and ", "; ", ", while ", ", but "].iter().filter_map(|sep| gap.find(sep)).min()?;
            Some((split, Hit { start: next.start, end: next.end, word: &ctx.lc[next.start..next.end] }))
        });
        let clause_end = second.as_ref().map_or(usize::MAX, |(split, _)| *split);
        let has_plan_date = ctx.dates.iter().any(|d| !d.period && (d.deadline || d.future));
        for (i, (h, from, to)) in std::iter::once((h, 0, clause_end))
            .chain(second.as_ref().map(|(split, hit)| (hit, *split, usize::MAX)))
            .enumerate()
        {
            let mut ev = blank(EventKind::Withdrawal, ctx.index);
            if let Some(e) = subject_before(input, ctx, h.start, &[EntityType::Organization]).or_else(|| mission_owner(input, ctx, h)) {
                ev.participants.push(Participant { entity: e, role: Role::Actor });
            }
            locate_within(input, ctx, h, &mut ev, from, to);
            // "their withdrawal from federal Iraq": the place left
            if ev.base.is_none() {
                if let Some(rest) = ctx.lc[h.end..].strip_prefix(" from ") {
                    let at = ctx.lc.len() - rest.len();
                    let left = ctx.places().iter().find(|p| p.start >= at && p.start - at <= 12).map(|p| p.name.clone());
                    if left.is_some() {
                        ev.place = left;
                    }
                }
            }
            let future = i > 0
                || any_of(&ctx.clause_before(h.start, 6), &["will", "shall", "would"])
                // ("bases are expected to close")
                || ["will ", "expected", "to clos", "set to", "slated"].iter().any(|w| h.word.contains(w))
                || any_of(&ctx.clause_after(h.end, 3), &["will", "shall", "would"])
                || STAY_UNTIL.on(ctx.plain).is_match(h.word);
            let mode = if has_plan_date || future { Mode::Planned } else { Mode::Past };
            // each clause its own date: "will leave X, and will move to
            // Erbil, where they will remain until September 2026" gives the
            // leaving no date
            let own = assign_date_where(ctx, h, mode, true, &mut ev, &|d| d.start >= from && d.end <= to);
            made.push(Draft { ev, mode, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again: false });
        }
    }

    // statements: only with someone who speaks
    let speech = ctx.speech();
    // "claimed by X" tells who did something, not what anyone said
    if let Some(h) = speech.iter().find(|h| !ctx.lc[h.end..].trim_start().starts_with("by ")) {
        if let Some(speaker) = speaker(input, ctx, h) {
            let mut ev = blank(EventKind::Statement, ctx.index);
            ev.participants.push(Participant { entity: speaker, role: Role::Speaker });
            // (never a day ahead: "said ... ahead of elections next year"
            // dates the elections)
            let own = assign_date_where(ctx, h, Mode::Past, true, &mut ev, &|d| !d.future);
            made.push(Draft { ev, mode: Mode::Past, own_date: own, definite: false, fresh: false, weak: false, anaphor: None, answered: false, again: false });
        }
    }
    let fresh = ["separately", "elsewhere", "in a separate", "in another", "meanwhile", "in other news"]
        .iter()
        .any(|m| ctx.lc.starts_with(m));
    // "Since early 2023, SOHR has documented 91 operations ..., in which 56
    // people were killed": a sentence whose only date is a span tells of
    // the span, not of the day the sentence before gave
    let spanned = ctx.dates.iter().any(|c| c.period) && !ctx.dates.iter().any(|c| !c.period && !c.speech && !c.deadline);
    // "were targeted several times in recent months", "was attacked again
    // in recent weeks": a run of events over a time no calendar names, not
    // the day the sentence before gave
    let series = SERIES.on(ctx.plain).is_match(ctx.lc);
    let anaphor = anaphoric_day(ctx);
    for d in &mut made {
        d.fresh = fresh || (spanned || series) && !d.own_date;
        d.weak = d.own_date
            && d.mode == Mode::Past
            && ctx.dates.iter().any(|c| c.speech && Some(c.text) == d.ev.date_text.as_deref())
            && !ctx.dates.iter().any(|c| !c.speech && !c.period && !c.deadline);
        if let Some((shift, words, strong)) = &anaphor {
            // (an answered event dated in its own phrase keeps its day: "came
            // five days after Washington hit ... in retaliation for the 28
            // January attack")
            let takes = d.mode == Mode::Past && d.ev.kind != EventKind::Statement && (!d.own_date || (*strong && !d.answered));
            if takes {
                d.anaphor = Some((*shift, words.clone(), *strong));
            }
        }
    }
    out.extend(made);
}

static SERIES: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:in (?:recent|the (?:past|last)(?: few| several)?) (?:days|weeks|months|years)",
        r"|(?:several|many|multiple|numerous|dozens of) times|repeatedly|on (?:several|multiple|numerous) occasions)\b"
    ))
});
static ANAPHORIC_DAY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:(?P<same>(?:on )?(?:that|the) same day|in the same (?:operation|attack|strike|raid|wave|barrage|assault)|(?:earlier|later) (?:that|the same) (?:day|night|evening|morning)|(?:on )?that (?:day|night|evening)|hours (?:later|earlier))",
        r"|(?P<prev>the (?:previous|preceding) (?:day|night|evening)|the day before)",
        r"|(?P<next>the (?:next|following) (?:day|morning|night|evening)|the day after)",
        r"|(?P<n>a|one|two|three|four|five|six|seven|\d) (?P<u>days?|weeks?) (?P<dir>earlier|before|later|after))\b"
    ))
});
static CAME_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b(?:came|comes|happened|occurred|took place|followed)\s+(?:just\s+|only\s+)?(?P<n>a|one|two|three|four|five|six|seven|\d) (?P<u>days?|weeks?) (?P<dir>after|before)\s")
});

/// "The attack came (two) days after / before ...": the subject of these words is
/// the event a span is reckoned from.
static ANCHOR_SUBJECT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"\b(?:came|comes|happened|occurred|took place|followed)\s+(?:just\s+|only\s+|barely\s+|less than\s+)?",
        r"(?:(?:a|an|one|two|three|four|five|six|seven|several|a few|\d+)\s+)?(?:hours?|days?|weeks?|months?)\s+(?:after|before)\s"
    ))
});

/// "Parliament voted on Sunday, two days after a US drone strike killed
/// Soleimani": the event named right after a counted span of days is that
/// many days from the day the sentence gives before the span. Returns
/// whether it dated the event.
fn span_from_sentence_day(ctx: &Ctx, hit: &Hit, ev: &mut Event) -> bool {
    let i = ctx.tok_at(hit.start);
    let Some(k) = (i.saturating_sub(6)..i).rev().find(|&k| matches!(&*ctx.toks[k].lc, "after" | "before")) else {
        return false;
    };
    if k < 2 || ctx.text[ctx.toks[k].end..hit.start].contains([',', ';']) {
        return false;
    }
    let n = match (&*ctx.toks[k - 2].lc, &*ctx.toks[k - 1].lc) {
        ("a" | "one", "day") => 1,
        (count, "days") => day_count(count),
        _ => 0,
    };
    if n == 0 {
        return false;
    }
    let span_start = ctx.toks[k - 2].start;
    // the day of the other clause: before the span, or after the clause it opens
    let clause_end = clause_end(ctx.lc, hit.end);
    let days = ctx.dates.iter().filter(|d| !d.period && !d.deadline && !d.future && d.precision == Some(Precision::Day));
    let day = days
        .clone()
        .rfind(|d| d.end <= span_start)
        .or_else(|| days.clone().find(|d| d.start >= clause_end))
        .and_then(|d| d.value?.parse::<jiff::civil::Date>().ok());
    let shift = if ctx.toks[k].lc == "after" { -n } else { n };
    let Some(day) = day.and_then(|d| d.checked_add(jiff::Span::new().days(shift)).ok()) else { return false };
    ev.date = Some(day.to_string());
    ev.precision = Some(Precision::Day);
    ev.date_text = Some(ctx.text[span_start..ctx.toks[k].end].to_string());
    true
}

fn day_count(word: &str) -> i64 {
    match word {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        w => w.parse().unwrap_or(0),
    }
}

/// A day the sentence gives against another event of the article: "the
/// previous day", "the same day", "a day later" (an adverb, not "a day
/// after the vote", which names its own anchor), and "X came three days
/// after a barrage", which dates the barrage from X. The last is `strong`:
/// it outweighs a date of another clause of the sentence.
fn anaphoric_day(ctx: &Ctx) -> Option<(i64, String, bool)> {
    // every phrase of both regexes holds one of these words; most sentences none
    if !["day", "same", "night", "evening", "morning", "hours", "week"].iter().any(|w| ctx.lc.contains(w)) {
        return None;
    }
    // "a week earlier": seven days
    let days = |c: &regex::Captures| day_count(&c["n"]) * if c.name("u").is_some_and(|u| u.as_str().starts_with("week")) { 7 } else { 1 };
    if let Some(c) = CAME_AFTER.on(ctx.plain).captures(ctx.lc) {
        let n = days(&c);
        let shift = if &c["dir"] == "after" { -n } else { n };
        let m = c.get(0).unwrap();
        return Some((shift, ctx.text[m.start()..m.end()].trim().to_string(), true));
    }
    for c in ANAPHORIC_DAY.on(ctx.plain).captures_iter(ctx.lc) {
        let m = c.get(0).unwrap();
        let rest = ctx.lc[m.end()..].trim_start();
        // "the day after the vote", "two days before talks began": the
        // anchor is named right there, not another event of the article
        let adverb = rest.is_empty() || rest.starts_with(|ch: char| ch.is_ascii_punctuation());
        let shift = if c.name("same").is_some() {
            0
        } else if let Some(p) = c.name("prev") {
            if p.as_str() == "the day before" && !adverb {
                continue;
            }
            -1
        } else if let Some(n) = c.name("next") {
            if n.as_str() == "the day after" && !adverb {
                continue;
            }
            1
        } else {
            let dir = &c["dir"];
            if matches!(dir, "before" | "after") && !adverb {
                continue;
            }
            let n = days(&c);
            if matches!(dir, "earlier" | "before") { -n } else { n }
        };
        return Some((shift, ctx.text[m.start()..m.end()].to_string(), false));
    }
    None
}

/// "There were no injuries or damage reported.", "No one was hurt.": a
/// sentence of its own, telling no event, right after an attack or strike
/// whose sentence gave no casualty figure, says that it killed no one.
fn no_casualties_after(ctx: &Ctx, drafts: &mut [Draft]) {
    let Some(last) = drafts.last_mut() else { return };
    let violent = matches!(last.ev.kind, EventKind::Attack | EventKind::Strike);
    let near = last.ev.sentence + 2 >= ctx.index;
    if violent && near && last.ev.killed.is_none() && last.ev.injured.is_none() && last.mode == Mode::Past
        && numbers::no_casualties(ctx.text, ctx.lc, ctx.plain)
    {
        last.ev.killed = Some(0);
    }
}

/// "killed Qasem Soleimani and Abu Mahdi al-Muhandis": with no number, the
/// dead are the people named as the object of an active killing.
fn named_dead(input: &Input, ctx: &Ctx, violence: &[Hit], casualty: &[Hit]) -> Option<i64> {
    // "Gen. Qassem Soleimani, who was killed in a U.S. drone strike": the
    // person the relative clause follows
    let relative = casualty.iter().find_map(|h| {
        if h.word != "killed" {
            return None;
        }
        let before = &ctx.lc[..h.start];
        let comma = [", who was ", ", who were ", ", who had been ", ", who have been "]
            .iter()
            .find_map(|p| before.strip_suffix(p))?
            .len();
        let person = |m: &&(usize, usize, usize)| m.1 == comma && input.entities[m.2].etype == EntityType::Person;
        let m = ctx.mentions.iter().find(person)?;
        // "X and Y, who were killed"
        let two = ctx.mentions.iter().any(|o| {
            o.1 <= m.0 && input.entities[o.2].etype == EntityType::Person && ctx.lc[o.1..m.0].trim() == "and"
        });
        Some(if two { 2 } else { 1 })
    });
    if relative.is_some() {
        return relative;
    }
    // "Sgt. William Jerome Rivers, 46, of Carrollton, Georgia; Spc. Kennedy
    // Ladon Sanders, 24, ...; and Spc. Breonna Moffett, 23, ..., died": a
    // list of the named dead, with ages and home towns, as the subject
    let listed = casualty.iter().find_map(|h| {
        let before = ctx.clause_before(h.start, 2);
        let passive_killed = h.word == "killed" && before.last().is_some_and(|w| matches!(*w, "were" | "was"));
        if h.word != "died" && !passive_killed {
            return None;
        }
        let verb_at = if passive_killed { ctx.lc[..h.start].trim_end().rfind(' ').map_or(0, |i| i + 1) } else { h.start };
        let named: Vec<&(usize, usize, usize)> =
            ctx.mentions.iter().filter(|m| m.1 <= verb_at && input.entities[m.2].etype == EntityType::Person).collect();
        if named.len() < 2 {
            return None;
        }
        // everything else before the verb: names of places, ages, "of", "and"
        let mut rest = ctx.text[..verb_at].to_string();
        for m in ctx.mentions.iter().filter(|m| m.1 <= verb_at) {
            rest.replace_range(m.0..m.1, &" ".repeat(m.1 - m.0));
        }
        let plain = rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';')).filter(|w| !w.is_empty()).all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || matches!(w, "of" | "and" | "the" | "from")
        });
        let mut people: Vec<usize> = named.iter().map(|m| m.2).collect();
        people.sort_unstable();
        people.dedup();
        plain.then_some(people.len() as i64)
    });
    if listed.is_some() {
        return listed;
    }
    // "identified the soldiers killed as Sgt. X, 46, of ...; Spc. Y, ...;
    // and Spc. Z": everyone the list after "as" names
    let identified = casualty.iter().find(|h| h.word == "killed" && ctx.lc[h.end..].starts_with(" as ")).and_then(|h| {
        let mut people: Vec<usize> =
            ctx.mentions.iter().filter(|m| m.0 > h.end && input.entities[m.2].etype == EntityType::Person).map(|m| m.2).collect();
        people.sort_unstable();
        people.dedup();
        (!people.is_empty()).then_some(people.len() as i64)
    });
    if identified.is_some() {
        return identified;
    }
    // "a raid that resulted in the death of X": what the event did, where a
    // bare "the death of X" may be only the time of another event
    let resulting = |h: &&Hit| {
        let before = ctx.lc[..h.start].trim_end();
        matches!(h.word, "death" | "deaths")
            && ctx.lc[h.end..].starts_with(" of ")
            && ["resulted in the", "resulting in the", "results in the", "led to the", "caused the"].iter().any(|p| before.ends_with(p))
    };
    let killing = casualty
        .iter()
        .filter(|h| matches!(h.word, "killed" | "killing" | "kills"))
        .filter(|h| {
            let before = ctx.clause_before(h.start, 1);
            !before.first().is_some_and(|w| matches!(*w, "was" | "were" | "been" | "being" | "be" | "is" | "are"))
        })
        .chain(casualty.iter().filter(resulting))
        .chain(violence.iter().filter(|h| h.word.starts_with("assassinat")))
        .min_by_key(|h| h.start)?;
    // (the sentence is one: a stop inside it ends a title, "Gen. Qassem
    // Soleimani", not the list)
    let end = ctx.text[killing.end..].find(';').map(|i| i + killing.end).unwrap_or(ctx.text.len());
    let named: Vec<_> = ctx
        .mentions
        .iter()
        .filter(|m| m.0 >= killing.end && m.1 <= end && input.entities[m.2].etype == EntityType::Person)
        .collect();
    let last_end = named.last()?.1;
    let mut people: Vec<usize> = named.iter().map(|m| m.2).collect();
    people.dedup();
    let kin = kin_after(&ctx.lc[last_end..]);
    Some(people.len() as i64 + kin)
}

/// The kin or guards counted after a dead man's name: "and his two sons",
/// "along with two of his guards", also past an apposition ("X, a
/// commander, and two of his guards"). `tail` is lower-cased.
fn kin_after(tail: &str) -> i64 {
    let tail = tail.trim_start_matches([',', ' ']);
    let rest = ["and ", "along with "].iter().find_map(|p| tail.strip_prefix(p)).or_else(|| {
        let (gap, rest) = tail.split_once(", and ")?;
        (gap.len() <= 80 && !gap.contains([',', ';', '.', '(', ')'])).then_some(rest)
    });
    let Some(rest) = rest else { return 0 };
    let number = |w: &str| numbers::parse_number(w.split([' ', ',', '.']).next().unwrap_or(""));
    let owned = ["his ", "her ", "their "].iter().find_map(|p| rest.strip_prefix(p));
    // "and his driver": one more
    let one = owned.and_then(|r| r.split([' ', ',', '.', ';']).next()).is_some_and(|w| {
        ["son", "daughter", "wife", "brother", "nephew", "cousin", "driver", "bodyguard", "guard", "aide", "companion", "deputy"].contains(&w)
    });
    if one {
        return 1;
    }
    let n = owned.and_then(number).or_else(|| {
        let (n, of) = rest.split_once(' ')?;
        ["of his ", "of her ", "of their "].iter().any(|p| of.starts_with(p)).then(|| number(n)).flatten()
    });
    n.filter(|n| (2..=20).contains(n)).unwrap_or(0)
}

fn blank(kind: EventKind, sentence: usize) -> Event {
    Event {
        kind,
        date: None,
        precision: None,
        date_text: None,
        sentence,
        base: None,
        place: None,
        killed: None,
        injured: None,
        reported_count: None,
        count_qualifier: None,
        count_period: None,
        participants: Vec::new(),
        summary: String::new(),
    }
}

fn has(ev: &Event, e: usize) -> bool {
    ev.participants.iter().any(|p| p.entity == e)
}

fn is_state_like(entity: &Entity) -> bool {
    matches!(entity.kind.as_deref(), Some("government" | "military" | "coalition" | "state"))
}

/// "shot down an attack drone", "two rockets were intercepted": a weapon
/// word whose use was foiled. The attack is the weapon's; who downed it
/// defended.
fn foiled(ctx: &Ctx, hit: &Hit) -> bool {
    let weapon_word = |w: &str| matches!(w, "drone" | "drones" | "rocket" | "rockets" | "missile" | "missiles" | "mortar" | "mortars");
    // ("an attack drone", "a suicide drone")
    let weapon = weapon_word(hit.word)
        || hit.word.ends_with("missiles")
        || hit.word == "attack" && ctx.clause_after(hit.end, 1).first().is_some_and(|w| weapon_word(w));
    let downed = |w: &&str| matches!(*w, "shot" | "intercepted" | "downed" | "intercept" | "intercepting" | "shooting");
    weapon && (ctx.clause_before(hit.start, 4).iter().any(downed) || ctx.clause_after(hit.end, 3).iter().any(downed))
}

/// Attack or strike: strikes are what states' forces carry out.
fn violence_kind(input: &Input, ctx: &Ctx, hit: &Hit) -> EventKind {
    if strike_lean(hit.word) {
        return EventKind::Strike;
    }
    if foiled(ctx, hit) {
        return EventKind::Attack;
    }
    // "killed in a U.S. drone strike": a state's in the noun phrase itself
    // (a noun trigger only: "the coalition was targeted" is no such phrase)
    let noun = !(hit.word.ends_with("ed") || hit.word.ends_with("ing") || matches!(hit.word, "struck" | "hit"));
    let i = ctx.tok_at(hit.start);
    let det = noun.then(|| ctx.toks[i.saturating_sub(5)..i].iter().rev().find(|t| matches!(&*t.lc, "a" | "an" | "the"))).flatten();
    if let Some(modifiers) = det.filter(|t| t.end <= hit.start).map(|t| &ctx.lc[t.end..hit.start]) {
        let words = modifiers.split_whitespace().count();
        let verb = modifiers.split_whitespace().any(|w| matches!(w, "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be"));
        if (1..=3).contains(&words) && !verb && !modifiers.contains([',', ';', '(', ')']) && STATE_ACTOR.on(ctx.plain).is_match(modifiers) {
            return EventKind::Strike;
        }
    }
    // (from the conjunction that opens the trigger's own clause: "U.S.
    // troops suffered minor injuries after a rocket attack targeted a base"
    // tells who suffered, not who attacked)
    let words = ctx.clause_before(hit.start, 10);
    let own = words.iter().rposition(|w| CLAUSE_OPENERS.contains(w)).map_or(0, |k| k + 1);
    let clause = words[own..].join(" ");
    let passive = PASSIVE.on(ctx.plain).is_match(&clause);
    let state_subject = STATE_ACTOR.on(ctx.plain).is_match(&clause)
        || ctx
            .mentions
            .iter()
            .filter(|m| m.1 <= hit.start && hit.start - m.1 < 60)
            // (of the trigger's clause: not "operations against US forces,
            // days after a drone attack")
            .filter(|m| !ctx.text[m.1..hit.start].contains([',', ';', '—', '–']))
            // (nor one before the conjunction: a word of its own between spaces)
            .filter(|m| {
                let pieces: Vec<&str> = ctx.lc[m.1..hit.start].split(' ').collect();
                !pieces.get(1..pieces.len().saturating_sub(1)).is_some_and(|inner| inner.iter().any(|w| CLAUSE_OPENERS.contains(w)))
            })
            .any(|m| is_state_like(&input.entities[m.2]));
    let response = ctx.lc[hit.end..].trim_start().starts_with("in response") || clause.contains("retaliat");
    if (state_subject && !passive) || response {
        EventKind::Strike
    } else {
        EventKind::Attack
    }
}

/// Conjunctions that open a clause of their own before a violence trigger
/// ("troops suffered injuries after a rocket attack targeted the base").
const CLAUSE_OPENERS: &[&str] = &["after", "when", "following", "before", "because", "until"];

/// Actor and target by position and voice: "X attacked Y", "Y was attacked
/// by X", "attacks on Y", "claimed by X".
/// What ends a clause before a violence trigger.
const CLAUSE_SEPARATORS: [&str; 7] = [";", "—", "–", ", and ", ", but ", ", while ", ", whereas "];

/// Where the clause that `head` ends in starts: after the separator that
/// ends last in it, or at 0. One walk back over the bytes, stopping at the
/// first end found; a search per separator built a searcher each and
/// walked the whole text seven times.
fn clause_start(head: &str) -> usize {
    let b = head.as_bytes();
    // every separator ends in ';', ' ' or the last byte of a dash
    (1..=b.len())
        .rev()
        .find(|&e| matches!(b[e - 1], b';' | b' ' | 0x93 | 0x94) && CLAUSE_SEPARATORS.iter().any(|s| b[..e].ends_with(s.as_bytes())))
        .unwrap_or(0)
}

fn participants_violence(input: &Input, ctx: &Ctx, hit: &Hit, ev: &mut Event) {
    participants_violence_within(input, ctx, hit, ev, 0, usize::MAX)
}

/// `participants_violence` reading only the names in bytes `from..to` of
/// the sentence: a reply and the event it answers each have their own.
fn participants_violence_within(input: &Input, ctx: &Ctx, hit: &Hit, ev: &mut Event, from: usize, to: usize) {
    let clause_start = clause_start(&ctx.lc[..hit.start]);
    // the voice is read from the words right before the trigger: "were
    // subjected to about 150 attacks", "came under attack"
    let near = ctx.clause_before(hit.start, 4);
    let passive = near.iter().any(|w| matches!(*w, "was" | "were" | "been" | "being" | "faced" | "facing" | "subjected"))
        || near.last() == Some(&"under");
    let clause_end = ctx.lc[hit.end..].find([';', '—', '–']).map(|i| i + hit.end).unwrap_or(ctx.lc.len());
    // "U.S. forces shot down an attack drone", "drones were shot down by
    // coalition forces": who downed it was attacked
    let downed = foiled(ctx, hit);
    // who tells of the event ("X said", "according to X") neither did it nor suffered it
    // (who "claimed" an attack did it)
    // (each with the stretch of the sentence around its verb: the same body
    // named elsewhere may have taken part, "Two members of the PMF were
    // killed ..., a PMF official said")
    let mut tellers: Vec<(usize, usize, usize)> = ctx
        .speech()
        .iter()
        .filter(|h| h.word != "claimed")
        .filter_map(|h| {
            let s = speaker(input, ctx, h)?;
            // (a teller named in the verb's own clause, "..., the SDF
            // said", tells there only: "struck a position of the SDF" before
            // it is the target)
            let brk = ctx.text[..h.start].rfind([',', ';']).map_or(0, |i| i + 1);
            let own_clause = ctx.mentions.iter().any(|m| m.2 == s && m.0 >= brk && m.1 <= h.start);
            Some((s, if own_clause { brk } else { h.start.saturating_sub(80) }, h.end + 80))
        })
        .collect();
    // ... unless it tells of its own deed: "the Islamic Resistance said it
    // launched two drones at the base"
    let own_deed: Vec<usize> = ctx
        .speech()
        .iter()
        .filter(|h| h.end <= hit.start)
        .filter(|h| {
            let between = ctx.lc[h.end..hit.start].trim();
            // ("said on Wednesday it had killed", "said late Monday they had fired")
            let at = hit.start - ctx.lc[h.end..hit.start].trim_start().len();
            let between = match ctx.dates.iter().find(|d| d.start == at && d.end <= hit.start) {
                Some(d) => ctx.lc[d.end..hit.start].trim(),
                None => between.strip_prefix("on ").and_then(|r| r.split_once(' ')).map_or(between, |(_, r)| r.trim_start()),
            };
            let rest = ["that it ", "that they ", "it ", "they "].iter().find_map(|p| between.strip_prefix(p)).or(match between {
                "it" | "they" | "that it" | "that they" => Some(""),
                _ => None,
            });
            rest.is_some_and(|r| r.split_whitespace().count() <= 3 && !r.contains([',', ';']))
        })
        .filter_map(|h| speaker(input, ctx, h))
        .collect();
    tellers.retain(|t| !own_deed.contains(&t.0));
    for (i, _) in ctx.lc.match_indices("according to ") {
        let from = i + "according to ".len();
        tellers.extend(ctx.mentions.iter().filter(|m| m.0 >= from && m.0 - from <= 8).map(|m| (m.2, m.0, m.1)));
    }
    for &(s, e, ent) in &ctx.mentions {
        let etype = input.entities[ent].etype;
        let telling = tellers.iter().any(|&(t, lo, hi)| t == ent && s >= lo && e <= hi);
        if etype == EntityType::Base || has(ev, ent) || telling || is_media(&input.entities[ent]) || s < from || e > to {
            continue;
        }
        // "in SDF-held areas", "Iran-backed militias": a name in an
        // adjective tells whose areas or militias, not who took part
        if COMPOUND_HEADS.iter().any(|h| ctx.lc[e..].strip_prefix(['-', '‐']).is_some_and(|r| r.starts_with(h))) {
            continue;
        }
        // "since the Israel-Hamas war began": the two sides of a war named
        // in one compound take no part in this event
        // (the first side's partner comes before the noun: "the Hamas-Israel war")
        let after = match ctx.lc[e..].strip_prefix(['-', '‐', '–']) {
            Some(r) if r.starts_with(|c: char| c.is_alphabetic()) => r.split_once(' ').map(|(_, rest)| rest),
            _ if ctx.lc[..s].ends_with(['-', '‐', '–']) => Some(&ctx.lc[e..]),
            _ => None,
        };
        let war = after.and_then(|a| a.split_whitespace().next()).map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()));
        if matches!(war, Some("war" | "conflict")) {
            continue;
        }
        if e <= hit.start && s >= clause_start {
            // only the subject of the trigger, or "X's strike"; a name in a
            // clause of its own ("that the government deemed") takes no part
            let gap = past_acronym(ctx.lc, s, &ctx.lc[e..hit.start]);
            // "Israel's latest strike", not "Sudani's spokesman, X, called the strike"
            let possessive = (gap.starts_with("'s") || gap.starts_with("’s"))
                && !gap.contains([',', ';', ':', '“', '”', '"', '(', ')'])
                && gap.split_whitespace().count() <= 4;
            if own_deed.contains(&ent) {
                let role = if passive { Role::Target } else { Role::Actor };
                ev.participants.push(Participant { entity: ent, role });
                continue;
            }
            if !(possessive || agent_gap(gap) || apposed_name(ctx.lc, s, gap)) {
                continue;
            }
            // "the US killed the Iranian general Qassem Suleimani in a drone
            // strike": the object of the verb before it was struck
            let object = ctx.clause_before(s, 4).iter().any(|w| {
                matches!(*w, "killed" | "killing" | "struck" | "targeted" | "targeting" | "attacked" | "assassinated" | "wounded" | "injured")
            });
            let role = if passive || downed || object { Role::Target } else { Role::Actor };
            ev.participants.push(Participant { entity: ent, role });
        } else if s >= hit.end && s < clause_end {
            let gap = &ctx.lc[hit.end..s];
            // (the last 24 words at most, on the stack: one of these a name)
            let mut buf = [""; 24];
            let mut n = 0;
            for w in gap.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(24) {
                buf[23 - n] = w;
                n += 1;
            }
            let gap_words = &buf[24 - n..];
            let last = gap_words
                .iter()
                .rposition(|w| matches!(*w, "by" | "on" | "against" | "targeting" | "at" | "near" | "toward" | "towards" | "of" | "from"));
            let last_prep = last.map(|k| gap_words[k]);
            // "sites used by X", "militias backed by X": the by-phrase of a
            // participle that tells of something else; "condemnation from
            // X" after "that drew": a clause of its own
            let before_prep = last.and_then(|k| k.checked_sub(1)).map(|k| gap_words[k]);
            // (not the owner of where it came from: "rockets launched from
            // areas controlled by the Syrian regime")
            let owner = last_prep == Some("by") && before_prep.is_some_and(|w| OWNER_PARTICIPLES.contains(&w)) && !gap_words.contains(&"from");
            // "launched from a truck found near the base by Iraqi forces":
            // the by-phrase of another verb than the trigger's
            let other_agent = last_prep == Some("by") && !owner && {
                // the verb nearest before "by", if any
                let k = last.unwrap_or(0);
                let verb = gap_words[..k].iter().rev().take(5).find(|w| {
                    ACTOR_PARTICIPLES.contains(w) || w.ends_with("ed") || w.ends_with("en") || IRREGULAR_PARTICIPLES.contains(w)
                });
                verb.is_some_and(|w| !ACTOR_PARTICIPLES.contains(w))
            };
            let backer = last_prep == Some("by") && before_prep.is_some_and(|w| BACKER_PARTICIPLES.contains(&w));
            let other_clause = gap_words.iter().any(|w| matches!(*w, "that" | "which" | "who" | "drew" | "drawing" | "prompted" | "prompting" | "sparked" | "sparking"));
            // "killed a commander responsible for directing attacks on US
            // forces": the preposition is the other trigger's
            // (for a casualty word: "operation ... included strikes and raids on
            // ISIS locations" tells of one event)
            let other_trigger = matches!(hit.word, "killed" | "killing" | "kills" | "kill" | "wounded" | "wounding" | "injured" | "injuring")
                && gap_words.iter().any(|w| matches!(*w, "attack" | "attacks" | "strike" | "strikes" | "raids" | "assaults"));
            // "killed one member of the Popular Mobilization Forces"
            let members_of = last_prep == Some("of")
                && before_prep.is_some_and(|w| matches!(w, "member" | "members" | "fighter" | "fighters" | "soldiers" | "personnel" | "officers" | "commander" | "commanders" | "leader" | "leaders"))
                && (matches!(hit.word, "killed" | "killing" | "kills" | "wounded" | "wounding" | "injured" | "injuring")
                    || gap_words.iter().any(|w| matches!(*w, "killed" | "killing" | "wounded" | "wounding" | "injured" | "injuring")));
            // "struck a position of the SDF": whose position the verb hit
            let struck_of = last_prep == Some("of")
                && (STRIKE_VERBS.contains(&hit.word) || gap_words.iter().any(|w| STRIKE_VERBS.contains(w)))
                && gap_words.len() <= 5
                && before_prep.is_some_and(|w| {
                    matches!(w, "position" | "positions" | "headquarters" | "base" | "bases" | "convoy" | "vehicle" | "vehicles" | "site" | "sites" | "depot" | "depots" | "post" | "posts" | "checkpoint" | "checkpoints")
                });
            let members_of = members_of || struck_of;
            match last_prep {
                Some("by") if downed && matches!(before_prep, Some("down" | "intercepted" | "downed")) => {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                _ if backer || other_agent || other_trigger => {}
                _ if members_of && !passive => ev.participants.push(Participant { entity: ent, role: Role::Target }),
                // the owner of what was hit stands for the target when the
                // trigger named one ("strikes against sites used by X"), or
                // is the verb ("struck five depots used by X"); else no part
                Some("by")
                    if owner
                        && (STRIKE_VERBS.contains(&hit.word)
                            || gap_words.iter().any(|w| matches!(*w, "on" | "against" | "targeting" | "targeted" | "at" | "hit" | "hitting" | "struck"))) =>
                {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                Some("by") if owner => {}
                Some("from") if other_clause || gap_words.len() > 4 => {}
                Some("by") | Some("from") => ev.participants.push(Participant { entity: ent, role: Role::Actor }),
                Some("on") | Some("against") | Some("targeting") | Some("at") | Some("toward") | Some("towards") => {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                // "the assassination of X", "the killing of X": the victim
                Some("of") if victim_noun(hit.word) && gap.split_whitespace().count() <= 4 => {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                _ if gap.trim().is_empty() || gap.trim() == "the" => {
                    // "X attacked Y": the direct object
                    let role = if passive { Role::Actor } else { Role::Target };
                    ev.participants.push(Participant { entity: ent, role });
                }
                // "struck a vehicle and a number of Kataib Hezbollah
                // fighters": whose fighters or sites a strike verb hit
                _ if (STRIKE_VERBS.contains(&hit.word) || matches!(hit.word, "killing" | "killed"))
                    && !passive
                    && gap_words.len() <= 8
                    && !gap_words.iter().any(|w| matches!(*w, "by" | "from" | "near" | "in" | "at" | "with"))
                    && ctx.lc[e..].split_whitespace().next().is_some_and(|w| {
                        matches!(
                            w.trim_end_matches(|c: char| !c.is_alphanumeric()),
                            "fighters" | "members" | "militants" | "commanders" | "leaders" | "operatives" | "positions" | "sites"
                                | "fighter" | "member" | "commander" | "leader" | "operative" | "official" | "officials"
                                | "facilities" | "headquarters" | "targets" | "depots" | "convoy" | "vehicle" | "base" | "bases"
                        )
                    }) =>
                {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                // "conducted a raid in al-Bab, killing senior ISIS leader X",
                // "a drone strike in eastern Baghdad killed Kataib Hezbollah
                // commander X": whom the raid killed was its target
                _ if gap_words
                    .iter()
                    .rposition(|w| {
                        matches!(*w, "killing" | "wounding" | "injuring" | "assassinating" | "eliminating" | "capturing" | "detaining")
                            || (!passive && matches!(*w, "killed" | "wounded" | "injured" | "assassinated" | "eliminated"))
                    })
                    .is_some_and(|k| gap_words.len() - k <= 4 && !gap_words[k..].iter().any(|w| matches!(*w, "and" | "by" | "in" | "at" | "near" | "on" | "of"))) =>
                {
                    ev.participants.push(Participant { entity: ent, role: Role::Target })
                }
                _ => {}
            }
        }
    }
    // "killed Gen. Qassem Soleimani and Abu Mahdi al-Muhandis": a name joined
    // by "and" to a target after the trigger is a target too
    for w in ctx.mentions.windows(2) {
        let (prev, next) = (w[0], w[1]);
        if prev.0 < hit.end || next.1 > to || next.1 > clause_end || has(ev, next.2) {
            continue;
        }
        let joined = matches!(ctx.lc[prev.1..next.0].trim(), "and" | ", and" | ",");
        let target = ev.participants.iter().any(|p| p.entity == prev.2 && p.role == Role::Target);
        if joined && target && input.entities[next.2].etype == input.entities[prev.2].etype {
            ev.participants.push(Participant { entity: next.2, role: Role::Target });
        }
    }
}

/// Other bases joined to the base `first` that an attack or strike at
/// `hit` was placed at: "on A in western Anbar and on B in Erbil", "A, B
/// and C". Each is struck as well.
fn coordinated_bases(input: &Input, ctx: &Ctx, hit: &Hit, first: usize) -> Vec<usize> {
    let Some(at) = ctx.mentions.iter().find(|m| m.2 == first && m.0 >= hit.end) else { return Vec::new() };
    let mut out = Vec::new();
    let mut prev_end = at.1;
    for m in ctx.mentions.iter().filter(|m| m.0 >= at.1) {
        let gap = &ctx.lc[prev_end..m.0];
        let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
        let joined = (gap.contains(" and ") || gap.trim() == "," || gap.contains(", "))
            && !gap.contains([';', '(', ')', '“', '”', '"'])
            && words.len() <= 6
            && words.iter().all(|w| matches!(*w, "and" | "on" | "at" | "in" | "near" | "the" | "a" | "another" | "western" | "eastern" | "northern" | "southern" | "northeastern" | "northwestern" | "southeastern" | "southwestern" | "central" | "province" | "region") || ctx.places().iter().any(|p| p.start >= prev_end && p.end <= m.0 && ctx.lc[p.start..p.end].contains(*w)));
        if !joined {
            break;
        }
        if input.entities[m.2].etype == EntityType::Base {
            if m.2 != first && !out.contains(&m.2) {
                out.push(m.2);
            }
            prev_end = m.1;
        } else if ctx.places().iter().any(|p| p.start == m.0) {
            prev_end = m.1;
        } else {
            break;
        }
    }
    out
}

/// Who met: the subject of the meeting verb and those it joins ("X and Y
/// met", "X met Y", "talks between X and Y", "talks with X", "the round of
/// the HMC", "in the presence of X"). What they met about ("to discuss",
/// "about", "on", "over"), names in quotes and other clauses take no part.
fn meeting_parties(input: &Input, ctx: &Ctx, h: &Hit) -> Vec<usize> {
    let party = |e: usize| {
        matches!(input.entities[e].etype, EntityType::Person | EntityType::Organization) && !is_media(&input.entities[e])
    };
    let mut out = Vec::new();
    // the subject, and those listed with it: "X, Y and Z met"
    let mut cursor = h.start;
    for m in ctx.mentions.iter().rev().filter(|m| m.1 <= h.start) {
        let gap = &ctx.lc[m.1..cursor];
        let joined = cursor != h.start && {
            let g = gap.trim_matches(|c: char| c == '’' || c == '\'' || c == 's' && gap.trim().len() <= 2).trim();
            g.is_empty() || g == "and" || g == "," || g == ", and" || g == "and the" || g == ", the"
        };
        let subject = agent_gap(gap) || gap.starts_with("'s") || gap.starts_with("’s") || apposed_name(ctx.lc, m.0, gap);
        if !(joined || (cursor == h.start && subject)) {
            break;
        }
        if party(m.2) {
            out.push(m.2);
        }
        cursor = m.0;
    }
    // "received on Monday the US Chargé d'Affaires in Baghdad, Daniel
    // Rubinstein": the guest named after the office
    if matches!(h.word, "received" | "hosted") {
        let guest = ctx.mentions.iter().filter(|m| m.0 >= h.end && m.0 - h.end <= 90).find(|m| {
            let gap = &ctx.lc[h.end..m.0];
            input.entities[m.2].etype == EntityType::Person
                && !gap.contains([';', '“', '”', '"'])
                && gap.matches(',').count() <= 1
                && gap.split(|c: char| !c.is_alphanumeric() && c != 'é').any(|w| RECEIVED_OFFICES.contains(&w))
        });
        if let Some(g) = guest {
            out.push(g.2);
        }
    }
    // those after it, up to the topic (a stop inside "Maj. Gen." ends nothing)
    let end = ctx.lc[h.end..]
        .find([';', '“', '”', '"', '—', '–'])
        .map_or(ctx.lc.len(), |i| i + h.end);
    let mut prev_end = h.end;
    for m in ctx.mentions.iter().filter(|m| m.0 >= h.end && m.1 <= end) {
        let gap = &ctx.lc[prev_end..m.0];
        let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
        // ("met with its commander, Lt. Gen. X": the office, then its holder)
        let office_comma = gap.split_once(',').is_some_and(|(head, titles)| {
            !titles.contains(',')
                && titles.split_whitespace().count() <= 3
                && titles.split_whitespace().all(|t| t.ends_with('.'))
                && head.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).is_some_and(|w| RECEIVED_OFFICES.contains(&w))
        });
        if words.iter().any(|w| TOPIC.contains(w)) || gap.contains(',') && !gap.trim().starts_with(',') && !office_comma {
            break;
        }
        // ("received a delegation from the coalition": the visitors' side)
        let visitors_from = words.windows(2).any(|w| {
            w[1] == "from"
                && matches!(w[0], "delegation" | "delegations" | "team" | "envoy" | "envoys" | "officials" | "representatives" | "representative" | "commanders" | "officers" | "advisers" | "advisors")
        });
        let linked = prev_end != h.end
            || words.is_empty()
            || words.iter().any(|w| matches!(*w, "with" | "between" | "of" | "among" | "by" | "presence" | "and"))
            || visitors_from
            || h.word == "met" && words.len() <= 3;
        if !linked {
            break;
        }
        if party(m.2) {
            out.push(m.2);
        }
        prev_end = m.1;
    }
    out
}

/// Words after a meeting trigger that turn to what it was about.
const TOPIC: &[&str] = &[
    "to", "about", "on", "over", "regarding", "concerning", "for", "which", "that", "who", "where", "purpose",
    "aimed", "discuss", "discussed", "after", "amid", "since", "against", "in",
];

fn victim_noun(word: &str) -> bool {
    word.starts_with("assassination") || matches!(word, "killing" | "killings" | "death" | "deaths")
}

/// The base or place where the event happened: the base nearest to the
/// trigger, else the most specific place named.
fn locate(input: &Input, ctx: &Ctx, hit: &Hit, ev: &mut Event) {
    // "US strikes kill eight fighters in Iraq after a missile attack on Ain
    // al-Asad": what follows "after a ..." is the earlier event's
    // (read from the words, where four substring searches cost more)
    let earlier = ctx.toks[ctx.tok_at(hit.end)..]
        .windows(2)
        .find(|w| matches!(&*w[0].lc, "after" | "following") && matches!(&*w[1].lc, "a" | "an"))
        .map(|w| w[0].start.saturating_sub(1));
    locate_within(input, ctx, hit, ev, 0, earlier.unwrap_or(usize::MAX))
}

/// `locate` looking only at the sentence from byte `from` on: the second
/// event of a sentence happened where its own clause says.
fn locate_from(input: &Input, ctx: &Ctx, hit: &Hit, ev: &mut Event, from: usize) {
    locate_within(input, ctx, hit, ev, from, usize::MAX)
}

/// `locate` looking only at the bytes `from..to` of the sentence: each of
/// two events of a sentence happened where its own clause says.
fn locate_within(input: &Input, ctx: &Ctx, hit: &Hit, ev: &mut Event, from: usize, to: usize) {
    let dist = |s: usize, e: usize| if s >= hit.end { s - hit.end } else { hit.start.saturating_sub(e) };
    let base = ctx
        .mentions
        .iter()
        .filter(|m| m.0 >= from && m.1 <= to && input.entities[m.2].etype == EntityType::Base)
        .min_by_key(|m| dist(m.0, m.1));
    if let Some(&(_, _, e)) = base {
        ev.base = Some(e);
        if !has(ev, e) {
            ev.participants.push(Participant { entity: e, role: Role::Location });
        }
    } else {
        let places: Vec<places::PlaceMention> = ctx.places().iter().filter(|p| p.start >= from && p.end <= to).cloned().collect();
        ev.place = places::best(&places, hit.start);
    }
}

/// Gives the event the date expression of its sentence that fits it: the
/// nearest to the trigger, never a period ("since October"); a past event
/// takes no plan's date ("by September 2025") and prefers a date that is
/// not only when someone spoke ("the Pentagon said on Tuesday"); a planned
/// event prefers a deadline or a future date. A past event dated after
/// publication keeps the words but not the value. Returns whether the
/// sentence gave a date.
fn assign_date(ctx: &Ctx, hit: &Hit, mode: Mode, speech_ok: bool, ev: &mut Event) -> bool {
    assign_date_where(ctx, hit, mode, speech_ok, ev, &|_| true)
}

/// `assign_date` choosing only among the sentence's dates that `keep`
/// accepts: each of two events of a sentence takes a date of its own clause.
fn assign_date_where(ctx: &Ctx, hit: &Hit, mode: Mode, speech_ok: bool, ev: &mut Event, keep: &dyn Fn(&DateCand) -> bool) -> bool {
    let dist = |d: &DateCand| {
        let (lo, hi) = if d.start >= hit.end { (hit.end, d.start) } else { (d.end.min(hit.start), hit.start) };
        let breaks = ctx.text[lo..hi].matches([',', ';', '—', '–']).count();
        (breaks, hi - lo)
    };
    // "in line with the September 2024 agreement": a date between "the" and
    // a noun dates that noun; another trigger of the sentence may not take it
    let dates_other_noun = |d: &DateCand| {
        let noun_next = ctx.lc[d.end..].strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()));
        if !noun_next {
            return false;
        }
        let before = ctx.lc[..d.start].trim_end();
        let determiner = ["the", "its", "their", "his", "her"]
            .iter()
            .any(|w| before == *w || (before.ends_with(w) && before[..before.len() - w.len()].ends_with([' ', '(', '“', '"'])));
        determiner && !(hit.start >= d.end && ctx.lc[d.end..hit.start].split_whitespace().nth(2).is_none())
    };
    // "days after a drone attack killed three soldiers": reckoned back from
    // the sentence's date by a span not given, so not on that date (a
    // counted span, "three days after", is an anaphor read elsewhere)
    let span_word = || {
        let i = ctx.tok_at(hit.start);
        ctx.toks[i.saturating_sub(6)..i].iter().any(|t| matches!(&*t.lc, "after" | "before"))
    };
    // (but a date in the event's own phrase after it is its own: "came days
    // after a U.S. strike in Jurf al-Sakhar on July 30 that killed four")
    let mut own_phrase_only = false;
    if mode == Mode::Past && span_word() {
        let before = ctx.clause_before(hit.start, 6);
        own_phrase_only = (1..before.len()).any(|k| {
            matches!(before[k - 1], "days" | "weeks" | "months" | "years")
                && matches!(before[k], "after" | "before")
                && (k < 2 || numbers::parse_number(before[k - 2]).is_none())
        });
    }
    // "reflects changes in Syria after the fall of Assad's government in
    // December": the date of the event named after "after the"
    let dates_later_noun = |d: &DateCand| {
        d.start >= hit.end && {
            let between = &ctx.lc[hit.end..d.start];
            ["after the ", "following the ", "before the ", "since the "].iter().filter_map(|p| between.rfind(p).map(|i| i + p.len())).max().is_some_and(|at| {
                let noun = between[at..].split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                EVENT_NOUNS.contains(&noun) && !between[at..].contains([',', ';'])
            })
        }
    };
    let usable: Vec<&DateCand> = ctx
        .dates
        .iter()
        .filter(|d| !d.period && keep(d) && !dates_other_noun(d) && !dates_later_noun(d))
        .filter(|d| !own_phrase_only || (d.start >= hit.end && !d.speech && !ctx.lc[hit.end..d.start].contains(" that ")))
        .collect();
    let chosen = match mode {
        Mode::Aggregate => None,
        Mode::Planned => usable
            .iter()
            // ("will reduce its troops this month")
            .filter(|d| d.deadline || d.future || (d.current && !d.speech))
            .min_by_key(|d| dist(d))
            // without a publication date "on Monday" may still be ahead
            .or_else(|| usable.iter().filter(|d| d.value.is_none() && !d.speech).min_by_key(|d| dist(d)))
            .copied(),
        Mode::Past => usable
            .iter()
            .filter(|d| !d.deadline)
            .min_by_key(|d| (d.speech && !speech_ok, dist(d)))
            .copied(),
    };
    let Some(d) = chosen else {
        // "will reduce its forces in the coming months": a time ahead with
        // no calendar value, told by its words alone
        if mode == Mode::Planned {
            if let Some(words) = time_ahead(ctx) {
                ev.date_text = Some(words.to_string());
                return true;
            }
        }
        return false;
    };
    ev.date_text = Some(d.text.to_string());
    if mode == Mode::Past && d.future {
        if let Some(back) = &d.year_back {
            ev.date = Some(back.clone());
            ev.precision = d.precision;
        }
        return true;
    }
    ev.date = d.value.map(str::to_string);
    ev.precision = if d.value.is_some() { d.precision } else { None };
    true
}

/// "in the coming months", "over the next few weeks", "within the next
/// several days": a time ahead that no calendar value names, the words of
/// the sentence that tell it.
fn time_ahead<'t>(ctx: &Ctx<'t>) -> Option<&'t str> {
    let toks = &ctx.toks;
    // "within a year", "within six months"
    let within = (0..toks.len().saturating_sub(2)).find_map(|i| {
        let count = toks[i + 1].lc.as_ref();
        let unit = toks[i + 2].lc.as_ref();
        (toks[i].lc == "within"
            && (matches!(count, "a" | "one") || numbers::parse_number(count).is_some())
            && matches!(unit, "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"))
        .then(|| &ctx.text[toks[i].start..toks[i + 2].end])
    });
    if within.is_some() {
        return within;
    }
    (0..toks.len()).find_map(|i| {
        let lead = match &*toks[i].lc {
            "coming" => 1,
            // ("within the next 12 months", "over the next two years")
            "next" if toks.get(i + 1).is_some_and(|t| matches!(&*t.lc, "few" | "several") || numbers::parse_number(&t.lc).is_some()) => 2,
            _ => return None,
        };
        let unit = toks.get(i + lead).filter(|t| matches!(&*t.lc, "days" | "weeks" | "months" | "years"))?;
        let the = i.checked_sub(1).filter(|&k| toks[k].lc == "the")?;
        let prep = the.checked_sub(1).filter(|&k| matches!(&*toks[k].lc, "in" | "over" | "within" | "during"));
        Some(&ctx.text[toks[prep.unwrap_or(the)].start..unit.end])
    })
}

/// Who makes a statement: the subject of the speech verb ("X said", "X,
/// the spokesman, said": the head of an apposition, not a name inside it),
/// else who follows it ("said X", "according to X"). A news outlet that
/// carries the words ("told Reuters", "according to Reuters", "Reuters
/// reported") is never the speaker, and whoever is "told" only listens.
fn speaker(input: &Input, ctx: &Ctx, hit: &Hit) -> Option<usize> {
    let speaking = |e: usize| {
        matches!(input.entities[e].etype, EntityType::Person | EntityType::Organization) && !is_media(&input.entities[e])
    };
    // "according to X" names its source after it, never before
    let before = ctx
        .mentions
        .iter()
        .filter(|_| hit.word != "according to")
        .filter(|m| m.1 <= hit.start && speaking(m.2))
        .filter(|m| !ctx.text[m.1..hit.start].contains([';', '“', '”', '"']))
        // "the envoy to the coalition said": the coalition is not the subject
        .filter(|m| {
            let head = ctx.lc[..m.0].trim_end();
            let prep = head.rsplit(' ').next().unwrap_or("");
            let prep = if prep == "the" { head[..head.len() - 3].trim_end().rsplit(' ').next().unwrap_or("") } else { prep };
            !matches!(prep, "to" | "for" | "of" | "at" | "in" | "with" | "from")
        })
        // the subject of the verb, or an apposition ("X, the spokesman, said")
        .filter(|m| {
            let gap = &ctx.text[m.1..hit.start];
            gap.split_whitespace().count() <= 4 || gap.matches(',').count() >= 2
        })
        // (not a name before a subject of the verb's own: "to support
        // Operation Inherent Resolve, the Army announced")
        .filter(|m| {
            let gap = ctx.lc[m.1..hit.start].trim();
            let Some(rest) = gap.strip_prefix(',') else { return true };
            let rest = rest.trim();
            let words: Vec<&str> = rest.split_whitespace().collect();
            !(matches!(words.first(), Some(&("the" | "a" | "an"))) && words.len() >= 2 && !rest.contains(','))
        })
        // (a long apposition set off by two commas still stands for the
        // name: "X, a senior fellow at the Washington Institute for Near
        // East Policy who tracks the groups, said")
        .filter(|m| {
            let gap = &ctx.text[m.1..hit.start];
            let apposition = gap.starts_with(", ") && gap.trim_end().ends_with(',') && gap.matches(',').count() == 2;
            hit.start - m.1 <= 80 || apposition && hit.start - m.1 <= 160
        })
        .max_by_key(|m| m.1);
    // "..., he added", "commanders told Middle East Eye": a pronoun or a
    // plain noun is the subject, and no name before it
    let subject_word = ctx.lc[..hit.start]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .find(|w| !matches!(*w, "also" | "later" | "has" | "have" | "had" | "earlier" | "further"));
    let plain_subject = subject_word.is_some_and(|w| {
        matches!(
            w,
            "he" | "she" | "they" | "we" | "i" | "officials" | "commanders" | "sources" | "analysts" | "residents" | "witnesses"
                | "experts" | "diplomats" | "lawmakers" | "observers" | "activists" | "medics" | "police"
        )
    });
    let before = before.filter(|m| !plain_subject || ctx.lc[m.1..hit.start].trim().is_empty());
    // "Hussein Mones, head of the Huquq movement, which is seen as Kataib
    // Hezbollah's political wing, told ...": the person an apposition
    // follows speaks, however many commas it holds
    let head_person = ctx
        .mentions
        .iter()
        .filter(|p| hit.word != "according to" && p.1 < hit.start && input.entities[p.2].etype == EntityType::Person)
        .max_by_key(|p| p.1)
        .filter(|p| {
            let span = &ctx.text[p.1..hit.start];
            span.starts_with(", ")
                && span.trim_end().ends_with(',')
                && hit.start - p.1 <= 160
                && !span.contains([';', '“', '”', '"', '(', ')'])
                && span[2..].starts_with(|c: char| c.is_lowercase())
        });
    if let Some(p) = head_person {
        if before.is_none_or(|m| m.0 > p.1) && !is_media(&input.entities[p.2]) {
            return Some(p.2);
        }
    }
    if let Some(m) = before {
        // "Farhad Alaaldin, Sudani's adviser, told ..." and "Yahya Rasool,
        // the spokesman of the armed forces, said": a name inside a
        // describing apposition is not who speaks; the head before it is
        let gap = &ctx.text[m.1..hit.start];
        if gap.trim_end().ends_with(',') && gap.matches(',').count() == 1 {
            if let Some(comma) = ctx.text[..m.0].rfind(',') {
                let between = ctx.text[comma + 1..m.0].trim();
                let describing = !gap.trim_start().starts_with(',') || between.starts_with(|c: char| c.is_lowercase());
                if describing && between.split_whitespace().count() <= 12 {
                    let head = ctx
                        .mentions
                        .iter()
                        .filter(|a| a.1 <= comma && ctx.text[a.1..comma].trim().is_empty() && speaking(a.2))
                        .max_by_key(|a| a.1);
                    return head.map(|a| a.2);
                }
            }
        }
        return Some(m.2);
    }
    // "said that the coalition ...": what follows is what was said
    let next = ctx.lc[hit.end..].trim_start();
    if hit.word == "told" || next.starts_with("that ") || next.starts_with(['“', '"']) {
        return None;
    }
    // the speaker follows the verb only in an inverted report ("..., said
    // X", "”, according to X"); otherwise what follows is what was said
    // ("officials said 15 fighters were killed")
    let inverted = hit.word == "according to" || ctx.text[..hit.start].trim_end().ends_with([',', '”', '"']);
    if !inverted {
        return None;
    }
    let first = ctx
        .mentions
        .iter()
        .filter(|m| m.0 >= hit.end && m.0 - hit.end <= 40 && speaking(m.2))
        .filter(|m| !ctx.text[hit.end..m.0].contains([';', '“', '”', '"', '.']))
        .min_by_key(|m| m.0)
        // (right after the verb: "X, operating under the banner of Y,
        // claimed more than 170 attacks on US troops" names no speaker after it)
        // (a comma only closing an office before the name: "said the
        // group's spokesman, X", not "according to the sources, while X")
        .filter(|m| {
            let gap = &ctx.text[hit.end..m.0];
            gap.split_whitespace().count() <= 4
                && !gap.contains(|c: char| c.is_ascii_digit())
                && !gap.trim_end().trim_end_matches(',').contains(',')
        })?;
    // "said U.S. Army Gen. Michael Erik Kurilla": the service names the
    // officer's, who speaks
    let officer = ctx.mentions.iter().find(|p| {
        p.0 >= first.1 && input.entities[p.2].etype == EntityType::Person && {
            let titles: Vec<&str> = ctx.text[first.1..p.0].split_whitespace().collect();
            !titles.is_empty() && titles.len() <= 3 && titles.iter().all(|t| t.ends_with('.') || RANKS.contains(&t.to_ascii_lowercase().as_str()))
        }
    });
    let organization = input.entities[first.2].etype == EntityType::Organization;
    Some(officer.filter(|_| organization).unwrap_or(first).2)
}

/// Bodies and undertakings an infinitive after which tells what they are
/// for ("the committee to end the mission"), not what happened.
const PURPOSE_BODIES: &[&str] = &[
    "committee", "committees", "commission", "talks", "dialogue", "negotiations", "efforts", "effort", "bid", "push",
    "framework", "body", "team", "process", "mechanism", "campaign", "pressure",
];

/// Nouns of events other than the ones kb reports, whose date an "after
/// the ..." phrase gives ("after the fall of Assad in December").
const EVENT_NOUNS: &[&str] = &[
    "fall", "collapse", "death", "ouster", "overthrow", "outbreak", "start", "beginning", "end", "election", "elections",
    "defeat", "capture", "liberation", "rise", "invasion", "war", "arrival", "signing", "launch", "formation", "toppling",
];

/// Ranks written out before an officer's name.
const RANKS: &[&str] = &[
    "general", "gen", "lieutenant", "colonel", "major", "admiral", "captain", "commander", "sergeant", "brigadier", "lt", "col",
    "maj", "adm", "capt", "cmdr", "sgt", "brig", "spokesman", "spokeswoman", "spokesperson",
];

fn is_media(entity: &Entity) -> bool {
    entity.kind.as_deref() == Some("media")
}

/// The subject of a verb or noun at `pos`: the nearest person or
/// organization before it in the same clause, with nothing between them
/// that opens another clause ("the government deemed the killing ...":
/// the government did not kill). News outlets never act.
fn subject_before(input: &Input, ctx: &Ctx, pos: usize, types: &[EntityType]) -> Option<usize> {
    let m = ctx
        .mentions
        .iter()
        .filter(|m| m.1 <= pos && types.contains(&input.entities[m.2].etype))
        .max_by_key(|m| m.1)?;
    let gap = past_acronym(ctx.lc, m.0, &ctx.lc[m.1..pos]);
    // "the coalition fighting (the) Islamic State will wind down": the
    // object of a participle, not the subject; the name it follows is
    let before = ctx.lc[..m.0].strip_suffix("the ").unwrap_or(&ctx.lc[..m.0]);
    if let Some(prefix) = OBJECT_BEFORE.iter().find(|p| before.ends_with(**p)) {
        let head_end = before.len() - prefix.len();
        let head = ctx
            .mentions
            .iter()
            .filter(|h| h.1 <= head_end && types.contains(&input.entities[h.2].etype))
            .max_by_key(|h| h.1)?;
        let head_gap = &ctx.lc[head.1..head_end];
        let plain = head_gap.trim().is_empty() || (head_gap.split_whitespace().count() <= 2 && agent_gap(head_gap));
        return (plain && agent_gap(gap) && !is_media(&input.entities[head.2])).then_some(head.2);
    }
    if is_media(&input.entities[m.2]) || !(agent_gap(gap) || apposed_name(ctx.lc, m.0, gap)) {
        return None;
    }
    Some(m.2)
}

/// "the military mission of the US-led coalition ... will end": whose
/// mission, presence or deployment it is, named in an "of" phrase right
/// after the noun that opens the trigger.
fn mission_owner(input: &Input, ctx: &Ctx, h: &Hit) -> Option<usize> {
    let noun = ["mission", "presence", "deployment", "operations"].into_iter().find(|n| h.word.starts_with(n))?;
    let rest = ctx.lc[h.start + noun.len()..].strip_prefix(" of ")?;
    let at = ctx.lc.len() - rest.len();
    let article = ["the ", "its ", "their "].iter().find(|a| rest.starts_with(**a)).map_or(0, |a| a.len());
    let m = ctx.mentions.iter().filter(|m| m.0 >= at && m.0 < h.end).min_by_key(|m| m.0)?;
    // only modifiers between the article and the name ("the US-led coalition")
    let between = &ctx.lc[at + article..m.0];
    let plain = between.split_whitespace().count() <= 2 && !between.contains([',', ';', '(', ')']);
    (plain && input.entities[m.2].etype == EntityType::Organization && !is_media(&input.entities[m.2])).then_some(m.2)
}

/// What comes before a name that is the object of a noun's participle or
/// preposition ("the coalition fighting ISIS"), not a subject.
const OBJECT_BEFORE: &[&str] = &["fighting ", "against ", "to defeat ", "battling ", "combating ", "countering "];

/// "The ministry's chief of staff, Lt. Gen. Issa Ozer, met ...": a name set
/// off by commas after the office it holds, right before the verb, is the
/// subject. `start` is where the name begins, `gap` what lies between its
/// end and the verb.
fn apposed_name(lc: &str, start: usize, gap: &str) -> bool {
    // (an auxiliary may come between: "The US Central Command chief, Gen.
    // Michael Kurilla, had visited Abdi")
    let g = gap.trim();
    let aux = g.strip_prefix(',').map(str::trim).is_some_and(|w| matches!(w, "had" | "has" | "have" | "was" | "were" | "is" | "also" | "later"));
    if g != "," && !aux {
        return false;
    }
    let before = &lc[..start];
    let Some(comma) = before.rfind(',') else { return false };
    let titles: Vec<&str> = before[comma + 1..].split_whitespace().collect();
    titles.len() <= 3 && titles.iter().all(|w| w.ends_with('.') || matches!(*w, "general" | "colonel" | "admiral" | "sheikh" | "dr" | "mr" | "ms" | "mrs"))
}

/// The gap after a name that stands alone in brackets ("U.S. Central
/// Command (CENTCOM) forces conducted"), without the closing bracket.
fn past_acronym<'t>(lc: &str, start: usize, gap: &'t str) -> &'t str {
    match gap.strip_prefix(')') {
        Some(rest) if lc[..start].ends_with('(') => rest,
        _ => gap,
    }
}

/// Words between a subject and its verb: few, no clause break, no verb of
/// another clause.
fn agent_gap(gap: &str) -> bool {
    // "The Islamic Resistance in Iraq, an umbrella of Iran-backed factions,
    // claimed ...": a noun phrase set off by commas stands for the subject
    if let Some(rest) = gap.strip_prefix(", ") {
        if let Some((apposition, after)) = rest.split_once(", ") {
            let words: Vec<&str> = apposition.split_whitespace().collect();
            // (or a participle's phrase: "X, backed by the coalition, launched")
            let participial = words.len() >= 2 && words[0].ends_with("ed") && words[1] == "by";
            let noun_phrase = (matches!(words.first(), Some(&("a" | "an" | "the"))) || participial)
                && words.len() <= 12
                && !apposition.contains([';', ':', '“', '”', '"', '(', ')', '—', '–'])
                && !words.iter().any(|w| OTHER_CLAUSE.contains(w));
            // (or a relative clause about it: "Speaker X, who was elected in
            // October after a vacancy of nearly a year, received ...")
            let relative = matches!(words.first(), Some(&("who" | "which")))
                && words.len() <= 16
                && !apposition.contains([';', ':', '“', '”', '"', '(', ')', '—', '–']);
            return (noun_phrase || relative) && agent_gap(after);
        }
    }
    if gap.contains([',', ';', ':', '“', '”', '"', '(', ')', '—', '–']) {
        return false;
    }
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    words.len() <= 5 && !words.iter().any(|w| OTHER_CLAUSE.contains(w))
}

/// Second halves of a compound adjective made from a name ("SDF-held",
/// "Iran-backed").
const COMPOUND_HEADS: &[&str] = &[
    "held", "controlled", "run", "occupied", "backed", "allied", "aligned", "linked", "affiliated", "supported",
    "funded", "sponsored", "armed", "trained", "made", "built", "supplied", "designated",
];

/// Trigger words that are a strike's own verb, with its object after it
/// ("struck five depots used by X", "targeted Kataib Hezbollah fighters").
const STRIKE_VERBS: &[&str] = &["struck", "hit", "targeted", "attacked", "bombed", "shelled", "raided"];

/// Participles whose by-phrase names who holds something ("a base used by
/// the coalition"), not who acted.
const OWNER_PARTICIPLES: &[&str] = &[
    "used", "run", "operated", "controlled", "held", "occupied", "manned", "staffed", "hosted", "owned", "frequented",
    "guarded", "protected", "defended", "inhabited", "administered",
];

/// Participles whose by-phrase names who did the deed the trigger names
/// ("strikes conducted by CENTCOM", "an attack claimed by the Islamic
/// Resistance"); the by-phrase of any other participle belongs to its own
/// verb.
const ACTOR_PARTICIPLES: &[&str] = &[
    "claimed", "launched", "fired", "conducted", "perpetrated", "committed", "executed", "staged", "mounted",
    "orchestrated", "ordered", "directed", "led", "planned", "authorized", "authorised", "approved", "sent",
    "carried", "undertaken", "initiated", "masterminded", "coordinated", "waged", "targeted", "attacked", "struck",
    "hit", "killed", "wounded", "injured", "bombed", "shelled", "raided", "assassinated", "ambushed",
];

/// Participles that end neither in "-ed" nor in "-en".
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "found", "seen", "caught", "held", "made", "built", "brought", "kept", "shot", "spotted", "sold", "bought",
    "told", "heard", "met", "hit", "struck", "sent", "led",
];

/// Participles whose by-phrase names a backer ("militias backed by Iran").
const BACKER_PARTICIPLES: &[&str] =
    &["backed", "supported", "funded", "financed", "armed", "sponsored", "trained", "equipped", "aligned", "allied", "inspired"];

const OTHER_CLAUSE: &[&str] = &[
    "said", "says", "told", "deemed", "called", "described", "that", "which", "who", "whom", "after", "before",
    "when", "while", "because", "as", "amid", "despite", "over", "about", "against", "blamed", "accused",
    "condemned", "denounced", "reported", "according", "urged", "demanded", "wants", "wanted", "if",
    // who counts or judges events did none of them ("SOHR documented an attack by ISIS")
    "documented", "recorded", "tracked", "counted", "monitored", "denied", "rejected", "criticized", "criticised",
    "welcomed", "praised", "warned", "investigated", "investigating",
    // ("The Pentagon identified the soldiers killed as ...": who names the dead)
    "identified", "named",
];


/// A vague "last week" narrowed to the day another report of the same kind
/// of event in the article gives, when that day falls in the week and the
/// two do not name different bases ("an attack on Conoco on Saturday" does
/// not date "earlier this week, a rocket attack hit Ain al-Asad").
fn refine_weeks(drafts: &mut [Draft]) {
    let days: Vec<(u8, jiff::civil::Date, String, Option<usize>)> = drafts
        .iter()
        .filter(|d| d.ev.precision == Some(Precision::Day) && d.mode != Mode::Planned)
        .filter_map(|d| {
            let v = d.ev.date.as_ref()?;
            Some((group(d.ev.kind), v.parse().ok()?, v.clone(), d.ev.base))
        })
        .collect();
    for d in drafts.iter_mut() {
        if d.ev.precision != Some(Precision::Week) {
            continue;
        }
        let Some(monday) = d.ev.date.as_ref().and_then(|v| v.parse::<jiff::civil::Date>().ok()) else { continue };
        let Ok(sunday) = monday.checked_add(jiff::Span::new().days(6)) else { continue };
        let g = group(d.ev.kind);
        let base = d.ev.base;
        let same_base = |b: &Option<usize>| base.is_none() || b.is_none() || *b == base;
        if let Some((_, _, v, _)) =
            days.iter().find(|(dg, day, _, b)| *dg == g && *day >= monday && *day <= sunday && same_base(b))
        {
            d.ev.date = Some(v.clone());
            d.ev.precision = Some(Precision::Day);
        }
    }
}

static DEFINITE_REF: LazyLock<WordRegex> = LazyLock::new(|| {
    // "wounded in Sunday's attack" points back as "in the attack" does
    WordRegex::new(r"\b(?:in|during|by|from) (?:the|that|this|these|those|the same|[a-z]+['’]s) (?:[a-z-]+ ){0,2}?(?:strikes?|airstrikes?|attacks?|raids?|operation|bombings?|barrage|assault)\b")
});

/// The latest event before `i`, at most `back` sentences earlier, that
/// happened (no plan, no count, no statement) and has a day of its own.
fn day_anchor(drafts: &[Draft], i: usize, back: usize, same_group: Option<u8>) -> Option<(jiff::civil::Date, usize)> {
    let sentence = drafts[i].ev.sentence;
    drafts[..i]
        .iter()
        .rev()
        .take_while(|p| sentence - p.ev.sentence <= back)
        .filter(|p| p.ev.sentence < sentence && p.mode == Mode::Past && p.ev.kind != EventKind::Statement)
        .filter(|p| p.own_date && !p.weak && p.ev.precision == Some(Precision::Day))
        .filter(|p| same_group.is_none_or(|g| group(p.ev.kind) == g))
        .find_map(|p| Some((p.ev.date.as_ref()?.parse().ok()?, p.ev.sentence)))
}

/// "the previous day", "the same day", "a day earlier": the day of the
/// latest event told before with a day of its own, shifted. With no such
/// day (no publication date) the words stay and the date stays unknown.
fn resolve_anaphors(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let Some((shift, words, _)) = drafts[i].anaphor.clone() else { continue };
        // the event it is told against is most often of its own kind
        let g = group(drafts[i].ev.kind);
        // (an event a reply answers, "the militia Washington blames for a
        // rocket attack that killed a contractor two days earlier", is
        // reckoned from the reply's day in its own sentence)
        let sentence = drafts[i].ev.sentence;
        let reply = drafts[i]
            .answered
            .then(|| {
                drafts[..i]
                    .iter()
                    .rev()
                    .take_while(|p| p.ev.sentence == sentence)
                    .filter(|p| !p.answered && p.own_date && p.mode == Mode::Past && p.ev.precision == Some(Precision::Day))
                    .find_map(|p| Some((p.ev.date.as_ref()?.parse().ok()?, sentence)))
            })
            .flatten();
        let anchor = reply.or_else(|| day_anchor(drafts, i, 8, Some(g))).or_else(|| day_anchor(drafts, i, 3, None));
        let d = &mut drafts[i];
        d.own_date = true;
        d.weak = false;
        d.ev.date_text = Some(words);
        d.ev.date = None;
        d.ev.precision = None;
        if let Some(day) = anchor.and_then(|(a, _)| a.checked_add(jiff::Span::new().days(shift)).ok()) {
            d.ev.date = Some(day.to_string());
            d.ev.precision = Some(Precision::Day);
        }
    }
}

static DATED_ACTION: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"^(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:action|actions|strike|strikes|airstrikes|attack|attacks|raid|raids|operation|assault|bombing|bombardment)\b")
});

/// "The US struck two sites in Syria. ... 'he directed today's action'":
/// a violent event told with no day takes the day a later sentence gives
/// it by name ("today's action", "Sunday's strikes"), three sentences on at
/// most, when nothing else dated of its kind stands between.
fn date_from_later_reference(input: &Input, drafts: &mut [Draft]) {
    let refs: Vec<(usize, &DateMention)> = input
        .dates
        .iter()
        .filter(|d| d.precision == Some(Precision::Day) && d.value.is_some())
        .filter(|d| {
            let text = &input.body[d.start..d.end];
            let after: String = input.body[d.end..].chars().take(40).collect::<String>().to_lowercase();
            // the possessive may sit inside the date's words or right after them
            let after = if text.ends_with("'s") || text.ends_with("’s") { format!(" {}", after.trim_start()) } else { after };
            DATED_ACTION.on(text::plain_words(&after)).is_match(&after)
        })
        .map(|d| (d.sentence, d))
        .collect();
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.own_date || d.mode != Mode::Past || group(d.ev.kind) != 0 || d.ev.date_text.is_some() {
            continue;
        }
        let sentence = d.ev.sentence;
        // an event that continues one dated just before takes that date instead
        // (through undated ones close to each other, which take that date
        // later: "X struck on Tuesday. A quote. The strikes targeted ...
        // One militant was killed")
        let mut at = sentence;
        let mut continues = false;
        for o in drafts[..i].iter().rev() {
            if at - o.ev.sentence > 2 {
                break;
            }
            if group(o.ev.kind) == 0 && o.mode == Mode::Past {
                if o.ev.date_text.is_some() {
                    continues = true;
                    break;
                }
                at = o.ev.sentence;
            }
        }
        if continues {
            continue;
        }
        let next_ref = refs.partition_point(|(rs, _)| *rs <= sentence);
        let Some((rs, r)) = refs.get(next_ref).filter(|(rs, _)| *rs - sentence <= 3) else { continue };
        let between = drafts[i + 1..]
            .iter()
            .take_while(|o| o.ev.sentence < *rs)
            .any(|o| o.ev.sentence > sentence && group(o.ev.kind) == 0 && o.own_date && !o.weak);
        if between {
            continue;
        }
        let d = &mut drafts[i];
        d.ev.date = r.value.clone();
        d.ev.precision = r.precision;
        d.ev.date_text = Some(input.body[r.start..r.end].to_string());
        d.own_date = true;
    }
}

/// "A US drone strike has killed a commander in Baghdad. The strike on
/// Wednesday night hit a vehicle ...": a violent event told with no day
/// takes the day of the definite report of its kind group in the very next
/// sentence ("the strike", "the attack"), which points back to it, when the
/// two are not placed apart.
fn date_from_next_definite(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.ev.date_text.is_some() || d.definite || d.mode != Mode::Past || group(d.ev.kind) != 0 {
            continue;
        }
        let sentence = d.ev.sentence;
        let next = drafts[i + 1..]
            .iter()
            .take_while(|n| n.ev.sentence <= sentence + 1)
            .find(|n| n.ev.sentence == sentence + 1 && group(n.ev.kind) == 0 && n.mode == Mode::Past);
        let Some(n) = next.filter(|n| n.definite && n.own_date && !n.weak && n.ev.precision == Some(Precision::Day)) else {
            continue;
        };
        let apart = |a: &Event, b: &Event| {
            (a.base.is_some() && b.base.is_some() && a.base != b.base) || (a.place.is_some() && b.place.is_some() && a.place != b.place)
        };
        if apart(&d.ev, &n.ev) {
            continue;
        }
        let (date, words) = (n.ev.date.clone(), n.ev.date_text.clone());
        let d = &mut drafts[i];
        d.ev.date = date;
        d.ev.precision = Some(Precision::Day);
        d.ev.date_text = words;
    }
}

/// "Sudani on Wednesday called for ... . He made the remarks during a
/// meeting with Guterres": the meeting is when the remarks were made, the
/// day the sentence before gives.
fn date_from_remarks(input: &Input, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        if d.ev.kind != EventKind::Meeting || d.ev.date_text.is_some() || d.mode != Mode::Past || d.ev.sentence == 0 {
            continue;
        }
        let s = &input.sentences[d.ev.sentence];
        let lc = input.body[s.start..s.end].to_lowercase();
        if !REMARKS_DURING.on(text::plain_words(&lc)).is_match(&lc) {
            continue;
        }
        let told = input.dates.iter().rfind(|m| m.sentence + 1 == d.ev.sentence && m.precision == Some(Precision::Day) && m.value.is_some());
        if let Some(m) = told {
            d.ev.date = m.value.clone();
            d.ev.precision = m.precision;
            d.ev.date_text = Some(input.body[m.start..m.end].to_string());
        }
    }
}

static REMARKS_DURING: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"\b(?:(?:made|delivered|gave|issued) (?:the|his|her|their|these|those) (?:remarks|comments|statements?)|(?:the|his|her|their|these) (?:remarks|comments) came) (?:during|at|in)\b",
    )
});

/// "..., the US military said on Saturday" dates the telling, not the raid.
/// Such a report takes the day of the same event told with its own day:
/// the one it points back to ("killed in the strikes") or the next
/// sentence's ("The raid took place early Thursday"), when that day is not
/// after the telling.
fn settle_weak_dates(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if !d.weak || group(d.ev.kind) != 0 {
            continue;
        }
        let told: Option<jiff::civil::Date> = d.ev.date.as_ref().and_then(|v| v.parse().ok());
        let g = group(d.ev.kind);
        let back = if d.definite { day_anchor(drafts, i, 6, Some(g)).map(|(a, _)| a) } else { None };
        let sentence = d.ev.sentence;
        let ahead = drafts[i + 1..]
            .iter()
            .take_while(|n| n.ev.sentence <= sentence + 1)
            .filter(|n| n.ev.sentence == sentence + 1 && group(n.ev.kind) == g && n.definite)
            .filter(|n| n.own_date && !n.weak && n.mode == Mode::Past && n.ev.precision == Some(Precision::Day))
            .find_map(|n| n.ev.date.as_ref()?.parse::<jiff::civil::Date>().ok());
        let Some(day) = back.or(ahead) else { continue };
        if told.is_some_and(|t| day > t) {
            continue;
        }
        // the words that gave the day go with it: a day with the words of
        // the telling ("2020-03-11", "Thursday") would contradict itself
        let iso = day.to_string();
        if drafts[i].ev.date.as_deref() != Some(iso.as_str()) {
            let words = drafts.iter().filter(|p| p.own_date && p.ev.date.as_deref() == Some(iso.as_str())).find_map(|p| p.ev.date_text.clone());
            if words.is_some() {
                drafts[i].ev.date_text = words;
            }
        }
        let d = &mut drafts[i];
        d.ev.date = Some(iso);
        d.ev.precision = Some(Precision::Day);
        d.weak = false;
    }
}

/// A report with no date of its own that continues a dated one ("during
/// the session", "Subsequently, ...", a later sentence about the same raid)
/// takes that date: the latest dated past event of its kind group at most
/// two sentences back, or any dated report of the sentence just before.
/// Plans and aggregate claims neither give nor take; statements only give.
/// A strike takes no date from an attack or a casualty, nor an attack from
/// a strike: the strikes told after an attack most often answer it, another day
/// ("On Sunday, three soldiers were killed in a drone attack. U.S. forces
/// struck more than 85 targets").
/// The sentence a date was given in, its value, precision and words, and
/// the kind of the event it dated.
type DatedAt = (usize, Option<String>, Option<Precision>, Option<String>, EventKind);

/// For each sentence, the first sentence of its paragraph when that
/// paragraph is a timeline's entry, opened by a date and a colon
/// ("December 25: A drone attack on Erbil air base wounds three US troops.
/// US forces respond with strikes on three sites."), else `usize::MAX`.
fn timeline_entries(input: &Input) -> Vec<usize> {
    let mut out = vec![usize::MAX; input.sentences.len()];
    let mut entry = usize::MAX;
    for (i, s) in input.sentences.iter().enumerate() {
        let opens = input.body[..s.start].trim_end_matches([' ', '\t']).ends_with('\n') || s.start == 0;
        if opens {
            // (the dates are in body order)
            let at = input.dates.partition_point(|d| d.start < s.start);
            let dated = input.dates[at..]
                .iter()
                .take_while(|d| d.start == s.start)
                .any(|d| input.body[d.end..].trim_start_matches(' ').starts_with(':'));
            entry = if dated { i } else { usize::MAX };
        }
        out[i] = entry;
    }
    out
}

/// `lc_body` is the body lower-cased ASCII-wise, as `find_events` made it.
fn inherit_dates(input: &Input, lc_body: &str, drafts: &mut [Draft]) {
    if drafts.is_empty() {
        return;
    }
    let entries = timeline_entries(input);
    // a casualty told of strikes ("16 people were killed in the strikes")
    // passes its day on as a strike does
    let as_told = |d: &Draft| {
        if d.ev.kind != EventKind::Casualty {
            return d.ev.kind;
        }
        let s = input.sentences[d.ev.sentence];
        let struck = lc_body[s.start..s.end].split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(w, "strike" | "strikes" | "airstrike" | "airstrikes" | "raid" | "raids" | "bombing" | "bombardment")
        });
        if struck {
            EventKind::Strike
        } else {
            EventKind::Casualty
        }
    };
    // (read once a draft: both the drafts that take a day and those that
    // give one ask it)
    let told: Vec<EventKind> = drafts.iter().map(as_told).collect();
    let same_entry = |a: usize, b: usize| entries.get(a).is_some_and(|&e| e != usize::MAX && Some(&e) == entries.get(b));
    // the latest dated report of each kind group, and of each kind of the
    // violence group (attack, strike, casualty)
    let mut by_group: [Option<DatedAt>; 5] = Default::default();
    let mut violence: [Option<DatedAt>; 3] = Default::default();
    let mut any: Option<DatedAt> = None;
    // (a casualty most often tells of the attack: "three soldiers were
    // killed in a drone attack on Sunday")
    let opposed = |a: EventKind, b: EventKind| {
        matches!((a, b), (EventKind::Attack | EventKind::Casualty, EventKind::Strike) | (EventKind::Strike, EventKind::Attack))
    };
    let slot = |k: EventKind| match k {
        EventKind::Attack => Some(0),
        EventKind::Strike => Some(1),
        EventKind::Casualty => Some(2),
        _ => None,
    };
    let mut i = 0;
    while i < drafts.len() {
        let sentence = drafts[i].ev.sentence;
        let mut j = i;
        while j < drafts.len() && drafts[j].ev.sentence == sentence {
            j += 1;
        }
        for (d, &kind) in drafts[i..j].iter_mut().zip(&told[i..j]) {
            if d.mode != Mode::Past || d.own_date || d.fresh || d.ev.kind == EventKind::Statement {
                continue;
            }
            // (a casualty told of strikes takes a day as a strike does, `kind`:
            // not from the attack the strikes answered)
            let same = match slot(kind) {
                // the latest violence told, unless of a kind it may not take
                // a date from (not an older one past it), or of its
                // timeline entry
                Some(_) => violence.iter().flatten().max_by_key(|l| l.0).filter(|l| !opposed(l.4, kind) || same_entry(l.0, sentence)),
                None => by_group[group(kind) as usize].as_ref(),
            };
            // ("25 fighters were killed in the U.S. strikes", after the
            // attack they answered: "the strikes" are the ones told before)
            let same = same.or_else(|| {
                let s = input.sentences[sentence];
                let definite = kind == EventKind::Strike && THE_STRIKES.on(false).is_match(&lc_body[s.start..s.end]);
                definite.then(|| violence[1].as_ref()).flatten()
            });
            let same = same.filter(|l| sentence - l.0 <= 2);
            let previous = any.as_ref().filter(|l| sentence - l.0 <= 1 && (!opposed(l.4, kind) || same_entry(l.0, sentence)));
            if let Some((_, date, precision, text, _)) = same.or(previous) {
                d.ev.date = date.clone();
                d.ev.precision = *precision;
                d.ev.date_text = text.clone();
            }
        }
        for (d, &kind) in drafts[i..j].iter().zip(&told[i..j]).filter(|(d, _)| d.mode == Mode::Past && d.ev.date_text.is_some() && !d.answered) {
            let dated = (sentence, d.ev.date.clone(), d.ev.precision, d.ev.date_text.clone(), kind);
            by_group[group(d.ev.kind) as usize] = Some(dated.clone());
            if let Some(k) = slot(d.ev.kind) {
                violence[k] = Some(dated.clone());
            }
            if any.as_ref().is_none_or(|a| a.0 != sentence) || d.ev.kind != EventKind::Statement {
                any = Some(dated);
            }
        }
        i = j;
    }
}

static THE_STRIKES: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"\bthe (?:[a-z.-]+ ){0,2}?(?:strikes|airstrikes|air strikes|raids|bombing|bombings)\b"));

/// "He met with X" after "Sudani was in Munich for the conference": a
/// meeting with no place, right after a meeting that names one, happened
/// there; so did "the strikes" after strikes that name one (an indefinite
/// "a blast" is as often another event elsewhere).
///
/// Likewise a report of the same kind group on the same day as an earlier
/// one in the article ("Wednesday's attack is the first since ...") is that
/// event, and happened where it did.
fn inherit_places(drafts: &mut [Draft]) {
    // the latest report placed on each (kind group, day) so far: a lookup,
    // where a search back through every earlier report was quadratic
    let mut placed_days: std::collections::HashMap<(u8, String), usize> = std::collections::HashMap::new();
    for i in 0..drafts.len() {
        if let Some(p) = i.checked_sub(1).map(|j| &drafts[j]) {
            if let (Some(date), Some(Precision::Day), true) = (&p.ev.date, p.ev.precision, p.ev.base.is_some() || p.ev.place.is_some()) {
                placed_days.insert((group(p.ev.kind), date.clone()), i - 1);
            }
        }
        let d = &drafts[i];
        if d.ev.place.is_some() || d.ev.base.is_some() || d.mode == Mode::Aggregate {
            continue;
        }
        let (sentence, g) = (d.ev.sentence, group(d.ev.kind));
        if d.ev.precision == Some(Precision::Day) && d.ev.date.is_some() && (d.own_date || d.definite) {
            // an attack and a strike of one day are two sides' events
            // (the strikes that answered an attack), not one
            let opposed = |a: EventKind, b: EventKind| {
                matches!((a, b), (EventKind::Attack, EventKind::Strike) | (EventKind::Strike, EventKind::Attack))
            };
            let same_day = d
                .ev
                .date
                .clone()
                .and_then(|date| placed_days.get(&(g, date)))
                .map(|&j| &drafts[j])
                .filter(|p| !opposed(p.ev.kind, d.ev.kind));
            if let Some(p) = same_day {
                let (base, place) = (p.ev.base, p.ev.place.clone());
                let e = &mut drafts[i].ev;
                e.base = base;
                e.place = place;
                if let Some(b) = base {
                    if !has(e, b) {
                        e.participants.push(Participant { entity: b, role: Role::Location });
                    }
                }
                continue;
            }
        }
        if (g != group(EventKind::Meeting) && !d.definite) || d.fresh {
            continue;
        }
        let source = drafts[..i]
            .iter()
            .rev()
            .take_while(|p| sentence - p.ev.sentence <= 1)
            .find(|p| p.ev.sentence + 1 == sentence && group(p.ev.kind) == g && p.ev.place.is_some())
            .and_then(|p| p.ev.place.clone());
        if let Some(place) = source {
            drafts[i].ev.place = Some(place);
        }
    }
}

/// A one-line description: kind, main actor, target or base, place, date.
fn summary(ev: &Event, entities: &[Entity]) -> String {
    // the parts are written into the one string, not each formatted apart
    use std::fmt::Write;
    let names = |role: Role| ev.participants.iter().filter(move |p| p.role == role).map(|p| entities[p.entity].name.as_str());
    let actor = names(Role::Actor).next().or_else(|| names(Role::Speaker).next());
    let target = names(Role::Target).next();
    let base = ev.base.map(|b| entities[b].name.as_str());
    let mut s = match (ev.kind, ev.reported_count) {
        (EventKind::Attack | EventKind::Strike, Some(n)) => {
            let q = ev.count_qualifier.as_deref().map(|q| format!("{q} ")).unwrap_or_default();
            format!("{q}{n} {}s", ev.kind.as_str())
        }
        (kind, _) => kind.as_str().to_string(),
    };
    match ev.kind {
        EventKind::Meeting => {
            let who: Vec<&str> = names(Role::Participant).collect();
            if !who.is_empty() {
                let _ = write!(s, " of {}", who.join(", "));
            }
        }
        EventKind::Statement | EventKind::Announcement => {
            if let Some(a) = actor {
                let _ = write!(s, " by {a}");
            }
        }
        EventKind::Withdrawal => {
            if let Some(a) = actor {
                let _ = write!(s, " of {a}");
            }
            if let Some(b) = base {
                let _ = write!(s, " from {b}");
            }
        }
        EventKind::Casualty => {
            // who hurt whom is seldom in a casualty sentence: the toll is the news
            let toll: Vec<String> = [(ev.killed, "killed"), (ev.injured, "injured")]
                .iter()
                .filter_map(|(n, w)| n.map(|n| format!("{n} {w}")))
                .collect();
            if !toll.is_empty() {
                s = format!("casualties: {}", toll.join(", "));
            }
            if let Some(b) = base {
                let _ = write!(s, " at {b}");
            }
        }
        _ => {
            if let Some(t) = target.or(base) {
                let _ = write!(s, " on {t}");
            }
            if let Some(a) = actor {
                let _ = write!(s, " by {a}");
            }
            if let Some(k) = ev.killed.filter(|k| *k > 0) {
                let _ = write!(s, ", {k} killed");
            }
            if let Some(k) = ev.injured.filter(|k| *k > 0) {
                let _ = write!(s, ", {k} injured");
            }
        }
    }
    if ev.base.is_none() || ev.kind == EventKind::Meeting {
        if let Some(p) = &ev.place {
            let _ = write!(s, " in {p}");
        }
    }
    if let Some(p) = &ev.count_period {
        let _ = write!(s, " {p}");
    } else if let Some(d) = ev.date.as_ref().or(ev.date_text.as_ref()) {
        let _ = write!(s, " ({d})");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text;

    #[test]
    fn in_span_finds_what_a_full_filter_finds() {
        // spans sorted by start, some crossing the window's edges, one empty at its end
        let spans = [(0, 3), (2, 5), (5, 5), (5, 9), (6, 8), (8, 10), (10, 10), (10, 12), (11, 11)];
        for (start, end) in [(0, 10), (2, 8), (5, 10), (10, 10), (3, 4), (0, 12), (12, 20)] {
            let fast: Vec<_> = in_span(&spans, start, end, |s| *s).copied().collect();
            let full: Vec<_> = spans.iter().filter(|s| s.0 >= start && s.1 <= end).copied().collect();
            assert_eq!(fast, full, "window {start}..{end}");
        }
    }

    #[test]
    fn clause_start_is_the_end_of_the_last_separator() {
        let heads = [
            "",
            "rockets hit",
            "it fell; then",
            "a, and b, but c",
            "x — y – z, whereas ",
            "as it was, while the; and",
            "ends with a dash —",
            ", and , and",
            "ünïcode; “quoted” – still, and ",
        ];
        for head in heads {
            let want = CLAUSE_SEPARATORS.iter().filter_map(|sep| head.rfind(sep).map(|i| i + sep.len())).max().unwrap_or(0);
            assert_eq!(clause_start(head), want, "{head:?}");
        }
        assert_eq!(clause_start("a, and b, but c"), "a, and b, but ".len());
    }

    #[test]
    fn triggers_found_word_by_word_are_those_a_full_search_finds() {
        let texts = [
            "Rockets struck the base on Monday, killing two, officials said. The talks were held in Baghdad.",
            "It announced the pull-out; the coalition announced that it had withdrawn and handed the base over.",
            "air strike, airstrikes, air raids and drone strikes; the mission would conclude by September.",
            "_attack xattack attack_ 9strikes strikes9 met-with meeting,meetings held two rounds of talks",
            "the end of the coalition's mission, ending its presence; suspended all military operations.",
            "presided over a session; declared, declaring; wind down; cease all work. Said: said",
            "“attack” — ‘strike’ … «raid» a\u{a0}raid s t ieds IEDs ied",
            "",
            "s",
            "st",
        ];
        let lc_all: Vec<String> = texts.iter().map(|t| t.to_ascii_lowercase()).collect();
        for lc in &lc_all {
            let got = STARTS.find_all(lc);
            for t in Trigger::ALL {
                let want: Vec<(usize, usize)> = t.regex().on(true).find_iter(lc).map(|m| (m.start(), m.end())).collect();
                assert_eq!(got[t as usize], want, "{lc}");
            }
        }
        // the prefixes bound every trigger: none is searched in full
        assert_eq!(STARTS.whole, [false; 6]);
    }

    #[test]
    fn triggers_found_by_their_literals_are_those_a_full_search_finds_in_generated_text() {
        // trigger words, their parts and neighbours, and what borders words
        const PIECES: &[&str] = &[
            "strike", "strikes", "air", "air strike", "airstrikes", "attack", "attacked", "drone", "missiles",
            "ballistic ", "destroyed", "destroying", "sites", "weapons", "hand", "handed", "handing", "over", "the",
            "base", "end", "ended", "ending", "mission", "of", "its", "presence", "deployment", "will", "conclude",
            "wind down", "said", "says", "according", "according to", "to", "met", "meeting", "meetings", "round",
            "rounds of talks", "talks", "held", "two", "discussions", "suspend", "suspended", "all", "operations",
            "left", "pull", "pulled out", "pull-out", "withdraw", "withdrawn", "withdrawals", "ieds", "clash",
            "clashes", "death", "deaths", "killed", "cease", "work", "emphasized", "presided over", "u.s.", " ", " ",
            "  ", ",", ".", "-", "_", "'", "’", "\n", "x", "s", "9", "ed", "ing",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..20_000 {
            let len = (next() % 30) as usize;
            let lc: String = crate::extract::test_text(&mut next, PIECES, len);
            let got = STARTS.find_all(&lc);
            for t in Trigger::ALL {
                let want: Vec<(usize, usize)> = t.regex().on(true).find_iter(&lc).map(|m| (m.start(), m.end())).collect();
                assert_eq!(got[t as usize], want, "{lc:?}");
            }
        }
    }

    /// Texts made of the words the date checks look for, the words and
    /// marks around them, and white space of several kinds.
    fn date_context_texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "by", "until", "till", "no later than", "before", "end of", "the end of", "deadline of", "scheduled",
            "planned", "set", "slated", "for", "the", "said", "says", "told", "announced", "disclosing", "reported",
            "added", "according to", "according", "to", "over", "during", "within", "in", "past", "last", "next",
            "coming", "previous", "few", "12", "days", "weeks", "months", "years", "decades", "x", "_", "9", "s",
            " ", " ", "  ", "\t", "\n", "\u{a0}", ",", ";", ".", "-", "’", "(",
        ];
        let mut next = crate::extract::test_rng();
        (0..30_000)
            .map(|_| {
                let len = (next() % 12) as usize;
                crate::extract::test_text(&mut next, PIECES, len)
            })
            .collect()
    }

    #[test]
    fn date_checks_by_hand_agree_with_their_regexes() {
        let hand = [
            "officials said on", "it said, on", "according to the ministry on", "said the army on", "xsaid on",
            "said a b c d e f", "said a b c d e", "by", "standby", "no later than", "planned for", "set  for", "the end of",
        ];
        let generated = date_context_texts();
        for text in hand.iter().map(|t| t.to_string()).chain(generated) {
            assert!(text::plain_words(&text));
            let head = text.trim_end();
            assert_eq!(deadline_before(head, true), DEADLINE_BEFORE.on(true).is_match(head), "{text:?}");
            assert_eq!(deadline_text(&text, true), DEADLINE_TEXT.on(true).is_match(&text), "{text:?}");
            assert_eq!(speech_before(&text, true), SPEECH_BEFORE.on(true).is_match(&text), "{text:?}");
            // the nouns are a condition of the regex, never a cause
            if PERIOD_TEXT.on(true).is_match(&text) {
                assert!(period_noun(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn period_nouns_found_at_each_s_are_those_a_search_finds() {
        const PIECES: &[&str] = &["days", "day", "weeks", "week", "months", "years", "year", "decades", "decade", "s", "ss", " ", "-", "é", "x", "ago"];
        let mut next = crate::extract::test_rng();
        let mut texts: Vec<String> = (0..2000).map(|_| crate::extract::test_text(&mut next, PIECES, 5)).collect();
        texts.extend(["the past three years", "30 days", "decadess", "yearss", "weekday", "mondays", "", "s"].map(String::from));
        let mut held = 0;
        for t in &texts {
            let searched = PERIOD_NOUNS.iter().any(|n| t.contains(n));
            assert_eq!(period_noun(t), searched, "{t:?}");
            held += usize::from(searched);
        }
        assert!(held > 500 && held < texts.len() - 100, "{held}");
    }

    #[test]
    fn a_value_is_after_the_day_when_its_first_day_is() {
        for (v, dct, want) in [
            ("2024", "2023-12-31", true),
            ("2024", "2024-01-01", false),
            ("2024-02", "2024-01-31", true),
            ("2024-02", "2024-02-01", false),
            ("2024-02-02", "2024-02-01", true),
            ("2024-02-01", "2024-02-01", false),
        ] {
            assert_eq!(after_day(v, dct), want, "{v} {dct}");
        }
    }

    #[test]
    fn most_trigger_literals_are_whole_matches() {
        // the regex runs only at a word that opens an inexact literal
        let exact = STARTS.lits.iter().filter(|l| l.exact).count();
        assert!(exact * 2 > STARTS.lits.len(), "{exact} of {}", STARTS.lits.len());
        for t in [Trigger::Casualty, Trigger::Speech] {
            let ps = STARTS.prefixes.iter().filter(|p| p.trigger == t as usize);
            assert!(ps.flat_map(|p| &STARTS.lits[p.lits.0 as usize..p.lits.1 as usize]).all(|l| l.exact));
        }
    }

    #[test]
    fn triggers_found_over_the_body_are_those_of_each_sentence() {
        let body = "Rockets struck the base on Monday, killing two, officials said. The talks were held in Baghdad.\n\
                    Officials said the coalition would end soon. The mission in Iraq continues, it announced.\n\
                    He left the base; drones attacked it.";
        let found = Found::search(body, &body.to_ascii_lowercase()).expect("a plain body");
        let (mut kept, mut crossed) = (0, 0);
        for s in text::sentences(body) {
            let lc = body[s.start..s.end].to_ascii_lowercase();
            for t in Trigger::ALL {
                let alone: Vec<(usize, usize)> = t.regex().on(true).find_iter(&lc).map(|m| (m.start(), m.end())).collect();
                match found.within(t, s.start, s.end) {
                    Some(within) => {
                        assert_eq!(within.collect::<Vec<_>>(), alone, "{}", &body[s.start..s.end]);
                        kept += alone.len();
                    }
                    None => crossed += 1,
                }
            }
        }
        // "would end soon. The mission" is one match of the body across two sentences
        assert_eq!(crossed, 2);
        assert!(kept >= 8, "{kept}");
        let foreign = "Les frappes à Qaïm ont tué deux.";
        assert!(Found::search(foreign, &foreign.to_ascii_lowercase()).is_none());
    }

    /// An article written for the test, with the entities and dates the
    /// earlier stages would hand over.
    struct Article {
        body: String,
        sentences: Vec<Sentence>,
        entities: Vec<Entity>,
        mentions: Vec<Mention>,
        dates: Vec<DateMention>,
        published: Option<jiff::civil::Date>,
    }

    fn article(body: &str, published: Option<&str>) -> Article {
        Article {
            body: body.to_string(),
            sentences: text::sentences(body),
            entities: Vec::new(),
            mentions: Vec::new(),
            dates: Vec::new(),
            published: published.map(|p| p.parse().unwrap()),
        }
    }

    impl Article {
        /// Adds an entity and a mention at every place `surface` occurs.
        fn entity(mut self, name: &str, etype: EntityType, kind: Option<&str>, surfaces: &[&str]) -> Article {
            let idx = self.entities.len();
            self.entities.push(Entity { etype, name: name.to_string(), kind: kind.map(String::from), ..Default::default() });
            for surface in surfaces {
                for (start, _) in self.body.match_indices(surface) {
                    self.mentions.push(Mention { entity: idx, start, end: start + surface.len() });
                }
            }
            self
        }

        /// Adds the date expression `words` (its first occurrence after
        /// `after`) with its resolved value.
        fn date(mut self, words: &str, after: &str, value: Option<&str>, precision: Precision) -> Article {
            let from = self.body.find(after).unwrap();
            let start = from + self.body[from..].find(words).unwrap();
            let end = start + words.len();
            let sentence = self.sentences.iter().position(|s| s.start <= start && end <= s.end).unwrap();
            self.dates.push(DateMention {
                start,
                end,
                value: value.map(String::from),
                precision: value.map(|_| precision),
                sentence,
            });
            self
        }

        fn events(&self) -> Vec<Event> {
            // in body order, as recognition hands them over
            let mut mentions = self.mentions.clone();
            mentions.sort_by_key(|m| m.start);
            find_events(&Input {
                body: &self.body,
                sentences: &self.sentences,
                entities: &self.entities,
                mentions: &mentions,
                dates: &self.dates,
                published: self.published,
            })
        }

        fn sentence_of(&self, ev: &Event) -> &str {
            let s = self.sentences[ev.sentence];
            &self.body[s.start..s.end]
        }
    }

    fn kinds(events: &[Event]) -> Vec<&'static str> {
        events.iter().map(|e| e.kind.as_str()).collect()
    }

    fn role_of(a: &Article, ev: &Event, name: &str) -> Option<Role> {
        ev.participants.iter().find(|p| a.entities[p.entity].name == name).map(|p| p.role)
    }

    #[test]
    fn every_word_regex_compiles_in_both_forms() {
        let all = [
            &PERIOD_TEXT, &DEADLINE_BEFORE, &DEADLINE_TEXT, &SPEECH_BEFORE, &VIOLENCE, &CASUALTY, &MEETING, &ANNOUNCEMENT,
            &WITHDRAWAL, &SPEECH, &STAY_UNTIL, &STATE_ACTOR, &PASSIVE, &ANAPHORIC_DAY, &CAME_AFTER, &DEFINITE_REF,
            &DATED_ACTION, &ANCHOR_SUBJECT, &REMARKS_DURING, &SERIES, &THE_STRIKES,
        ];
        for re in all {
            assert_eq!(re.on(true).captures_len(), re.on(false).captures_len());
        }
    }

    #[test]
    fn a_word_character_outside_ascii_keeps_unicode_boundaries() {
        // "Éattack" is one word for Unicode `\b`: no trigger inside it
        let a = article("Fighters said an Éattack hit the camp in Erbil on Monday, killing three.", Some("2024-02-07"))
            .date("on Monday", "", Some("2024-02-05"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().all(|e| e.kind != EventKind::Attack), "{ev:?}");
    }

    #[test]
    fn a_claimed_attack_on_a_base_has_actor_base_and_date() {
        let a = article(
            "A drone attack targeted Harir Air Base on Tuesday, in an operation claimed by the Islamic Resistance in Iraq.",
            Some("2024-01-25"),
        )
        .entity("Harir Air Base", EntityType::Base, None, &["Harir Air Base"])
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .date("on Tuesday", "", Some("2024-01-23"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].base, Some(0));
        assert_eq!(ev[0].date.as_deref(), Some("2024-01-23"));
        assert_eq!(ev[0].date_text.as_deref(), Some("on Tuesday"));
        assert_eq!(role_of(&a, &ev[0], "Islamic Resistance in Iraq"), Some(Role::Actor));
        assert_eq!(ev[0].summary, "attack on Harir Air Base by Islamic Resistance in Iraq (2024-01-23)");
    }

    #[test]
    fn who_holds_backs_condemns_or_counts_an_event_did_not_do_it() {
        let a = article(
            "Biden ordered strikes on Monday against three sites used by Kataib Hezbollah. \
             A drone strike on Tuesday killed a commander in Baghdad, an attack that drew condemnation from the Iraqi government. \
             The Sudani government's spokesman, Basim al-Awadi, called the strike a violation. \
             Yesterday, SOHR documented an attack by ISIS on a checkpoint.",
            Some("2024-01-05"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("Government of Iraq", EntityType::Organization, Some("government"), &["Iraqi government", "Sudani government"])
        .entity("SOHR", EntityType::Organization, Some("ngo"), &["SOHR"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .date("on Monday", "", Some("2024-01-01"), Precision::Day)
        .date("on Tuesday", "", Some("2024-01-02"), Precision::Day)
        .date("Yesterday", "", Some("2024-01-04"), Precision::Day);
        let ev = a.events();
        let of = |start: &str| ev.iter().find(|e| a.sentence_of(e).starts_with(start) && e.kind != EventKind::Statement).unwrap();
        // the owner of what was struck, not who struck
        assert_eq!(role_of(&a, of("Biden"), "Kataib Hezbollah"), Some(Role::Target));
        // "condemnation from X" after "that drew" is another clause
        assert_eq!(role_of(&a, of("A drone strike"), "Government of Iraq"), None);
        // "the government's spokesman, X, called the strike": not the government's strike
        assert_eq!(role_of(&a, of("The Sudani"), "Government of Iraq"), None);
        assert_eq!(role_of(&a, of("Yesterday"), "SOHR"), None);
        assert_eq!(role_of(&a, of("Yesterday"), "ISIS"), Some(Role::Actor));
    }

    #[test]
    fn a_sentence_dated_only_by_a_span_takes_no_day_from_the_one_before() {
        let a = article(
            "Yesterday, ISIS attacked a checkpoint in Thiban, killing two fighters. \
             Since January, ISIS cells in SDF-held areas have killed 56 people.",
            Some("2023-08-14"),
        )
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .entity("Syrian Democratic Forces", EntityType::Organization, Some("armed_group"), &["SDF"])
        .date("Yesterday", "", Some("2023-08-13"), Precision::Day)
        .date("Since January", "", Some("2023-01"), Precision::Month);
        let ev = a.events();
        let toll = ev.iter().find(|e| e.killed == Some(56)).unwrap();
        assert_eq!(toll.date, None);
        // "SDF-held" says whose areas, not who took part
        assert_eq!(role_of(&a, toll, "Syrian Democratic Forces"), None);
        assert_eq!(role_of(&a, toll, "ISIS"), Some(Role::Actor));
    }

    #[test]
    fn leaving_a_base_is_a_withdrawal_and_coming_back_from_a_raid_is_not() {
        let a = article(
            "Coalition forces will leave Ain al-Asad Air Base. \
             After the raid on Monday, coalition forces withdrew to their base. \
             The coalition will end its mission in federal Iraq by September 2025, and US forces will continue to operate from Erbil until September 2026.",
            Some("2024-09-27"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["Ain al-Asad Air Base"])
        .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["Coalition forces", "coalition forces", "coalition"])
        .date("on Monday", "", Some("2024-09-23"), Precision::Day)
        .date("by September 2025", "", Some("2025-09"), Precision::Month)
        .date("until September 2026", "", Some("2026-09"), Precision::Month);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind == EventKind::Withdrawal).collect();
        let told: Vec<(usize, Option<&str>)> = ev.iter().map(|e| (e.sentence, e.date.as_deref())).collect();
        // a plan to leave a named base is specific without a date
        assert_eq!(told, vec![(0, None), (2, Some("2025-09")), (2, Some("2026-09"))]);
        assert_eq!(ev[0].base, Some(0));
    }

    #[test]
    fn a_subject_set_off_by_an_apposition_acts_and_its_name_is_no_place() {
        let a = article(
            "The Islamic Resistance in Iraq, an umbrella of Iran-backed factions, claimed the attack on the base on Friday.",
            Some("2024-01-05"),
        )
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .date("on Friday", "", Some("2024-01-05"), Precision::Day);
        let ev = a.events();
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).unwrap();
        assert_eq!(role_of(&a, attack, "Islamic Resistance in Iraq"), Some(Role::Actor));
        assert_eq!(attack.place, None);
    }

    #[test]
    fn a_by_phrase_of_another_verb_an_acronym_subject_and_the_killed_as_target() {
        let a = article(
            "The rockets were launched on Wednesday from a truck found near the base by the Iraqi Security Forces. \
             On July 25, U.S. Central Command (CENTCOM) forces conducted a raid in al-Bab, killing senior ISIS leader Dhiya al-Hardani.",
            Some("2025-07-26"),
        )
        .entity("Iraqi Security Forces", EntityType::Organization, Some("military"), &["Iraqi Security Forces"])
        .entity("United States Central Command", EntityType::Organization, Some("military"), &["U.S. Central Command", "CENTCOM"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .entity("Dhiya al-Hardani", EntityType::Person, None, &["Dhiya al-Hardani"])
        .date("on Wednesday", "", Some("2025-07-23"), Precision::Day)
        .date("On July 25", "", Some("2025-07-25"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "strike"]);
        assert_eq!(role_of(&a, &ev[0], "Iraqi Security Forces"), None);
        assert_eq!(role_of(&a, &ev[1], "United States Central Command"), Some(Role::Actor));
        assert_eq!(role_of(&a, &ev[1], "Dhiya al-Hardani"), Some(Role::Target));
    }

    #[test]
    fn the_event_after_a_long_anchor_subject_is_placed_and_counted_in_its_own_clause() {
        let a = article(
            "The attacks on Ain al-Asad Air Base and a base in Irbil came hours after mourners buried Qassem Soleimani, who was killed in a U.S. drone strike in Baghdad on Friday.",
            Some("2020-01-08"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["Ain al-Asad Air Base"])
        .entity("Qasem Soleimani", EntityType::Person, None, &["Qassem Soleimani"])
        .date("on Friday", "", Some("2020-01-03"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(ev[0].base, None);
        assert_eq!(ev[0].place.as_deref(), Some("Baghdad"));
        assert_eq!(ev[0].killed, Some(1));
        assert_eq!(ev[0].date.as_deref(), Some("2020-01-03"));
    }

    #[test]
    fn no_attack_since_a_day_when_one_was_claimed_reports_that_one() {
        let a = article(
            "Militias have not claimed an attack on US forces since February 4, when the Islamic Resistance in Iraq claimed a drone attack on Rumalyn Landing Zone.",
            Some("2024-02-05"),
        )
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .entity("Rumalyn Landing Zone", EntityType::Base, None, &["Rumalyn Landing Zone"])
        .date("since February 4", "", Some("2024-02-04"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].date.as_deref(), Some("2024-02-04"));
        assert_eq!(role_of(&a, &ev[0], "Islamic Resistance in Iraq"), Some(Role::Actor));
    }

    #[test]
    fn us_aircraft_strike_what_a_militia_uses() {
        let a = article("Late Thursday, U.S. aircraft struck five weapons storage facilities used by Kataib Hezbollah.", Some("2020-03-13"))
            .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
            .date("Late Thursday", "", Some("2020-03-12"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(role_of(&a, &ev[0], "Kataib Hezbollah"), Some(Role::Target));
    }

    #[test]
    fn a_guest_named_after_the_office_and_a_host_named_after_the_title_meet() {
        let a = article(
            "Prime Minister Mohammed Shia al-Sudani received on Monday the US Chargé d'Affaires in Baghdad, Daniel Rubinstein, and discussed the transition. \
             The ministry's chief of staff, Lt. Gen. Issa Ozer, met with a delegation led by Maj. Gen. Kevin Leahy on Tuesday.",
            Some("2025-03-12"),
        )
        .entity("Mohammed Shia al-Sudani", EntityType::Person, None, &["Mohammed Shia al-Sudani"])
        .entity("Daniel Rubinstein", EntityType::Person, None, &["Daniel Rubinstein"])
        .entity("Issa Ozer", EntityType::Person, None, &["Issa Ozer"])
        .entity("Kevin Leahy", EntityType::Person, None, &["Kevin Leahy"])
        .date("on Monday", "", Some("2025-03-10"), Precision::Day)
        .date("on Tuesday", "", Some("2025-03-11"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting", "meeting"]);
        assert_eq!(role_of(&a, &ev[0], "Daniel Rubinstein"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[1], "Issa Ozer"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[1], "Kevin Leahy"), Some(Role::Participant));
    }

    #[test]
    fn the_listed_dead_are_counted_by_name_not_by_age() {
        let a = article(
            "Sgt. William Rivers, 46, of Carrollton, Georgia; Spc. Kennedy Sanders, 24, of Waycross, Georgia; and Spc. Breonna Moffett, 23, of Savannah, Georgia, died Jan. 28 when a drone struck Tower 22.",
            Some("2024-01-30"),
        )
        .entity("William Rivers", EntityType::Person, None, &["William Rivers"])
        .entity("Kennedy Sanders", EntityType::Person, None, &["Kennedy Sanders"])
        .entity("Breonna Moffett", EntityType::Person, None, &["Breonna Moffett"])
        .entity("Tower 22", EntityType::Base, None, &["Tower 22"])
        .date("Jan. 28", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].killed, Some(3));
    }

    #[test]
    fn a_timeline_in_the_present_reports_last_years_days() {
        let a = article(
            "October 17: Drones target Ain al-Asad Air Base in western Iraq.\n\
             November 21: US strikes kill eight fighters in Iraq after a missile attack on Ain al-Asad Air Base.\n\
             Talks are scheduled for November 30.",
            Some("2024-02-03"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["Ain al-Asad Air Base"])
        .date("October 17", "", Some("2024-10-17"), Precision::Day)
        .date("November 21", "", Some("2024-11-21"), Precision::Day)
        .date("November 30", "", Some("2024-11-30"), Precision::Day);
        let ev = a.events();
        type Told<'e> = (&'e str, Option<&'e str>, Option<i64>, Option<usize>);
        let told: Vec<Told> = ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref(), e.killed, e.base)).collect();
        // (a plan keeps the year ahead)
        assert_eq!(
            told,
            vec![
                ("attack", Some("2023-10-17"), None, Some(0)),
                ("strike", Some("2023-11-21"), Some(8), None),
                ("meeting", Some("2024-11-30"), None, None)
            ]
        );
        assert_eq!(ev[1].place.as_deref(), Some("Iraq"));
    }

    #[test]
    fn who_says_it_did_it_did_it_and_whose_fighters_were_struck_was_the_target() {
        let a = article(
            "The Islamic Resistance in Iraq said it launched two drones at Shaddadi base on Wednesday. \
             On Tuesday, US warplanes struck a vehicle and a number of Kataib Hezbollah fighters, killing eight people. \
             The Pentagon said it was attacked by militias on Monday.",
            Some("2023-11-23"),
        )
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .entity("Shaddadi base", EntityType::Base, None, &["Shaddadi base"])
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("United States Department of Defense", EntityType::Organization, Some("government"), &["Pentagon"])
        .date("on Wednesday", "", Some("2023-11-22"), Precision::Day)
        .date("On Tuesday", "", Some("2023-11-21"), Precision::Day)
        .date("on Monday", "", Some("2023-11-20"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert_eq!(kinds(&ev), vec!["attack", "strike", "attack"]);
        assert_eq!(role_of(&a, &ev[0], "Islamic Resistance in Iraq"), Some(Role::Actor));
        assert_eq!(role_of(&a, &ev[1], "Kataib Hezbollah"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[2], "United States Department of Defense"), Some(Role::Target));
    }

    #[test]
    fn a_presence_kept_until_a_date_a_base_taken_over_and_a_withdrawal_completed_are_withdrawals() {
        let a = article(
            "The coalition would keep a presence at Erbil Air Base until the end of September 2026. \
             Iraqi forces had taken over \"full control\" of Victory Base on Wednesday. \
             Coalition forces will remain in Erbil after they complete their withdrawal from federal Iraq next month.",
            Some("2025-08-21"),
        )
        .entity("Erbil Air Base", EntityType::Base, None, &["Erbil Air Base"])
        .entity("Camp Victory", EntityType::Base, None, &["Victory Base"])
        .date("until the end of September 2026", "", Some("2026-09"), Precision::Month)
        .date("on Wednesday", "", Some("2025-08-20"), Precision::Day)
        .date("next month", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        let told: Vec<(&str, Option<&str>, Option<usize>)> = ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref(), e.base)).collect();
        assert_eq!(
            told,
            vec![("withdrawal", Some("2026-09"), Some(0)), ("withdrawal", Some("2025-08-20"), Some(1)), ("withdrawal", Some("2025-09"), None)]
        );
    }

    #[test]
    fn a_teller_named_elsewhere_takes_part_and_every_meeting_word_brings_its_parties() {
        let a = article(
            "Two members of the Popular Mobilization Forces were killed when a drone struck their vehicle on Monday, a PMF official said. \
             Defense Minister Thabet al-Abbasi visited the command in Baghdad on Wednesday and met with its commander, Lt. Gen. Qais al-Muhammadawi.",
            Some("2024-07-19"),
        )
        .entity("Popular Mobilization Forces", EntityType::Organization, Some("armed_group"), &["Popular Mobilization Forces", "PMF"])
        .entity("Thabit al-Abbasi", EntityType::Person, None, &["Thabet al-Abbasi"])
        .entity("Qais al-Muhammadawi", EntityType::Person, None, &["Qais al-Muhammadawi"])
        .date("on Monday", "", Some("2024-07-15"), Precision::Day)
        .date("on Wednesday", "", Some("2024-07-17"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert_eq!(kinds(&ev), vec!["casualty", "meeting"]);
        assert_eq!(role_of(&a, &ev[0], "Popular Mobilization Forces"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[1], "Thabit al-Abbasi"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[1], "Qais al-Muhammadawi"), Some(Role::Participant));
    }

    #[test]
    fn two_deadlines_in_two_clauses_are_two_withdrawals_and_background_means_no_event() {
        let a = article(
            "The coalition fighting ISIS will wind down its operations by September 2025, and in the Kurdistan region by September 2026. \
             ISIS seized large parts of Iraq in 2014 before being driven back by Iraqi forces and coalition airstrikes.",
            Some("2024-09-28"),
        )
        .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["coalition"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .date("by September 2025", "", Some("2025-09"), Precision::Month)
        .date("by September 2026", "", Some("2026-09"), Precision::Month)
        .date("in 2014", "", Some("2014"), Precision::Year);
        let ev = a.events();
        let told: Vec<(&str, Option<&str>)> = ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref())).collect();
        assert_eq!(told, vec![("withdrawal", Some("2025-09")), ("withdrawal", Some("2026-09"))]);
        // ISIS, the object of "fighting", is not who withdraws
        assert_eq!(role_of(&a, &ev[0], "ISIS"), None);
        assert_eq!(role_of(&a, &ev[0], "Global Coalition"), Some(Role::Actor));
    }

    #[test]
    fn leaving_a_base_takes_no_date_from_the_clause_of_staying_elsewhere() {
        let a = article(
            "Coalition forces will leave Ain al-Asad Air Base, and will move to Erbil, where they will remain until September 2026.",
            Some("2024-09-28"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["Ain al-Asad Air Base"])
        .date("until September 2026", "", Some("2026-09"), Precision::Month);
        let ev = a.events();
        let told: Vec<(Option<usize>, Option<&str>, Option<&str>)> =
            ev.iter().map(|e| (e.base, e.place.as_deref(), e.date.as_deref())).collect();
        assert_eq!(told, vec![(Some(0), None, None), (None, Some("Erbil"), Some("2026-09"))]);
    }

    #[test]
    fn two_meetings_in_two_clauses_with_subjects_of_their_own_are_two_events() {
        let a = article(
            "Foreign Minister Fuad Hussein met with Antony Blinken in Washington last month, \
             and Defense Minister Thabet al-Abbasi held talks with Lloyd Austin in August.",
            Some("2024-09-28"),
        )
        .entity("Fuad Hussein", EntityType::Person, None, &["Fuad Hussein"])
        .entity("Antony Blinken", EntityType::Person, None, &["Antony Blinken"])
        .entity("Thabit al-Abbasi", EntityType::Person, None, &["Thabet al-Abbasi"])
        .entity("Lloyd Austin", EntityType::Person, None, &["Lloyd Austin"])
        .date("last month", "", Some("2024-08"), Precision::Month)
        .date("in August", "", Some("2024-08"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting", "meeting"]);
        let parties = |e: &Event| e.participants.iter().map(|p| a.entities[p.entity].name.as_str()).collect::<Vec<_>>();
        assert_eq!(parties(&ev[0]), vec!["Fuad Hussein", "Antony Blinken"]);
        assert_eq!(parties(&ev[1]), vec!["Thabit al-Abbasi", "Lloyd Austin"]);
        assert_eq!((ev[0].date_text.as_deref(), ev[1].date_text.as_deref()), (Some("last month"), Some("in August")));
    }

    #[test]
    fn a_trend_of_attacks_and_a_count_over_a_span_of_months_are_one_undated_claim() {
        let a = article(
            "Rocket and drone attacks on US forces in Iraq and Syria have largely subsided since February, \
             after more than 170 such attacks between October and early February.",
            Some("2024-09-28"),
        )
        .entity("US forces", EntityType::Organization, Some("military"), &["US forces"])
        .date("since February", "", Some("2024-02"), Precision::Month)
        .date("between October", "", Some("2023-10"), Precision::Month)
        .date("early February", "and ", Some("2024-02"), Precision::Month);
        let ev = a.events();
        let told: Vec<(&str, Option<&str>, Option<i64>)> = ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref(), e.reported_count)).collect();
        assert_eq!(told, vec![("attack", None, Some(170))]);
    }

    #[test]
    fn attacks_someone_is_held_responsible_for_are_no_report() {
        let a = article(
            "On Sunday, a drone attack hit Tower 22 in Jordan. \
             The President has directed additional actions to hold the militias responsible for their attacks on Coalition forces.",
            Some("2024-02-02"),
        )
        .entity("Coalition", EntityType::Organization, Some("coalition"), &["Coalition"])
        .date("On Sunday", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.iter().map(|e| e.sentence).collect::<Vec<_>>(), vec![0], "{ev:?}");
    }

    #[test]
    fn the_count_before_a_list_of_names_in_dashes_or_brackets_counts_the_dead() {
        let a = article(
            "On Sunday, three U.S. Army Reserve soldiers — Sgt. William Jerome Rivers, Spc. Kennedy Ladon Sanders, \
             and Spc. Breonna Alexsondria Moffett — were killed in a drone attack on Tower 22. \
             On Monday, two contractors (an American and a Briton) were wounded in a rocket attack on Ain al-Asad.",
            Some("2024-02-02"),
        )
        .date("On Sunday", "", Some("2024-01-28"), Precision::Day)
        .date("On Monday", "", Some("2024-01-29"), Precision::Day);
        let ev = a.events();
        let told: Vec<(usize, Option<i64>, Option<i64>)> = ev.iter().map(|e| (e.sentence, e.killed, e.injured)).collect();
        assert_eq!(told, vec![(0, Some(3), None), (1, None, Some(2))]);
    }

    #[test]
    fn a_strike_takes_no_date_from_the_attack_told_before_it() {
        let a = article(
            "On Sunday, three soldiers were killed in a drone attack on Tower 22 in Jordan. \
             U.S. Central Command forces struck more than 85 targets in Iraq and Syria. \
             The attack on Tower 22 wounded more than 40 others.",
            Some("2024-02-03"),
        )
        .entity("Tower 22", EntityType::Base, None, &["Tower 22"])
        .date("On Sunday", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        let told: Vec<(usize, &str, Option<&str>)> = ev.iter().map(|e| (e.sentence, e.kind.as_str(), e.date.as_deref())).collect();
        assert_eq!(told, vec![(0, "casualty", Some("2024-01-28")), (1, "strike", None), (2, "attack", Some("2024-01-28"))]);
    }

    #[test]
    fn a_state_named_in_another_clause_does_not_make_an_attack_a_strike() {
        let a = article(
            "Kataib Hezbollah announced on Tuesday the suspension of its operations against US forces, \
             days after a drone attack killed three American soldiers in Jordan.",
            Some("2024-01-31"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US forces"])
        .date("on Tuesday", "", Some("2024-01-30"), Precision::Day);
        let ev = a.events();
        let violent: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).filter(|k| matches!(*k, "attack" | "strike")).collect();
        assert_eq!(violent, vec!["attack"]);
    }

    #[test]
    fn the_wounded_evacuated_for_treatment_are_no_withdrawal() {
        let a = article(
            "Five U.S. service members were injured Monday when two rockets struck al-Asad Air Base. \
             One of the service members was seriously injured and was evacuated from the base for further treatment. \
             The embassy was evacuated on Tuesday.",
            Some("2024-08-06"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["al-Asad Air Base"])
        .date("Monday", "", Some("2024-08-05"), Precision::Day)
        .date("on Tuesday", "", Some("2024-08-06"), Precision::Day);
        let ev = a.events();
        let withdrawn: Vec<usize> = ev.iter().filter(|e| e.kind == EventKind::Withdrawal).map(|e| e.sentence).collect();
        assert_eq!(withdrawn, vec![2]);
    }

    #[test]
    fn a_drone_shot_down_is_an_attack_on_who_downed_it() {
        let a = article(
            "U.S. forces in Syria shot down an attack drone near the Green Village base on Sunday. \
             Two drones were shot down by coalition forces near Erbil on Monday.",
            Some("2024-08-06"),
        )
        .entity("U.S. forces", EntityType::Organization, Some("military"), &["U.S. forces"])
        .entity("coalition", EntityType::Organization, Some("coalition"), &["coalition forces"])
        .entity("Green Village", EntityType::Base, None, &["Green Village"])
        .date("on Sunday", "", Some("2024-08-04"), Precision::Day)
        .date("on Monday", "", Some("2024-08-05"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "attack"]);
        assert_eq!(role_of(&a, &ev[0], "U.S. forces"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[1], "coalition"), Some(Role::Target));
    }

    #[test]
    fn a_reply_is_not_placed_at_the_base_it_answers_nor_counted_by_its_name() {
        let a = article(
            "US jets struck militia sites in Syria on Friday in retaliation for the attack on Tower 22. \
             US forces retaliated for the attack on Tower 22 on Saturday with more strikes.",
            Some("2024-08-06"),
        )
        .entity("Tower 22", EntityType::Base, None, &["Tower 22"])
        .date("on Friday", "", Some("2024-08-02"), Precision::Day)
        .date("on Saturday", "", Some("2024-08-03"), Precision::Day);
        let ev = a.events();
        assert_eq!((ev[0].sentence, ev[0].kind.as_str(), ev[0].base, ev[0].place.as_deref()), (0, "strike", None, Some("Syria")));
        assert!(ev.iter().all(|e| e.reported_count.is_none()), "{ev:?}");
    }

    #[test]
    fn a_withdrawal_planned_for_the_coming_months_is_told_with_those_words() {
        let a = article("The U.S. military will reduce its forces in Syria to fewer than 1,000 troops in the coming months.", Some("2025-04-18"));
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].date_text.as_deref()), (None, Some("in the coming months")));
        let a = article("Coalition forces will remain in the Kurdistan Region after they complete their withdrawal from federal Iraq next month.", Some("2025-08-01"))
            .date("next month", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(ev[0].place.as_deref(), Some("Iraq"));
        let a = article("The coalition will end its mission in Iraq within a year.", Some("2024-09-30"));
        let ev = a.events();
        assert_eq!((kinds(&ev), ev[0].date_text.as_deref()), (vec!["withdrawal"], Some("within a year")));
    }

    #[test]
    fn a_visit_made_and_a_round_of_strategic_dialogue_are_meetings() {
        let a = article(
            "US Defense Secretary Lloyd Austin made an unannounced visit to Baghdad on Tuesday, where he met with Mohammed Shia al-Sudani. \
             A new round of strategic dialogue with Washington took place last week.",
            Some("2023-03-09"),
        )
        .entity("Lloyd Austin", EntityType::Person, None, &["Lloyd Austin"])
        .entity("Mohammed Shia al-Sudani", EntityType::Person, None, &["Mohammed Shia al-Sudani"])
        .date("on Tuesday", "", Some("2023-03-07"), Precision::Day)
        .date("last week", "", Some("2023-02-27"), Precision::Week);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting", "meeting"]);
        assert_eq!(role_of(&a, &ev[0], "Lloyd Austin"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[0], "Mohammed Shia al-Sudani"), Some(Role::Participant));
        assert_eq!((ev[0].place.as_deref(), ev[1].date.as_deref()), (Some("Baghdad"), Some("2023-02-27")));
    }

    #[test]
    fn attacks_on_two_bases_joined_by_and_are_one_event_a_base() {
        let a = article(
            "On Saturday, the Islamic Resistance in Iraq claimed two drone attacks on Ain al-Asad air base in western Anbar and on Harir air base in Erbil. \
             A drone hit Ain al-Asad air base on Sunday and killed a contractor, while Harir air base was calm.",
            Some("2023-11-06"),
        )
        .entity("Ain al-Asad", EntityType::Base, None, &["Ain al-Asad air base"])
        .entity("Harir", EntityType::Base, None, &["Harir air base"])
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .date("On Saturday", "", Some("2023-11-04"), Precision::Day)
        .date("on Sunday", "", Some("2023-11-05"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind == EventKind::Attack).collect();
        let told: Vec<(usize, Option<usize>, Option<i64>)> = ev.iter().map(|e| (e.sentence, e.base, e.killed)).collect();
        assert_eq!(told, vec![(0, Some(0), None), (0, Some(1), None), (1, Some(0), Some(1))]);
        assert_eq!(role_of(&a, &ev[1], "Islamic Resistance in Iraq"), Some(Role::Actor));
        assert_eq!(role_of(&a, &ev[1], "Harir"), Some(Role::Location));
    }

    #[test]
    fn the_officer_named_after_his_service_speaks_for_it() {
        let a = article("\"CENTCOM will continue to pursue terrorists,\" said U.S. Army Gen. Michael Erik Kurilla, CENTCOM commander.", Some("2025-02-23"))
            .entity("United States Army", EntityType::Organization, Some("military"), &["U.S. Army"])
            .entity("Michael Kurilla", EntityType::Person, None, &["Michael Erik Kurilla"]);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["statement"]);
        assert_eq!(role_of(&a, &ev[0], "Michael Kurilla"), Some(Role::Speaker));
    }

    #[test]
    fn bases_that_close_are_withdrawals_and_shops_near_a_base_are_not() {
        let a = article(
            "Three of the eight small bases in northeastern Syria are expected to close, including Mission Support Site Green Village, officials said. \
             The coalition closed its base at Qayyarah on Sunday. \
             Shops near the base closed early on Monday.",
            Some("2025-04-18"),
        )
        .entity("Green Village", EntityType::Base, None, &["Mission Support Site Green Village"])
        .date("on Sunday", "", Some("2025-04-13"), Precision::Day)
        .date("early on Monday", "", Some("2025-04-14"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind == EventKind::Withdrawal).collect();
        let told: Vec<(usize, Option<usize>, Option<&str>)> = ev.iter().map(|e| (e.sentence, e.base, e.date.as_deref())).collect();
        assert_eq!(told, vec![(0, Some(0), None), (1, None, Some("2025-04-13"))]);
    }

    #[test]
    fn a_date_after_the_fall_of_a_government_dates_the_fall() {
        let a = article(
            "The drawdown reflects changes in Syria after the fall of Bashar Assad's government in December.",
            Some("2025-04-18"),
        )
        .date("in December", "", Some("2024-12"), Precision::Month);
        let ev = a.events();
        assert!(ev.iter().all(|e| e.date.is_none()), "{ev:?}");
    }

    #[test]
    fn a_name_before_a_long_apposition_speaks() {
        let a = article(
            "Michael Knights, a senior fellow at the Washington Institute for Near East Policy who tracks the groups, said the factions had halted attacks.",
            Some("2024-10-02"),
        )
        .entity("Michael Knights", EntityType::Person, None, &["Michael Knights"])
        .entity("Washington Institute for Near East Policy", EntityType::Organization, Some("other"), &["Washington Institute for Near East Policy"]);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["statement"]);
        assert_eq!(role_of(&a, &ev[0], "Michael Knights"), Some(Role::Speaker));
        let a = article("Sajad Jiyad said the deal gives Sudani a win ahead of elections next year.", Some("2024-10-02"))
            .entity("Sajad Jiyad", EntityType::Person, None, &["Sajad Jiyad"])
            .date("next year", "", Some("2025"), Precision::Year);
        let ev = a.events();
        assert_eq!((kinds(&ev), ev[0].date_text.as_deref()), (vec!["statement"], None));
    }

    #[test]
    fn the_named_dead_after_a_title_are_counted_and_all_are_targets() {
        let a = article(
            "That strike was Iran's response to the Jan. 3 U.S. drone strike near Baghdad's airport that killed Iranian Gen. Qassem Soleimani and Abu Mahdi al-Muhandis. \
             The Jan. 3 U.S. drone strike near Baghdad's airport killed Iranian Gen. Qassem Soleimani and Abu Mahdi al-Muhandis.",
            Some("2020-03-12"),
        )
        .entity("Qasem Soleimani", EntityType::Person, None, &["Qassem Soleimani"])
        .entity("Abu Mahdi al-Muhandis", EntityType::Person, None, &["Abu Mahdi al-Muhandis"])
        .date("Jan. 3", "", Some("2020-01-03"), Precision::Day)
        .date("Jan. 3", "The Jan", Some("2020-01-03"), Precision::Day);
        let ev = a.events();
        let told: Vec<(usize, Option<&str>, Option<i64>)> = ev.iter().map(|e| (e.sentence, e.date.as_deref(), e.killed)).collect();
        assert_eq!(told, vec![(0, Some("2020-01-03"), Some(2)), (1, Some("2020-01-03"), Some(2))]);
        for e in &ev {
            assert_eq!(role_of(&a, e, "Qasem Soleimani"), Some(Role::Target));
            assert_eq!(role_of(&a, e, "Abu Mahdi al-Muhandis"), Some(Role::Target));
        }
    }

    #[test]
    fn a_day_taken_from_the_event_pointed_back_to_comes_with_its_words() {
        let a = article(
            "Rockets slammed into Camp Taji on Wednesday, killing three soldiers. \
             Another 12 coalition personnel were wounded in the attack on Camp Taji, the coalition said in a statement Thursday.",
            Some("2020-03-12"),
        )
        .entity("Camp Taji", EntityType::Base, None, &["Camp Taji"])
        .date("on Wednesday", "", Some("2020-03-11"), Precision::Day)
        .date("Thursday", "statement", Some("2020-03-12"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        let told: Vec<(usize, Option<&str>, Option<&str>)> = ev.iter().map(|e| (e.sentence, e.date.as_deref(), e.date_text.as_deref())).collect();
        assert_eq!(told, vec![(0, Some("2020-03-11"), Some("on Wednesday")), (1, Some("2020-03-11"), Some("on Wednesday"))]);
    }

    #[test]
    fn a_body_to_end_a_mission_and_attacks_judged_are_no_events() {
        let a = article(
            "Sudani received Michael Kurilla on Saturday. \
             The meeting discussed the security situation in the region and the work of the bilateral military committee to end the mission of the coalition. \
             Sudani noted that the attacks on Iraqi sovereignty are unacceptable. \
             The two sides agreed to end the mission of the coalition by September 2025.",
            Some("2024-01-28"),
        )
        .entity("Mohammed Shia al-Sudani", EntityType::Person, None, &["Sudani"])
        .entity("Michael Kurilla", EntityType::Person, None, &["Michael Kurilla"])
        .date("on Saturday", "", Some("2024-01-27"), Precision::Day)
        .date("by September 2025", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        let told: Vec<(usize, &str)> = ev.iter().map(|e| (e.sentence, e.kind.as_str())).filter(|t| t.1 != "statement").collect();
        assert_eq!(told, vec![(0, "meeting"), (3, "withdrawal")]);
        // (and the body still meets)
        let a = article("The committee to end the mission of the coalition met in Baghdad on Monday.", Some("2024-09-28"))
            .date("on Monday", "", Some("2024-09-23"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["meeting"]);
    }

    #[test]
    fn whose_position_a_strike_hit_is_its_target() {
        let a = article(
            "On Tuesday, Turkish drones struck a position of the SDF near the Tishreen Dam, killing two fighters, the SDF said. \
             US jets struck positions of Kataib Hezbollah in al-Qaim on Wednesday.",
            Some("2025-03-20"),
        )
        .entity("SDF", EntityType::Organization, Some("armed_group"), &["SDF"])
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .date("On Tuesday", "", Some("2025-03-18"), Precision::Day)
        .date("on Wednesday", "", Some("2025-03-19"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert_eq!(role_of(&a, &ev[0], "SDF"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[1], "Kataib Hezbollah"), Some(Role::Target));
    }

    #[test]
    fn a_timeline_entry_dates_all_it_tells_and_no_older_strike_dates_a_reply() {
        let a = article(
            "November 21: US strikes kill eight Kataib Hezbollah fighters in Iraq.\n\
             December 25: A drone attack on Erbil air base wounds three US troops. US forces respond with strikes on three sites.\n\
             The Iraqi government said 16 people were killed in the strikes in al-Qaim on Friday. A spokesman called the strikes a violation in al-Qaim.\n",
            Some("2024-01-10"),
        )
        .entity("Erbil Air Base", EntityType::Base, None, &["Erbil air base"])
        .date("November 21", "", Some("2023-11-21"), Precision::Day)
        .date("December 25", "", Some("2023-12-25"), Precision::Day)
        .date("on Friday", "", Some("2024-01-05"), Precision::Day);
        let ev = a.events();
        let told: Vec<(usize, &str, Option<&str>)> = ev.iter().map(|e| (e.sentence, e.kind.as_str(), e.date.as_deref())).collect();
        assert_eq!(
            told,
            vec![
                (0, "strike", Some("2023-11-21")),
                (1, "attack", Some("2023-12-25")),
                (2, "strike", Some("2023-12-25")),
                (3, "casualty", Some("2024-01-05")),
                (4, "strike", Some("2024-01-05")),
            ]
        );
    }

    #[test]
    fn the_person_a_long_apposition_follows_speaks_and_leaving_parliament_is_politics() {
        let a = article(
            "Hussein Mones, head of the Huquq movement, which is seen as Kataib Hezbollah's political wing, told reporters that the bill had support. \
             The Sadrist movement, which withdrew from parliament in 2022, has called for the closure of the embassy.",
            Some("2024-01-12"),
        )
        .entity("Hussein Mones", EntityType::Person, None, &["Hussein Mones"])
        .entity("Huquq Movement", EntityType::Organization, Some("party"), &["Huquq movement"])
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .date("in 2022", "", Some("2022"), Precision::Year);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["statement"]);
        assert_eq!(role_of(&a, &ev[0], "Hussein Mones"), Some(Role::Speaker));
    }

    #[test]
    fn who_says_late_monday_they_fired_did_it() {
        let a = article(
            "Iran's Revolutionary Guards said late Monday they had fired ballistic missiles at a headquarters in Erbil.",
            Some("2024-01-16"),
        )
        .entity("Islamic Revolutionary Guard Corps", EntityType::Organization, Some("military"), &["Iran's Revolutionary Guards"])
        .date("late Monday", "", Some("2024-01-15"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert_eq!(role_of(&a, &ev[0], "Islamic Revolutionary Guard Corps"), Some(Role::Actor));
    }

    #[test]
    fn whom_a_strike_killed_is_its_target() {
        let a = article(
            "The pressure grew after a US drone strike in eastern Baghdad killed Kataib Hezbollah commander Abu Baqir al-Saadi in February.",
            Some("2024-09-28"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("Abu Baqir al-Saadi", EntityType::Person, None, &["Abu Baqir al-Saadi"])
        .date("in February", "", Some("2024-02"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(role_of(&a, &ev[0], "Kataib Hezbollah"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[0], "Abu Baqir al-Saadi"), Some(Role::Target));
    }

    #[test]
    fn the_name_a_participle_follows_is_the_subject_past_its_object_and_article() {
        let a = article(
            "The US-led military coalition fighting the Islamic State will wind down its mission in Iraq by September 2025.",
            Some("2024-09-28"),
        )
        .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["US-led military coalition"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["Islamic State"])
        .date("by September 2025", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(role_of(&a, &ev[0], "ISIS"), None);
        assert_eq!(role_of(&a, &ev[0], "Global Coalition"), Some(Role::Actor));
    }

    #[test]
    fn a_pronoun_or_plain_noun_speaks_for_no_name_and_a_week_earlier_is_seven_days() {
        let a = article(
            "A US drone strike in Baghdad on 7 February killed a commander. \
             A week earlier, Kataib Hezbollah had announced the suspension of its operations. \
             The strikes targeted facilities used by Kataib Hezbollah and affiliated groups, he added. \
             The factions halted their attacks on US forces, commanders told reporters. \
             The group said on 10 February its attacks go on until all foreign troops leave Iraq. \
             Attacks continued until US troops left Iraq in 2011.",
            Some("2024-02-12"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US forces"])
        .date("on 7 February", "", Some("2024-02-07"), Precision::Day)
        .date("on 10 February", "", Some("2024-02-10"), Precision::Day)
        .date("in 2011", "", Some("2011"), Precision::Year);
        let ev = a.events();
        let announced = ev.iter().find(|e| e.kind == EventKind::Announcement).unwrap();
        assert_eq!(announced.date.as_deref(), Some("2024-01-31"));
        // (only Kataib Hezbollah's own announcement is a statement)
        let said: Vec<usize> = ev.iter().filter(|e| e.kind == EventKind::Statement).map(|e| e.sentence).collect();
        assert_eq!(said, vec![1]);
        // a condition is no withdrawal; a past one is
        let withdrawn: Vec<usize> = ev.iter().filter(|e| e.kind == EventKind::Withdrawal).map(|e| e.sentence).collect();
        assert_eq!(withdrawn, vec![5]);
    }

    #[test]
    fn a_force_backed_by_another_acts_in_the_countryside_it_names() {
        let a = article(
            "The Syrian Democratic Forces (SDF), backed by the US-led coalition, launched a joint operation on Monday against ISIS cells in the eastern countryside of Deir ez-Zor.",
            Some("2025-04-15"),
        )
        .entity("Syrian Democratic Forces", EntityType::Organization, Some("armed_group"), &["Syrian Democratic Forces", "SDF"])
        .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["US-led coalition"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .date("on Monday", "", Some("2025-04-14"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(role_of(&a, &ev[0], "Syrian Democratic Forces"), Some(Role::Actor));
        assert_eq!(ev[0].place.as_deref(), Some("Deir ez-Zor"));
    }

    #[test]
    fn the_killed_commander_s_group_is_the_target_and_seized_rockets_are_no_attack() {
        let a = article(
            "The US military said on Wednesday it had killed a Kataib Hezbollah commander responsible for directing attacks on the coalition. \
             A blast at the base on Friday killed one member of the Popular Mobilization Forces. \
             Rockets slammed into the Green Zone late Sunday. \
             Iraqi forces found a launcher with 12 rockets ready to fire on Monday.",
            Some("2024-02-13"),
        )
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US military", "US forces"])
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("Popular Mobilization Forces", EntityType::Organization, Some("armed_group"), &["Popular Mobilization Forces"])
        .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["coalition"])
        .date("on Wednesday", "", Some("2024-02-07"), Precision::Day)
        .date("on Friday", "", Some("2024-02-09"), Precision::Day)
        .date("late Sunday", "", Some("2024-02-11"), Precision::Day)
        .date("on Monday", "", Some("2024-02-12"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        let sentences: Vec<usize> = ev.iter().map(|e| e.sentence).collect();
        assert_eq!(sentences, vec![0, 1, 2]);
        assert_eq!(role_of(&a, &ev[0], "United States Armed Forces"), Some(Role::Actor));
        assert_eq!(role_of(&a, &ev[0], "Kataib Hezbollah"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[0], "Global Coalition"), None);
        assert_eq!(role_of(&a, &ev[1], "Popular Mobilization Forces"), Some(Role::Target));
    }

    #[test]
    fn a_delegation_received_in_an_office_meets_and_a_timetable_discussed_withdraws_no_one() {
        let a = article(
            "Mohammed Shia al-Sudani received in his office in Baghdad on Sunday a delegation headed by Senator Chris Murphy. \
             Qasim al-Araji discussed with the coalition commander, Maj. Gen. Kevin Leahy, the timetable for the withdrawal during a meeting in Baghdad on Monday. \
             The two sides agreed on a timetable for the withdrawal of coalition forces by September 2025.",
            Some("2025-03-12"),
        )
        .entity("Mohammed Shia al-Sudani", EntityType::Person, None, &["Mohammed Shia al-Sudani"])
        .entity("Chris Murphy", EntityType::Person, None, &["Chris Murphy"])
        .entity("Qasim al-Araji", EntityType::Person, None, &["Qasim al-Araji"])
        .date("on Sunday", "", Some("2025-03-09"), Precision::Day)
        .date("on Monday", "", Some("2025-03-10"), Precision::Day)
        .date("by September 2025", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        let told: Vec<(&str, usize)> = ev.iter().map(|e| (e.kind.as_str(), e.sentence)).collect();
        // (the agreement itself is announced)
        assert_eq!(told, vec![("meeting", 0), ("meeting", 1), ("announcement", 2), ("withdrawal", 2)]);
        assert_eq!(role_of(&a, &ev[0], "Chris Murphy"), Some(Role::Participant));
    }

    #[test]
    fn an_attack_and_the_strike_of_its_day_keep_their_own_places() {
        let a = article(
            "A drone hit Erbil Air Base on Monday. The US answered with strikes on Monday.",
            Some("2024-01-05"),
        )
        .entity("Erbil Air Base", EntityType::Base, None, &["Erbil Air Base"])
        .date("on Monday", "", Some("2024-01-01"), Precision::Day)
        .date("on Monday", "answered", Some("2024-01-01"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "strike"]);
        assert_eq!(ev[0].base, Some(0));
        assert_eq!(ev[1].base, None);
    }

    #[test]
    fn passive_voice_makes_the_subject_the_target() {
        let a = article("Coalition forces were attacked by Kataib Hezbollah near Erbil on Monday.", Some("2024-02-07"))
            .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["Coalition"])
            .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
            .date("on Monday", "", Some("2024-02-05"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(role_of(&a, &ev[0], "Global Coalition"), Some(Role::Target));
        assert_eq!(role_of(&a, &ev[0], "Kataib Hezbollah"), Some(Role::Actor));
        assert_eq!(ev[0].place.as_deref(), Some("Erbil"));
    }

    #[test]
    fn an_aggregate_claim_and_a_strike_in_one_sentence_are_two_events() {
        let a = article(
            "Troops in Iraq were hit by about 120 attacks launched by militias, and the United States launched a series of attacks in response, the last of which was on Monday.",
            Some("2024-03-06"),
        )
        .entity("United States", EntityType::Organization, Some("state"), &["United States"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "strike"]);
        assert_eq!(ev[0].reported_count, Some(120));
        assert_eq!(ev[0].count_qualifier.as_deref(), Some("about"));
        assert_eq!(ev[0].date, None);
        assert_eq!(ev[1].date.as_deref(), Some("2024-03-04"));
        assert_eq!(ev[1].reported_count, None);
        assert_eq!(role_of(&a, &ev[1], "United States"), Some(Role::Actor));
    }

    #[test]
    fn an_aggregate_claim_keeps_its_period_and_takes_no_date() {
        let a = article(
            "Armed groups have struck bases in Syria more than 90 times since November 2, officials said.",
            Some("2024-01-10"),
        )
        .date("November 2", "", Some("2023-11-02"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].reported_count, Some(90));
        assert_eq!(ev[0].count_qualifier.as_deref(), Some("more than"));
        assert_eq!(ev[0].count_period.as_deref(), Some("since November 2"));
        assert_eq!((ev[0].date.as_deref(), ev[0].date_text.as_deref()), (None, None));
        assert_eq!(ev[0].place.as_deref(), Some("Syria"));
    }

    #[test]
    fn the_dead_are_counted_and_the_place_found() {
        let a = article(
            "Three members of a militia were killed in an air strike on a depot in Diyala province, a military source said.",
            Some("2024-05-02"),
        );
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["casualty"]);
        assert_eq!(ev[0].killed, Some(3));
        assert_eq!(ev[0].place.as_deref(), Some("Diyala"));
        assert_eq!(ev[0].summary, "casualties: 3 killed in Diyala");
    }

    #[test]
    fn troop_strengths_and_years_are_not_casualties() {
        let a = article(
            "About 2,500 American soldiers remain in Iraq, where a coalition formed in 2014 fought a war that killed many.",
            Some("2024-05-02"),
        );
        for e in a.events() {
            assert_eq!(e.killed, None);
            assert_eq!(e.reported_count, None);
        }
    }

    #[test]
    fn generic_talk_about_attacks_is_not_an_event() {
        let a = article(
            concat!(
                "Officials in Baghdad said the attacks would likely not stop in Iraq.\n",
                "The talks may reduce attacks on American forces in Syria.\n",
                "The parliament urged the government to prevent all forms of attacks on Iraqi territory.\n",
                "He said the forces in Iraq would defend themselves if they were attacked.\n",
                "Austin said on Monday: \"The President will not tolerate attacks on American forces.\"\n",
            ),
            Some("2024-01-25"),
        )
        .date("on Monday", "", Some("2024-01-22"), Precision::Day);
        let violent: Vec<Event> = a.events().into_iter().filter(|e| group(e.kind) == 0).collect();
        assert!(violent.is_empty(), "{violent:?}");
    }

    #[test]
    fn headlines_without_a_stop_are_not_events() {
        let a = article("Militias attack US base in Syria on Tuesday\nNothing else happened here.", Some("2024-01-25"))
            .date("on Tuesday", "", Some("2024-01-23"), Precision::Day);
        assert!(a.events().is_empty());
    }

    #[test]
    fn statements_need_a_speaker() {
        let a = article(
            "The Pentagon said the base was quiet.\nIt was said that the base was quiet.",
            Some("2024-01-25"),
        )
        .entity("United States Department of Defense", EntityType::Organization, Some("government"), &["Pentagon"]);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["statement"]);
        assert_eq!(ev[0].sentence, 0);
        assert_eq!(role_of(&a, &ev[0], "United States Department of Defense"), Some(Role::Speaker));
    }

    #[test]
    fn an_agreement_is_dated_when_made_and_the_withdrawal_at_its_deadline() {
        let a = article(
            "The two governments agreed on Friday on ending the mission of the coalition in Iraq by the end of September 2026.",
            Some("2025-09-28"),
        )
        .date("on Friday", "", Some("2025-09-26"), Precision::Day)
        .date("September 2026", "", Some("2026-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["announcement", "withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2025-09-26"));
        assert_eq!(ev[1].date.as_deref(), Some("2026-09"));
        assert_eq!(ev[1].precision, Some(Precision::Month));
        assert_eq!(ev[1].place.as_deref(), Some("Iraq"));
    }

    #[test]
    fn a_scheduled_meeting_keeps_its_future_date() {
        let a = article(
            "A new round of talks in Baghdad was scheduled for March 3.",
            Some("2024-02-20"),
        )
        .date("March 3", "", Some("2024-03-03"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!(ev[0].date.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn a_past_event_is_never_dated_after_publication() {
        let a = article("Rockets struck the airport in Baghdad on Friday.", Some("2024-01-25"))
            .date("on Friday", "", Some("2024-01-26"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].date, None);
        assert_eq!(ev[0].date_text.as_deref(), Some("on Friday"));
    }

    #[test]
    fn without_a_publication_date_the_words_are_kept() {
        let a = article("Last week, the committee met with coalition officers in Baghdad.", None)
            .date("Last week", "", None, Precision::Week);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!(ev[0].date, None);
        assert_eq!(ev[0].date_text.as_deref(), Some("Last week"));
        assert_eq!(ev[0].place.as_deref(), Some("Baghdad"));
    }

    #[test]
    fn a_continuing_sentence_takes_the_date_of_the_event_before() {
        let a = article(
            concat!(
                "“We reject the strikes,” Speaker Ali Hassan said during Saturday’s session.\n",
                "The parliament met to discuss a bill that would expel foreign troops.\n",
            ),
            Some("2024-02-11"),
        )
        .entity("Ali Hassan", EntityType::Person, None, &["Ali Hassan"])
        .entity("Council of Representatives of Iraq", EntityType::Organization, Some("government"), &["parliament"])
        .date("Saturday’s session", "", Some("2024-02-10"), Precision::Day);
        let ev = a.events();
        let meeting = ev.iter().find(|e| e.kind == EventKind::Meeting && e.sentence == 1).expect("a meeting");
        assert_eq!(a.sentence_of(meeting), "The parliament met to discuss a bill that would expel foreign troops.");
        assert_eq!(meeting.date.as_deref(), Some("2024-02-10"));
        assert_eq!(meeting.date_text.as_deref(), Some("Saturday’s session"));
    }

    #[test]
    fn the_date_of_a_report_is_not_the_date_of_the_attack() {
        let a = article(
            "Five soldiers were injured in a drone attack in Syria last week, the Pentagon said on Tuesday.",
            Some("2024-08-14"),
        )
        .date("last week", "", Some("2024-08-05"), Precision::Week)
        .date("on Tuesday", "", Some("2024-08-13"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev[0].kind, EventKind::Casualty);
        assert_eq!(ev[0].injured, Some(5));
        assert_eq!(ev[0].date.as_deref(), Some("2024-08-05"));
        assert_eq!(ev[0].precision, Some(Precision::Week));
    }

    #[test]
    fn last_week_narrows_to_the_day_another_report_gives() {
        let a = article(
            concat!(
                "Five soldiers were injured in a drone attack in Syria last week.\n",
                "The drone attack on Friday hit a base in Hasakah.\n",
            ),
            Some("2024-08-14"),
        )
        .date("last week", "", Some("2024-08-05"), Precision::Week)
        .date("on Friday", "", Some("2024-08-09"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev[0].date.as_deref(), Some("2024-08-09"));
        assert_eq!(ev[0].precision, Some(Precision::Day));
    }

    #[test]
    fn a_week_is_not_narrowed_to_the_day_of_an_attack_on_another_base() {
        let a = article(
            concat!(
                "A drone attack targeted the Conoco base in eastern Syria on Saturday.\n",
                "Earlier this week, a rocket attack hit Ain al-Asad air base in western Iraq.\n",
            ),
            Some("2024-08-10"),
        )
        .entity("Conoco", EntityType::Base, None, &["Conoco"])
        .entity("Ain al-Asad", EntityType::Base, None, &["Ain al-Asad"])
        .date("on Saturday", "", Some("2024-08-10"), Precision::Day)
        .date("Earlier this week", "", Some("2024-08-05"), Precision::Week);
        let ev = a.events();
        assert_eq!(ev.len(), 2, "{ev:?}");
        assert_eq!((ev[1].base, ev[1].date.as_deref(), ev[1].precision), (Some(1), Some("2024-08-05"), Some(Precision::Week)));
    }

    #[test]
    fn demands_and_denials_of_withdrawal_are_not_events() {
        let a = article(
            concat!(
                "Lawmakers in Iraq called for the withdrawal of US troops on Sunday.\n",
                "The envoy said there is no plan for an imminent withdrawal from Iraq.\n",
            ),
            Some("2024-01-08"),
        )
        .date("on Sunday", "", Some("2024-01-07"), Precision::Day);
        let ev = a.events();
        assert!(!ev.iter().any(|e| e.kind == EventKind::Withdrawal), "{ev:?}");
    }

    #[test]
    fn a_completed_withdrawal_from_a_base_is_dated() {
        let a = article(
            "US forces have completed their withdrawal from Ain al-Asad Air Base, officials confirmed on Saturday.",
            Some("2026-01-17"),
        )
        .entity("Ain al-Asad Air Base", EntityType::Base, None, &["Ain al-Asad Air Base"])
        .date("on Saturday", "", Some("2026-01-17"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].base, Some(0));
        assert_eq!(ev[0].date.as_deref(), Some("2026-01-17"));
    }

    #[test]
    fn back_references_and_passive_met_are_not_events() {
        let a = article(
            concat!(
                "A rocket attack hit a base in Syria on Monday.\n",
                "The group that claimed responsibility for that attack announced a pause in Iraq.\n",
                "The fighting will go on in Syria until its demands are met.\n",
            ),
            Some("2024-01-10"),
        )
        .date("on Monday", "", Some("2024-01-08"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.iter().filter(|e| group(e.kind) == 0).count(), 1, "{ev:?}");
        assert!(!ev.iter().any(|e| e.kind == EventKind::Meeting), "{ev:?}");
    }

    #[test]
    fn the_people_named_as_killed_are_counted() {
        let a = article(
            "A US drone killed the commander Qasem Soleimani and Abu Mahdi al-Muhandis near Baghdad airport.",
            Some("2020-01-05"),
        )
        .entity("Qasem Soleimani", EntityType::Person, None, &["Qasem Soleimani"])
        .entity("Abu Mahdi al-Muhandis", EntityType::Person, None, &["Abu Mahdi al-Muhandis"]);
        let ev = a.events();
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].killed, Some(2));
    }

    #[test]
    fn a_mission_that_will_continue_until_a_date_ends_then() {
        let a = article(
            "The military mission of the Coalition operating in Syria from a platform in Iraq will continue until September 2026.",
            Some("2024-09-28"),
        )
        .date("until September 2026", "", Some("2026-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2026-09"));
        // attacks that go on until a date end nothing
        let a = article("The militia said its attacks will continue until September 2026.", Some("2024-09-28"))
            .date("until September 2026", "", Some("2026-09"), Precision::Month);
        assert!(!kinds(&a.events()).contains(&"withdrawal"));
    }

    #[test]
    fn coming_under_attack_is_an_attack_but_a_threat_of_one_is_not() {
        let a = article("The base came under rocket attack on Tuesday, officials said.", Some("2024-01-21"))
            .date("on Tuesday", "", Some("2024-01-16"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["attack"]);
        let a = article("Since mid-October, US forces in Iraq and Syria have come under attack more than 140 times.", Some("2024-01-21"))
            .date("Since mid-October", "", Some("2023-10"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!((ev[0].reported_count, ev[0].count_qualifier.as_deref()), (Some(140), Some("more than")));
        let a = article("The base has been under threat of attack since Tuesday.", Some("2024-01-21"))
            .date("since Tuesday", "", Some("2024-01-16"), Precision::Day);
        assert!(a.events().is_empty());
    }

    #[test]
    fn a_date_before_another_noun_dates_that_noun_only() {
        let a = article(
            "Convoys carrying equipment left the base in western Iraq, in line with the September 2024 agreement.",
            Some("2025-08-30"),
        )
        .date("September 2024", "", Some("2024-09"), Precision::Month);
        let ev = a.events();
        let w = ev.iter().find(|e| e.kind == EventKind::Withdrawal).expect("a withdrawal");
        assert_eq!(w.date, None);
        // the noun it dates may be the trigger itself
        let a = article("Officials recalled the January 28 drone attack on the base in Jordan.", Some("2024-02-10"))
            .date("January 28", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.iter().find(|e| e.kind == EventKind::Attack).and_then(|e| e.date.as_deref()), Some("2024-01-28"));
    }

    #[test]
    fn an_end_and_a_stay_until_in_two_clauses_are_two_withdrawals() {
        let a = article(
            "The coalition's mission in federal Iraq will end by September 2025, while its forces will remain in the Kurdistan Region until the end of September 2026.",
            Some("2024-09-28"),
        )
        .date("by September 2025", "", Some("2025-09"), Precision::Month)
        .date("until the end of September 2026", "", Some("2026-09"), Precision::Month);
        let ev = a.events();
        let got: Vec<(&str, Option<&str>, Option<&str>)> =
            ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref(), e.place.as_deref())).collect();
        assert_eq!(got, vec![("withdrawal", Some("2025-09"), Some("Iraq")), ("withdrawal", Some("2026-09"), Some("Kurdistan Region"))]);
        // one clause, one withdrawal
        let a = article("US forces will leave Iraq and will not remain there until 2026.", Some("2024-09-28"))
            .date("until 2026", "", Some("2026"), Precision::Year);
        assert_eq!(kinds(&a.events()), vec!["withdrawal"]);
    }

    #[test]
    fn an_event_some_days_before_the_sentence_date_is_not_on_it() {
        let a = article(
            "The group suspended its operations on Tuesday, days after a drone attack killed three American soldiers in Jordan.",
            Some("2024-01-31"),
        )
        .date("on Tuesday", "", Some("2024-01-30"), Precision::Day);
        let ev = a.events();
        let attack = ev.iter().find(|e| group(e.kind) == 0).expect("the attack");
        assert_eq!((attack.killed, attack.date.as_deref()), (Some(3), None));
        // what the span is counted from keeps the date
        let a = article("A drone struck the base on Tuesday, weeks after talks on the withdrawal began.", Some("2024-01-31"))
            .date("on Tuesday", "", Some("2024-01-30"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.iter().find(|e| group(e.kind) == 0).and_then(|e| e.date.as_deref()), Some("2024-01-30"));
    }

    #[test]
    fn the_dead_of_the_event_answered_are_not_the_answer() {
        let a = article(
            "US forces struck targets in central Syria on Friday in retaliation for an ambush that killed two American soldiers, officials said.",
            Some("2025-12-21"),
        )
        .date("on Friday", "", Some("2025-12-19"), Precision::Day);
        let ev = a.events();
        // the ambush, told with its toll, is reported as its own event
        assert_eq!(kinds(&ev), vec!["strike", "attack"]);
        assert_eq!((ev[0].killed, ev[1].killed), (None, Some(2)));
        assert_eq!(ev[0].date.as_deref(), Some("2025-12-19"));
        assert_eq!(ev[1].date, None);
        // the answer's own dead, after the answered clause, still count
        let a = article(
            "In retaliation for an ambush that killed two soldiers, US forces struck targets in Syria on Friday, killing 12 militants.",
            Some("2025-12-21"),
        )
        .date("on Friday", "", Some("2025-12-19"), Precision::Day);
        assert_eq!(a.events()[0].killed, Some(12));
    }

    #[test]
    fn an_answered_event_told_with_its_day_is_its_own_event() {
        // the reply takes neither the day nor the base of the clause that
        // names what it answers
        let a = article(
            "The US launched air strikes on 85 targets in Iraq and Syria in retaliation for a drone attack on January 28 that killed three US soldiers at Tower 22.",
            Some("2024-02-08"),
        )
        .date("on January 28", "", Some("2024-01-28"), Precision::Day)
        .entity("US Army", EntityType::Organization, Some("military"), &["US soldiers"])
        .entity("Tower 22", EntityType::Base, None, &["Tower 22"]);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike", "attack"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].base, ev[0].place.as_deref()), (None, None, Some("Iraq and Syria")));
        assert_eq!((ev[1].date.as_deref(), ev[1].base, ev[1].killed), (Some("2024-01-28"), Some(1), Some(3)));
        // the soldiers are the attack's target, not the strike's
        assert_eq!((role_of(&a, &ev[0], "US Army"), role_of(&a, &ev[1], "US Army")), (None, Some(Role::Target)));
        // the reply's subject acts
        let a = article("In retaliation for a drone attack on Sunday, US forces struck sites in Iraq on Friday.", Some("2024-02-08"))
            .entity("US forces", EntityType::Organization, Some("military"), &["US forces"])
            .date("on Sunday", "", Some("2024-02-04"), Precision::Day)
            .date("on Friday", "", Some("2024-02-02"), Precision::Day);
        let strike = a.events().into_iter().find(|e| e.kind == EventKind::Strike).unwrap();
        assert_eq!((role_of(&a, &strike, "US forces"), strike.date.as_deref()), (Some(Role::Actor), Some("2024-02-02")));
        // "in response to a US strike" answers a strike
        let a = article("The group said the attack was in response to a US strike on Tuesday that killed two of its fighters.", Some("2024-02-08"))
            .date("on Tuesday", "", Some("2024-02-06"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].killed), (Some("2024-02-06"), Some(2)));
        // a figure's comma does not end the clause that gives the toll
        let a = article(
            "Israel declared war on Hamas in response to the group's attacks on Oct. 7 in which 1,200 people were killed, most of them civilians.",
            Some("2023-10-27"),
        )
        .date("on Oct. 7", "", Some("2023-10-07"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].killed), (Some("2023-10-07"), Some(1200)));
        // "in the wake of" names what came first, as "in response to" does
        let a = article(
            "Rockets hit a base in Syria on Wednesday. It marks at least 74 attacks since October 17, when the first came in the wake of Hamas' attack on Israel.",
            Some("2023-11-30"),
        )
        .date("on Wednesday", "", Some("2023-11-29"), Precision::Day)
        .date("since October 17", "", Some("2023-10-17"), Precision::Day);
        let later: Vec<Event> = a.events().into_iter().filter(|e| e.sentence == 1).collect();
        assert_eq!(kinds(&later), vec!["attack"]);
        assert_eq!(later[0].reported_count, Some(74));
        // an answered event with nothing of its own is told elsewhere
        let a = article("The strikes on Friday were in response to attacks on US forces in Iraq and Syria.", Some("2024-02-08"))
            .date("on Friday", "", Some("2024-02-02"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["strike"]);
    }

    #[test]
    fn an_undated_lead_takes_the_day_of_the_strike_told_next() {
        let a = article(
            "A US drone strike has killed a senior commander of Kataib Hezbollah in Baghdad. The strike on Wednesday night hit a vehicle in eastern Baghdad, killing three people.",
            Some("2024-02-08"),
        )
        .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike", "strike"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].date_text.as_deref()), (Some("2024-02-07"), Some("on Wednesday")));
        // a strike told next somewhere else is another strike
        let a = article(
            "A drone strike killed two fighters in Syria. The strike on Wednesday in Baghdad hit a car.",
            Some("2024-02-08"),
        )
        .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.len(), 2);
        assert_eq!((ev[0].date.as_deref(), ev[1].date.as_deref()), (None, Some("2024-02-07")));
        // and an indefinite one is not pointing back
        let a = article("A drone strike killed two fighters in Syria. A strike on Wednesday hit a car.", Some("2024-02-08"))
            .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        assert_eq!(a.events()[0].date, None);
    }

    #[test]
    fn support_that_continues_until_a_date_ends_then() {
        let a = article(
            "The mission in federal Iraq will end no later than the end of September 2025, while support for operations in Syria will continue from the Kurdistan Region until September 2026.",
            Some("2024-09-28"),
        )
        .date("the end of September 2025", "", Some("2025-09"), Precision::Month)
        .date("until September 2026", "", Some("2026-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal", "withdrawal"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].place.as_deref()), (Some("2025-09"), Some("Iraq")));
        assert_eq!(ev[1].date.as_deref(), Some("2026-09"));
    }

    #[test]
    fn a_meeting_where_remarks_were_made_is_dated_by_them() {
        let a = article(
            "Sudani on Wednesday called for a quick exit of coalition troops. He made the remarks during a meeting with Antonio Guterres in Baghdad.",
            Some("2024-01-11"),
        )
        .date("on Wednesday", "", Some("2024-01-10"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].date_text.as_deref()), (Some("2024-01-10"), Some("on Wednesday")));
        // a meeting not tied to remarks keeps no date
        let a = article(
            "Sudani on Wednesday called for a quick exit of coalition troops. He later held a meeting with Antonio Guterres in Baghdad.",
            Some("2024-01-11"),
        )
        .date("on Wednesday", "", Some("2024-01-10"), Precision::Day);
        assert_eq!(a.events()[0].date, None);
    }

    #[test]
    fn an_event_a_counted_span_before_the_sentence_day_is_dated_by_it() {
        let a = article(
            "Iraq's parliament voted on Sunday to expel US troops, two days after a US drone strike killed Qassem Soleimani in Baghdad.",
            Some("2020-01-05"),
        )
        .date("on Sunday", "", Some("2020-01-05"), Precision::Day);
        let ev = a.events();
        let strike = ev.iter().find(|e| e.kind == EventKind::Strike).unwrap();
        assert_eq!((strike.date.as_deref(), strike.date_text.as_deref()), (Some("2020-01-03"), Some("two days after")));
        // the day may follow the clause the span opens
        let a = article("Two days after a US drone strike killed him in Baghdad, parliament voted on Sunday.", Some("2020-01-05"))
            .date("on Sunday", "", Some("2020-01-05"), Precision::Day);
        let ev = a.events();
        let strike = ev.iter().find(|e| e.kind == EventKind::Strike).unwrap();
        assert_eq!(strike.date.as_deref(), Some("2020-01-03"));
        // a day inside the span's own clause is the event's own
        let a = article("Parliament voted, two days after a US drone strike on Friday killed him.", Some("2020-01-05"))
            .date("on Friday", "", Some("2020-01-03"), Precision::Day);
        let strike = a.events().into_iter().find(|e| e.kind == EventKind::Strike).unwrap();
        assert_eq!((strike.date.as_deref(), strike.date_text.as_deref()), (Some("2020-01-03"), Some("on Friday")));
    }

    #[test]
    fn recent_attacks_are_a_run_of_events_not_one() {
        let a = article(
            "A rocket attack in December killed a contractor. The spokesman said the move was not linked to recent attacks.",
            Some("2020-03-29"),
        )
        .date("in December", "", Some("2019-12"), Precision::Month);
        assert_eq!(kinds(&a.events()), vec!["attack"]);
        // one recent attack is still an event
        let a = article("The recent attack on the base in Anbar wounded two soldiers.", Some("2020-03-29"));
        assert_eq!(kinds(&a.events()), vec!["attack"]);
    }

    #[test]
    fn a_day_right_before_a_verb_of_telling_is_when_it_was_told() {
        let a = article(
            "The Pentagon on Monday identified the three soldiers killed in a drone attack on a base in Jordan. More than 40 other troops were wounded in Sunday's attack at the base.",
            Some("2024-01-29"),
        )
        .date("on Monday", "", Some("2024-01-29"), Precision::Day)
        .date("Sunday's", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev[0].killed, Some(3));
        assert_eq!(ev[0].date.as_deref(), Some("2024-01-28"));
        assert!(speech_after(" said it"));
        assert!(!speech_after(" saidx"));
        assert!(!speech_after(", officials said"));
    }

    #[test]
    fn receiving_an_office_holder_is_a_meeting() {
        let a = article("Nechirvan Barzani on Monday received the new US Consul General in Erbil to discuss the coalition.", Some("2025-03-04"))
            .date("on Monday", "", Some("2025-03-03"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["meeting"]);
        let a = article("Nechirvan Barzani on Monday received a delegation from the coalition.", Some("2025-03-04"))
            .entity("Nechirvan Barzani", EntityType::Person, None, &["Nechirvan Barzani"])
            .entity("Global Coalition", EntityType::Organization, Some("coalition"), &["coalition"])
            .date("on Monday", "", Some("2025-03-03"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        // the side the delegation came from took part
        assert_eq!(role_of(&a, &ev[0], "Global Coalition"), Some(Role::Participant));
        let a = article("Sudani received on Tuesday evening the commander of US Central Command.", Some("2025-01-15"))
            .date("on Tuesday", "", Some("2025-01-14"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["meeting"]);
        let a = article("The ministry received a letter from the US ambassador on Monday.", Some("2025-03-04"))
            .date("on Monday", "", Some("2025-03-03"), Precision::Day);
        assert!(a.events().is_empty());
    }

    #[test]
    fn a_count_of_strikes_on_one_day_is_dated_that_day() {
        let a = article("The coalition conducted 14 strikes against ISIS in Iraq on Saturday, including seven near Mosul.", Some("2016-11-20"))
            .date("on Saturday", "", Some("2016-11-19"), Precision::Day);
        let ev = a.events();
        assert_eq!((ev[0].reported_count, ev[0].date.as_deref()), (Some(14), Some("2016-11-19")));
        // the day it was told, or a span, dates no count
        let a = article("US forces have been attacked 13 times in Iraq and Syria, the Pentagon said on Monday.", Some("2023-10-24"))
            .date("on Monday", "", Some("2023-10-23"), Precision::Day);
        assert_eq!(a.events().iter().find(|e| e.reported_count.is_some()).unwrap().date, None);
        let a = article("US forces have been attacked 13 times since October 17.", Some("2023-10-24"))
            .date("since October 17", "", Some("2023-10-17"), Precision::Day);
        assert_eq!(a.events()[0].date, None);
    }

    #[test]
    fn a_cut_in_troops_an_ended_mission_and_a_sealed_agreement() {
        // a plan this month is dated this month
        let a = article("The United States will reduce its troop presence in Iraq from 5,200 to 3,000 this month.", Some("2020-09-09"))
            .date("this month", "", Some("2020-09"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2020-09"));
        let a = article("Araji said on December 9 that the coalition's combat mission had ended.", Some("2021-12-10"))
            .date("on December 9", "", Some("2021-12-09"), Precision::Day);
        assert!(kinds(&a.events()).contains(&"withdrawal"));
        let a = article("Biden and Kadhimi sealed an agreement in July.", Some("2021-12-10"))
            .date("in July", "", Some("2021-07"), Precision::Month);
        assert_eq!(kinds(&a.events()), vec!["announcement"]);
        // a reduction hoped for is not one
        let a = article("Baghdad hopes the talks will reduce the presence of foreign forces this year.", Some("2024-01-28"))
            .date("this year", "", Some("2024"), Precision::Year);
        assert!(!kinds(&a.events()).contains(&"withdrawal"));
    }

    #[test]
    fn an_operation_carried_out_from_the_air_is_a_strike() {
        let a = article("US helicopters landed early on Thursday near al-Busayrah, carrying out an airdrop operation.", Some("2023-08-10"))
            .date("early on Thursday", "", Some("2023-08-10"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["strike"]);
        // an operation of anything else is not
        let a = article("The hospital resumed its operations on Thursday.", Some("2023-08-10"))
            .date("on Thursday", "", Some("2023-08-10"), Precision::Day);
        assert!(a.events().is_empty());
    }

    #[test]
    fn a_timeline_in_the_present_counts_its_dead() {
        let a = article("Jan. 28, 2024: A drone attack on Tower 22 in Jordan kills three US soldiers.", Some("2024-02-08"))
            .date("Jan. 28, 2024", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert_eq!((ev[0].date.as_deref(), ev[0].killed), (Some("2024-01-28"), Some(3)));
        let a = article("Jan. 3, 2020: A US drone strike at Baghdad airport kills Iranian general Qasem Soleimani.", Some("2024-02-08"))
            .entity("Qasem Soleimani", EntityType::Person, None, &["Qasem Soleimani"])
            .date("Jan. 3, 2020", "", Some("2020-01-03"), Precision::Day);
        assert_eq!(a.events()[0].killed, Some(1));
    }

    #[test]
    fn the_meeting_told_again_passes_its_day_on_but_is_no_report() {
        let a = article(
            "Parliament met on Sunday to vote on the troops. The session was held upon the request of Shia members. Rockets also struck the embassy compound in Baghdad.",
            Some("2020-01-05"),
        )
        .date("on Sunday", "", Some("2020-01-05"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.iter().map(|e| (e.kind.as_str(), e.sentence)).collect::<Vec<_>>(), vec![("meeting", 0), ("attack", 2)]);
        assert_eq!(ev[1].date.as_deref(), Some("2020-01-05"));
        // with a place of its own it is a report
        let a = article("The session was held in Baghdad.", Some("2020-01-05"));
        assert_eq!(kinds(&a.events()), vec!["meeting"]);
    }

    #[test]
    fn agreeing_that_is_a_view_not_a_deal() {
        let a = article("Both sides agreed on Tuesday that ISIS remains a threat to Iraq.", Some("2025-10-22"))
            .date("on Tuesday", "", Some("2025-10-21"), Precision::Day);
        assert!(a.events().is_empty());
        let a = article("The two sides agreed that the coalition's mission will end by September 2025.", Some("2024-09-28"))
            .date("by September 2025", "", Some("2025-09"), Precision::Month);
        assert_eq!(kinds(&a.events()), vec!["withdrawal"]);
        let a = article("The two sides agreed on Friday to end the coalition's mission.", Some("2024-09-28"))
            .date("on Friday", "", Some("2024-09-27"), Precision::Day);
        assert!(kinds(&a.events()).contains(&"announcement"));
    }

    #[test]
    fn what_comes_days_after_is_the_event_reported() {
        // the subject of "comes days after" was told before; what follows is the report
        let a = article("The attack comes days after the US launched air strikes on 85 targets in Iraq and Syria.", Some("2024-02-08"));
        assert_eq!(kinds(&a.events()), vec!["strike"]);
        let a = article("The attack came just hours after rockets hit a base in Syria.", Some("2024-02-08"));
        assert_eq!(kinds(&a.events()), vec!["attack"]);
        assert_eq!(a.events()[0].place.as_deref(), Some("Syria"));
    }

    #[test]
    fn this_comes_days_after_dates_back_from_the_event_before() {
        let a = article(
            "A drone hit a militia headquarters in al-Qaim on Sunday. This comes two days after US airstrikes hit 85 targets in Iraq and Syria.",
            Some("2024-02-05"),
        )
        .date("on Sunday", "", Some("2024-02-04"), Precision::Day);
        let ev = a.events();
        let got: Vec<(&str, Option<&str>)> = ev.iter().map(|e| (e.kind.as_str(), e.date.as_deref())).collect();
        assert_eq!(got, vec![("attack", Some("2024-02-04")), ("strike", Some("2024-02-02"))]);
    }

    #[test]
    fn strikes_a_meeting_discusses_are_its_topic() {
        let a = article(
            "The Coordination Framework held an emergency meeting in Baghdad on Saturday to discuss the repercussions of the strikes.",
            Some("2024-02-05"),
        )
        .date("on Saturday", "", Some("2024-02-03"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["meeting"]);
    }

    #[test]
    fn a_withdrawal_in_an_after_which_clause_is_the_sentence_own() {
        let a = article(
            "The resolution extended the mandate for a final period until 31 December 2025, after which the mission will cease all work and operations.",
            Some("2024-06-01"),
        )
        .date("until 31 December 2025", "", Some("2025-12-31"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2025-12-31"));
        // a time reckoned from a withdrawal is still no withdrawal
        let a = article(
            "Militias resumed attacks after the withdrawal of the troops from the base in Iraq in 2024.",
            Some("2025-01-10"),
        )
        .date("in 2024", "", Some("2024"), Precision::Year);
        assert!(!kinds(&a.events()).contains(&"withdrawal"));
    }

    #[test]
    fn a_raid_resulting_in_a_named_death_counts_the_dead_and_their_kin() {
        let a = article(
            "In July, US forces conducted a raid in al-Bab resulting in the death of senior ISIS leader Abu Yusuf and his two adult sons.",
            Some("2025-09-20"),
        )
        .entity("Abu Yusuf", EntityType::Person, None, &["Abu Yusuf"])
        .date("In July", "", Some("2025-07"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(ev[0].killed, Some(3));
        let a = article(
            "A drone strike killed Abu Yusuf, a senior commander of the group, and two of his guards in Baghdad on Wednesday.",
            Some("2024-02-08"),
        )
        .entity("Abu Yusuf", EntityType::Person, None, &["Abu Yusuf"])
        .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        assert_eq!(a.events()[0].killed, Some(3));
        let a = article("A drone strike killed Abu Yusuf and his driver in Baghdad on Wednesday.", Some("2024-02-08"))
            .entity("Abu Yusuf", EntityType::Person, None, &["Abu Yusuf"])
            .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        assert_eq!(a.events()[0].killed, Some(2));
        let a = article("A drone strike killed Abu Yusuf and his plans in Baghdad on Wednesday.", Some("2024-02-08"))
            .entity("Abu Yusuf", EntityType::Person, None, &["Abu Yusuf"])
            .date("on Wednesday", "", Some("2024-02-07"), Precision::Day);
        assert_eq!(a.events()[0].killed, Some(1));
        // the death of someone as the time of another event kills no one in it
        let a = article(
            "Since the death of Abu Yusuf in 2023, militants have attacked the base in al-Bab on Monday.",
            Some("2025-09-20"),
        )
        .entity("Abu Yusuf", EntityType::Person, None, &["Abu Yusuf"])
        .date("on Monday", "", Some("2025-09-15"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].killed, None);
    }

    #[test]
    fn no_injuries_in_the_next_sentence_is_no_one_killed() {
        let body = concat!(
            "US forces in Syria were targeted by a single rocket attack on Wednesday, a US official said. ",
            "The rocket did not hit the base, the official said. ",
            "There were no injuries or infrastructure damage reported.",
        );
        let a = article(body, Some("2023-11-30")).date("on Wednesday", "", Some("2023-11-29"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].killed, Some(0));
        // not for an attack that gave its own figure, nor three sentences on
        let body = concat!(
            "Two soldiers were wounded in a rocket attack on the base on Wednesday, a US official said. ",
            "There were no injuries or infrastructure damage reported.",
        );
        let a = article(body, Some("2023-11-30")).date("on Wednesday", "", Some("2023-11-29"), Precision::Day);
        assert_eq!(a.events()[0].killed, None);
        let body = concat!(
            "US forces in Syria were targeted by a single rocket attack on Wednesday, a US official said. ",
            "The rocket did not hit the base, the official said. ",
            "It was the latest in a string of incidents, the official said. ",
            "Talks on the future of the mission went on in Baghdad, the official said. ",
            "There were no injuries reported in that round.",
        );
        let a = article(body, Some("2023-11-30")).date("on Wednesday", "", Some("2023-11-29"), Precision::Day);
        assert_eq!(a.events()[0].killed, None);
    }

    #[test]
    fn a_paragraph_cut_short_still_reports_but_a_headline_does_not() {
        let a = article(
            concat!(
                "Militia drones hit a base in Syria\n",
                "Lead paragraph of the story goes here.\n",
                "During a raid in Deir ez-Zor on Monday, US forces conducted a raid resulting in the death of a senior leader and his\n",
            ),
            Some("2024-01-10"),
        )
        .date("on Monday", "During", Some("2024-01-08"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(ev[0].sentence, 2);
    }

    #[test]
    fn a_report_after_one_in_a_place_happened_there() {
        let a = article(
            "The minister was in Munich to attend the security conference.\nHe met with the chancellor and the foreign secretary.",
            Some("2024-02-17"),
        );
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting", "meeting"]);
        assert_eq!(ev[1].place.as_deref(), Some("Munich"));
    }

    #[test]
    fn a_later_report_of_the_same_day_is_the_same_event_and_place() {
        let a = article(
            "Rockets struck Camp Alpha near Erbil on Wednesday.\nOfficials said Wednesday’s attack was the first since November 23.",
            Some("2023-11-30"),
        )
        .entity("Camp Alpha", EntityType::Base, None, &["Camp Alpha"])
        .date("on Wednesday", "", Some("2023-11-29"), Precision::Day)
        .date("Wednesday", "Officials", Some("2023-11-29"), Precision::Day)
        .date("November 23", "", Some("2023-11-23"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| group(e.kind) == 0).collect();
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[1].base, Some(0));
        assert_eq!(ev[1].date.as_deref(), Some("2023-11-29"));
    }

    #[test]
    fn a_withdrawal_to_come_without_a_date_is_not_an_event() {
        let a = article(
            "Experts will oversee the conclusion of the coalition mission in Iraq, the office said on Saturday.",
            Some("2024-01-27"),
        )
        .date("on Saturday", "", Some("2024-01-27"), Precision::Day);
        assert!(!a.events().iter().any(|e| e.kind == EventKind::Withdrawal));
    }

    #[test]
    fn receiving_a_person_is_a_meeting_but_receiving_a_letter_is_not() {
        let a = article(
            "The prime minister received John Smith in Baghdad on Monday.\nThe ministry received a letter in Baghdad on Monday.",
            Some("2024-01-10"),
        )
        .entity("John Smith", EntityType::Person, None, &["John Smith"])
        .date("on Monday", "", Some("2024-01-08"), Precision::Day)
        .date("on Monday", "letter", Some("2024-01-08"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!(ev[0].sentence, 0);
    }

    #[test]
    fn the_strikes_happened_where_the_strikes_before_did_but_a_blast_did_not() {
        let a = article(
            concat!(
                "US jets bombed militia depots near Mosul on Monday.\n",
                "The strikes targeted weapons stores, officials said.\n",
                "Separately, a blast shook a market, killing two people.\n",
            ),
            Some("2024-03-06"),
        )
        .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        let ev: Vec<Event> = a.events().into_iter().filter(|e| group(e.kind) == 0).collect();
        assert_eq!(ev.len(), 3);
        assert_eq!(ev[1].place.as_deref(), Some("Mosul"));
        assert_eq!(ev[2].place, None);
        assert_eq!(ev[2].killed, Some(2));
    }

    #[test]
    fn troops_leaving_a_base_is_a_withdrawal_but_leaving_alone_is_not() {
        let a = article(
            concat!(
                "The last US troops left Camp Beta on January 17, handing the base over to the Iraqi army.\n",
                "The attack left two soldiers with minor wounds in Syria on January 17.\n",
            ),
            Some("2026-01-18"),
        )
        .entity("Camp Beta", EntityType::Base, None, &["Camp Beta"])
        .date("on January 17", "", Some("2026-01-17"), Precision::Day)
        .date("on January 17", "wounds", Some("2026-01-17"), Precision::Day);
        let ev = a.events();
        let w: Vec<&Event> = ev.iter().filter(|e| e.kind == EventKind::Withdrawal).collect();
        assert_eq!(w.len(), 1, "{ev:?}");
        assert_eq!((w[0].sentence, w[0].base), (0, Some(0)));
        assert_eq!(w[0].date.as_deref(), Some("2026-01-17"));
    }

    #[test]
    fn suspending_attacks_is_an_announcement_not_an_attack() {
        let a = article(
            "Kataib Hezbollah announced on Tuesday that it was suspending attacks on US forces in Iraq.",
            Some("2024-02-01"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .date("on Tuesday", "", Some("2024-01-30"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["announcement", "statement"]);
    }

    #[test]
    fn counting_meetings_is_no_aggregate_claim() {
        let a = article("The committee has met more than 12 times in Baghdad since January.", Some("2024-06-01"));
        assert!(a.events().iter().all(|e| e.reported_count.is_none()));
    }

    #[test]
    fn a_trend_in_attacks_is_not_an_attack() {
        let a = article(
            "A rocket hit a base in Syria on Friday.\nAttacks on US troops in Iraq and Syria have fallen sharply since February.",
            Some("2024-03-04"),
        )
        .date("on Friday", "", Some("2024-03-01"), Precision::Day)
        .date("February", "sharply", Some("2024-02"), Precision::Month);
        let ev = a.events();
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].sentence, 0);
    }

    #[test]
    fn two_violent_events_of_two_dates_in_one_sentence_are_two_events() {
        let a = article(
            "After a drone attack on Camp Gamma on January 28 killed three soldiers, the US struck 85 targets in Syria on February 2.",
            Some("2024-02-04"),
        )
        .entity("Camp Gamma", EntityType::Base, None, &["Camp Gamma"])
        .date("on January 28", "", Some("2024-01-28"), Precision::Day)
        .date("on February 2", "", Some("2024-02-02"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "strike"]);
        assert_eq!((ev[0].date.as_deref(), ev[0].killed, ev[0].base), (Some("2024-01-28"), Some(3), Some(0)));
        assert_eq!((ev[1].date.as_deref(), ev[1].place.as_deref()), (Some("2024-02-02"), Some("Syria")));
    }

    #[test]
    fn who_tells_of_an_attack_is_neither_actor_nor_target() {
        let a = article(
            "Militants of Kataib Hezbollah attacked Camp Delta in Syria on Monday, the Pentagon said.",
            Some("2024-02-07"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("Camp Delta", EntityType::Base, None, &["Camp Delta"])
        .entity("United States Department of Defense", EntityType::Organization, Some("government"), &["Pentagon"])
        .date("on Monday", "", Some("2024-02-05"), Precision::Day);
        let ev = a.events();
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).unwrap();
        assert_eq!(role_of(&a, attack, "Kataib Hezbollah"), Some(Role::Actor));
        assert_eq!(role_of(&a, attack, "United States Department of Defense"), None);
        assert_eq!(attack.summary, "attack on Camp Delta by Kataib Hezbollah (2024-02-05)");
    }

    #[test]
    fn the_previous_day_is_told_against_the_event_before() {
        let a = article(
            "Rockets hit Camp Echo on Thursday, wounding two contractors. Two drones had been shot down near the same base the previous day.",
            Some("2024-03-09"),
        )
        .entity("Camp Echo", EntityType::Base, None, &["Camp Echo"])
        .date("on Thursday", "", Some("2024-03-07"), Precision::Day);
        let ev = a.events();
        let later = ev.iter().find(|e| e.sentence == 1).unwrap();
        assert_eq!(later.date.as_deref(), Some("2024-03-06"));
        assert_eq!(later.date_text.as_deref(), Some("the previous day"));
    }

    #[test]
    fn the_same_day_without_a_publication_date_stays_unknown() {
        let a = article(
            "Rockets hit Camp Echo on Thursday. The same day, a drone struck near Camp Foxtrot.",
            None,
        )
        .entity("Camp Echo", EntityType::Base, None, &["Camp Echo"])
        .entity("Camp Foxtrot", EntityType::Base, None, &["Camp Foxtrot"])
        .date("on Thursday", "", None, Precision::Day);
        let ev = a.events();
        let later = ev.iter().find(|e| e.sentence == 1).unwrap();
        assert_eq!((later.date.as_deref(), later.date_text.as_deref()), (None, Some("The same day")));
    }

    #[test]
    fn a_day_after_a_named_anchor_is_not_anaphoric() {
        let a = article(
            "Rockets hit Camp Echo on Thursday. Gunmen attacked a checkpoint in Kirkuk two days after the vote.",
            Some("2024-03-09"),
        )
        .entity("Camp Echo", EntityType::Base, None, &["Camp Echo"])
        .date("on Thursday", "", Some("2024-03-07"), Precision::Day);
        let ev = a.events();
        let later = ev.iter().find(|e| e.sentence == 1).unwrap();
        assert_ne!(later.date_text.as_deref(), Some("two days after"));
    }

    #[test]
    fn an_event_that_came_days_after_another_dates_the_other() {
        let a = article(
            "Mortars struck Camp Echo on Friday, the garrison said. The attack came two days after a rocket barrage on the same camp killed two guards.",
            Some("2024-03-10"),
        )
        .entity("Camp Echo", EntityType::Base, None, &["Camp Echo"])
        .date("on Friday", "", Some("2024-03-08"), Precision::Day);
        let ev = a.events();
        let barrage = ev.iter().find(|e| e.sentence == 1).unwrap();
        assert_eq!((barrage.date.as_deref(), barrage.killed), (Some("2024-03-06"), Some(2)));
    }

    #[test]
    fn a_speech_date_yields_to_the_day_the_next_sentence_gives() {
        let a = article(
            "Commandos killed nine militants in a desert raid, the army said on Sunday. The raid took place late Friday near Rutba.",
            Some("2024-05-06"),
        )
        .date("on Sunday", "", Some("2024-05-05"), Precision::Day)
        .date("late Friday", "", Some("2024-05-03"), Precision::Day);
        let ev = a.events();
        let first = ev.iter().find(|e| e.sentence == 0 && e.killed == Some(9)).unwrap();
        assert_eq!(first.date.as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn a_toll_told_later_takes_the_day_of_the_strikes_it_points_to() {
        let a = article(
            "Warplanes struck depots in Anbar on Monday. Officials gave no details. Eleven people were killed in the strikes, the governor said on Wednesday.",
            Some("2024-05-09"),
        )
        .date("on Monday", "", Some("2024-05-06"), Precision::Day)
        .date("on Wednesday", "", Some("2024-05-08"), Precision::Day);
        let ev = a.events();
        let toll = ev.iter().find(|e| e.killed == Some(11)).unwrap();
        assert_eq!(toll.date.as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn staying_until_a_date_is_a_planned_withdrawal() {
        let a = article(
            "Allied advisers will remain at the airport in Erbil until March 2027 to train local units.",
            Some("2025-01-10"),
        )
        .date("until March 2027", "", Some("2027-03"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2027-03"));
    }

    #[test]
    fn operations_that_would_conclude_are_a_withdrawal_not_a_strike() {
        let a = article(
            "The ministers said the alliance's military operations in the south would conclude by the end of June 2026.",
            Some("2025-01-10"),
        )
        .date("by the end of June 2026", "", Some("2026-06"), Precision::Month);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["withdrawal"]);
        assert_eq!(ev[0].date.as_deref(), Some("2026-06"));
    }

    #[test]
    fn the_event_answered_is_not_the_event_reported() {
        let a = article(
            "In response to Monday's attack, navy jets bombed three depots near Mayadin late Tuesday.",
            Some("2024-06-13"),
        )
        .date("Monday's", "", Some("2024-06-10"), Precision::Day)
        .date("late Tuesday", "", Some("2024-06-11"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(ev[0].date.as_deref(), Some("2024-06-11"));
    }

    #[test]
    fn a_carrier_strike_group_is_no_strike_and_such_attacks_are_none() {
        let a = article(
            "The navy moved a carrier strike group to the Gulf in April. \"Such attacks only help our enemies,\" the governor of Basra said in May.",
            Some("2024-06-13"),
        )
        .date("in April", "", Some("2024-04"), Precision::Month)
        .date("in May", "", Some("2024-05"), Precision::Month);
        assert!(a.events().iter().all(|e| group(e.kind) != 0));
    }

    #[test]
    fn a_dateline_day_is_when_the_story_was_filed() {
        let a = article(
            "BASRA, Iraq, May 4 (Wire) - A roadside bomb hit a supply convoy near Basra late on Friday, police said.",
            Some("2024-05-04"),
        )
        .date("May 4", "", Some("2024-05-04"), Precision::Day)
        .date("late on Friday", "", Some("2024-05-03"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev[0].date.as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn a_sentence_that_judges_the_strikes_told_before_is_no_new_report() {
        let a = article(
            "Jets struck depots near Mayadin on Monday. A senior diplomat said the strikes were a message to the regime.",
            Some("2024-06-13"),
        )
        .date("on Monday", "", Some("2024-06-10"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().all(|e| e.sentence == 0 || group(e.kind) != 0));
    }

    #[test]
    fn a_meeting_in_the_past_tense_is_not_the_planned_one_it_discusses() {
        let a = article(
            "The minister met army commanders in Basra on Thursday to prepare talks that are expected to open in Amman next month.",
            Some("2024-06-15"),
        )
        .date("on Thursday", "", Some("2024-06-13"), Precision::Day)
        .date("next month", "", Some("2024-07"), Precision::Month);
        let ev = a.events();
        let m = ev.iter().find(|e| e.kind == EventKind::Meeting).unwrap();
        assert_eq!(m.date.as_deref(), Some("2024-06-13"));
    }

    #[test]
    fn talks_held_since_a_month_are_a_process_not_a_meeting() {
        let a = article(
            "The cabinet, which has been holding talks with the lenders since March, approved a budget on Sunday.",
            Some("2024-06-17"),
        )
        .date("since March", "", Some("2024-03"), Precision::Month)
        .date("on Sunday", "", Some("2024-06-16"), Precision::Day);
        assert!(a.events().iter().all(|e| e.kind != EventKind::Meeting));
    }

    fn speakers(a: &Article, ev: &[Event]) -> Vec<String> {
        ev.iter()
            .flat_map(|e| e.participants.iter().filter(|p| p.role == Role::Speaker))
            .map(|p| a.entities[p.entity].name.clone())
            .collect()
    }

    #[test]
    fn a_news_agency_that_carries_words_is_never_their_speaker() {
        let a = article(
            "Two Iraqi officials told Reuters on Monday that the talks had stalled. The talks would resume soon, according to Reuters. Reuters reported on Tuesday that the vote was delayed.",
            Some("2024-03-06"),
        )
        .entity("Reuters", EntityType::Organization, Some("media"), &["Reuters"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day)
        .date("on Tuesday", "", Some("2024-03-05"), Precision::Day);
        let ev = a.events();
        assert!(speakers(&a, &ev).is_empty(), "{:?}", speakers(&a, &ev));
        assert!(ev.iter().all(|e| e.participants.iter().all(|p| a.entities[p.entity].name != "Reuters")));
    }

    #[test]
    fn whoever_is_told_only_listens() {
        let a = article(
            "A spokesman told the Foreign Ministry on Monday that the convoy had left.",
            Some("2024-03-06"),
        )
        .entity("Iraqi Ministry of Foreign Affairs", EntityType::Organization, Some("government"), &["Foreign Ministry"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        assert!(speakers(&a, &a.events()).is_empty());
    }

    #[test]
    fn the_head_of_a_describing_apposition_speaks() {
        let a = article(
            "Layla Hadi, the spokeswoman of the Interior Ministry, said on Monday that the checkpoint was reopened.",
            Some("2024-03-06"),
        )
        .entity("Layla Hadi", EntityType::Person, None, &["Layla Hadi"])
        .entity("Iraqi Ministry of Interior", EntityType::Organization, Some("government"), &["Interior Ministry"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        assert_eq!(speakers(&a, &a.events()), vec!["Layla Hadi".to_string()]);
    }

    #[test]
    fn an_envoy_to_a_body_is_not_the_body() {
        let a = article(
            "The envoy to the Arab League said on Monday that the summit was postponed.",
            Some("2024-03-06"),
        )
        .entity("Arab League", EntityType::Organization, Some("international"), &["Arab League"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        assert!(speakers(&a, &a.events()).is_empty());
    }

    #[test]
    fn a_name_in_another_clause_is_not_the_actor_of_a_killing() {
        let a = article(
            "Ties soured over US actions that the Iraqi government deemed illegal, notably the assassination of Karim Aziz in Basra in 2021.",
            Some("2024-03-06"),
        )
        .entity("Government of Iraq", EntityType::Organization, Some("government"), &["Iraqi government"])
        .entity("Karim Aziz", EntityType::Person, None, &["Karim Aziz"])
        .date("in 2021", "", Some("2021"), Precision::Year);
        let ev = a.events();
        let killing = ev.iter().find(|e| e.kind == EventKind::Strike).unwrap();
        assert_eq!(role_of(&a, killing, "Government of Iraq"), None);
        assert_eq!(role_of(&a, killing, "Karim Aziz"), Some(Role::Target));
    }

    #[test]
    fn who_met_are_the_parties_not_what_they_met_about() {
        let a = article(
            "The Joint Commission and the Ministry of Defence met in Erbil on Sunday to discuss the threat posed by ISIS, Reuters reported.",
            Some("2024-03-11"),
        )
        .entity("Joint Commission", EntityType::Organization, Some("military"), &["Joint Commission"])
        .entity("Ministry of Defence", EntityType::Organization, Some("government"), &["Ministry of Defence"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIS"])
        .entity("Reuters", EntityType::Organization, Some("media"), &["Reuters"])
        .date("on Sunday", "", Some("2024-03-10"), Precision::Day);
        let ev = a.events();
        let m = ev.iter().find(|e| e.kind == EventKind::Meeting).unwrap();
        let who: Vec<&str> = m.participants.iter().filter(|p| p.role == Role::Participant).map(|p| a.entities[p.entity].name.as_str()).collect();
        assert_eq!(who, vec!["Ministry of Defence", "Joint Commission"]);
    }

    #[test]
    fn who_met_whom_counts_both_sides() {
        let a = article(
            "Layla Hadi met Omar Saleh in Amman on Sunday.",
            Some("2024-03-11"),
        )
        .entity("Layla Hadi", EntityType::Person, None, &["Layla Hadi"])
        .entity("Omar Saleh", EntityType::Person, None, &["Omar Saleh"])
        .date("on Sunday", "", Some("2024-03-10"), Precision::Day);
        let ev = a.events();
        let m = ev.iter().find(|e| e.kind == EventKind::Meeting).unwrap();
        assert_eq!(role_of(&a, m, "Layla Hadi"), Some(Role::Participant));
        assert_eq!(role_of(&a, m, "Omar Saleh"), Some(Role::Participant));
    }

    #[test]
    fn a_group_suspending_its_attacks_announces_it() {
        let a = article("The Saraya militia said on Monday it was suspending its attacks on foreign troops.", Some("2024-03-06"))
            .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().any(|e| e.kind == EventKind::Announcement && e.date.as_deref() == Some("2024-03-04")));
        assert!(ev.iter().all(|e| group(e.kind) != 0));
    }

    #[test]
    fn missiles_fired_at_a_base_are_an_attack() {
        let a = article("Six ballistic missiles were fired at Camp Echo on Monday.", Some("2024-03-06"))
            .entity("Camp Echo", EntityType::Base, None, &["Camp Echo"])
            .date("on Monday", "", Some("2024-03-04"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(ev[0].base, Some(0));
    }

    #[test]
    fn troops_that_left_their_bases_withdrew() {
        let a = article("Foreign troops left their bases in Basra in March 2025.", Some("2025-06-06"))
            .date("in March 2025", "", Some("2025-03"), Precision::Month);
        assert_eq!(kinds(&a.events()), vec!["withdrawal"]);
    }

    #[test]
    fn what_follows_a_plain_speech_verb_is_said_not_the_speaker() {
        let a = article(
            "Officials said on Monday that nine Saraya fighters were killed. Officials said on Tuesday nine Saraya fighters had surrendered. \"The road is open,\" said the Interior Ministry on Wednesday.",
            Some("2024-03-08"),
        )
        .entity("Saraya", EntityType::Organization, Some("armed_group"), &["Saraya"])
        .entity("Iraqi Ministry of Interior", EntityType::Organization, Some("government"), &["Interior Ministry"])
        .date("on Monday", "", Some("2024-03-04"), Precision::Day)
        .date("on Tuesday", "", Some("2024-03-05"), Precision::Day)
        .date("on Wednesday", "", Some("2024-03-06"), Precision::Day);
        assert_eq!(speakers(&a, &a.events()), vec!["Iraqi Ministry of Interior".to_string()]);
    }

    #[test]
    fn a_later_sentence_naming_todays_action_dates_the_strike() {
        let a = article(
            "Navy jets struck two depots near Mayadin, officials said. \"The minister ordered today's action to protect our sailors,\" a spokesman said.",
            Some("2024-04-02"),
        )
        .date("today", "", Some("2024-04-02"), Precision::Day);
        let ev = a.events();
        let strike = ev.iter().find(|e| group(e.kind) == 0).unwrap();
        assert_eq!(strike.date.as_deref(), Some("2024-04-02"));
        // three sentences on, past a quote's setting, still names it
        let a = article(
            "Navy jets struck two depots near Mayadin, officials said. It was the third such raid. The minister spoke in a statement. \"He ordered today's action to protect our sailors,\" a spokesman said.",
            Some("2024-04-02"),
        )
        .date("today", "", Some("2024-04-02"), Precision::Day);
        let strike = a.events().into_iter().find(|e| group(e.kind) == 0).unwrap();
        assert_eq!(strike.date.as_deref(), Some("2024-04-02"));
    }

    #[test]
    fn the_mission_of_a_body_ends_with_that_body_as_actor() {
        let a = article(
            "The United States and Iraq have agreed that the military mission of the US-led coalition fighting ISIL (ISIS) in Iraq \
             will end by September 2025, the two governments said in a joint statement on Friday. \
             Under the plan, the Coalition's mission in federal Iraq, including Baghdad, will wind down within the next 12 months.",
            Some("2024-09-27"),
        )
        .entity("Global Coalition to Defeat ISIS", EntityType::Organization, Some("coalition"), &["US-led coalition", "Coalition"])
        .entity("ISIS", EntityType::Organization, Some("armed_group"), &["ISIL", "ISIS"])
        .date("by September 2025", "", Some("2025-09"), Precision::Month)
        .date("on Friday", "", Some("2024-09-27"), Precision::Day);
        let ev = a.events();
        let w: Vec<&Event> = ev.iter().filter(|e| e.kind == EventKind::Withdrawal).collect();
        assert_eq!(w.len(), 2, "{ev:?}");
        assert_eq!(w[0].date.as_deref(), Some("2025-09"));
        assert_eq!(role_of(&a, w[0], "Global Coalition to Defeat ISIS"), Some(Role::Actor));
        assert_eq!(w[1].date_text.as_deref(), Some("within the next 12 months"));
        assert_eq!(role_of(&a, w[1], "Global Coalition to Defeat ISIS"), Some(Role::Actor));
    }

    #[test]
    fn a_strike_days_before_keeps_the_date_of_its_own_phrase() {
        let a = article(
            "The attack came days after a U.S. strike in Jurf al-Sakhar, south of Baghdad, on July 30 that killed four members of Kataib Hezbollah.",
            Some("2024-08-06"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .date("on July 30", "", Some("2024-07-30"), Precision::Day);
        let ev = a.events();
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!((ev[0].kind, ev[0].date.as_deref(), ev[0].killed), (EventKind::Strike, Some("2024-07-30"), Some(4)));
    }

    #[test]
    fn an_answered_attack_keeps_its_day_and_the_toll_of_its_target_apposition() {
        let a = article(
            "A US drone strike killed a commander in Baghdad on Wednesday. \
             The strike came five days after Washington hit more than 85 targets in Iraq and Syria in retaliation for the \
             20 January attack on Tower 22, a US outpost in Jordan that killed three American soldiers.",
            Some("2024-02-08"),
        )
        .entity("Tower 22", EntityType::Base, None, &["Tower 22"])
        .date("on Wednesday", "", Some("2024-02-07"), Precision::Day)
        .date("20 January", "", Some("2024-01-20"), Precision::Day);
        let ev = a.events();
        let reply = ev.iter().find(|e| e.sentence == 1 && e.kind == EventKind::Strike).expect("the reply");
        assert_eq!((reply.date.as_deref(), reply.killed, reply.place.as_deref()), (Some("2024-02-02"), None, Some("Iraq and Syria")));
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).expect("the attack answered");
        // (its own day, not five days before the reply's)
        assert_eq!((attack.date.as_deref(), attack.killed), (Some("2024-01-20"), Some(3)));
    }

    #[test]
    fn no_one_killed_is_no_casualty() {
        let a = article(
            "Iran fired 11 ballistic missiles at the base on Jan. 8, 2020. No one was killed. \
             A rocket hit the base on Jan. 9, 2020, but no one was killed.",
            Some("2021-01-08"),
        )
        .date("on Jan. 8, 2020", "", Some("2020-01-08"), Precision::Day)
        .date("on Jan. 9, 2020", "", Some("2020-01-09"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "attack"], "{ev:?}");
        assert_eq!((ev[0].killed, ev[1].killed), (Some(0), Some(0)));
    }

    #[test]
    fn a_count_after_a_month_and_a_comma_counts() {
        let a = article("In January, three US soldiers were killed in a drone attack in Jordan.", Some("2024-09-27"))
            .date("In January", "", Some("2024-01"), Precision::Month);
        let ev = a.events();
        assert_eq!(ev.iter().map(|e| e.killed).collect::<Vec<_>>(), vec![Some(3)], "{ev:?}");
    }

    #[test]
    fn a_post_attack_assessment_is_no_attack() {
        let a = article(
            "Rockets struck the base on Monday. \"Base personnel are conducting a post-attack damage assessment,\" the official said.",
            Some("2024-08-06"),
        )
        .date("on Monday", "", Some("2024-08-05"), Precision::Day);
        let attacks: Vec<usize> = a.events().iter().filter(|e| e.kind == EventKind::Attack).map(|e| e.sentence).collect();
        assert_eq!(attacks, vec![0]);
    }

    #[test]
    fn a_run_of_attacks_in_recent_months_takes_no_day_from_before() {
        let a = article(
            "On 3 September, the SDF commander Mazloum Abdi said the unrest had been contained. \
             The coalition base at Conoco was targeted several times in recent months.",
            Some("2023-09-10"),
        )
        .entity("Mazloum Abdi", EntityType::Person, None, &["Mazloum Abdi"])
        .entity("Mission Support Site Conoco", EntityType::Base, None, &["Conoco"])
        .date("On 3 September", "", Some("2023-09-03"), Precision::Day);
        let ev = a.events();
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).expect("the attacks");
        assert_eq!(attack.date, None);
    }

    #[test]
    fn bombs_used_to_target_are_a_strike() {
        let a = article(
            "On Tuesday 28 March, two Typhoons, supported by a Voyager tanker, used Paveway IV guided bombs to target the cave entrances.",
            Some("2023-04-03"),
        )
        .date("On Tuesday 28 March", "", Some("2023-03-28"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["strike"]);
        assert_eq!(ev[0].date.as_deref(), Some("2023-03-28"));
    }

    #[test]
    fn a_claim_names_no_speaker_in_what_it_claims() {
        let a = article(
            "Armed groups aligned with Iran, operating under the banner of the Islamic Resistance in Iraq, claimed more than 170 attacks on US troops.",
            Some("2024-09-27"),
        )
        .entity("Islamic Resistance in Iraq", EntityType::Organization, Some("armed_group"), &["Islamic Resistance in Iraq"])
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US troops"]);
        let ev = a.events();
        assert!(ev.iter().all(|e| role_of(&a, e, "United States Armed Forces") != Some(Role::Speaker)), "{ev:?}");
        assert_eq!(kinds(&ev), vec!["attack"]);
    }

    #[test]
    fn a_subject_with_a_relative_clause_takes_part_in_its_meeting() {
        let a = article(
            "Parliament Speaker Mahmoud al-Mashhadani, who was elected in October after a vacancy of nearly a year, \
             received the US ambassador Alina Romanowski on Sunday.",
            Some("2025-01-12"),
        )
        .entity("Mahmoud al-Mashhadani", EntityType::Person, None, &["Mahmoud al-Mashhadani"])
        .entity("Alina Romanowski", EntityType::Person, None, &["Alina Romanowski"])
        .date("on Sunday", "", Some("2025-01-12"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!(role_of(&a, &ev[0], "Mahmoud al-Mashhadani"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[0], "Alina Romanowski"), Some(Role::Participant));
    }

    #[test]
    fn months_of_talks_are_no_meeting() {
        let a = article(
            "The announcement follows months of talks by the Higher Military Commission, a body set up in January to review the coalition's future.",
            Some("2024-09-27"),
        )
        .entity("Higher Military Commission", EntityType::Organization, Some("military"), &["Higher Military Commission"])
        .date("in January", "", Some("2024-01"), Precision::Month);
        assert!(a.events().iter().all(|e| e.kind != EventKind::Meeting));
    }

    #[test]
    fn what_pushes_a_government_to_end_the_mission_is_no_withdrawal() {
        let a = article(
            "Rasool said the strike \"pushes the Iraqi government more than ever to end the mission of the coalition\" on Thursday.",
            Some("2024-02-08"),
        )
        .entity("Yahya Rasool", EntityType::Person, None, &["Rasool"])
        .entity("Global Coalition to Defeat ISIS", EntityType::Organization, Some("coalition"), &["coalition"])
        .date("on Thursday", "", Some("2024-02-08"), Precision::Day);
        assert!(a.events().iter().all(|e| e.kind != EventKind::Withdrawal));
    }

    #[test]
    fn according_to_names_no_speaker_past_a_clause_break() {
        let a = article(
            "Rockets hit the base on Saturday, according to the sources, while the US-led coalition responded with artillery fire.",
            Some("2023-09-10"),
        )
        .entity("Global Coalition to Defeat ISIS", EntityType::Organization, Some("coalition"), &["US-led coalition"])
        .date("on Saturday", "", Some("2023-09-09"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().all(|e| e.kind != EventKind::Statement), "{ev:?}");
    }

    #[test]
    fn no_one_hurt_after_an_attack_is_no_casualty_of_its_own() {
        let a = article(
            "A drone struck the base late Sunday. No US personnel were injured, a US defense official said. \
             Two Iraqi soldiers were killed on Monday, but no US personnel were injured.",
            Some("2024-02-05"),
        )
        .date("late Sunday", "", Some("2024-02-04"), Precision::Day)
        .date("on Monday", "", Some("2024-02-05"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack", "casualty"], "{ev:?}");
        assert_eq!((ev[0].killed, ev[1].killed), (Some(0), Some(2)));
    }

    #[test]
    fn the_one_killed_before_the_strike_word_is_its_target() {
        let a = article("Two days after the US killed the Iranian general Qassem Suleimani in a drone strike in Baghdad, MPs voted.", Some("2020-01-05"))
            .entity("Qasem Soleimani", EntityType::Person, None, &["Qassem Suleimani"]);
        let ev = a.events();
        let strike = ev.iter().find(|e| e.kind == EventKind::Strike).expect("the strike");
        assert_eq!(role_of(&a, strike, "Qasem Soleimani"), Some(Role::Target));
    }

    #[test]
    fn who_holds_the_launch_site_is_not_the_target() {
        let a = article(
            "The US base at Conoco was targeted on Saturday with rockets launched from areas controlled by the Syrian regime.",
            Some("2023-09-10"),
        )
        .entity("Assad government", EntityType::Organization, Some("government"), &["Syrian regime"])
        .date("on Saturday", "", Some("2023-09-09"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["attack"]);
        assert_eq!(role_of(&a, &ev[0], "Assad government"), None);
    }

    #[test]
    fn the_attack_hours_before_a_reply_is_its_own_event_with_its_toll() {
        let a = article(
            "U.S. aircraft struck three locations in Iraq used by Kataib Hezbollah early on Tuesday, hours after a drone attack \
             on Erbil air base wounded three U.S. service members.",
            Some("2023-12-26"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .entity("Erbil Air Base", EntityType::Base, None, &["Erbil air base"])
        .date("early on Tuesday", "", Some("2023-12-26"), Precision::Day);
        let ev = a.events();
        let strike = ev.iter().find(|e| e.kind == EventKind::Strike).expect("the strike");
        assert_eq!((strike.injured, strike.base), (None, None));
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).expect("the attack");
        assert_eq!((attack.injured, attack.base), (Some(3), Some(1)));
    }

    #[test]
    fn a_toll_after_strikes_keeps_their_day_through_a_quote() {
        let a = article(
            "U.S. aircraft struck three sites in Iraq early on Tuesday. \
             \"We will protect our people,\" Austin said. \
             The strikes targeted facilities used for drones, the Pentagon said. \
             A security source said one militant was killed in Hilla. \
             A group claimed Monday's attack on Erbil.",
            Some("2023-12-26"),
        )
        .date("early on Tuesday", "", Some("2023-12-26"), Precision::Day)
        .date("Monday's", "", Some("2023-12-25"), Precision::Day);
        let ev = a.events();
        let toll = ev.iter().find(|e| e.kind == EventKind::Casualty).expect("the toll");
        assert_eq!(toll.date.as_deref(), Some("2023-12-26"));
    }

    #[test]
    fn a_round_held_is_a_meeting() {
        let a = article("The talks began in January. A third round was held in Washington in April.", Some("2024-06-20"))
            .date("in January", "", Some("2024-01"), Precision::Month)
            .date("in April", "", Some("2024-04"), Precision::Month);
        let ev = a.events();
        let m = ev.iter().find(|e| e.sentence == 1).expect("the round");
        assert_eq!((m.kind, m.date.as_deref()), (EventKind::Meeting, Some("2024-04")));
    }

    #[test]
    fn attacks_refrained_from_are_none() {
        let a = article("Rockets struck the base on Sunday. Iraqi factions have so far refrained from attacking US forces.", Some("2025-06-22"))
            .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US forces"])
            .date("on Sunday", "", Some("2025-06-22"), Precision::Day);
        let told: Vec<usize> = a.events().iter().map(|e| e.sentence).collect();
        assert_eq!(told, vec![0]);
    }

    #[test]
    fn a_name_before_the_verbs_own_subject_does_not_speak() {
        let a = article(
            "About 1,200 soldiers will deploy to Iraq this spring to support Operation Inherent Resolve, the Army announced Monday.",
            Some("2025-03-11"),
        )
        .entity("Operation Inherent Resolve", EntityType::Organization, Some("military"), &["Operation Inherent Resolve"])
        .date("Monday", "", Some("2025-03-10"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().all(|e| role_of(&a, e, "Operation Inherent Resolve") != Some(Role::Speaker)), "{ev:?}");
    }

    #[test]
    fn attacks_said_to_continue_are_a_trend() {
        let a = article("Mazloum Abdi said on Monday that the attacks continued.", Some("2024-06-20"))
            .entity("Mazloum Abdi", EntityType::Person, None, &["Mazloum Abdi"])
            .date("on Monday", "", Some("2024-06-17"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["statement"]);
    }

    #[test]
    fn what_a_group_said_that_it_attacked_is_an_attack() {
        let a = article("The group said that it attacked the base on Tuesday. Officials said that militants targeted a convoy on Wednesday.", Some("2024-01-11"))
            .date("on Tuesday", "", Some("2024-01-09"), Precision::Day)
            .date("on Wednesday", "", Some("2024-01-10"), Precision::Day);
        let ev = a.events();
        let attacks: Vec<Option<&str>> = ev.iter().filter(|e| e.kind == EventKind::Attack).map(|e| e.date.as_deref()).collect();
        assert_eq!(attacks, vec![Some("2024-01-09"), Some("2024-01-10")], "{ev:?}");
    }

    #[test]
    fn attacks_stepped_up_are_a_trend() {
        let a = article("Militias in Iraq have stepped up attacks on US forces since Monday.", Some("2024-01-10"))
            .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["US forces"])
            .date("since Monday", "", Some("2024-01-08"), Precision::Day);
        assert!(a.events().is_empty());
    }

    #[test]
    fn the_troops_hurt_before_an_after_clause_do_not_make_its_attack_a_strike() {
        let a = article(
            "Several U.S. troops suffered minor injuries after a rocket attack targeted a U.S. base in Syria on Sunday.",
            Some("2024-03-18"),
        )
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["U.S. troops"])
        .date("on Sunday", "", Some("2024-03-17"), Precision::Day);
        assert_eq!(kinds(&a.events()), vec!["attack"]);
    }

    #[test]
    fn what_someone_said_troops_would_leave_by_a_date_is_a_withdrawal() {
        let a = article(
            "The adviser said last month that the remaining advisers would leave the air base by September 2025. \
             He said they would leave if asked.",
            Some("2025-09-02"),
        )
        .date("last month", "", Some("2025-08"), Precision::Month)
        .date("September 2025", "", Some("2025-09"), Precision::Month);
        let ev = a.events();
        let w: Vec<(usize, Option<&str>)> = ev.iter().filter(|e| e.kind == EventKind::Withdrawal).map(|e| (e.sentence, e.date.as_deref())).collect();
        assert_eq!(w, vec![(0, Some("2025-09"))]);
    }

    #[test]
    fn troops_relocating_withdraw_and_an_embassy_relocating_staff_does_not() {
        let a = article(
            "US forces have begun moving personnel and equipment from bases in Baghdad to the Kurdistan Region on Tuesday. \
             US troops began relocating from Anbar to Erbil on Monday. The embassy relocated its staff to Erbil in March.",
            Some("2025-09-02"),
        )
        .date("on Tuesday", "", Some("2025-09-02"), Precision::Day)
        .date("on Monday", "", Some("2025-09-01"), Precision::Day)
        .date("in March", "", Some("2025-03"), Precision::Month);
        let w: Vec<usize> = a.events().iter().filter(|e| e.kind == EventKind::Withdrawal).map(|e| e.sentence).collect();
        assert_eq!(w, vec![0, 1]);
    }

    #[test]
    fn a_name_in_apposition_before_an_auxiliary_is_the_subject() {
        let a = article("The US Central Command chief, Gen. Michael Kurilla, had visited Abdi in Hasakah on Friday.", Some("2025-03-11"))
            .entity("Michael Kurilla", EntityType::Person, None, &["Michael Kurilla"])
            .entity("Mazloum Abdi", EntityType::Person, None, &["Abdi"])
            .date("on Friday", "", Some("2025-03-07"), Precision::Day);
        let ev = a.events();
        assert_eq!(kinds(&ev), vec!["meeting"]);
        assert_eq!(role_of(&a, &ev[0], "Michael Kurilla"), Some(Role::Participant));
        assert_eq!(role_of(&a, &ev[0], "Mazloum Abdi"), Some(Role::Participant));
    }

    #[test]
    fn the_attack_a_militia_is_blamed_for_is_its_own_event_days_before_the_reply() {
        let a = article(
            "The U.S. military launched airstrikes Sunday against five facilities belonging to Kataib Hezbollah, the militia that \
             Washington blames for a rocket attack that killed an American contractor two days earlier.",
            Some("2019-12-30"),
        )
        .entity("Kataib Hezbollah", EntityType::Organization, Some("armed_group"), &["Kataib Hezbollah"])
        .date("Sunday", "", Some("2019-12-29"), Precision::Day);
        let ev = a.events();
        let strike = ev.iter().find(|e| e.kind == EventKind::Strike).expect("the strikes");
        assert_eq!((strike.date.as_deref(), strike.killed), (Some("2019-12-29"), None));
        let attack = ev.iter().find(|e| e.kind == EventKind::Attack).expect("the attack blamed");
        assert_eq!((attack.date.as_deref(), attack.killed), (Some("2019-12-27"), Some(1)));
    }

    #[test]
    fn the_dead_of_the_strikes_take_their_day_past_the_attack_they_answered() {
        let a = article(
            "The U.S. military launched airstrikes Sunday against five facilities in Iraq and Syria. \
             More than 30 rockets struck the K-1 base near Kirkuk on Friday, killing a contractor. \
             Militia officials said 25 fighters were killed in the U.S. strikes.",
            Some("2019-12-30"),
        )
        .date("Sunday", "", Some("2019-12-29"), Precision::Day)
        .date("on Friday", "", Some("2019-12-27"), Precision::Day);
        let ev = a.events();
        let dead = ev.iter().find(|e| e.sentence == 2).expect("the toll");
        assert_eq!((dead.killed, dead.date.as_deref()), (Some(25), Some("2019-12-29")));
    }

    #[test]
    fn the_dead_identified_by_name_are_counted_and_who_names_them_did_not_kill() {
        let a = article(
            "The Pentagon identified the soldiers killed as Sgt. William Jerome Rivers, 46, of Carrollton, Georgia; \
             Spc. Kennedy Ladon Sanders, 24, of Waycross, Georgia; and Spc. Breonna Alexsondria Moffett, 23, of Savannah, Georgia.",
            Some("2024-01-29"),
        )
        .entity("United States Department of Defense", EntityType::Organization, Some("government"), &["Pentagon"])
        .entity("William Jerome Rivers", EntityType::Person, None, &["William Jerome Rivers"])
        .entity("Kennedy Ladon Sanders", EntityType::Person, None, &["Kennedy Ladon Sanders"])
        .entity("Breonna Alexsondria Moffett", EntityType::Person, None, &["Breonna Alexsondria Moffett"]);
        let ev = a.events();
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].killed, Some(3));
        assert_eq!(role_of(&a, &ev[0], "United States Department of Defense"), None);
    }

    #[test]
    fn the_sides_of_a_war_named_in_a_compound_take_no_part() {
        let a = article(
            "The attack on Sunday at Tower 22 was the first deadly strike against U.S. forces since the Israel-Hamas war began in October, \
             and the first since the Hamas‐Israel war.",
            Some("2024-01-29"),
        )
        .entity("Hamas", EntityType::Organization, Some("armed_group"), &["Hamas"])
        .entity("United States Armed Forces", EntityType::Organization, Some("military"), &["U.S. forces"])
        .date("on Sunday", "", Some("2024-01-28"), Precision::Day);
        let ev = a.events();
        assert!(ev.iter().all(|e| role_of(&a, e, "Hamas").is_none()), "{ev:?}");
    }
}
