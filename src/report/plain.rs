//! A readable plain-text rendering of a [`Report`], for the terminal, in any of the four
//! languages ([`render_in`]); the words are the `Plain` catalog of `words.rs`.

use std::fmt::Write;

use super::priority::{Priority, Quadrant};
use super::words::{mid_sentence, theme_name, Plain};
use super::{CommentReport, Outcome, Report, Score, SegmentGroup, SensitiveEstimate, SensitiveReport};
use crate::lang::{Catalog, Lang};
use crate::text::CommentSummary;

/// Formats an optional number with `digits` decimals, or "–" when hidden.
fn num(lang: Lang, v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "–".to_string(), |v| lang.decimal(v, digits))
}

/// A number with one decimal and its sign: "+4.2", "−1.0", "0.0".
fn signed_decimal(lang: Lang, v: f64) -> String {
    let text = lang.decimal(v, 1);
    if text.bytes().any(|b| b.is_ascii_digit() && b != b'0') && v > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Formats a signed number (e.g. "+4.2"), or "–".
fn signed(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| signed_decimal(lang, v))
}

/// Formats a percentage without decimals, or "–".
fn pct(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| lang.pct(v))
}

/// Shortens `s` to at most `max` characters, ending with "…" when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    s.chars().take(max - 1).chain(std::iter::once('…')).collect()
}

fn ci(lang: Lang, v: Option<[f64; 2]>) -> String {
    v.map_or_else(|| "–".to_string(), |[lo, hi]| format!("{}–{}", lang.decimal(lo, 1), lang.decimal(hi, 1)))
}

fn score_cells(lang: Lang, s: &Score) -> String {
    let band = s.band.map_or_else(|| "–".to_string(), |b| b.name(lang));
    format!("{:>6}  {:>11}  {band:<12}", num(lang, s.score, 1), ci(lang, s.ci95))
}

/// Widths of a breakdown table's columns: the defaults, or wider for a longer header or group name.
struct Widths {
    group: usize,
    score: usize,
    vs_rest: usize,
    balance: usize,
}

impl Widths {
    fn of<'a>(headers: [&str; 3], groups: impl Iterator<Item = &'a SegmentGroup>) -> Widths {
        let len = |t: &str| t.chars().count();
        let longest = groups.map(|g| len(&g.value)).max().unwrap_or(0);
        Widths {
            group: longest.clamp(24, 40),
            score: len(headers[0]).max(6),
            vs_rest: len(headers[1]).max(8),
            balance: len(headers[2]).max(8),
        }
    }
}

/// A group's size in `lang` ("2.323"), or its "< k" label when hidden.
fn n_cell(lang: Lang, n: Option<usize>, label: &str) -> String {
    n.map_or_else(|| label.to_string(), |n| lang.count(n as u64))
}

fn group_row(out: &mut String, report: &Report, g: &SegmentGroup, lang: Lang, w: &Widths) {
    let name = clip(&g.value, w.group);
    let n = n_cell(lang, g.n, &g.n_label);
    let Some(overall) = &g.overall else {
        let _ = writeln!(out, "  {name:<0$} {n:>8}  {1}", w.group, Plain::SuppressedFewer.fill(lang, &[("k", &report.min_group)]));
        return;
    };
    let delta = overall
        .vs_rest
        .map_or_else(|| "–".to_string(), |d| format!("{}{}", signed_decimal(lang, d.delta), if d.p < 0.05 { "*" } else { "" }));
    let dims = g.dimensions.iter().flatten().map(|d| format!(" {:>6}", num(lang, d.score.score, 0))).collect::<String>();
    let balance = g.balance.as_ref().map_or_else(|| "–".to_string(), |b| signed(lang, b.score));
    let score = num(lang, overall.score.score, 1);
    let _ = writeln!(
        out,
        "  {name:<gw$} {n:>8}  {score:>sw$} {delta:>vw$} {balance:>bw$} {dims}",
        gw = w.group,
        sw = w.score,
        vw = w.vs_rest,
        bw = w.balance
    );
}

/// One line of comment label shares: tone, stance and the top themes.
fn comment_line(s: &CommentSummary, themes: usize, lang: Lang) -> String {
    let p = |c: usize| pct(lang, Some(c as f64 / s.n.max(1) as f64 * 100.0));
    let top: Vec<String> =
        s.themes.iter().take(themes).map(|t| format!("{} {}", theme_name(t.theme.as_str(), lang), lang.count(t.count as u64))).collect();
    Plain::CommentShares.fill(
        lang,
        &[
            ("positive", &p(s.sentiment.positive)),
            ("mixed", &p(s.sentiment.mixed)),
            ("neutral", &p(s.sentiment.neutral)),
            ("negative", &p(s.sentiment.negative)),
            ("enabler", &p(s.stance.enabler)),
            ("blocker", &p(s.stance.blocker)),
            ("themes", &top.join(", ")),
        ],
    )
}

