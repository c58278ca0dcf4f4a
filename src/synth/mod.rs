//! Deterministic synthetic responses with realistic structure, for demos, tests and benchmarks.
//!
//! [`generate`] works for any valid [`Instrument`]. Each respondent has a general
//! attitude towards the security team, `g ~ N(0, 1)` shifted by their groups
//! (leaders and later waves a little more positive), and one factor per dimension,
//! `d_k = 0.75 g + 0.65 z_k + department offset`, so dimensions correlate about 0.5
//! and departments differ (Engineering sees enablement and responsiveness worse,
//! Finance better). Each Likert item answers `round(mu + lambda d_k + noise)`
//! clipped to the scale (reverse-keyed items the other way round); a bipolar item
//! follows the dimension of the Likert items on its page, the 0–10 recommend
//! question follows g. Choice, ranking and text answers are described on
//! [`generate`].
//!
//! The same instrument and options give the same table on every run and on
//! native and wasm32 targets: ChaCha8 streams seeded with [`SynthOptions::seed`],
//! integer-only normal deviates and no transcendental functions (see `latent.rs`).

mod answers;
mod comments;
mod latent;
mod segments;

use serde::{Deserialize, Serialize};

use crate::ingest::{ResponseTable, SegmentColumn, NO_SEGMENT};
use crate::instrument::{Condition, Instrument, Question, Section};
use answers::{multi_column, randomized_column, ranking_column, ItemModel};
use comments::{text_column, Prompt};
use latent::{threshold16, threshold32};
use segments::{department_dimension_offsets, is_role_like, wave_codes, ChoiceModel, WAVE_STEP};

/// What to generate. Every field has a default, so `{"n": 500}` is a complete JSON value.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct SynthOptions {
    /// Number of respondents (rows). Zero gives an empty table. Memory grows linearly:
    /// about 130 bytes per row for the default instrument (a third of it comments) plus
    /// about 40 bytes per row of working memory while generating, so a huge `n` can
    /// exhaust memory; that is the caller's responsibility. Values above `u32::MAX` are capped.
    pub n: usize,
    /// Seed of the random streams; the same seed gives the same table.
    pub seed: u64,
    /// Chance that any single answer is left blank (clamped to `[0, 1]`; NaN counts as 0).
    pub blank_rate: f64,
    /// Chance that a respondent answers each free-text question (clamped to `[0, 1]`).
    pub comment_rate: f64,
    /// Survey waves, oldest first. When not empty, a `wave` segment column is appended:
    /// the first half of the rows are in the first wave, the rest split evenly over the
    /// later waves, each later wave 0.15 SD more positive. Duplicates are dropped. (An
    /// instrument with its own choice question `wave` would then have two such columns.)
    pub waves: Vec<String>,
}

impl Default for SynthOptions {
    /// 1,000 respondents, seed 42, 3% blanks, 35% comments, waves `2025-H2` and `2026-H1`.
    fn default() -> Self {
        SynthOptions { n: 1000, seed: 42, blank_rate: 0.03, comment_rate: 0.35, waves: vec!["2025-H2".to_string(), "2026-H1".to_string()] }
    }
}

/// A rate clamped to `[0, 1]`, NaN as 0.
fn rate(r: f64) -> f64 {
    if r.is_nan() {
        0.0
    } else {
        r.clamp(0.0, 1.0)
    }
}

