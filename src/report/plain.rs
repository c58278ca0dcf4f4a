//! A readable plain-text rendering of a [`Report`], for the terminal.

use std::fmt::Write;

use super::{CommentReport, Report, Score, SegmentGroup, SensitiveEstimate, SensitiveReport};
use crate::fmt::count;
use crate::text::CommentSummary;

/// Formats an optional number with `digits` decimals, or "–" when hidden.
fn num(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{v:.digits$}"))
}

/// Formats a signed number (e.g. "+4.2"), or "–".
fn signed(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{v:+.1}"))
}

/// Formats a percentage without decimals, or "–".
fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{v:.0}%"))
}

/// Shortens `s` to at most `max` characters, ending with "…" when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    s.chars().take(max - 1).chain(std::iter::once('…')).collect()
}

fn ci(v: Option<[f64; 2]>) -> String {
    v.map_or_else(|| "–".to_string(), |[lo, hi]| format!("{lo:.1}–{hi:.1}"))
}

fn score_cells(s: &Score) -> String {
    format!("{:>6}  {:>11}  {:<12}", num(s.score, 1), ci(s.ci95), s.band.map_or("–", |b| b.label()))
}

fn group_row(out: &mut String, report: &Report, g: &SegmentGroup) {
    let name = clip(&g.value, 24);
    let Some(overall) = &g.overall else {
        let _ = writeln!(out, "  {name:<24} {:>8}  suppressed (fewer than {} people)", g.n_label, report.min_group);
        return;
    };
    let delta = overall.vs_rest.map_or_else(|| "–".to_string(), |d| format!("{:+.1}{}", d.delta, if d.p < 0.05 { "*" } else { "" }));
    let dims = g.dimensions.iter().flatten().map(|d| format!(" {:>6}", num(d.score.score, 0))).collect::<String>();
    let balance = g.balance.as_ref().map_or_else(|| "–".to_string(), |b| signed(b.score));
    let _ = writeln!(out, "  {name:<24} {:>8}  {:>6} {delta:>8} {balance:>8} {dims}", g.n_label, num(overall.score.score, 1));
}

/// One line of comment label shares: tone, stance and the top themes.
fn comment_line(s: &CommentSummary, themes: usize) -> String {
    let p = |c: usize| pct(Some(c as f64 / s.n.max(1) as f64 * 100.0));
    let top: Vec<String> = s.themes.iter().take(themes).map(|t| format!("{} {}", t.theme.as_str(), t.count)).collect();
    format!(
        "positive {} · mixed {} · neutral {} · negative {} | enabler {} · blocker {} | {}",
        p(s.sentiment.positive),
        p(s.sentiment.mixed),
        p(s.sentiment.neutral),
        p(s.sentiment.negative),
        p(s.stance.enabler),
        p(s.stance.blocker),
        top.join(", ")
    )
}

fn sensitive(w: &mut String, s: &SensitiveReport) {
    let line = |e: &SensitiveEstimate| match (e.share, e.ci95, e.n) {
        (Some(share), Some([lo, hi]), Some(n)) => format!(
            "estimated {share:.0}% (95% CI {lo:.0}–{hi:.0}%, {:.1}× wider than asking directly), n = {}",
            e.width_vs_direct.unwrap_or(1.0),
            count(n)
        ),
        _ => "not shown (too few answers)".to_string(),
    };
    let _ = writeln!(w, "\nSensitive question, randomized response: \"{}\"\n  all respondents: {}", s.text, line(&s.all));
    for (column, groups) in &s.segments {
        for g in groups {
            let _ = writeln!(w, "  {column} = {:<24} {}", clip(&g.value, 24), line(&g.estimate));
        }
    }
}

fn comments(w: &mut String, c: &CommentReport) {
    let Some(summary) = &c.summary else {
        let _ = writeln!(w, "\nComments \"{}\": fewer than {} comments, not shown.", c.text, c.min_comments);
        return;
    };
    let _ = writeln!(w, "\nComments \"{}\" ({} comments)\n  {}", c.text, count(summary.n), comment_line(summary, 5));
    for (column, groups) in &c.segments {
        let _ = writeln!(w, "  by {column}:");
        for g in groups {
            match &g.summary {
                Some(s) => {
                    let _ = writeln!(w, "    {:<22} {:>6}  {}", clip(&g.value, 22), g.n_label, comment_line(s, 2));
                }
                None => {
                    let _ = writeln!(w, "    {:<22} {:>6}  suppressed", clip(&g.value, 22), g.n_label);
                }
            }
        }
    }
}

