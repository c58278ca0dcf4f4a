//! Statistics of one group of respondents (everyone, a segment value, a wave), computed
//! without any suppression: [`crate::privacy::disclosure`] decides what is shown.

use crate::ingest::{ResponseTable, MISSING};
use crate::instrument::{Instrument, Question, Scale};
use crate::report::{Balance, Band, DimensionScore, GroupScore, ItemScore, Nps, Score};

use super::joint::Joint;
use super::respondent::{keyed_items, respondent_scores, KeyedItem, RespondentScores};
pub use super::rows::Rows;
use crate::stats::{summarize, summarize_f32, welch, Covariance, Moments};

/// A numeric question found in the instrument, with its answers.
#[derive(Debug, Clone)]
struct Scored<'a> {
    question: &'a Question,
    values: &'a [u8],
}

/// Everything needed to score any group of one table, computed once.
pub struct Scorer<'a> {
    instrument: &'a Instrument,
    /// Likert items with their columns.
    items: Vec<KeyedItem<'a>>,
    /// Respondent-level scores.
    scores: RespondentScores,
    /// The 0–10 recommend question, if any.
    recommend: Option<Scored<'a>>,
    /// The bipolar question, if any.
    bipolar: Option<Scored<'a>>,
    /// Moments of everyone's overall score, for "difference to the rest".
    total_overall: Moments,
    /// Moments of everyone's dimension scores.
    total_dims: Vec<Moments>,
    /// Complete-case covariance of each dimension's keyed items over the whole sample.
    dim_cov: Vec<Covariance>,
    /// Favourable / neutral / unfavourable counts of each dimension over the whole sample.
    dim_split_all: Vec<[usize; 3]>,
    /// True for each row with scores (a score in every dimension): item statistics and
    /// favourable splits count these respondents only, as the scores do.
    scored: Vec<bool>,
    /// Scratch space for one group's respondent scores.
    scratch: std::cell::RefCell<Vec<f32>>,
}

fn numeric<'a>(instrument: &'a Instrument, table: &'a ResponseTable, pick: fn(&Question) -> bool) -> Option<Scored<'a>> {
    instrument.questions().filter(|q| pick(q)).find_map(|question| Some(Scored { question, values: &table.answer(question.id())?.values }))
}

/// Moments of the non-missing (non-NaN) `values` of `rows`, in row order.
fn moments_of(values: &[f32], rows: Rows<'_>) -> Moments {
    let mut m = Moments::default();
    rows.for_each(|r| {
        let v = values[r];
        if !v.is_nan() {
            m.add(f64::from(v));
        }
    });
    m
}

/// Moments and score of the non-missing `values` of `rows`, in one pass; `kept` is scratch
/// space for the values (for the SD and median), reused between groups.
fn score_of(values: &[f32], rows: Rows<'_>, kept: &mut Vec<f32>) -> (Moments, Score) {
    let mut m = Moments::default();
    kept.clear();
    rows.for_each(|r| {
        let v = values[r];
        if !v.is_nan() {
            m.add(f64::from(v));
            kept.push(v);
        }
    });
    (m, Score::from_scores(kept, m.sum))
}

/// Rows of `rows` with an answer in `values`.
fn answered(values: &[u8], rows: Rows<'_>) -> usize {
    let mut n = 0;
    rows.for_each(|r| n += usize::from(values[r] != MISSING));
    n
}

fn share(part: usize, total: usize) -> f64 {
    part as f64 / total as f64 * 100.0
}

impl Score {
    /// A score with nothing shown (suppressed or no data), keeping `n` only if allowed.
    pub fn hidden(n: Option<usize>) -> Score {
        Score { n, score: None, sd: None, median: None, ci95: None, band: None }
    }

