//! Words of a sentence with what the name rules need to know about each:
//! its capitalization, a possessive ending, and the gap to the next word.

use std::borrow::Cow;
use std::ops::Deref;

use super::fold::{is_apostrophe, is_hyphen};
use super::lexicon::{entry, is_in, is_in_entry, Word, WordList, PARTICLES, TITLES};
use crate::extract::Sentence;

/// A word's lower-case form: most words of running text are already lower
/// case in the body and are borrowed from it rather than copied.
#[derive(Debug, Clone, PartialEq)]
pub struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// byte range of the word in the body (without a possessive ending)
    pub start: usize,
    pub end: usize,
    /// folded, lower-case form ("al-sudani", "gen.", "u.s.")
    pub lower: Lower<'a>,
    /// first letter upper case ("Sudani", "U.S."), or a particle joined to
    /// a capitalized word ("al-Sudani")
    pub cap: bool,
    /// followed by a possessive ending ("Iraq’s", "Perthes’")
    pub possessive: bool,
    /// first word of its sentence
    pub initial: bool,
    /// true when only spaces separate this word from the next one
    pub joined_next: bool,
    /// what the word lists say about `lower`
    pub lex: Option<&'static Word>,
}

impl Tok<'_> {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }

    /// `is_in(list, &self.lower)`, without looking the word up again
    pub fn is<L: WordList + ?Sized>(&self, list: &L) -> bool {
        is_in_entry(list, &self.lower, || self.lex)
    }

    /// `org_head_kind(&self.lower)`
    pub fn org_head(&self) -> Option<&'static str> {
        self.lex.and_then(|w| w.org_head)
    }

    /// `nationality(&self.lower)`
    pub fn nationality(&self) -> Option<&'static str> {
        self.lex.and_then(|w| w.nationality)
    }
}

/// "1st", "82nd", "101st": an ordinal opens unit names ("1st Armored
/// Division") as a capital would.
fn is_ordinal(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

fn is_word_char(c: char) -> bool {
    // (general punctuation, the curly quotes and dashes that make most
    // sentences non-ASCII, holds no letter or digit: no table to look up)
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// Splits one sentence into words. `lower` is the body with its ASCII
/// letters in lower case (`str::to_ascii_lowercase`), byte for byte the
/// body's layout: the lower-case form of most words is a slice of it, not a
/// copy of their own.
pub fn tokenize<'a>(body: &'a str, lower: &'a str, s: Sentence) -> Vec<Tok<'a>> {
    tokenize_with(body, lower, s, &mut Vec::new())
}

/// Splits every sentence into words, with one character buffer for all.
pub fn tokenize_all<'a>(body: &'a str, lower: &'a str, sentences: &[Sentence]) -> Vec<Vec<Tok<'a>>> {
    let mut chars = Vec::new();
    sentences.iter().map(|&s| tokenize_with(body, lower, s, &mut chars)).collect()
}

/// The characters of a sentence by index: an ASCII sentence (most of them)
/// is read straight from its bytes, any other from a decoded copy.
trait Chars {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> Option<char>;
    /// byte offset of character `i` (the text's length past the end)
    fn byte(&self, i: usize) -> usize;
}

struct Ascii<'a>(&'a [u8]);

impl Chars for Ascii<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> Option<char> {
        self.0.get(i).map(|&b| b as char)
    }
    fn byte(&self, i: usize) -> usize {
        i.min(self.0.len())
    }
}

struct Decoded<'a>(&'a [(usize, char)], usize);

impl Chars for Decoded<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> Option<char> {
        self.0.get(i).map(|x| x.1)
    }
    fn byte(&self, i: usize) -> usize {
        self.0.get(i).map_or(self.1, |x| x.0)
    }
}

fn tokenize_with<'a>(body: &'a str, lower: &'a str, s: Sentence, buf: &mut Vec<(usize, char)>) -> Vec<Tok<'a>> {
    debug_assert_eq!(body.len(), lower.len());
    let text = &body[s.start..s.end];
    let lower = &lower[s.start..s.end];
    if text.is_ascii() {
        return words(text, lower, s.start, &Ascii(text.as_bytes()));
    }
    buf.clear();
    buf.extend(text.char_indices());
    words(text, lower, s.start, &Decoded(buf, text.len()))
}

