//! Free-text comments: how many people wrote one per question. (Sentiment and
//! theme bars join this chart once comment summaries are part of the report.)

use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::count;
use super::layout::Pen;
use super::palette::SKY;
use super::{ChartError, ChartOptions, ChartText, DataTable};
use crate::report::Report;

/// How many respondents answered one free-text question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentCount {
    /// Question id.
    pub id: String,
    /// The question as asked.
    pub question: String,
    /// Number of comments; `None` when fewer than the minimum group size.
    pub n: Option<usize>,
}

/// Draws the comments chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    if o.comments.is_empty() {
        return pen.message("This report has no comment counts (published reports carry aggregates only).");
    }
    let max = o.comments.iter().filter_map(|c| c.n).max().unwrap_or(1) as f64;
    let top = nice_ceiling(max);
    let hidden = format!("< {}", report.min_group);
    let rows = o
        .comments
        .iter()
        .map(|c| match c.n {
            Some(n) => Row { label: c.question.clone(), strong: false, segments: vec![(0.0, n as f64, SKY)], ci: None, value: count(n), n: String::new(), hidden: false },
            None => Row { label: c.question.clone(), strong: false, segments: vec![], ci: None, value: hidden.clone(), n: String::new(), hidden: true },
        })
        .collect();
    let fmt = |v: f64| count(v.round() as usize);
    bars::draw(pen, &Bars { rows, x: 0.0..top, ticks: bars::ticks(0.0, top, top / 4.0, fmt), zero: 0.0, poles: None, legend: vec![] })
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `v`.
fn nice_ceiling(v: f64) -> f64 {
    let mag = 10f64.powf(v.max(1.0).log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|&c| c >= v).unwrap_or(10.0 * mag)
}

/// Title, takeaway and table of the comments chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let title = "How many people left a comment".to_string();
    if o.comments.is_empty() {
        return ChartText { title, takeaway: "This report has no comment counts.".into(), table: empty_table() };
    }
    let total: usize = o.comments.iter().filter_map(|c| c.n).sum();
    let takeaway = match report.respondents {
        Some(r) if r > 0 && total > 0 => {
            let best = o.comments.iter().filter(|c| c.n.is_some()).max_by_key(|c| c.n);
            format!(
                "{} comments from {} respondents; most on \u{201c}{}\u{201d}.",
                count(total),
                count(r),
                best.map_or("", |c| c.question.as_str())
            )
        }
        _ => format!("Fewer than {} comments per question, so counts are hidden.", report.min_group),
    };
    let hidden = format!("< {}", report.min_group);
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: "Comments per free-text question (the texts themselves are not part of the dashboard).".into(),
            columns: vec!["Question".into(), "Comments".into()],
            rows: o.comments.iter().map(|c| vec![c.question.clone(), c.n.map_or_else(|| hidden.clone(), count)]).collect(),
        },
    }
}
