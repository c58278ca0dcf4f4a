//! The leaders' ranking of business systems (Borda count): for each option, how
//! important leaders rate it on a 0–100 scale (100 = everyone ranked it first), most
//! important first, with the share who ranked it first.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::BLUE;
use super::words::{quoted, Words};
use super::{ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::Catalog;
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
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    if report.rankings.is_empty() {
        return pen.message(&Words::NoRanking.text(l));
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
            rows.push(Row::hidden(Words::FewerRankedRow.text(l), false, hidden.clone()));
        }
        for option in &r.options {
            let score = importance(r, option).unwrap_or(0.0);
            rows.push(Row {
                label: option.option.clone(),
                strong: false,
                segments: vec![(0.0, score, BLUE)],
                ci: None,
                value: l.whole(score),
                n: Words::RankedFirst.fill(l, &[("share", &l.pct(option.first))]),
                hidden: false,
            });
        }
    }
    let legend = vec![(Words::RankingLegend.text(l), LegendMark::Note)];
    let ticks = bars::ticks(0.0, 100.0, 25.0, |v| l.whole(v));
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks, zero: 0.0, poles: None, legend })
}

/// Title, takeaway and table of the ranking chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let count = |n: usize| l.count(n as u64);
    let title = Words::RankingTitle.text(l);
    let Some(first) = report.rankings.first() else {
        return ChartText { title, takeaway: Words::NoRanking.text(l), table: empty_table() };
    };
    let takeaway = match (first.n, first.options.as_slice()) {
        (Some(n), [top, second, ..]) => Words::RankedTopTwo.fill(
            l,
            &[("n", &count(n)), ("top", &quoted(&top.option, l)), ("share", &l.pct(top.first)), ("second", &quoted(&second.option, l))],
        ),
        (Some(n), [top]) => Words::RankedTop.fill(l, &[("n", &count(n)), ("top", &quoted(&top.option, l))]),
        _ => Words::FewerRanked.fill(l, &[("k", &report.min_group)]),
    };
    let mut rows = Vec::new();
    for r in &report.rankings {
        for (i, option) in r.options.iter().enumerate() {
            rows.push(vec![
                option.option.clone(),
                r.id.clone(),
                (i + 1).to_string(),
                importance(r, option).map_or(String::new(), |v| l.whole(v)),
                l.count(option.points),
                option.mean_rank.map_or(String::new(), |m| l.decimal(m, 1)),
                l.pct(option.first),
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
            caption: Words::RankingCaption.fill(l, &[("question", &quoted(name(first), l)), ("n", &n)]),
            columns: [
                Words::OptionColumn,
                Words::QuestionColumn,
                Words::PlaceColumn,
                Words::ImportanceScaleColumn,
                Words::BordaColumn,
                Words::MeanRankColumn,
                Words::RankedFirstColumn,
            ]
            .map(|w| w.text(l))
            .to_vec(),
            rows,
        },
    }
}
