//! Reading one large CSV file in several parts at once (the dashboard's shard workers), and
//! putting the parts together into exactly the table one pass gives: the same rows in file
//! order, the same segment codes and labels, the same problems at the same lines.
//!
//! 1. A [`Splitter`] scans the file from its start for quotes and line ends and picks the
//!    part boundaries: line ends outside quotes, so a quoted line break is never cut.
//! 2. A [`ShardReader`] reads one part: the header record, then the part's bytes. Its
//!    [`Shard`] tells whether the part ended at a record boundary, and travels between
//!    workers as bytes ([`Shard::encode`], [`Shard::decode`]).
//! 3. [`merge_shards`] joins the shards in file order. It declines (`None`: read the file in one
//!    pass) when a part did not end where its record ended (quotes in the middle of a field
//!    make quote parity wrong), when a part failed (a file-level error: one pass reports the
//!    earliest one), or when the parts together pass the row limit.
//!
//! Every part begins where the previous one ended at a record boundary, and the first
//! begins after the header: so each part reads its records as one pass does.

use std::collections::HashMap;
use std::fmt;

use super::builder::MAX_PROBLEMS;
use super::chunked::ChunkedReader;
use super::table::{AnswerColumn, RankingColumn, ResponseTable, SegmentColumn, TextColumn, TextInterner, NO_SEGMENT};
use super::{csv, detect_format, strip_bom, Cause, Format, IngestOptions, IngestSummary, Ingested, JsonKind, Problem};
use crate::instrument::Instrument;

/// The most parts a file is split into.
pub const MAX_PARTS: usize = 64;

/// Picks part boundaries of a CSV file from its bytes, read from the start
/// ([`Splitter::push`] piece by piece while [`Splitter::wanted`]).
///
/// ```
/// use secpulse::ingest::{IngestOptions, Splitter};
///
/// let csv = b"a,b\n1,\"two\nlines\"\n3,4\n5,6\n";
/// let mut splitter = Splitter::new(csv, csv.len(), 3, &IngestOptions::default()).unwrap();
/// splitter.push(csv);
/// // Data starts at 4; the boundary wanted near 11 is moved past the quoted line break.
/// assert_eq!(splitter.bounds(), [4, 18, 22, 26]);
/// ```
#[derive(Debug, Clone)]
pub struct Splitter {
    /// Offsets at or after which a boundary is wanted, in increasing order.
    targets: Vec<usize>,
    /// The data start, then the boundaries found so far.
    bounds: Vec<usize>,
    size: usize,
    /// Bytes scanned so far.
    at: usize,
    /// True when byte `at` is inside quotes (an odd number of quotes before it).
    quoted: bool,
}

impl Splitter {
    /// A splitter of a file of `size` bytes that starts with `head`, into up to `parts` parts
    /// of about equal size; `None` when the file is not CSV, `head` does not hold the whole
    /// header record, or the file is over the size limit (one pass says so).
    pub fn new(head: &[u8], size: usize, parts: usize, options: &IngestOptions) -> Option<Splitter> {
        if detect_format(head) != Format::Csv || size > options.limits.max_bytes || head.len() > size {
            return None;
        }
        let bom = head.len() - strip_bom(head).len();
        let start = bom + csv::header_end(&head[bom..], head.len() == size)?;
        let parts = parts.clamp(1, MAX_PARTS);
        let data = size - start;
        let targets = (1..parts).map(|k| start + data * k / parts).collect();
        Some(Splitter { targets, bounds: vec![start], size, at: 0, quoted: false })
    }

    /// True while more bytes are needed to place the boundaries.
    pub fn wanted(&self) -> bool {
        self.bounds.len() <= self.targets.len() && self.at < self.size
    }

