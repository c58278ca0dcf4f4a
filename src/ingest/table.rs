//! The in-memory form of a set of responses: one column per question, answers as bytes.
//!
//! Columnar storage keeps a million respondents small (one byte per answer)
//! and makes every statistic a tight loop over a slice.

use std::collections::BTreeMap;

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
    pub codes: Vec<u32>,
}

/// The non-blank answers to one free-text question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextColumn {
    /// Question id.
    pub id: String,
    /// (row index, text) for every row that answered, in row order.
    pub entries: Vec<(u32, String)>,
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
                Some(m) => m.codes.iter().map(|&c| recode(s, &m.labels, c)).collect(),
                None => vec![NO_SEGMENT; new_rows],
            };
            s.codes.extend(codes);
        }
        for (_, mut m) in by_name {
            // A column only the new rows have (e.g. a wave the survey adds).
            let mut codes = vec![NO_SEGMENT; old_rows];
            codes.append(&mut m.codes);
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
                    table.segments.push(SegmentColumn { name: id, labels: options.clone(), codes: Vec::new() })
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
            Some(&c) if c != NO_SEGMENT => self.labels.get(c as usize).map(String::as_str),
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
