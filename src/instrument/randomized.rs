//! Randomized response: asking "Have you worked around a security control?" so that
//! no single answer means anything, while the share of people who did can still be
//! estimated.
//!
//! **What it means for a security leader.** Each respondent's "yes" is partly decided by
//! a private random draw (a die roll in the browser that is never sent), so a "yes" from
//! any one person is not an admission: it may have been forced by the die. Across many
//! people the forced answers average out and the true share can be worked back. The price
//! is precision: the estimate's confidence interval is wider (typically 1.5–3×) than if
//! people had answered directly — but directly, many would not have answered honestly.
//!
//! Two classic designs are supported, both of the form P(yes) = `a + b·π` where π is
//! the true share:
//! - **Forced response** ([`Design::ForcedResponse`]): answer truthfully with probability
//!   `truth`, say "yes" with probability `forced_yes`, "no" with probability `forced_no`
//!   (e.g. a die: 1 → "yes", 6 → "no", 2–5 → the truth; [`Design::die`]). `a = forced_yes`,
//!   `b = truth`.
//! - **Warner** ([`Design::Warner`]): with probability `p` answer "I have done X", else
//!   answer its negation "I have not done X". `a = 1 − p`, `b = 2p − 1` (p ≠ ½).
//!
//! The estimator `π̂ = (ŷ − a)/b` (ŷ = share of "yes") is unbiased; its standard error is
//! `√(ŷ(1 − ŷ)/(n − 1)) / |b|` (the unbiased estimate of Var ŷ, scaled by 1/b²), and the
//! 95% interval is `π̂ ± 1.96·se`, clipped to 0–1. Because π̂ is unbiased it can fall slightly
//! outside 0–1 in small samples; show it clipped, keep it unclipped when pooling.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::{catalog, Catalog, Lang};

/// How a respondent's reported answer is randomized.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "design", rename_all = "snake_case", try_from = "super::read::DesignFields")]
pub enum Design {
    /// Truthful with probability `truth`, forced "yes" with `forced_yes`, forced "no" with
    /// `forced_no`; the three add up to 1.
    ForcedResponse {
        /// Probability of answering truthfully.
        truth: f64,
        /// Probability of being told to say "yes".
        forced_yes: f64,
        /// Probability of being told to say "no".
        forced_no: f64,
    },
    /// Warner's design: with probability `p` the statement is asked, else its negation.
    Warner {
        /// Probability of being asked the statement itself (not ½).
        p: f64,
    },
}

/// An estimated share of "truly yes" with its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// Unbiased estimate of the true share (0–1; may fall slightly outside in small samples).
    pub proportion: f64,
    /// Standard error of `proportion`.
    pub se: f64,
    /// 95% confidence interval (normal approximation), clipped to 0–1.
    pub ci95: [f64; 2],
    /// Respondents.
    pub n: usize,
    /// The standard error a direct question would have had at the same share and n
    /// (`se / direct_se` is how much wider the randomized interval is).
    pub direct_se: f64,
}

/// Why a [`Design`] cannot be used; worded per language by [`DesignFault::describe`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DesignFault {
    /// A forced-response probability outside 0–1.
    OutOfRange,
    /// Forced-response probabilities that do not add up to 1.
    SumNotOne {
        /// Their sum.
        sum: f64,
    },
    /// No chance of answering truthfully.
    NoTruth,
    /// No forced "yes", so every "yes" is an admission.
    NoForcedYes,
    /// Warner's `p` at 0, 1 or ½, or outside.
    WarnerP {
        /// The `p` given.
        p: f64,
    },
}

