//! The cue lexicon (`lexicon.txt`, compiled in), the typo map (`typos.txt`) and the matcher that
//! finds the longest cue starting at each token.

use super::tokenize::{collapse, Kind, Tokens};
use super::Theme;
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

/// Cue flags (see the header of `lexicon.txt`).
pub(crate) mod flag {
    pub const NEG: u16 = 1;
    pub const INT: u16 = 1 << 1;
    pub const DIM: u16 = 1 << 2;
    pub const BUT: u16 = 1 << 3;
    pub const SUB: u16 = 1 << 4;
    pub const CONC: u16 = 1 << 5;
    pub const SARC: u16 = 1 << 6;
    pub const IJ: u16 = 1 << 7;
    pub const THREAT: u16 = 1 << 8;
    pub const TADJ: u16 = 1 << 9;
    pub const PROT: u16 = 1 << 10;
    pub const REQ: u16 = 1 << 11;
}

#[derive(Debug)]
enum PatTok {
    Lit(Box<str>),
    Stem(Box<str>),
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
    pub flags: u16,
}

impl Entry {
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
}

/// A matched cue: entry index and the token range it covers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub entry: u32,
    pub start: u32,
    pub end: u32,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    exact: FxMap<Box<str>, Vec<u32>>,
    stems: FxMap<Box<str>, Vec<u32>>,
    stem_lens: u64,
    /// First three bytes of every stem: most tokens skip the stem lookups.
    stem_prefix: FxSet<u32>,
    /// First three bytes of every typo-correction target.
    fix_prefix: FxSet<u32>,
    /// Patterns starting with a number, by their second (literal) token.
    num_first: FxMap<Box<str>, Vec<u32>>,
    vocab: FxSet<Box<str>>,
    typos: FxMap<Box<str>, Box<str>>,
    /// One-deletion variants of longer lexicon words -> the word (None when ambiguous).
    deletes: FxMap<Box<str>, Option<Box<str>>>,
}

const NUM_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "couple", "few",
    "several", "many", "multiple", "some",
];

fn is_num(tok: &str, kind: Kind) -> bool {
    kind == Kind::Num || NUM_WORDS.contains(&tok)
}

/// The first three bytes of a word packed into an integer (None for shorter words).
fn prefix3(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    (b.len() >= 3).then(|| u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]))
}

fn theme_from(name: &str) -> Option<Theme> {
    Theme::ALL.iter().copied().find(|t| t.as_str() == name)
}

/// Parse the lexicon text. Panics with the line number on a malformed line (the text is compiled in
/// and covered by tests, so this cannot happen at run time).
fn parse_entries(src: &str) -> Vec<(String, Entry)> {
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
                s.parse()
                    .unwrap_or_else(|_| panic!("lexicon line {}: bad number {s:?}", n + 1))
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
            let th = theme_from(name)
                .unwrap_or_else(|| panic!("lexicon line {}: unknown theme {name:?}", n + 1));
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
                _ => panic!("lexicon line {}: unknown flag {f:?}", n + 1),
            };
        }
        let pat = pat_src
            .split_whitespace()
            .map(|p| match p {
                "#n" => PatTok::Num,
                "*" => PatTok::Any,
                _ => match p.strip_suffix('*') {
                    Some(stem) if !stem.is_empty() => PatTok::Stem(norm_word(stem).into()),
                    _ => PatTok::Lit(norm_word(p).into()),
                },
            })
            .collect();
        out.push((
            pat_src.to_string(),
            Entry {
                pat,
                val,
                stance,
                themes,
                flags,
            },
        ));
    }
    out
}

/// Normalise a lexicon word the way the tokenizer does (lowercase, apostrophes removed).
fn norm_word(w: &str) -> String {
    w.chars()
        .filter(|&c| c != '\'' && c != '\u{2019}')
        .flat_map(char::to_lowercase)
        .collect()
}

impl Lexicon {
    /// Compile the built-in lexicon and typo map.
    pub fn new() -> Lexicon {
        let parsed = parse_entries(LEXICON);
        let mut lx = Lexicon {
            entries: Vec::with_capacity(parsed.len()),
            exact: FxMap::default(),
            stems: FxMap::default(),
            stem_lens: 0,
            stem_prefix: FxSet::default(),
            fix_prefix: FxSet::default(),
            num_first: FxMap::default(),
            vocab: FxSet::default(),
            typos: FxMap::default(),
            deletes: FxMap::default(),
        };
        for (i, (_, e)) in parsed.into_iter().enumerate() {
            let i = i as u32;
            for p in &e.pat {
                if let PatTok::Lit(w) = p {
                    lx.vocab.insert(w.clone());
                }
            }
            match &e.pat[0] {
                PatTok::Lit(w) => lx.exact.entry(w.clone()).or_default().push(i),
                PatTok::Stem(s) => {
                    lx.stem_lens |= 1u64 << s.len().min(63);
                    if let Some(p) = prefix3(s) {
                        lx.stem_prefix.insert(p);
                    }
                    lx.stems.entry(s.clone()).or_default().push(i);
                }
                PatTok::Num => match e.pat.get(1) {
                    Some(PatTok::Lit(w)) => lx.num_first.entry(w.clone()).or_default().push(i),
                    _ => panic!("a pattern starting with #n needs a literal second token"),
                },
                PatTok::Any => panic!("a lexicon pattern cannot start with *"),
            }
            lx.entries.push(e);
        }
        for line in TYPOS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((a, b)) = line.split_once(' ') {
                lx.typos.insert(a.trim().into(), b.trim().into());
            }
        }
        // one-edit typo correction targets: lexicon words of 5+ ASCII letters
        let targets: Vec<Box<str>> = lx
            .vocab
            .iter()
            .filter(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .cloned()
            .collect();
        for w in targets {
            if let Some(p) = prefix3(&w) {
                lx.fix_prefix.insert(p);
            }
            let b = w.as_bytes();
            for k in 0..b.len() {
                let mut d = Vec::with_capacity(b.len() - 1);
                d.extend_from_slice(&b[..k]);
                d.extend_from_slice(&b[k + 1..]);
                let d: Box<str> = String::from_utf8(d).expect("ascii").into();
                if lx.vocab.contains(&d) {
                    continue;
                }
                lx.deletes
                    .entry(d)
                    .and_modify(|v| {
                        if v.as_deref() != Some(&*w) {
                            *v = None
                        }
                    })
                    .or_insert_with(|| Some(w.clone()));
            }
        }
        lx
    }

