//! What people wrote, in the report: comment analyses counted per question and per
//! group, behind the (higher) comment threshold, plus a shuffled, redacted sample for
//! the comment browser.
//!
//! Comments are analysed once per table ([`AnalyzedComments::new`]); every report,
//! filter and breakdown then only counts labels.

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::ingest::ResponseTable;
use crate::instrument::Instrument;
use crate::privacy::redact::{RedactionCounts, Redactor};
use crate::privacy::MinGroup;
use crate::report::{CommentGroup, CommentReport, CommentSample};
use crate::text::{Analyzer, CommentSummary, Sentiment, Stance, Theme, ThemeCount};

/// The labels of one comment, compact enough to keep for millions of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentLabels {
    /// Overall tone.
    pub sentiment: Sentiment,
    /// Stance toward the security team.
    pub stance: Stance,
    /// Themes as bits, bit i = `Theme::ALL[i]`.
    pub themes: u16,
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
    /// Analyses every comment of `table`.
    pub fn new(analyzer: &Analyzer, table: &ResponseTable) -> AnalyzedComments {
        let columns = table
            .texts
            .iter()
            .map(|col| {
                col.entries
                    .iter()
                    .map(|(_, text)| {
                        let a = analyzer.analyze(text);
                        let themes = a
                            .themes
                            .iter()
                            .filter_map(|t| Theme::ALL.iter().position(|x| x == t))
                            .fold(0u16, |bits, i| bits | 1 << i);
                        CommentLabels { sentiment: a.sentiment, stance: a.stance, themes }
                    })
                    .collect()
            })
            .collect();
        AnalyzedComments { columns }
    }
}

/// Counts labels into a summary (themes by count, ties in guideline order).
fn summarize<'a>(labels: impl Iterator<Item = &'a CommentLabels>) -> CommentSummary {
    let mut s = CommentSummary::default();
    let mut themes = [0usize; Theme::ALL.len()];
    for l in labels {
        s.n += 1;
        match l.sentiment {
            Sentiment::Negative => s.sentiment.negative += 1,
            Sentiment::Neutral => s.sentiment.neutral += 1,
            Sentiment::Positive => s.sentiment.positive += 1,
            Sentiment::Mixed => s.sentiment.mixed += 1,
        }
        match l.stance {
            Stance::Blocker => s.stance.blocker += 1,
            Stance::Enabler => s.stance.enabler += 1,
            Stance::None => s.stance.none += 1,
        }
        l.themes().for_each(|t| themes[Theme::ALL.iter().position(|x| *x == t).unwrap_or(0)] += 1);
    }
    s.themes = Theme::ALL
        .into_iter()
        .zip(themes)
        .filter(|(_, count)| *count > 0)
        .map(|(theme, count)| ThemeCount { theme, count })
        .collect();
    s.themes.sort_by(|a, b| b.count.cmp(&a.count));
    s
}

/// How comments are reported.
#[derive(Debug, Clone)]
pub struct CommentOptions {
    /// Minimum number of comments behind any comment statistic or sample (default 10).
    pub min_comments: MinGroup,
    /// How many comments to include, shuffled and redacted, for the comment browser.
    pub samples: usize,
    /// Removes e-mails, phone numbers, personal links, ids and listed names from samples.
    pub redactor: Redactor,
}

impl Default for CommentOptions {
    fn default() -> Self {
        CommentOptions {
            min_comments: MinGroup::new(crate::privacy::DEFAULT_MIN_COMMENTS).expect("10 is a valid threshold"),
            samples: 200,
            redactor: Redactor::new::<&str>(&[]),
        }
    }
}

/// One entry per text question: summaries overall and per breakdown group, and samples.
/// `groups` maps each breakdown column to its groups' row lists (as in the segments).
pub(super) fn report(
    instrument: &Instrument,
    table: &ResponseTable,
    analyzed: &AnalyzedComments,
    breakdowns: &[(String, Vec<(String, Vec<u32>)>)],
    min_group: MinGroup,
    options: &CommentOptions,
) -> Vec<CommentReport> {
    // Never weaker than the respondent threshold.
    let min = if options.min_comments.k() >= min_group.k() { options.min_comments } else { min_group };
    table
        .texts
        .iter()
        .zip(&analyzed.columns)
        .map(|(col, labels)| {
            let text = instrument.question(&col.id).map_or_else(String::new, |q| q.text().to_string());
            let n = labels.len();
            if !min.allows(n) {
                return CommentReport {
                    id: col.id.clone(),
                    text,
                    min_comments: min.k(),
                    n: None,
                    summary: None,
                    segments: BTreeMap::new(),
                    samples: Vec::new(),
                    redacted: RedactionCounts::default(),
                };
            }
            // Row -> index of its comment, for per-group counting.
            let mut comment_of = vec![u32::MAX; table.rows];
            for (i, (row, _)) in col.entries.iter().enumerate() {
                comment_of[*row as usize] = i as u32;
            }
            let mut segments = BTreeMap::new();
            let mut visible_value: Vec<(String, Vec<Option<String>>)> = Vec::new();
            for (column, groups) in breakdowns {
                let in_group: Vec<Vec<usize>> = groups
                    .iter()
                    .map(|(_, rows)| rows.iter().map(|&r| comment_of[r as usize]).filter(|&c| c != u32::MAX).map(|c| c as usize).collect())
                    .collect();
                let hidden = min.suppress_breakdown(&in_group.iter().map(Vec::len).collect::<Vec<_>>());
                let mut value_of_comment = vec![None; n];
                let shown = groups
                    .iter()
                    .zip(&in_group)
                    .zip(hidden)
                    .filter(|((_, comments), _)| !comments.is_empty())
                    .map(|(((value, _), comments), hide)| {
                        if !hide {
                            comments.iter().for_each(|&c| value_of_comment[c] = Some(value.clone()));
                        }
                        CommentGroup {
                            value: value.clone(),
                            n: (!hide).then_some(comments.len()),
                            n_label: if hide { min.label() } else { comments.len().to_string() },
                            suppressed: hide,
                            summary: (!hide).then(|| summarize(comments.iter().map(|&c| &labels[c]))),
                        }
                    })
                    .collect();
                segments.insert(column.clone(), shown);
                visible_value.push((column.clone(), value_of_comment));
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.shuffle(&mut ChaCha8Rng::seed_from_u64(0x5ec_0_5a3));
            let mut redacted = RedactionCounts::default();
            let samples = order
                .into_iter()
                .take(options.samples)
                .map(|c| {
                    let (clean, counts) = options.redactor.redact(&col.entries[c].1);
                    redacted.add(&counts);
                    let l = labels[c];
                    CommentSample {
                        text: clean,
                        sentiment: l.sentiment,
                        stance: l.stance,
                        themes: l.themes().collect(),
                        groups: visible_value
                            .iter()
                            .filter_map(|(column, values)| Some((column.clone(), values[c].clone()?)))
                            .collect(),
                    }
                })
                .collect();
            CommentReport {
                id: col.id.clone(),
                text,
                min_comments: min.k(),
                n: Some(n),
                summary: Some(summarize(labels.iter())),
                segments,
                samples,
                redacted,
            }
        })
        .collect()
}
