//! Folding text for matching: one spelling of every apostrophe, hyphen,
//! accent and letter case, with a map back to the original byte offsets so
//! that a match in the folded copy is a mention in the body.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text. `src` gives, for every folded byte, the
/// original byte range of the character that produced it.
pub struct Folded {
    pub text: String,
    /// the runs of word bytes of `text` (`trie::word_runs`), where names start
    pub words: Vec<(usize, usize)>,
    src: Spans,
}

/// The map from folded bytes to original ranges, as spans of folded bytes
/// that map alike: a run of folded bytes that copies the original byte for
/// byte (most of a text: letters, digits, single spaces) is one span, not
/// a pair of offsets for each of its bytes.
#[derive(Default)]
struct Spans {
    spans: Vec<Span>,
    /// folded bytes recorded so far
    len: usize,
    /// the runs of word bytes among them (`trie::word_runs` of the folded
    /// text), kept as the bytes come: a run of letters comes in one piece,
    /// where a pass over the text afterwards looked at every byte again
    runs: Vec<(usize, usize)>,
}

struct Span {
    /// the first folded byte of the span
    fold: usize,
    /// copied: folded byte `fold + k` is original byte `orig + k`;
    /// else every folded byte of the span comes from `orig..end`
    copied: bool,
    orig: usize,
    end: usize,
}

impl Spans {
    /// The span of folded byte `i`.
    fn find(&self, i: usize) -> usize {
        debug_assert!(i < self.len);
        self.spans.partition_point(|s| s.fold <= i) - 1
    }

    /// The original range of folded byte `i`, which is in span `k`.
    fn at(&self, k: usize, i: usize) -> (usize, usize) {
        let s = &self.spans[k];
        if s.copied {
            let o = s.orig + (i - s.fold);
            (o, o + 1)
        } else {
            (s.orig, s.end)
        }
    }
}

/// Where `fold_into` records original ranges (or, for a name, nowhere).
trait Sink {
    /// the next folded byte, `byte`, comes from `pos..end`
    fn put(&mut self, pos: usize, end: usize, byte: u8);
    /// one folded byte each, for `pos..end`, all ASCII letters and digits
    fn put_run(&mut self, pos: usize, end: usize);
    /// a single space at `pos` between two runs of `put_run`, folded to itself
    #[inline]
    fn put_space(&mut self, pos: usize) {
        self.put(pos, pos + 1, b' ');
    }
    /// `put_space(space)` and `put_run(space + 1, end)`, the run after a
    /// run and a single space
    #[inline]
    fn put_space_run(&mut self, space: usize, end: usize) {
        self.put_space(space);
        self.put_run(space + 1, end);
    }
}

impl Sink for () {
    fn put(&mut self, _: usize, _: usize, _: u8) {}
    fn put_run(&mut self, _: usize, _: usize) {}
}

impl Spans {
    /// The next `n` folded bytes are word bytes.
    #[inline]
    fn word(&mut self, n: usize) {
        match self.runs.last_mut() {
            Some(r) if r.1 == self.len => r.1 += n,
            _ => self.runs.push((self.len, self.len + n)),
        }
    }

    /// One folded byte each, copied from `pos..end`.
    #[inline]
    fn copied(&mut self, pos: usize, end: usize) {
        match self.spans.last() {
            Some(s) if s.copied && s.orig + (self.len - s.fold) == pos => {}
            _ => self.spans.push(Span { fold: self.len, copied: true, orig: pos, end: 0 }),
        }
        self.len += end - pos;
    }
}

impl Sink for Spans {
    fn put(&mut self, pos: usize, end: usize, byte: u8) {
        if is_word_byte(byte) {
            self.word(1);
        }
        if end == pos + 1 {
            return self.copied(pos, end);
        }
        // (a character of several bytes folded to several bytes: one span)
        match self.spans.last_mut() {
            Some(s) if !s.copied && (s.orig, s.end) == (pos, end) => {}
            _ => self.spans.push(Span { fold: self.len, copied: false, orig: pos, end }),
        }
        self.len += 1;
    }
    #[inline]
    fn put_run(&mut self, pos: usize, end: usize) {
        self.word(end - pos);
        self.copied(pos, end);
    }
    #[inline]
    fn put_space(&mut self, pos: usize) {
        self.copied(pos, pos + 1);
    }
    /// (the copied span of the run before the space goes on through the
    /// space and this run, and the space ends the run before: nothing to
    /// look up in the last span or the last run)
    #[inline]
    fn put_space_run(&mut self, space: usize, end: usize) {
        debug_assert!(matches!(self.spans.last(), Some(s) if s.copied && s.orig + (self.len - s.fold) == space));
        debug_assert!(self.runs.last().is_some_and(|r| r.1 == self.len));
        self.len += end - space;
        self.runs.push((self.len - (end - space - 1), self.len));
    }
}

