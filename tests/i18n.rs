//! Languages: the default instrument's translations are complete, translations are checked with
//! errors that say where, and responses (answer codes, never labels) score the same in every language.

use secpulse::ingest::{self, IngestOptions};
use secpulse::instrument::{Instrument, Question, DEFAULT_INSTRUMENT_JSON};
use secpulse::report::Report;
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score, ScoreOptions};

const LANGUAGES: [&str; 3] = ["de", "fr", "es"];

/// The wording fields of `q` a respondent sees (besides options), with their base text.
fn wording(q: &Question) -> Vec<(&'static str, &str)> {
    let mut out = vec![("text", q.text())];
    match q {
        Question::Bipolar { left, right, .. } => out.extend([("left", left.as_str()), ("right", right.as_str())]),
        Question::Recommend { low_label, high_label, .. } => {
            out.extend([("low_label", low_label.as_str()), ("high_label", high_label.as_str())])
        }
        Question::Text { help, .. } => out.push(("help", help.as_str())),
        _ => {}
    }
    out
}

/// A translated text must be given wherever the base text is not empty (it may equal the base
/// text: "Marketing" is Marketing in German too).
fn given(lang: &str, what: &str, base: &str, translated: Option<&String>) {
    assert!(base.is_empty() || translated.is_some_and(|t| !t.trim().is_empty()), "{lang}: {what} is not translated");
}

#[test]
fn the_default_instrument_is_translated_completely() {
    let en = Instrument::default_instrument();
    assert_eq!(en.languages().collect::<Vec<_>>(), ["de", "es", "fr"]);
    for lang in LANGUAGES {
        let tr = &en.translations[lang];
        given(lang, "title", &en.title, tr.title.as_ref());
        given(lang, "intro", &en.intro, tr.intro.as_ref());
        assert_eq!(tr.scale.len(), en.scale.labels.len(), "{lang}: scale labels");
        for d in &en.dimensions {
            let t = tr.dimensions.get(&d.id);
            given(lang, &d.id, &d.name, t.and_then(|t| t.name.as_ref()));
            given(lang, &d.id, &d.description, t.and_then(|t| t.description.as_ref()));
        }
        for s in &en.sections {
            let t = tr.sections.get(&s.id);
            given(lang, &s.id, &s.title, t.and_then(|t| t.title.as_ref()));
            given(lang, &s.id, &s.description, t.and_then(|t| t.description.as_ref()));
        }
        for q in en.questions() {
            let t = tr.questions.get(q.id());
            for (field, base) in wording(q) {
                let text = t.and_then(|t| match field {
                    "text" => t.text.as_ref(),
                    "left" => t.left.as_ref(),
                    "right" => t.right.as_ref(),
                    "low_label" => t.low_label.as_ref(),
                    "high_label" => t.high_label.as_ref(),
                    _ => t.help.as_ref(),
                });
                given(lang, &format!("{}.{field}", q.id()), base, text);
            }
            for code in q.listed_answers().unwrap_or_default() {
                given(lang, &format!("option {code:?} of {}", q.id()), code, t.and_then(|t| t.options.get(code)));
            }
        }
        // The worded copy changes wording only: options are answer codes, the same in every language.
        let local = en.in_language(lang);
        assert_eq!(local.title, *tr.title.as_ref().unwrap());
        assert!(en.questions().zip(local.questions()).all(|(a, b)| a.listed_answers() == b.listed_answers() && a.id() == b.id()));
    }
}

#[test]
fn answers_in_any_language_score_together() {
    let en = Instrument::default_instrument();
    let table = generate(&en, &SynthOptions { n: 400, seed: 14, ..SynthOptions::default() });
    let mut csv = Vec::new();
    ingest::write_csv(&en, &table, &mut csv).unwrap();
    let options = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
    let english = score(&en, &table, &options).unwrap();
    for lang in LANGUAGES {
        let local = en.in_language(lang);
        // A response file written by the form in this language holds the same codes: it reads the same.
        let mut local_csv = Vec::new();
        ingest::write_csv(&local, &table, &mut local_csv).unwrap();
        assert_eq!(local_csv, csv, "{lang}: the form would store labels, not codes");
        let read = ingest::read_responses(&local, &csv, ingest::Format::Csv, &IngestOptions::default()).unwrap();
        assert_eq!(read.summary.rows_skipped, 0);
        let report = score(&local, &read.table, &options).unwrap();
        assert_eq!(report.overall, english.overall, "{lang}");
        // The same groups with the same numbers (only the wording of the balance poles differs).
        let numbers = |r: &Report| {
            let groups = r.segments["department"].iter();
            let dims = r.dimensions.iter().map(|d| (d.score.clone(), d.favourable)).collect::<Vec<_>>();
            (
                dims,
                groups
                    .map(|g| (g.value.clone(), g.n, g.overall.clone(), g.dimensions.clone(), g.balance.as_ref().map(|b| b.score)))
                    .collect::<Vec<_>>(),
            )
        };
        assert!(numbers(&report) == numbers(&english), "{lang}: the same answers score differently");
    }
    // A label in place of a code is not an answer: it is named, not silently counted.
    let german = String::from_utf8(csv.clone()).unwrap().replacen("Engineering", "Entwicklung", 1);
    let read = ingest::read_responses(&en, german.as_bytes(), ingest::Format::Csv, &IngestOptions::default()).unwrap();
    assert_eq!(read.summary.rows_skipped, 1);
    assert!(read.summary.problems[0].message.contains("Entwicklung"), "{}", read.summary.problems[0].message);
}

