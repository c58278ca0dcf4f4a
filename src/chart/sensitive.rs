//! Sensitive yes/no questions asked with randomized response: the estimated share of
//! people for whom each statement is true (0–100%), everyone and each group of the
//! breakdown, with 95% CI whiskers that are wider than a direct question's would be
//! (the price of the answers' deniability).

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::BLUE;
use super::words::{quoted, Words};
use super::{breakdown, column_in_sentence, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{Catalog, Lang};
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
    let l = o.lang;
    if report.sensitive.is_empty() {
        return pen.message(&Words::NoSensitive.text(l));
    }
    let hidden = format!("< {}", report.min_group);
    let rows = lines(report, o)
        .into_iter()
        .map(|line| match line.estimate.and_then(|e| Some((e, e.share?))) {
            Some((e, share)) => Row {
                label: line.label,
                strong: line.strong,
                segments: vec![(0.0, share, BLUE)],
                ci: e.ci95,
                value: l.pct(share),
                n: e.n.map_or_else(String::new, |n| format!("n {}", l.count(n as u64))),
                hidden: false,
            },
            None => Row::hidden(line.label, line.strong, hidden.clone()),
        })
        .collect();
    let legend = vec![(Words::EstimatedShare.text(l), LegendMark::Fill(BLUE)), (Words::WhiskerLegend.text(l), LegendMark::Note)];
    let ticks = bars::ticks(0.0, 100.0, 25.0, |v| l.pct(v));
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks, zero: 0.0, poles: None, legend })
}

/// Title, takeaway and table of the randomized-response chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let pct = |v| l.pct(v);
    let title = Words::SensitiveTitle.text(l);
    let Some(first) = report.sensitive.first() else {
        return ChartText { title, takeaway: Words::NoSensitive.text(l), table: empty_table() };
    };
    let takeaway = match (first.all.share, first.all.ci95) {
        (Some(share), Some(ci)) => {
            let message = if first.all.width_vs_direct.is_some() { Words::SensitiveTakeaway } else { Words::SensitiveTakeawayWider };
            message.fill(
                l,
                &[
                    ("share", &pct(share)),
                    ("question", &quoted(&first.text, l)),
                    ("interval", &share_interval(ci, l)),
                    ("width", &first.all.width_vs_direct.map_or_else(String::new, |w| times(w, l))),
                ],
            )
        }
        _ => Words::FewerAnswered.fill(l, &[("k", &report.min_group)]),
    };
    let hidden = format!("< {}", report.min_group);
    let mut rows = Vec::new();
    for (s, line) in report.sensitive.iter().flat_map(|s| lines_of(report, s, o).into_iter().map(move |l| (s, l))) {
        let label = if report.sensitive.len() > 1 && line.strong { s.id.clone() } else { line.label };
        rows.push(match line.estimate.and_then(|e| Some((e, e.share?))) {
            Some((e, share)) => vec![
                label,
                e.n.map_or_else(|| hidden.clone(), |n| l.count(n as u64)),
                pct(share),
                e.ci95.map_or(String::new(), |c| share_interval(c, l)),
                e.width_vs_direct.map_or(String::new(), |w| times(w, l)),
                e.reported_yes.map_or(String::new(), pct),
            ],
            None => vec![label, hidden.clone(), hidden.clone(), String::new(), String::new(), String::new()],
        });
    }
    let by = breakdown(report, o).map(|(c, _)| column_in_sentence(report, c, l));
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: match by {
                Some(column) => Words::SensitiveCaptionBy.fill(l, &[("column", &column), ("k", &report.min_group)]),
                None => Words::SensitiveCaption.fill(l, &[("k", &report.min_group)]),
            },
            columns: [Words::Group, Words::People, Words::EstimatedShare, Words::Ci95, Words::WidthColumn, Words::ReportedYesColumn]
                .map(|w| w.text(l))
                .to_vec(),
            rows,
        },
    }
}

/// A share's 95% interval, clipped to 0–100%: "12% to 30%".
fn share_interval(ci: [f64; 2], lang: Lang) -> String {
    Words::Range.fill(lang, &[("lo", &lang.pct(ci[0].max(0.0))), ("hi", &lang.pct(ci[1].min(100.0)))])
}

/// How many times as wide: "2.4×".
fn times(w: f64, lang: Lang) -> String {
    format!("{}\u{d7}", lang.decimal(w, 1))
}

/// The rows of one question (for the table, which labels questions by id).
fn lines_of<'r>(report: &'r Report, s: &'r SensitiveReport, o: &ChartOptions) -> Vec<Line<'r>> {
    let column = breakdown(report, o).map(|(c, _)| c);
    let shown = |e: &'r SensitiveEstimate| e.share.is_some().then_some(e);
    let mut out = vec![Line { label: Words::AllRespondents.text(o.lang), strong: true, estimate: shown(&s.all) }];
    let groups = column.and_then(|c| s.segments.get(c)).map(Vec::as_slice).unwrap_or_default();
    out.extend(groups.iter().map(|g| Line { label: g.value.clone(), strong: false, estimate: shown(&g.estimate) }));
    out
}
