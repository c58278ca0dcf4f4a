//! Reading an instrument file's questions and randomization designs (`src/instrument/read.rs`):
//! each type takes only its own fields, leaves out what has a default, and says what is wrong
//! and where (serde's words, with serde_json's line and column).

use secpulse::instrument::randomized::Design;
use secpulse::instrument::{Instrument, Question};
use serde_json::{json, Value};

const SENSITIVE: &str = include_str!("../docs/examples/instrument-sensitive.json");

/// The sensitive example instrument, without its translations, with its first Likert item
/// replaced by `question`, as pretty-printed JSON.
fn file_with(question: Value) -> String {
    let mut file: Value = serde_json::from_str(SENSITIVE).unwrap();
    file.as_object_mut().unwrap().remove("translations");
    file["sections"][1]["questions"][0] = question;
    serde_json::to_string_pretty(&file).unwrap()
}

/// The error of [`file_with`]`(question)`, or "OK".
fn with_question(question: Value) -> String {
    Instrument::from_json(&file_with(question)).map_or_else(|e| e.to_string(), |_| "OK".into())
}

/// The same with the randomized question's design replaced by `design`.
fn with_design(design: Value) -> String {
    with_question(json!({ "type": "randomized", "id": "q", "text": "T", "randomization": design }))
}

fn assert_says(error: &str, what: &str) {
    assert!(error.contains(what) && error.contains(" at line "), "{error:?} should say {what:?} and where");
}

#[test]
fn a_field_of_another_type_or_of_none_is_named() {
    let likert = json!({ "type": "likert", "id": "q", "text": "T", "dimension": "competence", "left": "L" });
    assert_says(&with_question(likert), "unknown field `left`, expected one of `id`, `text`, `dimension`, `reverse`, `required`");
    assert_says(&with_question(json!({ "type": "text", "id": "q", "text": "T", "required": true })), "unknown field `required`");
    assert_says(&with_question(json!({ "type": "likert", "id": "q", "txt": "T" })), "unknown field `txt`");
}

#[test]
fn a_missing_field_or_type_is_named() {
    assert_says(&with_question(json!({ "type": "likert", "id": "q", "text": "T" })), "missing field `dimension`");
    assert_says(&with_question(json!({ "type": "bipolar", "id": "q", "text": "T", "left": "L" })), "missing field `right`");
    assert_says(&with_question(json!({ "id": "q", "text": "T" })), "missing field `type`");
    assert_says(&with_question(json!({ "type": "likret", "id": "q", "text": "T" })), "unknown variant `likret`, expected one of `likert`");
    assert_says(&with_question(json!({ "type": "randomized", "id": "q", "text": "T" })), "missing field `randomization`");
}

#[test]
fn a_value_of_the_wrong_type_is_named_and_null_is_no_default() {
    assert_says(
        &with_question(json!({ "type": "choice", "id": "q", "text": "T", "options": ["a", "b"], "dropdown": "yes" })),
        "expected a boolean",
    );
    assert_says(&with_question(json!({ "type": "bipolar", "id": "q", "text": "T", "left": "L", "right": "R", "min": 300 })), "expected u8");
    assert_says(
        &with_question(json!({ "type": "likert", "id": "q", "text": "T", "dimension": "competence", "required": null })),
        "invalid type: null",
    );
    assert_says(&with_question(json!("likert")), "expected a question object");
}

#[test]
fn left_out_fields_take_their_defaults() {
    let read = |question: Value| Instrument::from_json(&file_with(question)).unwrap().sections[1].questions[0].clone();
    let bipolar = read(json!({ "type": "bipolar", "id": "q", "text": "T", "left": "L", "right": "R" }));
    assert!(matches!(bipolar, Question::Bipolar { min: 1, max: 7, required: false, .. }), "{bipolar:?}");
    let text = read(json!({ "type": "text", "id": "q", "text": "T" }));
    assert!(matches!(&text, Question::Text { max_chars: 1000, help, .. } if help.is_empty()), "{text:?}");
    let choice = read(json!({ "type": "choice", "id": "q", "text": "T", "options": ["a", "b"], "label": null }));
    assert!(matches!(choice, Question::Choice { dropdown: false, label: None, .. }), "{choice:?}");
}

#[test]
fn designs_are_read_by_their_name() {
    assert_says(&with_design(json!({ "design": "coin" })), "unknown variant `coin`, expected one of `forced_response`, `warner`");
    assert_says(&with_design(json!({ "design": "forced_response", "truth": 0.5, "forced_yes": 0.5 })), "missing field `forced_no`");
    assert_says(&with_design(json!({ "truth": 0.5 })), "missing field `design`");
    assert_says(&with_design(json!("die")), "expected a randomization object");
    let e = with_design(json!({ "design": "warner", "p": 0.5 }));
    assert!(e.contains("questions[0]") && e.contains("Warner's p"), "{e}");
    assert_eq!(with_design(json!({ "design": "warner", "p": 0.7 })), "OK");
}

#[test]
fn what_is_written_reads_back_the_same() {
    let instrument = Instrument::from_json(SENSITIVE).unwrap();
    assert_eq!(Instrument::from_json(&serde_json::to_string(&instrument).unwrap()).unwrap(), instrument);
    assert!(instrument.questions().any(|q| matches!(q, Question::Randomized { randomization: Design::ForcedResponse { .. }, .. })));
}
