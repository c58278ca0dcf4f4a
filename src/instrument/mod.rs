//! The survey instrument: dimensions, questions, scales and conditions.
//!
//! An [`Instrument`] is data: it is read from JSON (see `default.json`, the
//! instrument that ships inside the crate) and checked by [`Instrument::validate`]
//! so that every later stage can rely on unique ids, known dimensions and
//! consistent scales.

pub mod randomized;
mod read;
mod translations;
mod validate;

pub(crate) use translations::replace;
pub use translations::{DimensionText, QuestionText, SectionText, Translation};
pub use validate::InstrumentError;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::instrument::randomized::Design;

/// The default security-team instrument, as shipped inside the crate.
pub const DEFAULT_INSTRUMENT_JSON: &str = include_str!("default.json");

/// A survey instrument: what is asked, how answers are scored, and in which
/// dimension each scored item counts.
///
/// The default instrument ships as data; your own is the same JSON, checked with errors that
/// say where:
///
/// ```
/// use secpulse::instrument::Instrument;
///
/// let instrument = Instrument::default_instrument();
/// assert_eq!(instrument.dimensions.len(), 7);
/// let mut json: serde_json::Value = serde_json::to_value(&instrument).unwrap();
/// json["sections"][1]["questions"][0]["dimension"] = "enablment".into();
/// let err = Instrument::from_json(&json.to_string()).unwrap_err().to_string();
/// assert!(err.contains("sections[1].questions[0]") && err.contains("\"enablment\""), "{err}");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable identifier of the instrument (kept in reports).
    pub id: String,
    /// Version of the wording; change it whenever an item's text changes.
    pub version: String,
    /// Title shown above the survey and the report.
    pub title: String,
    /// Plain-language notice shown before the first question: what is collected and how anonymity is kept.
    pub intro: String,
    /// The agree/disagree scale of every Likert item.
    pub scale: Scale,
    /// The dimensions Likert items are grouped into.
    pub dimensions: Vec<Dimension>,
    /// Pages of questions, in the order respondents see them.
    pub sections: Vec<Section>,
    /// The wording in other languages, by language code (`"de"`, `"fr"`, …); see [`Translation`].
    /// Option texts are answer codes and are never translated in place.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// A derived summary of the Likert items, written by `secpulse instrument --json`
    /// for other tools; ignored when an instrument is loaded.
    #[serde(default, deserialize_with = "ignore_derived", skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemSummary>,
}

/// The range and labels of an integer answer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest answer value.
    pub min: u8,
    /// Highest answer value.
    pub max: u8,
    /// One label per value from `min` to `max` (may be empty).
    #[serde(default)]
    pub labels: Vec<String>,
}

impl Scale {
    /// True when `value` lies on the scale.
    pub fn contains(&self, value: u8) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// The neutral midpoint, `(min + max) / 2`.
    pub fn midpoint(&self) -> f64 {
        (f64::from(self.min) + f64::from(self.max)) / 2.0
    }

    /// Reverse keying: `v -> (min + max) - v`.
    pub fn reverse(&self, value: u8) -> u8 {
        self.min + self.max - value
    }

    /// Rescales a value on this scale to 0–100.
    pub fn to_percent(&self, value: f64) -> f64 {
        (value - f64::from(self.min)) / f64::from(self.max - self.min) * 100.0
    }
}

/// A group of Likert items that measure one aspect of how the security team is seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable identifier, used in reports and charts.
    pub id: String,
    /// Short display name.
    pub name: String,
    /// One sentence on what a high score means.
    #[serde(default)]
    pub description: String,
}

/// One page of the survey; shown only when its condition (if any) holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable identifier of the page.
    pub id: String,
    /// Heading shown on the page.
    pub title: String,
    /// Optional text under the heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Show the page only when this condition on earlier answers holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// The questions on the page.
    pub questions: Vec<Question>,
}

/// A condition on an earlier single-choice answer, e.g. "role is leader".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Id of an earlier `choice` question.
    pub question: String,
    /// The condition holds when the answer is one of these options.
    pub any_of: Vec<String>,
}

