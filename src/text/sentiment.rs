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

/// Decide the sentiment; returns the label, a score in [-1, 1] and the evidence words.
pub(crate) fn decide(cues: &Cues) -> (Sentiment, f32, Vec<String>) {
    let (mut pos, mut neg) = (0.0f32, 0.0f32);
    let (mut raw_pos, mut raw_neg) = (0.0f32, 0.0f32);
    for c in &cues.list {
        let v = c.val * c.weight;
        if v > 0.0 {
            pos += v;
            raw_pos += c.val;
        } else {
            neg -= v;
            raw_neg -= c.val;
        }
    }
    neg += cues.shout_neg;
    let net = pos - neg;
    let score = net / (net * net + 4.0).sqrt();
    let score = (score * 1000.0).round() / 1000.0;
    // a comment made only of questions and requests is neutral unless it carries a complaint
    let only_requests = cues.markers.contains(&"?");
    let label = if pos + neg < NEUTRAL_MASS || only_requests && neg < MIXED_MIN {
        Sentiment::Neutral
    } else if raw_pos >= MIXED_MIN && raw_neg >= MIXED_MIN && raw_pos.min(raw_neg) >= MIXED_RATIO * raw_pos.max(raw_neg) {
        Sentiment::Mixed
    } else if net > 0.0 {
        Sentiment::Positive
    } else {
        Sentiment::Negative
    };
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
    (label, score.clamp(-1.0, 1.0), words)
}
