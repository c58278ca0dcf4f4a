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

/// A page's theme for the charts (what `<secpulse-report>` reads from its `--secpulse-*` custom
/// properties): colours as CSS `#rgb`, `#rrggbb` or `rgb(r, g, b)`, and a font family. Each is
/// optional; one that is missing or unreadable keeps the [`Theme`]'s own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Look {
    /// Chart background.
    pub background: Option<String>,
    /// Main text and axis lines.
    pub text: Option<String>,
    /// Secondary text.
    pub muted: Option<String>,
    /// Grid lines and hatching.
    pub grid: Option<String>,
    /// A CSS `font-family` list.
    pub font: Option<String>,
}

/// The font family charts use when the page sets none.
pub const DEFAULT_FONT: &str = "sans-serif";

impl Look {
    /// The font family to draw with: the page's, if it is a plain `font-family` list (at most
    /// 200 characters, none of `;{}<>\`), else [`DEFAULT_FONT`].
    pub fn font(&self) -> &str {
        match self.font.as_deref().map(str::trim) {
            Some(f) if !f.is_empty() && f.len() <= 200 && !f.contains([';', '{', '}', '<', '>', '\\']) => f,
            _ => DEFAULT_FONT,
        }
    }
}

impl Colors {
    /// The colours of `theme` with the page's `look` applied. Text stays readable: a text colour
    /// under 4.5:1 on the background is replaced by black or white, a muted one by the text colour.
    pub fn styled(theme: Theme, look: &Look) -> Colors {
        let base = Colors::of(theme);
        let pick = |v: &Option<String>, default: RGBColor| v.as_deref().and_then(parse_color).unwrap_or(default);
        let bg = pick(&look.background, base.bg);
        let mut fg = pick(&look.text, base.fg);
        if contrast(fg, bg) < 4.5 {
            fg = text_on(bg);
        }
        let grid = pick(&look.grid, base.grid);
        let hidden = if bg == base.bg { base.hidden } else { mix(bg, fg, 0.08) };
        let mut muted = pick(&look.muted, base.muted);
        if contrast(muted, bg) < 4.5 || contrast(muted, hidden) < 4.5 {
            muted = fg;
        }
        Colors { bg, fg, muted, grid, hidden }
    }
}

/// Reads a CSS colour in `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)` form (alpha ignored).
pub fn parse_color(css: &str) -> Option<RGBColor> {
    let css = css.trim();
    if let Some(hex) = css.strip_prefix('#') {
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        return match hex.len() {
            3 => Some(RGBColor(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
                Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        };
    }
    let inner = css.strip_prefix("rgba(").or_else(|| css.strip_prefix("rgb("))?.strip_suffix(')')?;
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).map(|p| p.parse::<f64>().ok());
    let mut channel = || parts.next().flatten().filter(|v| (0.0..=255.0).contains(v)).map(|v| v.round() as u8);
    Some(RGBColor(channel()?, channel()?, channel()?))
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
    fn a_page_look_replaces_colours_but_keeps_text_readable() {
        let look =
            Look { background: Some("rgb(0, 0, 0)".into()), text: Some("#111".into()), muted: Some("#777777".into()), ..Look::default() };
        let c = Colors::styled(Theme::Light, &look);
        assert_eq!(c.bg, RGBColor(0, 0, 0));
        assert!(contrast(c.fg, c.bg) >= 4.5, "unreadable text colour replaced");
        assert!(contrast(c.muted, c.bg) >= 4.5 && contrast(c.muted, c.hidden) >= 4.5);
        assert_eq!(Colors::styled(Theme::Dark, &Look { background: Some("nonsense".into()), ..Look::default() }), Colors::of(Theme::Dark));
    }

    #[test]
    fn colours_and_fonts_are_read_strictly() {
        assert_eq!(parse_color("#0072b2"), Some(BLUE));
        assert_eq!(parse_color(" #fff "), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_color("rgba(1, 2, 3, 0.5)"), Some(RGBColor(1, 2, 3)));
        assert_eq!(parse_color("rgb(300, 0, 0)"), None);
        assert_eq!(parse_color("#12345"), None);
        assert_eq!(parse_color("#ééé"), None);
        assert_eq!(Look { font: Some("Inter, system-ui".into()), ..Look::default() }.font(), "Inter, system-ui");
        assert_eq!(Look { font: Some("x; } body { color: red".into()), ..Look::default() }.font(), DEFAULT_FONT);
    }

    #[test]
    fn diverging_runs_orange_to_blue() {
        assert_eq!(diverging(0.0), VERMILLION);
        assert_eq!(diverging(100.0), BLUE);
        assert_eq!(diverging(50.0), RGBColor(0xF4, 0xF4, 0xF4));
    }
}
