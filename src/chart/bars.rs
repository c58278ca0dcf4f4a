//! The horizontal bar layout four charts share (balance, dimensions, Likert, NPS,
//! comments): a label column, one row per group or item with stacked segments and
//! an optional CI whisker, value and n columns on the right, an x axis with pole
//! captions, and a legend on top. Suppressed rows carry no segments and show "< k".

use std::ops::Range;

use plotters::prelude::*;

use super::layout::{scale_x, Align, LegendMark, Pen, Rect, BODY, SMALL};
use super::measure::{Estimate, Measure};
use super::ChartError;

/// One row of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// Row label (segment value, dimension name, item wording).
    pub label: String,
    /// Bold label (the "All respondents" row).
    pub strong: bool,
    /// Stacked segments `(from, to, colour)` in axis units; empty for a suppressed row.
    pub segments: Vec<(f64, f64, RGBColor)>,
    /// 95% CI whisker in axis units.
    pub ci: Option<[f64; 2]>,
    /// The value column ("+41", "63", "72% favourable"), or the suppression label.
    pub value: String,
    /// The n column ("n 1,204"), or empty.
    pub n: String,
    /// True when the row is suppressed: drawn as hatched "< k", never by value.
    pub hidden: bool,
}

impl Row {
    /// A suppressed row: its label and the suppression label ("< 5"), no bar, no n.
    pub(crate) fn hidden(label: String, strong: bool, value: String) -> Row {
        Row { label, strong, segments: vec![], ci: None, value, n: String::new(), hidden: true }
    }
}

/// A complete bar chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bars {
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
    /// Axis range.
    pub x: Range<f64>,
    /// Tick positions with labels.
    pub ticks: Vec<(f64, String)>,
    /// Where the bars start (0 for diverging bars).
    pub zero: f64,
    /// Captions under the left and right ends of the axis ("← Says no", "Offers options →").
    pub poles: Option<(String, String)>,
    /// Legend entries above the bars.
    pub legend: Vec<(String, LegendMark)>,
}

/// Below this width (CSS px) labels get more room, or their own lines when they would not fit.
pub(crate) const NARROW: f64 = 520.0;

/// Preferred height in CSS pixels of a bar chart with `rows` rows.
pub(crate) fn height(rows: usize, legend: bool) -> u32 {
    (rows as u32) * 30 + 80 + if legend { 26 } else { 0 }
}

/// [`height`] for rows labelled `labels` in a box `width` CSS px wide: on phones, rows whose
/// labels would be cut get one or two lines of their own above the bar.
pub(crate) fn height_for<'a>(labels: impl Iterator<Item = &'a str>, legend: bool, width: Option<f64>) -> u32 {
    let labels: Vec<&str> = labels.collect();
    // A rough text width (13 px sans-serif averages about 6.7 px per character).
    let est = |t: &str| t.chars().count() as f64 * 6.7;
    let widest = labels.iter().map(|l| est(l)).fold(0.0, f64::max);
    match width {
        Some(w) if w < NARROW && widest > w * 0.34 => {
            let lines = (widest / (w - 20.0).max(100.0)).ceil().clamp(1.0, 2.0);
            let row = (lines * BODY * 1.25 + 26.0).ceil() as u32;
            labels.len() as u32 * row + 90 + if legend { 44 } else { 0 }
        }
        _ => height(labels.len(), legend),
    }
}

/// Extra height (CSS px) that `legend` needs in a box `width` CSS px wide on a phone, beyond the
/// one line [`height`] allows: a line per further row of entries, and per line of a wrapped entry
/// (text widths estimated with [`Estimate`]). Nothing on wider screens.
pub(crate) fn legend_extra(legend: &[(String, LegendMark)], width: Option<f64>) -> u32 {
    let Some(room) = width.filter(|&w| w < NARROW).map(|w| w - 20.0) else { return 0 };
    let text = |t: &str| Estimate.width(t, SMALL, false, "");
    let (mut x, mut lines) = (0.0, 1.0);
    for (label, mark) in legend {
        let swatch = if *mark == LegendMark::Note { 0.0 } else { 17.0 };
        let w = swatch + text(label);
        if x > 0.0 && x + w > room {
            (x, lines) = (0.0, lines + 1.0);
        }
        if w > room {
            lines += (text(label) / (room - swatch).max(1.0)).ceil() - 1.0;
            x = room;
        } else {
            x += w + 14.0;
        }
    }
    ((lines - 1.0) * SMALL * 1.7).ceil() as u32
}