fn sensitive(w: &mut String, s: &SensitiveReport, lang: Lang) {
    let line = |e: &SensitiveEstimate| match (e.share, e.ci95, e.n) {
        (Some(share), Some([lo, hi]), Some(n)) => Plain::Estimated.fill(
            lang,
            &[
                ("share", &lang.pct(share)),
                ("lo", &lang.whole(lo)),
                ("hi", &lang.whole(hi)),
                ("wider", &lang.decimal(e.width_vs_direct.unwrap_or(1.0), 1)),
                ("n", &lang.count(n as u64)),
            ],
        ),
        _ => Plain::NotShownTooFew.text(lang),
    };
    let _ = writeln!(w, "\n{}", Plain::Sensitive.fill(lang, &[("text", &s.text), ("all", &line(&s.all))]));
    for (column, groups) in &s.segments {
        for g in groups {
            let _ = writeln!(w, "  {column} = {:<24} {}", clip(&g.value, 24), line(&g.estimate));
        }
    }
}

fn comments(w: &mut String, report: &Report, c: &CommentReport, lang: Lang) {
    let Some(summary) = &c.summary else {
        let _ = writeln!(w, "\n{}", Plain::FewComments.fill(lang, &[("text", &c.text), ("k", &c.min_comments)]));
        return;
    };
    let header = Plain::Comments.fill(lang, &[("text", &c.text), ("n", &lang.count(summary.n as u64))]);
    let _ = writeln!(w, "\n{header}\n  {}", comment_line(summary, 5, lang));
    for (column, groups) in &c.segments {
        let _ = writeln!(w, "  {}", Plain::ByColumn.fill(lang, &[("column", &mid_sentence(lang, &report.column_name(column)))]));
        for g in groups {
            match &g.summary {
                Some(s) => {
                    let _ =
                        writeln!(w, "    {:<22} {:>6}  {}", clip(&g.value, 22), n_cell(lang, g.n, &g.n_label), comment_line(s, 2, lang));
                }
                None => {
                    let _ = writeln!(
                        w,
                        "    {:<22} {:>6}  {}",
                        clip(&g.value, 22),
                        n_cell(lang, g.n, &g.n_label),
                        Plain::Suppressed.text(lang)
                    );
                }
            }
        }
    }
}

/// The driver analyses: each dimension's importance for each outcome, with its quadrant.
fn drivers(w: &mut String, report: &Report, lang: Lang) {
    for d in &report.drivers {
        let outcome = d.outcome.name(lang);
        let (Some(n), Some(r2)) = (d.n, d.r2) else {
            let k = d.min_base.max(report.min_group);
            let _ = writeln!(w, "\n{}", Plain::DriversHidden.fill(lang, &[("outcome", &outcome), ("k", &k)]));
            continue;
        };
        let _ = writeln!(
            w,
            "\n{}",
            Plain::Drivers.fill(
                lang,
                &[("outcome", &outcome), ("n", &lang.count(n as u64)), ("r2", &lang.decimal(r2, 1)), ("ci", &ci(lang, d.r2_ci95))]
            )
        );
        let matrix = super::priority::priority(report, Some(d.outcome));
        let [dimension, score, importance, interval, priority] =
            [Plain::Dimension, Plain::Score, Plain::Importance, Plain::Ci, Plain::Priority].map(|h| h.text(lang));
        let _ = writeln!(w, "  {dimension:<26} {score:>6} {importance:>11} {interval:>11}  {priority}");
        let points = matrix.iter().flat_map(|m| &m.points);
        for p in points {
            let _ = writeln!(
                w,
                "  {:<26} {:>6} {:>11} {:>11}  {}",
                clip(&p.name, 26),
                lang.decimal(p.score, 1),
                lang.decimal_pct(p.importance, 1),
                ci(lang, p.importance_ci95),
                p.quadrant.name(lang)
            );
        }
        if let Some(m) = &matrix {
            let cuts =
                Plain::Cuts.fill(lang, &[("share", &lang.decimal_pct(m.importance_cut, 1)), ("score", &lang.decimal(m.score_cut, 1))]);
            let _ = writeln!(w, "  {cuts}");
        }
    }
}

