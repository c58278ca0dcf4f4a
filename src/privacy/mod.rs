//! Anonymity rules: the minimum group size, applied in this one place to every
//! statistic and every breakdown secpulse shows.
//!
//! - A statistic computed from fewer than `k` respondents is never shown.
//! - In a breakdown (groups that add up to a known total), groups under `k` are
//!   suppressed, and further groups are suppressed (smallest first) until at least
//!   two groups are hidden and together hold at least `k` people, so no hidden group —
//!   and no pool of hidden groups smaller than `k` — can be derived by subtracting
//!   the visible groups from the total.

pub mod disclosure;
pub mod filter;
pub mod linked;
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

    /// Decides, for the groups of one breakdown (sizes that add up to the total shown
    /// elsewhere), which are hidden; `true` means suppressed.
    pub fn suppress_breakdown(self, sizes: &[usize]) -> Vec<bool> {
        self.suppress_breakdown_with(sizes, &[])
    }

    /// [`suppress_breakdown`](Self::suppress_breakdown) when some groups are already
    /// hidden for another reason (`forced[i]`, e.g. a filtered view that would differ from
    /// a coarser view by a few people; missing entries count as `false`). Groups under `k`
    /// are hidden too, then further groups (smallest first) until at least two are hidden
    /// and together hold at least `k` people. A forced group stays hidden even when empty.
    pub fn suppress_breakdown_with(self, sizes: &[usize], forced: &[bool]) -> Vec<bool> {
        let forced_at = |i: usize| forced.get(i).copied().unwrap_or(false);
        let mut hidden: Vec<bool> = sizes.iter().enumerate().map(|(i, &n)| forced_at(i) || (n > 0 && !self.allows(n))).collect();
        let mut order: Vec<usize> = (0..sizes.len()).filter(|&i| sizes[i] > 0).collect();
        crate::sort::sort_by_key(&mut order, |&i| (sizes[i], i));
        loop {
            let (count, pooled) = hidden.iter().zip(sizes).filter(|(h, _)| **h).fold((0, 0), |(c, p), (_, &n)| (c + 1, p + n));
            if count == 0 || (count >= 2 && self.allows(pooled)) {
                break;
            }
            match order.iter().find(|&&i| !hidden[i]) {
                Some(&next) => hidden[next] = true,
                None => break,
            }
        }
        hidden
    }

    /// Complementary suppression of one statistic across the groups of a breakdown
    /// (e.g. the NPS of each department, when the NPS of everyone is shown too).
    /// `answers[i]` is how many answers group i's statistic rests on, `hidden[i]` is true
    /// where it is not shown anyway (a suppressed group). The statistic is hidden where it
    /// rests on 1 to k − 1 answers, and then in further groups (fewest answers first) until
    /// the answers behind all hidden values add up to 0 or at least `k` — so subtracting the
    /// shown values from the total never yields a value about fewer than `k` answers.
    /// Returns `true` where the statistic must not be shown.
    pub fn suppress_complement(self, answers: &[usize], hidden: &[bool]) -> Vec<bool> {
        let mut out: Vec<bool> = answers.iter().zip(hidden).map(|(&n, &h)| h || (n > 0 && !self.allows(n))).collect();
        let mut order: Vec<usize> = (0..answers.len()).filter(|&i| answers[i] > 0).collect();
        crate::sort::sort_by_key(&mut order, |&i| (answers[i], i));
        loop {
            let pooled: usize = answers.iter().zip(&out).filter(|(_, &h)| h).map(|(&n, _)| n).sum();
            if pooled == 0 || self.allows(pooled) {
                break;
            }
            match order.iter().find(|&&i| !out[i]) {
                Some(&next) => out[next] = true,
                None => break,
            }
        }
        out
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

    fn k5() -> MinGroup {
        MinGroup::new(5).unwrap()
    }

    #[test]
    fn rejects_thresholds_that_show_individuals() {
        assert!(MinGroup::new(1).is_err());
        assert!(MinGroup::new(0).is_err());
        assert_eq!(MinGroup::default().k(), 5);
        assert_eq!(k5().label(), "< 5");
    }

    #[test]
    fn single_small_group_takes_the_next_smallest_with_it() {
        assert_eq!(k5().suppress_breakdown(&[40, 3, 12, 9]), vec![false, true, false, true]);
    }

    #[test]
    fn nothing_small_means_nothing_hidden() {
        assert_eq!(k5().suppress_breakdown(&[40, 5, 12]), vec![false, false, false]);
        assert_eq!(k5().suppress_breakdown(&[]), Vec::<bool>::new());
    }

    #[test]
    fn two_small_groups_that_pool_under_k_pull_in_a_third() {
        // 1 + 2 = 3 people could be derived as a pool; hide the next smallest (7) too.
        assert_eq!(k5().suppress_breakdown(&[1, 2, 7, 30]), vec![true, true, true, false]);
        // 3 + 4 = 7 >= 5: two hidden groups are enough.
        assert_eq!(k5().suppress_breakdown(&[3, 4, 7, 30]), vec![true, true, false, false]);
    }

    #[test]
    fn empty_groups_are_neither_shown_nor_counted() {
        assert_eq!(k5().suppress_breakdown(&[0, 3, 20, 8]), vec![false, true, false, true]);
    }

    #[test]
    fn a_statistic_with_few_answers_takes_its_complement_with_it() {
        // Group 1 shows NPS from 3 answers: hide it and the next fewest (12) too.
        assert_eq!(k5().suppress_complement(&[40, 3, 12, 30], &[false; 4]), vec![false, true, true, false]);
        // Suppressed groups (7 people) of which only 2 answered: pull in the fewest shown.
        assert_eq!(k5().suppress_complement(&[20, 2, 0, 9], &[false, true, true, false]), vec![false, true, true, true]);
        // Hidden groups whose answers already pool to k: nothing more.
        assert_eq!(k5().suppress_complement(&[20, 2, 3, 9], &[false, true, true, false]), vec![false, true, true, false]);
        // Nobody answered in the hidden groups: nothing can be derived.
        assert_eq!(k5().suppress_complement(&[20, 0, 0, 9], &[false, true, true, false]), vec![false, true, true, false]);
        assert_eq!(k5().suppress_complement(&[], &[]), Vec::<bool>::new());
    }

    #[test]
    fn forced_groups_are_pooled_like_small_ones() {
        // Nothing is small, but group 0 (40) is forced hidden: the smallest (9) joins it.
        assert_eq!(k5().suppress_breakdown_with(&[40, 12, 9, 30], &[true, false, false, false]), vec![true, false, true, false]);
        // A forced group of 2 with a small one of 1: 3 people pooled, so 12 joins too.
        assert_eq!(k5().suppress_breakdown_with(&[2, 1, 12, 30], &[true, false, false, false]), vec![true, true, true, false]);
        // Two forced groups that already pool to k: nothing more.
        assert_eq!(k5().suppress_breakdown_with(&[3, 6, 12], &[true, true, false]), vec![true, true, false]);
        // No forced group: same as suppress_breakdown; a short `forced` counts as false.
        for sizes in [&[40, 3, 12, 9][..], &[1, 2, 7, 30], &[0, 3, 20, 8], &[4]] {
            assert_eq!(k5().suppress_breakdown_with(sizes, &[]), k5().suppress_breakdown(sizes));
            assert_eq!(k5().suppress_breakdown_with(sizes, &vec![false; sizes.len()]), k5().suppress_breakdown(sizes));
        }
    }

    #[test]
    fn a_breakdown_of_one_small_group_hides_it() {
        assert_eq!(k5().suppress_breakdown(&[4]), vec![true]);
    }
}
