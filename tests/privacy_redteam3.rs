//! Red team 3: attacks on the newest protections (publishing again with a record,
//! `privacy::prior`; the skipped-item link) and on what
//! users can reach. Each test asserts the guarantee; the tests of leaks still open FAIL and
//! are `#[ignore = "red team: open leak"]`. Run them with
//! `cargo test --test privacy_redteam3 -- --include-ignored --nocapture` (the output prints
//! the arithmetic).
//!
//! Leaks:
//! A. `blank_wave_rows_escape_the_record_*`: rows with a blank wave are in every published
//!    number but not in the record's wave sizes, so they can change between publications
//!    without the `WaveChanged` refusal, and the record's releases are cut to the named waves.
//! B. `recoding_a_published_wave_*`: a published wave is checked by its size only; a
//!    respondent moved to another department (or a row replaced by another) keeps the size,
//!    and the two reports subtract to that respondent.
//! C. `cli_publish_*`: the record exists only in the library (`Views::publish_after`); the
//!    CLI's `--publish` (and the dashboard's "Publish report") cannot read or write one, so
//!    the users' way of publishing again is the unprotected one.
//! D. `three_populations_*`: everyone − a department − a role leaves two small cells with
//!    opposite signs (documented open); a check of pairs of released populations (tried, then
//!    reverted) misses populations that follow from them (the other department), and item counts pin both
//!    cells' answers. `three_populations_mixed_signs_in_random_surveys` counts how common it is.
//! E. `the_record_states_*`: the record holds exact wave sizes, also of waves every view hides.
//! F. `alpha_and_item_rest_*`: alpha and item–rest correlations are computed over complete
//!    cases, which no mask counts (3 people behind a shown alpha).
//!
//! Held (normal tests): a record of a filtered view, records that do not fit, comment texts
//! across publications.

#[path = "common/audit.rs"]
mod audit;
#[path = "common/redteam.rs"]
mod redteam;

use audit::Person;
use redteam::{answering, by_department_and_role, survey, views, ALL_LIKERT};
use secpulse::privacy::prior::{PriorError, Publication};
use secpulse::report::Report;
use secpulse::views::{View, ViewError};

/// `n` people of `department` in `wave` (blank when `None`) answering every item with `v`.
fn people(wave: Option<&str>, department: &str, n: usize, v: u8) -> Vec<Person> {
    (0..n)
        .map(|_| {
            let p = Person::new().seg("department", department);
            answering(wave.map_or(p.clone(), |w| p.seg("wave", w)), &ALL_LIKERT, v)
        })
        .collect()
}

/// Publishes everyone of `people` (wave column `wave`) after the records `prior`.
fn publish(people: Vec<Person>, prior: &[Publication]) -> Result<(Report, Option<Publication>), ViewError> {
    let (json, record) = views(&survey(people, Some("wave"))).publish_after(&View::default(), prior)?;
    Ok((Report::from_json(&json).expect("a published report reads back"), record))
}

/// A group's released respondents and overall score in `report` (`None` for everyone).
fn group(report: &Report, column: Option<&str>, value: &str) -> Option<(f64, f64)> {
    match column {
        None => Some((report.respondents? as f64, report.overall.score?)),
        Some(c) => {
            let g = report.segments.get(c)?.iter().find(|g| g.value == value)?;
            Some((g.n? as f64, g.overall.as_ref()?.score.score?))
        }
    }
}

/// Asserts that the two reports' `(n, score)` of one group do not subtract to the score
/// `truth` of the one respondent they differ by; prints the arithmetic.
fn assert_no_subtraction(what: &str, before: Option<(f64, f64)>, after: Option<(f64, f64)>, truth: f64) {
    let (Some((n1, s1)), Some((n2, s2))) = (before, after) else { return };
    let x = n2 * s2 - n1 * s1;
    eprintln!("{what}: {n1} at {s1}, then {n2} at {s2}: {n2}·{s2} − {n1}·{s1} = {x:.1} (the respondent's true score {truth})");
    assert!((x - truth).abs() > 5.0, "{what}: one respondent's score follows from the two reports: {x:.1}");
}

