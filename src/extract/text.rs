//! Sentence splitting and small text helpers shared by the stages.

use super::Sentence;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "cmdr", "rep",
    "sen", "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan",
    "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "a.m", "p.m", "approx", "dept", "gen", "mt", "ft",
    // ranks before a soldier's name: "Spc. Kennedy Sanders", "Pfc. Brian Lee"
    "spc", "pfc", "pvt", "cpl", "sfc", "cpt", "cdr", "ens", "rev",
];
/// US states as AP style abbreviates them after a city ("TAMPA, Fla. –"):
/// an abbreviation only there, since several are also words ("Ill.", "Miss.").
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt", "Wash",
    "Wis", "Wyo",
];

/// Splits a body into sentences. A sentence ends at `.`, `!` or `?` (with
/// any closing quotes or brackets) followed by white space and an upper-case
/// letter, digit or opening quote, unless the word before the stop is a known
/// abbreviation or a single initial; it always ends at a line break, since
/// the normalizer keeps one paragraph per line.
pub fn sentences(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let line_end = line_start + line.len();
        split_line(body, line_start, line_end, &mut out);
        line_start = line_end;
    }
    out
}

fn split_line(body: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let text = &body[start..end];
    let bytes = text.as_bytes();
    // the char at byte `p` (a char boundary), if any
    let at = |p: usize| text[p..].chars().next();
    let mut sent_start = 0;
    // byte offsets throughout: every stop is ASCII, so the scan jumps from
    // one stop byte to the next and decodes characters only around it
    let mut i = 0;
    while let Some(off) = first_stop(&bytes[i..]) {
        let pos = i + off;
        let c = bytes[pos];
        // extend over closing quotes/brackets and further stops
        let mut j = pos + 1;
        while let Some(n) = at(j).filter(|n| matches!(n, '"' | '\'' | '”' | '’' | ')' | ']' | '.' | '!' | '?')) {
            j += n.len_utf8();
        }
        let stop_end = j;
        // need white space then a sentence opener
        let mut k = j;
        let mut saw_space = false;
        while let Some(n) = at(k).filter(|n| n.is_whitespace()) {
            saw_space = true;
            k += n.len_utf8();
        }
        let opener = at(k).is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '–' | '-')
        });
        if saw_space && opener && !(c == b'.' && is_abbreviation(&text[sent_start..pos])) {
            push_trimmed(body, start + sent_start, start + stop_end, out);
            sent_start = k;
            i = k;
            continue;
        }
        i = j;
    }
    push_trimmed(body, start + sent_start, start + text.len(), out);
}

/// The offset of the first `.`, `!` or `?` of `bytes`, looked for eight
/// bytes at a time: a stop is some one byte in sixty of a body.
fn first_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each zero byte of `w`; a borrow can mark a byte
    // after a zero byte too, never one before it, so the lowest mark is exact
    let zeros = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stops = zeros(w ^ (u64::from(b'.') * ONES)) | zeros(w ^ (u64::from(b'!') * ONES)) | zeros(w ^ (u64::from(b'?') * ONES));
        if stops != 0 {
            // little-endian: the lowest mark is in the first such byte
            return Some(at + stops.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|b| matches!(b, b'.' | b'!' | b'?')).map(|i| at + i)
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_ascii() {
        // the list is lower-case ASCII: no lower-cased copy of the word is needed
        if word.len() == 1 {
            return word.as_bytes()[0].is_ascii_alphabetic();
        }
        let state = || {
            let head = before[..before.len() - word.len()].trim_end_matches(' ');
            head.ends_with(',') && STATES.contains(&word)
        };
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) || state();
    }
    let lower = word.to_lowercase();
    if lower.chars().count() == 1 && lower.chars().all(|c| c.is_alphabetic()) {
        return true; // an initial: "John F. Kennedy"
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(body: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let s = &body[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(Sentence { start: start + lead, end: end - trail });
    }
}

/// A regex written with Unicode `\b`, and its twin with ASCII `\b`. The
/// lazy DFA gives up on Unicode `\b` at the first non-ASCII byte, and news
/// text is full of curly quotes and dashes, so the Unicode form runs the
/// slow backtracking engines; on a text where no character outside ASCII is
/// a word character (see `plain_words`) both forms find the same matches.
pub struct WordRegex {
    pattern: String,
    /// each form is compiled on first use: most texts never need the Unicode one
    unicode: OnceLock<Regex>,
    ascii: OnceLock<Regex>,
}

impl WordRegex {
    pub fn new(pattern: &str) -> WordRegex {
        WordRegex { pattern: pattern.to_string(), unicode: OnceLock::new(), ascii: OnceLock::new() }
    }

    /// The pattern with ASCII `\b`.
    pub(crate) fn ascii_pattern(&self) -> String {
        self.pattern.replace(r"\b", r"(?-u:\b)")
    }

    /// The form to run on a text of which `plain_words` says `plain`.
    pub fn on(&self, plain: bool) -> &Regex {
        if plain {
            self.ascii.get_or_init(|| Regex::new(&self.ascii_pattern()).expect("ascii word regex"))
        } else {
            self.unicode.get_or_init(|| Regex::new(&self.pattern).expect("word regex"))
        }
    }
}

/// The offset of the first byte of `bytes` outside ASCII, looked for eight
/// bytes at a time: news text is nearly all ASCII, and a body is scanned so
/// whole for every article.
pub(crate) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let high = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH;
        if high != 0 {
            // little-endian: the lowest set bit is in the first such byte
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|b| !b.is_ascii()).map(|i| at + i)
}

