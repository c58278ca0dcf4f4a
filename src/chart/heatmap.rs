//! Segment × dimension heatmap: one row per group of the breakdown, one column per
//! dimension, cells coloured orange (low) … blue (high). Suppressed cells are
//! hatched grey with "< k" — their colour never depends on data.

use plotters::prelude::*;

use super::balance::empty_table;
use super::layout::{Align, LegendMark, Pen, Rect, BODY, SMALL};
use super::palette::{diverging, text_on};
use super::words::{quoted, Words};
use super::{breakdown, column_in_sentence, dimension_name, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{plural, Catalog, Lang};
use crate::report::Report;

/// One heatmap row: label, n label, and a score per dimension (`None` = suppressed).
struct HeatRow {
    label: String,
    n: String,
    cells: Vec<Option<f64>>,
}

fn rows(report: &Report, o: &ChartOptions) -> Option<(String, Vec<HeatRow>)> {
    let (column, groups) = breakdown(report, o)?;
    let mut out = vec![HeatRow {
        label: Words::AllRespondents.text(o.lang),
        n: report.respondents.map_or_else(|| format!("< {}", report.min_group), |n| o.lang.count(n as u64)),
        cells: report.dimensions.iter().map(|d| d.score.score).collect(),
    }];
    out.extend(groups.iter().map(|g| HeatRow {
        label: g.value.clone(),
        n: g.n.map_or_else(|| g.n_label.clone(), |n| o.lang.count(n as u64)),
        cells: match (&g.dimensions, g.suppressed) {
            (Some(dims), false) => dims.iter().map(|d| d.score.score).collect(),
            _ => vec![None; report.dimensions.len()],
        },
    }));
    Some((column.to_string(), out))
}

/// Draws the heatmap.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let Some((_, rows)) = rows(report, o) else {
        return pen.message(&Words::ChooseBreakdown.text(o.lang));
    };
    let b = pen.bounds();
    let pad = pen.px(10.0);
    let n_w = rows.iter().map(|r| pen.width(&r.n, SMALL, false)).max().unwrap_or(0) + pen.px(10.0);
    let label_max = if b.w() < pen.px(super::bars::NARROW) { b.w() * 36 / 100 } else { b.w() * 3 / 10 };
    let label_w = rows.iter().map(|r| pen.width(&r.label, BODY, false)).max().unwrap_or(0).min(label_max);
    let dims = report.dimensions.len().max(1) as i32;
    let x0 = pad + label_w + pen.px(8.0);
    let col_w = (b.x1 - pad - n_w - x0) / dims;
    let line_h = pen.px(SMALL * 1.3);
    let names: Vec<&str> = report.dimensions.iter().map(|d| dimension_name(report, &d.id)).collect();
    let head = |name: &str| pen.wrap(name, SMALL, true, col_w - pen.px(4.0));
    // Column names that would be cut (phones) become numbers with a key under the chart.
    let numbered = names.iter().any(|n| {
        let lines = head(n);
        lines.len() > 3 || lines.iter().any(|l| pen.width(l, SMALL, true) > col_w - pen.px(4.0))
    });
    let key: Vec<String> = if numbered {
        // Whole entries per line ("3 Approachability & trust" never splits).
        let mut lines: Vec<String> = Vec::new();
        for entry in names.iter().enumerate().map(|(j, n)| format!("{} {}", j + 1, n)) {
            match lines.last_mut() {
                Some(line) if pen.width(&format!("{line} \u{b7} {entry}"), SMALL, false) <= b.w() - 2 * pad => {
                    line.push_str(" \u{b7} ");
                    line.push_str(&entry);
                }
                _ => lines.push(entry),
            }
        }
        lines
    } else {
        vec![]
    };
    let header_h = if numbered { line_h + pen.px(6.0) } else { line_h * 3 + pen.px(6.0) };
    let legend_h = pen.px(34.0) + if numbered { pen.px(SMALL * 1.7) + line_h * key.len() as i32 + pen.px(6.0) } else { 0 };
    let row_h = ((b.h() - header_h - legend_h) / rows.len() as i32).min(pen.px(34.0));
    let hidden = format!("< {}", report.min_group);
    for (j, name) in names.iter().enumerate() {
        let cx = x0 + col_w * j as i32 + col_w / 2;
        let mut lines = if numbered { vec![(j + 1).to_string()] } else { head(name) };
        lines.truncate(3);
        let top = header_h - line_h * lines.len() as i32 - pen.px(2.0) + line_h / 2;
        for (k, line) in lines.iter().enumerate() {
            let text = pen.fit(line, SMALL, true, col_w - pen.px(4.0));
            pen.text(&text, (cx, top + line_h * k as i32), SMALL, true, pen.c.fg, Align::Center)?;
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let y0 = header_h + row_h * i as i32;
        let cy = y0 + row_h / 2;
        pen.text(&pen.fit(&row.label, BODY, i == 0, label_w), (pad + label_w, cy), BODY, i == 0, pen.c.fg, Align::Right)?;
        for (j, cell) in row.cells.iter().enumerate() {
            let r = Rect { x0: x0 + col_w * j as i32 + 1, y0: y0 + 1, x1: x0 + col_w * (j as i32 + 1) - 1, y1: y0 + row_h - 1 };
            match cell {
                Some(s) => {
                    let fill = diverging(*s);
                    pen.fill(r, fill)?;
                    pen.text(&o.lang.whole(*s), ((r.x0 + r.x1) / 2, cy), SMALL, false, text_on(fill), Align::Center)?;
                }
                None => {
                    pen.hatch(r)?;
                    pen.text(&hidden, ((r.x0 + r.x1) / 2, cy), SMALL, false, pen.c.muted, Align::Center)?;
                }
            }
        }
        pen.text(&row.n, (b.x1 - pad, cy), SMALL, false, pen.c.muted, Align::Right)?;
    }
    let y = header_h + row_h * rows.len() as i32 + pen.px(10.0);
    let below = legend(pen, if numbered { pad } else { x0 }, y, b.x1 - pad, &hidden, o.lang)?;
    for (k, line) in key.iter().enumerate() {
        pen.text(line, (pad, below + pen.px(6.0) + line_h * k as i32 + line_h / 2), SMALL, false, pen.c.fg, Align::Left)?;
    }
    Ok(())
}

