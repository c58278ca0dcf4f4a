//! Dimension scores 0–100 with 95% CI whiskers, each bar coloured by its band.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::band;
use super::words::Words;
use super::{dimension_name, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{Catalog, Lang};
use crate::report::{Band, Report};

/// Every band, best first, for legends.
pub(crate) const BANDS: [Band; 5] = [Band::Strong, Band::Favourable, Band::Mixed, Band::Unfavourable, Band::Critical];

/// The band legend ("Strong 75+", …).
pub(crate) fn band_legend(lang: Lang) -> Vec<(String, LegendMark)> {
    let range = |b: Band| match b {
        Band::Strong => "75+",
        Band::Favourable => "60\u{2013}74",
        Band::Mixed => "40\u{2013}59",
        Band::Unfavourable => "25\u{2013}39",
        Band::Critical => "< 25",
    };
    BANDS.iter().map(|&b| (format!("{} {}", b.name(lang), range(b)), LegendMark::Fill(band(b)))).collect()
}

/// Draws the dimension chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    if report.dimensions.is_empty() {
        return pen.message(&Words::NoDimensions.text(l));
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
                value: l.whole(s),
                n: d.score.n.map_or(String::new(), |n| format!("n {}", l.count(n as u64))),
                hidden: false,
            },
            _ => Row::hidden(dimension_name(report, &d.id).to_string(), false, hidden.clone()),
        })
        .collect();
    bars::draw(
        pen,
        &Bars { rows, x: 0.0..100.0, ticks: bars::ticks(0.0, 100.0, 25.0, |v| l.whole(v)), zero: 0.0, poles: None, legend: band_legend(l) },
    )
}

/// Title, takeaway and table of the dimension chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let title = Words::DimensionsTitle.text(l);
    let mut scored: Vec<(&str, f64)> =
        report.dimensions.iter().filter_map(|d| Some((dimension_name(report, &d.id), d.score.score?))).collect();
    crate::sort::sort_by(&mut scored, |a, b| a.1.total_cmp(&b.1));
    let takeaway = match (scored.first(), scored.last()) {
        (Some(lo), Some(hi)) if scored.len() >= 2 => Words::StrongestWeakest.fill(
            l,
            &[
                ("high", &hi.0),
                ("high_score", &l.whole(hi.1)),
                ("high_band", &Band::of(hi.1).name(l).to_lowercase()),
                ("low", &lo.0),
                ("low_score", &l.whole(lo.1)),
                ("low_band", &Band::of(lo.1).name(l).to_lowercase()),
            ],
        ),
        (Some(only), _) => Words::OnlyDimension.fill(l, &[("name", &only.0), ("score", &l.whole(only.1))]),
        _ if report.dimensions.is_empty() => Words::NoDimensions.text(l),
        _ => Words::FewerAnswered.fill(l, &[("k", &report.min_group)]),
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
                    d.score.n.map_or(String::new(), |n| l.count(n as u64)),
                    l.whole(s),
                    d.score.ci95.map_or(String::new(), |c| l.interval(c, false)),
                    d.score.band.map_or(String::new(), |b| b.name(l)),
                    d.favourable.map_or(String::new(), |v| l.pct(v)),
                    d.alpha.map_or(String::new(), |a| match d.low_reliability {
                        true => Words::LowReliability.fill(l, &[("alpha", &l.decimal(a, 2))]),
                        false => l.decimal(a, 2),
                    }),
                ],
                None => vec![name, hidden.clone(), hidden.clone(), String::new(), String::new(), String::new(), String::new()],
            }
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::DimensionsCaption.text(l),
            columns: [
                Words::DimensionColumn,
                Words::People,
                Words::ScoreColumn,
                Words::Ci95,
                Words::BandColumn,
                Words::FavourableColumn,
                Words::ReliabilityColumn,
            ]
            .map(|w| w.text(l))
            .to_vec(),
            rows,
        },
    }
}
