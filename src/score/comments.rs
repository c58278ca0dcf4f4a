//! What people wrote, in the (raw) report: comment analyses counted per question and per
//! group, plus a sample shuffled by content for the comment browser. Nothing is hidden or
//! redacted here: [`crate::privacy::disclosure`] applies the comment threshold and redacts
//! the samples it releases.
//!
//! Comments are analysed once per table ([`AnalyzedComments::new`]); every report,
//! filter and breakdown then only counts labels.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use crate::ingest::{ResponseTable, TextColumn};
use crate::instrument::Instrument;
use crate::report::RedactionCounts;
use crate::report::{CommentGroup, CommentReport, CommentSample};
use crate::text::{Analyzer, CommentSummary, Sentiment, SentimentCounts, Stance, StanceCounts, Theme, ThemeCount};

use super::counts::{Counted, Literal};

/// The labels of one comment, compact enough to keep for millions of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentLabels {
    /// Overall tone.
    pub sentiment: Sentiment,
    /// Stance toward the security team.
    pub stance: Stance,
    /// Themes as bits, bit i = `Theme::ALL[i]`.
    pub themes: u16,
    /// [`content_hash`] of the text: the order of the samples, computed once.
    pub hash: u64,
}

impl CommentLabels {
    /// The themes, in guideline order.
    pub fn themes(self) -> impl Iterator<Item = Theme> {
        Theme::ALL.into_iter().enumerate().filter(move |(i, _)| self.themes & (1 << i) != 0).map(|(_, t)| t)
    }
}

/// The labels of comment texts seen before: the analysis depends on the text only.
#[derive(Debug, Default)]
pub struct LabelMemo {
    texts: std::collections::HashMap<Arc<str>, CommentLabels>,
}

impl LabelMemo {
    /// Most texts remembered.
    const TEXTS: usize = 1 << 16;
}

/// The labels of every comment of a table, parallel to `table.texts[i].entries`.
#[derive(Debug, Clone, Default)]
pub struct AnalyzedComments {
    columns: Vec<Vec<CommentLabels>>,
}

impl AnalyzedComments {
    /// Analyses every comment of `table`. The analysis depends on the text only, so a
    /// text seen before ("n/a", "None", a common complaint) reuses its labels; the memo
    /// holds at most [`LabelMemo::TEXTS`] texts, so memory stays bounded on all-unique comments.
    pub fn new(analyzer: &Analyzer, table: &ResponseTable) -> AnalyzedComments {
        AnalyzedComments::remembering(analyzer, table, &mut LabelMemo::default())
    }

    /// [`AnalyzedComments::new`] with the labels of texts seen before in `memo` (kept across the
    /// pieces of one file), to which the texts seen now are added while it has room.
    pub fn remembering(analyzer: &Analyzer, table: &ResponseTable, memo: &mut LabelMemo) -> AnalyzedComments {
        let label = |text: &str| {
            let a = analyzer.labels(text);
            let themes = a.themes.iter().filter_map(|t| Theme::ALL.iter().position(|x| x == t)).fold(0u16, |bits, i| bits | 1 << i);
            CommentLabels { sentiment: a.sentiment, stance: a.stance, themes, hash: content_hash(text) }
        };
        let columns = table
            .texts
            .iter()
            .map(|col| {
                col.entries
                    .iter()
                    .map(|(_, text)| match memo.texts.get(&**text) {
                        Some(&l) => l,
                        None => {
                            let l = label(text);
                            if memo.texts.len() < LabelMemo::TEXTS {
                                memo.texts.insert(text.clone(), l);
                            }
                            l
                        }
                    })
                    .collect()
            })
            .collect();
        AnalyzedComments { columns }
    }

    /// The labels of `filter::subset(table, keep)`: the comments of rows `keep` (ascending),
    /// in the same order, without analysing anything again.
    pub fn subset(&self, table: &ResponseTable, keep: &[u32]) -> AnalyzedComments {
        let mut kept = vec![false; table.rows];
        keep.iter().for_each(|&r| kept[r as usize] = true);
        let columns = table
            .texts
            .iter()
            .zip(&self.columns)
            .map(|(col, labels)| col.entries.iter().zip(labels).filter(|((row, _), _)| kept[*row as usize]).map(|(_, l)| *l).collect())
            .collect();
        AnalyzedComments { columns }
    }

    /// Appends the labels of `more` (the analysis of `more_table`) the way rows are appended
    /// to `table`: per text column of `table`, the comments of the column with the same id.
    pub fn append(&mut self, table: &ResponseTable, more_table: &ResponseTable, more: &AnalyzedComments) {
        for (col, labels) in table.texts.iter().zip(&mut self.columns) {
            if let Some(i) = more_table.texts.iter().position(|t| t.id == col.id) {
                labels.extend_from_slice(&more.columns[i]);
            }
        }
    }

