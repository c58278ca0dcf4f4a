//! A response file counted piece by piece (`views::streamed::StreamedScore`, as `secpulse score`
//! reads a large file) gives exactly what reading it whole gives: on random synthetic surveys
//! (waves, blanks, repeated comments, a column whose values first appear late, bad lines), read
//! in random byte pieces and counted in pieces of a few rows, the released report (text and
//! JSON, with breakdowns, waves and comments) and what reading reported (rows, problems with
//! their lines, errors under strict mode and row limits) are byte-identical to one pass:
//! `ChunkedReader` over the same pieces, then `views::score_with_comments` of the whole table.

use proptest::prelude::*;
use secpulse::ingest::{write_csv, ChunkedReader, ErrorPolicy, IngestOptions, Limits};
use secpulse::instrument::Instrument;
use secpulse::lang::Lang;
use secpulse::privacy::{CommentOptions, MinGroup};
use secpulse::report::plain;
use secpulse::score::comments::AnalyzedComments;
use secpulse::synth::{generate, SynthOptions};
use secpulse::text::Analyzer;
use secpulse::views::streamed::{supported, StreamedScore};
use secpulse::views::{score_with_comments, ScoreOptions};

/// The benchmark's instrument (department, role, 24 Likert items, a comment).
fn instrument() -> Instrument {
    Instrument::from_json(include_str!("../bench/instrument.json")).unwrap()
}

/// One case: the survey and how it is read and scored.
#[derive(Debug, Clone)]
struct Case {
    seed: u64,
    rows: usize,
    waves: bool,
    /// With a `site` column whose later values first appear in later rows (many cells).
    sites: bool,
    /// Lines replaced by bad ones (every `bad`-th data line; 0: none).
    bad: usize,
    strict: bool,
    max_rows: Option<usize>,
    /// Bytes a pushed piece holds.
    chunk: usize,
    /// Rows a counted piece holds at least.
    piece_rows: usize,
    /// Breakdowns: 0 none, 1 department, 2 site (values appear late), 3 role and site and department.
    by: usize,
    samples: usize,
    min_group: usize,
    comments: bool,
}

/// The survey's CSV: synthetic answers with a `site` column whose later values first appear in
/// later rows (and blanks), some lines made bad.
fn csv(ins: &Instrument, case: &Case) -> Vec<u8> {
    let waves = if case.waves { vec!["2025-H2".to_string(), "2026-H1".to_string(), "2026-H2".to_string()] } else { Vec::new() };
    let options = SynthOptions { n: case.rows, seed: case.seed, comment_rate: 0.5, blank_rate: 0.05, waves };
    let mut table = generate(ins, &options);
    // Many comments repeat a few texts (samples show each text once, from its first row).
    const REPEATED: [&str; 4] = ["n/a", "Too many blocked sites.", "The security team is helpful", "Passwords expire too often"];
    for (i, (_, text)) in table.texts.iter_mut().flat_map(|c| c.entries.iter_mut()).enumerate() {
        if (i as u64 ^ case.seed) % 3 == 0 {
            *text = REPEATED[((i as u64 * 7) ^ case.seed) as usize % REPEATED.len()].into();
        }
    }
    let mut bytes = Vec::new();
    write_csv(ins, &table, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if !case.sites {
            out += &format!("{line}\n");
            continue;
        }
        if i == 0 {
            out += &format!("{line},site\n");
            continue;
        }
        let r = (i as u64 * 2654435761) ^ case.seed;
        let site = match r % 5 {
            0 => String::new(),
            1 => "north".to_string(),
            _ => format!("s{}", (i * 4 / (case.rows + 1)) * 3 + (r % 3) as usize),
        };
        if case.bad > 0 && i % case.bad == 0 {
            // Alternately: a field too many, and an answer off the scale.
            out += &if i % 2 == 0 { format!("{line},{site},extra\n") } else { format!("{},{site}\n", line.replacen(",3,", ",9,", 1)) };
        } else {
            out += &format!("{line},{site}\n");
        }
    }
    out.into_bytes()
}

