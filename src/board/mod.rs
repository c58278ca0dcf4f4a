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

use serde::{Deserialize, Serialize};

use crate::chart::fmt::{count, interval, pct, signed, whole};
use crate::chart::{self, ChartKind, ChartOptions, ChartText, DataTable};
use crate::plan::{self, Library};
use crate::report::{priority::priority, Band, DimensionScore, Report, SegmentGroup, WaveDelta};

/// A significance level for "significant" in the report's words (two-sided Welch test).
pub const ALPHA: f64 = 0.05;

/// The board report: an executive summary and the sections after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Report title (the instrument's).
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

/// The report's title.
pub const TITLE: &str = "How employees see the security team";

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

impl Board {
    /// The board report of `report` (broken down by its first breakdown column).
    pub fn of(report: &Report) -> Board {
        let builders: [fn(&Report) -> Vec<Section>; 5] = [strengths_and_risks, charts, action_plan, breakdown_table, method];
        Board {
            title: TITLE.to_string(),
            subtitle: subtitle(report),
            summary: summary(report),
            sections: builders.iter().flat_map(|b| b(report)).collect(),
        }
    }
}

/// "Survey “…” · 3,000 respondents · latest wave 2026-H1 · instrument secpulse-security-team v1.0".
fn subtitle(report: &Report) -> String {
    let people =
        report.respondents.map_or_else(|| format!("fewer than {} respondents", report.min_group), |n| format!("{} respondents", count(n)));
    let waves = report.waves.as_ref().and_then(|w| w.waves.last()).map(|w| format!(" \u{b7} latest wave {}", w.value));
    let i = &report.instrument;
    format!("Survey \u{201c}{}\u{201d} \u{b7} {people}{} \u{b7} instrument {} v{}", i.title, waves.unwrap_or_default(), i.id, i.version)
}

fn hidden(report: &Report) -> String {
    format!("< {}", report.min_group)
}

/// The key figures and the headline.
fn summary(report: &Report) -> Summary {
    let mut figures = Vec::new();
    let o = &report.overall;
    figures.push(match (o.score, o.band) {
        (Some(s), Some(b)) => Figure {
            label: "Security team index (0\u{2013}100)".into(),
            value: whole(s),
            detail: format!("{} \u{b7} 95% CI {}", band_words(b), o.ci95.map_or_else(String::new, |c| interval(c, false))),
        },
        _ => Figure { label: "Security team index (0\u{2013}100)".into(), value: hidden(report), detail: "too few answers to show".into() },
    });
    if let Some(d) = latest_change(report) {
        figures.push(Figure {
            label: format!("Change since {}", d.from),
            value: format!("{} points", signed(d.change.delta)),
            detail: significance(&d.change),
        });
    }
    if let Some(n) = &report.nps {
        figures.push(match (n.score, n.promoters, n.detractors) {
            (Some(s), Some(p), Some(d)) => Figure {
                label: "Security NPS".into(),
                value: signed(s),
                detail: format!("{} promoters \u{b7} {} detractors", pct(p), pct(d)),
            },
            _ => Figure { label: "Security NPS".into(), value: hidden(report), detail: "too few answers to show".into() },
        });
    }
    if let Some(b) = &report.balance {
        let label = format!("{} \u{2194} {}", b.left, b.right);
        figures.push(match (b.score, b.left_share, b.right_share) {
            (Some(s), Some(l), Some(r)) => Figure {
                label,
                value: signed(s),
                detail: format!(
                    "\u{2212}100 to +100 \u{b7} {} {} \u{b7} {} {}",
                    pct(l),
                    b.left.to_lowercase(),
                    pct(r),
                    b.right.to_lowercase()
                ),
            },
            _ => Figure { label, value: hidden(report), detail: "too few answers to show".into() },
        });
    }
    figures.push(Figure {
        label: "Respondents".into(),
        value: report.respondents.map_or_else(|| hidden(report), count),
        detail: format!("groups under {} people are never shown", report.min_group),
    });
    figures.extend(response_rate(report));
    Summary { headline: headline(report), figures }
}

