//! The row builder both readers feed: it maps columns to table slots, checks and
//! stages one row's cells, then commits the row or drops it with its problems.
//!
//! Readers call [`RowBuilder::begin_row`], one `cell_*` call per cell, and
//! [`RowBuilder::end_row`]. Nothing is allocated per row except text cells and
//! labels seen for the first time.

use std::collections::HashMap;
use std::ops::Range;

use super::cell::{self, parse_scale_bytes, quoted, scale_value_f64, OptionSet};
use super::error::{At, Cause, IngestError, Problem};
use super::table::{Codes, ResponseTable, SegmentColumn, TextInterner, MISSING, NO_ANSWER, NO_SEGMENT};
use super::{ErrorPolicy, IngestOptions, IngestSummary, Ingested};
use crate::instrument::{Instrument, Question, MULTI_SEPARATOR};

/// Rows the answer columns are grown by at a time.
const GROW_ROWS: usize = 4096;

/// How many problems the summary keeps.
pub(super) const MAX_PROBLEMS: usize = 100;

/// Where a column's cells go in the table.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// `answers[col]`, values `min..=max`.
    Answer { col: usize, min: u8, max: u8 },
    /// `segments[col]`, options `sets[set]`.
    Choice { col: usize, set: usize },
    /// `segments[col]`, a column the instrument does not know; labels in `extras[extra]`.
    Extra { col: usize, extra: usize },
    /// `texts[col]`.
    Text { col: usize },
    /// `rankings[col]`, options `sets[set]`.
    Ranking { col: usize, set: usize },
    /// `selections[col]`, options `sets[set]`; `none`: the index of "none of these", if any.
    Multi { col: usize, set: usize, none: Option<u8> },
}

/// A column of the file, attached to a table slot.
#[derive(Debug)]
struct Column {
    name: String,
    kind: Kind,
}

/// Builds a [`ResponseTable`] one row at a time; shared by the CSV and JSON readers.
pub(crate) struct RowBuilder {
    /// The instrument's question ids, each with whether it is numeric, in instrument order.
    question_ids: Vec<(String, bool)>,
    options: IngestOptions,
    /// Strip the CSV writer's formula escape from string cells.
    unescape: bool,
    table: ResponseTable,
    /// Instrument question id → its slot kind.
    questions: HashMap<String, Kind>,
    sets: Vec<OptionSet>,
    columns: Vec<Column>,
    by_name: HashMap<String, usize>,
    /// Label → code, per extra column.
    extras: Vec<HashMap<String, u32>>,
    // The row being built. Its answers are written straight into the table's answer columns
    // (at index `table.rows`; the columns are grown ahead, filled with `MISSING`, and cut back
    // to `table.rows` at the end); `dirty` when some were written since the last kept row.
    dirty: bool,
    segments: Vec<u32>,
    /// (segment column, extra index, label in `scratch`) for labels not seen before.
    pending: Vec<(usize, usize, Range<usize>)>,
    texts: Vec<(usize, Range<usize>)>,
    /// Each distinct comment text once, across the pieces of a file.
    interner: TextInterner,
    ranks: Vec<(usize, Range<usize>)>,
    /// Multi-choice answers of the row: (selections column, range in `rank_buf`).
    picks: Vec<(usize, Range<usize>)>,
    scratch: String,
    rank_buf: Vec<u8>,
    /// Where the ranking being read starts in `rank_buf`.
    rank_start: usize,
    /// The data row number at which each column last got a cell (duplicate keys).
    last_row: Vec<u64>,
    /// The line where the current record starts.
    line: u64,
    row: u64,
    row_problems: usize,
    first_problem: Option<Problem>,
    summary: IngestSummary,
}

