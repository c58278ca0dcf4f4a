//! Every view of one survey that a reader can reach, each released through the one
//! disclosure-control layer ([`crate::privacy::disclosure`]).
//!
//! A [`Views`] holds the responses of one survey (and their analysed comments) with the
//! settings a deployment fixes once: the wave column, the minimum group size and the
//! comment options. Each [`View`] (a breakdown and a filter) is scored from the rows and
//! then protected by a policy decided once for all views together, so that no number of
//! one view, subtracted from numbers of other views, tells anything about fewer than `k`
//! people. The CLI, the wasm dashboard and the auditor test all go through here.
//!
//! ```
//! use secpulse::instrument::Instrument;
//! use secpulse::synth::{generate, SynthOptions};
//! use secpulse::views::{View, ViewConfig, Views};
//!
//! let instrument = Instrument::default_instrument();
//! let table = generate(&instrument, &SynthOptions { n: 500, seed: 3, ..SynthOptions::default() });
//! let mut views = Views::new(instrument, table, ViewConfig::default(), None);
//! let report = views.report(&View::by("department")).unwrap();
//! assert_eq!(report.respondents, Some(500));
//! ```

pub mod cache;
pub mod streamed;

use crate::ingest::ResponseTable;
use crate::instrument::Instrument;
use crate::privacy::disclosure::{Measure, Policy, Population, Settings};
use crate::privacy::filter::{self, Filter, FilterError, SegmentFilter};
use crate::privacy::prior::{PriorError, Publication};
use crate::privacy::CommentOptions;
use crate::privacy::MinGroup;
use crate::report::Report;
use crate::score::comments::{AnalyzedComments, CommentCells};
use crate::score::counts::{Counted, Literal};
use crate::score::{self, raw_view_report, Comments, RawOptions, ScoreError};
use crate::text::Analyzer;

/// One view: the columns the report breaks down by, and which respondents it keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// Segment columns to break down by (the dashboard uses one; the CLI any number).
    pub by: Vec<String>,
    /// Which respondents the view keeps (everyone when empty).
    pub filter: Filter,
}

impl View {
    /// Everyone, broken down by `column`.
    pub fn by(column: &str) -> View {
        View { by: vec![column.to_string()], filter: Filter::default() }
    }

    /// The same view restricted to the segment value `column = value`.
    pub fn showing(mut self, column: &str, value: &str) -> View {
        self.filter.segment = Some(SegmentFilter { column: column.to_string(), value: value.to_string() });
        self
    }

    /// The same view restricted to one wave.
    pub fn in_wave(mut self, wave: &str) -> View {
        self.filter.wave = Some(wave.to_string());
        self
    }
}

/// A column a view can be broken down or filtered by, with its values (the dashboard's menus).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Column {
    /// The column name.
    pub name: String,
    /// The column as a reader sees it ("Department", "Abteilung"): the instrument's label,
    /// else the name with a capital.
    pub label: String,
    /// Its values, in the table's order (what a filter names).
    pub values: Vec<String>,
    /// Its values as a reader sees them, in the same order: the values themselves, or the
    /// instrument's option labels in a language ([`Column::in_language`]).
    pub labels: Vec<String>,
    /// True for an instrument choice question (offered as "Compare by"); false for other
    /// columns such as the wave.
    pub choice: bool,
}

impl Column {
    /// The columns of a published report: its breakdowns (choices) and its wave column.
    pub fn of_report(report: &Report) -> Vec<Column> {
        let values = |groups: &[crate::report::SegmentGroup]| groups.iter().map(|g| g.value.clone()).collect();
        let breakdowns = report.segments.iter().map(|(name, groups)| Column::new(name, values(groups), true));
        let waves = report.waves.iter().map(|w| Column::new(&w.column, values(&w.waves), false));
        breakdowns.chain(waves).map(|c| Column { label: report.column_name(&c.name), ..c }).collect()
    }

    /// A column whose labels are its values.
    fn new(name: &str, values: Vec<String>, choice: bool) -> Column {
        Column { name: name.to_string(), label: name.to_string(), labels: values.clone(), values, choice }
    }

