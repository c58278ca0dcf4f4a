//! Diverging stacked bars of every statement: unfavourable to the left, neutral
//! centred on zero (or left out), favourable to the right; most favourable on top.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, NEUTRAL, VERMILLION};
use super::words::{quoted, Words};
use super::{dimension_name, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::Catalog;
use crate::report::{ItemScore, Report};

/// Items with their shares, most favourable first; suppressed items last in survey order.
fn sorted(report: &Report) -> Vec<&ItemScore> {
    let mut items: Vec<&ItemScore> = report.items.iter().collect();
    crate::sort::sort_by(&mut items, |a, b| match (a.favourable, b.favourable) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    items
}

fn label(item: &ItemScore) -> String {
    if item.reverse {
        format!("{} (R)", item.text)
    } else {
        item.text.clone()
    }
}

/// Draws the Likert chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    if report.items.is_empty() {
        return pen.message(&Words::NoStatements.text(l));
    }
    let hidden = format!("< {}", report.min_group);
    let rows = sorted(report)
        .into_iter()
        .map(|it| match (it.favourable, it.neutral, it.unfavourable) {
            (Some(f), Some(m), Some(u)) => {
                let half = if o.neutral { m / 2.0 } else { 0.0 };
                let mut segments = vec![(-half - u, -half, VERMILLION), (half, half + f, BLUE)];
                if o.neutral {
                    segments.insert(1, (-half, half, NEUTRAL));
                }
                Row {
                    label: label(it),
                    strong: false,
                    segments,
                    ci: None,
                    value: l.pct(f),
                    n: it.n.map_or(String::new(), |n| format!("n {}", l.count(n as u64))),
                    hidden: false,
                }
            }
            _ => Row { label: label(it), strong: false, segments: vec![], ci: None, value: hidden.clone(), n: String::new(), hidden: true },
        })
        .collect();
    let mut legend = vec![(Words::Unfavourable.text(l), LegendMark::Fill(VERMILLION))];
    if o.neutral {
        legend.push((Words::NeutralAnswer.text(l), LegendMark::Fill(NEUTRAL)));
    }
    legend.push((Words::FavourableLegend.text(l), LegendMark::Fill(BLUE)));
    if report.items.iter().any(|i| i.reverse) {
        legend.push((Words::ReversedLegend.text(l), LegendMark::Note));
    }
    let abs = |v: f64| l.pct(v.abs());
    bars::draw(pen, &Bars { rows, x: -100.0..100.0, ticks: bars::ticks(-100.0, 100.0, 50.0, abs), zero: 0.0, poles: None, legend })
}

/// Title, takeaway and table of the Likert chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let pct = |v: f64| l.pct(v);
    let title = Words::LikertTitle.text(l);
    let items = sorted(report);
    let scored: Vec<&ItemScore> = items.iter().copied().filter(|i| i.favourable.is_some()).collect();
    let takeaway = match (scored.first(), scored.last()) {
        (Some(best), Some(worst)) if scored.len() >= 2 => Words::MostLeastFavourable.fill(
            l,
            &[
                ("best", &quoted(&best.text, l)),
                ("best_share", &best.favourable.map_or(String::new(), pct)),
                ("worst", &quoted(&worst.text, l)),
                ("worst_share", &worst.favourable.map_or(String::new(), pct)),
            ],
        ),
        _ if report.items.is_empty() => Words::NoStatements.text(l),
        _ => Words::FewerAnswered.fill(l, &[("k", &report.min_group)]),
    };
    if report.items.is_empty() {
        return ChartText { title, takeaway, table: empty_table() };
    }
    let hidden = format!("< {}", report.min_group);
    let rows = items
        .iter()
        .map(|it| {
            let mut row = vec![label(it), dimension_name(report, &it.dimension).to_string()];
            match (it.n, it.unfavourable, it.neutral, it.favourable) {
                (Some(n), Some(u), Some(m), Some(f)) => row.extend([l.count(n as u64), pct(u), pct(m), pct(f)]),
                _ => row.extend([hidden.clone(), String::new(), String::new(), String::new()]),
            }
            row
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::LikertCaption.text(l),
            columns: [
                Words::StatementColumn,
                Words::DimensionColumn,
                Words::People,
                Words::UnfavourableColumn,
                Words::NeutralColumn,
                Words::FavourableColumn,
            ]
            .map(|w| w.text(l))
            .to_vec(),
            rows,
        },
    }
}
