//! Charts first (issue 15): views whose comments are analysed later report the same released
//! scores at once, no comment sections until then, and afterwards exactly what views with the
//! comments analysed at load report.

use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::text::Analyzer;
use secpulse::views::{View, ViewConfig, Views};

fn config() -> ViewConfig {
    ViewConfig { wave: Some("wave".into()), comments: Some(CommentOptions::default()), ..ViewConfig::default() }
}

fn both() -> (Views, Views) {
    let instrument = Instrument::default_instrument();
    let table = secpulse::synth::dashboard_sample(&instrument, 400, 7).unwrap();
    let now = Views::new(instrument.clone(), table.clone(), config(), None);
    let later = Views::with_comments_later(instrument, table, config());
    (now, later)
}

#[test]
fn scores_come_first_with_the_same_numbers_and_comments_follow() {
    let (mut now, mut later) = both();
    let view = View::by("department");
    let full = now.report(&view).unwrap();
    assert!(full.comments.iter().any(|c| c.n.is_some()), "the sample has comments to analyse");

    let mut first = later.report(&view).unwrap();
    assert!(first.comments.is_empty(), "no comment sections before the analysis");
    first.comments.clone_from(&full.comments);
    assert_eq!(secpulse::report::publish_json(&first), secpulse::report::publish_json(&full), "the scores are released alike");

    later.analyse_comments(&Analyzer::new());
    assert_eq!(secpulse::report::publish_json(&later.report(&view).unwrap()), secpulse::report::publish_json(&full));
    let filtered = View::by("department").showing("department", "Engineering");
    assert_eq!(
        secpulse::report::publish_json(&later.report(&filtered).unwrap()),
        secpulse::report::publish_json(&now.report(&filtered).unwrap())
    );
}

#[test]
fn rows_appended_before_the_analysis_are_analysed_with_the_rest() {
    let (mut now, mut later) = both();
    let instrument = Instrument::default_instrument();
    let more = secpulse::synth::dashboard_sample(&instrument, 100, 8).unwrap();
    now.append(more.clone(), &Analyzer::new()).unwrap();
    later.append(more, &Analyzer::new()).unwrap();
    later.analyse_comments(&Analyzer::new());
    let view = View::default();
    assert_eq!(secpulse::report::publish_json(&later.report(&view).unwrap()), secpulse::report::publish_json(&now.report(&view).unwrap()));
}
