//! `Dashboard`: the one object the `<secpulse-report>` element talks to. It holds the
//! instrument and the loaded responses (or a published report), scores them in the
//! browser, caches the report per view, and draws charts to a canvas or SVG.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::measure::CanvasMeasure;
use super::{into_error, to_js};
use crate::board::Board;
use crate::chart::{self, ChartKind, ChartOptions, Estimate, Look, Measure, Theme};
use crate::ingest::{self, IngestOptions, IngestSummary, ResponseTable};
use crate::instrument::Instrument;
use crate::lang::Lang;
use crate::privacy::filter::Filter;
use crate::privacy::redact::Redactor;
use crate::privacy::CommentOptions;
use crate::privacy::MinGroup;
use crate::report::Report;
use crate::synth;
use crate::text::Analyzer;
use crate::views::{Column, View, ViewConfig, Views};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Chart ids, in dashboard order. */
export type ChartKind = "balance" | "dimensions" | "likert" | "heatmap" | "trend" | "nps" | "sentiment" | "stance" | "themes" | "selections" | "priority" | "sensitive" | "ranking";
/** What to show: breakdown, wave, threshold, filter, and how to draw. Unknown fields are an error. */
export interface ViewOptions {
  by?: string[]; wave?: string; minGroup?: number;
  filter?: { segment?: { column: string; value: string }; wave?: string };
  segment?: string; question?: string; width?: number; theme?: "light" | "dark"; pixelRatio?: number; neutral?: boolean; titled?: boolean; outcome?: "nps" | "balance";
  /** The page's chart colours (CSS #rgb, #rrggbb or rgb()) and font family; each optional. */
  look?: { background?: string; text?: string; muted?: string; grid?: string; font?: string };
}
/** A chart's words: title, one-line takeaway and its data as a table. */
export interface ChartText { title: string; takeaway: string; table: { caption: string; columns: string[]; rows: string[][] } }
/** What reading a file did: rows kept and skipped, and positioned problems. */
export interface IngestSummary {
  rows_read: number; rows_kept: number; rows_skipped: number; problems_total: number;
  /** `message` is worded in the language of `setLanguage`; `cause` is the same as data ({ kind, ... }). */
  problems: { line: number; row: number; column?: string; message: string; cause: { kind: string } }[];
  extra_columns: string[]; absent_columns: string[];
}
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
/** A published report and the line to append to the publication record file (null without a wave column). */
export interface Publication { report: string; record: string | null }
/** A column the view can be broken down or filtered by, with its values. */
export interface Column { name: string; label: string; values: string[]; labels: string[]; choice: boolean }
"#;

/// Options of one view, as a JS object (camelCase); unknown fields are rejected.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct ViewOptions {
    by: Vec<String>,
    wave: Option<String>,
    min_group: Option<usize>,
    filter: Filter,
    segment: Option<String>,
    question: Option<String>,
    width: Option<f64>,
    theme: Theme,
    pixel_ratio: Option<f64>,
    neutral: Option<bool>,
    titled: bool,
    look: Look,
    outcome: Option<crate::report::Outcome>,
}

/// What the report depends on (the cache key); drawing options are not part of it.
#[derive(Debug, Clone, PartialEq)]
struct ScoreKey {
    by: Vec<String>,
    wave: Option<String>,
    min_group: usize,
    filter: Filter,
    /// The language of the instrument's wording in the report.
    lang: Lang,
}

/// What [`Dashboard::publish_after`] returns (the TS `Publication`).
#[derive(serde::Serialize)]
struct Published {
    report: String,
    record: Option<String>,
}

enum Data {
    Empty,
    /// The responses and every view of them (comments analysed once per load).
    Responses(Box<Views>),
    Published(Box<Report>),
}

/// A response file read in pieces (`new Upload(dashboard, file.size)`, then `push` each piece
/// in order), for `Dashboard.loadUpload`.
#[wasm_bindgen]
pub struct Upload {
    reader: ingest::ChunkedReader,
}

#[wasm_bindgen]
impl Upload {
    /// An upload for `dashboard`'s instrument of a file of about `size` bytes (absent: unknown).
    #[wasm_bindgen(constructor)]
    pub fn new(dashboard: &Dashboard, size: Option<f64>) -> Upload {
        let reader = ingest::ChunkedReader::new(&dashboard.instrument, None, &IngestOptions::default());
        Upload { reader: reader.with_size_hint(size.unwrap_or(0.0) as usize) }
    }

