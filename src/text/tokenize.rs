//! One pass over a comment: normalised tokens (lowercase, apostrophes dropped, hyphens split),
//! emoji and emoticons as tokens, sentence punctuation kept, ALL-CAPS and elongation noted.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (any script), possibly with digits ("2fa").
    Word,
    /// Digits only.
    Num,
    /// An emoji or an ASCII emoticon such as ":)".
    Emoji,
    /// One of `. ! ? ; : ,` or a line break (stored as '.').
    Punct(char),
}

/// A token: its normalised text is `lower[start..end]`; `orig` is its byte span in the comment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub orig: (u32, u32),
    /// Two or more letters, all uppercase ("NEVER").
    pub caps: bool,
    /// A letter repeated three or more times ("sooo"); the normalised text keeps it, see `collapse`.
    pub elongated: bool,
}

/// The tokens of a comment and the buffer holding their normalised text.
#[derive(Default)]
pub(crate) struct Tokens {
    pub lower: String,
    pub toks: Vec<Token>,
}

impl Tokens {
    /// Normalised text of token `i`.
    pub fn text(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.lower[t.start as usize..t.end as usize]
    }
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1F5FF | 0x1F600..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55)
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF)
}

/// The character at byte `i` of `text` and its length (ASCII without decoding);
/// `None` past the end or when `i` is inside a multi-byte character.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
    }
}

/// Tokenise `text` into `out` (its buffers are reused). Never fails; unknown symbols are skipped.
///
/// One left-to-right walk; at each character one pass takes over: [`Lexer::ascii_run`] for ASCII
/// letters and digits, [`Lexer::letter`] for other letters and digits, [`Lexer::apostrophe`] inside
/// a word, else the word ends and [`Lexer::ascii_symbol`] or [`Lexer::other_symbol`] reads a symbol.
pub(crate) fn tokenize(text: &str, out: &mut Tokens) {
    out.lower.clear();
    out.toks.clear();
    let mut lx = Lexer::new(text, out);
    while let Some((raw, len)) = char_at(text, lx.i) {
        if raw.is_ascii_alphanumeric() {
            lx.ascii_run();
            continue;
        }
        let c = fold_apostrophe(raw);
        // ASCII letters and digits were taken above and `fold_apostrophe` yields no letter
        if !c.is_ascii() && c.is_alphanumeric() {
            lx.letter(c, len);
            continue;
        }
        if c == '\'' && lx.in_word && lx.apostrophe(len) {
            continue;
        }
        lx.finish_word();
        if c.is_ascii() {
            lx.ascii_symbol(c, len);
        } else {
            lx.other_symbol(c, len);
        }
    }
    lx.finish_word();
}

/// Typographic apostrophes and accents read as `'`.
#[inline]
fn fold_apostrophe(raw: char) -> char {
    match raw {
        '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => '\'',
        _ => raw,
    }
}

/// The state of [`tokenize`]: the position and the word being read.
struct Lexer<'t, 'o> {
    text: &'t str,
    out: &'o mut Tokens,
    /// Byte position in `text`.
    i: usize,
    /// The word being read (valid while `in_word`).
    cur: Token,
    in_word: bool,
    /// The word has no letter so far.
    digits_only: bool,
    /// Uppercase letters and letters in the word so far.
    upper: u32,
    letters: u32,
    /// The last character of the word and how often it repeats at its end.
    run_char: char,
    run_len: u32,
}

impl<'t, 'o> Lexer<'t, 'o> {
    fn new(text: &'t str, out: &'o mut Tokens) -> Self {
        Lexer {
            text,
            out,
            i: 0,
            cur: Token { kind: Kind::Word, start: 0, end: 0, orig: (0, 0), caps: false, elongated: false },
            in_word: false,
            digits_only: true,
            upper: 0,
            letters: 0,
            run_char: '\0',
            run_len: 0,
        }
    }

    /// Start a word at the current position unless one is open.
    #[inline]
    fn start_word(&mut self) {
        if self.in_word {
            return;
        }
        self.in_word = true;
        self.cur =
            Token { kind: Kind::Word, start: self.out.lower.len() as u32, end: 0, orig: (self.i as u32, 0), caps: false, elongated: false };
        self.digits_only = true;
        self.upper = 0;
        self.letters = 0;
        self.run_char = '\0';
        self.run_len = 0;
    }

