//! Numbers an event report carries: the dead and the wounded, and the size
//! and period of an aggregate claim ("more than 150 attacks since
//! mid-October"), kept apart from years, dates and troop strengths.

use std::borrow::Cow;
use crate::extract::text::WordRegex;
use regex::Regex;
use std::sync::LazyLock;

/// A word of a sentence: `text[start..end]`, lower-cased. The lower-cased
/// form borrows from the sentence lower-cased ASCII-wise where the two agree
/// (every all-ASCII word), so most words cost no allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub lc: Cow<'a, str>,
}

/// The words `tokenize` finds, as a regex: the reference the hand-written
/// scanner below follows (a regex search per word cost two DFA passes).
#[cfg(test)]
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d[\d,]*(?:\.\d+)?|[\p{L}\d]+(?:[-'’][\p{L}\d]+)*").unwrap());

static NON_ASCII_DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d$").unwrap());
static NON_ASCII_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{L}\d]$").unwrap());

const PUNCT: u8 = 0;
const ALNUM: u8 = 1;
const WIDE: u8 = 2;
/// Each byte as the scanner sees it: ASCII punctuation and space, an ASCII
/// letter or digit, or a byte of a character outside ASCII (decoded).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            WIDE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// `\d` of the regex crate (any Unicode decimal digit).
#[inline]
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        NON_ASCII_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `[\p{L}\d]` of the regex crate: inlined for ASCII, which is nearly every
/// character the scanner sees.
#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        non_ascii_word(c)
    }
}

#[cold]
fn non_ascii_word(c: char) -> bool {
    // the punctuation news text carries, without a regex search each
    !matches!(c, '’' | '‘' | '“' | '”' | '–' | '—') && NON_ASCII_WORD.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Splits a sentence into words (numbers keep their thousands commas):
/// the leftmost-first matches of `TOKEN`. `lc` is `text` lower-cased
/// ASCII-wise (the same offsets).
#[cfg(test)]
pub fn tokenize<'a>(text: &str, lc: &'a str) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(text, lc, &mut out);
    out
}

