//! Statistics from counts equal the row-based definitions (docs/scoring.md): on random tables
//! with blanks, reverse keys, small and empty groups, every statistic of `raw_report` (computed
//! from merged cell counts) is compared with the definition computed here row by row — counts
//! and medians exactly, float sums to 1e-9 — for everyone, each breakdown group and filtered
//! views, with cell counts and with groups counted from their rows.

use proptest::prelude::*;
use secpulse::ingest::{ResponseTable, MISSING, NO_SEGMENT};
use secpulse::instrument::{Instrument, Question};
use secpulse::privacy::filter::subset;
use secpulse::report::{Balance, DimensionScore, ItemScore, Nps, Report, Score};
use secpulse::score::counts::{Counted, Literal};
use secpulse::score::respondent::{keyed_items, respondent_scores, RespondentScores};
use secpulse::score::{raw_report, raw_view_report, RawOptions, View};
use secpulse::stats::{summarize, welch, Covariance, Moments};

const TOL: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOL * (1.0 + a.abs().max(b.abs()))
}

fn close_opt(a: Option<f64>, b: Option<f64>, what: &str) {
    match (a, b) {
        (Some(a), Some(b)) => assert!(close(a, b), "{what}: {a} vs {b}"),
        (a, b) => assert_eq!(a.is_some(), b.is_some(), "{what}: {a:?} vs {b:?}"),
    }
}

/// A random table of the default instrument: `rows` rows, answers blank with probability
/// `blank`%, department and role drawn from a few values (and blanks).
fn table(ins: &Instrument, seed: u64, rows: usize, blank: u64, values: u32) -> ResponseTable {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = move |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    let mut t = ResponseTable::for_instrument(ins);
    t.rows = rows;
    for q in ins.questions() {
        let (lo, hi) = match q {
            Question::Likert { .. } => (ins.scale.min, ins.scale.max),
            Question::Recommend { .. } => (0, 10),
            Question::Bipolar { min, max, .. } => (*min, *max),
            _ => continue,
        };
        if let Some(col) = t.answers.iter_mut().find(|c| c.id == q.id()) {
            // A skew per question, so that dimensions and items differ.
            let skew = next(3);
            col.values = (0..rows)
                .map(|_| {
                    if next(100) < blank {
                        MISSING
                    } else {
                        let v = lo + next(u64::from(hi - lo) + 1) as u8;
                        if skew == 0 {
                            v.max(lo + next(u64::from(hi - lo) + 1) as u8)
                        } else {
                            v
                        }
                    }
                })
                .collect();
        }
    }
    for col in t.answers.iter_mut().filter(|c| c.values.is_empty()) {
        col.values = vec![MISSING; rows];
    }
    for s in &mut t.segments {
        let n = (s.labels.len() as u32).min(values);
        s.codes = (0..rows).map(|_| if next(10) == 0 { NO_SEGMENT } else { next(u64::from(n)) as u32 }).collect();
    }
    t
}

/// The row-based definition of a score of `values` (NaN = no score) over `rows`.
fn score_of(values: &[f32], rows: &[usize]) -> (Option<secpulse::stats::Summary>, Moments) {
    let mut kept: Vec<f64> = rows.iter().map(|&r| values[r]).filter(|v| !v.is_nan()).map(f64::from).collect();
    let m = Moments::of(&kept);
    (summarize(&mut kept), m)
}

fn check_score(got: &Score, values: &[f32], rows: &[usize], what: &str) {
    let (want, _) = score_of(values, rows);
    let Some(want) = want else {
        assert_eq!(got.n, None, "{what}");
        return;
    };
    assert_eq!(got.n, Some(want.n), "{what}: n");
    assert_eq!(got.median, Some(want.median), "{what}: median");
    close_opt(got.score, Some(want.mean), &format!("{what}: mean"));
    close_opt(got.sd, Some(want.sd), &format!("{what}: sd"));
    let ci = got.ci95.unwrap();
    assert!(close(ci[0], (want.ci95[0]).max(0.0)) && close(ci[1], want.ci95[1].min(100.0)), "{what}: ci {ci:?} vs {:?}", want.ci95);
}

