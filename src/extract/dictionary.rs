//! The domain dictionary: known people, organizations and bases with their
//! aliases, and the one automaton that finds them all in a text.
//!
//! The bundled tables live in `src/dictionary/*.tsv` (plain text, edited by
//! analysts, not code); a database is seeded from them when it is created,
//! and from then on the database's own tables and `aliases` are the
//! dictionary, so an analyst's additions count on the next ingest.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};

use super::names::fold::fold_name;
use super::names::name_key;
use super::{Entity, EntityType};

/// One dictionary entry: an entity with every name it goes by.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DictEntry {
    pub entity: Entity,
    /// every other name (spelling variants, short forms, acronyms)
    pub aliases: Vec<String>,
}

/// The bundled dictionary tables, compiled into the binary.
pub const BUNDLED_PEOPLE: &str = include_str!("../dictionary/people.tsv");
pub const BUNDLED_ORGANIZATIONS: &str = include_str!("../dictionary/organizations.tsv");
pub const BUNDLED_BASES: &str = include_str!("../dictionary/bases.tsv");

/// Parses the bundled tables.
pub fn bundled() -> Vec<DictEntry> {
    let mut out = Vec::new();
    out.extend(parse_table(EntityType::Person, BUNDLED_PEOPLE));
    out.extend(parse_table(EntityType::Organization, BUNDLED_ORGANIZATIONS));
    out.extend(parse_table(EntityType::Base, BUNDLED_BASES));
    out
}

/// Parses one table. Lines starting with `#` and blank lines are skipped;
/// the first non-comment line is the header naming the columns.
/// people: name, role, affiliation, aliases;
/// organizations: name, kind, aliases;
/// bases: name, country, province, latitude, longitude, aliases.
/// Aliases are separated by `|`.
pub fn parse_table(etype: EntityType, text: &str) -> Vec<DictEntry> {
    let mut header: Option<Vec<&str>> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let Some(h) = &header else {
            header = Some(cols);
            continue;
        };
        let get = |name: &str| -> Option<String> {
            h.iter()
                .position(|c| *c == name)
                .and_then(|i| cols.get(i))
                .filter(|v| !v.is_empty())
                .map(|v| v.to_string())
        };
        let Some(name) = get("name") else { continue };
        let aliases = get("aliases")
            .map(|a| a.split('|').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default();
        let entity = Entity {
            etype,
            name,
            role: get("role"),
            kind: get("kind"),
            affiliation: get("affiliation"),
            country: get("country"),
            province: get("province"),
            latitude: get("latitude").and_then(|v| v.parse().ok()),
            longitude: get("longitude").and_then(|v| v.parse().ok()),
            aliases: Vec::new(),
            known: true,
        };
        out.push(DictEntry { entity, aliases });
    }
    out
}

/// Finds dictionary names in text: one automaton over every name and alias
/// of every entry, built once per ingest and shared by all worker threads.
///
/// The automaton starts as a contiguous NFA, built in a tenth of the time
/// of a DFA (about 60M instructions against 520M for the bundled
/// dictionary), which is what a small ingest or a test pays. A DFA scans
/// about twice as fast, so once enough articles have been searched for its
/// build to pay back, it is built and used from then on. Both find the same
/// matches: the match kind decides them, not the automaton's form.
pub struct Gazetteer {
    pub entries: Vec<DictEntry>,
    automaton: Option<AhoCorasick>,
    /// the folded names, kept to build the DFA from
    texts: Vec<String>,
    dfa: OnceLock<AhoCorasick>,
    /// articles searched so far, and after how many the DFA is built
    searched: AtomicUsize,
    dfa_after: usize,
    patterns: Vec<Pattern>,
    /// spelling key of every name and alias -> entries, for names the text
    /// spells in a way the dictionary does not list
    keys: HashMap<(EntityType, String), Vec<usize>>,
    coalition: Option<usize>,
}

/// One folded name in the automaton and the entries that go by it.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub entries: Vec<usize>,
    /// for a short all-capital acronym ("IS", "US", "PMF"): its letters,
    /// which the text must show in capitals, so that "is" and "us" never match
    pub acronym: Option<String>,
    /// a one-word proper name ("Hashed", "Wagner", "Sadr"): the text must
    /// write it with a capital, or "hashed out a deal" would be the PMF
    pub capital: bool,
}

/// Acronyms of up to this many letters are matched case-sensitively; longer
/// ones ("CENTCOM", "UNAMI") are not English words and may appear in any case.
const MAX_CASED_ACRONYM: usize = 4;

/// The letters of a name that is a short all-capital acronym, if it is one.
pub fn short_acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    let is_acronym = !letters.is_empty()
        && letters.chars().count() <= MAX_CASED_ACRONYM
        && letters.chars().all(char::is_uppercase)
        && name.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '&');
    is_acronym.then_some(letters)
}

