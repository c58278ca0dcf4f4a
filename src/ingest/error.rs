//! Row-level [`Problem`]s and file-level [`IngestError`]s, with messages that say where.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::fmt::Thousands;

/// Something wrong with one row of a response file (a value off the scale, an unknown
/// option, a row with the wrong number of fields). Under [`super::ErrorPolicy::SkipRow`]
/// the row is dropped and the problem is reported in the summary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based physical line where the record starts (JSON array: line of the object).
    pub line: u64,
    /// 1-based data row, header excluded.
    pub row: u64,
    /// The column (question id or header name), when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong, e.g. `"7" is outside 1–5`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} (row {})", Thousands(self.line), Thousands(self.row))?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a response file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum IngestError {
    /// The input has no data (nothing, or only a byte-order mark and whitespace).
    Empty,
    /// The input is not UTF-8; `offset` is the 0-based byte offset of the first bad byte.
    InvalidUtf8 {
        /// 1-based line of the bad byte.
        line: u64,
        /// 0-based byte offset in the file.
        offset: usize,
    },
    /// Two header columns have the same name (after trimming); positions are 1-based.
    DuplicateColumn {
        /// The repeated name.
        name: String,
        /// Position of the first occurrence.
        first: usize,
        /// Position of the second occurrence.
        second: usize,
    },
    /// A header column has an empty name; `column` is its 1-based position.
    EmptyColumnName {
        /// 1-based position in the header.
        column: usize,
    },
    /// Numeric questions of the instrument that have no column in the file.
    MissingColumns(Vec<String>),
    /// The JSON is malformed; line and column are 1-based (serde_json's).
    Json {
        /// 1-based line.
        line: u64,
        /// 1-based column (byte) in that line.
        column: u64,
        /// What the parser expected.
        message: String,
    },
    /// The CSV reader failed (not expected for in-memory UTF-8 input).
    Csv {
        /// 1-based line, when known.
        line: u64,
        /// The reader's message.
        message: String,
    },
    /// A limit of [`super::Limits`] was exceeded.
    Limit {
        /// Which limit, e.g. `max_rows`.
        limit: &'static str,
        /// Its value.
        value: usize,
        /// Where it was exceeded, e.g. `line 12, column comment`, when known.
        at: Option<String>,
    },
    /// The first row problem, under [`super::ErrorPolicy::Fail`].
    Row(Problem),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "the file is empty"),
            IngestError::InvalidUtf8 { line, offset } => {
                write!(f, "the file is not valid UTF-8: line {}, byte offset {}", Thousands(*line), Thousands(*offset as u64))
            }
            IngestError::DuplicateColumn { name, first, second } => {
                write!(f, "the header has column {name:?} twice (columns {first} and {second})")
            }
            IngestError::EmptyColumnName { column } => write!(f, "column {column} of the header has no name"),
            IngestError::MissingColumns(ids) => {
                let plural = if ids.len() == 1 { "" } else { "s" };
                write!(f, "the file has no column for question{plural} {}", ids.join(", "))
            }
            IngestError::Json { line, column, message } => {
                write!(f, "invalid JSON at line {}, column {}: {message}", Thousands(*line), Thousands(*column))
            }
            IngestError::Csv { line, message } => write!(f, "CSV error at line {}: {message}", Thousands(*line)),
            IngestError::Limit { limit, value, at } => {
                write!(f, "limit {limit} ({}) exceeded", Thousands(*value as u64))?;
                match at {
                    Some(at) => write!(f, " at {at}"),
                    None => Ok(()),
                }
            }
            IngestError::Row(p) => write!(f, "{p}"),
        }
    }
}

impl std::error::Error for IngestError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display_matches_the_documented_form() {
        let p = Problem { line: 1205, row: 1204, column: Some("en2".into()), message: "\"7\" is outside 1–5".into() };
        assert_eq!(p.to_string(), "line 1,205 (row 1,204), column en2: \"7\" is outside 1–5");
        let p = Problem { line: 3, row: 2, column: None, message: "x".into() };
        assert_eq!(p.to_string(), "line 3 (row 2): x");
    }
}
