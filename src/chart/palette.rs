//! Colours: a colour-blind-safe palette (Okabe–Ito hues; blue ↔ orange for
//! favourable ↔ unfavourable) and text colours that meet WCAG AA contrast on
//! the light and dark backgrounds.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

use crate::report::Band;

/// Light or dark chart background.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark text on white (the default; what goes into a board deck).
    #[default]
    Light,
    /// Light text on near-black (wall screens, dark intranets).
    Dark,
}

/// Okabe–Ito blue: favourable, "offers options".
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe–Ito sky blue: leaning favourable.
pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// Okabe–Ito vermillion: unfavourable, "says no".
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Okabe–Ito orange: leaning unfavourable.
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Neutral grey (neither favourable nor unfavourable).
pub const NEUTRAL: RGBColor = RGBColor(0xB4, 0xB4, 0xB4);

/// Okabe–Ito hues for categorical series (one per dimension), yellow left out
/// because it disappears on white.
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x7F, 0x7F, 0x7F), // grey
];

/// The colours one chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colors {
    /// Background.
    pub bg: RGBColor,
    /// Main text and axis lines.
    pub fg: RGBColor,
    /// Secondary text (n, captions); still ≥ 4.5:1 on `bg`.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Fill of suppressed cells (drawn hatched, never by value).
    pub hidden: RGBColor,
}

impl Colors {
    /// The colours of `theme`.
    pub fn of(theme: Theme) -> Colors {
        match theme {
            Theme::Light => Colors {
                bg: RGBColor(0xFF, 0xFF, 0xFF),
                fg: RGBColor(0x1A, 0x1A, 0x1A),
                muted: RGBColor(0x59, 0x59, 0x59),
                grid: RGBColor(0xE2, 0xE2, 0xE2),
                hidden: RGBColor(0xEE, 0xEE, 0xEE),
            },
            Theme::Dark => Colors {
                bg: RGBColor(0x16, 0x18, 0x1C),
                fg: RGBColor(0xF0, 0xF0, 0xF0),
                muted: RGBColor(0xB8, 0xB8, 0xB8),
                grid: RGBColor(0x3A, 0x3D, 0x42),
                hidden: RGBColor(0x2C, 0x2F, 0x34),
            },
        }
    }
}

/// The fill of a score band: blues for favourable, grey for mixed, oranges for unfavourable.
pub fn band(b: Band) -> RGBColor {
    match b {
        Band::Strong => BLUE,
        Band::Favourable => SKY,
        Band::Mixed => NEUTRAL,
        Band::Unfavourable => ORANGE,
        Band::Critical => VERMILLION,
    }
}

/// A diverging colour for a 0–100 score: vermillion at 0, near-white at 50, blue at 100.
pub fn diverging(score: f64) -> RGBColor {
    let mid = RGBColor(0xF4, 0xF4, 0xF4);
    let t = (score.clamp(0.0, 100.0) - 50.0) / 50.0;
    if t < 0.0 {
        mix(mid, VERMILLION, -t)
    } else {
        mix(mid, BLUE, t)
    }
}

fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let c = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
}

/// WCAG relative luminance of a colour.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio between two colours (1–21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `fill`.
pub fn text_on(fill: RGBColor) -> RGBColor {
    // Pure black: with #111 some mid-luminance fills reach 4.5:1 with neither.
    let (black, white) = (RGBColor(0, 0, 0), RGBColor(0xFF, 0xFF, 0xFF));
    if contrast(black, fill) >= contrast(white, fill) {
        black
    } else {
        white
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_meets_wcag_aa_on_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let c = Colors::of(theme);
            assert!(contrast(c.fg, c.bg) >= 7.0, "{theme:?} fg");
            assert!(contrast(c.muted, c.bg) >= 4.5, "{theme:?} muted");
            assert!(contrast(c.muted, c.hidden) >= 4.5, "{theme:?} muted on hidden");
        }
    }

    #[test]
    fn text_on_any_heatmap_cell_meets_aa() {
        for s in 0..=100 {
            let fill = diverging(f64::from(s));
            assert!(contrast(text_on(fill), fill) >= 4.5, "score {s}");
        }
        for b in [Band::Strong, Band::Favourable, Band::Mixed, Band::Unfavourable, Band::Critical] {
            assert!(contrast(text_on(band(b)), band(b)) >= 4.5, "{b:?}");
        }
    }

    #[test]
    fn diverging_runs_orange_to_blue() {
        assert_eq!(diverging(0.0), VERMILLION);
        assert_eq!(diverging(100.0), BLUE);
        assert_eq!(diverging(50.0), RGBColor(0xF4, 0xF4, 0xF4));
    }
}
