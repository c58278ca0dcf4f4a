//! Joint counts of a few items' answers over a set of rows: one pass over the answer
//! bytes, then every per-dimension statistic that only needs counts (favourable split,
//! complete-case covariance) is read off the (at most 65,536) cells instead of the rows.
//!
//! Answers are small integers, so the covariance sums built from counts are exact in
//! `f64` and equal, bit for bit, to adding the rows one at a time.

use crate::ingest::MISSING;
use crate::instrument::Scale;

use super::respondent::KeyedItem;
use super::rows::Rows;
use crate::stats::Covariance;

/// Most cells a joint table may have; more items or a wider scale fall back to row loops.
const MAX_CELLS: usize = 1 << 16;

/// Flag in the digit lookup for a byte that is neither on the scale nor `MISSING`.
const BAD: u16 = 1 << 15;

/// Joint counts of the raw answers of `k` items; digit `v - min` per item, `base - 1` when blank.
pub(crate) struct Joint {
    base: usize,
    k: usize,
    counts: Vec<u64>,
}

impl Joint {
    /// Counts over `rows`; `None` when the table is too large or a value is off the scale.
    pub(crate) fn count(items: &[&KeyedItem<'_>], scale: &Scale, rows: Rows<'_>) -> Option<Joint> {
        let k = items.len();
        let span = usize::from(scale.max.checked_sub(scale.min)?);
        let base = span + 2;
        let cells = (0..k).try_fold(1usize, |acc, _| acc.checked_mul(base).filter(|&c| c <= MAX_CELLS))?;
        let mut lut = [BAD; 256];
        for v in scale.min..=scale.max {
            lut[usize::from(v)] = u16::from(v - scale.min);
        }
        lut[usize::from(MISSING)] = (base - 1) as u16;
        let mut counts = vec![0u64; cells];
        let mut bad = 0u16;
        match rows {
            Rows::All(n) => {
                // Column by column into a code per row (sequential, vectorisable), then one histogram pass.
                let mut codes = vec![0u16; n];
                let mut mult = 1u16;
                for item in items {
                    for (code, &v) in codes.iter_mut().zip(&item.values[..n]) {
                        let d = lut[usize::from(v)];
                        bad |= d;
                        *code = code.wrapping_add((d & !BAD).wrapping_mul(mult));
                    }
                    mult = mult.wrapping_mul(base as u16);
                }
                for &code in &codes {
                    counts[usize::from(code)] += 1;
                }
            }
            Rows::Only(list) => {
                let cols: Vec<&[u8]> = items.iter().map(|i| i.values).collect();
                for &r in list {
                    let r = r as usize;
                    let mut code = 0usize;
                    for col in cols.iter().rev() {
                        let d = lut[usize::from(col[r])];
                        bad |= d;
                        code = code * base + usize::from(d & !BAD);
                    }
                    counts[code] += 1;
                }
            }
        }
        (bad & BAD == 0).then_some(Joint { base, k, counts })
    }

    /// Calls `f(count, digits)` for every non-empty cell (`digits[i] == base - 1`: blank).
    fn cells(&self, mut f: impl FnMut(u64, &[usize])) {
        let mut digits = vec![0usize; self.k];
        for (code, &c) in self.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let mut rest = code;
            for d in digits.iter_mut() {
                *d = rest % self.base;
                rest /= self.base;
            }
            f(c, &digits);
        }
    }

