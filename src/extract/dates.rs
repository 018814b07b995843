//! Date expressions and their resolution against the publication date, the
//! way HeidelTime's news mode does it.
//!
//! One combined regular expression finds the atoms of a date ("Wednesday",
//! "Jan. 28, 2024", "last week"); the words before an atom that only frame
//! it ("on", "since", "early", "the end of") are added to its span; a
//! weekday next to another name of the same day ("Yesterday, Wednesday")
//! becomes one expression. Relative atoms are resolved against the
//! document creation time (DCT) and the tense of the clause around them.

use super::text::word_byte;
use super::Sentence;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date expression: `body[start..end]` (bytes) is its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// ISO value at its precision (`2024-01-23`, `2024-01`, `2024`; a week
    /// as its Monday), or None when it cannot be resolved (no DCT)
    pub value: Option<String>,
    pub precision: Option<Precision>,
    /// index of the sentence it stands in
    pub sentence: usize,
}

/// The time a clause speaks of, relative to the publication date; it
/// decides which "Sunday" or which "March" a bare name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

const MONTHS_FULL: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
// "Sept" before "Sep" so that the longer form wins
const MONTHS_ABBR: &str = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Every atom kind as one alternation with uniquely named groups; the order
/// matters where two kinds could start at the same place (longest first).
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries keep the regex on the fast DFA for bodies with
    // curly quotes and other non-ASCII text
    let b = r"(?-u:\b)";
    let full = MONTHS_FULL;
    let abbr = MONTHS_ABBR;
    let day = r"(?:[12][0-9]|3[01]|0?[1-9])";
    let ord = r"(?:st|nd|rd|th)?";
    let year = r"(?:19[0-9][0-9]|20[0-9][0-9]|2100)";
    let wd = WEEKDAYS;
    let num = r"[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[0-9]{1,2}";
    let alts = [
        format!(r"{b}(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01]){b}"),
        format!(r"{b}(?P<mdy_m>{full}|{abbr})(?:\.\s*|\s+)(?P<mdy_d>{day}){ord},?\s+(?P<mdy_y>{year}){b}"),
        format!(r"{b}(?P<dmy_d>{day}){ord}\s+(?:of\s+)?(?P<dmy_m>{full}|{abbr})\.?,?\s+(?P<dmy_y>{year}){b}"),
        format!(r"{b}(?P<my_m>{full}|{abbr})\.?,?\s+(?:of\s+)?(?P<my_y>{year}){b}"),
        // holidays named for their day ("on Christmas Day", "Thanksgiving")
        format!(
            r"{b}(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Veterans\s+Day|Memorial\s+Day|Labor\s+Day|Nowruz|Newroz|Fourth\s+of\s+July|July\s+Fourth){b}"
        ),
        // "September next year", "March last year"
        format!(r"{b}(?P<mny_m>{full})\s+(?:of\s+)?(?P<mny_mod>next|last|this)\s+year{b}"),
        format!(r"{b}(?P<md_m>{full}|{abbr})(?:\.\s*|\s+)(?P<md_d>{day}){ord}{b}"),
        format!(r"{b}(?P<dm_d>{day}){ord}\s+(?:of\s+)?(?P<dm_m>{full}){b}"),
        format!(r"{b}(?P<ye>(?:[Tt]he\s+)?[Ee]nd\s+of\s+(?:the\s+|this\s+)?year|[Yy]ear-end|[Yy]ear['’]s\s+end){b}"),
        format!(
            r"{b}(?P<rp_mod>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming)\s+(?P<rp_u>[Ww]eek|[Mm]onth|[Yy]ear|[Ff]iscal\s+[Yy]ear){b}"
        ),
        format!(r"{b}(?P<we_mod>[Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext|[Cc]oming|[Tt]he\s+past|[Tt]he)\s+weekend{b}"),
        format!(r"{b}(?P<ago_n>{num})\s+(?P<ago_u>day|week|month|year)s?\s+ago{b}"),
        format!(
            r"{b}(?P<rd>[Tt]he\s+day\s+before\s+yesterday|[Tt]he\s+day\s+after\s+tomorrow|[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening)){b}"
        ),
        // ("Thursday last week", "Monday of next week")
        format!(
            r"{b}(?:(?P<wd_mod>[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his|[Cc]oming)\s+)?(?P<wd>{wd})(?:\s+(?:of\s+)?(?P<wd_wk>last|next|this)\s+week)?{b}"
        ),
        format!(r"{b}(?P<ty>[Tt]he\s+year){b}"),
        format!(r"{b}(?:(?P<mo_mod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<mo>{full}){b}"),
        format!(r"{b}(?P<yr>{year})(?:[-–](?P<yr2>[0-9]{{2}}))?{b}"),
        format!(r"(?P<ay>['’][0-9][0-9]){b}"),
    ];
    Regex::new(&alts.join("|")).expect("date regex")
});

/// Words that frame a date without changing its value; they become part of
/// the expression's span. Matched at the end of the text before an atom.
static FRAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^A-Za-z])(?:",
        r"(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?",
        r"(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough|[Tt]hroughout|[Dd]uring|[Bb]efore|[Aa]fter|[Ff]or|[Aa]t|[Aa]s\s+of|[Bb]etween)\s+)?",
        r"(?:(?:[Tt]he\s+)?(?:end|beginning|start|middle|close)\s+of\s+)?",
        r"(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Mm]id)\s+|[Mm]id-|[Ff]iscal\s+(?:[Yy]ear\s+)?)?",
        r")$"
    ))
    .expect("frame regex")
});

/// Markers of a future clause: modal, plan or schedule words, each with the
/// verb that follows so that "will be held" is one marker, not a past "held".
static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:(?-u:\b)(?:will|would|shall|won't|wouldn't|(?:is|are|was|were)\s+expected\s+to|expected|",
        r"plans?\s+to|planned|planning\s+to|scheduled|slated|(?:is|are)\s+set\s+to|(?:is|are)\s+due\s+to|",
        r"to\s+be\s+held|intends?\s+to|going\s+to|upcoming|next)|['’]ll)",
        r"(?:\s+(?:not|also|likely|then|soon|be|have))*(?:\s+[a-z]+)?(?-u:\b)"
    ))
    .expect("future regex")
});

/// Markers of a past clause: common past forms, perfect auxiliaries, and
/// any lower-case word in -ed (filtered by `is_past_word`).
static PAST_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:(?i:said|told|was|were|had|has|have|did|been|met|held|came|went|took|made|began|left|",
        r"fired|died|shot|hit|struck|saw|gave|sent|fought|fell|ago|earlier|last|yesterday)|[a-z]{2,}ed)(?-u:\b)"
    ))
    .expect("past regex")
});

/// Whether an ASCII word is one of the listed forms of `PAST_RE`, in any
/// case: lower-cased into a small buffer and matched at once, where a walk
/// through the list cost more than the regex saved.
fn past_form(w: &[u8]) -> bool {
    if !(2..=9).contains(&w.len()) {
        return false;
    }
    let mut buf = [0u8; 9];
    for (b, c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"said" | b"told" | b"was" | b"were" | b"had" | b"has" | b"have" | b"did" | b"been" | b"met" | b"held" | b"came"
            | b"went" | b"took" | b"made" | b"began" | b"left" | b"fired" | b"died" | b"shot" | b"hit" | b"struck" | b"saw"
            | b"gave" | b"sent" | b"fought" | b"fell" | b"ago" | b"earlier" | b"last" | b"yesterday"
    )
}

/// The matches of `PAST_RE` in a sentence without the Kelvin sign or the
/// long s (the only characters outside ASCII the regex's case folding takes
/// for ASCII letters), read word by word: a match opens an ASCII word and
/// closes it (the regex's ASCII `\b` on both sides), so a word is a match
/// when it is one of the listed forms in any case or, all lower-case
/// letters, at least four of them, ends in "ed".
fn past_matches(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = sentence.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(off) = b[at..].iter().position(|&c| word_byte(c)) {
            let start = at + off;
            let end = b[start..].iter().position(|&c| !word_byte(c)).map_or(b.len(), |n| start + n);
            at = end;
            let w = &b[start..end];
            let ed = w.len() >= 4 && w.ends_with(b"ed") && w.iter().all(u8::is_ascii_lowercase);
            if ed || past_form(w) {
                return Some((start, end));
            }
        }
        None
    })
}

