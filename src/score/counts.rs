//! Statistics from counts: everything a group's statistics need, as counts that add up.
//!
//! A [`GroupCounts`] holds, for one group of rows, exact histograms of the respondents'
//! overall and dimension scores (keyed by the `f32` value, so medians equal the row-based
//! ones exactly), per-item answer counts over the scored respondents, each dimension's
//! complete-case sums (for alpha and item–rest correlations), the NPS classes and the bipolar
//! answers. Two groups' counts [merge](GroupCounts::merge) into the counts of their union.
//!
//! [`Counted`] builds the counts of every *cell* of a table (one combination of values of all
//! its segment columns) in one pass over the rows; any group that is a set of cells (everyone,
//! a filter, a breakdown group within a filter, a wave) is then the merge of its cells' counts,
//! without looking at the rows again. The same merge joins the counts of shards of a file read
//! by separate workers (docs/scoring.md, "Computing from counts").

use std::collections::HashMap;

use crate::ingest::{ResponseTable, MISSING, NO_SEGMENT};
use crate::instrument::{Instrument, Question, Scale};
use crate::stats::{summarize_counts, Covariance, Moments, Summary};

use super::contributors::Contributors;
use super::drivers;
use super::respondent::{keyed_items, respondent_scores, KeyedItem, RespondentScores};

/// Most cells whose counts are kept for a table of `rows` rows: beyond this (many segment
/// columns with many values) groups are counted from their rows instead, with the same counts.
fn cell_limit(rows: usize) -> usize {
    4096.max(rows / 64)
}

/// A sort key of a score that orders as [`f32::total_cmp`].
fn key_of(v: f32) -> u32 {
    let bits = v.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// The score of a [`key_of`] key.
fn value_of(key: u32) -> f32 {
    f32::from_bits(if key >> 31 == 1 { key & !(1 << 31) } else { !key })
}

/// How many respondents have each score, by [`key_of`] key, while they are counted. Dimension
/// scores take few values, but overall scores can take nearly one per respondent, so a file
/// crafted for hash collisions could slow the count (never change it). foldhash seeds each map
/// from address-space randomisation natively; in wasm its seed is the same on every load.
type KeyCounts = HashMap<u32, u64, foldhash::fast::RandomState>;

/// How many respondents have each score: `(key, count)` in ascending score order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreHistogram {
    entries: Vec<(u32, u64)>,
}

impl ScoreHistogram {
    /// The histogram of these counts by [`key_of`] key.
    fn of_counts(counts: KeyCounts) -> ScoreHistogram {
        let mut entries: Vec<(u32, u64)> = counts.into_iter().collect();
        entries.sort_unstable();
        ScoreHistogram { entries }
    }

    /// Adds the counts of `other`.
    fn merge(&mut self, other: &ScoreHistogram) {
        if other.entries.is_empty() {
            return;
        }
        let (a, b) = (std::mem::take(&mut self.entries), &other.entries);
        let mut out = Vec::with_capacity(a.len().max(b.len()));
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => (out.push(a[i]), i += 1),
                std::cmp::Ordering::Greater => (out.push(b[j]), j += 1),
                std::cmp::Ordering::Equal => (out.push((a[i].0, a[i].1 + b[j].1)), (i, j) = (i + 1, j + 1)),
            };
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        self.entries = out;
    }

    /// The scores (as `f64`) with their counts, ascending.
    fn values(&self) -> Vec<(f64, u64)> {
        self.entries.iter().map(|&(k, c)| (f64::from(value_of(k)), c)).collect()
    }

    /// Number of scores.
    pub fn n(&self) -> usize {
        self.entries.iter().map(|&(_, c)| c as usize).sum()
    }

    /// n, mean, SD, median and CI of the scores (`None` when there are none).
    pub fn summary(&self) -> Option<Summary> {
        summarize_counts(&self.values())
    }

    /// Count, sum and sum of squares of the scores.
    pub fn moments(&self) -> Moments {
        let mut m = Moments::default();
        for (v, c) in self.values() {
            m.n += c as usize;
            m.sum += v * c as f64;
            m.sum_sq += v * v * c as f64;
        }
        m
    }
}

