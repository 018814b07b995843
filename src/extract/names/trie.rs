//! A byte trie of folded names, walked from the places where a name can
//! begin: the dictionary's thousands of names and the few dozen one article
//! taught. A name the rules accept starts a word, so most bytes of a text
//! (those inside words) are never tried, where an Aho-Corasick automaton
//! takes a transition on every byte.

use super::fold::is_word_byte;
use super::lexicon::WordTable;

/// `is_word_byte` as a table: one load a byte of the text.
static WORD: [bool; 256] = byte_table!(|c| is_word_byte(c));

/// Node 0 is the root; a node's children are a list through `next`, or a
/// table by byte for a node with many of them (the root, the first letters
/// of the dictionary's names).
pub struct Trie {
    nodes: Vec<Node>,
    /// child tables by byte (0: no child); table 0 is the root's
    tables: Vec<[u32; 256]>,
    /// the first word of every pattern that opens with one (all the bytes
    /// before its first byte of no word): a name starting at a word starts
    /// with that whole word, so a word not here starts none
    /// (kept only for a trie of many names: `brief` is enough for a few)
    firsts: Option<WordTable>,
    /// by the number `firsts` gives a first word: the node its bytes lead
    /// to from the root, and the length and number of the longest pattern
    /// on the way (number NONE: none). A walk from a word `firsts` knows
    /// starts there: the lookup has just compared the word's bytes, and
    /// walking them again byte by byte was half of every walk.
    first_nodes: Vec<(u32, u32, u32)>,
    /// what `firsts` holds in brief, for a word to miss at the price of two
    /// loads: bit `min(length, 31)` of the entry of its first two bytes' classes
    brief: Box<[[u32; CLASSES]; CLASSES]>,
    /// the entries of `brief` that are set, for `refill` to clear
    brief_used: Vec<(u8, u8)>,
    /// some pattern opens with a byte of no word
    opens_outside: bool,
}

