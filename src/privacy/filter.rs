//! Filtered views (one segment value and/or one wave) that cannot be used to single
//! people out, not even by comparing two views.
//!
//! A filtered view is a subset of the respondents. Anyone who sees both the view and
//! a coarser view it refines — everyone, the segment value over all waves, the wave
//! over all segments — can subtract one from the other. So:
//!
//! 1. [`select`] allows a view only when it holds at least `k` people and, for every
//!    coarser view, the difference is 0 or at least `k` people.
//! 2. [`protect`] then compares every statistic of the view's report with the same
//!    statistic of each coarser report: where the number of people behind it differs
//!    by 1 … k−1 (a breakdown group, an item some people skipped), it is hidden; in a
//!    breakdown, further groups are hidden until the hidden ones can't be derived from
//!    the total either.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::MinGroup;
use crate::ingest::{ResponseTable, SegmentColumn, NO_SEGMENT};
use crate::report::{Report, SegmentGroup};
use crate::score::NO_ANSWER;

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
    /// Compared with `coarser`, the view would single out fewer than `k` people.
    Difference {
        /// The minimum group size.
        k: usize,
        /// The coarser view, in words ("all respondents", "Engineering in all waves").
        coarser: String,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::UnknownColumn(c) => write!(f, "there is no column {c:?} to filter by"),
            FilterError::UnknownValue { column, value } => write!(f, "column {column:?} has no value {value:?}"),
            FilterError::NoWaveColumn => write!(f, "a wave filter needs a wave column (set the wave option)"),
            FilterError::TooSmall { k } => write!(f, "this filter selects fewer than {k} people, so it is not shown"),
            FilterError::Difference { k, coarser } => write!(
                f,
                "this filter is not shown: compared with {coarser}, it would single out fewer than {k} people; choose a broader filter"
            ),
        }
    }
}

impl std::error::Error for FilterError {}

/// An allowed filtered view: its rows as a table, and the coarser views it refines.
#[derive(Debug, Clone)]
pub struct FilteredView {
    /// The respondents the filter keeps.
    pub table: ResponseTable,
    /// The coarser views (everyone first), as tables to score the same way.
    pub coarser: Vec<ResponseTable>,
    /// The rows of the original table the view keeps (ascending), e.g. to subset per-row analyses.
    pub rows: Vec<u32>,
    /// The rows of each coarser view, parallel to `coarser`.
    pub coarser_rows: Vec<Vec<u32>>,
}

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

/// The rows of an allowed filtered view and of the coarser views it refines.
#[derive(Debug, Clone)]
pub struct FilteredRows {
    /// The rows of the original table the view keeps (ascending).
    pub rows: Vec<u32>,
    /// Each coarser view (everyone first): the filter that selects it and its rows (ascending).
    pub coarser: Vec<(Filter, Vec<u32>)>,
}

/// Checks `filter` against the privacy rules and cuts the view (and its coarser views)
/// out of `table`; `Ok(None)` when the filter keeps everyone.
pub fn select(
    table: &ResponseTable,
    filter: &Filter,
    wave_column: Option<&str>,
    min: MinGroup,
) -> Result<Option<FilteredView>, FilterError> {
    let Some(view) = select_rows(table, filter, wave_column, min)? else { return Ok(None) };
    Ok(Some(FilteredView {
        table: subset(table, &view.rows),
        coarser: view.coarser.iter().map(|(_, r)| subset(table, r)).collect(),
        rows: view.rows,
        coarser_rows: view.coarser.into_iter().map(|(_, r)| r).collect(),
    }))
}

