//! The word lists behind the rules of English news that find names the
//! dictionary does not know: titles, roles, reporting verbs, organization
//! head nouns, and the capitalized words that are never names.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Titles and ranks written before a name, capitalized in a run of capitals
/// ("Prime Minister X", "Major General X", "Adm. X"). Lower-case forms.
pub static TITLES: &List = &List { bit: 0, words: &[
    "president", "vice", "prime", "minister", "ministers", "chancellor", "secretary", "secretary-general",
    "spokesman", "spokesperson", "spokeswoman", "general", "gen", "gen.", "lt", "lt.", "lieutenant",
    "col", "col.", "colonel", "major", "maj", "maj.", "brig", "brig.", "brigadier", "adm", "adm.",
    "admiral", "ambassador", "envoy", "adviser", "advisor", "speaker", "commander", "chief", "sheikh",
    "sheik", "shaikh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "senator",
    "rep", "rep.", "representative", "governor", "gov", "gov.", "mayor", "king", "prince", "emir",
    "ayatollah", "judge", "capt", "capt.", "captain", "sgt", "sgt.", "sergeant", "director", "deputy",
    "first", "second", "pope", "imam", "sayyed", "sayyid", "cleric", "chairman", "chairwoman",
    "lawmaker", "mp", "officer", "staff", "head", "leader", "coordinator", "representative",
    "undersecretary", "under", "assistant", "acting", "former", "outgoing", "caretaker", "top",
    "senior", "defense", "defence", "foreign", "interior", "finance", "army", "field", "marshal",
    "cmdr", "cmdr.", "commodore", "corporal", "cpl", "cpl.", "private", "pvt", "pvt.", "specialist",
    "spc", "spc.", "sec", "sec.", "ret", "ret.", "hajji", "mullah", "grand", "supreme",
] };

/// Role nouns, lower case in running text, that make the next or the
/// apposed capitalized words a person ("NATO chief X", "X, a spokesman").
pub static ROLE_NOUNS: &List = &List { bit: 1, words: &[
    "spokesman", "spokesperson", "spokeswoman", "adviser", "advisor", "minister", "president",
    "commander", "chief", "head", "leader", "envoy", "ambassador", "diplomat", "official", "general",
    "secretary", "director", "member", "figure", "speaker", "analyst", "researcher", "professor",
    "officer", "correspondent", "reporter", "editor", "chairman", "chairwoman", "lawmaker", "mp",
    "deputy", "operative", "militant", "commentator", "expert", "fellow", "governor", "mayor",
    "cleric", "founder", "co-founder", "chancellor", "senator", "congressman", "congresswoman",
    "representative", "coordinator", "administrator", "emir", "king", "prince", "judge",
    "prosecutor", "lawyer", "activist", "journalist", "photographer", "writer", "author", "aide",
    "colonel", "lieutenant", "captain", "sergeant", "soldier", "negotiator", "mediator", "undersecretary",
    "strongman", "warlord", "counterpart", "successor", "predecessor", "rapporteur", "chief-of-staff", "ayatollah", "sheikh", "candidate", "nominee", "politician", "statesman",
    // people the news names by trade or plight ("the Kurdish businessman X",
    // "American contractor X", "hostage X")
    "businessman", "businesswoman", "tycoon", "entrepreneur", "scholar", "academic", "economist", "historian",
    "blogger", "contractor", "engineer", "doctor", "surgeon", "pilot", "imam", "preacher", "veteran", "hostage",
    "detainee", "prisoner", "marine", "sailor", "airman",
] };

