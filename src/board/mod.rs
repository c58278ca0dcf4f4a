//! The board-ready report: what a security leader puts in front of the board, made from a
//! released [`Report`] (only protected numbers) and its charts.
//!
//! A [`Board`] is a one-page executive summary plus a list of [`Section`]s. Each section is
//! built from the report by one builder in [`Board::of`], and a builder that finds nothing
//! to say (no waves, no ranking question, no breakdown) adds no section, so the renderers
//! simply draw what is there: [`html::render`] writes the standalone HTML file of
//! `secpulse report`, and the dashboard's print view draws the same model in the browser.
//! The priority chart is one more entry in the chart list (there when driver weights are
//! released), the action plan one more builder returning a [`Section::Table`] (there when
//! something triggers a practice), and the response rate one more [`Figure`] in the summary
//! (there when headcounts were given). The board repeats released numbers only and adds none.
//!
//! ```
//! use secpulse::board::Board;
//! use secpulse::instrument::Instrument;
//! use secpulse::synth::{generate, SynthOptions};
//! use secpulse::views::{score, ScoreOptions};
//!
//! let instrument = Instrument::default_instrument();
//! let table = generate(&instrument, &SynthOptions { n: 600, seed: 2, ..SynthOptions::default() });
//! let report = score(&instrument, &table, &ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() }).unwrap();
//! let board = Board::of(&report);
//! assert!(board.summary.figures.iter().any(|f| f.label == "Security NPS"));
//! let html = secpulse::board::html::render(&board, &report);
//! assert!(html.starts_with("<!doctype html>"));
//! ```

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
mod words;

use serde::{Deserialize, Serialize};

use crate::chart::{self, ChartKind, ChartOptions, ChartText, DataTable};
use crate::lang::{plural, Catalog, Lang};
use crate::plan::{self, Library};
use crate::report::words::mid_sentence;
use crate::report::{priority::priority, Band, DimensionScore, Report, SegmentGroup, WaveDelta};
use words::Words;

/// A significance level for "significant" in the report's words (two-sided Welch test).
pub const ALPHA: f64 = 0.05;

/// The board report: an executive summary and the sections after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// The language of its words and numbers.
    #[serde(default)]
    pub lang: Lang,
    /// Report title.
    pub title: String,
    /// One line under the title: who answered, which wave.
    pub subtitle: String,
    /// The one-page executive summary.
    pub summary: Summary,
    /// Everything after the summary, in reading order.
    pub sections: Vec<Section>,
}

/// The executive summary: key figures and one sentence that says what they mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// What the numbers say, in one or two sentences.
    pub headline: String,
    /// The key figures, most important first.
    pub figures: Vec<Figure>,
}

/// One key figure: "Security NPS", "+7", "35% promoters · 28% detractors".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is measured.
    pub label: String,
    /// The number as shown (or "< k" when hidden).
    pub value: String,
    /// What qualifies it: band, interval, significance, shares.
    pub detail: String,
}

/// One part of the report after the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Section {
    /// Lists of points under headings (strengths and risks).
    Points {
        /// Stable id (for anchors and tests).
        id: String,
        /// Heading.
        title: String,
        /// Lists, each under its own subheading.
        lists: Vec<PointList>,
    },
    /// A chart of the report with its title, takeaway and data table.
    Chart {
        /// The chart.
        kind: ChartKind,
        /// Its words and data.
        text: ChartText,
    },
    /// A table with a heading and a lead sentence (the breakdown table, an action plan).
    Table {
        /// Stable id.
        id: String,
        /// Heading.
        title: String,
        /// One sentence on how to read it.
        lead: String,
        /// The table.
        table: DataTable,
    },
    /// Paragraphs of text (the method and anonymity statement).
    Text {
        /// Stable id.
        id: String,
        /// Heading.
        title: String,
        /// Paragraphs.
        paragraphs: Vec<String>,
    },
}

