//! Dimension scores 0–100 with 95% CI whiskers, each bar coloured by its band.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, interval, pct, whole};
use super::layout::{LegendMark, Pen};
use super::palette::band;
use super::{dimension_name, ChartError, ChartText, DataTable};
use crate::report::{Band, Report};

/// Every band, best first, for legends.
pub(crate) const BANDS: [Band; 5] = [Band::Strong, Band::Favourable, Band::Mixed, Band::Unfavourable, Band::Critical];

/// The band legend ("Strong 75+", …).
pub(crate) fn band_legend() -> Vec<(String, LegendMark)> {
    let range = |b: Band| match b {
        Band::Strong => "75+",
        Band::Favourable => "60\u{2013}74",
        Band::Mixed => "40\u{2013}59",
        Band::Unfavourable => "25\u{2013}39",
        Band::Critical => "< 25",
    };
    BANDS.iter().map(|&b| (format!("{} {}", b.label(), range(b)), LegendMark::Fill(band(b)))).collect()
}

/// Draws the dimension chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, _: &super::ChartOptions) -> Result<(), ChartError> {
    if report.dimensions.is_empty() {
        return pen.message("This survey has no scored dimensions.");
    }
    let hidden = format!("< {}", report.min_group);
    let rows = report
        .dimensions
        .iter()
        .map(|d| match (d.score.score, d.score.band) {
            (Some(s), Some(b)) => Row {
                label: dimension_name(report, &d.id).to_string(),
                strong: false,
                segments: vec![(0.0, s, band(b))],
                ci: d.score.ci95,
                value: whole(s),
                n: d.score.n.map_or(String::new(), |n| format!("n {}", count(n))),
                hidden: false,
            },
            _ => Row::hidden(dimension_name(report, &d.id).to_string(), false, hidden.clone()),
        })
        .collect();
    bars::draw(
        pen,
        &Bars { rows, x: 0.0..100.0, ticks: bars::ticks(0.0, 100.0, 25.0, whole), zero: 0.0, poles: None, legend: band_legend() },
    )
}

/// Title, takeaway and table of the dimension chart.
pub(crate) fn describe(report: &Report) -> ChartText {
    let title = "How people rate the security team, by dimension (0\u{2013}100)".to_string();
    let mut scored: Vec<(&str, f64)> =
        report.dimensions.iter().filter_map(|d| Some((dimension_name(report, &d.id), d.score.score?))).collect();
    crate::sort::sort_by(&mut scored, |a, b| a.1.total_cmp(&b.1));
    let takeaway = match (scored.first(), scored.last()) {
        (Some(lo), Some(hi)) if scored.len() >= 2 => format!(
            "Strongest: {} ({}, {}). Weakest: {} ({}, {}).",
            hi.0,
            whole(hi.1),
            Band::of(hi.1).label().to_lowercase(),
            lo.0,
            whole(lo.1),
            Band::of(lo.1).label().to_lowercase()
        ),
        (Some(only), _) => format!("{} scores {}.", only.0, whole(only.1)),
        _ if report.dimensions.is_empty() => "This survey has no scored dimensions.".into(),
        _ => format!("Fewer than {} people answered, so nothing is shown.", report.min_group),
    };
    if report.dimensions.is_empty() {
        return ChartText { title, takeaway, table: empty_table() };
    }
    let hidden = format!("< {}", report.min_group);
    let rows = report
        .dimensions
        .iter()
        .map(|d| {
            let name = dimension_name(report, &d.id).to_string();
            match d.score.score {
                Some(s) => vec![
                    name,
                    d.score.n.map_or(String::new(), count),
                    whole(s),
                    d.score.ci95.map_or(String::new(), |c| interval(c, false)),
                    d.score.band.map_or(String::new(), |b| b.label().to_string()),
                    d.favourable.map_or(String::new(), pct),
                    d.alpha.map_or(String::new(), |a| format!("{a:.2}{}", if d.low_reliability { " (low)" } else { "" })),
                ],
                None => vec![name, hidden.clone(), hidden.clone(), String::new(), String::new(), String::new(), String::new()],
            }
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: "Dimension scores from 0 (all unfavourable) to 100 (all favourable), with 95% confidence intervals.".into(),
            columns: ["Dimension", "People", "Score", "95% CI", "Band", "% favourable", "Reliability (\u{3b1})"].map(String::from).to_vec(),
            rows,
        },
    }
}
