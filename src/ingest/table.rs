//! The in-memory form of a set of responses: one column per question, answers as bytes.
//!
//! Columnar storage keeps a million respondents small (one byte per answer)
//! and makes every statistic a tight loop over a slice.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::instrument::{Instrument, Question};

/// Marker for "no answer" in an [`AnswerColumn`].
pub const MISSING: u8 = u8::MAX;

/// Marker for "no value" in a [`SegmentColumn`].
pub const NO_SEGMENT: u32 = u32::MAX;

/// Label of the group of respondents who left a segment question blank.
pub const NO_ANSWER: &str = "(no answer)";

/// All responses of a survey wave (or several), column by column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseTable {
    /// Number of respondents (rows).
    pub rows: usize,
    /// Numeric answers (Likert, bipolar, recommend), in instrument order; raw values, not keyed.
    pub answers: Vec<AnswerColumn>,
    /// Categorical columns: choice questions, then other columns found in the file (e.g. `wave`).
    pub segments: Vec<SegmentColumn>,
    /// Free-text answers, stored sparsely.
    pub texts: Vec<TextColumn>,
    /// Ranking answers, stored sparsely.
    pub rankings: Vec<RankingColumn>,
    /// Multi-choice answers, stored sparsely: the chosen option indices in option order (a
    /// question's "none of these" is index `options.len()`).
    pub selections: Vec<RankingColumn>,
}

/// The answers to one numeric question; `MISSING` where blank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerColumn {
    /// Question id.
    pub id: String,
    /// One value per row.
    pub values: Vec<u8>,
}

/// A categorical column, dictionary-encoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentColumn {
    /// Column name (question id, or the header of a column the instrument does not know).
    pub name: String,
    /// Distinct values, in order of first appearance (choice options first, in instrument order).
    pub labels: Vec<String>,
    /// One index into `labels` per row; `NO_SEGMENT` where blank.
    pub codes: Codes,
}

/// The codes of a [`SegmentColumn`], one per row, each stored in as few bytes as the largest
/// code so far needs: one byte a row while the codes are below 255, two below 65,535, else
/// four. Codes go in and come out as `u32` (`NO_SEGMENT` for a blank); two columns with the
/// same codes are equal however wide they are stored.
#[derive(Debug, Clone)]
pub struct Codes(Stored);

/// The codes in one width; each width's largest value stands for a blank.
#[derive(Debug, Clone)]
enum Stored {
    One(Vec<u8>),
    Two(Vec<u16>),
    Four(Vec<u32>),
}

impl Default for Codes {
    fn default() -> Codes {
        Codes(Stored::One(Vec::new()))
    }
}

impl PartialEq for Codes {
    fn eq(&self, other: &Codes) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Codes {}

impl From<Vec<u32>> for Codes {
    fn from(codes: Vec<u32>) -> Codes {
        codes.into_iter().collect()
    }
}

impl FromIterator<u32> for Codes {
    fn from_iter<I: IntoIterator<Item = u32>>(codes: I) -> Codes {
        let mut out = Codes::default();
        out.extend(codes);
        out
    }
}

impl Extend<u32> for Codes {
    fn extend<I: IntoIterator<Item = u32>>(&mut self, codes: I) {
        let codes = codes.into_iter();
        self.reserve(codes.size_hint().0);
        codes.for_each(|code| self.push(code));
    }
}

impl Codes {
    /// `rows` codes, all `code`.
    pub fn filled(code: u32, rows: usize) -> Codes {
        let mut codes = Codes::default();
        codes.widen_for(code);
        match &mut codes.0 {
            Stored::One(v) => v.resize(rows, narrow(code, u8::MAX)),
            Stored::Two(v) => v.resize(rows, narrow(code, u16::MAX)),
            Stored::Four(v) => v.resize(rows, code),
        }
        codes
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match &self.0 {
            Stored::One(v) => v.len(),
            Stored::Two(v) => v.len(),
            Stored::Four(v) => v.len(),
        }
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code of row `row` (`NO_SEGMENT` when blank), or `None` past the last row.
    #[inline]
    pub fn get(&self, row: usize) -> Option<u32> {
        match &self.0 {
            Stored::One(v) => v.get(row).map(|&c| wide(c, u8::MAX)),
            Stored::Two(v) => v.get(row).map(|&c| wide(c, u16::MAX)),
            Stored::Four(v) => v.get(row).copied(),
        }
    }

    /// Every row's code, in row order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = u32> + '_ {
        let (one, two, four): (&[u8], &[u16], &[u32]) = match &self.0 {
            Stored::One(v) => (v, &[], &[]),
            Stored::Two(v) => (&[], v, &[]),
            Stored::Four(v) => (&[], &[], v),
        };
        let one = one.iter().map(|&c| wide(c, u8::MAX));
        one.chain(two.iter().map(|&c| wide(c, u16::MAX))).chain(four.iter().copied())
    }

