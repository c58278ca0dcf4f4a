//! Scoring: from a [`ResponseTable`] to a [`Report`].
//!
//! Definitions (also in `docs/scoring.md`):
//! - Reverse keying: `v → (min + max) − v`.
//! - Respondent dimension score: mean of the keyed answered items of the dimension when at
//!   least half of them (rounded up) are answered, else missing. Overall: mean of the
//!   respondent's dimension scores.
//! - Group score 0–100: mean of respondent scores rescaled `(s − min)/(max − min) × 100`,
//!   with n, SD, median and a 95% t confidence interval; bands in [`Band::of`](crate::report::Band::of).
//! - Favourable / neutral / unfavourable: share of keyed item answers above / at / below the midpoint.
//! - Security NPS: % answering 9–10 minus % answering 0–6.

pub mod comments;
mod complement;
pub mod group;
mod joint;
pub mod respondent;
mod sensitive;
pub mod stats;

use std::fmt;

use crate::ingest::ResponseTable;
use crate::instrument::{Instrument, Question};
use crate::privacy::MinGroup;
use crate::report::{InstrumentRef, Named, RankedOption, Ranking, Report, SegmentGroup, WaveDelta, Waves, REPORT_FORMAT};

use comments::{AnalyzedComments, CommentOptions};
use group::{Rows, Scorer};
use stats::welch;

/// Label of the group of respondents who left a segment question blank.
pub const NO_ANSWER: &str = "(no answer)";

/// What to score and how.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// Segment columns to break the results down by.
    pub by: Vec<String>,
    /// Column holding the survey wave, for wave-over-wave deltas.
    pub wave: Option<String>,
    /// Minimum group size.
    pub min_group: MinGroup,
}

/// Why a table could not be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    /// A `--by` or wave column that the table does not have.
    UnknownColumn {
        /// The name asked for.
        name: String,
        /// The segment columns that exist.
        available: Vec<String>,
    },
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::UnknownColumn { name, available } => {
                write!(f, "there is no column {name:?} to break down by; columns you can use: {}", available.join(", "))
            }
        }
    }
}

impl std::error::Error for ScoreError {}

/// The rows of each value of a segment column (blank rows last, as [`NO_ANSWER`]).
fn groups_of(table: &ResponseTable, column: &str) -> Result<Vec<(String, Vec<u32>)>, ScoreError> {
    let seg = table.segment(column).ok_or_else(|| ScoreError::UnknownColumn {
        name: column.to_string(),
        available: table.segments.iter().map(|s| s.name.clone()).collect(),
    })?;
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); seg.labels.len() + 1];
    for (row, &code) in seg.codes.iter().enumerate() {
        // NO_SEGMENT (and any code outside the labels) is the "(no answer)" group.
        let slot = (code as usize).min(seg.labels.len());
        rows[slot].push(row as u32);
    }
    let labels = seg.labels.iter().cloned().chain(std::iter::once(NO_ANSWER.to_string()));
    Ok(labels.zip(rows).filter(|(_, r)| !r.is_empty()).collect())
}

/// Scores each group of a breakdown, hiding groups by the minimum group size.
fn breakdown(scorer: &Scorer<'_>, groups: &[(String, Vec<u32>)]) -> Vec<SegmentGroup> {
    let sizes: Vec<usize> = groups.iter().map(|(_, r)| r.len()).collect();
    let hidden = scorer.min.suppress_breakdown(&sizes);
    let mut shown: Vec<SegmentGroup> = groups
        .iter()
        .zip(hidden)
        .map(|((value, rows), hide)| {
            if hide {
                return SegmentGroup {
                    value: value.clone(),
                    n: None,
                    n_label: scorer.min.label(),
                    suppressed: true,
                    overall: None,
                    dimensions: None,
                    nps: None,
                    balance: None,
                };
            }
            let rows = Rows::Only(rows);
            SegmentGroup {
                value: value.clone(),
                n: Some(rows.len()),
                n_label: rows.len().to_string(),
                suppressed: false,
                overall: Some(scorer.overall(rows, true)),
                dimensions: Some(scorer.dimensions(rows, false, true)),
                nps: scorer.nps(rows),
                balance: scorer.balance(rows),
            }
        })
        .collect();
    complement::apply(scorer, groups, &mut shown);
    shown
}

