//! Statistics of one group of respondents (everyone, a segment value, a wave), computed
//! from the group's counts ([`GroupCounts`]) without any suppression:
//! [`crate::privacy::disclosure`] decides what is shown.

use crate::ingest::ResponseTable;
use crate::instrument::{Instrument, Question, Scale};
use crate::report::{Balance, Band, DimensionScore, GroupScore, ItemScore, Nps, Score};

use super::counts::{column_of, is_bipolar, is_recommend, GroupCounts, ScoreHistogram};
use super::respondent::{keyed_items, KeyedItem};
pub use super::rows::Rows;
use crate::stats::{summarize_counts, welch, Covariance, Moments, Summary};

/// Everything needed to score any group of one view (all its rows, or a filter's), from counts.
pub struct Scorer<'a> {
    instrument: &'a Instrument,
    /// Likert items with their columns.
    items: Vec<KeyedItem<'a>>,
    /// The 0–10 recommend question, if answered in the table.
    recommend: Option<&'a Question>,
    /// The bipolar question, if answered in the table.
    bipolar: Option<&'a Question>,
    /// The counts of everyone in the view.
    total: GroupCounts,
    /// Moments of everyone's overall score, for "difference to the rest".
    total_overall: Moments,
    /// Moments of everyone's dimension scores.
    total_dims: Vec<Moments>,
}

fn share(part: u64, total: u64) -> f64 {
    part as f64 / total as f64 * 100.0
}

/// Favourable / neutral / unfavourable index of a keyed answer `v` against the midpoint `mid`.
fn side(v: f64, mid: f64) -> usize {
    if v > mid {
        0
    } else if v == mid {
        1
    } else {
        2
    }
}

impl Score {
    /// A score with nothing shown (suppressed or no data), keeping `n` only if allowed.
    pub fn hidden(n: Option<usize>) -> Score {
        Score { n, score: None, sd: None, median: None, ci95: None, band: None }
    }

    /// The score of respondent scores counted in `scores`.
    fn of_histogram(scores: &ScoreHistogram) -> Score {
        match scores.summary() {
            Some(s) => Score {
                n: Some(s.n),
                score: Some(s.mean),
                sd: Some(s.sd),
                median: Some(s.median),
                ci95: Some([s.ci95[0].max(0.0), s.ci95[1].min(100.0)]),
                band: Some(Band::of(s.mean)),
            },
            None => Score::hidden(None),
        }
    }
}

