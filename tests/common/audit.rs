//! The attacker behind `tests/privacy_auditor.rs`: random surveys, every reachable view,
//! every released number with the rows behind it, and the searches for a small population
//! whose statistic (or comment text) follows from what was released.
//!
//! The model. Each released statistic is recorded as a *kind* (people count, overall score,
//! one dimension's score, one dimension's favourable split, one item, NPS, balance, the
//! randomized item, one multi-choice question's option shares, one comment question) and a *population* (a set of rows: the view's
//! filter, and the group, wave or "rest" it describes). Its contributors are the rows of
//! the population that enter that kind (who answered NPS, who has an answer in the
//! dimension, who wrote a comment, ...), recomputed here from the raw rows, never taken
//! from secpulse. Every statistic secpulse shows is a function of additive per-row sums
//! (counts per answer, sums and sums of squares), and the attacker is assumed to know the
//! count behind each one (n, or shares × n), so the released numbers of one kind are
//! linear in the contributors' indicator vectors. A leak is a set D of 1..t−1
//! contributors (t = k, or the comment threshold) whose indicator is a linear combination
//! of released populations: its sums, hence its answers' counts, follow by subtraction.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use secpulse::ingest::{read_responses, Format, IngestOptions};
use secpulse::instrument::{Instrument, Question};
use secpulse::privacy::CommentOptions;
use secpulse::privacy::MinGroup;
use secpulse::report::{Report, SegmentGroup};
use secpulse::score::drivers::MIN_DRIVER_BASE;
use secpulse::text::Analyzer;
use secpulse::views::{Protection, View, ViewConfig, Views};
use serde_json::Value;

/// The label secpulse gives blank segment values.
pub const NO_ANSWER: &str = "(no answer)";
/// Comment threshold of `CommentOptions::default()`.
pub const COMMENT_THRESHOLD: usize = 10;
/// Most rows a survey may have here (a row set is 4 × 64 bits).
pub const MAX_ROWS: usize = 256;

// ---------------------------------------------------------------------------------------
// Row sets
// ---------------------------------------------------------------------------------------

/// A set of rows (at most [`MAX_ROWS`]).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Set(pub [u64; 4]);

impl Set {
    pub fn from_fn(rows: usize, f: impl Fn(usize) -> bool) -> Set {
        let mut s = Set::default();
        for r in (0..rows).filter(|&r| f(r)) {
            s.0[r / 64] |= 1 << (r % 64);
        }
        s
    }
    // Written out word by word: `array::from_fn` is slow in the debug builds tests use.
    pub fn and(self, o: Set) -> Set {
        let (a, b) = (self.0, o.0);
        Set([a[0] & b[0], a[1] & b[1], a[2] & b[2], a[3] & b[3]])
    }
    pub fn or(self, o: Set) -> Set {
        let (a, b) = (self.0, o.0);
        Set([a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]])
    }
    pub fn minus(self, o: Set) -> Set {
        let (a, b) = (self.0, o.0);
        Set([a[0] & !b[0], a[1] & !b[1], a[2] & !b[2], a[3] & !b[3]])
    }
    pub fn len(self) -> usize {
        let a = self.0;
        (a[0].count_ones() + a[1].count_ones() + a[2].count_ones() + a[3].count_ones()) as usize
    }
    pub fn is_empty(self) -> bool {
        let a = self.0;
        a[0] | a[1] | a[2] | a[3] == 0
    }
    pub fn contains(self, r: usize) -> bool {
        self.0[r / 64] >> (r % 64) & 1 == 1
    }
    pub fn subset_of(self, o: Set) -> bool {
        self.minus(o).is_empty()
    }
    pub fn disjoint(self, o: Set) -> bool {
        self.and(o).is_empty()
    }
    pub fn rows(self) -> impl Iterator<Item = usize> {
        let words = self.0;
        (0..4).flat_map(move |w| {
            let mut bits = words[w];
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + b
                })
            })
        })
    }
}

// ---------------------------------------------------------------------------------------
// Surveys
// ---------------------------------------------------------------------------------------

/// One respondent as written to the CSV file.
#[derive(Debug, Clone, Default)]
pub struct Person {
    /// Segment column → value (absent = blank); the wave is one of them.
    pub segments: BTreeMap<String, String>,
    /// Question id → answer (absent = skipped).
    pub answers: BTreeMap<String, u8>,
    /// Text question id → comment.
    pub comments: BTreeMap<String, String>,
    /// Multi-choice question id → the chosen options as the CSV cell holds them (`a|b`).
    pub picks: BTreeMap<String, String>,
}

impl Person {
    pub fn new() -> Person {
        Person::default()
    }
    pub fn seg(mut self, column: &str, value: &str) -> Person {
        self.segments.insert(column.into(), value.into());
        self
    }
    pub fn answer(mut self, id: &str, v: u8) -> Person {
        self.answers.insert(id.into(), v);
        self
    }
    pub fn comment(mut self, id: &str, text: &str) -> Person {
        self.comments.insert(id.into(), text.into());
        self
    }
    /// The segment value as secpulse labels it.
    pub fn value(&self, column: &str) -> &str {
        self.segments.get(column).map_or(NO_ANSWER, String::as_str)
    }
}

/// A survey to attack.
#[derive(Debug, Clone)]
pub struct Survey {
    pub instrument: Instrument,
    pub people: Vec<Person>,
    /// The wave column, if any.
    pub wave: Option<String>,
    /// Minimum group size.
    pub k: usize,
}

pub fn sensitive_instrument() -> Instrument {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/examples/instrument-sensitive.json")).unwrap();
    Instrument::from_json(&text).unwrap()
}

