//! Multi-choice ("choose all that apply") questions: for each, the share of the respondents
//! who answered it that chose each option, "none of these" last. Shares add up to more than
//! 100%; a question fewer than k people answered is one "< k" row.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, pct};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, NEUTRAL};
use super::{ChartError, ChartText, DataTable};
use crate::report::{Report, Selection};

const NONE_ASKED: &str = "This survey has no \u{201c}choose all that apply\u{201d} question.";

/// The question's wording, or its id.
fn wording(s: &Selection) -> &str {
    if s.text.is_empty() {
        &s.id
    } else {
        &s.text
    }
}

/// Number of bar rows: one per question, plus one per option of a shown question.
pub(crate) fn rows(report: &Report) -> usize {
    report.selections.iter().map(|s| 1 + s.options.len()).sum()
}

/// Draws every multi-choice question as one block of bars.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report) -> Result<(), ChartError> {
    if report.selections.is_empty() {
        return pen.message(NONE_ASKED);
    }
    let mut rows = Vec::new();
    for s in &report.selections {
        let Some(n) = s.n else {
            rows.push(Row::hidden(wording(s).to_string(), true, format!("< {}", report.min_group)));
            continue;
        };
        rows.push(Row {
            label: wording(s).to_string(),
            strong: true,
            segments: vec![],
            ci: None,
            value: String::new(),
            n: format!("n {}", count(n)),
            hidden: false,
        });
        rows.extend(s.options.iter().map(|o| Row {
            label: o.option.clone(),
            strong: false,
            segments: vec![(0.0, o.share, if o.none { NEUTRAL } else { BLUE })],
            ci: None,
            value: pct(o.share),
            n: String::new(),
            hidden: false,
        }));
    }
    let legend = vec![("% of those who answered".to_string(), LegendMark::Note)];
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks: bars::ticks(0.0, 100.0, 25.0, pct), zero: 0.0, poles: None, legend })
}

/// Title, takeaway and data table.
pub(crate) fn describe(report: &Report) -> ChartText {
    let title = match report.selections.as_slice() {
        [one] => format!("What people chose \u{2014} \u{201c}{}\u{201d}", wording(one)),
        _ => "What people chose".to_string(),
    };
    let Some(first) = report.selections.iter().find(|s| s.n.is_some()) else {
        let takeaway = if report.selections.is_empty() {
            NONE_ASKED.to_string()
        } else {
            format!("Fewer than {} people answered, so no shares are shown.", report.min_group)
        };
        return ChartText { title, takeaway, table: empty_table() };
    };
    let top = first.options.iter().filter(|o| !o.none).max_by(|a, b| a.share.total_cmp(&b.share));
    let none = first.options.iter().find(|o| o.none);
    let mut takeaway = match top {
        Some(o) => format!("Most often chosen: \u{201c}{}\u{201d} ({}).", o.option, pct(o.share)),
        None => String::new(),
    };
    if let Some(o) = none {
        takeaway += &format!(" {} chose \u{201c}{}\u{201d}.", pct(o.share), o.option);
    }
    let mut table_rows = Vec::new();
    for s in &report.selections {
        let n = s.n.map_or_else(|| format!("< {}", report.min_group), count);
        table_rows.push(vec![wording(s).to_string(), String::new(), n]);
        table_rows.extend(s.options.iter().map(|o| vec![o.option.clone(), pct(o.share), String::new()]));
    }
    let table = DataTable {
        caption: "Share of the respondents who answered each question that chose each option (several could be chosen)".to_string(),
        columns: vec!["Question / option".into(), "Chosen by".into(), "Answered (n)".into()],
        rows: table_rows,
    };
    ChartText { title, takeaway: takeaway.trim().to_string(), table }
}
