//! Anonymity: the minimum group size and the one disclosure-control layer every released
//! number passes through ([`disclosure`], with the algebra in [`linked`]), comment redaction
//! ([`redact`]), the rows of filtered views ([`filter`]) and what earlier publications
//! released ([`prior`]).

pub mod disclosure;
pub mod filter;
pub mod linked;
pub mod prior;
pub mod redact;

use serde::{Deserialize, Serialize};

use redact::Redactor;

/// Default minimum group size.
pub const DEFAULT_MIN_GROUP: usize = 5;

/// Default minimum number of comments behind any comment summary or sample: higher than
/// the group size, because a comment's wording can identify its writer.
pub const DEFAULT_MIN_COMMENTS: usize = 10;

/// The minimum number of respondents behind anything that is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinGroup(usize);

impl Default for MinGroup {
    fn default() -> Self {
        MinGroup(DEFAULT_MIN_GROUP)
    }
}

impl MinGroup {
    /// A threshold of `k` respondents; `k` must be at least 2 (1 would show single people).
    pub fn new(k: usize) -> Result<MinGroup, String> {
        if k >= 2 {
            Ok(MinGroup(k))
        } else {
            Err(format!("minimum group size must be at least 2 (got {k}); a group of 1 is a person"))
        }
    }

    /// The threshold `k`.
    pub fn k(self) -> usize {
        self.0
    }

    /// True when a statistic over `n` respondents may be shown.
    pub fn allows(self, n: usize) -> bool {
        n >= self.0
    }

    /// What is shown instead of a suppressed count, e.g. "< 5".
    pub fn label(self) -> String {
        format!("< {}", self.0)
    }
}

/// How comments are released: their threshold, how many samples, and what redaction removes.
#[derive(Debug, Clone)]
pub struct CommentOptions {
    /// Minimum number of comments behind any comment statistic or sample (default 10).
    pub min_comments: MinGroup,
    /// How many distinct comments to include, shuffled and redacted, for the comment browser.
    pub samples: usize,
    /// Removes e-mails, phone numbers, personal links, ids and listed names from samples.
    pub redactor: Redactor,
}

impl Default for CommentOptions {
    fn default() -> Self {
        CommentOptions {
            min_comments: MinGroup::new(DEFAULT_MIN_COMMENTS).expect("10 is a valid threshold"),
            samples: 200,
            redactor: Redactor::new::<&str>(&[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_thresholds_that_show_individuals() {
        assert!(MinGroup::new(1).is_err());
        assert!(MinGroup::new(0).is_err());
        assert_eq!(MinGroup::default().k(), 5);
        assert_eq!(MinGroup::new(5).unwrap().label(), "< 5");
    }

    #[test]
    fn the_refusal_catalogs_are_complete() {
        let mut faults = crate::lang::check_catalog(filter::Words::ALL);
        faults.extend(crate::lang::check_catalog(prior::Words::ALL));
        assert!(faults.is_empty(), "{faults:#?}");
    }
}
