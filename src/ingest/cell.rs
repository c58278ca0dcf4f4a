//! Value parsing shared by the CSV and JSON readers: numbers on a scale, choice
//! options, ranking items, and the spreadsheet formula escape.

use super::error::{Cause, OPTIONS_SHOWN};

/// Why a cell of a numeric question was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumError {
    /// A whole number off the scale.
    Outside,
    /// A number with a fractional part.
    NotWhole,
    /// Not a number at all.
    NotNumber,
}

impl NumError {
    /// The problem for the cell text `value` (already quoted if it was a string).
    pub(crate) fn cause(self, value: String, min: u8, max: u8) -> Cause {
        match self {
            NumError::Outside => Cause::OutsideScale { value, min, max },
            NumError::NotWhole => Cause::NotWhole { value, min, max },
            NumError::NotNumber => Cause::NotNumber { value },
        }
    }
}

/// `s` without surrounding whitespace; skips the Unicode-aware scan when `s` plainly
/// starts and ends with a printable ASCII character.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let plain = |c: &u8| *c > b' ' && *c < 0x7f;
    let b = s.as_bytes();
    if b.first().is_some_and(plain) && b.last().is_some_and(plain) {
        s
    } else {
        s.trim()
    }
}

/// Parses a trimmed, non-empty cell as a value on `min..=max`. Accepts `4`, `04`, `4.0`,
/// `+4`, `4e0`; the common forms are parsed from the bytes without allocating.
pub(crate) fn parse_scale_bytes(b: &[u8], min: u8, max: u8) -> Result<u8, NumError> {
    let mut value: u32 = 0;
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        value = (value * 10 + u32::from(b[i] - b'0')).min(1000);
        i += 1;
    }
    if i > 0 {
        let rest = &b[i..];
        let whole = rest.is_empty() || (rest[0] == b'.' && rest[1..].iter().all(|&c| c == b'0'));
        if whole {
            return in_scale(value, min, max);
        }
    }
    // Rare forms (signs, exponents, fractions) and garbage go through the float parser.
    match std::str::from_utf8(b).ok().and_then(parse_float) {
        Some(v) => scale_value_f64(v, min, max),
        None => Err(NumError::NotNumber),
    }
}

