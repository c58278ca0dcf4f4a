//! Red team of bounds from non-negative counts (docs/privacy.md, "Bounds from counts that
//! cannot be negative"; leak 6 of `privacy_redteam.rs`, D of `privacy_redteam3.rs`): a reader
//! who knows every cell's size
//! (the org chart) and reads each released view's answer counts of item en1 (share × n) combines
//! up to three released populations with signs ±1 and bounds a small group's count of an answer
//! two ways:
//! - *signs*: the part of the combination with one sign, minus the other part's counts (never
//!   negative), gives a lower bound on the first part (everyone − Engineering − Leader);
//! - *Fréchet*: a part's count minus what its other cells can hold at most (their sizes) gives a
//!   lower bound on a small group in it (Engineering's answers of "1" beyond what its ten
//!   leaders can give, once Leader makes the two staff a group of their own).
//!
//! A leak is a group of 1 … k − 1 people that the released populations tell apart (a union of
//! their Boolean atoms) whose lower bound on some answer is above 0. (A group they do not tell
//! apart is pinned only through a released group that answered alike, the homogeneity limit.)
//! The attack is checked against the true answers (every bound it derives holds) and shown to
//! find the leaks of hand-made releases, so a run finding none means something.
//!
//! The policy's check is linear (no combination isolates fewer than k contributors), so both
//! kinds of bound are open leaks: the two tests of the policy FAIL and are
//! `#[ignore = "red team: open leak"]`. Run them with
//! `cargo test --test privacy_bounds -- --include-ignored --nocapture`. An interval audit (a linear
//! programme per answer over the Boolean atoms of the released populations) closed both on a
//! branch, but refusing conservatively where the programmes grew large hid half of the item
//! statistics of the utility run (90% → 44% shown); it is not merged.

#[path = "common/audit.rs"]
mod audit;
#[path = "common/redteam.rs"]
mod redteam;

use audit::Person;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use redteam::{answering, survey, views, ALL_LIKERT};
use secpulse::views::View;

const K: u32 = 5;
const CATEGORIES: usize = 5;

/// One cell (department × role × wave) of a crafted survey: its people's answers to en1.
#[derive(Debug, Clone)]
struct Cell {
    segments: [String; 3],
    answers: Vec<u8>,
}

impl Cell {
    fn size(&self) -> u32 {
        self.answers.len() as u32
    }

    fn count(&self, v: usize) -> u32 {
        self.answers.iter().filter(|&&a| usize::from(a) == v + 1).count() as u32
    }
}

/// A population a reader can reach, its cells, and en1's answer counts when released.
struct Released {
    name: String,
    cells: Vec<usize>,
    counts: [i64; CATEGORIES],
}

/// A small group of cells that a combination of released populations pins.
struct Leak {
    combination: String,
    group: Vec<usize>,
    answer: usize,
    bound: i64,
}

/// Each leak on a line: the combination, the group's cells, the answer and its lower bound.
fn describe(leaks: &[Leak]) -> String {
    leaks.iter().map(|l| format!("{}: cells {:?} gave {} at least {} times\n", l.combination, l.group, l.answer, l.bound)).collect()
}

const COLUMNS: [&str; 3] = ["department", "role", "wave"];

/// A view to ask for: its name, the view, and the literals (column index, value) of its population.
type Candidate = (String, View, Vec<(usize, String)>);

/// The survey's people: each cell's answers to en1, every other Likert item answered 3.
fn people(cells: &[Cell]) -> Vec<Person> {
    let mut out = Vec::new();
    for c in cells {
        for &a in &c.answers {
            let p = COLUMNS.iter().zip(&c.segments).fold(Person::new(), |p, (col, v)| p.seg(col, v));
            out.push(answering(p, &ALL_LIKERT, 3).answer("en1", a));
        }
    }
    out
}

