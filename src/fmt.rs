//! Number formatting for people, shared by text reports and charts.

use crate::lang::Lang;

/// A count with thousands separators: "10,000".
pub fn count(n: usize) -> String {
    Lang::En.count(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_groups_digits() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(20_000_000), "20,000,000");
        assert_eq!(count(123_456_789), "123,456,789");
    }
}
