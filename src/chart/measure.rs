//! Text widths for chart layout (fitting labels, wrapping, legends).
//!
//! plotters' own estimate measures, in a browser, with a `<span>` given a `style` attribute,
//! which a strict Content-Security-Policy (`style-src` without `'unsafe-inline'`) blocks and
//! reports. The charts therefore measure through [`Measure`]: the browser façade measures with a
//! canvas 2D context (`measureText`, no DOM, no style attribute), everything else uses the fixed
//! [`Estimate`].

/// Measures text for the charts' layout.
pub trait Measure {
    /// Width in pixels of `text` in font `family`, regular or `bold`, at font size `size` (the size
    /// the chart hands to its drawing backend).
    fn width(&self, text: &str, size: f64, bold: bool, family: &str) -> f64;
}

/// A font-independent estimate: 0.7 em per byte, with an em of `size / 1.24²` (plotters' native
/// estimate, so charts drawn outside a browser keep their layout).
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimate;

impl Measure for Estimate {
    fn width(&self, text: &str, size: f64, _bold: bool, _family: &str) -> f64 {
        let em = size / 1.24 / 1.24;
        (em * 0.7 * text.len() as f64).round()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_grows_with_text_and_size() {
        assert_eq!(Estimate.width("", 13.0, false, "sans-serif"), 0.0);
        assert!(Estimate.width("abcd", 13.0, false, "x") > Estimate.width("ab", 13.0, false, "x"));
        assert!(Estimate.width("ab", 26.0, true, "x") > Estimate.width("ab", 13.0, true, "x"));
    }
}
