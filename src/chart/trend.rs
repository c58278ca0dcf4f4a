//! Scores per survey wave: one line per dimension (and overall) with 95% CI
//! whiskers; a suppressed wave is a hatched gap labelled "< k".

use plotters::prelude::*;

use super::balance::empty_table;
use super::layout::{Align, LegendMark, Pen, Rect, SMALL};
use super::palette::SERIES;
use super::words::Words;
use super::{dimension_name, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{plural, Catalog, Lang};
use crate::report::{Report, Score, Waves};

/// One line: its name, colour and a point per wave (`None` = not shown).
struct Series<'r> {
    name: String,
    color: RGBColor,
    points: Vec<Option<&'r Score>>,
}

fn series<'r>(report: &'r Report, waves: &'r Waves, fg: RGBColor, lang: Lang) -> Vec<Series<'r>> {
    let overall = Series {
        name: Words::Overall.text(lang),
        color: fg,
        points: waves.waves.iter().map(|w| w.overall.as_ref().map(|g| &g.score).filter(|s| s.score.is_some())).collect(),
    };
    let dims = report.dimensions.iter().enumerate().map(|(d, dim)| Series {
        name: dimension_name(report, &dim.id).to_string(),
        color: SERIES[d % SERIES.len()],
        points: waves
            .waves
            .iter()
            .map(|w| w.dimensions.as_ref().and_then(|ds| ds.get(d)).map(|ds| &ds.score).filter(|s| s.score.is_some()))
            .collect(),
    });
    std::iter::once(overall).chain(dims).collect()
}

/// A y range that holds every CI, rounded out to tens.
fn y_range(all: &[Series<'_>]) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for s in all.iter().flat_map(|s| s.points.iter().flatten()) {
        let [a, b] = s.ci95.unwrap_or([s.score.unwrap_or(50.0); 2]);
        lo = lo.min(a);
        hi = hi.max(b);
    }
    if lo > hi {
        return (0.0, 100.0);
    }
    (((lo - 5.0) / 10.0).floor().max(0.0) * 10.0, ((hi + 5.0) / 10.0).ceil().min(10.0) * 10.0)
}

/// Draws the trend chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    let Some(waves) = report.waves.as_ref().filter(|w| !w.waves.is_empty()) else {
        return pen.message(&Words::AddWaveColumn.text(l));
    };
    let all = series(report, waves, pen.c.fg, l);
    let b = pen.bounds();
    let pad = pen.px(10.0);
    let legend: Vec<(String, LegendMark)> = all.iter().map(|s| (s.name.clone(), LegendMark::Line(s.color))).collect();
    let legend_h = pen.legend(&legend, pad, 0, b.x1 - pad)? + pen.px(8.0);
    let plot = Rect { x0: pad + pen.px(30.0), y0: legend_h + pen.px(6.0), x1: b.x1 - pad - pen.px(16.0), y1: b.y1 - pen.px(SMALL * 3.4) };
    let (lo, hi) = y_range(&all);
    let to_y = |v: f64| plot.y1 - ((v.clamp(lo, hi) - lo) / (hi - lo) * f64::from(plot.h())).round() as i32;
    let mut t = lo;
    while t <= hi + 0.1 {
        let y = to_y(t);
        pen.line(vec![(plot.x0, y), (plot.x1, y)], pen.c.grid, 1.0)?;
        pen.text(&l.whole(t), (plot.x0 - pen.px(6.0), y), SMALL, false, pen.c.muted, Align::Right)?;
        t += 10.0;
    }
    let k = waves.waves.len() as i32;
    let step = plot.w() / k.max(1);
    let to_x = |i: usize| plot.x0 + step * i as i32 + step / 2;
    let hidden = format!("< {}", report.min_group);
    for (i, w) in waves.waves.iter().enumerate() {
        let x = to_x(i);
        pen.text(&pen.fit(&w.value, SMALL, true, step - pen.px(4.0)), (x, plot.y1 + pen.px(SMALL)), SMALL, true, pen.c.fg, Align::Center)?;
        let n = if w.suppressed { format!("n {hidden}") } else { format!("n {}", w.n.map_or(String::new(), |n| l.count(n as u64))) };
        pen.text(&n, (x, plot.y1 + pen.px(SMALL * 2.4)), SMALL, false, pen.c.muted, Align::Center)?;
        if w.suppressed {
            pen.hatch(Rect { x0: x - pen.px(14.0), y0: plot.y0, x1: x + pen.px(14.0), y1: plot.y1 })?;
        }
    }
    let spread = (step / 3).min(pen.px(36.0)) / all.len().max(1) as i32;
    for (si, s) in all.iter().enumerate() {
        let dx = (si as i32 - all.len() as i32 / 2) * spread;
        let width = if si == 0 { 3.5 } else { 2.0 };
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, p) in s.points.iter().enumerate() {
            match p.and_then(|p| Some((p.score?, p.ci95))) {
                Some((v, ci)) => {
                    let (x, y) = (to_x(i) + dx, to_y(v));
                    if let Some([a, z]) = ci {
                        pen.line(vec![(x, to_y(a)), (x, to_y(z))], s.color, 1.0)?;
                    }
                    run.push((x, y));
                }
                None => {
                    pen.line(std::mem::take(&mut run), s.color, width)?;
                }
            }
        }
        if run.len() == 1 {
            let (x, y) = run[0];
            pen.fill(Rect { x0: x - pen.px(3.0), y0: y - pen.px(3.0), x1: x + pen.px(3.0), y1: y + pen.px(3.0) }, s.color)?;
        }
        pen.line(run, s.color, width)?;
    }
    Ok(())
}

