//! Response rates: released respondent counts against the headcounts a survey owner supplies.
//! A group's rate is shown only where the report releases its respondents (the disclosure
//! layer's decision, at least k), so the rates add no number the report does not already hold.

use super::{Participation, Report, ResponseRate};
use crate::ingest::headcounts::Headcounts;

/// Why headcounts do not fit a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationError(pub String);

impl std::fmt::Display for ParticipationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParticipationError {}

fn rate(report: &Report, value: &str, headcount: u64, respondents: Option<usize>) -> ResponseRate {
    ResponseRate {
        value: value.to_string(),
        headcount,
        respondents,
        respondents_label: respondents.map_or_else(|| format!("< {}", report.min_group), |n| crate::lang::Lang::En.count(n as u64)),
        rate: respondents.map(|n| n as f64 / headcount as f64 * 100.0),
    }
}

/// The response rates of `report` against `headcounts`. Every column the headcounts name must
/// be a breakdown of the report; a value without respondents counts as a group under k.
pub fn participation(report: &Report, headcounts: &Headcounts) -> Result<Participation, ParticipationError> {
    let mut groups = std::collections::BTreeMap::new();
    for column in headcounts.columns() {
        let Some(shown) = report.segments.get(&column) else {
            let by: Vec<&str> = report.segments.keys().map(String::as_str).collect();
            return Err(ParticipationError(format!(
                "headcounts name column {column:?}, which the report is not broken down by (add --by {column}; breakdowns now: {})",
                if by.is_empty() { "none".to_string() } else { by.join(", ") }
            )));
        };
        let rates = headcounts
            .groups
            .iter()
            .filter(|(c, _, _)| *c == column)
            .map(|(_, value, headcount)| {
                let n = shown.iter().find(|g| g.value == *value).and_then(|g| g.n);
                rate(report, value, *headcount, n)
            })
            .collect();
        groups.insert(column, rates);
    }
    let total = headcounts.total.or_else(|| {
        let first = headcounts.columns().into_iter().next()?;
        Some(headcounts.groups.iter().filter(|(c, _, _)| *c == first).map(|g| g.2).sum())
    });
    let overall = total.map(|t| rate(report, "All", t, report.respondents));
    Ok(Participation { overall, groups })
}
