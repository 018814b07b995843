//! Pure text-to-structs extraction: no database, no files. Every stage takes
//! the normalized article body and what earlier stages found, and returns
//! plain data, so that stages are easy to test, benchmark and run in parallel.
//!
//! Offsets inside this module are *byte* offsets into the body (what Rust
//! slices by). The store and `kb extract` convert them to character offsets,
//! which is what the database contract and outside tools count in.

/// A table of the bytes `|c| test` holds for, built at compile time: the
/// scanners ask it of every byte of a text, one load each.
macro_rules! byte_table {
    (|$c:ident| $test:expr) => {{
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            let $c = i as u8;
            t[i] = $test;
            i += 1;
        }
        t
    }};
}

pub mod dates;
pub mod dictionary;
pub mod events;
pub mod names;
pub mod text;

use serde::Serialize;

pub use dates::{DateMention, Precision};
pub use dictionary::{DictEntry, Gazetteer};
pub use events::{Event, EventKind, Participant, Role};

/// The three kinds of named thing the knowledge base keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    #[default]
    Organization,
    Base,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Base => "base",
        }
    }
    pub fn table(self) -> &'static str {
        match self {
            EntityType::Person => "people",
            EntityType::Organization => "organizations",
            EntityType::Base => "bases",
        }
    }
    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "person" => Some(EntityType::Person),
            "organization" => Some(EntityType::Organization),
            "base" => Some(EntityType::Base),
            _ => None,
        }
    }
}

/// A sentence of the body: `body[start..end]` (byte offsets), trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// An entity as one article knows it: its canonical name, the attributes
/// the dictionary or the text gave, and the aliases the article taught
/// (an acronym defined in the text, a full name a short form resolved to).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Entity {
    pub etype: EntityType,
    pub name: String,
    /// people: their role ("Iraqi Prime Minister")
    pub role: Option<String>,
    /// organizations: kind (SCHEMA.md: government, military, armed_group, ...)
    pub kind: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
    pub province: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// other names for it learnt from this article (not the dictionary's)
    pub aliases: Vec<String>,
    /// true when the entity came from the dictionary (or the db's aliases)
    pub known: bool,
}

/// One place the article names an entity: `body[start..end]` is the surface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// index into `Extraction::entities`
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
}

/// Runs every stage over one normalized body. `published` is the article's
/// publication date (the document creation time), when known.
pub fn extract(body: &str, published: Option<jiff::civil::Date>, gazetteer: &Gazetteer) -> Extraction {
    let sentences = text::sentences(body);
    let (entities, mentions) = names::recognize(body, &sentences, gazetteer);
    let dates = dates::find_dates(body, &sentences, published);
    let events = events::find_events(&events::Input {
        body,
        sentences: &sentences,
        entities: &entities,
        mentions: &mentions,
        dates: &dates,
        published,
    });
    Extraction { sentences, entities, mentions, dates, events }
}

#[cfg(test)]
mod dictionary_data_tests;

/// A small deterministic generator (xorshift) for the tests that compare
/// a fast search with its reference over many generated texts.
#[cfg(test)]
pub(crate) fn test_rng() -> impl FnMut() -> u64 {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

/// A text of `n` pieces drawn by `next` from `pieces`, for the same tests.
#[cfg(test)]
pub(crate) fn test_text(next: &mut impl FnMut() -> u64, pieces: &[&str], n: usize) -> String {
    (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()
}
