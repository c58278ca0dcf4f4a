//! Reading and writing response files: layouts, every error with its place, policies,
//! and round trips.

use secpulse::ingest::*;
use secpulse::instrument::Instrument;

/// A small instrument with every question kind.
fn instrument() -> Instrument {
    Instrument::from_json(
        r#"{
  "id": "t", "version": "1", "title": "T", "intro": "I",
  "scale": {"min": 1, "max": 5},
  "dimensions": [{"id": "en", "name": "Enablement"}],
  "sections": [{"id": "s", "title": "S", "questions": [
    {"type": "choice", "id": "role", "text": "Role?", "options": ["Leader", "Manager", "Staff"]},
    {"type": "likert", "id": "en1", "text": "A", "dimension": "en"},
    {"type": "likert", "id": "en2", "text": "B", "dimension": "en", "reverse": true},
    {"type": "bipolar", "id": "bal", "text": "C", "left": "No", "right": "Options"},
    {"type": "recommend", "id": "nps", "text": "D"},
    {"type": "text", "id": "comment", "text": "E"},
    {"type": "ranking", "id": "rank", "text": "F",
     "options": ["Customer data and CRM", "Finance and payments", "Email"]}
  ]}]
}"#,
    )
    .unwrap()
}

fn read(text: &str, format: Format) -> Result<Ingested, IngestError> {
    read_responses(&instrument(), text.as_bytes(), format, &IngestOptions::default())
}

fn read_ok(text: &str, format: Format) -> Ingested {
    read(text, format).unwrap_or_else(|e| panic!("{e}"))
}

fn fail_policy() -> IngestOptions {
    IngestOptions { policy: ErrorPolicy::Fail, ..IngestOptions::default() }
}

fn err(text: &str, format: Format) -> String {
    read(text, format).unwrap_err().to_string()
}

fn messages(ing: &Ingested) -> Vec<String> {
    ing.summary.problems.iter().map(ToString::to_string).collect()
}

const CSV: &str = "\
role,en1,en2,bal,nps,comment,rank,wave
Leader,4,2,7,10,\"Helpful, fast\",Finance and payments>Customer data and CRM,2025-H2
staff,,5,1,0,,,2026-H1
 MANAGER , 4.0 ,1,,9,  ok  ,email,2025-H2
";

#[test]
fn csv_fills_every_kind_of_column() {
    let ing = read_ok(CSV, Format::Csv);
    let t = &ing.table;
    assert_eq!(t.rows, 3);
    assert_eq!(t.answer("en1").unwrap().values, vec![4, MISSING, 4]);
    assert_eq!(t.answer("en2").unwrap().values, vec![2, 5, 1]);
    assert_eq!(t.answer("bal").unwrap().values, vec![7, 1, MISSING]);
    assert_eq!(t.answer("nps").unwrap().values, vec![10, 0, 9]);
    let role = t.segment("role").unwrap();
    assert_eq!(role.labels, vec!["Leader", "Manager", "Staff"]);
    assert_eq!(role.codes.to_vec(), [0, 2, 1], "choices match ignoring case and surrounding blanks");
    let wave = t.segment("wave").unwrap();
    assert_eq!(wave.labels, vec!["2025-H2", "2026-H1"]);
    assert_eq!(wave.codes.to_vec(), [0, 1, 0]);
    assert_eq!(t.text("comment").unwrap().entries, vec![(0, "Helpful, fast".into()), (2, "ok".into())]);
    assert_eq!(t.ranking("rank").unwrap().entries, vec![(0, vec![1, 0]), (2, vec![2])]);
    let s = &ing.summary;
    assert_eq!((s.rows_read, s.rows_kept, s.rows_skipped, s.problems_total), (3, 3, 0, 0));
    assert_eq!(s.extra_columns, vec!["wave"]);
    assert!(s.absent_columns.is_empty());
}

