//! The check a survey response row passes before it is sent or stored: the form's rules plus
//! the real ingest, in the core so the wasm form and a collector run the same code.

use serde::Serialize;

use super::{read_json_responses, write_json, IngestOptions};
use crate::instrument::{Instrument, Question};
use crate::lang::Lang;

/// The only column a form row may have besides question ids: the survey round.
const WAVE: &str = "wave";

/// The outcome of [`check_row`].
#[derive(Debug, Default, Serialize)]
pub struct ResponseCheck {
    /// True when the row can be submitted.
    pub ok: bool,
    /// Everything wrong with the row, in column order where known.
    pub errors: Vec<RowError>,
}

/// One problem with a submitted row.
#[derive(Debug, Serialize)]
pub struct RowError {
    /// The question id (or other key) the problem is in, when it is in one.
    pub column: Option<String>,
    /// Which of the form's own rules failed; `None` for problems found by the ingest.
    pub code: Option<&'static str>,
    /// What is wrong, in plain words: English for the form's own rules (the page words them
    /// by `code`), the language asked of [`check_row_in`] for the ingest's problems.
    pub message: String,
}

impl RowError {
    fn new(column: Option<&str>, code: &'static str, message: impl Into<String>) -> RowError {
        RowError { column: column.map(str::to_string), code: Some(code), message: message.into() }
    }

    fn core(column: Option<String>, message: String) -> RowError {
        RowError { column, code: None, message }
    }
}

/// Checks one response row as the survey form produces it (a JSON object keyed by question
/// id, plus `wave`) against `instrument`: the row is read by the same ingest as response
/// files, so a value off the scale, an unknown option or a bad ranking is reported exactly as
/// `secpulse score` would; on top of that the form's own rules: no key other than question ids
/// and `wave` (nothing identifying can ride along), free text within `max_chars`, and at least
/// one numeric answer (Likert, bipolar, 0–10, or a randomized yes/no stored as 0/1).
/// Messages are English; [`check_row_in`] words the ingest's problems in another language.
pub fn check_row(instrument: &Instrument, row: &serde_json::Value) -> ResponseCheck {
    check_row_in(instrument, row, Lang::En)
}

/// [`check_row`], with the problems the ingest finds (those without a `code`) worded in `lang`.
pub fn check_row_in(instrument: &Instrument, row: &serde_json::Value, lang: Lang) -> ResponseCheck {
    let Some(fields) = row.as_object() else {
        let message = "the response must be an object keyed by question id";
        return finish(vec![RowError::new(None, "not_an_object", message)]);
    };
    let mut errors = Vec::new();
    let mut ratings = 0usize;
    for (key, value) in fields {
        match instrument.question(key) {
            Some(Question::Text { max_chars, .. }) => {
                let too_long = value.as_str().is_some_and(|s| s.chars().count() > *max_chars as usize);
                if too_long {
                    let message = format!("is longer than {max_chars} characters");
                    errors.push(RowError::new(Some(key), "too_long", message));
                }
            }
            Some(q) if q.numeric_scale(&instrument.scale).is_some() && !value.is_null() => ratings += 1,
            Some(_) => {}
            None if key == WAVE && value.is_string() => {}
            None if key == WAVE => errors.push(RowError::new(Some(key), "not_text", "the wave must be text")),
            None => errors.push(RowError::new(Some(key), "unknown_column", "is not a question of this survey")),
        }
    }
    errors.extend(missing_required(instrument, fields));
    if ratings == 0 {
        // The ingest would call a file without any rating column one for another instrument.
        errors.push(RowError::new(None, "no_ratings", "the response has no rating answers"));
        return finish(errors);
    }
    // Pretty only because that is the serde_json formatter the wasm already carries.
    let bytes = match serde_json::to_vec_pretty(&[row]) {
        Ok(bytes) => bytes,
        Err(e) => return finish(vec![RowError::core(None, e.to_string())]),
    };
    match read_json_responses(instrument, &bytes, &IngestOptions::default()) {
        Ok(ingested) => errors.extend(ingested.summary.problems.into_iter().map(|p| RowError::core(p.column, p.cause.describe(lang)))),
        Err(e) => errors.push(RowError::core(None, e.describe(lang))),
    }
    finish(errors)
}

/// The row as it is stored: read by the same ingest as [`check_row`] and written back by
/// [`write_json`], so the stored text depends only on the answers, never on how a client wrote
/// them (`4`, `4.0` and `4e0` are one answer; key order, spacing, escapes and `null` for a skipped
/// question leave no trace). `None` when the row does not read as exactly one response; call it
/// on rows [`check_row`] accepted.
///
/// ```
/// # use secpulse::instrument::Instrument;
/// # use secpulse::ingest::row_check::canonical_row;
/// let instrument = Instrument::default_instrument();
/// let plain = serde_json::json!({ "en1": 4, "wave": "2026-Q1" });
/// let unusual = serde_json::from_str(r#"{"wave":"2026-\u0051\u0031", "en1": 4.0, "en2": null}"#).unwrap();
/// assert_eq!(canonical_row(&instrument, &plain), canonical_row(&instrument, &unusual));
/// ```
pub fn canonical_row(instrument: &Instrument, row: &serde_json::Value) -> Option<String> {
    let bytes = serde_json::to_vec(&[row]).ok()?;
    let table = read_json_responses(instrument, &bytes, &IngestOptions::default()).ok()?.table;
    if table.rows != 1 {
        return None;
    }
    let mut out = Vec::new();
    write_json(instrument, &table, &mut out).ok()?;
    let text = String::from_utf8(out).ok()?;
    // write_json writes "[\n{…}\n]\n": the one object is the stored row.
    Some(text.trim().trim_start_matches('[').trim_end_matches(']').trim().to_string())
}

/// A `missing_required` error for each required question without an answer on a page shown
/// for these answers (a page with `show_if` shows when its choice question has one of the options).
fn missing_required(instrument: &Instrument, fields: &serde_json::Map<String, serde_json::Value>) -> Vec<RowError> {
    let shown = |section: &&crate::instrument::Section| match &section.show_if {
        None => true,
        Some(c) => fields.get(&c.question).and_then(|v| v.as_str()).is_some_and(|v| c.any_of.iter().any(|o| o == v)),
    };
    // A multi-choice answer is a list: an empty one answers nothing.
    let answered = |id: &str| fields.get(id).is_some_and(|v| !v.is_null() && v.as_array().map_or(true, |list| !list.is_empty()));
    let questions = instrument.sections.iter().filter(shown).flat_map(|s| &s.questions);
    questions
        .filter(|q| q.is_required() && !answered(q.id()))
        .map(|q| RowError::new(Some(q.id()), "missing_required", "is required but has no answer"))
        .collect()
}

fn finish(errors: Vec<RowError>) -> ResponseCheck {
    ResponseCheck { ok: errors.is_empty(), errors }
}