    /// This column with its values labelled as `instrument`'s translation `lang` shows them
    /// ([`crate::report::value_label`]).
    pub fn in_language(mut self, instrument: &Instrument, lang: &str) -> Column {
        self.labels = self.values.iter().map(|v| crate::report::value_label(instrument, lang, &self.name, v)).collect();
        if let Some(label) = instrument.column_label(Some(lang), &self.name) {
            self.label = label.to_string();
        }
        self
    }
}

/// How much protection the views get.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Protection {
    /// Linked-table protection: a statistic is shown only where no difference of reachable
    /// numbers isolates fewer than `k` answers (the only setting the CLI and dashboard use).
    #[default]
    Linked,
    /// Each statistic hidden only when its own base is under `k`, with no protection against
    /// subtraction. Exists so the auditor can show that it detects the leaks this allows.
    PrimaryOnly,
}

/// What a deployment fixes once for all views of a survey.
#[derive(Debug, Clone, Default)]
pub struct ViewConfig {
    /// The column holding the survey wave, if any.
    pub wave: Option<String>,
    /// Minimum number of answers behind anything shown.
    pub min_group: MinGroup,
    /// How comments are reported; `None` reports no comments.
    pub comments: Option<CommentOptions>,
    /// See [`Protection`].
    pub protection: Protection,
}

/// Why a view is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// The filter is not allowed (unknown value, or too few people).
    Filter(FilterError),
    /// A breakdown column that does not exist.
    Score(ScoreError),
    /// An earlier publication that does not fit these responses.
    Prior(PriorError),
}

