//! Redaction of free-text comments before they are stored in any report.
//!
//! A [`Redactor`] replaces what could identify a person with a marker:
//! e-mail addresses (`[email]`), phone numbers (`[phone]`), links to a person's page
//! (`[link]`), employee ids (`[id]`) and names from the page owner's block list (`[name]`).
//! [`RedactionCounts`] says how many of each were replaced, so a report can say
//! "3 e-mail addresses and 1 name were removed" without showing them.
//!
//! The scanners look at a *folded* copy of the comment: a compact compatibility
//! decomposition (full-width `＠`/digits, no-break and thin spaces, ligatures, Latin-1 and
//! Latin Extended-A letters to their base letter), combining accents dropped, lower case,
//! Cyrillic and Greek look-alikes of Latin letters, dashes and curly apostrophes made
//! ASCII, zero-width characters dropped. Every
//! folded byte remembers the span of the original character it came from, and the output
//! is the *original* text with the matched spans replaced: nothing outside a match changes.
//!
//! Besides the plain forms, the scanners know `name [at] corp [dot] com`, `(at)`,
//! `jane dot doe at corp dot com`, `+33 1 23 45 67 89`, `EMP 12345`, `/%7Ejdoe`,
//! `?u=jdoe`, profile and share links of common code-hosting, chat and document
//! services, names written `Surname, Given`, without accents, or with `0`/`1` for `o`/`l`.
//!
//! Each kind is found by a small hand-written scanner (no regex engine in the wasm
//! bundle). They are tuned to leave security vocabulary alone: `CVE-2024-1234`,
//! `port 443`, `2FA`, `ISO 27001`, `TLS 1.3`, `10.0.0.1`, versions like `10.0.19045`,
//! years, dates and scores like `4/5` are not phone numbers.
//!
//! Every scanner looks at most a bounded number of bytes ahead, so a comment of n
//! bytes is redacted in O(n · block-list size) time however hostile it is.

use crate::report::RedactionCounts;

/// What a match was, and so which marker replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Email,
    Phone,
    Link,
    Id,
    Name,
}

impl Kind {
    fn marker(self) -> &'static str {
        match self {
            Kind::Email => "[email]",
            Kind::Phone => "[phone]",
            Kind::Link => "[link]",
            Kind::Id => "[id]",
            Kind::Name => "[name]",
        }
    }

    fn count(self, c: &mut RedactionCounts) {
        match self {
            Kind::Email => c.emails += 1,
            Kind::Phone => c.phones += 1,
            Kind::Link => c.links += 1,
            Kind::Id => c.ids += 1,
            Kind::Name => c.names += 1,
        }
    }
}

/// A comment folded for scanning, and where each folded byte came from.
struct Folded {
    text: String,
    /// For each byte of `text`: start and end (bytes) of the original character(s) it came from.
    src: Vec<(u32, u32)>,
}

impl Folded {
    /// Appends `c`, which came from original bytes `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        self.src.resize(self.text.len(), (start as u32, end as u32));
    }

    /// Makes the last folded character also cover original bytes up to `end` (a dropped mark).
    fn extend_last(&mut self, end: usize) {
        let Some(&(start, _)) = self.src.last() else { return };
        for s in self.src.iter_mut().rev().take_while(|s| s.0 == start) {
            s.1 = end as u32;
        }
    }
}

/// Combining marks that only put an accent on a letter (dropped when folding).
fn is_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Invisible characters (zero-width spaces and joiners, soft hyphen, variation selectors).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fe00}'..='\u{fe0f}')
}

/// A lower-case letter or sign after compatibility decomposition, as the scanners see it:
/// Latin letters without a decomposition spelt out, Cyrillic and Greek look-alikes of Latin
/// letters made Latin, dashes `-`, curly apostrophes `'`.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    let one = match c {
        'ø' => 'o',
        'ł' => 'l',
        'đ' | 'ð' => 'd',
        'ħ' => 'h',
        'ŧ' => 't',
        'ı' => 'i',
        'ß' => return "ss".chars().for_each(out),
        'æ' => return "ae".chars().for_each(out),
        'œ' => return "oe".chars().for_each(out),
        'ĳ' => return "ij".chars().for_each(out),
        // Greek with tonos and Cyrillic with breve or diaeresis, precomposed
        'ά' => 'a',
        'έ' => 'e',
        'ή' => 'n',
        'ί' | 'ϊ' | 'ΐ' => 'i',
        'ό' => 'o',
        'ύ' | 'ϋ' | 'ΰ' => 'u',
        'ώ' => 'ω',
        'ς' => 'σ',
        'ё' => 'e',
        'й' => 'и',
        'þ' => return "th".chars().for_each(out),
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' | 'ү' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ԛ' => 'q',
        'ԝ' => 'w',
        // Greek
        'α' => 'a',
        'β' => 'b',
        'γ' => 'y',
        'ε' => 'e',
        'ζ' => 'z',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'μ' => 'm',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        // Latin look-alikes
        'ɡ' => 'g',
        'ɑ' => 'a',
        'ɩ' => 'i',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        c => c,
    };
    out(one);
}