/// Keyed answers of the scored respondents among `rows` to `items` (ids), by side of the midpoint.
fn split(ins: &Instrument, t: &ResponseTable, s: &RespondentScores, rows: &[usize], items: &[&str]) -> [u64; 3] {
    let reverse = |id: &str| ins.likert_items().iter().any(|i| i.id == id && i.reverse);
    let mid = ins.scale.midpoint();
    let mut out = [0u64; 3];
    for id in items {
        let values = &t.answer(id).unwrap().values;
        for &r in rows.iter().filter(|&&r| !s.overall[r].is_nan()) {
            if values[r] != MISSING {
                let v = if reverse(id) { ins.scale.reverse(values[r]) } else { values[r] };
                let v = f64::from(v);
                out[if v > mid {
                    0
                } else if v == mid {
                    1
                } else {
                    2
                }] += 1;
            }
        }
    }
    out
}

fn check_split(got: [Option<f64>; 3], want: [u64; 3], what: &str) {
    let n: u64 = want.iter().sum();
    for (g, w) in got.iter().zip(want) {
        close_opt(*g, (n > 0).then(|| w as f64 / n as f64 * 100.0), what);
    }
}

/// The complete-case covariance of dimension `d`'s keyed items over the scored `rows`.
fn covariance(ins: &Instrument, t: &ResponseTable, s: &RespondentScores, rows: &[usize], d: usize) -> Covariance {
    let items: Vec<_> = keyed_items(ins, t).into_iter().filter(|k| k.item.dimension == d).collect();
    let mut cov = Covariance::new(items.len());
    for &r in rows.iter().filter(|&&r| !s.overall[r].is_nan()) {
        let keyed: Option<Vec<f64>> = items.iter().map(|k| k.keyed(&ins.scale, r).map(f64::from)).collect();
        if let Some(row) = keyed {
            cov.add(&row);
        }
    }
    cov
}

fn check_dimensions(ins: &Instrument, t: &ResponseTable, s: &RespondentScores, got: &[DimensionScore], rows: &[usize], all: bool) {
    for (d, dim) in got.iter().enumerate() {
        let what = format!("dimension {}", dim.id);
        check_score(&dim.score, &s.dims[d], rows, &what);
        let ids: Vec<&str> = ins.likert_items().iter().filter(|i| i.dimension == d).map(|i| i.id).collect();
        if dim.score.n.is_some() {
            check_split([dim.favourable, dim.neutral, dim.unfavourable], split(ins, t, s, rows, &ids), &what);
        }
        if all && dim.score.n.is_some() {
            let cov = covariance(ins, t, s, rows, d);
            let want = (cov.n() >= 30).then(|| cov.cronbach_alpha()).flatten();
            close_opt(dim.alpha, want, &format!("{what}: alpha"));
        }
    }
}

fn check_items(ins: &Instrument, t: &ResponseTable, s: &RespondentScores, got: &[ItemScore], rows: &[usize]) {
    for item in got {
        let values = &t.answer(&item.id).unwrap().values;
        let answers: Vec<u8> = rows.iter().filter(|&&r| !s.overall[r].is_nan()).map(|&r| values[r]).filter(|&v| v != MISSING).collect();
        let n = answers.len();
        assert_eq!(item.n, (n > 0).then_some(n), "item {}", item.id);
        if n == 0 {
            continue;
        }
        close_opt(item.mean, Some(answers.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64), "item mean");
        check_split([item.favourable, item.neutral, item.unfavourable], split(ins, t, s, rows, &[&item.id]), "item split");
        let dist = item.distribution.as_ref().unwrap();
        for (i, v) in (ins.scale.min..=ins.scale.max).enumerate() {
            let c = answers.iter().filter(|&&a| a == v).count();
            assert!(close(dist[i], c as f64 / n as f64 * 100.0), "item {} distribution", item.id);
        }
        let d = ins.likert_items().iter().find(|i| i.id == item.id).unwrap().dimension;
        let pos = ins.likert_items().iter().filter(|i| i.dimension == d).position(|i| i.id == item.id).unwrap();
        let cov = covariance(ins, t, s, rows, d);
        close_opt(item.item_rest, (cov.n() >= 30).then(|| cov.item_rest(pos)).flatten(), "item-rest");
    }
}

