//! `Dashboard`: what the dashboard's worker (www/report/worker.js) talks to. It holds the
//! instrument and the loaded responses, scores them, caches the released reports of the views
//! asked for or prepared (`prepare`, while the worker is idle), and hands them out
//! (`reportJson`) for the page's `Viewer` to draw. It draws nothing and reads no reports (a
//! published report is the viewer's).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{into_error, json_of, options, parse_json, to_js};
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
use crate::views::cache::{ReportCache, Use};
use crate::views::{Column, View, ViewConfig, Views};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** What to score: breakdown, wave, threshold, filter. Unknown fields are an error. */
export interface ViewOptions {
  by?: string[]; wave?: string; minGroup?: number;
  filter?: { segment?: { column: string; value: string }; wave?: string };
}
/** What reading a file did: rows kept and skipped, and positioned problems. */
export interface IngestSummary {
  rows_read: number; rows_kept: number; rows_skipped: number; problems_total: number;
  /** `message` is worded in the language of `setLanguage`; `cause` is the same as data ({ kind, ... }). */
  problems: { line: number; row: number; column?: string; message: string; cause: { kind: string } }[];
  extra_columns: string[]; absent_columns: string[];
}
/** A published report and the line to append to the publication record file (null without a wave column). */
export interface Publication { report: string; record: string | null }
"#;

/// Options of one view, as a JS object (camelCase); unknown fields are rejected.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct ViewOptions {
    by: Vec<String>,
    wave: Option<String>,
    min_group: Option<usize>,
    filter: Filter,
}

/// What the report depends on (the cache key); drawing options are not part of it.
#[derive(Debug, Clone, PartialEq)]
struct ScoreKey {
    by: Vec<String>,
    wave: Option<String>,
    min_group: MinGroup,
    filter: Filter,
    /// The language of the instrument's wording in the report.
    lang: Lang,
}

/// How many released reports the dashboard keeps (the views asked for last and those prepared
/// for the filter menu); the one used longest ago goes first.
const CACHED_REPORTS: usize = 32;

/// What [`Dashboard::publish_after`] returns (the TS `Publication`).
#[derive(serde::Serialize)]
struct Published {
    report: String,
    record: Option<String>,
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

/// Picks where a large CSV file is split for reading in parts by several workers
/// (`dashboard.splitter(head, size, parts)`): `push` the file's pieces from its start while
/// `wanted()`, then `bounds()`.
#[wasm_bindgen]
pub struct Splitter {
    splitter: ingest::Splitter,
}

#[wasm_bindgen]
impl Splitter {
    /// True while more of the file is needed to place the boundaries.
    pub fn wanted(&self) -> bool {
        self.splitter.wanted()
    }

    /// Scans the next piece of the file.
    pub fn push(&mut self, piece: &[u8]) {
        self.splitter.push(piece);
    }

    /// The byte offsets of the parts: the header is bytes `0..bounds[0]`, part `k` bytes
    /// `bounds[k]..bounds[k + 1]`.
    pub fn bounds(&self) -> Vec<f64> {
        self.splitter.bounds().into_iter().map(|b| b as f64).collect()
    }
}

/// One part of a file read by a helper worker (`new ShardUpload(dashboard, header, size)`,
/// `push` each piece of the part in order, then `finish`).
#[wasm_bindgen]
pub struct ShardUpload {
    reader: ingest::ShardReader,
}

#[wasm_bindgen]
impl ShardUpload {
    /// A part of `size` bytes of a file whose header is `header` (the bytes before `bounds()[0]`).
    #[wasm_bindgen(constructor)]
    pub fn new(dashboard: &Dashboard, header: &[u8], size: f64) -> ShardUpload {
        ShardUpload { reader: ingest::ShardReader::new(&dashboard.instrument, &IngestOptions::default(), header, size as usize) }
    }

    /// Reads the next piece of the part.
    pub fn push(&mut self, piece: &[u8]) {
        self.reader.push(piece);
    }

    /// What the part held, as bytes for `Shards.add` in the coordinating worker.
    pub fn finish(self) -> Vec<u8> {
        self.reader.finish().encode()
    }
}

/// The parts of one file, `add`ed in file order, for `Dashboard.loadShards`.
#[wasm_bindgen]
#[derive(Default)]
pub struct Shards {
    shards: Vec<ingest::Shard>,
}

#[wasm_bindgen]
impl Shards {
    /// No parts yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Shards {
        Shards::default()
    }

    /// The next part, as `ShardUpload.finish` gave it (read by a helper worker).
    pub fn add(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.shards.push(ingest::Shard::decode(bytes).map_err(into_error)?);
        Ok(())
    }

