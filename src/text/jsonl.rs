//! JSON Lines in, JSON Lines out: the backbone of `secpulse comments`.

use super::{Analyzer, CommentAnalysis};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, Write};

/// Outcome of [`analyze_jsonl`].
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct JsonlReport {
    /// Lines analysed and written.
    pub analyzed: usize,
    /// One message per bad input line, e.g. `line 3: invalid JSON (expected value at column 1)`.
    pub errors: Vec<String>,
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a Value,
    #[serde(flatten)]
    analysis: &'a CommentAnalysis,
}

/// Read JSON Lines of objects with at least `id` (string or number) and `text` (string); other fields
/// are ignored. Write one JSON object per analysed line: `id`, `sentiment`, `score`, `stance`,
/// `themes`, `evidence`. Blank lines are skipped. A bad line (invalid UTF-8 or JSON, not an object,
/// missing `id`/`text`, `text` not a string) adds an error naming its 1-based line number and the run
/// goes on. Only I/O errors stop the run.
pub fn analyze_jsonl<R: BufRead, W: Write>(analyzer: &Analyzer, mut input: R, mut output: W) -> io::Result<JsonlReport> {
    let mut report = JsonlReport::default();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let mut bytes: &[u8] = &buf;
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let line = match std::str::from_utf8(bytes) {
            Ok(s) => s.trim(),
            Err(e) => {
                report.errors.push(format!("line {line_no}: not valid UTF-8 ({e})"));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                report.errors.push(format!("line {line_no}: invalid JSON ({e})"));
                continue;
            }
        };
        let Some(obj) = value.as_object() else {
            report.errors.push(format!("line {line_no}: expected a JSON object with \"id\" and \"text\""));
            continue;
        };
        let id = match obj.get("id") {
            Some(v @ (Value::String(_) | Value::Number(_))) => v,
            Some(_) => {
                report.errors.push(format!("line {line_no}: \"id\" must be a string or a number"));
                continue;
            }
            None => {
                report.errors.push(format!("line {line_no}: missing \"id\""));
                continue;
            }
        };
        let text = match obj.get("text") {
            Some(Value::String(s)) => s,
            Some(_) => {
                report.errors.push(format!("line {line_no}: \"text\" must be a string"));
                continue;
            }
            None => {
                report.errors.push(format!("line {line_no}: missing \"text\""));
                continue;
            }
        };
        let analysis = analyzer.analyze(text);
        serde_json::to_writer(&mut output, &OutLine { id, analysis: &analysis })?;
        output.write_all(b"\n")?;
        report.analyzed += 1;
    }
    output.flush()?;
    Ok(report)
}