/// A number written as Rust writes floats (`+4`, `-0`, `.5`, `4.`, `4.5e0`, `007`; no spaces,
/// `inf` or `nan`), read by serde_json's number parser, which every build has for JSON: Rust's
/// `str::parse::<f64>` adds 17 KB of wasm (its tables) to the survey core for these rare forms.
/// Like a JSON number's, the value may differ from Rust's in the last bit beyond 15 digits.
fn parse_float(s: &str) -> Option<f64> {
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'-') => ("-", &s[1..]),
        Some(b'+') => ("", &s[1..]),
        _ => ("", s),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    // JSON's grammar: no leading zeros, digits on both sides of the point.
    let whole = whole.trim_start_matches('0');
    let mut json = format!("{sign}{}", if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(exponent) = exponent {
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if unsigned.is_empty() || !digits(unsigned) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    serde_json::from_str(&json).ok()
}

/// Checks a JSON (or already parsed) number against `min..=max`.
pub(crate) fn scale_value_f64(v: f64, min: u8, max: u8) -> Result<u8, NumError> {
    if !v.is_finite() {
        Err(NumError::NotNumber)
    } else if v.fract() != 0.0 {
        Err(NumError::NotWhole)
    } else if v < f64::from(min) || v > f64::from(max) {
        Err(NumError::Outside)
    } else {
        Ok(v as u8)
    }
}

fn in_scale(value: u32, min: u8, max: u8) -> Result<u8, NumError> {
    if value >= u32::from(min) && value <= u32::from(max) {
        Ok(value as u8)
    } else {
        Err(NumError::Outside)
    }
}

/// Characters that make a spreadsheet treat a cell as a formula.
fn is_formula_trigger(c: u8) -> bool {
    matches!(c, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// True when `s` is one or more `'` followed by a formula trigger.
fn quotes_then_trigger(s: &[u8]) -> bool {
    let quotes = s.iter().take_while(|&&c| c == b'\'').count();
    quotes > 0 && s.get(quotes).is_some_and(|&c| is_formula_trigger(c))
}

/// Whether the CSV writer must prefix `s` with `'`: it starts with a formula trigger
/// (`=`, `+`, `-`, `@`, tab, CR), possibly after some `'` (so that the reader's
/// [`unescape_formula`] gives back exactly `s`).
pub(crate) fn needs_formula_escape(s: &str) -> bool {
    let b = s.as_bytes();
    b.first().is_some_and(|&c| is_formula_trigger(c)) || quotes_then_trigger(b)
}

/// Undoes the CSV writer's formula escape: drops exactly one leading `'` when the
/// quotes are followed by a formula trigger (`'=1+1` → `=1+1`, `''=x` → `'=x`).
pub(crate) fn unescape_formula(s: &str) -> &str {
    if quotes_then_trigger(s.as_bytes()) {
        &s[1..]
    } else {
        s
    }
}

/// Quotes a cell for a problem message, shortening long values: `"abc"`.
pub(crate) fn quoted(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{:?}…", &s[..cut]),
        None => format!("{s:?}"),
    }
}

/// The options of a choice or ranking question, for case-insensitive matching.
#[derive(Debug, Clone)]
pub(crate) struct OptionSet {
    /// Options, trimmed, in instrument order.
    labels: Vec<String>,
    /// The same, lower-cased (for non-ASCII cells).
    lower: Vec<String>,
}

impl OptionSet {
    /// Prepares the options of a question.
    pub(crate) fn new(options: &[String]) -> OptionSet {
        let labels: Vec<String> = options.iter().map(|o| o.trim().to_string()).collect();
        let lower = labels.iter().map(|o| o.to_lowercase()).collect();
        OptionSet { labels, lower }
    }

    /// The option at `index` (as trimmed), or "" when there is none.
    pub(crate) fn label(&self, index: usize) -> &str {
        self.labels.get(index).map_or("", String::as_str)
    }

    /// Index of the option `s` (trimmed) names: exact match first, then ignoring case.
    pub(crate) fn find(&self, s: &str) -> Option<usize> {
        if let Some(i) = self.labels.iter().position(|o| same_text(o, s)) {
            return Some(i);
        }
        if s.is_ascii() {
            self.labels.iter().position(|o| o.eq_ignore_ascii_case(s))
        } else {
            let s = s.to_lowercase();
            self.lower.iter().position(|o| *o == s)
        }
    }

    /// The problem for a value that is not an option of question `id`.
    pub(crate) fn not_an_option(&self, value: &str, id: &str) -> Cause {
        Cause::UnknownOption {
            value: quoted(value),
            question: id.to_string(),
            options: self.labels.iter().take(OPTIONS_SHOWN).cloned().collect(),
            total: self.labels.len(),
        }
    }
}

/// Whether two short texts (an option, a group's label) are equal, compared inline: at
/// opt-level "z" a plain `==` is a call per comparison (and `memcmp` behind it), and a cell
/// is compared with every option before its own.
#[inline(always)]
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn numbers_in_the_common_forms() {
        for s in ["4", "04", "4.0", "4.00", "+4", "4e0", "4."] {
            assert_eq!(parse_scale_bytes(s.as_bytes(), 1, 5), Ok(4), "{s}");
        }
        assert_eq!(parse_scale_bytes(b"0", 0, 10), Ok(0));
        assert_eq!(parse_scale_bytes(b"10", 0, 10), Ok(10));
        assert_eq!(parse_scale_bytes(b"7", 1, 5), Err(NumError::Outside));
        assert_eq!(parse_scale_bytes(b"0", 1, 5), Err(NumError::Outside));
        assert_eq!(parse_scale_bytes(b"-1", 1, 5), Err(NumError::Outside));
        assert_eq!(parse_scale_bytes(b"99999999999999999999", 1, 5), Err(NumError::Outside));
        assert_eq!(parse_scale_bytes(b"4.5", 1, 5), Err(NumError::NotWhole));
        for s in ["abc", "4a", "nan", "inf", "4 5", ".", "1,0", "\u{e9}"] {
            assert_eq!(parse_scale_bytes(s.as_bytes(), 1, 5), Err(NumError::NotNumber), "{s}");
        }
        assert_eq!(NumError::Outside.cause("\"7\"".into(), 1, 5).describe(Lang::En), "\"7\" is outside 1–5");
        assert_eq!(NumError::NotNumber.cause("\"abc\"".into(), 1, 5).describe(Lang::En), "\"abc\" is not a number");
    }

    #[test]
    fn rare_number_forms_read_as_rust_reads_them() {
        let forms = [
            "+4",
            "-0",
            "-0.0",
            ".5",
            "4.",
            "4.e0",
            "4.5e0",
            "45e-1",
            "4E0",
            "007",
            "007.50",
            "0.0",
            "1e400",
            "-1e400",
            "1e-400",
            "0e99999999999999999999",
            "4e05",
            "4e+0",
            "+.5",
            "-.5e1",
            "1e",
            "e1",
            ".",
            "-",
            "+",
            "+-4",
            "4.5.1",
            "1_0",
            "0x4",
            " 4",
            "4 ",
            "inf",
            "NaN",
            "infinity",
            "4e+-1",
            "\u{ff14}",
            "0.30000000000000004",
            "2.5",
            "100",
            "255.0",
            "1e2",
            "-7e0",
            "12345678901234567890123",
            "4.0000000000000001",
        ];
        for s in forms {
            let rust = s.parse::<f64>().ok().filter(|v| v.is_finite());
            assert_eq!(parse_float(s).filter(|v| v.is_finite()), rust, "{s:?}");
            let expected = s.parse::<f64>().map_or(Err(NumError::NotNumber), |v| scale_value_f64(v, 0, 10));
            assert_eq!(parse_scale_bytes(s.as_bytes(), 0, 10), expected, "{s:?}");
        }
    }

    #[test]
    fn json_numbers() {
        assert_eq!(scale_value_f64(3.0, 1, 5), Ok(3));
        assert_eq!(scale_value_f64(3.5, 1, 5), Err(NumError::NotWhole));
        assert_eq!(scale_value_f64(-0.0, 0, 10), Ok(0));
        assert_eq!(scale_value_f64(300.0, 1, 5), Err(NumError::Outside));
        assert_eq!(scale_value_f64(f64::NAN, 1, 5), Err(NumError::NotNumber));
    }

    #[test]
    fn formula_escape_round_trips() {
        for s in ["=1+1", "+x", "-5 days", "@home", "\tx", "\rx", "'=x", "''+x", "'", "'a", "plain", "", "a=b"] {
            let written = if needs_formula_escape(s) { format!("'{s}") } else { s.to_string() };
            assert_eq!(unescape_formula(&written), s, "{s:?} written as {written:?}");
        }
        assert_eq!(unescape_formula("'=1"), "=1");
        assert_eq!(unescape_formula("'hello"), "'hello");
        assert!(!needs_formula_escape("'hello"));
        assert!(needs_formula_escape("-"));
    }

    #[test]
    fn options_match_ignoring_case_and_list_themselves() {
        let set = OptionSet::new(&["Leader".into(), "Manager".into(), " Staff ".into(), "Ärztin".into()]);
        assert_eq!(set.find("Leader"), Some(0));
        assert_eq!(set.find("leader"), Some(0));
        assert_eq!(set.find("STAFF"), Some(2));
        assert_eq!(set.find("ärztin"), Some(3));
        assert_eq!(set.find("boss"), None);
        let msg = set.not_an_option("Boss", "role").describe(Lang::En);
        assert_eq!(msg, "\"Boss\" is not an option of role (Leader, Manager, Staff, Ärztin)");
        let many: Vec<String> = (1..=12).map(|i| format!("o{i}")).collect();
        let msg = OptionSet::new(&many).not_an_option("x", "q").describe(Lang::En);
        assert_eq!(msg, "\"x\" is not an option of q (o1, o2, o3, o4, o5, o6, o7, o8, … 12 in all)");
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}\"…", "x".repeat(40)));
        assert_eq!(quoted("a\"b"), "\"a\\\"b\"");
    }
}