/// Integer sums of the keyed answers of one dimension's items over the respondents who
/// answered every one of them: exact, so merged sums equal the sums over the union's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompleteCases {
    n: u64,
    sums: Vec<u64>,
    /// `cross[i * k + j]` for `j >= i`.
    cross: Vec<u64>,
}

impl CompleteCases {
    /// Adds `count` cases with the answers `row`.
    fn add(&mut self, row: &[u64], count: u64) {
        let k = row.len();
        self.n += count;
        for i in 0..k {
            self.sums[i] += count * row[i];
            for j in i..k {
                self.cross[i * k + j] += count * row[i] * row[j];
            }
        }
    }

    /// The sums had every answer been `shift` more: Σ(x + s) = Σx + n·s and
    /// Σ(x + s)(y + s) = Σxy + s·Σx + s·Σy + n·s².
    fn shift(&mut self, shift: u64) {
        let k = self.sums.len();
        for i in 0..k {
            for j in i..k {
                self.cross[i * k + j] += shift * (self.sums[i] + self.sums[j]) + self.n * shift * shift;
            }
        }
        for s in &mut self.sums {
            *s += self.n * shift;
        }
    }

    fn merge(&mut self, other: &CompleteCases) {
        self.n += other.n;
        add_into(&mut self.sums, &other.sums);
        add_into(&mut self.cross, &other.cross);
    }

    /// The covariance accumulator with these sums (integers below 2^53 convert exactly, so
    /// this equals adding the rows one by one as `f64`).
    fn covariance(&self) -> Covariance {
        let f = |v: &[u64]| v.iter().map(|&x| x as f64).collect();
        Covariance::from_sums(self.sums.len(), self.n as usize, f(&self.sums), f(&self.cross))
    }
}

/// `into[i] += from[i]`, growing `into` when `from` is longer.
fn add_into(into: &mut Vec<u64>, from: &[u64]) {
    if into.len() < from.len() {
        into.resize(from.len(), 0);
    }
    into.iter_mut().zip(from).for_each(|(a, b)| *a += b);
}

/// Everything the statistics of one group of rows need, as counts that merge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupCounts {
    /// Rows (people) in the group, scored or not.
    pub people: u64,
    overall: ScoreHistogram,
    dims: Vec<ScoreHistogram>,
    /// Per Likert item (in [`keyed_items`] order): answers by raw value, scored respondents only.
    items: Vec<Vec<u64>>,
    /// Per dimension: sums over the scored respondents who answered every item.
    complete: Vec<CompleteCases>,
    /// Promoters (9–10), passives (7–8), detractors (0–6) of the recommend question.
    nps: [u64; 3],
    /// Answers to the bipolar question by value.
    bipolar: Vec<u64>,
}

impl GroupCounts {
    /// Adds the counts of `other` (a group with no rows in common): the counts of the union.
    pub fn merge(&mut self, other: &GroupCounts) {
        self.people += other.people;
        self.overall.merge(&other.overall);
        if self.dims.is_empty() {
            (self.dims, self.items, self.complete) = (other.dims.clone(), other.items.clone(), other.complete.clone());
        } else {
            self.dims.iter_mut().zip(&other.dims).for_each(|(a, b)| a.merge(b));
            self.items.iter_mut().zip(&other.items).for_each(|(a, b)| add_into(a, b));
            self.complete.iter_mut().zip(&other.complete).for_each(|(a, b)| a.merge(b));
        }
        self.nps.iter_mut().zip(other.nps).for_each(|(a, b)| *a += b);
        add_into(&mut self.bipolar, &other.bipolar);
    }

    /// The respondents' overall scores.
    pub fn overall(&self) -> &ScoreHistogram {
        &self.overall
    }

    /// The respondents' scores in dimension `d`.
    pub fn dimension(&self, d: usize) -> &ScoreHistogram {
        &self.dims[d]
    }

    /// Answers to Likert item `i` (in [`keyed_items`] order) by raw value, over scored respondents.
    pub fn item(&self, i: usize) -> &[u64] {
        &self.items[i]
    }

    /// Covariance of dimension `d`'s keyed items over the scored respondents who answered them all.
    pub fn covariance(&self, d: usize) -> Covariance {
        self.complete[d].covariance()
    }