/// [`select`] without building tables: the rows of the view and of its coarser views, so a
/// caller can reuse reports it already has for the coarser views (everyone's, above all).
pub fn select_rows(
    table: &ResponseTable,
    filter: &Filter,
    wave_column: Option<&str>,
    min: MinGroup,
) -> Result<Option<FilteredRows>, FilterError> {
    if filter.is_empty() {
        return Ok(None);
    }
    let seg = filter.segment.as_ref().map(|s| code_of(table, &s.column, &s.value)).transpose()?;
    let wave = match &filter.wave {
        Some(w) => Some(code_of(table, wave_column.ok_or(FilterError::NoWaveColumn)?, w)?),
        None => None,
    };
    let is_seg = seg.map(|(i, c)| rows_where(&table.segments[i], c));
    let is_wave = wave.map(|(i, c)| rows_where(&table.segments[i], c));
    let keep = |r: usize| is_seg.as_ref().map_or(true, |f| f(r)) && is_wave.as_ref().map_or(true, |f| f(r));
    let rows: Vec<u32> = (0..table.rows).filter(|&r| keep(r)).map(|r| r as u32).collect();
    if !min.allows(rows.len()) {
        return Err(FilterError::TooSmall { k: min.k() });
    }
    let mut coarser: Vec<(String, Filter, Vec<u32>)> =
        vec![("all respondents".into(), Filter::default(), (0..table.rows as u32).collect())];
    if let (Some(s), Some(w), Some(fs), Some(fw)) = (&filter.segment, &filter.wave, &is_seg, &is_wave) {
        let seg_only = Filter { segment: Some(s.clone()), wave: None };
        let wave_only = Filter { segment: None, wave: Some(w.clone()) };
        coarser.push((format!("{} in all waves", s.value), seg_only, (0..table.rows).filter(|&r| fs(r)).map(|r| r as u32).collect()));
        coarser.push((format!("all of {w}"), wave_only, (0..table.rows).filter(|&r| fw(r)).map(|r| r as u32).collect()));
    }
    for (name, _, superset) in &coarser {
        let diff = superset.len() - rows.len();
        if diff > 0 && !min.allows(diff) {
            return Err(FilterError::Difference { k: min.k(), coarser: name.clone() });
        }
    }
    // Sibling views: each allowed view must be a group its column's breakdown shows, else
    // two allowed siblings and their common coarser view give the hidden ones by subtraction.
    let all = || 0..table.rows;
    if let (Some(s), Some((i, c))) = (&filter.segment, seg) {
        siblings(&table.segments[i], c, all(), min, || format!("the other {} groups", s.column))?;
    }
    if let Some((i, c)) = wave {
        siblings(&table.segments[i], c, all(), min, || "the other waves".to_string())?;
    }
    if let (Some(s), Some((si, sc)), Some((wi, wc)), Some(fs), Some(fw)) = (&filter.segment, seg, wave, &is_seg, &is_wave) {
        let w = filter.wave.as_deref().unwrap_or_default();
        siblings(&table.segments[si], sc, all().filter(|&r| fw(r)), min, || format!("the other {} groups in {w}", s.column))?;
        siblings(&table.segments[wi], wc, all().filter(|&r| fs(r)), min, || format!("the other waves of {}", s.value))?;
    }
    Ok(Some(FilteredRows { rows, coarser: coarser.into_iter().map(|(_, f, r)| (f, r)).collect() }))
}

/// Fails when the breakdown of `column` over `rows` hides the group of `code` (by the
/// complementary suppression of [`MinGroup::suppress_breakdown`], blanks included).
fn siblings(
    column: &SegmentColumn,
    code: u32,
    rows: impl Iterator<Item = usize>,
    min: MinGroup,
    name: impl FnOnce() -> String,
) -> Result<(), FilterError> {
    let slots = column.labels.len() + 1;
    let slot = |c: u32| (c as usize).min(slots - 1);
    let mut sizes = vec![0usize; slots];
    for r in rows {
        if let Some(&c) = column.codes.get(r) {
            sizes[slot(c)] += 1;
        }
    }
    if min.suppress_breakdown(&sizes)[slot(code)] {
        return Err(FilterError::Difference { k: min.k(), coarser: name() });
    }
    Ok(())
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
    out.texts = table
        .texts
        .iter()
        .map(|t| crate::ingest::TextColumn {
            id: t.id.clone(),
            entries: t.entries.iter().filter_map(|(r, s)| Some((remap(*r)?, s.clone()))).collect(),
        })
        .collect();
    out.rankings = table
        .rankings
        .iter()
        .map(|k| crate::ingest::RankingColumn {
            id: k.id.clone(),
            entries: k.entries.iter().filter_map(|(r, o)| Some((remap(*r)?, o.clone()))).collect(),
        })
        .collect();
    out
}

