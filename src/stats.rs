//! Descriptive and inferential statistics on plain slices: summaries with t
//! confidence intervals, Welch's test, Cronbach's alpha and item-rest correlations.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// n, mean, standard deviation, median and 95% t confidence interval of a sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Sample size.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Sample standard deviation (n − 1); 0 when n = 1.
    pub sd: f64,
    /// Median (mean of the two middle values for even n).
    pub median: f64,
    /// 95% confidence interval of the mean (t distribution, n − 1 df); the mean itself when n = 1.
    pub ci95: [f64; 2],
}

/// Two-sided 97.5% quantile of Student's t with `df` degrees of freedom.
pub fn t_975(df: f64) -> f64 {
    if df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if df > 1e4 {
        // statrs' numeric inverse drifts for huge df; the Cornish–Fisher expansion around the
        // normal quantile (Abramowitz & Stegun 26.7.5) is exact to ~1e-12 here.
        const Z: f64 = 1.959963984540054;
        let (z3, z5) = (Z.powi(3), Z.powi(5));
        return Z + (z3 + Z) / (4.0 * df) + (5.0 * z5 + 16.0 * z3 + 3.0 * Z) / (96.0 * df * df);
    }
    StudentsT::new(0.0, 1.0, df).map(|t| t.inverse_cdf(0.975)).unwrap_or(f64::NAN)
}

/// Two-sided p-value of a t statistic with `df` degrees of freedom.
pub fn t_p_value(t: f64, df: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, df) {
        Ok(dist) if t.is_finite() => 2.0 * (1.0 - dist.cdf(t.abs())),
        _ => f64::NAN,
    }
}

/// Summarises a sample; `values` is reordered (for the median). `None` when empty.
pub fn summarize(values: &mut [f64]) -> Option<Summary> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let sd = if n > 1 { (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt() } else { 0.0 };
    let half = if n > 1 { t_975((n - 1) as f64) * sd / (n as f64).sqrt() } else { 0.0 };
    Some(Summary { n, mean, sd, median: median(values), ci95: [mean - half, mean + half] })
}

/// [`summarize`] of respondent scores kept as `f32` (half the memory to gather and select),
/// given `sum`, their sum as `f64` in slice order (as a [`Moments`] of them holds it). Every
/// step is that of `summarize` on the same values as `f64`, so the result is bit-identical.
pub fn summarize_f32(values: &mut [f32], sum: f64) -> Option<Summary> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mean = sum / n as f64;
    let sd = if n > 1 { (values.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt() } else { 0.0 };
    let half = if n > 1 { t_975((n - 1) as f64) * sd / (n as f64).sqrt() } else { 0.0 };
    // f32 → f64 is exact and keeps the order, so the middle values are the same.
    let mid = n / 2;
    let (_, upper, _) = values.select_nth_unstable_by(mid, f32::total_cmp);
    let upper = f64::from(*upper);
    let median = if n % 2 == 1 {
        upper
    } else {
        let lower = values[..mid].iter().map(|&v| f64::from(v)).fold(f64::NEG_INFINITY, f64::max);
        (lower + upper) / 2.0
    };
    Some(Summary { n, mean, sd, median, ci95: [mean - half, mean + half] })
}

