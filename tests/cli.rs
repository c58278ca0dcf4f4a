//! The `secpulse` command line, run as a user would: output shapes, exit codes, messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn secpulse(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_secpulse"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the secpulse binary runs");
    let mut input = child.stdin.take().unwrap();
    // The tool may exit before reading its input (e.g. on a bad option): a broken pipe is fine.
    if let Err(e) = input.write_all(stdin.unwrap_or_default()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("valid JSON on stdout")
}

#[test]
fn instrument_json_lists_scale_and_keyed_items() {
    let v = json(&secpulse(&["instrument", "--json"], None));
    assert_eq!(v["scale"]["min"], 1);
    assert_eq!(v["scale"]["max"], 5);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 25);
    let en2 = items.iter().find(|i| i["id"] == "en2").unwrap();
    assert_eq!(en2["dimension"], "enablement");
    assert_eq!(en2["reverse"], true);
    assert!(items.iter().all(|i| i["reverse"].is_boolean()));
}

#[test]
fn instrument_text_is_readable_and_a_bad_file_is_named() {
    let o = secpulse(&["instrument"], None);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Always says no") && text.contains("only when role is Leader"), "{text}");
    let o = secpulse(&["instrument", "--instrument", "/nonexistent/ins.json"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot read instrument /nonexistent/ins.json"), "{}", stderr(&o));
}

#[test]
fn instrument_lang_prints_the_translation_with_codes_and_labels() {
    let o = secpulse(&["instrument", "--lang", "de"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Wie erleben Sie das Sicherheitsteam?"), "{text}");
    assert!(text.contains("Sagt immer Nein") && text.contains("Engineering = Entwicklung"), "{text}");
    assert!(text.contains("None of these = Nichts davon"), "{text}");
    let o = secpulse(&["instrument", "--lang", "pt"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--lang \"pt\": the instrument has no translation for it (translations: de, es, fr)"), "{}", stderr(&o));
}

#[test]
fn synth_is_deterministic_and_scores_from_stdin() {
    let a = secpulse(&["synth", "--n", "400", "--seed", "3"], None);
    let b = secpulse(&["synth", "--n", "400", "--seed", "3"], None);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, secpulse(&["synth", "--n", "400", "--seed", "4"], None).stdout);
    assert_eq!(stdout(&a).lines().count(), 401, "header + 400 rows (comments here have no newlines)");

    let v = json(&secpulse(&["score", "--json", "--by", "department", "-"], Some(&a.stdout)));
    assert_eq!(v["respondents"], 400);
    let overall = &v["overall"];
    assert!(overall["n"].as_u64().unwrap() > 350);
    let [lo, hi] = [overall["ci95"][0].as_f64().unwrap(), overall["ci95"][1].as_f64().unwrap()];
    let score = overall["score"].as_f64().unwrap();
    assert!(lo < score && score < hi && (0.0..=100.0).contains(&score));
    assert!(overall["band"].is_string());
    let dims = v["dimensions"].as_array().unwrap();
    assert_eq!(dims.len(), 7);
    for key in ["id", "n", "score", "sd", "ci95", "favourable", "neutral", "unfavourable", "alpha"] {
        assert!(dims.iter().all(|d| !d[key].is_null()), "dimension field {key}");
    }
    assert!(v["items"].as_array().unwrap().iter().all(|i| i["n"].is_u64() && i["mean"].is_f64()));
    let groups = v["segments"]["department"].as_array().unwrap();
    let tiny = groups.iter().find(|g| g["value"] == "Executive Office").unwrap(); // 3 people
    assert_eq!((tiny["suppressed"].clone(), tiny["n"].clone()), (true.into(), serde_json::Value::Null));
    assert!(tiny["overall"].is_null() && tiny["dimensions"].is_null());
    let big = groups.iter().find(|g| g["value"] == "Engineering").unwrap();
    assert!(big["n"].as_u64().unwrap() >= 5 && big["overall"]["score"].is_f64() && big["dimensions"].is_array());
    assert_eq!(v["ingest"]["rows_read"], 400);
    assert!(v["waves"]["deltas"].as_array().is_some_and(|d| !d.is_empty()), "wave column used by default");
}

#[test]
fn json_responses_score_like_csv() {
    let csv = secpulse(&["synth", "--n", "300", "--seed", "9"], None).stdout;
    let json_rows = secpulse(&["synth", "--n", "300", "--seed", "9", "--format", "json"], None).stdout;
    let a = json(&secpulse(&["score", "--json", "-"], Some(&csv)));
    let b = json(&secpulse(&["score", "--json", "-"], Some(&json_rows)));
    assert_eq!(a["overall"], b["overall"]);
    assert_eq!(a["dimensions"], b["dimensions"]);
}

/// A synthetic CSV of `n` rows with `edits` (data row index from 0, column name, new cell) applied.
fn edited_csv(n: usize, edits: &[(usize, &str, &str)]) -> Vec<u8> {
    let data = stdout(&secpulse(&["synth", "--n", &n.to_string(), "--seed", "5"], None));
    let mut rdr = csv::Reader::from_reader(data.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).unwrap();
    for (i, rec) in rdr.records().enumerate() {
        let mut fields: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
        for (_, col, value) in edits.iter().filter(|e| e.0 == i) {
            fields[header.iter().position(|h| h == *col).unwrap()] = value.to_string();
        }
        out.write_record(&fields).unwrap();
    }
    out.into_inner().unwrap()
}

#[test]
fn bad_rows_are_skipped_and_reported_with_row_and_column() {
    let csv = edited_csv(3, &[(1, "en1", "7"), (2, "en3", "x")]);
    let o = secpulse(&["score", "--json", "-"], Some(&csv));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("column en1") && err.contains("\"7\""), "{err}");
    assert!(err.contains("column en3") && err.contains("\"x\""), "{err}");
    assert!(err.contains("skipped 2 of 3 rows"), "{err}");
    let v = json(&o);
    assert_eq!(v["ingest"]["rows_kept"], 1);
    assert_eq!(v["respondents"], serde_json::Value::Null, "1 respondent is under the minimum group size");
}

#[test]
fn strict_mode_and_fatal_problems_exit_non_zero_with_a_clear_message() {
    let csv = edited_csv(3, &[(1, "en1", "9")]);
    let o = secpulse(&["score", "--strict", "-"], Some(&csv));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("secpulse: error: -: "), "{err}");
    assert!(err.contains("row 2") && err.contains("en1") && err.contains("\"9\""), "{err}");

    let o = secpulse(&["score", "-"], Some(b"department,role\nIT,Staff\n"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("en1"), "missing columns are listed: {}", stderr(&o));

    let o = secpulse(&["score", "--min-group", "1", "-"], Some(&csv));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at least 2"), "{}", stderr(&o));

    let o = secpulse(&["score", "--by", "team", "-"], Some(&secpulse(&["synth", "--n", "50"], None).stdout));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no column \"team\""), "{}", stderr(&o));

    let o = secpulse(&["score", "/no/such/file.csv"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read /no/such/file.csv"), "{}", stderr(&o));
}

#[test]
fn readable_table_shows_suppression_in_words() {
    let data = secpulse(&["synth", "--n", "500", "--seed", "2"], None).stdout;
    let o = secpulse(&["score", "--by", "department", "-"], Some(&data));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Overall (0–100)") && text.contains("Says no ↔ offers options"), "{text}");
    let exec = text.lines().find(|l| l.contains("Executive Office")).unwrap();
    assert!(exec.contains("< 5") && exec.contains("suppressed"), "{exec}");
}

#[test]
fn help_explains_the_tool() {
    let o = secpulse(&["--help"], None);
    let text = stdout(&o);
    assert!(text.contains("security team") && text.contains("score") && text.contains("synth"), "{text}");
    let o = secpulse(&["score", "--help"], None);
    assert!(stdout(&o).contains("--min-group"));
}

#[test]
fn comments_are_analysed_line_by_line_and_bad_lines_are_numbered() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"They always say no and it takes weeks to hear back.\"}\n",
        "not json\n",
        "\n",
        "{\"id\":7,\"text\":\"They found a way to make our launch work safely. Thank you!\"}\n",
        "{\"id\":\"c\"}\n",
    );
    let o = secpulse(&["comments", "--json", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(1), "bad lines make the exit status non-zero after the rest is done");
    let out = stdout(&o);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["id"].as_str(), rows[0]["sentiment"].as_str(), rows[0]["stance"].as_str()),
        (Some("a"), Some("negative"), Some("blocker"))
    );
    assert_eq!((rows[1]["id"].as_u64(), rows[1]["stance"].as_str()), (Some(7), Some("enabler")));
    for key in ["score", "themes", "evidence"] {
        assert!(!rows[0][key].is_null(), "{key}");
    }
    let err = stderr(&o);
    assert!(err.contains("line 2:") && err.contains("line 5:") && err.contains("2 of 4 lines"), "{err}");

    let table = secpulse(&["comments", "-"], Some(input.lines().next().unwrap().as_bytes()));
    assert!(table.status.success(), "{}", stderr(&table));
    assert!(stdout(&table).contains("blocker"), "{}", stdout(&table));
}

