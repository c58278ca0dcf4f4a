//! How a question and a randomization design are read from an instrument file: into one flat
//! set of fields each, then checked by hand against what their `type` (or `design`) allows.
//!
//! serde's derived reader for a tagged enum buffers every question before it knows the type and
//! compiles a reader per variant: 45 KB more wasm than this one (bench/README.md, "Size"). The
//! flat reader streams, and its errors are serde's own (`unknown field`, `missing field`,
//! `unknown variant`, with the line and column serde_json adds to them).

use serde::Deserialize;

use super::randomized::Design;
use super::Question;

/// A field as the file gives it: `None` when left out. Unlike `Option<T>`, a `null` is read as a
/// `T` (and refused unless `T` is itself an `Option`), so leaving a field out stays the only way
/// to take its default.
pub(super) struct Given<T>(Option<T>);

impl<T> Default for Given<T> {
    fn default() -> Self {
        Given(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Given<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|value| Given(Some(value)))
    }
}

impl<T> Given<T> {
    /// The value, or serde's `missing field` error when the file leaves it out.
    fn required(self, name: &str) -> Result<T, String> {
        self.0.ok_or_else(|| format!("missing field `{name}`"))
    }
}

impl<T: Default> Given<T> {
    /// The value, or `T`'s default when the file leaves it out.
    fn or_default(self) -> T {
        self.0.unwrap_or_default()
    }
}

/// Every field any question type has; which ones a question may give depends on its `type`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a question object")]
pub(super) struct QuestionFields {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Given<String>,
    #[serde(default)]
    text: Given<String>,
    #[serde(default)]
    dimension: Given<String>,
    #[serde(default)]
    reverse: Given<bool>,
    #[serde(default)]
    required: Given<bool>,
    #[serde(default)]
    left: Given<String>,
    #[serde(default)]
    right: Given<String>,
    #[serde(default)]
    min: Given<u8>,
    #[serde(default)]
    max: Given<u8>,
    #[serde(default)]
    low_label: Given<String>,
    #[serde(default)]
    high_label: Given<String>,
    #[serde(default)]
    options: Given<Vec<String>>,
    #[serde(default)]
    none: Given<String>,
    #[serde(default)]
    dropdown: Given<bool>,
    #[serde(default)]
    label: Given<Option<String>>,
    #[serde(default)]
    help: Given<String>,
    #[serde(default)]
    max_chars: Given<u32>,
    #[serde(default)]
    randomization: Given<Design>,
}

/// The question types as files spell them, with the fields each may give (besides `type`).
const QUESTION_FIELDS: [(&str, &[&str]); 8] = [
    ("likert", &["id", "text", "dimension", "reverse", "required"]),
    ("bipolar", &["id", "text", "left", "right", "min", "max", "required"]),
    ("recommend", &["id", "text", "low_label", "high_label", "required"]),
    ("choice", &["id", "text", "options", "required", "dropdown", "label"]),
    ("multi_choice", &["id", "text", "options", "none", "required"]),
    ("text", &["id", "text", "help", "max_chars"]),
    ("randomized", &["id", "text", "randomization", "required"]),
    ("ranking", &["id", "text", "options", "required"]),
];

/// serde's words for a name that is not one of `expected`.
fn unknown(what: &str, name: &str, expected: &[&str]) -> String {
    let expected: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    format!("unknown {what} `{name}`, expected one of {}", expected.join(", "))
}

impl QuestionFields {
    /// The names of the fields the file gives.
    fn given(&self) -> impl Iterator<Item = &'static str> {
        let given = [
            ("id", self.id.0.is_some()),
            ("text", self.text.0.is_some()),
            ("dimension", self.dimension.0.is_some()),
            ("reverse", self.reverse.0.is_some()),
            ("required", self.required.0.is_some()),
            ("left", self.left.0.is_some()),
            ("right", self.right.0.is_some()),
            ("min", self.min.0.is_some()),
            ("max", self.max.0.is_some()),
            ("low_label", self.low_label.0.is_some()),
            ("high_label", self.high_label.0.is_some()),
            ("options", self.options.0.is_some()),
            ("none", self.none.0.is_some()),
            ("dropdown", self.dropdown.0.is_some()),
            ("label", self.label.0.is_some()),
            ("help", self.help.0.is_some()),
            ("max_chars", self.max_chars.0.is_some()),
            ("randomization", self.randomization.0.is_some()),
        ];
        given.into_iter().filter_map(|(name, is_given)| is_given.then_some(name))
    }
}

impl TryFrom<QuestionFields> for Question {
    type Error = String;

    fn try_from(f: QuestionFields) -> Result<Question, String> {
        let kinds = QUESTION_FIELDS.map(|(kind, _)| kind);
        let Some((_, allowed)) = QUESTION_FIELDS.iter().find(|(kind, _)| *kind == f.kind) else {
            return Err(unknown("variant", &f.kind, &kinds));
        };
        if let Some(field) = f.given().find(|field| !allowed.contains(field)) {
            return Err(unknown("field", field, allowed));
        }
        let (id, text, required) = (f.id.required("id")?, f.text.required("text")?, f.required.or_default());
        Ok(match f.kind.as_str() {
            "likert" => {
                Question::Likert { id, text, dimension: f.dimension.required("dimension")?, reverse: f.reverse.or_default(), required }
            }
            "bipolar" => Question::Bipolar {
                id,
                text,
                left: f.left.required("left")?,
                right: f.right.required("right")?,
                min: f.min.0.unwrap_or(1),
                max: f.max.0.unwrap_or(7),
                required,
            },
            "recommend" => {
                Question::Recommend { id, text, low_label: f.low_label.or_default(), high_label: f.high_label.or_default(), required }
            }
            "choice" => Question::Choice {
                id,
                text,
                options: f.options.required("options")?,
                required,
                dropdown: f.dropdown.or_default(),
                label: f.label.or_default(),
            },
            "multi_choice" => {
                Question::MultiChoice { id, text, options: f.options.required("options")?, none: f.none.or_default(), required }
            }
            "text" => Question::Text { id, text, help: f.help.or_default(), max_chars: f.max_chars.0.unwrap_or(1000) },
            "randomized" => Question::Randomized { id, text, randomization: f.randomization.required("randomization")?, required },
            _ => Question::Ranking { id, text, options: f.options.required("options")?, required },
        })
    }
}

/// Every field of either design; fields the `design` does not use are ignored, as before.
#[derive(Deserialize)]
#[serde(expecting = "a randomization object")]
pub(super) struct DesignFields {
    design: String,
    #[serde(default)]
    truth: Given<f64>,
    #[serde(default)]
    forced_yes: Given<f64>,
    #[serde(default)]
    forced_no: Given<f64>,
    #[serde(default)]
    p: Given<f64>,
}

impl TryFrom<DesignFields> for Design {
    type Error = String;

    fn try_from(f: DesignFields) -> Result<Design, String> {
        match f.design.as_str() {
            "forced_response" => Ok(Design::ForcedResponse {
                truth: f.truth.required("truth")?,
                forced_yes: f.forced_yes.required("forced_yes")?,
                forced_no: f.forced_no.required("forced_no")?,
            }),
            "warner" => Ok(Design::Warner { p: f.p.required("p")? }),
            other => Err(unknown("variant", other, &["forced_response", "warner"])),
        }
    }
}