impl Survey {
    /// The survey as a CSV response file.
    pub fn csv(&self) -> String {
        let mut header: Vec<String> = self.instrument.questions().map(|q| q.id().to_string()).collect();
        // The wave column is written even when every value is blank (one person who left it blank).
        let segments = self.people.iter().flat_map(|p| p.segments.keys()).chain(&self.wave);
        let extra: BTreeSet<&String> = segments.filter(|c| !header.contains(c)).collect();
        header.extend(extra.into_iter().cloned());
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&header).unwrap();
        for p in &self.people {
            let row: Vec<String> = header
                .iter()
                .map(|h| {
                    if let Some(v) = p.segments.get(h) {
                        v.clone()
                    } else if let Some(v) = p.answers.get(h) {
                        v.to_string()
                    } else if let Some(t) = p.comments.get(h).or_else(|| p.picks.get(h)) {
                        t.clone()
                    } else {
                        String::new()
                    }
                })
                .collect();
            w.write_record(&row).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    /// The survey read back through `read_responses`, behind the views API.
    pub fn views(&self, protection: Protection, analyzer: &Analyzer) -> Views {
        assert!(self.people.len() <= MAX_ROWS);
        let csv = self.csv();
        let read = read_responses(&self.instrument, csv.as_bytes(), Format::Csv, &IngestOptions::default()).unwrap();
        assert_eq!(read.table.rows, self.people.len(), "rows dropped on ingest: {:?}", read.summary.problems);
        let config = ViewConfig {
            wave: self.wave.clone(),
            min_group: MinGroup::new(self.k).unwrap(),
            comments: Some(CommentOptions::default()),
            protection,
        };
        Views::new(self.instrument.clone(), read.table, config, Some(analyzer))
    }

    fn rows(&self) -> usize {
        self.people.len()
    }

    /// Rows whose `column` is `value` (blank rows for "(no answer)").
    pub fn rows_where(&self, column: &str, value: &str) -> Set {
        Set::from_fn(self.rows(), |r| self.people[r].value(column) == value)
    }

    /// The rows a view keeps.
    pub fn view_rows(&self, view: &View) -> Set {
        let mut s = Set::from_fn(self.rows(), |_| true);
        if let Some(f) = &view.filter.segment {
            s = s.and(self.rows_where(&f.column, &f.value));
        }
        if let (Some(w), Some(col)) = (&view.filter.wave, &self.wave) {
            s = s.and(self.rows_where(col, w));
        }
        s
    }

    /// The values of `column` that occur.
    pub fn values(&self, column: &str) -> BTreeSet<String> {
        self.people.iter().map(|p| p.value(column).to_string()).collect()
    }
}

/// Options of the random survey generator.
#[derive(Debug, Clone, Copy)]
pub struct GenOptions {
    pub k: usize,
}

const DEPARTMENTS: [&str; 6] = ["Engineering", "IT", "Operations", "Sales", "Legal", "Finance"];
const ROLES: [&str; 3] = ["Leader", "Manager", "Staff"];
const CONTACT: [&str; 4] = ["Weekly or more", "Monthly", "A few times a year", "Rarely or never"];
const SITES: [&str; 3] = ["north", "south", "remote"];
pub const WAVES: [&str; 3] = ["2025-H1", "2025-H2", "2026-H1"];
const WORDS: [&str; 24] = [
    "slow", "helpful", "blocking", "friendly", "unclear", "patient", "rigid", "quick", "busy", "kind", "late", "open", "strict", "vague",
    "useful", "distant", "clear", "tired", "fair", "absent", "careful", "noisy", "calm", "honest",
];

/// A random survey: 2–4 segment columns (department with 2–6 values of 0–20 people, role,
/// contact, an extra `site` column; blanks in each), 1–3 waves, 10–90% skipped answers,
/// comments from few authors (some identical), the randomized item on most surveys.
pub fn random_survey(seed: u64, opts: GenOptions) -> Survey {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let instrument = if rng.random_bool(0.8) { sensitive_instrument() } else { Instrument::default_instrument() };
    let n_waves = rng.random_range(1..=3usize);
    let wave = (n_waves > 1 || rng.random_bool(0.3)).then(|| "wave".to_string());
    // Department sizes: a mix of tiny (0–4) and regular (5–20) groups, plus blanks.
    let n_depts = rng.random_range(2..=6usize);
    let mut sizes: Vec<(Option<&str>, usize)> = DEPARTMENTS[..n_depts]
        .iter()
        .map(|&d| (Some(d), if rng.random_bool(0.4) { rng.random_range(0..=4) } else { rng.random_range(5..=20) }))
        .collect();
    sizes.push((None, if rng.random_bool(0.5) { rng.random_range(1..=4) } else { 0 }));
    let n_columns = rng.random_range(2..=4usize); // department, role, then contact, then site
    let skip: f64 = rng.random_range(0.1..0.9);
    let comment_rate: f64 = rng.random_range(0.05..0.6);
    let pool: Vec<String> =
        (0..rng.random_range(2..6)).map(|i| format!("the security team is {} and {}", WORDS[i], WORDS[i + 6])).collect();
    let likert: Vec<(String, usize)> = instrument
        .questions()
        .filter_map(|q| match q {
            Question::Likert { id, .. } => Some((id.clone(), 0)),
            _ => None,
        })
        .collect();
    let mut people = Vec::new();
    let role_weights: [f64; 3] = std::array::from_fn(|_| rng.random_range(0.05..1.0));
    for (dept, size) in sizes {
        for _ in 0..size {
            let mut p = Person::new();
            if let Some(d) = dept {
                p = p.seg("department", d);
            }
            let pick_role = {
                let total: f64 = role_weights.iter().sum();
                let mut x = rng.random_range(0.0..total);
                let mut i = 0;
                while i < 2 && x >= role_weights[i] {
                    x -= role_weights[i];
                    i += 1;
                }
                i
            };
            if !rng.random_bool(0.1) {
                p = p.seg("role", ROLES[pick_role]);
            }
            if n_columns >= 3 && !rng.random_bool(0.15) {
                p = p.seg("contact", CONTACT[rng.random_range(0..CONTACT.len())]);
            }
            if n_columns >= 4 && !rng.random_bool(0.1) {
                p = p.seg("site", SITES[rng.random_range(0..SITES.len())]);
            }
            if let Some(w) = &wave {
                if !rng.random_bool(0.03) {
                    p = p.seg(w, WAVES[rng.random_range(0..n_waves)]);
                }
            }
            // Each person skips around the survey's rate.
            let my_skip: f64 = (skip + rng.random_range(-0.1..0.1)).clamp(0.05, 0.95);
            let mood = rng.random_range(1..=5u8);
            for (id, _) in &likert {
                if !rng.random_bool(my_skip) {
                    let v = (mood as i32 + rng.random_range(-1..=1)).clamp(1, 5) as u8;
                    p = p.answer(id, v);
                }
            }
            for q in instrument.questions() {
                let v = match q {
                    Question::Recommend { .. } => rng.random_range(0..=10u8),
                    Question::Bipolar { min, max, .. } => rng.random_range(*min..=*max),
                    Question::Randomized { .. } => rng.random_range(0..=1u8),
                    _ => continue,
                };
                if !rng.random_bool(my_skip) {
                    p = p.answer(q.id(), v);
                }
            }
            if p.answers.is_empty() {
                p = p.answer("nps", rng.random_range(0..=10u8));
            }
            for q in instrument.questions() {
                if let Question::MultiChoice { id, options, none, .. } = q {
                    if !rng.random_bool(my_skip) {
                        let chosen: Vec<&str> = options.iter().filter(|_| rng.random_bool(0.3)).map(String::as_str).collect();
                        let cell = if chosen.is_empty() { none.clone() } else { chosen.join("|") };
                        if !cell.is_empty() {
                            p.picks.insert(id.clone(), cell);
                        }
                    }
                }
            }
            for q in instrument.questions() {
                if let Question::Text { id, .. } = q {
                    if rng.random_bool(comment_rate) {
                        let text = if rng.random_bool(0.3) {
                            pool[rng.random_range(0..pool.len())].clone()
                        } else {
                            let a = WORDS[rng.random_range(0..WORDS.len())];
                            let b = WORDS[rng.random_range(0..WORDS.len())];
                            let c = WORDS[rng.random_range(0..WORDS.len())];
                            format!("reviews are {a} and {b}, answers {c}")
                        };
                        p = p.comment(id, &text);
                    }
                }
            }
            people.push(p);
        }
    }
    // Shuffle so that row order tells nothing.
    for i in (1..people.len()).rev() {
        let j = rng.random_range(0..=i);
        people.swap(i, j);
    }
    if people.is_empty() {
        people.push(Person::new().answer("nps", 5));
    }
    people.truncate(MAX_ROWS);
    Survey { instrument, people, wave, k: opts.k }
}

// ---------------------------------------------------------------------------------------
// Kinds of statistics and who contributes to them
// ---------------------------------------------------------------------------------------

/// What a released number is about; numbers of one kind add up over disjoint populations.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Respondent counts.
    People,
    /// Overall score.
    Overall,
    /// One dimension's score (people with a dimension score: the half-answered rule, in every dimension).
    Dim(String),
    /// One dimension's favourable / neutral / unfavourable split (every item answer).
    Split(String),
    /// One item's statistics.
    Item(String),
    Nps,
    Balance,
    /// The randomized-response item.
    Randomized,
    /// One multi-choice question's option shares (respondents who answered it).
    Selection(String),
    /// One text question's comment counts and label counts.
    Comments(String),
    /// A dimension's score next to its items' means over one population: together they give
    /// the answered total of the scored respondents who skipped one of its items.
    Skipped(String),
    /// The driver analysis of one outcome question (its complete respondents: scored, and
    /// answered the outcome).
    Drivers(String),
}

