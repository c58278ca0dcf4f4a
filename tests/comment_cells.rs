//! Comment reports merged from per-cell counts (`CommentCells`) equal the row-based ones: on
//! random synthetic tables (repeated texts, blank and small groups, waves) and random views —
//! everyone, a segment value, a blank, a wave, a value within a wave — with no, one or two
//! breakdowns and several sample counts, the counts, label summaries and samples (texts, order,
//! labels and groups) are exactly those of `raw_report` of the view's rows on their own.

use std::sync::OnceLock;

use proptest::prelude::*;
use secpulse::ingest::{ResponseTable, NO_SEGMENT};
use secpulse::instrument::Instrument;
use secpulse::privacy::filter::subset;
use secpulse::score::comments::{AnalyzedComments, CommentCells};
use secpulse::score::counts::{Counted, Literal};
use secpulse::score::{raw_report, raw_view_report, Comments, RawOptions, View};
use secpulse::synth::{generate, SynthOptions};
use secpulse::text::Analyzer;

/// One analyzer for every case (building it is the slow part).
fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

/// A synthetic table whose department and role are redrawn from `values` values and blanks.
fn table(ins: &Instrument, seed: u64, rows: usize, comment_rate: f64, values: u32) -> ResponseTable {
    let options = SynthOptions { n: rows, seed, comment_rate, ..SynthOptions::default() };
    let mut t = generate(ins, &options);
    let mut state = seed | 1;
    let mut next = move |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    for s in t.segments.iter_mut().filter(|s| s.name == "department" || s.name == "role") {
        let n = (s.labels.len() as u32).min(values);
        s.codes = (0..rows).map(|_| if next(8) == 0 { NO_SEGMENT } else { next(u64::from(n)) as u32 }).collect();
    }
    t
}

/// The views checked: (column, code) conditions.
fn views(t: &ResponseTable) -> Vec<Vec<(usize, u32)>> {
    let column = |name: &str| t.segments.iter().position(|s| s.name == name).unwrap();
    let (department, wave) = (column("department"), column("wave"));
    let mut out = vec![vec![], vec![(department, NO_SEGMENT)], vec![(wave, 1)], vec![(department, 0), (wave, 0)]];
    out.extend((0..t.segments[department].labels.len() as u32).map(|code| vec![(department, code)]));
    out
}

/// Checks every view of `t` with `samples` samples against the row-based comment report.
fn check(ins: &Instrument, t: &ResponseTable, samples: usize) {
    let analyzed = AnalyzedComments::new(analyzer(), t);
    let counted = Counted::new(ins, t);
    let cells = CommentCells::new(t, &analyzed, &counted, samples).expect("few cells, one comment a row");
    let breakdowns: [&[&str]; 3] = [&[], &["department"], &["role", "department"]];
    for conditions in views(t) {
        let rows: Vec<u32> =
            (0..t.rows as u32).filter(|&r| conditions.iter().all(|&(c, code)| t.segments[c].codes.get(r as usize) == Some(code))).collect();
        let part = subset(t, &rows);
        let literals: Vec<Literal> = conditions.iter().map(|&(column, code)| Literal { column, code }).collect();
        let view =
            if literals.is_empty() { View { filter: &[], rows: None } } else { View { filter: &literals, rows: Some((&rows, &part)) } };
        for by in breakdowns {
            let options = RawOptions { by: by.iter().map(|c| c.to_string()).collect(), wave: Some("wave".into()) };
            let merged = raw_view_report(ins, t, &counted, &view, &options, Some(Comments::Cells(&analyzed, &cells))).unwrap();
            let alone = raw_report(ins, &part, &options, Some((&analyzed.subset(t, &rows), samples))).unwrap();
            assert_eq!(merged.comments, alone.comments, "view {conditions:?} by {by:?}, {samples} samples");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Merged comment reports equal the row-based ones, for every view.
    #[test]
    fn cells_equal_rows(seed in any::<u64>(), rows in 0usize..500, rate in 0.0f64..1.0, values in 1u32..5, samples in 0usize..40) {
        let ins = Instrument::default_instrument();
        check(&ins, &table(&ins, seed, rows, rate, values), samples);
    }
}

/// Many more comments than samples, few distinct texts: the samples still agree.
#[test]
fn cells_equal_rows_on_a_large_table() {
    let ins = Instrument::default_instrument();
    check(&ins, &table(&ins, 11, 5000, 0.6, 4), 25);
}

/// Without kept cell counts the comments are counted from the rows.
#[test]
fn no_cells_without_cell_counts() {
    let ins = Instrument::default_instrument();
    let t = table(&ins, 3, 300, 0.5, 4);
    let analyzed = AnalyzedComments::new(analyzer(), &t);
    assert!(CommentCells::new(&t, &analyzed, &Counted::with_cell_limit(&ins, &t, 0), 10).is_none());
}