/// Response rates against the headcounts, when given.
fn participation(w: &mut String, report: &Report, lang: Lang) {
    let Some(p) = &report.participation else { return };
    let _ = writeln!(w, "\n{}", Plain::ResponseRate.fill(lang, &[("k", &report.min_group)]));
    let [group, headcount, respondents, rate] = [Plain::Group, Plain::Headcount, Plain::Respondents, Plain::Rate].map(|h| h.text(lang));
    let [hw, rw] = [&headcount, &respondents].map(|h| h.chars().count());
    let (hw, rw) = (hw.max(9), rw.max(11));
    let _ = writeln!(w, "  {group:<26} {headcount:>hw$} {respondents:>rw$} {rate:>6}");
    let row = |w: &mut String, label: &str, r: &super::ResponseRate| {
        let respondents = n_cell(lang, r.respondents, &r.respondents_label);
        let _ = writeln!(w, "  {:<26} {:>hw$} {respondents:>rw$} {:>6}", clip(label, 26), lang.count(r.headcount), pct(lang, r.rate));
    };
    if let Some(all) = &p.overall {
        row(w, &Plain::Everyone.text(lang), all);
    }
    for (column, rates) in &p.groups {
        for r in rates {
            row(w, &format!("{column} = {}", r.value), r);
        }
    }
}

/// The priority matrix `p` in a few lines (above the action plan in the terminal).
pub fn priority_text(p: &Priority, lang: Lang) -> String {
    let mut text = Plain::PriorityFor.fill(lang, &[("outcome", &p.outcome.name(lang)), ("n", &lang.count(p.n as u64))]) + "\n";
    let width = Quadrant::ALL.iter().map(|q| q.name(lang).chars().count() + 1).max().unwrap_or(0).max(15);
    for q in Quadrant::ALL {
        let names: Vec<String> = p
            .points
            .iter()
            .filter(|x| x.quadrant == q)
            .map(|x| format!("{} ({}, {})", x.name, lang.whole(x.score), lang.decimal_pct(x.importance, 1)))
            .collect();
        if !names.is_empty() {
            text += &format!("  {:<width$} {}\n", q.name(lang), names.join(", "));
        }
    }
    text + "\n"
}

/// [`render_in`] in English.
pub fn render(report: &Report) -> String {
    render_in(report, Lang::En)
}