/// Base letters of U+00C0..=U+00FF (À..ÿ), one per character; letters without a
/// decomposition stand for themselves and are spelt out by [`fold_char`].
const LATIN_1: &str = "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy";
/// Base letters of U+0100..=U+017F (Latin Extended-A: Ā..ſ).
const LATIN_EXT_A: &str =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiĲĳJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoŒœRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/// A compact compatibility decomposition, enough for the scanners: full-width and small
/// forms of ASCII (`＠`, `１`, `﹫`), compatibility spaces (no-break, thin, ideographic …),
/// Latin-1 and Latin Extended-A letters to their base letter, Romanian `ș`/`ț`, Greek with
/// tonos, ligatures `ﬁ`…, superscript and subscript digits, mathematical alphanumerics
/// (`𝐣𝐝𝐨𝐞`). Everything else stands for itself; combining accents (decomposed text)
/// are dropped by [`fold`]. (The `unicode-normalization` crate's full NFKD tables cost
/// ~48 KB of gzipped wasm, more than the dashboard's budget for this.)
fn decompose(c: char, out: &mut impl FnMut(char)) {
    let u = c as u32;
    let nth = |table: &str, i: u32| table.chars().nth(i as usize).unwrap_or(c);
    let one = match u {
        0xa0 | 0x1680 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000 => ' ',
        0xaa => 'a',
        0xba => 'o',
        0xb2 | 0xb3 => char::from(b'0' + (u - 0xb0) as u8),
        0xb9 => '1',
        0xb5 => 'μ',
        0xc0..=0xff => nth(LATIN_1, u - 0xc0),
        0x100..=0x17f => nth(LATIN_EXT_A, u - 0x100),
        0x218 | 0x219 => char::from(b"Ss"[(u - 0x218) as usize]),
        0x21a | 0x21b => char::from(b"Tt"[(u - 0x21a) as usize]),
        0x2070 | 0x2074..=0x2079 => char::from(b'0' + (u - 0x2070) as u8),
        0x2080..=0x2089 => char::from(b'0' + (u - 0x2080) as u8),
        0x2024 | 0xfe52 => '.',
        0xfe58 | 0xfe63 => '-',
        0xfe62 => '+',
        0xfe6b => '@',
        0x212a => 'k',
        0x212b => 'a',
        0xff01..=0xff5e => char::from_u32(u - 0xfee0).unwrap_or(c),
        0xfb00..=0xfb06 => return ["ff", "fi", "fl", "ffi", "ffl", "st", "st"][(u - 0xfb00) as usize].chars().for_each(out),
        // 13 alphabets of 52 letters (bold, italic, script, fraktur, double-struck, sans, monospace …)
        0x1d400..=0x1d6a3 => {
            let i = ((u - 0x1d400) % 52) as u8;
            char::from(if i < 26 { b'A' + i } else { b'a' + i - 26 })
        }
        0x1d7ce..=0x1d7ff => char::from(b'0' + ((u - 0x1d7ce) % 10) as u8),
        _ => c,
    };
    out(one);
}

/// `text` folded for scanning: [`decompose`] each character, drop accents and invisible
/// characters, lower case, then [`fold_char`]. Each folded byte keeps the original span it
/// came from.
fn fold(text: &str) -> Folded {
    let mut f = Folded { text: String::with_capacity(text.len()), src: Vec::with_capacity(text.len()) };
    if text.is_ascii() {
        f.text.push_str(text);
        f.text.make_ascii_lowercase();
        f.src.extend((0..text.len() as u32).map(|i| (i, i + 1)));
        return f;
    }
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        if c.is_ascii() {
            f.push(c.to_ascii_lowercase(), start, end);
            continue;
        }
        if is_invisible(c) {
            f.extend_last(end);
            continue;
        }
        decompose(c, &mut |d| {
            if is_accent(d) {
                f.extend_last(end);
                return;
            }
            for l in d.to_lowercase() {
                fold_char(l, &mut |x| f.push(x, start, end));
            }
        });
    }
    f
}