    /// Number of analysed comments per text column.
    pub fn counts(&self) -> Vec<usize> {
        self.columns.iter().map(Vec::len).collect()
    }
}

/// The words behind each label of `text` (decision → words).
fn why(text: &str) -> BTreeMap<String, Vec<String>> {
    crate::text::analyze(text).evidence.into_iter().filter(|e| !e.words.is_empty()).map(|e| (e.decision, e.words)).collect()
}

/// Counts labels into a summary (themes by count, ties in guideline order).
fn summarize<'a>(labels: impl Iterator<Item = &'a CommentLabels>) -> CommentSummary {
    let mut s = CommentSummary::default();
    labels.for_each(|l| s.add(l.sentiment, l.stance, l.themes()));
    s.sorted()
}

/// A hasher for keys that are hashes already: their own value.
#[derive(Default)]
struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| h.rotate_left(8) ^ u64::from(b));
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// FNV-1a hash of a comment's text: an order that depends on the contents only.
fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// One entry per text question: summaries overall and per breakdown group, and samples.
/// `groups` maps each breakdown column to its groups' row lists (as in the segments).
pub(super) fn report(
    instrument: &Instrument,
    table: &ResponseTable,
    analyzed: &AnalyzedComments,
    breakdowns: &[super::Breakdown],
    samples: usize,
) -> Vec<CommentReport> {
    table
        .texts
        .iter()
        .zip(&analyzed.columns)
        .map(|(col, labels)| {
            let n = labels.len();
            // Row -> index of its comment, for per-group counting.
            let mut comment_of = vec![u32::MAX; table.rows];
            for (i, (row, _)) in col.entries.iter().enumerate() {
                comment_of[*row as usize] = i as u32;
            }
            let mut segments = BTreeMap::new();
            // Per breakdown: its column, groups and each comment's group (u32::MAX: none).
            let mut visible_value: Vec<(&super::Breakdown, Vec<u32>)> = Vec::new();
            for breakdown in breakdowns {
                let (column, groups) = breakdown;
                let in_group: Vec<Vec<usize>> = groups
                    .iter()
                    .map(|(_, rows)| rows.iter().map(|&r| comment_of[r as usize]).filter(|&c| c != u32::MAX).map(|c| c as usize).collect())
                    .collect();
                let mut group_of_comment = vec![u32::MAX; n];
                let shown = groups
                    .iter()
                    .zip(&in_group)
                    .enumerate()
                    .map(|(g, ((value, _), comments))| {
                        comments.iter().for_each(|&c| group_of_comment[c] = g as u32);
                        group(value, summarize(comments.iter().map(|&c| &labels[c])))
                    })
                    .collect();
                segments.insert(column.clone(), shown);
                visible_value.push((breakdown, group_of_comment));
            }
            // Shuffled by a hash of each comment's text, not by a fixed permutation of the
            // rows: a published seed would let a reader undo the shuffle and learn each
            // comment's row (often the order of submission). Each distinct text is shown once
            // (identical texts have the same hash; the first is kept). Keys are unique (the index
            // breaks ties), so selecting the first `samples` then sorting them gives the same
            // order as sorting everything.
            let mut seen = HashSet::with_capacity_and_hasher(labels.len(), BuildHasherDefault::<Hashed>::default());
            let mut order: Vec<(u64, usize)> = if samples == 0 {
                Vec::new()
            } else {
                labels.iter().enumerate().map(|(c, l)| (l.hash, c)).filter(|(h, _)| seen.insert(*h)).collect()
            };
            if order.len() > samples {
                order.select_nth_unstable(samples);
                order.truncate(samples);
            }
            order.sort_unstable();
            let samples = order
                .into_iter()
                .map(|(_, c)| c)
                .map(|c| {
                    let groups = visible_value
                        .iter()
                        .filter_map(|((column, groups), group_of)| Some((column.clone(), groups.get(group_of[c] as usize)?.0.clone())))
                        .collect();
                    sample(&col.entries[c].1, labels[c], groups)
                })
                .collect();
            question_report(instrument, &col.id, summarize(labels.iter()), segments, samples)
        })
        .collect()
}

/// The comments of one breakdown group, `value`, summarised.
fn group(value: &str, summary: CommentSummary) -> CommentGroup {
    CommentGroup { value: value.to_string(), n: Some(summary.n), n_label: summary.n.to_string(), suppressed: false, summary: Some(summary) }
}