/// Generates `options.n` synthetic respondents for `instrument`.
///
/// The table has the layout of [`ResponseTable::for_instrument`], plus a `wave`
/// segment column (last) when [`SynthOptions::waves`] is not empty.
///
/// - Numeric answers are on their scale or `MISSING` (about `blank_rate` of them).
/// - The first choice question that is not a Leader/Manager/Staff question is taken as
///   the department: Zipf-like sizes, its third-last option about 0.5%, and (from
///   n = 200) its last two options exactly 3 and 4 respondents whatever `n` is. A
///   Leader/Manager/Staff question gets about 5% / 17% / 78%; other choices are mildly
///   skewed; about 2% of choice answers are blank.
/// - Questions on a page with `show_if` are answered only by rows whose condition holds.
/// - Rankings are full orders of option indices around a common, noisy order.
/// - About `comment_rate` of rows answer each text question, with a tone that follows g;
///   "does well" questions get praise, "should change" questions complaints and
///   suggestions. About 0.2% of comments contain the fake address `someone@example.com`.
pub fn generate(instrument: &Instrument, options: &SynthOptions) -> ResponseTable {
    let n = options.n.min(u32::MAX as usize);
    let seed = options.seed;
    let mut waves: Vec<String> = Vec::new();
    for w in &options.waves {
        if !waves.contains(w) {
            waves.push(w.clone());
        }
    }
    let mut table = ResponseTable::for_instrument(instrument);
    table.rows = n;

    // Groups first: they shift g, and conditions on later pages depend on them.
    let wave = (!waves.is_empty()).then(|| wave_codes(n, waves.len()));
    let mut g_offset: Vec<f32> = match &wave {
        Some(codes) => codes.iter().map(|&w| WAVE_STEP * w as f32).collect(),
        None => vec![0.0; n],
    };
    let mut masks: Vec<Option<Vec<bool>>> = Vec::with_capacity(instrument.sections.len());
    let mut department: Option<(usize, usize)> = None; // (segment column, question index)
    let (mut qi, mut seg) = (0, 0);
    for section in &instrument.sections {
        let mask = section.show_if.as_ref().map(|c| condition_mask(&table, c, n));
        for q in &section.questions {
            if let Question::Choice { options, .. } = q {
                let model = if is_role_like(options) {
                    ChoiceModel::role(options)
                } else if department.is_none() && mask.is_none() {
                    department = Some((seg, qi));
                    ChoiceModel::department(seed, qi, options, n)
                } else {
                    ChoiceModel::other(seed, qi, options)
                };
                let codes = model.draw(seed, qi, n, mask.as_deref());
                for (o, &c) in g_offset.iter_mut().zip(&codes) {
                    if c != NO_SEGMENT {
                        *o += model.g_offset[c as usize];
                    }
                }
                table.segments[seg].codes = codes.into();
                seg += 1;
            }
            qi += 1;
        }
        masks.push(mask);
    }

    let g = latent::general(seed, &g_offset);
    drop(g_offset);
    let dim_ids: Vec<String> = instrument.dimensions.iter().map(|d| format!("{} {}", d.id, d.name).to_lowercase()).collect();
    let dept_offsets = department.map(|(s, q)| {
        let column = &table.segments[s];
        (column, department_dimension_offsets(seed, q, &column.labels, &dim_ids))
    });
    let dims: Vec<Vec<f32>> = (0..dim_ids.len())
        .map(|k| {
            let offsets: Vec<f32> = match &dept_offsets {
                Some((column, off)) => column.codes.iter().map(|c| if c == NO_SEGMENT { 0.0 } else { off[c as usize][k] }).collect(),
                None => vec![0.0; n],
            };
            latent::dimension(seed, k, &g, &offsets)
        })
        .collect();
    let department_codes = department.map(|(s, _)| (table.segments[s].labels.clone(), table.segments[s].codes.to_vec()));

    let blank16 = threshold16(rate(options.blank_rate));
    let comment_rate = rate(options.comment_rate);
    let ranking_blank = threshold32(rate(options.blank_rate));
    let (mut qi, mut num, mut txt, mut rnk, mut multi) = (0, 0, 0, 0, 0);
    for (section, mask) in instrument.sections.iter().zip(&masks) {
        let mask = mask.as_deref();
        for q in &section.questions {
            match q {
                Question::Likert { dimension, reverse, .. } => {
                    let k = instrument.dimensions.iter().position(|d| &d.id == dimension).unwrap_or(0);
                    let model = ItemModel::item(seed, qi, &instrument.scale, *reverse);
                    table.answers[num].values = model.column(seed, qi, &dims[k], mask, blank16);
                    num += 1;
                }
                Question::Bipolar { .. } | Question::Recommend { .. } => {
                    let (model, factor) = match (q.numeric_scale(&instrument.scale), q) {
                        (Some(scale), Question::Bipolar { .. }) => {
                            (ItemModel::item(seed, qi, &scale, false), section_dimension(instrument, section).map_or(&g, |k| &dims[k]))
                        }
                        _ => (ItemModel::recommend(), &g),
                    };
                    table.answers[num].values = model.column(seed, qi, factor, mask, blank16);
                    num += 1;
                }
                Question::Text { id, text, max_chars, .. } => {
                    let prompt = Prompt::of(id, text);
                    table.texts[txt].entries = text_column(seed, qi, prompt, *max_chars as usize, &g, mask, comment_rate);
                    txt += 1;
                }
                Question::Ranking { options, .. } => {
                    let dept = department_codes.as_ref().map(|(l, c)| (l.as_slice(), c.as_slice()));
                    table.rankings[rnk].entries = ranking_column(seed, qi, options, dept, mask, ranking_blank, n);
                    rnk += 1;
                }
                Question::Randomized { randomization, .. } => {
                    table.answers[num].values = randomized_column(seed, qi, randomization, &g, mask, blank16);
                    num += 1;
                }
                Question::MultiChoice { options, none, .. } => {
                    let none = (!none.is_empty()).then_some(options.len() as u8);
                    table.selections[multi].entries = multi_column(seed, qi, options.len(), none, &g, mask, ranking_blank);
                    multi += 1;
                }
                Question::Choice { .. } => {}
            }
            qi += 1;
        }
    }

    if let Some(codes) = wave {
        table.segments.push(SegmentColumn { name: "wave".to_string(), labels: waves, codes: codes.into() });
    }
    table
}

