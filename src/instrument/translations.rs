//! Translations of an instrument's wording: `"translations": { "de": { … }, "fr": { … } }`.
//!
//! The instrument's own texts are the base language; each translation replaces the wording it
//! gives and leaves the rest as it is. Option texts are answer codes (they are what a response
//! stores), so a translation never changes them: it gives each option a label to show instead.
//! A response written in any language therefore holds the same codes and scores together.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::validate::{invalid, Fault};
use super::{Instrument, InstrumentError, Question};

/// One language's wording of an instrument; every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The survey's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The notice before the first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The Likert scale labels, one per scale point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<String>,
    /// Dimension wording by dimension id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, DimensionText>,
    /// Page wording by section id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, SectionText>,
    /// Question wording by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, QuestionText>,
}

/// A dimension's name and description in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionText {
    /// Short display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What a high score means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A page's heading and description in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionText {
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Text under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A question's wording in one language; only the fields its type has are allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    /// The question or statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Hint of a free-text question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Left pole of a bipolar question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
    /// Right pole of a bipolar question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<String>,
    /// Label under 0 of a 0–10 question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_label: Option<String>,
    /// Label under 10 of a 0–10 question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_label: Option<String>,
    /// Display labels of a list question's answers, keyed by the option text (the code).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    /// The short column name of a choice question in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl QuestionText {
    /// The names of the fields given, with their text.
    fn given(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("text", &self.text),
            ("help", &self.help),
            ("left", &self.left),
            ("right", &self.right),
            ("low_label", &self.low_label),
            ("high_label", &self.high_label),
            ("label", &self.label),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value.as_deref()?)))
    }
}

/// The wording fields question `q` has (besides `options`).
fn fields_of(q: &Question) -> &'static [&'static str] {
    match q {
        Question::Bipolar { .. } => &["text", "left", "right"],
        Question::Recommend { .. } => &["text", "low_label", "high_label"],
        Question::Text { .. } => &["text", "help"],
        Question::Choice { .. } => &["text", "label"],
        _ => &["text"],
    }
}

fn check_text(at: &str, text: &str) -> Result<(), InstrumentError> {
    if text.trim().is_empty() {
        Err(invalid(at, Fault::IsEmpty))
    } else {
        Ok(())
    }
}

impl Instrument {
    /// Checks every translation against the instrument: known languages codes, ids and options,
    /// one label per scale point, no empty text. The error names the place, e.g.
    /// `translations.de.questions.en9: no question has this id`.
    pub(super) fn validate_translations(&self) -> Result<(), InstrumentError> {
        for (lang, tr) in &self.translations {
            let at = format!("translations.{lang}");
            if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(invalid(at, Fault::BadLanguageCode));
            }
            for (field, text) in [("title", &tr.title), ("intro", &tr.intro)] {
                if let Some(text) = text {
                    check_text(&format!("{at}.{field}"), text)?;
                }
            }
            let points = usize::from(self.scale.max - self.scale.min) + 1;
            if !tr.scale.is_empty() && tr.scale.len() != points {
                return Err(invalid(format!("{at}.scale"), Fault::ScaleLabels { labels: tr.scale.len(), points }));
            }
            for (id, d) in &tr.dimensions {
                let place = format!("{at}.dimensions.{id}");
                if !self.dimensions.iter().any(|x| &x.id == id) {
                    return Err(invalid(place, Fault::NoSuchDimension));
                }
                for text in [&d.name, &d.description].into_iter().flatten() {
                    check_text(&place, text)?;
                }
            }
            for (id, s) in &tr.sections {
                let place = format!("{at}.sections.{id}");
                if !self.sections.iter().any(|x| &x.id == id) {
                    return Err(invalid(place, Fault::NoSuchSection));
                }
                for text in [&s.title, &s.description].into_iter().flatten() {
                    check_text(&place, text)?;
                }
            }
            for (id, qt) in &tr.questions {
                self.validate_question_text(&format!("{at}.questions.{id}"), id, qt)?;
            }
        }
        Ok(())
    }

    fn validate_question_text(&self, at: &str, id: &str, qt: &QuestionText) -> Result<(), InstrumentError> {
        let q = self.question(id).ok_or_else(|| invalid(at, Fault::NoSuchQuestion))?;
        for (field, text) in qt.given() {
            if !fields_of(q).contains(&field) {
                return Err(invalid(at, Fault::FieldNotTranslatable { kind: kind_name(q), field }));
            }
            check_text(&format!("{at}.{field}"), text)?;
        }
        if qt.options.is_empty() {
            return Ok(());
        }
        let codes = q.listed_answers().ok_or_else(|| invalid(at, Fault::NoOptions { kind: kind_name(q) }))?;
        for (code, label) in &qt.options {
            if !codes.contains(&code.as_str()) {
                return Err(invalid(format!("{at}.options"), Fault::NotAnOptionOfThis { option: code.clone() }));
            }
            check_text(&format!("{at}.options.{code:?}"), label)?;
        }
        Ok(())
    }

    /// The languages this instrument has translations for, besides its own wording.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.translations.keys().map(String::as_str)
    }

    /// A copy worded in `lang`: every translated title, text, label and description replaces the
    /// original; what the translation leaves out (or the whole instrument, for a language it has
    /// none for) stays as it is. Option texts stay too: they are answer codes.
    pub fn in_language(&self, lang: &str) -> Instrument {
        let mut out = self.clone();
        let Some(tr) = self.translations.get(lang) else { return out };
        replace(&mut out.title, tr.title.as_ref());
        replace(&mut out.intro, tr.intro.as_ref());
        if !tr.scale.is_empty() {
            out.scale.labels.clone_from(&tr.scale);
        }
        for d in &mut out.dimensions {
            if let Some(t) = tr.dimensions.get(&d.id) {
                replace(&mut d.name, t.name.as_ref());
                replace(&mut d.description, t.description.as_ref());
            }
        }
        for s in &mut out.sections {
            if let Some(t) = tr.sections.get(&s.id) {
                replace(&mut s.title, t.title.as_ref());
                replace(&mut s.description, t.description.as_ref());
            }
            for q in &mut s.questions {
                if let Some(t) = tr.questions.get(q.id()) {
                    reword(q, t);
                }
            }
        }
        out
    }
}