#[test]
fn publish_writes_aggregates_only() {
    let csv = edited_csv(400, &[(3, "en1", "=HYPERLINK(\"x\")")]);
    let o = secpulse(&["score", "--publish", "--by", "department", "-"], Some(&csv));
    let v = json(&o);
    assert_eq!(v["format"], "secpulse-report/1");
    assert!(v.get("ingest").is_none(), "no ingest section (it quotes raw cells)");
    let text = stdout(&o);
    assert!(!text.contains("HYPERLINK"), "the bad cell is not quoted anywhere");
    let back: secpulse::report::Report = serde_json::from_str(&text).expect("a published report parses back");
    assert_eq!(back.respondents, Some(399));
}

#[test]
fn plan_prints_text_json_markdown_and_csv() {
    let csv = edited_csv(800, &[]);
    let v = json(&secpulse(&["plan", "--json", "-"], Some(&csv)));
    let actions = v["plan"]["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 5, "--top defaults to 5");
    assert!(actions.iter().all(|a| !a["triggers"].as_array().unwrap().is_empty() && a["first_step"].is_string()));
    assert_eq!(v["priority"][0]["outcome"], "nps");
    assert_eq!(v["priority"][0]["points"].as_array().unwrap().len(), 7);
    let text = secpulse(&["plan", "--top", "2", "-"], Some(&csv));
    assert!(stdout(&text).contains("Action plan: the first 2 of"), "{}", stdout(&text));
    assert!(stdout(&text).contains("Priority for \"Would recommend"), "{}", stdout(&text));
    let md = stdout(&secpulse(&["plan", "--format", "markdown", "-"], Some(&csv)));
    assert!(md.starts_with("# Action plan") && md.contains("- [ ] **This month:**"), "{md}");
    let table = stdout(&secpulse(&["plan", "--format", "csv", "--top", "3", "-"], Some(&csv)));
    let mut rows = csv::Reader::from_reader(table.as_bytes());
    assert_eq!(rows.headers().unwrap().get(0), Some("done"));
    assert_eq!(rows.records().count(), 3);
    let library = json(&secpulse(&["plan", "--print-practices"], None));
    assert_eq!(library["practices"].as_array().unwrap().len(), 22);
}

#[test]
fn headcounts_give_response_rates_and_bad_ones_say_where() {
    let temp = tempfile::Builder::new().prefix("secpulse-cli-headcounts-").tempdir().unwrap();
    let dir = temp.path();
    let good = dir.join("good.csv");
    std::fs::write(&good, "column,value,headcount\n*,*,1000\ndepartment,Engineering,400\n").unwrap();
    let csv = edited_csv(400, &[]);
    let v = json(&secpulse(&["score", "--json", "--no-comments", "--headcounts", good.to_str().unwrap(), "-"], Some(&csv)));
    assert_eq!(v["participation"]["overall"]["rate"], 40.0);
    assert!(v["segments"]["department"].is_array(), "the headcount column becomes a breakdown");
    let text = stdout(&secpulse(&["score", "--no-comments", "--headcounts", good.to_str().unwrap(), "-"], Some(&csv)));
    assert!(text.contains("Response rate") && text.contains("40%"), "{text}");
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "column,value,headcount\ndepartment,Engineering,many\n").unwrap();
    let o = secpulse(&["score", "--headcounts", bad.to_str().unwrap(), "-"], Some(&csv));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("headcounts line 2: headcount \"many\" is not a whole number"), "{}", stderr(&o));
}

