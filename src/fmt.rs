//! Number formatting for people, shared by error messages, text reports and charts.

use std::fmt;

use crate::lang::Lang;

/// Formats an integer with `,` between groups of three digits: `1,205`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thousands(pub u64);

impl fmt::Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.count(self.0))
    }
}

/// A count with thousands separators: "10,000".
pub fn count(n: usize) -> String {
    Thousands(n as u64).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(Thousands(0).to_string(), "0");
        assert_eq!(Thousands(999).to_string(), "999");
        assert_eq!(Thousands(1000).to_string(), "1,000");
        assert_eq!(Thousands(20_000_000).to_string(), "20,000,000");
        assert_eq!(count(123_456_789), "123,456,789");
    }
}
