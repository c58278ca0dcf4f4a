//! Filtered views: one segment value and/or one wave. Which views may be shown, and which
//! of their numbers, is decided by [`super::disclosure::Policy`] together with every other
//! view; this module only finds a view's rows and cuts them out of the table.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ingest::NO_ANSWER;
use crate::ingest::{ResponseTable, SegmentColumn, NO_SEGMENT};
use crate::lang::{catalog, Catalog, Lang};

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
    /// The view holds fewer than `k` people, or together with the other views a reader can
    /// reach it would single out fewer (one reason for both, so a refusal says nothing about
    /// the group's size).
    Difference {
        /// The minimum group size.
        k: usize,
    },
}

impl FilterError {
    /// Why the view is not shown, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            FilterError::UnknownColumn(c) => Words::UnknownColumn.fill(lang, &[("column", &format!("{c:?}"))]),
            FilterError::UnknownValue { column, value } => {
                Words::UnknownValue.fill(lang, &[("column", &format!("{column:?}")), ("value", &format!("{value:?}"))])
            }
            FilterError::NoWaveColumn => Words::NoWaveColumn.text(lang),
            FilterError::Difference { k } => Words::Difference.fill(lang, &[("k", k)]),
        }
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

catalog! {
    /// Why a filtered view is not shown.
    pub(crate) enum Words {
        UnknownColumn {
            en: "there is no column {column} to filter by",
            de: "es gibt keine Spalte {column}, nach der gefiltert werden kann",
            fr: "il n’y a pas de colonne {column} pour filtrer",
            es: "no hay ninguna columna {column} por la que filtrar",
        },
        UnknownValue {
            en: "column {column} has no value {value}",
            de: "die Spalte {column} hat keinen Wert {value}",
            fr: "la colonne {column} n’a pas de valeur {value}",
            es: "la columna {column} no tiene el valor {value}",
        },
        NoWaveColumn {
            en: "a wave filter needs a wave column (set the wave option)",
            de: "ein Filter nach Runde braucht eine Spalte für die Runde (Option wave setzen)",
            fr: "un filtre par vague nécessite une colonne de vague (définissez l’option wave)",
            es: "un filtro por ronda necesita una columna de ronda (defina la opción wave)",
        },
        Difference {
            en: "this filter is not shown: on its own or compared with the other views, it would single out fewer than {k} people; choose a broader filter",
            de: "dieser Filter wird nicht angezeigt: allein oder im Vergleich mit den anderen Ansichten würde er weniger als {k} Personen herausgreifen; wählen Sie einen breiteren Filter",
            fr: "ce filtre n’est pas affiché\u{a0}: seul ou comparé aux autres vues, il isolerait moins de {k}\u{a0}personnes\u{202f}; choisissez un filtre plus large",
            es: "este filtro no se muestra: por sí solo o comparado con las demás vistas, aislaría a menos de {k} personas; elija un filtro más amplio",
        },
    }
}

impl std::error::Error for FilterError {}

/// A row predicate: rows whose `column` has code `code` (`NO_SEGMENT` for blanks).
fn rows_where(column: &SegmentColumn, code: u32) -> impl Fn(usize) -> bool + '_ {
    move |r| column.codes.get(r) == Some(code)
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

/// The conditions of `filter` on `table`'s rows, with `wave_column` as the wave: (segment
/// column index, code) pairs that a kept row meets, every one (`NO_SEGMENT` for blanks).
pub fn conditions_of(table: &ResponseTable, filter: &Filter, wave_column: Option<&str>) -> Result<Vec<(usize, u32)>, FilterError> {
    let seg = filter.segment.as_ref().map(|s| code_of(table, &s.column, &s.value)).transpose()?;
    let wave = match &filter.wave {
        Some(w) => Some(code_of(table, wave_column.ok_or(FilterError::NoWaveColumn)?, w)?),
        None => None,
    };
    Ok(seg.into_iter().chain(wave).collect())
}

/// The rows (ascending) of `table` that meet every one of `conditions` (from [`conditions_of`]).
pub fn rows_meeting(table: &ResponseTable, conditions: &[(usize, u32)]) -> Vec<u32> {
    let Some((&(first, code), rest)) = conditions.split_first() else { return (0..table.rows as u32).collect() };
    let codes = &table.segments[first].codes;
    let mut rows: Vec<u32> = (0..table.rows).filter(|&r| codes.get(r) == Some(code)).map(|r| r as u32).collect();
    for &(column, code) in rest {
        let test = rows_where(&table.segments[column], code);
        rows.retain(|&r| test(r as usize));
    }
    rows
}