/// A list of points under a subheading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointList {
    /// Subheading ("Strengths", "Risks").
    pub title: String,
    /// One sentence each.
    pub points: Vec<String>,
}

/// The charts of the report, in order; each is left out when the report has nothing for it.
const CHARTS: [ChartKind; 7] = [
    ChartKind::Balance,
    ChartKind::Priority,
    ChartKind::Dimensions,
    ChartKind::Nps,
    ChartKind::Trend,
    ChartKind::Sensitive,
    ChartKind::Ranking,
];

/// The practices of the action plan the board sees (the full plan is `secpulse plan`).
pub const PLAN_ACTIONS: usize = 5;

/// The triggers shown per practice on the board (the strongest; the full plan lists all).
pub const PLAN_TRIGGERS: usize = 3;

/// A builder of sections: the report and the language its words are in.
type Builder = fn(&Report, Lang) -> Vec<Section>;

impl Board {
    /// The board report of `report` in English (broken down by its first breakdown column).
    pub fn of(report: &Report) -> Board {
        Board::in_language(report, Lang::En)
    }

    /// The board report of `report` worded in `lang`: its own words and numbers, and the
    /// charts' titles, takeaways and tables. The instrument's wording (statements, dimension
    /// names) is the report's; word the instrument first (`Instrument::in_language`).
    pub fn in_language(report: &Report, lang: Lang) -> Board {
        let builders: [Builder; 5] = [strengths_and_risks, charts, action_plan, breakdown_table, method];
        Board {
            lang,
            title: Words::Title.text(lang),
            subtitle: subtitle(report, lang),
            summary: summary(report, lang),
            sections: builders.iter().flat_map(|b| b(report, lang)).collect(),
        }
    }
}

/// "Survey “…” · 3,000 respondents · latest wave 2026-H1 · instrument secpulse-security-team v1.0".
fn subtitle(report: &Report, lang: Lang) -> String {
    let people = report.respondents.map_or_else(
        || Words::FewerRespondents.fill(lang, &[("k", &report.min_group)]),
        |n| Words::Respondents.fill(lang, &[("n", &lang.count(n as u64))]),
    );
    let wave = report
        .waves
        .as_ref()
        .and_then(|w| w.waves.last())
        .map_or_else(String::new, |w| format!(" \u{b7} {}", Words::LatestWave.fill(lang, &[("wave", &w.value)])));
    let i = &report.instrument;
    Words::Subtitle.fill(lang, &[("title", &i.title), ("people", &people), ("wave", &wave), ("id", &i.id), ("version", &i.version)])
}

fn hidden(report: &Report) -> String {
    format!("< {}", report.min_group)
}

/// A figure whose number is hidden.
fn hidden_figure(report: &Report, lang: Lang, label: String) -> Figure {
    Figure { label, value: hidden(report), detail: Words::TooFew.text(lang) }
}

/// "3 points", "1 point".
fn points(lang: Lang, value: f64, shown: String) -> String {
    let n = value.abs().round() as u64;
    plural(lang, n, Words::PointOne, Words::PointOther).fill(lang, &[("n", &shown)])
}

