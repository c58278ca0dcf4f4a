//! The report model: every number secpulse shows, already passed through the
//! privacy rules. It is what `secpulse score --json` prints, what the dashboard
//! draws and what a published report carries — aggregates only, never a response.

mod language;
pub use language::value_label;
pub mod participation;
pub mod plain;
pub mod priority;
pub(crate) mod words;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::instrument::randomized::Design;
use crate::stats::Difference;
use crate::text::{CommentSummary, Sentiment, Stance, Theme};

/// Identifies the format of a serialised [`Report`].
pub const REPORT_FORMAT: &str = "secpulse-report/1";

/// The scored survey, ready to print, draw or publish: every number already released
/// through the disclosure layer (hidden ones are `None`, shown as "< k").
///
/// ```
/// use secpulse::instrument::Instrument;
/// use secpulse::report::{publish_json, Report};
/// use secpulse::synth::{generate, SynthOptions};
/// use secpulse::views::{score, ScoreOptions};
///
/// let instrument = Instrument::default_instrument();
/// let table = generate(&instrument, &SynthOptions { n: 400, seed: 5, ..SynthOptions::default() });
/// let options = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
/// let report: Report = score(&instrument, &table, &options).unwrap();
/// let small = report.segments["department"].iter().filter(|g| g.suppressed);
/// assert!(small.clone().all(|g| g.n.is_none() && g.n_label == "< 5"));
/// // What an intranet page renders with <secpulse-report src="report.json">.
/// let published: Report = serde_json::from_str(&publish_json(&report)).unwrap();
/// assert_eq!(published.respondents, Some(400));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`]; lets a page tell a report from a response file.
    pub format: String,
    /// Which instrument (and wording version) was scored.
    pub instrument: InstrumentRef,
    /// Dimension ids and names, in instrument order (dimension lists below follow it).
    pub dimension_names: Vec<Named>,
    /// Minimum group size applied to everything in the report.
    pub min_group: usize,
    /// Number of respondents (rows) scored; `None` when fewer than `min_group`.
    pub respondents: Option<usize>,
    /// All respondents together.
    pub overall: Score,
    /// Per dimension, all respondents together.
    pub dimensions: Vec<DimensionScore>,
    /// Per Likert item, all respondents together.
    pub items: Vec<ItemScore>,
    /// Security net promoter score, if the instrument has a 0–10 question.
    pub nps: Option<Nps>,
    /// Enabler–blocker balance, if the instrument has a bipolar question.
    pub balance: Option<Balance>,
    /// Borda rankings of ranking questions (e.g. the leaders' systems ranking).
    pub rankings: Vec<Ranking>,
    /// Per-option shares of multi-choice ("choose all that apply") questions.
    #[serde(default)]
    pub selections: Vec<Selection>,
    /// Breakdowns by segment column (`--by`), keyed by column name.
    pub segments: BTreeMap<String, Vec<SegmentGroup>>,
    /// Short names of breakdown columns the instrument names ("department" → "Department");
    /// a column without one is shown by its id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub column_labels: BTreeMap<String, String>,
    /// Wave-over-wave comparison, when a wave column was given.
    pub waves: Option<Waves>,
    /// Estimated shares for randomized-response (sensitive yes/no) questions.
    #[serde(default)]
    pub sensitive: Vec<SensitiveReport>,
    /// What people wrote, per free-text question (empty when comments were not analysed).
    #[serde(default)]
    pub comments: Vec<CommentReport>,
    /// Which dimensions move each outcome (driver analysis), when enough people answered.
    #[serde(default)]
    pub drivers: Vec<DriverAnalysis>,
    /// Response rates from headcounts, when given (only where the respondents are released).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
}

/// An outcome whose drivers are analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The 0–10 "would you recommend the security team" answer (security NPS).
    Nps,
    /// The "says no ↔ offers options" position.
    Balance,
}

impl Outcome {
    /// Plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Nps => "Would recommend the security team (security NPS)",
            Outcome::Balance => "Says no \u{2194} offers options",
        }
    }
}

