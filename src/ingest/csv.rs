//! The CSV reader: RFC 4180, `,` or `;` detected from the header, read from chunks of any
//! size (a record cut by the end of a chunk is read again, whole, from the next one).

use std::collections::HashMap;

use super::builder::RowBuilder;
use super::error::{Cause, IngestError};
use super::{IngestOptions, Ingested, ResponseTable, PROGRESS_EVERY};
use crate::instrument::Instrument;

/// Rows read before the columns are sized for the whole file.
const SAMPLE_ROWS: usize = 64;

/// Reads CSV text (UTF-8 already checked, BOM removed) handed in as consecutive pieces.
pub(super) struct CsvReader {
    b: RowBuilder,
    options: IngestOptions,
    /// The splitter, once the header line told the delimiter.
    lines: Option<Lines>,
    /// The table slot of every header field, once the header is read.
    slots: Option<Vec<usize>>,
    /// How the fast path treats each header field.
    plan: Vec<Fast>,
    /// The cells of a plain line left to the row builder (one place per field; only the first
    /// ones staged for the current line are read), and the unquoted text of those that had doubled quotes.
    deferred: (Vec<Deferred>, Vec<u8>),
    /// Where the data records start (after the header).
    data_start: usize,
    /// The expected length of the whole text, for sizing the columns (0: unknown).
    size_hint: usize,
}

/// How far [`CsvReader::read`] got.
enum Step {
    /// More records may follow in the same input.
    Going,
    /// The input has no further complete record.
    Stopped,
}

impl CsvReader {
    /// A reader for `instrument`'s responses; `size_hint` is the text's expected length (0: unknown).
    pub(super) fn new(instrument: &Instrument, options: &IngestOptions, size_hint: usize) -> CsvReader {
        let b = RowBuilder::new(instrument, options, true);
        CsvReader {
            b,
            options: *options,
            lines: None,
            slots: None,
            plan: Vec::new(),
            deferred: (Vec::new(), Vec::new()),
            data_start: 0,
            size_hint,
        }
    }

    /// '\n' bytes in the text read so far.
    pub(super) fn newlines(&self) -> u64 {
        self.lines.as_ref().map_or(0, |l| l.newlines)
    }

    /// Reads the complete records at the start of `text`, the text from byte `base` on;
    /// `last` when nothing follows it. Returns how many bytes were read: the rest (a record
    /// the end of `text` cut) must be handed in again, with what follows.
    pub(super) fn read(
        &mut self,
        text: &str,
        base: usize,
        last: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize, IngestError> {
        let input = text.as_bytes();
        if self.lines.is_none() {
            let Some(delimiter) = detect_delimiter(input, last) else { return Ok(0) };
            self.lines = Some(Lines::new(delimiter));
        }
        let Some(lines) = self.lines.as_mut() else { return Ok(0) };
        let mut pos = 0;
        let slots = match self.slots.take() {
            Some(slots) => slots,
            None => match lines.next_record(input, &mut pos, last) {
                Next::More => return Ok(pos),
                Next::End => return Err(IngestError::Empty),
                Next::Record(line) => {
                    self.b.set_line(line);
                    self.data_start = base + pos;
                    let slots = header(&mut self.b, &lines.record, input)?;
                    self.plan = slots
                        .iter()
                        .map(|&slot| self.b.digit_column(slot).map_or(Fast::Other, |(col, min, max)| Fast::Digit { col, min, max }))
                        .collect();
                    slots
                }
            },
        };
        let mut at = Place { input, text, base, pos, last };
        let sizes = Sizes { max_field_bytes: self.options.limits.max_field_bytes, data_start: self.data_start, size_hint: self.size_hint };
        let fields = Fields { slots: &slots, plan: &self.plan };
        let result = loop {
            match read_chunk(lines, &mut self.b, &fields, &mut at, &sizes, &mut self.deferred, progress) {
                Ok(Step::Going) => {}
                Ok(Step::Stopped) => break Ok(at.pos),
                Err(e) => break Err(e),
            }
        };
        self.slots = Some(slots);
        result
    }

    /// The rows kept so far, moved out, when there are at least `min_rows` of them.
    pub(super) fn take_rows(&mut self, min_rows: usize) -> Option<ResponseTable> {
        (self.b.rows_kept() >= min_rows.max(1)).then(|| self.b.take_rows())
    }

    /// The table, once the whole text (`len` bytes) was read.
    pub(super) fn finish(self, len: usize, progress: &mut dyn FnMut(usize, usize)) -> Result<Ingested, IngestError> {
        if self.slots.is_none() {
            return Err(IngestError::Empty);
        }
        progress(len, self.b.rows_read());
        Ok(self.b.finish(false))
    }
}

/// The input being read and where in it.
struct Place<'a> {
    input: &'a [u8],
    /// `input` as the text it is (checked as UTF-8 once, by the caller).
    text: &'a str,
    /// Offset of `input` in the whole text.
    base: usize,
    pos: usize,
    last: bool,
}