/// The key figures and the headline.
fn summary(report: &Report, lang: Lang) -> Summary {
    let mut figures = Vec::new();
    let o = &report.overall;
    let index = Words::IndexLabel.text(lang);
    figures.push(match (o.score, o.band) {
        (Some(s), Some(b)) => {
            let ci = o.ci95.map_or_else(String::new, |c| lang.interval(c, false));
            Figure { label: index, value: lang.whole(s), detail: Words::BandCi.fill(lang, &[("band", &band_words(b, lang)), ("ci", &ci)]) }
        }
        _ => hidden_figure(report, lang, index),
    });
    if let Some(d) = latest_change(report) {
        figures.push(Figure {
            label: Words::ChangeSince.fill(lang, &[("wave", &d.from)]),
            value: points(lang, d.change.delta, lang.signed(d.change.delta)),
            detail: significance(&d.change, lang),
        });
    }
    if let Some(n) = &report.nps {
        let label = Words::Nps.text(lang);
        figures.push(match (n.score, n.promoters, n.detractors) {
            (Some(s), Some(p), Some(d)) => Figure {
                label,
                value: lang.signed(s),
                detail: Words::NpsShares.fill(lang, &[("promoters", &lang.pct(p)), ("detractors", &lang.pct(d))]),
            },
            _ => hidden_figure(report, lang, label),
        });
    }
    if let Some(b) = &report.balance {
        let label = format!("{} \u{2194} {}", b.left, b.right);
        figures.push(match (b.score, b.left_share, b.right_share) {
            (Some(s), Some(l), Some(r)) => Figure {
                label,
                value: lang.signed(s),
                detail: Words::BalanceShares.fill(
                    lang,
                    &[
                        ("left_share", &lang.pct(l)),
                        ("left", &mid_sentence(lang, &b.left)),
                        ("right_share", &lang.pct(r)),
                        ("right", &mid_sentence(lang, &b.right)),
                    ],
                ),
            },
            _ => hidden_figure(report, lang, label),
        });
    }
    figures.push(Figure {
        label: Words::RespondentsLabel.text(lang),
        value: report.respondents.map_or_else(|| hidden(report), |n| lang.count(n as u64)),
        detail: Words::NeverShown.fill(lang, &[("k", &report.min_group)]),
    });
    figures.extend(response_rate(report, lang));
    Summary { headline: headline(report, lang), figures }
}

/// The overall response rate, when headcounts were given.
fn response_rate(report: &Report, lang: Lang) -> Option<Figure> {
    let all = report.participation.as_ref()?.overall.as_ref()?;
    let invited = Words::OfInvited.fill(lang, &[("n", &lang.count(all.headcount))]);
    let label = Words::ResponseRate.text(lang);
    Some(match all.rate {
        Some(rate) => {
            let respondents = all.respondents.map_or_else(|| all.respondents_label.clone(), |n| lang.count(n as u64));
            Figure { label, value: lang.pct(rate), detail: format!("{respondents} {invited}") }
        }
        None => Figure { label, value: hidden(report), detail: format!("{}, {invited}", Words::TooFew.text(lang)) },
    })
}

/// "Favourable (60–75)".
fn band_words(b: Band, lang: Lang) -> String {
    let range = match b {
        Band::Strong => "75\u{2013}100",
        Band::Favourable => "60\u{2013}75",
        Band::Mixed => "40\u{2013}60",
        Band::Unfavourable => "25\u{2013}40",
        Band::Critical => "0\u{2013}25",
    };
    format!("{} ({range})", b.name(lang))
}

/// The overall change between the last two waves shown.
fn latest_change(report: &Report) -> Option<&WaveDelta> {
    report.waves.as_ref()?.deltas.iter().rev().find(|d| d.measure == "overall")
}

/// "significant (Welch p = 0.003, 95% CI +1 to +3)" or "not significant (Welch p = 0.410, …)".
fn significance(d: &crate::stats::Difference, lang: Lang) -> String {
    let verdict = if d.p < ALPHA { Words::Significant } else { Words::NotSignificant };
    verdict.fill(lang, &[("p", &p_text(d.p, lang)), ("ci", &lang.interval(d.ci95, true))])
}

/// A p-value to print: "< 0.001" or three decimals (with the language's decimal mark).
fn p_value(p: f64, lang: Lang) -> String {
    if p < 0.001 {
        format!("< {}", lang.decimal(0.001, 3))
    } else {
        lang.decimal(p, 3)
    }
}

