//! Red team: attacks on the anonymity of `Views` (Protection::Linked) that the auditor
//! (`tests/privacy_auditor.rs`) did not find. Each test asserts the guarantee (nothing
//! about fewer than k people, or a comment attributable to fewer than 10 authors). Leaks 1, 2
//! and most of 3 are fixed and their tests run; the tests of the leaks still open FAIL and are
//! `#[ignore = "red team: open leak"]`, so they are visible, not hidden. Run them with
//! `cargo test --test privacy_redteam -- --include-ignored --nocapture`
//! (the output prints the views and the arithmetic).
//!
//! Leaks:
//! 1. (fixed: the label is refused at ingest) a segment value (or wave) literally named
//!    "(no answer)" made `Policy::protect` protect the blank group with the literal group's
//!    decision.
//! 2. (fixed: redaction counts are taken from the released samples only)
//!    `redaction_counts_*`: `CommentReport::redacted` was never suppressed.
//! 3. `overall_minus_dimension_*` (fixed: a respondent is scored only with every dimension,
//!    and the overall and dimension scores share one decision) and
//!    `dimension_score_minus_item_means_*` (blocked for its data: its people have no score):
//!    statistics linked through the same respondents; and for a *scored* respondent who skipped
//!    one item of a dimension (`scored_respondent_who_skipped_one_item_*`): items are released
//!    only where the skippers in every combination are 0 or at least k.
//! 4. `appending_one_response_reveals_it`: live appends (the dashboard's `loadRows(_, true)`).
//! 5. `dashboard_*`: each `configure(wave, k)` gets its own policy; a reader combining
//!    settings isolates people (`search_configure_combinations` finds many).
//! 6. `mixed_sign_difference_*`: a combination resting on ≥ k people spread over two small
//!    cells with opposite signs leaks through non-negativity of counts.
//!
//! The auditor misses 1 because `audit::Person::value` labels blanks "(no answer)" too,
//! 2 because it does not record `redacted`, 3 because it treats kinds separately, 4 and 5
//! because it audits one `Views` under one configuration, 6 because it only looks for
//! exact linear isolation.

#[path = "common/audit.rs"]
mod audit;
#[path = "common/redteam.rs"]
mod redteam;

use audit::{Person, Survey};
use redteam::{answering, by_department_and_role, lone_en1_from_score_and_items, survey, views, ALL_LIKERT};
use secpulse::ingest::{read_responses, Format, IngestOptions};
use secpulse::privacy::MinGroup;
use secpulse::report::Report;
use secpulse::text::Analyzer;
use secpulse::views::View;

const EN: [&str; 4] = ["en1", "en2", "en3", "en4"];
fn dim<'a>(r: &'a Report, id: &str) -> &'a secpulse::report::DimensionScore {
    r.dimensions.iter().find(|d| d.id == id).unwrap()
}

// -----------------------------------------------------------------------------------------
// Leak 1: a segment value literally named "(no answer)" collides with the blank group.
// -----------------------------------------------------------------------------------------

/// Leak 1 (fixed at ingest): a segment value (or wave) literally named "(no answer)" was
/// taken for the blank group, which then got the literal group's decision (the blank group
/// of 2 people, or the 1 respondent without a wave, was shown). The label is now reserved:
/// a row that spells it is refused with a positioned message, so the collision cannot occur.
#[test]
fn literal_no_answer_label_is_refused_at_ingest() {
    let ins = secpulse::instrument::Instrument::default_instrument();
    let ids: Vec<&str> = ins.questions().map(|q| q.id()).collect();
    let blanks = ",".repeat(ids.len());
    let rows = ["north,2025", "(no answer),2025", "south,(no answer)", ",2026"];
    let csv = format!("site,wave,{}\n{}", ids.join(","), rows.map(|r| format!("{r}{blanks}\n")).concat());
    let read = secpulse::ingest::read_responses(&ins, csv.as_bytes(), secpulse::ingest::Format::Csv, &Default::default()).unwrap();
    assert_eq!(read.table.rows, 2, "the rows spelling the blank group's label are refused");
    let problems: Vec<String> = read.summary.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("line 3") && problems[0].contains("site") && problems[0].contains("reserved"), "{problems:?}");
    assert!(problems[1].contains("line 4") && problems[1].contains("wave"), "{problems:?}");
}