    /// Is `w` a word of some cue?
    pub fn knows(&self, w: &str) -> bool {
        self.vocab.contains(w) || self.stem_prefix_known(w)
    }

    fn stem_prefix_known(&self, w: &str) -> bool {
        if !prefix3(w).is_some_and(|p| self.stem_prefix.contains(&p)) {
            return false;
        }
        (3..=w.len().min(63)).any(|k| {
            self.stem_lens & (1 << k) != 0
                && w.is_char_boundary(k)
                && self.stems.contains_key(&w[..k])
        })
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
        if let Some(Some(t)) = self.deletes.get(w) {
            if !inflection(t) {
                return Some(t.to_string());
            }
        }
        let mut buf = [0u8; 24];
        // the word has an extra letter
        for k in 0..b.len() {
            buf[..k].copy_from_slice(&b[..k]);
            buf[k..b.len() - 1].copy_from_slice(&b[k + 1..]);
            let cand = std::str::from_utf8(&buf[..b.len() - 1]).expect("ascii");
            if cand.len() >= 6 && self.vocab.contains(cand) && !inflection(cand) {
                return Some(cand.to_string());
            }
        }
        // two adjacent letters swapped
        buf[..b.len()].copy_from_slice(b);
        for k in 1..b.len().saturating_sub(1) {
            if b[k] == b[k + 1] {
                continue;
            }
            buf.swap(k, k + 1);
            let cand = std::str::from_utf8(&buf[..b.len()]).expect("ascii");
            if self.vocab.contains(cand) {
                return Some(cand.to_string());
            }
            buf.swap(k, k + 1);
        }
        None
    }

    fn tok_matches(p: &PatTok, tok: &str, kind: Kind) -> bool {
        match p {
            PatTok::Lit(w) => **w == *tok,
            PatTok::Stem(s) => tok.len() > s.len() - 1 && tok.starts_with(&**s),
            PatTok::Num => is_num(tok, kind),
            PatTok::Any => !matches!(kind, Kind::Punct(_)),
        }
    }

    fn try_entry(&self, idx: u32, words: &[&str], kinds: &[Kind], at: usize) -> Option<usize> {
        let e = &self.entries[idx as usize];
        if at + e.pat.len() > words.len() {
            return None;
        }
        for (k, p) in e.pat.iter().enumerate() {
            if !Self::tok_matches(p, words[at + k], kinds[at + k]) {
                return None;
            }
        }
        Some(e.pat.len())
    }

    /// Longest-match scan: one hit per matched cue, left to right, non-overlapping.
    pub fn scan(&self, words: &[&str], toks: &Tokens, hits: &mut Vec<Hit>) {
        hits.clear();
        let kinds: Vec<Kind> = toks.toks.iter().map(|t| t.kind).collect();
        let mut i = 0;
        while i < words.len() {
            if matches!(kinds[i], Kind::Punct(_)) {
                i += 1;
                continue;
            }
            let w = words[i];
            let mut best: Option<(usize, u32)> = None;
            let consider = |idx: u32, best: &mut Option<(usize, u32)>| {
                if let Some(len) = self.try_entry(idx, words, &kinds, i) {
                    if best.map_or(true, |(bl, _)| len > bl) {
                        *best = Some((len, idx));
                    }
                }
            };
            if let Some(list) = self.exact.get(w) {
                for &idx in list {
                    consider(idx, &mut best);
                }
            }
            if prefix3(w).is_some_and(|p| self.stem_prefix.contains(&p)) {
                for k in (3..=w.len().min(63)).rev() {
                    if self.stem_lens & (1 << k) != 0 && w.is_char_boundary(k) {
                        if let Some(list) = self.stems.get(&w[..k]) {
                            for &idx in list {
                                consider(idx, &mut best);
                            }
                        }
                    }
                }
            }
            if i + 1 < words.len() && is_num(w, kinds[i]) {
                if let Some(list) = self.num_first.get(words[i + 1]) {
                    for &idx in list {
                        consider(idx, &mut best);
                    }
                }
            }
            match best {
                Some((len, idx)) => {
                    hits.push(Hit {
                        entry: idx,
                        start: i as u32,
                        end: (i + len) as u32,
                    });
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
        let dups: Vec<&str> = parsed
            .iter()
            .map(|(p, _)| p.as_str())
            .filter(|p| !seen.insert(*p))
            .collect();
        assert!(dups.is_empty(), "duplicate cues: {dups:?}");
    }

    #[test]
    fn typo_correction() {
        let lx = Lexicon::new();
        assert_eq!(lx.correct("helpfull", false).as_deref(), Some("helpful"));
        assert_eq!(
            lx.correct("condescnding", false).as_deref(),
            Some("condescending")
        );
        assert_eq!(lx.correct("arrgoant", false).as_deref(), Some("arrogant"));
        assert_eq!(lx.correct("sooo", true).as_deref(), Some("so"));
        assert_eq!(lx.correct("marketing", false), None);
    }
}