/// A sample: the comment `text` with its labels `l` and its group in each breakdown.
fn sample(text: &str, l: CommentLabels, groups: BTreeMap<String, String>) -> CommentSample {
    CommentSample { why: why(text), text: text.to_string(), sentiment: l.sentiment, stance: l.stance, themes: l.themes().collect(), groups }
}

/// The raw report of text question `id`: the summary of its comments, per breakdown group, and samples.
fn question_report(
    instrument: &Instrument,
    id: &str,
    summary: CommentSummary,
    segments: BTreeMap<String, Vec<CommentGroup>>,
    samples: Vec<CommentSample>,
) -> CommentReport {
    CommentReport {
        id: id.to_string(),
        text: instrument.question(id).map_or_else(String::new, |q| q.text().to_string()),
        min_comments: 0,
        n: Some(summary.n),
        summary: Some(summary),
        segments,
        samples,
        redacted: RedactionCounts::default(),
    }
}

/// Label counts of a set of comments, that add up: the counts of a union of cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct LabelCounts {
    n: usize,
    /// Per [`Sentiment::ALL`] label.
    sentiment: [usize; 4],
    /// Per [`Stance::ALL`] label.
    stance: [usize; 3],
    /// Per [`Theme::ALL`] theme.
    themes: [usize; Theme::ALL.len()],
}

impl LabelCounts {
    /// Counts one comment.
    fn add(&mut self, l: &CommentLabels) {
        self.n += 1;
        self.sentiment[match l.sentiment {
            Sentiment::Negative => 0,
            Sentiment::Neutral => 1,
            Sentiment::Positive => 2,
            Sentiment::Mixed => 3,
        }] += 1;
        self.stance[match l.stance {
            Stance::Blocker => 0,
            Stance::Enabler => 1,
            Stance::None => 2,
        }] += 1;
        (0..Theme::ALL.len()).filter(|i| l.themes & (1 << i) != 0).for_each(|i| self.themes[i] += 1);
    }

    /// Adds the counts of `other`.
    fn merge(&mut self, other: &LabelCounts) {
        self.n += other.n;
        self.sentiment.iter_mut().zip(other.sentiment).for_each(|(a, b)| *a += b);
        self.stance.iter_mut().zip(other.stance).for_each(|(a, b)| *a += b);
        self.themes.iter_mut().zip(other.themes).for_each(|(a, b)| *a += b);
    }

    /// The summary [`summarize`] gives of the same comments.
    fn summary(&self) -> CommentSummary {
        let [negative, neutral, positive, mixed] = self.sentiment;
        let [blocker, enabler, none] = self.stance;
        CommentSummary {
            n: self.n,
            sentiment: SentimentCounts { negative, neutral, positive, mixed },
            stance: StanceCounts { blocker, enabler, none },
            themes: Theme::ALL
                .into_iter()
                .zip(self.themes)
                .filter(|&(_, count)| count > 0)
                .map(|(theme, count)| ThemeCount { theme, count })
                .collect(),
        }
        .sorted()
    }
}

/// One text column's comments per cell.
#[derive(Debug, Clone)]
struct ColumnCells {
    /// The label counts of each cell's comments.
    counts: Vec<LabelCounts>,
    /// Per cell: its first `samples` distinct content hashes, ascending, each with the cell's
    /// first comment of that hash (index into the column's entries). A view's samples are
    /// among its cells' candidates: a hash among a view's first `samples` has fewer than
    /// `samples` smaller ones in any of its cells.
    candidates: Vec<Vec<(u64, u32)>>,
    /// The candidates' comments, by index, when the table's rows are not kept (counted piece
    /// by piece, [`CommentCells::add_piece`]): text, labels and cell.
    sampled: HashMap<u32, (Arc<str>, CommentLabels, u32)>,
}

