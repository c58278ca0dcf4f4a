//! Checks of scoring on a small table whose every statistic was computed by hand or with
//! scipy (values in the comments), using the default instrument: the statistics themselves
//! from the unsuppressed scoring (`score::raw_report`), what is shown through `views::score`.

use secpulse::ingest::{ResponseTable, MISSING, NO_SEGMENT};
use secpulse::instrument::Instrument;
use secpulse::privacy::MinGroup;
use secpulse::report::{Band, Report};
use secpulse::score::{raw_report, RawOptions, ScoreError, MAX_WAVES};
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score, ScoreOptions, View, ViewConfig, ViewError, Views};

const M: u8 = MISSING;

/// Seven respondents answering the enablement items, NPS, the balance item, department, wave
/// and (three of them) the leaders' ranking; every other Likert item with their keyed
/// enablement mean, so each of their dimension scores (and the overall) equals the enablement one.
fn fixture() -> (Instrument, ResponseTable) {
    let ins = Instrument::default_instrument();
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = 7;
    for c in &mut t.answers {
        c.values = vec![M; 7];
    }
    let mut set = |id: &str, v: [u8; 7]| t.answers.iter_mut().find(|c| c.id == id).unwrap().values = v.to_vec();
    // keyed enablement: r0 5555 (100), r1 4444 (75), r2 3333 (50), r3 2222 (25), r4 1111 (0),
    // r5 555- (100, 3 of 4 answered), r6 4332 (50)
    set("en1", [5, 4, 3, 2, 1, 5, 4]);
    set("en2", [1, 2, 3, 4, 5, 1, 3]); // reverse keyed
    set("en3", [5, 4, 3, 2, 1, 5, 3]);
    set("en4", [5, 4, 3, 2, 1, M, 2]);
    set("nps", [10, 9, 7, 5, 0, 8, 6]);
    set("en_balance", [7, 6, 4, 2, 1, 7, 4]);
    let keyed_mean = [5, 4, 3, 2, 1, 5, 3];
    for item in ins.likert_items().iter().filter(|i| !i.id.starts_with("en")) {
        let v = keyed_mean.map(|m| if item.reverse { 6 - m } else { m });
        t.answers.iter_mut().find(|c| c.id == item.id).unwrap().values = v.to_vec();
    }
    for seg in &mut t.segments {
        seg.codes = vec![NO_SEGMENT; 7].into();
    }
    let dept = t.segments.iter_mut().find(|s| s.name == "department").unwrap();
    let code = |label: &str| dept.labels.iter().position(|l| l == label).unwrap() as u32;
    let (eng, fin, hr) = (code("Engineering"), code("Finance"), code("Human Resources"));
    dept.codes = vec![eng, eng, eng, fin, fin, fin, hr].into();
    t.segments.push(secpulse::ingest::SegmentColumn {
        name: "wave".into(),
        labels: vec!["2026-H1".into(), "2025-H2".into()],
        codes: vec![1, 1, 1, 1, 0, 0, 0].into(),
    });
    t.rankings[0].entries = vec![(0, vec![0, 1, 2]), (1, vec![1, 0]), (2, vec![1, 2, 0, 3])];
    (ins, t)
}

/// The report as shown (through the disclosure layer) at minimum group size `k`.
fn shown(by: &[&str], wave: Option<&str>, k: usize) -> Report {
    let (ins, t) = fixture();
    let options = ScoreOptions {
        by: by.iter().map(|s| s.to_string()).collect(),
        wave: wave.map(str::to_string),
        min_group: MinGroup::new(k).unwrap(),
    };
    score(&ins, &t, &options).unwrap()
}

/// Every statistic, unsuppressed (the scoring under test).
fn run(by: &[&str], wave: Option<&str>) -> Report {
    let (ins, t) = fixture();
    let options = RawOptions { by: by.iter().map(|s| s.to_string()).collect(), wave: wave.map(str::to_string) };
    raw_report(&ins, &t, &options, None).unwrap()
}

/// Every statistic, unsuppressed, of the fixture's rows `times` times over.
fn repeated(times: usize) -> Report {
    let (ins, t) = fixture();
    let mut all = t.clone();
    (1..times).for_each(|_| all.append(t.clone()));
    raw_report(&ins, &all, &RawOptions::default(), None).unwrap()
}

fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= tol)
}