impl ViewError {
    /// Why the view is not shown, in `lang`.
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        match self {
            ViewError::Filter(e) => e.describe(lang),
            ViewError::Score(e) => e.describe(lang),
            ViewError::Prior(e) => e.describe(lang),
        }
    }
}

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ViewError::Filter(e) => e.fmt(f),
            ViewError::Score(e) => e.fmt(f),
            ViewError::Prior(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ViewError {}

impl From<FilterError> for ViewError {
    fn from(e: FilterError) -> Self {
        ViewError::Filter(e)
    }
}

impl From<ScoreError> for ViewError {
    fn from(e: ScoreError) -> Self {
        ViewError::Score(e)
    }
}

/// The responses of one survey and every view of them.
pub struct Views {
    instrument: Instrument,
    table: ResponseTable,
    analyzed: AnalyzedComments,
    config: ViewConfig,
    policy: Option<Policy>,
    /// The respondents' scores and every cell's counts, built on first use; each view's
    /// scores are merged from these counts.
    counted: Option<Counted>,
    /// The comments per cell of `counted`, built on first use with comments on; `Some(None)`
    /// when views count their rows' comments instead ([`CommentCells::new`]).
    comment_cells: Option<Option<CommentCells>>,
    /// True while the comments wait for [`Views::analyse_comments`] (reports hold none).
    comments_pending: bool,
}

impl Views {
    /// Views of `table`; comments are analysed once here (with `analyzer`, or a new one)
    /// when `config.comments` is set.
    pub fn new(instrument: Instrument, table: ResponseTable, config: ViewConfig, analyzer: Option<&Analyzer>) -> Views {
        let analyzed = match (&config.comments, analyzer) {
            (None, _) => AnalyzedComments::default(),
            (Some(_), Some(a)) => AnalyzedComments::new(a, &table),
            (Some(_), None) => AnalyzedComments::new(&Analyzer::new(), &table),
        };
        Views { instrument, table, analyzed, config, policy: None, counted: None, comment_cells: None, comments_pending: false }
    }

    /// Views of `table` whose comments are analysed later, by [`Views::analyse_comments`] (so the
    /// scores can be shown first). Until then reports hold no comment sections; the disclosure
    /// policy is the same before and after, since it depends on `config`, not on the analysis.
    pub fn with_comments_later(instrument: Instrument, table: ResponseTable, config: ViewConfig) -> Views {
        let comments_pending = config.comments.is_some();
        Views {
            instrument,
            table,
            analyzed: AnalyzedComments::default(),
            config,
            policy: None,
            counted: None,
            comment_cells: None,
            comments_pending,
        }
    }

    /// Analyses the comments left for later by [`Views::with_comments_later`] (nothing when
    /// there are none left).
    pub fn analyse_comments(&mut self, analyzer: &Analyzer) {
        if std::mem::take(&mut self.comments_pending) {
            self.analyzed = AnalyzedComments::new(analyzer, &self.table);
            self.comment_cells = None;
        }
    }

    /// The responses.
    pub fn table(&self) -> &ResponseTable {
        &self.table
    }

    /// The instrument the responses answer.
    pub fn instrument(&self) -> &Instrument {
        &self.instrument
    }

    /// The settings fixed for all views.
    pub fn config(&self) -> &ViewConfig {
        &self.config
    }

    /// The columns of the responses, for the breakdown and filter menus.
    pub fn columns(&self) -> Vec<Column> {
        let choice = |name: &str| matches!(self.instrument.question(name), Some(crate::instrument::Question::Choice { .. }));
        self.table.segments.iter().map(|s| Column::new(&s.name, s.labels.clone(), choice(&s.name))).collect()
    }

    /// Sets the wave column and the minimum group size for every view (the policy is decided
    /// again on next use when they change).
    pub fn configure(&mut self, wave: Option<String>, min_group: MinGroup) {
        if self.config.wave != wave || self.config.min_group != min_group {
            (self.config.wave, self.config.min_group) = (wave, min_group);
            self.policy = None;
        }
    }

    /// Replaces the redactor of the comment samples (what is removed from their text).
    pub fn set_redactor(&mut self, redactor: crate::privacy::redact::Redactor) {
        if let Some(c) = self.config.comments.as_mut() {
            c.redactor = redactor;
        }
    }

    /// Adds `more` rows (columns matched by name); their comments are analysed with `analyzer`.
    /// Fails, adding nothing, when the rows would pass the ingest row limit.
    pub fn append(&mut self, more: ResponseTable, analyzer: &Analyzer) -> Result<(), String> {
        let limit = crate::ingest::Limits::default().max_rows;
        if self.table.rows + more.rows > limit {
            return Err(format!("adding {} rows to {} would pass the limit of {limit} rows", more.rows, self.table.rows));
        }
        if self.config.comments.is_some() && !self.comments_pending {
            let more_analyzed = AnalyzedComments::new(analyzer, &more);
            self.analyzed.append(&self.table, &more, &more_analyzed);
        }
        self.table.append(more);
        (self.policy, self.counted, self.comment_cells) = (None, None, None);
        Ok(())
    }

    /// Every view a reader can reach: no breakdown, every column alone and all columns at
    /// once (the CLI's `--by … --by …`), each with no filter; and the dashboard's views: a
    /// breakdown by one column, filtered to one of its values, one wave, or both.
    pub fn reachable(&self) -> Vec<View> {
        let wave = self.config.wave.as_deref();
        let columns: Vec<&str> = self.table.segments.iter().map(|s| s.name.as_str()).filter(|&c| Some(c) != wave).collect();
        let waves: Vec<String> = wave.and_then(|w| self.table.segment(w)).map(values_of).unwrap_or_default();
        let mut out = vec![View::default(), View { by: columns.iter().map(|c| c.to_string()).collect(), filter: Filter::default() }];
        for &c in &columns {
            let values = self.table.segment(c).map(values_of).unwrap_or_default();
            let base = View::by(c);
            out.push(base.clone());
            out.extend(waves.iter().map(|w| base.clone().in_wave(w)));
            for v in &values {
                out.push(base.clone().showing(c, v));
                out.extend(waves.iter().map(|w| base.clone().showing(c, v).in_wave(w)));
            }
        }
        out.extend(waves.iter().map(|w| View::default().in_wave(w)));
        out
    }

    /// The disclosure policy of these views (decided on first use, for all views at once, from
    /// the cells' contributors counted with their statistics).
    pub fn policy(&mut self) -> &Policy {
        decided(&mut self.policy, &mut self.counted, &self.instrument, &self.table, &self.config)
    }

    /// Refuses a wave column of more than [`score::MAX_WAVES`] values, before any policy (which
    /// decides every wave's populations) is decided.
    fn check_wave_column(&self) -> Result<(), ScoreError> {
        self.config.wave.as_deref().map_or(Ok(()), |w| score::check_wave_column(&self.table, w))
    }

    /// The released report of `view`.
    pub fn report(&mut self, view: &View) -> Result<Report, ViewError> {
        self.check_wave_column()?;
        let wave = self.config.wave.clone();
        let conditions = filter::conditions_of(&self.table, &view.filter, wave.as_deref())?;
        let k = self.config.min_group;
        let policy = self.policy();
        let segment = view.filter.segment.as_ref().map(|s| (s.column.as_str(), s.value.as_str()));
        let population = policy.view_population(segment, view.filter.wave.as_deref());
        let population = population.ok_or(FilterError::Difference { k: k.k() })?;
        // One reason for every refusal: saying "too small" for some and "would single out" for
        // others would tell which refused groups hold k or more people.
        if !policy.releases(Measure::People, &population) {
            return Err(FilterError::Difference { k: k.k() }.into());
        }
        let options = RawOptions { by: view.by.clone(), wave };
        let comments = self.config.comments.as_ref();
        let (instrument, whole) = (&self.instrument, &self.table);
        let counted = self.counted.get_or_insert_with(|| Counted::new(instrument, whole));
        let analyzed = &self.analyzed;
        let cells = match comments {
            Some(c) => self.comment_cells.get_or_insert_with(|| CommentCells::new(whole, analyzed, counted, c.samples)).as_ref(),
            None => None,
        };
        // Comments come from the cells when they can; else from the view's rows.
        let by_cells = cells.map(|cells| Comments::Cells(analyzed, cells));
        let mut report = if view.filter.is_empty() {
            let all = score::View { filter: &[], rows: None };
            let comments = comments.map(|c| by_cells.unwrap_or(Comments::Rows(analyzed, c.samples)));
            raw_view_report(instrument, whole, counted, &all, &options, comments)?
        } else {
            let rows = filter::rows_meeting(whole, &conditions);
            let literals: Vec<Literal> = conditions.into_iter().map(|(column, code)| Literal { column, code }).collect();
            // The scores come from counts: the view's table needs only what is read row by row.
            let by_rows = |id: &str| !instrument.question(id).is_some_and(score::counts::is_counted);
            let comment_rows = comments.filter(|_| by_cells.is_none());
            let table = filter::subset_of_columns(whole, &rows, &by_rows, comment_rows.is_some());
            let analyzed_rows = comment_rows.map(|c| (analyzed.subset(whole, &rows), c.samples));
            let part = score::View { filter: &literals, rows: Some((&rows, &table)) };
            let comments = by_cells.or(analyzed_rows.as_ref().map(|(a, s)| Comments::Rows(a, *s)));
            raw_view_report(instrument, whole, counted, &part, &options, comments)?
        };
        let (instrument, table, config) = (&self.instrument, &self.table, &self.config);
        let policy = decided(&mut self.policy, &mut self.counted, instrument, table, config);
        policy.protect(&mut report, &population, config.comments.as_ref().map(|c| &c.redactor));
        Ok(report)
    }

    /// The released report of `view` as published JSON: aggregates only, shares rounded.
    pub fn publish(&mut self, view: &View) -> Result<String, ViewError> {
        let report = self.report(view)?;
        Ok(crate::report::publish_json(&report))
    }

    /// [`Views::publish`], decided together with the earlier publications `prior` of these
    /// responses (see [`crate::privacy::prior`]), and what this publication released, to keep
    /// for the next one (`None` without a wave column: then there must be no next one).
    pub fn publish_after(&mut self, view: &View, prior: &[Publication]) -> Result<(String, Option<Publication>), ViewError> {
        let (report, publication) = self.report_after(view, prior)?;
        Ok((crate::report::publish_json(&report), publication))
    }

    /// The released report of `view` as [`Views::publish_after`] decides it, before rounding.
    pub fn report_after(&mut self, view: &View, prior: &[Publication]) -> Result<(Report, Option<Publication>), ViewError> {
        if prior.is_empty() {
            // Nothing published before: the policy is the views' own, decided once and cached.
            let report = self.report(view)?;
            let publication = self.policy.as_ref().and_then(|p| p.publication(&self.instrument, &self.table));
            return Ok((report, publication));
        }
        self.check_wave_column()?;
        let (instrument, table) = (&self.instrument, &self.table);
        let counted = self.counted.get_or_insert_with(|| Counted::new(instrument, table));
        let policy = Policy::with_prior(instrument, table, counted, policy_settings(&self.config), prior).map_err(ViewError::Prior)?;
        let publication = policy.publication(&self.instrument, &self.table);
        let views_own = self.policy.replace(policy);
        let report = self.report(view);
        self.policy = views_own;
        Ok((report?, publication))
    }
}

/// The values of a segment column that occur, blanks included as their own group.
fn values_of(column: &crate::ingest::SegmentColumn) -> Vec<String> {
    let mut seen = vec![false; column.labels.len() + 1];
    for c in column.codes.iter() {
        seen[(c as usize).min(column.labels.len())] = true;
    }
    let blank = crate::ingest::NO_ANSWER.to_string();
    column.labels.iter().cloned().chain(std::iter::once(blank)).zip(seen).filter(|(_, s)| *s).map(|(v, _)| v).collect()
}

/// The policy `policy` of `table` under `config`, decided on first use from the cells' contributors
/// in `counted` (counted on first use too).
fn decided<'a>(
    policy: &'a mut Option<Policy>,
    counted: &mut Option<Counted>,
    instrument: &Instrument,
    table: &ResponseTable,
    config: &ViewConfig,
) -> &'a Policy {
    let counted = counted.get_or_insert_with(|| Counted::new(instrument, table));
    policy.get_or_insert_with(|| Policy::new(table, counted, policy_settings(config)))
}

