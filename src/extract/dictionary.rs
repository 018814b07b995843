//! The domain dictionary: known people, organizations and bases with their
//! aliases, and the one automaton that finds them all in a text.
//!
//! The bundled tables live in `src/dictionary/*.tsv` (plain text, edited by
//! analysts, not code); a database is seeded from them when it is created,
//! and from then on the database's own tables and `aliases` are the
//! dictionary, so an analyst's additions count on the next ingest.

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

/// Finds dictionary names in text: one automaton over every alias.
pub struct Gazetteer {
    pub entries: Vec<DictEntry>,
}

impl Gazetteer {
    pub fn new(entries: Vec<DictEntry>) -> Gazetteer {
        Gazetteer { entries }
    }
}