/// `CommentReport::redacted` is computed over a view's samples in `score::comments::report`
/// and `Policy::protect_comments` clears the samples of a view whose texts are refused but
/// leaves `redacted` as is. So a view whose comments are withheld (here: Legal, 6 people,
/// 1 commenter) still says how many e-mails / phones / links / ids / names were removed
/// from its comments. Next to the everyone view (13 authors, texts shown), where exactly one
/// sample contains "[email]", the Legal view's `redacted.emails == 1` attributes that
/// verbatim comment to Legal's single commenter (the policy refused every set of fewer than
/// 10 authors that shows it). Severity: attributes a verbatim comment to one person (and,
/// alone, reveals per-person facts such as "the one Legal commenter named someone").
#[test]
fn redaction_counts_attribute_a_comment_to_a_withheld_group() {
    let mut people = Vec::new();
    for i in 0..20 {
        let mut p = answering(Person::new().seg("department", "Engineering"), &ALL_LIKERT, 4);
        if i < 12 {
            p = p.comment("should_change", &format!("the security team is helpful and quick number {i}"));
        }
        people.push(p);
    }
    for i in 0..6 {
        let mut p = answering(Person::new().seg("department", "Legal"), &ALL_LIKERT, 2);
        if i == 0 {
            p = p.comment("should_change", "please reply to jane.doe@example.com about the firewall exception");
        }
        people.push(p);
    }
    let s = survey(people, None);
    let mut v = views(&s);
    let all = v.report(&View::default()).unwrap();
    let legal = v.report(&View::by("department").showing("department", "Legal")).unwrap();
    let q = all.comments.iter().position(|c| c.id == "should_change").unwrap();
    let with_email: Vec<&String> = all.comments[q].samples.iter().map(|s| &s.text).filter(|t| t.contains("[email]")).collect();
    eprintln!("everyone: samples with [email]: {with_email:?}");
    let lc = &legal.comments[q];
    eprintln!("Legal view: n = {:?}, samples = {}, redacted = {:?}", lc.n, lc.samples.len(), lc.redacted);
    assert!(lc.samples.is_empty() && lc.n.is_none(), "setup: Legal's comments are withheld");
    assert_eq!(with_email.len(), 1, "setup: one sample of everyone carries [email]");
    // The leak: a withheld view still reports what was redacted from its comments.
    assert_eq!(lc.redacted.total(), 0, "Legal (1 commenter) reports {:?}: the [email] comment is Legal's", lc.redacted);
}

// -----------------------------------------------------------------------------------------
// Leak 3: the overall score and the dimension scores are decided separately.
// -----------------------------------------------------------------------------------------

