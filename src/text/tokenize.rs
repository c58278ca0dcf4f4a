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
pub(crate) fn tokenize(text: &str, out: &mut Tokens) {
    out.lower.clear();
    out.toks.clear();
    let mut cur = Token { kind: Kind::Word, start: 0, end: 0, orig: (0, 0), caps: false, elongated: false };
    let mut in_word = false;
    let mut digits_only = true;
    let mut upper = 0u32;
    let mut letters = 0u32;
    let mut run_char = '\0';
    let mut run_len = 0u32;

    #[inline]
    fn finish(out: &mut Tokens, cur: &mut Token, in_word: &mut bool, digits_only: bool, upper: u32, letters: u32) {
        if !*in_word {
            return;
        }
        *in_word = false;
        cur.end = out.lower.len() as u32;
        if cur.end > cur.start {
            if digits_only {
                cur.kind = Kind::Num;
            }
            cur.caps = letters >= 2 && upper == letters;
            out.toks.push(*cur);
        }
    }

    fn push_tok(out: &mut Tokens, kind: Kind, s: &str, orig: (usize, usize)) {
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

    let bytes = text.as_bytes();
    let mut i = 0usize;
    while let Some((raw, len)) = char_at(text, i) {
        if raw.is_ascii_alphanumeric() {
            // a run of ASCII letters and digits in one go
            if !in_word {
                in_word = true;
                cur = Token { kind: Kind::Word, start: out.lower.len() as u32, end: 0, orig: (i as u32, 0), caps: false, elongated: false };
                digits_only = true;
                upper = 0;
                letters = 0;
                run_char = '\0';
                run_len = 0;
            }
            let mut j = i;
            while let Some(&b) = bytes.get(j) {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                let alpha = b.is_ascii_alphabetic();
                if alpha {
                    letters += 1;
                    upper += u32::from(b.is_ascii_uppercase());
                    digits_only = false;
                }
                if b as char == run_char {
                    run_len += 1;
                    if run_len == 3 && alpha {
                        cur.elongated = true;
                    }
                } else {
                    run_char = b as char;
                    run_len = 1;
                }
                j += 1;
            }
            let a = out.lower.len();
            out.lower.push_str(&text[i..j]);
            out.lower[a..].make_ascii_lowercase();
            cur.orig.1 = j as u32;
            i = j;
            continue;
        }
        let c = match raw {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => '\'',
            _ => raw,
        };
        let (alnum, alpha, up) = if c.is_ascii() {
            (c.is_ascii_alphanumeric(), c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else if c.is_alphanumeric() {
            let alpha = c.is_alphabetic();
            (true, alpha, alpha && c.is_uppercase())
        } else {
            (false, false, false)
        };
        if alnum {
            if !in_word {
                in_word = true;
                cur = Token { kind: Kind::Word, start: out.lower.len() as u32, end: 0, orig: (i as u32, 0), caps: false, elongated: false };
                digits_only = true;
                upper = 0;
                letters = 0;
                run_char = '\0';
                run_len = 0;
            }
            if alpha {
                letters += 1;
                upper += u32::from(up);
            }
            cur.orig.1 = (i + len) as u32;
            if c == run_char {
                run_len += 1;
                if run_len == 3 && alpha {
                    cur.elongated = true;
                }
            } else {
                run_char = c;
                run_len = 1;
            }
            if c.is_ascii() {
                digits_only &= c.is_ascii_digit();
                out.lower.push(c.to_ascii_lowercase());
            } else {
                digits_only = false;
                out.lower.extend(c.to_lowercase());
            }
            i += len;
            continue;
        }
        if c == '\'' && in_word {
            // inside a word: "don't" -> "dont"; a final "'s" is dropped ("infosec's" -> "infosec")
            if let Some((n, nlen)) = char_at(text, i + len) {
                if n.is_alphabetic() {
                    if n == 's' || n == 'S' {
                        let after = char_at(text, i + len + nlen).map(|(a, _)| a);
                        if !after.is_some_and(char::is_alphanumeric) {
                            cur.orig.1 = (i + len + 1) as u32;
                            finish(out, &mut cur, &mut in_word, digits_only, upper, letters);
                            i += len + nlen;
                            continue;
                        }
                    }
                    i += len;
                    continue;
                }
            }
        }
        finish(out, &mut cur, &mut in_word, digits_only, upper, letters);
        if c.is_ascii() {
            i += len;
            match c {
                '.' | '!' | '?' | ',' => push_tok(out, Kind::Punct(c), &text[i - 1..i], (i - 1, i)),
                '\n' => push_tok(out, Kind::Punct('.'), ".", (i - 1, i)),
                ':' | ';' => {
                    // ASCII emoticons :) :-) :( :D :/ :P
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
                        push_tok(out, Kind::Emoji, s, (i - 1, j + 1));
                        i = j + 1;
                    } else {
                        push_tok(out, Kind::Punct(c), &text[i - 1..i], (i - 1, i));
                    }
                }
                // "/s" sarcasm marker
                '/' if text.as_bytes().get(i) == Some(&b's') && !char_at(text, i + 1).is_some_and(|(x, _)| x.is_alphanumeric()) => {
                    push_tok(out, Kind::Word, "/s", (i - 1, i + 1));
                    i += 1;
                }
                _ => {}
            }
            continue;
        }
        if !is_emoji_modifier(c) {
            if is_emoji(c) {
                push_tok(out, Kind::Emoji, &text[i..i + len], (i, i + len));
            } else if c == '\u{2026}' {
                push_tok(out, Kind::Punct('.'), ".", (i, i + len));
            }
        }
        i += len;
    }
    finish(out, &mut cur, &mut in_word, digits_only, upper, letters);
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
