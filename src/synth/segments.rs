//! Choice answers (departments, roles, …), waves, and the offsets each group adds to the latent attitudes.

use rand::RngCore;

use super::latent::{below, between, stream, threshold32, Tag};
use crate::ingest::NO_SEGMENT;

/// Share of blank answers on choice questions.
const CHOICE_BLANK: f64 = 0.02;
/// Shift of g for each later wave, in SD.
pub(crate) const WAVE_STEP: f32 = 0.15;

/// How the answers to one choice question are drawn and what they do to the attitudes.
pub(crate) struct ChoiceModel {
    /// Probability of each option among non-blank answers (sums to 1).
    probs: Vec<f64>,
    /// Options given an exact number of respondents: (option, headcount).
    fixed: Vec<(usize, usize)>,
    /// Shift of g for each option.
    pub(crate) g_offset: Vec<f32>,
}

/// Group effects on single dimensions: (department keyword, dimension keyword, shift in SD).
const DEPARTMENT_EFFECTS: &[(&str, &str, f32)] = &[
    ("engineer", "enabl", -0.45),
    ("engineer", "respons", -0.40),
    ("develop", "enabl", -0.35),
    ("financ", "enabl", 0.30),
    ("financ", "respons", 0.30),
    ("sales", "respons", -0.20),
    ("legal", "communic", 0.20),
    ("human", "approach", 0.20),
];

/// True for a question whose options look like Leader / Manager / Staff.
pub(crate) fn is_role_like(options: &[String]) -> bool {
    let has = |word: &str| options.iter().any(|o| o.to_lowercase().contains(word));
    has("lead") && has("manag")
}

impl ChoiceModel {
    /// The department-like question: Zipf-like sizes, a small option (~0.5%) and, when
    /// `n` ≥ 200, the last two options with exactly 3 and 4 respondents.
    pub(crate) fn department(seed: u64, q: usize, options: &[String], n: usize) -> ChoiceModel {
        let k = options.len();
        let tiny = if k >= 4 { 2 } else { 0 };
        let small = usize::from(k >= 5);
        let zipf = k - tiny - small;
        let mut probs: Vec<f64> = (0..zipf).map(|j| 1.0 / (j as f64 + 1.5)).collect();
        let total: f64 = probs.iter().sum();
        let zipf_share = 1.0 - 0.005 * small as f64;
        probs.iter_mut().for_each(|p| *p *= zipf_share / total);
        probs.extend(std::iter::repeat(0.005).take(small));
        probs.extend(std::iter::repeat(0.0).take(tiny));
        // Fixed headcounts: 3 and 4 whatever n is (from 200 up); proportionally fewer below.
        let fixed = (0..tiny)
            .map(|t| {
                let count = 3 + t;
                (k - tiny + t, if n >= 200 { count } else { count * n / 200 })
            })
            .collect();
        let mut model = ChoiceModel { probs, fixed, g_offset: Vec::new() };
        model.g_offset = random_offsets(seed, q, k, 0.12);
        model
    }

    /// A Leader / Manager / Staff question: ~5% / 17% / 78%; leaders see the team more positively.
    pub(crate) fn role(options: &[String]) -> ChoiceModel {
        let lower: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
        let lead = lower.iter().position(|o| o.contains("lead"));
        let manager = (0..lower.len()).find(|&i| Some(i) != lead && lower[i].contains("manag"));
        let rest = options.len() - usize::from(lead.is_some()) - usize::from(manager.is_some());
        let mut probs = vec![0.78 / rest.max(1) as f64; options.len()];
        let mut g_offset = vec![0.0; options.len()];
        if let Some(l) = lead {
            probs[l] = 0.05;
            g_offset[l] = 0.35;
        }
        if let Some(m) = manager {
            probs[m] = 0.17;
            g_offset[m] = 0.15;
        }
        let total: f64 = probs.iter().sum();
        probs.iter_mut().for_each(|p| *p /= total);
        ChoiceModel { probs, fixed: Vec::new(), g_offset }
    }

