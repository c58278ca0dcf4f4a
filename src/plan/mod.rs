//! The action plan: a library of practices (data, like the instrument) ranked against a
//! released [`Report`] — the priority matrix of the driver analysis, weak items and the
//! themes of what people wrote. Every number a plan shows is one the report already released.
//!
//! ```
//! use secpulse::instrument::Instrument;
//! use secpulse::plan::{build, Library};
//! use secpulse::synth::{generate, SynthOptions};
//! use secpulse::views::{score, ScoreOptions};
//!
//! let instrument = Instrument::default_instrument();
//! let table = generate(&instrument, &SynthOptions { n: 600, seed: 2, ..SynthOptions::default() });
//! let report = score(&instrument, &table, &ScoreOptions::default()).unwrap();
//! let library = Library::default_library();
//! let plan = build(&report, &library);
//! assert!(plan.actions.iter().all(|a| !a.triggers.is_empty()));
//! ```
//!
//! [`build_in`] words the plan in another language: the evidence from the catalog in
//! `words.rs`, the practices from the library's `translations`.

mod library;
pub mod render;
mod words;

use serde::{Deserialize, Serialize};

pub use library::{Effort, Library, LibraryTranslation, NextWave, Practice, PracticeText, PracticesError};

use crate::lang::{Catalog, Lang};
use crate::report::priority::{priority, PriorityPoint, Quadrant};
use crate::report::words::{mid_sentence, theme_name};
use crate::report::{Outcome, Report};
use words::Words;

/// Points a dimension in "fix first" earns a practice that targets it (per outcome).
pub const FIX_FIRST_POINTS: u32 = 3;
/// Points a dimension in "watch" earns.
pub const WATCH_POINTS: u32 = 1;
/// An item with a favourable share under this (%) is weak (2 points).
pub const WEAK_ITEM: f64 = 50.0;
/// An item this many points or more under the items' average favourable share is weak too (1 point).
pub const BELOW_AVERAGE: f64 = 5.0;
/// A theme in at least this share (%) of a question's comments triggers (1 point; twice it, 2).
pub const THEME_SHARE: f64 = 10.0;

/// The ranked plan: practices with the numbers that triggered them, most points first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The language of its words and numbers (not part of its JSON, which stays as it was).
    #[serde(skip)]
    pub lang: Lang,
    /// The practices library used (id and version).
    pub library: String,
    /// Triggered practices, most points first.
    pub actions: Vec<Action>,
    /// Practices of the library that nothing in the report triggered.
    pub not_triggered: Vec<String>,
    /// Triggered practices left out by [`Plan::top`], in rank order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<String>,
}

/// One practice in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// 1 = do first.
    pub rank: usize,
    /// Practice id.
    pub id: String,
    /// Practice area (customer_focus, responsiveness, …).
    pub area: String,
    /// The area's name in the plan's language ("Kundenorientierung").
    pub area_name: String,
    /// What to do.
    pub title: String,
    /// Why it helps.
    pub why: String,
    /// A first step for this month.
    pub first_step: String,
    /// What should move by the next wave.
    pub next_wave: Target,
    /// How much work it is.
    pub effort: Effort,
    /// The sum of the triggers' points.
    pub points: u32,
    /// The released numbers that put it in the plan.
    pub triggers: Vec<Trigger>,
}

/// The item that should move by the next wave, with where it stands now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Item id.
    pub item: String,
    /// The statement.
    pub text: String,
    /// Its favourable share (%) now, when released.
    pub favourable_now: Option<f64>,
    /// What to look for.
    pub expect: String,
}

/// What kind of evidence triggered a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// A dimension's place in the priority matrix of an outcome.
    Driver,
    /// A weak item.
    Item,
    /// A comment theme.
    Theme,
}

/// One reason a practice is in the plan, with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    /// Kind of evidence.
    pub kind: TriggerKind,
    /// The dimension, item or theme id.
    pub id: String,
    /// Points it adds.
    pub points: u32,
    /// The evidence in words, with its numbers.
    pub detail: String,
}

/// Ranks the practices of `library` against `report` (a released report), in English.
pub fn build(report: &Report, library: &Library) -> Plan {
    build_in(report, library, Lang::En)
}

/// Ranks the practices of `library` against `report`, worded in `lang`: the practices in
/// the library's translation (its own wording when it has none for `lang`), the evidence
/// and numbers in `lang`. The ranking is the same in every language.
pub fn build_in(report: &Report, library: &Library, lang: Lang) -> Plan {
    let library = &library.in_language(lang);
    let evidence = Evidence::of(report, library, lang);
    let mut scored: Vec<(usize, f64, Action)> = library
        .practices
        .iter()
        .enumerate()
        .map(|(order, p)| {
            let triggers = evidence.triggers(p);
            let points = triggers.iter().map(|t| t.points).sum();
            let weight = evidence.importance(p);
            (order, weight, action(report, p, library.area_name(&p.area), points, triggers))
        })
        .collect();
    let not_triggered = scored.iter().filter(|(_, _, a)| a.points == 0).map(|(_, _, a)| a.id.clone()).collect();
    scored.retain(|(_, _, a)| a.points > 0);
    crate::sort::sort_by(&mut scored, |a, b| b.2.points.cmp(&a.2.points).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0)));
    let actions = scored.into_iter().enumerate().map(|(i, (_, _, a))| Action { rank: i + 1, ..a }).collect();
    Plan { lang, library: format!("{} v{}", library.id, library.version), actions, not_triggered, more: Vec::new() }
}