/// Every family (People, Overall, Dimension(d), Split(d), …) gets its own echelon, but the
/// statistics are not independent: a respondent's overall score is the mean of their
/// dimension scores. In Finance (10 people), 9 answered only the enablement items and one
/// person x answered only the responsiveness items. Overall(Finance) rests on 10 people,
/// Dimension(enablement)(Finance) on 9: both released; Dimension(responsiveness)(Finance)
/// rests on 1 and is (rightly) hidden. But the 9 have overall = enablement score, so
///   n_overall · Overall(Finance) − n_en · Enablement(Finance) = x's responsiveness score.
/// Severity: reveals one individual's dimension score exactly (a mean of 4 answers).
#[test]
fn overall_minus_dimension_reveals_a_hidden_dimension_score() {
    let mut people = Vec::new();
    for i in 0..10 {
        people.push(answering(Person::new().seg("department", "Engineering"), &ALL_LIKERT, 3 + (i % 3) as u8));
    }
    for i in 0..9 {
        people.push(answering(Person::new().seg("department", "Finance"), &EN, 2 + (i % 3) as u8));
    }
    // x: rs1 = 5, rs2 = 1 (reverse keyed: 5), rs3 = 5, rs4 = 4 -> keyed mean 4.75 -> 93.75.
    let x = Person::new().seg("department", "Finance").answer("rs1", 5).answer("rs2", 1).answer("rs3", 5).answer("rs4", 4);
    people.push(x);
    let truth = 93.75;
    let s = survey(people, None);
    let mut v = views(&s);
    let fin = v.report(&View::by("department").showing("department", "Finance")).unwrap();
    let (o, en, rs) = (&fin.overall, &dim(&fin, "enablement").score, &dim(&fin, "responsiveness").score);
    eprintln!(
        "Finance: overall n={:?} {:?}; enablement n={:?} {:?}; responsiveness n={:?} {:?}",
        o.n, o.score, en.n, en.score, rs.n, rs.score
    );
    assert!(rs.score.is_none(), "setup: x's responsiveness score is hidden");
    let (Some(no), Some(so), Some(ne), Some(se)) = (o.n, o.score, en.n, en.score) else { return };
    let derived = no as f64 * so - ne as f64 * se;
    eprintln!("n·overall − n·enablement = {derived:.4} (x's responsiveness score: {truth})");
    assert!((derived - truth).abs() > 0.01, "x's hidden responsiveness score {truth} follows from released numbers");
}

/// The same cross-family link between a dimension's score (Dimension(d): people with at
/// least half of its items) and its items (Split(d): every item answer). In Finance, 9
/// people answered all four enablement items and x answered only en1 (below the half rule:
/// no enablement score). For the Finance view, en1 shows n = 10, en2..en4 n = 9 and the
/// enablement score n = 9, all released. Since the 9 answered every item,
///   Σ₉ keyed en1 = 4 · Σ₉ (keyed mean) − Σ₉ (keyed en2 + en3 + en4)
/// and x's en1 = 10 · mean(en1) − Σ₉ en1: one person's raw answer.
/// Severity: reveals an individual's answer exactly.
#[test]
fn dimension_score_minus_item_means_reveals_one_answer() {
    // Protected when the score or the items are not released next to each other.
    if let Some(x) = lone_en1_from_score_and_items(&EN) {
        assert!((x - 1.0).abs() > 0.01, "x's en1 answer (1) follows from released numbers");
    }
}

/// The same link with scored respondents (the case the rule "scored only with every dimension"
/// does not cover): in Finance, 9 people answered every item and x answered every item but en1
/// (3 of 4 enablement items: still scored, on the mean of three). The Finance view releases the
/// enablement score (n = 10) and the item means (en1: 9, en2..en4: 10), so with T the items'
/// keyed totals, Σ keyed means = ΣT / 4 + (x2 + x3 + x4) / 12: x's three answers' total follows.
/// Closed: the item statistics carry one more mask, the scored respondents who skipped an item of
/// the dimension (masks on the scores instead hid most scores of a 400-respondent survey).
#[test]
fn scored_respondent_who_skipped_one_item_is_singled_out() {
    let mut people = Vec::new();
    for i in 0..10 {
        people.push(answering(Person::new().seg("department", "Engineering"), &ALL_LIKERT, 2 + (i % 3) as u8));
    }
    for i in 0..9 {
        people.push(answering(Person::new().seg("department", "Finance"), &ALL_LIKERT, 2 + (i % 4) as u8));
    }
    let rest: Vec<&str> = ALL_LIKERT.iter().copied().filter(|id| *id != "en1").collect();
    people.push(answering(Person::new().seg("department", "Finance"), &rest, 5)); // x: en2..en4 = 5, keyed 1 + 5 + 5 = 11
    let s = survey(people, None);
    let mut v = views(&s);
    let fin = v.report(&View::by("department").showing("department", "Finance")).unwrap();
    let en = &dim(&fin, "enablement").score;
    let items: Vec<_> = EN.iter().map(|id| fin.items.iter().find(|i| i.id == *id).unwrap()).collect();
    let (Some(n), Some(score)) = (en.n, en.score) else { return };
    let Some(totals) = items.iter().map(|i| Some((i.n? as f64, i.mean?, i.reverse))).collect::<Option<Vec<_>>>() else { return };
    let keyed_total: f64 = totals.iter().map(|&(n, m, reverse)| if reverse { 6.0 * n - n * m } else { n * m }).sum();
    let keyed_means = n as f64 * (score / 100.0 * 4.0 + 1.0);
    let x = 12.0 * (keyed_means - keyed_total / 4.0);
    eprintln!("Finance: x's keyed en2 + en3 + en4 = {x:.4} (true 11)");
    assert!((x - 11.0).abs() > 0.01, "x's three answers follow from released numbers");
}