impl ColumnCells {
    /// Adds the comments `piece` of the next rows, whose first comment is this column's
    /// `offset`-th: piece cell `c` is cell `cell_of[c]`; `texts` and `labels` are the piece's
    /// comments, whose kept candidates are copied.
    fn add_piece(
        &mut self,
        piece: ColumnCells,
        offset: u32,
        cell_of: &[u32],
        (texts, labels): (&TextColumn, &[CommentLabels]),
        samples: usize,
    ) {
        let cells = cell_of.iter().map(|&c| c as usize + 1).max().unwrap_or(0).max(self.counts.len());
        self.counts.resize(cells, LabelCounts::default());
        self.candidates.resize(cells, Vec::new());
        for ((counts, list), &cell) in piece.counts.iter().zip(piece.candidates).zip(cell_of) {
            let cell = cell as usize;
            self.counts[cell].merge(counts);
            if list.is_empty() {
                continue;
            }
            let old = std::mem::take(&mut self.candidates[cell]);
            let mut merged: Vec<(u64, u32)> = old.iter().copied().chain(list.iter().map(|&(h, i)| (h, i + offset))).collect();
            merged.sort_unstable();
            merged.dedup_by_key(|e| e.0);
            merged.truncate(samples);
            for gone in old.iter().filter(|e| merged.binary_search(e).is_err()) {
                self.sampled.remove(&gone.1);
            }
            for &(_, i) in merged.iter().filter(|&&(_, i)| i >= offset) {
                let local = (i - offset) as usize;
                self.sampled.insert(i, (texts.entries[local].1.clone(), labels[local], cell as u32));
            }
            self.candidates[cell] = merged;
        }
    }

    /// The text, labels and cell of comment `i` of `col` (its labels `labels`).
    fn comment<'a>(&'a self, i: u32, col: &'a TextColumn, labels: &[CommentLabels], counted: &Counted) -> (&'a str, CommentLabels, usize) {
        match self.sampled.get(&i) {
            Some((text, l, cell)) => (text, *l, *cell as usize),
            None => {
                let (row, text) = &col.entries[i as usize];
                (text, labels[i as usize], counted.cell_of_rows()[*row as usize] as usize)
            }
        }
    }
}

/// The comments of a table per cell of its [`Counted`] (docs/scoring.md, "Computing from
/// counts"): each text column's label counts and sample candidates per cell, built once, so
/// that a view's comment report merges its cells instead of reading its comments.
#[derive(Debug, Clone)]
pub struct CommentCells {
    columns: Vec<ColumnCells>,
    /// How many samples a view gives.
    samples: usize,
}

impl CommentCells {
    /// The comments `analyzed` of `table` per cell of `counted` (built from `table`), with
    /// `samples` sample candidates a cell. `None` when the cells' counts are not kept (too many
    /// cells) or a row has two comments in one column: then views count their rows' comments.
    pub fn new(table: &ResponseTable, analyzed: &AnalyzedComments, counted: &Counted, samples: usize) -> Option<CommentCells> {
        if !counted.cells_kept() {
            return None;
        }
        CommentCells::of_rows(table, analyzed, counted, samples)
    }

    /// The comments of no row yet, to add pieces to ([`CommentCells::add_piece`]).
    pub(super) fn pieces(samples: usize) -> CommentCells {
        CommentCells { columns: Vec::new(), samples }
    }

    /// Adds the comments of `piece`, the rows after those added before (its comments analysed
    /// in `analyzed`, its cells in `counted`, whose cell `c` is cell `cell_of[c]` here): the
    /// same counts and candidates as if the rows had been counted together, with the
    /// candidates' comments kept, since the piece's rows are not.
    pub(super) fn add_piece(&mut self, piece: &ResponseTable, analyzed: &AnalyzedComments, counted: &Counted, cell_of: &[u32]) {
        let samples = self.samples;
        let Some(cells) = CommentCells::of_rows(piece, analyzed, counted, samples) else { return };
        if self.columns.is_empty() {
            self.columns =
                cells.columns.iter().map(|_| ColumnCells { counts: Vec::new(), candidates: Vec::new(), sampled: HashMap::new() }).collect();
        }
        for (((column, more), texts), labels) in self.columns.iter_mut().zip(cells.columns).zip(&piece.texts).zip(&analyzed.columns) {
            let offset = column.counts.iter().map(|c| c.n as u32).sum();
            column.add_piece(more, offset, cell_of, (texts, labels), samples);
        }
    }

