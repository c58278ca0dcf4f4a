//! The thin wasm façade: converts JS values through JSON text (`JSON.parse` /
//! `JSON.stringify` on the JS side, serde_json on ours), calls the pure core, and
//! turns every error into a JS `Error` with a clear message.
//!
//! JSON text rather than serde-wasm-bindgen keeps the wasm small: every `Serialize`
//! type is then compiled for serde_json only, which the core needs anyway.
//!
//! Three builds (scripts/build-wasm.sh), each holding only what its page calls:
//! - no features: the survey form's exports (`survey`: `parseInstrument`, `checkResponse`);
//! - `viewer`: `Viewer` (draws a released report), for a published report; no ingest, scoring,
//!   privacy decisions or text analysis;
//! - `dashboard` + `viewer`: the dashboard worker's `Dashboard` (reads, scores, releases reports)
//!   and the `Viewer` its page draws with, in one file (one download for both), and the survey's.

#[cfg(feature = "dashboard")]
mod dashboard;
#[cfg(feature = "viewer")]
mod measure;
#[cfg(any(feature = "dashboard", not(feature = "viewer")))]
mod survey;
#[cfg(feature = "viewer")]
mod viewer;

#[cfg(feature = "dashboard")]
pub use dashboard::{Dashboard, Upload};
#[cfg(any(feature = "dashboard", not(feature = "viewer")))]
pub use survey::check_response;
#[cfg(feature = "viewer")]
pub use viewer::{comment_labels, published_report, Viewer};

use wasm_bindgen::prelude::*;

use crate::lang::Lang;

#[cfg(any(feature = "dashboard", feature = "viewer"))]
#[wasm_bindgen(typescript_custom_section)]
const TS_COLUMN: &str = r#"
/** A column the view can be broken down or filtered by, with its values. */
export interface Column { name: string; label: string; values: string[]; labels: string[]; choice: boolean }
"#;

/// Maps any displayable error to a JS `Error` carrying its message.
pub(crate) fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}

/// The language a JS caller asks for with an optional BCP 47 tag (English when absent or unknown).
pub(crate) fn lang_of(tag: Option<String>) -> Lang {
    Lang::or_english(tag.as_deref().unwrap_or_default())
}

/// Converts a Rust value to a plain JS object (maps become objects, `None` becomes `null`).
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    parse_json(&json_of(value)?)
}

/// The JS value of JSON text made by [`json_of`].
pub(crate) fn parse_json(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("internal error: the core printed JSON that JSON.parse refuses"))
}

/// JSON text of a value. The dashboard and viewer builds hold `publish_json`, which prints a
/// `Value`: there the value goes through `Value` too (object keys sorted), so every type is compiled
/// for the one `Value` serializer (2.5–3 KB gz less each); the survey build, without it, prints
/// directly (1 KB less). The dashboard prints on one line: its cached reports are half the size of
/// a pretty print (the worker's memory at 1M: 1.8 MB less), for 0.4 KB gz of code that the viewer
/// and the survey builds, which print little, do without.
pub(crate) fn json_of<T: serde::Serialize>(value: &T) -> Result<String, JsError> {
    #[cfg(any(feature = "dashboard", feature = "viewer"))]
    let value = serde_json::to_value(value).map_err(into_error)?;
    #[cfg(feature = "dashboard")]
    let text = serde_json::to_string(&value);
    #[cfg(not(feature = "dashboard"))]
    let text = serde_json::to_string_pretty(&value);
    text.map_err(into_error)
}

/// Converts a plain JS value to JSON text (`JSON.stringify`: `undefined` members are left out).
/// `what` names the value in the error thrown when it has no JSON form (e.g. a BigInt).
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    let text = js_sys::JSON::stringify(value).map_err(|_| JsError::new(&format!("{what} must be plain JSON data")))?;
    // `undefined`, a function or a symbol has no JSON form: JSON.stringify returns undefined.
    Ok(text.as_string().unwrap_or_else(|| "null".to_string()))
}

/// Reads an options object (undefined or null: the defaults). Through JSON text: serde-wasm-bindgen
/// looks up known fields only, so it never sees (and cannot reject) an unknown one such as a
/// misspelt `minGroupSize`.
#[cfg(any(feature = "dashboard", feature = "viewer"))]
pub(crate) fn options<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_json::from_str(&json_text(&value, "options")?).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// The default security-team instrument, as a plain JS object. Dashboard build only: the survey
/// build leaves the built-in instrument out (scripts/build-wasm.sh writes it to a file with this).
#[cfg(feature = "dashboard")]
#[wasm_bindgen(js_name = defaultInstrument)]
pub fn default_instrument() -> Result<JsValue, JsError> {
    to_js(&crate::instrument::Instrument::default_instrument())
}

/// Parses and validates an instrument given as JSON text; returns it as a JS object. What is
/// wrong with it is worded in `lang` (a BCP 47 tag; English when absent or unknown).
#[cfg(any(feature = "dashboard", not(feature = "viewer")))]
#[wasm_bindgen(js_name = parseInstrument)]
pub fn parse_instrument(json: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::instrument::Instrument::from_json(json).map_err(|e| JsError::new(&e.describe(lang_of(lang))))?)
}
