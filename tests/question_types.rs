//! The two list question types: `multi_choice` ("choose all that apply", with an exclusive
//! "none of these") and a `choice` shown as a drop-down. Both through instrument validation,
//! ingest (CSV and JSON), the form's row check, writing back, scoring with its suppression,
//! the CLI text and the chart.

use secpulse::chart::{describe, svg, ChartKind, ChartOptions};
use secpulse::ingest::row_check::check_row;
use secpulse::ingest::{read_responses, write_csv, write_json, Format, IngestOptions};
use secpulse::instrument::{Instrument, Question, DEFAULT_INSTRUMENT_JSON};
use secpulse::privacy::MinGroup;
use secpulse::views::{score, ScoreOptions};

const Q: &str = "contact_ways";

fn ins() -> Instrument {
    Instrument::default_instrument()
}

fn edited(from: &str, to: &str) -> String {
    assert!(DEFAULT_INSTRUMENT_JSON.contains(from), "{from:?} not in the default instrument");
    DEFAULT_INSTRUMENT_JSON.replacen(from, to, 1)
}

/// A CSV file with every numeric column (blank but `nps` = 7) and `contact_ways` = each of `rows`.
fn csv(rows: &[&str]) -> String {
    let ins = ins();
    let numeric: Vec<&str> = ins.questions().filter(|q| q.numeric_scale(&ins.scale).is_some()).map(|q| q.id()).collect();
    let mut out = format!("{},{Q}\n", numeric.join(","));
    for r in rows {
        let cells: Vec<&str> = numeric.iter().map(|&id| if id == "nps" { "7" } else { "" }).collect();
        out += &format!("{},\"{r}\"\n", cells.join(","));
    }
    out
}

#[test]
fn the_default_instrument_has_both_types() {
    let ins = ins();
    assert!(matches!(ins.question("department"), Some(Question::Choice { dropdown: true, options, .. }) if options.len() == 12));
    let Some(Question::MultiChoice { options, none, required, .. }) = ins.question(Q) else { panic!("no {Q}") };
    assert_eq!((options.len(), none.as_str(), *required), (5, "None of these", false));
}

#[test]
fn validation_names_the_problem_and_where() {
    let err = |json: String| Instrument::from_json(&json).unwrap_err().to_string();
    let e = err(edited("\"Reported something suspicious\"", "\"Reported | escalated\""));
    assert!(e.contains("contains '|'") && e.contains("contact_ways"), "{e}");
    let e = err(edited("\"none\": \"None of these\"", "\"none\": \"Asked for advice or a review\""));
    assert!(e.contains("must differ from every option"), "{e}");
    let e = err(edited("\"none\": \"None of these\"", "\"none\": \" None \""));
    assert!(e.contains("without spaces"), "{e}");
    let e = err(edited("\"dropdown\": true", "\"dropdown\": \"yes\""));
    assert!(e.contains("expected a boolean"), "{e}");
}

#[test]
fn csv_and_json_answers_are_read_in_option_order_and_none_stands_alone() {
    let ins = ins();
    let rows = [
        "Reported something suspicious|Asked for advice or a review",
        "none of these",
        "Asked for advice or a review|None of these",
        "Asked for advice or a review|asked for advice or a review",
        "Asked for advice or a review|Went to lunch",
        "",
    ];
    let got = read_responses(&ins, csv(&rows).as_bytes(), Format::Csv, &IngestOptions::default()).unwrap();
    let problems: Vec<String> = got.summary.problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("\"None of these\" cannot be chosen together with other options"), "{problems:?}");
    assert!(problems[1].contains("is chosen twice"), "{problems:?}");
    assert!(problems[2].contains("\"Went to lunch\" is not an option of contact_ways"), "{problems:?}");
    let entries = &got.table.selection(Q).unwrap().entries;
    assert_eq!(entries, &vec![(0, vec![0, 1]), (1, vec![5])], "option order; none = index 5; blank = no answer");

    let json = format!(
        r#"[{{"nps": 7, "{Q}": ["Reported something suspicious", "Asked for advice or a review"]}}, {{"nps": 3, "{Q}": "None of these"}}]"#
    );
    let from_json = read_responses(&ins, json.as_bytes(), Format::Json, &IngestOptions::default()).unwrap();
    assert_eq!(from_json.summary.problems, vec![]);
    assert_eq!(&from_json.table.selection(Q).unwrap().entries, entries);
}

