//! The survey form's `checkResponse` export, in a real browser: the row goes through the core
//! ingest, and only question ids and `wave` may leave the form.
#![cfg(target_arch = "wasm32")]

use secpulse::instrument::DEFAULT_INSTRUMENT_JSON;
use secpulse::wasm::check_response;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Calls the export the way the form does and returns its result as JSON.
fn check(instrument: &str, row: Value) -> Value {
    let row = js_sys::JSON::parse(&row.to_string()).expect("row is JSON");
    let result = check_response(instrument, row, None).map_err(JsValue::from).expect("checked");
    let text = js_sys::JSON::stringify(&result).expect("result is JSON");
    serde_json::from_str(&String::from(text)).expect("result parses")
}

/// `check` against the built-in instrument, given as JSON text as the form gives its file.
fn check_default(row: Value) -> Value {
    check(DEFAULT_INSTRUMENT_JSON, row)
}

fn columns(result: &Value) -> Vec<Option<String>> {
    result["errors"].as_array().expect("errors").iter().map(|e| e["column"].as_str().map(String::from)).collect()
}

#[wasm_bindgen_test]
fn a_complete_form_row_is_accepted() {
    let row = json!({
        "department": "Engineering", "role": "Leader", "en1": 4, "en_balance": 7, "nps": 10,
        "does_well": "Quick answers", "wave": "2026-Q4",
        "systems_rank": "HR and payroll>Finance and payments>Customer data and CRM>Email and collaboration>Source code and build systems>Customer-facing website and apps>Operations and production systems"
    });
    assert_eq!(check_default(row), json!({ "ok": true, "errors": [] }));
}

#[wasm_bindgen_test]
fn values_the_core_rejects_are_reported_by_column() {
    let result = check_default(json!({ "en1": 6, "role": "Wizard", "nps": 4 }));
    assert_eq!(result["ok"], json!(false));
    let cols = columns(&result);
    assert!(cols.contains(&Some("en1".into())) && cols.contains(&Some("role".into())), "{result}");
    assert!(result["errors"].as_array().expect("list").iter().all(|e| e["code"].is_null()), "core problems have no code");
    assert!(result["errors"].to_string().contains("outside"), "the core's wording: {result}");
}

#[wasm_bindgen_test]
fn bad_rankings_are_rejected() {
    let result = check_default(json!({ "role": "Leader", "en1": 3, "systems_rank": "Finance and payments>Finance and payments" }));
    assert_eq!(result["ok"], json!(false));
    assert!(result["errors"].to_string().contains("twice"), "{result}");
}

#[wasm_bindgen_test]
fn nothing_but_answers_and_wave_may_leave_the_form() {
    let result = check_default(json!({ "en1": 3, "email": "someone@example.com", "submitted_at": "2026-11-24T15:10:00Z" }));
    assert_eq!(result["ok"], json!(false));
    let cols = columns(&result);
    assert!(cols.contains(&Some("email".into())) && cols.contains(&Some("submitted_at".into())), "{result}");
    assert_eq!(result["errors"][0]["code"], json!("unknown_column"));
    assert_eq!(check_default(json!({ "en1": 3, "wave": 7 }))["ok"], json!(false), "wave must be text");
}

#[wasm_bindgen_test]
fn text_over_the_limit_and_empty_rows_are_rejected() {
    let long = "x".repeat(1001);
    let result = check_default(json!({ "en1": 2, "does_well": long }));
    assert_eq!(columns(&result), vec![Some("does_well".to_string())], "{result}");
    assert_eq!(result["errors"][0]["code"], json!("too_long"));
    for row in [json!({ "wave": "2026-Q4" }), json!({ "role": "Staff", "does_well": "ok", "wave": "w" })] {
        let result = check_default(row);
        assert_eq!(result["errors"], json!([{ "column": null, "code": "no_ratings", "message": "the response has no rating answers" }]));
    }
    assert_eq!(columns(&check_default(json!([1, 2]))), vec![None], "not an object");
}

#[wasm_bindgen_test]
fn an_invalid_instrument_throws() {
    let row = js_sys::JSON::parse("{\"en1\":3}").expect("json");
    assert!(check_response("{\"id\":1}", row, None).is_err());
}

#[wasm_bindgen_test]
fn randomized_answers_are_zero_or_one() {
    let ins = include_str!("../docs/examples/instrument-sensitive.json");
    for reported in [0, 1] {
        let result = check(ins, json!({ "en1": 4, "workaround": reported, "wave": "2026-Q4" }));
        assert_eq!(result, json!({ "ok": true, "errors": [] }), "reported {reported}");
    }
    let result = check(ins, json!({ "workaround": 1 }));
    assert_eq!(result, json!({ "ok": true, "errors": [] }), "the randomized answer alone is something to estimate");
    for bad in [json!(2), json!(-1), json!(0.5), json!("yes"), json!(true)] {
        let result = check(ins, json!({ "en1": 4, "workaround": bad }));
        assert_eq!(columns(&result), vec![Some("workaround".to_string())], "{bad}: {result}");
    }
    let result = check_default(json!({ "en1": 4, "workaround": 1 }));
    assert_eq!(result["errors"][0]["code"], json!("unknown_column"), "not a question of the default instrument");
}