/// `text` folded, without the spans (for block-list names and id patterns).
fn fold_str(text: &str) -> String {
    fold(text).text
}

/// The employee-id patterns used unless others are given: `E123456`, `EMP-12345`, `EMP12345`.
pub const DEFAULT_ID_PATTERNS: &[&str] = &["E######", "EMP-#####", "EMP#####"];

/// One employee-id pattern: `#` is a digit, any other character stands for itself
/// (letters ignoring case); a `-` also matches a space, `_`, or any dash.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdPattern(Vec<Option<char>>);

impl IdPattern {
    fn parse(pattern: &str) -> Result<IdPattern, String> {
        let toks: Vec<Option<char>> = fold_str(pattern.trim()).chars().map(|c| if c == '#' { None } else { Some(c) }).collect();
        let digits = toks.iter().filter(|t| t.is_none()).count();
        if digits < 4 || toks.len() > 32 {
            return Err(format!("employee-id pattern {pattern:?} needs at least 4 `#` digits and at most 32 characters"));
        }
        if toks.iter().flatten().any(|c| c.is_whitespace()) {
            return Err(format!("employee-id pattern {pattern:?} must not contain spaces"));
        }
        Ok(IdPattern(toks))
    }

    /// Length in bytes of the id at the start of `rest` (folded), if it is one.
    fn matches(&self, rest: &str) -> Option<usize> {
        let mut chars = rest.char_indices();
        for tok in &self.0 {
            let (_, c) = chars.next()?;
            let ok = match tok {
                None => c.is_ascii_digit(),
                Some('-') => matches!(c, '-' | '_' | ' '),
                Some(want) => c == *want,
            };
            if !ok {
                return None;
            }
        }
        let end = chars.next().map_or(rest.len(), |(i, _)| i);
        ends_word(rest, end).then_some(end)
    }
}

/// A block-listed name: its folded words, and whether they are in `Surname, Given` order
/// (the last word of the listed name first).
#[derive(Debug, Clone)]
struct Name {
    words: Vec<Vec<char>>,
    reversed: bool,
}

/// Replaces e-mail addresses, phone numbers, personal links, employee ids and
/// block-listed names in comments; see the [module documentation](self).
#[derive(Debug, Clone)]
pub struct Redactor {
    /// Names and their `Surname, Given` forms, by first folded character, longest first.
    names: Vec<(char, Name)>,
    /// How many names of the block list are in use.
    listed: usize,
    ids: Vec<IdPattern>,
}

impl Default for Redactor {
    /// No block list, the [`DEFAULT_ID_PATTERNS`].
    fn default() -> Redactor {
        Redactor::new::<&str>(&[])
    }
}

/// Digits written for a letter in names (`J0hn`, `A1ice`): the letters they may stand for.
fn digit_letters(c: char) -> &'static [char] {
    match c {
        '0' => &['o'],
        '1' => &['l', 'i'],
        '3' => &['e'],
        '4' => &['a'],
        '5' => &['s'],
        '7' => &['t'],
        _ => &[],
    }
}

impl Redactor {
    /// A redactor with a block list of names and the [`DEFAULT_ID_PATTERNS`].
    ///
    /// Names are matched as whole words, ignoring case and accents (`Zoë Müller` also
    /// finds `ZOE MULLER`), with any run of white space or one `.`, `_` or `-` between the
    /// words of a multi-word name, and also as `Surname, Given` (`Smith, Bob` for
    /// `Bob Smith`). An entry written `Smith, Bob` stands for `Bob Smith`. Blank entries
    /// and one-letter names are ignored.
    pub fn new<S: AsRef<str>>(block_list: &[S]) -> Redactor {
        let mut names: Vec<(char, Name)> = Vec::new();
        let mut listed = 0;
        for entry in block_list {
            let entry = fold_str(entry.as_ref());
            // "Smith, Bob" is "Bob Smith".
            let entry = match entry.split_once(',') {
                Some((last, given)) if !given.trim().is_empty() => format!("{given} {last}"),
                _ => entry,
            };
            let words: Vec<Vec<char>> = entry.split_whitespace().map(|w| w.chars().collect()).collect();
            if words.iter().map(Vec::len).sum::<usize>() < 2 {
                continue;
            }
            listed += 1;
            if words.len() > 1 {
                let mut turned = words.clone();
                turned.rotate_right(1);
                names.push((turned[0][0], Name { words: turned, reversed: true }));
            }
            names.push((words[0][0], Name { words, reversed: false }));
        }
        // By first character; longer names first within it, so "Jane Doe" wins over "Jane".
        let size = |n: &Name| n.words.iter().map(Vec::len).sum::<usize>() + n.words.len();
        crate::sort::sort_by_key(&mut names, |(c, n)| (*c, std::cmp::Reverse(size(n))));
        let ids = DEFAULT_ID_PATTERNS.iter().filter_map(|p| IdPattern::parse(p).ok()).collect();
        Redactor { names, listed, ids }
    }

