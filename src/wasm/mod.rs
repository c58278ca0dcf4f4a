//! The thin wasm façade: converts JS values with serde-wasm-bindgen, calls the pure
//! core, and turns every error into a JS `Error` with a clear message.

mod dashboard;

pub use dashboard::{from_published, Dashboard};

use wasm_bindgen::prelude::*;

use crate::instrument::Instrument;

/// Maps any displayable error to a JS `Error` carrying its message.
pub(crate) fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}

/// Converts a Rust value to a plain JS object (maps become objects, not `Map`s).
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

/// The default security-team instrument, as a plain JS object.
#[wasm_bindgen(js_name = defaultInstrument)]
pub fn default_instrument() -> Result<JsValue, JsError> {
    to_js(&Instrument::default_instrument())
}

/// Parses and validates an instrument given as JSON text; returns it as a JS object.
#[wasm_bindgen(js_name = parseInstrument)]
pub fn parse_instrument(json: &str) -> Result<JsValue, JsError> {
    to_js(&Instrument::from_json(json).map_err(into_error)?)
}