/// One or two sentences on what the summary figures mean.
fn headline(report: &Report, lang: Lang) -> String {
    let Some((score, band)) = report.overall.score.zip(report.overall.band) else {
        return Words::NoResults.fill(lang, &[("k", &report.min_group)]);
    };
    // French quotes the band's name as it is; the others use it as an adjective.
    let band = if lang == Lang::Fr { band.name(lang) } else { band.name(lang).to_lowercase() };
    let mut out = Words::Rating.fill(lang, &[("band", &band), ("score", &lang.whole(score))]);
    if let Some(d) = latest_change(report) {
        let way = if d.change.delta >= 0.0 { Words::Up } else { Words::Down };
        let sig = if d.change.p < ALPHA { Words::SignificantChange } else { Words::WithinMargin };
        let n = points(lang, d.change.delta, lang.whole(d.change.delta.abs()));
        out += &format!(", {} ({})", way.fill(lang, &[("n", &n), ("wave", &d.from)]), sig.text(lang));
    }
    out.push('.');
    if let Some((balance, s)) = report.balance.as_ref().and_then(|b| Some((b, b.score?))) {
        let side = if s >= 0.0 { &balance.right } else { &balance.left };
        out.push(' ');
        out += &Words::CloserTo.fill(lang, &[("side", &mid_sentence(lang, side)), ("score", &lang.signed(s))]);
    }
    out
}

/// Strengths and risks: the best and weakest dimensions and statements, and groups that
/// differ significantly from everyone else.
fn strengths_and_risks(report: &Report, lang: Lang) -> Vec<Section> {
    let dims: Vec<(&DimensionScore, f64)> = report.dimensions.iter().filter_map(|d| Some((d, d.score.score?))).collect();
    if dims.len() < 2 {
        return vec![];
    }
    let mut ranked = dims.clone();
    crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
    let name = |d: &DimensionScore| chart::dimension_name(report, &d.id).to_string();
    let dim_point = |which: Words, (d, s): &(&DimensionScore, f64)| {
        let split =
            d.favourable.map_or_else(String::new, |f| format!(", {}", Words::FavourableAnswers.fill(lang, &[("share", &lang.pct(f))])));
        let band = d.score.band.map_or(String::new(), |b| b.name(lang).to_lowercase());
        which.fill(lang, &[("name", &name(d)), ("score", &lang.whole(*s)), ("band", &band), ("split", &split)])
    };
    let mut strengths: Vec<String> = ranked.iter().take(2).map(|d| dim_point(Words::Highest, d)).collect();
    let mut risks: Vec<String> = ranked.iter().rev().take(2).map(|d| dim_point(Words::Lowest, d)).collect();
    let items: Vec<(&str, f64, f64, bool)> =
        report.items.iter().filter_map(|i| Some((i.text.as_str(), i.favourable?, i.unfavourable?, i.reverse))).collect();
    // A negatively worded statement is favourable when people disagree with it.
    if let Some(&(text, favourable, _, reverse)) = items.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
        let words = if reverse { Words::Disagree } else { Words::Agree };
        strengths.push(words.fill(lang, &[("share", &lang.pct(favourable)), ("text", &text)]));
    }
    if let Some(&(text, _, unfavourable, reverse)) = items.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        let words = if reverse { Words::Agree } else { Words::Unfavourable };
        risks.push(words.fill(lang, &[("share", &lang.pct(unfavourable)), ("text", &text)]));
    }
    for (column, groups) in &report.segments {
        for g in groups {
            let Some(d) = g.overall.as_ref().and_then(|o| o.vs_rest.as_ref()).filter(|d| d.p < ALPHA) else { continue };
            let line = Words::VsRest.fill(
                lang,
                &[
                    ("group", &g.value),
                    ("column", &mid_sentence(lang, &report.column_name(column))),
                    ("delta", &lang.signed(d.delta)),
                    ("p", &p_text(d.p, lang)),
                ],
            );
            if d.delta > 0.0 {
                strengths.push(line);
            } else {
                risks.push(line);
            }
        }
    }
    let alpha = lang.decimal(0.70, 2);
    risks.extend(
        report
            .dimensions
            .iter()
            .filter(|d| d.low_reliability)
            .map(|d| Words::LowAlpha.fill(lang, &[("name", &name(d)), ("alpha", &alpha)])),
    );
    vec![Section::Points {
        id: "strengths-risks".into(),
        title: Words::StrengthsAndRisks.text(lang),
        lists: vec![
            PointList { title: Words::Strengths.text(lang), points: strengths },
            PointList { title: Words::Risks.text(lang), points: risks },
        ],
    }]
}