/// A dictionary name as a pattern: folded, without a leading "the".
fn pattern_text(name: &str) -> String {
    let f = fold_name(name);
    match f.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => f,
    }
}

/// Articles searched with the NFA before the DFA is built: about where
/// the DFA's faster scan has paid for its build.
const DFA_AFTER: usize = 4096;

fn build_automaton(texts: &[String], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(kind))
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(texts)
        .expect("dictionary automaton")
}

impl Gazetteer {
    pub fn new(entries: Vec<DictEntry>) -> Gazetteer {
        Gazetteer::with_dfa_after(entries, DFA_AFTER)
    }

    /// A gazetteer that switches to a DFA after `dfa_after` articles.
    pub fn with_dfa_after(entries: Vec<DictEntry>, dfa_after: usize) -> Gazetteer {
        let mut index: HashMap<(String, Option<String>), usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut keys: HashMap<(EntityType, String), Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let names = std::iter::once(&e.entity.name).chain(e.aliases.iter());
            for name in names {
                let text = pattern_text(name);
                if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    continue;
                }
                let acronym = short_acronym(name);
                let capital = !text.contains(' ') && name.trim().chars().next().is_some_and(char::is_uppercase);
                let slot = *index.entry((text.clone(), acronym.clone())).or_insert_with(|| {
                    texts.push(text.clone());
                    patterns.push(Pattern { entries: Vec::new(), acronym: acronym.clone(), capital });
                    patterns.len() - 1
                });
                patterns[slot].capital &= capital;
                if !patterns[slot].entries.contains(&i) {
                    patterns[slot].entries.push(i);
                }
                if acronym.is_none() {
                    let k = name_key(name);
                    if !k.is_empty() {
                        let v = keys.entry((e.entity.etype, k)).or_default();
                        if !v.contains(&i) {
                            v.push(i);
                        }
                    }
                }
            }
        }
        let automaton = (!texts.is_empty()).then(|| build_automaton(&texts, AhoCorasickKind::ContiguousNFA));
        let coalition = entries.iter().position(|e| {
            e.entity.etype == EntityType::Organization
                && e.entity.kind.as_deref() == Some("coalition")
                && e.entity.name.to_lowercase().contains("coalition")
        });
        Gazetteer {
            entries,
            automaton,
            texts,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
            dfa_after,
            patterns,
            keys,
            coalition,
        }
    }

    /// The automaton over folded names (None for an empty dictionary), for
    /// searching one article. The worker that asks for the `dfa_after`th
    /// time builds the DFA; the others go on with the NFA meanwhile.
    pub fn automaton(&self) -> Option<&AhoCorasick> {
        let nfa = self.automaton.as_ref()?;
        if let Some(dfa) = self.dfa.get() {
            return Some(dfa);
        }
        if self.searched.fetch_add(1, Ordering::Relaxed) == self.dfa_after {
            return Some(self.dfa.get_or_init(|| build_automaton(&self.texts, AhoCorasickKind::DFA)));
        }
        Some(nfa)
    }

    /// The pattern behind an automaton match.
    pub fn pattern(&self, id: usize) -> &Pattern {
        &self.patterns[id]
    }

    /// The coalition the project is about: the first organization of kind
    /// `coalition` whose name says so. Descriptions ("the US-led coalition")
    /// point at it.
    pub fn coalition(&self) -> Option<usize> {
        self.coalition
    }

    /// Entries of one type whose name or alias has this spelling key.
    pub fn by_key(&self, etype: EntityType, key: &str) -> &[usize] {
        self.keys.get(&(etype, key.to_string())).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_all_capital_names_are_cased_acronyms() {
        assert_eq!(short_acronym("IS").as_deref(), Some("IS"));
        assert_eq!(short_acronym("U.S.").as_deref(), Some("US"));
        assert_eq!(short_acronym("PMF").as_deref(), Some("PMF"));
        assert_eq!(short_acronym("CENTCOM"), None);
        assert_eq!(short_acronym("Hamas"), None);
    }

    #[test]
    fn patterns_are_folded_and_lose_a_leading_the() {
        assert_eq!(pattern_text("The Islamic Resistance in Iraq"), "islamic resistance in iraq");
        assert_eq!(pattern_text("Kata’ib Hezbollah"), "kataib hezbollah");
    }

    #[test]
    fn one_pattern_per_folded_name() {
        let t = "name\tkind\taliases\nIslamic State\tarmed_group\tISIS|IS|Daesh|Islamic state\n";
        let g = Gazetteer::new(parse_table(EntityType::Organization, t));
        assert_eq!(g.patterns.len(), 4);
        assert_eq!(g.by_key(EntityType::Organization, &name_key("islamic STATE")), &[0]);
    }
}