/// True when `fine` people vs `coarse` people (of the same statistic) differ by 1 … k−1.
fn leaks(min: MinGroup, fine: Option<usize>, coarse: Option<usize>) -> bool {
    match (fine, coarse) {
        (Some(f), Some(c)) => c > f && !min.allows(c - f),
        // The coarse statistic is hidden: its n is unknown to a reader, nothing to subtract.
        _ => false,
    }
}

/// Hides every statistic of `fine` whose people differ from the same statistic of
/// any of `coarser` by 1 … k−1; `table` is the view's own table (for group sizes).
pub fn protect(fine: &mut Report, table: &ResponseTable, coarser: &[Report], min: MinGroup) {
    for coarse in coarser {
        hide_leaks(fine, coarse, min);
    }
    let columns: Vec<String> = fine.segments.keys().cloned().collect();
    for column in columns {
        if let Some(groups) = fine.segments.get_mut(&column) {
            repool(groups, table, &column, min);
        }
    }
    protect_comments(fine, table, coarser, min);
    if let Some(waves) = fine.waves.as_mut() {
        let column = waves.column.clone();
        repool(&mut waves.waves, table, &column, min);
        let hidden: Vec<String> = waves.waves.iter().filter(|w| w.suppressed).map(|w| w.value.clone()).collect();
        waves.deltas.retain(|d| !hidden.contains(&d.from) && !hidden.contains(&d.to));
    }
}

fn hide_leaks(fine: &mut Report, coarse: &Report, min: MinGroup) {
    if leaks(min, fine.overall.n, coarse.overall.n) {
        fine.overall = crate::report::Score::hidden(None);
    }
    hide_stats(fine, coarse, min);
    for (column, groups) in fine.segments.iter_mut() {
        if let Some(others) = coarse.segments.get(column) {
            hide_groups(groups, others, min);
        }
    }
    if let (Some(f), Some(c)) = (fine.waves.as_mut(), coarse.waves.as_ref()) {
        hide_groups(&mut f.waves, &c.waves, min);
    }
}

/// Items, dimensions, NPS, balance and rankings of the whole view.
fn hide_stats(fine: &mut Report, coarse: &Report, min: MinGroup) {
    for d in fine.dimensions.iter_mut() {
        if leaks(min, d.score.n, coarse.dimensions.iter().find(|c| c.id == d.id).and_then(|c| c.score.n)) {
            hide_dimension(d);
        }
    }
    for it in fine.items.iter_mut() {
        if leaks(min, it.n, coarse.items.iter().find(|c| c.id == it.id).and_then(|c| c.n)) {
            it.n = None;
            (it.mean, it.favourable, it.neutral, it.unfavourable, it.distribution, it.item_rest) = (None, None, None, None, None, None);
        }
    }
    if let Some(n) = fine.nps.as_mut().filter(|n| leaks(min, n.n, coarse.nps.as_ref().and_then(|c| c.n))) {
        (n.n, n.score, n.ci95, n.promoters, n.passives, n.detractors) = (None, None, None, None, None, None);
    }
    if let Some(b) = fine.balance.as_mut().filter(|b| leaks(min, b.n, coarse.balance.as_ref().and_then(|c| c.n))) {
        (b.n, b.score, b.ci95, b.left_share, b.middle_share, b.right_share) = (None, None, None, None, None, None);
    }
    for r in fine.rankings.iter_mut() {
        if leaks(min, r.n, coarse.rankings.iter().find(|c| c.id == r.id).and_then(|c| c.n)) {
            r.n = None;
            r.options.clear();
        }
    }
}