impl Kind {
    /// The review's class a leak of this kind belongs to (3, or 4 when it needs a wave).
    fn class(&self, needs_wave: bool) -> u8 {
        match self {
            Kind::Split(_) | Kind::Skipped(_) => 1,
            Kind::Comments(_) => 2,
            Kind::Randomized => 6,
            _ if needs_wave => 4,
            _ => 3,
        }
    }
    fn name(&self) -> String {
        match self {
            Kind::People => "people".into(),
            Kind::Overall => "overall".into(),
            Kind::Dim(d) => format!("dimension {d}"),
            Kind::Split(d) => format!("split {d}"),
            Kind::Item(i) => format!("item {i}"),
            Kind::Nps => "nps".into(),
            Kind::Balance => "balance".into(),
            Kind::Randomized => "randomized".into(),
            Kind::Selection(q) => format!("selection {q}"),
            Kind::Comments(q) => format!("comments {q}"),
            Kind::Skipped(d) => format!("dimension {d} next to its items"),
            Kind::Drivers(q) => format!("drivers of {q}"),
        }
    }
}

/// The contributors of each kind, recomputed from the raw rows.
fn contributors(survey: &Survey, kind: &Kind) -> Set {
    let ins = &survey.instrument;
    let n = survey.rows();
    let has = |r: usize, id: &str| survey.people[r].answers.contains_key(id);
    let items_of = |dim: &str| -> Vec<String> {
        ins.questions()
            .filter_map(|q| match q {
                Question::Likert { id, dimension, .. } if dimension == dim => Some(id.clone()),
                _ => None,
            })
            .collect()
    };
    let half_answered = |r: usize, dim: &str| {
        let items = items_of(dim);
        let answered = items.iter().filter(|i| has(r, i)).count();
        !items.is_empty() && answered >= items.len().div_ceil(2)
    };
    // docs/scoring.md: a respondent is scored only with a score in every dimension.
    let scored = |r: usize| ins.dimensions.iter().all(|d| half_answered(r, &d.id));
    let dim_score = |r: usize, dim: &str| scored(r) && half_answered(r, dim);
    let question_of = |pred: fn(&Question) -> bool| ins.questions().find(|q| pred(q)).map(|q| q.id().to_string());
    match kind {
        Kind::People => Set::from_fn(n, |_| true),
        Kind::Overall => Set::from_fn(n, scored),
        Kind::Dim(d) => Set::from_fn(n, |r| dim_score(r, d)),
        // Item statistics count scored respondents only, as the scores do.
        Kind::Split(d) => {
            let items = items_of(d);
            Set::from_fn(n, |r| scored(r) && items.iter().any(|i| has(r, i)))
        }
        Kind::Item(i) => Set::from_fn(n, |r| scored(r) && has(r, i)),
        Kind::Nps => {
            question_of(|q| matches!(q, Question::Recommend { .. })).map_or_else(Set::default, |id| Set::from_fn(n, |r| has(r, &id)))
        }
        Kind::Balance => {
            question_of(|q| matches!(q, Question::Bipolar { .. })).map_or_else(Set::default, |id| Set::from_fn(n, |r| has(r, &id)))
        }
        Kind::Randomized => {
            question_of(|q| matches!(q, Question::Randomized { .. })).map_or_else(Set::default, |id| Set::from_fn(n, |r| has(r, &id)))
        }
        Kind::Selection(q) => Set::from_fn(n, |r| survey.people[r].picks.contains_key(q)),
        Kind::Comments(q) => Set::from_fn(n, |r| survey.people[r].comments.contains_key(q)),
        Kind::Skipped(d) => {
            let items = items_of(d);
            Set::from_fn(n, |r| scored(r) && items.iter().any(|i| !has(r, i)))
        }
        Kind::Drivers(q) => Set::from_fn(n, |r| scored(r) && has(r, q)),
    }
}

