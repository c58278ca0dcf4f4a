//! Redaction of free-text comments before they are stored in any report.
//!
//! A [`Redactor`] replaces what could identify a person with a marker:
//! e-mail addresses (`[email]`), phone numbers (`[phone]`), links to a person's page
//! (`[link]`), employee ids (`[id]`) and names from the page owner's block list (`[name]`).
//! [`RedactionCounts`] says how many of each were replaced, so a report can say
//! "3 e-mail addresses and 1 name were removed" without showing them.
//!
//! Each kind is found by a small hand-written scanner (no regex engine in the wasm
//! bundle). They are tuned to leave security vocabulary alone: `CVE-2024-1234`,
//! `port 443`, `2FA`, `ISO 27001`, `TLS 1.3`, `10.0.0.1`, versions like `10.0.19045`,
//! years, dates and scores like `4/5` are not phone numbers.
//!
//! Every scanner looks at most a bounded number of bytes ahead, so a comment of n
//! bytes is redacted in O(n · block-list size) time however hostile it is.

use serde::{Deserialize, Serialize};

/// How many things of each kind a [`Redactor`] replaced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedactionCounts {
    /// E-mail addresses replaced by `[email]`.
    pub emails: usize,
    /// Phone numbers replaced by `[phone]`.
    pub phones: usize,
    /// Links to a person's page replaced by `[link]`.
    pub links: usize,
    /// Employee ids replaced by `[id]`.
    pub ids: usize,
    /// Block-listed names replaced by `[name]`.
    pub names: usize,
}

impl RedactionCounts {
    /// All replacements together.
    pub fn total(&self) -> usize {
        self.emails + self.phones + self.links + self.ids + self.names
    }

    /// Adds another comment's counts to these.
    pub fn add(&mut self, other: &RedactionCounts) {
        self.emails += other.emails;
        self.phones += other.phones;
        self.links += other.links;
        self.ids += other.ids;
        self.names += other.names;
    }
}

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

/// The employee-id patterns used unless others are given: `E123456`, `EMP-12345`, `EMP12345`.
pub const DEFAULT_ID_PATTERNS: &[&str] = &["E######", "EMP-#####", "EMP#####"];

/// One employee-id pattern: `#` is a digit, any other character stands for itself
/// (letters ignoring case).
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdPattern(Vec<Option<char>>);

impl IdPattern {
    fn parse(pattern: &str) -> Result<IdPattern, String> {
        let toks: Vec<Option<char>> = pattern.trim().chars().map(|c| if c == '#' { None } else { Some(lower(c)) }).collect();
        let digits = toks.iter().filter(|t| t.is_none()).count();
        if digits < 4 || toks.len() > 32 {
            return Err(format!("employee-id pattern {pattern:?} needs at least 4 `#` digits and at most 32 characters"));
        }
        if toks.iter().flatten().any(|c| c.is_whitespace()) {
            return Err(format!("employee-id pattern {pattern:?} must not contain spaces"));
        }
        Ok(IdPattern(toks))
    }

    /// Length in bytes of the id at the start of `rest`, if it is one.
    fn matches(&self, rest: &str) -> Option<usize> {
        let mut chars = rest.char_indices();
        for tok in &self.0 {
            let (_, c) = chars.next()?;
            let ok = match tok {
                None => c.is_ascii_digit(),
                Some(want) => lower(c) == *want,
            };
            if !ok {
                return None;
            }
        }
        let end = chars.next().map_or(rest.len(), |(i, _)| i);
        ends_word(rest, end).then_some(end)
    }
}

/// A block-listed name: its words, lower-cased.
#[derive(Debug, Clone)]
struct Name(Vec<Vec<char>>);

/// Replaces e-mail addresses, phone numbers, personal links, employee ids and
/// block-listed names in comments; see the [module documentation](self).
#[derive(Debug, Clone)]
pub struct Redactor {
    /// Names, longest first; each with its first lower-case character for a quick check.
    names: Vec<(char, Name)>,
    ids: Vec<IdPattern>,
}

impl Default for Redactor {
    /// No block list, the [`DEFAULT_ID_PATTERNS`].
    fn default() -> Redactor {
        Redactor::new::<&str>(&[])
    }
}

impl Redactor {
    /// A redactor with a block list of names (matched ignoring case, as whole words,
    /// any run of white space between the words of a multi-word name) and the
    /// [`DEFAULT_ID_PATTERNS`]. Blank entries and one-letter names are ignored.
    pub fn new<S: AsRef<str>>(block_list: &[S]) -> Redactor {
        let mut names: Vec<(char, Name)> = block_list
            .iter()
            .map(|n| Name(n.as_ref().split_whitespace().map(|w| w.chars().flat_map(char::to_lowercase).collect()).collect()))
            .filter(|n: &Name| n.0.iter().map(Vec::len).sum::<usize>() >= 2)
            .filter_map(|n| Some((*n.0.first()?.first()?, n)))
            .collect();
        // Longer names first, so "Jane Doe" wins over "Jane".
        crate::sort::sort_by_key(&mut names, |(_, n)| std::cmp::Reverse(n.0.iter().map(Vec::len).sum::<usize>() + n.0.len()));
        let ids = DEFAULT_ID_PATTERNS.iter().filter_map(|p| IdPattern::parse(p).ok()).collect();
        Redactor { names, ids }
    }

