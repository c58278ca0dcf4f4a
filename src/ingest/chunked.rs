//! Reading a response file handed in piece by piece (a file read in chunks, a browser
//! `File` read slice by slice), so that the whole file is never held in memory at once.
//!
//! The result is exactly that of reading the whole file in one piece: the same table, the
//! same problems at the same lines, and the same error when the file is bad (the checks
//! of the whole file, such as its size and UTF-8, come first, as they do there).

use super::csv::CsvReader;
use super::error::IngestError;
use super::{read_responses, Format, IngestOptions, Ingested, ResponseTable};
use crate::instrument::Instrument;

/// Bytes of a pushed piece read at a time.
const WINDOW: usize = 1 << 20;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a response file from consecutive pieces of any size: [`ChunkedReader::push`] each
/// piece in order, then [`ChunkedReader::finish`].
///
/// CSV is read as it comes (only a record cut by the end of a piece is kept for the next
/// one); JSON is kept until `finish` and read then.
///
/// ```
/// use secpulse::ingest::{read_responses, ChunkedReader, Format, IngestOptions};
/// use secpulse::instrument::Instrument;
///
/// let instrument = Instrument::default_instrument();
/// let others: Vec<&str> = instrument.questions().map(|q| q.id()).filter(|&id| id != "en1").collect();
/// let blanks = ",".repeat(others.len());
/// let csv = format!("en1,{}\n4{blanks}\n7{blanks}\n", others.join(","));
/// let mut reader = ChunkedReader::new(&instrument, None, &IngestOptions::default());
/// for piece in csv.as_bytes().chunks(5) {
///     reader.push(piece);
/// }
/// let read = reader.finish().unwrap();
/// let whole = read_responses(&instrument, csv.as_bytes(), Format::Csv, &IngestOptions::default()).unwrap();
/// assert_eq!(read, whole);
/// assert_eq!(read.summary.problems[0].to_string(), "line 3 (row 2), column en1: \"7\" is outside 1–5");
/// ```
pub struct ChunkedReader {
    instrument: Instrument,
    options: IngestOptions,
    /// The format, once given or told by the first non-blank byte.
    format: Option<Format>,
    /// The expected size of the whole file (0: unknown), for sizing the table.
    size_hint: usize,
    /// Bytes pushed so far.
    total: usize,
    /// Bytes pushed but not read yet; `pending[0]` is byte `base` of the file.
    pending: Vec<u8>,
    base: usize,
    /// How many bytes of `pending` are known to be UTF-8.
    checked: usize,
    /// The length of the byte-order mark (0 or 3), once the first bytes are in.
    bom: Option<usize>,
    /// '\n' bytes before `base`.
    newlines: u64,
    /// True once a byte other than ASCII whitespace was seen (after the mark).
    content: bool,
    csv: Option<CsvReader>,
    /// Why reading stopped: what `finish` reports unless a check of the whole file fails.
    failed: Option<IngestError>,
    /// The file is not UTF-8 here; nothing more is read.
    invalid: Option<IngestError>,
}

impl ChunkedReader {
    /// A reader of `instrument`'s responses in `format` (`None`: told by the first non-blank
    /// byte, as [`super::detect_format`] does).
    pub fn new(instrument: &Instrument, format: Option<Format>, options: &IngestOptions) -> ChunkedReader {
        ChunkedReader {
            instrument: instrument.clone(),
            options: *options,
            format,
            size_hint: 0,
            total: 0,
            pending: Vec::new(),
            base: 0,
            checked: 0,
            bom: None,
            newlines: 0,
            content: false,
            csv: None,
            failed: None,
            invalid: None,
        }
    }

    /// The same reader, told that the file will be about `bytes` long (so the table is
    /// sized once instead of growing).
    pub fn with_size_hint(mut self, bytes: usize) -> ChunkedReader {
        self.size_hint = bytes;
        self
    }

    /// Bytes pushed so far.
    pub fn bytes_pushed(&self) -> usize {
        self.total
    }

    /// The whole file, when it is JSON (kept whole until [`Self::finish`]) and nothing
    /// stopped the reading (it is not too large and is UTF-8 so far).
    pub fn json_text(&self) -> Option<&[u8]> {
        (self.format == Some(Format::Json) && !self.stopped()).then_some(&self.pending[..])
    }

