//! The cue lexicon (`lexicon.txt`, compiled in), the typo map (`typos.txt`) and the matcher that
//! finds the longest cue starting at each token.

use super::tokenize::{collapse, Kind, Token, Tokens};
use super::Theme;

/// Words that open a question ("how do I …"): a question or request, not a complaint.
pub(crate) const QWORDS: &[&str] = &[
    "what", "whats", "where", "wheres", "when", "who", "whom", "whos", "which", "how", "hows", "is", "are", "can", "could", "would",
    "will", "does", "do", "did", "should", "shall", "may", "has", "have", "any", "anyone", "anybody", "am", "was", "were",
];

/// Words that mark repetition ("yet another form"), which sharpen a complaint.
pub(crate) const REPEAT_WORDS: &[&str] =
    &["another", "again", "more", "yet", "third", "fourth", "fifth", "sixth", "extra", "additional", "other"];

/// Words of placeholder answers ("n/a", "nothing to add"), not opinions.
pub(crate) const PLACEHOLDER_WORDS: &[&str] = &[
    "n",
    "a",
    "na",
    "none",
    "nil",
    "nothing",
    "pass",
    "no",
    "comment",
    "comments",
    "to",
    "add",
    "further",
    "answer",
    "answers",
    "remarks",
    "remark",
    "else",
    "not",
    "applicable",
    "opinion",
    "opinions",
    "from",
    "me",
    "for",
    "now",
    "skip",
    "nope",
    "idk",
    "nah",
    "at",
    "this",
    "time",
    "i",
    "dont",
    "know",
    "have",
    "nothing",
    "really",
    "thing",
    "things",
    "n.a",
    "same",
    "as",
    "above",
    "blank",
    "x",
    "more",
    "nada",
    "zilch",
    "non",
    "ne",
    "rien",
    "keine",
    "kommentar",
    "ninguno",
];
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const LEXICON: &str = include_str!("lexicon.txt");
const TYPOS: &str = include_str!("typos.txt");

/// A small, fast, non-cryptographic hasher (the "Fx" hash used by rustc) for short string keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type FxSet<K> = HashSet<K, FxBuild>;

/// Cue flags: the last column of `lexicon.txt` (see its header), tested with [`Entry::has`].
/// Unless noted, they act in `scope.rs` (`annotate` and its passes).
pub(crate) mod flag {
    /// `neg`, a negator ("not", "never", "lack of"): opens a negation scope over the next tokens
    /// (`NEG_WINDOW`, or the valence column when positive) up to punctuation or a contrast word;
    /// a cue inside is flipped and weakened. A second negator inside the scope cancels it, as does
    /// "without" soon after one. A negator with a stance or themes ("rather than") is also a cue,
    /// without valence. Acts in `Reader::negator` and `Reader::cue`.
    pub const NEG: u16 = 1;
    /// `int`, an intensifier ("very", "extremely"): the valence column is a multiplier for the
    /// next cue within two tokens (its stance gets half the boost); no cue itself unless also
    /// [`IJ`]. Acts in `Reader::hit` and `Reader::cue`.
    pub const INT: u16 = 1 << 1;
    /// `dim`, a diminisher ("slightly", "a bit", "so so"): an [`INT`] with a multiplier below 1.
    pub const DIM: u16 = 1 << 2;
    /// `but`, a contrast ("but", "however", "that said"): the clause before it weighs less
    /// (`BEFORE_BUT`), the one after more (`AFTER_BUT`); ends a negation scope. A bare "still" or
    /// "yet" counts only at the start of a clause. Acts in `Reader::contrast`.
    pub const BUT: u16 = 1 << 3;
    /// `sub`, a subordinator ("although", "even though"): its own clause weighs less than the
    /// main clause; a final "though" emphasises its sentence over the one before. Acts in
    /// `Reader::subordinate`.
    pub const SUB: u16 = 1 << 4;
    /// `conc`, a concession ("I get why", "I understand"): praise in its sentence keeps only
    /// `CONC_VAL`. Marked in `mark_sentences`, acts in `adjust_by_sentence`.
    pub const CONC: u16 = 1 << 5;
    /// `sarc`, a sarcasm cue ("oh great", 🙄): praise and enabling stance in its sentence and the
    /// next turn negative; one without letters (an emoji) covers the whole comment. Never flipped
    /// itself. Acts in `sarcastic_sentences` and `apply_sarcasm`.
    pub const SARC: u16 = 1 << 6;
    /// `ij`, an interjection ("great", "brilliant", "super"): when it opens a sentence and
    /// punctuation follows, it is sarcastic if the sentence speaks of repetition ("again") or the
    /// rest of the comment is more negative than positive. Lets an [`INT`] also be a cue. Acts in
    /// `sarcastic_sentences` and `Reader::hit`.
    pub const IJ: u16 = 1 << 7;
    /// `threat`, an attacker or incident noun ("phishing", "incident"): its sentence is about a
    /// threat (where [`TADJ`] and [`PROT`] act); unnegated with the incident_response theme at
    /// weight 1+, the comment is about an incident and fast handling there is no throughput
    /// praise. Marked in `mark_sentences`, acts in `adjust_by_sentence` and `mark_incident_context`.
    pub const THREAT: u16 = 1 << 8;
    /// `tadj`, a threat adjective ("nasty", "scary"): no valence in a sentence with a [`THREAT`]
    /// (it describes the attack, not the team). Acts in `adjust_by_sentence`.
    pub const TADJ: u16 = 1 << 9;
    /// `prot`, a protection verb ("blocked", "stopped"): unnegated in a sentence with a
    /// [`THREAT`], it is praise (valence 1.6) without stance, marked protective; `stance.rs` and
    /// `themes.rs` read that (no stance shown, the incident_response theme). Acts in
    /// `adjust_by_sentence`.
    pub const PROT: u16 = 1 << 10;
    /// `req`, a request marker ("please", "would be"): makes its sentence a request when it is a
    /// phrase of 2+ tokens, opens the sentence, or is "please"/"pls"; cues there keep `REQ_VAL`
    /// of their valence and `REQ_STANCE` of their stance. A marker without valence, stance or
    /// themes is no cue. Marked in `mark_sentences`, acts in `adjust_by_sentence`, `Reader::hit`.
    pub const REQ: u16 = 1 << 11;
    /// `behalf`, a complaint on the team's behalf ("understaffed", "deserve better"): cues in its
    /// sentence portray no stance. Marked in `mark_sentences`, acts in `adjust_by_sentence`.
    pub const BEHALF: u16 = 1 << 12;
}