/// ASCII `\b`'s word bytes, as a table: the byte walks ask it of every byte.
static WORD_BYTE: [bool; 256] = byte_table!(|c| c.is_ascii_alphanumeric() || c == b'_');

/// Whether `b` is a word byte of ASCII `\b` (letters, digits, `_`).
pub(crate) fn word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

/// Whether ASCII `\b` holds before byte `i` of `s`.
pub(crate) fn word_boundary(s: &[u8], i: usize) -> bool {
    let before = i > 0 && word_byte(s[i - 1]);
    before != s.get(i).is_some_and(|&c| word_byte(c))
}

static UNICODE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("word class"));

/// Whether every word character (Unicode `\w`) of `s` is ASCII, so that
/// ASCII and Unicode word boundaries fall at the same places in it.
pub fn plain_words(s: &str) -> bool {
    // only the characters outside ASCII are decoded: the scan jumps from
    // one byte that starts or continues such a character to the next
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = first_non_ascii(&bytes[i..]) {
        let c = s[i + off..].chars().next().expect("a char starts at a non-ASCII byte after ASCII");
        // the punctuation news text carries; anything else asks the regex
        let plain = matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '…' | '\u{a0}' | '«' | '»' | '•' | '·')
            || !UNICODE_WORD.is_match(c.encode_utf8(&mut [0; 4]));
        if !plain {
            return false;
        }
        i += off + c.len_utf8();
    }
    true
}

/// Maps byte offsets of one string to character offsets, for the contract.
/// Only the characters outside ASCII are recorded (a news body has a few
/// dozen curly quotes and dashes among thousands of characters): a byte
/// offset less the continuation bytes before it is its character offset.
pub struct CharIndex {
    /// every character outside ASCII, in order: its first byte, the byte
    /// after it, and the continuation bytes of the string up to there
    wide: Vec<(usize, usize, usize)>,
    len: usize,
}

impl CharIndex {
    pub fn new(s: &str) -> CharIndex {
        let bytes = s.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut i = 0;
        while let Some(off) = first_non_ascii(&bytes[i..]) {
            let start = i + off;
            let width = s[start..].chars().next().expect("a char starts at a non-ASCII byte after ASCII").len_utf8();
            extra += width - 1;
            i = start + width;
            wide.push((start, i, extra));
        }
        CharIndex { wide, len: s.len() }
    }