    /// Bytes pushed but not read yet: the start of a record the last piece cut (0 when the
    /// pieces so far end at a record boundary, or reading stopped).
    pub(crate) fn unread(&self) -> usize {
        self.pending.len()
    }

    /// '\n' bytes pushed so far (CSV that is UTF-8 so far).
    pub(crate) fn newlines_pushed(&self) -> u64 {
        self.newlines + count_newlines(&self.pending)
    }

    /// Reads the next piece of the file.
    pub fn push(&mut self, piece: &[u8]) {
        self.push_with_progress(piece, &mut |_, _| {});
    }

    /// [`Self::push`], calling `progress(bytes read, rows so far)` every 65,536 rows.
    pub fn push_with_progress(&mut self, piece: &[u8], progress: &mut dyn FnMut(usize, usize)) {
        // A large piece is read a window at a time: each is checked for UTF-8 and then split
        // while it is still in the processor's cache.
        for window in piece.chunks(WINDOW) {
            self.push_window(window, progress);
        }
    }

    /// Reads the next window of the file.
    fn push_window(&mut self, piece: &[u8], progress: &mut dyn FnMut(usize, usize)) {
        self.total += piece.len();
        if self.stopped() {
            return;
        }
        if self.total > self.options.limits.max_bytes {
            // The file is too large: that is the answer, whatever else is in it.
            (self.pending, self.csv) = (Vec::new(), None);
            return;
        }
        let mut piece = piece;
        if !self.pending.is_empty() && self.pending.len() < WINDOW {
            // Complete the record the last window cut with this window's first line, so that
            // the rest is read straight from the window instead of copied after it. Where that
            // is not enough (a quoted line break, JSON, a line longer than the window), the
            // whole window joins the unread bytes; once those are a window long, later windows
            // join them whole without trying this first.
            let head = memchr::memchr(b'\n', piece).map_or(piece.len(), |k| k + 1);
            self.pending.extend_from_slice(&piece[..head]);
            self.read_pending(progress);
            if self.stopped() {
                return; // not UTF-8: nothing more is read
            }
            piece = &piece[head..];
            if piece.is_empty() {
                return;
            }
        }
        if !self.pending.is_empty() {
            self.pending.extend_from_slice(piece);
            return self.read_pending(progress);
        }
        // Read straight from the piece; keep only what is left unread.
        let used = self.advance(piece, false, progress);
        self.pending.extend_from_slice(&piece[used..]);
    }

    /// Reads what it can of the unread bytes, and keeps the rest.
    fn read_pending(&mut self, progress: &mut dyn FnMut(usize, usize)) {
        let pending = std::mem::take(&mut self.pending);
        let used = self.advance(&pending, false, progress);
        self.pending = pending;
        self.pending.drain(..used);
    }

    /// The rows read so far, moved out, once at least `min_rows` of them are ready (CSV only:
    /// JSON is read at [`ChunkedReader::finish`]). The rows taken are no longer in the table
    /// `finish` returns; what it reports (rows read, kept and skipped, problems and their line
    /// numbers, errors) stays that of the whole file. Scoring a large file piece by piece
    /// takes its rows this way, so the whole table is never held.
    pub fn take_rows(&mut self, min_rows: usize) -> Option<ResponseTable> {
        self.csv.as_mut()?.take_rows(min_rows)
    }

    /// The responses, once every piece was pushed; the same result as [`read_responses`]
    /// of the whole file.
    pub fn finish(self) -> Result<Ingested, IngestError> {
        self.finish_with_progress(&mut |_, _| {})
    }

    /// [`Self::finish`], calling `progress` for the last rows and once at the end.
    pub fn finish_with_progress(mut self, progress: &mut dyn FnMut(usize, usize)) -> Result<Ingested, IngestError> {
        let max = self.options.limits.max_bytes;
        if self.total > max {
            return Err(IngestError::Limit { limit: "max_bytes", value: max, at: None });
        }
        if !self.stopped() {
            let pending = std::mem::take(&mut self.pending);
            self.advance(&pending, true, progress);
            self.pending = pending;
        }
        if let Some(e) = self.invalid {
            return Err(e);
        }
        if !self.content {
            return Err(IngestError::Empty);
        }
        if let Some(e) = self.failed {
            return Err(e);
        }
        match (self.format, self.csv) {
            // JSON (kept whole in `pending`) is read as one piece.
            (Some(Format::Json), _) => read_responses(&self.instrument, &self.pending, Format::Json, &self.options),
            (_, Some(csv)) => {
                let bom = self.bom.unwrap_or(0);
                csv.finish(self.total - bom, &mut |bytes, rows| progress(bytes + bom, rows))
            }
            _ => Err(IngestError::Empty),
        }
    }