/// The policy settings of `config`: its wave column, minimum group size, comment threshold and
/// protection.
fn policy_settings(config: &ViewConfig) -> Settings<'_> {
    let min_comments = config.comments.as_ref().map_or(config.min_group, |c| c.min_comments);
    Settings { wave: config.wave.as_deref(), k: config.min_group, min_comments, primary_only: config.protection == Protection::PrimaryOnly }
}

/// What to score and how, for a report of everyone.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// Segment columns to break the results down by.
    pub by: Vec<String>,
    /// Column holding the survey wave, for wave-over-wave deltas.
    pub wave: Option<String>,
    /// Minimum group size.
    pub min_group: MinGroup,
}

/// Scores `table` against `instrument` for everyone, with the breakdowns and waves of
/// `options`, released through the disclosure layer (no comments).
///
/// ```
/// use secpulse::instrument::Instrument;
/// use secpulse::synth::{generate, SynthOptions};
/// use secpulse::views::{score, ScoreOptions};
///
/// let instrument = Instrument::default_instrument();
/// let table = generate(&instrument, &SynthOptions { n: 300, seed: 1, ..SynthOptions::default() });
/// let options = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
/// let report = score(&instrument, &table, &options).unwrap();
/// assert!(report.overall.score.is_some());
/// ```
pub fn score(instrument: &Instrument, table: &ResponseTable, options: &ScoreOptions) -> Result<Report, ScoreError> {
    score_with_comments(instrument, table, options, None)
}

