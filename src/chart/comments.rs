//! What people wrote, from the report's comment summaries (so a published report shows
//! them too): the tone of comments per group, how they portray the team (blocker or
//! enabler) per group, and how many comments touch each theme. Groups under the comment
//! threshold are hatched "< k", never drawn by value.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, NEUTRAL, SERIES, VERMILLION};
use super::words::{quoted, sentiment_name, stance_name, theme_name, Words};
use super::{column_in_sentence, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{Catalog, Lang};
use crate::report::words::mid_sentence;
use crate::report::{CommentReport, Report};
use crate::text::{CommentSummary, Sentiment, Stance, Theme};

/// Mixed tone (praise and criticism): Okabe–Ito reddish purple.
const MIXED: RGBColor = SERIES[3];

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
        label: Words::AllComments.text(o.lang),
        n_label: q.n.map_or_else(|| format!("< {}", q.min_comments), |n| o.lang.count(n as u64)),
        summary: q.summary.as_ref().filter(|s| s.n > 0),
    }];
    if let Some(groups) = column(q, o).and_then(|c| q.segments.get(c)) {
        let mut shown: Vec<Line> = groups
            .iter()
            .map(|g| Line {
                label: g.value.clone(),
                n_label: g.n.map_or_else(|| g.n_label.clone(), |n| o.lang.count(n as u64)),
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
    lang: Lang,
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
                    value: lang.signed(value(s)),
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

fn no_comments(report: &Report, lang: Lang) -> String {
    if report.comments.is_empty() {
        Words::NoCommentAnalysis.text(lang)
    } else {
        Words::TooFewComments.text(lang)
    }
}

/// Draws the tone chart: negative left, mixed and neutral centred, positive right.
pub(crate) fn draw_sentiment<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    let Some(q) = question(report, o).filter(|q| q.n.is_some()) else { return pen.message(&no_comments(report, l)) };
    let rows = rows(l, &lines(q, o, net_tone), net_tone, |s| {
        let (neg, mix, neu, pos) =
            (share(s.sentiment.negative, s), share(s.sentiment.mixed, s), share(s.sentiment.neutral, s), share(s.sentiment.positive, s));
        let half = (mix + neu) / 2.0;
        vec![(-half - neg, -half, VERMILLION), (-half, -half + mix, MIXED), (-half + mix, half, NEUTRAL), (half, half + pos, BLUE)]
    });
    let legend = tone_legend(q, l);
    let abs = |v: f64| l.pct(v.abs());
    bars::draw(pen, &Bars { rows, x: -100.0..100.0, ticks: bars::ticks(-100.0, 100.0, 50.0, abs), zero: 0.0, poles: None, legend })
}

/// Draws the stance chart: share portraying the team as blocking (left) or enabling (right).
pub(crate) fn draw_stance<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    let Some(q) = question(report, o).filter(|q| q.n.is_some()) else { return pen.message(&no_comments(report, l)) };
    let lines = lines(q, o, net_stance);
    let widest =
        lines.iter().filter_map(|l| l.summary).map(|s| share(s.stance.blocker, s).max(share(s.stance.enabler, s))).fold(0.0, f64::max);
    // Each a whole number of percent at half of it, where the middle ticks stand.
    let top = [10.0, 20.0, 30.0, 40.0, 50.0, 100.0].into_iter().find(|&t| t >= widest).unwrap_or(100.0);
    let rows =
        rows(l, &lines, net_stance, |s| vec![(-share(s.stance.blocker, s), 0.0, VERMILLION), (0.0, share(s.stance.enabler, s), BLUE)]);
    let (blocks, enables) = (stance_name(Stance::Blocker, l), stance_name(Stance::Enabler, l));
    let legend = stance_legend(q, l);
    let abs = |v: f64| l.pct(v.abs());
    bars::draw(
        pen,
        &Bars {
            rows,
            x: -top..top,
            ticks: bars::ticks(-top, top, top / 2.0, abs),
            zero: 0.0,
            poles: Some((format!("\u{2190} {blocks}"), format!("{enables} \u{2192}"))),
            legend,
        },
    )
}

/// Draws the theme chart: comments per theme, most frequent first.
pub(crate) fn draw_themes<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    let count = |n: usize| l.count(n as u64);
    let Some((q, s)) = question(report, o).and_then(|q| Some((q, q.summary.as_ref()?))) else {
        return pen.message(&no_comments(report, l));
    };
    if s.themes.is_empty() {
        return pen.message(&Words::NoThemeTouched.fill(l, &[("n", &count(s.n))]));
    }
    let max = s.themes.iter().map(|t| t.count).max().unwrap_or(1) as f64;
    let (top, step) = count_axis(max);
    let rows = s
        .themes
        .iter()
        .map(|t| Row {
            label: theme_name(t.theme, l),
            strong: false,
            segments: vec![(0.0, t.count as f64, BLUE)],
            ci: None,
            value: count(t.count),
            n: l.pct(share(t.count, s)),
            hidden: false,
        })
        .collect();
    let fmt = |v: f64| count(v.round() as usize);
    let legend = vec![(Words::ThemesLegend.fill(l, &[("n", &count(q.n.unwrap_or(s.n)))]), LegendMark::Note)];
    bars::draw(pen, &Bars { rows, x: 0.0..top, ticks: bars::ticks(0.0, top, step, fmt), zero: 0.0, poles: None, legend })
}