/// Johnson's relative weights of the dimension scores on one outcome, with bootstrap 95%
/// intervals (`docs/decisions.md`); all numbers `None` when not released.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverAnalysis {
    /// Which outcome.
    pub outcome: Outcome,
    /// The outcome's question id.
    pub question: String,
    /// The outcome's question text.
    pub text: String,
    /// Complete respondents (a score in every dimension and an answer to the outcome); `None`
    /// when not released.
    pub n: Option<usize>,
    /// Fewest complete respondents behind a released analysis.
    pub min_base: usize,
    /// Bootstrap resamples behind the intervals (fixed seed).
    pub bootstrap: usize,
    /// % of the outcome's variance the dimensions explain together (R² × 100).
    pub r2: Option<f64>,
    /// Bootstrap 95% interval of `r2`.
    pub r2_ci95: Option<[f64; 2]>,
    /// One weight per dimension, in instrument order.
    pub weights: Vec<DriverWeight>,
}

/// One dimension's relative importance for an outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverWeight {
    /// Dimension id.
    pub dimension: String,
    /// Its share (%) of the explained variance; the shares add up to 100.
    pub importance: Option<f64>,
    /// Bootstrap 95% interval of `importance`.
    pub ci95: Option<[f64; 2]>,
}

/// Response rates: respondents against the headcounts a survey owner supplies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    /// Everyone: headcount, respondents and rate.
    pub overall: Option<ResponseRate>,
    /// Per headcount column (a breakdown of the report), one entry per value in the headcounts.
    pub groups: BTreeMap<String, Vec<ResponseRate>>,
}

/// One population's response rate; respondents and rate are `None` where the respondents
/// are not released (fewer than k, or hidden to protect another group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseRate {
    /// The group (the segment value), or "All" for everyone.
    pub value: String,
    /// People invited, as supplied.
    pub headcount: u64,
    /// Respondents, when released.
    pub respondents: Option<usize>,
    /// What to print for `respondents`: the number, or "< k".
    pub respondents_label: String,
    /// Respondents ÷ headcount × 100, when released.
    pub rate: Option<f64>,
}

/// A sensitive yes/no question asked with randomized response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitiveReport {
    /// Question id.
    pub id: String,
    /// The statement.
    pub text: String,
    /// How answers were randomized on respondents' devices.
    pub randomization: Design,
    /// How much one reported answer can tell about a person (5 for the die design: a "yes"
    /// is at most 5 times likelier from someone who did than from someone who did not).
    pub likelihood_ratio: f64,
    /// The estimate over all respondents.
    #[serde(flatten)]
    pub all: SensitiveEstimate,
    /// The same per breakdown group, keyed by column.
    pub segments: BTreeMap<String, Vec<SensitiveGroup>>,
}

/// An estimated share of people for whom the sensitive statement is true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitiveEstimate {
    /// Respondents who answered; `None` when fewer than the minimum group size.
    pub n: Option<usize>,
    /// % of reported (randomized) "yes" answers.
    pub reported_yes: Option<f64>,
    /// Estimated % for whom the statement is true (unbiased estimator, clipped to 0–100).
    pub share: Option<f64>,
    /// 95% confidence interval of `share`, in %.
    pub ci95: Option<[f64; 2]>,
    /// How many times wider the interval is than a direct question's would be.
    pub width_vs_direct: Option<f64>,
}

/// One breakdown group's estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitiveGroup {
    /// The segment value.
    pub value: String,
    /// The group's estimate (empty when suppressed).
    #[serde(flatten)]
    pub estimate: SensitiveEstimate,
}

/// The analysed comments of one free-text question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentReport {
    /// Question id.
    pub id: String,
    /// The question.
    pub text: String,
    /// Minimum number of comments behind anything shown here.
    pub min_comments: usize,
    /// Number of comments; `None` when fewer than `min_comments`.
    pub n: Option<usize>,
    /// Sentiment, stance and theme counts of all comments.
    pub summary: Option<CommentSummary>,
    /// The same per breakdown group, keyed by column; groups under the threshold suppressed.
    pub segments: BTreeMap<String, Vec<CommentGroup>>,
    /// A shuffled sample of comments, redacted, for reading.
    pub samples: Vec<CommentSample>,
    /// What redaction removed from the samples.
    pub redacted: RedactionCounts,
}

/// The comments of one breakdown group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentGroup {
    /// The segment value.
    pub value: String,
    /// Number of comments; `None` when suppressed.
    pub n: Option<usize>,
    /// What to print for `n`: the number, or e.g. "< 10".
    pub n_label: String,
    /// True when hidden by the comment threshold.
    pub suppressed: bool,
    /// Label counts of the group's comments.
    pub summary: Option<CommentSummary>,
}