    /// Reads the next piece of the file.
    pub fn push(&mut self, piece: &[u8]) {
        self.reader.push(piece);
    }
}

/// The dashboard's data and its scored views.
#[wasm_bindgen]
pub struct Dashboard {
    instrument: Instrument,
    data: Data,
    cache: Option<(ScoreKey, Report)>,
    analyzer: Option<Analyzer>,
    /// Removes e-mails, phone numbers, personal links, ids and the listed names from comment samples.
    redactor: Redactor,
    /// Whether loads leave the comment analysis to `analyseComments` (charts first).
    comments_later: bool,
    /// The language the core words charts, tables and messages in (`setLanguage`).
    lang: Lang,
}

fn options(value: JsValue) -> Result<ViewOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(ViewOptions::default());
    }
    // Through JSON text: serde-wasm-bindgen looks up known fields only, so it never
    // sees (and cannot reject) an unknown one such as a misspelt `minGroupSize`.
    let json: String = js_sys::JSON::stringify(&value).map_err(|_| JsError::new("options must be a plain object"))?.into();
    serde_json::from_str(&json).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// The minimum group size the options ask for (the default when none).
fn min_group(o: &ViewOptions) -> Result<MinGroup, JsError> {
    MinGroup::new(o.min_group.unwrap_or(crate::privacy::DEFAULT_MIN_GROUP)).map_err(into_error)
}

fn kind(id: &str) -> Result<ChartKind, JsError> {
    id.parse().map_err(into_error)
}

#[wasm_bindgen]
impl Dashboard {
    /// A dashboard for `instrumentJson` (default: the built-in instrument).
    #[wasm_bindgen(constructor)]
    pub fn new(instrument_json: Option<String>) -> Result<Dashboard, JsError> {
        let instrument = match instrument_json {
            Some(json) => Instrument::from_json(&json).map_err(into_error)?,
            None => Instrument::default_instrument(),
        };
        Ok(Dashboard {
            instrument,
            data: Data::Empty,
            cache: None,
            analyzer: None,
            redactor: Redactor::default(),
            comments_later: false,
            lang: Lang::En,
        })
    }

