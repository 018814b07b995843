//! Named places (countries, provinces, cities) an event can be located at
//! when the text names no base: a small bundled list, since the knowledge
//! base keeps places as plain text, not as entities.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::sync::LazyLock;

pub const BUNDLED_PLACES: &str = include_str!("../../dictionary/places.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Region,
    Country,
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
    /// for each byte a pattern opens with, the bytes that can follow it
    /// (all 256 when a pattern is that one byte): a name can start only at
    /// such a pair, which few places of a sentence are
    seconds: [[u128; 2]; 256],
    /// the bytes a pattern opens with
    first: [bool; 256],
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
    // a full DFA: the list is small, and every sentence of every article is
    // searched; anchored at the few places a name can start (the unanchored
    // form only for the test that holds the two to the same matches)
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(if cfg!(test) { StartKind::Both } else { StartKind::Anchored })
        .build(&patterns)
        .unwrap();
    let mut seconds = [[0u128; 2]; 256];
    for p in &patterns {
        let b = p.as_bytes();
        let set = &mut seconds[usize::from(b[0])];
        match b.get(1) {
            Some(&c) => set[usize::from(c >> 7)] |= 1 << (c & 0x7f),
            None => *set = [u128::MAX; 2],
        }
    }
    let first = std::array::from_fn(|b| seconds[b] != [0; 2]);
    Places { places, owner, matcher, seconds, first }
}

/// The matches of `find_iter` of the unanchored, leftmost-longest
/// automaton: at each position in turn that opens
/// a pattern's first two bytes, from the end of the last match on, the
/// longest pattern starting there. The first position with one is the
/// leftmost match, and the search goes on from its end as `find_iter` does.
fn matches<'t>(p: &'t Places, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // most bytes open no pattern: they are passed over with one lookup
        while let Some(off) = b[at..].iter().position(|&c| p.first[usize::from(c)]) {
            at += off;
            let set = &p.seconds[usize::from(b[at])];
            let next = b.get(at + 1).copied();
            let opens = match next {
                Some(c) => set[usize::from(c >> 7)] >> (c & 0x7f) & 1 == 1,
                None => set[0] == u128::MAX,
            };
            if opens {
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                if let Some(m) = p.matcher.find(input) {
                    at = m.end().max(at + 1);
                    return Some(m);
                }
            }
            at += 1;
        }
        None
    })
}

/// A place named in a text: `text[start..end]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: PlaceKind,
    /// a country that opens the sentence as the one who strikes ("Iran
    /// (has) fired missiles at two bases in Iraq"): where only if nothing
    /// else is
    pub acting: bool,
}

/// Verbs of striking after which a country that opens the sentence acts.
const ACTS: &[&str] = &["fired", "launched", "struck", "attacked", "bombed", "shelled", "targeted", "hit", "retaliated"];

const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "around", "across", "inside", "into", "from", "to", "toward", "towards",
    "throughout", "over", "within",
];
const DIRECTIONS: &[&str] = &[
    "eastern", "western", "northern", "southern", "northeastern", "northwestern", "southeastern",
    "southwestern", "central", "northeast", "northwest", "southeast", "southwest",
    // and words that qualify a place the same way: "in federal Iraq", "in neighbouring Syria"
    "federal", "neighboring", "neighbouring", "war-torn",
];
/// "of" is locative after these: "the province of Babil", "north of Baghdad".
const OF_LOCATIVE: &[&str] = &[
    "province", "city", "town", "region", "governorate", "outskirts", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "capital", "countryside", "suburbs", "village", "district",
];

/// Every place named in `text` as a location: after a locative
/// preposition ("in Iraq", "near Damascus"), opening the sentence ("Iraq has
/// witnessed ..."), or listed after such a place ("in Iraq and Syria").
/// Elsewhere a place name usually stands for a state or a government
/// ("factions allied with Iran", "Baghdad hopes").
/// Verbs of going somewhere: after them, "to" a capital is the city.
const MOVE_VERBS: &[&str] = &[
    "move", "moved", "moving", "moves", "relocate", "relocated", "relocating", "redeploy", "redeployed", "redeploying",
    "withdraw", "withdrawn", "withdrew", "withdrawing", "travel", "traveled", "travelled", "traveling", "travelling",
    "flew", "flown", "fly", "transferred", "transfer", "shifted", "shift", "returned", "return", "headed", "went", "go",
    "arrived", "back", "deployed", "deploy", "sent", "dispatched",
    // ("a visit to Baghdad", "his trip to Erbil")
    "visit", "visits", "trip", "trips", "journey",
];

