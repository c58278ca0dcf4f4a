//! What people wrote, from the report's comment summaries (so a published report shows
//! them too): the tone of comments per group, how they portray the team (blocker or
//! enabler) per group, and how many comments touch each theme. Groups under the comment
//! threshold are hatched "< k", never drawn by value.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::fmt::{count, pct, signed};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, NEUTRAL, SERIES, VERMILLION};
use super::{column_title, ChartError, ChartOptions, ChartText, DataTable};
use crate::report::{CommentReport, Report};
use crate::text::{CommentSummary, Sentiment, Stance, Theme};

/// Mixed tone (praise and criticism): Okabe–Ito reddish purple.
const MIXED: RGBColor = SERIES[3];

/// A theme as a reader sees it.
pub fn theme_name(t: Theme) -> &'static str {
    match t {
        Theme::SaysNo => "Says no",
        Theme::OffersOptions => "Offers options",
        Theme::Bottleneck => "Speed, waiting",
        Theme::Approachability => "Approachability",
        Theme::Arrogance => "Arrogance, blame",
        Theme::Communication => "Communication",
        Theme::Care => "Care for people",
        Theme::Training => "Training",
        Theme::IncidentResponse => "Incident response",
        Theme::Leadership => "Leadership",
        Theme::Compliance => "Compliance, paperwork",
        Theme::Tooling => "Tools and controls",
    }
}

/// A sentiment label as a reader sees it.
pub fn sentiment_name(s: Sentiment) -> &'static str {
    match s {
        Sentiment::Negative => "Negative",
        Sentiment::Neutral => "Neutral",
        Sentiment::Positive => "Positive",
        Sentiment::Mixed => "Mixed",
    }
}

/// A stance label as a reader sees it.
pub fn stance_name(s: Stance) -> &'static str {
    match s {
        Stance::Blocker => "Blocks work",
        Stance::Enabler => "Enables work",
        Stance::None => "Neither",
    }
}

/// The free-text question the comment charts show: the chosen one, else the first with comments.
pub(crate) fn question<'r>(report: &'r Report, o: &ChartOptions) -> Option<&'r CommentReport> {
    let chosen = o.question.as_deref().and_then(|id| report.comments.iter().find(|q| q.id == id));
    chosen.or_else(|| report.comments.iter().find(|q| q.n.is_some())).or_else(|| report.comments.first())
}

/// The breakdown column of the comment groups: the chosen segment, else the first.
fn column<'r>(q: &'r CommentReport, o: &ChartOptions) -> Option<&'r str> {
    match &o.segment {
        Some(name) => q.segments.get_key_value(name),
        None => q.segments.iter().next(),
    }
    .map(|(k, _)| k.as_str())
}

/// One row of a per-group chart: label, n label, summary (`None` = suppressed).
struct Line<'r> {
    label: String,
    n_label: String,
    summary: Option<&'r CommentSummary>,
}

/// "All comments" first, then the groups, most negative (by `key`) first, suppressed last by name.
fn lines<'r>(q: &'r CommentReport, o: &ChartOptions, key: fn(&CommentSummary) -> f64) -> Vec<Line<'r>> {
    let mut out = vec![Line {
        label: "All comments".into(),
        n_label: q.n.map_or_else(|| format!("< {}", q.min_comments), count),
        summary: q.summary.as_ref().filter(|s| s.n > 0),
    }];
    if let Some(groups) = column(q, o).and_then(|c| q.segments.get(c)) {
        let mut shown: Vec<Line> = groups
            .iter()
            .map(|g| Line {
                label: g.value.clone(),
                n_label: g.n.map_or_else(|| g.n_label.clone(), count),
                summary: g.summary.as_ref().filter(|s| !g.suppressed && s.n > 0),
            })
            .collect();
        crate::sort::sort_by(&mut shown, |a, b| match (a.summary.map(key), b.summary.map(key)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.label.cmp(&b.label),
        });
        out.extend(shown);
    }
    out
}

fn share(part: usize, s: &CommentSummary) -> f64 {
    100.0 * part as f64 / s.n.max(1) as f64
}

