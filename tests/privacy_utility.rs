//! Utility of the disclosure layer on the demo data (10,000 synthetic respondents, three
//! waves, as the dashboard's sample): the share of statistics shown, per chart, over every
//! view the dashboard offers, with the linked protection and with primary suppression only.
//! Run: `cargo test --test privacy_utility -- --ignored --nocapture`.

use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::report::Report;
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{Protection, View, ViewConfig, Views};

/// (shown, total) statistics per chart of one report.
fn per_chart(r: &Report, out: &mut [(usize, usize); 6]) {
    let mut add = |i: usize, shown: bool| {
        out[i].1 += 1;
        out[i].0 += usize::from(shown);
    };
    for groups in r.segments.values() {
        for g in groups {
            add(0, g.balance.as_ref().is_some_and(|b| b.score.is_some()));
            for d in g.dimensions.iter().flatten() {
                add(1, d.score.score.is_some());
            }
            add(2, g.nps.as_ref().is_some_and(|n| n.score.is_some()));
        }
    }
    for i in &r.items {
        add(3, i.favourable.is_some());
    }
    for w in r.waves.iter().flat_map(|w| &w.waves) {
        add(4, w.overall.as_ref().is_some_and(|o| o.score.score.is_some()));
    }
    for c in &r.comments {
        for g in c.segments.values().flatten() {
            add(5, g.n.is_some());
        }
    }
}

#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn utility_on_the_demo_data() {
    let ins = Instrument::default_instrument();
    let waves = ["2025-H1", "2025-H2", "2026-H1"].map(String::from).to_vec();
    let table = generate(&ins, &SynthOptions { n: 10_000, seed: 1, waves, ..SynthOptions::default() });
    let names =
        ["balance (per group)", "heatmap (group × dimension)", "NPS (per group)", "likert items", "trend (per wave)", "comment groups"];
    for protection in [Protection::PrimaryOnly, Protection::Linked] {
        let config =
            ViewConfig { wave: Some("wave".into()), comments: Some(CommentOptions::default()), protection, ..ViewConfig::default() };
        let mut views = Views::new(ins.clone(), table.clone(), config, None);
        let start = std::time::Instant::now();
        let dashboard: Vec<View> = views.reachable().into_iter().filter(|v| v.by.len() == 1).collect();
        let mut counts = [(0, 0); 6];
        let mut refused = 0;
        for v in &dashboard {
            match views.report(v) {
                Ok(r) => per_chart(&r, &mut counts),
                Err(_) => refused += 1,
            }
        }
        println!("{protection:?}: {} dashboard views ({refused} refused), {:.1}s", dashboard.len(), start.elapsed().as_secs_f64());
        for (name, (shown, total)) in names.iter().zip(counts) {
            println!("  {name:<28} {shown:>6} / {total:<6} {:>5.1}%", 100.0 * shown as f64 / total.max(1) as f64);
        }
    }
}