#[test]
fn bom_semicolons_crlf_and_quoted_newlines() {
    let text = "\u{feff}role;en1;en2;bal;nps;comment\r\n\
                Staff;1;2;3;4;\"line one\r\nline \"\"two\"\"; still\"\r\n\
                Staff;9;2;3;4;\r\n";
    let ing = read_ok(text, Format::Csv);
    assert_eq!(ing.table.rows, 1);
    assert_eq!(&*ing.table.text("comment").unwrap().entries[0].1, "line one\r\nline \"two\"; still");
    // The bad record starts on physical line 4 because the comment above spans two lines.
    assert_eq!(messages(&ing), vec!["line 4 (row 2), column en1: \"9\" is outside 1–5"]);
    assert_eq!(ing.summary.absent_columns, vec!["rank"]);
}

#[test]
fn numbers_blanks_and_bad_values() {
    let text = "en1,en2,bal,nps\n\
                4, 4.0 ,+7,10\n\
                ,,,\n\
                abc,1,1,1\n\
                1,4.5,1,1\n\
                1,1,8,11\n";
    let ing = read_ok(text, Format::Csv);
    assert_eq!(ing.table.rows, 2);
    assert_eq!(ing.table.answer("en1").unwrap().values, vec![4, MISSING]);
    assert_eq!(ing.table.answer("en2").unwrap().values, vec![4, MISSING]);
    assert_eq!(
        messages(&ing),
        vec![
            "line 4 (row 3), column en1: \"abc\" is not a number",
            "line 5 (row 4), column en2: \"4.5\" is not a whole number in 1–5",
            "line 6 (row 5), column bal: \"8\" is outside 1–7",
            "line 6 (row 5), column nps: \"11\" is outside 0–10",
        ]
    );
    let s = &ing.summary;
    assert_eq!((s.rows_read, s.rows_kept, s.rows_skipped, s.problems_total), (5, 2, 3, 4));
}

#[test]
fn choices_and_rankings_name_what_is_allowed() {
    let text = "en1,en2,bal,nps,role,rank\n\
                1,1,1,1,Boss,\n\
                1,1,1,1,,email>EMAIL\n\
                1,1,1,1,,Email>Payroll\n\
                1,1,1,1,,Email>>Finance and payments\n\
                1,1,1,1,LEADER, finance AND payments > email \n";
    let ing = read_ok(text, Format::Csv);
    assert_eq!(
        messages(&ing),
        vec![
            "line 2 (row 1), column role: \"Boss\" is not an option of role (Leader, Manager, Staff)",
            "line 3 (row 2), column rank: \"EMAIL\" is ranked twice",
            "line 4 (row 3), column rank: \"Payroll\" is not an option of rank (Customer data and CRM, Finance and payments, Email)",
            "line 5 (row 4), column rank: the ranking has an empty item",
        ]
    );
    assert_eq!(ing.table.rows, 1);
    assert_eq!(ing.table.segment("role").unwrap().codes.to_vec(), [0]);
    assert_eq!(ing.table.ranking("rank").unwrap().entries, vec![(0, vec![1, 2])]);
}

#[test]
fn ragged_rows_are_skipped_or_fatal() {
    let text = "en1,en2,bal,nps\n1,2,3,4\n1,2,3\n1,2,3,4,5\n5,5,5,5\n";
    let ing = read_ok(text, Format::Csv);
    assert_eq!(ing.table.answer("en1").unwrap().values, vec![1, 5]);
    assert_eq!(
        messages(&ing),
        vec!["line 3 (row 2): the row has 3 fields, the header has 4", "line 4 (row 3): the row has 5 fields, the header has 4"]
    );
    let e = read_responses(&instrument(), text.as_bytes(), Format::Csv, &fail_policy()).unwrap_err();
    assert_eq!(e.to_string(), "line 3 (row 2): the row has 3 fields, the header has 4");
    assert!(matches!(&e, IngestError::Row(p) if (p.line, p.row, &p.column) == (3, 2, &None)));
}

#[test]
fn fail_policy_stops_at_the_first_problem() {
    let text = "en1,en2,bal,nps\n1,2,3,4\n1,7,3,x\n";
    let e = read_responses(&instrument(), text.as_bytes(), Format::Csv, &fail_policy()).unwrap_err();
    let cause = Cause::OutsideScale { value: "\"7\"".into(), min: 1, max: 5 };
    let problem = Problem { line: 3, row: 2, column: Some("en2".into()), message: "\"7\" is outside 1–5".into(), cause };
    assert_eq!(e, IngestError::Row(Box::new(problem)));
}