/// Lower-case words in -ed that are usually adjectives, not past verbs.
const NOT_PAST: &[&str] = &[
    "based",
    "armed",
    "united",
    "allied",
    "related",
    "advanced",
    "detailed",
    "limited",
    "concerned",
    "interested",
    "alleged",
    "hundred",
    "indeed",
    "need",
    "speed",
    "feed",
    "seed",
    "proceed",
    "exceed",
    "succeed",
    "embed",
    "breed",
    "red",
    "bed",
    "shed",
    "wed",
    "sophisticated",
    "unprecedented",
    "unidentified",
    "unnamed",
    "naked",
    "wicked",
    "sacred",
    "beloved",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// a calendar day with its year
    Day(Date),
    MonthYear {
        y: i16,
        m: i8,
    },
    Year(i16),
    MonthDay {
        m: i8,
        d: i8,
    },
    Month {
        m: i8,
        modifier: Modifier,
    },
    /// yesterday, today, tomorrow: days from the DCT
    RelDay(i32),
    Weekday {
        wd: Weekday,
        modifier: Modifier,
    },
    /// "Thursday last week": a weekday of the week `weeks` from the DCT's
    WeekdayOfWeek {
        wd: Weekday,
        weeks: i32,
    },
    Ago {
        n: i32,
        unit: Unit,
    },
    /// this/last/next week, month, year: periods from the DCT's period
    RelPeriod {
        offset: i32,
        unit: Unit,
    },
    /// "the year": the year the text last spoke of
    TheYear,
    /// "the end of the year": the DCT's year in a plan, else the year the
    /// text last spoke of
    YearEnd,
    /// a weekend, valued as its week
    Weekend(Modifier),
    /// "'58": a year by its last two digits
    ShortYear(i16),
    /// "September next year": a month of the year `offset` years from the DCT's
    MonthOfYear {
        m: i8,
        offset: i32,
    },
    /// a holiday whose day moves: the `nth` (from 1; -1 for the last)
    /// weekday `wd` of month `m`
    Floating {
        m: i8,
        wd: Weekday,
        nth: i8,
    },
}

impl Kind {
    /// How firmly a kind names its day when two atoms name the same one.
    fn strength(self) -> u8 {
        match self {
            Kind::Day(_) => 4,
            Kind::RelDay(_) => 3,
            Kind::MonthDay { .. } | Kind::Floating { .. } => 2,
            Kind::Weekday { .. } => 1,
            _ => 0,
        }
    }
    fn names_a_day(self) -> bool {
        self.strength() > 0
    }
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    /// start of the atom proper, before its frame was added
    core_start: usize,
    kind: Kind,
    /// framed by "since": the clause speaks of the past whatever its verbs
    since: bool,
}

fn month_number(word: &str) -> i8 {
    let w = word.as_bytes();
    match (w[0], w.get(1).copied().unwrap_or(0), w.get(2).copied().unwrap_or(0)) {
        (b'J', b'a', _) => 1,
        (b'F', _, _) => 2,
        (b'M', b'a', b'r') => 3,
        (b'A', b'p', _) => 4,
        (b'M', b'a', b'y') => 5,
        (b'J', b'u', b'n') => 6,
        (b'J', b'u', b'l') => 7,
        (b'A', b'u', _) => 8,
        (b'S', _, _) => 9,
        (b'O', _, _) => 10,
        (b'N', _, _) => 11,
        _ => 12,
    }
}

fn weekday(word: &str) -> Weekday {
    match word.as_bytes()[0..2] {
        [b'M', _] => Weekday::Monday,
        [b'T', b'u'] => Weekday::Tuesday,
        [b'W', _] => Weekday::Wednesday,
        [b'T', _] => Weekday::Thursday,
        [b'F', _] => Weekday::Friday,
        [b'S', b'a'] => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// The periods a modifier counts from the DCT's: "last" -1, "next" and
/// "coming" 1, "this" 0.
fn period_offset(word: Option<&str>) -> i32 {
    match modifier(word) {
        Modifier::Last => -1,
        Modifier::Next => 1,
        _ => 0,
    }
}

fn modifier(word: Option<&str>) -> Modifier {
    match word.map(|w| w.to_ascii_lowercase()) {
        None => Modifier::None,
        Some(w) if w.contains("past") => Modifier::Last,
        Some(w) if w == "the" => Modifier::None,
        Some(w) if w == "last" => Modifier::Last,
        Some(w) if w == "this" => Modifier::This,
        Some(_) => Modifier::Next, // next, coming
    }
}

fn unit(word: &str) -> Unit {
    match word.to_ascii_lowercase().as_str() {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

fn number_word(word: &str) -> i32 {
    match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        digits => digits.parse().unwrap_or(0),
    }
}

/// The number of a named group of `DATE_RE` (the order its groups open
/// in): a lookup by name hashes the name, and `classify` asks for up to
/// thirty names per match.
fn group_index(name: &str) -> usize {
    match name {
        "iso_y" => 1,
        "iso_m" => 2,
        "iso_d" => 3,
        "mdy_m" => 4,
        "mdy_d" => 5,
        "mdy_y" => 6,
        "dmy_d" => 7,
        "dmy_m" => 8,
        "dmy_y" => 9,
        "my_m" => 10,
        "my_y" => 11,
        "hol" => 12,
        "mny_m" => 13,
        "mny_mod" => 14,
        "md_m" => 15,
        "md_d" => 16,
        "dm_d" => 17,
        "dm_m" => 18,
        "ye" => 19,
        "rp_mod" => 20,
        "rp_u" => 21,
        "we_mod" => 22,
        "ago_n" => 23,
        "ago_u" => 24,
        "rd" => 25,
        "wd_mod" => 26,
        "wd" => 27,
        "wd_wk" => 28,
        "ty" => 29,
        "mo_mod" => 30,
        "mo" => 31,
        "yr" => 32,
        "yr2" => 33,
        "ay" => 34,
        _ => unreachable!("no date group {name}"),
    }
}

/// The groups of one `DATE_RE` match, by number. Most matches are one
/// word that only one alternative can match ("2024", "Tuesday"): their
/// groups are known from the match alone, and the regex's capture search
/// (a backtracking walk of every alternative) is left for the others.
struct Groups<'h> {
    text: &'h str,
    spans: [Option<(usize, usize)>; GROUPS],
}

/// The groups of `DATE_RE`, the whole match included.
const GROUPS: usize = 35;

/// One group of a match, located in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn len(&self) -> usize {
        self.end - self.start
    }
    fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

impl<'h> Groups<'h> {
    fn of(text: &'h str, c: &Captures<'h>) -> Groups<'h> {
        let mut spans = [None; GROUPS];
        for (i, g) in c.iter().enumerate() {
            spans[i] = g.map(|g| (g.start(), g.end()));
        }
        Groups { text, spans }
    }

    /// The groups of the match `start..end` when its text is a whole match
    /// of one alternative alone: four digits (a year), a weekday, a month,
    /// a day named from today.
    fn of_one_word(text: &'h str, start: usize, end: usize) -> Option<Groups<'h>> {
        let word = &text[start..end];
        let group = if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            "yr"
        } else if matches!(word, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday") {
            "wd"
        } else if matches!(
            word,
            "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December"
        ) {
            "mo"
        } else if matches!(word, "yesterday" | "Yesterday" | "today" | "Today" | "tomorrow" | "Tomorrow" | "tonight" | "Tonight") {
            "rd"
        } else {
            return None;
        };
        let mut spans = [None; GROUPS];
        spans[0] = Some((start, end));
        spans[group_index(group)] = Some((start, end));
        Some(Groups { text, spans })
    }

    fn get(&self, i: usize) -> Option<Group<'h>> {
        self.spans[i].map(|(start, end)| Group { text: self.text, start, end })
    }
}

fn group<'h>(c: &Groups<'h>, name: &str) -> Option<Group<'h>> {
    c.get(group_index(name))
}

fn num<T: std::str::FromStr>(c: &Groups, name: &str) -> Option<T> {
    group(c, name)?.as_str().parse().ok()
}

