//! Contributors per cell: how many respondents stand behind each statistic in every cell of a
//! table (one combination of values of all its segment columns, as [`super::counts::Counted`]
//! forms them), counted in the same load as the cells' statistics.
//!
//! The disclosure policy ([`crate::privacy::disclosure::Policy`]) decides from these counts
//! alone: the contributors of a population are the sum over its cells, and the counts of two
//! tables (shards of one file) [merge](Contributors::merge) by adding cell to cell, so the
//! policy of the whole needs no row of either.

use crate::ingest::{ResponseTable, MISSING};
use crate::instrument::{Instrument, Question};

use super::counts::{column_of, is_bipolar, is_recommend};
use super::drivers;
use super::respondent::{KeyedItem, RespondentScores};

/// A count for every cell, indexed by cell.
pub type PerCell = Vec<u32>;

/// The contributors of one dimension's item statistics (its favourable split and its items).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemContributors {
    /// Scored respondents who answered at least one item of the dimension.
    pub any: PerCell,
    /// Per item of the dimension ([`super::respondent::keyed_items`] order): scored respondents
    /// who answered it.
    pub each: Vec<PerCell>,
    /// Scored respondents who skipped at least one item of the dimension.
    pub skipped: PerCell,
}

/// How many respondents stand behind each statistic, per cell; every field has one entry a cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contributors {
    /// Rows (people), scored or not.
    pub people: PerCell,
    /// Respondents with an overall score (the scored respondents).
    pub scored: PerCell,
    /// Per dimension: respondents with a score in it.
    pub dimensions: Vec<PerCell>,
    /// Per dimension: the contributors of its item statistics.
    pub items: Vec<ItemContributors>,
    /// Respondents who answered the recommend question; `None` when the table has no such column.
    pub recommend: Option<PerCell>,
    /// Respondents who answered the bipolar question; `None` when the table has no such column.
    pub bipolar: Option<PerCell>,
    /// Per ranking column of the table: respondents who ranked anything.
    pub rankings: Vec<PerCell>,
    /// Per multi-choice column of the table: respondents who chose anything.
    pub selections: Vec<PerCell>,
    /// Per randomized question of the instrument that the table has: respondents who answered it.
    pub randomized: Vec<PerCell>,
    /// Per driver outcome ([`drivers::outcomes`]): scored respondents who answered the outcome.
    pub drivers: Vec<PerCell>,
    /// Per text column of the table: respondents who wrote something.
    pub texts: Vec<PerCell>,
}

/// The rows counted into each of `cells` cells (row `r` into cell `of_row[r]`) where `counts` is
/// true. (`get_mut` keeps the bounds check inline in the size-optimised wasm build, where
/// indexing is a call of its own; [`Contributors::count`] checks every cell index first.)
fn per_cell(of_row: &[u32], cells: usize, counts: impl Iterator<Item = bool>) -> PerCell {
    let mut out = vec![0u32; cells];
    for (&c, yes) in of_row.iter().zip(counts) {
        if let Some(n) = out.get_mut(c as usize) {
            *n += u32::from(yes);
        }
    }
    out
}

/// The rows with at least one of `entries` (row indices), counted per cell.
fn rows_with(of_row: &[u32], cells: usize, entries: impl Iterator<Item = u32>) -> PerCell {
    let mut has = vec![false; of_row.len()];
    entries.for_each(|r| has[r as usize] = true);
    per_cell(of_row, cells, has.into_iter())
}

