//! Names the dictionary does not know, found by the habits of English news:
//! a title or role before a person's name, an appositive after it, a
//! reporting verb; an organization's head noun with its capitalized modifiers.

use super::lexicon::*;
use super::tokens::{tokenize, Tok};
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

/// Function words that never open an organization's or a person's name.
const OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "of", "to", "from",
    "by", "with", "and", "but", "or", "if", "when", "while", "after", "before", "since", "as", "his",
    "her", "its", "their", "our", "meanwhile", "however", "yesterday", "today", "last", "next", "both",
    "all", "during", "despite", "although", "according", "earlier", "later", "read", "more",
];

/// Heads that make a name with only a nationality before them ("Iraqi Army").
const NATIONAL_HEADS: &[&str] = &["army", "navy", "parliament", "senate", "congress", "corps"];

/// Every person and organization the rules find in the body.
pub fn discover(body: &str, sentences: &[Sentence]) -> Vec<Found> {
    let mut out = Vec::new();
    for &s in sentences {
        let toks = tokenize(body, s);
        for (i, j) in runs(&toks) {
            if self_named_group(&toks, i, &mut out, j) {
                continue;
            }
            people_in_run(body, &toks, i, j, &mut out);
            orgs_in_run(body, &toks, i, j, &mut out);
            bases_in_run(&toks, i, j, &mut out);
        }
    }
    out
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

/// Words that end a base's name in capitals ("Harir Air Base", "al-Tanf
/// Garrison", "Rumalyn Landing Zone") or follow it in lower case ("the
/// Harir base", "the al-Tanf military base").
const BASE_HEADS: &[&str] = &["base", "airbase", "airfield", "garrison", "airport"];

/// Military bases: "Camp X", "Mission Support Site X", "X Air Base", "X
/// Landing Zone", "X base".
fn bases_in_run(toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    let w = |k: usize| toks[k].lower.as_str();
    let base = |start: usize, end: usize, out: &mut Vec<Found>| {
        out.push(Found { etype: EntityType::Base, start, end, role: None, kind: None });
    };
    // skip openers ("At Camp Taji")
    let mut a = i;
    while a < j && (is_in(OPENERS, w(a)) || is_in(NOT_NAME_DATES, w(a))) {
        a += 1;
    }
    if a >= j {
        return;
    }
    // "Camp Victory", "Mission Support Site Euphrates", "Forward Operating Base X"
    let prefix_len = if w(a) == "camp" {
        1
    } else if a + 2 < j && w(a) == "mission" && w(a + 1) == "support" && w(a + 2) == "site" {
        3
    } else if a + 2 < j && matches!(w(a), "forward" | "patrol" | "combat") && w(a + 1) == "operating" && w(a + 2) == "base" {
        3
    } else {
        0
    };
    if prefix_len > 0 && a + prefix_len < j {
        base(toks[a].start, toks[j - 1].end, out);
        return;
    }
    // "Ain al-Asad Air Base", "Rumalyn Landing Zone", "al-Tanf Garrison"
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
        }
    }
}

/// Words that can name a base: not a nationality, country, month or title.
fn name_part(toks: &[Tok], a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        let w = toks[k].lower.as_str();
        nationality(w).is_none() && !is_in(COUNTRIES, w) && !is_in(NOT_NAME_DATES, w) && !is_in(TITLES, w) && !is_in(OPENERS, w)
    }) && !toks[a..b].iter().all(|t| is_in(PARTICLES, &t.lower))
}

/// Maximal runs of capitalized words joined by spaces (lower-case name
/// particles inside count: "Abd al Amir"). A possessive ends a run.
fn runs(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let leading_particle = is_in(PARTICLES, &toks[i].lower) && toks[i].joined_next && i + 1 < toks.len() && toks[i + 1].cap;
        if !toks[i].cap && !leading_particle {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && toks[j - 1].joined_next && !toks[j - 1].possessive {
            let t = &toks[j];
            let particle = is_in(PARTICLES, &t.lower) && j + 1 < toks.len() && toks[j + 1].cap && t.joined_next;
            if t.cap || particle {
                j += 1;
            } else {
                break;
            }
        }
        out.push((i, j));
        i = j;
    }
    out
}

