//! The priority chart: each dimension's score (0–100) against its importance for an outcome
//! (share of the explained variance, from the driver analysis), split into the quadrants
//! "fix first", "keep", "watch" and "lower priority".

use plotters::prelude::*;

use super::balance::empty_table;
use super::layout::{scale_x, Align, LegendMark, Pen, Rect, SMALL, WHISKER_CAP};
use super::palette::{BLUE, NEUTRAL, ORANGE, VERMILLION};
use super::words::{quoted, Words};
use super::{ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{Catalog, Lang};
use crate::report::priority::{priority, Priority, PriorityPoint, Quadrant};
use crate::report::Report;
use crate::score::drivers::{MIN_DRIVER_BASE, MIN_SEGMENT_DRIVER_BASE};

/// The colour of a quadrant's points.
fn color(q: Quadrant) -> RGBColor {
    match q {
        Quadrant::FixFirst => VERMILLION,
        Quadrant::Watch => ORANGE,
        Quadrant::Keep => BLUE,
        Quadrant::LowerPriority => NEUTRAL,
    }
}

/// Why there is no chart.
fn missing(report: &Report, lang: Lang) -> String {
    if report.drivers.is_empty() {
        return Words::NoOutcome.text(lang);
    }
    Words::TooFewForDrivers.fill(lang, &[("n", &MIN_DRIVER_BASE.max(report.min_group)), ("segment", &MIN_SEGMENT_DRIVER_BASE)])
}

/// The value range of the score axis: the scores with some room, in steps of 10.
fn score_range(p: &Priority) -> (f64, f64) {
    let (lo, hi) = p.points.iter().fold((p.score_cut, p.score_cut), |(lo, hi), q| (lo.min(q.score), hi.max(q.score)));
    (((lo - 5.0) / 10.0).floor().max(0.0) * 10.0, ((hi + 5.0) / 10.0).ceil().min(10.0) * 10.0)
}

/// The value range of the importance axis: 0 to the largest interval end, in steps of 10.
fn importance_range(p: &Priority) -> f64 {
    let top = p.points.iter().map(|q| q.importance_ci95.map_or(q.importance, |c| c[1])).fold(p.importance_cut, f64::max);
    ((top + 2.0) / 10.0).ceil().max(1.0) * 10.0
}

/// Draws the priority chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    let Some(p) = priority(report, o.outcome) else { return pen.message(&missing(report, l)) };
    let b = pen.bounds();
    let legend: Vec<(String, LegendMark)> = Quadrant::ALL.iter().map(|&q| (q.name(l), LegendMark::Fill(color(q)))).collect();
    let legend_h = pen.legend(&legend, pen.px(12.0), pen.px(6.0), b.x1 - pen.px(12.0))?;
    let plot = Rect { x0: pen.px(52.0), y0: legend_h + pen.px(26.0), x1: b.x1 - pen.px(20.0), y1: b.y1 - pen.px(44.0) };
    let (ylo, yhi) = score_range(&p);
    let xhi = importance_range(&p);
    let to_x = scale_x(0.0, xhi, plot.x0, plot.x1);
    let to_y = |v: f64| plot.y1 - ((v.clamp(ylo, yhi) - ylo) / (yhi - ylo) * f64::from(plot.h())).round() as i32;
    let step = if xhi > 50.0 { 20.0 } else { 10.0 };
    let ticks: Vec<(f64, String)> = (0..=(xhi / step) as usize).map(|i| (i as f64 * step, l.pct(i as f64 * step))).collect();
    pen.x_axis(plot, &ticks, &to_x)?;
    let mut v = ylo;
    while v <= yhi + 1e-9 {
        let y = to_y(v);
        pen.line(vec![(plot.x0, y), (plot.x1, y)], pen.c.grid, 1.0)?;
        pen.text(&l.whole(v), (plot.x0 - pen.px(6.0), y), SMALL, false, pen.c.muted, Align::Right)?;
        v += 10.0;
    }
    let caption = importance_caption(pen, l, b.w() - pen.px(8.0));
    // Centred under the plot, inside the chart (`max` last: no panic where even "…" is wider than a tiny chart).
    let half = pen.width(&caption, SMALL, false) / 2;
    let x = ((plot.x0 + plot.x1) / 2).min(b.x1 - half).max(b.x0 + half);
    pen.text(&caption, (x, plot.y1 + pen.px(30.0)), SMALL, false, pen.c.fg, Align::Center)?;
    pen.text(&Words::ScoreAxis.text(l), (pen.px(8.0), plot.y0 - pen.px(12.0)), SMALL, false, pen.c.fg, Align::Left)?;
    let (cx, cy) = (to_x(p.importance_cut), to_y(p.score_cut));
    pen.line(vec![(cx, plot.y0), (cx, plot.y1)], pen.c.muted, 1.5)?;
    pen.line(vec![(plot.x0, cy), (plot.x1, cy)], pen.c.muted, 1.5)?;
    let at = |q: &PriorityPoint| (to_x(q.importance), to_y(q.score));
    let whisker = |q: &PriorityPoint| q.importance_ci95.map(|[lo, hi]| (to_x(lo), to_x(hi)));
    let placed = draw_points(pen, &p.points, at, whisker, plot)?;
    draw_quadrant_names(pen, plot, (cx, cy), &placed, l)
}

