//! Free-text comments about the security team, assembled from a bank of short phrases.
//!
//! The phrases are invented for secpulse. Some contain commas, double quotes,
//! en dashes and non-ASCII letters ("naïve", "café") so that CSV quoting and
//! text analysis get exercised; a few comments end with an emoji. About 0.2% of
//! comments mention the fake address `someone@example.com` so that the redaction
//! step has something to find; no other names, emails or phone numbers appear.

use std::sync::Arc;

use rand::RngCore;

use super::latent::{below, stream, threshold32, unit, Tag};
use crate::ingest::TextInterner;

const PRAISE: &[&str] = &[
    "They actually listen when I explain what I need.",
    "Quick, friendly answers in the help channel.",
    "They care about protecting us, not just about ticking boxes.",
    "When I reported a phishing email I got a thank-you the same day.",
    "Good at explaining the \"why\" behind a rule.",
    "Patient with questions – they never made me feel naïve for asking.",
    "The password manager rollout was smooth and well explained.",
    "They found a safe way to ship our feature on time.",
    "Calm and organised during the last incident.",
    "The drop-in hour at the café corner is a great idea.",
    "Clear advice on travelling with a work laptop.",
    "They offer options instead of just saying no.",
];

const LUKEWARM: &[&str] = &[
    "Not much, honestly.",
    "They mean well, I suppose.",
    "The phishing tests are fine, I guess.",
    "Hard to say – we don't really know them.",
    "Nothing comes to mind.",
    "At least the intranet page is up to date.",
];

const COMPLAINT: &[&str] = &[
    "They always say \"no\" before hearing the whole story.",
    "Security reviews are a bottleneck; we wait weeks for a sign-off.",
    "We don't really know them or what they do all day.",
    "The training is box-ticking, the same video every year.",
    "Too much jargon, too little context.",
    "New rules appear overnight with no explanation.",
    "It feels like they see us as the threat.",
    "Tickets disappear into a black hole.",
    "Approvals take longer than building the thing itself.",
    "Every request gets the \"it depends\" treatment – then silence.",
    "Their answer to every tool we suggest is a flat refusal.",
];

const SUGGESTION: &[&str] = &[
    "Publish how long a review usually takes.",
    "Sit with the teams now and then, even just for a coffee.",
    "Offer options instead of a flat \"no\".",
    "Make the training shorter and about the tools we actually use.",
    "A named contact per department would help a lot.",
    "Explain the risk in plain words, then let us decide together.",
    "Share what happened after an incident – a short, honest write-up.",
    "Fewer, clearer rules; a one-page summary would do.",
    "Run a security café session once a month.",
    "Pre-approve the common tools so we don't have to ask every time.",
];

const NEUTRAL: &[&str] = &[
    "No strong opinion either way.",
    "I rarely deal with them, so I can't say much.",
    "Fine overall, nothing special.",
    "It depends a lot on who picks up the ticket.",
    "Mixed – some of them are great, others less so.",
];

const HAPPY_EMOJI: &[&str] = &["🙂", "👍", "🔒"];
const UNHAPPY_EMOJI: &[&str] = &["🙄", "😅", "😕"];
const FAKE_EMAIL: &str = "Happy to explain more: someone@example.com";

/// What a text question asks for, guessed from its id and wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prompt {
    /// "What does the team do well?"
    Praise,
    /// "What should the team change?"
    Change,
    /// Anything else: the respondent's tone decides.
    Open,
}

impl Prompt {
    /// Classifies a text question by keywords in its id and text.
    pub(crate) fn of(id: &str, text: &str) -> Prompt {
        let s = format!("{id} {text}").to_lowercase();
        let any = |words: &[&str]| words.iter().any(|w| s.contains(w));
        if any(&["change", "improve", "better", "differently", "stop", "wish", "fix"]) {
            Prompt::Change
        } else if any(&["well", "good", "like", "best", "strength", "appreciate", "praise"]) {
            Prompt::Praise
        } else {
            Prompt::Open
        }
    }
}

fn pick<'a>(rng: &mut rand_chacha::ChaCha8Rng, bank: &[&'a str]) -> &'a str {
    bank[below(rng, bank.len())]
}

/// Comments for about `rate` of the rows in `mask`, with tone following the row's g.
pub(crate) fn text_column(
    seed: u64,
    q: usize,
    prompt: Prompt,
    max_chars: usize,
    g: &[f32],
    mask: Option<&[bool]>,
    rate: f64,
) -> Vec<(u32, Arc<str>)> {
    let mut rng = stream(seed, Tag::Text, q);
    let mut interner = TextInterner::default();
    let answer = threshold32(rate);
    let mut out = Vec::with_capacity((g.len() as f64 * rate.min(1.0) * 1.05) as usize);
    let mut s = String::with_capacity(256);
    for (row, &g) in g.iter().enumerate() {
        if u64::from(rng.next_u32()) >= answer || mask.is_some_and(|m| !m[row]) {
            continue;
        }
        // Tone: g blurred a little, so a few happy people complain and vice versa.
        let tone = g + 0.8 * (unit(&mut rng) - 0.5);
        let (first, second): (&[&str], &[&str]) = match prompt {
            Prompt::Praise if tone > -0.4 => (PRAISE, PRAISE),
            Prompt::Praise => (LUKEWARM, NEUTRAL),
            Prompt::Change if tone < -0.2 => (COMPLAINT, SUGGESTION),
            Prompt::Change if tone < 0.6 => (SUGGESTION, COMPLAINT),
            Prompt::Change => (SUGGESTION, SUGGESTION),
            Prompt::Open if tone > 0.5 => (PRAISE, SUGGESTION),
            Prompt::Open if tone < -0.5 => (COMPLAINT, SUGGESTION),
            Prompt::Open => (NEUTRAL, PRAISE),
        };
        s.clear();
        s.push_str(pick(&mut rng, first));
        let u = unit(&mut rng);
        if u < 0.3 {
            let extra = pick(&mut rng, second);
            if !s.contains(extra) {
                s.push(' ');
                s.push_str(extra);
            }
        }
        if u > 0.97 {
            s.push(' ');
            s.push_str(pick(&mut rng, if tone >= 0.0 { HAPPY_EMOJI } else { UNHAPPY_EMOJI }));
        }
        if rng.next_u32() < 8_589_934 {
            // ≈ 0.2%: a fake address for the redaction step.
            s.push(' ');
            s.push_str(FAKE_EMAIL);
        }
        // The buffer is reused; each distinct comment is stored once.
        let cut = s.char_indices().nth(max_chars).map_or(s.len(), |(at, _)| at);
        out.push((row as u32, interner.intern(&s[..cut])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_recognised() {
        assert_eq!(Prompt::of("does_well", "What does the security team do well?"), Prompt::Praise);
        assert_eq!(Prompt::of("should_change", "What should the security team change?"), Prompt::Change);
        assert_eq!(Prompt::of("other", "Anything else?"), Prompt::Open);
    }

    #[test]
    fn bank_has_no_contact_details() {
        for bank in [PRAISE, LUKEWARM, COMPLAINT, SUGGESTION, NEUTRAL] {
            for p in bank {
                assert!(!p.contains('@') && !p.chars().any(|c| c.is_ascii_digit()), "{p}");
            }
        }
    }
}
