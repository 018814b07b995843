//! The canned queries: one `.sql` file each under `src/queries/`, embedded
//! in the binary, each described by its own header comment so the file is
//! the single place a query, its help and its parameters live.
//!
//! Header lines (before the SQL):
//!
//! ```text
//! -- name: events at base
//! -- description: every event at a base, by date
//! -- param: base - the base's name or any alias
//! ```
//!
//! A query without parameters is also a view, `v_` + its name with
//! underscores (`v_events_by_base`), created by a migration so that a SQLite
//! browser shows it too.

use anyhow::{bail, Result};
use std::sync::OnceLock;

/// The embedded files, `(file name, text)`. A unit test checks this list
/// against the folder so a new file cannot be forgotten.
const FILES: &[(&str, &str)] = &[
    ("attacks_by_month.sql", include_str!("queries/attacks_by_month.sql")),
    ("timeline.sql", include_str!("queries/timeline.sql")),
    ("counts_by_kind.sql", include_str!("queries/counts_by_kind.sql")),
    ("events_by_base.sql", include_str!("queries/events_by_base.sql")),
    ("claims.sql", include_str!("queries/claims.sql")),
    ("who_said_what.sql", include_str!("queries/who_said_what.sql")),
    ("people.sql", include_str!("queries/people.sql")),
    ("organizations.sql", include_str!("queries/organizations.sql")),
    ("bases.sql", include_str!("queries/bases.sql")),
    ("entities.sql", include_str!("queries/entities.sql")),
    ("sources.sql", include_str!("queries/sources.sql")),
    ("mentions_of.sql", include_str!("queries/mentions_of.sql")),
    ("events_at_base.sql", include_str!("queries/events_at_base.sql")),
    ("events_in_source.sql", include_str!("queries/events_in_source.sql")),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct CannedQuery {
    pub name: String,
    pub description: String,
    pub params: Vec<Param>,
    /// The file's whole text: header comments and the one SQL statement.
    pub sql: String,
    pub file: String,
}

impl CannedQuery {
    /// The view a parameterless query is also published as.
    pub fn view_name(&self) -> Option<String> {
        if self.params.is_empty() {
            Some(format!("v_{}", self.name.trim().to_lowercase().replace([' ', '-'], "_")))
        } else {
            None
        }
    }

    /// The SQL without the header and comment lines, as a view body.
    pub fn body(&self) -> String {
        self.sql
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .trim_end_matches(';')
            .trim()
            .to_string()
    }
}

/// The key names are compared on: case, spaces, `_` and `-` ignored, so
/// "attacks by month", "attacks-by-month" and "AttacksByMonth" agree.
pub fn name_key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// Parses one query file's header.
pub fn parse(file: &str, text: &str) -> Result<CannedQuery> {
    let mut name = None;
    let mut description: Option<String> = None;
    let mut params = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(comment) = line.strip_prefix("--") else { break };
        let comment = comment.trim();
        let Some((key, value)) = comment.split_once(':') else {
            // A continuation line of the description.
            if let Some(d) = description.as_mut() {
                if !comment.is_empty() {
                    d.push(' ');
                    d.push_str(comment);
                }
            }
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "name" => name = Some(value.to_string()),
            "description" => description = Some(value.to_string()),
            "param" => {
                let (pname, pdesc) = match value.split_once(" - ") {
                    Some((n, d)) => (n.trim(), d.trim()),
                    None => (value, ""),
                };
                let pname = pname.trim_start_matches(':');
                if pname.is_empty() || !pname.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    bail!("{file}: bad parameter name {pname:?}");
                }
                params.push(Param { name: pname.to_string(), description: pdesc.to_string() });
            }
            _ => {
                if let Some(d) = description.as_mut() {
                    d.push(' ');
                    d.push_str(comment);
                }
            }
        }
    }
    let Some(name) = name else { bail!("{file}: no `-- name:` header line") };
    let Some(description) = description else { bail!("{file}: no `-- description:` header line") };
    Ok(CannedQuery { name, description, params, sql: text.to_string(), file: file.to_string() })
}

/// Every canned query, parsed once, in the order of `FILES`.
pub fn all() -> &'static [CannedQuery] {
    static ALL: OnceLock<Vec<CannedQuery>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(file, text)| parse(file, text).unwrap_or_else(|e| panic!("embedded canned query: {e}")))
            .collect()
    })
}

/// The canned query whose name matches `name` (see `name_key`).
pub fn find(name: &str) -> Option<&'static CannedQuery> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    all().iter().find(|q| name_key(&q.name) == key)
}

/// The closest canned name, for a "did you mean" hint on a typo.
pub fn closest(name: &str) -> Option<&'static CannedQuery> {
    let key = name_key(name);
    all()
        .iter()
        .map(|q| (edit_distance(&key, &name_key(&q.name)), q))
        .filter(|(d, q)| *d <= 2.max(name_key(&q.name).len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, q)| q)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_embedded_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/queries");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(f, _)| f.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn names_are_unique_under_the_matching_rule() {
        let mut keys: Vec<String> = all().iter().map(|q| name_key(&q.name)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all().len());
    }

    #[test]
    fn every_declared_parameter_is_used_and_every_used_one_declared() {
        let re = regex::Regex::new(r":([A-Za-z_][A-Za-z0-9_]*)").unwrap();
        for q in all() {
            let mut used: Vec<String> = re.captures_iter(&q.body()).map(|c| c[1].to_string()).collect();
            used.sort();
            used.dedup();
            let mut declared: Vec<String> = q.params.iter().map(|p| p.name.clone()).collect();
            declared.sort();
            assert_eq!(used, declared, "{}", q.file);
        }
    }

    #[test]
    fn enough_parameterless_queries_become_views() {
        assert!(all().iter().filter(|q| q.view_name().is_some()).count() >= 5);
        assert_eq!(find("attacks by month").unwrap().view_name().unwrap(), "v_attacks_by_month");
    }

    #[test]
    fn name_variants_find_the_same_query() {
        for variant in ["attacks by month", "attacks-by-month", "AttacksByMonth", "  ATTACKS_BY_MONTH "] {
            assert_eq!(find(variant).map(|q| q.name.as_str()), Some("attacks by month"), "{variant}");
        }
        assert!(find("SELECT 1").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn a_typo_suggests_the_closest_name() {
        assert_eq!(closest("atacks by mnth").map(|q| q.name.as_str()), Some("attacks by month"));
        assert!(closest("select name from people").is_none());
    }

    #[test]
    fn header_parsing_reads_params_and_continued_descriptions() {
        let q = parse(
            "x.sql",
            "-- name: demo query\n-- description: first part\n--   second part\n-- param: who - a name or alias\n-- param: :n\nSELECT :who, :n\n",
        )
        .unwrap();
        assert_eq!(q.name, "demo query");
        assert_eq!(q.description, "first part second part");
        assert_eq!(q.params, vec![
            Param { name: "who".into(), description: "a name or alias".into() },
            Param { name: "n".into(), description: String::new() }
        ]);
        assert_eq!(q.body(), "SELECT :who, :n");
        assert!(q.view_name().is_none());
    }

    #[test]
    fn a_header_without_a_name_is_an_error_naming_the_file() {
        let err = parse("broken.sql", "-- description: x\nSELECT 1").unwrap_err().to_string();
        assert!(err.contains("broken.sql") && err.contains("name"), "{err}");
    }
}
