//! Numbers for people, per language, as the browser's `Intl.NumberFormat` writes them
//! (CLDR): digit groups, the decimal mark, the space before `%`, and a real minus sign.
//!
//! | | count | decimal | percent |
//! |---|---|---|---|
//! | en | 10,000 | 3.5 | 36% |
//! | de | 10.000 | 3,5 | 36 % (no-break space) |
//! | fr | 10 000 (narrow no-break space) | 3,5 | 36 % (narrow no-break space) |
//! | es | 1000 · 10.000 (groups from five digits) | 3,5 | 36 % (no-break space) |
//!
//! Written out rather than taken from ICU: four fixed locales need a few lines, and
//! ICU's data would more than double the dashboard's wasm.

use super::Lang;

const NO_BREAK_SPACE: char = '\u{a0}';
const NARROW_NO_BREAK_SPACE: char = '\u{202f}';
const MINUS: char = '\u{2212}';

impl Lang {
    /// The character between groups of three digits.
    fn group_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::De | Lang::Es => '.',
            Lang::Fr => NARROW_NO_BREAK_SPACE,
        }
    }

    /// The decimal mark.
    fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De | Lang::Fr | Lang::Es => ',',
        }
    }

    /// Fewest digits a number needs before it is grouped (Spanish leaves "1000" whole).
    fn min_grouped_digits(self) -> usize {
        match self {
            Lang::Es => 5,
            Lang::En | Lang::De | Lang::Fr => 4,
        }
    }

    /// A whole count with digit groups: "10,000" (en), "10.000" (de).
    pub fn count(self, n: u64) -> String {
        let digits = n.to_string();
        if digits.len() < self.min_grouped_digits() {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.group_separator());
            }
            out.push(c);
        }
        out
    }

    /// `v` rounded to `places` decimals with this language's marks and a real minus: "−3,5" (de).
    pub fn decimal(self, v: f64, places: usize) -> String {
        if !v.is_finite() {
            return "\u{2014}".to_string();
        }
        // Half away from zero, like `f64::round` (formatting alone rounds an exact half to even: 22.5 → "22").
        let scale = 10f64.powi(places as i32);
        let text = format!("{:.*}", places, (v.abs() * scale).round() / scale);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if v < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push(MINUS);
        }
        out.push_str(&self.count(whole.parse().unwrap_or(0)));
        if !fraction.is_empty() {
            out.push(self.decimal_mark());
            out.push_str(fraction);
        }
        out
    }

    /// A whole number: "63", "1.205" (de).
    pub fn whole(self, v: f64) -> String {
        self.decimal(v, 0)
    }

    /// A signed whole number with a real minus sign: "+41", "−32", "0".
    pub fn signed(self, v: f64) -> String {
        let text = self.whole(v);
        if v.round() > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    }

    /// A whole percentage: "72%" (en), "72 %" (de, es), "72 %" (fr, narrow space).
    pub fn pct(self, v: f64) -> String {
        self.with_percent_sign(self.whole(v))
    }

    /// A percentage with `places` decimals: "12.3%" (en), "12,3 %" (de).
    pub fn decimal_pct(self, v: f64, places: usize) -> String {
        self.with_percent_sign(self.decimal(v, places))
    }

    /// A percentage with a sign: "+4%" (en), "−3 %" (de).
    pub fn signed_pct(self, v: f64) -> String {
        self.with_percent_sign(self.signed(v))
    }

    fn with_percent_sign(self, number: String) -> String {
        match self {
            Lang::En => format!("{number}%"),
            Lang::De | Lang::Es => format!("{number}{NO_BREAK_SPACE}%"),
            Lang::Fr => format!("{number}{NARROW_NO_BREAK_SPACE}%"),
        }
    }

    /// A range "58 to 67" (en), "58 bis 67" (de), "58 à 67" (fr), "58 a 67" (es); signed when `sign`.
    pub fn interval(self, ci: [f64; 2], sign: bool) -> String {
        let f = |v| if sign { self.signed(v) } else { self.whole(v) };
        let to = match self {
            Lang::En => "to",
            Lang::De => "bis",
            Lang::Fr => "à",
            Lang::Es => "a",
        };
        format!("{} {to} {}", f(ci[0]), f(ci[1]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_like_intl() {
        assert_eq!(Lang::En.count(0), "0");
        assert_eq!(Lang::En.count(1_234_567), "1,234,567");
        assert_eq!(Lang::De.count(1000), "1.000");
        assert_eq!(Lang::Fr.count(10_000), "10\u{202f}000");
        assert_eq!(Lang::Es.count(1000), "1000");
        assert_eq!(Lang::Es.count(10_000), "10.000");
        assert_eq!(Lang::Es.count(1_000_000), "1.000.000");
    }

    #[test]
    fn decimals_use_the_language_mark_and_a_real_minus() {
        assert_eq!(Lang::En.decimal(3.456, 1), "3.5");
        assert_eq!(Lang::De.decimal(-3.456, 2), "\u{2212}3,46");
        assert_eq!(Lang::Fr.decimal(12345.5, 1), "12\u{202f}345,5");
        assert_eq!(Lang::De.decimal(-0.04, 1), "0,0");
        assert_eq!(Lang::En.decimal(f64::NAN, 1), "\u{2014}");
        assert_eq!(Lang::En.whole(22.5), "23");
        assert_eq!(Lang::En.pct(-0.5), "\u{2212}1%");
        assert_eq!(Lang::De.decimal(0.25, 1), "0,3");
    }

    #[test]
    fn signs_percentages_and_intervals() {
        assert_eq!(Lang::En.signed(41.4), "+41");
        assert_eq!(Lang::En.signed(-31.6), "\u{2212}32");
        assert_eq!(Lang::En.signed(0.2), "0");
        assert_eq!(Lang::En.pct(71.6), "72%");
        assert_eq!(Lang::De.pct(36.2), "36\u{a0}%");
        assert_eq!(Lang::Fr.pct(36.0), "36\u{202f}%");
        assert_eq!(Lang::En.decimal_pct(12.345, 1), "12.3%");
        assert_eq!(Lang::De.decimal_pct(12.345, 1), "12,3\u{a0}%");
        assert_eq!(Lang::Es.signed_pct(-3.0), "\u{2212}3\u{a0}%");
        assert_eq!(Lang::En.interval([-3.0, 5.0], true), "\u{2212}3 to +5");
        assert_eq!(Lang::Fr.interval([58.0, 67.0], false), "58 à 67");
    }
}