    /// Count a repeated character: a letter three times in a row makes the word elongated.
    #[inline]
    fn note_run(&mut self, c: char, alpha: bool) {
        if c == self.run_char {
            self.run_len += 1;
            if self.run_len == 3 && alpha {
                self.cur.elongated = true;
            }
        } else {
            self.run_char = c;
            self.run_len = 1;
        }
    }

    /// A run of ASCII letters and digits in one go, lowercased into the word.
    #[inline]
    fn ascii_run(&mut self) {
        self.start_word();
        let bytes = self.text.as_bytes();
        let mut j = self.i;
        while let Some(&b) = bytes.get(j) {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            let alpha = b.is_ascii_alphabetic();
            if alpha {
                self.letters += 1;
                self.upper += u32::from(b.is_ascii_uppercase());
                self.digits_only = false;
            }
            self.note_run(b as char, alpha);
            j += 1;
        }
        let a = self.out.lower.len();
        self.out.lower.push_str(&self.text[self.i..j]);
        self.out.lower[a..].make_ascii_lowercase();
        self.cur.orig.1 = j as u32;
        self.i = j;
    }

    /// A non-ASCII letter or digit `c` of `len` bytes, lowercased into the word.
    #[inline]
    fn letter(&mut self, c: char, len: usize) {
        self.start_word();
        let alpha = c.is_alphabetic();
        if alpha {
            self.letters += 1;
            self.upper += u32::from(c.is_uppercase());
        }
        self.cur.orig.1 = (self.i + len) as u32;
        self.note_run(c, alpha);
        self.digits_only = false;
        self.out.lower.extend(c.to_lowercase());
        self.i += len;
    }

    /// An apostrophe of `len` bytes inside a word: "don't" -> "dont"; a final "'s" is dropped
    /// ("infosec's" -> "infosec"). False when no letter follows: the apostrophe ends the word.
    fn apostrophe(&mut self, len: usize) -> bool {
        let i = self.i;
        let Some((n, nlen)) = char_at(self.text, i + len) else {
            return false;
        };
        if !n.is_alphabetic() {
            return false;
        }
        if n == 's' || n == 'S' {
            let after = char_at(self.text, i + len + nlen).map(|(a, _)| a);
            if !after.is_some_and(char::is_alphanumeric) {
                self.cur.orig.1 = (i + len + 1) as u32;
                self.finish_word();
                self.i += len + nlen;
                return true;
            }
        }
        self.i += len;
        true
    }

    /// Close the open word, if any: a `Num` when it has no letter, caps when all its letters are.
    #[inline]
    fn finish_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        self.cur.end = self.out.lower.len() as u32;
        if self.cur.end > self.cur.start {
            if self.digits_only {
                self.cur.kind = Kind::Num;
            }
            self.cur.caps = self.letters >= 2 && self.upper == self.letters;
            self.out.toks.push(self.cur);
        }
    }

    /// Push a token of normalised text `s` and original span `orig`.
    fn push_tok(&mut self, kind: Kind, s: &str, orig: (usize, usize)) {
        let out = &mut *self.out;
        let start = out.lower.len() as u32;
        out.lower.push_str(s);
        out.toks.push(Token {
            kind,
            start,
            end: out.lower.len() as u32,
            orig: (orig.0 as u32, orig.1 as u32),
            caps: false,
            elongated: false,
        });
    }

    /// An ASCII symbol `c` of `len` bytes (more for a folded apostrophe) outside a word: sentence
    /// punctuation, a line break, an emoticon or the "/s" sarcasm marker; anything else is skipped.
    fn ascii_symbol(&mut self, c: char, len: usize) {
        self.i += len;
        let i = self.i;
        let text = self.text;
        match c {
            '.' | '!' | '?' | ',' => self.push_tok(Kind::Punct(c), &text[i - 1..i], (i - 1, i)),
            '\n' => self.push_tok(Kind::Punct('.'), ".", (i - 1, i)),
            ':' | ';' => self.colon(c),
            // "/s" sarcasm marker
            '/' if text.as_bytes().get(i) == Some(&b's') && !char_at(text, i + 1).is_some_and(|(x, _)| x.is_alphanumeric()) => {
                self.push_tok(Kind::Word, "/s", (i - 1, i + 1));
                self.i += 1;
            }
            _ => {}
        }
    }

    /// A `:` or `;` (`c`, just read): an ASCII emoticon :) :-) :( :D :/ :P, else punctuation.
    fn colon(&mut self, c: char) {
        let i = self.i;
        let text = self.text;
        let b = text.as_bytes();
        let mut j = i;
        let dash = b.get(j) == Some(&b'-');
        if dash {
            j += 1;
        }
        let m = b.get(j).copied();
        let followed = char_at(text, j + 1).map(|(x, _)| x);
        let emoticon = match m {
            Some(b')' | b'(' | b'P') => true,
            // ":/" inside a URL ("https://") is not an emoticon
            Some(b'/') => followed != Some('/'),
            Some(b'D') => !followed.is_some_and(char::is_alphanumeric),
            _ => false,
        };
        if emoticon {
            let m = m.expect("emoticon mouth");
            let mut e = [b':', b'-', 0];
            let k = if dash { 2 } else { 1 };
            e[k] = if m == b'D' { b'd' } else { m };
            let s = std::str::from_utf8(&e[..=k]).expect("ascii");
            self.push_tok(Kind::Emoji, s, (i - 1, j + 1));
            self.i = j + 1;
        } else {
            self.push_tok(Kind::Punct(c), &text[i - 1..i], (i - 1, i));
        }
    }

    /// A non-ASCII symbol `c` of `len` bytes outside a word: an emoji, or an ellipsis read as a
    /// full stop; emoji modifiers and anything else are skipped.
    fn other_symbol(&mut self, c: char, len: usize) {
        let i = self.i;
        if !is_emoji_modifier(c) {
            if is_emoji(c) {
                self.push_tok(Kind::Emoji, &self.text[i..i + len], (i, i + len));
            } else if c == '\u{2026}' {
                self.push_tok(Kind::Punct('.'), ".", (i, i + len));
            }
        }
        self.i += len;
    }
}

