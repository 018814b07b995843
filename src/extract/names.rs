//! Recognition and resolution of names: dictionary matches, names found by
//! the rules of English news, and resolution of short forms within an article.

mod coalition;
pub mod discover;
pub mod fold;
pub mod key;
pub mod lexicon;
pub mod tokens;
pub mod trie;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::BuildHasherDefault;

use regex::Regex;
use std::sync::OnceLock;

use super::dictionary::short_acronym;
use super::{Entity, EntityType, Gazetteer, Mention, Sentence};
use discover::{discover_in, Found};
use fold::{fold, fold_name, Folded};
pub use key::name_key;
use key::word_key_reusing;
use lexicon::*;
use trie::Trie;

/// Maps of one article's own small keys (indexes, names): hashed with the
/// lexicon's quick hash, as nobody chooses them to collide.
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;

/// Finds every person, organization and base the article names.
pub fn recognize(body: &str, sentences: &[Sentence], gazetteer: &Gazetteer) -> (Vec<Entity>, Vec<Mention>) {
    let folded = fold(body);
    let lower = body.to_ascii_lowercase();
    let words = tokens::tokenize_all(body, &lower, sentences);
    let mut article = Article::new(body, &folded, gazetteer);
    article.dictionary_and_rules(&words);
    article.merge_short_organizations();
    article.acronym_definitions();
    article.second_pass();
    article.surname_spellings(&words);
    article.coalition_descriptions();
    article.coordinated_bases();
    article.bases_by_their_town();
    article.bases_named_like_people();
    article.head_noun_anaphora();
    article.finish()
}

struct Article<'a> {
    body: &'a str,
    folded: &'a Folded,
    gaz: &'a Gazetteer,
    entities: Vec<Entity>,
    /// dictionary entry -> article entity
    by_entry: HashMap<usize, usize>,
    /// spelling key of a discovered name -> article entity
    by_key: HashMap<(EntityType, String), usize>,
    /// (start, end, entity), byte offsets in the body
    mentions: Vec<(usize, usize, usize)>,
    /// the spans of `mentions`, start -> end: they never overlap, so the
    /// one that starts last before a span's end is the only one that can
    /// overlap it
    taken: BTreeMap<usize, usize>,
    /// acronyms the article defined: (acronym, entity)
    acronyms: Vec<(String, usize)>,
}

/// Accepts an automaton match in the folded text: whole words, and a short
/// acronym only in capitals.
fn accept(folded: &Folded, body: &str, start: usize, end: usize, acronym: Option<&str>) -> bool {
    accept_cased(folded, body, start, end, acronym, false)
}