/// One comment as shown in the comment browser: redacted text and its labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSample {
    /// The comment, with e-mails, phone numbers, personal links, ids and listed names removed.
    pub text: String,
    /// Overall tone.
    pub sentiment: Sentiment,
    /// Stance toward the security team.
    pub stance: Stance,
    /// Themes.
    pub themes: Vec<Theme>,
    /// The writer's group in each breakdown, only where that group meets the comment threshold.
    pub groups: BTreeMap<String, String>,
    /// Why each label was given: decision ("sentiment:negative", "stance:blocker",
    /// "theme:bottleneck") → the words that drove it, only words still in the redacted `text`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub why: BTreeMap<String, Vec<String>>,
}

/// An instrument's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    /// Instrument id.
    pub id: String,
    /// Wording version.
    pub version: String,
    /// Title.
    pub title: String,
}

/// An id with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// Interpretation band of a 0–100 score (thresholds in [`Band::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 75–100: on average people agree with the favourable statements.
    Strong,
    /// 60–75: leaning favourable.
    Favourable,
    /// 40–60: around neutral, opinions split.
    Mixed,
    /// 25–40: leaning unfavourable.
    Unfavourable,
    /// 0–25: on average people disagree with the favourable statements.
    Critical,
}

impl Band {
    /// The band of a 0–100 score: ≥ 75 strong, ≥ 60 favourable, ≥ 40 mixed, ≥ 25 unfavourable, else critical.
    pub fn of(score: f64) -> Band {
        match score {
            s if s >= 75.0 => Band::Strong,
            s if s >= 60.0 => Band::Favourable,
            s if s >= 40.0 => Band::Mixed,
            s if s >= 25.0 => Band::Unfavourable,
            _ => Band::Critical,
        }
    }

    /// Plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Band::Strong => "Strong",
            Band::Favourable => "Favourable",
            Band::Mixed => "Mixed",
            Band::Unfavourable => "Unfavourable",
            Band::Critical => "Critical",
        }
    }
}

/// A 0–100 group score; all fields but `n` are `None` when suppressed or empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Respondents with a score; `None` when fewer than the minimum group size.
    pub n: Option<usize>,
    /// Mean of respondent scores rescaled to 0–100.
    pub score: Option<f64>,
    /// Standard deviation (0–100 scale).
    pub sd: Option<f64>,
    /// Median (0–100 scale).
    pub median: Option<f64>,
    /// 95% t confidence interval of the mean (0–100 scale).
    pub ci95: Option<[f64; 2]>,
    /// Interpretation band of `score`.
    pub band: Option<Band>,
}

/// A dimension's score with its favourable split and reliability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    /// Dimension id.
    pub id: String,
    /// The 0–100 score.
    #[serde(flatten)]
    pub score: Score,
    /// Share (0–100) of keyed item answers above the scale midpoint.
    pub favourable: Option<f64>,
    /// Share (0–100) of keyed item answers at the midpoint.
    pub neutral: Option<f64>,
    /// Share (0–100) of keyed item answers below the midpoint.
    pub unfavourable: Option<f64>,
    /// Cronbach's alpha over complete cases (whole sample only).
    pub alpha: Option<f64>,
    /// True when alpha is below 0.70: the items may not measure one thing.
    pub low_reliability: bool,
    /// Difference to everyone else (segments only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub vs_rest: Option<Difference>,
}

/// One Likert item across all respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    /// Item id.
    pub id: String,
    /// Dimension id.
    pub dimension: String,
    /// Wording.
    pub text: String,
    /// Reverse keyed.
    pub reverse: bool,
    /// Respondents who answered; `None` when suppressed.
    pub n: Option<usize>,
    /// Mean raw answer (as worded, not keyed).
    pub mean: Option<f64>,
    /// Share (0–100) of keyed answers above / at / below the midpoint.
    pub favourable: Option<f64>,
    /// See `favourable`.
    pub neutral: Option<f64>,
    /// See `favourable`.
    pub unfavourable: Option<f64>,
    /// Percentage (0–100) of raw answers at each scale point, lowest first.
    pub distribution: Option<Vec<f64>>,
    /// Correlation of the keyed item with the sum of the other items of its dimension.
    pub item_rest: Option<f64>,
}

/// Security net promoter score from the 0–10 recommend question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    /// Question id.
    pub id: String,
    /// Respondents who answered; `None` when suppressed.
    pub n: Option<usize>,
    /// % promoters (9–10) minus % detractors (0–6), −100..100.
    pub score: Option<f64>,
    /// 95% CI of the score (normal approximation of the difference of two proportions).
    pub ci95: Option<[f64; 2]>,
    /// % answering 9–10.
    pub promoters: Option<f64>,
    /// % answering 7–8.
    pub passives: Option<f64>,
    /// % answering 0–6.
    pub detractors: Option<f64>,
}

