//! Theme decision: each cue adds weight to its themes (negated or not: "never condescending" is
//! still about arrogance); a theme is tagged when its weight reaches the threshold.

use super::lexicon::Lexicon;
use super::scope::Cues;
use super::{Evidence, Theme};

/// Weight a theme needs to be tagged.
const THEME_MIN: f32 = 0.8;
/// Extra incident-response weight of a protection verb next to a threat.
const PROTECT_IR: f32 = 0.5;

/// Decide the themes; returns them in guideline order and one evidence entry per theme.
pub(crate) fn decide(_lex: &Lexicon, cues: &Cues) -> (Vec<Theme>, Vec<Evidence>) {
    let mut w = [0.0f32; 12];
    for c in &cues.list {
        for &(t, x) in &c.entry.themes {
            if !(t == Theme::Bottleneck && c.threat_ctx && c.val > 0.0) {
                w[t.index()] += x;
            }
        }
        if c.protective {
            w[Theme::IncidentResponse.index()] += PROTECT_IR;
        }
    }
    let mut themes = Vec::new();
    let mut evidence = Vec::new();
    for t in Theme::ALL {
        if w[t.index()] + 1e-4 < THEME_MIN {
            continue;
        }
        themes.push(t);
        let mut words: Vec<String> = Vec::new();
        for c in &cues.list {
            let hit = c.entry.themes.iter().any(|&(x, _)| x == t) || (t == Theme::IncidentResponse && c.protective);
            if hit {
                c.push_words(cues.text, &mut words);
            }
        }
        evidence.push(Evidence { decision: ["theme:", t.as_str()].concat(), words });
    }
    (themes, evidence)
}
