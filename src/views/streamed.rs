//! A report of everyone from a response file read piece by piece, never holding its table:
//! each piece of rows the reader has read is counted into its cells ([`PieceCounts`]) and
//! dropped. The report is the one [`super::score_with_comments`] gives of the whole table,
//! released through the same [`Policy`](crate::privacy::disclosure::Policy); what the reader
//! reports (rows, problems, errors) is that of the whole file. For instruments whose every
//! statistic comes from counts ([`supported`]).
//!
//! ```
//! use secpulse::ingest::{write_csv, IngestOptions};
//! use secpulse::instrument::Instrument;
//! use secpulse::synth::{generate, SynthOptions};
//! use secpulse::views::streamed::StreamedScore;
//! use secpulse::views::ScoreOptions;
//!
//! let json = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/instrument.json"));
//! let instrument = Instrument::from_json(json).unwrap();
//! assert!(secpulse::views::streamed::supported(&instrument));
//! let table = generate(&instrument, &SynthOptions { n: 300, seed: 1, ..SynthOptions::default() });
//! let mut csv = Vec::new();
//! write_csv(&instrument, &table, &mut csv).unwrap();
//! let mut read = StreamedScore::new(&instrument, &IngestOptions::default(), None, 50);
//! csv.chunks(1000).for_each(|piece| read.push(piece));
//! let report = read.finish().unwrap().report(&ScoreOptions::default()).unwrap();
//! assert_eq!(report.respondents, Some(300));
//! ```

use crate::ingest::{ChunkedReader, IngestError, IngestOptions, IngestSummary, Ingested, ResponseTable};
use crate::instrument::Instrument;
use crate::privacy::CommentOptions;
use crate::report::Report;
use crate::score::comments::{AnalyzedComments, CommentCells, LabelMemo};
use crate::score::counts::Counted;
use crate::score::pieces::PieceCounts;
use crate::score::{Comments, ScoreError};
use crate::text::Analyzer;

use super::{score_counted, ScoreOptions};

pub use crate::score::pieces::supported;

/// Rows a piece holds at least before it is counted and dropped (the CLI's): about 10 MB of
/// table, a tenth of a second of counting.
pub const PIECE_ROWS: usize = 100_000;

/// A response file being read and counted piece by piece.
pub struct StreamedScore {
    reader: ChunkedReader,
    pieces: Pieces,
    /// Rows a piece holds at least.
    piece_rows: usize,
}

impl StreamedScore {
    /// A reader of `instrument`'s responses read with `options`, reporting comments as
    /// `comments` says (none when `None`), counting pieces of at least `piece_rows` rows.
    pub fn new(instrument: &Instrument, options: &IngestOptions, comments: Option<&CommentOptions>, piece_rows: usize) -> StreamedScore {
        StreamedScore { reader: ChunkedReader::new(instrument, None, options), pieces: Pieces::new(instrument, comments), piece_rows }
    }

    /// Reads the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        self.push_with_progress(bytes, &mut |_, _| {});
    }

    /// [`StreamedScore::push`], calling `progress(bytes, rows)` as the reader does.
    pub fn push_with_progress(&mut self, bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) {
        self.reader.push_with_progress(bytes, progress);
        while let Some(piece) = self.reader.take_rows(self.piece_rows) {
            self.pieces.add(&piece);
        }
    }

    /// The counts, once every byte was pushed; or what is wrong in the file, as reading it
    /// whole says.
    pub fn finish(self) -> Result<Streamed, IngestError> {
        self.finish_with_progress(&mut |_, _| {})
    }

    /// [`StreamedScore::finish`], calling `progress(bytes, rows)` as the reader does.
    pub fn finish_with_progress(self, progress: &mut dyn FnMut(usize, usize)) -> Result<Streamed, IngestError> {
        let ingested = self.reader.finish_with_progress(progress)?;
        Ok(self.pieces.last(ingested))
    }
}

/// The pieces counted so far.
struct Pieces {
    instrument: Instrument,
    counts: PieceCounts,
    /// The comment options, the analyzer and the labels of texts seen, unless comments are skipped.
    comments: Option<(CommentOptions, Analyzer, LabelMemo)>,
}

impl Pieces {
    /// No piece yet of `instrument`'s responses, with comments as `comments` says.
    fn new(instrument: &Instrument, comments: Option<&CommentOptions>) -> Pieces {
        Pieces {
            instrument: instrument.clone(),
            counts: PieceCounts::new(comments.map(|c| c.samples)),
            comments: comments.map(|c| (c.clone(), Analyzer::new(), LabelMemo::default())),
        }
    }

    /// Counts one piece.
    fn add(&mut self, piece: &ResponseTable) {
        let analyzed = self.comments.as_mut().map(|(_, analyzer, memo)| AnalyzedComments::remembering(analyzer, piece, memo));
        self.counts.add(&self.instrument, piece, analyzed.as_ref());
    }

    /// Counts the rows `ingested` holds (the last piece, or the whole file) and finishes.
    fn last(mut self, ingested: Ingested) -> Streamed {
        let Ingested { mut table, summary } = ingested;
        self.add(&table.take_rows());
        let (counted, cells) = self.counts.finish(&self.instrument, &table);
        let comments = self.comments.map(|(options, ..)| options).zip(cells);
        Streamed { instrument: self.instrument, table, summary, counted, comments }
    }
}

/// A response file counted: its columns, what reading it reported, and its cells' counts.
pub struct Streamed {
    instrument: Instrument,
    /// The columns, with every label; no row.
    table: ResponseTable,
    summary: IngestSummary,
    counted: Counted,
    /// The comment options and the comments per cell, unless comments are skipped.
    comments: Option<(CommentOptions, CommentCells)>,
}

impl Streamed {
    /// The responses `ingested`, read whole, counted as one piece (with comments as
    /// `comments` says).
    pub fn of_ingested(instrument: &Instrument, ingested: Ingested, comments: Option<&CommentOptions>) -> Streamed {
        Pieces::new(instrument, comments).last(ingested)
    }

    /// The responses' columns, each segment column with all its labels (no rows).
    pub fn table(&self) -> &ResponseTable {
        &self.table
    }

    /// What reading the file reported.
    pub fn summary(&self) -> &IngestSummary {
        &self.summary
    }

    /// The released report of everyone, as [`super::score_with_comments`] gives it for the
    /// whole table.
    pub fn report(&self, options: &ScoreOptions) -> Result<Report, ScoreError> {
        let none = AnalyzedComments::default();
        let comments = self.comments.as_ref().map(|(options, cells)| (Comments::Cells(&none, cells), options));
        score_counted(&self.instrument, &self.table, &self.counted, options, comments)
    }
}