    /// Scans the next piece of the file.
    pub fn push(&mut self, piece: &[u8]) {
        let mut i = 0;
        while i < piece.len() && self.wanted() {
            let target = self.targets[self.bounds.len() - 1];
            let from = target.saturating_sub(self.at).max(i);
            if from > i {
                // Before the target only the quotes count.
                let end = from.min(piece.len());
                self.quoted ^= memchr::memchr_iter(b'"', &piece[i..end]).count() % 2 == 1;
                i = end;
                continue;
            }
            match memchr::memchr2(b'"', b'\n', &piece[i..]) {
                None => i = piece.len(),
                Some(j) => {
                    let p = i + j;
                    if piece[p] == b'"' {
                        self.quoted = !self.quoted;
                    } else if !self.quoted {
                        self.bounds.push(self.at + p + 1);
                    }
                    i = p + 1;
                }
            }
        }
        self.at += piece.len();
    }

    /// The part boundaries: the data start, the boundaries found, and the file's end; part
    /// `k` is bytes `bounds[k]..bounds[k + 1]` (none is empty, unless the file has no data).
    pub fn bounds(&self) -> Vec<usize> {
        let mut bounds: Vec<usize> = self.bounds.iter().copied().filter(|&b| b < self.size).collect();
        if bounds.is_empty() {
            bounds.push(self.size);
        }
        bounds.push(self.size);
        bounds
    }
}

/// Reads one part of a CSV file: the file's header (bytes `..bounds[0]` of the
/// [`Splitter`]), then the part's bytes, pushed in order in pieces of any size.
pub struct ShardReader {
    reader: ChunkedReader,
    header_newlines: u64,
}

impl ShardReader {
    /// A reader of `instrument`'s responses, given the file's `header`; `size` is the part's
    /// length (for sizing the table).
    pub fn new(instrument: &Instrument, options: &IngestOptions, header: &[u8], size: usize) -> ShardReader {
        let mut reader = ChunkedReader::new(instrument, Some(Format::Csv), options).with_size_hint(header.len() + size);
        reader.push(header);
        let header_newlines = memchr::memchr_iter(b'\n', header).count() as u64;
        ShardReader { reader, header_newlines }
    }

    /// Reads the next piece of the part.
    pub fn push(&mut self, piece: &[u8]) {
        self.reader.push(piece);
    }

    /// What the part held, once every piece was pushed.
    pub fn finish(self) -> Shard {
        let aligned = self.reader.unread() == 0;
        let newlines = self.reader.newlines_pushed().saturating_sub(self.header_newlines);
        Shard { read: self.reader.finish().ok(), newlines, aligned }
    }
}

/// What one part of a file held.
#[derive(Debug, Clone, PartialEq)]
pub struct Shard {
    /// The part's rows (row and line numbers counted from the part's start, after the
    /// header's lines); `None` when reading it failed.
    pub read: Option<Ingested>,
    /// '\n' bytes in the part.
    pub newlines: u64,
    /// True when the part ended at the end of a record.
    pub aligned: bool,
}

/// Joins the shards of one file, in file order, into what one pass over the file gives;
/// `None` when it cannot vouch for that (see the module's description): then read the file
/// in one pass.
pub fn merge_shards(shards: Vec<Shard>, options: &IngestOptions) -> Option<Ingested> {
    let last = shards.len().checked_sub(1)?;
    let max_rows = options.limits.max_rows.min(u32::MAX as usize - 1);
    let mut parts = Vec::with_capacity(shards.len());
    let mut rows_read = 0;
    for (k, shard) in shards.into_iter().enumerate() {
        let read = shard.read?;
        if !shard.aligned && k < last {
            return None;
        }
        rows_read += read.summary.rows_read;
        parts.push((read, shard.newlines));
    }
    if rows_read > max_rows {
        return None;
    }
    let kept = parts.iter().map(|(read, _)| read.table.rows).sum();
    let mut parts = parts.into_iter();
    let (first, mut lines) = parts.next()?;
    let mut merged = Merged::new(first, kept);
    for (read, newlines) in parts {
        merged.append(read, lines)?;
        lines += newlines;
    }
    Some(merged.done())
}