#[test]
fn overall_and_dimension_statistics() {
    let r = run(&[], None);
    assert_eq!(r.respondents, Some(7));
    // respondent overall = enablement score: 100, 75, 50, 25, 0, 100, 50
    let o = &r.overall;
    assert_eq!(o.n, Some(7));
    assert!(close(o.score, 400.0 / 7.0, 1e-4), "{:?}", o.score);
    assert!(close(o.sd, 37.400662077154784, 1e-4));
    assert!(close(o.median, 50.0, 1e-9));
    let ci = o.ci95.unwrap();
    assert!((ci[0] - 22.55301383652062).abs() < 1e-3 && (ci[1] - 91.73270044919367).abs() < 1e-3, "{ci:?}");
    assert_eq!(o.band, Some(Band::Mixed));

    let en = &r.dimensions[0];
    assert_eq!(en.id, "enablement");
    // 27 keyed answers: favourable (>3) 4+4+3+1 = 12, neutral 4+2 = 6, unfavourable 4+4+1 = 9
    assert!(close(en.favourable, 1200.0 / 27.0, 1e-9));
    assert!(close(en.neutral, 600.0 / 27.0, 1e-9));
    assert!(close(en.unfavourable, 900.0 / 27.0, 1e-9));
    // Cronbach's alpha needs 30 complete cases (`MIN_RELIABILITY_CASES`); the fixture has 6.
    assert_eq!(en.alpha, None);
    // Five copies give 30, and the same alpha (numpy over the 6: 0.986111): duplicating every
    // row scales every covariance alike.
    let en5 = &repeated(5).dimensions[0];
    assert!(close(en5.alpha, 0.9861111111111109, 1e-9), "{:?}", en5.alpha);
    assert!(!en5.low_reliability);
    // every other dimension was answered like enablement (see the fixture)
    assert_eq!(r.dimensions[1].score.n, Some(7));
    assert!(close(r.dimensions[1].score.score, 400.0 / 7.0, 1e-4));
}