/// "= 0.012" or "< 0.001".
fn p_text(p: f64, lang: Lang) -> String {
    match p_value(p, lang) {
        s if s.starts_with('<') => s,
        s => format!("= {s}"),
    }
}

/// The charts that have something to show.
fn charts(report: &Report, lang: Lang) -> Vec<Section> {
    let o = ChartOptions { lang, ..ChartOptions::default() };
    let has = |kind: ChartKind| match kind {
        ChartKind::Trend => report.waves.as_ref().is_some_and(|w| w.waves.len() > 1),
        ChartKind::Sensitive => !report.sensitive.is_empty(),
        ChartKind::Ranking => !report.rankings.is_empty(),
        ChartKind::Nps => report.nps.is_some(),
        ChartKind::Balance => report.balance.is_some(),
        ChartKind::Priority => priority(report, None).is_some(),
        _ => true,
    };
    CHARTS.into_iter().filter(|&k| has(k)).map(|kind| Section::Chart { kind, text: chart::describe(kind, report, &o) }).collect()
}

/// The action plan as a table: the first [`PLAN_ACTIONS`] practices of the built-in library
/// ranked against the released report, with the released numbers that triggered each.
fn action_plan(report: &Report, lang: Lang) -> Vec<Section> {
    let plan = plan::build_in(report, &Library::default_library(), lang).top(PLAN_ACTIONS);
    if plan.actions.is_empty() {
        return vec![];
    }
    let more = match plan.more.len() {
        0 => String::new(),
        n => format!(" {}", plural(lang, n as u64, Words::MoreOne, Words::MoreOther).fill(lang, &[("n", &n)])),
    };
    let rows =
        plan.actions
            .iter()
            .map(|a| {
                let now = a.next_wave.favourable_now.map_or(String::new(), |f| {
                    format!(" {}", Words::Now.fill(lang, &[("item", &a.next_wave.item), ("share", &lang.pct(f))]))
                });
                vec![a.rank.to_string(), a.title.clone(), a.first_step.clone(), format!("{}{now}", a.next_wave.expect), triggers(a, lang)]
            })
            .collect();
    let columns = [Words::Rank, Words::Practice, Words::FirstStep, Words::ShouldMove, Words::TriggeredBy];
    vec![Section::Table {
        id: "plan".into(),
        title: Words::PlanTitle.text(lang),
        lead: Words::PlanLead.fill(lang, &[("library", &plan.library)]) + &more,
        table: DataTable { caption: Words::PlanCaption.text(lang), columns: columns.map(|c| c.text(lang)).to_vec(), rows },
    }]
}

/// The strongest [`PLAN_TRIGGERS`] triggers of `action` (most points first), and how many more.
fn triggers(action: &plan::Action, lang: Lang) -> String {
    let mut strongest: Vec<&plan::Trigger> = action.triggers.iter().collect();
    crate::sort::sort_by(&mut strongest, |a, b| b.points.cmp(&a.points));
    let shown = strongest.iter().take(PLAN_TRIGGERS).map(|t| t.detail.as_str()).collect::<Vec<_>>().join("; ");
    match action.triggers.len().saturating_sub(PLAN_TRIGGERS) {
        0 => shown,
        n => Words::AndMore.fill(lang, &[("list", &shown), ("n", &n)]),
    }
}

