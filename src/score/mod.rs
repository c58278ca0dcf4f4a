//! Scoring: from a [`ResponseTable`] to a [`Report`].
//!
//! Definitions (also in `docs/scoring.md`):
//! - Reverse keying: `v → (min + max) − v`.
//! - Respondent dimension score: mean of the keyed answered items of the dimension when at
//!   least half of them (rounded up) are answered. A respondent is scored only with a score
//!   in every dimension; overall: the mean of the respondent's dimension scores.
//! - Group score 0–100: mean of respondent scores rescaled `(s − min)/(max − min) × 100`,
//!   with n, SD, median and a 95% t confidence interval; bands in [`Band::of`](crate::report::Band::of).
//! - Favourable / neutral / unfavourable: share of scored respondents' keyed item answers above / at /
//!   below the midpoint (item statistics too count scored respondents only).
//! - Security NPS: % answering 9–10 minus % answering 0–6.

pub mod comments;
pub mod contributors;
pub mod counts;
pub mod drivers;
pub mod group;
pub mod pieces;
pub mod respondent;
mod rows;
mod sensitive;

use std::fmt;

use crate::ingest::{ResponseTable, NO_ANSWER};
use crate::instrument::{Instrument, Question};
use crate::lang::{catalog, Catalog, Lang};
use crate::report::{
    ChosenOption, InstrumentRef, Named, RankedOption, Ranking, Report, SegmentGroup, Selection, WaveDelta, Waves, REPORT_FORMAT,
};

use crate::stats::welch;
use comments::{AnalyzedComments, CommentCells};
use counts::{Counted, Literal};
use group::{Rows, Scorer};

/// What to compute: the breakdowns and the wave column.
#[derive(Debug, Clone, Default)]
pub struct RawOptions {
    /// Segment columns to break the results down by.
    pub by: Vec<String>,
    /// Column holding the survey wave, for wave-over-wave deltas.
    pub wave: Option<String>,
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
    /// A wave column with more values than any series of survey waves has (a timestamp or an
    /// id column given as the wave, most likely).
    TooManyWaves {
        /// The wave column.
        column: String,
        /// How many distinct values it holds.
        waves: usize,
    },
}

impl ScoreError {
    /// What is wrong, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ScoreError::UnknownColumn { name, available } => {
                Words::UnknownColumn.fill(lang, &[("name", &format!("{name:?}")), ("available", &available.join(", "))])
            }
            ScoreError::TooManyWaves { column, waves } => {
                Words::TooManyWaves.fill(lang, &[("column", &format!("{column:?}")), ("waves", waves), ("max", &MAX_WAVES)])
            }
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

catalog! {
    /// Why a table could not be scored.
    pub(crate) enum Words {
        UnknownColumn {
            en: "there is no column {name} to break down by; columns you can use: {available}",
            de: "es gibt keine Spalte {name} für eine Aufschlüsselung; verwendbare Spalten: {available}",
            fr: "il n’y a pas de colonne {name} pour ventiler les résultats\u{202f}; colonnes utilisables\u{a0}: {available}",
            es: "no hay ninguna columna {name} para desglosar; columnas que puede usar: {available}",
        },
        TooManyWaves {
            en: "the wave column {column} holds {waves} different values, more than the {max} waves secpulse compares; is it the right column (not a date, time or id)?",
            de: "die Wellenspalte {column} enthält {waves} verschiedene Werte, mehr als die {max} Wellen, die secpulse vergleicht; ist es die richtige Spalte (kein Datum, keine Uhrzeit, keine ID)?",
            fr: "la colonne de vague {column} contient {waves} valeurs différentes, plus que les {max} vagues que secpulse compare\u{202f}; est-ce la bonne colonne (pas une date, une heure ni un identifiant)\u{202f}?",
            es: "la columna de oleada {column} tiene {waves} valores distintos, más que las {max} oleadas que compara secpulse; ¿es la columna correcta (no una fecha, una hora ni un identificador)?",
        },
    }
}

impl std::error::Error for ScoreError {}

/// A breakdown: a column and, per value, its rows.
type Breakdown = (String, Vec<(String, Vec<u32>)>);

/// A value of a segment column, its group code and its number of rows.
type CodedGroup = (String, u32, usize);

