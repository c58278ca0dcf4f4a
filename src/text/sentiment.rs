//! Sentiment decision from weighted cues: positive and negative mass, mixed when both carry real
//! weight, neutral when there is too little of either.

use super::scope::Cues;
use super::Sentiment;

/// Below this total (weighted) mass a comment is neutral.
const NEUTRAL_MASS: f32 = 0.8;
/// Mixed needs at least this much praise and this much criticism ...
const MIXED_MIN: f32 = 1.0;
/// ... and the smaller side at least this share of the larger one.
const MIXED_RATIO: f32 = 0.4;

/// Praise and criticism of a comment, clause-weighted and raw.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Mass {
    /// Clause-weighted praise.
    pub pos: f32,
    /// Clause-weighted criticism (shouting included).
    pub neg: f32,
    /// Praise before clause weights.
    pub raw_pos: f32,
    /// Criticism before clause weights.
    pub raw_neg: f32,
}

/// Sum the cues' praise and criticism.
pub(crate) fn mass(cues: &Cues) -> Mass {
    let mut m = Mass::default();
    for c in &cues.list {
        let v = c.val * c.weight;
        if v > 0.0 {
            m.pos += v;
            m.raw_pos += c.val;
        } else {
            m.neg -= v;
            m.raw_neg -= c.val;
        }
    }
    m.neg += cues.shout_neg;
    m
}

/// The rules' label.
pub(crate) fn decide(cues: &Cues, m: &Mass) -> Sentiment {
    let net = m.pos - m.neg;
    // a comment made only of questions and requests is neutral unless it carries a complaint
    let only_requests = cues.markers.contains(&"?");
    if m.pos + m.neg < NEUTRAL_MASS || only_requests && m.neg < MIXED_MIN {
        Sentiment::Neutral
    } else if m.raw_pos >= MIXED_MIN && m.raw_neg >= MIXED_MIN && m.raw_pos.min(m.raw_neg) >= MIXED_RATIO * m.raw_pos.max(m.raw_neg) {
        Sentiment::Mixed
    } else if net > 0.0 {
        Sentiment::Positive
    } else {
        Sentiment::Negative
    }
}

/// The cue words that support `label` (praise for positive, criticism for negative, both for mixed).
pub(crate) fn evidence(cues: &Cues, label: Sentiment) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let keep = |v: f32| match label {
        Sentiment::Positive => v > 0.0,
        Sentiment::Negative => v < 0.0,
        Sentiment::Mixed => v != 0.0,
        Sentiment::Neutral => false,
    };
    for c in &cues.list {
        if keep(c.val) && c.val.abs() >= 0.3 {
            c.push_words(cues.text, &mut words);
        }
    }
    for m in &cues.markers {
        if (*m == "ALL CAPS" && label != Sentiment::Neutral || *m == "?" && label == Sentiment::Neutral) && !words.iter().any(|w| w == m) {
            words.push(m.to_string());
        }
    }
    words
}
