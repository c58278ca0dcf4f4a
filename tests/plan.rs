//! The action plan and response rates: the shipped practices library is valid, a bad one
//! says where, the plan shows only released numbers, and rates follow the people decision.

use secpulse::ingest::headcounts::Headcounts;
use secpulse::instrument::Instrument;
use secpulse::plan::{build, Library, TriggerKind};
use secpulse::report::participation::participation;
use secpulse::report::Report;
use secpulse::synth::{generate, SynthOptions};
use secpulse::views::{score_with_comments, ScoreOptions};

fn report(n: usize, seed: u64, by: &[&str]) -> Report {
    report_in(n, seed, by, "en")
}

/// [`report`] with the instrument worded in `lang` (its statements and names in that language).
fn report_in(n: usize, seed: u64, by: &[&str], lang: &str) -> Report {
    let instrument = Instrument::default_instrument().in_language(lang);
    let table = generate(&instrument, &SynthOptions { n, seed, ..SynthOptions::default() });
    let options = secpulse::privacy::CommentOptions::default();
    let analyzed = secpulse::score::comments::AnalyzedComments::new(&secpulse::text::Analyzer::new(), &table);
    let by = by.iter().map(|s| s.to_string()).collect();
    score_with_comments(&instrument, &table, &ScoreOptions { by, ..ScoreOptions::default() }, Some((&analyzed, &options))).unwrap()
}

#[test]
fn the_shipped_library_covers_every_area_and_is_valid() {
    let library = Library::default_library();
    library.validate(&Instrument::default_instrument()).unwrap();
    let areas: Vec<&str> = library.practices.iter().map(|p| p.area.as_str()).collect();
    for area in [
        "customer_focus",
        "responsiveness",
        "approachability",
        "communication",
        "leadership",
        "shared_responsibility",
        "preparedness",
        "team_growth",
    ] {
        assert!(areas.contains(&area), "{area}");
    }
}

#[test]
fn a_bad_library_says_where() {
    let ins = Instrument::default_instrument();
    let json = serde_json::to_string(&Library::default_library()).unwrap();
    let err = |from: &str, to: &str| Library::from_json(&json.replacen(from, to, 1), &ins).unwrap_err().to_string();
    assert_eq!(
        err("\"items\":[\"rs4\"", "\"items\":[\"rs9\""),
        "practices library practices[4] (id \"published-review-times\").items[0]: unknown Likert item \"rs9\"; known: en1, en2, en3, en4, rs1, rs2, rs3, rs4, ap1, ap2, ap3, ap4, cm1, cm2, cm3, ld1, ld2, ld3, sr1, sr2, sr3, pr1, pr2, pr3, pr4"
    );
    assert!(err("\"themes\":[\"bottleneck\"]", "\"themes\":[\"slowness\"]").contains(".themes[0]: unknown comment theme \"slowness\""));
    assert!(
        err("\"dimensions\":[\"leadership\"]", "\"dimensions\":[\"leaders\"]").contains(".dimensions[0]: unknown dimension \"leaders\"")
    );
    assert!(err("\"id\":\"yes-if\"", "\"id\":\"option-with-every-no\"").ends_with("(id \"option-with-every-no\"): the id is used twice"));
    assert!(err("\"effort\":\"low\"", "\"effort\":\"tiny\"").starts_with("practices library is not valid: unknown variant `tiny`"));
    assert!(err("\"comment_questions\":[\"should_change\"]", "\"comment_questions\":[\"en1\"]")
        .starts_with("practices library comment_questions[0]: unknown free-text question \"en1\""));
    let broken = Library::from_json("{\"id\": \"x\",\n \"version\": 1}", &ins).unwrap_err().to_string();
    assert!(broken.contains("line 2"), "{broken}");
}