/// The index of segment column `column` of `table`, and each of its values that the rows of
/// `part` hold, with its group code (label index; the number of labels for blanks) and its
/// number of rows, blank rows last: from the cells' people, so no row is read.
fn coded_groups(part: &Part<'_>, table: &ResponseTable, column: &str) -> Result<(usize, Vec<CodedGroup>), ScoreError> {
    let index = table.segments.iter().position(|s| s.name == column).ok_or_else(|| ScoreError::UnknownColumn {
        name: column.to_string(),
        available: table.segments.iter().map(|s| s.name.clone()).collect(),
    })?;
    let labels = &table.segments[index].labels;
    let mut people = vec![0usize; labels.len() + 1];
    let per_cell = &part.counted.contributors().people;
    for (cell, meets) in part.counted.meeting(part.filter).enumerate() {
        if meets {
            // NO_SEGMENT (and any code outside the labels) is the "(no answer)" group.
            people[part.counted.group_of(cell, index) as usize] += per_cell[cell] as usize;
        }
    }
    let values = labels.iter().cloned().chain(std::iter::once(NO_ANSWER.to_string()));
    let groups = values.zip(people).enumerate().filter(|(_, (_, n))| *n > 0).map(|(code, (v, n))| (v, code as u32, n)).collect();
    Ok((index, groups))
}

/// The rows of `table` in each of `groups` (of its segment column `index`), for what reads
/// the rows of a breakdown group.
fn group_rows(table: &ResponseTable, index: usize, groups: &[CodedGroup]) -> Vec<(String, Vec<u32>)> {
    let seg = &table.segments[index];
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); seg.labels.len() + 1];
    for (row, code) in seg.codes.iter().enumerate() {
        rows[(code as usize).min(seg.labels.len())].push(row as u32);
    }
    groups.iter().map(|(value, code, _)| (value.clone(), std::mem::take(&mut rows[*code as usize]))).collect()
}

/// The rows a report is about: a view of the table [`Counted`] was built from.
struct Part<'a> {
    counted: &'a Counted,
    /// The instrument and whole table the counts were built from.
    instrument: &'a Instrument,
    whole: &'a ResponseTable,
    /// The view's condition on the whole table's rows.
    filter: &'a [Literal],
}

impl Part<'_> {
    /// The counts of the view's rows in group `code` of segment column `column`.
    fn group(&self, column: usize, code: u32) -> counts::GroupCounts {
        self.counted.counts(self.instrument, self.whole, self.filter, Some((column, code)))
    }
}

/// Scores each group of a breakdown (all groups: the disclosure layer hides what it must).
fn breakdown(scorer: &Scorer<'_>, part: &Part<'_>, column: usize, groups: &[CodedGroup]) -> Vec<SegmentGroup> {
    groups
        .iter()
        .map(|(value, code, n)| {
            let counts = part.group(column, *code);
            SegmentGroup {
                value: value.clone(),
                n: Some(*n),
                n_label: n.to_string(),
                suppressed: false,
                overall: Some(scorer.overall(&counts, true)),
                dimensions: Some(scorer.dimensions(&counts, false, true)),
                nps: scorer.nps(&counts),
                balance: scorer.balance(&counts),
            }
        })
        .collect()
}

/// Most waves a wave column may hold: a weekly pulse survey for almost five years. Past it the
/// column is most likely not a wave (a timestamp or an id), and every wave is one more population
/// for the disclosure policy to decide.
pub const MAX_WAVES: usize = 250;

/// Refuses a wave column `column` of `table` with more than [`MAX_WAVES`] distinct values
/// (its labels; blanks are not a wave); a column the table does not have is left to the caller.
pub fn check_wave_column(table: &ResponseTable, column: &str) -> Result<(), ScoreError> {
    match table.segment(column).map_or(0, |s| s.labels.len()) {
        waves if waves > MAX_WAVES => Err(ScoreError::TooManyWaves { column: column.to_string(), waves }),
        _ => Ok(()),
    }
}

