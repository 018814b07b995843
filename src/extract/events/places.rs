//! Named places (countries, provinces, cities) an event can be located at
//! when the text names no base: a small bundled list, since the knowledge
//! base keeps places as plain text, not as entities.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

pub const BUNDLED_PLACES: &str = include_str!("../../dictionary/places.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Region,
    Province,
    City,
}

#[derive(Debug, Clone)]
struct Place {
    name: String,
    kind: PlaceKind,
    capital: bool,
}

struct Places {
    places: Vec<Place>,
    /// pattern index -> place index
    owner: Vec<usize>,
    matcher: AhoCorasick,
}

static PLACES: LazyLock<Places> = LazyLock::new(|| parse(BUNDLED_PLACES));

fn parse(text: &str) -> Places {
    let mut places = Vec::new();
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    let mut header = true;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let kind = match cols.get(1).copied() {
            Some("country") => PlaceKind::Country,
            Some("region") => PlaceKind::Region,
            Some("province") => PlaceKind::Province,
            _ => PlaceKind::City,
        };
        let idx = places.len();
        places.push(Place { name: cols[0].to_string(), kind, capital: cols.get(2) == Some(&"yes") });
        patterns.push(cols[0].to_string());
        owner.push(idx);
        for alias in cols.get(3).unwrap_or(&"").split('|').map(str::trim).filter(|a| !a.is_empty()) {
            patterns.push(alias.to_string());
            owner.push(idx);
        }
    }
    let matcher = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).unwrap();
    Places { places, owner, matcher }
}

/// A place named in a text: `text[start..end]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: PlaceKind,
}

const LOCATIVES: &[&str] = &["in", "at", "near", "outside", "of", "around", "across", "inside", "into", "from", "to", "toward", "towards"];

/// Every place named in `text` on word boundaries. A capital counts only
/// after a locative preposition, because bare it usually names a government.
pub fn find(text: &str) -> Vec<PlaceMention> {
    let p = &*PLACES;
    let mut out = Vec::new();
    for m in p.matcher.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        if !boundary(before) || !boundary(after) {
            continue;
        }
        let place = &p.places[p.owner[m.pattern().as_usize()]];
        if place.capital {
            let prev = text[..m.start()].split_whitespace().next_back().unwrap_or("").to_lowercase();
            if !LOCATIVES.contains(&prev.as_str()) {
                continue;
            }
        }
        // "Babil province" names the province; a possessive "Iraq's" is still Iraq
        out.push(PlaceMention { start: m.start(), end: m.end(), name: place.name.clone(), kind: place.kind });
    }
    out
}

/// The place to report for an event: the most specific place named, the
/// nearest to the trigger among equals; two countries and nothing finer
/// ("in Iraq and Syria") are reported together.
pub fn best(mentions: &[PlaceMention], trigger: usize) -> Option<String> {
    let most = mentions.iter().map(|m| m.kind).max()?;
    let finest: Vec<&PlaceMention> = mentions.iter().filter(|m| m.kind == most).collect();
    if most == PlaceKind::Country {
        let mut names: Vec<&str> = Vec::new();
        for m in &finest {
            if !names.contains(&m.name.as_str()) {
                names.push(&m.name);
            }
        }
        let pair = |a: &str, b: &str| names.len() == 2 && names.contains(&a) && names.contains(&b);
        if pair("Iraq", "Syria") {
            return Some("Iraq and Syria".to_string());
        }
    }
    finest
        .iter()
        .min_by_key(|m| if m.start >= trigger { m.start - trigger } else { trigger - m.end })
        .map(|m| m.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn finds_places_and_aliases_on_word_boundaries() {
        assert_eq!(names("A rocket hit a base in Deir al-Zour province."), vec!["Deir ez-Zor"]);
        assert_eq!(names("Fighters near Babylon fled."), vec!["Babil"]);
        assert_eq!(names("Iraqi forces moved."), Vec::<String>::new());
        assert_eq!(names("Attacks on Iraqi territory rose."), vec!["Iraq"]);
    }

    #[test]
    fn capitals_need_a_preposition() {
        assert_eq!(names("Baghdad hopes the talks succeed."), Vec::<String>::new());
        assert_eq!(names("The talks were held in Baghdad."), vec!["Baghdad"]);
    }

    #[test]
    fn the_most_specific_place_wins() {
        let text = "A drone struck a site in Babil province, in Iraq.";
        let m = find(text);
        assert_eq!(best(&m, 0).as_deref(), Some("Babil"));
        let text = "The coalition in Iraq and Syria was attacked.";
        assert_eq!(best(&find(text), 0).as_deref(), Some("Iraq and Syria"));
    }
}
