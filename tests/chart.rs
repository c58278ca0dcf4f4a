//! Every chart renders to SVG for a realistic report; labels are there; groups under
//! the minimum size never show a value; user text is escaped.

#[path = "chart_fixture.rs"]
mod fixture;

use secpulse::chart::{describe, preferred_height, svg, ChartKind, ChartOptions, CommentCount, Theme};
use secpulse::instrument::Instrument;
use secpulse::privacy::MinGroup;
use secpulse::report::Report;
use secpulse::score::{score, ScoreOptions};

fn report_of(departments: &[(&str, usize, i32)]) -> Report {
    let ins = Instrument::default_instrument();
    let table = fixture::table_with(&ins, departments);
    let opts = ScoreOptions { by: vec!["department".into()], wave: Some("wave".into()), min_group: MinGroup::default() };
    score(&ins, &table, &opts).expect("scores")
}

fn report() -> Report {
    report_of(&fixture::DEPARTMENTS)
}

fn options() -> ChartOptions {
    ChartOptions {
        comments: vec![
            CommentCount { id: "does_well".into(), question: "What does the security team do well?".into(), n: Some(87) },
            CommentCount { id: "should_change".into(), question: "What should the security team change?".into(), n: None },
        ],
        ..ChartOptions::default()
    }
}

fn render(kind: ChartKind, report: &Report, o: &ChartOptions) -> String {
    let h = preferred_height(kind, report, o);
    svg(kind, report, 900, h, o).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

#[test]
fn every_chart_renders_with_its_labels() {
    let r = report();
    let o = options();
    let expect: [(ChartKind, &[&str]); 7] = [
        (ChartKind::Balance, &["All respondents", "Engineering", "Finance", "Always says no", "Always offers options"]),
        (ChartKind::Dimensions, &["Enablement", "Responsiveness", "Strong 75+"]),
        (ChartKind::Likert, &["Unfavourable", "Favourable", "n 2"]),
        (ChartKind::Heatmap, &["Engineering", "Enablement", "&lt; 5"]),
        (ChartKind::Trend, &["2025-W1", "2026-W1", "Overall"]),
        (ChartKind::Nps, &["All respondents", "2025-W2", "More promoters"]),
        (ChartKind::Comments, &["What does the security team do well?", "87", "&lt; 5"]),
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
                assert!(cell.is_empty() || cell == "< 5", "{kind:?}: {row:?}");
            }
        }
        // The SVG row of a hidden group carries its name and "< 5" only: no number next to it.
        for name in &hidden {
            if let Some(pos) = out.find(&format!(">{name}<")) {
                let after = &out[pos..(pos + 600).min(out.len())];
                let next_text = after.split("<text").nth(1).unwrap_or("");
                let content = next_text.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
                assert!(content.contains("&lt; 5") || content.is_empty() || !content.chars().any(|c| c.is_ascii_digit()), "{kind:?} {name}: {content}");
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
                assert!(!cell.chars().any(|c| c.is_ascii_digit()) || cell == "< 5", "{kind:?}: {row:?}");
            }
        }
    }
}

#[test]
fn titled_exports_dark_theme_and_unknown_kinds() {
    let o = ChartOptions { titled: true, theme: Theme::Dark, neutral: false, ..options() };
    let out = render(ChartKind::Balance, &report(), &o);
    assert!(out.contains("Does the security team say no, or offer options?"));
    assert!(out.contains("#16181C") || out.contains("#16181c") || out.contains("rgb(22,24,28)") || out.contains("22,24,28"), "dark background");
    assert!("pie".parse::<ChartKind>().unwrap_err().to_string().contains("balance, dimensions"));
    assert_eq!("likert".parse::<ChartKind>().unwrap(), ChartKind::Likert);
}