impl Contributors {
    /// Counts the contributors of `table` (its Likert items `items`, its respondents scored in
    /// `scores`) into `cells` cells: row `r` into cell `of_row[r]`. Column by column.
    pub(crate) fn count(
        instrument: &Instrument,
        table: &ResponseTable,
        items: &[KeyedItem<'_>],
        scores: &RespondentScores,
        of_row: &[u32],
        cells: usize,
    ) -> Contributors {
        // Every count below skips a cell index out of range instead of failing on it; a caller
        // that gave one would make them undercount, so that fails loudly here, once.
        assert!(of_row.iter().all(|&c| (c as usize) < cells), "a row's cell is not one of the {cells} cells counted");
        let scored: Vec<bool> = scores.overall.iter().map(|v| !v.is_nan()).collect();
        let has_score = |values: &[f32]| per_cell(of_row, cells, values.iter().map(|v| !v.is_nan()));
        let answered = |values: &[u8]| per_cell(of_row, cells, values.iter().map(|&v| v != MISSING));
        let dimensions = scores.dims.iter().map(|d| has_score(d)).collect();
        let items = (0..scores.dims.len())
            .map(|d| {
                let in_dim: Vec<&[u8]> = items.iter().filter(|i| i.item.dimension == d).map(|i| i.values).collect();
                item_contributors(&in_dim, &scored, of_row, cells)
            })
            .collect();
        let randomized = instrument.questions().filter(|q| matches!(q, Question::Randomized { .. }));
        let complete = |values: &[u8]| per_cell(of_row, cells, (0..of_row.len()).map(|r| drivers::complete(scores, values, r)));
        let entries = |rows: &mut dyn Iterator<Item = u32>| rows_with(of_row, cells, rows);
        Contributors {
            people: per_cell(of_row, cells, std::iter::repeat(true)),
            scored: per_cell(of_row, cells, scored.iter().copied()),
            dimensions,
            items,
            recommend: column_of(instrument, table, is_recommend).map(|(_, values)| answered(values)),
            bipolar: column_of(instrument, table, is_bipolar).map(|(_, values)| answered(values)),
            rankings: table.rankings.iter().map(|c| entries(&mut c.entries.iter().map(|(r, _)| *r))).collect(),
            selections: table.selections.iter().map(|c| entries(&mut c.entries.iter().map(|(r, _)| *r))).collect(),
            randomized: randomized.filter_map(|q| table.answer(q.id())).map(|c| answered(&c.values)).collect(),
            drivers: drivers::outcomes(instrument, table).into_iter().map(|(_, _, c)| complete(&c.values)).collect(),
            texts: table.texts.iter().map(|c| entries(&mut c.entries.iter().map(|(r, _)| *r))).collect(),
        }
    }

    /// Number of cells counted.
    pub fn cells(&self) -> usize {
        self.people.len()
    }

    /// Adds the counts of `other`, the contributors of other rows (a shard's) with the same
    /// columns: its cell `c` is this one's cell `cell_of[c]` (new cells grow every count).
    pub fn merge(&mut self, mut other: Contributors, cell_of: &[u32]) {
        let cells = cell_of.iter().map(|&c| c as usize + 1).max().unwrap_or(0).max(self.cells());
        for (into, from) in self.counts_mut().into_iter().zip(other.counts_mut()) {
            into.resize(cells, 0);
            for (&c, &n) in cell_of.iter().zip(from.iter()) {
                into[c as usize] += n;
            }
        }
    }

    /// Every per-cell count, in one fixed order.
    fn counts_mut(&mut self) -> Vec<&mut PerCell> {
        let mut out = vec![&mut self.people, &mut self.scored];
        out.extend(&mut self.dimensions);
        for i in &mut self.items {
            out.push(&mut i.any);
            out.extend(&mut i.each);
            out.push(&mut i.skipped);
        }
        out.extend(self.recommend.iter_mut().chain(&mut self.bipolar));
        let lists = [&mut self.rankings, &mut self.selections, &mut self.randomized, &mut self.drivers, &mut self.texts];
        out.extend(lists.into_iter().flatten());
        out
    }
}

/// The contributors of one dimension's items (answer columns `in_dim`), over the `scored` rows.
/// Plain index loops over slices: at opt-level "z" the iterator adapters and closures of a
/// zipped chain are calls per row.
fn item_contributors(in_dim: &[&[u8]], scored: &[bool], of_row: &[u32], cells: usize) -> ItemContributors {
    let rows = scored.len().min(of_row.len());
    let (scored, of_row) = (&scored[..rows], &of_row[..rows]);
    let mut answered = vec![0u16; rows];
    let answered = answered.as_mut_slice();
    let mut each = Vec::with_capacity(in_dim.len());
    for values in in_dim {
        let values = &values[..rows.min(values.len())];
        let mut counts = vec![0u32; cells];
        for r in 0..values.len() {
            let yes = scored[r] && values[r] != MISSING;
            if let Some(n) = counts.get_mut(of_row[r] as usize) {
                *n += u32::from(yes);
            }
            answered[r] += u16::from(yes);
        }
        each.push(counts);
    }
    let all = in_dim.len();
    let (mut any, mut skipped) = (vec![0u32; cells], vec![0u32; cells]);
    for r in 0..rows {
        let cell = of_row[r] as usize;
        let a = usize::from(answered[r]);
        if let (Some(any_here), Some(skipped_here)) = (any.get_mut(cell), skipped.get_mut(cell)) {
            *any_here += u32::from(scored[r] && a > 0);
            *skipped_here += u32::from(scored[r] && a < all);
        }
    }
    ItemContributors { any, each, skipped }
}
