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

/// A report of 10,500 synthetic respondents in three waves, broken down by department, with its
/// comments analysed, and the instrument's wording in `lang` (as the dashboard shows it).
fn chart_report(lang: &str) -> Report {
    use secpulse::privacy::CommentOptions;
    use secpulse::score::comments::AnalyzedComments;
    let ins = Instrument::default_instrument();
    let waves = ["2025-W1", "2025-W2", "2026-W1"].map(String::from).to_vec();
    let table = generate(&ins, &SynthOptions { n: 10_500, seed: 14, comment_rate: 0.3, waves, ..SynthOptions::default() });
    let opts = ScoreOptions { by: vec!["department".into()], wave: Some("wave".into()), ..ScoreOptions::default() };
    let analyzed = AnalyzedComments::new(&secpulse::text::Analyzer::new(), &table);
    let report = secpulse::views::score_with_comments(&ins, &table, &opts, Some((&analyzed, &CommentOptions::default())));
    report.expect("scores").in_language(&ins, lang)
}

/// Every word of a chart's text: title, takeaway, caption, column headers and cells.
fn chart_words(text: &secpulse::chart::ChartText) -> String {
    let cells = text.table.rows.iter().flatten().map(String::as_str);
    let all: Vec<&str> = [text.title.as_str(), &text.takeaway, &text.table.caption]
        .into_iter()
        .chain(text.table.columns.iter().map(String::as_str))
        .chain(cells)
        .collect();
    all.join(" | ")
}