/// Verbs that follow (or, for "said", precede) a speaker's name.
pub static REPORTING_VERBS: &List = &List { bit: 2, words: &[
    "said", "says", "told", "tells", "added", "adds", "stressed", "noted", "announced", "confirmed",
    "revealed", "explained", "warned", "stated", "wrote", "tweeted", "posted", "emphasized",
    "emphasised", "argued", "insisted", "asserted", "acknowledged", "claimed", "declared", "urged",
    "praised", "reiterated", "expressed", "welcomed", "denied", "vowed", "thanked", "condemned",
    "dismissed", "met", "visited", "demanded", "informed", "reported", "pointed", "affirmed",
    "underlined", "indicated", "commented", "replied", "responded", "criticized", "criticised",
    "called", "asked", "admitted", "believes", "believed", "thinks", "hopes", "wants", "chaired",
    "attended", "received", "discussed", "oversaw", "signed", "spoke", "speaks", "writes", "contributed",
] };

/// Head nouns of organization names, with the kind they suggest.
pub const ORG_HEADS: &[(&str, &str)] = &[
    ("ministry", "government"),
    ("council", "government"),
    ("commission", "government"),
    ("committee", "government"),
    ("presidency", "government"),
    ("parliament", "government"),
    ("government", "government"),
    ("cabinet", "government"),
    ("department", "government"),
    ("directorate", "government"),
    ("embassy", "government"),
    ("consulate", "government"),
    ("court", "government"),
    ("assembly", "government"),
    ("senate", "government"),
    ("congress", "government"),
    ("authority", "government"),
    ("office", "government"),
    ("forces", "military"),
    ("force", "military"),
    ("army", "military"),
    ("navy", "military"),
    ("command", "military"),
    ("corps", "military"),
    ("guard", "military"),
    ("guards", "military"),
    ("division", "military"),
    ("regiment", "military"),
    ("battalion", "military"),
    ("brigade", "military"),
    ("brigades", "armed_group"),
    ("resistance", "armed_group"),
    ("front", "armed_group"),
    ("militia", "armed_group"),
    ("movement", "party"),
    ("party", "party"),
    ("alliance", "party"),
    ("bloc", "party"),
    ("organization", "other"),
    ("organisation", "other"),
    ("agency", "other"),
    ("service", "other"),
    ("services", "other"),
    ("mission", "international"),
    ("center", "other"),
    ("centre", "other"),
    ("university", "other"),
    ("institute", "other"),
    ("foundation", "other"),
    // ("International Crisis Group", "Soufan Group"; "443rd Air Expeditionary
    // Group" stays a military unit)
    ("group", "other"),
    ("association", "other"),
    ("network", "media"),
    ("news", "media"),
    ("television", "media"),
    ("tv", "media"),
    ("radio", "media"),
    ("times", "media"),
    ("press", "media"),
    ("program", "other"),
    ("programme", "other"),
];

/// Connectors allowed inside an organization name after its head
/// ("Ministry of Interior", "Islamic Resistance in Iraq").
pub static ORG_CONNECTORS: &[&str] = &["of", "for", "in", "against", "to", "and", "the", "on"];