/// [`summarize`] of a sample given as `(value, count)` pairs in ascending value order (a
/// histogram): n, mean, SD and CI from the counts, the median exactly the middle value(s) as
/// `summarize` picks them. `None` when the counts add up to 0.
pub fn summarize_counts(sorted: &[(f64, u64)]) -> Option<Summary> {
    let n: u64 = sorted.iter().map(|&(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let mean = sorted.iter().map(|&(v, c)| v * c as f64).sum::<f64>() / n as f64;
    let squares: f64 = sorted.iter().map(|&(v, c)| (v - mean).powi(2) * c as f64).sum();
    let sd = if n > 1 { (squares / (n - 1) as f64).sqrt() } else { 0.0 };
    let half = if n > 1 { t_975((n - 1) as f64) * sd / (n as f64).sqrt() } else { 0.0 };
    let upper = nth_of_counts(sorted, n / 2);
    let median = if n % 2 == 1 { upper } else { (nth_of_counts(sorted, n / 2 - 1) + upper) / 2.0 };
    let n = n as usize;
    Some(Summary { n, mean, sd, median, ci95: [mean - half, mean + half] })
}

/// The value at 0-based position `i` of the sorted sample that `sorted` counts (`i` < n).
fn nth_of_counts(sorted: &[(f64, u64)], i: u64) -> f64 {
    let mut before = 0;
    for &(v, c) in sorted {
        before += c;
        if i < before {
            return v;
        }
    }
    f64::NAN
}

/// Median of a non-empty slice (reorders it).
fn median(values: &mut [f64]) -> f64 {
    let n = values.len();
    let mid = n / 2;
    let (_, upper, _) = values.select_nth_unstable_by(mid, f64::total_cmp);
    let upper = *upper;
    if n % 2 == 1 {
        upper
    } else {
        let lower = values[..mid].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lower + upper) / 2.0
    }
}

/// The difference of two means with its 95% CI and Welch's t test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// Mean of the first sample minus mean of the second.
    pub delta: f64,
    /// 95% confidence interval of `delta` (Welch–Satterthwaite df).
    pub ci95: [f64; 2],
    /// Welch's t statistic.
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
}

/// Count, sum and sum of squares of a sample: enough for means, SDs and Welch's test,
/// and subtractable, so "everyone else" is the total minus the group.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    /// Sample size.
    pub n: usize,
    /// Sum of values.
    pub sum: f64,
    /// Sum of squared values.
    pub sum_sq: f64,
}

impl Moments {
    /// Adds one value.
    pub fn add(&mut self, v: f64) {
        self.n += 1;
        self.sum += v;
        self.sum_sq += v * v;
    }

    /// Moments of a slice.
    pub fn of(values: &[f64]) -> Moments {
        let mut m = Moments::default();
        values.iter().for_each(|&v| m.add(v));
        m
    }

    /// The moments of the values in `self` that are not in `part` (a subset of them).
    pub fn minus(&self, part: &Moments) -> Moments {
        Moments { n: self.n - part.n, sum: self.sum - part.sum, sum_sq: self.sum_sq - part.sum_sq }
    }

    /// Mean.
    pub fn mean(&self) -> f64 {
        self.sum / self.n as f64
    }

    /// Sample variance (n − 1 denominator), never negative.
    pub fn variance(&self) -> f64 {
        let n = self.n as f64;
        ((self.sum_sq - self.sum * self.sum / n) / (n - 1.0)).max(0.0)
    }
}

/// Welch's unequal-variance t test of `a` against `b`; `None` when either has fewer than 2 values
/// or both have no variance.
pub fn welch(a: &Moments, b: &Moments) -> Option<Difference> {
    if a.n < 2 || b.n < 2 {
        return None;
    }
    let (va, vb) = (a.variance() / a.n as f64, b.variance() / b.n as f64);
    let se = (va + vb).sqrt();
    if se == 0.0 || !se.is_finite() {
        return None;
    }
    let delta = a.mean() - b.mean();
    let df = (va + vb).powi(2) / (va.powi(2) / (a.n - 1) as f64 + vb.powi(2) / (b.n - 1) as f64);
    let t = delta / se;
    let half = t_975(df) * se;
    Some(Difference { delta, ci95: [delta - half, delta + half], t, df, p: t_p_value(t, df) })
}

/// Sample covariance matrix of `k` variables from complete cases, accumulated row by row.
#[derive(Debug, Clone)]
pub struct Covariance {
    k: usize,
    n: usize,
    sums: Vec<f64>,
    cross: Vec<f64>,
}

impl Covariance {
    /// An empty accumulator for `k` variables.
    pub fn new(k: usize) -> Covariance {
        Covariance { k, n: 0, sums: vec![0.0; k], cross: vec![0.0; k * k] }
    }

