//! Randomized-response questions end to end: instrument, synthetic answers, ingest, estimate.

use secpulse::ingest::{self, IngestOptions};
use secpulse::instrument::randomized::Design;
use secpulse::instrument::{Instrument, Question, QuestionText};
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score, ScoreOptions};

/// The default instrument plus "I have worked around a security control" asked with the die design.
fn instrument() -> Instrument {
    let mut ins = Instrument::default_instrument();
    let overall = ins.sections.iter_mut().find(|s| s.id == "overall").unwrap();
    overall.questions.push(Question::Randomized {
        id: "workaround".into(),
        text: "In the last year I have worked around a security control to get my work done.".into(),
        randomization: Design::die(),
        required: false,
    });
    let worded = [
        ("de", "Ich habe im letzten Jahr eine Sicherheitskontrolle umgangen, um meine Arbeit zu erledigen."),
        ("fr", "Au cours de l’année écoulée, j’ai contourné un contrôle de sécurité pour pouvoir faire mon travail."),
        ("es", "En el último año he eludido un control de seguridad para poder hacer mi trabajo."),
    ];
    for (lang, text) in worded {
        let question = QuestionText { text: Some(text.into()), ..QuestionText::default() };
        ins.translations.get_mut(lang).unwrap().questions.insert("workaround".into(), question);
    }
    ins.validate().unwrap();
    ins
}

#[test]
fn estimates_the_true_share_with_a_wider_interval() {
    let ins = instrument();
    let table = generate(&ins, &SynthOptions { n: 20_000, seed: 3, ..Default::default() });
    let col = &table.answer("workaround").unwrap().values;
    assert!(col.iter().all(|&v| v <= 1 || v == ingest::MISSING));
    let report = score(&ins, &table, &ScoreOptions { by: vec!["department".into()], ..Default::default() }).unwrap();
    let s = &report.sensitive[0];
    assert_eq!(s.id, "workaround");
    assert!((s.likelihood_ratio - 5.0).abs() < 1e-12);
    // Reported yes = 1/6 + 2/3·π; the generator's true share is about 20%.
    let (share, reported) = (s.all.share.unwrap(), s.all.reported_yes.unwrap());
    assert!((reported - (100.0 / 6.0 + 2.0 / 3.0 * share)).abs() < 1e-9, "estimator inverts the design");
    assert!((12.0..=30.0).contains(&share), "{share}");
    let [lo, hi] = s.all.ci95.unwrap();
    assert!(lo < share && share < hi);
    assert!(s.all.width_vs_direct.unwrap() > 1.4, "randomized CIs are wider than direct ones");
    let groups = &s.segments["department"];
    let exec = groups.iter().find(|g| g.value == "Executive Office").unwrap(); // 3 people
    assert!(exec.estimate.share.is_none() && exec.estimate.n.is_none());
    assert!(groups.iter().filter_map(|g| g.estimate.n).all(|n| n >= 5));
}

#[test]
fn answers_round_trip_through_csv_and_bad_values_are_named() {
    let ins = instrument();
    let table = generate(&ins, &SynthOptions { n: 300, seed: 8, ..Default::default() });
    let mut csv = Vec::new();
    ingest::write_csv(&ins, &table, &mut csv).unwrap();
    let back = ingest::read_responses(&ins, &csv, ingest::Format::Csv, &IngestOptions::default()).unwrap();
    assert_eq!(back.table.answer("workaround"), table.answer("workaround"));

    // The first data row with its workaround answer set to 2 (outside 0–1).
    let mut rdr = csv::Reader::from_reader(csv.as_slice());
    let header = rdr.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "workaround").unwrap();
    let mut row: Vec<String> = rdr.records().next().unwrap().unwrap().iter().map(str::to_string).collect();
    row[col] = "2".into();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).unwrap();
    out.write_record(&row).unwrap();
    let bad = out.into_inner().unwrap();
    let e = ingest::read_responses(&ins, &bad, ingest::Format::Csv, &IngestOptions::default()).unwrap();
    assert_eq!(e.summary.rows_skipped, 1);
    let p = &e.summary.problems[0];
    assert_eq!(p.column.as_deref(), Some("workaround"));
    assert!(p.message.contains("outside 0–1"), "{}", p.message);
}

#[test]
fn an_impossible_design_is_rejected_with_its_place() {
    let mut ins = instrument();
    let q = ins.sections.iter_mut().flat_map(|s| s.questions.iter_mut()).find(|q| q.id() == "workaround").unwrap();
    if let Question::Randomized { randomization, .. } = q {
        *randomization = Design::Warner { p: 0.5 };
    }
    let e = Instrument::from_json(&serde_json::to_string(&ins).unwrap()).unwrap_err().to_string();
    assert!(e.contains("workaround") && e.contains("randomization"), "{e}");
}

#[test]
fn the_example_instrument_is_this_one_and_its_served_copy_is_identical() {
    let docs = include_str!("../docs/examples/instrument-sensitive.json");
    let served = include_str!("../www/examples/instrument-sensitive.json");
    assert_eq!(docs, served, "www/examples/ must be a copy of docs/examples/");
    let example = Instrument::from_json(docs).unwrap();
    let mut expected = instrument();
    expected.id = "secpulse-security-team-sensitive".into();
    assert_eq!(example, expected);
}
