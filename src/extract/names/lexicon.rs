//! The word lists behind the rules of English news that find names the
//! dictionary does not know: titles, roles, reporting verbs, organization
//! head nouns, and the capitalized words that are never names.

/// Titles and ranks written before a name, capitalized in a run of capitals
/// ("Prime Minister X", "Major General X", "Adm. X"). Lower-case forms.
pub const TITLES: &[&str] = &[
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
];

/// Role nouns, lower case in running text, that make the next or the
/// apposed capitalized words a person ("NATO chief X", "X, a spokesman").
pub const ROLE_NOUNS: &[&str] = &[
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
];

/// Verbs that follow (or, for "said", precede) a speaker's name.
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "stressed", "noted", "announced", "confirmed",
    "revealed", "explained", "warned", "stated", "wrote", "tweeted", "posted", "emphasized",
    "emphasised", "argued", "insisted", "asserted", "acknowledged", "claimed", "declared", "urged",
    "praised", "reiterated", "expressed", "welcomed", "denied", "vowed", "thanked", "condemned",
    "dismissed", "met", "visited", "demanded", "informed", "reported", "pointed", "affirmed",
    "underlined", "indicated", "commented", "replied", "responded", "criticized", "criticised",
    "called", "asked", "admitted", "believes", "believed", "thinks", "hopes", "wants", "chaired",
    "attended", "received", "discussed", "oversaw", "signed", "spoke", "speaks", "writes",
];

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
pub const ORG_CONNECTORS: &[&str] = &["of", "for", "in", "against", "to", "and", "the", "on"];

/// Words of a name that are Arabic name particles, written in lower case.
pub const PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "van", "von", "der", "da", "ul"];

/// Given names common in the region's and the West's news, enough to tell
/// "Saddam Hussein" from "Camp Victory" without other evidence.
pub const GIVEN_NAMES: &[&str] = &[
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
];

/// Capitalized words that are never (part of) a person's name: months,
/// weekdays, determiners, pronouns, and common sentence openers.
pub const NOT_NAME: &[&str] = &[
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
];

/// Countries and cities that outlets use for governments ("Washington said"):
/// neither people nor organizations. Also the country names the kb keeps for
/// states. Lower case, folded.
pub const COUNTRIES: &[&str] = &[
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
];

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

pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

pub fn org_head_kind(word: &str) -> Option<&'static str> {
    ORG_HEADS.iter().find(|(h, _)| *h == word).map(|(_, k)| *k)
}

pub fn nationality(word: &str) -> Option<&'static str> {
    NATIONALITIES.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}