impl RowBuilder {
    /// A builder for `instrument`; `unescape` strips the CSV formula escape.
    pub(crate) fn new(instrument: &Instrument, options: &IngestOptions, unescape: bool) -> RowBuilder {
        let table = ResponseTable::for_instrument(instrument);
        let mut questions = HashMap::new();
        let mut sets = Vec::new();
        let (mut a, mut s, mut t, mut r, mut m) = (0, 0, 0, 0, 0);
        for q in instrument.questions() {
            let kind = match q {
                Question::MultiChoice { options, none, .. } => {
                    let answers: Vec<String> = q.listed_answers().unwrap_or_default().into_iter().map(str::to_string).collect();
                    sets.push(OptionSet::new(&answers));
                    m += 1;
                    Kind::Multi { col: m - 1, set: sets.len() - 1, none: (!none.is_empty()).then_some(options.len() as u8) }
                }
                Question::Choice { options, .. } | Question::Ranking { options, .. } => {
                    sets.push(OptionSet::new(options));
                    if matches!(q, Question::Choice { .. }) {
                        s += 1;
                        Kind::Choice { col: s - 1, set: sets.len() - 1 }
                    } else {
                        r += 1;
                        Kind::Ranking { col: r - 1, set: sets.len() - 1 }
                    }
                }
                Question::Text { .. } => {
                    t += 1;
                    Kind::Text { col: t - 1 }
                }
                _ => {
                    let scale = q.numeric_scale(&instrument.scale).unwrap_or_else(|| instrument.scale.clone());
                    a += 1;
                    Kind::Answer { col: a - 1, min: scale.min, max: scale.max }
                }
            };
            questions.insert(q.id().to_string(), kind);
        }
        let question_ids = instrument.questions().map(|q| (q.id().to_string(), q.numeric_scale(&instrument.scale).is_some())).collect();
        RowBuilder {
            question_ids,
            options: *options,
            unescape,
            dirty: false,
            segments: vec![NO_SEGMENT; table.segments.len()],
            table,
            questions,
            sets,
            columns: Vec::new(),
            by_name: HashMap::new(),
            extras: Vec::new(),
            pending: Vec::new(),
            texts: Vec::new(),
            interner: TextInterner::default(),
            ranks: Vec::new(),
            picks: Vec::new(),
            scratch: String::new(),
            rank_buf: Vec::new(),
            rank_start: 0,
            last_row: Vec::new(),
            line: 1,
            row: 0,
            row_problems: 0,
            first_problem: None,
            summary: IngestSummary::default(),
        }
    }

    /// The slot of column `name` (trimmed), attaching it (as a question's column or an
    /// extra segment column) the first time it is seen.
    pub(crate) fn column(&mut self, name: &str) -> Result<usize, IngestError> {
        if let Some(&slot) = self.by_name.get(name) {
            return Ok(slot);
        }
        let max = self.options.limits.max_columns;
        if self.columns.len() >= max {
            let at = At { line: self.line, column: Some(name.to_string()) };
            return Err(IngestError::Limit { limit: "max_columns", value: max, at: Some(at) });
        }
        let kind = match self.questions.get(name) {
            Some(&kind) => kind,
            None => {
                // A column the instrument does not know: kept as a segment (e.g. `wave`).
                let col = self.table.segments.len();
                self.table.segments.push(SegmentColumn {
                    name: name.to_string(),
                    labels: Vec::new(),
                    codes: Codes::filled(NO_SEGMENT, self.table.rows),
                });
                self.segments.push(NO_SEGMENT);
                self.extras.push(HashMap::new());
                self.summary.extra_columns.push(name.to_string());
                Kind::Extra { col, extra: self.extras.len() - 1 }
            }
        };
        let slot = self.columns.len();
        self.columns.push(Column { name: name.to_string(), kind });
        self.by_name.insert(name.to_string(), slot);
        self.last_row.push(0);
        Ok(slot)
    }

    /// The column's name, for messages.
    pub(crate) fn name(&self, slot: usize) -> &str {
        &self.columns[slot].name
    }

    /// True when the slot holds a numeric question.
    fn is_numeric(&self, slot: usize) -> bool {
        matches!(self.columns[slot].kind, Kind::Answer { .. })
    }

    /// Ids of the instrument's numeric questions that have no column yet.
    pub(crate) fn missing_numeric(&self) -> Vec<String> {
        self.question_ids.iter().filter(|(id, numeric)| *numeric && !self.by_name.contains_key(id)).map(|(id, _)| id.clone()).collect()
    }

