//! Reading response files (CSV, JSON, JSON Lines) into a [`ResponseTable`], and writing
//! a table back out.
//!
//! Both readers feed one row builder, so a value means the same in CSV and JSON.
//! Row-level problems (a value off the scale, an unknown option) are collected in an
//! [`IngestSummary`] and the row is dropped ([`ErrorPolicy::SkipRow`]) or the read
//! fails ([`ErrorPolicy::Fail`]); file-level problems are an [`IngestError`].

mod builder;
mod cell;
mod chunked;
mod csv;
mod error;
pub mod headcounts;
mod json;
pub mod row_check;
mod shard;
mod table;
mod write;

pub use chunked::ChunkedReader;
pub use error::{At, Cause, IngestError, JsonKind, NoRows, Problem};
pub use shard::{merge_shards, BadShard, Shard, ShardReader, Splitter, MAX_PARTS};
pub use table::*;
pub use write::{write_csv, write_json};

use serde::{Deserialize, Serialize};

use crate::instrument::Instrument;
use crate::lang::{plural, Catalog, Lang};
use error::Words;

/// The layout of a response file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Comma- or semicolon-separated values with a header row (RFC 4180).
    Csv,
    /// A JSON array of objects, or JSON Lines (one object per line).
    Json,
}

/// Guesses the format from the first non-blank byte (after an optional UTF-8 BOM):
/// `[` or `{` means JSON, anything else CSV.
pub fn detect_format(bytes: &[u8]) -> Format {
    let body = strip_bom(bytes);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => Format::Json,
        _ => Format::Csv,
    }
}

/// What to do with a row that has a problem.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorPolicy {
    /// Drop the row, record a [`Problem`] in the summary, and go on.
    #[default]
    SkipRow,
    /// Stop at the first problem with [`IngestError::Row`].
    Fail,
}

/// Upper bounds that protect against huge or hostile input; exceeding one is an
/// [`IngestError::Limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Largest input, in bytes (default 1 GiB).
    pub max_bytes: usize,
    /// Most data rows (default 20,000,000).
    pub max_rows: usize,
    /// Most columns (CSV header fields, or distinct JSON keys; default 2,000).
    pub max_columns: usize,
    /// Longest single field, in bytes (default 64 KiB).
    pub max_field_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: 1 << 30, max_rows: 20_000_000, max_columns: 2_000, max_field_bytes: 64 * 1024 }
    }
}

/// How to read a response file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestOptions {
    /// What to do with a bad row.
    pub policy: ErrorPolicy,
    /// Size limits.
    pub limits: Limits,
}

/// The result of reading a response file: the table and what happened on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Ingested {
    /// The responses that were kept.
    pub table: ResponseTable,
    /// Counts, problems and column notes.
    pub summary: IngestSummary,
}

/// What happened while reading a file, for showing to the person who uploaded it.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct IngestSummary {
    /// Data rows in the file.
    pub rows_read: usize,
    /// Rows kept in the table.
    pub rows_kept: usize,
    /// Rows dropped because of a problem.
    pub rows_skipped: usize,
    /// The first 100 problems.
    pub problems: Vec<Problem>,
    /// All problems, including those not listed.
    pub problems_total: usize,
    /// Columns the instrument does not know, kept as segment columns (e.g. `wave`).
    pub extra_columns: Vec<String>,
    /// Questions with no column: non-numeric ones (CSV), or any never-given key (JSON).
    pub absent_columns: Vec<String>,
}

impl IngestSummary {
    /// The summary with each problem's `message` worded in `lang` (for a page in that
    /// language; the CLI's and the server's summaries stay English).
    pub fn in_language(mut self, lang: Lang) -> IngestSummary {
        for p in &mut self.problems {
            p.message = p.cause.describe(lang);
        }
        self
    }

    /// What a person reading `file` should hear about its skipped rows, one line each, in
    /// `lang`: every listed problem with its place, how many more there were, and how many
    /// rows were skipped. Empty when every row was kept.
    pub fn notes(&self, file: &str, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> =
            self.problems.iter().map(|p| Words::SkippedProblem.fill(lang, &[("file", &file), ("problem", &p.describe(lang))])).collect();
        let more = self.problems_total.saturating_sub(self.problems.len()) as u64;
        if more > 0 {
            lines.push(plural(lang, more, Words::MoreProblemsOne, Words::MoreProblemsOther).fill(lang, &[("n", &lang.count(more))]));
        }
        if self.rows_skipped > 0 {
            let (skipped, read) = (lang.count(self.rows_skipped as u64), lang.count(self.rows_read as u64));
            lines.push(Words::SkippedRows.fill(lang, &[("skipped", &skipped), ("read", &read)]));
        }
        lines
    }
}

impl Ingested {
    /// This reading when it kept at least one row; else an error that says why, with the
    /// first problem's place ("no usable rows: line 2 (row 1), column en1: … (and 3 more
    /// problems)").
    pub fn with_rows(self) -> Result<Ingested, NoRows> {
        if self.summary.rows_kept > 0 {
            return Ok(self);
        }
        let more = self.summary.problems_total.saturating_sub(1);
        Err(NoRows { first: self.summary.problems.into_iter().next().map(Box::new), more })
    }
}