// -----------------------------------------------------------------------------------------
// Leak 4: rows appended between two views (the dashboard's `loadRows(rows, true)`).
// -----------------------------------------------------------------------------------------

/// `Views::append` only forgets the policy; the new policy is decided for the new table
/// alone, so every number released before the append and the same number after it differ
/// by the appended rows. One late response: everyone's overall before and after gives
/// that person's overall score (and item answers from the item means, NPS, …).
/// docs/privacy.md lists "scored on Monday and again on Tuesday after 2 more responses" as
/// a limitation for *published* reports, but the dashboard does it live, on every
/// `loadRows(rows, append = true)`. Severity: reveals an individual's answers.
#[test]
#[ignore = "red team: open leak (documented for published reports, live in the dashboard)"]
fn appending_one_response_reveals_it() {
    let mut people = Vec::new();
    for i in 0..20 {
        people.push(answering(
            Person::new().seg("department", if i % 2 == 0 { "Engineering" } else { "IT" }),
            &ALL_LIKERT,
            2 + (i % 3) as u8,
        ));
    }
    let s = survey(people, None);
    let mut v = views(&s);
    let before = v.report(&View::default()).unwrap();
    let late = survey(vec![answering(Person::new().seg("department", "IT"), &ALL_LIKERT, 5)], None);
    let csv = late.csv();
    let more = read_responses(&late.instrument, csv.as_bytes(), Format::Csv, &IngestOptions::default()).unwrap().table;
    v.append(more, &Analyzer::new()).unwrap();
    let after = v.report(&View::default()).unwrap();
    let (n0, s0) = (before.overall.n.unwrap() as f64, before.overall.score.unwrap());
    let (n1, s1) = (after.overall.n.unwrap() as f64, after.overall.score.unwrap());
    let derived = n1 * s1 - n0 * s0;
    // All 5s: dimensions with one reverse-keyed item of 4 score 75, of 3 score 66.67:
    // overall (4 × 75 + 3 × 66.67) / 7 = 500 / 7.
    let truth = 500.0 / 7.0;
    eprintln!("late respondent's overall score: {derived:.3} (truth {truth:.3})");
    assert!((derived - truth).abs() > 0.01, "the late respondent's overall score follows from two views");
}

#[allow(dead_code)]
fn k(n: usize) -> MinGroup {
    MinGroup::new(n).unwrap()
}

// -----------------------------------------------------------------------------------------
// Leak 5 (search): views under different `configure(wave, k)` settings combined.
// -----------------------------------------------------------------------------------------

use audit::Set;

const P: u64 = 2_147_483_647;

fn inv(a: u64) -> u64 {
    let (mut b, mut e, mut r) = (a % P, P - 2, 1u64);
    while e > 0 {
        if e & 1 == 1 {
            r = r * b % P;
        }
        b = b * b % P;
        e >>= 1;
    }
    r
}

/// A row space over GF(p) in reduced row echelon form.
#[derive(Default)]
struct Span(Vec<(usize, Vec<u64>)>);