    /// True when at least one numeric question has a column.
    pub(crate) fn any_numeric(&self) -> bool {
        self.columns.iter().any(|c| matches!(c.kind, Kind::Answer { .. }))
    }

    /// True when at least one column is unknown to the instrument.
    pub(crate) fn any_extra(&self) -> bool {
        !self.extras.is_empty()
    }

    /// The current record's line (and column `slot`), for limit errors.
    fn at(&self, column: Option<usize>) -> At {
        At { line: self.line, column: column.map(|slot| self.columns[slot].name.clone()) }
    }

    /// Fails when a cell of `len` bytes (in column `slot`, if known) is over `max_field_bytes`.
    pub(crate) fn check_field_len(&mut self, len: usize, slot: Option<usize>) -> Result<(), IngestError> {
        let max = self.options.limits.max_field_bytes;
        if len > max {
            return Err(IngestError::Limit { limit: "max_field_bytes", value: max, at: Some(self.at(slot)) });
        }
        Ok(())
    }

    /// Data rows started so far.
    pub(crate) fn rows_read(&self) -> usize {
        self.summary.rows_read
    }

    /// Notes that the record being read (e.g. the header) starts on `line` (1-based).
    pub(crate) fn set_line(&mut self, line: u64) {
        self.line = line;
    }

    /// Reserves room for about `rows` rows in every dense column.
    pub(crate) fn reserve(&mut self, rows: usize) {
        let rows = rows.min(self.options.limits.max_rows);
        for c in &mut self.table.answers {
            c.values.reserve(rows);
        }
        for c in &mut self.table.segments {
            c.codes.reserve(rows);
        }
    }

    /// Starts data row `rows_read + 1`, whose record starts on `line` (1-based).
    pub(crate) fn begin_row(&mut self, line: u64) -> Result<(), IngestError> {
        self.count_row(line)?;
        self.clear_row();
        Ok(())
    }

    /// Counts data row `rows_read + 1`, whose record starts on `line`, keeping what
    /// [`Self::clear_row`] and [`Self::digit`] already staged for it.
    #[inline]
    pub(crate) fn count_row(&mut self, line: u64) -> Result<(), IngestError> {
        self.line = line;
        let max = self.options.limits.max_rows.min(u32::MAX as usize - 1);
        if self.summary.rows_read >= max {
            return Err(IngestError::Limit { limit: "max_rows", value: max, at: Some(self.at(None)) });
        }
        self.summary.rows_read += 1;
        self.row = self.summary.rows_read as u64;
        Ok(())
    }

    /// Where a column's one-digit answers go: (answer column, scale min, scale max), or
    /// `None` when the slot is not a numeric question.
    pub(crate) fn digit_column(&self, slot: usize) -> Option<(usize, u8, u8)> {
        match self.columns[slot].kind {
            Kind::Answer { col, min, max } => Some((col, min, max)),
            _ => None,
        }
    }

    /// Stages answer `value` in answer column `col` (from [`Self::digit_column`]; the value
    /// already checked against its scale).
    #[inline(always)]
    pub(crate) fn digit(&mut self, col: usize, value: u8) {
        // `clear_row` made room for this row in every column; `get_mut` keeps the bounds checks
        // inline in the size-optimised wasm build, where indexing is a call of its own.
        if let Some(at) = self.table.answers.get_mut(col).and_then(|c| c.values.get_mut(self.table.rows)) {
            *at = value;
        }
        self.dirty = true;
    }

    /// Empties the staged row.
    #[inline]
    pub(crate) fn clear_row(&mut self) {
        let row = self.table.rows;
        if self.dirty || self.table.answers.first().is_some_and(|c| c.values.len() <= row) {
            for c in &mut self.table.answers {
                if c.values.len() <= row {
                    c.values.resize(row + GROW_ROWS, MISSING);
                }
                c.values[row] = MISSING;
            }
            self.dirty = false;
        }
        self.segments.fill(NO_SEGMENT);
        self.pending.clear();
        self.texts.clear();
        self.ranks.clear();
        self.picks.clear();
        self.scratch.clear();
        self.rank_buf.clear();
        self.row_problems = 0;
    }