#[test]
fn file_level_errors_say_where() {
    assert_eq!(err("", Format::Csv), "the file is empty");
    assert_eq!(err("\u{feff} \r\n", Format::Csv), "the file is empty");
    assert_eq!(err("  ", Format::Json), "the file is empty");
    let bad = b"en1,en2,bal,nps\n1,2,3,4\n1,\xC3(,3,4\n";
    let e = read_responses(&instrument(), bad, Format::Csv, &IngestOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "the file is not valid UTF-8: line 3, byte offset 26");
    assert_eq!(err("en1,en2,bal,en1,nps\n", Format::Csv), "the header has column \"en1\" twice (columns 1 and 4)");
    assert_eq!(err("en1,en2, ,bal,nps\n", Format::Csv), "column 3 of the header has no name");
    assert_eq!(err("en1,role,wave\n1,Staff,x\n", Format::Csv), "the file has no column for questions en2, bal, nps");
    assert_eq!(err("en1,en2,bal\n", Format::Csv), "the file has no column for question nps");
}

#[test]
fn limits_are_named_with_their_value() {
    let instrument = instrument();
    let text = "en1,en2,bal,nps,comment\n1,2,3,4,hello\n1,2,3,4,a longer comment\n";
    let with = |limits: Limits| {
        let o = IngestOptions { limits, ..IngestOptions::default() };
        read_responses(&instrument, text.as_bytes(), Format::Csv, &o).unwrap_err().to_string()
    };
    let d = Limits::default();
    assert_eq!(with(Limits { max_bytes: 10, ..d }), "limit max_bytes (10) exceeded");
    assert_eq!(with(Limits { max_rows: 1, ..d }), "limit max_rows (1) exceeded at line 3");
    assert_eq!(with(Limits { max_columns: 4, ..d }), "limit max_columns (4) exceeded at line 1, column comment");
    assert_eq!(with(Limits { max_field_bytes: 10, ..d }), "limit max_field_bytes (10) exceeded at line 3, column comment");
    let json = "{\"en1\": 1, \"comment\": \"far too long\"}";
    let o = IngestOptions { limits: Limits { max_field_bytes: 10, ..d }, ..IngestOptions::default() };
    let e = read_responses(&instrument, json.as_bytes(), Format::Json, &o).unwrap_err();
    assert_eq!(e.to_string(), "limit max_field_bytes (10) exceeded at line 1, column comment");
    let o = IngestOptions { limits: Limits { max_columns: 2, ..d }, ..IngestOptions::default() };
    let e = read_responses(&instrument, b"{\"en1\":1}\n{\"en2\":1,\"x\":2}", Format::Json, &o).unwrap_err();
    assert_eq!(e.to_string(), "limit max_columns (2) exceeded at line 2, column x");
}

const JSON_ARRAY: &str = r#"[
  {"role": "Leader", "en1": 4, "en2": 2, "bal": 7, "nps": 10, "comment": "Helpful, fast",
   "rank": ["Finance and payments", "Customer data and CRM"], "wave": "2025-H2"},
  {"role": "staff", "en2": "5", "bal": 1, "nps": 0, "comment": null, "wave": "2026-H1"},
  {"role": " MANAGER ", "en1": " 4.0 ", "en2": 1.0, "bal": "", "nps": 9, "comment": "  ok  ", "rank": "email", "wave": "2025-H2"}
]"#;

#[test]
fn json_array_json_lines_and_csv_agree() {
    let csv = read_ok(CSV, Format::Csv);
    let array = read_ok(JSON_ARRAY, Format::Json);
    assert_eq!(array.table, csv.table);
    assert_eq!(array.summary.extra_columns, vec!["wave"]);
    let lines: String = JSON_ARRAY
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split("},")
        .map(|o| format!("{}}}\n\n", o.replace('\n', " ").trim().trim_end_matches('}')))
        .collect();
    assert_eq!(lines.lines().filter(|l| !l.is_empty()).count(), 3, "{lines}");
    assert_eq!(detect_format(lines.as_bytes()), Format::Json);
    assert_eq!(read_ok(&lines, Format::Json).table, csv.table);
}