/// `accept`, and for a one-word proper name an initial capital in the text.
fn accept_cased(folded: &Folded, body: &str, start: usize, end: usize, acronym: Option<&str>, capital: bool) -> bool {
    if !folded.is_word_start(start) || !folded.is_word_end(end) {
        return false;
    }
    if capital {
        let (s, _) = folded.original(start, end);
        if !body[s..].chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    if let Some(acr) = acronym {
        let (s, e) = folded.original(start, end);
        if !body[s..e].chars().filter(|c| c.is_alphabetic()).eq(acr.chars()) {
            return false;
        }
    }
    true
}

/// Leftmost-longest matching with word boundaries: when the longest match at
/// a place fails the checks, shorter ones starting there are tried before
/// moving on to the next word.
/// (The trie is the dictionary's, or that of the names one article taught.)
/// `keeps(a, b)`: the match of pattern `a` stands even where a name `b`
/// that starts inside it reaches further.
fn scan(trie: &Trie, folded: &Folded, ok: impl Fn(usize, usize, usize) -> bool, keeps: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize, usize)> {
    let text = folded.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = trie.leftmost_word(text, &folded.words, pos) else { break };
        if ok(m.2, m.0, m.1) {
            // "Iran's Revolutionary Guard Corps": a name that starts inside
            // this match and reaches further is the one the text means
            let mut best = (m.0, m.1, m.2);
            // (the words that start inside it, from the runs of word bytes,
            // where every byte of the match was tested for a word start)
            let inner = folded.words.partition_point(|w| w.0 <= m.0);
            for &(p, _) in folded.words[inner..].iter().take_while(|w| w.0 < m.1) {
                if let Some(x) = trie.longest_at(text, p, text.len()) {
                    if x.1 > best.1 && !keeps(m.2, x.2) && ok(x.2, x.0, x.1) {
                        best = x;
                    }
                }
            }
            out.push(best);
            pos = best.1;
            continue;
        }
        // shorter patterns at the same start
        let mut limit = m.1;
        let mut found = None;
        while limit > m.0 + 1 {
            match trie.longest_at(text, m.0, limit - 1) {
                Some(s) => {
                    if ok(s.2, s.0, s.1) {
                        found = Some(s);
                        break;
                    }
                    limit = s.1;
                }
                None => break,
            }
        }
        if let Some(s) = found {
            out.push(s);
            pos = s.1;
            continue;
        }
        // next word
        let mut p = m.0 + 1;
        while p < bytes.len() && fold::is_word_byte(bytes[p]) {
            p += 1;
        }
        while p < bytes.len() && !text.is_char_boundary(p) {
            p += 1;
        }
        pos = p.max(m.0 + 1);
        while pos < bytes.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// No span of a set of spans that never overlap (start -> end) overlaps `span`.
fn free_in(taken: &BTreeMap<usize, usize>, span: (usize, usize)) -> bool {
    taken.range(..span.1).next_back().is_none_or(|(&s, &e)| !overlaps((s, e), span))
}

/// Words of a folded phrase, for nationality checks.
fn words(s: &str) -> Vec<String> {
    fold_name(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn nationalities_of(s: &str) -> Vec<&'static str> {
    let w = words(s);
    let mut out = Vec::new();
    for (i, x) in w.iter().enumerate() {
        if let Some(c) = nationality(x) {
            out.push(c);
        }
        if i + 1 < w.len() && x == "united" && w[i + 1] == "states" {
            out.push("us");
        }
    }
    out
}

impl<'a> Article<'a> {
    fn new(body: &'a str, folded: &'a Folded, gaz: &'a Gazetteer) -> Article<'a> {
        Article {
            body,
            folded,
            gaz,
            entities: Vec::new(),
            by_entry: HashMap::default(),
            by_key: HashMap::default(),
            mentions: Vec::new(),
            taken: BTreeMap::new(),
            acronyms: Vec::new(),
        }
    }

    fn free(&self, span: (usize, usize)) -> bool {
        free_in(&self.taken, span)
    }

    fn add_mention(&mut self, start: usize, end: usize, entity: usize) {
        debug_assert!(self.body.is_char_boundary(start) && self.body.is_char_boundary(end));
        debug_assert!(self.free((start, end)), "mentions never overlap");
        self.mentions.push((start, end, entity));
        self.taken.insert(start, end);
    }

    fn entity_for_entry(&mut self, entry: usize) -> usize {
        if let Some(&e) = self.by_entry.get(&entry) {
            return e;
        }
        // (field by field: the dictionary's aliases are not the article's,
        // and a copy of them was only dropped again)
        let d = &self.gaz.entries[entry].entity;
        self.entities.push(Entity {
            etype: d.etype,
            name: d.name.clone(),
            role: d.role.clone(),
            kind: d.kind.clone(),
            affiliation: d.affiliation.clone(),
            country: d.country.clone(),
            province: d.province.clone(),
            latitude: d.latitude,
            longitude: d.longitude,
            aliases: Vec::new(),
            known: true,
        });
        let idx = self.entities.len() - 1;
        self.by_entry.insert(entry, idx);
        idx
    }

    /// A discovered name: a dictionary entity when its spelling key is one
    /// entry's, else this article's entity of that key, else a new entity.
    fn entity_for_found(&mut self, f: &Found) -> usize {
        // (the words joined by single spaces, written straight into the name)
        let mut surface = String::with_capacity(f.end - f.start);
        for w in self.body[f.start..f.end].split_whitespace() {
            if !surface.is_empty() {
                surface.push(' ');
            }
            surface.push_str(w);
        }
        let key = name_key(&surface);
        let dict = self.gaz.by_key(f.etype, &key);
        if dict.len() == 1 {
            return self.entity_for_entry(dict[0]);
        }
        let key = (f.etype, key);
        if let Some(&e) = self.by_key.get(&key) {
            if self.entities[e].role.is_none() {
                self.entities[e].role = f.role.clone();
            }
            return e;
        }
        self.entities.push(Entity {
            etype: f.etype,
            name: surface,
            role: f.role.clone(),
            kind: f.kind.clone(),
            known: false,
            ..Default::default()
        });
        let idx = self.entities.len() - 1;
        self.by_key.insert(key, idx);
        idx
    }

    /// Dictionary matches and rule-found names; where they overlap the
    /// longer wins, and the dictionary wins a tie.
    fn dictionary_and_rules(&mut self, sentences: &tokens::Sentences) {
        let (body, folded, gaz) = (self.body, self.folded, self.gaz);
        let found = discover_in(body, sentences);
        let hits = gaz.trie().map(|ac| {
            let ok = |pid: usize, s: usize, e: usize| {
                let p = gaz.pattern(pid);
                accept_cased(folded, body, s, e, p.acronym.as_deref(), p.capital)
            };
            // "Bashar Assad's government": a full name is not given up for
            // a name of something else that starts at its surname
            let person = |pid: usize| gaz.pattern(pid).entries.iter().all(|&e| gaz.entries[e].entity.etype == EntityType::Person);
            let keeps = |a: usize, b: usize| person(a) && !person(b) && gaz.pattern(a).text.contains(' ');
            (ac, scan(ac, folded, ok, keeps))
        });
        // (start, end, priority, candidate): one for every match and every
        // rule-found name at most, room made once
        let mut cands: Vec<(usize, usize, u8, Cand)> = Vec::with_capacity(hits.as_ref().map_or(0, |h| h.1.len()) + found.len());
        // ((start, end) of a description, end of its head, complement span and pattern)
        type Split = ((usize, usize), usize, usize, usize, usize);
        let mut splits: Vec<Split> = Vec::new();
        if let Some((ac, hits)) = hits {
            for (s, e, pid) in hits {
                // "the international coalition to fight ISIS": a description
                // whose complement names another body; both are mentions
                if let Some((cut, rest)) = split_description(folded, body, s, e) {
                    let ok = |p: usize, a: usize, b: usize| accept(folded, body, a, b, gaz.pattern(p).acronym.as_deref());
                    let inner = ac.longest_at(&folded.text, rest, e);
                    if let Some((ms, me, mp)) = inner.filter(|m| ok(m.2, m.0, m.1)) {
                        let (is, ie) = folded.original(ms, me);
                        splits.push((folded.original(s, e), folded.original(s, cut).1, is, ie, mp));
                    }
                }
                let (mut os, oe) = folded.original(s, e);
                if descriptor_not_naming(body, os, oe) {
                    continue;
                }
                let entry = gaz.pattern(pid).entries[0];
                if gaz.entries[entry].entity.etype == EntityType::Base && town_not_base(body, os, oe) {
                    continue;
                }
                if gaz.entries[entry].entity.etype == EntityType::Person && town_not_person(body, os, oe) {
                    continue;
                }
                // "Maj. Gen. Pat Ryder": the title is not part of the name
                if gaz.entries[entry].entity.etype == EntityType::Person {
                    os = skip_titles(body, os, oe);
                }
                cands.push((os, oe, 2, Cand::Dict(pid)));
            }
        }
        // the dictionary's candidates come in the order of the text
        let n_dict = cands.len();
        debug_assert!(cands.windows(2).all(|w| w[0].0 <= w[1].0));
        for f in found {
            // "Iranian Revolutionary Guard Corps", "US State Department":
            // a nationality before a dictionary name keeps the dictionary
            // entity unless the entity belongs to another nation
            if f.etype == EntityType::Organization {
                let from = cands[..n_dict].partition_point(|c| c.0 < f.start);
                // (the one dictionary name inside, if only one is)
                let mut inner = cands[from..n_dict]
                    .iter()
                    .take_while(|c| c.0 < f.end)
                    .filter(|c| c.2 == 2 && c.0 >= f.start && c.1 <= f.end && (c.0, c.1) != (f.start, f.end));
                let only = match (inner.next(), inner.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                };
                if let Some(inner) = only.filter(|c| c.1 == f.end) {
                    let Cand::Dict(pid) = inner.3 else { unreachable!() };
                    let entry = gaz.pattern(pid).entries[0];
                    let ent = &gaz.entries[entry].entity;
                    let extra = &body[f.start..inner.0];
                    let extra_words = words(extra);
                    let extra_nat = nationalities_of(extra);
                    if ent.etype == EntityType::Organization && !extra_words.is_empty() && extra_nat.len() == extra_words.len() {
                        let own = nationalities_of(&ent.name);
                        if own.is_empty() || own.iter().any(|c| extra_nat.contains(c)) {
                            cands.push((f.start, f.end, 3, Cand::Dict(pid)));
                            continue;
                        }
                    }
                }
            }
            cands.push((f.start, f.end, 1, Cand::Found(f)));
        }
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let mut chosen: Vec<(usize, usize, Cand)> = Vec::with_capacity(cands.len());
        let mut chosen_spans = BTreeMap::new();
        for (s, e, _, c) in cands {
            if free_in(&chosen_spans, (s, e)) {
                chosen_spans.insert(s, e);
                chosen.push((s, e, c));
            }
        }
        chosen.sort_by_key(|c| c.0);
        // entries named unambiguously decide ambiguous names
        let unambiguous: HashSet<usize> = chosen
            .iter()
            .filter_map(|c| match &c.2 {
                Cand::Dict(pid) if gaz.pattern(*pid).entries.len() == 1 => Some(gaz.pattern(*pid).entries[0]),
                _ => None,
            })
            .collect();
        for (s, e, c) in chosen {
            let ent = match c {
                Cand::Dict(pid) => {
                    let entries = &gaz.pattern(pid).entries;
                    let entry = entries.iter().copied().find(|x| unambiguous.contains(x)).unwrap_or(entries[0]);
                    self.entity_for_entry(entry)
                }
                Cand::Found(f) => self.entity_for_found(&f),
            };
            self.add_mention(s, e, ent);
        }
        // "the international coalition to fight ISIS": the longest name is
        // the mention, unless it would hide the only place the article
        // names the body of its complement; then both are mentions
        for ((s, e), cut, is, ie, pid) in splits {
            let entries = &gaz.pattern(pid).entries;
            let named_elsewhere = entries.iter().any(|x| {
                self.by_entry.get(x).is_some_and(|&ent| self.mentions.iter().any(|m| m.2 == ent && (m.0 >= e || m.1 <= s)))
            });
            if named_elsewhere {
                continue;
            }
            if let Some(m) = self.mentions.iter_mut().find(|m| m.0 == s && m.1 == e) {
                m.1 = cut;
                self.taken.insert(s, cut);
                let ent = self.entity_for_entry(entries[0]);
                self.add_mention(is, ie, ent);
            }
        }
    }

    /// "US-Iraq Higher Military Commission" ... "Higher Military Commission",
    /// "Samir Abdul Wahid" ... "Abdul Wahid": a discovered name that ends
    /// another of the same type in the same article is that one's short
    /// form, unless two longer names end with it.
    fn merge_short_organizations(&mut self) {
        let into = short_forms(&self.entities);
        if into.iter().all(Option::is_none) {
            return;
        }
        for (b, a) in into.iter().enumerate() {
            if let Some(a) = *a {
                let name = self.entities[b].name.clone();
                if !self.entities[a].known && !self.entities[a].aliases.contains(&name) {
                    self.entities[a].aliases.push(name);
                }
            }
        }
        // short forms were merged one after another, in entity order: a
        // mention moves on along `into` while that leads to a later entity
        for m in self.mentions.iter_mut() {
            let mut cur = m.2;
            while let Some(a) = into[cur] {
                let step = cur;
                cur = a;
                if a < step {
                    break;
                }
            }
            m.2 = cur;
        }
    }

    /// "Popular Mobilization Forces (PMF)", "Higher Military Commission (or
    /// HMC for short)": the acronym becomes the organization's alias.
    fn acronym_definitions(&mut self) {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(r"^\s?\((?:or |also |also known as |known as )?([A-Z][A-Za-z]?[A-Z0-9&.\-]{0,8})(?: for short)?\)").unwrap()
        });
        let mut found = Vec::new();
        for &(_, e, ent) in &self.mentions {
            if self.entities[ent].etype != EntityType::Organization {
                continue;
            }
            // (the pattern opens with an optional space and a bracket)
            let rest = &self.body[e..];
            let mut first = rest.chars();
            let opens = match first.next() {
                Some('(') => true,
                Some(c) if c.is_whitespace() => first.next() == Some('('),
                _ => false,
            };
            if !opens {
                continue;
            }
            let Some(c) = re.captures(rest) else { continue };
            let acr = c.get(1).unwrap().as_str().trim_end_matches('.');
            let caps = acr.chars().filter(|c| c.is_uppercase()).count();
            if caps < 2 {
                continue;
            }
            // the acronym starts like the name it stands for
            let name_initial = self.entities[ent].name.trim_start_matches("the ").chars().next();
            let mention_initial = self.mentions.iter().find(|m| m.1 == e).map(|m| self.body[m.0..].chars().next());
            let first = acr.chars().next();
            if first != name_initial.map(|c| c.to_ascii_uppercase()) && mention_initial.flatten().map(|c| c.to_ascii_uppercase()) != first {
                continue;
            }
            found.push((acr.to_string(), ent));
        }
        for (acr, ent) in found {
            let e = &mut self.entities[ent];
            // an alias the text taught: new for a discovered entity, or one
            // the dictionary does not already give a known entity
            let taught = if e.known {
                !self.gaz.entries.iter().any(|d| d.entity.name == e.name && d.aliases.contains(&acr))
            } else {
                e.name != acr
            };
            if taught && !e.aliases.contains(&acr) {
                e.aliases.push(acr.clone());
            }
            if !self.acronyms.iter().any(|a| a.0 == acr) {
                self.acronyms.push((acr, ent));
            }
        }
    }

    /// Names the article already used, their surnames, and acronyms it
    /// defined, found wherever else they occur ("Rasool" after "Yahya
    /// Rasool", "al-Sudani", a headline's "Barzani").
    fn second_pass(&mut self) {
        // folded pattern -> (entity, acronym letters)
        let mut pats: HashMap<String, Option<(usize, Option<String>)>> = HashMap::default();
        let add = |pats: &mut HashMap<String, Option<(usize, Option<String>)>>, text: String, ent: usize, acr: Option<String>| {
            if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return;
            }
            match pats.get(&text) {
                None => {
                    pats.insert(text, Some((ent, acr)));
                }
                Some(Some((other, _))) if *other != ent => {
                    pats.insert(text, None); // two people share it: no evidence
                }
                _ => {}
            }
        };
        // (a name said again adds nothing: once is enough)
        let mut seen: HashSet<(usize, &str)> = HashSet::default();
        let mut names: Vec<(usize, &str)> = Vec::with_capacity(self.mentions.len() + self.entities.len());
        for &(s, e, ent) in &self.mentions {
            if seen.insert((ent, &self.body[s..e])) {
                names.push((ent, &self.body[s..e]));
            }
        }
        for (i, ent) in self.entities.iter().enumerate() {
            names.push((i, ent.name.as_str()));
        }
        for (ent, name) in names {
            let etype = self.entities[ent].etype;
            if etype == EntityType::Person {
                add(&mut pats, fold_name(name), ent, None);
                if let Some(last) = last_of_several(name) {
                    add(&mut pats, fold_name(last), ent, None);
                    if let Some((p, rest)) = last.split_once(|c: char| fold::is_hyphen(c)) {
                        if is_in(PARTICLES, &p.to_lowercase()) && rest.chars().count() > 2 {
                            add(&mut pats, fold_name(rest), ent, None);
                        }
                    }
                }
            } else if !self.entities[ent].known && name.split_whitespace().nth(1).is_some() {
                add(&mut pats, fold_name(name), ent, None);
                if etype == EntityType::Base {
                    // "Ain al-Asad" for "Ain al-Asad air base"; a lone word
                    // ("Harir") may be the town, so it needs a particle
                    let short = base_short_form(name);
                    if let Some(short) = short {
                        add(&mut pats, fold_name(&short), ent, None);
                    }
                }
            }
        }
        for (acr, ent) in &self.acronyms {
            add(&mut pats, fold_name(acr), *ent, short_acronym(acr).or_else(|| Some(acr.chars().filter(|c| c.is_alphabetic()).collect())));
        }
        let list: Vec<(String, usize, Option<String>)> =
            pats.into_iter().filter_map(|(t, v)| v.map(|(e, a)| (t, e, a))).filter(|(t, _, _)| !t.is_empty()).collect();
        if list.is_empty() {
            return;
        }
        // (a trie of a few dozen names is built in a few microseconds, where
        // an Aho-Corasick automaton took more than its whole search)
        // (one trie a thread, refilled for every article: building one from
        // nothing cost more in allocating and zeroing tables than in names)
        thread_local! {
            static TRIE: RefCell<Trie> = RefCell::new(Trie::empty());
        }
        let (body, folded) = (self.body, self.folded);
        let hits = TRIE.with_borrow_mut(|ac| {
            ac.refill(list.iter().map(|x| x.0.as_str()));
            scan(ac, folded, |pid, s, e| {
                let (_, ent, acr) = &list[pid];
                if !accept(folded, body, s, e, acr.as_deref()) {
                    return false;
                }
                let (os, oe) = folded.original(s, e);
                if self.entities[*ent].etype != EntityType::Person {
                    return true;
                }
                // a person's name is written with a capital, and a surname
                // alone is not a word of a longer name ("Saddam Hussein
                // International Airport" after "Ali Hussein")
                let word = &list[pid].0;
                body[os..oe].chars().any(char::is_uppercase) && (word.contains(' ') || !inside_other_name(body, os, oe)) && !town_not_person(body, os, oe) && !base_not_person(body, os, oe)
            }, |_, _| false)
        });
        for (s, e, pid) in hits {
            let (os, oe) = folded.original(s, e);
            if self.free((os, oe)) {
                self.add_mention(os, oe, list[pid].1);
            }
        }
    }

    /// A lone capitalized word that spells a person's surname differently
    /// ("Makari" after "Ian McCarry"): same skeleton, one person only. A
    /// final "-i" on one side only is the Arabic nisba, which turns a place
    /// into a surname ("Tikrit", "al-Tikriti"): those are not one name.
    fn surname_spellings(&mut self, sentences: &tokens::Sentences) {
        fn nisba(w: &str) -> bool {
            // (the last three letters, read from the end)
            let folded = fold_name(w);
            let mut c = folded.chars().rev().filter(|c| c.is_alphabetic());
            let (last, before, third) = (c.next(), c.next(), c.next());
            third.is_some() && matches!(last, Some('i' | 'y')) && !matches!(before, Some('a' | 'e' | 'i' | 'o' | 'u'))
        }
        let mut keys: HashMap<String, Option<usize>> = HashMap::default();
        let mut nisbas: HashMap<usize, bool> = HashMap::default();
        for (i, ent) in self.entities.iter().enumerate() {
            if ent.etype != EntityType::Person {
                continue;
            }
            let Some(last) = last_of_several(&ent.name) else { continue };
            let k = name_key(last);
            if k.len() < 3 {
                continue;
            }
            nisbas.insert(i, nisba(last));
            match keys.get(&k) {
                None => {
                    keys.insert(k, Some(i));
                }
                Some(Some(o)) if *o != i => {
                    keys.insert(k, None);
                }
                _ => {}
            }
        }
        if keys.is_empty() {
            return;
        }
        let mut add = Vec::new();
        let (mut buf, mut key) = (Vec::new(), String::new());
        for toks in sentences.iter() {
            for (i, t) in toks.iter().enumerate() {
                let w = t.lower.as_str();
                if !t.cap || w.len() < 4 || t.is(NOT_NAME) || t.is(TITLES) || t.is(COUNTRIES) || t.org_head().is_some() {
                    continue;
                }
                // a lone word: not inside a run of capitals
                let prev_cap = i > 0 && toks[i - 1].cap && toks[i - 1].joined_next;
                let next_cap = i + 1 < toks.len() && toks[i + 1].cap && t.joined_next;
                if prev_cap || next_cap || !self.free((t.start, t.end)) {
                    continue;
                }
                word_key_reusing(w, &mut buf, &mut key);
                if let Some(Some(ent)) = keys.get(&key) {
                    if nisbas.get(ent).copied().unwrap_or(false) != nisba(w) {
                        continue;
                    }
                    add.push((t.start, t.end, *ent));
                }
            }
        }
        for (s, e, ent) in add {
            self.add_mention(s, e, ent);
        }
    }

    /// "the US-led coalition", "the international coalition", "coalition
    /// forces": descriptions of the anti-ISIS coalition.
    fn coalition_descriptions(&mut self) {
        let Some(entry) = self.gaz.coalition() else { return };
        let text = self.folded.text.as_str();
        let mut seen = self.by_entry.contains_key(&entry);
        let mut hits = Vec::new();
        // (the qualifiers are all the match before the final "coalition")
        for (start, end) in coalition::descriptions(text) {
            let qualified = end - start > "coalition".len();
            // (the word before: the only one the rules look at)
            let before = text[..start].split_whitespace().next_back();
            let after = text[end..].split_whitespace().next().unwrap_or("");
            let after = after.trim_matches(|c: char| !c.is_alphanumeric());
            const POLITICAL: &[&str] = &[
                "led", "ruling", "governing", "electoral", "parliamentary", "shiite", "shia", "sunni", "kurdish",
                "largest", "opposition", "winning", "political", "framework", "party", "parties", "arab", "saudi",
                "rival", "new", "broad", "grand",
            ];
            const MILITARY: &[&str] = &[
                "forces", "force", "troops", "advisers", "advisors", "personnel", "bases", "base", "aircraft", "jets",
                "warplanes", "strikes", "airstrikes", "partners", "members", "mission", "military", "soldiers",
                "spokesman", "spokesperson", "officials", "operations", "presence", "convoy", "convoys", "'s",
            ];
            if !qualified {
                if before.is_some_and(|w| POLITICAL.contains(&w)) {
                    continue;
                }
                if after == "government" {
                    continue;
                }
                let military = MILITARY.contains(&after) || text[end..].starts_with('\'');
                // "the coalition against the Islamic State group", "the coalition to defeat ISIS"
                let against_isis = {
                    let rest = text[end..].trim_start();
                    ["against ", "fighting ", "to defeat ", "to fight "]
                        .iter()
                        .find_map(|p| rest.strip_prefix(p))
                        .map(|r| r.strip_prefix("the ").unwrap_or(r))
                        .is_some_and(|r| {
                            ["islamic state", "isis", "isil", "daesh", "is"]
                                .iter()
                                .any(|n| r.strip_prefix(n).is_some_and(|t| !t.starts_with(|c: char| c.is_alphanumeric())))
                        })
                };
                if !(seen || military || against_isis) {
                    continue;
                }
            }
            seen = true;
            hits.push((start, end));
        }
        if hits.is_empty() {
            return;
        }
        let ent = self.entity_for_entry(entry);
        let hits: Vec<(usize, usize)> = hits.into_iter().map(|(s, e)| self.folded.original(s, e)).collect();
        // "US-led coalition" names the coalition, not the state inside it
        // (the descriptions do not overlap, so what one drops never
        // decides whether another is free)
        let entities = &self.entities;
        let taken = &mut self.taken;
        self.mentions.retain(|m| {
            let at = hits.partition_point(|h| h.0 <= m.0);
            let inside = at > 0 && m.1 <= hits[at - 1].1;
            let drop = inside && entities[m.2].kind.as_deref() == Some("state");
            if drop {
                taken.remove(&m.0);
            }
            !drop
        });
        for (os, oe) in hits {
            if self.free((os, oe)) {
                self.add_mention(os, oe, ent);
            }
        }
    }

    /// "the bases at Ain al-Asad and Harir": a bare word joined to a base
    /// by "and" or a comma is a base too when "<word> base" is one the
    /// dictionary knows (alone, "Harir" may be the town), unless the word
    /// names the base's province, a city first ("Erbil").
    fn coordinated_bases(&mut self) {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| Regex::new(r"^(?:,? and |, )((?:al-|Al-|el-|At-|at-)?[A-Z][\w’'-]+)\b").unwrap());
        let mut bases: Vec<(usize, usize)> =
            self.mentions.iter().filter(|m| self.entities[m.2].etype == EntityType::Base).map(|m| (m.0, m.1)).collect();
        bases.sort();
        let mut add = Vec::new();
        let mut i = 0;
        while i < bases.len() {
            let (_, e) = bases[i];
            i += 1;
            // (the pattern opens with a comma or " and ")
            if !(self.body[e..].starts_with(',') || self.body[e..].starts_with(" and ")) {
                continue;
            }
            let Some(c) = re.captures(&self.body[e..]) else { continue };
            let g = c.get(1).unwrap();
            let (s, end) = (e + g.start(), e + g.end());
            let word = g.as_str();
            // "Harir Air Base" is already a mention; a lone word only
            if !self.free((s, end)) || self.body[end..].starts_with(' ') && self.body[end + 1..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let entries: Vec<usize> = ["base", "air base", "airbase"]
                .iter()
                .flat_map(|h| self.gaz.by_key(EntityType::Base, &name_key(&format!("{word} {h}"))).to_vec())
                .collect();
            let mut uniq = entries.clone();
            uniq.sort();
            uniq.dedup();
            // "Ain al-Asad, Erbil and Baghdad": the province's own name is the city
            let province = uniq.first().and_then(|&x| self.gaz.entries[x].entity.province.as_deref());
            if uniq.len() == 1 && province.is_none_or(|p| fold_name(p) != fold_name(word)) {
                add.push((s, end, uniq[0]));
                bases.insert(i, (s, end)); // "X, Y and Z": go on from Y
            }
        }
        for (s, e, entry) in add {
            let ent = self.entity_for_entry(entry);
            if self.free((s, e)) {
                self.add_mention(s, e, ent);
            }
        }
    }

    /// "an air base in Erbil", "the airport in Baghdad": a base word and
    /// the town that names exactly one known base ("Erbil air base").
    fn bases_by_their_town(&mut self) {
        if !self.body.contains(" in ") {
            return;
        }
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(r"\b(air ?base|military base|base|airport|airfield) (?:in|near|outside|at) ((?:al-|Al-)?[A-Z][\w’'-]+)\b").unwrap()
        });
        let mut add = Vec::new();
        for c in re.captures_iter(self.body) {
            let (whole, kind, town) = (c.get(0).unwrap(), c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str());
            // not the start of a longer name ("a base in Ain al-Asad")
            if self.body[whole.end()..].starts_with(' ') && self.body[whole.end() + 1..].starts_with(|ch: char| ch.is_uppercase()) {
                continue;
            }
            let heads: &[&str] = if kind.starts_with("air") { &["air base", "airbase", "airport", "international airport"] } else { &[kind] };
            let mut entries: Vec<usize> =
                heads.iter().flat_map(|h| self.gaz.by_key(EntityType::Base, &name_key(&format!("{town} {h}"))).to_vec()).collect();
            entries.sort_unstable();
            entries.dedup();
            if entries.len() == 1 && self.free((whole.start(), whole.end())) {
                add.push((whole.start(), whole.end(), entries[0]));
            }
        }
        for (s, e, entry) in add {
            let ent = self.entity_for_entry(entry);
            if self.free((s, e)) {
                self.add_mention(s, e, ent);
            }
        }
    }

    /// "rockets were fired at Al Asad": the base, where a place word puts
    /// a name it shares with a family (see `base_not_person`).
    fn bases_named_like_people(&mut self) {
        if !self.body.contains("Asad") {
            return;
        }
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| Regex::new(r"\b(?:Al|al)[ -]Asad\b").unwrap());
        let entries = self.gaz.by_key(EntityType::Base, &name_key("Ain al-Asad Air Base")).to_vec();
        let [entry] = entries[..] else { return };
        let found: Vec<(usize, usize)> = re
            .find_iter(self.body)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, e)| base_not_person(self.body, s, e) && self.free((s, e)))
            .collect();
        for (s, e) in found {
            let ent = self.entity_for_entry(entry);
            self.add_mention(s, e, ent);
        }
    }

    /// "the Council", "the ministry": the organization of that head noun
    /// the article named last.
    fn head_noun_anaphora(&mut self) {
        let re = head_noun_re();
        let text = self.folded.text.as_str();
        let mut add = Vec::new();
        let mut by_head: Option<Vec<Vec<(usize, usize)>>> = None;
        for (at, end, k) in the_heads(text, &self.folded.words, re) {
            let (os, oe) = self.folded.original(at + "the ".len(), end);
            if !self.free((os, oe)) {
                continue;
            }
            // not the start of a longer name ("the Council of Ministers")
            let rest = &self.body[oe..];
            let next = rest.trim_start().chars().next();
            if rest.starts_with(' ') && next.is_some_and(char::is_uppercase) {
                continue;
            }
            if rest.trim_start().starts_with("of ") || rest.trim_start().starts_with("for ") {
                continue;
            }
            // the organization of that head named last before here
            let by_head = by_head.get_or_insert_with(|| self.mentions_by_head(&HEADS));
            let named = &by_head[k];
            let before = named.partition_point(|m| m.0 < os);
            if before > 0 {
                let s = named[before - 1].0;
                let first = named.partition_point(|m| m.0 < s);
                add.push((os, oe, named[first].1));
            }
        }
        for (s, e, ent) in add {
            if self.free((s, e)) {
                self.add_mention(s, e, ent);
            }
        }
    }

    /// For each head noun, the mentions of organizations with that word in
    /// their name, (start, entity) in the order of the text.
    fn mentions_by_head(&self, heads: &[&str]) -> Vec<Vec<(usize, usize)>> {
        debug_assert!(heads.len() <= 32);
        // entity -> the heads among the words of its name, a bit each
        // (the words are looked at in place, not copied out one by one)
        let mut has: Vec<Option<u32>> = vec![None; self.entities.len()];
        let mut out = vec![Vec::new(); heads.len()];
        // (one buffer for every name folded: only its words are looked at,
        // which trimming would not change)
        let mut folded = String::new();
        for &(s, _, ent) in &self.mentions {
            let e = &self.entities[ent];
            if e.etype != EntityType::Organization {
                continue;
            }
            let has = *has[ent].get_or_insert_with(|| {
                fold::fold_words_into(&e.name, &mut folded);
                let mut bits = 0;
                for w in folded.split(|c: char| !c.is_alphanumeric()) {
                    if let Some(k) = heads.iter().position(|h| *h == w) {
                        bits |= 1 << k;
                    }
                }
                bits
            });
            for (k, v) in out.iter_mut().enumerate() {
                if has & (1 << k) != 0 {
                    v.push((s, ent));
                }
            }
        }
        for v in out.iter_mut() {
            v.sort_by_key(|m| m.0);
        }
        out
    }

    /// Drops what must not be stored (a state named by anything but a
    /// country's name), keeps only mentioned entities, orders mentions.
    fn finish(mut self) -> (Vec<Entity>, Vec<Mention>) {
        let entities = &self.entities;
        self.mentions.retain(|&(s, e, ent)| {
            let en = &entities[ent];
            en.kind.as_deref() != Some("state") || is_in(COUNTRIES, &fold_name(&self.body[s..e]).replace('.', ""))
        });
        self.mentions.sort_by_key(|m| (m.0, m.1));
        let mut remap: Vec<Option<usize>> = vec![None; self.entities.len()];
        let mut out_entities = Vec::with_capacity(self.entities.len());
        let mut out_mentions = Vec::with_capacity(self.mentions.len());
        for &(s, e, ent) in &self.mentions {
            let idx = *remap[ent].get_or_insert_with(|| {
                // (each entity is taken once, and the article is done with it)
                out_entities.push(std::mem::take(&mut self.entities[ent]));
                out_entities.len() - 1
            });
            out_mentions.push(Mention { entity: idx, start: s, end: e });
        }
        (out_entities, out_mentions)
    }
}