/// The end and the tick step of an axis of counts up to `max`: the step the smallest of 1, 2,
/// 5 × 10^k (at least 1, so every tick is a whole count) that reaches `max` in at most 4 steps,
/// the end the first tick at or past `max`.
fn count_axis(max: f64) -> (f64, f64) {
    let quarter = (max / 4.0).max(1.0);
    let mag = 10f64.powf(quarter.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|&c| c >= quarter).unwrap_or(10.0 * mag);
    (step * (max / step).ceil().max(1.0), step)
}

/// The tone chart's legend.
fn tone_legend(q: &CommentReport, lang: Lang) -> Vec<(String, LegendMark)> {
    vec![
        (sentiment_name(Sentiment::Negative, lang), LegendMark::Fill(VERMILLION)),
        (sentiment_name(Sentiment::Mixed, lang), LegendMark::Fill(MIXED)),
        (sentiment_name(Sentiment::Neutral, lang), LegendMark::Fill(NEUTRAL)),
        (Words::PositiveLegend.text(lang), LegendMark::Fill(BLUE)),
        (too_few(q, lang), LegendMark::Hidden),
    ]
}

/// The stance chart's legend.
fn stance_legend(q: &CommentReport, lang: Lang) -> Vec<(String, LegendMark)> {
    vec![
        (stance_name(Stance::Blocker, lang), LegendMark::Fill(VERMILLION)),
        (Words::EnablesLegend.text(lang), LegendMark::Fill(BLUE)),
        (Words::NeitherNotDrawn.text(lang), LegendMark::Note),
        (too_few(q, lang), LegendMark::Hidden),
    ]
}

/// Extra height (CSS px) the tone (`stance` false) or stance chart's legend needs on a phone.
pub(crate) fn legend_extra(report: &Report, o: &ChartOptions, stance: bool) -> u32 {
    let Some(q) = question(report, o).filter(|q| q.n.is_some()) else { return 0 };
    let legend = if stance { stance_legend(q, o.lang) } else { tone_legend(q, o.lang) };
    bars::legend_extra(&legend, o.width)
}

/// The legend entry of hidden groups: "< 10: too few comments".
fn too_few(q: &CommentReport, lang: Lang) -> String {
    Words::TooFewCommentsKey.fill(lang, &[("hidden", &format!("< {}", q.min_comments))])
}

/// `title` “— on ‘What should the security team change?’”, for titles.
fn on(title: Words, q: Option<&CommentReport>, lang: Lang) -> String {
    let title = title.text(lang);
    q.map_or_else(|| title.clone(), |q| format!("{title} \u{2014} {}", quoted(if q.text.is_empty() { &q.id } else { &q.text }, lang)))
}

fn empty(title: String, report: &Report, lang: Lang) -> ChartText {
    ChartText { title, takeaway: no_comments(report, lang), table: empty_table() }
}

fn group_column(report: &Report, q: &CommentReport, o: &ChartOptions) -> String {
    column(q, o).map_or_else(|| Words::Group.text(o.lang), |c| report.column_name(c))
}

/// The group column inside a sentence.
fn group_in_sentence(report: &Report, q: &CommentReport, o: &ChartOptions) -> String {
    column(q, o).map_or_else(|| mid_sentence(o.lang, &Words::Group.text(o.lang)), |c| column_in_sentence(report, c, o.lang))
}

/// Title, takeaway and table of the tone chart.
pub(crate) fn describe_sentiment(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let (pct, signed) = (|v| l.pct(v), |v| l.signed(v));
    let q = question(report, o);
    let title = on(Words::ToneTitle, q, l);
    let Some(q) = q.filter(|q| q.n.is_some()) else { return empty(title, report, l) };
    let lines = lines(q, o, net_tone);
    let all = lines[0].summary.map(|s| (share(s.sentiment.negative, s), share(s.sentiment.positive, s)));
    let shown: Vec<(&Line, f64)> = lines[1..].iter().filter_map(|l| Some((l, net_tone(l.summary?)))).collect();
    let mut takeaway =
        all.map_or_else(String::new, |(neg, pos)| Words::ToneShares.fill(l, &[("negative", &pct(neg)), ("positive", &pct(pos))]));
    if let (Some((worst, w)), Some((best, b))) = (shown.first(), shown.last()) {
        if shown.len() >= 2 {
            takeaway.push(' ');
            takeaway.push_str(
                &Words::ToneExtremes
                    .fill(l, &[("worst", &worst.label), ("worst_net", &signed(*w)), ("best", &best.label), ("best_net", &signed(*b))]),
            );
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
    let mut columns = vec![group_column(report, q, o)];
    columns.extend(
        [
            Words::CommentsColumn,
            Words::NegativeColumn,
            Words::MixedColumn,
            Words::NeutralToneColumn,
            Words::PositiveColumn,
            Words::NetToneColumn,
        ]
        .map(|w| w.text(l)),
    );
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::ToneCaption.fill(l, &[("column", &group_in_sentence(report, q, o)), ("k", &q.min_comments)]),
            columns,
            rows,
        },
    }
}

