//! Number formatting shared by chart labels and data tables: whole numbers, a real
//! minus sign, thousands separators.

/// A signed whole number with a real minus sign: "+41", "−32", "0".
pub fn signed(v: f64) -> String {
    let r = v.round();
    if r > 0.0 {
        format!("+{r:.0}")
    } else if r < 0.0 {
        format!("\u{2212}{:.0}", -r)
    } else {
        "0".to_string()
    }
}

/// A whole number: "63".
pub fn whole(v: f64) -> String {
    format!("{:.0}", v.round())
}

/// A percentage: "72%".
pub fn pct(v: f64) -> String {
    format!("{:.0}%", v.round())
}

pub use crate::fmt::count;

/// A confidence interval "58 to 67" (signed when `sign`).
pub fn interval(ci: [f64; 2], sign: bool) -> String {
    let f = if sign { signed } else { whole };
    format!("{} to {}", f(ci[0]), f(ci[1]))
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