/// Most respondents [`dashboard_sample`] makes: a sample is held in a browser tab's memory.
pub const MAX_SAMPLE: usize = 5_000_000;

/// The dashboard's sample data: `n` synthetic respondents from `seed` in three waves
/// (`2025-H1`, `2025-H2`, `2026-H1`). Fails (saying so) above [`MAX_SAMPLE`] respondents.
pub fn dashboard_sample(instrument: &Instrument, n: usize, seed: u64) -> Result<ResponseTable, String> {
    if n > MAX_SAMPLE {
        return Err(format!("a sample of {n} respondents is more than the {MAX_SAMPLE} the dashboard holds"));
    }
    let waves = ["2025-H1", "2025-H2", "2026-H1"].map(String::from).to_vec();
    Ok(generate(instrument, &SynthOptions { n, seed, waves, ..SynthOptions::default() }))
}

/// Rows for which `condition` holds (its choice question answered with one of `any_of`).
fn condition_mask(table: &ResponseTable, condition: &Condition, n: usize) -> Vec<bool> {
    let Some(column) = table.segment(&condition.question) else {
        return vec![false; n];
    };
    let wanted: Vec<bool> = column.labels.iter().map(|l| condition.any_of.contains(l)).collect();
    column.codes.iter().map(|c| c != NO_SEGMENT && wanted[c as usize]).collect()
}

/// The dimension most Likert items on `section` belong to (the first one on ties).
fn section_dimension(instrument: &Instrument, section: &Section) -> Option<usize> {
    let mut counts = vec![0usize; instrument.dimensions.len()];
    let mut order = Vec::new();
    for q in &section.questions {
        if let Question::Likert { dimension, .. } = q {
            if let Some(k) = instrument.dimensions.iter().position(|d| &d.id == dimension) {
                counts[k] += 1;
                if !order.contains(&k) {
                    order.push(k);
                }
            }
        }
    }
    order.iter().copied().max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)))
}