    /// The codes as a vector of `u32`.
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// Adds a row with `code`, storing every code wider first when `code` needs it.
    #[inline]
    pub fn push(&mut self, code: u32) {
        self.widen_for(code);
        match &mut self.0 {
            Stored::One(v) => v.push(narrow(code, u8::MAX)),
            Stored::Two(v) => v.push(narrow(code, u16::MAX)),
            Stored::Four(v) => v.push(code),
        }
    }

    /// Reserves room for `rows` more rows in the present width.
    pub fn reserve(&mut self, rows: usize) {
        match &mut self.0 {
            Stored::One(v) => v.reserve(rows),
            Stored::Two(v) => v.reserve(rows),
            Stored::Four(v) => v.reserve(rows),
        }
    }

    /// Stores the codes wide enough for `code` (a blank fits any width).
    fn widen_for(&mut self, code: u32) {
        let fits = match &self.0 {
            Stored::One(_) => code < u32::from(u8::MAX) || code == NO_SEGMENT,
            Stored::Two(_) => code < u32::from(u16::MAX) || code == NO_SEGMENT,
            Stored::Four(_) => true,
        };
        if fits {
            return;
        }
        self.0 = if code < u32::from(u16::MAX) {
            Stored::Two(self.iter().map(|c| narrow(c, u16::MAX)).collect())
        } else {
            Stored::Four(self.to_vec())
        };
    }
}

/// `code` in a width whose largest value, `blank`, stands for `NO_SEGMENT` (the code fits).
#[inline]
fn narrow<T: TryFrom<u32>>(code: u32, blank: T) -> T {
    T::try_from(code).unwrap_or(blank)
}

/// The `u32` code of a stored `code` whose width's blank is `blank`.
#[inline]
fn wide<T: PartialEq + Into<u32>>(code: T, blank: T) -> u32 {
    if code == blank {
        NO_SEGMENT
    } else {
        code.into()
    }
}

/// The non-blank answers to one free-text question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextColumn {
    /// Question id.
    pub id: String,
    /// (row index, text) for every row that answered, in row order. A text given by many rows
    /// ("n/a", a common complaint) is one shared allocation when the reader interned it
    /// ([`TextInterner`]); equality compares the texts, not where they are stored.
    pub entries: Vec<(u32, Arc<str>)>,
}

/// Stores each distinct comment text once: [`TextInterner::intern`] hands out shared copies
/// of the texts it has seen. It remembers at most [`TextInterner::MOST`] texts and forgets
/// them all when full, so its memory stays bounded however many distinct texts a file has
/// (a text met again after that is stored once more).
#[derive(Debug, Default)]
pub struct TextInterner {
    seen: HashSet<Arc<str>, TextHasher>,
}

/// How [`TextInterner`] hashes texts: foldhash, which reads a file's comments faster than std's
/// SipHash (the element's read of 1M rows: 6%, bench/README.md). Texts crafted to collide could
/// slow the reading, never change it, and the interner forgets all at [`TextInterner::MOST`].
/// Natively foldhash is seeded from address-space randomisation, not the OS's random keys; in
/// wasm std's SipHash keys (from memory addresses) are the same on every load, as foldhash's
/// are. The survey-only wasm checks one row at a time and keeps std's, which it has anyway
/// (foldhash's would add 1.2 KB gz); so does the viewer, which reads no responses.
#[cfg(not(all(target_arch = "wasm32", not(feature = "dashboard"))))]
type TextHasher = foldhash::fast::RandomState;
/// How [`TextInterner`] hashes texts (see the other build's definition).
#[cfg(all(target_arch = "wasm32", not(feature = "dashboard")))]
type TextHasher = std::hash::RandomState;