    /// Promoters, passives and detractors.
    pub fn nps(&self) -> [u64; 3] {
        self.nps
    }

    /// Answers to the bipolar question by value.
    pub fn bipolar(&self) -> &[u64] {
        &self.bipolar
    }
}

/// No group: the row is not counted.
const NONE: u32 = u32::MAX;

/// Marks a blank (or off-scale) answer in a keying lookup.
const BLANK: u16 = u16::MAX;

/// Adds one to `counts[at]`. Callers only form indices inside `counts`; `get_mut` keeps the
/// bounds check inline in the size-optimised wasm build, where indexing is a call of its own.
fn bump(counts: &mut [u64], at: usize) {
    if let Some(n) = counts.get_mut(at) {
        *n += 1;
    }
}

/// Counts the rows of `table` (scored in `scores`) into `groups` groups: row `r` into group
/// `group_of[r]`, or nowhere when it is [`NONE`]. Column by column, each a tight loop.
fn tally(instrument: &Instrument, table: &ResponseTable, scores: &RespondentScores, group_of: &[u32], groups: usize) -> Vec<GroupCounts> {
    let mut out: Vec<GroupCounts> = (0..groups).map(|_| GroupCounts::default()).collect();
    for &g in group_of.iter().filter(|&&g| g != NONE) {
        out[g as usize].people += 1;
    }
    let histograms = |values: &[f32]| -> Vec<ScoreHistogram> {
        let mut counts: Vec<KeyCounts> = vec![KeyCounts::default(); groups];
        let per_group = counts.as_mut_slice(); // indexing a slice is inline at opt-level "z", a Vec's is a call
        for (&g, &v) in group_of.iter().zip(values) {
            if g != NONE && !v.is_nan() {
                *per_group[g as usize].entry(key_of(v)).or_insert(0) += 1;
            }
        }
        counts.into_iter().map(ScoreHistogram::of_counts).collect()
    };
    out.iter_mut().zip(histograms(&scores.overall)).for_each(|(c, h)| c.overall = h);
    for dim in &scores.dims {
        out.iter_mut().zip(histograms(dim)).for_each(|(c, h)| c.dims.push(h));
    }
    // Item statistics and reliability count scored respondents only.
    let scored: Vec<u32> = group_of.iter().zip(&scores.overall).map(|(&g, v)| if v.is_nan() { NONE } else { g }).collect();
    let items = keyed_items(instrument, table);
    let width = usize::from(instrument.scale.max) + 1;
    for k in &items {
        let mut flat = vec![0u64; groups * width];
        for (&g, &v) in scored.iter().zip(k.values) {
            if g != NONE && v != MISSING && usize::from(v) < width {
                bump(&mut flat, g as usize * width + usize::from(v));
            }
        }
        out.iter_mut().zip(flat.chunks(width)).for_each(|(c, counts)| c.items.push(counts.to_vec()));
    }
    for d in 0..instrument.dimensions.len() {
        let in_dim: Vec<&KeyedItem> = items.iter().filter(|k| k.item.dimension == d).collect();
        for (c, cases) in out.iter_mut().zip(complete_cases(&instrument.scale, &in_dim, &scored, groups)) {
            c.complete.push(cases);
        }
    }
    if let Some((_, values)) = column_of(instrument, table, is_recommend) {
        for (&g, &v) in group_of.iter().zip(values) {
            if g != NONE && v != MISSING {
                out[g as usize].nps[match v {
                    9..=10 => 0,
                    7..=8 => 1,
                    _ => 2,
                }] += 1;
            }
        }
    }
    if let Some((_, values)) = column_of(instrument, table, is_bipolar) {
        let mut flat = vec![0u64; groups * 256];
        for (&g, &v) in group_of.iter().zip(values) {
            if g != NONE && v != MISSING {
                bump(&mut flat, g as usize * 256 + usize::from(v));
            }
        }
        for (c, counts) in out.iter_mut().zip(flat.chunks(256)) {
            let used = counts.iter().rposition(|&n| n > 0).map_or(0, |last| last + 1);
            c.bipolar = counts[..used].to_vec();
        }
    }
    out
}

