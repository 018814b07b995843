//! The domain dictionary: known people, organizations and bases with their
//! aliases, and the one trie that finds them all in a text.
//!
//! The bundled tables live in `src/dictionary/*.tsv` (plain text, edited by
//! analysts, not code); a database is seeded from them when it is created,
//! and from then on the database's own tables and `aliases` are the
//! dictionary, so an analyst's additions count on the next ingest.

use std::collections::HashMap;

use super::names::fold::fold_name;
use super::names::name_key;
use super::names::trie::Trie;
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

/// Finds dictionary names in text: one trie over every name and alias of
/// every entry, built once per ingest and shared by all worker threads.
///
/// A name the text means starts a word, so the trie is walked from word
/// starts only: a few bytes each, where an Aho-Corasick automaton (a
/// contiguous NFA, and a DFA once enough articles paid for its build of
/// about 520M instructions) took a transition on every byte of the text.
/// The trie is built in a few million instructions.
pub struct Gazetteer {
    pub entries: Vec<DictEntry>,
    /// the folded names (None for an empty dictionary)
    trie: Option<Trie>,
    patterns: Vec<Pattern>,
    /// spelling key of every name and alias -> entries, for names the text
    /// spells in a way the dictionary does not list
    keys: HashMap<(EntityType, String), Vec<usize>>,
    coalition: Option<usize>,
}

/// One folded name in the trie and the entries that go by it.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// the folded name the trie finds
    pub text: String,
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

impl Gazetteer {
    pub fn new(entries: Vec<DictEntry>) -> Gazetteer {
        let mut index: HashMap<String, usize> = HashMap::new();
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
                let slot = *index.entry(text.clone()).or_insert_with(|| {
                    patterns.push(Pattern { text: text.clone(), entries: Vec::new(), acronym: acronym.clone(), capital });
                    patterns.len() - 1
                });
                // one pattern a text (the trie finds each text once): the
                // loosest of its names' rules holds, so "Isis" beside "ISIS"
                // lets the text be written with a capital only
                if patterns[slot].acronym != acronym {
                    patterns[slot].acronym = None;
                }
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
        let trie = (!patterns.is_empty()).then(|| Trie::new(patterns.iter().map(|p| p.text.as_str())));
        let coalition = entries.iter().position(|e| {
            e.entity.etype == EntityType::Organization
                && e.entity.kind.as_deref() == Some("coalition")
                && e.entity.name.to_lowercase().contains("coalition")
        });
        Gazetteer {
            entries,
            trie,
            patterns,
            keys,
            coalition,
        }
    }

    /// The trie of folded names (None for an empty dictionary); a match's
    /// number is its pattern's.
    pub fn trie(&self) -> Option<&Trie> {
        self.trie.as_ref()
    }

    /// The pattern behind a trie match.
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
    fn the_trie_finds_what_a_leftmost_longest_automaton_finds() {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let g = Gazetteer::new(bundled());
        let texts: Vec<&str> = g.patterns.iter().map(|p| p.text.as_str()).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&texts)
            .unwrap();
        let half = |t: &str| t.char_indices().nth(t.chars().count() / 2).map_or(t.len(), |(i, _)| i);
        let text: String = texts.iter().map(|t| format!("{t} and {t}s' {}\n", &t[..half(t)])).collect();
        let trie = g.trie().unwrap();
        let mut found = 0;
        for at in 0..text.len() {
            for limit in [text.len(), (at + 9).min(text.len())] {
                let want = ac.find(Input::new(&text).span(at..limit).anchored(Anchored::Yes));
                let want = want.map(|m| (m.start(), m.end(), m.pattern().as_usize()));
                assert_eq!(trie.longest_at(&text, at, limit), want, "at {at}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > texts.len() * 2, "{found}");
    }

    #[test]
    fn one_pattern_per_folded_name() {
        let t = "name\tkind\taliases\nIslamic State\tarmed_group\tISIS|IS|Daesh|Islamic state\n";
        let g = Gazetteer::new(parse_table(EntityType::Organization, t));
        assert_eq!(g.patterns.len(), 4);
        assert_eq!(g.by_key(EntityType::Organization, &name_key("islamic STATE")), &[0]);
    }
}