/// The importance axis's caption: in full where it fits in `max` device pixels, else its short
/// form ("Importance →"; the chart's title and takeaway say what importance is), shortened only
/// on a chart too narrow even for that.
fn importance_caption<DB: DrawingBackend>(pen: &Pen<'_, DB>, l: Lang, max: i32) -> String {
    let full = Words::ImportanceAxis.text(l);
    if pen.width(&full, SMALL, false) <= max {
        return full;
    }
    pen.fit(&Words::ImportanceAxisShort.text(l), SMALL, false, max)
}

/// Names each quadrant in its corner of the plot, where the whole name fits inside its quadrant
/// (clear of the cut lines through `cx`, `cy`) and clears every point, whisker (with its caps)
/// and label in `placed`. The legend above names every quadrant with its colour, so a name left
/// out (on a narrow chart, or where a label sits in the corner) loses nothing, where a shortened
/// one ("Lower prior…") or one over a label or across a cut line would be hard to read.
fn draw_quadrant_names<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    plot: Rect,
    (cx, cy): (i32, i32),
    placed: &[Rect],
    l: Lang,
) -> Result<(), ChartError> {
    // A name sits `pad` from the plot's sides and `pad + inset` from its top or bottom (its
    // middle), at least `gap` from the cut lines, and `cap` clear of a whisker's caps.
    let (pad, inset, gap) = (pen.px(6.0), pen.px(4.0), pen.px(2.0));
    let (h, cap) = (pen.px(SMALL * 1.3), pen.px(WHISKER_CAP));
    for q in Quadrant::ALL {
        let (right, bottom) = match q {
            Quadrant::FixFirst => (true, true),
            Quadrant::Keep => (true, false),
            Quadrant::Watch => (false, true),
            Quadrant::LowerPriority => (false, false),
        };
        let name = q.name(l);
        let w = pen.width(&name, SMALL, true);
        let left = if right { plot.x1 - pad - w } else { plot.x0 + pad };
        let y = if bottom { plot.y1 - pad - inset } else { plot.y0 + pad + inset };
        let clear_of_cut_x = if right { left >= cx + gap } else { left + w <= cx - gap };
        let clear_of_cut_y = if bottom { y - h / 2 >= cy + gap } else { y + h / 2 <= cy - gap };
        let clear = Rect { x0: left, x1: left + w, y0: y - h / 2 - cap, y1: y + h / 2 + cap };
        if clear_of_cut_x && clear_of_cut_y && !overlaps(&clear, placed) {
            let (x, align) = if right { (left + w, Align::Right) } else { (left, Align::Left) };
            pen.text(&name, (x, y), SMALL, true, pen.c.muted, align)?;
        }
    }
    Ok(())
}

/// Draws each point at `at` with its importance whisker (`whisker`: its ends) and its label: clear
/// of the points, the whiskers (a label sits on its own point's) and the labels before it, inside
/// the plot, joined to a point it moved away from by a leader line drawn under the points.
/// Returns the boxes of the points, whiskers and labels it drew.
fn draw_points<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    points: &[PriorityPoint],
    at: impl Fn(&PriorityPoint) -> (i32, i32),
    whisker: impl Fn(&PriorityPoint) -> Option<(i32, i32)>,
    plot: Rect,
) -> Result<Vec<Rect>, ChartError> {
    let r = pen.px(5.0);
    let mut placed: Vec<Rect> = points
        .iter()
        .flat_map(|q| {
            let (x, y) = at(q);
            let line = whisker(q).map(|(lo, hi)| Rect { x0: lo, y0: y, x1: hi, y1: y + 1 });
            std::iter::once(Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r }).chain(line)
        })
        .collect();
    for point in points {
        let label = label_box(pen, &point.name, at(point), r, plot, &placed);
        placed.push(label);
    }
    // The labels are the last of the placed boxes, one per point.
    let labels = &placed[placed.len() - points.len()..];
    for (point, label) in points.iter().zip(labels) {
        let (x, y) = at(point);
        if let Some(end) = leader_end(label, (x, y)) {
            pen.line(vec![(x, y), end], pen.c.muted, 0.75)?;
        }
    }
    for point in points {
        let (x, y) = at(point);
        if let Some((lo, hi)) = whisker(point) {
            pen.whisker(lo, hi, y, color(point.quadrant))?;
        }
        pen.area.draw(&Circle::new((x, y), r, color(point.quadrant).filled())).map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    for (point, label) in points.iter().zip(labels) {
        let (lx, align) = if label.x0 >= at(point).0 { (label.x0, Align::Left) } else { (label.x1, Align::Right) };
        pen.text(&point.name, (lx, (label.y0 + label.y1) / 2), SMALL, false, pen.c.fg, align)?;
    }
    Ok(placed)
}