/// The rows `keep` of `table` (usually ascending), as a table of their own. Only the kept
/// values are copied (never the whole table first).
pub fn subset(table: &ResponseTable, keep: &[u32]) -> ResponseTable {
    subset_of_columns(table, keep, &|_| true, true)
}

/// [`subset`] with only the answer columns whose id `answers` accepts, and the text columns
/// only when `texts` (what a report needs of a view's rows when its scores come from counts).
pub fn subset_of_columns(table: &ResponseTable, keep: &[u32], answers: &dyn Fn(&str) -> bool, texts: bool) -> ResponseTable {
    use crate::ingest::{AnswerColumn, RankingColumn, TextColumn};
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
        && table.rankings.iter().chain(&table.selections).all(|t| ascending(t.entries.iter().map(|e| e.0)));
    // Rows out of order go through a row → new index map; in order, a merge needs none.
    let new_index = (!sorted).then(|| {
        let mut index = vec![u32::MAX; table.rows];
        for (i, &r) in keep.iter().enumerate() {
            index[r as usize] = i as u32;
        }
        index
    });
    let index = new_index.as_deref();
    ResponseTable {
        rows: keep.len(),
        answers: table
            .answers
            .iter()
            .filter(|c| answers(&c.id))
            .map(|c| AnswerColumn { id: c.id.clone(), values: keep.iter().map(|&r| c.values[r as usize]).collect() })
            .collect(),
        segments: table
            .segments
            .iter()
            .map(|s| SegmentColumn {
                name: s.name.clone(),
                labels: s.labels.clone(),
                codes: keep.iter().map(|&r| s.codes.get(r as usize).unwrap_or(NO_SEGMENT)).collect(),
            })
            .collect(),
        texts: table
            .texts
            .iter()
            .filter(|_| texts)
            .map(|t| TextColumn { id: t.id.clone(), entries: kept_entries(&t.entries, keep, index) })
            .collect(),
        rankings: table
            .rankings
            .iter()
            .map(|t| RankingColumn { id: t.id.clone(), entries: kept_entries(&t.entries, keep, index) })
            .collect(),
        selections: table
            .selections
            .iter()
            .map(|t| RankingColumn { id: t.id.clone(), entries: kept_entries(&t.entries, keep, index) })
            .collect(),
    }
}

/// The entries of a sparse column (rows ascending) whose rows are kept, renumbered: through
/// `new_index` (row → new row, `u32::MAX` when dropped) when given, else by merging with the
/// ascending `keep`.
fn kept_entries<T: Clone>(entries: &[(u32, T)], keep: &[u32], new_index: Option<&[u32]>) -> Vec<(u32, T)> {
    if let Some(index) = new_index {
        let remap = |r: u32| index.get(r as usize).copied().filter(|&i| i != u32::MAX);
        return entries.iter().filter_map(|(r, v)| Some((remap(*r)?, v.clone()))).collect();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Instrument;
    use crate::synth::{generate, SynthOptions};

    #[test]
    fn a_subset_in_any_order_keeps_each_row_whole() {
        let ins = Instrument::default_instrument();
        let table = generate(&ins, &SynthOptions { n: 60, seed: 4, comment_rate: 0.5, ..SynthOptions::default() });
        let ascending: Vec<u32> = (0..60).filter(|r| r % 3 != 1).collect();
        let shuffled: Vec<u32> = ascending.iter().rev().copied().collect();
        for keep in [&ascending, &shuffled] {
            let sub = subset(&table, keep);
            assert_eq!(sub.rows, keep.len());
            for (new, &old) in keep.iter().enumerate() {
                assert_eq!(sub.answers[0].values[new], table.answers[0].values[old as usize]);
                assert_eq!(sub.segments[0].codes.get(new), table.segments[0].codes.get(old as usize));
                let text = |t: &ResponseTable, row: u32| t.texts[0].entries.iter().find(|e| e.0 == row).map(|e| e.1.clone());
                assert_eq!(text(&sub, new as u32), text(&table, old));
            }
        }
    }
}