/// `tokenize` into `out`, emptied first: one buffer serves every sentence
/// of an article instead of a fresh allocation each.
pub fn tokenize_into<'a>(text: &str, lc: &'a str, out: &mut Vec<Tok<'a>>) {
    debug_assert_eq!(text.len(), lc.len());
    let bytes = text.as_bytes();
    // the char at byte `p`, decoded only off the ASCII fast path
    let at = |p: usize| -> Option<char> {
        match bytes.get(p) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => text[p..].chars().next(),
        }
    };
    // the character outside ASCII at byte `p` (a lead byte)
    let wide = |p: usize| -> char { text[p..].chars().next().unwrap_or_default() };
    out.clear();
    out.reserve(text.len() / 6 + 1);
    let n = bytes.len();
    let mut p = 0;
    while p < n {
        let b = bytes[p];
        let start = p;
        // no character outside ASCII in the word: its lower-cased form is `lc`'s
        let mut ascii;
        let digit;
        match ASCII_CLASS[b as usize] {
            // spaces and punctuation: skipped a byte at a time, undecoded
            PUNCT => {
                p += 1;
                continue;
            }
            ALNUM => {
                p += 1;
                ascii = true;
                digit = b.is_ascii_digit();
            }
            _ => {
                let c = wide(p);
                p += c.len_utf8();
                if !non_ascii_word(c) {
                    continue;
                }
                ascii = false;
                digit = is_digit(c);
            }
        }
        if digit {
            // \d[\d,]*(?:\.\d+)?
            loop {
                match bytes.get(p) {
                    Some(&b) if b.is_ascii_digit() || b == b',' => p += 1,
                    Some(&b) if b >= 0x80 => {
                        let c = wide(p);
                        if !is_digit(c) {
                            break;
                        }
                        ascii = false;
                        p += c.len_utf8();
                    }
                    _ => break,
                }
            }
            if bytes.get(p) == Some(&b'.') {
                if let Some(d) = at(p + 1).filter(|&d| is_digit(d)) {
                    ascii &= d.is_ascii();
                    p += 1 + d.len_utf8();
                    while let Some(c) = at(p).filter(|&c| is_digit(c)) {
                        ascii &= c.is_ascii();
                        p += c.len_utf8();
                    }
                }
            }
        } else {
            // [\p{L}\d]+(?:[-'’][\p{L}\d]+)*
            loop {
                loop {
                    // the ASCII letters and digits of the word, undecoded
                    while p < n && ASCII_CLASS[bytes[p] as usize] == ALNUM {
                        p += 1;
                    }
                    if p < n && bytes[p] >= 0x80 {
                        let c = wide(p);
                        if non_ascii_word(c) {
                            ascii = false;
                            p += c.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                let joiner = match bytes.get(p) {
                    Some(b'-' | b'\'') => 1,
                    Some(0xE2) if bytes[p..].starts_with("’".as_bytes()) => 3,
                    _ => break,
                };
                if at(p + joiner).is_some_and(is_word) {
                    ascii &= joiner == 1;
                    p += joiner;
                } else {
                    break;
                }
            }
        }
        // only a number takes commas in
        let s = if bytes[p - 1] == b',' { text[start..p].trim_end_matches(',') } else { &text[start..p] };
        let end = start + s.len();
        let ascii_lc = &lc[start..end];
        debug_assert_eq!(ascii, s.is_ascii());
        let low = if ascii {
            Cow::Borrowed(ascii_lc)
        } else {
            let full = s.to_lowercase();
            if full == ascii_lc {
                Cow::Borrowed(ascii_lc)
            } else {
                Cow::Owned(full)
            }
        };
        out.push(Tok { start, end, lc: low });
    }
}

const UNITS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

/// The value of a numeral ("150", "2,500") or a number word ("four",
/// "twenty-five").
pub fn parse_number(word: &str) -> Option<i64> {
    let w = word.to_lowercase();
    if w.chars().next()?.is_ascii_digit() {
        if w.contains('.') {
            return None;
        }
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        return digits.parse().ok();
    }
    if let Some((a, b)) = w.split_once('-') {
        let tens = UNITS.iter().find(|(n, _)| *n == a).map(|x| x.1)?;
        let unit = UNITS.iter().find(|(n, _)| *n == b).map(|x| x.1)?;
        if tens >= 20 && tens % 10 == 0 && unit < 10 {
            return Some(tens + unit);
        }
        return None;
    }
    UNITS.iter().find(|(n, _)| *n == w).map(|x| x.1)
}

/// A four-digit numeral that reads as a year ("2014"), never a count.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && matches!(word.parse::<i64>(), Ok(1900..=2100))
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

/// Words after a number that make it a measure of time, distance or a
/// ratio rather than a head count.
const NOT_PEOPLE: &[&str] = &[
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes",
    "times", "percent", "km", "kilometers", "kilometres", "miles", "meters", "a", "p", "am", "pm",
    "o'clock", "attacks", "strikes", "rounds", "round",
];

const DEATH: &[&str] = &["killed", "killing", "dead", "died", "deaths", "death", "kills", "kill", "fatalities"];
const HURT: &[&str] = &["wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt"];

/// Hedges that may stand between a casualty verb and its number.
const HEDGES: &[&str] = &["at", "least", "about", "some", "more", "than", "over", "nearly", "around", "an", "estimated", "almost", "approximately", "roughly", "up", "to"];

/// Whether token `i` is a number that can count people.
fn head_count(toks: &[Tok], i: usize, in_date: &dyn Fn(usize) -> bool) -> Option<i64> {
    let t = &toks[i];
    if is_year(&t.lc) || in_date(t.start) {
        return None;
    }
    let n = parse_number(&t.lc)?;
    if let Some(next) = toks.get(i + 1) {
        if NOT_PEOPLE.contains(&&*next.lc) || MONTHS.contains(&&*next.lc) {
            return None;
        }
    }
    // ("January 3"; but "In January, three soldiers" counts)
    if i > 0 && MONTHS.contains(&&*toks[i - 1].lc) && t.start - toks[i - 1].end <= 1 {
        return None;
    }
    // "No one was killed": nobody, no count
    if i > 0 && t.lc == "one" && toks[i - 1].lc == "no" {
        return None;
    }
    Some(n)
}

/// Which casualty a word reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harm {
    Death,
    Injury,
}

pub fn harm_of(word: &str) -> Option<Harm> {
    if DEATH.contains(&word) {
        Some(Harm::Death)
    } else if HURT.contains(&word) {
        Some(Harm::Injury)
    } else {
        None
    }
}

/// Singular nouns for one person, the head of "a US contractor", "an
/// American soldier", "one Iraqi civilian".
const ONE_PERSON: &[&str] = &[
    "soldier", "contractor", "civilian", "marine", "sailor", "airman", "officer", "fighter", "commander", "member",
    "servicemember", "child", "woman", "man", "boy", "girl", "person", "worker", "employee", "guard", "policeman",
    "militant", "leader", "official", "journalist", "translator", "interpreter", "pilot", "driver", "farmer",
    "shepherd", "citizen", "national", "resident", "student", "doctor", "engineer", "operative", "militiaman",
    "conscript", "trooper", "paratrooper", "sergeant", "specialist", "colonel", "captain", "lieutenant", "corporal",
    // "troops" are counted as persons ("two American troops"), never one
    "troop",
    // people by nation: "two Americans and a Briton"
    "american", "briton", "iraqi", "syrian", "iranian", "kurd", "jordanian", "turk", "israeli",
];

/// A noun for one person or for several ("soldier", "soldiers", "people").
fn people_noun(w: &str) -> bool {
    ONE_PERSON.contains(&w)
        || w.strip_suffix('s').is_some_and(|one| ONE_PERSON.contains(&one))
        || matches!(w, "people" | "men" | "women" | "children" | "personnel" | "servicemen" | "servicewomen")
}

/// Whether the words from `j` on are "a", "an" or "one" and, within three
/// more words before `end`, a noun for one person: "a US contractor".
fn one_person(toks: &[Tok], j: usize, end: usize) -> bool {
    matches!(&*toks[j].lc, "a" | "an" | "one")
        && toks[j + 1..end.min(j + 5).min(toks.len())].iter().any(|t| ONE_PERSON.contains(&&*t.lc) && t.lc != "troop")
}

/// "killed the contractor": "the" and, within three more words, a noun for
/// one person that ends the phrase (not "the contractor's colleagues", nor
/// "the commander Qasem Soleimani and ...", where the names are counted).
fn the_one_person(toks: &[Tok], j: usize) -> bool {
    const PHRASE_END: &[&str] =
        &["and", "in", "on", "at", "near", "with", "during", "when", "as", "while", "after", "before", "who", "from", "inside", "outside", "was", "were"];
    toks[j].lc == "the"
        && (j + 1..toks.len().min(j + 4)).any(|m| {
            ONE_PERSON.contains(&&*toks[m].lc) && toks[m].lc != "troop" && toks.get(m + 1).is_none_or(|n| PHRASE_END.contains(&&*n.lc))
        })
}

/// Whether the words from `j` on are one person as the subject of the
/// casualty word at `i`: "a British soldier (has been) killed", not "a
/// member of parliament said civilians were killed".
fn one_person_subject(toks: &[Tok], j: usize, i: usize) -> bool {
    const AUX: &[&str] = &["was", "were", "has", "have", "had", "been", "being", "is", "are", "reportedly", "also", "later"];
    if !matches!(&*toks[j].lc, "a" | "an" | "one") {
        return false;
    }
    (j + 1..i.min(j + 5)).any(|m| ONE_PERSON.contains(&&*toks[m].lc) && toks[m + 1..i].iter().all(|t| AUX.contains(&&*t.lc)))
}

/// "killed two US soldiers and a civilian interpreter": the count of people
/// joined by "and" to the first after the verb at `i`, or 0.
fn joined_after(toks: &[Tok], i: usize, in_date: &dyn Fn(usize) -> bool) -> i64 {
    let end = toks.len().min(i + 10);
    let Some(and) = (i + 2..end).find(|&k| toks[k].lc == "and") else { return 0 };
    if !people_noun(&toks[and - 1].lc) || and + 1 >= toks.len() {
        return 0;
    }
    // not "two soldiers and three others were wounded"
    if toks[and + 1..toks.len().min(and + 6)].iter().any(|t| harm_of(&t.lc).is_some()) {
        return 0;
    }
    head_count(toks, and + 1, in_date).unwrap_or_else(|| i64::from(one_person(toks, and + 1, toks.len())))
}

/// The number a casualty word at `i` reports: after an active verb
/// ("killing three soldiers", "the number of dead at 14"), else the nearest
/// number before it in the clause ("Four members of X were killed").
pub fn casualty_number(toks: &[Tok], i: usize, in_date: &dyn Fn(usize) -> bool) -> Option<i64> {
    let active = matches!(&*toks[i].lc, "killing" | "killed" | "wounding" | "injuring" | "kills" | "kill");
    let forward = |max: usize| -> Option<i64> {
        let mut j = i + 1;
        let mut hedges = 0;
        while j < toks.len() && j <= i + max {
            if let Some(n) = head_count(toks, j, in_date) {
                return Some(n);
            }
            // "killed a US contractor", "killed the contractor"
            if j == i + 1 && (one_person(toks, j, toks.len()) || the_one_person(toks, j)) {
                return Some(1);
            }
            if !HEDGES.contains(&&*toks[j].lc) || hedges > 3 {
                return None;
            }
            hedges += 1;
            j += 1;
        }
        None
    };
    if active {
        if let Some(n) = forward(4) {
            return Some(n + joined_after(toks, i, in_date));
        }
    }
    // backwards, up to eight words, not across another casualty word
    let lo = i.saturating_sub(8);
    for j in (lo..i).rev() {
        if harm_of(&toks[j].lc).is_some() {
            break;
        }
        // "Two American soldiers and a British soldier were killed": the
        // counts joined by "and" add up
        let single = j == 0 || toks[j - 1].lc != "of";
        let n = head_count(toks, j, in_date).or_else(|| (single && one_person_subject(toks, j, i)).then_some(1));
        if let Some(n) = n {
            // (only people joined: not "119 detained and 14 killed")
            let before = (j >= 3 && toks[j - 1].lc == "and" && people_noun(&toks[j - 2].lc))
                .then(|| (j.saturating_sub(6)..j - 1).rev().find_map(|k| head_count(toks, k, in_date)))
                .flatten();
            return Some(n + before.unwrap_or(0));
        }
    }
    if !active {
        return forward(4);
    }
    None
}

static NO_CASUALTIES: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"(?i)\b(?:without (?:causing |any |inflicting )*(?:casualties|injuries|injury|damage)",
        r"|no (?:casualties|injuries)(?: or (?:[a-z]+ )?damage)?(?: were| have been)? (?:reported|caused)",
        r"|no (?:u\.s\. |us |american |coalition )?(?:personnel|one|troops|service members) (?:was|were) (?:killed|injured|hurt|wounded)",
        r"|there were no (?:casualties|injuries)",
        r"|nobody was (?:killed|injured|hurt|wounded))"
    ))
});