/// The first breakdown as a table: people, index, difference to the rest, balance, NPS.
fn breakdown_table(report: &Report, lang: Lang) -> Vec<Section> {
    let Some((column, groups)) = report.segments.iter().next() else { return vec![] };
    let rows = groups.iter().map(|g| group_row(report, g, lang)).collect();
    let by = report.column_name(column);
    let named = mid_sentence(lang, &by);
    let mut columns = vec![by];
    columns.extend([Words::People, Words::Index, Words::VsRestColumn, Words::Balance, Words::Nps].map(|c| c.text(lang)));
    vec![Section::Table {
        id: "breakdown".into(),
        title: Words::By.fill(lang, &[("column", &named)]),
        lead: Words::BreakdownLead.fill(lang, &[("k", &report.min_group)]),
        table: DataTable { caption: Words::ResultsBy.fill(lang, &[("column", &named)]), columns, rows },
    }]
}

fn group_row(report: &Report, g: &SegmentGroup, lang: Lang) -> Vec<String> {
    if g.suppressed {
        return vec![g.value.clone(), g.n_label.clone(), hidden(report), String::new(), String::new(), String::new()];
    }
    let score = g.overall.as_ref().and_then(|o| o.score.score);
    let vs = g.overall.as_ref().and_then(|o| o.vs_rest.as_ref());
    vec![
        g.value.clone(),
        g.n.map_or_else(|| g.n_label.clone(), |n| lang.count(n as u64)),
        score.map_or_else(|| hidden(report), |s| lang.whole(s)),
        vs.map_or_else(String::new, |d| format!("{}{}", lang.signed(d.delta), if d.p < ALPHA { "*" } else { "" })),
        g.balance.as_ref().and_then(|b| b.score).map_or_else(String::new, |s| lang.signed(s)),
        g.nps.as_ref().and_then(|n| n.score).map_or_else(String::new, |s| lang.signed(s)),
    ]
}

/// What the report says about comments: none, or how they were protected.
fn comment_statement(report: &Report, lang: Lang) -> String {
    match report.comments.iter().map(|c| c.min_comments).max() {
        None => Words::NoAnswersNoComments.text(lang),
        Some(t) => Words::CommentsProtected.fill(lang, &[("t", &t)]),
    }
}

/// The method and anonymity statement.
fn method(report: &Report, lang: Lang) -> Vec<Section> {
    let k = report.min_group;
    let people = report
        .respondents
        .map_or_else(|| Words::FewerPeople.fill(lang, &[("k", &k)]), |n| Words::PeopleCount.fill(lang, &[("n", &lang.count(n as u64))]));
    let i = &report.instrument;
    let mut paragraphs = vec![
        Words::MethodScores.fill(lang, &[("people", &people), ("title", &i.title), ("id", &i.id), ("version", &i.version)]),
        Words::MethodNps.text(lang),
        Words::MethodAnonymity.fill(lang, &[("k", &k), ("comments", &comment_statement(report, lang))]),
    ];
    if !report.sensitive.is_empty() {
        paragraphs.push(Words::MethodSensitive.text(lang));
    }
    if !report.rankings.is_empty() {
        paragraphs.push(Words::MethodRanking.text(lang));
    }
    vec![Section::Text { id: "method".into(), title: Words::MethodTitle.text(lang), paragraphs }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_read_like_a_paper() {
        assert_eq!(p_value(0.0004, Lang::En), "< 0.001");
        assert_eq!(p_value(0.0123, Lang::En), "0.012");
        assert_eq!(p_text(0.2, Lang::En), "= 0.200");
        assert_eq!(p_text(0.0001, Lang::En), "< 0.001");
        assert_eq!(p_text(0.0123, Lang::De), "= 0,012");
    }

    #[test]
    fn bands_name_their_range() {
        assert_eq!(band_words(Band::Favourable, Lang::En), "Favourable (60\u{2013}75)");
        assert_eq!(band_words(Band::Favourable, Lang::De), "Positiv (60\u{2013}75)");
    }
}