#[test]
fn written_files_read_back_the_same() {
    let ins = ins();
    let got = read_responses(
        &ins,
        csv(&["Had a security finding in my own work|Asked for an exception to a rule", "None of these"]).as_bytes(),
        Format::Csv,
        &IngestOptions::default(),
    )
    .unwrap();
    let mut out = Vec::new();
    write_csv(&ins, &got.table, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.contains("Asked for an exception to a rule|Had a security finding in my own work"), "{text}");
    let back = read_responses(&ins, &out, Format::Csv, &IngestOptions::default()).unwrap();
    assert_eq!(back.table.selections, got.table.selections);
    let mut json = Vec::new();
    write_json(&ins, &got.table, &mut json).unwrap();
    assert!(String::from_utf8(json.clone())
        .unwrap()
        .contains(r#""contact_ways":["Asked for an exception to a rule","Had a security finding in my own work"]"#));
    let back = read_responses(&ins, &json, Format::Json, &IngestOptions::default()).unwrap();
    assert_eq!(back.table.selections, got.table.selections);
}

#[test]
fn the_form_row_check_runs_the_same_rules() {
    let ins = ins();
    let ok = check_row(
        &ins,
        &serde_json::json!({ "nps": 8, Q: "Asked for advice or a review|Reported something suspicious", "department": "Legal" }),
    );
    assert!(ok.ok, "{:?}", ok.errors);
    let bad = check_row(&ins, &serde_json::json!({ "nps": 8, Q: "None of these|Reported something suspicious" }));
    assert!(!bad.ok && bad.errors[0].column.as_deref() == Some(Q), "{:?}", bad.errors);
    let bad = check_row(&ins, &serde_json::json!({ "nps": 8, "department": "Mars office" }));
    assert!(!bad.ok, "a drop-down answer is checked like any choice");
}

#[test]
fn shares_are_per_option_among_those_who_answered_and_suppressed_under_k() {
    let ins = ins();
    let mut rows = vec!["Asked for advice or a review|Reported something suspicious"; 6];
    rows.extend(["Reported something suspicious", "None of these", "None of these", ""]);
    let table = read_responses(&ins, csv(&rows).as_bytes(), Format::Csv, &IngestOptions::default()).unwrap().table;
    let report = score(&ins, &table, &ScoreOptions::default()).unwrap();
    let s = &report.selections[0];
    assert_eq!(s.n, Some(9), "the blank row did not answer");
    let share = |label: &str| s.options.iter().find(|o| o.option == label).map(|o| o.share).unwrap();
    assert!((share("Asked for advice or a review") - 600.0 / 9.0).abs() < 1e-9);
    assert!((share("Reported something suspicious") - 700.0 / 9.0).abs() < 1e-9);
    assert!((share("None of these") - 200.0 / 9.0).abs() < 1e-9);
    assert!(s.options.iter().find(|o| o.option == "None of these").unwrap().none);
    let text = describe(ChartKind::Selections, &report, &ChartOptions::default());
    assert!(text.takeaway.contains("Reported something suspicious") && text.takeaway.contains("78%"), "{}", text.takeaway);
    assert!(svg(ChartKind::Selections, &report, 720, 400, &ChartOptions::default()).unwrap().contains("78%"));
    let plain = secpulse::report::plain::render(&report);
    assert!(plain.contains("Chosen options of contact_ways") && plain.contains("None of these"), "{plain}");

    // Ten answers are not enough under k = 10: the question shows "< 10", no share.
    let strict = ScoreOptions { min_group: MinGroup::new(10).unwrap(), ..ScoreOptions::default() };
    let hidden = score(&ins, &table, &strict).unwrap();
    assert_eq!((hidden.selections[0].n, hidden.selections[0].options.len()), (None, 0));
    let picture = svg(ChartKind::Selections, &hidden, 720, 400, &ChartOptions::default()).unwrap();
    assert!(picture.contains("&lt; 10") && !picture.contains("78%"));
}
