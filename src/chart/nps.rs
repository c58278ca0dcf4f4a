//! Security net promoter score (−100 … +100): everyone, then each wave (or each
//! group of the breakdown when there are no waves), with 95% CI whiskers.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, VERMILLION};
use super::words::Words;
use super::{breakdown, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::Catalog;
use crate::report::{Nps, Report};

/// (label, n label, NPS if shown).
fn lines<'r>(report: &'r Report, o: &ChartOptions) -> Option<Vec<(String, String, Option<&'r Nps>)>> {
    let all = report.nps.as_ref()?;
    let shown = |n: Option<&'r Nps>| n.filter(|n| n.score.is_some());
    let count = |n: usize| o.lang.count(n as u64);
    let mut out =
        vec![(Words::AllRespondents.text(o.lang), all.n.map_or_else(|| format!("< {}", report.min_group), count), shown(Some(all)))];
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
        return pen.message(&Words::NoRecommendQuestion.text(o.lang));
    };
    let signed = |v| o.lang.signed(v);
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
    let legend = vec![(Words::NpsLegend.text(o.lang), LegendMark::Note)];
    bars::draw(
        pen,
        &Bars {
            rows,
            x: -100.0..100.0,
            ticks: bars::ticks(-100.0, 100.0, 50.0, signed),
            zero: 0.0,
            poles: Some((Words::MoreDetractors.text(o.lang), Words::MorePromoters.text(o.lang))),
            legend,
        },
    )
}

/// Title, takeaway and table of the NPS chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let (signed, pct) = (|v| l.signed(v), |v| l.pct(v));
    let title = Words::NpsTitle.text(l);
    let Some(lines) = lines(report, o) else {
        return ChartText { title, takeaway: Words::NoRecommend.text(l), table: empty_table() };
    };
    let takeaway = match lines[0].2 {
        Some(Nps { score: Some(s), ci95, promoters: Some(p), detractors: Some(d), .. }) => {
            let message = if ci95.is_some() { Words::NpsIsWithCi } else { Words::NpsIs };
            let interval = ci95.map_or(String::new(), |c| l.interval(c, true));
            message.fill(l, &[("score", &signed(*s)), ("interval", &interval), ("promoters", &pct(*p)), ("detractors", &pct(*d))])
        }
        _ => Words::FewerAnswered.fill(l, &[("k", &report.min_group)]),
    };
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .map(|(label, n, nps)| match nps {
            Some(Nps { score: Some(s), ci95, promoters, passives, detractors, .. }) => vec![
                label.clone(),
                n.clone(),
                signed(*s),
                ci95.map_or(String::new(), |c| l.interval(c, true)),
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
            caption: Words::NpsCaption.text(l),
            columns: vec![
                Words::Group.text(l),
                Words::People.text(l),
                "NPS".to_string(),
                Words::Ci95.text(l),
                Words::PromotersColumn.text(l),
                Words::PassivesColumn.text(l),
                Words::DetractorsColumn.text(l),
            ],
            rows,
        },
    }
}