/// Reads a response file into a table; see [`read_responses_with_progress`].
///
/// A bad row is skipped (by default) and reported with its line, row and column:
///
/// ```
/// use secpulse::ingest::{read_responses, Format, IngestOptions};
/// use secpulse::instrument::Instrument;
///
/// let instrument = Instrument::default_instrument();
/// // Every question of the instrument is a column; blank cells are "no answer".
/// let others: Vec<&str> = instrument.questions().map(|q| q.id()).filter(|&id| id != "en1").collect();
/// let blanks = ",".repeat(others.len());
/// let csv = format!("en1,{}\n4{blanks}\n7{blanks}\n", others.join(","));
/// let read = read_responses(&instrument, csv.as_bytes(), Format::Csv, &IngestOptions::default()).unwrap();
/// assert_eq!((read.table.rows, read.summary.rows_skipped), (1, 1));
/// assert_eq!(read.summary.problems[0].to_string(), "line 3 (row 2), column en1: \"7\" is outside 1–5");
/// ```
pub fn read_responses(instrument: &Instrument, bytes: &[u8], format: Format, options: &IngestOptions) -> Result<Ingested, IngestError> {
    read_responses_with_progress(instrument, bytes, format, options, &mut |_, _| {})
}

/// Reads a response file into a table, calling `progress(bytes consumed, rows so far)`
/// every 65,536 rows and once at the end.
pub fn read_responses_with_progress(
    instrument: &Instrument,
    bytes: &[u8],
    format: Format,
    options: &IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Ingested, IngestError> {
    match format {
        Format::Csv => {
            let mut reader = ChunkedReader::new(instrument, Some(Format::Csv), options).with_size_hint(bytes.len());
            reader.push_with_progress(bytes, progress);
            reader.finish_with_progress(progress)
        }
        Format::Json => read_json_responses_with_progress(instrument, bytes, options, progress),
    }
}

/// [`read_responses`] of JSON rows. The survey's row check calls this, so that the survey's
/// wasm does not carry the CSV reader it never uses.
pub(crate) fn read_json_responses(instrument: &Instrument, bytes: &[u8], options: &IngestOptions) -> Result<Ingested, IngestError> {
    read_json_responses_with_progress(instrument, bytes, options, &mut |_, _| {})
}

/// The checks of the whole file (size limit, UTF-8, not empty), then the JSON reader on the
/// text without its byte-order mark, with `progress` counting the mark as consumed.
fn read_json_responses_with_progress(
    instrument: &Instrument,
    bytes: &[u8],
    options: &IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Ingested, IngestError> {
    let max = options.limits.max_bytes;
    if bytes.len() > max {
        return Err(IngestError::Limit { limit: "max_bytes", value: max, at: None });
    }
    let text = check_utf8(bytes)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    let bom = bytes.len() - body.len();
    json::read(instrument, body, options, &mut |consumed: usize, rows: usize| progress(consumed + bom, rows))
}

/// Rows between two progress calls.
const PROGRESS_EVERY: usize = 1 << 16;

/// The input without a leading UTF-8 byte-order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The input as text, or the line and byte offset of the first byte that is not UTF-8.
fn check_utf8(bytes: &[u8]) -> Result<&str, IngestError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64;
            Err(IngestError::InvalidUtf8 { line, offset })
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes_word_skipped_rows_per_language() {
        use super::*;
        let problem = Problem::new(3, 2, Some("en1".into()), Cause::OutsideScale { value: "\"9\"".into(), min: 1, max: 5 });
        let summary = IngestSummary {
            rows_read: 1200,
            rows_kept: 1198,
            rows_skipped: 2,
            problems: vec![problem],
            problems_total: 2,
            ..IngestSummary::default()
        };
        assert_eq!(
            summary.notes("a.csv", Lang::En),
            [
                "skipped a.csv: line 3 (row 2), column en1: \"9\" is outside 1–5",
                "… and 1 more problem",
                "skipped 2 of 1,200 rows with problems (use --strict to stop at the first)"
            ]
        );
        let german = summary.notes("a.csv", Lang::De);
        assert_eq!(german[2], "2 von 1.200 Zeilen mit Problemen übersprungen (mit --strict beim ersten anhalten)");
        assert!(IngestSummary::default().notes("a.csv", Lang::Fr).is_empty());
    }

    use super::*;

    #[test]
    fn format_detection() {
        assert_eq!(detect_format(b"[{}]"), Format::Json);
        assert_eq!(detect_format(b"\xEF\xBB\xBF \n {\"a\":1}"), Format::Json);
        assert_eq!(detect_format(b"en1,en2\n1,2"), Format::Csv);
        assert_eq!(detect_format(b""), Format::Csv);
    }

    #[test]
    fn utf8_errors_say_where() {
        let e = check_utf8(b"a,b\n1,2\n3,\xff\n").unwrap_err();
        assert_eq!(e, IngestError::InvalidUtf8 { line: 3, offset: 10 });
        assert_eq!(e.to_string(), "the file is not valid UTF-8: line 3, byte offset 10");
    }
}