    /// How many names of the block list are in use (blank and one-letter entries are not).
    pub fn name_count(&self) -> usize {
        self.listed
    }

    /// Replaces the employee-id patterns: `#` is one digit, other characters stand for
    /// themselves (letters ignoring case; `-` also for a space, `_` or a dash), e.g.
    /// `"E######"` or `"EMP-#####"`. Each needs at least 4 digits, so short numbers are
    /// never taken for ids.
    pub fn with_id_patterns<S: AsRef<str>>(mut self, patterns: &[S]) -> Result<Redactor, String> {
        self.ids = patterns.iter().map(|p| IdPattern::parse(p.as_ref())).collect::<Result<_, _>>()?;
        Ok(self)
    }

    /// The comment with everything identifying replaced by markers, and what was replaced.
    /// Text outside the replaced spans is returned exactly as given.
    pub fn redact(&self, text: &str) -> (String, RedactionCounts) {
        let folded = fold(text);
        let t = folded.text.as_str();
        let mut counts = RedactionCounts::default();
        let mut out = String::with_capacity(text.len());
        // End (original bytes) of the text copied or replaced so far.
        let mut done = 0;
        let mut i = 0;
        let mut prev: Option<char> = None;
        // End of the last link that was looked at and kept: no link starts again inside it.
        let mut link_seen = 0;
        while let Some(c) = t[i..].chars().next() {
            if !prev.is_some_and(is_word) {
                let try_link = i >= link_seen;
                if try_link {
                    link_seen = i + link_span(&t[i..]).unwrap_or(0);
                }
                if let Some((len, kind)) = self.match_at(&t[i..], prev, try_link) {
                    let (start, end) = (folded.src[i].0 as usize, folded.src[i + len - 1].1 as usize);
                    if end > done {
                        out.push_str(&text[done..start.max(done)]);
                        out.push_str(kind.marker());
                        done = end;
                    }
                    kind.count(&mut counts);
                    prev = t[i..i + len].chars().next_back();
                    i += len;
                    continue;
                }
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        out.push_str(&text[done..]);
        (out, counts)
    }

    /// The longest-priority match starting at a word start of folded text.
    fn match_at(&self, rest: &str, prev: Option<char>, try_link: bool) -> Option<(usize, Kind)> {
        if let Some(len) = if try_link { personal_link(rest) } else { None } {
            return Some((len, Kind::Link));
        }
        if let Some(len) = email(rest).or_else(|| spelled_email(rest)) {
            return Some((len, Kind::Email));
        }
        if let Some(len) = self.ids.iter().find_map(|p| p.matches(rest)) {
            return Some((len, Kind::Id));
        }
        if let Some(len) = phone(rest, prev) {
            return Some((len, Kind::Phone));
        }
        self.name(rest).map(|len| (len, Kind::Name))
    }

    /// Length of a block-listed name at the start of `rest`.
    fn name(&self, rest: &str) -> Option<usize> {
        let first = rest.chars().next()?;
        let bucket = |c: char| {
            let from = self.names.partition_point(|(k, _)| *k < c);
            let to = self.names.partition_point(|(k, _)| *k <= c);
            self.names[from..to].iter().find_map(|(_, n)| match_name(n, rest))
        };
        std::iter::once(first).chain(digit_letters(first).iter().copied()).filter_map(bucket).max()
    }
}

/// Word characters for boundaries: letters and digits of any script, and `_`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when byte `end` of `s` is not followed by a word character.
fn ends_word(s: &str, end: usize) -> bool {
    !s[end..].chars().next().is_some_and(is_word)
}

/// Length of `name` at the start of folded `rest`.
fn match_name(name: &Name, rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    let (mut letters, mut digits) = (0, 0);
    for (w, word) in name.words.iter().enumerate() {
        if w > 0 {
            let mut spaces = 0;
            if name.reversed && w == 1 && chars.peek().is_some_and(|&(_, c)| c == ',') {
                chars.next();
                spaces = 1;
            } else if chars.peek().is_some_and(|&(_, c)| matches!(c, '.' | '_' | '-')) {
                chars.next();
                if !chars.peek().is_some_and(|&(_, c)| is_word(c)) {
                    return None;
                }
                spaces = 1;
            }
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
                spaces += 1;
            }
            if spaces == 0 {
                return None;
            }
        }
        for &want in word {
            let (_, c) = chars.next()?;
            if c == want {
                letters += 1;
            } else if digit_letters(c).contains(&want) {
                digits += 1;
            } else {
                return None;
            }
        }
    }
    // A digit may stand for a letter now and then, not make up the name.
    if digits > 0 && (letters < 2 || digits * 3 > letters + digits) {
        return None;
    }
    let end = chars.peek().map_or(rest.len(), |&(i, _)| i);
    ends_word(rest, end).then_some(end)
}

/// Spaces (folded: no-break and other spaces are already ` `) from byte `j`.
fn spaces(b: &[u8], j: usize) -> usize {
    b[j.min(b.len())..].iter().take(8).take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// How strongly a separator of a spelt-out address says "this is an address".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    /// The plain word `at` or `dot` between spaces.
    Word,
    /// `@` or `.` themselves.
    Symbol,
    /// `[at]`, `(dot)`, `-at-` and the like: written to hide an address.
    Masked,
}

/// The separator `word` (`at` or `dot`, whose symbol is `symbol`) at byte `j`: its end
/// (after any spaces) and how strong it is.
fn separator(b: &[u8], j: usize, word: &[u8], symbol: u8) -> Option<(usize, Sep)> {
    let s0 = spaces(b, j);
    let k = j + s0;
    let rest = &b[k.min(b.len())..];
    let tail = |end: usize, sep: Sep| Some((end + spaces(b, end), sep));
    // [at] (at) {at} <at> [@] and the same with spaces inside.
    if let Some(&open) = rest.first() {
        let close = match open {
            b'[' => b']',
            b'(' => b')',
            b'{' => b'}',
            b'<' => b'>',
            _ => 0,
        };
        if close != 0 {
            let mut m = 1 + spaces(rest, 1);
            if rest[m.min(rest.len())..].starts_with(word) {
                m += word.len();
            } else if rest.get(m) == Some(&symbol) {
                m += 1;
            } else {
                return None;
            }
            m += spaces(rest, m);
            return if rest.get(m) == Some(&close) { tail(k + m + 1, Sep::Masked) } else { None };
        }
    }
    if rest.first() == Some(&symbol) {
        // `.` with no spaces or spaces on both sides ("lunch. Then" is a sentence); spaces
        // around the symbol are there to hide it.
        let after = spaces(b, k + 1);
        let sep = if s0 == 0 && after == 0 { Sep::Symbol } else { Sep::Masked };
        return (symbol == b'@' || (s0 == 0) == (after == 0)).then_some((k + 1 + after, sep));
    }
    // -at- _dot_
    if s0 == 0 && matches!(rest.first(), Some(b'-' | b'_')) && rest[1..].starts_with(word) && rest.get(1 + word.len()) == rest.first() {
        return Some((k + word.len() + 2, Sep::Masked));
    }
    // the word itself, between spaces
    let after = spaces(b, k + word.len());
    (s0 > 0 && after > 0 && rest.starts_with(word)).then_some((k + word.len() + after, Sep::Word))
}

/// End of a word of a spelt-out address at byte `j` (letters, digits, `_`, `+`, `%`, `-`,
/// stopping before `-at-`, `_dot_` and the like).
fn address_word(b: &[u8], j: usize, max: usize) -> Option<usize> {
    let mut k = j;
    while k < b.len() && k - j <= max {
        let c = b[k];
        let masked = |w: &[u8]| b[k + 1..].starts_with(w) && b.get(k + 1 + w.len()) == Some(&c);
        if c.is_ascii_alphanumeric()
            || c >= 0x80
            || c == b'+'
            || c == b'%'
            || ((c == b'-' || c == b'_') && !masked(b"at") && !masked(b"dot"))
        {
            k += 1;
        } else {
            break;
        }
    }
    (k > j && k - j <= max && std::str::from_utf8(&b[j..k]).is_ok()).then_some(k)
}

/// Length of a spelt-out or masked address at the start of folded `rest`:
/// `name [at] corp [dot] com`, `jane dot doe at corp dot com`, `jdoe (at) corp.com`,
/// `jdoe @ corp.com`, `jane.doe at corp.com`. The plain word `at` with only real dots
/// after it needs a local part that looks like an address (`.`, `_` or a digit in it), so
/// "posted at example.com" is kept.
fn spelled_email(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    // Quick check: an `@` or an `at` within reach of the local part.
    let near = &b[..b.len().min(MAX_LOCAL + 16)];
    if !near.iter().enumerate().any(|(i, &c)| c == b'@' || (c == b'a' && near.get(i + 1) == Some(&b't'))) {
        return None;
    }
    let mut j = address_word(b, 0, MAX_LOCAL)?;
    let mut strongest_dot: Option<Sep> = None;
    let at = loop {
        if j > MAX_LOCAL {
            return None;
        }
        if let Some((k, sep)) = separator(b, j, b"at", b'@') {
            j = k;
            break sep;
        }
        let (k, sep) = separator(b, j, b"dot", b'.')?;
        strongest_dot = strongest_dot.max(Some(sep));
        j = address_word(b, k, MAX_LOCAL)?;
    };
    let local = &b[..j];
    let handle = local.iter().any(|&c| c == b'.' || c == b'_' || c.is_ascii_digit()) || strongest_dot.is_some();
    let domain_start = j;
    j = address_word(b, j, 63)?;
    let mut labels = 1;
    let mut last = (domain_start, j);
    while let Some((k, sep)) = separator(b, j, b"dot", b'.') {
        let Some(e) = address_word(b, k, 63) else { break };
        if e - domain_start > MAX_DOMAIN {
            return None;
        }
        strongest_dot = strongest_dot.max(Some(sep));
        labels += 1;
        last = (k, e);
        j = e;
    }
    let tld = &b[last.0..last.1];
    let shaped = labels >= 2 && (2..=24).contains(&tld.len()) && tld.iter().all(u8::is_ascii_alphabetic);
    // Only the plain `@` and `.` is an ordinary address, which `email` finds (or rejects).
    let masked = at == Sep::Masked || strongest_dot == Some(Sep::Masked);
    let ok = match at {
        Sep::Masked => true,
        Sep::Symbol => masked || strongest_dot == Some(Sep::Word),
        Sep::Word => masked || strongest_dot == Some(Sep::Word) || handle,
    };
    (shaped && ok && ends_word(rest, j)).then_some(j)
}

/// Longest local part and domain considered (RFC 5321 limits).
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 255;

/// Length of an e-mail address `local@domain.tld` at the start of `rest`.
fn email(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let local_ok = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') || c >= 0x80;
    let at = b.iter().take(MAX_LOCAL + 1).position(|&c| !local_ok(c))?;
    if at == 0 || b[at] != b'@' || b[0] == b'.' {
        return None;
    }
    let domain = &b[at + 1..];
    let mut len = domain
        .iter()
        .take(MAX_DOMAIN + 1)
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c >= 0x80))
        .unwrap_or(domain.len().min(MAX_DOMAIN + 1));
    while len > 0 && domain[len - 1] == b'.' {
        len -= 1;
    }
    let host = std::str::from_utf8(&domain[..len]).ok()?;
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    let ok = labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic);
    let end = at + 1 + len;
    (ok && end <= rest.len() && rest.is_char_boundary(end) && ends_word(rest, end)).then_some(end)
}

