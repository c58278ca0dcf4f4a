//! The `Dashboard` and `Viewer` façades in headless Chromium: loading, positioned JS errors,
//! report shape, option checking, and (the viewer, from the dashboard's released report)
//! drawing pixels on a canvas.
//!
//! `cargo test --target wasm32-unknown-unknown --no-default-features --features dashboard,viewer --test wasm_dashboard`

#![cfg(all(target_arch = "wasm32", feature = "dashboard", feature = "viewer"))]

use secpulse::wasm::{Dashboard, Viewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NUMERIC: [&str; 27] = [
    "en1",
    "en2",
    "en3",
    "en4",
    "en_balance",
    "rs1",
    "rs2",
    "rs3",
    "rs4",
    "ap1",
    "ap2",
    "ap3",
    "ap4",
    "cm1",
    "cm2",
    "cm3",
    "ld1",
    "ld2",
    "ld3",
    "sr1",
    "sr2",
    "sr3",
    "pr1",
    "pr2",
    "pr3",
    "pr4",
    "nps",
];

/// A CSV of `rows` respondents in Engineering/Finance, with `en2` set to `en2`.
fn csv(rows: usize, en2: &str) -> String {
    let mut out = format!("department,{}\n", NUMERIC.join(","));
    for r in 0..rows {
        let dept = if r % 2 == 0 { "Engineering" } else { "Finance" };
        let cells: Vec<String> = NUMERIC.iter().map(|&id| if id == "en2" { en2.to_string() } else { ((r % 5) + 1).to_string() }).collect();
        out.push_str(&format!("{dept},{}\n", cells.join(",")));
    }
    out
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).expect("an object")
}

fn message(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    let error: js_sys::Error = value.dyn_into().expect("a JS Error");
    error.message().into()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("json")
}

/// The page side: a viewer showing the released report of `d`'s view `opts` (as the worker hands it over).
fn viewer_of(d: &mut Dashboard, opts: &str) -> Viewer {
    viewer_showing(&d.report_json(options(opts)).expect("report JSON"))
}

/// A viewer showing report `json`.
fn viewer_showing(json: &str) -> Viewer {
    let mut v = Viewer::new();
    v.load_report(json).expect("a report");
    v
}