fn words<'a>(text: &'a str, lower_text: &'a str, offset: usize, chars: &impl Chars) -> Vec<Tok<'a>> {
    let n = chars.len();
    let at = |i: usize| chars.at(i);
    let byte = |i: usize| chars.byte(i);
    let mut out: Vec<Tok> = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        if !at(i).is_some_and(is_word_char) {
            i += 1;
            continue;
        }
        let ws = i;
        let mut j = i + 1;
        loop {
            match at(j) {
                Some(c) if is_word_char(c) => j += 1,
                Some(c) if (is_hyphen(c) && c != '–' && c != '—') || c == '.' => {
                    // inner hyphen ("al-Sudani") or the stops of "U.S."
                    if at(j + 1).is_some_and(is_word_char) && (c != '.' || j - ws == 1 || at(j - 2) == Some('.')) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                Some(c) if is_apostrophe(c) => {
                    // "Kata’ib": an apostrophe between letters that is not a possessive
                    let possessive = matches!(at(j + 1), Some('s') | Some('S')) && !at(j + 2).is_some_and(is_word_char);
                    if !possessive && at(j + 1).is_some_and(is_word_char) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let mut end = j; // char index after the word
        let word: &'a str = &text[byte(ws)..byte(end)];
        // what the word is made of, in one look at its bytes
        let (mut ascii, mut apostrophe, mut dotted, mut upper, mut dash) = (true, false, false, false, false);
        for b in word.bytes() {
            ascii &= b < 0x80;
            apostrophe |= b == b'\'';
            dotted |= b == b'.';
            upper |= b.is_ascii_uppercase();
            dash |= b == b'-';
        }
        let (wb, we) = (byte(ws), byte(end));
        let plain = ascii && !apostrophe;
        let mut lower: Cow<'a, str> = if plain {
            Cow::Borrowed(if upper { &lower_text[wb..we] } else { word })
        } else {
            Cow::Owned(super::fold::fold_name(word).replace(' ', "-"))
        };
        // a stop that belongs to the word: "Gen.", "U.S.", an initial "F."
        if at(end) == Some('.') {
            // (the stop is the byte after a plain word in the lower-case text)
            let with_stop: Cow<'a, str> = if plain { Cow::Borrowed(&lower_text[wb..we + 1]) } else { Cow::Owned(format!("{lower}.")) };
            let mut letters = word.chars();
            let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
            if is_in(TITLES, &with_stop) || single_capital || dotted {
                end += 1;
                lower = with_stop;
            }
        }
        if dotted {
            lower = Cow::Owned(word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect());
        }
        let mut next = end;
        let mut possessive = false;
        if at(next).is_some_and(is_apostrophe) {
            if matches!(at(next + 1), Some('s') | Some('S')) && !at(next + 2).is_some_and(is_word_char) {
                possessive = true;
                next += 2;
            } else if word.ends_with(['s', 'S']) && !at(next + 1).is_some_and(is_word_char) {
                possessive = true; // "Perthes’ assessment"
                next += 1;
            } else if at(next + 1) == Some(' ') && at(next + 2).is_some_and(|c| c.is_uppercase() || c == 'a' || c == 'e') {
                // "Dhiya’ Zawba", "Shia’ al-Sudani": a transliterated ayn or hamza
                end += 1;
                next += 1;
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        let particle_joined = (dash || !ascii) && word.split_once(|c: char| is_hyphen(c)).is_some_and(|(p, rest)| {
            let lower_p = if p.is_ascii() { Cow::Borrowed(&lower_text[wb..wb + p.len()]) } else { Cow::Owned(p.to_lowercase()) };
            rest.chars().next().is_some_and(char::is_uppercase) && is_in(PARTICLES, &lower_p)
        });
        let start_b = offset + byte(ws);
        let end_b = offset + byte(end);
        // the gap to the next word: only spaces?
        let mut k = next;
        while k < n && at(k) == Some(' ') {
            k += 1;
        }
        let joined_next = k > next && k < n && at(k).is_some_and(is_word_char);
        let lex = entry(&lower);
        out.push(Tok {
            start: start_b,
            end: end_b,
            lower: Lower(lower),
            cap: first.is_uppercase() || particle_joined || (first.is_ascii_digit() && is_ordinal(word)),
            possessive,
            initial: out.is_empty(),
            joined_next,
            lex,
        });
        i = next.max(j);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, &s.to_ascii_lowercase(), Sentence { start: 0, end: s.len() })
            .iter()
            .map(|t| format!("{}{}{}", t.text(s), if t.possessive { "'s" } else { "" }, if t.cap { "^" } else { "" }))
            .collect()
    }

    #[test]
    fn keeps_particles_abbreviations_and_ayn() {
        assert_eq!(
            words("Gen. Brad Cooper met al-Sudani’s aide Dhiya’ Zawba in the U.S. today."),
            vec!["Gen.^", "Brad^", "Cooper^", "met", "al-Sudani's^", "aide", "Dhiya’^", "Zawba^", "in", "the", "U.S.^", "today"]
        );
    }

    #[test]
    fn plural_possessive_is_not_part_of_the_word() {
        assert_eq!(words("Perthes’ plan"), vec!["Perthes's^", "plan"]);
        assert_eq!(words("Kata’ib Hizbollah"), vec!["Kata’ib^", "Hizbollah^"]);
    }

    #[test]
    fn records_gaps() {
        let s = "Ian McCarry, the envoy";
        let lower = s.to_ascii_lowercase();
        let t = tokenize(s, &lower, Sentence { start: 0, end: s.len() });
        assert!(t[0].joined_next);
        assert!(!t[1].joined_next);
    }
}