/// The overall response rate, when headcounts were given.
fn response_rate(report: &Report) -> Option<Figure> {
    let all = report.participation.as_ref()?.overall.as_ref()?;
    let invited = format!("of {} people invited", crate::fmt::count(usize::try_from(all.headcount).unwrap_or(usize::MAX)));
    Some(match all.rate {
        Some(rate) => Figure { label: "Response rate".into(), value: pct(rate), detail: format!("{} {invited}", all.respondents_label) },
        None => Figure { label: "Response rate".into(), value: hidden(report), detail: format!("too few answers to show, {invited}") },
    })
}

/// "Favourable (60–75)".
fn band_words(b: Band) -> String {
    let range = match b {
        Band::Strong => "75\u{2013}100",
        Band::Favourable => "60\u{2013}75",
        Band::Mixed => "40\u{2013}60",
        Band::Unfavourable => "25\u{2013}40",
        Band::Critical => "0\u{2013}25",
    };
    format!("{} ({range})", b.label())
}

/// The overall change between the last two waves shown.
fn latest_change(report: &Report) -> Option<&WaveDelta> {
    report.waves.as_ref()?.deltas.iter().rev().find(|d| d.measure == "overall")
}

/// "significant (Welch p = 0.003, 95% CI +1 to +3)" or "not significant (Welch p = 0.410, …)".
fn significance(d: &crate::stats::Difference) -> String {
    let ci = interval(d.ci95, true);
    let verdict = if d.p < ALPHA { "significant" } else { "not significant" };
    format!("{verdict} (Welch p {}, 95% CI {ci})", p_text(d.p))
}

/// A p-value to print: "< 0.001" or three decimals.
fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// One or two sentences on what the summary figures mean.
fn headline(report: &Report) -> String {
    let Some((score, band)) = report.overall.score.zip(report.overall.band) else {
        return format!("Fewer than {} people answered, so no results are shown.", report.min_group);
    };
    let mut out = format!("Employees rate the security team {} ({} out of 100)", band.label().to_lowercase(), whole(score));
    if let Some(d) = latest_change(report) {
        let way = if d.change.delta >= 0.0 { "up" } else { "down" };
        let sig = if d.change.p < ALPHA { "a significant change" } else { "within the margin of error" };
        out += &format!(", {way} {} points since {} ({sig})", whole(d.change.delta.abs()), d.from);
    }
    out.push('.');
    if let Some(b) = report.balance.as_ref().and_then(|b| Some((b, b.score?))) {
        let (balance, s) = b;
        let side = if s >= 0.0 { &balance.right } else { &balance.left };
        out += &format!(" On balance they see it as closer to \u{201c}{}\u{201d} ({}).", side.to_lowercase(), signed(s));
    }
    out
}

/// Strengths and risks: the best and weakest dimensions and statements, and groups that
/// differ significantly from everyone else.
fn strengths_and_risks(report: &Report) -> Vec<Section> {
    let dims: Vec<(&DimensionScore, f64)> = report.dimensions.iter().filter_map(|d| Some((d, d.score.score?))).collect();
    if dims.len() < 2 {
        return vec![];
    }
    let mut ranked = dims.clone();
    crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
    let name = |d: &DimensionScore| chart::dimension_name(report, &d.id).to_string();
    let dim_point = |which: &str, (d, s): &(&DimensionScore, f64)| {
        let split = d.favourable.map_or_else(String::new, |f| format!(", {} favourable answers", pct(f)));
        let band = d.score.band.map_or(String::new(), |b| b.label().to_lowercase());
        format!("{which}: {} \u{2014} {}/100 ({band}{split})", name(d), whole(*s))
    };
    let mut strengths: Vec<String> = ranked.iter().take(2).map(|d| dim_point("Among the highest dimensions", d)).collect();
    let mut risks: Vec<String> = ranked.iter().rev().take(2).map(|d| dim_point("Among the lowest dimensions", d)).collect();
    let items: Vec<(&str, f64, f64)> =
        report.items.iter().filter_map(|i| Some((i.text.as_str(), i.favourable?, i.unfavourable?))).collect();
    if let Some(best) = items.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
        strengths.push(format!("{} agree: \u{201c}{}\u{201d}", pct(best.1), best.0));
    }
    if let Some(worst) = items.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        risks.push(format!("{} are unfavourable on \u{201c}{}\u{201d}", pct(worst.2), worst.0));
    }
    for (column, groups) in &report.segments {
        for g in groups {
            let Some(d) = g.overall.as_ref().and_then(|o| o.vs_rest.as_ref()).filter(|d| d.p < ALPHA) else { continue };
            let line = format!("{} ({column}): index {} vs. everyone else (p {})", g.value, signed(d.delta), p_text(d.p));
            if d.delta > 0.0 {
                strengths.push(line);
            } else {
                risks.push(line);
            }
        }
    }
    risks.extend(
        report
            .dimensions
            .iter()
            .filter(|d| d.low_reliability)
            .map(|d| format!("{}: its statements do not hang together well (alpha below 0.70); read its score with care", name(d))),
    );
    vec![Section::Points {
        id: "strengths-risks".into(),
        title: "Strengths and risks".into(),
        lists: vec![PointList { title: "Strengths".into(), points: strengths }, PointList { title: "Risks".into(), points: risks }],
    }]
}

