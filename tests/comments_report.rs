//! Comments in the report: threshold, complementary suppression per group, redaction, shuffling.

use secpulse::ingest::{ResponseTable, MISSING};
use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::privacy::MinGroup;
use secpulse::score::comments::AnalyzedComments;
use secpulse::text::Analyzer;
use secpulse::views::{score_with_comments, ScoreOptions};

/// 35 respondents (20 Engineering, 12 Finance, 3 HR), each with a "should change" comment;
/// row 5's comment contains an e-mail address; `commenters` limits how many rows commented.
fn table(commenters: usize) -> (Instrument, ResponseTable) {
    let ins = Instrument::default_instrument();
    let mut t = ResponseTable::for_instrument(&ins);
    t.rows = 35;
    t.answers.iter_mut().for_each(|c| c.values = vec![MISSING; 35]);
    let dept = t.segments.iter_mut().find(|s| s.name == "department").unwrap();
    let code = |l: &str| dept.labels.iter().position(|x| x == l).unwrap() as u32;
    let (eng, fin, hr) = (code("Engineering"), code("Finance"), code("Human Resources"));
    dept.codes = (0..35)
        .map(|r| {
            if r < 20 {
                eng
            } else if r < 32 {
                fin
            } else {
                hr
            }
        })
        .collect();
    for seg in t.segments.iter_mut().filter(|s| s.name != "department") {
        seg.codes = vec![u32::MAX; 35].into();
    }
    let texts = t.texts.iter_mut().find(|c| c.id == "should_change").unwrap();
    texts.entries = (0..commenters as u32)
        .map(|r| {
            let text = match r {
                5 => "Write to jane.doe@corp.example if you want the details; reviews take weeks.".to_string(),
                r if r % 2 == 0 => format!("Reviews take weeks and they always say no (#{r})."),
                r => format!("They found a way to make our launch work safely, thank you (#{r})."),
            };
            (r, text.into())
        })
        .collect();
    (ins, t)
}

fn comments_of(commenters: usize) -> secpulse::report::CommentReport {
    let (ins, t) = table(commenters);
    let analyzed = AnalyzedComments::new(&Analyzer::new(), &t);
    let options = ScoreOptions { by: vec!["department".into()], min_group: MinGroup::new(5).unwrap(), ..Default::default() };
    let report = score_with_comments(&ins, &t, &options, Some((&analyzed, &CommentOptions::default()))).unwrap();
    report.comments.into_iter().find(|c| c.id == "should_change").unwrap()
}

#[test]
fn groups_under_the_comment_threshold_are_hidden_with_their_complement() {
    let c = comments_of(35);
    assert_eq!((c.n, c.min_comments), (Some(35), 10));
    let summary = c.summary.as_ref().unwrap();
    assert_eq!(summary.n, 35);
    assert!(summary.stance.blocker >= 10 && summary.stance.enabler >= 10, "{summary:?}");
    let groups = &c.segments["department"];
    let by = |v: &str| groups.iter().find(|g| g.value == v).unwrap();
    // HR has 3 comments (< 10); Finance (12, the next smallest) is hidden with it.
    assert!(by("Human Resources").suppressed && by("Human Resources").summary.is_none());
    assert!(by("Finance").suppressed && by("Finance").n.is_none());
    assert_eq!(by("Finance").n_label, "< 10");
    assert_eq!(by("Engineering").n, Some(20));
    assert_eq!(by("Engineering").summary.as_ref().unwrap().n, 20);
}

#[test]
fn samples_are_redacted_shuffled_and_only_name_visible_groups() {
    let c = comments_of(35);
    assert_eq!(c.samples.len(), 35);
    assert!(c.samples.iter().all(|s| !s.text.contains('@')), "e-mail redacted");
    assert!(c.samples.iter().any(|s| s.text.contains("[email]")));
    assert_eq!(c.redacted.emails, 1);
    let numbers: Vec<&str> = c.samples.iter().filter_map(|s| s.text.split("(#").nth(1)).collect();
    let mut sorted = numbers.clone();
    sorted.sort_by_key(|n| n.trim_end_matches(").").parse::<u32>().unwrap_or(0));
    assert_ne!(numbers, sorted, "samples are not in row order");
    for s in &c.samples {
        assert!(s.groups.get("department").is_none_or(|d| d == "Engineering"), "{:?}", s.groups);
    }
    assert_eq!(c.samples.iter().filter(|s| s.groups.contains_key("department")).count(), 20);
}

#[test]
fn too_few_comments_show_nothing() {
    let c = comments_of(9);
    assert_eq!(c.n, None);
    assert!(c.summary.is_none() && c.samples.is_empty());
    // The groups are listed as in the people breakdown, every one hidden.
    assert!(c.segments.values().flatten().all(|g| g.suppressed && g.n.is_none() && g.summary.is_none()));
}

#[test]
fn identical_comments_are_sampled_once() {
    let (ins, mut t) = table(35);
    let texts = t.texts.iter_mut().find(|c| c.id == "should_change").unwrap();
    texts.entries.iter_mut().take(20).for_each(|(_, text)| *text = "Reviews take weeks.".into());
    let analyzed = AnalyzedComments::new(&Analyzer::new(), &t);
    let report = score_with_comments(&ins, &t, &ScoreOptions::default(), Some((&analyzed, &CommentOptions::default()))).unwrap();
    let c = report.comments.iter().find(|c| c.id == "should_change").unwrap();
    assert_eq!(c.n, Some(35), "counts keep every comment");
    assert_eq!(c.samples.iter().filter(|s| s.text == "Reviews take weeks.").count(), 1);
    assert_eq!(c.samples.len(), 16);
}

#[test]
fn a_published_report_is_told_from_response_data_and_read_back() {
    use secpulse::report::{publish_json, Report};
    let ins = secpulse::instrument::Instrument::default_instrument();
    let table = secpulse::synth::generate(&ins, &secpulse::synth::SynthOptions { n: 50, seed: 2, ..Default::default() });
    let json = publish_json(&secpulse::views::score(&ins, &table, &Default::default()).unwrap());
    let with_bom = format!("\u{feff}{json}");
    assert_eq!(Report::published_text(with_bom.as_bytes()), Some(json.as_str()));
    assert_eq!(Report::from_json(&json).unwrap().respondents, Some(50));
    // Response data (a JSON array, JSON Lines, CSV) is not a report.
    for data in ["[{\"en1\": 4}]", "{\"en1\": 4}\n{\"en1\": 3}\n", "en1\n4\n", "{\"en1\": 4}"] {
        assert_eq!(Report::published_text(data.as_bytes()), None, "{data}");
    }
    let wrong = Report::from_json("{\"format\": \"other/1\"}").unwrap_err();
    assert!(wrong.contains("not a secpulse report") && wrong.contains("other/1"), "{wrong}");
}