/// Wave groups in name order, and the change of each score between consecutive visible waves.
fn waves(scorer: &Scorer<'_>, part: &Part<'_>, table: &ResponseTable, column: &str) -> Result<Waves, ScoreError> {
    check_wave_column(table, column)?;
    let (index, mut groups) = coded_groups(part, table, column)?;
    // Rows without a wave are not listed as a wave (the disclosure layer still counts them).
    let blank = groups.iter().position(|(label, _, _)| label == NO_ANSWER).map(|i| groups.remove(i));
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.extend(blank);
    let mut shown = breakdown(scorer, part, index, &groups);
    let listed = groups.len() - usize::from(groups.last().is_some_and(|(l, _, _)| l == NO_ANSWER));
    shown.truncate(listed);
    let mut deltas = Vec::new();
    for pair in groups[..listed].windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ca, cb) = (part.group(index, a.1), part.group(index, b.1));
        let measures = std::iter::once(("overall".to_string(), scorer.overall_moments(&ca), scorer.overall_moments(&cb))).chain(
            part.instrument
                .dimensions
                .iter()
                .enumerate()
                .map(|(d, dim)| (dim.id.clone(), scorer.dimension_moments(d, &ca), scorer.dimension_moments(d, &cb))),
        );
        for (measure, ma, mb) in measures {
            if let Some(change) = welch(&mb, &ma) {
                deltas.push(WaveDelta { from: a.0.clone(), to: b.0.clone(), measure, change });
            }
        }
    }
    Ok(Waves { column: column.to_string(), waves: shown, deltas })
}

/// Borda count of each ranking question.
fn rankings(instrument: &Instrument, table: &ResponseTable) -> Vec<Ranking> {
    instrument
        .questions()
        .filter_map(|q| match q {
            Question::Ranking { id, text, options, .. } => Some((id, text, options, table.ranking(id)?)),
            _ => None,
        })
        .map(|(id, text, options, column)| {
            let n = column.entries.len();
            if n == 0 {
                return Ranking { id: id.clone(), text: text.clone(), n: None, options: Vec::new() };
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
            out.sort_by_key(|o| std::cmp::Reverse(o.points));
            Ranking { id: id.clone(), text: text.clone(), n: Some(n), options: out }
        })
        .collect()
}

/// Per-option shares of each multi-choice question, among the respondents who answered it.
fn selections(instrument: &Instrument, table: &ResponseTable) -> Vec<Selection> {
    instrument
        .questions()
        .filter(|q| matches!(q, Question::MultiChoice { .. }))
        .filter_map(|q| Some((q, q.listed_answers()?, table.selection(q.id())?)))
        .map(|(q, labels, column)| {
            let n = column.entries.len();
            if n == 0 {
                return Selection { id: q.id().to_string(), text: q.text().to_string(), n: None, options: Vec::new() };
            }
            let mut chosen = vec![0usize; labels.len()];
            for o in column.entries.iter().flat_map(|(_, picks)| picks) {
                if let Some(c) = chosen.get_mut(usize::from(*o)) {
                    *c += 1;
                }
            }
            let options_len = match q {
                Question::MultiChoice { options, .. } => options.len(),
                _ => labels.len(),
            };
            let options = labels
                .iter()
                .zip(&chosen)
                .enumerate()
                .map(|(i, (label, &c))| ChosenOption {
                    option: label.to_string(),
                    share: c as f64 / n as f64 * 100.0,
                    none: i >= options_len,
                })
                .collect();
            Selection { id: q.id().to_string(), text: q.text().to_string(), n: Some(n), options }
        })
        .collect()
}

/// Every statistic of `table` scored against `instrument` — overall, dimensions, items, NPS,
/// balance, rankings, the breakdowns and waves of `options`, and what people wrote —
/// **without any suppression**. Never show this report: pass it through
/// [`crate::privacy::disclosure::Policy::protect`] (as [`crate::views`] does).
pub fn raw_report(
    instrument: &Instrument,
    table: &ResponseTable,
    options: &RawOptions,
    comments: Option<(&AnalyzedComments, usize)>,
) -> Result<Report, ScoreError> {
    let counted = Counted::new(instrument, table);
    raw_view_report(instrument, table, &counted, &View { filter: &[], rows: None }, options, comments.map(|(a, s)| Comments::Rows(a, s)))
}

/// A view of a table: the rows meeting every literal of `filter`, and their indices.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The condition on the rows (empty: every row).
    pub filter: &'a [Literal],
    /// The rows meeting it, ascending, and the table holding only them (at least the columns
    /// that are not [counted](counts::is_counted), texts only for comments); `None` when
    /// `filter` is empty (the whole table).
    pub rows: Option<(&'a [u32], &'a ResponseTable)>,
}