// ---------------------------------------------------------------------------------------
// Recording what is released
// ---------------------------------------------------------------------------------------

/// One released statistic: its kind, the population it describes and where it was seen.
#[derive(Debug, Clone)]
pub struct Release {
    pub kind: Kind,
    pub pop: Set,
    /// Needs a wave (a wave view, a wave group).
    pub wave: bool,
    pub origin: String,
    /// The n shown with it, if any: must equal the contributors the auditor counts.
    pub n: Option<usize>,
}

/// The comment panel of one view, for the attribution search.
#[derive(Debug, Clone)]
struct CommentPanel {
    view: String,
    pop: Set,
    by: Vec<String>,
    question: String,
    /// Samples: text and tags.
    samples: Vec<(String, BTreeMap<String, String>)>,
    /// Per breakdown column, the groups listed: value → visible.
    groups: BTreeMap<String, BTreeMap<String, bool>>,
}

/// One people breakdown as released.
struct PeopleTable {
    view: String,
    pop: Set,
    /// The view's respondents, if shown.
    total: Option<usize>,
    column: String,
    /// Groups: value and released n.
    groups: Vec<(String, Option<usize>)>,
}

struct Recorder<'a> {
    survey: &'a Survey,
    releases: Vec<Release>,
    panels: Vec<CommentPanel>,
    tables: Vec<PeopleTable>,
}

