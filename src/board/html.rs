//! The board report as one self-contained HTML file: inline SVG charts, one inline style
//! sheet, no scripts, nothing fetched. It prints on A4 and Letter with every chart kept
//! on one page, and declares its own Content-Security-Policy (`default-src 'none'`, the
//! style sheet allowed by its SHA-256 hash), so it opens safely from a mail attachment or
//! a file share.
//!
//! Every text from the data (instrument wording, group names, ranking options) goes
//! through [`escape`]; the charts are plotters SVG, which escapes its text itself.

use std::fmt::Write;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::{Board, Figure, PointList, Section};
use crate::chart::{self, ChartKind, ChartOptions, DataTable};
use crate::lang::{catalog, Catalog, Lang};
use crate::report::Report;

/// Width in CSS pixels the charts are drawn at. They scale to the text width (180 mm on A4
/// with 15 mm margins, about 680 px), so their text prints a little smaller than on screen
/// and long labels fit.
pub const CHART_WIDTH: u32 = 780;

/// Tables with at most this many rows are never split across pages.
const KEEP_ROWS: usize = 16;

/// The style sheet of the file (print first: A4 and Letter, no chart split across pages).
const STYLE: &str = r#"
@page { margin: 15mm 15mm 16mm; }
:root { color: #1a1a1a; background: #fff; font: 10.5pt/1.45 "Liberation Sans", Arial, Helvetica, sans-serif; }
body { margin: 0 auto; max-width: 180mm; }
@media screen { body { padding: 24px 16px 48px; } }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 3pt; }
h2 { font-size: 14pt; line-height: 1.25; margin: 16pt 0 5pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.subtitle { color: #595959; margin-bottom: 12pt; }
.front { break-after: page; }
.headline { font-size: 12.5pt; line-height: 1.4; margin: 4pt 0 10pt; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 7pt; margin: 0 0 6pt; }
.figure { border: 1px solid #c8c8c8; border-radius: 5pt; padding: 6pt 9pt 7pt; break-inside: avoid; }
.figure dt { font-size: 9pt; color: #595959; }
.figure dd { margin: 0; }
.figure .value { font-size: 20pt; font-weight: 700; line-height: 1.25; }
.figure .detail { font-size: 9pt; color: #333; }
.points { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14pt; }
.points ul { margin: 0; padding-left: 14pt; }
.points li { margin-bottom: 3pt; break-inside: avoid; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: 0 0 14pt; }
.chart svg { display: block; width: 100%; height: auto; }
.takeaway { font-size: 11pt; }
.note { font-size: 8.5pt; color: #595959; }
.appendix { break-before: page; }
.table { break-inside: auto; margin: 0 0 12pt; }
.table.keep { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
caption { text-align: left; color: #595959; padding-bottom: 3pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #d0d0d0; padding: 2pt 4pt; text-align: right; vertical-align: top; }
th[scope="row"], thead th:first-child { text-align: left; }
section[aria-labelledby="plan"] table { table-layout: fixed; }
section[aria-labelledby="plan"] th, section[aria-labelledby="plan"] td { text-align: left; }
section[aria-labelledby="plan"] td { overflow-wrap: anywhere; }
section[aria-labelledby="plan"] thead th:nth-child(1) { width: 3.5em; }
section[aria-labelledby="plan"] thead th:nth-child(2) { width: 17%; }
section[aria-labelledby="plan"] thead th:nth-child(3) { width: 24%; }
section[aria-labelledby="plan"] thead th:nth-child(4) { width: 19%; }
thead th { font-weight: 700; }
"#;

catalog! {
    /// The file's own words: its title, headings and notes.
    pub(crate) enum HtmlWords {
        DocumentTitle {
            en: "{title} \u{2014} board report",
            de: "{title} \u{2014} Bericht für die Leitung",
            fr: "{title} \u{2014} rapport pour la direction",
            es: "{title} \u{2014} informe para la dirección",
        },
        Summary {
            en: "Executive summary",
            de: "Zusammenfassung für die Leitung",
            fr: "Synthèse pour la direction",
            es: "Resumen ejecutivo",
        },
        SeeTable {
            en: "The numbers are in the data table \u{201c}{title}\u{201d} at the end.",
            de: "Die Zahlen stehen in der Datentabelle \u{201e}{title}\u{201c} am Ende.",
            fr: "Les chiffres figurent dans le tableau de données «\u{a0}{title}\u{a0}» à la fin.",
            es: "Las cifras están en la tabla de datos «{title}» al final.",
        },
        ChartFailed {
            en: "The chart could not be drawn: {error}",
            de: "Das Diagramm konnte nicht gezeichnet werden: {error}",
            fr: "Le graphique n’a pas pu être dessiné\u{a0}: {error}",
            es: "No se pudo dibujar el gráfico: {error}",
        },
        DataTables { en: "Data tables", de: "Datentabellen", fr: "Tableaux de données", es: "Tablas de datos" },
    }
}

/// Escapes `text` for HTML text and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The Content-Security-Policy the file declares: nothing may load or run; only its own
/// style sheet (by hash) and inline SVG.
pub fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    format!("default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'")
}

/// The whole HTML document of `board`, with the charts of `report` drawn inline, in the
/// board's language.
pub fn render(board: &Board, report: &Report) -> String {
    let mut out = String::new();
    let lang = board.lang;
    let title = escape(&board.title);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        content_security_policy(),
        escape(&HtmlWords::DocumentTitle.fill(lang, &[("title", &board.title)]))
    );
    let _ = write!(
        out,
        "<div class=\"front\">\n<header>\n<h1>{title}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n",
        escape(&board.subtitle)
    );
    summary(&mut out, board);
    let (front, rest): (Vec<&Section>, Vec<&Section>) = board.sections.iter().partition(|s| matches!(s, Section::Points { .. }));
    front.into_iter().for_each(|s| section(&mut out, s, report, lang));
    out.push_str("</div>\n");
    rest.iter().for_each(|s| section(&mut out, s, report, lang));
    appendix(&mut out, &board.sections, lang);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn summary(out: &mut String, board: &Board) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>\n<p class=\"headline\">{}</p>\n<dl class=\"figures\">\n",
        escape(&HtmlWords::Summary.text(board.lang)),
        escape(&board.summary.headline)
    );
    for Figure { label, value, detail } in &board.summary.figures {
        let _ = writeln!(
            out,
            "<div class=\"figure\"><dt>{}</dt><dd class=\"value\">{}</dd><dd class=\"detail\">{}</dd></div>",
            escape(label),
            escape(value),
            escape(detail)
        );
    }
    out.push_str("</dl>\n</section>\n");
}

fn section(out: &mut String, s: &Section, report: &Report, lang: Lang) {
    match s {
        Section::Points { id, title, lists } => {
            let id = escape(id);
            let _ = write!(out, "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<div class=\"points\">\n", escape(title));
            lists.iter().for_each(|l| point_list(out, l));
            out.push_str("</div>\n</section>\n");
        }
        Section::Chart { kind, text } => {
            let id = kind.id();
            let _ = write!(
                out,
                "<section class=\"chart\" aria-labelledby=\"t-{id}\">\n<h2 id=\"t-{id}\">{}</h2>\n<p class=\"takeaway\" id=\"k-{id}\">{}</p>\n{}\n<p class=\"note\">{}</p>\n</section>\n",
                escape(&text.title),
                escape(&text.takeaway),
                chart_svg(*kind, report, &format!("t-{id} k-{id}"), lang),
                escape(&HtmlWords::SeeTable.fill(lang, &[("title", &text.title)]))
            );
        }
        Section::Table { id, title, lead, table: t } => {
            let id = escape(id);
            let _ = write!(
                out,
                "<section class=\"table\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<p>{}</p>\n",
                escape(title),
                escape(lead)
            );
            table(out, t);
            out.push_str("</section>\n");
        }
        Section::Text { id, title, paragraphs } => {
            let id = escape(id);
            let _ = write!(out, "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n", escape(title));
            for p in paragraphs {
                let _ = writeln!(out, "<p>{}</p>", escape(p));
            }
            out.push_str("</section>\n");
        }
    }
}

fn point_list(out: &mut String, l: &PointList) {
    let _ = write!(out, "<div>\n<h3>{}</h3>\n<ul>\n", escape(&l.title));
    for p in &l.points {
        let _ = writeln!(out, "<li>{}</li>", escape(p));
    }
    out.push_str("</ul>\n</div>\n");
}

/// Chart `kind` as inline SVG labelled by the elements `labelled_by`, or a note if it fails.
fn chart_svg(kind: ChartKind, report: &Report, labelled_by: &str, lang: Lang) -> String {
    let o = ChartOptions { width: Some(f64::from(CHART_WIDTH)), lang, ..ChartOptions::default() };
    let height = chart::preferred_height(kind, report, &o);
    match chart::svg(kind, report, CHART_WIDTH, height, &o) {
        // plotters writes `<svg width=… height=… viewBox=…>` and escapes every text it draws.
        Ok(svg) => svg.replacen("<svg ", &format!("<svg role=\"img\" aria-labelledby=\"{labelled_by}\" "), 1),
        Err(e) => format!("<p>{}</p>", escape(&HtmlWords::ChartFailed.fill(lang, &[("error", &e)]))),
    }
}

/// The charts' data tables, on pages of their own at the end.
fn appendix(out: &mut String, sections: &[Section], lang: Lang) {
    let charts: Vec<_> = sections.iter().filter_map(|s| if let Section::Chart { text, .. } = s { Some(text) } else { None }).collect();
    if charts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"appendix\" aria-labelledby=\"data\">\n<h2 id=\"data\">{}</h2>",
        escape(&HtmlWords::DataTables.text(lang))
    );
    for text in charts.into_iter().filter(|t| !t.table.rows.is_empty()) {
        // A short table moves to the next page whole rather than leave a row or two behind.
        let keep = if text.table.rows.len() <= KEEP_ROWS { " keep" } else { "" };
        let _ = write!(out, "<div class=\"table{keep}\">\n<h3>{}</h3>\n", escape(&text.title));
        table(out, &text.table);
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn table(out: &mut String, t: &DataTable) {
    let _ = write!(out, "<table>\n<caption>{}</caption>\n<thead><tr>", escape(&t.caption));
    for c in &t.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        let (head, cells) = row.split_first().map_or(("", &[][..]), |(h, c)| (h.as_str(), c));
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(head));
        for c in cells {
            let _ = write!(out, "<td>{}</td>", escape(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_that_could_open_markup() {
        assert_eq!(escape(r#"<script>alert("x")</script>"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        assert_eq!(escape("a' onmouseover='x"), "a&#39; onmouseover=&#39;x");
        assert_eq!(escape("R&D <b>"), "R&amp;D &lt;b&gt;");
        assert_eq!(escape("Ünïcödé — fine"), "Ünïcödé — fine");
    }

    #[test]
    fn every_message_has_all_languages_and_the_same_placeholders() {
        assert_eq!(crate::lang::check_catalog(HtmlWords::ALL), Vec::<String>::new());
    }

    #[test]
    fn the_policy_allows_exactly_the_style_sheet() {
        let csp = content_security_policy();
        assert!(csp.starts_with("default-src 'none'; style-src 'sha256-"), "{csp}");
        assert!(!csp.contains("unsafe"), "{csp}");
    }
}