/// Draws `bars` filling the pen's area.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, bars: &Bars) -> Result<(), ChartError> {
    let b = pen.bounds();
    let pad = pen.px(10.0);
    let legend_h = if bars.legend.is_empty() { 0 } else { pen.legend(&bars.legend, pad, pad / 2, b.x1 - pad)? + pen.px(6.0) };
    let widest = |f: &dyn Fn(&Row) -> (&str, bool)| {
        bars.rows
            .iter()
            .map(|r| {
                let (t, bold) = f(r);
                pen.width(t, SMALL, bold)
            })
            .max()
            .unwrap_or(0)
    };
    let value_w = widest(&|r| (&r.value, true)).max(pen.px(24.0));
    let n_w = widest(&|r| (&r.n, false));
    let narrow = b.w() < pen.px(NARROW);
    let natural = bars.rows.iter().map(|r| pen.width(&r.label, BODY, r.strong)).max().unwrap_or(0);
    // Labels get 30% of the width, or up to 40% when that keeps every one whole (short names
    // such as business systems); long statements are shortened at 30%.
    let share = match narrow {
        true => 0.34,
        false if f64::from(natural) <= f64::from(b.w()) * 0.4 => 0.4,
        false => 0.3,
    };
    let label_max = (f64::from(b.w()) * share) as i32;
    // On phones, labels that would lose their meaning go on their own line(s) above the bar.
    let above = narrow && natural > label_max;
    let label_w = if above { 0 } else { natural.min(label_max) };
    // (above: room for half of the first tick label)
    let x0 = if above { pad + bars.ticks.first().map_or(0, |(_, t)| pen.width(t, SMALL, false) / 2) } else { pad + label_w + pen.px(10.0) };
    let x1 = b.x1 - pad - value_w - n_w - pen.px(if n_w > 0 { 20.0 } else { 10.0 });
    // Pole captions side by side when they fit, else on two lines (phones).
    let stacked = bars.poles.as_ref().is_some_and(|(l, r)| pen.width(l, SMALL, true) + pen.width(r, SMALL, true) + pen.px(16.0) > x1 - x0);
    let pole_lines = match (&bars.poles, stacked) {
        (None, _) => 0,
        (Some(_), false) => 1,
        (Some(_), true) => 2,
    };
    let axis_h = pen.px(SMALL * 2.0) + pen.px(SMALL * 1.6) * pole_lines;
    let plot = Rect { x0, y0: legend_h + pad / 2, x1, y1: b.y1 - axis_h };
    let to_x = scale_x(bars.x.start, bars.x.end, plot.x0, plot.x1);
    pen.x_axis(plot, &bars.ticks, &to_x)?;
    let row_h = plot.h() / bars.rows.len().max(1) as i32;
    let (lh, text_w) = (pen.px(BODY * 1.25), b.x1 - 2 * pad);
    let label_lines = |r: &Row| {
        let max_lines = ((row_h - pen.px(12.0)) / lh).clamp(1, 2) as usize;
        let mut lines = pen.wrap(&r.label, BODY, r.strong, text_w);
        if lines.len() > max_lines {
            let rest = lines[max_lines - 1..].join(" ");
            lines.truncate(max_lines - 1);
            lines.push(pen.fit(&rest, BODY, r.strong, text_w));
        }
        lines
    };
    let lines_per_row = if above { bars.rows.iter().map(|r| label_lines(r).len()).max().unwrap_or(1) as i32 } else { 0 };
    let bar_h =
        if above { (row_h - lh * lines_per_row - pen.px(6.0)).clamp(pen.px(6.0), pen.px(16.0)) } else { (row_h * 3 / 5).min(pen.px(22.0)) };
    let zero_line = (bars.x.start..=bars.x.end).contains(&bars.zero) && bars.x.start < bars.zero;
    if zero_line && above {
        let x = to_x(bars.zero);
        pen.line(vec![(x, plot.y0), (x, plot.y1)], pen.c.fg, 1.0)?;
    }
    for (i, row) in bars.rows.iter().enumerate() {
        let top = plot.y0 + row_h * i as i32;
        let cy = if above {
            let lines = label_lines(row);
            // The label's own background, so grid and zero lines don't run through its words.
            let widest = lines.iter().map(|l| pen.width(l, BODY, row.strong)).max().unwrap_or(0);
            pen.fill(
                Rect {
                    x0: pad - pen.px(2.0),
                    y0: top + pen.px(2.0),
                    x1: pad + widest + pen.px(3.0),
                    y1: top + pen.px(2.0) + lh * lines.len() as i32,
                },
                pen.c.bg,
            )?;
            for (k, line) in lines.iter().enumerate() {
                pen.text(line, (pad, top + pen.px(2.0) + lh * k as i32 + lh / 2), BODY, row.strong, pen.c.fg, Align::Left)?;
            }
            top + pen.px(4.0) + lh * lines_per_row + bar_h / 2
        } else {
            let cy = top + row_h / 2;
            let label = pen.fit(&row.label, BODY, row.strong, label_w);
            pen.text(&label, (pad + label_w, cy), BODY, row.strong, pen.c.fg, Align::Right)?;
            cy
        };
        let (y0, y1) = (cy - bar_h / 2, cy + bar_h / 2);
        if row.hidden {
            let x0 = to_x(bars.zero);
            let r = Rect { x0, y0, x1: x0 + pen.px(44.0).min((plot.x1 - x0) / 3), y1 };
            pen.hatch(r)?;
        }
        for &(from, to, color) in &row.segments {
            let (a, z) = (to_x(from.min(to)), to_x(from.max(to)));
            pen.fill(Rect { x0: a, y0, x1: z.max(a + 1), y1 }, color)?;
        }
        if let Some([lo, hi]) = row.ci {
            pen.whisker(to_x(lo), to_x(hi), cy, pen.c.fg)?;
        }
        let vx = plot.x1 + pen.px(10.0) + value_w;
        let value_color = if row.hidden { pen.c.muted } else { pen.c.fg };
        pen.text(&row.value, (vx, cy), SMALL, !row.hidden, value_color, Align::Right)?;
        pen.text(&row.n, (vx + pen.px(10.0) + n_w, cy), SMALL, false, pen.c.muted, Align::Right)?;
    }
    if zero_line && !above {
        let x = to_x(bars.zero);
        pen.line(vec![(x, plot.y0), (x, plot.y1)], pen.c.fg, 1.0)?;
    }
    if let Some((left, right)) = &bars.poles {
        let y = plot.y1 + pen.px(SMALL * 2.6);
        pen.text(left, (plot.x0, y), SMALL, true, pen.c.fg, Align::Left)?;
        let y = if stacked { y + pen.px(SMALL * 1.6) } else { y };
        // A right pole wider than the plot ends further right rather than starting off the left edge.
        let x = plot.x1.max((pad + pen.width(right, SMALL, true)).min(b.x1 - pad));
        pen.text(right, (x, y), SMALL, true, pen.c.fg, Align::Right)?;
    }
    Ok(())
}

/// Evenly spaced ticks from `lo` to `hi` every `step`, labelled by `f`.
pub(crate) fn ticks(lo: f64, hi: f64, step: f64, f: impl Fn(f64) -> String) -> Vec<(f64, String)> {
    let n = ((hi - lo) / step).round() as i32;
    (0..=n).map(|i| lo + step * f64::from(i)).map(|v| (v, f(v))).collect()
}