#[wasm_bindgen_test]
fn loads_a_csv_and_scores_it() {
    let mut d = Dashboard::new(None).expect("default instrument");
    let summary = d.load_bytes(csv(40, "2").as_bytes()).expect("loads");
    assert_eq!(get(&summary, "rows_kept").as_f64(), Some(40.0));
    let report = d.report(options(r#"{"by":["department"]}"#)).expect("report");
    assert_eq!(get(&report, "format").as_string().as_deref(), Some("secpulse-report/1"));
    assert_eq!(get(&report, "respondents").as_f64(), Some(40.0));
    for field in ["dimensions", "items", "balance", "nps", "segments"] {
        assert!(!get(&report, field).is_undefined(), "{field}");
    }
    let groups = get(&get(&report, "segments"), "department");
    assert_eq!(js_sys::Array::from(&groups).length(), 2);
}

#[wasm_bindgen_test]
fn a_bad_file_is_a_js_error_with_its_position() {
    let mut d = Dashboard::new(None).expect("default instrument");
    let msg = message(d.load_bytes(csv(1, "7").as_bytes()).expect_err("no usable rows"));
    assert!(msg.contains("line 2 (row 1), column en2"), "{msg}");
    let msg = message(d.report(JsValue::UNDEFINED).expect_err("nothing loaded"));
    assert!(msg.contains("no responses"), "{msg}");
}

#[wasm_bindgen_test]
fn unknown_options_and_small_filters_are_refused_clearly() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_sample(2000, 7).unwrap();
    let msg = message(d.report(options(r#"{"minGroupSize":5}"#)).expect_err("unknown field"));
    assert!(msg.contains("unknown field") && msg.contains("minGroupSize"), "{msg}");
    let small = r#"{"by":["department"],"filter":{"segment":{"column":"department","value":"Executive Office"}}}"#;
    let msg = message(d.report(options(small)).expect_err("a group of 3"));
    assert!(msg.contains("fewer than 5 people"), "{msg}");
    d.set_language("de");
    let msg = message(d.report(options(small)).expect_err("a group of 3"));
    assert!(msg.starts_with("dieser Filter wird nicht angezeigt") && msg.contains("weniger als 5 Personen"), "{msg}");
    d.set_language("en");
    let v = viewer_of(&mut d, "{}");
    let msg = message(v.svg("pie", 600, 300, JsValue::UNDEFINED).expect_err("unknown chart"));
    assert!(msg.contains("balance"), "{msg}");
    let msg = message(v.svg("balance", 600, 300, options(r#"{"by":["department"]}"#)).expect_err("a scoring option"));
    assert!(msg.contains("unknown field") && msg.contains("by"), "{msg}");
    assert!(message(Viewer::new().board().expect_err("nothing shown")).contains("no report loaded"));
}

#[wasm_bindgen_test]
fn draws_pixels_on_a_canvas_and_round_trips_a_published_report() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_sample(3000, 1).unwrap();
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").expect("canvas").dyn_into().expect("a canvas");
    canvas.set_width(640);
    canvas.set_height(400);
    let opts = r#"{"by":["department"],"wave":"wave"}"#;
    let v = viewer_of(&mut d, opts);
    for kind in ["balance", "dimensions", "likert", "heatmap", "trend", "nps", "sentiment", "stance", "themes", "priority", "ranking"] {
        v.draw(kind, canvas.clone(), options(r#"{"segment":"department"}"#)).unwrap_or_else(|_| panic!("{kind} draws"));
        let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().expect("2d").dyn_into().expect("2d");
        let data = ctx.get_image_data(0.0, 0.0, 640.0, 400.0).expect("pixels").data();
        let ink = data.chunks(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count();
        assert!(ink > 500, "{kind} drew {ink} pixels");
    }
    let plan = v.plan().expect("a plan");
    let actions = js_sys::Reflect::get(&plan, &JsValue::from_str("actions")).expect("actions");
    assert!(js_sys::Array::from(&actions).length() > 0, "3,000 respondents trigger practices");
    let checklist = v.plan_checklist("markdown").expect("a checklist");
    assert!(checklist.starts_with("# Action plan") && checklist.contains("- [ ] **This month:**"));
    assert!(message(v.plan_checklist("pdf").expect_err("no pdf")).contains("markdown, csv"));
    let published = d.publish(options(opts)).expect("publish");
    assert!(!published.contains("someone@example.com"));
    assert!(published.contains("\"drivers\"") && published.contains("\"importance\""));
    assert_eq!(secpulse::wasm::published_report(published.as_bytes()).as_deref(), Some(published.as_str()));
    assert_eq!(secpulse::wasm::published_report(csv(3, "2").as_bytes()), None);
    let p = viewer_showing(&published);
    assert_eq!(p.publish().expect("published again"), published, "publishing a published report changes nothing");
    let svg = p.svg("balance", 800, 500, JsValue::UNDEFINED).expect("svg");
    assert!(svg.contains("All respondents") && svg.contains("&lt; 5"));
    let msg = message(Viewer::new().load_report(r#"{"format":"other"}"#).expect_err("refused"));
    assert!(msg.contains("not a secpulse report"), "{msg}");
}

#[wasm_bindgen_test]
fn a_published_report_is_the_viewers_not_the_dashboards() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_sample(300, 2).unwrap();
    let published = d.publish(options(r#"{"by":["department"]}"#)).expect("publish");
    let with_bom = format!("\u{feff}\n  {published}");
    assert!(secpulse::wasm::published_report(with_bom.as_bytes()).is_some());
    let mut p = Dashboard::new(None).expect("default instrument");
    let msg = message(p.load_bytes(with_bom.as_bytes()).expect_err("a published report"));
    assert!(msg.contains("published report") && msg.contains("viewer"), "{msg}");
    assert_eq!(secpulse::wasm::published_report(br#"{"format":"other"}"#), Some(r#"{"format":"other"}"#.to_string()));
    let msg = message(Viewer::new().load_report(r#"{"format":"other"}"#).expect_err("refused"));
    assert!(msg.contains("not a secpulse report"), "{msg}");
    let summary = p.load_bytes(csv(40, "2").as_bytes()).expect("a CSV");
    assert_eq!(get(&summary, "rows_kept").as_f64(), Some(40.0));
}

#[wasm_bindgen_test]
fn comments_come_from_the_report_in_every_view_and_when_published() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_sample(3000, 3).unwrap();
    let opts = r#"{"by":["department"],"wave":"wave"}"#;
    let report = d.report(options(opts)).expect("report");
    let comments = js_sys::Array::from(&get(&report, "comments"));
    assert_eq!(comments.length(), 2, "both free-text questions");
    let q = comments.get(0);
    let n = get(&q, "n").as_f64().expect("enough comments");
    assert!(n > 500.0, "{n}");
    let samples = js_sys::Array::from(&get(&q, "samples"));
    assert!(samples.length() > 0 && samples.length() <= 200);
    assert!(!get(&get(&q, "segments"), "department").is_undefined());
    // A filtered view reports its own comments, fewer than everyone's.
    let w = r#"{"by":["department"],"wave":"wave","filter":{"wave":"2026-H1"}}"#;
    let filtered = d.report(options(w)).expect("wave view");
    let fq = js_sys::Array::from(&get(&filtered, "comments")).get(0);
    let fnum = get(&fq, "n").as_f64().expect("shown");
    assert!(fnum > 0.0 && fnum < n, "{fnum} of {n}");
    let svg = viewer_of(&mut d, w).svg("sentiment", 900, 400, JsValue::UNDEFINED).expect("svg");
    assert!(svg.contains("All comments"));
    // Appending rows analyses only the new comments and counts them in.
    let mut e = Dashboard::new(None).expect("default instrument");
    let row = |text: &str| format!(r#"{{"department":"Engineering","does_well":"{text}","en1":4}}"#);
    let rows: Vec<String> = (0..12).map(|i| row(&format!("They found a way to help us ship, thanks {i}"))).collect();
    e.load_rows(options(&format!("[{}]", rows.join(","))), None).expect("rows");
    e.load_rows(options(&format!("[{}]", rows.join(","))), Some(true)).expect("append");
    let r = e.report(JsValue::UNDEFINED).expect("report");
    let q = js_sys::Array::from(&get(&r, "comments")).get(0);
    assert_eq!(get(&q, "n").as_f64(), Some(24.0));
    assert!(get(&get(&get(&q, "summary"), "stance"), "enabler").as_f64().unwrap_or(0.0) >= 12.0);
    // A published report carries the comment charts.
    let p = viewer_showing(&d.publish(options(opts)).expect("publish"));
    for kind in ["sentiment", "stance", "themes"] {
        let svg = p.svg(kind, 900, 400, JsValue::UNDEFINED).expect("svg");
        assert!(!svg.contains("no comment analysis"), "{kind} empty when published");
    }
    let labels = secpulse::wasm::comment_labels(None).expect("labels");
    assert_eq!(get(&get(&labels, "themes"), "says_no").as_string().as_deref(), Some("Says no"));
    let labels = secpulse::wasm::comment_labels(Some("de-CH".into())).expect("labels");
    assert_eq!(get(&get(&labels, "themes"), "says_no").as_string().as_deref(), Some("Sagt Nein"));
}

#[wasm_bindgen_test]
fn set_redact_names_removes_listed_names_from_samples_and_rescores() {
    let mut d = Dashboard::new(None).expect("default instrument");
    let row = |i: usize| format!(r#"{{"department":"Engineering","does_well":"Ask Jane Doe or Smith, Bob about {i}","en1":4}}"#);
    let rows: Vec<String> = (0..12).map(row).collect();
    d.load_rows(options(&format!("[{}]", rows.join(","))), None).expect("rows");
    let text = |d: &mut Dashboard| {
        let r = d.report(JsValue::UNDEFINED).expect("report");
        let q = js_sys::Array::from(&get(&r, "comments")).get(0);
        let first = js_sys::Array::from(&get(&q, "samples")).get(0);
        (get(&first, "text").as_string().expect("text"), get(&get(&q, "redacted"), "names").as_f64())
    };
    assert!(text(&mut d).0.contains("Jane Doe"), "no list: names stay");
    // Blank and one-letter lines do not count; the cached view is scored again.
    let names = ["Jane Doe", "Bob Smith", "", "  ", "x"].map(String::from).to_vec();
    assert_eq!(d.set_redact_names(names), 2);
    let (t, removed) = text(&mut d);
    assert!(t.starts_with("Ask [name] or [name] about"), "{t}");
    assert_eq!(removed, Some(24.0));
    assert_eq!(d.set_redact_names(vec![]), 0);
    assert!(text(&mut d).0.contains("Jane Doe"), "list cleared");
}

#[wasm_bindgen_test]
fn set_language_words_charts_and_the_instruments_labels_in_it() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_bytes(csv(40, "2").as_bytes()).expect("loads");
    let by = r#"{"by":["department"]}"#;
    let mut v = viewer_of(&mut d, by);
    let english = v.describe("dimensions", JsValue::UNDEFINED).expect("describes");
    assert_eq!(get(&english, "title").as_string().as_deref(), Some("How people rate the security team, by dimension (0\u{2013}100)"));
    // The dashboard words the instrument's labels in the report, the viewer the chart's own words.
    d.set_language("de-AT");
    v = viewer_of(&mut d, by);
    v.set_language("de-AT");
    let german = v.describe("balance", JsValue::UNDEFINED).expect("describes");
    assert_eq!(get(&german, "title").as_string().as_deref(), Some("Sagt das Sicherheitsteam Nein oder bietet es Möglichkeiten an?"));
    let rows = js_sys::JSON::stringify(&get(&get(&german, "table"), "rows")).expect("json").as_string().unwrap_or_default();
    assert!(rows.contains("Alle Teilnehmenden") && rows.contains("Entwicklung") && rows.contains("Finanzen"), "{rows}");
    let dims = js_sys::JSON::stringify(&get(&v.describe("dimensions", JsValue::UNDEFINED).expect("describes"), "table"))
        .expect("json")
        .as_string();
    assert!(dims.unwrap_or_default().contains("Ermöglichen"), "dimension names in German");
    v.set_language("pt");
    let back = v.describe("balance", JsValue::UNDEFINED).expect("describes");
    assert_eq!(get(&back, "title").as_string().as_deref(), Some("Does the security team say no, or offer options?"));
}

#[wasm_bindgen_test]
fn set_language_words_the_board_and_the_plan() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.load_bytes(csv(60, "2").as_bytes()).expect("loads");
    let mut v = viewer_of(&mut d, r#"{"by":["department"]}"#);
    let english = v.board().expect("board");
    assert_eq!(get(&english, "title").as_string().as_deref(), Some("How employees see the security team"));
    v.set_language("de-AT");
    let german = v.board().expect("board");
    assert_eq!(get(&german, "title").as_string().as_deref(), Some("Wie die Beschäftigten das Sicherheitsteam sehen"));
    assert_eq!(get(&german, "lang").as_string().as_deref(), Some("de"));
    v.set_language("fr");
    let checklist = v.plan_checklist("markdown").expect("checklist");
    assert!(checklist.starts_with("# Plan d’action"), "{checklist}");
}

#[wasm_bindgen_test]
fn load_errors_and_skipped_rows_are_worded_in_the_dashboard_language() {
    let mut d = Dashboard::new(None).expect("default instrument");
    d.set_language("de-CH");
    let msg = message(d.load_bytes(csv(1, "7").as_bytes()).expect_err("no usable rows"));
    assert_eq!(msg, "keine verwendbaren Zeilen: Zeile 2 (Datensatz 1), Spalte en2: \"7\" liegt außerhalb der Skala 1–5");
    let mut text = csv(6, "2");
    text.push_str(&csv(1, "9").lines().nth(1).map(|row| format!("{row}\n")).unwrap_or_default());
    let summary = d.load_bytes(text.as_bytes()).expect("six rows kept");
    let problem = js_sys::Array::from(&get(&summary, "problems")).get(0);
    assert_eq!(get(&problem, "message").as_string().as_deref(), Some("\"9\" liegt außerhalb der Skala 1–5"));
    assert_eq!(get(&get(&problem, "cause"), "kind").as_string().as_deref(), Some("outside_scale"));
    d.set_language("fr");
    let msg = message(d.load_bytes(b"department,en1,en1\n").expect_err("duplicate column"));
    assert_eq!(msg, "l’en-tête contient deux fois la colonne \"en1\" (colonnes 2 et 3)");
}

#[wasm_bindgen_test]
fn prepared_and_cached_views_release_the_same_report_as_a_fresh_dashboard() {
    let data = csv(60, "4");
    let loaded = || {
        let mut d = Dashboard::new(None).expect("default instrument");
        d.load_bytes(data.as_bytes()).expect("loads");
        d
    };
    let views = [
        r#"{"by":["department"]}"#,
        r#"{"by":["department"],"filter":{"segment":{"column":"department","value":"Engineering"}}}"#,
        r#"{"by":["department"],"filter":{"segment":{"column":"department","value":"Finance"}}}"#,
        r#"{"by":[],"minGroup":7}"#,
    ];
    // Prepared ahead in one order, asked for in another, each twice: always what a fresh dashboard releases.
    let mut d = loaded();
    for v in views.iter().rev() {
        d.prepare(options(v)).expect("prepared");
    }
    for v in views.iter().chain(views.iter()) {
        let fresh = loaded().report_json(options(v)).expect("fresh");
        assert_eq!(d.report_json(options(v)).expect("cached"), fresh, "{v}");
    }
    // A view not released stays an error when prepared, and is still refused when asked for.
    let small = r#"{"by":[],"minGroup":40,"filter":{"segment":{"column":"department","value":"Finance"}}}"#;
    assert!(d.prepare(options(small)).is_err());
    assert!(d.report_json(options(small)).is_err());
}
