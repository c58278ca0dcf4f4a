//! Writing a table back to CSV or JSON, in a form the readers read back unchanged.

use std::io::{self, Write};
use std::sync::Arc;

use super::cell::needs_formula_escape;
use super::table::{Codes, ResponseTable, MISSING, NO_SEGMENT};
use crate::instrument::{Instrument, Question, MULTI_SEPARATOR};

/// Where the cells of one output column come from.
enum Source<'t> {
    Answer(Option<&'t [u8]>),
    Segment(Option<(&'t [String], &'t Codes)>),
    Text(Option<&'t [(u32, Arc<str>)]>, usize),
    /// Option indices per row, their labels, the separator in CSV cells, and a cursor.
    List(Option<&'t [(u32, Vec<u8>)]>, Vec<&'t str>, char, usize),
}

/// The output columns: every question in instrument order, then the table's
/// segment columns that are not questions (e.g. `wave`).
fn columns<'t>(instrument: &'t Instrument, table: &'t ResponseTable) -> Vec<(&'t str, Source<'t>)> {
    let mut out = Vec::new();
    for q in instrument.questions() {
        let id = q.id();
        let src = match q {
            Question::Choice { .. } => Source::Segment(table.segment(id).map(|c| (c.labels.as_slice(), &c.codes))),
            Question::Text { .. } => Source::Text(table.text(id).map(|c| c.entries.as_slice()), 0),
            Question::Ranking { .. } => Source::List(table.ranking(id).map(|c| c.entries.as_slice()), listed(q), '>', 0),
            Question::MultiChoice { .. } => Source::List(table.selection(id).map(|c| c.entries.as_slice()), listed(q), MULTI_SEPARATOR, 0),
            _ => Source::Answer(table.answer(id).map(|c| c.values.as_slice())),
        };
        out.push((id, src));
    }
    for seg in &table.segments {
        if instrument.question(&seg.name).is_none() {
            out.push((seg.name.as_str(), Source::Segment(Some((&seg.labels, &seg.codes)))));
        }
    }
    out
}

/// The answers question `q` stores by index.
fn listed(q: &Question) -> Vec<&str> {
    q.listed_answers().unwrap_or_default()
}