fn hide_dimension(d: &mut crate::report::DimensionScore) {
    d.score = crate::report::Score::hidden(None);
    (d.favourable, d.neutral, d.unfavourable, d.alpha, d.vs_rest) = (None, None, None, None, None);
    d.low_reliability = false;
}

/// Hides groups (and statistics inside groups) that differ from the coarse group of the same value by 1 … k−1 people.
fn hide_groups(groups: &mut [SegmentGroup], coarse: &[SegmentGroup], min: MinGroup) {
    for g in groups.iter_mut().filter(|g| !g.suppressed) {
        let Some(c) = coarse.iter().find(|c| c.value == g.value) else { continue };
        if leaks(min, g.n, c.n) {
            g.suppressed = true; // blanked in `repool`
            continue;
        }
        if let (Some(gs), Some(cs)) = (g.dimensions.as_mut(), c.dimensions.as_ref()) {
            for (d, cd) in gs.iter_mut().zip(cs) {
                if leaks(min, d.score.n, cd.score.n) {
                    hide_dimension(d);
                }
            }
        }
        if let (Some(o), Some(co)) = (g.overall.as_mut(), c.overall.as_ref()) {
            if leaks(min, o.score.n, co.score.n) {
                o.score = crate::report::Score::hidden(None);
                o.vs_rest = None;
            }
        }
        if leaks(min, g.nps.as_ref().and_then(|n| n.n), c.nps.as_ref().and_then(|n| n.n)) {
            g.nps = None;
        }
        if leaks(min, g.balance.as_ref().and_then(|b| b.n), c.balance.as_ref().and_then(|b| b.n)) {
            g.balance = None;
        }
    }
}

/// The same rules for comment counts, with the comment threshold: a question whose
/// comments differ from a coarser view's by 1 … k−1 is hidden whole; a group whose
/// comments do is hidden with partners (by comment count) so it can't be derived from
/// the question's total; samples lose the names of newly hidden groups.
fn protect_comments(fine: &mut Report, table: &ResponseTable, coarser: &[Report], min: MinGroup) {
    for q in fine.comments.iter_mut() {
        let k = MinGroup::new(q.min_comments.max(min.k())).unwrap_or(min);
        let others: Vec<&crate::report::CommentReport> = coarser.iter().filter_map(|c| c.comments.iter().find(|c| c.id == q.id)).collect();
        if others.iter().any(|c| leaks(k, q.n, c.n)) {
            (q.n, q.summary) = (None, None);
            q.segments.clear();
            q.samples.clear();
            q.redacted = Default::default();
            continue;
        }
        let Some(text) = table.text(&q.id) else { continue };
        for (column, groups) in q.segments.iter_mut() {
            let Some(seg) = table.segment(column) else { continue };
            let forced: Vec<bool> = groups
                .iter()
                .map(|g| {
                    g.suppressed
                        || others.iter().any(|c| {
                            c.segments
                                .get(column)
                                .and_then(|cg| cg.iter().find(|x| x.value == g.value))
                                .is_some_and(|cg| leaks(k, g.n, cg.n))
                        })
                })
                .collect();
            let sizes: Vec<usize> = groups
                .iter()
                .map(|g| {
                    let code = seg.labels.iter().position(|l| *l == g.value).map_or(NO_SEGMENT, |c| c as u32);
                    text.entries.iter().filter(|(r, _)| seg.codes.get(*r as usize) == Some(&code)).count()
                })
                .collect();
            let hidden = k.suppress_breakdown_with(&sizes, &forced);
            for (g, hide) in groups.iter_mut().zip(hidden) {
                if hide && !g.suppressed {
                    for s in q.samples.iter_mut() {
                        if s.groups.get(column) == Some(&g.value) {
                            s.groups.remove(column);
                        }
                    }
                }
                if hide {
                    (g.n, g.n_label, g.suppressed, g.summary) = (None, k.label(), true, None);
                }
            }
        }
    }
}