/// The atom a match stands for, or None when the match is not a date after
/// all (an impossible day, a number of things, "May" the verb).
fn classify(text: &str, c: &Groups) -> Option<Kind> {
    if let Some(y) = group(c, "iso_y") {
        let y = y.as_str().parse().ok()?;
        return Date::new(y, num(c, "iso_m")?, num(c, "iso_d")?).ok().map(Kind::Day);
    }
    if let Some(m) = group(c, "mdy_m") {
        let d = Date::new(num(c, "mdy_y")?, month_number(m.as_str()), num(c, "mdy_d")?).ok()?;
        return Some(Kind::Day(d));
    }
    if let Some(m) = group(c, "dmy_m") {
        let d = Date::new(num(c, "dmy_y")?, month_number(m.as_str()), num(c, "dmy_d")?).ok()?;
        return Some(Kind::Day(d));
    }
    if let Some(m) = group(c, "my_m") {
        return Some(Kind::MonthYear {
            y: num(c, "my_y")?,
            m: month_number(m.as_str()),
        });
    }
    if let Some(m) = group(c, "mny_m") {
        return Some(Kind::MonthOfYear { m: month_number(m.as_str()), offset: period_offset(group(c, "mny_mod").map(|g| g.as_str())) });
    }
    if let Some(h) = group(c, "hol") {
        return holiday(text, h.start(), h.as_str());
    }
    if let Some(m) = group(c, "md_m") {
        return month_day(month_number(m.as_str()), num(c, "md_d")?);
    }
    if let Some(m) = group(c, "dm_m") {
        return month_day(month_number(m.as_str()), num(c, "dm_d")?);
    }
    if group(c, "ye").is_some() {
        return Some(Kind::YearEnd);
    }
    if group(c, "we_mod").is_some() {
        return Some(Kind::Weekend(modifier(group(c, "we_mod").map(|m| m.as_str()))));
    }
    if let Some(a) = group(c, "ay") {
        // only where a year is expected: "in '58", "the class of '03"
        let before = prev_word(text, a.start()).to_ascii_lowercase();
        let spaced = text[..a.start()].ends_with(|ch: char| ch.is_whitespace());
        let framed = matches!(
            before.as_str(),
            "in" | "since" | "of" | "until" | "by" | "from" | "to" | "and" | "before" | "after"
        );
        return (spaced && framed).then(|| Kind::ShortYear(a.as_str()[a.len() - 2..].parse().unwrap_or(0)));
    }
    if let Some(u) = group(c, "rp_u") {
        let offset = period_offset(group(c, "rp_mod").map(|m| m.as_str()));
        return Some(Kind::RelPeriod {
            offset,
            unit: unit(u.as_str()),
        });
    }
    if let Some(u) = group(c, "ago_u") {
        let n = number_word(group(c, "ago_n")?.as_str());
        return (n > 0).then_some(Kind::Ago {
            n,
            unit: unit(u.as_str()),
        });
    }
    if let Some(r) = group(c, "rd") {
        let lower = r.as_str().to_ascii_lowercase();
        let offset = if lower.contains("before") {
            -2
        } else if lower.contains("after") {
            2
        } else if lower.starts_with("yes") || lower.starts_with("last") {
            -1
        } else if lower.starts_with("tom") {
            1
        } else {
            0
        };
        return Some(Kind::RelDay(offset));
    }
    if let Some(w) = group(c, "wd") {
        if let Some(k) = group(c, "wd_wk") {
            return Some(Kind::WeekdayOfWeek { wd: weekday(w.as_str()), weeks: period_offset(Some(k.as_str())) });
        }
        return Some(Kind::Weekday {
            wd: weekday(w.as_str()),
            modifier: modifier(group(c, "wd_mod").map(|m| m.as_str())),
        });
    }
    if let Some(t) = group(c, "ty") {
        return the_year_is_a_date(text, t.start(), t.end()).then_some(Kind::TheYear);
    }
    if let Some(m) = group(c, "mo") {
        return Some(Kind::Month {
            m: month_number(m.as_str()),
            modifier: modifier(group(c, "mo_mod").map(|m| m.as_str())),
        });
    }
    if let Some(y) = group(c, "yr") {
        return year_is_a_date(text, y.start(), y.end()).then(|| Kind::Year(y.as_str().parse().unwrap_or(0)));
    }
    None
}

/// The full second year of a range like "1957-58", when it follows the
/// first within ten years.
fn range_end(first: &str, last_two: &str) -> Option<i16> {
    let first: i16 = first.parse().ok()?;
    let yy: i16 = last_two.parse().ok()?;
    let mut y = first - first % 100 + yy;
    if y <= first {
        y += 100;
    }
    (y - first <= 10).then_some(y)
}

fn month_day(m: i8, d: i8) -> Option<Kind> {
    // a leap year, so that February 29 is accepted before the year is known
    Date::new(2024, m, d).ok().map(|_| Kind::MonthDay { m, d })
}

/// The day a holiday's name stands for. A bare "Christmas", "Thanksgiving"
/// or "Nowruz" names a season or a festival as often as a day ("the
/// Christmas holidays", "Nowruz celebrations"), so it is a date only after
/// "on", "by", "before", "after", "until" or "since" ("home by Christmas").
/// Holidays of the Islamic calendar move against
/// this one from year to year and are left out.
fn holiday(text: &str, start: usize, name: &str) -> Option<Kind> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let bare = words.len() == 1;
    let framed = matches!(prev_word(text, start).to_ascii_lowercase().as_str(), "on" | "by" | "before" | "after" | "until" | "since");
    if bare && !framed {
        return None;
    }
    let fixed = |m: i8, d: i8| Some(Kind::MonthDay { m, d });
    match (words[0], words.last().copied().unwrap_or("")) {
        ("Christmas", "Eve") => fixed(12, 24),
        ("Christmas", _) => fixed(12, 25),
        ("New", "Eve") => fixed(12, 31),
        ("New", _) => fixed(1, 1),
        ("Veterans", _) => fixed(11, 11),
        ("Nowruz" | "Newroz", _) => fixed(3, 21),
        ("Fourth", _) | ("July", _) => fixed(7, 4),
        ("Thanksgiving", _) => Some(Kind::Floating { m: 11, wd: Weekday::Thursday, nth: 4 }),
        ("Memorial", _) => Some(Kind::Floating { m: 5, wd: Weekday::Monday, nth: -1 }),
        ("Labor", _) => Some(Kind::Floating { m: 9, wd: Weekday::Monday, nth: 1 }),
        _ => None,
    }
}

/// The `nth` weekday `wd` of month `m` of year `y` (`nth` -1: the last).
fn nth_weekday(y: i16, m: i8, wd: Weekday, nth: i8) -> Option<Date> {
    if nth > 0 {
        let first = Date::new(y, m, 1).ok()?;
        let ahead = (wd.to_monday_zero_offset() - first.weekday().to_monday_zero_offset()).rem_euclid(7) as i32;
        add_days(first, ahead + 7 * (nth as i32 - 1))
    } else {
        let last = Date::new(y, m, 1).ok()?.last_of_month();
        let back = (last.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i32;
        add_days(last, -back)
    }
}

fn prev_word(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end();
    let start = before
        .rfind(|c: char| !c.is_alphanumeric() && c != '.')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, |c| c.len_utf8()));
    &before[start..]
}

fn next_word(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start();
    let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
    &after[..end]
}

/// Words after which a four-digit number counts things or labels something.
const YEAR_NOT_AFTER: &[&str] = &[
    "about",
    "some",
    "nearly",
    "almost",
    "over",
    "around",
    "roughly",
    "approximately",
    "least",
    "estimated",
    "than",
    "additional",
    "another",
    "resolution",
    "no.",
    "no",
    "number",
    "flight",
    "route",
    "highway",
    "room",
    "page",
    "article",
    "section",
    "chapter",
    "model",
    "code",
    "unit",
    "hill",
    "altitude",
    "elevation",
];

/// Words after which a four-digit number is a count or a measure.
const YEAR_NOT_BEFORE: &[&str] = &[
    "troops",
    "soldiers",
    "people",
    "personnel",
    "fighters",
    "militants",
    "civilians",
    "members",
    "men",
    "women",
    "children",
    "residents",
    "families",
    "refugees",
    "prisoners",
    "detainees",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "meters",
    "metres",
    "feet",
    "ft",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "barrels",
    "rockets",
    "missiles",
    "drones",
    "attacks",
    "strikes",
    "times",
    "cases",
    "votes",
    "pounds",
    "kg",
    "gmt",
    "utc",
    "hours",
    "hrs",
    "local",
    "marines",
    "sailors",
    "airmen",
    "contractors",
    "jobs",
];

fn year_is_a_date(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    if start > 0 {
        let p = bytes[start - 1];
        if matches!(p, b'$' | b'#') || text[..start].ends_with('£') || text[..start].ends_with('€') {
            return false;
        }
        // a copyright line's year is the page's, not the story's
        let head = text[..start].trim_end();
        if head.ends_with('©') || head.ends_with("(c)") || head.ends_with("(C)") || head.ends_with("Copyright") {
            return false;
        }
        // "2,2014", "1.2014", "F-2014", "555-2014": part of another number
        // or code; "2014-2017" is a range of years and stays
        if start > 1 && matches!(p, b',' | b'.' | b'-' | b'/') && bytes[start - 2].is_ascii_alphanumeric() {
            let year_range = p == b'-'
                && start >= 5
                && bytes[start - 5..start - 1].iter().all(u8::is_ascii_digit)
                && (start == 5 || !bytes[start - 6].is_ascii_alphanumeric());
            if !year_range {
                return false;
            }
        }
    }
    if end < bytes.len() {
        let n = bytes[end];
        if n == b'%' {
            return false;
        }
        if matches!(n, b',' | b'.') && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let before = prev_word(text, start).to_ascii_lowercase();
    if YEAR_NOT_AFTER.contains(&before.as_str()) {
        return false;
    }
    let rest = &text[end..];
    // "the 1990's": a decade
    if (rest.starts_with("'s") || rest.starts_with("’s")) && before == "the" {
        return false;
    }
    let after = next_word(text, end).to_ascii_lowercase();
    !YEAR_NOT_BEFORE.contains(&after.as_str())
}

/// "the year" names a year when it is framed as a time ("in the year",
/// "during the year", "the end of the year"), not in "the year before".
fn the_year_is_a_date(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with('-') || rest.starts_with("'s") || rest.starts_with("’s") {
        return false;
    }
    let after = next_word(text, end).to_ascii_lowercase();
    if matches!(
        after.as_str(),
        "before" | "after" | "ago" | "earlier" | "later" | "prior" | "since"
    ) || after.len() == 4 && after.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let before = prev_word(text, start).to_ascii_lowercase();
    matches!(before.as_str(), "in" | "during" | "throughout" | "of" | "for")
}

/// Words that make a lone "May" or "March" a month.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "until",
    "till",
    "by",
    "through",
    "throughout",
    "from",
    "during",
    "before",
    "after",
    "of",
    "between",
    "between",
    "end",
    "beginning",
    "start",
    "middle",
    "for",
    "and",
    "or",
    "to",
    "a",
    "every",
    "each",
];