/// What a report says about comments, and where it counts them from.
#[derive(Debug, Clone, Copy)]
pub enum Comments<'a> {
    /// The analysed comments of the view's rows (its table's), and how many samples to give.
    Rows(&'a AnalyzedComments, usize),
    /// The analysed comments of the whole table, merged per cell ([`CommentCells::new`] with
    /// the same [`Counted`], giving the samples it was built for): the same report without
    /// reading them.
    Cells(&'a AnalyzedComments, &'a CommentCells),
}

/// [`raw_report`] of the rows of `view` of `whole`, whose counts `counted` holds
/// ([`Counted::new`] of `instrument` and `whole`): the scores come from merged cell counts,
/// rankings, selections, randomized questions and drivers from the view's rows, and comments
/// as `comments` says.
pub fn raw_view_report(
    instrument: &Instrument,
    whole: &ResponseTable,
    counted: &Counted,
    view: &View<'_>,
    options: &RawOptions,
    comments: Option<Comments<'_>>,
) -> Result<Report, ScoreError> {
    let part = Part { counted, instrument, whole, filter: view.filter };
    let table = view.rows.map_or(whole, |(_, t)| t);
    let rows = view.rows.map_or(Rows::All(whole.rows), |(r, _)| Rows::Only(r));
    let scorer = Scorer::new(instrument, whole, counted.counts(instrument, whole, view.filter, None));
    let breakdowns = options
        .by
        .iter()
        .map(|column| Ok((column.clone(), coded_groups(&part, table, column)?)))
        .collect::<Result<Vec<_>, ScoreError>>()?;
    let segments = breakdowns.iter().map(|(column, (index, groups))| (column.clone(), breakdown(&scorer, &part, *index, groups))).collect();
    let by_cells: Vec<comments::CellBreakdown> = breakdowns
        .iter()
        .map(|(column, (index, groups))| (column.clone(), *index, groups.iter().map(|(value, code, _)| (value.clone(), *code)).collect()))
        .collect();
    // The groups' rows, for what reads them: randomized questions and comments counted from rows.
    let randomized = instrument.questions().any(|q| matches!(q, Question::Randomized { .. }));
    let by_rows = randomized || matches!(comments, Some(Comments::Rows(..)));
    let breakdowns: Vec<Breakdown> = if by_rows {
        breakdowns.iter().map(|(column, (index, groups))| (column.clone(), group_rows(table, *index, groups))).collect()
    } else {
        Vec::new()
    };
    let sensitive = sensitive::report(instrument, table, &breakdowns);
    let waves = options.wave.as_deref().map(|w| waves(&scorer, &part, table, w)).transpose()?;
    let comments = match comments {
        None => Vec::new(),
        Some(Comments::Rows(analyzed, samples)) => comments::report(instrument, table, analyzed, &breakdowns, samples),
        Some(Comments::Cells(analyzed, cells)) => {
            comments::report_from_cells(instrument, whole, analyzed, cells, counted, view.filter, &by_cells)
        }
    };
    Ok(Report {
        format: REPORT_FORMAT.to_string(),
        instrument: InstrumentRef { id: instrument.id.clone(), version: instrument.version.clone(), title: instrument.title.clone() },
        dimension_names: instrument.dimensions.iter().map(|d| Named { id: d.id.clone(), name: d.name.clone() }).collect(),
        min_group: 0,
        respondents: Some(scorer.total().people as usize),
        overall: scorer.overall(scorer.total(), false).score,
        dimensions: scorer.dimensions(scorer.total(), true, false),
        items: scorer.items(),
        nps: scorer.nps(scorer.total()),
        balance: scorer.balance(scorer.total()),
        rankings: rankings(instrument, table),
        selections: selections(instrument, table),
        segments,
        column_labels: options.by.iter().filter_map(|c| Some((c.clone(), instrument.column_label(None, c)?.to_string()))).collect(),
        waves,
        sensitive,
        comments,
        // Without kept scores there is no outcome to analyse.
        drivers: counted.scores().map_or_else(Vec::new, |scores| drivers::analyses(instrument, whole, scores, rows)),
        participation: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_is_complete() {
        let faults = crate::lang::check_catalog(Words::ALL);
        assert!(faults.is_empty(), "{faults:#?}");
    }
}
