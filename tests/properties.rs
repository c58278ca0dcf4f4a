//! Property tests: invariants of keying, score bounds and suppression on random tables.

use proptest::prelude::*;
use secpulse::ingest::{ResponseTable, MISSING, NO_SEGMENT};
use secpulse::instrument::{Instrument, Question, Scale};
use secpulse::privacy::MinGroup;
use secpulse::views::{score, ScoreOptions};
use serde_json::Value;

/// A random table for the default instrument: `rows` respondents, answers on each question's
/// scale or blank, departments drawn from a few options (so some groups are tiny).
fn table_strategy() -> impl Strategy<Value = ResponseTable> {
    (0usize..80, any::<u64>()).prop_map(|(rows, seed)| {
        let ins = Instrument::default_instrument();
        let mut t = ResponseTable::for_instrument(&ins);
        t.rows = rows;
        let mut state = seed | 1;
        let mut next = move |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        for col in &mut t.answers {
            let scale = ins.question(&col.id).unwrap().numeric_scale(&ins.scale).unwrap();
            col.values = (0..rows)
                .map(|_| if next(10) == 0 { MISSING } else { scale.min + next(u64::from(scale.max - scale.min) + 1) as u8 })
                .collect();
        }
        for seg in &mut t.segments {
            // Skewed: option 0 often, options 1..4 rarely, some blanks.
            seg.codes = (0..rows)
                .map(|_| match next(20) {
                    0 => NO_SEGMENT,
                    1..=4 => 1 + next(seg.labels.len() as u64 - 1) as u32,
                    _ => 0,
                })
                .collect();
        }
        t
    })
}

/// Every count `"n"` anywhere in the report JSON.
fn counts(v: &Value, out: &mut Vec<u64>) {
    match v {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            if k == "n" {
                if let Some(n) = v.as_u64() {
                    out.push(n);
                }
            }
            counts(v, out)
        }),
        Value::Array(items) => items.iter().for_each(|v| counts(v, out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn reverse_keying_is_an_involution_on_the_scale(min in 0u8..50, span in 1u8..50, pick in 0u8..=255) {
        let s = Scale { min, max: min + span, labels: vec![] };
        let v = min + pick % (span + 1);
        prop_assert!(s.contains(s.reverse(v)));
        prop_assert_eq!(s.reverse(s.reverse(v)), v);
        prop_assert_eq!(u16::from(v) + u16::from(s.reverse(v)), u16::from(s.min) + u16::from(s.max));
    }

    #[test]
    fn nothing_under_k_is_ever_shown(table in table_strategy(), k in 2usize..9) {
        let ins = Instrument::default_instrument();
        let options = ScoreOptions {
            by: vec!["department".into(), "role".into()],
            wave: Some("contact".into()),
            min_group: MinGroup::new(k).unwrap(),
        };
        let report = score(&ins, &table, &options).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        let mut ns = Vec::new();
        counts(&json, &mut ns);
        prop_assert!(ns.iter().all(|&n| n as usize >= k), "a count under {} is shown: {:?}", k, ns);

        for (column, groups) in &report.segments {
            let seg = table.segment(column).unwrap();
            let size = |label: &str| (0..table.rows).filter(|&r| seg.label_of(r).unwrap_or("(no answer)") == label).count();
            let hidden: Vec<usize> = groups.iter().filter(|g| g.suppressed).map(|g| size(&g.value)).collect();
            for g in groups.iter().filter(|g| !g.suppressed) {
                prop_assert!(size(&g.value) >= k);
                prop_assert_eq!(g.n, Some(size(&g.value)));
            }
            // No hidden group, or at least two hidden holding k or more people together.
            prop_assert!(hidden.is_empty() || (hidden.len() >= 2 && hidden.iter().sum::<usize>() >= k)
                || groups.iter().all(|g| g.suppressed), "{}: hidden {:?}", column, hidden);
            // Every respondent is in exactly one group.
            let total: usize = groups.iter().map(|g| size(&g.value)).sum();
            prop_assert_eq!(total, table.rows);
        }
    }

    #[test]
    fn scores_and_shares_stay_in_bounds(table in table_strategy()) {
        let ins = Instrument::default_instrument();
        let report = score(&ins, &table, &ScoreOptions { by: vec!["department".into()], ..Default::default() }).unwrap();
        let in_range = |v: Option<f64>| v.is_none_or(|v| (0.0..=100.0).contains(&v));
        prop_assert!(in_range(report.overall.score));
        for d in &report.dimensions {
            prop_assert!(in_range(d.score.score) && in_range(d.score.median));
            if let Some([lo, hi]) = d.score.ci95 {
                prop_assert!(0.0 <= lo && lo <= hi && hi <= 100.0);
                prop_assert!(lo <= d.score.score.unwrap() && d.score.score.unwrap() <= hi);
            }
            if let (Some(f), Some(n), Some(u)) = (d.favourable, d.neutral, d.unfavourable) {
                prop_assert!((f + n + u - 100.0).abs() < 1e-9);
            }
        }
        for item in &report.items {
            let q = ins.question(&item.id).unwrap();
            let is_likert = matches!(q, Question::Likert { .. });
            prop_assert!(is_likert);
            if let Some(mean) = item.mean {
                prop_assert!((1.0..=5.0).contains(&mean));
            }
        }
        if let Some(score) = report.nps.as_ref().and_then(|n| n.score) {
            prop_assert!((-100.0..=100.0).contains(&score));
        }
        if let Some(score) = report.balance.as_ref().and_then(|b| b.score) {
            prop_assert!((-100.0..=100.0).contains(&score));
        }
    }
}
