//! Words of a sentence with what the name rules need to know about each:
//! its capitalization, a possessive ending, and the gap to the next word.

use std::borrow::Cow;
use std::ops::Deref;

// (`ASCII_ALNUM` is `is_word_char` of the ASCII characters, by byte)
use super::fold::{is_apostrophe, is_hyphen, ASCII_ALNUM};
use super::lexicon::{entry, entry_in_place, is_in, is_in_entry, Word, WordList, PARTICLES, TITLES};
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

/// Of every byte: `LOWER` for an ASCII lower-case letter or digit, `UPPER`
/// for an ASCII capital, 0 for any other byte (one not part of an ASCII
/// word): the scan of a word learns whether it has a capital as it goes.
static ASCII_CASE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() { UPPER } else if c.is_ascii_alphanumeric() { LOWER } else { 0 };
        b += 1;
    }
    t
};
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// Splits one sentence into words. `lower` is the body with its ASCII
/// letters in lower case (`str::to_ascii_lowercase`), byte for byte the
/// body's layout: the lower-case form of most words is a slice of it, not a
/// copy of their own.
pub fn tokenize<'a>(body: &'a str, lower: &'a str, s: Sentence) -> Vec<Tok<'a>> {
    debug_assert_eq!(body.len(), lower.len());
    let mut out = Vec::with_capacity((s.end - s.start) / 6 + 1);
    words::<true>(&body[s.start..s.end], &lower[s.start..s.end], s.start, &mut out);
    out
}

/// The words of every sentence of a body, in one vector for all of them
/// (a vector a sentence was an allocation a sentence).
pub struct Sentences<'a> {
    toks: Vec<Tok<'a>>,
    /// where each sentence's words end in `toks`
    ends: Vec<usize>,
}

impl<'a> Sentences<'a> {
    /// The words of each sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Tok<'a>]> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.toks[a..b])
    }
}

/// Splits every sentence into words.
pub fn tokenize_all<'a>(body: &'a str, lower: &'a str, sentences: &[Sentence]) -> Sentences<'a> {
    debug_assert_eq!(body.len(), lower.len());
    let chars: usize = sentences.iter().map(|s| s.end - s.start).sum();
    let mut all = Sentences { toks: Vec::with_capacity(chars / 6 + 1), ends: Vec::with_capacity(sentences.len()) };
    for s in sentences {
        words::<true>(&body[s.start..s.end], &lower[s.start..s.end], s.start, &mut all.toks);
        all.ends.push(all.toks.len());
    }
    all
}

/// The characters of a sentence, read where they are: a place is the byte
/// offset of a character (or the text's length, or past it, where there is
/// none), and most characters are one ASCII byte, so nothing is decoded
/// into a copy first.
struct Text<'a> {
    text: &'a str,
}

impl Text<'_> {
    /// The character at `p`.
    #[inline]
    fn at(&self, p: usize) -> Option<char> {
        match self.text.as_bytes().get(p) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[p..].chars().next(),
        }
    }

    /// `is_word_char` of the character at `p`: an ASCII byte by the table
    /// in place, where a call for every word and every gap cost more than
    /// the test; a character to decode out of line.
    #[inline(always)]
    fn word_at(&self, p: usize) -> bool {
        match self.text.as_bytes().get(p) {
            None => false,
            Some(&b) if b < 0x80 => ASCII_ALNUM[usize::from(b)],
            Some(_) => self.wide_word_at(p),
        }
    }

    /// `word_at` of a character that is not ASCII.
    #[inline(never)]
    fn wide_word_at(&self, p: usize) -> bool {
        self.at(p).is_some_and(is_word_char)
    }

    /// The place of the character after the one at `p`.
    #[inline]
    fn next(&self, p: usize) -> usize {
        match self.text.as_bytes().get(p) {
            Some(&b) if b >= 0x80 => p + self.text[p..].chars().next().map_or(1, char::len_utf8),
            _ => p + 1,
        }
    }

    /// The place of the character before the one at `p` (`p` > 0).
    #[inline]
    fn prev(&self, p: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut q = p - 1;
        while q > 0 && (bytes[q] & 0xc0) == 0x80 {
            q -= 1;
        }
        q
    }
}

