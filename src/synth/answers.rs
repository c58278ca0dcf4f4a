//! Numeric answers (Likert, bipolar, recommend, randomized yes/no) and rankings, one column at a time.

use rand::RngCore;

use super::latent::{between, stream, unit, Normal3, Normal8, Tag};
use crate::ingest::{MISSING, NO_SEGMENT};
use crate::instrument::randomized::Design;
use crate::instrument::Scale;

/// How one numeric question turns a latent factor into an answer:
/// `round(mu + lambda * factor + sigma * noise)`, clipped to `[min, max]`, then reversed if needed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ItemModel {
    mu: f32,
    lambda: f32,
    sigma: f32,
    min: f32,
    max: f32,
    reverse: bool,
}

impl ItemModel {
    /// An agree/disagree (or bipolar) item: the keyed mean varies around midpoint + 0.5
    /// (in 5-point units); loadings and noise give inter-item correlations near 0.4–0.5,
    /// so a dimension of 3–4 items has Cronbach's alpha around 0.7–0.8. Reverse-keyed
    /// items load a little less, as negatively worded items usually do.
    pub(crate) fn item(seed: u64, q: usize, scale: &Scale, reverse: bool) -> ItemModel {
        let mut rng = stream(seed, Tag::Params, q);
        let unit = f32::from(scale.max - scale.min) / 4.0;
        let mid = scale.midpoint() as f32;
        let shift = between(&mut rng, -0.4, 0.4);
        let lambda = between(&mut rng, 0.8, 1.0) * if reverse { 0.85 } else { 1.0 };
        let sigma = between(&mut rng, 0.75, 0.9);
        ItemModel {
            mu: mid + (0.5 + shift) * unit,
            lambda: lambda * unit,
            sigma: sigma * unit,
            min: f32::from(scale.min),
            max: f32::from(scale.max),
            reverse,
        }
    }

    /// The 0–10 recommend question, driven by g; tuned for an NPS near zero.
    pub(crate) fn recommend() -> ItemModel {
        ItemModel { mu: 7.45, lambda: 1.5, sigma: 1.3, min: 0.0, max: 10.0, reverse: false }
    }

    /// Answers for every row: MISSING outside `mask` and with probability `blank16 / 65536`.
    pub(crate) fn column(&self, seed: u64, q: usize, factor: &[f32], mask: Option<&[bool]>, blank16: u64) -> Vec<u8> {
        let mut rng = stream(seed, Tag::Numeric, q);
        let normal = Normal3::new();
        let flip = (self.min + self.max) as u8;
        let m = *self;
        factor
            .iter()
            .enumerate()
            .map(|(row, &f)| {
                let x = rng.next_u64();
                if (x & 0xffff) < blank16 || mask.is_some_and(|mask| !mask[row]) {
                    return MISSING;
                }
                // Clamp, then round half up by truncation: exact IEEE operations, no libm call.
                let v = ((m.mu + m.lambda * f + m.sigma * normal.sample(x)).clamp(m.min, m.max) + 0.5) as u8;
                if m.reverse {
                    flip - v
                } else {
                    v
                }
            })
            .collect()
    }
}

/// Full rankings for the rows in `mask`: sort option indices by a shared importance
/// (fixed per instrument and seed) plus per-respondent noise; a department whose
/// name's first word appears in an option ("Finance" → "Finance and payments") ranks it higher.
pub(crate) fn ranking_column(
    seed: u64,
    q: usize,
    options: &[String],
    department: Option<(&[String], &[u32])>,
    mask: Option<&[bool]>,
    blank32: u64,
    n: usize,
) -> Vec<(u32, Vec<u8>)> {
    let mut params = stream(seed, Tag::Params, q);
    let normal8 = Normal8::new();
    let base: Vec<f32> = options.iter().map(|_| 1.2 * normal8.draw(&mut params)).collect();
    let lower: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
    let bonus: Vec<Vec<f32>> = department.map_or_else(Vec::new, |(labels, _)| {
        labels
            .iter()
            .map(|label| {
                let word = label.split_whitespace().next().unwrap_or("").to_lowercase();
                lower.iter().map(|o| if word.len() >= 4 && o.contains(&word) { 1.0 } else { 0.0 }).collect()
            })
            .collect()
    });
    let mut rng = stream(seed, Tag::Ranking, q);
    let normal = Normal3::new();
    let mut scored: Vec<(f32, u8)> = Vec::with_capacity(options.len());
    let mut out = Vec::new();
    for row in 0..n {
        if mask.is_some_and(|m| !m[row]) || u64::from(rng.next_u32()) < blank32 {
            continue;
        }
        let extra =
            department.and_then(|(_, codes)| codes.get(row).copied()).filter(|&c| c != NO_SEGMENT).and_then(|c| bonus.get(c as usize));
        scored.clear();
        for (j, b) in base.iter().enumerate() {
            let e = normal.sample(rng.next_u64());
            scored.push((b + extra.map_or(0.0, |x| x[j]) + e, j as u8));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out.push((row as u32, scored.iter().map(|s| s.1).collect()));
    }
    out
}

/// Multi-choice answers for the rows in `mask`: option `j` is chosen with its own base rate
/// (fixed per instrument and seed, 10–60%), a little more often by people with a better view of
/// the team (`g`); a row that chose nothing answers `none` (the "none of these" index) when the
/// question has one, else is left blank like a skipped question.
pub(crate) fn multi_column(
    seed: u64,
    q: usize,
    options: usize,
    none: Option<u8>,
    g: &[f32],
    mask: Option<&[bool]>,
    blank32: u64,
) -> Vec<(u32, Vec<u8>)> {
    let mut params = stream(seed, Tag::Params, q);
    let base: Vec<f32> = (0..options).map(|_| between(&mut params, 0.1, 0.6)).collect();
    let mut rng = stream(seed, Tag::Multi, q);
    let mut out = Vec::new();
    for (row, &attitude) in g.iter().enumerate() {
        if mask.is_some_and(|m| !m[row]) || u64::from(rng.next_u32()) < blank32 {
            continue;
        }
        let chosen: Vec<u8> =
            base.iter().enumerate().filter(|(_, &p)| unit(&mut rng) < p + 0.05 * attitude).map(|(j, _)| j as u8).collect();
        match (chosen.is_empty(), none) {
            (false, _) => out.push((row as u32, chosen)),
            (true, Some(n)) => out.push((row as u32, vec![n])),
            (true, None) => {}
        }
    }
    out
}

/// Reported answers (1 = yes, 0 = no) to a randomized-response question: each respondent's
/// true answer is "yes" with a probability that falls as their attitude `g` rises (people
/// who see the team as a blocker work around it more, ~20% overall), then randomized by
/// `design` exactly as the survey form does on the respondent's device.
pub(crate) fn randomized_column(seed: u64, q: usize, design: &Design, g: &[f32], mask: Option<&[bool]>, blank16: u64) -> Vec<u8> {
    let mut rng = stream(seed, Tag::Numeric, q);
    g.iter()
        .enumerate()
        .map(|(row, &attitude)| {
            let x = rng.next_u64();
            if (x & 0xffff) < blank16 || mask.is_some_and(|mask| !mask[row]) {
                return MISSING;
            }
            let truly_yes = unit(&mut rng) < (0.2 - 0.1 * attitude).clamp(0.02, 0.6);
            u8::from(design.respond(truly_yes, f64::from(unit(&mut rng))))
        })
        .collect()
}
