//! The headline chart: "Says no ↔ offers options" — the enabler–blocker balance
//! (−100 … +100) of everyone and of each group of the chosen breakdown.

use plotters::prelude::*;

use super::bars::{self, Bars, Row};
use super::fmt::{count, interval, signed};
use super::layout::Pen;
use super::palette::{BLUE, VERMILLION};
use super::{breakdown, column_title, ChartError, ChartOptions, ChartText, DataTable};
use crate::report::{Balance, Report};

/// A group's balance with its label: `None` balance = suppressed.
struct Line<'r> {
    label: String,
    n_label: String,
    balance: Option<&'r Balance>,
}

fn lines<'r>(report: &'r Report, o: &ChartOptions) -> Option<(&'r Balance, Vec<Line<'r>>)> {
    let all = report.balance.as_ref()?;
    let mut out = vec![Line {
        label: "All respondents".into(),
        n_label: report.respondents.map_or_else(|| format!("< {}", report.min_group), count),
        balance: all.score.is_some().then_some(all),
    }];
    if let Some((_, groups)) = breakdown(report, o) {
        let mut shown: Vec<Line> = groups
            .iter()
            .map(|g| Line {
                label: g.value.clone(),
                n_label: g.n.map_or_else(|| g.n_label.clone(), count),
                balance: g.balance.as_ref().filter(|b| !g.suppressed && b.score.is_some()),
            })
            .collect();
        // Most "says no" first; suppressed groups last, in name order (their order must not depend on data).
        crate::sort::sort_by(&mut shown, |a, b| match (a.balance.and_then(|x| x.score), b.balance.and_then(|x| x.score)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.label.cmp(&b.label),
        });
        out.extend(shown);
    }
    Some((all, out))
}

fn bars(report: &Report, o: &ChartOptions) -> Option<Bars> {
    let (all, lines) = lines(report, o)?;
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match l.balance.and_then(|b| Some((b.score?, b.ci95))) {
            Some((score, ci)) => Row {
                label: l.label.clone(),
                strong: i == 0,
                segments: vec![(0.0, score, if score < 0.0 { VERMILLION } else { BLUE })],
                ci,
                value: signed(score),
                n: format!("n {}", l.n_label),
                hidden: false,
            },
            None => Row::hidden(l.label.clone(), i == 0, hidden.clone()),
        })
        .collect();
    Some(Bars {
        rows,
        x: -100.0..100.0,
        ticks: bars::ticks(-100.0, 100.0, 50.0, signed),
        zero: 0.0,
        poles: Some((format!("\u{2190} {}", all.left), format!("{} \u{2192}", all.right))),
        legend: vec![],
    })
}

/// Draws the balance chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    match bars(report, o) {
        Some(b) => bars::draw(pen, &b),
        None => pen.message("This survey has no \u{201c}says no \u{2194} offers options\u{201d} question."),
    }
}

/// Title, takeaway and table of the balance chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let title = "Does the security team say no, or offer options?".to_string();
    let Some((all, lines)) = lines(report, o) else {
        return ChartText { title, takeaway: "This survey has no balance question.".into(), table: empty_table() };
    };
    let by = breakdown(report, o).map(|(c, _)| column_title(c));
    let scored: Vec<(&str, f64)> = lines[1..].iter().filter_map(|l| Some((l.label.as_str(), l.balance?.score?))).collect();
    let (no, yes) = (short(&all.left), short(&all.right));
    let takeaway = match (all.score, scored.first(), scored.last()) {
        (_, Some(lo), Some(hi)) if scored.len() >= 2 && lo.1 < 0.0 && hi.1 > 0.0 => format!(
            "{} sees the team as most likely to say no ({}); {} sees the most options ({}).",
            lo.0,
            signed(lo.1),
            hi.0,
            signed(hi.1)
        ),
        (_, Some(lo), Some(hi)) if scored.len() >= 2 && lo.1 >= 0.0 => format!(
            "Every group leans towards \u{201c}{yes}\u{201d}: {} the least ({}), {} the most ({}).",
            lo.0,
            signed(lo.1),
            hi.0,
            signed(hi.1)
        ),
        (_, Some(lo), Some(hi)) if scored.len() >= 2 => format!(
            "Every group leans towards \u{201c}{no}\u{201d}: {} the most ({}), {} the least ({}).",
            lo.0,
            signed(lo.1),
            hi.0,
            signed(hi.1)
        ),
        (Some(s), _, _) => {
            format!("Overall, people place the team at {} on a scale from \u{2212}100 ({}) to +100 ({}).", signed(s), all.left, all.right)
        }
        _ => format!("Fewer than {} people answered, so nothing is shown.", report.min_group),
    };
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .map(|l| match l.balance.and_then(|b| Some((b, b.score?))) {
            Some((b, s)) => vec![
                l.label.clone(),
                l.n_label.clone(),
                signed(s),
                b.ci95.map_or(String::new(), |c| interval(c, true)),
                b.left_share.map_or(String::new(), super::fmt::pct),
                b.right_share.map_or(String::new(), super::fmt::pct),
            ],
            None => vec![l.label.clone(), hidden.clone(), hidden.clone(), String::new(), String::new(), String::new()],
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "Balance from \u{2212}100 ({}) to +100 ({}){}; groups under {} people are hidden.",
                all.left,
                all.right,
                by.map_or(String::new(), |b| format!(", by {}", b.to_lowercase())),
                report.min_group
            ),
            columns: ["Group", "People", "Balance", "95% CI", &format!("% {}", short(&all.left)), &format!("% {}", short(&all.right))]
                .map(String::from)
                .to_vec(),
            rows,
        },
    }
}

/// "Always says no" → "says no".
fn short(pole: &str) -> String {
    pole.strip_prefix("Always ").unwrap_or(pole).to_string()
}

pub(crate) fn empty_table() -> DataTable {
    DataTable { caption: String::new(), columns: vec![], rows: vec![] }
}
