//! Complementary suppression of each statistic of a breakdown.
//!
//! A breakdown hides small groups ([`MinGroup::suppress_breakdown`](crate::privacy::MinGroup::suppress_breakdown)),
//! but a visible group's statistic can rest on fewer answers than the group has people
//! (three of twelve answered the NPS question), and the hidden groups' pool can hold
//! fewer answers than people. Because the same statistic is shown for everyone, the
//! missing piece could be worked out by subtraction. Here every statistic (overall score,
//! each dimension, NPS, balance) is passed through
//! [`MinGroup::suppress_complement`](crate::privacy::MinGroup::suppress_complement) across the groups.

use super::group::{Rows, Scorer};
use crate::report::{GroupScore, Score, SegmentGroup};

/// Hides, in `shown` (one entry per group of `groups`), every statistic that would let a
/// value about fewer than k answers be derived from the totals and the other groups.
pub(super) fn apply(scorer: &Scorer<'_>, groups: &[(String, Vec<u32>)], shown: &mut [SegmentGroup]) {
    let hidden: Vec<bool> = shown.iter().map(|g| g.suppressed).collect();
    let rows = || groups.iter().map(|(_, r)| Rows::Only(r));
    let hide = |counts: Vec<usize>| scorer.min.suppress_complement(&counts, &hidden);

    let overall = hide(rows().map(|r| scorer.overall_moments(r).n).collect());
    for (g, _) in shown.iter_mut().zip(overall).filter(|(g, h)| *h && !g.suppressed) {
        g.overall = Some(GroupScore { score: Score::hidden(None), vs_rest: None });
    }
    let dims = scorer.dimension_count();
    for d in 0..dims {
        let out = hide(rows().map(|r| scorer.dimension_moments(d, r).n).collect());
        for (g, _) in shown.iter_mut().zip(out).filter(|(g, h)| *h && !g.suppressed) {
            if let Some(dim) = g.dimensions.as_mut().and_then(|v| v.get_mut(d)) {
                dim.score = Score::hidden(None);
                (dim.favourable, dim.neutral, dim.unfavourable, dim.alpha) = (None, None, None, None);
                dim.low_reliability = false;
                dim.vs_rest = None;
            }
        }
    }
    let nps = hide(rows().map(|r| scorer.nps_answers(r)).collect());
    for (g, _) in shown.iter_mut().zip(nps).filter(|(g, h)| *h && !g.suppressed) {
        if let Some(n) = g.nps.as_mut() {
            (n.n, n.score, n.ci95) = (None, None, None);
            (n.promoters, n.passives, n.detractors) = (None, None, None);
        }
    }
    let balance = hide(rows().map(|r| scorer.balance_answers(r)).collect());
    for (g, _) in shown.iter_mut().zip(balance).filter(|(g, h)| *h && !g.suppressed) {
        if let Some(b) = g.balance.as_mut() {
            (b.n, b.score, b.ci95) = (None, None, None);
            (b.left_share, b.middle_share, b.right_share) = (None, None, None);
        }
    }
}

/// True when `group` shows measure `m` (0 = overall, d + 1 = dimension d).
pub(super) fn shows(group: &SegmentGroup, m: usize) -> bool {
    match m {
        0 => group.overall.as_ref().is_some_and(|o| o.score.n.is_some()),
        d => group.dimensions.as_ref().and_then(|v| v.get(d - 1)).is_some_and(|x| x.score.n.is_some()),
    }
}
