//! What people wrote, in the (raw) report: comment analyses counted per question and per
//! group, plus a sample shuffled by content for the comment browser. Nothing is hidden or
//! redacted here: [`crate::privacy::disclosure`] applies the comment threshold and redacts
//! the samples it releases.
//!
//! Comments are analysed once per table ([`AnalyzedComments::new`]); every report,
//! filter and breakdown then only counts labels.

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::ingest::ResponseTable;
use crate::instrument::Instrument;
use crate::report::RedactionCounts;
use crate::report::{CommentGroup, CommentReport, CommentSample};
use crate::text::{Analyzer, CommentSummary, Sentiment, Stance, Theme};

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

/// The labels of every comment of a table, parallel to `table.texts[i].entries`.
#[derive(Debug, Clone, Default)]
pub struct AnalyzedComments {
    columns: Vec<Vec<CommentLabels>>,
}

impl AnalyzedComments {
    /// Analyses every comment of `table`. The analysis depends on the text only, so a
    /// text seen before ("n/a", "None", a common complaint) reuses its labels; the memo
    /// holds at most [`MEMO_TEXTS`] texts, so memory stays bounded on all-unique comments.
    pub fn new(analyzer: &Analyzer, table: &ResponseTable) -> AnalyzedComments {
        const MEMO_TEXTS: usize = 1 << 16;
        let label = |text: &str| {
            let a = analyzer.labels(text);
            let themes = a.themes.iter().filter_map(|t| Theme::ALL.iter().position(|x| x == t)).fold(0u16, |bits, i| bits | 1 << i);
            CommentLabels { sentiment: a.sentiment, stance: a.stance, themes, hash: content_hash(text) }
        };
        let mut memo: std::collections::HashMap<&str, CommentLabels> = std::collections::HashMap::new();
        let columns = table
            .texts
            .iter()
            .map(|col| {
                col.entries
                    .iter()
                    .map(|(_, text)| match memo.get(text.as_str()) {
                        Some(&l) => l,
                        None => {
                            let l = label(text);
                            if memo.len() < MEMO_TEXTS {
                                memo.insert(text, l);
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
            let text = instrument.question(&col.id).map_or_else(String::new, |q| q.text().to_string());
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
                        CommentGroup {
                            value: value.clone(),
                            n: Some(comments.len()),
                            n_label: comments.len().to_string(),
                            suppressed: false,
                            summary: Some(summarize(comments.iter().map(|&c| &labels[c]))),
                        }
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
                    let text = &col.entries[c].1;
                    let l = labels[c];
                    CommentSample {
                        why: why(text),
                        text: text.clone(),
                        sentiment: l.sentiment,
                        stance: l.stance,
                        themes: l.themes().collect(),
                        groups: visible_value
                            .iter()
                            .filter_map(|((column, groups), group_of)| Some((column.clone(), groups.get(group_of[c] as usize)?.0.clone())))
                            .collect(),
                    }
                })
                .collect();
            CommentReport {
                id: col.id.clone(),
                text,
                min_comments: 0,
                n: Some(n),
                summary: Some(summarize(labels.iter())),
                segments,
                samples,
                redacted: RedactionCounts::default(),
            }
        })
        .collect()
}
