//! Random streams, bit-exact normal deviates, and the latent attitudes behind the answers.
//!
//! Every column draws from its own ChaCha8 stream (same seed, different stream
//! number), so columns are independent and adding a question to an instrument
//! does not change the answers to the others.
//!
//! Normal deviates are Irwin–Hall sums of 16-bit uniform lanes: an integer sum,
//! one exact subtraction and one multiplication by a constant. IEEE 754 rounds
//! these basic operations identically everywhere and Rust never fuses them into
//! an FMA, so the values are bit-identical on native targets and wasm32. (A
//! ziggurat normal would call `exp`/`ln` now and then, whose last bit may differ
//! between the platform libm and wasm's.) The sums are bounded (±3 SD for three
//! lanes, ±4.9 SD for eight), which is harmless for survey answers that are
//! rounded to a 5- or 11-point scale anyway.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Purposes of the random streams; combined with a question index into a stream number.
#[derive(Clone, Copy)]
pub(crate) enum Tag {
    /// Fixed parameters of a question (item means, loadings, group offsets).
    Params = 1,
    /// The answers of a choice question.
    Choice = 2,
    /// The general attitude g.
    General = 3,
    /// A dimension factor.
    Dimension = 4,
    /// The answers of a numeric question.
    Numeric = 5,
    /// The answers of a text question.
    Text = 6,
    /// The answers of a ranking question.
    Ranking = 7,
    /// The answers of a multi-choice question.
    Multi = 8,
}

/// The ChaCha8 stream for `tag` and `index` under `seed`.
pub(crate) fn stream(seed: u64, tag: Tag, index: usize) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(((tag as u64) << 32) | (index as u64 & 0xffff_ffff));
    rng
}

/// A uniform number in `[0, 1)` with 24 random bits (exact in f32).
pub(crate) fn unit(rng: &mut ChaCha8Rng) -> f32 {
    (rng.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
}

/// A uniform number in `[lo, hi)`.
pub(crate) fn between(rng: &mut ChaCha8Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * unit(rng)
}

/// A uniform index below `n` (Lemire's multiply-shift; `n` > 0).
pub(crate) fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}

/// `1 / (2 SD)` of a sum of `lanes` uniform 16-bit lanes (sqrt is correctly rounded everywhere).
fn half_inv_sd(lanes: u32) -> f32 {
    (0.5 / (f64::from(lanes) * (65_536.0f64 * 65_536.0 - 1.0) / 12.0).sqrt()) as f32
}

/// Sum of the four 16-bit lanes of `x`.
fn lane_sum(x: u64) -> u32 {
    ((x & 0xffff) + ((x >> 16) & 0xffff) + ((x >> 32) & 0xffff) + (x >> 48)) as u32
}

/// Standard normal deviates from 48 random bits (three lanes, bounded at ±3 SD).
#[derive(Clone, Copy)]
pub(crate) struct Normal3(f32);

impl Normal3 {
    pub(crate) fn new() -> Self {
        Normal3(half_inv_sd(3))
    }
    /// Uses bits 16..64 of `x`; the low 16 bits are left for the caller.
    #[inline]
    pub(crate) fn sample(self, x: u64) -> f32 {
        let s = lane_sum(x & !0xffff) as i32;
        (2 * s - 3 * 65_535) as f32 * self.0
    }
}

/// Standard normal deviates from 128 random bits (eight lanes, bounded at ±4.9 SD).
#[derive(Clone, Copy)]
pub(crate) struct Normal8(f32);

impl Normal8 {
    pub(crate) fn new() -> Self {
        Normal8(half_inv_sd(8))
    }
    #[inline]
    pub(crate) fn draw(self, rng: &mut ChaCha8Rng) -> f32 {
        let s = (lane_sum(rng.next_u64()) + lane_sum(rng.next_u64())) as i32;
        (2 * s - 8 * 65_535) as f32 * self.0
    }
}

/// Probability `p` as a threshold on a 32-bit draw (`draw < threshold` ⇔ event).
pub(crate) fn threshold32(p: f64) -> u64 {
    (p * 4_294_967_296.0) as u64
}

/// Probability `p` as a threshold on a 16-bit draw (blank rates are quantised to 1/65536).
pub(crate) fn threshold16(p: f64) -> u64 {
    (p * 65_536.0) as u64
}

/// Loading of the general attitude on every dimension factor.
const G_LOADING: f32 = 0.75;
/// Weight of a dimension's own part; with [`G_LOADING`] dimensions correlate about 0.57.
const OWN_LOADING: f32 = 0.65;

/// The general attitude g: a standard normal plus the respondent's group offsets.
pub(crate) fn general(seed: u64, offsets: &[f32]) -> Vec<f32> {
    let mut rng = stream(seed, Tag::General, 0);
    let normal = Normal8::new();
    offsets.iter().map(|&o| normal.draw(&mut rng) + o).collect()
}

/// Dimension factor `k`: `0.75 g + 0.65 z + offset` (offset by department and dimension).
pub(crate) fn dimension(seed: u64, k: usize, g: &[f32], offsets: &[f32]) -> Vec<f32> {
    let mut rng = stream(seed, Tag::Dimension, k);
    let normal = Normal8::new();
    g.iter().zip(offsets).map(|(&g, &o)| G_LOADING * g + OWN_LOADING * normal.draw(&mut rng) + o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normals_have_unit_variance_and_zero_mean() {
        let mut rng = stream(7, Tag::General, 0);
        let (n3, n8) = (Normal3::new(), Normal8::new());
        let n = 200_000;
        let a: Vec<f64> = (0..n).map(|_| f64::from(n3.sample(rng.next_u64()))).collect();
        let b: Vec<f64> = (0..n).map(|_| f64::from(n8.draw(&mut rng))).collect();
        for xs in [a, b] {
            let mean = xs.iter().sum::<f64>() / n as f64;
            let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
            assert!(mean.abs() < 0.01, "mean {mean}");
            assert!((var - 1.0).abs() < 0.02, "var {var}");
        }
    }

    #[test]
    fn streams_are_independent_of_each_other() {
        let mut a = stream(1, Tag::Numeric, 0);
        let mut b = stream(1, Tag::Numeric, 1);
        assert_ne!(a.next_u64(), b.next_u64());
        let mut c = stream(1, Tag::Numeric, 0);
        let mut d = stream(1, Tag::Numeric, 0);
        assert_eq!(c.next_u64(), d.next_u64());
    }
}