/// Word flags: the closed word classes the scope rules ask about, looked up once per token
/// ([`Word::flags`], set by `Lexicon::intern_word_classes`).
pub(crate) mod wflag {
    /// A number word ("a", "two", "few", ...), see `NUM_WORDS`: matches `#n` in a pattern
    /// (`Lexicon::scan`, `tok_matches`).
    pub const NUM: u16 = 1;
    /// Opens a question ("what", "can", ...), see `QWORDS`: a sentence with "?" is a question only
    /// when its first word has this (`split_sentences` in `scope.rs`).
    pub const QWORD: u16 = 1 << 1;
    /// Marks repetition ("another", "again", ...), see `REPEAT_WORDS`: makes a sentence-opening
    /// interjection sarcastic (`sarcastic_sentences` in `scope.rs`).
    pub const REPEAT: u16 = 1 << 2;
    /// May appear in a placeholder answer ("n/a", "nothing to add"), see `PLACEHOLDER_WORDS`:
    /// a comment of at most six such words is a placeholder (`placeholder` in `scope.rs`).
    pub const PLACEHOLDER: u16 = 1 << 3;
    /// A short duration ("days", "hours", "quicker", ...), see `SHORT_TIME_WORDS`: the end point
    /// of an improvement (`turn_improvements` in `scope.rs`).
    pub const SHORT_TIME: u16 = 1 << 4;
    /// Introduces the new state of an improvement ("now", "into", "to", "replaced"), see
    /// `IMPROVE_WORDS` (`turn_improvements` in `scope.rs`).
    pub const IMPROVE: u16 = 1 << 5;
}

/// No word id: a token whose (corrected) text is no literal of the lexicon.
pub(crate) const NO_ID: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum PatTok {
    /// A literal word, by id.
    Lit(u32),
    /// A stem (`word*`), by stem id.
    Stem(u32),
    Num,
    Any,
}

/// A pattern token as written in the lexicon, before interning.
enum RawTok {
    Lit(String),
    Stem(String),
    Num,
    Any,
}

/// One cue of the lexicon.
#[derive(Debug)]
pub(crate) struct Entry {
    pat: Vec<PatTok>,
    /// Valence (-3..3), or the multiplier for intensifiers and diminishers.
    pub val: f32,
    /// Positive: enabler weight; negative: blocker weight.
    pub stance: f32,
    pub themes: Vec<(Theme, f32)>,
    /// [`flag`] bits.
    pub flags: u16,
}

impl Entry {
    /// The entry has cue flag `f` (one of [`flag`]).
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
}

/// An entry as the scan tries it: its index and its pattern (a range of `Lexicon::pat_pool`), kept
/// together so trying a candidate reads no [`Entry`].
#[derive(Clone, Copy, Debug)]
struct Candidate {
    entry: u32,
    pat: u32,
    len: u32,
}

/// A matched cue: entry index and the token range it covers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub entry: u32,
    pub start: u32,
    pub end: u32,
}

/// A token after interning and spelling repair: what the matcher and the scope rules look at.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Word {
    /// Word id of the (corrected) text, or [`NO_ID`].
    pub id: u32,
    /// [`wflag`] bits.
    pub flags: u16,
    /// Characters in the (corrected) text.
    pub chars: u16,
    /// The stems this word starts with: a range of the caller's stem buffer, shortest first.
    stems: (u32, u32),
}

/// What the lexicon knows about an interned word.
#[derive(Clone, Copy)]
struct WordInfo {
    /// A literal of some pattern.
    vocab: bool,
    /// Known to the lexicon (a literal, or it starts with a stem of 3+ letters): never corrected.
    known: bool,
    flags: u16,
    chars: u16,
    /// Stems the word starts with: a range of `Lexicon::stem_pool`.
    stems: (u32, u32),
    /// Spelling repair (typo map or one edit) for an unknown word: the target's id, or [`NO_ID`].
    fix: u32,
    /// Entries whose first token is this literal: a range of `Lexicon::first_pool`.
    first: (u32, u32),
    /// Entries `#n WORD ...` whose second token is this literal.
    num_first: (u32, u32),
}