// -----------------------------------------------------------------------------------------
// Leak A: blank waves are outside the record.
// -----------------------------------------------------------------------------------------

/// `Policy::publication` counts each wave's respondents by label and skips blank wave cells
/// (`n.get_mut(NO_SEGMENT)` is `None`, src/privacy/disclosure.rs `publication`), and
/// `known_from` keeps a released population's cells only in the named waves. So rows whose
/// wave is blank are in every number the first report published, yet the record neither
/// counts them nor counts them as known. A late response with a blank wave (a form without the
/// wave field, a CSV whose wave cell was left empty) then changes nothing the record checks.
/// March: 20 Engineering in w1 (answered 4), 6 with a blank wave (answered 4). September: the
/// same plus x, blank wave, answering 3 (a score of 50). September is published with March's
/// record, is not refused, and shows everyone: 27·s₂ − 26·s₁ = x's overall score (and every
/// item count and NPS of x likewise).
/// Reader needs: the two reports. Learns: one respondent's answers exactly (rounding ±2.7).
/// Severity: high. Fix: record blank waves as a wave of their own ("(no answer)" with its
/// size) and keep their cells in `known_from`, or refuse a record when blank-wave rows exist.
///
/// Fixed: blank-wave rows are a wave of the record, kept by digest; the late row is refused.
#[test]
fn blank_wave_rows_escape_the_record_and_a_late_one_is_singled_out() {
    let mut march_people = people(Some("w1"), "Engineering", 20, 4);
    march_people.extend(people(None, "Engineering", 6, 4));
    let (march, record) = publish(march_people.clone(), &[]).unwrap();
    let record = record.unwrap();
    eprintln!("the record's waves: {:?}", record.waves);
    let mut september_people = march_people;
    september_people.extend(people(None, "Engineering", 1, 3));
    match publish(september_people, &[record]) {
        // Held: the blank wave is recorded by its digest, and the late row changes it.
        Err(ViewError::Prior(PriorError::WaveChanged { wave })) => assert_eq!(wave, "(no answer)"),
        Err(e) => panic!("{e}"),
        Ok((september, _)) => {
            assert_no_subtraction("everyone, March then September", group(&march, None, ""), group(&september, None, ""), 50.0)
        }
    }
}

// -----------------------------------------------------------------------------------------
// Leak B: a published wave that changed without changing its size.
// -----------------------------------------------------------------------------------------

/// `known_from` refuses a record only when a published wave's size changed
/// (`PriorError::WaveChanged`). The record's populations are matched by label, so when a
/// respondent of a published wave is moved from Engineering to Finance (a corrected
/// department, an HR mapping re-applied) the wave keeps its size, the record's "Finance in
/// w1" now means the new Finance, and nothing is refused. March: w1 with 21 Engineering (20
/// answering 4, x answering 3: a score of 50) and 6 Finance (answering 4). September: the same
/// rows, x now in Finance. Finance: 7·s₂ − 6·s₁ = x's score; Engineering 21·s₁ − 20·s₂ too.
/// Replacing a row (one deleted, one added to the same wave) works alike: the difference of
/// the two reports is new − old.
/// Reader needs: the two reports. Learns: the moved respondent's answers exactly.
/// Severity: high when rows of a published wave are edited, recoded or replaced; the docs say
/// "a published wave must not change" but only its size is checked. Fix: keep in the record,
/// per published wave, the contributor counts of every family per cell (or a salted digest of
/// the wave's rows, salt kept with the record) and refuse on any difference.
///
/// Fixed: the record keeps a digest of each wave's rows, so the recoded wave is refused.
#[test]
fn recoding_a_published_wave_keeps_its_size_and_singles_out_the_moved_respondent() {
    let x = || people(Some("w1"), "Engineering", 1, 3);
    let mut march_people = people(Some("w1"), "Engineering", 20, 4);
    march_people.extend(people(Some("w1"), "Finance", 6, 4));
    let mut september_people = march_people.clone();
    march_people.extend(x());
    september_people.extend(people(Some("w1"), "Finance", 1, 3));
    let (march, record) = publish_by_department(march_people, &[]).unwrap();
    let finance = |r: &Report| group(r, Some("department"), "Finance");
    match publish_by_department(september_people, &[record.unwrap()]) {
        // Held: the wave's digest changes with the recoded row.
        Err(ViewError::Prior(PriorError::WaveChanged { wave })) => assert_eq!(wave, "w1"),
        Err(e) => panic!("{e}"),
        Ok((september, _)) => assert_no_subtraction("Finance, March then September", finance(&march), finance(&september), 50.0),
    }
}