/// What the row loop needs to know about sizes.
struct Sizes {
    max_field_bytes: usize,
    /// Where the data records start in the text.
    data_start: usize,
    /// The text's expected length (0: unknown).
    size_hint: usize,
}

/// Records read per [`read_chunk`] call.
const CHUNK_ROWS: usize = 4096;

/// How the fast path treats a field.
#[derive(Debug, Clone, Copy)]
enum Fast {
    /// A numeric question: a one-digit answer on the scale goes straight into the row.
    Digit { col: usize, min: u8, max: u8 },
    /// Anything else goes to the row builder.
    Other,
}

/// The header's fields: their table slots and how the fast path treats them.
struct Fields<'a> {
    slots: &'a [usize],
    plan: &'a [Fast],
}

/// What [`plain_line`] did.
enum Plain {
    /// Read one data row.
    Row,
    /// Skipped a line of blanks.
    Blank,
    /// The line is not plain (or needs the field-size check): the general path reads it.
    Other,
}

/// Reads up to [`CHUNK_ROWS`] records. A function of its own, never inlined: V8 starts
/// wasm in its baseline tier and switches a function to optimised code only on its next
/// call, so one loop over a million rows would run unoptimised to the end.
#[inline(never)]
fn read_chunk(
    lines: &mut Lines,
    b: &mut RowBuilder,
    fields: &Fields<'_>,
    at: &mut Place<'_>,
    sizes: &Sizes,
    deferred: &mut (Vec<Deferred>, Vec<u8>),
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Step, IngestError> {
    let input = at.input;
    let slots = fields.slots;
    let mut rows = 0;
    while rows < CHUNK_ROWS {
        match plain_line(lines, b, fields, at, sizes.max_field_bytes, deferred)? {
            Plain::Row => {}
            Plain::Blank => continue,
            Plain::Other => {
                let line = match lines.next_record(input, &mut at.pos, at.last) {
                    Next::Record(line) => line,
                    Next::More | Next::End => return Ok(Step::Stopped),
                };
                let rec = &lines.record;
                // A line of blanks (empty lines are skipped like the csv crate does) is not a respondent.
                if rec.len() == 1 && slots.len() > 1 && rec.field(input, 0).trim_ascii().is_empty() {
                    continue;
                }
                b.begin_row(line)?;
                if rec.bytes_len() > sizes.max_field_bytes {
                    for (field, &slot) in rec.iter(input).zip(slots) {
                        b.check_field_len(field.len(), Some(slot))?;
                    }
                    b.check_field_len(rec.iter(input).map(<[u8]>::len).max().unwrap_or(0), None)?;
                }
                if rec.len() == slots.len() {
                    for (field, &slot) in rec.iter(input).zip(slots) {
                        b.cell_bytes(slot, field);
                    }
                } else {
                    b.problem(None, Cause::WrongFieldCount { found: rec.len(), expected: slots.len() });
                }
                b.end_row()?;
            }
        }
        rows += 1;
        if b.rows_read() == SAMPLE_ROWS {
            // Size the columns from the first rows; a row has at least one byte per
            // column, so this never reserves more rows than the input could hold.
            let done = at.base + at.pos;
            let row_bytes = ((done - sizes.data_start) / SAMPLE_ROWS).max(slots.len()).max(1);
            b.reserve(sizes.size_hint.saturating_sub(done) / row_bytes * 11 / 10);
        }
        if b.rows_read() % PROGRESS_EVERY == 0 {
            progress(at.base + at.pos, b.rows_read());
        }
    }
    Ok(Step::Going)
}

/// A cell of a plain line left to the row builder: (field index, in `unquoted`, start, end).
type Deferred = (usize, bool, usize, usize);

/// The fused pass over a line without `\r` and with quotes only around whole fields (nearly
/// every line of a survey export): one scan that splits the fields and writes one-digit
/// answers straight into the row; the other non-blank cells go to the row builder once the
/// fields are counted. Reads what [`Lines::next_record`] and the general path would.
#[inline(always)]
fn plain_line(
    lines: &mut Lines,
    b: &mut RowBuilder,
    fields: &Fields<'_>,
    at: &mut Place<'_>,
    max_field_bytes: usize,
    deferred: &mut (Vec<Deferred>, Vec<u8>),
) -> Result<Plain, IngestError> {
    let input = at.input;
    let start = at.pos;
    if start >= input.len() || matches!(input[start], b'\n' | b'\r') {
        return Ok(Plain::Other);
    }
    b.clear_row();
    let (cells, unquoted) = deferred;
    // One place per field, written in order (no `push`: a call per cell at opt-level "z"). A
    // cell is staged only for a field of the plan, so `staged` stays within the places.
    if cells.len() < fields.plan.len() {
        cells.resize(fields.plan.len(), (0, false, 0, 0));
    }
    let cells = cells.as_mut_slice();
    let mut staged = 0;
    unquoted.clear();
    let (mut i, mut count, mut inner_newlines) = (start, 0, 0);
    // The first field (in `unquoted`, start, end), for telling a line of blanks.
    let mut first = (false, start, start);
    let newline = loop {
        let field = i;
        let (copied, a, e) = if matches!(input.get(i), Some(b'"')) {
            let Some((end, copied, a, e)) = quoted_field(input, i, at.last, unquoted) else { return Ok(Plain::Other) };
            // Line breaks inside quotes are rare: one search for the first before counting.
            if let Some(k) = memchr::memchr(b'\n', &input[i..end]) {
                inner_newlines += memchr::memchr_iter(b'\n', &input[i + k..end]).count() as u64;
            }
            i = end;
            (copied, a, e)
        } else {
            while let Some(&c) = input.get(i) {
                if lines.class[usize::from(c)] != PLAIN {
                    break;
                }
                i += 1;
            }
            (false, field, i)
        };
        let class = match input.get(i) {
            Some(&c) => lines.class[usize::from(c)],
            None if at.last => NEWLINE,
            None => return Ok(Plain::Other),
        };
        if class != DELIM && class != NEWLINE {
            return Ok(Plain::Other);
        }
        if count == 0 {
            first = (copied, a, e);
        }
        let later = match fields.plan.get(count) {
            Some(&Fast::Digit { col, min, max }) if !copied && e == a + 1 => {
                let v = input[a].wrapping_sub(b'0');
                let digit = v <= 9 && v >= min && v <= max;
                if digit {
                    b.digit(col, v);
                }
                !digit
            }
            Some(_) => e > a,
            None => false,
        };
        if later {
            cells[staged] = (count, copied, a, e);
            staged += 1;
        }
        count += 1;
        if class == NEWLINE {
            break i < input.len();
        }
        i += 1;
    };
    if i - start > max_field_bytes {
        return Ok(Plain::Other);
    }
    let line = lines.newlines + 1;
    let slots = fields.slots;
    let blank = count == 1 && slots.len() > 1 && {
        let (copied, a, e) = first;
        (if copied { &unquoted[a..e] } else { &input[a..e] }).trim_ascii().is_empty()
    };
    if !blank {
        b.count_row(line)?;
        if count == slots.len() {
            for &(k, copied, a, e) in &cells[..staged] {
                // A field of the text starts and ends at ASCII bytes: a `str` without a check.
                // Answers keep the byte path, which trims ASCII whitespace only, as the general
                // path does.
                let as_text = matches!(fields.plan.get(k), Some(Fast::Other)) && !copied;
                let text = if as_text { at.text.get(a..e) } else { None };
                match text {
                    Some(text) => b.cell_str(slots[k], text),
                    None => b.cell_bytes(slots[k], if copied { &unquoted[a..e] } else { &input[a..e] }),
                }
            }
        } else {
            b.problem(None, Cause::WrongFieldCount { found: count, expected: slots.len() });
        }
        b.end_row()?;
    }
    at.pos = if newline { i + 1 } else { i };
    lines.newlines += inner_newlines + u64::from(newline);
    Ok(if blank { Plain::Blank } else { Plain::Row })
}

/// The quoted field whose opening quote is at `input[i]`: (the index after its closing quote,
/// whether its content was copied into `unquoted` (it had doubled quotes), and the content's
/// range there or in `input`). `None` when the input may end inside it.
#[inline]
fn quoted_field(input: &[u8], i: usize, last: bool, unquoted: &mut Vec<u8>) -> Option<(usize, bool, usize, usize)> {
    let (mut from, copy_start) = (i + 1, unquoted.len());
    let mut copied = false;
    loop {
        let q = from + memchr::memchr(b'"', &input[from..])?;
        match input.get(q + 1) {
            Some(b'"') => {
                unquoted.extend_from_slice(&input[from..=q]);
                copied = true;
                from = q + 2;
            }
            None if !last => return None,
            _ if copied => {
                unquoted.extend_from_slice(&input[from..q]);
                return Some((q + 1, true, copy_start, unquoted.len()));
            }
            _ => return Some((q + 1, false, i + 1, q)),
        }
    }
}

/// What a byte means to the line splitter.
const PLAIN: u8 = 0;
const DELIM: u8 = 1;
const NEWLINE: u8 = 2;
/// `"` or `\r`: the line goes to the full parser.
const SPECIAL: u8 = 3;

/// One record's fields: ranges into the input (a plain line) or into the parser's output.
#[derive(Debug, Default)]
struct Record {
    /// Unquoted field bytes of a record the full parser read.
    out: Vec<u8>,
    /// Parser field ends (into `out`).
    ends: Vec<usize>,
    /// Field ranges: into the input when `parsed` is false, else into `out`.
    fields: Vec<(usize, usize)>,
    parsed: bool,
}

impl Record {
    fn len(&self) -> usize {
        self.fields.len()
    }

    /// Field `i`, of a record read from `input`.
    fn field<'a>(&'a self, input: &'a [u8], i: usize) -> &'a [u8] {
        let (a, b) = self.fields[i];
        if self.parsed {
            &self.out[a..b]
        } else {
            &input[a..b]
        }
    }

    fn iter<'a>(&'a self, input: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
        (0..self.fields.len()).map(move |i| self.field(input, i))
    }

    /// Bytes of all fields together (as `csv::ByteRecord::as_slice().len()`).
    fn bytes_len(&self) -> usize {
        self.fields.iter().map(|(a, b)| b - a).sum()
    }
}

