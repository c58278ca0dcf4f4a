//! The plan as plain text (terminal), a Markdown checklist and a CSV checklist.

use std::fmt::Write;

use super::{Action, Plan};

/// ", now 46% favourable" or "".
fn now(a: &Action) -> String {
    a.next_wave.favourable_now.map_or(String::new(), |f| format!(", now {f:.0}% favourable"))
}

/// The plan for the terminal: each practice with its first step, target and triggers.
pub fn text(plan: &Plan) -> String {
    let mut out = String::new();
    let w = &mut out;
    if plan.actions.is_empty() {
        let _ = writeln!(w, "Nothing in the released results triggers a practice of {}.", plan.library);
        return out;
    }
    let triggered = plan.actions.len() + plan.more.len();
    let _ = writeln!(w, "Action plan: the first {} of {triggered} practices triggered (library {})", plan.actions.len(), plan.library);
    for a in &plan.actions {
        let _ = writeln!(w, "\n{}. {}  [{}, effort {}, {} points]", a.rank, a.title, a.area, a.effort.label(), a.points);
        let _ = writeln!(w, "   Why: {}", a.why);
        let _ = writeln!(w, "   This month: {}", a.first_step);
        let _ = writeln!(w, "   By next wave: {} [{}{}]", a.next_wave.expect, a.next_wave.item, now(a));
        for t in &a.triggers {
            let _ = writeln!(w, "   + {} (+{})", t.detail, t.points);
        }
    }
    if !plan.more.is_empty() {
        let _ = writeln!(w, "\nAlso triggered (lower ranks; --top 0 shows all): {}", plan.more.join(", "));
    }
    if !plan.not_triggered.is_empty() {
        let _ = writeln!(w, "\nNot triggered: {}", plan.not_triggered.join(", "));
    }
    out
}

/// The plan as a Markdown checklist.
pub fn markdown(plan: &Plan) -> String {
    let mut out = format!("# Action plan\n\nLibrary: {}. Ranked from the priority matrix, weak items and comment themes.\n", plan.library);
    for a in &plan.actions {
        let _ = write!(
            out,
            "\n## {}. {}\n\n*{}, effort {}, {} points*\n\n{}\n\n- [ ] **This month:** {}\n- [ ] **By next wave:** {} (`{}`{})\n\nWhy it is here:\n\n",
            a.rank,
            escape(&a.title),
            a.area,
            a.effort.label(),
            a.points,
            escape(&a.why),
            escape(&a.first_step),
            escape(&a.next_wave.expect),
            a.next_wave.item,
            now(a)
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
            a.effort.label().to_string(),
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