    /// Replaces the employee-id patterns: `#` is one digit, other characters stand for
    /// themselves (letters ignoring case), e.g. `"E######"` or `"EMP-#####"`. Each needs
    /// at least 4 digits, so short numbers are never taken for ids.
    pub fn with_id_patterns<S: AsRef<str>>(mut self, patterns: &[S]) -> Result<Redactor, String> {
        self.ids = patterns.iter().map(|p| IdPattern::parse(p.as_ref())).collect::<Result<_, _>>()?;
        Ok(self)
    }

    /// The comment with everything identifying replaced by markers, and what was replaced.
    pub fn redact(&self, text: &str) -> (String, RedactionCounts) {
        let mut out = String::with_capacity(text.len());
        let mut counts = RedactionCounts::default();
        let mut i = 0;
        let mut prev: Option<char> = None;
        // End of the last link that was looked at and kept: no link starts again inside it.
        let mut link_seen = 0;
        while let Some(c) = text[i..].chars().next() {
            if !prev.is_some_and(is_word) {
                let try_link = i >= link_seen;
                if try_link {
                    link_seen = i + link_span(&text[i..]).unwrap_or(0);
                }
                if let Some((len, kind)) = self.match_at(&text[i..], prev, try_link) {
                    out.push_str(kind.marker());
                    kind.count(&mut counts);
                    prev = text[i..i + len].chars().next_back();
                    i += len;
                    continue;
                }
            }
            out.push(c);
            prev = Some(c);
            i += c.len_utf8();
        }
        (out, counts)
    }

    /// The longest-priority match starting at a word start.
    fn match_at(&self, rest: &str, prev: Option<char>, try_link: bool) -> Option<(usize, Kind)> {
        if let Some(len) = if try_link { personal_link(rest) } else { None } {
            return Some((len, Kind::Link));
        }
        if let Some(len) = email(rest) {
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
        let first = lower(rest.chars().next()?);
        self.names.iter().filter(|(c, _)| *c == first).find_map(|(_, n)| match_name(n, rest))
    }
}

/// Word characters for boundaries: letters and digits of any script, and `_`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first character of `c` lower-cased (enough to compare letters ignoring case).
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// True when byte `end` of `s` is not followed by a word character.
fn ends_word(s: &str, end: usize) -> bool {
    !s[end..].chars().next().is_some_and(is_word)
}

fn match_name(name: &Name, rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    for (w, word) in name.0.iter().enumerate() {
        if w > 0 {
            let mut spaces = 0;
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
                spaces += 1;
            }
            if spaces == 0 {
                return None;
            }
        }
        let mut k = 0;
        while k < word.len() {
            let (_, c) = chars.next()?;
            for l in c.to_lowercase() {
                if word.get(k) != Some(&l) {
                    return None;
                }
                k += 1;
            }
        }
    }
    let end = chars.peek().map_or(rest.len(), |&(i, _)| i);
    ends_word(rest, end).then_some(end)
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

/// Length of a link to a person's page at the start of `rest`: `https://…/users/jdoe`,
/// `…/~jdoe`, `…/@jdoe`, `…?user=jdoe`, also without scheme (`www.…`, `host.tld/…`, `/people/…`).
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
    let linkedin = host.to_ascii_lowercase().contains("linkedin.");
    let by_segment = segments.iter().enumerate().any(|(i, s)| {
        let next = segments.get(i + 1).is_some();
        (s.starts_with('~') && s.len() > 1)
            || (s.starts_with('@') && s.len() > 1)
            || (next && (PERSONAL_SEGMENTS.iter().any(|p| s.eq_ignore_ascii_case(p)) || (linkedin && *s == "in")))
    });
    let by_key = query.split(['&', ';']).any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        !value.is_empty() && PERSONAL_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
    });
    by_segment || by_key
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
            && (singles == 0 || (singles == 1 && paren))
            && (!seps.contains(&b'.') || plus || shape.iter().all(|&n| n >= 2))
    } else {
        // North American numbers without a country code; one kind of separator.
        let same = seps.iter().all(|&s| s == seps[0]) && seps[0] != b'/';
        same && (shape == [3, 3, 4] || (shape == [3, 4] && seps[0] == b'-'))
    };
    ok.then_some(j)
}