    /// Keyed value of item `i` for digit `d`, or `None` when blank.
    fn keyed(&self, items: &[&KeyedItem<'_>], scale: &Scale, i: usize, d: usize) -> Option<u8> {
        if d == self.base - 1 {
            return None;
        }
        let v = scale.min + d as u8;
        Some(if items[i].item.reverse { scale.reverse(v) } else { v })
    }

    /// Keyed answers above / at / below the scale midpoint, over all items and rows.
    pub(crate) fn split_counts(&self, items: &[&KeyedItem<'_>], scale: &Scale) -> [usize; 3] {
        let mid = scale.midpoint();
        let mut counts = [0usize; 3];
        self.cells(|c, digits| {
            for (i, &d) in digits.iter().enumerate() {
                if let Some(v) = self.keyed(items, scale, i, d) {
                    let v = f64::from(v);
                    counts[if v > mid {
                        0
                    } else if v == mid {
                        1
                    } else {
                        2
                    }] += c as usize;
                }
            }
        });
        counts
    }

    /// Covariance of the keyed items over complete cases (rows with every item answered).
    pub(crate) fn covariance(&self, items: &[&KeyedItem<'_>], scale: &Scale) -> Covariance {
        let k = self.k;
        let mut n = 0u64;
        let mut sums = vec![0u64; k];
        let mut cross = vec![0u64; k * k];
        let mut row = vec![0u64; k];
        self.cells(|c, digits| {
            for (i, &d) in digits.iter().enumerate() {
                match self.keyed(items, scale, i, d) {
                    Some(v) => row[i] = u64::from(v),
                    None => return,
                }
            }
            n += c;
            for i in 0..k {
                sums[i] += c * row[i];
                for j in i..k {
                    cross[i * k + j] += c * row[i] * row[j];
                }
            }
        });
        // Integer sums below 2^53 convert exactly, so this equals adding f64 rows one by one.
        let f = |v: Vec<u64>| v.into_iter().map(|x| x as f64).collect();
        Covariance::from_sums(k, n as usize, f(sums), f(cross))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::LikertItem;

    fn item<'a>(id: &'a str, reverse: bool, values: &'a [u8]) -> KeyedItem<'a> {
        KeyedItem { item: LikertItem { id, text: "", dimension: 0, reverse }, values }
    }

    /// The joint table gives exactly the row-by-row split and covariance, blanks and keying included.
    #[test]
    fn joint_counts_equal_row_loops() {
        let scale = Scale { min: 1, max: 5, labels: vec![] };
        let n = 997;
        let col = |seed: u32| -> Vec<u8> {
            (0..n as u32)
                .map(|r| {
                    let h = r.wrapping_mul(2654435761).wrapping_add(seed * 40503) >> 7;
                    if h % 11 == 0 {
                        MISSING
                    } else {
                        1 + (h % 5) as u8
                    }
                })
                .collect()
        };
        let (a, b, c) = (col(1), col(2), col(3));
        let items = [item("a", false, &a), item("b", true, &b), item("c", false, &c)];
        let refs: Vec<&KeyedItem> = items.iter().collect();
        let subset: Vec<u32> = (0..n as u32).filter(|r| r % 3 != 1).collect();
        for rows in [Rows::All(n), Rows::Only(&subset)] {
            let j = Joint::count(&refs, &scale, rows).unwrap();
            let mid = scale.midpoint();
            let mut split = [0usize; 3];
            let mut cov = Covariance::new(3);
            rows.for_each(|r| {
                let keyed: Vec<Option<u8>> = refs.iter().map(|k| k.keyed(&scale, r)).collect();
                for v in keyed.iter().flatten() {
                    let v = f64::from(*v);
                    split[if v > mid {
                        0
                    } else if v == mid {
                        1
                    } else {
                        2
                    }] += 1;
                }
                if keyed.iter().all(Option::is_some) {
                    cov.add(&keyed.iter().map(|v| f64::from(v.unwrap())).collect::<Vec<_>>());
                }
            });
            assert_eq!(j.split_counts(&refs, &scale), split);
            let jc = j.covariance(&refs, &scale);
            assert_eq!(jc.n(), cov.n());
            for (x, y) in [(0, 0), (0, 1), (1, 2), (2, 2)] {
                assert_eq!(jc.cov(x, y).to_bits(), cov.cov(x, y).to_bits());
            }
            assert_eq!(jc.cronbach_alpha().map(f64::to_bits), cov.cronbach_alpha().map(f64::to_bits));
        }
        // A value off the scale: no joint table (callers fall back to the row loops).
        let bad = vec![9u8; n];
        let with_bad = [item("a", false, &bad)];
        assert!(Joint::count(&with_bad.iter().collect::<Vec<_>>(), &scale, Rows::All(n)).is_none());
    }
}
