//! Security net promoter score (−100 … +100): everyone, then each wave (or each
//! group of the breakdown when there are no waves), with 95% CI whiskers.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, interval, pct, signed};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, VERMILLION};
use super::{breakdown, ChartError, ChartOptions, ChartText, DataTable};
use crate::report::{Nps, Report};

/// (label, n label, NPS if shown).
fn lines<'r>(report: &'r Report, o: &ChartOptions) -> Option<Vec<(String, String, Option<&'r Nps>)>> {
    let all = report.nps.as_ref()?;
    let shown = |n: Option<&'r Nps>| n.filter(|n| n.score.is_some());
    let mut out = vec![("All respondents".to_string(), all.n.map_or_else(|| format!("< {}", report.min_group), count), shown(Some(all)))];
    let groups = match &report.waves {
        Some(w) if w.waves.len() > 1 => Some(w.waves.as_slice()),
        _ => breakdown(report, o).map(|(_, g)| g),
    };
    for g in groups.unwrap_or_default() {
        out.push((g.value.clone(), g.n.map_or_else(|| g.n_label.clone(), count), if g.suppressed { None } else { shown(g.nps.as_ref()) }));
    }
    Some(out)
}

/// Draws the NPS chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let Some(lines) = lines(report, o) else {
        return pen.message("This survey has no \u{201c}would you recommend\u{201d} question.");
    };
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .into_iter()
        .enumerate()
        .map(|(i, (label, n, nps))| match nps.and_then(|p| Some((p.score?, p.ci95))) {
            Some((s, ci)) => Row {
                label,
                strong: i == 0,
                segments: vec![(0.0, s, if s < 0.0 { VERMILLION } else { BLUE })],
                ci,
                value: signed(s),
                n: format!("n {n}"),
                hidden: false,
            },
            None => Row { label, strong: i == 0, segments: vec![], ci: None, value: hidden.clone(), n: String::new(), hidden: true },
        })
        .collect();
    let legend = vec![("NPS = % promoters (9\u{2013}10) \u{2212} % detractors (0\u{2013}6)".to_string(), LegendMark::Note)];
    bars::draw(
        pen,
        &Bars {
            rows,
            x: -100.0..100.0,
            ticks: bars::ticks(-100.0, 100.0, 50.0, signed),
            zero: 0.0,
            poles: Some(("\u{2190} More detractors".into(), "More promoters \u{2192}".into())),
            legend,
        },
    )
}

/// Title, takeaway and table of the NPS chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let title = "Would people recommend going to the security team? (security NPS)".to_string();
    let Some(lines) = lines(report, o) else {
        return ChartText { title, takeaway: "This survey has no recommend question.".into(), table: empty_table() };
    };
    let takeaway = match lines[0].2 {
        Some(Nps { score: Some(s), ci95, promoters: Some(p), detractors: Some(d), .. }) => format!(
            "Security NPS is {}{}: {} promoters, {} detractors.",
            signed(*s),
            ci95.map_or(String::new(), |c| format!(" (95% CI {})", interval(c, true))),
            pct(*p),
            pct(*d)
        ),
        _ => format!("Fewer than {} people answered, so nothing is shown.", report.min_group),
    };
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .map(|(label, n, nps)| match nps {
            Some(Nps { score: Some(s), ci95, promoters, passives, detractors, .. }) => vec![
                label.clone(),
                n.clone(),
                signed(*s),
                ci95.map_or(String::new(), |c| interval(c, true)),
                promoters.map_or(String::new(), pct),
                passives.map_or(String::new(), pct),
                detractors.map_or(String::new(), pct),
            ],
            _ => vec![label.clone(), hidden.clone(), hidden.clone(), String::new(), String::new(), String::new(), String::new()],
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: "Security net promoter score: % answering 9\u{2013}10 minus % answering 0\u{2013}6 to \u{201c}How likely are you to recommend going to the security team?\u{201d}".into(),
            columns: ["Group", "People", "NPS", "95% CI", "% promoters", "% passives", "% detractors"].map(String::from).to_vec(),
            rows,
        },
    }
}