/// Last words of the frames FRAME_RE knows; checking the word before an
/// atom against them spares most atoms the regex.
const FRAME_LAST_WORDS: &[&str] = &[
    "on",
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "for",
    "at",
    "of",
    "between",
    "early",
    "late",
    "earlier",
    "later",
    "mid",
    "fiscal",
    "year",
];

/// The framing words right before `start`, with their start offset.
fn frame_before(text: &str, start: usize) -> (usize, Option<&str>) {
    let head = &text[..start];
    let hyphen = head.ends_with("mid-") || head.ends_with("Mid-");
    if !hyphen {
        if !head.ends_with(|c: char| c.is_whitespace()) {
            return (start, None);
        }
        let word = prev_word(text, start);
        if word.len() > 10 || !FRAME_LAST_WORDS.contains(&word.to_ascii_lowercase().as_str()) {
            return (start, None);
        }
    }
    // a window of whole words before the atom
    let mut win = start.saturating_sub(40);
    while !text.is_char_boundary(win) {
        win += 1;
    }
    if win > 0 {
        match text[win..start].find(|c: char| c.is_whitespace()) {
            Some(i) => win += i,
            None => return (start, None),
        }
    }
    let prefix = &text[win..start];
    let Some(m) = FRAME_RE.find(prefix) else {
        return (start, None);
    };
    // the match may open with the non-letter before the frame
    let lead = prefix[m.start()..]
        .chars()
        .next()
        .filter(|c| !c.is_ascii_alphabetic())
        .map_or(0, char::len_utf8);
    let f_start = m.start() + lead;
    if f_start >= start - win {
        return (start, None);
    }
    (win + f_start, Some(&prefix[f_start..]))
}

/// Finds the date atoms of a text, frames them, and joins two names of one
/// day into one expression.
fn scan(text: &str) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::new();
    for found in DATE_RE.find_iter(text) {
        let c = date_groups(text, found.start(), found.end());
        let m = c.get(0).expect("whole match");
        let Some(kind) = classify(text, &c) else { continue };
        // "1957-58", "2023-24": a range whose second year keeps two digits
        let (m, second_year) = match (group(&c, "yr"), group(&c, "yr2")) {
            (Some(y1), Some(y2)) => (
                y1,
                range_end(y1.as_str(), y2.as_str()).map(|y| (y2.start(), y2.end(), y)),
            ),
            _ => (m, None),
        };
        let mut start = m.start();
        let (frame_start, frame) = frame_before(text, start);
        let since = frame.is_some_and(|f| f.to_ascii_lowercase().starts_with("since"));
        if let Kind::Month {
            m: month,
            modifier: Modifier::None,
        } = kind
        {
            // "May I", "March toward": a lone May or March needs a framing word
            if frame.is_none() {
                let before = prev_word(text, start).to_ascii_lowercase();
                if (month == 3 || month == 5) && !MONTH_CONTEXT.contains(&before.as_str()) {
                    continue;
                }
                // "April Ryan", "June Carter": a given name before a surname
                let glued = text[m.end()..].starts_with(' ');
                if glued && next_word(text, m.end()).starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
            }
        }
        // never reach back into the previous expression
        if frame.is_some() && atoms.last().is_none_or(|a| a.end <= frame_start) {
            start = frame_start;
        }
        atoms.push(Atom {
            start,
            end: m.end(),
            core_start: m.start(),
            kind,
            since,
        });
        if let Some((start, end, y)) = second_year {
            atoms.push(Atom {
                start,
                end,
                core_start: start,
                kind: Kind::Year(y),
                since,
            });
        }
    }
    merge_same_day(text, atoms)
}

/// The groups of the `DATE_RE` match `start..end` of `text`.
fn date_groups(text: &str, start: usize, end: usize) -> Groups<'_> {
    Groups::of_one_word(text, start, end).unwrap_or_else(|| {
        // (the leftmost match from `start` is the one found there)
        let c = DATE_RE.captures_at(text, start).expect("the match found again");
        debug_assert_eq!(c.get(0).map(|m| m.range()), Some(start..end));
        Groups::of(text, &c)
    })
}

/// "Yesterday, Wednesday", "on Saturday, today", "Thursday, Oct. 24, 2024",
/// "Saturday (Jan. 11)": a weekday beside another name of the same day is
/// one expression, valued by the firmer of the two.
fn merge_same_day(text: &str, atoms: Vec<Atom>) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    for a in atoms {
        if let Some(prev) = out.last_mut() {
            let one_weekday = matches!(prev.kind, Kind::Weekday { .. }) != matches!(a.kind, Kind::Weekday { .. });
            if one_weekday && prev.kind.names_a_day() && a.kind.names_a_day() && a.start == a.core_start {
                let gap = &text[prev.end..a.start];
                // "Friday 2 February 2024": a weekday heading a date
                let spaced = !gap.is_empty()
                    && gap.trim().is_empty()
                    && !gap.contains('\n')
                    && matches!(prev.kind, Kind::Weekday { .. })
                    && a.kind.strength() >= 2;
                let comma = gap.trim() == "," || spaced;
                let paren = gap.trim() == "(";
                if comma || paren {
                    let mut end = a.end;
                    if paren {
                        let rest = &text[a.end..];
                        let close = rest.len() - rest.trim_start().len();
                        if rest[close..].starts_with(')') {
                            end = a.end + close + 1;
                        } else {
                            out.push(a);
                            continue;
                        }
                    }
                    prev.end = end;
                    if a.kind.strength() > prev.kind.strength() {
                        prev.kind = a.kind;
                    }
                    continue;
                }
            }
        }
        out.push(a);
    }
    out
}

fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_month(y: i32, m: i32) -> String {
    format!("{:04}-{:02}", y, m)
}

fn add_days(d: Date, n: i32) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(n as i64)).ok()
}

fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -(d.weekday().to_monday_zero_offset() as i32))
}

/// (year, month) moved by a number of months.
fn shift_month(y: i32, m: i32, by: i32) -> (i32, i32) {
    let k = y * 12 + (m - 1) + by;
    (k.div_euclid(12), k.rem_euclid(12) + 1)
}