/// The shards joined so far.
struct Merged {
    table: ResponseTable,
    summary: IngestSummary,
    /// Per segment column: label → code in the joined table.
    codes: Vec<HashMap<String, u32>>,
}

impl Merged {
    /// The first shard, with room for `rows` rows in all.
    fn new(first: Ingested, rows: usize) -> Merged {
        let Ingested { mut table, summary } = first;
        for c in &mut table.answers {
            c.values.reserve(rows - table.rows);
        }
        for c in &mut table.segments {
            c.codes.reserve(rows - table.rows);
        }
        let codes = table.segments.iter().map(|s| s.labels.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect()).collect();
        Merged { table, summary, codes }
    }

    /// Appends the next shard, whose part starts after `lines` '\n' bytes of data; `None` when
    /// its columns are not the first shard's.
    fn append(&mut self, read: Ingested, lines: u64) -> Option<()> {
        let Ingested { table, summary } = read;
        let (rows_before, read_before) = (self.table.rows as u32, self.summary.rows_read as u64);
        let t = &mut self.table;
        if !same_columns(t, &table) {
            return None;
        }
        for (mine, theirs) in t.answers.iter_mut().zip(table.answers) {
            mine.values.extend_from_slice(&theirs.values);
        }
        for ((mine, theirs), codes) in t.segments.iter_mut().zip(table.segments).zip(&mut self.codes) {
            let map: Vec<u32> = theirs.labels.into_iter().map(|label| code_of(mine, codes, label)).collect();
            mine.codes.extend(theirs.codes.iter().map(|c| map.get(c as usize).copied().unwrap_or(NO_SEGMENT)));
        }
        for (mine, theirs) in t.texts.iter_mut().zip(table.texts) {
            mine.entries.extend(theirs.entries.into_iter().map(|(r, s)| (r + rows_before, s)));
        }
        for (mine, theirs) in t.rankings.iter_mut().chain(t.selections.iter_mut()).zip(table.rankings.into_iter().chain(table.selections)) {
            mine.entries.extend(theirs.entries.into_iter().map(|(r, o)| (r + rows_before, o)));
        }
        t.rows += table.rows;
        let s = &mut self.summary;
        s.rows_read += summary.rows_read;
        s.rows_kept += summary.rows_kept;
        s.rows_skipped += summary.rows_skipped;
        s.problems_total += summary.problems_total;
        let room = MAX_PROBLEMS.saturating_sub(s.problems.len());
        s.problems.extend(summary.problems.into_iter().take(room).map(|mut p| {
            p.line += lines;
            p.row += read_before;
            p
        }));
        Some(())
    }

    fn done(self) -> Ingested {
        Ingested { table: self.table, summary: self.summary }
    }
}

/// True when both tables have the same columns in the same order.
fn same_columns(a: &ResponseTable, b: &ResponseTable) -> bool {
    let ids = |t: &ResponseTable| -> Vec<String> {
        let answers = t.answers.iter().map(|c| &c.id);
        let segments = t.segments.iter().map(|c| &c.name);
        let texts = t.texts.iter().map(|c| &c.id);
        let lists = t.rankings.iter().chain(&t.selections).map(|c| &c.id);
        answers.chain(segments).chain(texts).chain(lists).cloned().collect()
    };
    let kinds = |t: &ResponseTable| [t.answers.len(), t.segments.len(), t.texts.len(), t.rankings.len(), t.selections.len()];
    kinds(a) == kinds(b) && ids(a) == ids(b)
}

/// The code of `label` in `column` (whose codes are in `codes`), adding it when new.
fn code_of(column: &mut SegmentColumn, codes: &mut HashMap<String, u32>, label: String) -> u32 {
    if let Some(&code) = codes.get(&label) {
        return code;
    }
    let code = column.labels.len() as u32;
    column.labels.push(label.clone());
    codes.insert(label, code);
    code
}

/// Bytes that are not a shard of this version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadShard(&'static str);

impl fmt::Display for BadShard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a shard of a file read in parts: {}", self.0)
    }
}