/// Words of a name that are Arabic name particles, written in lower case.
pub static PARTICLES: &List = &List { bit: 6, words: &["al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "van", "von", "der", "da", "ul"] };

/// Given names common in the region's and the West's news, enough to tell
/// "Saddam Hussein" from "Camp Victory" without other evidence.
pub static GIVEN_NAMES: &List = &List { bit: 3, words: &[
    "mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "ahmed", "ahmad", "ali", "hassan", "hasan",
    "hussein", "husain", "hussain", "omar", "umar", "abdul", "abdel", "abdullah", "abdallah", "khalid",
    "khaled", "mustafa", "mostafa", "mahmoud", "mahmud", "ibrahim", "youssef", "yousef", "yusuf", "saleh",
    "salih", "qais", "hadi", "haider", "hayder", "nouri", "nuri", "fuad", "fouad", "falih", "faleh",
    "qasim", "qasem", "jafar", "jaafar", "adil", "adel", "saddam", "masoud", "masrour", "nechirvan",
    "barham", "ammar", "muqtada", "hamid", "hamed", "karim", "kareem", "jamal", "jawad", "tariq",
    "tarek", "walid", "zaid", "ziad", "salam", "rashid", "majid", "abbas", "akram", "basim", "basem",
    "yahya", "yehia", "farhad", "hakim", "ismail", "sami", "samir", "bashar", "hafez", "osama",
    "usama", "ayman", "hamza", "hamzah", "ebrahim", "hossein", "javad", "mohsen", "muhsin", "hassan",
    "faiq", "falah", "fadel", "fadhil", "nasser", "naser", "sabah", "saad", "saif", "sayf", "shakir",
    "thamer", "uday", "qusay", "ayad", "iyad", "nabil", "mazen", "mazin", "riyadh", "riyad", "raed",
    "emad", "imad", "mahdi", "mehdi", "kamal", "jalal", "nawaf", "faisal", "fahad", "fahd", "sultan",
    "recep", "hakan", "mevlut", "ilham", "vladimir", "sergei", "sergey", "xi", "emmanuel", "olaf",
    "joe", "joseph", "donald", "barack", "george", "john", "james", "robert", "michael", "william",
    "david", "richard", "thomas", "charles", "christopher", "daniel", "matthew", "mark", "paul",
    "steven", "stephen", "andrew", "kenneth", "kevin", "brian", "timothy", "jason", "jeffrey", "ryan",
    "jacob", "gary", "nicholas", "eric", "jonathan", "justin", "scott", "brandon", "benjamin", "samuel",
    "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
    "jose", "adam", "nathan", "henry", "peter", "zachary", "douglas", "kyle", "noah", "ethan", "jeremy",
    "lloyd", "antony", "anthony", "jake", "mike", "pete", "marco", "kamala", "hillary", "nancy",
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "lisa", "betty", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol",
    "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen",
    "amy", "angela", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine",
    "rachel", "catherine", "maria", "heather", "diane", "julie", "victoria", "kelly", "lauren",
    "sabrina", "jens", "ursula", "boris", "rishi", "keir", "liz", "theresa", "tony", "gordon",
    "jim", "bill", "bob", "tom", "dan", "chris", "matt", "nick", "ben", "sam", "alex", "ian", "brad",
    "erik", "kenneth", "volker", "jeanine", "alina", "elena", "tom", "lindsey", "chuck", "mitch",
    // Arabic, Kurdish and Persian names the region's news often gives
    "dhiya", "diya", "ziyad", "wissam", "waleed", "mushtaq", "talib", "taleb", "thabit", "laith", "layth",
    "yasser", "yasir", "marwan", "kadhim", "kazem", "kazim", "jabbar", "qassem", "qassim", "mazloum",
    "rebwar", "lahur", "bafel", "qubad", "kosrat", "hoshyar", "nawzad", "shirwan", "sherwan", "hemin",
    "esmail", "ismael", "moqtada", "sadiq", "sadeq", "hashem", "hashim", "younis", "yunus",
    "bilal", "anas", "firas", "hazem", "hazim", "mohannad", "muhannad", "louay", "luay", "sinan", "lahib", "renad",
] };

/// Capitalized words that are never (part of) a person's name: months,
/// weekdays, determiners, pronouns, and common sentence openers.
pub static NOT_NAME: &List = &List { bit: 4, words: &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "his", "her", "its", "their", "our", "my", "your", "in", "on", "at", "for", "of", "to", "from",
    "by", "with", "and", "but", "or", "if", "when", "while", "after", "before", "since", "as",
    "although", "though", "because", "despite", "during", "last", "next", "yesterday", "today",
    "tomorrow", "earlier", "later", "meanwhile", "however", "also", "both", "all", "some", "many",
    "several", "two", "three", "four", "five", "one", "no", "not", "there", "here", "what", "who",
    "which", "where", "why", "how", "read", "more", "photo", "video", "source", "sources", "update",
    "breaking", "exclusive", "comments", "comment", "post", "share", "according", "iraqi", "iraqis",
    "american", "americans", "iranian", "syrian", "kurdish", "israeli", "arab", "western", "eastern",
    "northern", "southern", "central", "shiite", "sunni", "islamic", "muslim", "christian",
    "jewish", "palestinian", "turkish", "russian", "british", "french", "german", "european",
    "international", "national", "federal", "regional", "u.s", "us", "u.s.", "un", "coalition",
    "god", "allah", "christmas", "ramadan", "eid", "easter", "thanksgiving", "new", "year",
    "happy", "dear", "mr", "so", "then", "now", "just", "only", "even", "still", "yet", "such",
    "government", "state", "states", "united", "kingdom", "republic", "region", "province",
    "governorate", "city", "airport", "base", "camp", "air", "airbase", "street", "square", "bridge",
    "river", "valley", "desert", "mount", "lake", "sea", "gulf", "strait", "zone", "field",
    "district", "village", "town", "county", "island", "islands", "middle", "east", "west", "north",
    "south", "gaza", "strip", "bank", "border", "crossing", "road", "highway", "hospital", "school",
] };

/// Countries and cities that outlets use for governments ("Washington said"):
/// neither people nor organizations. Also the country names the kb keeps for
/// states. Lower case, folded.
pub static COUNTRIES: &List = &List { bit: 5, words: &[
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan",
    "bahrain", "bangladesh", "belarus", "belgium", "brazil", "bulgaria", "canada", "chad", "china",
    "croatia", "cyprus", "czech republic", "czechia", "denmark", "djibouti", "egypt", "estonia",
    "finland", "france", "georgia", "germany", "greece", "hungary", "iceland", "india", "indonesia",
    "iran", "islamic republic of iran", "iraq", "republic of iraq", "ireland", "israel", "italy",
    "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "latvia", "lebanon", "libya",
    "lithuania", "luxembourg", "malaysia", "mali", "malta", "mexico", "moldova", "morocco",
    "netherlands", "new zealand", "niger", "nigeria", "north korea", "norway", "oman", "pakistan",
    "palestine", "philippines", "poland", "portugal", "qatar", "romania", "russia", "saudi arabia",
    "serbia", "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea", "spain",
    "sudan", "sweden", "switzerland", "syria", "turkey", "turkiye", "ukraine", "united arab emirates",
    "uae", "united kingdom", "uk", "britain", "great britain", "united states",
    "united states of america", "us", "usa", "america", "uzbekistan", "yemen", "kurdistan",
    "kurdistan region", "gaza", "west bank",
] };

/// Nationality words and the country they point at, so that "Syrian
/// Ministry of Interior" is told apart from the Iraqi one while "US State
/// Department" stays the dictionary's Department of State.
pub const NATIONALITIES: &[(&str, &str)] = &[
    ("us", "us"), ("usa", "us"), ("american", "us"), ("united states", "us"), ("america", "us"),
    ("iraqi", "iq"), ("iraq", "iq"), ("syrian", "sy"), ("syria", "sy"), ("iranian", "ir"), ("iran", "ir"),
    ("kurdish", "krd"), ("kurdistan", "krd"), ("turkish", "tr"), ("turkey", "tr"), ("israeli", "il"),
    ("israel", "il"), ("british", "gb"), ("uk", "gb"), ("britain", "gb"), ("german", "de"),
    ("germany", "de"), ("french", "fr"), ("france", "fr"), ("russian", "ru"), ("russia", "ru"),
    ("jordanian", "jo"), ("jordan", "jo"), ("lebanese", "lb"), ("lebanon", "lb"), ("saudi", "sa"),
    ("qatari", "qa"), ("qatar", "qa"), ("kuwaiti", "kw"), ("kuwait", "kw"), ("egyptian", "eg"),
    ("egypt", "eg"), ("palestinian", "ps"), ("yemeni", "ye"), ("yemen", "ye"), ("chinese", "cn"),
    ("china", "cn"), ("italian", "it"), ("italy", "it"), ("spanish", "es"), ("spain", "es"),
    ("canadian", "ca"), ("canada", "ca"), ("australian", "au"), ("australia", "au"), ("dutch", "nl"),
    ("danish", "dk"), ("norwegian", "no"), ("emirati", "ae"), ("bahraini", "bh"), ("omani", "om"),
];

/// Function words that never open an organization's or a person's name.
pub static OPENERS: &List = &List { bit: 7, words: &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "of", "to", "from",
    "by", "with", "and", "but", "or", "if", "when", "while", "after", "before", "since", "as", "his",
    "her", "its", "their", "our", "meanwhile", "however", "yesterday", "today", "last", "next", "both",
    "all", "during", "despite", "although", "according", "earlier", "later", "read", "more",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "hundreds", "thousands", "several", "some", "many", "most", "no", "every", "each",
] };

