//! The board report: its model from a realistic survey, the standalone HTML file, and
//! hostile text from the data, which must stay text.

use secpulse::board::html::{content_security_policy, escape, render};
use secpulse::board::{Board, Section, PLAN_ACTIONS, PLAN_TRIGGERS};
use secpulse::chart::{ChartKind, DataTable};
use secpulse::ingest::headcounts::Headcounts;
use secpulse::instrument::Instrument;
use secpulse::plan::{build, Library};
use secpulse::report::participation::participation;
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
    let ids: Vec<&str> = kinds.iter().map(|k| k.id()).collect();
    assert_eq!(ids, ["balance", "priority", "dimensions", "nps", "trend", "sensitive", "ranking"]);
    // Without waves, sensitive questions, rankings or released driver weights those sections are simply not there.
    let mut plain = report.clone();
    (plain.waves, plain.sensitive, plain.rankings, plain.drivers) = (None, vec![], vec![], vec![]);
    plain.segments.clear();
    let board = Board::of(&plain);
    let kinds: Vec<ChartKind> =
        board.sections.iter().filter_map(|s| if let Section::Chart { kind, .. } = s { Some(*kind) } else { None }).collect();
    assert_eq!(kinds, [ChartKind::Balance, ChartKind::Dimensions, ChartKind::Nps]);
    assert!(
        !board.sections.iter().any(|s| matches!(s, Section::Table { id, .. } if id == "breakdown")),
        "no breakdown, no breakdown table"
    );
    assert!(!board.summary.figures.iter().any(|f| f.label.starts_with("Change")));
    assert!(!board.summary.figures.iter().any(|f| f.label == "Response rate"), "no headcounts, no response rate");
    // Nothing left to trigger a practice (no drivers, statements or comments): no action plan.
    (plain.items, plain.comments) = (vec![], vec![]);
    assert!(plan_table(&Board::of(&plain)).is_none());
}

/// The action plan table of `board`, if it has one.
fn plan_table(board: &Board) -> Option<&DataTable> {
    board.sections.iter().find_map(|s| match s {
        Section::Table { id, table, .. } if id == "plan" => Some(table),
        _ => None,
    })
}

#[test]
fn the_action_plan_ranks_practices_with_the_numbers_that_triggered_them() {
    let report = report_of(&Instrument::default_instrument());
    let board = Board::of(&report);
    let table = plan_table(&board).expect("an action plan");
    assert_eq!(
        table.columns,
        ["Rank", "Practice", "First step this month", "What should move by next wave", "The numbers that triggered it"]
    );
    assert!(!table.rows.is_empty() && table.rows.len() <= PLAN_ACTIONS, "{}", table.rows.len());
    let plan = build(&report, &Library::default_library());
    for (row, action) in table.rows.iter().zip(&plan.actions) {
        assert_eq!((row[0].as_str(), &row[1], &row[2]), (action.rank.to_string().as_str(), &action.title, &action.first_step));
        assert!(row[3].starts_with(&action.next_wave.expect), "{row:?}");
        let strongest = action.triggers.iter().map(|t| t.points).max().unwrap();
        let top = action.triggers.iter().find(|t| t.points == strongest).unwrap();
        assert!(row[4].starts_with(&top.detail), "the strongest trigger's numbers first: {row:?}");
        let shown = action.triggers.iter().filter(|t| row[4].contains(&t.detail)).count();
        assert_eq!(shown, action.triggers.len().min(PLAN_TRIGGERS), "{row:?}");
        if action.triggers.len() > PLAN_TRIGGERS {
            assert!(row[4].ends_with(&format!("; and {} more", action.triggers.len() - PLAN_TRIGGERS)), "{row:?}");
        }
    }
    // The plan comes after the charts and before the breakdown table, as the issue orders them.
    let at = |id: &str| board.sections.iter().position(|s| matches!(s, Section::Table { id: x, .. } if x == id)).unwrap();
    let last_chart = board.sections.iter().rposition(|s| matches!(s, Section::Chart { .. })).unwrap();
    assert!(last_chart < at("plan") && at("plan") < at("breakdown"));
}

