//! The survey form's check: a response row goes through the real ingest before it leaves
//! the page, so the form can never send what `secpulse score` would reject.

use wasm_bindgen::prelude::*;

use crate::ingest::row_check::check_row_in;
use crate::instrument::Instrument;

use super::{into_error, json_text, lang_of, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TS_CHECK: &str = r#"
/** What `checkResponse` found; `ok` is true when `errors` is empty. */
export interface ResponseCheck {
  ok: boolean;
  /** `code` names the form's own rules ("no_ratings", "unknown_column", "not_text", "too_long") so the
   *  page can word them in its language; core ingest problems have code null and the core's message,
   *  worded in the `lang` given to `checkResponse`. */
  errors: { column: string | null; code: string | null; message: string }[];
}
"#;

/// Checks one response row as the survey form produces it (an object keyed by question id,
/// plus `wave`) against the instrument given as JSON text (the form always has it: the built-in
/// instrument's file, `src` or its `instrument` property, so the default one stays out of this build).
///
/// The row is read by the same ingest as response files, so a value off the scale, an unknown
/// option or a bad ranking is reported exactly as `secpulse score` would. On top of that the
/// form's own rules: no key other than question ids and `wave` (nothing identifying can ride
/// along), free text within `max_chars`, and at least one numeric answer (Likert, bipolar, 0–10,
/// or a randomized yes/no stored as 0/1), without which a row carries nothing to score. Returns
/// `{ ok, errors: [{ column, code, message }] }`; throws only when the instrument itself is invalid.
/// The core's messages are worded in `lang` (a BCP 47 tag; English when absent or unknown).
#[wasm_bindgen(js_name = checkResponse)]
pub fn check_response(instrument_json: &str, row: JsValue, lang: Option<String>) -> Result<JsValue, JsError> {
    let instrument = Instrument::from_json(instrument_json).map_err(into_error)?;
    let row: serde_json::Value = serde_json::from_str(&json_text(&row, "the response")?).map_err(into_error)?;
    to_js(&check_row_in(&instrument, &row, lang_of(lang)))
}