    /// True once nothing more can change the answer (too large, or not UTF-8).
    fn stopped(&self) -> bool {
        self.invalid.is_some() || self.total > self.options.limits.max_bytes
    }

    /// Reads what it can of `data` (the unread bytes, from byte `base` of the file; `last`
    /// when no more follow); returns how many bytes of `data` are done with.
    fn advance(&mut self, data: &[u8], last: bool, progress: &mut dyn FnMut(usize, usize)) -> usize {
        let bom = match self.bom {
            Some(bom) => bom,
            None if data.len() < BOM.len() && BOM.starts_with(data) && !last => return 0,
            None => *self.bom.insert(if data.starts_with(BOM) { BOM.len() } else { 0 }),
        };
        let from = self.checked;
        // Where the text after the mark starts in `data`.
        let body = bom.saturating_sub(self.base).min(data.len());
        // CSV is checked from the mark on, again for what was checked before (the start of a
        // record that a piece cut), so that the CSV reader gets the text as `str` and checks no
        // cell again. Anything else is checked where new: JSON is kept whole until the end.
        let start = if self.format == Some(Format::Csv) { body } else { from };
        let valid = match utf8_prefix(&data[start..], last) {
            Ok(valid) => valid,
            Err(bad) => {
                let at = start + bad;
                let line = self.newlines + 1 + count_newlines(&data[..at]);
                self.invalid = Some(IngestError::InvalidUtf8 { line, offset: self.base + at });
                return data.len();
            }
        };
        self.checked = start + valid.len();
        if !self.content {
            self.content = data[from.max(body)..self.checked].iter().any(|b| !b.is_ascii_whitespace());
        }
        if self.format.is_none() {
            match data[body..self.checked].iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'[' | b'{') => self.format = Some(Format::Json),
                Some(_) => self.format = Some(Format::Csv),
                None if last => self.format = Some(Format::Csv),
                None => return self.keep(0),
            }
        }
        if self.format == Some(Format::Json) {
            return self.keep(0);
        }
        if self.failed.is_some() {
            self.newlines += count_newlines(&data[..self.checked]);
            return self.keep(self.checked);
        }
        let (instrument, options, hint) = (&self.instrument, &self.options, self.size_hint);
        let csv = self.csv.get_or_insert_with(|| CsvReader::new(instrument, options, hint.saturating_sub(bom)));
        let last = last && self.checked == data.len();
        // Checked from the mark on, unless this call told the format (then once more).
        let text = if start == body { valid } else { std::str::from_utf8(&data[body..self.checked]).unwrap_or_default() };
        match csv.read(text, self.base + body - bom, last, &mut |bytes, rows| progress(bytes + bom, rows)) {
            Ok(read) => {
                self.newlines = csv.newlines();
                self.keep(body + read)
            }
            Err(e) => {
                self.failed = Some(e);
                self.csv = None;
                self.newlines += count_newlines(&data[..self.checked]);
                self.keep(self.checked)
            }
        }
    }

    /// Notes that the first `used` bytes of the unread data are done with; returns `used`.
    fn keep(&mut self, used: usize) -> usize {
        self.base += used;
        self.checked -= used;
        used
    }
}

/// The UTF-8 text at the start of `bytes`: all of them, or all up to a character their end
/// cuts (unless `last`, when nothing follows); `Err` with the offset of the first byte that is
/// not UTF-8. (`from_utf8` checks ASCII a word at a time, `utf8_chunks` a byte at a time: a
/// cut character costs a second check of the prefix instead.)
fn utf8_prefix(bytes: &[u8], last: bool) -> Result<&str, usize> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        // Valid up to there; were it not, nothing would be read this time, and it would stay.
        Err(e) if e.error_len().is_none() && !last => Ok(std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()),
        Err(e) => Err(e.valid_up_to()),
    }
}

/// '\n' bytes in `bytes`.
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&c| c == b'\n').count() as u64
}