#[test]
fn charts_speak_german_french_and_spanish_with_their_numbers() {
    use secpulse::chart::{describe, ChartKind, ChartOptions};
    use secpulse::lang::Lang;
    /// Whole English words that none of the three languages uses.
    const ENGLISH: [&str; 18] = [
        "the",
        "people",
        "respondents",
        "All",
        "Group",
        "Fewer",
        "than",
        "favourable",
        "and",
        "Strongest",
        "Lowest",
        "Most",
        "This",
        "survey",
        "Comments",
        "of",
        "Engineering",
        "answer",
    ];
    let english_report = chart_report("en");
    for lang in [Lang::De, Lang::Fr, Lang::Es] {
        let report = chart_report(lang.code());
        let o = ChartOptions { lang, ..ChartOptions::default() };
        for kind in ChartKind::ALL {
            let text = describe(kind, &report, &o);
            let english = describe(kind, &english_report, &ChartOptions::default());
            assert_ne!(text.title, english.title, "{lang} {kind:?} title");
            assert_ne!(text.takeaway, english.takeaway, "{lang} {kind:?} takeaway");
            let words = chart_words(&text);
            for word in words.split(|c: char| !c.is_alphanumeric()) {
                assert!(!ENGLISH.contains(&word), "{lang} {kind:?} has English {word:?}: {words}");
            }
        }
        let balance = describe(ChartKind::Balance, &report, &o);
        let everyone = &balance.table.rows[0];
        let n = report.respondents.expect("respondents") as u64;
        let (thousands, share) = if lang == Lang::Fr { ('\u{202f}', "\u{202f}%") } else { ('.', "\u{a0}%") };
        assert_eq!(everyone[1], format!("{}{thousands}{:03}", n / 1000, n % 1000), "{lang}: {everyone:?}");
        assert!(everyone[4].ends_with(share), "{lang}: {everyone:?}");
    }
    let english = describe(ChartKind::Balance, &english_report, &ChartOptions::default());
    let n = english_report.respondents.expect("respondents");
    assert!(n >= 10_000, "{n}");
    assert_eq!(english.table.rows[0][..2], ["All respondents".to_string(), format!("{},{:03}", n / 1000, n % 1000)]);
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
        (Lang::Es, ["Participantes: 900", "Global (0–100)"]),
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
/// A small instrument for the error-message tests: a choice, two Likert items, a 0–10 question.
fn errors_instrument() -> Instrument {
    let likert = |id: &str| serde_json::json!({ "type": "likert", "id": id, "text": id, "dimension": "en" });
    let role = serde_json::json!({ "type": "choice", "id": "role", "text": "Role?", "options": ["Leader", "Manager", "Staff"] });
    let questions = [role, likert("en1"), likert("en2"), serde_json::json!({ "type": "recommend", "id": "nps", "text": "D" })];
    let json = serde_json::json!({
        "id": "t", "version": "1", "title": "T", "intro": "I", "scale": { "min": 1, "max": 5 },
        "dimensions": [{ "id": "en", "name": "Enablement" }],
        "sections": [{ "id": "s", "title": "S", "questions": questions }],
    });
    Instrument::from_json(&json.to_string()).unwrap()
}

/// English words that must not be left in a German, French or Spanish error message.
const ENGLISH_IN_ERRORS: [&str; 22] = [
    " is ",
    "the ",
    " not ",
    "line ",
    " row",
    "column ",
    "outside",
    " of ",
    " fields",
    "header",
    "twice",
    " file",
    "invalid",
    "expected",
    "found",
    "question ",
    " and ",
    " at ",
    "usable",
    " more",
    "empty",
    "exceeded",
];

fn assert_no_english(lang: secpulse::lang::Lang, text: &str) {
    for word in ENGLISH_IN_ERRORS {
        assert!(!text.contains(word), "{lang}: English {word:?} in {text:?}");
    }
}

/// The error of reading `text` with the errors instrument.
fn errors_read_error(text: &str) -> ingest::IngestError {
    let format = ingest::detect_format(text.as_bytes());
    ingest::read_responses(&errors_instrument(), text.as_bytes(), format, &IngestOptions::default()).unwrap_err()
}

#[test]
fn bad_rows_are_described_in_every_language_with_their_place() {
    use secpulse::lang::Lang;
    let mut csv = String::from("role,en1,en2,nps\n");
    for _ in 0..1203 {
        csv.push_str("Staff,4,5,9\n");
    }
    // Lines 1,205 to 1,207 (rows 1,204 to 1,206).
    csv.push_str("Staff,4,7,9\nBoss,4,4,9\nStaff,4,4\n");
    let read = ingest::read_responses(&errors_instrument(), csv.as_bytes(), ingest::Format::Csv, &IngestOptions::default()).unwrap();
    let problems = &read.summary.problems;
    assert_eq!(problems.len(), 3);
    let english: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        english,
        [
            "line 1,205 (row 1,204), column en2: \"7\" is outside 1–5",
            "line 1,206 (row 1,205), column role: \"Boss\" is not an option of role (Leader, Manager, Staff)",
            "line 1,207 (row 1,206): the row has 3 fields, the header has 4",
        ]
    );
    assert!(problems.iter().zip(&english).all(|(p, e)| e.ends_with(&p.message) && p.describe(Lang::En) == *e));
    let de: Vec<String> = problems.iter().map(|p| p.describe(Lang::De)).collect();
    assert_eq!(
        de,
        [
            "Zeile 1.205 (Datensatz 1.204), Spalte en2: \"7\" liegt außerhalb der Skala 1–5",
            "Zeile 1.206 (Datensatz 1.205), Spalte role: \"Boss\" ist keine Antwortmöglichkeit von role (Leader, Manager, Staff)",
            "Zeile 1.207 (Datensatz 1.206): der Datensatz hat 3 Felder, die Kopfzeile hat 4",
        ]
    );
    let nnbsp = '\u{202f}';
    assert_eq!(
        problems[0].describe(Lang::Fr),
        format!("ligne 1{nnbsp}205 (enregistrement 1{nnbsp}204), colonne en2\u{a0}: \"7\" est hors de l’échelle 1–5")
    );
    // Spanish groups digits from five on (as Intl does): 1205.
    assert_eq!(problems[2].describe(Lang::Es), "línea 1207 (registro 1206): el registro tiene 3 campos, el encabezado tiene 4");
    for lang in [Lang::De, Lang::Fr, Lang::Es] {
        let worded = read.summary.clone().in_language(lang);
        for (p, w) in problems.iter().zip(&worded.problems) {
            assert_eq!(w.message, p.cause.describe(lang));
            assert!(p.describe(lang).ends_with(&w.message));
            assert_no_english(lang, &p.describe(lang));
        }
    }
}