/// The default instrument with its German translation of question `id` replaced by `with` (JSON).
fn with_german(id: &str, with: serde_json::Value) -> String {
    let mut json: serde_json::Value = serde_json::from_str(DEFAULT_INSTRUMENT_JSON).unwrap();
    json["translations"]["de"]["questions"][id] = with;
    json.to_string()
}

fn error_of(json: &str) -> String {
    Instrument::from_json(json).unwrap_err().to_string()
}

#[test]
fn translations_are_checked_with_their_place() {
    let e = error_of(&with_german("en9", serde_json::json!({ "text": "Neu" })));
    assert!(e.contains("translations.de.questions.en9") && e.contains("no question has this id"), "{e}");
    let e = error_of(&with_german("role", serde_json::json!({ "options": { "Boss": "Chef" } })));
    assert!(e.contains("translations.de.questions.role.options") && e.contains("\"Boss\" is not an option"), "{e}");
    let e = error_of(&with_german("en1", serde_json::json!({ "text": "Text", "left": "links" })));
    assert!(e.contains("a likert question has no \"left\""), "{e}");
    let e = error_of(&with_german("en1", serde_json::json!({ "text": " " })));
    assert!(e.contains("translations.de.questions.en1.text: is empty"), "{e}");
    let e = error_of(&with_german("en1", serde_json::json!({ "txt": "Text" })));
    assert!(e.contains("unknown field `txt`") && e.contains("line"), "{e}");

    let mut json: serde_json::Value = serde_json::from_str(DEFAULT_INSTRUMENT_JSON).unwrap();
    json["translations"]["fr"]["scale"] = serde_json::json!(["Non", "Oui"]);
    let e = error_of(&json.to_string());
    assert!(e.contains("translations.fr.scale: has 2 labels for 5 scale points"), "{e}");
    json["translations"]["fr"]["scale"] = serde_json::json!([]);
    json["translations"]["German"] = serde_json::json!({});
    let e = error_of(&json.to_string());
    assert!(e.contains("translations.German") && e.contains("2- or 3-letter"), "{e}");
}

#[test]
fn a_plain_instrument_stays_valid_and_unchanged_in_any_language() {
    let mut json: serde_json::Value = serde_json::from_str(DEFAULT_INSTRUMENT_JSON).unwrap();
    json.as_object_mut().unwrap().remove("translations");
    let plain = Instrument::from_json(&json.to_string()).unwrap();
    assert_eq!(plain.in_language("de"), plain);
    assert!(!serde_json::to_string(&plain).unwrap().contains("translations"));
}

#[test]
fn the_terminal_report_is_worded_in_each_language() {
    use secpulse::lang::Lang;
    use secpulse::report::plain::render_in;
    let base = Instrument::default_instrument();
    let table = generate(&base, &SynthOptions { n: 900, seed: 5, ..SynthOptions::default() });
    let options = ScoreOptions { by: vec!["department".into()], wave: Some("wave".into()), ..ScoreOptions::default() };
    let english = score(&base, &table, &options).unwrap();
    assert_eq!(render_in(&english, Lang::En), secpulse::report::plain::render(&english));
    for (lang, words) in [
        (Lang::De, ["Teilnehmende: 900", "Gesamt (0–100)"]),
        (Lang::Fr, ["Répondants\u{a0}: 900", "Global (0–100)"]),
        (Lang::Es, ["Participantes: 900", "General (0–100)"]),
    ] {
        let report = score(&base.in_language(lang.code()), &table, &options).unwrap();
        let text = render_in(&report, lang);
        for w in words {
            assert!(text.contains(w), "{lang}: {w:?} in\n{text}");
        }
        assert!(text.contains(&format!("{}%", if lang == Lang::Fr { '\u{202f}' } else { '\u{a0}' })), "{lang}: percent sign");
        for english_word in
            [" the ", "Respondents", "Overall", "Band", "promoters", "Group ", "By wave", "suppressed", "What drives", "Statement"]
        {
            assert!(!text.contains(english_word), "{lang}: English {english_word:?} left in\n{text}");
        }
    }
}
