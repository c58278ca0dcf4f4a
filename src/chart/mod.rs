//! Charts of a [`Report`]: how employees see the security team, drawn with plotters
//! onto any [`DrawingBackend`] (a browser canvas in the dashboard, an SVG string for
//! exports and tests).
//!
//! Each chart comes with a plain-language [`ChartText`]: a title, a one-line takeaway
//! computed from the data, and a data table that is the accessible alternative to
//! the picture. Charts draw only what the report holds; groups the privacy rules
//! suppressed appear as "< k" (hatched), never as a number, bar or colour.
//!
//! ```
//! use secpulse::chart::{svg, describe, ChartKind, ChartOptions};
//! use secpulse::{ingest::ResponseTable, instrument::Instrument, views::{score, ScoreOptions}};
//!
//! let instrument = Instrument::default_instrument();
//! let table = ResponseTable::for_instrument(&instrument); // no responses: everything is "< 5"
//! let report = score(&instrument, &table, &ScoreOptions::default()).unwrap();
//! let picture = svg(ChartKind::Dimensions, &report, 720, 360, &ChartOptions::default()).unwrap();
//! assert!(picture.starts_with("<svg"));
//! println!("{}", describe(ChartKind::Dimensions, &report, &ChartOptions::default()).takeaway);
//! ```

mod balance;
mod bars;
mod comments;
mod dimensions;
mod heatmap;
mod layout;
mod likert;
pub mod measure;
mod nps;
pub mod palette;
mod priority;
mod ranking;
mod selections;
mod sensitive;
mod trend;
mod words;

use std::fmt as stdfmt;
use std::str::FromStr;

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use crate::report::{Report, SegmentGroup};

pub use measure::{Estimate, Measure};
pub use palette::{Look, Theme};
pub use words::{sentiment_name, stance_name, theme_name};

use layout::Pen;
use palette::Colors;

/// The charts the dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// "Says no ↔ offers options": the enabler–blocker balance per segment (the headline).
    Balance,
    /// Dimension scores 0–100 with 95% CI whiskers, coloured by band.
    Dimensions,
    /// Diverging stacked bars of every statement: unfavourable, neutral, favourable.
    Likert,
    /// Segment × dimension scores; suppressed cells drawn as "< k".
    Heatmap,
    /// Dimension scores per survey wave, with CIs.
    Trend,
    /// Security net promoter score, overall and per wave or segment.
    Nps,
    /// Tone of the comments (negative, mixed, neutral, positive) overall and per group.
    Sentiment,
    /// Share of comments portraying the team as blocking or enabling work, overall and per group.
    Stance,
    /// Comments per theme.
    Themes,
    /// Per-option shares of the multi-choice ("choose all that apply") questions.
    Selections,
    /// Dimension score against its importance for an outcome (driver analysis), in quadrants.
    Priority,
    /// Sensitive yes/no questions: estimated shares from randomized response, with their wider CIs.
    Sensitive,
    /// The leaders' ranking of business systems by importance (Borda count).
    Ranking,
}

impl ChartKind {
    /// Every chart, in dashboard order.
    pub const ALL: [ChartKind; 13] = [
        ChartKind::Balance,
        ChartKind::Dimensions,
        ChartKind::Likert,
        ChartKind::Heatmap,
        ChartKind::Trend,
        ChartKind::Nps,
        ChartKind::Sentiment,
        ChartKind::Stance,
        ChartKind::Themes,
        ChartKind::Selections,
        ChartKind::Priority,
        ChartKind::Sensitive,
        ChartKind::Ranking,
    ];

    /// The chart's id ("balance", "dimensions", …), as used in JS and file names.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Balance => "balance",
            ChartKind::Dimensions => "dimensions",
            ChartKind::Likert => "likert",
            ChartKind::Heatmap => "heatmap",
            ChartKind::Trend => "trend",
            ChartKind::Nps => "nps",
            ChartKind::Sentiment => "sentiment",
            ChartKind::Stance => "stance",
            ChartKind::Themes => "themes",
            ChartKind::Selections => "selections",
            ChartKind::Priority => "priority",
            ChartKind::Sensitive => "sensitive",
            ChartKind::Ranking => "ranking",
        }
    }
}

impl FromStr for ChartKind {
    type Err = ChartError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChartKind::ALL.into_iter().find(|k| k.id() == s).ok_or_else(|| ChartError::UnknownKind(s.to_string()))
    }
}

