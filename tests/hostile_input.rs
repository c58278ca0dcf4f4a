//! Hostile input: mutated response files and instruments never panic, never allocate
//! more than a small multiple of the input, and scoring whatever was read never panics;
//! every ingest limit, when exceeded, fails with an error naming it.
//!
//! Cases per property default to a CI-friendly number; for a long run:
//! `SECPULSE_FUZZ_CASES=200000 cargo test --release --test hostile_input`.
//! Inputs in `tests/fuzz_corpus/` (crashers and near-crashers found by fuzzing) are replayed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use proptest::prelude::*;
use secpulse::ingest::{self, ErrorPolicy, Format, IngestError, IngestOptions, Limits};
use secpulse::instrument::{Instrument, DEFAULT_INSTRUMENT_JSON};
use secpulse::privacy::{redact::Redactor, MinGroup};
use secpulse::synth::{self, SynthOptions};
use secpulse::text;
use secpulse::views::{score, ScoreOptions};

/// Counts the bytes live on the current thread, and their peak, to bound allocation.
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|l| {
            l.set(l.get() + layout.size());
            let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
        });
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = LIVE.try_with(|l| {
            l.set(l.get().saturating_sub(layout.size()) + new_size);
            let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
        });
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak bytes allocated on this thread while `f` runs (above what was live before).
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(Cell::get) - base)
}

fn cases(default: u32) -> u32 {
    std::env::var("SECPULSE_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// Reads `bytes` every way (CSV, JSON, both policies, default and tight limits) and scores
/// what was read by every segment column; checks the allocation bound.
fn ingest_and_score(ins: &Instrument, bytes: &[u8]) {
    let tight = Limits { max_bytes: 1 << 20, max_rows: 50, max_columns: 40, max_field_bytes: 256 };
    for format in [Format::Csv, Format::Json] {
        for policy in [ErrorPolicy::SkipRow, ErrorPolicy::Fail] {
            for limits in [Limits::default(), tight] {
                let options = IngestOptions { policy, limits };
                let (read, peak) = peak_during(|| ingest::read_responses(ins, bytes, format, &options));
                // The table, its labels and texts are each at most a few times the input.
                let bound = 64 * bytes.len() + (256 << 10);
                assert!(peak <= bound, "{peak} bytes allocated for {} bytes of input", bytes.len());
                if let Ok(read) = read {
                    assert!(read.table.rows <= limits.max_rows);
                    let by: Vec<String> = read.table.segments.iter().map(|s| s.name.clone()).collect();
                    let wave = by.last().cloned();
                    let min_group = MinGroup::new(2).unwrap();
                    let report = score(ins, &read.table, &ScoreOptions { by, wave, min_group });
                    assert!(report.is_ok());
                }
            }
        }
    }
}

fn valid_inputs() -> (Instrument, Vec<u8>, Vec<u8>) {
    let ins = Instrument::default_instrument();
    let t = synth::generate(&ins, &SynthOptions { n: 12, seed: 3, ..Default::default() });
    let (mut csv, mut json) = (Vec::new(), Vec::new());
    ingest::write_csv(&ins, &t, &mut csv).unwrap();
    ingest::write_json(&ins, &t, &mut json).unwrap();
    (ins, csv, json)
}

/// One byte-level mutation: flip, insert, delete, duplicate a span, or splice in a token.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
}

const TOKENS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\n",
    b"\r\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"\\u0000",
    b"\\ud800",
    b"null",
    b"1e999",
    b"-0",
    b"255",
    b"\xEF\xBB\xBF",
    b"\xff",
    b"=HYPERLINK(\"http://x\",\"y\")",
    b"'",
    b">",
    b"\"\"",
    b"\t",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), proptest::sample::select(TOKENS)).prop_map(|(i, t)| Mutation::Insert(i, t.to_vec())),
        (any::<usize>(), 0usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1usize..64, 1usize..64).prop_map(|(i, n, times)| Mutation::Repeat(i, n, times)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % len] = *b;
                }
            }
            Mutation::Insert(i, t) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, t.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Repeat(i, n, times) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                let span = bytes[at.min(end)..end].to_vec();
                for _ in 0..*times {
                    bytes.splice(end..end, span.iter().copied());
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn mutated_csv_never_panics(ms in proptest::collection::vec(mutation(), 1..8)) {
        let (ins, csv, _) = valid_inputs();
        ingest_and_score(&ins, &mutate(csv, &ms));
    }

    #[test]
    fn mutated_json_never_panics(ms in proptest::collection::vec(mutation(), 1..8)) {
        let (ins, _, json) = valid_inputs();
        ingest_and_score(&ins, &mutate(json, &ms));
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let (ins, _, _) = valid_inputs();
        ingest_and_score(&ins, &bytes);
    }

    #[test]
    fn mutated_instruments_load_or_fail_cleanly(ms in proptest::collection::vec(mutation(), 1..6)) {
        let bytes = mutate(DEFAULT_INSTRUMENT_JSON.as_bytes().to_vec(), &ms);
        let text = String::from_utf8_lossy(&bytes);
        let (loaded, peak) = peak_during(|| Instrument::from_json(&text));
        prop_assert!(peak <= 64 * text.len() + (256 << 10));
        if let Ok(ins) = loaded {
            // A valid (if odd) instrument must also be usable end to end.
            let t = synth::generate(&ins, &SynthOptions { n: 8, seed: 1, ..Default::default() });
            let mut csv = Vec::new();
            ingest::write_csv(&ins, &t, &mut csv).unwrap();
            ingest_and_score(&ins, &csv);
        }
    }

    #[test]
    fn any_comment_redacts_in_linear_space(s in "\\PC{0,400}") {
        let r = Redactor::new(&["Jane Doe", "Ørjan"]);
        let ((out, _), peak) = peak_during(|| r.redact(&s));
        prop_assert!(out.len() <= 8 * s.len() + 8);
        prop_assert!(peak <= 16 * s.len() + 4096);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    /// Comment analysis of any text: no panic, memory linear in the input.
    #[test]
    fn any_comment_analyses_without_panic(s in "\\PC{0,600}") {
        let _ = text::analyze(""); // builds the shared lexicon outside the measurement
        let (_, peak) = peak_during(|| text::analyze(&s));
        prop_assert!(peak <= 64 * s.len() + (64 << 10), "{peak} bytes for {} bytes", s.len());
    }

    /// Comments built from words the analyser knows, negators, punctuation and numbers.
    #[test]
    fn near_real_comments_analyse_without_panic(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80)) {
        let s = words.join(" ");
        let _ = text::analyze(&s);
        let _ = Redactor::default().redact(&s);
    }
}

