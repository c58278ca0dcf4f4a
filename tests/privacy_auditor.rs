//! The auditor (issue 11): a test that plays a determined reader against every view a
//! reader can reach (`Views::reachable`, `Views::report`, `Views::publish`), on random
//! surveys and on one crafted survey per class of leak the independent review found.
//!
//! What it attacks and how: see `tests/common/audit.rs`. In short, every released number
//! is recorded with the rows behind it (recomputed from the raw rows, and checked against
//! every n secpulse shows), and the auditor looks for 1..k−1 answers (comments:
//! 1..threshold−1 authors) that follow by subtracting nested or sibling populations (pairs,
//! triples, and any linear combination that isolates one cell of the cross-classification
//! or a union of two), for people-breakdown sizes bounded by comment counts, for comment
//! groups listed only when someone in them commented, for comment texts attributable to
//! fewer than the threshold of authors, and for published shares finer than a whole percent.
//!
//! Each crafted class has two tests: `classN_…_found_when_unprotected` (the attack works
//! against `Protection::PrimaryOnly`) and `classN_…_protected` (no finding at all against
//! `Protection::Linked`; ignored until the linked-table layer lands).
//!
//! Runs (the summary line gives surveys, views, numbers checked and findings per class):
//! - CI: `cargo test --test privacy_auditor -- --include-ignored --nocapture`: 2,000 random
//!   surveys against `Linked` (`random_surveys`, two threads; about 140 CPU-seconds in the
//!   debug build, so about 70 s on two idle cores) and 200 against `PrimaryOnly`.
//! - Longer: `SECPULSE_AUDIT_SURVEYS=20000 SECPULSE_AUDIT_SEED=2 cargo test --test
//!   privacy_auditor random_surveys -- --include-ignored --exact --nocapture` (about ten
//!   times as long; `--release` should shorten it, not measured). `SECPULSE_AUDIT_SURVEYS_OFF`
//!   sets the number of surveys of the `PrimaryOnly` run.

#[path = "common/audit.rs"]
mod audit;

use audit::{audit, random_survey, sensitive_instrument, Audit, GenOptions, Person, Survey, COMMENT_THRESHOLD};
use secpulse::instrument::{Instrument, Question};
use secpulse::text::Analyzer;
use secpulse::views::{Protection, View, Views};

fn run(survey: &Survey, protection: Protection) -> Audit {
    audit(survey, protection, &Analyzer::new())
}

fn show(a: &Audit, class: u8) -> String {
    a.findings.iter().filter(|f| class == 0 || f.class == class).take(8).map(|f| format!("\n  {f}")).collect()
}

/// The crafted survey leaks `class` when the protection is off, and nothing with it on.
fn leaks_only_unprotected(survey: &Survey, class: u8) {
    let off = run(survey, Protection::PrimaryOnly);
    assert!(!off.of_class(class).is_empty(), "class {class} not found with PrimaryOnly; findings: {:?}{}", off.by_class(), show(&off, 0));
    let on = run(survey, Protection::Linked);
    assert!(on.findings.is_empty(), "Linked leaks: {:?}{}", on.by_class(), show(&on, 0));
}

