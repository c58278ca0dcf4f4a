//! Difference attacks on reports: every count shown is at least k, and nothing about
//! fewer than k respondents (or answers) can be worked out by subtracting what a
//! breakdown shows from the totals — for every `--by` combination, waves, the
//! "(no answer)" group, and statistics (overall, dimensions, NPS, balance) that rest on
//! fewer answers than the group has people.

use proptest::prelude::*;
use secpulse::ingest::{ResponseTable, SegmentColumn, MISSING, NO_SEGMENT};
use secpulse::instrument::Instrument;
use secpulse::privacy::MinGroup;
use secpulse::report::Report;
use secpulse::views::{score, ScoreOptions};
use serde_json::Value;

/// One respondent: department code (None = blank), wave code, and which blocks they answered.
#[derive(Debug, Clone)]
struct Person {
    dept: Option<u32>,
    role: Option<u32>,
    wave: Option<u32>,
    /// Likert answer 1–5 used for every item, or None (no Likert answers at all).
    likert: Option<u8>,
    /// Answered only the enablement items (so other dimensions have fewer answers).
    only_enablement: bool,
    nps: Option<u8>,
    balance: Option<u8>,
}

fn table(people: &[Person]) -> (Instrument, ResponseTable) {
    let ins = Instrument::default_instrument();
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = people.len();
    for c in &mut t.answers {
        c.values = people
            .iter()
            .map(|p| match c.id.as_str() {
                "nps" => p.nps.unwrap_or(MISSING),
                "en_balance" => p.balance.unwrap_or(MISSING),
                id if p.only_enablement && !id.starts_with("en") => MISSING,
                _ => p.likert.unwrap_or(MISSING),
            })
            .collect();
    }
    for seg in &mut t.segments {
        seg.codes = people
            .iter()
            .map(|p| match seg.name.as_str() {
                "department" => p.dept,
                "role" => p.role,
                _ => None,
            })
            .map(|c| c.unwrap_or(NO_SEGMENT))
            .collect();
    }
    t.segments.push(SegmentColumn {
        name: "wave".into(),
        labels: (0..6).map(|w| format!("2026-W{w}")).collect(),
        codes: people.iter().map(|p| p.wave.unwrap_or(NO_SEGMENT)).collect(),
    });
    (ins, t)
}

fn report(people: &[Person], by: &[&str], wave: bool, k: usize) -> Report {
    let (ins, t) = table(people);
    let options = ScoreOptions {
        by: by.iter().map(|s| s.to_string()).collect(),
        wave: wave.then(|| "wave".to_string()),
        min_group: MinGroup::new(k).unwrap(),
    };
    score(&ins, &t, &options).unwrap()
}

