//! Multi-choice ("choose all that apply") questions: for each, the share of the respondents
//! who answered it that chose each option, "none of these" last. Shares add up to more than
//! 100%; a question fewer than k people answered is one "< k" row.

use plotters::prelude::*;

use super::balance::empty_table;
use super::bars::{self, Bars, Row};
use super::layout::{LegendMark, Pen};
use super::palette::{BLUE, NEUTRAL};
use super::words::{quoted, Words};
use super::{ChartError, ChartOptions, ChartText, DataTable};
use crate::lang::Catalog;
use crate::report::{Report, Selection};

/// The question's wording, or its id.
fn wording(s: &Selection) -> &str {
    if s.text.is_empty() {
        &s.id
    } else {
        &s.text
    }
}

/// Number of bar rows: one per question, plus one per option of a shown question.
pub(crate) fn rows(report: &Report) -> usize {
    report.selections.iter().map(|s| 1 + s.options.len()).sum()
}

/// Draws every multi-choice question as one block of bars.
pub(crate) fn draw<DB: DrawingBackend>(pen: &Pen<'_, DB>, report: &Report, o: &ChartOptions) -> Result<(), ChartError> {
    let l = o.lang;
    if report.selections.is_empty() {
        return pen.message(&Words::NoSelections.text(l));
    }
    let mut rows = Vec::new();
    for s in &report.selections {
        let Some(n) = s.n else {
            rows.push(Row::hidden(wording(s).to_string(), true, format!("< {}", report.min_group)));
            continue;
        };
        rows.push(Row {
            label: wording(s).to_string(),
            strong: true,
            segments: vec![],
            ci: None,
            value: String::new(),
            n: format!("n {}", l.count(n as u64)),
            hidden: false,
        });
        rows.extend(s.options.iter().map(|o| Row {
            label: o.option.clone(),
            strong: false,
            segments: vec![(0.0, o.share, if o.none { NEUTRAL } else { BLUE })],
            ci: None,
            value: l.pct(o.share),
            n: String::new(),
            hidden: false,
        }));
    }
    let legend = vec![(Words::OfThoseWhoAnswered.text(l), LegendMark::Note)];
    bars::draw(pen, &Bars { rows, x: 0.0..100.0, ticks: bars::ticks(0.0, 100.0, 25.0, |v| l.pct(v)), zero: 0.0, poles: None, legend })
}

/// Title, takeaway and data table.
pub(crate) fn describe(report: &Report, o: &ChartOptions) -> ChartText {
    let l = o.lang;
    let title = match report.selections.as_slice() {
        [one] => format!("{} \u{2014} {}", Words::SelectionsTitle.text(l), quoted(wording(one), l)),
        _ => Words::SelectionsTitle.text(l),
    };
    let Some(first) = report.selections.iter().find(|s| s.n.is_some()) else {
        let takeaway = if report.selections.is_empty() {
            Words::NoSelections.text(l)
        } else {
            Words::FewerNoShares.fill(l, &[("k", &report.min_group)])
        };
        return ChartText { title, takeaway, table: empty_table() };
    };
    let top = first.options.iter().filter(|o| !o.none).max_by(|a, b| a.share.total_cmp(&b.share));
    let none = first.options.iter().find(|o| o.none);
    let mut takeaway = match top {
        Some(o) => Words::MostChosen.fill(l, &[("option", &quoted(&o.option, l)), ("share", &l.pct(o.share))]),
        None => String::new(),
    };
    if let Some(o) = none {
        takeaway.push(' ');
        takeaway.push_str(&Words::ChoseNone.fill(l, &[("share", &l.pct(o.share)), ("option", &quoted(&o.option, l))]));
    }
    let mut table_rows = Vec::new();
    for s in &report.selections {
        let n = s.n.map_or_else(|| format!("< {}", report.min_group), |n| l.count(n as u64));
        table_rows.push(vec![wording(s).to_string(), String::new(), n]);
        table_rows.extend(s.options.iter().map(|o| vec![o.option.clone(), l.pct(o.share), String::new()]));
    }
    let table = DataTable {
        caption: Words::SelectionsCaption.text(l),
        columns: [Words::QuestionOptionColumn, Words::ChosenByColumn, Words::AnsweredColumn].map(|w| w.text(l)).to_vec(),
        rows: table_rows,
    };
    ChartText { title, takeaway: takeaway.trim().to_string(), table }
}