/// A cell's value, borrowed from the table where possible.
enum Cell<'t, 's> {
    Blank,
    Number(u8),
    Text(&'t str),
    /// Option indices, their labels, the CSV separator.
    List(&'t [u8], &'s [&'t str], char),
}

impl<'t> Source<'t> {
    /// The cell of `row`; rows must be visited in order (sparse columns keep a cursor).
    fn cell(&mut self, row: usize) -> Cell<'t, '_> {
        match self {
            Source::Answer(values) => match values.and_then(|v| v.get(row)) {
                Some(&v) if v != MISSING => Cell::Number(v),
                _ => Cell::Blank,
            },
            Source::Segment(col) => {
                match col.and_then(|(labels, codes)| codes.get(row).filter(|&c| c != NO_SEGMENT).and_then(|c| labels.get(c as usize))) {
                    Some(label) => Cell::Text(label),
                    None => Cell::Blank,
                }
            }
            Source::Text(entries, cursor) => match sparse(*entries, cursor, row) {
                Some(text) => Cell::Text(text),
                None => Cell::Blank,
            },
            Source::List(entries, labels, separator, cursor) => match sparse(*entries, cursor, row) {
                Some(ranks) if !ranks.is_empty() => Cell::List(ranks, labels, *separator),
                _ => Cell::Blank,
            },
        }
    }
}

/// The entry of `row` in a sparse column sorted by row, advancing `cursor`.
fn sparse<'t, T>(entries: Option<&'t [(u32, T)]>, cursor: &mut usize, row: usize) -> Option<&'t T> {
    let entries = entries?;
    while entries.get(*cursor).is_some_and(|e| (e.0 as usize) < row) {
        *cursor += 1;
    }
    entries.get(*cursor).filter(|e| e.0 as usize == row).map(|e| &e.1)
}

/// Writes the table as CSV (comma, LF, header in instrument order then extra segment
/// columns). Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// CR first) gets a leading `'`, which the reader removes again — in cells and in header
/// names (extra columns are named by the input file).
pub fn write_csv<W: Write>(instrument: &Instrument, table: &ResponseTable, out: W) -> io::Result<()> {
    let mut cols = columns(instrument, table);
    let mut w = ::csv::Writer::from_writer(out);
    // Header names come from the input file too (extra columns): escape them like cells.
    let header = |name: &str| if needs_formula_escape(name) { format!("'{name}") } else { name.to_string() };
    w.write_record(cols.iter().map(|(name, _)| header(name)))?;
    let mut field = String::new();
    let mut record = ::csv::ByteRecord::new();
    for row in 0..table.rows {
        record.clear();
        for (_, src) in cols.iter_mut() {
            field.clear();
            match src.cell(row) {
                Cell::Blank => {}
                Cell::Number(v) => field.push_str(itoa(v, &mut [0; 3])),
                Cell::Text(s) => field.push_str(s),
                Cell::List(ranks, labels, separator) => join_list(&mut field, ranks, labels, separator),
            }
            if needs_formula_escape(&field) {
                field.insert(0, '\'');
            }
            record.push_field(field.as_bytes());
        }
        // (A record of one empty field is written as `""`, so the row is not lost.)
        w.write_byte_record(&record)?;
    }
    w.flush()
}

/// Writes the table as a JSON array with one object per line; blank cells are left
/// out; rankings and multi-choice answers are arrays of option labels.
pub fn write_json<W: Write>(instrument: &Instrument, table: &ResponseTable, out: W) -> io::Result<()> {
    let mut cols = columns(instrument, table);
    let mut w = io::BufWriter::new(out);
    w.write_all(b"[")?;
    for row in 0..table.rows {
        w.write_all(if row == 0 { b"\n{" } else { b",\n{" })?;
        let mut first = true;
        for (name, src) in cols.iter_mut() {
            let cell = src.cell(row);
            if matches!(cell, Cell::Blank) {
                continue;
            }
            if !first {
                w.write_all(b",")?;
            }
            first = false;
            serde_json::to_writer(&mut w, name)?;
            w.write_all(b":")?;
            match cell {
                Cell::Blank => {}
                Cell::Number(v) => w.write_all(itoa(v, &mut [0; 3]).as_bytes())?,
                Cell::Text(s) => serde_json::to_writer(&mut w, s)?,
                Cell::List(ranks, labels, _) => {
                    let labels: Vec<&str> = ranks.iter().filter_map(|&i| labels.get(usize::from(i)).copied()).collect();
                    serde_json::to_writer(&mut w, &labels)?;
                }
            }
        }
        w.write_all(b"}")?;
    }
    w.write_all(b"\n]\n")?;
    w.flush()
}

/// Option labels joined with `separator` (`>` for a ranking, most important first; `|` for a
/// multi-choice answer).
fn join_list(out: &mut String, ranks: &[u8], labels: &[&str], separator: char) {
    for (i, label) in ranks.iter().filter_map(|&r| labels.get(usize::from(r))).enumerate() {
        if i > 0 {
            out.push(separator);
        }
        out.push_str(label);
    }
}

/// Formats a byte as decimal without allocating.
fn itoa(v: u8, buf: &mut [u8; 3]) -> &str {
    let mut n = v;
    let mut i = 3;
    loop {
        i -= 1;
        buf[i] = b'0' + n % 10;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::itoa;

    #[test]
    fn itoa_formats_bytes() {
        for v in [0u8, 7, 10, 99, 100, 254, 255] {
            assert_eq!(itoa(v, &mut [0; 3]), v.to_string());
        }
    }
}
