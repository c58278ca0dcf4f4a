//! The CSV reader: RFC 4180 via the `csv` crate, `,` or `;` detected from the header.

use std::collections::HashMap;

use ::csv::{ByteRecord, ReaderBuilder};

use super::builder::RowBuilder;
use super::error::{Cause, IngestError};
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
    let mut rdr = ReaderBuilder::new().has_headers(false).flexible(true).delimiter(detect_delimiter(body)).from_reader(body);
    let mut rec = ByteRecord::new();
    let mut b = RowBuilder::new(instrument, body, options, true);
    if !next(&mut rdr, &mut rec)? {
        return Err(IngestError::Empty);
    }
    let slots = header(&mut b, body, &rec)?;
    let data_start = rdr.position().byte() as usize;
    let mut lines = Lines::new(body, data_start, detect_delimiter(body));
    while read_chunk(&mut lines, &mut b, &slots, options, data_start, progress)? {}
    progress(body.len(), b.rows_read());
    Ok(b.finish(false))
}

/// Records read per [`read_chunk`] call.
const CHUNK_ROWS: usize = 4096;

/// Reads up to [`CHUNK_ROWS`] records; false at the end of the input. A function of its
/// own, never inlined: V8 starts wasm in its baseline tier and switches a function to
/// optimised code only on its next call, so one loop over a million rows would run
/// unoptimised to the end.
#[inline(never)]
fn read_chunk(
    lines: &mut Lines<'_>,
    b: &mut RowBuilder<'_>,
    slots: &[usize],
    options: &IngestOptions,
    data_start: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<bool, IngestError> {
    let body = lines.body;
    for _ in 0..CHUNK_ROWS {
        let Some(start) = lines.next_record() else { return Ok(false) };
        let rec = &lines.record;
        // A line of blanks (empty lines are skipped like the csv crate does) is not a respondent.
        if rec.len() == 1 && slots.len() > 1 && rec.field(0).trim_ascii().is_empty() {
            continue;
        }
        b.begin_row(start)?;
        if rec.bytes_len() > options.limits.max_field_bytes {
            for (field, &slot) in rec.iter().zip(slots) {
                b.check_field_len(field.len(), Some(slot))?;
            }
            b.check_field_len(rec.iter().map(<[u8]>::len).max().unwrap_or(0), None)?;
        }
        if rec.len() == slots.len() {
            for (field, &slot) in rec.iter().zip(slots) {
                b.cell_bytes(slot, field);
            }
        } else {
            b.problem(None, Cause::WrongFieldCount { found: rec.len(), expected: slots.len() });
        }
        b.end_row()?;
        if b.rows_read() == SAMPLE_ROWS {
            // Size the columns from the first rows; a row has at least one byte per
            // column, so this never reserves more rows than the input could hold.
            let done = lines.pos;
            let row_bytes = ((done - data_start) / SAMPLE_ROWS).max(slots.len()).max(1);
            b.reserve(body.len().saturating_sub(done) / row_bytes * 11 / 10);
        }
        if b.rows_read() % PROGRESS_EVERY == 0 {
            progress(lines.pos, b.rows_read());
        }
    }
    Ok(true)
}

/// What a byte means to the line splitter.
const PLAIN: u8 = 0;
const DELIM: u8 = 1;
const NEWLINE: u8 = 2;
/// `"` or `\r`: the line goes to the full parser.
const SPECIAL: u8 = 3;

/// One record's fields: ranges into the input (a plain line) or into the parser's output.
#[derive(Debug, Default)]
struct Record<'a> {
    input: &'a [u8],
    /// Unquoted field bytes of a record the full parser read.
    out: Vec<u8>,
    /// Parser field ends (into `out`).
    ends: Vec<usize>,
    /// Field ranges: into `input` when `parsed` is false, else into `out`.
    fields: Vec<(usize, usize)>,
    parsed: bool,
}

impl<'a> Record<'a> {
    fn len(&self) -> usize {
        self.fields.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let (a, b) = self.fields[i];
        if self.parsed {
            &self.out[a..b]
        } else {
            &self.input[a..b]
        }
    }

    fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.fields.len()).map(|i| self.field(i))
    }

    /// Bytes of all fields together (as `csv::ByteRecord::as_slice().len()`).
    fn bytes_len(&self) -> usize {
        self.fields.iter().map(|(a, b)| b - a).sum()
    }
}

/// The data records of a CSV body. Lines without `"` or `\r` (nearly all of a survey
/// export) are split at the delimiter directly; any other line is read by `csv_core`,
/// the parser of the `csv` crate, with the same settings, so fields, skipped empty lines
/// and record positions are the same as reading everything with the `csv` crate.
struct Lines<'a> {
    body: &'a [u8],
    /// Where the next record (or the empty lines before it) starts.
    pos: usize,
    class: [u8; 256],
    core: ::csv_core::Reader,
    record: Record<'a>,
}