/// Longest link considered; a longer one is still checked over its first 2,048 bytes.
const MAX_LINK: usize = 2048;

/// Path segments after which the next segment names a person.
const PERSONAL_SEGMENTS: &[&str] = &[
    "u",
    "user",
    "users",
    "people",
    "person",
    "profile",
    "profiles",
    "employee",
    "employees",
    "staff",
    "member",
    "members",
    "author",
    "authors",
    "~",
];

/// Query keys whose value names a person.
const PERSONAL_KEYS: &[&str] = &[
    "u",
    "users",
    "user",
    "username",
    "user_name",
    "userid",
    "user_id",
    "uid",
    "email",
    "mail",
    "name",
    "login",
    "account",
    "employee",
    "employee_id",
    "emp",
    "empid",
    "person",
    "profile",
    "owner",
];

/// Length of a link to a person's page at the start of folded `rest`: `https://…/users/jdoe`,
/// `…/~jdoe`, `…/%7Ejdoe`, `…/@jdoe`, `…?user=jdoe`, `…?u=jdoe`, `…?id=jdoe`, profile and
/// share links of the services in [`personal_service`], also without scheme (`www.…`,
/// `host.tld/…`, `/people/…`).
fn personal_link(rest: &str) -> Option<usize> {
    let end = link_span(rest)?;
    let link = &rest[..end];
    let after_scheme = link.find("://").map_or(link, |i| &link[i + 3..]);
    let (before_query, query) = after_scheme.split_once('?').unwrap_or((after_scheme, ""));
    let path = before_query.split('#').next().unwrap_or("");
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    is_personal(host, path, query).then_some(end)
}