/// Every "n" (and "respondents") in the JSON is null or at least k.
fn no_small_counts(v: &Value, k: u64, path: &str) {
    match v {
        Value::Object(map) => {
            for (key, val) in map {
                if key == "n" || key == "respondents" || key == "n_label" {
                    let n = val.as_u64().or_else(|| val.as_str().and_then(|s| s.parse().ok()));
                    assert!(n.map_or(true, |n| n >= k), "{path}.{key} = {val} is under k = {k}");
                }
                no_small_counts(val, k, &format!("{path}.{key}"));
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| no_small_counts(x, k, &format!("{path}[{i}]"))),
        _ => {}
    }
}

/// The n of each measure a group (or the whole sample) shows: overall, each dimension, NPS, balance.
fn measure_ns(overall: &Value, dims: &Value, nps: &Value, balance: &Value) -> Vec<Option<u64>> {
    let mut out = vec![overall["n"].as_u64()];
    out.extend(dims.as_array().into_iter().flatten().map(|d| d["n"].as_u64()));
    out.push(nps["n"].as_u64());
    out.push(balance["n"].as_u64());
    out
}

/// What an attacker gets by subtracting a breakdown's visible groups from the totals:
/// for the people and for each measure, the pool left over must be 0 or at least k.
fn no_small_remainder(report: &Value, groups: &Value, k: u64, what: &str) {
    let groups = groups.as_array().expect("groups");
    let total_people = report["respondents"].as_u64();
    if let Some(total) = total_people {
        let visible: u64 = groups.iter().filter_map(|g| g["n"].as_u64()).sum();
        let rest = total - visible;
        assert!(rest == 0 || rest >= k, "{what}: {rest} people derivable by subtraction");
    }
    let totals = measure_ns(&report["overall"], &report["dimensions"], &report["nps"], &report["balance"]);
    let per_group: Vec<Vec<Option<u64>>> =
        groups.iter().map(|g| measure_ns(&g["overall"], &g["dimensions"], &g["nps"], &g["balance"])).collect();
    for (m, total) in totals.iter().enumerate() {
        let Some(total) = total else { continue };
        let visible: u64 = per_group.iter().filter_map(|ns| ns.get(m).copied().flatten()).sum();
        let rest = total - visible;
        assert!(rest == 0 || rest >= k, "{what}: measure {m} of a pool of {rest} answers derivable by subtraction");
        // A difference to "everyone else" only when the rest has at least k answers.
        for (g, ns) in groups.iter().zip(&per_group) {
            let vs_rest = if m == 0 {
                !g["overall"]["vs_rest"].is_null()
            } else {
                g["dimensions"].get(m - 1).is_some_and(|d| d.get("vs_rest").is_some_and(|x| !x.is_null()))
            };
            if vs_rest {
                let n = ns[m].expect("a difference for a hidden measure");
                assert!(total - n >= k, "{what}: vs_rest shown against {} others", total - n);
            }
        }
    }
}

/// All the checks on one report.
fn check(report: &Report, k: usize) {
    let v = serde_json::to_value(report).unwrap();
    let k = k as u64;
    no_small_counts(&v, k, "report");
    for (column, groups) in v["segments"].as_object().unwrap() {
        no_small_remainder(&v, groups, k, &format!("--by {column}"));
    }
    if !v["waves"].is_null() {
        no_small_remainder(&v, &v["waves"]["waves"], k, "waves");
        let shown: Vec<&str> = v["waves"]["waves"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| !w["suppressed"].as_bool().unwrap())
            .map(|w| w["value"].as_str().unwrap())
            .collect();
        for d in v["waves"]["deltas"].as_array().unwrap() {
            assert!(shown.contains(&d["from"].as_str().unwrap()) && shown.contains(&d["to"].as_str().unwrap()));
        }
    }
}

fn person(dept: Option<u32>, wave: Option<u32>) -> Person {
    Person { dept, role: Some(2), wave, likert: Some(4), only_enablement: false, nps: Some(8), balance: Some(5) }
}

fn people(spec: &[(Option<u32>, usize)]) -> Vec<Person> {
    spec.iter().flat_map(|&(d, n)| (0..n).map(move |i| person(d, Some((i % 2) as u32)))).collect()
}

const BY: &[&[&str]] = &[&[], &["department"], &["role"], &["department", "role"], &["department", "role", "contact"]];

fn check_all(p: &[Person]) {
    for k in [2, 3, 5, 7] {
        for by in BY {
            for wave in [false, true] {
                check(&report(p, by, wave, k), k);
            }
        }
    }
}

#[test]
fn groups_of_one_to_four() {
    for small in 1..=4 {
        check_all(&people(&[(Some(0), 20), (Some(1), small), (Some(2), 9)]));
        check_all(&people(&[(Some(0), 20), (Some(1), small)]));
    }
}

#[test]
fn two_small_groups_that_pool_under_k() {
    let p = people(&[(Some(0), 30), (Some(1), 1), (Some(2), 2), (Some(3), 7)]);
    check_all(&p);
    let r = serde_json::to_value(report(&p, &["department"], false, 5)).unwrap();
    let hidden = r["segments"]["department"].as_array().unwrap().iter().filter(|g| g["suppressed"] == true).count();
    assert_eq!(hidden, 3, "1 + 2 people pull in the group of 7");
}

#[test]
fn a_group_of_total_minus_one_to_k_minus_one() {
    for rest in 1..5 {
        // Department 0 holds everyone but `rest` people, who left the department blank.
        let p = people(&[(Some(0), 25), (None, rest)]);
        check_all(&p);
        let r = serde_json::to_value(report(&p, &["department"], false, 5)).unwrap();
        for g in r["segments"]["department"].as_array().unwrap() {
            assert!(g["overall"].is_null() || g["overall"]["vs_rest"].is_null(), "no difference against {rest} others");
        }
    }
}

#[test]
fn the_no_answer_group_is_protected_like_any_other() {
    check_all(&people(&[(Some(0), 12), (Some(1), 12), (None, 2)]));
    check_all(&people(&[(Some(0), 12), (None, 6)]));
}

/// Leak found and fixed: rows with a blank wave were left out of the wave breakdown's
/// suppression, so `respondents − Σ waves` gave a group of 2 and its scores.
#[test]
fn blank_waves_cannot_be_derived_from_the_total() {
    let mut p = people(&[(Some(0), 30)]);
    p[0].wave = None;
    p[1].wave = None;
    p[0].likert = Some(1);
    p[1].likert = Some(1);
    let r = report(&p, &[], true, 5);
    check(&r, 5);
    let shown: usize = r.waves.as_ref().unwrap().waves.iter().filter_map(|w| w.n).sum();
    assert!(shown == 0 || 30 - shown >= 5, "{shown} of 30 people shown in waves");
}

/// Leak found and fixed: a visible group whose NPS rests on 3 answers hid its NPS, but
/// the total NPS minus the other groups' NPS gave those 3 answers.
#[test]
fn a_statistic_with_fewer_answers_than_the_group_takes_its_complement_with_it() {
    let mut p = people(&[(Some(0), 20), (Some(1), 12), (Some(2), 15)]);
    for x in p.iter_mut().filter(|x| x.dept == Some(1)).skip(3) {
        x.nps = None;
        x.balance = None;
        x.only_enablement = true;
    }
    check_all(&p);
    let r = report(&p, &["department"], false, 5);
    let groups = &r.segments["department"];
    assert!(groups.iter().all(|g| !g.suppressed), "every department has at least 12 people");
    let nps_hidden = groups.iter().filter(|g| g.nps.as_ref().is_some_and(|n| n.n.is_none())).count();
    assert_eq!(nps_hidden, 2, "the 3-answer NPS and the next smallest are hidden");
}

/// Leak found and fixed: suppressed groups pool 7 people, but only 2 of them answered
/// the NPS question, so total NPS minus the visible groups gave those 2 answers.
#[test]
fn hidden_groups_whose_answers_pool_under_k() {
    let mut p = people(&[(Some(0), 20), (Some(1), 3), (Some(2), 4), (Some(3), 9)]);
    for x in p.iter_mut().filter(|x| matches!(x.dept, Some(1) | Some(2))).skip(2) {
        x.nps = None;
        x.likert = None;
    }
    check_all(&p);
}

#[test]
fn everything_hidden_when_the_survey_is_under_k() {
    let p = people(&[(Some(0), 3)]);
    let r = report(&p, &["department"], true, 5);
    check(&r, 5);
    assert!(r.respondents.is_none() && r.overall.n.is_none());
    assert!(r.items.iter().all(|i| i.n.is_none() && i.distribution.is_none()));
}

#[test]
fn the_published_report_holds_aggregates_only() {
    let (ins, mut t) = table(&people(&[(Some(0), 12), (Some(1), 3)]));
    let secret = "only Jane in payroll would write this";
    t.texts[0].entries = vec![(0, secret.into()), (1, "second comment".into())];
    let r = score(&ins, &t, &ScoreOptions { by: vec!["department".into()], ..Default::default() }).unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains(secret) && !json.contains("second comment"), "no comment in the report");
    assert!(!json.contains("Customer Support"), "departments nobody chose are not listed");
    check(&r, 5);
}

fn arb_person() -> impl Strategy<Value = Person> {
    (
        proptest::option::weighted(0.9, 0u32..6),
        proptest::option::weighted(0.8, 0u32..3),
        proptest::option::weighted(0.9, 0u32..4),
        proptest::option::weighted(0.9, 1u8..=5),
        proptest::bool::weighted(0.2),
        proptest::option::weighted(0.7, 0u8..=10),
        proptest::option::weighted(0.7, 1u8..=7),
    )
        .prop_map(|(dept, role, wave, likert, only_enablement, nps, balance)| Person {
            dept,
            role,
            wave,
            likert,
            only_enablement,
            nps,
            balance,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("SECPULSE_PRIVACY_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(96)
    ))]

    /// Random surveys (0–80 people, every mix of blanks), every `--by` combination and
    /// waves, k from 2 to 7: no small count and no small remainder anywhere.
    #[test]
    fn random_surveys_leak_nothing(p in proptest::collection::vec(arb_person(), 0..80), k in 2usize..=7) {
        for by in BY {
            check(&report(&p, by, true, k), k);
        }
    }
}
