//! Names the dictionary does not know, found by the habits of English news:
//! a title or role before a person's name, an appositive after it, a
//! reporting verb; an organization's head noun with its capitalized modifiers.

use std::borrow::Cow;

use super::lexicon::*;
use super::tokens::{tokenize_all, Sentences, Tok};
use crate::extract::{EntityType, Sentence};

/// A name found by a rule: `body[start..end]` is the name.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub etype: EntityType,
    pub start: usize,
    pub end: usize,
    pub role: Option<String>,
    pub kind: Option<String>,
}


/// Regions that end a command's name after its head noun.
const REGIONS: &[&str] = &["central", "north", "south", "east", "west", "europe", "africa", "pacific", "northeast", "northwest", "southeast", "southwest"];

/// Heads that make a name with only a nationality before them ("Iraqi Army").
const NATIONAL_HEADS: &[&str] = &["army", "navy", "parliament", "senate", "congress", "corps"];

/// Every person and organization the rules find in the body.
pub fn discover(body: &str, sentences: &[Sentence]) -> Vec<Found> {
    discover_in(body, &tokenize_all(body, &body.to_ascii_lowercase(), sentences))
}

/// The same over sentences already split into words.
pub fn discover_in(body: &str, sentences: &Sentences) -> Vec<Found> {
    let mut out = Vec::new();
    let mut lines = LineStarts { body, scanned: 0, start: 0 };
    // (the runs of a sentence, in one buffer for all)
    let mut spans = Vec::new();
    for toks in sentences.iter() {
        let first = toks.first().map_or(0, |t| t.start);
        let alone = line_alone(body, lines.of(first), first);
        if bylines(body, toks, alone, &mut out) {
            continue;
        }
        // (a headline stands on a line of its own; a sentence that opens
        // after an abbreviation's stop is running text)
        if alone && title_case(toks) {
            continue; // capitals say nothing in a headline
        }
        runs(toks, &mut spans);
        for &(i, j) in &spans {
            if self_named_group(toks, i, &mut out, j) {
                continue;
            }
            if named_after_group_noun(body, toks, i, j, &mut out) {
                continue;
            }
            people_in_run(body, toks, i, j, &mut out);
            orgs_in_run(body, toks, i, j, &mut out);
            bases_in_run(toks, i, j, &mut out);
        }
    }
    out
}

/// A byline on a line of its own: "By Jane Roe and JOHN DOE" (capitals
/// allowed, as wire services print them), or a bare name whose line carries
/// or is followed by the date ("Jane Roe | 04.05.2023", "Jane Roe" then
/// "May 4, 2023"). Every name of the line is a journalist. `alone`: the
/// sentence opens its line (`line_alone`).
fn bylines(body: &str, toks: &[Tok], alone: bool, out: &mut Vec<Found>) -> bool {
    if toks.is_empty() || !alone {
        return false;
    }
    let name_word = |t: &Tok| {
        let w = t.lower.trim_end_matches('.');
        t.cap && !t.possessive && !t.lower.chars().any(|c| c.is_ascii_digit()) && !is_in(NOT_NAME, w) && !is_in(TITLES, w)
            && org_head_kind(w).is_none() && !is_in(COUNTRIES, w) && nationality(w).is_none() && !is_in(REPORTING_VERBS, w)
    };
    // "By A B and C D", "By A B, C D and E F", "By A B, Outlet"
    if toks[0].lower == "by" && toks.len() >= 3 {
        let mut names = Vec::new();
        let mut k = 1;
        while k < toks.len() {
            let s = k;
            while k < toks.len() && name_word(&toks[k]) && (k == s || toks[k - 1].joined_next) {
                k += 1;
            }
            let after_comma = s > 1 && body[toks[s - 1].end..toks[s].start].trim() == ",";
            // a name in mixed case, or all in capitals as wire bylines print
            // it; a capitalized word among mixed ones is an acronym ("CNN")
            let shouting = |t: &Tok| all_caps(body, t) || t.lower.ends_with('.');
            let group = &toks[s..k];
            let consistent = group.iter().all(shouting) || !group.iter().any(|t| all_caps(body, t));
            if (2..=4).contains(&group.len()) && consistent {
                names.push((toks[s].start, toks[k - 1].end));
            } else if after_comma && k == toks.len() && k > s {
                break; // the outlet after the names
            } else {
                return false;
            }
            if k < toks.len() && toks[k].lower == "and" {
                k += 1;
            } else if k < toks.len() && body[toks[k - 1].end..toks[k].start].trim() != "," {
                return false;
            }
        }
        if names.is_empty() {
            return false;
        }
        for (start, end) in names {
            out.push(Found { etype: EntityType::Person, start, end, role: Some("journalist".to_string()), kind: None });
        }
        return true;
    }
    // a bare name, and a date on the line or on the next one, in the head
    // of the article (further down, short capitalized lines are lists of
    // links: "Related Stories")
    // (counting stops at the fifth line: the head of a long body is enough)
    let lines_before = body[..toks[0].start].lines().filter(|l| !l.trim().is_empty()).take(5).count();
    if lines_before > 4 {
        return false;
    }
    let n = toks.iter().take_while(|t| name_word(t) || t.is(PARTICLES)).count();
    if !(2..=4).contains(&n) || !toks[..n - 1].iter().all(|t| t.joined_next) || toks[n - 1].is(PARTICLES) {
        return false;
    }
    let dated_line = n < toks.len()
        && body[toks[n - 1].end..toks[n].start].trim().chars().all(|c| matches!(c, '|' | ',' | '-' | '–' | '—' | '/'))
        && !body[toks[n - 1].end..toks[n].start].trim().is_empty()
        && toks[n..].iter().all(|t| t.lower.chars().all(|c| c.is_ascii_digit()) || t.is(NOT_NAME_DATES) || is_month_abbrev(&t.lower));
    let line_end = body[toks[n - 1].end..].find('\n').map_or(body.len(), |p| toks[n - 1].end + p);
    let dated_next = n == toks.len() && {
        let next = body[line_end..].trim_start();
        let first: String = next.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
        (!first.is_empty() && first.chars().all(|c| c.is_ascii_digit()))
            || is_in(NOT_NAME_DATES, &first)
            || (is_month_abbrev(&first) && next[first.len()..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
    };
    if !(dated_line || dated_next) {
        return false;
    }
    out.push(Found { etype: EntityType::Person, start: toks[0].start, end: toks[n - 1].end, role: Some("journalist".to_string()), kind: None });
    true
}

fn is_month_abbrev(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec")
}

/// Only white space, a bullet or a bracket comes before `start` on its line,
/// which starts at `line_start`.
fn line_alone(body: &str, line_start: usize, start: usize) -> bool {
    body[line_start..start].trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '(').is_empty()
}

/// Where the line of a place starts, asked for places in the order of the
/// text: the body is searched for line breaks once, not back from every
/// sentence to the start of its paragraph.
struct LineStarts<'a> {
    body: &'a str,
    /// searched up to here; the line of `scanned` starts at `start`
    scanned: usize,
    start: usize,
}

