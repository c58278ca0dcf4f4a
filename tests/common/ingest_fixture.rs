//! The small instrument of the tests that read files in pieces or in parts: a choice
//! (`department`), two Likert items and a comment.

use secpulse::instrument::Instrument;

/// The instrument: `department` (Finance, IT), `q1`, `q2` (1–5), `comment`.
pub fn instrument() -> Instrument {
    Instrument::from_json(
        r#"{
  "id": "c", "version": "1", "title": "C", "intro": "I",
  "scale": {"min": 1, "max": 5},
  "dimensions": [{"id": "aw", "name": "Awareness"}],
  "sections": [{"id": "s", "title": "S", "questions": [
    {"type": "choice", "id": "department", "text": "Where?", "options": ["Finance", "IT"]},
    {"type": "likert", "id": "q1", "text": "A", "dimension": "aw"},
    {"type": "likert", "id": "q2", "text": "B", "dimension": "aw"},
    {"type": "text", "id": "comment", "text": "C"}
  ]}]
}"#,
    )
    .unwrap()
}