impl Span {
    fn reduce(&self, v: &mut [u64]) {
        for (p, row) in &self.0 {
            let f = v[*p];
            if f != 0 {
                for i in 0..v.len() {
                    v[i] = (v[i] + P - f * row[i] % P) % P;
                }
            }
        }
    }
    fn insert(&mut self, mut v: Vec<u64>) {
        self.reduce(&mut v);
        let Some(p) = v.iter().position(|&x| x != 0) else { return };
        let s = inv(v[p]);
        v.iter_mut().for_each(|x| *x = *x * s % P);
        for (_, row) in &mut self.0 {
            let f = row[p];
            if f != 0 {
                for i in 0..row.len() {
                    row[i] = (row[i] + P - f * v[i] % P) % P;
                }
            }
        }
        self.0.push((p, v));
    }
    fn contains(&self, v: &[u64]) -> bool {
        let mut v = v.to_vec();
        self.reduce(&mut v);
        v.iter().all(|&x| x == 0)
    }
}

/// The populations (row sets) whose people count is released by any reachable view under
/// each of `configs`, per config.
fn people_releases(s: &Survey, configs: &[(Option<&str>, usize)]) -> Vec<Vec<Set>> {
    let mut v = views(s);
    let mut out = Vec::new();
    for &(wave, k) in configs {
        v.configure(wave.map(str::to_string), MinGroup::new(k).unwrap());
        let wave_s = Survey { wave: wave.map(str::to_string), ..s.clone() };
        let mut sets = Vec::new();
        for view in v.reachable() {
            let Ok(r) = v.report(&view) else { continue };
            let pop = wave_s.view_rows(&view);
            if r.respondents.is_some() {
                sets.push(pop);
            }
            for (column, groups) in &r.segments {
                for g in groups.iter().filter(|g| g.n.is_some()) {
                    sets.push(pop.and(s.rows_where(column, &g.value)));
                }
            }
            if let (Some(w), Some(col)) = (&r.waves, wave) {
                for g in w.waves.iter().filter(|g| g.n.is_some()) {
                    sets.push(pop.and(s.rows_where(col, &g.value)));
                }
            }
        }
        sets.sort();
        sets.dedup();
        out.push(sets);
    }
    out
}