/// Length of the link (with or without scheme, or a bare `/path`) at the start of `rest`.
fn link_span(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let scheme =
        ["https://", "http://", "ftp://", "www."].iter().find(|s| b.len() >= s.len() && b[..s.len()].eq_ignore_ascii_case(s.as_bytes()));
    let host_like = || {
        // host.tld/… without scheme, or a bare path /…
        let h = b.iter().take(256).position(|&c| !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-'))?;
        (b.get(h) == Some(&b'/') && (h == 0 || b[..h].contains(&b'.'))).then_some(())
    };
    if scheme.is_none() && host_like().is_none() {
        return None;
    }
    let mut end = b
        .iter()
        .take(MAX_LINK)
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b'<' | b'>' | b'"' | b'\'' | b'`'))
        .unwrap_or(b.len().min(MAX_LINK));
    while end > 0 && matches!(b[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']') {
        end -= 1;
    }
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    Some(end)
}

fn is_personal(host: &str, path: &str, query: &str) -> bool {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let by_segment = segments.iter().enumerate().any(|(i, s)| {
        let next = segments.get(i + 1).is_some();
        let marked = |m: &str| s.len() > m.len() && s.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes());
        marked("~")
            || marked("@")
            || marked("%7e")
            || marked("%40")
            || (next && PERSONAL_SEGMENTS.iter().any(|p| s.eq_ignore_ascii_case(p)))
    });
    let by_key = query.split(['&', ';']).any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        !value.is_empty()
            && (PERSONAL_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k)) || (key.eq_ignore_ascii_case("id") && is_handle(value)))
    });
    by_segment || by_key || personal_service(&host.to_ascii_lowercase(), &segments, query)
}