/// "= 0.012" or "< 0.001".
fn p_text(p: f64) -> String {
    match p_value(p) {
        s if s.starts_with('<') => s,
        s => format!("= {s}"),
    }
}

/// The charts that have something to show.
fn charts(report: &Report) -> Vec<Section> {
    let o = ChartOptions::default();
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
fn action_plan(report: &Report) -> Vec<Section> {
    let plan = plan::build(report, &Library::default_library()).top(PLAN_ACTIONS);
    if plan.actions.is_empty() {
        return vec![];
    }
    let more = match plan.more.len() {
        0 => String::new(),
        n => format!(" {n} more practices are triggered; the full plan lists them all."),
    };
    let rows = plan
        .actions
        .iter()
        .map(|a| {
            let now = a.next_wave.favourable_now.map_or(String::new(), |f| format!(" ({} now {} favourable)", a.next_wave.item, pct(f)));
            vec![a.rank.to_string(), a.title.clone(), a.first_step.clone(), format!("{}{now}", a.next_wave.expect), triggers(a)]
        })
        .collect();
    vec![Section::Table {
        id: "plan".into(),
        title: "What to do about it: the action plan".into(),
        lead: format!(
            "Practices of {} ranked from the priority chart, weak statements and comment themes, with the strongest numbers that put each here.{more}",
            plan.library
        ),
        table: DataTable {
            caption: "Action plan, most urgent first".into(),
            columns: ["Rank", "Practice", "First step this month", "What should move by next wave", "The numbers that triggered it"]
                .map(String::from)
                .to_vec(),
            rows,
        },
    }]
}

/// The strongest [`PLAN_TRIGGERS`] triggers of `action` (most points first), and how many more.
fn triggers(action: &plan::Action) -> String {
    let mut strongest: Vec<&plan::Trigger> = action.triggers.iter().collect();
    crate::sort::sort_by(&mut strongest, |a, b| b.points.cmp(&a.points));
    let shown: Vec<&str> = strongest.iter().take(PLAN_TRIGGERS).map(|t| t.detail.as_str()).collect();
    match action.triggers.len().saturating_sub(PLAN_TRIGGERS) {
        0 => shown.join("; "),
        n => format!("{}; and {n} more", shown.join("; ")),
    }
}

/// The first breakdown as a table: people, index, difference to the rest, balance, NPS.
fn breakdown_table(report: &Report) -> Vec<Section> {
    let Some((column, groups)) = report.segments.iter().next() else { return vec![] };
    let rows = groups.iter().map(|g| group_row(report, g)).collect();
    let by = chart::column_title(column);
    vec![Section::Table {
        id: "breakdown".into(),
        title: format!("By {}", by.to_lowercase()),
        lead: format!(
            "Index 0\u{2013}100 per group; \u{201c}vs. rest\u{201d} is the difference to everyone else (* = significant, Welch p < .05). Groups under {} people are shown as \u{201c}< {}\u{201d}.",
            report.min_group, report.min_group
        ),
        table: DataTable {
            caption: format!("Results by {}", by.to_lowercase()),
            columns: [by.as_str(), "People", "Index", "vs. rest", "Balance", "Security NPS"].map(String::from).to_vec(),
            rows,
        },
    }]
}

fn group_row(report: &Report, g: &SegmentGroup) -> Vec<String> {
    if g.suppressed {
        return vec![g.value.clone(), g.n_label.clone(), hidden(report), String::new(), String::new(), String::new()];
    }
    let score = g.overall.as_ref().and_then(|o| o.score.score);
    let vs = g.overall.as_ref().and_then(|o| o.vs_rest.as_ref());
    vec![
        g.value.clone(),
        g.n.map_or_else(|| g.n_label.clone(), count),
        score.map_or_else(|| hidden(report), whole),
        vs.map_or_else(String::new, |d| format!("{}{}", signed(d.delta), if d.p < ALPHA { "*" } else { "" })),
        g.balance.as_ref().and_then(|b| b.score).map_or_else(String::new, signed),
        g.nps.as_ref().and_then(|n| n.score).map_or_else(String::new, signed),
    ]
}

/// What the report says about comments: none, or how they were protected.
fn comment_statement(report: &Report) -> String {
    match report.comments.iter().map(|c| c.min_comments).max() {
        None => "The report holds aggregates only: no individual answers and no comments.".into(),
        Some(t) => format!(
            "It holds no individual answers. Comments are summarised and quoted only for groups with at least {t} comments, with e-mail addresses, phone numbers, personal links, ids and listed names removed."
        ),
    }
}

/// The method and anonymity statement.
fn method(report: &Report) -> Vec<Section> {
    let k = report.min_group;
    let mut paragraphs = vec![
        format!(
            "{} answered the survey \u{201c}{}\u{201d} ({} v{}). Each statement is answered on an agreement scale; statements worded against the team are reversed, and a person\u{2019}s answers become a 0\u{2013}100 score per dimension and overall. Scores are averages with 95% confidence intervals (t intervals). Differences between groups or waves are tested with Welch\u{2019}s t test and called significant when p < .05.",
            report.respondents.map_or_else(|| format!("Fewer than {k} people"), |n| format!("{} people", count(n))),
            report.instrument.title,
            report.instrument.id,
            report.instrument.version
        ),
        "Security NPS is the share answering 9\u{2013}10 minus the share answering 0\u{2013}6 to \u{201c}How likely are you to recommend going to the security team?\u{201d}. The balance places the team between its two poles, from \u{2212}100 to +100.".to_string(),
        format!(
            "Anonymity: no number in this report rests on fewer than {k} answers. Smaller groups appear as \u{201c}< {k}\u{201d}, and numbers that could be subtracted from others to reveal a smaller group are hidden too. {}",
            comment_statement(report)
        ),
    ];
    if !report.sensitive.is_empty() {
        paragraphs.push("Sensitive questions were asked with randomized response: each person\u{2019}s device randomized the answer before it was recorded, so no single answer says what that person did. The shares are estimated from all answers together, which makes their confidence intervals wider than a direct question\u{2019}s.".into());
    }
    if !report.rankings.is_empty() {
        paragraphs.push("Leaders ranked business systems by how important it is to protect them; the ranking combines their orders with the Borda count (with m options, first place earns m \u{2212} 1 points, last place 0).".into());
    }
    vec![Section::Text { id: "method".into(), title: "Method and anonymity".into(), paragraphs }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_read_like_a_paper() {
        assert_eq!(p_value(0.0004), "< 0.001");
        assert_eq!(p_value(0.0123), "0.012");
        assert_eq!(p_text(0.2), "= 0.200");
        assert_eq!(p_text(0.0001), "< 0.001");
    }

    #[test]
    fn bands_name_their_range() {
        assert_eq!(band_words(Band::Favourable), "Favourable (60\u{2013}75)");
    }
}