/// One question. Every kind has an `id` (the column name in response files),
/// a `text` and an optional `help`; `required` asks the form to insist on an answer.
/// Fields left out of the file take the defaults named below; read by hand (`read.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "read::QuestionFields")]
pub enum Question {
    /// An agree/disagree statement on the instrument's [`Scale`], scored in a dimension.
    Likert {
        /// Column id.
        id: String,
        /// The statement.
        text: String,
        /// Dimension the item is scored in.
        dimension: String,
        /// True for negatively worded items, scored as `(min + max) - v`.
        reverse: bool,
        /// Whether the form insists on an answer.
        required: bool,
    },
    /// A semantic differential between two poles; a high value is the `right` pole.
    Bipolar {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// Label of the lowest value (e.g. "Always says no").
        left: String,
        /// Label of the highest value (e.g. "Always offers options").
        right: String,
        /// Lowest value (default 1).
        min: u8,
        /// Highest value (default 7).
        max: u8,
        /// Whether the form insists on an answer.
        required: bool,
    },
    /// "How likely are you to recommend…", 0–10; scored as a net promoter score.
    Recommend {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// Label under 0.
        low_label: String,
        /// Label under 10.
        high_label: String,
        /// Whether the form insists on an answer.
        required: bool,
    },
    /// One option from a list; used for coarse demographics and as a segment for breakdowns.
    Choice {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// The options, as written in response files.
        options: Vec<String>,
        /// Whether the form insists on an answer.
        required: bool,
        /// Show the options as a drop-down menu instead of a list of buttons (for long lists,
        /// such as 13 departments, which would be 13 full-width rows on a phone).
        #[serde(skip_serializing_if = "is_false")]
        dropdown: bool,
        /// A short name of the column for reports ("Department" in "Scores by department"),
        /// where the question is too long; default: the id.
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// Any number of options from a list ("choose all that apply"), optionally with an
    /// exclusive "none of these" answer. Stored as the chosen option texts joined by `|` (in
    /// option order), or the `none` text alone; reported as the share of respondents who chose
    /// each option.
    MultiChoice {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// The options, as written in response files.
        options: Vec<String>,
        /// The exclusive "none of these" answer (e.g. "None of these"); empty for none.
        #[serde(skip_serializing_if = "String::is_empty")]
        none: String,
        /// Whether the form insists on an answer.
        required: bool,
    },
    /// Free text with a length limit.
    Text {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// Hint shown in the field (e.g. "please don't write names").
        help: String,
        /// Maximum length in characters.
        max_chars: u32,
    },
    /// A sensitive yes/no admission ("I have worked around a security control") asked with
    /// randomized response: the form randomizes the answer on the respondent's device
    /// (`randomization`), so no single answer is an admission; stored as 1 = reported yes,
    /// 0 = reported no, and reported as an estimated share with its (wider) CI.
    Randomized {
        /// Column id.
        id: String,
        /// The statement to answer yes or no.
        text: String,
        /// How the form randomizes the reported answer.
        randomization: Design,
        /// Whether the form insists on an answer.
        required: bool,
    },
    /// Order a list of options by importance; stored as option indices, most important first.
    Ranking {
        /// Column id.
        id: String,
        /// The question.
        text: String,
        /// The options to rank.
        options: Vec<String>,
        /// Whether the form insists on an answer.
        required: bool,
    },
}

/// Accepts and drops the derived `items` summary when an instrument is loaded.
fn ignore_derived<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ItemSummary>, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| Vec::new())
}

fn is_false(b: &bool) -> bool {
    !b
}

/// Separates the chosen options of a multi-choice answer in response files.
pub const MULTI_SEPARATOR: char = '|';

impl Question {
    /// The column id of the question.
    pub fn id(&self) -> &str {
        match self {
            Question::Likert { id, .. }
            | Question::Bipolar { id, .. }
            | Question::Recommend { id, .. }
            | Question::Choice { id, .. }
            | Question::MultiChoice { id, .. }
            | Question::Text { id, .. }
            | Question::Randomized { id, .. }
            | Question::Ranking { id, .. } => id,
        }
    }

    /// Whether the form insists on an answer (free text never does).
    pub fn is_required(&self) -> bool {
        match self {
            Question::Likert { required, .. }
            | Question::Bipolar { required, .. }
            | Question::Recommend { required, .. }
            | Question::Choice { required, .. }
            | Question::MultiChoice { required, .. }
            | Question::Randomized { required, .. }
            | Question::Ranking { required, .. } => *required,
            Question::Text { .. } => false,
        }
    }

    /// The wording of the question.
    pub fn text(&self) -> &str {
        match self {
            Question::Likert { text, .. }
            | Question::Bipolar { text, .. }
            | Question::Recommend { text, .. }
            | Question::Choice { text, .. }
            | Question::MultiChoice { text, .. }
            | Question::Text { text, .. }
            | Question::Randomized { text, .. }
            | Question::Ranking { text, .. } => text,
        }
    }

    /// The answers a list question stores by index (choice, ranking, multi-choice): its options,
    /// then a multi-choice question's "none of these" (index `options.len()`).
    pub fn listed_answers(&self) -> Option<Vec<&str>> {
        match self {
            Question::Choice { options, .. } | Question::Ranking { options, .. } => Some(options.iter().map(String::as_str).collect()),
            Question::MultiChoice { options, none, .. } => {
                Some(options.iter().map(String::as_str).chain((!none.is_empty()).then_some(none.as_str())).collect())
            }
            _ => None,
        }
    }

