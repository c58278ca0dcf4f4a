//! Driver analysis: which dimensions move an outcome (security NPS, the says-no ↔ offers-options
//! balance), as Johnson's relative weights of the respondent-level dimension scores, with
//! percentile bootstrap 95% intervals from a fixed seed (the same numbers on every run).
//!
//! Johnson (2000), "A heuristic method for estimating the relative weight of predictor variables
//! in multiple regression": with the predictors' correlation matrix `R = V Λ Vᵀ`, `L = V Λ^½ Vᵀ`
//! holds the correlations of the predictors with their closest orthogonal counterparts, and
//! `β = L⁻¹ r_xy` the standardized regression of the outcome on those. The raw weight of
//! predictor `j` is `Σ_k L_jk² β_k²`; the raw weights add up to the model's R².
//!
//! Only respondents with a score in every dimension and an answer to the outcome count
//! ("complete respondents"); nothing is computed under [`MIN_DRIVER_BASE`] of them.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::respondent::RespondentScores;
use super::rows::Rows;
use crate::ingest::{AnswerColumn, ResponseTable, MISSING};
use crate::instrument::{Instrument, Question};
use crate::report::{DriverAnalysis, DriverWeight, Outcome};
use crate::stats::symmetric_eigen;

/// Fewest complete respondents behind a driver analysis (regression on 7 predictors needs
/// many more cases than predictors for stable weights; 30 is the usual floor).
pub const MIN_DRIVER_BASE: usize = 30;

/// Fewest complete respondents behind the driver analysis of a part of the respondents (a
/// filtered view: one department, one wave): weights of small groups swing with a few answers.
pub const MIN_SEGMENT_DRIVER_BASE: usize = 100;

/// Bootstrap resamples behind each interval.
pub const BOOTSTRAP_SAMPLES: usize = 500;

/// Most units a resample draws: cases up to this many, blocks of cases beyond (see `units`).
pub const BOOTSTRAP_UNITS: usize = 1_000;

/// The bootstrap's seed: the same responses always give the same intervals.
pub const BOOTSTRAP_SEED: u64 = 20_261_130;

/// Johnson's relative weights of one outcome on its predictors.
#[derive(Debug, Clone, PartialEq)]
pub struct RelativeWeights {
    /// Raw weight of each predictor (variance of the outcome it accounts for); they sum to `r2`.
    pub raw: Vec<f64>,
    /// R² of the regression of the outcome on all predictors.
    pub r2: f64,
}

impl RelativeWeights {
    /// Each predictor's share of R², in % (they add up to 100).
    pub fn shares(&self) -> Vec<f64> {
        self.raw.iter().map(|w| w / self.r2 * 100.0).collect()
    }
}

/// Johnson's relative weights from the sums of `n` cases of `p` predictors and an outcome
/// (variable `p`): `sums[i]` and `cross[i * (p + 1) + j]` for `j ≥ i`. `None` when a variable
/// does not vary, the predictors are (nearly) collinear, or R² is 0.
pub fn relative_weights_from_sums(p: usize, n: f64, sums: &[f64], cross: &[f64]) -> Option<RelativeWeights> {
    let m = p + 1;
    let cov = |i: usize, j: usize| {
        let (i, j) = if i <= j { (i, j) } else { (j, i) };
        (cross[i * m + j] - sums[i] * sums[j] / n) / (n - 1.0)
    };
    let sd: Vec<f64> = (0..m).map(|i| cov(i, i).sqrt()).collect();
    if sd.iter().any(|s| !(s.is_finite() && *s > 1e-12)) {
        return None;
    }
    let corr = |i: usize, j: usize| cov(i, j) / (sd[i] * sd[j]);
    let rxx: Vec<f64> = (0..p * p).map(|ij| corr(ij / p, ij % p)).collect();
    let rxy: Vec<f64> = (0..p).map(|i| corr(i, p)).collect();
    let (values, v) = symmetric_eigen(&rxx, p);
    if values.iter().any(|&l| l < 1e-9) {
        return None;
    }
    // L = V Λ^½ Vᵀ and L⁻¹ = V Λ^-½ Vᵀ.
    let matrix = |f: &dyn Fn(f64) -> f64| -> Vec<f64> {
        (0..p * p).map(|ij| (0..p).map(|k| v[(ij / p) * p + k] * f(values[k]) * v[(ij % p) * p + k]).sum()).collect()
    };
    let lambda = matrix(&f64::sqrt);
    let inverse = matrix(&|l: f64| 1.0 / l.sqrt());
    let beta: Vec<f64> = (0..p).map(|i| (0..p).map(|j| inverse[i * p + j] * rxy[j]).sum()).collect();
    let raw: Vec<f64> = (0..p).map(|j| (0..p).map(|k| lambda[j * p + k].powi(2) * beta[k].powi(2)).sum()).collect();
    let r2: f64 = raw.iter().sum();
    (r2 > 1e-12 && r2.is_finite()).then_some(RelativeWeights { raw, r2 })
}