#[test]
fn the_plan_ranks_practices_by_released_evidence() {
    let r = report(3000, 7, &[]);
    let plan = build(&r, &Library::default_library());
    assert!(plan.actions.len() >= 5);
    assert!(plan.actions.windows(2).all(|w| w[0].points >= w[1].points));
    assert_eq!(plan.actions.iter().map(|a| a.rank).collect::<Vec<_>>(), (1..=plan.actions.len()).collect::<Vec<_>>());
    for a in &plan.actions {
        assert_eq!(a.points, a.triggers.iter().map(|t| t.points).sum::<u32>());
    }
    // Enablement is "fix first" for the balance in this survey (Johnson weight ≈ 56%).
    let top = &plan.actions[0];
    assert!(
        top.triggers.iter().any(|t| t.kind == TriggerKind::Driver && t.id == "enablement" && t.detail.contains("fix first")),
        "{top:?}"
    );
    let short = plan.clone().top(3);
    assert_eq!((short.actions.len(), short.more.len()), (3, plan.actions.len() - 3));
}

#[test]
fn a_small_survey_plans_without_hidden_numbers() {
    // 25 respondents: under the drivers' minimum base (30) and the comment threshold per theme.
    let r = report(25, 3, &[]);
    assert!(r.drivers.iter().all(|d| d.r2.is_none()));
    let plan = build(&r, &Library::default_library());
    assert!(plan.actions.iter().flat_map(|a| &a.triggers).all(|t| t.kind != TriggerKind::Driver));
    // Nothing at all is released under k: no triggers, no plan.
    let tiny = build(&report(4, 3, &[]), &Library::default_library());
    assert!(tiny.actions.is_empty(), "{:?}", tiny.actions);
}

#[test]
fn response_rates_show_only_released_groups() {
    let r = report(400, 5, &["department"]);
    let groups = &r.segments["department"];
    let shown = groups.iter().find(|g| g.n.is_some()).unwrap();
    let hidden = groups.iter().find(|g| g.suppressed).expect("synth makes small groups");
    let csv = format!(
        "column,value,headcount\n*,*,1000\ndepartment,{},{}\ndepartment,{},20\ndepartment,Nobody,7\n",
        shown.value,
        shown.n.unwrap() * 2,
        hidden.value
    );
    let p = participation(&r, &Headcounts::from_csv(csv.as_bytes()).unwrap()).unwrap();
    let all = p.overall.unwrap();
    assert_eq!((all.headcount, all.respondents, all.rate), (1000, Some(400), Some(40.0)));
    let rates = &p.groups["department"];
    assert_eq!(rates[0].rate, Some(50.0));
    assert_eq!((rates[1].respondents, rates[1].rate, rates[1].respondents_label.as_str()), (None, None, "< 5"));
    assert_eq!((rates[2].respondents, rates[2].rate), (None, None));
    let bad = Headcounts::from_csv(b"column,value,headcount\nsite,north,10\n").unwrap();
    assert!(participation(&r, &bad).unwrap_err().to_string().contains("add --by site"));
}

#[test]
fn the_shipped_library_is_translated_into_every_language() {
    let library = Library::default_library();
    assert_eq!(library.translations.keys().map(String::as_str).collect::<Vec<_>>(), ["de", "es", "fr"]);
    for (code, tr) in &library.translations {
        for p in &library.practices {
            let text = &tr.practices[&p.id];
            assert!(text.title != p.title && text.why != p.why && text.first_step != p.first_step, "{code}: {} is not translated", p.id);
        }
    }
}

/// The default library as JSON with `edit` applied to its translations.
fn with_translations(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = serde_json::to_value(Library::default_library()).unwrap();
    edit(&mut v["translations"]);
    v.to_string()
}

#[test]
fn a_bad_translation_is_refused_with_where() {
    let instrument = Instrument::default_instrument();
    let error = |json: String| Library::from_json(&json, &instrument).unwrap_err().to_string();
    let unknown = error(with_translations(|t| t["pt"] = t["de"].clone()));
    assert!(unknown.contains("translations.pt: unknown language"), "{unknown}");
    let missing = error(with_translations(|t| {
        t["fr"]["practices"].as_object_mut().unwrap().remove("fast-lane");
    }));
    assert!(missing.contains("translations.fr.practices: no wording for practice \"fast-lane\""), "{missing}");
    let stray = error(with_translations(|t| t["es"]["practices"]["no-such"] = t["es"]["practices"]["fast-lane"].clone()));
    assert!(stray.contains("translations.es.practices.no-such: the library has no practice"), "{stray}");
    let empty = error(with_translations(|t| t["de"]["practices"]["yes-if"]["why"] = " ".into()));
    assert!(empty.contains("translations.de.practices.yes-if.why: must not be empty"), "{empty}");
    let field = error(with_translations(|t| t["de"]["practices"]["yes-if"]["effort"] = "low".into()));
    assert!(field.contains("unknown field `effort`"), "{field}");
}