fn check_nps(got: &Option<Nps>, values: &[u8], rows: &[usize]) {
    let got = got.as_ref().unwrap();
    let answers: Vec<u8> = rows.iter().map(|&r| values[r]).filter(|&v| v != MISSING).collect();
    let n = answers.len();
    assert_eq!(got.n, (n > 0).then_some(n));
    if n > 0 {
        let p = answers.iter().filter(|&&v| v >= 9).count() as f64 / n as f64;
        let d = answers.iter().filter(|&&v| v <= 6).count() as f64 / n as f64;
        close_opt(got.score, Some((p - d) * 100.0), "nps");
        close_opt(got.promoters, Some(p * 100.0), "promoters");
    }
}

fn check_balance(ins: &Instrument, got: &Option<Balance>, values: &[u8], rows: &[usize]) {
    let got = got.as_ref().unwrap();
    let Some(Question::Bipolar { min, max, .. }) = ins.questions().find(|q| matches!(q, Question::Bipolar { .. })) else { panic!() };
    let (mid, half) = ((f64::from(*min) + f64::from(*max)) / 2.0, f64::from(max - min) / 2.0);
    let mut scaled: Vec<f64> =
        rows.iter().map(|&r| values[r]).filter(|&v| v != MISSING).map(|v| (f64::from(v) - mid) / half * 100.0).collect();
    let left = scaled.iter().filter(|&&v| v < 0.0).count();
    match summarize(&mut scaled) {
        None => assert_eq!(got.n, None),
        Some(s) => {
            assert_eq!(got.n, Some(s.n));
            close_opt(got.score, Some(s.mean), "balance");
            close_opt(got.ci95.map(|c| c[0]), Some(s.ci95[0].max(-100.0)), "balance ci");
            close_opt(got.left_share, Some(left as f64 / s.n as f64 * 100.0), "balance left");
        }
    }
}

/// Every statistic of `report` (of the rows `rows` of `t`, broken down by department) against
/// the row-based definitions.
fn check_report(ins: &Instrument, t: &ResponseTable, report: &Report, rows: &[usize]) {
    let s = respondent_scores(ins, t.rows, &keyed_items(ins, t));
    check_score(&report.overall, &s.overall, rows, "overall");
    check_dimensions(ins, t, &s, &report.dimensions, rows, true);
    check_items(ins, t, &s, &report.items, rows);
    check_nps(&report.nps, &t.answer("nps").unwrap().values, rows);
    let bipolar = ins.questions().find(|q| matches!(q, Question::Bipolar { .. })).unwrap().id();
    check_balance(ins, &report.balance, &t.answer(bipolar).unwrap().values, rows);
    let dept = t.segment("department").unwrap();
    for group in &report.segments["department"] {
        let code = dept.labels.iter().position(|l| *l == group.value).map_or(dept.labels.len(), |c| c);
        let in_group: Vec<usize> =
            rows.iter().copied().filter(|&r| (dept.codes.get(r).unwrap_or(NO_SEGMENT) as usize).min(dept.labels.len()) == code).collect();
        assert_eq!(group.n, Some(in_group.len()));
        let overall = group.overall.as_ref().unwrap();
        check_score(&overall.score, &s.overall, &in_group, "group overall");
        check_dimensions(ins, t, &s, group.dimensions.as_ref().unwrap(), &in_group, false);
        check_nps(&group.nps, &t.answer("nps").unwrap().values, &in_group);
        let rest: Vec<usize> = rows.iter().copied().filter(|r| !in_group.contains(r)).collect();
        let want = welch(&score_of(&s.overall, &in_group).1, &score_of(&s.overall, &rest).1);
        match (overall.vs_rest, want) {
            (Some(g), Some(w)) => assert!(close(g.delta, w.delta) && close(g.t, w.t), "vs rest {g:?} vs {w:?}"),
            (g, w) => assert_eq!(g.is_some(), w.is_some()),
        }
    }
}

fn by_department() -> RawOptions {
    RawOptions { by: vec!["department".into(), "role".into()], wave: None }
}