#[test]
fn report_writes_a_self_contained_html_file_from_responses_or_a_published_report() {
    let temp = tempfile::Builder::new().prefix("secpulse-report-").tempdir().unwrap();
    let dir = temp.path();
    let csv = secpulse(&["synth", "--n", "800", "--seed", "4"], None).stdout;
    let responses = dir.join("responses.csv");
    std::fs::write(&responses, &csv).unwrap();
    let html_path = dir.join("report.html");
    let o = secpulse(&["report", responses.to_str().unwrap(), "-o", html_path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("Executive summary") && html.contains("By department</h2>"));
    assert!(html.contains("id=\"t-priority\"") && html.contains("the action plan</h2>"), "priority chart and action plan");
    assert!(!html.contains("Response rate"), "no headcounts, no response rate");
    // The same from the published report (with headcounts), to standard output.
    let headcounts = dir.join("headcounts.csv");
    std::fs::write(&headcounts, "column,value,headcount\n*,*,1000\n").unwrap();
    let published = secpulse(&["score", "--publish", "--by", "department", "--headcounts", headcounts.to_str().unwrap(), "-"], Some(&csv));
    assert!(published.status.success(), "{}", stderr(&published));
    let o = secpulse(&["report", "-", "-o", "-"], Some(&published.stdout));
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.contains("Executive summary") && html.contains("id=\"t-priority\"") && html.contains("the action plan</h2>"));
    assert!(html.contains("<dt>Response rate</dt><dd class=\"value\">80%</dd>"), "the published report's response rate");
    let o = secpulse(&["report", dir.join("missing.csv").to_str().unwrap(), "-o", "-"], None);
    assert!(!o.status.success() && stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

/// Synthetic responses for the language tests.
fn sample_csv() -> Vec<u8> {
    secpulse(&["synth", "--n", "800", "--seed", "4"], None).stdout
}

/// English words that must not be left in a German, French or Spanish rendering.
const ENGLISH: [&str; 12] = [
    " the ",
    "Respondents",
    "Band",
    "promoters",
    "favourable",
    "Action plan",
    "This month",
    "Why:",
    "Group",
    "Priority",
    "Fix first",
    "comments of",
];

#[test]
fn score_plan_and_report_speak_the_language_of_lang() {
    let csv = sample_csv();
    let german = stdout(&secpulse(&["score", "--lang", "de", "--by", "department", "-"], Some(&csv)));
    assert!(german.contains("Teilnehmende: 800") && german.contains("Mindestgruppengröße"), "{german}");
    assert!(german.contains("Gesamt (0–100)") && german.contains("Wie erleben Sie das Sicherheitsteam?"), "{german}");
    assert!(german.contains("\u{a0}%") && german.contains("61,"), "German numbers: {german}");
    let plan = stdout(&secpulse(&["plan", "--lang", "fr", "-"], Some(&csv)));
    assert!(plan.contains("Plan d’action") && plan.contains("Ce mois-ci\u{a0}:"), "{plan}");
    let spanish = stdout(&secpulse(&["plan", "--lang", "es-MX", "--format", "markdown", "-"], Some(&csv)));
    assert!(spanish.starts_with("# Plan de acción") && spanish.contains("**Este mes:**"), "{spanish}");
    for (lang, text) in [("de", &german), ("fr", &plan), ("es", &spanish)] {
        let left: Vec<&&str> = ENGLISH.iter().filter(|w| text.contains(**w)).collect();
        assert!(left.is_empty(), "{lang} output still has the English {left:?}:\n{text}");
    }
    let html = stdout(&secpulse(&["report", "--lang", "de", "-o", "-", "-"], Some(&csv)));
    assert!(html.contains("<html lang=\"de\">") && html.contains("Zusammenfassung für die Leitung"), "{html}");
}

#[test]
fn an_unknown_lang_is_refused_with_the_languages_there_are() {
    let o = secpulse(&["score", "--lang", "xx", "-"], Some(b""));
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("--lang") && err.contains("\"xx\"") && err.contains("en, de, fr, es"), "{err}");
}