#[test]
fn the_plan_is_worded_in_each_language_and_ranked_the_same() {
    use secpulse::lang::Lang;
    use secpulse::plan::{build_in, render};
    let report = report(1500, 7, &["department"]);
    let library = Library::default_library();
    let english = build(&report, &library);
    assert_eq!(build_in(&report, &library, Lang::En), english);
    for (lang, words) in [
        (Lang::De, ["Diesen Monat:", "Maßnahmenplan"]),
        (Lang::Fr, ["Ce mois-ci\u{a0}:", "Plan d’action"]),
        (Lang::Es, ["Este mes:", "Plan de acción"]),
    ] {
        let plan = build_in(&report_in(1500, 7, &["department"], lang.code()), &library, lang);
        let ids = |p: &secpulse::plan::Plan| p.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&plan), ids(&english), "{lang}: the same ranking");
        let text = render::text(&plan) + &render::markdown(&plan);
        for w in words {
            assert!(text.contains(w), "{lang}: {w:?} in {text}");
        }
        for english_word in [" the ", "favourable", "This month", "Why:", "is \u{201c}", "comments of", "effort low", "effort medium"] {
            assert!(!text.contains(english_word), "{lang}: English {english_word:?} left in {text}");
        }
        let driver = plan.actions.iter().flat_map(|a| &a.triggers).find(|t| t.kind == TriggerKind::Driver).expect("a driver trigger");
        assert!(driver.detail.contains(','), "{lang}: decimal comma in {}", driver.detail);
    }
}

#[test]
fn practice_areas_are_named_in_each_language_and_checked() {
    use secpulse::lang::Lang;
    use secpulse::plan::build_in;
    let report = report(1500, 7, &["department"]);
    let library = Library::default_library();
    let areas: std::collections::BTreeSet<&str> = library.practices.iter().map(|p| p.area.as_str()).collect();
    for (code, tr) in &library.translations {
        assert_eq!(tr.areas.keys().map(String::as_str).collect::<std::collections::BTreeSet<_>>(), areas, "{code}: every area named");
    }
    let english = build(&report, &library);
    assert!(english.actions.iter().all(|a| a.area_name == library.areas[&a.area]));
    let german = build_in(&report, &library, Lang::De);
    let focus = german.actions.iter().find(|a| a.area == "customer_focus").expect("a customer-focus practice");
    assert_eq!(focus.area_name, "Kundenorientierung");
    let instrument = Instrument::default_instrument();
    let stray = Library::from_json(&with_translations(|t| t["fr"]["areas"]["no_such"] = "X".into()), &instrument).unwrap_err().to_string();
    assert!(stray.contains("translations.fr.areas.no_such: no practice has this area"), "{stray}");
}

#[test]
fn the_text_header_reads_right_for_one_all_and_some() {
    use secpulse::plan::render;
    let report = report(1500, 7, &["department"]);
    let plan = build(&report, &Library::default_library());
    let all = plan.actions.len() + plan.more.len();
    assert!(all > 3, "{all} practices triggered");
    let header = |n: usize| render::text(&plan.clone().top(n)).lines().next().unwrap().to_string();
    assert!(header(1).starts_with(&format!("Action plan: the first of {all} practices triggered")), "{}", header(1));
    assert!(header(3).starts_with(&format!("Action plan: the first 3 of {all} practices triggered")), "{}", header(3));
    assert!(header(all).starts_with(&format!("Action plan: all {all} practices triggered")), "{}", header(all));
}