/// How to draw: which breakdown, theme, pixel ratio, neutral answers, export header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ChartOptions {
    /// The breakdown column per-segment charts use; default: the report's first.
    pub segment: Option<String>,
    /// The free-text question the comment charts show (its id); default: the first with comments.
    pub question: Option<String>,
    /// Width of the chart's box in CSS pixels, if known: phones get taller charts with
    /// labels on their own lines instead of cut labels (used by [`preferred_height`]).
    pub width: Option<f64>,
    /// Light or dark.
    pub theme: Theme,
    /// Device pixels per CSS pixel (`devicePixelRatio`); scales text and lines.
    pub pixel_ratio: f64,
    /// Show the neutral middle in the Likert chart (centred), or leave it out.
    pub neutral: bool,
    /// Draw the title and takeaway into the image (for SVG/PNG exports).
    pub titled: bool,
    /// The page's colours and font (over the theme's).
    pub look: Look,
    /// The outcome the priority chart measures importance on; default: security NPS.
    pub outcome: Option<crate::report::Outcome>,
    /// The language of titles, takeaways, tables and labels, and of their numbers.
    pub lang: crate::lang::Lang,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            segment: None,
            question: None,
            width: None,
            theme: Theme::Light,
            pixel_ratio: 1.0,
            neutral: true,
            titled: false,
            look: Look::default(),
            outcome: None,
            lang: crate::lang::Lang::En,
        }
    }
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// A chart id that does not exist.
    UnknownKind(String),
    /// The drawing backend failed.
    Backend(String),
}

impl stdfmt::Display for ChartError {
    fn fmt(&self, f: &mut stdfmt::Formatter<'_>) -> stdfmt::Result {
        match self {
            ChartError::UnknownKind(k) => {
                let ids: Vec<&str> = ChartKind::ALL.iter().map(|k| k.id()).collect();
                write!(f, "there is no chart {k:?}; charts: {}", ids.join(", "))
            }
            ChartError::Backend(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// The words that go with a chart: what it shows, what it says, and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartText {
    /// Plain-language title.
    pub title: String,
    /// One sentence computed from the data.
    pub takeaway: String,
    /// The accessible alternative: the chart's numbers as a table.
    pub table: DataTable,
}

/// A data table (rendered as `<table>` with a caption and column headers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataTable {
    /// What the table holds.
    pub caption: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Cells, row by row; the first cell of a row is its header.
    pub rows: Vec<Vec<String>>,
}

/// Draws chart `kind` of `report` onto `area` (filling its background), measuring text with [`Estimate`].
pub fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    report: &Report,
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    draw_measured(kind, report, area, options, &Estimate)
}

/// [`draw`], measuring text with `measure` (the browser façade measures with a canvas).
pub fn draw_measured<DB: DrawingBackend>(
    kind: ChartKind,
    report: &Report,
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    measure: &dyn Measure,
) -> Result<(), ChartError> {
    draw_with(kind, report, area, options, 1.0, measure)
}

/// [`draw`] with a font size correction for backends that shrink text.
fn draw_with<DB: DrawingBackend>(
    kind: ChartKind,
    report: &Report,
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    font: f64,
    measure: &dyn Measure,
) -> Result<(), ChartError> {
    let colors = Colors::styled(options.theme, &options.look);
    let s = if options.pixel_ratio.is_finite() && options.pixel_ratio > 0.0 { options.pixel_ratio.min(8.0) } else { 1.0 };
    area.fill(&colors.bg).map_err(|e| ChartError::Backend(e.to_string()))?;
    let family = options.look.font();
    let pen = Pen { area, c: colors, s, font, family, measure };
    if options.titled {
        let text = describe(kind, report, options);
        let top = pen.header(&text.title, &text.takeaway)?;
        let (_, body) = area.split_vertically(top);
        return draw_body(kind, report, &Pen { area: &body, ..pen }, options);
    }
    draw_body(kind, report, &pen, options)
}

fn draw_body<DB: DrawingBackend>(kind: ChartKind, report: &Report, pen: &Pen<'_, DB>, o: &ChartOptions) -> Result<(), ChartError> {
    match kind {
        ChartKind::Balance => balance::draw(pen, report, o),
        ChartKind::Dimensions => dimensions::draw(pen, report, o),
        ChartKind::Likert => likert::draw(pen, report, o),
        ChartKind::Heatmap => heatmap::draw(pen, report, o),
        ChartKind::Trend => trend::draw(pen, report, o),
        ChartKind::Nps => nps::draw(pen, report, o),
        ChartKind::Sentiment => comments::draw_sentiment(pen, report, o),
        ChartKind::Stance => comments::draw_stance(pen, report, o),
        ChartKind::Themes => comments::draw_themes(pen, report, o),
        ChartKind::Selections => selections::draw(pen, report, o),
        ChartKind::Priority => priority::draw(pen, report, o),
        ChartKind::Sensitive => sensitive::draw(pen, report, o),
        ChartKind::Ranking => ranking::draw(pen, report, o),
    }
}

/// Chart `kind` of `report` as an SVG document of `width` × `height` pixels (text measured with [`Estimate`]).
pub fn svg(kind: ChartKind, report: &Report, width: u32, height: u32, options: &ChartOptions) -> Result<String, ChartError> {
    svg_measured(kind, report, width, height, options, &Estimate)
}

/// [`svg`], measuring text with `measure`.
pub fn svg_measured(
    kind: ChartKind,
    report: &Report,
    width: u32,
    height: u32,
    options: &ChartOptions,
    measure: &dyn Measure,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width.clamp(200, 8000), height.clamp(120, 8000))).into_drawing_area();
        // plotters' SVG backend writes font-size = size / 1.24; undo it so SVG text matches the canvas.
        draw_with(kind, report, &area, &ChartOptions { pixel_ratio: 1.0, ..options.clone() }, 1.24, measure)?;
        area.present().map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    Ok(out)
}