    /// The next part, read in this worker.
    #[wasm_bindgen(js_name = addUpload)]
    pub fn add_upload(&mut self, upload: ShardUpload) {
        self.shards.push(upload.reader.finish());
    }
}

/// The dashboard's data and its scored views.
#[wasm_bindgen]
pub struct Dashboard {
    instrument: Instrument,
    /// The responses and every view of them (comments analysed once per load); none before a load.
    views: Option<Box<Views>>,
    /// Released reports by view, as JSON text (at most [`CACHED_REPORTS`]).
    cache: ReportCache<ScoreKey, String>,
    analyzer: Option<Analyzer>,
    /// Removes e-mails, phone numbers, personal links, ids and the listed names from comment samples.
    redactor: Redactor,
    /// Whether loads leave the comment analysis to `analyseComments` (charts first).
    comments_later: bool,
    /// The language the core words messages and the instrument's labels in (`setLanguage`).
    lang: Lang,
}

/// The minimum group size the options ask for (the default when none).
fn min_group(o: &ViewOptions) -> Result<MinGroup, JsError> {
    MinGroup::new(o.min_group.unwrap_or(crate::privacy::DEFAULT_MIN_GROUP)).map_err(into_error)
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
            views: None,
            cache: ReportCache::new(CACHED_REPORTS),
            analyzer: None,
            redactor: Redactor::default(),
            comments_later: false,
            lang: Lang::En,
        })
    }

    /// Words the core's messages in `lang`, a BCP 47 tag read by its first subtag; a language
    /// without catalogs gives English. Reports of loaded responses also take the instrument's
    /// wording in `lang` (dimension names, statements, options); a published report keeps its own.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) {
        self.lang = Lang::or_english(lang);
    }

    /// Reads a response file (CSV, JSON or JSON Lines, as `ingest::detect_format` tells); returns
    /// what happened. Fails with the position of the problem when nothing usable is in the file,
    /// and on a published report (one JSON object with a `"format"` field), which the viewer shows.
    #[wasm_bindgen(js_name = loadBytes, unchecked_return_type = "IngestSummary")]
    pub fn load_bytes(&mut self, bytes: &[u8]) -> Result<JsValue, JsError> {
        if Report::published_text(bytes).is_some() {
            return Err(JsError::new("this is a published report, not responses: the viewer shows it (Viewer.loadReport)"));
        }
        let (table, summary) = self.read(bytes)?;
        self.set(table);
        to_js(&summary)
    }

    /// Loads a file read in pieces into `upload` ([`Upload`]): the same as `loadBytes` of the
    /// whole file, which was never held whole in JS and here at once (CSV; JSON is kept whole).
    #[wasm_bindgen(js_name = loadUpload, unchecked_return_type = "IngestSummary")]
    pub fn load_upload(&mut self, upload: Upload) -> Result<JsValue, JsError> {
        if let Some(json) = upload.reader.json_text() {
            return self.load_bytes(json);
        }
        let (table, summary) = self.worded(upload.reader.finish())?;
        self.set(table);
        to_js(&summary)
    }

    /// A splitter of a file of `size` bytes that starts with `head` into up to `parts` parts;
    /// undefined when the file is not split (not CSV, or its header is not all in `head`).
    pub fn splitter(&self, head: &[u8], size: f64, parts: usize) -> Option<Splitter> {
        let splitter = ingest::Splitter::new(head, size as usize, parts, &IngestOptions::default())?;
        Some(Splitter { splitter })
    }

    /// Loads a file read in parts (`shards`): the same as `loadUpload` of the whole file; null
    /// when the parts cannot be vouched for (a part failed, or quotes inside a field moved a
    /// record boundary): then read the file whole.
    #[wasm_bindgen(js_name = loadShards, unchecked_return_type = "IngestSummary | null")]
    pub fn load_shards(&mut self, shards: Shards) -> Result<JsValue, JsError> {
        let Some(read) = ingest::merge_shards(shards.shards, &IngestOptions::default()) else { return Ok(JsValue::NULL) };
        let (table, summary) = self.worded(Ok(read))?;
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
        match (&mut self.views, append.unwrap_or(false)) {
            (Some(views), true) => {
                // Only the new rows' comments are analysed.
                views.append(table, self.analyzer.get_or_insert_with(Analyzer::new)).map_err(into_error)?;
                self.cache.clear();
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

    /// Names to remove from the comment samples, one per entry (the lines of a
    /// `--redact-names` file; blank and one-letter entries are ignored); replaces any earlier
    /// list and rescores. Returns how many names are in use.
    #[wasm_bindgen(js_name = setRedactNames)]
    pub fn set_redact_names(&mut self, names: Vec<String>) -> usize {
        self.redactor = Redactor::new(&names);
        if let Some(views) = &mut self.views {
            views.set_redactor(self.redactor.clone());
        }
        self.cache.clear();
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
        if let Some(views) = &mut self.views {
            views.analyse_comments(self.analyzer.get_or_insert_with(Analyzer::new));
            self.cache.clear();
        }
    }

    /// Number of respondents loaded.
    pub fn rows(&self) -> usize {
        self.views.as_ref().map_or(0, |v| v.table().rows)
    }

    /// The columns a view can be broken down or filtered by, with their values and how the
    /// dashboard's language labels them.
    #[wasm_bindgen(unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsError> {
        let columns: Vec<Column> = match &self.views {
            None => vec![],
            Some(v) => v.columns().into_iter().map(|c| c.in_language(&self.instrument, self.lang.code())).collect(),
        };
        to_js(&columns)
    }

    /// The scored report of the view `options` (already through the privacy rules).
    pub fn report(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<JsValue, JsError> {
        let o: ViewOptions = self::options(options)?;
        parse_json(self.view_json(&o, Use::Asked)?)
    }

    /// [`Dashboard::report`] as JSON text that `loadReport` reads (e.g. in another instance that
    /// only draws): the released report, not rounded as `publish` rounds it.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<String, JsError> {
        let o: ViewOptions = self::options(options)?;
        self.view_json(&o, Use::Asked).map(str::to_string)
    }

    /// Scores the view `options` and writes its JSON text ahead of time (the worker does it while
    /// idle, for the views its filter menu offers), so that `reportJson` of it only copies the
    /// cached text; nothing is returned.
    pub fn prepare(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<(), JsError> {
        let o: ViewOptions = self::options(options)?;
        self.view_json(&o, Use::Ahead).map(|_| ())
    }

    /// The view's report as JSON to publish: aggregates only, already suppressed (scored afresh, not
    /// read from the reports kept for `reportJson`).
    pub fn publish(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue) -> Result<String, JsError> {
        let o: ViewOptions = self::options(options)?;
        let key = self.key(&o)?;
        Ok(crate::report::publish_json(&score(&mut self.views, &self.instrument, &key)?))
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
        let o: ViewOptions = self::options(options)?;
        let prior = crate::privacy::prior::read_records(records).map_err(|e| JsError::new(&format!("publication records: {e}")))?;
        let min = min_group(&o)?;
        let Some(views) = &mut self.views else {
            return Err(JsError::new("no responses loaded yet"));
        };
        views.configure(o.wave.clone(), min);
        let lang = self.lang;
        let (report, record) =
            views.publish_after(&View { by: o.by, filter: o.filter }, &prior).map_err(|e| JsError::new(&e.describe(lang)))?;
        to_js(&Published { report, record: record.as_ref().map(crate::privacy::prior::record_line) })
    }
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
        self.views = Some(Box::new(views));
        self.cache.clear();
    }

    /// The JSON text of a view's report ([`json_of`]): kept from when it was asked for or prepared
    /// since the data, the comment analysis or the names to redact last changed, or scored now.
    fn view_json(&mut self, o: &ViewOptions, used: Use) -> Result<&str, JsError> {
        let key = self.key(o)?;
        let (views, instrument) = (&mut self.views, &self.instrument);
        let text = self.cache.get(&key, used, |key| json_of(&score(views, instrument, key)?))?;
        Ok(text)
    }

    /// What a view's report depends on.
    fn key(&self, o: &ViewOptions) -> Result<ScoreKey, JsError> {
        let min_group = min_group(o)?;
        Ok(ScoreKey { by: o.by.clone(), wave: o.wave.clone(), min_group, filter: o.filter.clone(), lang: self.lang })
    }
}

/// The released report of the view `key` of `views` (none loaded: an error), worded in its language.
fn score(views: &mut Option<Box<Views>>, instrument: &Instrument, key: &ScoreKey) -> Result<Report, JsError> {
    let views = views.as_mut().ok_or_else(|| JsError::new("no responses loaded yet"))?;
    views.configure(key.wave.clone(), key.min_group);
    let view = View { by: key.by.clone(), filter: key.filter.clone() };
    let report = views.report(&view).map_err(|e| JsError::new(&e.describe(key.lang)))?;
    Ok(report.in_language(instrument, key.lang.code()))
}
