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

/// Tokenise `text`. Never fails; unknown symbols are skipped.
pub(crate) fn tokenize(text: &str, out: &mut Tokens) {
    out.lower.clear();
    out.toks.clear();
    let mut cur: Option<Token> = None;
    let mut upper = 0u32;
    let mut letters = 0u32;
    let mut run_char = '\0';
    let mut run_len = 0u32;
    let mut it = text.char_indices().peekable();

    fn finish(out: &mut Tokens, cur: &mut Option<Token>, upper: u32, letters: u32) {
        if let Some(mut t) = cur.take() {
            t.end = out.lower.len() as u32;
            if t.end > t.start {
                let s = &out.lower[t.start as usize..t.end as usize];
                if s.bytes().all(|b| b.is_ascii_digit()) {
                    t.kind = Kind::Num;
                }
                t.caps = letters >= 2 && upper == letters;
                out.toks.push(t);
            }
        }
    }

    while let Some((i, c)) = it.next() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => '\'',
            _ => c,
        };
        if c.is_alphanumeric() {
            if cur.is_none() {
                cur = Some(Token {
                    kind: Kind::Word,
                    start: out.lower.len() as u32,
                    end: 0,
                    orig: (i as u32, 0),
                    caps: false,
                    elongated: false,
                });
                upper = 0;
                letters = 0;
                run_char = '\0';
                run_len = 0;
            }
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
            let t = cur.as_mut().expect("token started");
            t.orig.1 = (i + c.len_utf8()) as u32;
            if c == run_char {
                run_len += 1;
                if run_len == 3 && c.is_alphabetic() {
                    t.elongated = true;
                }
            } else {
                run_char = c;
                run_len = 1;
            }
            if c.is_ascii() {
                out.lower.push(c.to_ascii_lowercase());
            } else {
                out.lower.extend(c.to_lowercase());
            }
            continue;
        }
        if c == '\'' && cur.is_some() {
            // inside a word: "don't" -> "dont"; a final "'s" is dropped ("infosec's" -> "infosec")
            match it.peek() {
                Some(&(_, n)) if n.is_alphabetic() => {
                    if n == 's' || n == 'S' {
                        let mut look = it.clone();
                        look.next();
                        let after = look.peek().map(|&(_, a)| a);
                        if !after.is_some_and(|a| a.is_alphanumeric()) {
                            let (j, _) = it.next().expect("peeked");
                            cur.as_mut().expect("token started").orig.1 = (j + 1) as u32;
                            finish(out, &mut cur, upper, letters);
                        }
                    }
                    continue;
                }
                _ => {}
            }
        }
        finish(out, &mut cur, upper, letters);
        if is_emoji_modifier(c) {
            continue;
        }
        if is_emoji(c) {
            let start = out.lower.len() as u32;
            out.lower.push(c);
            out.toks.push(Token {
                kind: Kind::Emoji,
                start,
                end: out.lower.len() as u32,
                orig: (i as u32, (i + c.len_utf8()) as u32),
                caps: false,
                elongated: false,
            });
            continue;
        }
        // ASCII emoticons :) :-) :( :D :/
        if c == ':' || c == ';' {
            let mut look = it.clone();
            let mut n = look.next().map(|(_, x)| x);
            let mut len = 1;
            if n == Some('-') {
                n = look.next().map(|(_, x)| x);
                len += 1;
            }
            if let Some(m @ (')' | '(' | 'D' | '/' | 'P')) = n {
                let followed = look.peek().map(|&(_, x)| x);
                // ":/" inside a URL ("https://") is not an emoticon
                let url_or_word = m == '/' && followed == Some('/')
                    || m == 'D' && followed.is_some_and(char::is_alphanumeric);
                if !url_or_word {
                    let start = out.lower.len() as u32;
                    out.lower.push(':');
                    if len == 2 {
                        out.lower.push('-');
                    }
                    out.lower.push(if m == 'D' { 'd' } else { m });
                    for _ in 0..len {
                        it.next();
                    }
                    out.toks.push(Token {
                        kind: Kind::Emoji,
                        start,
                        end: out.lower.len() as u32,
                        orig: (i as u32, (i + len + 1) as u32),
                        caps: false,
                        elongated: false,
                    });
                    continue;
                }
            }
        }
        let p = match c {
            '.' | '!' | '?' | ';' | ':' | ',' => c,
            '\n' | '\u{2026}' => '.',
            '/' => {
                // "/s" sarcasm marker at the end of a comment
                let mut look = it.clone();
                if let Some((_, 's')) = look.next() {
                    if !look.peek().is_some_and(|&(_, x)| x.is_alphanumeric()) {
                        let start = out.lower.len() as u32;
                        out.lower.push_str("/s");
                        it.next();
                        out.toks.push(Token {
                            kind: Kind::Word,
                            start,
                            end: out.lower.len() as u32,
                            orig: (i as u32, (i + 2) as u32),
                            caps: false,
                            elongated: false,
                        });
                    }
                }
                continue;
            }
            _ => continue,
        };
        let start = out.lower.len() as u32;
        out.lower.push(p);
        out.toks.push(Token {
            kind: Kind::Punct(p),
            start,
            end: out.lower.len() as u32,
            orig: (i as u32, (i + c.len_utf8()) as u32),
            caps: false,
            elongated: false,
        });
    }
    finish(out, &mut cur, upper, letters);
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
    fn words_apostrophes_hyphens() {
        assert_eq!(
            toks("Don't re-open infosec's ticket!"),
            ["dont", "re", "open", "infosec", "ticket", "!"]
        );
        assert_eq!(toks("They’re fine"), ["theyre", "fine"]);
        assert_eq!(toks("n/a"), ["n", "a"]);
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