/// Most entries of the per-group joint tables [`complete_cases`] counts into (32 MB); beyond,
/// it adds each row's products directly.
const MAX_JOINT: usize = 1 << 22;

/// Each group's complete cases of the keyed answers to `items` (one dimension's), over the rows
/// with a group in `scored`: the joint counts of the answers per group (one increment a row),
/// then the sums from those counts; row by row when the joint tables would be too large.
fn complete_cases(scale: &Scale, items: &[&KeyedItem<'_>], scored: &[u32], groups: usize) -> Vec<CompleteCases> {
    let k = items.len();
    let base = usize::from(scale.max.saturating_sub(scale.min)) + 1;
    let luts: Vec<[u16; 256]> = items
        .iter()
        .map(|item| {
            let mut lut = [BLANK; 256];
            for v in scale.min..=scale.max {
                lut[usize::from(v)] = u16::from(if item.item.reverse { scale.reverse(v) } else { v } - scale.min);
            }
            lut
        })
        .collect();
    let codes = (0..k).try_fold(1usize, |acc, _| acc.checked_mul(base)).filter(|&c| c.saturating_mul(groups.max(1)) <= MAX_JOINT);
    let mut out: Vec<CompleteCases> = (0..groups).map(|_| CompleteCases { n: 0, sums: vec![0; k], cross: vec![0; k * k] }).collect();
    let mut joint = vec![0u64; codes.unwrap_or(1) * groups];
    let mut row = vec![0u64; k];
    // Index loops over slices: at opt-level "z" zipping the three per row is calls per row.
    let (luts, slots) = (luts.as_slice(), row.as_mut_slice());
    'rows: for (r, &g) in scored.iter().enumerate() {
        if g == NONE {
            continue;
        }
        let mut code = 0usize;
        for i in 0..k {
            let digit = luts[i][usize::from(items[i].values[r])];
            if digit == BLANK {
                continue 'rows;
            }
            slots[i] = u64::from(digit);
            code = code * base + usize::from(digit);
        }
        match codes {
            Some(codes) => bump(&mut joint, g as usize * codes + code),
            None => out[g as usize].add(slots, 1),
        }
    }
    if let Some(codes) = codes {
        for (cases, table) in out.iter_mut().zip(joint.chunks(codes)) {
            for (code, &count) in table.iter().enumerate().filter(|&(_, &c)| c > 0) {
                let mut rest = code;
                for slot in row.iter_mut().rev() {
                    *slot = (rest % base) as u64;
                    rest /= base;
                }
                cases.add(&row, count);
            }
        }
    }
    // The digits are answers minus the scale minimum: shift the sums back to the answers.
    out.iter_mut().for_each(|c| c.shift(u64::from(scale.min)));
    out
}

/// The answer column of the first question of `instrument` that `pick` accepts and `table` has.
pub(crate) fn column_of<'a>(
    instrument: &'a Instrument,
    table: &'a ResponseTable,
    pick: fn(&Question) -> bool,
) -> Option<(&'a Question, &'a [u8])> {
    instrument.questions().filter(|q| pick(q)).find_map(|q| Some((q, table.answer(q.id())?.values.as_slice())))
}

/// True for a question whose statistics come from [`GroupCounts`] (Likert items, the recommend
/// and the bipolar question); a report reads every other question's answers row by row.
pub fn is_counted(q: &Question) -> bool {
    matches!(q, Question::Likert { .. }) || is_recommend(q) || is_bipolar(q)
}

/// True for the 0–10 recommend question.
pub(crate) fn is_recommend(q: &Question) -> bool {
    matches!(q, Question::Recommend { .. })
}

/// True for the bipolar question.
pub(crate) fn is_bipolar(q: &Question) -> bool {
    matches!(q, Question::Bipolar { .. })
}

/// The position of a segment code among a column's values: the code itself for a label,
/// `labels` for a blank, `labels + 1` for anything else.
fn slot(code: u32, labels: usize) -> u32 {
    match code {
        NO_SEGMENT => labels as u32,
        c if (c as usize) < labels => c,
        _ => labels as u32 + 1,
    }
}

