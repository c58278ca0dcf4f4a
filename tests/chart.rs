//! Every chart renders to SVG for a realistic report; labels are there; groups under
//! the minimum size never show a value; user text is escaped.

#[path = "common/chart_fixture.rs"]
mod fixture;

use secpulse::chart::{describe, preferred_height, svg, ChartKind, ChartOptions, Theme};
use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::privacy::MinGroup;
use secpulse::report::Report;
use secpulse::score::comments::AnalyzedComments;
use secpulse::text::Analyzer;
use secpulse::views::{score_with_comments, ScoreOptions};

fn report_of(departments: &[(&str, usize, i32)]) -> Report {
    report_with_wave(departments, Some("wave"))
}

/// The fixture's report with `wave` as the wave column (`None`: the wave is just a column,
/// and the comment texts of the departments, not of the waves, are released first).
fn report_with_wave(departments: &[(&str, usize, i32)], wave: Option<&str>) -> Report {
    let ins = Instrument::default_instrument();
    let table = fixture::table_with(&ins, departments);
    let opts = ScoreOptions { by: vec!["department".into()], wave: wave.map(str::to_string), min_group: MinGroup::default() };
    let analyzed = AnalyzedComments::new(&Analyzer::new(), &table);
    score_with_comments(&ins, &table, &opts, Some((&analyzed, &CommentOptions::default()))).expect("scores")
}

fn report() -> Report {
    report_of(&fixture::DEPARTMENTS)
}

fn options() -> ChartOptions {
    ChartOptions::default()
}

