//! Sensitive yes/no questions asked with randomized response: the estimated share of
//! people for whom each statement is true (0–100%), everyone and each group of the
//! breakdown, with 95% CI whiskers that are wider than a direct question's would be
//! (the price of the answers' deniability).

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, pct};
use super::layout::{LegendMark, Pen};
use super::palette::BLUE;
use super::{breakdown, column_title, ChartError, ChartOptions, ChartText, DataTable};
use crate::report::{Report, SensitiveEstimate, SensitiveReport};

/// One row: label, strong (a question's "everyone" row), and the estimate (`None` = suppressed).
struct Line<'r> {
    label: String,
    strong: bool,
    estimate: Option<&'r SensitiveEstimate>,
}

/// The rows: per question, everyone (labelled by the statement when there are several
/// questions), then each group of the chosen breakdown.
fn lines<'r>(report: &'r Report, o: &ChartOptions) -> Vec<Line<'r>> {
    let several = report.sensitive.len() > 1;
    let relabel = |s: &'r SensitiveReport| {
        let mut lines = lines_of(report, s, o);
        if several {
            lines[0].label = s.text.clone();
        }
        lines
    };
    report.sensitive.iter().flat_map(relabel).collect()
}

/// Number of rows the chart draws.
pub(crate) fn rows(report: &Report, o: &ChartOptions) -> usize {
    lines(report, o).len()
}

/// Draws the randomized-response chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    if report.sensitive.is_empty() {
        return pen.message("This survey asks no sensitive questions with randomized response.");
    }
    let hidden = format!("< {}", report.min_group);
    let rows = lines(report, o)
        .into_iter()
        .map(|l| match l.estimate.and_then(|e| Some((e, e.share?))) {
            Some((e, share)) => Row {
                label: l.label,
                strong: l.strong,
                segments: vec![(0.0, share, BLUE)],
                ci: e.ci95,
                value: pct(share),
                n: e.n.map_or_else(String::new, |n| format!("n {}", count(n))),
                hidden: false,
            },
            None => Row::hidden(l.label, l.strong, hidden.clone()),
        })
        .collect();
    let legend = vec![
        ("Estimated share".to_string(), LegendMark::Fill(BLUE)),
        ("Whisker: 95% CI, wider than a direct question\u{2019}s (see table)".to_string(), LegendMark::Note),
    ];
    let ticks = bars::ticks(0.0, 100.0, 25.0, pct);
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks, zero: 0.0, poles: None, legend })
}

/// Title, takeaway and table of the randomized-response chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let title = "Sensitive questions: estimated share (randomized response)".to_string();
    let Some(first) = report.sensitive.first() else {
        return ChartText {
            title,
            takeaway: "This survey asks no sensitive questions with randomized response.".into(),
            table: empty_table(),
        };
    };
    let takeaway = match (first.all.share, first.all.ci95) {
        (Some(share), Some(ci)) => format!(
            "An estimated {} said yes to \u{201c}{}\u{201d} (95% CI {} to {}); randomized response protects each answer, so the interval is {} as wide as a direct question\u{2019}s.",
            pct(share),
            first.text,
            pct(ci[0].max(0.0)),
            pct(ci[1].min(100.0)),
            first.all.width_vs_direct.map_or_else(|| "wider".to_string(), |w| format!("{w:.1}\u{d7}"))
        ),
        _ => format!("Fewer than {} people answered, so nothing is shown.", report.min_group),
    };
    let hidden = format!("< {}", report.min_group);
    let mut rows = Vec::new();
    for (s, line) in report.sensitive.iter().flat_map(|s| lines_of(report, s, o).into_iter().map(move |l| (s, l))) {
        let label = if report.sensitive.len() > 1 && line.strong { s.id.clone() } else { line.label };
        rows.push(match line.estimate.and_then(|e| Some((e, e.share?))) {
            Some((e, share)) => vec![
                label,
                e.n.map_or_else(|| hidden.clone(), count),
                pct(share),
                e.ci95.map_or(String::new(), |c| format!("{} to {}", pct(c[0].max(0.0)), pct(c[1].min(100.0)))),
                e.width_vs_direct.map_or(String::new(), |w| format!("{w:.1}\u{d7}")),
                e.reported_yes.map_or(String::new(), pct),
            ],
            None => vec![label, hidden.clone(), hidden.clone(), String::new(), String::new(), String::new()],
        });
    }
    let by = breakdown(report, o).map(|(c, _)| column_title(c).to_lowercase());
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "Estimated % for whom each statement is true{}, from randomized answers (each person\u{2019}s answer was randomized on their device); groups under {} people are hidden.",
                by.map_or(String::new(), |b| format!(", overall and by {b}")),
                report.min_group
            ),
            columns: ["Group", "People", "Estimated share", "95% CI", "CI width vs. direct question", "% reported yes"]
                .map(String::from)
                .to_vec(),
            rows,
        },
    }
}

/// The rows of one question (for the table, which labels questions by id).
fn lines_of<'r>(report: &'r Report, s: &'r SensitiveReport, o: &ChartOptions) -> Vec<Line<'r>> {
    let column = breakdown(report, o).map(|(c, _)| c);
    let shown = |e: &'r SensitiveEstimate| e.share.is_some().then_some(e);
    let mut out = vec![Line { label: "All respondents".to_string(), strong: true, estimate: shown(&s.all) }];
    let groups = column.and_then(|c| s.segments.get(c)).map(Vec::as_slice).unwrap_or_default();
    out.extend(groups.iter().map(|g| Line { label: g.value.clone(), strong: false, estimate: shown(&g.estimate) }));
    out
}
