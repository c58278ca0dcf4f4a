//! Drawing helpers every chart shares: a [`Pen`] that draws scaled text, boxes,
//! lines and hatching in pixel coordinates; text fitting and wrapping; the
//! export header (title + takeaway); legends, x axes and empty-state messages.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::measure::Measure;
use super::palette::Colors;
use super::ChartError;

/// Horizontal anchor of a text.
pub(crate) use plotters::style::text_anchor::HPos as Align;

/// Font sizes in CSS pixels (multiplied by the pixel ratio when drawn).
pub(crate) const BODY: f64 = 13.0;
/// Small text: n, tick labels, legends.
pub(crate) const SMALL: f64 = 11.5;
/// Export title.
pub(crate) const TITLE: f64 = 16.0;

/// How far a whisker's end caps reach above and below its line, in CSS pixels.
pub(crate) const WHISKER_CAP: f64 = 4.0;

/// Draws on one drawing area with the chart's colours and pixel ratio.
pub(crate) struct Pen<'a, DB: DrawingBackend> {
    /// Where to draw.
    pub area: &'a DrawingArea<DB, Shift>,
    /// The theme's colours.
    pub c: Colors,
    /// Device pixels per CSS pixel.
    pub s: f64,
    /// Font size correction of the backend (plotters' SVG backend writes `size / 1.24`).
    pub font: f64,
    /// The font family of every text (a CSS `font-family` value).
    pub family: &'a str,
    /// How wide a text is (never plotters' DOM measurement: see [`super::measure`]).
    pub measure: &'a dyn Measure,
}