/// A respondent's scores and the counts of every cell of one table, built once; any group of
/// cells is then counted by merging, and the disclosure policy decides from the cells'
/// [`Contributors`].
pub struct Counted {
    /// Every respondent's scores while something reads them row by row (a driver analysis, or
    /// groups counted from their rows); else the scores of no respondent, released after counting.
    scores: RespondentScores,
    /// How many respondents stand behind each statistic in each cell (kept at any cell count).
    contributors: Contributors,
    /// Each cell's [`slot`] in every segment column.
    cells: Vec<Vec<u32>>,
    /// The cell of each row.
    of_row: Vec<u32>,
    /// The counts of each cell; `None` when there are too many cells ([`cell_limit`]).
    counts: Option<Vec<GroupCounts>>,
    /// Number of labels of each segment column.
    labels: Vec<usize>,
    /// True when `of_row` and `scores` are the rows of a table; false for counts merged from
    /// the pieces of a file read piece by piece ([`super::pieces`]), which keep no row.
    rows_kept: bool,
}

/// A condition on a group's rows: segment column `column` holds `code` (`NO_SEGMENT` = blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Literal {
    /// Index into the table's segment columns.
    pub column: usize,
    /// The code (a label index, or `NO_SEGMENT`), compared exactly, as a filter does.
    pub code: u32,
}

impl Counted {
    /// Scores every respondent of `table` and counts every cell (statistics and contributors),
    /// in one pass over the rows.
    pub fn new(instrument: &Instrument, table: &ResponseTable) -> Counted {
        Counted::with_cell_limit(instrument, table, cell_limit(table.rows))
    }

    /// [`Counted::new`] keeping the counts of each cell only when there are at most `limit`
    /// cells; beyond, each group is counted from its rows (the same counts, more time, less memory).
    pub fn with_cell_limit(instrument: &Instrument, table: &ResponseTable, limit: usize) -> Counted {
        let labels: Vec<usize> = table.segments.iter().map(|s| s.labels.len()).collect();
        let (cells, of_row) = cells_of(table, &labels);
        if cells.len() <= limit && drivers::outcomes(instrument, table).is_empty() {
            // Nothing reads the scores after counting: never hold every row's scores at once.
            let (counts, contributors) = count_in_blocks(instrument, table, &of_row, cells.len(), BLOCK_ROWS);
            let scores = RespondentScores { dims: vec![Vec::new(); instrument.dimensions.len()], overall: Vec::new() };
            return Counted { scores, contributors, cells, of_row, counts: Some(counts), labels, rows_kept: true };
        }
        let items = keyed_items(instrument, table);
        let scores = respondent_scores(instrument, table.rows, &items);
        let counts = (cells.len() <= limit).then(|| tally(instrument, table, &scores, &of_row, cells.len()));
        let contributors = Contributors::count(instrument, table, &items, &scores, &of_row, cells.len());
        Counted { scores, contributors, cells, of_row, counts, labels, rows_kept: true }
    }

    /// The counts of cells counted elsewhere (pieces of one file, [`super::pieces`]): each cell's
    /// [`slot`]s given as codes (label index or `NO_SEGMENT`) of a table with `labels` labels per
    /// segment column, with each cell's counts and contributors, for `instrument`. No row is
    /// kept: groups are always merged from cells, and nothing reads scores row by row.
    pub(super) fn of_cells(
        instrument: &Instrument,
        codes: &[Vec<u32>],
        counts: Vec<GroupCounts>,
        contributors: Contributors,
        labels: Vec<usize>,
    ) -> Counted {
        let cells = codes.iter().map(|cell| cell.iter().zip(&labels).map(|(&code, &l)| slot(code, l)).collect()).collect();
        let scores = RespondentScores { dims: vec![Vec::new(); instrument.dimensions.len()], overall: Vec::new() };
        Counted { scores, contributors, cells, of_row: Vec::new(), counts: Some(counts), labels, rows_kept: false }
    }

    /// The counts of each cell, when kept ([`Counted::cells_kept`]).
    pub(super) fn cell_counts(&self) -> Option<&[GroupCounts]> {
        self.counts.as_deref()
    }

