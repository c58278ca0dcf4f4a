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

/// A CSV file: a byte-order mark (if `bom`), `before` (e.g. blank lines), `header` (its `,`
/// written as `sep`), then each row's cells joined by `sep` and its line end; the final line
/// ends are cut unless `end`.
pub fn csv_text(bom: bool, before: &[u8], header: &str, rows: Vec<(Vec<Vec<u8>>, &str)>, sep: u8, end: bool) -> Vec<u8> {
    let mut file = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    file.extend(before);
    file.extend(header.bytes().map(|c| if c == b',' { sep } else { c }));
    for (cells, eol) in rows {
        file.extend(cells.join(&sep));
        file.extend(eol.as_bytes());
    }
    if !end {
        while file.last() == Some(&b'\n') {
            file.pop();
        }
    }
    file
}
