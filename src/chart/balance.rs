//! The headline chart: "Says no ↔ offers options" — the enabler–blocker balance
//! (−100 … +100) of everyone and of each group of the chosen breakdown.

use plotters::prelude::*;

use super::bars::{self, Bars, Row};
use super::layout::Pen;
use super::palette::{BLUE, VERMILLION};
use super::words::{quoted, Words};
use super::{breakdown, column_in_sentence, ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::{Catalog, Lang};
use crate::report::{Balance, Report};

/// A group's balance with its label: `None` balance = suppressed.
struct Line<'r> {
    label: String,
    n_label: String,
    balance: Option<&'r Balance>,
}

fn lines<'r>(report: &'r Report, o: &ChartOptions) -> Option<(&'r Balance, Vec<Line<'r>>)> {
    let all = report.balance.as_ref()?;
    let mut out = vec![Line {
        label: Words::AllRespondents.text(o.lang),
        n_label: report.respondents.map_or_else(|| format!("< {}", report.min_group), |n| o.lang.count(n as u64)),
        balance: all.score.is_some().then_some(all),
    }];
    if let Some((_, groups)) = breakdown(report, o) {
        let mut shown: Vec<Line> = groups
            .iter()
            .map(|g| Line {
                label: g.value.clone(),
                n_label: g.n.map_or_else(|| g.n_label.clone(), |n| o.lang.count(n as u64)),
                balance: g.balance.as_ref().filter(|b| !g.suppressed && b.score.is_some()),
            })
            .collect();
        // Most "says no" first; suppressed groups last, in name order (their order must not depend on data).
        crate::sort::sort_by(&mut shown, |a, b| match (a.balance.and_then(|x| x.score), b.balance.and_then(|x| x.score)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.label.cmp(&b.label),
        });
        out.extend(shown);
    }
    Some((all, out))
}

fn bars(report: &Report, o: &ChartOptions) -> Option<Bars> {
    let (all, lines) = lines(report, o)?;
    let signed = |v| o.lang.signed(v);
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match l.balance.and_then(|b| Some((b.score?, b.ci95))) {
            Some((score, ci)) => Row {
                label: l.label.clone(),
                strong: i == 0,
                segments: vec![(0.0, score, if score < 0.0 { VERMILLION } else { BLUE })],
                ci,
                value: signed(score),
                n: format!("n {}", l.n_label),
                hidden: false,
            },
            None => Row::hidden(l.label.clone(), i == 0, hidden.clone()),
        })
        .collect();
    Some(Bars {
        rows,
        x: -100.0..100.0,
        ticks: bars::ticks(-100.0, 100.0, 50.0, signed),
        zero: 0.0,
        poles: Some((format!("\u{2190} {}", all.left), format!("{} \u{2192}", all.right))),
        legend: vec![],
    })
}

/// Draws the balance chart.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    match bars(report, o) {
        Some(b) => bars::draw(pen, &b),
        None => pen.message(&Words::NoBalanceQuestion.text(o.lang)),
    }
}

/// Title, takeaway and table of the balance chart.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let signed = |v| l.signed(v);
    let title = Words::BalanceTitle.text(l);
    let Some((all, lines)) = lines(report, o) else {
        return ChartText { title, takeaway: Words::NoBalance.text(l), table: empty_table() };
    };
    let by = breakdown(report, o).map(|(c, _)| column_in_sentence(report, c, l));
    let scored: Vec<(&str, f64)> = lines[1..].iter().filter_map(|l| Some((l.label.as_str(), l.balance?.score?))).collect();
    let (no, yes) = (short(&all.left, l), short(&all.right, l));
    let extremes = |message: Words, lo: &(&str, f64), hi: &(&str, f64)| {
        message.fill(
            l,
            &[
                ("low", &lo.0),
                ("low_score", &signed(lo.1)),
                ("high", &hi.0),
                ("high_score", &signed(hi.1)),
                ("yes", &quoted(&yes, l)),
                ("no", &quoted(&no, l)),
            ],
        )
    };
    let takeaway = match (all.score, scored.first(), scored.last()) {
        (_, Some(lo), Some(hi)) if scored.len() >= 2 && lo.1 < 0.0 && hi.1 > 0.0 => extremes(Words::BalanceSplit, lo, hi),
        (_, Some(lo), Some(hi)) if scored.len() >= 2 && lo.1 >= 0.0 => extremes(Words::AllLeanYes, lo, hi),
        (_, Some(lo), Some(hi)) if scored.len() >= 2 => extremes(Words::AllLeanNo, lo, hi),
        (Some(s), _, _) => Words::BalanceOverall.fill(l, &[("score", &signed(s)), ("left", &all.left), ("right", &all.right)]),
        _ => Words::FewerAnswered.fill(l, &[("k", &report.min_group)]),
    };
    let hidden = format!("< {}", report.min_group);
    let rows = lines
        .iter()
        .map(|line| match line.balance.and_then(|b| Some((b, b.score?))) {
            Some((b, s)) => vec![
                line.label.clone(),
                line.n_label.clone(),
                signed(s),
                b.ci95.map_or(String::new(), |c| l.interval(c, true)),
                b.left_share.map_or(String::new(), |v| l.pct(v)),
                b.right_share.map_or(String::new(), |v| l.pct(v)),
            ],
            None => vec![line.label.clone(), hidden.clone(), hidden.clone(), String::new(), String::new(), String::new()],
        })
        .collect();
    ChartText {
        title,
        takeaway,
        table: DataTable {
            caption: match by {
                Some(column) => Words::BalanceCaptionBy
                    .fill(l, &[("left", &all.left), ("right", &all.right), ("column", &column), ("k", &report.min_group)]),
                None => Words::BalanceCaption.fill(l, &[("left", &all.left), ("right", &all.right), ("k", &report.min_group)]),
            },
            columns: vec![
                Words::Group.text(l),
                Words::People.text(l),
                Words::BalanceColumn.text(l),
                Words::Ci95.text(l),
                format!("% {no}"),
                format!("% {yes}"),
            ],
            rows,
        },
    }
}

/// A pole without its "always": "Always says no" → "says no", "Sagt immer Nein" → "Sagt Nein".
fn short(pole: &str, lang: Lang) -> String {
    let always = match lang {
        Lang::En => return pole.strip_prefix("Always ").unwrap_or(pole).to_string(),
        Lang::De => "immer",
        Lang::Fr => "toujours",
        Lang::Es => "siempre",
    };
    let words: Vec<&str> = pole.split_whitespace().collect();
    match words.iter().position(|w| w.to_lowercase() == always) {
        Some(i) if words.len() > 1 => [&words[..i], &words[i + 1..]].concat().join(" "),
        _ => pole.to_string(),
    }
}

pub(crate) fn empty_table() -> DataTable {
    DataTable { caption: String::new(), columns: vec![], rows: vec![] }
}
