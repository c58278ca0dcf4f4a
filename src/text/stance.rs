//! Stance decision: blocker and enabler weight from cues (refusals, waiting, blocks vs options,
//! fixes, fast help), clause-weighted so the verdict after "but" counts more.

use super::scope::Cues;
use super::Stance;

/// The winning side needs at least this weight; otherwise the stance is none.
const MIN_STANCE: f32 = 0.7;

/// Clause-weighted blocker and enabler weight of a comment.
pub(crate) fn weights(cues: &Cues) -> (f32, f32) {
    let (mut blk, mut ena) = (0.0f32, 0.0f32);
    for c in &cues.list {
        let s = c.stance * c.weight;
        if s > 0.0 {
            ena += s;
        } else {
            blk -= s;
        }
    }
    (blk, ena)
}

/// The rules' label from the blocker and enabler weight.
pub(crate) fn decide(blk: f32, ena: f32) -> Stance {
    if blk.max(ena) < MIN_STANCE {
        Stance::None
    } else if blk >= ena {
        Stance::Blocker
    } else {
        Stance::Enabler
    }
}

/// The cue words that support `label` (protection verbs for none).
pub(crate) fn evidence(cues: &Cues, label: Stance) -> Vec<String> {
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
    words
}