/// For every entity, the one whose name it is the short form of: a
/// discovered name (not a base's) that ends the name of exactly one other
/// entity of its type at a word boundary.
/// (The few discovered names are compared with the endings of the others,
/// where every ending of every name went into a hash map, and only the
/// names of the types they have are folded.)
fn short_forms(entities: &[Entity]) -> Vec<Option<usize>> {
    let n = entities.len();
    let mut into: Vec<Option<usize>> = vec![None; n];
    let short = |e: &Entity| !e.known && e.etype != EntityType::Base;
    if !entities.iter().any(short) {
        return into;
    }
    let folded: Vec<Option<String>> = entities
        .iter()
        .map(|e| entities.iter().any(|b| short(b) && b.etype == e.etype).then(|| fold_name(&e.name)))
        .collect();
    for (b, eb) in entities.iter().enumerate() {
        if !short(eb) {
            continue;
        }
        let fb = folded[b].as_deref().expect("folded: a type with a short form");
        let mut longer = entities.iter().enumerate().filter(|&(a, ea)| {
            let fa = folded[a].as_deref().unwrap_or("");
            ea.etype == eb.etype && fa.len() > fb.len() && fa.ends_with(fb) && fa.as_bytes()[fa.len() - fb.len() - 1] == b' '
        });
        if let (Some((a, _)), None) = (longer.next(), longer.next()) {
            into[b] = Some(a);
        }
    }
    into
}