/// The words of `text`; `SHORT_CUTS` takes the commonest words and the gaps
/// between words by the short ways below, which must come to what the
/// general way does (without them, the words as first split, for tests).
/// The words are pushed onto `out`.
fn words<'a, const SHORT_CUTS: bool>(text: &'a str, lower_text: &'a str, offset: usize, out: &mut Vec<Tok<'a>>) {
    let t = Text { text };
    let bytes = text.as_bytes();
    let n = text.len();
    let at = |i: usize| t.at(i);
    // (the first word of the sentence is the first pushed here)
    let first_word = out.len();
    let mut i = 0;
    while i < n {
        // (the spaces and ASCII punctuation between words, a byte at a time)
        if SHORT_CUTS && bytes[i] < 0x80 && !ASCII_ALNUM[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        // the commonest word, ASCII letters and digits followed by none of
        // a hyphen, a stop, an apostrophe or a character to decode, has no
        // more to it than this: no inner hyphen, stop or possessive to take,
        // no particle, its lower-case form a slice; taken here before the
        // general way sets up what such words need
        if SHORT_CUTS && bytes[i] < 0x80 {
            let ws = i;
            let (j, capital) = super::fold::ascii_alnum_run(bytes, ws);
            if j >= n || (bytes[j] < 0x80 && !matches!(bytes[j], b'-' | b'.' | b'\'' | b'`')) {
                let word: &'a str = &text[ws..j];
                let lower = if capital { &lower_text[ws..j] } else { word };
                let mut k = j;
                while k < n && bytes[k] == b' ' {
                    k += 1;
                }
                let first = bytes[ws];
                out.push(Tok {
                    start: offset + ws,
                    end: offset + j,
                    lower: Lower(Cow::Borrowed(lower)),
                    cap: first.is_ascii_uppercase() || (first.is_ascii_digit() && is_ordinal(word)),
                    possessive: false,
                    initial: out.len() == first_word,
                    joined_next: k > j && k < n && t.word_at(k),
                    lex: entry_in_place(lower),
                });
                // (the spaces up to `k` were just read: the gap goes on from there)
                i = k;
                continue;
            }
        }
        if !t.word_at(i) {
            i = t.next(i);
            continue;
        }
        let ws = i;
        let mut j = t.next(i);
        // true while the word is all ASCII letters and digits (most words)
        let mut alnum = bytes[i] < 0x80;
        // the `ASCII_CASE` of the bytes of such a word, or'ed
        let mut case = ASCII_CASE[bytes[i] as usize];
        loop {
            // (a run of ASCII letters and digits at once)
            let (run_end, capital) = super::fold::ascii_alnum_run(bytes, j);
            if capital {
                case |= UPPER;
            }
            j = run_end;
            // (what most words end at: an ASCII byte of no word that neither
            // joins two parts of one, as a hyphen, a stop or an apostrophe
            // may, nor is the start of a character to decode)
            if j >= n || (bytes[j] < 0x80 && !matches!(bytes[j], b'-' | b'.' | b'\'' | b'`')) {
                break;
            }
            match at(j) {
                Some(c) if is_word_char(c) => {
                    alnum = false;
                    j = t.next(j);
                }
                Some(c) if (is_hyphen(c) && c != '–' && c != '—') || c == '.' => {
                    // inner hyphen ("al-Sudani") or the stops of "U.S."
                    let after = t.next(j);
                    if t.word_at(after) && (c != '.' || t.next(ws) == j || at(t.prev(t.prev(j))) == Some('.')) {
                        alnum = false;
                        j = after;
                    } else {
                        break;
                    }
                }
                Some(c) if is_apostrophe(c) => {
                    // "Kata’ib": an apostrophe between letters that is not a possessive
                    let after = t.next(j);
                    let possessive = matches!(at(after), Some('s') | Some('S')) && !t.word_at(t.next(after));
                    if !possessive && t.word_at(after) {
                        alnum = false;
                        j = after;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let mut end = j; // the place after the word
        let word: &'a str = &text[ws..end];
        // what the word is made of, in one look at its bytes
        let (mut ascii, mut apostrophe, mut dotted, mut upper, mut dash) = (true, false, false, false, false);
        if alnum {
            // (all its bytes went through the one run above)
            upper = case & UPPER != 0;
            debug_assert_eq!(upper, word.bytes().any(|b| b.is_ascii_uppercase()));
        } else {
            for b in word.bytes() {
                ascii &= b < 0x80;
                apostrophe |= b == b'\'';
                dotted |= b == b'.';
                upper |= b.is_ascii_uppercase();
                dash |= b == b'-';
            }
        }
        let (wb, we) = (ws, end);
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
            let after = t.next(next);
            if matches!(at(after), Some('s') | Some('S')) && !t.word_at(t.next(after)) {
                possessive = true;
                next = t.next(after);
            } else if word.ends_with(['s', 'S']) && !t.word_at(after) {
                possessive = true; // "Perthes’ assessment"
                next = after;
            } else if at(after) == Some(' ') && at(t.next(after)).is_some_and(|c| c.is_uppercase() || c == 'a' || c == 'e') {
                // "Dhiya’ Zawba", "Shia’ al-Sudani": a transliterated ayn or hamza
                end = after;
                next = after;
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        let particle_joined = (dash || !ascii) && word.split_once(|c: char| is_hyphen(c)).is_some_and(|(p, rest)| {
            let lower_p = if p.is_ascii() { Cow::Borrowed(&lower_text[wb..wb + p.len()]) } else { Cow::Owned(p.to_lowercase()) };
            rest.chars().next().is_some_and(char::is_uppercase) && is_in(PARTICLES, &lower_p)
        });
        let start_b = offset + ws;
        let end_b = offset + end;
        // the gap to the next word: only spaces?
        let mut k = next;
        while k < n && at(k) == Some(' ') {
            k += 1;
        }
        let joined_next = k > next && k < n && t.word_at(k);
        let lex = entry(&lower);
        out.push(Tok {
            start: start_b,
            end: end_b,
            lower: Lower(lower),
            cap: first.is_uppercase() || particle_joined || (first.is_ascii_digit() && is_ordinal(word)),
            possessive,
            initial: out.len() == first_word,
            joined_next,
            lex,
        });
        i = next.max(j);
    }
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
    fn short_cuts_split_generated_text_as_the_general_way_does() {
        const PIECES: &[&str] = &[
            "Iraq", "iraq", "US", "U.S.", "Gen.", "F.", "al-Sudani", "Kata’ib", "Iraq’s", "Perthes’", "Dhiya’ Zawba", "82nd", "1st",
            "ISIS", "a", "I", "x7", " ", " ", " ", "  ", ",", ".", ";", "-", "—", "–", "'", "’", "`", "s", "S", "é", "Ḥasan", "(", ")",
            "\n", "\u{a0}", "ق", "_", "el-", "Al", "the",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..3000 {
            let n = (next() % 30) as usize;
            let s: String = crate::extract::test_text(&mut next, PIECES, n);
            let lower = s.to_ascii_lowercase();
            // (after words already there: a sentence's first word is its own)
            let (mut fast, mut plain) = (tokenize("x y", "x y", Sentence { start: 0, end: 3 }), Vec::new());
            super::words::<true>(&s, &lower, 7, &mut fast);
            super::words::<false>(&s, &lower, 7, &mut plain);
            let fast = &fast[2..];
            let show = |t: &[Tok]| t.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>();
            assert_eq!(show(fast), show(&plain), "{s:?}");
            for (a, b) in fast.iter().zip(&plain) {
                assert_eq!(a.lex.map(|w| w as *const Word), b.lex.map(|w| w as *const Word), "{s:?}");
            }
        }
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