impl Instrument {
    /// How translation `lang` shows answer `code` of list question `question`: its label there,
    /// else the code itself (the base wording, or a value of a column that is no list question).
    pub fn option_label<'a>(&'a self, lang: &str, question: &str, code: &'a str) -> &'a str {
        let label = self.translations.get(lang).and_then(|t| t.questions.get(question)).and_then(|q| q.options.get(code));
        label.map_or(code, String::as_str)
    }
}

impl Instrument {
    /// The short name of breakdown column `column` ("Department"), or in translation `lang`
    /// ("Abteilung"): the translation's label, else the choice question's own, else none (a
    /// column the instrument does not name is shown by its id).
    pub fn column_label(&self, lang: Option<&str>, column: &str) -> Option<&str> {
        let translation = lang.and_then(|l| self.translations.get(l));
        let translated = translation.and_then(|t| t.questions.get(column)).and_then(|q| q.label.as_deref());
        let own = self.questions().find_map(|q| match q {
            Question::Choice { id, label, .. } if id == column => label.as_deref(),
            _ => None,
        });
        translated.or(own)
    }
}

/// Puts `with` into `target` when there is a translation (`Some`); keeps the base wording otherwise.
pub(crate) fn replace(target: &mut String, with: Option<&String>) {
    if let Some(text) = with {
        target.clone_from(text);
    }
}

/// Puts the translated wording `t` into question `q` (never its options).
fn reword(q: &mut Question, t: &QuestionText) {
    match q {
        Question::Bipolar { text, left, right, .. } => {
            replace(left, t.left.as_ref());
            replace(right, t.right.as_ref());
            replace(text, t.text.as_ref());
        }
        Question::Recommend { text, low_label, high_label, .. } => {
            replace(low_label, t.low_label.as_ref());
            replace(high_label, t.high_label.as_ref());
            replace(text, t.text.as_ref());
        }
        Question::Text { text, help, .. } => {
            replace(help, t.help.as_ref());
            replace(text, t.text.as_ref());
        }
        Question::Choice { text, label, .. } => {
            if t.label.is_some() {
                label.clone_from(&t.label);
            }
            replace(text, t.text.as_ref());
        }
        Question::Likert { text, .. }
        | Question::MultiChoice { text, .. }
        | Question::Randomized { text, .. }
        | Question::Ranking { text, .. } => replace(text, t.text.as_ref()),
    }
}

/// The question's `type` as written in instrument files.
fn kind_name(q: &Question) -> &'static str {
    match q {
        Question::Likert { .. } => "likert",
        Question::Bipolar { .. } => "bipolar",
        Question::Recommend { .. } => "recommend",
        Question::Choice { .. } => "choice",
        Question::MultiChoice { .. } => "multi_choice",
        Question::Text { .. } => "text",
        Question::Randomized { .. } => "randomized",
        Question::Ranking { .. } => "ranking",
    }
}