/// [`score`], plus what people wrote, from comments analysed once with [`AnalyzedComments::new`].
pub fn score_with_comments(
    instrument: &Instrument,
    table: &ResponseTable,
    options: &ScoreOptions,
    comments: Option<(&AnalyzedComments, &CommentOptions)>,
) -> Result<Report, ScoreError> {
    // One count of the cells for both the statistics and the policy.
    let counted = Counted::new(instrument, table);
    let comments = comments.map(|(a, c)| (Comments::Rows(a, c.samples), c));
    score_counted(instrument, table, &counted, options, comments)
}

/// [`score_with_comments`] of the responses counted in `counted` (`table` holds their columns,
/// with or without their rows; see [`streamed`]), with comments counted as the [`Comments`] say.
fn score_counted(
    instrument: &Instrument,
    table: &ResponseTable,
    counted: &Counted,
    options: &ScoreOptions,
    comments: Option<(Comments<'_>, &CommentOptions)>,
) -> Result<Report, ScoreError> {
    let raw = RawOptions { by: options.by.clone(), wave: options.wave.clone() };
    let everyone = score::View { filter: &[], rows: None };
    let mut report = raw_view_report(instrument, table, counted, &everyone, &raw, comments.map(|(c, _)| c))?;
    let min_comments = comments.map_or(options.min_group, |(_, c)| c.min_comments);
    let settings = Settings { wave: options.wave.as_deref(), k: options.min_group, min_comments, primary_only: false };
    Policy::new(table, counted, settings).protect(&mut report, &Population::new(), comments.map(|(_, c)| &c.redactor));
    Ok(report)
}