/// What [`Lines::next_record`] found.
enum Next {
    /// A record, starting on this (1-based) line.
    Record(u64),
    /// The input ends inside a record (or before one) and more input follows.
    More,
    /// No record is left.
    End,
}

/// Splits CSV text into records. Lines without `"` or `\r` (nearly all of a survey
/// export) are split at the delimiter directly; any other record is read by `csv_core`,
/// the parser of the `csv` crate, with the same settings, so fields, skipped empty lines
/// and record positions are the same as reading everything with the `csv` crate.
struct Lines {
    class: [u8; 256],
    core: ::csv_core::Reader,
    record: Record,
    /// '\n' bytes before the read position.
    newlines: u64,
}

impl Lines {
    fn new(delimiter: u8) -> Lines {
        let mut class = [PLAIN; 256];
        class[usize::from(delimiter)] = DELIM;
        class[usize::from(b'\n')] = NEWLINE;
        class[usize::from(b'"')] = SPECIAL;
        class[usize::from(b'\r')] = SPECIAL;
        let core = ::csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        let record = Record { out: vec![0; 1024], ends: vec![0; 64], ..Record::default() };
        Lines { class, core, record, newlines: 0 }
    }

    /// Reads the record at `*pos` of `input` into `self.record` and moves `*pos` past it.
    /// Unless `last`, a record the end of `input` may have cut is left unread (`More`).
    fn next_record(&mut self, input: &[u8], pos: &mut usize, last: bool) -> Next {
        // Empty lines between records are skipped (as csv_core does at a record start).
        while *pos < input.len() && matches!(input[*pos], b'\n' | b'\r') {
            self.newlines += u64::from(input[*pos] == b'\n');
            *pos += 1;
        }
        if *pos >= input.len() {
            return if last { Next::End } else { Next::More };
        }
        let start = *pos;
        let line = self.newlines + 1;
        let rec = &mut self.record;
        rec.fields.clear();
        rec.parsed = false;
        let mut field = start;
        let mut i = start;
        loop {
            let Some(&c) = input.get(i) else {
                if !last {
                    return Next::More;
                }
                rec.fields.push((field, i));
                *pos = i;
                return Next::Record(line);
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
                    *pos = i + 1;
                    self.newlines += 1;
                    return Next::Record(line);
                }
                _ => break,
            }
        }
        // A quoted field or a carriage return: the full parser, from the record start.
        rec.fields.clear();
        rec.parsed = true;
        self.core.reset();
        let (mut nin, mut nout, mut nend) = (0, 0, 0);
        loop {
            let rest = &input[start + nin..];
            if rest.is_empty() && !last {
                return Next::More;
            }
            let (res, i, o, e) = self.core.read_record(rest, &mut rec.out[nout..], &mut rec.ends[nend..]);
            (nin, nout, nend) = (nin + i, nout + o, nend + e);
            match res {
                ::csv_core::ReadRecordResult::InputEmpty => {}
                ::csv_core::ReadRecordResult::OutputFull => rec.out.resize(rec.out.len() * 2, 0),
                ::csv_core::ReadRecordResult::OutputEndsFull => rec.ends.resize(rec.ends.len() * 2, 0),
                ::csv_core::ReadRecordResult::Record => break,
                ::csv_core::ReadRecordResult::End => {
                    *pos = input.len();
                    return Next::End;
                }
            }
        }
        *pos = start + nin;
        self.newlines += input[start..*pos].iter().filter(|&&c| c == b'\n').count() as u64;
        let mut from = 0;
        for &end in &rec.ends[..nend] {
            rec.fields.push((from, end));
            from = end;
        }
        Next::Record(line)
    }
}