/// "without causing casualties", "no injuries or damage were reported",
/// "there were no casualties", "nobody was hurt". `lc` is
/// `text` lower-cased ASCII-wise; `plain` is what `plain_words` says of
/// `text`.
pub fn no_casualties(text: &str, lc: &str, plain: bool) -> bool {
    if plain {
        // the only characters outside ASCII whose case folds to an ASCII
        // letter (the Kelvin sign, the long s) are word characters, which a
        // plain text has none of: the lower-cased text is read by hand, and
        // the regex never built
        return no_casualties_plain(lc);
    }
    NO_CASUALTIES.on(plain).is_match(text)
}

/// The text with one of `words` cut off its start.
fn eat<'s>(s: &'s str, words: &[&str]) -> Option<&'s str> {
    words.iter().find_map(|w| s.strip_prefix(w))
}

/// `NO_CASUALTIES` on a plain text lower-cased ASCII-wise: each phrase opens with
/// "without " or "no " on a word boundary, and no two of the words that
/// can follow open alike, so each is read without going back.
fn no_casualties_plain(lc: &str) -> bool {
    let b = lc.as_bytes();
    let bounded = |i: usize| i == 0 || !crate::extract::text::word_byte(b[i - 1]);
    let without = |mut rest: &str| {
        while let Some(r) = eat(rest, &["causing ", "any ", "inflicting "]) {
            rest = r;
        }
        eat(rest, &["casualties", "injuries", "injury", "damage"]).is_some()
    };
    // " were reported", " caused"
    let reported = |r: &str| {
        let r = eat(r, &[" were", " have been"]).unwrap_or(r);
        eat(r, &[" reported", " caused"]).is_some()
    };
    // " or damage", " or infrastructure damage": the regex may take a word
    // before "damage" or not, so both are tried
    let or_damage = |r: &str| {
        let Some(r) = r.strip_prefix(" or ") else { return false };
        let worded = || {
            let n = r.bytes().take_while(u8::is_ascii_lowercase).count();
            n > 0 && r[n..].strip_prefix(" damage").is_some_and(reported)
        };
        r.strip_prefix("damage").is_some_and(reported) || worded()
    };
    let no = |rest: &str| {
        if let Some(r) = eat(rest, &["casualties", "injuries"]) {
            return reported(r) || or_damage(r);
        }
        let r = eat(rest, &["u.s. ", "us ", "american ", "coalition "]).unwrap_or(rest);
        eat(r, &["personnel", "one", "troops", "service members"])
            .and_then(|r| eat(r, &[" was ", " were "]))
            .and_then(|r| eat(r, &["killed", "injured", "hurt", "wounded"]))
            .is_some()
    };
    // "no ...", "there were no casualties", "nobody was hurt": one pass over "no"
    let after_no = |i: usize| {
        let rest = &lc[i + 2..];
        if let Some(r) = rest.strip_prefix(' ') {
            let there = i >= "there were ".len() && lc[..i].ends_with("there were ") && bounded(i - "there were ".len());
            (bounded(i) && no(r)) || (there && eat(r, &["casualties", "injuries"]).is_some())
        } else {
            bounded(i) && rest.strip_prefix("body was ").is_some_and(|r| eat(r, &["killed", "injured", "hurt", "wounded"]).is_some())
        }
    };
    lc.match_indices("without ").any(|(i, w)| bounded(i) && without(&lc[i + w.len()..]))
        || lc.match_indices("no").any(|(i, _)| after_no(i))
}

