//! Checks on the bundled dictionary tables themselves: they are edited by
//! hand, and a stray tab or an alias given to two entities silently changes
//! what every ingest links.

use super::dictionary::{bundled, DictEntry, BUNDLED_BASES, BUNDLED_ORGANIZATIONS, BUNDLED_PEOPLE};
use super::EntityType;
use std::collections::HashMap;

const ORG_KINDS: &[&str] =
    &["government", "military", "armed_group", "media", "coalition", "international", "party", "state", "other"];

/// The key two spellings meet on when matching folds case, common Latin
/// diacritics and apostrophes; two entities must never share one.
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let base = match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2bc}' | '\u{2bf}' | '\u{2be}' => continue,
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'É' | 'È' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' | 'İ' | 'Î' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'Ö' | 'Ó' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'Ü' | 'Ú' => 'u',
            'ç' | 'č' | 'Ç' | 'Č' => 'c',
            'ş' | 'š' | 'Ş' | 'Š' => 's',
            'ğ' => 'g',
            'ñ' => 'n',
            'ž' | 'Ž' => 'z',
            'ý' => 'y',
            c => c,
        };
        out.extend(base.to_lowercase());
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn of_type(entries: &[DictEntry], etype: EntityType) -> Vec<&DictEntry> {
    entries.iter().filter(|e| e.entity.etype == etype).collect()
}

fn find<'a>(entries: &'a [DictEntry], etype: EntityType, surface: &str) -> Option<&'a DictEntry> {
    let key = fold(surface);
    entries.iter().filter(|e| e.entity.etype == etype).find(|e| {
        fold(&e.entity.name) == key || e.aliases.iter().any(|a| fold(a) == key)
    })
}

#[test]
fn dictionary_data_every_row_has_the_header_column_count() {
    for (file, text) in [("people", BUNDLED_PEOPLE), ("organizations", BUNDLED_ORGANIZATIONS), ("bases", BUNDLED_BASES)] {
        let mut rows = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let (_, header) = rows.next().expect("a header line");
        let width = header.split('\t').count();
        for (i, line) in rows {
            let n = line.split('\t').count();
            assert_eq!(n, width, "{file}.tsv line {}: {n} columns, header has {width}: {line}", i + 1);
        }
    }
}

#[test]
fn dictionary_data_headers_are_the_parser_s_column_names() {
    let header = |text: &str| text.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap().to_string();
    assert_eq!(header(BUNDLED_PEOPLE), "name\trole\taffiliation\taliases");
    assert_eq!(header(BUNDLED_ORGANIZATIONS), "name\tkind\taliases");
    assert_eq!(header(BUNDLED_BASES), "name\tcountry\tprovince\tlatitude\tlongitude\taliases");
}

#[test]
fn dictionary_data_counts_reach_the_coverage_minimums() {
    let all = bundled();
    let people = of_type(&all, EntityType::Person).len();
    let orgs = of_type(&all, EntityType::Organization).len();
    let bases = of_type(&all, EntityType::Base).len();
    assert!(people >= 250, "{people} people");
    assert!(orgs >= 200, "{orgs} organizations");
    assert!(bases >= 60, "{bases} bases");
}

#[test]
fn dictionary_data_names_are_present_and_trimmed() {
    for e in bundled() {
        let name = &e.entity.name;
        assert!(!name.is_empty(), "an entry without a name");
        assert_eq!(name.trim(), name, "untrimmed name {name:?}");
        for a in &e.aliases {
            assert!(!a.is_empty() && a.trim() == a, "bad alias {a:?} of {name}");
            assert!(!a.contains('\t'), "tab inside alias {a:?} of {name}");
        }
    }
}

#[test]
fn dictionary_data_people_have_a_role_and_an_affiliation() {
    for e in of_type(&bundled(), EntityType::Person) {
        assert!(e.entity.role.is_some(), "{} has no role", e.entity.name);
        assert!(e.entity.affiliation.is_some(), "{} has no affiliation", e.entity.name);
    }
}

#[test]
fn dictionary_data_every_organization_kind_is_valid() {
    for e in of_type(&bundled(), EntityType::Organization) {
        let kind = e.entity.kind.as_deref().unwrap_or("");
        assert!(ORG_KINDS.contains(&kind), "{}: kind {kind:?}", e.entity.name);
    }
}

#[test]
fn dictionary_data_no_alias_repeats_its_own_name_in_another_case() {
    // (except beside a short acronym, matched only in capitals: "Isis" is
    // how some outlets write "ISIS", and lets it match so written)
    for e in bundled() {
        let cased = |n: &str| super::dictionary::short_acronym(n).is_some();
        let mut seen = vec![(e.entity.name.to_lowercase(), cased(&e.entity.name))];
        for a in &e.aliases {
            let low = a.to_lowercase();
            let acronym = cased(a);
            let repeat = seen.iter().any(|(s, c)| *s == low && !(*c || acronym));
            assert!(!repeat, "{}: alias {a:?} only differs in case", e.entity.name);
            seen.push((low, acronym));
        }
    }
}

#[test]
fn dictionary_data_every_name_points_to_one_entity() {
    // Across types too: a surface that names a person and a base would make
    // the matcher guess.
    let all = bundled();
    let mut owner: HashMap<String, (EntityType, &str)> = HashMap::new();
    for e in &all {
        let me = (e.entity.etype, e.entity.name.as_str());
        for n in std::iter::once(&e.entity.name).chain(e.aliases.iter()) {
            let key = fold(n);
            if let Some(prev) = owner.get(&key) {
                assert_eq!(*prev, me, "{n:?} names both {:?} and {:?}", prev, me);
            }
            owner.insert(key, me);
        }
    }
}

