//! Difference attacks on the dashboard's filtered views (`views::Views::report`):
//! views of sibling groups (the values of one column, the waves, the cells of one wave
//! or one segment value) must not add up to a total minus fewer than k people.

use proptest::prelude::*;
use secpulse::ingest::NO_ANSWER;
use secpulse::ingest::{ResponseTable, SegmentColumn, NO_SEGMENT};
use secpulse::instrument::Instrument;
use secpulse::privacy::filter::{Filter, SegmentFilter};
use secpulse::privacy::MinGroup;
use secpulse::views::{View, ViewConfig, Views};

/// A table of the default instrument with the given (department code, wave code) per row.
fn table(rows: &[(Option<u32>, Option<u32>)]) -> ResponseTable {
    let ins = Instrument::default_instrument();
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = rows.len();
    for c in &mut t.answers {
        c.values = vec![4; t.rows];
    }
    for s in &mut t.segments {
        s.codes = rows.iter().map(|r| if s.name == "department" { r.0 } else { None }.unwrap_or(NO_SEGMENT)).collect();
    }
    t.segments.push(SegmentColumn {
        name: "wave".into(),
        labels: vec!["2025".into(), "2026".into(), "2027".into()],
        codes: rows.iter().map(|r| r.1.unwrap_or(NO_SEGMENT)).collect(),
    });
    t
}

fn view(t: &ResponseTable, dept: Option<&str>, wave: Option<&str>, k: usize) -> Option<usize> {
    let filter =
        Filter { segment: dept.map(|v| SegmentFilter { column: "department".into(), value: v.into() }), wave: wave.map(str::to_string) };
    let config = ViewConfig { wave: Some("wave".into()), min_group: MinGroup::new(k).unwrap(), ..ViewConfig::default() };
    let mut views = Views::new(Instrument::default_instrument(), t.clone(), config, None);
    views.report(&View { by: vec![], filter }).ok().and_then(|r| r.respondents)
}

fn labels(t: &ResponseTable, column: &str) -> Vec<String> {
    let seg = t.segment(column).unwrap();
    seg.labels.iter().cloned().chain(std::iter::once(NO_ANSWER.to_string())).collect()
}

/// Total (when shown) minus the allowed sibling views is 0 or at least k.
fn assert_no_small_remainder(total: usize, allowed: &[usize], k: usize, what: &str) {
    if total < k {
        return; // the total itself is not shown
    }
    let rest = total - allowed.iter().sum::<usize>();
    assert!(rest == 0 || rest >= k, "{what}: {rest} people derivable from {total} − {allowed:?}");
}

fn check(t: &ResponseTable, k: usize) {
    let depts = labels(t, "department");
    let waves: Vec<String> = labels(t, "wave").into_iter().filter(|w| w != NO_ANSWER).collect();
    let d: Vec<usize> = depts.iter().filter_map(|v| view(t, Some(v), None, k)).collect();
    assert_no_small_remainder(t.rows, &d, k, "department views");
    let w: Vec<usize> = waves.iter().filter_map(|v| view(t, None, Some(v), k)).collect();
    assert_no_small_remainder(t.rows, &w, k, "wave views");
    for wave in &waves {
        let Some(total) = view(t, None, Some(wave), k) else { continue };
        let cells: Vec<usize> = depts.iter().filter_map(|v| view(t, Some(v), Some(wave), k)).collect();
        assert_no_small_remainder(total, &cells, k, &format!("departments in {wave}"));
    }
    for dept in &depts {
        let Some(total) = view(t, Some(dept), None, k) else { continue };
        let cells: Vec<usize> = waves.iter().filter_map(|w| view(t, Some(dept), Some(w), k)).collect();
        assert_no_small_remainder(total, &cells, k, &format!("waves of {dept}"));
    }
}

fn rows(spec: &[(Option<u32>, Option<u32>, usize)]) -> Vec<(Option<u32>, Option<u32>)> {
    spec.iter().flat_map(|&(d, w, n)| std::iter::repeat((d, w)).take(n)).collect()
}

/// Leak found and fixed: views were checked one by one against their coarser views only,
/// so "Engineering" (20) and "IT" (20), both allowed, gave a third department of 3 as
/// all respondents − Engineering − IT.
#[test]
fn two_allowed_siblings_do_not_reveal_a_small_third() {
    let t = table(&rows(&[(Some(0), Some(0), 20), (Some(1), Some(0), 20), (Some(2), Some(0), 3)]));
    check(&t, 5);
    let shown = [view(&t, Some("Engineering"), None, 5), view(&t, Some("IT"), None, 5)];
    assert_eq!(shown.iter().filter(|v| v.is_some()).count(), 1, "one of the two large siblings is refused");
}

#[test]
fn blank_segment_and_wave_rows_count_as_siblings() {
    check(&table(&rows(&[(Some(0), Some(0), 20), (None, Some(0), 2), (Some(1), None, 12)])), 5);
    check(&table(&rows(&[(Some(0), Some(0), 10), (Some(0), Some(1), 10), (Some(0), None, 2)])), 5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("SECPULSE_PRIVACY_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn random_tables_allow_no_small_remainder(
        spec in proptest::collection::vec(
            (proptest::option::weighted(0.9, 0u32..5), proptest::option::weighted(0.9, 0u32..3), 0usize..14),
            0..12,
        ),
        k in 2usize..=6,
    ) {
        check(&table(&rows(&spec)), k);
    }
}

#[test]
fn the_menus_list_choice_columns_and_the_wave() {
    let t = table(&rows(&[(Some(0), Some(0), 6), (Some(1), Some(1), 6)]));
    let views = Views::new(Instrument::default_instrument(), t, ViewConfig::default(), None);
    let columns = views.columns();
    let dept = columns.iter().find(|c| c.name == "department").unwrap();
    assert!(dept.choice && dept.values.contains(&"Engineering".to_string()));
    let wave = columns.iter().find(|c| c.name == "wave").unwrap();
    assert!(!wave.choice && wave.values == ["2025", "2026", "2027"]);
    let report = views_report(&views);
    let published = secpulse::views::Column::of_report(&report);
    assert_eq!(published.iter().map(|c| (c.name.as_str(), c.choice)).collect::<Vec<_>>(), [("department", true), ("wave", false)]);
}

fn views_report(views: &Views) -> secpulse::report::Report {
    let options = secpulse::views::ScoreOptions { by: vec!["department".into()], wave: Some("wave".into()), ..Default::default() };
    secpulse::views::score(views.instrument(), views.table(), &options).unwrap()
}