impl<'a> Lines<'a> {
    fn new(body: &'a [u8], pos: usize, delimiter: u8) -> Lines<'a> {
        let mut class = [PLAIN; 256];
        class[usize::from(delimiter)] = DELIM;
        class[usize::from(b'\n')] = NEWLINE;
        class[usize::from(b'"')] = SPECIAL;
        class[usize::from(b'\r')] = SPECIAL;
        let core = ::csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        let record = Record { input: body, out: vec![0; 1024], ends: vec![0; 64], ..Record::default() };
        Lines { body, pos, class, core, record }
    }

    /// Reads the next record into `self.record`; returns the byte offset where it starts.
    fn next_record(&mut self) -> Option<usize> {
        let body = self.body;
        // Empty lines between records are skipped (as csv_core does at a record start).
        while self.pos < body.len() && matches!(body[self.pos], b'\n' | b'\r') {
            self.pos += 1;
        }
        if self.pos >= body.len() {
            return None;
        }
        let start = self.pos;
        let rec = &mut self.record;
        rec.fields.clear();
        rec.parsed = false;
        let mut field = start;
        let mut i = start;
        loop {
            let Some(&c) = body.get(i) else {
                rec.fields.push((field, i));
                self.pos = i;
                return Some(start);
            };
            match self.class[usize::from(c)] {
                PLAIN => i += 1,
                DELIM => {
                    rec.fields.push((field, i));
                    i += 1;
                    field = i;
                }
                NEWLINE => {
                    rec.fields.push((field, i));
                    self.pos = i + 1;
                    return Some(start);
                }
                _ => break,
            }
        }
        // A quoted field or a carriage return: the full parser, from the record start.
        rec.fields.clear();
        rec.parsed = true;
        let (mut nin, mut nout, mut nend) = (0, 0, 0);
        loop {
            let (res, i, o, e) = self.core.read_record(&body[start + nin..], &mut rec.out[nout..], &mut rec.ends[nend..]);
            (nin, nout, nend) = (nin + i, nout + o, nend + e);
            match res {
                ::csv_core::ReadRecordResult::InputEmpty => {}
                ::csv_core::ReadRecordResult::OutputFull => rec.out.resize(rec.out.len() * 2, 0),
                ::csv_core::ReadRecordResult::OutputEndsFull => rec.ends.resize(rec.ends.len() * 2, 0),
                ::csv_core::ReadRecordResult::Record => break,
                ::csv_core::ReadRecordResult::End => {
                    self.pos = body.len();
                    return None;
                }
            }
        }
        self.pos = start + nin;
        let mut from = 0;
        for &end in &rec.ends[..nend] {
            rec.fields.push((from, end));
            from = end;
        }
        Some(start)
    }
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
    use super::{detect_delimiter, record_start, Lines};

    /// Every record as (start offset, fields), read by the csv crate the way `read` used to.
    fn with_csv_crate(body: &[u8], delimiter: u8) -> Vec<(usize, Vec<Vec<u8>>)> {
        let mut rdr = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(body);
        let mut rec = ::csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            out.push((record_start(body, &rec), rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    fn with_lines(body: &[u8], delimiter: u8) -> Vec<(usize, Vec<Vec<u8>>)> {
        let mut lines = Lines::new(body, 0, delimiter);
        let mut out = Vec::new();
        while let Some(start) = lines.next_record() {
            out.push((start, lines.record.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    #[test]
    fn fast_path_reads_what_the_csv_crate_reads() {
        let cases: &[&[u8]] = &[
            b"a,b,c\n1,2,3\n",
            b"a,b\n\n\n1,2\n\n",
            b"a,b\r\n1,2\r\n3,4",
            b"a,\"b,c\"\n\"x\ny\",2\n3,\"\"\"q\"\"\"\n",
            b"  \n , \n,,,\n",
            b"a,b\rc,d\r\re,f",
            b"x\"y,z\n1,\"2\n",
            b"\"unterminated,1\n2,3",
            b"",
            b"\n\r\n",
        ];
        for body in cases {
            for d in [b',', b';'] {
                assert_eq!(with_lines(body, d), with_csv_crate(body, d), "{:?}", String::from_utf8_lossy(body));
            }
        }
        // Random bodies over the bytes that matter.
        let alphabet = b"ab ,;\"\n\r";
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 40) as usize;
            let body: Vec<u8> = (0..len)
                .map(|i| {
                    let y = x.rotate_left(i as u32 * 5).wrapping_mul(0x2545_f491_4f6c_dd1d);
                    alphabet[(y >> 59) as usize % alphabet.len()]
                })
                .collect();
            for d in [b',', b';'] {
                assert_eq!(with_lines(&body, d), with_csv_crate(&body, d), "{:?}", String::from_utf8_lossy(&body));
            }
        }
    }

    #[test]
    fn delimiter_from_the_header_line_outside_quotes() {
        assert_eq!(detect_delimiter(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter(b"a;b;c\n1,2"), b';');
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(detect_delimiter(b"\"x\ny,z,w\";a\r\n1,2,3"), b';');
        assert_eq!(detect_delimiter(b"single"), b',');
    }
}
