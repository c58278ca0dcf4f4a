//! `Viewer`: what the page side of `<secpulse-report>` talks to. It holds one released report
//! (JSON text from the worker's `Dashboard.reportJson`, or a published report) and draws it:
//! charts to a canvas or SVG, their words, the action plan, the board report. It reads no
//! responses, scores nothing and decides nothing about privacy: the `viewer` build
//! (`www/pkg/secpulse_viewer*`) holds none of that code.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::measure::CanvasMeasure;
use super::{into_error, lang_of, options, to_js};
use crate::board::Board;
use crate::chart::{self, ChartKind, ChartOptions, Estimate, Look, Measure, Theme};
use crate::lang::Lang;
use crate::report::{Outcome, Report};
use crate::views::Column;

#[wasm_bindgen(typescript_custom_section)]
const TS_VIEWER: &str = r#"
/** Chart ids, in dashboard order. */
export type ChartKind = "balance" | "dimensions" | "likert" | "heatmap" | "trend" | "nps" | "sentiment" | "stance" | "themes" | "selections" | "priority" | "sensitive" | "ranking";
/** How to draw: which breakdown and question, size, colours. Unknown fields are an error. */
export interface DrawOptions {
  segment?: string; question?: string; width?: number; theme?: "light" | "dark"; pixelRatio?: number; neutral?: boolean; titled?: boolean; outcome?: "nps" | "balance";
  /** The page's chart colours (CSS #rgb, #rrggbb or rgb()) and font family; each optional. */
  look?: { background?: string; text?: string; muted?: string; grid?: string; font?: string };
}
/** A chart's words: title, one-line takeaway and its data as a table. */
export interface ChartText { title: string; takeaway: string; table: { caption: string; columns: string[]; rows: string[][] } }
/** The action plan: practices ranked with the released numbers that triggered them. */
export interface Plan {
  library: string; not_triggered: string[];
  actions: { rank: number; id: string; area: string; area_name: string; title: string; why: string; first_step: string; effort: "low" | "medium" | "high"; points: number;
    next_wave: { item: string; text: string; favourable_now: number | null; expect: string };
    triggers: { kind: "driver" | "item" | "theme"; id: string; points: number; detail: string }[] }[];
}
/** The board report: summary figures, headline, and sections (points, chart, table, text), all text. */
export interface Board {
  title: string; subtitle: string;
  summary: { headline: string; figures: { label: string; value: string; detail: string }[] };
  sections: ({ type: "points"; id: string; title: string; lists: { title: string; points: string[] }[] }
    | { type: "chart"; kind: ChartKind; text: ChartText }
    | { type: "table"; id: string; title: string; lead: string; table: ChartText["table"] }
    | { type: "text"; id: string; title: string; paragraphs: string[] })[];
}
"#;

/// How to draw the report, as a JS object (camelCase); unknown fields are rejected.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct DrawOptions {
    segment: Option<String>,
    question: Option<String>,
    width: Option<f64>,
    theme: Theme,
    pixel_ratio: Option<f64>,
    neutral: Option<bool>,
    titled: bool,
    look: Look,
    outcome: Option<Outcome>,
}

/// One released report and the language its charts are worded in.
#[wasm_bindgen]
#[derive(Default)]
pub struct Viewer {
    report: Option<Report>,
    lang: Lang,
}