impl Recorder<'_> {
    fn push(&mut self, kind: Kind, pop: Set, wave: bool, origin: String, n: Option<usize>) {
        self.releases.push(Release { kind, pop, wave, origin, n });
    }

    /// Adds a [`Kind::Skipped`] release for every population that shows a dimension's score and
    /// the means of all of its items.
    fn link_scores_to_items(&mut self) {
        let ins = &self.survey.instrument;
        let mut linked = Vec::new();
        for dim in &ins.dimensions {
            let items: Vec<&str> = ins
                .questions()
                .filter_map(|q| match q {
                    Question::Likert { id, dimension, .. } if *dimension == dim.id => Some(id.as_str()),
                    _ => None,
                })
                .collect();
            let shown = |kind: Kind, pop: Set| self.releases.iter().any(|r| r.kind == kind && r.pop == pop);
            for r in self.releases.iter().filter(|r| r.kind == Kind::Dim(dim.id.clone())) {
                if items.iter().all(|i| shown(Kind::Item(i.to_string()), r.pop)) {
                    linked.push(Release { kind: Kind::Skipped(dim.id.clone()), n: None, origin: r.origin.clone(), ..*r });
                }
            }
        }
        self.releases.extend(linked);
    }

    /// The statistics of one group (a segment value or a wave) of a view.
    fn group(&mut self, view_pop: Set, column: &str, g: &SegmentGroup, wave: bool, origin: &str) {
        let pop = view_pop.and(self.survey.rows_where(column, &g.value));
        let origin = format!("{origin} / {column}={}", g.value);
        if g.n.is_some() {
            self.push(Kind::People, pop, wave, origin.clone(), g.n);
        }
        if let Some(o) = &g.overall {
            if o.score.score.is_some() {
                self.push(Kind::Overall, pop, wave, origin.clone(), o.score.n);
            }
            if o.vs_rest.is_some() {
                self.push(Kind::Overall, view_pop.minus(pop), wave, format!("{origin} (rest)"), None);
            }
        }
        for d in g.dimensions.iter().flatten() {
            if d.score.score.is_some() {
                self.push(Kind::Dim(d.id.clone()), pop, wave, origin.clone(), d.score.n);
            }
            if d.favourable.is_some() {
                self.push(Kind::Split(d.id.clone()), pop, wave, origin.clone(), None);
            }
            if d.vs_rest.is_some() {
                self.push(Kind::Dim(d.id.clone()), view_pop.minus(pop), wave, format!("{origin} (rest)"), None);
            }
        }
        if g.nps.as_ref().is_some_and(|x| x.score.is_some() || x.promoters.is_some()) {
            self.push(Kind::Nps, pop, wave, origin.clone(), g.nps.as_ref().and_then(|x| x.n));
        }
        if g.balance.as_ref().is_some_and(|x| x.score.is_some() || x.left_share.is_some()) {
            self.push(Kind::Balance, pop, wave, origin, g.balance.as_ref().and_then(|x| x.n));
        }
    }

    fn report(&mut self, view: &View, label: &str, report: &Report) {
        let pop = self.survey.view_rows(view);
        let wave_col = self.survey.wave.clone();
        let in_wave = view.filter.wave.is_some();
        if report.respondents.is_some() {
            self.push(Kind::People, pop, in_wave, label.to_string(), report.respondents);
        }
        if report.overall.score.is_some() {
            self.push(Kind::Overall, pop, in_wave, label.to_string(), report.overall.n);
        }
        for d in &report.dimensions {
            if d.score.score.is_some() {
                self.push(Kind::Dim(d.id.clone()), pop, in_wave, label.to_string(), d.score.n);
            }
            if d.favourable.is_some() {
                self.push(Kind::Split(d.id.clone()), pop, in_wave, label.to_string(), None);
            }
        }
        for i in &report.items {
            if i.mean.is_some() || i.favourable.is_some() || i.distribution.is_some() {
                self.push(Kind::Item(i.id.clone()), pop, in_wave, label.to_string(), i.n);
            }
        }
        if report.nps.as_ref().is_some_and(|x| x.score.is_some() || x.promoters.is_some()) {
            self.push(Kind::Nps, pop, in_wave, label.to_string(), report.nps.as_ref().and_then(|x| x.n));
        }
        if report.balance.as_ref().is_some_and(|x| x.score.is_some() || x.left_share.is_some()) {
            self.push(Kind::Balance, pop, in_wave, label.to_string(), report.balance.as_ref().and_then(|x| x.n));
        }
        for (column, groups) in &report.segments {
            let wave = in_wave || Some(column) == wave_col.as_ref();
            for g in groups {
                self.group(pop, column, g, wave, label);
            }
            let listed = groups.iter().map(|g| (g.value.clone(), g.n)).collect();
            self.tables.push(PeopleTable {
                view: label.to_string(),
                pop,
                total: report.respondents,
                column: column.clone(),
                groups: listed,
            });
        }
        if let Some(w) = &report.waves {
            for g in &w.waves {
                self.group(pop, &w.column, g, true, label);
            }
            let listed = w.waves.iter().map(|g| (g.value.clone(), g.n)).collect();
            self.tables.push(PeopleTable {
                view: label.to_string(),
                pop,
                total: report.respondents,
                column: w.column.clone(),
                groups: listed,
            });
        }
        for s in report.selections.iter().filter(|s| s.n.is_some() || !s.options.is_empty()) {
            self.push(Kind::Selection(s.id.clone()), pop, in_wave, label.to_string(), s.n);
        }
        for s in &report.sensitive {
            if s.all.reported_yes.is_some() || s.all.share.is_some() {
                self.push(Kind::Randomized, pop, in_wave, label.to_string(), s.all.n);
            }
            for (column, groups) in &s.segments {
                let wave = in_wave || Some(column) == wave_col.as_ref();
                for g in groups {
                    if g.estimate.reported_yes.is_some() || g.estimate.share.is_some() {
                        let gp = pop.and(self.survey.rows_where(column, &g.value));
                        self.push(Kind::Randomized, gp, wave, format!("{label} / {column}={}", g.value), g.estimate.n);
                    }
                }
            }
        }
        for d in &report.drivers {
            if d.r2.is_some() || d.weights.iter().any(|w| w.importance.is_some()) {
                self.push(Kind::Drivers(d.question.clone()), pop, in_wave, label.to_string(), d.n);
            }
        }
        for c in &report.comments {
            let kind = Kind::Comments(c.id.clone());
            if c.n.is_some() {
                self.push(kind.clone(), pop, in_wave, label.to_string(), c.n);
            }
            let mut groups = BTreeMap::new();
            for (column, gs) in &c.segments {
                let wave = in_wave || Some(column) == wave_col.as_ref();
                for g in gs {
                    if g.n.is_some() {
                        let gp = pop.and(self.survey.rows_where(column, &g.value));
                        self.push(kind.clone(), gp, wave, format!("{label} / comments by {column}={}", g.value), g.n);
                    }
                }
                groups.insert(column.clone(), gs.iter().map(|g| (g.value.clone(), !g.suppressed && g.n.is_some())).collect());
            }
            if c.n.is_some() {
                self.panels.push(CommentPanel {
                    view: label.to_string(),
                    pop,
                    by: c.segments.keys().cloned().collect(),
                    question: c.id.clone(),
                    samples: c.samples.iter().map(|s| (s.text.clone(), s.groups.clone())).collect(),
                    groups,
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------

/// One way to learn about fewer than the threshold.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The review's class (1–7).
    pub class: u8,
    pub kind: String,
    /// The rows singled out (or the authors a text is narrowed to).
    pub rows: Set,
    pub how: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "class {} [{}] {} row(s) {:?}: {}",
            self.class,
            self.kind,
            self.rows.len(),
            self.rows.rows().collect::<Vec<_>>(),
            self.how
        )
    }
}

/// What one audit saw and found.
#[derive(Debug, Default)]
pub struct Audit {
    pub views: usize,
    pub shown: usize,
    /// Released statistics recorded (kind × population), comment samples and published shares.
    pub numbers: usize,
    pub findings: Vec<Finding>,
}

impl Audit {
    pub fn by_class(&self) -> [usize; 8] {
        let mut out = [0; 8];
        for f in &self.findings {
            out[f.class as usize] += 1;
        }
        out
    }
    pub fn of_class(&self, class: u8) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.class == class).collect()
    }
}

/// Attacks every reachable view of `survey` under `protection`.
pub fn audit(survey: &Survey, protection: Protection, analyzer: &Analyzer) -> Audit {
    audit_with(survey, protection, analyzer, true)
}