pub fn find(text: &str) -> Vec<PlaceMention> {
    let p = &*PLACES;
    let mut out: Vec<PlaceMention> = Vec::new();
    let dateline = dateline_end(text);
    for m in matches(p, text) {
        if m.start() < dateline {
            continue;
        }
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        if !boundary(before) || !boundary(after) {
            continue;
        }
        let place = &p.places[p.owner[m.pattern().as_usize()]];
        let head = text[..m.start()].trim_end();
        let mut words = head.rsplit(|c: char| c.is_whitespace()).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
        // "in eastern Syria", "in the Iraqi province of Babil"
        let mut prev = words.next().unwrap_or_default();
        while DIRECTIONS.contains(&prev.as_str()) {
            prev = words.next().unwrap_or_default();
        }
        let prev2 = words.next().unwrap_or_default();
        // "Monday's attack on Erbil": what an attack is on is a place, where
        // "pressure on Baghdad" names the government (and a country attacked
        // is a target more than a place: "Hamas' attack on Israel")
        let attacked = prev == "on"
            && place.kind != PlaceKind::Country
            && matches!(prev2.as_str(), "attack" | "attacks" | "strike" | "strikes" | "assault" | "assaults" | "raid" | "raids" | "barrage");
        // "in the Iraqi capital, Baghdad"
        let locative = prev == "capital"
            || attacked
            || LOCATIVES.contains(&prev.as_str())
            || (prev == "of" && OF_LOCATIVE.contains(&prev2.as_str()))
            || (prev == "the" && LOCATIVES.contains(&prev2.as_str()));
        // "Iraq's parliament" names the state, not a place
        let possessive = text[m.end()..].starts_with("'s") || text[m.end()..].starts_with("’s");
        let opening = head.trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty() && !possessive;
        let listed = out.last().is_some_and(|last| {
            let gap = text[last.end..m.start()].trim();
            (gap == "and" || gap == "," || gap == "or") && last.end <= m.start()
        });
        // "Iraqi territory" names ground, whatever precedes it
        let ground = ["territory", "soil", "airspace"].iter().any(|g| m.end() >= g.len() && text[..m.end()].ends_with(g));
        // (a capital is its government after "to": "a message to Baghdad")
        // (but not where troops go: "will move to Erbil")
        let toward = matches!(prev.as_str(), "to" | "toward" | "towards") && !MOVE_VERBS.contains(&prev2.as_str());
        let ok = ground || if place.capital { (locative && !toward) || listed } else { locative || opening || listed };
        // "a correspondent reporting from Baghdad" is where the reporter stands
        let reporter = prev == "from" && (prev2 == "reporting" || prev2 == "reports" || prev2 == "reported");
        // "in the Iraqi capital, Baghdad": one place named twice
        let apposition = out.last().is_some_and(|last| last.name == place.name && text[last.end..m.start()].trim() == ",");
        if !ok || reporter || apposition {
            continue;
        }
        let acting = opening && place.kind == PlaceKind::Country && {
            let mut next = text[m.end()..].split_whitespace();
            let first = next.next().unwrap_or("");
            let verb = if matches!(first, "has" | "had" | "have") { next.next().unwrap_or("") } else { first };
            ACTS.contains(&verb)
        };
        out.push(PlaceMention { start: m.start(), end: m.end(), name: place.name.clone(), kind: place.kind, acting });
    }
    out
}

/// Where a dateline ("ERBIL, Kurdistan Region - ") ends: the place the
/// story was filed from, not where its events happened.
pub fn dateline_end(text: &str) -> usize {
    let first = text.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if first.chars().count() < 3 || !first.chars().all(|c| c.is_uppercase()) {
        return 0;
    }
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = text.find(dash) {
            if i < 60 {
                return i + dash.len();
            }
        }
    }
    0
}