/// The head nouns that "the <head>" takes up again.
const HEADS: [&str; 9] = ["council", "commission", "committee", "ministry", "army", "parliament", "command", "agency", "court"];

/// "the council", "the ministry" in folded text.
fn head_noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\bthe ({})\b", HEADS.join("|"))).unwrap())
}

/// The matches of `re`, which is `\bthe (HEADS...)\b`, in the folded text
/// whose runs of word bytes are `runs`: (start, end, head).
/// (A match opens with "the" at the end of a run, before a space: the runs
/// are looked at, where the pattern's search took a step at every byte.)
fn the_heads<'t>(text: &'t str, runs: &'t [(usize, usize)], re: &'t Regex) -> impl Iterator<Item = (usize, usize, usize)> + 't {
    let bytes = text.as_bytes();
    runs.iter()
        .filter(move |&&(s, e)| e - s >= 3 && bytes[e - 3] == b't' && bytes[e - 2] == b'h' && bytes[e - 1] == b'e' && bytes.get(e) == Some(&b' '))
        .filter_map(move |&(_, e)| the_head(text, e - 3, &HEADS, re).map(|(end, k)| (e - 3, end, k)))
}

/// Whether the word at `start..end` of `body` stands between capitalized
/// words of another name: a capitalized word right before it that is no
/// title ("Saddam Hussein"), or right after it ("Hussein International").
fn inside_other_name(body: &str, start: usize, end: usize) -> bool {
    let capital_word = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
    let before = body[..start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).unwrap_or("");
    let after = body[end..].strip_prefix(' ').and_then(|a| a.split(' ').next()).unwrap_or("");
    // (a word that closes the sentence before, "in Baghdad.", is not joined;
    // the title list is asked, with a lower-cased copy, only of a joined capital)
    let joined = before.chars().next_back().is_some_and(char::is_alphanumeric);
    (joined && capital_word(before) && !is_in(TITLES, &before.to_lowercase())) || capital_word(after)
}