impl std::error::Error for BadShard {}

/// The first bytes of an encoded shard.
const MAGIC: &[u8; 4] = b"SPS1";

impl Shard {
    /// The shard as bytes (for handing from one worker to another); [`Shard::decode`] reads
    /// them back. Column values are stored as they are in memory, segment codes in as few
    /// bytes as their labels need, the summary field by field.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.read.as_ref().map_or(64, |r| encoded_size(&r.table)));
        out.extend_from_slice(MAGIC);
        out.push(u8::from(self.aligned));
        put_u64(&mut out, self.newlines);
        let Some(read) = &self.read else {
            out.push(0);
            return out;
        };
        out.push(1);
        encode_summary(&mut out, &read.summary);
        encode_table(&mut out, &read.table);
        out
    }

    /// The shard [`Shard::encode`] wrote.
    pub fn decode(bytes: &[u8]) -> Result<Shard, BadShard> {
        let mut r = Cursor { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(BadShard("wrong start"));
        }
        let aligned = r.u8()? == 1;
        let newlines = r.u64()?;
        let read = match r.u8()? {
            0 => None,
            _ => {
                let summary = decode_summary(&mut r)?;
                Some(Ingested { table: decode_table(&mut r)?, summary })
            }
        };
        if r.pos != bytes.len() {
            return Err(BadShard("bytes after the end"));
        }
        Ok(Shard { read, newlines, aligned })
    }
}

/// About how many bytes `table` takes encoded.
fn encoded_size(table: &ResponseTable) -> usize {
    let texts: usize = table.texts.iter().flat_map(|c| &c.entries).map(|(_, s)| s.len() + 8).sum();
    1024 + table.rows * (table.answers.len() + 4 * table.segments.len()) + texts
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32(out, bytes.len() as u32);
    out.extend_from_slice(bytes);
}

/// A count, then each text ([`Cursor::strings`] reads them back).
fn put_strings(out: &mut Vec<u8>, texts: &[String]) {
    put_u32(out, texts.len() as u32);
    for text in texts {
        put_bytes(out, text.as_bytes());
    }
}

/// Writes `summary` ([`decode_summary`] reads it back): the counts as u64, then the problems
/// and the two column lists.
fn encode_summary(out: &mut Vec<u8>, summary: &IngestSummary) {
    let IngestSummary { rows_read, rows_kept, rows_skipped, problems, problems_total, extra_columns, absent_columns } = summary;
    for n in [rows_read, rows_kept, rows_skipped, problems_total] {
        put_u64(out, *n as u64);
    }
    put_u32(out, problems.len() as u32);
    for p in problems {
        encode_problem(out, p);
    }
    put_strings(out, extra_columns);
    put_strings(out, absent_columns);
}

/// Writes `problem` ([`decode_problem`] reads it back); a missing column is a 0 byte, a
/// column is a 1 byte and its name.
fn encode_problem(out: &mut Vec<u8>, problem: &Problem) {
    let Problem { line, row, column, message, cause } = problem;
    put_u64(out, *line);
    put_u64(out, *row);
    match column {
        None => out.push(0),
        Some(column) => {
            out.push(1);
            put_bytes(out, column.as_bytes());
        }
    }
    put_bytes(out, message.as_bytes());
    encode_cause(out, cause);
}