/// Months and weekdays: a capitalized word next to a head noun that does
/// not belong to the organization's name.
pub static NOT_NAME_DATES: &List = &List { bit: 8, words: &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
] };

/// One of the word lists of this module: its words, and which bit of a
/// `Word` says a word is in it.
pub struct List {
    bit: u8,
    pub words: &'static [&'static str],
}

/// A set of words `is_in` can ask about: a list of this module, answered by
/// the index, or any other slice of words, scanned.
pub trait WordList {
    fn has(&self, word: &str, entry: impl FnOnce() -> Option<&'static Word>) -> bool;
}

impl WordList for List {
    fn has(&self, _: &str, entry: impl FnOnce() -> Option<&'static Word>) -> bool {
        entry().is_some_and(|w| w.lists & (1 << self.bit) != 0)
    }
}

impl WordList for [&str] {
    fn has(&self, word: &str, _: impl FnOnce() -> Option<&'static Word>) -> bool {
        self.contains(&word)
    }
}

/// Membership in a word list. Every list of this module is looked up in
/// one hash map built once, word -> the lists it is in (a linear scan of
/// several hundred words per token was a tenth of the ingest time, and
/// hashing with the standard library's SipHash another few per cent); a
/// list from elsewhere is scanned. The list's bit is part of its type, so
/// a question about a known word costs one test of a bit.
pub fn is_in<L: WordList + ?Sized>(list: &L, word: &str) -> bool {
    list.has(word, || entry(word))
}

/// `is_in` for a word whose entry was looked up already (`entry`).
pub fn is_in_entry<L: WordList + ?Sized>(list: &L, word: &str, entry: impl FnOnce() -> Option<&'static Word>) -> bool {
    list.has(word, entry)
}

/// What the lists say about a word (None: it is in none of them). A word of
/// a sentence is looked up once, the rules ask about it many times.
pub fn entry(word: &str) -> Option<&'static Word> {
    entry_in_place(word)
}