/// The title, takeaway and data table of chart `kind` of `report`.
pub fn describe(kind: ChartKind, report: &Report, options: &ChartOptions) -> ChartText {
    match kind {
        ChartKind::Balance => balance::describe(report, options),
        ChartKind::Dimensions => dimensions::describe(report, options),
        ChartKind::Likert => likert::describe(report, options),
        ChartKind::Heatmap => heatmap::describe(report, options),
        ChartKind::Trend => trend::describe(report, options),
        ChartKind::Nps => nps::describe(report, options),
        ChartKind::Sentiment => comments::describe_sentiment(report, options),
        ChartKind::Stance => comments::describe_stance(report, options),
        ChartKind::Themes => comments::describe_themes(report, options),
        ChartKind::Selections => selections::describe(report, options),
        ChartKind::Priority => priority::describe(report, options),
        ChartKind::Sensitive => sensitive::describe(report, options),
        ChartKind::Ranking => ranking::describe(report, options),
    }
}

/// The height in CSS pixels chart `kind` of `report` reads best at (for a given
/// width: charts are as wide as their box, as tall as their rows need).
pub fn preferred_height(kind: ChartKind, report: &Report, options: &ChartOptions) -> u32 {
    let rows = |n: usize, legend: bool| bars::height(n, legend);
    let groups = breakdown(report, options).map_or(0, |(_, g)| g.len());
    match kind {
        ChartKind::Balance => rows(groups + 1, false),
        ChartKind::Dimensions => rows(report.dimensions.len(), true),
        ChartKind::Likert => match options.width {
            Some(_) => bars::height_for(report.items.iter().map(|i| i.text.as_str()), true, options.width),
            None => rows(report.items.len(), true).min(28 * report.items.len() as u32 + 90),
        },
        ChartKind::Heatmap => {
            (groups as u32 + 1) * 30 + 110 + if options.width.is_some_and(|w| w < bars::NARROW) { heatmap::KEY_HEIGHT } else { 0 }
        }
        ChartKind::Trend => 380,
        ChartKind::Nps => rows(1 + report.waves.as_ref().map_or(groups, |w| w.waves.len()), true),
        ChartKind::Sentiment => rows(comments::group_rows(report, options), true) + comments::legend_extra(report, options, false),
        ChartKind::Stance => rows(comments::group_rows(report, options), true) + comments::legend_extra(report, options, true),
        ChartKind::Themes => rows(comments::theme_rows(report, options), true),
        ChartKind::Selections => rows(selections::rows(report).max(1), true),
        ChartKind::Priority => 420,
        ChartKind::Sensitive => rows(sensitive::rows(report, options).max(1), true),
        ChartKind::Ranking => rows(ranking::rows(report).max(1), true),
    }
}

/// The breakdown per-segment charts use: the chosen column, else the report's first.
pub(crate) fn breakdown<'r>(report: &'r Report, options: &ChartOptions) -> Option<(&'r str, &'r [SegmentGroup])> {
    match &options.segment {
        Some(name) => report.segments.get_key_value(name),
        None => report.segments.iter().next(),
    }
    .map(|(k, v)| (k.as_str(), v.as_slice()))
}

/// The display name of dimension `id`.
pub(crate) fn dimension_name<'r>(report: &'r Report, id: &'r str) -> &'r str {
    report.dimension_name(id)
}

/// A breakdown column's name inside a sentence: "department" (en, fr, es), "Abteilung" (de, a noun).
pub(crate) fn column_in_sentence(report: &Report, column: &str, lang: crate::lang::Lang) -> String {
    crate::report::words::mid_sentence(lang, &report.column_name(column))
}