/// Title, takeaway and table of the trend chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let title = Words::TrendTitle.text(l);
    let Some(waves) = report.waves.as_ref().filter(|w| !w.waves.is_empty()) else {
        return ChartText { title, takeaway: Words::OneWave.text(l), table: empty_table() };
    };
    let all = series(report, waves, RGBColor(0, 0, 0), l);
    let visible: Vec<usize> = (0..waves.waves.len()).filter(|&i| !waves.waves[i].suppressed).collect();
    let takeaway = match (visible.first(), visible.last()) {
        (Some(&a), Some(&z)) if a != z => {
            let mut changes: Vec<(&str, f64)> =
                all[1..].iter().filter_map(|s| Some((s.name.as_str(), s.points[z]?.score? - s.points[a]?.score?))).collect();
            // "Changed most / least" is by the size of the change, up or down.
            crate::sort::sort_by(&mut changes, |x, y| x.1.abs().total_cmp(&y.1.abs()));
            let overall = all[0].points[z].and_then(|p| p.score).zip(all[0].points[a].and_then(|p| p.score)).map(|(z, a)| z - a);
            let (from, to) = (&waves.waves[a].value, &waves.waves[z].value);
            match (overall, changes.first(), changes.last()) {
                (Some(moved), Some(lo), Some(hi)) => plural(l, moved.abs().round() as u64, Words::TrendMovedOnePoint, Words::TrendMoved)
                    .fill(
                        l,
                        &[
                            ("from", from),
                            ("to", to),
                            ("overall", &l.signed(moved)),
                            ("most", &hi.0),
                            ("most_change", &l.signed(hi.1)),
                            ("least", &lo.0),
                            ("least_change", &l.signed(lo.1)),
                        ],
                    ),
                _ => Words::TooSparse.fill(l, &[("from", from), ("to", to)]),
            }
        }
        _ => Words::OneLargeWave.fill(l, &[("k", &report.min_group)]),
    };
    let hidden = format!("< {}", report.min_group);
    let mut rows = Vec::new();
    for s in &all {
        for (w, p) in waves.waves.iter().zip(&s.points) {
            rows.push(match p.and_then(|p| Some((p, p.score?))) {
                Some((p, v)) => vec![
                    s.name.clone(),
                    w.value.clone(),
                    w.n_label.clone(),
                    l.whole(v),
                    p.ci95.map_or(String::new(), |c| l.interval(c, false)),
                ],
                None => vec![
                    s.name.clone(),
                    w.value.clone(),
                    if w.suppressed { hidden.clone() } else { w.n_label.clone() },
                    hidden.clone(),
                    String::new(),
                ],
            });
        }
    }
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::TrendCaption.fill(l, &[("column", &crate::report::words::mid_sentence(l, &Words::WaveColumn.text(l)))]),
            columns: [Words::MeasureColumn, Words::WaveColumn, Words::People, Words::ScoreColumn, Words::Ci95].map(|w| w.text(l)).to_vec(),
            rows,
        },
    }
}