/// `entry` in place in its caller: for the tokenizer, which looks up every
/// word of a text, where the call (saving and restoring registers) was a
/// third of a lookup.
#[inline(always)]
pub fn entry_in_place(word: &str) -> Option<&'static Word> {
    index().get(word)
}

pub fn org_head_kind(word: &str) -> Option<&'static str> {
    entry(word).and_then(|w| w.org_head)
}

pub fn nationality(word: &str) -> Option<&'static str> {
    entry(word).and_then(|w| w.nationality)
}

/// What the lists say about one word.
#[derive(Default, Debug)]
pub struct Word {
    /// bit `i`: the word is in the list whose `bit` is `i`
    lists: u16,
    pub org_head: Option<&'static str>,
    pub nationality: Option<&'static str>,
}

/// The words of every list and what the lists say about each.
struct Index {
    words: Vec<Word>,
    /// word -> its place in `words`
    table: WordTable,
}

impl Index {
    fn new(map: HashMap<&'static str, Word, BuildHasherDefault<WordHasher>>) -> Index {
        let (keys, words): (Vec<&str>, Vec<Word>) = map.into_iter().unzip();
        Index { words, table: WordTable::new(keys.iter().map(|w| w.as_bytes())) }
    }

    #[inline(always)]
    fn get(&self, word: &str) -> Option<&Word> {
        self.table.get(word.as_bytes()).map(|i| &self.words[i as usize])
    }
}

