//! The thin wasm façade: converts JS values through JSON text (`JSON.parse` /
//! `JSON.stringify` on the JS side, serde_json on ours), calls the pure core, and
//! turns every error into a JS `Error` with a clear message.
//!
//! JSON text rather than serde-wasm-bindgen keeps the wasm small: every `Serialize`
//! type is then compiled for serde_json only, which the core needs anyway.

#[cfg(feature = "dashboard")]
mod dashboard;
#[cfg(feature = "dashboard")]
mod measure;
mod survey;

#[cfg(feature = "dashboard")]
pub use dashboard::{comment_labels, from_published, Dashboard, Upload};
pub use survey::check_response;

use wasm_bindgen::prelude::*;

use crate::instrument::Instrument;
use crate::lang::Lang;

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
    // Pretty, like `publish`: one serde_json formatter per type in the wasm instead of two.
    let json = serde_json::to_string_pretty(value).map_err(into_error)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("internal error: unparsable JSON"))
}

/// Converts a plain JS value to JSON text (`JSON.stringify`: `undefined` members are left out).
/// `what` names the value in the error thrown when it has no JSON form (e.g. a BigInt).
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    let text = js_sys::JSON::stringify(value).map_err(|_| JsError::new(&format!("{what} must be plain JSON data")))?;
    // `undefined`, a function or a symbol has no JSON form: JSON.stringify returns undefined.
    Ok(text.as_string().unwrap_or_else(|| "null".to_string()))
}

/// The default security-team instrument, as a plain JS object. Dashboard build only: the survey
/// build leaves the built-in instrument out (scripts/build-wasm.sh writes it to a file with this).
#[cfg(feature = "dashboard")]
#[wasm_bindgen(js_name = defaultInstrument)]
pub fn default_instrument() -> Result<JsValue, JsError> {
    to_js(&Instrument::default_instrument())
}

/// Parses and validates an instrument given as JSON text; returns it as a JS object. What is
/// wrong with it is worded in `lang` (a BCP 47 tag; English when absent or unknown).
#[wasm_bindgen(js_name = parseInstrument)]
pub fn parse_instrument(json: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    to_js(&Instrument::from_json(json).map_err(|e| JsError::new(&e.describe(lang_of(lang))))?)
}