/// Reads and scores `case` one way and the other: (reading's outcome, text, JSON) each.
fn both(ins: &Instrument, analyzer: &Analyzer, case: &Case) -> [String; 2] {
    let bytes = csv(ins, case);
    let limits = Limits { max_rows: case.max_rows.unwrap_or(Limits::default().max_rows), ..Limits::default() };
    let policy = if case.strict { ErrorPolicy::Fail } else { ErrorPolicy::SkipRow };
    let options = IngestOptions { policy, limits };
    let comments = case.comments.then(|| CommentOptions { samples: case.samples, ..CommentOptions::default() });
    let by: Vec<String> = match case.by {
        0 => vec![],
        1 => vec!["department".into()],
        2 if case.sites => vec!["site".into()],
        3 if case.sites => vec!["role".into(), "site".into(), "department".into()],
        _ => vec!["role".into(), "department".into()],
    };
    let min_group = MinGroup::new(case.min_group).unwrap();
    let render = |report: Result<secpulse::report::Report, secpulse::score::ScoreError>| match report {
        Ok(r) => format!("{}\n{}", plain::render_in(&r, Lang::En), serde_json::to_string_pretty(&r).unwrap()),
        Err(e) => format!("score error: {e}"),
    };
    let wave_of = |table: &secpulse::ingest::ResponseTable| table.segment("wave").map(|_| "wave".to_string());

    let mut whole = ChunkedReader::new(ins, None, &options);
    bytes.chunks(case.chunk).for_each(|piece| whole.push(piece));
    let one_pass = match whole.finish() {
        Err(e) => format!("ingest error: {e:?}"),
        Ok(ingested) => {
            let table = &ingested.table;
            let analyzed = comments.as_ref().map(|_| AnalyzedComments::new(analyzer, table));
            let options = ScoreOptions { by: by.clone(), wave: wave_of(table), min_group };
            let report = score_with_comments(ins, table, &options, analyzed.as_ref().zip(comments.as_ref()));
            format!("{:?}\n{}", ingested.summary, render(report))
        }
    };

    let mut pieces = StreamedScore::new(ins, &options, comments.as_ref(), case.piece_rows);
    bytes.chunks(case.chunk).for_each(|piece| pieces.push(piece));
    let streamed = match pieces.finish() {
        Err(e) => format!("ingest error: {e:?}"),
        Ok(counted) => {
            let options = ScoreOptions { by, wave: wave_of(counted.table()), min_group };
            format!("{:?}\n{}", counted.summary(), render(counted.report(&options)))
        }
    };
    [one_pass, streamed]
}

fn cases() -> impl Strategy<Value = Case> {
    let survey = (any::<u64>(), 0usize..400, any::<bool>(), any::<bool>(), prop_oneof![Just(0usize), 2usize..40], any::<bool>());
    let reading = (prop_oneof![Just(None), (1usize..300).prop_map(Some)], 64usize..4000, 1usize..60);
    let scoring = (0usize..4, 0usize..6, 2usize..7, any::<bool>());
    (survey, reading, scoring).prop_map(
        |((seed, rows, waves, sites, bad, strict), (max_rows, chunk, piece_rows), (by, samples, min_group, comments))| Case {
            seed,
            rows,
            waves,
            sites,
            bad,
            // Strict mode only now and then (most bad files stop at their first bad line).
            strict: strict && seed % 4 == 0,
            max_rows,
            chunk,
            piece_rows,
            by,
            samples,
            min_group,
            comments,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn piece_by_piece_equals_one_pass(case in cases()) {
        let ins = instrument();
        prop_assume!(supported(&ins));
        let analyzer = shared_analyzer();
        let [one_pass, streamed] = both(&ins, analyzer, &case);
        prop_assert!(one_pass == streamed, "{case:?}\n--- one pass\n{one_pass}\n--- piece by piece\n{streamed}");
    }
}

/// Larger surveys in many pieces: many cells (every sample candidate and cell merged across
/// pieces), and few cells (each cell's candidates merged from many pieces, repeated texts among them).
#[test]
fn many_pieces_of_larger_surveys() {
    let ins = instrument();
    let many_cells = Case {
        seed: 7,
        rows: 6000,
        waves: true,
        sites: true,
        bad: 97,
        strict: false,
        max_rows: None,
        chunk: 4096,
        piece_rows: 250,
        by: 3,
        samples: 40,
        min_group: 5,
        comments: true,
    };
    let few_cells = Case { rows: 3000, waves: false, sites: false, piece_rows: 100, by: 1, ..many_cells.clone() };
    for case in [many_cells, few_cells] {
        let [one_pass, streamed] = both(&ins, shared_analyzer(), &case);
        assert!(one_pass.contains("\"samples\": [\n        {"), "{one_pass}");
        assert!(one_pass == streamed, "{case:?}\n--- one pass\n{one_pass}\n--- piece by piece\n{streamed}");
    }
}

/// One analyzer for every case (building it is the slow part).
fn shared_analyzer() -> &'static Analyzer {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}