/// An aggregate claim: "about 150 attacks", "over 160 times since
/// October 17".
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub start: usize,
    pub end: usize,
    pub count: i64,
    pub qualifier: Option<String>,
    pub period: Option<String>,
}

static AGGREGATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"(?i)\b(?:(about|more than|over|at least|nearly|some|almost|around|roughly|approximately|an estimated|upwards of|fewer than|less than|up to)\s+)?",
        r"(\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+",
        r"(?:(?:[a-z]+-)?[a-z]+\s+){0,3}?",
        r"(attacks|strikes|airstrikes|times|operations|raids|assaults|incidents)\b"
    ))
});

static PERIOD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(concat!(
        r"(?i)\b(?:since (?:mid-|early |late )?(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|[a-z]+)(?: \d{1,2}\b)?(?:,? \d{4})?",
        r"|(?:over|in|during|within) the (?:past|last) (?:[a-z0-9-]+ ){0,2}?(?:days?|weeks?|months?|years?|decade)",
        r"|so far this (?:year|month)|this year)"
    ))
});

/// `AGGREGATE` and `PERIOD` without case folding and with ASCII classes,
/// for a text lower-cased ASCII-wise. On a plain text with no white space
/// outside ASCII they find what the two find on the text itself: the only
/// characters outside ASCII that fold to an ASCII letter (the Kelvin sign,
/// the long s) and the Unicode digits are word characters, which a plain
/// text has none of. Much smaller automata, built once news text needs them.
static AGGREGATE_LC: LazyLock<Regex> = LazyLock::new(|| Regex::new(&lower_ascii(&AGGREGATE)).expect("aggregate regex"));
static PERIOD_LC: LazyLock<Regex> = LazyLock::new(|| Regex::new(&lower_ascii(&PERIOD)).expect("period regex"));