/// Word -> id, open addressing over one text buffer: one short hash and usually one comparison
/// per token (the generic `HashMap<Box<str>, _>` path costs several calls per lookup).
#[derive(Default)]
struct WordTable {
    /// id + 1 per slot, 0 = empty; the length is a power of two, at most half full.
    slots: Vec<u32>,
    /// Per id: hash, start and end in `text`.
    keys: Vec<(u32, u32, u32)>,
    text: String,
}

impl WordTable {
    fn hash(b: &[u8]) -> u32 {
        // FNV-1a: a plain byte loop (words are short; no helper calls at opt-level "z")
        let mut h = 0x811C_9DC5u32;
        for &x in b {
            h = (h ^ u32::from(x)).wrapping_mul(0x0100_0193);
        }
        h ^ (h >> 15)
    }

    /// Build from the words in id order.
    fn build(words: &[Box<str>]) -> WordTable {
        let cap = (words.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable { slots: vec![0; cap], keys: Vec::with_capacity(words.len()), text: String::new() };
        for (id, w) in words.iter().enumerate() {
            let h = Self::hash(w.as_bytes());
            let a = t.text.len() as u32;
            t.text.push_str(w);
            t.keys.push((h, a, t.text.len() as u32));
            let mask = cap - 1;
            let mut i = h as usize & mask;
            while t.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            t.slots[i] = id as u32 + 1;
        }
        t
    }

    fn get(&self, w: &str) -> Option<u32> {
        let b = w.as_bytes();
        let h = Self::hash(b);
        let (slots, keys, text) = (&self.slots[..], &self.keys[..], self.text.as_bytes());
        let mask = slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = slots[i];
            if s == 0 {
                return None;
            }
            let (kh, a, e) = keys[s as usize - 1];
            if kh == h && &text[a as usize..e as usize] == b {
                return Some(s - 1);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A byte trie of the stems: the stems a word starts with, in one walk.
#[derive(Default)]
struct StemTrie {
    /// Root children by first byte (0 = none).
    root: Vec<u32>,
    /// Per node: children (byte, node) and the stem ending here (or [`NO_ID`]).
    kids: Vec<Vec<(u8, u32)>>,
    stem: Vec<u32>,
}

impl StemTrie {
    fn new() -> StemTrie {
        StemTrie { root: vec![0; 256], kids: vec![Vec::new()], stem: vec![NO_ID] }
    }

    fn insert(&mut self, s: &[u8], id: u32) {
        let mut node = 0usize;
        for (k, &b) in s.iter().enumerate() {
            let next = if k == 0 {
                self.root[b as usize] as usize
            } else {
                self.kids[node].iter().find(|&&(x, _)| x == b).map_or(0, |&(_, n)| n as usize)
            };
            node = if next != 0 {
                next
            } else {
                let n = self.kids.len();
                self.kids.push(Vec::new());
                self.stem.push(NO_ID);
                if k == 0 {
                    self.root[b as usize] = n as u32;
                } else {
                    self.kids[node].push((b, n as u32));
                }
                n
            };
        }
        self.stem[node] = id;
    }

    /// Push the ids of the stems `w` starts with, shortest first.
    fn walk(&self, w: &[u8], out: &mut Vec<u32>) {
        let Some(&first) = w.first() else { return };
        let mut node = self.root[first as usize] as usize;
        if node == 0 {
            return;
        }
        let mut k = 1;
        loop {
            if self.stem[node] != NO_ID {
                out.push(self.stem[node]);
            }
            let Some(&b) = w.get(k) else { return };
            match self.kids[node].iter().find(|&&(x, _)| x == b) {
                Some(&(_, n)) => node = n as usize,
                None => return,
            }
            k += 1;
        }
    }
}

/// A 2^16-bit filter of (length, first three bytes) signatures: a cheap "certainly not in the set"
/// before a hash lookup in spelling repair.
struct SigFilter(Vec<u64>);

impl SigFilter {
    fn new() -> SigFilter {
        SigFilter(vec![0; 1 << 10])
    }

    fn slot(len: usize, b: &[u8]) -> usize {
        let p = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let h = (p ^ (len as u32).wrapping_mul(0x9E37_79B9)).wrapping_mul(0x85EB_CA6B);
        (h >> 16) as usize
    }

    fn insert(&mut self, w: &[u8]) {
        if w.len() >= 3 {
            let k = Self::slot(w.len(), w);
            self.0[k >> 6] |= 1 << (k & 63);
        }
    }

    fn maybe(&self, w: &[u8]) -> bool {
        w.len() < 3 || {
            let k = Self::slot(w.len(), w);
            self.0[k >> 6] & 1 << (k & 63) != 0
        }
    }
}

/// Order-independent letter signature of an ASCII-lowercase word: a sum of one random 64-bit value
/// per letter. A transposition keeps it; an extra letter adds that letter's value.
fn letter_sig(w: &[u8]) -> u64 {
    w.iter().map(|&b| letter_val(b)).fold(0, u64::wrapping_add)
}

fn letter_val(b: u8) -> u64 {
    // splitmix64 of the byte
    let mut z = u64::from(b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A 2^16-bit filter of letter signatures of the vocabulary: spelling repair tries a transposition
/// or a deletion only when the result could be a lexicon word.
struct AnagramFilter(Vec<u64>);

impl AnagramFilter {
    fn insert(&mut self, sig: u64) {
        let k = (sig >> 48) as usize;
        self.0[k >> 6] |= 1 << (k & 63);
    }

    fn maybe(&self, sig: u64) -> bool {
        let k = (sig >> 48) as usize;
        self.0[k >> 6] & 1 << (k & 63) != 0
    }
}

/// Ids of single words the scope rules test for.
pub(crate) struct Special {
    pub please: u32,
    pub pls: u32,
    pub still: u32,
    pub yet: u32,
    pub without: u32,
    pub to: u32,
    pub from: u32,
    pub instead: u32,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    /// Word -> id; ids index `info`.
    ids: FxMap<Box<str>, u32>,
    info: Vec<WordInfo>,
    /// Word of each id (only while building).
    names: Vec<Box<str>>,
    /// The same map as `ids`, for the per-token lookups.
    table: WordTable,
    stem_pool: Vec<u32>,
    stem_len: Vec<u32>,
    /// The stem starts some pattern and has 3+ bytes: a word starting with it is known.
    stem_known: Vec<bool>,
    /// Entries by first stem (stems of 3+ bytes only), by stem id.
    stem_first: Vec<(u32, u32)>,
    first_pool: Vec<Candidate>,
    /// The patterns of `first_pool`'s candidates, one after another.
    pat_pool: Vec<PatTok>,
    trie: StemTrie,
    /// First three bytes of every typo-correction target.
    fix_prefix: FxSet<u32>,
    typos: FxMap<Box<str>, Box<str>>,
    /// One-deletion variants of longer lexicon words -> the word (None when ambiguous).
    deletes: FxMap<Box<str>, Option<Box<str>>>,
    /// Signatures of the vocabulary and of the keys of `deletes`.
    vocab_sig: SigFilter,
    deletes_sig: SigFilter,
    vocab_ana: AnagramFilter,
    pub sp: Special,
}

const NUM_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "couple", "few", "several", "many", "multiple", "some",
];

const SHORT_TIME_WORDS: &[&str] = &["day", "days", "hour", "hours", "minutes", "minute", "same", "quick", "quicker", "faster"];

const IMPROVE_WORDS: &[&str] = &["now", "into", "to", "replaced"];

/// The first three bytes of a word packed into an integer (None for shorter words).
fn prefix3(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    (b.len() >= 3).then(|| u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]))
}

fn theme_from(name: &str) -> Option<Theme> {
    Theme::ALL.iter().copied().find(|t| t.as_str() == name)
}

/// Parse the lexicon text into (pattern source, pattern tokens, entry without pattern). Panics with
/// the line number on a malformed line (the text is compiled in and covered by tests, so this cannot
/// happen at run time).
fn parse_entries(src: &str) -> Vec<(String, Vec<RawTok>, Entry)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') && !line.starts_with("#n") {
            continue;
        }
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let pat_src = cols[0];
        let num = |s: &str| -> f32 {
            if s.is_empty() {
                0.0
            } else {
                s.parse().unwrap_or_else(|_| panic!("lexicon line {}: bad number {s:?}", n + 1))
            }
        };
        let val = num(cols.get(1).copied().unwrap_or(""));
        let stance = match cols.get(2).copied().unwrap_or("") {
            "" => 0.0,
            s if s.starts_with('b') => -num(&s[1..]),
            s if s.starts_with('e') => num(&s[1..]),
            s => panic!("lexicon line {}: bad stance {s:?}", n + 1),
        };
        let mut themes = Vec::new();
        for t in cols.get(3).copied().unwrap_or("").split_whitespace() {
            let (name, w) = match t.split_once(':') {
                Some((a, b)) => (a, num(b)),
                None => (t, 1.0),
            };
            let th = theme_from(name).unwrap_or_else(|| panic!("lexicon line {}: unknown theme {name:?}", n + 1));
            themes.push((th, w));
        }
        let mut flags = 0;
        for f in cols.get(4).copied().unwrap_or("").split_whitespace() {
            flags |= match f {
                "neg" => flag::NEG,
                "int" => flag::INT,
                "dim" => flag::DIM,
                "but" => flag::BUT,
                "sub" => flag::SUB,
                "conc" => flag::CONC,
                "sarc" => flag::SARC,
                "ij" => flag::IJ,
                "threat" => flag::THREAT,
                "tadj" => flag::TADJ,
                "prot" => flag::PROT,
                "req" => flag::REQ,
                "behalf" => flag::BEHALF,
                _ => panic!("lexicon line {}: unknown flag {f:?}", n + 1),
            };
        }
        let pat = pat_src
            .split_whitespace()
            .map(|p| match p {
                "#n" => RawTok::Num,
                "*" => RawTok::Any,
                _ => match p.strip_suffix('*') {
                    Some(stem) if !stem.is_empty() => RawTok::Stem(norm_word(stem)),
                    _ => RawTok::Lit(norm_word(p)),
                },
            })
            .collect();
        out.push((pat_src.to_string(), pat, Entry { pat: Vec::new(), val, stance, themes, flags }));
    }
    out
}

