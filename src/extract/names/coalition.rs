//! The search for lower-case descriptions of the coalition ("us led
//! coalition") in folded text, written out by hand: nearly every article
//! says "coalition" many times, and a regex scan of the whole text cost
//! more than finding the word and reading the few words before it.

use crate::extract::text::word_byte;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// The words that may qualify "coalition", each followed in a description
/// by an optional " led", a space and an optional "military ". None ends
/// with another, nor with "led" or "military", so the words before a
/// "coalition" can be read backwards one way only.
const QUALIFIERS: &[&str] = &[
    "us", "united states", "washington", "american", "america", "international", "global", "multinational",
    "western", "anti isis", "anti is", "anti daesh", "anti jihadist", "anti terror", "anti terrorism",
];

/// Whether a word character (Unicode `\w`, as the regex `\b` reads it)
/// ends `text[..i]`.
fn word_before(text: &str, i: usize) -> bool {
    match text.as_bytes()[..i].last() {
        None => false,
        Some(&b) if b.is_ascii() => word_byte(b),
        Some(_) => text[..i].chars().next_back().is_some_and(regex_syntax::is_word_character),
    }
}

/// Whether a word character begins `text[i..]`.
fn word_after(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b.is_ascii() => word_byte(b),
        Some(_) => text[i..].chars().next().is_some_and(regex_syntax::is_word_character),
    }
}

/// Where the qualifier ("us ", "anti isis led military ") that ends at
/// `x` begins, if one does.
fn qualifier_before(text: &str, x: usize) -> Option<usize> {
    let mut s = &text[..x];
    if let Some(rest) = s.strip_suffix(" military ") {
        s = &s[..rest.len() + 1];
    }
    s = s.strip_suffix(' ')?;
    if let Some(rest) = s.strip_suffix(" led") {
        s = rest;
    }
    QUALIFIERS.iter().find(|q| s.ends_with(*q)).map(|q| s.len() - q.len())
}

/// The spans of `\b((?:(?:us|united states|...)(?: led)? (?:military )?)*)coalition\b`
/// in `text`, leftmost first, as the regex finds them: each "coalition"
/// that stands as a word, with the longest run of qualifiers before it
/// that starts a word.
pub(super) fn descriptions(text: &str) -> Vec<(usize, usize)> {
    static WORD: OnceLock<AhoCorasick> = OnceLock::new();
    let word = WORD.get_or_init(|| AhoCorasick::new(["coalition"]).unwrap());
    let mut out = Vec::new();
    for m in word.find_iter(text) {
        let (c, e) = (m.start(), m.end());
        if word_after(text, e) {
            continue;
        }
        let mut start = c;
        while let Some(q) = qualifier_before(text, start) {
            if word_before(text, q) {
                break;
            }
            start = q;
        }
        if start == c && word_before(text, c) {
            continue;
        }
        out.push((start, e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        let re = Regex::new(
            r"\b((?:(?:us|united states|washington|american|america|international|global|multinational|western|anti isis|anti is|anti daesh|anti jihadist|anti terror|anti terrorism)(?: led)? (?:military )?)*)coalition\b",
        )
        .unwrap();
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn known_descriptions() {
        let t = "the us led coalition and the anti isis led military coalition, coalitions, bus coalition, xcoalition";
        assert_eq!(descriptions(t), by_regex(t));
        assert_eq!(descriptions(t)[0], (4, 20));
        assert_eq!(descriptions(t).len(), 3);
    }

    /// Texts made of pieces that the description is built of, of near
    /// misses and of characters at word edges, against the regex.
    #[test]
    fn the_same_spans_as_the_regex() {
        const PIECES: &[&str] = &[
            "coalition", "coalitions", "us", "united", "states", "led", "military", "anti", "isis", "is", "terror",
            "terrorism", "america", "american", "global", "western", "bus", "paramilitary", " ", " ", " ", "  ", ",",
            "(", "-", "'", "_", "é", "ß", "\u{301}", "1", "x", ".", "daesh", "jihadist", "international",
            "multinational", "washington", "national",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..20_000 {
            let n = (next() % 14) as usize;
            let mut t = String::new();
            for _ in 0..n {
                let p = PIECES[(next() % PIECES.len() as u64) as usize];
                t.push_str(p);
                if !next().is_multiple_of(3) {
                    t.push(' ');
                }
            }
            assert_eq!(descriptions(&t), by_regex(&t), "{t:?}");
        }
    }
}