#[test]
fn json_problems_have_the_line_of_their_object() {
    let text = "[\n{\"en1\": 1},\n{\"en1\": {\"a\": 1}},\n{\"en1\": [1]},\n  5,\n{\"en1\": true, \"en2\": 9},\n{\"en1\": 2, \"en1\": 3}\n]";
    let ing = read_ok(text, Format::Json);
    assert_eq!(
        messages(&ing),
        vec![
            "line 3 (row 2), column en1: expected a single value, found an object",
            "line 4 (row 3), column en1: expected a single value, found an array",
            "line 5 (row 4): the row is a number, not a JSON object",
            "line 6 (row 5), column en1: true is not a number",
            "line 6 (row 5), column en2: 9 is outside 1–5",
            "line 7 (row 6), column en1: en1 is given twice in this row",
        ]
    );
    assert_eq!(ing.table.rows, 1);
    // Keys never given are blank; they are listed as absent.
    assert_eq!(ing.table.answer("nps").unwrap().values, vec![MISSING]);
    assert_eq!(ing.summary.absent_columns, vec!["role", "bal", "nps", "comment", "rank"]);
}

#[test]
fn json_syntax_errors_have_line_and_column() {
    assert_eq!(
        err("[\n{\"en1\": 1},\n{\"en1\": 1,, \"en2\": 2}\n]", Format::Json),
        "invalid JSON at line 3, column 11: key must be a string"
    );
    assert_eq!(err("{\"en1\": 1}\n{\"en1\": tru}\n", Format::Json), "invalid JSON at line 2, column 12: expected ident");
    assert_eq!(err("[{\"en1\": 1},]", Format::Json), "invalid JSON at line 1, column 13: expected a JSON object");
    assert_eq!(err("[{\"en1\": 1}", Format::Json), "invalid JSON at line 1, column 12: the array is not closed with `]`");
    assert_eq!(err("[{\"en1\": 1}] x", Format::Json), "invalid JSON at line 1, column 14: unexpected data after the array");
    assert_eq!(err("{\"en1\": \n\"1", Format::Json), "invalid JSON at line 2, column 2: EOF while parsing a string");
}

#[test]
fn json_for_another_instrument_is_rejected() {
    assert_eq!(err("{\"q01\": 1, \"q02\": 2}", Format::Json), "the file has no column for questions en1, en2, bal, nps");
    // An empty array is no responses, not an error.
    let ing = read_ok("[]", Format::Json);
    assert_eq!(ing.table.rows, 0);
}

#[test]
fn formula_escape_round_trips_through_csv() {
    let text = "en1,en2,bal,nps,comment,wave\n1,1,1,1,=HYPERLINK(\"x\"),+1\n1,1,1,1,'-5 days,'x\n";
    let ing = read_ok(text, Format::Csv);
    let comments = &ing.table.text("comment").unwrap().entries;
    assert_eq!(&*comments[0].1, "=HYPERLINK(\"x\")");
    assert_eq!(&*comments[1].1, "-5 days", "one leading quote before a trigger is dropped");
    assert_eq!(ing.table.segment("wave").unwrap().labels, vec!["+1", "'x"]);
    let mut out = Vec::new();
    write_csv(&instrument(), &ing.table, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out, "role,en1,en2,bal,nps,comment,rank,wave\n,1,1,1,1,\"'=HYPERLINK(\"\"x\"\")\",,'+1\n,1,1,1,1,'-5 days,,'x\n");
    assert_eq!(read_ok(&out, Format::Csv).table, ing.table);
}

