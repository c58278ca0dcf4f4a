//! Stance decision: blocker and enabler weight from cues (refusals, waiting, blocks vs options,
//! fixes, fast help), clause-weighted so the verdict after "but" counts more.

use super::scope::Cues;
use super::Stance;

/// The winning side needs at least this weight; otherwise the stance is none.
const MIN_STANCE: f32 = 0.7;

/// Decide the stance; returns the label and the evidence words.
pub(crate) fn decide(cues: &Cues) -> (Stance, Vec<String>) {
    let (mut blk, mut ena) = (0.0f32, 0.0f32);
    for c in &cues.list {
        let s = c.stance * c.weight;
        if s > 0.0 {
            ena += s;
        } else {
            blk -= s;
        }
    }
    let label = if blk.max(ena) < MIN_STANCE {
        Stance::None
    } else if blk >= ena {
        Stance::Blocker
    } else {
        Stance::Enabler
    };
    let mut words: Vec<String> = Vec::new();
    for c in &cues.list {
        let keep = match label {
            Stance::Blocker => c.stance <= -0.3,
            Stance::Enabler => c.stance >= 0.3,
            Stance::None => c.protective,
        };
        if keep {
            c.push_words(cues.text, &mut words);
        }
    }
    (label, words)
}
