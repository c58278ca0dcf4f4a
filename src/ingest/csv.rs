//! The CSV reader: RFC 4180 via the `csv` crate, `,` or `;` detected from the header.

use std::collections::HashMap;

use ::csv::{ByteRecord, ReaderBuilder};

use super::builder::RowBuilder;
use super::error::IngestError;
use super::{IngestOptions, Ingested, PROGRESS_EVERY};
use crate::instrument::Instrument;

/// Rows read before the columns are sized for the whole file.
const SAMPLE_ROWS: usize = 64;

/// Reads CSV `body` (UTF-8 already checked, BOM removed).
pub(super) fn read(
    instrument: &Instrument,
    body: &[u8],
    options: &IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Ingested, IngestError> {
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(body))
        .from_reader(body);
    let mut rec = ByteRecord::new();
    let mut b = RowBuilder::new(instrument, body, options, true);
    if !next(&mut rdr, &mut rec)? {
        return Err(IngestError::Empty);
    }
    let slots = header(&mut b, body, &rec)?;
    let data_start = rdr.position().byte() as usize;
    while next(&mut rdr, &mut rec)? {
        // A line of blanks (the csv crate already skips empty lines) is not a respondent.
        if rec.len() == 1 && slots.len() > 1 && rec[0].trim_ascii().is_empty() {
            continue;
        }
        b.begin_row(record_start(body, &rec))?;
        if rec.as_slice().len() > options.limits.max_field_bytes {
            for (field, &slot) in rec.iter().zip(&slots) {
                b.check_field_len(field.len(), Some(slot))?;
            }
            b.check_field_len(rec.iter().map(<[u8]>::len).max().unwrap_or(0), None)?;
        }
        if rec.len() == slots.len() {
            for (field, &slot) in rec.iter().zip(&slots) {
                b.cell_bytes(slot, field);
            }
        } else {
            b.problem(None, format!("the row has {} fields, the header has {}", rec.len(), slots.len()));
        }
        b.end_row()?;
        if b.rows_read() == SAMPLE_ROWS {
            // Size the columns from the first rows; a row has at least one byte per
            // column, so this never reserves more rows than the input could hold.
            let done = rdr.position().byte() as usize;
            let row_bytes = ((done - data_start) / SAMPLE_ROWS).max(slots.len()).max(1);
            b.reserve(body.len().saturating_sub(done) / row_bytes * 11 / 10);
        }
        if b.rows_read() % PROGRESS_EVERY == 0 {
            progress(rdr.position().byte() as usize, b.rows_read());
        }
    }
    progress(body.len(), b.rows_read());
    Ok(b.finish(false))
}

/// Byte offset of the first byte of `rec`: the csv crate's record position, moved past
/// the empty lines it skipped. (Its own line count misses newlines inside quotes.)
fn record_start(body: &[u8], rec: &ByteRecord) -> usize {
    let pos = rec.position().map_or(0, |p| p.byte() as usize).min(body.len());
    pos + body[pos..].iter().take_while(|&&c| c == b'\n' || c == b'\r').count()
}

/// Reads the next record; false at the end of the input.
fn next(rdr: &mut ::csv::Reader<&[u8]>, rec: &mut ByteRecord) -> Result<bool, IngestError> {
    rdr.read_byte_record(rec).map_err(|e| {
        let line = e.position().map_or(0, |p| p.line());
        IngestError::Csv { line, message: e.to_string() }
    })
}

/// Checks the header and attaches each column; returns the slot of every field.
fn header(b: &mut RowBuilder<'_>, body: &[u8], rec: &ByteRecord) -> Result<Vec<usize>, IngestError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut slots = Vec::with_capacity(rec.len());
    b.set_offset(record_start(body, rec));
    for (i, field) in rec.iter().enumerate() {
        b.check_field_len(field.len(), None)?;
        let name = super::cell::unescape_formula(std::str::from_utf8(field).unwrap_or("").trim());
        if name.is_empty() {
            return Err(IngestError::EmptyColumnName { column: i + 1 });
        }
        if let Some(&first) = seen.get(name) {
            return Err(IngestError::DuplicateColumn { name: name.to_string(), first, second: i + 1 });
        }
        seen.insert(name, i + 1);
        slots.push(b.column(name)?);
    }
    let missing = b.missing_numeric();
    if !missing.is_empty() {
        return Err(IngestError::MissingColumns(missing));
    }
    Ok(slots)
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
fn detect_delimiter(body: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0usize, 0usize, false);
    for &c in body {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::detect_delimiter;

    #[test]
    fn delimiter_from_the_header_line_outside_quotes() {
        assert_eq!(detect_delimiter(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter(b"a;b;c\n1,2"), b';');
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(detect_delimiter(b"\"x\ny,z,w\";a\r\n1,2,3"), b';');
        assert_eq!(detect_delimiter(b"single"), b',');
    }
}
