//! Date expressions and their resolution against the publication date, the
//! way HeidelTime's news mode does it.

use super::Sentence;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date expression: `body[start..end]` (bytes) is its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// ISO value at its precision (`2024-01-23`, `2024-01`, `2024`; a week
    /// as its Monday), or None when it cannot be resolved (no DCT)
    pub value: Option<String>,
    pub precision: Option<Precision>,
    /// index of the sentence it stands in
    pub sentence: usize,
}

/// Finds and resolves every date expression in the body.
pub fn find_dates(_body: &str, _sentences: &[Sentence], _published: Option<jiff::civil::Date>) -> Vec<DateMention> {
    Vec::new()
}