/// The last word of a name of two words or more (a surname, or the last
/// word of an organization's name); none of a one-word name.
fn last_of_several(name: &str) -> Option<&str> {
    let mut w = name.split_whitespace();
    w.next_back().filter(|_| w.next().is_some())
}

/// `re`, which is `\bthe (heads...)\b`, matching at `at` of the folded
/// text, where "the " is: the end of the match and the head's index.
/// (With ASCII on both sides the word boundaries are plain to see; a
/// character of another script next to the match is left to `re`.)
fn the_head(text: &str, at: usize, heads: &[&str], re: &Regex) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // a word character of the pattern's `\b`, of an ASCII byte
    let word = crate::extract::text::word_byte;
    let by_pattern = || {
        let m = re.find_at(text, at).filter(|m| m.start() == at)?;
        let head = &text[at + "the ".len()..m.end()];
        Some((m.end(), heads.iter().position(|h| *h == head).expect("a head of the pattern")))
    };
    match at.checked_sub(1).map(|p| bytes[p]) {
        Some(b) if b >= 0x80 => return by_pattern(),
        Some(b) if word(b) => return None,
        _ => {}
    }
    let from = at + "the ".len();
    // (the byte after "the " rules out most heads before any comparison)
    let first = bytes.get(from).copied();
    for (k, h) in heads.iter().enumerate() {
        if h.as_bytes().first().copied() != first || !bytes[from..].starts_with(h.as_bytes()) {
            continue;
        }
        let end = from + h.len();
        match bytes.get(end) {
            Some(&b) if b >= 0x80 => return by_pattern(),
            Some(&b) if word(b) => {}
            _ => return Some((end, k)),
        }
    }
    None
}