impl DesignFault {
    /// What is wrong, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        // As written in the file: all the decimals it has, with the language's decimal mark.
        let number = |v: f64| lang.decimal(v, v.to_string().split_once('.').map_or(0, |(_, f)| f.len()).min(12));
        match self {
            DesignFault::OutOfRange => Words::OutOfRange.text(lang),
            DesignFault::SumNotOne { sum } => Words::SumNotOne.fill(lang, &[("sum", &number(*sum))]),
            DesignFault::NoTruth => Words::NoTruth.text(lang),
            DesignFault::NoForcedYes => Words::NoForcedYes.text(lang),
            DesignFault::WarnerP { p } => Words::WarnerP.fill(lang, &[("p", &number(*p)), ("half", &lang.decimal(0.5, 1))]),
        }
    }
}

impl fmt::Display for DesignFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for DesignFault {}

catalog! {
    /// The words of randomized-response design errors, for the survey's author.
    pub(crate) enum Words {
        OutOfRange {
            en: "forced-response probabilities must each be between 0 and 1",
            de: "die Wahrscheinlichkeiten der erzwungenen Antwort müssen jeweils zwischen 0 und 1 liegen",
            fr: "les probabilités de réponse forcée doivent chacune être comprises entre 0 et 1",
            es: "cada probabilidad de respuesta forzada debe estar entre 0 y 1",
        },
        SumNotOne {
            en: "forced-response probabilities must add up to 1 (got {sum})",
            de: "die Wahrscheinlichkeiten der erzwungenen Antwort müssen zusammen 1 ergeben (angegeben: {sum})",
            fr: "les probabilités de réponse forcée doivent totaliser 1 (obtenu\u{a0}: {sum})",
            es: "las probabilidades de respuesta forzada deben sumar 1 (suman {sum})",
        },
        NoTruth {
            en: "the probability of answering truthfully must be above 0",
            de: "die Wahrscheinlichkeit einer wahren Antwort muss größer als 0 sein",
            fr: "la probabilité de répondre sincèrement doit être supérieure à 0",
            es: "la probabilidad de responder con la verdad debe ser mayor que 0",
        },
        NoForcedYes {
            en: "the probability of a forced \"yes\" must be above 0, or a \"yes\" is an admission",
            de: "die Wahrscheinlichkeit eines erzwungenen „Ja“ muss größer als 0 sein, sonst ist ein „Ja“ ein Eingeständnis",
            fr: "la probabilité d’un «\u{a0}oui\u{a0}» forcé doit être supérieure à 0, sinon un «\u{a0}oui\u{a0}» est un aveu",
            es: "la probabilidad de un «sí» forzado debe ser mayor que 0; si no, un «sí» es una confesión",
        },
        WarnerP {
            en: "Warner's p must be strictly between 0 and 1 and not {half} (got {p})",
            de: "Warners p muss echt zwischen 0 und 1 liegen und darf nicht {half} sein (angegeben: {p})",
            fr: "le p de Warner doit être strictement compris entre 0 et 1 et différent de {half} (obtenu\u{a0}: {p})",
            es: "la p de Warner debe estar estrictamente entre 0 y 1 y no ser {half} (es {p})",
        },
    }
}

/// The 97.5% quantile of the standard normal distribution.
const Z975: f64 = 1.959963984540054;

impl Design {
    /// The die design: roll a die in private; 1 → say "yes", 6 → say "no", 2–5 → answer
    /// truthfully (truth ⅔, forced yes ⅙, forced no ⅙). Likelihood ratio 5 either way.
    pub fn die() -> Design {
        Design::ForcedResponse { truth: 4.0 / 6.0, forced_yes: 1.0 / 6.0, forced_no: 1.0 / 6.0 }
    }