/// Where the leader line from the point at (`x`, `y`) meets its `label`: none when the label is
/// beside the point; the label's near side, or its lower or upper edge when it spans the point.
fn leader_end(label: &Rect, (x, y): (i32, i32)) -> Option<(i32, i32)> {
    let ly = (label.y0 + label.y1) / 2;
    if (ly - y).abs() <= label.y1 - label.y0 {
        return None;
    }
    let spans = label.x0 <= x && x <= label.x1;
    let end_y = match (spans, ly < y) {
        (false, _) => ly,
        (true, true) => label.y1,
        (true, false) => label.y0,
    };
    Some((x.clamp(label.x0, label.x1), end_y))
}

/// Where a point's label goes: right of the point (left where it would not fit; inside the plot
/// where neither fits), just above it, or moved up or down in steps, inside the plot, until it
/// overlaps no point, whisker or label placed before (where none is free: just above it).
fn label_box<DB: DrawingBackend>(pen: &Pen<'_, DB>, name: &str, (x, y): (i32, i32), r: i32, plot: Rect, placed: &[Rect]) -> Rect {
    let (w, h, gap, margin) = (pen.width(name, SMALL, false), pen.px(SMALL * 1.3), pen.px(3.0), pen.px(2.0));
    let (left_end, right_end) = (plot.x0 + margin, plot.x1 - margin);
    let x0 = if x + r + gap + w <= right_end { x + r + gap } else { x - r - gap - w };
    let x0 = x0.clamp(left_end, (right_end - w).max(left_end));
    let at = |dy: i32| Rect { x0, x1: x0 + w, y0: y - h + dy, y1: y + dy };
    let inside = |b: &Rect| b.y0 >= plot.y0 && b.y1 <= plot.y1;
    (0..12).flat_map(|i| [i * h, -(i + 1) * h]).map(at).find(|b| inside(b) && !overlaps(b, placed)).unwrap_or_else(|| at(0))
}

/// Whether `b` overlaps any of `placed`.
fn overlaps(b: &Rect, placed: &[Rect]) -> bool {
    placed.iter().any(|p| b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1)
}

/// Title, takeaway and table of the priority chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let percent = |v| l.decimal_pct(v, 1);
    let Some(p) = priority(report, o.outcome) else {
        return ChartText { title: Words::FixFirstTitle.text(l), takeaway: missing(report, l), table: empty_table() };
    };
    let outcome = quoted(&p.outcome.name(l), l);
    let title = Words::PriorityTitle.fill(l, &[("outcome", &outcome)]);
    let named = |q: Quadrant| p.points.iter().filter(|x| x.quadrant == q).map(|x| x.name.as_str()).collect::<Vec<_>>();
    let fix = named(Quadrant::FixFirst);
    let top = &p.points.iter().max_by(|a, b| a.importance.total_cmp(&b.importance)).expect("at least two points");
    let takeaway = if fix.is_empty() {
        Words::NothingToFix.fill(l, &[("name", &top.name), ("importance", &percent(top.importance)), ("score", &l.whole(top.score))])
    } else {
        let message = if fix.len() == 1 { Words::FixFirstOne } else { Words::FixFirstMany };
        message.fill(l, &[("names", &fix.join(", ")), ("mean", &l.whole(p.score_cut))])
    };
    let rows = p
        .points
        .iter()
        .map(|x| {
            vec![
                x.name.clone(),
                l.whole(x.score),
                percent(x.importance),
                x.importance_ci95.map_or(String::new(), |[lo, hi]| format!("{}\u{2013}{}", percent(lo), percent(hi))),
                x.quadrant.name(l),
            ]
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::PriorityCaption.fill(
                l,
                &[
                    ("outcome", &outcome),
                    ("r2", &percent(p.r2)),
                    ("n", &l.count(p.n as u64)),
                    ("cut", &percent(p.importance_cut)),
                    ("mean", &l.whole(p.score_cut)),
                ],
            ),
            columns: [Words::DimensionColumn, Words::ScoreColumn, Words::ImportanceColumn, Words::Ci95, Words::QuadrantColumn]
                .map(|w| w.text(l))
                .to_vec(),
            rows,
        },
    }
}