/// The runs of word bytes of a text, (start, end) in order.
pub fn word_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 5);
    // the start of the run the last byte was in (no run: the text's length)
    let mut start = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        if WORD[b as usize] {
            start = start.min(i);
        } else if start < i {
            out.push((start, i));
            start = bytes.len();
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// Classes of bytes for `Trie::brief`: the letters and digits of folded
/// text one each, every other byte the last class; 0 stands for no byte.
const CLASSES: usize = 38;

static CLASS: [u8; 256] = {
    let mut t = [CLASSES as u8 - 1; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = 1 + b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    t
};

/// Where a word (not empty) is in `Trie::brief`: the classes of its first
/// two bytes, and the bit of its length.
#[inline]
fn brief_of(word: &[u8]) -> (usize, usize, u32) {
    let second = word.get(1).map_or(0, |&b| CLASS[b as usize]);
    (CLASS[word[0] as usize] as usize, second as usize, 1 << word.len().min(31))
}

const NONE: u32 = u32::MAX;

fn blank(byte: u8) -> Node {
    Node { byte, child: 0, next: 0, pattern: NONE, table: NONE }
}

/// Names beyond which a trie keeps the set of their first words.
const MANY: usize = 256;

/// Children beyond which a node gets a table of its own.
const DENSE: usize = 6;

struct Node {
    /// the byte that leads here from the parent
    byte: u8,
    /// the first child, and the next child of the same parent (0: none)
    child: u32,
    next: u32,
    /// the pattern that ends here (the first given, when two are the same)
    pattern: u32,
    /// the node's table in `tables`, if it has one
    table: u32,
}

impl Trie {
    /// A trie of the patterns, numbered in the order given.
    pub fn new<'p>(patterns: impl Iterator<Item = &'p str>) -> Trie {
        let mut t = Trie::empty();
        t.fill(patterns);
        t
    }

    /// A trie of no pattern, to be filled (and filled again) by `refill`.
    pub fn empty() -> Trie {
        Trie {
            nodes: vec![Node { table: 0, ..blank(0) }],
            tables: vec![[0; 256]],
            firsts: None,
            first_nodes: Vec::new(),
            brief: Box::new([[0; CLASSES]; CLASSES]),
            brief_used: Vec::new(),
            opens_outside: false,
        }
    }

    /// This trie made a trie of the patterns alone, keeping its buffers:
    /// a trie built for every article otherwise spent more allocating and
    /// zeroing its tables than filling them. Only what the last patterns
    /// set is cleared.
    pub fn refill<'p>(&mut self, patterns: impl Iterator<Item = &'p str>) {
        let mut c = self.nodes[0].child;
        while c != 0 {
            let k = &self.nodes[c as usize];
            self.tables[0][k.byte as usize] = 0;
            c = k.next;
        }
        for &(a, b) in &self.brief_used {
            self.brief[a as usize][b as usize] = 0;
        }
        self.brief_used.clear();
        self.nodes.truncate(1);
        self.nodes[0] = Node { table: 0, ..blank(0) };
        self.tables.truncate(1);
        self.firsts = None;
        self.first_nodes.clear();
        self.opens_outside = false;
        self.fill(patterns);
    }

    /// Adds the patterns to an empty trie.
    fn fill<'p>(&mut self, patterns: impl Iterator<Item = &'p str>) {
        let t = self;
        // (sized once from the patterns: a trie built for every article
        // otherwise spent as much growing its vectors as filling them)
        let patterns: Vec<&str> = patterns.collect();
        let bytes: usize = patterns.iter().map(|p| p.len()).sum();
        t.nodes.reserve(bytes);
        let mut firsts: Vec<&[u8]> = Vec::with_capacity(patterns.len());
        // (the children of every node, counted as they are made: the nodes
        // that get a table are known without walking every list of
        // children again, twice, which was most of refilling a small trie)
        let mut kids: Vec<u32> = Vec::with_capacity(t.nodes.len() + bytes);
        kids.resize(t.nodes.len(), 0);
        for (id, p) in patterns.into_iter().enumerate() {
            t.opens_outside |= p.bytes().next().is_some_and(|b| !is_word_byte(b));
            let first = &p.as_bytes()[..p.bytes().take_while(|&b| is_word_byte(b)).count()];
            if !first.is_empty() {
                firsts.push(first);
                let (a, b, bit) = brief_of(first);
                if t.brief[a][b] == 0 {
                    t.brief_used.push((a as u8, b as u8));
                }
                t.brief[a][b] |= bit;
            }
            let mut node = 0usize;
            for &b in p.as_bytes() {
                let next = match t.child(node, b) {
                    0 => {
                        let child = t.nodes.len() as u32;
                        let sibling = t.nodes[node].child;
                        t.nodes.push(Node { next: sibling, ..blank(b) });
                        kids.push(0);
                        kids[node] += 1;
                        t.nodes[node].child = child;
                        if node == 0 {
                            t.tables[0][b as usize] = child;
                        }
                        child
                    }
                    c => c,
                };
                node = next as usize;
            }
            if t.nodes[node].pattern == NONE {
                t.nodes[node].pattern = id as u32;
            }
        }
        if firsts.len() > MANY {
            let table = WordTable::new(firsts.iter().copied());
            // (a word given twice keeps the number of its first place)
            let mut nodes = vec![(0, 0, NONE); firsts.len()];
            for w in &firsts {
                let k = table.get(w).expect("a first word is in the table") as usize;
                let (mut node, mut best) = (0usize, (0, NONE));
                for (i, &b) in w.iter().enumerate() {
                    node = t.child(node, b) as usize;
                    if t.nodes[node].pattern != NONE {
                        best = (i as u32 + 1, t.nodes[node].pattern);
                    }
                }
                nodes[k] = (node as u32, best.0, best.1);
            }
            t.firsts = Some(table);
            t.first_nodes = nodes;
        }
        let dense = kids.iter().skip(1).filter(|&&k| k as usize > DENSE).count();
        t.tables.reserve_exact(dense);
        for (node, &k) in kids.iter().enumerate().skip(1) {
            if k as usize > DENSE {
                let mut table = [0; 256];
                let mut c = t.nodes[node].child;
                while c != 0 {
                    table[t.nodes[c as usize].byte as usize] = c;
                    c = t.nodes[c as usize].next;
                }
                t.nodes[node].table = t.tables.len() as u32;
                t.tables.push(table);
            }
        }
    }

    /// The child of `node` by byte `b` (0: none).
    #[inline]
    fn child(&self, node: usize, b: u8) -> u32 {
        let n = &self.nodes[node];
        if n.table != NONE {
            return self.tables[n.table as usize][b as usize];
        }
        let mut c = n.child;
        while c != 0 {
            let k = &self.nodes[c as usize];
            if k.byte == b {
                return c;
            }
            c = k.next;
        }
        0
    }

    /// The longest pattern that starts at `at` and ends by `limit`, as
    /// (start, end, pattern).
    pub fn longest_at(&self, text: &str, at: usize, limit: usize) -> Option<(usize, usize, usize)> {
        self.longest_from(text, at, limit, at, (0, 0, NONE))
    }

    /// `longest_at` with the walk already at `i`, where the bytes from `at`
    /// led to `first.0` and the longest pattern on the way is the rest of
    /// `first` (an entry of `first_nodes`).
    #[inline]
    fn longest_from(&self, text: &str, at: usize, limit: usize, mut i: usize, first: (u32, u32, u32)) -> Option<(usize, usize, usize)> {
        let bytes = &text.as_bytes()[..limit];
        let mut node = first.0 as usize;
        let mut best = (first.2 != NONE).then_some((at, at + first.1 as usize, first.2 as usize));
        while i < bytes.len() {
            let next = self.child(node, bytes[i]) as usize;
            if next == 0 {
                break;
            }
            node = next;
            i += 1;
            let p = self.nodes[node].pattern;
            if p != NONE {
                best = Some((at, i, p as usize));
            }
        }
        best
    }

    /// The leftmost-longest match at or after `from` among those that start
    /// a word with a whole word, or start with a byte that is not part of a
    /// word. (Any other match starts inside a word, or ends inside one or
    /// breaks its first word up: what a search of every place would find
    /// and then reject, as a name starts and ends with whole words.)
    /// `words` are the runs of word bytes of `text` (`word_runs`): a trie
    /// no name of which opens with a byte of no word is walked from their
    /// starts only, without looking at the text's bytes in between.
    pub fn leftmost_word(&self, text: &str, words: &[(usize, usize)], from: usize) -> Option<(usize, usize, usize)> {
        if self.opens_outside {
            return self.leftmost_any(text, from);
        }
        let bytes = text.as_bytes();
        let first = words.partition_point(|w| w.0 < from);
        for &(at, end) in &words[first..] {
            let (x, y, bit) = brief_of(&bytes[at..end]);
            if self.brief[x][y] & bit == 0 {
                continue;
            }
            let m = match &self.firsts {
                // (the walk starts after the word the table just compared)
                Some(f) => match f.get(&bytes[at..end]) {
                    Some(k) => self.longest_from(text, at, bytes.len(), end, self.first_nodes[k as usize]),
                    None => continue,
                },
                None => self.longest_at(text, at, bytes.len()),
            };
            if m.is_some() {
                return m;
            }
        }
        None
    }

    /// `leftmost_word` for a trie with names that open with a byte of no
    /// word: every byte of the text is looked at.
    fn leftmost_any(&self, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let root = &self.tables[0];
        let word = |i: usize| i < n && WORD[bytes[i] as usize];
        let mut i = from;
        if i > 0 && word(i - 1) {
            while word(i) {
                i += 1;
            }
        }
        // here `i` starts a word or is a byte of no word
        while i < n {
            let b = bytes[i];
            let at = i;
            i += 1;
            if WORD[b as usize] {
                while word(i) {
                    i += 1;
                }
                let (x, y, bit) = brief_of(&bytes[at..i]);
                if self.brief[x][y] & bit == 0 || self.firsts.as_ref().is_some_and(|f| f.get(&bytes[at..i]).is_none()) {
                    continue;
                }
            } else if root[b as usize] == 0 {
                continue;
            }
            if let Some(m) = self.longest_at(text, at, n) {
                return Some(m);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftmost(t: &Trie, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        t.leftmost_word(text, &word_runs(text), from)
    }

    #[test]
    fn longest_first_and_only_at_word_starts() {
        let t = Trie::new(["al", "al asad", "asad", "al asad", "sad"].into_iter());
        assert_eq!(t.longest_at("al asad air base", 0, 16), Some((0, 7, 1)));
        assert_eq!(t.longest_at("al asad air base", 0, 6), Some((0, 2, 0)));
        assert_eq!(leftmost(&t, "the al asad", 0), Some((4, 11, 1)));
        // "sad" inside "asad" is never where a search starts
        assert_eq!(leftmost(&t, "xasad", 0), None);
        assert_eq!(leftmost(&t, "asad", 1), None);
        assert_eq!(leftmost(&t, "a sad", 1), Some((2, 5, 4)));
        // a pattern that breaks the text's first word up is no start
        assert_eq!(t.longest_at("als asad", 0, 8), Some((0, 2, 0)));
        assert_eq!(leftmost(&t, "als asad", 0), Some((4, 8, 2)));
    }

    #[test]
    fn word_starts_find_what_every_byte_finds() {
        let names = ["al", "al asad", "asad", "sad", "us", "us led", "ain al asad", "é", "qasim"];
        let t = Trie::new(names.into_iter());
        let text = "the us led ain al asad, asad's sad  (é) qasim\nus";
        let runs = word_runs(text);
        assert!(!t.opens_outside);
        for from in 0..=text.len() {
            assert_eq!(t.leftmost_word(text, &runs, from), t.leftmost_any(text, from), "from {from}");
        }
        let t = Trie::new(["(us", "us"].into_iter());
        assert!(t.opens_outside);
        assert_eq!(leftmost(&t, "x(us)", 0), Some((1, 4, 0)));
    }

    #[test]
    fn a_walk_from_a_known_first_word_finds_what_one_from_the_root_finds() {
        // names enough for the trie to keep their first words, among them
        // names that are prefixes of others, first words that are prefixes
        // of others ("al", "ala", "alas") and a name in a first word ("al"
        // in "alas")
        const WORDS: &[&str] = &["al", "ala", "alas", "asad", "as", "ain", "us", "usa", "led", "the", "th", "e", "x", "é", "qa", "qasim", "7"];
        let mut next = crate::extract::test_rng();
        let mut names: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        while names.len() < 3 * MANY {
            let n = 1 + (next() % 4) as usize;
            let words: Vec<&str> = (0..n).map(|_| WORDS[(next() % WORDS.len() as u64) as usize]).collect();
            let sep = if next().is_multiple_of(5) { "'s " } else { " " };
            names.push(words.join(sep));
        }
        // (and some runs of letters no word of which starts a name)
        names.extend((0..MANY as u64).map(|i| format!("z{i}q")));
        let t = Trie::new(names.iter().map(String::as_str));
        assert!(t.firsts.is_some() && !t.opens_outside);
        const PIECES: &[&str] = &["al", "ala", "alas", "asad", "as", "ain", "us", "usa", "led", "the", "th", "e", "é", "qasim", "7", "z1q", " ", " ", " ", "  ", "'s", "'", ".", ",", "-", "b"];
        for _ in 0..2000 {
            let n = (next() % 24) as usize;
            let text = crate::extract::test_text(&mut next, PIECES, n);
            let runs = word_runs(&text);
            for from in 0..=text.len() {
                assert_eq!(t.leftmost_word(&text, &runs, from), t.leftmost_any(&text, from), "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn refilled_finds_what_new_finds() {
        // (many names give the first word a table of its own; the refill
        // that follows must leave none of it behind)
        let many: Vec<String> = (0..40).map(|i| format!("al {}x", (b'a' + i % 26) as char)).collect();
        let sets: Vec<Vec<&str>> = vec![
            many.iter().map(String::as_str).collect(),
            vec!["asad", "sad", "us led"],
            vec!["(us", "qasim"],
            vec!["al asad", "ain al asad", "é"],
        ];
        let text = "the us led ain al asad, al bx al zx (us) qasim sad é al";
        let runs = word_runs(text);
        let mut reused = Trie::empty();
        for names in &sets {
            reused.refill(names.iter().copied());
            let fresh = Trie::new(names.iter().copied());
            assert_eq!(reused.opens_outside, fresh.opens_outside);
            for from in 0..=text.len() {
                assert_eq!(reused.leftmost_word(text, &runs, from), fresh.leftmost_word(text, &runs, from), "from {from}");
                assert_eq!(reused.longest_at(text, from, text.len()), fresh.longest_at(text, from, text.len()));
            }
        }
    }
}