const WORDS: &[&str] = &[
    "security",
    "team",
    "not",
    "never",
    "no",
    "always",
    "slow",
    "fast",
    "helpful",
    "blocks",
    "blocker",
    "enables",
    "thanks",
    "but",
    "however",
    "MFA",
    "2FA",
    "VPN",
    "phishing",
    "review",
    "reviews",
    "weeks",
    "!!!",
    "?",
    "...",
    "CVE-2024-1234",
    "port",
    "443",
    "jane.doe@corp.com",
    "+44 20 7946 0958",
    "😀",
    "don't",
    "isn't",
    "yeah right",
    "\u{202e}",
    "\n",
    "\t",
    "''",
    "\"",
    "<script>",
    "=1+1",
    "tooooo",
    "sloooow",
    "veeeery",
    "NOT",
    "ok",
    "great",
];

/// Very long comments and pathological repetitions finish quickly.
#[test]
fn long_comments_analyse_in_time() {
    let inputs = [
        "not ".repeat(20_000),
        "security team blocks everything but ".repeat(2_000),
        "a".repeat(100_000),
        "!?".repeat(30_000),
        "😀".repeat(20_000),
        "don't never not no ".repeat(4_000),
    ];
    let start = std::time::Instant::now();
    for s in &inputs {
        let _ = text::analyze(s);
    }
    assert!(start.elapsed().as_secs_f64() < 20.0, "comment analysis took {:?}", start.elapsed());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let ins = Instrument::default_instrument();
    for depth in [200, 100_000] {
        for body in ["[".repeat(depth), "{\"en1\":".repeat(depth), format!("[{{\"en1\":{}", "[".repeat(depth))] {
            ingest_and_score(&ins, body.as_bytes());
            assert!(Instrument::from_json(&body).is_err());
        }
    }
}

/// Replays every saved input in `tests/fuzz_corpus/` (as response file and as instrument).
#[test]
fn fuzz_corpus_regressions() {
    let ins = Instrument::default_instrument();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            ingest_and_score(&ins, &bytes);
            let _ = Instrument::from_json(&String::from_utf8_lossy(&bytes));
            let _ = Redactor::default().redact(&String::from_utf8_lossy(&bytes));
            n += 1;
        }
    }
    assert!(n > 0, "the corpus in {} is empty", dir.display());
}

fn limit_error(bytes: &[u8], format: Format, limits: Limits) -> String {
    let ins = Instrument::default_instrument();
    let options = IngestOptions { limits, ..Default::default() };
    match ingest::read_responses(&ins, bytes, format, &options) {
        Err(e @ IngestError::Limit { .. }) => e.to_string(),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn every_limit_names_itself() {
    let (_, csv, json) = valid_inputs();
    for (bytes, format) in [(&csv, Format::Csv), (&json, Format::Json)] {
        let e = limit_error(bytes, format, Limits { max_bytes: 100, ..Default::default() });
        assert!(e.contains("max_bytes") && e.contains("100"), "{e}");
        let e = limit_error(bytes, format, Limits { max_rows: 3, ..Default::default() });
        assert!(e.contains("max_rows (3) exceeded at line"), "{e}");
        let e = limit_error(bytes, format, Limits { max_columns: 10, ..Default::default() });
        assert!(e.contains("max_columns (10) exceeded at line") && e.contains("column"), "{e}");
    }
    let long = format!("{}\n{}\n", String::from_utf8_lossy(&csv).lines().next().unwrap(), "x".repeat(5000));
    let e = limit_error(long.as_bytes(), Format::Csv, Limits { max_field_bytes: 1000, ..Default::default() });
    assert!(e.contains("max_field_bytes (1,000) exceeded at line 2"), "{e}");
    let comment = format!("{{\"en1\": 3, \"does_well\": \"{}\"}}", "y".repeat(5000));
    let e = limit_error(comment.as_bytes(), Format::Json, Limits { max_field_bytes: 1000, ..Default::default() });
    assert!(e.contains("max_field_bytes (1,000) exceeded at line 1"), "{e}");
}