#[test]
fn items_nps_balance_and_ranking() {
    let r = run(&[], None);
    let en2 = r.items.iter().find(|i| i.id == "en2").unwrap();
    assert!(en2.reverse);
    assert_eq!(en2.n, Some(7));
    assert!(close(en2.mean, 19.0 / 7.0, 1e-12)); // raw mean, as worded
                                                 // keyed en2: 5,4,3,2,1,5,3 -> favourable 3/7, neutral 2/7, unfavourable 2/7
    assert!(close(en2.favourable, 300.0 / 7.0, 1e-9));
    let dist = en2.distribution.as_ref().unwrap(); // raw 1,2,3,4,5,1,3
    assert!((dist[0] - 200.0 / 7.0).abs() < 1e-9 && (dist[2] - 200.0 / 7.0).abs() < 1e-9);
    let en1 = r.items.iter().find(|i| i.id == "en1").unwrap();
    assert_eq!(en1.item_rest, None, "6 complete cases: fewer than MIN_RELIABILITY_CASES");
    let en1 = repeated(5).items.into_iter().find(|i| i.id == "en1").unwrap();
    assert!(close(en1.item_rest, 0.9297862496332463, 1e-9)); // numpy corrcoef(item, rest) over the 6

    let nps = r.nps.as_ref().unwrap(); // 10,9,7,5,0,8,6: 2 promoters, 2 passives, 3 detractors
    assert_eq!(nps.n, Some(7));
    assert!(close(nps.score, -100.0 / 7.0, 1e-9));
    assert!(close(nps.promoters, 200.0 / 7.0, 1e-9));
    assert!(close(nps.detractors, 300.0 / 7.0, 1e-9));

    let bal = r.balance.as_ref().unwrap(); // 7,6,4,2,1,7,4 on 1–7 -> 100, 66.7, 0, -66.7, -100, 100, 0
    assert_eq!(bal.left, "Always says no");
    assert!(close(bal.score, 100.0 / 7.0, 1e-9));
    assert!(close(bal.left_share, 200.0 / 7.0, 1e-9));
    assert!(close(bal.middle_share, 200.0 / 7.0, 1e-9));
    assert!(close(bal.right_share, 300.0 / 7.0, 1e-9));

    // Borda with 7 options: r0 [0,1,2], r1 [1,0], r2 [1,2,0,3] -> opt1 17, opt0 15, opt2 9, opt3 3
    let rank = &r.rankings[0];
    assert_eq!(rank.n, Some(3));
    let pts: Vec<u64> = rank.options.iter().map(|o| o.points).take(4).collect();
    assert_eq!(pts, vec![17, 15, 9, 3]);
    assert_eq!(rank.options[0].option, "Finance and payments");
    assert!((rank.options[0].first - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(rank.options[1].mean_rank, Some(2.0));
}

#[test]
fn segments_suppress_small_groups_and_their_complement() {
    let r = shown(&["department"], None, 3);
    let groups = &r.segments["department"];
    let by = |v: &str| groups.iter().find(|g| g.value == v).unwrap();
    let hidden = |g: &secpulse::report::SegmentGroup| g.suppressed && g.n.is_none() && g.overall.is_none() && g.dimensions.is_none();
    // HR (1 person) is under k = 3, so it is hidden, and so is every group that would let
    // it be subtracted from the total: here also the two groups of 3, because the wave column
    // (2026-H1: Engineering's 3 and one of Finance) is reachable too (`--by wave`), and
    // 2026-H1 − Engineering would leave one person.
    assert!(hidden(by("Human Resources")) && by("Human Resources").n_label == "< 3");
    for g in groups {
        assert!(g.n.is_none_or(|n| n >= 3), "{}", g.value);
        assert_eq!(g.suppressed, g.n.is_none());
    }
    let shown_total: usize = groups.iter().filter_map(|g| g.n).sum();
    assert!(shown_total == 7 || 7 - shown_total >= 3, "the hidden groups pool to 0 or at least k");
    // The statistics themselves, from the unsuppressed scoring (the disclosure layer only hides).
    let (ins, t) = fixture();
    let raw =
        secpulse::score::raw_report(&ins, &t, &secpulse::score::RawOptions { by: vec!["department".into()], wave: None }, None).unwrap();
    let fin = raw.segments["department"].iter().find(|g| g.value == "Finance").unwrap(); // scores 25, 0, 100 vs rest 100, 75, 50, 50
    assert_eq!(fin.n, Some(3));
    let overall = fin.overall.as_ref().unwrap();
    assert!(close(overall.score.score, 125.0 / 3.0, 1e-4));
    let d = overall.vs_rest.unwrap(); // scipy ttest_ind(equal_var=False)
    assert!((d.delta - -27.083333333333336).abs() < 1e-4);
    assert!((d.df - 2.6406456012730164).abs() < 1e-6);
    assert!((d.p - 0.4713499709422913).abs() < 1e-6);
    assert!((d.ci95[0] - -138.40621981667658).abs() < 1e-3 && (d.ci95[1] - 84.2395531500099).abs() < 1e-3);
    // Options nobody chose are not listed as groups.
    assert!(groups.iter().all(|g| g.value != "Sales"));
}

#[test]
fn waves_are_ordered_by_name_with_deltas() {
    let r = run(&[], Some("wave"));
    let w = r.waves.as_ref().unwrap();
    let names: Vec<&str> = w.waves.iter().map(|g| g.value.as_str()).collect();
    assert_eq!(names, ["2025-H2", "2026-H1"]);
    let overall = w.deltas.iter().find(|d| d.measure == "overall").unwrap();
    assert_eq!((overall.from.as_str(), overall.to.as_str()), ("2025-H2", "2026-H1"));
    assert!((overall.change.delta - -12.5).abs() < 1e-4); // 50 - 62.5
    assert!((overall.change.p - 0.7289110484046044).abs() < 1e-6);
}

#[test]
fn everything_is_hidden_when_the_whole_survey_is_too_small() {
    let r = shown(&["department"], Some("wave"), 8);
    assert_eq!(r.respondents, None);
    assert_eq!(r.overall.score, None);
    assert!(r.dimensions.iter().all(|d| d.score.score.is_none() && d.favourable.is_none()));
    assert!(r.items.iter().all(|i| i.mean.is_none() && i.distribution.is_none()));
    assert_eq!(r.nps.as_ref().unwrap().score, None);
    assert_eq!(r.balance.as_ref().unwrap().score, None);
    assert!(r.rankings[0].options.is_empty());
    assert!(r.segments["department"].iter().all(|g| g.suppressed));
    assert!(r.waves.as_ref().unwrap().deltas.is_empty());
}

#[test]
fn unknown_breakdown_column_is_a_clear_error() {
    let (ins, t) = fixture();
    let options = ScoreOptions { by: vec!["team".into()], ..Default::default() };
    let err = score(&ins, &t, &options).unwrap_err();
    assert!(matches!(err, ScoreError::UnknownColumn { .. }));
    let msg = err.to_string();
    assert!(msg.contains("\"team\"") && msg.contains("department") && msg.contains("wave"), "{msg}");
}

/// 300 respondents whose wave column holds a different value on every row (a timestamp given
/// as the wave).
fn a_wave_per_row() -> (Instrument, ResponseTable) {
    let ins = Instrument::default_instrument();
    let mut t = generate(&ins, &SynthOptions { n: 300, seed: 1, ..SynthOptions::default() });
    let wave = t.segments.iter_mut().find(|s| s.name == "wave").expect("synthetic answers have waves");
    wave.labels = (0..300).map(|i| format!("2026-03-01 09:{:02}:{:02}", i / 60, i % 60)).collect();
    wave.codes = (0..300).collect();
    (ins, t)
}

#[test]
fn a_wave_column_with_a_value_per_row_is_a_clear_error() {
    let (ins, t) = a_wave_per_row();
    let options = ScoreOptions { wave: Some("wave".into()), ..Default::default() };
    let err = score(&ins, &t, &options).unwrap_err();
    assert!(matches!(err, ScoreError::TooManyWaves { waves: 300, .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("\"wave\" holds 300 different values") && text.contains(&MAX_WAVES.to_string()), "{text}");
    // The dashboard's and the server's views refuse it the same way, before deciding a policy.
    let config = ViewConfig { wave: Some("wave".into()), ..ViewConfig::default() };
    let mut views = Views::new(ins, t, config, None);
    let err = views.report(&View::default()).unwrap_err();
    assert!(matches!(err, ViewError::Score(ScoreError::TooManyWaves { waves: 300, .. })), "{err:?}");
    // Without the wave column the same responses are scored.
    views.configure(None, MinGroup::default());
    assert!(views.report(&View::default()).is_ok());
}