/// A set of words, numbered in the order given, in an open-addressing
/// table of their bytes read as two integers: a word is looked up with a
/// few loads, one multiplication and integer comparisons, where a hash
/// set of strings hashed the word through a copy of it and compared it
/// with `memcmp`, twice a call into the C library for every word looked up
/// (every word of every sentence, every word where a name may start).
pub struct WordTable {
    /// (first bytes, last bytes, length, 1 + number; 0: empty)
    slots: Box<[(u64, u64, u32, u32)]>,
    /// words longer than `SHORT`, which no table key holds
    long: HashMap<Box<[u8]>, u32, BuildHasherDefault<WordHasher>>,
}

/// The longest word a table key holds.
const SHORT: usize = 16;

/// A word of at most `SHORT` bytes as two integers that, with its length,
/// are that word's alone: its first and its last bytes (the two overlap
/// in all but a word of `SHORT` bytes), read without a copy of the word.
#[inline]
fn halves(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    debug_assert!(n <= SHORT);
    let r8 = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
    let r4 = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().unwrap()));
    match n {
        0 => (0, 0),
        // (bytes 0, n/2 and n-1 are all of a word of up to three)
        1..=3 => (u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16, 0),
        4..=8 => (r4(0), r4(n - 4)),
        _ => (r8(0), r8(n - 8)),
    }
}