impl Folded {
    /// The original byte range of the folded range `start..end` (non-empty).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.src.find(start);
        // (the last byte is most often in the same span)
        let last = match self.src.spans.get(first + 1) {
            Some(s) if s.fold < end => self.src.find(end - 1),
            _ => first,
        };
        (self.src.at(first, start).0, self.src.at(last, end - 1).1)
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
    let mut text = Vec::with_capacity(s.len());
    let mut src = Spans { runs: Vec::with_capacity(s.len() / 5), ..Default::default() };
    fold_into(s, &mut text, &mut src);
    let text = String::from_utf8(text).expect("folding keeps UTF-8");
    let words = std::mem::take(&mut src.runs);
    debug_assert_eq!(words, super::trie::word_runs(&text));
    Folded { text, words, src }
}

/// Folds a dictionary name the same way, trimmed of spaces.
pub fn fold_name(s: &str) -> String {
    let mut text = Vec::with_capacity(s.len());
    fold_into(s, &mut text, &mut ());
    let text = String::from_utf8(text).expect("folding keeps UTF-8");
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// `fold_name` without the trimming, into `out` (cleared first): for a
/// caller that folds many names only to look at their words, one buffer
/// for all of them.
pub fn fold_words_into(s: &str, out: &mut String) {
    let mut text = std::mem::take(out).into_bytes();
    text.clear();
    fold_into(s, &mut text, &mut ());
    *out = String::from_utf8(text).expect("folding keeps UTF-8");
}

/// `u8::is_ascii_alphanumeric` as a table: one load a byte in the scan of
/// a run of letters and digits, which is most of every text folded, and in
/// the tokenizer's test of a word character.
pub(super) static ASCII_ALNUM: [bool; 256] = byte_table!(|c| c.is_ascii_alphanumeric());

/// The end of the run of ASCII letters and digits from `at`, and whether
/// it holds a capital: eight bytes at a time, each tested against the three
/// ranges by adding to it what carries it into bit 7 (a byte of seven bits
/// and these constants never carry into the next byte), where a loop took
/// a load, a test and a branch a byte.
#[inline]
pub fn ascii_alnum_run(bytes: &[u8], mut at: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES << 7;
    // bit 7 of every byte of `x` (bytes of seven bits) that is in lo..=hi
    let within = |x: u64, lo: u8, hi: u8| (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH;
    let mut capital = false;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = x & !HIGH;
        let caps = within(low, b'A', b'Z');
        // (a byte with bit 7 set is no ASCII letter or digit)
        let alnum = (within(low, b'0', b'9') | caps | within(low, b'a', b'z')) & !x;
        let stop = !alnum & HIGH;
        if stop == 0 {
            capital |= caps != 0;
            at += 8;
            continue;
        }
        let n = stop.trailing_zeros() / 8;
        capital |= caps & ((1u64 << (8 * n)) - 1) != 0;
        return (at + n as usize, capital);
    }
    while at < bytes.len() && ASCII_ALNUM[usize::from(bytes[at])] {
        capital |= bytes[at].is_ascii_uppercase();
        at += 1;
    }
    (at, capital)
}

/// The folding itself, one character at a time with the two before it and
/// the two after it in view; `src`, when given, gets the original range of
/// every folded byte (folding a whole body needs it, folding a name not).
fn fold_into(s: &str, text: &mut Vec<u8>, src: &mut impl Sink) {
    fn push(text: &mut Vec<u8>, src: &mut impl Sink, out: char, pos: usize, end: usize) {
        let mut buf = [0; 4];
        let out = out.encode_utf8(&mut buf).as_bytes();
        text.extend_from_slice(out);
        for &b in out {
            src.put(pos, end, b);
        }
    }
    let (mut prev2, mut prev): (Option<char>, Option<char>) = (None, None);
    let bytes = s.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_alphanumeric() {
            // runs of ASCII letters and digits with single spaces between
            // them at once (most of a text): every one of their bytes folds
            // to itself or its lower case, and a space after a letter is
            // kept as it is
            let mut end = ascii_alnum_run(bytes, pos + 1).0;
            src.put_run(pos, end);
            while end + 1 < bytes.len() && bytes[end] == b' ' && ASCII_ALNUM[usize::from(bytes[end + 1])] {
                let space = end;
                end = ascii_alnum_run(bytes, end + 2).0;
                src.put_space_run(space, end);
            }
            // (setting bit 5 makes an ASCII capital lower case, and changes
            // no lower-case letter, digit or space)
            text.extend(bytes[pos..end].iter().map(|b| b | 0x20));
            prev2 = if end - pos > 1 { Some(bytes[end - 2] as char) } else { prev };
            prev = Some(bytes[end - 1] as char);
            pos = end;
            continue;
        }
        if b == b' ' {
            // (the commonest byte after letters)
            if text.last() != Some(&b' ') {
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
            if text.last() != Some(&b' ') {
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

    /// Every folded byte's original range, one pair each: the map as
    /// first written, which `Spans` must give byte for byte.
    impl Sink for Vec<(usize, usize)> {
        fn put(&mut self, pos: usize, end: usize, _: u8) {
            self.push((pos, end));
        }
        fn put_run(&mut self, pos: usize, end: usize) {
            self.extend((pos..end).map(|i| (i, i + 1)));
        }
    }

    #[test]
    fn spans_map_every_byte_as_pairs_do() {
        for s in [
            "Kata’ib Hizbollah  met U.S. envoys — “at Ain al-Asad” — in Qāsim’s town.",
            "ß İstanbul Ǆ  ’’ \t\n x",
            "",
            "abc",
            "“",
            "é",
        ] {
            let f = fold(s);
            let mut text = Vec::new();
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            fold_into(s, &mut text, &mut pairs);
            assert_eq!(text, f.text.as_bytes());
            assert_eq!(f.words, crate::extract::names::trie::word_runs(&f.text), "{s}");
            assert_eq!(pairs.len(), f.text.len(), "{s}");
            for (i, &p) in pairs.iter().enumerate() {
                assert_eq!(f.original(i, i + 1), p, "{s} {i}");
            }
        }
    }

    /// The folding one character at a time, no run of letters and spaces
    /// taken at once: the text and the map (a pair a byte) `fold` must give.
    fn fold_by_char(s: &str) -> (String, Vec<(usize, usize)>) {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let (mut text, mut map) = (String::new(), Vec::new());
        let mut push = |text: &mut String, c: char, pos: usize, end: usize| {
            text.push(c);
            map.extend(std::iter::repeat_n((pos, end), c.len_utf8()));
        };
        for (k, &(pos, c)) in chars.iter().enumerate() {
            let end = pos + c.len_utf8();
            let at = |i: Option<usize>| i.and_then(|i| chars.get(i)).map(|x| x.1);
            let (prev2, prev, next, after) = (at(k.checked_sub(2)), at(k.checked_sub(1)), at(Some(k + 1)), at(Some(k + 2)));
            if c.is_whitespace() || is_hyphen(c) {
                if !text.ends_with(' ') {
                    push(&mut text, ' ', pos, end);
                }
            } else if is_apostrophe(c) {
                if prev.is_some_and(char::is_alphanumeric) && matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    push(&mut text, '\'', pos, end);
                }
            } else if c == '.' {
                let lone_capital = prev.is_some_and(char::is_uppercase) && !prev2.is_some_and(char::is_alphabetic);
                if !lone_capital {
                    push(&mut text, '.', pos, end);
                }
            } else if matches!(c, '“' | '”' | '«' | '»' | '„') {
                push(&mut text, '"', pos, end);
            } else if c.is_ascii() {
                push(&mut text, c.to_ascii_lowercase(), pos, end);
            } else {
                decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        for l in d.to_lowercase() {
                            push(&mut text, l, pos, end);
                        }
                    }
                });
            }
        }
        (text, map)
    }

    #[test]
    fn folding_is_that_of_one_character_at_a_time_on_generated_text() {
        const PIECES: &[&str] = &[
            "a", "Z", "q7", "Iraq", "U", "S", "US", "al", "Asad", "9", " ", " ", " ", "  ", "\t", "\n", ".", "..", "-", "—", "’", "'",
            "s", "S", "é", "Ḥ", "e\u{301}", "ß", "İ", "“", "»", ",", "(", "_", "ق", "😀", "\u{a0}",
        ];
        let mut next = crate::extract::test_rng();
        for _ in 0..3000 {
            let n = (next() % 24) as usize;
            let s: String = crate::extract::test_text(&mut next, PIECES, n);
            let f = fold(&s);
            let (text, map) = fold_by_char(&s);
            assert_eq!(f.text, text, "{s:?}");
            assert_eq!(f.words, crate::extract::names::trie::word_runs(&f.text), "{s:?}");
            for (i, &p) in map.iter().enumerate() {
                assert_eq!(f.original(i, i + 1), p, "{s:?} {i}");
            }
            let mut name = Vec::new();
            fold_into(&s, &mut name, &mut ());
            assert_eq!(name, text.as_bytes(), "{s:?}");
        }
    }

    #[test]
    fn runs_of_letters_and_digits_end_where_a_byte_loop_ends_them() {
        const BYTES: &[u8] = b"aAzZ09mM@[`{/:\x00\x7f \xc3\xa9\xe2\x80\x99\x80\xff\x10\x19";
        let mut next = crate::extract::test_rng();
        for _ in 0..3000 {
            let n = (next() % 40) as usize;
            let text: Vec<u8> = (0..n).map(|_| if next().is_multiple_of(4) { BYTES[(next() % BYTES.len() as u64) as usize] } else { b'a' + (next() % 26) as u8 }).collect();
            for from in 0..=text.len() {
                let mut end = from;
                while end < text.len() && text[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                let capital = text[from..end].iter().any(u8::is_ascii_uppercase);
                assert_eq!(ascii_alnum_run(&text, from), (end, capital), "{text:?} {from}");
            }
        }
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
