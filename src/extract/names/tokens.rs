//! Words of a sentence with what the name rules need to know about each:
//! its capitalization, a possessive ending, and the gap to the next word.

use super::fold::{is_apostrophe, is_hyphen};
use super::lexicon::{is_in, PARTICLES, TITLES};
use crate::extract::Sentence;

#[derive(Debug, Clone)]
pub struct Tok {
    /// byte range of the word in the body (without a possessive ending)
    pub start: usize,
    pub end: usize,
    /// folded, lower-case form ("al-sudani", "gen.", "u.s.")
    pub lower: String,
    /// first letter upper case ("Sudani", "U.S."), or a particle joined to
    /// a capitalized word ("al-Sudani")
    pub cap: bool,
    /// followed by a possessive ending ("Iraq’s", "Perthes’")
    pub possessive: bool,
    /// first word of its sentence
    pub initial: bool,
    /// true when only spaces separate this word from the next one
    pub joined_next: bool,
}

impl Tok {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits one sentence into words.
pub fn tokenize(body: &str, s: Sentence) -> Vec<Tok> {
    let text = &body[s.start..s.end];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|x| x.1);
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_word_char(chars[i].1) {
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
                    if at(j + 1).is_some_and(is_word_char) && (c != '.' || j - ws == 1 || chars[j - 2].1 == '.') {
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
        let word: String = chars[ws..end].iter().map(|x| x.1).collect();
        let mut lower = super::fold::fold_name(&word).replace(' ', "-");
        // a stop that belongs to the word: "Gen.", "U.S.", an initial "F."
        if at(end) == Some('.') {
            let with_stop = format!("{lower}.");
            let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let dotted = word.contains('.');
            if is_in(TITLES, &with_stop) || single_capital || dotted {
                end += 1;
                lower = with_stop;
            }
        }
        if word.contains('.') {
            lower = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
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
        let particle_joined = word
            .split_once(|c: char| is_hyphen(c))
            .is_some_and(|(p, rest)| is_in(PARTICLES, &p.to_lowercase()) && rest.chars().next().is_some_and(char::is_uppercase));
        let start_b = s.start + chars[ws].0;
        let end_b = s.start + if end < n { chars[end].0 } else { text.len() };
        // the gap to the next word: only spaces?
        let mut k = next;
        while k < n && chars[k].1 == ' ' {
            k += 1;
        }
        let joined_next = k > next && k < n && is_word_char(chars[k].1);
        out.push(Tok {
            start: start_b,
            end: end_b,
            lower,
            cap: first.is_uppercase() || particle_joined,
            possessive,
            initial: out.is_empty(),
            joined_next,
        });
        i = next.max(j);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, Sentence { start: 0, end: s.len() })
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
        let t = tokenize(s, Sentence { start: 0, end: s.len() });
        assert!(t[0].joined_next);
        assert!(!t[1].joined_next);
    }
}