impl Plan {
    /// The plan cut to its first `n` actions (all when `n` is 0); the rest count as not shown.
    pub fn top(mut self, n: usize) -> Plan {
        if n > 0 && self.actions.len() > n {
            let rest: Vec<String> = self.actions.drain(n..).map(|a| a.id).collect();
            self.more = rest;
        }
        self
    }
}

fn action(report: &Report, p: &Practice, area_name: String, points: u32, triggers: Vec<Trigger>) -> Action {
    let item = report.items.iter().find(|i| i.id == p.next_wave.item);
    Action {
        rank: 0,
        id: p.id.clone(),
        area: p.area.clone(),
        area_name,
        title: p.title.clone(),
        why: p.why.clone(),
        first_step: p.first_step.clone(),
        next_wave: Target {
            item: p.next_wave.item.clone(),
            text: item.map_or_else(String::new, |i| i.text.clone()),
            favourable_now: item.and_then(|i| i.favourable),
            expect: p.next_wave.expect.clone(),
        },
        effort: p.effort,
        points,
        triggers,
    }
}

/// The released numbers the plan looks at.
struct Evidence {
    /// Each outcome's priority matrix, point by point.
    drivers: Vec<(Outcome, PriorityPoint)>,
    /// Released items: id, text, favourable share.
    items: Vec<(String, String, f64)>,
    /// The items' average favourable share.
    average: f64,
    /// The themes of each library comment question.
    comments: Vec<QuestionThemes>,
    /// The language of the evidence's words.
    lang: Lang,
}

/// The released theme counts of one free-text question.
struct QuestionThemes {
    text: String,
    n: usize,
    themes: Vec<(String, usize)>,
}

impl Evidence {
    fn of(report: &Report, library: &Library, lang: Lang) -> Evidence {
        let drivers = [Outcome::Nps, Outcome::Balance]
            .into_iter()
            .filter_map(|o| priority(report, Some(o)))
            .flat_map(|m| m.points.into_iter().map(move |p| (m.outcome, p)))
            .collect();
        let items: Vec<(String, String, f64)> =
            report.items.iter().filter_map(|i| Some((i.id.clone(), i.text.clone(), i.favourable?))).collect();
        let average = if items.is_empty() { 0.0 } else { items.iter().map(|i| i.2).sum::<f64>() / items.len() as f64 };
        let comments = report
            .comments
            .iter()
            .filter(|c| library.comment_questions.contains(&c.id))
            .filter_map(|c| {
                let s = c.summary.as_ref()?;
                let themes = s.themes.iter().map(|t| (t.theme.as_str().to_string(), t.count)).collect();
                Some(QuestionThemes { text: c.text.clone(), n: c.n?, themes })
            })
            .collect();
        Evidence { drivers, items, average, comments, lang }
    }

    /// The largest importance among the practice's dimensions (breaks ties between practices).
    fn importance(&self, p: &Practice) -> f64 {
        self.drivers.iter().filter(|d| p.dimensions.contains(&d.1.dimension)).map(|d| d.1.importance).fold(0.0, f64::max)
    }

    fn triggers(&self, p: &Practice) -> Vec<Trigger> {
        let lang = self.lang;
        let mut out = Vec::new();
        for (outcome, point) in self.drivers.iter().filter(|d| p.dimensions.contains(&d.1.dimension)) {
            let PriorityPoint { dimension, name, score, importance, importance_ci95: ci, quadrant } = point;
            let points = match quadrant {
                Quadrant::FixFirst => FIX_FIRST_POINTS,
                Quadrant::Watch => WATCH_POINTS,
                _ => continue,
            };
            let ci = ci.map_or(String::new(), |[lo, hi]| {
                Words::DriverCi.fill(lang, &[("lo", &lang.decimal(lo, 1)), ("hi", &lang.decimal(hi, 1))])
            });
            let detail = Words::Driver.fill(
                lang,
                &[
                    ("name", name),
                    ("quadrant", &mid_sentence(lang, &quadrant.name(lang))),
                    ("outcome", &outcome.name(lang)),
                    ("score", &lang.decimal(*score, 1)),
                    ("importance", &lang.decimal(*importance, 1)),
                    ("ci", &ci),
                ],
            );
            out.push(Trigger { kind: TriggerKind::Driver, id: dimension.clone(), points, detail });
        }
        for (id, text, fav) in self.items.iter().filter(|i| p.items.contains(&i.0)) {
            let points = if *fav < WEAK_ITEM {
                2
            } else if *fav <= self.average - BELOW_AVERAGE {
                1
            } else {
                continue;
            };
            let detail =
                Words::Item.fill(lang, &[("id", id), ("text", text), ("share", &lang.pct(*fav)), ("average", &lang.pct(self.average))]);
            out.push(Trigger { kind: TriggerKind::Item, id: id.clone(), points, detail });
        }
        for QuestionThemes { text: question, n, themes } in &self.comments {
            for (theme, count) in themes.iter().filter(|t| p.themes.contains(&t.0)) {
                let share = *count as f64 / (*n).max(1) as f64 * 100.0;
                let points = if share >= 2.0 * THEME_SHARE {
                    2
                } else if share >= THEME_SHARE {
                    1
                } else {
                    continue;
                };
                let detail = Words::ThemeShare.fill(
                    lang,
                    &[
                        ("count", &lang.count(*count as u64)),
                        ("n", &lang.count(*n as u64)),
                        ("share", &lang.pct(share)),
                        ("question", question),
                        ("theme", &theme_name(theme, lang)),
                    ],
                );
                out.push(Trigger { kind: TriggerKind::Theme, id: theme.clone(), points, detail });
            }
        }
        out
    }
}
