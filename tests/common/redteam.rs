//! Helpers the red-team tests share: crafted people answering given items, a survey at k = 5
//! and its views under the real protection.

// Each test file uses some of these.
#![allow(dead_code)]

use super::audit::{Person, Survey};
use secpulse::instrument::Instrument;
use secpulse::text::Analyzer;
use secpulse::views::{Protection, View, Views};

/// Every Likert item of the default instrument, and the NPS question.
pub const ALL_LIKERT: [&str; 26] = [
    "en1", "en2", "en3", "en4", "rs1", "rs2", "rs3", "rs4", "ap1", "ap2", "ap3", "ap4", "cm1", "cm2", "cm3", "ld1", "ld2", "ld3", "sr1",
    "sr2", "sr3", "pr1", "pr2", "pr3", "pr4", "nps",
];

/// A person answering the items `ids` with `v` (NPS 0–10 mapped from v).
pub fn answering(mut p: Person, ids: &[&str], v: u8) -> Person {
    for id in ids {
        p = if *id == "nps" { p.answer(id, v * 2) } else { p.answer(id, v) };
    }
    p
}

/// The default instrument's survey of `people` at k = 5, with `wave` as the wave column.
pub fn survey(people: Vec<Person>, wave: Option<&str>) -> Survey {
    Survey { instrument: Instrument::default_instrument(), people, wave: wave.map(str::to_string), k: 5 }
}

/// Every view of `s` under the linked protection.
pub fn views(s: &Survey) -> Views {
    s.views(Protection::Linked, &Analyzer::new())
}

/// People by department × role: `n` of each `(department, role, n, v)` answering every item with `v`.
pub fn by_department_and_role(cells: &[(&str, &str, usize, u8)]) -> Vec<Person> {
    let person = |d: &str, r: &str, v: u8| answering(Person::new().seg("department", d).seg("role", r), &ALL_LIKERT, v);
    cells.iter().flat_map(|&(d, r, n, v)| (0..n).map(move |_| person(d, r, v))).collect()
}

/// Ten Engineering respondents answering every item, nine in Finance answering `finance_items`,
/// and x in Finance who answered en1 only (with 1). Returns x's en1 as a reader recovers it from
/// Finance's released enablement score next to its four item means (the nine's keyed en1 total
/// is 4 · their keyed means minus their en2..en4 totals; en2 is reverse keyed), or `None` when
/// the view hides the score or an item mean that subtraction needs.
pub fn lone_en1_from_score_and_items(finance_items: &[&str]) -> Option<f64> {
    let mut people = Vec::new();
    for i in 0..10 {
        people.push(answering(Person::new().seg("department", "Engineering"), &ALL_LIKERT, 2 + (i % 3) as u8));
    }
    for i in 0..9 {
        people.push(answering(Person::new().seg("department", "Finance"), finance_items, 2 + (i % 4) as u8));
    }
    people.push(Person::new().seg("department", "Finance").answer("en1", 1));
    let fin = views(&survey(people, None)).report(&View::by("department").showing("department", "Finance")).expect("Finance is shown");
    let item = |id: &str| fin.items.iter().find(|i| i.id == id).expect("the item is in the report");
    let en = &fin.dimensions.iter().find(|d| d.id == "enablement").expect("enablement is in the report").score;
    eprintln!("Finance: respondents {:?}, enablement n={:?} score={:?}", fin.respondents, en.n, en.score);
    let keyed_sum = |id: &str, reverse: bool| {
        let i = item(id);
        let (n, m) = (i.n? as f64, i.mean?);
        eprintln!("  {id}: n={n} mean={m}");
        Some(if reverse { n * 6.0 - n * m } else { n * m })
    };
    // Σ over the nine of their keyed mean (1..5) = n · (score / 100 · 4 + 1).
    let sum_keyed_means = en.n? as f64 * (en.score? / 100.0 * 4.0 + 1.0);
    let en1_of_nine = 4.0 * sum_keyed_means - keyed_sum("en2", true)? - keyed_sum("en3", false)? - keyed_sum("en4", false)?;
    let x = keyed_sum("en1", false)? - en1_of_nine;
    eprintln!("x's en1 = {x:.4} (true 1)");
    Some(x)
}
