//! Helpers the red-team tests share: crafted people answering given items, a survey at k = 5
//! and its views under the real protection.

// Each test file uses some of these.
#![allow(dead_code)]

use super::audit::{Person, Survey};
use secpulse::instrument::Instrument;
use secpulse::text::Analyzer;
use secpulse::views::{Protection, Views};

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