impl WordTable {
    /// The table of `words`; a word given twice keeps its first number.
    pub fn new<'w>(words: impl ExactSizeIterator<Item = &'w [u8]>) -> WordTable {
        let size = (words.len() * 4).next_power_of_two();
        let mut t = WordTable { slots: vec![(0, 0, 0, 0); size].into_boxed_slice(), long: HashMap::default() };
        for (i, w) in words.enumerate() {
            if w.len() > SHORT {
                t.long.entry(Box::from(w)).or_insert(i as u32);
                continue;
            }
            let (a, b) = halves(w);
            let mut slot = t.slot(a, b, w.len());
            loop {
                let s = &mut t.slots[slot];
                if s.3 == 0 {
                    *s = (a, b, w.len() as u32, i as u32 + 1);
                    break;
                }
                if (s.0, s.1, s.2) == (a, b, w.len() as u32) {
                    break;
                }
                slot = (slot + 1) & (size - 1);
            }
        }
        t
    }

    /// `get` of a word longer than `SHORT`.
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> Option<u32> {
        self.long.get(word).copied()
    }

    /// Where a key's probe starts.
    #[inline]
    fn slot(&self, a: u64, b: u64, n: usize) -> usize {
        let h = (a ^ b.rotate_left(29) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    /// The number of `word`, if the table holds it. In place in its
    /// callers (a lookup for every word of a text, and for every word where
    /// a name may start): saving and restoring registers for a call was a
    /// third of a lookup. A long word, rare, is hashed out of line.
    #[inline(always)]
    pub fn get(&self, word: &[u8]) -> Option<u32> {
        if word.len() > SHORT {
            return self.get_long(word);
        }
        let (a, b) = halves(word);
        let n = word.len() as u32;
        let mut slot = self.slot(a, b, word.len());
        loop {
            let s = &self.slots[slot];
            if s.3 == 0 {
                return None;
            }
            if s.0 == a && s.1 == b && s.2 == n {
                return Some(s.3 - 1);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let lists: [&List; 9] = [TITLES, ROLE_NOUNS, REPORTING_VERBS, GIVEN_NAMES, NOT_NAME, COUNTRIES, PARTICLES, OPENERS, NOT_NAME_DATES];
        let mut words: HashMap<&'static str, Word, BuildHasherDefault<WordHasher>> = HashMap::default();
        for list in lists {
            for w in list.words {
                words.entry(w).or_default().lists |= 1 << list.bit;
            }
        }
        // the first of a word's rows counts, as a linear search would find it
        for (w, kind) in ORG_HEADS.iter().rev() {
            words.entry(w).or_default().org_head = Some(kind);
        }
        for (w, country) in NATIONALITIES.iter().rev() {
            words.entry(w).or_default().nationality = Some(country);
        }
        Index::new(words)
    })
}

/// A hash for short words and numbers (the multiply-rotate hash of the Rust
/// compiler): the keys are the program's own words or one article's names,
/// so resistance to chosen collisions, what the standard hash buys, is not
/// worth its cost.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_answers_as_the_lists_do() {
        let lists: [&List; 9] = [TITLES, ROLE_NOUNS, REPORTING_VERBS, GIVEN_NAMES, NOT_NAME, COUNTRIES, PARTICLES, OPENERS, NOT_NAME_DATES];
        let mut bits: Vec<u8> = lists.iter().map(|l| l.bit).collect();
        bits.sort();
        bits.dedup();
        assert_eq!(bits.len(), lists.len(), "one bit per list");
        for list in lists {
            for other in lists {
                for w in other.words.iter().chain(&["", "baghdad", "generals"]) {
                    assert_eq!(is_in(list, w), list.words.contains(w), "{w}");
                }
            }
        }
        assert!(is_in(&["x", "y"][..], "y") && !is_in(&["x"][..], "y"));
    }

    #[test]
    fn a_word_table_numbers_its_words_in_order_and_knows_no_other() {
        let words: Vec<&[u8]> = vec![b"al", b"asad", b"al", b"", b"ain al asad air base", b"ain al asad air base", b"qasim", "é".as_bytes(), b"abcdefgh", b"abcdefghi"];
        let t = WordTable::new(words.iter().copied());
        for (i, w) in words.iter().enumerate() {
            let first = words.iter().position(|x| x == w).unwrap();
            assert_eq!(t.get(w), Some(first as u32), "{i}");
        }
        for w in [&b"a"[..], b"als", b"asa", b"ain al asad air bas", b"ain al asad air basex", b"abcdefgx", b"abcdefghx", b"xbcdefghi"] {
            assert_eq!(t.get(w), None);
        }
    }

    #[test]
    fn the_table_finds_its_words_and_no_other() {
        let lists: [&List; 9] = [TITLES, ROLE_NOUNS, REPORTING_VERBS, GIVEN_NAMES, NOT_NAME, COUNTRIES, PARTICLES, OPENERS, NOT_NAME_DATES];
        let mut known: Vec<&str> = lists.iter().flat_map(|l| l.words.iter().copied()).collect();
        known.extend(ORG_HEADS.iter().map(|x| x.0));
        known.extend(NATIONALITIES.iter().map(|x| x.0));
        assert!(known.iter().any(|w| w.len() > SHORT), "the long words are looked up too");
        for w in &known {
            assert!(entry(w).is_some(), "{w}");
        }
        // every word one byte away from a known one, of every length around
        // the table's key sizes
        let mut near: Vec<String> = Vec::new();
        for w in &known {
            near.push(format!("{w}s"));
            near.push(format!("x{w}"));
            near.push(w[..w.len() - 1].to_string());
            near.push(w.replace('a', "e"));
        }
        for n in 0..=SHORT + 2 {
            near.push("a".repeat(n));
            near.push("ab".repeat(n / 2));
        }
        for w in &near {
            assert_eq!(entry(w).is_some(), known.contains(&w.as_str()), "{w}");
        }
        for w in known.iter().chain(&["", "baghdad"]) {
            let got = entry(w).map(|x| (x.lists, x.org_head, x.nationality));
            let want = TITLES.words.contains(w) == got.is_some_and(|g| g.0 & 1 != 0);
            assert!(want, "{w}");
        }
    }
}