/// Johnson's relative weights of `y` on the columns of `x` (one row per case).
pub fn relative_weights(x: &[Vec<f64>], y: &[f64]) -> Option<RelativeWeights> {
    let p = x.first()?.len();
    let mut acc = Sums::new(p + 1);
    for (row, &out) in x.iter().zip(y) {
        let case: Vec<f64> = row.iter().copied().chain(std::iter::once(out)).collect();
        acc.add(&case, 1.0);
    }
    relative_weights_from_sums(p, acc.n, &acc.sums, &acc.cross)
}

/// Weighted sums and cross products of cases (upper triangle).
struct Sums {
    m: usize,
    n: f64,
    sums: Vec<f64>,
    cross: Vec<f64>,
}

impl Sums {
    fn new(m: usize) -> Sums {
        Sums { m, n: 0.0, sums: vec![0.0; m], cross: vec![0.0; m * m] }
    }

    /// Adds `times` copies of `other`'s cases.
    fn merge(&mut self, other: &Sums, times: f64) {
        self.n += other.n * times;
        self.sums.iter_mut().zip(&other.sums).for_each(|(a, b)| *a += b * times);
        self.cross.iter_mut().zip(&other.cross).for_each(|(a, b)| *a += b * times);
    }

    fn add(&mut self, case: &[f64], times: f64) {
        self.n += times;
        for i in 0..self.m {
            let a = case[i] * times;
            self.sums[i] += a;
            for (j, c) in case.iter().enumerate().skip(i) {
                self.cross[i * self.m + j] += a * c;
            }
        }
    }
}

/// The outcomes of `instrument` that `table` answers: the 0–10 recommend question (security
/// NPS) and the bipolar question (the balance), in that order. The disclosure layer numbers its
/// driver families the same way.
pub fn outcomes<'a>(instrument: &'a Instrument, table: &'a ResponseTable) -> Vec<(Outcome, &'a Question, &'a AnswerColumn)> {
    let find = |pick: fn(&Question) -> bool| instrument.questions().find(|q| pick(q)).and_then(|q| Some((q, table.answer(q.id())?)));
    let nps = find(|q| matches!(q, Question::Recommend { .. })).map(|(q, c)| (Outcome::Nps, q, c));
    let balance = find(|q| matches!(q, Question::Bipolar { .. })).map(|(q, c)| (Outcome::Balance, q, c));
    nps.into_iter().chain(balance).collect()
}

/// True when `row` is a complete respondent for an outcome answered in `values`.
pub fn complete(scores: &RespondentScores, values: &[u8], row: usize) -> bool {
    !scores.overall[row].is_nan() && values[row] != MISSING
}

/// The driver analysis of every outcome over `rows` (unsuppressed: the disclosure layer decides).
pub(crate) fn analyses(instrument: &Instrument, table: &ResponseTable, scores: &RespondentScores, rows: Rows<'_>) -> Vec<DriverAnalysis> {
    outcomes(instrument, table)
        .into_iter()
        .map(|(outcome, question, column)| analysis(instrument, scores, rows, outcome, question, column))
        .collect()
}

fn analysis(
    instrument: &Instrument,
    scores: &RespondentScores,
    rows: Rows<'_>,
    outcome: Outcome,
    question: &Question,
    column: &AnswerColumn,
) -> DriverAnalysis {
    let mut cases: Vec<Vec<f64>> = Vec::new();
    rows.for_each(|r| {
        if complete(scores, &column.values, r) {
            let dims = scores.dims.iter().map(|d| f64::from(d[r]));
            cases.push(dims.chain(std::iter::once(f64::from(column.values[r]))).collect());
        }
    });
    let p = scores.dims.len();
    let mut out = DriverAnalysis {
        outcome,
        question: question.id().to_string(),
        text: question.text().to_string(),
        n: Some(cases.len()),
        min_base: MIN_DRIVER_BASE,
        bootstrap: BOOTSTRAP_SAMPLES,
        r2: None,
        r2_ci95: None,
        weights: instrument.dimensions.iter().map(|d| DriverWeight { dimension: d.id.clone(), importance: None, ci95: None }).collect(),
    };
    if cases.len() < MIN_DRIVER_BASE {
        return out;
    }
    let units = units(&cases, p + 1);
    let sums_of = |times: &dyn Fn(usize) -> f64| {
        let mut acc = Sums::new(p + 1);
        for (i, unit) in units.iter().enumerate() {
            let t = times(i);
            if t > 0.0 {
                acc.merge(unit, t);
            }
        }
        relative_weights_from_sums(p, acc.n, &acc.sums, &acc.cross)
    };
    let Some(point) = sums_of(&|_| 1.0) else { return out };
    let (r2_ci, share_ci) = bootstrap(units.len(), p, &sums_of);
    out.r2 = Some(point.r2 * 100.0);
    out.r2_ci95 = r2_ci;
    for ((w, share), ci) in out.weights.iter_mut().zip(point.shares()).zip(share_ci) {
        (w.importance, w.ci95) = (Some(share), ci);
    }
    out
}