/// Where a lower-case description of a coalition ends and its complement
/// begins: "international coalition | to fight | ISIS". Returns the folded
/// end of the description and the folded start of the complement.
fn split_description(folded: &Folded, body: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\bcoalition (?:to fight |to defeat |to counter |to combat |against |fighting |battling )(?:the )?").unwrap()
    });
    let text = &folded.text[s..e];
    if !text.contains("coalition ") {
        return None; // (what the pattern cannot do without)
    }
    let m = re.find(text)?;
    let cut = s + m.start() + "coalition".len();
    let (os, _) = folded.original(s + m.start(), s + m.start() + 1);
    if !body[os..].starts_with('c') || s + m.end() >= e {
        return None; // "Coalition to Defeat ISIS" is a proper name
    }
    Some((cut, s + m.end()))
}

/// A descriptive name in lower case ("US military", "American troops")
/// that does not name the body here: it describes people ("US personnel",
/// "US service members"), or it modifies a noun ("a US military aircraft",
/// "the U.S. military presence").
/// A base known by its town's name ("Shaddadi", "Rmeilan") where the text
/// speaks of the town: "in the town of Shaddadi", "Rmeilan countryside".
fn town_not_base(body: &str, start: usize, end: usize) -> bool {
    let surface = body[start..end].to_lowercase();
    const BASE_WORDS: &[&str] = &[
        "base", "airbase", "airfield", "airport", "camp", "garrison", "site", "landing", "station", "outpost", "post",
        "zone", "field", "lz", "mss", "tower", "facility", "complex",
    ];
    if surface.split(|c: char| !c.is_alphanumeric()).any(|w| BASE_WORDS.contains(&w)) {
        return false;
    }
    let before = lower_before(body, start);
    let before = before.trim_end_matches("the").trim_end();
    let town_before = ["town of", "city of", "village of", "countryside of", "outskirts of", "district of", "subdistrict of", "residents of", "people of", "center of", "centre of"]
        .iter()
        .any(|p| before.ends_with(p));
    let next = body[end..].split_whitespace().next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let town_after = body[end..].starts_with(' ')
        && matches!(next.as_str(), "town" | "city" | "countryside" | "district" | "subdistrict" | "village" | "residents");
    town_before || town_after
}