    /// Records a problem with the current row (in column `slot`, if given).
    pub(crate) fn problem(&mut self, slot: Option<usize>, cause: Cause) {
        self.row_problems += 1;
        self.summary.problems_total += 1;
        let keep = self.summary.problems.len() < MAX_PROBLEMS;
        let fail = self.options.policy == ErrorPolicy::Fail && self.first_problem.is_none();
        if keep || fail {
            let p = Problem::new(self.line, self.row, slot.map(|s| self.columns[s].name.clone()), cause);
            if fail {
                self.first_problem = Some(p.clone());
            }
            if keep {
                self.summary.problems.push(p);
            }
        }
    }

    /// Marks column `slot` as given in this row; false (and a problem) if it already was.
    pub(crate) fn claim(&mut self, slot: usize) -> bool {
        if self.last_row[slot] == self.row {
            let cause = Cause::GivenTwice { column: self.columns[slot].name.clone() };
            self.problem(Some(slot), cause);
            return false;
        }
        self.last_row[slot] = self.row;
        true
    }

    /// A cell as raw bytes (CSV); numbers are parsed without converting to text.
    #[inline]
    pub(crate) fn cell_bytes(&mut self, slot: usize, raw: &[u8]) {
        if let Kind::Answer { col, min, max } = self.columns[slot].kind {
            // The common case, one digit on the scale, first.
            if let [d] = raw {
                let v = d.wrapping_sub(b'0');
                if v <= 9 && v >= min && v <= max {
                    self.digit(col, v);
                    return;
                }
            }
            return self.answer_bytes(slot, col, min, max, raw);
        }
        let b = raw.trim_ascii();
        if b.is_empty() {
            return;
        }
        match std::str::from_utf8(b) {
            Ok(s) => self.cell_str(slot, s),
            Err(_) => self.problem(Some(slot), Cause::NotUtf8),
        }
    }

    /// A numeric cell in any form.
    fn answer_bytes(&mut self, slot: usize, col: usize, min: u8, max: u8, raw: &[u8]) {
        let b = raw.trim_ascii();
        if b.is_empty() {
            return;
        }
        match parse_scale_bytes(b, min, max) {
            Ok(v) => self.digit(col, v),
            Err(e) => {
                let cause = e.cause(quoted(&String::from_utf8_lossy(b)), min, max);
                self.problem(Some(slot), cause);
            }
        }
    }

    /// A cell as text (CSV field or JSON string); blank after trimming means no answer.
    pub(crate) fn cell_str(&mut self, slot: usize, raw: &str) {
        let s = cell::trim(raw);
        if s.is_empty() {
            return;
        }
        let kind = self.columns[slot].kind;
        if let Kind::Answer { .. } = kind {
            return self.cell_bytes(slot, s.as_bytes());
        }
        let s = if self.unescape { cell::unescape_formula(s) } else { s };
        match kind {
            Kind::Answer { .. } => {}
            Kind::Choice { col, set } => match self.sets[set].find(s) {
                Some(i) => self.segments[col] = i as u32,
                None => {
                    let msg = self.sets[set].not_an_option(s, &self.columns[slot].name);
                    self.problem(Some(slot), msg);
                }
            },
            Kind::Extra { .. } if cell::same_text(s, NO_ANSWER) => {
                // The label of the blank group: a value spelt the same would be taken for it.
                self.problem(Some(slot), Cause::ReservedForBlank { value: quoted(s) });
            }
            Kind::Extra { col, extra } => match find_label(&self.table.segments[col].labels, &self.extras[extra], s) {
                Some(code) => self.segments[col] = code,
                None => {
                    let start = self.scratch.len();
                    self.scratch.push_str(s);
                    self.pending.push((col, extra, start..self.scratch.len()));
                }
            },
            Kind::Text { col } => {
                let start = self.scratch.len();
                self.scratch.push_str(s);
                self.texts.push((col, start..self.scratch.len()));
            }
            Kind::Ranking { .. } | Kind::Multi { .. } => {
                let separator = if matches!(kind, Kind::Multi { .. }) { MULTI_SEPARATOR } else { '>' };
                let start = self.rank_begin();
                for item in s.split(separator) {
                    self.rank_item(slot, item);
                }
                self.rank_end(slot, start);
            }
        }
    }