    /// Every respondent's scores, when kept: `None` when no statistic reads them row by row
    /// (no driver analysis, and every cell's counts kept).
    pub fn scores(&self) -> Option<&RespondentScores> {
        (self.rows_kept && self.scores.overall.len() == self.of_row.len()).then_some(&self.scores)
    }

    /// How many respondents stand behind each statistic, per cell.
    pub fn contributors(&self) -> &Contributors {
        &self.contributors
    }

    /// The counts of the rows meeting every literal of `filter` and, when given, whose
    /// `group.0` column falls in breakdown group `group.1` (a label index; `labels` = blank).
    /// `instrument` and `table` must be the ones these counts were built from.
    pub fn counts(&self, instrument: &Instrument, table: &ResponseTable, filter: &[Literal], group: Option<(usize, u32)>) -> GroupCounts {
        let chosen: Vec<bool> =
            self.meeting(filter).enumerate().map(|(c, m)| m && group.map_or(true, |(col, g)| self.group_of(c, col) == g)).collect();
        if let Some(counts) = &self.counts {
            let mut out = GroupCounts::default();
            counts.iter().zip(&chosen).filter(|(_, &c)| c).for_each(|(c, _)| out.merge(c));
            if out.dims.len() == instrument.dimensions.len() {
                return out;
            }
            // No cell: the empty group still has its per-dimension and per-item shape.
            return tally(instrument, table, &self.scores, &[], 1).remove(0);
        }
        let group_of: Vec<u32> = self.of_row.iter().map(|&c| if chosen[c as usize] { 0 } else { NONE }).collect();
        tally(instrument, table, &self.scores, &group_of, 1).remove(0)
    }
}

impl Counted {
    /// The cell of each row of the table.
    pub fn cell_of_rows(&self) -> &[u32] {
        &self.of_row
    }

    /// True when each cell's counts are kept (few enough cells); else groups are counted from rows.
    pub fn cells_kept(&self) -> bool {
        self.counts.is_some()
    }

    /// Number of cells.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// For each cell, whether its rows meet every literal of `filter`.
    pub fn meeting<'a>(&'a self, filter: &'a [Literal]) -> impl Iterator<Item = bool> + 'a {
        self.cells.iter().map(move |cell| filter.iter().all(|l| cell[l.column] == slot(l.code, self.labels[l.column])))
    }

    /// The segment code of cell `cell` in segment column `column`: its label index, or
    /// `NO_SEGMENT` for a blank (any other code, which ingest never writes, reads as the number
    /// of labels: one value for all of them).
    pub fn cell_code(&self, cell: usize, column: usize) -> u32 {
        let labels = self.labels[column];
        match self.cells[cell][column] {
            s if (s as usize) < labels => s,
            s if s as usize == labels => NO_SEGMENT,
            _ => labels as u32,
        }
    }

    /// The breakdown group of cell `cell` in segment column `column`: its label index, or the
    /// number of labels for a blank (or any other code), as a breakdown groups rows.
    pub fn group_of(&self, cell: usize, column: usize) -> u32 {
        self.cells[cell][column].min(self.labels[column] as u32)
    }
}

/// Rows scored and counted at a time by [`count_in_blocks`]: their scores take 4 bytes a row
/// per dimension and overall (1.8 MB for 7 scores), instead of 28 MB for a million rows.
const BLOCK_ROWS: usize = 1 << 16;

/// Each cell's counts and contributors (row `r` of `table` in cell `of_row[r]`), scoring and
/// counting `block` rows at a time and adding the blocks up: the same counts as one pass over
/// every row's scores (they are integers and exact histograms), without holding those scores.
fn count_in_blocks(
    instrument: &Instrument,
    table: &ResponseTable,
    of_row: &[u32],
    cells: usize,
    block: usize,
) -> (Vec<GroupCounts>, Contributors) {
    let every_cell: Vec<u32> = (0..cells as u32).collect();
    let mut counted: Option<(Vec<GroupCounts>, Contributors)> = None;
    let mut from = 0usize;
    loop {
        let to = table.rows.min(from.saturating_add(block));
        let part = (from > 0 || to < table.rows).then(|| rows_between(table, from, to));
        let rows = part.as_ref().unwrap_or(table);
        let items = keyed_items(instrument, rows);
        let scores = respondent_scores(instrument, rows.rows, &items);
        let counts = tally(instrument, rows, &scores, &of_row[from..to], cells);
        let contributors = Contributors::count(instrument, rows, &items, &scores, &of_row[from..to], cells);
        match &mut counted {
            None => counted = Some((counts, contributors)),
            Some((all, all_contributors)) => {
                all.iter_mut().zip(&counts).for_each(|(a, c)| a.merge(c));
                all_contributors.merge(contributors, &every_cell);
            }
        }
        if to >= table.rows {
            return counted.expect("one block at least");
        }
        from = to;
    }
}