    /// [`CommentCells::new`] for the cells of `counted`, whether their counts are kept or not.
    fn of_rows(table: &ResponseTable, analyzed: &AnalyzedComments, counted: &Counted, samples: usize) -> Option<CommentCells> {
        let of_row = counted.cell_of_rows();
        let cells = counted.cell_count();
        let columns = table
            .texts
            .iter()
            .zip(&analyzed.columns)
            .map(|(col, labels)| {
                if !col.entries.windows(2).all(|w| w[0].0 < w[1].0) {
                    return None;
                }
                let mut counts = vec![LabelCounts::default(); cells];
                let mut candidates: Vec<Vec<(u64, u32)>> = vec![Vec::new(); cells];
                // A cell's list is cut down whenever it grows to `full`, so that not every
                // comment's candidate is held at once.
                let full = (2 * samples).max(64);
                for (i, ((row, _), l)) in col.entries.iter().zip(labels).enumerate() {
                    let cell = of_row[*row as usize] as usize;
                    counts[cell].add(l);
                    if samples > 0 {
                        let list = &mut candidates[cell];
                        list.push((l.hash, i as u32));
                        if list.len() >= full {
                            keep_first_distinct(list, samples);
                        }
                    }
                }
                for list in &mut candidates {
                    keep_first_distinct(list, samples);
                    list.shrink_to_fit();
                }
                Some(ColumnCells { counts, candidates, sampled: HashMap::new() })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(CommentCells { columns, samples })
    }
}

/// Keeps the `samples` smallest distinct hashes of `list` ((hash, comment) pairs), each with its
/// first comment, in order. Cutting a list down this way, again after more pairs are added, keeps
/// the same pairs as cutting it once at the end: a pair dropped is either behind `samples`
/// smaller hashes or behind an earlier comment with its hash, and both stay.
fn keep_first_distinct(list: &mut Vec<(u64, u32)>, samples: usize) {
    list.sort_unstable();
    list.dedup_by_key(|e| e.0);
    list.truncate(samples);
}

/// A breakdown by cells: its column's name and index, and its groups' values and codes
/// ([`Counted::group_of`]).
pub(super) type CellBreakdown = (String, usize, Vec<(String, u32)>);

/// [`report`] of the rows of `whole` meeting `filter`, merged from `cells` (built from
/// `analyzed` with `counted`) instead of read from the rows: the same counts and the same samples.
pub(super) fn report_from_cells(
    instrument: &Instrument,
    whole: &ResponseTable,
    analyzed: &AnalyzedComments,
    cells: &CommentCells,
    counted: &Counted,
    filter: &[Literal],
    breakdowns: &[CellBreakdown],
) -> Vec<CommentReport> {
    let chosen: Vec<usize> = counted.meeting(filter).enumerate().filter(|&(_, m)| m).map(|(c, _)| c).collect();
    whole
        .texts
        .iter()
        .zip(&cells.columns)
        .enumerate()
        .map(|(k, (col, column))| {
            // No labels (nor texts) when the comments were counted piece by piece.
            let labels = analyzed.columns.get(k).map_or(&[][..], Vec::as_slice);
            let mut total = LabelCounts::default();
            chosen.iter().for_each(|&c| total.merge(&column.counts[c]));
            let mut segments = BTreeMap::new();
            for (name, index, groups) in breakdowns {
                let mut per_group = vec![LabelCounts::default(); groups.len()];
                for &c in &chosen {
                    let code = counted.group_of(c, *index);
                    if let Some(g) = groups.iter().position(|&(_, gc)| gc == code) {
                        per_group[g].merge(&column.counts[c]);
                    }
                }
                let shown = groups.iter().zip(&per_group).map(|((value, _), s)| group(value, s.summary())).collect();
                segments.insert(name.clone(), shown);
            }
            let lists: Vec<&[(u64, u32)]> = chosen.iter().map(|&c| column.candidates[c].as_slice()).collect();
            let samples = first_distinct(&lists, cells.samples)
                .into_iter()
                .map(|(_, i)| {
                    let (text, l, cell) = column.comment(i, col, labels, counted);
                    let groups = breakdowns
                        .iter()
                        .filter_map(|(name, index, groups)| {
                            let code = counted.group_of(cell, *index);
                            Some((name.clone(), groups.iter().find(|&&(_, gc)| gc == code)?.0.clone()))
                        })
                        .collect();
                    sample(text, l, groups)
                })
                .collect();
            question_report(instrument, &col.id, total.summary(), segments, samples)
        })
        .collect()
}

/// The first `samples` distinct hashes of the ascending `lists` merged, each with its smallest
/// index: what sorting all their entries and keeping each hash's first gives.
fn first_distinct(lists: &[&[(u64, u32)]], samples: usize) -> Vec<(u64, u32)> {
    // (entry, list, position in the list), smallest entry first.
    type Head = Reverse<((u64, u32), usize, usize)>;
    let mut heap: BinaryHeap<Head> = lists.iter().enumerate().filter_map(|(l, list)| Some(Reverse((*list.first()?, l, 0)))).collect();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(samples);
    while out.len() < samples {
        let Some(Reverse((entry, l, i))) = heap.pop() else { break };
        if out.last().map_or(true, |last| last.0 != entry.0) {
            out.push(entry);
        }
        if let Some(&next) = lists[l].get(i + 1) {
            heap.push(Reverse((next, l, i + 1)));
        }
    }
    out
}