#[wasm_bindgen]
impl Viewer {
    /// A viewer with no report yet (`loadReport` gives it one).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Viewer {
        Viewer::default()
    }

    /// Shows the released report `json` (the worker's `reportJson`, or a published report) from now on.
    #[wasm_bindgen(js_name = loadReport)]
    pub fn load_report(&mut self, json: &str) -> Result<(), JsError> {
        self.report = Some(Report::from_json(json).map_err(into_error)?);
        Ok(())
    }

    /// Words chart titles, takeaways, tables, the plan and the board in `lang` (a BCP 47 tag,
    /// read by its first subtag; English when not one of ours). The report keeps its own labels.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) {
        self.lang = Lang::or_english(lang);
    }

    /// The columns the report is broken down by, with their values (a published report's menus).
    #[wasm_bindgen(unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsError> {
        to_js(&Column::of_report(self.shown()?))
    }

    /// Draws chart `kind` onto `canvas` (sized by the caller to its box × devicePixelRatio).
    pub fn draw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartKind")] kind: &str,
        canvas: HtmlCanvasElement,
        #[wasm_bindgen(unchecked_param_type = "DrawOptions")] options: JsValue,
    ) -> Result<(), JsError> {
        let (kind, report, chart_options) = self.chart(kind, options)?;
        let backend =
            plotters_canvas::CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let area = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
        chart::draw_measured(kind, report, &area, &chart_options, measure().as_ref()).map_err(into_error)?;
        area.present().map_err(into_error)
    }

    /// Chart `kind` as an SVG document of `width` × `height` pixels.
    pub fn svg(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartKind")] kind: &str,
        width: u32,
        height: u32,
        #[wasm_bindgen(unchecked_param_type = "DrawOptions")] options: JsValue,
    ) -> Result<String, JsError> {
        let (kind, report, chart_options) = self.chart(kind, options)?;
        chart::svg_measured(kind, report, width, height, &chart_options, measure().as_ref()).map_err(into_error)
    }

    /// Title, takeaway and data table of chart `kind`.
    #[wasm_bindgen(unchecked_return_type = "ChartText")]
    pub fn describe(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartKind")] kind: &str,
        #[wasm_bindgen(unchecked_param_type = "DrawOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let (kind, report, chart_options) = self.chart(kind, options)?;
        to_js(&chart::describe(kind, report, &chart_options))
    }

    /// The height (CSS pixels) chart `kind` reads best at.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartKind")] kind: &str,
        #[wasm_bindgen(unchecked_param_type = "DrawOptions")] options: JsValue,
    ) -> Result<u32, JsError> {
        let (kind, report, chart_options) = self.chart(kind, options)?;
        Ok(chart::preferred_height(kind, report, &chart_options))
    }

    /// The action plan: the built-in practices ranked against the report (see `plan::build`).
    #[wasm_bindgen(unchecked_return_type = "Plan")]
    pub fn plan(&self) -> Result<JsValue, JsError> {
        to_js(&self.action_plan()?)
    }

    /// The action plan as a checklist: `format` "markdown" or "csv".
    #[wasm_bindgen(js_name = planChecklist)]
    pub fn plan_checklist(&self, #[wasm_bindgen(unchecked_param_type = "\"markdown\" | \"csv\"")] format: &str) -> Result<String, JsError> {
        let plan = self.action_plan()?;
        match format {
            "markdown" => Ok(crate::plan::render::markdown(&plan)),
            "csv" => Ok(crate::plan::render::csv(&plan)),
            other => Err(JsError::new(&format!("there is no checklist format {other:?}; formats: markdown, csv"))),
        }
    }

    /// The board report: executive summary (with the response rate of a published report that has
    /// one), strengths and risks, and the sections after the charts (action plan, breakdown table,
    /// method and anonymity statement).
    #[wasm_bindgen(unchecked_return_type = "Board")]
    pub fn board(&self) -> Result<JsValue, JsError> {
        to_js(&Board::in_language(self.shown()?, self.lang))
    }

    /// The report as JSON to publish: aggregates only, with numbers rounded (see `report::publish_json`).
    pub fn publish(&self) -> Result<String, JsError> {
        Ok(crate::report::publish_json(self.shown()?))
    }
}

/// The published report in `bytes` as text (one JSON object with a `"format"` field), or
/// undefined when they are something else (responses for the worker to read).
#[wasm_bindgen(js_name = publishedReport)]
pub fn published_report(bytes: &[u8]) -> Option<String> {
    Report::published_text(bytes).map(str::to_string)
}

/// Display names of the comment labels in `lang` (a BCP 47 tag; English when absent or not
/// one of ours), keyed by the ids reports use:
/// `{ sentiment: { negative: "Negative", … }, stance: { … }, themes: { says_no: "Says no", … } }`.
#[wasm_bindgen(js_name = commentLabels)]
pub fn comment_labels(lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang_of(lang);
    use crate::text::{Sentiment, Stance, Theme};
    use serde_json::{Map, Value};
    // serde_json's map filled by insert (both already in the wasm) rather than collected
    // BTreeMaps, whose from_iter brings a sort of its own per type; keys come out sorted either way.
    fn object<K: Into<String>, V: Into<Value>>(pairs: impl IntoIterator<Item = (K, V)>) -> Value {
        let mut map = Map::new();
        for (k, v) in pairs {
            map.insert(k.into(), v.into());
        }
        Value::Object(map)
    }
    let labels = object([
        ("sentiment", object(Sentiment::ALL.iter().map(|&x| (x.as_str(), chart::sentiment_name(x, lang))))),
        ("stance", object(Stance::ALL.iter().map(|&x| (x.as_str(), chart::stance_name(x, lang))))),
        ("themes", object(Theme::ALL.iter().map(|&x| (x.as_str(), chart::theme_name(x, lang))))),
    ]);
    to_js(&labels)
}

/// The browser's text measure, or the fixed estimate where there is no canvas.
fn measure() -> Box<dyn Measure> {
    match CanvasMeasure::new() {
        Some(m) => Box::new(m),
        None => Box::new(Estimate),
    }
}

impl Viewer {
    /// The report shown, or an error when none is loaded.
    fn shown(&self) -> Result<&Report, JsError> {
        self.report.as_ref().ok_or_else(|| JsError::new("no report loaded yet"))
    }

    /// Chart `id`, the report and the chart options of `options` in the viewer's language.
    fn chart(&self, id: &str, options: JsValue) -> Result<(ChartKind, &Report, ChartOptions), JsError> {
        let kind: ChartKind = id.parse().map_err(into_error)?;
        let o: DrawOptions = self::options(options)?;
        let chart_options = ChartOptions {
            segment: o.segment,
            question: o.question,
            width: o.width,
            theme: o.theme,
            pixel_ratio: o.pixel_ratio.unwrap_or(1.0),
            neutral: o.neutral.unwrap_or(true),
            titled: o.titled,
            look: o.look,
            outcome: o.outcome,
            lang: self.lang,
        };
        Ok((kind, self.shown()?, chart_options))
    }

    /// The built-in practices ranked against the report, in the viewer's language.
    fn action_plan(&self) -> Result<crate::plan::Plan, JsError> {
        Ok(crate::plan::build_in(self.shown()?, &crate::plan::Library::default_library(), self.lang))
    }
}
