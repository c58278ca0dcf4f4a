//! Text widths measured by the browser: a canvas 2D context's `measureText`, which needs no DOM
//! node and no `style` attribute (so it works under a strict `style-src`; see `chart::measure`).

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::Measure;

/// Measures with a detached canvas's 2D context.
pub(crate) struct CanvasMeasure(CanvasRenderingContext2d);

impl CanvasMeasure {
    /// A measure on a fresh, detached canvas; `None` without a document or a 2D context.
    pub(crate) fn new() -> Option<CanvasMeasure> {
        let canvas: HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(CanvasMeasure(context))
    }
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool, family: &str) -> f64 {
        // The same font string plotters' canvas backend draws with.
        self.0.set_font(&format!("{} {size}px {family}", if bold { "bold" } else { "normal" }));
        self.0.measure_text(text).map(|m| m.width().ceil()).unwrap_or(0.0)
    }
}