    /// The integer scale of the answer, for the kinds answered with a number.
    pub fn numeric_scale(&self, likert: &Scale) -> Option<Scale> {
        match self {
            Question::Likert { .. } => Some(likert.clone()),
            Question::Bipolar { min, max, left, right, .. } => {
                Some(Scale { min: *min, max: *max, labels: vec![left.clone(), right.clone()] })
            }
            Question::Recommend { .. } => Some(Scale { min: 0, max: 10, labels: Vec::new() }),
            Question::Randomized { .. } => Some(Scale { min: 0, max: 1, labels: vec!["No".into(), "Yes".into()] }),
            _ => None,
        }
    }
}

/// A Likert item as listed in `secpulse instrument --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSummary {
    /// Column id.
    pub id: String,
    /// Dimension id.
    pub dimension: String,
    /// Reverse keyed.
    pub reverse: bool,
    /// Wording.
    pub text: String,
}

/// A Likert item resolved to its dimension index, for scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LikertItem<'a> {
    /// Column id.
    pub id: &'a str,
    /// Wording.
    pub text: &'a str,
    /// Index into [`Instrument::dimensions`].
    pub dimension: usize,
    /// Reverse keyed.
    pub reverse: bool,
}

impl Instrument {
    /// The instrument that ships with secpulse: how employees experience the security team.
    pub fn default_instrument() -> Instrument {
        Instrument::from_json(DEFAULT_INSTRUMENT_JSON).expect("the built-in instrument is valid")
    }

    /// Parses and validates an instrument from JSON text.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument = serde_json::from_str(text).map_err(InstrumentError::Json)?;
        instrument.validate()?;
        Ok(instrument)
    }

    /// Every question, in survey order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// Finds a question by its column id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id() == id)
    }

    /// The Likert items with their dimension index, in survey order.
    pub fn likert_items(&self) -> Vec<LikertItem<'_>> {
        self.questions()
            .filter_map(|q| match q {
                Question::Likert { id, text, dimension, reverse, .. } => {
                    Some(LikertItem { id, text, dimension: self.dimensions.iter().position(|d| &d.id == dimension)?, reverse: *reverse })
                }
                _ => None,
            })
            .collect()
    }

    /// A copy with the derived `items` summary filled in, for `secpulse instrument --json`.
    pub fn with_item_summary(&self) -> Instrument {
        let mut out = self.clone();
        out.items = self
            .likert_items()
            .into_iter()
            .map(|it| ItemSummary {
                id: it.id.to_string(),
                dimension: self.dimensions[it.dimension].id.clone(),
                reverse: it.reverse,
                text: it.text.to_string(),
            })
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_instrument_matches_the_brief() {
        let ins = Instrument::default_instrument();
        assert!((6..=8).contains(&ins.dimensions.len()));
        let items = ins.likert_items();
        for (d, dim) in ins.dimensions.iter().enumerate() {
            let in_dim: Vec<_> = items.iter().filter(|i| i.dimension == d).collect();
            assert!((3..=5).contains(&in_dim.len()), "{} has {} items", dim.id, in_dim.len());
            assert!(in_dim.iter().any(|i| i.reverse), "{} has no reverse-keyed item", dim.id);
        }
        let kinds: Vec<&Question> = ins.questions().collect();
        assert!(kinds.iter().any(|q| matches!(q, Question::Bipolar { .. })));
        assert!(kinds.iter().any(|q| matches!(q, Question::Recommend { .. })));
        assert_eq!(kinds.iter().filter(|q| matches!(q, Question::Text { .. })).count(), 2);
        let leaders = ins.sections.iter().find(|s| s.show_if.is_some()).expect("a conditional block");
        assert!(leaders.questions.iter().any(|q| matches!(q, Question::Ranking { .. })));
        assert_eq!(leaders.show_if.as_ref().unwrap().question, "role");
    }

    #[test]
    fn item_summary_round_trips_and_is_ignored_on_load() {
        let ins = Instrument::default_instrument();
        let json = serde_json::to_string(&ins.with_item_summary()).unwrap();
        assert!(json.contains("\"items\""));
        let back = Instrument::from_json(&json).unwrap();
        assert_eq!(back, ins);
    }

    #[test]
    fn scale_keying_and_rescaling() {
        let s = Scale { min: 1, max: 5, labels: vec![] };
        assert_eq!(s.reverse(1), 5);
        assert_eq!(s.reverse(2), 4);
        assert_eq!(s.reverse(3), 3);
        assert_eq!(s.midpoint(), 3.0);
        assert_eq!(s.to_percent(1.0), 0.0);
        assert_eq!(s.to_percent(4.0), 75.0);
    }
}