/// Collapse runs of three or more equal letters to `keep` letters ("sooo" -> "soo" / "so").
pub(crate) fn collapse(word: &str, keep: usize) -> String {
    let mut s = String::with_capacity(word.len());
    let mut last = '\0';
    let mut n = 0;
    for c in word.chars() {
        if c == last {
            n += 1;
        } else {
            last = c;
            n = 1;
        }
        if n <= keep {
            s.push(c);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut t = Tokens::default();
        tokenize(s, &mut t);
        (0..t.toks.len()).map(|i| t.text(i).to_string()).collect()
    }

    #[test]
    fn emoticon_lookahead_past_a_multibyte_mouth_does_not_panic() {
        // Found by tests/hostile_input.rs: ':' then a 4-byte character.
        assert_eq!(toks(":𐖰& ok"), [":", "𐖰", "ok"]);
        assert_eq!(toks(":-é"), [":", "é"]);
    }

    #[test]
    fn words_apostrophes_hyphens() {
        assert_eq!(toks("Don't re-open infosec's ticket!"), ["dont", "re", "open", "infosec", "ticket", "!"]);
        assert_eq!(toks("They’re fine"), ["theyre", "fine"]);
        assert_eq!(toks("n/a"), ["n", "a"]);
        // a lone typographic apostrophe is skipped whole (all three bytes)
        assert_eq!(toks("can't \u{2019} spot"), ["cant", "spot"]);
    }

    #[test]
    fn caps_emoji_elongation_non_ascii() {
        let mut t = Tokens::default();
        tokenize("NEVER again 🙄🙄 sooo Björn :) https://x", &mut t);
        assert!(t.toks[0].caps && !t.toks[1].caps);
        assert_eq!(t.toks[2].kind, Kind::Emoji);
        assert_eq!(t.text(2), "🙄");
        assert!(t.toks[4].elongated);
        assert_eq!(t.text(5), "björn");
        assert_eq!(t.text(6), ":)");
        assert_eq!(t.text(7), "https");
        assert_eq!(collapse("sooo", 1), "so");
        assert_eq!(collapse("sooo", 2), "soo");
    }

    #[test]
    fn numbers_and_orig_spans() {
        let text = "ITS BEEN 3 WEEKS.";
        let mut t = Tokens::default();
        tokenize(text, &mut t);
        assert_eq!(t.toks[2].kind, Kind::Num);
        let (a, b) = t.toks[3].orig;
        assert_eq!(&text[a as usize..b as usize], "WEEKS");
    }
}