#[test]
fn writers_produce_the_documented_layout() {
    let ing = read_ok(CSV, Format::Csv);
    let mut csv = Vec::new();
    write_csv(&instrument(), &ing.table, &mut csv).unwrap();
    assert_eq!(
        String::from_utf8(csv.clone()).unwrap(),
        "role,en1,en2,bal,nps,comment,rank,wave\n\
         Leader,4,2,7,10,\"Helpful, fast\",Finance and payments>Customer data and CRM,2025-H2\n\
         Staff,,5,1,0,,,2026-H1\n\
         Manager,4,1,,9,ok,Email,2025-H2\n"
    );
    let mut json = Vec::new();
    write_json(&instrument(), &ing.table, &mut json).unwrap();
    assert_eq!(
        String::from_utf8(json.clone()).unwrap(),
        "[\n{\"role\":\"Leader\",\"en1\":4,\"en2\":2,\"bal\":7,\"nps\":10,\"comment\":\"Helpful, fast\",\
         \"rank\":[\"Finance and payments\",\"Customer data and CRM\"],\"wave\":\"2025-H2\"},\n\
         {\"role\":\"Staff\",\"en2\":5,\"bal\":1,\"nps\":0,\"wave\":\"2026-H1\"},\n\
         {\"role\":\"Manager\",\"en1\":4,\"en2\":1,\"nps\":9,\"comment\":\"ok\",\"rank\":[\"Email\"],\"wave\":\"2025-H2\"}\n]\n"
    );
    assert_eq!(read_ok(std::str::from_utf8(&csv).unwrap(), Format::Csv).table, ing.table);
    assert_eq!(read_ok(std::str::from_utf8(&json).unwrap(), Format::Json).table, ing.table);
}

#[test]
fn problems_are_capped_but_counted_and_progress_is_reported() {
    let mut text = String::from("en1,en2,bal,nps\n");
    for i in 0..70_000 {
        text.push_str(if i % 500 == 0 { "9,1,1,1\n" } else { "1,2,3,4\n" });
    }
    let mut calls = Vec::new();
    let ing = read_responses_with_progress(&instrument(), text.as_bytes(), Format::Csv, &IngestOptions::default(), &mut |bytes, rows| {
        calls.push((bytes, rows))
    })
    .unwrap();
    assert_eq!(ing.summary.problems_total, 140);
    assert_eq!(ing.summary.problems.len(), 100);
    assert_eq!(ing.summary.rows_kept, 70_000 - 140);
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].1, 65_536);
    assert_eq!(calls[0].0, 16 + 65_536 * 8);
    assert_eq!(calls[1], (text.len(), 70_000));
}

#[test]
fn the_default_instrument_reads_the_leader_ranking() {
    let ins = Instrument::default_instrument();
    let ids: Vec<&str> = ins.questions().map(|q| q.id()).collect();
    let mut row: Vec<String> = ids.iter().map(|_| String::new()).collect();
    for (i, id) in ids.iter().enumerate() {
        row[i] = match *id {
            "department" => "engineering".into(),
            "role" => "leader".into(),
            "systems_rank" => "Finance and payments>Customer data and CRM".into(),
            "nps" => "8".into(),
            "en_balance" => "6".into(),
            _ if ins.question(id).unwrap().numeric_scale(&ins.scale).is_some() => "3".into(),
            _ => String::new(),
        };
    }
    let text = format!("{}\n{}\n", ids.join(","), row.join(","));
    let ing = read_responses(&ins, text.as_bytes(), Format::Csv, &IngestOptions::default()).unwrap();
    assert_eq!(ing.summary.problems_total, 0, "{:?}", ing.summary.problems);
    assert_eq!(ing.table.segment("role").unwrap().label_of(0), Some("Leader"));
    assert_eq!(ing.table.ranking("systems_rank").unwrap().entries, vec![(0, vec![1, 0])]);
}

#[test]
fn a_file_without_usable_rows_says_why() {
    let none = read_ok("role,en1,en2,bal,nps,comment,rank\nStaff,9,,,,,\n", Format::Csv);
    let err = none.with_rows().unwrap_err().to_string();
    assert!(err.starts_with("no usable rows: line 2 (row 1), column en1"), "{err}");
    let empty = read_ok("role,en1,en2,bal,nps,comment,rank\n", Format::Csv);
    assert_eq!(empty.with_rows().unwrap_err().to_string(), "the file has no response rows");
    assert!(read_ok("role,en1,en2,bal,nps,comment,rank\nStaff,4,,,,,\n", Format::Csv).with_rows().is_ok());
}