/// Wave groups in name order, and the change of each score between consecutive visible waves.
fn waves(scorer: &Scorer<'_>, instrument: &Instrument, table: &ResponseTable, column: &str) -> Result<Waves, ScoreError> {
    let mut groups = groups_of(table, column)?;
    // Rows without a wave take part in the suppression (else they could be derived by
    // subtracting the waves from the total) but are not listed as a wave.
    let blank = groups.iter().position(|(label, _)| label == NO_ANSWER).map(|i| groups.remove(i));
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.extend(blank);
    let mut shown = breakdown(scorer, &groups);
    let listed = groups.len() - usize::from(groups.last().is_some_and(|(l, _)| l == NO_ANSWER));
    shown.truncate(listed);
    let visible: Vec<usize> = (0..listed).filter(|&i| !shown[i].suppressed).collect();
    let mut deltas = Vec::new();
    for pair in visible.windows(2) {
        let (a, b) = (&groups[pair[0]], &groups[pair[1]]);
        let (ra, rb) = (Rows::Only(&a.1), Rows::Only(&b.1));
        let measures = std::iter::once(("overall".to_string(), scorer.overall_moments(ra), scorer.overall_moments(rb))).chain(
            instrument
                .dimensions
                .iter()
                .enumerate()
                .map(|(d, dim)| (dim.id.clone(), scorer.dimension_moments(d, ra), scorer.dimension_moments(d, rb))),
        );
        for (m, (measure, ma, mb)) in measures.enumerate() {
            let both = complement::shows(&shown[pair[0]], m) && complement::shows(&shown[pair[1]], m);
            if !(both && scorer.min.allows(ma.n) && scorer.min.allows(mb.n)) {
                continue;
            }
            if let Some(change) = welch(&mb, &ma) {
                deltas.push(WaveDelta { from: a.0.clone(), to: b.0.clone(), measure, change });
            }
        }
    }
    Ok(Waves { column: column.to_string(), waves: shown, deltas })
}

/// Borda count of each ranking question.
fn rankings(instrument: &Instrument, table: &ResponseTable, min: MinGroup) -> Vec<Ranking> {
    instrument
        .questions()
        .filter_map(|q| match q {
            Question::Ranking { id, options, .. } => Some((id, options, table.ranking(id)?)),
            _ => None,
        })
        .map(|(id, options, column)| {
            let n = column.entries.len();
            if !min.allows(n) {
                return Ranking { id: id.clone(), n: None, options: Vec::new() };
            }
            let m = options.len() as u64;
            let mut points = vec![0u64; options.len()];
            let mut rank_sum = vec![0u64; options.len()];
            let mut ranked = vec![0u64; options.len()];
            let mut first = vec![0u64; options.len()];
            for (_, order) in &column.entries {
                for (pos, &opt) in order.iter().enumerate() {
                    let o = usize::from(opt);
                    if o >= options.len() {
                        continue;
                    }
                    points[o] += m - 1 - pos as u64;
                    rank_sum[o] += pos as u64 + 1;
                    ranked[o] += 1;
                    first[o] += u64::from(pos == 0);
                }
            }
            let mut out: Vec<RankedOption> = options
                .iter()
                .enumerate()
                .map(|(o, label)| RankedOption {
                    option: label.clone(),
                    points: points[o],
                    mean_rank: (ranked[o] > 0).then(|| rank_sum[o] as f64 / ranked[o] as f64),
                    first: first[o] as f64 / n as f64 * 100.0,
                })
                .collect();
            out.sort_by(|a, b| b.points.cmp(&a.points));
            Ranking { id: id.clone(), n: Some(n), options: out }
        })
        .collect()
}

/// Scores `table` against `instrument`: overall, dimensions, items, NPS, balance,
/// rankings, the requested breakdowns and waves — all through the minimum group size.
pub fn score(instrument: &Instrument, table: &ResponseTable, options: &ScoreOptions) -> Result<Report, ScoreError> {
    score_with_comments(instrument, table, options, None)
}

/// [`score`], plus what people wrote: comment summaries overall and per breakdown group,
/// and a redacted sample, from comments analysed once with [`AnalyzedComments::new`].
pub fn score_with_comments(
    instrument: &Instrument,
    table: &ResponseTable,
    options: &ScoreOptions,
    comments: Option<(&AnalyzedComments, &CommentOptions)>,
) -> Result<Report, ScoreError> {
    let min = options.min_group;
    let scorer = Scorer::new(instrument, table, min);
    let all = Rows::All(table.rows);
    let breakdowns =
        options.by.iter().map(|column| Ok((column.clone(), groups_of(table, column)?))).collect::<Result<Vec<_>, ScoreError>>()?;
    let segments = breakdowns.iter().map(|(column, groups)| (column.clone(), breakdown(&scorer, groups))).collect();
    let sensitive = sensitive::report(instrument, table, &breakdowns, &segments, min);
    let waves = options.wave.as_deref().map(|w| waves(&scorer, instrument, table, w)).transpose()?;
    let comments =
        comments.map(|(analyzed, opts)| comments::report(instrument, table, analyzed, &breakdowns, min, opts)).unwrap_or_default();
    Ok(Report {
        format: REPORT_FORMAT.to_string(),
        instrument: InstrumentRef { id: instrument.id.clone(), version: instrument.version.clone(), title: instrument.title.clone() },
        dimension_names: instrument.dimensions.iter().map(|d| Named { id: d.id.clone(), name: d.name.clone() }).collect(),
        min_group: min.k(),
        respondents: min.allows(table.rows).then_some(table.rows),
        overall: scorer.overall(all, false).score,
        dimensions: scorer.dimensions(all, true, false),
        items: scorer.items(),
        nps: scorer.nps(all),
        balance: scorer.balance(all),
        rankings: rankings(instrument, table, min),
        segments,
        waves,
        sensitive,
        comments,
    })
}