impl TextInterner {
    /// Most texts remembered at once.
    pub const MOST: usize = 1 << 16;

    /// The shared copy of `text`: the one handed out before, or a new one, remembered.
    pub fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.seen.get(text) {
            return Arc::clone(shared);
        }
        if self.seen.len() >= TextInterner::MOST {
            self.seen.clear();
        }
        let shared: Arc<str> = Arc::from(text);
        self.seen.insert(Arc::clone(&shared));
        shared
    }
}

/// The answers to one ranking or multi-choice question: option indices per answering row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankingColumn {
    /// Question id.
    pub id: String,
    /// (row index, option indices: most important first for a ranking, in option order for a
    /// multi-choice answer) for every row that answered.
    pub entries: Vec<(u32, Vec<u8>)>,
}

impl ResponseTable {
    /// Appends the rows of `more` (columns matched by name; segment labels re-coded; a column
    /// only one side has is blank on the other).
    pub fn append(&mut self, more: ResponseTable) {
        let table = self;
        let offset = table.rows as u32;
        let (old_rows, new_rows) = (table.rows, more.rows);
        for c in &mut table.answers {
            match more.answer(&c.id) {
                Some(m) => c.values.extend_from_slice(&m.values),
                None => c.values.resize(old_rows + new_rows, MISSING),
            }
        }
        // Filled by insert, not collect: BTreeMap::from_iter compiles a sort of its own.
        let mut by_name: BTreeMap<String, SegmentColumn> = BTreeMap::new();
        for s in more.segments.iter().cloned() {
            by_name.insert(s.name.clone(), s);
        }
        for s in &mut table.segments {
            let codes: Vec<u32> = match by_name.remove(&s.name) {
                Some(m) => m.codes.iter().map(|c| recode(s, &m.labels, c)).collect(),
                None => vec![NO_SEGMENT; new_rows],
            };
            s.codes.extend(codes);
        }
        for (_, mut m) in by_name {
            // A column only the new rows have (e.g. a wave the survey adds).
            let mut codes = Codes::filled(NO_SEGMENT, old_rows);
            codes.extend(m.codes.iter());
            m.codes = codes;
            table.segments.push(m);
        }
        for t in &mut table.texts {
            if let Some(m) = more.text(&t.id) {
                t.entries.extend(m.entries.iter().map(|(r, s)| (r + offset, s.clone())));
            }
        }
        for (mine, theirs) in [(&mut table.rankings, &more.rankings), (&mut table.selections, &more.selections)] {
            for k in mine.iter_mut() {
                if let Some(m) = theirs.iter().find(|c| c.id == k.id) {
                    k.entries.extend(m.entries.iter().map(|(r, o)| (r + offset, o.clone())));
                }
            }
        }
        table.rows += new_rows;
    }

    /// Moves the rows out: a table with the same columns (segment labels as they are now)
    /// holding this table's rows, leaving this one with the same columns and no rows (answer
    /// values past `rows`, a row being built, stay). Reading a file piece by piece takes each
    /// piece's rows this way.
    pub fn take_rows(&mut self) -> ResponseTable {
        let rows = std::mem::take(&mut self.rows);
        let answers = self
            .answers
            .iter_mut()
            .map(|c| {
                let staged = c.values.split_off(rows.min(c.values.len()));
                AnswerColumn { id: c.id.clone(), values: std::mem::replace(&mut c.values, staged) }
            })
            .collect();
        let segments = self
            .segments
            .iter_mut()
            .map(|s| SegmentColumn { name: s.name.clone(), labels: s.labels.clone(), codes: std::mem::take(&mut s.codes) })
            .collect();
        let texts = self.texts.iter_mut().map(|t| TextColumn { id: t.id.clone(), entries: std::mem::take(&mut t.entries) }).collect();
        let sparse = |columns: &mut Vec<RankingColumn>| -> Vec<RankingColumn> {
            columns.iter_mut().map(|c| RankingColumn { id: c.id.clone(), entries: std::mem::take(&mut c.entries) }).collect()
        };
        let (rankings, selections) = (sparse(&mut self.rankings), sparse(&mut self.selections));
        ResponseTable { rows, answers, segments, texts, rankings, selections }
    }

