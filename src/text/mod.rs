//! Free-text comment analysis: sentiment, stance toward the security team, themes, and the words
//! that drove each decision.
//!
//! Rule- and lexicon-based, so every label can be explained. The lexicon (`lexicon.txt`, compiled
//! in) knows the domain: attacker vocabulary ("blocked the phishing attack") is not a complaint about
//! the team, "says no" and "took three weeks" are. Negation and its scope, contrast ("but", "though"),
//! concessions ("I get why, but"), intensifiers, sarcasm cues, ALL CAPS, emoji, typos, non-ASCII text
//! and placeholder answers ("n/a", "-") are handled. Labels follow the project's comment guideline.
//!
//! Beside the rules sits a small learned layer (`learned.rs`): logistic regression over the rules'
//! features plus hashed word, word-pair, cue and character features, with committed 8-bit weights
//! (`model.bin`, trained by `cargo run --release --example train_comments`, see [`train`] and
//! bench/comments/README.md). It makes the final decision; every label keeps the rules' evidence
//! words plus the comment words that pushed the learned layer most.
//!
//! ```
//! use secpulse::text::{analyze, Sentiment, Stance, Theme};
//! let a = analyze("They never say no without offering an alternative.");
//! assert_eq!(a.sentiment, Sentiment::Positive);
//! assert_eq!(a.stance, Stance::Enabler);
//! assert!(a.themes.contains(&Theme::SaysNo) && a.themes.contains(&Theme::OffersOptions));
//! ```

mod jsonl;
mod learned;
mod lexicon;
mod scope;
mod sentiment;
mod stance;
mod themes;
mod tokenize;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

pub use jsonl::{analyze_jsonl, JsonlReport};

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Overall evaluative tone of a comment.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    /// Complaint, frustration, distrust; no praise of real weight.
    Negative,
    /// No evaluation: questions, suggestions, facts, placeholders.
    Neutral,
    /// Approval, praise, thanks; no criticism of real weight.
    Positive,
    /// Clear praise and clear criticism, each of real weight.
    Mixed,
}

impl Sentiment {
    /// The four labels in a fixed order.
    pub const ALL: [Sentiment; 4] = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive, Sentiment::Mixed];

    /// The snake_case label ("negative", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Positive => "positive",
            Sentiment::Mixed => "mixed",
        }
    }
}

/// How a comment portrays the security team: obstructing work, helping it get done, or neither.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Refuses, slows, blocks legitimate work.
    Blocker,
    /// Finds a way, offers options, unblocks, fixes people's problems.
    Enabler,
    /// Neither (including pure protection praise and personality remarks).
    None,
}

impl Stance {
    /// The three labels in a fixed order.
    pub const ALL: [Stance; 3] = [Stance::Blocker, Stance::Enabler, Stance::None];

    /// The snake_case label ("blocker", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Blocker => "blocker",
            Stance::Enabler => "enabler",
            Stance::None => "none",
        }
    }
}

/// What a comment talks about, whatever the polarity.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Refusals, denials, vetoes, or their explicit absence.
    SaysNo,
    /// Alternatives, workarounds, conditional approvals, or their explicit lack.
    OffersOptions,
    /// Speed of security work: waiting, queues, approval times, fast turnaround.
    Bottleneck,
    /// Visibility, ease of reaching the team, friendliness.
    Approachability,
    /// Condescension, lecturing, blame, distrust of staff, or its explicit absence.
    Arrogance,
    /// Clarity, jargon, announcements, newsletters, being kept informed.
    Communication,
    /// Caring about people and the business, empathy, or indifference.
    Care,
    /// Awareness courses, phishing simulations, drills, workshops.
    Training,
    /// Handling of incidents and threats, reports, post-incident follow-up.
    IncidentResponse,
    /// Security leadership and company leadership's support, funding, ownership.
    Leadership,
    /// Audits, policies, regulations, risk assessments, questionnaires, paperwork.
    Compliance,
    /// Security tools and technical controls: VPN, MFA, filters, portals, blocks.
    Tooling,
}

impl Theme {
    /// All themes, in the guideline's order.
    pub const ALL: [Theme; 12] = [
        Theme::SaysNo,
        Theme::OffersOptions,
        Theme::Bottleneck,
        Theme::Approachability,
        Theme::Arrogance,
        Theme::Communication,
        Theme::Care,
        Theme::Training,
        Theme::IncidentResponse,
        Theme::Leadership,
        Theme::Compliance,
        Theme::Tooling,
    ];