/// Title, takeaway and table of the stance chart.
pub(crate) fn describe_stance(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let (pct, signed) = (|v| l.pct(v), |v| l.signed(v));
    let q = question(report, o);
    let title = on(Words::StanceTitle, q, l);
    let Some(q) = q.filter(|q| q.n.is_some()) else { return empty(title, report, l) };
    let lines = lines(q, o, net_stance);
    let mut takeaway = lines[0].summary.map_or_else(String::new, |s| {
        Words::StanceShares.fill(l, &[("blocking", &pct(share(s.stance.blocker, s))), ("enabling", &pct(share(s.stance.enabler, s)))])
    });
    let shown: Vec<&Line> = lines[1..].iter().filter(|l| l.summary.is_some()).collect();
    if let (Some(first), true) = (shown.first(), shown.len() >= 2) {
        takeaway.push(' ');
        takeaway.push_str(&Words::MostBlocked.fill(l, &[("group", &first.label)]));
    }
    let rows = table_rows(&lines, |s| {
        vec![pct(share(s.stance.blocker, s)), pct(share(s.stance.enabler, s)), pct(share(s.stance.none, s)), signed(net_stance(s))]
    });
    let mut columns = vec![group_column(report, q, o)];
    columns.extend(
        [Words::CommentsColumn, Words::BlocksColumn, Words::EnablesColumn, Words::NeitherColumn, Words::NetStanceColumn].map(|w| w.text(l)),
    );
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: Words::StanceCaption.fill(l, &[("column", &group_in_sentence(report, q, o)), ("k", &q.min_comments)]),
            columns,
            rows,
        },
    }
}

/// Title, takeaway and table of the theme chart.
pub(crate) fn describe_themes(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let count = |n: usize| l.count(n as u64);
    let q = question(report, o);
    let title = on(Words::ThemesTitle, q, l);
    let Some((q, s)) = q.and_then(|q| Some((q, q.summary.as_ref()?))) else { return empty(title, report, l) };
    let name = |t: Theme| mid_sentence(l, &theme_name(t, l));
    let takeaway = match s.themes.as_slice() {
        [] => Words::NoThemeTouched.fill(l, &[("n", &count(s.n))]),
        [t] => Words::OneTheme.fill(l, &[("theme", &name(t.theme)), ("count", &count(t.count)), ("n", &count(s.n))]),
        [a, b, ..] => Words::TwoThemes.fill(
            l,
            &[
                ("first", &name(a.theme)),
                ("first_count", &count(a.count)),
                ("n", &count(s.n)),
                ("second", &name(b.theme)),
                ("second_count", &count(b.count)),
            ],
        ),
    };
    let mut rows: Vec<(Theme, usize)> =
        Theme::ALL.iter().map(|&t| (t, s.themes.iter().find(|c| c.theme == t).map_or(0, |c| c.count))).collect();
    crate::sort::sort_by_key(&mut rows, |&(_, n)| std::cmp::Reverse(n));
    let caption = match q.text.is_empty() {
        true => Words::ThemesCaption.fill(l, &[("n", &count(s.n))]),
        false => Words::ThemesCaptionOn.fill(l, &[("n", &count(s.n)), ("question", &quoted(&q.text, l))]),
    };
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption,
            columns: [Words::ThemeColumn, Words::CommentsColumn, Words::ShareOfCommentsColumn].map(|w| w.text(l)).to_vec(),
            rows: rows.into_iter().map(|(t, n)| vec![theme_name(t, l), count(n), l.pct(share(n, s))]).collect(),
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

#[cfg(test)]
mod tests {
    use super::count_axis;

    #[test]
    fn a_count_axis_ticks_whole_counts_and_reaches_the_largest() {
        for (max, axis) in
            [(1.0, (1.0, 1.0)), (7.0, (8.0, 2.0)), (25.0, (30.0, 10.0)), (1021.0, (1500.0, 500.0)), (2100.0, (3000.0, 1000.0))]
        {
            assert_eq!(count_axis(max), axis, "max {max}");
        }
        for max in 1..=3000 {
            let (top, step) = count_axis(f64::from(max));
            assert!(top >= f64::from(max) && top - step < f64::from(max), "max {max}: {top} is the first tick at or past it");
            assert!(step.fract() == 0.0 && top / step <= 4.0, "max {max}: {top} by {step}");
        }
    }
}