    /// The score of respondent scores `values` (summing to `sum`, in order).
    fn from_scores(values: &mut [f32], sum: f64) -> Score {
        match summarize_f32(values, sum) {
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
    /// Prepares scoring of `table` against `instrument`.
    pub fn new(instrument: &'a Instrument, table: &'a ResponseTable) -> Scorer<'a> {
        let items = keyed_items(instrument, table);
        let scores = respondent_scores(instrument, table.rows, &items);
        let all = Rows::All(table.rows);
        let total_overall = moments_of(&scores.overall, all);
        let total_dims = scores.dims.iter().map(|d| moments_of(d, all)).collect();
        let scored: Vec<bool> = scores.overall.iter().map(|s| !s.is_nan()).collect();
        let scored_rows: Vec<u32> = (0..table.rows).filter(|&r| scored[r]).map(|r| r as u32).collect();
        // One pass per dimension over the scored respondents gives its covariance (those who
        // answered every item: alpha and item-rest correlations) and one its split; everything
        // released about the Likert answers counts the same respondents (docs/privacy.md).
        let (mut dim_cov, mut dim_split_all) = (Vec::new(), Vec::new());
        let scored_only = Rows::Only(&scored_rows);
        for d in 0..instrument.dimensions.len() {
            let in_dim: Vec<&KeyedItem> = items.iter().filter(|k| k.item.dimension == d).collect();
            dim_cov.push(match Joint::count(&in_dim, &instrument.scale, scored_only) {
                Some(j) => j.covariance(&in_dim, &instrument.scale),
                None => covariance_rows(&instrument.scale, &in_dim, scored_only),
            });
            dim_split_all.push(split_of(&instrument.scale, &in_dim, scored_only));
        }
        Scorer {
            instrument,
            items,
            recommend: numeric(instrument, table, |q| matches!(q, Question::Recommend { .. })),
            bipolar: numeric(instrument, table, |q| matches!(q, Question::Bipolar { .. })),
            scores,
            total_overall,
            total_dims,
            dim_cov,
            dim_split_all,
            scored,
            scratch: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// The overall score of `rows`, with the difference to everyone else when `vs_rest`.
    pub fn overall(&self, rows: Rows<'_>, vs_rest: bool) -> GroupScore {
        let (m, score) = score_of(&self.scores.overall, rows, &mut self.scratch.borrow_mut());
        GroupScore { score, vs_rest: self.difference(&m, &self.total_overall, vs_rest) }
    }

    fn difference(&self, group: &Moments, total: &Moments, wanted: bool) -> Option<crate::stats::Difference> {
        let rest = total.minus(group);
        wanted.then(|| welch(group, &rest)).flatten()
    }

    /// Per-dimension scores of `rows`; alpha only when `with_alpha` (whole sample),
    /// difference to everyone else only when `vs_rest`.
    pub fn dimensions(&self, rows: Rows<'_>, with_alpha: bool, vs_rest: bool) -> Vec<DimensionScore> {
        self.instrument
            .dimensions
            .iter()
            .enumerate()
            .map(|(d, dim)| {
                let (m, score) = score_of(&self.scores.dims[d], rows, &mut self.scratch.borrow_mut());
                let shown = score.n.is_some();
                let in_dim: Vec<&KeyedItem> = self.items.iter().filter(|k| k.item.dimension == d).collect();
                let [fav, neu, unf] = if shown { self.dimension_split(d, &in_dim, rows) } else { [None; 3] };
                let alpha = if with_alpha && shown { reliability(&self.dim_cov[d]).and_then(Covariance::cronbach_alpha) } else { None };
                DimensionScore {
                    id: dim.id.clone(),
                    score,
                    favourable: fav,
                    neutral: neu,
                    unfavourable: unf,
                    alpha,
                    low_reliability: alpha.is_some_and(|a| a < 0.70),
                    vs_rest: self.difference(&m, &self.total_dims[d], vs_rest),
                }
            })
            .collect()
    }

    /// Favourable / neutral / unfavourable shares of dimension `d` (items `in_dim`) over `rows`.
    fn dimension_split(&self, d: usize, in_dim: &[&KeyedItem<'_>], rows: Rows<'_>) -> [Option<f64>; 3] {
        let counts = match rows {
            Rows::All(n) if n == self.scores.overall.len() => self.dim_split_all[d],
            _ => {
                let mut scored = Vec::with_capacity(rows.len());
                rows.for_each(|r| {
                    if self.scored[r] {
                        scored.push(r as u32);
                    }
                });
                split_of(&self.instrument.scale, in_dim, Rows::Only(&scored))
            }
        };
        self.shares(counts)
    }

    /// Counts as shares (none when there are no answers).
    fn shares(&self, counts: [usize; 3]) -> [Option<f64>; 3] {
        let total: usize = counts.iter().sum();
        if total == 0 {
            return [None; 3];
        }
        counts.map(|c| Some(share(c, total)))
    }

    /// Item statistics over the whole sample's scored respondents.
    pub fn items(&self) -> Vec<ItemScore> {
        let scale = &self.instrument.scale;
        let dims: Vec<(Vec<&KeyedItem>, &Covariance)> = (0..self.instrument.dimensions.len())
            .map(|d| (self.items.iter().filter(|k| k.item.dimension == d).collect(), &self.dim_cov[d]))
            .collect();
        self.items
            .iter()
            .map(|k| {
                let mut by_byte = [0usize; 256];
                for (&v, _) in k.values.iter().zip(&self.scored).filter(|(_, &scored)| scored) {
                    by_byte[usize::from(v)] += 1;
                }
                let mut dist = vec![0usize; usize::from(scale.max - scale.min) + 1];
                let mut sum = 0u64;
                let mut split = [0usize; 3];
                let mid = scale.midpoint();
                for (v, &c) in by_byte.iter().enumerate().filter(|&(v, &c)| c > 0 && v != usize::from(MISSING)) {
                    let v = v as u8;
                    dist[usize::from(v - scale.min)] += c;
                    sum += u64::from(v) * c as u64;
                    let keyed = f64::from(if k.item.reverse { scale.reverse(v) } else { v });
                    split[if keyed > mid {
                        0
                    } else if keyed == mid {
                        1
                    } else {
                        2
                    }] += c;
                }
                let n: usize = dist.iter().sum();
                let shown = n > 0;
                let [fav, neu, unf] = if shown { self.shares(split) } else { [None; 3] };
                let (in_dim, cov) = &dims[k.item.dimension];
                let pos = in_dim.iter().position(|o| o.item.id == k.item.id);
                ItemScore {
                    id: k.item.id.to_string(),
                    dimension: self.instrument.dimensions[k.item.dimension].id.clone(),
                    text: k.item.text.to_string(),
                    reverse: k.item.reverse,
                    n: shown.then_some(n),
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

    /// Security NPS of `rows`.
    pub fn nps(&self, rows: Rows<'_>) -> Option<Nps> {
        let q = self.recommend.as_ref()?;
        let mut counts = [0usize; 3]; // promoters, passives, detractors
        rows.for_each(|r| match q.values[r] {
            MISSING => {}
            9..=10 => counts[0] += 1,
            7..=8 => counts[1] += 1,
            _ => counts[2] += 1,
        });
        let n: usize = counts.iter().sum();
        let id = q.question.id().to_string();
        if n == 0 {
            return Some(Nps { id, n: None, score: None, ci95: None, promoters: None, passives: None, detractors: None });
        }
        let (p, d) = (counts[0] as f64 / n as f64, counts[2] as f64 / n as f64);
        let score = (p - d) * 100.0;
        let half = 1.96 * ((p + d - (p - d).powi(2)) / n as f64).sqrt() * 100.0;
        Some(Nps {
            id,
            n: Some(n),
            score: Some(score),
            ci95: Some([(score - half).max(-100.0), (score + half).min(100.0)]),
            promoters: Some(share(counts[0], n)),
            passives: Some(share(counts[1], n)),
            detractors: Some(share(counts[2], n)),
        })
    }

    /// Enabler–blocker balance of `rows`.
    pub fn balance(&self, rows: Rows<'_>) -> Option<Balance> {
        let q = self.bipolar.as_ref()?;
        let Question::Bipolar { left, right, min, max, .. } = q.question else { return None };
        let scale = Scale { min: *min, max: *max, labels: Vec::new() };
        let (mid, half_range) = (scale.midpoint(), f64::from(max - min) / 2.0);
        let mut values = Vec::new();
        let mut sides = [0usize; 3];
        rows.for_each(|r| {
            let v = q.values[r];
            if v != MISSING {
                let v = f64::from(v);
                values.push((v - mid) / half_range * 100.0);
                sides[if v < mid {
                    0
                } else if v == mid {
                    1
                } else {
                    2
                }] += 1;
            }
        });
        let mut out = Balance {
            id: q.question.id().to_string(),
            left: left.clone(),
            right: right.clone(),
            n: None,
            score: None,
            ci95: None,
            left_share: None,
            middle_share: None,
            right_share: None,
        };
        if !values.is_empty() {
            let s = summarize(&mut values)?;
            let n = s.n;
            out.n = Some(n);
            out.score = Some(s.mean);
            out.ci95 = Some([s.ci95[0].max(-100.0), s.ci95[1].min(100.0)]);
            out.left_share = Some(share(sides[0], n));
            out.middle_share = Some(share(sides[1], n));
            out.right_share = Some(share(sides[2], n));
        }
        Some(out)
    }

    /// How many of `rows` answered the 0–10 recommend question (0 without one).
    pub fn nps_answers(&self, rows: Rows<'_>) -> usize {
        self.recommend.as_ref().map_or(0, |q| answered(q.values, rows))
    }

    /// How many of `rows` answered the bipolar question (0 without one).
    pub fn balance_answers(&self, rows: Rows<'_>) -> usize {
        self.bipolar.as_ref().map_or(0, |q| answered(q.values, rows))
    }

    /// Respondents' overall scores (0–100, NaN = missing), for wave deltas.
    pub fn overall_moments(&self, rows: Rows<'_>) -> Moments {
        moments_of(&self.scores.overall, rows)
    }

    /// Number of dimensions of the instrument.
    pub fn dimension_count(&self) -> usize {
        self.instrument.dimensions.len()
    }

    /// Respondents' dimension-`d` score moments over `rows`.
    pub fn dimension_moments(&self, d: usize, rows: Rows<'_>) -> Moments {
        moments_of(&self.scores.dims[d], rows)
    }
}

/// Favourable / neutral / unfavourable counts of the keyed answers of `items` over `rows`,
/// row by row (the fallback when a joint table would be too large).
/// Favourable / neutral / unfavourable counts of the keyed answers to `items` in `rows`.
fn split_of(scale: &Scale, items: &[&KeyedItem<'_>], rows: Rows<'_>) -> [usize; 3] {
    match Joint::count(items, scale, rows) {
        Some(j) => j.split_counts(items, scale),
        None => split_rows(scale, items, rows),
    }
}

fn split_rows(scale: &Scale, items: &[&KeyedItem<'_>], rows: Rows<'_>) -> [usize; 3] {
    let mid = scale.midpoint();
    let mut counts = [0usize; 3];
    for k in items {
        rows.for_each(|r| {
            if let Some(v) = k.keyed(scale, r) {
                let v = f64::from(v);
                counts[if v > mid {
                    0
                } else if v == mid {
                    1
                } else {
                    2
                }] += 1;
            }
        });
    }
    counts
}

/// Fewest respondents who answered every item of a dimension behind its alpha and item–rest
/// correlations: fewer give unstable values, and values that describe the few (with three,
/// alpha and item–rest tell how one person's answers differ from two others').
pub const MIN_RELIABILITY_CASES: usize = 30;

/// `cov` when it rests on at least [`MIN_RELIABILITY_CASES`] complete cases.
fn reliability(cov: &Covariance) -> Option<&Covariance> {
    (cov.n() >= MIN_RELIABILITY_CASES).then_some(cov)
}

/// Covariance of the keyed items over the complete cases among `rows`, row by row (the
/// fallback when a joint table would be too large).
fn covariance_rows(scale: &Scale, items: &[&KeyedItem<'_>], rows: Rows<'_>) -> Covariance {
    let mut cov = Covariance::new(items.len());
    let mut row_values = vec![0.0; items.len()];
    rows.for_each(|r| {
        for (slot, k) in row_values.iter_mut().zip(items) {
            match k.keyed(scale, r) {
                Some(v) => *slot = f64::from(v),
                None => return,
            }
        }
        cov.add(&row_values);
    });
    cov
}