    /// The snake_case label ("says_no", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::SaysNo => "says_no",
            Theme::OffersOptions => "offers_options",
            Theme::Bottleneck => "bottleneck",
            Theme::Approachability => "approachability",
            Theme::Arrogance => "arrogance",
            Theme::Communication => "communication",
            Theme::Care => "care",
            Theme::Training => "training",
            Theme::IncidentResponse => "incident_response",
            Theme::Leadership => "leadership",
            Theme::Compliance => "compliance",
            Theme::Tooling => "tooling",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The words behind one decision.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The decision explained: "sentiment:negative", "stance:blocker", "theme:bottleneck", ...
    pub decision: String,
    /// Words or phrases from the comment (original spelling), with markers such as
    /// "never … condescending" for a negated cue, "🙄" for a sarcasm cue, "ALL CAPS" or "?" for a question.
    pub words: Vec<String>,
}

/// The analysis of one comment.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct CommentAnalysis {
    /// Overall tone.
    pub sentiment: Sentiment,
    /// Signed strength in [-1, 1] (negative = unfavourable), rounded to 3 decimals.
    pub score: f32,
    /// Stance toward the security team.
    pub stance: Stance,
    /// Themes, in [`Theme::ALL`] order, no duplicates.
    pub themes: Vec<Theme>,
    /// One entry for the sentiment, one for the stance, one per theme.
    pub evidence: Vec<Evidence>,
}

/// The learned layer's weights, trained by `cargo run --release --example train_comments`.
const MODEL: &[u8] = include_bytes!("model.bin");

/// The labels of one comment (see [`Analyzer::labels`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// Overall tone.
    pub sentiment: Sentiment,
    /// Stance toward the security team.
    pub stance: Stance,
    /// Themes, in [`Theme::ALL`] order, no duplicates.
    pub themes: Vec<Theme>,
}

/// A comment analyser: the rules (lexicon and scope rules) and the learned layer that decides
/// from their features plus hashed word and character features. [`Analyzer::new`] compiles the
/// lexicon once; [`Analyzer::analyze`] is cheap and can be called from many threads (`Analyzer`
/// is `Send + Sync`; each thread keeps its own reusable token buffers in a thread-local).
pub struct Analyzer {
    lex: lexicon::Lexicon,
    model: learned::Model,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// Build the lookup tables (a few milliseconds).
    pub fn new() -> Analyzer {
        let model = learned::Model::parse(MODEL).expect("the committed model.bin matches this build (tests/comments_model.rs)");
        Analyzer { lex: lexicon::Lexicon::new(), model }
    }

    /// An analyser with other learned weights (a model file as written by [`train::train`]);
    /// an error says why the bytes are no model of this build.
    pub fn with_model(bytes: &[u8]) -> Result<Analyzer, String> {
        Ok(Analyzer { lex: lexicon::Lexicon::new(), model: learned::Model::parse(bytes)? })
    }

    /// Analyse one comment. Never fails: empty or placeholder text is neutral, stance none, no themes.
    pub fn analyze(&self, text: &str) -> CommentAnalysis {
        self.with_scratch(|s| self.analyze_with(text, s))
    }

    /// The labels of one comment without the words behind them: what counting many comments
    /// needs, at a fraction of [`Analyzer::analyze`]'s cost. Same labels as `analyze`.
    pub fn labels(&self, text: &str) -> Labels {
        self.with_scratch(|s| {
            let Scratch { toks, words, stems, hits, scope, feats, .. } = s;
            tokenize::tokenize(text, toks);
            self.lex.resolve(toks, words, stems);
            if let Some(p) = scope::placeholder(text, toks, words) {
                return Labels { sentiment: p.sentiment, stance: p.stance, themes: p.themes };
            }
            self.lex.scan(words, toks, stems, hits);
            let cues = scope::annotate(&self.lex, text, toks, words, hits, scope);
            let rule = learned::RuleView::of(&cues);
            learned::extract(toks, words, &cues, &rule, feats);
            let p = self.model.predict(feats, &rule);
            Labels { sentiment: p.sentiment, stance: p.stance, themes: p.themes }
        })
    }