/// Renders the report as aligned text tables in `lang`: overall, NPS and balance,
/// dimensions, items, rankings, each breakdown and the waves.
pub fn render_in(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{} ({} v{})", report.instrument.title, report.instrument.id, report.instrument.version);
    let Some(respondents) = report.respondents else {
        let _ = writeln!(w, "{}", Plain::TooFewRespondents.fill(lang, &[("k", &report.min_group)]));
        return out;
    };
    let _ = writeln!(w, "{}\n", Plain::RespondentsLine.fill(lang, &[("n", &lang.count(respondents as u64)), ("k", &report.min_group)]));
    let [score, interval, band] = [Plain::Score, Plain::Ci, Plain::Band].map(|h| h.text(lang));
    let names = [Plain::Overall.text(lang), Plain::Nps.text(lang), Outcome::Balance.name(lang)];
    let first = names.iter().chain(report.dimension_names.iter().map(|d| &d.name)).map(|t| t.chars().count()).fold(28, usize::max);
    let _ = writeln!(w, "{:<first$} {score:>6}  {interval:>11}  {band:<12}", "");
    let _ = writeln!(w, "{:<first$} {}", Plain::Overall.text(lang), score_cells(lang, &report.overall));
    if let Some(nps) = &report.nps {
        let shares = Plain::NpsShares.fill(
            lang,
            &[("promoters", &pct(lang, nps.promoters)), ("passives", &pct(lang, nps.passives)), ("detractors", &pct(lang, nps.detractors))],
        );
        let _ = writeln!(w, "{:<first$} {:>6}  {:>11}  {shares}", Plain::Nps.text(lang), signed(lang, nps.score), ci(lang, nps.ci95));
    }
    if let Some(b) = &report.balance {
        let shares = Plain::BalanceShares.fill(
            lang,
            &[
                ("left", &mid_sentence(lang, &b.left)),
                ("left_share", &pct(lang, b.left_share)),
                ("middle_share", &pct(lang, b.middle_share)),
                ("right", &mid_sentence(lang, &b.right)),
                ("right_share", &pct(lang, b.right_share)),
            ],
        );
        let _ = writeln!(w, "{:<first$} {:>6}  {:>11}  {shares}", Outcome::Balance.name(lang), signed(lang, b.score), ci(lang, b.ci95));
    }

    let [dimension, fav, neu, unf] = [Plain::Dimension, Plain::Fav, Plain::Neu, Plain::Unf].map(|h| h.text(lang));
    let _ = writeln!(w, "\n{dimension:<first$} {score:>6}  {interval:>11}  {band:<12} {fav:>5} {neu:>5} {unf:>5} {:>6}", "alpha");
    for (d, named) in report.dimensions.iter().zip(&report.dimension_names) {
        let flag = if d.low_reliability { format!(" {}", Plain::LowReliability.text(lang)) } else { String::new() };
        let _ = writeln!(
            w,
            "{:<first$} {} {:>5} {:>5} {:>5} {:>6}{flag}",
            named.name,
            score_cells(lang, &d.score),
            pct(lang, d.favourable),
            pct(lang, d.neutral),
            pct(lang, d.unfavourable),
            num(lang, d.alpha, 2)
        );
    }

    let [item, mean, statement] = [Plain::Item, Plain::Mean, Plain::Statement].map(|h| h.text(lang));
    let _ = writeln!(w, "\n{item:<6} {dimension:<14} {mean:>6} {fav:>5} {neu:>5} {unf:>5} {:>6}  {statement}", "r(it)");
    for it in &report.items {
        let text = clip(&it.text, 70);
        let dim = clip(report.dimension_name(&it.dimension), 14);
        let _ = writeln!(
            w,
            "{:<6} {dim:<14} {:>6} {:>5} {:>5} {:>5} {:>6}  {}{text}",
            it.id,
            num(lang, it.mean, 2),
            pct(lang, it.favourable),
            pct(lang, it.neutral),
            pct(lang, it.unfavourable),
            num(lang, it.item_rest, 2),
            if it.reverse { "(R) " } else { "" }
        );
    }

    let hidden = format!("< {}", report.min_group);
    let n_or_hidden = |n: Option<usize>| n_cell(lang, n, &hidden);
    for s in &report.selections {
        let _ = writeln!(w, "\n{}", Plain::Chosen.fill(lang, &[("id", &s.id), ("n", &n_or_hidden(s.n))]));
        let width = s.options.iter().map(|o| o.option.chars().count()).fold(48, usize::max);
        for o in &s.options {
            let _ = writeln!(w, "  {:<width$} {:>5}", o.option, pct(lang, Some(o.share)));
        }
    }
    participation(w, report, lang);
    drivers(w, report, lang);

    for r in &report.rankings {
        let _ = writeln!(w, "\n{}", Plain::Ranking.fill(lang, &[("id", &r.id), ("n", &n_or_hidden(r.n))]));
        for (i, o) in r.options.iter().enumerate() {
            let points = format!("{:>7}", lang.count(o.points));
            let first = Plain::RankedFirst.fill(lang, &[("points", &points), ("share", &pct(lang, Some(o.first)))]);
            let _ = writeln!(w, "  {:>2}. {:<40} {first}", i + 1, o.option);
        }
    }

    let [group, vs_rest, balance] = [Plain::Group, Plain::VsRest, Plain::Balance].map(|h| h.text(lang));
    let all_groups = report.segments.values().flatten().chain(report.waves.iter().flat_map(|w| &w.waves));
    let widths = Widths::of([&score, &vs_rest, &balance], all_groups);
    let header = |w: &mut String, title: &str| {
        let dims: String = report.dimension_names.iter().map(|d| format!(" {:>6}", clip(&d.name, 6))).collect();
        let Widths { group: gw, score: sw, vs_rest: vw, balance: bw } = widths;
        let _ = writeln!(w, "\n{title}\n  {group:<gw$} {:>8}  {score:>sw$} {vs_rest:>vw$} {balance:>bw$} {dims}", "n");
    };
    for (column, groups) in &report.segments {
        header(w, &Plain::By.fill(lang, &[("column", &mid_sentence(lang, &report.column_name(column)))]));
        groups.iter().for_each(|g| group_row(w, report, g, lang, &widths));
    }
    for s in &report.sensitive {
        sensitive(w, s, lang);
    }
    for c in &report.comments {
        comments(w, report, c, lang);
    }
    if let Some(waves) = &report.waves {
        header(w, &Plain::ByWave.fill(lang, &[("column", &waves.column)]));
        waves.waves.iter().for_each(|g| group_row(w, report, g, lang, &widths));
        for d in waves.deltas.iter().filter(|d| d.measure == "overall") {
            let p = if d.change.p < 0.001 { Plain::PBelow.text(lang) } else { format!("p = {}", lang.decimal(d.change.p, 3)) };
            let change = Plain::WaveChange.fill(
                lang,
                &[
                    ("from", &d.from),
                    ("to", &d.to),
                    ("delta", &signed_decimal(lang, d.change.delta)),
                    ("lo", &signed_decimal(lang, d.change.ci95[0])),
                    ("hi", &signed_decimal(lang, d.change.ci95[1])),
                    ("p", &p),
                ],
            );
            let _ = writeln!(w, "  {change}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_marks_the_cut() {
        assert_eq!(clip("Engineering", 24), "Engineering");
        assert_eq!(clip("approachability", 6), "appro…");
    }

    #[test]
    fn signed_decimals_carry_their_sign() {
        assert_eq!(signed_decimal(Lang::En, 4.25), "+4.3"); // an exact half rounds away from zero
        assert_eq!(signed_decimal(Lang::De, -1.0), "\u{2212}1,0");
        assert_eq!(signed_decimal(Lang::En, 0.01), "0.0");
    }
}
