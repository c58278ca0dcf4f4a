//! Publishing the same survey twice: a wave published in March, and waves 1 and 2 published in
//! September. Subtracting the March report from the September one singles out anyone the
//! September policy hid, unless the September policy is decided with what March released
//! (`Views::publish_after`, `privacy::prior`).
//!
//! The crafted survey: wave 1 has 20 Engineering and 7 Finance respondents, who answered every
//! item with 4; wave 2 has one respondent so far, x, who answered every item with 3 (the
//! midpoint: a score of 50 however items are keyed).

#[path = "common/audit.rs"]
mod audit;
#[path = "common/redteam.rs"]
mod redteam;

use std::collections::BTreeMap;

use audit::{Kind, Person, Set};
use redteam::{answering, survey, views, ALL_LIKERT};
use secpulse::privacy::disclosure::Measure;
use secpulse::privacy::prior::{PriorError, Publication, Release};
use secpulse::report::Report;
use secpulse::views::{View, ViewError};

fn people(wave: &str, department: &str, n: usize, v: u8) -> Vec<Person> {
    (0..n).map(|_| answering(Person::new().seg("department", department).seg("wave", wave), &ALL_LIKERT, v)).collect()
}

fn wave_one() -> Vec<Person> {
    let mut p = people("w1", "Engineering", 20, 4);
    p.extend(people("w1", "Finance", 7, 4));
    p
}

fn both_waves() -> Vec<Person> {
    let mut p = wave_one();
    p.extend(people("w2", "Finance", 1, 3));
    p
}

/// Everyone's released respondents and overall score in a published report.
fn everyone(json: &str) -> Option<(f64, f64)> {
    let report = Report::from_json(json).expect("a published report reads back");
    Some((report.respondents? as f64, report.overall.score?))
}

/// March: wave 1 alone, published with nothing before it.
fn march() -> (String, Publication) {
    let (json, publication) = views(&survey(wave_one(), Some("wave"))).publish_after(&View::default(), &[]).unwrap();
    (json, publication.expect("a survey with a wave column keeps a record"))
}

#[test]
fn republishing_without_the_record_singles_out_a_late_respondent() {
    let (march, _) = march();
    let september = views(&survey(both_waves(), Some("wave"))).publish(&View::default()).unwrap();
    let (Some((n1, s1)), Some((n2, s2))) = (everyone(&march), everyone(&september)) else {
        panic!("the crafted case no longer shows everyone in both reports; it needs a new example")
    };
    let x = n2 * s2 - n1 * s1;
    eprintln!("everyone: {n1} at {s1} in March, {n2} at {s2} in September: x's score = {x:.1} (true 50; the others 60.7)");
    assert!((x - 50.0).abs() < 3.0, "the subtraction this test guards against should work without the record");
}

#[test]
fn republishing_with_the_record_does_not() {
    let (march_report, record) = march();
    assert!(everyone(&march_report).is_some(), "March shows everyone (27 people)");
    match views(&survey(both_waves(), Some("wave"))).publish_after(&View::default(), &[record]) {
        Err(e) => assert_eq!(e, ViewError::Filter(secpulse::privacy::filter::FilterError::Difference { k: 5 })),
        Ok((september, _)) => assert_eq!(everyone(&september), None, "September must not show everyone: with March it singles out x"),
    }
    // Once wave 2 holds k answers, September shows everyone again.
    let mut grown = both_waves();
    grown.extend(people("w2", "Engineering", 4, 3));
    let (_, record) = march();
    let (september, next) = views(&survey(grown, Some("wave"))).publish_after(&View::default(), &[record]).unwrap();
    assert_eq!(everyone(&september).map(|(n, _)| n), Some(32.0));
    assert_eq!(next.unwrap().waves.len(), 2);
}

#[test]
fn a_published_wave_that_changed_is_refused() {
    let (_, record) = march();
    let mut later = wave_one();
    later.extend(people("w1", "Engineering", 1, 3));
    let err = views(&survey(later, Some("wave"))).publish_after(&View::by("department"), &[record]).unwrap_err();
    assert_eq!(err, ViewError::Prior(PriorError::WaveChanged { wave: "w1".into() }));
    assert!(err.to_string().contains("publish a wave once, after it closes"), "{err}");
}