    /// Run `f` with this thread's buffers: `Analyzer` stays `Send + Sync` and allocation-free
    /// between comments.
    fn with_scratch<R>(&self, f: impl FnOnce(&mut Scratch) -> R) -> R {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                let r = f(&mut s);
                if s.toks.lower.capacity() > 1 << 16 {
                    *s = Scratch::default();
                }
                r
            }
            Err(_) => f(&mut Scratch::default()),
        })
    }

    /// The learned layer's input for one comment (for training).
    #[cfg(not(target_arch = "wasm32"))]
    fn features(&self, text: &str) -> learned::Features {
        self.with_scratch(|s| {
            let Scratch { toks, words, stems, hits, scope, feats, .. } = s;
            tokenize::tokenize(text, toks);
            self.lex.resolve(toks, words, stems);
            self.lex.scan(words, toks, stems, hits);
            let cues = scope::annotate(&self.lex, text, toks, words, hits, scope);
            learned::extract(toks, words, &cues, &learned::RuleView::of(&cues), feats);
            feats.clone()
        })
    }

    fn analyze_with(&self, text: &str, s: &mut Scratch) -> CommentAnalysis {
        let Scratch { toks, words, stems, hits, scope, feats, push } = s;
        tokenize::tokenize(text, toks);
        self.lex.resolve(toks, words, stems);
        if let Some(p) = scope::placeholder(text, toks, words) {
            return p;
        }
        self.lex.scan(words, toks, stems, hits);
        let cues = scope::annotate(&self.lex, text, toks, words, hits, scope);
        let rule = learned::RuleView::of(&cues);
        learned::extract(toks, words, &cues, &rule, feats);
        let p = self.model.predict(feats, &rule);
        let mut evidence = Vec::with_capacity(2 + p.themes.len());
        let mut explain = |decision: String, mut words: Vec<String>, output: usize| {
            self.model.why(feats, output, text, push, &mut words);
            evidence.push(Evidence { decision, words });
        };
        explain(["sentiment:", p.sentiment.as_str()].concat(), sentiment::evidence(&cues, p.sentiment), p.sentiment as usize);
        explain(["stance:", p.stance.as_str()].concat(), stance::evidence(&cues, p.stance), learned::STANCE0 + p.stance as usize);
        for &t in &p.themes {
            explain(["theme:", t.as_str()].concat(), themes::evidence(&cues, t), learned::THEME0 + t.index());
        }
        CommentAnalysis { sentiment: p.sentiment, score: p.score, stance: p.stance, themes: p.themes, evidence }
    }
}

/// Reusable per-comment buffers.
#[derive(Default)]
struct Scratch {
    toks: tokenize::Tokens,
    words: Vec<lexicon::Word>,
    stems: Vec<u32>,
    hits: Vec<lexicon::Hit>,
    scope: scope::ScopeBuf,
    feats: learned::Features,
    push: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Analyse one comment with a shared, lazily built [`Analyzer`].
pub fn analyze(text: &str) -> CommentAnalysis {
    static SHARED: OnceLock<Analyzer> = OnceLock::new();
    SHARED.get_or_init(Analyzer::new).analyze(text)
}

/// Counts of each sentiment label.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct SentimentCounts {
    /// Comments labelled negative.
    pub negative: usize,
    /// Comments labelled neutral.
    pub neutral: usize,
    /// Comments labelled positive.
    pub positive: usize,
    /// Comments labelled mixed.
    pub mixed: usize,
}

/// Counts of each stance label.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct StanceCounts {
    /// Comments portraying the team as obstructing work.
    pub blocker: usize,
    /// Comments portraying the team as helping work get done.
    pub enabler: usize,
    /// Neither.
    pub none: usize,
}

/// How many comments carry one theme.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ThemeCount {
    /// The theme.
    pub theme: Theme,
    /// Number of comments tagged with it.
    pub count: usize,
}

/// Aggregate of many analysed comments, for dashboards. JSON shape:
/// `{"n":3,"sentiment":{"negative":1,"neutral":0,"positive":2,"mixed":0},
///   "stance":{"blocker":1,"enabler":1,"none":1},"themes":[{"theme":"bottleneck","count":2}]}`;
/// `themes` lists only themes that occur, by count descending, ties in [`Theme::ALL`] order.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct CommentSummary {
    /// Number of comments.
    pub n: usize,
    /// Comments per sentiment label.
    pub sentiment: SentimentCounts,
    /// Comments per stance label.
    pub stance: StanceCounts,
    /// Comments per theme (themes with a zero count are left out).
    pub themes: Vec<ThemeCount>,
}

impl CommentSummary {
    /// Counts one comment's labels (call [`CommentSummary::sorted`] when done).
    pub fn add(&mut self, sentiment: Sentiment, stance: Stance, themes: impl IntoIterator<Item = Theme>) {
        self.n += 1;
        match sentiment {
            Sentiment::Negative => self.sentiment.negative += 1,
            Sentiment::Neutral => self.sentiment.neutral += 1,
            Sentiment::Positive => self.sentiment.positive += 1,
            Sentiment::Mixed => self.sentiment.mixed += 1,
        }
        match stance {
            Stance::Blocker => self.stance.blocker += 1,
            Stance::Enabler => self.stance.enabler += 1,
            Stance::None => self.stance.none += 1,
        }
        for theme in themes {
            match self.themes.iter_mut().find(|t| t.theme == theme) {
                Some(t) => t.count += 1,
                None => self.themes.push(ThemeCount { theme, count: 1 }),
            }
        }
    }

    /// The summary with its themes by count, ties in [`Theme::ALL`] order.
    pub fn sorted(mut self) -> CommentSummary {
        self.themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.theme.cmp(&b.theme)));
        self
    }
}

/// Analyse and count many comments.
pub fn summarize<'a>(analyzer: &Analyzer, texts: impl IntoIterator<Item = &'a str>) -> CommentSummary {
    let mut s = CommentSummary::default();
    for t in texts {
        let a = analyzer.labels(t);
        s.add(a.sentiment, a.stance, a.themes);
    }
    s.sorted()
}