/// Normalise a lexicon word the way the tokenizer does (lowercase, apostrophes removed).
fn norm_word(w: &str) -> String {
    w.chars().filter(|&c| c != '\'' && c != '\u{2019}').flat_map(char::to_lowercase).collect()
}

/// Group entry indices by a key id into `pool`; returns a range per key. Inside a key, longer
/// patterns come first, equal lengths in lexicon order: the first match is the one to keep.
fn group(pairs: &mut [(u32, u32)], n_keys: usize, pool: &mut Vec<u32>, len: impl Fn(u32) -> usize) -> Vec<(u32, u32)> {
    pairs.sort_by_key(|&(k, e)| (k, std::cmp::Reverse(len(e)), e));
    let mut ranges = vec![(0u32, 0u32); n_keys];
    let mut i = 0;
    while i < pairs.len() {
        let k = pairs[i].0;
        let a = pool.len() as u32;
        while i < pairs.len() && pairs[i].0 == k {
            pool.push(pairs[i].1);
            i += 1;
        }
        ranges[k as usize] = (a, pool.len() as u32);
    }
    ranges
}

/// Entries by how their pattern starts, collected by [`Lexicon::add_entry`]: (key id, entry index).
#[derive(Default)]
struct FirstTokens {
    /// Keyed by the literal the pattern starts with.
    lit: Vec<(u32, u32)>,
    /// Keyed by the stem (3+ bytes) the pattern starts with.
    stem: Vec<(u32, u32)>,
    /// Patterns `#n WORD ...`, keyed by WORD.
    num: Vec<(u32, u32)>,
}