#[test]
fn a_record_needs_a_wave_column_to_be_used() {
    let (_, record) = march();
    let err = views(&survey(both_waves(), None)).publish_after(&View::by("department"), &[record]).unwrap_err();
    assert_eq!(err, ViewError::Prior(PriorError::NoWaveColumn));
    let (_, none) = views(&survey(wave_one(), None)).publish_after(&View::by("department"), &[]).unwrap();
    assert_eq!(none, None, "without a wave column there is no record to publish again with");
}

#[test]
fn the_record_reads_back_from_json() {
    let (_, record) = march();
    let json = serde_json::to_string(&record).unwrap();
    assert!(!json.contains("Finance\",\"4") && json.contains("\"department\""));
    let back: Publication = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
}

/// The statistics the auditor can follow across publications, by the policy's name for them.
fn audited_kind(survey: &audit::Survey, measure: Measure) -> Option<Kind> {
    let dims = &survey.instrument.dimensions;
    Some(match measure {
        Measure::People => Kind::People,
        Measure::Overall => Kind::Overall,
        Measure::Dimension(d) => Kind::Dim(dims.get(d)?.id.clone()),
        Measure::Nps => Kind::Nps,
        Measure::Balance => Kind::Balance,
        _ => return None,
    })
}

/// Findings of the linear attacks over the populations two publications released: `first`
/// (of the first `first_rows` rows of `survey`) and `second` (of all of them).
fn attacks_across(survey: &audit::Survey, first_rows: usize, first: &Publication, second: &Publication) -> Vec<audit::Finding> {
    let rows = survey.people.len();
    let set_of =
        |r: &Release, limit: usize| Set::from_fn(rows, |i| i < limit && r.population.iter().all(|(c, v)| survey.people[i].value(c) == v));
    let mut by_kind: BTreeMap<Measure, Vec<(Set, String)>> = BTreeMap::new();
    for (publication, limit, name) in [(first, first_rows, "first"), (second, rows, "second")] {
        for r in &publication.released {
            by_kind.entry(r.measure).or_default().push((set_of(r, limit), format!("{name}: {:?} {:?}", r.measure, r.population)));
        }
    }
    by_kind.into_iter().filter_map(|(m, pops)| Some(audit::linear_attacks(survey, &audited_kind(survey, m)?, &pops))).flatten().collect()
}

/// Random surveys with two or more waves: the first wave is published, then everything. With
/// the record, no difference or triple across both publications singles out 1 … k − 1
/// contributors; without it, some surveys leak (so the check can see the leak).
#[test]
fn random_republications_leak_only_without_the_record() {
    let (mut without, mut surveys) = (0, 0);
    for seed in 0..300u64 {
        let s = audit::random_survey(seed, audit::GenOptions { k: 5 });
        let Some(w) = s.wave.clone() else { continue };
        let first_wave = audit::WAVES[0];
        let (mut early, late): (Vec<Person>, Vec<Person>) = s.people.iter().cloned().partition(|p| p.value(&w) == first_wave);
        if early.is_empty() || late.is_empty() {
            continue;
        }
        let first_rows = early.len();
        let part = audit::Survey { people: early.clone(), ..s.clone() };
        // A survey too small to show everyone publishes nothing.
        let Ok((_, Some(first))) = views(&part).publish_after(&View::default(), &[]) else { continue };
        surveys += 1;
        early.extend(late);
        let whole = audit::Survey { people: early, ..s.clone() };
        if let Ok((_, Some(second))) = views(&whole).publish_after(&View::default(), std::slice::from_ref(&first)) {
            let found = attacks_across(&whole, first_rows, &first, &second);
            assert!(found.is_empty(), "seed {seed}: {}", found.iter().map(|f| format!("\n  {f}")).collect::<String>());
        }
        if let Ok((_, Some(alone))) = views(&whole).publish_after(&View::default(), &[]) {
            without += attacks_across(&whole, first_rows, &first, &alone).len();
        }
    }
    eprintln!("{surveys} surveys published twice: no findings with the record, {without} without");
    assert!(surveys > 50, "too few surveys with two waves: {surveys}");
    assert!(without > 0, "no leak without the record: the check would not see one");
}
