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

/// How many respondents have each score: `(key, count)` in ascending score order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreHistogram {
    entries: Vec<(u32, u64)>,
}

impl ScoreHistogram {
    /// The histogram of the scores with these [`key_of`] keys (reordered).
    fn of_keys(keys: &mut [u32]) -> ScoreHistogram {
        keys.sort_unstable();
        let mut entries: Vec<(u32, u64)> = Vec::new();
        for &k in keys.iter() {
            match entries.last_mut() {
                Some((last, c)) if *last == k => *c += 1,
                _ => entries.push((k, 1)),
            }
        }
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
    fn new(k: usize) -> CompleteCases {
        CompleteCases { n: 0, sums: vec![0; k], cross: vec![0; k * k] }
    }

    fn add(&mut self, row: &[u64]) {
        let k = row.len();
        self.n += 1;
        for i in 0..k {
            self.sums[i] += row[i];
            for j in i..k {
                self.cross[i * k + j] += row[i] * row[j];
            }
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

/// Counts one table's rows into [`GroupCounts`].
struct Tally<'a> {
    scale: &'a Scale,
    items: Vec<KeyedItem<'a>>,
    /// Indices into `items` of each dimension's items.
    in_dim: Vec<Vec<usize>>,
    scores: &'a RespondentScores,
    recommend: Option<&'a [u8]>,
    bipolar: Option<&'a [u8]>,
}

/// A group's counts while its rows are added: score keys wait to be sorted into histograms.
struct Pending {
    counts: GroupCounts,
    overall: Vec<u32>,
    dims: Vec<Vec<u32>>,
}

impl Pending {
    fn finish(mut self) -> GroupCounts {
        self.counts.overall = ScoreHistogram::of_keys(&mut self.overall);
        self.counts.dims = self.dims.iter_mut().map(|k| ScoreHistogram::of_keys(k)).collect();
        self.counts
    }
}

/// The answer column of the first question of `instrument` that `pick` accepts and `table` has.
pub(crate) fn column_of<'a>(instrument: &'a Instrument, table: &'a ResponseTable, pick: fn(&Question) -> bool) -> Option<(&'a Question, &'a [u8])> {
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

impl<'a> Tally<'a> {
    fn new(instrument: &'a Instrument, table: &'a ResponseTable, scores: &'a RespondentScores) -> Tally<'a> {
        let items = keyed_items(instrument, table);
        let in_dim = (0..instrument.dimensions.len())
            .map(|d| items.iter().enumerate().filter(|(_, k)| k.item.dimension == d).map(|(i, _)| i).collect())
            .collect();
        Tally {
            scale: &instrument.scale,
            items,
            in_dim,
            scores,
            recommend: column_of(instrument, table, is_recommend).map(|(_, v)| v),
            bipolar: column_of(instrument, table, is_bipolar).map(|(_, v)| v),
        }
    }

    fn pending(&self) -> Pending {
        let span = usize::from(self.scale.max.saturating_sub(self.scale.min)) + 1;
        let counts = GroupCounts {
            items: vec![vec![0; usize::from(self.scale.min) + span]; self.items.len()],
            complete: self.in_dim.iter().map(|d| CompleteCases::new(d.len())).collect(),
            ..GroupCounts::default()
        };
        Pending { counts, overall: Vec::new(), dims: vec![Vec::new(); self.in_dim.len()] }
    }

    /// Adds row `r` to `p`; `keyed` is scratch space.
    fn add(&self, p: &mut Pending, r: usize, keyed: &mut Vec<u64>) {
        let c = &mut p.counts;
        c.people += 1;
        let overall = self.scores.overall[r];
        if !overall.is_nan() {
            p.overall.push(key_of(overall));
            for (keys, dim) in p.dims.iter_mut().zip(&self.scores.dims) {
                if !dim[r].is_nan() {
                    keys.push(key_of(dim[r]));
                }
            }
            self.add_answers(c, r, keyed);
        }
        if let Some(values) = self.recommend {
            match values[r] {
                MISSING => {}
                9..=10 => c.nps[0] += 1,
                7..=8 => c.nps[1] += 1,
                _ => c.nps[2] += 1,
            }
        }
        if let Some(values) = self.bipolar {
            let v = values[r];
            if v != MISSING {
                let v = usize::from(v);
                if c.bipolar.len() <= v {
                    c.bipolar.resize(v + 1, 0);
                }
                c.bipolar[v] += 1;
            }
        }
    }

    /// Adds a scored respondent's item answers and complete cases.
    fn add_answers(&self, c: &mut GroupCounts, r: usize, keyed: &mut Vec<u64>) {
        for (counts, k) in c.items.iter_mut().zip(&self.items) {
            let v = usize::from(k.values[r]);
            if v != usize::from(MISSING) {
                if counts.len() <= v {
                    counts.resize(v + 1, 0);
                }
                counts[v] += 1;
            }
        }
        for (cases, in_dim) in c.complete.iter_mut().zip(&self.in_dim) {
            keyed.clear();
            keyed.extend(in_dim.iter().map_while(|&i| self.items[i].keyed(self.scale, r).map(u64::from)));
            if keyed.len() == in_dim.len() {
                cases.add(keyed);
            }
        }
    }
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
/// cells is then counted by merging.
pub struct Counted {
    scores: RespondentScores,
    /// Each cell's [`slot`] in every segment column.
    cells: Vec<Vec<u32>>,
    /// The cell of each row.
    of_row: Vec<u32>,
    /// The counts of each cell; `None` when there are too many cells ([`cell_limit`]).
    counts: Option<Vec<GroupCounts>>,
    /// Number of labels of each segment column.
    labels: Vec<usize>,
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
    /// Scores every respondent of `table` and counts every cell, in one pass over the rows.
    pub fn new(instrument: &Instrument, table: &ResponseTable) -> Counted {
        Counted::with_cell_limit(instrument, table, cell_limit(table.rows))
    }

    /// [`Counted::new`] keeping the counts of each cell only when there are at most `limit`
    /// cells; beyond, each group is counted from its rows (the same counts, more time, less memory).
    pub fn with_cell_limit(instrument: &Instrument, table: &ResponseTable, limit: usize) -> Counted {
        let items = keyed_items(instrument, table);
        let scores = respondent_scores(instrument, table.rows, &items);
        let labels: Vec<usize> = table.segments.iter().map(|s| s.labels.len()).collect();
        let (cells, of_row) = cells_of(table, &labels);
        let mut counted = Counted { scores, cells, of_row, counts: None, labels };
        if counted.cells.len() <= limit {
            let tally = Tally::new(instrument, table, &counted.scores);
            let mut pending: Vec<Pending> = (0..counted.cells.len()).map(|_| tally.pending()).collect();
            let mut keyed = Vec::new();
            for (r, &cell) in counted.of_row.iter().enumerate() {
                tally.add(&mut pending[cell as usize], r, &mut keyed);
            }
            counted.counts = Some(pending.into_iter().map(Pending::finish).collect());
        }
        counted
    }

    /// Every respondent's scores.
    pub fn scores(&self) -> &RespondentScores {
        &self.scores
    }

    /// The counts of the rows meeting every literal of `filter` and, when given, whose
    /// `group.0` column falls in breakdown group `group.1` (a label index; `labels` = blank).
    /// `instrument` and `table` must be the ones these counts were built from.
    pub fn counts(&self, instrument: &Instrument, table: &ResponseTable, filter: &[Literal], group: Option<(usize, u32)>) -> GroupCounts {
        let keep = |cell: &[u32]| {
            filter.iter().all(|l| cell[l.column] == slot(l.code, self.labels[l.column]))
                && group.map_or(true, |(col, g)| cell[col].min(self.labels[col] as u32) == g)
        };
        let chosen: Vec<bool> = self.cells.iter().map(|c| keep(c)).collect();
        if let Some(counts) = &self.counts {
            let mut out = GroupCounts::default();
            counts.iter().zip(&chosen).filter(|(_, &c)| c).for_each(|(c, _)| out.merge(c));
            if out.dims.is_empty() {
                // No cell: the empty group still has its per-dimension and per-item shape.
                out = Tally::new(instrument, table, &self.scores).pending().finish();
            }
            return out;
        }
        let tally = Tally::new(instrument, table, &self.scores);
        let mut pending = tally.pending();
        let mut keyed = Vec::new();
        for (r, &cell) in self.of_row.iter().enumerate() {
            if chosen[cell as usize] {
                tally.add(&mut pending, r, &mut keyed);
            }
        }
        pending.finish()
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
    let of_row = (0..table.rows)
        .map(|r| {
            let mut code = 0u64;
            for ((k, s), (&l, &radix)) in key.iter_mut().zip(&table.segments).zip(labels.iter().zip(&radix)) {
                *k = slot(s.codes.get(r).copied().unwrap_or(NO_SEGMENT), l);
                code = code * radix + u64::from(*k);
            }
            let mut new_cell = || {
                cells.push(key.clone());
                cells.len() as u32 - 1
            };
            match dense.get_mut(code as usize) {
                Some(c) if *c != u32::MAX => *c,
                Some(c) => {
                    *c = new_cell();
                    *c
                }
                None => *index.entry(key.clone()).or_insert_with(new_cell),
            }
        })
        .collect();
    (cells, of_row)
}