#[test]
fn dictionary_data_canonical_names_are_unique() {
    let all = bundled();
    for etype in [EntityType::Person, EntityType::Organization, EntityType::Base] {
        let mut names: Vec<String> = of_type(&all, etype).iter().map(|e| fold(&e.entity.name)).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate canonical {} names", etype.as_str());
    }
}

#[test]
fn dictionary_data_base_coordinates_lie_in_the_middle_east() {
    for e in of_type(&bundled(), EntityType::Base) {
        let b = &e.entity;
        assert!(b.country.is_some(), "{} has no country", b.name);
        match (b.latitude, b.longitude) {
            (Some(lat), Some(lon)) => {
                assert!((12.0..=42.0).contains(&lat), "{}: latitude {lat}", b.name);
                assert!((25.0..=63.0).contains(&lon), "{}: longitude {lon}", b.name);
            }
            (None, None) => {}
            _ => panic!("{}: only one of latitude and longitude", b.name),
        }
    }
}

#[test]
fn dictionary_data_bases_in_iraq_and_syria_lie_in_their_country() {
    // Rough national boxes: catch swapped latitude/longitude or a wrong sign.
    for e in of_type(&bundled(), EntityType::Base) {
        let b = &e.entity;
        let (Some(lat), Some(lon)) = (b.latitude, b.longitude) else { continue };
        let (lat_r, lon_r) = match b.country.as_deref() {
            Some("Iraq") => (29.0..=37.5, 38.7..=48.7),
            Some("Syria") => (32.3..=37.4, 35.7..=42.4),
            Some("Jordan") => (29.1..=33.4, 34.9..=39.4),
            _ => continue,
        };
        assert!(lat_r.contains(&lat) && lon_r.contains(&lon), "{} at {lat},{lon}", b.name);
    }
}

#[test]
fn dictionary_data_resolves_the_spellings_news_uses() {
    let all = bundled();
    let cases = [
        (EntityType::Person, "Muhammad Shia al-Sudani", "Mohammed Shia al-Sudani"),
        (EntityType::Person, "Sudani", "Mohammed Shia al-Sudani"),
        (EntityType::Person, "Yehia Rasool", "Yahya Rasool"),
        (EntityType::Person, "Qassim Suleimani", "Qasem Soleimani"),
        (EntityType::Person, "Abu Mohammed al-Jolani", "Ahmed al-Sharaa"),
        (EntityType::Person, "Muhsin al-Mandalawi", "Mohsen al-Mandalawi"),
        (EntityType::Organization, "Kata'ib Hizbullah", "Kataib Hezbollah"),
        (EntityType::Organization, "al-Hashd al-Shaabi", "Popular Mobilization Forces"),
        (EntityType::Organization, "Daesh", "ISIS"),
        (EntityType::Organization, "Global Coalition Against Daesh", "Global Coalition to Defeat ISIS"),
        (EntityType::Organization, "Supreme Military Committee", "Higher Military Commission"),
        (EntityType::Organization, "Iraq's Foreign Ministry", "Iraqi Ministry of Foreign Affairs"),
        (EntityType::Organization, "Al-Hurra", "Alhurra"),
        (EntityType::Base, "Ain al-Assad base", "Ain al-Asad Air Base"),
        (EntityType::Base, "Q-West", "Qayyarah Airfield West"),
        (EntityType::Base, "Camp Victoria", "Camp Victory"),
        (EntityType::Base, "Rmeilan", "Rumalyn Landing Zone"),
    ];
    for (etype, surface, want) in cases {
        let got = find(&all, etype, surface).map(|e| e.entity.name.as_str());
        assert_eq!(got, Some(want), "{surface:?}");
    }
}

#[test]
fn dictionary_data_leaves_out_ambiguous_bare_forms() {
    // These fit several entities (or several countries' bodies); linking them
    // is the job of resolution within an article, not of the dictionary.
    let all = bundled();
    for surface in ["Barzani", "Talabani", "Allawi", "al-Hakim", "al-Halbousi", "Foreign Ministry", "Defence Ministry",
        "Defense Ministry", "Ministry of Foreign Affairs", "Interior Ministry", "parliament", "X", "Erbil", "Baghdad",
        "coalition", "Islamic Resistance Movement"]
    {
        for etype in [EntityType::Person, EntityType::Organization, EntityType::Base] {
            assert!(find(&all, etype, surface).is_none(), "{surface:?} is in the dictionary");
        }
    }
}

#[test]
fn dictionary_data_no_base_alias_is_another_of_its_names_with_a_place_after_it() {
    // "Ain al-Asad airbase in Anbar" would make the province part of the
    // mention; the place is the events' business ("US base in Manbij", with
    // no name of its own before "in", is a name)
    let entries = bundled();
    for e in of_type(&entries, EntityType::Base) {
        let names: Vec<String> = std::iter::once(&e.entity.name).chain(&e.aliases).map(|n| fold(n)).collect();
        for alias in &e.aliases {
            let folded = fold(alias);
            for sep in [" in ", " near ", " at "] {
                if let Some((head, _)) = folded.split_once(sep) {
                    assert!(!names.contains(&head.to_string()), "{}: alias {alias:?} is {head:?} with a place", e.entity.name);
                }
            }
        }
    }
}