/// A user name as an `?id=` value: starts with a letter, letters, digits, `.`, `_`, `-`
/// only, and no run of 4 digits (`?id=jdoe` is a person, `?id=12345` or `?id=cve-2024-1234` a page).
fn is_handle(value: &str) -> bool {
    let b = value.as_bytes();
    let run = b.split(|c| !c.is_ascii_digit()).map(<[u8]>::len).max().unwrap_or(0);
    b.len() >= 2
        && b.len() <= 64
        && b[0].is_ascii_alphabetic()
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
        && run < 4
}

/// First path segments of the one-segment-profile services that are pages, not people.
const SERVICE_PAGES: &[&str] = &[
    "about",
    "advisories",
    "apps",
    "blog",
    "careers",
    "collections",
    "contact",
    "dashboard",
    "docs",
    "enterprise",
    "events",
    "explore",
    "features",
    "groups",
    "hashtag",
    "help",
    "home",
    "i",
    "intent",
    "issues",
    "jobs",
    "join",
    "legal",
    "login",
    "marketplace",
    "new",
    "notifications",
    "orgs",
    "organizations",
    "pricing",
    "privacy",
    "pulls",
    "search",
    "security",
    "settings",
    "share",
    "signup",
    "site",
    "solutions",
    "sponsors",
    "status",
    "terms",
    "topics",
    "trending",
];

/// Profile and share links of common code-hosting, social, chat and document services:
/// `github.com/jdoe` (a profile: one path segment), `jdoe.github.io`, `gist.github.com/…`,
/// `slack.com/team/…`, `teams.microsoft.com/l/chat/…`, `linkedin.com/in/…`,
/// `docs.google.com/…/d/…`, `drive.google.com/…`, `dropbox.com/s/…`, `1drv.ms/…`,
/// `onedrive.live.com/?id=…`, `corp-my.sharepoint.com/personal/jdoe_corp_com`, `zoom.us/my/…`.
/// A repository or an organisation's project below a profile (`github.com/org/repo`) is kept.
fn personal_service(host: &str, segments: &[&str], query: &str) -> bool {
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let under = |domain: &str| host == domain || host.strip_suffix(domain).is_some_and(|h| h.ends_with('.'));
    let followed = |first: &str| segments.iter().position(|s| s.eq_ignore_ascii_case(first)).is_some_and(|i| i + 1 < segments.len());
    let profile = segments.len() == 1 && !SERVICE_PAGES.iter().any(|p| segments[0].eq_ignore_ascii_case(p));
    match host {
        "github.com" | "gitlab.com" | "bitbucket.org" | "codeberg.org" | "gitee.com" | "twitter.com" | "x.com" | "facebook.com"
        | "instagram.com" | "keybase.io" | "t.me" | "calendly.com" | "gravatar.com" | "about.me" | "hub.docker.com" => profile,
        "gist.github.com" | "1drv.ms" | "wa.me" => !segments.is_empty(),
        "docs.google.com" | "drive.google.com" | "onedrive.live.com" => followed("d") || followed("folders") || !query.is_empty(),
        "dropbox.com" => segments.len() >= 2,
        "teams.microsoft.com" | "teams.live.com" => followed("chat") || followed("call"),
        _ if under("slack.com") => followed("team") || followed("user"),
        _ if under("linkedin.com") => followed("in") || followed("pub"),
        _ if under("zoom.us") => followed("my"),
        _ if host.ends_with("-my.sharepoint.com") => true,
        _ if under("sharepoint.com") => followed("personal"),
        _ if host.ends_with(".github.io") || host.ends_with(".gitlab.io") => true,
        _ => false,
    }
}