/// A set of 1..k−1 rows (a cell of the cross-classification or a union of two) whose count
/// is a linear combination of the counts of `sets`.
fn small_in_span(s: &Survey, sets: &[Set], k: usize) -> Option<Set> {
    let columns: Vec<String> =
        s.people.iter().flat_map(|p| p.segments.keys().cloned()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let mut cells: std::collections::BTreeMap<Vec<String>, Set> = Default::default();
    for (r, p) in s.people.iter().enumerate() {
        let key: Vec<String> = columns.iter().map(|c| p.value(c).to_string()).collect();
        let e = cells.entry(key).or_default();
        e.0[r / 64] |= 1 << (r % 64);
    }
    let cells: Vec<Set> = cells.into_values().collect();
    let mut span = Span::default();
    for set in sets {
        span.insert(cells.iter().map(|c| u64::from(c.subset_of(*set))).collect());
    }
    let ind = |d: Set| -> Vec<u64> { cells.iter().map(|c| u64::from(c.subset_of(d))).collect() };
    for (i, &a) in cells.iter().enumerate() {
        if a.len() < k && span.contains(&ind(a)) {
            return Some(a);
        }
        for &b in &cells[i + 1..] {
            let u = a.or(b);
            if u.len() < k && span.contains(&ind(u)) {
                return Some(u);
            }
        }
    }
    None
}

fn three_column_survey(seed: u64) -> Survey {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let depts = ["Engineering", "IT", "Legal"];
    let roles = ["Leader", "Manager", "Staff"];
    let sites = ["north", "south", "remote"];
    let (nd, nr, ns) = (rng.random_range(2..=3usize), rng.random_range(2..=3usize), rng.random_range(2..=3usize));
    let mut people = Vec::new();
    for d in &depts[..nd] {
        for r in &roles[..nr] {
            for st in &sites[..ns] {
                let n = if rng.random_bool(0.3) {
                    0
                } else if rng.random_bool(0.4) {
                    rng.random_range(1..=4)
                } else {
                    rng.random_range(5..=12)
                };
                for _ in 0..n {
                    let v = rng.random_range(1..=5u8);
                    people.push(answering(Person::new().seg("department", d).seg("role", r).seg("site", st), &ALL_LIKERT, v));
                }
            }
        }
    }
    survey(people, None)
}

#[test]
#[ignore = "red team: search"]
fn search_configure_combinations() {
    let configs: [(Option<&str>, usize); 7] =
        [(None, 5), (Some("role"), 5), (Some("site"), 5), (Some("department"), 5), (None, 6), (None, 7), (Some("role"), 6)];
    let from: u64 = std::env::var("RT_FROM").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let n: u64 = std::env::var("RT_N").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let mut found = Vec::new();
    for seed in from..from + n {
        let s = three_column_survey(seed);
        if s.people.len() > 250 || s.people.len() < 10 {
            continue;
        }
        let per = people_releases(&s, &configs);
        for (i, sets) in per.iter().enumerate() {
            if let Some(d) = small_in_span(&s, sets, configs[i].1) {
                eprintln!("seed {seed}: config {:?} ALONE isolates {} rows", configs[i], d.len());
            }
        }
        for i in 0..configs.len() {
            for j in i + 1..configs.len() {
                let mut union = per[i].clone();
                union.extend(per[j].iter().copied());
                if let Some(d) = small_in_span(&s, &union, 5) {
                    eprintln!(
                        "seed {seed}: {:?} + {:?} isolate {} rows {:?}",
                        configs[i],
                        configs[j],
                        d.len(),
                        d.rows().collect::<Vec<_>>()
                    );
                    found.push((seed, i, j));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
}

/// Overall score (0–100) of someone answering every Likert item with `v` (default
/// instrument: four dimensions of 4 items and three of 3, one reverse-keyed item each).
fn overall_of_constant(v: u8) -> f64 {
    let v = f64::from(v);
    let s4 = ((3.0 * v + 6.0 - v) / 4.0 - 1.0) / 4.0 * 100.0;
    let s3 = ((2.0 * v + 6.0 - v) / 3.0 - 1.0) / 4.0 * 100.0;
    (4.0 * s4 + 3.0 * s3) / 7.0
}

/// One released overall score: the view and group it was read from, its rows, n and score.
struct Released {
    label: String,
    pop: Set,
    n: f64,
    score: f64,
}

/// Every overall score released by the reachable views under each of `configs`.
fn overall_releases(s: &Survey, configs: &[(Option<&str>, usize)]) -> Vec<Released> {
    let mut v = views(s);
    let mut out = Vec::new();
    for &(wave, k) in configs {
        v.configure(wave.map(str::to_string), MinGroup::new(k).unwrap());
        let wave_s = Survey { wave: wave.map(str::to_string), ..s.clone() };
        for view in v.reachable() {
            let Ok(r) = v.report(&view) else { continue };
            let pop = wave_s.view_rows(&view);
            let label = format!("[configure(wave={wave:?}, k={k})] {view:?}");
            if let (Some(n), Some(sc)) = (r.overall.n, r.overall.score) {
                out.push(Released { label: label.clone(), pop, n: n as f64, score: sc });
            }
            let mut groups: Vec<(&str, &secpulse::report::SegmentGroup)> =
                r.segments.iter().flat_map(|(c, gs)| gs.iter().map(move |g| (c.as_str(), g))).collect();
            if let (Some(w), Some(col)) = (&r.waves, wave) {
                groups.extend(w.waves.iter().map(|g| (col, g)));
            }
            for (c, g) in groups {
                if let Some(o) = g.overall.as_ref().filter(|o| o.score.score.is_some()) {
                    let gp = pop.and(s.rows_where(c, &g.value));
                    out.push(Released {
                        label: format!("{label} group {c}={}", g.value),
                        pop: gp,
                        n: o.score.n.unwrap() as f64,
                        score: o.score.score.unwrap(),
                    });
                }
            }
        }
    }
    out
}

/// Coefficients y with Σ yᵢ·1[popᵢ] = 1[target] over the rows (f64 Gaussian elimination),
/// if any.
fn combination(released: &[Released], target: Set, rows: usize) -> Option<Vec<f64>> {
    let m = released.len();
    // Equations: one per row r: Σ_i y_i [r ∈ pop_i] = [r ∈ target].
    let mut a: Vec<Vec<f64>> = (0..rows)
        .map(|r| {
            let mut eq: Vec<f64> = released.iter().map(|x| f64::from(u8::from(x.pop.contains(r)))).collect();
            eq.push(f64::from(u8::from(target.contains(r))));
            eq
        })
        .collect();
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..m {
        let Some(p) = (row..rows).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())) else { break };
        if a[p][col].abs() < 1e-9 {
            continue;
        }
        a.swap(row, p);
        let pv = a[row][col];
        a[row].iter_mut().for_each(|x| *x /= pv);
        for i in 0..rows {
            if i != row && a[i][col].abs() > 1e-12 {
                let f = a[i][col];
                let src = a[row].clone();
                a[i].iter_mut().zip(&src).for_each(|(x, s)| *x -= f * s);
            }
        }
        pivots.push(col);
        row += 1;
        if row == rows {
            break;
        }
    }
    if a[row..].iter().any(|eq| eq[m].abs() > 1e-6) {
        return None;
    }
    let mut y = vec![0.0; m];
    for (i, &c) in pivots.iter().enumerate() {
        y[c] = a[i][m];
    }
    Some(y)
}

/// Finds the rows isolated by the union of the overall scores released under `configs`,
/// prints the combination of views that does it, and returns (rows, derived sum of their
/// overall scores, true sum).
fn attack_configs(s: &Survey, configs: &[(Option<&str>, usize)]) -> Option<(Set, f64, f64)> {
    let released = overall_releases(s, configs);
    let sets: Vec<Set> = released.iter().map(|r| r.pop).collect();
    let target = small_in_span(s, &sets, 5)?;
    let y = combination(&released, target, s.people.len())?;
    let mut derived = 0.0;
    for (r, &c) in released.iter().zip(&y) {
        if c.abs() > 1e-9 {
            eprintln!("  {c:+.3} × (n = {} × overall = {:.4})  from {}", r.n, r.score, r.label);
            derived += c * r.n * r.score;
        }
    }
    let truth: f64 = target.rows().map(|r| overall_of_constant(s.people[r].answers["en1"])).sum();
    eprintln!("  = sum of the overall scores of rows {:?}: {derived:.4} (truth {truth:.4})", target.rows().collect::<Vec<_>>());
    Some((target, derived, truth))
}

/// The dashboard lets the reader pick the wave column and k for every view
/// (`ViewOptions { wave, minGroup }` → `Views::configure`), and each setting gets its own
/// policy, decided as if the other settings' views did not exist. Here wave = "role" and
/// wave = "department" (k = 5 both): with the first, department × role populations are
/// reachable; with the second, role × department and site × department. Each policy alone
/// is safe (`search_configure_combinations` checks it), but their released overall scores
/// together isolate one respondent: the printed combination of views gives that person's
/// overall score. (A reader who may set `minGroup: 2` needs no arithmetic at all.)
/// Severity: reveals an individual's overall score (same for every other measure).
#[test]
#[ignore = "red team: open leak"]
fn dashboard_wave_column_switch_isolates_one_person() {
    let s = three_column_survey(14);
    let (rows, derived, truth) = attack_configs(&s, &[(Some("role"), 5), (Some("department"), 5)]).expect("no isolation found");
    assert!(rows.len() >= 5 || (derived - truth).abs() > 0.01, "{} respondent(s)' overall score follows: {derived}", rows.len());
}

/// Same, with one wave column and two thresholds: k = 5 and k = 6 (a reader who "only
/// raises k" to be careful). The two policies release different populations (raising k
/// refuses some, which lets others through), and the union isolates one respondent.
#[test]
#[ignore = "red team: open leak"]
fn dashboard_k5_and_k6_views_together_isolate_one_person() {
    let s = three_column_survey(17);
    let (rows, derived, truth) = attack_configs(&s, &[(Some("role"), 5), (Some("role"), 6)]).expect("no isolation found");
    assert!(rows.len() >= 5 || (derived - truth).abs() > 0.01, "{} respondent(s)' overall score follows: {derived}", rows.len());
}

// -----------------------------------------------------------------------------------------
// Leak 6: mixed-sign combinations of two small cells + non-negative counts.
// -----------------------------------------------------------------------------------------

/// The echelon accepts a combination when the cells it touches hold k or more contributors
/// *together*, whatever the signs. Engineering − Leader = (Engineering ∧ Staff) −
/// (IT ∧ Leader): 2 + 3 = 5 people, so both filtered views are released. But answer counts
/// are non-negative: for item en1, Engineering shows 2 answers of "1" (share × n), Leader
/// none, so 2 ≤ count of "1" among Engineering ∧ Staff ≤ |Engineering ∧ Staff|: at least two
/// of that group of two strongly disagreed (likewise at least three IT leaders answered 5).
/// Reader knowledge needed: none beyond the released numbers for the bound; knowing that
/// Engineering has two staff members (org chart) turns it into both people's exact answers.
/// Severity: a bound (≥ 2 people of a cell of < k gave this answer), exact with the cell size.
/// Open: refusing a population whose difference with a released one has a small signed part
/// was tried (pairs only) and left the refused populations derivable from the others
/// (docs/privacy.md).
#[test]
#[ignore = "red team: open leak"]
fn mixed_sign_difference_of_two_small_cells_leaks_through_non_negativity() {
    let people = by_department_and_role(&[
        ("Engineering", "Leader", 10, 3),
        ("Engineering", "Staff", 2, 1),
        ("IT", "Leader", 3, 5),
        ("IT", "Staff", 10, 3),
    ]);
    let s = survey(people, None);
    let mut v = views(&s);
    let (Ok(eng), Ok(lead)) =
        (v.report(&View::by("department").showing("department", "Engineering")), v.report(&View::by("role").showing("role", "Leader")))
    else {
        return;
    };
    let count = |r: &Report, cat: usize| {
        let i = r.items.iter().find(|i| i.id == "en1").unwrap();
        i.distribution.as_ref().map(|d| (d[cat] / 100.0 * i.n.unwrap() as f64).round())
    };
    let (e1, l1) = (count(&eng, 0), count(&lead, 0));
    let (e5, l5) = (count(&eng, 4), count(&lead, 4));
    eprintln!("en1 answers of 1: Engineering {e1:?}, Leader {l1:?}; of 5: Engineering {e5:?}, Leader {l5:?}");
    let (Some(e1), Some(l1), Some(e5), Some(l5)) = (e1, l1, e5, l5) else { return };
    // Engineering ∧ Staff has at least e1 − l1 answers of 1; IT ∧ Leader at least l5 − e5 of 5.
    let lower_es = e1 - l1;
    let lower_il = l5 - e5;
    eprintln!("≥ {lower_es} Engineering staff answered 1; ≥ {lower_il} IT leaders answered 5");
    assert!(lower_es <= 0.0 && lower_il <= 0.0, "answers of a cell of fewer than k people follow from two released views");
}

// -----------------------------------------------------------------------------------------
// Attacks that held.
// -----------------------------------------------------------------------------------------

/// Views the policy did not list (`reachable()`), asked for directly: a breakdown by two
/// columns under a filter on a third and a wave. Every group is a population of three
/// literals (never in the policy's reachable set), so every group is hidden.
#[test]
fn unlisted_views_show_no_crossed_groups() {
    for seed in 0..4 {
        let mut s = three_column_survey(seed);
        s.wave = Some("site".into());
        let mut v = views(&s);
        for d in ["Engineering", "IT"] {
            for w in ["north", "south"] {
                let view = View { by: vec!["role".into(), "department".into()], ..View::default() }.showing("department", d).in_wave(w);
                let Ok(r) = v.report(&view) else { continue };
                for g in &r.segments["role"] {
                    assert!(g.n.is_none() && g.overall.is_none(), "seed {seed}: {d} ∧ {w} ∧ role={} shown", g.value);
                }
            }
        }
    }
}
