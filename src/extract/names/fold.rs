//! Folding text for matching: one spelling of every apostrophe, hyphen,
//! accent and letter case, with a map back to the original byte offsets so
//! that a match in the folded copy is a mention in the body.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text. `src` gives, for every folded byte, the
/// original byte range of the character that produced it.
pub struct Folded {
    pub text: String,
    src: Src,
}

/// Offsets as 32 bits where the text allows (any body under 4 GiB), which
/// halves the largest thing name recognition keeps for a long body.
enum Src {
    Narrow(Vec<(u32, u32)>),
    Wide(Vec<(usize, usize)>),
}

/// Where `fold_into` records original ranges (or, for a name, nowhere).
trait Sink {
    fn put(&mut self, pos: usize, end: usize);
    /// one byte each, for `pos..end`
    fn put_run(&mut self, pos: usize, end: usize);
}

impl Sink for () {
    fn put(&mut self, _: usize, _: usize) {}
    fn put_run(&mut self, _: usize, _: usize) {}
}

impl Sink for Vec<(u32, u32)> {
    fn put(&mut self, pos: usize, end: usize) {
        self.push((pos as u32, end as u32));
    }
    fn put_run(&mut self, pos: usize, end: usize) {
        self.extend((pos as u32..end as u32).map(|i| (i, i + 1)));
    }
}

impl Sink for Vec<(usize, usize)> {
    fn put(&mut self, pos: usize, end: usize) {
        self.push((pos, end));
    }
    fn put_run(&mut self, pos: usize, end: usize) {
        self.extend((pos..end).map(|i| (i, i + 1)));
    }
}

impl Folded {
    /// The original byte range of the folded range `start..end` (non-empty).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.src {
            Src::Narrow(v) => (v[start].0 as usize, v[end - 1].1 as usize),
            Src::Wide(v) => (v[start].0, v[end - 1].1),
        }
    }

    /// True when folded byte `i` starts a word: it is alphanumeric and the
    /// byte before it is not.
    pub fn is_word_start(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        i < b.len() && is_word_byte(b[i]) && (i == 0 || !is_word_byte(b[i - 1]))
    }

    /// True when a word ends just before folded byte `i`.
    pub fn is_word_end(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        i > 0 && is_word_byte(b[i - 1]) && (i == b.len() || !is_word_byte(b[i]))
    }
}

/// Letters and digits (folded text is mostly ASCII; any non-ASCII byte is
/// part of a letter of some other script and counts as a word byte).
pub const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʹ' | '′')
}

pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃')
}

/// Folds `s`: case and diacritics removed; every apostrophe dropped except a
/// possessive one (kept as `'`, so that "Iraq’s" still ends a word at "Iraq"),
/// which makes "Kata’ib" meet "Kataib" and "Shia’" meet "Shia"; hyphens,
/// dashes and runs of white space become one space ("al-Asad" meets "al
/// Asad"); the stops of a spelled-out acronym are dropped ("U.S." meets "US").
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let src = if u32::try_from(s.len()).is_ok() {
        let mut v = Vec::with_capacity(s.len());
        fold_into(s, &mut text, &mut v);
        Src::Narrow(v)
    } else {
        let mut v = Vec::with_capacity(s.len());
        fold_into(s, &mut text, &mut v);
        Src::Wide(v)
    };
    Folded { text, src }
}

/// Folds a dictionary name the same way, trimmed of spaces.
pub fn fold_name(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    fold_into(s, &mut text, &mut ());
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load a byte in the scan of
/// a run of letters and digits, which is most of every text folded.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The folding itself, one character at a time with the two before it and
/// the two after it in view; `src`, when given, gets the original range of
/// every folded byte (folding a whole body needs it, folding a name not).
fn fold_into(s: &str, text: &mut String, src: &mut impl Sink) {
    fn push(text: &mut String, src: &mut impl Sink, out: char, pos: usize, end: usize) {
        let before = text.len();
        text.push(out);
        for _ in before..text.len() {
            src.put(pos, end);
        }
    }
    let (mut prev2, mut prev): (Option<char>, Option<char>) = (None, None);
    let bytes = s.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_alphanumeric() {
            // a run of ASCII letters and digits at once (most of a text)
            let mut end = pos + 1;
            while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
                end += 1;
            }
            let before = text.len();
            text.push_str(&s[pos..end]);
            text[before..].make_ascii_lowercase();
            src.put_run(pos, end);
            prev2 = if end - pos > 1 { Some(bytes[end - 2] as char) } else { prev };
            prev = Some(bytes[end - 1] as char);
            pos = end;
            continue;
        }
        if b == b' ' {
            // (the commonest byte after letters)
            if !text.ends_with(' ') {
                push(text, src, ' ', pos, pos + 1);
            }
            prev2 = prev;
            prev = Some(' ');
            pos += 1;
            continue;
        }
        let (c, end) = if b < 0x80 {
            (b as char, pos + 1)
        } else {
            let c = s[pos..].chars().next().expect("a character at a boundary");
            (c, pos + c.len_utf8())
        };
        if c.is_whitespace() || is_hyphen(c) {
            if !text.ends_with(' ') {
                push(text, src, ' ', pos, end);
            }
        } else if is_apostrophe(c) {
            let mut ahead = s[end..].chars();
            let next = ahead.next();
            let after = ahead.next();
            let possessive = prev.is_some_and(char::is_alphanumeric)
                && matches!(next, Some('s') | Some('S'))
                && !after.is_some_and(char::is_alphanumeric);
            if possessive {
                push(text, src, '\'', pos, end);
            }
        } else if c == '.' {
            // "U.S.": a stop right after a lone capital letter
            let lone_capital = prev.is_some_and(char::is_uppercase) && !prev2.is_some_and(char::is_alphabetic);
            if !lone_capital {
                push(text, src, '.', pos, end);
            }
        } else if matches!(c, '“' | '”' | '«' | '»' | '„') {
            push(text, src, '"', pos, end);
        } else if c.is_ascii() {
            push(text, src, c.to_ascii_lowercase(), pos, end);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        push(text, src, l, pos, end);
                    }
                }
            });
        }
        prev2 = prev;
        prev = Some(c);
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_hyphens_and_apostrophes() {
        assert_eq!(fold("Kata’ib Hizbollah").text, "kataib hizbollah");
        assert_eq!(fold("Mohammed Shia’ al-Sudani").text, "mohammed shia al sudani");
        assert_eq!(fold("Qāsim  Sulaymānī").text, "qasim sulaymani");
        assert_eq!(fold("Task Force – Operation").text, "task force operation");
    }

    #[test]
    fn keeps_possessive_as_a_word_end() {
        let f = fold("Iraq’s Foreign Ministry");
        assert_eq!(f.text, "iraq's foreign ministry");
        assert!(f.is_word_end(4));
    }

    #[test]
    fn drops_acronym_stops_only() {
        assert_eq!(fold("U.S.-led coalition").text, "us led coalition");
        assert_eq!(fold("Gen. Smith").text, "gen. smith");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let s = "the Qāsim’s";
        let f = fold(s);
        let start = f.text.find("qasim").unwrap();
        let (a, b) = f.original(start, start + 5);
        assert_eq!(&s[a..b], "Qāsim");
    }
}