    /// An accumulator from finished sums: `n` cases, `sums[i]`, and `cross[i * k + j]` for `j >= i`
    /// (the lower triangle stays 0, as [`Covariance::add`] leaves it).
    pub(crate) fn from_sums(k: usize, n: usize, sums: Vec<f64>, cross: Vec<f64>) -> Covariance {
        debug_assert_eq!((sums.len(), cross.len()), (k, k * k));
        Covariance { k, n, sums, cross }
    }

    /// Adds one complete case (`row.len() == k`).
    pub fn add(&mut self, row: &[f64]) {
        debug_assert_eq!(row.len(), self.k);
        self.n += 1;
        for i in 0..self.k {
            self.sums[i] += row[i];
            for j in i..self.k {
                self.cross[i * self.k + j] += row[i] * row[j];
            }
        }
    }

    /// Number of complete cases added.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Covariance of variables `i` and `j` (n − 1 denominator).
    pub fn cov(&self, i: usize, j: usize) -> f64 {
        let (i, j) = if i <= j { (i, j) } else { (j, i) };
        let n = self.n as f64;
        (self.cross[i * self.k + j] - self.sums[i] * self.sums[j] / n) / (n - 1.0)
    }

    /// Cronbach's alpha, `k/(k−1) · (1 − Σ var_i / var_total)`; `None` with fewer than 2 items,
    /// fewer than 3 cases or no total variance.
    pub fn cronbach_alpha(&self) -> Option<f64> {
        let k = self.k;
        if k < 2 || self.n < 3 {
            return None;
        }
        let item_var: f64 = (0..k).map(|i| self.cov(i, i)).sum();
        let total_var: f64 = (0..k).flat_map(|i| (0..k).map(move |j| (i, j))).map(|(i, j)| self.cov(i, j)).sum();
        (total_var > 0.0).then(|| k as f64 / (k - 1) as f64 * (1.0 - item_var / total_var))
    }

    /// Correlation of item `i` with the sum of the other items (corrected item-total correlation).
    pub fn item_rest(&self, i: usize) -> Option<f64> {
        if self.k < 2 || self.n < 3 {
            return None;
        }
        let others = || (0..self.k).filter(move |&j| j != i);
        let cov_ir: f64 = others().map(|j| self.cov(i, j)).sum();
        let var_rest: f64 = others().flat_map(|j| others().map(move |l| (j, l))).map(|(j, l)| self.cov(j, l)).sum();
        let var_i = self.cov(i, i);
        (var_i > 0.0 && var_rest > 0.0).then(|| cov_ir / (var_i * var_rest).sqrt())
    }
}

/// Eigenvalues and eigenvectors of a symmetric `p × p` matrix (row-major `a`), by cyclic Jacobi
/// rotations: `(values, vectors)` with `vectors[i * p + j]` the `i`-th coordinate of the `j`-th
/// eigenvector. Exact to ~1e-12 for the small correlation matrices of driver analysis (one row
/// per dimension); a linear-algebra crate would add more to the wasm than these lines.
pub fn symmetric_eigen(a: &[f64], p: usize) -> (Vec<f64>, Vec<f64>) {
    debug_assert_eq!(a.len(), p * p);
    let mut a = a.to_vec();
    let mut v: Vec<f64> = (0..p * p).map(|i| if i / p == i % p { 1.0 } else { 0.0 }).collect();
    for _sweep in 0..100 {
        let off: f64 = (0..p).flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j))).map(|(i, j)| a[i * p + j].powi(2)).sum();
        if off < 1e-24 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                rotate(&mut a, &mut v, p, i, j);
            }
        }
    }
    ((0..p).map(|i| a[i * p + i]).collect(), v)
}