/// Writes `cause` ([`decode_cause`] reads it back): a tag byte per variant, then its fields
/// in order. The match lists every variant, so a new one cannot be left out.
fn encode_cause(out: &mut Vec<u8>, cause: &Cause) {
    let text = |out: &mut Vec<u8>, tag: u8, text: &String| {
        out.push(tag);
        put_bytes(out, text.as_bytes());
    };
    match cause {
        Cause::OutsideScale { value, min, max } => {
            text(out, 0, value);
            out.extend_from_slice(&[*min, *max]);
        }
        Cause::NotWhole { value, min, max } => {
            text(out, 1, value);
            out.extend_from_slice(&[*min, *max]);
        }
        Cause::NotNumber { value } => text(out, 2, value),
        Cause::UnknownOption { value, question, options, total } => {
            text(out, 3, value);
            put_bytes(out, question.as_bytes());
            put_strings(out, options);
            put_u64(out, *total as u64);
        }
        Cause::GivenTwice { column } => text(out, 4, column),
        Cause::NotUtf8 => out.push(5),
        Cause::ReservedForBlank { value } => text(out, 6, value),
        Cause::EmptyRankingItem => out.push(7),
        Cause::EmptyAnswerItem => out.push(8),
        Cause::RankedTwice { value } => text(out, 9, value),
        Cause::ChosenTwice { value } => text(out, 10, value),
        Cause::NoneWithOthers { option } => text(out, 11, option),
        Cause::WrongFieldCount { found, expected } => {
            out.push(12);
            put_u64(out, *found as u64);
            put_u64(out, *expected as u64);
        }
        Cause::RowNotObject { found } => out.extend_from_slice(&[13, kind_byte(*found)]),
        Cause::EmptyKey => out.push(14),
        Cause::RankingItemNotText { found } => out.extend_from_slice(&[15, kind_byte(*found)]),
        Cause::NotSingleValue { found } => out.extend_from_slice(&[16, kind_byte(*found)]),
    }
}

/// The byte that stands for `kind` ([`Cursor::kind`] reads it back).
fn kind_byte(kind: JsonKind) -> u8 {
    match kind {
        JsonKind::Array => 0,
        JsonKind::Object => 1,
        JsonKind::String => 2,
        JsonKind::Number => 3,
        JsonKind::Bool => 4,
        JsonKind::Null => 5,
    }
}

/// Bytes per segment code for a column of `labels` labels (the largest value stands for blank).
fn code_width(labels: usize) -> u8 {
    match labels {
        0..=254 => 1,
        255..=65_534 => 2,
        _ => 4,
    }
}

fn encode_table(out: &mut Vec<u8>, t: &ResponseTable) {
    put_u32(out, t.rows as u32);
    put_u32(out, t.answers.len() as u32);
    for c in &t.answers {
        put_bytes(out, c.id.as_bytes());
        put_bytes(out, &c.values);
    }
    put_u32(out, t.segments.len() as u32);
    for c in &t.segments {
        put_bytes(out, c.name.as_bytes());
        put_strings(out, &c.labels);
        let width = code_width(c.labels.len());
        out.push(width);
        for code in c.codes.iter() {
            out.extend_from_slice(&code.to_le_bytes()[..usize::from(width)]);
        }
    }
    put_u32(out, t.texts.len() as u32);
    for c in &t.texts {
        put_bytes(out, c.id.as_bytes());
        put_u32(out, c.entries.len() as u32);
        for (row, text) in &c.entries {
            put_u32(out, *row);
            put_bytes(out, text.as_bytes());
        }
    }
    for lists in [&t.rankings, &t.selections] {
        put_u32(out, lists.len() as u32);
        for c in lists {
            put_bytes(out, c.id.as_bytes());
            put_u32(out, c.entries.len() as u32);
            for (row, options) in &c.entries {
                put_u32(out, *row);
                put_bytes(out, options);
            }
        }
    }
}