impl LineStarts<'_> {
    fn of(&mut self, at: usize) -> usize {
        if at < self.scanned {
            (self.scanned, self.start) = (0, 0);
        }
        if let Some(p) = self.body[self.scanned..at].rfind('\n') {
            self.start = self.scanned + p + 1;
        }
        self.scanned = at;
        self.start
    }
}

/// Words before "by" in a credit line ("Reporting by X", "Photo by X").
const CREDIT_WORDS: &[&str] = &[
    "reporting", "editing", "writing", "compiled", "additional", "photo", "photos", "photograph", "video",
    "illustration", "graphic", "translation", "translated", "edited", "written", "reported",
];

/// A headline in title case ("Iraq Says US-Led Coalition Mission Will
/// End"): every word but the small ones capitalized.
fn title_case(toks: &[Tok]) -> bool {
    const SMALL: &[&str] = &["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "as", "with", "from", "vs", "via", "but", "nor", "up"];
    // (the words that open with a letter, counted as they come: a word in
    // lower case that is not a small one decides at once)
    let mut first: Option<&Tok> = None;
    let mut caps = 0;
    for t in toks.iter().filter(|t| t.lower.chars().next().is_some_and(char::is_alphabetic)) {
        first.get_or_insert(t);
        if t.cap {
            caps += 1;
        } else if !SMALL.contains(&t.lower.as_str()) && !t.is(PARTICLES) {
            return false;
        }
    }
    // a credit line ("Reporting by X; Editing by Y") is not a headline
    let credit = first.is_some_and(|t| t.lower == "by" || CREDIT_WORDS.contains(&t.lower.as_str()));
    caps >= 4 && !credit
}

/// "an armed group calling itself X", "a militia known as X": X is an
/// organization, whatever words it is made of.
fn self_named_group(toks: &[Tok], i: usize, out: &mut Vec<Found>, j: usize) -> bool {
    let mut a = i;
    if a < j && toks[a].lower == "the" {
        a += 1;
    }
    if a >= j || i < 2 {
        return false;
    }
    let w = |k: usize| toks[k].lower.as_str();
    let naming = (w(i - 2) == "calling" || w(i - 2) == "calls") && w(i - 1) == "itself"
        || (w(i - 2) == "known" && w(i - 1) == "as")
        || w(i - 1) == "dubbed"
        || w(i - 1) == "named";
    if !naming {
        return false;
    }
    let from = i.saturating_sub(6);
    let group = toks[from..i].iter().any(|t| {
        matches!(t.lower.as_str(), "group" | "groups" | "militia" | "faction" | "organization" | "organisation" | "movement" | "cell" | "network" | "outfit" | "alliance")
    });
    if !group {
        return false;
    }
    // "... calling itself The Islamic Resistance in Iraq": the name may go on
    // through "in"/"of" and a capitalized word
    let mut b = j;
    while b + 1 < toks.len() && toks[b - 1].joined_next && matches!(toks[b].lower.as_str(), "in" | "of" | "for") && toks[b].joined_next && toks[b + 1].cap {
        b += 2;
        while b < toks.len() && toks[b - 1].joined_next && !toks[b - 1].possessive && toks[b].cap {
            b += 1;
        }
    }
    let kind = if toks[from..i].iter().any(|t| matches!(t.lower.as_str(), "armed" | "militia" | "faction")) {
        "armed_group"
    } else {
        "other"
    };
    out.push(Found { etype: EntityType::Organization, start: toks[a].start, end: toks[b - 1].end, role: None, kind: Some(kind.to_string()) });
    true
}

/// Lower-case nouns for armed or political groups, with the kind they give.
const GROUP_NOUNS: &[(&str, &str)] = &[
    ("militia", "armed_group"), ("militias", "armed_group"), ("faction", "armed_group"), ("group", "armed_group"),
    ("movement", "armed_group"), ("party", "party"), ("bloc", "party"), ("alliance", "party"),
    ("coalition", "party"), ("organization", "other"), ("organisation", "other"), ("outlet", "media"),
    ("broadcaster", "media"), ("channel", "media"), ("agency", "media"), ("newspaper", "media"),
    ("daily", "media"), ("network", "media"), ("website", "media"),
];

/// "the Iran-backed militia Saraya Awliya al-Dam", "the news agency Tasnim"
/// (a group noun just before the name); "Saraya Awliya al-Dam, an Iran-backed
/// militia," (an appositive whose head is a group noun).
fn named_after_group_noun(body: &str, toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) -> bool {
    let group_kind = |w: &str| GROUP_NOUNS.iter().find(|(g, _)| *g == w).map(|(_, k)| *k);
    let plain = |a: usize, b: usize| {
        (a..b).all(|k| {
            let t = &toks[k];
            !t.is(NOT_NAME_DATES) && !t.is(TITLES) && !t.is(COUNTRIES) && t.nationality().is_none() && !t.is(OPENERS)
        })
    };
    if !plain(i, j) {
        return false;
    }
    let name_end = toks[j - 1].end;
    if i > 0 && toks[i - 1].joined_next && !toks[i - 1].cap {
        if let Some(kind) = group_kind(&toks[i - 1].lower) {
            // "the militia X" but not "a group of X" or "the group Monday"
            out.push(Found { etype: EntityType::Organization, start: toks[i].start, end: name_end, role: None, kind: Some(kind.to_string()) });
            return true;
        }
    }
    if !toks[j - 1].possessive && body[toks[j - 1].end..].starts_with(',') && j < toks.len() && matches!(toks[j].lower.as_str(), "a" | "an" | "the") {
        let stop = toks[j..].iter().position(|t| body[t.end..].starts_with([',', ';', ':', '.', ')'])).map(|p| j + p);
        if let Some(stop) = stop.filter(|&s| s < j + 6) {
            let window = &toks[j..=stop];
            if window.iter().any(|t| t.is(ROLE_NOUNS)) {
                return false;
            }
            if let Some(kind) = group_kind(&toks[stop].lower) {
                out.push(Found { etype: EntityType::Organization, start: toks[i].start, end: name_end, role: None, kind: Some(kind.to_string()) });
                return true;
            }
        }
    }
    false
}

/// Words that end a base's name in capitals ("Harir Air Base", "al-Tanf
/// Garrison", "Tamarisk Landing Zone") or follow it in lower case ("the
/// Harir base", "the al-Tanf military base").
const BASE_HEADS: &[&str] = &["base", "airbase", "airfield", "garrison", "airport"];

/// Military bases: "Camp X", "Mission Support Site X", "X Air Base", "X
/// Landing Zone", "X base".
fn bases_in_run(toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    let w = |k: usize| toks[k].lower.as_str();
    let base = |start: usize, end: usize, out: &mut Vec<Found>| {
        out.push(Found { etype: EntityType::Base, start, end, role: None, kind: None });
    };
    // skip openers ("At Camp Taji") and who runs the base ("US-run", "US-led
    // coalition base"): not part of its name
    let mut a = i;
    while a < j && (toks[a].is(OPENERS) || toks[a].is(NOT_NAME_DATES) || compound_modifier(w(a))) {
        a += 1;
    }
    if a >= j {
        return;
    }
    // "Camp Victory", "Mission Support Site Harbor", "Forward Operating Base X"
    let prefix_len = if w(a) == "camp" {
        1
    } else if a + 2 < j
        && ((w(a) == "mission" && w(a + 1) == "support" && w(a + 2) == "site")
            || (matches!(w(a), "forward" | "patrol" | "combat") && w(a + 1) == "operating" && w(a + 2) == "base"))
    {
        3
    } else {
        0
    };
    if prefix_len > 0 && a + prefix_len < j {
        base(toks[a].start, toks[j - 1].end, out);
        return;
    }
    // "Ain al-Asad Air Base", "Tamarisk Landing Zone", "al-Tanf Garrison"
    let last = w(j - 1);
    let capital_head = matches!(last, "base" | "airbase" | "airfield" | "garrison")
        || (last == "zone" && j >= 2 && w(j - 2) == "landing")
        || (last == "field" && j >= 2 && w(j - 2) == "air");
    if capital_head {
        let head_len = if matches!(last, "zone" | "field") || (last == "base" && j >= 2 && w(j - 2) == "air") { 2 } else { 1 };
        if j - a > head_len && name_part(toks, a, j - head_len) {
            base(toks[a].start, toks[j - 1].end, out);
        }
        return;
    }
    // "the Harir base", "al-Tanf military base", "Ain al-Asad air base"
    if j < toks.len() && toks[j - 1].joined_next && !toks[j - 1].possessive && j - a <= 3 && name_part(toks, a, j) {
        let mut k = j;
        if matches!(w(k), "military" | "air" | "army" | "naval" | "coalition" | "us") && k + 1 < toks.len() && toks[k].joined_next {
            k += 1;
        }
        if BASE_HEADS.contains(&w(k)) && w(k) != "airport" && !toks[k].cap {
            base(toks[a].start, toks[k].end, out);
        } else if w(k) == "landing" && k + 1 < toks.len() && toks[k].joined_next && w(k + 1) == "zone" && !toks[k].cap {
            base(toks[a].start, toks[k + 1].end, out); // "the Rmelan landing zone"
        }
    }
}

/// "US-run", "IRGC-affiliated", "Iran-backed": who owns or backs a thing,
/// written before its name and never part of it.
fn compound_modifier(w: &str) -> bool {
    ["-led", "-run", "-backed", "-based", "-operated", "-controlled", "-held", "-affiliated", "-aligned", "-linked", "-owned", "-funded", "-allied"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Words that can name a base: not a nationality, country, month or title.
fn name_part(toks: &[Tok], a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        let t = &toks[k];
        t.nationality().is_none() && !t.is(COUNTRIES) && !t.is(NOT_NAME_DATES) && !t.is(TITLES) && !t.is(OPENERS)
    }) && !toks[a..b].iter().all(|t| t.is(PARTICLES))
}

/// Maximal runs of capitalized words joined by spaces (lower-case name
/// particles inside count: "Abd al Amir"), into `out`. A possessive ends a run.
fn runs(toks: &[Tok], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        let leading_particle = toks[i].is(PARTICLES) && toks[i].joined_next && i + 1 < toks.len() && toks[i + 1].cap;
        if !toks[i].cap && !leading_particle {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && toks[j - 1].joined_next && !toks[j - 1].possessive {
            let t = &toks[j];
            let particle = t.is(PARTICLES) && j + 1 < toks.len() && toks[j + 1].cap && t.joined_next;
            if t.cap || particle {
                j += 1;
            } else {
                break;
            }
        }
        out.push((i, j));
        i = j;
    }
}

fn is_name_word(t: &Tok) -> bool {
    let w = t.lower.as_str();
    let bare = w.trim_end_matches('.');
    if t.lower.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if t.is(PARTICLES) || (w == "marshal" && t.cap) {
        return true; // "Marshal" as a rank is caught as a title before this
    }
    if !t.cap {
        return false;
    }
    // (most words have no stop: their bare form is the word itself)
    let bare_entry = if bare.len() == w.len() { t.lex } else { entry(bare) };
    let bare_in = |list: &List| is_in_entry(list, bare, || bare_entry);
    !bare_in(NOT_NAME)
        && !t.is(TITLES)
        && !bare_in(TITLES)
        && bare_entry.and_then(|e| e.org_head).is_none()
        && !bare_in(COUNTRIES)
        && bare_entry.and_then(|e| e.nationality).is_none()
        && !bare_in(REPORTING_VERBS)
}

/// "al-Muhandis", "el-Sisi": a surname with the article.
fn is_al_name(w: &str) -> bool {
    ["al-", "el-", "al ", "el "].iter().any(|p| w.starts_with(p) && w.len() > p.len() + 1)
}

/// Generational suffixes that end a name ("Lloyd J. Austin III").
fn is_suffix(w: &str) -> bool {
    matches!(w, "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv")
}

/// An acronym ("ISIS", "AFP") is not part of a person's name.
fn all_caps(body: &str, t: &Tok) -> bool {
    // (the letters are looked at in place, not collected first)
    let mut letters = 0;
    for c in t.text(body).chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters > 1
}

fn people_in_run(body: &str, toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    let title = (i..j).rev().find(|&k| {
        let w = toks[k].lower.as_str();
        // "Marshal" is a rank only after "Field" or "Air (Chief)"; else a given name
        let marshal_name = w == "marshal" && !(k > i && matches!(toks[k - 1].lower.as_str(), "field" | "air" | "chief" | "vice"));
        let bare = w.trim_end_matches('.');
        (toks[k].is(TITLES) || (bare.len() != w.len() && is_in(TITLES, bare)) || toks[k].is(ROLE_NOUNS)) && toks[k].cap && !marshal_name
    });
    let mut a = title.map_or(i, |t| t + 1);
    if title.is_none() {
        while a < j && (toks[a].is(OPENERS) || toks[a].is(NOT_NAME)) {
            a += 1;
        }
    }
    let mut b = j;
    // "Lloyd J. Austin III": the suffix is part of the name's words but
    // checked apart
    let suffix = b > a + 2 && is_suffix(&toks[b - 1].lower);
    if suffix {
        b -= 1;
    }
    let n = b.saturating_sub(a);
    if !(2..=5).contains(&n) {
        return;
    }
    if !(a..b).all(|k| is_name_word(&toks[k]) && !all_caps(body, &toks[k])) {
        return;
    }
    if toks[b - 1].is(PARTICLES) {
        return;
    }
    let mut role: Option<String> = None;
    let mut evidence = false;
    // "Spc. Kennedy Sanders": a title abbreviation the sentence splitter
    // took for a full stop
    if title.is_none() && a == i && toks[i].initial {
        let before = body[..toks[i].start].trim_end();
        let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let lw = word.to_lowercase();
        if lw.ends_with('.') && is_in(TITLES, &lw) {
            role = Some(word.to_string());
            evidence = true;
        }
    }
    if let Some(t) = title {
        // the role: the run's words up to the title, and a role noun before it
        let mut rs = i;
        if rs > 0 && toks[rs - 1].joined_next && toks[rs - 1].is(ROLE_NOUNS) {
            rs -= 1;
        }
        role = Some(body[toks[rs].start..toks[t].end].to_string());
        evidence = true;
    }
    // "alliance chief Piet Jansen", "senior ISIS operative Saleh Abdul Karim"
    // (also "the observatory's director, Rami Abdel Rahman, said")
    let comma_before = i > 0 && body[toks[i - 1].end..toks[i].start].trim() == ",";
    if !evidence && a == i && i > 0 && (toks[i - 1].joined_next || comma_before) && !toks[i - 1].cap && toks[i - 1].is(ROLE_NOUNS) {
        let mut rs = i - 1;
        if rs > 0 && toks[rs - 1].joined_next && toks[rs - 1].cap {
            rs -= 1;
        }
        role = Some(body[toks[rs].start..toks[i - 1].end].to_string());
        evidence = true;
    }
    // "X said", "X told AFP"
    // ("Renad Mansour of Chatham House said": the complement is not the speaker)
    let before = if i > 1 && toks[i - 1].lower == "the" { i - 2 } else { i.wrapping_sub(1) };
    let complement = a == i && i > 0 && before < i && matches!(toks[before].lower.as_str(), "of" | "at" | "from" | "in" | "with" | "for" | "on");
    if !evidence && !complement && b < toks.len() && toks[b - 1].joined_next && !toks[b - 1].possessive && toks[b].is(REPORTING_VERBS) {
        evidence = true;
    }
    // "Haidar Jassim, 34, a shopkeeper": an age in commas follows a person
    if !evidence && !toks[b - 1].possessive && b < toks.len() && body[toks[b - 1].end..toks[b].start].trim() == "," {
        let age = toks[b].lower.parse::<u32>().ok().filter(|n| (1..=110).contains(n));
        let closed = b + 1 < toks.len() && body[toks[b].end..toks[b + 1].start].trim() == ",";
        if age.is_some() && toks[b].lower.len() <= 3 && closed {
            evidence = true;
        }
    }
    // "A B and C D contributed": the verb after the second name is the
    // first one's too
    if !evidence && !complement && b < toks.len() && toks[b - 1].joined_next && toks[b].lower == "and" && toks[b].joined_next {
        let mut m = b + 1;
        while m < toks.len() && is_name_word(&toks[m]) && !all_caps(body, &toks[m]) && (m == b + 1 || toks[m - 1].joined_next) {
            m += 1;
        }
        let second = m - (b + 1);
        if (2..=4).contains(&second) && m < toks.len() && toks[m - 1].joined_next && !toks[m - 1].possessive && toks[m].is(REPORTING_VERBS) {
            evidence = true;
        }
    }
    // "The head of the committee, X Y, said": a name in commas before a
    // reporting verb
    if !evidence && a == i && comma_before && !toks[b - 1].possessive && b < toks.len() && body[toks[b - 1].end..toks[b].start].trim() == "," && toks[b].is(REPORTING_VERBS) {
        evidence = true;
    }
    // "received the new US Consul General in Erbil, Wendy Green, to
    // discuss": a name in commas right after a title or role it stands for
    if !evidence && a == i && comma_before && !toks[b - 1].possessive {
        let closed = b == toks.len() || body[toks[b - 1].end..toks[b].start].trim_start().starts_with([',', '.', ';']);
        let titled = toks[i.saturating_sub(6)..i]
            .iter()
            .rev()
            .take_while(|t| !body[t.end..toks[i].start].trim_end_matches([',', ' ']).contains([',', ';', '(', ')']))
            .any(|t| (t.cap && t.is(TITLES) && !t.is(NOT_NAME)) || (!t.cap && t.is(ROLE_NOUNS)));
        if closed && titled {
            evidence = true;
        }
    }
    // "With assistance from X" (a credit)
    if !evidence && a == i && i > 1 && toks[i - 1].lower == "from" && toks[i - 2].lower == "assistance" {
        evidence = true;
    }
    // "said X", "according to X", "By X" (a byline)
    if !evidence && a == i && i > 0 {
        let prev = toks[i - 1].lower.as_str();
        if matches!(prev, "said" | "says" | "by") || (prev == "to" && i > 1 && toks[i - 2].lower == "according") {
            // a byline: "By X", "Reporting by X", "Editing by X"
            let credit = i > 1 && CREDIT_WORDS.contains(&toks[i - 2].lower.as_str());
            evidence = prev != "by" || toks[i - 1].initial || credit;
        }
    }
    // "X, a spokesman for Y," / "X, Sudani's foreign affairs adviser,"
    if !toks[b - 1].possessive && body[toks[b - 1].end..].starts_with(',') {
        let stop = toks[b..].iter().position(|t| body[t.end..].starts_with([',', ';', ':', '(', ')'])).map_or(toks.len(), |p| b + p + 1);
        let window = &toks[b..stop.min(b + 8)];
        let clause = window.iter().any(|t| t.is(REPORTING_VERBS));
        if !clause && window.iter().any(|t| !t.cap && t.is(ROLE_NOUNS)) && !window.is_empty() {
            let first = &window[0];
            let opener_ok = matches!(first.lower.as_str(), "a" | "an" | "the") || first.possessive || !first.cap || first.nationality().is_some();
            if opener_ok {
                let last = &toks[stop.min(b + 8) - 1];
                let text = body[first.start..last.end].trim();
                let text = text.strip_prefix("the ").or_else(|| text.strip_prefix("a ")).or_else(|| text.strip_prefix("an ")).unwrap_or(text);
                if role.is_none() {
                    role = Some(text.to_string());
                }
                evidence = true;
            }
        }
    }
    if !evidence && toks[a].is(GIVEN_NAMES) && n <= 4 {
        evidence = true;
    }
    // "Renad Mansour, who heads the Iraq Initiative at Chatham House,": a
    // relative "who" follows a person (not a body's head word)
    if !evidence && !toks[b - 1].possessive && n <= 4 && body[toks[b - 1].end..].starts_with(", who ") && (a..b).all(|k| toks[k].org_head().is_none()) {
        evidence = true;
    }
    // a kunya and a nisba: "Abu Mahdi al-Muhandis", "Abu Bakr al-Baghdadi"
    // (places such as "Abu Ghraib" have no "al-" surname after them)
    if !evidence && n >= 3 && toks[a].lower == "abu" && is_al_name(&toks[b - 1].lower) {
        evidence = true;
    }
    if !evidence {
        return;
    }
    let end = if suffix { toks[b].end } else { toks[b - 1].end };
    out.push(Found { etype: EntityType::Person, start: toks[a].start, end, role, kind: None });
}

/// Words that make a kind of body, not the name of one ("Armed Forces").
const GENERIC_MODIFIERS: &[&str] = &["armed", "security", "special", "allied", "foreign", "local", "regular", "government", "military", "working", "task"];

/// Heads of military unit names that only an ordinal opens ("443rd Air
/// Expeditionary Group", "718th Engineer Company"); alone they are too common.
const UNIT_HEADS: &[&str] = &["group", "wing", "squadron", "company", "fleet", "detachment", "troop", "flotilla"];

fn orgs_in_run(body: &str, toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    let ordinal = |t: &Tok| t.lower.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.cap;
    for h in i..j {
        let head = toks[h].lower.as_str();
        let unit = h > i && UNIT_HEADS.contains(&head) && h + 1 == j && (i..h).any(|k| ordinal(&toks[k]));
        let Some(mut kind) = unit.then_some("military").or(toks[h].org_head()) else { continue };
        if h + 1 < j && toks[h + 1].org_head().is_some() {
            continue; // the rightmost head of "Revolutionary Guard Corps"
        }
        // "Pentagon Press Secretary Pat Ryder": a title, not a newspaper
        if head == "press"
            && toks[h].joined_next
            && toks.get(h + 1).is_some_and(|t| matches!(t.lower.as_str(), "secretary" | "officer" | "attache" | "attaché"))
        {
            continue;
        }
        let mut left = h;
        while left > i {
            let t = &toks[left - 1];
            if !t.cap || t.possessive || t.is(OPENERS) || t.is(NOT_NAME_DATES) || compound_modifier(&t.lower) {
                break;
            }
            left -= 1;
        }
        // "Ministry of Interior", "Mission for Iraq", "Department of Defense"
        let mut right = h + 1;
        if !toks[h].possessive
            && h + 2 < toks.len()
            && toks[h].joined_next
            && matches!(toks[h + 1].lower.as_str(), "of" | "for")
            && toks[h + 1].joined_next
            && toks[h + 2].cap
            && !toks[h + 2].is(NOT_NAME_DATES)
            // "the Quds Force of Iran's Revolutionary Guards": an owner, not a complement
            && !(toks[h + 2].possessive && (toks[h + 2].is(COUNTRIES) || toks[h + 2].nationality().is_some()))
        {
            let mut r = h + 2;
            loop {
                while r + 1 < toks.len() && toks[r].joined_next && !toks[r].possessive && toks[r + 1].cap {
                    r += 1;
                }
                // "Institute for International and Security Affairs": "and"
                // joins two complements, not a second organization
                let joins = r + 2 < toks.len()
                    && toks[r].joined_next
                    && !toks[r].possessive
                    && toks[r + 1].lower == "and"
                    && toks[r + 1].joined_next
                    && toks[r + 2].cap
                    && toks[r + 2].org_head().is_none()
                    && !toks[r + 2].is(COUNTRIES)
                    && toks[r + 2].nationality().is_none();
                let mut end = r + 2;
                while joins && end + 1 < toks.len() && toks[end].joined_next && !toks[end].possessive && toks[end + 1].cap {
                    end += 1;
                }
                let plain = |t: &Tok| t.org_head().is_none() && !t.is(TITLES) && !t.is(GIVEN_NAMES);
                if joins && end - r <= 4 && toks[r + 2..=end].iter().all(plain) {
                    r = end;
                    continue;
                }
                break;
            }
            right = r + 1;
        } else if !toks[h].possessive
            && h + 2 < toks.len()
            && toks[h].joined_next
            && toks[h + 1].lower == "in"
            && toks[h + 1].joined_next
            && matches!(kind, "armed_group" | "party")
            && toks[h + 2].is(COUNTRIES)
        {
            right = h + 3;
        }
        // "Air Forces Central", "U.S. Army Europe": a region closes the name
        if right == h + 1 && h + 1 < j && toks[h].joined_next && toks[h + 1].is(REGIONS) {
            right = h + 2;
        }
        let modifiers = &toks[left..h];
        let only_nationality = modifiers.iter().all(|t| t.nationality().is_some());
        if right == h + 1 && (modifiers.is_empty() || (only_nationality && !is_in(NATIONAL_HEADS, head))) {
            continue;
        }
        // "Our Armed Forces", "Security Forces": a kind of force, whose
        // nation the text leaves to the reader
        if right == h + 1 && modifiers.iter().all(|t| GENERIC_MODIFIERS.contains(&t.lower.as_str())) {
            continue;
        }
        let start = toks[left].start;
        let end = toks[right - 1].end;
        let name = &body[start..end];
        // (an ASCII name is searched as it is, without a lower-case copy)
        let lname = if name.is_ascii() { Cow::Borrowed(name) } else { Cow::Owned(name.to_lowercase()) };
        let has = |w: &str| lname.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes()));
        if ["resistance", "brigades", "hezbollah", "hizbollah", "jihad", "militia", "mujahideen"].iter().any(|w| has(w)) {
            kind = "armed_group";
        } else if ["news", "press", "television", "radio", "broadcasting"].iter().any(|w| has(w)) {
            kind = "media";
        } else if has("united nations") || lname.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("un ")) {
            kind = "international";
        }
        out.push(Found { etype: EntityType::Organization, start, end, role: None, kind: Some(kind.to_string()) });
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    fn found(s: &str) -> Vec<(EntityType, String, Option<String>)> {
        discover(s, &sentences(s))
            .into_iter()
            .map(|f| (f.etype, s[f.start..f.end].to_string(), f.role.or(f.kind)))
            .collect()
    }

    fn people(s: &str) -> Vec<String> {
        found(s).into_iter().filter(|f| f.0 == EntityType::Person).map(|f| f.1).collect()
    }

    fn orgs(s: &str) -> Vec<String> {
        found(s).into_iter().filter(|f| f.0 == EntityType::Organization).map(|f| f.1).collect()
    }

    #[test]
    fn titles_before_a_name() {
        assert_eq!(people("Defense Minister Thabet al-Abbasi arrived in Erbil."), vec!["Thabet al-Abbasi"]);
        assert_eq!(people("They met Major General Tahsin al-Khafaji on Monday."), vec!["Tahsin al-Khafaji"]);
        assert_eq!(people("The talks were led by Brig. Gen. Karen Hollis."), vec!["Karen Hollis"]);
        assert_eq!(people("Sheikh Hamid Rashid al-Dulaimi spoke."), vec!["Hamid Rashid al-Dulaimi"]);
    }

    #[test]
    fn a_press_secretary_is_a_title_not_a_newspaper() {
        let orgs = |s: &str| found(s).into_iter().filter(|f| f.0 == EntityType::Organization).map(|f| f.1).collect::<Vec<_>>();
        assert!(orgs("Pentagon Press Secretary Maj. Gen. Pat Ryder told reporters.").is_empty());
        assert!(orgs("Pentagon Deputy Press Secretary Sabrina Singh said so.").is_empty());
        assert_eq!(people("Pentagon Press Secretary Maj. Gen. Pat Ryder told reporters."), vec!["Pat Ryder"]);
        assert_eq!(orgs("The Associated Press reported the strike."), vec!["Associated Press"]);
    }

    #[test]
    fn a_name_in_commas_after_a_title_is_a_person() {
        assert_eq!(people("Barzani received the new US Consul General in Erbil, Wendy Green, to discuss it."), vec!["Wendy Green"]);
        assert_eq!(people("He met the US ambassador to Iraq, Tracey Jacobson."), vec!["Tracey Jacobson"]);
        // words in commas after no title are not
        assert!(people("Fighters attacked the base in Erbil, Kurdistan Region, on Monday.").is_empty());
        assert!(people("Residents of the town, Umm Jaris, fled to the hills.").is_empty());
    }

    #[test]
    fn role_comes_with_the_title() {
        let f = found("Iraqi Defense Minister Thabet al-Abbasi arrived.");
        assert_eq!(f[0].2.as_deref(), Some("Iraqi Defense Minister"));
    }

    #[test]
    fn role_words_alone_are_not_people() {
        assert!(people("The Prime Minister said the spokesman would attend.").is_empty());
        assert!(people("The Iraqi Foreign Minister announced it.").is_empty());
        assert!(people("On Monday American forces left.").is_empty());
    }

    #[test]
    fn lower_case_role_noun_before_a_name() {
        assert_eq!(people("The alliance's chief Mark Rutte visited."), vec!["Mark Rutte"]);
    }

    #[test]
    fn appositives_make_people() {
        let f = found("Tom Barrack, the US envoy to Syria, said so.");
        assert_eq!(f[0].1, "Tom Barrack");
        assert_eq!(f[0].2.as_deref(), Some("US envoy to Syria"));
        assert_eq!(people("Hussein Allawi, Sudani's security adviser, told reporters."), vec!["Hussein Allawi"]);
    }

    #[test]
    fn reporting_verbs_make_people() {
        assert_eq!(people("Jane Arraf said the vote was close."), vec!["Jane Arraf"]);
        assert_eq!(people("The attack was over, according to Renad Mansour."), vec!["Renad Mansour"]);
    }

    #[test]
    fn role_noun_opening_a_sentence_is_a_title() {
        assert_eq!(people("Analyst Maria Fantappie of the Crisis Group said so."), vec!["Maria Fantappie"]);
    }

    #[test]
    fn groups_named_after_a_group_noun_or_in_an_appositive() {
        assert_eq!(orgs("Fighters of the Iran-backed militia Saraya Awliya al-Dam fired rockets."), vec!["Saraya Awliya al-Dam"]);
        assert_eq!(orgs("Harakat Ansar Allah al-Awfiya, an Iran-aligned faction, denied it."), vec!["Harakat Ansar Allah al-Awfiya"]);
        assert!(people("Harakat Ansar Allah al-Awfiya, an Iran-aligned faction, said so.").is_empty());
    }

    #[test]
    fn military_units_with_ordinals() {
        assert_eq!(orgs("Soldiers of the 82nd Airborne Division deployed."), vec!["82nd Airborne Division"]);
    }

    #[test]
    fn numbers_do_not_open_a_name() {
        assert_eq!(orgs("Three Iraqi Army soldiers died."), vec!["Iraqi Army"]);
    }

    #[test]
    fn a_title_cut_off_by_the_sentence_splitter() {
        let s = "The dead were Spc. Kennedy Sanders and others.";
        let sents = vec![Sentence { start: 0, end: 18 }, Sentence { start: 19, end: s.len() }];
        let f: Vec<String> = discover(s, &sents).into_iter().map(|f| s[f.start..f.end].to_string()).collect();
        assert_eq!(f, vec!["Kennedy Sanders"]);
    }

    #[test]
    fn a_region_closes_a_command_name() {
        assert_eq!(orgs("Jets of Air Forces Central struck."), vec!["Air Forces Central"]);
    }

    #[test]
    fn credits_name_journalists() {
        assert_eq!(people("Reporting by Timour Azhari; Editing by Grant McCool"), vec!["Timour Azhari", "Grant McCool"]);
    }

    #[test]
    fn title_case_headlines_are_left_to_the_dictionary() {
        assert!(orgs("Iraq Says US-Led Coalition Mission Will End By September").is_empty());
        assert!(people("Pentagon Chief Meets Iraqi Counterpart Thabet Abbasi In Washington").is_empty());
    }

    #[test]
    fn bylines_on_their_own_line() {
        assert_eq!(people("By HELEN MARSH and OWEN PRICE\n\nThe talks ended."), vec!["HELEN MARSH", "OWEN PRICE"]);
        assert_eq!(people("By Rania Saad, Tom Ellery and Yusuf Kemal\nThe talks ended."), vec!["Rania Saad", "Tom Ellery", "Yusuf Kemal"]);
        assert_eq!(people("Talks ended\n\nRania Saad\nOct 3, 2022\n\nThe talks ended."), vec!["Rania Saad"]);
        assert_eq!(people("Derya Aksu Yilmaz   |12.03.2022\nThe talks ended."), vec!["Derya Aksu Yilmaz"]);
    }

    #[test]
    fn lines_that_are_not_bylines() {
        assert!(people("By MOL staff\nThe talks ended.").is_empty());
        assert!(people("Baghdad Airport\nOct 3, 2022").is_empty());
        assert!(people("Green Zone\nThe talks ended on Oct 3, 2022.").is_empty());
        let tail = "Head\n\nOne.\nTwo.\nThree.\nFour.\nRelated Stories\nOct 3, 2022";
        assert!(people(tail).is_empty());
    }

    #[test]
    fn ranks_in_a_list_of_the_dead() {
        let s = "The dead were Sgt. Peter Lane Doyle, 41, of Dover, Ohio; and Spc. Dana Louise Grant, 22, of Akron.";
        assert_eq!(people(s), vec!["Peter Lane Doyle", "Dana Louise Grant"]);
    }

    #[test]
    fn marshal_is_a_given_name_unless_field_or_air_comes_first() {
        assert_eq!(people("Staff Sgt. Marshal T. Hines was wounded."), vec!["Marshal T. Hines"]);
        assert_eq!(people("Field Marshal Omar Saleh Dirar spoke."), vec!["Omar Saleh Dirar"]);
    }

    #[test]
    fn an_owner_after_of_is_not_a_complement() {
        assert_eq!(orgs("He led the Border Force of Iran’s Interior Ministry."), vec!["Border Force", "Interior Ministry"]);
        assert_eq!(orgs("The Ministry of Oil issued figures."), vec!["Ministry of Oil"]);
    }

    #[test]
    fn and_joins_two_complements() {
        assert_eq!(orgs("The Center for Strategic and International Studies said so."), vec!["Center for Strategic and International Studies"]);
        assert_eq!(orgs("The Ministry of Defense and Interior Ministry met."), vec!["Ministry of Defense", "Interior Ministry"]);
    }

    #[test]
    fn ordinals_open_unit_names() {
        assert_eq!(orgs("Airmen of the 332nd Air Expeditionary Wing flew."), vec!["332nd Air Expeditionary Wing"]);
        assert!(orgs("The Tuesday Group met.").is_empty());
    }

    fn bases(s: &str) -> Vec<String> {
        found(s).into_iter().filter(|f| f.0 == EntityType::Base).map(|f| f.1).collect()
    }

    #[test]
    fn who_runs_a_base_is_not_its_name() {
        assert_eq!(bases("Drones hit the US-run Tal Baydar air base overnight."), vec!["Tal Baydar air base"]);
        assert!(bases("Rockets hit a US-led coalition base near the airport.").is_empty());
    }

    #[test]
    fn lower_case_landing_zone() {
        assert_eq!(bases("A drone fell near the Tal Baydar landing zone on Monday."), vec!["Tal Baydar landing zone"]);
    }

    #[test]
    fn contributors_are_people() {
        assert_eq!(people("Wire reporter Nadia Fares in Amman contributed."), vec!["Nadia Fares"]);
        assert_eq!(people("Lina Haddad contributed to this report."), vec!["Lina Haddad"]);
    }

    #[test]
    fn two_names_share_a_verb() {
        assert_eq!(people("Rana Sabbagh and Omid Farahani contributed to this report."), vec!["Rana Sabbagh", "Omid Farahani"]);
        assert!(people("Camp Lemonnier and Camp Arifjan said nothing.").iter().all(|p| !p.starts_with("Camp")));
    }

    #[test]
    fn a_backer_is_not_part_of_the_name() {
        assert_eq!(orgs("The IRGC-affiliated Fars News Agency said so."), vec!["Fars News Agency"]);
    }

    #[test]
    fn credits_under_photos() {
        assert_eq!(people("Photo by Samer Haddad/AFP"), vec!["Samer Haddad"]);
    }

    #[test]
    fn an_age_in_commas_follows_a_person() {
        assert_eq!(people("Among the wounded was Kifah Zuhair, 34, from Hilla."), vec!["Kifah Zuhair"]);
        assert!(people("The road from Tell Hamra, 30 km away, was shut.").is_empty());
    }

    #[test]
    fn a_name_in_commas_before_a_verb() {
        assert_eq!(people("The head of the water board, Sami Latif, said pumps failed."), vec!["Sami Latif"]);
    }

    #[test]
    fn assistance_credits() {
        assert_eq!(people("With assistance from Dana Korkis."), vec!["Dana Korkis"]);
    }

    #[test]
    fn kunya_and_nisba() {
        assert_eq!(people("The strike also killed Abu Taqi al-Saidi in Baghdad."), vec!["Abu Taqi al-Saidi"]);
    }

    #[test]
    fn initials_and_suffixes() {
        assert_eq!(people("Defense Secretary Lloyd J. Austin III spoke."), vec!["Lloyd J. Austin III"]);
    }

    #[test]
    fn a_clause_after_a_comma_is_not_an_appositive() {
        assert!(people("Near Tal Rifaat, a spokesman said, shelling went on.").is_empty());
    }

    #[test]
    fn role_noun_then_comma_then_name() {
        assert_eq!(people("The group's director, Rami Abdel Rahman, said two died."), vec!["Rami Abdel Rahman"]);
    }

    #[test]
    fn places_without_evidence_are_not_people() {
        assert!(people("Residents of Abu Ghraib said they heard blasts.").is_empty());
        assert!(people("Rockets hit Ain al-Asad yesterday.").is_empty());
        assert!(people("The convoy reached Tell al-Hamra in the evening.").is_empty());
    }

    #[test]
    fn organizations_by_head_noun() {
        assert_eq!(orgs("The Jordanian Ministry of Water cut supplies."), vec!["Jordanian Ministry of Water"]);
        assert_eq!(orgs("He was flown to Tallis Regional Medical Center today."), vec!["Tallis Regional Medical Center"]);
        assert_eq!(orgs("The Federal Audit Council ruled."), vec!["Federal Audit Council"]);
        assert_eq!(orgs("Units of the Iraqi Army moved in."), vec!["Iraqi Army"]);
    }

    #[test]
    fn generic_descriptors_are_not_organizations() {
        assert!(orgs("American forces and Iraqi Forces left the Council.").is_empty());
        assert!(orgs("He said: \"Our Armed Forces continue to play a vital role.\"").is_empty());
        assert_eq!(orgs("The Armed Forces of Ukraine said so."), vec!["Armed Forces of Ukraine"]);
    }

    #[test]
    fn possessive_owner_is_not_part_of_the_organization() {
        assert_eq!(orgs("Iraq’s Popular Mobilization Forces objected."), vec!["Popular Mobilization Forces"]);
    }

    #[test]
    fn a_group_named_by_its_words_is_an_organization_and_never_a_person() {
        assert_eq!(orgs("The Soufan Group said the attacks would continue."), vec!["Soufan Group"]);
        assert!(people("The Soufan Group said the attacks would continue.").is_empty());
        assert!(orgs("A Working Group met on Monday.").is_empty());
        let f = found("The 443rd Air Expeditionary Group took over.");
        assert_eq!(f[0].2.as_deref(), Some("military"));
    }

    #[test]
    fn organization_kinds_follow_heads() {
        let f = found("Fighters of the Badr Brigades met the Kurdistan Democratic Party.");
        assert_eq!(f[0].2.as_deref(), Some("armed_group"));
        assert_eq!(f[1].2.as_deref(), Some("party"));
    }
}