fn render(kind: ChartKind, report: &Report, o: &ChartOptions) -> String {
    let h = preferred_height(kind, report, o);
    svg(kind, report, 900, h, o).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

#[test]
fn every_chart_renders_with_its_labels() {
    let r = report();
    let o = options();
    let expect: [(ChartKind, &[&str]); 9] = [
        (ChartKind::Balance, &["All respondents", "Engineering", "Finance", "Always says no", "Always offers options"]),
        (ChartKind::Dimensions, &["Enablement", "Responsiveness", "Strong 75+"]),
        (ChartKind::Likert, &["Unfavourable", "Favourable", "n 2"]),
        (ChartKind::Heatmap, &["Engineering", "Enablement", "&lt; 5"]),
        (ChartKind::Trend, &["2025-W1", "2026-W1", "Overall"]),
        (ChartKind::Nps, &["All respondents", "2025-W2", "More promoters"]),
        (ChartKind::Sentiment, &["All comments", "Engineering", "Negative", "Positive", "&lt; 10"]),
        (ChartKind::Stance, &["All comments", "Engineering", "Blocks work", "Enables work", "&lt; 10"]),
        (ChartKind::Themes, &["Says no", "Speed, waiting", "Training"]),
    ];
    for (kind, labels) in expect {
        let out = render(kind, &r, &o);
        assert!(out.starts_with("<svg"), "{kind:?}");
        // SECPULSE_SVG_DIR=dir cargo test --test chart: keep the pictures to look at.
        if let Ok(dir) = std::env::var("SECPULSE_SVG_DIR") {
            std::fs::write(format!("{dir}/{}.svg", kind.id()), &out).expect("writes svg");
        }
        for l in labels {
            assert!(out.contains(l), "{kind:?} lacks {l:?}");
        }
        let text = describe(kind, &r, &o);
        assert!(!text.title.is_empty() && !text.takeaway.is_empty(), "{kind:?}");
        assert!(!text.table.rows.is_empty(), "{kind:?} has an empty table");
        assert!(text.table.rows.iter().all(|row| row.len() == text.table.columns.len()), "{kind:?} ragged table");
    }
}

#[test]
fn headline_takeaway_names_the_extremes() {
    let t = describe(ChartKind::Balance, &report(), &options());
    assert!(t.takeaway.starts_with("Engineering sees the team as most likely to say no"), "{}", t.takeaway);
    assert!(t.takeaway.contains("Finance sees the most options"), "{}", t.takeaway);
}

#[test]
fn suppressed_groups_show_only_as_under_k() {
    let r = report();
    let groups = &r.segments["department"];
    let hidden: Vec<&str> = groups.iter().filter(|g| g.suppressed).map(|g| g.value.as_str()).collect();
    assert!(hidden.contains(&"Legal") && hidden.contains(&"Procurement"), "{hidden:?}");
    for kind in ChartKind::ALL {
        let out = render(kind, &r, &options());
        let text = describe(kind, &r, &options());
        for row in text.table.rows.iter().filter(|row| hidden.contains(&row[0].as_str())) {
            for cell in &row[1..] {
                assert!(cell.is_empty() || cell == "< 5" || cell == "< 10", "{kind:?}: {row:?}");
            }
        }
        // The SVG row of a hidden group carries its name and "< 5" only: no number next to it.
        for name in &hidden {
            if let Some(pos) = out.find(&format!(">{name}<")) {
                let after = &out[pos..(pos + 600).min(out.len())];
                let next_text = after.split("<text").nth(1).unwrap_or("");
                let content = next_text.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
                assert!(
                    content.contains("&lt; 5")
                        || content.contains("&lt; 10")
                        || content.is_empty()
                        || !content.chars().any(|c| c.is_ascii_digit()),
                    "{kind:?} {name}: {content}"
                );
            }
        }
    }
}

#[test]
fn user_text_is_escaped_in_svg() {
    let evil = "<script>alert(1)</script>";
    let r = report_of(&[(evil, 40, 0), ("Ops \"&'", 40, 1)]);
    for kind in [ChartKind::Balance, ChartKind::Heatmap] {
        let out = render(kind, &r, &options());
        assert!(!out.contains("<script"), "{kind:?}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || out.contains("&lt;script&gt;"), "{kind:?}");
        assert!(out.contains("&quot;&amp;&apos;") || out.contains("Ops"), "{kind:?}");
    }
}

#[test]
fn everything_suppressed_still_draws_and_says_why() {
    let r = report_of(&[("Engineering", 3, 0)]);
    for kind in ChartKind::ALL {
        let out = render(kind, &r, &ChartOptions::default());
        assert!(out.starts_with("<svg"));
        let t = describe(kind, &r, &ChartOptions::default());
        assert!(!t.takeaway.contains("NaN"), "{kind:?}: {}", t.takeaway);
        let waves = ["2025-W1", "2025-W2", "2026-W1"];
        for row in &t.table.rows {
            for cell in row[1..].iter().filter(|c| !waves.contains(&c.as_str())) {
                assert!(!cell.chars().any(|c| c.is_ascii_digit()) || cell == "< 5" || cell == "< 10", "{kind:?}: {row:?}");
            }
        }
    }
}

#[test]
fn titled_exports_dark_theme_and_unknown_kinds() {
    let o = ChartOptions { titled: true, theme: Theme::Dark, neutral: false, ..options() };
    let out = render(ChartKind::Balance, &report(), &o);
    assert!(out.contains("Does the security team say no, or offer options?"));
    assert!(
        out.contains("#16181C") || out.contains("#16181c") || out.contains("rgb(22,24,28)") || out.contains("22,24,28"),
        "dark background"
    );
    assert!("pie".parse::<ChartKind>().unwrap_err().to_string().contains("balance, dimensions"));
    assert_eq!("likert".parse::<ChartKind>().unwrap(), ChartKind::Likert);
}

#[test]
fn comment_charts_come_from_the_report_and_hide_small_groups() {
    let r = report();
    let q = r.comments.iter().find(|q| q.id == "does_well").expect("comments analysed");
    let groups = &q.segments["department"];
    let shown: Vec<&str> = groups.iter().filter(|g| !g.suppressed).map(|g| g.value.as_str()).collect();
    let hidden: Vec<&str> = groups.iter().filter(|g| g.suppressed).map(|g| g.value.as_str()).collect();
    assert!(shown.contains(&"Engineering") && hidden.contains(&"Legal") && hidden.len() >= 2, "{groups:?}");
    for kind in [ChartKind::Sentiment, ChartKind::Stance] {
        let t = describe(kind, &r, &options());
        assert!(t.title.contains("What does the security team do well?"), "{}", t.title);
        assert_eq!(t.table.rows[0][1], q.n.unwrap().to_string(), "{kind:?}");
        for row in t.table.rows.iter().filter(|row| hidden.contains(&row[0].as_str())) {
            assert!(row[1] == "< 10" && row[2..].iter().all(String::is_empty), "{kind:?}: {row:?}");
        }
    }
    let themes = describe(ChartKind::Themes, &r, &options());
    let total: usize = q.summary.as_ref().unwrap().themes.iter().map(|t| t.count).sum();
    let table_total: usize = themes.table.rows.iter().map(|row| row[1].replace(',', "").parse::<usize>().unwrap()).sum();
    assert_eq!(total, table_total);
    // A published report (serialised and read back) draws the same.
    let back: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    for kind in [ChartKind::Sentiment, ChartKind::Stance, ChartKind::Themes] {
        assert_eq!(render(kind, &back, &options()), render(kind, &r, &options()), "{kind:?}");
    }
    // Without comment analysis the charts say so.
    let mut none = r.clone();
    none.comments.clear();
    assert!(describe(ChartKind::Sentiment, &none, &options()).takeaway.contains("no comment analysis"));
    assert!(render(ChartKind::Themes, &none, &options()).contains("no comment analysis"));
}

#[test]
fn hostile_segment_names_are_escaped_in_comment_charts() {
    let payloads: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/xss-payloads.json").unwrap()).unwrap();
    let evil: Vec<String> =
        ["html", "svg"].iter().flat_map(|k| payloads[k].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string())).collect();
    let departments: Vec<(&str, usize, i32)> = evil.iter().map(|e| (e.as_str(), 60, 0)).collect();
    // Comment counts follow the texts' release (Boolean atoms): with ~20 comments per
    // department split over 3 waves, releasing the waves first would leave no department
    // shown, so this test (about escaping group names) treats the wave as a plain column.
    let r = report_with_wave(&departments, None);
    let q = r.comments.iter().find(|q| q.id == "does_well").unwrap();
    assert!(q.segments["department"].iter().filter(|g| !g.suppressed).count() >= evil.len() - 2, "most payload groups shown");
    for kind in [ChartKind::Sentiment, ChartKind::Stance, ChartKind::Themes] {
        let out = render(kind, &r, &ChartOptions { titled: true, ..options() });
        for bad in ["<script", "<img", "<iframe", "<foreignObject", "<use", "<animate", "<style", "<base", "<a ", "<details"] {
            assert!(!out.contains(bad), "{kind:?} SVG contains {bad}");
        }
        // No tag carries an event handler or a javascript: link (escaped text may mention them).
        for tag in out.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
            let lower = tag.to_lowercase();
            assert!(!lower.contains(" on") && !lower.contains("javascript:") && !lower.contains("href"), "{kind:?}: <{tag}>");
        }
        // Every text element's content is escaped: no raw < or > inside.
        for text in out.split("<text").skip(1) {
            let content = text.split_once('>').map_or("", |(_, c)| c.split("</text>").next().unwrap_or(""));
            assert!(!content.contains('<') && !content.contains('>'), "{kind:?}: {content}");
        }
    }
    assert!(render(ChartKind::Sentiment, &r, &options()).contains("&lt;script&gt;"));
}

