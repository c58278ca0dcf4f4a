//! Randomized-response questions in the report: the estimated share of people for whom a
//! sensitive statement is true, overall and per breakdown group (unsuppressed: the
//! disclosure layer hides what it must, as for every other statistic).

use crate::ingest::{ResponseTable, MISSING};
use crate::instrument::randomized::{estimate, Design};
use crate::instrument::{Instrument, Question};
use crate::report::{SensitiveEstimate, SensitiveGroup, SensitiveReport};

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

/// The estimate from a tally (empty when there are no answers).
fn estimate_of(design: &Design, (yes, n): (usize, usize)) -> SensitiveEstimate {
    let empty = SensitiveEstimate { n: None, reported_yes: None, share: None, ci95: None, width_vs_direct: None };
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

/// One report per randomized question, overall and per group of each breakdown.
pub(super) fn report(instrument: &Instrument, table: &ResponseTable, breakdowns: &[super::Breakdown]) -> Vec<SensitiveReport> {
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
                    let shown = groups
                        .iter()
                        .map(|(value, rows)| SensitiveGroup {
                            value: value.clone(),
                            estimate: estimate_of(design, tally(values, Rows::Only(rows))),
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
                all: estimate_of(design, all),
                segments: groups,
            }
        })
        .collect()
}