/// Renders the report as aligned text tables: overall, NPS and balance, dimensions,
/// items, rankings, each breakdown and the waves.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{} ({} v{})", report.instrument.title, report.instrument.id, report.instrument.version);
    let Some(respondents) = report.respondents else {
        let _ = writeln!(w, "Fewer than {} respondents: nothing can be shown without risking anonymity.", report.min_group);
        return out;
    };
    let _ = writeln!(w, "Respondents: {}   minimum group size: {}\n", count(respondents), report.min_group);
    let _ = writeln!(w, "{:<28} {:>6}  {:>11}  {:<12}", "", "Score", "95% CI", "Band");
    let _ = writeln!(w, "{:<28} {}", "Overall (0–100)", score_cells(&report.overall));
    if let Some(nps) = &report.nps {
        let _ = writeln!(
            w,
            "{:<28} {:>6}  {:>11}  promoters {} · passives {} · detractors {}",
            "Security NPS (−100…100)",
            signed(nps.score),
            ci(nps.ci95),
            pct(nps.promoters),
            pct(nps.passives),
            pct(nps.detractors)
        );
    }
    if let Some(b) = &report.balance {
        let _ = writeln!(
            w,
            "{:<28} {:>6}  {:>11}  {} {} · middle {} · {} {}",
            "Says no ↔ offers options",
            signed(b.score),
            ci(b.ci95),
            b.left.to_lowercase(),
            pct(b.left_share),
            pct(b.middle_share),
            b.right.to_lowercase(),
            pct(b.right_share)
        );
    }

    let _ = writeln!(
        w,
        "\n{:<28} {:>6}  {:>11}  {:<12} {:>5} {:>5} {:>5} {:>6}",
        "Dimension", "Score", "95% CI", "Band", "Fav", "Neu", "Unf", "alpha"
    );
    for (d, named) in report.dimensions.iter().zip(&report.dimension_names) {
        let flag = if d.low_reliability { " (low: items may not measure one thing)" } else { "" };
        let _ = writeln!(
            w,
            "{:<28} {} {:>5} {:>5} {:>5} {:>6}{flag}",
            named.name,
            score_cells(&d.score),
            pct(d.favourable),
            pct(d.neutral),
            pct(d.unfavourable),
            num(d.alpha, 2)
        );
    }

    let _ =
        writeln!(w, "\n{:<6} {:<14} {:>6} {:>5} {:>5} {:>5} {:>6}  Statement", "Item", "Dimension", "Mean", "Fav", "Neu", "Unf", "r(it)");
    for it in &report.items {
        let text = clip(&it.text, 70);
        let dim = clip(&it.dimension, 14);
        let _ = writeln!(
            w,
            "{:<6} {dim:<14} {:>6} {:>5} {:>5} {:>5} {:>6}  {}{text}",
            it.id,
            num(it.mean, 2),
            pct(it.favourable),
            pct(it.neutral),
            pct(it.unfavourable),
            num(it.item_rest, 2),
            if it.reverse { "(R) " } else { "" }
        );
    }

    for s in &report.selections {
        let _ = writeln!(
            w,
            "\nChosen options of {} (% of those who answered; n = {})",
            s.id,
            s.n.map_or_else(|| format!("< {}", report.min_group), count)
        );
        for o in &s.options {
            let _ = writeln!(w, "  {:<48} {:>5}", o.option, pct(Some(o.share)));
        }
    }
    for r in &report.rankings {
        let _ = writeln!(w, "\nRanking {} (Borda points; n = {})", r.id, r.n.map_or_else(|| format!("< {}", report.min_group), count));
        for (i, o) in r.options.iter().enumerate() {
            let _ = writeln!(w, "  {:>2}. {:<40} {:>7} points, ranked first by {}", i + 1, o.option, o.points, pct(Some(o.first)));
        }
    }

    let header = |w: &mut String, title: &str| {
        let dims: String = report.dimension_names.iter().map(|d| format!(" {:>6}", clip(&d.id, 6))).collect();
        let _ = writeln!(w, "\n{title}\n  {:<24} {:>8}  {:>6} {:>8} {:>8} {dims}", "Group", "n", "Score", "vs rest", "Balance");
    };
    for (column, groups) in &report.segments {
        header(w, &format!("By {column} (* = differs from everyone else, Welch p < .05)"));
        groups.iter().for_each(|g| group_row(w, report, g));
    }
    for s in &report.sensitive {
        sensitive(w, s);
    }
    for c in &report.comments {
        comments(w, c);
    }
    if let Some(waves) = &report.waves {
        header(w, &format!("By wave ({})", waves.column));
        waves.waves.iter().for_each(|g| group_row(w, report, g));
        for d in waves.deltas.iter().filter(|d| d.measure == "overall") {
            let _ = writeln!(
                w,
                "  {} → {}: overall {:+.1} points (95% CI {:+.1} to {:+.1}, {})",
                d.from,
                d.to,
                d.change.delta,
                d.change.ci95[0],
                d.change.ci95[1],
                if d.change.p < 0.001 { "p < .001".to_string() } else { format!("p = {:.3}", d.change.p) }
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn clipping_marks_the_cut() {
        assert_eq!(super::clip("Engineering", 24), "Engineering");
        assert_eq!(super::clip("approachability", 6), "appro…");
    }
}