/// Enabler–blocker balance from the bipolar "says no ↔ offers options" question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    /// Question id.
    pub id: String,
    /// Label of the low pole (e.g. "Always says no").
    pub left: String,
    /// Label of the high pole (e.g. "Always offers options").
    pub right: String,
    /// Respondents who answered; `None` when suppressed.
    pub n: Option<usize>,
    /// Mean position rescaled to −100 (all at the left pole) … +100 (all at the right pole).
    pub score: Option<f64>,
    /// 95% t CI of `score`.
    pub ci95: Option<[f64; 2]>,
    /// % of answers on the left half (below the midpoint).
    pub left_share: Option<f64>,
    /// % of answers at the midpoint.
    pub middle_share: Option<f64>,
    /// % of answers on the right half (above the midpoint).
    pub right_share: Option<f64>,
}

/// A ranking question aggregated with Borda points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Question id.
    pub id: String,
    /// The question (empty in reports published before it was recorded).
    #[serde(default)]
    pub text: String,
    /// Respondents who ranked; `None` when suppressed.
    pub n: Option<usize>,
    /// Options, most points first; empty when suppressed.
    pub options: Vec<RankedOption>,
}

/// A multi-choice question: the share of respondents who chose each option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Question id.
    pub id: String,
    /// The question.
    pub text: String,
    /// Respondents who answered (any option, or "none of these"); `None` when suppressed.
    pub n: Option<usize>,
    /// Options in instrument order, then "none of these" if the question has it; empty when suppressed.
    pub options: Vec<ChosenOption>,
}

/// One option of a multi-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChosenOption {
    /// Option label.
    pub option: String,
    /// % of the respondents who answered that chose it (shares add up to more than 100).
    pub share: f64,
    /// True for the exclusive "none of these" answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub none: bool,
}

/// One option's Borda result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedOption {
    /// Option label.
    pub option: String,
    /// Borda points: with m options, rank r (1 = top) earns m − r; unranked earns 0.
    pub points: u64,
    /// Mean rank among the respondents who ranked it.
    pub mean_rank: Option<f64>,
    /// % of respondents who put it first.
    pub first: f64,
}

/// One value of a segment column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentGroup {
    /// The segment value ("(no answer)" for blanks).
    pub value: String,
    /// Respondents in the group; `None` when suppressed.
    pub n: Option<usize>,
    /// What to print for `n`: the number, or e.g. "< 5".
    pub n_label: String,
    /// True when the group is hidden by the minimum group size.
    pub suppressed: bool,
    /// The group's overall score, with its difference to everyone else.
    pub overall: Option<GroupScore>,
    /// The group's dimension scores (each with its difference to everyone else).
    pub dimensions: Option<Vec<DimensionScore>>,
    /// The group's net promoter score.
    pub nps: Option<Nps>,
    /// The group's enabler–blocker balance.
    pub balance: Option<Balance>,
}

/// A score with its difference to the rest of the respondents (Welch's test).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupScore {
    /// The group's score.
    #[serde(flatten)]
    pub score: Score,
    /// Group minus everyone else, on the 0–100 scale; `None` when either side is under the minimum.
    pub vs_rest: Option<Difference>,
}

/// Scores per wave and the change between consecutive waves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waves {
    /// The wave column.
    pub column: String,
    /// One group per wave, in the order of the column's values (sorted by name).
    pub waves: Vec<SegmentGroup>,
    /// Changes from each wave to the next (visible waves only).
    pub deltas: Vec<WaveDelta>,
}

/// The change of one score from one wave to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveDelta {
    /// Earlier wave.
    pub from: String,
    /// Later wave.
    pub to: String,
    /// "overall" or a dimension id.
    pub measure: String,
    /// Later minus earlier (0–100 points), with 95% CI and Welch's test.
    #[serde(flatten)]
    pub change: Difference,
}

impl Report {
    /// How readers see breakdown column `column`: its label ("Abteilung"), else its id with
    /// spaces and a capital ("business_unit" → "Business unit").
    pub fn column_name(&self, column: &str) -> String {
        self.column_labels.get(column).cloned().unwrap_or_else(|| {
            let mut name = column.replace('_', " ");
            // Only an ASCII first letter is capitalised (a multi-byte one is left as is), so the
            // ASCII mapping does it without pulling Unicode's uppercase tables into the wasm.
            if let Some(first) = name.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            name
        })
    }