/// The few words before `start` (40 bytes at most, from a character
/// boundary), lower-cased, without the spaces before it.
fn lower_before(body: &str, start: usize) -> String {
    let mut from = start.saturating_sub(40);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    body[from..start].trim_end().to_lowercase()
}

/// A base's short name that is also a family's ("Al Asad", "al-Asad",
/// for Ain al-Asad air base), where a place word or the verb that struck
/// it comes right before: "fired missiles at Al Asad", "rockets struck
/// al-Asad". Not the start of a longer name ("Al Asad Air Base" is the
/// dictionary's) nor a possessive ("al-Asad's palace").
fn base_not_person(body: &str, start: usize, end: usize) -> bool {
    // (the name after its particle, as a surname is matched: "al-Asad")
    let start = if &body[start..end] == "Asad" {
        ["al-", "Al-", "al ", "Al "].iter().find(|p| body[..start].ends_with(**p)).map_or(start, |p| start - p.len())
    } else {
        start
    };
    let surface = &body[start..end];
    if !matches!(surface, "Al Asad" | "al-Asad" | "Al-Asad" | "al Asad") {
        return false;
    }
    let rest = &body[end..];
    if rest.starts_with(['\'', '’']) || rest.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())) {
        return false;
    }
    let before = body[..start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(
        word,
        "at" | "on" | "to" | "from" | "near" | "toward" | "towards" | "into" | "inside" | "outside" | "targeted" | "targeting" | "hit" | "struck"
            | "attacked"
    )
}