    /// Checks the probabilities: each in 0–1, forced-response ones adding up to 1 with a
    /// truthful share above 0, Warner's `p` not ½ (which would carry no information).
    pub fn validate(&self) -> Result<(), DesignFault> {
        let prob = |x: f64| (0.0..=1.0).contains(&x);
        match *self {
            Design::ForcedResponse { truth, forced_yes, forced_no } => {
                if !(prob(truth) && prob(forced_yes) && prob(forced_no)) {
                    return Err(DesignFault::OutOfRange);
                }
                if ((truth + forced_yes + forced_no) - 1.0).abs() > 1e-9 {
                    return Err(DesignFault::SumNotOne { sum: truth + forced_yes + forced_no });
                }
                if truth <= 0.0 {
                    return Err(DesignFault::NoTruth);
                }
                if forced_yes <= 0.0 {
                    // Without forced "yes" answers, every "yes" is a true admission.
                    return Err(DesignFault::NoForcedYes);
                }
                Ok(())
            }
            Design::Warner { p } => {
                if !(p > 0.0 && p < 1.0) || (p - 0.5).abs() < 1e-9 {
                    // p = 0 or 1 asks one statement for certain: no answer is hidden.
                    return Err(DesignFault::WarnerP { p });
                }
                Ok(())
            }
        }
    }

    /// `(a, b)` with P(reported yes) = a + b·π.
    fn line(&self) -> (f64, f64) {
        match *self {
            Design::ForcedResponse { truth, forced_yes, .. } => (forced_yes, truth),
            Design::Warner { p } => (1.0 - p, 2.0 * p - 1.0),
        }
    }

    /// Probability that someone whose true answer is `truly_yes` reports "yes".
    pub fn yes_probability(&self, truly_yes: bool) -> f64 {
        let (a, b) = self.line();
        if truly_yes {
            a + b
        } else {
            a
        }
    }

    /// How much a reported answer tells about one person: the largest ratio of the
    /// chances of that answer for someone who did vs. someone who did not (∞ when an
    /// answer is only possible for one of them). The die design gives 5; its natural
    /// log is the ε of local differential privacy (ln 5 ≈ 1.61).
    pub fn likelihood_ratio(&self) -> f64 {
        let (y1, y0) = (self.yes_probability(true), self.yes_probability(false));
        let ratio = |x: f64, y: f64| if x == y { 1.0 } else { x.max(y) / x.min(y) };
        ratio(y1, y0).max(ratio(1.0 - y1, 1.0 - y0))
    }

    /// The reported answer of a respondent whose truth is `truly_yes`, given a uniform random
    /// draw `u` in [0, 1) made privately on their device (and never sent).
    pub fn respond(&self, truly_yes: bool, u: f64) -> bool {
        match *self {
            Design::ForcedResponse { truth, forced_yes, .. } => {
                if u < truth {
                    truly_yes
                } else {
                    u < truth + forced_yes
                }
            }
            Design::Warner { p } => {
                if u < p {
                    truly_yes
                } else {
                    !truly_yes
                }
            }
        }
    }
}

/// Estimates the true share of "yes" from `yes_count` reported "yes" answers among `n`
/// respondents under `design`; see the [module documentation](self) for the formulas.
/// Fails on an invalid design, `n < 2` or `yes_count > n`. (The minimum group size is
/// applied by the caller, like for every other statistic.)
pub fn estimate(design: &Design, yes_count: usize, n: usize) -> Result<Estimate, String> {
    design.validate().map_err(|e| e.to_string())?;
    if n < 2 {
        return Err(format!("an estimate needs at least 2 respondents (got {n})"));
    }
    if yes_count > n {
        return Err(format!("{yes_count} \"yes\" answers among {n} respondents"));
    }
    let (a, b) = design.line();
    let y = yes_count as f64 / n as f64;
    let proportion = (y - a) / b;
    let se = (y * (1.0 - y) / (n as f64 - 1.0)).sqrt() / b.abs();
    let clipped = proportion.clamp(0.0, 1.0);
    let direct_se = (clipped * (1.0 - clipped) / n as f64).sqrt();
    let half = Z975 * se;
    Ok(Estimate { proportion, se, ci95: [(proportion - half).clamp(0.0, 1.0), (proportion + half).clamp(0.0, 1.0)], n, direct_se })
}
