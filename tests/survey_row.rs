//! A response row exactly as the survey form (`<secpulse-survey>`) produces it is read by
//! the core ingest without problems and scored like any response file.

use secpulse::ingest::{read_responses, Format, IngestOptions};
use secpulse::instrument::Instrument;
use secpulse::views::{score, ScoreOptions};

/// What the form submits for a leader who answered everything: numbers for scales, option
/// labels for choices, trimmed text, the ranking as labels joined by `>` most important first,
/// and the survey round as `wave`. No other keys.
const FORM_ROW: &str = r#"{
  "department": "Engineering", "role": "Leader", "contact": "Monthly",
  "en1": 4, "en2": 2, "en3": 4, "en4": 3, "en_balance": 5,
  "rs1": 3, "rs2": 4, "rs3": 5, "rs4": 2,
  "ap1": 5, "ap2": 4, "ap3": 1, "ap4": 5,
  "cm1": 4, "cm2": 4, "cm3": 2,
  "ld1": 3, "ld2": 2, "ld3": 4,
  "sr1": 5, "sr2": 4, "sr3": 1,
  "pr1": 3, "pr2": 5, "pr3": 3, "pr4": 5,
  "nps": 9,
  "does_well": "Quick answers on Slack; \"no\" comes with options.",
  "should_change": "Publish review times <script>alert(1)</script>",
  "systems_rank": "Finance and payments>Customer data and CRM>Email and collaboration>Source code and build systems>Customer-facing website and apps>HR and payroll>Operations and production systems",
  "wave": "2026-Q4"
}"#;

/// A staff member who skipped the optional questions ("prefer not to say" leaves the key out).
const SPARSE_ROW: &str = r#"{ "role": "Staff", "en1": 2, "rs2": 5, "nps": 3, "wave": "2026-Q4" }"#;

fn five_rows() -> String {
    format!("[{FORM_ROW},{FORM_ROW},{FORM_ROW},{SPARSE_ROW},{SPARSE_ROW}]")
}

#[test]
fn form_rows_are_ingested_without_problems() {
    let ins = Instrument::default_instrument();
    let got =
        read_responses(&ins, five_rows().as_bytes(), Format::Json, &IngestOptions::default()).expect("form rows are a valid response file");
    assert_eq!(got.summary.problems, vec![], "no row problems");
    assert_eq!((got.summary.rows_read, got.summary.rows_kept), (5, 5));
    assert_eq!(got.summary.extra_columns, vec!["wave".to_string()], "only `wave` besides question ids");
    let table = &got.table;
    assert_eq!(table.answer("en_balance").map(|c| c.values.clone()), Some(vec![5, 5, 5, u8::MAX, u8::MAX]));
    assert_eq!(table.segment("role").and_then(|s| s.label_of(3)), Some("Staff"));
    let ranking = table.ranking("systems_rank").expect("ranking column");
    assert_eq!(ranking.entries.len(), 3);
    assert_eq!(ranking.entries[0].1, vec![1, 0, 2, 3, 4, 5, 6], "labels map back to option indices, most important first");
    let texts = table.text("should_change").expect("text column");
    assert_eq!(&*texts.entries[0].1, "Publish review times <script>alert(1)</script>", "text is kept as text");
}

#[test]
fn form_rows_are_scored() {
    let ins = Instrument::default_instrument();
    let got = read_responses(&ins, five_rows().as_bytes(), Format::Json, &IngestOptions::default()).expect("ingest");
    let options = ScoreOptions { wave: Some("wave".into()), ..ScoreOptions::default() };
    let report = score(&ins, &got.table, &options).expect("scored");
    assert_eq!(report.respondents, Some(5));
    let nps = report.nps.expect("the 0–10 answer feeds the NPS");
    assert_eq!(nps.n, Some(5));
    // 3 promoters (9) and 2 detractors (3) of 5.
    assert!((nps.score.expect("shown") - 20.0).abs() < 1e-9);
    assert!(report.balance.is_some(), "the bipolar answer feeds the balance");
    // Only the three full rows have an overall score: fewer than 5, so it is hidden.
    assert_eq!(report.overall.n, None);
    let waves = report.waves.expect("wave column usable for wave-over-wave");
    assert_eq!(waves.waves.len(), 1);
    assert_eq!((waves.waves[0].value.as_str(), waves.waves[0].n), ("2026-Q4", Some(5)));
}

#[test]
fn the_form_check_runs_natively_in_the_core() {
    use secpulse::ingest::row_check::check_row;
    let ins = Instrument::default_instrument();
    let ok = check_row(&ins, &serde_json::json!({ "en1": 4, "nps": 9, "wave": "2026-H1" }));
    assert!(ok.ok && ok.errors.is_empty(), "{:?}", ok.errors);
    let bad = check_row(&ins, &serde_json::json!({ "en1": 7, "email": "a@b.c" }));
    assert!(!bad.ok);
    let codes: Vec<Option<&str>> = bad.errors.iter().map(|e| e.code).collect();
    assert!(codes.contains(&Some("unknown_column")), "{:?}", bad.errors);
    let none = check_row(&ins, &serde_json::json!({ "does_well": "fine" }));
    assert!(none.errors.iter().any(|e| e.code == Some("no_ratings")));
    let off_scale = check_row(&ins, &serde_json::json!({ "en1": 7 }));
    assert!(off_scale.errors.iter().any(|e| e.code.is_none() && e.column.as_deref() == Some("en1")), "{:?}", off_scale.errors);
}

#[test]
fn required_questions_of_shown_pages_must_be_answered() {
    use secpulse::ingest::row_check::check_row;
    // The default instrument with `nps` and the leaders' ranking made required.
    let mut json: serde_json::Value = serde_json::to_value(Instrument::default_instrument()).unwrap();
    for section in json["sections"].as_array_mut().unwrap() {
        for q in section["questions"].as_array_mut().unwrap() {
            if q["id"] == "nps" || q["id"] == "systems_rank" {
                q["required"] = true.into();
            }
        }
    }
    let instrument = Instrument::from_json(&json.to_string()).unwrap();
    let codes = |row: &str| -> Vec<(Option<String>, Option<&'static str>)> {
        check_row(&instrument, &serde_json::from_str(row).unwrap()).errors.into_iter().map(|e| (e.column, e.code)).collect()
    };
    assert_eq!(codes(r#"{"role":"Staff","en1":2,"nps":3}"#), [], "the leaders' page is not shown to staff");
    assert_eq!(codes(r#"{"role":"Staff","en1":2}"#), [(Some("nps".to_string()), Some("missing_required"))]);
    assert_eq!(codes(r#"{"role":"Leader","en1":2,"nps":null}"#).len(), 2, "nps and the leaders' ranking");
}
