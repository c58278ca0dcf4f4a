//! The plan as plain text (terminal), a Markdown checklist and a CSV checklist, in the
//! plan's language (the CSV's column names stay as they are: they are for programs).

use std::fmt::Write;

use super::words::Words;
use super::{Action, Plan};
use crate::lang::Catalog;

/// ", now 46% favourable" or "".
fn now(plan: &Plan, a: &Action) -> String {
    let lang = plan.lang;
    a.next_wave.favourable_now.map_or(String::new(), |f| format!(", {}", Words::Now.fill(lang, &[("share", &lang.pct(f))])))
}

/// "Customer focus, effort low, 5 points".
fn meta(plan: &Plan, a: &Action) -> String {
    let lang = plan.lang;
    Words::Meta.fill(lang, &[("area", &a.area_name), ("effort", &a.effort.name(lang)), ("points", &a.points)])
}

/// The plan for the terminal: each practice with its first step, target and triggers.
pub fn text(plan: &Plan) -> String {
    let lang = plan.lang;
    let mut out = String::new();
    let w = &mut out;
    if plan.actions.is_empty() {
        let _ = writeln!(w, "{}", Words::NothingTriggered.fill(lang, &[("library", &plan.library)]));
        return out;
    }
    let triggered = plan.actions.len() + plan.more.len();
    let header = match (plan.actions.len(), triggered) {
        (1, 1) => Words::TextHeaderOnlyOne,
        (shown, all) if shown == all => Words::TextHeaderAll,
        (1, _) => Words::TextHeaderFirst,
        _ => Words::TextHeader,
    };
    let header = header.fill(lang, &[("shown", &plan.actions.len()), ("triggered", &triggered), ("library", &plan.library)]);
    let _ = writeln!(w, "{header}");
    for a in &plan.actions {
        let _ = writeln!(w, "\n{}. {}  [{}]", a.rank, a.title, meta(plan, a));
        let _ = writeln!(w, "   {} {}", Words::Why.text(lang), a.why);
        let _ = writeln!(w, "   {} {}", Words::ThisMonth.text(lang), a.first_step);
        let _ = writeln!(w, "   {} {} [{}{}]", Words::ByNextWave.text(lang), a.next_wave.expect, a.next_wave.item, now(plan, a));
        for t in &a.triggers {
            let _ = writeln!(w, "   + {} (+{})", t.detail, t.points);
        }
    }
    if !plan.more.is_empty() {
        let _ = writeln!(w, "\n{}", Words::AlsoTriggered.fill(lang, &[("list", &plan.more.join(", "))]));
    }
    if !plan.not_triggered.is_empty() {
        let _ = writeln!(w, "\n{}", Words::NotTriggered.fill(lang, &[("list", &plan.not_triggered.join(", "))]));
    }
    out
}

/// The plan as a Markdown checklist.
pub fn markdown(plan: &Plan) -> String {
    let lang = plan.lang;
    let mut out = format!("# {}\n\n{}\n", Words::Title.text(lang), Words::Ranked.fill(lang, &[("library", &plan.library)]));
    for a in &plan.actions {
        let _ = write!(
            out,
            "\n## {}. {}\n\n*{}*\n\n{}\n\n- [ ] **{}** {}\n- [ ] **{}** {} (`{}`{})\n\n{}\n\n",
            a.rank,
            escape(&a.title),
            meta(plan, a),
            escape(&a.why),
            Words::ThisMonth.text(lang),
            escape(&a.first_step),
            Words::ByNextWave.text(lang),
            escape(&a.next_wave.expect),
            a.next_wave.item,
            now(plan, a),
            Words::WhyHere.text(lang)
        );
        for t in &a.triggers {
            let _ = writeln!(out, "- {}", escape(&t.detail));
        }
    }
    out
}

/// Backslash-escapes the characters Markdown would read as markup or HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A spreadsheet cell: text that a spreadsheet would run as a formula gets a leading `'`.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The plan as a CSV checklist: one row per practice.
pub fn csv(plan: &Plan) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header =
        ["done", "rank", "id", "area", "title", "effort", "points", "first_step", "next_wave_item", "favourable_now", "expect", "triggers"];
    let _ = w.write_record(header);
    for a in &plan.actions {
        let triggers: Vec<&str> = a.triggers.iter().map(|t| t.detail.as_str()).collect();
        let record = [
            String::new(),
            a.rank.to_string(),
            a.id.clone(),
            a.area.clone(),
            cell(&a.title),
            a.effort.name(plan.lang),
            a.points.to_string(),
            cell(&a.first_step),
            a.next_wave.item.clone(),
            a.next_wave.favourable_now.map_or(String::new(), |f| format!("{f:.0}")),
            cell(&a.next_wave.expect),
            cell(&triggers.join("; ")),
        ];
        let _ = w.write_record(&record);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
