//! Comment samples: the group tags a sample carries must not, together, narrow it to
//! fewer than the comment threshold (e.g. "Engineering" + "Leader" when there is one
//! Engineering leader), and no comment under the threshold reaches the report.

use proptest::prelude::*;
use secpulse::ingest::{ResponseTable, MISSING, NO_SEGMENT};
use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::privacy::MinGroup;
use secpulse::report::CommentReport;
use secpulse::score::comments::AnalyzedComments;
use secpulse::text::Analyzer;
use secpulse::views::{score_with_comments, ScoreOptions};

/// Rows of (department code, role code), each with a distinct comment.
fn report(rows: &[(Option<u32>, Option<u32>)], by: &[&str], k: usize) -> Vec<CommentReport> {
    let ins = Instrument::default_instrument();
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = rows.len();
    t.answers.iter_mut().for_each(|c| c.values = vec![MISSING; rows.len()]);
    for seg in t.segments.iter_mut() {
        seg.codes = rows
            .iter()
            .map(|r| match seg.name.as_str() {
                "department" => r.0,
                "role" => r.1,
                _ => None,
            })
            .map(|c| c.unwrap_or(NO_SEGMENT))
            .collect();
    }
    t.texts[0].entries = (0..rows.len() as u32).map(|r| (r, format!("comment number {r} about reviews").into())).collect();
    let analyzed = AnalyzedComments::new(&Analyzer::new(), &t);
    let options =
        ScoreOptions { by: by.iter().map(|s| s.to_string()).collect(), min_group: MinGroup::new(k).unwrap(), ..Default::default() };
    score_with_comments(&ins, &t, &options, Some((&analyzed, &CommentOptions::default()))).unwrap().comments
}

/// Every combination of tags on the samples is shared by at least `min_comments` comments
/// (all comments are sampled here, so counting samples counts comments).
fn check(reports: &[CommentReport], total: usize) {
    for c in reports {
        if c.n.is_none() {
            assert!(c.samples.is_empty() && c.summary.is_none(), "comments under the threshold");
            continue;
        }
        assert_eq!(c.samples.len(), total.min(200));
        let mut combos: std::collections::BTreeMap<Vec<(String, String)>, usize> = Default::default();
        for s in &c.samples {
            *combos.entry(s.groups.clone().into_iter().collect()).or_default() += 1;
        }
        for (combo, count) in combos {
            assert!(count >= c.min_comments, "{count} comments tagged {combo:?}");
        }
    }
}

fn rows(spec: &[(Option<u32>, Option<u32>, usize)]) -> Vec<(Option<u32>, Option<u32>)> {
    spec.iter().flat_map(|&(d, r, n)| std::iter::repeat((d, r)).take(n)).collect()
}

/// Leak found and fixed: samples were tagged with every breakdown's visible value, so the
/// one Engineering leader's comment was the only one tagged Engineering + Leader.
#[test]
fn the_only_engineering_leader_is_not_pinned_by_two_tags() {
    let r = rows(&[(Some(0), Some(2), 39), (Some(0), Some(0), 1), (Some(1), Some(0), 14), (Some(1), Some(2), 10)]);
    let reports = report(&r, &["department", "role"], 5);
    check(&reports, r.len());
    let c = &reports[0];
    // Leader alone has 15 comments, but its label counts next to the samples' department tags
    // would pin the one Engineering leader's comment (second red team, finding A): comment
    // counts follow the texts' decision, so Leader's are hidden, and no sample has two tags.
    assert!(c.segments["role"].iter().any(|g| g.value == "Leader" && g.suppressed), "Leader's counts hidden");
    assert!(c.samples.iter().all(|s| s.groups.len() <= 1), "role tags left off: Engineering ∩ Leader is 1 comment");
}

#[test]
fn comments_under_the_threshold_are_not_reported() {
    check(&report(&rows(&[(Some(0), Some(2), 9)]), &["department"], 5), 9);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_tag_combinations_never_narrow_below_the_threshold(
        spec in proptest::collection::vec((proptest::option::weighted(0.9, 0u32..4), proptest::option::weighted(0.9, 0u32..3), 1usize..25), 1..8),
    ) {
        let r = rows(&spec);
        check(&report(&r, &["department", "role"], 5), r.len());
        check(&report(&r, &["role", "department", "contact"], 5), r.len());
    }
}

/// Leak found and fixed: samples were shuffled with a fixed, published seed, so a reader
/// could undo the shuffle and recover each comment's row (often its submission order).
/// Now the order depends on the comments only: reordering the rows changes nothing.
#[test]
fn sample_order_does_not_depend_on_row_order() {
    let r = rows(&[(Some(0), Some(2), 15), (Some(1), Some(0), 12)]);
    let forward = report(&r, &["department"], 5);
    let ins = Instrument::default_instrument();
    // The same respondents in reverse order, each with the same comment.
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = r.len();
    t.answers.iter_mut().for_each(|c| c.values = vec![MISSING; r.len()]);
    for seg in t.segments.iter_mut() {
        seg.codes = r
            .iter()
            .rev()
            .map(|x| {
                if seg.name == "department" {
                    x.0
                } else if seg.name == "role" {
                    x.1
                } else {
                    None
                }
            })
            .map(|c| c.unwrap_or(NO_SEGMENT))
            .collect();
    }
    let n = r.len() as u32;
    t.texts[0].entries = (0..n).map(|i| (i, format!("comment number {} about reviews", n - 1 - i).into())).collect();
    let analyzed = AnalyzedComments::new(&Analyzer::new(), &t);
    let options = ScoreOptions { by: vec!["department".into()], min_group: MinGroup::new(5).unwrap(), ..Default::default() };
    let backward = score_with_comments(&ins, &t, &options, Some((&analyzed, &CommentOptions::default()))).unwrap().comments;
    let texts = |c: &[CommentReport]| c[0].samples.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&forward), texts(&backward));
}