#[test]
fn unreadable_files_are_described_in_every_language() {
    use secpulse::lang::Lang;
    let duplicate = errors_read_error("role,en1,en2,en1,nps\n");
    let missing = errors_read_error("role,en1,wave\nStaff,4,x\n");
    let json = errors_read_error("[{\"en1\": 4, \"en2\": 5, \"nps\": 9},\n {\"en1\" 4}]");
    let no_rows = ingest::read_responses(
        &errors_instrument(),
        b"role,en1,en2,nps\nBoss,4,4,9\nStaff,9,4,9\n",
        ingest::Format::Csv,
        &IngestOptions::default(),
    )
    .unwrap()
    .with_rows()
    .unwrap_err();
    // English as before.
    assert_eq!(duplicate.to_string(), "the header has column \"en1\" twice (columns 2 and 4)");
    assert_eq!(missing.to_string(), "the file has no column for questions en2, nps");
    assert_eq!(json.to_string(), "invalid JSON at line 2, column 9: expected `:`");
    assert_eq!(
        no_rows.to_string(),
        "no usable rows: line 2 (row 1), column role: \"Boss\" is not an option of role (Leader, Manager, Staff) (and 1 more problem)"
    );
    assert_eq!(duplicate.describe(Lang::De), "die Kopfzeile enthält die Spalte \"en1\" zweimal (Spalten 2 und 4)");
    assert_eq!(missing.describe(Lang::Fr), "le fichier n’a pas de colonne pour les questions en2, nps");
    assert_eq!(json.describe(Lang::Es), "JSON no válido en la línea 2, columna 9: se esperaba `:`");
    assert_eq!(json.describe(Lang::De), "ungültiges JSON in Zeile 2, Spalte 9: `:` wird erwartet");
    assert!(no_rows.describe(Lang::De).starts_with("keine verwendbaren Zeilen: Zeile 2 (Datensatz 1), Spalte role:"));
    assert!(no_rows.describe(Lang::De).ends_with("(und 1 weiteres Problem)"));
    for lang in [Lang::De, Lang::Fr, Lang::Es] {
        for e in [&duplicate, &missing, &json] {
            assert_no_english(lang, &e.describe(lang));
        }
        assert_no_english(lang, &no_rows.describe(lang));
    }
}

#[test]
fn the_survey_row_check_words_the_ingest_problems_in_the_form_language() {
    use secpulse::ingest::row_check::{check_row, check_row_in};
    use secpulse::lang::Lang;
    let row = serde_json::json!({ "role": "Staff", "en1": 9, "nps": 9 });
    let english = check_row(&errors_instrument(), &row);
    assert_eq!(english.errors.len(), 1);
    assert_eq!(english.errors[0].message, "9 is outside 1–5");
    let german = check_row_in(&errors_instrument(), &row, Lang::De);
    assert_eq!((german.errors[0].column.as_deref(), german.errors[0].code), (Some("en1"), None));
    assert_eq!(german.errors[0].message, "9 liegt außerhalb der Skala 1–5");
    assert_eq!(check_row_in(&errors_instrument(), &row, Lang::Es).errors[0].message, "9 está fuera de la escala 1–5");
}

#[test]
fn the_terminal_report_writes_group_sizes_per_language() {
    use secpulse::lang::Lang;
    use secpulse::report::plain::render_in;
    let base = Instrument::default_instrument();
    let table = generate(&base, &SynthOptions { n: 4000, seed: 5, ..SynthOptions::default() });
    let options = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
    let report = score(&base, &table, &options).unwrap();
    let n = report.segments["department"].iter().filter_map(|g| g.n).max().expect("a released group");
    assert!(n >= 1000, "a group of four digits or more: {n}");
    for lang in [Lang::En, Lang::De, Lang::Fr] {
        let text = render_in(&report, lang);
        assert!(text.contains(&format!(" {} ", lang.count(n as u64))), "{lang}: {} in\n{text}", lang.count(n as u64));
        assert!(!text.contains(&format!(" {n} ")), "{lang}: {n} ungrouped in\n{text}");
    }
}

#[test]
fn breakdown_columns_have_translated_names_and_bad_labels_are_refused() {
    use secpulse::lang::Lang;
    use secpulse::report::plain::render_in;
    let base = Instrument::default_instrument();
    let table = generate(&base, &SynthOptions { n: 900, seed: 5, ..SynthOptions::default() });
    let options = ScoreOptions { by: vec!["department".into(), "role".into()], ..ScoreOptions::default() };
    let english = score(&base, &table, &options).unwrap();
    assert_eq!(english.column_name("department"), "Department");
    assert_eq!(english.column_name("wave"), "Wave", "a column the instrument does not name: its id with a capital");
    for (lang, department, role) in [(Lang::De, "Abteilung", "Rolle"), (Lang::Fr, "Service", "Rôle"), (Lang::Es, "Departamento", "Rol")] {
        let report = english.in_language(&base, lang.code());
        assert_eq!((report.column_name("department").as_str(), report.column_name("role").as_str()), (department, role));
        let text = render_in(&report, lang);
        assert!(!text.contains("department") && !text.contains("Department"), "{lang}: the column id left in\n{text}");
    }
    let mut json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&base).unwrap()).unwrap();
    json["translations"]["de"]["questions"]["en1"]["label"] = "Kurz".into();
    let error = Instrument::from_json(&json.to_string()).unwrap_err().to_string();
    assert!(error.contains("translations.de.questions.en1") && error.contains("label"), "{error}");
    let mut json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&base).unwrap()).unwrap();
    json["sections"][0]["questions"][0]["label"] = " ".into();
    let error = Instrument::from_json(&json.to_string()).unwrap_err().to_string();
    assert!(error.contains("sections[0].questions[0]"), "{error}");
}