/// Positive minus negative, in % of comments.
fn net_tone(s: &CommentSummary) -> f64 {
    share(s.sentiment.positive, s) - share(s.sentiment.negative, s)
}

/// Enabler minus blocker, in % of comments.
fn net_stance(s: &CommentSummary) -> f64 {
    share(s.stance.enabler, s) - share(s.stance.blocker, s)
}

/// One bar row per line: `segments` of its summary with the signed `value` (e.g. net tone),
/// or a hatched row with only the suppression label; the first line is bold.
fn rows(
    lines: &[Line<'_>],
    value: fn(&CommentSummary) -> f64,
    segments: impl Fn(&CommentSummary) -> Vec<(f64, f64, RGBColor)>,
) -> Vec<Row> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (label, strong) = (l.label.clone(), i == 0);
            match l.summary {
                Some(s) => Row {
                    label,
                    strong,
                    segments: segments(s),
                    ci: None,
                    value: signed(value(s)),
                    n: format!("n {}", l.n_label),
                    hidden: false,
                },
                None => Row { label, strong, segments: vec![], ci: None, value: l.n_label.clone(), n: String::new(), hidden: true },
            }
        })
        .collect()
}

/// Data-table rows: group, comment count, then `cells` of its summary (blank when hidden).
fn table_rows(lines: &[Line<'_>], cells: impl Fn(&CommentSummary) -> Vec<String>) -> Vec<Vec<String>> {
    let width = lines.iter().find_map(|l| l.summary).map_or(0, |s| cells(s).len());
    lines
        .iter()
        .map(|l| {
            let values = l.summary.map_or_else(|| vec![String::new(); width], &cells);
            [l.label.clone(), l.n_label.clone()].into_iter().chain(values).collect()
        })
        .collect()
}

fn no_comments(report: &Report) -> &'static str {
    if report.comments.is_empty() {
        "This report has no comment analysis (the survey has no free-text question, or comments were left out)."
    } else {
        "Too few comments to show anything."
    }
}

/// Draws the tone chart: negative left, mixed and neutral centred, positive right.
pub(crate) fn draw_sentiment<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let Some(q) = question(report, o).filter(|q| q.n.is_some()) else { return pen.message(no_comments(report)) };
    let rows = rows(&lines(q, o, net_tone), net_tone, |s| {
        let (neg, mix, neu, pos) =
            (share(s.sentiment.negative, s), share(s.sentiment.mixed, s), share(s.sentiment.neutral, s), share(s.sentiment.positive, s));
        let half = (mix + neu) / 2.0;
        vec![(-half - neg, -half, VERMILLION), (-half, -half + mix, MIXED), (-half + mix, half, NEUTRAL), (half, half + pos, BLUE)]
    });
    let legend = vec![
        ("Negative".to_string(), LegendMark::Fill(VERMILLION)),
        ("Mixed".into(), LegendMark::Fill(MIXED)),
        ("Neutral".into(), LegendMark::Fill(NEUTRAL)),
        ("Positive (right column: % positive − % negative)".into(), LegendMark::Fill(BLUE)),
        (format!("< {}: too few comments", q.min_comments), LegendMark::Hidden),
    ];
    let abs = |v: f64| pct(v.abs());
    bars::draw(pen, &Bars { rows, x: -100.0..100.0, ticks: bars::ticks(-100.0, 100.0, 50.0, abs), zero: 0.0, poles: None, legend })
}

/// Draws the stance chart: share portraying the team as blocking (left) or enabling (right).
pub(crate) fn draw_stance<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let Some(q) = question(report, o).filter(|q| q.n.is_some()) else { return pen.message(no_comments(report)) };
    let lines = lines(q, o, net_stance);
    let widest =
        lines.iter().filter_map(|l| l.summary).map(|s| share(s.stance.blocker, s).max(share(s.stance.enabler, s))).fold(0.0, f64::max);
    let top = [10.0, 20.0, 25.0, 50.0, 100.0].into_iter().find(|&t| t >= widest).unwrap_or(100.0);
    let rows = rows(&lines, net_stance, |s| vec![(-share(s.stance.blocker, s), 0.0, VERMILLION), (0.0, share(s.stance.enabler, s), BLUE)]);
    let legend = vec![
        ("Blocks work".to_string(), LegendMark::Fill(VERMILLION)),
        ("Enables work (right column: % enables − % blocks)".into(), LegendMark::Fill(BLUE)),
        ("Comments that do neither are not drawn".into(), LegendMark::Note),
        (format!("< {}: too few comments", q.min_comments), LegendMark::Hidden),
    ];
    let abs = |v: f64| pct(v.abs());
    bars::draw(
        pen,
        &Bars {
            rows,
            x: -top..top,
            ticks: bars::ticks(-top, top, top / 2.0, abs),
            zero: 0.0,
            poles: Some(("\u{2190} Blocks work".into(), "Enables work \u{2192}".into())),
            legend,
        },
    )
}

