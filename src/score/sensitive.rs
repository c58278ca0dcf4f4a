//! Randomized-response questions in the report: the estimated share of people for whom a
//! sensitive statement is true, overall and per breakdown group, under the same minimum
//! group size and complementary suppression as every other statistic.

use std::collections::BTreeMap;

use crate::ingest::{ResponseTable, MISSING};
use crate::instrument::{Instrument, Question};
use crate::privacy::randomized::{estimate, Design};
use crate::privacy::MinGroup;
use crate::report::{SegmentGroup, SensitiveEstimate, SensitiveGroup, SensitiveReport};

use super::group::Rows;

/// Reported yes count and answer count of `values` over `rows`.
fn tally(values: &[u8], rows: Rows<'_>) -> (usize, usize) {
    let (mut yes, mut n) = (0, 0);
    rows.for_each(|r| {
        if values[r] != MISSING {
            n += 1;
            yes += usize::from(values[r] == 1);
        }
    });
    (yes, n)
}

/// The estimate from a tally, or an empty one when it may not be shown.
fn estimate_of(design: &Design, (yes, n): (usize, usize), show: bool) -> SensitiveEstimate {
    let empty = SensitiveEstimate { n: None, reported_yes: None, share: None, ci95: None, width_vs_direct: None };
    if !show {
        return empty;
    }
    match estimate(design, yes, n) {
        Ok(e) => SensitiveEstimate {
            n: Some(n),
            reported_yes: Some(yes as f64 / n as f64 * 100.0),
            share: Some(e.proportion.clamp(0.0, 1.0) * 100.0),
            ci95: Some([e.ci95[0] * 100.0, e.ci95[1] * 100.0]),
            width_vs_direct: (e.direct_se > 0.0).then(|| e.se / e.direct_se),
        },
        Err(_) => empty,
    }
}

/// One report per randomized question. `breakdowns` and `segments` are the breakdown groups
/// and their already-decided visibility, in the same order.
pub(super) fn report(
    instrument: &Instrument,
    table: &ResponseTable,
    breakdowns: &[(String, Vec<(String, Vec<u32>)>)],
    segments: &BTreeMap<String, Vec<SegmentGroup>>,
    min: MinGroup,
) -> Vec<SensitiveReport> {
    instrument
        .questions()
        .filter_map(|q| match q {
            Question::Randomized { id, text, randomization, .. } => Some((id, text, randomization, &table.answer(id)?.values)),
            _ => None,
        })
        .map(|(id, text, design, values)| {
            let all = tally(values, Rows::All(table.rows));
            let groups = breakdowns
                .iter()
                .map(|(column, groups)| {
                    let tallies: Vec<(usize, usize)> = groups.iter().map(|(_, rows)| tally(values, Rows::Only(rows))).collect();
                    let hidden: Vec<bool> = segments[column].iter().map(|g| g.suppressed).collect();
                    let answers: Vec<usize> = tallies.iter().map(|t| t.1).collect();
                    let hide = min.suppress_complement(&answers, &hidden);
                    let shown = groups
                        .iter()
                        .zip(tallies)
                        .zip(hide)
                        .map(|(((value, _), t), h)| SensitiveGroup {
                            value: value.clone(),
                            estimate: estimate_of(design, t, !h && min.allows(t.1)),
                        })
                        .collect();
                    (column.clone(), shown)
                })
                .collect();
            SensitiveReport {
                id: id.clone(),
                text: text.clone(),
                randomization: *design,
                likelihood_ratio: design.likelihood_ratio(),
                all: estimate_of(design, all, min.allows(all.1)),
                segments: groups,
            }
        })
        .collect()
}