/// Rows `from..to` of `table`, as [`count_in_blocks`] reads them: the answer columns, and the
/// rows of the sparse columns (renumbered from `from`) without what they hold, since only who
/// answered is counted there; no segment columns (the cell of each row is given).
fn rows_between(table: &ResponseTable, from: usize, to: usize) -> ResponseTable {
    use crate::ingest::{AnswerColumn, RankingColumn, TextColumn};
    /// The entries of rows `from..to`, renumbered, each with an empty value.
    fn rows_in<T: Default>(entries: &[(u32, T)], from: usize, to: usize) -> Vec<(u32, T)> {
        entries.iter().filter(|e| (from..to).contains(&(e.0 as usize))).map(|e| (e.0 - from as u32, T::default())).collect()
    }
    let lists = |columns: &[RankingColumn]| -> Vec<RankingColumn> {
        columns.iter().map(|c| RankingColumn { id: c.id.clone(), entries: rows_in(&c.entries, from, to) }).collect()
    };
    ResponseTable {
        rows: to - from,
        answers: table
            .answers
            .iter()
            .map(|c| AnswerColumn { id: c.id.clone(), values: c.values[from.min(c.values.len())..to.min(c.values.len())].to_vec() })
            .collect(),
        segments: Vec::new(),
        texts: table.texts.iter().map(|c| TextColumn { id: c.id.clone(), entries: rows_in(&c.entries, from, to) }).collect(),
        rankings: lists(&table.rankings),
        selections: lists(&table.selections),
    }
}