/// [`audit`]; `published` also checks the published JSON of every shown view (class 7).
pub fn audit_with(survey: &Survey, protection: Protection, analyzer: &Analyzer, published: bool) -> Audit {
    let mut views = survey.views(protection, analyzer);
    let reachable = views.reachable();
    let mut rec = Recorder { survey, releases: Vec::new(), panels: Vec::new(), tables: Vec::new() };
    let mut out = Audit { views: reachable.len(), ..Audit::default() };
    for view in &reachable {
        let label = view_label(view);
        let Ok(report) = views.report(view) else { continue };
        out.shown += 1;
        rec.report(view, &label, &report);
        if !published {
            continue;
        }
        // Published variant: its shares must be whole percentages. `Views::publish(view)` is
        // `publish_json(&report(view))`; the report is at hand, so it is not scored twice
        // (the crafted class-7 test calls `Views::publish` itself).
        let published: Value = serde_json::from_str(&secpulse::report::publish_json(&report)).unwrap();
        let (checked, bad) = share_precision(&published);
        out.numbers += checked;
        for path in bad {
            out.findings.push(Finding { class: 7, kind: "published share".into(), rows: Set::default(), how: format!("{label}: {path}") });
        }
    }
    out.numbers += rec.releases.len() + rec.panels.iter().map(|p| p.samples.len()).sum::<usize>();
    rec.link_scores_to_items();
    let k = survey.k;
    let t = COMMENT_THRESHOLD.max(k);
    // Linear attacks, kind by kind.
    let mut kinds: Vec<Kind> = Vec::new();
    for r in &rec.releases {
        if !kinds.contains(&r.kind) {
            kinds.push(r.kind.clone());
        }
    }
    let mut lower: HashMap<Set, usize> = HashMap::new();
    for kind in &kinds {
        let contrib = contributors(survey, kind);
        let releases: Vec<&Release> = rec.releases.iter().filter(|r| &r.kind == kind).collect();
        // The auditor's populations are right only if they count what secpulse counts.
        for r in &releases {
            if let Some(n) = r.n {
                assert_eq!(
                    n,
                    r.pop.and(contrib).len(),
                    "{} of {}: secpulse shows n = {n}, the auditor counts otherwise",
                    kind.name(),
                    r.origin
                );
            }
        }
        // Counts a reader sees (every statistic's n but the splits', which count answers).
        if !matches!(kind, Kind::Split(_) | Kind::Skipped(_)) {
            for r in &releases {
                let e = lower.entry(r.pop).or_default();
                *e = (*e).max(r.pop.and(contrib).len());
            }
        }
        // docs/privacy.md: driver weights need MIN_DRIVER_BASE complete respondents behind any
        // difference of released analyses, never fewer than k.
        let threshold = match kind {
            Kind::Comments(_) => t,
            Kind::Drivers(_) => MIN_DRIVER_BASE.max(k),
            _ => k,
        };
        out.findings.extend(linear(kind, contrib, &releases, threshold));
    }
    out.findings.extend(bounds(survey, &rec.tables, &lower, k));
    out.findings.extend(listing(survey, &rec.panels, k));
    out.findings.extend(attribution(survey, &rec.panels, t));
    out
}

/// The linear attacks on statistic `kind` released for the row sets `pops` (each with where
/// it was seen), for released populations gathered outside one [`Views`] (two publications).
pub fn linear_attacks(survey: &Survey, kind: &Kind, pops: &[(Set, String)]) -> Vec<Finding> {
    let releases: Vec<Release> =
        pops.iter().map(|(pop, origin)| Release { kind: kind.clone(), pop: *pop, wave: false, origin: origin.clone(), n: None }).collect();
    let threshold = if matches!(kind, Kind::Comments(_)) { COMMENT_THRESHOLD.max(survey.k) } else { survey.k };
    linear(kind, contributors(survey, kind), &releases.iter().collect::<Vec<_>>(), threshold)
}

fn view_label(view: &View) -> String {
    let mut s = if view.by.is_empty() { "everyone".to_string() } else { format!("by {}", view.by.join("+")) };
    if let Some(f) = &view.filter.segment {
        s += &format!(" show {}={}", f.column, f.value);
    }
    if let Some(w) = &view.filter.wave {
        s += &format!(" wave {w}");
    }
    s
}

/// Fields that hold a share in % (see `publish_json`).
use secpulse::report::SHARE_FIELDS;

/// Share numbers checked, and the paths of those with more precision than a whole percent.
pub fn share_precision(v: &Value) -> (usize, Vec<String>) {
    fn walk(v: &Value, path: &str, share: bool, n: &mut usize, bad: &mut Vec<String>) {
        match v {
            Value::Number(x) if share => {
                *n += 1;
                let x = x.as_f64().unwrap_or_default();
                if x.fract() != 0.0 {
                    bad.push(format!("{path} = {x}"));
                }
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(x, &format!("{path}[{i}]"), share, n, bad)),
            Value::Object(o) => {
                o.iter().for_each(|(key, x)| walk(x, &format!("{path}.{key}"), share || SHARE_FIELDS.contains(&key.as_str()), n, bad))
            }
            _ => {}
        }
    }
    let (mut n, mut bad) = (0, Vec::new());
    walk(v, "", false, &mut n, &mut bad);
    (n, bad)
}

// ---------------------------------------------------------------------------------------
// Linear attacks: primary, nested pairs, sibling triples, span of released populations
// ---------------------------------------------------------------------------------------

const P: u64 = 2_147_483_647; // 2^31 − 1: products fit in u64

fn inv(a: u64) -> u64 {
    let (mut base, mut e, mut r) = (a % P, P - 2, 1u64);
    while e > 0 {
        if e & 1 == 1 {
            r = r * base % P;
        }
        base = base * base % P;
        e >>= 1;
    }
    r
}

/// `x -= f · y` (mod p).
fn axpy(x: &mut [u64], f: u64, y: &[u64]) {
    for i in 0..x.len() {
        let yi = y[i];
        if yi != 0 {
            let t = f * yi % P;
            let xi = x[i];
            x[i] = if xi >= t { xi - t } else { xi + P - t };
        }
    }
}

/// A row space over GF(p), kept in reduced row echelon form.
struct Span {
    rows: Vec<(usize, Vec<u64>)>,
}

impl Span {
    fn new() -> Span {
        Span { rows: Vec::new() }
    }
    fn reduce(&self, v: &mut [u64]) {
        for (pivot, row) in &self.rows {
            let f = v[*pivot];
            if f != 0 {
                axpy(v, f, row);
            }
        }
    }
    fn insert(&mut self, mut v: Vec<u64>) {
        self.reduce(&mut v);
        let Some(pivot) = v.iter().position(|&x| x != 0) else { return };
        let s = inv(v[pivot]);
        v.iter_mut().for_each(|x| *x = *x * s % P);
        for (_, row) in &mut self.rows {
            let f = row[pivot];
            if f != 0 {
                axpy(row, f, &v);
            }
        }
        self.rows.push((pivot, v));
    }
    fn contains(&self, v: &[u64]) -> bool {
        let mut v = v.to_vec();
        self.reduce(&mut v);
        v.iter().all(|&x| x == 0)
    }
}