/// Publishes the department breakdown of `people` after the records `prior`.
fn publish_by_department(people: Vec<Person>, prior: &[Publication]) -> Result<(Report, Option<Publication>), ViewError> {
    let (json, record) = views(&survey(people, Some("wave"))).publish_after(&View::by("department"), prior)?;
    Ok((Report::from_json(&json).expect("a published report reads back"), record))
}

// -----------------------------------------------------------------------------------------
// Leak C: the users' publish paths have no record.
// -----------------------------------------------------------------------------------------

/// `secpulse score --publish` called `Views::publish`, never `publish_after`, and neither did
/// the dashboard's "Publish report". So a page owner who follows the docs ("publish one report
/// per closed wave", then the next) with the tools got the unprotected subtraction of
/// `tests/privacy_republish.rs`: wave 1 (20 Engineering, 7 Finance, answering 4) in March,
/// waves 1–2 in September where w2 holds one respondent x (answering 3, score 50).
/// Reader needs: the two published files. Learns: x's answers exactly. Severity: high.
///
/// Fixed for the CLI: `--publish --record FILE` reads the earlier records and appends its
/// own, so September is refused (or hides everyone); without `--record` it warns. The
/// dashboard's export is still without a record (docs/privacy.md).
#[test]
fn cli_publish_has_no_record_so_two_reports_single_out_a_late_respondent() {
    let mut wave_one = people(Some("w1"), "Engineering", 20, 4);
    wave_one.extend(people(Some("w1"), "Finance", 7, 4));
    let mut both = wave_one.clone();
    both.extend(people(Some("w2"), "Finance", 1, 3));
    let temp = tempfile::Builder::new().prefix("secpulse-redteam3-").tempdir().unwrap();
    let dir = temp.path();
    let record = dir.join("publications.jsonl");
    let publish_cli = |people: Vec<Person>, name: &str, with_record: bool| {
        let path = dir.join(format!("{name}.csv"));
        std::fs::write(&path, survey(people, Some("wave")).csv()).unwrap();
        let mut args = vec!["score", path.to_str().unwrap(), "--wave", "wave", "--publish"];
        if with_record {
            args.extend(["--record", record.to_str().unwrap()]);
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_secpulse")).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let report = out.status.success().then(|| Report::from_json(&String::from_utf8(out.stdout).unwrap()).expect("a published report"));
        (report, stderr)
    };
    let (march, _) = publish_cli(wave_one.clone(), "march", true);
    let (september, stderr) = publish_cli(both.clone(), "september", true);
    let march = march.expect("March publishes");
    match september {
        Some(september) => assert_no_subtraction("score --publish --record", group(&march, None, ""), group(&september, None, ""), 50.0),
        None => assert!(stderr.contains("too few") || stderr.contains("single out"), "refused with a reason: {stderr}"),
    }
    let (_, warning) = publish_cli(wave_one, "again", false);
    assert!(warning.contains("without --record"), "{warning}");
}

// -----------------------------------------------------------------------------------------
// Leak D: mixed signs over three populations.
// -----------------------------------------------------------------------------------------

/// Cells (department × role): Engineering·Leader 3 (answer 5), Engineering·Staff 10 (3),
/// IT·Leader 10 (3), IT·Staff 2 (answer 1). Everyone (25), Engineering (13) and Leader (13)
/// are released: every pair's parts hold 0 or ≥ 5 (Engineering − Leader = 10 Eng staff − 10
/// IT leaders), and the linear span's only small-cell combination, everyone − Engineering −
/// Leader = IT·Staff − Engineering·Leader, rests on 2 + 3 = 5. A pairwise sign check would refuse IT
/// next to Leader (IT − Leader = the same two cells), but IT = everyone − Engineering follows
/// anyway. Item counts (share × n, exact for n ≤ 100) are non-negative, so for en1:
/// count₁(everyone) − count₁(Engineering) − count₁(Leader) = 2 − 0 ⇒ both IT staff answered 1,
/// and count₅ of the same = 0 − 3 ⇒ all three Engineering leaders answered 5.
/// Reader needs: the three views (and the cell sizes, which n's give: 25 − 13 − 13 = −1 =
/// 2 − 3, or the org chart). Learns: the answers of two cells of 2 and 3 people, item by item.
/// Severity: medium-high (exact answers of homogeneous small cells; a bound otherwise).
/// Fix: run a sign check against the populations that follow from the released ones too
/// (complements within a released superset: everyone − P, a wave − P), or more generally
/// check the ±1 sums of up to three released populations for a mixed part of 1 … k − 1.
#[test]
#[ignore = "red team: open leak"]
fn three_populations_everyone_minus_department_minus_role_pin_two_small_cells() {
    let people = by_department_and_role(&[
        ("Engineering", "Leader", 3, 5),
        ("Engineering", "Staff", 10, 3),
        ("IT", "Leader", 10, 3),
        ("IT", "Staff", 2, 1),
    ]);
    let s = survey(people, None);
    let mut v = views(&s);
    let reports =
        [View::default(), View::by("department").showing("department", "Engineering"), View::by("role").showing("role", "Leader")]
            .map(|view| v.report(&view).ok());
    let counts = |cat: usize| {
        reports.iter().map(move |r| {
            let i = r.as_ref()?.items.iter().find(|i| i.id == "en1")?;
            let n = i.n? as f64;
            i.distribution.as_ref().map(|d| (d[cat] / 100.0 * n).round())
        })
    };
    let combine = |cat: usize| {
        let c: Vec<Option<f64>> = counts(cat).collect();
        eprintln!("en1 answers of {}: everyone {:?}, Engineering {:?}, Leader {:?}", cat + 1, c[0], c[1], c[2]);
        Some(c[0]? - c[1]? - c[2]?)
    };
    let (Some(ones), Some(fives)) = (combine(0), combine(4)) else { return };
    eprintln!(
        "everyone − Engineering − Leader: {ones} answers of 1 (IT·Staff, 2 people), {fives} of 5 (minus Engineering·Leader, 3 people)"
    );
    assert!(ones < 2.0 && fives > -3.0, "both IT staff answered 1 and all three Engineering leaders 5: cells under k pinned");
}

// -----------------------------------------------------------------------------------------
// Leak E: the record states what the report hides.
// -----------------------------------------------------------------------------------------

/// The record (`Publication`) is described as "no rows, no answers", so it reads as safe to
/// keep beside the report (or in a repository, a ticket, the collector's database). But it
/// holds every wave's exact size, checked or not: September's record (of the one view it can
/// publish, w1 by department; everyone is refused) says w2 has 1 respondent, a group every
/// view hides, and, with the released populations
/// listed, which groups were refused.
/// Reader needs: the record. Learns: sizes under k (one person answered in w2).
/// Severity: low–medium (a count, not answers; but it is a people count the policy refused).
/// Fix: say in the docs and the type that the record is as private as the responses, or keep
/// only a salted digest of each wave's rows (enough to refuse a changed wave) instead of sizes.
///
/// Fixed: the record keeps digests, not sizes (and docs/privacy.md says to keep it private).
#[test]
fn the_record_states_a_wave_size_the_report_hides() {
    let mut wave_one = people(Some("w1"), "Engineering", 20, 4);
    wave_one.extend(people(Some("w1"), "Finance", 7, 4));
    let (_, march) = publish(wave_one.clone(), &[]).unwrap();
    let mut both = wave_one;
    both.extend(people(Some("w2"), "Finance", 1, 3));
    let mut v = views(&survey(both, Some("wave")));
    let refused = v.publish_after(&View::default(), std::slice::from_ref(march.as_ref().unwrap()));
    let (_, record) = v.publish_after(&View::by("department").in_wave("w1"), &[march.unwrap()]).unwrap();
    let record = record.unwrap();
    let json = serde_json::to_string(&record).unwrap();
    eprintln!("September's everyone: {:?}; its record: {json}", refused.map(|_| "shown"));
    let w2 = record.waves.iter().find(|w| w.wave == "w2").expect("w2 is recorded");
    assert!(w2.digest.len() == 64 && w2.digest.chars().all(|c| c.is_ascii_hexdigit()), "a wave is recorded by a digest");
    let sizes = serde_json::to_value(&record.waves).unwrap();
    assert!(sizes.as_array().unwrap().iter().all(|w| w.as_object().unwrap().keys().all(|k| k == "wave" || k == "digest")), "{sizes}");
}

// -----------------------------------------------------------------------------------------
// Leak F: alpha and item–rest correlations rest on complete cases, which nothing counts.
// -----------------------------------------------------------------------------------------

/// Cronbach's alpha and the item–rest correlations are computed over the respondents who
/// answered *every* item of a dimension (`Covariance`, complete cases: src/score/group.rs
/// `covariance_rows`), but are released with the split family, whose masks count item answers
/// and whose link counts scored respondents who skipped an item. Neither bounds the complete
/// cases: 12 respondents of whom 9 each skipped one item of enablement release its item
/// statistics (≥ 9 answers an item, skippers 9 ≥ 5), and the alpha and item–rest shown are
/// those of the other 3. When two of the three answered alike, the covariance is of rank one
/// (the third one's deviation d): item–rest is ±1 where dᵢ ≠ 0 and undefined where dᵢ = 0,
/// which tells on which items the third one differed (here en1 and en2), and alpha =
/// 4/3 · (1 − Σdᵢ²/(Σdᵢ)²) gives Σdᵢ²/(Σdᵢ)². Shown: alpha −16 ⇒ Σd²/(Σd)² = 13, item–rest
/// −1, −1, none, none; over integer deviations on two items that is |d| = (3, 2) with
/// opposite keyed signs: the third person's answers differ from the other two's by exactly
/// 3 points on en1 (reverse-keyed) and 2 on en2, and not at all on en3 and en4.
/// Reader needs: the report (and the guess that two of the three answered alike, which the
/// undefined item–rest values suggest). Learns: how one person's answers differ, item by item.
/// Severity: low–medium (non-linear; exact only in such patterns), and against the rule that
/// every released number rests on ≥ k contributors. Fix: count complete cases per dimension as one
/// more mask of the split family (or show alpha and item–rest only for the whole sample at
/// n ≥ 30 complete cases, as the driver analysis does).
///
/// Fixed: alpha and item–rest need 30 complete cases (`MIN_RELIABILITY_CASES`).
#[test]
fn alpha_and_item_rest_rest_on_three_complete_cases() {
    let others: Vec<&str> = ALL_LIKERT.iter().copied().filter(|id| !id.starts_with("en")).collect();
    let base = || answering(Person::new().seg("department", "Engineering"), &others, 3);
    let complete = |en1: u8, en2: u8| answering(base(), &["en3", "en4"], 4).answer("en1", en1).answer("en2", en2);
    let mut people = vec![complete(4, 4), complete(4, 4), complete(1, 2)];
    // Nine scored respondents who each skip one item of en (en1 three times, the others twice).
    for i in 0..9usize {
        let answered: Vec<&str> =
            ["en1", "en2", "en3", "en4"].into_iter().enumerate().filter(|&(j, _)| j != i % 4).map(|(_, id)| id).collect();
        people.push(answering(base(), &answered, 2 + (i % 4) as u8));
    }
    let mut v = views(&survey(people, None));
    let report = v.report(&View::default()).unwrap();
    let en = report.dimension_names.iter().position(|d| d.id == "enablement").unwrap();
    let alpha = report.dimensions[en].alpha;
    let item_rest: Vec<(String, Option<f64>)> =
        report.items.iter().filter(|i| i.dimension == "enablement").map(|i| (format!("{} n={:?}", i.id, i.n), i.item_rest)).collect();
    eprintln!("en over 12 respondents, 3 of them complete: alpha {alpha:?}, item-rest {item_rest:?}");
    assert!(alpha.is_none() && item_rest.iter().all(|(_, r)| r.is_none()), "alpha / item-rest of 3 complete cases are shown");
}

// -----------------------------------------------------------------------------------------
// Attacks that held.
// -----------------------------------------------------------------------------------------

/// March publishes only "Show Finance" in w1; September publishes everyone. The record is the
/// policy's (every population it released, not only the view shown), so September still
/// cannot be subtracted from March's everyone, which the reader could have had from any view.
#[test]
fn a_record_of_a_filtered_view_constrains_everything_released() {
    let mut wave_one = people(Some("w1"), "Engineering", 20, 4);
    wave_one.extend(people(Some("w1"), "Finance", 7, 4));
    let mut both = wave_one.clone();
    both.extend(people(Some("w2"), "Finance", 1, 3));
    let shown = View::by("department").showing("department", "Finance").in_wave("w1");
    let (_, record) = views(&survey(wave_one, Some("wave"))).publish_after(&shown, &[]).unwrap();
    let record = record.unwrap();
    assert!(record.released.iter().any(|r| r.population.is_empty()), "the record holds everyone, shown or not");
    if let Ok((september, _)) = publish(both, &[record]) {
        assert_eq!(group(&september, None, ""), None, "everyone over w1–w2 minus w1 is one person");
    }
}

/// A record from another instrument, another wave column or naming a group these responses
/// do not have is refused, not silently ignored (which would release as if nothing was
/// published before).
#[test]
fn a_record_that_does_not_fit_is_refused() {
    let wave_one = people(Some("w1"), "Engineering", 20, 4);
    let (_, record) = publish(wave_one.clone(), &[]).unwrap();
    let record = record.unwrap();
    let mut other = record.clone();
    other.instrument = "other@1".into();
    assert!(matches!(publish(wave_one.clone(), &[other]), Err(ViewError::Prior(PriorError::OtherInstrument { .. }))));
    let mut other = record.clone();
    other.wave_column = "round".into();
    assert!(matches!(publish(wave_one.clone(), &[other]), Err(ViewError::Prior(PriorError::OtherWaveColumn { .. }))));
    let mut other = record.clone();
    other.released[0].population = vec![("department".into(), "No such team".into())];
    assert!(matches!(publish(wave_one.clone(), &[other]), Err(ViewError::Prior(PriorError::UnknownGroup { .. }))));
    let mut other = record;
    other.waves[0].wave = "w0".into();
    assert!(matches!(publish(wave_one, &[other]), Err(ViewError::Prior(PriorError::WaveChanged { .. }))));
}

/// Comment texts across publications: wave 1 has 12 commenters, wave 2 adds 3. Without the
/// record, September's samples would show 3 texts March did not (authors: 3 in w2). With it,
/// September shows no sample March did not (texts are decided by Boolean atoms with March's
/// releases assumed), and its comment count of everyone is not 12 + 3.
#[test]
fn comment_texts_across_publications_keep_ten_authors() {
    let commenter = |w: &str, i: usize| {
        answering(Person::new().seg("department", "Engineering").seg("wave", w), &ALL_LIKERT, 4)
            .comment("should_change", &format!("please change process number {i} in {w}"))
    };
    let mut wave_one: Vec<Person> = (0..12).map(|i| commenter("w1", i)).collect();
    wave_one.extend(people(Some("w1"), "Engineering", 10, 4));
    let mut both = wave_one.clone();
    both.extend((0..3).map(|i| commenter("w2", i)));
    both.extend(people(Some("w2"), "Engineering", 10, 4));
    let texts = |r: &Report| -> Vec<String> {
        r.comments.iter().filter(|c| c.id == "should_change").flat_map(|c| c.samples.iter().map(|s| s.text.clone())).collect()
    };
    let (march, record) = publish(wave_one, &[]).unwrap();
    let (september, _) = publish(both.clone(), &[record.unwrap()]).unwrap();
    let new: Vec<String> = texts(&september).into_iter().filter(|t| !texts(&march).contains(t)).collect();
    eprintln!("March {} samples, September {} samples, new in September: {new:?}", texts(&march).len(), texts(&september).len());
    assert!(new.is_empty(), "texts of 3 wave-2 authors appear only in September");
    let (unprotected, _) = publish(both, &[]).unwrap();
    assert_eq!(texts(&unprotected).len(), 15, "without the record the three wave-2 texts are shown: the test sees the leak");
}

/// How common leak D is: over random surveys (the auditor's generator, k = 5), the people
/// counts of every reachable view the policy shows, and every ±1 sum of three of them with
/// mixed signs (P₁ + P₂ − P₃). A finding is a sum whose positive or negative part holds
/// 1 … k − 1 respondents while no pair of the three already has such a part (so it is new
/// beyond a pairwise sign check). `RT_N` surveys (default 200).
#[test]
#[ignore = "red team: open leak (search)"]
fn three_populations_mixed_signs_in_random_surveys() {
    let n: u64 = std::env::var("RT_N").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let (mut surveys_with, mut total, mut example) = (0, 0, None);
    for seed in 0..n {
        let s = audit::random_survey(seed, audit::GenOptions { k: 5 });
        let found = mixed_triples(&s);
        if found > 0 {
            surveys_with += 1;
            total += found;
            example.get_or_insert(seed);
        }
    }
    eprintln!("{surveys_with} of {n} random surveys have a released triple P₁ + P₂ − P₃ with a part of 1 … 4 respondents ({total} triples; first seed {example:?})");
    assert_eq!(surveys_with, 0, "mixed-sign triples with a small part");
}

/// The sets of rows whose people counts the views of `s` show.
fn shown_populations(s: &audit::Survey) -> Vec<audit::Set> {
    let mut v = views(s);
    let mut out: Vec<audit::Set> = Vec::new();
    for view in v.reachable() {
        if view.filter.segment.is_none() && view.filter.wave.is_none() && !view.by.is_empty() {
            continue;
        }
        let shown = v.report(&view).ok().and_then(|r| r.respondents).is_some();
        let rows = s.view_rows(&view);
        if shown && !out.contains(&rows) {
            out.push(rows);
        }
    }
    out
}

/// Sizes of the positive and negative parts of `Σ sign·1_P` over the rows of `s`.
fn parts(rows: usize, terms: &[(i32, audit::Set)]) -> (usize, usize) {
    let (mut pos, mut neg) = (0, 0);
    for r in 0..rows {
        let c: i32 = terms.iter().filter(|(_, p)| p.contains(r)).map(|(sign, _)| sign).sum();
        if c > 0 {
            pos += 1;
        } else if c < 0 {
            neg += 1;
        }
    }
    (pos, neg)
}

/// Mixed-sign ±1 sums of three shown populations of `s` with a part of 1 … k − 1 rows, no pair
/// of which has one.
fn mixed_triples(s: &audit::Survey) -> usize {
    let pops = shown_populations(s);
    let rows = s.people.len();
    let small = |(pos, neg): (usize, usize)| pos > 0 && neg > 0 && ((1..s.k).contains(&pos) || (1..s.k).contains(&neg));
    let pair_small = |a: audit::Set, b: audit::Set| small(parts(rows, &[(1, a), (-1, b)]));
    let mut found = 0;
    for i in 0..pops.len() {
        for j in i + 1..pops.len() {
            for l in j + 1..pops.len() {
                let (a, b, c) = (pops[i], pops[j], pops[l]);
                if pair_small(a, b) || pair_small(a, c) || pair_small(b, c) {
                    continue;
                }
                for (x, y, z) in [(a, b, c), (a, c, b), (b, c, a)] {
                    if small(parts(rows, &[(1, x), (1, y), (-1, z)])) || small(parts(rows, &[(1, x), (-1, y), (-1, z)])) {
                        found += 1;
                        break;
                    }
                }
            }
        }
    }
    found
}