/// Extra height (CSS px) of the heatmap on phones: numbered columns with a key underneath.
pub(crate) const KEY_HEIGHT: u32 = 90;

/// The colour key: a 0–100 gradient and the hatched "< k" swatch (under the gradient when
/// it does not fit beside it); returns the y below it.
fn legend<DB: DrawingBackend>(pen: &Pen<'_, DB>, x0: i32, y: i32, max_x: i32, hidden: &str, lang: Lang) -> Result<i32, ChartError> {
    let (w, h) = (pen.px(140.0).min((max_x - x0) / 2), pen.px(10.0));
    let steps = 40;
    for k in 0..steps {
        let r = Rect { x0: x0 + w * k / steps, y0: y, x1: x0 + w * (k + 1) / steps + 1, y1: y + h };
        pen.fill(r, diverging(f64::from(k) * 100.0 / f64::from(steps - 1)))?;
    }
    let ty = y + h + pen.px(SMALL * 0.8);
    pen.text("0", (x0, ty), SMALL, false, pen.c.muted, Align::Left)?;
    pen.text("50", (x0 + w / 2, ty), SMALL, false, pen.c.muted, Align::Center)?;
    pen.text("100", (x0 + w, ty), SMALL, false, pen.c.muted, Align::Right)?;
    let note = [(Words::TooFewPeople.fill(lang, &[("hidden", &hidden)]), LegendMark::Hidden)];
    let note_w = pen.px(17.0) + pen.width(&note[0].0, SMALL, false);
    if x0 + w + pen.px(16.0) + note_w <= max_x {
        pen.legend(&note, x0 + w + pen.px(16.0), y - pen.px(4.0), max_x)?;
        Ok(ty + pen.px(SMALL * 0.8))
    } else {
        let used = pen.legend(&note, x0, ty + pen.px(SMALL * 0.8), max_x)?;
        Ok(ty + pen.px(SMALL * 0.8) + used)
    }
}

/// Title, takeaway and table of the heatmap.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let Some((column, rows)) = rows(report, o) else {
        return ChartText { title: Words::HeatmapTitleAny.text(l), takeaway: Words::NoBreakdown.text(l), table: empty_table() };
    };
    let title = Words::HeatmapTitle.fill(l, &[("column", &column_in_sentence(report, &column, l))]);
    let mut low: Option<(&str, &str, f64)> = None;
    let mut high: Option<(&str, &str, f64)> = None;
    for row in &rows[1..] {
        for (d, cell) in report.dimensions.iter().zip(&row.cells) {
            if let Some(s) = *cell {
                let entry = (row.label.as_str(), dimension_name(report, &d.id), s);
                if low.map_or(true, |l| s < l.2) {
                    low = Some(entry);
                }
                if high.map_or(true, |h| s > h.2) {
                    high = Some(entry);
                }
            }
        }
    }
    let suppressed = rows[1..].iter().filter(|r| r.cells.iter().all(Option::is_none)).count();
    let mut takeaway = match (low, high) {
        (Some(lo), Some(hi)) => Words::LowestHighest.fill(
            l,
            &[
                ("low", &lo.0),
                ("low_dimension", &lo.1),
                ("low_score", &l.whole(lo.2)),
                ("high", &hi.0),
                ("high_dimension", &hi.1),
                ("high_score", &l.whole(hi.2)),
            ],
        ),
        _ => Words::NoGroupLargeEnough.text(l),
    };
    if suppressed > 0 {
        let hidden = plural(l, suppressed as u64, Words::GroupHidden, Words::GroupsHidden);
        takeaway.push(' ');
        takeaway.push_str(&hidden.fill(l, &[("n", &l.count(suppressed as u64)), ("k", &report.min_group)]));
    }
    let hidden = format!("< {}", report.min_group);
    let table_rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.label.clone(), r.n.clone()];
            cells.extend(r.cells.iter().map(|c| c.map_or_else(|| hidden.clone(), |v| l.whole(v))));
            cells
        })
        .collect();
    let mut columns = vec![report.column_name(&column), Words::People.text(l)];
    columns.extend(report.dimensions.iter().map(|d| dimension_name(report, &d.id).to_string()));
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::HeatmapCaption.fill(l, &[("column", &column_in_sentence(report, &column, l)), ("hidden", &quoted(&hidden, l))]),
            columns,
            rows: table_rows,
        },
    }
}
