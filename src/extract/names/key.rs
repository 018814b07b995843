//! Spelling keys: transliterated names (Arabic, Kurdish, Persian into
//! English) come in many spellings, and one person must meet themself across
//! outlets. The key is a consonant skeleton, close to what Soundex does for
//! English surnames, after folding the usual transliteration alternations.

use super::fold::fold_name;

/// Article-like particles that are not part of a name's identity
/// ("al-Sudani" = "Sudani" = "el-Sudani").
const PARTICLES: &[&str] = &["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "the"];

/// The spelling key of a name: every word reduced to a skeleton, particles
/// dropped. Two names with the same key are taken for spellings of one name.
/// The key is coarse on purpose (vowels are where transliterations differ
/// most), which is why callers merge only on a whole name's key, never on a
/// single surname.
pub fn name_key(name: &str) -> String {
    let folded = fold_name(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // (every dictionary name and every discovered one gets a key: the words
    // are written straight into the key, through one scratch buffer)
    let mut out = String::with_capacity(folded.len());
    let mut buf = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i + 1 < words.len() && PARTICLES.contains(w) {
            continue;
        }
        if *w == "s" && i > 0 {
            continue; // a possessive's s
        }
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        word_key_into(w, &mut buf, &mut out);
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

/// The skeleton of one word.
pub fn word_key(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    word_key_into(w, &mut Vec::new(), &mut out);
    out
}

/// `word_key` into `out`, through `buf`: for a caller that keys many
/// words, one pair of buffers rather than two allocations a word.
pub fn word_key_reusing(w: &str, buf: &mut Vec<u8>, out: &mut String) {
    out.clear();
    word_key_into(w, buf, out);
}

/// Replaces every `from` in `w`, left to right as `str::replace` does;
/// `scratch` takes the result only when there is something to replace.
/// (The pieces are a few bytes and so are the words: bytes compared one by
/// one cost less than the calls a slice comparison makes.)
/// Returns whether it replaced anything.
fn replace(w: &mut Vec<u8>, scratch: &mut Vec<u8>, from: &[u8], to: &[u8]) -> bool {
    let at = |w: &[u8], i: usize| w[i] == from[0] && w.len() - i >= from.len() && w[i + 1..i + from.len()].iter().zip(&from[1..]).all(|(a, b)| a == b);
    if !(0..w.len()).any(|i| at(w, i)) {
        return false;
    }
    scratch.clear();
    let mut i = 0;
    while i < w.len() {
        if at(w, i) {
            scratch.extend_from_slice(to);
            i += from.len();
        } else {
            scratch.push(w[i]);
            i += 1;
        }
    }
    std::mem::swap(w, scratch);
    true
}

/// The bytes of a word in brief, a bit each (by their low six bits): a
/// rewrite whose piece opens with a byte whose bit is clear has nothing to
/// replace, and the word is not scanned for it.
fn bytes_in(w: &[u8]) -> u64 {
    w.iter().fold(0, |m, &c| m | 1 << (c & 63))
}

/// Appends the skeleton of `w` to `out`. The rewrites are all of ASCII
/// letters, so they work on the bytes of the word (an ASCII byte is never
/// part of another character in UTF-8).
fn word_key_into(w: &str, buf: &mut Vec<u8>, out: &mut String) {
    buf.clear();
    buf.extend_from_slice(w.as_bytes());
    let mut scratch = Vec::new();
    // Abdul / Abdel / Abdal / Abdol: the article of "Abd al-" fused to the word
    // (only a word that starts so can have one; the first letter says)
    let abd: [&[u8]; 4] = [b"abdul", b"abdel", b"abdal", b"abdol"];
    let abd = if buf.first() == Some(&b'a') { &abd[..] } else { &[] };
    for p in abd {
        if buf.len() > p.len() + 2 && buf.starts_with(p) {
            buf.splice(..p.len(), *b"abd");
            break;
        }
        if buf[..] == **p {
            buf.truncate(3);
            break;
        }
    }
    // British and American spellings of organization names
    replace(buf, &mut scratch, b"isation", b"ization");
    if buf.ends_with(b"ence") && buf.len() > 5 {
        let n = buf.len();
        buf[n - 4..].copy_from_slice(b"ense");
    }
    let mac: [&[u8]; 3] = [b"mac", b"mc", b"mak"];
    let mac = if buf.first() == Some(&b'm') { &mac[..] } else { &[] };
    for p in mac {
        if buf.starts_with(p) && buf.len() > p.len() + 1 {
            buf.splice(..p.len(), *b"mk");
            break;
        }
    }
    // (one after another, as written: a rewrite may make the next one's pair,
    // so the bytes in brief are taken again after one that replaced)
    let mut present = bytes_in(buf);
    let pairs: [(&[u8], &[u8]); 9] = [
        (b"kh", b"k"),
        (b"gh", b"g"),
        (b"dh", b"z"),
        (b"ph", b"f"),
        (b"ck", b"k"),
        (b"ch", b"\x01"),
        (b"q", b"k"),
        (b"c", b"k"),
        (b"\x01", b"ch"),
    ];
    for (from, to) in pairs {
        if present & 1 << (from[0] & 63) != 0 && replace(buf, &mut scratch, from, to) {
            present = bytes_in(buf);
        }
    }
    let w = std::str::from_utf8(buf).expect("ASCII rewrites keep UTF-8");
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut chars = w.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let mapped = match prev {
            None => {
                if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
                    'a'
                } else {
                    c
                }
            }
            Some(p) => {
                let last = chars.peek().is_none();
                if is_vowel(c) || (c == 'h' && last && is_vowel(p)) {
                    // vowels; a final h after one (Hamdallah / Hamdalla,
                    // Hamzah / Hamza)
                    prev = Some(c);
                    continue;
                }
                c
            }
        };
        // double letters (the first letter is always kept)
        if prev.is_none() || !out.ends_with(mapped) {
            out.push(mapped);
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(name_key(a), name_key(b), "{a} / {b}");
    }

    /// The skeleton as first written, one rewrite of the word after another:
    /// the definition the quicker `word_key` must keep to.
    fn plain_word_key(w: &str) -> String {
        let mut w = w.to_string();
        // Abdul / Abdel / Abdal: the article of "Abd al-" fused to the word
        for p in ["abdul", "abdel", "abdal", "abdol"] {
            if w.len() > p.len() + 2 && w.starts_with(p) {
                w = format!("abd{}", &w[p.len()..]);
                break;
            }
            if w == p {
                w = "abd".to_string();
                break;
            }
        }
        // British and American spellings of organization names
        if w.contains("isation") {
            w = w.replace("isation", "ization");
        }
        if w.ends_with("ence") && w.len() > 5 {
            w = format!("{}ense", &w[..w.len() - 4]);
        }
        for p in ["mac", "mc", "mak"] {
            if w.starts_with(p) && w.len() > p.len() + 1 {
                w = format!("mk{}", &w[p.len()..]);
                break;
            }
        }
        // (one after another, as written; a word without the pair is not copied)
        fn sub(w: String, from: &str, to: &str) -> String {
            if w.contains(from) {
                w.replace(from, to)
            } else {
                w
            }
        }
        let w = sub(sub(sub(sub(sub(w, "kh", "k"), "gh", "g"), "dh", "z"), "ph", "f"), "ck", "k");
        let w = sub(sub(sub(w, "ch", "\u{1}"), "q", "k"), "c", "k");
        let w = sub(w, "\u{1}", "ch");
        let chars: Vec<char> = w.chars().collect();
        let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let mapped = if i == 0 {
                if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
                    'a'
                } else {
                    c
                }
            } else if is_vowel(c) {
                continue;
            } else if c == 'h' && i + 1 == chars.len() && is_vowel(chars[i - 1]) {
                continue; // Hamdallah / Hamdalla, Hamzah / Hamza
            } else {
                c
            };
            if out.ends_with(mapped) && i > 0 {
                continue; // double letters
            }
            out.push(mapped);
        }
        out
    }

    #[test]
    fn keys_are_those_of_the_plain_definition() {
        let mut words: Vec<String> = Vec::new();
        for e in crate::extract::dictionary::bundled() {
            for n in std::iter::once(&e.entity.name).chain(&e.aliases) {
                words.extend(fold_name(n).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string));
            }
        }
        // every pair of the pieces the rewrites look for, and around them
        let pieces = [
            "abdul", "abdel", "abdal", "abdol", "abd", "isation", "ence", "mac", "mc", "mak", "kh", "gh", "dh", "ph", "ck", "ch", "q",
            "c", "h", "a", "e", "y", "k", "s", "\u{1}", "é", "ş", "ah", "ll",
        ];
        for a in pieces {
            for b in pieces {
                words.push(format!("{a}{b}"));
                words.push(format!("{a}x{b}"));
                words.push(format!("{a}{b}h"));
                words.push(format!("o{a}{b}e"));
            }
        }
        // and generated words of the letters the rewrites turn on
        let mut next = crate::extract::test_rng();
        for _ in 0..5000 {
            let n = 1 + (next() % 10) as usize;
            words.push((0..n).map(|_| b"abcdeghiklmnopqstuyz"[(next() % 20) as usize] as char).collect());
        }
        // (one pair of buffers for all: what a word leaves must not reach the next)
        let (mut buf, mut key) = (Vec::new(), String::new());
        for w in &words {
            assert_eq!(word_key(w), plain_word_key(w), "{w}");
            word_key_reusing(w, &mut buf, &mut key);
            assert_eq!(key, plain_word_key(w), "{w}");
        }
        for name in ["Abdul Wahid Rashid Hamdallah", "al-Sudani", "Iraq's", "Al", "Mc Carthy-Machado", "", "Qāsim  Sulaymānī al"] {
            let plain: Vec<String> = {
                let f = fold_name(name);
                let w: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let mut keys = Vec::new();
                for (i, x) in w.iter().enumerate() {
                    if (i + 1 < w.len() && PARTICLES.contains(x)) || (*x == "s" && i > 0) {
                        continue;
                    }
                    keys.push(plain_word_key(x));
                }
                keys.retain(|k| !k.is_empty());
                keys
            };
            assert_eq!(name_key(name), plain.join(" "), "{name}");
        }
    }

    #[test]
    fn transliteration_variants_meet() {
        same("Yehia Rasool", "Yahya Rasul");
        same("Basem al-Awadi", "Basim al-Awadi");
        same("Muhsin al-Mandalawi", "Mohsen el-Mandalawi");
        same("Mohammed Shia al-Sudani", "Muhammad Shia Al Sudani");
        same("Mohamed Shia’ al-Sudani", "Mohammed Shia al-Sudani");
        same("Qasem Soleimani", "Qasim Suleimani");
        same("Samir Alaluddin", "Samir Alaaldin");
        same("Abdul Wahid Rashid Hamdallah", "Abd al-Wahid Rasheed Hamdalla");
        same("Kataib Hezbollah", "Kata’ib Hizbollah");
    }

    #[test]
    fn british_and_american_spellings_meet() {
        same("Popular Mobilisation Forces", "Popular Mobilization Forces");
        same("Ministry of Defence", "Ministry of Defense");
        same("Operations Centre", "Operations Center");
    }

    #[test]
    fn scottish_and_irish_prefixes_meet() {
        assert_eq!(word_key("mccarry"), word_key("makari"));
        assert_eq!(word_key("macarthur"), word_key("mcarthur"));
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(name_key("Ian McCarry"), name_key("Ian Smith"));
        assert_ne!(name_key("Lloyd Austin"), name_key("Patrick Ryder"));
        assert_ne!(name_key("Nechirvan Barzani"), name_key("Masoud Barzani"));
    }

    #[test]
    fn particles_alone_are_kept() {
        assert_eq!(name_key("Al"), "al");
    }
}