/// The value of one atom. `ref_year` is the year the text last spoke of.
fn resolve_kind(kind: Kind, dct: Option<Date>, tense: Tense, ref_year: Option<i16>) -> Option<(String, Precision)> {
    // absolute forms first: they need no DCT
    match kind {
        Kind::Day(d) => return Some((iso_day(d), Precision::Day)),
        Kind::MonthYear { y, m } => return Some((iso_month(y as i32, m as i32), Precision::Month)),
        Kind::Year(y) => return Some((format!("{:04}", y), Precision::Year)),
        _ => {}
    }
    let dct = dct?;
    let (y, mo) = (dct.year() as i32, dct.month() as i32);
    Some(match kind {
        Kind::RelDay(n) => (iso_day(add_days(dct, n)?), Precision::Day),
        Kind::Weekday { wd, modifier } => {
            let back = (dct.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i32;
            let ahead = (wd.to_monday_zero_offset() - dct.weekday().to_monday_zero_offset()).rem_euclid(7) as i32;
            let offset = match (modifier, tense) {
                (Modifier::Last, _) => -(if back == 0 { 7 } else { back }),
                // a plan for "Friday" written on a Friday is that day: a week
                // later would be "next Friday"
                (Modifier::None, Tense::Future) => ahead,
                (Modifier::Next, _) => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                (Modifier::This, Tense::Future) => ahead,
                _ => -back,
            };
            (iso_day(add_days(dct, offset)?), Precision::Day)
        }
        Kind::WeekdayOfWeek { wd, weeks } => {
            let monday = -(dct.weekday().to_monday_zero_offset() as i32);
            let offset = monday + 7 * weeks + wd.to_monday_zero_offset() as i32;
            (iso_day(add_days(dct, offset)?), Precision::Day)
        }
        Kind::MonthDay { m, d } => {
            let (m, d) = (m as i32, d as i32);
            let later = (m, d) > (mo, dct.day() as i32);
            let earlier = (m, d) < (mo, dct.day() as i32);
            let year = match tense {
                Tense::Past if later => y - 1,
                Tense::Future if earlier => y + 1,
                _ => y,
            };
            let date = Date::new(year as i16, m as i8, d as i8).ok()?;
            (iso_day(date), Precision::Day)
        }
        Kind::MonthOfYear { m, offset } => (iso_month(y + offset, m as i32), Precision::Month),
        Kind::Floating { m, wd, nth } => {
            // the nearest such day on the side the tense points to
            let this = nth_weekday(y as i16, m, wd, nth)?;
            let year = match tense {
                Tense::Past if this > dct => y - 1,
                Tense::Future if this < dct => y + 1,
                _ => y,
            };
            (iso_day(nth_weekday(year as i16, m, wd, nth)?), Precision::Day)
        }
        Kind::Month { m, modifier } => {
            let m = m as i32;
            let year = match (modifier, tense) {
                (Modifier::Last, _) => {
                    if m >= mo {
                        y - 1
                    } else {
                        y
                    }
                }
                (Modifier::Next, _) => {
                    if m <= mo {
                        y + 1
                    } else {
                        y
                    }
                }
                (Modifier::This, _) => y,
                (Modifier::None, Tense::Past) => {
                    if m > mo {
                        y - 1
                    } else {
                        y
                    }
                }
                (Modifier::None, Tense::Future) => {
                    if m < mo {
                        y + 1
                    } else {
                        y
                    }
                }
                (Modifier::None, Tense::Present) => y,
            };
            (iso_month(year, m), Precision::Month)
        }
        Kind::Ago { n, unit } => shift(dct, -n, unit)?,
        Kind::RelPeriod { offset, unit } => shift(dct, offset, unit)?,
        Kind::Weekend(modifier) => {
            let w = dct.weekday().to_monday_zero_offset() as i32;
            let on_weekend = w >= 5;
            let weeks = match (modifier, tense) {
                (Modifier::Last, _) => -1,
                (Modifier::Next, _) => i32::from(on_weekend),
                (Modifier::This, Tense::Past) if w <= 1 => -1,
                (Modifier::This, _) => 0,
                (Modifier::None, Tense::Future) => i32::from(w == 6),
                (Modifier::None, _) => {
                    if on_weekend {
                        0
                    } else {
                        -1
                    }
                }
            };
            (iso_day(monday_of(add_days(dct, 7 * weeks)?)?), Precision::Week)
        }
        Kind::ShortYear(yy) => {
            // the nearest century that does not put the year far in the future
            let century = y - y.rem_euclid(100);
            let year = if century + yy as i32 > y + 10 {
                century - 100 + yy as i32
            } else {
                century + yy as i32
            };
            (format!("{:04}", year), Precision::Year)
        }
        Kind::TheYear => (format!("{:04}", ref_year.map_or(y, |r| r as i32)), Precision::Year),
        Kind::YearEnd if tense == Tense::Future => (format!("{:04}", y), Precision::Year),
        Kind::YearEnd => (format!("{:04}", ref_year.map_or(y, |r| r as i32)), Precision::Year),
        _ => return None,
    })
}

/// The period `n` units from the DCT's, at that unit's precision.
fn shift(dct: Date, n: i32, unit: Unit) -> Option<(String, Precision)> {
    let (y, mo) = (dct.year() as i32, dct.month() as i32);
    Some(match unit {
        Unit::Day => (iso_day(add_days(dct, n)?), Precision::Day),
        Unit::Week => (iso_day(monday_of(add_days(dct, 7 * n)?)?), Precision::Week),
        Unit::Month => {
            let (yy, mm) = shift_month(y, mo, n);
            (iso_month(yy, mm), Precision::Month)
        }
        Unit::Year => (format!("{:04}", y + n), Precision::Year),
    })
}

/// Whether `resolve_kind` reads the tense for this kind (with a DCT): the
/// arms there that match any tense need no clause markers.
fn tense_matters(kind: Kind) -> bool {
    match kind {
        Kind::Weekday { modifier, .. } | Kind::Weekend(modifier) => matches!(modifier, Modifier::None | Modifier::This),
        Kind::Month { modifier, .. } => modifier == Modifier::None,
        Kind::MonthDay { .. } | Kind::Floating { .. } | Kind::YearEnd => true,
        Kind::Day(_)
        | Kind::MonthYear { .. }
        | Kind::Year(_)
        | Kind::RelDay(_)
        | Kind::Ago { .. }
        | Kind::RelPeriod { .. }
        | Kind::WeekdayOfWeek { .. }
        | Kind::MonthOfYear { .. }
        | Kind::TheYear
        | Kind::ShortYear(_) => false,
    }
}

fn effective_tense(atom: &Atom, tense: Tense) -> Tense {
    if atom.since {
        Tense::Past
    } else {
        tense
    }
}

/// Resolves one date expression against a publication date, in a clause of
/// the given tense. The first date the expression holds gives the value
/// ("for March and April" is March). None when it holds no date, or when
/// it is relative and there is no DCT.
pub fn resolve(expression: &str, dct: Option<Date>, tense: Tense) -> Option<(String, Precision)> {
    let atom = scan(expression).into_iter().next()?;
    resolve_kind(atom.kind, dct, effective_tense(&atom, tense), None)
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    end: usize,
    future: bool,
}

fn is_past_word(sentence: &str, start: usize, word: &str) -> bool {
    if !word.ends_with("ed") || !word.as_bytes()[0].is_ascii_lowercase() {
        return true; // one of the listed forms
    }
    // "Iran-backed", "US-led": compound adjectives
    if start > 0 && sentence.as_bytes()[start - 1] == b'-' {
        return false;
    }
    let eed_noun = word.ends_with("eed") && !matches!(word, "agreed" | "freed" | "guaranteed" | "decreed");
    !NOT_PAST.contains(&word) && !eed_noun
}

fn tense_markers(sentence: &str) -> Vec<Marker> {
    let mut markers: Vec<Marker> = FUTURE_RE
        .find_iter(sentence)
        .map(|m| Marker {
            start: m.start(),
            end: m.end(),
            future: true,
        })
        .collect();
    let futures = markers.len();
    // the regex runs only on a sentence with a character that folds to an ASCII letter
    let by_hand = !sentence.contains(['\u{17F}', '\u{212A}']);
    let hand = by_hand.then(|| past_matches(sentence)).into_iter().flatten();
    let regex = (!by_hand).then(|| PAST_RE.find_iter(sentence)).into_iter().flatten().map(|m| (m.start(), m.end()));
    for (start, end) in hand.chain(regex) {
        if markers[..futures]
            .iter()
            .any(|f| f.start < end && start < f.end)
        {
            continue;
        }
        if is_past_word(sentence, start, &sentence[start..end]) {
            markers.push(Marker {
                start,
                end,
                future: false,
            });
        }
    }
    markers
}

/// The tense of a date's own clause: a date adjunct follows its verb ("met
/// officials on Thursday to discuss a round expected in August": Thursday
/// is when they met), so the nearest marker before the date with no clause
/// break between them decides; else the nearest marker at all.
fn tense_in_clause(sentence: &str, markers: &[Marker], start: usize, end: usize) -> Tense {
    let own = markers
        .iter()
        .filter(|m| m.start < start && !sentence[m.end.min(start)..start].contains([',', ';', ':', '—', '–', '(', '"', '“', '”']))
        .max_by_key(|m| m.start);
    match own {
        Some(m) if m.future => Tense::Future,
        Some(_) => Tense::Past,
        None => tense_near(markers, start, end),
    }
}

/// The tense of the marker nearest to a span of the sentence.
fn tense_near(markers: &[Marker], start: usize, end: usize) -> Tense {
    let gap = |m: &Marker| {
        if m.end <= start {
            start - m.end
        } else {
            m.start.saturating_sub(end)
        }
    };
    match markers.iter().min_by_key(|m| (gap(m), m.future)) {
        Some(m) if m.future => Tense::Future,
        Some(_) => Tense::Past,
        None => Tense::Present,
    }
}

/// The tense of a whole sentence: future when it speaks of plans or
/// schedules at all (will, would, is expected to, plans to, scheduled for,
/// next ..., to be held), else past when it has a past form, else present.
pub fn sentence_tense(sentence_text: &str) -> Tense {
    let markers = tense_markers(sentence_text);
    if markers.iter().any(|m| m.future) {
        Tense::Future
    } else if markers.is_empty() {
        Tense::Present
    } else {
        Tense::Past
    }
}

fn sentence_index(sentences: &[Sentence], pos: usize) -> usize {
    sentences.partition_point(|s| s.start <= pos).saturating_sub(1)
}

/// Finds and resolves every date expression in the body.
pub fn find_dates(body: &str, sentences: &[Sentence], published: Option<Date>) -> Vec<DateMention> {
    let atoms = scan(body);
    let mut out = Vec::with_capacity(atoms.len());
    // markers of the sentence last looked at: atoms come in body order
    let mut cached: Option<(usize, Vec<Marker>)> = None;
    let mut ref_year: Option<i16> = published.map(|d| d.year());
    for atom in atoms {
        let si = sentence_index(sentences, atom.start);
        let tense = match sentences.get(si) {
            // the markers are costly to find and most atoms do not use them
            _ if published.is_none() || atom.since || !tense_matters(atom.kind) => Tense::Present,
            Some(s) if s.start <= atom.start && atom.end <= s.end => {
                if cached.as_ref().is_none_or(|(i, _)| *i != si) {
                    cached = Some((si, tense_markers(&body[s.start..s.end])));
                }
                let markers = &cached.as_ref().expect("cached markers").1;
                tense_in_clause(&body[s.start..s.end], markers, atom.start - s.start, atom.end - s.start)
            }
            _ => Tense::Present,
        };
        let tense = effective_tense(&atom, tense);
        // "the year" is resolved only when the article has a DCT
        let anaphoric = matches!(atom.kind, Kind::TheYear | Kind::YearEnd);
        let resolved = if anaphoric && published.is_none() {
            None
        } else {
            resolve_kind(atom.kind, published, tense, ref_year)
        };
        if let Some((value, _)) = &resolved {
            if !anaphoric {
                ref_year = value[..4].parse().ok();
            }
        }
        let (value, precision) = match resolved {
            Some((v, p)) => (Some(v), Some(p)),
            None => (None, None),
        };
        out.push(DateMention {
            start: atom.start,
            end: atom.end,
            value,
            precision,
            sentence: si,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    #[test]
    fn group_numbers_are_those_of_the_date_regex() {
        let names: Vec<(usize, &str)> = DATE_RE.capture_names().enumerate().filter_map(|(i, n)| Some((i, n?))).collect();
        assert_eq!(names.len(), DATE_RE.captures_len() - 1, "every group of the date regex is named");
        for (i, n) in names {
            assert_eq!(group_index(n), i, "{n}");
        }
        assert_eq!(GROUPS, DATE_RE.captures_len());
    }

    #[test]
    fn one_word_matches_have_the_groups_the_regex_gives() {
        let text = "On Tuesday, May 5, 2024 and in May 2023, officials said today that March \
                    was quiet; 2019-20 and 2019 were not. Last Friday, next March, the year 2021, \
                    x2024, 20245, Yesterday and tomorrow, tonight, since '58, Sunday (Jan. 11) and 5 June, \
                    the 2nd of June, Sept. 9, June 2022, Saturday's, Tuesday-Wednesday.";
        let mut simple = 0;
        for found in DATE_RE.find_iter(text) {
            let c = DATE_RE.captures_at(text, found.start()).expect("found again");
            let full = Groups::of(text, &c);
            assert_eq!(full.get(0).map(|g| (g.start(), g.end())), Some((found.start(), found.end())));
            if let Some(one) = Groups::of_one_word(text, found.start(), found.end()) {
                simple += 1;
                assert_eq!(one.spans, full.spans, "{}", found.as_str());
            }
        }
        assert!(simple >= 8, "{simple}");
    }

    fn date(s: &str) -> Date {
        s.parse().expect("test date")
    }

    /// The resolver's specification: expression, DCT (empty = unknown),
    /// tense, expected value (empty = unresolved), precision.
    const TABLE: &[(&str, &str, &str, &str, &str)] = &[
        ("on Sunday", "2024-02-11", "past", "2024-02-11", "day"),
        ("on Saturday", "2024-02-11", "past", "2024-02-10", "day"),
        ("on Tuesday", "2024-01-25", "past", "2024-01-23", "day"),
        ("Yesterday, Wednesday", "2024-01-25", "past", "2024-01-24", "day"),
        ("On Thursday", "2024-01-27", "past", "2024-01-25", "day"),
        ("on Monday", "2024-01-01", "past", "2024-01-01", "day"),
        ("on Friday", "2024-01-01", "past", "2023-12-29", "day"),
        ("early Wednesday", "2023-11-22", "past", "2023-11-22", "day"),
        ("late Tuesday", "2023-11-22", "past", "2023-11-21", "day"),
        ("last Tuesday", "2024-03-05", "past", "2024-02-27", "day"),
        ("last Tuesday", "2024-03-07", "past", "2024-03-05", "day"),
        ("on Sunday", "2024-02-08", "future", "2024-02-11", "day"),
        ("next Monday", "2024-02-08", "future", "2024-02-12", "day"),
        ("yesterday", "2024-03-01", "past", "2024-02-29", "day"),
        ("today", "2024-02-03", "past", "2024-02-03", "day"),
        ("on Saturday, today", "2024-02-03", "past", "2024-02-03", "day"),
        ("the day before yesterday", "2024-01-01", "past", "2023-12-30", "day"),
        ("two days ago", "2024-01-01", "past", "2023-12-30", "day"),
        ("tomorrow", "2023-12-31", "future", "2024-01-01", "day"),
        ("last week", "2024-02-18", "past", "2024-02-05", "week"),
        ("this week", "2024-02-18", "past", "2024-02-12", "week"),
        ("earlier this week", "2024-02-15", "past", "2024-02-12", "week"),
        ("in January", "2024-02-11", "past", "2024-01", "month"),
        ("late January", "2024-02-11", "past", "2024-01", "month"),
        ("In January", "2024-02-11", "past", "2024-01", "month"),
        ("mid-October", "2024-01-27", "past", "2023-10", "month"),
        ("since mid-October", "2024-01-27", "past", "2023-10", "month"),
        ("in March", "2024-02-11", "past", "2023-03", "month"),
        ("in March", "2024-02-11", "future", "2024-03", "month"),
        ("for March and April", "2024-02-11", "future", "2024-03", "month"),
        ("this month", "2024-08-20", "past", "2024-08", "month"),
        ("earlier this month", "2024-08-20", "past", "2024-08", "month"),
        ("last month", "2024-01-10", "past", "2023-12", "month"),
        ("in August", "2024-01-25", "past", "2023-08", "month"),
        ("in December", "2024-12-05", "past", "2024-12", "month"),
        ("since October 17", "2024-02-11", "past", "2023-10-17", "day"),
        ("on January 26", "2024-01-29", "past", "2024-01-26", "day"),
        ("on December 30", "2024-01-02", "past", "2023-12-30", "day"),
        ("in August 2023", "2024-01-25", "past", "2023-08", "month"),
        ("on July 31, 2024", "2024-08-02", "past", "2024-07-31", "day"),
        ("on 31 July 2024", "2024-08-02", "past", "2024-07-31", "day"),
        ("on Jan. 28, 2024", "2024-02-01", "past", "2024-01-28", "day"),
        ("Sept. 30, 2025", "2024-09-28", "future", "2025-09-30", "day"),
        ("in December 2021", "", "past", "2021-12", "month"),
        ("in early 2020", "", "past", "2020", "year"),
        ("in late 2017", "", "past", "2017", "year"),
        ("Since September 2014", "", "past", "2014-09", "month"),
        ("by September 2026", "", "future", "2026-09", "month"),
        ("in 2014", "", "past", "2014", "year"),
        ("2024-01-27", "", "past", "2024-01-27", "day"),
        ("last year", "2024-02-11", "past", "2023", "year"),
        ("this year", "2024-02-11", "past", "2024", "year"),
        ("next year", "2024-09-28", "future", "2025", "year"),
        ("on Sunday", "", "past", "", ""),
        ("last week", "", "past", "", ""),
        ("yesterday", "", "past", "", ""),
        ("in January", "", "past", "", ""),
        ("on January 26", "", "past", "", ""),
    ];

    #[test]
    fn resolves_every_row_of_the_specification() {
        assert_eq!(TABLE.len(), 58);
        let mut failures = Vec::new();
        for &(expr, dct, tense, value, precision) in TABLE {
            let dct = (!dct.is_empty()).then(|| date(dct));
            let tense = match tense {
                "past" => Tense::Past,
                "future" => Tense::Future,
                _ => Tense::Present,
            };
            let got = resolve(expr, dct, tense);
            let got = got.as_ref().map(|(v, p)| (v.as_str(), p.as_str()));
            let want = (!value.is_empty()).then_some((value, precision));
            if got != want {
                failures.push(format!("{expr:?} dct={dct:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// `tense_matters` restates which arms of `resolve_kind` read the
    /// tense; a kind it calls tense-free must resolve alike in every tense.
    #[test]
    fn a_kind_said_to_ignore_tense_resolves_alike_in_every_tense() {
        let mut phrases: Vec<&str> = TABLE.iter().map(|row| row.0).collect();
        phrases.extend([
            "last Friday", "this Friday", "next Friday", "this weekend", "last weekend", "in March", "last March",
            "next March", "on March 5", "the end of the year", "the year", "three weeks ago", "last month",
            "next year", "in 2019", "May 2023", "2024-01-28", "in '58", "yesterday", "tomorrow",
        ]);
        let mut tense_free = 0;
        for phrase in phrases {
            for atom in scan(phrase) {
                if tense_matters(atom.kind) {
                    continue;
                }
                tense_free += 1;
                for dct in ["2024-01-01", "2024-06-15", "2024-12-31"] {
                    let dct = Some(date(dct));
                    let past = resolve_kind(atom.kind, dct, Tense::Past, Some(2023));
                    for tense in [Tense::Present, Tense::Future] {
                        assert_eq!(resolve_kind(atom.kind, dct, tense, Some(2023)), past, "{phrase:?} {tense:?}");
                    }
                }
            }
        }
        assert!(tense_free >= 10, "{tense_free}");
    }

    /// A part of a day named from the publication date: the night before,
    /// the morning, afternoon or evening of the day itself.
    #[test]
    fn parts_of_a_day_named_from_today() {
        let dct = Some(date("2024-01-08"));
        let day = |phrase: &str, tense| resolve(phrase, dct, tense).map(|(v, p)| (v, p.as_str()));
        assert_eq!(day("last night", Tense::Past), Some(("2024-01-07".to_string(), "day")));
        assert_eq!(day("this morning", Tense::Past), Some(("2024-01-08".to_string(), "day")));
        assert_eq!(day("this evening", Tense::Future), Some(("2024-01-08".to_string(), "day")));
    }

    /// Relative expressions without a DCT are still found, with no value.
    #[test]
    fn relative_dates_without_dct_keep_their_text() {
        let body = "The base was hit on Sunday and again last week.";
        let found = find_dates(body, &sentences(body), None);
        let texts: Vec<&str> = found.iter().map(|d| &body[d.start..d.end]).collect();
        assert_eq!(texts, vec!["on Sunday", "last week"]);
        assert!(found.iter().all(|d| d.value.is_none() && d.precision.is_none()));
    }

    #[test]
    fn weeks_cross_year_boundaries() {
        // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30
        let dct = Some(date("2025-01-01"));
        assert_eq!(
            resolve("this week", dct, Tense::Past),
            Some(("2024-12-30".into(), Precision::Week))
        );
        assert_eq!(
            resolve("last week", dct, Tense::Past),
            Some(("2024-12-23".into(), Precision::Week))
        );
        assert_eq!(
            resolve("next week", dct, Tense::Future),
            Some(("2025-01-06".into(), Precision::Week))
        );
        // a Sunday DCT still belongs to the week that began six days before
        let sunday = Some(date("2024-02-18"));
        assert_eq!(
            resolve("this week", sunday, Tense::Past),
            Some(("2024-02-12".into(), Precision::Week))
        );
    }

    #[test]
    fn months_and_years_cross_year_boundaries() {
        let dct = Some(date("2024-01-03"));
        assert_eq!(
            resolve("last month", dct, Tense::Past),
            Some(("2023-12".into(), Precision::Month))
        );
        assert_eq!(
            resolve("in December", dct, Tense::Past),
            Some(("2023-12".into(), Precision::Month))
        );
        assert_eq!(
            resolve("in December", dct, Tense::Future),
            Some(("2024-12".into(), Precision::Month))
        );
        assert_eq!(
            resolve("three months ago", dct, Tense::Past),
            Some(("2023-10".into(), Precision::Month))
        );
        assert_eq!(
            resolve("four years ago", dct, Tense::Past),
            Some(("2020".into(), Precision::Year))
        );
        let late = Some(date("2024-12-30"));
        assert_eq!(
            resolve("in January", late, Tense::Future),
            Some(("2025-01".into(), Precision::Month))
        );
        assert_eq!(
            resolve("next month", late, Tense::Future),
            Some(("2025-01".into(), Precision::Month))
        );
        assert_eq!(
            resolve("on January 2", late, Tense::Future),
            Some(("2025-01-02".into(), Precision::Day))
        );
        assert_eq!(
            resolve("tomorrow", Some(date("2024-12-31")), Tense::Future),
            Some(("2025-01-01".into(), Precision::Day))
        );
    }

    #[test]
    fn find_dates_offsets_slice_to_the_expression() {
        let body = "Militants fired rockets on Tuesday. Talks resumed in late January, the ministry said on Jan. 28, 2024.\nOn 31 July 2024, the base was hit – a ‘major’ attack since mid-October.";
        let found = find_dates(body, &sentences(body), Some(date("2024-08-02")));
        let got: Vec<(&str, Option<&str>, usize)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref(), d.sentence))
            .collect();
        assert_eq!(
            got,
            vec![
                ("on Tuesday", Some("2024-07-30"), 0),
                ("in late January", Some("2024-01"), 1),
                ("on Jan. 28, 2024", Some("2024-01-28"), 1),
                ("On 31 July 2024", Some("2024-07-31"), 2),
                ("since mid-October", Some("2023-10"), 2),
            ]
        );
    }

    #[test]
    fn yesterday_wednesday_is_one_expression() {
        let body = "Yesterday, Wednesday, a drone struck the base.";
        let found = find_dates(body, &sentences(body), Some(date("2024-01-25")));
        assert_eq!(found.len(), 1);
        assert_eq!(&body[found[0].start..found[0].end], "Yesterday, Wednesday");
        assert_eq!(found[0].value.as_deref(), Some("2024-01-24"));
    }

    #[test]
    fn a_weekday_joined_to_a_full_date_takes_the_full_date() {
        let body = "The attack came on Thursday, Oct. 24, 2024, officials said. It followed a raid Saturday (Jan. 11).";
        let found = find_dates(body, &sentences(body), Some(date("2025-01-20")));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("on Thursday, Oct. 24, 2024", Some("2024-10-24")),
                ("Saturday (Jan. 11)", Some("2025-01-11"))
            ]
        );
    }

    #[test]
    fn weekdays_in_a_list_stay_separate() {
        let body = "Strikes hit the area on Saturday, Sunday and Monday.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-13")));
        let got: Vec<&str> = found.iter().filter_map(|d| d.value.as_deref()).collect();
        assert_eq!(got, vec!["2024-02-10", "2024-02-11", "2024-02-12"]);
    }

    #[test]
    fn a_weekday_of_last_or_next_week() {
        // published on a Thursday
        let body = "A drone hit Tanf on Thursday last week. Talks resume on Monday of next week. Rockets hit Erbil on Thursday.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-08")));
        let got: Vec<(&str, &str)> = found.iter().map(|d| (&body[d.start..d.end], d.value.as_deref().unwrap_or(""))).collect();
        assert_eq!(
            got,
            vec![("on Thursday last week", "2024-02-01"), ("on Monday of next week", "2024-02-12"), ("on Thursday", "2024-02-08")]
        );
    }

    #[test]
    fn a_month_of_next_or_last_year() {
        assert_eq!(resolve("by September next year", Some(date("2024-09-28")), Tense::Future), Some(("2025-09".into(), Precision::Month)));
        assert_eq!(resolve("in March last year", Some(date("2024-09-28")), Tense::Past), Some(("2023-03".into(), Precision::Month)));
        assert_eq!(resolve("in May this year", Some(date("2024-09-28")), Tense::Past), Some(("2024-05".into(), Precision::Month)));
    }

    #[test]
    fn holidays_named_for_their_day() {
        // published in January: a past Christmas is last year's
        let body = "A drone hit Erbil air base on Christmas Day. Rockets were fired on New Year's Eve. \
                    The Christmas holidays were quiet. Troops will be home by Thanksgiving. Nowruz celebrations began.";
        let found = find_dates(body, &sentences(body), Some(date("2024-01-04")));
        let got: Vec<(&str, &str)> = found.iter().map(|d| (&body[d.start..d.end], d.value.as_deref().unwrap_or(""))).collect();
        assert_eq!(got, vec![("on Christmas Day", "2023-12-25"), ("on New Year's Eve", "2023-12-31"), ("by Thanksgiving", "2024-11-28")]);
        // a holiday whose day moves, on either side of the DCT
        assert_eq!(resolve("on Memorial Day", Some(date("2024-06-10")), Tense::Past), Some(("2024-05-27".into(), Precision::Day)));
        assert_eq!(resolve("on Labor Day", Some(date("2024-06-10")), Tense::Future), Some(("2024-09-02".into(), Precision::Day)));
        assert_eq!(resolve("on Thanksgiving", Some(date("2024-01-04")), Tense::Past), Some(("2023-11-23".into(), Precision::Day)));
    }

    fn texts(body: &str) -> Vec<&str> {
        find_dates(body, &sentences(body), Some(date("2024-02-11")))
            .iter()
            .map(|d| &body[d.start..d.end])
            .collect()
    }

    #[test]
    fn numbers_of_things_are_not_years() {
        assert!(texts("About 2,500 soldiers remain, with 2000 troops in Syria.").is_empty());
        assert!(texts("Nearly 1950 people fled; the rate rose 2020% and cost $2015.").is_empty());
        assert!(texts("Security Council Resolution 2085 was cited.").is_empty());
        assert!(texts("Troops have been there since the 1990s and for two years.").is_empty());
        assert_eq!(
            texts("The 2014 campaign and the war of 2003-2011."),
            vec!["2014", "2003", "2011"]
        );
    }

    #[test]
    fn may_and_march_the_verbs_are_not_months() {
        assert!(texts("May I ask? Protesters March toward the embassy. Officials may march too.").is_empty());
        assert_eq!(texts("It began in May and ended May 3."), vec!["in May", "May 3"]);
        assert_eq!(
            texts("March 2023 was quiet, unlike early March."),
            vec!["March 2023", "early March"]
        );
        assert!(texts("The mayday call came on a sunday.").is_empty());
    }

    #[test]
    fn vague_times_decades_and_durations_are_not_dates() {
        assert!(texts("Now the troops, in the 1990s and every summer, stayed two years.").is_empty());
    }

    #[test]
    fn the_year_follows_the_year_last_named() {
        let body = "The group rose in 2014. During the year it took Mosul.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-11")));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref()))
            .collect();
        assert_eq!(got, vec![("in 2014", Some("2014")), ("During the year", Some("2014"))]);
    }

    #[test]
    fn past_forms_read_by_hand_are_the_regex_matches() {
        const PIECES: &[&str] = &[
            "said", "Said", "SAID", "told", "was", "Were", "had", "has", "have", "did", "been", "met", "held", "came",
            "went", "took", "made", "began", "left", "fired", "died", "shot", "hit", "struck", "saw", "gave", "sent",
            "fought", "fell", "ago", "earlier", "Last", "yesterday", "Yesterday", "attacked", "Attacked", "bed", "red",
            "ed", "led", "x", "_", "9", "2ed", "-", "'", " ", "  ", ",", ".", "s", "ing", "\n", "’", "“", "é",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..30_000 {
            let len = (next() % 12) as usize;
            let text: String = crate::extract::test_text(&mut next, PIECES, len);
            let want: Vec<(usize, usize)> = PAST_RE.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(past_matches(&text).collect::<Vec<_>>(), want, "{text:?}");
        }
        let text = "Officials said the base, attacked Tuesday, was hit; the unit_was led by 3ed men.";
        let want: Vec<(usize, usize)> = PAST_RE.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(past_matches(text).collect::<Vec<_>>(), want);
    }

    #[test]
    fn detects_sentence_tense() {
        assert_eq!(sentence_tense("The talks will resume in March."), Tense::Future);
        assert_eq!(
            sentence_tense("He said the troops would leave by September 2026."),
            Tense::Future
        );
        assert_eq!(
            sentence_tense("The meeting is expected to take place next week."),
            Tense::Future
        );
        assert_eq!(sentence_tense("Iraq plans to end the mission."), Tense::Future);
        assert_eq!(sentence_tense("A session scheduled for Sunday."), Tense::Future);
        assert_eq!(
            sentence_tense("The next round of talks is to be held in Baghdad."),
            Tense::Future
        );
        assert_eq!(sentence_tense("Militants attacked the base on Sunday."), Tense::Past);
        assert_eq!(sentence_tense("The ministry said the talks were over."), Tense::Past);
        assert_eq!(
            sentence_tense("The US-led coalition is based in Erbil."),
            Tense::Present
        );
    }

    #[test]
    fn each_date_takes_the_tense_of_its_own_clause() {
        let body = "Officials said on Sunday that the troops will leave in September.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-14")));
        let got: Vec<Option<&str>> = found.iter().map(|d| d.value.as_deref()).collect();
        assert_eq!(got, vec![Some("2024-02-11"), Some("2024-09")]);
        let body = "The vote will be held on Sunday, after talks that ended in September.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-14")));
        let got: Vec<Option<&str>> = found.iter().map(|d| d.value.as_deref()).collect();
        assert_eq!(got, vec![Some("2024-02-18"), Some("2023-09")]);
    }

    #[test]
    fn non_ascii_text_around_dates_keeps_offsets_on_char_boundaries() {
        let body = "“Yesterday,” he said – on Friday’s visit – “it ended.”";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-11")));
        let got: Vec<&str> = found.iter().map(|d| &body[d.start..d.end]).collect();
        assert_eq!(got, vec!["Yesterday", "on Friday"]);
    }

    #[test]
    fn weekends_resolve_to_their_week() {
        // Wednesday 2024-02-14: the weekend just past began the week of Feb 5
        let wed = Some(date("2024-02-14"));
        assert_eq!(
            resolve("over the weekend", wed, Tense::Past),
            Some(("2024-02-05".into(), Precision::Week))
        );
        assert_eq!(
            resolve("last weekend", wed, Tense::Past),
            Some(("2024-02-05".into(), Precision::Week))
        );
        assert_eq!(
            resolve("this weekend", wed, Tense::Future),
            Some(("2024-02-12".into(), Precision::Week))
        );
        // on a Saturday, "the weekend" in a past clause is this one
        assert_eq!(
            resolve("the weekend", Some(date("2024-02-17")), Tense::Past),
            Some(("2024-02-12".into(), Precision::Week))
        );
    }

    #[test]
    fn year_end_fiscal_years_and_short_years() {
        let dct = Some(date("2024-05-02"));
        assert_eq!(
            resolve("by the end of the year", dct, Tense::Future),
            Some(("2024".into(), Precision::Year))
        );
        assert_eq!(
            resolve("by year-end", dct, Tense::Future),
            Some(("2024".into(), Precision::Year))
        );
        assert_eq!(
            resolve("last fiscal year", dct, Tense::Past),
            Some(("2023".into(), Precision::Year))
        );
        assert_eq!(
            resolve("in fiscal 2025", dct, Tense::Future),
            Some(("2025".into(), Precision::Year))
        );
        assert_eq!(
            resolve("the class of '58", dct, Tense::Past),
            Some(("1958".into(), Precision::Year))
        );
        assert_eq!(
            resolve("since '03", dct, Tense::Past),
            Some(("2003".into(), Precision::Year))
        );
        assert_eq!(resolve("he said 'no' at '58", dct, Tense::Past), None);
    }

    #[test]
    fn framing_words_before_or_after_the_preposition_join_the_span() {
        assert_eq!(
            texts("The base was hit late on Tuesday and earlier in March."),
            vec!["late on Tuesday", "earlier in March"]
        );
        assert_eq!(texts("The army did this past Sunday."), vec!["this past Sunday"]);
        assert_eq!(
            resolve("this past Sunday", Some(date("2024-02-11")), Tense::Past),
            Some(("2024-02-04".into(), Precision::Day))
        );
    }

    #[test]
    fn a_weekday_heading_a_date_with_only_a_space_is_one_expression() {
        let body = "Friday 2 February 2024 - 22:50. Officials spoke on Friday and Saturday.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-03")));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Friday 2 February 2024", Some("2024-02-02")),
                ("on Friday", Some("2024-02-02")),
                ("Saturday", Some("2024-02-03"))
            ]
        );
    }

    #[test]
    fn copyright_years_are_not_story_dates() {
        assert!(texts("Cable News Network © 2023 and Copyright 2024 Reuters, (c) 2022.").is_empty());
    }

    #[test]
    fn a_two_digit_range_end_is_a_year_of_its_own() {
        let body = "The expedition of 1957-58 and the 2023–24 season, unlike 2010-95.";
        let found = find_dates(body, &sentences(body), Some(date("2024-02-11")));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1957", Some("1957")),
                ("58", Some("1958")),
                ("2023", Some("2023")),
                ("24", Some("2024")),
                ("2010", Some("2010"))
            ]
        );
    }

    #[test]
    fn a_planned_weekday_named_on_that_weekday_is_the_dct() {
        let friday = Some(date("2024-02-09"));
        assert_eq!(
            resolve("on Friday", friday, Tense::Future),
            Some(("2024-02-09".into(), Precision::Day))
        );
        assert_eq!(
            resolve("next Friday", friday, Tense::Future),
            Some(("2024-02-16".into(), Precision::Day))
        );
        assert_eq!(
            resolve("on Monday", friday, Tense::Future),
            Some(("2024-02-12".into(), Precision::Day))
        );
    }

    #[test]
    fn the_end_of_the_year_follows_the_text_unless_planned() {
        let body =
            "Cases rose in early December and peaked by the end of the year. Officials will review it by year-end.";
        let found = find_dates(body, &sentences(body), Some(date("2024-03-20")));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (&body[d.start..d.end], d.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("in early December", Some("2023-12")),
                ("by the end of the year", Some("2023")),
                ("by year-end", Some("2024"))
            ]
        );
    }

    /// Cut anywhere, the text must never make the scanner slice inside a
    /// character or past the end.
    #[test]
    fn any_cut_of_the_text_yields_valid_spans() {
        let text = "“Yesterday,” – on Sept. 3, 2024 – mid-March’s ‘2019-20’ plan: 5 May 2023, Friday (Jan.11), \
                    the end of the year, since ’58, early on Tuesday, 2,014 £2015 ©2016 ‘May’ June 31.";
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (k, &a) in cuts.iter().enumerate() {
            for &b in cuts[k..].iter().step_by(3) {
                let body = &text[a..b];
                for d in find_dates(body, &sentences(body), Some(date("2024-09-10"))) {
                    assert!(d.start < d.end && d.end <= body.len(), "{body:?}");
                    assert!(
                        body.is_char_boundary(d.start) && body.is_char_boundary(d.end),
                        "{body:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_weekday_ending_a_line_does_not_join_the_next_line() {
        let body = "Talks resume Friday\n2 February 2024 - Officials met.";
        let got: Vec<&str> = texts(body);
        assert_eq!(got, vec!["Friday", "2 February 2024"]);
    }

    #[test]
    fn title_case_periods_are_dates() {
        assert_eq!(
            resolve("Attacks Rose Last Week", Some(date("2024-02-14")), Tense::Past),
            Some(("2024-02-05".into(), Precision::Week))
        );
    }

    #[test]
    fn a_month_name_before_a_surname_is_a_given_name() {
        assert_eq!(
            texts("April Ryan asked. In September Iraq voted, and August, Baghdad met."),
            vec!["In September", "August"]
        );
    }

    #[test]
    fn a_date_takes_the_tense_of_the_verb_before_it_in_its_clause() {
        let body = "The envoy met the governor on Tuesday to plan the next visit, which is expected to take place in early May.";
        let dct = date("2024-03-14");
        let sentences = crate::extract::text::sentences(body);
        let found = find_dates(body, &sentences, Some(dct));
        let values: Vec<Option<&str>> = found.iter().map(|d| d.value.as_deref()).collect();
        assert_eq!(values, vec![Some("2024-03-12"), Some("2024-05")]);
    }
}