/// Every population of `cells` a reader can reach (everyone, each value, each value within a
/// wave) whose en1 counts the views release.
fn released(cells: &[Cell]) -> Vec<Released> {
    let s = survey(people(cells), Some("wave"));
    let mut v = views(&s);
    let values = |col: usize| {
        let mut vals: Vec<String> = cells.iter().map(|c| c.segments[col].clone()).collect();
        vals.sort();
        vals.dedup();
        vals
    };
    let mut candidates: Vec<Candidate> = vec![("everyone".into(), View::default(), Vec::new())];
    for (col, column) in COLUMNS.iter().enumerate() {
        for val in values(col) {
            candidates.push((val.clone(), View::by(column).showing(column, &val), vec![(col, val.clone())]));
            if col < 2 {
                for w in values(2) {
                    let view = View::by(column).showing(column, &val).in_wave(&w);
                    candidates.push((format!("{val}·{w}"), view, vec![(col, val.clone()), (2, w)]));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (name, view, literals) in candidates {
        let Ok(report) = v.report(&view) else { continue };
        let Some(item) = report.items.iter().find(|i| i.id == "en1") else { continue };
        let (Some(n), Some(shares)) = (item.n, item.distribution.as_ref()) else { continue };
        let mut counts = [0i64; CATEGORIES];
        for (c, share) in counts.iter_mut().zip(shares) {
            *c = (share / 100.0 * n as f64).round() as i64;
        }
        let of = (0..cells.len()).filter(|&c| literals.iter().all(|(col, val)| &cells[c].segments[*col] == val)).collect();
        out.push(Released { name, cells: of, counts });
    }
    out
}

/// Every leak the sign and Fréchet bounds find in ±1 combinations of up to three of `released`.
fn attack(cells: &[Cell], released: &[Released]) -> Vec<Leak> {
    let mut leaks = Vec::new();
    let n = released.len();
    let mut combos: Vec<Vec<(usize, i64)>> = Vec::new();
    for a in 0..n {
        combos.push(vec![(a, 1)]);
        for b in a + 1..n {
            for sb in [1, -1] {
                combos.push(vec![(a, 1), (b, sb)]);
                for c in b + 1..n {
                    for sc in [1, -1] {
                        combos.push(vec![(a, 1), (b, sb), (c, sc)]);
                    }
                }
            }
        }
    }
    let atom_of: Vec<Vec<bool>> = (0..cells.len()).map(|c| released.iter().map(|r| r.cells.contains(&c)).collect()).collect();
    for combo in combos {
        let mut weight = vec![0i64; cells.len()];
        for &(p, sign) in &combo {
            released[p].cells.iter().for_each(|&c| weight[c] += sign);
        }
        let name = combo.iter().map(|&(p, s)| format!("{}{}", if s > 0 { "+" } else { "−" }, released[p].name)).collect::<String>();
        for v in 0..CATEGORIES {
            let d: i64 = combo.iter().map(|&(p, sign)| sign * released[p].counts[v]).sum();
            for side in [1i64, -1] {
                let part: Vec<usize> = (0..cells.len()).filter(|&c| weight[c] * side > 0 && cells[c].size() > 0).collect();
                let mut atoms: Vec<Vec<usize>> = Vec::new();
                for &c in &part {
                    match atoms.iter_mut().find(|a| atom_of[a[0]] == atom_of[c]) {
                        Some(a) => a.push(c),
                        None => atoms.push(vec![c]),
                    }
                }
                leaks.extend(pinned_in(cells, &weight, &atoms, side * d, v, &name));
            }
        }
    }
    leaks
}

/// The small unions of `atoms` (of one part: cells whose weights have one sign, weighing `total`
/// answers `v` together, a lower bound since the other part's counts are ≥ 0) whose own
/// weighted count stays above 0 after the rest of the part holds as many answers as its sizes
/// allow.
fn pinned_in(cells: &[Cell], weight: &[i64], atoms: &[Vec<usize>], total: i64, v: usize, name: &str) -> Vec<Leak> {
    let mut out = Vec::new();
    if total <= 0 || atoms.len() > 12 {
        return out;
    }
    let part: Vec<usize> = atoms.concat();
    for mask in 1u32..(1 << atoms.len()) {
        let group: Vec<usize> = (0..atoms.len()).filter(|i| mask >> i & 1 == 1).flat_map(|i| atoms[i].clone()).collect();
        let size: u32 = group.iter().map(|&c| cells[c].size()).sum();
        if size >= K {
            continue;
        }
        let rest: i64 = part.iter().filter(|c| !group.contains(c)).map(|&c| weight[c].abs() * i64::from(cells[c].size())).sum();
        let bound = total - rest;
        if bound > 0 {
            let truth: i64 = group.iter().map(|&c| weight[c].abs() * i64::from(cells[c].count(v))).sum();
            assert!(truth >= bound, "{name}: the attack's bound {bound} on {group:?} exceeds the truth {truth}");
            out.push(Leak { combination: name.to_string(), group, answer: v + 1, bound });
        }
    }
    out
}

/// Cells of `n` people each (department, role, wave) answering en1 with `answers`.
fn cell(department: &str, role: &str, wave: &str, answers: &[u8]) -> Cell {
    Cell { segments: [department.into(), role.into(), wave.into()], answers: answers.to_vec() }
}

/// Everyone − Engineering − Leader = IT staff (2, answering 1) − Engineering leaders (3, 5).
fn three_population_cells() -> Vec<Cell> {
    vec![
        cell("Engineering", "Leader", "w1", &[5; 3]),
        cell("Engineering", "Staff", "w1", &[3; 10]),
        cell("IT", "Leader", "w1", &[3; 10]),
        cell("IT", "Staff", "w1", &[1; 2]),
    ]
}

/// Engineering = 10 leaders (all answering 1) + 2 staff (both 1); Leader = the same leaders + 10
/// IT leaders (answering 3): Engineering's 12 answers of 1 exceed its leaders' 10, and Leader
/// tells the two staff apart.
fn frechet_cells() -> Vec<Cell> {
    vec![
        cell("Engineering", "Leader", "w1", &[1; 10]),
        cell("Engineering", "Staff", "w1", &[1; 2]),
        cell("IT", "Leader", "w1", &[3; 10]),
        cell("IT", "Staff", "w1", &[4; 10]),
    ]
}

/// Hand-made releases of the named populations (cell indices) of `cells`, with their true counts.
fn released_by_hand(cells: &[Cell], populations: &[(&str, Vec<usize>)]) -> Vec<Released> {
    let counts = |of: &[usize]| {
        let mut c = [0i64; CATEGORIES];
        for &cell in of {
            (0..CATEGORIES).for_each(|v| c[v] += i64::from(cells[cell].count(v)));
        }
        c
    };
    populations.iter().map(|(name, of)| Released { name: name.to_string(), counts: counts(of), cells: of.clone() }).collect()
}

/// The attack finds the leaks of releases made without the audit (hand-made counts), so finding
/// none below is a result.
#[test]
fn the_attack_finds_the_three_population_and_the_frechet_leaks_of_unaudited_releases() {
    let cells = three_population_cells();
    let released = released_by_hand(&cells, &[("everyone", vec![0, 1, 2, 3]), ("Engineering", vec![0, 1]), ("Leader", vec![0, 2])]);
    let leaks = attack(&cells, &released);
    assert!(leaks.iter().any(|l| l.group == vec![3] && l.answer == 1 && l.bound == 2), "{}", describe(&leaks));
    let cells = frechet_cells();
    let released = released_by_hand(&cells, &[("Engineering", vec![0, 1]), ("Leader", vec![0, 2])]);
    let leaks = attack(&cells, &released);
    assert!(leaks.iter().any(|l| l.group == vec![1] && l.answer == 1 && l.bound == 2), "{}", describe(&leaks));
}

/// The crafted cases of both variants, released by the real policy: no leak.
#[test]
#[ignore = "red team: open leak"]
fn the_policy_leaves_no_three_population_or_frechet_leak_in_the_crafted_cases() {
    for cells in [three_population_cells(), frechet_cells()] {
        let released = released(&cells);
        let names: Vec<&str> = released.iter().map(|r| r.name.as_str()).collect();
        eprintln!("released: {names:?}");
        assert!(names.contains(&"everyone"), "everyone is shown");
        let leaks = attack(&cells, &released);
        assert!(leaks.is_empty(), "{}", describe(&leaks));
    }
}

/// Random surveys of three departments × two roles × two waves, cells of 0 … 12 people, en1
/// answered at random (some cells all alike): the policy's releases leave no leak either way.
#[test]
#[ignore = "red team: open leak"]
fn random_surveys_leave_no_sign_or_frechet_leak() {
    let surveys: u64 = std::env::var("SECPULSE_BOUNDS_SURVEYS").ok().and_then(|s| s.parse().ok()).unwrap_or(24);
    let (mut shown, mut total) = (0, 0);
    for seed in 0..surveys {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut cells = Vec::new();
        for department in ["Engineering", "IT", "Sales"] {
            for role in ["Leader", "Staff"] {
                for wave in ["w1", "w2"] {
                    let n = [0, 1, 2, 3, 4, 6, 10, 12][rng.random_range(0..8)];
                    let alike = rng.random_bool(0.4).then(|| rng.random_range(1..=5u8));
                    let answers: Vec<u8> = (0..n).map(|_| alike.unwrap_or_else(|| rng.random_range(1..=5u8))).collect();
                    cells.push(cell(department, role, wave, &answers));
                }
            }
        }
        let released = released(&cells);
        shown += released.len();
        total += 1 + 3 + 2 + 2 + (3 + 2) * 2;
        let leaks = attack(&cells, &released);
        assert!(leaks.is_empty(), "seed {seed}: {}", describe(&leaks));
    }
    eprintln!("{shown} of {total} populations show en1's distribution over {surveys} surveys");
    assert!(shown > 0, "some populations are shown");
}