    /// The character offset of a byte offset that lies on a char boundary
    /// (inside a character: the offset of the character after it; past the
    /// end of a string with a character outside ASCII: one more than its
    /// length in characters).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.wide.is_empty() {
            return byte;
        }
        let done = self.wide.partition_point(|w| w.1 <= byte);
        let extra = if done == 0 { 0 } else { self.wide[done - 1].2 };
        if byte > self.len {
            return self.len - self.wide.last().map_or(0, |w| w.2) + 1;
        }
        match self.wide.get(done) {
            Some(&(start, _, _)) if start < byte => start - extra + 1,
            _ => byte - extra,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).iter().map(|x| &s[x.start..x.end]).collect()
    }

    #[test]
    fn splits_on_stops_followed_by_capitals() {
        assert_eq!(split("He came. She left! Why? Yes."), vec!["He came.", "She left!", "Why?", "Yes."]);
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        assert_eq!(
            split("About 2,500 U.S. troops remain. Gen. Smith and John F. Kennedy met on Jan. 28, 2024."),
            vec!["About 2,500 U.S. troops remain.", "Gen. Smith and John F. Kennedy met on Jan. 28, 2024."]
        );
    }

    #[test]
    fn first_stop_is_what_a_byte_by_byte_search_finds() {
        let texts = ["", ".", "no stop here at all", "abcdefg.", "abcdefgh!", "a?b.c!", "one two three four? five", "’é…—.x", "\u{2e}\u{ae}\u{be}x", "/-,>=@?"];
        for t in texts {
            for from in 0..=t.len() {
                let b = &t.as_bytes()[from..];
                assert_eq!(first_stop(b), b.iter().position(|c| matches!(c, b'.' | b'!' | b'?')), "{t:?} from {from}");
            }
        }
    }

    #[test]
    fn ranks_and_state_abbreviations_stay_inside() {
        assert_eq!(
            split("TAMPA, Fla. – Troops named Spc. Kennedy Sanders and Pfc. Lee. He fell ill. Others left."),
            vec!["TAMPA, Fla. – Troops named Spc. Kennedy Sanders and Pfc. Lee.", "He fell ill.", "Others left."]
        );
    }

    #[test]
    fn abbreviations_are_known_in_any_case() {
        for (before, abbr) in [("met Gen", true), ("MR", true), ("the U.S", true), ("(Dept", true), ("a", true), ("7", false), ("", false), ("troops", false), ("É", true), ("Ü.N", false)] {
            assert_eq!(is_abbreviation(before), abbr, "{before}");
        }
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            split("He said, “it is over.” The talks ended."),
            vec!["He said, “it is over.”", "The talks ended."]
        );
    }

    #[test]
    fn line_breaks_always_end_a_sentence() {
        assert_eq!(split("A headline\nBody text here."), vec!["A headline", "Body text here."]);
    }

    #[test]
    fn word_regex_twins_agree_on_plain_text_only() {
        let re = WordRegex::new(r"\battack\b");
        for (text, plain) in [("an attack", true), ("the “attack” ended", true), ("a’attack", true), ("éattack", false), ("attack\u{200d}", false)] {
            assert_eq!(plain_words(text), plain, "{text}");
            if plain {
                assert_eq!(re.on(true).find(text).map(|m| m.range()), re.on(false).find(text).map(|m| m.range()), "{text}");
            }
        }
        assert!(re.on(false).find("éattack").is_none());
        assert!(re.on(true).find("éattack").is_some());
    }

    #[test]
    fn first_non_ascii_is_what_a_byte_by_byte_search_finds() {
        let texts = ["", "a", "abcdefgh", "abcdefg’", "’abcdefgh", "abcdefghi’j", "abcdefghijklmno\u{e9}", "plain text, all of it ASCII"];
        for t in texts {
            for from in 0..=t.len() {
                let b = &t.as_bytes()[from..];
                assert_eq!(first_non_ascii(b), b.iter().position(|c| !c.is_ascii()), "{t:?} from {from}");
            }
        }
    }

    #[test]
    fn char_index_counts_characters() {
        let s = "a’b c";
        let idx = CharIndex::new(s);
        assert_eq!(idx.char_offset(s.find('b').unwrap()), 2);
        assert_eq!(idx.char_offset(s.len()), 5);
    }

    #[test]
    fn char_index_agrees_with_counting_at_every_offset() {
        for s in ["", "plain", "a’b c", "«Qaïm» — “é”", "\u{1f600}x\u{e9}"] {
            let idx = CharIndex::new(s);
            let boundaries: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for byte in 0..=s.len() + 3 {
                let want = if s.is_ascii() { byte } else { boundaries.binary_search(&byte).unwrap_or_else(|i| i) };
                assert_eq!(idx.char_offset(byte), want, "{s:?} at {byte}");
            }
        }
    }
}