/// A person's one-word name that is also a town's, where the text speaks
/// of the town: "the area of al-Baghdadi, a town near the base".
fn town_not_person(body: &str, start: usize, end: usize) -> bool {
    if body[start..end].contains(' ') {
        return false;
    }
    let before = lower_before(body, start);
    // (the name's particle, when the name matched is the rest of it)
    let before = before.strip_suffix("al-").unwrap_or(&before);
    let before = before.trim_end_matches("the").trim_end();
    let town_before = ["town of", "city of", "village of", "area of", "outskirts of", "district of", "subdistrict of", "residents of"]
        .iter()
        .any(|p| before.ends_with(p));
    let mut to = (end + 20).min(body.len());
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    let after = body[end..to].to_lowercase();
    // ("Sadr City residents": the district named after the family)
    let town_after = [", a town", ", a city", ", a village", ", a district", ", a small town", " town", " district", " city"].iter().any(|p| after.starts_with(p));
    town_before || town_after
}

fn descriptor_not_naming(body: &str, start: usize, end: usize) -> bool {
    let surface = &body[start..end];
    let last = surface.rsplit(' ').next().unwrap_or("");
    if !last.chars().next().is_some_and(char::is_lowercase) {
        return false; // a proper name ("Iraqi Army")
    }
    if matches!(last, "personnel" | "members") {
        return true;
    }
    const MODIFIED: &[&str] = &[
        "aircraft", "presence", "statement", "statements", "activity", "official", "officials", "operation",
        "operations", "base", "bases", "personnel", "adviser", "advisers", "advisor", "advisors", "spokesman",
        "spokesperson", "spokeswoman", "convoy", "convoys", "vehicle", "vehicles", "commander", "commanders",
        "source", "sources", "leader", "leaders", "leadership", "equipment", "footprint", "mission", "role",
        "support", "assistance", "action", "actions", "campaign", "strike", "strikes", "airstrike",
        "airstrikes", "jet", "jets", "plane", "planes", "drone", "drones", "installation", "installations",
        "facility", "facilities", "site", "sites", "position", "positions", "withdrawal", "deployment",
        "contractor", "contractors", "member", "members", "service", "helicopter", "helicopters", "training",
        "cooperation", "partnership", "officer", "officers", "chief", "command", "analyst", "analysts",
        "expert", "experts", "trainers", "police", "intelligence", "assets", "target", "targets", "response",
        "retaliation", "units", "unit", "patrol", "patrols", "raid", "raids", "casualties", "deaths", "presence.",
        "involvement", "plan", "plans", "planners", "doctrine", "buildup", "build-up", "posture",
    ];
    let next = body[end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    body[end..].starts_with(' ') && MODIFIED.contains(&next)
}

/// The start of a person's name after any titles a dictionary alias carries.
fn skip_titles(body: &str, start: usize, end: usize) -> usize {
    let mut s = start;
    loop {
        let rest = &body[s..end];
        let Some((word, after)) = rest.split_once(' ') else { return s };
        let w = word.to_lowercase();
        if !(is_in(TITLES, &w) || is_in(TITLES, w.trim_end_matches('.'))) || after.is_empty() {
            return s;
        }
        s += word.len() + 1;
    }
}

/// A base's name without its head words, when what is left still names it.
fn base_short_form(name: &str) -> Option<String> {
    let w: Vec<&str> = name.split_whitespace().collect();
    let heads = ["base", "airbase", "air", "military", "airfield", "garrison", "army"];
    let mut end = w.len();
    while end > 0 && heads.contains(&w[end - 1].to_lowercase().as_str()) {
        end -= 1;
    }
    if end == w.len() || end == 0 {
        return None;
    }
    let rest = &w[..end];
    let has_particle = rest.iter().any(|x| {
        let l = x.to_lowercase();
        is_in(PARTICLES, &l) || l.split_once(|c: char| fold::is_hyphen(c)).is_some_and(|(p, _)| is_in(PARTICLES, p))
    });
    (rest.len() >= 2 || has_particle).then(|| rest.join(" "))
}

enum Cand {
    Dict(usize),
    Found(Found),
}

#[cfg(test)]
mod tests;