/// Checks the header and attaches each column; returns the slot of every field.
fn header(b: &mut RowBuilder, rec: &Record, input: &[u8]) -> Result<Vec<usize>, IngestError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut slots = Vec::with_capacity(rec.len());
    for (i, field) in rec.iter(input).enumerate() {
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

/// Where the data records start in CSV `text` (UTF-8 checked, byte-order mark removed):
/// just after the header record, as [`CsvReader::read`] reads it; `None` when `text` ends
/// before the header record does (and is not `last`, the whole text).
pub(super) fn header_end(text: &[u8], last: bool) -> Option<usize> {
    let mut lines = Lines::new(detect_delimiter(text, last)?);
    let mut pos = 0;
    match lines.next_record(text, &mut pos, last) {
        Next::Record(_) => Some(pos),
        Next::More | Next::End => None,
    }
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`;
/// `None` when `text` ends before the header line does and is not `last`.
fn detect_delimiter(text: &[u8], last: bool) -> Option<u8> {
    let (mut commas, mut semis, mut quoted) = (0usize, 0usize, false);
    let mut ended = last;
    for &c in text {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                ended = true;
                break;
            }
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    ended.then_some(if semis > commas { b';' } else { b',' })
}

#[cfg(test)]
mod tests {
    use super::{detect_delimiter, Lines, Next};

    /// Every record as (line, fields), read by the csv crate the way `read` used to.
    fn with_csv_crate(body: &[u8], delimiter: u8) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut rdr = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(body);
        let mut rec = ::csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            // The record's position, moved past the empty lines the csv crate skipped.
            let pos = rec.position().map_or(0, |p| p.byte() as usize).min(body.len());
            let start = pos + body[pos..].iter().take_while(|&&c| c == b'\n' || c == b'\r').count();
            let line = 1 + body[..start].iter().filter(|&&c| c == b'\n').count() as u64;
            out.push((line, rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// The same with [`Lines`], the body handed in cut at `cuts` (increasing offsets): each
    /// piece is appended to what was left unread, as `CsvReader`'s caller does.
    fn with_lines(body: &[u8], delimiter: u8, cuts: &[usize]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut lines = Lines::new(delimiter);
        let mut out = Vec::new();
        let mut pending: Vec<u8> = Vec::new();
        let mut from = 0;
        for (k, &to) in cuts.iter().chain([&body.len()]).enumerate() {
            let last = k == cuts.len();
            pending.extend_from_slice(&body[from..to]);
            from = to;
            let mut pos = 0;
            while let Next::Record(line) = lines.next_record(&pending, &mut pos, last) {
                out.push((line, lines.record.iter(&pending).map(<[u8]>::to_vec).collect()));
            }
            pending.drain(..pos);
        }
        out
    }

    /// Small random bodies over the bytes that matter, from a fixed seed.
    fn random_bodies(count: usize) -> Vec<Vec<u8>> {
        let alphabet = b"ab ,;\"\n\r";
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..count)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let len = (x % 40) as usize;
                (0..len)
                    .map(|i| {
                        let y = x.rotate_left(i as u32 * 5).wrapping_mul(0x2545_f491_4f6c_dd1d);
                        alphabet[(y >> 59) as usize % alphabet.len()]
                    })
                    .collect()
            })
            .collect()
    }

    const CASES: &[&[u8]] = &[
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

    #[test]
    fn fast_path_reads_what_the_csv_crate_reads() {
        let random = random_bodies(3000);
        for body in CASES.iter().copied().chain(random.iter().map(Vec::as_slice)) {
            for d in [b',', b';'] {
                assert_eq!(with_lines(body, d, &[]), with_csv_crate(body, d), "{:?}", String::from_utf8_lossy(body));
            }
        }
    }

    #[test]
    fn records_cut_between_pieces_read_the_same() {
        let random = random_bodies(400);
        for body in CASES.iter().copied().chain(random.iter().map(Vec::as_slice)) {
            let whole = with_lines(body, b',', &[]);
            for cut in 0..=body.len() {
                assert_eq!(with_lines(body, b',', &[cut]), whole, "{:?} cut at {cut}", String::from_utf8_lossy(body));
            }
            let every: Vec<usize> = (1..body.len()).collect();
            assert_eq!(with_lines(body, b',', &every), whole, "{:?} byte by byte", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn delimiter_from_the_header_line_outside_quotes() {
        assert_eq!(detect_delimiter(b"a,b,c\n1;2;3;4;5", false), Some(b','));
        assert_eq!(detect_delimiter(b"a;b;c\n1,2", false), Some(b';'));
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e\n", false), Some(b';'));
        assert_eq!(detect_delimiter(b"\"x\ny,z,w\";a\r\n1,2,3", false), Some(b';'));
        assert_eq!(detect_delimiter(b"single", true), Some(b','));
        assert_eq!(detect_delimiter(b"a;b;c", false), None, "the header line may go on");
        assert_eq!(detect_delimiter(b"\"a\n", false), None, "a quoted newline does not end it");
    }
}