    /// Words what the core writes (chart titles, takeaways, tables, messages) in `lang`, a
    /// BCP 47 tag read by its first subtag; a language without catalogs gives English. Reports
    /// of loaded responses also take the instrument's wording in `lang` (dimension names,
    /// statements, options); a published report keeps its own.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) {
        self.lang = Lang::or_english(lang);
    }

    /// Reads a response file (CSV, JSON or JSON Lines, as `ingest::detect_format` tells) or a
    /// published report (one JSON object with a `"format"` field); returns what happened, or null
    /// for a report. Fails with the position of the problem when nothing usable is in the file.
    #[wasm_bindgen(js_name = loadBytes, unchecked_return_type = "IngestSummary | null")]
    pub fn load_bytes(&mut self, bytes: &[u8]) -> Result<JsValue, JsError> {
        if let Some(json) = Report::published_text(bytes) {
            self.load_report(json)?;
            return Ok(JsValue::NULL);
        }
        let (table, summary) = self.read(bytes)?;
        self.set(table);
        to_js(&summary)
    }

    /// Loads a file read in pieces into `upload` ([`Upload`]): the same as `loadBytes` of the
    /// whole file, which was never held whole in JS and here at once (CSV; JSON is kept whole).
    #[wasm_bindgen(js_name = loadUpload, unchecked_return_type = "IngestSummary | null")]
    pub fn load_upload(&mut self, upload: Upload) -> Result<JsValue, JsError> {
        if let Some(json) = upload.reader.json_text() {
            return self.load_bytes(json);
        }
        let (table, summary) = self.worded(upload.reader.finish())?;
        self.set(table);
        to_js(&summary)
    }

    /// Loads response rows handed in from JS (objects keyed by column id, as the
    /// survey produces them); with `append`, adds them to the rows already loaded.
    #[wasm_bindgen(js_name = loadRows, unchecked_return_type = "IngestSummary")]
    pub fn load_rows(&mut self, rows: JsValue, append: Option<bool>) -> Result<JsValue, JsError> {
        let json: String = js_sys::JSON::stringify(&rows).map_err(|_| JsError::new("rows must be an array of plain objects"))?.into();
        if !json.starts_with('[') {
            return Err(JsError::new("rows must be an array of objects"));
        }
        let (table, summary) = self.read(json.as_bytes())?;
        match (&mut self.data, append.unwrap_or(false)) {
            (Data::Responses(views), true) => {
                // Only the new rows' comments are analysed.
                views.append(table, self.analyzer.get_or_insert_with(Analyzer::new)).map_err(into_error)?;
                self.cache = None;
            }
            _ => self.set(table),
        }
        to_js(&summary)
    }

    /// Loads `n` synthetic respondents (three waves) generated from `seed`; fails above
    /// `synth::MAX_SAMPLE`.
    #[wasm_bindgen(js_name = loadSample)]
    pub fn load_sample(&mut self, n: u32, seed: u32) -> Result<(), JsError> {
        let table = synth::dashboard_sample(&self.instrument, n as usize, u64::from(seed)).map_err(into_error)?;
        self.set(table);
        Ok(())
    }

    /// Loads a published report (aggregates only); charts are drawn from it as is.
    #[wasm_bindgen(js_name = loadReport)]
    pub fn load_report(&mut self, json: &str) -> Result<(), JsError> {
        self.data = Data::Published(Box::new(parse_report(json)?));
        self.cache = None;
        Ok(())
    }

    /// Names to remove from the comment samples, one per entry (the lines of a
    /// `--redact-names` file; blank and one-letter entries are ignored); replaces any earlier
    /// list and rescores. Returns how many names are in use. A published report was redacted
    /// when it was published and is not changed.
    #[wasm_bindgen(js_name = setRedactNames)]
    pub fn set_redact_names(&mut self, names: Vec<String>) -> usize {
        self.redactor = Redactor::new(&names);
        if let Data::Responses(views) = &mut self.data {
            views.set_redactor(self.redactor.clone());
        }
        self.cache = None;
        self.redactor.name_count()
    }

    /// From now on, loads leave the comment analysis to `analyseComments`: reports hold no
    /// comment sections until it has run (the scores can be shown first).
    #[wasm_bindgen(js_name = deferComments)]
    pub fn defer_comments(&mut self) {
        self.comments_later = true;
    }

    /// Analyses the comments a load left for later (nothing when none are left).
    #[wasm_bindgen(js_name = analyseComments)]
    pub fn analyse_comments(&mut self) {
        if let Data::Responses(views) = &mut self.data {
            views.analyse_comments(self.analyzer.get_or_insert_with(Analyzer::new));
            self.cache = None;
        }
    }

    /// Number of respondents loaded (0 for a published report: the raw count is not known).
    pub fn rows(&self) -> usize {
        match &self.data {
            Data::Responses(v) => v.table().rows,
            _ => 0,
        }
    }

    /// True when showing a published report (no filters, no breakdown changes).
    #[wasm_bindgen(getter)]
    pub fn published(&self) -> bool {
        matches!(self.data, Data::Published(_))
    }

    /// The columns a view can be broken down or filtered by, with their values and how the
    /// dashboard's language labels them.
    #[wasm_bindgen(unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsError> {
        let columns: Vec<Column> = match &self.data {
            Data::Empty => vec![],
            Data::Responses(v) => v.columns().into_iter().map(|c| c.in_language(&self.instrument, self.lang.code())).collect(),
            Data::Published(r) => Column::of_report(r),
        };
        to_js(&columns)
    }

    /// The scored report of the view `options` (already through the privacy rules).
    pub fn report(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<JsValue, JsError> {
        let o = self::options(options)?;
        to_js(self.view(&o)?.0)
    }

    /// [`Dashboard::report`] as JSON text that `loadReport` reads (e.g. in another instance that
    /// only draws): the released report, not rounded as `publish` rounds it.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<String, JsError> {
        let o = self::options(options)?;
        serde_json::to_string(self.view(&o)?.0).map_err(into_error)
    }

    /// Draws chart `kind` onto `canvas` (sized by the caller to its box × devicePixelRatio).
    pub fn draw(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ChartKind")] kind: &str,
        canvas: HtmlCanvasElement,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<(), JsError> {
        let (k, o) = (self::kind(kind)?, self::options(options)?);
        let (report, chart_options) = self.view(&o)?;
        let backend =
            plotters_canvas::CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let area = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
        chart::draw_measured(k, report, &area, &chart_options, measure().as_ref()).map_err(into_error)?;
        area.present().map_err(into_error)
    }

    /// Chart `kind` as an SVG document of `width` × `height` pixels.
    pub fn svg(
        &mut self,
        kind: &str,
        width: u32,
        height: u32,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<String, JsError> {
        let (k, o) = (self::kind(kind)?, self::options(options)?);
        let (report, chart_options) = self.view(&o)?;
        chart::svg_measured(k, report, width, height, &chart_options, measure().as_ref()).map_err(into_error)
    }

    /// Title, takeaway and data table of chart `kind`.
    #[wasm_bindgen(unchecked_return_type = "ChartText")]
    pub fn describe(
        &mut self,
        kind: &str,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let (k, o) = (self::kind(kind)?, self::options(options)?);
        let (report, chart_options) = self.view(&o)?;
        to_js(&chart::describe(k, report, &chart_options))
    }

    /// The action plan of the view `options`: the built-in practices ranked against its
    /// released report (see `plan::build`), every triggered practice.
    #[wasm_bindgen(unchecked_return_type = "Plan")]
    pub fn plan(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<JsValue, JsError> {
        let (o, lang) = (self::options(options)?, self.lang);
        to_js(&crate::plan::build_in(self.view(&o)?.0, &crate::plan::Library::default_library(), lang))
    }

    /// The action plan of the view `options` as a checklist: `format` "markdown" or "csv".
    #[wasm_bindgen(js_name = planChecklist)]
    pub fn plan_checklist(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"markdown\" | \"csv\"")] format: &str,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<String, JsError> {
        let (o, lang) = (self::options(options)?, self.lang);
        let plan = crate::plan::build_in(self.view(&o)?.0, &crate::plan::Library::default_library(), lang);
        match format {
            "markdown" => Ok(crate::plan::render::markdown(&plan)),
            "csv" => Ok(crate::plan::render::csv(&plan)),
            other => Err(JsError::new(&format!("there is no checklist format {other:?}; formats: markdown, csv"))),
        }
    }

    /// The height (CSS pixels) chart `kind` reads best at.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(
        &mut self,
        kind: &str,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<u32, JsError> {
        let (k, o) = (self::kind(kind)?, self::options(options)?);
        let (report, chart_options) = self.view(&o)?;
        Ok(chart::preferred_height(k, report, &chart_options))
    }

    /// The board report of the view: executive summary (with the response rate of a published
    /// report that has one), strengths and risks, and the sections after the charts (action plan,
    /// breakdown table, method and anonymity statement).
    #[wasm_bindgen(unchecked_return_type = "Board")]
    pub fn board(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<JsValue, JsError> {
        let (o, lang) = (self::options(options)?, self.lang);
        to_js(&Board::in_language(self.view(&o)?.0, lang))
    }

    /// The view's report as JSON to publish: aggregates only, already suppressed.
    pub fn publish(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<String, JsError> {
        let o = self::options(options)?;
        Ok(crate::report::publish_json(self.view(&o)?.0))
    }

    /// [`Dashboard::publish`] decided together with the earlier publications of these responses
    /// in `records` (the text of the publication record file, JSON Lines; empty the first time),
    /// so that no difference between this report and an earlier one singles anyone out. Returns
    /// the report and this publication's line to append to the record file (null when the data
    /// has no wave column in `options.wave`: then there must be no later publication).
    #[wasm_bindgen(js_name = publishAfter, unchecked_return_type = "Publication")]
    pub fn publish_after(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
        records: &str,
    ) -> Result<JsValue, JsError> {
        let o = self::options(options)?;
        let prior = crate::privacy::prior::read_records(records).map_err(|e| JsError::new(&format!("publication records: {e}")))?;
        let min = min_group(&o)?;
        let Data::Responses(views) = &mut self.data else {
            return Err(JsError::new("only loaded responses can be published (a published report already is)"));
        };
        views.configure(o.wave.clone(), min);
        let lang = self.lang;
        let (report, record) =
            views.publish_after(&View { by: o.by, filter: o.filter }, &prior).map_err(|e| JsError::new(&e.describe(lang)))?;
        to_js(&Published { report, record: record.as_ref().map(crate::privacy::prior::record_line) })
    }
}

/// Display names of the comment labels in `lang` (a BCP 47 tag; English when absent or not
/// one of ours), keyed by the ids reports use:
/// `{ sentiment: { negative: "Negative", … }, stance: { … }, themes: { says_no: "Says no", … } }`.
#[wasm_bindgen(js_name = commentLabels)]
pub fn comment_labels(lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = super::lang_of(lang);
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

/// A dashboard showing the published report `json` (what `<secpulse-report src="report.json">` uses).
#[wasm_bindgen(js_name = fromPublished)]
pub fn from_published(json: &str) -> Result<Dashboard, JsError> {
    Ok(Dashboard {
        instrument: Instrument::default_instrument(),
        data: Data::Published(Box::new(parse_report(json)?)),
        cache: None,
        analyzer: None,
        redactor: Redactor::default(),
        comments_later: false,
        lang: Lang::En,
    })
}

/// The browser's text measure, or the fixed estimate where there is no canvas.
fn measure() -> Box<dyn Measure> {
    match CanvasMeasure::new() {
        Some(m) => Box::new(m),
        None => Box::new(Estimate),
    }
}

fn parse_report(json: &str) -> Result<Report, JsError> {
    Report::from_json(json).map_err(into_error)
}

impl Dashboard {
    /// Reads responses; errors and the summary's problems are worded in the dashboard's language.
    fn read(&self, bytes: &[u8]) -> Result<(ResponseTable, IngestSummary), JsError> {
        self.worded(ingest::read_responses(&self.instrument, bytes, ingest::detect_format(bytes), &IngestOptions::default()))
    }

    /// The rows read, or the error, worded in the dashboard's language; an error when no row is usable.
    fn worded(&self, got: Result<ingest::Ingested, ingest::IngestError>) -> Result<(ResponseTable, IngestSummary), JsError> {
        let got = got.map_err(|e| JsError::new(&e.describe(self.lang)))?;
        let got = got.with_rows().map_err(|e| JsError::new(&e.describe(self.lang)))?;
        Ok((got.table, got.summary.in_language(self.lang)))
    }

    fn set(&mut self, table: ResponseTable) {
        let comments = CommentOptions { redactor: self.redactor.clone(), ..CommentOptions::default() };
        let config = ViewConfig { comments: Some(comments), ..ViewConfig::default() };
        let views = if self.comments_later {
            Views::with_comments_later(self.instrument.clone(), table, config)
        } else {
            Views::new(self.instrument.clone(), table, config, Some(self.analyzer.get_or_insert_with(Analyzer::new)))
        };
        self.data = Data::Responses(Box::new(views));
        self.cache = None;
    }

    /// The report of a view (from the cache when only drawing options changed) and its chart options.
    fn view(&mut self, o: &ViewOptions) -> Result<(&Report, ChartOptions), JsError> {
        let min = min_group(o)?;
        let key = ScoreKey { by: o.by.clone(), wave: o.wave.clone(), min_group: min.k(), filter: o.filter.clone(), lang: self.lang };
        if self.cache.as_ref().map_or(true, |(k, _)| *k != key) {
            let report = match &mut self.data {
                Data::Empty => return Err(JsError::new("no responses loaded yet")),
                Data::Published(_) if !key.filter.is_empty() => {
                    return Err(JsError::new("a published report holds aggregates only and cannot be filtered"));
                }
                Data::Published(r) => (**r).clone(),
                Data::Responses(views) => {
                    views.configure(key.wave.clone(), min);
                    let view = View { by: key.by.clone(), filter: key.filter.clone() };
                    let report = views.report(&view).map_err(|e| JsError::new(&e.describe(key.lang)))?;
                    report.in_language(&self.instrument, key.lang.code())
                }
            };
            self.cache = Some((key, report));
        }
        let Some((_, report)) = self.cache.as_ref() else { return Err(JsError::new("no report")) };
        let chart_options = ChartOptions {
            segment: o.segment.clone(),
            question: o.question.clone(),
            width: o.width,
            theme: o.theme,
            pixel_ratio: o.pixel_ratio.unwrap_or(1.0),
            neutral: o.neutral.unwrap_or(true),
            titled: o.titled,
            look: o.look.clone(),
            outcome: o.outcome,
            lang: self.lang,
        };
        Ok((report, chart_options))
    }
}
