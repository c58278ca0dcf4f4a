//! Theme decision: each cue adds weight to its themes (negated or not: "never condescending" is
//! still about arrogance); a theme is tagged when its weight reaches the threshold.

use super::scope::Cues;
use super::Theme;

/// Weight a theme needs to be tagged.
const THEME_MIN: f32 = 0.8;
/// Extra incident-response weight of a protection verb next to a threat.
const PROTECT_IR: f32 = 0.5;

/// The weight of each theme, in [`Theme::ALL`] order.
pub(crate) fn weights(cues: &Cues) -> [f32; 12] {
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
    w
}

/// The rules' decision for one theme from its weight.
pub(crate) fn tagged(weight: f32) -> bool {
    weight + 1e-4 >= THEME_MIN
}

/// The cue words behind theme `t`.
pub(crate) fn evidence(cues: &Cues, t: Theme) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in &cues.list {
        let hit = c.entry.themes.iter().any(|&(x, _)| x == t) || (t == Theme::IncidentResponse && c.protective);
        if hit {
            c.push_words(cues.text, &mut words);
        }
    }
    words
}