/// Draws the theme chart: comments per theme, most frequent first.
pub(crate) fn draw_themes<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let Some((q, s)) = question(report, o).and_then(|q| Some((q, q.summary.as_ref()?))) else { return pen.message(no_comments(report)) };
    if s.themes.is_empty() {
        return pen.message(&format!("None of the {} comments touches one of the themes.", count(s.n)));
    }
    let max = s.themes.iter().map(|t| t.count).max().unwrap_or(1) as f64;
    let top = nice_ceiling(max);
    let rows = s
        .themes
        .iter()
        .map(|t| Row {
            label: theme_name(t.theme).into(),
            strong: false,
            segments: vec![(0.0, t.count as f64, BLUE)],
            ci: None,
            value: count(t.count),
            n: pct(share(t.count, s)),
            hidden: false,
        })
        .collect();
    let fmt = |v: f64| count(v.round() as usize);
    let legend = vec![(format!("Comments per theme; right: % of all {}", count(q.n.unwrap_or(s.n))), LegendMark::Note)];
    bars::draw(pen, &Bars { rows, x: 0.0..top, ticks: bars::ticks(0.0, top, top / 4.0, fmt), zero: 0.0, poles: None, legend })
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `v`.
fn nice_ceiling(v: f64) -> f64 {
    let mag = 10f64.powf(v.max(1.0).log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|&c| c >= v).unwrap_or(10.0 * mag)
}

/// “on ‘What should the security team change?’”, for titles.
fn on(q: Option<&CommentReport>) -> String {
    q.map_or_else(String::new, |q| format!(" \u{2014} \u{201c}{}\u{201d}", if q.text.is_empty() { &q.id } else { &q.text }))
}

fn empty(title: String, report: &Report) -> ChartText {
    ChartText { title, takeaway: no_comments(report).into(), table: empty_table() }
}

fn group_column(q: &CommentReport, o: &ChartOptions) -> String {
    column(q, o).map_or_else(|| "Group".into(), column_title)
}

/// Title, takeaway and table of the tone chart.
pub(crate) fn describe_sentiment(report: &Report, o: &ChartOptions) -> ChartText {
    let q = question(report, o);
    let title = format!("The tone of comments{}", on(q));
    let Some(q) = q.filter(|q| q.n.is_some()) else { return empty(title, report) };
    let lines = lines(q, o, net_tone);
    let all = lines[0].summary.map(|s| (share(s.sentiment.negative, s), share(s.sentiment.positive, s)));
    let shown: Vec<(&Line, f64)> = lines[1..].iter().filter_map(|l| Some((l, net_tone(l.summary?)))).collect();
    let mut takeaway = all.map_or_else(String::new, |(neg, pos)| format!("{} of comments are negative, {} positive.", pct(neg), pct(pos)));
    if let (Some((worst, w)), Some((best, b))) = (shown.first(), shown.last()) {
        if shown.len() >= 2 {
            takeaway.push_str(&format!(
                " Most critical: {} (net {}); warmest: {} (net {}).",
                worst.label,
                signed(*w),
                best.label,
                signed(*b)
            ));
        }
    }
    let rows = table_rows(&lines, |s| {
        vec![
            pct(share(s.sentiment.negative, s)),
            pct(share(s.sentiment.mixed, s)),
            pct(share(s.sentiment.neutral, s)),
            pct(share(s.sentiment.positive, s)),
            signed(net_tone(s)),
        ]
    });
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "Tone of comments per {}; groups with fewer than {} comments are not shown.",
                group_column(q, o).to_lowercase(),
                q.min_comments
            ),
            columns: [
                group_column(q, o).as_str(),
                "Comments",
                "% negative",
                "% mixed",
                "% neutral",
                "% positive",
                "Net (positive − negative)",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        },
    }
}