    /// A JSON number; `text` renders it for messages and non-numeric columns.
    pub(crate) fn cell_number(&mut self, slot: usize, v: f64, text: impl FnOnce() -> String) {
        match self.columns[slot].kind {
            Kind::Answer { col, min, max } => match scale_value_f64(v, min, max) {
                Ok(v) => self.digit(col, v),
                Err(e) => {
                    let cause = e.cause(text(), min, max);
                    self.problem(Some(slot), cause);
                }
            },
            _ => self.cell_str(slot, &text()),
        }
    }

    /// A JSON `true`/`false`.
    pub(crate) fn cell_bool(&mut self, slot: usize, v: bool) {
        if self.is_numeric(slot) {
            self.problem(Some(slot), Cause::NotNumber { value: v.to_string() });
        } else {
            self.cell_str(slot, if v { "true" } else { "false" });
        }
    }

    /// True when the slot is a ranking or multi-choice question (which may take a JSON array).
    pub(crate) fn is_list(&self, slot: usize) -> bool {
        matches!(self.columns[slot].kind, Kind::Ranking { .. } | Kind::Multi { .. })
    }

    /// Starts a ranking; pass the result to [`Self::rank_end`].
    pub(crate) fn rank_begin(&mut self) -> usize {
        self.rank_start = self.rank_buf.len();
        self.rank_start
    }

    /// One item of a ranking (most important first) or of a multi-choice answer.
    pub(crate) fn rank_item(&mut self, slot: usize, item: &str) {
        let (set, ranking) = match self.columns[slot].kind {
            Kind::Ranking { set, .. } => (set, true),
            Kind::Multi { set, .. } => (set, false),
            _ => return,
        };
        let item = item.trim();
        if item.is_empty() {
            return self.problem(Some(slot), if ranking { Cause::EmptyRankingItem } else { Cause::EmptyAnswerItem });
        }
        match self.sets[set].find(item) {
            None => {
                let msg = self.sets[set].not_an_option(item, &self.columns[slot].name);
                self.problem(Some(slot), msg);
            }
            Some(i) => {
                if self.rank_buf[self.rank_start..].contains(&(i as u8)) {
                    let value = quoted(item);
                    self.problem(Some(slot), if ranking { Cause::RankedTwice { value } } else { Cause::ChosenTwice { value } });
                } else {
                    self.rank_buf.push(i as u8);
                }
            }
        }
    }

    /// Ends the ranking or multi-choice answer started at `start`; an empty one is no answer.
    /// A multi-choice answer is kept in option order, and "none of these" must stand alone.
    pub(crate) fn rank_end(&mut self, slot: usize, start: usize) {
        let end = self.rank_buf.len();
        if end == start {
            return;
        }
        match self.columns[slot].kind {
            Kind::Ranking { col, .. } => self.ranks.push((col, start..end)),
            Kind::Multi { col, set, none } => {
                self.rank_buf[start..].sort_unstable();
                match none.filter(|n| end - start > 1 && self.rank_buf[start..].contains(n)) {
                    Some(n) => {
                        let option = quoted(self.sets[set].label(usize::from(n)));
                        self.problem(Some(slot), Cause::NoneWithOthers { option });
                    }
                    None => self.picks.push((col, start..end)),
                }
            }
            _ => {}
        }
    }