/// The report of everyone, and of department = value 0 (a filter), from `counted`, each
/// checked against the definitions.
fn check_table(ins: &Instrument, t: &ResponseTable, counted: &Counted) {
    let everyone: Vec<usize> = (0..t.rows).collect();
    let all = raw_view_report(ins, t, counted, &View { filter: &[], rows: None }, &by_department(), None).unwrap();
    check_report(ins, t, &all, &everyone);
    let column = t.segments.iter().position(|s| s.name == "department").unwrap();
    for code in [0, NO_SEGMENT] {
        let rows: Vec<u32> = (0..t.rows as u32).filter(|&r| t.segments[column].codes.get(r as usize) == Some(code)).collect();
        let part = subset(t, &rows);
        let filter = [Literal { column, code }];
        let view = View { filter: &filter, rows: Some((&rows, &part)) };
        let filtered = raw_view_report(ins, t, counted, &view, &by_department(), None).unwrap();
        check_report(ins, &part, &filtered, &(0..part.rows).collect::<Vec<_>>());
        // The same counts and medians as scoring the filtered table on its own.
        let alone = raw_report(ins, &part, &by_department(), None).unwrap();
        assert_eq!(alone.overall.n, filtered.overall.n);
        assert_eq!(alone.overall.median, filtered.overall.median);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Cell counts merged into everyone, breakdown groups and filters equal the definitions.
    #[test]
    fn counts_equal_row_definitions(seed in any::<u64>(), rows in 0usize..400, blank in 0u64..60, values in 1u32..5) {
        let ins = Instrument::default_instrument();
        let t = table(&ins, seed, rows, blank, values);
        check_table(&ins, &t, &Counted::new(&ins, &t));
    }

    /// Groups counted from their rows (too many cells to keep) give the same statistics.
    #[test]
    fn row_counted_groups_equal_row_definitions(seed in any::<u64>(), rows in 0usize..200, blank in 0u64..40) {
        let ins = Instrument::default_instrument();
        let t = table(&ins, seed, rows, blank, 4);
        check_table(&ins, &t, &Counted::with_cell_limit(&ins, &t, 0));
    }
}

/// Merging is adding: the counts of two disjoint groups merged equal the counts of their union,
/// in either order.
#[test]
fn merge_is_the_counts_of_the_union() {
    let ins = Instrument::default_instrument();
    let t = table(&ins, 7, 500, 20, 4);
    let counted = Counted::new(&ins, &t);
    let column = t.segments.iter().position(|s| s.name == "department").unwrap();
    let one = |code| counted.counts(&ins, &t, &[Literal { column, code }], None);
    let (a, b, c, d, blank) = (one(0), one(1), one(2), one(3), one(NO_SEGMENT));
    let mut merged = a.clone();
    for g in [&b, &c, &d, &blank] {
        merged.merge(g);
    }
    let mut reversed = blank.clone();
    for g in [&d, &c, &b, &a] {
        reversed.merge(g);
    }
    let everyone = counted.counts(&ins, &t, &[], None);
    assert_eq!(merged, everyone);
    assert_eq!(reversed, everyone);
    assert_eq!(everyone.people, 500);
}

/// Without a driver analysis the per-row scores are released once the cells are counted
/// (`Counted::scores` is `None`), and reports are the same as with the scores kept (groups
/// counted from their rows); with one (the default instrument's NPS) they are kept.
#[test]
fn released_scores_change_no_report() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/instrument.json")).unwrap();
    let ins = Instrument::from_json(&text).unwrap();
    let t = table(&ins, 3, 600, 15, 4);
    let (released, kept) = (Counted::new(&ins, &t), Counted::with_cell_limit(&ins, &t, 0));
    assert!(released.scores().is_none() && kept.scores().is_some());
    let everyone = View { filter: &[], rows: None };
    let report = |c: &Counted| serde_json::to_string(&raw_view_report(&ins, &t, c, &everyone, &by_department(), None).unwrap()).unwrap();
    assert_eq!(report(&released), report(&kept));
    let default = Instrument::default_instrument();
    assert!(Counted::new(&default, &table(&default, 3, 50, 15, 4)).scores().is_some());
}
