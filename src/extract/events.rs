//! Events: what happened, when, where and to whom, from trigger words and
//! the sentence's entities, dates and numbers.

use super::{DateMention, Entity, Mention, Precision, Sentence};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Attack,
    Strike,
    Meeting,
    Statement,
    Announcement,
    Casualty,
    Withdrawal,
    Other,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Attack => "attack",
            EventKind::Strike => "strike",
            EventKind::Meeting => "meeting",
            EventKind::Statement => "statement",
            EventKind::Announcement => "announcement",
            EventKind::Casualty => "casualty",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Actor,
    Target,
    Speaker,
    Participant,
    Location,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Actor => "actor",
            Role::Target => "target",
            Role::Speaker => "speaker",
            Role::Participant => "participant",
            Role::Location => "location",
        }
    }
}

/// An entity taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// index into the article's entities
    pub entity: usize,
    pub role: Role,
}

/// One event as one sentence of one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// ISO value at its precision, or None
    pub date: Option<String>,
    pub precision: Option<Precision>,
    /// the words that gave the date (kept even when it cannot be resolved)
    pub date_text: Option<String>,
    /// index of the sentence that reports it
    pub sentence: usize,
    /// index into the article's entities of the base where it happened
    pub base: Option<usize>,
    /// a named place (city, province, country) when no base is named
    pub place: Option<String>,
    pub killed: Option<i64>,
    pub injured: Option<i64>,
    /// an aggregate claim: "about 150 attacks"
    pub reported_count: Option<i64>,
    /// "about", "more than", "over" ...
    pub count_qualifier: Option<String>,
    /// the period of an aggregate claim: "since mid-October"
    pub count_period: Option<String>,
    pub participants: Vec<Participant>,
    /// a short one-line description
    pub summary: String,
}

/// What the events stage reads.
pub struct Input<'a> {
    pub body: &'a str,
    pub sentences: &'a [Sentence],
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    pub dates: &'a [DateMention],
    pub published: Option<jiff::civil::Date>,
}

/// Finds the events the article reports.
pub fn find_events(_input: &Input) -> Vec<Event> {
    Vec::new()
}