/// A case-insensitive `WordRegex` pattern written in lower case, turned
/// into its ASCII form without case folding.
fn lower_ascii(re: &WordRegex) -> String {
    let pattern = re.ascii_pattern();
    let rest = pattern.strip_prefix("(?i)").expect("a case-insensitive pattern");
    debug_assert!(!rest.chars().any(|c| c.is_ascii_uppercase()));
    format!("(?-u){rest}")
}

/// Whether the lower-cased forms may stand in for the regexes on `text`.
fn lower_serves(text: &str, plain: bool) -> bool {
    plain && !text.chars().any(|c| !c.is_ascii() && c.is_whitespace())
}

/// The period of a claim: "since mid-October", "over the past year".
pub fn period(text: &str, plain: bool) -> Option<(usize, usize, String)> {
    PERIOD.on(plain).find(text).map(|m| (m.start(), m.end(), m.as_str().to_string()))
}

/// `period` with `lc`, `text` lower-cased ASCII-wise.
fn period_of(text: &str, lc: &str, lower: bool, plain: bool) -> Option<(usize, usize, String)> {
    if !lower {
        return period(text, plain);
    }
    PERIOD_LC.find(lc).map(|m| (m.start(), m.end(), text[m.range()].to_string()))
}

/// The nouns `AGGREGATE` ends with, searched in the sentence lower-cased
/// ASCII-wise: a sentence without one holds no claim, and most sentences
/// have none, so the costly regex is skipped there.
const AGGREGATE_NOUNS: [&str; 7] = ["attacks", "strikes", "times", "operations", "raids", "assaults", "incidents"];