/// The cells of `table` (each as its [`slot`]s) and the cell of each row, in one pass.
fn cells_of(table: &ResponseTable, labels: &[usize]) -> (Vec<Vec<u32>>, Vec<u32>) {
    let radix: Vec<u64> = labels.iter().map(|&l| l as u64 + 2).collect();
    let mut cells: Vec<Vec<u32>> = Vec::new();
    let mut index: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut dense: Vec<u32> = match radix.iter().try_fold(1u64, |a, &r| a.checked_mul(r).filter(|&p| p <= 1 << 16)) {
        Some(size) => vec![u32::MAX; size as usize],
        None => Vec::new(),
    };
    let mut key = vec![0u32; labels.len()];
    let mut of_row = vec![0u32; table.rows];
    // Index loops over slices: at opt-level "z" zipped iterators are calls per row.
    let (segments, key, radix, out) = (table.segments.as_slice(), key.as_mut_slice(), radix.as_slice(), of_row.as_mut_slice());
    #[allow(clippy::needless_range_loop)] // an enumerated iterator is calls per row at "z" too
    for r in 0..out.len() {
        let mut code = 0u64;
        for i in 0..key.len().min(segments.len()) {
            key[i] = slot(segments[i].codes.get(r).unwrap_or(NO_SEGMENT), labels[i]);
            code = code * radix[i] + u64::from(key[i]);
        }
        let mut new_cell = || {
            cells.push(key.to_vec());
            cells.len() as u32 - 1
        };
        out[r] = match dense.get_mut(code as usize) {
            Some(c) if *c != u32::MAX => *c,
            Some(c) => {
                *c = new_cell();
                *c
            }
            None => match index.get(&*key) {
                Some(&c) => c,
                None => {
                    let c = new_cell();
                    index.insert(key.to_vec(), c);
                    c
                }
            },
        };
    }
    (cells, of_row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::LikertItem;

    /// Counting in blocks of rows gives each cell the same counts and contributors as one pass
    /// over every row's scores (blocks of 1, 97 and more rows than the table has).
    #[test]
    fn blocks_count_as_one_pass() {
        let instrument = Instrument::default_instrument();
        let table = crate::synth::dashboard_sample(&instrument, 1500, 7).unwrap();
        assert!(table.texts.iter().any(|t| !t.entries.is_empty()), "the sample has comments");
        assert!(table.rankings.iter().chain(&table.selections).any(|c| !c.entries.is_empty()), "and rankings or selections");
        let labels: Vec<usize> = table.segments.iter().map(|s| s.labels.len()).collect();
        let (cells, of_row) = cells_of(&table, &labels);
        let items = keyed_items(&instrument, &table);
        let scores = respondent_scores(&instrument, table.rows, &items);
        let want_counts = tally(&instrument, &table, &scores, &of_row, cells.len());
        let want_contributors = Contributors::count(&instrument, &table, &items, &scores, &of_row, cells.len());
        for block in [1, 97, 1500, 4096] {
            let (counts, contributors) = count_in_blocks(&instrument, &table, &of_row, cells.len(), block);
            assert_eq!(counts, want_counts, "block {block}");
            assert_eq!(contributors, want_contributors, "block {block}");
        }
        let empty = ResponseTable::for_instrument(&instrument);
        let (counts, _) = count_in_blocks(&instrument, &empty, &[], 0, 97);
        assert!(counts.is_empty());
        // Without the driver outcomes' columns `Counted` counts in blocks and keeps no scores.
        let mut table = table;
        let outcomes: Vec<String> = drivers::outcomes(&instrument, &table).iter().map(|(_, q, _)| q.id().to_string()).collect();
        table.answers.retain(|c| !outcomes.contains(&c.id));
        let counted = Counted::new(&instrument, &table);
        assert!(counted.scores().is_none());
        let scores = respondent_scores(&instrument, table.rows, &keyed_items(&instrument, &table));
        let items = keyed_items(&instrument, &table);
        assert_eq!(counted.counts, Some(tally(&instrument, &table, &scores, &of_row, cells.len())));
        assert_eq!(counted.contributors, Contributors::count(&instrument, &table, &items, &scores, &of_row, cells.len()));
    }

    /// Complete cases from joint tables and row by row (too many items for a joint table) equal
    /// adding the keyed rows one by one.
    #[test]
    fn complete_cases_equal_row_sums() {
        let scale = Scale { min: 1, max: 5, labels: vec![] };
        let rows = 997;
        let column = |seed: usize| -> Vec<u8> {
            (0..rows).map(|r| if (r * 7 + seed) % 13 == 0 { MISSING } else { 1 + ((r * 31 + seed * 17) % 5) as u8 }).collect()
        };
        let columns: Vec<Vec<u8>> = (0..11).map(column).collect();
        let items: Vec<KeyedItem> = columns
            .iter()
            .enumerate()
            .map(|(i, values)| KeyedItem { item: LikertItem { id: "q", text: "", dimension: 0, reverse: i % 3 == 1 }, values })
            .collect();
        let scored: Vec<u32> = (0..rows).map(|r| if r % 5 == 0 { NONE } else { (r % 3) as u32 }).collect();
        // 3 items: 125 codes a group (joint tables); 11 items: 5^11 codes (row by row).
        for k in [3, 11] {
            let refs: Vec<&KeyedItem> = items[..k].iter().collect();
            let got = complete_cases(&scale, &refs, &scored, 3);
            for (g, cases) in got.iter().enumerate() {
                let mut want = Covariance::new(k);
                for r in (0..rows).filter(|&r| scored[r] == g as u32) {
                    let keyed: Option<Vec<f64>> = refs.iter().map(|i| i.keyed(&scale, r).map(f64::from)).collect();
                    keyed.iter().for_each(|row| want.add(row));
                }
                let cov = cases.covariance();
                assert_eq!(cov.n(), want.n(), "k = {k}, group {g}");
                for (i, j) in [(0, 0), (0, 1), (1, 2), (2, 2), (0, k - 1)] {
                    assert_eq!(cov.cov(i, j).to_bits(), want.cov(i, j).to_bits(), "k = {k}, group {g}, ({i}, {j})");
                }
            }
        }
    }
}