impl<'a> Scorer<'a> {
    /// Prepares scoring of the groups of a view of `table` whose rows all together count `total`.
    pub fn new(instrument: &'a Instrument, table: &'a ResponseTable, total: GroupCounts) -> Scorer<'a> {
        let total_overall = total.overall().moments();
        let total_dims = (0..instrument.dimensions.len()).map(|d| total.dimension(d).moments()).collect();
        Scorer {
            instrument,
            items: keyed_items(instrument, table),
            recommend: column_of(instrument, table, is_recommend).map(|(q, _)| q),
            bipolar: column_of(instrument, table, is_bipolar).map(|(q, _)| q),
            total,
            total_overall,
            total_dims,
        }
    }

    /// The counts of everyone in the view.
    pub fn total(&self) -> &GroupCounts {
        &self.total
    }

    /// The overall score of `group`, with the difference to everyone else when `vs_rest`.
    pub fn overall(&self, group: &GroupCounts, vs_rest: bool) -> GroupScore {
        let score = Score::of_histogram(group.overall());
        GroupScore { score, vs_rest: self.difference(&group.overall().moments(), &self.total_overall, vs_rest) }
    }

    fn difference(&self, group: &Moments, total: &Moments, wanted: bool) -> Option<crate::stats::Difference> {
        let rest = total.minus(group);
        wanted.then(|| welch(group, &rest)).flatten()
    }

    /// Indices (into the items) of dimension `d`'s items.
    fn in_dim(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().enumerate().filter(move |(_, k)| k.item.dimension == d).map(|(i, _)| i)
    }

    /// Per-dimension scores of `group`; alpha only when `with_alpha` (whole view),
    /// difference to everyone else only when `vs_rest`.
    pub fn dimensions(&self, group: &GroupCounts, with_alpha: bool, vs_rest: bool) -> Vec<DimensionScore> {
        self.instrument
            .dimensions
            .iter()
            .enumerate()
            .map(|(d, dim)| {
                let scores = group.dimension(d);
                let score = Score::of_histogram(scores);
                let shown = score.n.is_some();
                let [fav, neu, unf] = if shown { self.dimension_split(d, group) } else { [None; 3] };
                let cov = self.total.covariance(d);
                let alpha = if with_alpha && shown { reliability(&cov).and_then(Covariance::cronbach_alpha) } else { None };
                DimensionScore {
                    id: dim.id.clone(),
                    score,
                    favourable: fav,
                    neutral: neu,
                    unfavourable: unf,
                    alpha,
                    low_reliability: alpha.is_some_and(|a| a < 0.70),
                    vs_rest: self.difference(&scores.moments(), &self.total_dims[d], vs_rest),
                }
            })
            .collect()
    }

    /// Favourable / neutral / unfavourable counts of item `i`'s keyed answers in `group`.
    fn item_split(&self, i: usize, group: &GroupCounts) -> [u64; 3] {
        let (scale, reverse) = (&self.instrument.scale, self.items[i].item.reverse);
        let mid = scale.midpoint();
        let mut split = [0u64; 3];
        for (v, &c) in group.item(i).iter().enumerate().filter(|&(_, &c)| c > 0) {
            let v = v as u8;
            let keyed = if reverse { scale.reverse(v) } else { v };
            split[side(f64::from(keyed), mid)] += c;
        }
        split
    }

    /// Favourable / neutral / unfavourable shares of dimension `d`'s keyed answers in `group`.
    fn dimension_split(&self, d: usize, group: &GroupCounts) -> [Option<f64>; 3] {
        let mut counts = [0u64; 3];
        for i in self.in_dim(d) {
            let split = self.item_split(i, group);
            counts.iter_mut().zip(split).for_each(|(a, b)| *a += b);
        }
        shares(counts)
    }

    /// Item statistics over the view's scored respondents.
    pub fn items(&self) -> Vec<ItemScore> {
        let scale = &self.instrument.scale;
        let covs: Vec<Covariance> = (0..self.instrument.dimensions.len()).map(|d| self.total.covariance(d)).collect();
        self.items
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let counts = self.total.item(i);
                let on_scale = |v: usize| (usize::from(scale.min)..=usize::from(scale.max)).contains(&v);
                let dist: Vec<u64> = (scale.min..=scale.max).map(|v| counts.get(usize::from(v)).copied().unwrap_or(0)).collect();
                let n: u64 = dist.iter().sum();
                let sum: u64 = counts.iter().enumerate().filter(|&(v, _)| on_scale(v)).map(|(v, &c)| v as u64 * c).sum();
                let shown = n > 0;
                let [fav, neu, unf] = if shown { shares(self.item_split(i, &self.total)) } else { [None; 3] };
                let pos = self.in_dim(k.item.dimension).position(|o| o == i);
                let cov = &covs[k.item.dimension];
                ItemScore {
                    id: k.item.id.to_string(),
                    dimension: self.instrument.dimensions[k.item.dimension].id.clone(),
                    text: k.item.text.to_string(),
                    reverse: k.item.reverse,
                    n: shown.then_some(n as usize),
                    mean: shown.then(|| sum as f64 / n as f64),
                    favourable: fav,
                    neutral: neu,
                    unfavourable: unf,
                    distribution: shown.then(|| dist.iter().map(|&c| share(c, n)).collect()),
                    item_rest: if shown { pos.zip(reliability(cov)).and_then(|(p, cov)| cov.item_rest(p)) } else { None },
                }
            })
            .collect()
    }

    /// Security NPS of `group`.
    pub fn nps(&self, group: &GroupCounts) -> Option<Nps> {
        let q = self.recommend?;
        let counts = group.nps(); // promoters, passives, detractors
        let n: u64 = counts.iter().sum();
        let id = q.id().to_string();
        if n == 0 {
            return Some(Nps { id, n: None, score: None, ci95: None, promoters: None, passives: None, detractors: None });
        }
        let (p, d) = (counts[0] as f64 / n as f64, counts[2] as f64 / n as f64);
        let score = (p - d) * 100.0;
        let half = 1.96 * ((p + d - (p - d).powi(2)) / n as f64).sqrt() * 100.0;
        Some(Nps {
            id,
            n: Some(n as usize),
            score: Some(score),
            ci95: Some([(score - half).max(-100.0), (score + half).min(100.0)]),
            promoters: Some(share(counts[0], n)),
            passives: Some(share(counts[1], n)),
            detractors: Some(share(counts[2], n)),
        })
    }

    /// Enabler–blocker balance of `group`.
    pub fn balance(&self, group: &GroupCounts) -> Option<Balance> {
        let q = self.bipolar?;
        let Question::Bipolar { left, right, min, max, .. } = q else { return None };
        let scale = Scale { min: *min, max: *max, labels: Vec::new() };
        let (mid, half_range) = (scale.midpoint(), f64::from(max - min) / 2.0);
        let mut values = Vec::new();
        let mut sides = [0u64; 3];
        for (v, &c) in group.bipolar().iter().enumerate().filter(|&(_, &c)| c > 0) {
            let v = v as f64;
            values.push(((v - mid) / half_range * 100.0, c));
            sides[2 - side(v, mid)] += c;
        }
        let mut out = Balance {
            id: q.id().to_string(),
            left: left.clone(),
            right: right.clone(),
            n: None,
            score: None,
            ci95: None,
            left_share: None,
            middle_share: None,
            right_share: None,
        };
        if let Some(Summary { n, mean, ci95, .. }) = summarize_counts(&values) {
            let total = n as u64;
            out.n = Some(n);
            out.score = Some(mean);
            out.ci95 = Some([ci95[0].max(-100.0), ci95[1].min(100.0)]);
            out.left_share = Some(share(sides[0], total));
            out.middle_share = Some(share(sides[1], total));
            out.right_share = Some(share(sides[2], total));
        }
        Some(out)
    }

    /// Respondents' overall score moments in `group`, for wave deltas.
    pub fn overall_moments(&self, group: &GroupCounts) -> Moments {
        group.overall().moments()
    }

    /// Respondents' dimension-`d` score moments in `group`.
    pub fn dimension_moments(&self, d: usize, group: &GroupCounts) -> Moments {
        group.dimension(d).moments()
    }
}

/// Counts as shares (none when there are no answers).
fn shares(counts: [u64; 3]) -> [Option<f64>; 3] {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return [None; 3];
    }
    counts.map(|c| Some(share(c, total)))
}

/// Fewest respondents who answered every item of a dimension behind its alpha and item–rest
/// correlations: fewer give unstable values, and values that describe the few (with three,
/// alpha and item–rest tell how one person's answers differ from two others').
pub const MIN_RELIABILITY_CASES: usize = 30;

/// `cov` when it rests on at least [`MIN_RELIABILITY_CASES`] complete cases.
fn reliability(cov: &Covariance) -> Option<&Covariance> {
    (cov.n() >= MIN_RELIABILITY_CASES).then_some(cov)
}
