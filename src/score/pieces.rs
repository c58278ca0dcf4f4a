//! Counts of a file read piece by piece: each piece (consecutive rows of one reader, so its
//! segment codes use the labels of the whole file) is counted into its cells, the cells are
//! merged into the whole file's cells, and the piece can be dropped. The result is the
//! [`Counted`] of the whole table with no row kept: the same cells in the same order (first
//! appearance), the same counts and contributors, so the same statistics and disclosure
//! decisions (docs/scoring.md, "Computing from counts").

use std::collections::HashMap;

use crate::ingest::ResponseTable;
use crate::instrument::{Instrument, Question};

use super::comments::{AnalyzedComments, CommentCells};
use super::contributors::Contributors;
use super::counts::{Counted, GroupCounts};
use super::drivers;

/// True when every statistic of a report of `instrument`'s responses comes from cell counts,
/// so the responses can be counted piece by piece: no ranking, multi-choice or randomized
/// question and no driver outcome (those read rows).
pub fn supported(instrument: &Instrument) -> bool {
    let by_rows = |q: &Question| matches!(q, Question::Ranking { .. } | Question::MultiChoice { .. } | Question::Randomized { .. });
    !instrument.questions().any(by_rows) && drivers::outcomes(instrument, &ResponseTable::for_instrument(instrument)).is_empty()
}

/// The cells of the pieces counted so far, merged.
#[derive(Default)]
pub struct PieceCounts {
    /// Each cell's segment codes (label index or `NO_SEGMENT`), in order of first appearance.
    codes: Vec<Vec<u32>>,
    /// The cell of each code list.
    index: HashMap<Vec<u32>, u32>,
    /// Each cell's counts.
    counts: Vec<GroupCounts>,
    /// Each cell's contributors; `None` before the first piece.
    contributors: Option<Contributors>,
    /// The comments per cell, when counted.
    comments: Option<CommentCells>,
}

impl PieceCounts {
    /// Counts of no piece yet; with `samples` sample candidates a cell for the comments, or no
    /// comments when `None`.
    pub fn new(samples: Option<usize>) -> PieceCounts {
        PieceCounts { comments: samples.map(CommentCells::pieces), ..PieceCounts::default() }
    }

    /// Counts `piece`, the rows after those of the pieces added before (read by the same reader),
    /// its comments analysed in `analyzed` (`None` without comments), and merges its cells.
    pub fn add(&mut self, instrument: &Instrument, piece: &ResponseTable, analyzed: Option<&AnalyzedComments>) {
        // Every cell's counts are kept: a piece's rows are gone once it is merged.
        let counted = Counted::with_cell_limit(instrument, piece, usize::MAX);
        let columns = piece.segments.len();
        let cell_of: Vec<u32> = (0..counted.cell_count())
            .map(|c| {
                let key: Vec<u32> = (0..columns).map(|column| counted.cell_code(c, column)).collect();
                match self.index.get(&key) {
                    Some(&cell) => cell,
                    None => {
                        self.codes.push(key.clone());
                        self.index.insert(key, self.codes.len() as u32 - 1);
                        self.codes.len() as u32 - 1
                    }
                }
            })
            .collect();
        self.counts.resize_with(self.codes.len(), GroupCounts::default);
        for (counts, &cell) in counted.cell_counts().unwrap_or_default().iter().zip(&cell_of) {
            self.counts[cell as usize].merge(counts);
        }
        match &mut self.contributors {
            Some(all) => all.merge(counted.contributors().clone(), &cell_of),
            // The first piece's cells are the first cells, in the same order.
            None => self.contributors = Some(counted.contributors().clone()),
        }
        if let (Some(cells), Some(analyzed)) = (&mut self.comments, analyzed) {
            cells.add_piece(piece, analyzed, &counted, &cell_of);
        }
    }

    /// The counts of the whole table, whose columns (with every label) `table` has: the
    /// [`Counted`] of all pieces' rows, and their comments per cell when counted.
    pub fn finish(self, instrument: &Instrument, table: &ResponseTable) -> (Counted, Option<CommentCells>) {
        let labels = table.segments.iter().map(|s| s.labels.len()).collect();
        let contributors = self.contributors.unwrap_or_else(|| Counted::new(instrument, table).contributors().clone());
        (Counted::of_cells(instrument, &self.codes, self.counts, contributors, labels), self.comments)
    }
}