/// Finds an aggregate claim in a sentence. A bare small number of attacks
/// ("two attacks") is not a claim unless a hedge or a period comes with it.
/// `lc` is `text` lower-cased ASCII-wise; `plain` is what `plain_words`
/// says of `text`.
pub fn aggregate(text: &str, lc: &str, plain: bool, in_date: &dyn Fn(usize) -> bool) -> Option<Aggregate> {
    // the Kelvin sign and the long s fold to k and s under `(?i)`
    // every noun ends in "s": one pass over the sentence instead of a search per noun
    // (found by `match_indices`, which skips to each "s" a word at a time
    // where a byte loop tested every byte against seven nouns)
    let bytes = lc.as_bytes();
    let noun = lc.match_indices('s').any(|(i, _)| AGGREGATE_NOUNS.iter().any(|n| bytes[..=i].ends_with(n.as_bytes())));
    if !noun && (lc.is_ascii() || (!text.contains('\u{212A}') && !text.contains('\u{17F}'))) {
        return None;
    }
    // a claim counts three or more, and `parse_number` reads only a numeral
    // or a number word (the first of two joined by a hyphen): a sentence
    // with neither holds no claim, and the costly captures are skipped
    let counted = lc.bytes().any(|b| b.is_ascii_digit())
        || bytes.split(|b| !b.is_ascii_lowercase()).any(|w| w.len() >= 3 && UNITS.iter().any(|&(n, v)| v >= 3 && n.as_bytes() == w));
    if !counted {
        return None;
    }
    let lower = lower_serves(text, plain);
    let (re, hay) = if lower { (&*AGGREGATE_LC, lc) } else { (AGGREGATE.on(plain), text) };
    for c in re.captures_iter(hay) {
        // the groups are read from the text itself, as the regex found them
        let num = &text[c.get(2).unwrap().range()];
        let num_start = c.get(2).unwrap().start();
        if in_date(num_start) || is_year(num) {
            continue;
        }
        let Some(count) = parse_number(num) else { continue };
        let whole = c.get(0).unwrap();
        let qualifier = c.get(1).map(|q| text[q.range()].to_lowercase());
        let period = period_of(text, lc, lower, plain).map(|p| p.2);
        if count < 3 || (qualifier.is_none() && period.is_none() && count < 10) {
            continue;
        }
        return Some(Aggregate { start: whole.start(), end: whole.end(), count, qualifier, period });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::plain_words;

    /// The words the scanner must find: `TOKEN`'s leftmost-first matches,
    /// a trailing comma left off, lower-cased.
    fn regex_words(text: &str) -> Vec<(usize, usize, String)> {
        TOKEN
            .find_iter(text)
            .map(|m| {
                let s = m.as_str().trim_end_matches(',');
                (m.start(), m.start() + s.len(), s.to_lowercase())
            })
            .collect()
    }

    fn scanned_words(text: &str) -> Vec<(usize, usize, String)> {
        let lc = text.to_ascii_lowercase();
        tokenize(text, &lc).into_iter().map(|t| (t.start, t.end, t.lc.into_owned())).collect()
    }

    fn none(_: usize) -> bool {
        false
    }

    fn agg(text: &str, in_date: &dyn Fn(usize) -> bool) -> Option<Aggregate> {
        aggregate(text, &text.to_ascii_lowercase(), plain_words(text), in_date)
    }

    fn killed_in(text: &str, word: &str) -> Option<i64> {
        let lc = text.to_ascii_lowercase();
        let toks = tokenize(text, &lc);
        let i = toks.iter().position(|t| t.lc == word).unwrap();
        casualty_number(&toks, i, &none)
    }

    #[test]
    fn one_person_by_article_and_counts_joined_by_and() {
        assert_eq!(killed_in("A rocket strike killed a US contractor.", "killed"), Some(1));
        assert_eq!(killed_in("The blast killed an Iraqi soldier and wounded two.", "killed"), Some(1));
        assert_eq!(killed_in("Two American soldiers and a British soldier have been killed.", "killed"), Some(3));
        assert_eq!(killed_in("Three soldiers and two contractors were killed.", "killed"), Some(5));
        assert_eq!(killed_in("An ambush killed two US soldiers and a civilian interpreter.", "killed"), Some(3));
        assert_eq!(killed_in("The strike killed two fighters and destroyed a depot.", "killed"), Some(2));
        assert_eq!(killed_in("The blast killed two soldiers and three others were wounded.", "killed"), Some(2));
        assert_eq!(killed_in("A rocket attack on Camp Taji kills two Americans and a Briton.", "kills"), Some(3));
        // not a person, or one of a group
        assert_eq!(killed_in("The strike killed a senior figure.", "killed"), None);
        assert_eq!(killed_in("The strike killed an estimated 40 fighters.", "killed"), Some(40));
        assert_eq!(killed_in("A member of parliament said civilians were killed.", "killed"), None);
        assert_eq!(killed_in("Raids left 119 suspects detained and 14 killed.", "killed"), Some(14));
        assert_eq!(killed_in("A commander was killed on March 3.", "killed"), Some(1));
        // "troops" are people; "the contractor" is one
        assert_eq!(killed_in("Two American troops and a British service member were killed.", "killed"), Some(3));
        assert_eq!(killed_in("The attack on the K-1 base killed the contractor and wounded four.", "killed"), Some(1));
        assert_eq!(killed_in("The attack killed the contractor's two colleagues.", "killed"), None);
        assert_eq!(killed_in("The attack killed the troops.", "killed"), None);
    }

    #[test]
    fn the_scanner_finds_the_words_the_regex_finds() {
        for text in [
            "Some 2,500 troops, 1.5 million people and 3.4.5 votes; 10,000, then 7,.",
            "Kata’ib Hezbollah’s al-Nujaba-led drone-strike at 05:30 on Jan. 3",
            "Ḥasan and Łukasz met ٣ people, ٤٥ soldiers; x²-y and naïve-’ending ’quotes’ --dash--",
            "'quoted' words-, -lead, trail- don't 12th 1,2,3.",
            "",
        ] {
            assert_eq!(scanned_words(text), regex_words(text), "{text}");
        }
    }

    #[test]
    fn the_scanner_finds_the_words_the_regex_finds_in_generated_text() {
        // pieces news text is made of, and the characters that trip a scanner:
        // separators, joiners, curly quotes, dashes, digits and letters outside
        // ASCII, characters whose lower case changes length
        const PIECES: &[&str] = &[
            "a", "Z", "q", "7", "0", "12", ",", ".", "-", "'", "’", "‘", "“", "”", "–", "—", " ", "  ", "\n",
            "é", "Ł", "ß", "İ", "K", "ſ", "٣", "٤٥", "²", "Ⅻ", "中", "😀", "x-y", "don't", "1,2", "3.", ".5",
            "2,500", "1.5", "al-", "’s", "Ḥ", "\t", ";", "(", ")", "Ω",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..30_000 {
            let len = (next() % 24) as usize;
            let text: String = crate::extract::test_text(&mut next, PIECES, len);
            assert_eq!(scanned_words(&text), regex_words(&text), "{text:?}");
        }
    }

    #[test]
    fn claim_regexes_compile_in_both_forms() {
        for re in [&NO_CASUALTIES, &AGGREGATE, &PERIOD] {
            assert_eq!(re.on(true).captures_len(), re.on(false).captures_len());
        }
    }

    #[test]
    fn the_lower_cased_claim_regexes_find_what_the_regexes_find() {
        const PIECES: &[&str] = &[
            "about ", "More than ", "over ", "AT LEAST ", "an estimated ", "up to ", "150", "2,500", "Four", "twenty-five",
            "drone", "and", "rocket", "Attacks", "strikes", "times", "raids", "since ", "Mid-", "early ", "Oct.", "October",
            " 17", ", 2023", "over the past ", "last ", "few ", "days", "year", "so far this year", "this year", " ", "  ",
            "\t", "\n", ",", ".", "-", "’", "“", "—", "é", "x", "9",
        ];
        let mut next = crate::extract::test_rng();
        let mut served = 0;
        for _ in 0..30_000 {
            let len = (next() % 14) as usize;
            let text: String = crate::extract::test_text(&mut next, PIECES, len);
            if !lower_serves(&text, plain_words(&text)) {
                continue;
            }
            served += 1;
            let lc = text.to_ascii_lowercase();
            let spans = |re: &Regex, hay: &str| -> Vec<Vec<Option<(usize, usize)>>> {
                re.captures_iter(hay).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect()
            };
            assert_eq!(spans(&AGGREGATE_LC, &lc), spans(AGGREGATE.on(true), &text), "{text:?}");
            assert_eq!(spans(&PERIOD_LC, &lc), spans(PERIOD.on(true), &text), "{text:?}");
        }
        assert!(served > 20_000, "{served}");
        assert!(!lower_serves("over\u{a0}150 attacks", true));
    }

    #[test]
    fn parses_numerals_and_words() {
        assert_eq!(parse_number("2,500"), Some(2500));
        assert_eq!(parse_number("Four"), Some(4));
        assert_eq!(parse_number("twenty-five"), Some(25));
        assert_eq!(parse_number("fourth"), None);
        assert!(is_year("2014"));
        assert!(!is_year("2,014"));
    }

    #[test]
    fn finds_the_dead_before_and_after_the_verb() {
        assert_eq!(killed_in("Four members of the brigade were killed in a strike.", "killed"), Some(4));
        assert_eq!(killed_in("A drone hit the camp, killing three soldiers.", "killing"), Some(3));
        assert_eq!(killed_in("The blast left two dead.", "dead"), Some(2));
        assert_eq!(killed_in("Officials put the number of dead at 14 on Monday.", "dead"), Some(14));
        assert_eq!(killed_in("The raid killed at least 12 militants.", "killed"), Some(12));
    }

    #[test]
    fn years_dates_and_troop_strengths_are_not_the_dead() {
        assert_eq!(killed_in("In 2019 commanders were killed.", "killed"), None);
        assert_eq!(killed_in("Commanders were killed on March 3.", "killed"), None);
        assert_eq!(killed_in("Some 2,500 troops remain after 20 years of war, and one was killed.", "killed"), Some(1));
        assert_eq!(killed_in("It was the deadliest day in 10 years that people were killed.", "killed"), None);
    }

    #[test]
    fn the_dead_and_the_wounded_are_counted_apart() {
        let text = "The raid left at least 14 fighters dead and seven soldiers wounded.";
        assert_eq!(killed_in(text, "dead"), Some(14));
        assert_eq!(killed_in(text, "wounded"), Some(7));
    }

    #[test]
    fn aggregate_claims_keep_hedge_and_period() {
        let a = agg("Bases were hit more than 150 times since mid-October, officials said.", &none).unwrap();
        assert_eq!((a.count, a.qualifier.as_deref(), a.period.as_deref()), (150, Some("more than"), Some("since mid-October")));
        let a = agg("Militias launched about 150 drone and rocket attacks.", &none).unwrap();
        assert_eq!((a.count, a.qualifier.as_deref()), (150, Some("about")));
        let a = agg("There were 74 attacks since October 17.", &none).unwrap();
        assert_eq!(a.period.as_deref(), Some("since October 17"));
        assert_eq!(agg("Militants carried out two attacks on the base.", &none), None);
        assert_eq!(agg("It marks the third time the base was hit.", &none), None);
    }

    #[test]
    fn no_casualties_is_recognised() {
        let said = |t: &str| no_casualties(t, &t.to_ascii_lowercase(), plain_words(t));
        assert!(said("A drone hit the base without causing casualties."));
        assert!(said("No U.S. personnel were injured."));
        assert!(!said("Two soldiers were injured."));
        assert!(said("Il n’y a eu no casualties reported."));
        assert!(!said("Il n’y a eu casualties reported."));
        assert!(said("There were no injuries or infrastructure damage reported."));
        assert!(said("No casualties or damage were reported."));
        assert!(said("There were no casualties, the ministry said."));
        assert!(said("Nobody was hurt in the attack."));
        assert!(!said("There were no claims of responsibility."));
        assert!(!said("No injuries or infrastructure damage."));
    }

    #[test]
    fn no_casualties_read_by_hand_is_the_regex_on_generated_text() {
        const PIECES: &[&str] = &[
            "without ", "Without ", "WITHOUT ", "no ", "No ", "NO ", "causing ", "any ", "Any ", "inflicting ",
            "casualties", "Casualties", "injuries", "injury", "damage", " were", " have been", " reported", " caused",
            "u.s. ", "U.S. ", "us ", "american ", "coalition ", "personnel", "one", "troops", "service members",
            " was ", " were ", "killed", "injured", "hurt", "wounded", " or ", "infrastructure", "there were no ",
            "There ", "nobody was ", "Nobody ", "was ", " ", "x", "_", "9", ",", ".", "s", "o",
            "’", "“", "é", "\u{a0}",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..30_000 {
            let len = (next() % 10) as usize;
            let text: String = crate::extract::test_text(&mut next, PIECES, len);
            if !plain_words(&text) {
                continue;
            }
            let lc = text.to_ascii_lowercase();
            assert_eq!(no_casualties_plain(&lc), NO_CASUALTIES.on(true).is_match(&text), "{text:?}");
        }
    }
}