/// After forced hides, hides further groups (smallest first) until at least two are
/// hidden and together hold at least `k` people, then blanks every hidden group.
fn repool(groups: &mut [SegmentGroup], table: &ResponseTable, column: &str, min: MinGroup) {
    let Some(seg) = table.segment(column) else { return };
    let size_of = |value: &str| -> usize {
        let code = seg.labels.iter().position(|l| l == value).map_or(NO_SEGMENT, |c| c as u32);
        seg.codes.iter().filter(|&&c| c == code).count()
    };
    let sizes: Vec<usize> = groups.iter().map(|g| size_of(&g.value)).collect();
    let forced: Vec<bool> = groups.iter().map(|g| g.suppressed).collect();
    let hidden = min.suppress_breakdown_with(&sizes, &forced);
    for (g, hide) in groups.iter_mut().zip(hidden) {
        if hide {
            *g = SegmentGroup {
                value: std::mem::take(&mut g.value),
                n: None,
                n_label: min.label(),
                suppressed: true,
                overall: None,
                dimensions: None,
                nps: None,
                balance: None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::MISSING;
    use crate::instrument::Instrument;
    use crate::score::{score, ScoreOptions};

    /// A table whose `dept` × `wave` cell sizes are given; every answer is 4, the
    /// first `blank` rows of `dept` 0 leave item `en1` blank.
    fn table(cells: &[(&str, &str, usize)], blank: usize) -> ResponseTable {
        let ins = Instrument::default_instrument();
        let mut t = ResponseTable::for_instrument(&ins);
        let mut dept = SegmentColumn { name: "dept".into(), ..Default::default() };
        let mut wave = SegmentColumn { name: "wave".into(), ..Default::default() };
        let code = |col: &mut SegmentColumn, v: &str| match col.labels.iter().position(|l| l == v) {
            Some(c) => c as u32,
            None => {
                col.labels.push(v.to_string());
                col.labels.len() as u32 - 1
            }
        };
        for &(d, w, n) in cells {
            for _ in 0..n {
                let (dc, wc) = (code(&mut dept, d), code(&mut wave, w));
                dept.codes.push(dc);
                wave.codes.push(wc);
                for c in &mut t.answers {
                    let skip = c.id == "en1" && dc == 0 && t.rows < blank;
                    c.values.push(if skip {
                        MISSING
                    } else if c.id == "nps" {
                        8
                    } else {
                        4
                    });
                }
                for s in &mut t.segments {
                    s.codes.push(NO_SEGMENT);
                }
                t.rows += 1;
            }
        }
        t.segments.extend([dept, wave]);
        t
    }

    fn k5() -> MinGroup {
        MinGroup::default()
    }

    fn seg(column: &str, value: &str) -> Option<SegmentFilter> {
        Some(SegmentFilter { column: column.into(), value: value.into() })
    }

    fn filtered(t: &ResponseTable, f: &Filter) -> Result<Report, FilterError> {
        let ins = Instrument::default_instrument();
        let opts = ScoreOptions { by: vec!["dept".into()], wave: Some("wave".into()), min_group: k5() };
        let view = select(t, f, Some("wave"), k5())?.expect("a filter");
        let mut report = score(&ins, &view.table, &opts).expect("scores");
        let coarser: Vec<Report> = view.coarser.iter().map(|c| score(&ins, c, &opts).expect("scores")).collect();
        protect(&mut report, &view.table, &coarser, k5());
        Ok(report)
    }

    #[test]
    fn subset_copies_only_the_kept_rows_the_same_way_as_by_index() {
        use crate::synth::{generate, SynthOptions};
        let ins = Instrument::default_instrument();
        let t = generate(&ins, &SynthOptions { n: 2000, seed: 7, waves: vec!["W1".into(), "W2".into()], ..SynthOptions::default() });
        assert!(t.texts.iter().any(|c| !c.entries.is_empty()));
        for keep in [(0..2000).collect::<Vec<u32>>(), (0..2000).filter(|r| r % 3 == 1).collect(), vec![], vec![5, 1999], vec![7, 3, 3]] {
            assert_eq!(subset(&t, &keep), subset_by_index(&t, &keep), "{:?}", &keep[..keep.len().min(4)]);
        }
        assert_eq!(subset(&t, &(0..2000).collect::<Vec<u32>>()), t);
    }

    #[test]
    fn empty_filter_is_the_whole_table() {
        assert!(select(&table(&[("A", "W1", 9)], 0), &Filter::default(), None, k5()).unwrap().is_none());
    }

    #[test]
    fn a_view_under_k_is_refused() {
        let t = table(&[("A", "W1", 40), ("B", "W1", 4)], 0);
        let f = Filter { segment: seg("dept", "B"), wave: None };
        assert_eq!(select(&t, &f, None, k5()).unwrap_err(), FilterError::TooSmall { k: 5 });
    }

    #[test]
    fn all_but_a_few_is_refused_against_the_total() {
        // 97 of 100: the total minus the view would describe 3 people.
        let t = table(&[("A", "W1", 97), ("B", "W1", 3)], 0);
        let f = Filter { segment: seg("dept", "A"), wave: None };
        let e = select(&t, &f, None, k5()).unwrap_err();
        assert!(matches!(&e, FilterError::Difference { coarser, .. } if coarser == "all respondents"), "{e}");
        assert!(!e.to_string().contains('3'), "the message must not give the size away: {e}");
    }

    #[test]
    fn a_wave_that_is_everyone_but_a_few_is_refused() {
        let t = table(&[("A", "W1", 50), ("A", "W2", 2)], 0);
        let f = Filter { segment: None, wave: Some("W1".into()) };
        assert!(matches!(select(&t, &f, Some("wave"), k5()), Err(FilterError::Difference { .. })));
    }

    #[test]
    fn segment_and_wave_is_checked_against_the_segment_over_all_waves() {
        // A in W1 = 18, A overall = 20: the 2 A people of W2 could be derived.
        let t = table(&[("A", "W1", 18), ("A", "W2", 2), ("B", "W1", 30), ("B", "W2", 30)], 0);
        let f = Filter { segment: seg("dept", "A"), wave: Some("W1".into()) };
        let e = select(&t, &f, Some("wave"), k5()).unwrap_err();
        assert!(matches!(&e, FilterError::Difference { coarser, .. } if coarser == "A in all waves"), "{e}");
    }

    #[test]
    fn segment_and_wave_is_checked_against_the_wave_over_all_segments() {
        // A in W1 = 40, W1 overall = 43: the 3 non-A people of W1 could be derived.
        let t = table(&[("A", "W1", 40), ("B", "W1", 3), ("A", "W2", 30), ("B", "W2", 30)], 0);
        let f = Filter { segment: seg("dept", "A"), wave: Some("W1".into()) };
        let e = select(&t, &f, Some("wave"), k5()).unwrap_err();
        assert!(matches!(&e, FilterError::Difference { coarser, .. } if coarser == "all of W1"), "{e}");
    }

    #[test]
    fn differences_of_zero_or_at_least_k_are_allowed() {
        let t = table(&[("A", "W1", 20), ("A", "W2", 10), ("B", "W1", 10), ("B", "W2", 10)], 0);
        let f = Filter { segment: seg("dept", "A"), wave: Some("W1".into()) };
        let view = select(&t, &f, Some("wave"), k5()).unwrap().unwrap();
        assert_eq!(view.table.rows, 20);
        assert_eq!(view.coarser.iter().map(|c| c.rows).collect::<Vec<_>>(), vec![50, 30, 30]);
        // Only A exists in W3: the segment filter equals the wave filter (difference 0).
        let t = table(&[("A", "W3", 12), ("B", "W1", 20)], 0);
        assert!(select(&t, &Filter { segment: seg("dept", "A"), wave: Some("W3".into()) }, Some("wave"), k5()).is_ok());
    }

    #[test]
    fn unknown_columns_and_values_say_so() {
        let t = table(&[("A", "W1", 9)], 0);
        let e = select(&t, &Filter { segment: seg("team", "A"), wave: None }, None, k5()).unwrap_err();
        assert_eq!(e, FilterError::UnknownColumn("team".into()));
        let e = select(&t, &Filter { segment: seg("dept", "Z"), wave: None }, None, k5()).unwrap_err();
        assert!(matches!(e, FilterError::UnknownValue { .. }));
        let e = select(&t, &Filter { segment: None, wave: Some("W1".into()) }, None, k5()).unwrap_err();
        assert_eq!(e, FilterError::NoWaveColumn);
    }

    #[test]
    fn a_breakdown_group_that_shrinks_by_a_few_is_hidden_with_a_partner() {
        // Unfiltered: A = 52, B = 40, C = 30. Filter W1: A = 50 (2 A people are in W2),
        // so A in W1 vs A overall would describe 2 people; A is hidden, and one more
        // group with it so A can't be derived from the W1 total.
        let t = table(&[("A", "W1", 50), ("A", "W2", 2), ("B", "W1", 20), ("B", "W2", 20), ("C", "W1", 15), ("C", "W2", 15)], 0);
        let r = filtered(&t, &Filter { segment: None, wave: Some("W1".into()) }).unwrap();
        let groups = &r.segments["dept"];
        let a = groups.iter().find(|g| g.value == "A").unwrap();
        assert!(a.suppressed && a.n.is_none() && a.overall.is_none() && a.n_label == "< 5");
        assert_eq!(groups.iter().filter(|g| g.suppressed).count(), 2, "{groups:?}");
    }

    #[test]
    fn an_item_a_few_outsiders_answered_is_hidden() {
        // Filter dept A (40 of 80 in W1): of the 40 B people only 3 answered en1
        // (blank is set for the first 37 rows of dept 0, which is B here).
        let t = table(&[("B", "W1", 40), ("A", "W1", 40)], 37);
        let r = filtered(&t, &Filter { segment: seg("dept", "A"), wave: None }).unwrap();
        let en1 = r.items.iter().find(|i| i.id == "en1").unwrap();
        assert!(en1.n.is_none() && en1.favourable.is_none() && en1.distribution.is_none(), "{en1:?}");
        assert!(r.items.iter().find(|i| i.id == "en2").unwrap().n.is_some());
    }

    #[test]
    fn no_allowed_view_shows_a_count_under_k() {
        let t = table(&[("A", "W1", 18), ("A", "W2", 9), ("B", "W1", 7), ("B", "W2", 12), ("C", "W1", 3), ("C", "W2", 6)], 4);
        let filters = ["A", "B", "C"]
            .iter()
            .flat_map(|d| [None, Some("W1"), Some("W2")].map(|w| Filter { segment: seg("dept", d), wave: w.map(String::from) }));
        let mut allowed = 0;
        for f in filters.chain([Filter { segment: None, wave: Some("W1".into()) }]) {
            if let Ok(r) = filtered(&t, &f) {
                allowed += 1;
                let json = serde_json::to_value(&r).unwrap();
                check_counts(&json, &format!("{f:?}"));
            }
        }
        assert!(allowed >= 3, "the attack suite must exercise allowed views too ({allowed})");
    }

    /// `filtered` with comments: every row of `table` writes one "should change" comment.
    fn filtered_with_comments(t: &mut ResponseTable, f: &Filter) -> Result<Report, FilterError> {
        use crate::score::comments::{AnalyzedComments, CommentOptions};
        use crate::score::score_with_comments;
        let text = t.texts.iter_mut().find(|c| c.id == "should_change").unwrap();
        // Distinct texts: samples show each text once.
        text.entries = (0..t.rows as u32)
            .map(|r| (r, if r % 2 == 0 { format!("Reviews take weeks ({r}).") } else { format!("They found a way, thanks! ({r})") }))
            .collect();
        let ins = Instrument::default_instrument();
        let analyzed = AnalyzedComments::new(&crate::text::Analyzer::new(), t);
        let opts = ScoreOptions { by: vec!["dept".into()], wave: Some("wave".into()), min_group: k5() };
        let view = select(t, f, Some("wave"), k5())?.expect("a filter");
        let c = CommentOptions::default();
        let mut report = score_with_comments(&ins, &view.table, &opts, Some((&analyzed.subset(t, &view.rows), &c))).unwrap();
        let coarser: Vec<Report> = view
            .coarser
            .iter()
            .zip(&view.coarser_rows)
            .map(|(ct, rows)| score_with_comments(&ins, ct, &opts, Some((&analyzed.subset(t, rows), &c))).unwrap())
            .collect();
        protect(&mut report, &view.table, &coarser, k5());
        Ok(report)
    }

    #[test]
    fn comment_counts_pass_the_difference_checks_with_the_comment_threshold() {
        // W1 vs everyone differs by 7 people (allowed at k = 5), but by 7 comments (< 10):
        // the question's comments are hidden whole in the W1 view.
        let mut t = table(&[("A", "W1", 30), ("B", "W1", 30), ("A", "W2", 7)], 0);
        let r = filtered_with_comments(&mut t, &Filter { segment: None, wave: Some("W1".into()) }).unwrap();
        let q = r.comments.iter().find(|q| q.id == "should_change").unwrap();
        assert!(q.n.is_none() && q.summary.is_none() && q.samples.is_empty() && q.segments.is_empty(), "{q:?}");
        // W1 vs everyone differs by 20 comments (fine), but A in W1 vs A overall by 6:
        // A's comments are hidden, with a partner so A can't be derived from the total.
        let mut t = table(&[("A", "W1", 30), ("B", "W1", 30), ("C", "W1", 40), ("A", "W2", 6), ("B", "W2", 14)], 0);
        let r = filtered_with_comments(&mut t, &Filter { segment: None, wave: Some("W1".into()) }).unwrap();
        let q = r.comments.iter().find(|q| q.id == "should_change").unwrap();
        assert_eq!(q.n, Some(100));
        let groups = &q.segments["dept"];
        let a = groups.iter().find(|g| g.value == "A").unwrap();
        assert!(a.suppressed && a.n.is_none() && a.summary.is_none() && a.n_label == "< 10", "{a:?}");
        assert_eq!(groups.iter().filter(|g| g.suppressed).count(), 2, "{groups:?}");
        let hidden: Vec<&str> = groups.iter().filter(|g| g.suppressed).map(|g| g.value.as_str()).collect();
        assert!(
            q.samples.iter().all(|s| s.groups.get("dept").map_or(true, |v| !hidden.contains(&v.as_str()))),
            "samples name hidden groups"
        );
        assert!(q.samples.iter().any(|s| s.groups.contains_key("dept")), "visible groups are still named");
        check_counts(&serde_json::to_value(&r).unwrap(), "comments");
    }

    fn check_counts(v: &serde_json::Value, ctx: &str) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if k == "n" || k == "respondents" {
                        assert!(x.as_u64().map_or(true, |n| n >= 5), "{ctx}: {k} = {x}");
                    }
                    check_counts(x, ctx);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| check_counts(x, ctx)),
            _ => {}
        }
    }
}