impl Lexicon {
    /// The id of `w`, interning it (with blank [`WordInfo`]) when new.
    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.info.len() as u32;
        self.ids.insert(w.into(), id);
        self.names.push(w.into());
        self.info.push(WordInfo {
            vocab: false,
            known: false,
            flags: 0,
            chars: w.chars().count().min(u16::MAX as usize) as u16,
            stems: (0, 0),
            fix: NO_ID,
            first: (0, 0),
            num_first: (0, 0),
        });
        id
    }

    /// Compile the built-in lexicon and typo map.
    pub fn new() -> Lexicon {
        let parsed = parse_entries(LEXICON);
        let mut lx = Lexicon::empty(parsed.len());
        let mut stem_ids: FxMap<String, u32> = FxMap::default();
        let mut firsts = FirstTokens::default();
        for (i, (_, raw, e)) in parsed.into_iter().enumerate() {
            lx.add_entry(i as u32, &raw, e, &mut stem_ids, &mut firsts);
        }
        lx.load_typos();
        lx.index_one_deletions();
        // every word a scope rule or the typo map names gets an id
        lx.intern_word_classes();
        lx.sp = lx.intern_specials();
        lx.intern_typo_words();
        lx.resolve_interned();
        lx.index_first_tokens(firsts);
        lx.table = WordTable::build(&lx.names);
        lx.names = Vec::new();
        lx
    }

    /// A lexicon with no words yet, room for `n_entries` entries.
    fn empty(n_entries: usize) -> Lexicon {
        Lexicon {
            entries: Vec::with_capacity(n_entries),
            ids: FxMap::default(),
            info: Vec::new(),
            names: Vec::new(),
            table: WordTable::default(),
            stem_pool: Vec::new(),
            stem_len: Vec::new(),
            stem_known: Vec::new(),
            stem_first: Vec::new(),
            first_pool: Vec::new(),
            pat_pool: Vec::new(),
            trie: StemTrie::new(),
            fix_prefix: FxSet::default(),
            typos: FxMap::default(),
            deletes: FxMap::default(),
            vocab_sig: SigFilter::new(),
            deletes_sig: SigFilter::new(),
            vocab_ana: AnagramFilter(vec![0; 1 << 10]),
            sp: Special { please: NO_ID, pls: NO_ID, still: NO_ID, yet: NO_ID, without: NO_ID, to: NO_ID, from: NO_ID, instead: NO_ID },
        }
    }

    /// Compile entry `i` (pattern `raw`) and note how its pattern starts in `firsts`.
    fn add_entry(&mut self, i: u32, raw: &[RawTok], mut e: Entry, stem_ids: &mut FxMap<String, u32>, firsts: &mut FirstTokens) {
        for (k, p) in raw.iter().enumerate() {
            let t = self.compile_tok(p, stem_ids);
            if k == 0 {
                self.note_first(&t, raw, i, firsts);
            }
            if k == 1 && matches!(raw[0], RawTok::Num) {
                if let PatTok::Lit(id) = t {
                    firsts.num.push((id, i));
                }
            }
            e.pat.push(t);
        }
        self.entries.push(e);
    }

    /// Intern a pattern token: a literal becomes vocabulary (and enters the spelling filters), a
    /// new stem enters the trie.
    fn compile_tok(&mut self, p: &RawTok, stem_ids: &mut FxMap<String, u32>) -> PatTok {
        match p {
            RawTok::Lit(w) => {
                let id = self.intern(w);
                self.info[id as usize].vocab = true;
                self.vocab_sig.insert(w.as_bytes());
                self.vocab_ana.insert(letter_sig(w.as_bytes()));
                PatTok::Lit(id)
            }
            RawTok::Stem(s) => {
                let next = stem_ids.len() as u32;
                let id = *stem_ids.entry(s.clone()).or_insert(next);
                if id == next {
                    self.trie.insert(s.as_bytes(), id);
                    self.stem_len.push(s.len() as u32);
                    self.stem_known.push(false);
                }
                PatTok::Stem(id)
            }
            RawTok::Num => PatTok::Num,
            RawTok::Any => PatTok::Any,
        }
    }

    /// Note entry `i` under its first token `t`. Panics on a pattern that cannot start a match.
    fn note_first(&mut self, t: &PatTok, raw: &[RawTok], i: u32, firsts: &mut FirstTokens) {
        match t {
            PatTok::Lit(id) => firsts.lit.push((*id, i)),
            // a stem shorter than three bytes never starts a match
            PatTok::Stem(s) if self.stem_len[*s as usize] >= 3 => {
                self.stem_known[*s as usize] = true;
                firsts.stem.push((*s, i))
            }
            PatTok::Stem(_) => {}
            PatTok::Num => match raw.get(1) {
                Some(RawTok::Lit(_)) => {}
                _ => panic!("a pattern starting with #n needs a literal second token"),
            },
            PatTok::Any => panic!("a lexicon pattern cannot start with *"),
        }
    }

    /// Read the typo map (`typos.txt`: "typo correction" per line).
    fn load_typos(&mut self) {
        for line in TYPOS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((a, b)) = line.split_once(' ') {
                self.typos.insert(a.trim().into(), b.trim().into());
            }
        }
    }

    /// One-edit typo correction targets (lexicon words of 5+ ASCII letters): their prefixes and
    /// their one-deletion variants.
    fn index_one_deletions(&mut self) {
        let targets: Vec<Box<str>> = self
            .ids
            .iter()
            .filter(|(w, &id)| self.info[id as usize].vocab && w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|(w, _)| w.clone())
            .collect();
        for w in targets {
            if let Some(p) = prefix3(&w) {
                self.fix_prefix.insert(p);
            }
            self.add_deletions(&w);
        }
    }

    /// Map each one-deletion variant of `w` that is no lexicon word to `w` (to None when another
    /// target has the same variant).
    fn add_deletions(&mut self, w: &str) {
        let b = w.as_bytes();
        for k in 0..b.len() {
            let mut d = Vec::with_capacity(b.len() - 1);
            d.extend_from_slice(&b[..k]);
            d.extend_from_slice(&b[k + 1..]);
            let d: Box<str> = String::from_utf8(d).expect("ascii").into();
            if self.is_vocab(&d) {
                continue;
            }
            self.deletes_sig.insert(d.as_bytes());
            self.deletes
                .entry(d)
                .and_modify(|v| {
                    if v.as_deref() != Some(w) {
                        *v = None
                    }
                })
                .or_insert_with(|| Some(w.into()));
        }
    }

    /// Intern the closed word classes of the scope rules with their [`wflag`]s.
    fn intern_word_classes(&mut self) {
        let mut classes: Vec<(&[&str], u16)> =
            vec![(NUM_WORDS, wflag::NUM), (SHORT_TIME_WORDS, wflag::SHORT_TIME), (IMPROVE_WORDS, wflag::IMPROVE)];
        classes.extend_from_slice(&[(QWORDS, wflag::QWORD), (REPEAT_WORDS, wflag::REPEAT), (PLACEHOLDER_WORDS, wflag::PLACEHOLDER)]);
        for (words, f) in classes {
            for w in words {
                let id = self.intern(w);
                self.info[id as usize].flags |= f;
            }
        }
    }

    /// Intern the single words the scope rules test for.
    fn intern_specials(&mut self) -> Special {
        Special {
            please: self.intern("please"),
            pls: self.intern("pls"),
            still: self.intern("still"),
            yet: self.intern("yet"),
            without: self.intern("without"),
            to: self.intern("to"),
            from: self.intern("from"),
            instead: self.intern("instead"),
        }
    }

    /// Intern both sides of the typo map.
    fn intern_typo_words(&mut self) {
        let typo_words: Vec<Box<str>> = self.typos.iter().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
        for w in &typo_words {
            self.intern(w);
        }
    }

    /// Resolve every interned word once: its stems, whether it is known, its spelling repair
    /// (repair targets are interned too, and resolved in turn).
    fn resolve_interned(&mut self) {
        let mut id = 0;
        let mut buf = Vec::new();
        while id < self.info.len() {
            let w = self.names[id].clone();
            buf.clear();
            self.trie.walk(w.as_bytes(), &mut buf);
            let a = self.stem_pool.len() as u32;
            self.stem_pool.extend_from_slice(&buf);
            let known = self.knows(&w);
            let inf = &mut self.info[id];
            inf.stems = (a, self.stem_pool.len() as u32);
            inf.known = known;
            if !known {
                if let Some(t) = self.correct(&w, false) {
                    let t = self.intern(&t);
                    self.info[id].fix = t;
                }
            }
            id += 1;
        }
    }

    /// Group the entries by first token into `first_pool`: the ranges of each literal (`first`,
    /// `num_first` of its [`WordInfo`]) and of each stem (`stem_first`).
    fn index_first_tokens(&mut self, mut firsts: FirstTokens) {
        let n = self.info.len();
        let mut pool = Vec::new();
        let entries = &self.entries;
        let len = |e: u32| entries[e as usize].pat.len();
        let lits = group(&mut firsts.lit, n, &mut pool, len);
        let nums = group(&mut firsts.num, n, &mut pool, len);
        self.stem_first = group(&mut firsts.stem, self.stem_len.len(), &mut pool, len);
        for (inf, (f, nf)) in self.info.iter_mut().zip(lits.into_iter().zip(nums)) {
            inf.first = f;
            inf.num_first = nf;
        }
        let mut pats = Vec::new();
        self.first_pool = pool
            .into_iter()
            .map(|entry| {
                let pat = &entries[entry as usize].pat;
                let c = Candidate { entry, pat: pats.len() as u32, len: pat.len() as u32 };
                pats.extend_from_slice(pat);
                c
            })
            .collect();
        self.pat_pool = pats;
    }

    fn is_vocab(&self, w: &str) -> bool {
        let id = if self.table.slots.is_empty() { self.ids.get(w).copied() } else { self.table.get(w) };
        id.is_some_and(|id| self.info[id as usize].vocab)
    }

    /// Is `w` a word of some cue, or does it start with a stem of 3+ bytes?
    pub fn knows(&self, w: &str) -> bool {
        self.is_vocab(w) || self.stem_prefix_known(w)
    }

    fn stem_prefix_known(&self, w: &str) -> bool {
        let mut buf = Vec::new();
        self.trie.walk(w.as_bytes(), &mut buf);
        buf.iter().any(|&s| self.stem_known[s as usize])
    }

    /// Spelling repair for a word the lexicon does not know: elongation ("sooo"), the typo map,
    /// then one insertion, deletion or adjacent transposition away from a lexicon word of 5+ letters.
    pub fn correct(&self, w: &str, elongated: bool) -> Option<String> {
        if elongated {
            for keep in [2, 1] {
                let c = collapse(w, keep);
                if self.knows(&c) {
                    return Some(c);
                }
                if let Some(t) = self.typos.get(c.as_str()) {
                    return Some(t.to_string());
                }
            }
        }
        if let Some(t) = self.typos.get(w) {
            return Some(t.to_string());
        }
        self.correct_unlisted(w)
    }

    /// One-edit spelling repair of a word that is no key of the typo map.
    fn correct_unlisted(&self, w: &str) -> Option<String> {
        let b = w.as_bytes();
        if b.len() < 6 || b.len() > 20 || !b.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        // typos rarely touch the first three letters; this skips most ordinary words cheaply
        if !prefix3(w).is_some_and(|p| self.fix_prefix.contains(&p)) {
            return None;
        }
        // an inflection ("requests" / "request", "month" / "months") is not a typo
        let inflection = |c: &str| c.starts_with(w) || w.starts_with(c);
        // the word lacks a letter
        if let Some(Some(t)) = self.deletes_sig.maybe(b).then(|| self.deletes.get(w)).flatten() {
            if !inflection(t) {
                return Some(t.to_string());
            }
        }
        let mut buf = [0u8; 24];
        let sig = letter_sig(b);
        // the word has an extra letter
        for k in 0..b.len() {
            if !self.vocab_ana.maybe(sig.wrapping_sub(letter_val(b[k]))) {
                continue;
            }
            buf[..k].copy_from_slice(&b[..k]);
            buf[k..b.len() - 1].copy_from_slice(&b[k + 1..]);
            if !self.vocab_sig.maybe(&buf[..b.len() - 1]) {
                continue;
            }
            let cand = std::str::from_utf8(&buf[..b.len() - 1]).expect("ascii");
            if cand.len() >= 6 && self.is_vocab(cand) && !inflection(cand) {
                return Some(cand.to_string());
            }
        }
        // two adjacent letters swapped
        if !self.vocab_ana.maybe(sig) {
            return None;
        }
        buf[..b.len()].copy_from_slice(b);
        for k in 1..b.len().saturating_sub(1) {
            if b[k] == b[k + 1] {
                continue;
            }
            buf.swap(k, k + 1);
            let cand = std::str::from_utf8(&buf[..b.len()]).expect("ascii");
            if self.vocab_sig.maybe(cand.as_bytes()) && self.is_vocab(cand) {
                return Some(cand.to_string());
            }
            buf.swap(k, k + 1);
        }
        None
    }

    /// The [`Word`] of an interned id; its stems are copied to `stems`.
    fn word_of(&self, id: u32, stems: &mut Vec<u32>) -> Word {
        let inf = &self.info[id as usize];
        let a = stems.len() as u32;
        stems.extend_from_slice(&self.stem_pool[inf.stems.0 as usize..inf.stems.1 as usize]);
        Word { id, flags: inf.flags, chars: inf.chars, stems: (a, stems.len() as u32) }
    }

    /// The [`Word`] of some text, interned or not (no spelling repair).
    fn word_for(&self, w: &str, stems: &mut Vec<u32>) -> Word {
        if let Some(id) = self.table.get(w) {
            return self.word_of(id, stems);
        }
        let a = stems.len() as u32;
        self.trie.walk(w.as_bytes(), stems);
        Word { id: NO_ID, flags: 0, chars: w.chars().count().min(u16::MAX as usize) as u16, stems: (a, stems.len() as u32) }
    }

    /// Intern the tokens of a comment, repairing the spelling of unknown words (one hash lookup per
    /// token for words seen at build time).
    pub fn resolve(&self, toks: &Tokens, out: &mut Vec<Word>, stems: &mut Vec<u32>) {
        out.clear();
        stems.clear();
        for (i, t) in toks.toks.iter().enumerate() {
            let w = toks.text(i);
            let word = if t.kind != Kind::Word {
                self.word_for(w, stems)
            } else if let Some(id) = self.table.get(w) {
                let inf = &self.info[id as usize];
                if inf.known {
                    self.word_of(id, stems)
                } else if !t.elongated {
                    self.word_of(if inf.fix != NO_ID { inf.fix } else { id }, stems)
                } else {
                    match self.correct(w, true) {
                        Some(c) => self.word_for(&c, stems),
                        None => self.word_of(id, stems),
                    }
                }
            } else {
                let word = self.word_for(w, stems);
                let s = &stems[word.stems.0 as usize..word.stems.1 as usize];
                if s.iter().any(|&x| self.stem_known[x as usize]) {
                    word
                } else {
                    let fixed = if t.elongated { self.correct(w, true) } else { self.correct_unlisted(w) };
                    match fixed {
                        Some(c) => {
                            stems.truncate(word.stems.0 as usize);
                            self.word_for(&c, stems)
                        }
                        None => word,
                    }
                }
            };
            out.push(word);
        }
    }

    fn tok_matches(p: &PatTok, w: &Word, kind: Kind, stems: &[u32]) -> bool {
        match *p {
            PatTok::Lit(id) => w.id == id,
            PatTok::Stem(s) => stems[w.stems.0 as usize..w.stems.1 as usize].contains(&s),
            PatTok::Num => kind == Kind::Num || w.flags & wflag::NUM != 0,
            PatTok::Any => !matches!(kind, Kind::Punct(_)),
        }
    }

    /// The pattern matches the tokens from `at` on (its first token matched when it was looked up).
    fn pattern_at(pat: &[PatTok], words: &[Word], toks: &[Token], stems: &[u32], at: usize) -> bool {
        at + pat.len() <= words.len()
            && pat.iter().enumerate().skip(1).all(|(k, p)| Self::tok_matches(p, &words[at + k], toks[at + k].kind, stems))
    }

    /// Longest-match scan: one hit per matched cue, left to right, non-overlapping. Candidates at a
    /// token: entries starting with its literal (lexicon order), then with its stems (longest stem
    /// first), then `#n WORD` entries; the first of the longest wins.
    pub fn scan(&self, words: &[Word], toks: &Tokens, stems: &[u32], hits: &mut Vec<Hit>) {
        hits.clear();
        let n = words.len();
        let toks: &[Token] = &toks.toks;
        let (pool, pats, info): (&[Candidate], &[PatTok], &[WordInfo]) = (&self.first_pool, &self.pat_pool, &self.info);
        let mut i = 0;
        while i < n {
            let kind = toks[i].kind;
            if matches!(kind, Kind::Punct(_)) {
                i += 1;
                continue;
            }
            let w = &words[i];
            let mut best: Option<(usize, u32)> = None;
            let mut consider = |range: (u32, u32)| {
                // longest first: stop at the first match, or when nothing longer is left
                for c in &pool[range.0 as usize..range.1 as usize] {
                    let len = c.len as usize;
                    if best.is_some_and(|(bl, _)| len <= bl) {
                        break;
                    }
                    if Self::pattern_at(&pats[c.pat as usize..][..len], words, toks, stems, i) {
                        best = Some((len, c.entry));
                        break;
                    }
                }
            };
            if w.id != NO_ID {
                consider(info[w.id as usize].first);
            }
            for &s in stems[w.stems.0 as usize..w.stems.1 as usize].iter().rev() {
                if self.stem_known[s as usize] {
                    consider(self.stem_first[s as usize]);
                }
            }
            if i + 1 < n && (kind == Kind::Num || w.flags & wflag::NUM != 0) {
                let next = words[i + 1].id;
                if next != NO_ID {
                    consider(info[next as usize].num_first);
                }
            }
            match best {
                Some((len, idx)) => {
                    hits.push(Hit { entry: idx, start: i as u32, end: (i + len) as u32 });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_without_duplicates() {
        let parsed = parse_entries(LEXICON);
        assert!(parsed.len() > 1000, "{} cues", parsed.len());
        let mut seen = HashSet::new();
        let dups: Vec<&str> = parsed.iter().map(|(p, _, _)| p.as_str()).filter(|p| !seen.insert(*p)).collect();
        assert!(dups.is_empty(), "duplicate cues: {dups:?}");
    }

    #[test]
    fn typo_correction() {
        let lx = Lexicon::new();
        assert_eq!(lx.correct("helpfull", false).as_deref(), Some("helpful"));
        assert_eq!(lx.correct("condescnding", false).as_deref(), Some("condescending"));
        assert_eq!(lx.correct("arrgoant", false).as_deref(), Some("arrogant"));
        assert_eq!(lx.correct("sooo", true).as_deref(), Some("so"));
        assert_eq!(lx.correct("marketing", false), None);
    }
}
