//! Driver analysis (Johnson's relative weights) against an independent computation:
//! `tests/data/drivers/expected.py` (numpy) produced every expected number here.

use secpulse::instrument::Instrument;
use secpulse::report::{Outcome, Report};
use secpulse::score::drivers::{relative_weights, BOOTSTRAP_SAMPLES, MIN_DRIVER_BASE};
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score, ScoreOptions};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn weights_of_a_known_dataset_match_numpy() {
    let text = std::fs::read_to_string("tests/data/drivers/known.csv").unwrap();
    let rows: Vec<Vec<f64>> = text.lines().skip(1).map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect();
    let x: Vec<Vec<f64>> = rows.iter().map(|r| r[..4].to_vec()).collect();
    let y: Vec<f64> = rows.iter().map(|r| r[4]).collect();
    let w = relative_weights(&x, &y).unwrap();
    // expected.py: "known"
    let expected = [0.3110324860641261, 0.1826895171047803, 0.00603127872909477, 0.027795538200538372];
    for (got, want) in w.raw.iter().zip(expected) {
        assert!(close(*got, want, 1e-10), "{:?}", w.raw);
    }
    assert!(close(w.r2, 0.5275488200985394, 1e-10));
    assert!(close(w.shares().iter().sum::<f64>(), 100.0, 1e-9));
}

fn synthetic(n: usize, seed: u64) -> Report {
    let instrument = Instrument::default_instrument();
    let table = generate(&instrument, &SynthOptions { n, seed, ..SynthOptions::default() });
    score(&instrument, &table, &ScoreOptions::default()).unwrap()
}

#[test]
fn weights_of_synthetic_responses_match_numpy() {
    // `secpulse synth --n 800 --seed 11`, scored by expected.py itself from the CSV.
    let report = synthetic(800, 11);
    let expected = [
        (
            Outcome::Nps,
            772,
            46.98913925901765,
            [
                13.866838682774855,
                17.18919745176107,
                17.143217034493695,
                11.037471126849335,
                12.570211485173802,
                12.891229941374968,
                15.301834277572263,
            ],
        ),
        (
            Outcome::Balance,
            770,
            46.055352758222206,
            [
                58.34851930101728,
                7.329053397820529,
                9.507434439369835,
                4.476757298692254,
                4.866685340078813,
                9.01376399734636,
                6.457786225674933,
            ],
        ),
    ];
    assert_eq!(report.drivers.len(), 2);
    for (d, (outcome, n, r2, shares)) in report.drivers.iter().zip(expected) {
        assert_eq!((d.outcome, d.n), (outcome, Some(n)));
        // Respondent scores are kept as f32, hence the tolerance.
        assert!(close(d.r2.unwrap(), r2, 1e-3), "{:?}", d.r2);
        for (w, want) in d.weights.iter().zip(shares) {
            let got = w.importance.unwrap();
            assert!(close(got, want, 1e-3), "{}: {got} vs {want}", w.dimension);
            let [lo, hi] = w.ci95.unwrap();
            assert!(lo <= got && got <= hi && hi - lo < 25.0, "{}: {got} outside {lo}–{hi}", w.dimension);
        }
        let [lo, hi] = d.r2_ci95.unwrap();
        assert!(lo < r2 && r2 < hi);
        assert_eq!(d.bootstrap, BOOTSTRAP_SAMPLES);
    }
    // The bootstrap has a fixed seed: the same responses give the same intervals.
    assert_eq!(synthetic(800, 11).drivers, report.drivers);
}

#[test]
fn nothing_is_released_under_the_minimum_base() {
    let report = synthetic(MIN_DRIVER_BASE - 1, 4);
    assert!(!report.drivers.is_empty());
    for d in &report.drivers {
        assert_eq!((d.n, d.r2, d.r2_ci95), (None, None, None));
        assert!(d.weights.iter().all(|w| w.importance.is_none() && w.ci95.is_none()));
    }
}

#[test]
fn priority_chart_draws_quadrants_with_takeaway_and_table() {
    use secpulse::chart::{describe, svg, ChartKind, ChartOptions};
    use secpulse::report::priority::{priority, Quadrant};
    let report = synthetic(3000, 7);
    let p = priority(&report, None).unwrap();
    assert_eq!(p.outcome, Outcome::Nps);
    assert_eq!(p.points.len(), 7);
    assert!(p.points.iter().any(|x| x.quadrant == Quadrant::FixFirst) || p.points.iter().any(|x| x.quadrant == Quadrant::Keep));
    let text = describe(ChartKind::Priority, &report, &ChartOptions::default());
    assert_eq!(text.table.rows.len(), 7);
    assert!(text.takeaway.len() > 20, "{}", text.takeaway);
    let picture = svg(ChartKind::Priority, &report, 720, 420, &ChartOptions { titled: true, ..ChartOptions::default() }).unwrap();
    for q in ["Fix first", "Keep", "Watch", "Lower priority"] {
        assert!(picture.contains(q), "{q}");
    }
    // Under the minimum base the chart says why instead of drawing points.
    let small = synthetic(MIN_DRIVER_BASE - 1, 4);
    assert!(describe(ChartKind::Priority, &small, &ChartOptions::default()).takeaway.contains("at least 30"));
}