    /// An empty table with one column for every question of the instrument.
    pub fn for_instrument(instrument: &Instrument) -> ResponseTable {
        let mut table = ResponseTable::default();
        for q in instrument.questions() {
            let id = q.id().to_string();
            match q {
                Question::Likert { .. } | Question::Bipolar { .. } | Question::Recommend { .. } | Question::Randomized { .. } => {
                    table.answers.push(AnswerColumn { id, values: Vec::new() })
                }
                Question::Choice { options, .. } => {
                    table.segments.push(SegmentColumn { name: id, labels: options.clone(), codes: Codes::default() })
                }
                Question::Text { .. } => table.texts.push(TextColumn { id, entries: Vec::new() }),
                Question::Ranking { .. } => table.rankings.push(RankingColumn { id, entries: Vec::new() }),
                Question::MultiChoice { .. } => table.selections.push(RankingColumn { id, entries: Vec::new() }),
            }
        }
        table
    }

    /// The numeric answers of question `id`.
    pub fn answer(&self, id: &str) -> Option<&AnswerColumn> {
        self.answers.iter().find(|c| c.id == id)
    }

    /// The categorical column named `name`.
    pub fn segment(&self, name: &str) -> Option<&SegmentColumn> {
        self.segments.iter().find(|c| c.name == name)
    }

    /// The free-text answers of question `id`.
    pub fn text(&self, id: &str) -> Option<&TextColumn> {
        self.texts.iter().find(|c| c.id == id)
    }

    /// The ranking answers of question `id`.
    pub fn ranking(&self, id: &str) -> Option<&RankingColumn> {
        self.rankings.iter().find(|c| c.id == id)
    }

    /// The multi-choice answers of question `id`.
    pub fn selection(&self, id: &str) -> Option<&RankingColumn> {
        self.selections.iter().find(|c| c.id == id)
    }
}

impl SegmentColumn {
    /// The label of row `row`, or `None` when blank.
    pub fn label_of(&self, row: usize) -> Option<&str> {
        match self.codes.get(row) {
            Some(c) if c != NO_SEGMENT => self.labels.get(c as usize).map(String::as_str),
            _ => None,
        }
    }
}

/// The code of `labels[code]` in `column`, adding the label when new.
fn recode(column: &mut SegmentColumn, labels: &[String], code: u32) -> u32 {
    let Some(label) = labels.get(code as usize) else { return NO_SEGMENT };
    match column.labels.iter().position(|l| l == label) {
        Some(i) => i as u32,
        None => {
            column.labels.push(label.clone());
            column.labels.len() as u32 - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_widen_as_they_grow_and_keep_blanks() {
        let mut codes = Codes::filled(NO_SEGMENT, 2);
        codes.push(254);
        assert!(matches!(codes.0, Stored::One(_)));
        codes.push(255);
        assert!(matches!(codes.0, Stored::Two(_)));
        codes.push(70_000);
        assert!(matches!(codes.0, Stored::Four(_)));
        assert_eq!(codes.to_vec(), [NO_SEGMENT, NO_SEGMENT, 254, 255, 70_000]);
        assert_eq!((codes.get(4), codes.get(5)), (Some(70_000), None));
    }

    #[test]
    fn codes_equal_whatever_their_width() {
        let narrow = Codes::from(vec![1, NO_SEGMENT]);
        let mut wide = Codes::from(vec![300]);
        wide.0 = Stored::Four(vec![1, NO_SEGMENT]);
        assert_eq!(narrow, wide);
        assert_ne!(narrow, Codes::from(vec![1]));
    }

    #[test]
    fn interned_texts_are_stored_once() {
        let mut interner = TextInterner::default();
        let (a, b) = (interner.intern("n/a"), interner.intern("n/a"));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*interner.intern("other"), "other");
        for i in 0..TextInterner::MOST {
            interner.intern(&i.to_string());
        }
        assert!(interner.seen.len() <= TextInterner::MOST, "bounded");
    }
}