fn is_name_word(t: &Tok) -> bool {
    let w = t.lower.as_str();
    let bare = w.trim_end_matches('.');
    if t.lower.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if is_in(PARTICLES, w) {
        return true;
    }
    t.cap
        && !is_in(NOT_NAME, bare)
        && !is_in(TITLES, w)
        && !is_in(TITLES, bare)
        && org_head_kind(bare).is_none()
        && !is_in(COUNTRIES, bare)
        && nationality(bare).is_none()
        && !is_in(REPORTING_VERBS, bare)
}

/// An acronym ("ISIS", "AFP") is not part of a person's name.
fn all_caps(body: &str, t: &Tok) -> bool {
    let w = t.text(body);
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

fn people_in_run(body: &str, toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    let title = (i..j).rev().find(|&k| {
        let w = toks[k].lower.as_str();
        (is_in(TITLES, w) || is_in(TITLES, w.trim_end_matches('.')) || is_in(ROLE_NOUNS, w)) && toks[k].cap
    });
    let mut a = title.map_or(i, |t| t + 1);
    if title.is_none() {
        while a < j && (is_in(OPENERS, &toks[a].lower) || is_in(NOT_NAME, &toks[a].lower)) {
            a += 1;
        }
    }
    let b = j;
    let n = b.saturating_sub(a);
    if !(2..=5).contains(&n) {
        return;
    }
    if !(a..b).all(|k| is_name_word(&toks[k]) && !all_caps(body, &toks[k])) {
        return;
    }
    if is_in(PARTICLES, &toks[b - 1].lower) {
        return;
    }
    let mut role: Option<String> = None;
    let mut evidence = false;
    if let Some(t) = title {
        // the role: the run's words up to the title, and a role noun before it
        let mut rs = i;
        if rs > 0 && toks[rs - 1].joined_next && is_in(ROLE_NOUNS, &toks[rs - 1].lower) {
            rs -= 1;
        }
        role = Some(body[toks[rs].start..toks[t].end].to_string());
        evidence = true;
    }
    // "NATO chief Jens Stoltenberg", "senior ISIS operative Omar Abdul Qader"
    // (also "the observatory's director, Rami Abdel Rahman, said")
    let comma_before = i > 0 && body[toks[i - 1].end..toks[i].start].trim() == ",";
    if !evidence && a == i && i > 0 && (toks[i - 1].joined_next || comma_before) && !toks[i - 1].cap && is_in(ROLE_NOUNS, &toks[i - 1].lower) {
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
    if !evidence && !complement && b < toks.len() && toks[b - 1].joined_next && !toks[b - 1].possessive && is_in(REPORTING_VERBS, &toks[b].lower) {
        evidence = true;
    }
    // "said X", "according to X", "By X" (a byline)
    if !evidence && a == i && i > 0 {
        let prev = toks[i - 1].lower.as_str();
        if matches!(prev, "said" | "says" | "by") || (prev == "to" && i > 1 && toks[i - 2].lower == "according") {
            evidence = prev != "by" || toks[i - 1].initial;
        }
    }
    // "X, a spokesman for Y," / "X, Sudani's foreign affairs adviser,"
    if !toks[b - 1].possessive && body[toks[b - 1].end..].starts_with(',') {
        let stop = toks[b..].iter().position(|t| body[t.end..].starts_with([',', ';', ':', '(', ')'])).map_or(toks.len(), |p| b + p + 1);
        let window = &toks[b..stop.min(b + 8)];
        if window.iter().any(|t| !t.cap && is_in(ROLE_NOUNS, &t.lower)) && !window.is_empty() {
            let first = &window[0];
            let opener_ok = matches!(first.lower.as_str(), "a" | "an" | "the") || first.possessive || !first.cap || nationality(&first.lower).is_some();
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
    if !evidence && is_in(GIVEN_NAMES, &toks[a].lower) && n <= 4 {
        evidence = true;
    }
    if !evidence {
        return;
    }
    out.push(Found { etype: EntityType::Person, start: toks[a].start, end: toks[b - 1].end, role, kind: None });
}

fn orgs_in_run(body: &str, toks: &[Tok], i: usize, j: usize, out: &mut Vec<Found>) {
    for h in i..j {
        let head = toks[h].lower.as_str();
        let Some(mut kind) = org_head_kind(head) else { continue };
        if h + 1 < j && org_head_kind(&toks[h + 1].lower).is_some() {
            continue; // the rightmost head of "Revolutionary Guard Corps"
        }
        let mut left = h;
        while left > i {
            let t = &toks[left - 1];
            if !t.cap || t.possessive || is_in(OPENERS, &t.lower) || is_in(NOT_NAME_DATES, &t.lower) {
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
            && !is_in(NOT_NAME_DATES, &toks[h + 2].lower)
        {
            let mut r = h + 2;
            while r + 1 < toks.len() && toks[r].joined_next && !toks[r].possessive && toks[r + 1].cap {
                r += 1;
            }
            right = r + 1;
        } else if !toks[h].possessive
            && h + 2 < toks.len()
            && toks[h].joined_next
            && toks[h + 1].lower == "in"
            && toks[h + 1].joined_next
            && matches!(kind, "armed_group" | "party")
            && is_in(COUNTRIES, &toks[h + 2].lower)
        {
            right = h + 3;
        }
        let modifiers: Vec<&Tok> = toks[left..h].iter().collect();
        let only_nationality = modifiers.iter().all(|t| nationality(&t.lower).is_some());
        if right == h + 1 && (modifiers.is_empty() || (only_nationality && !is_in(NATIONAL_HEADS, head))) {
            continue;
        }
        let start = toks[left].start;
        let end = toks[right - 1].end;
        let name = &body[start..end];
        let lname = name.to_lowercase();
        if ["resistance", "brigades", "hezbollah", "hizbollah", "jihad", "militia", "mujahideen"].iter().any(|w| lname.contains(w)) {
            kind = "armed_group";
        } else if ["news", "press", "television", "radio", "broadcasting"].iter().any(|w| lname.contains(w)) {
            kind = "media";
        } else if lname.contains("united nations") || lname.starts_with("un ") {
            kind = "international";
        }
        out.push(Found { etype: EntityType::Organization, start, end, role: None, kind: Some(kind.to_string()) });
    }
}

/// Months and weekdays: a capitalized word next to a head noun that does
/// not belong to the organization's name.
const NOT_NAME_DATES: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

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
    fn role_noun_then_comma_then_name() {
        assert_eq!(people("The group's director, Rami Abdel Rahman, said two died."), vec!["Rami Abdel Rahman"]);
    }

    #[test]
    fn places_without_evidence_are_not_people() {
        assert!(people("Residents of Abu Ghraib said they heard blasts.").is_empty());
        assert!(people("Rockets hit Ain al-Asad yesterday.").is_empty());
        assert!(people("The convoy reached Deir al-Zour in the evening.").is_empty());
    }

    #[test]
    fn organizations_by_head_noun() {
        assert_eq!(orgs("The Syrian Ministry of Interior raided the cell."), vec!["Syrian Ministry of Interior"]);
        assert_eq!(orgs("He was flown to Walter Reed National Military Medical Center today."), vec!["Walter Reed National Military Medical Center"]);
        assert_eq!(orgs("The Supreme Judicial Council ruled."), vec!["Supreme Judicial Council"]);
        assert_eq!(orgs("Units of the Iraqi Army moved in."), vec!["Iraqi Army"]);
    }

    #[test]
    fn generic_descriptors_are_not_organizations() {
        assert!(orgs("American forces and Iraqi Forces left the Council.").is_empty());
    }

    #[test]
    fn possessive_owner_is_not_part_of_the_organization() {
        assert_eq!(orgs("Iraq’s Popular Mobilization Forces objected."), vec!["Popular Mobilization Forces"]);
    }

    #[test]
    fn organization_kinds_follow_heads() {
        let f = found("Fighters of the Badr Brigades met the Kurdistan Democratic Party.");
        assert_eq!(f[0].2.as_deref(), Some("armed_group"));
        assert_eq!(f[1].2.as_deref(), Some("party"));
    }
}