#[test]
fn a_narrow_priority_chart_cuts_no_words() {
    use secpulse::chart::{svg, ChartKind, ChartOptions};
    use secpulse::lang::Lang;
    use secpulse::report::priority::Quadrant;
    let report = synthetic(3000, 7);
    for lang in Lang::ALL {
        let options = ChartOptions { lang, ..ChartOptions::default() };
        let narrow = svg(ChartKind::Priority, &report, 300, 420, &options).unwrap();
        // Quadrant names that do not fit whole are left to the legend; the importance axis
        // takes its short caption.
        assert!(!narrow.contains('…'), "{lang}: a shortened text in {narrow}");
        let wide = svg(ChartKind::Priority, &report, 900, 420, &options).unwrap();
        assert!(!wide.contains('…'), "{lang}: a shortened text in {wide}");
        // The legend's four names, and at least one corner's.
        let names: usize = Quadrant::ALL.iter().map(|q| wide.matches(&*q.name(lang)).count()).sum();
        assert!(names > 4, "{lang}: {names} quadrant names");
    }
}

#[test]
fn block_bootstrap_intervals_agree_with_a_case_bootstrap() {
    // expected.py "case_bootstrap_nps": numpy, 2,000 resamples of the 2,898 complete cases of
    // `secpulse synth --n 3000 --seed 7`; secpulse resamples 1,000 blocks of cases 500 times.
    let numpy = [
        [10.179432607246328, 14.657335344523485],
        [12.882963553457996, 17.800994486654748],
        [13.630541571714174, 18.602620503405483],
        [11.547531180479094, 16.495447234030586],
        [13.758596478911459, 18.927355996308453],
        [9.93291342528144, 14.17541530235772],
        [11.657679487936864, 16.35098989734362],
    ];
    let report = synthetic(3000, 7);
    let nps = &report.drivers[0];
    assert_eq!(nps.n, Some(2898));
    for (w, [lo, hi]) in nps.weights.iter().zip(numpy) {
        let [a, b] = w.ci95.unwrap();
        // Percentile ends of two bootstraps differ by Monte Carlo error (~0.3 points here).
        assert!(close(a, lo, 1.0) && close(b, hi, 1.0), "{}: {a:.2}–{b:.2} vs numpy {lo:.2}–{hi:.2}", w.dimension);
    }
}

#[test]
fn published_reports_carry_drivers_rounded_and_old_reports_still_read() {
    let report = synthetic(800, 11);
    let published = secpulse::report::publish_json(&report);
    let back = Report::from_json(&published).unwrap();
    let nps = &back.drivers[0];
    assert_eq!(nps.n, Some(772));
    let w = nps.weights[1].importance.unwrap();
    assert!((w - 17.2).abs() < 1e-9, "rounded to 0.1: {w}");
    // A report published before driver analysis existed has no `drivers`: it still reads.
    let mut old: serde_json::Value = serde_json::from_str(&published).unwrap();
    old.as_object_mut().unwrap().remove("drivers");
    let old = Report::from_json(&old.to_string()).unwrap();
    assert!(old.drivers.is_empty() && old.participation.is_none());
}

#[test]
fn a_filtered_view_needs_the_larger_segment_base() {
    use secpulse::score::drivers::MIN_SEGMENT_DRIVER_BASE;
    use secpulse::views::{View, ViewConfig, Views};
    let instrument = Instrument::default_instrument();
    let table = generate(&instrument, &SynthOptions { n: 2000, seed: 9, ..SynthOptions::default() });
    let mut views = Views::new(instrument, table, ViewConfig::default(), None);
    let everyone = views.report(&View::by("department")).unwrap();
    assert!(everyone.drivers[0].r2.is_some());
    let mut seen = (false, false);
    for g in &everyone.segments["department"] {
        let Some(n) = g.n else { continue };
        let Ok(one) = views.report(&View::by("department").showing("department", &g.value)) else { continue };
        let shown = one.drivers[0].r2.is_some();
        // Complete respondents are at most the group's respondents.
        if n < MIN_SEGMENT_DRIVER_BASE {
            assert!(!shown, "{} ({n} people) shows drivers", g.value);
            seen.0 |= n >= MIN_DRIVER_BASE;
        }
        seen.1 |= shown;
    }
    assert_eq!(seen, (true, true), "a department between 30 and 100 people hidden, and a large one shown");
}