    /// Any other choice question: mildly skewed sizes, small offsets.
    pub(crate) fn other(seed: u64, q: usize, options: &[String]) -> ChoiceModel {
        let mut probs: Vec<f64> = (0..options.len()).map(|j| 1.0 / (j as f64 + 3.0)).collect();
        let total: f64 = probs.iter().sum();
        probs.iter_mut().for_each(|p| *p /= total);
        ChoiceModel { probs, fixed: Vec::new(), g_offset: random_offsets(seed, q, options.len(), 0.1) }
    }

    /// Draws one code per row; rows outside `mask` (when given) get `NO_SEGMENT`.
    pub(crate) fn draw(&self, seed: u64, q: usize, n: usize, mask: Option<&[bool]>) -> Vec<u32> {
        let mut rng = stream(seed, Tag::Choice, q);
        let blank = threshold32(CHOICE_BLANK);
        let mut cumulative = Vec::with_capacity(self.probs.len());
        let mut acc = 0.0;
        for p in &self.probs {
            acc += p;
            cumulative.push(threshold32(acc));
        }
        let last = cumulative.iter().rposition(|&c| c > 0).unwrap_or(0) as u32;
        let mut codes: Vec<u32> = (0..n)
            .map(|row| {
                let x = rng.next_u64();
                if mask.is_some_and(|m| !m[row]) || (x & 0xffff_ffff) < blank {
                    return NO_SEGMENT;
                }
                let u = x >> 32;
                cumulative.iter().position(|&c| u < c).map_or(last, |j| j as u32)
            })
            .collect();
        self.place_fixed(&mut rng, &mut codes, mask);
        codes
    }

    /// Gives the fixed-headcount options exactly their count, on distinct random eligible rows.
    fn place_fixed(&self, rng: &mut rand_chacha::ChaCha8Rng, codes: &mut [u32], mask: Option<&[bool]>) {
        let n = codes.len();
        let wanted: usize = self.fixed.iter().map(|f| f.1).sum();
        let eligible = mask.map_or(n, |m| m.iter().filter(|&&b| b).count());
        if wanted == 0 || eligible < wanted * 4 {
            return;
        }
        let mut taken: Vec<usize> = Vec::with_capacity(wanted);
        for &(option, count) in &self.fixed {
            let mut placed = 0;
            while placed < count {
                let row = below(rng, n);
                if mask.is_some_and(|m| !m[row]) || taken.contains(&row) {
                    continue;
                }
                taken.push(row);
                codes[row] = option as u32;
                placed += 1;
            }
        }
    }
}

/// Per-option shifts uniform in `[-spread, spread)`, from the question's parameter stream.
fn random_offsets(seed: u64, q: usize, k: usize, spread: f32) -> Vec<f32> {
    let mut rng = stream(seed, Tag::Params, q);
    (0..k).map(|_| between(&mut rng, -spread, spread)).collect()
}

/// Shift of each dimension factor for each department option: random ±0.15 SD plus
/// the named effects (e.g. Engineering sees enablement and responsiveness worse).
pub(crate) fn department_dimension_offsets(seed: u64, q: usize, options: &[String], dimensions: &[String]) -> Vec<Vec<f32>> {
    let mut rng = stream(seed, Tag::Params, 0x1000 + q);
    options
        .iter()
        .map(|option| {
            let option = option.to_lowercase();
            dimensions
                .iter()
                .map(|dim| {
                    let named: f32 = DEPARTMENT_EFFECTS.iter().filter(|(o, d, _)| option.contains(o) && dim.contains(d)).map(|e| e.2).sum();
                    named + between(&mut rng, -0.15, 0.15)
                })
                .collect()
        })
        .collect()
}

/// Wave of each row: the first half (rounded up) in the first wave, the rest split evenly.
pub(crate) fn wave_codes(n: usize, waves: usize) -> Vec<u32> {
    let first = if waves > 1 { n.div_ceil(2) } else { n };
    let later = (waves.max(2) - 1) as u64;
    let rest = (n - first) as u64;
    (0..n).map(|row| if row < first { 0 } else { 1 + ((row - first) as u64 * later / rest.max(1)) as u32 }).collect()
}