    /// Ends the row: keeps it when it had no problem, else drops it (or fails, under
    /// [`ErrorPolicy::Fail`]).
    pub(crate) fn end_row(&mut self) -> Result<(), IngestError> {
        if self.row_problems > 0 {
            self.summary.rows_skipped += 1;
            return match self.first_problem.take() {
                Some(p) => Err(IngestError::Row(Box::new(p))),
                None => Ok(()),
            };
        }
        self.summary.rows_kept += 1;
        let row = self.table.rows as u32;
        // The staged cells are read in place, not drained: `clear_row` empties the lists before
        // the next row, and at opt-level "z" each `drain` is three calls per row even when empty.
        for &(col, extra, ref range) in &self.pending {
            let label = &self.scratch[range.clone()];
            let seg = &mut self.table.segments[col];
            let code = *self.extras[extra].entry(label.to_string()).or_insert_with(|| {
                seg.labels.push(label.to_string());
                (seg.labels.len() - 1) as u32
            });
            self.segments[col] = code;
        }
        // The answers are in their columns already.
        self.dirty = false;
        for (c, &v) in self.table.segments.iter_mut().zip(&self.segments) {
            c.codes.push(v);
        }
        for &(col, ref range) in &self.texts {
            self.table.texts[col].entries.push((row, self.interner.intern(&self.scratch[range.clone()])));
        }
        for &(col, ref range) in &self.ranks {
            self.table.rankings[col].entries.push((row, self.rank_buf[range.clone()].to_vec()));
        }
        for &(col, ref range) in &self.picks {
            self.table.selections[col].entries.push((row, self.rank_buf[range.clone()].to_vec()));
        }
        self.table.rows += 1;
        Ok(())
    }

    /// The rows kept so far, moved out (see [`ResponseTable::take_rows`]); the rows after them
    /// start again at 0, with the same columns and labels.
    pub(crate) fn take_rows(&mut self) -> ResponseTable {
        self.table.take_rows()
    }

    /// Rows kept and not taken yet.
    pub(crate) fn rows_kept(&self) -> usize {
        self.table.rows
    }

    /// The table and summary; `absent_columns` lists the questions no column was found for
    /// (numeric ones only if `numeric_absent` — JSON, where a never-given key is just blank).
    pub(crate) fn finish(mut self, numeric_absent: bool) -> Ingested {
        self.summary.absent_columns = self
            .question_ids
            .iter()
            .filter(|(id, numeric)| (numeric_absent || !numeric) && !self.by_name.contains_key(id))
            .map(|(id, _)| id.clone())
            .collect();
        for c in &mut self.table.answers {
            c.values.truncate(self.table.rows);
        }
        Ingested { table: self.table, summary: self.summary }
    }
}

/// The code of `label` in an extra column: a scan of its few labels (departments, roles,
/// waves), the map once there are many.
#[inline]
fn find_label(labels: &[String], map: &HashMap<String, u32>, label: &str) -> Option<u32> {
    const SCAN: usize = 16;
    if labels.len() <= SCAN {
        labels.iter().position(|l| cell::same_text(l, label)).map(|i| i as u32)
    } else {
        map.get(label).copied()
    }
}

/// Turns byte offsets into line numbers, counting newlines only once and only when a
/// position is asked for (so a clean file costs nothing).
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    /// Bytes counted so far.
    counted: usize,
    /// Newlines in `..counted`.
    newlines: u64,
    /// Offset just after the last newline in `..counted`.
    line_start: usize,
}

impl LineCounter {
    /// 1-based line and column of byte `pos` of `text`; cheap when positions increase.
    pub(crate) fn locate(&mut self, text: &[u8], pos: usize) -> (u64, u64) {
        let pos = pos.min(text.len());
        if pos < self.counted {
            *self = LineCounter::default();
        }
        for (i, &c) in text[self.counted..pos].iter().enumerate() {
            if c == b'\n' {
                self.newlines += 1;
                self.line_start = self.counted + i + 1;
            }
        }
        self.counted = pos;
        (self.newlines + 1, (pos - self.line_start + 1) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::LineCounter;

    #[test]
    fn line_counter_locates_offsets() {
        let text = b"ab\ncd\r\n\nef";
        let mut c = LineCounter::default();
        assert_eq!(c.locate(text, 0), (1, 1));
        assert_eq!(c.locate(text, 1), (1, 2));
        assert_eq!(c.locate(text, 3), (2, 1));
        assert_eq!(c.locate(text, 8), (4, 1));
        assert_eq!(c.locate(text, 2), (1, 3), "going back recounts");
        assert_eq!(c.locate(text, 99), (4, 3));
    }
}