/// Reads an encoded shard, checking every length against what is left.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadShard> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(BadShard("cut short"))?;
        let got = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(got)
    }

    fn u8(&mut self) -> Result<u8, BadShard> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, BadShard> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, BadShard> {
        Ok(u64::from(self.u32()?) | u64::from(self.u32()?) << 32)
    }

    /// A count of items that take at least `min` bytes each (so a bad count cannot ask for
    /// more memory than the bytes could hold).
    fn count(&mut self, min: usize) -> Result<usize, BadShard> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min) > self.bytes.len() - self.pos {
            return Err(BadShard("count too large"));
        }
        Ok(n)
    }

    fn bytes(&mut self) -> Result<&'a [u8], BadShard> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn string(&mut self) -> Result<String, BadShard> {
        self.text().map(str::to_string)
    }

    /// A text written by [`put_bytes`], borrowed from the input.
    fn text(&mut self) -> Result<&str, BadShard> {
        std::str::from_utf8(self.bytes()?).map_err(|_| BadShard("text is not UTF-8"))
    }

    /// Texts written by [`put_strings`].
    fn strings(&mut self) -> Result<Vec<String>, BadShard> {
        (0..self.count(4)?).map(|_| self.string()).collect()
    }

    /// A count written as u64, which must fit in a `usize`.
    fn usize(&mut self) -> Result<usize, BadShard> {
        usize::try_from(self.u64()?).map_err(|_| BadShard("number too large"))
    }

    /// A JSON kind written by [`kind_byte`].
    fn kind(&mut self) -> Result<JsonKind, BadShard> {
        Ok(match self.u8()? {
            0 => JsonKind::Array,
            1 => JsonKind::Object,
            2 => JsonKind::String,
            3 => JsonKind::Number,
            4 => JsonKind::Bool,
            5 => JsonKind::Null,
            _ => return Err(BadShard("unknown JSON kind")),
        })
    }

    /// A row number below `rows`.
    fn row(&mut self, rows: usize) -> Result<u32, BadShard> {
        let row = self.u32()?;
        if row as usize >= rows {
            return Err(BadShard("row out of range"));
        }
        Ok(row)
    }
}

/// The summary [`encode_summary`] wrote.
fn decode_summary(r: &mut Cursor<'_>) -> Result<IngestSummary, BadShard> {
    let (rows_read, rows_kept, rows_skipped, problems_total) = (r.usize()?, r.usize()?, r.usize()?, r.usize()?);
    // A problem takes at least 22 bytes: line, row, column flag, message length, cause tag.
    let problems = (0..r.count(22)?).map(|_| decode_problem(r)).collect::<Result<_, _>>()?;
    Ok(IngestSummary {
        rows_read,
        rows_kept,
        rows_skipped,
        problems,
        problems_total,
        extra_columns: r.strings()?,
        absent_columns: r.strings()?,
    })
}

/// The problem [`encode_problem`] wrote.
fn decode_problem(r: &mut Cursor<'_>) -> Result<Problem, BadShard> {
    let (line, row) = (r.u64()?, r.u64()?);
    let column = match r.u8()? {
        0 => None,
        1 => Some(r.string()?),
        _ => return Err(BadShard("problem column flag")),
    };
    Ok(Problem { line, row, column, message: r.string()?, cause: decode_cause(r)? })
}

/// The cause [`encode_cause`] wrote.
fn decode_cause(r: &mut Cursor<'_>) -> Result<Cause, BadShard> {
    Ok(match r.u8()? {
        0 => Cause::OutsideScale { value: r.string()?, min: r.u8()?, max: r.u8()? },
        1 => Cause::NotWhole { value: r.string()?, min: r.u8()?, max: r.u8()? },
        2 => Cause::NotNumber { value: r.string()? },
        3 => Cause::UnknownOption { value: r.string()?, question: r.string()?, options: r.strings()?, total: r.usize()? },
        4 => Cause::GivenTwice { column: r.string()? },
        5 => Cause::NotUtf8,
        6 => Cause::ReservedForBlank { value: r.string()? },
        7 => Cause::EmptyRankingItem,
        8 => Cause::EmptyAnswerItem,
        9 => Cause::RankedTwice { value: r.string()? },
        10 => Cause::ChosenTwice { value: r.string()? },
        11 => Cause::NoneWithOthers { option: r.string()? },
        12 => Cause::WrongFieldCount { found: r.usize()?, expected: r.usize()? },
        13 => Cause::RowNotObject { found: r.kind()? },
        14 => Cause::EmptyKey,
        15 => Cause::RankingItemNotText { found: r.kind()? },
        16 => Cause::NotSingleValue { found: r.kind()? },
        _ => return Err(BadShard("unknown problem kind")),
    })
}