/// The atoms (rows with the same membership in every set) of `universe`.
fn atoms(universe: Set, sets: &[Set]) -> Vec<Set> {
    let mut by_sig: BTreeMap<Vec<bool>, Set> = BTreeMap::new();
    for r in universe.rows() {
        let sig: Vec<bool> = sets.iter().map(|s| s.contains(r)).collect();
        let e = by_sig.entry(sig).or_default();
        e.0[r / 64] |= 1 << (r % 64);
    }
    by_sig.into_values().collect()
}

fn span_of(sets: &[Set], atoms: &[Set]) -> Span {
    let mut span = Span::new();
    for s in sets {
        span.insert(atoms.iter().map(|a| u64::from(a.subset_of(*s))).collect());
    }
    span
}

fn indicator(atoms: &[Set], d: Set) -> Vec<u64> {
    atoms.iter().map(|a| u64::from(a.subset_of(d))).collect()
}

/// Findings of one kind: a released population with 1..t−1 contributors (primary); a
/// difference of two nested released populations (pairs) or of one and two disjoint ones
/// inside it (triples) with 1..t−1 contributors; any atom of the cross-classification, or
/// union of two, with 1..t−1 contributors in the linear span of the released populations.
fn linear(kind: &Kind, contrib: Set, releases: &[&Release], t: usize) -> Vec<Finding> {
    // Distinct contributor sets; a set seen without a wave is not wave-dependent.
    let mut sets: Vec<(Set, bool, String)> = Vec::new();
    let mut index: HashMap<Set, usize> = HashMap::new();
    for r in releases {
        let c = r.pop.and(contrib);
        if c.is_empty() {
            continue;
        }
        match index.get(&c) {
            Some(&i) => {
                if sets[i].1 && !r.wave {
                    sets[i].1 = false;
                    sets[i].2 = r.origin.clone();
                }
            }
            None => {
                index.insert(c, sets.len());
                sets.push((c, r.wave, r.origin.clone()));
            }
        }
    }
    let small = |d: Set| (1..t).contains(&d.len());
    let mut found: HashMap<Set, Finding> = HashMap::new();
    let mut add = |d: Set, wave: bool, how: String| {
        found.entry(d).or_insert_with(|| Finding { class: kind.class(wave), kind: kind.name(), rows: d, how });
    };
    for (s, w, o) in &sets {
        if small(*s) {
            add(*s, *w, format!("released directly: {o}"));
        }
    }
    for (a, wa, oa) in &sets {
        // Largest first, so that the triples can stop once B and C are too small to leave < t.
        let mut inside: Vec<&(Set, bool, String)> = sets.iter().filter(|(b, _, _)| b != a && b.subset_of(*a)).collect();
        inside.sort_by_key(|(b, _, _)| std::cmp::Reverse(b.len()));
        let need = (a.len() + 1).saturating_sub(t); // |B| + |C| must reach this
        for (b, wb, ob) in &inside {
            let d = a.minus(*b);
            if small(d) {
                add(d, *wa || *wb, format!("{oa} minus {ob}"));
            }
        }
        for (i, (b, wb, ob)) in inside.iter().enumerate() {
            let Some(largest_c) = inside.get(i + 1).map(|c| c.0.len()) else { break };
            if b.len() + largest_c < need {
                break;
            }
            for (c, wc, oc) in &inside[i + 1..] {
                if b.len() + c.len() < need {
                    break;
                }
                if b.disjoint(*c) {
                    let d = a.minus(b.or(*c));
                    if small(d) {
                        add(d, *wa || *wb || *wc, format!("{oa} minus {ob} minus {oc}"));
                    }
                }
            }
        }
    }
    // The span: atoms of the released sets, single atoms and pairs of atoms.
    let all: Vec<Set> = sets.iter().map(|s| s.0).collect();
    let universe = all.iter().fold(Set::default(), |u, s| u.or(*s));
    let atoms = atoms(universe, &all);
    let candidates: Vec<usize> = (0..atoms.len()).filter(|&i| atoms[i].len() < t).collect();
    if !candidates.is_empty() {
        let span = span_of(&all, &atoms);
        // Built only when needed: does the finding need a wave population?
        let span_no_wave = std::cell::OnceCell::new();
        let mut single = HashSet::new();
        let try_set = |d: Set, add: &mut dyn FnMut(Set, bool, String)| -> bool {
            let v = indicator(&atoms, d);
            if span.contains(&v) {
                let no_wave = span_no_wave.get_or_init(|| {
                    let sets: Vec<Set> = sets.iter().filter(|s| !s.1).map(|s| s.0).collect();
                    span_of(&sets, &atoms)
                });
                let wave = !no_wave.contains(&v);
                add(d, wave, format!("a linear combination of the {} released populations", all.len()));
                true
            } else {
                false
            }
        };
        for &i in &candidates {
            if try_set(atoms[i], &mut add) {
                single.insert(i);
            }
        }
        for (x, &i) in candidates.iter().enumerate() {
            for &j in &candidates[x + 1..] {
                if single.contains(&i) || single.contains(&j) || atoms[i].len() + atoms[j].len() >= t {
                    continue;
                }
                try_set(atoms[i].or(atoms[j]), &mut add);
            }
        }
    }
    found.into_values().collect()
}

// ---------------------------------------------------------------------------------------
// Class 2: people breakdowns bounded by other tables; comment groups listed only when commented
// ---------------------------------------------------------------------------------------