/// Title, takeaway and table of the stance chart.
pub(crate) fn describe_stance(report: &Report, o: &ChartOptions) -> ChartText {
    let q = question(report, o);
    let title = format!("Do comments describe a team that blocks or enables work?{}", on(q));
    let Some(q) = q.filter(|q| q.n.is_some()) else { return empty(title, report) };
    let lines = lines(q, o, net_stance);
    let mut takeaway = lines[0].summary.map_or_else(String::new, |s| {
        format!(
            "{} of comments describe the team as blocking work, {} as enabling it.",
            pct(share(s.stance.blocker, s)),
            pct(share(s.stance.enabler, s))
        )
    });
    let shown: Vec<&Line> = lines[1..].iter().filter(|l| l.summary.is_some()).collect();
    if let (Some(first), true) = (shown.first(), shown.len() >= 2) {
        takeaway.push_str(&format!(" {} writes most about being blocked.", first.label));
    }
    let rows = table_rows(&lines, |s| {
        vec![pct(share(s.stance.blocker, s)), pct(share(s.stance.enabler, s)), pct(share(s.stance.none, s)), signed(net_stance(s))]
    });
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "How comments portray the security team, per {}; groups with fewer than {} comments are not shown.",
                group_column(q, o).to_lowercase(),
                q.min_comments
            ),
            columns: [group_column(q, o).as_str(), "Comments", "% blocks work", "% enables work", "% neither", "Net (enables − blocks)"]
                .map(String::from)
                .to_vec(),
            rows,
        },
    }
}

/// Title, takeaway and table of the theme chart.
pub(crate) fn describe_themes(report: &Report, o: &ChartOptions) -> ChartText {
    let q = question(report, o);
    let title = format!("What the comments are about{}", on(q));
    let Some((q, s)) = q.and_then(|q| Some((q, q.summary.as_ref()?))) else { return empty(title, report) };
    let takeaway = match s.themes.as_slice() {
        [] => format!("None of the {} comments touches one of the themes.", count(s.n)),
        [t] => format!(
            "Most comments that touch a theme are about {} ({} of {}).",
            theme_name(t.theme).to_lowercase(),
            count(t.count),
            count(s.n)
        ),
        [a, b, ..] => format!(
            "Most talked about: {} ({} of {} comments), then {} ({}).",
            theme_name(a.theme).to_lowercase(),
            count(a.count),
            count(s.n),
            theme_name(b.theme).to_lowercase(),
            count(b.count)
        ),
    };
    let mut rows: Vec<(Theme, usize)> =
        Theme::ALL.iter().map(|&t| (t, s.themes.iter().find(|c| c.theme == t).map_or(0, |c| c.count))).collect();
    crate::sort::sort_by_key(&mut rows, |&(_, n)| std::cmp::Reverse(n));
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: format!(
                "Comments per theme (a comment can touch several themes), of {} comments{}.",
                count(s.n),
                if q.text.is_empty() { String::new() } else { format!(" on \u{201c}{}\u{201d}", q.text) }
            ),
            columns: ["Theme", "Comments", "% of comments"].map(String::from).to_vec(),
            rows: rows.into_iter().map(|(t, n)| vec![theme_name(t).into(), count(n), pct(share(n, s))]).collect(),
        },
    }
}

/// Rows of the per-group comment charts (for the preferred height).
pub(crate) fn group_rows(report: &Report, o: &ChartOptions) -> usize {
    question(report, o).map_or(1, |q| 1 + column(q, o).and_then(|c| q.segments.get(c)).map_or(0, Vec::len))
}

/// Rows of the theme chart.
pub(crate) fn theme_rows(report: &Report, o: &ChartOptions) -> usize {
    question(report, o).and_then(|q| q.summary.as_ref()).map_or(1, |s| s.themes.len().max(1))
}