/// A pixel rectangle `[x0, x1) × [y0, y1)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn w(&self) -> i32 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> i32 {
        self.y1 - self.y0
    }
}

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Backend(e.to_string())
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    /// Scales CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.s).round() as i32
    }

    /// The whole area as a rectangle.
    pub fn bounds(&self) -> Rect {
        let (w, h) = self.area.dim_in_pixel();
        Rect { x0: 0, y0: 0, x1: w as i32, y1: h as i32 }
    }

    fn style(&self, size: f64, bold: bool, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'a> {
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        TextStyle {
            font: (FontFamily::Name(self.family), size * self.s * self.font, style).into_font(),
            color: color.to_backend_color(),
            pos: Pos::new(h, v),
        }
    }

    /// Width in device pixels of `text` at `size`.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> i32 {
        self.measure.width(text, size * self.s * self.font, bold, self.family).round() as i32
    }

    /// Draws `text` anchored at `(x, y)` (vertically centred).
    pub fn text(&self, text: &str, (x, y): (i32, i32), size: f64, bold: bool, color: RGBColor, h: HPos) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        self.area.draw(&Text::new(text.to_string(), (x, y), self.style(size, bold, color, h, VPos::Center))).map_err(err)
    }

    /// `text`, shortened with "…" to fit in `max` device pixels.
    pub fn fit(&self, text: &str, size: f64, bold: bool, max: i32) -> String {
        if self.width(text, size, bold) <= max {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let (mut lo, mut hi) = (0, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let candidate: String = chars[..mid].iter().collect::<String>() + "…";
            if self.width(&candidate, size, bold) <= max {
                lo = mid
            } else {
                hi = mid - 1
            }
        }
        chars[..lo].iter().collect::<String>().trim_end().to_string() + "…"
    }

    /// Greedy word wrap of `text` into lines no wider than `max` device pixels.
    pub fn wrap(&self, text: &str, size: f64, bold: bool, max: i32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.width(&format!("{line} {word}"), size, bold) <= max => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        lines
    }

    /// A filled box.
    pub fn fill(&self, r: Rect, color: RGBColor) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new([(r.x0, r.y0), (r.x1, r.y1)], color.filled())).map_err(err)
    }

    /// An outlined box.
    pub fn outline(&self, r: Rect, color: RGBColor) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new([(r.x0, r.y0), (r.x1, r.y1)], color.stroke_width(self.px(1.0).max(1) as u32))).map_err(err)
    }

    /// A polyline of `width` CSS pixels.
    pub fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: f64) -> Result<(), ChartError> {
        let style = color.stroke_width(self.px(width).max(1) as u32);
        self.area.draw(&PathElement::new(points, style)).map_err(err)
    }

    /// A suppressed cell: the "hidden" fill with diagonal hatching, never a colour from data.
    pub fn hatch(&self, r: Rect) -> Result<(), ChartError> {
        self.fill(r, self.c.hidden)?;
        let step = self.px(6.0).max(3);
        let mut d = -r.h();
        while d < r.w() {
            // segment of the line x − x0 = (y1 − y) + d, clipped to the box
            let (xa, ya) = if d < 0 { (r.x0, r.y1 + d) } else { (r.x0 + d, r.y1) };
            let run = (r.x1 - xa).min(ya - r.y0);
            self.line(vec![(xa, ya), (xa + run, ya - run)], self.c.grid, 1.0)?;
            d += step;
        }
        Ok(())
    }

    /// A confidence-interval whisker from `x0` to `x1` at height `y`.
    pub fn whisker(&self, x0: i32, x1: i32, y: i32, color: RGBColor) -> Result<(), ChartError> {
        let cap = self.px(WHISKER_CAP);
        self.line(vec![(x0, y), (x1, y)], color, 1.5)?;
        self.line(vec![(x0, y - cap), (x0, y + cap)], color, 1.5)?;
        self.line(vec![(x1, y - cap), (x1, y + cap)], color, 1.5)
    }

    /// A centred muted message, for charts without data.
    pub fn message(&self, text: &str) -> Result<(), ChartError> {
        let b = self.bounds();
        let lines = self.wrap(text, BODY, false, b.w() - self.px(24.0));
        let lh = self.px(BODY * 1.5);
        let top = (b.y0 + b.y1) / 2 - lh * (lines.len() as i32 - 1) / 2;
        for (i, line) in lines.iter().enumerate() {
            self.text(line, ((b.x0 + b.x1) / 2, top + lh * i as i32), BODY, false, self.c.muted, HPos::Center)?;
        }
        Ok(())
    }

    /// The export header: the title and the takeaway, wrapped; returns its height.
    pub fn header(&self, title: &str, takeaway: &str) -> Result<i32, ChartError> {
        let b = self.bounds();
        let (pad, max) = (self.px(12.0), b.w() - self.px(24.0));
        let mut y = pad + self.px(TITLE * 0.7);
        for line in self.wrap(title, TITLE, true, max) {
            self.text(&line, (pad, y), TITLE, true, self.c.fg, HPos::Left)?;
            y += self.px(TITLE * 1.35);
        }
        for line in self.wrap(takeaway, BODY, false, max) {
            self.text(&line, (pad, y), BODY, false, self.c.muted, HPos::Left)?;
            y += self.px(BODY * 1.45);
        }
        Ok(y)
    }

    /// A row of legend swatches starting at `(x, y)`, wrapping at `max_x`; returns the height used.
    /// An entry wider than the whole row (a long label in a narrow chart) gets lines of its own.
    pub fn legend(&self, entries: &[(String, LegendMark)], x: i32, y: i32, max_x: i32) -> Result<i32, ChartError> {
        let (sw, gap, lh) = (self.px(12.0), self.px(14.0), self.px(SMALL * 1.7));
        let (mut cx, mut cy) = (x, y + lh / 2);
        for (label, mark) in entries {
            let swatch_w = if *mark == LegendMark::Note { 0 } else { sw + self.px(5.0) };
            let w = swatch_w + self.width(label, SMALL, false);
            if cx > x && cx + w > max_x {
                cx = x;
                cy += lh;
            }
            if w > max_x - x {
                let lines = self.wrap(label, SMALL, false, max_x - x - swatch_w);
                self.swatch(*mark, cx, cy, sw)?;
                for (k, line) in lines.iter().enumerate() {
                    self.text(line, (cx + swatch_w, cy + lh * k as i32), SMALL, false, self.c.fg, HPos::Left)?;
                }
                // The next entry starts a line of its own.
                (cx, cy) = (max_x, cy + lh * (lines.len() as i32 - 1));
                continue;
            }
            self.swatch(*mark, cx, cy, sw)?;
            self.text(label, (cx + swatch_w, cy), SMALL, false, self.c.fg, HPos::Left)?;
            cx += w + gap;
        }
        Ok(cy + lh / 2 - y)
    }

    /// A legend entry's swatch, `size` wide, its left edge at `x`, centred on `y`.
    fn swatch(&self, mark: LegendMark, x: i32, y: i32, size: i32) -> Result<(), ChartError> {
        let swatch = Rect { x0: x, y0: y - size / 2, x1: x + size, y1: y + size / 2 };
        match mark {
            LegendMark::Fill(c) => self.fill(swatch, c),
            LegendMark::Line(c) => self.line(vec![(swatch.x0, y), (swatch.x1, y)], c, 3.0),
            LegendMark::Hidden => {
                self.hatch(swatch)?;
                self.outline(swatch, self.c.muted)
            }
            LegendMark::Note => Ok(()),
        }
    }

    /// Vertical grid lines with tick labels under `plot`, for `ticks` mapped by `to_x`.
    pub fn x_axis(&self, plot: Rect, ticks: &[(f64, String)], to_x: impl Fn(f64) -> i32) -> Result<(), ChartError> {
        for (v, label) in ticks {
            let x = to_x(*v);
            self.line(vec![(x, plot.y0), (x, plot.y1)], self.c.grid, 1.0)?;
            self.text(label, (x, plot.y1 + self.px(SMALL)), SMALL, false, self.c.muted, HPos::Center)?;
        }
        Ok(())
    }
}

/// What a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum LegendMark {
    /// A filled square.
    Fill(RGBColor),
    /// A line.
    Line(RGBColor),
    /// The hatched "suppressed" square.
    Hidden,
    /// No swatch: a note.
    Note,
}

/// Maps a value range onto a pixel range.
pub(crate) fn scale_x(lo: f64, hi: f64, x0: i32, x1: i32) -> impl Fn(f64) -> i32 {
    move |v| x0 + ((v.clamp(lo, hi) - lo) / (hi - lo) * f64::from(x1 - x0)).round() as i32
}