/// The place to report for an event: the most specific place named, the
/// nearest to the trigger among equals; two countries and nothing finer
/// ("in Iraq and Syria") are reported together.
pub fn best(mentions: &[PlaceMention], trigger: usize) -> Option<String> {
    let placed: Vec<PlaceMention>;
    let mentions = if mentions.iter().any(|m| m.acting) && mentions.iter().any(|m| !m.acting) {
        placed = mentions.iter().filter(|m| !m.acting).cloned().collect();
        &placed[..]
    } else {
        mentions
    };
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

    #[test]
    fn a_country_that_strikes_yields_to_the_place_it_struck() {
        let best_of = |t: &str| best(&find(t), t.find("missiles").unwrap());
        assert_eq!(best_of("Iran fired missiles at two bases in Iraq."), Some("Iraq".to_string()));
        assert_eq!(best_of("Iran has fired a dozen missiles at bases in Iraq."), Some("Iraq".to_string()));
        // one that opens the sentence otherwise is where
        assert_eq!(best_of("Iraq, an ally of Iran, has seen missiles fall since the war in Gaza."), Some("Iraq".to_string()));
        assert_eq!(best_of("Iran fired missiles."), Some("Iran".to_string()));
    }

    fn names(text: &str) -> Vec<String> {
        find(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn the_city_an_attack_is_on_is_a_place_and_its_government_is_not() {
        assert_eq!(names("The group claimed Monday's attack on Erbil."), vec!["Erbil"]);
        assert!(names("Washington increased pressure on Baghdad.").is_empty());
        assert!(names("It followed Hamas' attack on Israel.").is_empty());
    }

    #[test]
    fn finds_places_and_aliases_on_word_boundaries() {
        assert_eq!(names("A rocket hit a base in Deir al-Zour province."), vec!["Deir ez-Zor"]);
        assert_eq!(names("Fighters near Babylon fled."), vec!["Babil"]);
        assert_eq!(names("Iraqi forces moved."), Vec::<String>::new());
        assert_eq!(names("Factions allied with Iran fired at troops in Iraq and Syria."), vec!["Iraq", "Syria"]);
        assert_eq!(names("Iraq has seen attacks."), vec!["Iraq"]);
        assert_eq!(names("Iraq's parliament met."), Vec::<String>::new());
        assert_eq!(names("Jets struck two sites in eastern Syria."), vec!["Syria"]);
        assert_eq!(names("The mission in federal Iraq ends; 900 troops stay in neighbouring Syria."), vec!["Iraq", "Syria"]);
        // towns of the war on ISIS and the attacks on the coalition
        assert_eq!(names("A drone fell near the Khor Mor gas field and a vehicle burned in Shingal."), vec!["Khor Mor", "Sinjar"]);
        assert_eq!(names("Raids near al-Busayrah and in Tal Afar; the Sinjar Resistance Units fled."), vec!["Busayrah", "Tal Afar"]);
        assert_eq!(names("MOSUL, Iraq - A blast hit a market in Kirkuk."), vec!["Kirkuk"]);
        assert_eq!(names("Attacks on Iraqi territory rose."), vec!["Iraq"]);
    }

    #[test]
    fn matches_are_those_of_an_unanchored_search() {
        let p = &*PLACES;
        let texts = [
            "A rocket hit a base in Deir al-Zour province, near al-Qaim and al-Bab.",
            "IraqSyria Iraqi XBaghdad Baghdad-based Kirkuk. al-al- al-Tanfx Mosul",
            "MOSUL, Iraq - A blast hit a market in Kirkuk; Babylon, Babil, Erbil and Ninawa.",
            "“Baghdad” — ‘Damascus’ … «Raqqa» a\u{a0}Homs é Aleppo",
            "",
            "I",
            "al",
            "Ir",
        ];
        for text in texts {
            let want: Vec<aho_corasick::Match> = p.matcher.find_iter(text).collect();
            assert_eq!(matches(p, text).collect::<Vec<_>>(), want, "{text}");
        }
        // the texts name places: the comparison is not between two empty lists
        assert!(matches(p, texts[2]).count() >= 6);
    }

    #[test]
    fn capitals_need_a_preposition() {
        assert_eq!(names("Baghdad hopes the talks succeed."), Vec::<String>::new());
        assert_eq!(names("The talks were held in Baghdad."), vec!["Baghdad"]);
        // after "to" a capital is its government: "a message to Baghdad"
        assert_eq!(names("The attacks were a message to Baghdad."), Vec::<String>::new());
        // but where troops go is the city
        assert_eq!(names("The troops will move to Erbil."), vec!["Erbil"]);
        // the Kurdistan Region is ranked with provinces, finer than a country
        let t = "US forces will stay in the Kurdistan region to support operations in Syria.";
        assert_eq!(best(&find(t), t.find("stay").unwrap()), Some("Kurdistan Region".to_string()));
        assert_eq!(names("Advisers were relocated to Baghdad."), vec!["Baghdad"]);
        assert_eq!(names("Austin made an unannounced visit to Baghdad."), vec!["Baghdad"]);
        assert_eq!(names("The convoy drove to Kirkuk."), vec!["Kirkuk"]);
    }

    #[test]
    fn the_most_specific_place_wins() {
        let text = "A drone struck a site in Babil province, in Iraq.";
        let m = find(text);
        assert_eq!(best(&m, 0).as_deref(), Some("Babil"));
        let text = "The coalition in Iraq and Syria was attacked.";
        assert_eq!(best(&find(text), 0).as_deref(), Some("Iraq and Syria"));
    }

    #[test]
    fn where_a_correspondent_reports_from_is_no_place_of_the_event() {
        let found = find("Our correspondent, reporting from Baghdad, said the blast in Kirkuk was heard for miles.");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["Kirkuk"]);
    }

    #[test]
    fn a_capital_named_in_apposition_is_a_place() {
        let found = find("A blast hit a market in the Iraqi capital, Baghdad, at dawn.");
        assert_eq!(found.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), vec!["Baghdad"]);
    }

    #[test]
    fn a_capital_named_by_its_country_is_that_city() {
        let names = |t: &str| find(t).into_iter().map(|m| m.name).collect::<Vec<_>>();
        assert_eq!(names("Protesters tried to storm the US embassy in the Iraqi capital on Tuesday."), vec!["Baghdad"]);
        assert_eq!(names("A drone struck near the Kurdistan Region’s capital overnight."), vec!["Erbil"]);
        assert_eq!(names("Talks resumed in the Syrian capital, Damascus, and in Amman."), vec!["Damascus", "Amman"]);
        // as elsewhere, a capital needs a preposition to be a place
        assert!(names("The Iraqi capital has been calm for weeks.").is_empty());
    }
}