#[test]
fn the_response_rate_joins_the_summary_when_headcounts_are_given() {
    let mut report = report_of(&Instrument::default_instrument());
    let headcounts = Headcounts::from_csv(b"column,value,headcount\n*,*,5000\n").unwrap();
    report.participation = Some(participation(&report, &headcounts).unwrap());
    let board = Board::of(&report);
    let rate = board.summary.figures.iter().find(|f| f.label == "Response rate").expect("a response rate");
    assert_eq!(rate.value, "60%");
    assert_eq!(rate.detail, "3,000 of 5,000 people invited");
    let html = render(&board, &report);
    assert!(html.contains("<dt>Response rate</dt><dd class=\"value\">60%</dd>"), "in the HTML file");
    // Respondents not released (fewer than k): the rate is hidden too.
    report.participation.as_mut().unwrap().overall.as_mut().unwrap().rate = None;
    let rate = Board::of(&report).summary.figures.into_iter().find(|f| f.label == "Response rate").unwrap();
    assert_eq!(rate.value, "< 5");
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
    assert_eq!(html.matches("<svg").count(), 7, "one inline SVG per chart");
    assert!(html.contains("aria-labelledby=\"t-priority k-priority\""), "the priority chart");
    assert!(html.contains("aria-labelledby=\"t-sensitive k-sensitive\""));
    for heading in [
        "Executive summary",
        "Strengths and risks",
        "What to do about it: the action plan",
        "By department",
        "Method and anonymity",
        "Data tables",
    ] {
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

#[test]
fn the_board_is_worded_in_each_language() {
    use secpulse::lang::Lang;
    let english = Board::of(&report_of(&Instrument::default_instrument()));
    assert_eq!(english.lang, Lang::En);
    for (lang, summary, count) in [
        (Lang::De, "Zusammenfassung für die Leitung", "3.000 Teilnehmende"),
        (Lang::Fr, "Synthèse pour la direction", "3\u{202f}000 répondants"),
        (Lang::Es, "Resumen ejecutivo", "3000 participantes"),
    ] {
        let report = report_of(&Instrument::default_instrument().in_language(lang.code()));
        let board = Board::in_language(&report, lang);
        assert_eq!(board.sections.len(), english.sections.len(), "{lang}: the same sections");
        let html = render(&board, &report);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")) && html.contains(summary), "{lang}");
        assert!(board.subtitle.contains(count), "{lang}: {}", board.subtitle);
        let words: Vec<String> = std::iter::once(board.summary.headline.clone())
            .chain(board.summary.figures.iter().flat_map(|f| [f.label.clone(), f.detail.clone()]))
            .chain(board.sections.iter().flat_map(section_words))
            .collect();
        let text = words.join("\n");
        for english_word in
            [" the ", " people", "Respondents", "Strengths", "Risks", "favourable", "significant", "Method and", "Rank", "Change since"]
        {
            assert!(!text.contains(english_word), "{lang}: English {english_word:?} left in\n{text}");
        }
    }
}

/// The words of a section the board writes itself (charts are the chart module's).
fn section_words(s: &Section) -> Vec<String> {
    match s {
        Section::Points { title, lists, .. } => std::iter::once(title.clone())
            .chain(lists.iter().flat_map(|l| std::iter::once(l.title.clone()).chain(l.points.clone())))
            .collect(),
        Section::Table { title, lead, table, .. } => {
            [title.clone(), lead.clone(), table.caption.clone()].into_iter().chain(table.columns.iter().skip(1).cloned()).collect()
        }
        Section::Text { title, paragraphs, .. } => std::iter::once(title.clone()).chain(paragraphs.clone()).collect(),
        Section::Chart { .. } => Vec::new(),
    }
}

/// The strengths and risks of a board built from `report`, as plain lines.
fn points_of(report: &Report) -> (Vec<String>, Vec<String>) {
    let board = Board::of(report);
    let lists = board.sections.iter().find_map(|s| match s {
        Section::Points { lists, .. } => Some(lists.clone()),
        _ => None,
    });
    let lists = lists.expect("a strengths-and-risks section");
    (lists[0].points.clone(), lists[1].points.clone())
}

#[test]
fn a_negatively_worded_statement_is_a_strength_when_people_disagree_with_it() {
    let mut report = report_of(&Instrument::default_instrument());
    let reversed = report.items.iter().position(|i| i.reverse).expect("a reverse-keyed statement");
    let text = report.items[reversed].text.clone();
    report.items[reversed].favourable = Some(99.0);
    report.items[reversed].unfavourable = Some(0.5);
    let (strengths, _) = points_of(&report);
    assert!(strengths.contains(&format!("99% disagree: \u{201c}{text}\u{201d}")), "{strengths:#?}");
    report.items[reversed].favourable = Some(0.5);
    report.items[reversed].unfavourable = Some(98.0);
    let (_, risks) = points_of(&report);
    assert!(risks.contains(&format!("98% agree: \u{201c}{text}\u{201d}")), "{risks:#?}");
}