/// The units the bootstrap resamples: each case, or with more than [`BOOTSTRAP_UNITS`] cases
/// that many blocks of cases shuffled with [`BOOTSTRAP_SEED`] (sizes differ by at most one).
/// Blocks of randomly assigned cases are independent and alike, so resampling blocks gives the
/// same sampling distribution of the weights (a smooth function of the means) while each
/// resample costs blocks instead of cases: 1,000,000 respondents take as long as 1,000.
fn units(cases: &[Vec<f64>], m: usize) -> Vec<Sums> {
    let blocks = cases.len().min(BOOTSTRAP_UNITS);
    let mut order: Vec<usize> = (0..cases.len()).collect();
    if blocks < cases.len() {
        let mut rng = ChaCha8Rng::seed_from_u64(BOOTSTRAP_SEED ^ 0xb10c);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
    }
    let mut out: Vec<Sums> = (0..blocks).map(|_| Sums::new(m)).collect();
    for (position, &case) in order.iter().enumerate() {
        out[position % blocks].add(&cases[case], 1.0);
    }
    out
}

/// Intervals of R² and of each share of R².
type Intervals = (Option<[f64; 2]>, Vec<Option<[f64; 2]>>);

/// Fits the weights with each unit counted the given number of times.
type Fit<'a> = &'a dyn Fn(&dyn Fn(usize) -> f64) -> Option<RelativeWeights>;

/// Percentile 95% intervals of R² (in %) and of each share of R², from [`BOOTSTRAP_SAMPLES`]
/// resamples of the `n` units drawn with [`BOOTSTRAP_SEED`]; no intervals when more than one
/// resample in ten cannot be fitted.
fn bootstrap(n: usize, p: usize, fit: Fit<'_>) -> Intervals {
    let mut rng = ChaCha8Rng::seed_from_u64(BOOTSTRAP_SEED);
    let mut r2s = Vec::with_capacity(BOOTSTRAP_SAMPLES);
    let mut shares: Vec<Vec<f64>> = vec![Vec::with_capacity(BOOTSTRAP_SAMPLES); p];
    let mut counts = vec![0u32; n];
    for _ in 0..BOOTSTRAP_SAMPLES {
        counts.iter_mut().for_each(|c| *c = 0);
        (0..n).for_each(|_| counts[rng.random_range(0..n)] += 1);
        if let Some(w) = fit(&|i| f64::from(counts[i])) {
            r2s.push(w.r2 * 100.0);
            shares.iter_mut().zip(w.shares()).for_each(|(s, v)| s.push(v));
        }
    }
    if r2s.len() * 10 < BOOTSTRAP_SAMPLES * 9 {
        return (None, vec![None; p]);
    }
    (Some(percentile_interval(&mut r2s)), shares.iter_mut().map(|s| Some(percentile_interval(s))).collect())
}

/// The 2.5th and 97.5th percentiles (linear interpolation, as numpy's default).
fn percentile_interval(values: &mut [f64]) -> [f64; 2] {
    crate::sort::sort_by(values, f64::total_cmp);
    let at = |q: f64| {
        let pos = q * (values.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        values[lo] + (values[hi] - values[lo]) * (pos - lo as f64)
    };
    [at(0.025), at(0.975)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) -> [1.1, 9.4]
        let [lo, hi] = percentile_interval(&mut [10.0, 2.0, 1.0, 4.0, 3.0]);
        assert!((lo - 1.1).abs() < 1e-12 && (hi - 9.4).abs() < 1e-12, "{lo} {hi}");
    }

    #[test]
    fn collinear_or_constant_predictors_give_no_weights() {
        let x: Vec<Vec<f64>> = (0..40).map(|i| vec![i as f64, 2.0 * i as f64]).collect();
        let y: Vec<f64> = (0..40).map(|i| (i % 7) as f64).collect();
        assert_eq!(relative_weights(&x, &y), None);
        let flat: Vec<Vec<f64>> = (0..40).map(|i| vec![i as f64, 1.0]).collect();
        assert_eq!(relative_weights(&flat, &y), None);
    }
}
