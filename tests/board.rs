//! The board report: its model from a realistic survey, the standalone HTML file, and
//! hostile text from the data, which must stay text.

use secpulse::board::html::{content_security_policy, escape, render};
use secpulse::board::{Board, Section};
use secpulse::chart::ChartKind;
use secpulse::instrument::Instrument;
use secpulse::report::Report;
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score, ScoreOptions};

/// 3,000 synthetic respondents in two waves, by department (two departments under 5 people).
fn report_of(instrument: &Instrument) -> Report {
    let table = generate(instrument, &SynthOptions { n: 3000, seed: 7, ..SynthOptions::default() });
    let options = ScoreOptions { by: vec!["department".into()], wave: Some("wave".into()), ..ScoreOptions::default() };
    score(instrument, &table, &options).expect("scores")
}

fn sensitive_instrument() -> Instrument {
    Instrument::from_json(&std::fs::read_to_string("www/examples/instrument-sensitive.json").unwrap()).unwrap()
}

#[test]
fn summary_has_the_figures_a_board_asks_for() {
    let report = report_of(&Instrument::default_instrument());
    let board = Board::of(&report);
    let labels: Vec<&str> = board.summary.figures.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels[0], "Security team index (0\u{2013}100)");
    assert!(labels.iter().any(|l| l.starts_with("Change since ")), "{labels:?}");
    assert!(labels.contains(&"Security NPS") && labels.contains(&"Respondents"), "{labels:?}");
    assert!(labels.iter().any(|l| l.contains('\u{2194}')), "the says-no ↔ offers-options balance: {labels:?}");
    let change = board.summary.figures.iter().find(|f| f.label.starts_with("Change")).unwrap();
    assert!(change.detail.contains("significant (Welch p"), "{}", change.detail);
    let index = &board.summary.figures[0];
    assert_eq!(index.value, format!("{:.0}", report.overall.score.unwrap().round()));
    assert!(board.summary.headline.starts_with("Employees rate the security team"), "{}", board.summary.headline);
}

#[test]
fn sections_follow_the_report_and_leave_out_what_it_lacks() {
    let report = report_of(&sensitive_instrument());
    let board = Board::of(&report);
    let kinds: Vec<ChartKind> =
        board.sections.iter().filter_map(|s| if let Section::Chart { kind, .. } = s { Some(*kind) } else { None }).collect();
    assert_eq!(
        kinds,
        [ChartKind::Balance, ChartKind::Dimensions, ChartKind::Nps, ChartKind::Trend, ChartKind::Sensitive, ChartKind::Ranking]
    );
    // Without waves, sensitive questions or rankings those sections are simply not there.
    let mut plain = report.clone();
    (plain.waves, plain.sensitive, plain.rankings) = (None, vec![], vec![]);
    plain.segments.clear();
    let board = Board::of(&plain);
    let kinds: Vec<ChartKind> =
        board.sections.iter().filter_map(|s| if let Section::Chart { kind, .. } = s { Some(*kind) } else { None }).collect();
    assert_eq!(kinds, [ChartKind::Balance, ChartKind::Dimensions, ChartKind::Nps]);
    assert!(!board.sections.iter().any(|s| matches!(s, Section::Table { .. })), "no breakdown, no breakdown table");
    assert!(!board.summary.figures.iter().any(|f| f.label.starts_with("Change")));
}

#[test]
fn the_breakdown_table_shows_small_groups_only_as_under_k() {
    let report = report_of(&Instrument::default_instrument());
    let board = Board::of(&report);
    let Some(Section::Table { table, .. }) = board.sections.iter().find(|s| matches!(s, Section::Table { id, .. } if id == "breakdown"))
    else {
        panic!("a breakdown table");
    };
    let small: Vec<&Vec<String>> = table.rows.iter().filter(|r| r[0] == "Executive Office" || r[0] == "Other").collect();
    assert_eq!(small.len(), 2);
    for row in small {
        assert!(row[1..].iter().all(|c| c.is_empty() || c == "< 5"), "{row:?}");
    }
    assert!(table.rows.iter().any(|r| r[3].ends_with('*')), "significant differences are starred");
}

#[test]
fn the_html_file_is_self_contained_and_strict() {
    let report = report_of(&sensitive_instrument());
    let html = render(&Board::of(&report), &report);
    assert!(html.starts_with("<!doctype html>"));
    for banned in ["<script", "<link", "<img", "<iframe", "http://", "https://", " style="] {
        let hits: Vec<&str> = html.match_indices(banned).map(|(i, _)| &html[i.saturating_sub(30)..(i + 40).min(html.len())]).collect();
        // The SVG namespace is the one URL, and it is never fetched.
        let hits: Vec<&&str> = hits.iter().filter(|h| !h.contains("www.w3.org/2000/svg")).collect();
        assert!(hits.is_empty(), "{banned}: {hits:?}");
    }
    assert!(attributes(&html).all(|a| !a.starts_with("on")), "no event handler attributes");
    assert!(html.contains(&format!("content=\"{}\"", content_security_policy())));
    assert_eq!(html.matches("<svg").count(), 6, "one inline SVG per chart");
    assert!(html.contains("aria-labelledby=\"t-sensitive k-sensitive\""));
    for heading in ["Executive summary", "Strengths and risks", "By department", "Method and anonymity", "Data tables"] {
        assert!(html.contains(&format!("{heading}</h2>")), "{heading}");
    }
}

/// The attribute names in the tags of `html`.
fn attributes(html: &str) -> impl Iterator<Item = String> + '_ {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .flat_map(|tag| tag.split_whitespace().skip(1).filter_map(|a| a.split('=').next()).map(str::to_lowercase).collect::<Vec<_>>())
}

/// Every tag name in `html` (opening or closing, without attributes).
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split(|c: char| c.is_whitespace() || c == '>' || c == '/').find(|s| !s.is_empty()).unwrap_or("").to_lowercase())
        .collect()
}

#[test]
fn hostile_text_from_the_data_stays_text() {
    let mut report = report_of(&sensitive_instrument());
    let evil = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "' onmouseover='alert(3)",
        "</style><script>alert(4)</script>",
        "]]><svg onload=alert(5)>",
    ];
    report.instrument.title = evil[0].into();
    report.dimension_names[0].name = evil[1].into();
    report.items[0].text = evil[2].into();
    report.segments.get_mut("department").unwrap()[0].value = evil[3].into();
    report.rankings[0].options[0].option = evil[4].into();
    report.sensitive[0].text = evil[0].into();
    let html = render(&Board::of(&report), &report);
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "div", "header", "h1", "h2", "h3", "p", "section", "dl",
        "dt", "dd", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "svg", "rect", "text", "polyline", "line",
        "circle", "path", "polygon",
    ];
    for tag in tags(&html) {
        assert!(allowed.contains(&tag.as_str()), "unexpected tag <{tag}>");
    }
    assert_eq!(html.matches("<style>").count(), 1);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("onerror=alert(2)>"), "no live attribute");
    assert!(attributes(&html).all(|a| !a.starts_with("on")), "no event handler attributes");
}

#[test]
fn escape_handles_every_special_character_once() {
    assert_eq!(escape("&amp;"), "&amp;amp;");
    assert_eq!(escape("<>\"'&"), "&lt;&gt;&quot;&#39;&amp;");
    assert_eq!(escape(""), "");
}
