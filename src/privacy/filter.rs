//! Filtered views: one segment value and/or one wave. Which views may be shown, and which
//! of their numbers, is decided by [`super::disclosure::Policy`] together with every other
//! view; this module only finds a view's rows and cuts them out of the table.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ingest::NO_ANSWER;
use crate::ingest::{ResponseTable, SegmentColumn, NO_SEGMENT};

/// Which respondents a view keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Filter {
    /// Keep rows whose `column` has this `value` (e.g. department = Engineering).
    pub segment: Option<SegmentFilter>,
    /// Keep rows of this wave (a value of the report's wave column).
    pub wave: Option<String>,
}

/// One value of one segment column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentFilter {
    /// The column, e.g. `department`.
    pub column: String,
    /// The value, e.g. `Engineering`.
    pub value: String,
}

impl Filter {
    /// True when the filter keeps everyone.
    pub fn is_empty(&self) -> bool {
        self.segment.is_none() && self.wave.is_none()
    }
}

/// Why a filtered view is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// The table has no such column.
    UnknownColumn(String),
    /// The column has no such value.
    UnknownValue {
        /// The column.
        column: String,
        /// The value asked for.
        value: String,
    },
    /// A wave filter without a wave column.
    NoWaveColumn,
    /// The view holds fewer than `k` people.
    TooSmall {
        /// The minimum group size.
        k: usize,
    },
    /// Together with the other views a reader can reach, the view would single out fewer
    /// than `k` people (for example, everyone minus this group leaves a handful).
    Difference {
        /// The minimum group size.
        k: usize,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::UnknownColumn(c) => write!(f, "there is no column {c:?} to filter by"),
            FilterError::UnknownValue { column, value } => write!(f, "column {column:?} has no value {value:?}"),
            FilterError::NoWaveColumn => write!(f, "a wave filter needs a wave column (set the wave option)"),
            FilterError::TooSmall { k } => write!(f, "this filter selects fewer than {k} people, so it is not shown"),
            FilterError::Difference { k } => write!(
                f,
                "this filter is not shown: compared with the other views, it would single out fewer than {k} people; choose a broader filter"
            ),
        }
    }
}

impl std::error::Error for FilterError {}

/// A row predicate: rows whose `column` has code `code` (`NO_SEGMENT` for blanks).
fn rows_where(column: &SegmentColumn, code: u32) -> impl Fn(usize) -> bool + '_ {
    move |r| column.codes.get(r) == Some(&code)
}

fn code_of(table: &ResponseTable, column: &str, value: &str) -> Result<(usize, u32), FilterError> {
    let idx = table.segments.iter().position(|s| s.name == column).ok_or_else(|| FilterError::UnknownColumn(column.to_string()))?;
    let seg = &table.segments[idx];
    let code = match seg.labels.iter().position(|l| l == value) {
        Some(c) => c as u32,
        None if value == NO_ANSWER => NO_SEGMENT,
        None => return Err(FilterError::UnknownValue { column: column.to_string(), value: value.to_string() }),
    };
    Ok((idx, code))
}

/// The rows (ascending) of `table` that `filter` keeps, with `wave_column` as the wave.
pub fn rows_of(table: &ResponseTable, filter: &Filter, wave_column: Option<&str>) -> Result<Vec<u32>, FilterError> {
    let seg = filter.segment.as_ref().map(|s| code_of(table, &s.column, &s.value)).transpose()?;
    let wave = match &filter.wave {
        Some(w) => Some(code_of(table, wave_column.ok_or(FilterError::NoWaveColumn)?, w)?),
        None => None,
    };
    let is_seg = seg.map(|(i, c)| rows_where(&table.segments[i], c));
    let is_wave = wave.map(|(i, c)| rows_where(&table.segments[i], c));
    let keep = |r: usize| is_seg.as_ref().map_or(true, |f| f(r)) && is_wave.as_ref().map_or(true, |f| f(r));
    Ok((0..table.rows).filter(|&r| keep(r)).map(|r| r as u32).collect())
}

