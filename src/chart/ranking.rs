//! The leaders' ranking of business systems (Borda count): for each option, how
//! important leaders rate it on a 0–100 scale (100 = everyone ranked it first), most
//! important first, with the share who ranked it first.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, pct, whole};
use super::layout::{LegendMark, Pen};
use super::palette::BLUE;
use super::{ChartError, ChartText, DataTable};
use crate::report::{RankedOption, Ranking, Report};

/// An option's Borda points as 0–100: its points over the most it could have earned
/// (every ranker putting it first), so rankings of different sizes read alike.
pub(crate) fn importance(ranking: &Ranking, option: &RankedOption) -> Option<f64> {
    let most = ranking.n? as f64 * ranking.options.len().saturating_sub(1) as f64;
    (most > 0.0).then(|| option.points as f64 / most * 100.0)
}

/// A ranking's display name: its question, else its id.
fn name(r: &Ranking) -> &str {
    if r.text.is_empty() {
        &r.id
    } else {
        &r.text
    }
}

/// Number of rows the chart draws: the options, plus a heading per ranking when there are several.
pub(crate) fn rows(report: &Report) -> usize {
    let heads = if report.rankings.len() > 1 { report.rankings.len() } else { 0 };
    heads + report.rankings.iter().map(|r| r.options.len().max(1)).sum::<usize>()
}

/// Draws the ranking chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report) -> Result<(), ChartError> {
    if report.rankings.is_empty() {
        return pen.message("This survey has no ranking question.");
    }
    let hidden = format!("< {}", report.min_group);
    let mut rows = Vec::new();
    for r in &report.rankings {
        if report.rankings.len() > 1 {
            rows.push(Row {
                label: name(r).to_string(),
                strong: true,
                segments: vec![],
                ci: None,
                value: String::new(),
                n: String::new(),
                hidden: false,
            });
        }
        if r.options.is_empty() {
            rows.push(Row::hidden("Fewer people ranked than the minimum".to_string(), false, hidden.clone()));
        }
        for o in &r.options {
            let score = importance(r, o).unwrap_or(0.0);
            rows.push(Row {
                label: o.option.clone(),
                strong: false,
                segments: vec![(0.0, score, BLUE)],
                ci: None,
                value: whole(score),
                n: format!("{} first", pct(o.first)),
                hidden: false,
            });
        }
    }
    let legend = vec![("Importance 0\u{2013}100: Borda points, 100 = everyone ranked it first".to_string(), LegendMark::Note)];
    let ticks = bars::ticks(0.0, 100.0, 25.0, whole);
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks, zero: 0.0, poles: None, legend })
}

/// Title, takeaway and table of the ranking chart.
pub(crate) fn describe(report: &Report) -> ChartText {
    let title = "Which business systems matter most to protect? (leaders\u{2019} ranking)".to_string();
    let Some(first) = report.rankings.first() else {
        return ChartText { title, takeaway: "This survey has no ranking question.".into(), table: empty_table() };
    };
    let takeaway = match (first.n, first.options.as_slice()) {
        (Some(n), [top, second, ..]) => format!(
            "{} leaders ranked \u{201c}{}\u{201d} most important ({} put it first), ahead of \u{201c}{}\u{201d}.",
            count(n),
            top.option,
            pct(top.first),
            second.option
        ),
        (Some(n), [top]) => format!("{} leaders ranked \u{201c}{}\u{201d} most important.", count(n), top.option),
        _ => format!("Fewer than {} people ranked, so nothing is shown.", report.min_group),
    };
    let mut rows = Vec::new();
    for r in &report.rankings {
        for (i, o) in r.options.iter().enumerate() {
            rows.push(vec![
                o.option.clone(),
                r.id.clone(),
                (i + 1).to_string(),
                importance(r, o).map_or(String::new(), whole),
                count(o.points as usize),
                o.mean_rank.map_or(String::new(), |m| format!("{m:.1}")),
                pct(o.first),
            ]);
        }
        if r.options.is_empty() {
            let hidden = format!("< {}", report.min_group);
            rows.push(vec![name(r).to_string(), r.id.clone(), hidden, String::new(), String::new(), String::new(), String::new()]);
        }
    }
    let n = first.n.map_or_else(|| format!("< {}", report.min_group), count);
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "Borda count of \u{201c}{}\u{201d} (n = {n}): with m options, rank r earns m \u{2212} r points; importance = points \u{00f7} the most possible \u{00d7} 100.",
                name(first)
            ),
            columns: ["Option", "Question", "Place", "Importance (0\u{2013}100)", "Borda points", "Mean rank", "% ranked first"]
                .map(String::from)
                .to_vec(),
            rows,
        },
    }
}