    /// The display name of dimension `id` (the id itself when unknown).
    pub fn dimension_name<'r>(&'r self, id: &'r str) -> &'r str {
        self.dimension_names.iter().find(|d| d.id == id).map_or(id, |d| d.name.as_str())
    }

    /// Reads a published report (JSON text with `"format": "secpulse-report/1"`); the error
    /// says what is wrong and where.
    pub fn from_json(json: &str) -> Result<Report, String> {
        // A report of this format is read in one pass; only text that is not one is read again,
        // as a `Value`, to say why (wrong or missing format, or where the JSON is broken).
        if let Ok(report) = serde_json::from_str::<Report>(json) {
            if report.format == REPORT_FORMAT {
                return Ok(report);
            }
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("report JSON: {e}"))?;
        match value.get("format").and_then(|f| f.as_str()) {
            // From the text again, not from `value`: deserializing from a serde_json::Value is a
            // separate, larger instantiation of every Deserialize impl; the error also says where.
            Some(REPORT_FORMAT) => serde_json::from_str(json).map_err(|e| format!("report JSON: {e}")),
            other => Err(format!("not a secpulse report (format {:?}, expected {REPORT_FORMAT:?})", other.unwrap_or("missing"))),
        }
    }

    /// The text of `bytes` when they are one JSON object with a string `"format"` field (a
    /// published report); JSON Lines (more than one object) and anything else is response data.
    pub fn published_text(bytes: &[u8]) -> Option<&str> {
        let first = bytes.iter().position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xef | 0xbb | 0xbf))?;
        if crate::ingest::detect_format(bytes) != crate::ingest::Format::Json || bytes[first] != b'{' {
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        value.get("format")?.is_string().then_some(text)
    }
}

/// Fields holding a share in % (published as whole percentages).
pub const SHARE_FIELDS: [&str; 13] = [
    "favourable",
    "neutral",
    "unfavourable",
    "distribution",
    "promoters",
    "passives",
    "detractors",
    "left_share",
    "middle_share",
    "right_share",
    "reported_yes",
    "share",
    "first",
];

/// The report as JSON to publish, with its numbers rounded: shares to whole percent, p-values
/// to three decimals, everything else to one decimal. A reader then cannot back exact counts
/// out of shares (`share × n`), which matters for a report read outside the organisation.
pub fn publish_json(report: &Report) -> String {
    let mut value = serde_json::to_value(report).expect("a report always serializes");
    round_numbers(&mut value, 1.0);
    serde_json::to_string_pretty(&value).expect("a JSON value always serializes")
}

/// Rounds every non-integer number in `value` to a multiple of `step`, by field name.
fn round_numbers(value: &mut serde_json::Value, step: f64) {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or_default();
            let r = if step >= 1.0 { x.round() } else { (x / step).round() * step };
            // Keep a fixed number of decimals in the text (0.1 * 3 = 0.30000000000000004).
            let r = (r * 1000.0).round() / 1000.0;
            *value = serde_json::Number::from_f64(r).map_or(Value::Null, Value::Number);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| round_numbers(v, step)),
        Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                let step = match key.as_str() {
                    k if SHARE_FIELDS.contains(&k) => 1.0,
                    "p" => 0.001,
                    _ => 0.1,
                };
                round_numbers(v, step);
            }
        }
        _ => {}
    }
}

/// How many things of each kind redaction replaced in a comment report's samples
/// ([`crate::privacy::redact::Redactor`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedactionCounts {
    /// E-mail addresses replaced by `[email]`.
    pub emails: usize,
    /// Phone numbers replaced by `[phone]`.
    pub phones: usize,
    /// Links to a person's page replaced by `[link]`.
    pub links: usize,
    /// Employee ids replaced by `[id]`.
    pub ids: usize,
    /// Block-listed names replaced by `[name]`.
    pub names: usize,
}

impl RedactionCounts {
    /// All replacements together.
    pub fn total(&self) -> usize {
        self.emails + self.phones + self.links + self.ids + self.names
    }

    /// Adds another comment's counts to these.
    pub fn add(&mut self, other: &RedactionCounts) {
        self.emails += other.emails;
        self.phones += other.phones;
        self.links += other.links;
        self.ids += other.ids;
        self.names += other.names;
    }
}