#[test]
fn phones_get_whole_statements_and_a_column_key_instead_of_cut_labels() {
    let r = report();
    let phone = ChartOptions { width: Some(366.0), ..options() };
    let h = preferred_height(ChartKind::Likert, &r, &phone);
    assert!(h > preferred_height(ChartKind::Likert, &r, &options()), "taller on phones");
    let out = svg(ChartKind::Likert, &r, 366, h, &phone).unwrap();
    // Every statement is readable in full (on one or two lines), none ends in "…".
    let texts: Vec<&str> =
        out.split("<text").skip(1).filter_map(|t| t.split_once('>').map(|(_, c)| c.split("</text>").next().unwrap_or("").trim())).collect();
    let cut = texts.iter().filter(|t| t.ends_with('\u{2026}')).count();
    assert!(cut <= 1, "{cut} statements cut: {texts:?}");
    let first_words: Vec<&str> = r
        .items
        .iter()
        .map(|i| i.text.split(' ').take(4).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .leak()
        .iter()
        .map(String::as_str)
        .collect();
    for (item, start) in r.items.iter().zip(&first_words) {
        assert!(
            texts.iter().any(|t| t.replace("&apos;", "'").replace("&quot;", "\"").starts_with(*start)),
            "{} missing: {texts:?}",
            item.text
        );
    }
    let hh = preferred_height(ChartKind::Heatmap, &r, &phone);
    let heat = svg(ChartKind::Heatmap, &r, 366, hh, &phone).unwrap();
    assert!(heat.contains("1 Enablement") && heat.contains("2 Responsiveness"), "numbered column key");
    assert!(!heat.contains("E\u{2026}"));
}

/// A report of the instrument with a randomized-response question, synthetic answers from
/// every department (the last two under 5 people) and the leaders' ranking.
fn sensitive_report() -> Report {
    let json = std::fs::read_to_string("www/examples/instrument-sensitive.json").expect("example instrument");
    let ins = Instrument::from_json(&json).expect("valid instrument");
    let table = secpulse::synth::generate(&ins, &secpulse::synth::SynthOptions { n: 3000, seed: 11, ..Default::default() });
    let opts = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
    secpulse::views::score(&ins, &table, &opts).expect("scores")
}

#[test]
fn randomized_response_chart_shows_estimates_with_their_wider_intervals() {
    let r = sensitive_report();
    let o = options();
    let out = render(ChartKind::Sensitive, &r, &o);
    if let Ok(dir) = std::env::var("SECPULSE_SVG_DIR") {
        std::fs::write(format!("{dir}/sensitive.svg"), &out).expect("writes svg");
    }
    for label in ["All respondents", "Engineering", "Estimated share", "&lt; 5"] {
        assert!(out.contains(label), "sensitive chart lacks {label:?}");
    }
    let t = describe(ChartKind::Sensitive, &r, &o);
    assert!(t.takeaway.starts_with("An estimated "), "{}", t.takeaway);
    assert!(t.takeaway.contains("as wide as a direct question"), "{}", t.takeaway);
    let all = &t.table.rows[0];
    assert_eq!(all[0], "All respondents");
    let widths: f64 = all[4].trim_end_matches('\u{d7}').parse().expect("a width factor");
    assert!(widths > 1.0, "randomized response widens the interval: {all:?}");
    let s = &r.sensitive[0];
    let groups = &s.segments["department"];
    assert_eq!(t.table.rows.len(), 1 + groups.len());
    for (row, g) in t.table.rows[1..].iter().zip(groups) {
        assert_eq!(row[0], g.value);
        if g.estimate.share.is_none() {
            assert!(row[1..].iter().all(|c| c.is_empty() || c == "< 5"), "{row:?}");
        }
    }
    assert!(t.table.rows.iter().all(|row| row.len() == t.table.columns.len()));
}

#[test]
fn ranking_chart_orders_systems_by_borda_importance() {
    let r = sensitive_report();
    let out = render(ChartKind::Ranking, &r, &options());
    if let Ok(dir) = std::env::var("SECPULSE_SVG_DIR") {
        std::fs::write(format!("{dir}/ranking.svg"), &out).expect("writes svg");
    }
    let ranking = &r.rankings[0];
    assert!(ranking.n.is_some() && !ranking.options.is_empty(), "leaders ranked");
    assert!(!ranking.text.is_empty(), "the question travels with the ranking");
    for o in &ranking.options {
        assert!(out.contains(&o.option.replace('&', "&amp;")), "ranking chart lacks {}", o.option);
    }
    let t = describe(ChartKind::Ranking, &r, &options());
    assert!(t.takeaway.contains(&ranking.options[0].option), "{}", t.takeaway);
    let places: Vec<&str> = t.table.rows.iter().map(|row| row[2].as_str()).collect();
    assert_eq!(places[0], "1");
    let importance: Vec<f64> = t.table.rows.iter().map(|row| row[3].parse().unwrap()).collect();
    assert!(importance.windows(2).all(|w| w[0] >= w[1]), "most important first: {importance:?}");
    assert!(importance.iter().all(|&i| (0.0..=100.0).contains(&i)));
}

#[test]
fn surveys_without_sensitive_or_ranking_questions_say_so() {
    let mut r = report();
    r.rankings.clear();
    r.sensitive.clear();
    for kind in [ChartKind::Sensitive, ChartKind::Ranking] {
        let out = render(kind, &r, &options());
        assert!(out.contains("This survey"), "{kind:?}");
        assert!(describe(kind, &r, &options()).table.rows.is_empty());
    }
}

#[test]
fn the_trend_names_the_largest_and_smallest_change_by_size_and_counts_one_point_as_one() {
    let mut r = report();
    let waves = r.waves.as_mut().expect("waves");
    let (first, last) = (0, waves.waves.len() - 1);
    assert!(last > first, "two waves or more");
    let n_dims = r.dimensions.len();
    // Every dimension goes from 60 to 60 + change: one falls by 9 (the largest change), one rises by 0.2.
    let changes: Vec<f64> = (0..n_dims).map(|d| [-9.0, 0.2, 3.0, 4.0, 5.0, 6.0, 7.0][d % 7]).collect();
    for (w, moved) in [(first, 0.0), (last, 1.0)] {
        let group = &mut waves.waves[w];
        group.overall.as_mut().unwrap().score.score = Some(60.0 + moved);
        for (d, dim) in group.dimensions.as_mut().unwrap().iter_mut().enumerate() {
            dim.score.score = Some(if w == first { 60.0 } else { 60.0 + changes[d] });
        }
    }
    let name = |d: usize| r.dimension_names[d].name.clone();
    let takeaway = describe(ChartKind::Trend, &r, &options()).takeaway;
    assert!(takeaway.contains("moved +1 point;"), "{takeaway}");
    assert!(takeaway.contains(&format!("{} changed most (\u{2212}9)", name(0))), "{takeaway}");
    assert!(takeaway.contains(&format!("{} least (0)", name(1))), "{takeaway}");
}