/// In a people breakdown the hidden groups hold `total − visible` people together. Any
/// released number about a hidden group (a comment count, say) is a lower bound of its
/// size; subtracting those may leave fewer than k people for the other hidden groups.
fn bounds(survey: &Survey, tables: &[PeopleTable], lower: &HashMap<Set, usize>, k: usize) -> Vec<Finding> {
    let mut found: HashMap<Set, Finding> = HashMap::new();
    for PeopleTable { view: label, pop, total, column, groups } in tables {
        let Some(total) = total else { continue };
        let visible: usize = groups.iter().filter_map(|g| g.1).sum();
        let hidden: Vec<Set> = groups.iter().filter(|g| g.1.is_none()).map(|g| pop.and(survey.rows_where(column, &g.0))).collect();
        if hidden.len() < 2 || hidden.len() > 12 || visible > *total {
            continue;
        }
        let x = total - visible;
        for mask in 1..(1u32 << hidden.len()) - 1 {
            let known: usize = (0..hidden.len()).filter(|i| mask >> i & 1 == 1).map(|i| lower.get(&hidden[i]).copied().unwrap_or(0)).sum();
            let rest = (0..hidden.len()).filter(|i| mask >> i & 1 == 0).fold(Set::default(), |u, i| u.or(hidden[i]));
            if !rest.is_empty() && x.saturating_sub(known) < k {
                found.entry(rest).or_insert_with(|| Finding {
                    class: 2,
                    kind: "people bound".into(),
                    rows: rest,
                    how: format!("{label} by {column}: hidden groups hold {x}, numbers released about some of them account for {known}"),
                });
            }
        }
    }
    found.into_values().collect()
}

/// A comment breakdown that lists a group only when someone in it commented tells, for a
/// listed group of 1..k−1 people, that one of them wrote a comment.
fn listing(survey: &Survey, panels: &[CommentPanel], k: usize) -> Vec<Finding> {
    let mut found: HashMap<(String, Set), Finding> = HashMap::new();
    for p in panels {
        for (column, listed) in &p.groups {
            let values = survey.values(column);
            let with_people: Vec<&String> = values.iter().filter(|v| !p.pop.and(survey.rows_where(column, v)).is_empty()).collect();
            let unlisted = with_people.iter().any(|v| !listed.contains_key(*v));
            if !unlisted {
                continue;
            }
            for v in listed.keys() {
                let g = p.pop.and(survey.rows_where(column, v));
                if (1..k).contains(&g.len()) {
                    found.entry((p.question.clone(), g)).or_insert_with(|| Finding {
                        class: 2,
                        kind: format!("comment listing {}", p.question),
                        rows: g,
                        how: format!("{}: {column}={v} listed in the comment breakdown (groups without comments are not)", p.view),
                    });
                }
            }
        }
    }
    found.into_values().collect()
}

// ---------------------------------------------------------------------------------------
// Class 5: comment texts attributable to fewer than the threshold of authors
// ---------------------------------------------------------------------------------------

/// For each released text: the views that show it (with its tags, or its lack of one), and
/// the complete panels that do not, narrow down who wrote it. A text is attributable when
/// that leaves 1..t−1 comment authors.
fn attribution(survey: &Survey, panels: &[CommentPanel], t: usize) -> Vec<Finding> {
    let mut found = Vec::new();
    let questions: BTreeSet<&String> = panels.iter().map(|p| &p.question).collect();
    for q in questions {
        let n = survey.rows();
        let commenters = Set::from_fn(n, |r| survey.people[r].comments.contains_key(q.as_str()));
        let mut texts: BTreeMap<&str, Set> = BTreeMap::new();
        for r in commenters.rows() {
            let e = texts.entry(survey.people[r].comments[q.as_str()].as_str()).or_default();
            e.0[r / 64] |= 1 << (r % 64);
        }
        let panels: Vec<&CommentPanel> = panels.iter().filter(|p| &p.question == q).collect();
        // The group values a reader ever sees as a tag: a text's tag is shown exactly when its
        // group's texts may be shown, so an untagged text is from one of the other values.
        let mut tag_values: BTreeMap<&String, BTreeSet<&String>> = BTreeMap::new();
        for p in &panels {
            for (_, tags) in &p.samples {
                for (column, value) in tags {
                    tag_values.entry(column).or_default().insert(value);
                }
            }
        }
        for (text, authors) in &texts {
            let mut region = commenters;
            let mut positives: Vec<(Set, String)> = Vec::new();
            for p in &panels {
                // A panel tells that a text is absent only when it shows every text of its
                // rows, unchanged (redaction could make a shown text look absent).
                let distinct = texts.iter().filter(|(_, a)| !a.disjoint(p.pop)).count();
                let complete = p.samples.len() >= distinct && p.samples.iter().all(|s| texts.contains_key(s.0.as_str()));
                let shown = p.samples.iter().find(|s| s.0 == *text);
                match shown {
                    Some((_, tags)) => {
                        positives.push((p.pop, format!("shown in {}", p.view)));
                        for column in &p.by {
                            let tagging = p.samples.iter().any(|s| s.1.contains_key(column));
                            if !tagging {
                                continue;
                            }
                            let within: Set = match tags.get(column) {
                                Some(v) => survey.rows_where(column, v),
                                None => {
                                    let tagged = tag_values.get(column);
                                    survey
                                        .values(column)
                                        .iter()
                                        .filter(|v| !tagged.is_some_and(|t| t.contains(v)))
                                        .fold(Set::default(), |u, v| u.or(survey.rows_where(column, v)))
                                }
                            };
                            let how = match tags.get(column) {
                                Some(v) => format!("tagged {column}={v} in {}", p.view),
                                None => format!("untagged for {column} in {}", p.view),
                            };
                            positives.push((p.pop.and(within), how));
                        }
                    }
                    None if complete => region = region.minus(p.pop),
                    None => {}
                }
            }
            if positives.is_empty() {
                continue; // never released
            }
            debug_assert!(authors.subset_of(region));
            let mut report = |cand: Set, how: String| {
                if (1..t).contains(&cand.len()) {
                    found.push(Finding { class: 5, kind: format!("comment text {q}"), rows: cand, how: format!("{text:?}: {how}") });
                    true
                } else {
                    false
                }
            };
            if authors.len() == 1 {
                // One author: every "shown" fact is about that one person.
                let cand = positives.iter().fold(region, |c, (s, _)| c.and(*s));
                let hows: Vec<&str> = positives.iter().map(|p| p.1.as_str()).collect();
                report(cand, format!("{}; absent from complete panels elsewhere", hows.join("; ")));
            } else if !report(region, "absent from complete panels elsewhere".into()) {
                for (s, how) in &positives {
                    if report(region.and(*s), how.clone()) {
                        break;
                    }
                }
            }
        }
    }
    found
}