/// The rows `keep` (ascending) of `table`, as a table of their own. Only the kept values
/// are copied (never the whole table first).
pub fn subset(table: &ResponseTable, keep: &[u32]) -> ResponseTable {
    use crate::ingest::{AnswerColumn, RankingColumn, TextColumn};
    // Sparse columns hold rows in ascending order, as `keep` does: merge the two.
    fn sparse<T: Clone>(entries: &[(u32, T)], keep: &[u32]) -> Vec<(u32, T)> {
        let mut out = Vec::new();
        let mut k = 0;
        for (r, v) in entries {
            while k < keep.len() && keep[k] < *r {
                k += 1;
            }
            if k == keep.len() {
                break;
            }
            if keep[k] == *r {
                out.push((k as u32, v.clone()));
            }
        }
        out
    }
    fn ascending(mut rows: impl Iterator<Item = u32>) -> bool {
        let mut last = None;
        rows.all(|r| {
            let ok = last.map_or(true, |l| l < r);
            last = Some(r);
            ok
        })
    }
    let sorted = ascending(keep.iter().copied())
        && table.texts.iter().all(|t| ascending(t.entries.iter().map(|e| e.0)))
        && table.rankings.iter().all(|t| ascending(t.entries.iter().map(|e| e.0)));
    if !sorted {
        return subset_by_index(table, keep);
    }
    ResponseTable {
        rows: keep.len(),
        answers: table
            .answers
            .iter()
            .map(|c| AnswerColumn { id: c.id.clone(), values: keep.iter().map(|&r| c.values[r as usize]).collect() })
            .collect(),
        segments: table
            .segments
            .iter()
            .map(|s| SegmentColumn {
                name: s.name.clone(),
                labels: s.labels.clone(),
                codes: keep.iter().map(|&r| s.codes[r as usize]).collect(),
            })
            .collect(),
        texts: table.texts.iter().map(|t| TextColumn { id: t.id.clone(), entries: sparse(&t.entries, keep) }).collect(),
        rankings: table.rankings.iter().map(|t| RankingColumn { id: t.id.clone(), entries: sparse(&t.entries, keep) }).collect(),
    }
}

/// [`subset`] for rows out of order, through a row → new index map.
fn subset_by_index(table: &ResponseTable, keep: &[u32]) -> ResponseTable {
    let pick = |values: &[u8]| keep.iter().map(|&r| values[r as usize]).collect();
    let mut new_index = vec![u32::MAX; table.rows];
    for (i, &r) in keep.iter().enumerate() {
        new_index[r as usize] = i as u32;
    }
    let remap = |r: u32| new_index.get(r as usize).copied().filter(|&i| i != u32::MAX);
    let mut out = ResponseTable { rows: keep.len(), ..ResponseTable::default() };
    out.answers = table.answers.iter().map(|c| crate::ingest::AnswerColumn { id: c.id.clone(), values: pick(&c.values) }).collect();
    out.segments = table
        .segments
        .iter()
        .map(|s| SegmentColumn {
            name: s.name.clone(),
            labels: s.labels.clone(),
            codes: keep.iter().map(|&r| s.codes[r as usize]).collect(),
        })
        .collect();
    fn kept<T: Clone>(entries: &[(u32, T)], remap: impl Fn(u32) -> Option<u32>) -> Vec<(u32, T)> {
        entries.iter().filter_map(|(r, v)| Some((remap(*r)?, v.clone()))).collect()
    }
    out.texts = table.texts.iter().map(|t| crate::ingest::TextColumn { id: t.id.clone(), entries: kept(&t.entries, remap) }).collect();
    out.rankings =
        table.rankings.iter().map(|k| crate::ingest::RankingColumn { id: k.id.clone(), entries: kept(&k.entries, remap) }).collect();
    out
}
