//! Property tests: tables survive a write/read round trip, and no input makes the
//! readers panic.

use proptest::prelude::*;
use secpulse::ingest::*;
use secpulse::instrument::Instrument;

fn instrument() -> Instrument {
    Instrument::from_json(
        r#"{
  "id": "t", "version": "1", "title": "T", "intro": "I",
  "scale": {"min": 1, "max": 5},
  "dimensions": [{"id": "en", "name": "Enablement"}],
  "sections": [{"id": "s", "title": "S", "questions": [
    {"type": "choice", "id": "role", "text": "Role?", "options": ["Leader", "Manager", "Staff", "=Odd, \"one\""]},
    {"type": "likert", "id": "en1", "text": "A", "dimension": "en"},
    {"type": "bipolar", "id": "bal", "text": "C", "left": "No", "right": "Options"},
    {"type": "recommend", "id": "nps", "text": "D"},
    {"type": "text", "id": "comment", "text": "E"},
    {"type": "ranking", "id": "rank", "text": "F",
     "options": ["Customer data and CRM", "Finance and payments", "Email", "-Other; \"misc\""]}
  ]}]
}"#,
    )
    .unwrap()
}

/// One generated respondent.
#[derive(Debug, Clone)]
struct Row {
    role: Option<u32>,
    en1: Option<u8>,
    bal: Option<u8>,
    nps: Option<u8>,
    comment: Option<String>,
    rank: Option<Vec<u8>>,
    wave: Option<String>,
    team: Option<String>,
}

/// Text as a reader gives it back: trimmed and not empty.
fn text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[a-zA-Z0-9 ,;\"'=+@>\t\r\n\\-éü–]{1,16}").prop_map(|s| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
}

fn row() -> impl Strategy<Value = Row> {
    (
        proptest::option::of(0u32..4),
        proptest::option::of(1u8..=5),
        proptest::option::of(1u8..=7),
        proptest::option::of(0u8..=10),
        text(),
        proptest::option::of(Just(vec![0u8, 1, 2, 3]).prop_shuffle().prop_flat_map(|p| (1usize..=4).prop_map(move |n| p[..n].to_vec()))),
        text(),
        text(),
    )
        .prop_map(|(role, en1, bal, nps, comment, rank, wave, team)| Row { role, en1, bal, nps, comment, rank, wave, team })
}

/// Interns `label` into an extra segment column, labels in order of first appearance.
fn code(col: &mut SegmentColumn, label: &Option<String>) -> u32 {
    match label {
        None => NO_SEGMENT,
        Some(l) => match col.labels.iter().position(|x| x == l) {
            Some(i) => i as u32,
            None => {
                col.labels.push(l.clone());
                (col.labels.len() - 1) as u32
            }
        },
    }
}

/// The table the readers should produce for `rows`.
fn table(ins: &Instrument, rows: &[Row], extras: bool) -> ResponseTable {
    let mut t = ResponseTable::for_instrument(ins);
    let mut wave = SegmentColumn { name: "wave".into(), ..Default::default() };
    let mut team = SegmentColumn { name: "team".into(), ..Default::default() };
    for (i, r) in rows.iter().enumerate() {
        let missing = |v: Option<u8>| v.unwrap_or(MISSING);
        t.answers[0].values.push(missing(r.en1));
        t.answers[1].values.push(missing(r.bal));
        t.answers[2].values.push(missing(r.nps));
        t.segments[0].codes.push(r.role.unwrap_or(NO_SEGMENT));
        if let Some(c) = &r.comment {
            t.texts[0].entries.push((i as u32, c.as_str().into()));
        }
        if let Some(k) = &r.rank {
            t.rankings[0].entries.push((i as u32, k.clone()));
        }
        let c = code(&mut wave, &r.wave);
        wave.codes.push(c);
        let c = code(&mut team, &r.team);
        team.codes.push(c);
    }
    t.rows = rows.len();
    if extras {
        t.segments.push(wave);
        t.segments.push(team);
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_round_trip(rows in proptest::collection::vec(row(), 0..12)) {
        let ins = instrument();
        let t = table(&ins, &rows, true);
        let mut out = Vec::new();
        write_csv(&ins, &t, &mut out).unwrap();
        let back = read_responses(&ins, &out, Format::Csv, &IngestOptions::default())
            .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
        prop_assert_eq!(back.summary.problems_total, 0, "{:?}", back.summary.problems);
        prop_assert_eq!(&back.table, &t, "{}", String::from_utf8_lossy(&out));
    }

    #[test]
    fn json_round_trip(rows in proptest::collection::vec(row(), 0..12)) {
        // JSON leaves blank cells out, so a column the instrument does not know is only
        // seen where it has a value: extra columns are left out of this property.
        let ins = instrument();
        let t = table(&ins, &rows, false);
        let mut out = Vec::new();
        write_json(&ins, &t, &mut out).unwrap();
        let back = read_responses(&ins, &out, Format::Json, &IngestOptions::default())
            .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
        prop_assert_eq!(back.summary.problems_total, 0, "{:?}", back.summary.problems);
        prop_assert_eq!(&back.table, &t, "{}", String::from_utf8_lossy(&out));
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let ins = instrument();
        for format in [Format::Csv, Format::Json] {
            for policy in [ErrorPolicy::SkipRow, ErrorPolicy::Fail] {
                let o = IngestOptions { policy, ..IngestOptions::default() };
                if let Ok(ing) = read_responses(&ins, &bytes, format, &o) {
                    check_consistent(&ing);
                }
            }
        }
    }

    #[test]
    fn near_valid_input_never_panics(
        body in "[\\[\\]{}\",;:>'=\\-\\\\ \t\r\n0-9a-zA-Z.]{0,200}",
        json in any::<bool>(),
    ) {
        let ins = instrument();
        let text = if json {
            format!("[{{\"en1\": 1, \"role\": \"staff\", \"rank\": [\"email\"]}},{body}")
        } else {
            format!("role,en1,bal,nps,comment,rank,wave\nStaff,1,2,3,x,Email,a\n{body}")
        };
        for format in [Format::Csv, Format::Json] {
            let tight = Limits { max_columns: 8, max_field_bytes: 20, max_rows: 5, ..Limits::default() };
            for o in [IngestOptions::default(), IngestOptions { limits: tight, ..IngestOptions::default() }] {
                if let Ok(ing) = read_responses(&ins, text.as_bytes(), format, &o) {
                    check_consistent(&ing);
                }
            }
        }
    }
}

/// Every column has one entry per kept row; counts add up.
fn check_consistent(ing: &Ingested) {
    let (t, s) = (&ing.table, &ing.summary);
    assert_eq!(s.rows_kept, t.rows);
    assert_eq!(s.rows_read, s.rows_kept + s.rows_skipped);
    assert!(s.problems.len() <= 100 && s.problems.len() <= s.problems_total);
    assert!(t.answers.iter().all(|c| c.values.len() == t.rows));
    for c in &t.segments {
        assert_eq!(c.codes.len(), t.rows);
        assert!(c.codes.iter().all(|k| k == NO_SEGMENT || (k as usize) < c.labels.len()));
    }
    assert!(t.texts.iter().flat_map(|c| &c.entries).all(|e| (e.0 as usize) < t.rows && !e.1.is_empty()));
    assert!(t.rankings.iter().flat_map(|c| &c.entries).all(|e| (e.0 as usize) < t.rows && !e.1.is_empty()));
}