/// One Jacobi rotation zeroing `a[i][j]` (and `a[j][i]`), applied to `v` too.
fn rotate(a: &mut [f64], v: &mut [f64], p: usize, i: usize, j: usize) {
    let aij = a[i * p + j];
    if aij.abs() < 1e-300 {
        return;
    }
    let theta = (a[j * p + j] - a[i * p + i]) / (2.0 * aij);
    let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
    let t = if theta == 0.0 { 1.0 } else { t };
    let c = 1.0 / (t * t + 1.0).sqrt();
    let s = t * c;
    for k in 0..p {
        let (aki, akj) = (a[k * p + i], a[k * p + j]);
        a[k * p + i] = c * aki - s * akj;
        a[k * p + j] = s * aki + c * akj;
    }
    for k in 0..p {
        let (aik, ajk) = (a[i * p + k], a[j * p + k]);
        a[i * p + k] = c * aik - s * ajk;
        a[j * p + k] = s * aik + c * ajk;
    }
    for k in 0..p {
        let (vki, vkj) = (v[k * p + i], v[k * p + j]);
        v[k * p + i] = c * vki - s * vkj;
        v[k * p + j] = s * vki + c * vkj;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn summary_matches_hand_computation() {
        // 2,4,4,4,5,5,7,9: mean 5, sum of squares 32, sd = sqrt(32/7) = 2.13809
        let mut v = vec![9.0, 2.0, 4.0, 5.0, 4.0, 7.0, 4.0, 5.0];
        let s = summarize(&mut v).unwrap();
        assert_eq!(s.n, 8);
        assert!(close(s.mean, 5.0, 1e-12));
        assert!(close(s.sd, (32.0f64 / 7.0).sqrt(), 1e-12));
        assert!(close(s.median, 4.5, 1e-12));
        // t(0.975, 7) = 2.364624; half width = 2.364624 * 2.13809 / sqrt(8) = 1.78749
        assert!(close(s.ci95[0], 5.0 - 1.78749, 1e-4), "{:?}", s.ci95);
        assert!(close(s.ci95[1], 5.0 + 1.78749, 1e-4));
        let mut odd = vec![3.0, 1.0, 2.0];
        assert_eq!(summarize(&mut odd).unwrap().median, 2.0);
        assert!(summarize(&mut []).is_none());
        for n in [1usize, 2, 3, 10, 101, 1000] {
            let v32: Vec<f32> = (0..n).map(|i| (i * 7919 % 97) as f32 / 3.0 * 25.0 / 7.0).collect();
            let mut v64: Vec<f64> = v32.iter().map(|&v| f64::from(v)).collect();
            let sum = Moments::of(&v64).sum;
            assert_eq!(summarize_f32(&mut v32.clone(), sum), summarize(&mut v64), "n = {n}");
        }
        let one = summarize(&mut [4.0]).unwrap();
        assert_eq!((one.sd, one.ci95), (0.0, [4.0, 4.0]));
    }

    #[test]
    fn t_quantiles_and_p_values() {
        assert!(close(t_975(1.0), 12.7062, 1e-3));
        assert!(close(t_975(10.0), 2.228139, 1e-5));
        assert!(close(t_975(1e6), 1.959966356814107, 1e-9)); // scipy.stats.t.ppf(.975, 1e6)
        assert!(close(t_975(1e5), 1.9599877075346095, 1e-9));
        assert!(close(t_975(1e4), 1.960201239890626, 1e-9));
        assert!(close(t_975(f64::INFINITY), 1.959963984540054, 1e-12));
        assert!(close(t_p_value(2.228139, 10.0), 0.05, 1e-5));
        assert!(t_975(0.0).is_nan());
    }

    #[test]
    fn welch_matches_hand_computation() {
        // a = 1..5 (mean 3, var 2.5), b = 2,4,6,8 (mean 5, var 20/3)
        let a = Moments::of(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        let b = Moments::of(&[2.0, 4.0, 6.0, 8.0]);
        assert!(close(b.variance(), 20.0 / 3.0, 1e-12));
        let all = Moments::of(&[1.0, 2.0, 3.0, 4.0, 5.0, 2.0, 4.0, 6.0, 8.0]);
        assert!(close(all.minus(&a).mean(), b.mean(), 1e-12));
        let d = welch(&a, &b).unwrap();
        let (va, vb): (f64, f64) = (2.5 / 5.0, (20.0 / 3.0) / 4.0); // 0.5, 1.6667
        let se = (va + vb).sqrt();
        assert!(close(d.delta, -2.0, 1e-12));
        assert!(close(d.t, -2.0 / se, 1e-12));
        let df = (va + vb).powi(2) / (va * va / 4.0 + vb * vb / 3.0);
        assert!(close(d.df, df, 1e-9)); // 4.6957
        assert!(close(d.df, 4.749414519906323, 1e-9)); // scipy.stats.ttest_ind(equal_var=False)
                                                       // scipy.stats.ttest_ind([1,2,3,4,5], [2,4,6,8], equal_var=False): t = -1.35873, p = 0.235194
        assert!(close(d.t, -1.3587324409735149, 1e-12));
        assert!(close(d.p, 0.23519411138940557, 1e-6), "{}", d.p);
        assert!(welch(&a, &Moments::of(&[1.0])).is_none());
    }

    #[test]
    fn cronbach_alpha_and_item_rest_match_hand_computation() {
        // Three items, four people. Item variances 11/12, 19/12, 2/3 (sum 19/6); totals 3,6,7,10 (variance 25/3);
        // alpha = 3/2 * (1 - (19/6)/(25/3)) = 3/2 * 0.62 = 0.93.
        let rows = [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [3.0, 2.0, 2.0], [3.0, 4.0, 3.0]];
        let mut cov = Covariance::new(3);
        rows.iter().for_each(|r| cov.add(r));
        let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect(); // 3,6,7,10
        let tm = totals.iter().sum::<f64>() / 4.0; // 6.5
        let tvar = totals.iter().map(|t| (t - tm).powi(2)).sum::<f64>() / 3.0; // 25/3
        let var = |c: usize| {
            let m = rows.iter().map(|r| r[c]).sum::<f64>() / 4.0;
            rows.iter().map(|r| (r[c] - m).powi(2)).sum::<f64>() / 3.0
        };
        let expected = 1.5 * (1.0 - (var(0) + var(1) + var(2)) / tvar);
        assert!(close(cov.cronbach_alpha().unwrap(), expected, 1e-12));
        assert!(close(expected, 0.93, 1e-12));
        // item 0 against rest (1+1, 2+2, 2+2, 4+3) = 2,4,4,7
        let rest = [2.0, 4.0, 4.0, 7.0];
        let x: Vec<f64> = rows.iter().map(|r| r[0]).collect();
        let (mx, mr) = (x.iter().sum::<f64>() / 4.0, rest.iter().sum::<f64>() / 4.0);
        let sxy: f64 = x.iter().zip(&rest).map(|(a, b)| (a - mx) * (b - mr)).sum();
        let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
        let syy: f64 = rest.iter().map(|b| (b - mr).powi(2)).sum();
        assert!(close(cov.item_rest(0).unwrap(), sxy / (sxx * syy).sqrt(), 1e-12));
        assert_eq!(Covariance::new(1).cronbach_alpha(), None);
    }

    #[test]
    fn symmetric_eigen_reconstructs_the_matrix() {
        // numpy.linalg.eigh([[4,1,2],[1,3,0],[2,0,5]]) -> eigenvalues 1.8549, 3.4760, 6.6691 (sum 12, the trace).
        let a = [4.0, 1.0, 2.0, 1.0, 3.0, 0.0, 2.0, 0.0, 5.0];
        let (values, v) = symmetric_eigen(&a, 3);
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for (got, want) in sorted.iter().zip([1.8548973087995761, 3.4760236029181333, 6.669079088282287]) {
            assert!(close(*got, want, 1e-10), "{sorted:?}");
        }
        // V diag(values) Vᵀ = A, and V is orthonormal.
        for i in 0..3 {
            for j in 0..3 {
                let back: f64 = (0..3).map(|k| v[i * 3 + k] * values[k] * v[j * 3 + k]).sum();
                let dot: f64 = (0..3).map(|k| v[k * 3 + i] * v[k * 3 + j]).sum();
                assert!(close(back, a[i * 3 + j], 1e-10));
                assert!(close(dot, if i == j { 1.0 } else { 0.0 }, 1e-10));
            }
        }
    }
}