/// Characters after which a digit does not start a phone number (`CVE-2024-…`, `1.2`, `#1234`, `$1 000`).
fn blocks_phone(prev: Option<char>) -> bool {
    prev.is_some_and(|c| matches!(c, '-' | '.' | '/' | '_' | '#' | '@' | '$' | '€' | '£' | '%' | '=' | ','))
}

fn is_year(digits: &[u8]) -> bool {
    digits.len() == 4 && (digits.starts_with(b"19") || digits.starts_with(b"20"))
}

/// Length of a phone number at the start of `rest`: international (`+44 20 7946 0958`,
/// `0044 …`), national with a trunk 0 (`030 1234567`, `030/1234567`, `(0)20 …`),
/// or North American (`(555) 123-4567`, `555-123-4567`, `555.123.4567`, `555-1234`).
fn phone(rest: &str, prev: Option<char>) -> Option<usize> {
    if blocks_phone(prev) {
        return None;
    }
    let b = rest.as_bytes();
    let plus = b.first() == Some(&b'+');
    let mut j = usize::from(plus);
    let mut groups: Vec<&[u8]> = Vec::new();
    let mut seps: Vec<u8> = Vec::new();
    let mut paren = false;
    let mut end = 0;
    loop {
        let open = b.get(j) == Some(&b'(');
        let start = j + usize::from(open);
        let len = b[start.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 || (open && b.get(start + len) != Some(&b')')) {
            break;
        }
        if groups.len() == 8 || start + len > 40 {
            return None; // too long for a phone number: some other run of digits
        }
        paren |= open;
        groups.push(&b[start..start + len]);
        j = start + len + usize::from(open);
        end = j;
        let sep = match b.get(j) {
            Some(&c @ (b' ' | b'-' | b'.' | b'/')) => c,
            // `(0)20 …`: a bracketed group may run straight into the next.
            Some(c) if open && c.is_ascii_digit() => {
                seps.push(b' ');
                continue;
            }
            _ => break,
        };
        if !b.get(j + 1).is_some_and(|c| c.is_ascii_digit() || *c == b'(') {
            break;
        }
        seps.push(sep);
        j += 1;
    }
    let j = end;
    seps.truncate(groups.len().saturating_sub(1));
    let first = groups.first()?;
    if !ends_word(rest, j) {
        return None;
    }
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    let trunk = first.starts_with(b"0");
    let international = plus || trunk || paren;
    let shape: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    // Dates (2024-01-15, 15.01.2024, 01/02/2024) and ranges of years (2019-2024) are not phones.
    let date = groups.iter().any(|g| is_year(g)) && groups.iter().all(|g| is_year(g) || g.len() <= 2);
    if date {
        return None;
    }
    let ok = if groups.len() == 1 {
        (plus || trunk) && (9..=15).contains(&digits)
    } else if international {
        let max = if plus || !first.starts_with(b"00") { 15 } else { 17 };
        let slashes = seps.iter().filter(|&&s| s == b'/').count();
        let singles = shape.iter().skip(1).filter(|&&n| n == 1).count();
        (7..=max).contains(&digits)
            && (slashes == 0 || (slashes == 1 && trunk && digits >= 8))
            // `+33 1 23 45 67 89`: a one-digit area code right after the country code.
            && (singles == 0 || (singles == 1 && (paren || ((plus || first.starts_with(b"00")) && shape.get(1) == Some(&1)))))
            && (!seps.contains(&b'.') || plus || shape.iter().all(|&n| n >= 2))
    } else {
        // North American numbers without a country code; one kind of separator.
        let same = seps.iter().all(|&s| s == seps[0]) && seps[0] != b'/';
        same && (shape == [3, 3, 4] || (shape == [3, 4] && seps[0] == b'-'))
    };
    ok.then_some(j)
}
