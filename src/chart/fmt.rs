//! Number formatting shared by chart labels and data tables: whole numbers, a real
//! minus sign, thousands separators.

/// A signed whole number with a real minus sign: "+41", "−32", "0".
pub fn signed(v: f64) -> String {
    Lang::En.signed(v)
}

/// A whole number: "63".
pub fn whole(v: f64) -> String {
    Lang::En.whole(v)
}

/// A percentage: "72%".
pub fn pct(v: f64) -> String {
    Lang::En.pct(v)
}

pub use crate::fmt::count;
use crate::lang::Lang;

/// A confidence interval "58 to 67" (signed when `sign`).
pub fn interval(ci: [f64; 2], sign: bool) -> String {
    Lang::En.interval(ci, sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_report() {
        assert_eq!(signed(41.4), "+41");
        assert_eq!(signed(-31.6), "\u{2212}32");
        assert_eq!(signed(0.2), "0");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(count(999), "999");
        assert_eq!(pct(71.6), "72%");
        assert_eq!(interval([-3.0, 5.0], true), "\u{2212}3 to +5");
    }
}