fn likert_ids(ins: &Instrument, dimension: Option<&str>) -> Vec<String> {
    ins.questions()
        .filter_map(|q| match q {
            Question::Likert { id, dimension: d, .. } if dimension.map_or(true, |x| x == d) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// Someone in `dept` answering every Likert item with `v`, NPS with `nps`.
fn full(ins: &Instrument, dept: &str, v: u8, nps: u8) -> Person {
    likert_ids(ins, None)
        .iter()
        .fold(Person::new().seg("department", dept).answer("nps", nps).answer("en_balance", 4), |p, id| p.answer(id, v))
}

fn survey(people: Vec<Person>, wave: bool) -> Survey {
    Survey { instrument: sensitive_instrument(), people, wave: wave.then(|| "wave".into()), k: 5 }
}

fn repeat(n: usize, p: impl Fn(usize) -> Person) -> Vec<Person> {
    (0..n).map(p).collect()
}

// ---------------------------------------------------------------------------------------
// One crafted survey per class
// ---------------------------------------------------------------------------------------

/// Class 1: the split counts answers, suppression counted people with a dimension score. In
/// the review's case Legal's one person answered one Enablement item only; splits and items
/// now count scored respondents only (as the scores do), so that answer counts nowhere. The
/// subtraction is kept: Legal's one person, scored, unfavourable, is hidden with HR (6 people,
/// NPS only, no split) as partner, yet total minus Engineering and Sales is Legal's split.
fn class1() -> Survey {
    let ins = sensitive_instrument();
    let mut people = repeat(20, |_| full(&ins, "Engineering", 4, 9));
    people.extend(repeat(20, |_| full(&ins, "Sales", 4, 8)));
    people.push(full(&ins, "Legal", 1, 8));
    people.extend(repeat(6, |_| Person::new().seg("department", "Human Resources").answer("nps", 7)));
    survey(people, false)
}

/// Class 2: HR (13 people, all commented) is hidden as Legal's partner in the people breakdown
/// but shown with 13 comments in the comment breakdown (where Sales, 11 comments, is the
/// partner): Legal's size (< 5) follows. And the role breakdown of comments lists Leader
/// (one person, who commented) but not Manager (one person, no comment).
fn class2() -> Survey {
    let ins = sensitive_instrument();
    let note = |i: usize| format!("reviews are slow and answers late, note {}", ["alpha", "bravo", "charlie", "delta", "echo"][i % 5]);
    let staff = |p: Person| p.seg("role", "Staff");
    let mut people = repeat(20, |i| {
        let p = staff(full(&ins, "Engineering", 4, 9));
        if i < 12 {
            p.comment("should_change", &format!("{} e{}", note(i), i % 3))
        } else {
            p
        }
    });
    people.extend(repeat(15, |i| {
        let p = staff(full(&ins, "Sales", 3, 8));
        if i < 11 {
            p.comment("should_change", &format!("{} s{}", note(i), i % 3))
        } else {
            p
        }
    }));
    people.extend(repeat(13, |i| staff(full(&ins, "Human Resources", 2, 6)).comment("should_change", &format!("{} h{}", note(i), i % 3))));
    people.push(full(&ins, "Legal", 1, 2).seg("role", "Leader").comment("should_change", "legal reviews are never answered"));
    people.push(full(&ins, "Legal", 1, 2).seg("role", "Manager"));
    survey(people, false)
}

/// Class 3: Everyone (42 NPS answers) minus "Show Engineering" (20) minus "Show Sales" (20): the
/// two answers of the hidden Legal group. HR (6 people, no NPS) is Legal's partner.
fn class3() -> Survey {
    let ins = sensitive_instrument();
    let mut people = repeat(20, |_| full(&ins, "Engineering", 4, 9));
    people.extend(repeat(20, |_| full(&ins, "Sales", 4, 8)));
    people.extend(repeat(2, |_| full(&ins, "Legal", 1, 0)));
    people.extend(repeat(6, |_| {
        likert_ids(&ins, Some("enablement")).iter().fold(Person::new().seg("department", "Human Resources"), |p, id| p.answer(id, 3))
    }));
    survey(people, false)
}

/// Class 4: In wave 2026-H1 two of Legal's ten people answered NPS: hidden in the wave view, but
/// the wave total and Sales are shown.
fn class4() -> Survey {
    let ins = sensitive_instrument();
    let mut people = Vec::new();
    for wave in ["2025-H2", "2026-H1"] {
        people.extend(repeat(10, |_| full(&ins, "Sales", 4, 9).seg("wave", wave)));
        people.extend(repeat(10, |i| {
            let p = full(&ins, "Legal", 3, 0).seg("wave", wave);
            let mut p = p;
            if wave == "2026-H1" && i >= 2 {
                p.answers.remove("nps");
            }
            p
        }));
    }
    survey(people, true)
}

/// Class 5: Everyone: 26 comments, 11 untagged by department; "Show Engineering" lists its 10;
/// the one untagged text left over is the single Legal author's.
fn class5() -> Survey {
    let ins = sensitive_instrument();
    let words =
        ["slow", "kind", "late", "fair", "vague", "clear", "busy", "calm", "rigid", "open", "quick", "noisy", "tired", "honest", "useful"];
    let mut people = repeat(12, |i| {
        let p = full(&ins, "Engineering", 4, 9);
        if i < 10 {
            p.comment("should_change", &format!("engineering finds the reviews {}", words[i]))
        } else {
            p
        }
    });
    people.extend(repeat(20, |i| {
        let p = full(&ins, "Sales", 3, 8);
        if i < 15 {
            p.comment("should_change", &format!("sales finds the answers {}", words[i]))
        } else {
            p
        }
    }));
    people.push(full(&ins, "Legal", 1, 0).comment("should_change", "nobody ever reads the contract questions"));
    people.extend(repeat(8, |_| full(&ins, "Human Resources", 3, 7)));
    survey(people, false)
}

/// Class 6: Randomized response: 20 answers in 2025-H2, 2 of 8 people in 2026-H1 answered. Everyone
/// minus the 2025-H2 view gives the two reported answers of 2026-H1.
fn class6() -> Survey {
    let ins = sensitive_instrument();
    let mut people = repeat(20, |i| full(&ins, "Sales", 4, 9).seg("wave", "2025-H2").answer("workaround", (i % 2) as u8));
    people.extend(repeat(8, |i| {
        let p = full(&ins, "Sales", 4, 9).seg("wave", "2026-H1");
        if i < 2 {
            p.answer("workaround", 1)
        } else {
            p
        }
    }));
    survey(people, true)
}

#[test]
fn class1_split_rests_on_answers_found_when_unprotected() {
    let a = run(&class1(), Protection::PrimaryOnly);
    assert!(!a.of_class(1).is_empty(), "{:?}{}", a.by_class(), show(&a, 0));
}

#[test]
fn class1_split_rests_on_answers_protected() {
    leaks_only_unprotected(&class1(), 1);
}

/// Class 1, linked form (second red team's open leak, now closed): Finance's 9 people answered
/// every item and x skipped one Enablement item (still scored, on the mean of three). Finance's
/// Enablement score next to its four item means gives x's answered total.
fn class1_skipped_item() -> Survey {
    let ins = sensitive_instrument();
    let mut people = repeat(20, |i| full(&ins, "Engineering", 2 + (i % 3) as u8, 9));
    people.extend(repeat(9, |i| full(&ins, "Finance", 2 + (i % 4) as u8, 8)));
    let mut x = full(&ins, "Finance", 5, 8);
    x.answers.remove("en1");
    people.push(x);
    survey(people, false)
}

#[test]
fn class1_score_next_to_items_protected() {
    leaks_only_unprotected(&class1_skipped_item(), 1);
}

#[test]
fn class2_comment_vs_people_breakdown_found_when_unprotected() {
    let a = run(&class2(), Protection::PrimaryOnly);
    assert!(a.of_class(2).iter().any(|f| f.kind == "people bound"), "{:?}{}", a.by_class(), show(&a, 2));
}

/// The other half of class 2 (a comment group listed only when someone in it commented) is
/// fixed where reports are made, not by the protection: a comment breakdown lists exactly
/// the groups of the people breakdown of the same view, commented or not.
#[test]
fn class2_comment_groups_are_the_people_groups() {
    let survey = class2();
    let mut views = survey.views(Protection::Linked, &Analyzer::new());
    for view in views.reachable() {
        let Ok(report) = views.report(&view) else { continue };
        for c in &report.comments {
            for (column, groups) in &c.segments {
                let people: Vec<&str> = report.segments[column].iter().map(|g| g.value.as_str()).collect();
                let comments: Vec<&str> = groups.iter().map(|g| g.value.as_str()).collect();
                assert_eq!(comments, people, "{view:?}, {column}");
            }
        }
    }
}

#[test]
fn class2_comment_vs_people_breakdown_protected() {
    leaks_only_unprotected(&class2(), 2);
}

#[test]
fn class3_sibling_views_found_when_unprotected() {
    let a = run(&class3(), Protection::PrimaryOnly);
    assert!(a.of_class(3).iter().any(|f| f.kind == "nps" && f.rows.len() == 2), "{:?}{}", a.by_class(), show(&a, 3));
    assert!(a.of_class(3).iter().any(|f| f.kind.starts_with("item ")), "{:?}{}", a.by_class(), show(&a, 3));
}

#[test]
fn class3_sibling_views_protected() {
    leaks_only_unprotected(&class3(), 3);
}

/// Multi-choice option shares (a statistic of its own, counted by the answers behind it):
/// everyone, Engineering and Sales are shown, so the two Legal answers to `contact_ways`
/// follow by subtraction unless the policy counts them.
fn selections() -> Survey {
    let ins = sensitive_instrument();
    let picked = |mut p: Person, cell: &str| {
        p.picks.insert("contact_ways".into(), cell.into());
        p
    };
    let mut people = repeat(20, |i| picked(full(&ins, "Engineering", 4, 9), ["Reported something suspicious", "None of these"][i % 2]));
    people.extend(repeat(20, |_| picked(full(&ins, "Sales", 4, 8), "Asked for advice or a review|Reported something suspicious")));
    people.extend(repeat(2, |_| picked(full(&ins, "Legal", 1, 0), "Asked for an exception to a rule")));
    survey(people, false)
}

#[test]
fn selection_shares_by_subtraction_found_when_unprotected() {
    let a = run(&selections(), Protection::PrimaryOnly);
    let found = a.of_class(3).into_iter().any(|f| f.kind == "selection contact_ways" && f.rows.len() == 2);
    assert!(found, "{:?}{}", a.by_class(), show(&a, 3));
}

#[test]
fn selection_shares_by_subtraction_protected() {
    leaks_only_unprotected(&selections(), 3);
}

#[test]
fn class4_hidden_in_view_visible_by_difference_found_when_unprotected() {
    let a = run(&class4(), Protection::PrimaryOnly);
    assert!(a.of_class(4).iter().any(|f| f.kind == "nps" && f.rows.len() == 2), "{:?}{}", a.by_class(), show(&a, 4));
}

#[test]
fn class4_hidden_in_view_visible_by_difference_protected() {
    leaks_only_unprotected(&class4(), 4);
}

#[test]
fn class5_comment_attribution_found_when_unprotected() {
    let a = run(&class5(), Protection::PrimaryOnly);
    assert!(a.of_class(5).iter().any(|f| f.rows.len() == 1 && f.how.contains("contract")), "{:?}{}", a.by_class(), show(&a, 5));
}

#[test]
fn class5_comment_attribution_protected() {
    leaks_only_unprotected(&class5(), 5);
}

#[test]
fn class6_randomized_response_found_when_unprotected() {
    let a = run(&class6(), Protection::PrimaryOnly);
    assert!(a.of_class(6).iter().any(|f| f.rows.len() == 2), "{:?}{}", a.by_class(), show(&a, 6));
}

#[test]
fn class6_randomized_response_protected() {
    leaks_only_unprotected(&class6(), 6);
}

/// Class 7: Published shares are whole percentages; the check flags the full-precision report
/// (what publishing was before `publish_json` rounded), so it can fail.
#[test]
fn class7_published_shares_are_rounded() {
    let s = class1();
    for protection in [Protection::PrimaryOnly, Protection::Linked] {
        let mut views: Views = s.views(protection, &Analyzer::new());
        for view in views.reachable() {
            let Ok(report) = views.report(&view) else { continue };
            let unrounded = serde_json::to_value(&report).unwrap();
            let (n, bad) = audit::share_precision(&unrounded);
            assert!(n > 0);
            if view == View::by("department") {
                assert!(!bad.is_empty(), "the full-precision report has fractional shares (33.33…), the check must see them");
            }
            let published: serde_json::Value = serde_json::from_str(&views.publish(&view).unwrap()).unwrap();
            let (_, bad) = audit::share_precision(&published);
            assert!(bad.is_empty(), "{protection:?} {view:?}: {bad:?}");
        }
        let a = run(&s, protection);
        assert!(a.of_class(7).is_empty(), "{:?}", a.of_class(7));
    }
}

// ---------------------------------------------------------------------------------------
// Random surveys
// ---------------------------------------------------------------------------------------

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Audits `surveys` random surveys (k = 5; every fifth k = 3), the published JSON of every
/// tenth; prints the summary line.
fn random_run(protection: Protection, surveys: usize, seed: u64) -> (Audit, [usize; 8]) {
    let mut total = Audit::default();
    let mut by_class = [0usize; 8];
    let mut leaky = 0;
    let start = std::time::Instant::now();
    // Two threads (the CI machines have two cores), surveys interleaved.
    let results: Vec<(usize, Audit)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|w| {
                scope.spawn(move || {
                    let analyzer = Analyzer::new();
                    (w..surveys)
                        .step_by(2)
                        .filter(|i| std::env::var("SECPULSE_AUDIT_ONLY").map_or(true, |only| only == i.to_string()))
                        .map(|i| {
                            let k = if i % 5 == 4 { 3 } else { 5 };
                            let s = random_survey(seed.wrapping_mul(1_000_003).wrapping_add(i as u64), GenOptions { k });
                            (i, audit::audit_with(&s, protection, &analyzer, i % 10 == 0))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    for (i, a) in results {
        total.views += a.views;
        total.shown += a.shown;
        total.numbers += a.numbers;
        for (c, n) in a.by_class().iter().enumerate() {
            by_class[c] += n;
        }
        if !a.findings.is_empty() {
            leaky += 1;
            println!("survey {i} (seed {seed}) has {} findings", a.findings.len());
            if total.findings.len() < 5 {
                total.findings.extend(a.findings.into_iter().take(2));
            }
        }
    }
    println!(
        "privacy auditor ({protection:?}): {surveys} surveys, {} views reachable ({} shown), {} numbers checked; findings per class 1–7: {:?}; surveys with a finding: {leaky}; {:.1}s",
        total.views,
        total.shown,
        total.numbers,
        &by_class[1..],
        start.elapsed().as_secs_f64()
    );
    (total, by_class)
}

#[test]
fn random_surveys() {
    let surveys = env_usize("SECPULSE_AUDIT_SURVEYS", 2000);
    let seed = env_usize("SECPULSE_AUDIT_SEED", 11) as u64;
    let (a, _) = random_run(Protection::Linked, surveys, seed);
    assert!(a.findings.is_empty(), "the auditor found leaks:{}", show(&a, 0));
}

/// The same run with the protection switched off finds leaks of every class the random
/// surveys can produce (class 7 is checked on the full-precision report in its own test).
#[test]
fn random_surveys_unprotected_are_found() {
    let surveys = env_usize("SECPULSE_AUDIT_SURVEYS_OFF", 200);
    let (a, by_class) = random_run(Protection::PrimaryOnly, surveys, 7);
    assert!(!a.findings.is_empty());
    for class in 1..=6 {
        assert!(by_class[class] > 0, "class {class} never found with the protection off: {by_class:?}");
    }
}

#[test]
fn comment_threshold_is_ten() {
    assert_eq!(COMMENT_THRESHOLD, secpulse::privacy::CommentOptions::default().min_comments.k());
}