fn decode_table(r: &mut Cursor<'_>) -> Result<ResponseTable, BadShard> {
    let rows = r.u32()? as usize;
    let mut t = ResponseTable { rows, ..ResponseTable::default() };
    for _ in 0..r.count(8)? {
        let id = r.string()?;
        let values = r.bytes()?;
        if values.len() != rows {
            return Err(BadShard("answer column length"));
        }
        t.answers.push(AnswerColumn { id, values: values.to_vec() });
    }
    for _ in 0..r.count(9)? {
        let name = r.string()?;
        let labels = r.strings()?;
        let width = r.u8()?;
        if width != code_width(labels.len()) {
            return Err(BadShard("code width"));
        }
        let raw = r.take(rows.checked_mul(usize::from(width)).ok_or(BadShard("segment column length"))?)?;
        let blank = if width == 4 { NO_SEGMENT } else { (1u32 << (8 * u32::from(width))) - 1 };
        let codes = raw
            .chunks_exact(usize::from(width))
            .map(|b| {
                let code = b.iter().rev().fold(0u32, |v, &x| v << 8 | u32::from(x));
                if code == blank || code as usize >= labels.len() {
                    NO_SEGMENT
                } else {
                    code
                }
            })
            .collect();
        t.segments.push(SegmentColumn { name, labels, codes });
    }
    let mut interner = TextInterner::default();
    for _ in 0..r.count(8)? {
        let id = r.string()?;
        let entries = (0..r.count(8)?).map(|_| Ok((r.row(rows)?, interner.intern(r.text()?)))).collect::<Result<Vec<_>, BadShard>>()?;
        t.texts.push(TextColumn { id, entries });
    }
    for selections in [false, true] {
        let mut lists = Vec::new();
        for _ in 0..r.count(8)? {
            let id = r.string()?;
            let entries = (0..r.count(8)?).map(|_| Ok((r.row(rows)?, r.bytes()?.to_vec()))).collect::<Result<Vec<_>, BadShard>>()?;
            lists.push(RankingColumn { id, entries });
        }
        if selections {
            t.selections = lists;
        } else {
            t.rankings = lists;
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_skip_quoted_line_breaks() {
        let csv = b"\xEF\xBB\xBF\n\"h\n1\",b\n1,\"x\ny\nz\"\n2,3\n";
        let mut s = Splitter::new(csv, csv.len(), 4, &IngestOptions::default()).unwrap();
        for piece in csv.chunks(3) {
            s.push(piece);
        }
        // Header (after the mark and a blank line) ends at 12; one boundary lies after the
        // quoted record, the one wanted in the last record falls at the end of the file.
        assert_eq!(s.bounds(), [12, 22, 26]);
        assert!(!s.wanted());
    }

    #[test]
    fn no_split_of_json_or_an_unfinished_header() {
        let o = IngestOptions::default();
        assert!(Splitter::new(b"[{\"a\": 1}]", 10, 2, &o).is_none());
        assert!(Splitter::new(b"a,\"b\n", 100, 2, &o).is_none());
        let small = IngestOptions { limits: super::super::Limits { max_bytes: 10, ..Default::default() }, ..o };
        assert!(Splitter::new(b"a,b\n1,2\n3,4\n", 12, 2, &small).is_none());
    }

    #[test]
    fn codes_round_trip_in_every_width() {
        for labels in [3usize, 300, 70_000] {
            let labels: Vec<String> = (0..labels).map(|i| i.to_string()).collect();
            let n = labels.len() as u32;
            let codes = vec![0, n - 1, NO_SEGMENT, n / 2].into();
            let table = ResponseTable { rows: 4, segments: vec![SegmentColumn { name: "s".into(), labels, codes }], ..Default::default() };
            let shard = Shard { read: Some(Ingested { table, summary: IngestSummary::default() }), newlines: 7, aligned: true };
            assert_eq!(Shard::decode(&shard.encode()), Ok(shard));
        }
    }

    /// One of every cause (and every JSON kind).
    fn every_cause() -> Vec<Cause> {
        let text = |s: &str| s.to_string();
        vec![
            Cause::OutsideScale { value: text("\"7\""), min: 1, max: 5 },
            Cause::NotWhole { value: text("2.5"), min: 0, max: 10 },
            Cause::NotNumber { value: text("\"seven\"") },
            Cause::UnknownOption { value: text("\"z\""), question: text("q1"), options: vec![text("a"), text("b")], total: 12 },
            Cause::GivenTwice { column: text("en1") },
            Cause::NotUtf8,
            Cause::ReservedForBlank { value: text("\"(blank)\"") },
            Cause::EmptyRankingItem,
            Cause::EmptyAnswerItem,
            Cause::RankedTwice { value: text("\"a\"") },
            Cause::ChosenTwice { value: text("\"b\"") },
            Cause::NoneWithOthers { option: text("none") },
            Cause::WrongFieldCount { found: 3, expected: usize::MAX },
            Cause::RowNotObject { found: JsonKind::Array },
            Cause::RowNotObject { found: JsonKind::String },
            Cause::EmptyKey,
            Cause::RankingItemNotText { found: JsonKind::Number },
            Cause::RankingItemNotText { found: JsonKind::Null },
            Cause::NotSingleValue { found: JsonKind::Object },
            Cause::NotSingleValue { found: JsonKind::Bool },
        ]
    }

    /// A shard whose summary has every field set, with a problem of every cause.
    fn shard_with_problems() -> Shard {
        let problems = every_cause()
            .into_iter()
            .enumerate()
            .map(|(i, cause)| Problem::new(i as u64 + 2, u64::MAX - i as u64, (i % 2 == 0).then(|| format!("q{i}")), cause))
            .collect();
        let summary = IngestSummary {
            rows_read: 40,
            rows_kept: 20,
            rows_skipped: 20,
            problems,
            problems_total: 123,
            extra_columns: vec!["wave".into(), "team é".into()],
            absent_columns: vec!["q9".into()],
        };
        let table = ResponseTable { rows: 1, answers: vec![AnswerColumn { id: "q1".into(), values: vec![3] }], ..Default::default() };
        Shard { read: Some(Ingested { table, summary }), newlines: 41, aligned: true }
    }

    #[test]
    fn every_cause_and_the_whole_summary_round_trip() {
        for cause in every_cause() {
            let mut bytes = Vec::new();
            encode_cause(&mut bytes, &cause);
            let mut r = Cursor { bytes: &bytes, pos: 0 };
            assert_eq!(decode_cause(&mut r), Ok(cause));
            assert_eq!(r.pos, bytes.len());
        }
        let shard = shard_with_problems();
        assert_eq!(Shard::decode(&shard.encode()), Ok(shard));
    }

    #[test]
    fn cut_or_garbled_summaries_are_an_error_not_a_panic() {
        let bytes = shard_with_problems().encode();
        for cut in 0..bytes.len() {
            assert!(Shard::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            for garble in [0x01, 0x80, 0xff] {
                let mut garbled = bytes.clone();
                garbled[at] ^= garble;
                let _ = Shard::decode(&garbled);
            }
        }
        for bad in [[200u8].as_slice(), &[13, 6], &[15, 255]] {
            assert!(decode_cause(&mut Cursor { bytes: bad, pos: 0 }).is_err());
        }
    }

    #[test]
    fn bad_bytes_are_an_error() {
        let shard = Shard {
            read: Some(Ingested { table: ResponseTable::default(), summary: IngestSummary::default() }),
            newlines: 0,
            aligned: false,
        };
        let bytes = shard.encode();
        for cut in 0..bytes.len() {
            assert!(Shard::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Shard::decode(b"SPS1\x01\0\0\0\0\0\0\0\0\x01\xff\xff\xff\xff").is_err());
    }
}
